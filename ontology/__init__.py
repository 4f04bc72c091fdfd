"""The partnergraph ontology, its SHACL shapes and controlled vocabularies, as data.

Owns the ``.ttl`` files beside this module and a tiny loader over them. Python code refers
to ontology terms only through :class:`PG`, a closed namespace: a typo is an error. Also
here, once for every room: the namespaces and prefixes the graph uses, the donor states,
:func:`name_key` (the fold behind ``pg:nameKey``) and :func:`nt_line` (one N-Triples line).
"""

from __future__ import annotations

import re
import unicodedata
from importlib.resources import files
from typing import cast
from urllib.parse import quote

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    PROV,
    RDF,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import Node

__all__ = [
    "BENEFICIARY_STATES",
    "DONOR_STATES",
    "EU_COUNTRY",
    "MENTION_PATH",
    "NS",
    "NUTS",
    "PG",
    "PREFIXES",
    "SCHEMA",
    "load",
    "name_key",
    "names",
    "nt_line",
    "text",
]

NS = "https://w3id.org/partnergraph/ns#"
SCHEMA = Namespace("https://schema.org/")
#: The EU's authority table of countries (``…/country/LVA``).
EU_COUNTRY = Namespace("http://publications.europa.eu/resource/authority/country/")
#: NUTS regions (``…/code/PL81``).
NUTS = Namespace("http://data.europa.eu/nuts/code/")
#: The states that fund the EEA and Norway Grants (ISO codes): a partner from one of them
#: is a donor partner.
DONOR_STATES = frozenset({"IS", "LI", "NO"})
#: The states the grants fund (ISO codes; "EL", the grants' own code for Greece, too).
BENEFICIARY_STATES = frozenset("BG CY CZ EE EL ES GR HR HU LT LV MT PL PT RO SI SK".split())
#: A piece of evidence (a ``pg:Mention``: offsets and sentence) is a node of its document's
#: own: the document graph's IRI, this, and a key. It says nothing outside its document, so
#: it stays in the document's graph (out of the stores' union of all graphs).
MENTION_PATH = "/mention/"
#: The prefixes of every written graph (exports) and of readable reports.
PREFIXES: dict[str, str] = {
    "pg": NS,
    "org": str(ORG),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "xsd": str(XSD),
    "country": str(EU_COUNTRY),
}


def name_key(name: str) -> str:
    """A name folded for lookups (what ``pg:nameKey`` holds): Unicode NFC, case-folded,
    spaces collapsed.

    >>> name_key("  Norwegian   RED Cross ")
    'norwegian red cross'
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def nt_line(s: Node, p: Node, o: Node) -> str:
    """One N-Triples line that every parser accepts, whatever the terms hold: a literal's
    quotes, backslashes and line breaks escaped, a lone surrogate (from a broken file name
    or JSON escape) made U+FFFD, an IRI's spaces, brackets and controls percent-encoded.

    >>> from rdflib import Literal, URIRef
    >>> print(nt_line(URIRef("http://x/a b"), URIRef("http://x/p"), Literal("1\\n2 \\ud800")))
    <http://x/a%20b> <http://x/p> "1\\n2 \ufffd" .
    """
    return f"{_nt(s)} {_nt(p)} {_nt(o)} ."


_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: An IRI of these characters only is well-formed (given an absolute start, which ours have).
_PLAIN_IRI = re.compile(r"[A-Za-z0-9\-._~:/?@!$&'()*+,;=]*(?:#[A-Za-z0-9\-._~:/?@!$&'()*+,;=]*)?")
#: What stays as it is when an ill-formed IRI is percent-encoded.
_IRI_SAFE = ":/?@!$&'()*+,;=-._~"


def _escaped(text: str) -> str:
    """A literal's text with its backslashes, quotes and line breaks escaped (four plain
    replacements: 15× faster than ``str.translate`` on a 10 kB ledger entry)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _nt(term: Node) -> str:
    # (told by the exact type first: rdflib's terms are abstract-base classes, whose
    # isinstance checks took a third of the time a document's lines take to write)
    kind: type[Node] | None = type(term)
    if kind is not URIRef and kind is not Literal:  # a subclass, or a blank node
        kind = next((k for k in (Literal, URIRef) if isinstance(term, k)), None)
    if kind is Literal:
        term = cast(Literal, term)
        value = _escaped(_SURROGATE.sub("\ufffd", str(term)))
        if term.language:
            return f'"{value}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f'"{value}"^^{_nt(term.datatype)}'
        return f'"{value}"'
    if kind is URIRef:
        iri = str(term)
        if not _PLAIN_IRI.fullmatch(iri) and not _well_formed(iri):
            # spaces, brackets, controls, a stray % or #, surrogates: percent-encoded
            iri = quote(iri.encode("utf-8", "surrogatepass"), safe=_IRI_SAFE)
        return f"<{iri}>"
    return term.n3()  # a blank node


def _well_formed(iri: str) -> bool:
    """Whether Oxigraph (RFC 3987) takes ``iri`` as it is."""
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        return False
    return True


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class PG(DefinedNamespace):
    """Terms minted by partnergraph (every one is declared in ``partnergraph.ttl``)."""

    _NS = Namespace(NS)
    _fail = True

    # classes
    Project: URIRef
    Programme: URIRef
    Municipality: URIRef
    Event: URIRef
    StudyVisit: URIRef
    Seminar: URIRef
    Conference: URIRef
    Workshop: URIRef
    Meeting: URIRef
    Training: URIRef
    Competition: URIRef
    SourceDocument: URIRef
    Mention: URIRef
    ProjectStatus: URIRef
    CostKind: URIRef
    # roles
    involves: URIRef
    involvedIn: URIRef
    promoter: URIRef
    partner: URIRef
    donorPartner: URIRef
    programmeOperator: URIRef
    participant: URIRef
    organiser: URIRef
    host: URIRef
    funder: URIRef
    cooperatesWith: URIRef
    nameKey: URIRef
    # projects
    continues: URIRef
    status: URIRef
    programme: URIRef
    partOfProject: URIRef
    cost: URIRef
    costKind: URIRef
    Completed: URIRef
    InImplementation: URIRef
    NonCompleted: URIRef
    Terminated: URIRef
    ProjectStatusScheme: URIRef
    InitialCost: URIRef
    FinalCost: URIRef
    GrantAmount: URIRef
    PaidAmount: URIRef
    CostKindScheme: URIRef
    # organisations and places
    country: URIRef
    orgType: URIRef
    OrganisationTypeScheme: URIRef
    Association: URIRef
    MunicipalityType: URIRef
    Ministry: URIRef
    NGO: URIRef
    Union: URIRef
    Company: URIRef
    University: URIRef
    Agency: URIRef
    OtherType: URIRef
    Allocation: URIRef
    # portal data
    region: URIRef
    promoterRegion: URIRef
    partnerRegion: URIRef
    donorState: URIRef
    programmeParticipant: URIRef
    financialMechanism: URIRef
    programmeArea: URIRef
    sector: URIRef
    hasDonorProjectPartner: URIRef
    hasEnded: URIRef
    continuedCooperation: URIRef
    improvedKnowledge: URIRef
    # network analytics
    degree: URIRef
    weightedDegree: URIRef
    rowCount: URIRef
    pageOf: URIRef
    pageNumber: URIRef
    pageTable: URIRef
    pageRows: URIRef
    betweenness: URIRef
    constraint: URIRef
    community: URIRef
    # evidence and sources
    mentionOf: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sentence: URIRef
    checksum: URIRef
    sourcePath: URIRef
    documentKind: URIRef


def names() -> list[str]:
    """Return the names of the shipped Turtle files, without extension, sorted."""
    return sorted(
        entry.name[: -len(".ttl")]
        for entry in files(__name__).iterdir()
        if entry.name.endswith(".ttl")
    )


def text(name: str) -> str:
    """Return the Turtle source of one shipped file; an unknown name lists what exists."""
    if name not in names():
        raise KeyError(f"no ontology file {name!r}; known: {', '.join(names())}")
    return files(__name__).joinpath(f"{name}.ttl").read_text(encoding="utf-8")


def load(name: str = "partnergraph") -> Graph:
    """Parse one shipped Turtle file into a new rdflib graph.

    >>> (PG.Project, None, None) in load("partnergraph")
    True
    """
    graph = Graph()
    graph.parse(data=text(name), format="turtle")
    return graph
