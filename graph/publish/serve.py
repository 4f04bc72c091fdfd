"""``partnergraph serve``: a read-only SPARQL 1.1 Protocol endpoint over the store, on
Starlette and uvicorn.

Routes: ``/sparql`` (GET ``?query=``, form POST, ``application/sparql-query`` POST; without a
query, the service description), ``/id/…`` (the graph's own IRIs, described),
``/questions/NAME?limit=&offset=&PARAM=`` (a page of a canned question's answer as JSON,
with the answer's size: read from the summary where the build keeps it), ``/`` (a query
page), ``/network`` (the partner network page). Nothing else is served: no file is read from
a path in a request.

Refused: updates (403), ``SERVICE`` (400: the endpoint never sends a request), a ``Host``
other than the bound address or ``allowed_hosts`` (400: DNS rebinding), POSTs from another
origin unless ``cors`` names it (403). Bounded: request bodies (413, whatever the headers
claim), headers and bodies that arrive too slowly (408 or the connection closed), open
connections (503), busy query processes (503), a query's time (its process is killed: 503)
and its rows (the answer is cut; the ``Partnergraph-Truncated`` header says at how many).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import sys
import time
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qs, quote

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .sparql import RDF_TYPES, RESULT_TYPES, Answer, Job, QueryPool, QueryRefused, negotiate, vet

__all__ = ["Limits", "Site", "allowed_hosts", "make_app", "serve"]

_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
_FORMS = ("application/x-www-form-urlencoded",)
_W3C_FORMATS = "http://www.w3.org/ns/formats/"
_SD_FORMATS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "nt": "N-Triples",
    "rdfxml": "RDF_XML",
    "jsonld": "JSON-LD",
}


@dataclass(frozen=True)
class Limits:
    """What one request may cost."""

    timeout: float = 30.0  # seconds of evaluation before the query's process is killed
    max_rows: int = 10_000  # rows (SELECT) or triples (CONSTRUCT, DESCRIBE) an answer
    max_body: int = 1_000_000  # bytes of a request body
    slow: float = 10.0  # seconds to send a request's headers, and again its body
    workers: int = 2  # query processes
    connections: int = 64  # open connections and requests at once
    wait: float = 30.0  # seconds a request waits for a free query process


@dataclass
class Site:
    """What the app serves besides the store: pages, names, and who may call it."""

    network_page: str = ""
    base: str = "https://w3id.org/partnergraph/id/"
    hosts: Sequence[str] = _LOOPBACK
    cors: Sequence[str] = ()
    log: Any = field(default=sys.stderr)


def _page() -> bytes:
    return files("partnergraph.graph").joinpath("data").joinpath("query.html").read_bytes()


def _text(status: int, message: str, **headers: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers or None)


def make_app(pool: QueryPool, limits: Limits, site: Site) -> Starlette:
    """The endpoint as an ASGI app over ``pool`` (tests drive it through a real server)."""

    async def run(job: Job) -> Answer:
        return await anyio.to_thread.run_sync(lambda: pool.ask(job, wait=limits.wait))

    def respond(answer: Answer) -> Response:
        headers = {"Vary": "Accept"}
        if answer.cut:
            headers["Partnergraph-Truncated"] = str(answer.cut)
        return Response(answer.body, answer.status, headers=headers, media_type=answer.media)

    async def sparql(request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(status_code=204, headers={"Allow": "GET, HEAD, POST, OPTIONS"})
        params: dict[str, list[str]] = parse_qs(request.url.query, keep_blank_values=True)
        if request.method == "POST":
            body = await _body(request, limits)
            if isinstance(body, Response):
                return body
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind == "application/sparql-query":
                params["query"] = [body.decode("utf-8", errors="replace")]
            elif kind == "application/sparql-update":
                return _text(403, "this endpoint is read-only: updates are refused")
            elif kind in _FORMS:
                for key, values in parse_qs(body.decode("utf-8", "replace")).items():
                    params.setdefault(key, []).extend(values)
            else:
                return _text(415, "send the query as application/sparql-query or as a form")
        if "update" in params:
            return _text(403, "this endpoint is read-only: updates are refused")
        queries = params.get("query", [])
        short = next(iter(params.get("format") or params.get("output") or []), None)
        if not queries:
            return _service_description(request, short, site)
        if len(queries) > 1:
            return _text(400, "give one query")
        try:
            form = vet(queries[0])
        except QueryRefused as exc:
            return _text(exc.status, str(exc))
        offered = RESULT_TYPES if form in ("SELECT", "ASK") else RDF_TYPES
        media = negotiate(request.headers.get("accept", "*/*"), offered, short)
        if media is None:
            names = ", ".join(sorted(set(offered)))
            return _text(406, f"a {form} answer can be: {names}")
        job = Job(
            queries[0],
            media,
            limits.max_rows,
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])),
        )
        return respond(await run(job))

    async def described(request: Request) -> Response:
        iri = site.base + quote(request.path_params["rest"], safe="/:@-._~!$&'()*+,;=%")
        accept = request.headers.get("accept", "*/*")
        html = "text/html" in accept.split(",")[0]
        media = "text/turtle" if html else negotiate(accept, RDF_TYPES)
        if media is None:
            return _text(406, "a description can be: " + ", ".join(sorted(RDF_TYPES)))
        answer = await run(Job(f"DESCRIBE <{iri}>", media, limits.max_rows))
        if answer.status == 200 and not answer.rows:
            return _text(404, f"nothing is said of <{iri}> in this graph")
        if html and answer.status == 200:
            answer.media = "text/plain; charset=utf-8"
        return respond(answer)

    async def question(request: Request) -> Response:
        params = parse_qs(request.url.query, keep_blank_values=True)
        if any(len(v) > 1 for v in params.values()):
            return _text(400, "give each parameter once")
        try:
            limit = int(params.pop("limit", [str(min(100, limits.max_rows))])[0])
            offset = int(params.pop("offset", ["0"])[0])
        except ValueError:
            return _text(400, "limit and offset are whole numbers")
        if not 0 < limit <= limits.max_rows or offset < 0:
            return _text(400, f"limit is 1 to {limits.max_rows}; offset 0 or more")
        values = tuple(sorted((k, v[0]) for k, v in params.items()))
        job = Job("", "application/json", limit, question=request.path_params["name"],
                  values=values, offset=offset)  # fmt: skip
        answer = await run(job)
        return Response(answer.body, answer.status, media_type=answer.media)

    async def home(request: Request) -> Response:
        return Response(_page(), media_type="text/html; charset=utf-8")

    async def network(request: Request) -> Response:
        if not site.network_page:
            return _text(404, "no network page")
        return Response(site.network_page, media_type="text/html; charset=utf-8")

    async def not_found(request: Request, exc: Exception) -> Response:
        return _text(404, "nothing here")

    async def refused(request: Request, exc: Exception) -> Response:
        return _text(405, "method not allowed", Allow="GET, HEAD, POST, OPTIONS")

    async def failed(request: Request, exc: Exception) -> Response:
        return _text(500, f"the server failed: {type(exc).__name__}")

    routes = [
        Route("/sparql", sparql, methods=["GET", "HEAD", "POST", "OPTIONS"]),
        Route("/query", sparql, methods=["GET", "HEAD", "POST", "OPTIONS"]),
        Route("/id/{rest:path}", described, methods=["GET", "HEAD"]),
        Route("/questions/{name}", question, methods=["GET", "HEAD"]),
        Route("/", home, methods=["GET", "HEAD"]),
        Route("/network", network, methods=["GET", "HEAD"]),
    ]
    middleware = [
        Middleware(_AccessLog, out=site.log),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(site.hosts), www_redirect=False),
        Middleware(_SameOrigin, allowed=tuple(site.cors)),
        Middleware(
            CORSMiddleware,
            allow_origins=list(site.cors),
            allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type"],
            expose_headers=["Partnergraph-Truncated"],
        ),
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={404: not_found, 405: refused, 500: failed},
    )


async def _body(request: Request, limits: Limits) -> bytes | Response:
    """The request body, at most ``limits.max_body`` bytes, read within ``limits.slow`` s."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limits.max_body:
        return _text(413, f"a request body of over {limits.max_body} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(limits.slow):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limits.max_body:
                    return _text(413, f"a request body of over {limits.max_body} bytes")
                chunks.append(chunk)
    except TimeoutError:
        return _text(408, f"the request body did not arrive within {limits.slow:g} s")
    return b"".join(chunks)


def _service_description(request: Request, short: str | None, site: Site) -> Response:
    import pyoxigraph as ox

    media = negotiate(request.headers.get("accept", "*/*"), RDF_TYPES, short)
    if media is None:
        return _text(406, "the service description can be: " + ", ".join(sorted(RDF_TYPES)))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    me = ox.NamedNode(str(request.url.replace(query="")))
    triples = [
        ox.Triple(me, rdf_type, ox.NamedNode(sd + "Service")),
        ox.Triple(me, ox.NamedNode(sd + "endpoint"), me),
        ox.Triple(me, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")),
        ox.Triple(me, ox.NamedNode(sd + "feature"), ox.NamedNode(sd + "UnionDefaultGraph")),
    ]
    for name in sorted({*RESULT_TYPES.values(), *RDF_TYPES.values()}):
        known = ox.NamedNode(_W3C_FORMATS + _SD_FORMATS[name])
        triples.append(ox.Triple(me, ox.NamedNode(sd + "resultFormat"), known))
    fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.TURTLE
    body = ox.serialize(triples, format=fmt, prefixes={"sd": sd})
    return Response(body, media_type=media, headers={"Vary": "Accept"})


class _SameOrigin:
    """Refuse requests that change or read with side effects from another origin: a POST
    whose ``Origin`` is neither the server's own nor one named with ``--cors``."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            origin = headers.get("origin")
            own = f"{scope.get('scheme', 'http')}://{headers.get('host', '')}"
            cross = headers.get("sec-fetch-site") == "cross-site"
            if (origin and origin != own and origin not in self.allowed) or (
                cross and origin not in self.allowed
            ):
                response = _text(403, "requests from another origin are refused (see --cors)")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _AccessLog:
    """One line a request: client, method, path, status, bytes, milliseconds (control
    characters escaped, so a request cannot write to the terminal)."""

    def __init__(self, app: ASGIApp, out: Any) -> None:
        self.app = app
        self.out = out

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.out is None:
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        status = [0]
        size = [0]

        async def sending(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            elif message["type"] == "http.response.body":
                size[0] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            client = (scope.get("client") or ("-", 0))[0]
            path = scope.get("raw_path", b"").decode("latin-1")
            query = scope.get("query_string", b"").decode("latin-1")
            target = path + ("?" + query if query else "")
            line = f'{client} "{scope["method"]} {target[:300]}" {status[0]} {size[0]} '
            line += f"{(time.monotonic() - started) * 1000:.0f}ms"
            try:
                print(_printable(line), file=self.out, flush=True)
            except (OSError, ValueError):
                pass


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def allowed_hosts(host: str, extra: Sequence[str] = ()) -> list[str]:
    """The ``Host`` values a server bound to ``host`` answers: the address itself, loopback
    names for a loopback address, this machine's names for a wildcard one, and ``extra``."""
    names = {host, *extra}
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if host in _LOOPBACK or (address is not None and address.is_loopback):
        names.update(_LOOPBACK)
    elif address is not None and address.is_unspecified:
        names.update(_LOOPBACK)
        names.update({socket.gethostname(), socket.getfqdn()})
    if address is not None and address.version == 6:
        names.add(f"[{address}]")
    return sorted(names)


def serve(
    sock: socket.socket,
    pool: QueryPool,
    limits: Limits,
    site: Site,
) -> None:
    """Serve the app on the bound socket ``sock`` until Ctrl-C or SIGTERM."""
    import uvicorn
    from uvicorn.protocols.http.h11_impl import H11Protocol

    slow = limits.slow

    class Protocol(H11Protocol):
        """uvicorn's HTTP/1.1 with a deadline for a request's headers (uvicorn has none
        before the first request of a connection)."""

        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.cycle is not None and not self.cycle.response_complete:
                self._disarm()
            elif self._deadline is None:
                self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._disarm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._deadline = asyncio.get_running_loop().call_later(slow, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if self.cycle is None or self.cycle.response_complete:
                self.transport.close()

    app = make_app(pool, limits, site)
    config = uvicorn.Config(
        app,
        http=Protocol,
        lifespan="off",
        access_log=False,
        log_level="warning",
        proxy_headers=False,
        server_header=False,
        limit_concurrency=limits.connections,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=16 * 1024,
    )
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
