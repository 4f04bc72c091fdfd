"""Answers to questions a page at a time: read from the summary when the build keeps the
question's answer there, else computed by the question's SPARQL and cut to the page."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from partnergraph import queries

from .lookups import SOURCES_VARIABLES, cooperation_sources, named, partners
from .store import GraphStore, QueryResult, Store
from .summary import (
    PARTNERS_VARIABLES,
    SUMMARISED,
    Row,
    partner_rows,
    read_rows,
    row_count,
)

__all__ = ["Answers", "Page", "ask", "how_answered"]


@dataclass(frozen=True)
class Page:
    """Rows of an answer: ``result`` holds rows ``offset + 1`` … of ``total``; ``kept`` says
    they were read from the summary, ``looked_up`` computed by index look-ups (else the
    question's SPARQL computed them)."""

    result: QueryResult
    total: int
    offset: int
    kept: bool
    looked_up: bool = False

    @property
    def end(self) -> int:
        """The number of the last row shown (``offset`` when none is)."""
        return self.offset + len(self.result.rows)


def ask(
    store: GraphStore,
    query: queries.Query,
    values: Mapping[str, str] | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    inferred: bool = False,
) -> Page:
    """The rows ``offset`` to ``offset + limit`` (all from ``offset`` without a limit) of
    a SELECT question's answer, its list columns sorted, and the answer's size. A shipped
    question asked without parameters whose answer the summary keeps is read from it (only
    the pages shown); anything else runs its SPARQL, with ``values`` bound as RDF terms.
    With ``inferred``, a column ``inferred`` marks rows that reasoning adds."""
    values = dict(values or {})
    if not values and not inferred and _kept(query):
        total = row_count(store, query.name)
        if total is not None:
            kept = read_rows(store, query.name, limit=limit, offset=offset, total=total)
            return Page(kept, total, offset, True)
    looked_up = _looked_up(store, query, values, inferred)
    if looked_up is not None and query.name == "partners":
        page = _partners_kept(store, values["org"], limit, offset)
        if page is not None:
            return page
    if looked_up is not None:
        rows = tuple(looked_up())
        end = len(rows) if limit is None else offset + limit
        result = QueryResult(_LOOKUPS[query.name][0], rows[offset:end])
        return Page(result, len(rows), offset, False, looked_up=True)
    sparql = queries.bound(query, values)
    result = store.select(sparql)
    if inferred:
        combined = store.select(sparql, inferred=True).rows
        result = QueryResult(
            (*result.variables, "inferred"), queries.merge_inferred(result.rows, combined)
        )
    rows = queries.tidy(query, result.variables, result.rows)
    end = len(rows) if limit is None else offset + limit
    return Page(QueryResult(result.variables, rows[offset:end]), len(rows), offset, False)


#: The questions :mod:`.lookups` answers: their columns, their parameters, how.
_LOOKUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...], Callable[..., list[Row]]]] = {
    "partners": (PARTNERS_VARIABLES, ("org",), partners),
    "cooperation_sources": (SOURCES_VARIABLES, ("org_a", "org_b"), cooperation_sources),
}


def how_answered(
    store: GraphStore, query: queries.Query, values: Mapping[str, str] | None = None
) -> str:
    """How :func:`ask` answers ``query`` (without reasoning): "summary", "look-ups" or
    "SPARQL"."""
    values = dict(values or {})
    if not values and _kept(query) and row_count(store, query.name) is not None:
        return "summary"
    if not _looked_up(store, query, values, False):
        return "SPARQL"
    kept = query.name == "partners" and row_count(store, "partner_rows") is not None
    return "summary" if kept else "look-ups"


def _looked_up(
    store: GraphStore, query: queries.Query, values: Mapping[str, str], inferred: bool
) -> Callable[[], list[Row]] | None:
    """How :mod:`.lookups` answers: a shipped question about given organisations, asked of
    the embedded store (with its union kept) for the facts as stated; else None."""
    if query.name not in _LOOKUPS or query.sparql != _shipped(query.name) or inferred:
        return None
    _variables, params, answer = _LOOKUPS[query.name]
    if set(values) != set(params) or not isinstance(store, Store) or store.dataset():
        return None
    raw = store.oxigraph
    return lambda: answer(raw, *(values[p] for p in params))


def _partners_kept(store: GraphStore, org: str, limit: int | None, offset: int) -> Page | None:
    """A page of ``partners`` for ``org`` read from the summary's partner rows (only the
    pages that hold the rows shown, and those that tell their number); None when the
    store keeps none."""
    assert isinstance(store, Store)
    found = named(store.oxigraph, org)
    if not all(iri.startswith(("http://", "https://")) for iri in found):
        return None  # (the rows are kept by IRI)
    cut = partner_rows(store, found, limit, offset)
    if cut is None:
        return None
    rows, total = cut
    return Page(QueryResult(PARTNERS_VARIABLES, tuple(rows)), total, offset, True)


def _kept(query: queries.Query) -> bool:
    """Whether the summary answers ``query``: a shipped question as shipped (a changed copy
    runs as written)."""
    return query.name in SUMMARISED and query.sparql == _shipped(query.name)


@cache
def _shipped(name: str) -> str:
    """The text of a shipped question (read once, not on every page asked for)."""
    return queries.load(name).sparql


class Answers:
    """A store whose shipped questions are answered as :func:`ask` answers them (from the
    summary where it keeps them): the network projections read the store through it."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def select(self, sparql: str) -> QueryResult:
        return self.store.select(sparql)

    def answer(self, name: str) -> QueryResult:
        """The whole answer of the shipped question ``name``, its list columns sorted."""
        return ask(self.store, queries.load(name)).result
