"""Draw the README's timeline: the most mentioned people of the dated Tunisian news, by month.

    python scripts/make_timeline_picture.py          # writes docs/timeline.png

Reads ``../shared/data/dated/antcorpus.jsonl.gz`` (ANT Corpus, JawharaFM, 9,891 dated
articles; ``--every K`` keeps one article in K), extracts every article (about two minutes
on one core), builds the monthly co-mention graph and plots the ``--people`` most
mentioned people per 100 articles of each month from ``--since`` on (the corpus is thin
before). Needs the ``viz`` extra (matplotlib). Deterministic: the same data give the same
picture.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Sequence
from pathlib import Path

import arabic_entities as ae

ROOT = Path(__file__).resolve().parents[1]
DATED = ROOT.parent / "shared" / "data" / "dated" / "antcorpus.jsonl.gz"


def monthly_graph(path: Path, *, every: int = 1):
    """The monthly co-mention graph of the dated articles at ``path`` (one in ``every``)."""
    records = itertools.islice(ae.read_texts(path, date_field="date"), 0, None, every)
    return ae.cooccurrence_graph(ae.extract_many(records), period="month")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATED, help="dated articles (.jsonl or .jsonl.gz with date)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "timeline.png", help=".png or .svg")
    parser.add_argument("--people", type=int, default=5, help="how many people to plot")
    parser.add_argument("--since", default="2016-01", help="first month shown")
    parser.add_argument("--every", type=int, default=1, help="keep one article in this many")
    args = parser.parse_args(argv)

    G = monthly_graph(args.data, every=args.every)
    people = [entity.id for entity in ae.top_entities(G, None) if entity.label == "PERS"][: args.people]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ae.plot_timeline(
        G,
        people,
        path=args.out,
        english=True,
        relative=True,
        since=args.since,
        title=f"The {len(people)} most mentioned people in JawharaFM news, by month",
    )
    print(f"wrote {args.out}: {len(people)} people, {sum(G.graph['documents'].values())} dated articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
