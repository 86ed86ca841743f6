import html
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import numpy as np
import pytest

import arabic_entities as ae
from arabic_entities.document import Document, Entity, Mention
from arabic_entities.graph import draw as viz

NASTY = "</script><b>شركة & «co»</b>"


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


def svg_texts(path):
    ns = {"svg": "http://www.w3.org/2000/svg"}
    return [el.text for el in ET.parse(path).getroot().iterfind(".//svg:text", ns)]


# --- PNG and SVG ---------------------------------------------------------------------------


def test_png_is_written_and_decodes(tmp_path, graph):
    import matplotlib.image

    path = viz.draw_graph(graph, tmp_path / "g.png", title="ماسك وبوتين")
    assert path == tmp_path / "g.png" and path.stat().st_size > 20_000
    pixels = matplotlib.image.imread(path)
    assert pixels.shape[0] > 500 and pixels.shape[1] > 500
    assert pixels[..., :3].std() > 0.05  # not a blank canvas


def test_svg_keeps_labels_as_arabic_text(tmp_path, graph):
    texts = svg_texts(viz.draw_graph(graph, tmp_path / "g.svg"))
    assert {"إيلون ماسك", "بوتين", "موسكو", NASTY} <= set(texts)  # logical order: the viewer shapes it
    assert "PERS  person" in texts and "LOC  place" in texts


def test_english_labels_fall_back_to_arabic(tmp_path, graph):
    texts = svg_texts(viz.draw_graph(graph, tmp_path / "g.svg", english=True))
    assert {"Elon Musk", "Vladimir Putin", "موسكو"} <= set(texts)
    assert "إيلون ماسك" not in texts


def test_max_nodes_keeps_the_most_mentioned(tmp_path, graph):
    texts = svg_texts(viz.draw_graph(graph, tmp_path / "g.svg", max_nodes=2))
    assert "إيلون ماسك" in texts and "بوتين" in texts and "موسكو" not in texts
    assert "2 most mentioned of 4 entities" in texts


def test_drawings_are_deterministic(tmp_path, graph):
    first = viz.draw_graph(graph, tmp_path / "a.svg", layout_seed=3).read_bytes()
    assert viz.draw_graph(graph, tmp_path / "b.svg", layout_seed=3).read_bytes() == first


def test_labels_are_shaped_when_matplotlib_cannot(tmp_path, graph, monkeypatch):
    # matplotlib < 3.11 draws glyphs one by one: labels must arrive joined and in visual order
    shaped = viz._shaped("ماسك")
    assert shaped == "\ufeda\ufeb3\ufe8e\ufee3"  # kaf, seen, alef, meem: presentation forms, reversed
    assert viz._shaped("Elon Musk 2") == "Elon Musk 2"
    calls = []
    monkeypatch.setattr(viz, "_needs_shaping", lambda: True)
    monkeypatch.setattr(viz, "_shaped", lambda text: calls.append(text) or text)
    viz.draw_graph(graph, tmp_path / "g.png", title="عنوان")
    assert set(calls) == {"إيلون ماسك", "بوتين", "موسكو", NASTY, "عنوان"}
    calls.clear()
    viz.draw_graph(graph, tmp_path / "g.svg")  # SVG text is shaped by its viewer
    assert calls == []


def test_empty_graph_and_bad_arguments(tmp_path):
    assert "no entities" in svg_texts(viz.draw_graph(nx.Graph(), tmp_path / "g.svg"))
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        viz.draw_graph(nx.Graph(), tmp_path / "g.jpg")
    with pytest.raises(ValueError, match="max_nodes"):
        viz.draw_graph(nx.Graph(), tmp_path / "g.png", max_nodes=0)


def test_missing_matplotlib_names_the_extra(tmp_path, graph, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"arabic_entities\[viz\]"):
        viz.draw_graph(graph, tmp_path / "g.png")
    assert viz.write_html(graph, tmp_path / "g.html").exists()  # HTML needs no extra


def test_write_graph_dispatches_drawings(tmp_path, graph):
    assert ae.write_graph(graph, tmp_path / "g.svg", english=True).exists()
    assert "Elon Musk" in ae.write_graph(graph, tmp_path / "g.html", english=True).read_text(encoding="utf-8")


# --- HTML ----------------------------------------------------------------------------------


def page_data(page):
    """The JSON the page's script draws."""
    return json.loads(re.search(r"const DATA = (.*);\n", page)[1])


def test_html_is_self_contained_and_holds_the_data(tmp_path, graph):
    page = viz.write_html(graph, tmp_path / "g.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    data = page_data(page)
    assert sorted(n["name"] for n in data["nodes"]) == sorted(d["name"] for _, d in graph.nodes(data=True))
    musk = next(n for n in data["nodes"] if n["id"] == "pers-1")
    assert musk["name_en"] == "Elon Musk" and musk["label"] == "PERS" and musk["count"] == 5
    assert musk["r"] == max(n["r"] for n in data["nodes"])
    edge = max(data["edges"], key=lambda e: e["weight"])
    assert edge["relations"] == {"contact": 2} and edge["npmi"] == 0.5
    assert edge["evidence"][0]["text"] == "التقى بوتين بإيلون ماسك في موسكو."
    assert edge["width"] == max(e["width"] for e in data["edges"])
    assert "إيلون ماسك" in page  # readable, not \u-escaped
    assert "PERS person" in page and "LOC place" in page  # the legend


def test_html_escapes_names_and_title(tmp_path, graph):
    page = viz.write_html(graph, tmp_path / "g.html", title="<i>ماسك</i> & __DATA__").read_text(encoding="utf-8")
    assert page.count("</script>") == page.count("<script>") == 1
    assert "<b>" not in page and "<i>" not in page
    assert "<title>&lt;i&gt;ماسك&lt;/i&gt; &amp; __DATA__</title>" in page
    data = page_data(page)
    assert NASTY in {n["name"] for n in data["nodes"]}
    assert NASTY in {e["evidence"][0]["text"] for e in data["edges"]}


def test_html_options(tmp_path, graph):
    data = page_data(viz.write_html(graph, tmp_path / "g.html", english=True, max_nodes=3).read_text(encoding="utf-8"))
    assert [n["text"] for n in data["nodes"]] == ["Elon Musk", "Vladimir Putin", "موسكو"]
    assert data["total"] == 4 and len(data["edges"]) == 2


def test_graph_html_is_an_iframe_of_the_page(tmp_path, graph):
    snippet = viz.graph_html(graph, english=True, height=400)
    assert snippet.startswith("<iframe") and "height:400px" in snippet
    srcdoc = re.search(r'srcdoc="([^"]*)"', snippet)[1]
    assert html.unescape(srcdoc) == viz.write_html(graph, tmp_path / "g.html", english=True).read_text(encoding="utf-8")


def find_chromium():
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


@pytest.mark.skipif(find_chromium() is None, reason="no chromium or chrome binary")
def test_html_renders_in_headless_chromium(tmp_path, graph):
    import matplotlib.image

    page = viz.write_html(graph, tmp_path / "g.html")
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            find_chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1000,700",
            "--virtual-time-budget=5000",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pixels = matplotlib.image.imread(shot)[..., :3]
    assert pixels.shape[:2] == (700, 1000) and pixels.std() > 0.02
    # the script ran: nodes are drawn in the PERS and LOC colours
    for color in (viz.LABEL_COLORS["PERS"], viz.LABEL_COLORS["LOC"]):
        rgb = np.array([int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)])
        assert (np.abs(pixels - rgb).max(axis=-1) < 0.03).sum() > 50


# --- documents -----------------------------------------------------------------------------


def marks(page):
    """``(text, label)`` of each ``<mark>``, zero-width joiners removed."""
    found = re.findall(r"<mark[^>]*>(.*?)<span[^>]*>([A-Z]+)</span></mark>", page)
    return [(html.unescape(text).replace("\u200d", ""), label) for text, label in found]


def test_repr_html_marks_every_mention():
    doc = ae.extract("التقى الرئيس الروسي فلاديمير بوتين بإيلون ماسك في موسكو. وقال ماسك إن بوتين ودود.")
    page = doc._repr_html_()
    assert len(doc.mentions) >= 3
    assert marks(page) == [(m.text, m.label) for m in doc.mentions]
    assert page.startswith('<div dir="rtl" lang="ar"')
    assert f'title="{doc.entity(doc.mentions[0].entity_id).name}' in page


def test_marks_inside_a_word_keep_letters_joined():
    text = "قال لترامب وبوتين"
    mentions = [
        Mention("ترامب", 5, 10, "PERS", 0, "p1", token_start=1, token_end=2),
        Mention("بوتين", 12, 17, "PERS", 0, "p2", token_start=2, token_end=3),
    ]
    page = viz.document_html(Document("d", text, mentions=mentions))
    assert "ل\u200d<mark" in page and ">\u200dترامب" in page  # ل|ترامب: lam joins the next letter
    assert "\u200dبوتين" not in page  # و|بوتين: waw never joins the next letter
    assert marks(page) == [("ترامب", "PERS"), ("بوتين", "PERS")]
    vowelled = viz.document_html(
        Document("d", "لَترامب", mentions=[Mention("ترامب", 2, 7, "PERS", 0, "p1", token_start=0, token_end=1)])
    )
    assert "لَ\u200d<mark" in vowelled  # a short vowel on the lam does not break the join


def test_document_html_escapes_text_and_keeps_lines():
    text = "قال <ماسك> & بوتين\nفي موسكو"
    spans = [("<ماسك>", "PERS", "p1"), ("بوتين", "PERS", "p2"), ("بوتين\nفي", "MISC", "m1"), ("موسكو", "LOC", "l1")]
    mentions = [
        Mention(t, text.index(t), text.index(t) + len(t), label, 0, eid, token_start=0, token_end=1)
        for t, label, eid in spans
    ]  # no tokens: only offsets are drawn
    doc = Document("d", text, mentions=mentions, entities=[Entity("p1", "PERS", "ماسك", (), 1, name_en="Elon Musk")])
    page = viz.document_html(doc)
    assert "<ماسك>" not in page and "&lt;ماسك&gt;" in page and "&amp;" in page
    assert "<br>" in page
    assert 'title="ماسك · Elon Musk"' in page
    # the MISC span overlaps بوتين, so it is left unmarked
    assert marks(page) == [("<ماسك>", "PERS"), ("بوتين", "PERS"), ("موسكو", "LOC")]
    assert viz.document_html(Document("empty", "")).endswith('"></div>')
