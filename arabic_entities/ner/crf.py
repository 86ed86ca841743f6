"""The "crf" recognizer: a linear-chain CRF (python-crfsuite) over token features.

The model is a plain crfsuite file shipped inside the package; loading it runs
no code from the file. It is smaller and faster than the default BiLSTM-CRF
(:mod:`.bilstm`) and less accurate; ``ae.load("crf")`` selects it.

>>> rec = CRFRecognizer()
>>> rec.predict([["التقى", "بوتين", "في", "موسكو"]])
[['O', 'B-PERS', 'O', 'B-LOC']]
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from ..lexicon.gazetteer import Gazetteer
from .base import Recognizer, check_batch
from .features import CRFFeatures

__all__ = ["DEFAULT_MODEL_PATH", "CRFRecognizer"]

DEFAULT_MODEL_PATH = Path(__file__).parent / "models" / "crf.crfsuite"


class CRFRecognizer(Recognizer):
    """IOB2 tagger backed by a crfsuite model file (one tagger per thread); its features
    read ``gazetteer`` (the shipped name table by default: give the one it was trained with)."""

    def __init__(
        self, model_path: str | os.PathLike = DEFAULT_MODEL_PATH, *, gazetteer: Gazetteer | None = None
    ) -> None:
        self.model_path = Path(model_path)
        self.features = CRFFeatures(gazetteer)
        if not self.model_path.is_file():
            raise FileNotFoundError(f"CRF model file not found: {self.model_path}")
        self._local = threading.local()
        self._tagger()  # fail now, not on first use, when the file is not a crfsuite model

    def _tagger(self):
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(os.fspath(self.model_path))
            except ValueError as error:
                raise ValueError(f"{self.model_path} is not a crfsuite model file: {error}") from None
            self._local.tagger = tagger
        return tagger

    def predict_scores(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        check_batch(sentences)
        tagger = self._tagger()
        results: list[tuple[list[str], list[float]]] = []
        for tokens in sentences:
            if not tokens:
                results.append(([], []))
                continue
            tagger.set(self.features.sentence(list(tokens)))
            labels = tagger.tag()
            probabilities = [tagger.marginal(label, i) for i, label in enumerate(labels)]
            results.append((labels, probabilities))
        return results

    def __repr__(self) -> str:
        return f"CRFRecognizer({str(self.model_path)!r})"
