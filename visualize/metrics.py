"""Network analytics and layout: centrality, brokers, communities, a seeded layout.

All deterministic: sampled betweenness and Louvain use a fixed seed, the layout too.
Betweenness is exact on small networks and estimated from sampled sources on big or dense
ones (its work bounded: :data:`BETWEENNESS_WORK`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy import sparse

__all__ = ["BETWEENNESS_SAMPLE", "Metrics", "burt_constraint", "compute_metrics", "layout"]

#: Above this many nodes betweenness is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 500
#: The most work (sources × nodes and links) betweenness is given: a graph whose exact
#: betweenness takes more is estimated from fewer sources (at least BETWEENNESS_FEWEST):
#: 500 sources took 65 s on 1,213 organisations of 144,940 links (a 100k-project store's
#: network), 20 take 2.5 s.
BETWEENNESS_WORK = 3_000_000
BETWEENNESS_FEWEST = 20
SEED = 7


@dataclass(frozen=True)
class Metrics:
    """One organisation's position in the network."""

    degree: int
    weighted_degree: float
    betweenness: float
    constraint: float | None  # Burt's constraint: low = a broker between groups
    community: int


def compute_metrics(g: nx.Graph) -> dict[str, Metrics]:
    """Degree, weighted degree, betweenness (sampled on big graphs), Burt's constraint and
    Louvain communities (seeded), for every node."""
    if g.number_of_nodes() == 0:
        return {}
    k = _sources(g.number_of_nodes(), g.number_of_edges())
    betweenness = nx.betweenness_centrality(g, k=k, normalized=True, seed=SEED)
    connected = [n for n in g.nodes if g.degree(n) >= 1]
    constraint = burt_constraint(g, connected) if connected else {}
    communities = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    # number communities by size, then by their smallest member: stable across runs
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    community_of = {node: i for i, members in enumerate(ordered) for node in members}
    out = {}
    for node in g.nodes:
        c = constraint.get(node)
        out[node] = Metrics(
            degree=int(g.degree(node)),
            weighted_degree=float(g.degree(node, weight="weight")),
            betweenness=round(float(betweenness.get(node, 0.0)), 6),
            constraint=None if c is None or math.isnan(c) else round(float(c), 6),
            community=community_of[node],
        )
    return out


def _sources(nodes: int, links: int) -> int | None:
    """How many sampled sources betweenness is estimated from (None: exact)."""
    per_source = nodes + links
    if nodes <= BETWEENNESS_SAMPLE and nodes * per_source <= BETWEENNESS_WORK:
        return None
    return max(BETWEENNESS_FEWEST, min(BETWEENNESS_SAMPLE, nodes, BETWEENNESS_WORK // per_source))


#: Up to this many organisations Burt's constraint is worked out with dense matrices (72 MB
#: each at most).
_DENSE_UP_TO = 3000


def burt_constraint(g: nx.Graph, nodes: Iterable[str], weight: str = "weight") -> dict[str, float]:
    """Burt's constraint of ``nodes`` in an undirected graph, as :func:`networkx.constraint`
    computes it (NaN for an isolated node), from matrices: with P the weights each node
    gives its neighbours, normalised to sum to one, a node's constraint is the sum over its
    neighbours j of (P_ij + (P²)_ij)². (networkx's loops take time cubic in the degrees:
    hours for 1,213 organisations of 144,940 links, 0.5 s here.)"""
    if g.is_directed() or g.is_multigraph():
        return dict(nx.constraint(g, nodes=list(nodes), weight=weight))
    order = {n: i for i, n in enumerate(g.nodes)}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for u, v, data in g.edges(data=True):
        i, j, w = order[u], order[v], float(data.get(weight, 1))
        # a mutual weight is both directions' (an undirected link's, twice; a loop's
        # too): halved throughout, which the normalising leaves as it is
        ends = [(i, j)] if i == j else [(i, j), (j, i)]
        for a, b in ends:
            rows.append(a)
            cols.append(b)
            values.append(w)
    size = len(order)
    mutual = sparse.csr_array((values, (rows, cols)), shape=(size, size))
    total = np.asarray(mutual.sum(axis=1)).ravel()
    scale = np.divide(1.0, total, out=np.zeros_like(total), where=total != 0)
    share = sparse.diags_array(scale) @ mutual
    # each (node, neighbour) once: the links both ways, a loop once
    at, to = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    if size <= _DENSE_UP_TO:  # (a few thousand organisations: dense is ten times faster)
        dense = share.toarray()
        pair = dense[at, to] + (dense @ dense)[at, to]
    else:
        through = share @ share
        pair = np.asarray(share[at, to]).ravel() + np.asarray(through[at, to]).ravel()
    summed = np.bincount(at, weights=pair**2, minlength=size)
    return {n: float(summed[order[n]]) if g.degree(n) else math.nan for n in nodes}


def layout(g: nx.Graph, *, scale: float = 600.0) -> dict[str, tuple[float, float]]:
    """A seeded layout that stays fast on big, sparse graphs: each connected component is
    laid out alone (spring layout) and the components are packed on a grid, largest first;
    single organisations fill a grid of their own below."""
    positions: dict[str, tuple[float, float]] = {}
    components = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    groups = [c for c in components if len(c) > 1]
    singles = sorted(n for c in components if len(c) == 1 for n in c)
    cell = 2.4
    columns = max(1, math.ceil(math.sqrt(len(groups))))
    y_end = 0.0
    for i, members in enumerate(groups):
        # a copy in a fixed order: a subgraph view goes through its nodes as a set does,
        # in an order that changes from run to run, and the layout starts from that order
        sub = nx.Graph()
        sub.add_nodes_from(sorted(members))
        links = g.subgraph(members).edges(data=True)
        sub.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in links))
        size = math.sqrt(len(members))
        local = nx.spring_layout(
            sub, seed=SEED, weight="weight", iterations=60 if len(members) < 500 else 30
        )
        row, col = divmod(i, columns)
        for node, (x, y) in sorted(local.items()):
            positions[node] = (col * cell * 2 + x * size, row * cell * 2 + y * size)
            y_end = max(y_end, row * cell * 2 + cell * 2)
    width = max(1, math.ceil(math.sqrt(len(singles))))
    for j, node in enumerate(singles):
        row, col = divmod(j, width)
        positions[node] = (col * 0.5, y_end + row * 0.5)
    if not positions:
        return {}
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    factor = scale * 2 / span * (1 + math.log10(max(len(positions), 10)))
    return {
        n: (round((x - min(xs)) * factor, 2), round((y - min(ys)) * factor, 2))
        for n, (x, y) in positions.items()
    }
