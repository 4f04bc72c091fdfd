"""Network analytics and layout: centrality, brokers, communities, a seeded layout.

All deterministic: sampled betweenness and Louvain use a fixed seed, the layout too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

__all__ = ["BETWEENNESS_SAMPLE", "Metrics", "compute_metrics", "layout"]

#: Above this many nodes betweenness is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 500
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
    k = BETWEENNESS_SAMPLE if g.number_of_nodes() > BETWEENNESS_SAMPLE else None
    betweenness = nx.betweenness_centrality(g, k=k, normalized=True, seed=SEED)
    connected = [n for n in g.nodes if g.degree(n) >= 1]
    constraint = nx.constraint(g, nodes=connected, weight="weight") if connected else {}
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
        sub = g.subgraph(members)
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
