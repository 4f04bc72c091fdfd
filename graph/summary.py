"""Summaries a build keeps so listing questions read instead of recomputing.

The summary graph (:data:`~partnergraph.graph.store.graphs.SUMMARY`, out of the union and
of exports) holds every cooperating pair of organisations — two that share a project or an
event, or are stated to cooperate — with its weight and what links it, in numbered pages:
the answer of the ``cooperation_pairs`` question, computed from plain scans of the store
(roles, names, stated cooperation) in Python instead of SPARQL's self-join of every role
with every other. Every build rewrites it; ``partnergraph summarise`` does on demand.
"""

from __future__ import annotations

import json
from collections import defaultdict

from rdflib import XSD, Literal, URIRef

from partnergraph.ontology import PG, nt_line

from .store import GraphStore, QueryResult, graphs

__all__ = [
    "PAGE_ROWS",
    "PAIRS_QUESTION",
    "pair_count",
    "pair_rows",
    "read_pairs",
    "summarise",
]

#: The question the summary answers.
PAIRS_QUESTION = "cooperation_pairs"

_ROLES = (
    "promoter", "partner", "donorPartner", "programmeOperator", "participant", "host",
    "organiser", "funder",
)  # fmt: skip
_VARIABLES = ("a", "b", "weight", "shared")
_STATED = "stated cooperation"


def pair_rows(store: GraphStore) -> list[tuple[str, str, int, tuple[str, ...]]]:
    """Every cooperating pair ``(a, b, weight, links)``, a < b, as the question counts them:
    the weight is the number of projects and events both take a role in, plus one if they
    are stated to cooperate; a project or event is called by its number, else its names."""
    roles = " ".join(f"pg:{r}" for r in _ROLES)
    members: dict[str, set[str]] = defaultdict(set)
    for via, org in store.select(
        f"PREFIX pg: <{PG}> SELECT ?via ?org WHERE {{ VALUES ?p {{ {roles} }} ?via ?p ?org }}"
    ).rows:
        if via and org:
            members[via].add(org)
    # what a project or event is called: two plain scans (no join a server's planner may
    # refuse), kept for the projects and events that have members
    numbers: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    for into, prop in ((numbers, "http://purl.org/dc/terms/identifier"),
                       (titles, "http://www.w3.org/2004/02/skos/core#prefLabel")):  # fmt: skip
        for via, value in store.select(f"SELECT ?via ?v WHERE {{ ?via <{prop}> ?v }}").rows:
            if via in members and value is not None:
                into[via].add(value)
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for via, orgs in members.items():
        label = numbers.get(via) or titles.get(via) or {via}
        ordered = sorted(orgs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                weights[(a, b)] += 1
                links[(a, b)].update(label)
    for first, second in store.select(
        f"PREFIX pg: <{PG}> SELECT DISTINCT ?a ?b WHERE {{ ?a pg:cooperatesWith ?b "
        "FILTER(STR(?a) < STR(?b)) }"
    ).rows:
        if first and second:
            weights[(first, second)] += 1
            links[(first, second)].add(_STATED)
    return [(a, b, weights[(a, b)], tuple(sorted(links[(a, b)]))) for a, b in sorted(weights)]


#: Pairs per page of the summary's table (a page is one literal, found by its number).
PAGE_ROWS = 1000


def summarise(store: GraphStore) -> int:
    """Rewrite the summary graph from the store; the number of pairs. The answer is kept as
    numbered pages of rows (``pg:pairPage``, ``pg:pairRows``: JSON) and its size
    (``pg:pairCount``), so a page of it is one look-up. (Not one node per pair: a few
    triples keep a server's query planner from estimating every other question dearer —
    Virtuoso refused the projects question with 25 more nodes typed.)"""
    pairs = pair_rows(store)
    summary = URIRef(graphs.SUMMARY)
    lines = [nt_line(summary, PG.pairCount, Literal(len(pairs), datatype=XSD.integer))]
    for start in range(0, len(pairs), PAGE_ROWS):
        page = URIRef(f"{graphs.SUMMARY}#page-{start // PAGE_ROWS}")
        rows = [
            [a, b, w, _SEPARATOR.join(links)] for a, b, w, links in pairs[start : start + PAGE_ROWS]
        ]
        lines.append(nt_line(page, PG.pairPage, Literal(start // PAGE_ROWS, datatype=XSD.integer)))
        lines.append(nt_line(page, PG.pairRows, Literal(json.dumps(rows, separators=(",", ":")))))
    store.replace_graph(graphs.SUMMARY, sorted(lines))
    return len(pairs)


_SEPARATOR = " | "


def pair_count(store: GraphStore) -> int | None:
    """How many pairs the summary holds; None without a summary."""
    summary = graphs.SUMMARY
    rows = store.select(
        f"SELECT ?n WHERE {{ GRAPH <{summary}> {{ <{summary}> <{PG.pairCount}> ?n }} }}"
    ).rows
    return int(rows[0][0]) if rows and rows[0][0] is not None else None


def read_pairs(store: GraphStore, *, limit: int | None = None, offset: int = 0) -> QueryResult:
    """The ``cooperation_pairs`` answer from the summary — ``a, b, weight, shared`` in the
    question's order — or the page of it ``limit`` and ``offset`` ask for (only the
    summary pages that hold it are read)."""
    total = pair_count(store) or 0
    end = total if limit is None else min(total, offset + max(0, limit))
    if offset >= end:
        return QueryResult(_VARIABLES, ())
    first, last = offset // PAGE_ROWS, (end - 1) // PAGE_ROWS
    numbers = " ".join(str(n) for n in range(first, last + 1))
    found = store.select(
        f"SELECT ?n ?rows WHERE {{ VALUES ?n {{ {numbers} }} GRAPH <{graphs.SUMMARY}> "
        f"{{ ?page <{PG.pairPage}> ?n ; <{PG.pairRows}> ?rows }} }}"
    ).rows
    rows: list[tuple[str | None, ...]] = []
    for _n, text in sorted(found, key=lambda row: int(row[0] or 0)):
        rows.extend((a, b, str(w), links) for a, b, w, links in json.loads(text or "[]"))
    skip = offset - first * PAGE_ROWS
    return QueryResult(_VARIABLES, tuple(rows[skip : skip + (end - offset)]))
