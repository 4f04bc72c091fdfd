"""Export the asserted graph: Turtle, TriG, N-Triples, JSON-LD — deterministic, written whole."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Literal

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS, XSD, Namespace

from partnergraph.ontology import NS

from .build import SUPPORT_GRAPHS
from .store import INFERRED_GRAPH, GraphStore

__all__ = ["FORMATS", "Format", "asserted_dataset", "serialise", "write_atomic"]

Format = Literal["turtle", "trig", "nt", "jsonld"]
FORMATS: tuple[Format, ...] = ("turtle", "trig", "nt", "jsonld")
SUFFIX_FORMAT: dict[str, Format] = {
    ".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld",
}  # fmt: skip

_PREFIXES = {
    "pg": Namespace(NS),
    "org": ORG,
    "skos": SKOS,
    "schema": Namespace("https://schema.org/"),
    "dcterms": DCTERMS,
    "prov": PROV,
    "rdf": RDF,
    "xsd": XSD,
    "country": Namespace("http://publications.europa.eu/resource/authority/country/"),
}


_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_STRING = "http://www.w3.org/2001/XMLSchema#string"


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write a file whole or not at all: a temporary file beside it, then a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a written file gets the usual mode
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _term(t: ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph) -> object:
    from rdflib import BNode
    from rdflib import Literal as RLiteral

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return RLiteral(t.value, lang=t.language)
        value = t.value
        if t.datatype.value == _DECIMAL and "." not in value and "e" not in value.lower():
            # Oxigraph writes 79445, Turtle writers 79445.0: one canonical form for both
            value = f"{value}.0"
        if t.datatype.value == _STRING:
            return RLiteral(value)  # RDF 1.1: a simple literal is an xsd:string
        return RLiteral(value, datatype=URIRef(t.datatype.value))
    raise TypeError(f"unexpected term {t!r}")


def asserted_dataset(store: GraphStore, *, inferred: bool = False) -> Dataset:
    """The documents' named graphs (no ontology; the inferred graph only if asked)."""
    ds = Dataset()
    for prefix, ns in _PREFIXES.items():
        ds.bind(prefix, ns)
    for quad in store.quads():
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode) or graph.value in SUPPORT_GRAPHS:
            continue
        if graph.value == INFERRED_GRAPH and not inferred:
            continue
        ds.graph(URIRef(graph.value)).add(
            (_term(quad.subject), _term(quad.predicate), _term(quad.object))  # type: ignore[arg-type]
        )
    return ds


def serialise(store: GraphStore, fmt: Format, *, inferred: bool = False) -> bytes:
    """The asserted graph (and, if asked, the inferred one) in one format, deterministic."""
    ds = asserted_dataset(store, inferred=inferred)
    if fmt == "trig":
        return ds.serialize(format="trig").encode("utf-8")
    union = Graph()
    for prefix, ns in _PREFIXES.items():
        union.bind(prefix, ns)
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    if fmt == "nt":
        lines = sorted(set(union.serialize(format="nt").splitlines()))
        return ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in _PREFIXES.items()}
        return union.serialize(format="json-ld", context=context, indent=1, sort_keys=True).encode(
            "utf-8"
        )
    return union.serialize(format="turtle").encode("utf-8")
