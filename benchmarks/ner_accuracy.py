"""Span-level accuracy and tagging speed of a recognizer on the evaluation sets.

    python benchmarks/ner_accuracy.py [--model builtin|crf|PATH.npz|PATH.crfsuite]

Sets (each scored only if its file exists):

- ANERcorp, CAMeL test split: PERS, ORG, LOC, MISC.
- Wojood sample, test part: its types mapped to ours (PERS, ORG; GPE and LOC -> LOC; every
  other type -> O); scored on PERS, ORG and LOC only (predicted MISC is dropped).
- WikiFANE Gold, test part: the last 10 % of its sentences (whole Wikipedia articles, never
  trained on: ``scripts/split_wikifane.py`` writes the rest), PERS/ORG/LOC/MISC view, titles
  moved out of person spans as the library marks people; scored on PERS, ORG and LOC.
- ``benchmarks/data/recent_news.conll``: news sentences of 2022-2026 composed and annotated by
  this project (PERS, ORG, LOC, MISC).

Prints conlleval-style precision, recall and F1 per type and micro-averaged, for the
recognizer and, on ANERcorp, for a baseline measured in the same run: the classic CoNLL
baseline that tags each word with its most frequent label in the training file. Speed is
tokens per second of ``predict`` on the whole ANERcorp test split, one process, after
loading; the whole ``ae.extract`` pipeline (normalization, tokenization, recognition,
clitics, propagation, entities) is timed on the same text cut into documents of 20 sentences.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

import arabic_entities as ae
from arabic_entities.ner.conll import read_conll
from arabic_entities.ner.scoring import evaluate
from arabic_entities.ner.train_bilstm import titles_outside
from arabic_entities.ner.train_crf import split_dev

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data" / "ner"
ANERCORP = SHARED / "anercorp" / "camel_split_reconstructed"
WOJOOD_TEST = SHARED / "wojood_sample" / "conll_flat" / "test.txt"
RECENT_NEWS = HERE / "data" / "recent_news.conll"
WIKIFANE = SHARED / "wikifane_gold" / "wikifane_gold.anerstyle.conll"
WIKIFANE_TEST_FRACTION = 0.1  # as scripts/split_wikifane.py
WOJOOD_TYPES = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


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


def keep_types(tags: list[str], mapping: dict[str, str]) -> list[str]:
    """Tags with types renamed by ``mapping``; types it lacks become O."""
    kept = []
    for tag in tags:
        prefix, _, kind = tag.partition("-")
        kept.append(f"{prefix}-{mapping[kind]}" if kind in mapping else "O")
    return kept


def timed(recognizer, sentences):
    started = time.perf_counter()
    predicted = recognizer.predict(sentences)
    return predicted, time.perf_counter() - started


def report(title: str, gold, predicted) -> None:
    n_tokens = sum(map(len, gold))
    print(f"\n== {title} ({len(gold)} sentences, {n_tokens} tokens)")
    print(evaluate(gold, predicted).table())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--model", default="builtin", help="builtin (BiLSTM-CRF), crf, or a .npz / .crfsuite model file"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    recognizer = ae.ner.load(args.model)
    recognizer.predict([["تحميل"]])
    print(f"recognizer: {args.model} (loaded in {time.perf_counter() - started:.2f}s)")

    test = read_conll(ANERCORP / "test.txt")
    tokens = [t for t, _ in test]
    gold = [g for _, g in test]
    n_tokens = sum(map(len, tokens))
    baseline = MostFrequentLabel(read_conll(ANERCORP / "train.txt"))
    base_pred, base_seconds = timed(baseline, tokens)
    pred, seconds = timed(recognizer, tokens)
    report("ANERcorp test: most-frequent-label baseline", gold, base_pred)
    report("ANERcorp test: recognizer", gold, pred)

    if WOJOOD_TEST.exists():
        wojood = read_conll(WOJOOD_TEST)
        ours = {k: k for k in ("PERS", "ORG", "LOC")}
        gold_w = [keep_types(g, WOJOOD_TYPES) for _, g in wojood]
        pred_w = [keep_types(p, ours) for p in recognizer.predict([t for t, _ in wojood])]
        report("Wojood sample test (PERS, ORG, LOC = GPE + LOC)", gold_w, pred_w)
    if WIKIFANE.exists():
        _, wikifane = split_dev(read_conll(WIKIFANE), WIKIFANE_TEST_FRACTION)
        ours = {k: k for k in ("PERS", "ORG", "LOC")}
        gold_f = [keep_types(titles_outside(s)[1], ours) for s in wikifane]
        pred_f = [keep_types(p, ours) for p in recognizer.predict([t for t, _ in wikifane])]
        report("WikiFANE Gold test part (PERS, ORG, LOC)", gold_f, pred_f)
    if RECENT_NEWS.exists():
        recent = read_conll(RECENT_NEWS)
        report(
            "recent news 2022-2026 (project-annotated)",
            [g for _, g in recent],
            recognizer.predict([t for t, _ in recent]),
        )

    documents = [" ".join(" ".join(t) for t in tokens[i : i + 20]) for i in range(0, len(tokens), 20)]
    started = time.perf_counter()
    pipeline_tokens = sum(len(doc.tokens) for doc in ae.load(args.model).pipe(documents))
    pipeline_seconds = time.perf_counter() - started
    print(
        f"\nspeed on ANERcorp test ({n_tokens} tokens): recognizer {n_tokens / seconds:,.0f} tokens/s;"
        f" baseline {n_tokens / base_seconds:,.0f} tokens/s; ratio recognizer/baseline {base_seconds / seconds:.3f}"
    )
    print(
        f"pipeline: ae.extract {pipeline_tokens / pipeline_seconds:,.0f} tokens/s"
        f" ({len(documents)} documents, {pipeline_tokens} tokens)"
    )


if __name__ == "__main__":
    main()
