"""arabic_entities: named people, organizations and places in Arabic news, and who appears with whom.

>>> import arabic_entities as ae
>>> doc = ae.extract("وقال الملياردير إيلون ماسك إن الرئيس بوتين وافق على اللقاء في الكرملين.")
>>> [(e.label, e.name) for e in doc.entities]
[('PERS', 'إيلون ماسك'), ('PERS', 'بوتين'), ('ORG', 'الكرملين')]
"""

from . import ner
from .document import Document, Entity, Mention, Relation, Sentence, Token
from .entities.link import link_entities
from .graph.analysis import (
    centrality,
    communities,
    edges_dataframe,
    ego_network,
    nodes_dataframe,
    strongest_pairs,
    top_entities,
)
from .graph.build import GraphBuilder, cooccurrence_graph
from .graph.export import write_graph
from .graph.timeline import (
    changes,
    entity_timeline,
    link_evidence,
    link_timeline,
    period_graph,
    plot_timeline,
    timeline_periods,
)
from .inputs import InputError, read_texts
from .parallel import WorkerError
from .pipeline import NotArabicWarning, Pipeline, extract, extract_many, load
from .text.normalize import NormalizeOptions, normalize

__all__ = [
    "Document",
    "Entity",
    "GraphBuilder",
    "InputError",
    "Mention",
    "NotArabicWarning",
    "NormalizeOptions",
    "Pipeline",
    "Relation",
    "Sentence",
    "Token",
    "WorkerError",
    "centrality",
    "changes",
    "communities",
    "cooccurrence_graph",
    "edges_dataframe",
    "ego_network",
    "entity_timeline",
    "extract",
    "extract_many",
    "link_entities",
    "link_evidence",
    "link_timeline",
    "load",
    "ner",
    "nodes_dataframe",
    "normalize",
    "period_graph",
    "plot_timeline",
    "read_texts",
    "strongest_pairs",
    "timeline_periods",
    "top_entities",
    "write_graph",
]
__version__ = "0.1.0"
