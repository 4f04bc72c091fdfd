"""The partner network: projections, analytics, pictures — and the page in a real browser."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from partnergraph.graph.cli import main
from partnergraph.graph.store import Store, open_store
from partnergraph.visualize import (
    compute_metrics,
    country_matrix_image,
    ego_network,
    filtered,
    layout,
    network_html,
    network_image,
    org_network,
)

from ..browser import page_of
from ..conftest import EXAMPLES


def test_metrics_and_communities_are_deterministic(seed_store: Store) -> None:
    g = org_network(seed_store)
    one, two = compute_metrics(g), compute_metrics(g)
    assert one == two
    ks = "https://w3id.org/partnergraph/id/org/no/ks"
    assert one[ks].degree == 4 and one[ks].betweenness > 0
    brokers = sorted((m.constraint, n) for n, m in one.items() if m.constraint is not None)
    assert brokers[0][1] == ks  # KS ties the Latvian project to the Bergen visit
    assert len({m.community for m in one.values()}) >= 2


@pytest.mark.slow
def test_layout_is_seeded_and_fast_on_sparse_graphs() -> None:
    g = nx.Graph()
    g.add_nodes_from(f"urn:n{i}" for i in range(3000))
    g.add_edges_from((f"urn:n{i}", f"urn:n{i + 1}") for i in range(0, 300, 2))
    first = layout(g)
    assert first == layout(g) and len(first) == 3000
    assert len(set(first.values())) == 3000  # nobody drawn on top of another


def test_ego_network_and_filters(seed_store: Store) -> None:
    g = org_network(seed_store)
    ego = ego_network(g, "KS", hops=1)
    labels = {d["label"] for _n, d in ego.nodes(data=True)}
    assert "Norwegian Association of Local and Regional Authorities" in labels
    assert "Association of Polish Cities" not in labels  # two links away
    assert len(ego_network(g, "ks", hops=2)) > len(ego)
    assert {d["country"] for _n, d in filtered(g, countries=["NO"]).nodes(data=True)} == {"NO"}
    with pytest.raises(KeyError):
        ego_network(g, "Nobody")


def test_static_pictures(seed_store: Store) -> None:
    g = org_network(seed_store)
    png = network_image(g, "png")
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    svg = network_image(g, "svg").decode("utf-8")
    assert "<svg" in svg and svg == network_image(g, "svg").decode("utf-8")
    matrix = country_matrix_image([("LV", "NO", 1), ("PL", "NO", 3), ("PL", "IS", 1)], "png")
    assert matrix.startswith(b"\x89PNG")


def test_analyse_prints_and_writes_metrics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    assert main(["analyse", "--store", store, "--format", "csv", "--write"]) == 0
    lines = capsys.readouterr().out.splitlines()
    organisations = org_network(open_store(store, read_only=True)).number_of_nodes()
    assert lines[0].startswith("organisation,country,degree") and len(lines) == 1 + organisations
    assert lines[1].startswith("Norwegian Association of Local and Regional Authorities,NO,4")
    assert main(["query", "--store", store, str(_metrics_query(tmp_path)), "--format", "csv"]) == 0
    assert "Norwegian Association" in capsys.readouterr().out
    for name in ("net.png", "net.svg", "ks.html"):
        args = ["draw", "--store", store, "-o", str(tmp_path / name)]
        assert main([*args, "--focus", "KS"] if name == "ks.html" else args) == 0
    assert main(["draw", "--store", store, "--countries", "-o", str(tmp_path / "c.png")]) == 0
    assert main(["draw", "--store", store, "--countries", "-o", str(tmp_path / "c.html")]) == 2


def _metrics_query(tmp_path: Path) -> Path:
    rq = tmp_path / "brokers.rq"
    rq.write_text(
        "PREFIX pg: <https://w3id.org/partnergraph/ns#>\n"
        "SELECT ?name ?b WHERE { ?o pg:betweenness ?b ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?name } "
        "ORDER BY DESC(?b) LIMIT 1\n"
    )
    return rq


@pytest.mark.slow
def test_page_in_chromium_offline(seed_store: Store, tmp_path: Path) -> None:
    g = org_network(seed_store)
    path = tmp_path / "network.html"
    path.write_text(network_html(g), encoding="utf-8")
    with page_of(path) as (page, errors, outside):
        assert page.evaluate("window.partnergraph.drawnNodes()") == g.number_of_nodes()
        page.fill("#search", "lublin")
        page.press("#search", "Enter")
        assert page.inner_text("#status") == "Lublin"
        assert page.evaluate("window.partnergraph.network.getSelectedNodes()") == [
            "https://w3id.org/partnergraph/id/org/pl/municipality-lublin"
        ]
        page.select_option("#filter-country", "NO")
        shown = sum(
            1 for n, d in g.nodes(data=True)
            if d["country"] == "NO" and any(g.nodes[m]["country"] == "NO" for m in g[n])
        )  # fmt: skip
        assert page.inner_text("#status").startswith(
            f"{shown} of {g.number_of_nodes()} organisations shown"
        )
        page.screenshot(path=str(tmp_path / "seed-network.png"))
        assert errors == [] and outside == []


@pytest.mark.slow
def test_no_script_from_document_text_runs(tmp_path: Path) -> None:
    g = nx.Graph()
    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    g.add_node(
        "urn:a",
        label=evil,
        country="NO",
        type="ngo",
        aliases="</script><script>alert(3)</script>",
        projects=1,
        events=0,
    )
    g.add_node(
        "urn:b", label='"; alert(4); "', country="PL", type="", aliases="", projects=1, events=0
    )
    g.add_edge("urn:a", "urn:b", weight=1, shared="<b onmouseover=alert(5)>x</b>")
    path = tmp_path / "evil.html"
    path.write_text(network_html(g), encoding="utf-8")
    with page_of(path) as (page, errors, outside):
        page.fill("#search", "img src")
        page.press("#search", "Enter")
        page.mouse.move(640, 400)
        assert page.evaluate("window.__alerts") == []
        assert page.evaluate("document.querySelectorAll('img, b').length") == 0
        assert page.evaluate("window.partnergraph.drawnNodes()") == 2
        assert errors == [] and outside == []
