"""camel-tools' BERT NER model as a recognizer: ``ner.load("camelbert")`` or a model folder.

camel-tools' own ``NERecognizer`` pads every segment to 256 word pieces (camel-tools
issue #38) and drops the labels of words its tokenizer turns into nothing (#105);
importing ``camel_tools.ner`` also fetches camel-tools' data catalogue over the
network. This recognizer runs the same kind of model folder (a
``BertForTokenClassification`` with its ``vocab.txt``, as ``camel_data -i ner``
installs it) through transformers directly:

- no camel-tools import and no network: the folder is read from disk only;
- word pieces are made per token and labelled by the token's first piece, as
  camel-tools does; a token with no piece (a stray diacritic) gets ``[UNK]``,
  so every token gets exactly one label;
- sentences longer than the model's window are cut into segments at token
  boundaries; segments are sorted by length and padded per batch only;
- labels come from the model's own ``id2label``; an ``I-`` that does not continue
  an entity becomes ``B-`` (valid IOB2).

Installed models live in ``$CAMELTOOLS_DATA/data/ner/arabert`` (``~/.camel_tools``
when the variable is unset), where :func:`installed_model_dir` looks for them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..camel_data import data_dir
from .base import Recognizer, check_batch

if TYPE_CHECKING:
    import numpy as np

__all__ = ["CamelBertRecognizer", "installed_model_dir", "valid_iob2", "MAX_PIECES"]

#: Word pieces per segment, [CLS] and [SEP] included (camel-tools uses 256).
MAX_PIECES = 256
INSTALL_HINT = (
    "install camel-tools' NER model with `camel_data -i ner` (it goes to $CAMELTOOLS_DATA, or "
    "~/.camel_tools), or pass the path of a folder holding a BERT token-classification model: "
    "ae.ner.load('/path/to/model')"
)


def installed_model_dir(name: str = "arabert") -> Path:
    """Where ``camel_data -i ner`` puts camel-tools' NER model, without importing camel-tools."""
    return data_dir("ner", name)


def _check_model_dir(path: Path) -> None:
    if not path.is_dir():
        raise FileNotFoundError(f"no NER model folder at {path}: {INSTALL_HINT}")
    missing = [name for name in ("config.json", "vocab.txt") if not (path / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{path} lacks {', '.join(missing)}: not a BERT model folder; {INSTALL_HINT}")


class CamelBertRecognizer(Recognizer):
    """IOB2 tagger backed by a BERT token-classification model folder (camel-tools' format).

    ``batch_size`` segments run together; ``threads`` is torch's CPU thread count
    while this recognizer runs (set for each forward pass and restored after it;
    None leaves torch's setting alone).
    """

    def __init__(
        self,
        model_dir: str | os.PathLike | None = None,
        *,
        batch_size: int = 32,
        max_pieces: int = MAX_PIECES,
        threads: int | None = None,
    ) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else installed_model_dir()
        _check_model_dir(self.model_dir)
        if batch_size < 1 or max_pieces < 3:
            raise ValueError("batch_size must be >= 1 and max_pieces >= 3")
        import torch
        from transformers import BertForTokenClassification, BertTokenizer

        self.threads = threads
        self._torch = torch
        self.tokenizer = BertTokenizer.from_pretrained(self.model_dir)
        self.model = BertForTokenClassification.from_pretrained(self.model_dir).eval()
        self.labels = [self.model.config.id2label[i] for i in range(self.model.config.num_labels)]
        self.batch_size = batch_size
        self.max_pieces = max_pieces
        self._lock = threading.Lock()  # one forward pass at a time: torch modules are not re-entrant

    def _pieces(self, token: str) -> list[int]:
        ids = self.tokenizer.convert_tokens_to_ids(self.tokenizer.tokenize(token))
        return ids or [self.tokenizer.unk_token_id]

    def _segments(self, sentences: Sequence[Sequence[str]]) -> list[tuple[int, list[list[int]]]]:
        """``(sentence index, word pieces per token)`` segments within the piece budget."""
        budget = self.max_pieces - 2
        segments = []
        for index, tokens in enumerate(sentences):
            current: list[list[int]] = []
            used = 0
            for token in tokens:
                pieces = self._pieces(token)[:budget]
                if current and used + len(pieces) > budget:
                    segments.append((index, current))
                    current, used = [], 0
                current.append(pieces)
                used += len(pieces)
            if current:
                segments.append((index, current))
        return segments

    def _run(self, segments: list[list[list[int]]]) -> list[np.ndarray]:
        """Label probabilities (n_tokens, n_labels) of each segment's tokens."""
        torch = self._torch
        cls, sep, pad = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id, self.tokenizer.pad_token_id
        rows = [[cls, *(p for pieces in segment for p in pieces), sep] for segment in segments]
        width = max(map(len, rows))
        ids = torch.full((len(rows), width), pad, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = torch.tensor(row)
            mask[i, : len(row)] = 1
        with self._lock, torch.inference_mode():
            previous = torch.get_num_threads()
            if self.threads is not None:
                torch.set_num_threads(self.threads)
            try:
                logits = self.model(input_ids=ids, attention_mask=mask).logits
            finally:
                torch.set_num_threads(previous)
        probabilities = torch.softmax(logits.float(), -1).numpy()
        results = []
        for i, segment in enumerate(segments):
            firsts, position = [], 1
            for pieces in segment:
                firsts.append(position)
                position += len(pieces)
            results.append(probabilities[i, firsts])
        return results

    def predict_scores(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        check_batch(sentences)
        segments = self._segments(sentences)
        order = sorted(range(len(segments)), key=lambda i: sum(map(len, segments[i][1])))
        probabilities: list = [None] * len(segments)
        for first in range(0, len(order), self.batch_size):
            batch = order[first : first + self.batch_size]
            for i, result in zip(batch, self._run([segments[i][1] for i in batch])):
                probabilities[i] = result
        labels: list[list[str]] = [[] for _ in sentences]
        scores: list[list[float]] = [[] for _ in sentences]
        for (index, _), result in zip(segments, probabilities):
            best = result.argmax(-1)
            labels[index].extend(self.labels[k] for k in best)
            scores[index].extend(float(result[t, k]) for t, k in enumerate(best))
        return [(valid_iob2(tags), probs) for tags, probs in zip(labels, scores)]

    def __repr__(self) -> str:
        return f"CamelBertRecognizer({str(self.model_dir)!r})"


def valid_iob2(tags: list[str]) -> list[str]:
    """``tags`` with each ``I-X`` that does not continue an ``X`` entity turned into ``B-X``.

    >>> valid_iob2(["I-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"])
    ['B-PERS', 'I-PERS', 'O', 'B-LOC', 'B-ORG', 'B-LOC']
    """
    fixed: list[str] = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or fixed[i - 1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed
