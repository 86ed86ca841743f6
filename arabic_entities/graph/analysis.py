"""Reading a co-mention graph: who matters, which pairs are close, which groups form.

Plain functions over the graph :func:`~arabic_entities.cooccurrence_graph` returns
(nodes with ``label``, ``name``, ``name_en``, ``count``, ``docs``; edges with
``weight``, ``docs``, ``npmi``, ``relations``, ``evidence``).

>>> import arabic_entities as ae
>>> docs = [ae.extract("وقال الملياردير إيلون ماسك إن الرئيس بوتين وافق على اللقاء في الكرملين."),
...         ae.extract("وقال ماسك إن بوتين وافق.")]
>>> G = ae.cooccurrence_graph(docs)
>>> [(e.name, e.score) for e in top_entities(G, 2)]
[('بوتين', 2), ('إيلون ماسك', 2)]
>>> sorted(G.nodes[n]["name"] for n in ego_network(G, "Kremlin"))
['إيلون ماسك', 'الكرملين', 'بوتين']

The rankings come back as records that carry each entity's names and label
(:class:`RankedEntity`, :class:`RankedPair`); ``pandas.DataFrame(records)`` makes a table of them.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..text.normalize import match_key

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CENTRALITIES",
    "ENTITY_MEASURES",
    "PAIR_MEASURES",
    "RankedEntity",
    "RankedPair",
    "centrality",
    "communities",
    "edges_dataframe",
    "ego_network",
    "find_node",
    "nodes_dataframe",
    "require_pandas",
    "strongest_pairs",
    "top_entities",
]

#: Kinds :func:`centrality` computes.
CENTRALITIES = ("degree", "betweenness", "eigenvector", "pagerank")
#: What :func:`top_entities` ranks by.
ENTITY_MEASURES = ("count", "docs", "degree", "weighted_degree", "betweenness", "eigenvector", "pagerank")
#: What :func:`strongest_pairs` ranks by.
PAIR_MEASURES = ("weight", "npmi", "docs")


@dataclass(frozen=True, slots=True)
class RankedEntity:
    """A node of the graph, with its names, its label and the figure it was ranked by.

    >>> e = RankedEntity("pers-1", "PERS", "بوتين", "Vladimir Putin", 4)
    >>> str(e), e.score
    ('بوتين (Vladimir Putin)', 4)
    """

    id: Hashable
    label: str | None
    name: str | None
    name_en: str | None
    score: float

    def __str__(self) -> str:
        return _display(self.name, self.name_en, self.id)


@dataclass(frozen=True, slots=True)
class RankedPair:
    """An edge of the graph: its two nodes with their names, and the figure it was ranked by.

    >>> pair = RankedPair("pers-1", "loc-2", "بوتين", "موسكو", "Vladimir Putin", "Moscow", 3)
    >>> str(pair)
    'بوتين (Vladimir Putin) — موسكو (Moscow)'
    """

    source: Hashable
    target: Hashable
    source_name: str | None
    target_name: str | None
    source_name_en: str | None
    target_name_en: str | None
    score: float

    def __str__(self) -> str:
        source = _display(self.source_name, self.source_name_en, self.source)
        target = _display(self.target_name, self.target_name_en, self.target)
        return f"{source} — {target}"


def _display(name: str | None, name_en: str | None, node: Hashable) -> str:
    """``name (name_en)``, or whichever of them there is, or the node id."""
    if name and name_en:
        return f"{name} ({name_en})"
    return name or name_en or str(node)


def _ranked(G: nx.Graph, node: Hashable, score: float) -> RankedEntity:
    data = G.nodes[node]
    return RankedEntity(node, data.get("label"), data.get("name"), data.get("name_en"), score)


def _check(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise ValueError(f"{what} must be one of {allowed}, got {value!r}")


def centrality(G: nx.Graph, *, kind: str = "degree") -> dict[Hashable, float]:
    """Centrality of every node: ``"degree"`` (share of the other nodes it meets),
    ``"betweenness"`` (share of shortest paths through it; edges count as one step,
    whatever their weight), ``"eigenvector"`` or ``"pagerank"`` (both weighted by ``weight``).

    >>> G = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> centrality(G, kind="betweenness")
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    _check(kind, CENTRALITIES, "kind")
    if len(G) == 0:
        return {}
    if kind == "degree":
        return nx.degree_centrality(G)
    if kind == "betweenness":
        return nx.betweenness_centrality(G)
    if kind == "eigenvector":
        return nx.eigenvector_centrality(G, max_iter=1000, weight="weight")
    return nx.pagerank(G, weight="weight")


def top_entities(G: nx.Graph, n: int | None = 10, *, by: str = "count") -> list[RankedEntity]:
    """The ``n`` highest-scoring entities (all with ``n=None``), ties by node id.

    ``by``: ``"count"`` (mentions), ``"docs"`` (documents naming it), ``"degree"``
    (neighbours), ``"weighted_degree"`` (sum of edge weights) or a :func:`centrality` kind.

    >>> G = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1}), ("c", "d", {"weight": 5})])
    >>> G.nodes["c"].update(label="PERS", name="بوتين", name_en="Vladimir Putin")
    >>> top_entities(G, 2, by="weighted_degree")[0]
    RankedEntity(id='c', label='PERS', name='بوتين', name_en='Vladimir Putin', score=6)
    >>> [(e.id, e.score) for e in top_entities(G, 2, by="weighted_degree")]
    [('c', 6), ('d', 5)]
    """
    _check(by, ENTITY_MEASURES, "by")
    if by == "count":
        scores = dict(G.nodes(data="count", default=0))
    elif by == "docs":
        scores = {node: len(docs) for node, docs in G.nodes(data="docs", default=())}
    elif by == "degree":
        scores = dict(G.degree())
    elif by == "weighted_degree":
        scores = dict(G.degree(weight="weight"))
    else:
        scores = centrality(G, kind=by)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], str(item[0])))[:n]
    return [_ranked(G, node, score) for node, score in ranked]


def strongest_pairs(G: nx.Graph, n: int | None = 10, *, by: str = "weight", min_weight: int = 1) -> list[RankedPair]:
    """The ``n`` strongest edges (all with ``n=None``).

    ``by``: ``"weight"`` (shared windows), ``"npmi"`` or ``"docs"`` (documents where
    they meet). Only edges of ``weight >= min_weight`` count: the default leaves out
    pairs that are related but never share a window, and a higher one keeps ``npmi``
    from favouring pairs met once. Ties go to the heavier edge, then by node ids.

    >>> G = nx.Graph([("a", "b", {"weight": 3, "npmi": 0.2}), ("b", "c", {"weight": 1, "npmi": 0.9})])
    >>> [(p.source, p.target, p.score) for p in strongest_pairs(G, by="npmi")]
    [('b', 'c', 0.9), ('a', 'b', 0.2)]
    >>> [(p.source, p.target, p.score) for p in strongest_pairs(G, by="npmi", min_weight=2)]
    [('a', 'b', 0.2)]
    """
    _check(by, PAIR_MEASURES, "by")
    pairs = [
        (a, b, len(d.get("docs", ())) if by == "docs" else d[by], d.get("weight", 1))
        for a, b, d in G.edges(data=True)
        if d.get("weight", 1) >= min_weight
    ]
    pairs.sort(key=lambda p: (-p[2], -p[3], str(p[0]), str(p[1])))
    return [
        RankedPair(
            a,
            b,
            G.nodes[a].get("name"),
            G.nodes[b].get("name"),
            G.nodes[a].get("name_en"),
            G.nodes[b].get("name_en"),
            score,
        )
        for a, b, score, _ in pairs[:n]
    ]


def communities(
    G: nx.Graph, *, seed: int = 0, resolution: float = 1.0, attribute: str | None = None
) -> list[list[RankedEntity]]:
    """Groups of entities often named together: Louvain communities on ``weight``
    (:func:`networkx.community.louvain_communities`), largest first; each group's
    members most mentioned first (their ``score`` is the mention ``count``).

    The same graph and ``seed`` give the same groups. With ``attribute``, each node
    also gets its group's index under that name (``attribute="community"`` colours a
    Gephi export). Without co-mentions (all weights 0) every node is its own group.

    >>> G = nx.Graph([("a", "b", {"weight": 5}), ("c", "d", {"weight": 5}), ("b", "c", {"weight": 1})])
    >>> G.nodes["b"].update(name="بوتين", count=3)
    >>> [[str(member) for member in group] for group in communities(G, attribute="community")]
    [['بوتين', 'a'], ['c', 'd']]
    >>> G.nodes["d"]["community"]
    1
    """
    if G.size(weight="weight") == 0:
        groups = [{node} for node in G]
    else:
        groups = nx.community.louvain_communities(G, weight="weight", resolution=resolution, seed=seed)
    groups.sort(key=lambda group: (-len(group), min(map(str, group))))
    if attribute is not None:
        for index, group in enumerate(groups):
            for node in group:
                G.nodes[node][attribute] = index
    counts = dict(G.nodes(data="count", default=0))
    return [
        [_ranked(G, node, counts[node]) for node in sorted(group, key=lambda node: (-counts[node], str(node)))]
        for group in groups
    ]


def find_node(G: nx.Graph, entity: Any) -> Hashable:
    """The node ``entity`` names: a node id, an Arabic name (compared after
    normalization) or an English name; KeyError when it names none or several."""
    if entity in G:
        return entity
    if not isinstance(entity, str):
        raise KeyError(f"no node {entity!r} in the graph")
    key = match_key(entity)
    matches = [
        node
        for node, d in G.nodes(data=True)
        if any(name and match_key(name) == key for name in (d.get("name"), d.get("name_en")))
    ]
    if len(matches) == 1:
        return matches[0]
    if matches:
        found = ", ".join(f"{node} ({G.nodes[node].get('label')} {G.nodes[node].get('name')})" for node in matches)
        raise KeyError(f"{entity!r} names {len(matches)} entities: {found}; pass one of these ids")
    names = {name for _, d in G.nodes(data=True) for name in (d.get("name"), d.get("name_en")) if name}
    close = difflib.get_close_matches(entity, sorted(names), n=3)
    hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
    raise KeyError(f"no entity {entity!r} in the graph: give a node id, an Arabic or an English name{hint}")


def ego_network(G: nx.Graph, entity: Any, *, radius: int = 1) -> nx.Graph:
    """The entities within ``radius`` steps of ``entity`` and the edges among them (a copy).

    ``entity`` is a node id, or a name: Arabic (compared after normalization, so
    ``ايلون ماسك`` finds ``إيلون ماسك``) or English. KeyError when it names no
    entity or several.

    >>> G = nx.Graph([("p1", "p2"), ("p2", "p3")])
    >>> G.add_nodes_from([("p1", {"name": "بوتين", "name_en": "Vladimir Putin"}), ("p2", {"name": "ماسك"})])
    >>> sorted(ego_network(G, "vladimir putin")), sorted(ego_network(G, "ماسك"))
    (['p1', 'p2'], ['p1', 'p2', 'p3'])
    """
    return nx.ego_graph(G, find_node(G, entity), radius=radius)


def require_pandas(function: str) -> ModuleType:
    """The ``pandas`` module, or an ImportError saying that ``function`` needs it."""
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(f"{function} needs pandas: pip install 'arabic_entities[dataframe]'") from error
    return pd


def nodes_dataframe(G: nx.Graph) -> pd.DataFrame:
    """One row per node: ``id``, then its attributes (needs the ``dataframe`` extra: pandas).

    >>> G = nx.Graph()
    >>> G.add_node("p1", name="بوتين", count=3)
    >>> nodes_dataframe(G).to_dict("records")
    [{'id': 'p1', 'name': 'بوتين', 'count': 3}]
    """
    pd = require_pandas("nodes_dataframe")
    rows = [{"id": node, **d} for node, d in G.nodes(data=True)]
    return pd.DataFrame(rows, columns=_columns(["id"], rows))


def edges_dataframe(G: nx.Graph) -> pd.DataFrame:
    """One row per edge: ``source``, ``target``, their names, then the edge's attributes
    (needs the ``dataframe`` extra: pandas).

    >>> G = nx.Graph([("p1", "p2", {"weight": 2})])
    >>> G.nodes["p1"]["name"] = "بوتين"
    >>> edges_dataframe(G).to_dict("records")
    [{'source': 'p1', 'target': 'p2', 'source_name': 'بوتين', 'target_name': None, 'weight': 2}]
    """
    pd = require_pandas("edges_dataframe")
    rows = [
        {"source": a, "target": b, "source_name": G.nodes[a].get("name"), "target_name": G.nodes[b].get("name"), **d}
        for a, b, d in G.edges(data=True)
    ]
    return pd.DataFrame(rows, columns=_columns(["source", "target", "source_name", "target_name"], rows))


def _columns(first: list[str], rows: list[dict]) -> list[str]:
    """``first``, then every other key of ``rows`` in the order met."""
    return list(dict.fromkeys([*first, *(key for row in rows for key in row)]))
