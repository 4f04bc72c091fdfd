"""Regression: the metrics graph 'analyse --write' stores was exported as if it were
document data, counted by 'describe', and never removed by 'build --prune'."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace

from partnergraph.graph.cli import main
from partnergraph.graph.store import open_store
from partnergraph.graph.store.graphs import METRICS

from ..conftest import EXAMPLES

PG = Namespace("https://w3id.org/partnergraph/ns#")


def test_metrics_stay_out_of_exports_and_descriptions_and_go_with_a_build(
    tmp_path: Path,
) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    before_ttl, before_desc = tmp_path / "before.ttl", tmp_path / "before-desc.ttl"
    assert main(["export", "--store", store, "-o", str(before_ttl)]) == 0
    assert main(["describe", "--store", store, "-o", str(before_desc)]) == 0

    assert main(["analyse", "--store", store, "--write", "--format", "csv"]) == 0
    written = open_store(store, read_only=True)
    assert METRICS in written.graphs()
    del written

    after_ttl, after_desc = tmp_path / "after.ttl", tmp_path / "after-desc.ttl"
    assert main(["export", "--store", store, "-o", str(after_ttl)]) == 0
    assert main(["describe", "--store", store, "-o", str(after_desc)]) == 0
    exported = Graph().parse(after_ttl, format="turtle")
    assert not list(exported.triples((None, PG.betweenness, None)))
    assert after_ttl.read_bytes() == before_ttl.read_bytes()
    assert after_desc.read_bytes() == before_desc.read_bytes()  # VoID counts unchanged

    # pruning to one document: no metrics of the organisations that left stay behind
    one = sorted((EXAMPLES / "seeds").glob("*.txt"))[0]
    assert main(["build", "--store", store, "-q", "--prune", str(one)]) == 0
    pruned = open_store(store, read_only=True)
    assert METRICS not in pruned.graphs()
    rows = pruned.select(f"SELECT ?o WHERE {{ ?o <{PG.betweenness}> ?b }}").rows
    assert rows == ()
