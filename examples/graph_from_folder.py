"""A folder of Arabic news articles (.txt, searched recursively) → co-mention graph files.

    python examples/graph_from_folder.py seeds/ --out out/

writes ``out/graph.gexf`` (open it in Gephi), ``out/graph.html`` (an interactive page)
and ``out/graph.csv`` (the edge list), then prints the most mentioned entities and
the strongest pairs, with English names where the name tables know them.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

import arabic_entities as ae

FORMATS = (".gexf", ".html", ".csv")


def read_folder(folder: Path) -> list[tuple[str, str]]:
    """``(doc id, text)`` for every ``*.txt`` under ``folder``; the id is the path inside it."""
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise SystemExit(f"{folder}: no .txt files")
    return [(str(p.relative_to(folder)), p.read_text(encoding="utf-8")) for p in files]


def print_summary(G: nx.Graph, *, top: int) -> None:
    print(f"{G.number_of_nodes()} entities, {G.number_of_edges()} co-mention edges\n")
    print("most mentioned:")
    for entity in ae.top_entities(G, top):
        print(f"  {entity.score:>4}  {entity.label:<4}  {entity}")
    print("\nstrongest pairs (sentences naming both):")
    for pair in ae.strongest_pairs(G, top):
        print(f"  {pair.score:>4}  {pair}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of .txt files")
    parser.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    parser.add_argument("--top", type=int, default=10, help="rows in the printed lists")
    args = parser.parse_args(argv)

    docs = list(ae.extract_many(read_folder(args.folder)))
    G = ae.cooccurrence_graph(docs, window="sentence")
    args.out.mkdir(parents=True, exist_ok=True)
    for suffix in FORMATS:
        print("wrote", ae.write_graph(G, args.out / f"graph{suffix}"))
    print()
    print_summary(G, top=args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
