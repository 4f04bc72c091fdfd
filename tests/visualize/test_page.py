"""The network page: self-contained, escaped, one node per organisation."""

from __future__ import annotations

import json
import re

import networkx as nx

from partnergraph.graph.store import Store
from partnergraph.visualize import network_html, org_network


def _embedded_nodes(html: str) -> list[dict[str, object]]:
    m = re.search(r"var nodeRows = (\[.*?\]);\n", html)
    assert m, "node data not found in the page"
    return json.loads(m.group(1))  # type: ignore[no-any-return]


def test_projection_of_the_seeds(seed_store: Store) -> None:
    g = org_network(seed_store)
    labels = {d["label"] for _n, d in g.nodes(data=True)}
    assert "Norwegian Association of Local and Regional Authorities" in labels
    assert "Lublin" in labels
    ks = next(
        n for n, d in g.nodes(data=True) if d["label"].startswith("Norwegian Association of Local")
    )
    lps = next(n for n, d in g.nodes(data=True) if d["label"].startswith("Latvian Association"))
    assert g.has_edge(ks, lps) and "SDDW-0079" in g.edges[ks, lps]["shared"]
    assert g.degree(ks) >= 4


def test_page_is_self_contained(seed_store: Store) -> None:
    html = network_html(org_network(seed_store))
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.I)
    assert "cdnjs.cloudflare.com" not in html and "jsdelivr" not in html
    assert len(_embedded_nodes(html)) == org_network(seed_store).number_of_nodes()


def test_document_text_is_escaped() -> None:
    g = nx.Graph()
    evil = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
    g.add_node("urn:a", label=evil, country="NO", type="ngo", aliases=evil, projects=1, events=0)
    g.add_node("urn:b", label="B", country="PL", type="", aliases="", projects=1, events=0)
    g.add_edge("urn:a", "urn:b", weight=1, shared=evil)
    html = network_html(g)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("</script>") == 2  # only the page's own two scripts
    assert [n["label"] for n in _embedded_nodes(html)] == [evil, "B"]


def test_same_graph_same_page(seed_store: Store) -> None:
    g = org_network(seed_store)
    assert network_html(g) == network_html(g)
