"""News over time: entities and links per period, who rose and fell, a link's evidence.

Everything here reads a graph built with a ``period`` (``cooccurrence_graph(docs,
period="month")``, documents with dates: ``ae.extract(text, date="2017-03-07")``), whose
nodes and edges count their mentions per period (:mod:`arabic_entities.graph.build`).
Tables are tidy pandas DataFrames, one row per period and entity or pair, ready for
``to_csv`` / ``to_parquet`` or a plot.

>>> import arabic_entities as ae
>>> docs = [ae.extract("التقى بوتين بإيلون ماسك في موسكو.", "a", date="2017-01-05"),
...         ae.extract("وقال ماسك إن بوتين وافق، وانتقد ترامب ماسك.", "b", date="2017-03-10")]
>>> G = ae.cooccurrence_graph(docs, period="month")
>>> entity_timeline(G, ["Elon Musk"])[["period", "mentions"]].values.tolist()
[['2017-01', 1], ['2017-02', 0], ['2017-03', 2]]
>>> changes(G, "2017-01", "2017-03")[["name", "before", "after", "change"]].head(2).values.tolist()
[['إيلون ماسك', 1, 2, 1], ['ترامب', 0, 1, 1]]
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..dates import PERIODS, Period, period_of, period_start, periods_between
from ..document import RELATION_TYPES
from .analysis import find_node, require_pandas
from .layout import display_name

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "changes",
    "entity_timeline",
    "link_evidence",
    "link_timeline",
    "period_graph",
    "plot_timeline",
    "timeline_periods",
]


def _check_timed(G: nx.Graph) -> Period:
    """The graph's period, or a ValueError saying how to build a graph that has one."""
    period = G.graph.get("period")
    if period not in PERIODS:
        raise ValueError(
            "this graph has no periods: build it with cooccurrence_graph(docs, period='month') "
            "(or 'day', 'week', 'year') from documents with dates"
        )
    return period


def timeline_periods(G: nx.Graph) -> list[str]:
    """Every period from the first to the last one the graph counts, gaps included."""
    period = _check_timed(G)
    names = {name for _, counts in G.nodes(data="periods") for name in counts or ()} | set(G.graph.get("documents", ()))
    if not names:
        return []
    return periods_between(period_start(min(names)).isoformat(), period_start(max(names)).isoformat(), period)


def _nodes(G: nx.Graph, entities: Iterable[Any] | None) -> list[Hashable]:
    return list(G) if entities is None else [find_node(G, entity) for entity in entities]


def entity_timeline(G: nx.Graph, entities: Iterable[Any] | None = None, *, fill: bool = True) -> pd.DataFrame:
    """Mentions per period: columns ``period``, ``id``, ``label``, ``name``, ``name_en``,
    ``mentions`` and ``per_100_docs`` (mentions per 100 documents of that period: news
    volume changes, this does not). ``entities`` are node ids or names (Arabic or
    English, as :func:`~arabic_entities.ego_network` takes them); None: every node. With
    ``fill`` every period of the graph is a row, 0 where the entity is not named."""
    pd = require_pandas("entity_timeline")
    axis = timeline_periods(G)
    documents = G.graph.get("documents", {})
    rows = []
    for node in _nodes(G, entities):
        data = G.nodes[node]
        counts = data.get("periods") or {}
        for name in axis if fill else sorted(counts):
            rows.append(
                {
                    "period": name,
                    "id": node,
                    "label": data.get("label"),
                    "name": data.get("name"),
                    "name_en": data.get("name_en"),
                    "mentions": counts.get(name, 0),
                    "per_100_docs": round(100 * counts.get(name, 0) / documents[name], 2)
                    if documents.get(name)
                    else 0.0,
                }
            )
    return pd.DataFrame(rows, columns=["period", "id", "label", "name", "name_en", "mentions", "per_100_docs"])


def _edges(G: nx.Graph, pairs: Iterable[tuple[Any, Any]] | None) -> list[tuple[Hashable, Hashable]]:
    if pairs is None:
        return list(G.edges)
    edges = []
    for a, b in pairs:
        source, target = find_node(G, a), find_node(G, b)
        if not G.has_edge(source, target):
            raise KeyError(f"{a!r} and {b!r} are never named together in this graph")
        edges.append((source, target))
    return edges


def link_timeline(G: nx.Graph, pairs: Iterable[tuple[Any, Any]] | None = None, *, fill: bool = True) -> pd.DataFrame:
    """Co-mentions and typed relations of pairs per period: columns ``period``,
    ``source``, ``target``, ``source_name``, ``target_name``, ``co_mentions`` (the edge
    weight in that period) and one column per relation type (``contact``, ``support``
    ...: relations stated that period). ``pairs`` are pairs of node ids or names; None:
    every edge. With ``fill`` every period of the graph is a row."""
    pd = require_pandas("link_timeline")
    axis = timeline_periods(G)
    rows = []
    for a, b in _edges(G, pairs):
        data = G.edges[a, b]
        counts: dict[str, int] = data.get("periods") or {}
        related: dict[str, dict[str, int]] = data.get("relation_periods") or {}
        for name in axis if fill else sorted(set(counts) | set(related)):
            rows.append(
                {
                    "period": name,
                    "source": a,
                    "target": b,
                    "source_name": G.nodes[a].get("name"),
                    "target_name": G.nodes[b].get("name"),
                    "co_mentions": counts.get(name, 0),
                    **{str(kind): related.get(name, {}).get(kind, 0) for kind in RELATION_TYPES},
                }
            )
    columns = ["period", "source", "target", "source_name", "target_name", "co_mentions", *RELATION_TYPES]
    return pd.DataFrame(rows, columns=columns)


def link_evidence(G: nx.Graph, a: Any, b: Any) -> pd.DataFrame:
    """The sentences where two entities meet, in time order: columns ``date``,
    ``period``, ``doc``, ``sentence``, ``text`` (the edge's ``evidence``: up to
    ``max_evidence`` a period)."""
    pd = require_pandas("link_evidence")
    period = _check_timed(G)
    ((source, target),) = _edges(G, [(a, b)])
    rows = [
        {**record, "period": None if record["date"] is None else period_of(record["date"], period)}
        for record in G.edges[source, target]["evidence"]
    ]
    rows.sort(key=lambda row: (row["date"] is None, row["date"] or "", row["doc"], row["sentence"] or 0))
    return pd.DataFrame(rows, columns=["date", "period", "doc", "sentence", "text"])


def changes(G: nx.Graph, before: str, after: str, *, links: bool = False) -> pd.DataFrame:
    """How much each entity (or, with ``links``, each pair) is named in period ``after``
    against period ``before``: columns ``id`` (``source``, ``target`` for links), names,
    ``before``, ``after`` and ``change`` (after - before), risers first (ties: more
    mentions after, then id). ``.head(10)`` are the top risers, ``.tail(10)`` the top
    fallers. Periods are named as the graph's (``"2017-03"`` for a month)."""
    pd = require_pandas("changes")
    axis = set(timeline_periods(G))
    for name in (before, after):
        if name not in axis:
            raise ValueError(f"period {name!r} is not in this graph (it runs {min(axis)} to {max(axis)})")
    rows = []
    if links:
        for a, b, counts in G.edges(data="periods"):
            counts = counts or {}
            names = {"source_name": G.nodes[a].get("name"), "target_name": G.nodes[b].get("name")}
            rows.append({"source": a, "target": b, **names, **_change(counts, before, after)})
        columns = ["source", "target", "source_name", "target_name"]
    else:
        for node, data in G.nodes(data=True):
            names = {"label": data.get("label"), "name": data.get("name"), "name_en": data.get("name_en")}
            rows.append({"id": node, **names, **_change(data.get("periods") or {}, before, after)})
        columns = ["id", "label", "name", "name_en"]
    rows = [row for row in rows if row["before"] or row["after"]]
    rows.sort(key=lambda row: (-row["change"], -row["after"], str(row.get("id") or (row["source"], row["target"]))))
    return pd.DataFrame(rows, columns=[*columns, "before", "after", "change"])


def _change(counts: dict[str, int], before: str, after: str) -> dict[str, int]:
    old, new = counts.get(before, 0), counts.get(after, 0)
    return {"before": old, "after": new, "change": new - old}


def period_graph(G: nx.Graph, name: str) -> nx.Graph:
    """The graph of one period: the nodes named and the edges counted in period
    ``name``, with ``count`` and ``weight`` (and ``relations``) of that period only."""
    _check_timed(G)
    H = nx.Graph(period=G.graph["period"], period_name=name)
    for node, data in G.nodes(data=True):
        count = (data.get("periods") or {}).get(name, 0)
        if count:
            H.add_node(node, **{**data, "count": count})
    for a, b, data in G.edges(data=True):
        weight = (data.get("periods") or {}).get(name, 0)
        related = (data.get("relation_periods") or {}).get(name, {})
        if (weight or related) and a in H and b in H:
            H.add_edge(a, b, **{**data, "weight": weight, "relations": dict(related)})
    return H


def plot_timeline(
    G: nx.Graph,
    entities: Sequence[Any] = (),
    pairs: Sequence[tuple[Any, Any]] = (),
    *,
    path: str | os.PathLike[str] | None = None,
    english: bool = False,
    relative: bool = False,
    since: str | None = None,
    until: str | None = None,
    title: str | None = None,
) -> Figure:
    """A line chart of mentions per period of ``entities`` and co-mentions of ``pairs``
    (node ids or names), or with ``relative`` of both per 100 documents of each period,
    over the periods from ``since`` to ``until`` (names such as ``"2016-01"``; default:
    all); saved to ``path`` (``.png`` or ``.svg``) when given. Labels are the Arabic
    names, shaped for matplotlib where it cannot join letters, or the English ones
    (``english=True``, where known). Needs the ``viz`` extra."""
    from .draw import font_families, label_shaper, require_matplotlib

    require_matplotlib()
    from matplotlib.figure import Figure

    if not entities and not pairs:
        raise ValueError("give entities or pairs to plot")
    fmt = Path(path).suffix.lower().lstrip(".") if path is not None else "png"
    shape = label_shaper(fmt)
    every = timeline_periods(G)
    shown = [k for k, name in enumerate(every) if (since or "") <= name <= (until or "~")]
    if not shown:
        raise ValueError(f"no period of this graph from {since} to {until} (it runs {every[0]} to {every[-1]})")
    axis = [every[k] for k in shown]
    documents = G.graph.get("documents", {})

    def per_period(counts: Sequence[int]) -> list[float]:
        counts = [counts[k] for k in shown]
        if not relative:
            return list(counts)
        return [100 * n / documents[name] if documents.get(name) else 0.0 for n, name in zip(counts, axis)]

    fig = Figure(figsize=(10, 4.8), dpi=120)
    ax = fig.add_subplot()
    lines = entity_timeline(G, entities)
    for node in dict.fromkeys(lines["id"]):
        rows = lines[lines["id"] == node]
        ax.plot(
            range(len(axis)),
            per_period(rows["mentions"].tolist()),
            marker="o",
            ms=3,
            label=shape(display_name(G.nodes[node], english=english)),
        )
    for row_pair in _edges(G, pairs):
        rows = link_timeline(G, [row_pair])
        a, b = (display_name(G.nodes[n], english=english) for n in row_pair)
        counts = per_period(rows["co_mentions"].tolist())
        ax.plot(range(len(axis)), counts, ls="--", marker="s", ms=3, label=shape(f"{a} + {b}"))
    step = max(1, len(axis) // 12)
    ax.set_xticks(range(0, len(axis), step), axis[::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel(("mentions per 100 documents, by " if relative else "mentions per ") + G.graph["period"])
    ax.grid(alpha=0.3)
    ax.legend(prop={"family": font_families(), "size": 9})
    if title:
        ax.set_title(shape(title), family=font_families())
    fig.tight_layout()
    if path is not None:
        fig.savefig(path)
    return fig
