"""``partnergraph serve``: a local, read-only SPARQL 1.1 Protocol endpoint over the store.

Routes: ``/sparql`` (GET ``?query=``, form POST, or ``application/sparql-query`` POST),
``/`` (a query page), ``/network`` (the partner network page). Nothing else is served: no
file is read from a path in a request. Updates are refused (403). Answers stop at
``max_rows`` rows, and a query still producing rows after ``timeout`` seconds is cut off
(the evaluation cannot be interrupted before its first row: pyoxigraph has no cancellation).
Bound to 127.0.0.1 by default.
"""

from __future__ import annotations

import html
import json
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

__all__ = ["make_server"]


def _page() -> bytes:
    from importlib.resources import files

    return files("partnergraph.graph").joinpath("data").joinpath("query.html").read_bytes()


def _term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def make_server(
    store: ox.Store,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    network_page: str = "",
    timeout: float = 30.0,
    max_rows: int = 10_000,
    dataset: dict[str, Any] | None = None,
) -> ThreadingHTTPServer:
    """An HTTP server answering SPARQL queries over ``store``; ``dataset`` is pyoxigraph's
    query options (partnergraph's :meth:`Store.dataset`; default: the union of the named
    graphs)."""
    options = dataset if dataset is not None else {"use_default_graph_as_union": True}

    class Handler(BaseHTTPRequestHandler):
        server_version = "partnergraph"

        def log_message(self, format: str, *args: Any) -> None:  # quiet by default
            return

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: HTTPStatus, message: str) -> None:
            self._send(status, message.encode("utf-8"), "text/plain; charset=utf-8")

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path == "/":
                self._send(200, _page(), "text/html; charset=utf-8")
            elif url.path == "/network" and network_page:
                self._send(200, network_page.encode("utf-8"), "text/html; charset=utf-8")
            elif url.path in ("/sparql", "/query"):
                self._answer(parse_qs(url.query))
            else:
                self._error(HTTPStatus.NOT_FOUND, f"nothing at {html.escape(url.path)}")

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            if url.path not in ("/sparql", "/query", "/update"):
                self._error(HTTPStatus.NOT_FOUND, "nothing here")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > 1_000_000:
                self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "a query of over 1 MB")
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if kind == "application/sparql-query":
                params = {"query": [body]}
            elif kind == "application/sparql-update" or url.path == "/update":
                params = {"update": [body]}
            else:
                params = parse_qs(body)
            self._answer(params)

        def _answer(self, params: dict[str, list[str]]) -> None:
            if "update" in params:
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
                return
            queries = params.get("query")
            if not queries:
                self._error(HTTPStatus.BAD_REQUEST, "give a query (?query=…)")
                return
            try:
                result = store.query(queries[0], **options)
            except SyntaxError as exc:
                self._error(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {exc}")
                return
            if isinstance(result, ox.QueryBoolean):
                self._json({"head": {}, "boolean": bool(result)})
            elif isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                rows: list[dict[str, dict[str, str]]] = []
                started = time.monotonic()
                for solution in result:
                    if len(rows) >= max_rows or time.monotonic() - started > timeout:
                        break
                    rows.append(
                        {v: _term(solution[v]) for v in variables if solution[v] is not None}
                    )
                self._json({"head": {"vars": variables}, "results": {"bindings": rows}})
            else:
                triples = []
                for n, triple in enumerate(result):
                    if n >= max_rows:
                        break
                    triples.append(f"{triple.subject} {triple.predicate} {triple.object} .")
                self._send(
                    200, ("\n".join(triples) + "\n").encode("utf-8"), "application/n-triples"
                )

        def _json(self, data: dict[str, Any]) -> None:
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
            self._send(200, body, "application/sparql-results+json")

    return ThreadingHTTPServer((host, port), Handler)
