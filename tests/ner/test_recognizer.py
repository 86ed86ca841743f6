import pytest

import arabic_entities as ae
from arabic_entities.ner.bilstm import BiLSTMRecognizer
from arabic_entities.ner.crf import CRFRecognizer

SHIPPED = ["builtin", "crf"]


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_models_load_once_and_tag_a_known_sentence(name):
    rec = ae.ner.load(name)
    assert rec is ae.ner.load(name)
    batch = [["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو"], [], ["."]]
    labels = rec.predict(batch)
    assert [len(x) for x in labels] == [7, 0, 1]
    assert labels[0][3:5] == ["B-PERS", "I-PERS"]
    assert labels[0][6] == "B-LOC"
    for sentence in labels:
        assert all(label == "O" or label[:2] in ("B-", "I-") and label[2:] in ae.document.LABELS for label in sentence)


def test_builtin_is_the_bilstm():
    assert isinstance(ae.ner.load(), BiLSTMRecognizer)
    assert isinstance(ae.ner.load("crf"), CRFRecognizer)


@pytest.mark.parametrize("name", SHIPPED)
def test_scores_are_probabilities(name):
    ((labels, scores),) = ae.ner.load(name).predict_scores([["زار", "ماسك", "واشنطن"]])
    assert len(labels) == len(scores) == 3 and all(0 <= s <= 1 for s in scores)


def test_bilstm_output_does_not_depend_on_the_batch():
    rec = ae.ner.load()
    sentences = [
        ["زار", "ماسك", "واشنطن"],
        ["قال", "بوتين", "إن", "روسيا", "مستعدة", "للحوار", "."],
        ["وأعلنت", "وزارة", "الخارجية", "الأميركية"],
    ] * 20
    together = rec.predict_scores(sentences)
    for sentence, (labels, scores) in zip(sentences[:3], together[:3]):
        ((alone_labels, alone_scores),) = rec.predict_scores([sentence])
        assert alone_labels == labels
        assert alone_scores == scores


@pytest.mark.parametrize("name", SHIPPED)
def test_bad_input_is_a_type_error(name):
    rec = ae.ner.load(name)
    with pytest.raises(TypeError):
        rec.predict("ماسك وبوتين")
    with pytest.raises(TypeError):
        rec.predict([["ماسك", 3]])


def test_unknown_recognizer_and_missing_or_bad_model(tmp_path):
    with pytest.raises(ValueError, match="unknown recognizer"):
        ae.ner.load("nonsense")
    with pytest.raises(FileNotFoundError):
        CRFRecognizer(tmp_path / "none.crfsuite")
    with pytest.raises(FileNotFoundError):
        ae.ner.load(tmp_path / "none.npz")
    (tmp_path / "bad.crfsuite").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="not a crfsuite model"):
        CRFRecognizer(tmp_path / "bad.crfsuite")
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="not a BiLSTM model"):
        ae.ner.load(tmp_path / "bad.npz")
