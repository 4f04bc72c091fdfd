"""`partnergraph serve`: a read-only SPARQL endpoint that standard clients can use."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from partnergraph.graph.cli import main

from ..conftest import EXAMPLES


@contextmanager
def _serving(store: str, *options: str) -> Iterator[tuple[str, str]]:
    """``partnergraph serve`` on a free port: its URL and the line it prints next (what
    its network page draws); stopped by process id."""
    exe = Path(sys.executable).parent / "partnergraph"
    proc = subprocess.Popen(
        [str(exe), "serve", "--store", store, "--port", "0", *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = (
            proc.stdout.readline()
        )  # "serving http://127.0.0.1:PORT/ …", bounded by the server start
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert m, line
        yield f"http://127.0.0.1:{m.group(1)}", proc.stdout.readline()
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.fixture()
def endpoint(tmp_path: Path) -> Iterator[str]:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    with _serving(store, "--max-rows", "5") as (url, _page):
        yield url


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_sparqlwrapper_and_rdflib_clients(endpoint: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery("SELECT ?n WHERE { ?p <http://purl.org/dc/terms/identifier> ?n } ORDER BY ?n")
    client.setReturnFormat(JSON)
    numbers = [b["n"]["value"] for b in client.query().convert()["results"]["bindings"]]  # type: ignore[index,call-overload]
    assert "SDDW-0079" in numbers
    store = SPARQLStore(f"{endpoint}/sparql", returnFormat="json")
    rows = list(store.query('ASK { ?o <http://www.w3.org/2004/02/skos/core#altLabel> "KS"@no }'))
    assert rows == [True]


def test_read_only_limited_and_nothing_else(endpoint: str) -> None:
    request = urllib.request.Request(
        f"{endpoint}/sparql", data=b"update=DROP+ALL", method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    status, body = _get(f"{endpoint}/sparql?query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D")
    assert status == 200 and body.count('"type"') <= 5 * 3  # at most --max-rows rows
    for path in ("/../../etc/passwd", "/ontology/partnergraph.ttl", "/%2e%2e/pyproject.toml"):
        assert _get(endpoint + path)[0] == 404
    status, body = _get(f"{endpoint}/sparql?query=SELEKT")
    assert status == 400 and "syntax" in body
    status, page = _get(endpoint + "/")
    assert status == 200 and "read-only" in page
    status, network = _get(endpoint + "/network")
    assert status == 200 and "vis.Network" in network


def test_the_served_network_page_draws_the_links_asked_for(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    pages = []
    for floor in ("1", "2"):
        # said: "network page: N organisations, K of M links …"
        with _serving(store, "--min-weight", floor) as (url, said):
            status, page = _get(f"{url}/network")
            assert status == 200
            pages.append((said, page.count('"from": ')))
    (said_all, drawn_all), (said_some, drawn_some) = pages
    assert " of " not in said_all and f"{drawn_all} links" in said_all
    assert 0 < drawn_some < drawn_all
    assert f"{drawn_some} of {drawn_all} links (those shared at least 2 times" in said_some
