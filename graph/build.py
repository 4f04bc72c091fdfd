"""Run the pipeline: read → extract → resolve → triples → store, with a report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from partnergraph import ontology
from partnergraph.ontology import NS

from .extract import Extraction, extract
from .portal import PortalError
from .resolve import Judgements, Resolution, resolve_organisations
from .sources import DEFAULT_MAX_BYTES, Document, SourceProblem, read_documents
from .store import INFERRED_GRAPH, GraphStore
from .triples import DEFAULT_BASE, DocGraph, document_triples, iter_ntriples, nt_line

__all__ = [
    "ONTOLOGY_GRAPH",
    "REFERENCE_GRAPH",
    "RESOLUTION_GRAPH",
    "BuildReport",
    "build",
    "extract_all",
    "load_ontology",
    "resolution_lines",
]

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    """What a build did: documents written, inputs skipped and why, what pages left unread."""

    documents: list[str] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    triples: int = 0
    graphs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def extract_all(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    judgements: Judgements | None = None,
) -> tuple[list[tuple[Document, Extraction]], list[SourceProblem], Resolution]:
    """Read and extract every input, then resolve organisations across all of them."""
    results: list[tuple[Document, Extraction]] = []
    problems: list[SourceProblem] = []
    seen: dict[str, str] = {}
    for item in read_documents(paths, max_bytes=max_bytes):
        if isinstance(item, SourceProblem):
            problems.append(item)
            continue
        if item.key in seen:
            problems.append(SourceProblem(item.path, f"same source as {seen[item.key]}; skipped"))
            continue
        seen[item.key] = item.path
        if progress is not None:
            progress(item.path)
        try:
            extraction = extract(item)
        except PortalError as exc:
            problems.append(SourceProblem(item.path, str(exc)))
            continue
        except RecursionError:
            problems.append(SourceProblem(item.path, "too deeply nested to read"))
            continue
        results.append((item, extraction))
    mentions = [m for _doc, ex in results for m in _all_mentions(ex)]
    resolution = resolve_organisations(mentions, judgements=judgements)
    return results, problems, resolution


def _all_mentions(ex: Extraction) -> list:  # type: ignore[type-arg]
    out = list(ex.organisations)
    out.extend(r.org for r in ex.roles)
    for link in ex.links:
        out.extend((link.a, link.b))
    return out


def graphs_of(
    results: list[tuple[Document, Extraction]], resolution: Resolution, *, base: str = DEFAULT_BASE
) -> list[tuple[Document, DocGraph]]:
    """The named graph of every document."""
    return [(doc, document_triples(doc, ex, resolution, base=base)) for doc, ex in results]


ONTOLOGY_GRAPH = NS.rstrip("#")


#: Countries (code, name): reference data, once for all documents; left out of exports.
REFERENCE_GRAPH = "https://w3id.org/partnergraph/graph/reference"


def load_ontology(store: GraphStore) -> None:
    """Put the ontology and its vocabularies, and the reference data (countries), in their
    own named graphs (labels and codes for queries)."""
    from rdflib.compare import to_canonical_graph

    from .triples import reference_lines

    # canonical blank-node labels (the property chain's list): the same ontology gives the
    # same lines every build, so rebuilding changes nothing in its graph or in the union
    graph = to_canonical_graph(ontology.load("partnergraph"))
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
) -> BuildReport:
    """Build the graph of ``paths`` into ``store``; each document replaces its own graph.

    With ``prune``, documents in the store that are not among ``paths`` are removed, facts
    and all (the store then holds exactly these documents).
    """
    report = BuildReport()
    results, problems, resolution = extract_all(
        paths, max_bytes=max_bytes, progress=progress, judgements=judgements
    )
    report.problems.extend(problems)
    if not results:
        return report  # nothing readable: the store is left as it was
    load_ontology(store)
    store.drop_graph(INFERRED_GRAPH)  # consequences of the old data; 'reason' writes them anew
    for doc, graph in graphs_of(results, resolution, base=base):
        store.replace_graph(str(graph.iri), iter_ntriples(graph))
        report.documents.append(doc.path)
        report.graphs.append(str(graph.iri))
        report.triples += len(graph.triples)
    for doc, ex in results:
        if ex.notes:
            report.notes[doc.path] = ex.notes
    if prune:
        built = set(report.graphs)
        for name in store.graphs():
            if name.startswith(f"{base}doc/") and name not in built:
                store.drop_graph(name)
                report.removed.append(name)
    store.replace_graph(RESOLUTION_GRAPH, resolution_lines(resolution, base))
    store.flush()
    return report


#: Why organisations are one identity: rewritten by every build, left out of exports.
RESOLUTION_GRAPH = "https://w3id.org/partnergraph/graph/resolution"


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
