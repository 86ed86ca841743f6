import os
import subprocess
import sys

import networkx as nx
import pytest
from test_build import make_doc

import arabic_entities as ae
from arabic_entities.graph.analysis import (
    CENTRALITIES,
    centrality,
    communities,
    edges_dataframe,
    ego_network,
    nodes_dataframe,
    strongest_pairs,
    top_entities,
)

LABELS = {"الكرملين": "ORG", "موسكو": "LOC", "واشنطن": "LOC"}
ENGLISH = {"بوتين": "Vladimir Putin", "إيلون_ماسك": "Elon Musk", "الكرملين": "Kremlin"}


@pytest.fixture
def G():
    """Two clusters (Moscow, Washington) joined by one sentence naming Putin and Trump."""
    moscow = make_doc(
        "d1",
        [["بوتين", "الكرملين"], ["بوتين", "موسكو", "الكرملين"], ["بوتين", "الكرملين"], ["إيلون_ماسك"]],
        labels=LABELS,
        english=ENGLISH,
    )
    washington = make_doc(
        "d2",
        [["ترمب", "واشنطن"], ["ترمب", "واشنطن", "بايدن"], ["بايدن", "واشنطن"], ["بوتين", "ترمب"]],
        labels=LABELS,
        english=ENGLISH,
    )
    return ae.cooccurrence_graph([moscow, washington], link=False)


def names(G, nodes):
    return [G.nodes[n]["name"] for n in nodes]


def pairs_of(ranked):
    return [(e.id, e.score) for e in ranked]


def test_top_entities(G):
    assert pairs_of(top_entities(G, 3)) == [("id-بوتين", 4), ("id-الكرملين", 3), ("id-ترمب", 3)]
    assert [e.score for e in top_entities(G, 2, by="docs")] == [2, 1]
    assert pairs_of(top_entities(G, 1, by="degree")) == [("id-بوتين", 3)]
    assert pairs_of(top_entities(G, 2, by="weighted_degree")) == [("id-بوتين", 5), ("id-الكرملين", 4)]  # ties by id
    assert len(top_entities(G, None)) == len(G) == 7
    for by in CENTRALITIES:
        scores = [e.score for e in top_entities(G, None, by=by)]
        assert scores == sorted(scores, reverse=True)
    with pytest.raises(ValueError, match="by must be one of"):
        top_entities(G, by="fame")


def triples_of(pairs):
    return [(p.source, p.target, p.score) for p in pairs]


def test_top_entities_carry_names_and_labels(G):
    top = top_entities(G, 1)[0]
    assert (top.id, top.label, top.name, top.score) == ("id-بوتين", "PERS", "بوتين", 4)
    assert str(top) == "بوتين (Vladimir Putin)"


def test_strongest_pairs(G):
    assert triples_of(strongest_pairs(G, 2)) == [("id-الكرملين", "id-بوتين", 3), ("id-بايدن", "id-واشنطن", 2)]
    first = strongest_pairs(G, 1)[0]
    assert (first.source_name, first.target_name) == ("الكرملين", "بوتين")
    assert str(first) == "الكرملين (Kremlin) — بوتين (Vladimir Putin)"
    by_npmi = strongest_pairs(G, None, by="npmi")
    assert by_npmi[0].score == max(d for _, _, d in G.edges(data="npmi"))
    assert [p.score for p in by_npmi] == sorted((p.score for p in by_npmi), reverse=True)
    assert triples_of(strongest_pairs(G, 1, by="docs")) == [("id-الكرملين", "id-بوتين", 1)]
    assert all(G.edges[p.source, p.target]["weight"] >= 2 for p in strongest_pairs(G, None, by="npmi", min_weight=2))
    with pytest.raises(ValueError, match="by must be one of"):
        strongest_pairs(G, by="count")


def test_strongest_pairs_leave_out_relation_only_edges():
    doc = make_doc("d", [["a", "b"], ["c"]], relations=[("a", "c", "contact")])
    G = ae.cooccurrence_graph([doc], link=False)
    assert triples_of(strongest_pairs(G)) == [("id-a", "id-b", 1)]
    assert len(strongest_pairs(G, min_weight=0)) == 2


@pytest.mark.parametrize("kind", CENTRALITIES)
def test_centrality_covers_every_node(G, kind):
    scores = centrality(G, kind=kind)
    assert set(scores) == set(G) and all(score >= 0 for score in scores.values())
    assert max(scores, key=scores.get) == "id-بوتين"
    assert centrality(nx.Graph(), kind=kind) == {}


def test_centrality_refuses_unknown_kinds(G):
    with pytest.raises(ValueError, match="kind must be one of"):
        centrality(G, kind="closeness")


def test_communities_find_the_two_clusters(G):
    groups = communities(G, attribute="community")
    assert [sorted(e.name for e in group) for group in groups] == [
        ["الكرملين", "بوتين", "موسكو"],
        ["بايدن", "ترمب", "واشنطن"],
        ["إيلون_ماسك"],
    ]
    assert {G.nodes[e.id]["community"] for e in groups[1]} == {1}
    assert [e.score for e in groups[0]] == sorted((G.nodes[e.id]["count"] for e in groups[0]), reverse=True)
    assert communities(G) == groups


def test_communities_without_co_mentions_are_single_nodes():
    G = nx.Graph([("a", "b", {"weight": 0})])
    G.add_node("c")
    assert [[e.id for e in group] for group in communities(G)] == [["a"], ["b"], ["c"]]


def test_communities_do_not_depend_on_string_hashing():
    script = (
        "import random, networkx as nx\n"
        "from arabic_entities.graph.analysis import communities\n"
        "rng = random.Random(1); names = [f'pers-{i:03d}' for i in range(60)]\n"
        "G = nx.Graph(); G.add_nodes_from(names)\n"
        "for _ in range(200):\n"
        "    a, b = rng.sample(names, 2); G.add_edge(a, b, weight=rng.randint(1, 5))\n"
        "print([sorted(e.id for e in c) for c in communities(G, seed=3)])\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        for seed in ("1", "2")
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout


def test_ego_network_by_id_and_names(G):
    by_id = ego_network(G, "id-الكرملين")
    assert sorted(names(by_id, by_id)) == ["الكرملين", "بوتين", "موسكو"]
    for query in ("بوتين", "Vladimir Putin", "vladimir  putin", "kremlin"):
        assert ego_network(G, query).number_of_nodes() > 1
    assert set(ego_network(G, "بوتين")) == {"id-بوتين", "id-الكرملين", "id-موسكو", "id-ترمب"}
    assert "id-بايدن" in ego_network(G, "بوتين", radius=2)
    assert set(ego_network(G, "ايلون_ماسك")) == {"id-إيلون_ماسك"}  # alef variants are one name


def test_ego_network_refuses_unknown_and_ambiguous_names(G):
    with pytest.raises(KeyError, match="did you mean 'Vladimir Putin'"):
        ego_network(G, "Vladimir Pution")
    with pytest.raises(KeyError, match="no entity"):
        ego_network(G, "بوش")
    with pytest.raises(KeyError, match="no node"):
        ego_network(G, 42)
    G.add_node("id-بوتين-2", label="PERS", name="بوتين")
    with pytest.raises(KeyError, match="names 2 entities: id-بوتين .*id-بوتين-2"):
        ego_network(G, "بوتين")


def test_dataframes(G):
    nodes = nodes_dataframe(G)
    assert list(nodes.columns) == [
        "id",
        "label",
        "name",
        "name_en",
        "name_latin",
        "count",
        "docs",
        "first_date",
        "last_date",
    ]
    assert len(nodes) == len(G)
    assert nodes.set_index("id").loc["id-بوتين", "docs"] == ["d1", "d2"]
    edges = edges_dataframe(G)
    assert list(edges.columns) == [
        "source",
        "target",
        "source_name",
        "target_name",
        "weight",
        "docs",
        "npmi",
        "relations",
        "evidence",
        "first_date",
        "last_date",
    ]
    assert len(edges) == G.number_of_edges()
    assert set(edges["source_name"]) | set(edges["target_name"]) <= {d["name"] for _, d in G.nodes(data=True)}
    assert list(nodes_dataframe(nx.Graph()).columns) == ["id"]


def test_dataframes_need_pandas(G, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    for function in (nodes_dataframe, edges_dataframe):
        with pytest.raises(ImportError, match=r"arabic_entities\[dataframe\]"):
            function(G)
