"""What drawings and pages of a co-mention graph share: which nodes, where, in which colour and size.

>>> G = nx.Graph([("pers-1", "loc-1")])
>>> G.nodes["pers-1"].update(label="PERS", name="بوتين", count=3)
>>> G.nodes["loc-1"].update(label="LOC", name="موسكو", name_en="Moscow", count=1)
>>> list(top_nodes(G, max_nodes=1)), [label_color(G.nodes[n]["label"]) for n in G]
(['pers-1'], ['#e15759', '#59a14f'])
>>> sorted(layout(G)) == sorted(G)
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = ["LABEL_COLORS", "LABEL_NAMES", "display_name", "label_color", "label_order", "layout", "scale", "top_nodes"]

#: Colour of each entity type in drawings and highlighted text.
LABEL_COLORS = {"PERS": "#e15759", "ORG": "#4e79a7", "LOC": "#59a14f", "MISC": "#b07aa1"}
#: Each entity type in words, for legends.
LABEL_NAMES = {"PERS": "person", "ORG": "organization", "LOC": "place", "MISC": "other"}
_OTHER_COLOR = "#9d9d9d"
_SPRING_K, _GAP = 1.6, 0.6  # spring length (for one node per unit area) and gap between components


def label_color(label: str) -> str:
    """The colour of entity type ``label``; grey for unknown types.

    >>> label_color("PERS"), label_color("DATE")
    ('#e15759', '#9d9d9d')
    """
    return LABEL_COLORS.get(label, _OTHER_COLOR)


def top_nodes(G: nx.Graph, *, max_nodes: int) -> nx.Graph:
    """The subgraph of the ``max_nodes`` most mentioned nodes (ties broken by id).

    >>> G = nx.Graph()
    >>> G.add_nodes_from([("b", {"count": 2}), ("a", {"count": 2}), ("c", {"count": 5})])
    >>> sorted(top_nodes(G, max_nodes=2))  # b loses the tie to a
    ['a', 'c']
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    ranked = sorted(G.nodes, key=lambda n: (-G.nodes[n].get("count", 0), str(n)))
    return G.subgraph(ranked[:max_nodes])


def layout(G: nx.Graph, *, seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Node positions, the same for the same graph and seed.

    Each connected component gets its own spring layout (heavy edges pull a little
    harder) in a box that grows with its size; the boxes are packed in rows, biggest
    first, in a 4:3 frame, so that isolated entities do not squeeze the rest into a corner.

    >>> layout(nx.Graph([("a", "b")]), seed=1) == layout(nx.Graph([("a", "b")]), seed=1)
    True
    """
    components = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(map(str, c))))
    boxes = []
    for component in components:
        side = math.sqrt(len(component))
        F = nx.Graph()
        F.add_nodes_from(n for n in G if n in component)
        F.add_weighted_edges_from(
            (a, b, 1 + math.log1p(max(d.get("weight", 1), 0))) for a, b, d in G.subgraph(component).edges(data=True)
        )
        pos = nx.spring_layout(F, k=_SPRING_K / side, iterations=300, seed=seed, center=(0, 0), scale=side / 2)
        boxes.append((side, pos))
    width = max([boxes[0][0] if boxes else 0, math.sqrt(4 / 3 * sum(side * side for side, _ in boxes))])
    placed: dict[Any, tuple[float, float]] = {}
    x = y = row = 0.0
    for side, pos in boxes:
        if x and x + side > width:
            x, y, row = 0.0, y + row + _GAP, 0.0
        for n, (px, py) in pos.items():
            placed[n] = (x + side / 2 + float(px), -(y + side / 2) + float(py))
        x, row = x + side + _GAP, max(row, side)
    return placed


def label_order(labels: Iterable[str]) -> list[str]:
    """The distinct ``labels``, known types first in :data:`LABEL_COLORS` order.

    >>> label_order(["LOC", "DATE", "PERS", "LOC"])
    ['PERS', 'LOC', 'DATE']
    """
    labels = set(labels)
    return [label for label in LABEL_COLORS if label in labels] + sorted(labels - set(LABEL_COLORS), key=str)


def display_name(data: dict, *, english: bool) -> str:
    """A node's label text: its Arabic ``name``, or with ``english`` its ``name_en`` where
    known, else for a person or a place its romanized ``name_latin`` (an organization's
    name is mostly words, which romanized read worse than in Arabic), else ``name``.

    >>> display_name({"name": "موسكو", "name_en": "Moscow"}, english=True)
    'Moscow'
    >>> display_name({"label": "PERS", "name": "ناديلا", "name_en": None, "name_latin": "Nadela"}, english=True)
    'Nadela'
    """
    if not english:
        return str(data.get("name") or "")
    latin = data.get("name_latin") if data.get("label") in ("PERS", "LOC") else None
    return str(data.get("name_en") or latin or data.get("name") or "")


def scale(value: float, top: float, low: float, high: float) -> float:
    """``value`` in ``[0, top]`` mapped to ``[low, high]``.

    >>> scale(5, 10, 0, 100), scale(1, 0, 2, 4)
    (50.0, 2.0)
    """
    return low + (high - low) * (value / top if top else 0.0)
