"""The ``partnergraph`` command: build, query, draw, export, stats.

Exit codes: 0 ok; 1 findings (reserved for validation); 2 usage or input error — a bad
path, an unreadable file (the rest is still built), an unknown question, a bad parameter.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from partnergraph import queries

from .build import build
from .export import FORMATS, SUFFIX_FORMAT, Format, serialise, write_atomic
from .store import STORE_ENV, QueryResult, Store, StoreError, open_store
from .triples import DEFAULT_BASE

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _version() -> str:
    try:
        return version("partnergraph")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    store_opts = argparse.ArgumentParser(add_help=False)
    store_help = f"the graph store folder (default: ${STORE_ENV}, else .partnergraph/store)"
    store_opts.add_argument("--store", metavar="DIR", default=argparse.SUPPRESS, help=store_help)
    out_opts = argparse.ArgumentParser(add_help=False)
    out_opts.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: table)",
    )
    out_opts.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )

    parser = argparse.ArgumentParser(
        prog="partnergraph",
        description="Turn documents about institutional cooperation into a knowledge graph.",
        epilog="Exit codes: 0 ok, 1 findings, 2 usage or input error. "
        "Run 'partnergraph COMMAND --help'.",
    )
    parser.add_argument("--version", action="version", version=f"partnergraph {_version()}")
    parser.add_argument("--store", metavar="DIR", default=None, help=store_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "build",
        parents=[store_opts],
        help="read documents (files, folders, globs) into the graph store",
        description="Read text and HTML documents, extract projects, organisations, places and "
        "events, and write one named graph per document into the store. A document built "
        "again replaces its own graph. Unreadable inputs are reported and skipped (exit 2).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder or a glob pattern")
    p.add_argument(
        "--base", default=DEFAULT_BASE, help=f"base of minted IRIs (default: {DEFAULT_BASE})"
    )
    p.add_argument(
        "--max-mb",
        type=float,
        default=20.0,
        metavar="MB",
        help="refuse files larger than this (default: 20)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")

    p = sub.add_parser(
        "query",
        parents=[store_opts, out_opts],
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

    p = sub.add_parser(
        "draw",
        parents=[store_opts],
        help="write the partner network as one self-contained HTML page",
        description="Write the organisation–organisation network (weight = shared projects and "
        "events) as one HTML file that opens offline.",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.html", help="the page to write")
    p.add_argument("--title", default="partnergraph — partner network", help="page title")

    p = sub.add_parser(
        "export",
        parents=[store_opts],
        help="export the asserted graph as Turtle, TriG, N-Triples or JSON-LD",
        description="Export the documents' asserted facts. The format follows --format, else "
        "the file's suffix (.ttl .trig .nt .jsonld).",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    p.add_argument("--format", choices=FORMATS, help="turtle, trig, nt or jsonld")

    sub.add_parser(
        "stats",
        parents=[store_opts, out_opts],
        help="count documents, triples, projects, organisations and events",
        description="Counts of what the store holds.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    try:
        handler = {
            "build": _build,
            "query": _query,
            "draw": _draw,
            "export": _export,
            "stats": _stats,
        }[args.command]
        return handler(args)
    except StoreError as exc:
        _err(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _err("interrupted; the store keeps every document written before the interruption")
        return 130


def _err(message: str) -> None:
    print(f"partnergraph: {message}", file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    store = open_store(args.store)
    progress = _progress() if not args.quiet and sys.stderr.isatty() else None
    try:
        report = build(
            args.paths,
            store,
            base=args.base,
            max_bytes=int(args.max_mb * 1024 * 1024),
            progress=progress,
        )
    finally:
        store.close()
    if progress is not None:
        print(file=sys.stderr)
    for problem in report.problems:
        _err(f"skipped {problem}")
    if not args.quiet:
        for path, notes in sorted(report.notes.items()):
            for note in notes:
                print(f"note: {path}: {note}", file=sys.stderr)
        where = args.store or "the store"
        print(f"built {len(report.documents)} document(s), {report.triples} triples, into {where}")
    if not report.documents:
        _err("no document could be read; the store is unchanged")
        return EXIT_INPUT
    return EXIT_INPUT if report.problems else EXIT_OK


def _progress() -> Callable[[str], None]:
    def show(path: str) -> None:
        print(f"\rreading {path[-70:]:<70}", end="", file=sys.stderr, flush=True)

    return show


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
        _err("query: give a question NAME or a FILE.rq (see 'partnergraph query --list')")
        return EXIT_INPUT
    try:
        if args.name.endswith(".rq"):
            if not Path(args.name).is_file():
                _err(f"{args.name}: no such query file")
                return EXIT_INPUT
            q = queries.load_file(args.name)
        else:
            q = queries.load(args.name)
        values = _params(args.param)
        sparql = queries.bound(q, values)
    except (KeyError, ValueError) as exc:
        _err(str(exc.args[0]) if isinstance(exc, KeyError) else str(exc))
        return EXIT_INPUT
    store = open_store(args.store, read_only=True)
    result = store.select(sparql)
    _emit(result, args.format, args.output)
    return EXIT_OK


def _params(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param wants KEY=VALUE, not {item!r}")
        out[key.strip()] = value
    return out


def _emit(result: QueryResult, fmt: str, output: str | None) -> None:
    text = _render(result, fmt)
    if output:
        write_atomic(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)


def _render(result: QueryResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.dicts(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if v is None else v for v in row])
        return buf.getvalue()
    return _table(result)


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table

    # IRIs are for machines (csv/json keep them); the table shows what a person reads
    keep = [
        i
        for i, _var in enumerate(result.variables)
        if not result.rows
        or not all((row[i] or "").startswith(("http://", "https://")) for row in result.rows)
    ]
    table = Table(show_lines=False, header_style="bold")
    for i in keep:
        table.add_column(result.variables[i], overflow="fold")
    for row in result.rows:
        table.add_row(*("" if row[i] is None else row[i] for i in keep))
    buf = io.StringIO()
    Console(file=buf, width=160, color_system=None, markup=False).print(table)
    rows = len(result.rows)
    return buf.getvalue() + f"{rows} row{'s' if rows != 1 else ''}\n"


def _draw(args: argparse.Namespace) -> int:
    from partnergraph.visualize import network_html, org_network

    store = open_store(args.store, read_only=True)
    graph = org_network(store)
    write_atomic(args.output, network_html(graph, title=args.title).encode("utf-8"))
    nodes, links = graph.number_of_nodes(), graph.number_of_edges()
    print(f"wrote {args.output}: {nodes} organisations, {links} links")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    fmt: Format | None = args.format or SUFFIX_FORMAT.get(Path(args.output).suffix.lower())
    if fmt is None:
        known = ", ".join(FORMATS)
        _err(f"{args.output}: cannot tell the format from the suffix; give --format ({known})")
        return EXIT_INPUT
    store = open_store(args.store, read_only=True)
    data = serialise(store, fmt)
    write_atomic(args.output, data)
    print(f"wrote {args.output} ({fmt}, {len(data)} bytes)")
    return EXIT_OK


_STATS = """PREFIX pg: <https://w3id.org/partnergraph/ns#>
SELECT
  (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?project) AS ?projects)
  (COUNT(DISTINCT ?org) AS ?organisations) (COUNT(DISTINCT ?event) AS ?events)
  (COUNT(DISTINCT ?country) AS ?countries)
WHERE {
  { ?doc a pg:SourceDocument } UNION { ?project a pg:Project }
  UNION { ?org a <http://www.w3.org/ns/org#Organization> }
  UNION { ?event a ?c . VALUES ?c { pg:StudyVisit pg:Seminar pg:Conference pg:Workshop
                                    pg:Meeting pg:Training pg:Competition pg:Event } }
  UNION { ?org2 pg:country ?country }
}"""


def _stats(args: argparse.Namespace) -> int:
    store: Store = open_store(args.store, read_only=True)
    counts = store.select(_STATS)
    variables = (*counts.variables, "triples", "graphs")
    row = (*counts.rows[0], str(len(store)), str(len(store.graphs())))
    _emit(QueryResult(variables, (row,)), args.format, args.output)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
