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


def test_default_output_is_the_work_folder_and_retraining_repeats_the_bytes(tmp_path, monkeypatch):
    data = tmp_path / "train.txt"
    write_conll(SENTENCES, data)
    monkeypatch.chdir(tmp_path)
    assert not train.OUTPUT.is_absolute()  # never the shipped model unless --output says so
    assert train.main(["--train", str(data), "--max-iterations", "20"]) == 0
    model = tmp_path / "build" / "crf.crfsuite"
    first = model.read_bytes()
    model.unlink()
    assert train.main(["--train", str(data), "--max-iterations", "20"]) == 0
    assert model.read_bytes() == first


def test_the_features_read_the_name_table_they_are_given(tmp_path):
    from arabic_entities.lexicon.build_names import write_table
    from arabic_entities.lexicon.gazetteer import load_gazetteer
    from arabic_entities.ner.features import CRFFeatures
    from arabic_entities.text.normalize import match_key

    word = "كلمةغيرموجودة"
    table = tmp_path / "names.tsv.gz"
    write_table([(match_key(word), "ORG", word, "", "curated", "1")], table)
    shipped = CRFFeatures().sentence([word, "في", "موسكو"])
    other = CRFFeatures(load_gazetteer(table)).sentence([word, "في", "موسكو"])
    assert "gz=ORG" not in shipped[0] and "gz=LOC" in shipped[2]
    assert "gz=ORG" in other[0] and "gz=LOC" not in other[2]  # موسكو is not in this table
    assert CRFFeatures(load_gazetteer()).sentence([word, "في", "موسكو"]) == shipped


def test_dev_split_is_sequential_and_checked():
    head, tail = train.split_dev(list(range(10)), 0.2)
    assert head == list(range(8)) and tail == [8, 9]
    with pytest.raises(ValueError):
        train.split_dev([], 1.5)
