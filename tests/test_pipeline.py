import datetime as dt
import gc
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_entities as ae
from arabic_entities.parallel import PREFETCH
from arabic_entities.pipeline import default_doc_id

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_mentions_point_into_the_original_text():
    text = "التقى الرئيس الروسي فلاديمير بوتيـــن في موسكو بإيلون ماسك.\u200f"
    doc = ae.extract(text)
    assert doc.text == text
    assert doc.mentions
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
    assert "بوتيـــن" in [m.text.split()[-1] for m in doc.mentions]


def test_clitics_are_excluded_from_mentions():
    doc = ae.extract("التقى ماسك في موسكو. وقال ماسك إن لقاءه وبوتين كان مفيدا، وأضاف بوتين أنه سعيد.")
    texts = [m.text for m in doc.mentions]
    assert "بوتين" in texts and "وبوتين" not in texts


def test_tokens_and_sentences_have_original_offsets():
    text = "قال ماسك: نعم.\nثم غادر"
    doc = ae.extract(text)
    assert [s.text for s in doc.sentences] == ["قال ماسك: نعم.", "ثم غادر"]
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text
        assert doc.sentences[t.sentence].start <= t.start < t.end <= doc.sentences[t.sentence].end


def test_same_input_same_output_and_doc_ids():
    text = "قال ترامب إن ماسك سيترأس اللجنة."
    a, b = ae.extract(text), ae.extract(text)
    assert a.to_dict() == b.to_dict()
    assert a.id.startswith("doc-")
    assert ae.extract(text, doc_id="x").id == "x"


def test_empty_text_gives_an_empty_document():
    for text in ("", "   \n "):
        doc = ae.extract(text)
        assert doc.tokens == doc.mentions == doc.entities == []


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError, match="bytes"):
        ae.extract(b"abc")
    with pytest.raises(TypeError):
        list(ae.extract_many([123]))


def test_a_batch_leaves_no_cyclic_garbage_and_the_collector_as_it_was():
    # run_batch pauses the cyclic collector: that is only safe while the stages make no cycles
    seed_texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    ae.extract(seed_texts[0])  # the models load: that makes cycles (classes, modules)
    gc.collect()
    gc.disable()
    try:
        docs = list(ae.extract_many(seed_texts))
        assert docs and not gc.isenabled()
        assert gc.collect() == 0
    finally:
        gc.enable()
    list(ae.extract_many(seed_texts[:1]))
    assert gc.isenabled()


def test_extract_many_keeps_order_and_ids():
    docs = list(ae.extract_many([("a", "قال بوتين"), "قال ماسك", ("c", "")]))
    assert [d.id for d in docs][0] == "a" and docs[2].id == "c"
    assert docs[1].text == "قال ماسك"


def test_pipeline_can_switch_propagation_off():
    text = "قال الرئيس الروسي فلاديمير بوتين للصحفيين. بوتين غادر"
    with_propagation = ae.load()(text)
    without = ae.load(propagate=False)(text)
    assert len(without.mentions) <= len(with_propagation.mentions)


def test_document_serializes_to_json_and_dataframe():
    doc = ae.extract("قال الرئيس الروسي فلاديمير بوتين في موسكو.")
    assert '"بوتين' in doc.to_json() or "بوتين" in doc.to_json()
    frame = doc.to_dataframe()
    assert list(frame["text"]) == [m.text for m in doc.mentions]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list('ماسك وبوتين ترامب.؟،\n"ـً') + ["\u200f", "ﻻ", "ی", "إيلون "])).map("".join))
def test_offsets_always_valid_and_mentions_disjoint(text):
    doc = ae.extract(text)
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.entity_id in {e.id for e in doc.entities}
    spans = sorted((m.start, m.end) for m in doc.mentions)
    for (_a, b), (c, _d) in zip(spans, spans[1:]):
        assert b <= c


def test_worker_processes_give_the_same_documents_in_order():
    texts = [("a", "قال ماسك إن بوتين وافق."), ("b", "زار ترامب واشنطن."), ("c", "")]
    serial = [d.to_dict() for d in ae.extract_many(texts)]
    parallel = [d.to_dict() for d in ae.extract_many(texts, n_process=2, batch_size=1)]
    assert parallel == serial
    with pytest.raises(ValueError):
        list(ae.extract_many(texts, n_process=0))


def test_entity_lookup_by_id():
    doc = ae.extract("قال ماسك إن بوتين وافق.")
    entity = doc.entities[0]
    assert doc.entity(entity.id) is entity
    with pytest.raises(KeyError):
        doc.entity("missing")


def test_clitics_are_cut_right_when_diacritics_are_kept():
    from arabic_entities.text.normalize import NormalizeOptions

    nlp = ae.load(normalization=NormalizeOptions(alef=False, alef_maksura=False, teh_marbuta=False, diacritics=False))
    text = "قال بوتين إن اللقاء مفيد. وَبوتين في موسكو الآن."
    doc = nlp(text)
    putin = [m for m in doc.mentions if m.label == "PERS" and m.text == "بوتين"]
    assert [m.start for m in putin] == [text.index("بوتين"), text.index("وَبوتين") + 2]


TEXTS = [
    ("a", "قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة للحوار."),
    "زار إيلون ماسك برلين.",
    ("c", ""),
    ("d", "وقال ماسك إن بوتين وافق على اللقاء في الكرملين."),
    "انتقد دونالد ترامب الأمم المتحدة في واشنطن.",
    ("f", "التقى السيسي بغوتيريش في القاهرة.\nوقال ترامب إنه سيزور مصر."),
    (None, "زار ترامب واشنطن."),
]


class Consumed:
    """An input stream that records how many items have been read from it."""

    def __init__(self, items):
        self.items, self.count = list(items), 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def test_extract_many_is_the_same_with_one_and_two_processes():
    serial = [d.to_dict() for d in ae.extract_many(TEXTS, batch_size=2)]
    parallel = [d.to_dict() for d in ae.extract_many(iter(TEXTS), n_process=2, batch_size=2)]
    assert parallel == serial
    ids = [d["id"] for d in serial]
    assert ids[0] == "a" and ids[2] == "c" and ids[3] == "d" and ids[5] == "f"
    assert ids[1] == default_doc_id(TEXTS[1]) and ids[6] == default_doc_id("زار ترامب واشنطن.")
    assert [d["text"] for d in serial] == [t if isinstance(t, str) else t[1] for t in TEXTS]


@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_reads_its_input_only_a_little_ahead(n_process):
    batch_size = 2
    source = Consumed(text if isinstance(text, str) else text[1] for text in TEXTS * 6)
    docs = ae.extract_many(source, n_process=n_process, batch_size=batch_size)
    assert source.count == 0  # nothing read before the first document is asked for
    ahead = batch_size * (1 if n_process == 1 else PREFETCH * n_process)
    handed_out = 0
    for _doc in docs:
        handed_out += 1
        assert 0 < source.count - handed_out + 1 <= ahead
    assert handed_out == source.count == len(TEXTS) * 6


@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_of_nothing_is_nothing(n_process):
    assert list(ae.extract_many([], n_process=n_process)) == []
    assert list(ae.extract_many(iter(()), n_process=n_process)) == []


def test_extract_many_rejects_bad_options_at_once():
    for options in ({"n_process": 0}, {"n_process": -2}, {"batch_size": 0}):
        with pytest.raises(ValueError, match="at least 1"):
            ae.extract_many(TEXTS, **options)
    for options in ({"n_process": 1.5}, {"n_process": "2"}, {"batch_size": True}):
        with pytest.raises(TypeError, match="must be an int"):
            ae.extract_many(TEXTS, **options)


def test_extract_many_with_workers_raises_on_a_bad_item():
    with pytest.raises(TypeError, match="int"):
        list(ae.extract_many([("a", "قال ماسك"), 123], n_process=2, batch_size=1))


def test_a_loaded_pipeline_travels_as_its_recipe():
    nlp = ae.load("crf", propagate=False)
    copy = pickle.loads(pickle.dumps(nlp))
    assert copy.recipe == ae.pipeline.Recipe("crf", {"propagate": False}) and copy.propagate is False
    assert copy("قال ماسك إن بوتين وافق.") == nlp("قال ماسك إن بوتين وافق.")
    assert len(pickle.dumps(nlp)) < 1000  # not the model


def test_stages_can_be_switched_off():
    text = "اتهم إيلون ماسك الرئيس دونالد ترامب بالكذب، ثم التقى ماسك وبوتين."
    assert len(ae.extract(text).relations) == 2
    nlp = ae.load(relations=False)
    doc = nlp(text)
    assert doc.relations == [] and doc.mentions == ae.extract(text).mentions


def test_extract_many_of_one_str_says_what_to_pass():
    with pytest.raises(TypeError, match=r"use extract\(text\) or extract_many\(\[text\]\)"):
        ae.extract_many("قال بوتين")
    with pytest.raises(TypeError, match="read_texts"):
        ae.extract_many(Path("seeds"))


def test_identical_texts_get_their_own_ids_and_count_once_each():
    text = "التقى ماسك بوتين في موسكو."
    docs = list(ae.extract_many([text, text, ("x", text)]))
    assert [d.id for d in docs] == [default_doc_id(text), default_doc_id(text) + "-2", "x"]
    G = ae.cooccurrence_graph(docs)
    musk = next(node for node, name in G.nodes(data="name") if name == "ماسك")
    assert G.nodes[musk]["count"] == 3 and len(G.nodes[musk]["docs"]) == 3
    with pytest.raises(ValueError, match="'x' is given twice"):
        list(ae.extract_many([("x", text), ("x", "زار ترامب واشنطن.")]))


def test_paths_are_read_and_path_strings_are_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("زار ترامب واشنطن.", encoding="utf-8")
    doc = ae.extract(path)
    assert doc.id == str(path) and doc.text == "زار ترامب واشنطن."
    assert [d.text for d in ae.extract_many([path])] == [doc.text]
    with pytest.raises(ValueError, match=r"path of a file, not Arabic text: pass pathlib.Path"):
        ae.extract(str(path))


def test_english_text_gives_no_names_and_a_warning():
    from arabic_entities.pipeline import NotArabicWarning

    for text in (
        "President Emmanuel Macron met Vladimir Putin in Moscow on Monday, said the United Nations.",
        "Apple and Google are based in California.",
    ):
        with pytest.warns(NotArabicWarning, match="not Arabic text"):
            assert ae.extract(text).mentions == []


def test_latin_words_never_join_an_arabic_name():
    doc = ae.extract("وقال مدير قناة ONtv إن تيم كوك رئيس Apple Inc زار القاهرة مع إيلون ماسك.")
    for m in doc.mentions:
        words = m.text.split()
        assert all(w.isascii() for w in words) or not any(w.isascii() and w.isalpha() for w in words), m.text
    assert {"تيم كوك", "القاهرة", "إيلون ماسك"} <= {m.text for m in doc.mentions}


def test_documents_carry_the_date_they_were_given():
    text = "التقى ماسك بوتين في موسكو."
    assert ae.extract(text).date is None
    assert ae.extract(text, date="2017-03-07T09:00:00+01:00").date == "2017-03-07T09:00:00+01:00"
    assert ae.extract(text, "a", date=dt.date(2017, 3, 7)).date == "2017-03-07"
    inputs = [
        ("a", text, "2017-03-07"),
        {"id": "b", "text": text, "date": dt.datetime(2017, 3, 8, 10, 30)},
        {"text": text},
        ("d", text),
    ]
    docs = list(ae.extract_many(inputs, n_process=1))
    assert [(d.id, d.date) for d in docs] == [
        ("a", "2017-03-07"),
        ("b", "2017-03-08T10:30:00"),
        (default_doc_id(text), None),
        ("d", None),
    ]
    assert ae.Document.from_json(docs[1].to_json()) == docs[1]
    assert docs[0].to_dataframe()["date"].tolist() == ["2017-03-07"] * len(docs[0].mentions)


def test_a_bad_date_or_record_is_a_clear_error():
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        ae.extract("قال بوتين", date="07/03/2017")
    with pytest.raises(TypeError, match="a record needs a 'text' string"):
        list(ae.extract_many([{"body": "قال بوتين"}]))


def test_a_common_noun_alone_is_no_person_unless_the_document_names_one_with_it():
    text = "هشام بن محمد كرومة، ابن تفاحة كرومة مواليد 1983 في العامرية."
    assert "مواليد" not in [m.text for m in ae.extract(text).mentions]
    chahed = ae.extract("التقى رئيس الحكومة يوسف الشاهد وفدا. وقال الشاهد إن الحكومة مستعدة.")
    assert [m.text for m in chahed.mentions if m.label == "PERS"] == ["يوسف الشاهد", "الشاهد"]
