"""A remote SPARQL 1.1 server as the store: a real Oxigraph server on a loopback port."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from partnergraph import queries
from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.publish import serialise
from partnergraph.graph.store import Endpoints, RemoteStore, Store, StoreError

from .. import servers
from ..conftest import EXAMPLES
from ..queries.test_questions import PARAMS

pytestmark = [pytest.mark.slow, pytest.mark.server]


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    with servers.oxigraph_server(tmp_path / "oxigraph") as url:
        yield url


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with servers.virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


def test_every_question_answers_the_same_on_the_server(
    oxigraph_server: str, seed_store: Store
) -> None:
    _same_as_embedded(RemoteStore(Endpoints.oxigraph(oxigraph_server), timeout=30), seed_store)


def _same_as_embedded(remote: RemoteStore, seed_store: Store) -> None:
    """Build the examples on the server: every question answers as the embedded store does,
    and the export and the count of quads are the same."""
    report = build([str(EXAMPLES)], remote)
    assert len(report.documents) == 2
    for name in queries.names():
        params = PARAMS.get(name, {})
        assert _answers(remote, name, params) == _answers(seed_store, name, params), name
    assert serialise(remote, "nt") == serialise(seed_store, "nt")
    assert len(remote) == len(seed_store)


def _answers(
    store: RemoteStore | Store, name: str, params: dict[str, str]
) -> list[tuple[str, ...]]:
    """A question's rows, list columns tidied (SPARQL leaves their order to the server),
    sorted (so is the order of rows a question does not sort), unbound as "" (an empty
    GROUP_CONCAT is "" on Virtuoso, unbound on Oxigraph)."""
    query = queries.load(name)
    result = store.select(queries.bound(query, params))
    rows = queries.tidy(query, result.variables, result.rows)
    return sorted(tuple(v or "" for v in row) for row in rows)


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
    url = f"http://127.0.0.1:{servers.free_port()}"
    started = time.monotonic()
    assert main(["query", "--store", url, "projects"]) == 2
    assert time.monotonic() - started < 20
    assert "cannot reach the SPARQL server" in capsys.readouterr().err
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(Endpoints.oxigraph(url), timeout=2).select("SELECT * WHERE { ?s ?p ?o }")


# ------------------------------------------------------------------ Virtuoso


def test_every_question_answers_the_same_on_virtuoso(virtuoso: str, seed_store: Store) -> None:
    _same_as_embedded(RemoteStore(Endpoints.virtuoso(virtuoso), timeout=60), seed_store)


def test_virtuoso_rebuild_and_removal_keep_the_union_right(virtuoso: str) -> None:
    """Building twice changes nothing; a removed document takes its facts (and only its
    own) out of the union; the graphs listed are partnergraph's, not Virtuoso's own."""
    remote = RemoteStore(Endpoints.virtuoso(virtuoso), timeout=60)
    build([str(EXAMPLES)], remote)
    size, union = len(remote), _union_size(remote)
    build([str(EXAMPLES)], remote)
    assert (len(remote), _union_size(remote)) == (size, union)
    assert not any("staging" in g or "openlinksw" in g for g in remote.graphs())
    first = str(sorted(EXAMPLES.rglob("*.txt"))[0])
    report = build([first], remote, prune=True)  # the other document goes; the first stays
    assert len(report.removed) == 1  # (the same file given alone is the same document)
    # the first, unchanged, is not read again (rewritten only if its identities changed)
    assert report.unchanged == [first]
    assert len([g for g in remote.graphs() if "/doc/" in g and not g.endswith("-ledger")]) == 1
    solo = Store(None)
    build([first], solo)
    assert _answers(remote, "partners", {"org": "KS"}) == _answers(solo, "partners", {"org": "KS"})
    assert _union_size(remote) == _union_size(solo)
    remote.rebuild_union()  # (the documents' evidence stays out of it, as when written)
    assert _union_size(remote) == _union_size(solo)


def _union_size(store: RemoteStore | Store) -> int:
    return int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0] or 0)


def test_virtuoso_with_digest_credentials_through_the_cli(
    virtuoso: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A config file names the server; the password comes from the environment; the
    authenticated endpoints take digest credentials (and refuse wrong ones)."""
    config = tmp_path / "partnergraph.toml"
    config.write_text(
        "[store]\n"
        f'location = "virtuoso+{virtuoso}"\n'
        'user = "dba"\npassword-env = "TEST_VIRTUOSO_PASSWORD"\nauth = "digest"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("PARTNERGRAPH_CONFIG", str(config))
    monkeypatch.delenv("PARTNERGRAPH_STORE", raising=False)
    monkeypatch.setenv("TEST_VIRTUOSO_PASSWORD", "wrong")
    assert main(["query", "projects"]) == 2
    assert "401" in capsys.readouterr().err
    monkeypatch.setenv("TEST_VIRTUOSO_PASSWORD", "dba")
    assert main(["build", "-q", str(EXAMPLES)]) == 0
    assert main(["query", "partners", "-p", "org=KS", "--format", "csv"]) == 0
    assert "Latvian Association of Local and Regional Governments" in capsys.readouterr().out
