"""A remote SPARQL 1.1 server as the store (Query, Update, Graph Store Protocol).

Writes push each document's named graph as N-Triples with the Graph Store Protocol: the
lines go in chunks to a staging graph, then one SPARQL ``MOVE`` puts it in place, so a
reader never sees half a graph and a failure leaves the old graph whole. Queries go by GET
(or form POST when long) with an explicit ``Accept`` for SPARQL JSON results. Every request
has a timeout; credentials (basic or digest) are optional. Endpoints default to Oxigraph
server's (``/query``, ``/update``, ``/store``) and can be given one by one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .store import QueryResult, StoreError

__all__ = ["CHUNK_LINES", "Endpoints", "RemoteStore"]

#: N-Triples lines sent in one request.
CHUNK_LINES = 20_000
_JSON = "application/sparql-results+json"
_GET_LIMIT = 1800  # longer queries go by form POST


@dataclass(frozen=True)
class Endpoints:
    """Where a server takes queries, updates and Graph Store Protocol requests."""

    query: str
    update: str
    store: str

    @classmethod
    def oxigraph(cls, base: str) -> Endpoints:
        base = base.rstrip("/")
        return cls(f"{base}/query", f"{base}/update", f"{base}/store")


class RemoteStore:
    """The store interface over HTTP (see the module docstring)."""

    path: Path | None = None  # not a folder: nothing to stage on disk

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        timeout: float = 60.0,
        user: str | None = None,
        password: str | None = None,
        digest: bool = False,
    ) -> None:
        import requests
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        self.endpoints = endpoints
        self.timeout = (min(5.0, timeout), timeout)
        self.session = requests.Session()
        user = user or os.environ.get("PARTNERGRAPH_SPARQL_USER")
        password = password or os.environ.get("PARTNERGRAPH_SPARQL_PASSWORD")
        if user:
            self.session.auth = (HTTPDigestAuth if digest else HTTPBasicAuth)(user, password or "")

    # -------------------------------------------------------------- HTTP

    def _request(self, method: str, url: str, **kwargs: Any) -> Any:
        import requests

        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.Timeout as exc:
            raise StoreError(f"{url}: no answer within {self.timeout[1]:.0f} s") from exc
        except requests.ConnectionError as exc:
            raise StoreError(f"{url}: cannot reach the SPARQL server ({_reason(exc)})") from exc
        if response.status_code >= 400:
            detail = response.text.strip().splitlines()[0][:300] if response.text.strip() else ""
            raise StoreError(f"{url}: the server answered {response.status_code} {detail}".rstrip())
        return response

    # -------------------------------------------------------------- writing

    def replace_graph(self, graph: str, ntriples: Iterable[str]) -> None:
        """Replace one named graph: chunks into a staging graph, then one MOVE."""
        staging = f"{graph}#partnergraph-staging"
        self.update(f"DROP SILENT GRAPH <{staging}>")
        headers = {"Content-Type": "application/n-triples"}
        for chunk in _chunks(ntriples, CHUNK_LINES):
            body = ("\n".join(chunk) + "\n").encode("utf-8")
            self._request(
                "POST", self.endpoints.store, params={"graph": staging}, data=body, headers=headers
            )
        self.update(f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>")

    def replace_graph_bulk(self, graph: str, ntriples: bytes) -> None:
        self.replace_graph(graph, ntriples.decode("utf-8").splitlines())

    def drop_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def update(self, sparql: str) -> None:
        self._request("POST", self.endpoints.update, data={"update": sparql})

    def flush(self) -> None:
        """Nothing to flush: every request is done when it returns."""

    def close(self) -> None:
        self.session.close()

    # -------------------------------------------------------------- reading

    def select(self, sparql: str, *, inferred: bool = False) -> QueryResult:
        """A SELECT over the union of the named graphs (the inferred one too, if present)."""
        params = {"query": sparql, "union-default-graph": ""}
        headers = {"Accept": _JSON}
        if len(sparql) < _GET_LIMIT:
            response = self._request("GET", self.endpoints.query, params=params, headers=headers)
        else:
            response = self._request("POST", self.endpoints.query, data=params, headers=headers)
        try:
            data = response.json()
            variables = tuple(data["head"]["vars"])
            bindings = data["results"]["bindings"]
        except (ValueError, KeyError) as exc:
            raise StoreError(f"{self.endpoints.query}: not SPARQL JSON results") from exc
        rows = tuple(tuple(_value(b.get(v)) for v in variables) for b in bindings)
        return QueryResult(variables, rows)

    def graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return sorted(str(r[0]) for r in rows if r[0])

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return int(rows[0][0] or 0)

    def quads(self) -> Iterator[ox.Quad]:
        response = self._request(
            "GET", self.endpoints.store, headers={"Accept": "application/n-quads"}
        )
        return iter(ox.parse(response.content, format=ox.RdfFormat.N_QUADS))

    def dump_nquads(self) -> bytes:
        return bytes(
            self._request(
                "GET", self.endpoints.store, headers={"Accept": "application/n-quads"}
            ).content
        )

    def dump_graph_ntriples(self, graph: str) -> bytes:
        response = self._request(
            "GET",
            self.endpoints.store,
            params={"graph": graph},
            headers={"Accept": "application/n-triples"},
        )
        return bytes(response.content)

    def load_nquads(self, data: bytes) -> None:
        self._request(
            "POST", self.endpoints.store, data=data, headers={"Content-Type": "application/n-quads"}
        )


def _value(binding: dict[str, str] | None) -> str | None:
    return None if binding is None else binding.get("value")


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _reason(exc: Exception) -> str:
    text = str(exc)
    for hint in ("Connection refused", "Name or service not known", "timed out"):
        if hint in text:
            return hint.lower()
    return type(exc).__name__
