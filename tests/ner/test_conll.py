import pytest

from arabic_entities.ner.conll import read_conll, write_conll


def test_round_trip(tmp_path):
    sentences = [(["ماسك", "قال"], ["B-PERS", "O"]), (["بوتين"], ["B-PERS"])]
    write_conll(sentences, tmp_path / "x.txt")
    assert read_conll(tmp_path / "x.txt") == sentences


def test_bad_tag_names_the_line(tmp_path):
    (tmp_path / "bad.txt").write_text("ماسك\tPERSON\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:1"):
        read_conll(tmp_path / "bad.txt")
