"""Lemmas (simplemma, offline, data shipped in the package) and the organisation head nouns
keyed on them, so an inflected or lower-case head word is known in any case form:
"savivaldybių" and "savivaldybei" are both "savivaldybė", "Związkiem" is "związek".

The head nouns are one closed list per type (``organisation_head_lemmas`` in
``lexicon.json``): institution nouns in the languages the grants reach, each written as
its lemma.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .lexicon import lexicon, town_word_stems

if TYPE_CHECKING:
    from simplemma import Lemmatizer
    from simplemma.strategies import DictionaryLookupStrategy

__all__ = [
    "comma_below",
    "compound_head_type",
    "head_lemma_type",
    "head_noun_base",
    "is_function_word",
    "is_job",
    "is_known_word",
    "is_town_word",
    "is_verb_form",
    "job_titles",
    "lemma",
    "names_what_follows",
    "writes_compounds",
]

#: The document languages partnergraph tells apart → simplemma's language codes
#: (Croatian is in its Serbo-Croatian dictionary, "hbs").
_SIMPLEMMA = {"no": "nb", "nn": "nn", "nb": "nb", "hr": "hbs"}
_SUPPORTED = frozenset(
    "bg cs da de el en es et fi fr hbs hu is it lt lv nb nl nn pl pt ro ru sk sl sv uk".split()
)


def _code(language: str) -> str | None:
    code = _SIMPLEMMA.get(language, language)
    return code if code in _SUPPORTED else None


@lru_cache(maxsize=1 << 17)
def lemma(word: str, language: str) -> str:
    """The lemma of ``word``, case-folded first, in ``language`` (simplemma's form: a proper
    name's lemma is capitalised, "Rīga", and a Greek one keeps its final sigma, "δήμος",
    which case-folded tables hold as "δήμοσ"); the folded word itself when the language or
    the word is unknown.

    >>> lemma("savivaldybių", "lt"), lemma("Związkiem", "pl"), lemma("kommunene", "no")
    ('savivaldybė', 'związek', 'kommune')
    """
    folded = _folded(word)
    code = _code(language)
    if code is None or not folded.isalpha():
        return folded
    return str(_simplemma().lemmatizer.lemmatize(folded, code))


def _folded(word: str) -> str:
    """``word`` case-folded as the dictionaries write it: Romanian with the comma below,
    and a Greek final sigma kept final ("ς": case-folding makes it "σ", which no
    dictionary entry ends in, so "οργανώσεις" was read as the verb "οργανώνω")."""
    folded = comma_below(word.casefold())
    if folded.endswith("σ") and word[-1:] in "ςΣ":
        folded = folded[:-1] + "ς"
    return folded


_COMMA_BELOW = str.maketrans("şţŞŢ", "șțȘȚ")


def comma_below(text: str) -> str:
    """Romanian "ş" and "ţ", as often written with a cedilla as with the comma below the
    dictionaries use, with the comma ("organizaţia" is "organizația")."""
    return text.translate(_COMMA_BELOW)


@lru_cache(maxsize=1 << 16)
def is_known_word(word: str, language: str) -> bool:
    """Whether ``word`` is a common word of ``language`` (in simplemma's dictionary)."""
    code = _code(language)
    if code is None or not word.isalpha():
        return False
    form = unicodedata.normalize("NFC", _folded(word))  # (the dictionaries' form)
    return _simplemma().lookup.get_lemma(form, code) is not None


class _Simplemma(NamedTuple):
    lemmatizer: Lemmatizer
    lookup: DictionaryLookupStrategy


@cache
def _simplemma() -> _Simplemma:
    """simplemma's low-memory lemmatiser and dictionary look-up over one dictionary cache
    that holds every language asked for. simplemma's own shared cache keeps eight: a
    document naming many countries asks more languages than that (``_written_abroad``),
    and each language let go was decoded again when next asked (0.2–3.5 s each: Polish
    3.5 s)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import (
        DefaultStrategy,
        DictionaryLookupStrategy,
        StreamDictionaryFactory,
    )

    factory = StreamDictionaryFactory(cache_max_size=len(_SUPPORTED))
    strategy = DefaultStrategy(greedy=False, dictionary_factory=factory)
    lemmatizer = Lemmatizer(lemmatization_strategy=strategy)
    return _Simplemma(lemmatizer, DictionaryLookupStrategy(factory))


def is_common_word(word: str, language: str) -> bool:
    """Whether ``word`` is a common word of ``language``: a known word whose lemma is no
    proper name (simplemma's dictionaries give a place its capital: "Rīgas" → "Rīga",
    "Brna" → "Brno", while "Most" → "most").

    >>> is_common_word("Most", "cs"), is_common_word("Rīgas", "lv")
    (True, False)
    """
    return is_known_word(word, language) and not lemma(word, language)[:1].isupper()


@cache
def _function_words(language: str) -> frozenset[str]:
    import stopwordsiso

    code = "no" if language in ("nb", "nn") else language
    listed = stopwordsiso.stopwords(code) if stopwordsiso.has_lang(code) else set()
    return frozenset({*listed, *lexicon().raw["function_words"].get(code, ())})


def is_function_word(word: str, language: str) -> bool:
    """Whether ``word`` is a function word of ``language`` (stopwordsiso's lists: "dnes",
    "tiež", "също", and the lexicon's ``function_words`` they lack: "wraz"), which never
    belongs to an organisation's name."""
    return word.casefold() in _function_words(language)


def names_what_follows(cue: str, language: str) -> bool:
    """Whether a cue (a phrase) of two words or more ends in a preposition, connector or short
    function word ("organised by", "representatives of")."""
    lex = lexicon()
    words = cue.split()
    last = words[-1].casefold() if words else ""
    # a connector or preposition of the lexicon, or a short function word ("by", "av";
    # stopwordsiso's lists hold longer words too: "part" of "took part")
    short = len(last) <= 3 and (is_function_word(last, language) or is_function_word(last, "en"))
    return len(words) >= 2 and (last in lex.connectors or last in lex.prepositions or short)


@cache
def _verb_endings(language: str) -> tuple[str, ...]:
    table = lexicon().raw["head_initial_complements"]["verb_lemma_endings"]
    return tuple(table.get(language, ()))


def is_verb_form(word: str, language: str) -> bool:
    """Whether ``word`` is an inflected form of a verb, told by its lemma's infinitive
    ending ("podpořilo" → "podpořit", "podpísalo" → "podpísať"); False in a language whose
    verb lemmas have no such ending. Where the lemma's ending does not tell a verb, a
    verb form's own ending may ("подписаха" → "подпиша": ``verb_form_endings``)."""
    endings, forms = _verb_endings(language), _verb_form_endings(language)
    if not endings and not forms:
        return False
    base, folded = lemma(word, language), word.casefold()
    if base == folded:
        return False
    return base.endswith(endings) or (bool(forms) and folded.endswith(forms))


@cache
def _verb_form_endings(language: str) -> tuple[str, ...]:
    table = lexicon().raw["head_initial_complements"]["verb_form_endings"]
    return tuple(table.get(language, ()))


@cache
def _heads() -> dict[str, str]:
    table = lexicon().raw["organisation_head_lemmas"]
    return {
        word.casefold(): org_type
        for org_type, words in table.items()
        if not org_type.startswith("_")
        for word in words
    }


@cache
def _plural_heads(language: str) -> dict[str, str]:
    return dict(lexicon().raw["plural_head_nouns"].get(language, {}))


def head_noun_base(word: str, language: str) -> str:
    """The base form of a head noun: its lemma, or the plural a body is named by where the
    lemmatiser gives a singular (``plural_head_nouns``: "rūmų" → "rūmai", not "rūmas")."""
    base = lemma(word, language)
    return _plural_heads(language).get(base.casefold(), base)


@lru_cache(maxsize=1 << 16)
def head_lemma_type(word: str, language: str) -> str | None:
    """The organisation type whose head noun ``word`` is, in any case form, or None.

    >>> head_lemma_type("institutas", "lt"), head_lemma_type("výboru", "cs")
    ('other', 'association')
    >>> head_lemma_type("Δήμου", "el")
    'municipality'
    >>> head_lemma_type("regioninių", "lt") is None
    True
    """
    if len(word) < 3 or not word.isalpha():
        return None
    heads = _heads()
    folded = word.casefold()
    if folded in job_titles():
        return None  # "Minister" is a person's office ("Ministerul"'s lemma only in Romanian)
    # (the table is case-folded; a lemma may not be: Greek "δήμος" folds to "δήμοσ")
    found = heads.get(folded) or heads.get(head_noun_base(word, language).casefold())
    if found is None and language != "en":
        english = lemma(word, "en")
        # an English plural is a kind of body, not one ("Companies", "Care Services")
        found = heads.get(english) if english == folded or folded[-1:] != "s" else None
    elif found is not None and language == "en" and folded not in heads and folded[-1:] == "s":
        found = None
    return found


def is_town_word(word: str, language: str) -> bool:
    """Whether ``word`` (as written or by its lemma) is one any country's town or
    municipality is called by ("mieście", "městem", "pilsētā", "city":
    :func:`~.lexicon.town_word_stems`)."""
    stems = town_word_stems()
    return word.casefold().startswith(stems) or lemma(word, language).startswith(stems)


@cache
def job_titles() -> frozenset[str]:
    """Offices held by people (``job_title_lemmas``), as lemmas and case-folded (Greek
    "δήμαρχος" folds to "δήμαρχοσ"): a word written as one is no head noun."""
    words = lexicon().raw["job_title_lemmas"]["lemmas"]
    return frozenset(words) | frozenset(w.casefold() for w in words)


def is_job(word: str, language: str) -> bool:
    """An office held by a person ("Mayor", "ředitel", "кмет"), as written or by its lemma."""
    return word.casefold() in job_titles() or lemma(word, language) in job_titles()


#: Endings of a definite singular form, by language ("instituttet", "stofnunin"): what is
#: left is the indefinite form, when the lemmatiser does not know the compound.
_DEFINITE = {"no": ("et", "en", "a"), "is": ("inn", "in", "ið", "nn", "n"), "de": (), "et": ()}
#: Endings of a plural form: a plural is a kind of body ("Bibliotekene"), not one.
_PLURAL = {
    "no": ("ene", "ane", "er"),
    "is": ("ar", "ir", "ur", "arnir", "irnar"),
    "de": (),
    "et": ("d", "de", "dega", "des", "dest", "del", "dele", "id", "ide", "sid"),  # "ülikoolid"
}
#: Case endings a compound's lemma the lemmatiser does not know is found under (after
#: them, a stem's vowel): Estonian writes its cases as endings ("Keskkonnaametiga", with
#: the Environmental Board; "Tallinna Linnavalitsust").
_CASE_ENDINGS = {
    "et": ("ga", "sse", "st", "s", "le", "lt", "l", "ks", "ni", "na", "ta", "t", "i", "e")
}


def writes_compounds(language: str) -> bool:
    """Whether ``language`` writes a body's head noun as the last part of one word
    ("kommuneforbund", "forskningsråd"): the lexicon has its compounds' heads."""
    return language in _compound_heads()


@cache
def _compound_heads() -> dict[str, tuple[tuple[str, str], ...]]:
    table = lexicon().raw["compound_head_lemmas"]
    return {
        language: tuple(sorted(heads.items(), key=lambda kv: -len(kv[0])))
        for language, heads in table.items()
        if not language.startswith("_")
    }


@cache
def _stems() -> re.Pattern[str]:
    """The heads' stems (a head less its last two letters, at least three): any form of a
    word that ends in a head ("museet", "háskóla", "sjóðs") holds one."""
    stems = {
        tail[: max(3, len(tail) - 2)] for heads in _compound_heads().values() for tail, _ in heads
    }
    return re.compile("|".join(sorted(map(re.escape, stems), key=lambda s: (-len(s), s))))


@lru_cache(maxsize=1 << 14)
def compound_head_type(word: str) -> str | None:
    """The organisation type of a capitalised one-word name that ends in a head noun
    ("Arbeidsinstituttet", "Miljødirektoratet", "Orkustofnun"), in any of the languages
    that write compounds as one word, or None.

    >>> compound_head_type("Miljødirektoratet"), compound_head_type("Orkustofnun")
    ('agency', 'agency')
    >>> compound_head_type("Bibliotekene") is None, compound_head_type("Direktoratet") is None
    (True, True)
    """
    if len(word) < 7 or not word.isalpha() or not word[:1].isupper() or word.isupper():
        return None
    folded = word.casefold()
    if not _stems().search(folded, 2):
        return None  # no head's stem in it: no language's dictionary is loaded to say so
    for language, heads in _compound_heads().items():
        plural = folded.endswith(_PLURAL[language]) and (
            language in _CASE_ENDINGS or lemma(word, language).casefold() != folded
        )
        if plural and not any(folded.endswith(tail) for tail, _type in heads):
            continue  # "Bibliotekene"; but "Hjemmesenter" ends in its head, not a plural
        forms = {lemma(word, language).casefold(), folded}
        forms |= {folded[: -len(end)] for end in _DEFINITE[language] if folded.endswith(end)}
        for end in _CASE_ENDINGS.get(language, ()):
            if folded.endswith(end):  # "Keskkonnaametiga", "Linnavalitsust": the stem
                stem = folded[: -len(end)]
                forms |= {stem, stem[:-1]} if stem[-1:] in "aeiu" else {stem}
        for tail, org_type in heads:
            if any(f.endswith(tail) and len(f) - len(tail) >= 3 for f in forms):
                return org_type
    return None
