"""camel-tools' analyzer as optional clitic evidence (needs the shared morphology database)."""

import sys

import pytest

import arabic_entities as ae
from arabic_entities.entities.morphology import installed_db_path, load_morphology
from arabic_entities.entities.resolve import choose_split
from arabic_entities.lexicon.arabic import proclitic_splits
from arabic_entities.text.normalize import match_key


@pytest.fixture(scope="module")
def db(shared_data):
    """The shared camel-tools morphology database (skips without it)."""
    path = shared_data / "camel" / "morphology-db-msa-r13" / "morphology.db.gz"
    if not path.is_file():
        pytest.skip(f"camel-tools morphology database not found at {path}")
    return path


def never(key):
    return False


@pytest.fixture(scope="module")
def morphology(db):
    return load_morphology(db)


@pytest.mark.parametrize("word", ["واشنطن", "وليد", "لبنان", "بكين", "كندا", "فرنسا"])
def test_names_the_analyzer_knows_stay_whole(morphology, word):
    # even when the rest of the word is attested in the document
    split = choose_split(word, attested=lambda stem: True, known_name=never, morphology=morphology)
    assert split is None
    assert choose_split(word, attested=lambda stem: True, known_name=never) is not None  # without it: cut


def test_analyzer_supported_clitics_are_cut_without_other_evidence(morphology):
    split = choose_split("وبوتين", attested=never, known_name=never, morphology=morphology)
    assert split is not None and split.stem == "بوتين"
    assert choose_split("وبوتين", attested=never, known_name=never) is None  # no evidence without it


def test_unknown_words_keep_the_default_decision(morphology):
    for word in ("وترامب", "لماسك"):
        default = choose_split(word, attested={match_key(word)[1:]}.__contains__, known_name=never)
        assert (
            choose_split(word, attested={match_key(word)[1:]}.__contains__, known_name=never, morphology=morphology)
            == default
        )


def test_article_after_l_needs_the_article_reading(morphology):
    (split,) = [s for s in proclitic_splits(match_key("للكرملين")) if s.stem == "الكرملين"]
    assert morphology.supports("للكرملين", split)


def test_pipeline_option(db):
    text = "وصل وليد جنبلاط إلى بيروت. وقال جنبلاط إن ليد الحوار مكانا."
    doc = ae.load(morphology=db)(text)
    assert not any(m.text == "ليد" for m in doc.mentions)


def test_missing_database_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert installed_db_path() == tmp_path / "data" / "morphology_db" / "calima-msa-r13" / "morphology.db"
    with pytest.raises(FileNotFoundError, match="camel_data -i morphology-db-msa-r13"):
        load_morphology()


def test_import_stays_offline_without_a_catalogue(db, tmp_path):
    import subprocess

    code = (
        "import os, socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        f"os.environ['CAMELTOOLS_DATA'] = {str(tmp_path)!r}\n"
        "from arabic_entities.entities.morphology import load_morphology\n"
        f"m = load_morphology({str(db)!r})\n"
        "assert m.is_plain_name('واشنطن')\n"
        "assert os.environ['CAMELTOOLS_DATA'] == " + repr(str(tmp_path)) + "\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
