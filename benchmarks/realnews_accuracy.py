"""Mentions and entities on real news: the hand-annotated sentences of ``data/realnews/``.

    .venv/bin/python benchmarks/realnews_accuracy.py --part dev [--show-errors]
    .venv/bin/python benchmarks/realnews_accuracy.py --part test

Each sentence is one document: they go through ``ae.extract_many`` and ``ae.link_entities``
over the whole part, as a user's collection would. A predicted mention covers the whole words it
touches (a mention without its clitic, ``بوتين`` of ``وبوتين``, covers the word ``وبوتين``, as
the annotation does); MISC mentions are not scored (MISC is not annotated).

- Mentions: span-level precision, recall and F1 (CoNLL/seqeval-style: a mention is right when its
  words and its type are the gold ones), per type and micro-averaged over PERS, ORG and LOC.
- Entities: B³ precision, recall and F1 over the gold mentions found with the right words
  (whatever their type): each mention's predicted entity (its id) against its gold entity (key).

``--show-errors`` lists missed and spurious mentions and B³ errors; it refuses the test part,
which is never used to tune or debug.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import arabic_entities as ae

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from realnews import OUT, read_annotated  # noqa: E402

TYPES = ("PERS", "ORG", "LOC")
WORD_CHAR = re.compile(r"\w")


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened to the whole words it touches."""
    while start > 0 and WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and WORD_CHAR.match(text[end]):
        end += 1
    return start, end


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def b_cubed(gold: dict[object, str], predicted: dict[object, str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 (in %) over the mentions both dicts hold (mention -> cluster)."""
    gold_clusters: defaultdict[str, set[object]] = defaultdict(set)
    predicted_clusters: defaultdict[str, set[object]] = defaultdict(set)
    for mention, cluster in gold.items():
        gold_clusters[cluster].add(mention)
    for mention, cluster in predicted.items():
        predicted_clusters[cluster].add(mention)
    precision = recall = 0.0
    for mention in gold:
        g, p = gold_clusters[gold[mention]], predicted_clusters[predicted[mention]]
        overlap = len(g & p)
        precision += overlap / len(p)
        recall += overlap / len(g)
    n = len(gold)
    p, r = 100 * precision / n, 100 * recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "test"), required=True)
    parser.add_argument("--recognizer", default="builtin")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    if args.show_errors and args.part == "test":
        raise SystemExit("the test part is only scored: errors are shown for dev only")

    annotated = read_annotated(OUT / f"{args.part}.tsv")
    inputs = [(sentence_id, text) for sentence_id, (text, _) in annotated.items()]
    if args.recognizer == "builtin":
        docs = ae.extract_many(inputs)
    else:
        docs = list(ae.load(args.recognizer).pipe(inputs))
    docs = ae.link_entities(docs)

    gold_spans: dict[tuple[str, int, int], tuple[str, str]] = {}
    for sentence_id, (_, mentions) in annotated.items():
        for start, end, label, key in mentions:
            gold_spans[sentence_id, start, end] = (label, key)
    predicted_spans: dict[tuple[str, int, int], tuple[str, str]] = {}
    for doc in docs:
        for m in doc.mentions:
            start, end = whole_words(doc.text, m.start, m.end)
            predicted_spans.setdefault((doc.id, start, end), (m.label, m.entity_id))

    correct: Counter[str] = Counter()
    gold_count = Counter(label for label, _ in gold_spans.values())
    predicted_count = Counter(label for label, _ in predicted_spans.values() if label in TYPES)
    for span, (label, _) in gold_spans.items():
        if span in predicted_spans and predicted_spans[span][0] == label:
            correct[label] += 1
    print(f"realnews {args.part}: {len(annotated)} sentences, {sum(gold_count.values())} gold mentions")
    print(f"{'type':5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s}")
    for label in TYPES:
        p, r, f = prf(correct[label], predicted_count[label], gold_count[label])
        print(f"{label:5s} {p:6.2f} {r:6.2f} {f:6.2f} {gold_count[label]:5d}")
    p, r, f = prf(sum(correct.values()), sum(predicted_count.values()), sum(gold_count.values()))
    print(f"{'all':5s} {p:6.2f} {r:6.2f} {f:6.2f} {sum(gold_count.values()):5d}")

    found = [span for span in gold_spans if span in predicted_spans]
    bp, br, bf = b_cubed(
        {span: gold_spans[span][1] for span in found}, {span: predicted_spans[span][1] for span in found}
    )
    print(f"B3 over {len(found)} found mentions: P {bp:.2f} R {br:.2f} F1 {bf:.2f}")

    if args.show_errors:
        texts = {sentence_id: text for sentence_id, text in inputs}
        print("---- missed or mistyped (gold -> predicted)")
        for (sid, start, end), (label, _) in sorted(gold_spans.items()):
            got = predicted_spans.get((sid, start, end))
            if got is None or got[0] != label:
                overlapping = [
                    f"{texts[sid][s:e]!r} {kind}"
                    for (other, s, e), (kind, _) in predicted_spans.items()
                    if other == sid and s < end and start < e
                ]
                print(f"{sid} {label} {texts[sid][start:end]!r} -> {', '.join(overlapping) or '-'}")
        print("---- spurious (predicted, no gold mention with these words)")
        for (sid, start, end), (label, _) in sorted(predicted_spans.items()):
            if label in TYPES and (sid, start, end) not in gold_spans:
                print(f"{sid} {label} {texts[sid][start:end]!r}")
        print("---- entities: gold entities split over predicted ids, predicted ids holding several gold entities")
        by_gold: defaultdict[str, set[str]] = defaultdict(set)
        by_predicted: defaultdict[str, set[str]] = defaultdict(set)
        surface = {}
        for span in found:
            by_gold[gold_spans[span][1]].add(predicted_spans[span][1])
            by_predicted[predicted_spans[span][1]].add(gold_spans[span][1])
            surface[span] = texts[span[0]][span[1] : span[2]]
        for key, ids in sorted(by_gold.items()):
            if len(ids) > 1:
                forms = sorted({surface[s] for s in found if gold_spans[s][1] == key})
                print(f"split {key}: {len(ids)} ids; {' / '.join(forms)}")
        for entity, keys in sorted(by_predicted.items()):
            if len(keys) > 1:
                print(f"merged {entity}: {'; '.join(sorted(keys))}")


if __name__ == "__main__":
    main()
