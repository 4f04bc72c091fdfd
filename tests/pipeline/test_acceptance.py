"""Issue 2's acceptance, end to end through the CLI: the exported Turtle, read by another parser."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from partnergraph.graph.cli import main

from ..conftest import EXAMPLES

PREFIXES = """PREFIX pg: <https://w3id.org/partnergraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX country: <http://publications.europa.eu/resource/authority/country/>
"""


@pytest.fixture(scope="module")
def turtle_store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    tmp = tmp_path_factory.mktemp("acceptance")
    store = str(tmp / "store")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    ttl = tmp / "graph.ttl"
    assert main(["export", "--store", store, "-o", str(ttl)]) == 0
    parsed = ox.Store()
    parsed.load(ttl.read_bytes(), format=ox.RdfFormat.TURTLE)
    return parsed


def ask(store: ox.Store, body: str) -> bool:
    return bool(store.query(PREFIXES + "ASK { " + body + " }"))


def test_project_sddw_0079(turtle_store: ox.Store) -> None:
    assert ask(
        turtle_store,
        """
        ?p dcterms:identifier "SDDW-0079" ; pg:status pg:Completed ;
           pg:promoter ?lps ; pg:donorPartner ?ks ; pg:cost ?c ; pg:continues ?earlier .
        ?lps skos:prefLabel "Latvian Association of Local and Regional Governments"@en ; pg:country country:LVA .
        ?ks skos:altLabel "KS"@no ; pg:country country:NOR .
        ?c schema:value 79445.0 ; schema:currency "EUR" ; pg:costKind pg:FinalCost .
        ?earlier dcterms:identifier "2019/101984" .""",
    )


def test_study_visit_to_norway_and_regional_seminars(turtle_store: ox.Store) -> None:
    assert ask(
        turtle_store,
        """
        ?visit a pg:StudyVisit ; pg:partOfProject ?p ; schema:location country:NOR .
        ?seminars a pg:Seminar ; pg:partOfProject ?p ; schema:location country:LVA .
        ?p dcterms:identifier "SDDW-0079" .""",
    )


def test_lublin_study_visit_to_bergen(turtle_store: ox.Store) -> None:
    assert ask(
        turtle_store,
        """
        ?v a pg:StudyVisit ; schema:startDate "2021-11-24"^^xsd:date ; schema:endDate "2021-11-26"^^xsd:date ;
           schema:location ?bergen ; pg:participant ?lublin ; pg:host ?ks, ?fagforbundet, ?redcross .
        ?bergen skos:prefLabel "Bergen" ; pg:country country:NOR .
        ?lublin a pg:Municipality ; pg:country country:POL .
        ?ks skos:altLabel "KS"@no .
        ?fagforbundet skos:altLabel "Fagforbundet"@no .
        ?redcross skos:altLabel "Røde Kors"@no .""",
    )


def test_ks_is_one_node_across_both_documents(turtle_store: ox.Store) -> None:
    rows = list(
        turtle_store.query(
            PREFIXES
            + """
        SELECT DISTINCT ?ks WHERE { ?ks skos:altLabel "KS"@no }"""
        )
    )
    assert len(rows) == 1
    assert ask(
        turtle_store,
        f"""
        ?p pg:donorPartner {rows[0]["ks"]} . ?v a pg:StudyVisit ; pg:host {rows[0]["ks"]} .""",
    )


def test_turtle_is_what_make_demo_writes(tmp_path: Path) -> None:
    """The demo's files exist after make demo; here the same commands run in a temp folder."""
    store = str(tmp_path / "store")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    assert main(["draw", "--store", store, "-o", str(tmp_path / "network.html")]) == 0
    assert main(["export", "--store", store, "-o", str(tmp_path / "graph.ttl")]) == 0
    assert (tmp_path / "network.html").stat().st_size > 10000
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")
