"""A remote SPARQL 1.1 server as the store (Query, Update, Graph Store Protocol).

Writes push each document's named graph as N-Triples with the Graph Store Protocol: the
lines go in chunks to a staging graph, then one SPARQL Update request takes the graph's
old facts out of the union, ``MOVE``-s the staging graph in place and puts the new facts
in the union, so a reader never sees half a graph and a failure leaves the old graph whole.
Queries go by GET (or form POST when long, never a direct POST) with an explicit ``Accept``
for SPARQL JSON results, over the union. Every request has a timeout; credentials (basic or
digest) are optional.

Two servers are known and tested: Oxigraph server (``/query``, ``/update``, ``/store``; the
union lives in its default graph, as in the embedded store) and Virtuoso (``/sparql``,
``/sparql-graph-crud``, or their ``-auth`` forms with digest credentials; Virtuoso has no
default graph of its own, so the union is the named graph :data:`.graphs.UNION`, named in
every query with ``default-graph-uri``). Any other SPARQL 1.1 server can be described by
its three endpoints (:class:`Endpoints`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from partnergraph.ontology import PG

from .base import QueryResult, StoreError, in_parts, sorted_ntriples
from .graphs import (
    INFERRED,
    OWN_PREFIX,
    STAGING_SUFFIX,
    UNION,
    asserted,
    asserted_filter,
    unioned_filter,
)

__all__ = ["CHUNK_LINES", "Endpoints", "RemoteStore"]

#: N-Triples lines sent in one request.
CHUNK_LINES = 20_000
_JSON = "application/sparql-results+json"
_GET_LIMIT = 1800  # longer queries go by form POST


@dataclass(frozen=True)
class Endpoints:
    """Where a server takes queries, updates and Graph Store Protocol requests, and how.

    ``union_graph`` is the named graph that holds the union of the asserted graphs, or
    ``None`` where the server's default graph holds it; ``rdf_type`` is the media type of
    N-Triples bodies the server accepts; ``dataset_dump`` says whether a Graph Store
    Protocol GET without ``graph`` returns every graph as N-Quads (Oxigraph) or not."""

    query: str
    update: str
    store: str
    union_graph: str | None = None
    rdf_type: str = "application/n-triples"
    dataset_dump: bool = True

    @classmethod
    def oxigraph(cls, base: str) -> Endpoints:
        base = base.rstrip("/")
        return cls(f"{base}/query", f"{base}/update", f"{base}/store")

    @classmethod
    def virtuoso(cls, base: str, *, authenticated: bool = False) -> Endpoints:
        """Virtuoso's endpoints; ``authenticated`` picks ``/sparql-auth`` and
        ``/sparql-graph-crud-auth`` (digest credentials)."""
        base = base.rstrip("/")
        auth = "-auth" if authenticated else ""
        return cls(
            f"{base}/sparql{auth}",
            f"{base}/sparql{auth}",
            f"{base}/sparql-graph-crud{auth}",
            union_graph=UNION,
            rdf_type="text/turtle",  # N-Triples is Turtle; Virtuoso 7 knows the latter
            dataset_dump=False,
        )


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
        """Replace one named graph: chunks into a staging graph, then one update request
        that moves it in place and keeps the union right."""
        staging = f"{graph}{STAGING_SUFFIX}"
        self._update(f"DROP SILENT GRAPH <{staging}>")
        headers = {"Content-Type": self.endpoints.rdf_type}
        for chunk in in_parts(ntriples, CHUNK_LINES):
            body = ("\n".join(chunk) + "\n").encode("utf-8")
            self._request(
                "POST", self.endpoints.store, params={"graph": staging}, data=body, headers=headers
            )
        move = f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>"
        if not asserted(graph):
            self._update(move)
            return
        self._update(
            f"{self._union_delete(graph, staging)} ;\n{move} ;\n"
            f"INSERT {{ {self._in_union('?s ?p ?o')} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o "
            f"FILTER{unioned_filter('?s', f'<{graph}>')} }} }}"
        )

    def _in_union(self, pattern: str) -> str:
        union = self.endpoints.union_graph
        return pattern if union is None else f"GRAPH <{union}> {{ {pattern} }}"

    def _union_delete(self, graph: str, staging: str | None = None) -> str:
        """An update that takes out of the union what only ``graph`` says (and ``staging``,
        the graph's next content, does not)."""
        keep = f"FILTER NOT EXISTS {{ GRAPH <{staging}> {{ ?s ?p ?o }} }} " if staging else ""
        return (
            f"DELETE {{ {self._in_union('?s ?p ?o')} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"{keep}FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
            f"FILTER{asserted_filter('?h', graph)} }} }}"
        )

    def replace_graph_bulk(self, graph: str, ntriples: bytes) -> None:
        self.replace_graph(graph, ntriples.decode("utf-8").splitlines())

    def drop_graph(self, graph: str) -> None:
        drop = f"DROP SILENT GRAPH <{graph}>"
        self._update(f"{self._union_delete(graph)} ;\n{drop}" if asserted(graph) else drop)

    def update(self, sparql: str, *, union: bool = True) -> None:
        """Run a SPARQL Update; then compute the union afresh, unless ``union=False``."""
        self._update(sparql)
        if union:
            self.rebuild_union()

    def rebuild_union(self) -> None:
        """Compute the union afresh from the asserted graphs (one request): partnergraph's
        own and the documents' (they state their ``pg:sourcePath``), not the server's own
        (Virtuoso's system graphs)."""
        union = self.endpoints.union_graph
        drop = "DROP SILENT DEFAULT" if union is None else f"DROP SILENT GRAPH <{union}>"
        ours = (
            f'(STRSTARTS(STR(?g), "{OWN_PREFIX}") '
            f"|| EXISTS {{ GRAPH ?g {{ ?g <{PG.sourcePath}> ?path }} }})"
        )
        self._update(
            f"{drop} ;\nINSERT {{ {self._in_union('?s ?p ?o')} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER({asserted_filter('?g')} && {unioned_filter('?s', '?g')} && {ours}) }}"
        )

    def _update(self, sparql: str) -> None:
        self._request("POST", self.endpoints.update, data={"update": sparql})

    def flush(self) -> None:
        """Nothing to flush: every request is done when it returns."""

    def optimize(self) -> None:
        """Nothing to do: the server keeps its own files."""

    def close(self) -> None:
        self.session.close()

    # -------------------------------------------------------------- reading

    def ask(self, sparql: str, *, inferred: bool = False) -> bool:
        """An ASK over the union of the asserted graphs (and the inferred graph, if asked)."""
        response = self._query(sparql, inferred, _JSON)
        try:
            return bool(response.json()["boolean"])
        except (ValueError, KeyError) as exc:
            raise StoreError(f"{self.endpoints.query}: not a SPARQL boolean result") from exc

    def construct(self, sparql: str, *, inferred: bool = False) -> bytes:
        """A CONSTRUCT or DESCRIBE; the triples as N-Triples, sorted."""
        import pyoxigraph as ox

        response = self._query(sparql, inferred, "application/n-triples")
        try:
            return sorted_ntriples(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError as exc:
            raise StoreError(f"{self.endpoints.query}: not N-Triples: {exc}") from exc

    def select(self, sparql: str, *, inferred: bool = False) -> QueryResult:
        """A SELECT over the union of the asserted graphs (and the inferred graph, if asked)."""
        response = self._query(sparql, inferred, _JSON)
        try:
            data = response.json()
            variables = tuple(data["head"]["vars"])
            bindings = data["results"]["bindings"]
        except (ValueError, KeyError) as exc:
            raise StoreError(f"{self.endpoints.query}: not SPARQL JSON results") from exc
        rows = tuple(tuple(_value(b.get(v)) for v in variables) for b in bindings)
        return QueryResult(variables, rows)

    def select_text(self, sparql: str) -> Iterator[tuple[str, ...]]:
        """A SELECT's rows as plain text: IRIs and literals' lexical forms, "" unbound."""
        return (tuple(v or "" for v in row) for row in self.select(sparql).rows)

    def _query(self, sparql: str, inferred: bool, accept: str) -> Any:
        params: dict[str, str | list[str]] = {"query": sparql}
        union = self.endpoints.union_graph
        if inferred:
            if union is None:
                raise StoreError(
                    f"{self.endpoints.query}: --inferred is not offered on this server "
                    "(its default graph holds the union; query the inferred graph by name)"
                )
            params["default-graph-uri"] = [union, INFERRED]
        elif union is not None:
            params["default-graph-uri"] = union
        headers = {"Accept": accept}
        if len(sparql) < _GET_LIMIT:
            return self._request("GET", self.endpoints.query, params=params, headers=headers)
        return self._request("POST", self.endpoints.query, data=params, headers=headers)

    def graphs(self) -> list[str]:
        """partnergraph's named graphs on the server, sorted: the documents' graphs (they
        state their ``pg:sourcePath``) and partnergraph's own; not the union or staging
        graphs, nor the server's own (Virtuoso keeps system graphs)."""
        every = self._column("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        documents = set(self._column(f"SELECT DISTINCT ?g WHERE {{ ?g <{PG.sourcePath}> ?p }}"))
        return sorted(
            g
            for g in every
            if (g in documents or g.startswith(OWN_PREFIX))
            and g != self.endpoints.union_graph
            and not g.endswith(STAGING_SUFFIX)
        )

    def _column(self, sparql: str) -> list[str]:
        return [str(r[0]) for r in self.select(sparql).rows if r[0]]

    def __len__(self) -> int:
        """Quads in partnergraph's named graphs."""
        rows = self.select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        ).rows
        ours = set(self.graphs())
        return sum(int(n or 0) for g, n in rows if g in ours)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of partnergraph's named graphs."""
        if self.endpoints.dataset_dump:
            response = self._request(
                "GET", self.endpoints.store, headers={"Accept": "application/n-quads"}
            )
            ours = set(self.graphs())
            parsed = ox.parse(response.content, format=ox.RdfFormat.N_QUADS)
            return (q for q in parsed if getattr(q.graph_name, "value", None) in ours)
        return (quad for graph in self.graphs() for quad in self._graph_quads(graph))

    def _graph_quads(self, graph: str) -> Iterator[ox.Quad]:
        response = self._request(
            "GET",
            self.endpoints.store,
            params={"graph": graph},
            headers={"Accept": f"application/n-triples, {self.endpoints.rdf_type};q=0.9"},
        )
        kind = (response.headers.get("Content-Type") or "").split(";")[0].strip()
        fmt = ox.RdfFormat.N_TRIPLES if kind == "application/n-triples" else ox.RdfFormat.TURTLE
        node = ox.NamedNode(graph)
        for q in ox.parse(response.content, format=fmt):
            yield ox.Quad(q.subject, q.predicate, q.object, node)

    def dump_nquads(self) -> bytes:
        return bytes(ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS) or b"")

    def dump_graph_ntriples(self, graph: str) -> bytes:
        triples = (q.triple for q in self._graph_quads(graph))
        return bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")


def _value(binding: dict[str, str] | None) -> str | None:
    return None if binding is None else binding.get("value")


def _reason(exc: Exception) -> str:
    text = str(exc)
    for hint in ("Connection refused", "Name or service not known", "timed out"):
        if hint in text:
            return hint.lower()
    return type(exc).__name__
