"""Pictures of co-mention graphs and documents: PNG/SVG, an interactive HTML page, notebook views.

- :func:`draw_graph` draws a static PNG or SVG with matplotlib (the ``viz`` extra:
  ``pip install 'arabic_entities[viz]'``).
- :func:`write_html` writes one self-contained page (inline SVG and JavaScript, no
  network needed) where nodes can be dragged and hovered for details, and edges
  show the sentences where their entities meet.
- :func:`graph_html` returns that page as an ``<iframe>`` snippet for notebooks, and
  :func:`document_html` a document's text with its mentions highlighted, which is
  what ``Document._repr_html_`` shows in Jupyter.

In a notebook::

    import arabic_entities as ae
    from arabic_entities import viz
    from IPython.display import HTML

    doc = ae.extract(text)
    doc                                    # the text, mentions marked by type
    HTML(viz.graph_html(ae.cooccurrence_graph([doc]), english=True))

>>> import arabic_entities as ae
>>> doc = ae.extract("التقى الرئيس بوتين بإيلون ماسك في موسكو.")
>>> document_html(doc).count("<mark") == len(doc.mentions) > 0
True
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["LABEL_COLORS", "document_html", "draw_graph", "graph_html", "write_html"]

#: Colour of each entity type in drawings and highlighted text.
LABEL_COLORS = {"PERS": "#e15759", "ORG": "#4e79a7", "LOC": "#59a14f", "MISC": "#b07aa1"}
_OTHER_COLOR = "#9d9d9d"
_LABEL_NAMES = {"PERS": "person", "ORG": "organization", "LOC": "place", "MISC": "other"}

#: Fonts with Arabic glyphs, best first; matplotlib's bundled DejaVu Sans has them too.
_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Amiri", "Arial", "Tahoma", "DejaVu Sans")
_CSS_FONTS = '"Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, Arial, sans-serif'
_EXTRA_HINT = "pip install 'arabic_entities[viz]'"
_SPRING_K, _GAP = 1.6, 0.6  # spring length (for one node per unit area) and gap between components
_AREAS = (60, 2200)  # marker areas (points²) of the least and the most mentioned node
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _color(label: str) -> str:
    return LABEL_COLORS.get(label, _OTHER_COLOR)


def _top_nodes(G: nx.Graph, max_nodes: int) -> nx.Graph:
    """The subgraph of the ``max_nodes`` most mentioned nodes (ties broken by id)."""
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    ranked = sorted(G.nodes, key=lambda n: (-G.nodes[n].get("count", 0), str(n)))
    return G.subgraph(ranked[:max_nodes])


def _layout(H: nx.Graph, seed: int) -> dict[Any, tuple[float, float]]:
    """Node positions, the same for the same graph and seed.

    Each connected component gets its own spring layout (heavy edges pull a little
    harder) in a box that grows with its size; the boxes are packed in rows, biggest
    first, in a 4:3 frame, so that isolated entities do not squeeze the rest into a corner.
    """
    components = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(map(str, c))))
    boxes = []
    for component in components:
        side = math.sqrt(len(component))
        F = nx.Graph()
        F.add_nodes_from(n for n in H if n in component)
        F.add_weighted_edges_from(
            (a, b, 1 + math.log1p(max(d.get("weight", 1), 0))) for a, b, d in H.subgraph(component).edges(data=True)
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


def _label_order(labels: Iterable[str]) -> list[str]:
    """The distinct ``labels``, known types first in :data:`LABEL_COLORS` order."""
    labels = set(labels)
    return [label for label in LABEL_COLORS if label in labels] + sorted(labels - set(LABEL_COLORS), key=str)


def _display_name(data: dict, english: bool) -> str:
    return str((english and data.get("name_en")) or data.get("name") or "")


def _scale(value: float, top: float, low: float, high: float) -> float:
    """``value`` in ``[0, top]`` mapped to ``[low, high]``."""
    return low + (high - low) * (value / top if top else 0.0)


# --- static drawings (matplotlib) -----------------------------------------------------------


def _require_matplotlib():
    """The ``matplotlib`` module, or an ImportError naming the ``viz`` extra."""
    try:
        import matplotlib
    except ImportError as error:
        raise ImportError(f"drawing PNG or SVG needs matplotlib: {_EXTRA_HINT}") from error
    return matplotlib


def _needs_shaping() -> bool:
    """True when matplotlib draws glyphs one by one: before 3.11 it has no libraqm to join Arabic letters."""
    from matplotlib import ft2font

    return not getattr(ft2font, "__libraqm_version__", None)


def _shaped(text: str) -> str:
    """Arabic ``text`` as joined presentation forms in visual (left-to-right) order.

    For renderers that neither join letters nor order right-to-left text, such as
    matplotlib before 3.11. Text without Arabic letters is returned as it is.
    """
    if not _ARABIC.search(text):
        return text
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError as error:
        raise ImportError(f"drawing Arabic labels needs arabic-reshaper and python-bidi: {_EXTRA_HINT}") from error
    return get_display(arabic_reshaper.reshape(text))


def _font_families() -> list[str]:
    """The installed fonts of :data:`_FONTS`, for matplotlib's per-glyph fallback."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in _FONTS if name in installed]  # DejaVu Sans ships with matplotlib


def draw_graph(
    G: nx.Graph,
    path: str | os.PathLike,
    *,
    english: bool = False,
    max_nodes: int = 40,
    layout_seed: int = 0,
    title: str | None = None,
    figsize: tuple[float, float] = (12, 9),
    dpi: int = 150,
) -> Path:
    """Draw ``G`` to a PNG or SVG file (by ``path``'s suffix) and return the path.

    Only the ``max_nodes`` most mentioned entities are drawn. Node area grows with
    ``count``, colour shows ``label`` (see :data:`LABEL_COLORS`), edge width grows
    with ``weight``; the layout is the same for the same graph and ``layout_seed``.
    Labels are the Arabic names, or with ``english`` the English ones where known.
    An SVG keeps labels as text (searchable; the viewer joins the Arabic letters).

    Example::

        draw_graph(G, "graph.png", english=True, max_nodes=20)
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"cannot draw to {path.suffix or '(no suffix)'!r}; use .png or .svg")
    matplotlib = _require_matplotlib()
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    shape = _shaped if fmt == "png" and _needs_shaping() else str
    families = _font_families()
    H = _top_nodes(G, max_nodes)
    pos = _layout(H, layout_seed)
    nodes = list(H.nodes)
    top_count = max((H.nodes[n].get("count", 0) for n in nodes), default=0)
    top_weight = max((d.get("weight", 1) for _, _, d in H.edges(data=True)), default=0)

    fig = Figure(figsize=figsize, dpi=dpi)
    ax = fig.add_axes((0.02, 0.06, 0.96, 0.86 if title else 0.9))  # legend below, title above
    ax.set_axis_off()
    ax.add_collection(
        LineCollection(
            [(pos[a], pos[b]) for a, b in H.edges],
            linewidths=[
                _scale(math.sqrt(d.get("weight", 1)), math.sqrt(top_weight), 0.6, 6) for _, _, d in H.edges(data=True)
            ],
            colors="#8c8c8c",
            alpha=0.45,
            zorder=1,
        )
    )
    areas = [_scale(H.nodes[n].get("count", 0), top_count, *_AREAS) for n in nodes]
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=areas,
        c=[_color(H.nodes[n].get("label", "")) for n in nodes],
        edgecolors="white",
        linewidths=1.2,
        zorder=2,
    )
    # a plain white box behind each label (not a path-effect halo) keeps SVG labels as text;
    # the most mentioned entities' labels go on top
    box = {"boxstyle": "round,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.6}
    for n, area in reversed(list(zip(nodes, areas, strict=True))):
        ax.annotate(
            shape(_display_name(H.nodes[n], english)),
            pos[n],
            xytext=(0, -(math.sqrt(area) / 2 + 3)),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=_scale(area, _AREAS[1], 8, 14),
            family=families,
            bbox=box,
            zorder=3,
        )
    if not nodes:
        ax.text(0.5, 0.5, "no entities", ha="center", va="center", transform=ax.transAxes, color="#666")
    else:
        xs, ys = zip(*pos.values(), strict=True)
        pad = 0.12 * max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - 1.6 * pad, max(ys) + pad)
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=10,
            markerfacecolor=_color(label),
            markeredgecolor="white",
            label=f"{label}  {_LABEL_NAMES.get(label, '')}".rstrip(),
        )
        for label in _label_order(H.nodes[n].get("label", "") for n in nodes)
    ]
    if handles:
        fig.legend(handles=handles, loc="lower left", ncols=len(handles), frameon=False, fontsize=10)
    if title:
        fig.suptitle(shape(title), fontsize=15, family=families)
    if len(H) < len(G):
        fig.text(
            0.99, 0.99, f"{len(H)} most mentioned of {len(G)} entities", ha="right", va="top", fontsize=8, color="#777"
        )
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "arabic_entities"}):
        fig.savefig(path, format=fmt, facecolor="white", metadata={"Date": None} if fmt == "svg" else None)
    return path


# --- interactive HTML ---------------------------------------------------------------------------

_SIZE, _MARGIN = 1000, 60


def _script_json(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``</script>``, ``<!--`` or line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _plain(value: Any) -> Any:
    """``value`` with only JSON types (tuples to lists, unknown objects to text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return round(value, 4) if math.isfinite(value) else None
    return str(value)


def _page_data(G: nx.Graph, *, english: bool, max_nodes: int, layout_seed: int) -> dict[str, Any]:
    """Nodes and edges of the page, positioned on a canvas ``_SIZE`` units across its longer side."""
    H = _top_nodes(G, max_nodes)
    pos = _layout(H, layout_seed)
    width = height = _SIZE
    if pos:
        xs, ys = zip(*pos.values(), strict=True)
        dx, dy = max(xs) - min(xs), max(ys) - min(ys)
        unit = (_SIZE - 2 * _MARGIN) / (max(dx, dy) or 1)
        width, height = dx * unit + 2 * _MARGIN, dy * unit + 2 * _MARGIN
        left, top = min(xs), max(ys)
        pos = {n: (_MARGIN + (x - left) * unit, _MARGIN + (top - y) * unit) for n, (x, y) in pos.items()}
    index = {n: i for i, n in enumerate(H.nodes)}
    top_count = math.sqrt(max((d.get("count", 0) for _, d in H.nodes(data=True)), default=0))
    top_weight = math.sqrt(max((d.get("weight", 1) for _, _, d in H.edges(data=True)), default=0))
    nodes = [
        {
            "id": str(n),
            "label": d.get("label"),
            "name": d.get("name"),
            "name_en": d.get("name_en"),
            "count": d.get("count", 0),
            "docs": len(d.get("docs", ())),
            "text": _display_name(d, english),
            "color": _color(d.get("label", "")),
            "x": round(pos[n][0], 1),
            "y": round(pos[n][1], 1),
            "r": round(_scale(math.sqrt(d.get("count", 0)), top_count, 5, 26), 1),
        }
        for n, d in H.nodes(data=True)
    ]
    edges = [
        {
            "source": index[a],
            "target": index[b],
            "weight": d.get("weight", 1),
            "width": round(_scale(math.sqrt(d.get("weight", 1)), top_weight, 0.8, 8), 2),
            "npmi": d.get("npmi"),
            "relations": d.get("relations") or {},
            "evidence": d.get("evidence") or [],
        }
        for a, b, d in H.edges(data=True)
    ]
    return _plain(
        {
            "nodes": nodes,
            "edges": edges,
            "total": len(G),
            "english": english,
            "viewbox": [0, 0, round(width), round(height)],
        }
    )


def _legend_html(data: dict[str, Any]) -> str:
    counts: dict[str, int] = {}
    for node in data["nodes"]:
        counts[node["label"]] = counts.get(node["label"], 0) + 1
    return "".join(
        f'<span class="key"><i style="background:{_color(label)}"></i>{html.escape(str(label))} '
        f"{html.escape(_LABEL_NAMES.get(label, ''))} <small>({counts[label]})</small></span>"
        for label in _label_order(counts)
    )


def _page(G: nx.Graph, *, english: bool, max_nodes: int, layout_seed: int, title: str | None) -> str:
    data = _page_data(G, english=english, max_nodes=max_nodes, layout_seed=layout_seed)
    shown = len(data["nodes"])
    summary = f"{shown} entities, {len(data['edges'])} co-mention links"
    if shown < data["total"]:
        summary = f"{shown} most mentioned of {data['total']} entities, {len(data['edges'])} co-mention links"
    title = title or "Co-mention graph"
    fields = {
        "TITLE": html.escape(title),
        "SUMMARY": html.escape(summary),
        "LEGEND": _legend_html(data),
        "FONTS": _CSS_FONTS,
        "VIEWBOX": " ".join(map(str, data["viewbox"])),
        "DATA": _script_json(data),
    }
    return re.sub(r"__([A-Z]+)__", lambda match: fields[match[1]], _PAGE)


def write_html(
    G: nx.Graph,
    path: str | os.PathLike,
    *,
    english: bool = False,
    max_nodes: int = 150,
    layout_seed: int = 0,
    title: str | None = None,
) -> Path:
    """Write ``G`` as one interactive HTML page that works offline, and return the path.

    Hover a node for its names, type and mention count, an edge for its weight,
    relations and the sentences where both entities appear; click to pin the
    details, drag nodes, scroll to zoom. Sizes, colours and the layout follow
    :func:`draw_graph`; labels are English with ``english`` where known.

    Example::

        write_html(G, "graph.html", english=True)
    """
    path = Path(path)
    page = _page(G, english=english, max_nodes=max_nodes, layout_seed=layout_seed, title=title)
    path.write_text(page, encoding="utf-8")
    return path


def graph_html(
    G: nx.Graph,
    *,
    english: bool = False,
    max_nodes: int = 150,
    layout_seed: int = 0,
    title: str | None = None,
    height: int = 600,
) -> str:
    """The page of :func:`write_html` as an ``<iframe>`` snippet, for ``IPython.display.HTML``.

    Example (in a notebook cell)::

        from IPython.display import HTML
        HTML(graph_html(G, english=True))
    """
    page = _page(G, english=english, max_nodes=max_nodes, layout_seed=layout_seed, title=title)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe>'
    )


# --- documents --------------------------------------------------------------------------------


def _text_html(text: str) -> str:
    return html.escape(text).replace("\r\n", "\n").replace("\n", "<br>\n")


#: Arabic letters that never join the letter after them (alef, dal, reh, waw, teh marbuta, ...).
_JOINS_NO_NEXT = frozenset("ءآأؤإاةدذرزوٱژڈڑۀەےۓ")


def _joins(char: str) -> bool:
    return "\u0620" <= char <= "\u06ff" and unicodedata.category(char) in ("Lo", "Lm")


def _joiner(text: str, boundary: int) -> str:
    """A zero-width joiner when a mark's edge at ``boundary`` cuts two joined Arabic letters
    (``ل|ترامب``), so both keep their joined shapes; otherwise nothing."""
    last = boundary - 1
    while last >= 0 and "\u064b" <= text[last] <= "\u0652":  # harakat sit on the letter before
        last -= 1
    if last < 0 or boundary >= len(text):
        return ""
    joins = _joins(text[last]) and text[last] not in _JOINS_NO_NEXT and _joins(text[boundary])
    return "\u200d" if joins and text[boundary] != "ء" else ""


def document_html(doc: Document) -> str:
    """``doc``'s text, right to left, each mention marked in its type's colour with the type as a tag.

    Hovering a mark shows the entity's canonical (and English) name. A mention
    overlapping an earlier one is left unmarked; a mark cut out of a word (a
    proclitic before it) is joined to its neighbour with a zero-width joiner.
    """
    entities = {entity.id: entity for entity in doc.entities}
    text = doc.text
    parts: list[str] = []
    position = 0
    for mention in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        if mention.start < position:
            continue
        entity = entities.get(mention.entity_id)
        names = [entity.name, entity.name_en] if entity else [mention.text]
        color = _color(mention.label)
        before, after = _joiner(text, mention.start), _joiner(text, mention.end)
        parts.append(_text_html(text[position : mention.start]) + before)
        parts.append(
            f'<mark title="{html.escape(" · ".join(filter(None, names)))}" style="background:{color}33;'
            f'padding:0.1em 0.3em;margin:0 0.1em;border-radius:0.35em;line-height:1;color:inherit">'
            f"{before}{_text_html(text[mention.start : mention.end])}{after}"
            f'<span dir="ltr" style="font:bold 0.6em sans-serif;color:#fff;background:{color};'
            f'border-radius:0.25em;padding:0.1em 0.3em;margin-inline-start:0.35em;vertical-align:middle">'
            f"{html.escape(mention.label)}</span></mark>{after}"
        )
        position = mention.end
    parts.append(_text_html(text[position:]))
    return (
        f'<div dir="rtl" lang="ar" style="font-family:{html.escape(_CSS_FONTS)};line-height:2.3;'
        f'font-size:1.1em;text-align:start">{"".join(parts)}</div>'
    )


_PAGE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>
  html, body { margin: 0; height: 100%; font-family: __FONTS__; color: #222; background: #fff; }
  body { display: flex; flex-direction: column; }
  header { padding: 10px 16px 6px; border-bottom: 1px solid #eee; }
  h1 { font-size: 18px; margin: 0 0 4px; font-weight: 600; }
  .meta { font-size: 13px; color: #666; display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; }
  .key { white-space: nowrap; }
  .key i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-inline-end: 5px;
           vertical-align: -1px; }
  .key small { color: #999; }
  #graph { flex: 1; width: 100%; min-height: 300px; cursor: grab; touch-action: none; }
  #graph.panning { cursor: grabbing; }
  .edge { stroke: #8c8c8c; stroke-opacity: 0.45; stroke-linecap: round; }
  .hit { stroke: transparent; stroke-width: 12; cursor: pointer; }
  .node { stroke: #fff; stroke-width: 1.5; cursor: pointer; }
  .label { font-size: 13px; fill: #222; text-anchor: middle; pointer-events: none;
           paint-order: stroke; stroke: #fff; stroke-width: 3.5px; stroke-linejoin: round; }
  .focus .edge, .focus .node, .focus .label { opacity: 0.15; }
  .focus .edge.on { opacity: 1; stroke: #555; stroke-opacity: 0.8; }
  .focus .node.on, .focus .label.on { opacity: 1; }
  #tip { position: fixed; display: none; max-width: 440px; max-height: 60vh; overflow: auto; z-index: 2;
         background: #fff; border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px; font-size: 13px;
         box-shadow: 0 3px 12px rgba(0, 0, 0, 0.15); pointer-events: none; }
  #tip.pinned { pointer-events: auto; border-color: #888; }
  #tip h2 { font-size: 15px; margin: 0 0 2px; }
  #tip p { margin: 2px 0; }
  #tip .sub { color: #666; }
  #tip .ev { margin: 6px 0 0; padding-top: 6px; border-top: 1px solid #eee; line-height: 1.6; }
  #tip .src { color: #999; font-size: 11px; display: block; }
</style>
</head>
<body>
<header>
  <h1 dir="auto">__TITLE__</h1>
  <div class="meta"><span>__SUMMARY__</span>__LEGEND__
    <span dir="ltr">hover for details · click to pin · drag nodes · scroll to zoom</span></div>
</header>
<svg id="graph" viewBox="__VIEWBOX__" preserveAspectRatio="xMidYMid meet" role="img" aria-label="__TITLE__"></svg>
<div id="tip"></div>
<noscript><p>This page needs JavaScript to draw the graph.</p></noscript>
<script>
"use strict";
const DATA = __DATA__;
const NS = "http://www.w3.org/2000/svg";
const svg = document.getElementById("graph");
const tip = document.getElementById("tip");
const MAX_EVIDENCE = 5;
const ARABIC = /[\u0600-\u06ff]/;

function svgEl(name, attrs, parent) {
  const el = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  return parent.appendChild(el);
}
function htmlEl(name, text, parent, attrs = {}) {
  const el = document.createElement(name);
  if (text !== null) el.textContent = text;
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  return parent.appendChild(el);
}

const layers = ["edges", "nodes", "labels"].map(name => svgEl("g", {class: name}, svg));
const nodes = DATA.nodes, edges = DATA.edges;
nodes.forEach(n => { n.edges = []; });
edges.forEach(e => {
  e.a = nodes[e.source]; e.b = nodes[e.target];
  e.a.edges.push(e); e.b.edges.push(e);
  e.line = svgEl("line", {class: "edge", "stroke-width": e.width}, layers[0]);
  e.hit = svgEl("line", {class: "hit"}, layers[0]);
  hoverable(e.hit, () => edgeTip(e), [e]);
});
nodes.forEach(n => {
  n.circle = svgEl("circle", {class: "node", r: n.r, fill: n.color}, layers[1]);
  n.caption = svgEl("text", {class: "label", "font-size": Math.round(11 + n.r / 4)}, layers[2]);
  n.caption.textContent = n.text;
  if (ARABIC.test(n.text)) { n.caption.setAttribute("direction", "rtl"); n.caption.setAttribute("lang", "ar"); }
  hoverable(n.circle, () => nodeTip(n), n.edges);
  draggable(n);
});

function place() {
  for (const e of edges) for (const line of [e.line, e.hit]) {
    line.setAttribute("x1", e.a.x); line.setAttribute("y1", e.a.y);
    line.setAttribute("x2", e.b.x); line.setAttribute("y2", e.b.y);
  }
  for (const n of nodes) {
    n.circle.setAttribute("cx", n.x); n.circle.setAttribute("cy", n.y);
    n.caption.setAttribute("x", n.x); n.caption.setAttribute("y", n.y + n.r + 13);
  }
}

function nodeTip(n) {
  const box = document.createElement("div");
  htmlEl("h2", n.name, box, {dir: "auto"});
  if (n.name_en && n.name_en !== n.name) htmlEl("p", n.name_en, box, {class: "sub", dir: "ltr"});
  const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  htmlEl("p", `${n.label} · ${plural(n.count, "mention")} · ${plural(n.docs, "document")}`, box, {dir: "ltr"});
  return box;
}

function edgeTip(e) {
  const box = document.createElement("div");
  htmlEl("h2", `${e.a.name} — ${e.b.name}`, box, {dir: "auto"});
  if (!DATA.english || e.a.name_en || e.b.name_en)
    htmlEl("p", `${e.a.name_en || e.a.name} — ${e.b.name_en || e.b.name}`, box, {class: "sub", dir: "auto"});
  let line = `together in ${e.weight} place${e.weight === 1 ? "" : "s"}`;
  if (e.npmi !== null && e.npmi !== undefined) line += ` · NPMI ${e.npmi.toFixed(2)}`;
  htmlEl("p", line, box, {dir: "ltr"});
  const relations = Object.entries(e.relations);
  if (relations.length)
    htmlEl("p", "relations: " + relations.map(([type, count]) => `${type} ×${count}`).join(", "), box, {dir: "ltr"});
  for (const ev of e.evidence.slice(0, MAX_EVIDENCE)) {
    const p = htmlEl("p", null, box, {class: "ev"});
    htmlEl("span", ev.sentence === null ? String(ev.doc) : `${ev.doc} · sentence ${ev.sentence}`, p,
           {class: "src", dir: "ltr"});
    htmlEl("span", ev.text === null ? "(whole document)" : ev.text, p, {dir: "rtl", lang: "ar"});
  }
  if (e.evidence.length > MAX_EVIDENCE)
    htmlEl("p", `… and ${e.evidence.length - MAX_EVIDENCE} more`, box, {class: "sub", dir: "ltr"});
  return box;
}

let pinned = false;
function showTip(content, event) {
  tip.replaceChildren(content);
  tip.style.display = "block";
  moveTip(event);
}
function moveTip(event) {
  const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
  const y = Math.min(event.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
  tip.style.left = Math.max(4, x) + "px";
  tip.style.top = Math.max(4, y) + "px";
}
function focus(items) {
  svg.classList.toggle("focus", items !== null);
  for (const el of svg.querySelectorAll(".on")) el.classList.remove("on");
  for (const e of items || []) for (const el of [e.line, e.a.circle, e.b.circle, e.a.caption, e.b.caption])
    el.classList.add("on");
}
function hoverable(target, content, related) {
  target.addEventListener("pointerenter", event => {
    if (pinned || dragging) return;
    showTip(content(), event);
    focus(related);
  });
  target.addEventListener("pointermove", event => { if (!pinned) moveTip(event); });
  target.addEventListener("pointerleave", () => {
    if (pinned || dragging) return;
    tip.style.display = "none";
    focus(null);
  });
  target.addEventListener("click", event => {
    event.stopPropagation();
    if (moved) return;  // the end of a drag, not a click
    pinned = true;
    tip.classList.add("pinned");
    showTip(content(), event);
    focus(related);
  });
}
svg.addEventListener("click", () => {
  if (moved) return;
  pinned = false;
  tip.classList.remove("pinned");
  tip.style.display = "none";
  focus(null);
});

function toGraph(event) {
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
  return [point.x, point.y];
}
let dragging = null, moved = false;
function draggable(n) {
  n.circle.addEventListener("pointerdown", event => {
    event.stopPropagation();
    dragging = n;
    moved = false;
    n.circle.setPointerCapture(event.pointerId);
  });
  n.circle.addEventListener("pointermove", event => {
    if (dragging !== n) return;
    [n.x, n.y] = toGraph(event);
    moved = true;
    place();
  });
  n.circle.addEventListener("pointerup", () => { dragging = null; });
}

let view = svg.viewBox.baseVal, pan = null;
svg.addEventListener("pointerdown", event => {
  pan = {x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, scale: 1 / svg.getScreenCTM().a};
  moved = false;
  svg.classList.add("panning");
});
svg.addEventListener("pointermove", event => {
  if (!pan) return;
  moved = moved || Math.hypot(event.clientX - pan.x, event.clientY - pan.y) > 3;
  view.x = pan.vx - (event.clientX - pan.x) * pan.scale;
  view.y = pan.vy - (event.clientY - pan.y) * pan.scale;
});
window.addEventListener("pointerup", () => { pan = null; svg.classList.remove("panning"); });
svg.addEventListener("wheel", event => {
  event.preventDefault();
  const [x, y] = toGraph(event), factor = Math.exp(event.deltaY * 0.001);
  view.x = x - (x - view.x) * factor; view.y = y - (y - view.y) * factor;
  view.width *= factor; view.height *= factor;
}, {passive: false});

place();
</script>
</body>
</html>
"""
