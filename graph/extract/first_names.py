"""Given names of the grants' countries, as a gazetteer: how the reader tells a person
("Gunhild Løhre", "Katarzyna Maria Wieczorek") from a body whose name has no head word
("Holes Distinkt", "Arvoll Grand"). Persons are not organisations, even where a page lists
them among a project's partners.

The shipped table (``graph/data/first_names.json``) is taken from Faker's person providers
(MIT licence) for the languages of the donor and beneficiary states and their neighbours,
and is rebuilt by

    pip install faker
    python -m partnergraph.graph.extract.first_names OUT_JSON

(``OUT_JSON``: ``graph/data/first_names.json`` of the source tree.) Faker is needed only
to rebuild the table, never to read documents.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from .lexicon import read_data

__all__ = [
    "LOCALES",
    "build",
    "first_names",
    "is_declined_given_name",
    "is_first_name",
    "main",
    "person_name_words",
]  # fmt: skip

_FILE = "first_names.json"

#: Faker's locales whose given names the table holds: the donor and beneficiary states'
#: languages, and those of the neighbours whose people the documents name.
LOCALES = (
    "bg_BG", "cs_CZ", "da_DK", "de_AT", "de_DE", "de_LI", "el_GR", "en_GB", "en_US",
    "es_ES", "et_EE", "fi_FI", "fr_FR", "hr_HR", "hu_HU", "is_IS", "it_IT", "lt_LT",
    "lv_LV", "nl_NL", "no_NO", "pl_PL", "pt_PT", "ro_RO", "sk_SK", "sl_SI", "sv_SE",
)  # fmt: skip
_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
#: A given name as the table keeps it: a capital, then small letters (hyphens between).
_SHAPE = re.compile(r"[^\W\d_][^\W\d_'’-]*")


def build(locales: tuple[str, ...] = LOCALES) -> dict[str, Any]:
    """The table of the given names Faker's person providers of ``locales`` hold."""
    names: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in _ATTRIBUTES:
            found = getattr(provider, attribute, None) or ()
            names.update(n for n in found if _SHAPE.fullmatch(n) and n[:1].isupper())
    return {
        "_source": "Given names of Faker's person providers (github.com/joke2k/faker, MIT "
        "licence) for the locales " + ", ".join(locales) + ". Built by partnergraph.graph."
        "extract.first_names; data, not code.",
        "names": sorted(names),
    }


@cache
def first_names() -> frozenset[str]:
    """Every given name of the shipped table, as written ("Gunhild", "Katarzyna")."""
    try:
        return frozenset(read_data(_FILE)["names"])
    except FileNotFoundError:
        return frozenset()


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a given name, written with its capital ("Anna", not "anna")."""
    return word in first_names()


#: The endings of a given name's instrumental and dative in the languages that decline
#: names (Czech "Janem", "Annou", "Janovi", Polish "Anną", "Janowi", Slovak "Jánom",
#: Lithuanian "Jonu", "Jonui", Latvian "Jānim"): the cases a person stands in after the
#: body they speak for ("s předsedou kraje … Jonem Aasenem"). Not the genitive, in which a
#: body is named after a person ("Uniwersytet Adama Mickiewicza"). Longest first.
_CASE_ENDINGS = {
    lang: tuple(sorted(endings.split(), key=len, reverse=True))
    for lang, endings in {
        "cs": "em ovi ou ě", "sk": "om ovi ou", "pl": "em owi ą", "sl": "om em u",
        "hr": "om em u", "lt": "u ui a ai", "lv": "am im ai",
    }.items()
}  # fmt: skip
#: The endings its base form may have after the stem ("Jan", "Anna", "Jonas", "Jānis").
_BASE_ENDINGS = ("", "a", "as", "is", "us", "ys", "s", "e")


def is_declined_given_name(word: str, language: str) -> bool:
    """Whether ``word`` is a given name in its instrumental or dative, in a language that
    declines names (:data:`_CASE_ENDINGS`): "Jonem" is Jon's, "Hilmarem" Hilmar's, "Annou"
    Anna's; a name as the table has it ("Jan") is not."""
    names = first_names()
    if word in names:
        return False
    for ending in _CASE_ENDINGS.get(language, ()):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            if any(stem + base in names for base in _BASE_ENDINGS):
                return True
    return False


def person_name_words(words: list[str]) -> bool:
    """Whether ``words`` are shaped like a person's name: two to four words, the first a
    given name, the others capitalised words or initials ("Kristinn R. Olafsson"), a
    surname maybe double ("Skłodowska-Curie"). Whether those words are common words, head
    nouns or places is the caller's to tell."""
    if not 2 <= len(words) <= 4 or not is_first_name(words[0]):
        return False
    for word in words[1:]:
        initial = len(word) == 2 and word[0].isupper() and word[1] == "."
        parts = word.split("-")
        named = all(p[:1].isupper() and p.isalpha() and not p.isupper() for p in parts)
        if not (initial or named):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m partnergraph.graph.extract.first_names OUT_JSON", file=sys.stderr)
        return 2
    try:
        table = build()
    except ImportError:
        print("error: Faker is not installed (pip install faker)", file=sys.stderr)
        return 1
    text = json.dumps(table, ensure_ascii=False, indent=0) + "\n"
    Path(args[0]).write_text(text, encoding="utf-8")
    print(f"{len(table['names'])} given names written to {args[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
