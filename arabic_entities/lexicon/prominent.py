"""Prominent current-affairs names from the curated table shipped with the name table.

``gazetteer/curated.tsv`` lists people, organisations and places that recent news
names often and that the larger sources miss or spell differently (see
``gazetteer/SOURCES.md``). Two things come from it here:

- the surnames that only one listed person bears, so that a bare ماسك in an
  article is Elon Musk;
- word patterns of the listed names and of those surnames (except the ones that
  start with the article, like الشرع, which are common words too), which the
  pipeline looks for where the recognizer found nothing: a tagger misses a bare
  surname that is also a common word, as ماسك "holder" is.

>>> prominent_surnames()["ماسك"]
'Elon Musk'
>>> prominent_patterns()[("بوتين",)]
'PERS'
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from pathlib import Path

from ..document import LABELS, Label, is_label
from ..text.normalize import match_key

__all__ = ["CURATED_PATH", "prominent_surnames", "prominent_patterns"]

CURATED_PATH = Path(__file__).parent / "data" / "curated.tsv"


@functools.cache
def _rows(path: str | Path) -> tuple[tuple[Label, tuple[str, ...], str], ...]:
    """``(label, key words, English)`` of every curated row."""
    rows: list[tuple[Label, tuple[str, ...], str]] = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            label = row["label"]
            if not is_label(label):
                raise ValueError(f"{path}:{reader.line_num}: label {label!r} is not one of {', '.join(LABELS)}")
            rows.append((label, tuple(match_key(row["ar"]).split()), row["en"]))
    return tuple(rows)


#: Words after which the last word is not a surname on its own: a father's or family
#: name (محمد بن سلمان, تميم بن حمد آل ثاني) or part of a compound (فون دير لاين).
_PARTICLES = frozenset({"بن", "ابن", "بنت", "ابو", "ال", "عبد", "نصر", "فون", "دير", "دي", "فان", "دا"})
#: Last words that end compound names (نصر الله, عبد الرحمن) rather than being surnames.
_COMPOUND_ENDS = frozenset({"الله", "الدين", "الرحمن"})
#: Shorter last words are not taken as surnames.
MIN_SURNAME = 4


@functools.cache
def prominent_surnames(path: str | Path = CURATED_PATH) -> dict[str, str]:
    """Last-word key → English name, for surnames only one listed person bears."""
    owners: dict[str, set[str]] = defaultdict(set)
    for label, words, english in _rows(path):
        if label != "PERS" or len(words) < 2 or not english:
            continue
        if len(words[-1]) >= MIN_SURNAME and words[-2] not in _PARTICLES and words[-1] not in _COMPOUND_ENDS:
            owners[words[-1]].add(english)
    return {word: names.pop() for word, names in owners.items() if len(names) == 1}


@functools.cache
def prominent_patterns(path: str | Path = CURATED_PATH) -> dict[tuple[str, ...], Label]:
    """Word-key patterns of the listed names (and their unique surnames) → label."""
    patterns: dict[tuple[str, ...], Label] = {}
    for label, words, _ in _rows(path):
        if words:
            patterns.setdefault(words, label)
    for surname in prominent_surnames(path):
        if not surname.startswith("ال"):  # الشرع, الحوثي are common words too
            patterns.setdefault((surname,), "PERS")
    return patterns
