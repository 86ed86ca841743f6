"""Named-entity recognizers: IOB2 labels over PERS/ORG/LOC/MISC, one per token.

>>> rec = load("builtin")
>>> rec.predict([["قال", "إيلون", "ماسك", "إن", "بوتين", "وافق"]])
[['O', 'B-PERS', 'I-PERS', 'O', 'B-PERS', 'O']]
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from .base import Recognizer

__all__ = ["Recognizer", "load"]

BUILTIN = "builtin"
#: The smaller, faster and less accurate shipped model.
CRF = "crf"
#: camel-tools' installed BERT NER model (``camel_data -i ner``).
CAMELBERT = "camelbert"


@functools.cache
def _shipped(name: str) -> Recognizer:
    if name == CRF:
        from .crf import CRFRecognizer

        return CRFRecognizer()
    from .bilstm import BiLSTMRecognizer

    return BiLSTMRecognizer()


def load(name: str | os.PathLike = BUILTIN) -> Recognizer:
    """A shipped recognizer by name, or a model file by path.

    ``"builtin"`` is the BiLSTM-CRF tagger (:mod:`.bilstm`), ``"crf"`` the
    crfsuite tagger (:mod:`.crf`); both are loaded once and shared. ``"camelbert"``
    is camel-tools' installed BERT model (:mod:`.camelbert`, needs torch and
    transformers). A path ending in ``.npz`` loads a BiLSTM model, one ending in
    ``.crfsuite`` a CRF model, and a folder a BERT token-classification model.
    """
    if name in (BUILTIN, CRF):
        return _shipped(name)
    if name == CAMELBERT:
        from .camelbert import CamelBertRecognizer

        return CamelBertRecognizer()
    path = Path(name)
    if path.is_dir():
        from .camelbert import CamelBertRecognizer

        return CamelBertRecognizer(path)
    if path.suffix == ".npz":
        from .bilstm import BiLSTMRecognizer

        return BiLSTMRecognizer(path)
    if path.suffix == ".crfsuite":
        from .crf import CRFRecognizer

        return CRFRecognizer(path)
    raise ValueError(
        f"unknown recognizer {str(name)!r}: use {BUILTIN!r}, {CRF!r}, {CAMELBERT!r}, the path of a "
        ".npz (BiLSTM) or .crfsuite (CRF) model file, or a BERT model folder"
    )
