"""Co-mention graphs as interactive HTML pages, and documents with their mentions highlighted.

- :func:`write_html` writes one self-contained page (inline SVG and JavaScript, no
  network needed) where nodes can be dragged and hovered for details, and edges
  show the sentences where their entities meet; the page is the package template
  ``templates/graph.html`` with its ``__NAME__`` slots filled in. A graph built with a
  ``period`` gets a slider that shows one period at a time (nodes sized by their
  mentions in it, the edges of that period).
- :func:`graph_html` returns that page as an ``<iframe>`` snippet for notebooks, and
  :func:`document_html` a document's text with its mentions highlighted, which is
  what ``Document._repr_html_`` shows in Jupyter.

In a notebook::

    import arabic_entities as ae
    from arabic_entities.graph import graph_html
    from IPython.display import HTML

    doc = ae.extract(text)
    doc                                    # the text, mentions marked by type
    HTML(graph_html(ae.cooccurrence_graph([doc]), english=True))
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .layout import LABEL_NAMES, display_name, label_color, label_order, layout, scale, top_nodes
from .timeline import timeline_periods

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["document_html", "graph_html", "write_html"]

#: The period slider of a graph with periods (0 shows every period).
_SLIDER = (
    '<label class="period" dir="ltr">period <input id="period" type="range" min="0" max="{last}" value="0"> '
    '<output id="period-name">all</output></label>'
)
_CSS_FONTS = '"Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, Arial, sans-serif'


@cache
def _template() -> str:
    """The page, with slots ``__TITLE__``, ``__SUMMARY__``, ``__LEGEND__``, ``__FONTS__``, ``__VIEWBOX__``
    and ``__DATA__`` for :func:`_page` to fill."""
    return (resources.files("arabic_entities.graph") / "templates" / "graph.html").read_text(encoding="utf-8")


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
    H = top_nodes(G, max_nodes=max_nodes)
    pos = layout(H, seed=layout_seed)
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
            "text": display_name(d, english=english),
            "color": label_color(d.get("label", "")),
            "x": round(pos[n][0], 1),
            "y": round(pos[n][1], 1),
            "r": round(scale(math.sqrt(d.get("count", 0)), top_count, 5, 26), 1),
            "periods": d.get("periods") or {},
        }
        for n, d in H.nodes(data=True)
    ]
    edges = [
        {
            "source": index[a],
            "target": index[b],
            "weight": d.get("weight", 1),
            "width": round(scale(math.sqrt(d.get("weight", 1)), top_weight, 0.8, 8), 2),
            "npmi": d.get("npmi"),
            "relations": d.get("relations") or {},
            "evidence": d.get("evidence") or [],
            "periods": d.get("periods") or {},
        }
        for a, b, d in H.edges(data=True)
    ]
    return _plain(
        {
            "nodes": nodes,
            "edges": edges,
            "total": len(G),
            "english": english,
            "axis": timeline_periods(G) if G.graph.get("period") else [],
            "viewbox": [0, 0, round(width), round(height)],
        }
    )


def _legend_html(data: dict[str, Any]) -> str:
    counts: dict[str, int] = {}
    for node in data["nodes"]:
        counts[node["label"]] = counts.get(node["label"], 0) + 1
    return "".join(
        f'<span class="key"><i style="background:{label_color(label)}"></i>{html.escape(str(label))} '
        f"{html.escape(LABEL_NAMES.get(label, ''))} <small>({counts[label]})</small></span>"
        for label in label_order(counts)
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
        "SLIDER": _SLIDER.format(last=len(data["axis"])) if data["axis"] else "",
        "DATA": _script_json(data),
    }
    return re.sub(r"__([A-Z]+)__", lambda match: fields[match[1]], _template())


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
    :func:`~.draw.draw_graph`; labels are English with ``english`` where known.

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

    >>> import arabic_entities as ae
    >>> doc = ae.extract("التقى الرئيس بوتين بإيلون ماسك في موسكو.")
    >>> document_html(doc).count("<mark") == len(doc.mentions) > 0
    True
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
        color = label_color(mention.label)
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
