"""The questions about given organisations by index look-ups equal their SPARQL, row for
row and in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnergraph import queries
from partnergraph.graph import answers, ask, how_answered, lookups
from partnergraph.graph.build import build
from partnergraph.graph.store import Store
from partnergraph.graph.summary import compute, read_rows

PARTNERS = queries.load("partners")
SOURCES = queries.load("cooperation_sources")
_PAIRS = """PREFIX pg: <https://w3id.org/partnergraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?a ?b (MIN(STR(?x)) AS ?a_name) (MIN(STR(?y)) AS ?b_name) WHERE {
  { VALUES ?r1 { pg:promoter pg:partner pg:donorPartner pg:programmeOperator pg:participant
                 pg:host pg:organiser pg:funder }
    VALUES ?r2 { pg:promoter pg:partner pg:donorPartner pg:programmeOperator pg:participant
                 pg:host pg:organiser pg:funder }
    ?via ?r1 ?a . ?via ?r2 ?b } UNION { ?a pg:cooperatesWith ?b }
  FILTER(?a != ?b) ?a skos:prefLabel ?x . ?b skos:prefLabel ?y
} GROUP BY ?a ?b ORDER BY ?a ?b"""
_BUSY = """PREFIX pg: <https://w3id.org/partnergraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?org (MIN(STR(?name)) AS ?label) (COUNT(DISTINCT ?via) AS ?n) WHERE {
  ?via ?role ?org . ?org a <http://www.w3.org/ns/org#Organization> ; skos:prefLabel ?name
} GROUP BY ?org ORDER BY DESC(?n) ?org"""


def _by_sparql(
    store: Store, org: str, query: queries.Query = PARTNERS, **also: str
) -> tuple[tuple[str | None, ...], ...]:
    result = store.select(queries.bound(query, _values(query, org, also)))
    return queries.tidy(query, result.variables, result.rows)


def _values(query: queries.Query, org: str, also: dict[str, str]) -> dict[str, str]:
    return {"org": org} if query is PARTNERS else {"org_a": org, **also}


def _same(store: Store, org: str, query: queries.Query = PARTNERS, **also: str) -> int:
    """The rows of each way, compared with the SPARQL's; how many. (``partners`` is read
    from the summary's partner rows, and looked up in the store as a store that keeps none
    answers it; ``cooperation_sources`` is looked up.)"""
    values = _values(query, org, also)
    page = ask(store, query, values)
    assert page.kept is (query is PARTNERS) and page.looked_up is (query is SOURCES)
    assert page.result.variables == store.select(queries.bound(query, values)).variables
    whole = _by_sparql(store, org, query, **also)
    assert page.result.rows == whole, values
    assert page.total == len(page.result.rows)
    if query is PARTNERS:
        assert tuple(lookups.partners(store.oxigraph, org)) == whole, values
    return page.total


def test_every_organisation_of_the_question_fixtures(question_store: Store) -> None:
    """By name and by IRI, each organisation's partners as the SPARQL gives them (roles in
    projects and events, stated cooperation, documents that say so)."""
    found = question_store.select(_BUSY).rows
    assert len(found) >= 20
    sizes = [_same(question_store, str(label)) for _iri, label, _n in found]
    sizes += [_same(question_store, str(iri)) for iri, _label, _n in found]
    assert sum(1 for n in sizes if n) >= 20 and max(sizes) >= 10
    assert _same(question_store, "no such organisation anywhere") == 0


def test_pages_and_the_reasoned_answer(question_store: Store) -> None:
    (_iri, label, _n), *_ = question_store.select(_BUSY).rows
    whole = _by_sparql(question_store, str(label))
    page = ask(question_store, PARTNERS, {"org": str(label)}, limit=3, offset=2)
    assert page.result.rows == whole[2:5] and page.total == len(whole)
    # with what reasoning adds, the SPARQL answers (the look-ups read the facts as stated)
    reasoned = ask(question_store, PARTNERS, {"org": str(label)}, inferred=True)
    assert reasoned.result.variables[-1] == "inferred"


def _pages_cut_by_the_index(store: Store, orgs: list[str]) -> int:
    """Pages of each organisation's partners (by IRI, so one organisation): the rows of the
    whole SPARQL answer at that place and its size, with the whole answer never computed
    (read from the summary's partner rows); how many rows were compared."""
    compared = 0
    for org in orgs:
        whole = _by_sparql(store, org)
        n = len(whole)
        for limit, offset in {(1, 0), (3, 2), (100, 0), (5, max(0, n - 3)), (4, n), (2, n // 2)}:
            page = ask(store, PARTNERS, {"org": org}, limit=limit, offset=offset)
            assert page.result.rows == whole[offset : offset + limit], (org, limit, offset)
            assert page.total == n and page.offset == offset and page.kept
            compared += len(page.result.rows)
    return compared


def _whole_answer_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    variables, params, _whole = answers._LOOKUPS["partners"]

    def refused(*_args: object) -> list[tuple[str | None, ...]]:
        raise AssertionError("a page of partners computed the whole answer")

    monkeypatch.setitem(answers._LOOKUPS, "partners", (variables, params, refused))


def test_a_page_of_partners_reads_only_the_partners_it_shows(
    question_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every organisation of the question fixtures, pages at its start, middle and end."""
    orgs = [str(iri) for iri, _label, _n in question_store.select(_BUSY).rows]
    _whole_answer_refused(monkeypatch)
    assert _pages_cut_by_the_index(question_store, orgs) >= 100


def test_a_page_of_partners_after_builds_that_change_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is kept right by builds that add, drop and rename partners."""
    from .test_summary import _documents

    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    project = docs / "earlier-project.txt"
    text = project.read_text(encoding="utf-8")
    partner = "Partner: Norwegian Association of Local and Regional Authorities (Norway)\n"
    assert partner in text
    _whole_answer_refused(monkeypatch)
    for changed in (
        text.replace(partner, partner + "Partner: Bergen kommune (Norway)\n"),
        # a partner of a country no document named before: the country's code comes in
        text.replace(partner, partner + "Partner: Orkustofnun (Iceland)\n"),
        text.replace(partner, "").replace("Fagforbundet", "Trondheim Youth Council"),
        text,
    ):
        project.write_text(changed, encoding="utf-8")
        build([str(docs)], store)
        orgs = [str(iri) for iri, _label, _n in store.select(_BUSY).rows]
        assert _pages_cut_by_the_index(store, orgs) >= 50
        kept = read_rows(store, "partner_rows").rows
        assert kept == compute(store, "partner_rows").rows and kept


def test_the_corpus_with_the_portal_data(shared: Path) -> None:
    """The forty busiest organisations of the corpus and the portal's partners, and every
    tenth of the rest: some 300, with 450 rows."""
    store = Store(None)
    data = shared / "data" / "eeagrants-api-2009-2014" / "partners.json"
    build([str(shared / "corpus" / "docs"), str(data)], store)
    found = store.select(_BUSY).rows
    chosen = [*found[:40], *found[40::10]]
    sizes = [_same(store, str(label)) for _iri, label, _n in chosen]
    assert len(chosen) >= 250 and max(sizes) >= 30 and sum(sizes) >= 400
    # and pages of them read from the partner rows
    assert _pages_cut_by_the_index(store, [str(iri) for iri, _label, _n in chosen[::3]]) >= 300


def test_the_sources_of_every_link_of_the_question_fixtures(question_store: Store) -> None:
    """Each pair that shares a project or event or is stated to cooperate, both ways round,
    by names and by IRIs: the documents and sentences that say so, as the SPARQL says."""
    pairs = question_store.select(_PAIRS).rows
    assert len(pairs) >= 30
    sizes = [
        _same(question_store, str(name), SOURCES, org_b=str(other)) for _a, _b, name, other in pairs
    ]
    sizes += [_same(question_store, str(a), SOURCES, org_b=str(b)) for a, b, _n, _o in pairs]
    assert min(sizes) >= 1 and max(sizes) >= 4
    assert _same(question_store, "KS", SOURCES, org_b="no such organisation") == 0


def test_the_sources_of_links_in_the_corpus(shared: Path) -> None:
    store = Store(None)
    build([str(shared / "corpus" / "docs")], store)
    pairs = store.select(_PAIRS).rows
    chosen = pairs[::7]
    sizes = [_same(store, str(name), SOURCES, org_b=str(other)) for _a, _b, name, other in chosen]
    assert len(chosen) >= 80 and min(sizes) >= 1 and sum(sizes) >= 150


@pytest.mark.parametrize("org", ["KS", "ks", "  Fagforbundet "])
def test_names_in_any_case_and_spacing(seed_store: Store, org: str) -> None:
    assert _same(seed_store, org) > 0


def test_how_each_question_is_answered(question_store: Store) -> None:
    assert how_answered(question_store, PARTNERS, {"org": "KS"}) == "summary"
    assert how_answered(question_store, SOURCES, {"org_a": "KS", "org_b": "x"}) == "look-ups"
    assert how_answered(question_store, queries.load("organisations")) == "summary"
    changed = queries.parse("partners", PARTNERS.sparql.replace("ORDER BY", "ORDER BY ?via"))
    assert how_answered(question_store, changed, {"org": "KS"}) == "SPARQL"
    assert ask(question_store, changed, {"org": "KS"}).looked_up is False
    assert ask(question_store, PARTNERS, {"org": "KS"}).kept is True
