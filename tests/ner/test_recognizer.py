import pytest

import arabic_entities as ae
from arabic_entities.ner.crf import CRFRecognizer


def test_builtin_loads_once_and_predicts_one_label_per_token():
    rec = ae.ner.load("builtin")
    assert rec is ae.ner.load()
    batch = [["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو"], [], ["."]]
    labels = rec.predict(batch)
    assert [len(x) for x in labels] == [7, 0, 1]
    assert labels[0][3:5] == ["B-PERS", "I-PERS"]
    assert labels[0][6] == "B-LOC"
    for sentence in labels:
        assert all(label == "O" or label[:2] in ("B-", "I-") and label[2:] in ae.document.LABELS
                   for label in sentence)


def test_scores_are_probabilities():
    (labels, scores), = ae.ner.load().predict_scores([["زار", "ماسك", "واشنطن"]])
    assert len(scores) == 3 and all(0 <= s <= 1 for s in scores)


def test_bad_input_is_a_type_error():
    rec = ae.ner.load()
    with pytest.raises(TypeError):
        rec.predict("ماسك وبوتين")
    with pytest.raises(TypeError):
        rec.predict([["ماسك", 3]])


def test_unknown_recognizer_and_missing_or_bad_model(tmp_path):
    with pytest.raises(ValueError, match="unknown recognizer"):
        ae.ner.load("nonsense")
    with pytest.raises(FileNotFoundError):
        CRFRecognizer(tmp_path / "none.crfsuite")
    (tmp_path / "bad.crfsuite").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="not a crfsuite model"):
        CRFRecognizer(tmp_path / "bad.crfsuite")
