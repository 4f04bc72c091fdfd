"""Sentences with their offsets in the document, and evidence spans inside them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import UPPER
from ..model import Evidence

__all__ = [
    "BULLET_START",
    "CAP",
    "ENGLISH_MONTHS",
    "MONTH_NAMES",
    "QUOTED",
    "Sentence",
    "has_quote",
    "is_speech",
    "quotations",
    "sentences",
    "span_evidence",
]

_SENTENCE_END = re.compile(rf"(?<=[.!?…])(?P<close>[\"”»')]?)\s+(?=[\"„“«(–—-]?[{UPPER}0-9])")


CAP = re.compile(rf"^[{UPPER}0-9]")

#: English month names, January first.
ENGLISH_MONTHS = (
    "january february march april may june july august september october november december"
).split()

#: Names of months and days English capitalises: after "in" or "on" they end a name, not
#: go on with it ("… Centre in May", "… Centre on Monday", "the project X in May").
MONTH_NAMES = frozenset(
    [*ENGLISH_MONTHS, *"monday tuesday wednesday thursday friday saturday sunday".split()]
)


#: A quoted title: in „…“, “…”, «…», ‘…’ or "…", and the Slovene and Croatian »…« (a »
#: opens only where a « closes it).
QUOTED = re.compile(r"(?:[„“\"«‘']|»(?=\S[^«»]{2,199}«))([^„“”\"«»‘’']{3,200})[”“\"»’'«]")
_QUOTE_MARK = re.compile("[„“\"«‘'”»]")


def has_quote(text: str) -> bool:
    """Whether ``text`` holds a mark a quotation may open with (a quick test before the
    patterns of quoted names)."""
    return _QUOTE_MARK.search(text) is not None


@lru_cache(maxsize=64)
def quotations(text: str) -> tuple[re.Match[str], ...]:
    """The quotations of ``text`` (matches of :data:`QUOTED`), found once: several readers
    of a sentence ask for them."""
    return tuple(QUOTED.finditer(text)) if has_quote(text) else ()


#: The fewest words of a quotation that ends on a stop or comma to be speech, not a title.
_SPEECH_WORDS = 8


def is_speech(quotation: re.Match[str]) -> bool:
    """Whether a quotation is someone's words, not a title: eight words or more that end
    on a stop or a comma inside the quotation marks ("«Me rõõmustame … raames,» lisas
    suursaadik"); names inside it are names."""
    words = quotation.group(1).split()
    return len(words) >= _SPEECH_WORDS and words[-1][-1:] in ".,!?…"


@dataclass(frozen=True)
class Sentence:
    """A sentence of the document with its offsets."""

    start: int
    end: int
    text: str


_LINE = re.compile(r"[^\n]+")
_LAST_WORD = re.compile(r"([\w.]+)[.]?[\"”»']?$")
#: longer than any abbreviation or initial: a word cut by the window is neither
_LONGEST_WORD = 64


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences (paragraph breaks always end one).

    >>> [s.text for s in sentences("One here. Two there.\\nThree")]
    ['One here.', 'Two there.', 'Three']
    """
    out: list[Sentence] = []
    for para in _LINE.finditer(text):
        base = para.start()
        chunk = para.group()
        pos = 0
        for m in _SENTENCE_END.finditer(chunk):
            if _abbreviation_before(chunk, m.start()):
                continue  # "Prof. Nowak", "J. Smith", "ul. Długa": no sentence ends there
            if _ORDINAL.search(chunk, max(0, m.start() - _LONGEST_WORD), m.start()):
                continue  # "se v Praze uskutečnilo 4. Výroční zasedání": an ordinal
            if _DATE_GOES_ON.match(chunk, m.end()) and _DAY_OR_MONTH.search(
                chunk, max(0, m.start() - 3), m.start()
            ):
                continue  # "29. 5. 2018", "29. – 30. 5.": a date written in numbers
            opening = BULLET_START.sub("", chunk[pos : m.start()].strip())
            if _DATE_OPENING.fullmatch(opening):
                continue  # "2006 m. rugsėjo 29 d. Marijampolėje …": a date opens it
                # (a list item's too: "• 2006 m. gegužės 12 d. Marijampolėje …")
            # (a closing quotation mark or bracket after the stop is the sentence's: "…
            # the project “Building partnership for a green future!” The visit …")
            _add(out, base, chunk, pos, m.end("close"))
            pos = m.end()
        _add(out, base, chunk, pos, len(chunk))
    return out


#: Abbreviations a capitalised word follows without a sentence ending: titles, "street",
#: "number", "saint", in the languages of the grants (folded, without the period).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st nr nos vs approx dept jr sr capt mgr inż inz hab doc ul tzw np "
    "ing phdr rndr judr mudr bc mag doz univ sv str".split()
)


#: A date that opens a sentence and ends on an abbreviated word after a number ("2006 m.
#: rugsėjo 29 d.", "2023 r.", "4 май 2023 г."), a short word or two before it ("На
#: 8.12.2016 г.", "W dniu 5 września 2021 r."): no sentence of its own.
_DATE_OPENING = re.compile(
    r"(?:[^\W\d_]{1,5}\s+){0,2}(?:\d[\w.\s–-]{0,40}?\d\s*[^\W\d_]{1,2}\.|\d{1,4}\s*[^\W\d_]{1,2}\.)"
)


#: A list item's bullet or number at the start of a line.
BULLET_START = re.compile(r"^\s*(?:[•·▪●◦*–-]|\d{1,2}[.)])\s*")


#: A number of one or two digits with its period after a word in small letters: an ordinal
#: in the languages that write "4." for "4th" ("uskutečnilo 4. Výroční zasedání", "ble
#: holdt 3. Nordiske"), not a sentence's end.
_ORDINAL = re.compile(r"(?<![\w.,])[^\W\d_]*[^\W\d_A-Z]\s+\d{1,2}\.$")


#: A day's or a month's number and its period, the number's own (not a year's, nor a
#: decimal's part): what a date written in numbers with spaces has before its next number.
_DAY_OR_MONTH = re.compile(r"(?<![\d.,])\d{1,2}\.$")
#: What follows it then: the month's number and its period, or the year.
_DATE_GOES_ON = re.compile(r"\d{1,2}\.|(?:19|20)\d{2}(?!\d)")


def _abbreviation_before(chunk: str, end: int) -> bool:
    """Whether the word before a period at ``end`` is an abbreviation or an initial."""
    # the last word only: a window of the text before (searching the whole of it again at
    # every period took time growing with the square of a paragraph's length)
    word = _LAST_WORD.search(chunk[max(0, end - _LONGEST_WORD) : end])
    if word is None:
        return False
    token = word.group(1).rstrip(".")
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return token.casefold() in _ABBREVIATIONS


def _add(out: list[Sentence], base: int, chunk: str, start: int, end: int) -> None:
    piece = chunk[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        out.append(Sentence(base + start + lead, base + start + lead + len(piece), piece))


def span_evidence(sent: Sentence, a: int, b: int) -> Evidence:
    return Evidence(sent.start + a, sent.start + b, sent.text)
