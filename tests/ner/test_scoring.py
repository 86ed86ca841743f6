import pytest

from arabic_entities.ner.base import spans
from arabic_entities.ner.scoring import evaluate


def test_spans_follow_conlleval():
    assert spans(["B-PERS", "I-PERS", "B-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "I-LOC"]) == [
        ("PERS", 0, 2),
        ("PERS", 2, 3),
        ("LOC", 4, 6),
        ("ORG", 6, 7),
        ("LOC", 7, 8),
    ]


def test_exact_span_matching_per_type_and_micro():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "B-MISC"]]
    report = evaluate(gold, pred)
    assert report.by_type["LOC"].f1 == 1.0
    assert report.by_type["PERS"].true_positives == 0
    assert (report.micro.true_positives, report.micro.predicted, report.micro.gold) == (2, 4, 3)
    assert report.micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert "micro" in report.table()


def test_length_mismatch_is_an_error():
    with pytest.raises(ValueError):
        evaluate([["O"]], [["O", "O"]])
    with pytest.raises(ValueError):
        evaluate([["O"]], [])
