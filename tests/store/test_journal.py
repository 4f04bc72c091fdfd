"""The embedded store's journal of what a build's writes touched, and the state kept beside
the store that it keeps right."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from partnergraph.graph.store import Store
from partnergraph.graph.store.journal import texts_of

_XSD = "http://www.w3.org/2001/XMLSchema#"


def test_terms_read_as_the_stores_text_scans_give_them() -> None:
    decimal = ox.Literal("1200000.0", datatype=ox.NamedNode(_XSD + "decimal"))
    integer = ox.Literal("007", datatype=ox.NamedNode(_XSD + "integer"))
    tagged = ox.Literal("Oslo kommune", language="nb")
    iri = ox.NamedNode("https://example.org/a")
    shown = texts_of({decimal, integer, tagged, iri})
    assert shown == {decimal: "1200000", integer: "7", tagged: "Oslo kommune",
                     iri: "https://example.org/a"}  # fmt: skip
    store = Store(None)
    store.replace_graph(
        "https://e.org/g", ["<https://e.org/s> <https://e.org/p> " + str(decimal) + " ."]
    )
    (row,) = store.select_text("SELECT ?o WHERE { ?s <https://e.org/p> ?o }")
    assert row == (shown[decimal],)


def test_the_changes_say_where_each_touched_triple_is_at_the_end() -> None:
    store = Store(None)
    one = '<https://e.org/s> <https://e.org/p> "x" .'
    store.replace_graph("https://e.org/a", [one])
    store.flush()
    store.start_journal()
    store.replace_graph("https://e.org/b", [one])  # a new graph, held back for a bulk load
    store.replace_graph("https://e.org/a", [])  # removed from a; b still says it
    store.replace_graph("https://e.org/c", ['<https://e.org/s> <https://e.org/p> "y" .'])
    changes = store.take_changes()
    assert changes is not None
    union = {(s, p, o): there for s, p, o, there in changes.union}
    assert union[("https://e.org/s", "https://e.org/p", "x")] is True  # b's write won
    assert union[("https://e.org/s", "https://e.org/p", "y")] is True
    graphs = {(g, o): there for g, _s, _p, o, there in changes.graphs}
    assert graphs == {("https://e.org/a", "x"): False, ("https://e.org/b", "x"): True,
                      ("https://e.org/c", "y"): True}  # fmt: skip
    assert store.take_changes() is not None  # closed: no journal, no changes
    assert store.take_changes().union == ()  # type: ignore[union-attr]


def test_kept_states_go_with_the_store_and_a_write_without_a_journal_forgets_them(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "s")
    store.keep_state("summary", b"scans")
    store.keep_state("ledger", b"entries")
    assert store.kept_state("summary") == b"scans"
    # a view's write (the summary graph, a ledger graph) leaves them
    store.replace_graph("https://w3id.org/partnergraph/graph/summary", ['<urn:a> <urn:p> "1" .'])
    assert store.kept_state("ledger") == b"entries"
    store.replace_graph("https://e.org/doc", ['<urn:a> <urn:p> "1" .'])  # asserted, no journal
    assert store.kept_state("summary") is None and store.kept_state("ledger") is None
    assert not list((tmp_path / "s").glob("partnergraph-*-state"))
    store.keep_state("ledger", b"again")
    store.update("INSERT DATA { GRAPH <https://e.org/doc> { <urn:b> <urn:p> 2 } }")
    assert store.kept_state("ledger") is None


def test_the_changes_leave_out_what_is_as_it_was() -> None:
    """A decimal written as "61000.0" where the store keeps "61000", a name in one language
    removed while the same text in another stays, a triple written and removed again
    within one journal: none of them is a change."""
    store = Store(None)
    s, p, q = "<https://e.org/s>", "<https://e.org/p>", "<https://e.org/q>"
    amount = f'{s} {p} "61000.0"^^<{_XSD}decimal> .'
    named = [f'{s} {q} "Oslo"@en .', f'{s} {q} "Oslo"@nb .']
    store.replace_graph("https://e.org/a", [amount, *named])
    store.flush()
    store.start_journal()
    store.replace_graph("https://e.org/a", [amount, named[1]])  # "61000" stays; "Oslo" too
    store.replace_graph("https://e.org/b", [f'{s} {p} "new" .'])
    store.replace_graph("https://e.org/b", [])
    changes = store.take_changes()
    assert changes is not None
    assert changes.union == () and changes.graphs == ()
    # and a real change is one
    store.start_journal()
    store.replace_graph("https://e.org/a", [named[1]])
    changes = store.take_changes()
    assert changes is not None
    assert changes.union == (("https://e.org/s", "https://e.org/p", "61000", False),)
    assert changes.graphs == (
        ("https://e.org/a", "https://e.org/s", "https://e.org/p", "61000", False),
    )


def test_a_views_statements_of_some_subjects_are_replaced_and_the_rest_stays() -> None:
    import pytest

    from partnergraph.graph.store import StoreError

    store = Store(None)
    view = "https://w3id.org/partnergraph/graph/summary"
    store.replace_graph(view, ['<urn:a> <urn:p> "1" .', '<urn:b> <urn:p> "2" .'])
    store.replace_subjects(view, ["urn:a"], ['<urn:a> <urn:p> "3" .', '<urn:c> <urn:p> "4" .'])
    rows = store.select_text(f"SELECT ?s ?o WHERE {{ GRAPH <{view}> {{ ?s ?p ?o }} }}")
    assert sorted(rows) == [("urn:a", "3"), ("urn:b", "2"), ("urn:c", "4")]
    # lines that are not one triple each are parsed; text that is no N-Triples is refused
    store.replace_subjects(view, ["urn:c"], ['<urn:c>  <urn:p> "5" .  # spaced'])
    rows = store.select_text(f"SELECT ?o WHERE {{ GRAPH <{view}> {{ <urn:c> ?p ?o }} }}")
    assert list(rows) == [("5",)]
    with pytest.raises(StoreError, match="not N-Triples"):
        store.replace_subjects(view, [], ["<urn:c> oops"])
    with pytest.raises(ValueError, match="in the union"):
        store.replace_subjects("https://e.org/doc", [], [])


def test_kept_states_go_to_the_next_generation_and_the_old_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    """A build's new generation takes the kept states of the one before (linked, not
    copied: a state is replaced, never written in place), and replacing them there leaves
    the old generation's as they were (a reader may still have it open)."""
    from partnergraph.graph.store import open_store, staged

    location = str(tmp_path / "s")
    with staged(location) as store:
        assert isinstance(store, Store)
        store.keep_state("summary", b"first")
    first = (tmp_path / "s" / "current").resolve()
    with staged(location) as store:
        assert isinstance(store, Store)
        assert store.kept_state("summary") == b"first"
        kept = next(store.path.glob("partnergraph-summary-state"))  # type: ignore[union-attr]
        assert kept.stat().st_ino == (first / kept.name).stat().st_ino  # linked
        store.keep_state("summary", b"second")
        assert (first / kept.name).read_bytes() == b"first"
    opened = open_store(location, read_only=True)
    assert isinstance(opened, Store) and opened.kept_state("summary") == b"second"
