"""Networks of a big store: the analytics and the page take time that grows with the
network's size, not with its cube, and give what the reference computations give."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnergraph.visualize import metrics, network_html, strongest, weight_floor
from partnergraph.visualize.metrics import burt_constraint

from ..conftest import EXAMPLES

#: Weights as a network may hold them: zero, fractions, none (1).
_ANY_WEIGHT = st.sampled_from([0, 0.5, 1, 2, 7, None])


@st.composite
def _weighted_graphs(
    draw: st.DrawFn,
    weights: st.SearchStrategy[float | None] = _ANY_WEIGHT,
) -> nx.Graph:
    """Graphs of 2–30 organisations, loops too, with ``weights`` (None: no weight, 1)."""
    size = draw(st.integers(2, 30))
    g = nx.Graph()
    g.add_nodes_from(f"org{i:02d}" for i in range(size))
    links = draw(
        st.lists(
            st.tuples(st.integers(0, size - 1), st.integers(0, size - 1), weights),
            min_size=1, max_size=120,
        )
    )  # fmt: skip
    for a, b, weight in links:
        if weight is None:
            g.add_edge(f"org{a:02d}", f"org{b:02d}")  # no weight: 1
        else:
            g.add_edge(f"org{a:02d}", f"org{b:02d}", weight=weight)
    return g


@settings(max_examples=60, deadline=None)
@given(_weighted_graphs(), st.booleans())
def test_burt_constraint_is_networkx_constraint(g: nx.Graph, dense: bool) -> None:
    nodes = list(g)  # isolated ones too: NaN
    expected = nx.constraint(g, nodes=nodes, weight="weight")
    old = metrics._DENSE_UP_TO
    metrics._DENSE_UP_TO = old if dense else 0  # either way of multiplying
    try:
        found = burt_constraint(g, nodes)
    finally:
        metrics._DENSE_UP_TO = old
    assert found.keys() == set(nodes)
    for n in nodes:
        a, b = expected[n], found[n]
        assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, abs=1e-12), n


def test_betweenness_is_exact_on_small_networks_and_bounded_on_big_ones() -> None:
    assert metrics._sources(50, 200) is None  # exact
    big = metrics._sources(1213, 144_940)  # a 100k-project store's network
    assert big is not None and big * (1213 + 144_940) <= metrics.BETWEENNESS_WORK
    assert metrics._sources(100_000, 10**7) == metrics.BETWEENNESS_FEWEST
    assert metrics._sources(600, 2_000) == metrics.BETWEENNESS_SAMPLE  # as before


def test_the_page_adds_each_link_once_without_scanning_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PyVis's add_edge scans every edge and node added before (145,000 links: hours); the
    page appends what it would append."""
    from pyvis.network import Network

    def refused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("add_edge scans every edge so far")

    monkeypatch.setattr(Network, "add_edge", refused)
    g = nx.Graph()
    for i in range(60):
        for j in range(i + 1, 60):
            g.add_edge(f"org{i:02d}", f"org{j:02d}", weight=1 + (i * j) % 5, shared="P")
    page = str(network_html(g))
    assert page.count('"from": ') == g.number_of_edges() == 1770


def test_the_page_is_the_same_in_every_run(tmp_path: Path) -> None:
    """The layout starts from the nodes' order: the same store gives the same page bytes in
    runs whose hashing of text differs (a subgraph view went through its nodes in a set's
    order)."""
    store = tmp_path / "store"
    exe = Path(sys.executable).parent / "partnergraph"
    build = [str(exe), "build", "--store", str(store), "-q", "--no-validate", str(EXAMPLES)]
    subprocess.run(build, check=True, capture_output=True, timeout=600)
    pages = []
    for seed in ("1", "2", "3"):
        page = tmp_path / f"page{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        draw = [str(exe), "--store", str(store), "draw", "-o", str(page)]
        subprocess.run(draw, check=True, capture_output=True, timeout=600, env=env)
        pages.append(page.read_bytes())
    assert pages[0] == pages[1] == pages[2]


@given(_weighted_graphs(st.integers(1, 6)), st.integers(1, 40))
@settings(max_examples=200, deadline=None)
def test_the_weight_floor_is_the_lowest_that_leaves_at_most_so_many_links(
    g: nx.Graph, most: int
) -> None:
    floor = weight_floor(g, most)
    drawn = strongest(g, floor)
    weights = [d["weight"] for _a, _b, d in g.edges(data=True)]
    assert sorted(drawn.nodes) == sorted(g.nodes)
    assert all(drawn.nodes[n]["partners"] == g.degree(n) for n in g.nodes)
    assert drawn.graph["all_links"] == g.number_of_edges()
    assert drawn.number_of_edges() == sum(w >= floor for w in weights)
    if drawn.number_of_edges() > most:  # only when the strongest links alone are more
        assert floor == max(weights)
    if floor > 1 and drawn.number_of_edges() <= most:
        assert sum(w >= floor - 1 for w in weights) > most  # one lower would draw too many


def test_a_page_of_many_links_draws_the_strongest_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from partnergraph.graph.cli import main, network

    store = str(tmp_path / "store")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    page = tmp_path / "all.html"
    assert main(["draw", "--store", store, "-o", str(page)]) == 0
    everything = capsys.readouterr().out
    links = int(everything.split(" organisations, ")[1].split()[0])
    assert links > 2 and " of " not in everything
    monkeypatch.setattr(network, "PAGE_LINKS", links - 1)
    assert main(["draw", "--store", store, "-o", str(tmp_path / "some.html")]) == 0
    some = capsys.readouterr().out
    drawn = int(some.split(" organisations, ")[1].split()[0])
    assert 0 < drawn < links and f"of {links} links (those shared at least" in some
    assert (tmp_path / "some.html").stat().st_size < page.stat().st_size
    assert (
        main(["draw", "--store", store, "-o", str(tmp_path / "one.html"), "--min-weight", "1"]) == 0
    )
    assert f"{links} links" in capsys.readouterr().out
    assert (tmp_path / "one.html").read_bytes() == page.read_bytes()
