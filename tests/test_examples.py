"""The examples a newcomer runs first: the scripts in examples/ and scripts/, and the quickstart notebook."""

import ast
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NOTEBOOK = EXAMPLES / "quickstart.ipynb"
ARTICLES = [
    {"id": "a1", "date": "2024-10-25", "text": "التقى الرئيس الروسي فلاديمير بوتين بإيلون ماسك في موسكو."},
    {"id": "a2", "date": "2024-10-26", "text": "وقال ماسك إن بوتين ودود. وزار ماسك واشنطن."},
]


def script(path: Path):
    """The module of an example script, imported from its file."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "path",
    [
        *EXAMPLES.glob("*.py"),
        ROOT / "scripts" / "make_readme_picture.py",
        ROOT / "scripts" / "make_timeline_picture.py",
    ],
    ids=lambda p: p.name,
)
def test_every_script_shows_its_command(path):
    doc = script(path).__doc__
    assert f"python {path.relative_to(ROOT)}" in doc


def test_graph_from_folder(tmp_path, capsys):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for i, article in enumerate(ARTICLES):
        (tmp_path / "in" / ("sub" if i else ".") / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
    out = tmp_path / "out"
    assert script(EXAMPLES / "graph_from_folder.py").main([str(tmp_path / "in"), "--out", str(out)]) == 0
    G = nx.read_gexf(out / "graph.gexf")
    assert "Elon Musk" in {d.get("name_en") for _, d in G.nodes(data=True)}
    assert json.loads(G.nodes[next(iter(G))]["docs"])
    assert (out / "graph.html").stat().st_size > 1000 and (out / "graph.csv").read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    assert "most mentioned:" in printed and "إيلون ماسك (Elon Musk)" in printed and "strongest pairs" in printed


@pytest.fixture(params=["jsonl", "csv"])
def articles(request, tmp_path):
    path = tmp_path / f"articles.{request.param}"
    if request.param == "jsonl":
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    else:
        pd.DataFrame(ARTICLES).to_csv(path, index=False)
    return path


def test_articles_table(articles, tmp_path, capsys):
    out = tmp_path / "out"
    assert script(EXAMPLES / "articles_table.py").main([str(articles), "--out", str(out)]) == 0
    table = pd.read_csv(out / "mentions.csv", dtype={"id": str, "date": str})
    texts = {a["id"]: a["text"] for a in ARTICLES}
    assert set(table["id"]) == set(texts)
    assert all(texts[r.id][r.start : r.end] == r.text for r in table.itertuples())
    assert dict(zip(table["id"], table["date"], strict=True)) == {a["id"]: a["date"] for a in ARTICLES}
    musk = table[table["name_en"] == "Elon Musk"]
    assert set(musk["id"]) == {"a1", "a2"} and musk["entity_id"].nunique() == 1
    G = nx.read_gexf(out / "graph.gexf")
    assert musk["entity_id"].iloc[0] in G
    assert G.nodes[musk["entity_id"].iloc[0]]["mentions"] == [(3, "2024-10-01", "2024-10-31")]  # by month
    months = pd.read_csv(out / "entities_by_month.csv")
    assert months[months["name_en"] == "Elon Musk"][["period", "mentions"]].values.tolist() == [["2024-10", 3]]
    assert "2 articles (0 undated)" in capsys.readouterr().out


def test_articles_table_writes_parquet_with_pyarrow(articles, tmp_path):
    pytest.importorskip("pyarrow")
    script(EXAMPLES / "articles_table.py").main([str(articles), "--out", str(tmp_path / "out")])
    parquet = pd.read_parquet(tmp_path / "out" / "mentions.parquet")
    assert parquet.equals(
        pd.read_csv(tmp_path / "out" / "mentions.csv", dtype={"id": "str", "date": "str"}).astype(
            parquet.dtypes.to_dict()
        )
    )


def test_articles_table_says_when_pyarrow_is_missing(articles, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "fastparquet", None)
    script(EXAMPLES / "articles_table.py").main([str(articles), "--out", str(tmp_path / "out")])
    assert "pyarrow is not installed" in capsys.readouterr().out
    assert not (tmp_path / "out" / "mentions.parquet").exists()


@pytest.mark.parametrize(
    "article, error",
    [
        ({"id": "x", "date": "2024-10-25"}, "a.jsonl:1: no 'text' field"),
        ({"text": "ماسك", "date": "25/10"}, "not an ISO"),
    ],
)
def test_articles_table_rejects_articles_without_text_or_with_a_bad_date(tmp_path, article, error):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(article), encoding="utf-8")
    with pytest.raises(SystemExit, match=error):
        script(EXAMPLES / "articles_table.py").main([str(path), "--out", str(tmp_path)])


def test_readme_picture(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    out = tmp_path / "seeds.png"
    assert script(ROOT / "scripts" / "make_readme_picture.py").main(["--out", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
    assert "25 of" in capsys.readouterr().out


@pytest.mark.skipif(not (ROOT.parent / "shared" / "data" / "dated").is_dir(), reason="no dated news here")
def test_timeline_picture(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    out = tmp_path / "timeline.png"
    assert script(ROOT / "scripts" / "make_timeline_picture.py").main(["--out", str(out), "--every", "25"]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
    assert "5 people, 396 dated articles" in capsys.readouterr().out


# --- the quickstart notebook ----------------------------------------------------------------


def test_the_committed_notebook_has_no_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    assert code and all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    """A kernel named python3 that runs this very interpreter (JUPYTER_PATH comes before user kernels)."""
    pytest.importorskip("ipykernel")
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "test", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where the notebook's temporary output folder goes
    return "python3"


def outputs(cell) -> str:
    """Everything a cell printed or displayed, as text."""
    parts = []
    for output in cell.outputs:
        parts.append(output.get("text", ""))
        parts.extend(str(value) for value in output.get("data", {}).values())
    return "\n".join(parts)


def test_the_quickstart_notebook_runs(kernel, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    before = set(EXAMPLES.iterdir())
    started = time.perf_counter()
    nbclient.NotebookClient(
        nb, timeout=120, kernel_name=kernel, resources={"metadata": {"path": str(EXAMPLES)}}
    ).execute()
    assert time.perf_counter() - started < 30
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert not [o for cell in code for o in cell.outputs if o.get("name") == "stderr"]  # no warnings either
    shown = [outputs(cell) for cell in code]
    assert "<mark" in shown[1]  # the highlighted document
    assert "Elon Musk" in shown[2] and "Vladimir Putin" in shown[2]  # entities with English names
    assert any(t in shown[3] for t in ("contact", "support", "conflict", "affiliation", "located_in"))
    assert "<iframe" in shown[5] and "image/png" in str(code[6].outputs[0]["data"])
    written = json.loads(code[7].outputs[0]["data"]["text/plain"].replace("'", '"'))
    assert set(written) == {"seeds.gexf", "seeds.html"}
    assert set(EXAMPLES.iterdir()) == before  # the notebook writes into a temporary folder


# --- the news-over-time notebook ------------------------------------------------------------

OVER_TIME = EXAMPLES / "over_time.ipynb"
DATED = ROOT.parent / "shared" / "data" / "dated" / "antcorpus.jsonl.gz"


def test_the_over_time_notebook_is_committed_without_outputs():
    nb = json.loads(OVER_TIME.read_text(encoding="utf-8"))
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    assert code and all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


@pytest.mark.skipif(not DATED.is_file(), reason="the dated news of ../shared/data/dated are not here")
def test_the_over_time_notebook_runs(kernel, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("OVER_TIME_EVERY", "5")  # one article in five: the same months, a fifth of the time
    nb = nbformat.read(OVER_TIME, as_version=4)
    before = set(EXAMPLES.iterdir())
    nbclient.NotebookClient(
        nb, timeout=600, kernel_name=kernel, resources={"metadata": {"path": str(EXAMPLES)}}
    ).execute()
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
    shown = [outputs(cell) for cell in code]
    assert re.search(r"^\d{4} articles, 2013-10 to 2017-06", shown[0], re.M)
    assert "2017-06" in shown[1] and "image/png" in str(code[1].outputs[-1]["data"])  # entity timeline, chart
    assert " — " in shown[2] and "co_mentions" in shown[2] and re.search(r"[\u0600-\u06ff]{3}", shown[2])  # evidence
    assert "change" in shown[3] and "before" in shown[3]  # risers and fallers
    written = ast.literal_eval(code[4].outputs[0]["data"]["text/plain"])
    assert set(written) == {
        "2017-03.gexf",
        "entities_by_month.csv",
        "links_by_month.csv",
        "news_by_month.gexf",
        "news_by_month.html",
        "people.png",
    }
    assert set(EXAMPLES.iterdir()) == before
