"""Documents from files: ``.txt`` files, folders of them, globs, and JSONL files.

:func:`read_texts` gives the ``(doc_id, text)`` pairs that
:func:`~arabic_entities.extract_many` takes; the command line reads its inputs the same way.

>>> import arabic_entities as ae
>>> docs = ae.extract_many(ae.read_texts("seeds/"))
>>> next(docs).id
'seeds/000_c9c7c4effab98621.txt'
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["STDIN", "InputError", "count_documents", "input_files", "iter_texts", "read_text", "read_texts"]

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


def _jsonl(path: Path, *, text_field: str, id_field: str) -> Iterator[tuple[str, str]]:
    """``(doc id, text)`` of each record of a JSONL file; blank lines are skipped."""
    with path.open("rb") as f:
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
            if text_field not in record:
                raise InputError(f"{where}: no {text_field!r} field (choose the text field with --text-field)")
            text = record[text_field]
            if not isinstance(text, str):
                raise InputError(f"{where}: field {text_field!r} is {type(text).__name__}, not text")
            doc_id = record.get(id_field)
            yield (where if doc_id is None else str(doc_id)), text


def iter_texts(files: Iterable[Path], *, text_field: str = "text", id_field: str = "id") -> Iterator[tuple[str, str]]:
    """``(doc id, text)`` pairs of ``files``, read lazily, in order: a ``.txt`` file is one
    document (its id is its path), a ``.jsonl`` file one per record (its ``id_field``, or
    ``FILE:LINE``), :data:`STDIN` one (``"stdin"``)."""
    for path in files:
        if path == STDIN:
            yield "stdin", _stdin_text()
        elif path.suffix.lower() == ".jsonl":
            yield from _jsonl(path, text_field=text_field, id_field=id_field)
        else:
            yield str(path), read_text(path)


def read_texts(
    *sources: str | os.PathLike[str], text_field: str = "text", id_field: str = "id"
) -> Iterator[tuple[str, str]]:
    """``(doc_id, text)`` pairs of files, folders, globs and JSONL files, for
    :func:`~arabic_entities.extract_many`. Missing inputs raise InputError here; the
    files are read lazily, as the documents are asked for.

    >>> read_texts("no/such/folder")
    Traceback (most recent call last):
    ...
    arabic_entities.inputs.InputError: no/such/folder: no such file or folder
    """
    if not sources:
        raise InputError("read_texts needs at least one file, folder or glob")
    return iter_texts(input_files(sources), text_field=text_field, id_field=id_field)


def count_documents(files: Iterable[Path]) -> int:
    """How many documents ``files`` hold (non-blank lines of JSONL files count one each)."""
    total = 0
    for path in files:
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as f:
                total += sum(1 for line in f if line.strip())
        else:
            total += 1
    return total
