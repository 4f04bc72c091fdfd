"""A remote SPARQL 1.1 server as the store: a real Oxigraph server on a loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from partnergraph import queries
from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.export import serialise
from partnergraph.graph.remote import Endpoints, RemoteStore
from partnergraph.graph.store import Store, StoreError

from .conftest import EXAMPLES
from .test_queries import PARAMS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    exe = Path(sys.executable).parent / "oxigraph"
    if not exe.exists():
        pytest.fail("the oxigraph server is not installed (pip install oxigraph: make test does)")
    port = _free_port()
    proc = subprocess.Popen(
        [str(exe), "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the oxigraph server did not start within 30 s")
        yield url
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_every_question_answers_the_same_on_the_server(
    oxigraph_server: str, seed_store: Store
) -> None:
    remote = RemoteStore(Endpoints.oxigraph(oxigraph_server), timeout=30)
    report = build([str(EXAMPLES)], remote)
    assert len(report.documents) == 2
    for name in queries.names():
        q = queries.bound(queries.load(name), PARAMS.get(name, {}))
        assert _answers(remote.select(q).rows) == _answers(seed_store.select(q).rows), name
    assert serialise(remote, "nt") == serialise(seed_store, "nt")


def _answers(rows: tuple[tuple[str | None, ...], ...]) -> list[tuple[str, ...]]:
    """Rows as a sorted list; GROUP_CONCAT lists ("a | b") compared as sets of items, since
    SPARQL leaves their order to the server."""

    def cell(v: str | None) -> str:
        return " | ".join(sorted(v.split(" | "))) if v else ""

    return sorted(tuple(cell(v) for v in row) for row in rows)


def test_building_again_replaces_graphs_and_duplicates_nothing(oxigraph_server: str) -> None:
    remote = RemoteStore(Endpoints.oxigraph(oxigraph_server), timeout=30)
    build([str(EXAMPLES)], remote)
    size = len(remote)
    build([str(EXAMPLES)], remote)
    assert len(remote) == size
    assert not any("staging" in g for g in remote.graphs())


def test_cli_with_a_server_address(
    oxigraph_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--store", oxigraph_server, "-q", str(EXAMPLES)]) == 0
    assert (
        main(["query", "--store", oxigraph_server, "partners", "-p", "org=KS", "--format", "csv"])
        == 0
    )
    assert "Latvian Association of Local and Regional Governments" in capsys.readouterr().out
    assert main(["export", "--store", oxigraph_server, "-o", str(tmp_path / "g.ttl")]) == 0


def test_a_server_that_is_down_gives_a_clear_error_quickly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    started = time.monotonic()
    assert main(["query", "--store", url, "projects"]) == 2
    assert time.monotonic() - started < 20
    assert "cannot reach the SPARQL server" in capsys.readouterr().err
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(Endpoints.oxigraph(url), timeout=2).select("SELECT * WHERE { ?s ?p ?o }")
