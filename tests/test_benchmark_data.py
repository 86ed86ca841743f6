"""The annotated sets the benchmarks and the pair model read: complete and consistent."""

import itertools
import json
import sys
from pathlib import Path

from arabic_entities.relations.train_pairs import parse_markup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from relation_accuracy import TYPES, load_realnews, load_set  # noqa: E402


def test_the_relation_sets_label_every_pair_once():
    assert len(load_set()) == 144
    realnews = load_realnews()  # checks every pair of each sentence's entities is labelled once
    assert len(realnews) == 298 and {s["split"] for s in realnews} == {"dev", "test"}


def test_the_training_sentences_label_every_pair_of_their_marks_once():
    folder = ROOT / "data" / "relation_training"
    records = [
        json.loads(line)
        for name in ("sentences.jsonl", "round3.jsonl")
        for line in (folder / name).read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == 3600 and len({r["id"] for r in records}) == 3600
    for record in records:
        text, mentions = parse_markup(record["annotated"])
        assert text == record["text"]
        keys = {key for _, _, _, key in mentions}
        labelled = [frozenset((p["head"], p["tail"])) for p in record["pairs"]]
        assert sorted(labelled, key=sorted) == sorted(
            (frozenset(pair) for pair in itertools.combinations(keys, 2)), key=sorted
        )
        assert all(p["type"] in (*TYPES, "none") for p in record["pairs"])
