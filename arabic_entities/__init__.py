"""arabic_entities: named people, organizations and places in Arabic news, and who appears with whom.

>>> import arabic_entities as ae
>>> doc = ae.extract("وقال الملياردير إيلون ماسك إن الرئيس بوتين وافق على اللقاء في الكرملين.")
>>> [(e.label, e.name) for e in doc.entities]
[('PERS', 'إيلون ماسك'), ('PERS', 'بوتين'), ('ORG', 'الكرملين')]
"""

from . import ner
from .document import Document, Entity, Mention, Relation, Sentence, Token
from .graph import cooccurrence_graph, write_graph
from .link import link_entities
from .normalize import NormalizeOptions, normalize
from .pipeline import Pipeline, extract, extract_many, load

__all__ = [
    "Document", "Entity", "Mention", "NormalizeOptions", "Pipeline", "Relation", "Sentence", "Token",
    "cooccurrence_graph", "extract", "extract_many", "link_entities", "load", "ner", "normalize",
    "write_graph",
]
__version__ = "0.1.0"
