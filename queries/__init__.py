"""Canned cooperation questions: one SPARQL file per question, loaded by name.

Each ``.rq`` file opens with a header::

    # title: Partners of an organisation
    # answers: Which organisations worked with ORG …
    # param: org name required — a name, alias or acronym …
    # lists: partners hosts

Parameter kinds: ``literal``, ``iri``, ``integer``, ``date``, and ``name``: a literal that
also binds ``?NAME_key``, the value folded by :func:`name_key` (what ``pg:nameKey`` holds),
so a question finds an organisation by an index lookup instead of a scan of every label.

A ``lists`` line names the columns that hold ``GROUP_CONCAT`` lists (items joined by
`` | ``): SPARQL leaves the order of such items to the store, so :func:`tidy` sorts them
and the same graph gives the same answer on every backend.

Parameters become typed RDF terms (pyoxigraph writes and escapes them) placed in a
``VALUES`` block at the top of the outer ``WHERE``: a value is data, never query text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from partnergraph.ontology import name_key

__all__ = [
    "LIST_SEPARATOR",
    "Organisation",
    "Param",
    "ParamError",
    "Query",
    "bindings",
    "bound",
    "find_organisations",
    "labels",
    "load",
    "load_file",
    "merge_inferred",
    "name_key",
    "names",
    "split_country",
    "tidy",
    "tool",
]

_HEADER = re.compile(r"^#\s*(title|answers|param|lists)\s*:\s*(.*)$")
_KINDS = ("literal", "iri", "integer", "date", "name")
_PARAM = re.compile(
    rf"^(?P<name>[A-Za-z_]\w*)\s+(?P<kind>{'|'.join(_KINDS)})\s+(?P<need>required|optional)"
    r"\s*(?:[—-]+\s*(?P<doc>.*))?$"
)


class ParamError(ValueError):
    """A parameter is missing, unknown or malformed; the message says which."""


@dataclass(frozen=True)
class Param:
    """One declared query parameter."""

    name: str
    kind: str
    required: bool
    doc: str


@dataclass(frozen=True)
class Query:
    """A canned question: its name, title, what it answers, parameters and SPARQL text."""

    name: str
    title: str
    answers: str
    params: tuple[Param, ...]
    sparql: str
    lists: tuple[str, ...] = ()


LIST_SEPARATOR = " | "


def names() -> list[str]:
    """Names of the shipped questions, sorted."""
    return sorted(
        entry.name[: -len(".rq")]
        for entry in files(__name__).iterdir()
        if entry.name.endswith(".rq")
    )


def load(name: str) -> Query:
    """The shipped question ``name``; an unknown name lists the known ones."""
    if name not in names():
        raise KeyError(f"no question named {name!r}; known: {', '.join(names())}")
    return parse(name, files(__name__).joinpath(f"{name}.rq").read_text(encoding="utf-8"))


def tool(name: str) -> Query:
    """A question partnergraph's own commands ask (``tool/NAME.rq``: ``stats``, ``explain``,
    ``reasons``); not listed among the canned questions."""
    entry = files(__name__).joinpath("tool").joinpath(f"{name}.rq")
    if not entry.is_file():
        raise KeyError(f"no tool question named {name!r}")
    return parse(name, entry.read_text(encoding="utf-8"))


def load_file(path: str | Path) -> Query:
    """A question from a ``.rq`` file of the user's (same header rules, header optional)."""
    p = Path(path)
    return parse(p.stem, p.read_text(encoding="utf-8"))


def parse(name: str, text: str) -> Query:
    """Read the header of a ``.rq`` text."""
    title, answers = name, ""
    params: list[Param] = []
    lists: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "answers":
            answers = value
        elif key == "lists":
            lists.extend(value.replace(",", " ").split())
        else:
            p = _PARAM.match(value)
            if p is None:
                raise ValueError(f"{name}: cannot read the parameter line {value!r}")
            params.append(Param(p["name"], p["kind"], p["need"] == "required", p["doc"] or ""))
    return Query(name, title, answers, tuple(params), text, tuple(lists))


def tidy(
    query: Query, variables: tuple[str, ...], rows: tuple[tuple[str | None, ...], ...]
) -> tuple[tuple[str | None, ...], ...]:
    """Rows with the items of the query's list columns sorted.

    >>> q = parse("x", "# lists: hosts\\nSELECT * {}")
    >>> tidy(q, ("event", "hosts"), (("e1", "Red Cross | KS"),))
    (('e1', 'KS | Red Cross'),)
    """
    at = [i for i, v in enumerate(variables) if v in query.lists]
    if not at:
        return rows

    def sort_cells(row: tuple[str | None, ...]) -> tuple[str | None, ...]:
        cells = list(row)
        for i in at:
            cell = cells[i]
            if cell:
                cells[i] = LIST_SEPARATOR.join(sorted(cell.split(LIST_SEPARATOR)))
        return tuple(cells)

    return tuple(sort_cells(row) for row in rows)


def bindings(query: Query, values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """Typed RDF terms for the given parameter values, checked against the declaration.

    >>> q = parse("x", "# param: org literal required — a name\\nSELECT * {}")
    >>> bindings(q, {"org": 'KS" } ; DROP ALL ; #'})["org"].value
    'KS" } ; DROP ALL ; #'
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise ParamError(
            f"{query.name}: unknown parameter {', '.join(unknown)} (it takes: {known})"
        )
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    for p in query.params:
        if p.name not in values:
            if p.required:
                raise ParamError(f"{query.name}: parameter {p.name!r} is required — {p.doc}")
            continue
        value = values[p.name]
        if p.kind == "name":
            # a name binds its folded key (any organisation of that name); an IRI binds the
            # organisation itself (one of several that share a name: see find_organisations)
            if value.strip().startswith(("http://", "https://")):
                out[p.name] = _term(replace(p, kind="iri"), value)
            else:
                out[f"{p.name}_key"] = ox.Literal(name_key(value))
            continue
        out[p.name] = _term(p, value)
    return out


@dataclass(frozen=True)
class Organisation:
    """One organisation a name stands for: its IRI, a label and its country code."""

    iri: str
    label: str | None
    country: str | None


def split_country(value: str) -> tuple[str, str | None]:
    """``NAME@CC`` → (NAME, CC); a name without a country code → (name, None).

    >>> split_country("Ministry of Environment@lt"), split_country("info@ks.no")
    (('Ministry of Environment', 'LT'), ('info@ks.no', None))
    """
    name, at, cc = value.rpartition("@")
    if at and name.strip() and re.fullmatch(r"[A-Za-z]{2}", cc.strip()):
        return name.strip(), cc.strip().upper()
    return value, None


def find_organisations(select: Callable[[str], Any], value: str) -> list[Organisation]:
    """The organisations ``value`` (a name, alias or acronym, ``NAME@CC``, or an IRI) stands
    for; ``select`` runs a SELECT on the store (``store.select``)."""
    if value.strip().startswith(("http://", "https://")):
        return [Organisation(value.strip(), None, None)]
    name, country = split_country(value)
    result = select(bound(tool("find_organisation"), {"name": name}))
    found = [Organisation(*row) for row in result.rows]
    if country is not None:
        found = [o for o in found if (o.country or "").upper() == country]
    return found


Row = tuple[str | None, ...]


def merge_inferred(asserted: Sequence[Row], combined: Sequence[Row]) -> tuple[Row, ...]:
    """The asserted rows, then the rows only reasoning gives, each with one more cell:
    ``"inferred"`` or empty (the answer without and with the inferred graph).

    A row that only restates an asserted one in more general words (a role as its
    super-role, a study visit as an Event) names the same things (its IRIs) and is left
    out; a row that names something new (a cooperation the property chain gives) is kept.

    >>> a, b = "http://x/a", "http://x/b"
    >>> merge_inferred([(a, "promoter")], [(a, "promoter"), (a, "involves"), (b, "involves")])
    (('http://x/a', 'promoter', ''), ('http://x/b', 'involves', 'inferred'))
    """
    width = len(combined[0]) if combined else 0
    iri_columns = [
        i for i in range(width)
        if any((row[i] or "").startswith(("http://", "https://")) for row in combined)
    ]  # fmt: skip

    def names(row: Row) -> Row:
        return tuple(row[i] for i in iri_columns) if iri_columns else row

    stated = set(asserted)
    stated_names = {names(row) for row in asserted}
    rows: list[Row] = [(*row, "") for row in asserted]
    for row in combined:
        if row not in stated and names(row) not in stated_names:
            rows.append((*row, "inferred"))
            stated_names.add(names(row))
    return tuple(rows)


def labels(select: Callable[[str], Any], iris: Iterable[str]) -> dict[str, str]:
    """A label for each IRI that has one (``select`` runs a SELECT on the store), asked in
    batches; IRIs are checked terms, never pasted text."""
    found: dict[str, str] = {}
    unique = sorted({i for i in iris if i.startswith(("http://", "https://"))})
    query = tool("labels").sparql
    for start in range(0, len(unique), 500):
        terms = []
        for iri in unique[start : start + 500]:
            try:
                terms.append(str(ox.NamedNode(iri)))
            except ValueError:
                continue
        text = _after_where(query, "VALUES ?x { " + " ".join(terms) + " }\n")
        assert text is not None  # labels.rq has its WHERE
        for iri, label in select(text).rows:
            if label:
                found[iri] = label
    return found


def _term(p: Param, value: str) -> ox.NamedNode | ox.Literal:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    if p.kind in ("literal", "name"):
        return ox.Literal(value)
    if p.kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise ParamError(f"parameter {p.name!r} must be an integer, not {value!r}")
        return ox.Literal(value.strip(), datatype=ox.NamedNode(xsd + "integer"))
    if p.kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ParamError(f"parameter {p.name!r} must be a date YYYY-MM-DD, not {value!r}")
        return ox.Literal(value.strip(), datatype=ox.NamedNode(xsd + "date"))
    try:
        return ox.NamedNode(value.strip())
    except ValueError as exc:
        raise ParamError(f"parameter {p.name!r} must be an IRI: {exc}") from exc


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def bound(query: Query, values: Mapping[str, str]) -> str:
    """The query text with its parameters bound in a ``VALUES`` block at the top of every
    ``WHERE`` (a sub-query sees only what is inside it, so each gets the values too).

    >>> q = parse("x", "# param: org literal required — a name\\nSELECT * WHERE { ?s ?p ?org }")
    >>> print(bound(q, {"org": 'KS" } DROP ALL #'}))
    # param: org literal required — a name
    SELECT * WHERE { VALUES (?org) { ("KS\\" } DROP ALL #") }
     ?s ?p ?org }
    """
    terms = bindings(query, values)
    if not terms:
        return query.sparql
    names_ = sorted(terms)
    block = "VALUES ({}) {{ ({}) }}\n".format(
        " ".join(f"?{n}" for n in names_), " ".join(str(terms[n]) for n in names_)
    )
    text = _after_where(query.sparql, block)
    if text is None:
        raise ValueError(f"{query.name}: a query with parameters needs a WHERE {{ … }} clause")
    return text


def _after_where(text: str, block: str) -> str | None:
    """``text`` with ``block`` at the top of every ``WHERE { … }`` (sub-queries too: each sees
    only what is inside it); None if it has no WHERE."""
    wheres = list(_WHERE.finditer(text, _body_start(text)))
    if not wheres:
        return None
    for m in reversed(wheres):
        text = f"{text[: m.end()]} {block}{text[m.end() :]}"
    return text


def _body_start(text: str) -> int:
    """Offset after the header comments and PREFIX lines (a WHERE in a comment is not one)."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if (
            stripped.startswith("#")
            or not stripped
            or stripped.upper().startswith(("PREFIX", "BASE"))
        ):
            pos += len(line)
            continue
        break
    return pos
