import csv
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from test_build import graph_of, make_doc

import arabic_entities as ae
from arabic_entities.graph import CSV_COLUMNS, GRAPH_FORMATS, draw
from arabic_entities.graph import html as page


@pytest.fixture
def news_graph():
    return ae.cooccurrence_graph([ae.extract("التقى الرئيس الروسي فلاديمير بوتين بإيلون ماسك في موسكو.")])


@pytest.fixture
def arabic_graph():
    doc = make_doc(
        "خبر-1",
        [["بوتين", "ماسك", "موسكو"], ["بوتين", "ماسك"], ["ترمب"]],
        labels={"موسكو": "LOC"},
        english={"بوتين": "Vladimir Putin"},
        relations=[("ماسك", "ترمب", "contact")],
    )
    return graph_of([doc])


def test_write_gexf_and_graphml_round_trip(tmp_path, news_graph):
    for suffix, reader in ((".gexf", nx.read_gexf), (".graphml", nx.read_graphml)):
        path = ae.write_graph(news_graph, tmp_path / f"g{suffix}")
        H = reader(path)
        assert set(H.nodes) == set(news_graph.nodes)
        assert H.number_of_edges() == news_graph.number_of_edges()
        for n in news_graph:
            assert H.nodes[n]["name"] == news_graph.nodes[n]["name"]
    ET.parse(tmp_path / "g.gexf")


@pytest.mark.parametrize(("suffix", "reader"), [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_gexf_and_graphml_keep_arabic_and_flatten_lists(tmp_path, arabic_graph, suffix, reader):
    H = reader(ae.write_graph(arabic_graph, tmp_path / f"g{suffix}"))
    assert set(H.nodes) == set(arabic_graph.nodes)
    assert {frozenset(e) for e in H.edges} == {frozenset(e) for e in arabic_graph.edges}
    for n, d in arabic_graph.nodes(data=True):
        assert H.nodes[n]["name"] == d["name"]
        assert json.loads(H.nodes[n]["docs"]) == d["docs"]
    for a, b, d in arabic_graph.edges(data=True):
        assert float(H.edges[a, b]["weight"]) == d["weight"]
        assert H.edges[a, b]["npmi"] == pytest.approx(d["npmi"])
        assert json.loads(H.edges[a, b]["relations"]) == d["relations"]
        assert json.loads(H.edges[a, b]["evidence"]) == d["evidence"]


def test_write_node_link_json(tmp_path, news_graph, arabic_graph):
    for G in (news_graph, arabic_graph):
        path = ae.write_graph(G, tmp_path / "g.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        H = nx.node_link_graph(data, edges="edges")
        assert nx.utils.graphs_equal(H, G)
        assert "بوتين" in path.read_text(encoding="utf-8") or G is news_graph


def test_write_csv_edge_list(tmp_path, arabic_graph):
    path = ae.write_graph(arabic_graph, tmp_path / "edges.csv")
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == arabic_graph.number_of_edges()
    for row, (a, b, d) in zip(rows, arabic_graph.edges(data=True)):
        assert (row["source"], row["target"]) == (a, b)
        assert [row["source_name"], row["target_name"]] == [arabic_graph.nodes[n]["name"] for n in (a, b)]
        assert int(row["weight"]) == d["weight"] and int(row["docs"]) == len(d["docs"])
        assert float(row["npmi"]) == d["npmi"]
        assert json.loads(row["relations"]) == d["relations"]
    assert {"ماسك", "ترمب"} <= {row["source_name"] for row in rows} | {row["target_name"] for row in rows}


def test_drawings_go_to_viz(tmp_path, arabic_graph, monkeypatch):
    calls = []
    monkeypatch.setattr(
        draw, "draw_graph", lambda G, path, **options: calls.append(("draw_graph", path.suffix, options))
    )
    monkeypatch.setattr(
        page, "write_html", lambda G, path, **options: calls.append(("write_html", path.suffix, options))
    )
    for suffix in (".png", ".svg", ".html"):
        assert ae.write_graph(arabic_graph, tmp_path / f"g{suffix}", size=3) == tmp_path / f"g{suffix}"
    assert calls == [
        ("draw_graph", ".png", {"size": 3}),
        ("draw_graph", ".svg", {"size": 3}),
        ("write_html", ".html", {"size": 3}),
    ]


def test_file_formats_take_no_options(tmp_path, news_graph):
    with pytest.raises(TypeError, match="no options"):
        ae.write_graph(news_graph, tmp_path / "g.gexf", size=3)


def test_unknown_format_is_refused(tmp_path, news_graph):
    with pytest.raises(ValueError, match="cannot write graph format") as error:
        ae.write_graph(news_graph, tmp_path / "g.xyz")
    assert all(suffix in str(error.value) for suffix in GRAPH_FORMATS)
