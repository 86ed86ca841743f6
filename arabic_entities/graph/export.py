"""Writing a co-mention graph to a file, in the format its suffix names.

Files for other tools (``.gexf``, ``.graphml``, ``.json``, ``.csv``) are written here;
pictures go to :mod:`.draw` (``.png``, ``.svg``) and pages to :mod:`.html` (``.html``).
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx

from . import draw as drawing
from . import html as page

__all__ = ["CSV_COLUMNS", "GRAPH_FORMATS", "write_graph"]

#: Suffixes :func:`write_graph` understands.
GRAPH_FORMATS = (".gexf", ".graphml", ".json", ".csv", ".html", ".png", ".svg")
#: Columns of the ``.csv`` edge list.
CSV_COLUMNS = ("source", "target", "source_name", "target_name", "weight", "docs", "npmi", "relations")


def _flat_copy(G: nx.Graph) -> nx.Graph:
    """A copy whose attributes are scalars: lists and dicts become JSON text, None is dropped."""

    def flat(attrs: dict) -> dict:
        return {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, tuple)) else v
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
      and dicts (``docs``, ``relations``, ``evidence``) are written as JSON text;
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
        nx.write_gexf(_flat_copy(G), path)
    elif suffix == ".graphml":
        nx.write_graphml(_flat_copy(G), path)
    elif suffix == ".json":
        data = nx.node_link_data(G, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        _write_csv(G, path)
    return path
