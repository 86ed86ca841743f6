"""Running a pipeline's batches in worker processes, in order, with bounded read-ahead.

Workers are spawned (not forked: the parent may hold threads and BLAS pools), so a
script that uses them needs ``if __name__ == "__main__":``: a spawned worker imports
the script again. Without it, or when a worker dies (killed, out of memory), the
parent raises :class:`WorkerError` within seconds instead of waiting. Each worker receives the
pipeline once, at start-up (a pipeline made by :func:`~arabic_entities.load` travels
as its recipe and is loaded there), and runs its numerical libraries on one thread
unless the environment sets a thread count (:data:`arabic_entities.threads.THREAD_VARIABLES`):
the workers are the parallelism, and two workers with two BLAS threads each made 2
processes 3x slower than 1 on two cores.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from typing import TYPE_CHECKING

from .pipeline import DocInput, Pipeline, Recipe
from .threads import limit_threads, user_set_threads

if TYPE_CHECKING:
    from .document import Document

__all__ = ["PREFETCH", "WorkerError", "run_batches"]

#: Batches in flight per worker process: enough to keep every worker busy while the
#: parent hands out results, few enough to bound memory.
PREFETCH = 2

#: The pipeline of this worker process (set at its start-up).
_worker_pipeline: Pipeline | None = None


class WorkerError(RuntimeError):
    """A worker process died before it finished its documents."""


def run_batches(
    pipeline: Pipeline | Recipe, batches: Iterator[list[DocInput]], *, n_process: int
) -> Iterator[Document]:
    """The documents of ``batches`` of ``(doc_id, text, date)`` items, run by ``n_process``
    workers with ``PREFETCH`` batches each in flight; results in input order. ``pipeline``
    may be a recipe, which only the workers load.

    Not ``Pool.imap``: its feeder thread reads the whole input ahead of the workers, and
    a ``Pool`` replaces dead workers forever, so a script without a main guard never ends.
    """
    import multiprocessing

    _check_not_bootstrapping()
    first = next(batches, None)
    if first is None:  # no input: start no workers
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_start_worker, initargs=(pipeline,)) as pool:
        pending: deque[Future[list[Document]]] = deque()
        try:
            # Every worker is started before the first batch. CPython 3.11 spawns workers as
            # tasks are submitted, and a worker that dies while another is being spawned
            # left the parent waiting forever (one killed-worker test in seven, under load).
            for started in [pool.submit(_started) for _ in range(n_process)]:
                started.result()
            for batch in chain([first], batches):
                pending.append(pool.submit(_run_batch, batch))
                if len(pending) >= PREFETCH * n_process:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as error:
            raise WorkerError(
                "a worker process of extract_many / pipe died. In a script, call it under "
                '`if __name__ == "__main__":` (spawned workers import the script again); '
                "otherwise a worker was killed, e.g. for lack of memory (try a smaller batch_size or n_process)"
            ) from error


def _check_not_bootstrapping() -> None:
    """RuntimeError in a worker that is importing the parent's script, which called
    ``run_batches`` outside ``if __name__ == "__main__":``; the parent then fails too."""
    import multiprocessing

    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise RuntimeError(
            "extract_many / pipe with n_process > 1 ran while a worker process imported the script: "
            'put the calling code under `if __name__ == "__main__":`'
        )


def _start_worker(pipeline: Pipeline | Recipe) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline.load() if isinstance(pipeline, Recipe) else pipeline
    if not user_set_threads():
        limit_threads(1, user_api=None)  # for the life of this worker process


def _started() -> None:
    """Nothing: a task that makes the pool start a worker."""


def _run_batch(batch: list[DocInput]) -> list[Document]:
    assert _worker_pipeline is not None, "run in a worker started by run_batches"
    return _worker_pipeline.run_batch(batch)
