"""The embedded store's union (its default graph) and the store's config file."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.store import Store, StoreError, open_store
from partnergraph.graph.store.graphs import SUMMARY, asserted, evidence_prefix
from partnergraph.graph.store.graphs import UNION as UNION_GRAPH

from ..conftest import EXAMPLES

PG = "https://w3id.org/partnergraph/ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"

SEEDS = sorted(str(p) for p in EXAMPLES.rglob("*.txt"))


def _union_is_right(store: Store) -> set[ox.Triple]:
    """The default graph holds exactly the triples of the asserted named graphs, each
    graph's evidence (its mentions) left out; the evidence."""
    raw = store.oxigraph
    default, named, evidence = set(), set(), set()
    for q in raw.quads_for_pattern(None, None, None):
        if isinstance(q.graph_name, ox.DefaultGraph):
            default.add(q.triple)
        elif asserted(q.graph_name.value):
            subject = q.subject.value if isinstance(q.subject, ox.NamedNode) else ""
            own = subject.startswith(evidence_prefix(q.graph_name.value))
            (evidence if own else named).add(q.triple)
    assert default == named
    assert default, "an empty union proves nothing"
    return evidence


def test_the_union_follows_builds_prunes_and_updates() -> None:
    store = Store(None)
    build(SEEDS, store)
    assert _union_is_right(store), "the documents' graphs hold their evidence"
    size = len(store)
    build(SEEDS, store)
    _union_is_right(store)
    assert len(store) == size
    both = _triples(store)
    build(SEEDS[:1], store, prune=True)  # the other document goes, facts and all
    _union_is_right(store)
    solo = Store(None)
    build(SEEDS[:1], solo)
    assert _triples(store) == _triples(solo) < both
    store.update("INSERT DATA { GRAPH <urn:extra> { <urn:a> <urn:b> <urn:c> } }")
    _union_is_right(store)
    assert (ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")) in {
        (t.subject, t.predicate, t.object) for t in _triples(store)
    }


def test_a_documents_evidence_is_asked_for_in_its_graph_not_in_the_union() -> None:
    store = Store(None)
    build(SEEDS[:1], store)
    mention = f"SELECT ?m WHERE {{ ?m a <{PG}Mention> }} LIMIT 1"
    assert store.select(mention).rows == ()
    in_graph = f"SELECT ?m WHERE {{ GRAPH ?g {{ ?m a <{PG}Mention> }} }} LIMIT 1"
    assert store.select(in_graph).rows


def test_a_union_written_with_evidence_loses_it_when_its_document_changes() -> None:
    """A store written before evidence was kept out of the union: a document written again
    takes its old evidence out of the union (the rest of the union stays right)."""
    store = Store(None)
    doc, m = "urn:doc:1", "urn:doc:1/mention/0-2-x"
    store.replace_graph(doc, [f"<{m}> <{PG}startOffset> \"0\"^^<{XSD}integer> .",
                              "<urn:a> <urn:p> <urn:b> ."])  # fmt: skip
    raw = store.oxigraph
    old = ox.Quad(
        ox.NamedNode(m),
        ox.NamedNode(f"{PG}startOffset"),
        ox.Literal("0", datatype=ox.NamedNode(f"{XSD}integer")),
    )
    assert old not in raw
    raw.add(old)  # as such a store holds it
    store.replace_graph(doc, ["<urn:a> <urn:p> <urn:b> ."])
    assert old not in raw
    _union_is_right(store)


def test_a_fact_two_documents_share_stays_while_one_still_says_it() -> None:
    store = Store(None)
    line = '<urn:ks> <http://www.w3.org/2004/02/skos/core#prefLabel> "KS" .'
    store.replace_graph("urn:doc:1", [line, "<urn:a> <urn:p> <urn:b> ."])
    store.replace_graph("urn:doc:2", [line])
    store.drop_graph("urn:doc:1")
    assert store.select("SELECT ?l WHERE { <urn:ks> ?p ?l }").rows == (("KS",),)
    assert store.select("SELECT * WHERE { <urn:a> ?p ?o }").rows == ()
    store.replace_graph("urn:doc:2", [])
    assert store.select("SELECT * WHERE { ?s ?p ?o }").rows == ()
    assert store.graphs() == []


def test_an_inferred_graph_stays_out_of_the_union() -> None:
    store = Store(None)
    store.replace_graph("urn:doc:1", ["<urn:a> <urn:p> <urn:b> ."])
    from partnergraph.graph.store.graphs import INFERRED as INFERRED_GRAPH

    store.replace_graph(INFERRED_GRAPH, ["<urn:b> <urn:q> <urn:a> ."])
    ask = "SELECT * WHERE { <urn:b> <urn:q> ?x }"
    assert store.select(ask).rows == ()
    assert store.select(ask, inferred=True).rows == (("urn:a",),)
    assert UNION_GRAPH not in store.graphs()


def test_the_config_file_chooses_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARTNERGRAPH_STORE", raising=False)
    monkeypatch.delenv("PARTNERGRAPH_CONFIG", raising=False)
    Path("partnergraph.toml").write_text('[store]\nlocation = "mystore"\n', encoding="utf-8")
    assert main(["build", "-q", "--no-validate", *SEEDS]) == 0
    assert (tmp_path / "mystore" / "current").exists()
    assert not (tmp_path / ".partnergraph").exists()
    assert main(["--store", str(tmp_path / "other"), "build", "-q", "--no-validate", SEEDS[0]]) == 0
    assert (tmp_path / "other" / "current").exists()

    Path("partnergraph.toml").write_text('[store]\nlocaton = "typo"\n', encoding="utf-8")
    with pytest.raises(StoreError, match=r"partnergraph.toml: unknown \[store\] setting locaton"):
        open_store(None)
    Path("partnergraph.toml").write_text("[store\n", encoding="utf-8")
    assert main(["query", "projects"]) == 2
    assert "partnergraph.toml: not a valid TOML config file" in capsys.readouterr().err
    monkeypatch.setenv("PARTNERGRAPH_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(StoreError, match=r"missing\.toml: no such config file"):
        open_store(None)


def _triples(store: Store) -> set[ox.Triple]:
    """The union's triples (no blank nodes: the same facts compare equal across stores)."""
    return {q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def test_loading_in_the_background_gives_the_same_store(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = Store(None)
    build(SEEDS, whole)
    from partnergraph.graph.store import oxigraph as store_module

    monkeypatch.setattr(store_module, "_BUFFER_QUADS", 50)  # many loads, each in a thread
    small = Store(None)
    build(SEEDS, small)
    _union_is_right(small)
    assert small.dump_nquads() == whole.dump_nquads()
    build(SEEDS[:1], small, prune=True)  # removals meet loads in flight
    _union_is_right(small)


def test_a_graph_the_store_lacks_still_has_its_lines_checked() -> None:
    store = Store(None)
    with pytest.raises(StoreError, match="not N-Triples"):
        store.replace_graph("urn:doc:1", ["<urn:a> <urn:p> <urn:b>"])
    store.replace_graph("urn:doc:2", ["<urn:a> <urn:p> <not an IRI> ."])  # the loader's check
    with pytest.raises(StoreError, match="writing failed"):
        store.flush()
    store.replace_graph("urn:doc:3", ["<urn:a> <urn:p> <urn:b> ."])
    assert store.select("SELECT ?o WHERE { <urn:a> <urn:p> ?o }").rows == (("urn:b",),)


def test_a_large_build_compacts_the_store_a_small_one_does_not(
    tmp_path: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compacted: list[int] = []
    real = Store.optimize

    def counted(self: Store) -> None:
        compacted.append(len(self))
        real(self)

    monkeypatch.setattr(Store, "optimize", counted)
    store = Store(tmp_path / "s")
    docs = sorted(str(p) for p in (shared / "corpus" / "docs").glob("*.txt"))
    before = build(docs, store)
    assert len(compacted) == 1  # all of it was new
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0] != "0"
    again = build(docs[:1], store)  # one document of many, written again
    assert again.triples < len(store) / 4 < before.triples
    assert len(compacted) == 1


def test_rows_as_text_are_the_rows_select_gives() -> None:
    """The plain-text reading of a SELECT (scans read it as CSV) gives the same values as
    the term reading, whatever a literal holds: commas, quotes, line breaks, other scripts,
    a language tag; an unbound value is ""."""
    store = Store(None)
    texts = ['a, "quoted" b', "two\nlines\r\n", "Ålesund kommune", "Дом на науката", ""]
    lines = [f"<http://x/s{i}> <http://x/p> {_literal(t)} ." for i, t in enumerate(texts)]
    lines[2] = lines[2].removesuffix(" .") + "@nb ."
    store.replace_graph("http://x/g", lines)
    query = "SELECT ?s ?o ?none WHERE { ?s <http://x/p> ?o OPTIONAL { ?s <http://x/q> ?none } }"
    expected = sorted(tuple(v or "" for v in row) for row in store.select(query).rows)
    assert sorted(store.select_text(query)) == expected
    assert sorted(o for _s, o, _n in expected) == sorted(texts)


def _literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r") + '"'


def test_dropping_a_view_with_writes_on_their_way_leaves_nothing_of_it() -> None:
    store = Store(None)
    build([str(EXAMPLES)], store)
    union = len(list(store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    store.replace_graph(SUMMARY, ["<http://x/a> <http://x/p> <http://x/b> ."])  # held back
    store.drop_graph(SUMMARY)
    store.flush()
    assert not store.oxigraph.contains_named_graph(ox.NamedNode(SUMMARY))
    assert len(list(store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == union
    _union_is_right(store)
