"""Co-mention graphs: entities as nodes, shared windows of text as weighted edges.

>>> import arabic_entities as ae
>>> doc = ae.extract("وقال الملياردير إيلون ماسك إن الرئيس بوتين وافق على اللقاء في الكرملين.")
>>> G = ae.cooccurrence_graph([doc])
>>> sorted(G.nodes[n]["name"] for n in G), G.number_of_edges()
(['إيلون ماسك', 'الكرملين', 'بوتين'], 3)

Windows
-------
Two entities co-occur when they are named in the same *window*:

- ``"sentence"`` (default): one window per sentence that names an entity;
- ``"paragraph"``: one window per line of ``doc.text``. A sentence belongs to the
  paragraph of the line it starts on (the number of ``"\\n"`` before its ``start``);
  news text puts one paragraph per line, so every line break starts a new paragraph
  and blank lines add nothing;
- ``"document"``: one window per document;
- an int ``N``: a token distance. Two mentions are within ``N`` tokens when the later
  one starts at most ``N`` tokens after the earlier one ends (neighbouring words: 1).
  Every such *pair of mentions* is a window, so an edge's ``weight`` is the number of
  mention pairs of its two entities within ``N`` tokens.

Attributes
----------
A graph shows people, organizations and places (:data:`GRAPH_LABELS`); MISC nodes
on request (``labels=None``). Nodes (entity ids): ``label``, ``name`` (the most mentioned Arabic name), ``name_en``,
``name_latin`` (``name`` romanized, :func:`~arabic_entities.lexicon.romanize.romanize`),
``count`` (mentions) and ``docs`` (sorted ids of the documents naming it).

Edges: ``weight`` (windows naming both ends), ``docs`` (sorted ids of the documents
where they share a window or a relation), ``npmi``, ``relations`` (relation type →
count, from ``doc.relations`` between the two ends; a related pair that shares no
window still gets an edge, of weight 0) and ``evidence`` (up to ``max_evidence``
``{"doc", "sentence", "text", "date"}`` records of the windows they share, the first in
``(doc, sentence)`` order, without repeats).

Time: nodes and edges have ``first_date`` and ``last_date``, the first and last day
(``YYYY-MM-DD``) of the dated documents that name them or join them (None without dates).
A graph built with a ``period`` (``"day"``, ``"week"``, ``"month"``, ``"year"``, see
:mod:`arabic_entities.dates`) has ``G.graph["period"]`` and ``G.graph["documents"]``
(period → documents added, whether they name anyone or not), ``periods`` on nodes (period
→ mentions) and edges (period → weight), and ``relation_periods`` on edges (period →
relation type → count); its ``evidence`` keeps up to ``max_evidence`` records per period,
in time order. Undated documents count everywhere but in the periods.

``npmi`` is the normalized pointwise mutual information over windows: with ``W`` the
number of windows naming at least one entity, ``n_a`` those naming ``a`` and ``w_ab``
the edge weight, ``p(a,b) = w_ab / W``, ``p(a) = n_a / W`` and
``npmi = log(p(a,b) / (p(a) p(b))) / -log p(a,b)``, from -1 (never together) through 0
(independent) to 1 (always together; also the value when ``p(a,b) == 1``).
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from ..dates import PERIODS, Period, parse_date, period_of
from ..document import Document, Label
from ..entities.link import link_entities
from ..lexicon.romanize import romanize

__all__ = ["GRAPH_LABELS", "WINDOWS", "GraphBuilder", "Window", "cooccurrence_graph"]

#: The entity types a graph shows unless asked otherwise: MISC (events, products,
#: works) only on request (``labels=None`` or a list that names it).
GRAPH_LABELS: tuple[Label, ...] = ("LOC", "ORG", "PERS")

#: Named windows; an int ``N`` (token distance) is a window too.
WINDOWS = ("sentence", "paragraph", "document")

Window = str | int
#: ``(doc id, sentence index or None, text or None, date or None)``: where two entities meet.
_Evidence = tuple[str, int | None, str | None, str | None]


def _check_window(window: Window) -> Window:
    if isinstance(window, int) and not isinstance(window, bool):
        if window < 0:
            raise ValueError(f"a token-distance window must be >= 0, got {window}")
        return window
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS} or a token distance (int), got {window!r}")
    return window


def _span_text(doc: Document, first: int, last: int) -> str:
    """The text of sentences ``first`` to ``last`` of ``doc``."""
    if first == last:
        return doc.sentences[first].text
    return doc.text[doc.sentences[first].start : doc.sentences[last].end]


def _windows(doc: Document, window: Window) -> Iterator[tuple[int | None, str | None, set[str]]]:
    """``(sentence index, text, entity ids)`` of each window of ``doc`` naming an entity."""
    if isinstance(window, int):
        yield from _token_windows(doc, window)
    elif window == "document":
        if doc.mentions:
            yield None, None, {m.entity_id for m in doc.mentions}
    elif window == "sentence":
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for m in doc.mentions:
            by_sentence[m.sentence].add(m.entity_id)
        for index, ids in sorted(by_sentence.items()):
            yield index, doc.sentences[index].text, ids
    else:
        breaks = [i for i, char in enumerate(doc.text) if char == "\n"]
        paragraph = [bisect_left(breaks, s.start) for s in doc.sentences]
        sentences: dict[int, list[int]] = defaultdict(list)  # paragraph -> its sentence indices
        for index, p in enumerate(paragraph):
            sentences[p].append(index)
        by_paragraph: dict[int, set[str]] = defaultdict(set)
        for m in doc.mentions:
            by_paragraph[paragraph[m.sentence]].add(m.entity_id)
        for p, ids in sorted(by_paragraph.items()):
            first, last = sentences[p][0], sentences[p][-1]
            yield first, _span_text(doc, first, last), ids


def _token_windows(doc: Document, distance: int) -> Iterator[tuple[int, str, set[str]]]:
    """One window per pair of mentions within ``distance`` tokens: O(n log n + pairs)."""
    if doc.mentions and not doc.tokens:
        raise ValueError(f"window={distance} counts tokens, but document {doc.id!r} has none")
    # (first token, last token, sentence, entity id) of each mention
    spans = sorted((m.token_start, m.token_end - 1, m.sentence, m.entity_id) for m in doc.mentions)
    firsts = [span[0] for span in spans]
    for k, (_, last, sentence, entity) in enumerate(spans):
        for j in range(k + 1, bisect_right(firsts, last + distance, lo=k + 1)):
            other = spans[j]
            low, high = sorted((sentence, other[2]))
            yield low, _span_text(doc, low, high), {entity, other[3]}


def _evidence_key(record: _Evidence) -> tuple[str, int, str]:
    doc, sentence, text, _ = record
    return doc, -1 if sentence is None else sentence, text or ""


def _first(records: Iterable[_Evidence], k: int, period: Period | None = None) -> list[_Evidence]:
    """The first ``k`` distinct records in ``(doc, sentence)`` order; with ``period``,
    the first ``k`` of each period (undated records last), in time order."""
    ordered = sorted(set(records), key=_evidence_key)
    if period is None:
        return ordered[:k]
    by_period: dict[str, list[_Evidence]] = defaultdict(list)
    for record in ordered:
        kept = by_period[_period_key(record[3], period)]
        if len(kept) < k:
            kept.append(record)
    return [record for name in sorted(by_period) for record in by_period[name]]


def _period_key(date: str | None, period: Period) -> str:
    """The period of ``date``; ``"~"`` (after every period name) for no date."""
    return "~" if date is None else period_of(date, period)


def _earlier(a: str | None, b: str | None) -> str | None:
    """The earlier of two days (YYYY-MM-DD), None not counting."""
    return b if a is None else a if b is None else min(a, b)


def _later(a: str | None, b: str | None) -> str | None:
    """The later of two days, None not counting."""
    return b if a is None else a if b is None else max(a, b)


def _best(counts: Counter[str]) -> str | None:
    """The most counted key (ties: the first in sorted order); None when there is none."""
    return max(sorted(counts), key=counts.__getitem__) if counts else None


def _npmi(w_ab: int, n_a: int, n_b: int, total: int) -> float:
    if w_ab == 0:
        return -1.0
    if w_ab == total:
        return 1.0
    return math.log(w_ab * total / (n_a * n_b)) / -math.log(w_ab / total)


@dataclass
class _Dates:
    """The first and last day an entity or a pair is seen, and counts per period."""

    first: str | None = None
    last: str | None = None
    periods: Counter[str] = field(default_factory=Counter)

    def see(self, day: str | None) -> None:
        self.first, self.last = _earlier(self.first, day), _later(self.last, day)

    def merge_dates(self, other: _Dates) -> None:
        self.see(other.first)
        self.see(other.last)
        self.periods.update(other.periods)


@dataclass
class _NodeStats(_Dates):
    labels: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    names_en: Counter[str] = field(default_factory=Counter)
    count: int = 0
    docs: set[str] = field(default_factory=set)
    windows: int = 0

    def merge(self, other: _NodeStats) -> None:
        self.labels.update(other.labels)
        self.names.update(other.names)
        self.names_en.update(other.names_en)
        self.count += other.count
        self.docs |= other.docs
        self.windows += other.windows
        self.merge_dates(other)


@dataclass
class _EdgeStats(_Dates):
    weight: int = 0
    docs: set[str] = field(default_factory=set)
    relations: Counter[str] = field(default_factory=Counter)
    #: period -> relation type -> count
    relation_periods: dict[str, Counter[str]] = field(default_factory=dict)
    evidence: list[_Evidence] = field(default_factory=list)

    def merge(self, other: _EdgeStats, max_evidence: int, period: Period | None) -> None:
        self.weight += other.weight
        self.docs |= other.docs
        self.relations.update(other.relations)
        for name, counts in other.relation_periods.items():
            self.relation_periods.setdefault(name, Counter()).update(counts)
        self.evidence = _first(self.evidence + other.evidence, max_evidence, period)
        self.merge_dates(other)


class GraphBuilder:
    """Counts for a co-mention graph, collected one document at a time.

    ``add`` documents, ``merge`` builders filled elsewhere (another process, another
    day), then ask for the ``graph``. However the documents are split among builders
    and in whatever order they come, the graph is exactly the one
    :func:`cooccurrence_graph` makes from all of them (``link=False``): all counts,
    ``npmi`` included, are kept as integers until :meth:`graph`.

    The builder takes documents as they are and never links their entities: linking
    needs the whole collection. Call :func:`~arabic_entities.link_entities` yourself
    first, on the whole collection (ids then agree across all parts) or on each part
    (entities are then joined only within a part).

    >>> import arabic_entities as ae
    >>> docs = ae.link_entities([ae.extract("التقى بوتين بإيلون ماسك في موسكو."),
    ...                          ae.extract("وقال ماسك إن بوتين وافق.")])
    >>> part = GraphBuilder().add(docs[1])
    >>> G = GraphBuilder().add(docs[0]).merge(part).graph()
    >>> nx.utils.graphs_equal(G, ae.cooccurrence_graph(docs, link=False))
    True
    """

    def __init__(self, *, window: Window = "sentence", max_evidence: int = 10, period: Period | None = None) -> None:
        self.window = _check_window(window)
        if max_evidence < 0:
            raise ValueError(f"max_evidence must be >= 0, got {max_evidence}")
        if period is not None and period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)} or None, not {period!r}")
        self.max_evidence = max_evidence
        self.period = period
        self._nodes: dict[str, _NodeStats] = defaultdict(_NodeStats)
        self._edges: dict[tuple[str, str], _EdgeStats] = defaultdict(_EdgeStats)
        self._windows = 0  # windows naming at least one entity
        self._doc_ids: set[str] = set()
        self._period_docs: Counter[str] = Counter()  # documents per period

    def add(self, doc: Document) -> GraphBuilder:
        """Count one document; returns the builder. A document id met before is an
        error: its counts would be added twice while it is listed once."""
        if not isinstance(doc, Document):
            raise TypeError(f"expected Document objects, not {type(doc).__name__}")
        if doc.id in self._doc_ids:
            raise ValueError(f"document {doc.id!r} is added twice: give each document its own id")
        known = {entity.id for entity in doc.entities}
        for m in doc.mentions:
            if m.entity_id not in known:
                raise ValueError(f"mention {m.text!r} of document {doc.id!r} names unknown entity {m.entity_id!r}")
        day = None if doc.date is None else parse_date(doc.date)[:10]
        period = None if day is None or self.period is None else period_of(day, self.period)
        for entity in doc.entities:
            node = self._nodes[entity.id]
            node.labels[entity.label] += entity.mention_count
            node.names[entity.name] += entity.mention_count
            if entity.name_en:
                node.names_en[entity.name_en] += entity.mention_count
            node.count += entity.mention_count
            node.docs.add(doc.id)
            node.see(day)
            if period is not None:
                node.periods[period] += entity.mention_count
        self._doc_ids.add(doc.id)
        if period is not None:
            self._period_docs[period] += 1
        touched: set[tuple[str, str]] = set()
        for sentence, text, ids in _windows(doc, self.window):
            self._windows += 1
            for entity_id in ids:
                self._nodes[entity_id].windows += 1
            for pair in itertools.combinations(sorted(ids), 2):
                edge = self._edges[pair]
                edge.weight += 1
                edge.docs.add(doc.id)
                edge.evidence.append((doc.id, sentence, text, doc.date))
                edge.see(day)
                if period is not None:
                    edge.periods[period] += 1
                touched.add(pair)
        for relation in doc.relations:
            if relation.head == relation.tail:
                continue
            for end in (relation.head, relation.tail):
                if end not in known:
                    raise ValueError(f"a relation of document {doc.id!r} names unknown entity {end!r}")
            a, b = sorted((relation.head, relation.tail))
            edge = self._edges[a, b]
            edge.relations[relation.type] += 1
            edge.docs.add(doc.id)
            edge.see(day)
            if period is not None:
                edge.relation_periods.setdefault(period, Counter())[relation.type] += 1
        for pair in touched:
            edge = self._edges[pair]
            edge.evidence = _first(edge.evidence, self.max_evidence, self.period)
        return self

    def add_many(self, docs: Iterable[Document]) -> GraphBuilder:
        """Count each of ``docs``; returns the builder."""
        for doc in docs:
            self.add(doc)
        return self

    def merge(self, other: GraphBuilder) -> GraphBuilder:
        """Add the counts of ``other`` (same ``window``, ``max_evidence`` and ``period``); returns this builder."""
        if not isinstance(other, GraphBuilder):
            raise TypeError(f"can only merge a GraphBuilder, not {type(other).__name__}")
        mine = (self.window, self.max_evidence, self.period)
        theirs = (other.window, other.max_evidence, other.period)
        if theirs != mine:
            raise ValueError(
                "cannot merge a builder with window={!r}, max_evidence={}, period={!r} ".format(*theirs)
                + "into one with window={!r}, max_evidence={}, period={!r}".format(*mine)
            )
        both = self._doc_ids & other._doc_ids
        if both:
            raise ValueError(f"both builders counted document {min(both)!r}: each document must be added once")
        self._doc_ids |= other._doc_ids
        for node_id, node in other._nodes.items():
            self._nodes[node_id].merge(node)
        for pair, edge in other._edges.items():
            self._edges[pair].merge(edge, self.max_evidence, self.period)
        self._windows += other._windows
        self._period_docs.update(other._period_docs)
        return self

    def graph(
        self,
        *,
        labels: Collection[str] | str | None = GRAPH_LABELS,
        min_weight: int = 0,
        top_k: int | None = None,
    ) -> nx.Graph:
        """The graph of everything added so far, nodes and edges in sorted order.

        Filters, applied in this order: ``labels`` keeps the nodes with these labels
        (by default people, organizations and places; ``None`` keeps every label, MISC too),
        ``top_k`` the ``k`` most mentioned nodes (ties: smaller id first), ``min_weight``
        the edges of at least that weight. ``npmi`` is computed before filtering.
        """
        if top_k is not None and top_k < 0:
            raise ValueError(f"top_k must be >= 0, got {top_k}")
        timed = self.period is not None
        G = nx.Graph(period=self.period, **({"documents": dict(sorted(self._period_docs.items()))} if timed else {}))
        for node_id in sorted(self._nodes):
            node = self._nodes[node_id]
            G.add_node(
                node_id,
                label=_best(node.labels),
                name=max(sorted(node.names), key=lambda name: (node.names[name], len(name))),
                name_en=_best(node.names_en),
                name_latin=None,  # for the nodes the filters keep, below
                count=node.count,
                docs=sorted(node.docs),
                first_date=node.first,
                last_date=node.last,
                **({"periods": dict(sorted(node.periods.items()))} if timed else {}),
            )
        for (a, b), edge in sorted(self._edges.items()):
            G.add_edge(
                a,
                b,
                weight=edge.weight,
                docs=sorted(edge.docs),
                npmi=_npmi(edge.weight, self._nodes[a].windows, self._nodes[b].windows, self._windows),
                relations=dict(sorted(edge.relations.items())),
                evidence=[
                    {"doc": doc, "sentence": sentence, "text": text, "date": date}
                    for doc, sentence, text, date in edge.evidence
                ],
                first_date=edge.first,
                last_date=edge.last,
                **(
                    {
                        "periods": dict(sorted(edge.periods.items())),
                        "relation_periods": {
                            name: dict(sorted(counts.items())) for name, counts in sorted(edge.relation_periods.items())
                        },
                    }
                    if timed
                    else {}
                ),
            )
        if labels is not None:
            wanted = {labels} if isinstance(labels, str) else set(labels)
            G.remove_nodes_from([n for n, label in G.nodes(data="label") if label not in wanted])
        if top_k is not None:
            ranked = sorted(G.nodes(data="count"), key=lambda item: (-item[1], item[0]))
            G.remove_nodes_from([n for n, _ in ranked[top_k:]])
        G.remove_edges_from([(a, b) for a, b, weight in G.edges(data="weight") if weight < min_weight])
        for _, data in G.nodes(data=True):
            data["name_latin"] = romanize(data["name"])
        return G


def cooccurrence_graph(
    docs: Iterable[Document],
    *,
    window: Window = "sentence",
    max_evidence: int = 10,
    link: bool = True,
    labels: Collection[str] | str | None = GRAPH_LABELS,
    min_weight: int = 0,
    top_k: int | None = None,
    period: Period | None = None,
) -> nx.Graph:
    """Entities that appear together, across all ``docs``.

    ``window`` is ``"sentence"``, ``"paragraph"``, ``"document"`` or a token distance
    (int); the module documentation defines windows and every node and edge attribute.
    ``period`` (``"day"``, ``"week"``, ``"month"``, ``"year"``) adds counts per period
    of the documents' dates (:mod:`arabic_entities.graph.timeline` reads them).
    With ``link`` (the default) entities are first joined across documents
    (:func:`~arabic_entities.link_entities`), then counted by a :class:`GraphBuilder`;
    ``labels``, ``min_weight`` and ``top_k`` filter the result (:meth:`GraphBuilder.graph`).

    >>> import arabic_entities as ae
    >>> doc = ae.extract("وقال الملياردير إيلون ماسك إن الرئيس بوتين وافق على اللقاء في الكرملين.\\n"
    ...                  "وقال ماسك إن اللقاء كان مثمرا.")
    >>> G = ae.cooccurrence_graph([doc], labels="PERS")
    >>> sorted((d["name"], d["count"]) for _, d in G.nodes(data=True))
    [('إيلون ماسك', 2), ('بوتين', 1)]
    >>> [(G.nodes[a]["name"], G.nodes[b]["name"], w) for a, b, w in G.edges(data="weight")]
    [('بوتين', 'إيلون ماسك', 1)]
    """
    builder = GraphBuilder(window=window, max_evidence=max_evidence, period=period)
    docs = list(docs)
    for doc in docs:
        if not isinstance(doc, Document):
            raise TypeError(f"expected Document objects, not {type(doc).__name__}")
    if link:
        docs = link_entities(docs)
    return builder.add_many(docs).graph(labels=labels, min_weight=min_weight, top_k=top_k)
