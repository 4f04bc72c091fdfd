"""What every store offers: the :class:`GraphStore` protocol, :class:`QueryResult`,
:class:`StoreError`. No backend is imported here; :mod:`.open` picks one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pyoxigraph as ox

__all__ = ["GraphStore", "QueryResult", "StoreError", "in_parts", "sorted_ntriples"]


class StoreError(Exception):
    """The store cannot be opened or written; the message says which and why."""


@dataclass(frozen=True)
class QueryResult:
    """Rows of a SELECT: variable names and values (rdflib-free, plain Python strings)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]

    def dicts(self) -> list[dict[str, str | None]]:
        """The rows as dictionaries, variable → value."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (pandas is not a dependency: install it to use
        this)."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "to_pandas() needs pandas: pip install pandas (or use .dicts())"
            ) from None
        return pandas.DataFrame(list(self.rows), columns=list(self.variables))

    def _repr_html_(self) -> str:
        """A notebook's view: an HTML table of the first 50 rows (values escaped)."""
        from html import escape

        head = "".join(f"<th>{escape(v)}</th>" for v in self.variables)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c or '')}</td>" for c in row) + "</tr>"
            for row in self.rows[:50]
        )
        more = f"<p>{len(self.rows)} rows (the first 50 shown)</p>" if len(self.rows) > 50 else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


T = TypeVar("T")


def in_parts(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` a list of ``size`` at a time (the last one shorter)."""
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


def sorted_ntriples(triples: Iterable[ox.Triple]) -> bytes:
    """Triples as N-Triples, one line each, sorted and without repeats (a CONSTRUCT's answer,
    the same bytes whatever the store)."""
    lines = sorted({f"{t.subject} {t.predicate} {t.object} ." for t in triples})
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


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
    def select_text(self, sparql: str) -> Iterator[tuple[str, ...]]: ...
    def ask(self, sparql: str, *, inferred: bool = False) -> bool: ...
    def construct(self, sparql: str, *, inferred: bool = False) -> bytes: ...
    def graphs(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def quads(self) -> Iterator[ox.Quad]: ...
    def dump_nquads(self) -> bytes: ...
    def dump_graph_ntriples(self, graph: str) -> bytes: ...
