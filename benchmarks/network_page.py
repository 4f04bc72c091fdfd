"""The network page in Chromium: time until drawn and interactive, at real and large sizes.

    python benchmarks/network_page.py [--shared ../shared] [--nodes 20000] [--screenshots docs/]

Prints, for the real portal data (about 2,500 organisations) and for a synthetic network of
``--nodes`` organisations: the page's size, the seconds from opening the file to the first
drawing, and the seconds a search (select, focus, highlight) takes once drawn. Targets:
portal page drawn and interactive within 3 s; 20,000 nodes still open and respond.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from partnergraph.graph.build import build
from partnergraph.graph.store import Store
from partnergraph.visualize import network_html, org_network

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def synthetic(n: int, seed: int = 7) -> nx.Graph:
    rng = random.Random(seed)
    g = nx.Graph()
    countries = ["NO", "PL", "LV", "LT", "IS", "RO", "BG", "CZ"]
    types = ["municipality", "university", "association", "agency", "ngo"]
    for i in range(n):
        g.add_node(f"urn:org:{i}", label=f"Organisation {i}", country=rng.choice(countries),
                   type=rng.choice(types), aliases="", projects=1, events=0)  # fmt: skip
    for _ in range(n // 4):  # sparse, like the portal data: most organisations have 0–1 partners
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            g.add_edge(f"urn:org:{a}", f"urn:org:{b}", weight=1, shared="P")
    return g


def measure(path: Path, search: str, screenshot: Path | None) -> tuple[float, float, int]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        started = time.perf_counter()
        page.goto(path.resolve().as_uri())
        while not page.evaluate(
            "() => Boolean(window.partnergraph && window.partnergraph.ready())"
        ):
            time.sleep(0.02)  # the page's CSP forbids wait_for_function's string evaluation
        drawn = time.perf_counter() - started
        nodes = int(page.evaluate("window.partnergraph.drawnNodes()"))
        started = time.perf_counter()
        page.fill("#search", search)
        page.press("#search", "Enter")
        while not page.evaluate("() => window.partnergraph.network.getSelectedNodes().length > 0"):
            time.sleep(0.01)  # the search has chosen an organisation
        responded = time.perf_counter() - started
        if screenshot is not None:
            page.screenshot(path=str(screenshot))
        browser.close()
    return drawn, responded, nodes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared")
    )
    parser.add_argument("--nodes", type=int, default=20_000)
    parser.add_argument("--screenshots", type=Path, help="folder to save screenshots into")
    args = parser.parse_args()
    if shutil.which("chromium") is None:
        print("needs Debian's chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, nx.Graph, str]] = []
        seeds = Store(None)
        build([str(Path(__file__).resolve().parents[1] / "examples")], seeds)
        cases.append(("seed documents", org_network(seeds), "KS"))
        portal = Path(args.shared) / "data" / "eeagrants-api-2009-2014"
        if portal.is_dir():
            store = Store(None)
            build([str(portal)], store)
            cases.append(("portal data", org_network(store), "Innovation Norway"))
        cases.append((f"synthetic {args.nodes}", synthetic(args.nodes), "Organisation 1"))
        print(
            f"{'network':<20} {'nodes':>7} {'edges':>7} {'page MB':>8} {'drawn s':>8} {'search s':>9}"
        )
        for name, g, search in cases:
            page = Path(tmp) / "page.html"
            started = time.perf_counter()
            page.write_text(network_html(g), encoding="utf-8")
            written = time.perf_counter() - started
            shot = None
            if args.screenshots is not None and not name.startswith("synthetic"):
                args.screenshots.mkdir(parents=True, exist_ok=True)
                shot = args.screenshots / f"{name.replace(' ', '-')}-network.png"
            drawn, responded, shown = measure(page, search, shot)
            size = page.stat().st_size / 1e6
            print(
                f"{name:<20} {shown:>7} {g.number_of_edges():>7} {size:>8.1f} {drawn:>8.2f} {responded:>9.2f}"
                f"   (page written in {written:.1f} s)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
