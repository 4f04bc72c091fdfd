"""Facts → RDF: deterministic IRIs, no blank nodes, one named graph per document.

IRIs are minted from canonical keys only (project number; country and canonical name;
event type, date and place), never from counters or the clock, so the same input gives the
same graph. The document's named graph carries its provenance (PROV-O, source, language,
checksum) and a mention node for every piece of evidence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Protocol

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS, XSD

from partnergraph.ontology import EU_COUNTRY, MENTION_PATH, NUTS, PG, SCHEMA, nt_line

from .extract.gazetteer import country_of_form
from .extract.lexicon import normalise
from .extract.model import Event, Evidence, Extraction, OrgMention, Place, Project
from .resolve import OrgIdentity, Resolution, slug
from .sources import Document, language_of_name

__all__ = [
    "DEFAULT_BASE",
    "DocGraph",
    "country_iri",
    "document_iri",
    "document_iri_of",
    "document_triples",
    "metric_lines",
    "web_iri",
]

DEFAULT_BASE = "https://w3id.org/partnergraph/id/"
WIKIDATA = "http://www.wikidata.org/entity/"

Triple = tuple[URIRef, URIRef, URIRef | Literal]

_EVENT_CLASS = {
    "study_visit": PG.StudyVisit, "seminar": PG.Seminar, "conference": PG.Conference,
    "workshop": PG.Workshop, "meeting": PG.Meeting, "training": PG.Training,
    "competition": PG.Competition, "other": PG.Event,
}  # fmt: skip
_ROLE_PROPERTY = {
    "promoter": PG.promoter, "donor_partner": PG.donorPartner, "partner": PG.partner,
    "programme_operator": PG.programmeOperator, "participant": PG.participant,
    "host": PG.host, "organiser": PG.organiser, "funder": PG.funder,
    "programme_participant": PG.programmeParticipant,
}  # fmt: skip
_ORG_TYPE = {
    "association": PG.Association, "municipality": PG.MunicipalityType, "ministry": PG.Ministry,
    "ngo": PG.NGO, "union": PG.Union, "company": PG.Company, "university": PG.University,
    "agency": PG.Agency, "other": PG.OtherType,
}  # fmt: skip
_STATUS = {
    "Completed": PG.Completed, "In implementation": PG.InImplementation,
    "Non completed": PG.NonCompleted, "Terminated": PG.Terminated,
}  # fmt: skip
_COST_KIND = {
    "initial": PG.InitialCost, "final": PG.FinalCost, "grant": PG.GrantAmount,
    "paid": PG.PaidAmount, "total": PG.GrantAmount, "allocation": PG.Allocation,
}  # fmt: skip
_FLAGS = {
    "is_dpp": PG.hasDonorProjectPartner, "has_ended": PG.hasEnded,
    "continued_coop": PG.continuedCooperation, "improved_knowledge": PG.improvedKnowledge,
}  # fmt: skip
_REGION_ROLE = {"promoter": PG.promoterRegion, "partner": PG.partnerRegion}


@dataclass(frozen=True)
class DocGraph:
    """The named graph of one document: its IRI and its triples, as N-Triples lines in
    the order of their text (sorting the lines is done in C; sorting rdflib's terms, compared
    in Python, took nearly half the time a document's triples took)."""

    iri: URIRef
    lines: tuple[str, ...]


def document_iri(doc: Document, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a document and of its named graph: stable for the same source."""
    return document_iri_of(doc.key, base)


def document_iri_of(key: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the document with this key (its source URL, else its relative path)."""
    # a key from a file name that is not UTF-8 holds its bytes as lone surrogates
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return URIRef(f"{base}doc/{digest}")


@cache
def _alpha3(cc: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=cc)
    return country.alpha_3 if country is not None else None


@cache
def _country_name(cc: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=cc)
    return getattr(country, "common_name", None) or (country.name if country else None)


def country_iri(cc: str) -> URIRef | None:
    """The EU authority IRI of an ISO alpha-2 country code.

    >>> country_iri("LV")
    rdflib.term.URIRef('http://publications.europa.eu/resource/authority/country/LVA')
    """
    a3 = _alpha3(cc.upper())
    return EU_COUNTRY[a3] if a3 else None


_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`\x00-\x20]+")


def web_iri(text: str | None) -> URIRef | None:
    """An http(s) address from a document as an IRI, or None if it is not a clean one.

    Document text is data: an address with spaces, quotes or angle brackets is refused rather
    than written into a graph (or a SPARQL update) where it could end an IRI early.

    >>> web_iri("https://eeagrants.org/p/1"), web_iri('http://x> } DROP ALL { <y')
    (rdflib.term.URIRef('https://eeagrants.org/p/1'), None)
    """
    if not text or not _IRI.fullmatch(text.strip()):
        return None
    return URIRef(text.strip())


def project_iri(project: Project, base: str, document: URIRef | None = None) -> URIRef:
    """A project's IRI: by its number, else its name; a project a document is about but
    neither numbers nor names is that document's own (``DOC/project``), never one node that
    every such document would share."""
    if project.entity_type == "programme" and project.number:
        return URIRef(f"{base}programme/{slug(project.number)}")
    if project.number:
        return URIRef(f"{base}project/{slug(project.number)}")
    if not project.name and document is not None:
        return URIRef(f"{document}/project")
    return URIRef(f"{base}project/name-{slug(project.name or project.key)}")


def org_iri(identity: OrgIdentity, base: str) -> URIRef:
    return URIRef(f"{base}org/{(identity.country or 'xx').lower()}/{identity.slug}")


def place_iri(place: Place, base: str) -> URIRef:
    if place.type == "country" and place.country:
        iri = country_iri(place.country)
        if iri is not None:
            return iri
    return URIRef(f"{base}place/{(place.country or 'xx').lower()}/{slug(place.name)}")


class _Builder:
    def __init__(self, doc: Document, base: str) -> None:
        self.doc = doc
        self.base = base
        self.g = document_iri(doc, base)
        self.out: set[Triple] = set()
        self.lang = doc.language if doc.language and doc.language != "und" else None

    def name_lang(self, ident: OrgIdentity, name: str) -> str | None:
        """The language a name is written in: the registry's, else the document's for
        prose; names from structured data (a portal export, in many languages) are
        detected, else ``und``."""
        known = ident.name_langs.get(name)
        if known:
            return known
        if self.doc.kind == "portal-data":
            return language_of_name(name) or "und"
        return self.lang

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.out.add((s, p, o))

    def text(self, value: str, lang: str | None = None) -> Literal:
        return Literal(value, lang=lang or self.lang)

    def mention(self, thing: URIRef, ev: Evidence | None) -> None:
        if ev is None or ev.start == ev.end:
            return  # structured data: no text span; the named graph is the provenance
        m = URIRef(f"{self.g}{MENTION_PATH}{ev.start}-{ev.end}-{_short(str(thing))}")
        self.add(m, RDF.type, PG.Mention)
        self.add(m, PG.mentionOf, thing)
        self.add(m, PROV.wasDerivedFrom, self.g)
        self.add(m, PG.startOffset, _number(ev.start))
        self.add(m, PG.endOffset, _number(ev.end))
        self.add(m, PG.sentence, _sentence(ev.sentence))

    def nuts(self, code: str) -> URIRef:
        iri = NUTS[code]
        self.add(iri, SKOS.notation, Literal(code))
        return iri

    def country(self, cc: str | None) -> URIRef | None:
        if not cc:
            return None
        # what a country is (its code, its name) lives once, in the reference graph: repeated
        # in every document's graph it would multiply every join through it
        return country_iri(cc)


@lru_cache(maxsize=1 << 16)
def _number(value: int) -> Literal:
    """An integer's literal, made once (rdflib makes a literal in 24 µs; a document's
    mentions have two offsets each, most of them shared with other documents')."""
    return Literal(value)


@lru_cache(maxsize=1 << 10)
def _sentence(text: str) -> Literal:
    """A sentence's literal, made once for the mentions it holds."""
    return Literal(text)


def reference_lines() -> list[str]:
    """N-Triples of the reference graph: every country with its EU authority IRI, ISO code
    and English name."""
    import pycountry

    lines = []
    for country in pycountry.countries:
        iri = country_iri(country.alpha_2)
        if iri is None:
            continue
        name = _country_name(country.alpha_2) or country.name
        for p, o in (
            (RDF.type, SCHEMA.Country), (RDF.type, DCTERMS.Location),
            (SKOS.notation, Literal(country.alpha_2)), (SKOS.prefLabel, Literal(name, lang="en")),
        ):  # fmt: skip
            lines.append(nt_line(iri, p, o))
    return sorted(lines)


def _decimal(amount: Decimal) -> str:
    """The canonical lexical form of an xsd:decimal, so every serialiser writes it alike.

    >>> _decimal(Decimal("79445")), _decimal(Decimal("86580.00"))
    ('79445.0', '86580.0')
    """
    text = f"{amount.normalize():f}"
    return text if "." in text else f"{text}.0"


def _short(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def document_triples(
    doc: Document, extraction: Extraction, resolution: Resolution, *, base: str = DEFAULT_BASE
) -> DocGraph:
    """All triples read from one document, for its named graph."""
    b = _Builder(doc, base)
    g = b.g
    b.add(g, RDF.type, PG.SourceDocument)
    b.add(g, RDF.type, PROV.Entity)
    b.add(g, DCTERMS.source, web_iri(doc.source_url))
    b.add(g, PG.sourcePath, Literal(doc.key))
    b.add(g, PG.checksum, Literal(doc.checksum))
    b.add(g, DCTERMS.language, Literal(doc.language, datatype=XSD.language))
    b.add(g, DCTERMS["format"], Literal(doc.media_type))
    b.add(g, PG.documentKind, Literal(extraction.kind))
    for note in extraction.notes:
        b.add(g, SKOS.editorialNote, Literal(note, lang="en"))

    projects = {p.key: project_iri(p, base, g) for p in extraction.projects}
    for p in extraction.projects:
        _project(b, p, projects)
    orgs: dict[tuple[str, str | None], URIRef] = {}
    for m in extraction.organisations:
        orgs[(m.name, m.country)] = _organisation(b, m, resolution)
    places: dict[Place, URIRef] = {}
    for place in extraction.places:
        places[place] = _place(b, place)
    events = {e.key: _event(b, e, projects) for e in extraction.events}
    for role in extraction.roles:
        target = projects.get(role.target) or events.get(role.target)
        org = orgs.get((role.org.name, role.org.country)) or _organisation(b, role.org, resolution)
        if target is not None:
            b.add(target, _ROLE_PROPERTY[role.role], org)
    for link in extraction.links:
        a = orgs.get((link.a.name, link.a.country)) or _organisation(b, link.a, resolution)
        c = orgs.get((link.b.name, link.b.country)) or _organisation(b, link.b, resolution)
        if a != c:
            b.add(a, PG.cooperatesWith, c)
            b.add(c, PG.cooperatesWith, a)
    return DocGraph(g, tuple(sorted(nt_line(s, p, o) for s, p, o in b.out)))


def _project(b: _Builder, p: Project, projects: dict[str, URIRef]) -> None:
    iri = projects[p.key]
    b.add(iri, RDF.type, PG.Programme if p.entity_type == "programme" else PG.Project)
    if p.name:
        b.add(iri, SKOS.prefLabel, b.text(p.name))
    elif not p.number:  # unnamed: named after the document that describes it
        b.add(iri, SKOS.prefLabel, Literal(f"the project {b.doc.key} tells of", lang="en"))
    if p.number:
        b.add(iri, DCTERMS.identifier, Literal(p.number))
    if p.status:
        b.add(iri, PG.status, _STATUS.get(p.status))
    for cost in p.costs:
        c = URIRef(f"{iri}/cost/{cost.kind}/{cost.currency}/{cost.amount.normalize():f}")
        b.add(iri, PG.cost, c)
        b.add(c, RDF.type, SCHEMA.MonetaryAmount)
        b.add(c, SCHEMA.value, Literal(_decimal(cost.amount), datatype=XSD.decimal))
        b.add(c, SCHEMA.currency, Literal(cost.currency))
        b.add(c, PG.costKind, _COST_KIND[cost.kind])
        b.mention(c, cost.evidence)
    if p.continues and p.continues in projects:
        b.add(iri, PG.continues, projects[p.continues])
    if p.programme and p.programme in projects:
        b.add(iri, PG.programme, projects[p.programme])
    elif p.programme:
        prog = URIRef(f"{b.base}programme/{slug(p.programme)}")
        b.add(prog, RDF.type, PG.Programme)
        b.add(prog, SKOS.prefLabel, b.text(p.programme))
        b.add(iri, PG.programme, prog)
    for country in p.countries:
        cc = country if len(country) == 2 and country.isupper() else country_of_form(country)
        b.add(iri, PG.country, b.country(cc))
    if p.start is not None:
        b.add(iri, SCHEMA.startDate, Literal(p.start, datatype=XSD.date))
    if p.end is not None:
        b.add(iri, SCHEMA.endDate, Literal(p.end, datatype=XSD.date))
    for name, value in p.flags:
        b.add(iri, _FLAGS[name], Literal(value))
    for role, code in p.regions:
        b.add(iri, _REGION_ROLE[role], b.nuts(code))
    b.add(iri, FOAF.page, web_iri(p.url))
    if p.area:
        b.add(iri, PG.programmeArea, Literal(p.area))
    if p.sector:
        b.add(iri, PG.sector, Literal(p.sector))
    if p.mechanism:
        b.add(iri, PG.financialMechanism, Literal(p.mechanism))
    for cc in p.donor_states:
        b.add(iri, PG.donorState, b.country(cc))
    b.mention(iri, p.evidence)


def _organisation(b: _Builder, m: OrgMention, resolution: Resolution) -> URIRef:
    ident = resolution.of(m)
    iri = org_iri(ident, b.base)
    b.add(iri, RDF.type, ORG.Organization)
    if ident.type == "municipality":
        b.add(iri, RDF.type, PG.Municipality)
    b.add(iri, SKOS.prefLabel, Literal(ident.name, lang=b.name_lang(ident, ident.name)))
    if normalise(m.name) != normalise(ident.name):
        b.add(iri, SKOS.altLabel, Literal(m.name, lang=b.name_lang(ident, m.name)))
    if m.acronym:
        b.add(iri, SKOS.altLabel, Literal(m.acronym))
    b.add(iri, PG.country, b.country(ident.country))
    b.add(iri, PG.orgType, _ORG_TYPE.get(ident.type or ""))
    for scheme, value in ident.identifiers:
        if scheme == "wikidata":
            b.add(iri, SKOS.exactMatch, URIRef(WIKIDATA + value))
        else:
            b.add(iri, DCTERMS.identifier, Literal(f"{scheme}:{value}"))
    if m.region:
        b.add(iri, PG.region, b.nuts(m.region))
    if m.identifier:
        b.add(iri, DCTERMS.identifier, Literal(m.identifier))
    if ident.type == "municipality" and ident.seat and ident.country:
        seat = _place(b, Place(ident.seat, ident.country, "city", m.evidence), mention=False)
        b.add(iri, SCHEMA.location, seat)
    b.mention(iri, m.evidence)
    return iri


def _place(b: _Builder, place: Place, *, mention: bool = True) -> URIRef:
    iri = place_iri(place, b.base)
    if place.type == "country":
        b.country(place.country)
    else:
        b.add(iri, RDF.type, SCHEMA.City if place.type == "city" else SCHEMA.Place)
        b.add(iri, SKOS.prefLabel, Literal(place.name))
        b.add(iri, PG.country, b.country(place.country))
    if mention:
        b.mention(iri, place.evidence)
    return iri


def event_iri(e: Event, projects: dict[str, URIRef], doc: URIRef, base: str) -> URIRef:
    place = slug(f"{e.place.country or 'xx'} {e.place.name}") if e.place else "anywhere"
    if e.start is not None:
        return URIRef(f"{base}event/{e.type}/{e.start.isoformat()}/{place}")
    scope = projects.get(e.project or "") or doc
    return URIRef(f"{base}event/{e.type}/undated/{_short(str(scope))}/{place}")


def _event(b: _Builder, e: Event, projects: dict[str, URIRef]) -> URIRef:
    iri = event_iri(e, projects, b.g, b.base)
    b.add(iri, RDF.type, _EVENT_CLASS[e.type])
    b.add(iri, SKOS.prefLabel, b.text(e.label))
    if e.start is not None:
        b.add(iri, SCHEMA.startDate, Literal(e.start, datatype=XSD.date))
    if e.end is not None:
        b.add(iri, SCHEMA.endDate, Literal(e.end, datatype=XSD.date))
    if e.place is not None:
        b.add(iri, SCHEMA.location, _place(b, e.place))
    if e.project and e.project in projects:
        b.add(iri, PG.partOfProject, projects[e.project])
    b.mention(iri, e.evidence)
    return iri


class NodeMetrics(Protocol):
    """What the network metrics say of one organisation (see ``partnergraph.visualize``)."""

    @property
    def degree(self) -> int: ...
    @property
    def weighted_degree(self) -> float: ...
    @property
    def betweenness(self) -> float: ...
    @property
    def constraint(self) -> float | None: ...
    @property
    def community(self) -> int: ...


def metric_lines(metrics: Mapping[str, NodeMetrics]) -> list[str]:
    """N-Triples of the metrics graph: each organisation's degree, weighted degree,
    betweenness, constraint and community, sorted."""
    lines: list[str] = []
    for node, m in metrics.items():
        s = URIRef(node)
        decimals = {PG.weightedDegree: m.weighted_degree, PG.betweenness: m.betweenness}
        if m.constraint is not None:
            decimals[PG.constraint] = m.constraint
        values = [(PG.degree, Literal(m.degree)), (PG.community, Literal(m.community))]
        values += [(p, Literal(f"{v:.6f}", datatype=XSD.decimal)) for p, v in decimals.items()]
        lines.extend(nt_line(s, p, o) for p, o in values)
    return sorted(lines)
