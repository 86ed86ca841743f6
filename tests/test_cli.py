import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import arabic_entities as ae
from arabic_entities.cli import COLUMNS, main

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
    monkeypatch.setattr("arabic_entities.cli.load", lambda *a, **k: pytest.fail("extracted"))
    assert main(["graph", str(folder / "in"), "-o", str(folder / "g.png")]) == 2
    err = capsys.readouterr().err
    assert "arabic_entities[viz]" in err and err.count("\n") == 1
    assert not (folder / "g.png").exists()


def test_extract_prints_json_lines(folder, capsys):
    assert main(["extract", str(folder / "in" / "a.txt")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(TEXT[r["start"] : r["end"]] == r["text"] for r in records)


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


# --- inputs ---------------------------------------------------------------------------------


def mentions(capsys):
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_folders_are_searched_recursively_and_ids_are_paths(folder, capsys):
    (folder / "in" / "sub").mkdir()
    (folder / "in" / "sub" / "c.txt").write_text("زار بوتين موسكو.", encoding="utf-8")
    (folder / "in" / "notes.md").write_text("ماسك", encoding="utf-8")
    assert main(["extract", str(folder / "in")]) == 0
    docs = {r["doc"] for r in mentions(capsys)}
    assert docs == {str(folder / "in" / name) for name in ("a.txt", "b.txt", "sub/c.txt")}


def test_globs_are_expanded(folder, capsys):
    assert main(["extract", str(folder / "in" / "[a]*.txt")]) == 0
    assert {r["doc"] for r in mentions(capsys)} == {str(folder / "in" / "a.txt")}
    assert main(["extract", str(folder / "**" / "*.txt")]) == 0
    assert len({r["doc"] for r in mentions(capsys)}) == 2


def test_stdin_is_one_document(monkeypatch, capsys):
    stdin(monkeypatch, TEXT.encode("utf-8"))
    assert main(["extract", "-"]) == 0
    records = mentions(capsys)
    assert {r["doc"] for r in records} == {"stdin"}
    assert all(TEXT[r["start"] : r["end"]] == r["text"] for r in records)


def test_jsonl_records_keep_their_ids(folder, capsys):
    lines = [{"id": 7, "body": TEXT}, {"body": "زار ماسك واشنطن."}]
    path = folder / "news.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n\n", encoding="utf-8")
    assert main(["extract", str(path), "--text-field", "body"]) == 0
    records = mentions(capsys)
    assert {r["doc"] for r in records} == {"7", f"{path}:2"}
    assert all(TEXT[r["start"] : r["end"]] == r["text"] for r in records if r["doc"] == "7")


def test_jsonl_id_field_is_configurable(folder, capsys):
    path = folder / "news.jsonl"
    path.write_text(json.dumps({"url": "u1", "text": TEXT}, ensure_ascii=False), encoding="utf-8")
    assert main(["extract", str(path), "--id-field", "url"]) == 0
    assert {r["doc"] for r in mentions(capsys)} == {"u1"}


def test_dates_come_from_a_field_of_jsonl_and_csv_records(folder, capsys):
    path = folder / "news.jsonl"
    rows = [{"id": "a", "date": "2017-03-07T09:00:00+01:00", "text": TEXT}, {"id": "b", "text": "زار ماسك واشنطن."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    table = folder / "news.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "published", "text"], ["c", "2016-11-02", "زار ماسك واشنطن."]])
    assert main(["extract", str(path), "--date-field", "date"]) == 0
    assert {(r["doc"], r["date"]) for r in mentions(capsys)} == {("a", "2017-03-07T09:00:00+01:00"), ("b", None)}
    assert main(["extract", str(table), "--date-field", "published"]) == 0
    assert {(r["doc"], r["date"]) for r in mentions(capsys)} == {("c", "2016-11-02")}
    assert main(["extract", str(path)]) == 0
    assert {r["date"] for r in mentions(capsys)} == {None}


def test_graph_by_period_writes_a_dynamic_gexf(folder, capsys):
    path = folder / "news.jsonl"
    rows = [{"id": "a", "date": "2017-01-05", "text": TEXT}, {"id": "b", "date": "2017-03-02", "text": TEXT}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = folder / "g.gexf"
    assert main(["graph", str(path), "--date-field", "date", "--period", "month", "-o", str(out)]) == 0
    G = nx.read_gexf(out)
    putin = next(d for _, d in G.nodes(data=True) if d["name"] == "فلاديمير بوتين")
    assert [spell[1:] for spell in putin["mentions"]] == [("2017-01-01", "2017-01-31"), ("2017-03-01", "2017-03-31")]
    assert (putin["start"], putin["end"]) == ("2017-01-05", "2017-03-02")


# --- extract --------------------------------------------------------------------------------


def test_extract_columns_name_entities_in_arabic_and_english(folder, capsys):
    assert main(["extract", str(folder / "in" / "a.txt")]) == 0
    records = mentions(capsys)
    assert list(records[0]) == list(COLUMNS)
    putin = next(r for r in records if r["text"] == "فلاديمير بوتين")
    assert putin["label"] == "PERS" and putin["name_en"] == "Vladimir Putin" and putin["entity"]


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_extract_delimited_formats(folder, capsys, fmt):
    assert main(["extract", str(folder / "in"), "--format", fmt]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out), delimiter="\t" if fmt == "tsv" else ","))
    assert rows and list(rows[0]) == list(COLUMNS)
    assert all(TEXT[int(r["start"]) : int(r["end"])] == r["text"] for r in rows if r["doc"].endswith("a.txt"))


def test_extract_table_is_aligned(folder, capsys):
    assert main(["extract", str(folder / "in" / "a.txt"), "--format", "table"]) == 0
    header, *lines = capsys.readouterr().out.splitlines()
    assert header.split() == list(COLUMNS) and lines
    assert all(line.index(str(folder)) == 0 for line in lines)
    assert len({line.index(" PERS ") if " PERS " in line else None for line in lines} - {None}) == 1


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("m.csv", lambda text: text.startswith("doc,date,start,end")),
        ("m.tsv", lambda text: text.startswith("doc\tdate\tstart\tend")),
        ("m.jsonl", lambda text: json.loads(text.splitlines()[0])["doc"]),
        ("m.txt", lambda text: text.split()[:4] == ["doc", "date", "start", "end"]),
    ],
)
def test_extract_output_format_follows_the_suffix(folder, capsys, name, check):
    out = folder / name
    assert main(["extract", str(folder / "in"), "-o", str(out)]) == 0
    assert capsys.readouterr().out == "" and check(out.read_text(encoding="utf-8"))
    assert not list(folder.glob("*.part"))


def test_extract_format_overrides_the_suffix(folder):
    out = folder / "mentions.out"
    assert main(["extract", str(folder / "in"), "-o", str(out), "--format", "csv"]) == 0
    assert out.read_text(encoding="utf-8").startswith("doc,date,start,end")


def test_a_failed_extract_leaves_no_output_file(folder, capsys):
    bad = folder / "bad.jsonl"
    bad.write_text(json.dumps({"text": TEXT}, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    out = folder / "m.csv"
    assert main(["extract", str(bad), "-o", str(out)]) == 2
    assert "bad.jsonl:2" in capsys.readouterr().err
    assert not out.exists() and not list(folder.glob("*.part"))


def test_extract_with_the_crf_recognizer(folder, capsys):
    assert main(["extract", str(folder / "in" / "a.txt"), "--recognizer", "crf"]) == 0
    assert any(r["text"] == "موسكو" for r in mentions(capsys))


# --- graph ----------------------------------------------------------------------------------


def test_graph_writes_several_formats_at_once(folder, capsys):
    outs = [folder / f"g{suffix}" for suffix in (".gexf", ".graphml", ".json", ".csv")]
    assert main(["graph", str(folder / "in"), *(f"-o{out}" for out in outs)]) == 0
    printed = capsys.readouterr().out
    assert all(f"wrote {out}" in printed for out in outs)
    assert nx.read_graphml(outs[1]).number_of_nodes() == nx.read_gexf(outs[0]).number_of_nodes() >= 3
    assert json.loads(outs[2].read_text(encoding="utf-8"))["nodes"]
    assert outs[3].read_text(encoding="utf-8").startswith("source,target")
    assert "(Vladimir Putin)" in printed


def test_english_goes_only_to_the_drawings(folder):
    assert (
        main(["graph", str(folder / "in"), "-o", str(folder / "g.html"), "-o", str(folder / "g.gexf"), "--english"])
        == 0
    )
    assert "Vladimir Putin" in (folder / "g.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "options",
    [
        {"window": "document"},
        {"window": "paragraph"},
        {"window": 3},
        {"min_weight": 2},
        {"labels": ("PERS", "LOC")},
    ],
)
def test_graph_options_pass_through(folder, options):
    out = folder / "g.json"
    flags = [
        f"--{key.replace('_', '-')}={','.join(value) if isinstance(value, tuple) else value}"
        for key, value in options.items()
    ]
    assert main(["graph", str(folder / "in"), "-o", str(out), *flags]) == 0
    written = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    files = sorted((folder / "in").glob("*.txt"))
    docs = [ae.extract(path.read_text(encoding="utf-8"), doc_id=str(path)) for path in files]
    expected = ae.cooccurrence_graph(docs, **options)
    assert sorted(written.nodes) == sorted(expected.nodes)
    assert sorted(written.edges(data="weight")) == sorted(expected.edges(data="weight"))


# --- progress, help, recognizers ------------------------------------------------------------


def many(folder, n):
    for i in range(n):
        (folder / "in" / f"n{i:02d}.txt").write_text("زار ماسك واشنطن.", encoding="utf-8")
    return folder / "in"


def test_progress_bar_on_request(folder, capsys):
    assert main(["extract", str(folder / "in"), "--progress"]) == 0
    assert "2/2" in capsys.readouterr().err


@pytest.mark.parametrize(("n", "tty", "shown"), [(21, True, True), (21, False, False), (3, True, False)])
def test_progress_bar_by_default_for_many_documents_on_a_terminal(folder, capsys, monkeypatch, n, tty, shown):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: tty)
    assert main(["extract", str(many(folder, n - 2))]) == 0
    assert (f"{n}/{n}" in capsys.readouterr().err) == shown


def test_no_progress_wins(folder, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["extract", str(many(folder, 30)), "--no-progress"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("command", [[], ["extract"], ["graph"], ["evaluate"]])
def test_help_shows_examples(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"arabic-entities {command[0] if command else 'graph'} " in out


# --- evaluate -------------------------------------------------------------------------------


def test_evaluate_prints_scores_per_type(folder, capsys):
    conll = folder / "gold.conll"
    conll.write_text(
        "قال\tO\nإيلون\tB-PERS\nماسك\tI-PERS\nفي\tO\nموسكو\tB-LOC\n\nزار\tO\nبوتين\tB-PERS\n", encoding="utf-8"
    )
    assert main(["evaluate", "--conll", str(conll)]) == 0
    out = capsys.readouterr().out
    assert "2 sentences, 7 tokens" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:]}
    assert set(rows) == {"LOC", "PERS", "micro"} and rows["micro"][3:] == ["3", "3"]


# --- errors: exit status 2 and one line on stderr -------------------------------------------


def write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


ERRORS = {
    "missing file": (lambda f: ["extract", str(f / "missing.txt")], "no such file or folder"),
    "glob without match": (lambda f: ["extract", str(f / "*.nothing")], "no file matches"),
    "empty folder": (lambda f: ["extract", str((f / "empty").mkdir() or f / "empty")], "holds no .txt files"),
    "undecodable text": (lambda f: ["extract", "{in}", write(f / "b.txt", b"ok \xff")], "b.txt: not UTF-8"),
    "undecodable jsonl": (lambda f: ["extract", write(f / "b.jsonl", b'{"text": "\xff"}\n')], "b.jsonl:1: not UTF-8"),
    "bad jsonl line": (
        lambda f: ["graph", write(f / "b.jsonl", b'{"text": "a"}\n{"text": \n'), "-o", "g.gexf"],
        "b.jsonl:2: bad JSON line",
    ),
    "jsonl not an object": (
        lambda f: ["extract", write(f / "b.jsonl", b'["a"]\n')],
        "b.jsonl:1: expected a JSON object",
    ),
    "missing text field": (
        lambda f: ["extract", write(f / "b.jsonl", b'{"body": "a"}\n')],
        "b.jsonl:1: no 'text' field",
    ),
    "text not a string": (lambda f: ["extract", write(f / "b.jsonl", b'{"text": 5}\n')], "field 'text' is int"),
    "empty jsonl": (lambda f: ["extract", write(f / "b.jsonl", b"\n\n")], "empty input"),
    "bad date": (
        lambda f: ["extract", write(f / "b.jsonl", b'{"text": "a", "date": "7/3/2017"}\n'), "--date-field", "date"],
        "b.jsonl:1: field 'date': not an ISO 8601 date",
    ),
    "bad period": (lambda f: ["graph", "{in}", "-o", "g.gexf", "--period", "decade"], "argument --period"),
    "blank files": (lambda f: ["extract", write(f / "a.txt", b" \n"), write(f / "b.txt", b"")], "empty input"),
    "unknown extract suffix": (lambda f: ["extract", "{in}", "-o", str(f / "m.xyz")], "unknown output suffix"),
    "unknown extract format": (lambda f: ["extract", "{in}", "--format", "xml"], "argument --format: invalid choice"),
    "unknown graph suffix": (lambda f: ["graph", "{in}", "-o", str(f / "g")], "unknown graph format"),
    "bad window": (lambda f: ["graph", "{in}", "-o", "g.gexf", "--window", "page"], "argument --window"),
    "bad labels": (lambda f: ["graph", "{in}", "-o", "g.gexf", "--labels", "PERS,PEOPLE"], "argument --labels"),
    "bad min weight": (lambda f: ["graph", "{in}", "-o", "g.gexf", "--min-weight", "x"], "argument --min-weight"),
    "no output": (lambda f: ["graph", "{in}"], "required: -o/--output"),
    "no command": (lambda f: [], "required: command"),
    "unknown recognizer": (lambda f: ["extract", "{in}", "--recognizer", "nope"], "unknown recognizer 'nope'"),
    "missing model file": (lambda f: ["extract", "{in}", "--recognizer", str(f / "m.npz")], "not found"),
    "unwritable output": (lambda f: ["graph", "{in}", "-o", str(f / "no" / "g.gexf")], "No such file or directory"),
    "missing conll": (lambda f: ["evaluate", "--conll", str(f / "no.conll")], "no.conll: no such file"),
    "bad conll line": (
        lambda f: ["evaluate", "--conll", write(f / "b.conll", b"a\tB-PERS\nb\n")],
        "b.conll:2: expected 'token<TAB>tag'",
    ),
    "undecodable conll": (lambda f: ["evaluate", "--conll", write(f / "b.conll", b"\xff\tO\n")], "b.conll: not UTF-8"),
    "empty conll": (lambda f: ["evaluate", "--conll", write(f / "b.conll", b"\n")], "b.conll: empty input"),
    "evaluate bad recognizer": (
        lambda f: ["evaluate", "--conll", write(f / "g.conll", b"a\tO\n"), "--recognizer", "x.onnx"],
        "unknown recognizer",
    ),
}


@pytest.mark.parametrize("case", ERRORS)
def test_every_error_is_one_line_with_status_2(folder, capsys, monkeypatch, case):
    monkeypatch.chdir(folder)
    make_args, message = ERRORS[case]
    args = [arg.replace("{in}", str(folder / "in")) for arg in make_args(folder)]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert message in captured.err, captured.err
    assert captured.err.startswith("arabic-entities: error: ") and captured.err.count("\n") == 1
    assert captured.out == ""


@pytest.mark.parametrize(
    ("data", "message"), [(b"", "empty input"), (b"  \n", "empty input"), (b"\xff\xfe", "stdin: not UTF-8")]
)
def test_stdin_errors(monkeypatch, capsys, data, message):
    stdin(monkeypatch, data)
    assert main(["extract", "-"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
