"""Commands that draw and measure the partner network: draw, analyse, path."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..answers import Answers
from ..publish import write_atomic
from ..store import GraphStore, QueryResult, open_store, staged
from ..store.graphs import METRICS
from ..triples import metric_lines
from .options import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, Parents, emit, err, positive

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["register"]


#: The most links a page draws by default: a page of 145,000 links took 19 s to open in
#: Chromium, and a search on it as long.
PAGE_LINKS = 20_000


def register(sub: Any, parents: Parents) -> None:
    """Add the network commands to the subcommand parser ``sub``."""
    p = sub.add_parser(
        "draw",
        parents=[parents.store],
        help="draw the partner network: an offline HTML page, or a PNG/SVG picture",
        description="Write the organisation–organisation network (weight = shared projects and "
        "events): FILE.html is one interactive page that opens offline; FILE.graphml or "
        "FILE.gexf the same network for Cytoscape or Gephi (with the page's attributes); "
        "FILE.png or FILE.svg a static picture. --countries draws the country–country "
        "matrix instead.",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=".html, .graphml, .gexf, .png or .svg"
    )
    p.add_argument("--title", default="partnergraph — partner network", help="title")
    p.add_argument("--focus", metavar="ORG", help="only the network around this organisation")
    p.add_argument("--hops", type=int, default=1, help="how far around --focus (default: 1)")
    p.add_argument(
        "--country", action="append", default=[], metavar="CC", help="only these countries"
    )
    p.add_argument("--type", action="append", default=[], metavar="TYPE", help="only these types")
    p.add_argument("--countries", action="store_true", help="the country–country matrix (png/svg)")
    p.add_argument(
        "--isolates",
        action="store_true",
        help="pictures: draw organisations without a link too (the page has a toggle)",
    )
    p.add_argument(
        "--min-weight",
        type=positive,
        metavar="N",
        help="only links shared at least N times (default: all; a page of a network of over "
        f"{PAGE_LINKS:,} links draws the strongest: the smallest N that leaves at most "
        f"{PAGE_LINKS:,}, or the links shared most often; --min-weight 1 draws all)",
    )
    p.set_defaults(handler=_draw)

    p = sub.add_parser(
        "path",
        parents=[parents.store, parents.output],
        help="the shortest chain of partners between two organisations",
        description="The shortest chain of organisations that shared a project or event (or "
        "are stated to cooperate) from A to B, with what links each step to the next. A and B "
        "are names, aliases or acronyms, NAME@CC, or IRIs. Exit 1 when no chain links them.",
    )
    p.add_argument("a", metavar="A", help="the organisation to start from")
    p.add_argument("b", metavar="B", help="the organisation to reach")
    p.set_defaults(handler=_path)

    p = sub.add_parser(
        "analyse",
        parents=[parents.store, parents.output],
        help="network metrics per organisation: degree, betweenness, brokers, communities",
        description="Degree, weighted degree, betweenness (sampled above 500 organisations), "
        "Burt's constraint (low = broker) and Louvain communities (seeded), most central first. "
        "--write stores them in the 'metrics' named graph for SPARQL (the next build drops "
        "them: they describe the network as it was).",
    )
    p.add_argument("--write", action="store_true", help="store the metrics in the graph")
    p.set_defaults(handler=_analyse)


def _network(args: argparse.Namespace, store: GraphStore) -> nx.Graph:
    from partnergraph import visualize as viz  # (networkx: only the commands that draw)

    graph = viz.org_network(Answers(store))
    if args.country or args.type:
        graph = viz.filtered(graph, countries=args.country, types=args.type)
    if args.focus:
        graph = viz.ego_network(graph, args.focus, args.hops)
    return graph


def _draw(args: argparse.Namespace) -> int:
    from partnergraph import visualize as viz  # (networkx: only the commands that draw)

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".html", ".htm", ".png", ".svg", ".graphml", ".gexf") or (
        args.countries and suffix not in (".png", ".svg")
    ):
        err(
            f"{args.output}: draw writes .html, .png, .svg, .graphml or .gexf "
            "(the country matrix: .png or .svg)"
        )
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
        err(str(exc.args[0]))
        return EXIT_INPUT
    if args.min_weight is not None or suffix in (".html", ".htm"):
        graph = strongest_links(graph, args.min_weight)
    if suffix in (".png", ".svg"):
        data = viz.network_image(
            graph, "png" if suffix == ".png" else "svg", title=args.title, isolates=args.isolates
        )
    elif suffix in (".graphml", ".gexf"):
        data = viz.network_file(graph, "gexf" if suffix == ".gexf" else "graphml")
    else:
        data = viz.network_html(graph, title=args.title).encode("utf-8")
    write_atomic(args.output, data)
    print(f"wrote {args.output}: {drawn(graph)}")
    return EXIT_OK


def strongest_links(graph: nx.Graph, min_weight: int | None = None) -> nx.Graph:
    """Only the links shared at least ``min_weight`` times; with none given, as many of the
    strongest as a page draws (:data:`PAGE_LINKS`), or all when there are no more."""
    from partnergraph import visualize as viz

    floor = min_weight if min_weight is not None else viz.weight_floor(graph, PAGE_LINKS)
    return viz.strongest(graph, floor) if floor > 1 else graph


def drawn(graph: nx.Graph) -> str:
    """What a drawing holds: "N organisations, K of M links (those shared at least …)"."""
    nodes, links = graph.number_of_nodes(), graph.number_of_edges()
    if "all_links" not in graph.graph:
        return f"{nodes} organisations, {links} links"
    every, floor = graph.graph["all_links"], graph.graph["min_weight"]
    return (
        f"{nodes} organisations, {links} of {every} links "
        f"(those shared at least {floor} times; --min-weight 1 draws all)"
    )


def _path(args: argparse.Namespace) -> int:
    import networkx as nx

    from partnergraph import visualize as viz  # (networkx: only the commands that draw)

    from .questions import Unknown, one_organisation

    store = open_store(args.store, read_only=True)
    try:
        a = one_organisation(store, "A", args.a)
        b = one_organisation(store, "B", args.b)
    except Unknown as exc:
        for line in exc.args:
            err(line)
        return EXIT_INPUT
    graph = viz.org_network(Answers(store))
    try:
        steps = nx.shortest_path(graph, a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        err(f"no chain of partners links {args.a!r} and {args.b!r}")
        return EXIT_FINDINGS
    rows = []
    for n, node in enumerate(steps):
        data = graph.nodes[node]
        link = graph.edges[node, steps[n + 1]].get("shared", "") if n + 1 < len(steps) else ""
        rows.append((str(n), str(data.get("label", node)), str(data.get("country") or ""),
                     str(link), node))  # fmt: skip
    variables = ("step", "organisation", "country", "linked_to_the_next_by", "iri")
    emit(QueryResult(variables, tuple(rows)), args.format, args.output)
    return EXIT_OK


def _analyse(args: argparse.Namespace) -> int:
    from partnergraph import visualize as viz  # (networkx: only the commands that draw)

    store = open_store(args.store, read_only=True)
    graph = viz.org_network(Answers(store))
    metrics = viz.compute_metrics(graph)
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
        with staged(args.store) as writable:
            writable.replace_graph(METRICS, metric_lines(metrics))
    emit(QueryResult(variables, rows), args.format, args.output)
    return EXIT_OK
