"""Typed relations between entities in one sentence: are they found, typed and oriented right?

    .venv/bin/python benchmarks/relation_accuracy.py [--set composed|realnews] [--split test|dev|all] [--show-errors]

Sets, each with every pair of named entities in a sentence labelled ``contact``, ``support``,
``conflict``, ``affiliation``, ``located_in`` or ``none`` (rules and counts in their READMEs):

- ``composed`` (default): ``benchmarks/data/relations/sentences.jsonl``, single news sentences
  composed and annotated by this project. Head and tail are surface strings, each found once in
  the sentence with ``str.find``.
- ``realnews``: ``benchmarks/data/realnews/relations.jsonl``, the real news sentences of
  ``benchmarks/data/realnews/`` that hold two entities or more; head and tail are entity keys of
  that set's annotation, and each side has the spans of all its mentions in the sentence.

The default split is ``test``; ``dev`` is the part a relation extractor's author may look at.

Each sentence goes through ``ae.extract``. Each gold mention is mapped to the predicted mention
(``doc.mentions``) that overlaps its span most, and so to an entity id; a side's ids are those of
its mentions. A pair is *lost to recognition* when either side has no overlapping mention, or when
both sides land on one entity id only. The predicted relation of a found pair is the first entry
of ``doc.relations`` that joins an id of one side to a different id of the other, in either order;
no entry means ``none``. (When the recognizer joins two gold entities into one mention, e.g.
``ترامب بزيلينسكي``, their pairs are lost, and a pair of a third entity with either of them is
scored with the joined id.)

- Per type and micro-averaged over the five relation types: precision, recall, F1. A gold typed
  pair predicted with its type is a TP; predicted with another type it is an FN of the gold type
  and an FP of the predicted one; predicted ``none`` or lost to recognition it is an FN. A gold
  ``none`` pair with a predicted relation is an FP of the predicted type. Reported over all gold
  pairs (end to end) and over the pairs whose two entities were both found (relations alone).
- Direction: over gold directed pairs whose type was predicted right, the share whose predicted
  relation is directed with head and tail in the gold order.
- A gold x predicted confusion table over the found pairs, and a count of predicted relations
  that join no gold pair (between entities the gold set does not pair, e.g. a false mention).

``--show-errors`` lists every gold pair that is lost, mistyped or wrongly oriented. If the
documents have no ``relations`` attribute, or it is always empty, every score is zero.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import arabic_entities as ae

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "relations" / "sentences.jsonl"
REALNEWS = HERE / "data" / "realnews"
TYPES = ("contact", "support", "conflict", "affiliation", "located_in")
NONE = "none"


Span = tuple[int, int]


@dataclass
class Outcome:
    sentence: dict
    pair: dict
    head_ids: set[str]
    tail_ids: set[str]
    lost: str  # why the pair was lost to recognition ('' when both entities were found)
    relation: object | None  # the predicted ae.Relation for the pair, if any

    @property
    def gold(self) -> str:
        return self.pair["type"]

    @property
    def predicted(self) -> str:
        return self.relation.type if self.relation is not None else NONE

    @property
    def direction_ok(self) -> bool:
        r = self.relation
        return r is not None and bool(r.directed) and r.head in self.head_ids and r.tail in self.tail_ids

    @property
    def reversed(self) -> bool:
        r = self.relation
        return r is not None and bool(r.directed) and r.head in self.tail_ids and r.tail in self.head_ids


def _check(sentences: list[dict]) -> list[dict]:
    """The sentences, checked: known splits and types, spans for each side."""
    for s in sentences:
        if s.get("split") not in ("dev", "test"):
            raise ValueError(f"{s['id']}: split must be dev or test, got {s.get('split')!r}")
        for p in s["pairs"]:
            if p["type"] not in TYPES + (NONE,):
                raise ValueError(f"{s['id']}: unknown type {p['type']!r}")
            if not p["head_spans"] or not p["tail_spans"]:
                raise ValueError(f"{s['id']}: {p['head']} - {p['tail']}: a side has no mention")
    return sentences


def load_set(path: Path = DATA) -> list[dict]:
    """The composed sentences; head and tail are strings found exactly once in the text."""
    with open(path, encoding="utf-8") as f:
        sentences = [json.loads(line) for line in f if line.strip()]
    for s in sentences:
        for p in s["pairs"]:
            for side in ("head", "tail"):
                n = s["text"].count(p[side])
                if n != 1:
                    raise ValueError(f"{s['id']}: {side} {p[side]!r} occurs {n} times in the text")
                start = s["text"].find(p[side])
                p[f"{side}_spans"] = [(start, start + len(p[side]))]
    return _check(sentences)


def load_realnews(folder: Path = REALNEWS) -> list[dict]:
    """The real news sentences with their relations; head and tail are entity keys, and
    each side gets the spans of the key's mentions from ``dev.tsv`` / ``test.tsv``."""
    sys.path.insert(0, str(HERE))
    from realnews import read_annotated

    annotated = {**read_annotated(folder / "dev.tsv"), **read_annotated(folder / "test.tsv")}
    with open(folder / "relations.jsonl", encoding="utf-8") as f:
        sentences = [json.loads(line) for line in f if line.strip()]
    for s in sentences:
        text, mentions = annotated[s["id"]]
        s["text"] = text
        keys = {key for _, _, _, key in mentions}
        expected = {frozenset(pair) for pair in itertools.combinations(sorted(keys), 2)}
        labelled = [frozenset((p["head"], p["tail"])) for p in s["pairs"]]
        if len(labelled) != len(set(labelled)) or set(labelled) != expected:
            raise ValueError(f"{s['id']}: the pairs are not every pair of its entities once")
        for p in s["pairs"]:
            for side in ("head", "tail"):
                p[f"{side}_spans"] = [(start, end) for start, end, _, key in mentions if key == p[side]]
    return _check(sentences)


def entity_at(doc, start: int, end: int):
    """The predicted mention overlapping [start, end) most (the first on a tie), or None."""
    best, best_overlap = None, 0
    for m in doc.mentions:
        overlap = min(m.end, end) - max(m.start, start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def relations_of(doc) -> list:
    return list(getattr(doc, "relations", None) or [])


def entity_ids(doc, spans: list[Span]) -> set[str]:
    """The predicted entity ids of the mentions that overlap ``spans`` most, one per span."""
    mentions = (entity_at(doc, start, end) for start, end in spans)
    return {m.entity_id for m in mentions if m is not None}


def score_sentence(sentence: dict, doc) -> tuple[list[Outcome], int]:
    """The outcome of each gold pair, and how many predicted relations join no gold pair."""
    relations = relations_of(doc)
    outcomes, gold_keys = [], set()
    for pair in sentence["pairs"]:
        head_ids, tail_ids = entity_ids(doc, pair["head_spans"]), entity_ids(doc, pair["tail_spans"])
        missing = [side for side, ids in (("head", head_ids), ("tail", tail_ids)) if not ids]
        keys = {frozenset((h, t)) for h in head_ids for t in tail_ids if h != t}
        if missing:
            lost = " and ".join(missing) + " not recognized"
        elif not keys:
            lost = "head and tail are one predicted entity"
        else:
            lost = ""
        relation = None
        if not lost:
            gold_keys |= keys
            relation = next((r for r in relations if frozenset((r.head, r.tail)) in keys), None)
        outcomes.append(Outcome(sentence, pair, head_ids, tail_ids, lost, relation))
    unmatched = sum(frozenset((r.head, r.tail)) not in gold_keys for r in relations)
    return outcomes, unmatched


def prf(outcomes: list[Outcome]) -> list[tuple[str, float, float, float, int, int, int]]:
    """Rows (type, P, R, F1, gold, predicted, correct): the five types, any other type, micro."""
    gold, pred, correct = Counter(), Counter(), Counter()
    for o in outcomes:
        predicted = NONE if o.lost else o.predicted
        if o.gold != NONE:
            gold[o.gold] += 1
        if predicted != NONE:
            pred[predicted] += 1
        if o.gold != NONE and predicted == o.gold:
            correct[o.gold] += 1
    others = sorted(t for t in pred if t not in TYPES)

    def row(name, g, p, c):
        precision = c / p if p else 0.0
        recall = c / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return name, 100 * precision, 100 * recall, 100 * f1, g, p, c

    rows = [row(t, gold[t], pred[t], correct[t]) for t in (*TYPES, *others)]
    rows.append(row("micro", sum(gold.values()), sum(pred.values()), sum(correct.values())))
    return rows


def print_prf(title: str, outcomes: list[Outcome]) -> None:
    print(f"\n== {title} ({len(outcomes)} gold pairs, {sum(o.gold != NONE for o in outcomes)} typed)")
    print(f"{'type':<12} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6} {'correct':>8}")
    for name, p, r, f, g, n, c in prf(outcomes):
        label = f"**{name}**" if name == "micro" else name
        print(f"{label:<12} {p:7.2f} {r:7.2f} {f:7.2f} {g:6d} {n:6d} {c:8d}")


def describe(doc, entity_ids: str | set[str]) -> str:
    if not entity_ids:
        return "-"
    if not isinstance(entity_ids, str):
        return ", ".join(describe(doc, entity_id) for entity_id in sorted(entity_ids))
    try:
        return f"{doc.entity(entity_ids).name} [{entity_ids}]"
    except KeyError:
        return f"[{entity_ids}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("composed", "realnews"), default="composed", dest="which")
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--show-errors", action="store_true", help="list every lost, mistyped or misoriented pair")
    args = parser.parse_args()

    loaded = load_set() if args.which == "composed" else load_realnews()
    sentences = [s for s in loaded if args.split == "all" or s["split"] == args.split]
    started = time.perf_counter()
    docs = [ae.extract(s["text"], s["id"]) for s in sentences]
    seconds = time.perf_counter() - started
    has_attr = all(hasattr(d, "relations") for d in docs)
    n_relations = sum(len(relations_of(d)) for d in docs)

    outcomes: list[Outcome] = []
    unmatched = 0
    for s, doc in zip(sentences, docs):
        found, extra = score_sentence(s, doc)
        outcomes += found
        unmatched += extra
    docs_by_id = {s["id"]: d for s, d in zip(sentences, docs)}

    print(
        f"set: {args.which}; split: {args.split}; {len(sentences)} sentences, {len(outcomes)} gold pairs; "
        f"library time {seconds:.2f}s; {n_relations} predicted relations"
    )
    if not has_attr:
        print("WARNING: the documents have no `relations` attribute; scoring them as empty")
    elif n_relations == 0:
        print("WARNING: no relation was predicted for any sentence; every score is zero")

    lost = [o for o in outcomes if o.lost]
    found = [o for o in outcomes if not o.lost]
    typed_lost = sum(o.gold != NONE for o in lost)
    print(
        f"pairs lost to recognition: {len(lost)}/{len(outcomes)} ({typed_lost} of them typed, counted as FN);"
        f" of which one predicted entity for both sides: {sum(o.lost.startswith('head and tail') for o in lost)}"
    )
    print(f"predicted relations joining no found gold pair (not scored): {unmatched}")

    print_prf("all gold pairs (end to end; lost pairs are FN)", outcomes)
    print_prf("pairs whose two entities were both found (relations alone)", found)

    directed = [o for o in found if o.pair["directed"] and o.gold != NONE and o.predicted == o.gold]
    right = sum(o.direction_ok for o in directed)
    reversed_ = sum(o.reversed for o in directed)
    undirected = sum(not o.relation.directed for o in directed)
    share = f"{100 * right / len(directed):.2f}%" if directed else "-"
    n_gold_directed = sum(o.pair["directed"] for o in outcomes)
    print(
        f"\ndirection accuracy (gold directed pairs typed right): {right}/{len(directed)} {share};"
        f" reversed {reversed_}, predicted undirected {undirected}; gold directed pairs in all: {n_gold_directed}"
    )
    sym = [o for o in found if not o.pair["directed"] and o.gold != NONE and o.predicted == o.gold]
    n_sym_directed = sum(bool(o.relation.directed) for o in sym)
    print(f"gold undirected pairs typed right but predicted directed: {n_sym_directed}/{len(sym)}")

    labels = [*TYPES, NONE]
    labels += sorted({o.predicted for o in found} - set(labels))
    confusion = Counter((o.gold, o.predicted) for o in found)
    width = max(len(x) for x in labels)
    print("\n== confusion over found pairs (rows gold, columns predicted)")
    print(f"{'':<{width}} " + " ".join(f"{x[:8]:>8}" for x in labels))
    for g in (*TYPES, NONE):
        print(f"{g:<{width}} " + " ".join(f"{confusion[(g, p)]:8d}" for p in labels))

    if args.show_errors:
        print("\n== errors (sentence: head -> tail, gold -> predicted)")
        last = None
        for o in outcomes:
            wrong_dir = o.pair["directed"] and o.gold == o.predicted and o.gold != NONE and not o.direction_ok
            if not o.lost and o.gold == o.predicted and not wrong_dir:
                continue
            s, doc = o.sentence, docs_by_id[o.sentence["id"]]
            if s["id"] != last:
                print(f"\n{s['id']} [{s['split']}] {s['text']}")
                last = s["id"]
            gold = f"{o.gold}{' (directed)' if o.pair['directed'] else ''}"
            where = f"  {o.pair['head']} -> {o.pair['tail']}: gold {gold}"
            if o.lost:
                print(f"{where} -> LOST ({o.lost}; head {describe(doc, o.head_ids)}, tail {describe(doc, o.tail_ids)})")
                continue
            r = o.relation
            if r is None:
                print(f"{where} -> none (head {describe(doc, o.head_ids)}, tail {describe(doc, o.tail_ids)})")
                continue
            arrow = "->" if r.directed else "--"
            kind = "wrong direction" if wrong_dir else "wrong type"
            print(
                f"{where} -> {r.type}: {describe(doc, r.head)} {arrow} {describe(doc, r.tail)}"
                f" trigger {r.trigger!r} ({kind})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
