"""Dates of documents and the periods they fall in."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_entities.dates import PERIODS, parse_date, period_of, period_start, periods_between


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2017-03-07", "2017-03-07"),
        (" 2017-03-07 ", "2017-03-07"),
        ("2017-03-07T09:00:00+01:00", "2017-03-07T09:00:00+01:00"),
        ("2017-03-07T09:00Z", "2017-03-07T09:00:00+00:00"),
        ("2017-03-07 09:00:05", "2017-03-07T09:00:05"),
        (dt.date(2017, 3, 7), "2017-03-07"),
        (dt.datetime(2017, 3, 7, 9, tzinfo=dt.timezone(dt.timedelta(hours=3))), "2017-03-07T09:00:00+03:00"),
    ],
)
def test_dates_are_kept_as_iso_text_with_their_time_zone(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["07/03/2017", "2017-13-01", "yesterday", ""])
def test_a_value_that_is_no_date_is_a_clear_error(value):
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        parse_date(value)


def test_a_date_of_another_type_is_a_type_error():
    with pytest.raises(TypeError, match="ISO text, a date or a datetime"):
        parse_date(20170307)


def test_a_datetime_counts_on_its_own_calendar_day():
    assert period_of("2016-12-31T23:30:00-05:00", "year") == "2016"
    assert period_of("2017-01-01T00:30:00+01:00", "day") == "2017-01-01"


def test_iso_weeks_cross_years():
    assert period_of("2017-01-01", "week") == "2016-W52"
    assert period_of("2017-01-02", "week") == "2017-W01"


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.sampled_from(PERIODS))
def test_a_period_starts_on_or_before_its_days(day, period):
    name = period_of(day.isoformat(), period)
    assert period_start(name) <= day
    assert period_of(period_start(name).isoformat(), period) == name


@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)), st.integers(0, 800), st.sampled_from(PERIODS))
def test_periods_between_are_every_period_once_in_order(first, days, period):
    last = first + dt.timedelta(days=days)
    names = periods_between(first.isoformat(), last.isoformat(), period)
    assert names == sorted(set(names))
    assert names[0] == period_of(first.isoformat(), period) and names[-1] == period_of(last.isoformat(), period)
    every_day = {period_of((first + dt.timedelta(days=k)).isoformat(), period) for k in range(days + 1)}
    assert set(names) == every_day
