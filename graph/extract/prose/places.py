"""Places of a sentence (countries in local forms, cities of the gazetteer), and the
country an organisation's name tells.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from ..gazetteer import (
    City,
    country_of_form,
    find_cities,
    is_country_code,
    region_countries,
    town_country,
)
from ..lemmas import (
    head_lemma_type,
    is_common_word,
    is_function_word,
    is_town_word,
    job_titles,
    lemma,
)
from ..lexicon import (
    UPPER,
    Lexicon,
    lexicon,
    locative_endings,
    normalise,
    spelled_abroad,
    town_word_stems,
    what_words_name,
)
from ..model import Place
from ..registry import registry
from .sentences import CAP, MONTH_NAMES, Sentence, quotations, span_evidence

__all__ = [
    "city_in_name",
    "city_named_in",
    "countries_in",
    "country_after",
    "country_beside",
    "country_in_name",
    "demonym_before",
    "demonym_country",
    "find_places",
    "follows_origin",
    "form_country",
    "infer_country",
    "main_country",
    "pick_country",
    "place_form_country",
    "place_words",
    "region_of_body",
    "same_script",
    "state_country",
    "told_places",
    "where_after",
]


def infer_country(name: str, towns: bool = True) -> str | None:
    """The country an organisation's name tells: a registry name, a demonym, a country name,
    and (unless ``towns`` is false) a town in it.

    >>> infer_country("Innovation Norway"), infer_country("Polish Zero Waste Association")
    ('NO', 'PL')
    """
    folded = f" {normalise(name)} "
    for entry in registry():  # a registry name, alone or inside ("Fagforbundet Innlandet")
        if any(f" {normalise(n)} " in folded for n in entry.names if len(n) > 3):
            return entry.country
    lex = lexicon()
    by_form = _municipality_country(name, lex)
    told = by_form or demonym_country(name, lex) or country_in_name(name)
    return told or (city_in_name(name) if towns else None)


def _municipality_country(name: str, lex: Lexicon) -> str | None:
    """ "Steinkjer kommune" → the city's country, else the form's ("kommune" → NO)."""
    m = lex.municipality.fullmatch(name.strip())
    if m is None:
        return None
    group, place = next((k, v) for k, v in m.groupdict().items() if v and k.startswith("place"))
    cities = find_cities(place)
    if cities:
        return cities[0].country
    return place_form_country(place, name.replace(place, " "), group.split("_")[1], lex)


_WORD = re.compile(r"\w+")
_NAME_TOKEN = re.compile(r"[\w'’-]+")


def form_country(form: str, language: str, lex: Lexicon) -> str | None:
    """The country a municipality form's language implies ("X novads": Latvia), unless
    the form is a word any country's municipality is called by ("pašvaldība", "miasto"):
    "Aremarkas pašvaldība" is Norwegian."""
    words = [w.casefold() for w in _WORD.findall(form)]
    stems = town_word_stems()
    if words and all(w.startswith(stems) for w in words):
        return None
    return lex.language_countries.get(language)


def place_form_country(place: str, form: str, language: str, lex: Lexicon) -> str | None:
    """:func:`form_country` for a place the form names, unless the place is written in
    another script than the form's language ("Община Sør-Varanger") or spelled with a
    letter that language does not write ("gmina Bærum"): no town of the form's country."""
    if not same_script(place, language):
        return None
    country = form_country(form, language, lex)
    return None if country is not None and spelled_abroad(place, country) else country


#: The script each language other than a Latin-script one writes its places in.
_SCRIPTS = {
    **dict.fromkeys(("bg", "ru", "uk", "mk", "sr"), "CYRILLIC"),
    "el": "GREEK",
}


def same_script(place: str, language: str) -> bool:
    """Whether ``place`` is written in the script of ``language`` (its first letter's):
    "Sør-Varanger" in a Bulgarian text is no Bulgarian town's name, "Кюстендил" is."""
    letter = next((ch for ch in place if ch.isalpha()), "")
    if not letter:
        return True
    return unicodedata.name(letter, "").startswith(_SCRIPTS.get(language, "LATIN"))


def city_in_name(name: str) -> str | None:
    """ "Tartu City Government", "Museum in Katowice" → a known city's name where a name
    holds its place (:func:`place_words`), if one country only has it."""
    words = name.split()
    for pair in (" ".join(words[k : k + 2]) for k in range(len(words) - 1)):
        # a town of two words, told whole ("Alba Iulia County Hospital" is not Alba's)
        if all(w[:1].isupper() and w.isalpha() for w in pair.split()):
            exact = {c.country for c in find_cities(pair) if normalise(c.name) == normalise(pair)}
            if len(exact) == 1:
                return exact.pop()
    city = _own_city(name)
    return city.country if city is not None else None


def city_named_in(name: str) -> str | None:
    """The city an organisation's name holds where a name holds its place (:func:`place_words`),
    by the city's own name, if one country only has a city so called ("University of
    Bergen": Bergen)."""
    city = _own_city(name)
    return city.name if city is not None else None


def _own_city(name: str) -> City | None:
    """The city of :func:`main_country` called by a word of ``name`` that may be its place,
    by its own name only: an alternate name may be a common word ("Union" is La Unión's,
    "Center" Ózd's, "Gran" Esztergom's), an inflection guess another town ("Agder" is no
    form of Agde)."""
    words = name.split()
    for word in place_words(name):
        cities = tuple(c for c in find_cities(word) if normalise(c.name) == normalise(word))
        if main_country(cities) is None and _after_locative(words, word):
            # a Slavic locative after "v", "w", "в" is the town's own name inflected
            # ("Univerzitou v Bergenu", "Univerza v Oslu")
            cities = find_cities(word, own_name=True)
        if main_country(cities) is not None:
            return cities[0]
    return None


#: Slavic prepositions of where, after which a town's name stands in its locative.
_LOCATIVE_PREPOSITIONS = frozenset({"v", "ve", "vo", "w", "we", "u", "в", "във"})


def _after_locative(words: list[str], word: str) -> bool:
    """Whether ``word`` follows a Slavic preposition of where in ``words`` and ends as a
    locative does, in a vowel ("Bergenu", "Oslu", "Krakowie"; not "Agder")."""
    return word[-1:].casefold() in "aeiouyěéíáóůú" and any(
        w == word and k > 0 and words[k - 1].casefold() in _LOCATIVE_PREPOSITIONS
        for k, w in enumerate(words)
    )


def main_country(cities: Sequence[City]) -> str | None:
    """The country of ``cities`` (most populous first): the only one, or that of a city
    at least three times as big as any other's ("Bergen": Norway's city of 290,000 people,
    not Mons, Bergen in Dutch, 95,000); None when none or no such one."""
    if not cities:
        return None
    other = next((c for c in cities if c.country != cities[0].country), None)
    if other is None or cities[0].population >= 3 * other.population:
        return cities[0].country
    return None


def region_of_body(word: str, beside: str, language: str) -> frozenset[str]:
    """The countries of a region or municipality called ``word`` when the word beside it
    is a regional or municipal body's head noun ("Nordland fylkeskommune", "Województwo
    Pomorskie"): a common word of the language may be a region's name there ("Nordland").
    """
    if head_lemma_type(beside, language) != "municipality":
        return frozenset()
    return region_countries(word.rstrip(".,;:"))


_PLACE_WORD = re.compile(rf"[{UPPER}][^\W\d_]{{3,}}(?:-[^\W\d_]{{2,}})*")


def place_words(name: str) -> list[str]:
    """The capitalised words of an organisation's name that may be its place: its first or
    last word, or one after a preposition ("Bergen kommune", "University of Bergen",
    "Museum in Katowice"). Inside a name, a town's name is mostly a word of it ("Youth
    Drama Centre", "Regional Police Academy"). A first word that is a head word of
    organisations is the name's head, not its place ("Centro de Estudos Sociais …": Centro
    is a town in Spain).

    >>> place_words("Silesian Museum in Katowice")
    ['Silesian', 'Katowice']
    >>> place_words("Centro de Estudos Sociais da Universidade de Coimbra")
    ['Coimbra']
    """
    tokens = _NAME_TOKEN.findall(name)
    last = len(tokens) - 1
    return [
        word
        for i, word in enumerate(tokens)
        if _PLACE_WORD.fullmatch(word)
        and (
            (i == 0 and (last == 0 or not _is_head(word)))
            or i == last
            or tokens[i - 1].casefold() in _place_prepositions()
        )
    ]


def _is_head(word: str) -> bool:
    """Whether ``word`` is, whole, a head word of organisations ("Centro", "Kommune")."""
    found = lexicon().type_finder.fullmatch(word)
    return found is not None


@cache
def _place_prepositions() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon().prepositions) | {"of"}


def demonym_country(name: str, lex: Lexicon, language: str = "en") -> str | None:
    """The country of the first demonym in the name ("Czech-Liechtenstein …" → CZ), in
    any case form of the document's language ("Norského …" → NO), or of a country's
    name in a case form ("Norvegijos Karalystės …" → NO). Of a name that names two
    countries, one of them the country of the text's language, that one: a bilateral
    body named in the language of where it is ("Norvegijos Lietuvos prekybos rūmai", in
    Lithuanian, is in Lithuania)."""
    m = lex.demonyms.search(name)
    named = [m.lastgroup[2:]] if m is not None and m.lastgroup else []
    if language == "en":
        return named[0] if named else None
    table = _demonym_lemmas()
    for word in re.findall(r"\w{4,}", name):
        if word[:1].isupper():
            found = table.get(lemma(word, language)) or _country_of_lemma(word, language)
            if found:
                named.append(found)
    home = lex.language_countries.get(language)
    if home in named and len(set(named)) > 1:
        return home
    return named[0] if named else None


@cache
def _demonym_lemmas() -> dict[str, str]:
    return what_words_name("demonym_lemmas")


def country_in_name(name: str) -> str | None:
    for word in _NAME_TOKEN.findall(name):
        cc = country_of_form(word)
        if cc:
            return cc
    return None


def _country_of_lemma(word: str, language: str) -> str | None:
    """A country named in a case form the country list lacks ("do Norska": Norsko)."""
    if language == "en" or len(word) < 4:
        return None
    base = lemma(word, language)
    return country_of_form(base[:1].upper() + base[1:]) if base != word.casefold() else None


_BEFORE_WORD = re.compile(r"([^\W\d_]+)\s+$")
_AFTER_COUNTRY = re.compile(
    r"^(?:\s*\(\s*(?P<paren>[^()\d]{2,40}?)\s*\)|(?:,|\s+[–—-])\s+(?P<comma>[^\W\d_][\w -]{1,40}?)"
    r"(?=\s*(?:[.;:!?)\n]|$)))"
)


def country_beside(text: str, a: int, b: int, lex: Lexicon, language: str) -> str | None:
    """The country the words right beside a name give: a demonym just before it ("the
    Norwegian municipality of Øvre Eiker", "norweskiej gminy …"), or one just after it
    (:func:`country_after`)."""
    m = _BEFORE_WORD.search(text[max(0, a - 40) : a])
    if m is not None:
        told = _demonym(m.group(1), lex, language)
        if told is None and _class_noun(m.group(1), language):
            # "the Icelandic company Landsvirkjun", "norským regionem Vestland"
            before = _BEFORE_WORD.search(text[max(0, a - 60) : a - len(m.group())])
            told = _demonym(before.group(1), lex, language) if before else None
        if told is not None:
            return told
    found = country_after(text, b)
    if found is not None:
        return found
    # "… Association in Norway": where it is, unless the name holds a town of another
    # country ("the Satu Mare County … Association in Norway at the partner's": a visit);
    # its acronym may stand between ("Project Management Centre (PVC) i Litauen")
    bracket = _BRACKETED_AFTER.match(text, b)
    where = where_after(text, bracket.end() if bracket is not None else b)
    if where is None:
        return None
    town = city_in_name(text[a:b])
    return where[0] if town in (None, where[0]) else None


#: A short bracket right after a name: its acronym ("(PVC)").
_BRACKETED_AFTER = re.compile(r"\s*\([^()\s]{2,12}\)")


@cache
def _state_stems() -> tuple[str, ...]:
    return tuple(lexicon().raw["state_noun_stems"]["stems"])


def state_country(first: str, second: str, lex: Lexicon, language: str) -> str | None:
    """The country two words name as a state, a state's noun beside a demonym or the
    country's name, in any case form and either order ("Nórskeho kráľovstva", "Norvegijos
    Karalystės", "Кралство Норвегия"); None otherwise."""
    for noun, other in ((first, second), (second, first)):
        if noun.casefold().startswith(_state_stems()):
            other = other.strip(".,;:")
            return country_of_form(other) or demonym_country(other, lex, language)
    return None


def demonym_before(text: str, a: int, lex: Lexicon, language: str) -> str | None:
    """The country of a demonym right before ``a`` ("norweska gmina Bærum")."""
    m = _BEFORE_WORD.search(text[max(0, a - 40) : a])
    return _demonym(m.group(1), lex, language) if m is not None else None


def _demonym(word: str, lex: Lexicon, language: str) -> str | None:
    found = lex.demonyms.fullmatch(word)
    if found is not None and found.lastgroup:
        return found.lastgroup[2:]
    if language != "en" and len(word) >= 4:
        return _demonym_lemmas().get(lemma(word.casefold(), language))
    return None


def _class_noun(word: str, language: str) -> bool:
    """A noun of a class of organisations ("company", "partner", "region"…)."""
    if not word.islower():
        return False
    nouns = _class_nouns()
    return lemma(word, language) in nouns or lemma(word, "en") in nouns


@cache
def _class_nouns() -> frozenset[str]:
    raw = lexicon().raw
    return frozenset(raw["apposition_cue_lemmas"]["lemmas"]) | frozenset(
        raw["class_noun_lemmas"]["lemmas"]
    )


#: "… власти в Норвегия", "… Association in Iceland", "Asociația … din Norvegia": a locative
#: preposition (or the Romanian "of/from") and a country right after a name tell where the
#: organisation is.
_IN_COUNTRY = re.compile(r"^\s+(?:in|w|we|v|ve|vo|в|във|în|din|em|na|i|på|στην?|στο)\s+(\w+)")


def where_after(text: str, b: int) -> tuple[str, int] | None:
    """A locative preposition and a country's name right after ``b`` ("… in Iceland",
    "… din Norvegia"): the country and where its name ends; None if not so."""
    m = _IN_COUNTRY.match(text[b : b + 40])
    country = country_of_form(m.group(1)) if m is not None else None
    return (country, b + m.end()) if m is not None and country is not None else None


def country_after(text: str, b: int) -> str | None:
    """A country or its code in brackets just after a name ("NAV (Norway)", "(NO)"), or
    the one country of the regions in them ("(Bo, Telemark)"), or a country after a comma
    or a dash that ends the clause ("Øvre Eiker, Norway.", "… skole Sonsterud –
    Nórsko.")."""
    m = _AFTER_COUNTRY.match(text[b : b + 60])
    if m is None:
        return None
    told = m.group("paren") or m.group("comma")
    if len(told) == 2 and is_country_code(told):
        return told
    found = country_of_form(told)
    if found is None and m.group("paren"):
        # "Nome Municipality (Bo, Telemark)": a region in the brackets, of one country
        regions = {cc for part in told.split(",") for cc in region_countries(part.strip())}
        found = regions.pop() if len(regions) == 1 else None
    return found


def told_places(text: str) -> dict[str, str]:
    """Places a document gives the country of ("Guests from Øvre Eiker, Norway",
    "Steinkjer (Norway)"), by normalised name: one to three capitalised words, then the
    country just after them (:func:`country_after`)."""
    out: dict[str, str] = {}
    for m in _CAPITALISED_RUN.finditer(text):
        cc = country_after(text, m.end())
        if cc is not None and not country_of_form(m.group()):
            out.setdefault(normalise(m.group()), cc)
    return out


_CAPITALISED_RUN = re.compile(
    rf"(?<![\w-])[{UPPER}][^\W\d_]+(?:[ -][{UPPER}][^\W\d_]+){{0,2}}(?![\w-])"
)


def pick_country(candidates: list[str], doc_countries: set[str]) -> str | None:
    for cc in candidates:
        if cc in doc_countries:
            return cc
    return candidates[0] if candidates else None


def countries_in(text: str, lex: Lexicon) -> list[str]:
    found = []
    for word in re.findall(rf"[{UPPER}][\w'’]+", text):
        cc = country_of_form(word)
        if cc:
            found.append(cc)
    return found


_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def follows_origin(text: str, at: int) -> bool:
    """Whether the word right before offset ``at`` of ``text`` is one that says where
    people came from ("grupė iš Lešos savivaldybės", "a delegation from KS")."""
    m = _WORD_BEFORE.search(text[max(0, at - 20) : at])
    return m is not None and m.group(1).casefold() in _origin_words()


@cache
def _origin_words() -> frozenset[str]:
    table = lexicon().raw["origin_prepositions"]
    return frozenset(w.casefold() for k, ws in table.items() if not k.startswith("_") for w in ws)


def _at(tokens: list[tuple[int, int, str]], i: int, lex: Lexicon, language: str) -> bool:
    """Whether the place at token ``i`` is where something happened: after "in", "to"…
    (not after "from", which names where people came from), or, in a language that says
    "in Daugavpils" by a case ending, in that case ("Daugavpilī", "Norvegijoje")."""
    before = tokens[i - 1][2].casefold() if i > 0 else ""
    # (a visit's verb among the place words, longer than any preposition, opens what the
    # visitors did: "a delegation from Riga visited Oslo" went to Oslo; so does "to": "a
    # study visit from Latvia to Bergen" went to Bergen)
    if before in _origin_words() or (
        before in lex.prepositions
        and len(before) <= 4
        and before not in lex.directions
        and _after_origin(tokens, i - 1, language)
    ):
        return False
    if (
        before not in lex.prepositions
        and i >= 2
        and len(before) <= 3
        and is_function_word(before, language)
        and len(tokens[i - 2][2]) > 4
        and tokens[i - 2][2].casefold() in lex.prepositions
    ):
        # a visit's verb, then an article or an auxiliary: "επισκέφθηκε το Όσλο",
        # "posjetila je Oslo"
        before = tokens[i - 2][2].casefold()
    if before not in lex.prepositions:
        # "do norského Stavangeru", "w norweskim Bergen", "to Norwegian Bergen": the
        # preposition before the words that say what the place is
        k = _before_description(tokens, i, lex, language)
        if k < i - 1 and k >= 0:
            word = tokens[k][2].casefold()
            if word in _origin_words():
                return False
            if word in lex.prepositions and word.isalpha() and len(word) <= 4:
                before = word
    endings = locative_endings(language)
    if endings:
        return before in lex.prepositions or tokens[i][2].endswith(endings)
    return before in lex.prepositions


def _before_description(
    tokens: list[tuple[int, int, str]], i: int, lex: Lexicon, language: str
) -> int:
    """The index of the token before the words that say what the place at ``i`` is: at
    most two ("do norského Stavangeru", "to Norwegian Bergen"), or three with a
    settlement's noun among them, which may take its "of" and an article ("to the Polish
    town of Ostrowiec", "i den polske kommunen Ostrowiec"); ``i - 1`` when none do."""
    k = i - 1
    settled = (
        k >= 1
        and _joins(tokens[k][2], lex, language)
        and _is_settlement(tokens[k - 1][2], language)
    )
    k -= settled
    while k >= 0 and i - k <= 2 + settled and _describes(tokens[k][2], lex, language):
        settled = settled or _is_settlement(tokens[k][2], language)
        k -= 1
    if settled and k >= 1 and _joins(tokens[k][2], lex, language):
        k -= 1  # the article after the preposition
    return k


def place_phrase_words(words: Sequence[str], language: str) -> int:
    """How many of the last ``words`` before a place name open its phrase: a preposition
    and the words that say what the place is ("i den polske kommunen" before
    "Ostrowiec"); 0 when they are no such phrase."""
    lex = lexicon()
    tokens = [(0, 0, w.rstrip(":")) for w in (*words, "X")]  # ("w miastach: Arendal")
    i = len(words)
    k = _before_description(tokens, i, lex, language)
    word = tokens[k][2].casefold() if k >= 0 else ""
    return i - k if word in lex.prepositions and word.isalpha() and len(word) <= 4 else 0


def _is_settlement(word: str, language: str) -> bool:
    """Whether a lower-case word is a settlement's noun ("kommunen", "town", "mieście",
    "pilsētā"): a municipality's head noun, or a word any country's town is called by."""
    if not word.islower():
        return False
    return head_lemma_type(word, language) == "municipality" or is_town_word(word, language)


def _joins(word: str, lex: Lexicon, language: str) -> bool:
    """A short function word that is no preposition of place: an article or "of"."""
    folded = word.casefold()
    return (
        word.islower()
        and len(word) <= 3
        and folded not in lex.prepositions
        and folded not in _origin_words()
        and (is_function_word(folded, language) or is_function_word(folded, "en"))
    )


def _describes(word: str, lex: Lexicon, language: str) -> bool:
    """A word between a preposition and its place that says what the place is: a
    lower-case adjective or noun ("norského", "norweskim"; no preposition or other
    function word: "seminar by Paul" is no place) or a demonym."""
    if not word.islower():
        return lex.demonyms.fullmatch(word) is not None
    return (
        word.isalpha()
        and word not in lex.prepositions
        and word not in _origin_words()
        and not is_function_word(word, language)
        and not is_function_word(word, "en")
    )


def _after_origin(tokens: list[tuple[int, int, str]], k: int, language: str = "en") -> bool:
    """Whether the preposition at ``k`` follows a name that follows "from": "a delegation
    from Gmina Wołomin in Poland" came from Poland, as "Representanter fra Dzierzoniow
    kommune i Polen" (a lower-case head noun is the name's); the place is not where it
    went."""
    named = capitals = 0
    k -= 1
    while (
        k >= 0
        and named < 6
        and (CAP.match(tokens[k][2]) or head_lemma_type(tokens[k][2], language))
    ):
        capitals += bool(CAP.match(tokens[k][2]))
        named += 1
        k -= 1
    return capitals > 0 and k >= 0 and tokens[k][2].casefold() in _origin_words()


def find_places(
    sent: Sentence, lex: Lexicon, doc_countries: set[str], language: str = "en"
) -> list[tuple[Place, bool]]:
    """Countries and cities of a sentence; the flag says the place is where something
    happened (a preposition such as "in" or "to", or a locative case ending, before or on
    it), not where people came from."""
    out: list[tuple[Place, bool]] = []
    tokens = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(sent.text)]
    # a quoted title is a name, not where anything happened: its countries are places
    # named, its other words no towns ("projektu „Zelené město“" is not Zele's)
    titles = [m.span() for m in quotations(sent.text)]
    i = 0
    while i < len(tokens):
        a, b, word = tokens[i]
        if not CAP.match(word):
            i += 1
            continue
        titled = any(start < a < end for start, end in titles)
        prep = _at(tokens, i, lex, language) and not titled and not _an_office(tokens, i, lex)
        two = f"{word} {tokens[i + 1][2]}" if i + 1 < len(tokens) else None
        cc = country_of_form(two) if two else None
        if cc:
            out.append(
                (Place(two or word, cc, "country", span_evidence(sent, a, tokens[i + 1][1])), prep)
            )
            i += 2
            continue
        cc = country_of_form(word)
        if cc is None and (cc := _country_of_lemma(word, language)):
            # (asked only of a country's word: a lemma for each capitalised word cost time)
            cc = None if _modifies_next(tokens, i, sent.text, language) else cc
        if cc:
            out.append((Place(word, cc, "country", span_evidence(sent, a, b)), prep))
        elif prep and word not in lex.stopwords and word.casefold() not in MONTH_NAMES:
            # (a month after "in" is a date: "in March 2018" is not March, Cambridgeshire)
            cities = find_cities(word) or _city_by_lemma(word, language)
            if cities:
                country = pick_country([c.country for c in cities], doc_countries)
                city = next(c for c in cities if c.country == country)
                out.append(
                    (Place(city.name, city.country, "city", span_evidence(sent, a, b)), prep)
                )
            else:
                town = _small_town(word, language)
                if town is not None:
                    out.append((Place(word, town, "city", span_evidence(sent, a, b)), prep))
                elif len(regions := region_countries(word)) == 1:
                    # "på besøk i Buskerud", "study visit to Vestland": a county or region
                    (region,) = regions
                    out.append((Place(word, region, "region", span_evidence(sent, a, b)), prep))
        i += 1
    return out


def _an_office(tokens: list[tuple[int, int, str]], i: int, lex: Lexicon) -> bool:
    """Whether the place at token ``i`` is where someone holds an office: right after the
    office's noun, its preposition, or the country whose office it is ("ambasadorius
    Lietuvoje", "vēstnieks Latvijā", "ambasador Norwegii w Polsce"): the ambassador's
    country, not where anything happened."""
    k = i - 1
    if k >= 0 and tokens[k][2].casefold() in lex.prepositions:
        k -= 1
    if k >= 1 and CAP.match(tokens[k][2]) and tokens[k - 1][2].casefold() in job_titles():
        return True  # (the office's own country between)
    return k >= 0 and tokens[k][2].casefold() in job_titles()


def _modifies_next(tokens: list[tuple[int, int, str]], i: int, text: str, language: str) -> bool:
    """Whether the word ``i`` is an adjective (its lemma in small letters) right before a
    lower-case word, its noun: a country's adjective in a case form ("v okviru Norveškega
    finančnega mehanizma", within the Norwegian mechanism) is no place; a country's name
    in a case form is ("Lietuvos delegacija", "pomiędzy Polską i Norwegią")."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (
        nxt[2][:1].islower()
        and not text[tokens[i][1] : nxt[0]].strip()
        and not is_function_word(nxt[2], language)  # "Polską i Norwegią": a noun, two places
        and lemma(tokens[i][2], language)[:1].islower()
    )


def _city_by_lemma(word: str, language: str) -> tuple[City, ...]:
    """The cities called by the lemma of a case form the gazetteer does not know, when the
    lemmatiser knows the word as a proper name ("Rygoje" → "Ryga", Riga)."""
    found = lemma(word, language)
    return find_cities(found) if found[:1].isupper() and found != word else ()


def _small_town(word: str, language: str) -> str | None:
    """The country of the one town of over 1,000 people called ``word`` (as written or by
    its lemma), where an event takes place ("работна среща в Поморие"), when it is no
    common word of the text's language or of English (not "в Бяла", white, nor "in Arena",
    though towns are called so)."""
    if is_common_word(word, language) or is_common_word(word, "en"):
        return None
    return town_country(word) or town_country(lemma(word, language))
