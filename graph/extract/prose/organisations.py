"""Organisations named in a sentence: known names (the registry, the document's facts
block), municipality forms and lists, and capitalised spans closed by a head word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache, lru_cache

from ..first_names import is_declined_given_name, is_first_name, person_name_words
from ..forms import base_form, is_plural_form
from ..gazetteer import (
    City,
    country_of_form,
    ends_joined_region,
    find_cities,
    has_legal_form,
    is_country_code,
    joined_region_length,
    municipality_country,
    town_countries,
    town_country,
    town_country_of_form,
)
from ..lemmas import (
    compound_head_type,
    head_lemma_type,
    is_function_word,
    is_job,
    is_known_word,
    is_verb_form,
    lemma,
    names_what_follows,
    writes_compounds,
)
from ..lexicon import (
    LATIN_UPPER,
    LETTER_RUNS,
    UPPER,
    Lexicon,
    PhraseFinder,
    clause_openers,
    lexicon,
    list_joins,
    normalise,
    organisation_type,
    phrase_finder,
    words,
)
from ..model import OrgMention
from ..portal_names import known_names, portal_country
from ..registry import INFLECTED, registry, registry_entry
from .events import month_of, names_an_event
from .literal import LiteralNames
from .places import (
    country_after,
    country_beside,
    country_in_name,
    demonym_before,
    demonym_country,
    main_country,
    pick_country,
    place_form_country,
    region_of_body,
    state_country,
    where_after,
)
from .projects import project_titles
from .roles import owner_connectors
from .sentences import CAP, MONTH_NAMES, Sentence, is_speech, quotations, span_evidence

__all__ = ["DocNames", "announces_list", "find_organisations", "spelled_by"]

_WORD = re.compile(r"[\w][\w'’.&-]*|[(),;:«»„“”\"]")


def _word_tokens(text: str) -> list[tuple[int, int, str]]:
    """A sentence's words and punctuation marks with their offsets (a fresh list: several
    finders read the same sentence, each may change its own)."""
    return list(_cached_word_tokens(text))


@lru_cache(maxsize=16)
def _cached_word_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _WORD.finditer(text))


def _bare_words(text: str) -> list[str]:
    """The words of :func:`_word_tokens` without a full stop after them (a legal form's
    kept: "Ltd."); a fresh list."""
    return list(_cached_bare_words(text))


@lru_cache(maxsize=16)
def _cached_bare_words(text: str) -> tuple[str, ...]:
    return tuple(
        w.removesuffix(".") if not _COMPANY_SUFFIX.match(w) else w
        for _a, _b, w in _cached_word_tokens(text)
    )


#: An acronym in brackets after a name, "(KS)", or between slashes as Bulgarian writes
#: it, "/НСОРБ/"; in Latin, Cyrillic or Greek capitals.
_ACRONYM_BODY = r"[A-ZÆØÅА-ЯΑ-Ω][A-ZÆØÅА-ЯΑ-Ωa-zæøåа-яα-ω0-9&. -]{1,14}"
_ACRONYM_AFTER = re.compile(rf"^\s*(?:\((?P<acr>{_ACRONYM_BODY})\)|/(?P<slashed>{_ACRONYM_BODY})/)")


_COMPANY_SUFFIX = re.compile(
    r"^(?:AS|ASA|IKS|KF|a\.s\.|s\.r\.o\.|Ltd\.?|SIA|UAB|AB|GmbH|AG|SRL|S\.A\.|Inc\.?"
    r"|Sp\. z o\.o\.)$"
)


_ACRONYM = re.compile(r"(?<![\w-])[A-ZÆØÅА-ЯΑ-Ω][A-ZÆØÅА-ЯΑ-Ω0-9]{1,6}(?![\w-])")
#: An ordinal in Roman numerals ("Faza II", "Phase III", "XXI century"): no body's acronym.
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


def document_acronyms(text: str, language: str) -> frozenset[str]:
    """Upper-case words of a document that name bodies ("NAV", "NHO", "НСОРБ"): no general
    abbreviation (``acronym_stopwords``), no word of the language ("AND"), no formula
    ("CO2"), not in a line of capitals (a heading), not the abbreviation the text gives of
    a phrase that names no body ("donor programme partner (DPP)", "the project Gender
    Equality Promotion (GEP)"); used twice or more, or once where a name stands — not inside
    a common phrase ("geothermal DH systems") nor before a project word ("NFI projekts")."""
    stop = _acronym_stopwords()
    counts: dict[str, int] = {}
    placed: set[str] = set()  # used once at least where a name stands
    genitive = _GENITIVE_ACRONYM if language in _S_GENITIVE else None
    for line in text.splitlines():
        found = list(_ACRONYM.finditer(line))
        owners = list(genitive.finditer(line)) if genitive is not None else []
        if not found and not owners:
            continue
        if sum(map(str.isupper, line)) > sum(map(str.isalpha, line)) / 2:
            continue  # a heading in capitals
        for m in found:
            word = m.group()
            counts[word] = counts.get(word, 0) + 1
            defined = line[m.start() - 1 : m.start()] == "(" and line[m.end() : m.end() + 1] == ")"
            if not defined and _stands_as_name(line, m.start(), m.end(), language):
                placed.add(word)  # "X (ABC)" defines an acronym: a use of X's name
        for m in owners:  # "NAVs virkeområde": an owner stands where a name does
            word = m.group("acr")
            counts[word] = counts.get(word, 0) + 1
            placed.add(word)
    terms = _abbreviated_terms(text, language)
    return frozenset(
        word
        for word, n in counts.items()
        if (n >= 2 or word in placed)
        and word not in stop
        and word not in terms
        and word.isalpha()
        and not _ROMAN.fullmatch(word)
        and not is_known_word(word, language)
        and not is_known_word(word, "en")
    )


#: Languages whose genitive is an "s" written onto the name ("NAVs", "NHOs prosjekt").
_S_GENITIVE = frozenset({"no", "da", "sv", "is"})
_GENITIVE_ACRONYM = re.compile(r"(?<![\w-])(?P<acr>[A-ZÆØÅÐÞ][A-ZÆØÅÐÞ0-9]{1,6})s(?![\w-])")

_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _stands_as_name(line: str, a: int, b: int, language: str) -> bool:
    """Whether the upper-case word at ``a:b`` stands where a name may: not between a
    lower-case word of content and a lower-case word ("geothermal DH systems": a word of a
    common phrase), not right before a project word ("NFI projekts": a programme's)."""
    after = _NEXT_WORD.match(line, b)
    following = after.group(1) if after is not None else ""
    if following and _is_project_word(following):
        return False
    before = _WORD_BEFORE.search(line, 0, a)
    preceding = before.group(1) if before is not None else ""
    return not (
        following.islower()
        and preceding.islower()
        and not is_function_word(preceding, language)
        and not is_function_word(preceding, "en")
    )


_DEFINED = re.compile(r"\(([A-ZÆØÅА-ЯΑ-Ω][A-ZÆØÅА-ЯΑ-Ω0-9]{1,6})\)")


def _abbreviated_terms(text: str, language: str) -> frozenset[str]:
    """Acronyms the text defines for a phrase that names no body: the words before "(ACR)"
    whose first letters spell it have no organisation's head word ("donor programme
    partner (DPP)", "Gender Equality Promotion (GEP)")."""
    out = set()
    for m in _DEFINED.finditer(text):
        acr = m.group(1)
        phrase = spelled_by(text[max(0, m.start() - 200) : m.start()].split(), acr)
        if phrase and _head_type(phrase, lexicon(), language) is None:
            out.add(acr)
    return frozenset(out)


def spelled_by(words: list[str], acronym: str) -> list[str] | None:
    """The last words of ``words`` whose first letters (those of connectors left out, and
    each part of a hyphenated word counted) spell ``acronym``, or None."""
    connectors = lexicon().connectors
    want = acronym.casefold()
    letters = ""
    for k in range(len(words) - 1, max(-1, len(words) - 2 * len(want) - 3), -1):
        word = words[k].strip(".,;:\"“”„«»'’")
        if not word:
            continue  # a stray quotation mark
        if word.casefold() in connectors and letters:
            continue
        letters = "".join(part[:1] for part in word.split("-") if part).casefold() + letters
        if letters == want:
            return words[k:]
        if not want.endswith(letters):
            return None
    return None


@cache
def _acronym_stopwords() -> frozenset[str]:
    """The acronyms that name no body, and the same written in Greek or Cyrillic capitals
    that look like their Latin letters ("ΕΕΑ Grants" in a Greek text is "EEA Grants")."""
    words = lexicon().raw["acronym_stopwords"]["words"]
    lookalikes = (_spelled_with(w, t) for w in words for t in (_GREEK, _CYRILLIC))
    return frozenset([*words, *(w for w in lookalikes if w is not None)])


#: Greek and Cyrillic capitals that look like Latin ones.
_GREEK = dict(zip("ABEZHIKMNOPTYX", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", strict=True))
_CYRILLIC = dict(zip("ABEKMHOPCTXY", "АВЕКМНОРСТХУ", strict=True))


def _spelled_with(word: str, table: dict[str, str]) -> str | None:
    """``word`` in another alphabet's look-alike capitals, or None if one has none."""
    if not all(ch in table for ch in word):
        return None
    return "".join(table[ch] for ch in word)


class DocNames:
    """Names this document already knows: the registry's and its own facts block's; and
    the places it gives the country of (:func:`~.places.told_places`)."""

    def __init__(
        self,
        known: Iterable[OrgMention],
        acronyms: frozenset[str] = frozenset(),
        places: dict[str, str] | None = None,
    ) -> None:
        self.acronyms = acronyms
        self.places = places or {}
        self.by_norm: dict[str, OrgMention | None] = {}
        names: list[str] = []
        for mention in known:
            names.append(mention.name)
            self.by_norm[normalise(mention.name)] = mention
            if mention.acronym:
                names.append(mention.acronym)
                self.by_norm[normalise(mention.acronym)] = mention
        # the registry's names are compiled once; the document's own are few, compared as
        # strings (see .literal)
        self.own = LiteralNames(names)
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


def find_organisations(
    sent: Sentence,
    lex: Lexicon,
    names: DocNames,
    doc_countries: set[str],
    language: str = "en",
    *,
    announced: bool = False,
) -> list[OrgMention]:
    """Organisations named in a sentence: known names, municipality forms, head words.
    ``announced``: the sentence before announced a list of bodies (:func:`announces_list`),
    which this sentence begins or goes on with."""
    spans: list[tuple[int, int, OrgMention]] = []
    claimed: list[tuple[int, int]] = []  # words a name's items share (a list's plural head)

    def taken(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e, _m in spans) or any(
            a < e and s < b for s, e in claimed
        )

    acronyms = names.extra_acronyms
    registered = (m.span() for m in _registry_pattern().finditer(sent.text))
    for a, b in itertools.chain(registered, names.own.finditer(sent.text)):
        if taken(a, b):
            continue
        name = " ".join(sent.text[a:b].split())
        key = normalise(name)
        base = names.by_norm.get(key)
        entry = None if base else registry_entry(name)
        country = base.country if base else (entry.country if entry else None)
        org_type = base.type if base else (entry.type if entry else None)
        mention = OrgMention(name, country, org_type, span_evidence(sent, a, b))
        spans.append((a, b, _with_acronym(mention, sent, b)))
    for acr, base in acronyms.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", sent.text):
            if not taken(m.start(), m.end()):
                mention = OrgMention(
                    acr, base.country, base.type, span_evidence(sent, m.start(), m.end())
                )
                spans.append((m.start(), m.end(), mention))
    lists = _list_patterns(language) if lex.list_words.found_in(sent.text) else ()
    for lang, pattern, forms in lists:
        for m in pattern.finditer(sent.text):
            items = _list_items(m.group("list"), m.start("list"), lex)
            if any(is_person_name(place, language) for _a, _b, place, _own in items):
                continue  # "Meras Jonas Jonaitis ir Ručianos Nidos savivaldybės": no list
            if len(items) < 2 or taken(m.start(), m.end()):
                continue
            template = next(
                v for k, v in forms.items() if k.casefold() == m.group("form").casefold()
            )
            told = _list_country(sent.text, m.start(), m.end())
            listed = []
            for a, b, place, own in items:
                cities = _towns_called(place)
                # the document's own word on the place first ("Hof, Norway")
                country = (
                    own
                    or names.places.get(normalise(place))
                    or told
                    or pick_country([c.country for c in cities], doc_countries)
                    or place_form_country(place, m.group("form"), lang, lex)
                    or town_country(place)
                )
                mention = OrgMention(
                    template.format(place=place),
                    country,
                    "municipality",
                    span_evidence(sent, a, b),
                    seat=cities[0].name if cities else place,
                )
                listed.append((a, b, mention))
            spans.extend(_of_the_lists_country(listed))
            claimed.append(m.span("form"))  # "… savivaldybės Naujojoje Akmenėje": the list's
    municipal = lex.municipality_words.found_in(sent.text)
    for m in _municipality_matches(sent.text, lex, language) if municipal else ():
        if taken(m.start(), m.end()):
            continue
        group, place = next((k, v) for k, v in m.groupdict().items() if v and k.startswith("place"))
        while " " in place and place.split(" ", 1)[0] in lex.stopwords:
            place = place.split(" ", 1)[1]  # "The Øvre Eiker municipality" is Øvre Eiker's
        if place in lex.stopwords or country_of_form(place):
            continue
        start = m.start()
        first, _, rest = place.partition(" ")
        if rest and start == m.start(group) and country_of_form(first):
            # "en delegasjon fra Polen Bergen kommune": a country's name opens no town's
            # (where the form follows the place, the match opens with it)
            place = rest
            start = m.start(group) + m.group(group).index(rest)
        timeless = _without_leading_time_words(place)
        if timeless != place and start == m.start(group):
            # "On Tuesday Lillehammer kommune hosted …": the words of time are no town's
            at = m.start(group) + m.group(group).index(place)
            start = at + len(place) - len(timeless)
            place = timeless
        # the form's language ("X kommune") tells the country only when the city list does
        # not know the place: Norwegian text says "byen Lublin" and "Piła kommune" too
        cities = _towns_called(place)
        end = m.end()
        if not cities and m.end(group) == end:
            # "města Molde Janem Petterem": the place ends with the town the list knows,
            # and a person's name follows it
            place, end = _known_town_first(place, m.start(group), end)
            cities = _towns_called(place)
        if m.end(group) == end:
            # "Občina Šmartno ob Paki": a region's name that joins its words with a small
            # one goes on past the form's capitalised place
            place_at = m.start(group) + m.group(group).index(place)
            joined = _JOINED_WORDS.match(sent.text, place_at)
            if joined is not None:
                words_at = list(re.finditer(r"\S+", joined.group()))
                region = joined_region_length([w.group() for w in words_at])
                if region > len(place.split()):
                    at = place_at + words_at[region - 1].end()
                    place = sent.text[place_at:at].rstrip(".,;:")
                    end = place_at + len(place)
        place_words = place.split(" ")
        person = _declined_name_at(place_words, language)
        if person is not None and m.end(group) == end:
            # "gminy Kocierzew Południowy Janem Kowalskim": a given name in the case a
            # person stands in after the body they speak for ends the place
            kept = " ".join(place_words[:person])
            end = m.start(group) + m.group(group).index(place) + len(kept)
            place, cities = kept, _towns_called(kept)
        matched = sent.text[start:end]
        written = _PARENTHESES.sub("", matched)  # "Lešos (Lesja) savivaldybės"
        note = _PARENTHESES.search(matched)
        own = _country_in_parentheses(note.group()[1:-1]) if note else None
        form = written.replace(place, " ")
        form_language = group.split("_")[1]
        # (a place written in another script than the form's language, or spelled with a
        # letter it does not write, is none of its country's: "Община Sør-Varanger",
        # "gmina Bærum")
        by_form = place_form_country(place, form, form_language, lex)
        country = (
            own
            or names.places.get(normalise(place))
            or pick_country([c.country for c in cities], doc_countries)
            # "norweska gmina Bærum": a demonym before the form tells, not the form's language
            or demonym_before(sent.text, start, lex, language)
            # a town of one country only, by its base form, before the form's language
            # ("Kraslavos apskrities savivaldybė" in Lithuanian is Krāslava's, in Latvia)
            or town_country_of_form(place)
            or by_form
        )
        if not cities and not CAP.match(place):
            continue
        mention = OrgMention(
            " ".join(written.split()),
            country,
            "municipality",
            span_evidence(sent, start, end),
            seat=cities[0].name if cities else place,
        )
        spans.append((start, end, mention))

    def town_bodies(found: list[tuple[int, int, str]]) -> None:
        for a, b, place in found:
            if taken(a, b):
                continue
            cities = _towns_called(place)
            country = (
                names.places.get(normalise(place))
                or pick_country([c.country for c in cities], doc_countries)
                or municipality_country(place)
                or town_country(place)
            )
            seat = cities[0].name if cities else place
            evidence = span_evidence(sent, a, b)
            spans.append((a, b, OrgMention(place, country, "municipality", evidence, seat=seat)))

    town_bodies([*_office_towns(sent.text), *_acting_towns(sent.text, lex)])
    # one plural head shared by places: "the Ministries of Foreign Affairs of Portugal and
    # Norway" are two ministries
    for a, b, org_type, named in _shared_head_spans(sent.text, lex, language):
        if not taken(a, b):
            for name, country in named:
                mention = OrgMention(
                    name, country, organisation_type(name) or org_type, span_evidence(sent, a, b)
                )
                spans.append((a, b, mention))
    quoted_names = _quoted_after_head(sent.text, language)
    for a, b, org_type in _head_spans(
        sent.text, lex, lowercase_heads=language != "en", language=language
    ):
        if taken(a, b) or _names_a_quoted_name(sent.text, b, quoted_names):
            continue
        wider = _spelled_by_acronym(sent.text, a, b, lex)
        if wider < a and not taken(wider, a):
            a = wider  # "Bulgarian Small and Medium Enterprises Promotion Agency (BSMEPA)"
        town_end = _town_after_dash(sent.text, b)
        if town_end is not None:
            # "Технически университет – Габрово": the town is the name's, no body of its own
            spans[:] = [s for s in spans if not (b <= s[0] and s[1] <= town_end)]
            b = town_end
        name = sent.text[a:b]
        if _generic(name, lex, language) or _territory_after_preposition(
            sent.text, a, b, lex, language
        ):
            continue
        country = (
            portal_country(name) or demonym_country(name, lex, language) or country_in_name(name)
        )
        mention = OrgMention(
            name, country, organisation_type(name) or org_type, span_evidence(sent, a, b)
        )
        mention = _with_acronym(mention, sent, b)
        if mention.acronym:
            acronyms[mention.acronym] = mention
        spans.append((a, b, mention))
    # structural slots: a quoted name after a head noun or legal form; in English, a name
    # a lower-case head closes, "the <demonym> <head>"
    slots = [*quoted_names, *_split_compound_spans(sent.text, lex)]
    if language == "en":
        slots += [*_place_head_spans(sent.text, lex), *_demonym_head_spans(sent.text, lex)]
    for a, b, org_type in slots:
        if not taken(a, b):
            name = sent.text[a:b]
            country = portal_country(name) or demonym_country(name, lex, language)
            spans.append((a, b, OrgMention(name, country, org_type, span_evidence(sent, a, b))))
    # names of the portal's gazetteer that no head word closes ("Stella Polaris")
    for a, b, country in _portal_spans(sent.text):
        if not taken(a, b):
            name = sent.text[a:b]
            mention = OrgMention(name, country, organisation_type(name), span_evidence(sent, a, b))
            spans.append((a, b, _with_acronym(mention, sent, b)))
    # names in apposition to a class noun ("its partners Arvoll Grand and Aktive Kvinner")
    appositions = _apposition_spans(sent.text, lex, language, announced=announced)
    for a, b, where in [*appositions, *_described_spans(sent.text, language)]:
        name = sent.text[a:b]
        if (
            taken(a, b)
            or normalise(name) in lex.generic
            or find_cities(name, own_name=True)
            or country_of_form(name)
            or name in _LEGAL_FORM_BEFORE  # a legal form alone: "Partneriai: VšĮ „…“"
            or _COMPANY_SUFFIX.match(name)
        ):
            continue
        country = (
            portal_country(name)
            or country_after(sent.text, b)
            or demonym_country(name, lex, language)
            or country_in_name(name)
            or where
        )
        mention = OrgMention(name, country, organisation_type(name), span_evidence(sent, a, b))
        spans.append((a, b, _with_acronym(mention, sent, b)))
    # the subject of an active host's or organiser's verb ("the Eurocentre Prague hosted"),
    # the owner of a gathering ("semináře Eurocentra Praha")
    subjects = _subject_spans(sent.text, lex, language)
    for a, b in [*subjects, *_owner_spans(sent.text, lex, language)]:
        name = sent.text[a:b]
        if taken(a, b) or find_cities(name, own_name=True) or country_of_form(name):
            continue
        country = (
            portal_country(name)
            or demonym_country(name, lex, language)
            or country_in_name(name)
            or _towns_country(name)
        )
        mention = OrgMention(name, country, organisation_type(name), span_evidence(sent, a, b))
        spans.append((a, b, _with_acronym(mention, sent, b)))
    # a name its country follows in brackets ("Ecotech Solutions (NO)")
    for a, b, cc in _country_tagged_spans(sent.text, lex, language):
        if not taken(a, b):
            name = sent.text[a:b]
            mention = OrgMention(name, cc, organisation_type(name), span_evidence(sent, a, b))
            spans.append((a, b, mention))
    # "<Capitalised word> <Country>" agencies ("Innovation Norway")
    for a, b, cc in _agency_spans(sent.text, lex, language):
        if not taken(a, b):
            name = sent.text[a:b]
            mention = OrgMention(name, cc, organisation_type(name), span_evidence(sent, a, b))
            spans.append((a, b, _with_acronym(mention, sent, b)))
    found_acronyms = [(m.start(), m.end()) for m in _ACRONYM.finditer(sent.text)]
    if language in _S_GENITIVE:
        found_acronyms += [m.span("acr") for m in _GENITIVE_ACRONYM.finditer(sent.text)]
        found_acronyms.sort()
    for start, end in found_acronyms if names.acronyms else ():
        if sent.text[start:end] in names.acronyms and not taken(start, end):
            # a body's branch in a town: "AKKS Trondheim", "NAV Bergen"
            a, b, acronym = start, end, sent.text[start:end]
            owner = sent.text[end : end + 1] == "s"  # "NAVs": no town follows a genitive
            town = None if owner else _town_after(sent.text, end)
            if town is not None:
                b = town[0]
            country = (
                (town[1] if town is not None else None)
                or country_after(sent.text, b)
                or portal_country(acronym)
            )
            mention = OrgMention(sent.text[a:b], country, None, span_evidence(sent, a, b))
            spans.append((a, b, mention))
    # a town party to a cooperation, where no name holds it ("The Universities of Bergen
    # and Oslo signed an agreement": Oslo is the university's)
    if lex.cooperation_cues.search(sent.text):
        town_bodies(_acting_towns(sent.text, lex, cooperating=True))
    # a name of one word joined to a body's name by "and" ("Ekopolis a Centrum pro vodu")
    for a, b in _coordinated_words(sent.text, [(a, b) for a, b, _m in spans], lex, language):
        if not taken(a, b):
            name = sent.text[a:b]
            country = portal_country(name) or country_after(sent.text, b)
            mention = OrgMention(name, country, organisation_type(name), span_evidence(sent, a, b))
            spans.append((a, b, mention))
    # items of a list between two bodies' names ("Sogndal kommune, Sogn næring, Høgskulen …")
    for a, b in _items_between(sent.text, sorted((a, b) for a, b, _m in spans), lex, language):
        if not taken(a, b):
            name = sent.text[a:b]
            mention = OrgMention(name, None, organisation_type(name), span_evidence(sent, a, b))
            spans.append((a, b, mention))
    spans.sort(key=lambda s: (s[0], -s[1]))
    titles = project_titles(sent.text)
    if titles:  # a name inside a project's quoted title is the title's
        spans = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in titles)]
    return [
        m if m.country is not None else _told_beside(m, sent, a, b, lex, language)
        for a, b, m in (
            _without_state_after(s, sent, lex, language) for s in _bracketed_names(sent.text, spans)
        )
        if not _generic_reference(m.name, m.type, lex, language)
        and not is_instrument(m.name, language)
        and not _a_group_of_people(m.name, language)
        and any(c.isupper() for c in m.name)  # "gminy wiejskiej", "samorządu lokalnego": a kind
    ]


@cache
def _people_groups(language: str) -> re.Pattern[str] | None:
    table = lexicon().raw["people_groups"]
    phrases = [*table.get(language, ()), *(table["en"] if language != "en" else ())]
    return re.compile(rf"(?:^|\s)(?:{'|'.join(phrases)})$", re.I) if phrases else None


def _a_group_of_people(name: str, language: str) -> bool:
    """ "Gender Equality Working Group", "grupa robocza …", "darba grupa": a group of people
    a project or body sets up (``people_groups``) is no organisation."""
    pattern = _people_groups(language)
    return pattern is not None and pattern.search(name) is not None


def _without_state_after(
    span: tuple[int, int, OrgMention], sent: Sentence, lex: Lexicon, language: str
) -> tuple[int, int, OrgMention]:
    """A name that ends on a place preposition and a state ("… z Nórskeho kráľovstva", "…
    z Norského království"): the state is where the body is, not part of its name — the
    name ends before the preposition, and the state gives its country."""
    a, b, mention = span
    words = list(_WORD.finditer(sent.text, a, b))
    if len(words) < 4:
        return span
    prep, first, last = words[-3:]
    if prep.group().casefold() not in lex.prepositions:
        return span
    country = state_country(first.group(), last.group(), lex, language)
    if country is None:
        return span
    end = prep.start()
    while end > a and sent.text[end - 1] in " ,":
        end -= 1
    name = sent.text[a:end]
    return (
        a,
        end,
        replace(
            mention,
            name=name,
            country=mention.country or country,
            evidence=span_evidence(sent, a, end),
        ),
    )


_OPENS_BRACKET = re.compile(r"\s*\(\s*")
_CLOSES_BRACKET = re.compile(r"\s*\)")


def _bracketed_names(
    text: str, spans: list[tuple[int, int, OrgMention]]
) -> list[tuple[int, int, OrgMention]]:
    """A name alone in brackets right after another is the same body's name in another
    language or form ("Norwegian Environment Agency (Miljødirektoratet)"): it stands for
    the name before it (its long form), whose country it takes if it tells none."""
    out: list[tuple[int, int, OrgMention]] = []
    for a, b, m in spans:
        if out and not m.long_form:
            _pa, pb, before = out[-1]
            if (
                _OPENS_BRACKET.fullmatch(text, pb, a)
                and _CLOSES_BRACKET.match(text, b)
                and normalise(m.name) != normalise(before.name)
            ):
                m = replace(m, long_form=before.name, country=m.country or before.country)
        out.append((a, b, m))
    return out


def _towns_called(place: str) -> tuple[City, ...]:
    """The cities a municipality's place name may be: those whose own name it is (in any
    case form), else those it is another name of — of a country with a town of that own
    name, if there is one ("Varšavy" is Warsaw's; "Piran" is a Slovenian town's own name,
    not Piraeus's; "Dzierzoniow" is Dzierżoniów's)."""
    own = find_cities(place, own_name=True)
    if own:
        return own
    towns = town_countries(place)  # its own name there (accents folded: "Dzierzoniow")
    return tuple(c for c in find_cities(place) if not towns or c.country in towns)


def _inflected(word: str, language: str) -> bool:
    """Whether a word of an inflecting language is in a form other than its lemma
    ("Socialinės" of "socialinis"), as names' adjectives and nouns are; adverbs and
    conjunctions are not ("Šiandien", "Wczoraj")."""
    return language != "en" and lemma(word, language) != word.casefold()


def _adjectives_only(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> bool:
    """Whether a capitalised run is no name by itself — no head noun, its last word no
    country or town ("Norvēģijas Vietējo"): an "and" right after it joins its words to the
    lower-case ones of the same name, not a second body."""
    # the last name of the run: after its last "and" ("Induli Ābeli un Latvijas
    # Investīciju"); one word there is none ("Europy Środkowej i Południowej")
    cut = max((i + 1 for i, k in enumerate(run) if tokens[k][2] in _AND), default=0)
    run = run[cut:]
    last = tokens[run[-1]][2] if run else ""
    return (
        len(run) >= 2
        and _head_type([tokens[k][2] for k in run], lex, language) is None
        and not country_of_form(last)
        and _place(last, language) is None
    )


_CAPITALISED_NEXT = re.compile(rf"\s+([{UPPER}][^\W\d_]+)(?![\w-])")


def _town_after(text: str, b: int) -> tuple[int, str | None] | None:
    """Where a town's name right after ``b`` ends, and its country (None when towns of
    several countries have its name): a town of the city list by its own name, or of the
    towns' table; None if no town's name follows."""
    m = _CAPITALISED_NEXT.match(text, b)
    if m is None:
        return None
    word = m.group(1)
    cities = find_cities(word, own_name=True)
    if cities:
        return m.end(), cities[0].country
    if town_countries(word):
        return m.end(), town_country(word)
    return None


def _is_role_word(word: str, lex: Lexicon) -> bool:
    """Whether a word alone is a cue of a role in an event ("Representatives",
    "Zástupci", "Delegacja")."""
    return _whole_cue(word, lex.roles)


def _whole_cue(word: str, finder: PhraseFinder) -> bool:
    """Whether ``finder`` finds a cue that is the whole of ``word``."""
    return any(a == 0 and b == len(word) for a, b, _key in finder.find(word))


@cache
def _territorial_heads() -> frozenset[str]:
    return frozenset(lexicon().raw["place_like_head_lemmas"]["lemmas"])


def _territory_after_preposition(text: str, a: int, b: int, lex: Lexicon, language: str) -> bool:
    """ "v Jihomoravském kraji": a name headed by a territory's noun after a place
    preposition is where something was, not a body."""
    before = text[:a].split()
    if not before or before[-1].casefold() not in lex.prepositions:
        return False
    heads = _territorial_heads()
    for word in text[a:b].split():
        base = lemma(word, language)
        if base in heads:
            return True
        if head_lemma_type(word, language):
            # another body's head comes first: "Urząd Marszałkowski Województwa …",
            # "Krajský úřad Libereckého kraje"
            return False
    return False


@cache
def _office_pattern() -> re.Pattern[str]:
    raw = lexicon().raw["municipal_offices"]
    offices = sorted((w for k, ws in raw.items() if not k.startswith("_") for w in ws), key=len)
    alternation = "|".join(re.escape(w) for w in reversed(offices))
    town = rf"[{UPPER}][\w'’]*(?:-[{UPPER}][\w'’]*)?"
    return re.compile(rf"(?<!\w)(?i:{alternation})\s+(?P<town>{town})(?![\w-])")


@cache
def _office_words() -> frozenset[str]:
    """The first words of the offices' phrases, case-folded."""
    raw = lexicon().raw["municipal_offices"]
    return frozenset(
        w.split()[0].casefold() for k, ws in raw.items() if not k.startswith("_") for w in ws
    )


def _office_towns(text: str) -> list[tuple[int, int, str]]:
    """Towns after their head's office or their government's people ("the Mayor of
    Stavanger", "ordføreren i Bodø", "samorządowcy z Trondheim i Levanger"): each town
    stands for its municipality. Only towns the city list knows, no countries."""
    if not _office_words() & {word for _at, word in words(text)}:
        return []  # (the quick test: no office's first word in the sentence)
    out = []
    for m in _office_pattern().finditer(text):
        town = m.group("town")
        # a town's own name, in any case form (not an alternate one: "prezydent Artur
        # Maruszczak" is a person, though "Artur" is one of a Greek town's names)
        own = find_cities(town, own_name=True) or municipality_country(town)
        if own and not country_of_form(town):
            out.append((m.start("town"), m.end("town"), town))
            # and the towns listed with it ("samorządowcy z Trondheim i Levanger")
            end_at = m.end("town")
            while (more := _listed_next().match(text, end_at)) and _town_itself(more[1]):
                out.append((more.start(1), more.end(1), more[1]))
                end_at = more.end(1)
    return out


#: Words that may stand between a participant's cue and a town acting for its
#: municipality ("representatives from Ignalina", "delegacja z Gdyni").
#: (Not "do": Polish "delegacja do Oslo" went to Oslo.)
_FROM = frozenset({"of", "from", "z", "ze", "iz", "iš", "no", "fra", "frå", "din", "de",
                   "από", "от", "из", "aus", "von"})  # fmt: skip


def _acting_towns(text: str, lex: Lexicon, cooperating: bool = False) -> list[tuple[int, int, str]]:
    """Towns that take part: right after a participant's cue ("I juni deltok Lørenskog på
    kick off", "representatives from Ignalina") or right before it ("Lørenskog took part"),
    or, with ``cooperating``, a party to a cooperation ("Lillehammer signed an agreement",
    "cooperation with Lillehammer"), a town the city list knows by its own name stands for
    its municipality. A place preposition before the town makes it a place ("took part in
    Oslo")."""
    if not any(_town_itself(m.group()) for m in _CAPITALISED.finditer(text)):
        return []  # (the quick test: no town's own name in the sentence)
    out = []
    if cooperating:
        cues = lex.cooperation_cues.find(text)
    else:
        # (not after a group of people from somewhere: "16 people from Zabrze" came from
        # the town; "representatives from Ignalina" stood for its municipality)
        people = {(a, b) for a, b, _role in lex.people_from.find(text)}
        cues = [
            (a, b, role)
            for a, b, role in lex.roles.find(text)
            if role == "participant" and (a, b) not in people
        ]
    for start, end, _role in cues:
        after = _NEXT_WORDS.match(text, end)
        if after is not None:
            first, second = after.group(1), after.group(2)
            if first.casefold() in _FROM and second:
                town, at = second, after.start(2)
            elif first.casefold() in lex.prepositions:
                town, at = "", 0
            else:
                town, at = first, after.start(1)
            # (not the first word of a longer name: "representatives of Riga Planning
            # Region")
            if town and _town_itself(town) and not _CAPITALISED_AFTER.match(text, at + len(town)):
                out.append((at, at + len(town), town))
                # and the towns listed with it ("from Ignalina, Kupiškis and Ukmergė")
                end_at = at + len(town)
                while (more := _listed_next().match(text, end_at)) and _town_itself(more[1]):
                    out.append((more.start(1), more.end(1), more[1]))
                    end_at = more.end(1)
        before = _LAST_WORD.search(text, 0, start)
        if (
            before is not None
            and _town_itself(before.group(1))
            and not _in_place_phrase(text[: before.start(1)], lex)
        ):
            out.append((before.start(1), before.end(1), before.group(1)))
    return out


_WORD_AND_BEFORE = re.compile(r"(?<![\w'’.-])([\w'’-]+)\s+(\S+)\s+(?:the\s+)?$")
_AND_WORD_AFTER = re.compile(r"\s+(\S+)\s+([\w'’-]+)(?![\w'’-])")
_COMMA_WORD_AFTER = re.compile(r",\s+([\w'’-]+)(?![\w'’-])\s*(,|\S+)")


def _coordinated_words(
    text: str, found: list[tuple[int, int]], lex: Lexicon, language: str
) -> list[tuple[int, int]]:
    """Words that stand alone as a name beside a body's name that an "and" of the
    document's language or English joins them to ("Ekopolis a Centrum pro vodu a
    krajinu"), or that follow it as the next item of a list ("Sogn Regionråd,
    Kunnskapsparken og …"): one capitalised word (:func:`_standalone_word`) with no
    capitalised word before or after it, and no fund ("… and Norwaygrants financial
    mechanisms")."""
    ands = list_joins(language) - {","}
    if not found or not ands & {word for _at, word in words(text)}:
        return []  # (the quick test: no "and" in the sentence)
    out = []
    for a, b in found:
        before = _WORD_AND_BEFORE.search(text, max(0, a - 80), a)
        if before is not None and before.group(2).casefold() in ands:
            out.append(before.span(1))
        after = _AND_WORD_AFTER.match(text, b)
        if after is not None and after.group(1).casefold() in ands:
            out.append(after.span(2))
    listed = set()
    for _a, b in found:
        # a list's item after a body's name and a comma, a comma or an "and" after it
        # ("Sogn Regionråd, Kunnskapsparken og ungdom …")
        item = _COMMA_WORD_AFTER.match(text, b)
        if item is not None and (item.group(2) == "," or item.group(2).casefold() in ands):
            out.append(item.span(1))
            listed.add(item.span(1))
    kept = []
    for a, b in out:
        # (the words beside it, from a window: not the whole sentence split again)
        # (a list's item follows a name and its comma: no capitalised word before it)
        previous = [","] if (a, b) in listed else text[max(0, a - 40) : a].split()[-1:] or [""]
        next_words = text[b : b + 120].split()[:3]
        following = next_words[:1] or [""]
        lower = [w.rstrip(".,;:") for w in next_words]
        lower = lower[: next((i for i, w in enumerate(lower) if not w.islower()), len(lower))]
        if (
            not CAP.match(previous[0])
            and not CAP.match(following[0])
            and _standalone_word(text[a:b], lex, language)
            # (nor the last word of a region's name: "the county of More og Romsdal and …")
            and not ends_joined_region(text[max(0, a - 80) : b].split())
            # (a fund is no body: "… and Norwaygrants financial mechanisms")
            and not is_instrument(" ".join([text[a:b], *lower]), language)
        ):
            kept.append((a, b))
    return kept


#: What stands between two bodies' names in a list: items parted by commas.
_BETWEEN_ITEMS = re.compile(r"\s*,\s+(?P<items>[^,;:()\[\]\"“”„«»\d]{2,120}?)\s*,\s+$")
#: Languages that write common words with a capital inside a sentence: every word of a
#: name in English, every noun in German.
_CAPITALISING = frozenset({"en", "de"})
#: The most words an item between two bodies' names may have.
_ITEM_MOST_WORDS = 4


def _items_between(
    text: str, found: list[tuple[int, int]], lex: Lexicon, language: str
) -> list[tuple[int, int]]:
    """The items of a list that stand between two bodies' names with commas, each opening
    with a capital and of a few words ("Sogndal kommune, Sogn næring, Høgskulen på
    Vestlandet"): an item of a list of bodies is one. No place, person or month, and in
    a language that writes common words with capitals, no item of common words alone."""
    out = []
    for (_a1, b1), (a2, _b2) in itertools.pairwise(found):
        between = _BETWEEN_ITEMS.fullmatch(text, b1, a2)
        if between is None:
            continue
        at = between.start("items")
        for part in between.group("items").split(", "):
            a = at + len(part) - len(part.lstrip())
            item = part.strip()
            at += len(part) + 2
            words_of = item.split()
            if (
                not item[:1].isupper()
                or len(words_of) > _ITEM_MOST_WORDS
                or (len(words_of) == 1 and not _standalone_word(item, lex, language))
                # (a surname may be a common word of the text's language: "Nordmann")
                or is_person_name(item, language)
                or is_person_name(item, "en")
                or find_cities(item, own_name=True)
                or country_of_form(item)
                or words_of[0].casefold() in MONTH_NAMES
                # (where every noun or every word of a name is capitalised, common words
                # alone are none: "Social Services"; elsewhere a capital inside a sentence
                # opens a name: "Sogn næring")
                or (
                    language in _CAPITALISING
                    and all(_is_common(w, language) or _is_common(w, "en") for w in words_of)
                )
            ):
                continue
            out.append((a, a + len(item)))
    return out


def _standalone_word(word: str, lex: Lexicon, language: str) -> bool:
    """A capitalised word that may be a name on its own ("Ekopolis", "Fagforum"): no
    common word of the language or of English, no place, demonym, month or stop word, and
    no head noun alone ("the Municipality and the City of Nisko": a kind of body)."""
    return (
        len(word) >= 3
        and word[:1].isupper()
        and any(ch.isalpha() for ch in word)
        and word.casefold() not in MONTH_NAMES
        and word not in lex.stopwords
        and not _is_common(word, language)
        and not _is_common(word, "en")
        and not country_of_form(word)
        and not demonym_country(word, lex, language)
        and not find_cities(word)
        and not _towns(word, language)
        and head_lemma_type(word, language) is None
        and head_lemma_type(word, "en") is None
        # nor a country's or town's genitive ("KS og Polens kommuneforbund", "Norway's")
        and not _a_places_genitive(word)
    )


def _a_places_genitive(word: str) -> bool:
    """Whether ``word`` is a country's or town's name with the genitive "-s" ("Polens",
    "Bergens", "Norway's")."""
    stem = re.sub(r"(?:['’]s|s)$", "", word)
    return stem != word and len(stem) >= 3 and bool(country_of_form(stem) or find_cities(stem))


def _list_country(text: str, a: int, b: int) -> str | None:
    """The country a list of municipalities is in, said right beside it: "Spidebergas,
    Markeras un Romskogas pašvaldībām Norvēģijā", "Norvēģijas pašvaldībām Flakstad,
    Tysfjord un Træna" (not a country's name that opens another name after the list)."""
    origin = _FROM_COUNTRY.match(text, b)  # "общини Sør-Varanger и Trysil от Норвегия"
    if origin is not None and not (origin.group(2) and CAP.match(origin.group(2))):
        cc = country_of_form(origin.group(1))
        if cc is not None:
            return cc
    after = _NEXT_WORDS.match(text, b)
    if after is not None and CAP.match(after.group(1)):
        following = after.group(2)
        if not (following and CAP.match(following)):
            cc = country_of_form(after.group(1))
            if cc is not None:
                return cc
    before = _LAST_WORD.search(text, 0, a)
    if before is not None and CAP.match(before.group(1)):
        return country_of_form(before.group(1))
    return None


def _in_place_phrase(before: str, lex: Lexicon) -> bool:
    """Whether a word after ``before`` is a place of a place preposition's phrase: right
    after the preposition, or listed after a place that is ("W delegacji do Trondheim i
    Levanger uczestniczy …": Levanger is where the delegation went, not who took part)."""
    words = before.split()
    if words and words[-1].casefold() in lex.prepositions:
        return True
    if len(words) >= 3 and words[-1] in _every_and():  # "do Trondheim i"
        listed, prep = words[-2].rstrip(","), words[-3]
    elif len(words) >= 2 and words[-1].endswith(","):  # "do Trondheim,"
        listed, prep = words[-1].rstrip(","), words[-2]
    else:
        return False
    return bool(CAP.match(listed)) and prep.casefold() in lex.prepositions


@cache
def _every_and() -> frozenset[str]:
    """An "and" of any of the grants' languages (the words that join names, :data:`_AND`
    and the lexicon's)."""
    return _AND | frozenset(lexicon().raw["apposition_cue_lemmas"]["and"].values())


@cache
def _listed_next() -> re.Pattern[str]:
    """The next item of a list: a comma, an "and" of any of the grants' languages, or both,
    then a word."""
    words = _every_and()
    ands = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:\s*,\s*(?:(?:{ands})\s+)?|\s+(?:{ands})\s+)([^\W\d_]+)")


_NEXT_WORDS = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")
#: A short preposition in small letters and a word after a list: "… от Норвегия", "… from
#: Norway", "… z Norwegii" (the word after it, if any, to tell a name that goes on).
_FROM_COUNTRY = re.compile(r"\s+(?:[^\W\d_A-Z]{1,4})\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")
_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")


_CAPITALISED = re.compile(rf"(?<!\w)[{UPPER}][^\W\d_]+")


_DASHED_WORD = re.compile(rf"[ \t]+[–—][ \t]+([{UPPER}][\w'’-]+)(?![\w'’-])(?![ \t]+[{UPPER}])")


def _town_after_dash(text: str, b: int) -> int | None:
    """Where a town's name after a dash ends, when a name that ends at ``b`` goes on with it
    ("Технически университет – Габрово", "Medical University – Varna": a university named
    by its town); None where no town alone follows a dash."""
    m = _DASHED_WORD.match(text, b)
    return m.end(1) if m is not None and _a_town(m.group(1)) else None


@lru_cache(maxsize=8192)
def _town_itself(word: str) -> bool:
    """A capitalised word that is a town's own name (not an alternate one, a country or a
    demonym), or a municipality's ISO 3166-2 name ("Ignalina")."""
    if not CAP.match(word) or country_of_form(word) or lexicon().demonyms.fullmatch(word):
        return False
    if municipality_country(word) is not None:
        return True
    return any(normalise(c.name) == normalise(word) for c in find_cities(word, own_name=True))


def _told_beside(
    mention: OrgMention, sent: Sentence, a: int, b: int, lex: Lexicon, language: str
) -> OrgMention:
    country = country_beside(sent.text, a, b, lex, language)
    return mention if country is None else replace(mention, country=country)


_FOLD_TOKEN = re.compile(r"\w+")


#: A capitalised name of up to five words, a comma and up to four words of small letters
#: that describe it ("Kystlab, a small innovation company").
_DESCRIBED = re.compile(
    rf"(?<![\w'’.-])(?P<name>[{UPPER}][\w'’&-]*(?: [{UPPER}][\w'’&-]*){{0,4}}),\s+"
    r"(?P<words>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})"
)


def _described_spans(text: str, language: str) -> list[tuple[int, int, None]]:
    """Names a description after a comma says are bodies: "Kystlab, a small innovation
    company", "Kystlab, et lite innovasjonsselskap", "Kystlab, małą firmę": small letters
    only after the comma, one of them a class noun (``apposition_cue_lemmas``: company,
    organisation, NGO…) or, in a language that writes compounds, ending in one; not a
    sentence's first words, nor a person ("John Smith, a partner at …")."""
    if ", " not in text:
        return []
    out: list[tuple[int, int, None]] = []
    for m in _DESCRIBED.finditer(text):
        named = m.group("name").split()
        if (
            m.start() == 0  # (a sentence's first words before a comma: "On Monday, the …")
            or _time_words_first(named, name_after=False)
            or is_first_name(named[0])
        ):
            continue
        if _clause_opener().match(m.group("words")):
            continue  # "českých NNO, jejichž organizace …": a clause, not a description
        words = m.group("words").split()
        if not all(w.islower() for w in words):
            words = words[: next(i for i, w in enumerate(words) if not w.islower())]
        if any(_is_class_noun(w, language) or _ends_in_class_noun(w, language) for w in words):
            out.append((m.start("name"), m.end("name"), None))
    return out


@cache
def _clause_opener() -> re.Pattern[str]:
    return re.compile(rf"(?i:{'|'.join(clause_openers())})(?!\w)")


def _ends_in_class_noun(word: str, language: str) -> bool:
    """A compound whose last part is a class noun ("innovasjonsselskap"), in a language
    that writes compounds."""
    if not writes_compounds(language):
        return False
    folded = word.casefold()
    return any(folded.endswith(cue) and len(folded) - len(cue) >= 3 for cue in _apposition_cues())


@cache
def _apposition_cues() -> frozenset[str]:
    return frozenset(lexicon().raw["apposition_cue_lemmas"]["lemmas"])


@cache
def _apposition_hint() -> re.Pattern[str]:
    """A quick test: a word that begins as a cue's lemma does (its first four letters),
    then a capital (a colon between allowed)."""
    return re.compile(rf"(?<!\w)(?i:{_cue_openings()})\w*\s*:?\s+[{UPPER}]")


def _cue_openings() -> str:
    """The first four letters of each class noun's lemma, as alternatives of a pattern."""
    return "|".join(map(re.escape, sorted({cue[:4] for cue in _apposition_cues()})))


@cache
def _english_head_hint() -> re.Pattern[str]:
    """A quick test: an English head noun in small letters, then a capital ("the
    research foundation Fafo")."""
    heads = lexicon().raw["organisation_head_lemmas"]
    words = sorted({w for kind, ws in heads.items() if kind != "_comment" for w in ws})
    english = [w for w in words if w.isascii() and w.isalpha() and head_lemma_type(w, "en")]
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, english))})s?\s+[{UPPER}]")


def _capital(words: list[str], k: int) -> bool:
    return k < len(words) and bool(CAP.match(words[k])) and words[k].isalpha()


def _run_end(
    tokens: list[tuple[int, int, str]], words: list[str], j: int, inner: frozenset[str]
) -> int:
    """The last word of the capitalised run that starts at ``j``: capitals and legal forms,
    and up to two connectors that join no list before a capital ("Centre for Equality");
    a full stop ends it."""
    k = j
    while k + 1 < len(tokens) and tokens[k][2] == words[k]:  # no full stop yet
        if _capital(words, k + 1) or _COMPANY_SUFFIX.match(words[k + 1]):
            k += 1
            continue
        gap = 1
        while gap <= 2 and k + gap < len(tokens) and words[k + gap] in inner:
            gap += 1
        if gap == 1 or not _capital(words, k + gap):
            return k
        k += gap
    return k


@cache
def _territory_adjectives() -> frozenset[str]:
    return frozenset(lexicon().raw["territory_adjective_lemmas"]["lemmas"])


_TWO_WORDS = re.compile(  # overlapping: each capitalised word is tried with the next
    rf"(?<=\s)(?P<word>[{UPPER}][^\W\d_]{{2,}})(?=\s+(?P<country>[{UPPER}][^\W\d_]+)(?![\w-]))"
)


#: A compound's first part cut at its hyphen, a conjunction and the compound's last part
#: ("Kommunal- og distriktsdepartementet", "Arbeids- og velferdsetaten"); in small letters
#: after a name in the genitive ("Norges vassdrags- og energidirektorat").
_SPLIT_COMPOUND = re.compile(
    rf"(?<![\w-])(?:[{UPPER}][^\W\d_]+s\s+[^\W\d_]+|[{UPPER}][^\W\d_]+)-\s+"
    rf"(?:og|och|und|and|a|i|un|ir|ja|&)\s+(?P<last>[^\W\d_]{{6,}})(?![\w-])"
)


def _split_compound_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Bodies named by two compounds that share their last part, the first written with
    a hyphen for it ("Kommunal- og distriktsdepartementet", "Finans- og
    regionalpolitikkdepartementet", "Arbeids- og velferdsetaten"): one name when the last
    compound, in small letters, ends in a head noun."""
    if "- " not in text:
        return []
    out = []
    for m in _SPLIT_COMPOUND.finditer(text):
        last = m.group("last")
        kind = compound_head_type(last.capitalize()) if last.islower() else None
        if kind is not None:
            out.append((m.start(), m.end(), kind))
    return out


def _agency_spans(text: str, lex: Lexicon, language: str) -> list[tuple[int, int, str]]:
    """ "Innovation Norway", "Enterprise Estonia", "Иновация Норвегия": a capitalised common
    word (in the text's language or English) right before a country's name, inside a
    sentence, names a body of that country — unless the word is a compass point or the
    like ("Northern Norway"), a place, a demonym, a verb, a function word, an office
    ("Ambasadorul Norvegiei"), a word of cooperation ("Parteneriat Norvegia"), or the pair
    is part of a longer capitalised name (other rules read those)."""
    out = []
    for m in _TWO_WORDS.finditer(text):
        word, country = m.group("word"), m.group("country")
        cc = country_of_form(country)
        end = m.end("country")
        before = _CAPITALISED_BEFORE.search(text, 0, m.start())
        # (a sentence's first word is capitalised for its place: it joins no name)
        if (
            cc is None
            or _CAPITALISED_AFTER.match(text, end)
            or (before is not None and text[: before.start()].strip())
        ):
            continue
        folded = word.casefold()
        if (
            folded in lex.stopwords
            or is_function_word(word, language)
            or not (is_known_word(word, language) or is_known_word(word, "en"))
            or {lemma(word, language), folded} & _territory_adjectives()
            or country_of_form(word)
            or demonym_country(word, lex, language)
            or find_cities(word)
            or is_verb_form(word, language)
            or _is_role_word(word, lex)
            or is_job(word, language)  # "Ambasadorul Norvegiei": a person, Norway's envoy
            or lex.cooperation_cues.find(word)  # "Parteneriat Norvegia": a partnership
        ):
            continue
        out.append((m.start(), end, cc))
    return out


_CAPITALISED_AFTER = re.compile(rf"\s+[{UPPER}]")
_CAPITALISED_BEFORE = re.compile(rf"[{UPPER}][\w'’.-]*\s+$")


def _apposition_spans(
    text: str, lex: Lexicon, language: str, *, announced: bool = False
) -> list[tuple[int, int, str | None]]:
    """Names right after a class noun (``apposition_cue_lemmas``: partner, organisation,
    company… by lemma, in the document's language or English), a colon allowed between,
    or after the colon that closes the class noun's clause ("the organisations selected
    are: …"): each capitalised run, and the next ones a comma or a conjunction joins to
    it. ``announced``: the text begins a list such a clause announced in the sentence
    before. A run of one word must be no common word ("partners Norway" is a country:
    places are left out by the caller). A place after a preposition at the run's end is
    where the body is ("the company Statkraft in Bergen"): left out of the name, its
    country given."""
    agents = _agent_slots(text, lex, language)
    if (
        not agents
        and not announced
        and not _apposition_hint().search(text)
        and not (":" in text and _apposition_hint_word().search(text))
        and not (language == "en" and _english_head_hint().search(text))
    ):
        return []
    joins = list_joins(language)
    inner = lex.connectors - joins
    tokens = _word_tokens(text)
    words = _bare_words(text)

    starts: set[tuple[int, bool, bool]] = set()  # (first word, after a colon, an agent's)
    if announced:
        starts.add((0, True, False))
    headed: set[int] = set()  # starts after a head noun (not a class noun)
    for i, word in enumerate(words):
        colon = i + 1 < len(tokens) and words[i + 1] == ":"
        # a label before a colon may be capitalised or in capitals ("PROJECT PARTNERS:")
        labelled = colon and (word[1:].islower() or word.isupper())
        if not (word.isalpha() and (word.islower() or labelled)):
            continue
        if _is_class_noun(word, language):
            closed = None if colon else _clause_colon(words, i)
            if closed is not None:
                starts.add((closed + 1, True, False))
            else:
                starts.add((i + 2 if colon else i + 1, colon, False))
        elif language == "en" and word.islower() and head_lemma_type(word, "en"):
            # in English, a body's head noun in small letters before a name with none of
            # its own ("the research foundation Fafo"), but not before a person of the
            # body ("the Øvre Eiker municipality Kari Hesselberg")
            headed.add(i + 1)
            starts.add((i + 1, False, False))
    kinds: set[int] = set()  # starts after a participant's cue, where kinds of body are named
    for at, came in agents:
        j = next((k for k, token in enumerate(tokens) if token[0] >= at), len(tokens))
        if j < len(words) and words[j].islower() and words[j] in lex.stopwords:
            j += 1  # "organised by the …"
        starts.add((j, False, True))
        if came:
            kinds.add(j)
    out: list[tuple[int, int, str | None]] = []
    for j, colon, agent in sorted(starts):
        # (after a participant's cue, common words only are a kind of body: "representatives
        # from Social Services and Custody Courts")
        kind = strict = j in kinds
        while _capital(words, j):
            # an item of a labelled list that a country closes is a name whole, lower-case
            # words too ("Partners: …, Fleksibel utdanning Norge (Norway).")
            item = _item_with_country(words, j) if colon else None
            if item is not None:
                k, close, country = item
                out.append((tokens[j][0], tokens[k][1], country))
                if close + 2 < len(tokens) and words[close + 1] in joins:
                    j = close + 2
                    continue
                break
            k = _run_end(tokens, words, j, inner)
            where = None
            place = (
                _place(words[k], language)
                if k - j >= 2 and words[k - 1].casefold() in lex.prepositions
                else None
            )
            if place is not None:
                where = place or None
                k -= 2
            run = words[j : k + 1]
            if (agent or j in headed) and _a_person(run, lex, language):
                pass  # "organised by Anna Nowak", "hosted by Mayor Hans Olsen": a person
            elif strict and all(
                (_is_common(w, language) or _is_common(w, "en")) and not _ACRONYM_WORD.fullmatch(w)
                for w in run
            ):
                pass
            elif (
                len(run) > 1
                or not (_is_common(run[0], language) or _is_common(run[0], "en"))
                # an acronym is no common word ("NAV og Fretex")
                or (_ACRONYM_WORD.fullmatch(run[0]) and run[0] not in _acronym_stopwords())
            ):
                stop = 1 if tokens[k][2] != words[k] else 0  # a full stop is not the name's
                out.append((tokens[j][0], tokens[k][1] - stop, where))
            # after an agent's cue a comma ends the names ("On behalf of Statkraft, John
            # Smith signed"): only a conjunction joins another
            joined = k + 2 < len(tokens) and words[k + 1] in joins
            if joined and tokens[k][2] == words[k] and not (agent and words[k + 1] == ","):
                j, strict = k + 2, kind
            elif colon and (after := _next_item(tokens, words, k, joins)) is not None:
                # a listed item none of these reads ("Generation 2.0 for Rights"); what
                # follows its comma may still be of it ("…, Equality & Diversity"): only a
                # name that common words do not make is read there
                j, strict = after, True
            else:
                break
    return out


#: Words an item of a list after a colon may run beyond its capitalised run.
_UNREAD_ITEM_WORDS = 8


def _next_item(
    tokens: list[tuple[int, int, str]], words: list[str], k: int, joins: frozenset[str]
) -> int | None:
    """In a list after a colon, where the item after the one whose name was read to ``k``
    begins: after the next comma or conjunction, within a few words and before a full
    stop; None if there is none."""
    for m in range(k + 1, min(k + 1 + _UNREAD_ITEM_WORDS, len(tokens) - 1)):
        if tokens[m - 1][2] != words[m - 1]:
            return None  # a full stop ends the list
        if words[m] in joins:
            return m + 1
    return None


#: Words a class noun's clause may run to its colon ("organisations that were selected are:").
_CLAUSE_WORDS = 6


def _clause_colon(words: list[str] | tuple[str, ...], i: int) -> int | None:
    """The colon that closes the clause of the class noun at ``i``, when only words in
    small letters (or numbers) stand between them: "the partners of the project are:",
    "οργανώσεις που επιλέχτηκαν είναι:"; None otherwise."""
    for k in range(i + 1, min(i + 2 + _CLAUSE_WORDS, len(words))):
        word = words[k]
        if word == ":":
            return k if k > i + 1 else None
        if not ((word.isalpha() and word.islower()) or word.isdigit()):
            return None
    return None


def announces_list(text: str, language: str) -> bool:
    """Whether a sentence ends by announcing a list of bodies: a class noun's clause closed
    by a colon at its end ("The five organisations that were selected are:", "Partners:");
    the sentence after it begins the list."""
    if not text.rstrip().endswith(":") or not _apposition_hint_word().search(text):
        return False
    words = _bare_words(text)  # (the sentence's own words: those its finders read)
    for i in range(max(0, len(words) - 3 - _CLAUSE_WORDS), len(words) - 1):
        word = words[i]
        if word.isalpha() and _is_class_noun(word, language):
            if i == len(words) - 2 or _clause_colon(words, i) == len(words) - 1:
                return True
    return False


def _is_class_noun(word: str, language: str) -> bool:
    """Whether ``word`` is a class noun (``apposition_cue_lemmas``) by its lemma in the
    document's language or English, written in capitals too ("PARTNERS")."""
    form = word.capitalize() if word.isupper() else word
    cues = _apposition_cues()
    return lemma(form, language) in cues or lemma(form, "en") in cues


@cache
def _apposition_hint_word() -> re.Pattern[str]:
    """A quick test: a word that begins as a class noun's lemma does."""
    return re.compile(rf"(?<!\w)(?i:{_cue_openings()})")


def _a_person(run: list[str], lex: Lexicon, language: str) -> bool:
    """Whether the capitalised words after an agent's cue are a person: an office or a
    title first ("Mayor Hans Olsen"), words a person's name is made of, or two words with
    no head word that are not English words ("Annę Kowalską": a first name is a known
    word of Polish)."""
    if is_job(run[0], language) or _is_title(run[0]):
        return True
    if len(run) < 2:
        return False
    return _person_like(run, language) or (
        len(run) == 2
        and all(map(_name_shaped, run))
        and _head_type(run, lex, language) is None
        and not all(_is_common(w, "en") for w in run)
    )


def _agent_slots(text: str, lex: Lexicon, language: str) -> list[tuple[int, bool]]:
    """Where the agent of a host's, organiser's, participant's or promoter's cue begins:
    after a cue that names what follows it ("organised by", "at the invitation of",
    "representatives of") or after the agent's preposition right behind the cue ("hosted
    by"; a participant's, where they came from: "representanter fra"). The capitalised
    words there name a body though no head word says so ("organised by Nordic Energy
    Research and hosted by Statkraft"). Each slot says whether a participant's cue opened
    it (where common words name a kind of body, not one)."""
    agents, origins = _agent_pattern(language), _origin_pattern(language)
    out = []
    for start, end, role in _agent_finder().find(text):
        came = role == "participant"
        after = agents.match(text, end) or (origins.match(text, end) if came else None)
        if after is not None:
            out.append((after.end(), came))
        elif names_what_follows(text[start:end], language) or agents.search(text, start, end):
            out.append((end, came))
    return out


@cache
def _origin_pattern(language: str) -> re.Pattern[str]:
    """The preposition of where people came from, of ``language`` (and English), right
    after a participant's cue ("representatives from", "representanter fra")."""
    table = lexicon().raw["origin_prepositions"]
    words = sorted({*table.get(language, ()), *table["en"]}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s+(?i:{alternation})(?!\w)")


@cache
def _agent_pattern(language: str) -> re.Pattern[str]:
    """The agent's preposition of ``language`` (and English) right after a cue."""
    table = lexicon().raw["agent_prepositions"]
    words = sorted({*table.get(language, ()), *table["en"]}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s+(?i:{alternation})(?!\w)")


@cache
def _agent_finder() -> PhraseFinder:
    """The cues of the roles whose agent a cue may name: a host's, an organiser's and a
    participant's ("representatives of", "attended by"), a project's promoter's (one
    finder of their own: fewer phrases, one pass a sentence)."""
    raw = lexicon().raw
    hosts = {
        language: [*raw["role_cues"]["host"].get(language, ()), *phrases]
        for language, phrases in raw["role_cues"]["hosting"].items()
        if not language.startswith("_")
    }
    return phrase_finder(
        {
            "host": {**raw["role_cues"]["host"], **hosts},
            "organiser": raw["role_cues"]["organiser"],
            "participant": raw["role_cues"]["participant"],
            "promoter": raw["project_role_cues"]["promoter"],
        }
    )


def _subject_spans(text: str, lex: Lexicon, language: str) -> list[tuple[int, int]]:
    """Names right before an active host's or organiser's verb, whose subject they are
    ("the Eurocentre Prague hosted a seminar"): the capitalised run that ends where the
    cue begins (connectors inside: "Centre for Equality"), with no head word needed, but
    an acronym or a town's name in it; not a person (an office or a title first: "Mayor
    Hans Olsen"), nor common words only. A cue whose agent follows ("hosted by") or that names
    what follows ("at the invitation of") has no subject here."""
    agents = _agent_pattern(language)
    cues = [
        start
        for start, end, role in _agent_finder().find(text)
        if role in ("host", "organiser")
        and agents.match(text, end) is None
        and not names_what_follows(text[start:end], language)
    ]
    if not cues:
        return []
    tokens = _word_tokens(text)
    words = _bare_words(text)
    inner = lex.connectors - list_joins(language)
    out = []
    for start in cues:
        k = next((i for i, token in enumerate(tokens) if token[0] >= start), len(tokens)) - 1
        if k < 0 or not _capital(words, k) or text[tokens[k][1] : start].strip():
            continue
        j = k
        while j > 0 and (
            _capital(words, j - 1)
            or (
                words[j - 1] in inner
                and words[j - 1].casefold() not in _ARTICLES  # "Thursday the Eurocentre"
                and j > 1
                and _capital(words, j - 2)
            )
        ):
            j -= 1
        while j < k and (words[j].casefold() in lex.stopwords or words[j] in inner):
            j += 1  # "The Eurocentre …" at the sentence's start
        run = words[j : k + 1]
        if is_job(run[0], language) or _is_title(run[0]):
            continue  # "Mayor Hans Olsen hosted"
        if j == 0 and _is_common(run[0], language) and len(run) > 1:
            run, j = run[1:], 1  # a sentence's first word: "Yesterday Eurocentre Prague …"
        if _tells_a_body(run, language):
            out.append((tokens[j][0], tokens[k][1]))
    return out


def _owner_spans(text: str, lex: Lexicon, language: str) -> list[tuple[int, int]]:
    """Names right after an event's noun, whose gathering it is ("semináře Eurocentra
    Praha", "the annual seminar of the Eurocentre Prague"), or after a job's title and the
    language's "of", the body whose post it is ("the Secretary General of TÖOSZ"): after
    the language's "of", or in the genitive right after an event's noun, the capitalised
    run there, with no head word needed but an acronym or a town's name in it (see
    :func:`_tells_a_body`)."""
    connectors, genitive = owner_connectors(language)
    if connectors is None and not genitive:
        return []
    tokens = _word_tokens(text)
    words = _bare_words(text)
    slots: list[tuple[int, int]] = []  # (the event noun, the name's first word)
    found = list(connectors.finditer(text)) if connectors is not None else []
    if found:
        ends = {b: i for i, (_a, b, _w) in enumerate(tokens)}
        starts = {a: i for i, (a, _b, _w) in enumerate(tokens)}
        for m in found:
            i, j = ends.get(m.start()), starts.get(m.end())
            if i is not None and j is not None:
                slots.append((i, j))
    if genitive:
        # a subject after the noun is no genitive: "Na konferenci Ministerstvo … představilo"
        slots += [
            (i, i + 1)
            for i in range(len(tokens) - 1)
            if _capital(words, i + 1)
            and names_an_event(words[i], language)
            and not text[tokens[i][1] : tokens[i + 1][0]].strip()
            and _inflected(words[i + 1], language)
        ]
    inner = lex.connectors - list_joins(language)
    out = []
    for i, j in sorted(slots):
        word = words[i]
        if not word.isalpha() or tokens[i][2] != word:
            continue
        if not (names_an_event(word, language) or _a_job_ends_at(words, i, language)):
            continue
        if not _capital(words, j) or is_job(words[j], language) or _is_title(words[j]):
            continue
        k = _run_end(tokens, words, j, inner)
        if _tells_a_body(words[j : k + 1], language):
            out.append((tokens[j][0], tokens[k][1]))
    return out


def _a_job_ends_at(words: list[str], i: int, language: str) -> bool:
    """Whether the ``i``-th word ends a job's title ("director", "Secretary General"):
    whose holder's body follows after "of" ("the Secretary General of TÖOSZ")."""
    return is_job(words[i], language) or (
        i > 0 and words[i][:1].isupper() and is_job(words[i - 1], language)
    )


def _tells_a_body(run: list[str], language: str) -> bool:
    """Whether capitalised words with no head word name a body: an acronym in them ("NAV"),
    or a town's name beside other words ("Eurocentre Prague"; a person's name holds
    none); not common words only."""
    acronym = any(_ACRONYM_WORD.fullmatch(w) and w not in _acronym_stopwords() for w in run)
    town = len(run) > 1 and any(_a_town(w) for w in run)
    return (acronym or town) and not all(
        _is_common(w, language) or _is_common(w, "en") for w in run
    )


def _towns_country(name: str) -> str | None:
    """The country of the one town a name holds by any of its names ("Eurocentra Praha")."""
    countries = {city.country for w in name.split() if _a_town(w) for city in find_cities(w)[:1]}
    return countries.pop() if len(countries) == 1 else None


#: Articles, which no name holds inside ("Last Thursday the Eurocentre Prague hosted").
_ARTICLES = frozenset({"the", "a", "an"})


def _a_town(word: str) -> bool:
    """A town's own name, or another of its names that is no common English word ("Praha";
    not "Union")."""
    return _town_itself(word) or (bool(find_cities(word)) and not _is_common(word, "en"))


#: The most words a list item closed by its country is read as one name.
_LONGEST_ITEM = 6


def _item_with_country(words: list[str], j: int) -> tuple[int, int, str] | None:
    """A list item from ``j`` to a comma or semicolon whose last words are its country in
    brackets ("(Norway)", "(NO)"): its name's last word, the closing bracket and the
    country; None for any other item, or one of more than a few words."""
    m = j
    while m < len(words) and words[m] not in (",", ";", "("):
        m += 1
    if not (j < m <= j + _LONGEST_ITEM) or m + 2 >= len(words) or words[m] != "(":
        return None
    told, close = words[m + 1], m + 2
    if words[close] != ")":
        return None
    country = told if len(told) == 2 and is_country_code(told) else country_of_form(told)
    if country is None or not all(w.isalpha() or w in "-&" for w in words[j:m]):
        return None
    return m - 1, close, country


def _portal_spans(text: str) -> list[tuple[int, int, str | None]]:
    """Names of the portal's gazetteer in the sentence (two words or more, matched on
    folded words, the first one capitalised), the longest at each place."""
    names, lengths = known_names()
    tokens = _FOLD_TOKEN.findall(text)
    spans: list[tuple[int, int]] = []  # the tokens' offsets, once a name is found
    folded: dict[int, str] = {}  # each token folded when a name's first word asks for it

    def fold(k: int) -> str:
        if k not in folded:
            folded[k] = normalise(tokens[k])
        return folded[k]

    out: list[tuple[int, int, str | None]] = []
    i = 0
    while i < len(tokens):
        hit = None
        if tokens[i][0].isupper():
            for n in lengths.get(fold(i), ()):
                if i + n <= len(tokens) and tuple(fold(i + t) for t in range(n)) in names:
                    hit = n
                    break
        if hit is None:
            i += 1
            continue
        spans = spans or [m.span() for m in _FOLD_TOKEN.finditer(text)]
        a, end = spans[i][0], spans[i + hit - 1][1]
        out.append((a, end, portal_country(text[a:end])))
        i += hit
    return out


@cache
def _instruments() -> frozenset[str]:
    return frozenset(lexicon().raw["instrument_lemmas"]["lemmas"])


_BEFORE_OF = re.compile(r"\s+(?:of|for)\s+", re.IGNORECASE)


def is_instrument(name: str, language: str) -> bool:
    """A fund or a programme, not a body: its head is an instrument noun (the first word,
    or in English the last before "of"/"for": "Active Citizens Fund for Greece",
    "Programu Regionalnego MF EOG")."""
    words = LETTER_RUNS.findall(_BEFORE_OF.split(name, maxsplit=1)[0])
    if not words:
        return False
    table = _instruments()
    return any(
        w.casefold() in table or lemma(w, language) in table or lemma(w, "en") in table
        for w in {words[0], words[-1]}
    )


def _municipality_matches(text: str, lex: Lexicon, language: str) -> Iterator[re.Match[str]]:
    """The municipality forms of ``text``, left to right; where a form's place is a
    country's word ("the Norwegian municipality of Bodø": "Norwegian municipality"), the
    search goes on from its noun, which may open another ("municipality of Bodø"); where
    its place opens with a month's name ("Gegužę Alytaus miesto savivaldybėje"), from
    the word after."""
    at = 0
    while (m := lex.municipality.search(text, at)) is not None:
        place = next((v for k, v in m.groupdict().items() if v and k.startswith("place")), "")
        told = place and (country_of_form(place) or demonym_country(place, lex))
        if told and not town_countries(place):
            at = m.start() + m.group().index(place) + len(place)
            continue
        first = place.split(maxsplit=1)
        if len(first) == 2 and month_of(first[0], language) is not None:
            at = m.start() + m.group().index(place) + len(first[0])
            continue
        yield m
        at = m.end()


#: Up to six words, with nothing but spaces between them.
_JOINED_WORDS = re.compile(r"[^\s,;:()]+(?:[ \t]+[^\s,;:()]+){0,5}")


def _known_town_first(place: str, start: int, end: int) -> tuple[str, int]:
    """The first words of a place of several words that the city list knows as a town, and
    where they end (``start``: where the place begins); the place itself when none do."""
    words = place.split(" ")
    for n in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:n])
        if _towns_called(prefix):
            return prefix, start + len(prefix)
    return place, end


def _generic_reference(name: str, org_type: str | None, lex: Lexicon, language: str = "en") -> bool:
    """ "Norwegian municipality", "Norvēģijas pašvaldībās", "Lenkijos savivaldybe": a
    country's word (in any case form: by its lemma) and a municipality noun name a kind of
    body, not one (a municipality is named by its place); so do a country's word and any
    head noun in the plural ("Norwegian Universities", "Norra ülikoolide": bodies of a
    kind, none named)."""
    words = [w for w in name.split() if w not in lex.stopwords and w.casefold() != "the"]
    if len(words) != 2 or town_countries(name):
        return False  # ("Česká Lípa" is a town)
    if org_type != "municipality" and not is_plural_form(words[1], language):
        return False
    first = words[0]
    # ("pašvaldībām Norvēģijā", municipalities in Norway: the country after the noun)
    told = country_of_form(first) or country_of_form(lemma(first, language))
    return bool(told or demonym_country(first, lex)) or bool(
        CAP.match(words[1]) and country_of_form(words[1])
    )


_LIST_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|og|un|ir|i|a|und|и|&|och|sowie)\s+")


@cache
def _list_patterns(language: str) -> tuple[tuple[str, re.Pattern[str], dict[str, str]], ...]:
    """The municipality lists written in ``language`` or in English (a list is written
    with its own language's plural noun: "Amatas, Līgatnes un Raunas novadu")."""
    return tuple(p for p in lexicon().municipality_lists if p[0] in (language, "en"))


def _of_the_lists_country(
    listed: list[tuple[int, int, OrgMention]],
) -> list[tuple[int, int, OrgMention]]:
    """The municipalities of one list, those of unknown country given the one all the
    others are of, when two or more are told and agree ("města Bodo, Gjesdal, Kristiansund
    a Molde": Gjesdal is Norwegian too)."""
    told = [m.country for _a, _b, m in listed if m.country is not None]
    if len(told) < 2 or len(set(told)) != 1:
        return listed
    return [(a, b, replace(m, country=m.country or told[0])) for a, b, m in listed]


def _list_items(text: str, offset: int, lex: Lexicon) -> list[tuple[int, int, str, str | None]]:
    """The places of "A, B un C" with their offsets in the sentence (demonyms left out),
    each with the country its parentheses tell, by a country's name ("Marijampolės
    (Lietuva)") or by the place's own name ("Lešos (Lesja)": Lesja is Norwegian)."""
    inside = [(m.start(), m.end()) for m in _PARENTHESES.finditer(text)]
    cuts = [
        (m.start(), m.end())
        for m in _LIST_SPLIT.finditer(text)
        if not any(a <= m.start() < b for a, b in inside)
    ]
    items = []
    starts, ends = [0, *(e for _s, e in cuts)], [*(s for s, _e in cuts), len(text)]
    for start, end in zip(starts, ends, strict=True):
        place, _, note = text[start:end].partition("(")
        place, note = place.strip(), note.rstrip(")").strip()
        if not place or country_of_form(place):
            continue
        if demonym_country(place, lex) and not town_countries(place):
            continue  # "norských": a demonym, not a place ("Česká Lípa" is a town)
        told = _country_in_parentheses(note) if note else None
        at = offset + start + text[start:end].index(place)
        items.append((at, at + len(place), place, told))
    return items


_PARENTHESES = re.compile(r"\([^()]*\)")


_COUNTRY_TAG = re.compile(r"\s*\(\s*([^()]{2,40}?)\s*\)")
#: The most words a name its country follows in brackets is read as.
_LONGEST_TAGGED = 6


def _country_tagged_spans(text: str, lex: Lexicon, language: str) -> list[tuple[int, int, str]]:
    """Names that their country follows in brackets, "(NO)" or "(Norway)": the capitalised
    run before the brackets (connectors inside, a few words at most), when it is no place,
    person or common word of one word."""
    if "(" not in text:
        return []
    tokens = _word_tokens(text)
    out = []
    for k, (_a, at, word) in enumerate(tokens):
        if word != "(":
            continue
        tag = _COUNTRY_TAG.match(text, at - 1)
        note = tag.group(1) if tag else ""
        cc = country_of_form(note) or (note.upper() if is_country_code(note.upper()) else None)
        if cc is None or not note[:1].isupper():
            continue
        first = k - 1
        while first >= 0 and k - first <= _LONGEST_TAGGED:
            w = tokens[first][2]
            if CAP.match(w) or _COMPANY_SUFFIX.match(w):
                first -= 1
            elif w in lex.connectors and first > 0 and CAP.match(tokens[first - 1][2]):
                first -= 1
            else:
                break
        first += 1
        while first < k and (
            tokens[first][2] in lex.stopwords or tokens[first][2] in lex.connectors
        ):
            first += 1
        # (a common word capitalised as the sentence's first is no part of the name:
        # "Later NAV (NO) showed …")
        if (
            first == 0
            and k > 1
            and (_is_common(tokens[0][2], language) or _is_common(tokens[0][2], "en"))
        ):
            first = 1
        words = [tokens[i][2] for i in range(first, k)]
        if not words or not CAP.match(words[0]):
            continue
        one = len(words) == 1
        if (
            country_of_form(" ".join(words))
            or (one and _towns(words[0], language))
            or (
                one
                and not _standalone_word(words[0], lex, language)
                and not _ACRONYM_WORD.fullmatch(words[0])
            )
            or _person_like(words, language)
            or _full_name(words, lex, language)
        ):
            continue
        out.append((tokens[first][0], tokens[k - 1][1], cc))
    return out


def _country_in_parentheses(note: str) -> str | None:
    """The country what parentheses after a place say tells: a country's name ("Lietuva")
    or the place's own name ("Lesja", a Norwegian town)."""
    return country_of_form(note) or town_country(note)


#: An acronym written with a small letter inside ("ACoR", "FoRUM"): each small letter
#: between capitals.
_MIXED_ACRONYM = re.compile(r"[A-ZÆØÅ](?:[A-ZÆØÅ0-9&.-]|[a-zæøå](?=[A-ZÆØÅ]))+")


#: The most words a name is widened by to the left to be the one its acronym spells.
_ACRONYM_REACH = 5
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)\s+$")
#: How far back (characters) the word before a name is looked for.
_WORD_WINDOW = 60


def _spelled_by_acronym(text: str, a: int, b: int, lex: Lexicon) -> int:
    """Where the name at ``a:b`` begins if an acronym in brackets right after it spells
    the initials of its capitalised words only with a few words more before it (the
    conjunction inside "Small and Medium Enterprises" split it); ``a`` otherwise."""
    m = _ACRONYM_AFTER.match(text[b:])
    acr = (m.group("acr") or "").strip() if m is not None else ""
    if not (2 <= len(acr) <= 8 and acr.isalpha() and acr.isupper()):
        return a
    initials = "".join(w[0] for w in text[a:b].split() if w[:1].isupper())
    if initials == acr or not acr.endswith(initials):
        return a
    start = a
    for _k in range(_ACRONYM_REACH):
        word = _WORD_BEFORE.search(text, max(0, start - _WORD_WINDOW), start)
        if word is None:
            return a
        start = word.start(1)
        if word.group(1)[:1].isupper():
            initials = word.group(1)[0] + initials
            if initials == acr:
                return start
            if not acr.endswith(initials):
                return a
        elif word.group(1) not in lex.connectors:
            return a
    return a


def _with_acronym(mention: OrgMention, sent: Sentence, end: int) -> OrgMention:
    # where the body is may stand between its name and its acronym: "… din Norvegia (KS)"
    where = where_after(sent.text, end)
    if where is not None:
        end = where[1]
    acr = _acronym_after(sent.text, end)
    return mention if acr is None else replace(mention, acronym=acr)


def _acronym_after(text: str, end: int) -> str | None:
    """The acronym in brackets (or between slashes) right after ``end``: capitals, or small
    letters between capitals ("(KS)", "(ACoR)", "/НСОРБ/"; "(Oslo)" is none)."""
    m = _ACRONYM_AFTER.match(text[end:])
    if m is None:
        return None
    acr = (m.group("acr") or m.group("slashed")).strip()
    return acr if acr.upper() == acr or _MIXED_ACRONYM.fullmatch(acr) else None


def _head_spans(
    text: str, lex: Lexicon, lowercase_heads: bool = False, language: str = "en"
) -> list[tuple[int, int, str]]:
    """Capitalised spans (with connectors) that hold an organisation head word; with
    ``lowercase_heads``, a lower-case head word may close the span (Latvian, Norwegian…).
    Titles in quotation marks are not organisations (someone's words are read)."""
    quoted = [m.span() for m in quotations(text) if not is_speech(m)]
    tokens = _word_tokens(text)
    if quoted:
        tokens = [t for t in tokens if not any(a < t[0] < b for a, b in quoted)]
    out: list[tuple[int, int, str]] = []
    ands = _AND | list_joins(language)
    joiners = _joiners(language)
    i = 0
    while i < len(tokens):
        if not CAP.match(tokens[i][2]) or tokens[i][2] in '(),;:«»„“”"':
            i += 1
            continue
        j = i
        run = [i]
        while j + 1 < len(tokens) and not _ends_sentence(tokens[j][2]):
            if text[tokens[j][1] : tokens[j + 1][0]].strip():
                break  # a dash between ("Bratislava, 4 June 2021 – The Slovak …")
            word = tokens[j + 1][2]
            if CAP.match(word) or _COMPANY_SUFFIX.match(word):
                run.append(j + 1)
                j += 1
                continue
            # a region's name that joins its words with a small one is one name ("Møre og
            # Romsdal fylkeskommune", "kraj More og Romsdal")
            region = _joined_region_at(tokens, text, j)
            if region > 1:
                run.extend(range(j + 1, j + region))
                j += region - 1
                continue
            if (
                tokens[j][2].endswith("-")
                and word in ands
                and j + 2 < len(tokens)
                and CAP.match(tokens[j + 2][2])
            ):
                # a compound's first part waits for the head of the second ("Haridus- ja
                # Teadusministeerium")
                run.extend((j + 1, j + 2))
                j += 2
                continue
            if len(run) > 1 and _COMPANY_SUFFIX.match(tokens[j][2]):
                break  # a legal form ends the name: "Norsk Gjenvinning AS på Ski"
            # up to two connectors ("of", "of the") between capitalised words
            gap = 1
            while gap <= 2 and j + gap < len(tokens) and tokens[j + gap][2] in joiners:
                gap += 1
            # after "of", "on"…, a name goes on with a capital, not a number ("on 8 December")
            # nor a month's name ("in May"), nor a person's title ("… and Prof. Nowak")
            if (
                1 < gap
                and j + gap < len(tokens)
                and tokens[j + gap][2][:1].isupper()
                and tokens[j + gap][2].rstrip(".").casefold() not in MONTH_NAMES
                and not _is_title(tokens[j + gap][2])
            ):
                run.extend(range(j + 1, j + gap))
                j += gap - 1
            else:
                break
        run = _without_leading_time(run, tokens)
        # a lower-case head word may close a name ("Latvijas Pašvaldību savienība",
        # "Lietuvos regioninių tyrimų institutas"): the furthest head noun (by its lemma)
        # within seven lower-case words ("Norvegijos vietos ir regioninių valdžios
        # institucijų asociacija")
        # (not after a person's name: "prof. dr. Artūras Razbadauskas … pristatė universitetą")
        # (but after a person of a body, the body's: "pan Jan Novák z Ministerstva …")
        body = _drop_leading_person(run, tokens, lex, language)
        # ("Zástupci Ministerstva pro místní rozvoj …": the sentence's first word tells
        # the people of the body whose name opens after it)
        people_first = (
            run[0] == 0
            and len(run) >= 2
            and _opens_with_people(tokens[0][2], tokens[1][2], lex, language)
        )
        person = body is run and (
            (
                len(run) in (2, 3)
                and not people_first
                and _person_like([tokens[k][2] for k in run], language)
            )
            or (run[0] > 0 and _is_title(tokens[run[0] - 1][2]))
        )
        if lowercase_heads and not person:
            last = joined = None
            for k in range(1, 8):
                nxt = j + k
                word = _next_word(tokens, nxt - 1)  # (without its full stop: "… institutas.")
                if word and text[tokens[nxt - 1][1] : tokens[nxt][0]].strip():
                    break  # a dash between: "Asociace krajů – organizace … kraje"
                if (
                    word in ands
                    and word.isalpha()  # (not a comma)
                    and last is None
                    and joined is None
                    and (nxt > j + 1 or _adjectives_only(run, tokens, lex, language))
                ):
                    # "… valdžios ir modernizavimo ministerija", "Norvēģijas Vietējo un
                    # reģionālo pašvaldību asociāciju": one name
                    joined = nxt
                    continue
                if joined == nxt - 1 and joined > j + 1 and _is_head(word, language):
                    break  # "… reģiona un biedrības": two bodies, not one
                if (
                    not word.isalpha()
                    or len(word) <= 3  # function words of every language: "so", "na", "pie"
                    or CAP.match(word)
                    or word in lex.connectors
                    or word in lex.prepositions
                    # "Partnerem projektu jest fundacja": a verb is no part of a name
                    or is_function_word(word, language)
                    or is_verb_form(word, language)
                    # "… Arvika návšteva skúšobného centra": a gathering's noun is no
                    # part of a name (the visit went to the centre)
                    or names_an_event(word, language)
                ):
                    break
                # a list's plural or case form after a list of places is the list's
                # ("Amatas, Līgatnes un Raunas novadu"); right after one place, the head
                # of that place's name ("apmeklēja Rīgas pašvaldību"); further on, a
                # plural ("… prezentēja savu pašvaldību")
                listed = word.casefold() in lex.list_forms and (
                    nxt > j + 1 or _closes_a_list(run, tokens, text)
                )
                if not listed and _is_head(word, language):
                    last = nxt
            if last is not None:
                run.extend(range(j + 1, last + 1))
                j = last
            # in a language whose names open with their head, a lower-case complement may
            # follow the head ("Ministerstvo životního prostředí", "Национален съвет за
            # научни изследвания")
            after = tokens[j + 1][2] if j + 1 < len(tokens) else ""
            # (the name that opens with its head may be the last of a coordination:
            # "Ekopolis a Centrum pro vodu a krajinu")
            opens = next((k + 1 for k in reversed(run[:-1]) if tokens[k][2] in ands), run[0])
            if opens == run[0]:
                opens = body[0]
            if opens == 0 and people_first:
                # (after its connector too: "Представители на Министерството …")
                opens = next((k for k in run[1:] if tokens[k][2] not in joiners), opens)
            if (after[:1].islower() or _a_regions_genitive(tokens, j + 1, language)) and (
                last is not None or _head_type([tokens[opens][2]], lex, language)
            ):
                end = _complement_end(text, tokens, j, language)
                run.extend(range(j + 1, end + 1))
                j = end
            elif (
                last is not None
                and language in _HEAD_FIRST_NAMES
                and _a_countrys_genitive(after.rstrip(".,;:"), language)
                and not text[tokens[j][1] : tokens[j + 1][0]].strip()
            ):
                # a country's name in the genitive after a lower-case head is the name's
                # own ("Skupnost občin Slovenije", the association of Slovenia's municipalities)
                run.append(j + 1)
                j += 1
        # a lower-case head noun just before the run opens it ("fundacji Wolna Wisła")
        before = run[0] - 1
        if (
            lowercase_heads
            and before >= 0
            and tokens[before][2].isalpha()
            and tokens[before][2].islower()
            and tokens[run[0]][2][:1].isalpha()  # a name, not a number: "sveitarfélögum 24"
            and not text[tokens[before][1] : tokens[run[0]][0]].strip()  # "kraj – Možnosti"
            and _head_type([tokens[k][2] for k in run], lex, language) is None
            and _is_head(tokens[before][2], language)
        ):
            run.insert(0, before)
        elif lowercase_heads and before >= 1 and _a_states_body(run, tokens, lex, language):
            # "посолството на Кралство Норвегия", "embaixada da Noruega": a body's noun,
            # a short connector and a country's name are the body
            run[:0] = [before - 1, before]
        run = _trim_list_prefix(run, tokens, lex)
        run = _drop_leading_title(run, tokens, lex, language)
        run = _drop_leading_person(run, tokens, lex, language)
        run = _drop_trailing_person(run, tokens, lex, language)
        run = _drop_sub_unit(run, tokens, lex, language)
        run = _drop_trailing_country(run, tokens, text, lex, language)
        # a sentence's first word is capitalised whatever it is: a common word there
        # ("Przedstawiciele fundacji …", "Representatives") does not open a name, nor does
        # a short word of the language before other capitalised ones ("Kā Latvijas …",
        # "Os Ministérios", "W Oslo")
        if (
            run
            and run[0] == 0
            and len(run) >= 2
            # (a role's word, though the language's dictionary may not know its form:
            # Nynorsk "Representantar for …")
            and (_is_common(tokens[0][2], language) or _is_role_word(tokens[0][2], lex))
            and not _is_place(tokens[0][2], language)  # "Kauno miesto savivaldybė …"
            # (nor a region's name before its body's head: "Nordland fylkeskommune …")
            and not region_of_body(tokens[0][2], tokens[run[1]][2], language)
            # (a country's adjective is the first word of a name that goes on after its
            # head: "Norsk institutt for vannforskning"; "Norske universiteter" is a kind)
            and not (len(run) >= 3 and lex.demonyms.fullmatch(tokens[0][2]))
            and (
                # (an inflected word before lower-case ones may be the name's own first
                # word: "Socialinės apsaugos ir darbo ministerija pasirašė"; a word that
                # does not inflect is none: "Šiandien savivaldybė pranešė")
                (
                    not any(CAP.match(tokens[k][2]) for k in run[1:])
                    and not _inflected(tokens[0][2], language)
                )
                or (len(tokens[0][2]) <= 3 and not tokens[0][2].isupper())
                # a word that tells a role opens no name ("Zástupci Jihomoravského kraje"),
                # nor does a job's ("Hejtman Libereckého kraje", "Mērs Valkas pašvaldībā")
                or _opens_with_people(tokens[0][2], tokens[1][2], lex, language)
                # nor a month's name in a case form ("Maijā Valkas novada pašvaldībā …")
                or month_of(tokens[0][2], language) is not None
                # nor a word that says "in cooperation" ("Koostöös Norra … ministeeriumiga")
                or _whole_cue(tokens[0][2], lex.cooperation_cues)
            )
        ):
            run = run[1:]
            while run and tokens[run[0]][2] in joiners:
                run = run[1:]  # (and its connector: "Representantes da …")
        for part in _split_coordination(run, tokens, lex, language):
            for piece in _split_at_for(part, tokens, lex, language):
                found = _name_of(piece, tokens, text, lex, language)
                if found is not None:
                    out.append(found)
        i = j + 1
    return out


#: Words that open an English sentence to say when, before a month's or a day's name
#: ("On Tuesday", "Last Tuesday", "In May"): capitalised by where they stand, no name's.
_WHEN_OPENERS = frozenset(
    {"on", "in", "at", "during", "since", "until", "last", "next", "this", "early", "late"}
)
#: Days said by a word of their own, as a month's or a weekday's name says one.
_WHEN_WORDS = MONTH_NAMES | {"yesterday", "today", "tomorrow"}


def _time_words_first(words: list[str], *, name_after: bool = True) -> int:
    """How many of ``words`` are words of time they open with ("On Tuesday", "Last
    Tuesday", "Yesterday"), where a name follows them (with ``name_after=False``, all of
    them may be); 0 for none."""
    folded = [w.rstrip(".,").casefold() for w in words]
    last = len(folded) - 1 if name_after else len(folded)
    k = 0
    while k < last and folded[k] in _WHEN_OPENERS:
        k += 1
    return k + 1 if k < last and folded[k] in _WHEN_WORDS else 0


def _without_leading_time(run: list[int], tokens: list[tuple[int, int, str]]) -> list[int]:
    """A capitalised run without the words of time it opens with ("On Tuesday Bergen
    University hosted …", "Yesterday Bergen University …": English capitalises days and
    months, and a sentence's first word), where a name follows them."""
    return run[_time_words_first([tokens[k][2] for k in run]) :]


def _without_leading_time_words(place: str) -> str:
    """A place of a municipality's form without the words of time it opens with."""
    words = place.split(" ")
    return " ".join(words[_time_words_first(words) :])


def _joined_region_at(tokens: list[tuple[int, int, str]], text: str, j: int) -> int:
    """How many words from the ``j``-th a region's name that joins its words with a small
    lower-case one spans (:func:`joined_region_length`), with nothing but spaces between
    them; 0 where none opens there."""
    k = j + 1
    while (
        k < min(len(tokens), j + _LONGEST_JOINED_REGION)
        and not text[tokens[k - 1][1] : tokens[k][0]].strip()
    ):
        k += 1
    return joined_region_length([t[2] for t in tokens[j:k]])


#: The most words a region's name that joins its words with a small one has ("Sveti Jurij
#: v Slovenskih goricah").
_LONGEST_JOINED_REGION = 6


def _shared_head_spans(
    text: str, lex: Lexicon, language: str
) -> list[tuple[int, int, str, list[tuple[str, str | None]]]]:
    """Names that share one head in a plural or case form, one for each place that closes
    them ("Ministries of Foreign Affairs of Portugal and Norway", "Ministérios dos Negócios
    Estrangeiros de Portugal e da Noruega", "Ministerstw Spraw Zagranicznych Polski i
    Norwegii"): the span, the head's type, and each name (the head in its base form, the
    words between, the place with its own preposition, else the first's) with the place's
    country. A plural head alone is a kind of body ("Norwegian universities"): only a
    coordination of places after it makes it several."""
    if not _and_a_capital(language).search(text):
        return []  # (most sentences: no conjunction before a capitalised word)
    words = (w.strip(_PUNCTUATION) for w in text.split())
    if not any(_plural_head(w, language) for w in words if w[:1].isupper()):
        return []  # (nor a head in another form than its base one)
    tokens = _word_tokens(text)
    ands = _AND | list_joins(language)
    joiners = _joiners(language)
    out: list[tuple[int, int, str, list[tuple[str, str | None]]]] = []
    for i, (a, _b, word) in enumerate(tokens):
        found = _plural_head(word, language) if CAP.match(word) else None
        if found is None:
            continue
        base, org_type = found
        # the words between: capitalised ones and connectors, then the places
        k = i + 1
        while k < len(tokens) and k - i <= 8:
            capital = CAP.match(tokens[k][2]) is not None
            if not (capital or tokens[k][2] in joiners):
                break
            if capital and _place(tokens[k][2], language) is not None:
                break
            k += 1
        first_prep = tokens[k - 1][2] if k - 1 > i and tokens[k - 1][2] in joiners else None
        middle_end = k - 1 if first_prep else k
        places: list[tuple[str | None, int, str]] = []  # (own preposition, token, country)
        prep = first_prep
        while k < len(tokens):
            country = _place(tokens[k][2], language)
            if country is None or not CAP.match(tokens[k][2]):
                break
            places.append((prep, k, country))
            nxt = tokens[k + 1][2] if k + 1 < len(tokens) else ""
            if nxt != "," and nxt not in ands:
                break
            k += 2
            prep = None
            if k < len(tokens) and tokens[k][2] in joiners and not CAP.match(tokens[k][2]):
                prep, k = tokens[k][2], k + 1
        last = places[-1][1] if places else None
        if (
            last is None
            or len(places) < 2
            or tokens[last - 1][2] not in ands | joiners
            or (last + 1 < len(tokens) and CAP.match(tokens[last + 1][2]))
        ):
            continue
        middle = text[tokens[i][1] : tokens[middle_end - 1][1]] if middle_end > i + 1 else ""
        named: list[tuple[str, str | None]] = []
        for own, at, country in places:
            if org_type == "municipality" and country_of_form(tokens[at][2]):
                break  # "Municipalities of Norway and Poland": no municipality is a country
            joined = own or first_prep
            place = tokens[at][2].rstrip(".")  # (a sentence's full stop)
            name = base + middle + (f" {joined}" if joined else "") + f" {place}"
            named.append((" ".join(name.split()), country or None))
        else:
            out.append((a, tokens[last][0] + len(place), org_type, named))  # (the last place)
    return out


_PUNCTUATION = ".,;:()«»„“”\"'!?"


@cache
def _and_a_capital(language: str) -> re.Pattern[str]:
    """A conjunction before a capitalised word (a preposition may come between)."""
    ands = "|".join(sorted(map(re.escape, _AND | list_joins(language)), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{ands})\s+(?:\w+\s+)?[{UPPER}]")


@lru_cache(maxsize=1 << 16)
def _plural_head(word: str, language: str) -> tuple[str, str] | None:
    """For a head noun in another form than its base one (a plural, a case form): the base
    form, capitalised as written, and its type; else None."""
    if not word.isalpha() or word.isupper():
        return None
    for lang in dict.fromkeys((language, "en")):
        base = lemma(word, lang)
        if base.casefold() == word.casefold():
            continue
        org_type = head_lemma_type(base, lang)
        if org_type is not None and org_type != "company":
            return base[:1].upper() + base[1:], org_type
    return None


@cache
def _complement_connectors() -> dict[str, frozenset[str]]:
    table = lexicon().raw["head_initial_complements"]["connectors"]
    return {lang: frozenset(words) for lang, words in table.items() if not lang.startswith("_")}


@cache
def _joiners(language: str) -> frozenset[str]:
    """What joins capitalised words in a name: every language's "of", "for"…, and the
    connectors of the language's head-initial names ("Associação para o Desenvolvimento");
    not the language's own forms of "to be" ("Partnerorganizācija ir Bergenas
    Universitāte": Latvian "ir" is "is", Lithuanian "ir" "and")."""
    joiners = lexicon().connectors | _complement_connectors().get(language, frozenset())
    return joiners - frozenset(lexicon().raw["copula_forms"].get(language, ()))


@cache
def _connector_first() -> frozenset[str]:
    """The languages (with no cases) whose complements open with a connector."""
    return frozenset(lexicon().raw["head_initial_complements"]["opens_with_connector"])


def _complement_end(text: str, tokens: list[tuple[int, int, str]], j: int, language: str) -> int:
    """The last token of the lower-case complement that follows a name's head in a
    language whose names open with their head ("Ministerstvo spravodlivosti Slovenskej
    republiky", "Министерство на околната среда и водите", "Ministrstvo za javno upravo"),
    or ``j`` when none follows: content words of the language, the connectors that join
    them (``head_initial_complements``) and capitalised words after at least one of them
    (a head noun too: "Svaz měst a obcí České republiky"); a verb form, a function word, a
    word in its base form after "and", a place preposition or punctuation ends it, and one
    that opens with "and" is none ("Управителния съвет и кмет"), and so does a noun that
    names a gathering ("… konferenci"). At most four content words."""
    joins = _complement_connectors().get(language)
    ands = _AND | list_joins(language)
    if joins is None or (j + 1 < len(tokens) and tokens[j + 1][2] in ands):
        return j
    if language in _connector_first() and j + 1 < len(tokens) and tokens[j + 1][2] not in joins:
        return j  # "прие в Посолството делегация": a bare noun after the head is no complement
    last, content, k, joined = j, 0, j + 1, False
    while k < len(tokens) and content < 4 and not _ends_sentence(tokens[k - 1][2]):
        word = tokens[k][2]
        bare = word[:-1] if word.endswith(".") else word
        if text[tokens[k - 1][1] : tokens[k][0]].strip():
            break  # a dash or a quotation mark between
        if word in joins:
            joined = joined or word in ands  # "и на": an "and" among the connectors
            k += 1
            continue
        if not bare.isalpha() or len(bare) < 3:
            break
        if CAP.match(bare):
            if (content == 0 and not _a_regions_genitive(tokens, k, language)) or bare.isupper():
                break  # a capital right after the head is the run's, not a complement's
            if country_of_form(bare) and lemma(bare, language).casefold() == bare.casefold():
                # a country's name in its base form is the clause's object, not the
                # name's ("delegace Svazu měst a obcí navštívila Norsko"); the name's own
                # country is in the genitive ("… obcí České republiky")
                break
            if joined and (_is_head(bare, language) or _is_head(_next_word(tokens, k), language)):
                # "… и водите и на Софийския университет", "… zunanje zadeve in Urada za …":
                # a second body's name
                break
        elif (
            is_function_word(bare, language)
            or is_verb_form(bare, language)
            # the gathering a body organised is its object, not its name's ("Agentura pro
            # ochranu přírody konferenci")
            or names_an_event(bare, language)
            # after "and", a word in its base form starts a new clause ("Ministerstvo
            # financí a minulý týden"); the complement's words are inflected ("a vodite")
            or (joined and lemma(bare, language) == bare.casefold())
        ):
            break
        joined = False
        content += 1
        last = k
        k += 1
    return last


def _a_regions_genitive(tokens: list[tuple[int, int, str]], k: int, language: str) -> bool:
    """Whether the ``k``-th token opens a territory's name in the genitive, a capitalised
    adjective then a lower-case territory's noun, both inflected ("… úřad Libereckého kraje",
    "Úrad Žilinského samosprávneho kraja"): the complement of a name that opens with its
    head, in a language whose names do."""
    if language not in _HEAD_FIRST_NAMES or k + 1 >= len(tokens):
        return False
    word, noun = tokens[k][2], tokens[k + 1][2].rstrip(".")
    heads = _territorial_heads()
    if len(tokens) > k + 2 and noun.islower() and lemma(noun, language) not in heads:
        noun = tokens[k + 2][2].rstrip(".")  # "Žilinského samosprávneho kraja"
    if not (CAP.match(word) and noun.islower()):
        return False
    base = lemma(noun, language)
    return (
        base in heads
        and base.casefold() != noun.casefold()
        and lemma(word, language).casefold() != word.casefold()
    )


def _closes_a_list(run: list[int], tokens: list[tuple[int, int, str]], text: str) -> bool:
    """Whether the capitalised run is the last item of a list: a comma or an "and" of any
    language ("un", "ir", "og"…) right before it."""
    if not run or run[0] == 0:
        return False
    before = tokens[run[0] - 1]
    return "," in text[before[1] : tokens[run[0]][0]] or before[2].casefold() in _LIST_AND


def _next_word(tokens: list[tuple[int, int, str]], k: int) -> str:
    """The word after token ``k`` (without a full stop), or ""."""
    word = tokens[k + 1][2] if k + 1 < len(tokens) else ""
    return word[:-1] if word.endswith(".") else word


def _names_a_quoted_name(text: str, b: int, quoted: list[tuple[int, int, str]]) -> bool:
    """Whether a name that ends on its head noun at ``b`` only says what kind of body the
    quoted name right after it is ("Българско неделно училище „Родна реч“": the school is
    "Родна реч")."""
    return any(0 < a - b <= 3 and not text[b:a].strip(' „“"«‘') for a, _e, _t in quoted)


_LEGAL_FORM_BEFORE = frozenset({"SIA", "UAB", "VšĮ", "AS", "AB", "ASA", "AD", "EOOD", "OOD"})
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)\s*$")


#: Nouns of a public institution's legal form (Lithuanian "viešoji įstaiga", Latvian
#: "valsts iestāde"): no head noun by themselves ("valsts iestāžu" are institutions in
#: general), but the quoted name after one is a body's.
_INSTITUTION_NOUNS = frozenset({"įstaiga", "iestāde"})


def _quoted_after_head(text: str, language: str) -> list[tuple[int, int, str]]:
    """ "biedrības „Latvijas Lauku forums”", "UAB „Fixus Mobilis”": a quoted name right
    after a lower-case head noun (or one that opens the sentence), a class noun of
    ``apposition_cue_lemmas`` ("organizāciju “Arendal GRID”") or a legal form is that
    body's name (quoted titles elsewhere are not organisations)."""
    out = []
    for m in quotations(text):
        opening = max(0, m.start() - 40)
        before = _WORD_BEFORE.search(text[opening : m.start()])
        if before is None:
            continue
        word = before.group(1)
        if word in _LEGAL_FORM_BEFORE:
            org_type: str | None = "company"
        elif word.islower() or not text[: opening + before.start(1)].strip():
            # (a head noun opening the sentence is capitalised: "Asociacija „…“"; an
            # institution noun, no head elsewhere, names the body it quotes: "Viešoji
            # įstaiga „Versli Lietuva“", the spelled-out legal form of a VšĮ)
            base = lemma(word, language)
            org_type = head_lemma_type(word, language) or (
                "other" if base in _INSTITUTION_NOUNS or base in _apposition_cues() else None
            )
        else:
            continue
        name = m.group(1).strip()
        if org_type is None or not name[:1].isupper() or len(name.split()) > 10:
            continue
        a = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        out.append((a, a + len(name), org_type))
    return out


_PLACE_HEAD = re.compile(
    rf"(?<![\w'’-])(?P<place>[{UPPER}][^\W\d_]{{2,}})\s+(?:(?P<adj>[a-z]{{3,}})\s+)?(?P<head>[a-z]{{4,}})\b"
)


def _place_head_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """ "Mære agricultural college", "Voss public library": in English, a capitalised name
    that is no common word, country or demonym, at most one lower-case word, then a
    singular head noun name one body (a municipality is read by its own forms)."""
    out = []
    for m in _PLACE_HEAD.finditer(text):
        place, adj = m["place"], m["adj"]
        org_type = head_lemma_type(m["head"], "en")
        if org_type in (None, "municipality", "company") or m["head"].endswith("s"):
            continue
        if adj is not None and (adj in lex.connectors or head_lemma_type(adj, "en")):
            continue
        if (
            is_known_word(place, "en")
            or country_of_form(place)
            or demonym_country(place, lex, "en")
            or place.casefold() in lex.stopwords
        ):
            continue
        # "Zabrze city council" is the town's council: the two words' type if they have one
        pair = organisation_type(f"{adj.title()} {m['head'].title()}") if adj else None
        out.append((m.start("place"), m.end("head"), pair or org_type))
    return out


_DEMONYM_HEAD = re.compile(r"(?<![\w-])(?i:the)\s+(?P<demonym>[A-Z][a-z]+)\s+(?P<head>[a-z]{4,})\b")


def _demonym_head_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """ "the Norwegian embassy", "the Latvian ministry": in English, a demonym after "the"
    and a lower-case head noun name one body (with "a", or in the plural, a kind of body:
    "a Norwegian university", "Norwegian municipalities"; a municipality is named by its
    place, a company by its name); before a name, the name's class."""
    out = []
    for m in _DEMONYM_HEAD.finditer(text):
        if not lex.demonyms.fullmatch(m["demonym"]) or _CAPITALISED_AFTER.match(text, m.end()):
            continue  # (before a name it is the name's class: "the Norwegian foundation Fafo")
        org_type = head_lemma_type(m["head"], "en")
        if org_type not in (None, "municipality", "company"):
            out.append((m.start("demonym"), m.end("head"), org_type))
    return out


def _drop_leading_title(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> list[int]:
    """ "Representatives of the Gdansk Youth Association", "Director of …": a common word
    that is no head noun, then "of", does not belong to the name that follows."""
    while len(run) >= 3:
        first = tokens[run[0]][2]
        joint = tokens[run[1]][2]
        if joint not in lex.connectors or _head_type([first], lex, language):
            break
        if joined_region_length([tokens[k][2] for k in run]):
            break  # a region's name: "Møre og Romsdal fylkeskommune"
        if (
            joint in _AND
            and lemma(first, language) == first.casefold()
            and not is_job(first, language)
        ):
            break  # "Fire and Rescue Department" is one name; "Mayor and …" is an office
        if not (_is_common(first, language) or _is_common(first, "en")):
            break
        rest = run[1:]
        while rest and tokens[rest[0]][2] in lex.connectors:
            rest = rest[1:]
        run = rest
    return run


def _a_states_body(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> bool:
    """Whether the run is a country's name (or a state's: "Кралство Норвегия") after a
    short connector and a head noun in small letters ("посолството на …")."""
    joint, head = tokens[run[0] - 1][2], tokens[run[0] - 2][2]
    if not (len(joint) <= 3 and joint in lex.connectors and head.isalpha() and head.islower()):
        return False
    words = [tokens[k][2] for k in run]
    if len(words) == 1:
        named = country_of_form(words[0])
    elif len(words) == 2:
        named = state_country(words[0], words[1], lex, language)
    else:
        return False
    return named is not None and _is_head(head, language)


def _drop_leading_person(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> list[int]:
    """ "Gørill Trælstad i Buskerud fylkeskommune": two or three capitalised words that are
    neither head nouns, common words nor places, then "i", "in", "from"…, are a person
    of the organisation that follows, not part of its name; so is one such word after an
    initial or a title ("Prof. A. B. Nowak of the Adam Mickiewicz University")."""
    if len(run) < 3:
        return run
    before = tokens[run[0] - 1][2] if run[0] > 0 else ""
    after_initial = bool(before) and (bool(_INITIAL.fullmatch(before)) or _is_title(before))
    for size in (1, 2, 3) if after_initial else (2, 3):
        if len(run) < size + 2:
            break
        words = [tokens[k][2] for k in run[:size]]
        joint = tokens[run[size]][2]
        if joint not in lex.connectors and joint.casefold() not in lex.prepositions:
            continue
        rest = [tokens[k][2] for k in run[size + 1 :]]
        if _head_type(rest, lex, language) is None:
            continue
        # (a given name first, its surname may be a town's or a common word too: "Torill
        # Johansen z Ministerstva …", "Jan Novák z Ministerstva …")
        if (
            _person_like(words, language)
            or (
                size >= 2
                and joint.casefold() in lex.prepositions  # (not "and": "Guido Coal Mine and …")
                and is_first_name(words[0])
                and all(_name_shaped(w) and not _is_common(w, "en") for w in words[1:])
                and _head_type(words, lex, language) is None
            )
        ):
            return run[size + 1 :]
    return run


def _drop_trailing_person(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> list[int]:
    """ "… Gdansk Youth Association Anna Nowak": a first name and a surname
    (:func:`_full_name`) after a name that ends on its head noun are a person of the
    organisation, not part of its name. After a head noun alone (an article aside), they
    are whom the body is named after ("A Fundação Bissaya Barreto"). In a name that opens
    with its head, a given name in the case a person stands in after the body ends it
    (:func:`_declined_name_at`)."""
    words = [tokens[k][2] for k in run]
    # a name that opens with its head ("kraje More og Romsdal Jonem Aasenem"): a given
    # name in the case a person stands in after the body they speak for ends it
    if len(run) >= 3 and _head_type(words[:1], lex, language) is not None:
        at = _declined_name_at(words[1:], language)
        if at is not None:
            return run[: at + 1]
    if len(run) < 4:
        return run
    kept = words[:-2]
    if sum(not is_function_word(w, language) for w in kept) < 2:
        return run
    if (
        _full_name(words[-2:], lex, language)
        and _head_type(kept[-1:], lex, language) is not None
        and _head_type(kept, lex, language) is not None
    ):
        return run[:-2]
    return run


def _declined_name_at(words: list[str], language: str) -> int | None:
    """Where in ``words`` (after the first) a given name stands in the instrumental or
    dative ("Jonem", "Janowi": :func:`.first_names.is_declined_given_name`), with a
    capitalised word after it (the surname; "Kowalskim" may be a common word too) or
    nothing at all; None if none does."""
    for at in range(1, len(words)):
        surname = words[at + 1].rstrip(".,;:!?") if at + 1 < len(words) else None
        if is_declined_given_name(words[at], language) and (
            surname is None or (_name_shaped(surname) and not _is_place(surname, language))
        ):
            return at
    return None


def _name_shaped(word: str) -> bool:
    """A word written as a name is: letters, a capital first, not all capitals."""
    return word.isalpha() and word[:1].isupper() and not word.isupper()


def _full_name(words: list[str], lex: Lexicon, language: str) -> bool:
    """A first name and a surname ("Anna Nowak"): the surname neither a head noun, a
    common word nor a place; the first name may be a common word ("Anna"), but no head
    noun, place or demonym."""
    if len(words) != 2:
        return False
    first, surname = words
    return (
        _person_word(surname, language)
        and _name_shaped(first)
        and _head_type([first], lex, language) is None
        and not country_of_form(first)
        and not demonym_country(first, lex, language)
        and not find_cities(first)
    )


@cache
def _unit_lemmas() -> frozenset[str]:
    return frozenset(lexicon().raw["sub_unit_lemmas"]["lemmas"])


@cache
def _governing_lemmas() -> frozenset[str]:
    return frozenset(lexicon().raw["sub_unit_lemmas"]["governing"])


@cache
def _organ_adjectives() -> frozenset[str]:
    return frozenset(lexicon().raw["sub_unit_lemmas"]["organ_adjectives"])


def _drop_sub_unit(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> list[int]:
    """ "International Office of the University of Wrocław": a department, office or
    faculty of a body that is named after it ("of", "of the") is no organisation; the body
    is. So it is where the sub-unit's noun opens the name and has words of its own before
    the body ("Faculty of Law of the University of Bergen"; "Department of Sociology at
    Vilnius University", whose body is found on its own: nothing is left), and in the
    languages whose names open with their head ("Wydział Prawa Uniwersytetu
    Warszawskiego"). In Latvian and Lithuanian the body comes first, in the genitive
    ("Jūros tyrimų instituto taryba", the institute's council: a council or board only
    right after it)."""
    if language in _GENITIVE_FIRST and len(run) >= 2:
        body = _body_before_its_unit(run, tokens, language)
        if body is not None:
            return body
    body = _body_after_a_unit_first(run, tokens, lex, language)
    if body is not None:
        return body
    return _body_after_of(run, tokens, lex, language)


def _body_before_its_unit(
    run: list[int], tokens: list[tuple[int, int, str]], language: str
) -> list[int] | None:
    """The body in the genitive before its sub-unit's noun, which ends the name or follows
    it in small letters ("Latvijas Universitātes Ekonomikas fakultāte"); None if none."""
    after = tokens[run[-1] + 1][2] if run[-1] + 1 < len(tokens) else ""
    unit = len(run) - 1 if _sub_unit(tokens[run[-1]][2], language) else None
    if unit is None and after.islower() and _sub_unit(after, language):
        unit = len(run)
    # (a council or a board only right after the body's name: one with a name of its own
    # is a body, "… regiono plėtros taryba")
    unit_word = tokens[run[unit]][2] if unit is not None and unit < len(run) else after
    governing = unit is not None and lemma(unit_word, language) in _governing_lemmas()
    for at in range(unit - 1 if unit is not None else -1, -1, -1):
        word = tokens[run[at]][2]
        if lemma(word, language) != word.casefold() and _is_head(word, language):
            return run[: at + 1]
        if governing:
            break
    return None


def _body_after_a_unit_first(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> list[int] | None:
    """The body after a name that opens with a sub-unit's noun (an article before it
    aside: "O Departamento de …"): in the languages whose names open with their head, from
    its first capitalised head on ("Wydział Prawa Uniwersytetu Warszawskiego"); else after
    "of" or "at" ("Faculty of Law of the University of Bergen"), or nothing when the body
    follows the run ("Department of Sociology at Vilnius University": found on its own).
    None if the name does not open so."""
    first = 0
    while first < len(run) - 1 and (
        tokens[run[first]][2] in lex.stopwords or is_function_word(tokens[run[first]][2], language)
    ):
        first += 1
    if not _sub_unit(tokens[run[first]][2], language, governing=False):
        return None
    if language in _HEAD_FIRST_NAMES and len(run) - first >= 3:
        for at in range(first + 1, len(run)):
            word = tokens[run[at]][2]
            if word[:1].isupper() and len(run) - at >= 2 and _head_type([word], lex, language):
                return run[at:]
    if first + 2 >= len(run):
        return None
    for at in range(first + 3, len(run) - 1):
        if tokens[run[at]][2].casefold() in ("of", "at"):
            rest = [k for k in run[at + 1 :] if tokens[k][2] not in lex.connectors]
            if len(rest) >= 2 and _head_type([tokens[k][2] for k in rest], lex, language):
                return run[at + 1 :]
    beyond = run[-1] + 1
    if (
        beyond + 1 < len(tokens)
        and tokens[beyond][2].casefold() in ("of", "at")
        and CAP.match(tokens[beyond + 1][2])
    ):
        return []
    return None


def _body_after_of(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> list[int]:
    """The body named after a sub-unit's noun and "of" or "at" ("International Office of
    the University of Wrocław"), where the unit has words of its own before; else the run."""
    for at in range(1, len(run) - 2):
        rest = run[at + 1 :]
        if tokens[rest[0]][2].casefold() not in ("of", "at"):
            continue  # (the quick test first)
        word = tokens[run[at]][2]
        if all(tokens[k][2] in lex.stopwords or tokens[k][2] in lex.connectors for k in run[:at]):
            continue  # the unit's own name first: "International Office", not "The Office"
        if not _sub_unit(word, language):
            continue
        while rest and tokens[rest[0]][2] in lex.connectors:
            rest = rest[1:]
        if len(rest) >= 2 and _head_type([tokens[k][2] for k in rest], lex, language):
            return rest
    return run


def _generic(name: str, lex: Lexicon, language: str) -> bool:
    """Whether ``name`` names no body of the network, in any case form (``generic_names``:
    a head alone, the grants and the European Union they belong with: "Unii Europejskiej")."""
    return normalise(name) in lex.generic or normalise(base_form(name, language)) in lex.generic


def _a_countrys_genitive(word: str, language: str) -> bool:
    """Whether ``word`` is a country's name in a case form ("Slovenije": Slovenija's; not
    "Norsko", whose lemma is the word itself, capitalised — which
    the places' look-up by lemma does not tell apart)."""
    base = lemma(word, language)
    return (
        word[:1].isupper()
        and base.casefold() != word.casefold()
        and country_of_form(base[:1].upper() + base[1:]) is not None
    )


def _an_organ(words: list[str], language: str) -> bool:
    """Whether the words are only an organ's adjective and a council's or a board's noun
    ("Management Board", "Управителният съвет"): one of a body's organs, unnamed."""
    if len(words) != 2:
        return False
    adjectives = _organ_adjectives()
    first, second = (lemma(w.rstrip(".,;:"), language) for w in words)
    return (first in adjectives and second in _governing_lemmas()) or (
        second in adjectives and first in _governing_lemmas()  # "Rada Nadzorcza"
    )


#: The languages that name a body's sub-unit after the body's name in the genitive.
_GENITIVE_FIRST = frozenset({"lt", "lv"})


def _sub_unit(word: str, language: str, *, governing: bool = True) -> bool:
    """Whether ``word`` is a sub-unit's head noun (``sub_unit_lemmas``), by its lemma; a
    council's or a board's too unless ``governing`` is false."""
    bases = {lemma(word, language), lemma(word, "en")}
    return not bases.isdisjoint(_unit_lemmas()) or (
        governing and not bases.isdisjoint(_governing_lemmas())
    )


#: A person's initial: "A.", "B."
_INITIAL = re.compile(r"[A-ZÆØÅÄÖÜĄĆĘŁŃŚŹŻČŠŽА-Я]\.")


@cache
def _person_titles() -> frozenset[str]:
    return frozenset(lexicon().raw["person_titles"]["words"])


def _is_title(token: str) -> bool:
    """A title or honorific before a person's name ("dr.", "prof.", "Mr", "pani")."""
    return token.rstrip(".").casefold() in _person_titles()


def is_person_name(name: str, language: str) -> bool:
    """Whether ``name`` is a person's, not a body's: a given name first (the shipped table
    of given names), then words a name is made of — no head noun, common word, place or
    demonym ("Gunhild Løhre", "Katarzyna Maria Wieczorek", "Kristinn R. Olafsson"; not
    "Adam Mickiewicz University", "Victoria Park")."""
    words = name.split()
    if not person_name_words(words) or _head_type(words, lexicon(), language) is not None:
        return False
    *middle, surname = words[1:]
    return all(  # a middle name may sound like a town ("Karine", "Carini"); a surname not
        (len(word) == 2 and word.endswith("."))
        or is_first_name(word)
        or (not _is_common(word, language) and not _is_common(word, "en"))
        for word in middle
    ) and all(is_first_name(p) or _person_word(p, language) for p in surname.split("-"))


def _person_like(words: list[str], language: str) -> bool:
    """Capitalised words that are neither head nouns, common words nor places: a person's
    name ("Artūras Razbadauskas", "Gørill Trælstad")."""
    return all(_person_word(w, language) for w in words)


@lru_cache(maxsize=1 << 16)
def _person_word(word: str, language: str) -> bool:
    """A capitalised word that may be part of a person's name (:func:`_person_like`)."""
    lex = lexicon()
    return (
        _name_shaped(word)
        and _head_type([word], lex, language) is None
        and not _is_common(word, language)
        and not _is_common(word, "en")
        and not country_of_form(word)
        and not demonym_country(word, lex, language)
        and not find_cities(word)
    )


def _drop_trailing_country(
    run: list[int], tokens: list[tuple[int, int, str]], text: str, lex: Lexicon, language: str
) -> list[int]:
    """ "… Trade Union in Norway", "… w Norwegii": a country after "in" is where the
    organisation is, not part of its name; so is a town after a name of one word that is
    no common noun ("ForUM v Oslu": an acronym's or a brand's letters, a capital inside)."""
    if len(run) < 3:
        return run
    prep, last = tokens[run[-2]][2], tokens[run[-1]][2].rstrip(".,;:")
    if prep.casefold() not in lex.prepositions and prep not in lex.connectors:
        return run
    if prep.casefold() in ("of", "for", "and", "&"):
        return run  # "University of Iceland": after "of" the country is part of the name
    if _acronym_after(text, tokens[run[-1]][1]) is not None:
        return run  # "Asociația Comunelor din România (ACoR)": the acronym's name holds it
    kept = run[:-2]
    if len(kept) == 1:
        word = tokens[kept[0]][2]
        if word[1:] == word[1:].lower() or not _is_place(last, language):
            return run  # "Universitetet i Bergen", "Gymnázium v Praze": the town names it
    elif not (country_of_form(last) or demonym_country(last, lex, language)):
        return run
    return kept if _head_type([tokens[k][2] for k in kept], lex, language) else run


def _no_letters(word: str) -> bool:
    return not any(ch.isalpha() for ch in word)


def _name_of(
    run: list[int], tokens: list[tuple[int, int, str]], text: str, lex: Lexicon, language: str
) -> tuple[int, int, str] | None:
    """The organisation name a run of tokens makes, with its type, if it has a head."""
    run = list(run)
    words = [tokens[k][2] for k in run]
    while words and (
        words[0] in lex.stopwords
        or words[0] in lex.connectors
        # a date, or a word of grammar capitalised because it opens the sentence ("2025-12-02
        # Pasak Finansų ministerijos": "according to the Ministry of Finance"; English has
        # its stop words, and its list of function words holds "General")
        or (len(words) > 1 and _no_letters(words[0]))
        # a month before a year or a day opens no name ("On 5 May 2021 the Norwegian …")
        or (
            len(words) > 2
            and words[0].rstrip(".").casefold() in MONTH_NAMES
            and _no_letters(words[1])
        )
        or (
            len(words) > 1
            and language != "en"
            and all(_no_letters(tokens[k][2]) for k in range(run[0]))
            and is_function_word(words[0], language)
        )
    ):
        if run[0] > 0 and len(words) >= 3 and words[1][:1].isupper() and _is_project_word(words[0]):
            # "… by Project Management Centre": a capitalised project word inside a
            # sentence opens the name
            break
        words.pop(0)
        run.pop(0)
    if _an_organ(words, language):
        return None  # "Управителният съвет", "the Management Board": a body's organ
    org_type = _head_type(words, lex, language)
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
        if len(words) == 1 and (_COMPANY_SUFFIX.match(words[0]) or words[0] in _LEGAL_FORM_BEFORE):
            return None  # a legal form alone ("UAB „Fixus Mobilis“")
        if len(words) >= 2 or org_type == "company" or compound_head_type(words[0].rstrip(".")):
            return (a, b, org_type)  # one word only when it is a compound with a head
    return None


#: An acronym, in a genitive too ("NHOs prosjekt"): a name that stands alone in a list;
#: in the Latin alphabets' capitals with their accents ("TÖOSZ", "ČVUT") or Cyrillic's.
_ACRONYM_WORD = re.compile(rf"[{LATIN_UPPER}А-Я]{{2,7}}s?\.?")

_ENGLISH_CONNECTORS = frozenset({"of", "for", "and", "the"})


def _split_coordination(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> list[list[int]]:
    """ "Związkiem Powiatów Polskich i Związkiem Gmin Wiejskich RP" is two names: a run is
    split at a conjunction when both sides stand alone and the right side starts a new
    name (its own head word first), the left one is closed (ends on its head word), or the
    conjunction is the document's while the left name is English ("KUN Centre for Equality
    and Diversity a Holes Distinkt"), or an article or a demonym opens the right side ("…
    and the Sopot Sports Association", "Univerzity Karlovy a Norské univerzity …").
    "Association of Local and Regional Authorities" stays one name, as does "Association
    of Polish and Norwegian Municipalities"."""
    ands = _AND | list_joins(language)
    for pos in range(len(run) - 2, 0, -1):
        word = tokens[run[pos]][2]
        if word not in ands:
            continue
        left = run[:pos]
        while left and (tokens[left[-1]][2] in ands or tokens[left[-1]][2] in lex.connectors):
            left = left[:-1]  # "… Artístico e a Fundação …": the left name ends before "e"
        if not left or tokens[run[pos - 1]][2].endswith("-"):
            continue  # (a compound's first part waits for its head: "Haridus- ja Teadus…")
        right = run[pos + 1 :]
        while right and (
            tokens[right[0]][2] in lex.stopwords or tokens[right[0]][2] in lex.connectors
        ):
            right = right[1:]
        if not right or not CAP.match(tokens[right[0]][2]):
            continue
        # "the University of Bergen and the Sopot Sports Association": an article after the
        # conjunction opens a name of its own
        article = len(right) < len(run) - pos - 1
        # "Univerzity Karlovy a Norské univerzity …": a demonym opens a name of its own
        # (not one of two demonyms: "Association of Polish and Norwegian Municipalities")
        demonym = bool(demonym_country(tokens[right[0]][2], lex, language)) and not (
            demonym_country(tokens[left[-1]][2], lex, language)
        )
        left_words = [tokens[k][2] for k in left]
        right_words = [tokens[k][2] for k in right]
        if _an_instrument(right_words, tokens, run[-1], language):
            # "Lithuanian College of Democracy and Norwaygrants financial mechanisms": a
            # body is never named together with a fund
            return _split_coordination(left, tokens, lex, language)
        left_head = _head_type(left_words, lex, language) is not None
        # "Hellenic Society for Environment and Culture and Kmop": after a name with its
        # head and a conjunction of its own, one word that stands alone as a name (the
        # last of the conjunctions joins it) is a body of its own
        # (or, without one, after the text's own "and" that joins no two people's names:
        # "Høgskulen på Vestlandet og Kunnskapsparken"; not "… of Saints Cyril and Methodius")
        standalone = (
            left_head
            and len(right_words) == 1
            and right == run[pos + 1 :]
            and (
                any(tokens[k][2] in ands for k in left)
                or (
                    word in list_joins(language)
                    and not is_first_name(right_words[0].rstrip(".,;:"))
                    and not is_first_name(left_words[-1])
                )
            )
            and _standalone_word(right_words[0].rstrip(".,;:"), lex, language)
        )
        # (its head first, or a demonym and then its head: "Związek Miast Polskich i
        # Norweski Związek Władz Lokalnych")
        starts_new = _head_type(right_words[:1], lex, language) is not None or (
            len(right_words) >= 3
            and bool(demonym_country(right_words[0], lex, language))
            and _head_type(right_words[1:2], lex, language) is not None
        )
        # "Ekopolis a Centrum pro vodu", "Fagforum and the Bergen Youth Centre": without a
        # head of its own, the left side is split off only where the right name opens with
        # its head, an article or a demonym (other rules may read the left side)
        if not (left_head or starts_new or article or demonym):
            continue
        closed = _head_type(left_words[-1:], lex, language) is not None
        right_alone = (
            _head_type(right_words, lex, language) is not None
            or sum(1 for w in right_words if CAP.match(w)) >= 2
            or (len(right_words) == 1 and bool(_ACRONYM_WORD.fullmatch(right_words[0])))
            or standalone
            # "the Lambrakis Foundation and Athens": after a name that ends on its head, a
            # town alone is another item of the list
            # (the text's own "and": Norwegian "Universitetet i Warszawa" says "in")
            # (a head alone is no name: "Universitetet i Bergen" in a Polish item)
            or (
                closed
                and len(left_words) >= 2
                and word in list_joins(language)
                and len(right_words) == 1
                and _is_place(right_words[0], language)
            )
        )
        if not right_alone:
            if article and closed:
                # "the Norwegian Embassy and the National foundation for …": the left name
                # is whole; the right one goes on in small letters, past the capitals
                return _split_coordination(left, tokens, lex, language)
            continue
        if not left_head:
            return [left, right]
        foreign = word not in ("and", "&") and bool(_ENGLISH_CONNECTORS & set(left_words))
        # "UAB Inova Baltic and Dynatec AS": each side a company with its legal form
        companies = has_legal_form(" ".join(left_words)) and has_legal_form(" ".join(right_words))
        # "… of the Slovak Republic and NVE": an acronym alone is a name of its own
        acronym = standalone or (
            len(right_words) == 1
            and bool(_ACRONYM_WORD.fullmatch(right_words[0]))
            and right_words[0] not in _acronym_stopwords()
        )
        # "Norwegian University of Science and Technology and Vilnius University": after
        # a name with an "and" of its own, the last "and" joins a name with its own head
        own_and = (
            word in list_joins(language)
            and any(tokens[k][2] in list_joins(language) for k in left)
            and _head_type(right_words, lex, language) is not None
        )
        if (
            starts_new or closed or foreign or article or demonym or companies or acronym
            or own_and
        ):  # fmt: skip
            return [*_split_coordination(left, tokens, lex, language), right]
    return [run]


def _split_at_for(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon, language: str
) -> list[list[int]]:
    """ "University of Bergen for the Gdansk Youth Association" is two names: at "for
    (the)", when the words before (two or more) hold a head and end on a capitalised word,
    and the words
    after are a name of their own (two words or more, one of them a head: not "Centre for
    the Study of Democracy", "Ministry for the Environment")."""
    for pos in range(1, len(run) - 2):
        if tokens[run[pos]][2] != "for":
            continue
        left, right = run[:pos], run[pos + 1 :]
        if right and tokens[right[0]][2] == "the":
            right = right[1:]
        left_words = [tokens[k][2] for k in left]
        right_words = [tokens[k][2] for k in right]
        if (
            len(right_words) >= 2
            and len(left_words) >= 2
            and CAP.match(left_words[-1])
            and _head_type(left_words, lex, language) is not None
            and _head_type(right_words, lex, language) is not None
            and any(_head_type([w], lex, language) for w in right_words)
        ):
            return [left, *_split_at_for(right, tokens, lex, language)]
    return [run]


def _an_instrument(
    words: list[str], tokens: list[tuple[int, int, str]], last: int, language: str
) -> bool:
    """Whether the right side of a run's conjunction, with the lower-case words after the
    run ("Norwaygrants financial mechanisms"), is a fund or a programme."""
    after = []
    for k in range(last + 1, min(last + 4, len(tokens))):
        word = tokens[k][2].rstrip(".,;:")
        if not word.isalpha() or not word.islower():
            break
        after.append(word)
        if word != tokens[k][2]:
            break  # the clause ends
    return is_instrument(" ".join(words + after), language)


def _ends_sentence(token: str) -> bool:
    """ "Gods." ends a sentence; "Ltd." and "a.s." do not."""
    return token.endswith(".") and not _COMPANY_SUFFIX.match(token) and "." not in token[:-1]


_AND = frozenset({"and", "og", "un", "ir", "i", "a", "und", "oraz", "&", "och", "и"})
#: What joins a list's last item (as :data:`_LIST_SPLIT` splits a list).
_LIST_AND = _AND | {"sowie"}


def _trim_list_prefix(
    run: list[int], tokens: list[tuple[int, int, str]], lex: Lexicon
) -> list[int]:
    """ "Hungary and NORCE Norwegian Research Center AS": a place before "and" is another
    item of a list, not part of the name (unlike "Mineral and Energy … Institute", or a
    region's name: "Troms og Finnmark fylkeskommune")."""
    region = joined_region_length([tokens[k][2] for k in run])
    for pos in range(len(run) - 1, max(region - 1, 0), -1):
        if tokens[run[pos]][2] in _AND:
            before = " ".join(tokens[k][2] for k in run[:pos])
            if country_of_form(before) or (" " not in before and find_cities(before)):
                return run[pos + 1 :]
            break
    return run


def _opens_with_people(word: str, after: str, lex: Lexicon, language: str) -> bool:
    """Whether a sentence's first word tells people, not a body's name: a role's word
    ("Zástupci", representatives), with the connector ``after`` it where the cue has one
    ("Representantes da"), or a job's ("Hejtman")."""
    if _is_role_word(word, lex) or is_job(word, language):
        return True
    both = f"{word} {after}"
    return after in _joiners(language) and any(
        a == 0 and b == len(both) for a, b, _role in lex.roles.find(both)
    )


def _is_project_word(word: str) -> bool:
    """ "Project", "Programme", "Projekt"…: the lexicon's project words (a stop word at a
    name's start, unless a body's name opens with it)."""
    return bool(lexicon().project_words.fullmatch(word))


@lru_cache(maxsize=1 << 16)
def _place(word: str, language: str) -> str | None:
    """For a country's name or a town the city list knows (as written or by its lemma:
    "Oslu" is Oslo's): its country, "" when the town's country cannot be told
    (:func:`main_country`); None for a word that is no place."""
    word = word.rstrip(".,;:")
    found = country_of_form(word)
    if found is not None:
        return found
    cities = _towns(word, language)
    return (main_country(cities) or "") if cities else None


def _towns(word: str, language: str) -> tuple[City, ...]:
    """The towns the city list knows by ``word``, as written or by its lemma ("Kauno" is
    Kaunas's)."""
    return find_cities(word) or find_cities(lemma(word, language).title())


def _is_place(word: str, language: str) -> bool:
    """A town the city list knows, as written or by its lemma."""
    return bool(_towns(word, language))


def _is_common(word: str, language: str) -> bool:
    """A capitalised word that is a common word of the language, not a head noun."""
    return is_known_word(word, language) and head_lemma_type(word, language) is None


def _is_head(word: str, language: str) -> bool:
    """A lower-case word that heads an organisation name: its lemma is a head noun (or,
    in a language the lemmatiser does not know, it has a head word's form)."""
    if len(word) < 4:
        return False
    found = head_lemma_type(word, language)
    if found is None and writes_compounds(language) and word.islower():
        # a compound that ends in one ("kommuneforbund", "forskningsråd")
        found = compound_head_type(word.capitalize())
    return found not in (None, "company")


@lru_cache(maxsize=1 << 16)
def _head_word_type(phrase: str) -> str | None:
    """The type of the lexicon's head word (or two- or three-word head) ``phrase`` is, or
    None (remembered: the same words come back in every sentence)."""
    m = lexicon().head_word.fullmatch(phrase)
    return m.lastgroup if m is not None else None


def _lemma_head_type(word: str, language: str) -> str | None:
    """The type of a word's head noun by its lemma ("Direção-Geral": its first part; a
    company's noun only with a capital)."""
    word = word.rstrip(".")
    if "-" in word[1:]:
        word = word.split("-", 1)[0]  # "Direção-Geral": the head is the first part
    found = head_lemma_type(word, language) if word[:1].isalpha() else None
    return found if found is not None and (found != "company" or not word.islower()) else None


#: Languages whose names open with their head noun, its complements after it.
_HEAD_FIRST_NAMES = frozenset({"pl", "cs", "sk", "sl", "hr", "bg", "ro", "pt", "es", "fr", "it"})


def _head_type(words: list[str], lex: Lexicon, language: str = "en") -> str | None:
    """The type of a run of words' head noun, or None (remembered: sentences ask of the
    same words again and again)."""
    return _head_type_of(tuple(words), language) if words else None


@lru_cache(maxsize=1 << 16)
def _head_type_of(words: tuple[str, ...], language: str) -> str | None:
    if len(words) >= 2 and _COMPANY_SUFFIX.match(words[-1]):
        return "company"
    # a language whose names open with their head reads them from the left, each word by
    # its form and its lemma ("Asociația Municipiilor", "Biblioteka Publiczna w …" are no
    # municipalities); others ask every word's form first, the last word's first of all
    head_first = language in _HEAD_FIRST_NAMES
    order = words if head_first else (words[-1], words[0], *words[1:-1])
    for word in order:
        found = _head_word_type(word) or (_lemma_head_type(word, language) if head_first else None)
        if found is not None:
            return found
    for n in (2, 3):
        for k in range(len(words) - n + 1):
            found = _head_word_type(" ".join(words[k : k + n]))
            if found is not None:
                return found
    for word in () if head_first else order:  # (a head-first name's lemmas were asked)
        found = _lemma_head_type(word, language)
        if found is not None:
            return found
    # a compound that ends in a head noun: "Nord-Trøndelag Elektrisitetsverk NTE"
    for word in words:
        found = compound_head_type(word.rstrip("."))
        if found is not None:
            return found
    last = words[-1].rstrip(".")
    if len(words) >= 2 and last.islower() and writes_compounds(language):
        return compound_head_type(last.capitalize())  # "Litauens kommuneforbund"
    return None
