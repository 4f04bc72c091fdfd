"""The SPARQL 1.1 Protocol without the HTTP server: what a query may do, which format the
answer takes, and evaluating queries in worker processes that a time limit really stops.

- :func:`vet` reads a query's words the way a SPARQL parser sees them (``\\u`` escapes
  undone, strings, IRIs, comments and prefixed names set aside) and refuses ``SERVICE``
  (the store would fetch any URL it names) and updates. Its answer also says the query's
  form (SELECT, ASK, CONSTRUCT, DESCRIBE), so the format is chosen before evaluation.
- :func:`negotiate` picks a media type from an ``Accept`` header (or a ``format=`` name).
- :class:`QueryPool` keeps worker processes, each with the store open read-only. A query
  that runs past the time limit has its process killed (pyoxigraph cannot interrupt an
  evaluation), so its core is free again; a new worker takes its place.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import re
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Literal

__all__ = [
    "RDF_TYPES",
    "RESULT_TYPES",
    "Answer",
    "Job",
    "QueryPool",
    "QueryRefused",
    "negotiate",
    "vet",
]

Form = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]

#: Media types of SELECT and ASK answers (the first is the default), with short names for
#: ``format=``/``output=``.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: Media types of CONSTRUCT and DESCRIBE answers (the first is the default).
RDF_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
    "application/x-turtle": "turtle",
    "text/plain": "nt",
}

#: Other names clients give in ``format=`` (SPARQLWrapper, Virtuoso, Fuseki).
_ALIASES = {
    "json-ld": "jsonld",
    "n3": "turtle",
    "ttl": "turtle",
    "ntriples": "nt",
    "n-triples": "nt",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
    "text": "tsv",
}
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
#: What a SPARQL lexer reads as one token that is not a keyword (strings, IRIs, comments,
#: variables, prefixed names, numbers), else a bare word.
_TOKEN = re.compile(
    r'''(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r"""|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*\'"""
    r"""|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n\r]*|[?$]\w+|[\w.-]*:[\w.:%\\-]*|\d[\w.]*)"""
    r"|(?P<word>[A-Za-z_]\w*)",
    re.S,
)


class QueryRefused(ValueError):
    """A query this endpoint does not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def vet(query: str) -> Form:
    """The query's form; :class:`QueryRefused` for SERVICE, an update or no query form.

    >>> vet("PREFIX s: <http://x/SERVICE> SELECT ?service WHERE { ?s s:SERVICE 'SERVICE' }")
    'SELECT'
    >>> vet("SELECT * { SERVIC\\\\u0045 <http://127.0.0.1:9/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    partnergraph.graph.publish.sparql.QueryRefused: SERVICE is refused: ...
    """
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    form: Form | None = None
    for match in _TOKEN.finditer(text):
        word = (match.group("word") or "").upper()
        if word == "SERVICE":
            raise QueryRefused(
                "SERVICE is refused: partnergraph never sends a query to another server"
            )
        if word in _UPDATE_WORDS and form is None:
            raise QueryRefused("this endpoint is read-only: updates are refused", 403)
        if word in _FORMS and form is None:
            form = word  # type: ignore[assignment]
    if form is None:
        raise QueryRefused("SPARQL syntax error: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    return form


def negotiate(accept: str, offered: dict[str, str], short: str | None = None) -> str | None:
    """The media type of ``offered`` that ``accept`` prefers (its first entry when any type
    will do), or None if none fits. ``short`` (``format=json``…) wins over the header when
    it names a format of ``offered``.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES)
    'application/sparql-results+xml'
    >>> negotiate("image/png", RESULT_TYPES) is None
    True
    """
    if short:
        wanted = _ALIASES.get(short.strip().lower(), short.strip().lower())
        for media, name in offered.items():
            if wanted in (name, media):
                return media
        if offered is RDF_TYPES and wanted in ("xml", "json"):  # SPARQLWrapper's names
            return "application/rdf+xml" if wanted == "xml" else "application/ld+json"
    choices: list[tuple[float, int, str]] = []
    for n, part in enumerate((accept or "*/*").split(",")):
        media, _, params = part.strip().partition(";")
        media = media.strip().lower()
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            choices.append((-q, n, media))
    for _, _, media in sorted(choices):
        if media in offered:
            return media
        if media in ("*/*", "*"):
            return next(iter(offered))
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
    return None


@dataclass(frozen=True)
class Job:
    """One query for a worker: its text, the dataset the request names (IRIs; empty: the
    store's own), the media type to answer in and the row limit. A job for a canned
    question names it (``query`` is then empty), its parameter values and the page's
    offset; ``max_rows`` is the page's length."""

    query: str
    media: str
    max_rows: int
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    base_iri: str | None = None
    question: str = ""
    values: tuple[tuple[str, str], ...] = ()
    offset: int = 0


@dataclass
class Answer:
    """What a worker sends back: an HTTP status, the body and its media type, and the row
    count when the answer was cut at the limit (0: whole)."""

    status: int
    body: bytes
    media: str = "text/plain; charset=utf-8"
    cut: int = 0
    rows: int = 0


class QueryTimeout(Exception):
    """A query ran past the time limit; its process was stopped."""


# ------------------------------------------------------------------ the worker process


def _worker_main(conn: Connection, store_path: str) -> None:  # pragma: no cover - a child
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    from partnergraph.graph.store.oxigraph import Store

    store = Store(store_path, read_only=True)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if job.question:
                answer = _question(store, job)
            else:
                answer = _evaluate(store.oxigraph, store.dataset(), job)
        except SyntaxError as exc:
            answer = Answer(400, f"SPARQL syntax error: {exc}".encode())
        except Exception as exc:  # an evaluation error is an answer, not a dropped line
            answer = Answer(500, f"the query failed: {type(exc).__name__}: {exc}".encode())
        conn.send(answer)


def _question(store: Any, job: Job) -> Answer:
    """A page of a canned question's answer as JSON: the rows, the answer's size, and
    whether the summary kept it."""
    from partnergraph import queries
    from partnergraph.graph.answers import ask

    try:
        query = queries.load(job.question)
        page = ask(store, query, dict(job.values), limit=job.max_rows, offset=job.offset)
    except KeyError as exc:
        return Answer(404, str(exc.args[0]).encode())
    except queries.ParamError as exc:
        return Answer(400, str(exc).encode())
    data = {
        "question": query.name,
        "title": query.title,
        "total": page.total,
        "offset": page.offset,
        "variables": list(page.result.variables),
        "rows": [list(row) for row in page.result.rows],
        "kept": page.kept,
    }
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Answer(200, body, "application/json", rows=len(page.result.rows))


def _evaluate(store: Any, dataset: dict[str, Any], job: Job) -> Answer:
    import pyoxigraph as ox

    from partnergraph.ontology import PREFIXES

    options = dict(dataset)
    if job.default_graphs:
        options = {"default_graph": [ox.NamedNode(g) for g in job.default_graphs]}
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    result = store.query(job.query, base_iri=job.base_iri, **options)
    if isinstance(result, ox.QueryBoolean):
        kind = ox.QueryResultsFormat.from_media_type(job.media)
        return Answer(200, result.serialize(format=kind) or b"", _charset(job.media), rows=1)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = list(itertools.islice(result, job.max_rows + 1))
        cut = job.max_rows if len(rows) > job.max_rows else 0
        rows = rows[: job.max_rows]
        data = {
            "head": {"vars": variables},
            "results": {
                "bindings": [
                    {v: _term(row[v]) for v in variables if row[v] is not None} for row in rows
                ]
            },
        }
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        name = RESULT_TYPES[job.media]
        if name != "json":
            kind = ox.QueryResultsFormat.from_media_type(job.media)
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            body = parsed.serialize(format=kind) or b""
        return Answer(200, body, _charset(job.media), cut=cut, rows=len(rows))
    triples = list(itertools.islice(result, job.max_rows + 1))
    cut = job.max_rows if len(triples) > job.max_rows else 0
    triples = triples[: job.max_rows]
    fmt = ox.RdfFormat.from_media_type(job.media) or ox.RdfFormat.N_TRIPLES
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    body = (ox.serialize(triples, format=fmt, prefixes=prefixes) or b"") if triples else b""
    if cut and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        body = f"# the answer was cut at {cut} triples\n".encode() + body
    return Answer(200, body, _charset(job.media), cut=cut, rows=len(triples))


def _charset(media: str) -> str:
    return media if media.endswith("xml") else f"{media}; charset=utf-8"


def _term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": str(term)}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


# ------------------------------------------------------------------ the pool


class _Worker:
    def __init__(self, store_path: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, store_path), daemon=True, name="sparql-worker"
        )
        self.process.start()
        child.close()

    def ask(self, job: Job, timeout: float) -> Answer:
        self.conn.send(job)
        if not self.conn.poll(timeout):
            self.stop()
            raise QueryTimeout
        try:
            answer: Answer = self.conn.recv()
        except (EOFError, OSError):
            self.stop()
            return Answer(500, b"the query process ended without an answer")
        return answer

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=10)
        self.conn.close()


class QueryPool:
    """``size`` worker processes over the store folder ``store_path`` (a generation).

    :meth:`ask` blocks (call it from a thread): it waits at most ``wait`` seconds for a free
    worker, then at most ``timeout`` seconds for the answer. The pids of live workers are in
    :attr:`pids` (tests check that a stopped query's process is gone).
    """

    def __init__(self, store_path: str, *, size: int = 2, timeout: float = 30.0) -> None:
        self.store_path = store_path
        self.timeout = timeout
        self._idle: list[_Worker] = [_Worker(store_path) for _ in range(max(1, size))]
        self._all = list(self._idle)
        self._free = threading.Semaphore(len(self._idle))
        self._lock = threading.Lock()

    @property
    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid or 0 for w in self._all if w.alive]

    def ask(self, job: Job, *, wait: float = 30.0) -> Answer:
        if not self._free.acquire(timeout=wait):
            return Answer(503, b"every query process is busy; try again shortly")
        with self._lock:
            worker = self._idle.pop()
        try:
            if not worker.alive:
                worker = self._replace(worker)
            try:
                return worker.ask(job, self.timeout)
            except QueryTimeout:
                worker = self._replace(worker)
                message = f"the query ran past the {self.timeout:g} s limit and was stopped"
                return Answer(503, message.encode())
        finally:
            with self._lock:
                self._idle.append(worker)
            self._free.release()

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        fresh = _Worker(self.store_path)
        with self._lock:
            self._all = [w for w in self._all if w is not worker] + [fresh]
        return fresh

    def close(self) -> None:
        with self._lock:
            workers, self._all, self._idle = self._all, [], []
        for worker in workers:
            worker.stop()
