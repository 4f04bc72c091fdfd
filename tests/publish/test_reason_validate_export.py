"""Reasoning into its own graph, SHACL validation, exports that re-import, DCAT-AP records."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, VOID

from partnergraph import queries
from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.publish import Description, check, describe, serialise
from partnergraph.graph.reason import reason
from partnergraph.graph.store import Store, asserted_dataset, open_store
from partnergraph.graph.store.graphs import INFERRED as INFERRED_GRAPH
from partnergraph.graph.validate import validate

from ..conftest import EXAMPLES, FIXTURES

PG = "https://w3id.org/partnergraph/ns#"
KS = "https://w3id.org/partnergraph/id/org/no/ks"
LPS = "https://w3id.org/partnergraph/id/org/lv/lps"
LUBLIN = "https://w3id.org/partnergraph/id/org/pl/municipality-lublin"


def _store() -> Store:
    store = Store(None)
    build([str(EXAMPLES)], store)
    return store


def _inferred(store: Store) -> set[tuple[str | None, ...]]:
    q = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}"
    return {tuple(r) for r in store.select(q, inferred=True).rows}


def test_rules_give_the_consequences_analysts_expect() -> None:
    store = _store()
    report = reason(store)
    assert report.inferred > 50 and report.engine == "rules"
    got = _inferred(store)
    project = "https://w3id.org/partnergraph/id/project/sddw-0079"
    assert (project, PG + "partner", KS) in got  # a donor partner is a partner
    assert (project, PG + "involves", KS) in got
    assert (KS, PG + "involvedIn", project) in got
    assert (LPS, PG + "cooperatesWith", KS) in got or (LPS, PG + "cooperatesWith", KS) in _asserted(
        store
    )
    assert (KS, PG + "cooperatesWith", LUBLIN) in got and (LUBLIN, PG + "cooperatesWith", KS) in got
    assert not any(s == o and p == PG + "cooperatesWith" for s, p, o in got)


def _asserted(store: Store) -> set[tuple[str | None, ...]]:
    return {tuple(r) for r in store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows}


def test_rules_and_owlrl_agree() -> None:
    rules, full = _store(), _store()
    reason(rules, engine="rules")
    reason(full, engine="owlrl")
    assert _inferred(rules) == _inferred(full)


def test_asserted_data_untouched_and_inferences_only_when_asked() -> None:
    store = _store()
    before = serialise(store, "nt")
    q = queries.bound(queries.load("partners"), {"org": "KS"})
    asserted_rows = store.select(q).rows
    reason(store)
    assert serialise(store, "nt") == before
    assert store.select(q).rows == asserted_rows
    assert len(store.select(q, inferred=True).rows) > len(asserted_rows)
    assert len(serialise(store, "nt", inferred=True)) > len(before)
    build([str(EXAMPLES)], store)  # nothing changed: the consequences stand
    assert _inferred(store) != set()
    build([str(EXAMPLES), str(FIXTURES / "questions")], store)  # a change drops them
    assert _inferred(store) == set()


def test_seed_graph_conforms_to_the_shapes(seed_store: Store) -> None:
    assert [f for f in validate(seed_store) if f.severity == "violation"] == []


def test_a_violation_names_node_property_problem_and_source() -> None:
    store = _store()
    doc = next(g for g in store.graphs() if "/doc/" in g and not g.endswith("-ledger"))
    event = "https://w3id.org/partnergraph/id/event/study_visit/2021-11-24/no-bergen"
    store.update(
        f"INSERT DATA {{ GRAPH <{doc}> {{ <{event}> <https://schema.org/endDate> "
        '"2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date> . } }'
    )
    findings = validate(store)
    assert findings, "an event with two end dates, one before its start, must be reported"
    messages = {f.message for f in findings if f.node == event}
    assert "An event has at most one end date (xsd:date)." in messages
    assert "An event ends before it starts." in messages
    finding = next(f for f in findings if f.node == event)
    assert finding.label == "Studiebesøk til Bergen" and finding.severity == "violation"
    assert any(src.endswith("002_c84218a7ceba7421.txt") for src in finding.sources)


def test_validating_what_changed_finds_what_it_touches_and_only_that() -> None:
    store = _store()
    docs = [g for g in store.graphs() if "/doc/" in g and not g.endswith("-ledger")]
    event = "https://w3id.org/partnergraph/id/event/study_visit/2021-11-24/no-bergen"
    bad = next(d for d in docs if store.ask(f"ASK {{ GRAPH <{d}> {{ <{event}> ?p ?o }} }}"))
    other = next(d for d in docs if d != bad)
    store.update(
        f"INSERT DATA {{ GRAPH <{bad}> {{ <{event}> <https://schema.org/endDate> "
        '"2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date> . } }'
    )
    everything = {(f.node, f.message) for f in validate(store)}
    changed = {(f.node, f.message) for f in validate(store, [bad])}
    # the changed document's own problem is found as a full validation finds it…
    assert (event, "An event ends before it starts.") in changed
    assert changed <= everything
    # …and validating a document that does not describe the event does not look at it
    assert not store.ask(f"ASK {{ GRAPH <{other}> {{ <{event}> ?p ?o }} }}")
    assert all(f.node != event for f in validate(store, [other]))


def test_exports_reimport_isomorphic(tmp_path: Path) -> None:
    store = _store()
    trig = Dataset().parse(data=serialise(store, "trig"), format="trig")
    source = asserted_dataset(store)
    for graph in source.graphs():
        if graph.identifier == URIRef("urn:x-rdflib:default"):
            continue
        assert isomorphic(graph, trig.graph(graph.identifier)), graph.identifier
    union = Graph()
    for s, p, o, _g in source.quads((None, None, None, None)):
        union.add((s, p, o))
    for fmt, rdflib_format in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        data = serialise(store, fmt)  # type: ignore[arg-type]
        assert isomorphic(Graph().parse(data=data, format=rdflib_format), union), fmt
        ox_format = {
            "turtle": ox.RdfFormat.TURTLE,
            "nt": ox.RdfFormat.N_TRIPLES,
            "jsonld": ox.RdfFormat.JSON_LD,
        }
        assert len(set(ox.parse(data, format=ox_format[fmt]))) == len(union)


def test_turtle_has_tidy_prefixes() -> None:
    head = serialise(_store(), "turtle").decode("utf-8")[:800]
    for prefix in ("@prefix pg:", "@prefix skos:", "@prefix schema:", "@prefix country:"):
        assert prefix in head


def test_description_is_generated_from_the_graph(seed_store: Store) -> None:
    g = describe(
        seed_store,
        Description(publisher="Test office", download_base="https://data.example.org/c/"),
    )
    dataset = URIRef("https://w3id.org/partnergraph/id/dataset")
    assert len(list(g.objects(dataset, DCAT.distribution))) == 4
    period = g.value(dataset, DCTERMS.temporal)
    assert (str(g.value(period, DCAT.startDate)), str(g.value(period, DCAT.endDate))) == (
        "2021-11-24",
        "2021-11-26",
    )
    spatial = {str(o).rsplit("/", 1)[-1] for o in g.objects(dataset, DCTERMS.spatial)}
    assert {"LVA", "NOR", "POL"} <= spatial
    triples = int(g.value(dataset, VOID.triples))  # type: ignore[arg-type]
    assert triples == len(serialise(seed_store, "nt").decode().strip().splitlines())
    assert URIRef("https://data.example.org/c/graph.ttl") in set(g.objects(None, DCAT.downloadURL))
    assert describe(seed_store, Description()).serialize(format="nt") == describe(
        seed_store, Description()
    ).serialize(format="nt")


def test_description_conforms_to_the_official_dcat_ap_shapes(
    seed_store: Store, shared: Path
) -> None:
    shapes = shared / "data" / "dcat-ap-3.0.1"
    g = describe(seed_store, Description())
    conforms, text = check(g, shapes)
    assert conforms, text
    broken = Graph()
    for t in g:
        if t[1] not in (DCAT.accessURL, DCTERMS.description):
            broken.add(t)
    conforms, text = check(broken, shapes)
    assert not conforms and "accessURL" in text  # the check can fail


def test_cli_reason_validate_describe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "--reason", str(EXAMPLES)]) == 0
    assert "inferred" in capsys.readouterr().out
    assert main(["reason", "--store", store]) == 0
    assert main(["validate", "--store", store]) == 0
    assert "0 violation(s)" in capsys.readouterr().out
    assert (
        main(
            ["query", "--store", store, "partners", "-p", "org=KS", "--inferred", "--format", "csv"]
        )
        == 0
    )
    assert "partner," in capsys.readouterr().out  # the inferred role shows
    out = tmp_path / "catalog.ttl"
    assert (
        main(
            [
                "describe",
                "--store",
                store,
                "-o",
                str(out),
                "--publisher",
                "Office",
                "--keyword",
                "KS",
            ]
        )
        == 0
    )
    catalog = Graph().parse(out)
    assert (None, DCAT.keyword, None) in catalog and len(catalog) > 40


def test_cli_validate_exit_1_on_violations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_dir = str(tmp_path / "s")
    assert main(["build", "--store", store_dir, "-q", str(EXAMPLES)]) == 0
    store = open_store(store_dir)
    doc = next(g for g in store.graphs() if "/doc/" in g and not g.endswith("-ledger"))
    store.update(
        f"INSERT DATA {{ GRAPH <{doc}> {{ <https://w3id.org/partnergraph/id/project/sddw-0079> "
        f"<https://w3id.org/partnergraph/ns#cost> <urn:bad>, <urn:untyped> . "
        "<urn:bad> a <https://schema.org/MonetaryAmount> ; "
        f'<https://schema.org/currency> "euro" . }} }}'
    )
    store.close()
    assert main(["validate", "--store", store_dir]) == 1
    out = capsys.readouterr().out
    assert "VIOLATION" in out and "ISO 4217" in out and "source:" in out
    assert "A project's cost must be an amount" in out and "value: urn:untyped" in out
