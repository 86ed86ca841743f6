"""Nouns that name no entity of any type: currencies, God and religions.

A news graph is about who and where; a tagger trained on newswire still tags the
currency of a price (300 مليون جنيه), God in a quotation (بسم الله) or a religion.
A span made of these nouns only is not a mention of any type.

- :data:`CURRENCY_NOUNS`: the first words of CLDR's Arabic currency names (CLDR 49,
  read through babel; ``python -m arabic_entities.lexicon.non_names`` prints the list
  again), except those that are whole person, place or organization names in the name
  table's sources (ليون, روبية, بوليفار), plus the currency names that are one word
  (يورو).
- :data:`DEITY_AND_RELIGION`: God (الله and its written forms, الرحمن الرحيم) and the
  names of religions. Names built on them (عبد الله, عبد الرحمن) hold other words too.

A word counts with its clitics, article and the endings of the accusative and the
plural (بالدولار, جنيها, دولارات).

>>> is_non_name("جنيها"), is_non_name("بالدولار"), is_non_name("لله"), is_non_name("مصر")
(True, True, True, False)
"""

from __future__ import annotations

import functools
import gzip
import sys

from ..text.normalize import match_key
from .arabic import readings, strip_article

__all__ = ["CURRENCY_NOUNS", "DEITY_AND_RELIGION", "is_non_name", "currency_nouns_from_cldr"]

CURRENCY_NOUNS = frozenset(
    """
أرياري أفغاني أوستمارك أوقية استرال اسكود اسكودو اكويل البلاتين باتاكا باخت بالاديوم بالبوا بانغا
بوليفيانو بير بيزو بيزيتا بيستا تاكا تالوناس توغروغ تولار تينغ جلدر جنيه جوردى حقوق دراخما درام درهم
دلاسي دوبرا دولار دونج دينار ذهب راند روبل روفيه ريال رينغيت رييال زلوتي سوموني سيدي شلن شيكل عملة
غواراني غيلدر فاتو فرنك فضة فلورن فورينت كروزادو كروزايرو كرونة كواشا كوانزا كوتزال كود كوردوبة كولن
كونا كيات كينا لاتس لارى لوتي ليتا ليرة ليف ليلانجيني ليمبيرا مارك ماركا مانات متكال مفدول ناكفا
نايرا نوفو نولتوم هريفنيا وحدة وون ين يوان يورو
""".split()
)

DEITY_AND_RELIGION = frozenset(
    """
الله لله اللهم الرب الرحمن الرحيم الإسلام المسيحية اليهودية البوذية الهندوسية النصرانية الإسلامية
""".split()
)

#: Endings of the accusative and the plural that a counted noun takes (جنيها, دولارات).
_ENDINGS = ("ات", "ان", "ين", "ا")


@functools.cache
def _keys() -> frozenset[str]:
    return frozenset(match_key(word) for word in CURRENCY_NOUNS | DEITY_AND_RELIGION)


@functools.lru_cache(maxsize=30_000)
def is_non_name(word: str) -> bool:
    """Whether ``word`` is a currency, God or a religion, with any clitics, article or ending."""
    keys = _keys()
    for form in readings(match_key(word)):
        for bare in {form, strip_article(form)}:
            if bare in keys or any(bare.endswith(e) and bare[: -len(e)] in keys for e in _ENDINGS):
                return True
    return False


def currency_nouns_from_cldr(whole_names: frozenset[str]) -> list[str]:
    """:data:`CURRENCY_NOUNS` computed again from babel's CLDR, given the match keys of
    the whole person, place and organization names of the name table's sources."""
    from babel import Locale

    names = Locale("ar").currencies.values()
    heads = {name.split()[0] for name in names if name.split()[0].isalpha()}
    return sorted({h for h in heads if match_key(h) not in whole_names} | {n for n in names if len(n.split()) == 1})


def _whole_names() -> frozenset[str]:
    from .gazetteer import COLUMNS, TABLE_PATH, TOKEN_SOURCE

    keys = set()
    with gzip.open(TABLE_PATH, "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            row = dict(zip(COLUMNS, line.rstrip("\n").split("\t")))
            if row["source"] != TOKEN_SOURCE and row["label"] in {"PERS", "LOC", "ORG"}:
                keys.add(row["key"])
    return frozenset(keys)


if __name__ == "__main__":
    print(" ".join(currency_nouns_from_cldr(_whole_names())))
    sys.exit(0)
