"""Span-level precision, recall and F1 with conlleval conventions.

A span starts at ``B-X``, or at ``I-X`` that follows ``O`` or another type (an
orphan ``I-`` starts a span, as in conlleval and seqeval's default mode), and
continues over ``I-X``. A predicted span counts only when type, start and end
all match a gold span.

>>> gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
>>> pred = [["B-PERS", "I-PERS", "O", "B-ORG"]]
>>> round(evaluate(gold, pred).micro.f1, 3)
0.5
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .base import Recognizer, spans

__all__ = ["Scores", "Report", "evaluate", "score_recognizer"]


@dataclass(frozen=True)
class Scores:
    """Counts and the measures derived from them."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    """Micro-averaged scores and scores per entity type."""

    micro: Scores
    by_type: dict[str, Scores]

    def table(self) -> str:
        """A fixed-width text table of P/R/F1 (in percent) per type and micro."""
        lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
        for name, s in [*sorted(self.by_type.items()), ("micro", self.micro)]:
            lines.append(
                f"{name:<6} {100 * s.precision:6.2f} {100 * s.recall:6.2f} {100 * s.f1:6.2f}"
                f" {s.gold:6d} {s.predicted:6d}"
            )
        return "\n".join(lines)


def evaluate(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> Report:
    """Compare predicted IOB2 sequences with gold ones, sentence by sentence."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for i, (g, p) in enumerate(zip(gold, predicted)):
        if len(g) != len(p):
            raise ValueError(f"sentence {i}: {len(g)} gold tags but {len(p)} predicted")
        gold_spans, pred_spans = set(spans(g)), set(spans(p))
        n_gold.update(kind for kind, _, _ in gold_spans)
        n_pred.update(kind for kind, _, _ in pred_spans)
        tp.update(kind for kind, _, _ in gold_spans & pred_spans)
    kinds = sorted(set(n_gold) | set(n_pred))
    by_type = {k: Scores(tp[k], n_pred[k], n_gold[k]) for k in kinds}
    micro = Scores(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return Report(micro, by_type)


def score_recognizer(recognizer: Recognizer, sentences: Sequence[tuple[Sequence[str], Sequence[str]]]) -> Report:
    """Span-level scores of ``recognizer`` on ``(tokens, gold tags)`` sentences."""
    predicted = recognizer.predict([tokens for tokens, _ in sentences])
    return evaluate([tags for _, tags in sentences], predicted)
