"""Events of a sentence (study visits, seminars, …) with their dates and places; mentions
of one event merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from ..lemmas import head_lemma_type, lemma, names_what_follows
from ..lexicon import Lexicon, lexicon, what_words_name
from ..model import Evidence, OrgMention, Place
from .places import place_phrase_words
from .sentences import BULLET_START, ENGLISH_MONTHS, Sentence, span_evidence

__all__ = [
    "FOCUS_SENTENCES",
    "EventDraft",
    "agent_words",
    "find_events",
    "merge_into",
    "month_of",
    "refers_back",
]

_COORDINATED = re.compile(r"\s+(?:and|og|i|un|ir|a|und|oraz|&)\s+", re.I)


_ENUMERATION = re.compile(
    r"\s*(?:,|;|and|og|i|un|ir|a|und|oraz|or|eller|lub|&)\s*(?:(?:and|og|i|un|ir|or)\s+)?", re.I
)


#: How many sentences an event stays in focus for roles without being named again.
FOCUS_SENTENCES = 6


@dataclass
class EventDraft:
    key: str
    type: str
    label: str
    evidence: Evidence
    listed: bool = False  # named in a list item (•, -, 1.)
    dateline: bool = False  # dated only by the item's dateline ("29.6.2009 - Konference …")
    start: date | None = None
    end: date | None = None
    date_text: str | None = None
    place: Place | None = None
    project: str | None = None
    roles: list[tuple[OrgMention, str, Evidence]] = field(default_factory=list)


def find_events(
    sent: Sentence,
    lex: Lexicon,
    sent_places: list[tuple[Place, bool]],
    language: str,
    year_hint: int | None = None,
    names: Sequence[tuple[int, int]] = (),
) -> list[EventDraft]:
    """The events a sentence names, with their places and dates (the dates are the event's
    they follow, else the first one's); words within ``names`` (the spans of bodies' names
    in the sentence) are the bodies' ("Norsk Seminar Senter", "ForUM"), not events."""
    found = _without_the_comers(
        _with_event_nouns(
            [t for t in lex.events.find(sent.text) if not _named(t, names)],
            sent.text,
            language,
            names,
        ),
        sent.text,
        lex,
        language,
    )
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
    # the dates are the event's they follow ("… to attend the conference that took place
    # in Oslo on September 1–4, 2019"), the first one's when they come before them all
    dated = 0
    if dates is not None:
        at = sent.text.find(dates[2])
        dated = max((i for i, t in enumerate(terms) if t[0] <= at), default=0)
    drafts: list[EventDraft] = []
    for i, (a, b, event_type) in enumerate(terms):
        limit = terms[i + 1][0] if i + 1 < len(terms) else len(sent.text)
        place = _event_place(sent, sent_places, b, limit, language, event_type == "study_visit")
        if place is None and i == 0:
            place = _place_before(sent, sent_places, a)
        label = _label(sent.text, a, b, place, sent.start, language)
        draft = EventDraft(
            key="", type=event_type, label=label, evidence=span_evidence(sent, a, b), place=place,
            listed=bool(BULLET_START.match(sent.text)),
        )  # fmt: skip
        if dates is not None and i == dated:
            draft.start, draft.end, draft.date_text = dates
            draft.dateline = _DATELINE.match(sent.text[len(dates[2]) :]) is not None and (
                sent.text.startswith(dates[2])
            )
        drafts.append(draft)
    return drafts


#: The most words an event's label runs on past its own words, to its place or to the
#: end of what a word it ends in opens ("Visit to Education Trade Union in Norway").
LABEL_RUN_ON = 8
_LABEL_BREAK = re.compile(r"[,;:()\[\]\"“”„«»–—]|\s-\s|\.(?:\s|$)")


def _label(text: str, a: int, b: int, place: Place | None, offset: int, language: str) -> str:
    """An event's label, in the words of the sentence ``text`` (which starts at document
    offset ``offset``): its own words ``text[a:b]`` and where it was, the place as written
    ("Wizyta studyjna w Norwegii", "Seminar in Kaunas"). Words that end in one that opens
    what follows, as a role's cue does ("Visit to", "Training for", "delegation visited":
    :func:`..lemmas.names_what_follows`), run on to the place, or past a few more words,
    when no punctuation comes between ("Visit to Education Trade Union in Norway",
    "Training for representatives of BIA"); such a word is never left dangling."""
    words = text[a:b].split()
    runs_on = names_what_follows(text[a:b], language)
    own = words[:-1] if runs_on else words  # (what the label says if it does not run on)
    if place is not None and (at := place.evidence.start - offset) >= b:
        end = place.evidence.end - offset
        between = text[b:at].split()
        if runs_on and len(between) <= LABEL_RUN_ON and not _LABEL_BREAK.search(text[b:at]):
            label = text[a:end]
        else:
            phrase = place_phrase_words(between, language) or 1
            label = " ".join([*own, *between[-phrase:], text[at:end]])
    else:
        rest = _LABEL_BREAK.split(text[b:], maxsplit=1)[0].split() if runs_on else []
        label = " ".join([*words, *rest] if 0 < len(rest) <= LABEL_RUN_ON else own)
    label = " ".join(label.split())
    return label[:1].upper() + label[1:]


def _without_the_comers(
    found: list[tuple[int, int, str]], text: str, lex: Lexicon, language: str = "en"
) -> list[tuple[int, int, str]]:
    """A word for the people who came (a participant's cue: "delegation", "делегация")
    names a visit only where the sentence names no other gathering, or says they visited:
    "a delegation of KS took part in the annual meeting" tells of the meeting, the
    delegation its participant."""
    if not found:
        return found
    # (a word for any gathering, "the event", refers to one named before: "На събитието
    # присъстваха … делегация от …" tells who was at it)
    generic = _names_a_gathering(text, language)
    if len(found) < 2 and not generic:
        return found
    cues = lex.roles.find(text)
    if any(role == "visited" for _a, _b, role in cues):
        return found
    comers = {(a, b) for a, b, role in cues if role == "participant"}
    kept = [t for t in found if (t[0], t[1]) not in comers]
    return kept if (kept or generic) and len(kept) < len(found) else found


@cache
def _gathering_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Words for any gathering (``event_generic_lemmas``) and their first letters."""
    lemmas = frozenset(lexicon().raw["event_generic_lemmas"]["lemmas"])
    return lemmas, tuple({word[:4] for word in lemmas})


def _names_a_gathering(text: str, language: str) -> bool:
    """Whether ``text`` holds a word for any gathering ("събитието", "the event",
    "pasākumā"), by its lemma."""
    lemmas, openings = _gathering_words()
    return any(
        m.group().casefold().startswith(openings) and lemma(m.group(), language) in lemmas
        for m in _TOKEN.finditer(text)
        if len(m.group()) >= 4
    )


@cache
def _event_nouns() -> dict[str, str]:
    return what_words_name("event_head_lemmas")


@cache
def _event_verbs() -> dict[str, str]:
    return what_words_name("event_verb_lemmas")


_TOKEN = re.compile(r"\w+")


def _named(term: tuple[int, int, str], names: Sequence[tuple[int, int]]) -> bool:
    return any(start <= term[0] and term[1] <= end for start, end in names)


def _with_event_nouns(
    found: list[tuple[int, int, str]],
    text: str,
    language: str,
    names: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, str]]:
    """The lexicon's event phrases, and, in inflected languages, every other word whose
    lemma is an event noun ("návštěvy", "obiska", "reuniões") — or, where the sentence
    names no event, a form of an event verb other than its lemma ("spotkali",
    "podpísali") — sorted as the phrase finder sorts. ("training employees" is no event:
    English nouns double as verbs.)"""
    if language == "en":
        return found  # English has the lexicon's phrases; its nouns double as verbs
    covered = [(a, b) for a, b, _t in found]
    extra: list[tuple[int, int, str]] = []
    told: list[tuple[int, int, str]] = []  # by a verb
    for m in _TOKEN.finditer(text):
        word = m.group()
        if len(word) < 4 or any(a <= m.start() < b for a, b in covered):
            continue
        if _named((m.start(), m.end(), ""), names):
            continue
        kind, verb = _event_word(word, language)
        if kind is not None:
            extra.append((m.start(), m.end(), kind))
        elif verb is not None:
            told.append((m.start(), m.end(), verb))
    if not found and not extra:
        # a verb tells an event only where the sentence names none ("the conference
        # brought partners together" is the conference)
        extra = told
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda t: (t[0], -(t[1] - t[0])))


@lru_cache(maxsize=1 << 16)
def _event_word(word: str, language: str) -> tuple[str | None, str | None]:
    """The event type a word names as a noun (its form, its lemma, or a compound's last
    noun), else the type its verb form tells (None, None: neither). An infinitive names no
    event ("a chance to meet")."""
    folded, base = word.casefold(), lemma(word, language)
    nouns = _event_nouns()
    kind = (
        nouns.get(folded)
        or nouns.get(base)
        or (_compound_event(word) if language in _COMPOUNDING else None)
    )
    if kind is not None:
        return kind, None
    verbs = _event_verbs()
    return None, verbs[base] if base != folded and base in verbs else None


def names_an_event(word: str, language: str) -> bool:
    """Whether ``word`` is a noun that names a gathering (a seminar, a conference, a visit,
    a meeting, a workshop: "seminář", "konferenci"); a training is none here, bodies are
    named after it ("Středisko pro školení")."""
    kind = _event_word(word, language)[0]
    return kind is not None and kind != "training"


#: Languages that write compounds as one word ("Sluttkonferansen", "Fachseminar").
_COMPOUNDING = frozenset({"no", "da", "sv", "is", "de", "nl"})


@lru_cache(maxsize=1 << 14)
def _compound_event(word: str) -> str | None:
    """The type of the event noun a compound ends in, before an ending of up to three
    letters, with at least three letters of its own before it ("Sluttkonferansen":
    konferanse, "fagseminaret": seminar); None for a word shorter than seven letters."""
    if len(word) < 7 or not word.isalpha():
        return None
    m = _compound_nouns().search(word.casefold())
    return _event_nouns()[m.group(1)] if m is not None and m.start() >= 3 else None


@cache
def _compound_nouns() -> re.Pattern[str]:
    nouns = sorted((n for n in _event_nouns() if n.isalpha()), key=len, reverse=True)
    return re.compile(rf"({'|'.join(map(re.escape, nouns))})\w{{0,3}}$")


def refers_back(sent: Sentence, lex: Lexicon) -> bool:
    return lex.anaphors.search(sent.text) is not None


#: How many words may stand between an event word and its place ("seminars were held in X").
_PLACE_WINDOW_WORDS = 8


def _event_place(
    sent: Sentence,
    sent_places: list[tuple[Place, bool]],
    after: int,
    before: int,
    language: str = "en",
    visit: bool = False,
) -> Place | None:
    """The place of the event named at ``after``: the first place with a preposition that
    follows it closely, a city preferred to the country named beside it; not one right
    after the noun of the body that organised or hosted it ("arrangeres av ambassaden i
    Vilnius": the embassy's) — but for a visit's, which went where the body is ("visited
    the Silesian Museum in Katowice"); a gathering's owner's town is still its place
    ("konference Svazu měst a obcí v Praze")."""
    pool = []
    for place, prep in sent_places:
        local = place.evidence.start - sent.start
        if not prep or not after <= local < before:
            continue
        words = sent.text[after:local].split()
        if _counted_words(words) > _PLACE_WINDOW_WORDS:
            continue
        if (
            not visit
            and len(words) >= 2
            and head_lemma_type(words[-2].strip(",.;:"), language) is not None
            and not agent_words(language).isdisjoint(w.casefold() for w in words[:-2])
        ):
            continue
        pool.append(place)
    if not pool:
        return None
    first = pool[0]
    # "til Bergen, Norge": the city is more precise than the country after it
    nearby = [p for p in pool[1:3] if more_precise(p, first)]
    return nearby[0] if nearby else first


def _counted_words(words: list[str]) -> int:
    """How many words stand between an event and its place, a capitalised name counted as
    one however long ("visited the Norwegian Association of Local and Regional Authorities
    in Oslo": four), with the short words that join its capitalised ones."""
    count, in_name = 0, False
    for k, word in enumerate(words):
        capital = word[:1].isupper()
        if capital and in_name:
            continue
        if (
            in_name
            and len(word) <= 3
            and word.islower()
            and k + 1 < len(words)
            and words[k + 1][:1].isupper()
        ):
            continue  # "of", "and" inside the name
        count += 1
        in_name = capital
    return count


@cache
def agent_words(language: str) -> frozenset[str]:
    """The agent's prepositions of ``language`` and English ("by", "av", "przez")."""
    table = lexicon().raw["agent_prepositions"]
    return frozenset(w.casefold() for w in (*table.get(language, ()), *table["en"]))


def _place_before(sent: Sentence, sent_places: list[tuple[Place, bool]], at: int) -> Place | None:
    """ "Daugavpilī norisinājās … seminārs", "V Praze se konal seminář": in a language of
    free word order the venue may come first: the last place with a preposition or a
    locative ending before the sentence's first event."""
    before = [
        place for place, prep in sent_places if prep and place.evidence.end - sent.start <= at
    ]
    return before[-1] if before else None


_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")

#: What follows the date that opens a line to make it a dateline, the item's date: a dash
#: or a bar ("29.6.2009 - Konference …", "28 February 2023 – Fafo visited …").
_DATELINE = re.compile(r"\s*[-–—|]\s")


def _dates(
    text: str, lex: Lexicon, language: str, year_hint: int | None = None
) -> tuple[date | None, date | None, str] | None:
    """The first date or date range of a sentence; one without a year takes ``year_hint``."""
    if _DAY.search(text) is None:
        return None  # every date pattern holds a day: one or two digits alone
    patterns = (*lex.dates, *(lex.dates_no_year if year_hint else ()))
    for pattern in patterns:
        for m in pattern.finditer(text):  # (a match whose "month" is none: the next one)
            found = _date_range(m.groupdict(), language, year_hint)
            if found is not None:
                return *found, m.group()
    return None


def _date_range(
    g: dict[str, str | None], language: str, year_hint: int | None
) -> tuple[date, date] | None:
    """The first and last day a date pattern's groups name; None if they name no date. A
    range whose ends name two months ("29 November to 2 December") runs into the next
    year when its last month comes first ("28 December to 3 January 2023")."""
    written = g.get("y")
    year = int(written) if written else year_hint
    if year is None:
        return None
    month = month_of(g["m"] or "", language)
    if month is None:
        return None
    month2 = month_of(g.get("m2") or "", language) or month
    try:
        last = date(year, month2, int(g["d2"] or 0)) if g.get("d2") else None
        first = date(year, month, int(g["d1"] or 0))
        if last is not None and last < first and month2 < month and g.get("m2"):
            first = first.replace(year=year - 1)  # the year written is the last day's
    except ValueError:
        return None
    last = last or first
    return (first, last) if last >= first else None


def month_of(word: str, language: str) -> int | None:
    """The month a word names (a number, or a month's name in any case form), or None."""
    if not word:
        return None
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    return _month_word(word.casefold().rstrip("."), language)


_DATEPARSER_LANGUAGE = {"no": "nb"}


#: English month names and their usual short forms: told without dateparser (loading it
#: took a quarter of a second of every process that reads an English date).
_ENGLISH_MONTHS = {
    form: n for n, name in enumerate(ENGLISH_MONTHS, start=1) for form in (name, name[:3])
} | {"sept": 9}


@cache
def _month_beginnings(language: str) -> frozenset[str]:
    """The first three letters of every month name dateparser knows in ``language`` and in
    English, as written and in Latin letters without accents ("bre" of "března": text
    typed without them), folded (a word that begins otherwise is no month: dateparser is
    not asked; asked, it read number words as months: "pěti", "dvou", "five")."""
    from anyascii import anyascii
    from dateparser.languages.loader import default_loader

    out = {form[:3] for form in _ENGLISH_MONTHS}
    try:
        info = default_loader.get_locale(_DATEPARSER_LANGUAGE.get(language, language)).info
    except Exception:  # a language dateparser does not know: only English names then
        return frozenset(out)
    for name in ENGLISH_MONTHS:
        for form in info.get(name, ()):
            if len(form) >= 3:
                out.update((form.casefold()[:3], str(anyascii(form)).casefold()[:3]))
    return frozenset(out)


@cache
def _month_word(word: str, language: str) -> int | None:
    if language == "en" and word in _ENGLISH_MONTHS:
        return _ENGLISH_MONTHS[word]
    if word[:3] in _month_beginnings(language):
        return _parsed_month(word, language)
    return _stemmed_month(word, language)


def _parsed_month(word: str, language: str) -> int | None:
    """The month dateparser reads in the word, or in its lemma where the word is a case
    form dateparser does not know ("märtsil", in March: "märts"), or the lexicon's stems'."""
    found = _dateparser_month(word, language)
    if found is None:
        base = lemma(word, language)
        if base != word and base[:3] in _month_beginnings(language):
            found = _dateparser_month(base, language)
    return found if found is not None else _stemmed_month(word, language)


def _dateparser_month(word: str, language: str) -> int | None:
    import dateparser

    language = _DATEPARSER_LANGUAGE.get(language, language)
    langs = [language, "en"] if language != "en" else ["en"]
    try:
        parsed = dateparser.parse(
            f"15 {word} 2000", languages=langs, settings={"STRICT_PARSING": True}
        )
    except Exception:  # dateparser rejects some language codes; the word is then no month
        parsed = None
    if parsed is not None and (parsed.year, parsed.day) == (2000, 15):
        return int(parsed.month)  # (a word dateparser reads as "today", "a day", is none)
    return None


def _stemmed_month(word: str, language: str) -> int | None:
    """The month a word begins as the lexicon's stems of a language's month names do."""
    stems = lexicon().raw["month_stems"].get(language, {})
    for stem, month in stems.items():
        if word.startswith(stem):
            return int(month)
    return None


def merge_into(events: list[EventDraft], draft: EventDraft) -> EventDraft:
    """Add an event mention, or merge it into a compatible event already read."""
    for existing in reversed(events):
        if existing.type != draft.type or not _compatible(existing, draft):
            continue
        if draft.start and (
            not existing.start
            or (existing.dateline and not draft.dateline)
            or (existing.dateline == draft.dateline and _within(existing, draft))
        ):
            # (the wider of two dates of one event: its days, not one of them; the event's
            # own date, not the dateline's)
            existing.start, existing.end, existing.date_text = (
                draft.start,
                draft.end,
                draft.date_text,
            )
            existing.dateline = draft.dateline
        if draft.place and (not existing.place or more_precise(draft.place, existing.place)):
            existing.place, existing.label = draft.place, draft.label
        return existing
    draft.key = f"e{len(events)}"
    events.append(draft)
    return draft


def _compatible(a: EventDraft, b: EventDraft) -> bool:
    if a.listed and b.listed and a.evidence.sentence != b.evidence.sentence:
        return False  # two items of a list of activities are two activities
    if (
        a.start
        and b.start
        and a.dateline == b.dateline  # (an item's date yields to the event's own)
        and not _within(a, b)
        and not _within(b, a)
    ):
        return False  # (a day of a seminar of two days is that seminar's: "27. maijā …")
    if a.place and b.place:
        if a.place.name == b.place.name:
            return True
        if a.place.country != b.place.country:
            return False
        # a town within a region or country can be where either says
        return max(_BREADTH.get(a.place.type, 0), _BREADTH.get(b.place.type, 0)) > 0
    return True


def _within(inner: EventDraft, outer: EventDraft) -> bool:
    """Whether ``inner``'s days lie within ``outer``'s (both dated)."""
    assert inner.start is not None and outer.start is not None
    return outer.start <= inner.start and (inner.end or inner.start) <= (outer.end or outer.start)


def more_precise(new: Place, old: Place) -> bool:
    """Whether ``new`` says more exactly where than ``old``: a town than its region or
    country, a region than its country (of the same country)."""
    return new.country == old.country and _BREADTH.get(new.type, 0) < _BREADTH.get(old.type, 0)


#: How wide a place of each type is: a town is more precise than its region, a region than
#: its country.
_BREADTH = {"country": 2, "region": 1}
