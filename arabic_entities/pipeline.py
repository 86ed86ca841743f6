"""The pipeline: normalize → tokenize → recognize → resolve → relate, one Document per text.

>>> nlp = load()
>>> doc = nlp("قال إيلون ماسك إن بوتين وافق على اللقاء في موسكو.")
>>> [(m.text, m.label) for m in doc.mentions]
[('إيلون ماسك', 'PERS'), ('بوتين', 'PERS'), ('موسكو', 'LOC')]
>>> load("crf", relations=False)("زار ماسك موسكو والتقى بوتين.").relations
[]
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from . import ner
from .dates import DateInput, parse_date
from .document import LABELS, Document, Label, Relation, Sentence, Token, is_label
from .entities.boundaries import (
    description_before,
    glued_name,
    lone_common_nouns,
    named_after,
    split_coordination,
    split_listed_names,
    split_scripts,
    trim_words,
)
from .entities.institutions import institution_spans
from .entities.morphology import Morphology, load_morphology
from .entities.propagate import KnownNames, propagate
from .entities.resolve import link_acronyms, resolve
from .inputs import read_text
from .lexicon.arabic import LETTER_NAMES
from .lexicon.gazetteer import Gazetteer, load_gazetteer
from .lexicon.lookup import lookup_patterns
from .lexicon.prominent import prominent_patterns
from .ner.base import Recognizer, spans
from .spans import SpanCandidate
from .text.normalize import SURFACE, NormalizedText, NormalizeOptions, match_key, normalize_with_offsets
from .text.script import ARABIC_LETTER, mostly_arabic, word_counts
from .text.tokenize import tokenize

__all__ = [
    "NotArabicWarning",
    "Pipeline",
    "TextInput",
    "check_count",
    "default_doc_id",
    "default_pipeline",
    "extract",
    "extract_many",
    "load",
]

#: A text, a ``(doc_id, text)`` pair, a ``(doc_id, text, date)`` triple, a record
#: (mapping) with ``text`` and optional ``id`` and ``date``, or the path of a UTF-8 file
#: (its id is the path). A date is ISO text, a ``date`` or a ``datetime``
#: (:func:`arabic_entities.dates.parse_date`).
TextInput = (
    str | tuple[str | None, str] | tuple[str | None, str, DateInput | None] | Mapping[str, Any] | os.PathLike[str]
)
#: One document to make: its id, its text and its date (ISO text) or None.
DocInput = tuple[str, str, str | None]


def _check_not_a_path(text: str) -> None:
    """ValueError when ``text`` is no Arabic text but the path of an existing file
    (``extract("news/a.txt")``), which the caller surely meant to read."""
    if len(text) < 1024 and "\n" not in text and not ARABIC_LETTER.search(text) and os.path.isfile(text):
        raise ValueError(f"{text!r} is the path of a file, not Arabic text: pass pathlib.Path({text!r}) to read it")


def default_doc_id(text: str) -> str:
    """A stable id derived from the text itself (same text, same id).

    >>> default_doc_id("ماسك")
    'doc-68f3876f2dcc'
    """
    return "doc-" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


class NotArabicWarning(UserWarning):
    """Warned for a document whose words are mostly not in the Arabic script."""


class Pipeline:
    """Turns text into :class:`~arabic_entities.document.Document` objects.

    Build one with :func:`load`; call it on a text, or use :meth:`pipe` on many.
    With ``propagate`` (the default) a name recognized once in a document is
    recognized wherever it recurs there (see :mod:`arabic_entities.entities.propagate`),
    and so are the prominent names of :mod:`arabic_entities.lexicon.prominent` and the
    names of :mod:`arabic_entities.lexicon.lookup` (pass ``known_names={}`` to rely on
    the recognizer alone). With ``relations=False``
    the relation stage is skipped (``doc.relations`` stays empty).

    A pipeline made by :func:`load` from a recognizer name or path is sent to worker
    processes as that recipe (:meth:`pipe` with ``n_process``, Dask): each worker
    loads it once. One built around a recognizer object is sent whole (pickled).
    """

    def __init__(
        self,
        recognizer: Recognizer,
        *,
        normalization: NormalizeOptions = SURFACE,
        gazetteer: Gazetteer | None = None,
        propagate: bool = True,
        known_names: Mapping[tuple[str, ...], Label] | None = None,
        morphology: Morphology | str | os.PathLike[str] | bool | None = None,
        relations: bool = True,
    ) -> None:
        self.recognizer = recognizer
        self.normalization = normalization
        self.propagate = propagate
        self.relations = relations
        self.gazetteer = gazetteer or load_gazetteer()
        #: Word-key patterns of names found even where the recognizer misses them
        #: (with ``propagate``); by default the prominent names of the curated table.
        self.known_names: Mapping[tuple[str, ...], Label] = prominent_patterns() if known_names is None else known_names
        #: What :func:`~arabic_entities.entities.propagate.propagate` looks for besides the
        #: document's own names: the known names, then (by default) the names of the name
        #: table safe to find by lookup (:mod:`arabic_entities.lexicon.lookup`).
        self.known_indexes = [KnownNames(self.known_names)]
        if known_names is None:
            self.known_indexes.append(_lookup_names())
        #: camel-tools' analyzer as extra clitic evidence: a database path, True for the
        #: installed one, or None (the default rules only; see :mod:`arabic_entities.entities.morphology`).
        if morphology is True:
            morphology = load_morphology()
        elif isinstance(morphology, (str, os.PathLike)):
            morphology = load_morphology(Path(morphology))
        self.morphology: Morphology | None = morphology or None
        #: How :func:`load` made this pipeline, or None.
        self.recipe: Recipe | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"recipe": self.recipe} if self.recipe is not None else self.__dict__

    def __setstate__(self, state: dict[str, Any]) -> None:
        if set(state) == {"recipe"}:
            state = state["recipe"].load().__dict__
        self.__dict__.update(state)

    def __call__(
        self, text: str | os.PathLike[str], doc_id: str | None = None, *, date: DateInput | None = None
    ) -> Document:
        """Extract everything from one text, or from the file at a path (a ``pathlib.Path``),
        published on ``date`` (ISO text, a ``date`` or a ``datetime``; optional)."""
        if isinstance(text, os.PathLike):
            doc_id = os.fspath(text) if doc_id is None else doc_id
            text = read_text(text)
        elif not isinstance(text, str):
            raise TypeError(f"expected a text (str) or a file path, not {type(text).__name__}")
        else:
            _check_not_a_path(text)
        return next(self.pipe([(doc_id, text, date)]))

    def pipe(
        self, texts: Iterable[TextInput], *, batch_size: int = 32, n_process: int = 1, progress: bool = False
    ) -> Iterator[Document]:
        """Documents for texts (see :data:`TextInput`: ``str``, ``(doc_id, text)`` pairs,
        ``(doc_id, text, date)`` triples, records), in input order, lazily.

        Texts are read ``batch_size`` at a time as documents are asked for. With
        ``n_process`` > 1 the batches go to that many worker processes (see
        :mod:`arabic_entities.parallel`); the documents are the same as with one.
        ``progress`` shows a tqdm bar.

        >>> nlp = load("crf")
        >>> [d.id for d in nlp.pipe([("a", "قال بوتين"), ("b", "زار ماسك موسكو.")], batch_size=1)]
        ['a', 'b']
        """
        return _pipe(self, texts, batch_size=batch_size, n_process=n_process, progress=progress)

    def run_batch(self, items: list[DocInput]) -> list[Document]:
        """The documents of ``(doc_id, text, date)`` items, all stages, the recognizer run once for all."""
        with _collector_paused():
            return self._run_batch(items)

    def _run_batch(self, items: list[DocInput]) -> list[Document]:
        prepared = [self._prepare(doc_id, text, date) for doc_id, text, date in items]
        sentence_tokens = [
            [t.norm for t in doc.tokens[s.token_start : s.token_end]] for doc, _ in prepared for s in doc.sentences
        ]
        predictions = iter(self.recognizer.predict_scores(sentence_tokens))
        for doc, normalized in prepared:
            self._entities(doc, normalized, predictions)
            if self.relations:
                doc.relations = _relations(doc)
        return [doc for doc, _ in prepared]

    def _entities(
        self, doc: Document, normalized: _Normalized, predictions: Iterator[tuple[list[str], list[float]]]
    ) -> None:
        """Mentions and entities of ``doc`` from its sentences' labels (the next ones of ``predictions``)."""
        words = [t.norm for t in doc.tokens]
        candidates = []
        doc_arabic = doc_lettered = 0
        for sentence in doc.sentences:
            labels, probabilities = next(predictions)
            offset = sentence.token_start
            arabic, lettered = word_counts(words[offset : offset + len(labels)])
            doc_arabic, doc_lettered = doc_arabic + arabic, doc_lettered + lettered
            if not mostly_arabic(arabic, lettered):
                continue  # the recognizer knows Arabic only: its labels here are noise
            for label, first, last in self._names(words, offset, labels):
                span_words = words[offset + first : offset + last]
                norm_end = normalized.norm_ends[offset + last - 1]
                cut = glued_name(span_words[-1], known=self.gazetteer.__contains__)
                if cut is not None:  # أوكرانياوفي: the name ends inside the word
                    norm_end = normalized.norm_starts[offset + last - 1] + cut
                    span_words[-1] = span_words[-1][:cut]
                candidates.append(
                    SpanCandidate(
                        label=label,
                        words=tuple(span_words),
                        norm_start=normalized.norm_starts[offset + first],
                        norm_end=norm_end,
                        sentence=sentence.index,
                        score=min(probabilities[first:last]),
                        token_start=offset + first,
                        token_end=offset + last,
                    )
                )
        if not mostly_arabic(doc_arabic, doc_lettered):
            warnings.warn(
                f"document {doc.id!r} is not Arabic text: most of its words are in another script, "
                "and names are only found in Arabic sentences",
                NotArabicWarning,
                stacklevel=2,
            )
        common = lone_common_nouns(candidates, known_person=self._known_person)
        candidates = [c for c in candidates if c not in common]
        candidates = link_acronyms(
            words,
            candidates,
            norm_starts=normalized.norm_starts,
            norm_ends=normalized.norm_ends,
        )
        if self.propagate:
            candidates += propagate(
                words,
                candidates,
                norm_starts=normalized.norm_starts,
                norm_ends=normalized.norm_ends,
                sentences=[t.sentence for t in doc.tokens],
                known=self.known_indexes,
            )
            candidates.sort(key=lambda c: c.token_start)
        for i, c in enumerate(candidates):
            if c.label == "PERS":
                sentence_start = doc.sentences[doc.tokens[c.token_start].sentence].token_start
                description = description_before(words, c.token_start, sentence_start=sentence_start)
                if description != c.description:
                    candidates[i] = replace(c, description=description)
        doc.mentions, doc.entities = resolve(
            candidates,
            document_words={match_key(w) for w in words},
            to_original=normalized.text.to_original,
            original_text=doc.text,
            gazetteer=self.gazetteer,
            morphology=self.morphology,
            known_names=self.known_names,
        )

    def _known_person(self, key: str) -> bool:
        """Whether the name tables know ``key`` as a person or a part of a person's name."""
        return "PERS" in self.gazetteer.labels(key) or bool({"PERS", "NAME"} & self.gazetteer.part_labels(key))

    def _names(self, words: list[str], offset: int, labels: list[str]) -> list[tuple[Label, int, int]]:
        """``(label, first, last)`` of the names of a sentence (sentence-relative word
        indices): those of its labels (:meth:`_recognized`) and the institutions its
        words name (:func:`~arabic_entities.entities.institutions.institution_spans`),
        which replace the places they hold (مديرية أمن الإسماعيلية); an organization
        the recognizer found stays as it is (حركة الجهاد الإسلامي gives الجهاد الإسلامي)."""
        found = list(self._recognized(words, offset, labels))
        for first, last in institution_spans(
            words[offset : offset + len(labels)],
            known_place=lambda word: "LOC" in self.gazetteer.labels(match_key(word)),
        ):
            inside = [f for f in found if f[1] < last and first < f[2]]
            if all(first <= f[1] and f[2] <= last and f[0] == "LOC" for f in inside):
                found = [f for f in found if f not in inside]
                found.append(("ORG", first, last))
        return sorted(found, key=lambda f: f[1])

    def _recognized(self, words: list[str], offset: int, labels: list[str]) -> Iterator[tuple[Label, int, int]]:
        """``(label, first, last)`` of the names in a sentence's labels (sentence-relative
        word indices), after :mod:`~arabic_entities.entities.boundaries` trimming and cutting
        (listed names are those of ``known_names``); a person or place that names a
        facility or an institution becomes that whole name (``named_after``)."""

        def is_name(word: str) -> bool:
            key = match_key(word)
            return key in self.gazetteer or (key,) in self.known_names

        def listed(keys: tuple[str, ...]) -> bool:
            return keys in self.known_names

        sentence = words[offset : offset + len(labels)]
        taken = 0  # names never overlap: the end of the last one given
        for label, first, last in spans(labels):
            if not is_label(label):
                raise ValueError(f"the recognizer tagged a {label!r} span: entity types are {', '.join(LABELS)}")
            pieces = [
                (start + low, start + high)
                for start, end in split_coordination(sentence[first:last], is_name=is_name)
                for low, high in split_scripts(sentence[first + start : first + end])
            ]
            for start, end in pieces:
                kept = trim_words(sentence[first + start : first + end], label)
                if kept is None:
                    continue
                low, high = first + start + kept[0], first + start + kept[1]
                while (
                    high - low >= 2
                    and high < len(sentence)
                    and all(w in LETTER_NAMES for w in sentence[low : high + 1])
                ):
                    high += 1  # سي إن + إن: an acronym spelled out takes all its letters (not إكس + إن "that")
                facility = named_after(sentence, low, high, label)
                if facility is not None and facility[0] >= taken:
                    taken = facility[1]
                    yield facility[2], facility[0], facility[1]
                    continue
                keys = [match_key(word) for word in sentence[low:high]]
                for piece_start, piece_end in split_listed_names(keys, listed=listed):
                    if low + piece_start >= taken:
                        taken = low + piece_end
                        yield label, low + piece_start, low + piece_end

    def _prepare(self, doc_id: str, text: str, date: str | None) -> tuple[Document, _Normalized]:
        normalized = normalize_with_offsets(text, self.normalization)
        sentence_spans, token_spans = tokenize(normalized.text)
        tokens: list[Token] = []
        norm_starts: list[int] = []
        norm_ends: list[int] = []
        sentences: list[Sentence] = []
        next_token = 0
        norm_text, original_starts, original_ends = normalized.text, normalized.starts, normalized.ends
        unchanged = norm_text == text  # then a token's text is its norm
        for index, span in enumerate(sentence_spans):
            first = len(tokens)
            while next_token < len(token_spans) and token_spans[next_token].end <= span.end:
                t = token_spans[next_token]
                start, end = original_starts[t.start], original_ends[t.end - 1]  # tokens are never empty
                norm = norm_text[t.start : t.end]
                tokens.append(Token(norm if unchanged else text[start:end], start, end, norm, index))
                norm_starts.append(t.start)
                norm_ends.append(t.end)
                next_token += 1
            start, end = normalized.to_original(span.start, span.end)
            sentences.append(Sentence(index, text[start:end], start, end, first, len(tokens)))
        doc = Document(doc_id, text, sentences, tokens, date=date)
        return doc, _Normalized(normalized, norm_starts, norm_ends)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, as it was after.

    A batch makes hundreds of thousands of short-lived objects (tokens, spans, ids), and
    each few hundred of them started a collection that also walked the models' tables and
    the per-word caches: 9 % of the time of ``extract_many`` (measured with
    ``gc.callbacks``). The stages make no reference cycles of their own; whatever cycle
    a batch leaves is collected after it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass(slots=True)
class _Normalized:
    """The normalized text of a document and its tokens' normalized offsets."""

    text: NormalizedText
    norm_starts: list[int]
    norm_ends: list[int]


@functools.cache
def _lookup_names() -> KnownNames:
    """The names of :mod:`arabic_entities.lexicon.lookup`, indexed once per process."""
    return KnownNames(lookup_patterns())


def _relations(doc: Document) -> list[Relation]:
    """Typed relations of ``doc``: the trigger rules', then those the pair model adds,
    in sentence order. The trigger lexicon is built on first use, not at import (its
    words are normalized with camel-tools, whose tables take ~0.5 s to build)."""
    from .relations import extract_relations, pair_relations

    ruled = extract_relations(doc)
    return sorted([*ruled, *pair_relations(doc, ruled)], key=lambda relation: relation.sentence)


class _DocIds:
    """``(doc_id, text, date)`` of a stream of inputs, with ids unique in the stream: a
    text given again without an id gets ``-2``, ``-3``... after its text-derived id, and
    an id given twice is an error. Holds the ids seen (tens of bytes a document)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def item(self, given: TextInput) -> DocInput:
        doc_id, text, date = _as_item(given)
        if doc_id is None:
            doc_id = base = default_doc_id(text)
            repeat = 1
            while doc_id in self.seen:
                repeat += 1
                doc_id = f"{base}-{repeat}"
        elif doc_id in self.seen:
            raise ValueError(f"document id {doc_id!r} is given twice: ids must be unique (or leave them out)")
        self.seen.add(doc_id)
        return doc_id, text, date


def _as_item(item: TextInput) -> tuple[str | None, str, str | None]:
    """``(doc_id or None, text, ISO date or None)`` of one input; a path is read."""
    if isinstance(item, str):
        return None, item, None
    if isinstance(item, os.PathLike):
        return os.fspath(item), read_text(item), None
    if isinstance(item, Mapping):
        if not isinstance(item.get("text"), str):
            raise TypeError(f"a record needs a 'text' string; it has the fields {sorted(item)}")
        item = (item.get("id"), item["text"], item.get("date"))
    if isinstance(item, tuple) and len(item) in (2, 3) and isinstance(item[1], str):
        doc_id, text, date = (*item, None)[:3]
        if doc_id is not None and not isinstance(doc_id, str):
            raise TypeError(f"doc_id must be str, not {type(doc_id).__name__}")
        return doc_id, text, None if date is None else parse_date(date)
    raise TypeError(
        "expected a text, a (doc_id, text) pair, a (doc_id, text, date) triple, a record with 'text' "
        f"or a file path, not {type(item).__name__}"
    )


def _batches(texts: Iterable[TextInput], size: int) -> Iterator[list[DocInput]]:
    """``(doc_id, text, date)`` items with unique ids, ``size`` at a time, read lazily."""
    items = iter(texts)
    ids = _DocIds()
    while batch := list(islice(items, size)):
        yield [ids.item(item) for item in batch]


def _check_texts(texts: object) -> None:
    """TypeError when ``texts`` is one text or a file rather than a collection of them."""
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            "extract_many takes a collection of texts (or (doc_id, text) pairs), not one "
            f"{type(texts).__name__}: use extract(text) or extract_many([text])"
        )
    if isinstance(texts, os.PathLike):
        raise TypeError(
            "extract_many takes a collection of texts, not one path: use extract_many(read_texts(path)) "
            "for a file, folder or glob"
        )


def check_count(name: str, value: int) -> None:
    """Raise TypeError unless ``value`` is an int, ValueError unless it is at least 1.

    >>> check_count("n_process", 0)
    Traceback (most recent call last):
    ...
    ValueError: n_process must be at least 1, got 0
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")


def load(recognizer: str | os.PathLike[str] | Recognizer = "builtin", **options: Any) -> Pipeline:
    """A pipeline with the named recognizer (``"builtin"``, the default, ``"crf"``,
    ``"camelbert"`` or a model path; see :func:`arabic_entities.ner.load`) or a
    Recognizer object. ``options`` go to :class:`Pipeline` (``normalization``,
    ``propagate``, ``known_names``, ``morphology``, ``relations``)."""
    if not isinstance(recognizer, (str, os.PathLike)):
        return Pipeline(recognizer, **options)
    pipeline = Pipeline(ner.load(recognizer), **options)
    if not isinstance(options.get("morphology"), Morphology):
        pipeline.recipe = Recipe(recognizer, dict(options))
    return pipeline


@dataclass(frozen=True)
class Recipe:
    """How :func:`load` makes a pipeline: the recognizer's name or path and the options.

    A pipeline travels to worker processes as its recipe; each process loads it once
    (:meth:`load`).

    >>> Recipe("crf", {"relations": False}).load().relations
    False
    """

    recognizer: str | os.PathLike[str]
    options: dict[str, Any]

    def load(self) -> Pipeline:
        """The pipeline of this recipe, made once per process."""
        import pickle

        key = pickle.dumps(self)
        with _loaded_lock:
            if key not in _loaded:
                _loaded[key] = load(self.recognizer, **self.options)
            return _loaded[key]


#: Pipelines made from recipes in this process: the pickled recipe -> the pipeline.
_loaded: dict[bytes, Pipeline] = {}
_loaded_lock = threading.Lock()
#: The recipe of :func:`default_pipeline`.
DEFAULT_RECIPE = Recipe("builtin", {})


def _pipe(
    source: Pipeline | Recipe, texts: Iterable[TextInput], *, batch_size: int, n_process: int, progress: bool
) -> Iterator[Document]:
    """:meth:`Pipeline.pipe` of ``source``; workers get a recipe as it is, so the calling
    process need not load the models it does not run."""
    _check_texts(texts)
    check_count("batch_size", batch_size)
    check_count("n_process", n_process)
    batches = _batches(texts, batch_size)
    if n_process == 1:
        pipeline = source if isinstance(source, Pipeline) else source.load()
        docs: Iterator[Document] = (doc for batch in batches for doc in pipeline.run_batch(batch))
    else:
        from .parallel import run_batches

        docs = run_batches(source, batches, n_process=n_process)
    if progress:
        from tqdm import tqdm

        docs = iter(tqdm(docs, unit="doc"))
    return docs


_default: Pipeline | None = None
_default_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """The pipeline of :func:`extract` and :func:`extract_many`: ``load()``, made on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = DEFAULT_RECIPE.load()
        return _default


def extract(text: str | os.PathLike[str], doc_id: str | None = None, *, date: DateInput | None = None) -> Document:
    """Extract entities from ``text`` with the default pipeline (loaded once, then cached).

    ``text`` may be the path of a UTF-8 file as a :class:`pathlib.Path` (its id is then
    the path); a ``str`` is always the text itself. ``date``, when given, is the date
    of publication (ISO text, a ``date`` or a ``datetime``): ``doc.date``.

    >>> doc = extract("قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة.")
    >>> [e.name for e in doc.entities if e.label == "PERS"]
    ['فلاديمير بوتين']
    """
    return default_pipeline()(text, doc_id, date=date)


def extract_many(
    texts: Iterable[TextInput], *, n_process: int = 1, batch_size: int = 32, progress: bool = False
) -> Iterator[Document]:
    """Documents for many texts, in input order, with the default pipeline
    (:meth:`Pipeline.pipe`).

    Each item is a text, a ``(doc_id, text)`` pair, a ``(doc_id, text, date)`` triple or
    a record with ``text`` and optional ``id`` and ``date`` (:data:`TextInput`). Input and output are streamed:
    the texts and documents held do not grow with the collection (see
    :mod:`arabic_entities.parallel` for how far ahead workers read). With ``n_process``
    > 1, call it under ``if __name__ == "__main__":`` in a script (workers are spawned).

    >>> docs = extract_many([("a", "قال بوتين"), "زار ماسك موسكو."], batch_size=1)
    >>> [(doc.id, len(doc.entities)) for doc in docs]
    [('a', 1), ('doc-3ddbbdf08629', 2)]
    """
    if n_process == 1 or _default is not None:
        source: Pipeline | Recipe = default_pipeline()
    else:
        source = DEFAULT_RECIPE  # the workers load it: not this process
    return _pipe(source, texts, batch_size=batch_size, n_process=n_process, progress=progress)
