"""Odd and hostile input: never a crash, never lost text, never an invalid offset (issue 8)."""

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_entities as ae

ODD_PIECES = [
    "ماسك",
    " وبوتين",
    " ترامب",
    ".",
    "؟",
    "\n",
    "\u200f",
    "\u200e",
    "\u200d",
    "\u200c",
    "\ufeff",
    "\u064b",
    "\u0651",
    "ـ",
    "\x00",
    "\ud800",
    "<p>",
    "</div>",
    "&amp;",
    "http://x.com/a?b=c",
    "Musk",
    " ",
    "\t",
    "١٢٣",
    "🇺🇸",
    "ﻻ",
    "ی",
    "\u0300",
    "(",
    "»",
    "...",
]


def check(doc, text):
    assert doc.text == text
    tokens = [(t.start, t.end) for t in doc.tokens]
    assert all(0 <= a < b <= len(text) for a, b in tokens) and tokens == sorted(tokens)
    for t in doc.tokens:
        assert doc.text[t.start : t.end] == t.text
    spans = sorted((m.start, m.end) for m in doc.mentions)
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text and m.text.strip()
        assert m.entity_id in {e.id for e in doc.entities}
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:]))  # mentions do not overlap
    for relation in doc.relations:
        assert {relation.head, relation.tail} <= {e.id for e in doc.entities}


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(ODD_PIECES), max_size=40).map("".join))
def test_never_crashes_and_offsets_stay_valid(text):
    doc = ae.extract(text)
    check(doc, text)
    assert ae.extract(text).to_dict() == doc.to_dict()  # same input, same output


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    st.lists(st.lists(st.sampled_from(ODD_PIECES), max_size=15).map("".join), min_size=1, max_size=6), st.integers(1, 4)
)
def test_results_do_not_depend_on_batch_size(texts, batch_size):
    nlp = ae.load()
    pairs = [(f"d{i}", text) for i, text in enumerate(texts)]
    alone = [nlp(text, doc_id).to_dict() for doc_id, text in pairs]
    assert [d.to_dict() for d in nlp.pipe(pairs, batch_size=batch_size)] == alone


@pytest.mark.parametrize("text", ["", " ", "\n\n\t ", "\u200f\u200d", "Elon Musk met Putin.", "<html></html>"])
def test_empty_or_non_arabic_text(text):
    doc = ae.extract(text)
    check(doc, text)
    if not text.strip("\u200f\u200d \n\t"):
        assert doc.tokens == [] and doc.mentions == [] and doc.entities == []


@pytest.mark.parametrize("bad", [None, b"\xd9\x85", 3, ["ماسك"]])
def test_non_str_input_is_a_type_error_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        ae.extract(bad)


def test_a_long_line_without_sentence_ends_is_handled_in_bounded_sentences():
    text = "قال ماسك إن بوتين وافق و" * 4000  # ~100k characters, no sentence end
    doc = ae.extract(text)
    check(doc, text)
    assert max(s.token_end - s.token_start for s in doc.sentences) <= 256


def test_concurrent_extract_matches_sequential():
    texts = [f"قال ماسك إن بوتين وافق على اللقاء رقم {i} في موسكو. وزار ترامب واشنطن." for i in range(24)]
    expected = [ae.extract(t).to_dict() for t in texts]
    results: dict[int, dict] = {}

    def work(indices):
        for i in indices:
            results[i] = ae.extract(texts[i]).to_dict()

    threads = [threading.Thread(target=work, args=(range(k, len(texts), 4),)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(texts))] == expected
