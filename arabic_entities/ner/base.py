"""What every recognizer provides: IOB2 labels over PERS/ORG/LOC/MISC, one per token."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

__all__ = ["Recognizer", "check_batch", "spans"]


def check_batch(sentences: Sequence[Sequence[str]]) -> None:
    """Raise TypeError unless ``sentences`` is a sequence of token sequences of str."""
    if isinstance(sentences, str) or not isinstance(sentences, Sequence):
        raise TypeError(
            f"predict expects a list of token lists, e.g. [['ماسك', 'وبوتين']], not {type(sentences).__name__}"
        )
    for i, tokens in enumerate(sentences):
        if isinstance(tokens, str) or not isinstance(tokens, Sequence):
            raise TypeError(f"sentence {i} must be a list of tokens, not {type(tokens).__name__}")
        for token in tokens:
            if not isinstance(token, str):
                raise TypeError(f"sentence {i}: tokens must be str, not {type(token).__name__}")


def spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(type, start, end)`` spans of one IOB2 tag sequence, ``end`` exclusive.

    >>> spans(["B-PERS", "I-PERS", "I-LOC", "O", "I-ORG"])
    [('PERS', 0, 2), ('LOC', 2, 3), ('ORG', 4, 5)]
    """
    result = []
    kind, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, tag_kind = tag.partition("-")
        continues = prefix == "I" and tag_kind == kind
        if kind is not None and not continues:
            result.append((kind, start, i))
            kind = None
        if prefix in ("B", "I") and not continues:
            kind, start = tag_kind, i
    return result


class Recognizer(ABC):
    """A named-entity tagger over tokenized sentences."""

    @abstractmethod
    def predict_scores(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """For each sentence: its IOB2 labels and each label's probability."""

    def predict(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 labels, one list per sentence and one label per token."""
        return [labels for labels, _ in self.predict_scores(sentences)]
