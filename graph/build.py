"""Run the pipeline: read → extract → resolve → triples → store, with a report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from partnergraph import ontology
from partnergraph.ontology import NS

from . import workers
from .extract import Extraction
from .resolve import Judgements, Resolution, resolve_organisations
from .sources import DEFAULT_MAX_BYTES, Document, SourceProblem, expand_paths
from .store import INFERRED_GRAPH, GraphStore
from .triples import DEFAULT_BASE, nt_line
from .workers import Read

__all__ = [
    "ONTOLOGY_GRAPH",
    "REFERENCE_GRAPH",
    "RESOLUTION_GRAPH",
    "SUPPORT_GRAPHS",
    "BuildReport",
    "build",
    "extract_all",
    "load_ontology",
    "read_all",
    "resolution_lines",
    "resolve_all",
]

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
    for item in workers.run(workers.read_batch, tasks, jobs):
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


ONTOLOGY_GRAPH = NS.rstrip("#")


#: Countries (code, name): reference data, once for all documents; left out of exports.
REFERENCE_GRAPH = "https://w3id.org/partnergraph/graph/reference"


def load_ontology(store: GraphStore) -> None:
    """Put the ontology and its vocabularies, and the reference data (countries), in their
    own named graphs (labels and codes for queries)."""
    from rdflib.compare import to_canonical_graph

    from .triples import reference_lines

    # the property chain's list: canonical blank-node labels, made IRIs (skolemised), since
    # Oxigraph gives loaded blank nodes new labels; so the same ontology gives the same
    # triples every build, and rebuilding changes nothing in its graph or in the union
    graph = to_canonical_graph(ontology.load("partnergraph")).skolemize(
        authority="https://w3id.org", basepath="/partnergraph/.well-known/genid/"
    )
    lines = sorted(nt_line(s, p, o) for s, p, o in graph)
    store.replace_graph(ONTOLOGY_GRAPH, lines)
    store.replace_graph(REFERENCE_GRAPH, reference_lines())


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
    store.drop_graph(INFERRED_GRAPH)  # consequences of the old data; 'reason' writes them anew
    graphs = workers.run(
        workers.graph_batch,
        [(read.doc, read.packed) for read in reads],
        jobs,
        initializer=workers.set_graph_context,
        initargs=(resolution, base),
    )
    for read, (iri, ntriples, count) in zip(reads, graphs, strict=True):
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
        for name in store.graphs():
            if name.startswith(f"{base}doc/") and name not in built:
                store.drop_graph(name)
                report.removed.append(name)
    store.replace_graph(RESOLUTION_GRAPH, resolution_lines(resolution, base))
    store.flush()
    if report.triples >= len(store) * OPTIMIZE_SHARE:
        store.optimize()  # most of the store is new: merge the bulk loads' files
    return report


#: A build that wrote at least this share of the store's triples compacts it afterwards.
OPTIMIZE_SHARE = 0.25

#: Why organisations are one identity: rewritten by every build, left out of exports.
RESOLUTION_GRAPH = "https://w3id.org/partnergraph/graph/resolution"

#: Graphs a build writes beside the documents' own: not the documents' data (left out of
#: exports and of the dataset's description).
SUPPORT_GRAPHS = (ONTOLOGY_GRAPH, REFERENCE_GRAPH, RESOLUTION_GRAPH)


def resolution_lines(resolution: Resolution, base: str) -> list[str]:
    """N-Triples of the resolution graph: each identity's reasons, as change notes, and the
    registry's aliases (so any known name finds it; the documents' graphs hold only the
    names the documents use), and every name folded as ``pg:nameKey`` for lookups."""
    from rdflib import Literal
    from rdflib.namespace import SKOS

    from partnergraph.ontology import PG
    from partnergraph.queries import name_key

    from .triples import org_iri

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
