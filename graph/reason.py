"""Reasoning: the obvious consequences, in their own ``inferred`` named graph.

Two engines give the same consequences of the ontology's axioms:

``rules`` (default)
    The OWL 2 RL rules our ontology uses — sub-properties (prp-spo1), inverses (prp-inv),
    the property chain (prp-spo2) and symmetry (prp-symp) of ``pg:cooperatesWith``,
    domains and ranges (prp-dom, prp-rng) and sub-classes (cax-sco) — read from the
    ontology's axioms and run as SPARQL updates inside Oxigraph until nothing changes.
    Fast: the whole work stays in the store.
``owlrl``
    The owlrl library's full OWL 2 RL closure over an rdflib copy of the graph; exact, but
    about 100 s for 40k triples, so meant for small graphs and for checking ``rules``.

Asserted data is never touched: consequences go to :data:`INFERRED`, which exports
leave out unless asked and queries ignore unless asked. Reflexive ``cooperatesWith``
(an organisation with itself, which the chain gives) is left out by both engines.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from partnergraph import ontology
from partnergraph.ontology import PG, nt_line

from .store import GraphStore, Store, asserted_dataset
from .store.graphs import INFERRED, ONTOLOGY

__all__ = ["Engine", "ReasonReport", "reason"]

Engine = Literal["rules", "owlrl"]
_MAX_ROUNDS = 10


@dataclass(frozen=True)
class ReasonReport:
    """What reasoning added, and how long it took."""

    engine: str
    asserted: int
    inferred: int
    seconds: float
    rounds: int


def reason(store: GraphStore, *, engine: Engine = "rules") -> ReasonReport:
    """Replace the inferred graph with the consequences of the asserted graphs."""
    started = time.perf_counter()
    store.drop_graph(INFERRED)
    asserted = len(store)
    if engine == "owlrl":
        rounds = _owlrl(store)
    else:
        rounds = _rules(store)
    inferred = _graph_size(store, INFERRED)
    store.flush()
    return ReasonReport(engine, asserted, inferred, time.perf_counter() - started, rounds)


def _graph_size(store: GraphStore, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    rows = store.select(query, inferred=True).rows
    return int(rows[0][0] or 0)


# ------------------------------------------------------------------ rules engine


def _ancestors(graph: Graph, node: URIRef, link: URIRef) -> list[URIRef]:
    seen: list[URIRef] = []
    todo = [node]
    while todo:
        for parent in graph.objects(todo.pop(), link):
            if isinstance(parent, URIRef) and parent not in seen and parent != node:
                seen.append(parent)
                todo.append(parent)
    return sorted(seen)


def _rule(head: str, body: str) -> str:
    return f"INSERT {{ GRAPH <{INFERRED}> {{ {head} }} }} WHERE {{ {body} }}"


def _iris(nodes: Iterable[URIRef]) -> str:
    return " ".join(f"<{n}>" for n in nodes)


def _updates(onto: Graph) -> list[str]:
    """One SPARQL update per rule instance the ontology's axioms call for."""
    out: list[str] = []
    # sub-properties: x p y ⇒ x super y, for every ancestor of p
    for prop in sorted(
        {s for s in onto.subjects(RDFS.subPropertyOf, None) if isinstance(s, URIRef)}
    ):
        supers = _iris(_ancestors(onto, prop, RDFS.subPropertyOf))
        out.append(
            _rule("?x ?super ?y", f"GRAPH ?g {{ ?x <{prop}> ?y }} VALUES ?super {{ {supers} }}")
        )
    # inverses, both ways
    for a, b in sorted(onto.subject_objects(OWL.inverseOf)):
        for p, q in ((a, b), (b, a)):
            out.append(_rule(f"?y <{q}> ?x", f"GRAPH ?g {{ ?x <{p}> ?y }}"))
    # property chains (two links), no reflexive results
    for chained, chain in sorted(onto.subject_objects(OWL.propertyChainAxiom)):
        first, *rest = list(onto.items(chain))
        if len(rest) == 1:
            body = f"GRAPH ?g1 {{ ?x <{first}> ?y }} GRAPH ?g2 {{ ?y <{rest[0]}> ?z }}"
            out.append(_rule(f"?x <{chained}> ?z", body + " FILTER(?x != ?z)"))
    for symmetric in sorted(str(s) for s in onto.subjects(RDF.type, OWL.SymmetricProperty)):
        out.append(_rule(f"?y <{symmetric}> ?x", f"GRAPH ?g {{ ?x <{symmetric}> ?y }}"))
    # domains and ranges (object properties only for ranges)
    for with_domain, domain in sorted(onto.subject_objects(RDFS.domain)):
        out.append(_rule(f"?x a <{domain}>", f"GRAPH ?g {{ ?x <{with_domain}> ?y }}"))
    for with_range, range_ in sorted(onto.subject_objects(RDFS.range)):
        if (with_range, RDF.type, OWL.DatatypeProperty) not in onto:
            body = f"GRAPH ?g {{ ?x <{with_range}> ?y }} FILTER(isIRI(?y))"
            out.append(_rule(f"?y a <{range_}>", body))
    # sub-classes, for the data's things (not the vocabulary's own concepts)
    for cls in sorted({s for s in onto.subjects(RDFS.subClassOf, None) if isinstance(s, URIRef)}):
        supers = _iris(_ancestors(onto, cls, RDFS.subClassOf))
        body = f"GRAPH ?g {{ ?x a <{cls}> }} FILTER(?g != <{ONTOLOGY}>)"
        out.append(_rule("?x a ?super", f"{body} VALUES ?super {{ {supers} }}"))
    return out


def _rules(store: GraphStore) -> int:
    """Run the rules until nothing changes.

    On disk the rules run on an in-memory copy (writing into RocksDB pattern by pattern is
    about ten times slower than reading), and the consequences are loaded back at once.
    """
    if store.path is None:
        return _rules_in_place(store)
    scratch = Store(None)  # the rules read named graphs only; the union comes along unused
    scratch.oxigraph.bulk_load(store.dump_nquads(), format=ox.RdfFormat.N_QUADS)
    rounds = _rules_in_place(scratch)
    store.replace_graph_bulk(INFERRED, scratch.dump_graph_ntriples(INFERRED))
    return rounds


def _rules_in_place(store: GraphStore) -> int:
    updates = _updates(ontology.load("partnergraph"))
    size, rounds = -1, 0
    while rounds < _MAX_ROUNDS:
        rounds += 1
        for update in updates:
            store.update(update, union=False)
        now = _graph_size(store, INFERRED)
        if now == size:
            break
        size = now
    # keep only what is new about the data: a triple asserted elsewhere, or a fact about
    # the vocabulary itself (its own graph says it), is dropped
    store.update(
        f"DELETE {{ GRAPH <{INFERRED}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{INFERRED}> "
        f"{{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{INFERRED}>) }}",
        union=False,
    )
    store.update(
        f"DELETE {{ GRAPH <{INFERRED}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{INFERRED}> "
        f'{{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?s), "{ontology.NS}")) }}',
        union=False,
    )
    return rounds


# ------------------------------------------------------------------ owlrl engine


def _owlrl(store: GraphStore) -> int:
    import owlrl

    graph = Graph()
    for quad in asserted_dataset(store).quads((None, None, None, None)):
        graph.add(quad[:3])
    before = set(graph)
    onto = ontology.load("partnergraph")
    for triple in onto:
        graph.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(graph)
    new = [t for t in graph if t not in before and t not in onto and _keep(t)]
    store.replace_graph(INFERRED, _ntriples(new))
    return 1


def _keep(triple: tuple[Node, Node, Node]) -> bool:
    s, p, o = triple
    if not isinstance(s, URIRef) or isinstance(o, BNode):
        return False  # owlrl's generalised RDF: literal subjects, blank nodes
    if s == o and p in (PG.cooperatesWith, OWL.sameAs):
        return False  # reflexive: every thing is the same as, and "cooperates" with, itself
    if p == RDF.type and o == OWL.Thing:
        return False  # every individual is a thing
    # owlrl also states facts about the vocabulary itself; keep the facts about the data
    return not str(s).startswith(("http://www.w3.org/", ontology.NS))


def _ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> list[str]:
    return sorted(nt_line(s, p, o) for s, p, o in triples)
