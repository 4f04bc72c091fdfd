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

import pickle
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import Literal
from rdflib.namespace import SKOS

from partnergraph import ontology
from partnergraph.ontology import PG, name_key, nt_line

from . import workers
from .extract import Extraction, extract
from .extract.model import Evidence, OrgMention
from .extract.portal import PortalError
from .resolve import Judgements, Resolution, resolve_organisations
from .sources import DEFAULT_MAX_BYTES, Document, SourceProblem, expand_paths, read_document
from .store import GraphStore, graphs
from .triples import DEFAULT_BASE, document_triples, iter_ntriples, org_iri, reference_lines

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


# ------------------------------------------------------------ per-document steps

_NO_EVIDENCE = Evidence(0, 0, "")


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


# ------------------------------------------------------------------- the build


def read_all(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    jobs: int = 1,
) -> tuple[list[Read], list[SourceProblem]]:
    """Read and extract every input (in ``jobs`` processes, see :func:`.workers.run`), in
    input order; a second file with the same source is skipped."""
    files, problems = expand_paths(paths)
    tasks = [(file, root, max_bytes) for file, root in files]
    reads: list[Read] = []
    seen: dict[str, str] = {}
    for item in workers.run(read_batch, tasks, jobs, preload=_PRELOAD):
        if isinstance(item, SourceProblem):
            problems.append(item)
            continue
        if item.doc.key in seen:
            problems.append(
                SourceProblem(item.doc.path, f"same source as {seen[item.doc.key]}; skipped")
            )
            continue
        seen[item.doc.key] = item.doc.path
        if progress is not None:
            progress("reading", item.doc.path)
        reads.append(item)
    return reads, problems


def resolve_all(reads: list[Read], judgements: Judgements | None = None) -> Resolution:
    """Resolve the organisations of every document read."""
    return resolve_organisations(
        (m for read in reads for m in read.mentions), judgements=judgements
    )


def extract_all(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    judgements: Judgements | None = None,
    jobs: int = 1,
) -> tuple[list[tuple[Document, Extraction]], list[SourceProblem], Resolution]:
    """Read and extract every input, then resolve organisations across all of them.

    The documents come back without their text (see :class:`.workers.Read`)."""
    reads, problems = read_all(paths, max_bytes=max_bytes, progress=progress, jobs=jobs)
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
) -> BuildReport:
    """Build the graph of ``paths`` into ``store``; each document replaces its own graph.

    With ``prune``, documents in the store that are not among ``paths`` are removed, facts
    and all (the store then holds exactly these documents). Documents are read and turned
    into triples in ``jobs`` processes (see :func:`.workers.run`; the CLI uses one per
    core); the graph is the same whatever the number.
    """
    report = BuildReport()
    reads, problems = read_all(paths, max_bytes=max_bytes, progress=progress, jobs=jobs)
    report.problems.extend(problems)
    if not reads:
        return report  # nothing readable: the store is left as it was
    resolution = resolve_all(reads, judgements)
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
    for read, (iri, ntriples, count) in zip(reads, written, strict=True):
        if progress is not None:
            progress("writing", read.doc.path)
        store.replace_graph(iri, [ntriples])
        report.documents.append(read.doc.path)
        report.graphs.append(iri)
        report.triples += count
        if read.notes:
            report.notes[read.doc.path] = read.notes
    if prune:
        built = set(report.graphs)
        for name in graphs.document_graphs(store):
            if name not in built:
                store.drop_graph(name)
                report.removed.append(name)
    store.replace_graph(graphs.RESOLUTION, resolution_lines(resolution, base))
    store.flush()
    if report.triples >= len(store) * OPTIMIZE_SHARE:
        store.optimize()  # most of the store is new: merge the bulk loads' files
    return report


#: A build that wrote at least this share of the store's triples compacts it afterwards.
OPTIMIZE_SHARE = 0.25


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
