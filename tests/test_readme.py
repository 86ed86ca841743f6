"""The README's Python block runs as written and shows names, not ids."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S)[1]


def test_readme_python_block_runs_and_prints_names(tmp_path, monkeypatch, capsys):
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(python_block(), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert (tmp_path / "graph.gexf").stat().st_size > 0
    assert "Elon Musk" in printed and "Relation(" in printed
    assert not re.search(r"\b(pers|org|loc)-[0-9a-f]{12}\b", printed)  # no ids a reader must look up
    lines = [line.split() for line in printed.splitlines()[:5]]
    counts = [int(words[-1]) for words in lines]
    assert counts == sorted(counts, reverse=True)  # the most mentioned entities first
