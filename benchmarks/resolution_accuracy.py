"""Entity resolution: do the mentions of one real-world entity get one id, in every document?

    .venv/bin/python benchmarks/resolution_accuracy.py [--recognizer builtin|crf] [--show-errors]

Set: ``benchmarks/data/resolution/`` (``documents.jsonl``, ``entities.json``): short news-style
documents composed and annotated by this project, with every PERS, ORG and LOC mention linked to a
gold entity key (rules and counts in its README). The documents go through ``ae.extract_many``
(``builtin``; other recognizers through ``ae.load(name).pipe``) and then ``ae.link_entities``,
which makes entity ids agree across documents; without ``link_entities`` the unlinked documents
are scored and a warning is printed.

Each gold mention is matched to the predicted mention (``doc.mentions``) with the same span; failing
that, to the one that overlaps it most (a span mismatch, whose entity is still used); failing
that, it is missed. Measured over the whole corpus at once, since ids must agree across documents:

- found: gold mentions matched exactly or by overlap (recall of mentions, spans aside).
- mention-to-entity accuracy: each gold entity's dominant id is the predicted id held by most of its
  found mentions (ties: the id seen first). A gold mention is correct iff it was found, its
  predicted id is its gold entity's dominant id, and no other gold entity with that same dominant
  id holds it with more mentions (on a tie, neither entity owns the id and both are wrong).
  Accuracy = correct / all gold mentions (end to end: a mention the recognizer missed counts as
  wrong); also correct / found mentions (resolution alone), and split by mentions with and
  without a proclitic glued to the name (وبوتين, للكرملين).
- split gold entities: found mentions spread over more than one predicted id.
- merging predicted ids: ids held by found mentions of more than one gold entity.
- name_en accuracy: over gold entities with an English name, the share whose dominant id's
  ``Entity.name_en`` (``doc.entity(id)``; the most common non-empty value over the documents that
  hold the entity's mentions) equals it, case-insensitively after stripping.

``--show-errors`` lists each wrong mention and each wrong name_en.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import arabic_entities as ae

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "resolution"
# Arabic letters and tatweel: what may be glued to a name as a proclitic.
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0640\u0671-\u06D3]")


@dataclass
class Gold:
    doc: str
    index: int
    start: int
    end: int
    text: str
    entity: str
    label: str
    proclitic: str  # the Arabic letters glued before the span ('' when none)


@dataclass
class Match:
    gold: Gold
    kind: str  # "exact", "overlap" or "missed"
    mention: object | None = None  # the predicted ae.Mention


def load_set(directory: Path = DATA) -> tuple[list[dict], dict[str, dict]]:
    """The documents and the gold entities, checked for consistency."""
    with open(directory / "documents.jsonl", encoding="utf-8") as f:
        documents = [json.loads(line) for line in f if line.strip()]
    entities = json.loads((directory / "entities.json").read_text(encoding="utf-8"))
    for doc in documents:
        for m in doc["mentions"]:
            if not 0 <= m["start"] < m["end"] <= len(doc["text"]):
                raise ValueError(f"{doc['id']}: span {m['start']}-{m['end']} is outside the text")
            if m["entity"] not in entities:
                raise ValueError(f"{doc['id']}: unknown entity {m['entity']!r}")
    return documents, entities


def gold_mentions(documents: list[dict]) -> list[Gold]:
    result = []
    for doc in documents:
        text = doc["text"]
        for i, m in enumerate(doc["mentions"]):
            start = m["start"]
            while start > 0 and ARABIC_LETTER.match(text[start - 1]):
                start -= 1
            result.append(
                Gold(
                    doc["id"],
                    i,
                    m["start"],
                    m["end"],
                    text[m["start"] : m["end"]],
                    m["entity"],
                    m["label"],
                    text[start : m["start"]],
                )
            )
    return result


def run_library(documents: list[dict], recognizer: str) -> dict[str, object]:
    """Predicted documents by id, linked across documents when the library can."""
    pairs = [(d["id"], d["text"]) for d in documents]
    if recognizer == "builtin":
        docs = list(ae.extract_many(pairs))
    else:
        docs = list(ae.load(recognizer).pipe(pairs))
    link = getattr(ae, "link_entities", None)
    if link is None:
        print(
            "WARNING: arabic_entities has no link_entities; scoring unlinked documents"
            " (ids agree across documents only where the per-document ids happen to)"
        )
    else:
        docs = list(link(docs))
    return {doc.id: doc for doc in docs}


def match(gold: Gold, predicted) -> Match:
    best, best_overlap = None, 0
    for m in predicted.mentions:
        if m.start == gold.start and m.end == gold.end:
            return Match(gold, "exact", m)
        overlap = min(m.end, gold.end) - max(m.start, gold.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return Match(gold, "overlap", best) if best is not None else Match(gold, "missed")


def entity_of(doc, entity_id: str):
    try:
        return doc.entity(entity_id)
    except KeyError:
        return None


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:6.2f}%" if d else "     -"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recognizer", default="builtin", help="builtin (BiLSTM-CRF) or crf")
    parser.add_argument("--show-errors", action="store_true", help="list every wrong mention and name_en")
    args = parser.parse_args()

    documents, entities = load_set()
    golds = gold_mentions(documents)
    started = time.perf_counter()
    predicted = run_library(documents, args.recognizer)
    seconds = time.perf_counter() - started
    matches = [match(g, predicted[g.doc]) for g in golds]
    found = [m for m in matches if m.mention is not None]

    # Dominant predicted id of each gold entity, and who owns each id.
    ids_of: dict[str, Counter] = defaultdict(Counter)
    for m in found:
        ids_of[m.gold.entity][m.mention.entity_id] += 1
    dominant = {e: c.most_common(1)[0][0] for e, c in ids_of.items()}
    claims: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e, pid in dominant.items():
        claims[pid].append((ids_of[e][pid], e))
    owner: dict[str, str | None] = {}
    for pid, claimants in claims.items():
        claimants.sort(reverse=True)
        tie = len(claimants) > 1 and claimants[0][0] == claimants[1][0]
        owner[pid] = None if tie else claimants[0][1]

    def correct(m: Match) -> bool:
        if m.mention is None:
            return False
        pid = m.mention.entity_id
        return pid == dominant.get(m.gold.entity) and owner.get(pid) == m.gold.entity

    ok = [correct(m) for m in matches]
    split = [e for e, c in ids_of.items() if len(c) > 1]
    golds_of_id: dict[str, set[str]] = defaultdict(set)
    for m in found:
        golds_of_id[m.mention.entity_id].add(m.gold.entity)
    merging = [pid for pid, es in golds_of_id.items() if len(es) > 1]

    # name_en of each gold entity's dominant predicted entity.
    named = [e for e, info in entities.items() if info.get("name_en")]
    name_en_pred: dict[str, str | None] = {}
    for e in named:
        pid = dominant.get(e)
        values = Counter()
        if pid is not None:
            for doc_id in sorted({m.gold.doc for m in found if m.gold.entity == e and m.mention.entity_id == pid}):
                entity = entity_of(predicted[doc_id], pid)
                if entity is not None and entity.name_en:
                    values[entity.name_en] += 1
        name_en_pred[e] = values.most_common(1)[0][0] if values else None
    name_ok = {
        e: (name_en_pred[e] or "").strip().casefold() == entities[e]["name_en"].strip().casefold() for e in named
    }

    n = len(golds)
    n_exact = sum(m.kind == "exact" for m in matches)
    n_overlap = sum(m.kind == "overlap" for m in matches)
    with_clitic = [i for i, g in enumerate(golds) if g.proclitic]
    without = [i for i, g in enumerate(golds) if not g.proclitic]
    linked = "link_entities" if hasattr(ae, "link_entities") else "NOT LINKED"
    print(
        f"recognizer: {args.recognizer}; {linked}; {len(documents)} documents, {n} gold mentions,"
        f" {len(entities)} gold entities; library time {seconds:.2f}s"
    )
    rows = [
        (
            "gold mentions found (exact or overlapping span)",
            f"{n_exact + n_overlap:4d}/{n}",
            pct(n_exact + n_overlap, n),
        ),
        ("  exact span", f"{n_exact:4d}/{n}", pct(n_exact, n)),
        ("  span mismatch (overlap)", f"{n_overlap:4d}/{n}", pct(n_overlap, n)),
        ("  missed", f"{n - n_exact - n_overlap:4d}/{n}", pct(n - n_exact - n_overlap, n)),
        ("mention-to-entity accuracy", f"{sum(ok):4d}/{n}", pct(sum(ok), n)),
        (
            "  of the found mentions (resolution alone)",
            f"{sum(ok):4d}/{n_exact + n_overlap}",
            pct(sum(ok), n_exact + n_overlap),
        ),
        (
            "  mentions with a glued proclitic",
            f"{sum(ok[i] for i in with_clitic):4d}/{len(with_clitic)}",
            pct(sum(ok[i] for i in with_clitic), len(with_clitic)),
        ),
        (
            "  mentions without",
            f"{sum(ok[i] for i in without):4d}/{len(without)}",
            pct(sum(ok[i] for i in without), len(without)),
        ),
    ]
    for label in ("PERS", "ORG", "LOC", "MISC"):
        idx = [i for i, g in enumerate(golds) if g.label == label]
        if idx:
            rows.append(
                (f"  {label}", f"{sum(ok[i] for i in idx):4d}/{len(idx)}", pct(sum(ok[i] for i in idx), len(idx)))
            )
    rows += [
        ("gold entities split over >1 predicted id", f"{len(split):4d}/{len(ids_of)}", ""),
        ("predicted ids merging >1 gold entity", f"{len(merging):4d}/{len(golds_of_id)}", ""),
        (
            "name_en accuracy (gold entities with name_en)",
            f"{sum(name_ok.values()):4d}/{len(named)}",
            pct(sum(name_ok.values()), len(named)),
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print()
    for name, count, share in rows:
        print(f"{name:<{width}}  {count:>9}  {share}")

    if args.show_errors:
        print("\n== wrong mentions (doc, gold text, gold entity -> predicted)")
        for m, good in zip(matches, ok):
            if good:
                continue
            g = m.gold
            where = f"{g.doc} {g.start}-{g.end} {g.proclitic + '+' if g.proclitic else ''}{g.text} [{g.entity}]"
            if m.mention is None:
                print(f"{where} -> MISSED")
                continue
            pid = m.mention.entity_id
            entity = entity_of(predicted[g.doc], pid)
            name = f"{entity.name} / {entity.name_en}" if entity is not None else "?"
            if pid != dominant.get(g.entity):
                why = f"not the dominant id {dominant.get(g.entity)}"
            else:
                why = f"id owned by {owner.get(pid) or 'nobody (tie)'}"
            span = " (span mismatch)" if m.kind == "overlap" else ""
            print(f"{where} -> {m.mention.text!r} {m.mention.label} {pid} ({name}){span}: {why}")
        print("\n== wrong name_en (gold entity: gold -> predicted)")
        for e in named:
            if not name_ok[e]:
                print(
                    f"{e}: {entities[e]['name_en']!r} -> {name_en_pred[e]!r}"
                    f"{'' if e in dominant else ' (no mention found)'}"
                )


if __name__ == "__main__":
    sys.exit(main())
