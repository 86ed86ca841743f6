"""The ``arabic-entities`` command.

    arabic-entities graph seeds/ -o seeds.gexf     # graph of a folder of .txt files
    arabic-entities graph seeds/ -o seeds.html     # the same as an interactive page
    arabic-entities extract article.txt            # mentions as JSON lines
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["main"]

EXAMPLES = """examples:
  arabic-entities graph seeds/ -o seeds.gexf
  arabic-entities graph a.txt b.txt -o graph.json --top 20
  arabic-entities graph seeds/ -o seeds.html           (interactive page, works offline)
  arabic-entities graph seeds/ -o seeds.png --english  (needs the viz extra)
  arabic-entities extract seeds/000_c9c7c4effab98621.txt
"""


#: Output suffixes that are drawings, which take ``--english``.
DRAWINGS = (".html", ".png", ".svg")


class UsageError(Exception):
    """A problem with the command line or its inputs, reported in one line."""


def _input_files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise UsageError(f"{path}: folder holds no .txt files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return files


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None


def _documents(files: list[Path]) -> Iterator:
    from .pipeline import extract_many

    return extract_many((str(path), _read(path)) for path in files)


def _graph(args: argparse.Namespace) -> int:
    from .graph import GRAPH_FORMATS, cooccurrence_graph, write_graph

    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise UsageError(f"{output}: unknown graph format; use one of {', '.join(GRAPH_FORMATS)}")
    if args.english and suffix not in DRAWINGS:
        raise UsageError(f"--english labels drawings only ({', '.join(DRAWINGS)}), not {suffix}")
    if suffix in (".png", ".svg"):
        _check_drawing(output)
    G = cooccurrence_graph(_documents(_input_files(args.inputs)), window=args.window)
    try:
        write_graph(G, output, **({"english": True} if args.english else {}))
    except ImportError as error:
        raise UsageError(f"{output}: {error}") from None
    print(f"wrote {output}: {G.number_of_nodes()} entities, {G.number_of_edges()} edges")
    nodes = sorted(G.nodes(data=True), key=lambda item: (-item[1]["count"], item[0]))[: args.top]
    print(f"\n{'mentions':>8}  {'type':<5} entity")
    for _, data in nodes:
        print(f"{data['count']:>8}  {data['label']:<5} {data['name']}")
    edges = sorted(G.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))[: args.top]
    print(f"\n{'weight':>8}  pair")
    for a, b, data in edges:
        print(f"{data['weight']:>8}  {G.nodes[a]['name']} — {G.nodes[b]['name']}")
    return 0


def _check_drawing(output: Path) -> None:
    """Fail before the slow part when matplotlib, needed for PNG and SVG, is missing."""
    from .viz import _require_matplotlib

    try:
        _require_matplotlib()
    except ImportError as error:
        raise UsageError(f"{output}: {error}") from None


def _extract(args: argparse.Namespace) -> int:
    for doc in _documents(_input_files(args.inputs)):
        names = {e.id: e.name for e in doc.entities}
        for m in doc.mentions:
            record = {"doc": doc.id, "start": m.start, "end": m.end, "text": m.text, "label": m.label,
                      "sentence": m.sentence, "entity_id": m.entity_id, "entity": names[m.entity_id],
                      "score": None if m.score is None else round(m.score, 4)}
            print(json.dumps(record, ensure_ascii=False))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arabic-entities", description="Named entities and co-mention graphs from Arabic news.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    graph = commands.add_parser("graph", help="build a co-mention graph from text files",
                                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    graph.add_argument("inputs", nargs="+", help=".txt files or folders of them")
    graph.add_argument("-o", "--output", required=True,
                       help="graph file: .gexf, .graphml, .json, .csv; drawing: .html, .png, .svg")
    graph.add_argument("--english", action="store_true",
                       help="label drawings with English names where known (default: Arabic)")
    graph.add_argument("--window", choices=["sentence", "document"], default="sentence")
    graph.add_argument("--top", type=int, default=10, help="rows in the printed tables")
    graph.set_defaults(run=_graph)
    extract = commands.add_parser("extract", help="print mentions as JSON lines",
                                  epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("inputs", nargs="+", help=".txt files or folders of them")
    extract.set_defaults(run=_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except UsageError as error:
        print(f"arabic-entities: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
