from arabic_entities.lexicon.arabic import (
    is_function_word,
    is_nisba,
    is_title_word,
    proclitic_splits,
    strip_article,
    strip_conjunction,
)


def splits(word):
    return [(s.prefix, s.stem, s.length) for s in proclitic_splits(word)]


def test_conjunction_and_preposition():
    assert ("و", "بوتين", 1) in splits("وبوتين")
    assert ("ل", "ماسك", 1) in splits("لماسك")
    assert ("وب", "موسكو", 2) in splits("وبموسكو")


def test_lam_plus_article_restores_the_alef():
    assert ("ل", "الكرملين", 1) in splits("للكرملين")


def test_short_remainders_are_not_candidates():
    assert splits("وزن") == []


def test_strip_article():
    assert strip_article("البنتاغون") == "بنتاغون"
    assert strip_article("الم") == "الم"


def test_strip_conjunction():
    assert strip_conjunction("ولكن") == "لكن" and strip_conjunction("فإن") == "إن"
    assert strip_conjunction("وما") == "ما" and strip_conjunction("وما", min_stem=3) == "وما"
    assert strip_conjunction("لكن") == "لكن"


def test_word_classes_after_a_conjunction():
    assert is_function_word("وفي") and is_title_word("والرئيس") and is_title_word("فالوزير")
    assert not is_title_word("والد")
    assert is_nisba("الروسي") and is_nisba("الأميركية")
    assert not is_nisba("والروسي") and not is_nisba("الذي")
