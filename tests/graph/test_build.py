import math
from collections import Counter

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_entities as ae
from arabic_entities.document import Document, Entity, Mention, Relation, Sentence, Token
from arabic_entities.graph import GraphBuilder


def make_doc(doc_id, sentences, *, breaks=(), newline="\n", labels=None, english=None, relations=()):
    """A document of ``sentences`` (lists of words) with real offsets and tokens.

    Every word but ``"-"`` is a mention of the entity ``id-<word>``, labelled PERS unless
    ``labels`` says otherwise; a sentence whose index is in ``breaks`` starts after
    ``newline``; ``relations`` are ``(head word, tail word, type)``.
    """
    labels, english = labels or {}, english or {}
    doc = Document(doc_id, "")
    text, counts = "", Counter()
    for index, words in enumerate(sentences):
        if index:
            text += newline if index in breaks else " "
        start, token_start = len(text), len(doc.tokens)
        for k, word in enumerate(words):
            text += " " if k else ""
            doc.tokens.append(Token(word, len(text), len(text) + len(word), word, index))
            if word != "-":
                label = labels.get(word, "PERS")
                doc.mentions.append(
                    Mention(
                        word,
                        len(text),
                        len(text) + len(word),
                        label,
                        index,
                        f"id-{word}",
                        token_start=len(doc.tokens) - 1,
                        token_end=len(doc.tokens),
                    )
                )
                counts[word] += 1
            text += word
        doc.sentences.append(Sentence(index, text[start:], start, len(text), token_start, len(doc.tokens)))
    doc.text = text
    doc.entities = [
        Entity(f"id-{w}", labels.get(w, "PERS"), w, (), c, name_en=english.get(w)) for w, c in counts.items()
    ]
    doc.relations = [Relation(f"id-{h}", f"id-{t}", kind, False, 0, "", "") for h, t, kind in relations]
    return doc


def graph_of(docs, **options):
    return ae.cooccurrence_graph(docs, link=False, **options)


def weights(G):
    return {tuple(sorted((a[3:], b[3:]))): w for a, b, w in G.edges(data="weight")}


def assert_same_graph(G, H):
    """Same nodes and edges, in the same order, with the same attributes."""
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert list(G.edges(data=True)) == list(H.edges(data=True))


def test_edges_count_sentences_where_both_occur():
    docs = [make_doc("d1", [["a", "b"], ["a", "b", "c"], ["c"]]), make_doc("d2", [["a", "b"]])]
    G = ae.cooccurrence_graph(docs)
    assert G.edges["id-a", "id-b"]["weight"] == 3
    assert G.edges["id-a", "id-b"]["docs"] == ["d1", "d2"]
    assert G.edges["id-a", "id-c"]["weight"] == 1
    assert G.nodes["id-a"]["count"] == 3 and G.nodes["id-a"]["docs"] == ["d1", "d2"]
    evidence = G.edges["id-a", "id-c"]["evidence"]
    assert evidence == [{"doc": "d1", "sentence": 1, "text": "a b c", "date": None}]


def test_document_window_and_evidence_cap():
    docs = [make_doc("d1", [["a"], ["b"], ["a", "b"]])]
    G = ae.cooccurrence_graph(docs, window="document")
    assert G.edges["id-a", "id-b"]["weight"] == 1
    assert G.edges["id-a", "id-b"]["evidence"] == [{"doc": "d1", "sentence": None, "text": None, "date": None}]
    capped = ae.cooccurrence_graph([make_doc("d", [["a", "b"]] * 5)], max_evidence=2)
    assert capped.edges["id-a", "id-b"]["weight"] == 5
    assert [e["sentence"] for e in capped.edges["id-a", "id-b"]["evidence"]] == [0, 1]


@pytest.mark.parametrize("newline", ["\n", "\n\n", "\n \n"])
def test_paragraph_window_is_a_line(newline):
    doc = make_doc("d", [["a"], ["b"], ["c"], ["a", "c"]], breaks={2}, newline=newline)
    G = graph_of([doc], window="paragraph")
    assert weights(G) == {("a", "b"): 1, ("a", "c"): 1}
    assert G.edges["id-a", "id-b"]["evidence"] == [{"doc": "d", "sentence": 0, "text": "a b", "date": None}]
    assert G.edges["id-a", "id-c"]["evidence"] == [{"doc": "d", "sentence": 2, "text": "c a c", "date": None}]
    assert weights(graph_of([doc])) == {("a", "c"): 1}


@pytest.mark.parametrize(
    ("distance", "expected"),
    [
        (0, {}),
        (1, {("b", "c"): 1}),
        (3, {("a", "b"): 1, ("b", "c"): 1}),
        (4, {("a", "b"): 1, ("a", "c"): 1, ("b", "c"): 1}),
    ],
)
def test_token_distance_window(distance, expected):
    doc = make_doc("d", [["a", "-", "-", "b", "c"]])
    assert weights(graph_of([doc], window=distance)) == expected


def test_token_distance_counts_mention_pairs_across_sentences():
    doc = make_doc("d", [["a", "b", "a"], ["b"]])
    G = graph_of([doc], window=1)
    assert weights(G) == {("a", "b"): 3}  # a0-b1, b1-a2, a2-b3
    assert G.edges["id-a", "id-b"]["evidence"] == [
        {"doc": "d", "sentence": 0, "text": "a b a", "date": None},
        {"doc": "d", "sentence": 0, "text": "a b a b", "date": None},
    ]


def test_token_distance_maps_mentions_inside_tokens():
    # the mention بوتين sits inside the token وبوتين, after the conjunction و
    doc = Document("d", "ماسك وبوتين")
    doc.sentences = [Sentence(0, doc.text, 0, 11, 0, 2)]
    doc.tokens = [Token("ماسك", 0, 4, "ماسك", 0), Token("وبوتين", 5, 11, "وبوتين", 0)]
    doc.mentions = [
        Mention("ماسك", 0, 4, "PERS", 0, "musk", token_start=0, token_end=1),
        Mention("بوتين", 6, 11, "PERS", 0, "putin", token_start=1, token_end=2),
    ]
    doc.entities = [Entity("musk", "PERS", "ماسك", (), 1), Entity("putin", "PERS", "بوتين", (), 1)]
    assert graph_of([doc], window=1).has_edge("musk", "putin")
    assert not graph_of([doc], window=0).has_edge("musk", "putin")
    doc.tokens = []
    with pytest.raises(ValueError, match="has none"):
        graph_of([doc], window=1)


def test_npmi_by_hand():
    # windows: {a,b} {a} {c} {a,b,c}; the sentence "-" names nobody and does not count
    doc = make_doc("d", [["a", "b"], ["a"], ["c"], ["a", "b", "c"], ["-"]])
    G = graph_of([doc])
    W, n = 4, {"a": 3, "b": 2, "c": 2}
    for (x, y), w in {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}.items():
        p = w / W
        expected = math.log(p / (n[x] / W * n[y] / W)) / -math.log(p)
        assert G.edges[f"id-{x}", f"id-{y}"]["npmi"] == pytest.approx(expected)
    assert G.edges["id-a", "id-b"]["npmi"] == pytest.approx(math.log(4 / 3) / math.log(2))
    assert G.edges["id-b", "id-c"]["npmi"] == pytest.approx(0.0)
    assert graph_of([make_doc("d", [["a", "b"]])]).edges["id-a", "id-b"]["npmi"] == 1.0


def test_npmi_over_token_windows():
    doc = make_doc("d", [["a", "b", "a"]])
    assert graph_of([doc], window=1).edges["id-a", "id-b"]["npmi"] == 1.0  # both windows name both
    # window 2 adds the pair (a, a): W = 3, n_a = 3, n_b = 2, w_ab = 2
    assert graph_of([doc], window=2).edges["id-a", "id-b"]["npmi"] == pytest.approx(0.0)


def test_relations_on_edges():
    doc = make_doc(
        "d",
        [["a", "b"], ["c"]],
        relations=[("a", "b", "contact"), ("b", "a", "contact"), ("a", "c", "support"), ("a", "a", "contact")],
    )
    G = graph_of([doc])
    assert G.edges["id-a", "id-b"]["relations"] == {"contact": 2}
    related_only = G.edges["id-a", "id-c"]
    assert related_only == {
        "weight": 0,
        "docs": ["d"],
        "npmi": -1.0,
        "relations": {"support": 1},
        "evidence": [],
        "first_date": None,
        "last_date": None,
    }
    assert not graph_of([doc], min_weight=1).has_edge("id-a", "id-c")
    with pytest.raises(ValueError, match="unknown entity"):
        graph_of([make_doc("d", [["a"]], relations=[("a", "z", "contact")])])


def test_filters():
    labels = {"m": "LOC", "o": "ORG"}
    docs = [make_doc("d1", [["a", "b", "m"], ["a", "m", "o"], ["a", "b"], ["o", "o", "o", "o"]], labels=labels)]
    assert set(graph_of(docs, labels="PERS")) == {"id-a", "id-b"}
    assert set(graph_of(docs, labels=["PERS", "LOC"])) == {"id-a", "id-b", "id-m"}
    assert set(graph_of(docs, top_k=2)) == {"id-a", "id-o"}
    assert set(graph_of(docs, labels="PERS", top_k=1)) == {"id-a"}
    top = graph_of(docs, top_k=3)  # a (3), o (5), then b and m (2 each): the smaller id, b
    assert set(top) == {"id-a", "id-b", "id-o"} and weights(top) == {("a", "b"): 2, ("a", "o"): 1}
    heavy = graph_of(docs, min_weight=2)
    assert weights(heavy) == {("a", "b"): 2, ("a", "m"): 2} and len(heavy) == 4


def test_node_attributes_merge_across_documents():
    docs = [
        make_doc("d2", [["a", "a"]], english={"a": "Alpha"}),
        make_doc("d1", [["a"]], english={"a": "A"}),
        make_doc("d3", [["b"]]),
    ]
    G = graph_of(docs)
    assert G.nodes["id-a"] == {
        "label": "PERS",
        "name": "a",
        "name_en": "Alpha",
        "name_latin": "a",
        "count": 3,
        "docs": ["d1", "d2"],
        "first_date": None,
        "last_date": None,
    }
    assert G.nodes["id-b"]["name_en"] is None
    assert list(G) == ["id-a", "id-b"]


def test_a_document_counts_once():
    doc = make_doc("d1", [["a", "b"]])
    with pytest.raises(ValueError, match="'d1' is added twice"):
        graph_of([doc, doc])
    builder = ae.GraphBuilder().add(doc)
    with pytest.raises(ValueError, match="both builders counted document 'd1'"):
        builder.merge(ae.GraphBuilder().add(make_doc("d1", [["a"]])))


def test_evidence_sorted_by_document_and_sentence_and_capped():
    docs = [make_doc("d2", [["a", "b"], ["a", "b"]]), make_doc("d1", [["-"], ["a", "b"], ["a", "b"]])]
    G = graph_of(docs, max_evidence=3)
    assert [(e["doc"], e["sentence"]) for e in G.edges["id-a", "id-b"]["evidence"]] == [("d1", 1), ("d1", 2), ("d2", 0)]
    assert G.edges["id-a", "id-b"]["weight"] == 4
    assert graph_of(docs, max_evidence=0).edges["id-a", "id-b"]["evidence"] == []


def test_bad_arguments():
    with pytest.raises(ValueError, match="window"):
        ae.cooccurrence_graph([], window="paragraphs")
    for window in (-1, True, 2.0):
        with pytest.raises(ValueError, match="window"):
            ae.cooccurrence_graph([], window=window)
    with pytest.raises(ValueError, match="max_evidence"):
        ae.cooccurrence_graph([], max_evidence=-1)
    with pytest.raises(ValueError, match="top_k"):
        ae.cooccurrence_graph([], top_k=-1)
    with pytest.raises(TypeError):
        ae.cooccurrence_graph(["not a document"])
    orphan = make_doc("d", [["a", "b"]])
    orphan.entities = orphan.entities[:1]
    with pytest.raises(ValueError, match="unknown entity 'id-b'"):
        graph_of([orphan])


# --- GraphBuilder ------------------------------------------------------------------


@st.composite
def documents(draw):
    sentences = draw(st.lists(st.lists(st.sampled_from("abcd-"), min_size=1, max_size=5), max_size=4))
    names = sorted({w for s in sentences for w in s} - {"-"})
    relations = []
    if names:
        ends = st.sampled_from(names)
        relations = draw(st.lists(st.tuples(ends, ends, st.sampled_from(["contact", "support"])), max_size=3))
    doc = make_doc(
        draw(st.sampled_from(["d1", "d2", "d3", "d4"])),
        sentences,
        breaks=draw(st.sets(st.integers(1, 3))),
        labels={"d": "LOC"},
        relations=relations,
        english={"a": draw(st.sampled_from([None, "A", "Alpha"]))},
    )
    doc.date = draw(st.sampled_from([None, "2016-12-31", "2017-01-01T23:30:00+01:00", "2017-01-09", "2017-03-02"]))
    return doc


@settings(max_examples=150, deadline=None)
@given(
    docs=st.lists(documents(), max_size=6, unique_by=lambda doc: doc.id),
    window=st.sampled_from(["sentence", "paragraph", "document", 0, 1, 3]),
    max_evidence=st.integers(0, 3),
    period=st.sampled_from([None, "day", "week", "month", "year"]),
    data=st.data(),
)
def test_builder_parts_merge_to_the_whole(docs, window, max_evidence, period, data):
    options = {"window": window, "max_evidence": max_evidence, "period": period}
    part_of = data.draw(st.lists(st.integers(0, 3), min_size=len(docs), max_size=len(docs)))
    parts = [GraphBuilder(**options) for _ in range(4)]
    for doc, part in zip(docs, part_of):
        parts[part].add(doc)
    merged = GraphBuilder(**options)
    for index in data.draw(st.permutations(range(4))):
        merged.merge(parts[index])
    whole = GraphBuilder(**options).add_many(docs)
    assert_same_graph(merged.graph(), whole.graph())
    assert_same_graph(whole.graph(), graph_of(docs, **options))
    filters = {"labels": "PERS", "min_weight": 1, "top_k": 2}
    assert_same_graph(merged.graph(**filters), whole.graph(**filters))


def test_builder_graph_is_a_fresh_copy():
    builder = GraphBuilder().add(make_doc("d", [["a", "b"]]))
    G = builder.graph()
    G.edges["id-a", "id-b"]["docs"].append("x")
    G.nodes["id-a"]["docs"].append("x")
    assert_same_graph(builder.graph(), GraphBuilder().add(make_doc("d", [["a", "b"]])).graph())


def test_builder_refuses_mismatched_merges():
    with pytest.raises(ValueError, match="window"):
        GraphBuilder().merge(GraphBuilder(window="document"))
    with pytest.raises(ValueError, match="max_evidence"):
        GraphBuilder().merge(GraphBuilder(max_evidence=3))
    with pytest.raises(ValueError, match="period"):
        GraphBuilder().merge(GraphBuilder(period="month"))
    with pytest.raises(ValueError, match="period must be one of day, week, month, year"):
        GraphBuilder(period="decade")
    with pytest.raises(TypeError):
        GraphBuilder().merge(nx.Graph())
    with pytest.raises(TypeError):
        GraphBuilder().add("text")


def test_the_graph_shows_people_organizations_and_places_unless_asked():
    doc = make_doc("d", [["a", "b", "c"]], labels={"b": "MISC", "c": "ORG"})
    assert set(ae.cooccurrence_graph([doc], link=False)) == {"id-a", "id-c"}
    assert set(ae.cooccurrence_graph([doc], link=False, labels=None)) == {"id-a", "id-b", "id-c"}
    assert set(GraphBuilder().add(doc).graph(labels=["MISC"])) == {"id-b"}


# --- time ---------------------------------------------------------------------------


def test_nodes_and_edges_count_their_periods_and_dates():
    docs = [make_doc(f"d{i}", [["a", "b"], ["a"]]) for i in range(3)]
    for doc, date in zip(docs, ["2017-01-31T23:30:00+01:00", "2017-02-01", None]):
        doc.date = date
    G = graph_of(docs, period="month")
    assert G.graph["period"] == "month"
    assert G.nodes["id-a"]["periods"] == {"2017-01": 2, "2017-02": 2}  # the undated document counts only in total
    assert G.nodes["id-a"]["count"] == 6
    assert (G.nodes["id-a"]["first_date"], G.nodes["id-a"]["last_date"]) == ("2017-01-31", "2017-02-01")
    edge = G.edges["id-a", "id-b"]
    assert edge["periods"] == {"2017-01": 1, "2017-02": 1} and edge["weight"] == 3
    assert [record["date"] for record in edge["evidence"]] == ["2017-01-31T23:30:00+01:00", "2017-02-01", None]
    assert "periods" not in graph_of(docs).nodes["id-a"]


def test_relations_are_counted_per_period():
    doc = make_doc("d", [["a", "b"]], relations=[("a", "b", "contact"), ("a", "b", "support")])
    doc.date = "2017-05-04"
    G = graph_of([doc], period="week")
    assert G.edges["id-a", "id-b"]["relation_periods"] == {"2017-W18": {"contact": 1, "support": 1}}


def test_evidence_is_kept_per_period():
    docs = [make_doc(f"d{i}", [["a", "b"]]) for i in range(4)]
    for doc, date in zip(docs, ["2017-01-02", "2017-01-03", "2017-02-02", "2017-02-03"]):
        doc.date = date
    evidence = graph_of(docs, period="month", max_evidence=1).edges["id-a", "id-b"]["evidence"]
    assert [record["doc"] for record in evidence] == ["d0", "d2"]
