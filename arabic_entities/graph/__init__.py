"""Stage 6: the co-mention graph of many documents: building and merging (:mod:`.build`),
analysis (:mod:`.analysis`), news over time (:mod:`.timeline`), files (:mod:`.export`),
PNG/SVG drawings (:mod:`.draw`) and interactive pages and highlighted documents
(:mod:`.html`); :mod:`.layout` holds what drawings and pages share.
"""

from .analysis import (
    centrality,
    communities,
    edges_dataframe,
    ego_network,
    nodes_dataframe,
    strongest_pairs,
    top_entities,
)
from .build import GRAPH_LABELS, WINDOWS, GraphBuilder, Window, cooccurrence_graph
from .draw import draw_graph, require_matplotlib
from .export import CSV_COLUMNS, GRAPH_FORMATS, write_graph
from .html import document_html, graph_html, write_html
from .layout import LABEL_COLORS

__all__ = [
    "CSV_COLUMNS",
    "GRAPH_FORMATS",
    "GRAPH_LABELS",
    "LABEL_COLORS",
    "WINDOWS",
    "GraphBuilder",
    "Window",
    "centrality",
    "communities",
    "cooccurrence_graph",
    "document_html",
    "draw_graph",
    "edges_dataframe",
    "ego_network",
    "graph_html",
    "nodes_dataframe",
    "require_matplotlib",
    "strongest_pairs",
    "top_entities",
    "write_graph",
    "write_html",
]
