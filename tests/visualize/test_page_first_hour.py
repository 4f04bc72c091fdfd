"""The network page a person wants to open: fitted to the screen on load and after every
filter, unlinked organisations hidden (and counted), a minimum weight, communities by size,
search by any name ranked, the focus organisation marked (in Debian's Chromium)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from partnergraph.visualize import ego_network, network_html

from ..browser import page_of

pytestmark = [pytest.mark.slow, pytest.mark.server]


def _portal_like() -> nx.Graph:
    """A linked group of 24 organisations in three countries and 120 without a link, as in
    the portal's data (84 % unlinked)."""
    g = nx.Graph()
    countries = ("NO", "PL", "LV")
    for i in range(24):
        g.add_node(f"urn:o{i}", label=f"Organisation {i} of the network", country=countries[i % 3],
                   type="ngo", aliases="", projects=1, events=0)  # fmt: skip
    g.nodes["urn:o0"].update(
        label="Norwegian Association of Local and Regional Authorities", aliases="KS"
    )
    g.nodes["urn:o1"].update(label="Department of Public Works")  # holds "ks" inside a word
    for i in range(1, 24):
        g.add_edge(f"urn:o{(i - 1) // 2}", f"urn:o{i}", weight=1 + (i % 3), shared=f"P{i}")
    for i in range(120):
        g.add_node(f"urn:u{i}", label=f"Unlinked body {i}", country="BG", type="public",
                   aliases="", projects=1, events=0)  # fmt: skip
    return g


def _inside(page: Any) -> tuple[int, list[dict[str, float]]]:
    view = page.evaluate("window.partnergraph.viewport()")
    positions = page.evaluate("window.partnergraph.screenPositions()")
    outside = [
        p for p in positions if not (0 <= p["x"] <= view["width"] and 0 <= p["y"] <= view["height"])
    ]
    return len(positions), outside


def test_the_page_fits_hides_the_unlinked_and_finds_any_name(tmp_path: Path) -> None:
    g = _portal_like()
    path = tmp_path / "portal-like.html"
    path.write_text(network_html(g), encoding="utf-8")
    with page_of(path) as (page, errors, outside_requests):
        shown, outside = _inside(page)
        assert shown == 24 and outside == []  # the linked group only, all on screen
        assert page.inner_text("#isolate-count") == "120"
        assert "120 without a link hidden" in page.inner_text("#status")
        page.check("#show-isolates")
        shown, outside = _inside(page)
        assert shown == 144 and outside == []  # all of them, refitted
        page.uncheck("#show-isolates")
        page.select_option("#filter-country", "PL")
        shown, outside = _inside(page)
        assert 0 < shown < 24 and outside == []
        page.select_option("#filter-country", "")
        page.fill("#min-weight", "3")
        page.dispatch_event("#min-weight", "input")
        hidden = page.evaluate("window.partnergraph.edges.get({filter: e => e.hidden}).length")
        assert hidden == sum(1 for *_e, d in g.edges(data=True) if d["weight"] < 3)
        shown, outside = _inside(page)
        assert outside == []
        page.click("#reset")
        # communities: listed by size, the small ones as one entry
        options = page.evaluate(
            "Array.from(document.querySelectorAll('#filter-community option')).map(o => o.textContent)"
        )
        sizes = [int(o.split("(")[1].split()[0]) for o in options[1:] if o.startswith("community")]
        assert sizes == sorted(sizes, reverse=True)
        # search by an alias: the exact alias first, before a substring inside a word
        page.fill("#search", "ks")
        hits = page.evaluate(
            "Array.from(document.querySelectorAll('#hits li')).map(li => li.textContent)"
        )
        assert hits[0].startswith("Norwegian Association of Local and Regional Authorities")
        assert any(h.startswith("Department of Public Works") for h in hits[1:])
        page.press("#search", "Enter")
        assert page.evaluate("window.partnergraph.network.getSelectedNodes()") == ["urn:o0"]
        page.screenshot(path=str(tmp_path / "portal-like.png"))
        assert errors == [] and outside_requests == []


def test_an_ego_page_marks_its_organisation(tmp_path: Path) -> None:
    ego = ego_network(_portal_like(), "KS", 1)
    path = tmp_path / "ego.html"
    path.write_text(network_html(ego), encoding="utf-8")
    with page_of(path) as (page, errors, _outside):
        marked = page.evaluate(
            "window.partnergraph.nodes.get({filter: n => n.borderWidth === 5}).map(n => n.id)"
        )
        assert marked == ["urn:o0"]
        shown, outside = _inside(page)
        assert shown == ego.number_of_nodes() and outside == []
        assert errors == []
