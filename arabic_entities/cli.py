"""The ``arabic-entities`` command: ``extract``, ``graph`` and ``evaluate``.

    arabic-entities extract seeds/ --format table        # mentions of a folder of .txt files
    arabic-entities graph seeds/ -o seeds.gexf -o seeds.html
    arabic-entities evaluate --conll test.conll --recognizer crf

Inputs are ``.txt`` files, folders (searched recursively for ``*.txt``), globs
(expanded here for shells that do not), ``-`` for one document on stdin, and
``.jsonl`` files of one JSON object per line with a text field. A document's id is
its file's path, ``stdin``, or the JSONL id field (``FILE:LINE`` when a record has
none). Every error ends the command with status 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn, TypeVar

import networkx as nx

from .dates import PERIODS
from .document import LABELS, Document
from .graph.analysis import strongest_pairs, top_entities
from .graph.build import GRAPH_LABELS, WINDOWS, cooccurrence_graph
from .graph.draw import require_matplotlib
from .graph.export import GRAPH_FORMATS, write_graph
from .inputs import InputError, TextRecord, count_documents, input_files, iter_texts
from .pipeline import Pipeline, load

__all__ = ["COLUMNS", "FORMATS", "main"]

EXTRACT_EXAMPLES = """\
  arabic-entities extract seeds/000_c9c7c4effab98621.txt       # mentions as JSON lines
  arabic-entities extract seeds/ --format table                # a readable table
  arabic-entities extract 'news/**/*.txt' -o mentions.csv      # format from the suffix
  arabic-entities extract articles.jsonl --text-field body --id-field url --format tsv
  arabic-entities extract articles.csv --date-field published -o mentions.csv
  echo 'قال إيلون ماسك إن بوتين وافق على اللقاء في موسكو.' | arabic-entities extract -"""
GRAPH_EXAMPLES = """\
  arabic-entities graph seeds/ -o seeds.gexf                   # for Gephi, plus summary tables
  arabic-entities graph seeds/ -o seeds.html -o seeds.png --english
  arabic-entities graph a.txt b.txt -o graph.json --window paragraph --min-weight 2
  arabic-entities graph articles.jsonl -o people.csv --labels PERS --window 10
  arabic-entities graph news.jsonl.gz --date-field date --period month -o timeline.gexf   # Gephi's timeline"""
EVALUATE_EXAMPLES = """\
  arabic-entities evaluate --conll test.conll                  # P/R/F1 per type
  arabic-entities evaluate --conll test.conll --recognizer crf"""

#: Columns of ``extract``'s output, in every format.
COLUMNS = ("doc", "date", "start", "end", "text", "label", "sentence", "entity_id", "entity", "name_en", "score")
#: ``extract`` output formats, and the ``-o`` suffixes that choose them.
FORMATS = {"jsonl": ".jsonl", "tsv": ".tsv", "csv": ".csv", "table": ".txt"}
#: Graph outputs that are drawings, which take ``--english``.
DRAWINGS = (".html", ".png", ".svg")
#: More documents than this show a progress bar when stderr is a terminal.
PROGRESS_MIN = 20
T = TypeVar("T")


class UsageError(Exception):
    """A problem with the command line or its inputs, reported in one line."""


# --- inputs -------------------------------------------------------------------------------------


def _not_empty(records: Iterable[TextRecord]) -> Iterator[TextRecord]:
    """``records`` again, or a UsageError before anything is written when none holds text."""
    records = iter(records)
    seen = []
    for record in records:
        seen.append(record)
        if record[1].strip():
            return itertools.chain(seen, records)
    raise UsageError("empty input: no text to read")


def _progress(docs: Iterator[Document], files: list[Path], *, wanted: bool | None) -> Iterator[Document]:
    """``docs`` with a progress bar on stderr: with ``--progress``, or by default when stderr
    is a terminal and there are more than :data:`PROGRESS_MIN` documents."""
    if wanted is False or (wanted is None and not sys.stderr.isatty()):
        return docs
    total = count_documents(files)
    if wanted is None and total <= PROGRESS_MIN:
        return docs
    from tqdm import tqdm

    return tqdm(docs, total=total, unit="doc", file=sys.stderr)


def _loaded(loader: Callable[[str], T], name: str) -> T:
    """``loader(name)``; an unknown name, a missing model or a missing backend as a UsageError."""
    try:
        return loader(name)
    except (OSError, ValueError, ImportError) as error:
        raise UsageError(f"recognizer {name!r}: {error}") from None


def _documents(args: argparse.Namespace) -> Iterator[Document]:
    """The documents of the command's inputs, extracted by the chosen recognizer."""
    files = input_files(args.inputs)
    records = _not_empty(
        iter_texts(files, text_field=args.text_field, id_field=args.id_field, date_field=args.date_field)
    )
    nlp: Pipeline = _loaded(load, args.recognizer)
    return _progress(nlp.pipe(records), files, wanted=args.progress)


# --- extract ------------------------------------------------------------------------------------


def _rows(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """One :data:`COLUMNS` record per mention."""
    for doc in docs:
        entities = {e.id: e for e in doc.entities}
        for m in doc.mentions:
            entity = entities.get(m.entity_id)
            yield {
                "doc": doc.id,
                "date": doc.date,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": m.label,
                "sentence": m.sentence,
                "entity_id": m.entity_id,
                "entity": entity and entity.name,
                "name_en": entity and entity.name_en,
                "score": None if m.score is None else round(m.score, 4),
            }


def _write_jsonl(rows: Iterable[dict], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_delimited(rows: Iterable[dict], out: IO[str], *, delimiter: str) -> None:
    writer = csv.DictWriter(out, COLUMNS, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _write_table(rows: Iterable[dict], out: IO[str]) -> None:
    cells = [list(COLUMNS)] + [["" if row[c] is None else str(row[c]) for c in COLUMNS] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    for line in cells:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() + "\n")


def _write_rows(rows: Iterable[dict], out: IO[str], *, fmt: str) -> None:
    if fmt == "jsonl":
        _write_jsonl(rows, out)
    elif fmt == "table":
        _write_table(rows, out)
    else:
        _write_delimited(rows, out, delimiter="\t" if fmt == "tsv" else ",")


def _extract_format(fmt: str | None, output: Path | None) -> str:
    """The ``--format`` given, or the one ``-o``'s suffix names, or ``jsonl``."""
    if fmt is not None:
        return fmt
    if output is None:
        return "jsonl"
    by_suffix = {suffix: name for name, suffix in FORMATS.items()}
    if output.suffix.lower() not in by_suffix:
        raise UsageError(f"{output}: unknown output suffix; use one of {', '.join(by_suffix)} or --format")
    return by_suffix[output.suffix.lower()]


@contextlib.contextmanager
def _opened(output: Path | None) -> Iterator[IO[str]]:
    """stdout, or ``output`` written through a ``.part`` file that replaces it only on success."""
    if output is None:
        yield sys.stdout
        return
    partial = output.with_name(output.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as f:
            yield f
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(output)


def _extract(args: argparse.Namespace) -> int:
    output = None if args.output in (None, "-") else Path(args.output)
    fmt = _extract_format(args.format, output)
    docs = _documents(args)
    with _opened(output) as out:
        _write_rows(_rows(docs), out, fmt=fmt)
    return 0


# --- graph --------------------------------------------------------------------------------------


def _check_outputs(outputs: list[Path], *, english: bool) -> None:
    """Fail before the slow part on unknown suffixes, or on drawings without matplotlib."""
    suffixes = [output.suffix.lower() for output in outputs]
    for output, suffix in zip(outputs, suffixes, strict=True):
        if suffix not in GRAPH_FORMATS:
            raise UsageError(f"{output}: unknown graph format; use one of {', '.join(GRAPH_FORMATS)}")
    if english and not set(suffixes) & set(DRAWINGS):
        raise UsageError(f"--english labels drawings only ({', '.join(DRAWINGS)}), not {', '.join(suffixes)}")
    pictures = [output for output, suffix in zip(outputs, suffixes, strict=True) if suffix in (".png", ".svg")]
    if pictures:
        try:
            require_matplotlib()
        except ImportError as error:
            raise UsageError(f"{pictures[0]}: {error}") from None


def _print_summary(G: nx.Graph, top: int) -> None:
    """The most mentioned entities and the strongest pairs, as two small tables."""

    print(f"\n{'mentions':>8}  {'type':<5} entity")
    for entity in top_entities(G, top):
        print(f"{entity.score:>8}  {entity.label:<5} {entity}")
    print(f"\n{'weight':>8}  pair")
    for pair in strongest_pairs(G, top):
        print(f"{pair.score:>8}  {pair}")


def _graph(args: argparse.Namespace) -> int:
    outputs = [Path(output) for output in args.output]
    _check_outputs(outputs, english=args.english)
    G = cooccurrence_graph(
        _documents(args), window=args.window, labels=args.labels, min_weight=args.min_weight, period=args.period
    )
    for output in outputs:
        drawing = args.english and output.suffix.lower() in DRAWINGS
        try:
            write_graph(G, output, **({"english": True} if drawing else {}))
        except ImportError as error:
            raise UsageError(f"{output}: {error}") from None
        print(f"wrote {output}: {G.number_of_nodes()} entities, {G.number_of_edges()} edges")
    _print_summary(G, args.top)
    return 0


# --- evaluate -----------------------------------------------------------------------------------


def _evaluate(args: argparse.Namespace) -> int:
    from . import ner
    from .ner.conll import read_conll
    from .ner.scoring import score_recognizer

    path = Path(args.conll)
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    try:
        sentences = read_conll(path)
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except ValueError as error:
        raise UsageError(str(error)) from None
    if not sentences:
        raise UsageError(f"{path}: empty input: no sentences")
    report = score_recognizer(_loaded(ner.load, args.recognizer), sentences)
    n_tokens = sum(len(tokens) for tokens, _ in sentences)
    print(f"{path}: {len(sentences)} sentences, {n_tokens} tokens, recognizer {args.recognizer}")
    print(report.table())
    return 0


# --- command line -------------------------------------------------------------------------------


def _window(value: str) -> str | int:
    if value.isdigit():
        return int(value)
    if value in WINDOWS:
        return value
    raise argparse.ArgumentTypeError(f"expected {', '.join(WINDOWS)} or a number of tokens, not {value!r}")


def _labels(value: str) -> tuple[str, ...]:
    labels = tuple(label.strip().upper() for label in value.split(",") if label.strip())
    unknown = [label for label in labels if label not in LABELS]
    if unknown or not labels:
        raise argparse.ArgumentTypeError(f"expected labels among {','.join(LABELS)}, not {value!r}")
    return labels


class _Parser(argparse.ArgumentParser):
    """Reports command-line mistakes in one line, like every other error of the command."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _common_options() -> argparse.ArgumentParser:
    """Options of the commands that read documents."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "inputs", nargs="+", metavar="INPUT", help=".txt files, folders of them, globs, .jsonl files, or - for stdin"
    )
    common.add_argument("--text-field", default="text", help="text field of .jsonl and .csv records (default: text)")
    common.add_argument("--id-field", default="id", help="id field of .jsonl and .csv records (default: id)")
    common.add_argument(
        "--date-field",
        metavar="FIELD",
        help="date field of .jsonl and .csv records (ISO 8601: 2017-03-07 or 2017-03-07T09:00:00+01:00); "
        "default: no dates",
    )
    common.add_argument(
        "--recognizer", default="builtin", metavar="NAME", help="builtin (default), crf, camelbert, or a model path"
    )
    common.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"progress bar on stderr (default: when stderr is a terminal "
        f"and there are more than {PROGRESS_MIN} documents)",
    )
    return common


def _subcommand(
    commands: argparse._SubParsersAction,
    name: str,
    *,
    summary: str,
    examples: str,
    parents: Sequence[argparse.ArgumentParser] = (),
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=summary,
        description=summary,
        parents=list(parents),
        epilog=f"examples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="arabic-entities",
        description="Named entities and co-mention graphs from Arabic news.",
        epilog=f"examples:\n{EXTRACT_EXAMPLES}\n{GRAPH_EXAMPLES}\n{EVALUATE_EXAMPLES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    common = _common_options()

    extract = _subcommand(
        commands, "extract", summary="list the mentions of named entities", examples=EXTRACT_EXAMPLES, parents=[common]
    )
    extract.add_argument(
        "--format", choices=list(FORMATS), help="output format (default: from -o's suffix, else jsonl)"
    )
    extract.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    extract.set_defaults(run=_extract)

    graph = _subcommand(
        commands,
        "graph",
        summary="build a co-mention graph and print its summary",
        examples=GRAPH_EXAMPLES,
        parents=[common],
    )
    graph.add_argument(
        "-o",
        "--output",
        action="append",
        required=True,
        metavar="FILE",
        help="graph file, by suffix: .gexf .graphml .json .csv, drawings .html .png .svg (repeat for several)",
    )
    graph.add_argument(
        "--english", action="store_true", help="label drawings with English names where known (default: Arabic)"
    )
    graph.add_argument(
        "--window",
        type=_window,
        default="sentence",
        metavar="sentence|paragraph|document|N",
        help="what counts as appearing together (default: sentence; N: within N tokens)",
    )
    graph.add_argument("--min-weight", type=int, default=0, metavar="W", help="keep edges of weight >= W")
    graph.add_argument(
        "--period",
        choices=PERIODS,
        help="count mentions and edges per day, week, month or year of the documents' dates "
        "(with --date-field; .gexf is then a dynamic graph for Gephi's timeline)",
    )
    graph.add_argument(
        "--labels",
        type=_labels,
        default=GRAPH_LABELS,
        metavar="PERS,ORG,...",
        help="keep entities of these types (default: PERS,ORG,LOC; add MISC to see it)",
    )
    graph.add_argument("--top", type=int, default=10, help="rows in the printed tables (default: 10)")
    graph.set_defaults(run=_graph)

    evaluate = _subcommand(
        commands, "evaluate", summary="score a recognizer on a CoNLL file", examples=EVALUATE_EXAMPLES
    )
    evaluate.add_argument("--conll", required=True, metavar="FILE", help="token<TAB>IOB2-tag lines")
    evaluate.add_argument(
        "--recognizer", default="builtin", metavar="NAME", help="builtin (default), crf, camelbert, or a model path"
    )
    evaluate.set_defaults(run=_evaluate)
    return parser


def _fail(message: str) -> int:
    print(f"arabic-entities: error: {' '.join(message.split())}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command on ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    try:
        args = _parser().parse_args(argv)
        return args.run(args)
    except (UsageError, InputError) as error:
        return _fail(str(error))
    except BrokenPipeError:  # `arabic-entities extract ... | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:  # unreadable inputs, unwritable outputs
        return _fail(f"{error.filename}: {error.strerror}" if error.filename else str(error))


if __name__ == "__main__":
    sys.exit(main())
