"""Span-level accuracy and tagging speed of the built-in recognizer on ANERcorp's test split.

    python benchmarks/ner_accuracy.py [--test PATH] [--model builtin|PATH.crfsuite]

Prints conlleval-style precision, recall and F1 per type and micro-averaged, for
the recognizer and for a baseline measured in the same run: the classic CoNLL
baseline that tags each word with its most frequent label in the training file
(or O when unseen). Speed is tokens per second of ``predict`` on the whole test
split, one process, after loading; the ratio is against that baseline. The whole
``ae.extract`` pipeline (normalization, tokenization, recognition, clitics,
propagation, entities) is timed on the same text cut into documents of 20 sentences.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

import arabic_entities as ae
from arabic_entities.ner.conll import read_conll
from arabic_entities.ner.evaluate import evaluate

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ner" / "anercorp" / "camel_split_reconstructed"


class MostFrequentLabel:
    """The CoNLL baseline: each word's most frequent training label (kept IOB2-valid)."""

    def __init__(self, sentences):
        counts: dict[str, Counter] = defaultdict(Counter)
        for tokens, tags in sentences:
            for token, tag in zip(tokens, tags):
                counts[token][tag] += 1
        self.best = {token: c.most_common(1)[0][0] for token, c in counts.items()}

    def predict(self, batch):
        result = []
        for tokens in batch:
            labels = [self.best.get(t, "O") for t in tokens]
            for i, label in enumerate(labels):  # an I- that does not continue becomes B-
                if label.startswith("I-") and (i == 0 or labels[i - 1][2:] != label[2:]):
                    labels[i] = "B-" + label[2:]
            result.append(labels)
        return result


def timed(recognizer, sentences):
    started = time.perf_counter()
    predicted = recognizer.predict(sentences)
    return predicted, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=DATA / "train.txt", help="for the baseline only")
    parser.add_argument("--test", type=Path, default=DATA / "test.txt")
    parser.add_argument("--model", default="builtin", help="'builtin' or a .crfsuite file")
    args = parser.parse_args()

    test = read_conll(args.test)
    tokens = [t for t, _ in test]
    gold = [g for _, g in test]
    n_tokens = sum(map(len, tokens))

    baseline = MostFrequentLabel(read_conll(args.train))
    started = time.perf_counter()
    recognizer = ae.ner.load(args.model)
    recognizer.predict([["تحميل"]])
    load_seconds = time.perf_counter() - started

    base_pred, base_seconds = timed(baseline, tokens)
    pred, seconds = timed(recognizer, tokens)
    documents = [" ".join(" ".join(t) for t in tokens[i : i + 20]) for i in range(0, len(tokens), 20)]
    started = time.perf_counter()
    pipeline_tokens = sum(len(doc.tokens) for doc in ae.load(args.model).pipe(documents))
    pipeline_seconds = time.perf_counter() - started

    print(f"test split: {args.test} ({len(test)} sentences, {n_tokens} tokens)\n")
    print("most-frequent-label baseline")
    print(evaluate(gold, base_pred).table())
    print(f"\nrecognizer: {args.model} (loaded in {load_seconds:.2f}s)")
    print(evaluate(gold, pred).table())
    print(f"\nspeed: recognizer {n_tokens / seconds:,.0f} tokens/s; baseline {n_tokens / base_seconds:,.0f} tokens/s;"
          f" ratio recognizer/baseline {base_seconds / seconds:.3f}")
    print(f"pipeline: ae.extract {pipeline_tokens / pipeline_seconds:,.0f} tokens/s"
          f" ({len(documents)} documents, {pipeline_tokens} tokens)")


if __name__ == "__main__":
    main()
