"""The project a news item is about (a number, a named or quoted title), and a project
that continues an earlier one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..facts import PROJECT_NUMBER, cost_cues
from ..gazetteer import country_of_form, find_cities
from ..lemmas import head_lemma_type, is_common_word
from ..lexicon import UPPER, Lexicon, clause_openers, lexicon, organisation_type
from ..model import Evidence, Money, Project
from ..money import find_amounts
from .sentences import MONTH_NAMES, QUOTED, Sentence, has_quote, span_evidence

__all__ = [
    "find_continuation",
    "find_costs",
    "find_named_project",
    "find_other_project",
    "project_titles",
    "same_project_name",
]

_PAREN_ID = re.compile(r"\((\d{4}/\d{2,}|[A-Z0-9]+(?:[-/][A-Z0-9]+)+)\)")


#: How far (characters) after a cost's word its amount may stand ("… wartość projektu to
#: 141 912,32 €", "a grant amounting to BGN 2 million").
_COST_REACH = 40
_DIGITS = re.compile(r"\d")


def find_costs(sent: Sentence, lex: Lexicon) -> list[Money]:
    """Costs a sentence about a project states: an amount shortly after a cost label's
    words ("The total eligible cost of the project is …", "Całkowita wartość projektu to
    …", "received a grant amounting to …"), of the kind the label names. A sentence that
    names no project (by the lexicon's project words) states none."""
    if _DIGITS.search(sent.text) is None or not lex.project_words.search(sent.text):
        return []
    amounts = find_amounts(sent.text)
    if not amounts:
        return []
    out: list[Money] = []
    taken: set[int] = set()
    cues = sorted(
        (m.end(), kind) for pattern, kind in cost_cues() for m in pattern.finditer(sent.text)
    )
    starts = [a for _amount, _currency, a, _b in amounts]  # in reading order
    for end, kind in cues:
        k = bisect_left(starts, end)  # the first amount after the cue's words
        if k == len(amounts):
            continue
        amount, currency, a, b = amounts[k]
        if a not in taken and a - end <= _COST_REACH and not _DIGITS.search(sent.text, end, a):
            taken.add(a)
            ev = Evidence(sent.start + a, sent.start + b, sent.text)
            out.append(Money(amount, currency, kind, sent.text[a:b], ev))
    return out


def find_continuation(sent: Sentence, lex: Lexicon) -> Project | None:
    cue = lex.continuation.search(sent.text)
    if not cue:
        return None
    tail = sent.text[cue.end() : cue.end() + 300]
    quoted = QUOTED.search(tail)
    ident = _PAREN_ID.search(tail) or PROJECT_NUMBER.search(tail)
    if not quoted and not ident:
        return None
    name = quoted.group(1).strip() if quoted else None
    number = (
        ident.group(1) if ident and ident.re is _PAREN_ID else (ident.group() if ident else None)
    )
    key = number or f"name:{name}"
    start = sent.start + cue.start()
    return Project(key=key, name=name, number=number, evidence=Evidence(start, sent.end, sent.text))


_PROJECT_WORD = (
    r"(?:prosjekt(?:et)?|projects?|projekt\w*|projekta|projekto|проект\w*|proiect\w*"
    r"|proje(?:c)?tos?|proyectos?|έργ(?:ο|ου))"
)


_PROGRAMME_WORD = r"(?:programm\w*|program\w*|programas|programos)"


_NAMED_WORDS = r"named|called|titled|entitled|pod nazwą|ar nosaukumu"


#: A lower-case word (Latin, Cyrillic or Greek letters) that says what kind a project is.
_KIND_WORD = r"(?-i:[a-zà-öø-ÿā-žа-яα-ω][\w-]{2,24})"


_QUOTED_NAME = r"(?:[„“\"«‘”]|»(?=\S[^«»]{2,399}«))\s*(?P<name>[^„“”\"«»]{3,400}?)\s*[”“\"»’«]"


_NAMED_PROJECT = (
    # project "Name" / w ramach projektu „Name” / prosjektet «Name» / the project we
    # discussed is titled "Name" (a few words between the project word and its naming one)
    re.compile(
        rf"(?i:{_PROJECT_WORD})\s*(?:(?:[^\W\d_]+\s+){{0,3}}?(?i:{_NAMED_WORDS})\s*)?[:–-]?\s*"
        + _QUOTED_NAME
    ),
    # o projeto pré-definido “Name” / projekt predefiniowany „Name”: a lower-case word
    # (what kind of project) between
    re.compile(rf"(?i:{_PROJECT_WORD})\s+{_KIND_WORD}\s*{_QUOTED_NAME}"),
    # Projekt Samorządu Powiatu Wejherowskiego: „Name”: the owner's name between
    re.compile(
        rf"(?i:{_PROJECT_WORD})\s+[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*){{0,5}}\s*[:–—-]?\s*"
        + _QUOTED_NAME
    ),
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


_PROJECT_HINTS = (
    "prosjekt", "project", "projekt", "проект", "proiect", "program", "projeto", "projecto",
    "proyecto", "έργ",
)  # fmt: skip


def find_named_project(sent: Sentence, language: str = "en") -> tuple[Project, bool] | None:
    """A project a news item names: a project number, or a name after "the project"; or,
    where no project's is, a programme's quoted name (then the flag is true)."""
    number = PROJECT_NUMBER.search(sent.text)
    if number:
        project = Project(
            key=number.group(),
            name=None,
            number=number.group(),
            evidence=span_evidence(sent, number.start(), number.end()),
        )
        return project, False
    if not _hinted(sent.text):
        return None  # no project or programme word: nothing more to look for
    named = _by_name(sent, unquoted=True, language=language)
    if named is not None:
        return named, False
    m = _NAMED_PROJECT[-1].search(sent.text)
    return (_named(sent, m), True) if m else None


def project_titles(text: str) -> list[tuple[int, int]]:
    """Where quoted names of projects and programmes stand (after their word): what is
    inside is a title, not a body's name nor a place ("projekta “Zaļās pilsētas”",
    "projektu „Zielone Miasto Gdańsk”")."""
    if not has_quote(text) or not _hinted(text):
        return []
    patterns = (_NAMED_PROJECT[0], _NAMED_PROJECT[1], _NAMED_PROJECT[-1])
    return [m.span("name") for pattern in patterns for m in pattern.finditer(text)]


def find_other_project(sent: Sentence) -> Project | None:
    """Another project a news item names after its own: only a quoted name after a
    project word or a name after a naming cue ("har navnet …"), not a bare number (a
    programme's code looks like one) or an unquoted capitalised run."""
    return _by_name(sent, unquoted=False) if _hinted(sent.text) else None


def _hinted(text: str) -> bool:
    """Whether a project's or programme's word is in ``text`` (a quick test)."""
    lowered = text.casefold()
    return any(word in lowered for word in _PROJECT_HINTS)


def _by_name(sent: Sentence, *, unquoted: bool, language: str = "en") -> Project | None:
    """The project a sentence names: a quoted name after the project word, else a name
    after a naming cue, else (if ``unquoted``) an unquoted name after the project word."""
    if _hinted(sent.text):  # (each pattern holds a project word)
        for pattern in _NAMED_PROJECT[:-1]:
            m = pattern.search(sent.text)
            if m:
                return _named(sent, m)
    found = _title_after_cue(sent.text) or (
        _unquoted_name(sent.text, language) if unquoted else None
    )
    if found is None:
        return None
    a, b = found
    name = sent.text[a:b]
    return Project(key=f"name:{name}", name=name, number=None, evidence=span_evidence(sent, a, b))


def same_project_name(a: Project, b: Project) -> bool:
    """Two names of one project, told apart only by case or punctuation ("Wisła wciąga"
    and "Wisła wciąga!")."""
    return bool(a.name and b.name) and _folded(a.name or "") == _folded(b.name or "")


def _folded(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


def _named(sent: Sentence, m: re.Match[str]) -> Project:
    name = m.group("name").strip().rstrip(".,;")
    return Project(
        key=f"name:{name}",
        name=name,
        number=None,
        evidence=span_evidence(sent, m.start("name"), m.end("name")),
    )


@cache
def _cued_titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A naming cue before a capitalised word ("har navnet Partnership of …", "s názvem
    Zelené město"), or the project word before one; and a comma before a clause."""
    raw = lexicon().raw
    cues = sorted((w for k, ws in raw["project_name_cues"].items() if k[0] != "_" for w in ws),
                  key=len, reverse=True)  # fmt: skip
    openers = clause_openers()
    start = rf"(?<![\w-])(?:(?P<cue>(?i:{'|'.join(cues)}))|(?i:{_PROJECT_WORD}))\s+(?=[{UPPER}])"
    clause = rf",\s+(?i:{'|'.join(openers)})(?!\w)"
    return re.compile(start), re.compile(clause)


#: The most words a title read up to a clause or the sentence's end may have.
_TITLE_WORDS = 16


def _title_after_cue(text: str) -> tuple[int, int] | None:
    """A project's title in sentence case, unquoted, where its end is plain: after a naming
    cue that follows the project word, up to the sentence's end or a comma before a clause
    ("Prosjektet … har navnet Partnership of the Dzierzoniow County – together for
    sustainable development."; not "the so-called Norway Grants fund the project"); after
    the project word, only up to a comma before a clause ("projektu Cesta ke spolupráci –
    rozvoj česko-norského partnerství, v rámci kterého …"). Two words at least; none of
    them a bracket or a semicolon away."""
    start, clause = _cued_titles()
    for m in start.finditer(text):
        named = m.group("cue") is not None
        if named and _A_PROJECT_WORD.search(text, 0, m.start()) is None:
            continue  # a name, but not a project's ("the so-called Norway Grants")
        rest = text[m.end() :]
        closing = clause.search(rest)
        if closing is not None:
            title = rest[: closing.start()]
        elif named and "," not in rest:
            title = rest.rstrip().rstrip(".!?")
        else:
            continue
        words = title.split()
        if not 2 <= len(words) <= _TITLE_WORDS or any(c in title for c in "();:\n"):
            continue
        return m.end(), m.end() + len(title.rstrip())
    return None


_A_PROJECT_WORD = re.compile(rf"(?<!\w)(?i:{_PROJECT_WORD})")
_AFTER_PROJECT_WORD = re.compile(rf"(?i:{_PROJECT_WORD})\s+(?=[{UPPER}])")
_NAME_TOKEN = re.compile(r"[^\s(),;:]+")


#: The most words a title in sentence case may have after its first.
_TITLE_WORDS = 12


def _sentence_case_title(text: str, tokens: list[tuple[int, int, str]]) -> int | None:
    """Where an unquoted title that opens with one capitalised word and goes on in small
    letters ends: at the end of its clause (a full stop, a comma, a colon, a bracket, the
    sentence's end) within a few words; None when the clause runs on (its first word alone
    is no name: "Podpora" is "support")."""
    if len(tokens) < 2 or not tokens[1][2][:1].islower():
        return None
    for k, (_a, b, word) in enumerate(tokens[: _TITLE_WORDS + 1]):
        after = text[b : b + 1]
        if (
            word.endswith((".", "!", "?"))
            or after in (",", ";", ":", "(", ")")
            or b >= len(text.rstrip())
        ):
            return b if k else None
    return None


def _unquoted_name(text: str, language: str = "en") -> tuple[int, int] | None:
    """A project's name straight after the project word, unquoted: "projektu Gender
    Equality Promotion (GEP)", "projektu Wisła wciąga!". Capitalised words (with short
    connectors); lower-case words only when they close the sentence. A place is no name."""
    m = _AFTER_PROJECT_WORD.search(text)
    if m is None:
        return None
    tokens = [(t.start(), t.end(), t.group()) for t in _NAME_TOKEN.finditer(text, m.end())]
    end = None
    for k, (a, b, word) in enumerate(tokens[:12]):
        if text[a - 1] == "(":
            break  # "(GEP)": an acronym after the name
        bare = word.rstrip(".!?")
        if bare.casefold() in MONTH_NAMES:
            break  # "… Green Futures in May"
        if bare[:1].isupper() or (
            k
            and len(bare) <= 3
            and bare.islower()
            and k + 1 < len(tokens)
            and tokens[k + 1][2][:1].isupper()
            and tokens[k + 1][2].rstrip(".!?").casefold() not in MONTH_NAMES
        ):
            end = b
        elif bare.islower() and word.endswith((".", "!", "?")) and k and k <= 3:
            end = b  # "Wisła wciąga!": lower-case words that close the sentence
            break
        else:
            break
        if word != bare or text[b : b + 1] in "(),;:":
            break
    if end is None:
        return None
    if language != "en" and end == tokens[0][1] and tokens[0][2][1:].islower():
        # a title in sentence case ("projektu Podpora spolupráce českých a norských
        # samospráv."): its first word, then words to the end of the clause, or no name
        end = _sentence_case_title(text, tokens)
        if end is None:
            return None
    name = text[m.end() : end].rstrip(".")
    words = name.split()
    if len(words) == 1 and (name.isupper() or country_of_form(name) or find_cities(name)):
        return None  # a place, or an organisation's acronym ("projektu NROS")
    if len(words) == 1 and m.group().lower().startswith("project") and is_common_word(name, "en"):
        return None  # "As Project Partner", "Project Summary": a title-cased English phrase
    if m.start() > 0 and text[m.start()].isupper() and organisation_type(name):
        return None  # "Project Management Centre": the project word opens a body's name
    if organisation_type(words[0]) or head_lemma_type(words[0], language):
        return None  # "Projekt Samorządu Powiatu Wejherowskiego": the project's owner
    return m.end(), m.end() + len(name)
