"""Writing a co-mention graph to a file, in the format its suffix names.

Files for other tools (``.gexf``, ``.graphml``, ``.json``, ``.csv``) are written here;
pictures go to :mod:`.draw` (``.png``, ``.svg``) and pages to :mod:`.html` (``.html``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx

from ..dates import Period, period_of, period_start
from . import draw as drawing
from . import html as page

__all__ = ["CSV_COLUMNS", "GRAPH_FORMATS", "write_graph"]

#: Suffixes :func:`write_graph` understands.
GRAPH_FORMATS = (".gexf", ".graphml", ".json", ".csv", ".html", ".png", ".svg")
#: Attributes of a graph with periods written to GEXF as dynamic (per-period) values.
_DYNAMIC = ("mentions", "co_mentions")
#: Columns of the ``.csv`` edge list.
CSV_COLUMNS = ("source", "target", "source_name", "target_name", "weight", "docs", "npmi", "relations")


def _period_end(name: str, period: Period) -> dt.date:
    """The last day of the period named ``name``."""
    start = period_start(name)
    step = {"day": 1, "week": 7, "month": 32, "year": 366}[period]
    following = period_start(period_of((start + dt.timedelta(days=step)).isoformat(), period))
    return following - dt.timedelta(days=1)


def _dynamic_copy(G: nx.Graph) -> nx.Graph:
    """For Gephi's timeline: a copy of a graph built with a period whose counts per
    period are dynamic attributes (``mentions`` on nodes, ``co_mentions`` on edges: one
    ``(value, first day, last day)`` per period) and whose nodes and edges live from
    their ``first_date`` to their ``last_date`` (GEXF ``start`` and ``end``)."""
    period = G.graph["period"]

    def timed(data: dict, counted: str) -> dict:
        counts = data.get("periods") or {}
        attrs = {key: value for key, value in data.items() if key != "periods"}
        attrs[counted] = [
            (count, period_start(name).isoformat(), _period_end(name, period).isoformat())
            for name, count in sorted(counts.items())
        ]
        if data.get("first_date") and data.get("last_date"):
            attrs["start"], attrs["end"] = data["first_date"], data["last_date"]
        return attrs

    H = G.__class__()
    H.add_nodes_from((n, timed(d, "mentions")) for n, d in G.nodes(data=True))
    H.add_edges_from((a, b, timed(d, "co_mentions")) for a, b, d in G.edges(data=True))
    return H


def _flat_copy(G: nx.Graph) -> nx.Graph:
    """A copy whose attributes are scalars: lists and dicts become JSON text, None is
    dropped; the dynamic attributes of :func:`_dynamic_copy` stay as they are."""

    def flat(attrs: dict) -> dict:
        return {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, tuple)) and k not in _DYNAMIC else v
            for k, v in attrs.items()
            if v is not None
        }

    H = G.__class__()
    H.add_nodes_from((n, flat(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((a, b, flat(d)) for a, b, d in G.edges(data=True))
    return H


def _write_csv(G: nx.Graph, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(CSV_COLUMNS)
        for a, b, d in G.edges(data=True):
            writer.writerow(
                [
                    a,
                    b,
                    G.nodes[a].get("name", ""),
                    G.nodes[b].get("name", ""),
                    d.get("weight", ""),
                    len(d.get("docs", ())),
                    d.get("npmi", ""),
                    json.dumps(d.get("relations", {}), ensure_ascii=False),
                ]
            )


def write_graph(G: nx.Graph, path: str | os.PathLike, **options: Any) -> Path:
    """Write ``G`` in the format its suffix names (one of :data:`GRAPH_FORMATS`); returns the path.

    - ``.gexf`` (Gephi) and ``.graphml``: these hold only scalar attributes, so lists
      and dicts (``docs``, ``relations``, ``evidence``) are written as JSON text. A
      graph built with a ``period`` is written to GEXF as a dynamic graph for Gephi's
      timeline: each node and edge lives from its ``first_date`` to its ``last_date``,
      and its counts per period are the dynamic attributes ``mentions`` (nodes) and
      ``co_mentions`` (edges), one value per period spanning its days;
    - ``.json``: node-link JSON (:func:`networkx.node_link_data`, ``edges="edges"``);
    - ``.csv``: one row per edge, columns :data:`CSV_COLUMNS` (``docs`` is a count,
      ``relations`` JSON), UTF-8 without BOM;
    - ``.png`` and ``.svg``: a drawing, :func:`arabic_entities.graph.draw.draw_graph`;
    - ``.html``: an interactive page, :func:`arabic_entities.graph.html.write_html`.

    ``options`` go to the drawing functions; the other formats take none.

    >>> import tempfile
    >>> G = nx.Graph([("pers-1", "pers-2", {"weight": 2, "docs": ["d1"], "npmi": 1.0, "relations": {}})])
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     print(write_graph(G, Path(folder) / "g.csv").read_text(encoding="utf-8"), end="")
    source,target,source_name,target_name,weight,docs,npmi,relations
    pers-1,pers-2,,,2,1,1.0,{}
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise ValueError(f"cannot write graph format {suffix or '(no suffix)'!r}; use one of {GRAPH_FORMATS}")
    if suffix in (".png", ".svg", ".html"):
        draw = page.write_html if suffix == ".html" else drawing.draw_graph
        draw(G, path, **options)
        return path
    if options:
        raise TypeError(f"{suffix} takes no options (got {', '.join(sorted(options))}); only .html, .png, .svg do")
    if suffix == ".gexf":
        nx.write_gexf(_flat_copy(_dynamic_copy(G) if G.graph.get("period") else G), path)
    elif suffix == ".graphml":
        nx.write_graphml(_flat_copy(G), path)
    elif suffix == ".json":
        data = nx.node_link_data(G, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        _write_csv(G, path)
    return path
