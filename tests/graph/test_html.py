import html
import json
import re
import shutil
import subprocess

import networkx as nx
import numpy as np
import pytest

import arabic_entities as ae
from arabic_entities.document import Document, Entity, Mention
from arabic_entities.graph import LABEL_COLORS
from arabic_entities.graph.html import document_html, graph_html, write_html


def test_write_graph_dispatches_drawings(tmp_path, graph):
    assert ae.write_graph(graph, tmp_path / "g.svg", english=True).exists()
    assert "Elon Musk" in ae.write_graph(graph, tmp_path / "g.html", english=True).read_text(encoding="utf-8")


# --- HTML ----------------------------------------------------------------------------------


def page_data(page):
    """The JSON the page's script draws."""
    return json.loads(re.search(r"const DATA = (.*);\n", page)[1])


def test_html_is_self_contained_and_holds_the_data(tmp_path, graph):
    page = write_html(graph, tmp_path / "g.html").read_text(encoding="utf-8")
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


def test_a_graph_with_periods_gets_a_period_slider(tmp_path, graph):
    page = write_html(graph, tmp_path / "plain.html").read_text(encoding="utf-8")
    assert 'id="period"' not in page
    graph.graph["period"] = "month"
    nx.set_node_attributes(graph, {"pers-1": {"2017-01": 2, "2017-03": 3}}, "periods")
    nx.set_edge_attributes(graph, {("pers-1", "pers-2"): {"2017-03": 3}}, "periods")
    page = write_html(graph, tmp_path / "timed.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r"const DATA = (.*);\n", page)[1])
    assert data["axis"] == ["2017-01", "2017-02", "2017-03"]
    assert 'id="period" type="range" min="0" max="3"' in page
    musk = next(node for node in data["nodes"] if node["id"] == "pers-1")
    assert musk["periods"] == {"2017-01": 2, "2017-03": 3}


def test_html_escapes_names_and_title(tmp_path, graph, nasty):
    page = write_html(graph, tmp_path / "g.html", title="<i>ماسك</i> & __DATA__").read_text(encoding="utf-8")
    assert page.count("</script>") == page.count("<script>") == 1
    assert "<b>" not in page and "<i>" not in page
    assert "<title>&lt;i&gt;ماسك&lt;/i&gt; &amp; __DATA__</title>" in page
    data = page_data(page)
    assert nasty in {n["name"] for n in data["nodes"]}
    assert nasty in {e["evidence"][0]["text"] for e in data["edges"]}


def test_html_options(tmp_path, graph):
    data = page_data(write_html(graph, tmp_path / "g.html", english=True, max_nodes=3).read_text(encoding="utf-8"))
    assert [n["text"] for n in data["nodes"]] == ["Elon Musk", "Vladimir Putin", "موسكو"]
    assert data["total"] == 4 and len(data["edges"]) == 2


def test_graph_html_is_an_iframe_of_the_page(tmp_path, graph):
    snippet = graph_html(graph, english=True, height=400)
    assert snippet.startswith("<iframe") and "height:400px" in snippet
    srcdoc = re.search(r'srcdoc="([^"]*)"', snippet)[1]
    assert html.unescape(srcdoc) == write_html(graph, tmp_path / "g.html", english=True).read_text(encoding="utf-8")


def find_chromium():
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


@pytest.mark.skipif(find_chromium() is None, reason="no chromium or chrome binary")
def test_html_renders_in_headless_chromium(tmp_path, graph):
    import matplotlib.image

    page = write_html(graph, tmp_path / "g.html")
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
    for color in (LABEL_COLORS["PERS"], LABEL_COLORS["LOC"]):
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
    page = document_html(Document("d", text, mentions=mentions))
    assert "ل\u200d<mark" in page and ">\u200dترامب" in page  # ل|ترامب: lam joins the next letter
    assert "\u200dبوتين" not in page  # و|بوتين: waw never joins the next letter
    assert marks(page) == [("ترامب", "PERS"), ("بوتين", "PERS")]
    vowelled = document_html(
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
    page = document_html(doc)
    assert "<ماسك>" not in page and "&lt;ماسك&gt;" in page and "&amp;" in page
    assert "<br>" in page
    assert 'title="ماسك · Elon Musk"' in page
    # the MISC span overlaps بوتين, so it is left unmarked
    assert marks(page) == [("<ماسك>", "PERS"), ("بوتين", "PERS"), ("موسكو", "LOC")]
    assert document_html(Document("empty", "")).endswith('"></div>')


@pytest.mark.skipif(find_chromium() is None, reason="no chromium or chrome binary")
def test_the_period_slider_hides_what_that_period_does_not_name(tmp_path, graph):
    graph.graph["period"] = "month"
    nx.set_node_attributes(graph, {"pers-1": {"2017-01": 2}, "pers-2": {"2017-01": 1, "2017-02": 2}}, "periods")
    nx.set_edge_attributes(graph, {("pers-1", "pers-2"): {"2017-01": 1}}, "periods")
    page = write_html(graph, tmp_path / "g.html")
    moved = 'slider.value = "2"; slider.dispatchEvent(new Event("input"));\n</script>'
    page.write_text(page.read_text(encoding="utf-8").replace("</script>", moved), encoding="utf-8")
    dom = subprocess.run(
        [
            find_chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    circles = re.findall(r"<circle[^>]*>", dom)
    assert len(circles) == 4 and sum("hidden" in circle for circle in circles) == 3  # February: Putin only
    assert re.search(r'<output id="period-name">2017-02</output>', dom)
