import json

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


def test_extract_prints_json_lines(folder, capsys):
    assert main(["extract", str(folder / "in" / "a.txt")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(TEXT[r["start"]:r["end"]] == r["text"] for r in records)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt"], "no such file"),
        (["graph", "{in}", "-o", "{tmp}/g.png"], "unknown graph format"),
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
