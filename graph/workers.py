"""The build's work per document, in worker processes when the input is large.

Reading and extracting a document, and turning it into triples, depend on that document
only (and, for triples, on the resolution of organisations across all documents), so both
run in a pool of processes, one per core. Results come back in input order, a bounded
number of batches ahead, so the graph is the same whatever the number of workers and
results waiting to be written stay few.

Between the two stages every document is held, compactly: without its text (the triples do
not need it) and with its extraction pickled and compressed (pickles made by these workers
from this build's documents, never read from elsewhere). Resolution gets the organisation
mentions without their evidence, which is all it reads. 100,000 project pages peak at
1.4 GB for the build and its workers together.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pickle
import threading
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from .extract import Extraction, extract
from .extract.model import Evidence, OrgMention
from .portal import PortalError
from .resolve import Resolution
from .sources import Document, SourceProblem, detect_language, read_document
from .triples import document_triples, iter_ntriples

__all__ = [
    "PARALLEL_FROM",
    "Read",
    "WorkerError",
    "default_jobs",
    "graph_batch",
    "read_batch",
    "run",
]

#: Below this many documents the build runs in one process (starting workers costs ~2 s).
PARALLEL_FROM = 200
_BATCH = 16  # documents per task sent to a worker
_AHEAD = 4  # batches in flight per worker

_NO_EVIDENCE = Evidence(0, 0, "")

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(RuntimeError):
    """A worker process stopped before its work was done (killed, or out of memory)."""


@dataclass(frozen=True)
class Read:
    """One document read and extracted, held compactly until its triples are written."""

    doc: Document  # without its text
    packed: bytes  # the Extraction, pickled and compressed
    mentions: tuple[OrgMention, ...]  # without evidence: what resolution reads
    notes: tuple[str, ...]

    def extraction(self) -> Extraction:
        """The document's extraction, unpacked."""
        return _unpack(self.packed)


def _pack(ex: Extraction) -> bytes:
    return zlib.compress(pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(packed: bytes) -> Extraction:
    ex: Extraction = pickle.loads(zlib.decompress(packed))
    return ex


def mentions_of(ex: Extraction) -> list[OrgMention]:
    """Every organisation mention of an extraction: named, in a role, in a stated link."""
    out = list(ex.organisations)
    out.extend(r.org for r in ex.roles)
    for link in ex.links:
        out.extend((link.a, link.b))
    return out


def _read_one(file: Path, root: Path, max_bytes: int) -> Read | SourceProblem:
    item = read_document(file, root=root, max_bytes=max_bytes)
    if isinstance(item, SourceProblem):
        return item
    try:
        ex = extract(item)
    except PortalError as exc:
        return SourceProblem(item.path, str(exc))
    except RecursionError:
        return SourceProblem(item.path, "too deeply nested to read")
    bare = tuple(replace(m, evidence=_NO_EVIDENCE) for m in mentions_of(ex))
    return Read(replace(item, text=""), _pack(ex), bare, ex.notes)


def read_batch(tasks: Sequence[tuple[Path, Path, int]]) -> list[Read | SourceProblem]:
    """Read and extract ``(file, root, max_bytes)`` tasks."""
    return [_read_one(*task) for task in tasks]


_context: dict[str, Any] = {}


def set_graph_context(resolution: Resolution, base: str) -> None:
    """What every document's triples depend on (a worker's initializer)."""
    _context["resolution"], _context["base"] = resolution, base


def graph_batch(reads: Sequence[tuple[Document, bytes]]) -> list[tuple[str, str, int]]:
    """``(graph IRI, N-Triples text, triple count)`` of each ``(document, packed)``."""
    out = []
    for doc, packed in reads:
        ex = _unpack(packed)
        graph = document_triples(doc, ex, _context["resolution"], base=_context["base"])
        out.append((str(graph.iri), "\n".join(iter_ntriples(graph)), len(graph.triples)))
    return out


def warm() -> None:
    """Load what extraction loads on first use (language model, gazetteer, date names), so
    workers forked afterwards share it instead of each loading it."""
    text = "On 3 March 2020 the Municipality of Riga hosted a study visit of Oslo kommune."
    doc = Document("warm", "warm", text, None, "news", detect_language(text), "utf-8",
                   "text/plain", "")  # fmt: skip
    extract(doc)


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


@contextmanager
def _executor(
    jobs: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]
) -> Iterator[ProcessPoolExecutor]:
    context: multiprocessing.context.BaseContext
    if "forkserver" in multiprocessing.get_all_start_methods():
        # a clean process (not a fork of this one, whose store has threads) that has
        # loaded the models once; workers are forked from it
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload(["partnergraph.graph._preload"])
        context = forkserver
    else:
        context = multiprocessing.get_context("spawn")
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
) -> Iterator[R]:
    """``batch`` over ``items`` in batches, results in input order; in ``jobs`` worker
    processes when there are at least :data:`PARALLEL_FROM` items, else in this one.

    As with any use of :mod:`multiprocessing`, a script that asks for workers must start
    from an ``if __name__ == "__main__":`` block (workers import the main module)."""
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        if initializer is not None:
            initializer(*initargs)
        for chunk in _chunks(items, _BATCH):
            yield from batch(chunk)
        return
    with _executor(jobs, initializer, initargs) as pool:
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
