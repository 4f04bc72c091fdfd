"""Commands that publish the graph: export, describe, serve."""

from __future__ import annotations

import argparse
import socket
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..answers import Answers
from ..publish import (
    FORMATS,
    SUFFIX_FORMAT,
    Description,
    Format,
    Limits,
    QueryPool,
    Site,
    allowed_hosts,
    check,
    describe,
    serialise,
    serve,
    write_atomic,
)
from ..store import Store, open_store
from ..triples import DEFAULT_BASE, web_iri
from .network import drawn, strongest_links
from .options import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, Parents, err, positive, seconds

__all__ = ["register"]


def register(sub: Any, parents: Parents) -> None:
    """Add the publishing commands to the subcommand parser ``sub``."""
    p = sub.add_parser(
        "serve",
        parents=[parents.store],
        help="a local, read-only SPARQL endpoint with a query page and the network page",
        description="Serve the store as a SPARQL 1.1 Protocol endpoint at /sparql: GET, form "
        "POST or application/sparql-query POST; answers as SPARQL JSON, XML, CSV or TSV "
        "(SELECT, ASK) and Turtle, N-Triples, RDF/XML or JSON-LD (CONSTRUCT, DESCRIBE) by the "
        "Accept header or format=; default-graph-uri and named-graph-uri; a service "
        "description at GET /sparql with no query. The graph's own IRIs are described at "
        "/id/…, a page of a canned question as JSON at /questions/NAME?limit=&offset=&PARAM= "
        "(with the answer's size), a query page at / and the partner network at /network. "
        "Refused: updates "
        "(403), SERVICE (400: it never sends a request to another server), a Host header "
        "other than the bound address (400), POSTs from other origins unless --cors names "
        "them (403). Each query runs in a worker process that is stopped at --timeout; "
        "answers are cut at --max-rows (header Partnergraph-Truncated). One access-log line "
        "a request goes to standard error. Bound to 127.0.0.1 unless --host says otherwise. "
        "Ctrl-C stops it.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument(
        "--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)"
    )
    p.add_argument(
        "--timeout",
        type=seconds,
        default=30.0,
        help="stop a query after this many seconds (default: 30)",
    )
    p.add_argument(
        "--max-rows", type=positive, default=10_000, help="rows an answer at most (default: 10000)"
    )
    p.add_argument("--workers", type=positive, default=2, help="query processes (default: 2)")
    p.add_argument(
        "--cors",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let web pages from ORIGIN (e.g. https://yasgui.triply.cc) query (repeatable)",
    )
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests whose Host header is NAME (repeatable)",
    )
    p.add_argument("--base", help=f"the IRIs described at /id/… (default: {DEFAULT_BASE})")
    p.add_argument(
        "--client-timeout",
        type=seconds,
        default=10.0,
        metavar="SECONDS",
        help="seconds a client has to send a request's headers, and again its body (default: 10)",
    )
    p.add_argument(
        "--min-weight",
        type=positive,
        metavar="N",
        help="the network page: only links shared at least N times (default: as 'draw' does)",
    )
    p.add_argument("--quiet", action="store_true", help="no access log")
    p.set_defaults(handler=_serve)

    p = sub.add_parser(
        "export",
        parents=[parents.store],
        help="export the asserted graph as Turtle, TriG, N-Triples or JSON-LD",
        description="Export the documents' asserted facts. The format follows --format, else "
        "the file's suffix (.ttl .trig .nt .jsonld).",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the file to write; - for stdout"
    )
    p.add_argument("--format", choices=FORMATS, help="turtle, trig, nt or jsonld")
    p.add_argument("--inferred", action="store_true", help="include the inferred graph")
    p.add_argument(
        "--summary",
        action="store_true",
        help="include the summary graph (the listing questions' kept answers: pages of JSON)",
    )
    p.set_defaults(handler=_export)

    p = sub.add_parser(
        "describe",
        parents=[parents.store],
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
    p.set_defaults(handler=_describe)


def _export(args: argparse.Namespace) -> int:
    to_stdout = args.output == "-"
    fmt: Format | None = args.format or (
        "turtle" if to_stdout else SUFFIX_FORMAT.get(Path(args.output).suffix.lower())
    )
    if fmt is None:
        known = ", ".join(FORMATS)
        err(f"{args.output}: cannot tell the format from the suffix; give --format ({known})")
        return EXIT_INPUT
    store = open_store(args.store, read_only=True)
    data = serialise(store, fmt, inferred=args.inferred, summary=args.summary)
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    write_atomic(args.output, data)
    print(f"wrote {args.output} ({fmt}, {len(data)} bytes)")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from partnergraph.visualize import network_html, org_network  # (networkx: when served)

    store = open_store(args.store, read_only=True)
    if not isinstance(store, Store) or store.path is None:
        err("serve works on an embedded store folder, not on a remote server")
        return EXIT_INPUT
    try:
        sock = socket.create_server((args.host, args.port), reuse_port=False)
    except OSError as exc:
        err(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
        return EXIT_INPUT
    network = strongest_links(org_network(Answers(store)), args.min_weight)
    page = network_html(network)
    limits = Limits(
        timeout=args.timeout,
        max_rows=args.max_rows,
        workers=args.workers,
        slow=args.client_timeout,
    )
    site = Site(
        network_page=page,
        base=args.base or DEFAULT_BASE,
        hosts=allowed_hosts(args.host, args.allow_host),
        cors=tuple(args.cors),
        log=None if args.quiet else sys.stderr,
    )
    pool = QueryPool(str(store.path), size=limits.workers, timeout=limits.timeout)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        err(f"warning: listening on {args.host}, not only on this machine")
    port = sock.getsockname()[1]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"serving http://{shown}:{port}/  (SPARQL at /sparql, read-only; Ctrl-C stops)")
    print(f"network page: {drawn(network)}")
    sys.stdout.flush()
    try:
        serve(sock, pool, limits, site)
    finally:
        pool.close()
        sock.close()
    return EXIT_OK


def _describe(args: argparse.Namespace) -> int:
    for flag, value in (
        ("--publisher-iri", args.publisher_iri),
        ("--licence", args.licence),
        ("--download-base", args.download_base),
        ("--base", args.base),
    ):
        if value is not None and web_iri(value) is None:
            err(f"{flag} {value!r}: give an http(s) IRI (no spaces, quotes or angle brackets)")
            return EXIT_INPUT
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
            err(str(exc))
            return EXIT_INPUT
        if not conforms:
            print(text, file=sys.stderr)
            err("the description does not conform to the shapes; not written")
            return EXIT_FINDINGS
    write_atomic(args.output, graph.serialize(format="turtle").encode("utf-8"))
    checked = f", conforms to the shapes in {args.check}" if args.check else ""
    print(f"wrote {args.output} (DCAT-AP 3 record, {len(graph)} triples{checked})")
    return EXIT_OK
