"""Fixtures shared by the tests of drawings and pages."""

import networkx as nx
import pytest

NASTY = "</script><b>شركة & «co»</b>"


@pytest.fixture
def nasty():
    """A name that would break a page or a drawing that did not escape it."""
    return NASTY


@pytest.fixture
def graph():
    G = nx.Graph()
    G.add_node("pers-1", label="PERS", name="إيلون ماسك", name_en="Elon Musk", count=5, docs=["d1"])
    G.add_node("pers-2", label="PERS", name="بوتين", name_en="Vladimir Putin", count=3, docs=["d1", "d2"])
    G.add_node("loc-1", label="LOC", name="موسكو", name_en=None, count=2, docs=["d1"])
    G.add_node("org-1", label="ORG", name=NASTY, name_en=None, count=1, docs=["d2"])
    evidence = [{"doc": "d1", "sentence": 0, "text": "التقى بوتين بإيلون ماسك في موسكو."}]
    G.add_edge("pers-1", "pers-2", weight=3, docs=["d1"], evidence=evidence, npmi=0.5, relations={"contact": 2})
    G.add_edge("pers-1", "loc-1", weight=1, docs=["d1"], evidence=evidence)
    G.add_edge("pers-2", "org-1", weight=1, docs=["d2"], evidence=[{"doc": "d2", "sentence": 1, "text": NASTY}])
    return G
