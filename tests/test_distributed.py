import subprocess
import sys

import networkx as nx
import pytest

import arabic_entities as ae

NO_DASK = "needs the dask extra: pip install -e '.[dask]'"
dask = pytest.importorskip("dask", reason=NO_DASK)
db = pytest.importorskip("dask.bag", reason=NO_DASK)

from arabic_entities import distributed  # noqa: E402
from arabic_entities.distributed import extract_bag, graph_from_bag  # noqa: E402

# الخطيب (d4) is سامر الخطيب (d1) in another partition, so linking must cross partitions;
# also relations, a paragraph break, an empty text and a default id.
TEXTS = [
    (
        "d1",
        "التقى الرئيس الروسي فلاديمير بوتين بالملياردير إيلون ماسك في موسكو.\n"
        "وقال المهندس سامر الخطيب إن اللقاء كان مثمرا.",
    ),
    ("d2", "وقال بوتين إن روسيا ستتعاون مع شركة تسلا."),
    ("d3", "انتقد دونالد ترامب الرئيس بوتين في واشنطن."),
    ("d4", "وأعلن ماسك أن تسلا ستفتح مصنعا في برلين، وقال الخطيب إن ترامب يدعم ماسك."),
    ("d5", ""),
    "التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش بالرئيس عبد الفتاح السيسي في القاهرة.",
]


def assert_same_graph(G, H):
    assert sorted(G.nodes(data=True)) == sorted(H.nodes(data=True))
    assert sorted(G.edges(data=True)) == sorted(H.edges(data=True))
    assert nx.utils.graphs_equal(G, H)


@pytest.fixture(scope="module")
def docs():
    return list(ae.extract_many(TEXTS))


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, for the whole module."""
    distributed_ = pytest.importorskip("distributed", reason=NO_DASK)
    with (
        distributed_.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as local,
        distributed_.Client(local) as client,
    ):
        yield client


def test_importing_the_package_or_module_does_not_import_dask():
    code = (
        "import sys, arabic_entities, arabic_entities.distributed\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_graph_on_a_local_cluster_equals_the_single_process_graph(cluster, docs):
    bag = extract_bag(db.from_sequence(TEXTS, npartitions=3), batch_size=2)
    assert [d.to_dict() for d in bag.compute()] == [d.to_dict() for d in docs]
    G = graph_from_bag(bag, split_every=2)
    assert_same_graph(G, ae.cooccurrence_graph(docs))
    assert G.number_of_edges() and any(d["relations"] for _, _, d in G.edges(data=True))
    unlinked = graph_from_bag(bag, link=False)
    assert_same_graph(unlinked, ae.cooccurrence_graph(docs, link=False))
    assert G.number_of_nodes() == unlinked.number_of_nodes() - 1
    assert [d["docs"] for _, d in G.nodes(data=True) if d["name"] == "سامر الخطيب"] == [["d1", "d4"]]


def test_any_loaded_pipeline_runs_on_the_cluster(cluster):
    crf = ae.load("crf", relations=False)
    bag = extract_bag(db.from_sequence(TEXTS, npartitions=2), pipeline=crf)
    assert [d.to_dict() for d in bag.compute()] == [d.to_dict() for d in crf.pipe(TEXTS)]


@pytest.mark.parametrize(
    "options",
    [
        {"window": "paragraph", "max_evidence": 1},
        {"window": "document", "labels": "PERS"},
        {"window": 3, "top_k": 4, "min_weight": 2},
    ],
)
def test_graph_options_match_cooccurrence_graph(docs, options):
    bag = db.from_sequence(docs, npartitions=4)
    with dask.config.set(scheduler="sync"):
        G = graph_from_bag(bag, split_every=2, **options)
    assert_same_graph(G, ae.cooccurrence_graph(docs, **options))


def test_graph_by_period_matches_cooccurrence_graph():
    dated = [
        (f"d{i}", text if isinstance(text, str) else text[1], f"2017-0{1 + i % 3}-1{i}") for i, text in enumerate(TEXTS)
    ]
    docs = list(ae.extract_many(dated))
    with dask.config.set(scheduler="sync"):
        G = graph_from_bag(db.from_sequence(docs, npartitions=3), split_every=2, period="month")
    assert_same_graph(G, ae.cooccurrence_graph(docs, period="month"))
    assert any(data["periods"] for _, data in G.nodes(data=True))


def test_documents_are_made_once(monkeypatch):
    made = []

    def counting(texts, **options):
        made.append(None)
        return extract_partition(texts, **options)

    extract_partition = distributed._extract_partition
    monkeypatch.setattr(distributed, "_extract_partition", counting)
    with dask.config.set(scheduler="sync"):
        graph_from_bag(extract_bag(db.from_sequence(TEXTS, npartitions=3)))
    assert len(made) == 3


def test_empty_bag_gives_an_empty_graph():
    with dask.config.set(scheduler="sync"):
        for npartitions in (1, 3):
            G = graph_from_bag(extract_bag(db.from_sequence([("a", ""), ("b", "")], npartitions=npartitions)))
            assert G.number_of_nodes() == G.number_of_edges() == 0


def test_bad_input_is_refused():
    bag = db.from_sequence(TEXTS, npartitions=2)
    with pytest.raises(TypeError, match="dask.bag.Bag"):
        extract_bag(TEXTS)
    with pytest.raises(TypeError, match="dask.bag.Bag"):
        graph_from_bag(TEXTS)
    with pytest.raises(ValueError, match="batch_size"):
        extract_bag(bag, batch_size=0)
    with pytest.raises(ValueError, match="window"):
        graph_from_bag(bag, window="page")
    with pytest.raises(ValueError, match="top_k"):
        graph_from_bag(bag, top_k=-1)
    with pytest.raises(ValueError, match="split_every"):
        graph_from_bag(bag, split_every=1)
    with dask.config.set(scheduler="sync"), pytest.raises(TypeError, match="Document"):
        graph_from_bag(bag)  # texts, not documents
