"""Throughput and peak memory of ``ae.extract_many`` with 1, 2, ... worker processes, same run.

    .venv/bin/python benchmarks/scale.py --docs 20000 --processes 1 2 [--batch-size 32]
        [--max-chars N] [--blas-threads 1]

Corpus: the first ``--docs`` non-empty lines of ``../shared/data/unlabeled/*/*.txt.gz``
(one news document per line), files in sorted order, each cut to ``--max-chars``
characters if given. It is read lazily from the compressed files while the documents are
made, as a stream: nothing holds the corpus or the documents.

Each setting runs in a fresh Python process, one after the other, so that no model,
cache or memory carries over. Measured there:

- seconds from the call of ``extract_many`` to the last document, model loading and
  worker start-up included (the first document's time is printed apart), hence docs/s
  and tokens/s (``len(doc.tokens)``);
- peak memory: the sum of the resident set sizes of the process and all its children
  (psutil, sampled every 0.1 s; shared pages count once per process), its peak over the
  first and the second half of the documents (streaming: the second is no higher), and
  the kernel's high-water marks ``ru_maxrss`` of the process and of its largest child;
- a digest of every document's id and mentions (offsets, label, entity id), which must
  be the same in every setting.

BLAS threads: ``OPENBLAS_NUM_THREADS``, ``OMP_NUM_THREADS`` and ``MKL_NUM_THREADS`` are
set to ``--blas-threads`` (default 1: one thread per process) in every process; 0 leaves
them as they are. On a 2-core machine numpy's default OpenBLAS threading made the
pipeline several times slower, even in one process.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

UNLABELED = Path(__file__).resolve().parents[2] / "shared/data/unlabeled"
BLAS_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
MiB = 1024 * 1024


def documents(limit: int, max_chars: int | None) -> Iterator[str]:
    """The first ``limit`` non-empty lines of the unlabeled news files, lazily."""

    def lines() -> Iterator[str]:
        for path in sorted(UNLABELED.glob("*/*.txt.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    if line := line.strip():
                        yield line[:max_chars] if max_chars else line

    return islice(lines(), limit)


class PeakMemory:
    """Samples the summed RSS of this process and its children in a background thread."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self.process, self.interval = psutil.Process(), interval
        self.errors = (psutil.NoSuchProcess, psutil.AccessDenied)
        self.peak = self.current = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> int:
        total = self.process.memory_info().rss
        for child in self.process.children(recursive=True):
            with contextlib.suppress(self.errors):  # ended between listing and reading
                total += child.memory_info().rss
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.current = self.sample()
            self.peak = max(self.peak, self.current)
            self._stop.wait(self.interval)

    def reset(self) -> int:
        """The peak so far, then start a new one from now."""
        peak, self.peak = self.peak, self.current
        return peak


def measure(n_process: int, docs: int, batch_size: int, max_chars: int | None) -> dict:
    """One setting, in this process (run by :func:`main` in a fresh one)."""
    import arabic_entities as ae

    count = tokens = 0
    digest = hashlib.blake2b(digest_size=8)
    with PeakMemory() as memory:
        start = time.perf_counter()
        for doc in ae.extract_many(documents(docs, max_chars), n_process=n_process, batch_size=batch_size):
            if count == 0:
                first = time.perf_counter() - start
            count += 1
            tokens += len(doc.tokens)
            digest.update(repr((doc.id, [(m.start, m.end, m.label, m.entity_id) for m in doc.mentions])).encode())
            if count == docs // 2:
                first_half = memory.reset()
        seconds = time.perf_counter() - start
        second_half = memory.reset()
    return {
        "processes": n_process,
        "docs": count,
        "tokens": tokens,
        "seconds": seconds,
        "first_doc": first,
        "peak_mib": max(first_half, second_half) / MiB,
        "first_half_mib": first_half / MiB,
        "second_half_mib": second_half / MiB,
        "maxrss_self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_child_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "digest": digest.hexdigest(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-chars", type=int, default=None, help="cut each document to this length")
    parser.add_argument("--blas-threads", type=int, default=1, help="per process; 0: leave the environment")
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)  # one setting, in a child process
    args = parser.parse_args()
    if args.docs < 2:
        parser.error("--docs must be at least 2")
    if args.run is not None:
        print(json.dumps(measure(args.run, args.docs, args.batch_size, args.max_chars)))
        return
    env = dict(os.environ)
    if args.blas_threads:
        env.update(dict.fromkeys(BLAS_VARIABLES, str(args.blas_threads)))
    print(
        f"{os.cpu_count()} CPUs; BLAS threads per process: {args.blas_threads or 'unset'}; "
        f"batch size {args.batch_size}; max chars {args.max_chars or 'none'}"
    )
    results = []
    for n_process in args.processes:
        command = [
            sys.executable,
            __file__,
            "--run",
            str(n_process),
            "--docs",
            str(args.docs),
            "--batch-size",
            str(args.batch_size),
        ]
        if args.max_chars:
            command += ["--max-chars", str(args.max_chars)]
        done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
        results.append(json.loads(done.stdout))
        r = results[-1]
        print(
            f"\n{r['processes']} process(es): {r['docs']:,} docs, {r['tokens']:,} tokens in {r['seconds']:.1f} s "
            f"(first doc after {r['first_doc']:.1f} s): {r['docs'] / r['seconds']:.1f} docs/s, "
            f"{r['tokens'] / r['seconds']:,.0f} tokens/s\n"
            f"  peak RSS, process + children: {r['peak_mib']:.0f} MiB (first half {r['first_half_mib']:.0f}, "
            f"second half {r['second_half_mib']:.0f}); ru_maxrss: process {r['maxrss_self_mib']:.0f} MiB, "
            f"largest child {r['maxrss_child_mib']:.0f} MiB",
            flush=True,
        )
    base = results[0]
    for r in results[1:]:
        speed_up = base["seconds"] / r["seconds"]
        print(f"\nspeed-up of {r['processes']} vs {base['processes']} process(es): {speed_up:.2f}x")
    print(f"same documents in every setting: {'yes' if len({r['digest'] for r in results}) == 1 else 'NO'}")


if __name__ == "__main__":
    main()
