"""Every command through main(argv): outputs, exit codes, messages that name the problem."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from partnergraph.graph.cli import main

from ..conftest import EXAMPLES

COMMANDS = ("build", "query", "draw", "export", "stats")


@pytest.fixture()
def store(tmp_path: Path) -> str:
    path = str(tmp_path / "store")
    assert main(["--store", path, "build", "-q", str(EXAMPLES)]) == 0
    return path


def test_build_reports_what_it_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--store", str(tmp_path / "s"), str(EXAMPLES)]) == 0
    out = capsys.readouterr().out
    assert "built 2 document(s)" in out
    # and says what it validated: the nodes of the documents it wrote
    checked = re.search(r"validated (\d+) node\(s\) of 2 document\(s\) .*: 0 violation", out)
    assert checked and int(checked[1]) > 10, out
    assert main(["build", "--store", str(tmp_path / "s"), str(EXAMPLES)]) == 0
    assert "validated" not in capsys.readouterr().out  # nothing written, nothing to check


def test_build_timings_name_each_stage_it_ran(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "--reason", "--timings", str(EXAMPLES)]) == 0
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if line.startswith("timings"))
    stages = re.findall(r"(\w+) (\d+\.\d) s", line)
    assert [stage for stage, _ in stages] == [
        "reading", "resolving", "writing", "summarising", "flushing", "reasoning", "validating"
    ]  # fmt: skip
    # the same files again: read from their checksums, nothing written or checked
    assert main(["build", "--store", store, "-q", "--timings", str(EXAMPLES)]) == 0
    line = next(line for line in capsys.readouterr().err.splitlines() if "timings" in line)
    assert [stage for stage, _ in re.findall(r"(\w+) (\d+\.\d) s", line)] == [
        "reading", "resolving"
    ]  # fmt: skip
    # without the option, no such line
    assert main(["build", "--store", store, str(EXAMPLES)]) == 0
    assert "timings" not in capsys.readouterr().err


def test_bad_path_is_named_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nowhere")
    assert main(["build", "--store", str(tmp_path / "s"), missing]) == 2
    err = capsys.readouterr().err
    assert missing in err and "no such file" in err and "store is unchanged" in err


def test_unreadable_file_is_skipped_the_rest_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text((EXAMPLES / "seeds" / "000_f080a065eb91adb1.txt").read_text())
    (docs / "bad.txt").write_bytes(b"\x00\x01binary")
    (docs / "empty.txt").write_text("")
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, str(docs)]) == 2
    err = capsys.readouterr().err
    assert "bad.txt: binary file" in err and "empty.txt: empty file" in err
    assert main(["query", "--store", store, "projects", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["number"] == "SDDW-0079" for r in rows)


def test_query_list_and_formats(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "partners" in listing and "org (name)" in listing
    assert (
        main(["query", "--store", store, "partners", "--param", "org=KS", "--format", "csv"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("partner_name,") and len(lines) > 3
    assert main(["query", "--store", store, "partners", "-p", "org=KS"]) == 0
    table = capsys.readouterr().out
    assert "Latvian Association" in table and "rows" in table


def test_query_errors_exit_2(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", store, "nope"]) == 2
    assert "known: " in capsys.readouterr().err
    assert main(["query", "--store", store, "partners"]) == 2
    assert "'org' is required" in capsys.readouterr().err
    assert main(["query", "--store", store, "partners", "--param", "org"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err
    assert main(["query", "--store", store, "missing.rq"]) == 2


def test_query_from_a_file(store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text(
        "# title: Count\nSELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/partnergraph/ns#Project> }\n"
    )
    assert main(["query", "--store", store, str(rq), "--format", "json"]) == 0
    assert int(json.loads(capsys.readouterr().out)[0]["n"]) >= 3


def test_query_on_a_missing_store_says_build_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "--store", str(tmp_path / "none"), "projects"]) == 2
    assert "run 'partnergraph build" in capsys.readouterr().err


def test_draw_writes_a_page(store: str, tmp_path: Path) -> None:
    page = tmp_path / "out" / "network.html"
    assert main(["draw", "--store", store, "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "vis.Network" in html


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".ttl", "turtle"), (".trig", "trig"), (".nt", "nt"), (".jsonld", "jsonld")]
)
def test_export_parses_with_two_parsers(store: str, tmp_path: Path, suffix: str, fmt: str) -> None:
    out = tmp_path / f"graph{suffix}"
    assert main(["export", "--store", store, "-o", str(out)]) == 0
    data = out.read_bytes()
    ox_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "trig": ox.RdfFormat.TRIG,
        "nt": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
    }[fmt]
    quads = list(ox.parse(data, format=ox_format))
    assert len(quads) > 300
    if fmt == "trig":
        assert len(Dataset().parse(data=data, format="trig")) > 300
    else:
        assert len(Graph().parse(data=data, format={"jsonld": "json-ld"}.get(fmt, fmt))) > 300


def test_export_needs_a_known_format(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--store", store, "-o", str(tmp_path / "graph.xyz")]) == 2
    assert "give --format" in capsys.readouterr().err


def test_stats(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--store", store, "--format", "json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["documents"] == "2" and int(row["organisations"]) >= 6 and int(row["triples"]) > 300


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert "usage: partnergraph" in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2


def test_console_script_runs() -> None:
    exe = Path(sys.executable).parent / "partnergraph"
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("partnergraph 0.")


def test_dash_output_is_standard_output(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--store", store, "-o", "-"]) == 0
    turtle = capsys.readouterr().out
    assert len(Graph().parse(data=turtle, format="turtle")) > 100
    assert main(["query", "--store", store, "projects", "--format", "csv", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("number,")
    assert not (tmp_path / "-").exists()  # no file named "-"
