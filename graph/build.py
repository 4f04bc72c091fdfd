"""The conductor: read → extract → resolve → triples → store, in that order, with a report.

The per-document steps (read and extract one document; turn one into triples) run in
worker processes when the input is large (:mod:`.workers`). Between the two, every
document is held compactly: without its text (the triples do not need it) and with its
extraction pickled and compressed (pickles made by these workers from this build's
documents, never read from elsewhere). Resolution gets the organisation mentions without
their evidence, which is all it reads. 100,000 project pages peak at 1.4 GB for the build
and its workers together.
"""

from __future__ import annotations

import contextvars
import functools
import gc
import hashlib
import itertools
import os
import pickle
import signal
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple, ParamSpec, TypeVar

from rdflib import Literal
from rdflib.namespace import SKOS

from partnergraph import ontology
from partnergraph.ontology import PG, name_key, nt_line

from . import workers
from .extract import Extraction, extract
from .extract.model import NO_EVIDENCE, OrgMention
from .extract.portal import PortalError
from .ledger import (
    Entry,
    Fingerprints,
    KeptResolution,
    counted_mentions,
    keep_ledger,
    keep_resolution,
    kept_ledger_documents,
    kept_resolution,
    ledger_graph,
    load_ledger_kept,
    naming,
    open_ledger,
    write_entry,
)
from .resolve import Judgements, Resolution, resolve_organisations
from .sources import (
    DEFAULT_MAX_BYTES,
    Document,
    SourceProblem,
    expand_names,
    load_language_model_soon,
    read_document,
)
from .store import GraphStore, Store, graphs
from .summary import is_summarised, summarise
from .triples import (
    DEFAULT_BASE,
    document_iri_of,
    document_triples,
    org_iri,
    reference_lines,
)

__all__ = [
    "BuildReport",
    "Read",
    "build",
    "extract_all",
    "graph_batch",
    "load_ontology",
    "read_all",
    "read_batch",
    "resolution_lines",
    "resolve_all",
]

#: The module the workers' fork server imports first (it loads the extraction models).
_PRELOAD = ("partnergraph.graph._preload",)

#: From this many documents in the store, a build starts its reading workers' fork server
#: (which loads the models: 2–3 s with its start) before it walks the folders and reads
#: the ledger, so that both happen at once even when it reads only one document (at
#: 150,000 documents the walk and the ledger take 2.5–3 s: the build took 1.0–1.4 s less);
#: below, that work is shorter than the server's start, and the few documents a build
#: reads are read in this process (the language model loading in a thread meanwhile).
EARLY_FROM = 20_000

#: A file's size and modification time in nanoseconds.
Stamp = tuple[int, int]
#: What the ledger says of a path: the document's key, its checksum, the file's stamp.
Known = tuple[str, str, Stamp | None]

#: Told what is done to which document: ("reading" | "writing", path).
Progress = Callable[[str, str], None]


@dataclass
class BuildReport:
    """What a build did: documents written, inputs skipped and why, what pages left unread."""

    documents: list[str] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    triples: int = 0
    graphs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    prune_held: int = 0  # files there but unread whose documents could not be told: no prune
    unjudged: tuple[str, ...] = ()  # names in the judgements that name no organisation
    unchanged: list[str] = field(default_factory=list)  # files with the same checksum
    rewritten: int = 0  # documents of earlier builds rewritten with new identities
    held: int = 0  # documents the store holds after the build (its ledger's entries)
    #: seconds by the clock each stage took, in order (``build --timings`` prints them);
    #: not what the build made, so two reports of the same build compare equal without them
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def timed(self, stage: str, since: float) -> float:
        """Note that ``stage`` ran from ``since`` (a :func:`time.perf_counter`) until now;
        returns now (where the next stage starts)."""
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - since
        return now


# ------------------------------------------------------------ per-document steps


@dataclass(frozen=True)
class Read:
    """One document read and extracted, held compactly until its triples are written."""

    doc: Document  # without its text
    packed: bytes  # the Extraction, pickled and compressed
    mentions: tuple[OrgMention, ...]  # without evidence: what resolution reads
    notes: tuple[str, ...]
    stamp: Stamp | None = None  # the file's size and time before it was read

    def extraction(self) -> Extraction:
        """The document's extraction, unpacked."""
        return _unpack(self.packed)


class Unchanged(NamedTuple):
    """A file whose document the store holds with the same checksum: not extracted again.
    (A named tuple: a build of a 100k-project store makes 150,000, which as frozen data
    classes took a fifth of a second to make.)"""

    key: str
    path: str
    # the file's size and time, when the ledger has another path or stamp for it (a folder
    # moved, a file touched): the ledger takes them, so the next build need not read it
    stamp: Stamp | None = None


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


#: Seconds one document may take to be read and extracted (``build --doc-timeout``).
DEFAULT_DOC_SECONDS = 120.0


class _OutOfTime(Exception):
    pass


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise :class:`_OutOfTime` in this thread after ``seconds`` (a real-time timer; only
    in a process's main thread, where signals arrive: elsewhere no budget is kept)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


#: Checksums of the documents the store holds, by key (set in each reading process).
_known: dict[str, str] = {}


def set_read_context(known: dict[str, str]) -> None:
    """What reading skips: documents the store holds with these checksums."""
    _known.clear()
    _known.update(known)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: the ledger and the folders' walk make
    hundreds of thousands of objects that hold no cycles, and each collection of the
    oldest generation would look at all of them again (150,000 documents: the ledger
    loaded in 0.5 s rather than 0.9 s)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


#: Whether this build may freeze what it has made (see :func:`_freeze`).
_FREEZING: contextvars.ContextVar[bool] = contextvars.ContextVar("freezing", default=False)
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _freeze() -> None:
    """In a build, move every object made so far out of the cyclic collector's sight until
    the build ends: the ledger's entries, the walk's files and the identities live
    through it, and each collection of the oldest generation looked at them all again
    (three of them in a changed partner's build at 100k projects: 0.4–0.6 s)."""
    if _FREEZING.get():
        gc.freeze()


def _thawed_after(run: Callable[_P, _R]) -> Callable[_P, _R]:
    """``run`` may freeze (:func:`_freeze`), and what it froze is thawed when it ends —
    unless its caller had frozen objects of its own (they are left as they are, and the
    build freezes nothing)."""

    @functools.wraps(run)
    def thawing(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        token = _FREEZING.set(gc.get_freeze_count() == 0)
        try:
            return run(*args, **kwargs)
        finally:
            if _FREEZING.get():
                gc.unfreeze()
            _FREEZING.reset(token)

    return thawing


def stamp_of(file: Path) -> Stamp | None:
    """A file's size and modification time (nanoseconds); None if it cannot be told."""
    try:
        found = file.stat()
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns)


def _unchanged_files(
    files: list[tuple[str, Path]],
    stamps: dict[str, Stamp],
    known_paths: dict[str, Known],
    max_bytes: int,
) -> list[Unchanged | None]:
    """Each file read before from its path with the same size and time (not even read: as
    make and rsync tell), or whose bytes have the same checksum: not decoded, converted or
    language-detected again; None for the others. ``stamps``: the files' as the folder's
    walk saw them. (One loop for all: a call per file cost a third of a second at 150,000.)"""
    here = os.path.join(os.getcwd(), "")  # (a file's absolute path: here + its path)
    out: list[Unchanged | None] = []
    add, known, stamped = out.append, known_paths.get, stamps.get
    for name, _root in files:
        seen = known(name if name[:1] == "/" else here + name)
        if seen is None:
            add(None)
            continue
        stamp = stamped(name) or stamp_of(Path(name))
        if stamp == seen[2] and stamp is not None:
            add(Unchanged(seen[0], name))
        elif _same_bytes(name, seen[1], max_bytes):  # (its stamp taken before its bytes)
            add(Unchanged(seen[0], name, stamp))
        else:
            add(None)
    return out


def _moved(ledger: dict[str, Entry], unchanged: Sequence[Unchanged]) -> list[Entry]:
    """The ledger's entries of unchanged files it knows under another path or stamp, given
    the path and stamp the files have now (in place: the build goes on with them)."""
    by_key = {e.key: e for e in ledger.values()} if any(u.stamp for u in unchanged) else {}
    moved = []
    for item in unchanged:
        entry = by_key.get(item.key)
        if item.stamp is None or entry is None:
            continue
        path = str(Path(item.path).absolute())
        if (entry.path, entry.stamp) != (path, item.stamp):
            entry.path, entry.stamp = path, item.stamp
            moved.append(entry)
    return moved


def _same_bytes(name: str, checksum: str, max_bytes: int) -> bool:
    """Whether the file's bytes have this checksum (a file gone, too large or unreadable has
    not)."""
    file = Path(name)
    try:
        if not file.is_file() or file.stat().st_size > max_bytes:
            return False
        raw = file.read_bytes()
    except OSError:
        return False
    return hashlib.sha256(raw).hexdigest() == checksum


def _read_one(
    file: Path, root: Path, max_bytes: int, seconds: float
) -> Read | Unchanged | SourceProblem:
    """Read and extract one file. Whatever goes wrong becomes a problem naming the file (and
    saying the file is there: a ``--prune`` keeps its document)."""
    done = _read_or_problem(file, root, max_bytes, seconds)
    if isinstance(done, SourceProblem):
        return replace(done, found=True)
    return done


def _read_or_problem(
    file: Path, root: Path, max_bytes: int, seconds: float
) -> Read | Unchanged | SourceProblem:
    shown = str(file)
    key: str | None = None
    stamp = stamp_of(file)  # before reading: a file changed meanwhile is read again next time
    try:
        with _budget(seconds):
            item = read_document(file, root=root, max_bytes=max_bytes)
            if isinstance(item, SourceProblem):
                return item
            shown, key = item.path, item.key
            if _known.get(item.key) == item.checksum:
                return Unchanged(item.key, item.path, stamp)
            ex = extract(item)
            bare = tuple(replace(m, evidence=NO_EVIDENCE) for m in mentions_of(ex))
            return Read(replace(item, text=""), _pack(ex), bare, item.notes + ex.notes, stamp)
    except PortalError as exc:
        return SourceProblem(shown, str(exc), key=key)
    except RecursionError:
        return SourceProblem(shown, "too deeply nested to read", key=key)
    except _OutOfTime:
        message = f"not read: it took over {seconds:g} s (see --doc-timeout)"
        return SourceProblem(shown, message, key=key)
    except MemoryError:
        return SourceProblem(shown, "not read: it needs more memory than there is", key=key)
    except Exception as exc:  # one bad file never stops a build: named, and skipped
        message = f"not read: {type(exc).__name__}: {_brief(exc)}"
        return SourceProblem(shown, message, key=key)


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


def read_batch(
    tasks: Sequence[tuple[Path, Path, int, float]],
) -> list[Read | Unchanged | SourceProblem]:
    """Read and extract ``(file, root, max_bytes, seconds)`` tasks."""
    return [_read_one(*task) for task in tasks]


_context: dict[str, Any] = {}


def set_graph_context(resolution: Resolution, base: str) -> None:
    """What every document's triples depend on (a worker's initializer)."""
    _context["resolution"], _context["base"] = resolution, base


def graph_batch(reads: Sequence[tuple[Document, bytes]]) -> list[tuple[str, str, int] | str]:
    """``(graph IRI, N-Triples text, triple count)`` of each ``(document, packed)``, or
    what went wrong with it. The text is parsed once here, so a store's loader never meets
    a line it refuses (which would fail the bulk load of many documents)."""
    import pyoxigraph as ox

    out: list[tuple[str, str, int] | str] = []
    for doc, packed in reads:
        try:
            ex = _unpack(packed)
            graph = document_triples(doc, ex, _context["resolution"], base=_context["base"])
            text = "\n".join(graph.lines)
            for _ in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
                pass
        except SyntaxError as exc:
            out.append(f"not written: a triple the store would refuse ({_brief(exc)})")
        except Exception as exc:  # named and skipped, as in reading
            out.append(f"not written: {type(exc).__name__}: {_brief(exc)}")
        else:
            out.append((str(graph.iri), text, len(graph.lines)))
    return out


# ------------------------------------------------------------------- the build


def read_all(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    jobs: int = 1,
    doc_seconds: float = DEFAULT_DOC_SECONDS,
    follow_links: bool = False,
    known: dict[str, Known] | None = None,
    unchanged: list[Unchanged] | None = None,
    early: bool = False,
) -> tuple[list[Read], list[SourceProblem]]:
    """Read and extract every input (in ``jobs`` processes, see :func:`.workers.run`), in
    input order; a second file with the same source is skipped. A document ``known``
    (absolute path → key and checksum, as the ledger has them) whose key and checksum are
    the same is not extracted: it goes to ``unchanged``. ``early``: the workers' fork
    server was started before (:func:`.workers.start_early`); even a few files are read
    in workers then."""
    stamps: dict[str, Stamp] = {}
    with _collector_paused():
        files, problems = expand_names(paths, follow_links=follow_links, stamps=stamps)
        # files read before from the same path with the same bytes are told here, by their
        # checksum: a build of unchanged files starts no reading process at all
        found: list[Read | Unchanged | SourceProblem | None] = [
            *_unchanged_files(files, stamps, known or {}, max_bytes)
        ]
    tasks = [
        (Path(file), root, max_bytes, doc_seconds)
        for (file, root), same in zip(files, found, strict=True)
        if same is None
    ]
    fresh = iter(
        workers.run(
            read_batch,
            tasks,
            jobs,
            initializer=set_read_context,
            initargs=({key: checksum for key, checksum, _stamp in (known or {}).values()},),
            preload=_PRELOAD,
            early=early,
        )
        if tasks
        else ()
    )
    reads: list[Read] = []
    seen: dict[str, str] = {}
    # mentions are frozen: documents that name an organisation alike share one (a build of
    # 150,000 documents held 4 KB of mentions for each, most of them the same)
    shared: dict[OrgMention, OrgMention] = {}
    for item in found:
        if item is None:
            item = next(fresh)
        if isinstance(item, SourceProblem):
            problems.append(item)
            continue
        key, path = (
            (item.key, item.path) if isinstance(item, Unchanged) else (item.doc.key, item.doc.path)
        )
        if key in seen:
            problems.append(
                SourceProblem(path, f"same source as {seen[key]}; skipped", found=True, key=key)
            )
            continue
        seen[key] = path
        if progress is not None:
            progress("reading", path)
        if isinstance(item, Unchanged):
            if unchanged is not None:
                unchanged.append(item)
        else:
            mentions = tuple(shared.setdefault(m, m) for m in item.mentions)
            reads.append(replace(item, mentions=mentions))
    return reads, problems


def resolve_all(reads: list[Read], judgements: Judgements | None = None) -> Resolution:
    """Resolve the organisations of every document read."""
    return resolve_mentions({read.doc.key: read.mentions for read in reads}, judgements)


def resolve_mentions(
    by_document: dict[str, tuple[OrgMention, ...]], judgements: Judgements | None = None
) -> Resolution:
    """Resolve the mentions of documents, taken in the order of their keys: the same
    documents give the same identities whatever order or builds they came in."""
    in_order = itertools.chain.from_iterable(by_document[key] for key in sorted(by_document))
    return resolve_organisations(in_order, judgements=judgements)


def extract_all(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    judgements: Judgements | None = None,
    jobs: int = 1,
    doc_seconds: float = DEFAULT_DOC_SECONDS,
    follow_links: bool = False,
) -> tuple[list[tuple[Document, Extraction]], list[SourceProblem], Resolution]:
    """Read and extract every input, then resolve organisations across all of them.

    The documents come back without their text (see :class:`.workers.Read`)."""
    reads, problems = read_all(
        paths,
        max_bytes=max_bytes,
        progress=progress,
        jobs=jobs,
        doc_seconds=doc_seconds,
        follow_links=follow_links,
    )
    resolution = resolve_all(reads, judgements)
    return [(read.doc, read.extraction()) for read in reads], problems, resolution


def load_ontology(store: GraphStore) -> None:
    """Put the ontology and its vocabularies, and the reference data (countries), in their
    own named graphs (labels and codes for queries)."""
    from rdflib.compare import to_canonical_graph

    # the property chain's list: canonical blank-node labels, made IRIs (skolemised), since
    # Oxigraph gives loaded blank nodes new labels; so the same ontology gives the same
    # triples every build, and rebuilding changes nothing in its graph or in the union
    graph = to_canonical_graph(ontology.load("partnergraph")).skolemize(
        authority="https://w3id.org", basepath="/partnergraph/.well-known/genid/"
    )
    lines = sorted(nt_line(s, p, o) for s, p, o in graph)
    store.replace_graph(graphs.ONTOLOGY, lines)
    store.replace_graph(graphs.REFERENCE, reference_lines())


@_thawed_after
def build(
    paths: Iterable[str],
    store: GraphStore,
    *,
    base: str = DEFAULT_BASE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    judgements: Judgements | None = None,
    prune: bool = False,
    jobs: int = 1,
    doc_seconds: float = DEFAULT_DOC_SECONDS,
    follow_links: bool = False,
) -> BuildReport:
    """Build the graph of ``paths`` into ``store``; each document replaces its own graph.

    With ``prune``, documents in the store that are not among ``paths`` are removed, facts
    and all (the store then holds exactly these documents). Documents are read and turned
    into triples in ``jobs`` processes (see :func:`.workers.run`; the CLI uses one per
    core); the graph is the same whatever the number.
    """
    report = BuildReport()
    started = time.perf_counter()
    # a build into a store that holds documents reads few of them again: the models load
    # while the ledger is read and the folders are walked — in a worker process of their
    # own for a large store (where that takes seconds), else in a thread of this one
    # (told from the size of the ledger's kept copy, before it is read; or, with no copy,
    # from the ledger's graphs once they are)
    early = _start_early(jobs, kept_ledger_documents(store))
    with _collector_paused():
        ledger, from_kept = load_ledger_kept(store)
    _freeze()
    early = early or _start_early(jobs, len(ledger))
    if ledger and not early:
        load_language_model_soon()
    unchanged: list[Unchanged] = []
    reads, problems = read_all(
        paths,
        max_bytes=max_bytes,
        progress=progress,
        jobs=jobs,
        doc_seconds=doc_seconds,
        follow_links=follow_links,
        known={e.path: (e.key, e.checksum, e.stamp) for e in ledger.values()},
        unchanged=unchanged,
        early=early,
    )
    _freeze()
    started = report.timed("reading", started)
    report.problems.extend(problems)
    report.unchanged = [u.path for u in unchanged]
    moved = _moved(ledger, unchanged)
    if not reads and not unchanged:
        workers.stop_server()
        return report  # nothing readable: the store is left as it was
    # every document the store will hold: those read now, and the others the ledger knows
    # (with --prune, only the ones given now: unchanged, or there but unreadable)
    read_keys = {read.doc.key for read in reads}
    held = {u.key for u in unchanged} | {p.key for p in problems if p.found and p.key}
    others = {
        e.graph: e
        for e in ledger.values()
        if e.key not in read_keys and (not prune or e.key in held)
    }
    if progress is not None:
        progress("resolving organisations across documents", f"{len(reads)} read")
    same = _same_identities(store, ledger, reads, judgements) if not prune else None
    if same is not None:
        # the store's documents name the organisations they named before: the identities
        # are those the last build resolved, and only the documents it left stale are
        resolution = same.resolution
        fingerprint = Fingerprints(resolution)
        stale = [others[graph] for graph in same.stale if graph in others]
    else:
        resolution = _resolve_held(reads, others, judgements)
        # documents not read now whose identities changed: read again and rewritten
        fingerprint = Fingerprints(resolution)
        stale = _stale(others.values(), fingerprint, kept_resolution(store, judgements))
    _freeze()
    report.unjudged = resolution.unmatched
    started = report.timed("resolving", started)
    reads.extend(_read_again(stale, report, max_bytes, doc_seconds, jobs, early))
    report.rewritten = len(stale)
    if stale:
        started = report.timed("reading", started)
    if not reads and not prune and judgements is None and is_summarised(store):
        workers.stop_server()
        if moved:  # (their ledger entries only: nothing else changes)
            open_ledger(store)
            for entry in moved:
                write_entry(store, entry)
            keep_ledger(store, ledger.values(), written=moved if from_kept else None)
        return report  # every file unchanged: the store, views and summary stand as they are
    if isinstance(store, Store):
        store.start_journal()  # what the writes touch brings the summary up to date
    open_ledger(store)  # its kept copy is right again once the build is written
    entries = {e.graph: e for e in ledger.values()}
    written_entries: list[Entry] = []
    load_ontology(store)
    # views of the old data: 'reason' and 'analyse --write' compute them anew
    store.drop_graph(graphs.INFERRED)
    store.drop_graph(graphs.METRICS)
    written = workers.run(
        graph_batch,
        [(read.doc, read.packed) for read in reads],
        jobs,
        initializer=set_graph_context,
        initargs=(resolution, base),
        preload=_PRELOAD,
    )
    for read, done in zip(reads, written, strict=True):
        if isinstance(done, str):
            report.problems.append(SourceProblem(read.doc.path, done, True, read.doc.key))
            continue
        iri, ntriples, count = done
        if progress is not None:
            progress("writing", read.doc.path)
        store.replace_graph(iri, [ntriples])
        entry = Entry(
            iri,
            read.doc.key,
            str(Path(read.doc.path).absolute()),
            read.doc.checksum,
            read.mentions,
            fingerprint(read.mentions),
            read.stamp,
        )
        write_entry(store, entry)
        entries[iri] = entry
        written_entries.append(entry)
        report.documents.append(read.doc.path)
        report.graphs.append(iri)
        report.triples += count
        if read.notes:
            report.notes[read.doc.path] = read.notes
    for entry in moved:
        if entry.graph in entries and entries[entry.graph] is entry:  # (not written again)
            write_entry(store, entry)
            written_entries.append(entry)
    reads.clear()  # written: their extractions go before the summary's scans come
    # (no more workers in this build; it lets go of its memory while the build goes on)
    server_gone = workers.stop_server(wait=False)
    report.held = len({*report.graphs, *(e.graph for e in others.values())})
    if prune:
        _prune(store, report, base, {e.graph for e in others.values()})
    store.replace_graph(graphs.RESOLUTION, resolution_lines(resolution, base))
    rewritten = set(report.graphs)
    keep_resolution(
        store, resolution, judgements, (e.graph for e in stale if e.graph not in rewritten)
    )
    removed = set(report.removed)
    kept = [e for graph, e in entries.items() if graph not in removed]
    # (a ledger not read from the kept copy is kept whole: a log adds only to a good copy)
    keep_ledger(store, kept, written=written_entries if from_kept else None,
                removed=report.removed)  # fmt: skip
    # the summary scans the whole store next: the documents' mentions and identities go
    # first (at 100k projects ~2M mentions, held by the ledger's entries and the resolution)
    del entries, written_entries, kept, ledger, others, resolution, fingerprint, stale, same
    started = report.timed("writing", started)
    if progress is not None:
        progress("summarising", "pairs, organisations, projects, events")
    summarise(store)
    started = report.timed("summarising", started)
    store.flush()
    # most of the store is new: merge the bulk loads' files (a build of a few documents
    # does not count the store's triples, which reads all of them)
    if report.triples >= OPTIMIZE_FLOOR and report.triples >= len(store) * OPTIMIZE_SHARE:
        store.optimize()
    server_gone()
    report.timed("flushing", started)  # the writes on disk, bulk loads' files merged
    return report


def _start_early(jobs: int, documents: int) -> bool:
    """Start the workers' fork server now (see :func:`.workers.start_early`) for a build of
    several jobs into a store of :data:`EARLY_FROM` documents or more; whether it was."""
    return jobs > 1 and documents >= EARLY_FROM and workers.start_early(_PRELOAD)


def _resolve_held(
    reads: list[Read], others: dict[str, Entry], judgements: Judgements | None
) -> Resolution:
    """:func:`resolve_mentions` over the documents read now and the others the ledger
    holds (their mentions counted from the ledger's kept copy, not made one by one)."""
    by_document: dict[str, Entry | tuple[OrgMention, ...]] = {
        read.doc.key: read.mentions for read in reads
    }
    by_document.update({e.key: e for e in others.values()})
    in_order = (by_document[key] for key in sorted(by_document))
    return resolve_organisations(counted_mentions(in_order), judgements=judgements)


def _same_identities(
    store: GraphStore, ledger: dict[str, Entry], reads: list[Read], judgements: Judgements | None
) -> KeptResolution | None:
    """The identities the last build kept, when they still hold: every document read now was
    in the store before and names the same organisations, in the same order, as then (the
    others are as they were), with the same judgements and code."""
    before = {e.key: e for e in ledger.values()} if reads else {}
    for read in reads:
        entry = before.get(read.doc.key)
        if entry is None or entry.mentions != read.mentions:
            return None
    return kept_resolution(store, judgements)


def _stale(
    entries: Iterable[Entry], fingerprint: Fingerprints, before: KeptResolution | None
) -> list[Entry]:
    """The ``entries`` whose fingerprint under the new identities is not the one they were
    written with. With the identities of the build before (each entry's fingerprint was
    then as they give it, but for those it left stale), only the entries that name an
    organisation whose identity changed, or that it left stale, are fingerprinted again
    (150,000 documents' fingerprints took 1.3 s)."""
    if before is None:
        return [e for e in entries if fingerprint(e.mentions) != e.fingerprint]
    changed = fingerprint.changed_since(Fingerprints(before.resolution))
    left = set(before.stale)
    entries = list(entries)
    reached = set(map(id, naming(entries, changed)))
    return [
        e
        for e in entries
        if (e.graph in left or id(e) in reached) and fingerprint(e.mentions) != e.fingerprint
    ]


def _read_again(
    entries: list[Entry],
    report: BuildReport,
    max_bytes: int,
    seconds: float,
    jobs: int,
    early: bool,
) -> list[Read]:
    """Documents of the store to rewrite with new identities, read again from their files;
    one whose file is gone or changed keeps its graph, and the report says so."""
    if not entries:
        return []
    found, _unread = read_all([e.path for e in entries], max_bytes=max_bytes,
                              doc_seconds=seconds, jobs=jobs, early=early)  # fmt: skip
    wanted = {e.key: e for e in entries}
    out = [r for r in found if r.doc.key in wanted and r.doc.checksum == wanted[r.doc.key].checksum]
    done = {r.doc.key for r in out}
    for e in entries:
        if e.key not in done:
            report.problems.append(
                SourceProblem(
                    e.path,
                    "kept as built before: its organisations' identities changed, but the "
                    "file is gone or changed (build it again, or --prune if it is gone)",
                    found=False,
                    key=e.key,
                )
            )
    return out


def _prune(store: GraphStore, report: BuildReport, base: str, kept: set[str]) -> None:
    """Remove the documents that are truly gone: not built now, and not among the files
    that are there but could not be read this time. If such a file's document cannot be
    told (it was not read far enough to know its source), nothing is removed."""
    unknown = [p for p in report.problems if p.found and p.key is None]
    if unknown:
        report.prune_held = len(unknown)
        return
    keep = set(report.graphs) | kept
    for problem in report.problems:
        if problem.found and problem.key is not None:
            keep.add(str(document_iri_of(problem.key, base)))
    for name in graphs.document_graphs(store):
        if name not in keep:
            store.drop_graph(name)
            store.drop_graph(ledger_graph(name))
            report.removed.append(name)


#: A build that wrote at least this share of the store's triples compacts it afterwards;
#: one that wrote fewer than OPTIMIZE_FLOOR triples never does (its bulk loads are few).
OPTIMIZE_SHARE = 0.25
OPTIMIZE_FLOOR = 2_000


def resolution_lines(resolution: Resolution, base: str) -> list[str]:
    """N-Triples of the resolution graph: each identity's reasons, as change notes, and the
    registry's aliases (so any known name finds it; the documents' graphs hold only the
    names the documents use), and every name folded as ``pg:nameKey`` for lookups."""
    lines = set()
    for ident in resolution.identities.values():
        iri = org_iri(ident, base)
        for name in {ident.name, *ident.name_langs, *ident.names}:
            lines.add(nt_line(iri, PG.nameKey, Literal(name_key(name))))
        for reason in ident.reasons:
            lines.add(nt_line(iri, SKOS.changeNote, Literal(reason, lang="en")))
        for alias, lang in ident.name_langs.items():
            if alias != ident.name:
                label = Literal(alias, lang=lang if lang != "und" else None)
                lines.add(nt_line(iri, SKOS.altLabel, label))
    return sorted(lines)
