"""Where the graph lives: one interface, backed by Oxigraph (pyoxigraph) on disk or in memory.

Each source document owns one named graph; writing a document replaces its graph (only the
triples that changed are written), and building the same documents again changes nothing.

The store's default graph is the *set* union of the asserted named graphs, kept up to date
by every write (a triple stays there while any named graph still says it); queries run over
it. Oxigraph's own "union default graph" is a bag: a fact that a thousand documents repeat
(an organisation's name, its country) would join a thousand times, which makes questions
over many documents slow. ``GRAPH ?g`` patterns range over the named graphs themselves.

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
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

__all__ = [
    "CONFIG_ENV",
    "CONFIG_FILE",
    "DEFAULT_STORE",
    "INFERRED_GRAPH",
    "STORE_ENV",
    "UNION_GRAPH",
    "GraphStore",
    "QueryResult",
    "Store",
    "StoreError",
    "asserted",
    "asserted_filter",
    "open_store",
    "staged",
]

STORE_ENV = "PARTNERGRAPH_STORE"
#: The named graph of reasoning's consequences (see :mod:`partnergraph.graph.reason`).
INFERRED_GRAPH = "https://w3id.org/partnergraph/graph/inferred"
#: Where a server with no default graph of its own (Virtuoso) keeps the union of the
#: asserted graphs; Oxigraph keeps it in its default graph.
UNION_GRAPH = "https://w3id.org/partnergraph/graph/union"
#: Named graphs that are not assertions of their own (left out of the union and of exports).
VIEW_GRAPHS = frozenset({UNION_GRAPH, INFERRED_GRAPH})
#: Quads held back before one bulk write (a transaction per document is slow in RocksDB).
_BUFFER_QUADS = 200_000
STAGING_SUFFIX = "#partnergraph-staging"
DEFAULT_STORE = ".partnergraph/store"
CONFIG_ENV = "PARTNERGRAPH_CONFIG"
CONFIG_FILE = "partnergraph.toml"


def asserted(graph: str) -> bool:
    """Whether the named graph holds assertions (not the union, inferred or staging graphs)."""
    return graph not in VIEW_GRAPHS and not graph.endswith(STAGING_SUFFIX)


def asserted_filter(var: str, *also_not: str) -> str:
    """:func:`asserted` as a SPARQL expression on the graph variable ``var``, leaving out
    the graphs ``also_not`` too."""
    skip = ", ".join(f"<{g}>" for g in (*sorted(VIEW_GRAPHS), *also_not))
    return f'({var} NOT IN ({skip}) && !STRENDS(STR({var}), "{STAGING_SUFFIX}"))'


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
    def update(self, sparql: str, *, union: bool = True) -> None: ...
    def flush(self) -> None: ...
    def optimize(self) -> None: ...
    def close(self) -> None: ...
    def select(self, sparql: str, *, inferred: bool = False) -> QueryResult: ...
    def graphs(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def quads(self) -> Iterator[ox.Quad]: ...
    def dump_nquads(self) -> bytes: ...
    def dump_graph_ntriples(self, graph: str) -> bytes: ...


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
        self._read_only = read_only
        self._datasets: dict[bool, dict[str, Any]] = {}  # query options of a read-only store
        self._pending: list[str] = []  # N-Quads text
        self._pending_lines = 0
        self._pending_graphs: set[str] = set()
        self._loading: threading.Thread | None = None  # a bulk load in progress
        self._loading_graphs: set[str] = set()
        self._load_error: Exception | None = None

    # -------------------------------------------------------------- writing

    def replace_graph(self, graph: str, ntriples: Iterable[str]) -> None:
        """Replace one named graph by the given N-Triples lines (and keep the union right)."""
        data = "\n".join(ntriples).strip("\n")
        if not (self._is_new(graph) and self._add_new(graph, data)):
            try:
                self._replace(graph, ox.parse(data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
            except SyntaxError as exc:
                raise StoreError(f"<{graph}>: not N-Triples: {exc}") from exc

    def replace_graph_bulk(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph by N-Triples bytes, loaded in bulk (for large graphs)."""
        self._replace(graph, ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))

    def _is_new(self, graph: str) -> bool:
        """Whether the store has no graph of that name, written or on its way."""
        if graph in self._pending_graphs or graph in self._loading_graphs:
            return False
        return not self._store.contains_named_graph(ox.NamedNode(graph))

    def _add_new(self, graph: str, text: str) -> bool:
        """A graph the store does not hold: its lines go to the bulk buffer as they are (no
        difference to compute; Oxigraph's loader checks them). Done with string operations
        on the whole text, as this runs for every document of a build. False if the text is
        not one triple per line each ending in " ." (then the caller parses it)."""
        if not text:
            return True
        body = text + "\n"
        lines = body.count("\n")
        if body.count(" .\n") != lines:  # a comment, a blank line, other spacing
            return False
        quads = body.replace(" .\n", f" <{graph}> .\n")
        if asserted(graph):
            self._hold(graph, [quads, body], 2 * lines)
        else:
            self._hold(graph, [quads], lines)
        return True

    def _hold(self, graph: str, nquads: list[str], count: int) -> None:
        """Buffer ``count`` quads of ``graph`` (N-Quads text) for the next bulk load; load in
        the background once the buffer is full."""
        self._pending.extend(nquads)
        self._pending_graphs.add(graph)
        self._pending_lines += count
        if self._pending_lines >= _BUFFER_QUADS:
            self._write_pending(wait=False)

    def _replace(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Write the difference between the graph's old and new triples; a triple leaves the
        union when no other asserted graph still holds it.

        Additions are held back and written in bulk (:meth:`_write_pending`, before any read);
        removals happen at once, which is safe: an addition held back wins over a removal."""
        node = ox.NamedNode(graph)
        if graph in self._pending_graphs or graph in self._loading_graphs:
            self._write_pending()
        new = {q.triple for q in quads}
        old = {q.triple for q in self._store.quads_for_pattern(None, None, None, node)}
        added, removed = new - old, old - new
        union = ox.DefaultGraph()
        in_union = asserted(graph)
        for t in removed:
            self._store.remove(ox.Quad(t.subject, t.predicate, t.object, node))
            if in_union and not self._held_elsewhere(t):
                self._store.remove(ox.Quad(t.subject, t.predicate, t.object, union))
        if added:
            lines = [f"{t} <{graph}> .\n" for t in added]
            if in_union:
                lines += [f"{t} .\n" for t in added]
            self._hold(graph, lines, len(lines))
        if not new and self._store.contains_named_graph(node):
            self._store.remove_graph(node)

    def _held_elsewhere(self, triple: ox.Triple) -> bool:
        """Whether an asserted named graph holds the triple (the one it left, no longer)."""
        self._wait_loading()  # a triple on its way counts
        for quad in self._store.quads_for_pattern(triple.subject, triple.predicate, triple.object):
            name = quad.graph_name
            if isinstance(name, ox.NamedNode) and asserted(name.value):
                return True
        return False

    def _write_pending(self, *, wait: bool = True) -> None:
        """Load the buffered quads in bulk. With ``wait=False`` (the buffer is full, nothing
        is read next) the load runs in a thread while the next quads are prepared; Oxigraph
        releases the interpreter meanwhile. At most one load runs at a time."""
        self._wait_loading()
        if self._pending:
            data = "".join(self._pending).encode("utf-8")
            graphs = self._pending_graphs
            self._pending, self._pending_graphs, self._pending_lines = [], set(), 0
            if wait:
                self._load(data)
                self._wait_loading()  # raises what the load raised
            else:
                self._loading_graphs = graphs
                self._loading = threading.Thread(target=self._load, args=(data,), daemon=True)
                self._loading.start()
        else:
            self._pending_graphs = set()

    def _load(self, data: bytes) -> None:
        try:
            self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            self._load_error = exc

    def _wait_loading(self) -> None:
        """Wait for the load in progress, if any; raise what it raised."""
        if self._loading is not None:
            self._loading.join()
            self._loading, self._loading_graphs = None, set()
        if self._load_error is not None:
            error, self._load_error = self._load_error, None
            raise StoreError(f"{self.path or 'the store'}: writing failed: {error}") from error

    def rebuild_union(self) -> None:
        """Compute the union (the default graph) afresh from the asserted graphs."""
        self._write_pending()
        self._store.update(
            f"DROP SILENT DEFAULT ; INSERT {{ ?s ?p ?o }} "
            f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER{asserted_filter('?g')} }}"
        )

    def dump_nquads(self) -> bytes:
        """The whole dataset as N-Quads, the union (the default graph) included."""
        self._write_pending()
        data = self._store.dump(format=ox.RdfFormat.N_QUADS)
        assert data is not None  # no output file given: the bytes are returned
        return bytes(data)

    def dump_graph_ntriples(self, graph: str) -> bytes:
        """One named graph, as N-Triples."""
        return self.dump(ox.RdfFormat.N_TRIPLES, graph=graph)

    def drop_graph(self, graph: str) -> None:
        """Remove one named graph and everything in it."""
        self._replace(graph, ())

    def flush(self) -> None:
        self._write_pending()
        if self.path is not None:
            self._store.flush()

    def optimize(self) -> None:
        """Compact the store's files (RocksDB) after a large write: bulk loads leave many
        small files, and questions read fewer once they are merged (2–3× faster at 10k
        projects)."""
        self.flush()
        if self.path is not None:
            self._store.optimize()

    # -------------------------------------------------------------- reading

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        self._write_pending()
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        """Quads in the named graphs (the union's copies in the default graph not counted)."""
        self._write_pending()
        result = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(result, ox.QuerySolutions)
        return len(self._store) - int(next(iter(result))["n"].value)

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store underneath (for ``serve``)."""
        self._write_pending()
        return self._store

    def update(self, sparql: str, *, union: bool = True) -> None:
        """Run a SPARQL Update (one transaction); then compute the union afresh, unless
        ``union=False`` says the update touches no asserted graph."""
        self._write_pending()
        self._store.update(sparql)
        if union:
            self.rebuild_union()

    def select(self, sparql: str, *, inferred: bool = False) -> QueryResult:
        """Run a SELECT over the asserted facts (and the inferred ones, if ``inferred``).

        Bind parameters with :func:`partnergraph.queries.bound`, never by formatting.
        """
        try:
            result = self._store.query(sparql, **self.dataset(inferred=inferred))
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {exc}") from exc
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_plain(sol[v]) for v in variables) for sol in result)
        return QueryResult(variables, rows)

    def dataset(self, *, inferred: bool = False) -> dict[str, Any]:
        """pyoxigraph query options: the union (and the inferred graph) as default graph.

        A store written before the union existed is queried as it was then: over the union
        of all named graphs (a bag, slower)."""
        if self._read_only and inferred in self._datasets:  # it cannot change: ask once
            return self._datasets[inferred]
        self._write_pending()
        options: dict[str, Any] = {}
        inferred_node = ox.NamedNode(INFERRED_GRAPH)
        if _empty(self._store, ox.DefaultGraph()):
            options = {"use_default_graph_as_union": True}
        elif inferred and self._store.contains_named_graph(inferred_node):
            options = {"default_graph": [ox.DefaultGraph(), inferred_node]}
        if self._read_only:
            self._datasets[inferred] = options
        return options

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the named graphs (not the union's copies in the default graph)."""
        self._write_pending()
        return (
            q
            for q in self._store.quads_for_pattern(None, None, None)
            if not isinstance(q.graph_name, ox.DefaultGraph)
        )

    def dump(self, fmt: ox.RdfFormat, *, graph: str) -> bytes:
        """Serialise one named graph with Oxigraph's writer."""
        self._write_pending()
        data = self._store.dump(format=fmt, from_graph=ox.NamedNode(graph))
        assert data is not None  # no output file given: the bytes are returned
        return bytes(data)

    def close(self) -> None:
        self.flush()
        del self._store

    def discard(self) -> None:
        """Close without writing what is buffered (the caller throws the store away)."""
        if self._loading is not None:
            self._loading.join()
        self._loading, self._pending, self._pending_lines = None, [], 0
        self._load_error = None
        del self._store


def _empty(store: ox.Store, graph: ox.DefaultGraph) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, graph)), None) is None


def open_store(path: str | None, *, read_only: bool = False, memory: bool = False) -> GraphStore:
    """Open the store at ``path``, else ``$PARTNERGRAPH_STORE``, else ``.partnergraph/store``.

    A folder with generations opens its current one; a plain Oxigraph folder opens as is;
    an ``http(s)://`` address is a remote SPARQL server (Oxigraph server's endpoints).
    """
    if memory:
        return Store(None)
    location, settings = store_location(path)
    remote = _remote(location, settings)
    if remote is not None:
        return remote
    chosen = Path(location)
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


def store_location(path: str | None) -> tuple[str, dict[str, Any]]:
    """Where the store is, and the ``[store]`` settings that go with it: ``path`` if given,
    else ``$PARTNERGRAPH_STORE``, else ``location`` in the config file
    (``$PARTNERGRAPH_CONFIG``, else ``./partnergraph.toml``), else ``.partnergraph/store``."""
    if path:
        return path, {}
    if os.environ.get(STORE_ENV):
        return os.environ[STORE_ENV], {}
    settings = load_config()
    return str(settings.get("location") or DEFAULT_STORE), settings


def load_config() -> dict[str, Any]:
    """The ``[store]`` table of the config file (empty if there is no file)."""
    import tomllib

    named = os.environ.get(CONFIG_ENV)
    file = Path(named or CONFIG_FILE)
    if not file.is_file():
        if named:
            raise StoreError(f"{file}: no such config file (${CONFIG_ENV})")
        return {}
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(f"{file}: not a valid TOML config file: {exc}") from exc
    table = data.get("store", {})
    if not isinstance(table, dict):
        raise StoreError(f"{file}: [store] must be a table")
    known = {"location", "kind", "query", "update", "graph-store", "union-graph", "user",
             "password-env", "auth", "timeout"}  # fmt: skip
    unknown = sorted(set(table) - known)
    if unknown:
        raise StoreError(f"{file}: unknown [store] setting {', '.join(unknown)}")
    return table


#: Address schemes: plain http(s) is an Oxigraph server.
_SCHEMES = {
    "http": "oxigraph",
    "https": "oxigraph",
    **{
        f"{kind}+{web}": kind
        for kind in ("oxigraph", "virtuoso", "sparql")
        for web in ("http", "https")
    },
}


def _remote(location: str, settings: dict[str, Any]) -> GraphStore | None:
    scheme, sep, rest = location.partition("://")
    if not sep or scheme not in _SCHEMES:
        return None
    from .remote import Endpoints, RemoteStore

    base = f"{scheme.rsplit('+', 1)[-1]}://{rest}"
    kind = str(settings.get("kind") or _SCHEMES[scheme])
    user = settings.get("user") or os.environ.get("PARTNERGRAPH_SPARQL_USER")
    password_env = str(settings.get("password-env") or "PARTNERGRAPH_SPARQL_PASSWORD")
    auth = str(settings.get("auth") or os.environ.get("PARTNERGRAPH_SPARQL_AUTH") or "basic")
    if auth not in ("basic", "digest"):
        raise StoreError(f"{location}: auth must be basic or digest, not {auth!r}")
    if kind == "virtuoso":
        endpoints = Endpoints.virtuoso(base, authenticated=bool(user))
    elif kind == "oxigraph":
        endpoints = Endpoints.oxigraph(base)
    elif kind == "sparql":
        missing = [k for k in ("query", "update", "graph-store") if not settings.get(k)]
        if missing:
            raise StoreError(f"{location}: a SPARQL server needs {', '.join(missing)} in [store]")
        endpoints = Endpoints(
            str(settings["query"]), str(settings["update"]), str(settings["graph-store"]),
            union_graph=settings.get("union-graph"), dataset_dump=False,
        )  # fmt: skip
    else:
        raise StoreError(f"{location}: unknown kind of server {kind!r}")
    timeout = float(settings.get("timeout") or os.environ.get("PARTNERGRAPH_SPARQL_TIMEOUT") or 60)
    return RemoteStore(
        endpoints, timeout=timeout, user=str(user) if user else None,
        password=os.environ.get(password_env), digest=auth == "digest",
    )  # fmt: skip


@contextmanager
def staged(path: str | None) -> Iterator[GraphStore]:
    """A new generation of the store at ``path`` to build into; made current only on success.

    The new generation starts as a hard-link checkpoint of the current one (so a build adds
    to what is there). If the block raises, or the process dies, the current generation is
    untouched; unfinished generations are removed by the next ``staged``.
    """
    location, settings = store_location(path)
    remote = _remote(location, settings)
    if remote is not None:  # each graph is replaced whole on the server; nothing to stage
        try:
            yield remote
        finally:
            remote.close()
        return
    root = Path(location)
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
        store.discard()
        shutil.rmtree(target, ignore_errors=True)
        raise
    store.close()
    link = root / f".current.{number}"
    link.unlink(missing_ok=True)
    link.symlink_to(Path("generations") / target.name)
    os.replace(link, current_link)  # the atomic switch; the old generation stays for readers
    # that still have it open, and goes at the start of the next build
