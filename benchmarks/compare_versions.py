"""Two versions of the library side by side: same outputs? how fast, relative to each other?

    git worktree add /tmp/baseline <commit>
    python benchmarks/compare_versions.py --baseline /tmp/baseline [--docs 300] [--repeat 3]

For each version (the baseline checkout and this one), in alternating fresh processes:
``import arabic_entities`` time, first-``extract`` time (models load on first use), and
``extract_many`` tokens/s (one process, after a warm-up) over a fixed random sample of real
articles from ``../shared/data/unlabeled`` (seed 13, at most 3,000 characters each). Each
version's documents are also reduced to what a user reads (mentions, entities, relations;
fields both versions have) and hashed, so "same outputs" is checked on the same text.

Speed is reported per version as the best of ``--repeat`` runs and as the ratio of this
version to the baseline, measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
UNLABELED = HERE.parent.parent / "shared" / "data" / "unlabeled"

#: Run in a fresh interpreter for one version; prints one JSON line.
PROBE = r"""
import hashlib, json, sys, time
started = time.perf_counter()
import arabic_entities as ae
imported = time.perf_counter() - started
texts = json.load(open(sys.argv[1], encoding="utf-8"))
started = time.perf_counter()
ae.extract(texts[0])
first = time.perf_counter() - started
list(ae.extract_many(texts[:20]))  # warm-up: caches, lazy tables
started = time.perf_counter()
docs = list(ae.extract_many(texts))
seconds = time.perf_counter() - started
tokens = sum(len(t.split()) for t in texts)
def view(doc):
    return {
        "mentions": [[m.text, m.start, m.end, m.label, m.sentence, m.entity_id, m.score] for m in doc.mentions],
        "entities": [[e.id, e.label, e.name, list(e.aliases), e.mention_count, e.name_en, list(e.descriptions)]
                     for e in doc.entities],
        "relations": [[r.head, r.tail, r.type, r.directed, r.sentence, r.trigger] for r in doc.relations],
    }
digest = hashlib.sha256(json.dumps([view(d) for d in docs], ensure_ascii=False).encode()).hexdigest()
print(json.dumps({"import_s": imported, "first_extract_s": first, "tokens_per_s": tokens / seconds,
                  "tokens": tokens, "outputs_sha256": digest, "module": ae.__file__}))
"""


def sample_articles(n: int, seed: int = 13) -> list[str]:
    """``n`` articles drawn at random (fixed seed) from every part of the unlabeled corpus."""
    lines: list[str] = []
    for path in sorted(UNLABELED.glob("*/part-*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines.extend(line.strip() for line in f if line.strip())
    return [line[:3000] for line in random.Random(seed).sample(lines, n)]


def probe(root: Path, corpus: Path) -> dict:
    """One measurement of the library checked out at ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(corpus)], env=env, cwd=root, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, required=True, help="a checkout of the version to compare with")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(f"/tmp/compare-versions-{args.docs}.json")
    corpus.write_text(json.dumps(sample_articles(args.docs), ensure_ascii=False), encoding="utf-8")
    versions = {"baseline": args.baseline.resolve(), "this": HERE.parent}
    runs: dict[str, list[dict]] = {name: [] for name in versions}
    for _ in range(args.repeat):
        for name, root in versions.items():
            runs[name].append(probe(root, corpus))
    best = {
        name: {
            "import_s": min(r["import_s"] for r in results),
            "first_extract_s": min(r["first_extract_s"] for r in results),
            "tokens_per_s": max(r["tokens_per_s"] for r in results),
        }
        for name, results in runs.items()
    }
    digests = {name: {r["outputs_sha256"] for r in results} for name, results in runs.items()}
    print(f"{args.docs} articles, {runs['this'][0]['tokens']:,} whitespace tokens, best of {args.repeat}")
    print(f"{'':10} {'import s':>9} {'first extract s':>16} {'extract_many tokens/s':>22}")
    for name, b in best.items():
        print(f"{name:10} {b['import_s']:9.3f} {b['first_extract_s']:16.3f} {b['tokens_per_s']:22,.0f}")
    ratio = best["this"]["tokens_per_s"] / best["baseline"]["tokens_per_s"]
    print(f"speed ratio this/baseline: {ratio:.3f}")
    same = digests["this"] == digests["baseline"] and len(digests["this"]) == 1
    print(f"outputs identical: {same} ({', '.join(sorted(d[:12] for ds in digests.values() for d in ds))})")


if __name__ == "__main__":
    main()
