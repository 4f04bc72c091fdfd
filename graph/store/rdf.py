"""The store's exported graphs as rdflib objects, for the libraries that read rdflib
(pySHACL, owlrl, rdflib's Turtle, TriG and JSON-LD writers)."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from partnergraph.ontology import PREFIXES

from .base import GraphStore
from .graphs import exported

__all__ = ["asserted_dataset", "rdflib_term"]

_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_STRING = "http://www.w3.org/2001/XMLSchema#string"


def rdflib_term(t: ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph) -> Node:
    """A pyoxigraph term as rdflib's, with one canonical form for decimals."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        value = t.value
        if t.datatype.value == _DECIMAL and "." not in value and "e" not in value.lower():
            # Oxigraph writes 79445, Turtle writers 79445.0: one canonical form for both
            value = f"{value}.0"
        if t.datatype.value == _STRING:
            return Literal(value)  # RDF 1.1: a simple literal is an xsd:string
        return Literal(value, datatype=URIRef(t.datatype.value))
    raise TypeError(f"unexpected term {t!r}")


def asserted_dataset(
    store: GraphStore, *, inferred: bool = False, summary: bool = False
) -> Dataset:
    """The documents' named graphs (no support graphs; the inferred graph and the summary
    only if asked)."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for quad in store.quads():
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode) or not exported(
            graph.value, inferred=inferred, summary=summary
        ):
            continue
        ds.graph(URIRef(graph.value)).add(
            (rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object))  # type: ignore[arg-type]
        )
    return ds
