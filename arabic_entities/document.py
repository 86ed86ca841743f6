"""The objects the pipeline returns: a Document with its tokens, mentions and entities.

All offsets are character offsets into ``Document.text``, the caller's original
string, so ``doc.text[m.start:m.end] == m.text`` for every token and mention.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeGuard, get_args

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LABELS",
    "RELATION_TYPES",
    "Document",
    "Entity",
    "Label",
    "Mention",
    "Relation",
    "RelationType",
    "Sentence",
    "Status",
    "Token",
    "is_label",
]

#: An entity type.
Label = Literal["PERS", "ORG", "LOC", "MISC"]
#: Entity types every recognizer reports.
LABELS: tuple[Label, ...] = get_args(Label)


def is_label(value: str) -> TypeGuard[Label]:
    """Whether ``value`` is an entity type, one of :data:`LABELS`.

    >>> is_label("PERS"), is_label("NORP")
    (True, False)
    """
    return value in LABELS


#: A relation type (see :mod:`arabic_entities.relations`).
RelationType = Literal["contact", "support", "conflict", "affiliation", "located_in"]
#: The relation types, in the order they are documented.
RELATION_TYPES: tuple[RelationType, ...] = get_args(RelationType)
#: Whether a relation is reported as done (or ongoing) or as to come (سيلتقي, من المقرر أن).
Status = Literal["happened", "planned"]


def _unpickle_fields(cls: Any, values: tuple[Any, ...]) -> Any:
    """An instance of the frozen, slotted dataclass ``cls`` with its fields set to ``values``."""
    instance = object.__new__(cls)
    for name, value in zip(cls.__slots__, values):
        object.__setattr__(instance, name, value)
    return instance


def _pickle_fields(self: Any) -> tuple[Any, ...]:
    """``__reduce__`` of the frozen dataclasses: their field values in order (the default
    of slotted dataclasses looks the fields up again for every object)."""
    return _unpickle_fields, (type(self), tuple(getattr(self, name) for name in self.__slots__))


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

    __reduce__ = _pickle_fields


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity span with attached proclitics excluded (in ``وبوتين``: ``بوتين``).

    Its tokens are ``doc.tokens[token_start:token_end]`` (the first may begin with the
    excluded proclitics). ``score`` is the recognizer's confidence in the span (the
    lowest per-token probability of its labels), or ``None`` when the recognizer gives
    none.
    """

    text: str
    start: int
    end: int
    label: Label
    sentence: int
    entity_id: str
    score: float | None = None
    token_start: int = field(kw_only=True)
    token_end: int = field(kw_only=True)

    __reduce__ = _pickle_fields


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
    label: Label
    name: str
    aliases: tuple[str, ...]
    mention_count: int
    name_en: str | None = None
    #: Titles and roles written before the name (الرئيس الروسي), most frequent first.
    descriptions: tuple[str, ...] = ()

    __reduce__ = _pickle_fields

    @property
    def name_latin(self) -> str | None:
        """``name`` in Latin letters (:func:`~arabic_entities.lexicon.romanize.romanize`): a
        reading aid for names no table translates, never an English name."""
        from .lexicon.romanize import romanize

        return romanize(self.name)


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation between two entities stated in one sentence.

    ``head`` and ``tail`` are entity ids (``doc.entity(relation.head)``), ``head_name``
    and ``tail_name`` those entities' names.

    >>> Relation("pers-1", "pers-2", "contact", False, 0, "التقى ماسك بوتين", "التقى",
    ...          head_name="ماسك", tail_name="بوتين")
    Relation(contact: ماسك — بوتين, trigger='التقى', sentence=0)
    """

    head: str
    tail: str
    type: RelationType
    directed: bool
    sentence: int
    evidence: str
    trigger: str
    head_name: str = field(default="", kw_only=True)
    tail_name: str = field(default="", kw_only=True)
    #: For an affiliation, the person's role where the text gives one: ``"leader"``,
    #: ``"minister"``, ``"spokesperson"``, ``"member"``, ``"employee"``, ``"founder"``,
    #: ``"owner"``, ``"player"``, ``"coach"``, ``"journalist"``; else ``""``.
    role: str = field(default="", kw_only=True)
    status: Status = field(default="happened", kw_only=True)

    __reduce__ = _pickle_fields

    def __repr__(self) -> str:
        arrow = "→" if self.directed else "—"
        extra = (f", role={self.role!r}" if self.role else "") + (
            f", status={self.status!r}" if self.status != "happened" else ""
        )
        return (
            f"Relation({self.type}: {self.head_name or self.head} {arrow} {self.tail_name or self.tail}, "
            f"trigger={self.trigger!r}, sentence={self.sentence}{extra})"
        )


@dataclass(slots=True)
class Document:
    """One text and everything extracted from it.

    >>> doc = Document("d1", "قال بوتين")
    >>> Document.from_json(doc.to_json()) == doc
    True
    """

    id: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    #: When it was published, as ISO 8601 text (``2017-03-07`` or
    #: ``2017-03-07T09:00:00+01:00``, see :mod:`arabic_entities.dates`), or None.
    date: str | None = field(default=None, kw_only=True)
    _index: tuple[list[Entity], int, dict[str, Entity]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def entity(self, entity_id: str) -> Entity:
        """The entity with id ``entity_id``; KeyError when it is not in this document.

        Looked up in a dict built on first use and again whenever ``entities`` is
        replaced or grows (assign a new list rather than editing items in place).
        """
        if self._index is None or self._index[0] is not self.entities or self._index[1] != len(self.entities):
            self._index = (self.entities, len(self.entities), {e.id: e for e in self.entities})
        return self._index[2][entity_id]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled compactly, for documents coming back from worker processes: a token's
        text is the slice of ``text`` at its offsets, and its norm is left out when it
        equals its text (as for 99 % of the tokens of news)."""
        tokens = self.tokens
        texts = None if all(t.text == self.text[t.start : t.end] for t in tokens) else [t.text for t in tokens]
        columns = (
            [t.start for t in tokens],
            [t.end for t in tokens],
            [None if t.norm == t.text else t.norm for t in tokens],
            [t.sentence for t in tokens],
        )
        parts = (self.sentences, self.mentions, self.entities, self.relations)
        return _unpickle_document, (self.id, self.text, self.date, texts, columns, parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict of lists and scalars, ready for JSON (:meth:`from_dict` reads it back)."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self) if f.init}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The document :meth:`to_dict` made ``data`` from."""
        return cls(
            id=data["id"],
            text=data["text"],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            tokens=[Token(**t) for t in data.get("tokens", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            entities=[
                Entity(**{**e, "aliases": tuple(e["aliases"]), "descriptions": tuple(e.get("descriptions", ()))})
                for e in data.get("entities", [])
            ],
            relations=[Relation(**r) for r in data.get("relations", [])],
            date=data.get("date"),
        )

    def to_json(self, **json_options: Any) -> str:
        """JSON text of :meth:`to_dict` (Arabic kept readable, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **json_options)

    @classmethod
    def from_json(cls, text: str) -> Document:
        """The document :meth:`to_json` wrote as ``text``."""
        return cls.from_dict(json.loads(text))

    def _repr_html_(self) -> str:
        """The text right to left with mentions highlighted by type, for Jupyter
        (:func:`arabic_entities.graph.html.document_html`)."""
        from .graph.html import document_html

        return document_html(self)

    def relations_dataframe(self) -> pd.DataFrame:
        """Relations as a pandas DataFrame, one row per relation with its entities' names and labels."""
        import pandas as pd

        rows = []
        for r in self.relations:
            head, tail = self.entity(r.head), self.entity(r.tail)
            rows.append(
                {
                    "doc_id": self.id,
                    "date": self.date,
                    "type": r.type,
                    "head": r.head,
                    "head_name": head.name,
                    "head_label": head.label,
                    "tail": r.tail,
                    "tail_name": tail.name,
                    "tail_label": tail.label,
                    "directed": r.directed,
                    "role": r.role,
                    "status": r.status,
                    "trigger": r.trigger,
                    "sentence": r.sentence,
                    "evidence": r.evidence,
                }
            )
        columns = ["doc_id", "date", "type", "head", "head_name", "head_label", "tail", "tail_name", "tail_label"]
        return pd.DataFrame(rows, columns=[*columns, "directed", "role", "status", "trigger", "sentence", "evidence"])

    def to_dataframe(self) -> pd.DataFrame:
        """Mentions as a pandas DataFrame, one row per mention with its entity's name."""
        import pandas as pd

        names = {e.id: e.name for e in self.entities}
        rows = [
            {"doc_id": self.id, "date": self.date, **dataclasses.asdict(m), "entity_name": names.get(m.entity_id)}
            for m in self.mentions
        ]
        columns = ["doc_id", "date", *(f.name for f in dataclasses.fields(Mention)), "entity_name"]
        return pd.DataFrame(rows, columns=columns)


def _unpickle_document(
    doc_id: str,
    text: str,
    date: str | None,
    texts: list[str] | None,
    columns: tuple[list[int], list[int], list[str | None], list[int]],
    parts: tuple[list[Sentence], list[Mention], list[Entity], list[Relation]],
) -> Document:
    """The document :meth:`Document.__reduce__` took apart."""
    starts, ends, norms, sentences = columns
    if texts is None:
        texts = [text[start:end] for start, end in zip(starts, ends)]
    tokens = [
        Token(word, start, end, word if norm is None else norm, sentence)
        for word, start, end, norm, sentence in zip(texts, starts, ends, norms, sentences)
    ]
    return Document(doc_id, text, parts[0], tokens, parts[1], parts[2], parts[3], date=date)


def _plain(value: Any) -> Any:
    """``value`` (a field of a Document) with its dataclasses as dicts."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value
