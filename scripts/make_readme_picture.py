"""Draw the README picture: the co-mention graph of the seed articles, English labels.

    python scripts/make_readme_picture.py            # writes docs/seed_graph.png

Needs the ``viz`` extra (matplotlib). The drawing is deterministic: the same seeds
give the same picture.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import arabic_entities as ae
from arabic_entities.graph.draw import draw_graph

ROOT = Path(__file__).resolve().parents[1]


def seed_graph(seeds: Path):
    """The co-mention graph (sentence windows) of every ``*.txt`` in ``seeds``."""
    files = sorted(seeds.glob("*.txt"))
    if not files:
        raise SystemExit(f"{seeds}: no .txt files")
    return ae.cooccurrence_graph(ae.extract_many((p.name, p.read_text(encoding="utf-8")) for p in files))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of seed articles")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "seed_graph.png", help=".png or .svg")
    parser.add_argument("--max-nodes", type=int, default=25, help="most mentioned entities drawn")
    args = parser.parse_args(argv)

    G = seed_graph(args.seeds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    draw_graph(
        G,
        args.out,
        english=True,
        max_nodes=args.max_nodes,
        figsize=(11, 7.5),
        dpi=110,
        layout_seed=8,
        title="Who appears with whom in the seed articles",
    )
    print(f"wrote {args.out}: {min(args.max_nodes, len(G))} of {len(G)} entities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
