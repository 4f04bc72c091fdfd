"""The partner network as one self-contained HTML page (PyVis, our own offline template).

The page carries vis-network inline (from the PyVis package), so it opens from disk with no
network. Every text from documents reaches the page as JSON escaped for HTML (``tojson``)
and is put on screen with ``textContent``: names are data, never markup.
"""

from __future__ import annotations

import hashlib
from importlib.resources import as_file, files
from typing import Any

import networkx as nx

from .metrics import Metrics, compute_metrics, layout

__all__ = ["COUNTRY_COLOURS", "NetworkPage", "colour", "network_html"]

#: Fixed colours for the countries met most; others get one from the palette by name.
COUNTRY_COLOURS = {
    "NO": "#d62728", "IS": "#1f77b4", "LI": "#17becf", "PL": "#ff7f0e", "LV": "#9467bd",
    "LT": "#2ca02c", "BG": "#8c564b", "CZ": "#e377c2", "RO": "#bcbd22", "SK": "#7f7f7f",
    "HU": "#aec7e8", "EE": "#98df8a", "SI": "#ffbb78", "HR": "#c5b0d5", "GR": "#c49c94",
    "PT": "#f7b6d2", "CY": "#dbdb8d", "MT": "#9edae5", "ES": "#393b79", "FR": "#637939",
}  # fmt: skip
_PALETTE = ("#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363")
_SHAPES = {
    "municipality": "square", "university": "triangle", "ministry": "star", "union": "diamond",
    "agency": "triangleDown", "association": "dot", "ngo": "hexagon", "company": "box",
}  # fmt: skip
_VIS = "lib/vis-9.1.2"
#: Above this many nodes the page shows a precomputed layout with physics off.
PHYSICS_LIMIT = 300


def colour(country: str) -> str:
    """The colour of a country's nodes (deterministic)."""
    if country in COUNTRY_COLOURS:
        return COUNTRY_COLOURS[country]
    digest = int(hashlib.sha1(country.encode("utf-8")).hexdigest(), 16)
    return _PALETTE[digest % len(_PALETTE)]


def _tooltip(data: dict[str, Any], m: Metrics) -> str:
    lines = [str(data.get("label", ""))]
    if data.get("country"):
        lines.append(f"Country: {data['country']}")
    if data.get("type"):
        lines.append(f"Type: {data['type']}")
    if data.get("aliases"):
        lines.append(f"Also: {data['aliases']}")
    lines.append(f"Projects: {data.get('projects', 0)}  Events: {data.get('events', 0)}")
    partners = f"{m.degree}"
    if data.get("partners", m.degree) != m.degree:  # (links shared fewer times not drawn)
        partners += f" drawn of {data['partners']}"
    lines.append(
        f"Partners: {partners}  Betweenness: {m.betweenness:.3f}  Community: {m.community}"
    )
    return "\n".join(lines)


def _names(data: dict[str, Any]) -> list[str]:
    """Every name an organisation goes by (its label, then its aliases), for the search."""
    names = [str(data.get("label", ""))]
    aliases = data.get("aliases") or ""
    parts = aliases if isinstance(aliases, list | tuple) else str(aliases).split("|")
    names.extend(a.strip() for a in parts if str(a).strip())
    return list(dict.fromkeys(n for n in names if n))


class NetworkPage(str):
    """A network page (its HTML as a string) that a notebook shows inside a sandboxed
    iframe, so the page's script and styles stay out of the notebook's own page."""

    def _repr_html_(self) -> str:
        from html import escape

        return (
            f'<iframe srcdoc="{escape(self, quote=True)}" sandbox="allow-scripts" '
            'style="width:100%;height:640px;border:1px solid #ccc"></iframe>'
        )

    def save(self, path: str) -> None:
        """Write the page to ``path``."""
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self)


def network_html(
    g: nx.Graph,
    *,
    title: str = "partnergraph — partner network",
    metrics: dict[str, Metrics] | None = None,
) -> NetworkPage:
    """Render the organisation network to one HTML page (a string; in a notebook it shows
    itself in an iframe).

    Nodes are sized by betweenness (brokers stand out), coloured by country with a legend,
    shaped by type; the page searches, and filters by country, type and community.
    """
    from . import _pyvis

    nodes = sorted(g.nodes)
    focus = set(g.graph.get("focus", ()))
    positions = layout(g)
    metrics = metrics if metrics is not None else compute_metrics(g)
    countries = sorted({str(g.nodes[n].get("country") or "?") for n in nodes})
    node_rows = []
    for n in nodes:
        data = g.nodes[n]
        country = str(data.get("country") or "?")
        x, y = positions[n]
        m = metrics[n]
        node_rows.append(
            {
                "id": n,
                "label": str(data.get("label", n)),
                "title": _tooltip(data, m),
                "color": colour(country),
                "shape": _SHAPES.get(str(data.get("type", "")), "dot"),
                "value": 1 + m.degree + round(100 * m.betweenness, 2),
                "x": x,
                "y": y,
                "country": country,
                "orgtype": str(data.get("type") or "?"),
                "community": m.community,
                "names": _names(data),
                "degree": m.degree,
                "focus": n in focus,
            }
        )
    edge_rows = [
        {"from": a, "to": b, "value": d.get("weight", 1), "title": f"Shared: {d.get('shared', '')}"}
        for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))
    ]
    legend = [{"country": c, "color": colour(c)} for c in countries]
    physics = len(nodes) <= PHYSICS_LIMIT
    with as_file(files(__name__.rsplit(".", 1)[0]).joinpath("templates")) as template_dir:
        return NetworkPage(_pyvis.render(
            node_rows, edge_rows, template_dir=str(template_dir), title=title,
            legend=legend, physics=physics, vis_js=_vis_asset("vis-network.min.js"),
            vis_css=_vis_asset("vis-network.css"),
        ))  # fmt: skip


def _vis_asset(name: str) -> str:
    return files("pyvis").joinpath(_VIS).joinpath(name).read_text(encoding="utf-8")
