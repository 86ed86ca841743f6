"""Compact name tables shipped with the package (built by :mod:`.build`).

>>> gaz = load_gazetteer()
>>> sorted(gaz.labels("واشنطن"))
['LOC', 'PERS']
>>> "PERS" in gaz.part_labels("فلاديمير")
True
"""

from __future__ import annotations

import functools
import gzip
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Gazetteer", "load_gazetteer"]

TABLE_PATH = Path(__file__).parent / "names.tsv.gz"
_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Gazetteer:
    """Known names by match key (see :func:`arabic_entities.normalize.match_key`).

    ``names`` maps a whole name to its labels; ``parts`` maps a word to the labels
    of the multi-word names it occurs in; ``first_words`` holds the first words of
    the multi-word names.
    """

    names: dict[str, frozenset[str]]
    parts: dict[str, frozenset[str]]
    max_words: int
    first_words: frozenset[str]

    def labels(self, key: str) -> frozenset[str]:
        """Labels of the whole name ``key`` (empty when unknown)."""
        return self.names.get(key, _EMPTY)

    def part_labels(self, word_key: str) -> frozenset[str]:
        """Labels of the multi-word names that contain the word ``word_key``."""
        return self.parts.get(word_key, _EMPTY)

    def __contains__(self, key: str) -> bool:
        return key in self.names


def _read(path: Path) -> Gazetteer:
    names: dict[str, set[str]] = defaultdict(set)
    parts: dict[str, set[str]] = defaultdict(set)
    max_words = 1
    first_words = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            key, label, _ = line.split("\t", 2)
            names[key].add(label)
            words = key.split()
            if len(words) > 1:
                max_words = max(max_words, len(words))
                first_words.add(words[0])
                for word in words:
                    parts[word].add(label)
    return Gazetteer(
        {k: frozenset(v) for k, v in names.items()},
        {k: frozenset(v) for k, v in parts.items()},
        max_words,
        frozenset(first_words),
    )


@functools.cache
def load_gazetteer(path: str | Path = TABLE_PATH) -> Gazetteer:
    """The name table at ``path`` (the shipped one by default), read once."""
    return _read(Path(path))
