"""The documents of a fixed corpus, byte for byte: work on speed must not change one output.

The corpus: the seed articles and the 480 real news sentences of
``benchmarks/data/realnews/sentences.tsv``, each one document (every other one dated). The
JSON of all their documents (every field: tokens, mentions, entities, relations) and of their
co-mention graph is hashed; the hash is ``tests/data/outputs.sha256``. A change meant to change
outputs writes the new hash, to be committed with it:

    AE_WRITE_DIGEST=1 .venv/bin/python -m pytest tests/test_outputs.py
"""

import hashlib
import json
import os
from pathlib import Path

import networkx as nx

import arabic_entities as ae

ROOT = Path(__file__).resolve().parents[1]
DIGEST = ROOT / "tests" / "data" / "outputs.sha256"


def corpus():
    seeds = [(path.name, path.read_text(encoding="utf-8"), None) for path in sorted((ROOT / "seeds").glob("*.txt"))]
    rows = (ROOT / "benchmarks" / "data" / "realnews" / "sentences.tsv").read_text(encoding="utf-8").splitlines()[1:]
    sentences = [
        (row.split("\t")[0], row.split("\t")[4], f"2013-0{1 + i % 9}-1{i % 10}" if i % 2 else None)
        for i, row in enumerate(rows)
    ]
    return seeds + sentences


def digest() -> str:
    docs = ae.link_entities(ae.extract_many(corpus(), batch_size=16))
    G = ae.cooccurrence_graph(docs, period="month", link=False)
    data = {"documents": [doc.to_dict() for doc in docs], "graph": nx.node_link_data(G, edges="edges")}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def test_the_documents_of_a_fixed_corpus_are_byte_for_byte_the_same():
    found = digest()
    if os.environ.get("AE_WRITE_DIGEST"):
        DIGEST.write_text(found + "\n", encoding="utf-8")
    assert found == DIGEST.read_text(encoding="utf-8").strip(), (
        "the documents of the fixed corpus changed; if that is meant, write the new hash: "
        "AE_WRITE_DIGEST=1 python -m pytest tests/test_outputs.py"
    )
