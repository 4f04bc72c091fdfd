"""A pool of worker processes that keeps results in input order; nothing else.

:func:`run` maps a batch function over items, in worker processes when there are many
(one per core), else in this process. Results come back in input order, a bounded number
of batches ahead, so what the caller builds does not depend on the number of workers and
results waiting to be used stay few. Workers are forked from a clean fork server that has
imported the ``preload`` modules once (models loaded there are shared), and leave when the
process that started them is gone. :func:`start_early` starts the fork server ahead of
the work, so that the models load while the caller does other things.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

__all__ = ["PARALLEL_FROM", "WorkerError", "default_jobs", "run", "start_early", "stop_server"]

#: Below this many documents the build runs in one process (starting workers costs ~2 s).
PARALLEL_FROM = 200
_BATCH = 16  # documents per task sent to a worker
_AHEAD = 4  # batches in flight per worker

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(RuntimeError):
    """A worker process stopped before its work was done (killed, or out of memory)."""


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _start_worker(initializer: Callable[..., None] | None, *initargs: Any) -> None:
    """A worker's first act: leave when the build process is gone (killed with -9, say;
    otherwise the worker would wait for work forever), then the stage's own initializer."""
    parent = multiprocessing.parent_process()
    if parent is not None:

        def watch() -> None:
            multiprocessing.connection.wait([parent.sentinel])
            os._exit(1)

        threading.Thread(target=watch, name="partnergraph-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _fork_server(preload: Sequence[str]) -> multiprocessing.context.BaseContext | None:
    """The fork server's context, set to import ``preload``; None where there is none."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    forkserver = multiprocessing.get_context("forkserver")
    forkserver.set_forkserver_preload(list(preload))
    return forkserver


def start_early(preload: Sequence[str]) -> bool:
    """Start the fork server now, so that it imports the ``preload`` modules (loading the
    models, two seconds) on another core while this process does other work; a
    :func:`run` with ``early=True`` then runs even a few items in a worker forked from it
    rather than loading the models again in this process. False where there is no fork
    server (nothing started; :func:`run` then works as without ``early``)."""
    forkserver = _fork_server(preload)
    if forkserver is None:
        return False
    from multiprocessing import forkserver as server  # (only where there is one)

    server.ensure_running()  # returns at once: the server loads the modules meanwhile
    return True


def stop_server(*, wait: bool = True) -> Callable[[], None]:
    """Stop the fork server, if one runs. Once its workers are gone it holds its loaded
    models and dictionaries alone (at 100k projects 177 MB PSS, the rest of the build);
    a later :func:`run` starts it again. (Python has no public way to stop it: this asks
    the method its own tests use, where there is one.) Its exit (a third of a second: it
    lets go of its memory) is waited for here, or with ``wait=False`` in a thread; the
    function returned waits for that thread (call it before the server must be gone)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return _nothing
    from multiprocessing import forkserver as server

    stop = getattr(getattr(server, "_forkserver", None), "_stop", None)
    if not callable(stop):
        return _nothing
    if wait:
        stop()
        return _nothing
    stopping = threading.Thread(target=stop, name="partnergraph-fork-server-stop", daemon=True)
    stopping.start()
    return stopping.join


def _nothing() -> None:
    return None


@contextmanager
def _executor(
    jobs: int,
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
    preload: Sequence[str],
) -> Iterator[ProcessPoolExecutor]:
    # a clean process (not a fork of this one, whose store has threads) that has loaded
    # the models once; workers are forked from it
    context = _fork_server(preload) or multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(initializer, *initargs)
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run(
    batch: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    jobs: int,
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    preload: Sequence[str] = (),
    early: bool = False,
) -> Iterator[R]:
    """``batch`` over ``items`` in batches, results in input order; in ``jobs`` worker
    processes when there are at least :data:`PARALLEL_FROM` items, else in this one.
    ``preload`` names modules the fork server imports once before workers fork from it.
    ``early``: the fork server was started by :func:`start_early` and has loaded them (or
    is loading them) already, so even a few items go to workers (as many as there are
    batches, up to ``jobs``).

    As with any use of :mod:`multiprocessing`, a script that asks for workers must start
    from an ``if __name__ == "__main__":`` block (workers import the main module)."""
    if jobs <= 1 or not items or (len(items) < PARALLEL_FROM and not early):
        if initializer is not None:
            initializer(*initargs)
        for chunk in _chunks(items, _BATCH):
            yield from batch(chunk)
        return
    jobs = min(jobs, -(-len(items) // _BATCH))  # (no worker for no batch)
    with _executor(jobs, initializer, initargs, preload) as pool:
        chunks = _chunks(items, _BATCH)
        pending: deque[Future[list[R]]] = deque(
            pool.submit(batch, chunk) for chunk in islice(chunks, jobs * _AHEAD)
        )
        while pending:
            try:
                done = pending.popleft().result()
            except BrokenProcessPool as exc:
                raise WorkerError(
                    f"one of {jobs} worker processes stopped abruptly (killed, or out of "
                    "memory?); try fewer with --jobs"
                ) from exc
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(batch, following))
            yield from done
