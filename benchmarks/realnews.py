"""Fixed random samples of real Arabic news from ``../shared/data/unlabeled/``.

    .venv/bin/python benchmarks/realnews.py --write-sentences

Two disjoint samples, both drawn with fixed seeds, so anyone can draw them again:

- ``audit_articles()``: 3,000 whole articles for the graph audit (``graph_audit.py``);
- ``annotation_sentences()``: 480 single sentences, one per article, from articles that are not in
  the audit sample: 160 from ``antcorpus`` (Tunisia) and 320 from ``news_credibility`` (Egypt,
  BBC/CNN Arabic). Sentences with 6 to 60 words, split by this script's own rule (end
  punctuation), so the sample does not move when the library's tokenizer changes. Sentences with an
  even index form the dev part, odd ones the test part.

``--agreement A B`` prints the span-level F1 between two annotations of the same sentences
(``data/realnews/agreement/``: sentences s120-s239 annotated by two annotators apart, before
adjudication). ``--write-sentences`` writes ``benchmarks/data/realnews/sentences.tsv`` (id, part, source, article
index, sentence): the text that was annotated by hand into ``dev.txt`` and ``test.txt``.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
from pathlib import Path

from arabic_entities.relations.train_pairs import parse_markup

HERE = Path(__file__).resolve().parent
UNLABELED = HERE.parent.parent / "shared" / "data" / "unlabeled"
OUT = HERE / "data" / "realnews"
SOURCES = {"antcorpus": 160, "news_credibility": 320}
AUDIT_SIZE = 3000
AUDIT_SEED = 2026
SENTENCE_SEED = 13
MAX_ARTICLE_CHARS = 4000
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
WORD_CHAR = re.compile(r"\w")


def read_articles() -> list[tuple[str, int, str]]:
    """Every article as ``(source, index within source, text)``, in file order."""
    articles = []
    for source in sorted(SOURCES):
        paths = sorted((UNLABELED / source).glob("part-*.txt.gz"))
        if not paths:
            raise SystemExit(f"no articles under {UNLABELED / source}")
        index = 0
        for path in paths:
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    text = line.strip()
                    if text:
                        articles.append((source, index, text))
                        index += 1
    return articles


def audit_articles(articles: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """3,000 random articles (seed 2026), each cut to its first 4,000 characters."""
    chosen = random.Random(AUDIT_SEED).sample(range(len(articles)), AUDIT_SIZE)
    return [(articles[i][0], articles[i][1], articles[i][2][:MAX_ARTICLE_CHARS]) for i in chosen]


def annotation_sentences(articles: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """One random sentence from each of 480 random articles outside the audit sample."""
    audited = {(source, index) for source, index, _ in audit_articles(articles)}
    rng = random.Random(SENTENCE_SEED)
    sample = []
    for source, wanted in sorted(SOURCES.items()):
        pool = [a for a in articles if a[0] == source and (a[0], a[1]) not in audited]
        rng.shuffle(pool)
        taken = 0
        for _, index, text in pool:
            sentences = [s for s in SENTENCE_END.split(text) if 6 <= len(s.split()) <= 60]
            if not sentences:
                continue
            sample.append((source, index, rng.choice(sentences).strip()))
            taken += 1
            if taken == wanted:
                break
    rng.shuffle(sample)
    return sample


def read_annotated(path: Path) -> dict[str, tuple[str, list[tuple[int, int, str, str]]]]:
    """``{id: (sentence, mentions)}`` from an annotated file (``dev.tsv``, ``test.tsv``)."""
    annotated = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentence_id, markup = line.split("\t", 1)
            annotated[sentence_id] = parse_markup(markup)
    return annotated


def check_annotated(path: Path) -> list[str]:
    """Problems of an annotated file: text that differs from ``sentences.tsv``, cut words, bad keys."""
    originals = {}
    for line in (OUT / "sentences.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        sentence_id, _, _, _, text = line.split("\t")
        originals[sentence_id] = text
    problems = []
    for sentence_id, (text, mentions) in read_annotated(path).items():
        if originals.get(sentence_id) != text:
            problems.append(f"{sentence_id}: text differs from sentences.tsv")
        for start, end, _, key in mentions:
            words = text[start:end]
            cut_before = start > 0 and WORD_CHAR.match(text[start - 1]) is not None
            cut_after = end < len(text) and WORD_CHAR.match(text[end]) is not None
            if cut_before or cut_after or words != words.strip() or not key:
                problems.append(f"{sentence_id}: mention {words!r} does not cover whole words or has no key")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-sentences", action="store_true", help="write data/realnews/sentences.tsv")
    parser.add_argument("--check", type=Path, help="check an annotated file against sentences.tsv")
    parser.add_argument("--agreement", type=Path, nargs=2, metavar=("A", "B"), help="span F1 between two annotations")
    args = parser.parse_args()
    if args.agreement:
        first, second = (read_annotated(path) for path in args.agreement)
        spans = [{(i, s, e, label) for i, (_, ms) in a.items() for s, e, label, _ in ms} for a in (first, second)]
        for label in ("PERS", "ORG", "LOC", None):
            a, b = ({x for x in side if label in (None, x[3])} for side in spans)
            print(f"{label or 'all':5s} F1 {200 * len(a & b) / (len(a) + len(b)):.2f} ({len(a)} / {len(b)} mentions)")
        return
    if args.check:
        problems = check_annotated(args.check)
        print("\n".join(problems) or f"{args.check}: {len(read_annotated(args.check))} sentences, no problems")
        raise SystemExit(1 if problems else 0)
    sentences = annotation_sentences(read_articles())
    if not args.write_sentences:
        for number, (source, index, text) in enumerate(sentences[:10]):
            print(number, source, index, text)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "sentences.tsv", "w", encoding="utf-8") as out:
        out.write("id\tpart\tsource\tarticle\tsentence\n")
        for number, (source, index, text) in enumerate(sentences):
            part = "dev" if number % 2 == 0 else "test"
            out.write(f"s{number:03d}\t{part}\t{source}\t{index}\t{' '.join(text.split())}\n")
    print(f"wrote {len(sentences)} sentences to {OUT / 'sentences.tsv'}")


if __name__ == "__main__":
    main()
