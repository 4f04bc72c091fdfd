"""One document's extraction as a JSON record in the gold-annotation schema.

The schema is the one of ``../shared/corpus/README.md``: ``doc``, ``kind``, ``language``,
``projects``, ``organisations`` (name, aliases, country, type, roles), ``places``,
``events`` and ``cooperation_links``. Organisations are grouped by the identity the resolver
gave them, so "KS" and "Norwegian Association of Local and Regional Authorities (KS)" in
one document are one entry with aliases. Cooperation links are what the schema lists:
promoter ↔ partner, organiser or host ↔ participant, and cooperation the text states.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from partnergraph.ontology import DONOR_STATES

from .extract.lexicon import normalise
from .extract.model import Extraction, Money, OrgMention, Project
from .resolve import Resolution
from .sources import Document

__all__ = ["HEADLINE_RANK", "headline_cost", "to_record"]

_PARTNER_ROLES = ("partner", "donor_partner")
#: The headline cost: final if stated, else initial, else a stated total, else the grant
#: (gold convention).
HEADLINE_RANK = {"final": 0, "initial": 1, "total": 2, "grant": 3, "paid": 4}
_HOSTING_ROLES = ("organiser", "host")


def _project_ref(project: Project) -> str:
    return project.number or project.name or project.key


def to_record(doc: Document, ex: Extraction, resolution: Resolution) -> dict[str, Any]:
    """The gold-schema record of one document."""
    projects = {p.key: p for p in ex.projects}
    events = {e.key: e for e in ex.events}

    # organisations, grouped by identity, in order of first mention
    groups: dict[str, list[OrgMention]] = {}
    mentions = [
        *ex.organisations,
        *(r.org for r in ex.roles),
        *(x for link in ex.links for x in (link.a, link.b)),
    ]
    for m in mentions:
        groups.setdefault(resolution.of(m).key, []).append(m)
    roles: dict[str, list[dict[str, str]]] = defaultdict(list)
    for role in ex.roles:
        key = resolution.of(role.org).key
        target = projects.get(role.target)
        if target is not None:
            entry = {"project": _project_ref(target), "role": role.role}
        elif role.target in events:
            event = events[role.target]
            project = projects.get(event.project or "")
            entry = {"project": _project_ref(project) if project else "", "role": role.role}
        else:
            continue
        if entry not in roles[key]:
            roles[key].append(entry)
    organisations = []
    names: dict[str, str] = {}
    for key, ms in groups.items():
        ident = resolution.identities[key]
        seen = list(dict.fromkeys([*(m.name for m in ms), *(m.acronym for m in ms if m.acronym)]))
        name = max(seen, key=lambda n: (len(n) > 6 and not n.isupper(), len(n)))
        names[key] = name
        organisations.append(
            {
                "name": name,
                "aliases": [n for n in seen if n != name],
                "country": ident.country,
                "type": ident.type,
                "roles": roles.get(key, []),
            }
        )

    def org_name(m: OrgMention) -> str:
        return names[resolution.of(m).key]

    out_events = []
    for e in ex.events:
        event_roles = [r for r in ex.roles if r.target == e.key]
        project = projects.get(e.project or "")
        out_events.append(
            {
                "type": e.type,
                "label": e.label,
                "start": e.start.isoformat() if e.start else None,
                "end": e.end.isoformat() if e.end else None,
                "place": e.place.name if e.place else None,
                "participants": _unique(
                    org_name(r.org) for r in event_roles if r.role == "participant"
                ),
                "organisers": _unique(
                    org_name(r.org) for r in event_roles if r.role == "organiser"
                ),
                "hosts": _unique(org_name(r.org) for r in event_roles if r.role == "host"),
                "project": _project_ref(project) if project else None,
                "date_text": e.date_text,
            }
        )
    return {
        "doc": doc.key,
        "path": doc.path,
        "kind": ex.kind,
        "language": ex.language,
        "projects": [_project(p, projects) for p in ex.projects],
        "organisations": organisations,
        "places": _places(ex),
        "events": out_events,
        "cooperation_links": _links(ex, org_name, events),
        "notes": list(ex.notes),
    }


def _project(p: Project, projects: dict[str, Project]) -> dict[str, Any]:
    headline = headline_cost(p)
    earlier = projects.get(p.continues or "")
    return {
        "name": p.name,
        "number": p.number,
        "status": p.status,
        "cost": {
            "amount": float(headline.amount),
            "currency": headline.currency,
            "kind": headline.kind,
        }
        if headline
        else None,
        "costs": [
            {"amount": float(c.amount), "currency": c.currency, "kind": c.kind} for c in p.costs
        ],
        "programme": p.programme,
        "continues": _project_ref(earlier) if earlier else p.continues,
        "entity_type": p.entity_type,
        "start": p.start.isoformat() if p.start else None,
        "end": p.end.isoformat() if p.end else None,
    }


def headline_cost(p: Project) -> Money | None:
    """The cost a person quotes: final if stated, else initial, else the total, else the grant;
    EUR first."""
    rank = HEADLINE_RANK
    return min(p.costs, key=lambda c: (rank.get(c.kind, 9), c.currency != "EUR"), default=None)


def _places(ex: Extraction) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for place in ex.places:
        seen.setdefault(
            normalise(place.name),
            {"name": place.name, "country": place.country, "type": place.type},
        )
    return list(seen.values())


def _links(ex: Extraction, org_name: Any, events: dict[str, Any]) -> list[list[str]]:
    pairs: dict[tuple[str, str], str] = {}

    def add(a: str, b: str, why: str) -> None:
        if a != b and (a, b) not in pairs and (b, a) not in pairs:
            pairs[(a, b)] = why

    by_target: dict[str, list[tuple[str, str]]] = defaultdict(list)
    countries: dict[str, str | None] = {}
    for role in ex.roles:
        by_target[role.target].append((org_name(role.org), role.role))
        countries.setdefault(org_name(role.org), role.org.country)
    for target, members in by_target.items():
        if target in events:
            why = f"same event ({events[target].label})"
            hosts = [n for n, r in members if r in _HOSTING_ROLES]
            for guest in (n for n, r in members if r == "participant"):
                for host in hosts:
                    add(host, guest, why)
            # whatever roles the text gave them, an event's donor-state parties met its
            # beneficiary-state ones: the bilateral cooperation the grants fund
            names = list(dict.fromkeys(n for n, _r in members))
            for donor in (n for n in names if countries[n] in DONOR_STATES):
                for other in names:
                    if countries[other] not in (None, *DONOR_STATES):
                        add(donor, other, why)
        else:
            promoters = [n for n, r in members if r == "promoter"]
            for partner in (n for n, r in members if r in _PARTNER_ROLES):
                for promoter in promoters:
                    add(promoter, partner, f"promoter and partner of {target}")
    for link in ex.links:
        add(org_name(link.a), org_name(link.b), link.why)
    return [[a, b, why] for (a, b), why in pairs.items()]


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))
