"""A new user's first questions: tables that show names, your own ASK/CONSTRUCT/DESCRIBE,
organisations told apart by country, an unknown name said so."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
import rdflib

from partnergraph.graph.cli import main
from partnergraph.graph.cli import options as cli_options
from partnergraph.graph.store import QueryResult

from ..conftest import EXAMPLES, FIXTURES


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    where = str(tmp_path_factory.mktemp("first-hour") / "s")
    assert main(["build", "--store", where, "-q", str(EXAMPLES)]) == 0
    return where


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two programme operators named alike, one Lithuanian, one Polish (as in the portal)."""
    folder = tmp_path_factory.mktemp("namesakes")
    records = json.loads((FIXTURES / "portal" / "partners-small.json").read_text(encoding="utf-8"))
    for n, (record, nuts) in enumerate(zip(records, ("LT00A", "PL911"), strict=True)):
        record["PO"] = {f"90{n}": {"name": "Ministry of Environment", "nuts": nuts}}
    (folder / "p.json").write_text(json.dumps(records), encoding="utf-8")
    where = str(folder / "s")
    assert main(["build", "--store", where, "-q", "--no-validate", str(folder / "p.json")]) == 0
    return where


def test_the_table_names_what_iris_stand_for(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "--store", store, "cooperation_pairs"]) == 0
    table = capsys.readouterr().out
    header = table.splitlines()[1]
    assert "a" in header.split() and "b" in header.split()  # the organisations' columns stay
    assert "Norwegian Association of Local" in table and "https://" not in table
    assert main(["query", "--store", store, "cooperation_pairs", "--format", "csv"]) == 0
    assert "https://w3id.org/partnergraph/id/org/" in capsys.readouterr().out  # CSV keeps IRIs


def test_the_table_follows_the_terminal_width(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(cli_options.sys, "stdout", screen)
    monkeypatch.setattr(
        cli_options.shutil,
        "get_terminal_size",
        lambda fallback=(0, 0): os.terminal_size((80, 24)),
    )
    assert main(["query", "--store", store, "partners", "-p", "org=KS"]) == 0
    lines = screen.getvalue().splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    wide = cli_options.render(QueryResult(("x", "y"), (("a" * 300, "b"),)), "table", width=200)
    assert max(len(line) for line in wide.splitlines()) > 80


def test_ask_construct_describe_and_inline_sparql(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "query",
                "--store",
                store,
                "--sparql",
                'ASK { ?o <http://www.w3.org/2004/02/skos/core#altLabel> "KS"@no }',
                "--format",
                "csv",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines() == ["answer", "true"]
    query = tmp_path / "ks.rq"
    query.write_text(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        'CONSTRUCT { ?o skos:prefLabel ?n } WHERE { ?o skos:altLabel "KS"@no ; skos:prefLabel ?n }\n'
    )
    assert main(["query", "--store", store, str(query)]) == 0
    graph = rdflib.Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert any("Norwegian Association" in str(o) for o in graph.objects())
    out = tmp_path / "ks.jsonld"
    assert (
        main(
            [
                "query",
                "--store",
                store,
                "--sparql",
                'DESCRIBE ?o WHERE { ?o <http://www.w3.org/2004/02/skos/core#altLabel> "KS"@no }',
                "--format",
                "json",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    described = rdflib.Graph().parse(out, format="json-ld")
    assert len(described) > 3
    assert (
        main(
            [
                "query",
                "--store",
                store,
                "--sparql",
                "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
            ]
        )
        == 2
    )
    assert "SERVICE is refused" in capsys.readouterr().err


def test_an_unknown_organisation_is_said_so(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", store, "partners", "-p", "org=Nobody Whatsoever"]) == 2
    assert "no organisation is called 'Nobody Whatsoever'" in capsys.readouterr().err


def test_namesakes_are_told_apart_by_country(
    namesakes: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["query", "--store", namesakes, "partners", "-p", "org=Ministry of Environment"]) == 2
    )
    err = capsys.readouterr().err
    assert "names 2 organisations" in err and "(LT)" in err and "(PL)" in err
    assert "org='Ministry of Environment@CC'" in err
    answers = {}
    for cc in ("LT", "PL"):
        args = ["query", "--store", namesakes, "partners", "--format", "json"]
        assert main([*args, "-p", f"org=Ministry of Environment@{cc.lower()}"]) == 0
        answers[cc] = json.loads(capsys.readouterr().out)
    assert answers["LT"] and answers["LT"] != answers["PL"]  # each its own programme's partners
    iri = next(line.split()[-1] for line in err.splitlines() if "(LT)" in line)
    assert (
        main(["query", "--store", namesakes, "partners", "-p", f"org={iri}", "--format", "json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)


def test_inferred_rows_are_new_and_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    assert main(["reason", "--store", store]) == 0
    capsys.readouterr()
    args = ["query", "--store", store, "partners", "-p", "org=KS", "--format", "json"]
    assert main(args) == 0
    asserted = json.loads(capsys.readouterr().out)
    assert main([*args, "--inferred"]) == 0
    combined = json.loads(capsys.readouterr().out)
    stated = [r for r in combined if not r["inferred"]]
    inferred = [r for r in combined if r["inferred"] == "inferred"]
    assert [{k: v for k, v in r.items() if k != "inferred"} for r in stated] == asserted
    assert inferred, "the property chain gives KS partners no document states"
    for row in inferred:
        assert row["source"] is None and row["via_label"] == "inferred cooperation"
    named = [(r["partner"], r["via"]) for r in combined]
    assert len(named) == len(
        set(named)
    )  # no fact twice (a role as its super-role, a visit as Event)


def test_the_shortest_chain_of_partners(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s")
    sources = [EXAMPLES, FIXTURES / "pages", FIXTURES / "questions"]
    assert main(["build", "--store", store, "-q", "--no-validate", *map(str, sources)]) == 0
    capsys.readouterr()
    lithuanian = "Lithuanian Association of Local Authorities"
    assert main(["path", "--store", store, lithuanian, "Lublin", "--format", "json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert [s["organisation"] for s in steps] == [
        lithuanian, "Norwegian Association of Local and Regional Authorities", "Lublin",
    ]  # fmt: skip
    assert "Seminar in Riga" in steps[0]["linked_to_the_next_by"]
    assert "Studiebesøk til Bergen" in steps[1]["linked_to_the_next_by"]
    assert main(["path", "--store", store, lithuanian, "Tartu Art Museum"]) == 1
    assert "no chain of partners links" in capsys.readouterr().err
    assert main(["path", "--store", store, "Nobody Whatsoever", "Lublin"]) == 2


def test_describe_refuses_a_bad_publisher_iri(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "d.ttl")
    assert main(["describe", "--store", store, "-o", out, "--publisher-iri", "not an iri"]) == 2
    assert "--publisher-iri 'not an iri': give an http(s) IRI" in capsys.readouterr().err
    assert not Path(out).exists()


def test_the_portal_data_is_all_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s")
    assert (
        main(
            [
                "build",
                "--store",
                store,
                "-q",
                "--no-validate",
                str(FIXTURES / "portal" / "partners-small.json"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["query", "--store", store, "projects", "--format", "json"]) == 0
    projects = {r["number"]: r for r in json.loads(capsys.readouterr().out)}
    first = projects["LV07-0001"]
    assert first["programme"] == "LV07"
    assert "donor project partner" in first["flags"] and "cooperation continued" in first["flags"]
    assert "partner NO011" in first["regions"] and "promoter LV006" in first["regions"]
    assert main(["query", "--store", store, "programmes", "--format", "json"]) == 0
    programmes = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert float(programmes["LV07"]["allocation"]) == 5_000_000
    assert main(["query", "--store", store, "donor_links", "--format", "json"]) == 0
    links = json.loads(capsys.readouterr().out)
    records = json.loads((FIXTURES / "portal" / "partners-small.json").read_text(encoding="utf-8"))
    flagged = {code for r in records for code, f in r["projects"].items() if f.get("is_dpp")}
    assert sum(int(r["projects"]) for r in links) >= len(flagged)  # every flagged project counted
    assert all("without_known_promoter" in r for r in links)


def _run_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run the CLI with standard error on a pseudo-terminal; what the terminal got."""
    import os
    import subprocess
    import sys

    master, slave = os.openpty()
    exe = str(Path(sys.executable).parent / "partnergraph")
    proc = subprocess.Popen(
        [exe, *args], stdout=subprocess.DEVNULL, stderr=slave, env={**os.environ, "COLUMNS": "120"}
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return proc.wait(timeout=300), seen.decode("utf-8", "replace")


def test_long_work_shows_what_it_does_on_a_terminal(tmp_path: Path) -> None:
    code, shown = _run_on_a_terminal(["build", "--store", str(tmp_path / "s"), str(EXAMPLES)])
    assert code == 0
    assert "reading documents" in shown and "with the SHACL shapes" in shown
    code, shown = _run_on_a_terminal(["build", "--store", str(tmp_path / "s"), "-q", str(EXAMPLES)])
    assert code == 0 and "validating" not in shown  # -q: quiet


def test_a_busy_port_is_said_so(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "--store", store, "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "Traceback" not in err


def test_pages_of_an_answer(
    store: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["query", "--store", store, "organisations", "--format", "csv"]) == 0
    everything = capsys.readouterr().out.splitlines()
    total = len(everything) - 1
    assert total > 3
    assert (
        main(
            [
                "query",
                "--store",
                store,
                "organisations",
                "--format",
                "csv",
                "--offset",
                "1",
                "--limit",
                "2",
            ]
        )
        == 0
    )
    out = capsys.readouterr()
    assert out.out.splitlines() == [everything[0], *everything[2:4]]
    assert f"rows 2–3 of {total}" in out.err

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("partnergraph.graph.cli.questions.TABLE_PAGE", 2)
    screen = Terminal()
    monkeypatch.setattr(cli_options.sys, "stdout", screen)
    assert main(["query", "--store", store, "organisations"]) == 0
    assert "2 rows" in screen.getvalue()
    assert f"rows 1–2 of {total} — --all for all" in capsys.readouterr().err
    screen.seek(0)
    screen.truncate()
    assert main(["query", "--store", store, "organisations", "--all"]) == 0
    assert f"{total} rows" in screen.getvalue()
