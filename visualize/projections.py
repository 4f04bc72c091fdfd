"""RDF → NetworkX: the organisation–organisation partner network and its metrics.

Reads the graph only through SPARQL (any object with a ``select(sparql)`` method that returns
variables and rows), using the shipped questions ``organisations`` and ``cooperation_pairs``;
a source that also has ``answer(name)`` gives their answers itself (from a store's summary:
no recomputation).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import networkx as nx

from partnergraph import queries

__all__ = [
    "Selectable",
    "country_flows",
    "ego_network",
    "filtered",
    "org_network",
    "strongest",
    "weight_floor",
]


class _Result(Protocol):
    @property
    def variables(self) -> Sequence[str]: ...

    @property
    def rows(self) -> Sequence[Sequence[str | None]]: ...


class Selectable(Protocol):
    """Anything that answers a SPARQL SELECT (the partnergraph store does)."""

    def select(self, sparql: str) -> _Result: ...


def _rows(source: Selectable, name: str) -> list[dict[str, str | None]]:
    """The rows of the shipped question ``name``: from ``source.answer(name)`` when the
    source has that (partnergraph's ``Answers`` reads a store's summary), else by its
    SPARQL."""
    query = queries.load(name)
    answer = getattr(source, "answer", None)
    result = answer(name) if callable(answer) else source.select(query.sparql)
    variables = tuple(result.variables)
    rows = queries.tidy(query, variables, tuple(tuple(r) for r in result.rows))
    return [dict(zip(variables, row, strict=True)) for row in rows]


def org_network(source: Selectable) -> nx.Graph:
    """Organisations as nodes; an edge where two share a project or event (weight = how many).

    Node attributes: ``label``, ``country``, ``type``, ``aliases``, ``projects``, ``events``.
    Edge attributes: ``weight`` and ``shared`` (the names of what they share).
    """
    g: nx.Graph = nx.Graph()
    for row in _rows(source, "organisations"):
        iri = row["org"]
        if iri is None or iri in g:
            continue
        g.add_node(
            iri,
            label=row["name"] or iri,
            country=row["country"] or "",
            type=row["type"] or "",
            aliases=row["aliases"] or "",
            projects=int(row["projects"] or 0),
            events=int(row["events"] or 0),
        )
    for row in _rows(source, "cooperation_pairs"):
        a, b = row["a"], row["b"]
        if a is None or b is None or a not in g or b not in g:
            continue
        g.add_edge(a, b, weight=int(row["weight"] or 1), shared=row["shared"] or "")
    return g


def ego_network(g: nx.Graph, focus: str, hops: int = 1) -> nx.Graph:
    """The organisations within ``hops`` links of the one whose name or alias is ``focus``."""
    wanted = focus.casefold()
    centres = [
        n
        for n, d in g.nodes(data=True)
        if wanted == str(d.get("label", "")).casefold()
        or wanted in (a.strip().casefold() for a in str(d.get("aliases", "")).split("|"))
    ]
    if not centres:
        raise KeyError(f"no organisation called {focus!r} in the network")
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.ego_graph(g, centre, radius=hops))
    ego: nx.Graph = g.subgraph(sorted(keep)).copy()
    ego.graph["focus"] = sorted(centres)  # the page marks them
    return ego


def filtered(g: nx.Graph, *, countries: Sequence[str] = (), types: Sequence[str] = ()) -> nx.Graph:
    """Only the organisations of the given countries and types (all, where none is given)."""
    keep = [
        n
        for n, d in g.nodes(data=True)
        if (not countries or d.get("country") in countries)
        and (not types or d.get("type") in types)
    ]
    return g.subgraph(keep).copy()


def strongest(g: nx.Graph, min_weight: int) -> nx.Graph:
    """Every organisation, and only the links shared at least ``min_weight`` times; each
    organisation keeps its number of partners in the whole network (``partners``), and the
    graph says what was left out (``min_weight``, ``all_links``)."""
    out = nx.Graph(g.graph, min_weight=min_weight, all_links=g.number_of_edges())
    out.add_nodes_from((n, {**d, "partners": g.degree(n)}) for n, d in g.nodes(data=True))
    out.add_edges_from(
        (a, b, d) for a, b, d in g.edges(data=True) if d.get("weight", 1) >= min_weight
    )
    return out


def weight_floor(g: nx.Graph, most: int) -> int:
    """The smallest number of shared projects and events whose links are at most ``most``
    (1 when the network has no more links than that); when the strongest links alone are
    more than ``most`` (all shared as often), their weight: the page draws those."""
    weights = sorted((d.get("weight", 1) for _a, _b, d in g.edges(data=True)), reverse=True)
    if len(weights) <= most:
        return 1
    if weights[0] == weights[most]:
        return int(weights[0])
    return int(weights[most]) + 1  # (the links of the weight at the cut stay out with it)


def country_flows(source: Selectable) -> list[tuple[str, str, int]]:
    """Donor-partner links between countries: (promoter's country, partner's country, projects)."""
    return [
        (str(r["from_country"]), str(r["to_country"]), int(r["projects"] or 0))
        for r in _rows(source, "donor_links")
    ]
