"""News over time: timelines of entities and links, changes between periods, pictures."""

import networkx as nx
import pytest
from test_build import graph_of, make_doc

import arabic_entities as ae
from arabic_entities.graph.export import write_graph


@pytest.fixture
def G():
    """a and b named together in January and March; c only in March; d undated."""
    docs = [
        make_doc("d1", [["a", "b"], ["a"]], relations=[("a", "b", "contact")]),
        make_doc("d2", [["a", "b", "c"]], relations=[("a", "c", "support")]),
        make_doc("d3", [["c", "d"]]),
    ]
    for doc, date in zip(docs, ["2017-01-10", "2017-03-02T08:00:00+01:00", None]):
        doc.date = date
    return graph_of(docs, period="month")


def test_entity_timeline_fills_every_period(G):
    table = ae.entity_timeline(G, ["id-a", "c"])
    assert table[["period", "id", "mentions"]].values.tolist() == [
        ["2017-01", "id-a", 2],
        ["2017-02", "id-a", 0],
        ["2017-03", "id-a", 1],
        ["2017-01", "id-c", 0],
        ["2017-02", "id-c", 0],
        ["2017-03", "id-c", 1],
    ]
    assert len(ae.entity_timeline(G, fill=False)) == 5  # a and b in two months, c in one, d in none
    assert ae.timeline_periods(G) == ["2017-01", "2017-02", "2017-03"]


def test_link_timeline_counts_co_mentions_and_relations(G):
    table = ae.link_timeline(G, [("a", "b")])
    assert table[["period", "co_mentions", "contact", "support"]].values.tolist() == [
        ["2017-01", 1, 1, 0],
        ["2017-02", 0, 0, 0],
        ["2017-03", 1, 0, 0],
    ]
    support = ae.link_timeline(G, [("a", "c")], fill=False)
    assert support[["period", "support"]].values.tolist() == [["2017-03", 1]]
    with pytest.raises(KeyError, match="never named together"):
        ae.link_timeline(G, [("a", "d")])


def test_link_evidence_comes_in_time_order(G):
    evidence = ae.link_evidence(G, "id-b", "id-a")
    assert evidence[["date", "period", "doc"]].values.tolist() == [
        ["2017-01-10", "2017-01", "d1"],
        ["2017-03-02T08:00:00+01:00", "2017-03", "d2"],
    ]


def test_changes_rank_risers_first_and_fallers_last(G):
    entities = ae.changes(G, "2017-01", "2017-03")
    assert entities[["id", "before", "after", "change"]].values.tolist() == [
        ["id-c", 0, 1, 1],
        ["id-b", 1, 1, 0],
        ["id-a", 2, 1, -1],
    ]
    links = ae.changes(G, "2017-01", "2017-03", links=True)
    assert links.iloc[0][["source", "target", "change"]].tolist() == ["id-a", "id-c", 1]
    with pytest.raises(ValueError, match="period '2016-12' is not in this graph"):
        ae.changes(G, "2016-12", "2017-03")


def test_a_period_graph_holds_that_period_only(G):
    march = ae.period_graph(G, "2017-03")
    assert sorted(march) == ["id-a", "id-b", "id-c"]
    assert march.nodes["id-a"]["count"] == 1 and march.edges["id-a", "id-b"]["weight"] == 1
    assert march.edges["id-a", "id-c"]["relations"] == {"support": 1}
    assert list(ae.period_graph(G, "2017-02")) == []


def test_a_graph_without_periods_says_how_to_get_them():
    with pytest.raises(ValueError, match="period='month'"):
        ae.entity_timeline(graph_of([make_doc("d", [["a"]])]))


def test_merging_builders_by_period_equals_building_at_once(G):
    docs = [make_doc(f"d{i}", [["a", "b"]]) for i in range(4)]
    for doc, date in zip(docs, ["2017-01-01", "2017-01-20", "2017-02-03", "2017-02-28"]):
        doc.date = date
    january = ae.GraphBuilder(period="month").add_many(docs[:2])
    february = ae.GraphBuilder(period="month").add_many(docs[2:])
    assert nx.utils.graphs_equal(january.merge(february).graph(), graph_of(docs, period="month"))


def test_a_dynamic_gexf_keeps_the_periods(G, tmp_path):
    H = nx.read_gexf(write_graph(G, tmp_path / "g.gexf"))
    a = H.nodes["id-a"]
    assert a["mentions"] == [(2, "2017-01-01", "2017-01-31"), (1, "2017-03-01", "2017-03-31")]
    assert (a["start"], a["end"]) == ("2017-01-10", "2017-03-02")
    assert H.edges["id-a", "id-b"]["co_mentions"] == [(1, "2017-01-01", "2017-01-31"), (1, "2017-03-01", "2017-03-31")]
    periods = {
        node: {start[:7]: count for count, start, _ in data.get("mentions", [])} for node, data in H.nodes(data=True)
    }
    assert periods == {node: data["periods"] for node, data in G.nodes(data=True)}


def test_plot_timeline_draws_entities_and_pairs(G, tmp_path):
    pytest.importorskip("matplotlib")
    figure = ae.plot_timeline(G, ["a", "c"], [("a", "b")], path=tmp_path / "t.png", title="a")
    assert (tmp_path / "t.png").stat().st_size > 5000
    assert len(figure.axes[0].get_lines()) == 3
    with pytest.raises(ValueError, match="give entities or pairs"):
        ae.plot_timeline(G)
