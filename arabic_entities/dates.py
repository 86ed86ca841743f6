"""Dates of documents and the periods they fall in (day, week, month, year).

A document's date is kept as ISO 8601 text, as precise as it was given: a day
(``2017-03-07``) or a date and time with its UTC offset (``2017-03-07T09:00:00+01:00``).
A period is named by text that sorts in time order.

>>> parse_date("2017-03-07T09:00:00+01:00")
'2017-03-07T09:00:00+01:00'
>>> [period_of("2017-03-07T23:30:00+01:00", p) for p in PERIODS]
['2017-03-07', '2017-W10', '2017-03', '2017']
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Literal, get_args

__all__ = ["PERIODS", "DateInput", "Period", "parse_date", "period_of", "period_start", "periods_between"]

#: The lengths of time a graph can be cut into.
Period = Literal["day", "week", "month", "year"]
PERIODS: tuple[Period, ...] = get_args(Period)

#: What a date may be given as: ISO text, a date or a datetime.
DateInput = str | dt.date


def parse_date(value: DateInput) -> str:
    """``value`` as ISO 8601 text: a ``date`` or an ISO date gives ``YYYY-MM-DD``; a
    ``datetime`` or an ISO date and time gives it with seconds and its offset, if any
    (time zones are kept, not converted). ValueError names a value that is no date.

    >>> parse_date("2016-10-11"), parse_date(dt.datetime(2016, 10, 11, 9, 7))
    ('2016-10-11', '2016-10-11T09:07:00')
    >>> parse_date("11/10/2016")
    Traceback (most recent call last):
    ...
    ValueError: not an ISO 8601 date or datetime: '11/10/2016' (expected e.g. 2016-10-11 or 2016-10-11T09:07:00+01:00)
    """
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"a date must be ISO text, a date or a datetime, not {type(value).__name__}")
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat(timespec="seconds")
    except ValueError:
        raise ValueError(
            f"not an ISO 8601 date or datetime: {value!r} (expected e.g. 2016-10-11 or 2016-10-11T09:07:00+01:00)"
        ) from None


def _day(date: str) -> dt.date:
    """The calendar day of an ISO date or datetime, in its own time zone."""
    return dt.date.fromisoformat(date[:10])


@functools.lru_cache(maxsize=4096)
def period_of(date: str, period: Period) -> str:
    """The name of the ``period`` that ISO ``date`` falls in: ``2017-03-07`` (day),
    ``2017-W10`` (ISO week), ``2017-03`` (month) or ``2017`` (year). A datetime counts
    on its own calendar day (the offset it was written with)."""
    day = _day(date)
    if period == "day":
        return day.isoformat()
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "year":
        return str(day.year)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


def period_start(name: str) -> dt.date:
    """The first day of the period named ``name`` (as :func:`period_of` names them).

    >>> period_start("2017-W10"), period_start("2017-03"), period_start("2017")
    (datetime.date(2017, 3, 6), datetime.date(2017, 3, 1), datetime.date(2017, 1, 1))
    """
    if "-W" in name:
        year, week = name.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    parts = [int(part) for part in name.split("-")]
    return dt.date(*parts, *[1] * (3 - len(parts)))


def periods_between(first: str, last: str, period: Period) -> list[str]:
    """The names of every ``period`` from the one of ``first`` to the one of ``last``
    (ISO dates), gaps included: the axis of a timeline.

    >>> periods_between("2016-11-20", "2017-02-01", "month")
    ['2016-11', '2016-12', '2017-01', '2017-02']
    """
    day, last_name = _day(first), period_of(last, period)
    step = dt.timedelta(days=7 if period == "week" else 1)
    names = [period_of(first, period)]
    while names[-1] < last_name:
        day += step
        name = period_of(day.isoformat(), period)
        if name != names[-1]:
            names.append(name)
    return names
