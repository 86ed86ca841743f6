import json
import re
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from arabic_entities.cli import main

TEXT = "التقى الرئيس الروسي فلاديمير بوتين بإيلون ماسك في موسكو. وقال ماسك إن بوتين ودود."


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("زار ماسك واشنطن.", encoding="utf-8")
    return tmp_path


def test_graph_writes_a_file_and_prints_tables(folder, capsys):
    out = folder / "g.gexf"
    assert main(["graph", str(folder / "in"), "-o", str(out)]) == 0
    G = nx.read_gexf(out)
    assert G.number_of_nodes() >= 3
    printed = capsys.readouterr().out
    assert "ماسك" in printed and "weight" in printed


@pytest.mark.parametrize("suffix", [".png", ".svg", ".html"])
def test_graph_draws_pictures_with_english_labels(folder, capsys, suffix):
    out = folder / f"g{suffix}"
    assert main(["graph", str(folder / "in"), "-o", str(out), "--english"]) == 0
    assert out.stat().st_size > 2000 and f"wrote {out}" in capsys.readouterr().out
    if suffix == ".svg":
        texts = [el.text for el in ET.parse(out).iter("{http://www.w3.org/2000/svg}text")]
        assert "Vladimir Putin" in texts and "Moscow" in texts
    elif suffix == ".html":
        data = json.loads(re.search(r"const DATA = (.*);\n", out.read_text(encoding="utf-8"))[1])
        assert {"Vladimir Putin", "Moscow"} <= {node["text"] for node in data["nodes"]}


def test_drawing_without_the_viz_extra_fails_early_in_one_line(folder, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setattr("arabic_entities.pipeline.extract_many", lambda *a, **k: pytest.fail("extracted"))
    assert main(["graph", str(folder / "in"), "-o", str(folder / "g.png")]) == 2
    err = capsys.readouterr().err
    assert "arabic_entities[viz]" in err and err.count("\n") == 1
    assert not (folder / "g.png").exists()


def test_extract_prints_json_lines(folder, capsys):
    assert main(["extract", str(folder / "in" / "a.txt")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(TEXT[r["start"]:r["end"]] == r["text"] for r in records)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt"], "no such file"),
        (["graph", "{in}", "-o", "{tmp}/g.xyz"], "unknown graph format"),
        (["graph", "{in}", "-o", "{tmp}/g.gexf", "--english"], "--english labels drawings only"),
    ],
)
def test_errors_exit_non_zero_with_one_line(folder, capsys, args, message):
    args = [a.format(**{"in": folder / "in", "tmp": folder}) for a in args]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_undecodable_file_names_the_file(folder, capsys):
    bad = folder / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert main(["extract", str(bad)]) == 2
    assert "bad.txt" in capsys.readouterr().err
