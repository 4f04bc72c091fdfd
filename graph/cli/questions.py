"""Commands that ask the store questions: query (canned or your own .rq file), stats."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from partnergraph import queries

from ..store import GraphStore, QueryResult, open_store
from .options import EXIT_INPUT, EXIT_OK, Parents, emit, err

__all__ = ["register"]


def register(sub: Any, parents: Parents) -> None:
    """Add the question commands to the subcommand parser ``sub``."""
    p = sub.add_parser(
        "query",
        parents=[parents.store, parents.output],
        help="answer a canned question (or your own .rq file)",
        description="Run a shipped question by name, or a SPARQL SELECT from a .rq file. "
        "Parameters are bound as RDF terms, never pasted into the query.",
    )
    p.add_argument("name", nargs="?", metavar="NAME|FILE.rq", help="question name or .rq file")
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
        help="answer with the inferred graph too (run 'reason' first)",
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
    if not args.name:
        err("query: give a question NAME or a FILE.rq (see 'partnergraph query --list')")
        return EXIT_INPUT
    try:
        if args.name.endswith(".rq"):
            if not Path(args.name).is_file():
                err(f"{args.name}: no such query file")
                return EXIT_INPUT
            q = queries.load_file(args.name)
        else:
            q = queries.load(args.name)
        values = _params(args.param)
        sparql = queries.bound(q, values)
    except (KeyError, ValueError) as exc:
        err(str(exc.args[0]) if isinstance(exc, KeyError) else str(exc))
        return EXIT_INPUT
    store = open_store(args.store, read_only=True)
    result = store.select(sparql, inferred=args.inferred)
    result = QueryResult(result.variables, queries.tidy(q, result.variables, result.rows))
    emit(result, args.format, args.output)
    return EXIT_OK


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
