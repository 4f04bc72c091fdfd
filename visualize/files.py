"""The partner network as files for other tools: GraphML (Cytoscape, yEd) and GEXF (Gephi),
with the attributes the page shows."""

from __future__ import annotations

import re
from typing import Literal

import networkx as nx

from .metrics import Metrics, compute_metrics

__all__ = ["NETWORK_FILE_FORMATS", "network_file"]

NetworkFileFormat = Literal["graphml", "gexf"]
NETWORK_FILE_FORMATS: tuple[NetworkFileFormat, ...] = ("graphml", "gexf")


def network_file(
    g: nx.Graph, fmt: NetworkFileFormat, *, metrics: dict[str, Metrics] | None = None
) -> bytes:
    """``g`` as GraphML or GEXF: nodes (by IRI, sorted) with label, country, type, aliases,
    projects, events, degree, betweenness and community; edges with weight and shared."""
    metrics = metrics if metrics is not None else compute_metrics(g)
    out: nx.Graph = nx.Graph()
    for n in sorted(g.nodes):
        data = g.nodes[n]
        m = metrics[n]
        out.add_node(
            n,
            label=str(data.get("label", n)),
            country=str(data.get("country") or ""),
            type=str(data.get("type") or ""),
            aliases=_text(data.get("aliases")),
            projects=_text(data.get("projects")),
            events=_text(data.get("events")),
            degree=int(m.degree),
            betweenness=float(m.betweenness),
            community=int(m.community),
        )
    for a, b, d in sorted(g.edges(data=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1]))):
        out.add_edge(a, b, weight=float(d.get("weight", 1)), shared=_text(d.get("shared")))
    if fmt == "gexf":
        # the writer stamps today's date: left out, so the same network gives the same file
        lines = [_STAMP.sub("", line) for line in nx.generate_gexf(out)]
    else:
        lines = list(nx.generate_graphml(out))
    return ("\n".join(lines) + "\n").encode("utf-8")


_STAMP = re.compile(r' lastmodifieddate="[^"]*"')


def _text(value: object) -> str:
    """A list of names as one text (GraphML and GEXF attributes are scalars)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return " | ".join(sorted(str(v) for v in value))
    return str(value)
