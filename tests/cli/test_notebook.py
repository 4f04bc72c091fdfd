"""The Python API a notebook user expects, and the notebook-style example run whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from partnergraph.graph import open_store
from partnergraph.graph.cli import main
from partnergraph.graph.store import QueryResult, Store
from partnergraph.visualize import network_html, org_network

from ..conftest import EXAMPLES, ROOT


def test_the_example_runs_whole(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "examples/notebook.py", str(tmp_path / "s"), str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "built 2 documents" in done.stdout
    assert (
        "KS is [('Norwegian Association of Local and Regional Authorities', 'NO')]" in done.stdout
    )
    assert "Latvian Association of Local and Regional Governments" in done.stdout  # the frame
    assert (tmp_path / "out" / "notebook-network.html").stat().st_size > 10_000


def test_results_and_pages_show_themselves(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    result = QueryResult(("name", "note"), (("KS", "<b>x</b>"), ("Red Cross", None)))
    frame = result.to_pandas()
    assert list(frame.columns) == ["name", "note"] and frame.shape == (2, 2)
    html = result._repr_html_()
    assert "<td>KS</td>" in html and "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    page = network_html(org_network(open_store(store, read_only=True)))
    frame_html = page._repr_html_()
    assert frame_html.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame_html
    assert "<script" not in frame_html  # the page is quoted inside the attribute


def test_store_on_a_built_folder_opens_what_was_built(tmp_path: Path) -> None:
    store = tmp_path / "s"
    assert main(["build", "--store", str(store), "-q", str(EXAMPLES)]) == 0
    before = sorted(p.name for p in store.iterdir())
    opened = Store(store, read_only=True)
    assert len(opened) > 100  # the built graph, not a new empty database
    assert sorted(p.name for p in store.iterdir()) == before
