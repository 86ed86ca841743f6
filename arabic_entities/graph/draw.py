"""Static pictures of co-mention graphs: PNG or SVG, drawn with matplotlib.

Drawing needs the ``viz`` extra (``pip install 'arabic_entities[viz]'``); see
:mod:`arabic_entities.graph.html` for the interactive page, which needs nothing.

Example::

    from arabic_entities.graph import draw_graph

    draw_graph(G, "graph.png", english=True, max_nodes=20)
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import networkx as nx

from .layout import LABEL_NAMES, display_name, label_color, label_order, layout, scale, top_nodes

__all__ = ["draw_graph", "font_families", "label_shaper", "require_matplotlib"]

#: Fonts with Arabic glyphs, best first; matplotlib's bundled DejaVu Sans has them too.
_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Amiri", "Arial", "Tahoma", "DejaVu Sans")
_EXTRA_HINT = "pip install 'arabic_entities[viz]'"
_AREAS = (60, 2200)  # marker areas (points²) of the least and the most mentioned node
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def require_matplotlib() -> ModuleType:
    """The ``matplotlib`` module, or an ImportError naming the ``viz`` extra.

    Call it to fail early, before slow work whose result is to be drawn::

        require_matplotlib()  # ImportError: drawing PNG or SVG needs matplotlib: pip install ...
    """
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


def label_shaper(fmt: str) -> Callable[[str], str]:
    """How the labels of a ``fmt`` drawing (``"png"`` or ``"svg"``) are written:
    shaped (:func:`_shaped`) for a PNG drawn by a matplotlib that cannot join Arabic
    letters itself, as they are otherwise."""
    return _shaped if fmt == "png" and _needs_shaping() else str


def font_families() -> list[str]:
    """The installed fonts of :data:`_FONTS`, for matplotlib's per-glyph fallback."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in _FONTS if name in installed]  # DejaVu Sans ships with matplotlib


def _place_labels(
    fig: Any,
    ax: Any,
    pos: dict[Any, tuple[float, float]],
    areas: dict[Any, float],
    labels: dict[Any, str],
    families: list[str],
) -> int:
    """Put each node's label below, above, right or left of it, the first place that
    overlaps no label already placed and no other node; most mentioned nodes first.
    A label that fits nowhere is left out; returns how many were."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    renderer = FigureCanvasAgg(fig).get_renderer()
    to_pixels = fig.dpi / 72
    discs = {}
    for n, (x, y) in pos.items():
        cx, cy = ax.transData.transform((x, y))
        r = math.sqrt(areas[n]) / 2 * to_pixels
        discs[n] = Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)
    box = {"boxstyle": "round,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.6}
    taken: list[Any] = []
    hidden = 0
    for n in sorted(areas, key=lambda n: -areas[n]):
        gap = math.sqrt(areas[n]) / 2 + 3
        for offset, ha, va in (
            ((0, -gap), "center", "top"),
            ((0, gap), "center", "bottom"),
            ((gap, 0), "left", "center"),
            ((-gap, 0), "right", "center"),
        ):
            # a plain white box behind the label (not a path-effect halo) keeps SVG labels as text
            text = ax.annotate(
                labels[n],
                pos[n],
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=scale(areas[n], _AREAS[1], 8, 14),
                family=families,
                bbox=box,
                zorder=3,
            )
            extent = text.get_window_extent(renderer).padded(2)
            if not any(extent.overlaps(other) for other in taken) and not any(
                extent.overlaps(disc) for m, disc in discs.items() if m != n
            ):
                taken.append(extent)
                break
            text.remove()
        else:
            hidden += 1
    return hidden


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

    Only the ``max_nodes`` most mentioned entities are drawn, and a note in the corner
    says so. Node area grows with
    ``count``, colour shows ``label`` (:data:`~.layout.LABEL_COLORS`), edge width grows
    with ``weight``; the layout is the same for the same graph and ``layout_seed``.
    Labels are the Arabic names, or with ``english`` the English ones where known.
    They are placed so that none overlaps another label or a node; one that fits nowhere
    is left out, and the note says how many were.
    An SVG keeps labels as text (searchable; the viewer joins the Arabic letters).

    Example::

        draw_graph(G, "graph.png", english=True, max_nodes=20)
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"cannot draw to {path.suffix or '(no suffix)'!r}; use .png or .svg")
    matplotlib = require_matplotlib()
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    shape = label_shaper(fmt)
    families = font_families()
    H = top_nodes(G, max_nodes=max_nodes)
    pos = layout(H, seed=layout_seed)
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
                scale(math.sqrt(d.get("weight", 1)), math.sqrt(top_weight), 0.6, 6) for _, _, d in H.edges(data=True)
            ],
            colors="#8c8c8c",
            alpha=0.45,
            zorder=1,
        )
    )
    areas = [scale(H.nodes[n].get("count", 0), top_count, *_AREAS) for n in nodes]
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=areas,
        c=[label_color(H.nodes[n].get("label", "")) for n in nodes],
        edgecolors="white",
        linewidths=1.2,
        zorder=2,
    )
    if not nodes:
        ax.text(0.5, 0.5, "no entities", ha="center", va="center", transform=ax.transAxes, color="#666")
    else:
        xs, ys = zip(*pos.values(), strict=True)
        pad = 0.12 * max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - 1.6 * pad, max(ys) + pad)
    labels = {n: shape(display_name(H.nodes[n], english=english)) for n in nodes}
    hidden = _place_labels(fig, ax, pos, dict(zip(nodes, areas, strict=True)), labels, families)
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=10,
            markerfacecolor=label_color(label),
            markeredgecolor="white",
            label=f"{label}  {LABEL_NAMES.get(label, '')}".rstrip(),
        )
        for label in label_order(H.nodes[n].get("label", "") for n in nodes)
    ]
    if handles:
        fig.legend(handles=handles, loc="lower left", ncols=len(handles), frameon=False, fontsize=10)
    if title:
        fig.suptitle(shape(title), fontsize=15, family=families)
    notes = []
    if len(H) < len(G):
        notes.append(f"{len(H)} most mentioned of {len(G)} entities (max_nodes={len(H)})")
    if hidden:
        notes.append(f"{hidden} labels left out where they would overlap")
    if notes:  # beside the legend, clear of the title
        fig.text(0.99, 0.02, "; ".join(notes), ha="right", va="bottom", fontsize=10, color="#444")
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "arabic_entities"}):
        fig.savefig(path, format=fmt, facecolor="white", metadata={"Date": None} if fmt == "svg" else None)
    return path
