"""The ``partnergraph`` command: build, query, draw, export, stats.

Exit codes: 0 ok; 1 findings (reserved for validation); 2 usage or input error — a bad
path, an unreadable file (the rest is still built), an unknown question, a bad parameter.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from partnergraph import queries

from .build import BuildReport, build
from .export import FORMATS, SUFFIX_FORMAT, Format, serialise, write_atomic
from .resolve import JudgementError, Judgements, load_judgements
from .store import STORE_ENV, GraphStore, QueryResult, Store, StoreError, open_store, staged
from .triples import DEFAULT_BASE
from .workers import WorkerError, default_jobs

JUDGEMENTS_ENV = "PARTNERGRAPH_JUDGEMENTS"

if TYPE_CHECKING:
    from .validate import Finding

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_FAILED = 0, 1, 2, 3


def _version() -> str:
    try:
        return version("partnergraph")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    store_opts = argparse.ArgumentParser(add_help=False)
    store_help = (
        "the store: a folder, an Oxigraph server http://HOST:PORT, or a Virtuoso "
        f"virtuoso+http://HOST:PORT (default: ${STORE_ENV}, else 'location' in "
        "partnergraph.toml, else .partnergraph/store)"
    )
    store_opts.add_argument(
        "--store", metavar="DIR|URL", default=argparse.SUPPRESS, help=store_help
    )
    judgements_help = (
        'a JSON file of your decisions: {"same": [[name, name], …], '
        f'"different": [[name, name], …]}} (default: ${JUDGEMENTS_ENV})'
    )
    jobs_opts = argparse.ArgumentParser(add_help=False)
    jobs_opts.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        default=default_jobs(),
        help="read documents in N processes (default: one per core, for 200 documents or "
        "more; the graph is the same whatever N)",
    )
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
    parser.add_argument("--store", metavar="DIR|URL", default=None, help=store_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "build",
        parents=[store_opts, jobs_opts],
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
    p.add_argument(
        "--no-validate", action="store_true", help="skip SHACL validation after the build"
    )
    p.add_argument("--judgements", metavar="FILE", help=judgements_help)
    p.add_argument(
        "--prune",
        action="store_true",
        help="remove documents (and their facts) not given this time",
    )
    p.add_argument(
        "--reason", action="store_true", help="also write the inferred graph (see 'reason')"
    )

    p = sub.add_parser(
        "extract",
        parents=[jobs_opts],
        help="print what is read from documents: one JSON object per document (gold schema)",
        description="Read documents like 'build' does (the same code path: read, extract, resolve) "
        "and print one JSON object per document, one per line, in the schema of the gold "
        "annotations: doc, kind, language, projects, organisations, places, events, "
        "cooperation_links. Nothing is written to the store.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder or a glob pattern")
    p.add_argument("--format", choices=("json",), default="json", help="json: one object per line")
    p.add_argument("--judgements", metavar="FILE", help=judgements_help)
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    p.add_argument(
        "--max-mb",
        type=float,
        default=20.0,
        metavar="MB",
        help="refuse files larger than this (default: 20)",
    )

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
    p.add_argument(
        "--inferred",
        action="store_true",
        help="answer with the inferred graph too (run 'reason' first)",
    )

    p = sub.add_parser(
        "draw",
        parents=[store_opts],
        help="draw the partner network: an offline HTML page, or a PNG/SVG picture",
        description="Write the organisation–organisation network (weight = shared projects and "
        "events): FILE.html is one interactive page that opens offline; FILE.png or FILE.svg a "
        "static picture. --countries draws the country–country matrix instead.",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=".html, .png or .svg")
    p.add_argument("--title", default="partnergraph — partner network", help="title")
    p.add_argument("--focus", metavar="ORG", help="only the network around this organisation")
    p.add_argument("--hops", type=int, default=1, help="how far around --focus (default: 1)")
    p.add_argument(
        "--country", action="append", default=[], metavar="CC", help="only these countries"
    )
    p.add_argument("--type", action="append", default=[], metavar="TYPE", help="only these types")
    p.add_argument("--countries", action="store_true", help="the country–country matrix (png/svg)")

    p = sub.add_parser(
        "serve",
        parents=[store_opts],
        help="a local, read-only SPARQL endpoint with a query page and the network page",
        description="Serve the store as a SPARQL 1.1 Protocol endpoint at /sparql (GET or POST), "
        "with a query page at / and the partner network at /network. Read-only: updates are "
        "refused. Bound to 127.0.0.1 unless --host says otherwise. Ctrl-C stops it.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument(
        "--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)"
    )
    p.add_argument(
        "--timeout", type=float, default=30.0, help="cut a query's answer after this many s"
    )
    p.add_argument("--max-rows", type=int, default=10_000, help="at most this many rows an answer")

    p = sub.add_parser(
        "analyse",
        parents=[store_opts, out_opts],
        help="network metrics per organisation: degree, betweenness, brokers, communities",
        description="Degree, weighted degree, betweenness (sampled above 500 organisations), "
        "Burt's constraint (low = broker) and Louvain communities (seeded), most central first. "
        "--write stores them in the 'metrics' named graph for SPARQL.",
    )
    p.add_argument("--write", action="store_true", help="store the metrics in the graph")

    p = sub.add_parser(
        "export",
        parents=[store_opts],
        help="export the asserted graph as Turtle, TriG, N-Triples or JSON-LD",
        description="Export the documents' asserted facts. The format follows --format, else "
        "the file's suffix (.ttl .trig .nt .jsonld).",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    p.add_argument("--format", choices=FORMATS, help="turtle, trig, nt or jsonld")
    p.add_argument("--inferred", action="store_true", help="include the inferred graph")

    p = sub.add_parser(
        "resolve",
        parents=[store_opts],
        help="explain which names and sources became one organisation, and why",
        description="Show an organisation's identity: its canonical name, country, type, every "
        "name it was seen under with the documents that use it, and the rules (or your "
        "judgements) that made them one. Correct it with a judgements file given to 'build'.",
    )
    p.add_argument("--explain", required=True, metavar="NAME", help="a name, alias or acronym")

    p = sub.add_parser(
        "reason",
        parents=[store_opts],
        help="write the consequences of the ontology into the 'inferred' named graph",
        description="Materialise sub-properties, inverses, the symmetric cooperatesWith chain, "
        "domains, ranges and sub-classes into their own named graph; asserted data is untouched. "
        "Engines: 'rules' (SPARQL updates in the store, fast) or 'owlrl' (full OWL 2 RL, slow: "
        "about 100 s for 40k triples).",
    )
    p.add_argument("--engine", choices=("rules", "owlrl"), default="rules", help="default: rules")

    p = sub.add_parser(
        "validate",
        parents=[store_opts, out_opts],
        help="check the graph against the SHACL shapes; exit 1 on violations",
        description="Validate the asserted graph with pySHACL against ontology/shapes.ttl. Each "
        "finding names the node, the property, what is wrong and the source documents.",
    )

    p = sub.add_parser(
        "describe",
        parents=[store_opts],
        help="write a DCAT-AP 3 description of the graph, with VoID statistics",
        description="Write a DCAT-AP 3 catalogue record (catalogue, dataset, one distribution per "
        "export format, licence, publisher, temporal and spatial coverage, themes, keywords) and "
        "VoID statistics, generated from the graph.",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.ttl", help="where to write it")
    p.add_argument("--title", help="dataset title")
    p.add_argument("--description", help="dataset description")
    p.add_argument("--publisher", help="publisher name")
    p.add_argument("--publisher-iri", help="publisher IRI")
    p.add_argument("--licence", help="licence IRI (default: EU authority CC_BY_4_0)")
    p.add_argument(
        "--download-base", metavar="URL", help="where the exported files will be published"
    )
    p.add_argument("--base", help=f"base of the record's IRIs (default: {DEFAULT_BASE})")
    p.add_argument("--keyword", action="append", default=[], help="a keyword (repeatable)")
    p.add_argument(
        "--check",
        metavar="DIR",
        help="validate the record against the SHACL shapes in DIR (exit 1 if not)",
    )

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
            "extract": _extract,
            "query": _query,
            "draw": _draw,
            "export": _export,
            "stats": _stats,
            "analyse": _analyse,
            "serve": _serve,
            "reason": _reason,
            "resolve": _resolve,
            "validate": _validate,
            "describe": _describe,
        }[args.command]
        return handler(args)
    except (StoreError, JudgementError) as exc:
        _err(str(exc))
        return EXIT_INPUT
    except WorkerError as exc:
        _err(f"{exc}; the store is unchanged")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("interrupted; the store keeps every document written before the interruption")
        return 130


def _positive(text: str) -> int:
    """An argparse type: a whole number ≥ 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _err(message: str) -> None:
    print(f"partnergraph: {message}", file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    from .triples import web_iri

    if web_iri(args.base) is None or not args.base.endswith(("/", "#")):
        _err(f"--base {args.base!r}: give an http(s) IRI ending in / or #")
        return EXIT_INPUT
    progress = _progress() if not args.quiet and sys.stderr.isatty() else None
    findings: list[Finding] = []
    try:
        with staged(args.store) as store:  # made current only when all is written
            report = build(
                args.paths,
                store,
                base=args.base,
                max_bytes=int(args.max_mb * 1024 * 1024),
                progress=progress,
                judgements=_judgements(args.judgements),
                prune=args.prune,
                jobs=args.jobs,
            )
            if not report.documents:
                raise _NothingBuilt(report)
            if args.reason:
                from .reason import reason

                done = reason(store)
                if not args.quiet:
                    print(f"inferred {done.inferred} triples ({done.engine}, {done.seconds:.1f} s)")
            if not args.no_validate:
                from .validate import validate

                findings = [f for f in validate(store) if f.severity == "violation"]
    except _NothingBuilt as nothing:
        report = nothing.report
    if progress is not None:
        print(file=sys.stderr)
    for problem in report.problems:
        _err(f"skipped {problem}")
    if not args.quiet:
        for path, notes in sorted(report.notes.items()):
            for note in notes:
                print(f"note: {path}: {note}", file=sys.stderr)
        where = args.store or "the store"
        removed = f"; removed {len(report.removed)} document(s) not given" if report.removed else ""
        built = f"built {len(report.documents)} document(s), {report.triples} triples"
        print(f"{built}, into {where}{removed}")
    if not report.documents:
        _err("no document could be read; the store is unchanged")
        return EXIT_INPUT
    if report.problems:
        return EXIT_INPUT
    if findings:
        for finding in findings[:20]:
            print(finding, file=sys.stderr)
        more = (
            " (the first 20 shown; 'partnergraph validate' lists all)" if len(findings) > 20 else ""
        )
        _err(f"{len(findings)} SHACL violation(s){more}")
        return EXIT_FINDINGS
    return EXIT_OK


class _NothingBuilt(Exception):
    """No input was readable: the new generation is dropped, the store stays as it was."""

    def __init__(self, report: BuildReport) -> None:
        super().__init__("nothing built")
        self.report = report


def _progress() -> Callable[[str, str], None]:
    def show(action: str, path: str) -> None:
        print(f"\r{action} {path[-70:]:<70}", end="", file=sys.stderr, flush=True)

    return show


def _extract(args: argparse.Namespace) -> int:
    from .build import extract_all
    from .record import to_record

    results, problems, resolution = extract_all(
        args.paths,
        max_bytes=int(args.max_mb * 1024 * 1024),
        judgements=_judgements(args.judgements),
        jobs=args.jobs,
    )
    lines = [
        json.dumps(to_record(doc, ex, resolution), ensure_ascii=False, sort_keys=True)
        for doc, ex in results
    ]
    text = "".join(f"{line}\n" for line in lines)
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    for problem in problems:
        _err(f"skipped {problem}")
    return EXIT_INPUT if problems or not results else EXIT_OK


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
    result = store.select(sparql, inferred=args.inferred)
    result = QueryResult(result.variables, queries.tidy(q, result.variables, result.rows))
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


def _network(args: argparse.Namespace, store: GraphStore):  # type: ignore[no-untyped-def]
    from partnergraph.visualize import ego_network, filtered, org_network

    graph = org_network(store)
    if args.country or args.type:
        graph = filtered(graph, countries=args.country, types=args.type)
    if args.focus:
        graph = ego_network(graph, args.focus, args.hops)
    return graph


def _draw(args: argparse.Namespace) -> int:
    from partnergraph import visualize as viz

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".html", ".htm", ".png", ".svg") or (
        args.countries and suffix not in (".png", ".svg")
    ):
        _err(f"{args.output}: draw writes .html, .png or .svg (the country matrix: .png or .svg)")
        return EXIT_INPUT
    store = open_store(args.store, read_only=True)
    if args.countries:
        data = viz.country_matrix_image(
            viz.country_flows(store), "png" if suffix == ".png" else "svg"
        )
        write_atomic(args.output, data)
        print(f"wrote {args.output}: country–country matrix")
        return EXIT_OK
    try:
        graph = _network(args, store)
    except KeyError as exc:
        _err(str(exc.args[0]))
        return EXIT_INPUT
    if suffix in (".png", ".svg"):
        data = viz.network_image(graph, "png" if suffix == ".png" else "svg", title=args.title)
    else:
        data = viz.network_html(graph, title=args.title).encode("utf-8")
    write_atomic(args.output, data)
    nodes, links = graph.number_of_nodes(), graph.number_of_edges()
    print(f"wrote {args.output}: {nodes} organisations, {links} links")
    return EXIT_OK


METRICS_GRAPH = "https://w3id.org/partnergraph/graph/metrics"


def _analyse(args: argparse.Namespace) -> int:
    from partnergraph.visualize import compute_metrics, org_network

    store = open_store(args.store, read_only=True)
    graph = org_network(store)
    metrics = compute_metrics(graph)
    del store
    order = sorted(metrics, key=lambda n: (-metrics[n].betweenness, -metrics[n].degree, n))
    variables = (
        "organisation",
        "country",
        "degree",
        "weighted_degree",
        "betweenness",
        "constraint",
        "community",
        "iri",
    )
    rows = tuple(
        (
            str(graph.nodes[n].get("label", n)),
            str(graph.nodes[n].get("country", "")),
            str(metrics[n].degree),
            f"{metrics[n].weighted_degree:g}",
            f"{metrics[n].betweenness:.6f}",
            "" if metrics[n].constraint is None else f"{metrics[n].constraint:.6f}",
            str(metrics[n].community),
            n,
        )
        for n in order
    )
    if args.write:
        from rdflib import Literal, URIRef
        from rdflib.namespace import XSD

        from partnergraph.ontology import PG

        from .triples import nt_line

        lines: list[str] = []
        for n, m in metrics.items():
            s = URIRef(n)
            decimals = {PG.weightedDegree: m.weighted_degree, PG.betweenness: m.betweenness}
            if m.constraint is not None:
                decimals[PG.constraint] = m.constraint
            values = [(PG.degree, Literal(m.degree)), (PG.community, Literal(m.community))]
            values += [(p, Literal(f"{v:.6f}", datatype=XSD.decimal)) for p, v in decimals.items()]
            lines.extend(nt_line(s, p, o) for p, o in values)
        with staged(args.store) as writable:
            writable.replace_graph(METRICS_GRAPH, sorted(lines))
    _emit(QueryResult(variables, rows), args.format, args.output)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    fmt: Format | None = args.format or SUFFIX_FORMAT.get(Path(args.output).suffix.lower())
    if fmt is None:
        known = ", ".join(FORMATS)
        _err(f"{args.output}: cannot tell the format from the suffix; give --format ({known})")
        return EXIT_INPUT
    store = open_store(args.store, read_only=True)
    data = serialise(store, fmt, inferred=args.inferred)
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
    store: GraphStore = open_store(args.store, read_only=True)
    counts = store.select(_STATS)
    variables = (*counts.variables, "triples", "graphs")
    row = (*counts.rows[0], str(len(store)), str(len(store.graphs())))
    _emit(QueryResult(variables, (row,)), args.format, args.output)
    return EXIT_OK


def _judgements(path: str | None) -> Judgements | None:
    chosen = path or os.environ.get(JUDGEMENTS_ENV)
    return load_judgements(chosen) if chosen else None


_EXPLAIN = """PREFIX pg: <https://w3id.org/partnergraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?org ?canonical ?country ?type ?name ?source WHERE {
  ?org a <http://www.w3.org/ns/org#Organization> ; skos:prefLabel|skos:altLabel ?label .
  FILTER(LCASE(STR(?label)) = LCASE(STR(?wanted)))
  ?org skos:prefLabel ?canonical .
  OPTIONAL { ?org pg:country/skos:notation ?country }
  OPTIONAL { ?org pg:orgType/skos:prefLabel ?type }
  OPTIONAL { GRAPH ?g { ?org skos:prefLabel|skos:altLabel ?name . ?g pg:sourcePath ?source } }
} ORDER BY ?org ?name ?source"""


def _resolve(args: argparse.Namespace) -> int:
    from .build import RESOLUTION_GRAPH

    store = open_store(args.store, read_only=True)
    q = queries.parse("explain", "# param: wanted literal required — name\n" + _EXPLAIN)
    rows = store.select(queries.bound(q, {"wanted": args.explain})).dicts()
    if not rows:
        _err(f"no organisation is called {args.explain!r} (any case); try 'query organisations'")
        return EXIT_INPUT
    for org in dict.fromkeys(str(r["org"]) for r in rows):
        mine = [r for r in rows if r["org"] == org]
        first = mine[0]
        print(f"{first['canonical']}  <{org}>")
        print(f"  country: {first['country'] or '?'}   type: {first['type'] or '?'}")
        names: dict[str, list[str]] = {}
        for r in mine:
            if r["name"]:
                names.setdefault(str(r["name"]), []).append(str(r["source"]))
        print("  names seen, and where:")
        for name, sources in sorted(names.items()):
            print(f"    {name}: {', '.join(sorted(set(sources)))}")
        reasons = store.select(
            f"SELECT ?why WHERE {{ GRAPH <{RESOLUTION_GRAPH}> {{ <{org}> "
            "<http://www.w3.org/2004/02/skos/core#changeNote> ?why } } ORDER BY ?why"
        ).rows
        print("  why these are one:")
        for (why,) in reasons or [("only one name was seen",)]:
            print(f"    {why}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from partnergraph.visualize import network_html, org_network

    from .serve import make_server

    store = open_store(args.store, read_only=True)
    if not isinstance(store, Store):
        _err("serve works on an embedded store folder, not on a remote server")
        return EXIT_INPUT
    page = network_html(org_network(store))
    server = make_server(
        store.oxigraph, host=args.host, port=args.port, network_page=page,
        timeout=args.timeout, max_rows=args.max_rows, dataset=store.dataset(),
    )  # fmt: skip
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        _err(f"warning: listening on {args.host}, not only on this machine")
    where = f"http://{args.host}:{server.server_port}/"
    print(f"serving {where}  (SPARQL at /sparql, read-only; Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


def _reason(args: argparse.Namespace) -> int:
    from .reason import reason

    with staged(args.store) as store:
        report = reason(store, engine=args.engine)
    print(
        f"inferred {report.inferred} triples from {report.asserted} with {report.engine} "
        f"in {report.seconds:.2f} s ({report.rounds} round(s)); "
        "queries and exports use them with --inferred"
    )
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate

    store = open_store(args.store, read_only=True)
    findings = validate(store)
    if args.format == "table" and not args.output:
        for finding in findings:
            print(finding)
        violations = sum(f.severity == "violation" for f in findings)
        print(f"{len(findings)} finding(s), {violations} violation(s)")
    else:
        variables = ("severity", "label", "node", "path", "value", "message", "sources")
        rows = tuple(
            (f.severity, f.label, f.node, f.path, f.value, f.message, " | ".join(f.sources))
            for f in findings
        )
        _emit(QueryResult(variables, rows), args.format, args.output)
    return EXIT_FINDINGS if any(f.severity == "violation" for f in findings) else EXIT_OK


def _describe(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .describe import Description, check, describe

    overrides = {
        "title": args.title,
        "description": args.description,
        "publisher": args.publisher,
        "publisher_iri": args.publisher_iri,
        "licence": args.licence,
        "download_base": args.download_base,
        "base": args.base,
        "keywords": tuple(args.keyword) or None,
    }
    desc = replace(Description(), **{k: v for k, v in overrides.items() if v is not None})
    store = open_store(args.store, read_only=True)
    graph = describe(store, desc)
    if args.check:
        try:
            conforms, text = check(graph, args.check)
        except FileNotFoundError as exc:
            _err(str(exc))
            return EXIT_INPUT
        if not conforms:
            print(text, file=sys.stderr)
            _err("the description does not conform to the shapes; not written")
            return EXIT_FINDINGS
    write_atomic(args.output, graph.serialize(format="turtle").encode("utf-8"))
    checked = f", conforms to the shapes in {args.check}" if args.check else ""
    print(f"wrote {args.output} (DCAT-AP 3 record, {len(graph)} triples{checked})")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
