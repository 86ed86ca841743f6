import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import arabic_entities as ae
from arabic_entities.document import Document, Entity, Mention, Sentence


def make_doc(doc_id, sentences):
    """A document whose sentences name the given (id, label) entities."""
    doc = Document(doc_id, " ".join(" ".join(s) for s in sentences))
    counts = {}
    for index, names in enumerate(sentences):
        doc.sentences.append(Sentence(index, " ".join(names), 0, 0, 0, 0))
        for name in names:
            doc.mentions.append(Mention(name, 0, 0, "PERS", index, f"id-{name}"))
            counts[name] = counts.get(name, 0) + 1
    doc.entities = [Entity(f"id-{n}", "PERS", n, (), c) for n, c in counts.items()]
    return doc


def test_edges_count_sentences_where_both_occur():
    docs = [make_doc("d1", [["a", "b"], ["a", "b", "c"], ["c"]]), make_doc("d2", [["a", "b"]])]
    G = ae.cooccurrence_graph(docs)
    assert G.edges["id-a", "id-b"]["weight"] == 3
    assert G.edges["id-a", "id-b"]["docs"] == ["d1", "d2"]
    assert G.edges["id-a", "id-c"]["weight"] == 1
    assert G.nodes["id-a"]["count"] == 3 and G.nodes["id-a"]["docs"] == ["d1", "d2"]
    evidence = G.edges["id-a", "id-c"]["evidence"]
    assert evidence == [{"doc": "d1", "sentence": 1, "text": "a b c"}]


def test_document_window_and_evidence_cap():
    docs = [make_doc("d1", [["a"], ["b"], ["a", "b"]])]
    assert ae.cooccurrence_graph(docs, window="document").edges["id-a", "id-b"]["weight"] == 1
    capped = ae.cooccurrence_graph([make_doc("d", [["a", "b"]] * 5)], max_evidence=2)
    assert capped.edges["id-a", "id-b"]["weight"] == 5
    assert len(capped.edges["id-a", "id-b"]["evidence"]) == 2


def test_bad_arguments():
    with pytest.raises(ValueError, match="window"):
        ae.cooccurrence_graph([], window="paragraphs")
    with pytest.raises(TypeError):
        ae.cooccurrence_graph(["not a document"])


@pytest.fixture
def graph():
    return ae.cooccurrence_graph([ae.extract("التقى الرئيس الروسي فلاديمير بوتين بإيلون ماسك في موسكو.")])


def test_write_gexf_and_graphml_round_trip(tmp_path, graph):
    for suffix, reader in ((".gexf", nx.read_gexf), (".graphml", nx.read_graphml)):
        path = ae.write_graph(graph, tmp_path / f"g{suffix}")
        H = reader(path)
        assert set(H.nodes) == set(graph.nodes)
        assert H.number_of_edges() == graph.number_of_edges()
        for n in graph:
            assert H.nodes[n]["name"] == graph.nodes[n]["name"]
    ET.parse(tmp_path / "g.gexf")


def test_write_node_link_json(tmp_path, graph):
    path = ae.write_graph(graph, tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="edges")
    assert nx.utils.graphs_equal(H, graph)


def test_unknown_format_is_refused(tmp_path, graph):
    with pytest.raises(ValueError, match="cannot write graph format"):
        ae.write_graph(graph, tmp_path / "g.xyz")
