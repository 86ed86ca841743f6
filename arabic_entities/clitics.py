"""Candidate splits of Arabic proclitics: conjunctions و ف, prepositions ب ل ك, article ال.

This module only lists what *could* be a proclitic; deciding whether to strip
one needs evidence and happens in :mod:`arabic_entities.resolve`.

>>> [(s.prefix, s.stem) for s in proclitic_splits("وبوتين")]
[('و', 'بوتين'), ('وب', 'وتين')]
>>> [(s.prefix, s.stem) for s in proclitic_splits("للكرملين")]
[('ل', 'الكرملين'), ('لل', 'كرملين')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

__all__ = ["Split", "proclitic_splits", "readings", "strip_article"]

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
#: Shortest stem worth considering: two-letter remainders are almost never names.
MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class Split:
    """``prefix`` (the clitics, as written) + ``stem``; ``length`` is how many
    characters of the written word the clitics take.

    After ل the article loses its alef (ل + الكرملين = للكرملين), so the stem can
    restore a letter that is not written: then ``stem`` is longer than the rest
    of the word.
    """

    prefix: str
    stem: str
    length: int


@functools.lru_cache(maxsize=100_000)
def proclitic_splits(word: str, *, min_stem: int = MIN_STEM) -> tuple[Split, ...]:
    """All conjunction/preposition splits of ``word`` with a stem of ``min_stem`` letters or more.

    The word is expected in normalized form (alef variants folded to ا). The
    article ال is kept in the stem, except as the split ``لل`` + stem that reads
    ``للكرملين`` as ل + ال + كرملين.
    """
    splits: list[Split] = []
    for conj in _CONJUNCTIONS:
        for prep in _PREPOSITIONS:
            prefix = conj + prep
            if not prefix or not word.startswith(prefix):
                continue
            rest = word[len(prefix):]
            if prep == "ل" and rest.startswith("ل") and len(rest) > min_stem:
                splits.append(Split(prefix, "ا" + rest, len(prefix)))
                splits.append(Split(prefix + "ل", rest[1:], len(prefix) + 1))
            elif len(rest) >= min_stem:
                splits.append(Split(prefix, rest, len(prefix)))
    return tuple(splits)


@functools.lru_cache(maxsize=100_000)
def readings(word: str) -> tuple[str, ...]:
    """``word`` itself, then every stem it has after proclitics: the forms a name may take.

    >>> readings("وبوتين")
    ('وبوتين', 'بوتين', 'وتين')
    """
    return (word, *(s.stem for s in proclitic_splits(word)))


def strip_article(word: str) -> str:
    """``word`` without a leading ال when enough remains.

    >>> strip_article("الكرملين"), strip_article("الم")
    ('كرملين', 'الم')
    """
    return word[2:] if word.startswith("ال") and len(word) - 2 >= MIN_STEM else word
