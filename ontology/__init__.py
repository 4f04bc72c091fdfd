"""The partnergraph ontology, its SHACL shapes and controlled vocabularies, as data.

Owns the ``.ttl`` files beside this module and a tiny loader over them. Python code refers
to ontology terms only through :class:`PG`, a closed namespace: a typo is an error.
"""

from __future__ import annotations

from importlib.resources import files

from rdflib import Graph, URIRef
from rdflib.namespace import DefinedNamespace, Namespace

__all__ = ["NS", "PG", "load", "names", "text"]

NS = "https://w3id.org/partnergraph/ns#"


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
