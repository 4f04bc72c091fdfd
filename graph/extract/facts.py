"""The "Project facts" block of eeagrants.org pages and its variants.

Reads the 2014–2021 layout (label on one line, value on the next), the 2009–2014 archive
layout, the older portal's inline ``Label: value`` lines (or ``Label | value``, ``Label<tab>value``:
tables copied as text), bilateral initiatives
("Bilateral initiative facts") and programme pages ("Key facts"). Labels are a data table;
damaged blocks (a label with no value, a value under the wrong label, a missing Status,
doubled apostrophes) are read for what they still say, and what could not be read is noted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache

from partnergraph.ontology import BENEFICIARY_STATES, DONOR_STATES

from .gazetteer import country_of_code3, country_of_form, is_country_code
from .lexicon import LETTER_RUNS, UPPER, lexicon, organisation_type
from .model import Evidence, Money, OrgMention, Project, RoleFact
from .money import find_amounts

__all__ = ["PROJECT_NUMBER", "FactsBlock", "cost_cues", "parse_facts", "split_name_country"]

#: A project's number as the grants write it ("PT-BI024", "LV-LOCALDEV-0012", "SDDW-0079";
#: not a bare "LT0009", which the labels and brackets tell).
PROJECT_NUMBER = re.compile(r"(?<![\w/-])(?:[A-Z]{2,10}\d{0,2}-){1,2}[A-Z]{0,4}\d{2,4}(?![\w-])")

# label pattern → field. Order matters: the first pattern that matches a line wins.
_LABELS: tuple[tuple[str, str], ...] = (
    (
        r"project promoter|promoter|beneficiary|project holder|lead partner"
        # the promoter in the grants' other languages (pl, cs, sk, lt, lv, ro, bg, pt, sl, no)
        r"|beneficjent|wnioskodawca|realizator projektu|lider projektu|příjemce|nositel projektu"
        r"|prijímateľ|príjemca|projekto vykdytojas|pareiškėjas|projekta īstenotājs"
        r"|projekta iesniedzējs|finansējuma saņēmējs|promotor(?:ul proiectului)?|beneficiar"
        r"|бенефициент|promotor do projeto|entidade promotora|beneficiário|nosilec projekta"
        r"|prijavitelj|prosjekteier|prosjektansvarlig",
        "promoter",
    ),
    (r"programme operator|program operator|fund operator|operator programu", "programme_operator"),
    (
        r"project (?:title|name)|title of the project|name of the project"
        r"|(?:tytuł|nazwa) projektu|název projektu|názov projektu|projekto pavadinimas"
        r"|projekta nosaukums|(?:titlul|denumirea) proiectului|(?:наименование|име) на проекта"
        r"|(?:título|nome) do projeto|naziv projekta|prosjektnavn|prosjekttittel",
        "name",
    ),
    (
        r"project number|project no\.?|project id|project code|bilateral initiative number"
        r"|number of the project"
        r"|initiative number|programme id|programme code|contract number"
        r"|numer projektu|nr projektu|kod projektu|číslo projektu|registrační číslo|kód projektu"
        r"|projekto (?:numeris|kodas|nr\.?)|projekta (?:numurs|nr\.?)"
        r"|(?:numărul|număr|codul?) proiectului|номер на проекта|(?:número|código) do projeto"
        r"|številka projekta|prosjektnummer",
        "number",
    ),
    (
        r"status|project status|stan realizacji|stav|stav projektu|būsena|statuss|stadiu|estado",
        "status",
    ),
    (
        r"initial project costs?|initial costs?|total project costs?|total eligible costs?"
        r"|project costs?|total costs?|total budget|budget|project value|total value"
        r"|value of the project"
        r"|(?:całkowita )?wartość projektu|koszty? projektu|budżet(?: projektu)?"
        r"|celkové (?:náklady|způsobilé výdaje|výdavky)(?: projektu)?|rozpočet(?: projektu)?"
        r"|(?:bendra )?projekto (?:vertė|biudžetas)|projekta (?:kopējās izmaksas|budžets)"
        r"|kopējās izmaksas|valoarea (?:totală a )?proiectului|bugetul proiectului"
        r"|обща стойност(?: на проекта)?|бюджет(?: на проекта)?"
        r"|(?:custo|orçamento|valor) (?:total )?do projeto|orçamento(?: total)?"
        r"|(?:custo|valor) total|(?:vrednost|proračun) projekta"
        r"|budsjett|totalbudsjett|prosjektkostnad(?:er)?",
        "cost_initial",
    ),
    (r"final project costs?|final costs?|actual costs?", "cost_final"),
    (
        r"(?:from )?(?:the )?(?:eea|norway|eea and norway) grants|grant amount|grant"
        r"|eea grants fund|norway grants fund|co-?financing|funding"
        r"|(?:kwota |wysokość )?dofinansowani[ae]|kwota grantu|výše grantu|dotace|výška grantu"
        r"|(?:skirta )?finansavimo suma|paramos suma|(?:piešķirtais )?finansējums|granta summa"
        r"|(?:valoarea )?finanțării|(?:размер на )?безвъзмездната финансова помощ"
        r"|(?:montante do )?financiamento|višina sofinanciranja|tilskudd",
        "cost_grant",
    ),
    (r"amount paid|paid amount|disbursed", "cost_paid"),
    (r"total amount|total allocation", "cost_total"),
    (
        r"donor project partners?|donor partners?|donor programme partners?"
        r"|(?:project )?partners? from (?:the )?donor states?",
        "donor_partners",
    ),
    (
        r"other project partners?|project partners?|project partnerships?|project partnership\(s\)"
        r"|other partners?|partner (?:organi[sz]ations?|institutions?)|implementing partners?"
        r"|partners?|partnerzy(?: projektu)?|partneři(?: projektu)?|partneri(?: projektu)?"
        r"|partner (?:projektu|projekta|projekto|projekt)"
        # ("Czech Partner", "Norwegian partners": a grants state's partners, in English)
        r"|(?:czech|slovak|polish|lithuanian|latvian|estonian|romanian|bulgarian|portuguese"
        r"|greek|slovenian|croatian|hungarian|spanish|cypriot|maltese|norwegian|icelandic"
        r"|liechtenstein) partners?"
        # ("National Project Partner", "Domestic partners": the beneficiary state's)
        r"|(?:national|domestic) (?:project )?partners?"
        r"|(?:projekto )?partneri(?:s|ai)|(?:projekta )?partneri|parteneri?(?: de proiect)?"
        r"|партньори?|parceiros?(?: do projeto)?|partnerji|partnere|samarbeidspartnere?",
        "partners",
    ),
    (r"programme|program|programa|programma|програма", "programme"),
    (
        r"the project is carried out in|project is carried out in|carried out in|country"
        r"|countries",
        "carried_out_in",
    ),
    (r"type of institution|institution type|type of organi[sz]ation", "institution_type"),
    (
        r"duration|project period|implementation period|period|project duration"
        r"|(?:duration|period|implementation period) of the project"
        r"|okres realizacji|czas trwania|doba realizace|obdobie realizácie|doba realizácie"
        r"|(?:projekto )?įgyvendinimo (?:laikotarpis|trukmė)|(?:projekta )?īstenošanas periods"
        r"|perioada de implementare|срок на изпълнение|período de execução|trajanje projekta"
        r"|prosjektperiode",
        "period",
    ),
    (
        r"target groups?|date of approval|programme areas?|initiative types?"
        r"|sector|priority sector|programme area|start date|end date",
        "other",
    ),
)
_SECTION_ENDS = re.compile(
    r"^(more information|description|summary of (the )?(project )?results|summary of bilateral"
    r" results|programme summary|currently available funding|project summary|about the project)"
    r"\s*:?\s*$",
    re.I,
)
_BLOCK_HEADING = re.compile(
    r"^(project facts|bilateral initiative facts|key facts|project details)\s*:?\s*$", re.I
)
_LABEL_ALTERNATIVES = "|".join(f"(?:{p})" for p, _f in _LABELS)
#: "Label: value", "Label | value", "Label<TAB>value", "Label – value" or a label alone on its
#: line (the value on the next); the label may be set in Markdown's bold ("**Project
#: promoter:**").
_LABEL_LINE = re.compile(
    r"^\s*(?:\*\*|__)?(?P<label>"
    + _LABEL_ALTERNATIVES
    + r")\s*(?::|\||\t|\s[–—-]\s|\s*(?:\*\*|__)?\s*$)\s*(?:\*\*|__)?\s*(?P<rest>.*)$",
    re.I,
)
#: "Project promoter Technical University of Cluj-Napoca(RO)": a label and its value on one
#: line with nothing between (a table's row flattened to text); the label as written starts
#: with a capital and the value with a capital, a digit, a currency sign or a bracket. The
#: flattening may leave no space at all where the label ends in a small letter and the
#: value opens with a capital ("Number of the ProjectKU-CA1-001").
_LABEL_SPACE = re.compile(
    r"^\s*(?P<label>(?=[A-ZÀ-Þ])(?i:" + _LABEL_ALTERNATIVES + r"))(?:[ \u00a0]+|(?<=[a-zà-ÿ]))"
    r"(?P<rest>[A-ZÀ-Þ0-9€$£(„\"“'‘«>].*)$"
)
_STATUS_WORDS = {
    "completed": "Completed",
    "complete": "Completed",
    "finished": "Completed",
    "closed": "Completed",
    "in implementation": "In implementation",
    "in progress": "In implementation",
    "ongoing": "In implementation",
    "in preparation": "In preparation",
    "non completed": "Non completed",
    "not completed": "Non completed",
    "terminated": "Terminated",
    "cancelled": "Terminated",
    # the same in the grants' other languages
    "zakończony": "Completed", "zrealizowany": "Completed", "w realizacji": "In implementation",
    "ukončen": "Completed", "ukončený": "Completed", "dokončen": "Completed",
    "ukončený projekt": "Completed", "v realizaci": "In implementation",
    "baigtas": "Completed", "įgyvendintas": "Completed", "vykdomas": "In implementation",
    "pabeigts": "Completed", "noslēgts": "Completed", "īstenošanā": "In implementation",
    "finalizat": "Completed", "în implementare": "In implementation",
    "concluído": "Completed", "em execução": "In implementation",
    "avsluttet": "Completed", "pågår": "In implementation",
}  # fmt: skip
_NUMBER = re.compile(r"^[A-Z0-9][A-Za-z0-9]*(?:[-/._][A-Za-z0-9]+)+$|^\d{4,}$")
_NAME_CC = re.compile(r"^(?P<name>.*?)\s*\((?P<cc>[A-Z]{2})\)\s*$")
_TRAILING_ACRONYM = re.compile(
    r"^(?P<name>.*\S)\s*\((?P<acr>[A-ZÆØÅ0-9][A-Za-zÆØÅ0-9&.\- ]{1,15})\)$"
)
#: "Name, Country" (a country of one or two words after the last comma)
_COMMA_COUNTRY = re.compile(
    r"^(?P<name>.*\S),\s*(?P<country>[^\W\d_][^\W\d_ ]+(?: [^\W\d_]+)?)\.?$"
)
_BULLET = re.compile(r"^[-•*–·]\s+")
_UNKNOWN_LABEL = re.compile(r"^[A-ZÀ-Þ][\w ()/'’-]{1,40}:\s+\S")
#: A label we do not know with no value ("Programme number:" left empty): in a block
#: under a heading, a field of its own, not a value of the field before it.
_EMPTY_LABEL = re.compile(r"^[A-ZÀ-Þ][\w ()/'’-]{1,40}:$")
_BOILERPLATE = re.compile(
    r"^(home\b.*|jump to (navigation|content).*|skip to .*|menu|search|share|print|you are here.*"
    r"|.*»\s*.*|saved trees|breadcrumb.*)$",
    re.I,
)
# fields whose value may stand on the line after the label
_LIST_FIELDS = (
    "partners", "donor_partners", "promoter", "programme_operator", "number", "status",
    "cost_initial", "cost_final", "cost_grant", "cost_paid", "cost_total", "programme",
    "carried_out_in", "institution_type", "period",
)  # fmt: skip
_COST_FIELDS = {
    "cost_initial": "initial", "cost_final": "final", "cost_grant": "grant",
    "cost_paid": "paid", "cost_total": "total",
}  # fmt: skip


@cache
def cost_cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The cost labels as words of a sentence ("Całkowita wartość projektu to 141 912,32
    €"), each with the kind of cost it names (compiled when first asked for)."""
    return tuple(
        (re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I), _COST_FIELDS[name])
        for pattern, name in _LABELS
        if name in _COST_FIELDS
    )


_MAX_SCAN_LINES = 80
#: A line this long is prose, not a label or a value.
_PROSE_LINE = 160


@dataclass(frozen=True)
class FactsBlock:
    """What the facts block gave: the project, its organisations and roles, and notes."""

    project: Project
    organisations: tuple[OrgMention, ...]
    roles: tuple[RoleFact, ...]
    notes: tuple[str, ...]
    end: int
    #: Where the block begins (its heading, else its first label): prose before it is the
    #: page's too ("a facts block at the end of the page").
    start: int = 0
    #: The lines of labels the block does not know ("Donor institution: …"): read as prose.
    unknown: tuple[tuple[int, int], ...] = ()


def split_name_country(value: str) -> tuple[str, str | None, str | None]:
    """Split ``"Name (ACR)(CC)"`` into name, country code and acronym.

    >>> split_name_country("Latvian Trade Union of Education and Science Employees (LIZDA)(LV)")
    ('Latvian Trade Union of Education and Science Employees', 'LV', 'LIZDA')
    >>> split_name_country("HØGSKULEN I VOLDA(NO)")
    ('HØGSKULEN I VOLDA', 'NO', None)
    >>> split_name_country("Bergen kommune (Norway)")
    ('Bergen kommune', 'NO', None)
    >>> split_name_country("Asker Næringsråd (Norway).")
    ('Asker Næringsråd', 'NO', None)
    """
    name = clean_value(value).lstrip(">»•· ")
    if name.endswith(")."):
        name = name[:-1]  # the list's last item, and its sentence's full stop
    country = None
    m = _NAME_CC.match(name)
    if m and m.group("name").strip() and is_country_code(m.group("cc")):
        name, country = m.group("name").strip(), m.group("cc")
    comma = _COMMA_COUNTRY.match(name)
    told = country_of_form(comma.group("country")) if comma is not None else None
    if comma is not None and told is not None:
        # where it is ("Lusofonia Bergen, Norway"); a name that names a country keeps its
        # own ("Embassy of Portugal in Oslo, Noruega")
        name = comma.group("name").strip()
        if country is None and not any(country_of_form(w) for w in LETTER_RUNS.findall(name)):
            country = told
    acronym = None
    bracket = _BRACKETED_END.match(name)
    in_brackets = country_of_form(bracket.group("inner").strip()) if bracket else None
    if bracket is not None and in_brackets is not None:
        # a country in any language's letters ("Stavanger kommune (Norvēģija)")
        country = country or in_brackets
        name = bracket.group("name").strip()
    a = _TRAILING_ACRONYM.match(name)
    if a and not a.group("acr").isdigit():
        # "(Norway)", "(Polska)": a country; "(NOR)": a state of the grants by its ISO code
        told = country_of_form(a.group("acr").strip()) or _grants_state(a.group("acr"))
        if told is not None:
            name, country = a.group("name").strip(), country or told
        else:
            name, acronym = a.group("name").strip(), a.group("acr").strip()
    return _first_language(name), country, acronym


#: A name in two languages, the page's own, a slash and a space, then another ("Nádudvar
#: Város Önkormányzata/ Local Government of Nádudvar Town"); not "Oslo/Fusion".
_TWO_NAMES = re.compile(
    r"(?P<first>[^\W\d_][^/]*?\s\S[^/]*?)\s*/\s+(?P<second>[^\W\d_][^/]*\s\S.*)"
)


def _first_language(value: str) -> str:
    """The first of a body's names in two languages (:data:`_TWO_NAMES`), both opening
    with a capital and of two words or more; else ``value``."""
    m = _TWO_NAMES.fullmatch(value)
    if m is None or not (m["first"][:1].isupper() and m["second"][:1].isupper()):
        return value
    return m["first"].strip()


def _grants_state(code: str) -> str | None:
    """The donor or beneficiary state whose ISO 3166 three-letter code ``code`` is
    ("NOR", "CZE"), or None (any other three letters are an acronym)."""
    cc = country_of_code3(code)
    return cc if cc in DONOR_STATES or cc in BENEFICIARY_STATES else None


def clean_value(value: str) -> str:
    """Tidy a value as stored: doubled apostrophes, stray spaces, trailing punctuation."""
    value = value.replace("''", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", value).strip(" \t;,")


def _label_of(ln: _Line, neighbours: Sequence[str] = ()) -> tuple[str, str] | None:
    """The label of a line and the value after it on the line ("" when the value stands on
    the next lines), or None. A label and its value with nothing between them count only
    under a facts heading or near another label line (``neighbours``: the lines around it;
    none under a heading), and when the value looks like one of the field (an amount for a
    cost, a code for a number, a status word for a status): "Budget Reform in Latvia" is a
    title."""
    m = _LABEL_LINE.match(ln.text) if ln.text else None
    if m:
        return m.group("label"), m.group("rest").strip().strip("*_").strip()
    m = _LABEL_SPACE.match(ln.text) if ln.text else None
    if m is None and ln.text:
        # a label in two languages: the page's own and the one this table knows
        # ("Projektgazda/Project promoter …", "Összköltség / Total budget …")
        second = _second_label(ln.text)
        if second is not None and _plain_label_line(second):
            cut = len(ln.text) - len(second)
            return _label_of(_Line(second, ln.start + cut, ln.end), neighbours)
    if (
        m is None
        or len(ln.text) >= 120
        or (neighbours and not any(map(_is_label_line, neighbours)))
    ):
        return None
    label, rest = m.group("label"), m.group("rest").strip()
    if ":" in " ".join(rest.split()[:4]):
        return None  # "Programme Name: Bilateral Initiative": a label this table does not know
    field_name = _field_of(label)
    if field_name in _COST_FIELDS:
        shaped = any(c.isdigit() for c in rest)
    elif field_name == "number":
        shaped = bool(_NUMBER.match(rest.split()[0]) or PROJECT_NUMBER.match(rest))
    elif field_name == "status":
        shaped = rest.lower().rstrip(".") in _STATUS_WORDS
    else:
        shaped = not rest.endswith(".") or len(rest.split()) <= 4
    return (label, rest) if shaped else None


def _is_label_line(text: str) -> bool:
    """Whether a line opens with a label this table knows (after another language's)."""
    return _plain_label_line(_known_label_part(text))


def _known_label_part(text: str) -> str:
    """A label line from the label this table knows: after another language's and its
    slash, if the line opens so (:func:`_second_label`)."""
    if _plain_label_line(text):
        return text
    second = _second_label(text)
    return second if second is not None and _plain_label_line(second) else text


def _plain_label_line(text: str) -> bool:
    return bool(_LABEL_LINE.match(text) or _LABEL_SPACE.match(text))


#: A label in another language before a slash and the label this table knows: a few words
#: with no digit, colon or bar ("Projektgazda/", "Hazai Projekt Partnerek/").
_OTHER_LABEL = re.compile(r"^\s*[^\W\d_][^/:|\t\d]{0,40}?\s*/\s*(?=[^\W\d_])")


def _second_label(text: str) -> str | None:
    """What follows a label in another language and its slash, when it opens with a
    capital as a label does ("Donor institution/ programme:" is one label of two words);
    else None."""
    other = _OTHER_LABEL.match(text)
    if other is None or not text[other.end()].isupper():
        return None
    # (the English label in the page's spelling of its word for a project: "Projekt
    # Promoter", "Donor Projekt Partner")
    return _PROJEKT.sub("Project", text[other.end() :])


#: A project's word as Czech, German, Hungarian, Polish, Slovak or Slovene write it, in a
#: label otherwise English (as long as "Project": offsets hold).
_PROJEKT = re.compile(r"\bProjekt\b(?=\s+[A-Z][a-z])")


def _field_of(label: str) -> str:
    for pattern, name in _LABELS:
        if re.fullmatch(pattern, label.strip(), re.I):
            return name
    return "other"


@dataclass
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        bullet = _BULLET.match(stripped)  # HTML lists come out of the text extractor as "- x"
        if bullet:
            stripped, lead = stripped[bullet.end() :], lead + bullet.end()
        out.append(_Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw)
    return out


def parse_facts(text: str) -> FactsBlock | None:
    """Read the facts block of a project, initiative or programme page, if it has one."""
    lines = _lines(text)
    heading = next(
        (i for i, ln in enumerate(lines[:_MAX_SCAN_LINES]) if _BLOCK_HEADING.match(ln.text)), None
    )
    start = heading + 1 if heading is not None else 0
    fields: list[tuple[str, str, list[_Line]]] = []  # (field, label, value lines)
    inline: list[bool] = []  # was the field's value on its label's line?
    first_label: int | None = None
    unknown: list[tuple[int, int]] = []
    end_index = len(lines)
    i = start
    while i < len(lines) and i < start + _MAX_SCAN_LINES:
        ln = lines[i]
        if fields and (_SECTION_ENDS.match(ln.text) or len(ln.text) > _PROSE_LINE):
            end_index = i  # a section heading, or prose: the facts are over
            break
        m = _label_of(ln, () if heading is not None else _neighbours(lines, i))
        if m and (heading is not None or len(_known_label_part(ln.text)) < 120):
            first_label = i if first_label is None else first_label
            label, rest = m
            values: list[_Line] = []
            if rest:
                offset = ln.text.index(rest, len(label))
                values.append(_Line(rest, ln.start + offset, ln.end))
            fields.append((_field_of(label), label, values))
            inline.append(bool(rest))
        elif fields and _UNKNOWN_LABEL.match(ln.text) and len(ln.text) < 160:
            label, _colon, rest = ln.text.partition(":")  # a label we do not know
            at = ln.start + len(ln.text) - len(rest.lstrip())
            fields.append(("other", label, [_Line(rest.strip(), at, at + len(rest.strip()))]))
            inline.append(True)
            unknown.append((ln.start, ln.end))
        elif fields and heading is not None and _EMPTY_LABEL.match(ln.text):
            fields.append(("other", ln.text[:-1], []))
            inline.append(False)
        elif fields and ln.text and _BOILERPLATE.match(ln.text):
            pass
        elif fields and ln.text:
            name, _label, last_values = fields[-1]
            if (
                heading is None
                and not _continues(name, last_values, inline[-1], lines[i - 1])
                and not _label_follows(lines, i)
            ):
                end_index = i  # prose after the labels ends a block with no heading
                break
            last_values.append(ln)
        elif fields and not ln.text and fields[-1][0] in ("partners", "donor_partners"):
            # a blank line ends a partner list, but only once it has values
            if fields[-1][2]:
                fields.append(("_gap", "", []))
                inline.append(True)
        i += 1
    else:
        end_index = i
    fields = [f for f in fields if f[0] != "_gap"]
    real = [f for f in fields if f[0] != "other"]
    if len(real) < 2 and heading is None:
        return None
    if not real:
        return None
    begins = heading if heading is not None else first_label
    start = lines[begins].start if begins is not None else 0
    end = lines[end_index - 1].end if end_index else 0
    block = _build(text, lines, heading, fields, start, end, first_label)
    return replace(block, unknown=tuple(unknown))


def _neighbours(lines: list[_Line], i: int) -> list[str]:
    """The three lines on either side of line ``i`` that are not blank."""
    before = [ln.text for ln in lines[max(0, i - 6) : i] if ln.text][-3:]
    return before + [ln.text for ln in lines[i + 1 : i + 7] if ln.text][:3]


#: How many lines with text after a plain line may hold the block's next label.
_LABEL_WITHIN = 2


def _label_follows(lines: list[_Line], i: int) -> bool:
    """Does a label stand alone or before its value on one of the next lines with text? Then
    the plain line ``i`` is a value of a label the reader does not know (a "Target groups"
    line and its items between two of the block's labels), not prose that ends the block."""
    after = [ln for ln in lines[i + 1 : i + 1 + 3 * _LABEL_WITHIN] if ln.text][:_LABEL_WITHIN]
    return any(_LABEL_LINE.match(ln.text) for ln in after)


def _continues(field_name: str, values: list[_Line], was_inline: bool, before: _Line) -> bool:
    """In a block with no heading, does a plain line continue the last field's value? A
    partner list does, on lines of its own or after a line that ends in a semicolon."""
    if field_name in ("partners", "donor_partners"):
        return not was_inline or before.text.endswith(";")
    if was_inline:
        return False
    return not values and field_name in _LIST_FIELDS


def _items_ended(value: str) -> str:
    """``value`` with the commas that end items made semicolons (offsets unchanged), where
    it gives a country in brackets: a comma right after such a bracket ("Oslo
    Municipality (Norway), Lithuanian Energy Agency") and every comma before a capital
    ("Vidzemes Augstskola, Stavanger kommune (Norvēģija)")."""
    told = [m for m in _BRACKETED.finditer(value) if _told_country(m.group(1))]
    if not told:
        return value
    out = list(value)
    for m in told:
        comma = _COMMA_NEXT.match(value, m.end())
        if comma is not None:
            out[comma.end() - 1] = ";"
    for m in _COMMA_CAPITAL.finditer(value):
        out[m.start()] = ";"
    return "".join(out)


_BRACKETED = re.compile(r"\(([^()]{2,40})\)")
_BRACKETED_END = re.compile(r"^(?P<name>.*\S)\s*\((?P<inner>[^()]{2,40})\)$")
_COMMA_NEXT = re.compile(r"\s*,")
_COMMA_CAPITAL = re.compile(rf",(?=\s+[{UPPER}])")


def _told_country(inner: str) -> bool:
    inner = inner.strip()
    return bool(country_of_form(inner) or is_country_code(inner))


def _list_parts(text: str, line: _Line) -> list[_Line]:
    """The items of a partner list given on its label's line, apart at semicolons
    ("Partners: Enova SF (Norway); Tomas Bata University in Zlín") and at a comma after
    a country in brackets ("Oslo Municipality (Norway), Lithuanian Energy Agency"), each
    with its own offsets. A value on a line of its own is one name, whatever it holds."""
    if not text[: line.start].rpartition("\n")[2].strip():
        return [line]
    out: list[_Line] = []
    pos = 0
    for part in _items_ended(line.text).split(";"):
        at = line.text.index(part, pos)
        pos = at + len(part) + 1
        stripped = part.strip()
        if stripped:
            start = line.start + at + (len(part) - len(part.lstrip()))
            out.append(_Line(stripped, start, start + len(stripped)))
    return out


def _evidence(text: str, ln: _Line) -> Evidence:
    return Evidence(ln.start, ln.end, text[ln.start : ln.end])


def _build(
    text: str,
    lines: list[_Line],
    heading: int | None,
    fields: list[tuple[str, str, list[_Line]]],
    start: int,
    end: int,
    first_label: int | None = None,
) -> FactsBlock:
    notes: list[str] = []
    orgs: list[OrgMention] = []
    role_specs: list[tuple[OrgMention, str]] = []
    number: str | None = None
    status: str | None = None
    programme: str | None = None
    countries: list[str] = []
    costs: list[Money] = []
    entity_type = "project"
    institution_type: str | None = None
    period: tuple[date, date] | None = None
    named: _Line | None = None  # the value of a "Project title" label
    if heading is not None:
        head = lines[heading].text.lower()
        entity_type = {
            "bilateral initiative facts": "bilateral_initiative",
            "key facts": "programme",
        }.get(head.rstrip(":").strip(), "project")
    for field_name, label, values in fields:
        value_lines = [v for v in values if v.text]
        first = value_lines[0] if value_lines else None
        if (
            first is not None
            and field_name not in ("status",)
            and first.text.lower() in _STATUS_WORDS
        ):
            if status is None:
                status = _STATUS_WORDS[first.text.lower()]
                notes.append(f"the value {first.text!r} under {label!r} was read as the status")
            value_lines = value_lines[1:]
            first = value_lines[0] if value_lines else None
        if field_name == "status":
            if first is None:
                notes.append("'Status' has no value")
            elif first.text.lower() in _STATUS_WORDS:
                status = _STATUS_WORDS[first.text.lower()]
            else:
                notes.append(f"unknown status {first.text!r}")
        elif field_name == "number":
            if first is None:
                notes.append(f"{label!r} has no value")
            elif _NUMBER.match(first.text):
                number = first.text
            else:
                notes.append(f"{first.text!r} under {label!r} is not a project number")
        elif field_name in _COST_FIELDS:
            amounts = [a for v in value_lines for a in _amounts(text, v)]
            if not amounts:
                notes.append(f"{label!r} has no amount")
            for amount, currency, ev, raw in amounts:
                costs.append(Money(amount, currency, _COST_FIELDS[field_name], raw, ev))
        elif field_name in ("promoter", "programme_operator", "donor_partners", "partners"):
            if not value_lines:
                notes.append(f"{label!r} has no value")
            role = {
                "promoter": "promoter",
                "programme_operator": "programme_operator",
                "donor_partners": "donor_partner",
                "partners": "partner",
            }[field_name]
            for v in (
                [part for ln in value_lines for part in _list_parts(text, ln)]
                if field_name.endswith("partners")
                else value_lines[:1]
            ):
                name, country, acronym = split_name_country(v.text)
                if not name or len(name) > 200:
                    notes.append(f"cannot read an organisation from {v.text!r}")
                    continue
                mention = OrgMention(name, country, None, _evidence(text, v), acronym)
                orgs.append(mention)
                # a partner from a donor state is a donor project partner (gold convention;
                # one whose country the text tells later: document._donor_state_partners)
                donor = role == "partner" and country in DONOR_STATES
                role_specs.append((mention, "donor_partner" if donor else role))
        elif field_name == "other":
            if number is None and first is not None and PROJECT_NUMBER.fullmatch(first.text):
                number = first.text  # a project's number under a label we do not know
        elif field_name == "programme":
            if first is not None:
                programme = clean_value(first.text)
        elif field_name == "name":
            if first is not None and named is None:
                named = first
        elif field_name == "carried_out_in":
            countries.extend(clean_value(v.text) for v in value_lines)
        elif field_name == "institution_type" and first is not None:
            institution_type = organisation_type(first.text) or _TYPE_WORDS.get(first.text.lower())
        elif field_name == "period" and first is not None:
            period = _period(first.text)
            if period is None:
                notes.append(f"cannot read the dates of {first.text!r}")
    if institution_type is not None:
        role_specs = [
            (replace(m, type=m.type or institution_type) if r == "promoter" else m, r)
            for m, r in role_specs
        ]
        orgs = [m for m, _r in role_specs]  # every organisation of the block has its role
    title, title_line = (
        (clean_value(named.text), named)
        if named is not None
        else _title(lines, heading, first_label)
    )
    if title is not None:
        code, title = _split_code(_unquoted(title))
        number = number or code
    key = number or (f"name:{title}" if title else "name:untitled")
    project = Project(
        key=key,
        name=title,
        number=number,
        status=status,
        costs=tuple(costs),
        programme=programme,
        countries=tuple(countries),
        entity_type=entity_type,
        evidence=_evidence(text, title_line) if title_line else None,
        start=period[0] if period else None,
        end=period[1] if period else None,
    )
    if status is None and entity_type != "programme":
        notes.append("no status stated")
    roles = tuple(
        RoleFact(org=m, role=r, target=project.key, evidence=m.evidence) for m, r in role_specs
    )
    return FactsBlock(project, tuple(orgs), roles, tuple(notes), end, start)


_TYPE_WORDS = {
    "ngo": "ngo", "non-governmental organisation": "ngo", "public institution": "agency",
    "local authority": "municipality", "local government": "municipality",
    "research institution": "other", "private company": "company", "company": "company",
    "educational institution": "university", "higher education institution": "university",
}  # fmt: skip
#: D.M.YYYY (or with slashes, hyphens), and year first as ISO 8601 and Hungarian write it
#: (YYYY-MM-DD, YYYY.MM.DD.)
_DATE = r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})|(\d{4})[-.](\d{2})[-.](\d{2})\.?"
_PERIOD = re.compile(rf"(?:{_DATE})\s*(?:-|–|—|to|until)\s*(?:{_DATE})")


def _period(text: str) -> tuple[date, date] | None:
    """``26.06.2019 - 30.04.2021`` or ``2019-06-26 – 2021-04-30`` → (start, end).

    >>> _period("26.06.2019 - 30.04.2021")
    (datetime.date(2019, 6, 26), datetime.date(2021, 4, 30))
    >>> _period("2017.11.01- 2018.04.30")
    (datetime.date(2017, 11, 1), datetime.date(2018, 4, 30))
    """
    m = _PERIOD.search(text)
    if m is None:
        return None
    g = m.groups()
    try:
        first = (
            date(int(g[2]), int(g[1]), int(g[0])) if g[0] else date(int(g[3]), int(g[4]), int(g[5]))
        )
        last = (
            date(int(g[8]), int(g[7]), int(g[6]))
            if g[6]
            else date(int(g[9]), int(g[10]), int(g[11]))
        )
    except ValueError:
        return None
    return (first, last) if first <= last else None


def _amounts(text: str, line: _Line) -> list[tuple[Decimal, str, Evidence, str]]:
    out: list[tuple[Decimal, str, Evidence, str]] = []
    for amount, currency, s, e in find_amounts(line.text):
        ev = Evidence(line.start + s, line.start + e, line.text)
        out.append((amount, currency, ev, line.text[s:e]))
    return out


#: The longest line read as a page's title (project names run to 200 characters and more).
_TITLE_LINE = 250


def _title(
    lines: list[_Line], heading: int | None, first_label: int | None = None
) -> tuple[str | None, _Line | None]:
    """The page title: the first line of the page that reads as one (not boilerplate, not a
    label, not prose), else the last such line before the facts heading (or, with no
    heading, before the first label); a site's name after " - " or " | " is dropped."""
    if heading is None and first_label is not None:
        heading = first_label
    elif heading is None:
        heading = next((i for i, ln in enumerate(lines) if _LABEL_LINE.match(ln.text)), 0)
    before = [ln for ln in lines[:heading] if ln.text]
    first = next(iter(before), None)
    if first is not None and _title_like(first.text):
        name = _without_site(first.text)
        if name:
            return clean_value(name), first
    for ln in reversed(lines[:heading]):
        if len(ln.text) > _TITLE_LINE or ln.text.endswith(":"):
            return None, None
        if ln.text and not _BOILERPLATE.match(ln.text):
            return clean_value(ln.text), ln
    return None, None


def _title_like(text: str) -> bool:
    return (
        len(text) <= _TITLE_LINE
        and not text.endswith((":", "."))
        and not _BOILERPLATE.match(text)
        and not _LABEL_LINE.match(text)
        and not _breadcrumb(_without_site(text))
    )


_CRUMB = re.compile(r"\s+[|>»›]\s+")


def _breadcrumb(text: str) -> bool:
    """A site's path to the page, no title: short parts between bars or arrows ("ROMANIA |
    Research", "Home › Projects › Energy")."""
    parts = _CRUMB.split(text)
    return len(parts) >= 2 and all(len(part.split()) <= 3 for part in parts)


_SITE_SUFFIX = re.compile(r"\s+[-–|]\s+(?P<site>[^-–|]*)$")


def _without_site(text: str) -> str:
    """ "Research cooperation - EEA Grants Jump to navigation" → "Research cooperation":
    the part after the last dash or bar is the site's name when it holds the site's
    boilerplate or a grants word."""
    m = _SITE_SUFFIX.search(text)
    if m and re.search(r"(?i)\bgrants\b|jump to|skip to|\.(?:org|eu|gov|com)\b", m["site"]):
        return text[: m.start()].strip()
    return text


_CODE_TITLE = re.compile(r"^(?P<code>[A-Z][A-Z0-9]*(?:[/-][A-Z0-9]+)+)\s+[-–:]\s+(?P<name>\S.*)$")


_QUOTED_TITLE = re.compile(
    r"^(?P<word>[^\W\d_]+)\s*[„“”\"«‘']\s*(?P<name>[^„“”\"«»]+?)\s*[”“\"»’']$"
)


def _unquoted(title: str) -> str:
    """ "Projektas „Žalioji mokykla“", "PROJECT “Smart …”": the project's word before a
    quoted name is no part of it."""
    m = _QUOTED_TITLE.match(title)
    if m and lexicon().project_words.fullmatch(m["word"]):
        return m["name"]
    return title


def _split_code(title: str) -> tuple[str | None, str]:
    """ "FBR/10 - Exhibition on EEA Cooperation": an identifier before the name is its
    number."""
    m = _CODE_TITLE.match(title)
    if m and any(ch.isdigit() for ch in m["code"]):
        return m["code"], m["name"].strip()
    return None, title
