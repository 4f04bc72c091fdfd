"""Free text: organisations, places, events, roles, continuation and stated cooperation.

Deterministic and multilingual through data: the words come from ``lexicon.json`` and
``registry.json``; the modules beside this one apply them, sentence by sentence, and
:func:`read_text` puts their findings together. Every item keeps its evidence (offsets
into the document text and the sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..lexicon import Lexicon, lexicon
from ..model import Event, Evidence, Money, OrgMention, Place, Project, RoleFact, StatedLink
from .events import (
    FOCUS_SENTENCES,
    EventDraft,
    find_events,
    merge_into,
    more_precise,
    refers_back,
)
from .organisations import DocNames, announces_list, document_acronyms, find_organisations
from .places import city_named_in, countries_in, find_places, follows_origin, told_places
from .projects import (
    find_continuation,
    find_costs,
    find_named_project,
    find_other_project,
    same_project_name,
)
from .roles import (
    apposed_roles,
    event_owned,
    find_cues,
    find_project_roles,
    find_stated_links,
    forward_cues,
    is_venue,
    nearest_cue,
    verb_cues,
    visit_role_by_case,
)
from .sentences import Sentence, quotations, sentences

__all__ = ["TextFacts", "read_text"]

_YEAR = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)(?!\d)")
#: A period of years ("2009-2014", "2014–2021": a programme's): no date's year.
_PERIOD = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)\s*[-–—]\s*(?:199\d|20[0-3]\d)(?!\d)")


#: An item of a bulleted or numbered list.
_LIST_ITEM = re.compile(r"\s*(?:[•·▪●◦*–-]|\d{1,2}[.)])\s+\S")
#: A list heading is a few words and a colon: "Participants:", "Hosted by:".
_HEADING_WORDS = 4


def _heading_role(sent: Sentence, lex: Lexicon) -> str | None:
    """The role a list heading gives the items under it ("Participants:", "Hosts:",
    "Organised by:"): the one role cue of a line of a few words that ends in a colon."""
    text = sent.text.strip()
    if not text.endswith(":") or len(text.split()) > _HEADING_WORDS:
        return None
    roles = {role for _a, _b, role in find_cues(sent, lex.roles)}
    if len(roles) != 1:
        return None
    role = roles.pop()
    return "host" if role in ("visited", "hosting") else role


#: Roles a body shares with whom it cooperates in it: co-organisers, co-hosts.
_SHARED_ROLES = frozenset({"organiser", "host"})


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < at < b for a, b in spans)


def _year_before(years: list[tuple[int, int]], at: int) -> int | None:
    """The year a date with no year means: the last one named before, else the first after."""
    before = [y for pos, y in years if pos < at]
    if before:
        return before[-1]
    return years[0][1] if years else None


def _one_project_word(sent: Sentence, names: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether the sentence says "project" of one (a plural names none: "financing
    projects", "77 projektů"; nor does a word of a body's name, ``names`` being where
    the sentence's bodies are named: "Project Management Centre")."""
    plurals = _project_plurals()
    return any(
        not m.group().lower().endswith(plurals)
        and not any(a <= m.start() < b for a, b in names)
        and (m.group().lower() != "project" or _definite_before(sent.text[: m.start()]))
        for m in lex.project_words.finditer(sent.text)
    )


#: English words that make the project word name one project ("the project", "its
#: bilateral project"), and those that make it any project ("an EU project").
_DEFINITE = frozenset({"the", "this", "that", "our", "its", "their", "his", "her", "whose"})
_INDEFINITE = frozenset({"a", "an", "any", "each", "every", "another", "one", "no"})
_WORD_BEFORE = re.compile(r"[\w'’-]+")


def _definite_before(before: str) -> bool:
    """Whether an English project word names one project: a definite article, demonstrative
    or possessive up to three words before it, with no indefinite one nearer ("the
    EEA-funded project", "NAMRB's project"; not "an EU project", "As Project Partner",
    "donor project partners")."""
    for word in reversed(_WORD_BEFORE.findall(before)[-4:]):
        folded = word.casefold()
        if folded in _INDEFINITE:
            return False
        if folded in _DEFINITE or folded.endswith(("'s", "’s")):
            return True
    return False


@cache
def _project_plurals() -> tuple[str, ...]:
    return tuple(lexicon().raw["project_words"]["plural_forms"])


def _merge_sub_activities(events: list[EventDraft]) -> list[EventDraft]:
    """Meetings of a visit are part of the visit: a meeting with no date of its own, in a
    text that tells of a visit, is merged into the visit (its roles too) when it has no
    place, or the visit's, or one in the country the visit went to (which it then makes
    more precise), or when the visit names no place (which it then takes)."""
    visit = next((e for e in events if e.type == "study_visit"), None)
    if visit is None:
        return events
    meetings = [e for e in events if e.type == "meeting" and (e.start or e.place)]
    if visit.start is None and visit.place is None and len(meetings) == 1:
        # "Vizītes pirmajā daļā …" after a dated meeting with guests: the visit that
        # names neither a date nor a place is that meeting's
        meetings[0].roles.extend(visit.roles)
        return [e for e in events if e is not visit]
    kept = []
    for draft in events:
        if draft.type == "meeting" and draft.start is None and _within(draft.place, visit):
            visit.roles.extend(draft.roles)
            if draft.place is not None and (
                visit.place is None or more_precise(draft.place, visit.place)
            ):
                visit.place = draft.place
        else:
            kept.append(draft)
    return kept


def _event_of(
    org: OrgMention, named_at: list[tuple[int, EventDraft]], current: EventDraft
) -> EventDraft:
    """The event a body's role in a sentence is in: of several the sentence names, the one
    named last before the body; else the current event."""
    before = [event for at, event in named_at if at < org.evidence.start]
    return before[-1] if len(named_at) > 1 and before else current


def _hosts_town(gathering: EventDraft) -> Place | None:
    """Where a gathering that names no place was: the town of the body that hosted it (a
    visit's: the body it visited), when the body's name holds it ("visited the University
    of Bergen", "hosted by the University of Bergen": Bergen) or the body is a
    municipality seated there; none when its hosts are in two towns."""
    towns = set()
    for org, role, _ev in gathering.roles:
        if role != "host":
            continue
        town = org.seat if org.type == "municipality" and org.seat else city_named_in(org.name)
        if town is not None:
            towns.add((town, org.country, org.evidence))
    if len({name for name, _cc, _ev in towns}) != 1:
        return None
    name, country, evidence = min(towns, key=lambda t: t[2].start)
    return Place(name, country, "city", evidence)


def _within(place: Place | None, visit: EventDraft) -> bool:
    """Whether a meeting at ``place`` can be part of ``visit``."""
    if place is None or visit.place is None or place.name == visit.place.name:
        return True
    return visit.place.type != "city" and place.country == visit.place.country


@dataclass(frozen=True)
class TextFacts:
    """What the free text gave."""

    organisations: tuple[OrgMention, ...]
    places: tuple[Place, ...]
    events: tuple[Event, ...]
    roles: tuple[RoleFact, ...]
    links: tuple[StatedLink, ...]
    projects: tuple[Project, ...]
    continues: tuple[tuple[str, Project], ...]
    #: Costs the prose states of a project ("The project budget is EUR 450 000").
    costs: tuple[Money, ...] = ()


def read_text(
    text: str,
    language: str,
    *,
    start: int = 0,
    skip: tuple[int, int] | None = None,
    read: Iterable[tuple[int, int]] = (),
    known: Iterable[OrgMention] = (),
    project: Project | None = None,
    promoter: OrgMention | None = None,
    block_roles: bool = False,
) -> TextFacts:
    """Read the prose of a document from ``start`` on.

    ``skip`` is a span the prose does not hold (a facts block inside the page), but for
    the spans of ``read`` (its lines of labels it does not know: "Donor institution: …");
    ``known`` are organisations already read (from a facts block) so the text can refer to
    them; ``project`` is the document's own project, if it has one; events read here belong
    to it, and its ``promoter`` organises them unless the text says otherwise;
    ``block_roles`` says a facts block states the project's roles (it is then their
    authority: the prose's cues give none).
    """
    lex = lexicon()
    doc_names = DocNames(known, document_acronyms(text[start:], language), told_places(text))
    orgs: list[OrgMention] = []
    places: list[Place] = []
    events: list[EventDraft] = []
    links: list[StatedLink] = []
    projects: list[Project] = []
    continues: list[tuple[str, Project]] = []
    doc_countries = {cc for cc in (countries_in(text, lex))}
    periods = [m.span() for m in _PERIOD.finditer(text)]
    years = [
        (m.start(), int(m.group()))
        for m in _YEAR.finditer(text)
        if not any(a <= m.start() < b for a, b in periods)
    ]
    current: EventDraft | None = None
    since_event = 0
    named_project = project
    by_programme = False  # the project was named by its programme's name
    project_roles: list[tuple[OrgMention, str, Evidence]] = []
    mentions_project = False
    previous: list[OrgMention] = []  # the organisations of the sentence before
    heading_role: str | None = None  # a list heading's role ("Participants:"), while listed
    announcing = announced = False  # a sentence announced a list of bodies; it is read
    costs: list[Money] = []
    inside = tuple(read)
    for sent in sentences(text):
        if lex.boilerplate.search(sent.text):
            continue
        if (
            sent.end <= start or (skip is not None and skip[0] <= sent.start < skip[1])
        ) and not any(a <= sent.start < b for a, b in inside):
            continue  # the facts block, read on its own
        ev = Evidence(sent.start, sent.end, sent.text)
        costs.extend(find_costs(sent, lex))
        listed = _LIST_ITEM.match(sent.text) is not None
        # a list a sentence announced ("The partners are:"): the next sentence, or the
        # bulleted items that follow it
        announced = announcing or (listed and announced)
        found = find_organisations(
            sent, lex, doc_names, doc_countries, language, announced=announced
        )
        announcing = announces_list(sent.text, language)
        # where the sentence's bodies are named, in the sentence's offsets
        names = [(o.evidence.start - sent.start, o.evidence.end - sent.start) for o in found]
        orgs.extend(found)
        sent_places = find_places(sent, lex, doc_countries, language)
        places.extend(p for p, _prep in sent_places)
        # continuation of an earlier project
        other: Project | None = None
        if project is not None:
            earlier = find_continuation(sent, lex)
            if earlier is not None and earlier.key != project.key:
                projects.append(earlier)
                continues.append((project.key, earlier))
            elif earlier is None:
                # a page's project may name another it prepares or discusses ("the
                # mutual project discussed is titled “…”"): a project of the page
                other = find_other_project(sent)
        elif named_project is None or by_programme:
            # a programme's name stands for the project only until a project is named
            # ("w ramach programu „Rozwój Lokalny” … projekt „Dugnad w …”")
            found_project = find_named_project(sent, language)
            if found_project is not None and (named_project is None or not found_project[1]):
                if named_project is not None:
                    projects.remove(named_project)
                named_project, by_programme = found_project
                projects.append(named_project)
        else:
            # a news item may name other projects after its own ("visited the project
            # „…“"): each is a project of the document; the roles stay with the first
            other = find_other_project(sent)
        if other is not None and not any(
            p.key == other.key or same_project_name(p, other)
            for p in (*projects, project)
            if p is not None
        ):
            projects.append(other)
        # events named in the sentence, or referred back to
        # (an event's word in a body's name is the body's: "Delegação Permanente da
        # Islândia", "ForUM")
        year = _year_before(years, sent.start)
        mentioned = find_events(sent, lex, sent_places, language, year, names)
        # (each event named in the sentence, where it is named: a role goes to the event
        # named last before its body — "Visit to X, … and a final conference": X's is the
        # visit's)
        named_at: list[tuple[int, EventDraft]] = []
        for draft in mentioned:
            current = merge_into(events, draft)
            named_at.append((draft.evidence.start, current))
        terms = [(draft.evidence.start, draft.evidence.end) for draft in mentioned]
        if mentioned or refers_back(sent, lex):
            since_event = 0
        else:
            since_event += 1
            if since_event > FOCUS_SENTENCES:
                current = None  # the text has moved on from the event
        # roles of the organisations in the current event
        # a cue inside a quotation or inside a name ("Nadace Partnerství") is no cue
        quoted = [m.span() for m in quotations(sent.text)]
        quoted += [(a - 1, b) for a, b in names]
        coop = next(
            (s for s, _e, _k in lex.cooperation_cues.find(sent.text) if not _inside(s, quoted)),
            None,
        )
        coop_at = sent.start + coop if coop is not None else None
        if not listed:
            heading_role = _heading_role(sent, lex) if current is not None else None
        if current is not None and found and listed and heading_role is not None:
            # the items of a list under a role's heading take that role
            current.roles.extend(
                (org, heading_role, ev) for org in found if not is_venue(sent, org, lex, language)
            )
        elif current is not None and found:
            cues = find_cues(sent, lex.roles)
            # a role's verb in another form than the phrases give ("dalyvaus", "piedalās")
            verbs = [
                c for c in verb_cues(sent, language) if not any(a <= c[0] < b for a, b, _r in cues)
            ]
            if verbs:  # (in order of where they begin; at one place, as the finder gave them)
                cues = sorted([*cues, *verbs], key=lambda c: c[0])
            forward = forward_cues(sent, cues, language)
            # (the case of a name is asked only where a visit's verb is a cue)
            visit = any(cue_role == "visited" for _a, _b, cue_role in cues)
            subject_role: str | None = None  # the last role before a cooperation cue
            for org in found:
                venue = is_venue(sent, org, lex, language)
                if coop_at is not None and org.evidence.start > coop_at:
                    # the object of "cooperation with X" is not an event role of its own;
                    # with an organiser or host, it organised or hosted too ("organised by
                    # the ministry in cooperation with A and B")
                    if subject_role is not None and subject_role in _SHARED_ROLES and not venue:
                        current.roles.append((org, subject_role, ev))
                    continue
                owned = event_owned(sent, org, terms, language) if terms else None
                if owned is not None and not venue:
                    # "the annual meeting of KS": KS organised it; "the visit of KS": KS came
                    gathering = named_at[owned][1]
                    owner = "participant" if gathering.type == "study_visit" else "organiser"
                    gathering.roles.append((org, owner, ev))
                    continue
                came_from = follows_origin(sent.text, org.evidence.start - sent.start)
                by_case = visit_role_by_case(sent, org, language) if visit else None
                role = nearest_cue(org, cues, came_from, forward, by_case)
                if role is not None and not venue:
                    _event_of(org, named_at, current).roles.append((org, role, ev))
                    subject_role = role
        # a facts block, where there is one, is the authority on the project's roles
        # (the prose's own, where the block states none)
        told = bool(found) and (project is None or not block_roles)
        # (with no facts block's project, a sentence that names an event and says
        # "project" of none tells the event's roles, not a project's: "the meeting is
        # organised by X in partnership with Y")
        one_project = _one_project_word(sent, names, lex)
        told = told and not (project is None and mentioned and not one_project)
        project_cues = find_cues(sent, lex.project_cues) if told else []
        project_roles.extend(
            (org, role, ev) for org, role in find_project_roles(found, project_cues)
        )
        if told:
            appositions = apposed_roles(sent, found, language)
            project_roles.extend((org, role, ev) for org, role in appositions)
        mentions_project = mentions_project or one_project
        if coop_at is not None:
            # with no subject of its own, a cooperation cue takes the project's promoter,
            # else the first organisation of the sentence before ("… They signed a
            # cooperation agreement with X")
            subject = promoter or (previous[0] if previous else None)
            links.extend(find_stated_links(sent, found, coop_at, subject, ev, language))
        previous = found
    if named_project is None and (mentions_project or project_roles):
        named_project = Project(key="page", name=None, number=None)  # about a project, unnamed
        projects.append(named_project)
    final_project = named_project
    events = _merge_sub_activities(events)
    for draft in events:
        if draft.place is None:
            draft.place = _hosts_town(draft)
    out_events: list[Event] = []
    roles: list[RoleFact] = []
    if final_project is not None:
        for org, role, ev in project_roles:
            roles.append(RoleFact(org, role, final_project.key, ev))
    for draft in events:
        project_key = final_project.key if final_project is not None else None
        event = Event(
            key=draft.key,
            type=draft.type,
            label=draft.label,
            evidence=draft.evidence,
            start=draft.start,
            end=draft.end,
            date_text=draft.date_text,
            place=draft.place,
            project=project_key,
        )
        out_events.append(event)
        has_organiser = False
        for org, role, ev in draft.roles:
            roles.append(RoleFact(org, role, draft.key, ev))
            has_organiser = has_organiser or role == "organiser"
        if promoter is not None and not has_organiser:
            roles.append(RoleFact(promoter, "organiser", draft.key, draft.evidence))
    return TextFacts(
        organisations=tuple(orgs),
        places=tuple(places),
        events=tuple(out_events),
        roles=tuple(roles),
        links=tuple(links),
        projects=tuple(projects),
        continues=tuple(continues),
        costs=tuple(costs),
    )
