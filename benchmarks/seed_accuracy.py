"""Mentions and entities of the seed article against its hand annotation.

    .venv/bin/python benchmarks/seed_accuracy.py [--show-errors] [--recognizer builtin|crf|PATH]

Gold: ``data/seeds/seed_000.tsv``, the article of ``seeds/`` annotated line by line with the
markup and rules of ``data/realnews/`` (PERS, ORG, LOC; entity keys), without running the library
(see ``data/seeds/README.md``). The article goes through ``ae.extract`` as one document and is
scored as ``realnews_accuracy.py`` scores a sentence: span-level P/R/F1 over whole words, per type
and micro-averaged, and B³ over the gold mentions found with the right words.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import arabic_entities as ae

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from realnews import parse_markup  # noqa: E402
from realnews_accuracy import TYPES, b_cubed, prf, whole_words  # noqa: E402

SEED = HERE.parent / "seeds" / "000_c9c7c4effab98621.txt"
GOLD = HERE / "data" / "seeds" / "seed_000.tsv"


def read_gold(text: str) -> dict[tuple[int, int], tuple[str, str]]:
    """Gold mentions of the article, ``{(start, end): (label, key)}`` in article offsets."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    gold = {}
    for row in GOLD.read_text(encoding="utf-8").splitlines():
        number, markup = row.split("\t", 1)
        index = int(number.removeprefix("L"))
        plain, mentions = parse_markup(markup)
        if plain != lines[index]:
            raise SystemExit(f"{GOLD}: line {index} differs from the article")
        for start, end, label, key in mentions:
            gold[starts[index] + start, starts[index] + end] = (label, key)
    return gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--recognizer", default="builtin", help="builtin, crf, or a model path")
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    gold = read_gold(text)
    doc = ae.load(args.recognizer)(text, doc_id=SEED.name)
    predicted = {}
    for m in doc.mentions:
        predicted.setdefault(whole_words(text, m.start, m.end), (m.label, m.entity_id))
    gold_count = Counter(label for label, _ in gold.values())
    predicted_count = Counter(label for label, _ in predicted.values() if label in TYPES)
    correct = Counter(label for span, (label, _) in gold.items() if predicted.get(span, ("",))[0] == label)
    print(f"seed article: {sum(gold_count.values())} gold mentions")
    print(f"{'type':5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s}")
    for label in (*TYPES, None):
        counts = [sum(c.values()) if label is None else c[label] for c in (correct, predicted_count, gold_count)]
        p, r, f = prf(*counts)
        print(f"{label or 'all':5s} {p:6.2f} {r:6.2f} {f:6.2f} {counts[2]:5d}")
    found = [span for span in gold if span in predicted]
    bp, br, bf = b_cubed({s: gold[s][1] for s in found}, {s: predicted[s][1] for s in found})
    print(f"B3 over {len(found)} found mentions: P {bp:.2f} R {br:.2f} F1 {bf:.2f}")
    if args.show_errors:
        for span, (label, _) in sorted(gold.items()):
            if predicted.get(span, ("",))[0] != label:
                print(f"missed {label} {text[span[0] : span[1]]!r} -> {predicted.get(span, ('-',))[0]}")
        for span, (label, _) in sorted(predicted.items()):
            if label in TYPES and span not in gold:
                print(f"spurious {label} {text[span[0] : span[1]]!r}")


if __name__ == "__main__":
    main()
