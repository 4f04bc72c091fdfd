"""The country of every organisation a document names, from what the whole document says.

A mention's own sentence gives a country when it states one ("NAV (NO)", "Norwegian …",
a registry or portal name). What is left unknown is settled here, once the document is
read, from evidence in this order (the first that speaks decides):

1. the name itself: a demonym or country in any case form of the document's language
   ("Norweskim Związkiem …"), a municipality form, the name of a city or region of one
   country where a name holds its place ("Vestland apskrities administracija", "… in
   Katowice"; inflected too: "… w Kocierzewie");
2. another mention of the same name in the document, in any case form, that has a country;
3. a company's legal form ("UAB …", "… SIA", "… ASA"; cleanco's table of forms by country):
   its country, or of several the one the document names;
4. the letters a proper name is spelled with ("Mære" in an English item naming Norway);
5. the language a name is written in, when it is another country's, and that country is
   one the document names ("Aktive Kvinner i Bjerke" in an English item about Norway): two
   or more of its words the other language knows and neither the text's nor English does;
6. the document's language: a name written throughout in the language of a country
   ("Fundacja Wolna Wisła" in Polish news) belongs to that country — the publisher writes
   about its own country's bodies in its language. Not in news of a trip abroad, which
   names its hosts in its own language too: there only those who travelled are from home.
   English, the grants' shared language, tells no country;
7. the list a name stands in: names joined only by commas and the language's "and", at
   least two of which have a country, all the same one, give it to the others ("Sogndal
   kommune, Framtidslaben, Høgskulen på Vestlandet": the second is Norwegian too).

(The host of an event abroad was tried as evidence too and dropped: the reader's roles
are not sure enough of their direction for it.)

Nothing here guesses: a name that none of these speaks for keeps no country.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from .gazetteer import (
    country_of_form,
    find_cities,
    joined_region_length,
    legal_form_countries,
    municipality_country,
    region_countries,
    town_countries,
    town_country_of_form,
)
from .lemmas import head_lemma_type, is_common_word, is_known_word, lemma
from .lexicon import (
    LETTER_RUNS,
    inflected_alike,
    letter_countries,
    lexicon,
    list_joins,
    locative_endings,
    normalise,
)
from .model import Extraction, OrgMention, RoleFact
from .prose.places import (
    city_in_name,
    demonym_country,
    infer_country,
    main_country,
    place_words,
    region_of_body,
)

__all__ = ["country_by_name", "map_mentions", "settle_countries"]


def map_mentions(ex: Extraction, change: Callable[[OrgMention], OrgMention]) -> Extraction:
    """``ex`` with ``change`` applied to every organisation mention (in its list, its roles
    and its links)."""
    return replace(
        ex,
        organisations=tuple(change(o) for o in ex.organisations),
        roles=tuple(RoleFact(change(r.org), r.role, r.target, r.evidence) for r in ex.roles),
        links=tuple(replace(link, a=change(link.a), b=change(link.b)) for link in ex.links),
    )


def settle_countries(
    ex: Extraction, page: frozenset[str] = frozenset(), text: str | None = None
) -> Extraction:
    """Give each organisation of unknown country the one the document tells (see above).
    ``page``: the countries a project page's organisations may be from (its project's
    country and the donor states); a town in a name that tells another is no evidence.
    ``text``: the document's text, where its lists are read (none: no lists)."""
    mentions = [*ex.organisations, *(r.org for r in ex.roles)]
    unknown = {normalise(m.name): m.name for m in mentions if m.country is None}
    if not unknown:
        return ex
    stated: dict[str, str] = {}
    for m in mentions:
        if m.country is not None:
            stated.setdefault(normalise(m.name), m.country)
    home = lexicon().language_countries.get(ex.language)
    abroad = any(e.place and e.place.country not in (None, home) for e in ex.events)
    travellers = {normalise(r.org.name) for r in ex.roles if r.role == "participant"}
    named = {*stated.values(), *(p.country for p in ex.places if p.country)}
    # the languages of the countries the document names (their common words name no place)
    spoken = frozenset(
        language for language, country in lexicon().language_countries.items() if country in named
    )
    settled: dict[str, str] = {}
    for key, name in unknown.items():
        country = (
            _told_by_name(name, ex.language, page, spoken)
            or stated.get(key)
            or _stated_inflected(key, stated)
            or _told_by_legal_form(name, named, page)
            or _told_by_letters(name, ex.language, home, named)
            or _written_abroad(name, ex.language, named)
            or (
                home
                if home
                and (not abroad or key in travellers)
                and _written_in(name, ex.language, home)
                else None
            )
        )
        if country is not None:
            settled[key] = country
    if text is not None:
        settled.update(_told_by_list(ex, text, {**stated, **settled}))

    def change(m: OrgMention) -> OrgMention:
        if m.country is not None:
            return m
        country = settled.get(normalise(m.name))
        return m if country is None else replace(m, country=country)

    return map_mentions(ex, change) if settled else ex


#: The fewest names of one country a list must hold for its others to take that country.
_LIST_KNOWN = 2


def _told_by_list(ex: Extraction, text: str, known: dict[str, str]) -> dict[str, str]:
    """The countries the lists of ``text`` give the names in them that ``known`` (folded
    name → country) does not know: a list is the document's mentions one after another
    with only commas and the language's or English "and" between them; where two or more
    of its names are known, all of one country, its other names take it."""
    joins = list_joins(ex.language)
    mentions = sorted(
        {(m.evidence.start, m.evidence.end, normalise(m.name)) for m in ex.organisations}
    )
    lists: list[list[tuple[int, int, str]]] = []
    for mention in mentions:
        if lists and lists[-1][-1][1] <= mention[0]:
            between = text[lists[-1][-1][1] : mention[0]].replace(",", " , ").split()
            if all(word.casefold() in joins for word in between):
                lists[-1].append(mention)
                continue
        lists.append([mention])
    told: dict[str, str] = {}
    for items in lists:
        keys = {key for _a, _b, key in items}
        countries = [known[key] for key in keys if key in known]
        if len(countries) < _LIST_KNOWN or len(set(countries)) != 1 or len(countries) == len(keys):
            continue
        told.update((key, countries[0]) for key in keys if key not in known)
    return told


def country_by_name(name: str, page: frozenset[str] = frozenset()) -> str | None:
    """The country an organisation's name tells (:func:`~.prose.places.infer_country`),
    where a town in it counts only if its country is one of ``page``'s, when given (on a
    Romanian project's page "Asociația … Alba" is not Italian)."""
    found = infer_country(name, towns=False)
    if found is not None:
        return found
    town = city_in_name(name)
    return town if town is not None and (not page or town in page) else None


#: The languages whose genitive adds "s" to a name ("Polens", "Norwegens", "Sveriges").
_GENITIVE_S = frozenset({"no", "sv", "da", "de", "is"})


def _told_by_name(
    name: str,
    language: str,
    page: frozenset[str] = frozenset(),
    spoken: frozenset[str] = frozenset(),
) -> str | None:
    """The country the name tells, in the document's language too: a demonym or country, a
    city, town, municipality or region of one country only (a word that is a common word of
    the language, of English or of a language of ``spoken`` — the languages of the
    countries the document names — is no place: "Most", "Tabor"; "Nord" in a Latvian item
    about Norway, though a French department; a proper name the lemmatiser knows is:
    "Rīgas" is Rīga's); a town of a country outside ``page``, when it is given, tells
    none."""
    found = country_by_name(name, page)
    if found is not None:
        return found
    if language != "en":
        found = demonym_country(name, lexicon(), language)
        if found is not None:
            return found
    if language in _GENITIVE_S:
        # a country's name in the genitive ("Litauens kommuneforbund", "Polens ambassade")
        for word in LETTER_RUNS.findall(name):
            found = country_of_form(word[:-1]) if len(word) > 4 and word[-1] == "s" else None
            if found is not None:
                return found
    # a region's whole name ("Liberecký kraj": its first word is a common adjective) or
    # one inside the name that joins its words with a small one ("kraj More og Romsdal")
    words = name.split()
    spans = [(0, len(words))]
    spans += [(k, k + n) for k in range(len(words)) if (n := joined_region_length(words[k:]))]
    for a, b in spans:
        countries = set(region_countries(" ".join(words[a:b]).rstrip(".,;:")))
        if len(countries) == 1 and (not page or countries <= page):
            return countries.pop()
    # a region's name beside a regional body's head noun, though a common word elsewhere
    # ("Nordland fylkeskommune")
    pairs = list(itertools.pairwise(words))
    for word, beside in [*pairs, *((b, a) for a, b in pairs)]:
        countries = set(region_of_body(word, beside, language))
        if len(countries) == 1 and (not page or countries <= page):
            return countries.pop()
    for word in place_words(name):
        if is_common_word(word, language) or is_common_word(word, "en"):
            continue
        if any(is_common_word(word, other) for other in sorted(spoken - {language})):
            continue
        countries = _places_called(word, language)
        if len(countries) == 1 and (not page or countries <= page):
            return countries.pop()
    # a town after a preposition inside the name, by any of its names ("Universitetet i
    # Warszawa": Warsaw's own name in the list is "Warsaw")
    for before, word in pairs:
        place = word.rstrip(".,;:")
        if (
            before.casefold() in lexicon().prepositions
            and _PLACE_NAME.fullmatch(place)
            and not (is_common_word(place, language) or is_common_word(place, "en"))
        ):
            found = main_country(find_cities(place))
            if found is not None and (not page or found in page):
                return found
    return None


_PLACE_NAME = re.compile(r"[A-ZÀ-ÞĀ-ſ][^\W\d_]{2,}")


def _stated_inflected(key: str, stated: dict[str, str]) -> str | None:
    """The country another mention of the same name in another case form has ("Lešos
    savivaldybės" is "Lešos savivaldybė"'s), if all such mentions agree."""
    countries = {c for name, c in stated.items() if inflected_alike(key, name)}
    return countries.pop() if len(countries) == 1 else None


def _told_by_legal_form(name: str, named: set[str], page: frozenset[str]) -> str | None:
    """The country of a company's legal form ("UAB …" is Lithuanian): the one country
    whose law has it, or the one of those the document names ("… AS" is Norwegian in an
    item that names Norway and not Estonia or Latvia), within ``page``'s when given."""
    countries = legal_form_countries(name)
    if page:
        countries &= page
    if len(countries) > 1:
        countries &= named
    return next(iter(countries)) if len(countries) == 1 else None


def _told_by_letters(name: str, language: str, home: str | None, named: set[str]) -> str | None:
    """The country a proper name's spelling tells in a text of another language: a word
    that is no common word of the text's language or of English, spelled with letters of
    a few countries' alphabets only ("Mære", "Østfold"), is of the one of them that the
    document names elsewhere — if exactly one, and not the text's own (its language writes
    those letters in any name)."""
    letters = letter_countries()
    found: set[str] = set()
    for word in LETTER_RUNS.findall(name):
        spelled = {letters[c] for c in word.casefold() if c in letters}
        if not spelled or is_common_word(word, language) or is_common_word(word, "en"):
            continue
        countries = frozenset.intersection(*spelled) & named
        if home in frozenset.union(*spelled):
            return None
        found |= countries
    return found.pop() if len(found) == 1 else None


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]


def _written_in(name: str, language: str, home: str) -> bool:
    """Whether a name is written in ``language`` throughout: each of its words is a word of
    the language or a place of its country ("Pracownia Zrównoważonego Rozwoju"). A proper
    name the language does not know ("Inspiria", "Rotko") may be anyone's."""
    words = [w for w in LETTER_RUNS.findall(name) if len(w) >= 3]
    if not words:
        return False
    if _named_after_europe(words, language):
        return False
    for word in words:
        if country_of_form(word):
            return False
        if not is_known_word(word, language) and home not in _places_called(word, language):
            return False
    return True


@cache
def _europe_stems() -> tuple[str, ...]:
    return tuple(lexicon().raw["europe_stems"]["stems"])


def _named_after_europe(words: list[str], language: str) -> bool:
    """Whether a body is named after Europe: Europe's word beside its head noun, or one of
    its two words ("Rada Evropy", "Evropská unie", "Council of Europe"), not a word of
    its complement ("Ministerul Fondurilor Europene" is Romania's ministry)."""
    stems = _europe_stems()
    for k, word in enumerate(words):
        if word.casefold().startswith(stems) and (
            len(words) == 2
            or any(
                head_lemma_type(words[j], language) or head_lemma_type(words[j], "en")
                for j in (k - 1, k + 1)
                if 0 <= j < len(words)
            )
        ):
            return True
    return False


def _written_abroad(name: str, language: str, named: set[str]) -> str | None:
    """The country whose language a name is written in throughout, when that is not the
    text's language ("Aktive Kvinner i Bjerke" in an English item naming Norway): of the
    countries the document names, the one whose language knows the name's words, at least
    two of them words neither the text's language nor English knows."""
    words = [w for w in LETTER_RUNS.findall(name) if len(w) >= 3]
    if len(words) < 2:
        return None
    home = lexicon().language_countries.get(language)
    found: set[str] = set()
    for other, country in _language_of_countries().items():
        if country == home or country not in named:
            continue
        own = 0
        for word in words:
            if is_known_word(word, other):
                if not (is_known_word(word, language) or is_known_word(word, "en")):
                    own += 1
            elif word[:1].islower() or country_of_form(word):
                break
        else:
            if own >= 2:
                found.add(country)
    return found.pop() if len(found) == 1 else None


@cache
def _language_of_countries() -> dict[str, str]:
    """Each country's language (the first the lexicon lists for it)."""
    out: dict[str, str] = {}
    for language, country in lexicon().language_countries.items():
        if country not in out.values():
            out[language] = country
    return out


def _places_called(word: str, language: str) -> set[str]:
    """The countries with a region, municipality, city or town called ``word`` or its
    lemma, by their own names (with or without accents: "Rīga" is Riga's)."""
    countries: set[str] = set()
    for form in dict.fromkeys((word, _title(lemma(word, language)))):
        countries |= region_countries(form)
        key = normalise(form)
        countries |= {c.country for c in find_cities(form) if normalise(c.name) == key}
        countries |= town_countries(form)
        municipality = municipality_country(form)
        if municipality is not None:
            countries.add(municipality)
    if not countries:
        # a region's name with a case ending the lemmatiser does not know ("Telemarko",
        # "Vestlandet"): the region whose name is the word less its last letter or two
        for cut in (1, 2):
            if len(word) - cut >= 5:
                countries |= region_countries(word[:-cut])
    if not countries and language != "en":
        # a city's own name with a case ending the lemmatiser does not know ("Bergeno",
        # "Kongsbergo"): the city whose whole name the word opens with, a letter or two on
        countries |= {
            c.country
            for c in find_cities(word)
            if word.startswith(c.name) and 1 <= len(word) - len(c.name) <= 2
        }
    if not countries and locative_endings(language) and not word.isascii():
        # ... and written in the letters of a language that spells foreign names its own
        # way ("Arendālas" is Arendal's): the one country of the towns its base form names,
        # accents aside
        told = town_country_of_form(word)
        if told is not None:
            countries.add(told)
    return countries
