"""One document → one :class:`Extraction`: facts block first, then the prose."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from partnergraph.ontology import BENEFICIARY_STATES, DONOR_STATES

from ..sources import Document, detect_language
from .countries import country_by_name, map_mentions, settle_countries
from .facts import FactsBlock, parse_facts
from .forms import base_form
from .gazetteer import country_of_form, town_countries
from .lexicon import lexicon, normalise, organisation_type
from .model import Evidence, Extraction, OrgMention, Project, RoleFact, StatedLink
from .prose import TextFacts, is_person_name, read_text, spelled_by
from .registry import registry_entry

__all__ = ["extract", "warm"]


def extract(doc: Document) -> Extraction:
    """Read everything partnergraph can from one document.

    Raises :class:`partnergraph.graph.portal.PortalError` for a data file it cannot read.
    """
    if doc.media_type == "application/json":
        from .portal import read_json

        return read_json(doc)
    if doc.media_type == "text/csv":
        from .portal import read_table

        return read_table(doc)
    if doc.media_type.endswith("spreadsheetml.sheet"):
        from .portal import read_table, xlsx_rows

        return read_table(doc, xlsx_rows(doc.path))
    block = parse_facts(doc.text)
    if block is not None:
        block = _with_countries(_without_persons(block, doc.language))
    project: Project | None = block.project if block else None
    promoter: OrgMention | None = None
    if block is not None:
        promoter = next((r.org for r in block.roles if r.role == "promoter"), None)
    prose = read_text(
        doc.text,
        doc.language,
        # prose before a facts block is read too, when there is more than a title line
        start=block.end if block and not _prose_before(doc.text, block.start) else 0,
        skip=(block.start, block.end) if block else None,
        read=block.unknown if block else (),
        known=block.organisations if block else (),
        project=project,
        promoter=promoter,
        block_roles=bool(block and block.roles),
    )
    projects: list[Project] = []
    if project is not None:
        continued = prose.continues[0][1].key if prose.continues else None
        projects.append(replace(project, continues=continued))
    projects.extend(prose.projects)
    kind = doc.kind or ("project-page" if block is not None else "news")
    notes = list(block.notes) if block else []
    roles = [*(block.roles if block else ()), *prose.roles]
    if kind == "project-page":
        page_roles, page_project = _page_roles(doc, projects, roles, prose)
        roles.extend(page_roles)
        if page_project is not None:
            projects.insert(0, page_project)
    if prose.costs and projects and not projects[0].costs:
        # what the prose says the page's project costs, where no facts block says it
        projects[0] = replace(projects[0], costs=prose.costs)
    if block is None and not prose.organisations:
        notes.append("no facts block and no organisation found in the text")
    read = Extraction(
        kind=kind,
        language=doc.language,
        projects=tuple(projects),
        organisations=(*(block.organisations if block else ()), *prose.organisations),
        places=prose.places,
        events=prose.events,
        roles=tuple(roles),
        links=prose.links,
        notes=tuple(notes),
    )
    # countries from the whole document first: the last resort's sides are told by them
    page = _page_countries(_numbered_in(project.number if project else None))
    read = settle_countries(_link_short_forms(_without_project_acronyms(read)), page, doc.text)
    if kind == "project-page":
        read = _donor_state_partners(read)
    read = _visited_at_home(read)
    # news pair by country only around an event; a project page is a partnership itself
    paired = bool(read.events) if kind == "news" else kind == "project-page"
    if paired and read.organisations and not read.links and not _pairs_from_roles(read.roles):
        read = replace(read, links=_last_resort(read, doc.language))
    return _in_base_form(read)


def _in_base_form(read: Extraction) -> Extraction:
    """Every organisation named in its base form ("z Gminą Obrowo": Gmina Obrowo), in its
    roles and links too; the same extraction when no name changes."""
    named: dict[OrgMention, OrgMention] = {}
    for org in read.organisations:
        name = base_form(org.name, read.language)
        if name != org.name:
            named[org] = replace(org, name=name)
    if not named:
        return read

    def based(org: OrgMention) -> OrgMention:
        return named.get(org) or org

    return replace(
        read,
        organisations=tuple(map(based, read.organisations)),
        roles=tuple(replace(r, org=based(r.org)) for r in read.roles),
        links=tuple(replace(k, a=based(k.a), b=based(k.b)) for k in read.links),
    )


def _visited_at_home(read: Extraction) -> Extraction:
    """Who visited and who was visited, told by the country a study visit went to.

    A visit's participant from that country is one of those it visited (its host), not a
    visitor, when the visit's other participants are from elsewhere or unknown, or the
    visit went abroad from the country whose language the document is written in:
    visitors travel to another country. A visit within one country (every participant
    from the country it went to) is left as read.

    A project's visit that names none of its visitors, and is hosted by one of the
    project's organisations (or names no host, the project having organisations in the
    country it went to, who then host it), was made by the project's organisations from
    elsewhere.
    """
    written = lexicon().language_countries.get(read.language)
    visits = [
        (e, e.place.country)
        for e in read.events
        if e.type == "study_visit" and e.place is not None and e.place.country is not None
    ]
    hosts: set[tuple[str, str]] = set()
    for event, there in visits:
        guests = {
            _identity(r.org): r.org
            for r in read.roles
            if r.target == event.key and r.role == "participant"
        }
        home = {key for key, org in guests.items() if org.country == there}
        abroad = written is not None and written != there
        if home and (abroad or home != guests.keys() or len(home) == 1):
            hosts.update((event.key, key) for key in home)
    roles = [
        replace(r, role="host")
        if r.role == "participant" and (r.target, _identity(r.org)) in hosts
        else r
        for r in read.roles
    ]
    for event, there in visits:
        mine = [r for r in roles if r.target == event.key]
        if event.project is None or any(r.role == "participant" for r in mine):
            continue
        members = {
            _identity(r.org): r.org
            for r in roles
            if r.target == event.project and r.role in _PROJECT_ROLES
        }
        named = {_identity(r.org) for r in mine}
        hosted = {_identity(r.org) for r in mine if r.role == "host"} & members.keys()
        added = [
            RoleFact(org, "host", event.key, event.evidence)
            for org in members.values()
            if org.country == there and not mine
        ]
        if not added and not hosted:
            continue  # it visited no one of the project (a museum, a firm): a trip's stop
        visitors = [
            RoleFact(org, "participant", event.key, event.evidence)
            for key, org in members.items()
            if org.country not in (None, there) and key not in named
        ]
        if visitors:
            roles.extend([*added, *visitors])
    return replace(read, roles=tuple(dict.fromkeys(roles)))


_PROJECT_ROLES = frozenset({"promoter", "partner", "donor_partner"})


#: A line this long before a facts block is prose, not a title or a heading.
_PROSE_BEFORE = 160


def _prose_before(text: str, start: int) -> bool:
    """Whether the page has prose before its facts block (a block at the page's end)."""
    return any(len(line.strip()) >= _PROSE_BEFORE for line in text[:start].splitlines())


def _last_resort(read: Extraction, language: str) -> tuple[StatedLink, ...]:
    """Pairs by country, for a document that states no pair: of each event, among those
    the text gives a role in it; where no event has both sides, of the whole document (a
    news item, or a project page whose roles pair no one: the bilateral partnership the
    page is about)."""
    pairs: dict[tuple[str, str], StatedLink] = {}
    for event in read.events:
        members = tuple(r.org for r in read.roles if r.target == event.key)
        for link in _paired_by_country(members, event.evidence, language, _ONE_EVENT):
            pairs.setdefault((_identity(link.a), _identity(link.b)), link)
    if pairs:
        return tuple(pairs.values())
    if read.kind == "project-page":
        first = read.organisations[0].evidence
        where = next((p.evidence for p in read.projects if p.evidence is not None), first)
        return _paired_by_country(read.organisations, where, language, _ONE_PAGE)
    return _paired_by_country(read.organisations, read.events[0].evidence, language, _ONE_DOCUMENT)


#: The most pairs the last-resort pairing makes; more means a document of many parties
#: whose pairs it cannot tell.
_MOST_PAIRED = 16

_HOSTING = frozenset({"host", "organiser"})


def _pairs_from_roles(roles: Iterable[RoleFact]) -> bool:
    """Whether the roles already pair anyone: a host or organiser and a participant of one
    event, or a promoter and a partner of one project."""
    by_target: dict[str, set[str]] = defaultdict(set)
    for role in roles:
        by_target[role.target].add(role.role)
    return any(
        (kinds & _HOSTING and "participant" in kinds)
        or ("promoter" in kinds and kinds & {"partner", "donor_partner"})
        for kinds in by_target.values()
    )


_ONE_EVENT = "a donor-state and a beneficiary-state organisation of one event"
_ONE_DOCUMENT = "a donor-state and a beneficiary-state organisation of one news item"
_ONE_PAGE = "a donor-state and a beneficiary-state organisation of one project page"


def _paired_by_country(
    orgs: tuple[OrgMention, ...], evidence: Evidence, language: str, scope: str
) -> tuple[StatedLink, ...]:
    """The last resort for a news item about an event that states no pair: each donor-state
    organisation it names with each beneficiary-state one (the bilateral cooperation the
    grants fund), marked as such in the link's reason. An organisation whose country
    cannot be told is taken to be on the side of the country whose language the item is
    written in (for this pairing only; its country stays unknown); in English, it is left
    out. A document that would give more than a few pairs gives none."""
    home = lexicon().language_countries.get(language)
    first: dict[str, tuple[OrgMention, str]] = {}
    for org in orgs:
        country = org.country or home
        if country is not None:
            first.setdefault(_identity(org), (org, country))
    donors = [o for o, cc in first.values() if cc in DONOR_STATES]
    # (a body of a third country — the Financial Mechanism Office in Brussels, a partner
    # from Germany — is on neither side)
    others = [o for o, cc in first.values() if cc in BENEFICIARY_STATES]
    if not donors or not others or len(donors) * len(others) > _MOST_PAIRED:
        return ()
    why = f"paired by country (last resort): {scope}"
    return tuple(StatedLink(d, o, why, evidence) for d in donors for o in others)


def _page_countries(project_countries: list[str]) -> frozenset[str]:
    """The countries a project page's organisations may be from: its project's and the
    donor states; none told (any country) when the project's is not known."""
    return frozenset(project_countries) | DONOR_STATES if project_countries else frozenset()


def _numbered_in(number: str | None) -> list[str]:
    """The beneficiary state a project's number opens with ("RO19-0123", "CZ-ENERGY-0021",
    "EL-ACF-0007"), if any."""
    number = number or ""
    code = number[:2].upper() if number[:2].isalpha() else ""
    if code not in BENEFICIARY_STATES or number[2:3].isalpha():
        return []
    return ["GR" if code == "EL" else code]


def _without_persons(block: FactsBlock, language: str) -> FactsBlock:
    """The block without the persons it lists among the bodies ("Partners: AKKS
    Trondheim(NO), Gunhild Løhre(NO)"): a person may be a project's partner, but is no
    organisation; a note says who was left out."""
    persons = {
        id(o) for o in block.organisations if o.type is None and is_person_name(o.name, language)
    }
    if not persons:
        return block
    left = [o.name for o in block.organisations if id(o) in persons]
    return replace(
        block,
        organisations=tuple(o for o in block.organisations if id(o) not in persons),
        roles=tuple(r for r in block.roles if id(r.org) not in persons),
        notes=(*block.notes, *(f"{name!r} is a person, not an organisation" for name in left)),
    )


def _with_countries(block: FactsBlock) -> FactsBlock:
    """Give organisations the type their name tells, and, without a ``(CC)``, the country
    their name or the page tells.

    The promoter of a project "carried out in" one country, or whose number opens with a
    beneficiary state's code, is taken to be from there.
    """
    carried = [cc for cc in (country_of_form(c) for c in block.project.countries) if cc]
    if not carried:
        carried = _numbered_in(block.project.number)
    promoters = {id(r.org) for r in block.roles if r.role == "promoter"}
    page = _page_countries(carried)
    fixed: dict[int, OrgMention] = {}
    for org in block.organisations:
        country = org.country
        if country is None and id(org) in promoters and len(carried) == 1:
            country = carried[0]  # before a town in its name: "Alba" is no Italian's here
        # a town in the name tells its country only where the page may be: the project's
        # country or a donor state ("Asociația … Alba" on a Romanian page)
        country = country or country_by_name(org.name, page)
        org_type = org.type or organisation_type(org.name)
        if (country, org_type) != (org.country, org.type):
            fixed[id(org)] = replace(org, country=country, type=org_type)
    if not fixed:
        return block
    return replace(
        block,
        organisations=tuple(fixed.get(id(o), o) for o in block.organisations),
        roles=tuple(
            RoleFact(fixed.get(id(r.org), r.org), r.role, r.target, r.evidence) for r in block.roles
        ),
    )


def _donor_state_partners(read: Extraction) -> Extraction:
    """A project partner from a donor state (Iceland, Liechtenstein, Norway) is a donor
    project partner, as the grants define one: the facts block's rule (its partners'
    countries are known as it reads them), kept for the roles whose countries were told
    later, by the text ("Project partners: …, Asker Næringsråd (Norway).")."""
    roles = tuple(
        replace(r, role="donor_partner")
        if r.role == "partner" and r.org.country in DONOR_STATES
        else r
        for r in read.roles
    )
    return read if roles == read.roles else replace(read, roles=roles)


def _page_roles(
    doc: Document, projects: list[Project], roles: list[RoleFact], prose: TextFacts
) -> tuple[list[RoleFact], Project | None]:
    """On a project page, organisations the prose names get the page project's roles.

    A donor-state organisation with no role yet is a donor project partner; where the page
    names no promoter, the one beneficiary-state organisation stated to cooperate with a
    donor partner is the promoter. A page without a facts block gets an implicit project.
    """
    page_project = None
    if not projects:
        page_project = Project(key="page", name=None, number=None)
        target = page_project.key
    else:
        target = projects[0].key
    page_roles = [r for r in roles if r.target == target]
    have = {_identity(r.org) for r in page_roles}
    added: list[RoleFact] = []
    if not any(r.role in ("partner", "donor_partner") for r in page_roles):
        # the facts block, where there is one, is the authority on partners
        for org in prose.organisations:
            if org.country in DONOR_STATES and _identity(org) not in have:
                added.append(RoleFact(org, "donor_partner", target, org.evidence))
                have.add(_identity(org))
        # a list of bodies, one to an item, one of which the text gives a role in the
        # project (the lead partner; not a role given above for want of any): the others
        # are its partners (a body is known by its acronym too: "BIA" is the promoter,
        # "Bulgarian Industrial Association (BIA)" its item)
        roled = {k for r in page_roles if r.role in _PROJECT_ROLES for k in _keys(r.org)}
        known = {k for r in page_roles for k in _keys(r.org)} | have
        for items in _lists_of_bodies(doc.text, prose.organisations):
            if any(_keys(org) & roled for org in items):
                for org in items:
                    if not _keys(org) & known:
                        role = "donor_partner" if org.country in DONOR_STATES else "partner"
                        added.append(RoleFact(org, role, target, org.evidence))
                        known |= _keys(org)
    donors = {_identity(r.org) for r in [*page_roles, *added] if r.role == "donor_partner"}
    if not any(r.role == "promoter" and r.target == target for r in roles):
        candidates = {
            (other.name, other.country): other
            for link in prose.links
            for org, other in ((link.a, link.b), (link.b, link.a))
            if _identity(org) in donors and other.country and other.country not in DONOR_STATES
        }
        if len(candidates) == 1:
            (org,) = candidates.values()
            added.append(RoleFact(org, "promoter", target, org.evidence))
    if page_project is not None and not added:
        return [], None
    return added, page_project


_LIST_ITEM = re.compile(r"^[ \t]*[-•*–·▪●◦][ \t]+\S.*$", re.M)
#: An item that names a body and nothing more is short: a name, its acronym, a role.
_ITEM_LENGTH = 120


def _lists_of_bodies(text: str, orgs: tuple[OrgMention, ...]) -> list[list[OrgMention]]:
    """The page's bulleted lists of two items or more that each name one body and nothing
    more (a name, its acronym, a role: "• Bulgarian Industrial Association (BIA) – Lead
    partner"), each as the bodies it lists; an item of another kind ends a list."""
    lists: list[list[OrgMention]] = []
    current: list[OrgMention] = []
    end = -1
    for item in _LIST_ITEM.finditer(text):
        if text[end : item.start()].strip() or end < 0:
            if len(current) >= 2:
                lists.append(current)
            current = []
        end = item.end()
        inside = [org for org in orgs if item.start() <= org.evidence.start < item.end()]
        short = {org.acronym for org in inside if org.acronym}  # "… Association (BIA)"
        named = {_identity(org): org for org in inside if org.name not in short}
        if len(named) == 1 and len(item.group().strip()) <= _ITEM_LENGTH:
            current.append(next(iter(named.values())))
        else:
            if len(current) >= 2:
                lists.append(current)
            current = []
    if len(current) >= 2:
        lists.append(current)
    return lists


def _keys(org: OrgMention) -> set[str]:
    """What a body is known by within a page: its identity, its acronym, its long form."""
    return {_identity(org), *(normalise(n) for n in (org.acronym, org.long_form) if n)}


def _identity(org: OrgMention) -> str:
    """Within one page: the registry entry a name or acronym belongs to, a municipality's
    seat ("municipality of Øvre Eiker" is "The Øvre Eiker municipality"), else the folded
    name."""
    for name in (org.name, org.acronym):
        entry = registry_entry(name, org.country) if name else None
        if entry is not None:
            return f"reg:{entry.id}"
    if org.type == "municipality" and org.seat:
        return f"seat:{normalise(org.seat)}"
    return normalise(org.name)


def _without_project_acronyms(ex: Extraction) -> Extraction:
    """No organisation named by a project's short form: the acronym a project's name gives
    in brackets ("… decent work project (SDSD)"), or the whole name of one."""
    shorts = {
        word
        for p in ex.projects
        for word in [*_IN_BRACKETS.findall(p.name or ""), p.name or ""]
        if _ACRONYM_ONLY.fullmatch(word)
    }
    if not any(o.name in shorts for o in ex.organisations):
        return ex

    def kept(m: OrgMention) -> bool:
        return m.name not in shorts

    return replace(
        ex,
        organisations=tuple(o for o in ex.organisations if kept(o)),
        roles=tuple(r for r in ex.roles if kept(r.org)),
        links=tuple(link for link in ex.links if kept(link.a) and kept(link.b)),
    )


_IN_BRACKETS = re.compile(r"\((\w+)\)")


def _link_short_forms(ex: Extraction) -> Extraction:
    """Tie a short form ("Norwegian Association", "Commission of Historians") or an acronym
    ("MEERI PAS") to the one fuller name of the same document it is part of."""
    lex = lexicon()
    everyone = [
        *ex.organisations,
        *(r.org for r in ex.roles),
        *(x for link in ex.links for x in (link.a, link.b)),
    ]
    full = {m.name: m for m in everyone}
    by_acronym = {m.acronym: m for m in everyone if m.acronym}
    folded = {name: normalise(name).split() for name in full}
    # every run of words of every name, pointing at the names it is part of: one look-up a
    # name instead of a scan of all the others (a page may name thousands)
    containing: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for other_name, other_words in folded.items():
        n = len(other_words)
        for size in range(2, min(n - 1, _LONGEST_SHORT_FORM) + 1):
            for run in {tuple(other_words[i : i + size]) for i in range(n - size + 1)}:
                containing[run].append(other_name)
    fixed: dict[str, tuple[str, str | None]] = {}  # short name → (fuller name, its country)
    for name, m in full.items():
        words = folded[name]
        if m.long_form or normalise(name) in lex.generic:
            continue
        if name in by_acronym and by_acronym[name].name != name:
            longer = [by_acronym[name]]
        elif _ACRONYM_ONLY.fullmatch(name) and not m.acronym:
            # an acronym no name of the document was given: the one whose acronym holds it
            # ("MEERI" of "MEERI PAS") or whose words' first letters spell it ("BBU")
            longer = [
                full[other]
                for other in full
                if other != name
                and m.country in (None, full[other].country)
                and (
                    name in (full[other].acronym or "").split()
                    or _opens_spelled(full[other].name, name)
                )
            ]
        elif len(words) >= 2:
            longer = [
                full[other_name]
                for other_name in containing.get(tuple(words), ())
                if m.country in (None, full[other_name].country)
            ]
        else:
            continue
        targets = {o.name for o in longer}
        if len(targets) == 1:
            (target,) = longer[:1]
            fixed[name] = (target.name, target.country)

    def swap(o: OrgMention) -> OrgMention:
        if o.name not in fixed or o.country not in (None, fixed[o.name][1]):
            return o
        long_form, country = fixed[o.name]
        return replace(o, long_form=long_form, country=o.country or country)  # its own evidence

    return map_mentions(ex, swap) if fixed else ex


def _opens_spelled(name: str, acronym: str) -> bool:
    """Whether the first letters of a name's words, from its first on, spell ``acronym``
    ("'Babes Bolyai' University of Cluj Napoca": BBU)."""
    words = name.split()
    return any(
        spelled_by(words[:k], acronym) == words[:k] for k in range(2, min(len(words), 12) + 1)
    )


_ACRONYM_ONLY = re.compile(r"[A-ZÆØÅА-ЯΑ-Ω][A-ZÆØÅА-ЯΑ-Ω0-9]{1,6}")

#: Short forms of more words than this are not looked for inside longer names.
_LONGEST_SHORT_FORM = 12


def warm() -> None:
    """Load what extraction loads on first use (language model, gazetteer, date names), so
    workers forked afterwards share it instead of each loading it."""
    text = "On 3 March 2020 the Municipality of Riga hosted a study visit of Oslo kommune."
    doc = Document("warm", "warm", text, None, "news", detect_language(text), "utf-8",
                   "text/plain", "")  # fmt: skip
    extract(doc)
    town_countries("Oslo")  # the towns' table, which only some names ask for
