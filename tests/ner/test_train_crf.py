import pytest

from arabic_entities.ner import train_crf as train
from arabic_entities.ner.conll import write_conll
from arabic_entities.ner.crf import CRFRecognizer

SENTENCES = [
    (["قال", "بوتين", "في", "موسكو"], ["O", "B-PERS", "O", "B-LOC"]),
    (["زار", "ماسك", "واشنطن"], ["O", "B-PERS", "B-LOC"]),
    (["أعلنت", "وزارة", "الدفاع", "الأميركية"], ["O", "B-ORG", "I-ORG", "I-ORG"]),
] * 5


def test_training_command_runs_end_to_end(tmp_path, capsys):
    data = tmp_path / "train.txt"
    write_conll(SENTENCES, data)
    model = tmp_path / "m.crfsuite"
    assert (
        train.main(["--train", str(data), "--output", str(model), "--dev-fraction", "0.2", "--max-iterations", "30"])
        == 0
    )
    assert "micro" in capsys.readouterr().out
    labels = CRFRecognizer(model).predict([["قال", "بوتين", "في", "موسكو"]])
    assert labels == [["O", "B-PERS", "O", "B-LOC"]]


def test_dev_split_is_sequential_and_checked():
    head, tail = train.split_dev(list(range(10)), 0.2)
    assert head == list(range(8)) and tail == [8, 9]
    with pytest.raises(ValueError):
        train.split_dev([], 1.5)
