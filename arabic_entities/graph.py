"""Co-mention graphs: entities as nodes, shared sentences (or documents) as weighted edges.

>>> import arabic_entities as ae
>>> doc = ae.extract("وقال الملياردير إيلون ماسك إن الرئيس بوتين وافق على اللقاء في الكرملين.")
>>> G = ae.cooccurrence_graph([doc])
>>> sorted(G.nodes[n]["name"] for n in G), G.number_of_edges()
(['إيلون ماسك', 'الكرملين', 'بوتين'], 3)
"""

from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from .document import Document
from .link import link_entities

__all__ = ["cooccurrence_graph", "write_graph", "WINDOWS", "GRAPH_FORMATS"]

WINDOWS = ("sentence", "document")
GRAPH_FORMATS = (".gexf", ".graphml", ".json")


def _windows(doc: Document, window: str) -> Iterable[tuple[int | None, set[str]]]:
    """``(sentence index or None, entity ids)`` for each co-mention window of ``doc``."""
    if window == "document":
        yield None, {m.entity_id for m in doc.mentions}
        return
    by_sentence: dict[int, set[str]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, set()).add(m.entity_id)
    yield from sorted(by_sentence.items())


def cooccurrence_graph(
    docs: Iterable[Document], *, window: str = "sentence", max_evidence: int = 10, link: bool = True
) -> nx.Graph:
    """Entities that appear together, across all ``docs``.

    Nodes are entity ids with ``label``, ``name``, ``name_en``, ``count`` (mentions)
    and ``docs`` (ids of the documents naming them). An edge's ``weight`` is the
    number of windows (sentences, or documents with ``window="document"``) naming
    both ends; ``docs`` lists the documents, ``evidence`` up to ``max_evidence``
    ``{"doc", "sentence", "text"}`` records of where they meet. With ``link`` (the
    default) entities are first joined across documents (:func:`~.link.link_entities`).
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}, got {window!r}")
    docs = list(docs)
    for doc in docs:
        if not isinstance(doc, Document):
            raise TypeError(f"expected Document objects, not {type(doc).__name__}")
    if link:
        docs = link_entities(docs)
    G = nx.Graph()
    names: dict[str, Counter[str]] = {}
    for doc in docs:
        for entity in doc.entities:
            if entity.id not in G:
                G.add_node(entity.id, label=entity.label, name=entity.name, name_en=entity.name_en,
                           count=0, docs=[])
                names[entity.id] = Counter()
            node = G.nodes[entity.id]
            node["count"] += entity.mention_count
            node["docs"].append(doc.id)
            node["name_en"] = node["name_en"] or entity.name_en
            names[entity.id][entity.name] += entity.mention_count
        for sentence, ids in _windows(doc, window):
            for a, b in itertools.combinations(sorted(ids), 2):
                if not G.has_edge(a, b):
                    G.add_edge(a, b, weight=0, docs=[], evidence=[])
                edge = G.edges[a, b]
                edge["weight"] += 1
                if doc.id not in edge["docs"]:
                    edge["docs"].append(doc.id)
                if len(edge["evidence"]) < max_evidence:
                    text = doc.sentences[sentence].text if sentence is not None else None
                    edge["evidence"].append({"doc": doc.id, "sentence": sentence, "text": text})
    for node_id, counts in names.items():
        G.nodes[node_id]["name"] = max(counts, key=lambda name: (counts[name], len(name)))
    return G


def _flat_copy(G: nx.Graph) -> nx.Graph:
    """A copy whose attributes are scalars: lists and dicts become JSON text, None is dropped."""

    def flat(attrs: dict) -> dict:
        return {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, tuple)) else v
            for k, v in attrs.items()
            if v is not None
        }

    H = G.__class__()
    H.add_nodes_from((n, flat(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((a, b, flat(d)) for a, b, d in G.edges(data=True))
    return H


def write_graph(G: nx.Graph, path: str | os.PathLike) -> Path:
    """Write ``G`` in the format its suffix names: ``.gexf`` (Gephi), ``.graphml``, ``.json`` (node-link).

    GEXF and GraphML hold only scalar attributes, so lists (``docs``, ``evidence``)
    are written there as JSON text.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".gexf":
        nx.write_gexf(_flat_copy(G), path)
    elif suffix == ".graphml":
        nx.write_graphml(_flat_copy(G), path)
    elif suffix == ".json":
        data = nx.node_link_data(G, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        raise ValueError(f"cannot write graph format {suffix or '(no suffix)'!r}; use one of {GRAPH_FORMATS}")
    return path
