"""The pipeline: normalize → tokenize → recognize → resolve, one Document per text.

>>> nlp = load()
>>> doc = nlp("قال إيلون ماسك إن بوتين وافق على اللقاء في موسكو.")
>>> [(m.text, m.label) for m in doc.mentions]
[('إيلون ماسك', 'PERS'), ('بوتين', 'PERS'), ('موسكو', 'LOC')]
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from collections.abc import Iterable, Iterator
from itertools import islice

from . import ner
from .document import Document, Sentence, Token
from .gazetteer import Gazetteer, load_gazetteer
from .ner.base import Recognizer
from .ner.evaluate import spans
from .propagate import propagate
from .normalize import SURFACE, NormalizedText, NormalizeOptions, match_key, normalize_with_offsets
from .resolve import SpanCandidate, resolve
from .tokenize import tokenize

__all__ = ["Pipeline", "load", "extract", "extract_many", "default_doc_id"]

TextInput = str | tuple[str, str]


def default_doc_id(text: str) -> str:
    """A stable id derived from the text itself (same text, same id).

    >>> default_doc_id("ماسك")
    'doc-68f3876f2dcc'
    """
    return "doc-" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


class Pipeline:
    """Turns text into :class:`~arabic_entities.document.Document` objects.

    Build one with :func:`load`; call it on a text, or use :meth:`pipe` on many.
    With ``propagate`` (the default) a name recognized once in a document is
    recognized wherever it recurs there (see :mod:`arabic_entities.propagate`).
    """

    def __init__(
        self,
        recognizer: Recognizer,
        *,
        normalization: NormalizeOptions = SURFACE,
        gazetteer: Gazetteer | None = None,
        propagate: bool = True,
    ) -> None:
        self.recognizer = recognizer
        self.normalization = normalization
        self.propagate = propagate
        self.gazetteer = gazetteer or load_gazetteer()

    def __call__(self, text: str, doc_id: str | None = None) -> Document:
        """Extract everything from one text."""
        return next(self.pipe([text if doc_id is None else (doc_id, text)]))

    def pipe(self, texts: Iterable[TextInput], *, batch_size: int = 32) -> Iterator[Document]:
        """Documents for texts (``str`` or ``(doc_id, text)`` pairs), in order, lazily."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        items = iter(texts)
        while batch := list(islice(items, batch_size)):
            yield from self._batch([_as_pair(item) for item in batch])

    def _batch(self, pairs: list[tuple[str, str]]) -> list[Document]:
        prepared = [self._prepare(doc_id, text) for doc_id, text in pairs]
        sentence_tokens = [
            [t.norm for t in doc.tokens[s.token_start : s.token_end]]
            for doc, _ in prepared
            for s in doc.sentences
        ]
        predictions = iter(self.recognizer.predict_scores(sentence_tokens))
        for doc, normalized in prepared:
            candidates = []
            for sentence in doc.sentences:
                labels, probabilities = next(predictions)
                offset = sentence.token_start
                for label, first, last in spans(labels):
                    candidates.append(SpanCandidate(
                        label,
                        tuple(t.norm for t in doc.tokens[offset + first : offset + last]),
                        normalized.norm_starts[offset + first],
                        normalized.norm_ends[offset + last - 1],
                        sentence.index,
                        min(probabilities[first:last]),
                        offset + first,
                        offset + last,
                    ))
            words = [t.norm for t in doc.tokens]
            if self.propagate:
                candidates += propagate(words, candidates, norm_starts=normalized.norm_starts,
                                        norm_ends=normalized.norm_ends,
                                        sentences=[t.sentence for t in doc.tokens])
                candidates.sort(key=lambda c: c.token_start)
            doc.mentions, doc.entities = resolve(
                candidates,
                document_words={match_key(w) for w in words},
                to_original=normalized.text.to_original,
                original_text=doc.text,
                gazetteer=self.gazetteer,
            )
        return [doc for doc, _ in prepared]

    def _prepare(self, doc_id: str, text: str) -> tuple[Document, _Normalized]:
        normalized = normalize_with_offsets(text, self.normalization)
        sentence_spans, token_spans = tokenize(normalized.text)
        tokens: list[Token] = []
        norm_starts: list[int] = []
        norm_ends: list[int] = []
        sentences: list[Sentence] = []
        next_token = 0
        for index, span in enumerate(sentence_spans):
            first = len(tokens)
            while next_token < len(token_spans) and token_spans[next_token].end <= span.end:
                t = token_spans[next_token]
                start, end = normalized.to_original(t.start, t.end)
                tokens.append(Token(text[start:end], start, end, normalized.text[t.start : t.end], index))
                norm_starts.append(t.start)
                norm_ends.append(t.end)
                next_token += 1
            start, end = normalized.to_original(span.start, span.end)
            sentences.append(Sentence(index, text[start:end], start, end, first, len(tokens)))
        doc = Document(doc_id, text, sentences, tokens)
        return doc, _Normalized(normalized, norm_starts, norm_ends)


@dataclass(slots=True)
class _Normalized:
    """The normalized text of a document and its tokens' normalized offsets."""

    text: NormalizedText
    norm_starts: list[int]
    norm_ends: list[int]


def _as_pair(item: TextInput) -> tuple[str, str]:
    if isinstance(item, str):
        return default_doc_id(item), item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
        doc_id, text = item
        if doc_id is None:
            return default_doc_id(text), text
        if not isinstance(doc_id, str):
            raise TypeError(f"doc_id must be str, not {type(doc_id).__name__}")
        return doc_id, text
    raise TypeError(f"expected a str or a (doc_id, text) pair, not {type(item).__name__}")


def load(recognizer: str | Recognizer = "builtin", **options) -> Pipeline:
    """A pipeline with the named recognizer (``"builtin"``, the default, or ``"crf"``; see
    :func:`arabic_entities.ner.load`) or a Recognizer object."""
    if isinstance(recognizer, str):
        recognizer = ner.load(recognizer)
    return Pipeline(recognizer, **options)


_default: Pipeline | None = None
_default_lock = threading.Lock()


def _default_pipeline() -> Pipeline:
    global _default
    with _default_lock:
        if _default is None:
            _default = load()
        return _default


def extract(text: str, doc_id: str | None = None) -> Document:
    """Extract entities from ``text`` with the default pipeline (loaded once, then cached).

    >>> doc = extract("قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة.")
    >>> [e.name for e in doc.entities if e.label == "PERS"]
    ['فلاديمير بوتين']
    """
    return _default_pipeline()(text, doc_id)


def _extract_pair(pair: tuple[str, str]) -> Document:
    return _default_pipeline()(pair[1], pair[0])


def extract_many(
    texts: Iterable[TextInput], *, n_process: int = 1, batch_size: int = 32, progress: bool = False
) -> Iterator[Document]:
    """Documents for many texts, in input order; ``n_process`` > 1 uses worker processes.

    Each item is a text or a ``(doc_id, text)`` pair. Input and output are streamed.
    """
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, got {n_process}")
    pairs = (_as_pair(item) for item in texts)
    if progress:
        from tqdm import tqdm

        pairs = tqdm(pairs, unit="doc")
    if n_process == 1:
        yield from _default_pipeline().pipe(pairs, batch_size=batch_size)
        return
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(n_process) as pool:
        yield from pool.imap(_extract_pair, pairs, chunksize=batch_size)
