"""Where the graph lives: one interface, backed by Oxigraph (pyoxigraph) on disk or in memory.

Each source document owns one named graph; writing a document replaces its graph in one
SPARQL Update transaction, so a reader never sees half a document and building the same
documents again changes nothing. Queries run over the union of all named graphs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

__all__ = [
    "DEFAULT_STORE",
    "INFERRED_GRAPH",
    "STORE_ENV",
    "QueryResult",
    "Store",
    "StoreError",
    "open_store",
]

STORE_ENV = "PARTNERGRAPH_STORE"
#: The named graph of reasoning's consequences (see :mod:`partnergraph.graph.reason`).
INFERRED_GRAPH = "https://w3id.org/partnergraph/graph/inferred"
DEFAULT_STORE = ".partnergraph/store"


class StoreError(Exception):
    """The store cannot be opened or written; the message says which and why."""


@dataclass(frozen=True)
class QueryResult:
    """Rows of a SELECT: variable names and values (rdflib-free, plain Python strings)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]

    def dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


def _plain(term: Any) -> str | None:
    if term is None:
        return None
    return str(term.value)


class Store:
    """The partnergraph store over pyoxigraph (``path=None`` keeps it in memory)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc

    # -------------------------------------------------------------- writing

    def replace_graph(self, graph: str, ntriples: Iterable[str]) -> None:
        """Replace one named graph by the given N-Triples lines, atomically."""
        body = "\n".join(ntriples)
        update = f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"
        self._store.update(update)

    def drop_graph(self, graph: str) -> None:
        """Remove one named graph and everything in it."""
        self._store.update(f"DROP SILENT GRAPH <{graph}>")

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()

    # -------------------------------------------------------------- reading

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._store)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (one transaction)."""
        self._store.update(sparql)

    def select(self, sparql: str, *, inferred: bool = False) -> QueryResult:
        """Run a SELECT over the union of the named graphs (asserted only, unless ``inferred``).

        Bind parameters with :func:`partnergraph.queries.bound`, never by formatting.
        """
        graphs = [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]
        if not inferred and ox.NamedNode(INFERRED_GRAPH) in graphs:
            asserted: Any = [g for g in graphs if g.value != INFERRED_GRAPH]
            options: dict[str, Any] = {"default_graph": asserted, "named_graphs": asserted}
        else:
            options = {"use_default_graph_as_union": True}
        try:
            result = self._store.query(sparql, **options)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {exc}") from exc
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_plain(sol[v]) for v in variables) for sol in result)
        return QueryResult(variables, rows)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store."""
        return iter(self._store.quads_for_pattern(None, None, None, None))

    def dump(self, fmt: ox.RdfFormat, *, graph: str | None = None) -> bytes:
        """Serialise one graph or the whole dataset with Oxigraph's writer."""
        if graph is not None:
            data = self._store.dump(format=fmt, from_graph=ox.NamedNode(graph))
        else:
            data = self._store.dump(format=fmt)
        assert data is not None  # no output file given: the bytes are returned
        return bytes(data)

    def close(self) -> None:
        self.flush()
        del self._store


def open_store(path: str | None, *, read_only: bool = False, memory: bool = False) -> Store:
    """Open the store at ``path``, else ``$PARTNERGRAPH_STORE``, else ``.partnergraph/store``."""
    if memory:
        return Store(None)
    chosen = path or os.environ.get(STORE_ENV) or DEFAULT_STORE
    if read_only and not Path(chosen).exists():
        raise StoreError(f"{chosen}: no store here yet; run 'partnergraph build PATH…' first")
    return Store(chosen, read_only=read_only)
