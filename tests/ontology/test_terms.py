"""The ontology files parse, and every term Python uses is declared in them."""

from __future__ import annotations

import pytest
from rdflib import RDF, URIRef
from rdflib.namespace import OWL, SKOS

from partnergraph import ontology
from partnergraph.ontology import PG


def test_every_namespace_term_is_declared_in_the_turtle() -> None:
    graph = ontology.load("partnergraph")
    declared = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    terms = [getattr(PG, name) for name in PG.__annotations__]
    missing = [t for t in terms if t not in declared]
    assert not missing, f"terms used in Python but not declared: {missing}"
    assert len(terms) > 40


def test_turtle_declares_no_term_python_cannot_reach() -> None:
    graph = ontology.load("partnergraph")
    ours = {
        s for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(ontology.NS)
    }  # fmt: skip
    reachable = {getattr(PG, name) for name in PG.__annotations__}
    assert ours <= reachable, sorted(ours - reachable)


def test_closed_namespace_rejects_typos() -> None:
    with pytest.raises(AttributeError):
        _ = PG.promotor  # type: ignore[attr-defined]


def test_roles_are_a_hierarchy_under_involves_with_an_inverse() -> None:
    graph = ontology.load("partnergraph")
    from rdflib.namespace import RDFS

    for role in (
        PG.promoter,
        PG.partner,
        PG.programmeOperator,
        PG.participant,
        PG.host,
        PG.organiser,
        PG.funder,
    ):
        assert (role, RDFS.subPropertyOf, PG.involves) in graph
    assert (PG.donorPartner, RDFS.subPropertyOf, PG.partner) in graph
    assert (PG.involves, OWL.inverseOf, PG.involvedIn) in graph
    assert (PG.cooperatesWith, RDF.type, OWL.SymmetricProperty) in graph
    assert (
        PG.continues,
        RDFS.subPropertyOf,
        URIRef("http://www.w3.org/ns/prov#wasInfluencedBy"),
    ) in graph


def test_controlled_values_have_english_labels() -> None:
    graph = ontology.load("partnergraph")
    for concept in (PG.Completed, PG.InImplementation, PG.FinalCost, PG.Union, PG.MunicipalityType):
        labels = list(graph.objects(concept, SKOS.prefLabel))
        assert labels and all(label.language == "en" for label in labels)  # type: ignore[union-attr]


def test_loader_lists_files_and_names_unknown_ones() -> None:
    assert ontology.names() == ["partnergraph", "shapes"]
    with pytest.raises(KeyError, match="known: partnergraph, shapes"):
        ontology.load("nope")


def test_shapes_parse_and_target_our_classes() -> None:
    shapes = ontology.load("shapes")
    sh = "http://www.w3.org/ns/shacl#"
    targets = set(shapes.objects(None, URIRef(sh + "targetClass")))
    assert PG.Project in targets and PG.Mention in targets
