"""Currencies, God and religions are no entities of any type."""

import pytest

import arabic_entities as ae
from arabic_entities.lexicon.non_names import CURRENCY_NOUNS, currency_nouns_from_cldr, is_non_name


@pytest.mark.parametrize("word", ["جنيه", "جنيها", "جنيهات", "بالدولار", "دولارا", "الدولار", "يورو", "الله", "لله"])
def test_non_names(word):
    assert is_non_name(word)


@pytest.mark.parametrize("word", ["مصر", "عبد", "ماسك", "ليون", "روبية", "الرياض"])
def test_names_and_words_that_are_not_currencies(word):
    assert not is_non_name(word)


def test_no_currency_or_god_among_the_mentions():
    doc = ae.extract("وقال الوزير بسم الله إن سعر الدولار بلغ 7 جنيهات، فيما تراجع اليورو أمام الريال في الرياض.")
    assert not [m.text for m in doc.mentions if is_non_name(m.text.split()[-1])]
    assert any(m.label == "LOC" and m.text == "الرياض" for m in doc.mentions)


def test_currency_nouns_match_cldr():
    pytest.importorskip("babel")
    from arabic_entities.lexicon.non_names import _whole_names

    assert currency_nouns_from_cldr(_whole_names()) == sorted(CURRENCY_NOUNS)
