"""Build the name table shipped in ``arabic_entities/gazetteer/names.tsv.gz``.

    python -m arabic_entities.gazetteer.build --data ../shared/data/gazetteers

Sources (licences in ``SOURCES.md`` next to the table):

- ArWikiCats (MIT; Arabic Wikipedia labels): persons, places, demonyms and the
  organisation groups of its split tables; its mixed tables become ``NAME`` rows
  (a known name of unknown type).
- World Cities Translations (CC BY 4.0): city and country names.
- Wikidata person-name tokens from NETransliteration (CC0): single name parts.

Each row: ``key`` (the :func:`~arabic_entities.normalize.match_key` of the
Arabic name), ``label`` (PERS, LOC, ORG, NORP or NAME), ``ar`` (the name as the
source writes it), ``en`` (English, may be empty), ``source``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import regex

from ..normalize import match_key

__all__ = ["collect", "write_table", "main"]

TABLE_PATH = Path(__file__).parent / "names.tsv.gz"

_PARENTHESES = regex.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_ARABIC_NAME = regex.compile(r"^[\p{Arabic}\s\-]+$")

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
    "business": "ORG", "organizations": "ORG", "education": "ORG", "military": "ORG",
    "institutions_other": "ORG", "tv": "ORG", "Tv": "ORG", "culture_media": "ORG",
    "politics_law": "ORG", "Infrastructure": "LOC", "infrastructure": "LOC",
    "religious_cultural_buildings": "LOC", "country": "LOC",
}

Row = tuple[str, str, str, str, str]


def _clean_arabic(name: str) -> str | None:
    name = " ".join(_PARENTHESES.sub(" ", name).split())
    return name if name and _ARABIC_NAME.match(name) else None


def _row(label: str, ar: str, en: str, source: str) -> Row | None:
    ar_clean = _clean_arabic(ar)
    if ar_clean is None:
        return None
    return match_key(ar_clean), label, ar_clean, en.strip(), source


def _arwikicats(folder: Path) -> Iterator[Row]:
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
                yield row


def _world_cities(folder: Path) -> Iterator[Row]:
    with open(folder / "world-cities.csv", encoding="utf-8-sig") as f:
        for record in csv.DictReader(f):
            for ar, en in ((record["CityNameAr"], record["CityNameEn"]),
                           (record["CountryNameAr"], record["CountryNameEn"])):
                row = _row("LOC", ar, en, "world_cities")
                if row:
                    yield row


def _name_tokens(folder: Path) -> Iterator[Row]:
    with open(folder / "wd_arabic.normalized.aligned.tokens", encoding="utf-8") as f:
        for line in f:
            en, letters, _count = line.rstrip("\n").split("\t")
            row = _row("PERS", letters.replace(" ", ""), en, "wikidata_names")
            if row:
                yield row


def collect(data: Path) -> list[Row]:
    """All rows from the three sources under ``data``, deduplicated and sorted."""
    rows = {
        *_arwikicats(data / "arwikicats"),
        *_world_cities(data / "world_cities_translations"),
        *_name_tokens(data / "netransliteration_wd"),
    }
    return sorted(rows)


def write_table(rows: list[Row], path: Path) -> None:
    """Write rows as a gzipped TSV with a header; byte-identical for identical rows."""
    text = io.StringIO()
    text.write("key\tlabel\tar\ten\tsource\n")
    text.writelines("\t".join(row) + "\n" for row in rows)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(text.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arabic_entities.gazetteer.build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the shared gazetteers folder")
    parser.add_argument("--output", type=Path, default=TABLE_PATH)
    args = parser.parse_args(argv)
    rows = collect(args.data)
    write_table(rows, args.output)
    print(f"{len(rows)} rows -> {args.output} ({args.output.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
