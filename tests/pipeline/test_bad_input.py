"""Bad input, hostile input and faults: a clear message, nothing lost, nothing run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from partnergraph import queries
from partnergraph.graph.cli import main
from partnergraph.graph.store import open_store
from partnergraph.visualize import network_html, org_network

from ..conftest import EXAMPLES

SEED = (EXAMPLES / "seeds" / "000_f080a065eb91adb1.txt").read_text(encoding="utf-8")
LATVIAN = "Latvijas Pašvaldību savienība rīkoja pieredzes apmaiņas vizīti uz Norvēģiju kopā ar Ķekavas novadu."
POLISH = (
    "Związek Miast Polskich zorganizował wizytę studyjną w Oslo dla przedstawicieli gmin z Łodzi."
)


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Every bad input of the matrix, written into ``folder``: file name → expected problem."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "archive.html").write_bytes(b"PK\x03\x04" + b"\x01" * 100)
    with open(folder / "huge.txt", "wb") as fh:  # 200 MB, sparse: refused before reading
        fh.truncate(200 * 1024 * 1024)
    (folder / "truncated.json").write_text('[{"programme": "LV07", "programmes": {"LV07": {"na')
    (folder / "wrong-type.json").write_text('{"programme": 7}')
    (folder / "not-portal.json").write_text('[{"hello": "world"}]')
    (folder / "no-columns.csv").write_text("a,b,c\n1,2,3\n")
    (folder / "fake.xlsx").write_text("this is not a workbook")
    (folder / "only-header.txt").write_text("# source: https://example.org/x\n# kind: news\n")
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "image.txt": "binary file",
        "archive.html": "binary file",
        "huge.txt": "too large",
        "truncated.json": "not valid JSON",
        "wrong-type.json": "expected a JSON list",
        "not-portal.json": "not a portal export",
        "no-columns.csv": "no project number or project name column",
        "fake.xlsx": "not an xlsx workbook",
        "only-header.txt": "no text after the metadata header",
    }


def _good_inputs(folder: Path) -> list[str]:
    (folder / "seed.txt").write_text(SEED, encoding="utf-8")
    (folder / "latvian-cp1257.txt").write_bytes(LATVIAN.encode("cp1257"))
    (folder / "polish-cp1250.txt").write_bytes(POLISH.encode("cp1250"))
    (folder / "norwegian-latin1.txt").write_bytes(
        "Studiebesøk til Tromsø for Fagforbundet.".encode("latin-1")
    )
    (folder / "polish-utf16.txt").write_bytes(POLISH.encode("utf-16"))
    (folder / "broken.html").write_text(
        "<html><body><div><p>Seminar in Riga with <b>Latvian Association of Local and Regional "
        "Governments<p><table><tr><td>unclosed</div></span></body>"
    )
    (folder / "duplicate.txt").write_text(SEED, encoding="utf-8")  # same text, another name
    return ["seed.txt", "latvian-cp1257.txt", "polish-cp1250.txt", "norwegian-latin1.txt",
            "polish-utf16.txt", "broken.html", "duplicate.txt"]  # fmt: skip


def test_bad_input_matrix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    expected = _bad_inputs(docs)
    good = _good_inputs(docs)
    missing = str(tmp_path / "missing.txt")
    store = str(tmp_path / "store")
    assert main(["build", "--store", store, "-q", str(docs), missing]) == 2
    err = capsys.readouterr().err
    for name, problem in expected.items():
        lines = [line for line in err.splitlines() if f"{name}:" in line]
        assert len(lines) == 1, (name, lines)  # one message per bad file
        assert problem in lines[0], (name, lines[0])
    assert f"{missing}: no such file or folder" in err
    assert main(["stats", "--store", store, "--format", "json"]) == 0
    [stats] = json.loads(capsys.readouterr().out)
    assert int(stats["documents"]) == len(good)  # every good file built, duplicates too
    print(f"bad inputs tried: {len(expected) + 1}, handled cleanly: {len(expected) + 1}")


def test_same_source_twice_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            f"# source: https://example.org/same\n{SEED}", encoding="utf-8"
        )
    assert (
        main(
            [
                "build",
                "--store",
                str(tmp_path / "s"),
                "-q",
                str(tmp_path / "a.txt"),
                str(tmp_path / "b.txt"),
            ]
        )
        == 2
    )
    assert "b.txt: same source as" in capsys.readouterr().err


@pytest.mark.slow
def test_folder_of_thousands_with_some_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "many"
    docs.mkdir()
    for i in range(1200):
        (docs / f"doc{i:04d}.txt").write_text(
            f"Seminar number {i} in Riga with the Latvian Association of Local and Regional Governments."
        )
    bad = [docs / f"bad{i}.txt" for i in range(12)]
    for path in bad:
        path.write_bytes(b"\x00\xff" * 10)
    assert main(["build", "--store", str(tmp_path / "s"), "-q", "--no-validate", str(docs)]) == 2
    err = capsys.readouterr().err
    assert sum("binary file" in line for line in err.splitlines()) == len(bad)
    assert main(["stats", "--store", str(tmp_path / "s"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["documents"] == "1200"


HOSTILE = """<script>alert("title")</script> "Quoted" {Project}

Project facts

Project promoter:
Evil "Association" of <img src=x onerror=alert(1)> Cities(PL)
Project Number:
PL-EVIL-0001
Status:
Completed
Donor Project Partners:
Norwegian \"\"\" } ; DROP ALL ; INSERT DATA { <a> <b> <c> } # Union(NO)
Other Project Partners
Robert'); DROP TABLE students;-- Association(PL)

Description

A study visit to Oslo with </script><script>alert(2)</script> Union of Tricks.
"""


def test_hostile_document_text_is_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "evil.txt").write_text(
        f"# source: http://x> }} DROP ALL {{ <y\n{HOSTILE}", encoding="utf-8"
    )
    store_dir = str(tmp_path / "s")
    assert (
        main(["build", "--store", store_dir, "-q", str(tmp_path / "evil.txt"), str(EXAMPLES)]) == 0
    )
    store = open_store(store_dir, read_only=True)
    assert (
        len([g for g in store.graphs() if "/doc/" in g and not g.endswith("-ledger")]) == 3
    )  # nothing dropped, nothing injected
    rows = store.select(queries.bound(queries.load("projects"), {})).dicts()
    evil = next(r for r in rows if r["number"] == "PL-EVIL-0001")
    assert evil["promoter"] == 'Evil "Association" of <img src=x onerror=alert(1)> Cities'
    assert 'Norwegian """ } ; DROP ALL ; INSERT DATA { <a> <b> <c> } # Union' in str(
        evil["partners"]
    )
    partners = store.select(
        queries.bound(queries.load("partners"), {"org": evil["promoter"] or ""})
    ).rows
    assert len(partners) >= 2  # a hostile name is a parameter like any other
    html = network_html(org_network(store))
    assert "<img src=x" not in html and "<script>alert" not in html
    for fmt in ("turtle", "trig", "nt", "jsonld"):
        assert (
            main(
                [
                    "export",
                    "--store",
                    store_dir,
                    "-o",
                    str(tmp_path / f"out.{fmt}"),
                    "--format",
                    fmt,
                ]
            )
            == 0
        )


def test_bad_base_iri_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["build", "--store", str(tmp_path / "s"), "--base", "http://x> }", str(EXAMPLES)]) == 2
    )
    assert "--base" in capsys.readouterr().err


def _answers(store_dir: str) -> list[tuple[str | None, ...]]:
    store = open_store(store_dir, read_only=True)
    return list(store.select(queries.bound(queries.load("projects"), {})).rows)


def test_interrupted_build_leaves_the_previous_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_dir = str(tmp_path / "s")
    assert main(["build", "--store", store_dir, "-q", str(EXAMPLES)]) == 0
    before = _answers(store_dir)
    import importlib

    build_module = importlib.import_module("partnergraph.graph.build")  # the module, not build()

    calls = {"n": 0}
    real = build_module.document_triples

    def interrupt(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise KeyboardInterrupt  # Ctrl-C while writing (the examples are unchanged)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "document_triples", interrupt)
    more = tmp_path / "more"
    more.mkdir()
    (more / "x.txt").write_text(SEED.replace("SDDW-0079", "SDDW-0999"), encoding="utf-8")
    assert main(["build", "--store", store_dir, "-q", str(more), str(EXAMPLES)]) == 130
    assert _answers(store_dir) == before
    monkeypatch.undo()
    assert main(["build", "--store", store_dir, "-q", str(more)]) == 0  # and the next build works
    assert any(r[0] == "SDDW-0999" for r in _answers(store_dir))
    assert len(list((Path(store_dir) / "generations").iterdir())) <= 2


def _descendants(pid: int) -> list[int]:
    """The processes a process started, and theirs (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        for children in Path(f"/proc/{todo.pop()}/task").glob("*/children"):
            try:
                kids = [int(c) for c in children.read_text().split()]
            except OSError:
                continue
            found.extend(kids)
            todo.extend(kids)
    return found


@pytest.mark.slow
def test_kill_9_during_a_build_leaves_the_previous_store(tmp_path: Path) -> None:
    store_dir = str(tmp_path / "s")
    assert main(["build", "--store", store_dir, "-q", str(EXAMPLES)]) == 0
    before = _answers(store_dir)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3000):
        (corpus / f"p{i}.txt").write_text(
            SEED.replace("SDDW-0079", f"SDDW-{i:04d}"), encoding="utf-8"
        )
    exe = Path(sys.executable).parent / "partnergraph"
    proc = subprocess.Popen([str(exe), "build", "--store", store_dir, "-q", str(corpus)])
    deadline = time.monotonic() + 60
    generations = Path(store_dir) / "generations"
    while time.monotonic() < deadline and len(list(generations.iterdir())) < 2:
        time.sleep(0.05)  # wait until the new generation is being written
    while time.monotonic() < deadline and len(_descendants(proc.pid)) < 2:
        time.sleep(0.05)  # and its worker processes have started
    time.sleep(1.0)
    helpers = _descendants(proc.pid)
    assert proc.poll() is None, "the build ended before it could be killed"
    assert helpers, "the build started no worker process"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert _answers(store_dir) == before
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in helpers):
        time.sleep(0.1)
    assert not [p for p in helpers if Path(f"/proc/{p}").exists()], "workers outlived the build"
