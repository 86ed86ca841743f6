"""Names safe to find by lookup alone."""

from arabic_entities.lexicon.arabic import is_function_key
from arabic_entities.lexicon.gazetteer import load_gazetteer
from arabic_entities.lexicon.lookup import is_common_noun, lookup_patterns


def test_places_that_news_uses_as_names():
    patterns = lookup_patterns()
    for place in ("المنستير", "زغوان", "بنزرت", "السويس"):
        assert patterns[(place,)] == "LOC"


def test_no_common_word_function_word_or_given_name_is_looked_up_alone():
    gazetteer = load_gazetteer()
    singles = [key for (key, *rest) in lookup_patterns() if not rest]
    assert not [k for k in singles if is_function_key(k) or k in gazetteer.common_given_names or is_common_noun(k)]
    for word in ("قصر", "نصر", "السلام", "اكد", "كنت", "مالي"):
        assert (word,) not in lookup_patterns()


def test_multiword_names_need_a_distinctive_word():
    patterns = lookup_patterns()
    assert patterns[("نيكولا", "ساركوزي")] == "PERS"
    assert ("معلومات", "سريه") not in patterns  # a topic made of common words
    assert ("السياسه", "الامريكيه") not in patterns


def test_common_nouns():
    assert is_common_noun("قصر") and is_common_noun("امين")
    assert not is_common_noun("ترامب") and not is_common_noun("السويس")
