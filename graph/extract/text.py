"""Free text: organisations, places, events, roles, continuation and stated cooperation.

Deterministic and multilingual through data: the words come from ``lexicon.json`` and
``registry.json``; this module only applies them, sentence by sentence. Every item keeps
its evidence (offsets into the document text and the sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from .lexicon import (
    INFLECTED,
    Lexicon,
    PhraseFinder,
    country_of_form,
    find_cities,
    lexicon,
    normalise,
    organisation_type,
    registry,
    registry_entry,
)
from .model import Event, Evidence, OrgMention, Place, Project, RoleFact, StatedLink

__all__ = ["Sentence", "TextFacts", "infer_country", "read_text", "sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»']?\s+(?=[\"„“«(–—-]?[A-ZÀ-ÖØ-ÞĀ-ſА-Я0-9])")
_WORD = re.compile(r"[\w][\w'’.&-]*|[(),;:«»„“”\"]")
_CAP = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſА-Я0-9]")
_PROJECT_NUMBER = re.compile(r"(?<![\w/-])(?:[A-Z]{2,10}\d{0,2}-){1,2}[A-Z]{0,4}\d{2,4}(?![\w-])")
_QUOTED = re.compile(r"[„“\"«‘']([^„“”\"«»‘’']{3,200})[”\"»’']")
_PAREN_ID = re.compile(r"\((\d{4}/\d{2,}|[A-Z0-9]+(?:[-/][A-Z0-9]+)+)\)")
_ACRONYM_AFTER = re.compile(r"^\s*\((?P<acr>[A-ZÆØÅ][A-ZÆØÅ0-9&. -]{1,14})\)")
_EXPANSION_AFTER = re.compile(r"^\s*\((?P<long>[A-ZÀ-ÖØ-Þ][^()]{6,120})\)")
_DASH_EXPANSION = re.compile(r"^\s*[–—-]\s*")
_COMPANY_SUFFIX = re.compile(
    r"^(?:AS|ASA|a\.s\.|s\.r\.o\.|Ltd\.?|SIA|UAB|AB|GmbH|AG|SRL|S\.A\.|Inc\.?|Sp\. z o\.o\.)$"
)
_COORDINATED = re.compile(r"\s+(?:and|og|i|un|ir|a|und|oraz|&)\s+", re.I)
_ENUMERATION = re.compile(
    r"\s*(?:,|;|and|og|i|un|ir|a|und|oraz|or|eller|lub|&)\s*(?:(?:and|og|i|un|ir|or)\s+)?", re.I
)
_BULLET_START = re.compile(r"^\s*(?:[•·▪●◦*–-]|\d{1,2}[.)])\s*")
_YEAR = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)(?!\d)")


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < at < b for a, b in spans)


def _year_before(years: list[tuple[int, int]], at: int) -> int | None:
    """The year a date with no year means: the last one named before, else the first after."""
    before = [y for pos, y in years if pos < at]
    if before:
        return before[-1]
    return years[0][1] if years else None


_BETWEEN = re.compile(r"\b(between|mellom|między|pomiędzy|starp|tarp)\b")

#: How many sentences an event stays in focus for roles without being named again.
_FOCUS_SENTENCES = 6


@dataclass(frozen=True)
class Sentence:
    """A sentence of the document with its offsets."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences (paragraph breaks always end one).

    >>> [s.text for s in sentences("One here. Two there.\\nThree")]
    ['One here.', 'Two there.', 'Three']
    """
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        base = para.start()
        chunk = para.group()
        pos = 0
        for m in _SENTENCE_END.finditer(chunk):
            _add(out, base, chunk, pos, m.start())
            pos = m.end()
        _add(out, base, chunk, pos, len(chunk))
    return out


def _add(out: list[Sentence], base: int, chunk: str, start: int, end: int) -> None:
    piece = chunk[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        out.append(Sentence(base + start + lead, base + start + lead + len(piece), piece))


@dataclass
class _EventDraft:
    key: str
    type: str
    label: str
    evidence: Evidence
    listed: bool = False  # named in a list item (•, -, 1.)
    start: date | None = None
    end: date | None = None
    date_text: str | None = None
    place: Place | None = None
    project: str | None = None
    roles: list[tuple[OrgMention, str, Evidence]] = field(default_factory=list)


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


def read_text(
    text: str,
    language: str,
    *,
    start: int = 0,
    known: Iterable[OrgMention] = (),
    project: Project | None = None,
    promoter: OrgMention | None = None,
) -> TextFacts:
    """Read the prose of a document from ``start`` on.

    ``known`` are organisations already read (from a facts block) so the text can refer to
    them; ``project`` is the document's own project, if it has one; events read here belong
    to it, and its ``promoter`` organises them unless the text says otherwise.
    """
    lex = lexicon()
    doc_names = _DocNames(known)
    orgs: list[OrgMention] = []
    places: list[Place] = []
    events: list[_EventDraft] = []
    links: list[StatedLink] = []
    projects: list[Project] = []
    continues: list[tuple[str, Project]] = []
    doc_countries = {cc for cc in (_countries_in(text, lex))}
    years = [(m.start(), int(m.group())) for m in _YEAR.finditer(text)]
    current: _EventDraft | None = None
    since_event = 0
    named_project = project
    project_roles: list[tuple[OrgMention, str, Evidence]] = []
    mentions_project = False
    for sent in sentences(text):
        if sent.end <= start or lex.boilerplate.search(sent.text):
            continue
        ev = Evidence(sent.start, sent.end, sent.text)
        found = _organisations(sent, lex, doc_names, doc_countries, language)
        orgs.extend(found)
        sent_places = _places(sent, lex, doc_countries, language)
        places.extend(p for p, _prep in sent_places)
        # continuation of an earlier project
        if project is not None:
            earlier = _continuation(sent, lex)
            if earlier is not None and earlier.key != project.key:
                projects.append(earlier)
                continues.append((project.key, earlier))
        elif named_project is None:
            named = _named_project(sent)
            if named is not None:
                named_project = named
                projects.append(named)
        # events named in the sentence, or referred back to
        mentioned = _events_in(sent, lex, sent_places, language, _year_before(years, sent.start))
        for draft in mentioned:
            current = _merge_into(events, draft)
        if mentioned or _anaphor(sent, lex):
            since_event = 0
        else:
            since_event += 1
            if since_event > _FOCUS_SENTENCES:
                current = None  # the text has moved on from the event
        # roles of the organisations in the current event
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sent.text)]
        coop = next(
            (s for s, _e, _k in lex.cooperation_cues.find(sent.text) if not _inside(s, quoted)),
            None,
        )
        coop_at = sent.start + coop if coop is not None else None
        if current is not None and found:
            cues = _cues(sent, lex.roles)
            for org in found:
                if coop_at is not None and org.evidence.start > coop_at:
                    continue  # the object of "cooperation with X" is not an event role
                role = _nearest_cue(org, cues)
                if role is not None and not _is_venue(sent, org, lex):
                    current.roles.append((org, role, ev))
        # a facts block, where there is one, is the authority on the project's roles
        project_cues = _cues(sent, lex.project_cues) if found and project is None else []
        project_roles.extend((org, role, ev) for org, role in _project_roles(found, project_cues))
        mentions_project = mentions_project or bool(lex.project_words.search(sent.text))
        if coop_at is not None:
            links.extend(_stated_links(sent, found, coop_at, promoter, ev))
    if named_project is None and (mentions_project or project_roles):
        named_project = Project(key="page", name=None, number=None)  # about a project, unnamed
        projects.append(named_project)
    final_project = named_project
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
    )


# ------------------------------------------------------------------ organisations


class _DocNames:
    """Names this document already knows: the registry's and its own facts block's."""

    def __init__(self, known: Iterable[OrgMention]) -> None:
        self.by_norm: dict[str, OrgMention | None] = {}
        names: list[str] = []
        for mention in known:
            names.append(mention.name)
            self.by_norm[normalise(mention.name)] = mention
            if mention.acronym:
                names.append(mention.acronym)
                self.by_norm[normalise(mention.acronym)] = mention
        # the registry's names are compiled once; the document's own are few
        self.patterns = (_registry_pattern(), *((_names_pattern(names),) if names else ()))
        self.extra_acronyms: dict[str, OrgMention] = {}


@cache
def _registry_pattern() -> re.Pattern[str]:
    flexible = {
        name
        for entry in registry()
        for name, lang in entry.aliases
        if lang in INFLECTED and len(name.split()) >= 2
    }
    return _names_pattern([name for entry in registry() for name in entry.names], flexible=flexible)


def _names_pattern(names: list[str], flexible: set[str] = frozenset()) -> re.Pattern[str]:  # type: ignore[assignment]
    """One pattern for many names; a ``flexible`` name also matches its inflected forms."""
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        if name in flexible:
            words = [
                re.escape(w[:-2]) + r"\w{0,4}" if len(w) >= 5 else re.escape(w)
                for w in name.split()
            ]
            escaped = r"\s+".join(words)
        else:
            escaped = re.escape(name).replace(r"\ ", r"\s+")
        if len(name) <= 6 and name.isupper():
            parts.append(escaped)
        else:
            parts.append(f"(?i:{escaped})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def _organisations(
    sent: Sentence, lex: Lexicon, names: _DocNames, doc_countries: set[str], language: str = "en"
) -> list[OrgMention]:
    """Organisations named in a sentence: known names, municipality forms, head words."""
    spans: list[tuple[int, int, OrgMention]] = []

    def taken(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e, _m in spans)

    acronyms = names.extra_acronyms
    for m in (m for pattern in names.patterns for m in pattern.finditer(sent.text)):
        if taken(m.start(), m.end()):
            continue
        name = " ".join(m.group().split())
        key = normalise(name)
        base = names.by_norm.get(key)
        entry = None if base else registry_entry(name)
        country = base.country if base else (entry.country if entry else None)
        org_type = base.type if base else (entry.type if entry else None)
        mention = OrgMention(name, country, org_type, _ev(sent, m.start(), m.end()))
        spans.append((m.start(), m.end(), _with_acronym(mention, sent, m.end())))
    for acr, base in acronyms.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", sent.text):
            if not taken(m.start(), m.end()):
                mention = OrgMention(acr, base.country, base.type, _ev(sent, m.start(), m.end()))
                spans.append((m.start(), m.end(), mention))
    lists = lex.municipality_lists if lex.list_words.search(sent.text) else ()
    for lang, pattern, forms in lists:
        for m in pattern.finditer(sent.text):
            items = _list_items(m.group("list"), m.start("list"), lex)
            if len(items) < 2 or taken(m.start(), m.end()):
                continue
            template = next(
                v for k, v in forms.items() if k.casefold() == m.group("form").casefold()
            )
            for a, b, place in items:
                cities = find_cities(place)
                country = _pick_country([c.country for c in cities], doc_countries)
                country = country or lex.municipality_countries.get(lang)
                mention = OrgMention(
                    template.format(place=place), country, "municipality", _ev(sent, a, b),
                    seat=cities[0].name if cities else place,
                )  # fmt: skip
                spans.append((a, b, mention))
    municipal = lex.municipality_words.search(sent.text) is not None
    for m in lex.municipality.finditer(sent.text) if municipal else ():
        if taken(m.start(), m.end()):
            continue
        group, place = next((k, v) for k, v in m.groupdict().items() if v and k.startswith("place"))
        while " " in place and place.split(" ", 1)[0] in lex.stopwords:
            place = place.split(" ", 1)[1]  # "The Øvre Eiker municipality" is Øvre Eiker's
        if place in lex.stopwords or country_of_form(place):
            continue
        # the form's language ("X kommune") tells the country only when the city list does
        # not know the place: Norwegian text says "byen Lublin" and "Piła kommune" too
        cities = find_cities(place)
        form_country = lex.municipality_countries.get(group.split("_")[1])
        country = _pick_country([c.country for c in cities], doc_countries) or form_country
        if not cities and not _CAP.match(place):
            continue
        mention = OrgMention(
            " ".join(m.group().split()),
            country,
            "municipality",
            _ev(sent, m.start(), m.end()),
            seat=cities[0].name if cities else place,
        )
        spans.append((m.start(), m.end(), mention))
    for a, b, org_type in _head_spans(sent.text, lex, lowercase_heads=language != "en"):
        if taken(a, b):
            continue
        name = sent.text[a:b]
        if normalise(name) in lex.generic:
            continue
        country = _demonym_country(name, lex) or _country_in_name(name)
        mention = OrgMention(name, country, organisation_type(name) or org_type, _ev(sent, a, b))
        mention = _with_acronym(mention, sent, b)
        if mention.acronym:
            acronyms[mention.acronym] = mention
        spans.append((a, b, mention))
    spans.sort(key=lambda s: (s[0], -s[1]))
    return [m for _a, _b, m in spans]


_LIST_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|og|un|ir|i|a|und|и|&|och|sowie)\s+")


def _list_items(text: str, offset: int, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The places of "A, B un C" with their offsets in the sentence (demonyms left out)."""
    items = []
    pos = 0
    for part in _LIST_SPLIT.split(text):
        at = text.index(part, pos)
        pos = at + len(part)
        if part and not country_of_form(part) and not _demonym_country(part, lex):
            items.append((offset + at, offset + at + len(part), part))
    return items


def _with_acronym(mention: OrgMention, sent: Sentence, end: int) -> OrgMention:
    m = _ACRONYM_AFTER.match(sent.text[end:])
    if m and m.group("acr").strip().upper() == m.group("acr").strip():
        return replace(mention, acronym=m.group("acr").strip())
    return mention


def _ev(sent: Sentence, a: int, b: int) -> Evidence:
    return Evidence(sent.start + a, sent.start + b, sent.text)


def _head_spans(
    text: str, lex: Lexicon, lowercase_heads: bool = False
) -> list[tuple[int, int, str]]:
    """Capitalised spans (with connectors) that hold an organisation head word; with
    ``lowercase_heads``, a lower-case head word may close the span (Latvian, Norwegian…).
    Titles in quotation marks are not organisations."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    tokens = [
        (m.start(), m.end(), m.group())
        for m in _WORD.finditer(text)
        if not any(a < m.start() < b for a, b in quoted)
    ]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        if not _CAP.match(tokens[i][2]) or tokens[i][2] in '(),;:«»„“”"':
            i += 1
            continue
        j = i
        run = [i]
        while j + 1 < len(tokens) and not _ends_sentence(tokens[j][2]):
            word = tokens[j + 1][2]
            if _CAP.match(word) or _COMPANY_SUFFIX.match(word):
                run.append(j + 1)
                j += 1
                continue
            # up to two connectors ("of", "of the") between capitalised words
            gap = 1
            while gap <= 2 and j + gap < len(tokens) and tokens[j + gap][2] in lex.connectors:
                gap += 1
            # after "of", "on"…, a name goes on with a capital, not a number ("on 8 December")
            if 1 < gap and j + gap < len(tokens) and tokens[j + gap][2][:1].isupper():
                run.extend(range(j + 1, j + gap))
                j += gap - 1
            else:
                break
        # a lower-case head word may close a name ("Latvijas Pašvaldību savienība",
        # "Marka Rotko mākslas centrs"): look up to three words on
        for k in range(1, 4) if lowercase_heads else ():
            nxt = j + k
            word = tokens[nxt][2] if nxt < len(tokens) else ""
            if (
                not word.isalpha()
                or _CAP.match(word)
                or word in lex.connectors
                or word in lex.prepositions
            ):
                break
            head = organisation_type(word) if len(word) >= 5 else None
            if head not in (None, "company") and word.casefold() not in lex.list_forms:
                run.extend(range(j + 1, nxt + 1))
                j = nxt
                break
        run = _trim_list_prefix(run, tokens, lex)
        words = [tokens[k][2] for k in run]
        while words and (words[0] in lex.stopwords or words[0] in lex.connectors):
            words.pop(0)
            run.pop(0)
        org_type = _head_type(words, lex)
        if org_type is None and len(words) >= 2:
            org_type = organisation_type(" ".join(words))
        if org_type is not None and run:
            a, b = tokens[run[0]][0], tokens[run[-1]][1]
            name = (
                text[a:b].rstrip(".,;:")
                if not text[a:b].endswith(("Ltd.", "a.s.", "S.A.", "Inc."))
                else text[a:b]
            )
            b = a + len(name)
            if len(words) >= 2 or org_type == "company":
                out.append((a, b, org_type))
        i = j + 1
    return out


def _ends_sentence(token: str) -> bool:
    """ "Gods." ends a sentence; "Ltd." and "a.s." do not."""
    return token.endswith(".") and not _COMPANY_SUFFIX.match(token) and "." not in token[:-1]


_AND = frozenset({"and", "og", "un", "ir", "i", "a", "und", "oraz", "&", "och", "и"})


def _trim_list_prefix(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon
) -> list[int]:
    """ "Hungary and NORCE Norwegian Research Center AS": a place before "and" is another
    item of a list, not part of the name (unlike "Mineral and Energy … Institute")."""
    for pos in range(len(run) - 1, 0, -1):
        if tokens[run[pos]][2] in _AND:
            before = " ".join(tokens[k][2] for k in run[:pos])
            if country_of_form(before) or (" " not in before and find_cities(before)):
                return run[pos + 1 :]
            break
    return run


def _head_type(words: list[str], lex: Lexicon) -> str | None:
    if not words:
        return None
    if len(words) >= 2 and _COMPANY_SUFFIX.match(words[-1]):
        return "company"
    for word in (words[-1], words[0], *words[1:-1]):
        m = lex.head_word.fullmatch(word)
        if m is not None:
            return m.lastgroup
    for n in (2, 3):
        for k in range(len(words) - n + 1):
            m = lex.head_word.fullmatch(" ".join(words[k : k + n]))
            if m is not None:
                return m.lastgroup
    return None


def infer_country(name: str) -> str | None:
    """The country an organisation's name tells: a registry name, a demonym, a country name.

    >>> infer_country("Innovation Norway"), infer_country("Polish Zero Waste Association")
    ('NO', 'PL')
    """
    folded = f" {normalise(name)} "
    for entry in registry():  # a registry name, alone or inside ("Fagforbundet Innlandet")
        if any(f" {normalise(n)} " in folded for n in entry.names if len(n) > 3):
            return entry.country
    lex = lexicon()
    by_form = _municipality_country(name, lex)
    return by_form or _demonym_country(name, lex) or _country_in_name(name) or _city_in_name(name)


def _municipality_country(name: str, lex: Lexicon) -> str | None:
    """ "Steinkjer kommune" → the city's country, else the form's ("kommune" → NO)."""
    m = lex.municipality.fullmatch(name.strip())
    if m is None:
        return None
    group, place = next((k, v) for k, v in m.groupdict().items() if v and k.startswith("place"))
    cities = find_cities(place)
    return cities[0].country if cities else lex.municipality_countries.get(group.split("_")[1])


def _city_in_name(name: str) -> str | None:
    """ "Tartu City Government" → EE: a known city's name in it, if one country only has it."""
    for word in re.findall(r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]{3,}", name):
        countries = {c.country for c in find_cities(word)}
        if len(countries) == 1:
            return countries.pop()
    return None


def _demonym_country(name: str, lex: Lexicon) -> str | None:
    """The country of the first demonym in the name ("Czech-Liechtenstein …" → CZ)."""
    m = lex.demonyms.search(name)
    return m.lastgroup[2:] if m is not None and m.lastgroup else None


def _country_in_name(name: str) -> str | None:
    for word in re.findall(r"[\w'’-]+", name):
        cc = country_of_form(word)
        if cc:
            return cc
    return None


def _pick_country(candidates: list[str], doc_countries: set[str]) -> str | None:
    for cc in candidates:
        if cc in doc_countries:
            return cc
    return candidates[0] if candidates else None


# ------------------------------------------------------------------ places


def _countries_in(text: str, lex: Lexicon) -> list[str]:
    found = []
    for word in re.findall(r"[A-ZÀ-ÖØ-ÞĀ-ſА-Я][\w'’]+", text):
        cc = country_of_form(word)
        if cc:
            found.append(cc)
    return found


def _places(
    sent: Sentence, lex: Lexicon, doc_countries: set[str], language: str = "en"
) -> list[tuple[Place, bool]]:
    """Countries and cities of a sentence; the flag says a preposition (or, in languages
    that say "in Daugavpils" by a case ending, the locative form) stands for "at"."""
    locative = language in _LOCATIVE
    out: list[tuple[Place, bool]] = []
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w'’-]+", sent.text)]
    i = 0
    while i < len(tokens):
        a, b, word = tokens[i]
        prep = locative or (i > 0 and tokens[i - 1][2].casefold() in lex.prepositions)
        if not _CAP.match(word):
            i += 1
            continue
        two = f"{word} {tokens[i + 1][2]}" if i + 1 < len(tokens) else None
        cc = country_of_form(two) if two else None
        if cc:
            out.append((Place(two or word, cc, "country", _ev(sent, a, tokens[i + 1][1])), prep))
            i += 2
            continue
        cc = country_of_form(word)
        if cc:
            out.append((Place(word, cc, "country", _ev(sent, a, b)), prep))
        elif prep and word not in lex.stopwords:
            cities = find_cities(word)
            if cities:
                country = _pick_country([c.country for c in cities], doc_countries)
                city = next(c for c in cities if c.country == country)
                out.append((Place(city.name, city.country, "city", _ev(sent, a, b)), prep))
        i += 1
    return out


# ------------------------------------------------------------------ events


def _events_in(
    sent: Sentence,
    lex: Lexicon,
    sent_places: list[tuple[Place, bool]],
    language: str,
    year_hint: int | None = None,
) -> list[_EventDraft]:
    found = lex.events.find(sent.text)
    terms: list[tuple[int, int, str]] = []
    for a, b, event_type in found:  # leftmost-longest: "training workshops" is one term
        if terms and a < terms[-1][1]:
            continue
        if terms and a - terms[-1][1] <= 1:  # "kick off seminar": the last word names it
            a = terms.pop()[0]
        elif terms and _COORDINATED.fullmatch(sent.text[terms[-1][1] : a]):
            a = terms.pop()[0]  # "workshops and trainings for …": one event, named last
        terms.append((a, b, event_type))
    if len(terms) >= 3 and all(
        _ENUMERATION.fullmatch(sent.text[terms[k][1] : terms[k + 1][0]])
        for k in range(len(terms) - 1)
    ):
        return []  # "seminars, training, workshops and conferences": kinds of activity, not events
    dates = _dates(sent.text, lex, language, year_hint) if terms else None
    drafts: list[_EventDraft] = []
    for i, (a, b, event_type) in enumerate(terms):
        limit = terms[i + 1][0] if i + 1 < len(terms) else len(sent.text)
        place = _event_place(sent, sent_places, b, limit)
        term = sent.text[a:b]
        label = term[:1].upper() + term[1:]
        if place is not None:
            between = sent.text[b : place.evidence.start - sent.start].strip()
            prep = between.split()[-1] if between else ""
            label = f"{label} {prep} {place.name}".replace("  ", " ")
        draft = _EventDraft(
            key="", type=event_type, label=label, evidence=_ev(sent, a, b), place=place,
            listed=bool(_BULLET_START.match(sent.text)),
        )  # fmt: skip
        if dates is not None and i == 0:
            draft.start, draft.end, draft.date_text = dates
        drafts.append(draft)
    return drafts


def _anaphor(sent: Sentence, lex: Lexicon) -> bool:
    return lex.anaphors.search(sent.text) is not None


#: How many words may stand between an event word and its place ("seminars were held in X").
_PLACE_WINDOW_WORDS = 8
#: Languages that put a place in the locative case instead of after a preposition.
_LOCATIVE = frozenset({"lv", "lt"})


def _event_place(
    sent: Sentence, sent_places: list[tuple[Place, bool]], after: int, before: int
) -> Place | None:
    """The place of the event named at ``after``: the first place with a preposition that
    follows it closely, a city preferred to the country named beside it."""
    pool = []
    for place, prep in sent_places:
        local = place.evidence.start - sent.start
        if not prep or not after <= local < before:
            continue
        if len(sent.text[after:local].split()) > _PLACE_WINDOW_WORDS:
            continue
        pool.append(place)
    if not pool:
        return None
    first = pool[0]
    # "til Bergen, Norge": the city is more precise than the country after it
    nearby = [p for p in pool[1:3] if p.type == "city" and p.country == first.country]
    return nearby[0] if first.type == "country" and nearby else first


def _dates(
    text: str, lex: Lexicon, language: str, year_hint: int | None = None
) -> tuple[date | None, date | None, str] | None:
    """The first date or date range of a sentence; one without a year takes ``year_hint``."""
    patterns = (*lex.dates, *(lex.dates_no_year if year_hint else ()))
    for pattern in patterns:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["y"]) if g.get("y") else year_hint
        if year is None:
            continue
        month = _month(g["m"], language)
        if month is None:
            continue
        month2 = _month(g.get("m2") or "", language) or month
        try:
            first = date(year, month, int(g["d1"]))
            last = date(year, month2, int(g["d2"])) if g.get("d2") else first
        except ValueError:
            continue
        if last < first:
            continue
        return first, last, m.group()
    return None


def _month(word: str, language: str) -> int | None:
    if not word:
        return None
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    return _month_word(word.casefold().rstrip("."), language)


_DATEPARSER_LANGUAGE = {"no": "nb"}


@cache
def _month_word(word: str, language: str) -> int | None:
    import dateparser

    language = _DATEPARSER_LANGUAGE.get(language, language)
    langs = [language, "en"] if language != "en" else ["en"]
    try:
        parsed = dateparser.parse(
            f"15 {word} 2000", languages=langs, settings={"STRICT_PARSING": True}
        )
    except Exception:  # dateparser rejects some language codes; the word is then no month
        parsed = None
    if parsed is not None:
        return int(parsed.month)
    stems = lexicon().raw["month_stems"].get(language, {})
    for stem, month in stems.items():
        if word.startswith(stem):
            return int(month)
    return None


def _merge_into(events: list[_EventDraft], draft: _EventDraft) -> _EventDraft:
    """Add an event mention, or merge it into a compatible event already read."""
    for existing in reversed(events):
        if existing.type != draft.type or not _compatible(existing, draft):
            continue
        if draft.start and not existing.start:
            existing.start, existing.end, existing.date_text = (
                draft.start,
                draft.end,
                draft.date_text,
            )
        if draft.place and (not existing.place or _more_precise(draft.place, existing.place)):
            existing.place, existing.label = draft.place, draft.label
        return existing
    draft.key = f"e{len(events)}"
    events.append(draft)
    return draft


def _compatible(a: _EventDraft, b: _EventDraft) -> bool:
    if a.listed and b.listed and a.evidence.sentence != b.evidence.sentence:
        return False  # two items of a list of activities are two activities
    if a.start and b.start and (a.start, a.end) != (b.start, b.end):
        return False
    if a.place and b.place:
        if a.place.name == b.place.name:
            return True
        if a.place.country != b.place.country:
            return False
        return "country" in (a.place.type, b.place.type)
    return True


def _more_precise(new: Place, old: Place) -> bool:
    return old.type == "country" and new.type != "country" and new.country == old.country


# ------------------------------------------------------------------ roles and links


def _is_venue(sent: Sentence, org: OrgMention, lex: Lexicon) -> bool:
    """ "organised at the Rydułtowy Centre of Culture": a place the event was held at."""
    before = sent.text[: org.evidence.start - sent.start].split()
    while before and before[-1].casefold() in ("the", "a", "an"):
        before.pop()
    return bool(before) and before[-1].casefold() in _VENUE_PREPOSITIONS


_VENUE_PREPOSITIONS = frozenset({"at", "på", "w", "we", "in"})


def _project_roles(
    found: list[OrgMention], cues: list[tuple[int, int, str]]
) -> list[tuple[OrgMention, str]]:
    """A promoter cue names the one organisation nearest to it ("X, which is leading the
    project"); a partner cue, every other organisation of the sentence."""
    out: dict[int, tuple[OrgMention, str]] = {}
    for start, end, role in cues:
        if role != "promoter":
            continue
        before = [o for o in found if o.evidence.end <= start]
        after = [o for o in found if o.evidence.start >= end]
        if before and start - before[-1].evidence.end < 80:
            nearest: OrgMention | None = before[-1]
        else:
            nearest = after[0] if after else None
        if nearest is not None:
            out[id(nearest)] = (nearest, "promoter")
    if any(role == "partner" for _s, _e, role in cues):
        for org in found:
            out.setdefault(id(org), (org, "partner"))
    return list(out.values())


def _cues(sent: Sentence, finder: PhraseFinder) -> list[tuple[int, int, str]]:
    """Where each cue stands in the sentence (document offsets)."""
    return [(sent.start + a, sent.start + b, role) for a, b, role in finder.find(sent.text)]


def _nearest_cue(org: OrgMention, cues: list[tuple[int, int, str]]) -> str | None:
    """The role of the cue nearest to an organisation; a cue before it wins a tie
    ("hosted by KS", "KS presented")."""
    best: tuple[int, int, str] | None = None
    for start, end, role in cues:
        if end <= org.evidence.start:
            rank = (org.evidence.start - end, 0)
        elif start >= org.evidence.end:
            rank = (start - org.evidence.end, 1)
        else:
            continue
        if best is None or rank < best[:2]:
            best = (*rank, role)
    return best[2] if best else None


def _stated_links(
    sent: Sentence,
    found: list[OrgMention],
    coop_at: int,
    promoter: OrgMention | None,
    ev: Evidence,
) -> list[StatedLink]:
    before = [o for o in found if o.evidence.end <= coop_at]
    after = [o for o in found if o.evidence.start > coop_at]
    cue_text = sent.text[coop_at - sent.start : coop_at - sent.start + 40].casefold()
    subject: OrgMention | None
    if not before and len(after) >= 2 and _BETWEEN.search(cue_text):
        subject, after = after[0], after[1:2]  # "cooperation between A and B"
    else:
        subject = before[-1] if before else promoter
    if subject is None:
        return []
    cue = sent.text[coop_at - sent.start :].split(".")[0][:80]
    return [
        StatedLink(subject, other, f"stated: {cue.strip()}", ev)
        for other in after
        if normalise(other.name) != normalise(subject.name)
    ]


# ------------------------------------------------------------------ projects


def _continuation(sent: Sentence, lex: Lexicon) -> Project | None:
    cue = lex.continuation.search(sent.text)
    if not cue:
        return None
    tail = sent.text[cue.end() : cue.end() + 300]
    quoted = _QUOTED.search(tail)
    ident = _PAREN_ID.search(tail) or _PROJECT_NUMBER.search(tail)
    if not quoted and not ident:
        return None
    name = quoted.group(1).strip() if quoted else None
    number = (
        ident.group(1) if ident and ident.re is _PAREN_ID else (ident.group() if ident else None)
    )
    key = number or f"name:{name}"
    start = sent.start + cue.start()
    return Project(key=key, name=name, number=number, evidence=Evidence(start, sent.end, sent.text))


_PROJECT_WORD = r"(?:prosjekt(?:et)?|projects?|projekt\w*|projekta|projekto|проект\w*|proiect\w*)"
_PROGRAMME_WORD = r"(?:programm\w*|program\w*|programas|programos)"
_NAMED_WORDS = r"named|called|titled|entitled|pod nazwą|ar nosaukumu"
_QUOTED_NAME = r"[„“\"«‘”]\s*(?P<name>[^„“”\"«»]{3,200}?)\s*[”“\"»’]"
_NAMED_PROJECT = (
    # project "Name" / w ramach projektu „Name” / prosjektet «Name»
    re.compile(rf"(?i:{_PROJECT_WORD})\s*(?:(?i:{_NAMED_WORDS})\s*)?[:–-]?\s*{_QUOTED_NAME}"),
    # project named NærUng
    re.compile(
        rf"(?i:{_PROJECT_WORD})\s+(?i:named|called|titled)\s+(?P<name>[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)*)"
    ),
    # prosjektet – Name of the project.
    re.compile(rf"(?i:{_PROJECT_WORD})\s*[–—:-]\s*(?P<name>[A-ZÀ-Þ][^.]{{5,200}})"),
    # the User4GeoEnergy project
    re.compile(r"(?i:the)\s+(?P<name>[A-Z][\w-]*\d[\w-]*|[A-Z][a-z]+[A-Z][\w-]+)\s+(?i:project)"),
    # programme "Name" (a programme named where no project is)
    re.compile(rf"(?i:{_PROGRAMME_WORD})\s*{_QUOTED_NAME}"),
)


_PROJECT_HINTS = ("prosjekt", "project", "projekt", "проект", "proiect", "program")


def _named_project(sent: Sentence) -> Project | None:
    """A project a news item names: a project number, or a name after "the project"."""
    number = _PROJECT_NUMBER.search(sent.text)
    if number:
        return Project(
            key=number.group(),
            name=None,
            number=number.group(),
            evidence=_ev(sent, number.start(), number.end()),
        )
    lowered = sent.text.casefold()
    if not any(word in lowered for word in _PROJECT_HINTS):
        return None  # no project or programme word: nothing more to look for
    for pattern in _NAMED_PROJECT:
        m = pattern.search(sent.text)
        if m:
            name = m.group("name").strip().rstrip(".,;")
            return Project(
                key=f"name:{name}",
                name=name,
                number=None,
                evidence=_ev(sent, m.start("name"), m.end("name")),
            )
    return None
