"""The network as GraphML and GEXF for Cytoscape and Gephi, with the page's attributes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from partnergraph.graph.cli import main
from partnergraph.graph.store import open_store
from partnergraph.visualize import org_network

from ..conftest import EXAMPLES


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_draw_writes_network_files_other_tools_read(tmp_path: Path, suffix: str) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    target = tmp_path / f"n.{suffix}"
    assert main(["draw", "--store", store, "-o", str(target)]) == 0
    read = nx.read_gexf(target) if suffix == "gexf" else nx.read_graphml(target)
    expected = org_network(open_store(store, read_only=True))
    assert set(read.nodes) == set(expected.nodes)
    assert {frozenset(e) for e in read.edges} == {frozenset(e) for e in expected.edges}
    ks = next(n for n in read.nodes if n.endswith("/org/no/ks"))
    data = read.nodes[ks]
    assert data["label"] == expected.nodes[ks]["label"] and data["country"] == "NO"
    assert {"type", "aliases", "projects", "events", "degree", "betweenness", "community"} <= set(
        data
    )
    assert all("weight" in d and "shared" in d for _, _, d in read.edges(data=True))
    again = tmp_path / f"again.{suffix}"
    assert main(["draw", "--store", store, "-o", str(again)]) == 0
    assert again.read_bytes() == target.read_bytes()  # the same network, the same file
