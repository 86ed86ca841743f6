"""Training sentences from unlabeled news, labelled by the whole pipeline (self-training).

    .venv/bin/python scripts/self_label.py --articles 2500 --output build/self_labeled.conll \
        [--recognizer build/teacher.npz]

Draws articles at random (fixed seed) from ``../shared/data/unlabeled/``, leaving out every
article the project measures on (the 3,000 of the graph audit and the 480 of the real-news
sentences, see ``benchmarks/realnews.py``), runs ``ae.extract`` on them and writes their
sentences as CoNLL: each token with the B-/I- tag of the mention that covers it (clitics
included, as ANERcorp tags them), else O. The labels are the pipeline's, not the recognizer's
alone: institutions by structure, names found by lookup and propagation, titles cut, junk
removed. A tagger trained on them learns those decisions from context and can apply them
where the rules do not reach.

Only sentences of 4 to 80 tokens, mostly Arabic, are written; sentences without any mention
are kept with probability ``--empty-share``, so the tagger also sees plain text.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import arabic_entities as ae
from arabic_entities.text.script import is_arabic_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from realnews import OUT, audit_articles, read_articles  # noqa: E402

SEED = 7
MAX_ARTICLE_CHARS = 4000


def measured_articles() -> set[tuple[str, int]]:
    """``(source, index)`` of the articles of the real-news sentences."""
    rows = (OUT / "sentences.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {(row.split("\t")[2], int(row.split("\t")[3])) for row in rows if row.strip()}


def unmeasured_articles() -> list[tuple[str, int, str]]:
    """Every article no benchmark reads: not one of the graph audit, not a source of the
    real-news sentences; ``(source, index, text)`` in file order."""
    articles = read_articles()
    left_out = measured_articles() | {(source, index) for source, index, _ in audit_articles(articles)}
    return [a for a in articles if (a[0], a[1]) not in left_out]


def tagged_sentences(doc: ae.Document) -> list[tuple[list[str], list[str]]]:
    """``(tokens, tags)`` of each sentence of ``doc`` from its PERS/ORG/LOC/MISC mentions."""
    tags = ["O"] * len(doc.tokens)
    for m in doc.mentions:
        tags[m.token_start] = f"B-{m.label}"
        for i in range(m.token_start + 1, m.token_end):
            tags[i] = f"I-{m.label}"
    return [
        ([t.text for t in doc.tokens[s.token_start : s.token_end]], tags[s.token_start : s.token_end])
        for s in doc.sentences
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--empty-share", type=float, default=0.2)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--recognizer", default="builtin", help="the teacher: builtin, crf or a model path")
    args = parser.parse_args()

    rng = random.Random(SEED)
    chosen = rng.sample(unmeasured_articles(), args.articles)
    inputs = [(f"{source}:{index}", text[:MAX_ARTICLE_CHARS]) for source, index, text in chosen]
    written = mentions = 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for doc in ae.load(args.recognizer).pipe(inputs):
            for tokens, tags in tagged_sentences(doc):
                if not 4 <= len(tokens) <= 80 or not is_arabic_text(tokens) or any(" " in t for t in tokens):
                    continue
                named = sum(tag.startswith("B-") for tag in tags)
                if not named and rng.random() >= args.empty_share:
                    continue
                out.writelines(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags, strict=True))
                out.write("\n")
                written += 1
                mentions += named
    print(f"{written} sentences, {mentions} mentions from {len(inputs)} articles -> {args.output}")


if __name__ == "__main__":
    main()
