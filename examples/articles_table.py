"""A table of articles (JSONL or CSV with ``id``, ``date`` and ``text``) → a table of mentions and a graph.

    python examples/articles_table.py articles.jsonl --out out/

writes ``out/mentions.csv`` (one row per mention: the article's id and date, the
mention's offsets, text and type, its entity's id, Arabic and English name),
``out/mentions.parquet`` when pyarrow is installed (it says so when it is not) and
``out/graph.gexf``, the co-mention graph of all the articles. Needs pandas
(``pip install 'arabic_entities[dataframe]'``).
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

import arabic_entities as ae

FIELDS = ("id", "date", "text")


def read_articles(path: Path) -> list[dict[str, str]]:
    """The ``id``, ``date`` and ``text`` of each article of a ``.jsonl`` or ``.csv`` file."""
    with path.open(encoding="utf-8", newline="") as f:
        if path.suffix == ".jsonl":
            rows = [json.loads(line) for line in f if line.strip()]
        elif path.suffix == ".csv":
            rows = list(csv.DictReader(f))
        else:
            raise SystemExit(f"{path}: expected a .jsonl or .csv file")
    for number, row in enumerate(rows, 1):
        missing = [field for field in FIELDS if field not in row]
        if missing:
            raise SystemExit(f"{path}: article {number} lacks {', '.join(missing)}")
    return [{field: str(row[field]) for field in FIELDS} for row in rows]


def mentions_table(docs: Sequence[ae.Document], dates: dict[str, str]) -> pd.DataFrame:
    """One row per mention, with its article's date and its entity's English name."""
    frames = []
    for doc in docs:
        frame = doc.to_dataframe().rename(columns={"doc_id": "id"})
        frame.insert(1, "date", dates[doc.id])
        frame["name_en"] = frame["entity_id"].map({e.id: e.name_en for e in doc.entities})
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def write_parquet(table: pd.DataFrame, path: Path) -> None:
    try:
        table.to_parquet(path, index=False)
    except ImportError:
        print(f"pyarrow is not installed: no {path.name} (pip install pyarrow)")
    else:
        print("wrote", path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help=".jsonl or .csv file with id, date and text")
    parser.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    args = parser.parse_args(argv)

    articles = read_articles(args.articles)
    # linked across articles first, so that entity ids agree between the table and the graph
    docs = ae.link_entities(ae.extract_many((a["id"], a["text"]) for a in articles))
    table = mentions_table(docs, {a["id"]: a["date"] for a in articles})
    G = ae.cooccurrence_graph(docs, link=False)

    args.out.mkdir(parents=True, exist_ok=True)
    table.to_csv(args.out / "mentions.csv", index=False)
    print("wrote", args.out / "mentions.csv")
    write_parquet(table, args.out / "mentions.parquet")
    print("wrote", ae.write_graph(G, args.out / "graph.gexf"))
    print(f"\n{len(articles)} articles, {len(table)} mentions, {G.number_of_nodes()} entities")
    for entity in ae.top_entities(G, 5, by="docs"):
        print(f"  in {entity.score} articles: {entity}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
