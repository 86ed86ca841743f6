"""Thread limits for the numerical libraries (BLAS, OpenMP), scoped with threadpoolctl.

The recognizer's matrices are small: extra BLAS threads gain nothing, and on a busy
machine their spin-waiting made tagging 3-4 times slower (measured). Worker processes
are the parallelism, so each runs its libraries on one thread.

>>> with limit_threads(1):
...     pass
"""

from __future__ import annotations

import functools
import os
from typing import Any, Literal

__all__ = ["THREAD_VARIABLES", "limit_threads", "user_set_threads"]

#: Environment variables that set the thread count of numpy's BLAS (OpenBLAS, MKL) and OpenMP.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


@functools.cache
def _controller() -> Any:
    """The controller of the thread pools loaded now: numpy's BLAS is loaded first, or a
    worker process that limits its threads before anything imported numpy limits nothing."""
    import numpy  # noqa: F401
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def limit_threads(limit: int = 1, *, user_api: Literal["blas", "openmp"] | None = "blas") -> Any:
    """A context manager (also usable as a decorator) that runs ``user_api``'s thread
    pools (both BLAS and OpenMP with None) on at most ``limit`` threads, restoring them
    on exit."""
    return _controller().limit(limits=limit, user_api=user_api)


def user_set_threads() -> bool:
    """Whether the environment sets a thread count (:data:`THREAD_VARIABLES`)."""
    return any(name in os.environ for name in THREAD_VARIABLES)
