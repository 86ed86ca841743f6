"""Word clusters and frequency ranks from unlabeled news: lookups for the recognizer and
the entity stage.

The table is built by :mod:`arabic_entities.lexicon.build_clusters`.

>>> clusters = load_clusters()
>>> word_rank("في") < word_rank("بوتين")
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CLUSTERS_PATH", "WordClusters", "load_clusters", "word_rank"]

CLUSTERS_PATH = Path(__file__).parent / "data" / "clusters.npz"


@dataclass(frozen=True)
class WordClusters:
    """Cluster ids and frequency rank of the words of the unlabeled corpus.

    ``ids[key]`` is ``(rank, id at size 1, id at size 2, ...)`` with ``rank`` 1 for
    the most frequent word; ``sizes`` names the cluster columns.
    """

    sizes: tuple[int, ...]
    ids: dict[str, tuple[int, ...]]


@functools.cache
def load_clusters(path: str | Path = CLUSTERS_PATH) -> WordClusters:
    """The cluster table at ``path`` (the shipped one by default), read once."""
    import numpy as np

    with np.load(path, allow_pickle=False) as table:
        keys = table["keys"].tobytes().decode("utf-8").split("\n")
        sizes = tuple(table["sizes"].tolist())
        columns = table["ids"].T.tolist()
    return WordClusters(sizes, dict(zip(keys, zip(range(1, len(keys) + 1), *columns))))


def word_rank(key: str) -> int | None:
    """Frequency rank of the word key ``key`` in the unlabeled corpus (1 = most frequent),
    or None for a word the corpus does not have."""
    entry = load_clusters().ids.get(key)
    return entry[0] if entry else None
