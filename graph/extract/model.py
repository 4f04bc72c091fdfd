"""What extraction emits: frozen dataclasses, each fact with its evidence.

Local keys tie facts of one document together (a project's number or ``name:…``, an
event's ``e0``, ``e1``…); identities across documents are the resolver's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

__all__ = [
    "NO_EVIDENCE",
    "Event",
    "Evidence",
    "Extraction",
    "Money",
    "OrgMention",
    "Place",
    "Project",
    "RoleFact",
    "StatedLink",
]


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: character offsets into the document text and the sentence."""

    start: int
    end: int
    sentence: str


#: The evidence of a mention kept without it (what identity resolution reads).
NO_EVIDENCE = Evidence(0, 0, "")


@dataclass(frozen=True)
class Money:
    """An amount as stated, e.g. ``€79,445`` → 79445 EUR, kind ``final``."""

    amount: Decimal
    currency: str
    kind: str
    text: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class OrgMention:
    """An organisation named in a document, with what the text says about it."""

    name: str
    country: str | None
    type: str | None
    evidence: Evidence
    acronym: str | None = None
    seat: str | None = None
    region: str | None = None
    identifier: str | None = None
    #: the fuller name this short form or acronym stands for in the same document
    long_form: str | None = None


@dataclass(frozen=True)
class Project:
    """A project, programme or bilateral initiative named in a document."""

    key: str
    name: str | None
    number: str | None
    status: str | None = None
    costs: tuple[Money, ...] = ()
    programme: str | None = None
    continues: str | None = None
    countries: tuple[str, ...] = ()
    entity_type: str = "project"
    evidence: Evidence | None = None
    start: date | None = None
    end: date | None = None
    flags: tuple[tuple[str, bool], ...] = ()
    regions: tuple[tuple[str, str], ...] = ()
    url: str | None = None
    area: str | None = None
    sector: str | None = None
    mechanism: str | None = None
    donor_states: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A place named in a document: a country, city or region."""

    name: str
    country: str | None
    type: str
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    """A cooperation event: a study visit, seminar, conference…"""

    key: str
    type: str
    label: str
    evidence: Evidence
    start: date | None = None
    end: date | None = None
    date_text: str | None = None
    place: Place | None = None
    project: str | None = None


@dataclass(frozen=True)
class RoleFact:
    """An organisation's role in a project or event (``target`` is its local key)."""

    org: OrgMention
    role: str
    target: str
    evidence: Evidence


@dataclass(frozen=True)
class StatedLink:
    """Cooperation the text states outright ("signed a cooperation agreement")."""

    a: OrgMention
    b: OrgMention
    why: str
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document, and what could not be read."""

    kind: str
    language: str
    projects: tuple[Project, ...] = ()
    organisations: tuple[OrgMention, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    roles: tuple[RoleFact, ...] = ()
    links: tuple[StatedLink, ...] = ()
    notes: tuple[str, ...] = field(default=())
