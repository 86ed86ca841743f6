"""Documents from files: ``.txt`` files, folders of them, globs, JSONL files (also
gzipped, ``.jsonl.gz``) and CSV files with a header row.

:func:`read_texts` gives the ``(doc_id, text)`` pairs (with ``date_field``, the
``(doc_id, text, date)`` triples) that :func:`~arabic_entities.extract_many` takes; the
command line reads its inputs the same way.

>>> import arabic_entities as ae
>>> docs = ae.extract_many(ae.read_texts("seeds/"))
>>> next(docs).id
'seeds/000_c9c7c4effab98621.txt'
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, cast

from .dates import parse_date

__all__ = [
    "STDIN",
    "InputError",
    "TextRecord",
    "count_documents",
    "input_files",
    "iter_texts",
    "read_text",
    "read_texts",
]

#: The input name that stands for standard input.
STDIN = Path("-")
_GLOB_CHARS = frozenset("*?[")


class InputError(ValueError):
    """An input that cannot be read as documents; the message says which and why."""


def _found(path: Path) -> list[Path]:
    """``path`` itself, or the ``*.txt`` files of a folder, recursively and sorted."""
    if path.is_dir():
        found = sorted(p for p in path.rglob("*.txt") if p.is_file())
        if not found:
            raise InputError(f"{path}: folder holds no .txt files")
        return found
    if path.is_file():
        return [path]
    raise InputError(f"{path}: no such file or folder")


def input_files(sources: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files of ``sources``: files, folders (their ``*.txt`` files, recursively),
    globs (``news/**/*.txt``) and ``-`` (standard input), in order."""
    files: list[Path] = []
    for source in sources:
        name = os.fspath(source)
        if name == "-":
            files.append(STDIN)
        elif not os.path.lexists(name) and _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise InputError(f"{name}: no file matches")
            files.extend(p for match in matches for p in _found(Path(match)))
        else:
            files.extend(_found(Path(name)))
    return files


def _decoded(data: bytes, where: object, encoding: str = "utf-8") -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{where}: not UTF-8 text ({error.reason} at byte {error.start})") from None


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a UTF-8 file (a leading byte-order mark is dropped); InputError when it is not UTF-8."""
    return _decoded(Path(path).read_bytes(), path, "utf-8-sig")


def _stdin_text() -> str:
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    return _decoded(stream.read(), "stdin") if stream else sys.stdin.read()


#: A document read from a file: ``(doc id, text)``, or ``(doc id, text, date)`` when
#: dates are read (``date_field``).
TextRecord = tuple[str, str] | tuple[str, str, str | None]


def _open_binary(path: Path) -> IO[bytes]:
    """The file at ``path`` opened for reading bytes, uncompressed when it is gzipped (``.gz``)."""
    if path.suffix.lower() == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _kind(path: Path) -> str:
    """``"jsonl"``, ``"csv"`` or ``"text"``: how a file holds documents (``.gz`` looked through)."""
    suffixes = [suffix.lower() for suffix in path.suffixes[-2:]]
    if suffixes[-1:] == [".gz"]:
        suffixes = suffixes[:-1]
    return {".jsonl": "jsonl", ".csv": "csv"}.get(suffixes[-1] if suffixes else "", "text")


def _jsonl_records(path: Path) -> Iterator[tuple[str, dict]]:
    """``(FILE:LINE, record)`` of each object of a JSONL file; blank lines are skipped."""
    with _open_binary(path) as f:
        for number, raw in enumerate(f, 1):
            where = f"{path}:{number}"
            line = _decoded(raw, where, "utf-8-sig" if number == 1 else "utf-8")
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{where}: bad JSON line ({error.msg} at column {error.colno})") from None
            if not isinstance(record, dict):
                raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
            yield where, record


def _csv_records(path: Path) -> Iterator[tuple[str, dict]]:
    """``(FILE:LINE, row)`` of each row of a CSV file with a header row."""
    with _open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            reader = csv.DictReader(text)
            for row in reader:
                yield f"{path}:{reader.line_num}", row
        except UnicodeDecodeError as error:
            raise InputError(f"{path}: not UTF-8 text ({error.reason})") from None


def _record(where: str, record: Mapping, *, text_field: str, id_field: str, date_field: str | None) -> TextRecord:
    """The document of one JSONL record or CSV row."""
    if text_field not in record:
        raise InputError(f"{where}: no {text_field!r} field (choose the text field with --text-field)")
    text = record[text_field]
    if not isinstance(text, str):
        raise InputError(f"{where}: field {text_field!r} is {type(text).__name__}, not text")
    doc_id = record.get(id_field)
    doc_id = where if doc_id in (None, "") else str(doc_id)
    if date_field is None:
        return doc_id, text
    date = record.get(date_field)
    if date in (None, ""):
        return doc_id, text, None
    try:
        return doc_id, text, parse_date(date)
    except (TypeError, ValueError) as error:
        raise InputError(f"{where}: field {date_field!r}: {error}") from None


def iter_texts(
    files: Iterable[Path], *, text_field: str = "text", id_field: str = "id", date_field: str | None = None
) -> Iterator[TextRecord]:
    """The documents of ``files``, read lazily, in order: a ``.txt`` file is one document
    (its id is its path), a ``.jsonl`` (or ``.jsonl.gz``) file one per record and a
    ``.csv`` file one per row (its ``id_field``, or ``FILE:LINE``), :data:`STDIN` one
    (``"stdin"``). ``(doc id, text)`` pairs; with ``date_field``, ``(doc id, text,
    date)`` triples, the date read from that field of records (ISO 8601; None where a
    record has none, and for text files)."""
    for path in files:
        if path == STDIN:
            document: TextRecord = ("stdin", _stdin_text())
        elif _kind(path) == "text":
            document = (str(path), read_text(path))
        else:
            records = _jsonl_records(path) if _kind(path) == "jsonl" else _csv_records(path)
            for where, record in records:
                yield _record(where, record, text_field=text_field, id_field=id_field, date_field=date_field)
            continue
        yield document if date_field is None else (*document, None)


def read_texts(
    *sources: str | os.PathLike[str], text_field: str = "text", id_field: str = "id", date_field: str | None = None
) -> Iterator[TextRecord]:
    """``(doc_id, text)`` pairs of files, folders, globs, JSONL and CSV files, for
    :func:`~arabic_entities.extract_many`; with ``date_field`` (such as ``"date"``),
    ``(doc_id, text, date)`` triples, the date taken from that field of JSONL records
    and CSV rows. Missing inputs raise InputError here; the files are read lazily, as
    the documents are asked for.

    >>> read_texts("no/such/folder")
    Traceback (most recent call last):
    ...
    arabic_entities.inputs.InputError: no/such/folder: no such file or folder
    """
    if not sources:
        raise InputError("read_texts needs at least one file, folder or glob")
    return iter_texts(input_files(sources), text_field=text_field, id_field=id_field, date_field=date_field)


def count_documents(files: Iterable[Path]) -> int:
    """How many documents ``files`` hold (non-blank lines of JSONL files and rows of CSV
    files count one each)."""
    total = 0
    for path in files:
        if path != STDIN and _kind(path) == "jsonl":
            with _open_binary(path) as f:
                total += sum(1 for line in f if line.strip())
        elif path != STDIN and _kind(path) == "csv":
            total += sum(1 for _ in _csv_records(path))
        else:
            total += 1
    return total
