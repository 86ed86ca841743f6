"""A table of dated articles (JSONL, JSONL.gz or CSV with ``id``, ``date`` and ``text``) →
a table of mentions, a graph by month and the timelines of its entities.

    python examples/articles_table.py articles.jsonl --out out/

writes ``out/mentions.csv`` (one row per mention: the article's id and date, the
mention's offsets, text and type, its entity's id, Arabic and English name),
``out/mentions.parquet`` when pyarrow is installed (it says so when it is not),
``out/graph.gexf``, the co-mention graph of all the articles with their mentions per
month (a dynamic graph: Gephi's timeline plays it), and ``out/entities_by_month.csv``,
each entity's mentions month by month. Needs pandas
(``pip install 'arabic_entities[dataframe]'``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

import arabic_entities as ae


def mentions_table(docs: Sequence[ae.Document]) -> pd.DataFrame:
    """One row per mention, with its article's id and date and its entity's English name."""
    frames = []
    for doc in docs:
        frame = doc.to_dataframe().rename(columns={"doc_id": "id"})
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
    parser.add_argument("articles", type=Path, help=".jsonl, .jsonl.gz or .csv file with id, date and text")
    parser.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    parser.add_argument("--period", default="month", choices=["day", "week", "month", "year"])
    args = parser.parse_args(argv)

    try:  # (id, text, date) of each article; a bad or missing field stops here, naming its line
        records = list(ae.read_texts(args.articles, date_field="date"))
    except ae.InputError as error:
        raise SystemExit(str(error)) from None
    # linked across articles first, so that entity ids agree between the table and the graph
    docs = ae.link_entities(ae.extract_many(records))
    table = mentions_table(docs)
    G = ae.cooccurrence_graph(docs, link=False, period=args.period)

    args.out.mkdir(parents=True, exist_ok=True)
    table.to_csv(args.out / "mentions.csv", index=False)
    print("wrote", args.out / "mentions.csv")
    write_parquet(table, args.out / "mentions.parquet")
    print("wrote", ae.write_graph(G, args.out / "graph.gexf"))
    ae.entity_timeline(G, fill=False).to_csv(args.out / f"entities_by_{args.period}.csv", index=False)
    print("wrote", args.out / f"entities_by_{args.period}.csv")
    undated = sum(doc.date is None for doc in docs)
    print(f"\n{len(docs)} articles ({undated} undated), {len(table)} mentions, {G.number_of_nodes()} entities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
