"""Graph audit: what a reader sees when the pipeline runs over 3,000 real news articles.

    .venv/bin/python benchmarks/graph_audit.py [--out build/audit.txt] [--review data/audit/review.tsv]

The articles are ``realnews.audit_articles``: 3,000 random articles (seed 2026) from
``../shared/data/unlabeled/``, none of them a source of the annotated sentences of
``data/realnews/``. They go through ``ae.extract_many`` (2 processes) and ``ae.cooccurrence_graph``
(entities joined across documents; by default the graph's own label filter).

Printed:

- the 100 nodes with the most mentions: label, mentions, documents, name, English name, the most
  frequent other forms of its mentions, and the reviewer's verdict from ``data/audit/review.tsv``
  (the review of the audit of this version; ``review_84e26a6.tsv`` is that of the version before
  issue 13)
  (``ok``, ``junk``, ``split`` (the same real entity as another top-100 node), ``merged``
  (two real entities in one node), ``wrong-english`` (an English name that is wrong or not English),
  ``wrong-type`` (a real entity of another type));
  nodes not in the review file are ``?`` and must be reviewed by reading them;
- the verdict counts, and the top-100 nodes without an English name although the name table has
  one for one of their forms (any label);
- 50 random mentions (seed 1) with their context, and 10 random edges with an evidence sentence.

The review file is keyed by label and node name, so a verdict follows the node across runs as
long as its name stays the same.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from pathlib import Path

import arabic_entities as ae
from arabic_entities.lexicon.gazetteer import load_gazetteer
from arabic_entities.text.normalize import match_key

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from realnews import audit_articles, read_articles  # noqa: E402

REVIEW = HERE / "data" / "audit" / "review.tsv"
VERDICTS = ("ok", "junk", "split", "merged", "wrong-english", "wrong-type")


def read_review(path: Path = REVIEW) -> dict[tuple[str, str], tuple[str, str]]:
    """``{(label, name): (verdict, comment)}`` from the reviewer's file."""
    if not path.exists():
        return {}
    review = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["verdict"] not in VERDICTS:
                raise ValueError(f"{path}: unknown verdict {row['verdict']!r}")
            review[row["label"], row["name"]] = (row["verdict"], row["comment"] or "")
    return review


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="also write the report here")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--review", type=Path, default=REVIEW, help="the reviewer's verdicts (default: %(default)s)")
    args = parser.parse_args()

    articles = audit_articles(read_articles())
    texts = [(f"{source}-{index}", text) for source, index, text in articles]
    started = time.perf_counter()
    docs = ae.link_entities(ae.extract_many(texts, n_process=args.processes))
    seconds = time.perf_counter() - started
    graph = ae.cooccurrence_graph(docs, link=False)
    review = read_review(args.review)
    forms: dict[str, Counter[str]] = {}
    for doc in docs:
        for m in doc.mentions:
            forms.setdefault(m.entity_id, Counter())[" ".join(m.text.split())] += 1

    lines = [f"{len(docs)} articles, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {seconds:.0f} s"]
    top = sorted(graph.nodes(data=True), key=lambda item: (-item[1]["count"], item[0]))[: args.top]
    verdicts: Counter[str] = Counter()
    for rank, (node, data) in enumerate(top, start=1):
        verdict, comment = review.get((data["label"], data["name"]), ("?", ""))
        verdicts[verdict] += 1
        aliases = " / ".join(form for form, _ in forms[node].most_common(7) if form != data["name"])
        lines.append(
            f"{rank:3d} {verdict:10s} {data['label']:4s} {data['count']:5d} {len(data['docs']):4d}  "
            f"{data['name']} | {data.get('name_en') or '-'} | {aliases}" + (f"  # {comment}" if comment else "")
        )
    lines.append("verdicts: " + ", ".join(f"{v} {verdicts[v]}" for v in (*VERDICTS, "?") if verdicts[v]))
    gazetteer = load_gazetteer()
    missing = []
    for node, data in top:
        if not data.get("name_en"):
            found = {gazetteer.english(match_key(form)) for form in (data["name"], *forms[node])} - {None}
            if found:
                missing.append(f"{data['name']} ({', '.join(sorted(found))})")
    lines.append(f"without an English name: {sum(1 for _, d in top if not d.get('name_en'))}")
    lines.append(f"without the English name the table has: {len(missing)}: {'; '.join(missing)}")

    lines.append("---- 50 random mentions (seed 1)")
    mentions = [(doc, m) for doc in docs for m in doc.mentions]
    for doc, m in random.Random(1).sample(mentions, min(50, len(mentions))):
        sentence = doc.sentences[m.sentence]
        before = doc.text[max(sentence.start, m.start - 40) : m.start]
        after = doc.text[m.end : min(sentence.end, m.end + 30)]
        lines.append(f"{m.label:4s} {before} ⟦{m.text}⟧ {after}".replace("\n", " "))

    lines.append("---- 10 random edges (seed 1)")
    edges = sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))
    for a, b, data in random.Random(1).sample(edges, min(10, len(edges))):
        evidence = data["evidence"][0]["text"] if data["evidence"] else ""
        lines.append(f"{graph.nodes[a]['name']} — {graph.nodes[b]['name']} ({data['weight']}): {evidence[:160]}")

    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
