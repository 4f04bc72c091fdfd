"""Each canned question: loads, binds its parameters safely, and answers as its golden CSV."""

from __future__ import annotations

import csv
import io

import pytest

from partnergraph import queries
from partnergraph.graph.store import QueryResult, Store

from ..conftest import GOLDEN, golden_text

PARAMS = {
    "partners": {"org": "KS"},
    "cooperation_sources": {"org_a": "Røde Kors", "org_b": "fagforbundet"},
}


def _csv(result: QueryResult) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.variables)
    for row in sorted(result.rows, key=lambda r: tuple(v or "" for v in r)):
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def test_every_question_has_a_header() -> None:
    assert len(queries.names()) >= 5
    for name in queries.names():
        q = queries.load(name)
        assert q.title and q.title != name, name
        assert q.answers, name


#: Questions whose answers need more than the two origin documents (see question_store).
ON_FIXTURES = {
    "conflicting_values", "multi_country_events", "news_only", "partner_countries",
    "programmes", "repeat_partners",
}  # fmt: skip


def test_at_least_fourteen_questions() -> None:
    assert len(queries.names()) >= 14


@pytest.mark.parametrize("name", queries.names())
def test_question_answers_match_golden(
    name: str, request: pytest.FixtureRequest, update_golden: bool
) -> None:
    q = queries.load(name)
    store: Store = request.getfixturevalue(
        "question_store" if name in ON_FIXTURES else "seed_store"
    )
    result = store.select(queries.bound(q, PARAMS.get(name, {})))
    result = QueryResult(result.variables, queries.tidy(q, result.variables, result.rows))
    assert result.rows, f"{name} answers nothing on the examples"
    golden_text(GOLDEN / "queries" / f"{name}.csv", _csv(result), update_golden)


def test_partners_of_ks_come_from_both_documents(seed_store: Store) -> None:
    rows = seed_store.select(queries.bound(queries.load("partners"), {"org": "ks"})).dicts()
    sources = {r["source"] for r in rows}
    assert sources == {
        "examples/seeds/000_f080a065eb91adb1.txt",
        "examples/seeds/002_c84218a7ceba7421.txt",
    }
    partners = {r["partner_name"] for r in rows}
    assert "Latvian Association of Local and Regional Governments" in partners
    assert "Lublin" in partners


def test_any_alias_finds_the_same_partners(seed_store: Store) -> None:
    def partners(name: str) -> set[str | None]:
        q = queries.bound(queries.load("partners"), {"org": name})
        return {r["partner_name"] for r in seed_store.select(q).dicts()}

    by_acronym = partners("KS")
    assert by_acronym
    assert partners("Norwegian Association of Local and Regional Authorities") == by_acronym
    assert partners("Kommunesektorens organisasjon") == by_acronym


@pytest.mark.parametrize(
    "hostile",
    [
        'KS" ) } } DROP ALL #',
        "KS' } UNION { ?s ?p ?o } #",
        '"""',
        "<http://x>",
        "?o",
        "\\",
        "KS\n}",
    ],
)
def test_parameters_are_data_not_query_text(hostile: str, seed_store: Store) -> None:
    size = len(seed_store)
    q = queries.bound(queries.load("partners"), {"org": hostile})
    assert seed_store.select(q).rows == ()
    assert len(seed_store) == size


def test_parameter_errors_name_the_problem() -> None:
    q = queries.load("partners")
    with pytest.raises(queries.ParamError, match="'org' is required"):
        queries.bound(q, {})
    with pytest.raises(queries.ParamError, match="unknown parameter nope"):
        queries.bound(q, {"org": "KS", "nope": "1"})
    with pytest.raises(KeyError, match="known: "):
        queries.load("no-such-question")


def test_typed_parameters() -> None:
    q = queries.parse(
        "t", "# param: n integer required — n\n# param: d date optional — d\nSELECT * WHERE { }"
    )
    assert '"3"^^<http://www.w3.org/2001/XMLSchema#integer>' in queries.bound(q, {"n": "3"})
    with pytest.raises(queries.ParamError, match="integer"):
        queries.bound(q, {"n": "3; DROP"})
    with pytest.raises(queries.ParamError, match="date"):
        queries.bound(q, {"n": "1", "d": "yesterday"})


def test_a_stated_cooperation_quotes_only_sentences_naming_both() -> None:
    pg, doc = "https://w3id.org/partnergraph/ns#", "https://w3id.org/partnergraph/id/doc/d1"
    lines = [
        f'<urn:a> <{pg}nameKey> "alpha" .',
        f'<urn:b> <{pg}nameKey> "beta" .',
        f"<urn:a> <{pg}cooperatesWith> <urn:b> .",
        f'<{doc}> <{pg}sourcePath> "d1.txt" .',
        f"<{doc}#m1> <{pg}mentionOf> <urn:a> .",
        f'<{doc}#m1> <{pg}sentence> "Alpha met the mayor." .',
        f"<{doc}#m2> <{pg}mentionOf> <urn:c> .",
        f'<{doc}#m2> <{pg}sentence> "Gamma opened a school." .',
    ]
    store = Store(None)
    store.replace_graph(doc, lines)
    sparql = queries.bound(queries.load("cooperation_sources"), {"org_a": "Alpha", "org_b": "Beta"})
    result = store.select(sparql)
    rows = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    assert [(r["via_label"], r["source"], r["sentence"]) for r in rows] == [
        ("stated cooperation", "d1.txt", None)  # no sentence names both
    ]
    store.replace_graph(doc, [*lines, f"<{doc}#m3> <{pg}mentionOf> <urn:a> .",
                              f'<{doc}#m3> <{pg}sentence> "Alpha and Beta agreed." .',
                              f"<{doc}#m4> <{pg}mentionOf> <urn:b> .",
                              f'<{doc}#m4> <{pg}sentence> "Alpha and Beta agreed." .'])  # fmt: skip
    result = store.select(sparql)
    assert [row[result.variables.index("sentence")] for row in result.rows] == [
        "Alpha and Beta agreed."
    ]
