import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_entities as ae
from arabic_entities.text.normalize import (
    FULL,
    SURFACE,
    NormalizeOptions,
    _normalized_clusters,
    match_key,
    normalize_with_offsets,
)


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("إيلون", {}, "ايلون"),
        ("إيلون", {"alef": False}, "إيلون"),
        ("مستشفى", {}, "مستشفي"),
        ("مستشفى", {"alef_maksura": False}, "مستشفى"),
        ("الولایات المتحدة", {}, "الولايات المتحده"),
        ("الولایات", {"farsi": False}, "الولایات"),
        ("کتاب", {}, "كتاب"),
        ("بـــوتين", {}, "بوتين"),
        ("بـــوتين", {"tatweel": False}, "بـــوتين"),
        ("مُحَمَّدٌ", {}, "محمد"),
        ("مُحَمَّدٌ", {"diacritics": False}, "مُحَمَّدٌ"),
        ("\u200fماسك\u200e", {}, "ماسك"),
        ("\u200fماسك", {"invisible": False}, "\u200fماسك"),
        ("٢٠٢٤", {}, "2024"),
        ("٢٠٢٤", {"digits": False}, "٢٠٢٤"),
        ("ﻻ", {}, "لا"),  # presentation form (NFKC)
        ("ﻻ", {"unicode": False}, "ﻻ"),
    ],
)
def test_each_option_applies_and_can_be_switched_off(text, options, expected):
    assert ae.normalize(text, **options) == expected


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError, match="unknown normalization option"):
        ae.normalize("x", teh=False)


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError, match="bytes"):
        ae.normalize(b"abc")


def test_offsets_map_back_through_removed_and_expanded_characters():
    text = "قال \u200fإيلـــونُ ﻻ"
    nt = normalize_with_offsets(text, FULL)
    assert nt.text == "قال ايلون لا"
    start = nt.text.index("ايلون")
    a, b = nt.to_original(start, start + len("ايلون"))
    assert text[a:b] == "إيلـــونُ"
    a, b = nt.to_original(len(nt.text) - 2, len(nt.text))
    assert text[a:b] == "ﻻ"


def test_surface_profile_keeps_letter_identity():
    assert ae.normalize("إيلـون الأميركية", SURFACE) == "إيلون الأميركية"


def test_match_key_equates_spelling_variants():
    assert match_key("إيلـون  ماسك") == match_key("ايلون ماسك")
    assert match_key("أميركا") == match_key("اميركا")
    assert match_key("ABC") == "abc"


def test_to_original_rejects_spans_outside_the_text():
    nt = normalize_with_offsets("ماسك")
    with pytest.raises(ValueError):
        nt.to_original(2, 9)


@settings(max_examples=200, derandomize=True)
@given(st.text(), st.sampled_from([FULL, SURFACE, NormalizeOptions(arclean=True)]))
def test_offsets_are_monotone_and_in_range(text, options):
    nt = normalize_with_offsets(text, options)
    assert len(nt.starts) == len(nt.ends) == len(nt.text)
    previous = 0
    for start, end in zip(nt.starts, nt.ends):
        assert previous <= start < end <= len(text)
        previous = start
    for i in range(len(nt.text)):
        a, b = nt.to_original(i, i + 1)
        assert 0 <= a < b <= len(text)


def cluster_by_cluster(text, options):
    """The reference: every grapheme cluster normalized and mapped back (no plain runs)."""
    pieces, starts, ends = [], [], []
    for match, out in _normalized_clusters(text, options):
        pieces.append(out)
        starts += [match.start()] * len(out)
        ends += [match.end()] * len(out)
    return "".join(pieces), starts, ends


NEWS_CHARACTERS = st.sampled_from(
    list("اأإآٱبتةثىيوؤئءـ ً ٌ ٍ َ ُ ِ ّ ْ ٰ،؛؟.!«»()-ab Z1٣۴\r\n\t ")
    + ["\u200c", "\u200d", "\u200f", "\u0600", "\u06dd", "\u0301", "\ufe8d", "\U0001f600", "\U0001f1ea", "\U0001f3fb"]
)


@settings(max_examples=400, derandomize=True)
@given(
    st.one_of(st.text(), st.text(NEWS_CHARACTERS)),
    st.sampled_from([FULL, SURFACE, NormalizeOptions(arclean=True)]),
)
def test_plain_runs_are_copied_exactly_as_clusters_would_be(text, options):
    nt = normalize_with_offsets(text, options)
    assert (nt.text, nt.starts, nt.ends) == cluster_by_cluster(text, options)


def test_harakat_are_camel_tools_diacritics():
    from camel_tools.utils.charsets import AR_DIAC_CHARSET
    from camel_tools.utils.dediac import dediac_ar

    from arabic_entities.text.normalize import HARAKAT

    assert {chr(code) for code in HARAKAT} == AR_DIAC_CHARSET
    text = "مُحَمَّدٌ وَالْقُرْآنُ عَلَىٰ"
    assert text.translate(HARAKAT) == dediac_ar(text)
