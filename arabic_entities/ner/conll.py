"""Read and write CoNLL files (``token<TAB>tag`` per line, blank line between sentences).

>>> import io
>>> read_conll(io.StringIO("ماسك\\tB-PERS\\nقال\\tO\\n\\nبوتين\\tB-PERS\\n"))
[(['ماسك', 'قال'], ['B-PERS', 'O']), (['بوتين'], ['B-PERS'])]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO

__all__ = ["read_conll", "write_conll"]

#: A sentence's tokens and their IOB2 tags.
TaggedSentence = tuple[list[str], list[str]]


def _parse(lines: Iterable[str], name: str) -> list[TaggedSentence]:
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
        if len(parts) < 2 or not parts[0]:
            raise ValueError(f"{name}:{number}: expected 'token<TAB>tag', got {line!r}")
        tag = parts[-1].strip()
        if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
            raise ValueError(f"{name}:{number}: tag {tag!r} is not IOB2 (O, B-TYPE, I-TYPE)")
        tokens.append(parts[0])
        tags.append(tag)
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def read_conll(source: str | os.PathLike | IO[str]) -> list[TaggedSentence]:
    """Sentences of a CoNLL file as ``(tokens, tags)`` pairs; the tag is the last column."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, encoding="utf-8") as f:
            return _parse(f, os.fspath(source))
    return _parse(source, getattr(source, "name", "<stream>"))


def write_conll(sentences: Iterable[TaggedSentence], path: str | os.PathLike) -> None:
    """Write ``(tokens, tags)`` pairs as a CoNLL file."""
    with open(path, "w", encoding="utf-8") as f:
        for tokens, tags in sentences:
            f.writelines(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags, strict=True))
            f.write("\n")
