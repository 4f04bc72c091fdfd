"""The shipped word lists, compiled once: event words, role cues, head words, date forms.

Everything language-specific lives in ``graph/data/lexicon.json`` and
``graph/data/registry.json``; this module only compiles it. Nothing is loaded at import
time: each table is built on first use and cached. Countries and cities are in
:mod:`.gazetteer`, well-known institutions in :mod:`.registry`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from typing import Any

__all__ = [
    "LETTER_RUNS",
    "UPPER",
    "Lexicon",
    "PhraseFinder",
    "WordCheck",
    "clause_openers",
    "lexicon",
    "list_joins",
    "normalise",
    "organisation_type",
    "read_data",
    "town_word_stems",
    "what_words_name",
]

_DATA = "partnergraph.graph"


def _upper_class(end: int = 0x530) -> str:
    """The inside of a regular-expression class of the capital letters of the Latin,
    Greek and Cyrillic scripts (below ``end``: 0x250, the Latin ones only), told by
    Unicode ("Ž" is one, "ž" is not: the Latin Extended-A block alternates capitals and
    small letters, so no range of it will do)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x41, end):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


#: Capital letters, for use inside ``[...]``.
UPPER = _upper_class()
#: The capital letters of the Latin alphabets, with their accents (a class's inside).
LATIN_UPPER = _upper_class(0x250)
#: Runs of letters (no digits, no underscore): the words a name is looked up by.
LETTER_RUNS = re.compile(r"[^\W\d_]+")


_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """A comparison key: case, diacritics, punctuation and spacing folded away.

    >>> normalise("  Norwegian Association of local and Regional Authorities ")
    'norwegian association of local and regional authorities'
    >>> normalise("Ås kommune") == normalise("As Kommune")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("ł", "l")
    stripped = stripped.replace("đ", "d").replace("ı", "i")
    return " ".join(_NOT_WORD.sub(" ", stripped).split())


def inflected_alike(a: str, b: str) -> bool:
    """Two folded names (:func:`normalise`) whose words differ only in endings of up to
    three letters, each word keeping four letters or more of its stem ("savivaldybes",
    "savivaldybeje").

    >>> inflected_alike("lesos savivaldybe", "lesos savivaldybes")
    True
    """
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        pairs = enumerate(zip(x, y, strict=False))
        common = next((k for k, (p, q) in pairs if p != q), min(len(x), len(y)))
        if common < 4 or max(len(x), len(y)) - common > 3:
            return False
    return True


def read_data(name: str) -> Any:
    """A JSON file of ``graph/data``."""
    return json.loads(files(_DATA).joinpath("data").joinpath(name).read_text(encoding="utf-8"))


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in sorted(set(patterns), key=len, reverse=True))


class Lexicon:
    """Compiled patterns from ``lexicon.json``, each compiled when first asked for (all of
    them take a second to compile; identity resolution asks only for the generic names)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def _words(self, table: str) -> list[str]:
        return _all_words(self.raw[table])

    @cached_property
    def continuation(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?<!\w)(?:{_alternation(self._words('continuation_cues'))})(?!\w)", re.I
        )

    @cached_property
    def dates(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.I) for p in self.raw["date_patterns"]["patterns"])

    @cached_property
    def dates_no_year(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.I) for p in self.raw["date_patterns"]["no_year"])

    @cached_property
    def prepositions(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self._words("place_prepositions"))

    @cached_property
    def directions(self) -> frozenset[str]:
        """The place prepositions that mean "to" alone (``directional_prepositions``)."""
        return frozenset(w.casefold() for w in self._words("directional_prepositions"))

    @cached_property
    def demonyms(self) -> re.Pattern[str]:
        """One pattern; the group that matched (``c_NO``…) names the country."""
        return re.compile(
            "|".join(
                rf"(?P<c_{cc}>(?<!\w)(?:{_alternation(words)})(?!\w))"
                for cc, words in self.raw["demonyms"].items()
                if not cc.startswith("_")
            )
        )

    @cached_property
    def head_word(self) -> re.Pattern[str]:
        """One pattern for a whole head word; the name of the group that matched is its
        type."""
        return re.compile(
            "|".join(
                f"(?P<{t}>{_alternation(ws)})"
                for t, ws in self.raw["organisation_heads"].items()
                if not t.startswith("_")
            )
        )

    # every event word, by type; phrases of role, cooperation and project cues
    @cached_property
    def events(self) -> PhraseFinder:
        return phrase_finder(self.raw["event_terms"])

    @cached_property
    def anaphors(self) -> PhraseFinder:
        return phrase_finder(self.raw["event_anaphors"])

    @cached_property
    def roles(self) -> PhraseFinder:
        """Role cues; a group of people from somewhere (``people_from``) is a participant's."""
        table = dict(self.raw["role_cues"])
        cues, people = table["participant"], self.raw["people_from"]
        # (in the lexicon's order: the order of the phrases breaks ties)
        languages = [*cues, *(lang for lang in people if lang not in cues)]
        table["participant"] = {
            lang: [*cues.get(lang, ()), *people.get(lang, ())]
            for lang in languages
            if not lang.startswith("_")
        }
        return phrase_finder(table)

    @cached_property
    def people_from(self) -> PhraseFinder:
        return phrase_finder({"participant": self.raw["people_from"]})

    @cached_property
    def project_cues(self) -> PhraseFinder:
        return phrase_finder(self.raw["project_role_cues"])

    @cached_property
    def cooperation_cues(self) -> PhraseFinder:
        return PhraseFinder({"cooperation": self._words("cooperation_cues")})

    @cached_property
    def type_finder(self) -> re.Pattern[str]:
        typed = []
        for org_type, words in self.raw["organisation_heads"].items():
            if org_type.startswith("_"):
                continue
            # company suffixes (AS, AB, SIA…) are words too: they count only as written
            body = f"(?-i:{_alternation(words)})" if org_type == "company" else _alternation(words)
            typed.append(f"(?P<{org_type}>{body})")
        return re.compile(r"(?<![\w-])(?:" + "|".join(typed) + r")(?![\w-])", re.I)

    @cached_property
    def municipality(self) -> re.Pattern[str]:
        return _municipality_pattern(
            [
                (lang, _PLACE.join(_either_case(part) for part in form.split("{place}")))
                for lang, forms in self.raw["municipality_patterns"].items()
                if not lang.startswith("_")
                for form in forms
            ]
        )

    @cached_property
    def language_countries(self) -> dict[str, str]:
        return {k: v for k, v in self.raw["language_countries"].items() if not k.startswith("_")}

    @cached_property
    def boilerplate(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.raw["boilerplate_sentences"]["patterns"]), re.I)

    @cached_property
    def project_words(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?<!\w)(?:{_alternation(self.raw['project_words']['patterns'])})(?!\w)", re.I
        )

    @cached_property
    def municipality_lists(self) -> tuple[tuple[str, re.Pattern[str], dict[str, str]], ...]:
        return _list_patterns(self.raw)

    @cached_property
    def list_forms(self) -> frozenset[str]:
        return frozenset(form.casefold() for form in self._words("municipality_lists"))

    # quick checks: a sentence without these words has no municipality form or list
    @cached_property
    def municipality_words(self) -> WordCheck:
        return _words_of(
            (form.replace("{place}", "") for form in self._words("municipality_patterns")),
            common=self.raw["name_connectors"],
        )

    @cached_property
    def list_words(self) -> WordCheck:
        return _words_of(self._words("municipality_lists"))

    @cached_property
    def connectors(self) -> frozenset[str]:
        return frozenset(self.raw["name_connectors"])

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return frozenset(self.raw["org_stopwords"])

    @cached_property
    def generic(self) -> frozenset[str]:
        return frozenset(normalise(g) for g in self.raw["generic_names"])


_TOKEN = re.compile(r"\w[\w'’-]*")
#: A phrase of a :class:`PhraseFinder`: its place among the phrases, its key, its pattern.
_Phrase = tuple[int, str, re.Pattern[str]]
_META = re.compile(r"[\\()\[\]?*+{}|.^$]")


class PhraseFinder:
    """Many phrase patterns, each tried only where a word starts with its literal stem.

    Python's regular expressions are slow on one large case-insensitive alternation; a
    dictionary from a word's first two letters to the stems that open so (looked up by the
    word's first letters, a look-up for each stem length) is fast, and matches the same
    phrases (each anchored at a word start, ending at a word end).
    """

    def __init__(self, table: dict[str, list[str]]) -> None:
        # first two letters → (the lengths of its stems, shortest first; stem → its
        # phrases, each with its place among the phrases given)
        self.index: dict[str, tuple[list[int], dict[str, list[_Phrase]]]] = {}
        self.anywhere: list[tuple[str, re.Pattern[str]]] = []
        self._last: tuple[str, tuple[tuple[int, int, str], ...]] | None = None
        order = 0
        for key, patterns in table.items():
            for pattern in patterns:
                for variant in _expand_leading_group(pattern):
                    stem = _literal_stem(variant).casefold()
                    if stem:
                        compiled = re.compile(rf"(?:{variant})(?!\w)", re.I)
                        lengths, stems = self.index.setdefault(stem[:2], ([], {}))
                        stems.setdefault(stem, []).append((order, key, compiled))
                        order += 1
                        if len(stem) not in lengths:
                            lengths.append(len(stem))
                            lengths.sort()
                    else:
                        anywhere = re.compile(rf"(?<!\w)(?:{variant})(?!\w)", re.I)
                        self.anywhere.append((key, anywhere))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every match as (start, end, key), sorted, longest first at one start (the last
        text's kept: the reader asks a sentence's cues more than once)."""
        last = self._last
        if last is not None and last[0] == text:
            return list(last[1])
        out = []
        index = self.index
        by_opening = words_by_opening(text)
        # only the words whose first two letters open a stem (a set's meet, not a loop
        # over every word of the sentence for each finder)
        for opening in by_opening.keys() & index.keys():
            lengths, stems = index[opening]
            for start, word in by_opening[opening]:
                for length in lengths:  # each stem the word starts with: a look-up a length
                    if length > len(word):
                        break
                    for order, key, pattern in stems.get(word[:length], ()):
                        hit = pattern.match(text, start)
                        if hit is not None:
                            out.append((start, hit.end(), order, key))
        for order, (key, pattern) in enumerate(self.anywhere, 1 << 20):
            out.extend((hit.start(), hit.end(), order, key) for hit in pattern.finditer(text))
        # at one start, the longest first, then in the order the phrases were given
        out.sort(key=lambda t: (t[0], t[0] - t[1], t[2]))
        kept = tuple((a, b, key) for a, b, _order, key in out)
        self._last = (text, kept)
        return list(kept)

    def search(self, text: str) -> tuple[int, int, str] | None:
        """The first match, or None."""
        found = self.find(text)
        return found[0] if found else None


@lru_cache(maxsize=64)
def words(text: str) -> tuple[tuple[int, str], ...]:
    """The words of a text with their offsets, case-folded (cached: several finders read
    the same sentence)."""
    return tuple((m.start(), m.group().casefold()) for m in _TOKEN.finditer(text))


@lru_cache(maxsize=64)
def words_by_opening(text: str) -> dict[str, list[tuple[int, str]]]:
    """:func:`words`, by their first two letters (cached: every phrase finder reads the
    same sentence)."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for start, word in words(text):
        grouped.setdefault(word[:2], []).append((start, word))
    return grouped


def _expand_leading_group(pattern: str) -> list[str]:
    """ "(?:the|a) meetings?" → ["the meetings?", "a meetings?"]; an optional group is
    tried with and without ("(?:study )?(?:visits?|tours?) to" → "study visits? to",
    "study tours? to", "visits? to", "tours? to"); no nesting inside a group."""
    if not pattern.startswith("(?:"):
        return [pattern]
    depth, end = 0, -1
    for i, ch in enumerate(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                end = i
                break
    inner, rest = pattern[3:end], pattern[end + 1 :]
    if "(" in inner or rest.startswith(("*", "+", "{")):
        return [pattern]
    if rest.startswith("?"):  # "(?:study )?visits? to": with the group and without
        rest = rest[1:]
        if not rest or rest.startswith(" "):
            return [pattern]
        alternatives = [*inner.split("|"), ""]
    else:
        alternatives = inner.split("|")
    return [v for alt in alternatives for v in _expand_leading_group(alt + rest)]


def _literal_stem(pattern: str) -> str:
    """The literal letters a pattern's first word must start with ("" if none are sure)."""
    m = _META.search(pattern)
    stem = pattern[: m.start()] if m else pattern
    if m and m.group() in "?*{" and stem:
        stem = stem[:-1]  # "visits?": the "s" may be missing
    return stem.split(" ")[0]


def phrase_finder(table: dict[str, Any]) -> PhraseFinder:
    """A finder of the phrases of ``table`` (key → language → phrases), every language's."""
    return PhraseFinder(
        {k: _all_words(langs) for k, langs in table.items() if not k.startswith("_")}
    )


@cache
def town_word_stems() -> tuple[str, ...]:
    """Stems of the words any country's town or municipality is called by ("miast",
    "měst", "pilsēt", "city": ``municipality_generic_words``)."""
    return tuple(lexicon().raw["municipality_generic_words"]["stems"])


@cache
def locative_endings(language: str) -> tuple[str, ...]:
    """The endings of ``language``'s locative case, where it says "in X" by a case ending
    rather than a preposition ("Daugavpilī", "savivaldybėje"); none for other languages."""
    return tuple(lexicon().raw["locative_endings"].get(language, ()))


@cache
def clause_openers() -> tuple[str, ...]:
    """The words that open a clause after a comma (``clause_openers``: "which", "kde",
    "jejichž"…), every language's, longest first (patterns)."""
    table = lexicon().raw["clause_openers"]
    return tuple(sorted((w for k, ws in table.items() if k[0] != "_" for w in ws), key=len,
                        reverse=True))  # fmt: skip


@cache
def letter_countries() -> dict[str, frozenset[str]]:
    """Letters of one or a few national alphabets, and the countries whose language writes
    them (``letter_countries``: "ø" → Norway, Denmark)."""
    raw = lexicon().raw["letter_countries"]
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def spelled_abroad(name: str, country: str) -> bool:
    """Whether ``name`` holds a letter that ``country``'s language does not write and a few
    other countries' do ("Bærum" is no Polish town's name, whatever form a Polish text
    gives it: "gmina Bærum")."""
    letters = letter_countries()
    return any(c in letters and country not in letters[c] for c in name.casefold())


@cache
def list_joins(language: str) -> frozenset[str]:
    """What joins the names of a list in ``language``: a comma, "&", its word for "and" and
    English's."""
    words = lexicon().raw["apposition_cue_lemmas"]["and"]
    return frozenset({",", "&", words["en"], words.get(language, words["en"])})


def what_words_name(table: str) -> dict[str, str]:
    """A table of the lexicon that lists words by what they name (a type, a role, a
    country → words), as word → what it names."""
    raw = lexicon().raw[table]
    return {w: k for k, words in raw.items() if not k.startswith("_") for w in words}


def _all_words(table: dict[str, Any]) -> list[str]:
    return [w for lang, ws in table.items() if not lang.startswith("_") for w in ws]


#: A municipality form's place, and what parentheses after it say of it: its own name or
#: its country ("Lešos (Lesja) savivaldybės").
_PLACE = rf"(?P<place>[{UPPER}][\w'’]*(?:[ -][{UPPER}][\w'’]*){{0,2}})(?:\s*\([^()]{{2,40}}\))?"


@cache
def lexicon() -> Lexicon:
    """The lexicon (read once; its patterns are compiled when first asked for)."""
    return Lexicon(read_data("lexicon.json"))


def _words_of(phrases: Iterable[str], common: Iterable[str] = ()) -> WordCheck:
    """A quick check: any of the phrases' distinctive words (not "of", "the"…)."""
    skip = {c.casefold() for c in common}
    return WordCheck(
        w for phrase in phrases for w in phrase.split() if w and w.casefold() not in skip
    )


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=64)
def _lower_words(text: str) -> frozenset[str]:
    """The words of a text in small letters (cached: each check reads the same sentence)."""
    return frozenset(w.lower() for w in _WORD_RUN.findall(text))


class WordCheck:
    """Whether a text holds any of some words, whole and in any case: the text's words
    looked up in a set (a regular expression of many words' alternation tried at each
    place of each sentence cost more). A word with other characters than letters and
    digits is matched by a pattern."""

    def __init__(self, words: Iterable[str]) -> None:
        words = set(words)
        plain = {w for w in words if _WORD_RUN.fullmatch(w)}
        self._plain = frozenset(w.lower() for w in plain)
        other = sorted(words - plain)
        self._other = (
            re.compile(rf"(?<!\w)(?:{_alternation([re.escape(w) for w in other])})(?!\w)", re.I)
            if other
            else None
        )

    def found_in(self, text: str) -> bool:
        if not self._plain.isdisjoint(_lower_words(text)):
            return True
        return self._other is not None and self._other.search(text) is not None


_LIST_PLACE = rf"[{UPPER}][\w'’-]+(?:[ -][{UPPER}][\w'’-]+)?"
#: A place of a list, with what the text says of it in parentheses: its country or its
#: own name ("Marijampolės (Lietuva) ir Lešos (Lesja) savivaldybių").
_LIST_ITEM = rf"{_LIST_PLACE}(?:\s*\([^()]{{2,40}}\))?"


def _list_patterns(raw: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str], dict[str, str]], ...]:
    """Lists of places with a plural municipality word after, before, or (in parentheses)."""
    conj = _alternation([re.escape(c) for c in raw["list_conjunctions"]])
    out = []
    for lang, forms in raw["municipality_lists"].items():
        if lang.startswith("_"):
            continue
        qualifiers = raw.get("municipality_list_qualifiers", {}).get(lang, [])
        item = _LIST_ITEM
        if qualifiers:  # "Akmenės rajono": a territorial genitive after the place
            qualified = rf"(?:\s+(?:{_alternation([re.escape(q) for q in qualifiers])}))?"
            item = rf"{_LIST_PLACE}{qualified}(?:\s*\([^()]{{2,40}}\))?"
        items = rf"{item}(?:\s*,\s*{item})*(?:\s*,?\s+(?:{conj})\s+{item})?"
        words = _alternation([re.escape(f) for f in forms])
        after = rf"(?<![\w-])(?P<list>{items})\s+(?P<form>{words})(?![\w-])"
        before = rf"(?<![\w-])(?P<form>{words})\s+\(?(?P<list>{items})\)?"
        out.append((lang, re.compile(after), dict(forms)))
        out.append((lang, re.compile(before), dict(forms)))
    return tuple(out)


def _either_case(words: str) -> str:
    """A form's words as a pattern whose words may open in either case ("Município de"
    and "o município de", "Primăria municipiului")."""
    return re.sub(
        r"(?<!\w)([^\W\d_])",
        lambda m: f"[{m.group(1).upper()}{m.group(1).lower()}]",
        re.escape(words),
    )


def _municipality_pattern(forms: list[tuple[str, str]]) -> re.Pattern[str]:
    """One pattern; the group name ``place_<lang>_<n>`` tells which language's form matched.
    A language's forms that open with the place are one alternative, the place read once
    and the words after it tried longest first ("X novada pašvaldības" before "X novada")."""
    alternatives: list[tuple[str, str | None]] = []  # (language, form or None: its tails)
    tails: dict[str, list[str]] = {}
    for lang, form in forms:
        if form.startswith(_PLACE):
            if lang not in tails:
                tails[lang] = []
                alternatives.append((lang, None))
            tails[lang].append(form[len(_PLACE) :])
        else:
            alternatives.append((lang, form))
    place = _PLACE[len("(?P<place>") :]
    numbered = []
    for i, (lang, written) in enumerate(alternatives):
        if written is None:
            ends = "|".join(sorted(tails[lang], key=len, reverse=True))
            numbered.append(f"(?P<place_{lang}_{i}>{place}(?:{ends})")
        else:
            numbered.append(written.replace("(?P<place>", f"(?P<place_{lang}_{i}>"))
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{f})" for f in numbered) + r")(?!\w)")


def organisation_type(name: str) -> str | None:
    """The type an organisation's name tells: the type of its first head word.

    >>> organisation_type("Stave Centre for Work and Competencies in Trondheim Municipality")
    'other'
    >>> organisation_type("Latvian Trade Union of Education and Science Employees")
    'union'
    >>> organisation_type("HØGSKULEN I VOLDA"), organisation_type("Lørenskog kommune")
    ('university', 'municipality')
    """
    found = [
        next(k for k, v in m.groupdict().items() if v is not None)
        for m in lexicon().type_finder.finditer(name)
    ]
    if not found:
        return None
    # a union word anywhere outranks the association word before it ("Rada OPZZ …")
    return "union" if found[0] == "association" and "union" in found else found[0]
