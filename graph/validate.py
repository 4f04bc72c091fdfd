"""SHACL validation (pySHACL) with a report a person can act on.

Each finding says what is wrong (the shape's message), on which node (its label and IRI),
for which property and value, and which source documents describe that node.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import SH, SKOS

from partnergraph import ontology
from partnergraph.ontology import PG

from .store import GraphStore, asserted_dataset

__all__ = ["Finding", "validate"]


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


def validate(store: GraphStore, graphs: Sequence[str] | None = None) -> list[Finding]:
    """Validate the asserted graph (with the ontology's vocabularies) against the shapes.

    With ``graphs`` (a build's new document graphs), only what they touch is checked: the
    nodes they describe, with everything the store says of those nodes and the types of
    the nodes those point at."""
    import pyshacl

    data = Graph()
    described_in: dict[str, set[str]] = {}
    focus: list[URIRef | str] | None = None
    if graphs is None:
        ds = asserted_dataset(store)
        for s, p, o, g in ds.quads((None, None, None, None)):
            data.add((s, p, o))
            if isinstance(s, URIRef) and g is not None:
                described_in.setdefault(str(s), set()).add(str(g))
    else:
        focus = list(_touched(store, graphs, data, described_in))
    paths = _source_paths(store, None if graphs is None else sorted(set(graphs)))
    data += ontology.load("partnergraph")
    _conforms, results, _text = pyshacl.validate(
        data,
        shacl_graph=ontology.load("shapes"),
        inference="none",
        advanced=True,
        allow_warnings=True,
        focus_nodes=focus,
    )
    assert isinstance(results, Graph)
    findings = []
    for result in results.subjects(SH.resultSeverity, None):
        node = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        label = data.value(node, SKOS.prefLabel) if node is not None else None
        docs = sorted(paths.get(g, g) for g in described_in.get(str(node), set()))
        findings.append(
            Finding(
                severity=str(severity).rsplit("#", 1)[-1].lower(),
                node=str(node),
                label=str(label or ""),
                path=_short(results.value(result, SH.resultPath)),
                message=str(message or "does not conform"),
                value=str(value) if value is not None else "",
                sources=tuple(docs),
            )
        )
    return sorted(findings)


#: IRIs per VALUES block of the queries that gather what a build touched.
_CHUNK = 400


def _touched(
    store: GraphStore, graphs: Sequence[str], data: Graph, described_in: dict[str, set[str]]
) -> list[URIRef]:
    """Fill ``data`` with the given graphs, all the store says of their subjects and the
    types of what those point at; the subjects, to be checked."""
    subjects: set[URIRef] = set()
    for graph in graphs:
        part = Graph().parse(data=store.dump_graph_ntriples(graph), format="nt")
        for s, p, o in part:
            data.add((s, p, o))
            if isinstance(s, URIRef):
                subjects.add(s)
                described_in.setdefault(str(s), set()).add(graph)
    ordered = sorted(subjects)
    for query in (
        "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { %s } ?s ?p ?o }",
        "CONSTRUCT { ?o a ?t } WHERE { VALUES ?s { %s } ?s ?p ?o . ?o a ?t }",
    ):
        for k in range(0, len(ordered), _CHUNK):
            values = " ".join(f"<{s}>" for s in ordered[k : k + _CHUNK])
            data.parse(data=store.construct(query % values), format="nt")
    return ordered


def _source_paths(store: GraphStore, graphs: Sequence[str] | None) -> dict[str, str]:
    """Each document graph's source path (of ``graphs`` only, when given)."""
    pattern = f"GRAPH ?g {{ ?g <{PG.sourcePath}> ?path }}"
    if graphs is None:
        rows = store.select(f"SELECT ?g ?path WHERE {{ {pattern} }}").rows
        return {str(g): str(p) for g, p in rows}
    out: dict[str, str] = {}
    for k in range(0, len(graphs), _CHUNK):
        values = " ".join(f"<{g}>" for g in graphs[k : k + _CHUNK])
        rows = store.select(f"SELECT ?g ?path WHERE {{ VALUES ?g {{ {values} }} {pattern} }}").rows
        out.update((str(g), str(p)) for g, p in rows)
    return out


def _short(term: object) -> str:
    if term is None:
        return ""
    text = str(term)
    for prefix, ns in ontology.PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return text
