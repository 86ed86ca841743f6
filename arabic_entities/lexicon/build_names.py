"""Build the name table shipped in ``arabic_entities/lexicon/data/names.tsv.gz``.

    python -m arabic_entities.lexicon.build_names --data ../shared/data/gazetteers

writes ``build/names.tsv.gz`` (the work folder, relative to the current directory:
run it from the repository root); ``--output arabic_entities/lexicon/data/names.tsv.gz``
replaces the shipped table. Equal sources give equal bytes (with babel's CLDR
:data:`CLDR_VERSION`); the shipped table's hash is in ``arabic_entities/data_manifest.json``.

``--sources`` keeps some of the sources (:data:`SOURCES`). The shipped models were
trained before CLDR and the curated table were added: their training table is

    python -m arabic_entities.lexicon.build_names --data ../shared/data/gazetteers \\
        --sources arwikicats world_cities wikidata_names --output build/training-names.tsv.gz

(the same names and labels as the table of that time; see ``train_crf --names``).

Sources (licences in ``SOURCES.md`` next to the table):

- ArWikiCats (MIT; Arabic Wikipedia labels): persons, places, demonyms and the
  organisation groups of its split tables; its mixed tables become ``NAME`` rows
  (a known name of unknown type).
- World Cities Translations (CC BY 4.0): city and country names.
- Wikidata person-name tokens from NETransliteration (CC0): single name parts.
- CLDR territory names in Arabic and English, read through babel (Unicode
  licence): country names. Needs ``babel`` (in the ``train`` extra).
- ``curated.tsv`` next to this file (project-made, CC0): prominent current-affairs
  people, organisations and places the other sources miss or spell differently,
  one row per Arabic spelling, each with a note on where it comes from.

A place listed with a classifier (ولاية المنستير, محافظة الدقهلية) is also listed
without it, as news names it (:data:`PLACE_CLASSIFIERS`).

Each row: ``key`` (the :func:`~arabic_entities.text.normalize.match_key` of the
Arabic name), ``label`` (PERS, LOC, ORG, NORP or NAME), ``ar`` (the name as the
source writes it), ``en`` (English as the source writes it, may be empty; ArWikiCats
and the name tokens are lower-case), ``source``, ``count`` (how many times the source
gives this English for this key and label, over all its Arabic spellings; for name
tokens, the token pair counts of NETransliteration).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

from ..manifest import WORK_DIR
from ..text.normalize import match_key
from .prominent import CURATED_PATH

__all__ = ["CLDR_VERSION", "OUTPUT", "SOURCES", "collect", "write_table", "main"]

#: Where the command writes the table by default.
OUTPUT = WORK_DIR / "names.tsv.gz"

LABELS = frozenset({"PERS", "LOC", "ORG", "NORP", "NAME"})
#: The sources, by the name of their ``source`` column, in the order they are read.
SOURCES = ("arwikicats", "world_cities", "wikidata_names", "cldr", "curated")
#: The CLDR release the shipped table was built with (babel 2.19.0); another
#: release may name a few countries differently.
CLDR_VERSION = "49"

_PARENTHESES = regex.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_ARABIC_NAME = regex.compile(r"^[\p{Arabic}\p{Mn}\s\-]+$")  # marks too: CLDR writes عُمان
#: Classifiers before a place's name (ولاية المنستير): the name is also listed without
#: them, as news writes it; English loses the matching word (monastir governorate).
PLACE_CLASSIFIERS = frozenset("ولاية محافظة مدينة مقاطعة إقليم اقليم منطقة بلدية ناحية قضاء".split())
_ENGLISH_CLASSIFIERS = regex.compile(
    r"\s+(governorate|province|region|district|county|municipality|prefecture|state|city)$", regex.IGNORECASE
)
#: A name token as a word: letters, inner apostrophes or hyphens (drops "x.", "mohamed.").
_TOKEN_WORD = regex.compile(r"^[\p{L}\p{M}]+(?:['\-][\p{L}\p{M}]+)*$")
#: CLDR codes that are no country: groupings and organisations (EU, UN: the curated
#: table has them as ORG), Outlying Oceania, pseudo-locales, the unknown region.
_CLDR_SKIP = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

# ArWikiCats: file -> label; for split tables, group -> label (others: NAME).
_ARWIKICATS_FILES = {
    "people/peoples.json": "PERS",
    "cities/cities_full.json": "LOC",
    "geography/popopo.json": "LOC",
    "geography/us_counties.json": "LOC",
    "geography/P17_2_final_ll.json": "LOC",
    "geography/India_dd.json": "LOC",
    "geography/P17_PP.json": "LOC",
    "geography/regions.json": "LOC",
    "geography/regions2.json": "LOC",
    "cities/yy2.json": "NAME",
}
_ARWIKICATS_GROUPS = {
    "business": "ORG",
    "organizations": "ORG",
    "education": "ORG",
    "military": "ORG",
    "institutions_other": "ORG",
    "tv": "ORG",
    "Tv": "ORG",
    "culture_media": "ORG",
    "politics_law": "ORG",
    "Infrastructure": "LOC",
    "infrastructure": "LOC",
    "religious_cultural_buildings": "LOC",
    "country": "LOC",
}

Row = tuple[str, str, str, str, str]
#: A row as the sources give it, with its weight (1, or a token pair count).
Weighted = tuple[Row, int]


def _clean_arabic(name: str) -> str | None:
    name = " ".join(_PARENTHESES.sub(" ", name).split())
    return name if name and _ARABIC_NAME.match(name) else None


def _row(label: str, ar: str, en: str, source: str) -> Row | None:
    ar_clean = _clean_arabic(ar)
    if ar_clean is None:
        return None
    return match_key(ar_clean), label, ar_clean, en.strip(), source


def _arwikicats(folder: Path) -> Iterator[Weighted]:
    with open(folder / "arwikicats_en_ar.tsv", encoding="utf-8") as f:
        for record in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            file, group = record["file"], record["group"] or ""
            if group.startswith("demonym:"):
                label = "NORP"
            else:
                label = _ARWIKICATS_FILES.get(file) or _ARWIKICATS_GROUPS.get(group, "NAME")
            en = _PARENTHESES.sub(" ", record["en_key"]).split(",")[0].strip()
            row = _row(label, record["ar"], en if label != "NORP" else "", "arwikicats")
            if row:
                yield row, 1


def _world_cities(folder: Path) -> Iterator[Weighted]:
    with open(folder / "world-cities.csv", encoding="utf-8-sig") as f:
        for record in csv.DictReader(f):
            for ar, en in (
                (record["CityNameAr"], record["CityNameEn"]),
                (record["CountryNameAr"], record["CountryNameEn"]),
            ):
                row = _row("LOC", ar, en, "world_cities")
                if row:
                    yield row, 1


def _name_tokens(folder: Path) -> Iterator[Weighted]:
    with open(folder / "wd_arabic.normalized.aligned.tokens", encoding="utf-8") as f:
        for line in f:
            en, letters, count = line.rstrip("\n").split("\t")
            en = en if _TOKEN_WORD.match(en) else ""  # keep the name, not a form like "x."
            row = _row("PERS", letters.replace(" ", ""), en, "wikidata_names")
            if row:
                yield row, int(count)


def _cldr() -> Iterator[Weighted]:
    """Country (territory) names, Arabic -> English, by CLDR territory code."""
    try:
        from babel import Locale
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise SystemExit("the CLDR country names need babel: pip install 'arabic_entities[train]'") from error
    from babel.core import get_cldr_version

    if get_cldr_version() != CLDR_VERSION:
        print(
            f"note: babel has CLDR {get_cldr_version()}, the shipped table was built with CLDR {CLDR_VERSION}",
            file=sys.stderr,
        )
    arabic, english = Locale("ar").territories, Locale("en").territories
    for code in sorted(arabic):
        if code.isdigit() or code in _CLDR_SKIP or code not in english:
            continue
        en = " ".join(_PARENTHESES.sub(" ", english[code]).split())  # "Myanmar (Burma)"
        row = _row("LOC", arabic[code], en, "cldr")
        if row and en:
            yield row, 1


def _curated(path: Path) -> Iterator[Weighted]:
    """The project's own table: ``label``, ``ar``, ``en``, ``source`` (a note per row)."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != ["label", "ar", "en", "source"]:
            raise ValueError(f"{path}: header must be label, ar, en, source; not {reader.fieldnames}")
        for line, record in enumerate(reader, start=2):
            label, en, note = record["label"], (record["en"] or "").strip(), (record["source"] or "").strip()
            row = _row(label, record["ar"] or "", en, "curated")
            if label not in LABELS or row is None or not en or not note:
                raise ValueError(
                    f"{path}:{line}: need a label in {sorted(LABELS)}, an Arabic name, "
                    f"its English and a source note; got {record}"
                )
            yield row, 1


def _without_classifiers(weighted: Iterable[Weighted]) -> Iterator[Weighted]:
    """The rows, and for a place named with a classifier (ولاية المنستير) the same
    place without it (المنستير)."""
    for row, weight in weighted:
        yield row, weight
        _, label, ar, en, source = row
        words = ar.split()
        if label == "LOC" and len(words) > 1 and words[0] in PLACE_CLASSIFIERS:
            bare = _row(label, " ".join(words[1:]), _ENGLISH_CLASSIFIERS.sub("", en), source)
            if bare:
                yield bare, weight


def _with_counts(weighted: Iterable[Weighted]) -> list[tuple[str, ...]]:
    """Deduplicated rows, each with how often its source gives its English for its key
    and label (summed over the Arabic spellings), sorted."""
    rows: Counter[Row] = Counter()
    for row, weight in weighted:
        rows[row] += weight
    english: Counter[tuple[str, str, str, str]] = Counter()
    for (key, label, _ar, en, source), weight in rows.items():
        english[key, label, en, source] += weight
    return sorted((*row, str(english[row[0], row[1], row[3], row[4]])) for row in rows)


def collect(data: Path, curated: Path = CURATED_PATH, sources: Iterable[str] = SOURCES) -> list[tuple[str, ...]]:
    """All rows from the sources under ``data``, CLDR and the curated table,
    deduplicated, counted and sorted; ``sources`` picks some of :data:`SOURCES`."""
    chosen = set(sources)
    if not chosen <= set(SOURCES):
        raise ValueError(f"unknown sources {sorted(chosen - set(SOURCES))}; known: {', '.join(SOURCES)}")
    readers = {
        "arwikicats": lambda: _arwikicats(data / "arwikicats"),
        "world_cities": lambda: _world_cities(data / "world_cities_translations"),
        "wikidata_names": lambda: _name_tokens(data / "netransliteration_wd"),
        "cldr": _cldr,
        "curated": lambda: _curated(curated),
    }
    return _with_counts(
        _without_classifiers(weighted for source in SOURCES if source in chosen for weighted in readers[source]())
    )


def write_table(rows: list[tuple[str, ...]], path: Path) -> None:
    """Write rows as a gzipped TSV with a header; byte-identical for identical rows."""
    text = io.StringIO()
    text.write("key\tlabel\tar\ten\tsource\tcount\n")
    text.writelines("\t".join(row) + "\n" for row in rows)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(text.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arabic_entities.lexicon.build_names",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, required=True, help="the shared gazetteers folder")
    parser.add_argument("--curated", type=Path, default=CURATED_PATH, help="the curated table")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="table to write (default: %(default)s)")
    parser.add_argument(
        "--sources",
        nargs="+",
        choices=SOURCES,
        default=list(SOURCES),
        help="only these sources (default: all; the shipped models were trained on a table of the first three)",
    )
    args = parser.parse_args(argv)
    rows = collect(args.data, args.curated, args.sources)
    write_table(rows, args.output)
    per_source = Counter(row[4] for row in rows)
    print(
        f"{len(rows)} rows -> {args.output} ({args.output.stat().st_size / 1e6:.2f} MB): "
        + ", ".join(f"{source} {n}" for source, n in sorted(per_source.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
