import pytest

from arabic_entities.lexicon.build_romanizer import align, train
from arabic_entities.lexicon.romanize import Romanizer, load_romanizer, romanize


def test_names_are_romanized_word_by_word():
    assert romanize("علي بن حسين") == "Ali bin Hussein"
    assert romanize("القرطاجنوفي").startswith("al-")  # the article of a word no table has
    assert romanize("مدريد") == "Madrid"  # a place the name table translates
    assert romanize("شركة Apple").endswith(" Apple")  # Latin words kept
    assert romanize("…") is None


def test_unknown_words_are_spelled_letter_by_letter():
    romanizer = load_romanizer()
    for word in ("قرطاجنوفي", "بلسمونيا", "طرابيشيه"):  # no table has these made-up names
        assert word not in romanizer.words
        spelled = romanizer.word(word)
        assert spelled.isascii() and spelled.isalpha() and len(spelled) >= len(word) - 2


def test_alignment_gives_each_letter_its_piece():
    assert align("بوتين", "putin", {}) == ["p", "u", "t", "i", "n"]
    assert align("ماسك", "musk", {}) in (["m", "u", "s", "k"], ["mu", "", "s", "k"])


def test_training_learns_pieces_from_pairs():
    pairs = [("بوتين", "putin", 3), ("تين", "tin", 2), ("بون", "bon", 1)]
    model = train(pairs, rounds=2)
    assert model["words"]["بوتين"] == "putin"
    assert Romanizer({"words": {}, "pieces": model["pieces"]}).word("بوتين") == "putin"


@pytest.mark.parametrize("name", ["فيصل بن فرحان", "برشلونة"])
def test_names_no_table_translates_get_a_latin_form(name):
    import arabic_entities as ae

    entity = next(e for e in ae.extract(f"وقال {name} إن الاتفاق مهم.").entities if e.name == name)
    assert entity.name_en is None and entity.name_latin in ("Faisal bin Farhan", "Barcelona")
