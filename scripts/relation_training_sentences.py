"""Sentences of real news to annotate with relations, for training (never for measuring).

    .venv/bin/python scripts/relation_training_sentences.py --sentences 1200 --output build/reltrain/sentences.jsonl

Draws articles at random (fixed seed) from ``../shared/data/unlabeled/``, leaving out every
article the project measures on (the 3,000 of the graph audit and the 480 of the real-news
sentences, see ``benchmarks/realnews.py``), runs ``ae.extract`` on each and keeps one random
sentence of 6 to 60 words that names 2 to 5 different people, organizations or places.
Each line: ``id``, ``text``, ``annotated`` (the sentence with its mentions marked
``[[LABEL|entity id|words]]``, as the pipeline found them), ``entities`` and
``pairs_to_label`` (every pair of entity ids), the input of the annotation guide
``benchmarks/data/realnews/relations_guide.md``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from pathlib import Path

import arabic_entities as ae

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from self_label import unmeasured_articles  # noqa: E402

SEED = 16
MAX_ARTICLE_CHARS = 4000
LABELS = ("PERS", "ORG", "LOC")


def sentence_record(doc: ae.Document, index: int) -> dict | None:
    """The annotation record of sentence ``index`` of ``doc``, or None when it does not qualify."""
    sentence = doc.sentences[index]
    mentions = [m for m in doc.mentions if m.sentence == index and m.label in LABELS]
    entities = {m.entity_id for m in mentions}
    if not 6 <= len(sentence.text.split()) <= 60 or not 2 <= len(entities) <= 5:
        return None
    names = {e.id: e for e in doc.entities}
    parts, position = [], sentence.start
    for m in mentions:
        parts += [doc.text[position : m.start], f"[[{m.label}|{m.entity_id}|{m.text}]]"]
        position = m.end
    parts.append(doc.text[position : sentence.end])
    return {
        "id": f"{doc.id}:{index}",
        "text": sentence.text,
        "annotated": "".join(parts),
        "entities": [
            {
                "key": e,
                "label": names[e].label,
                "name": names[e].name,
                "surfaces": [m.text for m in mentions if m.entity_id == e],
            }
            for e in sorted(entities)
        ],
        "pairs_to_label": [list(pair) for pair in itertools.combinations(sorted(entities), 2)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=1200)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()

    pool = unmeasured_articles()
    rng = random.Random(SEED)
    rng.shuffle(pool)
    records: list[dict] = []
    batch = 200
    for start in range(0, len(pool), batch):
        inputs = [
            (f"{source}:{index}", text[:MAX_ARTICLE_CHARS]) for source, index, text in pool[start : start + batch]
        ]
        for doc in ae.extract_many(inputs):
            candidates = [r for i in range(len(doc.sentences)) if (r := sentence_record(doc, i))]
            if candidates:
                records.append(rng.choice(candidates))
        if len(records) >= args.sentences:
            break
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for record in records[: args.sentences]:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    pairs = sum(len(r["pairs_to_label"]) for r in records[: args.sentences])
    print(f"{min(len(records), args.sentences)} sentences, {pairs} pairs -> {args.output}")


if __name__ == "__main__":
    main()
