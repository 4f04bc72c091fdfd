"""Summaries a build keeps so listing questions read instead of recomputing.

The summary graph (:data:`~partnergraph.graph.store.graphs.SUMMARY`, out of the union and
of exports) holds every cooperating pair of organisations — two that share a project or an
event, or are stated to cooperate — with its weight and what links it: the answer of the
``cooperation_pairs`` question, computed from three scans of the store (roles, labels,
stated cooperation) in Python instead of SPARQL's self-join of every role with every
other. Every build rewrites it; ``partnergraph summarise`` does on demand.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from rdflib import RDF, XSD, Literal, URIRef

from partnergraph.ontology import PG, nt_line

from .store import GraphStore, QueryResult, graphs

__all__ = ["PAIRS_QUESTION", "has_summary", "pair_rows", "read_pairs", "summarise"]

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
    numbers: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    for via, number, title in store.select(
        f"""PREFIX pg: <{PG}>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?via ?number ?title WHERE {{
          {{ SELECT DISTINCT ?via WHERE {{ VALUES ?p {{ {roles} }} ?via ?p ?org }} }}
          {{ ?via dcterms:identifier ?number }} UNION {{ ?via skos:prefLabel ?title }}
        }}"""
    ).rows:
        if via and number is not None:
            numbers[via].add(number)
        elif via and title is not None:
            titles[via].add(title)
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


def summarise(store: GraphStore) -> int:
    """Rewrite the summary graph from the store; the number of pairs."""
    lines = []
    for a, b, weight, links in pair_rows(store):
        digest = hashlib.sha256(f"{a} {b}".encode()).hexdigest()[:24]
        pair = URIRef(f"{graphs.SUMMARY}#pair-{digest}")
        lines.append(nt_line(pair, RDF.type, PG.CooperatingPair))
        lines.append(nt_line(pair, PG.pairFirst, URIRef(a)))
        lines.append(nt_line(pair, PG.pairSecond, URIRef(b)))
        lines.append(nt_line(pair, PG.pairWeight, Literal(weight, datatype=XSD.integer)))
        lines.extend(nt_line(pair, PG.pairLink, Literal(link)) for link in links)
    store.replace_graph(graphs.SUMMARY, sorted(lines))
    return sum(1 for line in lines if f"<{PG.pairFirst}>" in line)


def has_summary(store: GraphStore) -> bool:
    """Whether the store keeps a summary (stores built before summaries do not)."""
    return store.ask(f"ASK {{ GRAPH <{graphs.SUMMARY}> {{ ?s ?p ?o }} }}")


def read_pairs(store: GraphStore, *, limit: int | None = None, offset: int = 0) -> QueryResult:
    """The ``cooperation_pairs`` answer from the summary: ``a, b, weight, shared``, in the
    question's order (by the pair's IRIs), a page of it when asked."""
    page = (f" LIMIT {int(limit)}" if limit is not None else "") + (
        f" OFFSET {int(offset)}" if offset else ""
    )
    result = store.select(
        f"""PREFIX pg: <{PG}>
        SELECT ?a ?b ?weight (GROUP_CONCAT(?link; separator=" | ") AS ?shared) WHERE {{
          GRAPH <{graphs.SUMMARY}> {{
            ?pair pg:pairFirst ?a ; pg:pairSecond ?b ; pg:pairWeight ?weight ; pg:pairLink ?link
          }}
        }} GROUP BY ?a ?b ?weight ORDER BY ?a ?b{page}"""
    )
    return QueryResult(_VARIABLES, _rows(result.rows))


def _rows(rows: Sequence[tuple[str | None, ...]]) -> tuple[tuple[str | None, ...], ...]:
    return tuple(tuple(row) for row in rows)
