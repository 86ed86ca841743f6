"""Documents and co-mention graphs of large collections on Dask.

Needs the ``dask`` extra (``pip install "arabic_entities[dask]"``: ``dask[bag]`` and
``distributed``); importing this module does not import dask. Both functions build a
lazy computation that runs on whatever Dask scheduler is active: the default one, a
``dask.config.set(scheduler="processes")`` block or a ``distributed.Client``.

- :func:`extract_bag` turns a bag of texts into a bag of
  :class:`~arabic_entities.document.Document`, one partition at a time, with the
  default pipeline or one made by :func:`~arabic_entities.load`; each worker process
  loads it once and keeps it.
- :func:`graph_from_bag` gives the graph :func:`~arabic_entities.cooccurrence_graph`
  would give for all the documents, without gathering them in one place: each
  partition fills a :class:`~arabic_entities.GraphBuilder` and the builders are merged
  in a tree (``split_every`` at a time).

Linking entities across documents (``link=True``) needs the whole collection, but only
a small part of it: each partition reports, per entity id, its label and the names and
English names with their mention counts (:func:`~arabic_entities.entities.link.collect_records`).
These reports are merged and linked in one task exactly as
:func:`~arabic_entities.link_entities` links them (:func:`~arabic_entities.entities.link.compute_links`);
the resulting map of old to new ids and names goes back to the partitions, which
relabel their documents (:func:`~arabic_entities.entities.link.apply_links`) before
counting them. The documents are made once and kept by the workers until
counted.

>>> import dask
>>> import dask.bag as db
>>> import arabic_entities as ae
>>> texts = ["التقى الرئيس فلاديمير بوتين بإيلون ماسك في موسكو.", "وقال ماسك إن بوتين وافق."]
>>> with dask.config.set(scheduler="sync"):
...     docs = extract_bag(db.from_sequence(texts, npartitions=2))
...     G = graph_from_bag(docs)
>>> nx.utils.graphs_equal(G, ae.cooccurrence_graph(ae.extract_many(texts)))
True
>>> sorted((G.nodes[n]["name"], G.nodes[n]["count"]) for n in G)
[('إيلون ماسك', 2), ('فلاديمير بوتين', 2), ('موسكو', 1)]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import partial
from typing import TYPE_CHECKING

import networkx as nx

from .dates import Period
from .document import Document
from .entities.link import EntityRecord, Links, apply_links, collect_records, compute_links, merge_records
from .graph.build import GRAPH_LABELS, GraphBuilder, Window
from .pipeline import Pipeline, TextInput, check_count, default_pipeline

if TYPE_CHECKING:
    from dask.bag import Bag

__all__ = ["extract_bag", "graph_from_bag"]


def extract_bag(texts: Bag, *, pipeline: Pipeline | None = None, batch_size: int = 32) -> Bag:
    """A bag of Documents for a bag of texts (``str``, ``(doc_id, text)`` pairs or any
    other :data:`~arabic_entities.pipeline.TextInput`), in order.

    Each partition goes through ``pipeline.pipe`` (the default pipeline when None; one
    process) in the process that runs it, ``batch_size`` texts at a time.
    """
    _check_bag(texts)
    check_count("batch_size", batch_size)
    return texts.map_partitions(_extract_partition, pipeline=pipeline, batch_size=batch_size)


def graph_from_bag(
    docs: Bag,
    *,
    window: Window = "sentence",
    max_evidence: int = 10,
    link: bool = True,
    labels: Collection[str] | str | None = GRAPH_LABELS,
    min_weight: int = 0,
    top_k: int | None = None,
    split_every: int | None = None,
    period: Period | None = None,
) -> nx.Graph:
    """The co-mention graph of a bag of Documents, computed on the active Dask scheduler.

    Equal to ``ae.cooccurrence_graph(docs, ...)`` with the same options (see
    :func:`~arabic_entities.cooccurrence_graph`): nodes, edges and every attribute.
    ``split_every`` is how many partial results each reduction step merges (Dask's
    default: 8). With ``link``, the bag is read by two passes of one computation
    (module documentation); to use the documents for more than this graph, ``persist``
    the bag first.
    """
    _check_bag(docs)
    # every option checked before any work is done
    GraphBuilder(window=window, max_evidence=max_evidence, period=period).graph(
        labels=labels, min_weight=min_weight, top_k=top_k
    )
    if split_every is not None and (not isinstance(split_every, int) or split_every < 2):
        raise ValueError(f"split_every must be an int of at least 2, got {split_every!r}")
    if link:
        records = docs.reduction(_partition_records, merge_records, split_every=split_every)
        # as a Delayed, not an Item: Dask would optimize an Item argument on its own,
        # with its own copy of the tasks that make the documents, which would then run twice
        links = records.apply(_collection_links).to_delayed(optimize_graph=False)
        docs = docs.map_partitions(_relabel_partition, links)
    builder = docs.reduction(
        partial(_partition_builder, window=window, max_evidence=max_evidence, period=period),
        partial(_merge_builders, window=window, max_evidence=max_evidence, period=period),
        split_every=split_every,
    )
    return builder.compute().graph(labels=labels, min_weight=min_weight, top_k=top_k)


def _check_bag(bag: object) -> None:
    from dask.bag import Bag

    if not isinstance(bag, Bag):
        raise TypeError(f"expected a dask.bag.Bag, not {type(bag).__name__}")


def _extract_partition(texts: Iterable[TextInput], *, pipeline: Pipeline | None, batch_size: int) -> list[Document]:
    return list((pipeline or default_pipeline()).pipe(texts, batch_size=batch_size))


def _partition_records(docs: Iterable[Document]) -> dict[str, EntityRecord]:
    def checked() -> Iterable[Document]:
        for doc in docs:
            if not isinstance(doc, Document):
                raise TypeError(f"expected Document objects, not {type(doc).__name__}")
            yield doc

    return collect_records(checked())


def _collection_links(records: dict[str, EntityRecord]) -> Links:
    return compute_links(records)


def _relabel_partition(docs: Iterable[Document], links: Links) -> list[Document]:
    return [apply_links(doc, links) for doc in docs]


def _partition_builder(
    docs: Iterable[Document], *, window: Window, max_evidence: int, period: Period | None
) -> GraphBuilder:
    return GraphBuilder(window=window, max_evidence=max_evidence, period=period).add_many(docs)


def _merge_builders(
    builders: Iterable[GraphBuilder], *, window: Window, max_evidence: int, period: Period | None
) -> GraphBuilder:
    """A new builder holding the counts of ``builders`` (which Dask may still hold: not changed)."""
    merged = GraphBuilder(window=window, max_evidence=max_evidence, period=period)
    for builder in builders:
        merged.merge(builder)
    return merged
