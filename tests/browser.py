"""Debian's Chromium, headless, driven by Playwright: open a page from disk with the network
shut, and report what a person would see."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def need_chromium() -> str:
    """The browser, or a skip (a failure in CI, where .ci/run installs it)."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return CHROMIUM


def wait_ready(page: Any, seconds: float = 60.0) -> None:
    """Poll until the page says it is drawn (the page's content security policy forbids the
    string evaluation that Playwright's wait_for_function uses)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if page.evaluate("() => Boolean(window.partnergraph && window.partnergraph.ready())"):
            return
        time.sleep(0.05)
    raise AssertionError(f"the page was not drawn within {seconds:.0f} s")


@contextmanager
def page_of(path: Path) -> Iterator[tuple[Any, list[str], list[str]]]:
    """(page, console errors, requests that tried to leave the machine)."""
    from playwright.sync_api import sync_playwright

    executable = need_chromium()
    errors: list[str] = []
    outside: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))

            def block(route: Any) -> None:
                if not route.request.url.startswith("file:"):
                    outside.append(route.request.url)
                    route.abort()
                else:
                    route.continue_()

            page.route("**/*", block)
            page.add_init_script(
                "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"
            )
            page.goto(path.resolve().as_uri())
            wait_ready(page)
            yield page, errors, outside
        finally:
            browser.close()
