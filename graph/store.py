"""Where the graph lives: one interface, backed by Oxigraph (pyoxigraph) on disk or in memory.

Each source document owns one named graph; writing a document replaces its graph in one
SPARQL Update transaction, and building the same documents again changes nothing. Queries
run over the union of the named graphs.

On disk, a store folder holds *generations*: ``DIR/current`` is a symbolic link to
``DIR/generations/N``. A build (:func:`staged`) starts a new generation as a cheap
hard-link checkpoint of the current one, writes into it, and switches the link in one
atomic rename when everything is written. Readers keep the generation they opened; a build
that is interrupted (Ctrl-C, ``kill -9``, a crash) leaves the current generation as it was,
and the next build clears the unfinished one away.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

__all__ = [
    "DEFAULT_STORE",
    "INFERRED_GRAPH",
    "STORE_ENV",
    "GraphStore",
    "QueryResult",
    "Store",
    "StoreError",
    "open_store",
    "staged",
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


class GraphStore(Protocol):
    """What the pipeline needs of a store: the embedded one or a remote SPARQL server."""

    path: Path | None

    def replace_graph(self, graph: str, ntriples: Iterable[str]) -> None: ...
    def replace_graph_bulk(self, graph: str, ntriples: bytes) -> None: ...
    def drop_graph(self, graph: str) -> None: ...
    def update(self, sparql: str) -> None: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...
    def select(self, sparql: str, *, inferred: bool = False) -> QueryResult: ...
    def graphs(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def quads(self) -> Iterator[ox.Quad]: ...
    def dump_nquads(self) -> bytes: ...
    def dump_graph_ntriples(self, graph: str) -> bytes: ...
    def load_nquads(self, data: bytes) -> None: ...


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

    def replace_graph_bulk(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph by N-Triples bytes, loaded in bulk (for large graphs)."""
        node = ox.NamedNode(graph)
        if self._store.contains_named_graph(node):
            self._store.remove_graph(node)
        self._store.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=node)

    def dump_nquads(self) -> bytes:
        """Every quad, as N-Quads."""
        return self.dump(ox.RdfFormat.N_QUADS)

    def dump_graph_ntriples(self, graph: str) -> bytes:
        """One named graph, as N-Triples."""
        return self.dump(ox.RdfFormat.N_TRIPLES, graph=graph)

    def load_nquads(self, data: bytes) -> None:
        """Add N-Quads in bulk."""
        self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)

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

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store underneath (for ``serve``)."""
        return self._store

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (one transaction)."""
        self._store.update(sparql)

    def select(self, sparql: str, *, inferred: bool = False) -> QueryResult:
        """Run a SELECT over the union of the named graphs (asserted only, unless ``inferred``).

        Bind parameters with :func:`partnergraph.queries.bound`, never by formatting.
        """
        options: dict[str, Any] = {"use_default_graph_as_union": True}
        if not inferred and self._store.contains_named_graph(ox.NamedNode(INFERRED_GRAPH)):
            graphs = self._store.named_graphs()
            asserted = [
                g for g in graphs if isinstance(g, ox.NamedNode) and g.value != INFERRED_GRAPH
            ]
            options = {"default_graph": asserted, "named_graphs": asserted}
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


def open_store(path: str | None, *, read_only: bool = False, memory: bool = False) -> GraphStore:
    """Open the store at ``path``, else ``$PARTNERGRAPH_STORE``, else ``.partnergraph/store``.

    A folder with generations opens its current one; a plain Oxigraph folder opens as is;
    an ``http(s)://`` address is a remote SPARQL server (Oxigraph server's endpoints).
    """
    if memory:
        return Store(None)
    remote = _remote(path)
    if remote is not None:
        return remote
    chosen = Path(path or os.environ.get(STORE_ENV) or DEFAULT_STORE)
    current = chosen / "current"
    if current.exists():
        return Store(current.resolve(), read_only=read_only)
    if read_only and not (chosen.exists() and any(chosen.iterdir())):
        raise StoreError(f"{chosen}: no store here yet; run 'partnergraph build PATH…' first")
    if not read_only and chosen.exists() and any(chosen.iterdir()) and not _is_oxigraph(chosen):
        raise StoreError(f"{chosen}: not a partnergraph store (the folder holds other files)")
    return Store(chosen, read_only=read_only)


def _is_oxigraph(folder: Path) -> bool:
    return (folder / "CURRENT").exists() or (folder / "generations").exists()


def _remote(path: str | None) -> GraphStore | None:
    chosen = path or os.environ.get(STORE_ENV) or ""
    if not chosen.startswith(("http://", "https://")):
        return None
    from .remote import Endpoints, RemoteStore

    timeout = float(os.environ.get("PARTNERGRAPH_SPARQL_TIMEOUT", "60"))
    return RemoteStore(Endpoints.oxigraph(chosen), timeout=timeout)


@contextmanager
def staged(path: str | None) -> Iterator[GraphStore]:
    """A new generation of the store at ``path`` to build into; made current only on success.

    The new generation starts as a hard-link checkpoint of the current one (so a build adds
    to what is there). If the block raises, or the process dies, the current generation is
    untouched; unfinished generations are removed by the next ``staged``.
    """
    remote = _remote(path)
    if remote is not None:  # each graph is replaced whole on the server; nothing to stage
        try:
            yield remote
        finally:
            remote.close()
        return
    root = Path(path or os.environ.get(STORE_ENV) or DEFAULT_STORE)
    if root.exists() and any(root.iterdir()) and not _is_oxigraph(root):
        raise StoreError(f"{root}: not a partnergraph store (the folder holds other files)")
    generations = root / "generations"
    generations.mkdir(parents=True, exist_ok=True)
    current_link = root / "current"
    current = current_link.resolve() if current_link.exists() else None
    for leftover in generations.iterdir():  # unfinished or superseded generations
        if current is None or leftover.resolve() != current:
            shutil.rmtree(leftover, ignore_errors=True)
    number = 1 + max((int(p.name) for p in generations.iterdir() if p.name.isdigit()), default=0)
    target = generations / f"{number:06d}"
    if current is not None:
        previous = Store(current, read_only=True)
        previous._store.backup(str(target))
        del previous
    elif (root / "CURRENT").exists():  # a plain Oxigraph folder from before generations
        raise StoreError(f"{root}: an old-layout store; build into a new folder")
    store = Store(target)
    try:
        yield store
        store.flush()
    except BaseException:
        store.close()
        shutil.rmtree(target, ignore_errors=True)
        raise
    store.close()
    link = root / f".current.{number}"
    link.unlink(missing_ok=True)
    link.symlink_to(Path("generations") / target.name)
    os.replace(link, current_link)  # the atomic switch; the old generation stays for readers
    # that still have it open, and goes at the start of the next build
