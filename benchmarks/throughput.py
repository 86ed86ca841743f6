"""Throughput on real articles: ``extract``, ``extract_many`` with 1 and 2 processes, peak
memory, growth with corpus size, and camel-tools' BERT NER in the same run.

    .venv/bin/python benchmarks/throughput.py [--docs 2000] [--sizes 1000 5000 20000] [--bert-docs 20]

Corpus: ``--docs`` articles drawn at random (seed 17) from ``../shared/data/unlabeled/``, each
cut to its first 3,000 characters (article-sized); tokens are whitespace tokens of the text.
Every setting runs in a fresh Python process, one after the other (BLAS threads 1 a process):

- ``extract``: ``ae.extract`` on one article after another;
- ``extract_many`` with 1 and with 2 processes (``batch_size`` 32; the start of the two
  workers, each loading the models, is timed too);
- ``extract_many`` with 1 process on the first ``--sizes`` articles of a larger draw: seconds per
  1,000 articles at each size, which stay level when cost grows linearly;
- camel-tools' BERT ``NERecognizer.predict`` (bert-base shape, random weights, one torch thread;
  see ``benchmarks/camel_speed.py``) on the sentences of the first ``--bert-docs`` articles, as
  whitespace tokens: tagging only, so the ratio is the whole pipeline against a tagger.

Timing starts after one warm-up call (models load on first use; the import and that first
document are timed apart, as a notebook's first call waits for them); peak memory is the sum
of the resident set sizes of the process and its children (psutil, every 0.1 s).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scale import BLAS_VARIABLES, MiB, PeakMemory  # noqa: E402

SEED = 17
MAX_CHARS = 3000
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def corpus(docs: int) -> list[str]:
    """``docs`` random articles, cut to :data:`MAX_CHARS` characters."""
    from realnews import read_articles  # imports the library: not in the children that time it

    articles = read_articles()
    chosen = random.Random(SEED).sample(range(len(articles)), docs)
    return [articles[i][2][:MAX_CHARS] for i in chosen]


def read_texts(path: Path) -> Iterator[str]:
    """The texts of a JSON-lines file, one at a time (the corpus is streamed from disk, as a
    user's would be: its peak memory is the library's, not that of a list of texts)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def run_setting(setting: str, path: Path) -> dict:
    """One setting in this process on the texts of ``path``: seconds, tokens/s, peak memory."""
    if setting == "bert":
        return run_bert(list(read_texts(path)))
    first = next(read_texts(path))
    loading = time.perf_counter()
    import arabic_entities as ae

    ae.extract(first)  # loads the models
    loading = time.perf_counter() - loading
    n_process = 2 if setting == "many2" else 1
    list(ae.extract_many([first], n_process=n_process))
    docs = tokens = 0
    for text in read_texts(path):
        docs, tokens = docs + 1, tokens + len(text.split())
    with PeakMemory() as memory:
        started = time.perf_counter()
        if setting == "extract":
            for text in read_texts(path):
                ae.extract(text)
        else:
            for _ in ae.extract_many(read_texts(path), n_process=n_process, batch_size=32):
                pass
        seconds = time.perf_counter() - started
        peak = memory.reset()
    return {
        "setting": setting,
        "docs": docs,
        "tokens": tokens,
        "seconds": seconds,
        "peak_mib": peak / MiB,
        "load_seconds": loading,
    }


def run_bert(texts: list[str]) -> dict:
    """camel-tools' NERecognizer on the sentences of ``texts``, as whitespace tokens."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import torch
    from camel_speed import build_model

    from arabic_entities.camel_data import import_offline

    torch.set_num_threads(1)
    sentences = [s.split() for text in texts for s in SENTENCE_END.split(text) if s.split()]
    with tempfile.TemporaryDirectory() as folder:
        build_model(Path(folder), 2000)
        recognizer = import_offline("camel_tools.ner").NERecognizer(folder, use_gpu=False)
        recognizer.predict(sentences[:1])
        started = time.perf_counter()
        recognizer.predict(sentences)
        seconds = time.perf_counter() - started
    tokens = sum(map(len, sentences))
    return {"setting": "bert", "docs": len(texts), "tokens": tokens, "seconds": seconds, "peak_mib": 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="articles for the speed settings")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 20000], help="corpus sizes for growth")
    parser.add_argument("--bert-docs", type=int, default=20, help="articles camel-tools' BERT tags")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # one setting, in a child process
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_setting(args.run, args.texts)))
        return

    env = {**os.environ, **dict.fromkeys(BLAS_VARIABLES, "1")}
    largest = max([args.docs, *args.sizes])
    texts = corpus(largest)
    settings = [
        ("extract", args.docs),
        ("many1", args.docs),
        ("many2", args.docs),
        ("bert", args.bert_docs),
        *(("many1", size) for size in args.sizes),
    ]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for setting, size in settings:
            path = Path(folder, f"{size}.jsonl")
            if not path.exists():
                path.write_text("".join(json.dumps(text, ensure_ascii=False) + "\n" for text in texts[:size]), "utf-8")
            command = [sys.executable, __file__, "--run", setting, "--texts", str(path)]
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            r = results[-1]
            print(
                f"{r['setting']:8s} {r['docs']:6,d} articles {r['tokens']:9,d} tokens {r['seconds']:8.1f} s "
                f"{r['tokens'] / r['seconds']:9,.0f} tokens/s  "
                f"{1000 * r['seconds'] / r['docs']:6.1f} s per 1,000 articles"
                + (f"  peak {r['peak_mib']:.0f} MiB" if r["peak_mib"] else "")
                + (f"  import and first document {r['load_seconds']:.1f} s" if "load_seconds" in r else ""),
                flush=True,
            )
    rate = {r["setting"]: r["tokens"] / r["seconds"] for r in results[:4]}
    print(
        f"\none process: {rate['many1']:,.0f} tokens/s ({rate['many1'] / rate['bert']:.0f}x camel-tools' BERT, "
        f"{rate['bert']:,.0f} tokens/s); two processes: {rate['many2']:,.0f} tokens/s "
        f"({rate['many2'] / rate['many1']:.2f}x one); extract one by one: {rate['extract']:,.0f} tokens/s"
    )


if __name__ == "__main__":
    main()
