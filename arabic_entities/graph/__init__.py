"""Stage 6: the co-mention graph of many documents: building and merging
(:mod:`.build`), analysis (:mod:`.analysis`), drawings and pages (:mod:`.draw`).
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
from .build import CSV_COLUMNS, GRAPH_FORMATS, WINDOWS, GraphBuilder, Window, cooccurrence_graph, write_graph

__all__ = [
    "CSV_COLUMNS",
    "GRAPH_FORMATS",
    "WINDOWS",
    "GraphBuilder",
    "Window",
    "centrality",
    "communities",
    "cooccurrence_graph",
    "edges_dataframe",
    "ego_network",
    "nodes_dataframe",
    "strongest_pairs",
    "top_entities",
    "write_graph",
]
