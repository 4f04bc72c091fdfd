"""SHACL validation (pySHACL) with a report a person can act on.

Each finding says what is wrong (the shape's message), on which node (its label and IRI),
for which property and value, and which source documents describe that node.
"""

from __future__ import annotations

import multiprocessing
from bisect import bisect_left
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH, SKOS

from partnergraph import ontology
from partnergraph.ontology import PG

from .store import GraphStore
from .store.base import in_parts
from .store.graphs import document_graphs, evidence_prefix
from .store.rdf import rdflib_term

__all__ = ["Finding", "Validation", "check", "validate"]


@dataclass(frozen=True, order=True)
class Finding:
    """One SHACL result."""

    severity: str
    node: str
    label: str
    path: str
    message: str
    value: str
    sources: tuple[str, ...]

    def __str__(self) -> str:
        where = f"{self.label} <{self.node}>" if self.label else f"<{self.node}>"
        lines = [f"{self.severity.upper()}: {where}", f"  what: {self.message}"]
        if self.path:
            lines.append(
                f"  property: {self.path}" + (f"  value: {self.value}" if self.value else "")
            )
        if self.sources:
            lines.append(f"  source: {', '.join(self.sources)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Validation:
    """What a validation checked (documents, nodes) and found."""

    findings: list[Finding]
    documents: int
    nodes: int

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "violation"]


def validate(store: GraphStore, graphs: Sequence[str] | None = None) -> list[Finding]:
    """The findings of :func:`check` (every document graph, or only ``graphs``)."""
    return check(store, graphs).findings


def check(store: GraphStore, graphs: Sequence[str] | None = None, *, jobs: int = 1) -> Validation:
    """Validate the documents' nodes (every document graph, or only ``graphs``: a build's
    new ones) against the shapes, with the ontology's vocabularies.

    Each node is checked once, with everything the store says of it (in any graph) that a
    shape reads and the types of the nodes it points at. The nodes go to pySHACL a few
    hundred documents at a time, so that a store of any size is never one data graph in
    memory; with ``jobs`` > 1 and more than one batch, pySHACL runs in that many processes
    while this one gathers the next batches. The findings do not depend on the batches or
    the processes."""
    names = sorted(set(document_graphs(store) if graphs is None else graphs))
    checked: set[str] = set()  # nodes outside any one document, checked in a batch before
    nodes = 0

    def batches() -> Iterator[tuple[bytes, list[str]]]:
        nonlocal nodes
        for part in in_parts(names, _DOCUMENTS):
            focus, evidence = _nodes(store, part, checked)
            if focus:
                nodes += len(focus)
                yield _gather(store, focus, evidence), focus

    parts = -(-len(names) // _DOCUMENTS)
    if jobs > 1 and parts > 1:
        results = list(_in_processes(batches(), min(jobs, parts)))
    else:
        results = [r for data, focus in batches() for r in _shapes(data, focus)]
    sources = _sources(store, sorted({node for _s, node, *_ in results}))
    findings = {Finding(*row, sources=tuple(sources.get(row[1], ()))) for row in results}
    return Validation(sorted(findings), len(names), nodes)


#: Documents whose nodes go to pySHACL together (a few thousand nodes).
_DOCUMENTS = 200
#: IRIs per VALUES block of the queries that gather the nodes' descriptions.
_CHUNK = 400


def _nodes(
    store: GraphStore, graphs: Sequence[str], checked: set[str]
) -> tuple[list[str], set[str]]:
    """The IRIs the ``graphs`` describe that no earlier batch checked, and which of them
    are evidence (in their document's graph only, not in the union). A document's own
    nodes (its IRI and those under it: mentions) are in no other document: only the rest
    (organisations, projects, places, events) are remembered."""
    found: set[str] = set()
    for part in in_parts(graphs, _CHUNK):
        values = " ".join(f"<{g}>" for g in part)
        query = (
            f"SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {values} }} "
            "GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) }"
        )
        found.update(s for (s,) in store.select_text(query) if s)
    ordered = sorted(found)
    own = set(graphs)
    evidence: set[str] = set()
    for graph in graphs:  # (in sorted order, the nodes under a graph's IRI follow it)
        mentions = evidence_prefix(graph)
        for prefix in (f"{graph}/", f"{graph}#"):
            at = bisect_left(ordered, prefix)
            while at < len(ordered) and ordered[at].startswith(prefix):
                own.add(ordered[at])
                if ordered[at].startswith(mentions):
                    evidence.add(ordered[at])
                at += 1
    nodes = []
    for node in ordered:
        if node in own:
            nodes.append(node)
        elif node not in checked:
            checked.add(node)
            nodes.append(node)
    return nodes, evidence


def _gather(store: GraphStore, focus: list[str], evidence: set[str]) -> bytes:
    """What the shapes read of ``focus``, as N-Triples: the nodes' triples whose predicate
    a shape reads (in the union; those of ``evidence`` in their document's graph), and the
    types of what they point at (enough for every shape: none checks the nodes a value
    points at through ``sh:node``; a test keeps it so)."""
    reads = _shape_paths()
    keep = f"FILTER(?p IN ({', '.join(f'<{p}>' for p in reads)}))" if reads else ""
    out = []
    for nodes, said in (
        ([n for n in focus if n not in evidence], "?s ?p ?o"),
        ([n for n in focus if n in evidence], "GRAPH ?g { ?s ?p ?o }"),
    ):
        query = (
            "CONSTRUCT { ?s ?p ?o . ?o a ?t } WHERE { VALUES ?s { %s } "
            f"{said} {keep} OPTIONAL {{ ?o a ?t }} }}"
        )
        out += [
            store.construct(query % " ".join(f"<{s}>" for s in part))
            for part in in_parts(nodes, _CHUNK)
        ]
    return b"".join(out)


def _in_processes(
    batches: Iterator[tuple[bytes, list[str]]], jobs: int
) -> Iterator[tuple[str, str, str, str, str, str]]:
    """:func:`_shapes` over ``batches`` in ``jobs`` fresh processes (this one has the
    store's threads: never forked), a few batches ahead, results in the batches' order."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        pending: deque[Future[list[tuple[str, str, str, str, str, str]]]] = deque()
        try:
            for data, focus in batches:
                pending.append(pool.submit(_shapes, data, focus))
                while len(pending) > 2 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as exc:
            raise RuntimeError(
                "a validation process stopped abruptly (killed, or out of memory?)"
            ) from exc


def _shapes(ntriples: bytes, focus: list[str]) -> list[tuple[str, str, str, str, str, str]]:
    """pySHACL over a batch's data (:func:`_gather`); the results about ``focus``
    (severity, node, label, path, message, value)."""
    import pyshacl

    data = Graph()
    for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):
        data.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
    data += ontology.load("partnergraph")
    # every target node in ``data`` is checked (asking pySHACL for focus nodes costs it a
    # list look-up per node and target: quadratic); the nodes described only in part
    # (those pointed at) are then left out of the results
    _conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=ontology.load("shapes"),
        inference="none",
        allow_warnings=True,
        inplace=True,  # the data graph is this call's own: no copy
    )
    assert isinstance(report, Graph)
    wanted = set(focus)
    out = []
    for result in report.subjects(SH.resultSeverity, None):
        node = report.value(result, SH.focusNode)
        if node is None or str(node) not in wanted:
            continue
        severity = report.value(result, SH.resultSeverity)
        value = report.value(result, SH.value)
        message = report.value(result, SH.resultMessage)
        label = min(map(str, data.objects(node, SKOS.prefLabel)), default="")
        out.append(
            (
                str(severity).rsplit("#", 1)[-1].lower(),
                str(node),
                label,
                _short(report.value(result, SH.resultPath)),
                str(message or "does not conform"),
                str(value) if value is not None else "",
            )
        )
    return out


@cache
def _shape_paths() -> tuple[str, ...]:
    """The predicates the shapes read, with rdf:type; none when a shape has a path that is
    no plain predicate (then every triple is read)."""
    shapes = ontology.load("shapes")
    paths = list(shapes.objects(None, SH.path))
    if any(not isinstance(p, URIRef) for p in paths):
        return ()
    reads = {str(RDF.type), *map(str, paths)}
    for pair in (SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint):
        reads.update(str(o) for o in shapes.objects(None, pair))
    return tuple(sorted(reads))


def _sources(store: GraphStore, nodes: Sequence[str]) -> dict[str, list[str]]:
    """For each of ``nodes``, the source paths of the documents that describe it."""
    out: dict[str, set[str]] = {}
    for part in in_parts(nodes, _CHUNK):
        values = " ".join(f"<{n}>" for n in part)
        query = (
            f"SELECT DISTINCT ?s ?path WHERE {{ VALUES ?s {{ {values} }} "
            f"GRAPH ?g {{ ?s ?p ?o . ?g <{PG.sourcePath}> ?path }} }}"
        )
        for node, path in store.select_text(query):
            out.setdefault(node, set()).add(path)
    return {node: sorted(paths) for node, paths in out.items()}


def _short(term: object) -> str:
    if term is None:
        return ""
    text = str(term)
    for prefix, ns in ontology.PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return text
