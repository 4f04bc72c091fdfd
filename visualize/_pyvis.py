"""The one adapter over PyVis (untyped): nodes and edges in, HTML out."""

from __future__ import annotations

from typing import Any

from pyvis.edge import Edge
from pyvis.network import Network

__all__ = ["render"]


def render(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    *,
    template_dir: str,
    title: str,
    legend: list[dict[str, str]],
    physics: bool,
    vis_js: str,
    vis_css: str,
) -> str:
    """Build a PyVis network and render it with our offline template."""
    net = Network(height="100vh", width="100%", directed=False, cdn_resources="in_line", heading="")
    for n in nodes:
        attrs = {k: v for k, v in n.items() if k not in ("id", "label")}
        net.add_node(n["id"], label=n["label"], **attrs)
    known = set(net.node_ids)
    for e in edges:
        # what add_edge appends, without its checks: each a scan of every edge and node so
        # far (145,000 edges: hours); the edges of a networkx graph are each once, between
        # its nodes (checked here in a set)
        if e["from"] not in known or e["to"] not in known:
            raise ValueError(f"an edge between unknown nodes: {e['from']!r}, {e['to']!r}")
        net.edges.append(
            Edge(e["from"], e["to"], False, value=e["value"], title=e["title"]).options
        )
    net.set_options(
        '{"physics": {"enabled": %s, "stabilization": {"iterations": 200}},'
        ' "interaction": {"hover": true, "tooltipDelay": 120},'
        ' "nodes": {"font": {"size": 14}}, "edges": {"color": {"opacity": 0.5}, "smooth": false}}'
        % ("true" if physics else "false")
    )
    net.set_template_dir(template_dir, "network.html")
    env = net.templateEnv
    env.autoescape = True
    env.globals.update(page_title=title, legend=legend, vis_js=vis_js, vis_css=vis_css)
    return str(net.generate_html())
