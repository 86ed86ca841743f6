"""Named-entity recognizers: IOB2 labels over PERS/ORG/LOC/MISC, one per token.

>>> rec = load("builtin")
>>> rec.predict([["قال", "ماسك", "إن", "بوتين", "وافق"]])
[['O', 'B-PERS', 'O', 'B-PERS', 'O']]
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from .base import Recognizer

__all__ = ["Recognizer", "load"]

BUILTIN = "builtin"


@functools.cache
def _builtin() -> Recognizer:
    from .crf import CRFRecognizer

    return CRFRecognizer()


def load(name: str | os.PathLike = BUILTIN) -> Recognizer:
    """A recognizer by name (``"builtin"``) or by path to a ``.crfsuite`` model file.

    The built-in model is loaded once and shared.
    """
    if name == BUILTIN:
        return _builtin()
    path = Path(name)
    if path.suffix == ".crfsuite":
        from .crf import CRFRecognizer

        return CRFRecognizer(path)
    raise ValueError(
        f"unknown recognizer {str(name)!r}: use {BUILTIN!r} or the path of a .crfsuite model file"
    )
