import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from arabic_entities.graph import draw as viz
from arabic_entities.graph.html import write_html


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


def test_svg_keeps_labels_as_arabic_text(tmp_path, graph, nasty):
    texts = svg_texts(viz.draw_graph(graph, tmp_path / "g.svg"))
    assert {"إيلون ماسك", "بوتين", "موسكو", nasty} <= set(texts)  # logical order: the viewer shapes it
    assert "PERS  person" in texts and "LOC  place" in texts


def test_english_labels_fall_back_to_arabic(tmp_path, graph):
    texts = svg_texts(viz.draw_graph(graph, tmp_path / "g.svg", english=True))
    assert {"Elon Musk", "Vladimir Putin", "موسكو"} <= set(texts)
    assert "إيلون ماسك" not in texts


def test_max_nodes_keeps_the_most_mentioned(tmp_path, graph):
    texts = svg_texts(viz.draw_graph(graph, tmp_path / "g.svg", max_nodes=2))
    assert "إيلون ماسك" in texts and "بوتين" in texts and "موسكو" not in texts
    assert "2 most mentioned of 4 entities (max_nodes=2)" in texts


def test_labels_never_overlap_labels_or_nodes():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1), ax.set_ylim(0, 1)
    pos = {i: ((i % 6) / 6 + 0.05, (i // 6) / 6 + 0.05) for i in range(36)}  # a crowded grid
    areas = {i: 60 + 10 * i for i in pos}
    labels = {i: f"اسم طويل جدا {i}" for i in pos}
    hidden = viz._place_labels(fig, ax, pos, areas, labels, [])
    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [text.get_window_extent(renderer) for text in ax.texts]
    assert 0 < hidden < len(pos) and len(boxes) == len(pos) - hidden
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert labels[35] in {text.get_text() for text in ax.texts}  # the biggest node keeps its label


def test_a_crowded_drawing_says_how_many_labels_it_left_out(tmp_path):
    G = nx.complete_graph([f"n{i}" for i in range(40)])
    for i, n in enumerate(G):
        G.nodes[n].update(label="PERS", name=f"شخص باسم طويل {i}", count=i + 1)
    texts = svg_texts(viz.draw_graph(G, tmp_path / "g.svg", figsize=(5, 4)))
    notes = [t for t in texts if t and "labels left out" in t]
    assert len(notes) == 1
    shown = sum(1 for t in texts if t and t.startswith("شخص"))
    assert shown + int(notes[0].split()[0]) == 40


def test_drawings_are_deterministic(tmp_path, graph):
    first = viz.draw_graph(graph, tmp_path / "a.svg", layout_seed=3).read_bytes()
    assert viz.draw_graph(graph, tmp_path / "b.svg", layout_seed=3).read_bytes() == first


def test_labels_are_shaped_when_matplotlib_cannot(tmp_path, graph, nasty, monkeypatch):
    # matplotlib < 3.11 draws glyphs one by one: labels must arrive joined and in visual order
    shaped = viz._shaped("ماسك")
    assert shaped == "\ufeda\ufeb3\ufe8e\ufee3"  # kaf, seen, alef, meem: presentation forms, reversed
    assert viz._shaped("Elon Musk 2") == "Elon Musk 2"
    calls = []
    monkeypatch.setattr(viz, "_needs_shaping", lambda: True)
    monkeypatch.setattr(viz, "_shaped", lambda text: calls.append(text) or text)
    viz.draw_graph(graph, tmp_path / "g.png", title="عنوان")
    assert set(calls) == {"إيلون ماسك", "بوتين", "موسكو", nasty, "عنوان"}
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
    assert write_html(graph, tmp_path / "g.html").exists()  # HTML needs no extra
