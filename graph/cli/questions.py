"""Commands that ask the store questions: query (canned or your own .rq file), stats."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import Any

from partnergraph import queries

from ..answers import ask
from ..publish import write_atomic
from ..publish.sparql import QueryRefused, vet
from ..store import GraphStore, QueryResult, open_store
from .options import EXIT_INPUT, EXIT_OK, Parents, emit, err, positive, whole

__all__ = ["register"]


def register(sub: Any, parents: Parents) -> None:
    """Add the question commands to the subcommand parser ``sub``."""
    p = sub.add_parser(
        "query",
        parents=[parents.store, parents.output],
        help="answer a canned question (or your own .rq file)",
        description="Run a shipped question by name, or your own SPARQL from a .rq file or "
        "--sparql: SELECT (a table, CSV or JSON), ASK (true or false), CONSTRUCT and DESCRIBE "
        "(Turtle for table, N-Triples for csv, JSON-LD for json). Parameters are bound as "
        "RDF terms, never pasted into the query. An organisation parameter takes a name, "
        "alias or acronym, NAME@CC to choose among organisations that share a name, or an "
        "IRI. In the table, IRIs are shown by their labels; CSV and JSON keep the IRIs. "
        "SERVICE is refused (no query reaches another server).",
    )
    p.add_argument("name", nargs="?", metavar="NAME|FILE.rq", help="question name or .rq file")
    p.add_argument("--sparql", metavar="TEXT", help="run this SPARQL text instead")
    p.add_argument(
        "--limit",
        type=positive,
        metavar="N",
        help="at most N rows (a table on a terminal shows 100 unless --all)",
    )
    p.add_argument("--offset", type=whole, default=0, metavar="N", help="skip the first N rows")
    p.add_argument("--all", action="store_true", help="a table on a terminal shows every row")
    p.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a question parameter",
    )
    p.add_argument(
        "--list", action="store_true", help="list the shipped questions and their parameters"
    )
    p.add_argument(
        "--inferred",
        action="store_true",
        help="add what reasoning infers (run 'reason' first): rows that name something new, "
        "marked in a column 'inferred'; restatements of asserted rows are left out",
    )
    p.set_defaults(handler=_query)

    p = sub.add_parser(
        "stats",
        parents=[parents.store, parents.output],
        help="count documents, triples, projects, organisations and events",
        description="Counts of what the store holds.",
    )
    p.set_defaults(handler=_stats)


def _query(args: argparse.Namespace) -> int:
    if args.list:
        for name in queries.names():
            q = queries.load(name)
            params = ", ".join(
                f"{p.name} ({p.kind}{'' if p.required else ', optional'})" for p in q.params
            )
            print(f"{name:<20} {q.title}" + (f"  [params: {params}]" if params else ""))
            if q.answers:
                print(f"{'':<20} {q.answers}")
        return EXIT_OK
    if not args.name and not args.sparql:
        err("query: give a question NAME, a FILE.rq or --sparql TEXT (see 'query --list')")
        return EXIT_INPUT
    if args.name and args.sparql:
        err("query: give a question or --sparql, not both")
        return EXIT_INPUT
    try:
        if args.sparql:
            q = queries.parse("--sparql", args.sparql)
        elif args.name.endswith(".rq"):
            if not Path(args.name).is_file():
                err(f"{args.name}: no such query file")
                return EXIT_INPUT
            q = queries.load_file(args.name)
        else:
            q = queries.load(args.name)
        values = _params(args.param)
        form = vet(q.sparql)
        store = open_store(args.store, read_only=True)
        for param in q.params:
            if param.kind == "name" and param.name in values:
                values[param.name] = one_organisation(store, param.name, values[param.name])
        sparql = queries.bound(q, values)  # parameters checked here, before any answer
    except QueryRefused as exc:
        err(f"query: {exc}")
        return EXIT_INPUT
    except Unknown as exc:
        for line in exc.args:
            err(line)
        return EXIT_INPUT
    except (KeyError, ValueError) as exc:
        err(str(exc.args[0]) if isinstance(exc, KeyError) else str(exc))
        return EXIT_INPUT
    if form == "ASK":
        answer = "true" if store.ask(sparql, inferred=args.inferred) else "false"
        emit(QueryResult(("answer",), ((answer,),)), args.format, args.output)
        return EXIT_OK
    if form in ("CONSTRUCT", "DESCRIBE"):
        data = _graph_text(store.construct(sparql, inferred=args.inferred), args.format)
        if args.output and args.output != "-":
            write_atomic(args.output, data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        return EXIT_OK
    limit = args.limit
    on_screen = args.format == "table" and args.output in (None, "-") and sys.stdout.isatty()
    if limit is None and on_screen and not args.all:
        limit = TABLE_PAGE
    page = ask(store, q, values, limit=limit, offset=args.offset, inferred=args.inferred)
    emit(page.result, args.format, args.output, labels=partial(queries.labels, store.select))
    if len(page.result.rows) < page.total:
        shown = f"rows {page.offset + 1}–{page.end}" if page.result.rows else "no rows"
        more = " — --all for all" if on_screen and not args.all and args.limit is None else ""
        print(f"{shown} of {page.total}{more}", file=sys.stderr)
    return EXIT_OK


#: Rows a table shows on a terminal unless --all or --limit says otherwise.
TABLE_PAGE = 100


class Unknown(Exception):
    """A name that stands for no organisation, or for several."""


def one_organisation(store: GraphStore, param: str, value: str) -> str:
    """The IRI of the one organisation ``value`` stands for; else :class:`Unknown` with
    what to do."""
    found = queries.find_organisations(store.select, value)
    if not found:
        raise Unknown(
            f"no organisation is called {value!r} in this store "
            "('partnergraph query organisations' lists them with their names)"
        )
    if len(found) > 1:
        name = queries.split_country(value)[0]
        raise Unknown(
            f"{value!r} names {len(found)} organisations; choose one with "
            f"-p {param}='{name}@CC' (its country code) or -p {param}=IRI:",
            *(f"  {o.label or '?'} ({o.country or 'no country'})  {o.iri}" for o in found[:20]),
        )
    return found[0].iri


def _graph_text(ntriples: bytes, fmt: str) -> bytes:
    """N-Triples as the format asked: Turtle for a person, N-Triples, or JSON-LD."""
    import pyoxigraph as ox

    from partnergraph.ontology import PREFIXES

    if fmt == "csv":
        return ntriples
    triples = list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    if fmt == "json":
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"[]\n"
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def _params(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param wants KEY=VALUE, not {item!r}")
        out[key.strip()] = value
    return out


def _stats(args: argparse.Namespace) -> int:
    store: GraphStore = open_store(args.store, read_only=True)
    counts = store.select(queries.tool("stats").sparql)
    variables = (*counts.variables, "triples", "graphs")
    row = (*counts.rows[0], str(len(store)), str(len(store.graphs())))
    emit(QueryResult(variables, (row,)), args.format, args.output)
    return EXIT_OK
