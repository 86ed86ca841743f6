from arabic_entities.lexicon.arabic import proclitic_splits, strip_article


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
