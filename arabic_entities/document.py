"""The objects the pipeline returns: a Document with its tokens, mentions and entities.

All offsets are character offsets into ``Document.text``, the caller's original
string, so ``doc.text[m.start:m.end] == m.text`` for every token and mention.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["LABELS", "Document", "Entity", "Mention", "Relation", "Sentence", "Token"]

#: Entity types every recognizer reports.
LABELS = ("PERS", "ORG", "LOC", "MISC")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token; ``norm`` is its normalized form."""

    text: str
    start: int
    end: int
    norm: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence; its tokens are ``doc.tokens[token_start:token_end]``."""

    index: int
    text: str
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity span with attached proclitics excluded (in ``وبوتين``: ``بوتين``).

    ``score`` is the recognizer's confidence in the span (the lowest per-token
    probability of its labels), or ``None`` when the recognizer gives none.
    """

    text: str
    start: int
    end: int
    label: str
    sentence: int
    entity_id: str
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity: the mentions in a document that refer to the same thing.

    ``id`` depends only on the label and the entity's identity: its English name
    when the name tables know it, else its normalized canonical name. The same
    entity therefore gets the same id in every document and run; across documents,
    :func:`arabic_entities.link_entities` also joins bare surnames and spelling
    variants to the fullest name of the collection.
    """

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    mention_count: int
    name_en: str | None = None
    wikidata: str | None = None
    #: Titles and roles written before the name (الرئيس الروسي), most frequent first.
    descriptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation between two entities stated in one sentence."""

    head: str
    tail: str
    type: str
    directed: bool
    sentence: int
    evidence: str
    trigger: str


@dataclass(slots=True)
class Document:
    """One text and everything extracted from it."""

    id: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity:
        """The entity with id ``entity_id``; KeyError when it is not in this document."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict of lists and scalars, ready for JSON."""
        return dataclasses.asdict(self)

    def to_json(self, **json_options: Any) -> str:
        """JSON text of :meth:`to_dict` (Arabic kept readable, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **json_options)

    def _repr_html_(self) -> str:
        """The text right to left with mentions highlighted by type, for Jupyter (:func:`.viz.document_html`)."""
        from .viz import document_html

        return document_html(self)

    def to_dataframe(self):
        """Mentions as a pandas DataFrame, one row per mention with its entity's name."""
        import pandas as pd

        names = {e.id: e.name for e in self.entities}
        rows = [
            {"doc_id": self.id, **dataclasses.asdict(m), "entity_name": names.get(m.entity_id)}
            for m in self.mentions
        ]
        columns = ["doc_id", *(f.name for f in dataclasses.fields(Mention)), "entity_name"]
        return pd.DataFrame(rows, columns=columns)
