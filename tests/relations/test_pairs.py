"""The learned pair model: features, the JSON model file, the relations it adds."""

import json

import pytest
from test_relations import hand_made

import arabic_entities as ae
from arabic_entities.relations.pairs import (
    CLASSES,
    PairModel,
    load_pair_model,
    pair_classes,
    pair_relations,
    read_pair_model,
)
from arabic_entities.relations.rules import extract_relations
from arabic_entities.relations.train_pairs import parse_markup

TEXT = "وقال المتحدث إن السيسي التقى نتنياهو في القاهرة أمس."


def toy_model(feature, kind, *, threshold=0.5):
    """A model that says ``kind`` for pairs with ``feature`` and none otherwise."""
    row = [0.0] * len(CLASSES)
    row[CLASSES.index(kind)] = 10.0  # p(kind) about 0.993 where the feature fires
    return PairModel(CLASSES, {feature: row}, [5.0] + [0.0] * (len(CLASSES) - 1), threshold)


def test_every_pair_of_a_sentence_gets_features_in_text_order():
    doc = ae.extract(TEXT)
    pairs = list(pair_classes(doc, extract_relations(doc)))
    assert len(pairs) == 3
    for first, second, features in pairs:
        assert first.token_start < second.token_start
        assert any(f.startswith("labels=") for f in features) and any(f.startswith("rule=") for f in features)


def test_the_model_adds_relations_the_rules_left_out_in_its_direction():
    doc = hand_made("هاجم في حديث مطول بعد الاجتماع السيسي ونتنياهو.", {"السيسي": "PERS", "نتنياهو": "PERS"})
    doc.entities = [ae.Entity(f"PERS:{n}", "PERS", n, (), 1) for n in ("السيسي", "نتنياهو")]
    model = toy_model("labels=PERS>PERS", "conflict<")
    added = pair_relations(doc, [], model=model)
    assert [(r.head_name, r.type, r.tail_name, r.directed) for r in added] == [("نتنياهو", "conflict", "السيسي", True)]
    assert pair_relations(doc, [], model=toy_model("labels=PERS>PERS", "conflict<", threshold=0.999)) == []


def test_a_pair_the_rules_related_is_left_to_them():
    doc = ae.extract(TEXT)
    ruled = extract_relations(doc)
    assert ruled and pair_relations(doc, ruled, model=toy_model("labels=PERS>PERS", "conflict>")) == []


def test_labels_decide_who_is_affiliated_or_located():
    doc = hand_made("السيسي في القاهرة", {"السيسي": "PERS", "القاهرة": "LOC"})
    doc.entities = [
        ae.Entity("PERS:السيسي", "PERS", "السيسي", (), 1),
        ae.Entity("LOC:القاهرة", "LOC", "القاهرة", (), 1),
    ]
    located = pair_relations(doc, [], model=toy_model("labels=PERS>LOC", "located_in"))
    assert [(r.head_name, r.tail_name) for r in located] == [("السيسي", "القاهرة")]
    assert pair_relations(doc, [], model=toy_model("labels=PERS>LOC", "affiliation")) == []


def test_the_model_file_is_plain_json_and_reads_back(tmp_path):
    model = toy_model("w=التقى", "contact")
    path = tmp_path / "m.json"
    path.write_text(model.to_json(), encoding="utf-8")
    assert read_pair_model(path) == model
    assert json.loads(path.read_text(encoding="utf-8"))["classes"] == list(CLASSES)


def test_the_shipped_model_loads_with_every_class():
    model = load_pair_model()
    assert model.classes == CLASSES and len(model.bias) == len(CLASSES)
    assert all(len(row) == len(CLASSES) for row in model.weights.values())


def test_markup_gives_the_plain_sentence_and_its_mentions():
    text, mentions = parse_markup("زار [[PERS|a|ماسك]] [[LOC|b|موسكو]].")
    assert text == "زار ماسك موسكو." and [text[s:e] for s, e, _, _ in mentions] == ["ماسك", "موسكو"]
    with pytest.raises(ValueError, match="unparsed markup"):
        parse_markup("زار [[PERS|a|ماسك")


def test_the_training_command_writes_a_model_that_reads_back(tmp_path, capsys):
    pytest.importorskip("sklearn")
    from pathlib import Path

    from arabic_entities.relations import train_pairs

    lines = (Path(__file__).parents[2] / "data" / "relation_training" / "sentences.jsonl").read_text(encoding="utf-8")
    sample = tmp_path / "train.jsonl"
    sample.write_text("\n".join(lines.splitlines()[:80]) + "\n", encoding="utf-8")
    out = tmp_path / "pairs.json"
    assert train_pairs.main(["--train", str(sample), "--output", str(out), "--folds", "2"]) == 0
    model = read_pair_model(out)
    assert model.classes == CLASSES and 0 < model.threshold <= 1 and model.weights
    assert "80 sentences" in capsys.readouterr().out
