"""Static pictures for reports (PNG, SVG): the partner network and a country–country matrix.

matplotlib with the Agg backend (no screen needed); the same graph gives the same picture.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Literal

import networkx as nx

from .metrics import compute_metrics, layout
from .page import colour

__all__ = ["country_matrix_image", "network_image"]

ImageFormat = Literal["png", "svg"]


def _figure(width: float, height: float):  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "partnergraph"  # stable ids in SVG output
    return plt.figure(figsize=(width, height), dpi=150)


def _save(fig, fmt: ImageFormat) -> bytes:  # type: ignore[no-untyped-def]
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    fig.savefig(buf, format=fmt, bbox_inches="tight", metadata=metadata)
    plt.close(fig)
    return buf.getvalue()


def network_image(
    g: nx.Graph,
    fmt: ImageFormat = "png",
    *,
    title: str = "Partner network",
    isolates: bool = False,
) -> bytes:
    """The organisation network: colour by country, size by betweenness, labels for the
    most central organisations. Organisations without a link are left out unless
    ``isolates`` (at the portal's size they are most of the picture); the title says how
    many."""
    unlinked = [n for n in g.nodes if g.degree(n) == 0]
    if unlinked and not isolates:
        g = g.subgraph([n for n in g.nodes if g.degree(n) > 0]).copy()
        title = f"{title} ({len(unlinked)} organisations without a link not drawn)"
    fig = _figure(10, 8)
    ax = fig.add_subplot(111)
    ax.set_title(title)
    ax.axis("off")
    if g.number_of_nodes():
        pos = layout(g)
        metrics = compute_metrics(g)
        nodes = sorted(g.nodes)
        nx.draw_networkx_edges(g, pos, ax=ax, alpha=0.3, width=0.6)
        nx.draw_networkx_nodes(
            g, pos, nodelist=nodes, ax=ax,
            node_color=[colour(str(g.nodes[n].get("country") or "?")) for n in nodes],
            node_size=[20 + 400 * metrics[n].betweenness + 8 * metrics[n].degree for n in nodes],
        )  # fmt: skip
        top = sorted(nodes, key=lambda n: (-metrics[n].betweenness, -metrics[n].degree, n))[:12]
        labels = {
            n: textwrap.shorten(str(g.nodes[n].get("label", n)), 40, placeholder="…")
            for n in top
            if metrics[n].degree
        }  # shortened at a word, never cut inside one
        nx.draw_networkx_labels(g, pos, labels=labels, ax=ax, font_size=6)
        countries = sorted({str(g.nodes[n].get("country") or "?") for n in nodes})[:20]
        import matplotlib.patches as mpatches

        ax.legend(
            handles=[mpatches.Patch(color=colour(c), label=c) for c in countries],
            loc="lower left", fontsize=6, ncol=2, frameon=False,
        )  # fmt: skip
    return _save(fig, fmt)


def country_matrix_image(
    rows: Sequence[tuple[str, str, int]],
    fmt: ImageFormat = "png",
    *,
    title: str = "Projects by country pair",
) -> bytes:
    """A matrix: beneficiary country (rows) × donor country (columns), cells = projects."""
    sources = sorted({a for a, _b, _n in rows})
    targets = sorted({b for _a, b, _n in rows})
    fig = _figure(max(4, 1 + 0.5 * len(targets)), max(3, 1 + 0.4 * len(sources)))
    ax = fig.add_subplot(111)
    ax.set_title(title)
    grid = [[0] * len(targets) for _ in sources]
    for a, b, n in rows:
        grid[sources.index(a)][targets.index(b)] += n
    image = ax.imshow(grid or [[0]], cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(targets)), targets)
    ax.set_yticks(range(len(sources)), sources)
    ax.set_xlabel("donor partner's country")
    ax.set_ylabel("promoter's country")
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=7)
    fig.colorbar(image, ax=ax, shrink=0.7)
    return _save(fig, fmt)
