"""Disjoint sets of names (union-find), for grouping mentions and entities.

>>> groups = Partition(["ترامب", "ترمب", "بوتين"])
>>> groups.union("ترامب", "ترمب")
>>> groups.find("ترمب") == groups.find("ترامب") != groups.find("بوتين")
True
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["Partition"]


class Partition:
    """Items in disjoint groups; each group is named by one of its items (its root)."""

    def __init__(self, items: Iterable[str]) -> None:
        self._parent = {item: item for item in items}

    def find(self, item: str) -> str:
        """The root of ``item``'s group."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, keep: str, other: str) -> None:
        """Join ``other``'s group into ``keep``'s; ``keep``'s root stays the root."""
        parent = self._parent
        parent[self.find(other)] = self.find(keep)
