"""The EEA Grants data portal's exports: API JSON (2009–2014) and search exports (CSV, xlsx).

``partners.json`` rows are per (programme, donor state): the programme with its operator
(PO) and donor programme partner (DPP); the programme's projects with their flags and NUTS
regions; its project promoters (PJPT) and donor project partners (PJDPP) with theirs. The
export does not say which promoter runs which project. A project is given a promoter (or a
donor project partner) only where exactly one of the programme's promoters (partners) sits
in the project's NUTS region, and that inference is noted; every other organisation is
a ``programme_participant`` of the programme. ``projects.json`` and ``grants.json`` give programmes.

Search exports are tables with one project per row; columns are recognised by their headers
(``graph/data/columns.json``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from partnergraph.ontology import DONOR_STATES

from ..sources import Document
from .facts import split_name_country
from .gazetteer import country_of_form
from .lexicon import organisation_type
from .model import Evidence, Extraction, Money, OrgMention, Project, RoleFact
from .money import find_amounts, parse_number
from .prose import infer_country

__all__ = ["PortalError", "nuts_country", "read_json", "read_table"]

_NUTS_TO_ISO = {"EL": "GR", "UK": "GB"}
_STATUS = {
    "in progress": "In implementation",
    "in implementation": "In implementation",
    "completed": "Completed",
    "non completed": "Non completed",
    "terminated": "Terminated",
}


class PortalError(ValueError):
    """The file is not a portal export partnergraph can read; the message says why."""


def nuts_country(code: str | None) -> str | None:
    """ISO alpha-2 of a NUTS code's country (``EL`` → ``GR``, ``UK`` → ``GB``).

    >>> nuts_country("LT00A"), nuts_country("EL30"), nuts_country(None)
    ('LT', 'GR', None)
    """
    if not code or len(code) < 2 or not code[:2].isalpha():
        return None
    prefix = code[:2].upper()
    return _NUTS_TO_ISO.get(prefix, prefix)


def _ev(pointer: str) -> Evidence:
    # structured data has no text span: a zero-length span whose "sentence" is the JSON path
    return Evidence(0, 0, pointer)


# ------------------------------------------------------------------ API JSON


def read_json(doc: Document) -> Extraction:
    """Read a portal API export (``partners.json``, ``projects.json``, ``grants.json``)."""
    try:
        data = json.loads(doc.text, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise PortalError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    if not isinstance(data, list) or not data or not all(isinstance(r, dict) for r in data):
        raise PortalError("not a portal export: expected a JSON list of objects")
    if not any("programmes" in r or "PJPT" in r for r in data):
        raise PortalError("not a portal export: no 'programmes' or 'PJPT' in any row")
    out = _Collector()
    for i, row in enumerate(data):
        out.row(i, row)
    return out.extraction(doc)


def _allocation(by_area: dict[Any, Decimal], code: str) -> tuple[Money, ...]:
    """A programme's allocation (EUR, summed over its programme areas) as a grant amount."""
    if not by_area:
        return ()
    total = sum(by_area.values(), Decimal(0))
    return (Money(total, "EUR", "grant", f"allocation of {code}", _ev(f"programme {code}")),)


def _amount(value: Any) -> Decimal | None:
    """A positive amount from a number or a numeric string; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    try:
        amount = Decimal(str(value).strip())
    except ArithmeticError:
        return None
    return amount if amount.is_finite() and amount > 0 else None


def _integer(text: str) -> int | Decimal:
    """A JSON integer; one too long for Python's int parser (over 4,300 digits) as Decimal."""
    return int(text) if len(text) < 4000 else Decimal(text)


class _Collector:
    def __init__(self) -> None:
        self.programmes: dict[str, dict[str, Any]] = {}
        self.projects: dict[str, dict[str, Any]] = {}
        self.orgs: dict[str, OrgMention] = {}
        self.roles: list[RoleFact] = []
        self.notes: list[str] = []
        self.skipped = 0

    def row(self, i: int, row: Mapping[str, Any]) -> None:
        programmes = row.get("programmes")
        if not isinstance(programmes, dict):
            self.skipped += 1
            return
        beneficiary = _text(row.get("beneficiary"))
        for code, info in sorted(programmes.items()):
            if not isinstance(info, dict):
                continue
            prog = self.programmes.setdefault(code, {"donors": set(), "allocations": {}})
            prog.update(
                name=_text(info.get("name")) or code,
                url=_text(info.get("url")),
                fm=_text(row.get("fm")),
                sector=_text(row.get("sector")),
                area=_text(row.get("area")),
                country=beneficiary,
            )
            if row.get("donor"):
                prog["donors"].add(str(row["donor"]))
        if len(programmes) == 1:  # the row's allocation is its one programme's (grants.json)
            (only,) = programmes
            amount = _amount(row.get("allocation"))
            if amount is not None and only in self.programmes:
                area = (_text(row.get("sector")), _text(row.get("area")))
                self.programmes[only]["allocations"][area] = amount  # once per programme area
        code = _text(row.get("programme"))
        if code is None or code not in self.programmes:
            return
        key = f"programme:{code}"
        base = f"$[{i}]"
        for oid, org in sorted(_dict(row.get("PO")).items()):
            self._role(self._org(oid, org, f"{base}.PO.{oid}"), "programme_operator", key)
        if row.get("DPP"):
            region = _nuts(row.get("DPP_nuts"))
            name, cc, acronym = split_name_country(str(row["DPP"]))
            # the country only from the region: an international DPP (Council of Europe)
            # is not from the row's donor state
            mention = OrgMention(
                name,
                cc or nuts_country(region),
                organisation_type(name),
                _ev(f"{base}.DPP"),
                acronym=acronym,
                region=region,
            )
            self._role(mention, "donor_partner", key)
        promoters = {
            oid: self._org(oid, o, f"{base}.PJPT.{oid}")
            for oid, o in _dict(row.get("PJPT")).items()
        }
        partners = {
            oid: self._org(oid, o, f"{base}.PJDPP.{oid}")
            for oid, o in _dict(row.get("PJDPP")).items()
        }
        by_region: dict[str, dict[str, list[OrgMention]]] = {
            "dst": defaultdict(list),
            "src": defaultdict(list),
        }
        for m in promoters.values():
            by_region["dst"][m.region or ""].append(m)
        for m in partners.values():
            by_region["src"][m.region or ""].append(m)
        linked: set[int] = set()
        for pcode, flags in sorted(_dict(row.get("projects")).items()):
            if not isinstance(flags, dict):
                continue
            self.projects[pcode] = {"programme": key, "flags": flags}
            for side, role in (("dst", "promoter"), ("src", "donor_partner")):
                regions = _regions(flags.get(f"{side}_nuts"))
                candidates = {id(m): m for r in regions for m in by_region[side].get(r, [])}
                if len(candidates) == 1:
                    (mention,) = candidates.values()
                    self._role(mention, role, pcode)
                    linked.add(id(mention))
        for m in (*promoters.values(), *partners.values()):
            if id(m) not in linked:
                self._role(m, "programme_participant", key)

    def _org(self, oid: str, org: Any, pointer: str) -> OrgMention:
        if oid in self.orgs:
            return self.orgs[oid]
        info = org if isinstance(org, dict) else {}
        name, cc, acronym = split_name_country(str(info.get("name") or f"organisation {oid}"))
        region = _nuts(info.get("nuts"))
        mention = OrgMention(
            name,
            cc or nuts_country(region),
            organisation_type(name),
            _ev(pointer),
            acronym=acronym,
            region=region,
            identifier=f"eeagrants-portal:{oid}",
        )
        self.orgs[oid] = mention
        return mention

    def _role(self, mention: OrgMention, role: str, target: str) -> None:
        self.roles.append(RoleFact(mention, role, target, mention.evidence))

    def extraction(self, doc: Document) -> Extraction:
        projects: list[Project] = []
        for code, p in sorted(self.programmes.items()):
            countries = (p["country"],) if p.get("country") else ()
            projects.append(
                Project(
                    key=f"programme:{code}",
                    name=p["name"],
                    number=code,
                    entity_type="programme",
                    url=p.get("url"),
                    area=p.get("area"),
                    sector=p.get("sector"),
                    mechanism=p.get("fm"),
                    donor_states=tuple(sorted(p["donors"])),
                    countries=countries,
                    costs=_allocation(p["allocations"], code),
                )
            )
        for code, p in sorted(self.projects.items()):
            flags = p["flags"]
            regions = tuple(
                (role, r)
                for side, role in (("dst_nuts", "promoter"), ("src_nuts", "partner"))
                for r in sorted(set(_regions(flags.get(side))))
            )
            projects.append(
                Project(
                    key=code,
                    name=None,
                    number=code,
                    programme=p["programme"],
                    flags=tuple(
                        (name, bool(flags[name]))
                        for name in ("is_dpp", "has_ended", "continued_coop", "improved_knowledge")
                        if isinstance(flags.get(name), bool)
                    ),
                    regions=regions,
                )
            )
        notes = list(self.notes)
        inferred = sum(
            1
            for r in self.roles
            if r.role in ("promoter", "donor_partner") and not r.target.startswith("programme:")
        )
        if inferred:
            notes.append(
                f"{inferred} project roles inferred from NUTS regions (the only promoter or "
                "donor project partner of the programme in the project's region)"
            )
        if self.skipped:
            notes.append(f"{self.skipped} rows without programmes skipped")
        return Extraction(
            kind="portal-data",
            language="en",
            projects=tuple(projects),
            organisations=tuple(self.orgs[k] for k in sorted(self.orgs)),
            roles=tuple(self.roles),
            notes=tuple(notes),
        )


#: A NUTS code as the portal writes them: country letters, then up to three letters or digits.
_NUTS_CODE = re.compile(r"[A-Z]{2}[0-9A-Z]{0,3}")


def _nuts(value: Any) -> str | None:
    """A NUTS code, or None for anything else (a number, a code with spaces or brackets).

    >>> _nuts("LT00A"), _nuts("LT 00A"), _nuts(5), _nuts("NO>1")
    ('LT00A', None, None, None)
    """
    text = _text(value) if isinstance(value, str) else None
    return text if text is not None and _NUTS_CODE.fullmatch(text) else None


def _regions(value: Any) -> list[str]:
    """The NUTS codes of a project's ``src_nuts``/``dst_nuts`` (a list, or one code)."""
    values = value if isinstance(value, list) else [value]
    return [code for code in map(_nuts, values) if code is not None]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# ------------------------------------------------------------------ search exports


@cache
def _columns() -> dict[str, re.Pattern[str]]:
    raw = json.loads(
        files("partnergraph.graph").joinpath("data").joinpath("columns.json").read_text("utf-8")
    )
    return {
        field: re.compile(r"^(?:" + "|".join(patterns) + r")$", re.I)
        for field, patterns in raw.items()
        if not field.startswith("_")
    }


def _field(header: str) -> str | None:
    cleaned = " ".join(header.replace("\ufeff", "").split()).strip(" :")
    for field, pattern in _columns().items():
        if pattern.match(cleaned):
            return field
    return None


def read_table(doc: Document, rows: Iterable[list[str]] | None = None) -> Extraction:
    """Read a search export: CSV text in ``doc.text``, or the given rows (xlsx)."""
    table = list(rows) if rows is not None else list(_csv_rows(doc.text))
    if not table:
        raise PortalError("the table is empty")
    header = [_field(h) for h in table[0]]
    if "number" not in header and "name" not in header:
        raise PortalError(
            "no project number or project name column; headers were: " + ", ".join(table[0][:12])
        )
    projects: list[Project] = []
    orgs: list[OrgMention] = []
    roles: list[RoleFact] = []
    notes: list[str] = []
    for n, raw in enumerate(table[1:], start=2):
        cells: dict[str, list[str]] = defaultdict(list)
        for field, value in zip(header, raw, strict=False):
            if field and value and str(value).strip():
                cells[field].append(str(value).strip())
        if not cells:
            continue
        ev = _ev(f"row {n}")
        number = _first(cells, "number")
        name = _first(cells, "name")
        key = number or f"name:{name}" if (number or name) else None
        if key is None:
            notes.append(f"row {n}: no project number or name; skipped")
            continue
        costs = tuple(_costs(cells, ev))
        status = _STATUS.get((_first(cells, "status") or "").casefold())
        country = country_of_form(_first(cells, "country") or "") or _iso(_first(cells, "country"))
        projects.append(
            Project(
                key=key,
                name=name,
                number=number,
                status=status,
                costs=costs,
                programme=_first(cells, "programme"),
                evidence=ev,
            )
        )
        for field, role in (
            ("promoter", "promoter"),
            ("partners", "partner"),
            ("donor_partners", "donor_partner"),
        ):
            for value in cells.get(field, []):
                for part in _split_names(value):
                    org_name, cc, acronym = split_name_country(part)
                    org_country = (
                        cc or (country if role == "promoter" else None) or infer_country(org_name)
                    )
                    if org_country in DONOR_STATES and role == "partner":
                        role_here = "donor_partner"
                    else:
                        role_here = role
                    mention = OrgMention(
                        org_name, org_country, organisation_type(org_name), ev, acronym=acronym
                    )
                    orgs.append(mention)
                    roles.append(RoleFact(mention, role_here, key, ev))
    return Extraction(
        kind="portal-data",
        language="en",
        projects=tuple(projects),
        organisations=tuple(orgs),
        roles=tuple(roles),
        notes=tuple(notes),
    )


def _csv_rows(text: str) -> Iterator[list[str]]:
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    # a field may be as long as the file (which --max-mb bounds), not only csv's 128 KB
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    yield from csv.reader(io.StringIO(text), dialect)


#: An xlsx workbook is a ZIP file: what it may unpack to, and how many parts it may hold.
XLSX_MAX_UNPACKED = 256 * 1024 * 1024
XLSX_MAX_PARTS = 10_000


def xlsx_rows(path: str) -> list[list[str]]:
    """The first sheet of an xlsx file as rows of text (openpyxl, read-only). A workbook
    that would unpack to over ``XLSX_MAX_UNPACKED`` bytes or holds over ``XLSX_MAX_PARTS``
    parts is refused before it is unpacked (a decompression bomb)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise PortalError(f"not a readable xlsx workbook ({exc})") from exc
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > XLSX_MAX_PARTS or unpacked > XLSX_MAX_UNPACKED:
        raise PortalError(
            f"refused: the workbook would unpack to {unpacked / 1e6:,.0f} MB in {len(parts)} "
            f"parts (at most {XLSX_MAX_UNPACKED / 1e6:,.0f} MB and {XLSX_MAX_PARTS} parts)"
        )
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise PortalError(f"not a readable xlsx workbook ({type(exc).__name__}: {exc})") from exc
    try:
        sheet = book.worksheets[0]
        return [
            ["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        book.close()


def _first(cells: Mapping[str, list[str]], field: str) -> str | None:
    values = cells.get(field)
    return values[0] if values else None


def _iso(value: str | None) -> str | None:
    if value and len(value.strip()) == 2 and value.strip().isalpha():
        return value.strip().upper()
    return None


def _split_names(value: str) -> list[str]:
    parts = re.split(r"\s*(?:;|\n|\|)\s*", value)
    return [p for p in (x.strip() for x in parts) if p]


_COST_FIELDS = {
    "cost_initial": "initial",
    "cost_final": "final",
    "cost_grant": "grant",
    "cost_paid": "paid",
}


def _costs(cells: Mapping[str, list[str]], ev: Evidence) -> Iterator[Money]:
    for field, kind in _COST_FIELDS.items():
        for value in cells.get(field, []):
            found = find_amounts(value)
            if found:
                for amount, currency, s, e in found:
                    yield Money(amount, currency, kind, value[s:e], ev)
            elif (number := parse_number(value)) is not None:
                yield Money(number, "EUR", kind, value, ev)  # a bare number: euros
