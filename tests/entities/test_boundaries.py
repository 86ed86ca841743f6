import pytest

from arabic_entities.entities.boundaries import description_before, glued_name, named_after, trim_words
from arabic_entities.lexicon.arabic import is_function_word


@pytest.mark.parametrize(
    "words, label, kept",
    [
        (("على", "إكس"), "ORG", (1, 2)),
        (("منصة", "إكس", "في"), "ORG", (0, 2)),
        (("الرئيس", "الروسي", "فلاديمير", "بوتين"), "PERS", (2, 4)),
        (("الرئيس", "بوتين"), "PERS", (1, 2)),
        (("الملياردير", "إيلون", "ماسك"), "PERS", (1, 3)),
        (("الرئيس",), "PERS", (0, 1)),  # a title alone is left to the recognizer's judgement
        (("علي", "عبدالله", "صالح"), "PERS", (0, 3)),  # علي the name, not على the preposition
        (("في", "على"), "LOC", None),
        (("وزارة", "الخارجية", "الروسية"), "ORG", (0, 3)),  # titles are trimmed from persons only
    ],
)
def test_trim_words(words, label, kept):
    assert trim_words(words, label) == kept


def test_function_words_with_conjunctions():
    assert is_function_word("وفي") and is_function_word("فإن")
    assert not is_function_word("وليد") and not is_function_word("فرنسا")


def test_description_before_a_name():
    words = "قال المتحدث باسم الكرملين ديمتري بيسكوف إن الرئيس الروسي فلاديمير بوتين".split()
    assert description_before(words, words.index("فلاديمير")) == "الرئيس الروسي"
    assert description_before(words, words.index("ديمتري")) is None  # باسم الكرملين is not a title
    assert description_before(["الروسي", "بوتين"], 1) is None  # an adjective alone is no title
    assert description_before(["الرئيس", "بوتين"], 1, sentence_start=1) is None
    assert description_before(["والرئيس", "الروسي", "بوتين"], 2) == "الرئيس الروسي"


def test_listed_names_side_by_side_are_cut():
    from arabic_entities.entities.boundaries import split_listed_names

    names = {("ماسك",), ("ترامب",), ("بوتين",), ("دونالد", "ترامب"), ("البيت", "الابيض")}.__contains__
    assert split_listed_names(["ماسك", "ترامب"], listed=names) == [(0, 1), (1, 2)]
    assert split_listed_names(["بوتين", "دونالد", "ترامب"], listed=names) == [(0, 1), (1, 3)]
    assert split_listed_names(["دونالد", "ترامب"], listed=names) == [(0, 2)]  # one listed name
    assert split_listed_names(["جون", "ترامب"], listed=names) == [(0, 2)]  # جون is not listed: whole


# --- issue 13: what a name is on real news


@pytest.mark.parametrize(
    "words, first, last, label, expected",
    [
        (["إلى", "مطار", "الملك", "خالد", "الدولي", "أمس"], 3, 4, "PERS", (1, 5, "LOC")),
        (["مدينة", "الملك", "عبدالعزيز", "للعلوم", "والتقنية"], 2, 3, "PERS", (0, 5, "ORG")),
        (["شركة", "مصر", "للطيران"], 1, 2, "LOC", (0, 3, "ORG")),
        (["في", "مدينة", "نصر"], 2, 3, "LOC", (1, 3, "LOC")),
        (["في", "مدينة", "طنطا"], 2, 3, "LOC", None),
        (["زار", "مصر", "للمرة", "الأولى"], 1, 2, "LOC", None),
    ],
)
def test_names_of_facilities_and_institutions(words, first, last, label, expected):
    assert named_after(words, first, last, label) == expected


def test_a_glued_particle_is_cut_from_a_name_only_after_a_conjunction():
    known = {"اوكرانيا", "الدو"}.__contains__
    assert glued_name("أوكرانياوفي", known=known) == len("أوكرانيا")
    assert glued_name("الدوما", known=known) is None  # not الدو + ما
    assert glued_name("أوكرانيا", known=known) is None


def test_trailing_titles_leave_persons_and_surnames_that_look_like_titles_stay():
    assert trim_words(("محمد", "بن", "سلمان", "ولي"), "PERS") == (0, 3)
    assert trim_words(("أحمد", "القاضي"), "PERS") == (0, 2)
    assert trim_words(("معالي", "الشيخ", "خالد"), "PERS") == (2, 3)


def test_spelled_acronyms_keep_their_letters_and_particles_with_pronouns_go():
    assert trim_words(("سي", "إن", "إن"), "ORG") == (0, 3)
    assert trim_words(("دوني",), "LOC") is None
    assert trim_words(("الله",), "MISC") is None and trim_words(("جنيها",), "MISC") is None
