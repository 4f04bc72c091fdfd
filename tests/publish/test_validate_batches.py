"""SHACL validation a few documents at a time: every shape still fires, a node described by
several documents is checked with all they say of it, and the batch size changes nothing."""

from __future__ import annotations

import importlib

import pytest
from rdflib.namespace import SH

from partnergraph import ontology
from partnergraph.graph.store import Store
from partnergraph.graph.store.graphs import document_graphs
from partnergraph.graph.validate import validate

from ..conftest import questions_built

# the module (the package exports its function under the same name)
validation = importlib.import_module("partnergraph.graph.validate")

PG = "https://w3id.org/partnergraph/ns#"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
COUNTRY = "http://publications.europa.eu/resource/authority/country/"


def _subject(store: Store, graph: str, cls: str) -> str:
    rows = store.select(
        f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s a <{cls}> }} }} ORDER BY ?s LIMIT 1"
    ).rows
    assert rows, f"no {cls} in {graph}"
    return str(rows[0][0])


def _breakages(store: Store) -> list[tuple[str, str, str]]:
    """Problems of every kind the shapes check, written into the documents' graphs:
    (graph, node, the message that must be reported on that node)."""
    docs = document_graphs(store)
    project_doc = next(
        g
        for g in docs
        if store.ask(f"ASK {{ GRAPH <{g}> {{ ?p a <{PG}Project> ; <{PG}cost> ?c }} }}")
    )
    dated_event = (
        f"?e <{SCHEMA}startDate> ?d ; a ?t . "
        f"?t <http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{PG}Event>"
    )
    event_doc = next(
        g
        for g in docs
        if store.ask(f"ASK {{ GRAPH <{g}> {{ ?e <{SCHEMA}startDate> ?d }} {dated_event} }}")
    )
    project = _subject(store, project_doc, f"{PG}Project")
    amount = _subject(store, project_doc, f"{SCHEMA}MonetaryAmount")
    event = str(
        store.select(
            f"SELECT ?e WHERE {{ GRAPH <{event_doc}> {{ ?e <{SCHEMA}startDate> ?d }} {dated_event} }} "
            "ORDER BY ?e LIMIT 1"
        ).rows[0][0]
    )
    mention = _subject(store, event_doc, f"{PG}Mention")
    org = _subject(store, project_doc, "http://www.w3.org/ns/org#Organization")
    # the organisation's second country comes from a document that does not describe it
    other = next(
        g
        for g in docs
        if g != project_doc and not store.ask(f"ASK {{ GRAPH <{g}> {{ <{org}> ?p ?o }} }}")
    )
    writes = [
        (project_doc, f'<{project}> <http://purl.org/dc/terms/identifier> "no spaces allowed" .',
         project, "A project number is letters, digits and - / . _ only (e.g. SDDW-0079)."),
        (project_doc, f"<{project}> <{PG}promoter> <urn:nobody> .",
         project, "A project promoter must be an organisation."),
        (project_doc, f'<{amount}> <{SCHEMA}value> "-5"^^<{XSD}decimal> .',
         amount, "An amount has exactly one non-negative decimal value."),
        (event_doc, f'<{event}> <{SCHEMA}endDate> "1999-01-01"^^<{XSD}date> .',
         event, "An event ends before it starts."),
        (event_doc, f'<{mention}> <{PG}startOffset> "-1"^^<{XSD}integer> .',
         mention, "A mention has one start offset (a non-negative integer)."),
        (other, f"<{org}> <{PG}country> <{COUNTRY}ISL>, <{COUNTRY}MLT> .",
         org, "An organisation has at most one country, given as an EU authority country IRI."),
    ]  # fmt: skip
    for graph, triples, _node, _message in writes:
        store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ {triples} }} }}")
    return [(graph, node, message) for graph, _t, node, message in writes]


def test_every_kind_of_problem_is_found_whatever_the_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = questions_built()
    assert [f for f in validate(store) if f.severity == "violation"] == []
    broken = _breakages(store)
    whole = validate(store)
    found = {(f.node, f.message) for f in whole}
    for _graph, node, message in broken:
        assert (node, message) in found, (node, message)
    # one document at a time: the same findings, the organisation's countries included
    # (its documents are checked in different batches; it is checked once, with both)
    monkeypatch.setattr(validation, "_DOCUMENTS", 1)
    assert validate(store) == whole
    # only what a change touched: the changed documents' problems, with their sources
    changed = sorted({graph for graph, _n, _m in broken})
    assert validate(store, changed) == whole
    org_finding = next(f for f in whole if "at most one country" in f.message)
    assert len(org_finding.sources) >= 2  # every document that describes it
    # batches checked in two processes: the same findings, the same count of nodes
    monkeypatch.setattr(validation, "_DOCUMENTS", 3)
    alone, together = validation.check(store, jobs=1), validation.check(store, jobs=2)
    assert together.findings == whole and together.nodes == alone.nodes > 100
    assert together.documents == len(document_graphs(store))


def test_nodes_only_pointed_at_are_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    # with one document per batch, most organisations a document points at are described
    # by other documents: seen only through their type, they must not look nameless
    store = questions_built()
    monkeypatch.setattr(validation, "_DOCUMENTS", 1)
    assert [f for f in validate(store) if f.severity == "violation"] == []
    docs = document_graphs(store)
    assert [f for f in validate(store, docs[:1]) if f.severity == "violation"] == []


def test_the_shapes_name_the_predicates_they_read() -> None:
    reads = validation._shape_paths()
    assert "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" in reads
    assert f"{SCHEMA}endDate" in reads and f"{PG}mentionOf" in reads
    assert f"{PG}sentence" not in reads  # (a mention's sentence is no shape's concern)
    # a batch holds its nodes' own triples and their values' types: a shape that checked
    # the nodes a value points at (sh:node) would need their descriptions gathered too
    shapes = ontology.load("shapes")
    assert not list(shapes.subjects(SH.node, None))
