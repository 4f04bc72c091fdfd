"""The grants portal's exports: API JSON and search tables, into the same ontology."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partnergraph import queries
from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.extract import extract
from partnergraph.graph.extract.portal import nuts_country
from partnergraph.graph.sources import Document, read_document
from partnergraph.graph.store import Store

from ..conftest import EXAMPLES, FIXTURES

PORTAL = FIXTURES / "portal"


def _doc(path: Path) -> Document:
    doc = read_document(path, root=path.parent)
    assert isinstance(doc, Document), doc
    return doc


def test_partners_json_programmes_projects_and_roles() -> None:
    ex = extract(_doc(PORTAL / "partners-small.json"))
    programmes = {p.number: p for p in ex.projects if p.entity_type == "programme"}
    assert set(programmes) == {"LV05", "LV07"}
    assert programmes["LV07"].donor_states == ("NO",) and programmes["LV07"].countries == ("LV",)
    projects = {p.number: p for p in ex.projects if p.entity_type == "project"}
    assert dict(projects["LV07-0001"].flags) == {
        "is_dpp": True, "has_ended": True, "continued_coop": True, "improved_knowledge": False,
    }  # fmt: skip
    assert ("partner", "NO011") in projects["LV07-0001"].regions
    roles = {(r.role, r.org.name, r.target) for r in ex.roles}
    assert ("programme_operator", "State Regional Development Agency", "programme:LV07") in roles
    assert (
        "donor_partner",
        "Norwegian Association of Local and Regional Authorities",
        "programme:LV07",
    ) in roles
    # only one promoter in LV009: the project there is its; two in LV006: no guess
    assert ("promoter", "Liepaja City Council", "LV07-0003") in roles
    assert ("programme_participant", "Riga City Council", "programme:LV07") in roles
    assert not any(
        r.role == "promoter" and r.target in ("LV07-0001", "LV07-0002") for r in ex.roles
    )
    assert any("inferred from NUTS" in n for n in ex.notes)
    dpp = next(
        r.org for r in ex.roles if r.role == "donor_partner" and r.target == "programme:LV07"
    )
    assert dpp.acronym == "KS" and dpp.country == "NO"


def test_search_export_csv() -> None:
    ex = extract(_doc(PORTAL / "search-export.csv"))
    assert [p.number for p in ex.projects] == ["PL-LOCALDEV-0007", "LT-SOCIAL-0002"]
    roles = {(r.role, r.org.name, r.org.country) for r in ex.roles}
    assert ("promoter", "Gmina Miasta Rydułtowy", "PL") in roles
    assert ("donor_partner", "Steinkjer kommune", "NO") in roles
    assert ("partner", "Central Mining Institute", "PL") in roles
    assert ex.projects[0].status == "In implementation"


def test_search_export_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Project number", "Project title", "Promoter", "Country", "Final project cost"])
    sheet.append(
        ["IS-EDU-0001", "Geothermal school", "Háskólinn í Reykjavík", "Iceland", "€ 50,000"]
    )
    path = tmp_path / "export.xlsx"
    book.save(path)
    ex = extract(_doc(path))
    assert [(p.number, p.name) for p in ex.projects] == [("IS-EDU-0001", "Geothermal school")]
    assert ex.roles[0].org.country == "IS" and ex.roles[0].org.type == "university"
    assert ex.projects[0].costs[0].kind == "final"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", '[{"programme": "X",', "not valid JSON"),
        ("object.json", '{"a": 1}', "expected a JSON list"),
        ("other.json", '[{"a": 1}]', "no 'programmes'"),
        ("table.csv", "alpha,beta\n1,2\n", "no project number or project name column"),
        ("fake.xlsx", "not a zip", "not an xlsx workbook"),
    ],
)
def test_bad_data_files_are_named_and_skipped(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    (tmp_path / name).write_text(content)
    store = Store(None)
    report = build([str(tmp_path / name), str(EXAMPLES)], store)
    assert [p.path for p in report.problems] == [str(tmp_path / name)]
    assert message in report.problems[0].problem
    assert len(report.documents) == 2


def test_nuts_country() -> None:
    assert [nuts_country(c) for c in ("NO011", "EL30", "UK", "", "12")] == [
        "NO",
        "GR",
        "GB",
        None,
        None,
    ]


def test_pages_and_portal_organisations_meet(tmp_path: Path) -> None:
    store = Store(None)
    build([str(EXAMPLES), str(PORTAL / "partners-small.json")], store)
    rows = store.select(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT DISTINCT ?org ?id WHERE { ?org skos:prefLabel "Latvian Association of Local and Regional Governments"@en ;
            dcterms:identifier ?id }"""
    ).rows
    assert len({r[0] for r in rows}) == 1 and ("eeagrants-portal:201",) == tuple(r[1] for r in rows)
    partners = store.select(queries.bound(queries.load("partners"), {"org": "KS"})).dicts()
    vias = {r["via_label"] for r in partners}
    assert "SDDW-0079" in vias and "LV07" in vias  # a page project and a portal programme


@pytest.mark.slow
def test_real_portal_data(shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s")
    data = shared / "data" / "eeagrants-api-2009-2014"
    assert main(["build", "--store", store, "-q", str(data)]) == 0
    assert main(["stats", "--store", store, "--format", "json"]) == 0
    [stats] = json.loads(capsys.readouterr().out)
    assert int(stats["organisations"]) > 2400 and int(stats["projects"]) > 2400
    page = tmp_path / "portal.html"
    assert main(["draw", "--store", store, "-o", str(page)]) == 0
    assert page.stat().st_size > 500_000
