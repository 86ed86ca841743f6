"""Running a pipeline's batches in worker processes, in order, with bounded read-ahead.

Workers are spawned (not forked: the parent may hold threads and BLAS pools), so a
script that uses them needs ``if __name__ == "__main__":``. Each worker receives the
pipeline once, at start-up (a pipeline made by :func:`~arabic_entities.load` travels
as its recipe and is loaded there), and runs its numerical libraries on one thread
unless the environment sets a thread count (:data:`arabic_entities.threads.THREAD_VARIABLES`):
the workers are the parallelism, and two workers with two BLAS threads each made 2
processes 3x slower than 1 on two cores.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from itertools import chain
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING

from .pipeline import Pipeline, Recipe
from .threads import limit_threads, user_set_threads

if TYPE_CHECKING:
    from .document import Document

__all__ = ["PREFETCH", "run_batches"]

#: Batches in flight per worker process: enough to keep every worker busy while the
#: parent hands out results, few enough to bound memory.
PREFETCH = 2

#: The pipeline of this worker process (set at its start-up).
_worker_pipeline: Pipeline | None = None


def run_batches(
    pipeline: Pipeline | Recipe, batches: Iterator[list[tuple[str, str]]], *, n_process: int
) -> Iterator[Document]:
    """The documents of ``batches`` of ``(doc_id, text)`` pairs, run by ``n_process``
    workers with ``PREFETCH`` batches each in flight; results in input order. ``pipeline``
    may be a recipe, which only the workers load.

    Not ``Pool.imap``: its feeder thread reads the whole input ahead of the workers.
    """
    import multiprocessing

    first = next(batches, None)
    if first is None:  # no input: start no workers
        return
    with multiprocessing.get_context("spawn").Pool(n_process, initializer=_start_worker, initargs=(pipeline,)) as pool:
        pending: deque[AsyncResult[list[Document]]] = deque()
        for batch in chain([first], batches):
            pending.append(pool.apply_async(_run_batch, (batch,)))
            if len(pending) >= PREFETCH * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _start_worker(pipeline: Pipeline | Recipe) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline.load() if isinstance(pipeline, Recipe) else pipeline
    if not user_set_threads():
        limit_threads(1, user_api=None)  # for the life of this worker process


def _run_batch(batch: list[tuple[str, str]]) -> list[Document]:
    assert _worker_pipeline is not None, "run in a worker started by run_batches"
    return _worker_pipeline.run_batch(batch)
