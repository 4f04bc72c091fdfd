"""The summary graph answers the listing questions as their SPARQL does, stays right
through builds and prunes, is read a page at a time, and never leaves the store in an
export."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import SKOS

from partnergraph import queries
from partnergraph.graph import ask
from partnergraph.graph import summary as summary_module
from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.ledger import load_ledger, load_ledger_kept, read_ledger
from partnergraph.graph.store import Store, graphs, open_store, staged
from partnergraph.graph.summary import (
    INDEXES,
    SUMMARISED,
    compute,
    read_rows,
    row_count,
    summarise,
)
from partnergraph.ontology import PG, SCHEMA

from ..conftest import EXAMPLES, FIXTURES

LISTINGS = sorted(SUMMARISED)
#: The small fixture stores hold one pair that shares two projects, one event of three
#: countries and a few donor links: the corpus test (with the portal data) is where those
#: answers are read at length.
SHORT = {"repeat_partners": 1, "multi_country_events": 1, "donor_links": 3, "conflicting_values": 3}
LONG = [name for name in LISTINGS if name not in SHORT]


def _by_sparql(store: Store, name: str) -> tuple[tuple[str | None, ...], ...]:
    q = queries.load(name)
    result = store.select(queries.bound(q, {}))
    return queries.tidy(q, result.variables, result.rows)


def _by_summary(store: Store, name: str) -> tuple[tuple[str | None, ...], ...]:
    return read_rows(store, name).rows


@pytest.mark.parametrize("name", LISTINGS)
def test_the_summary_gives_the_questions_answer_in_its_order(
    question_store: Store, name: str
) -> None:
    expected = _by_sparql(question_store, name)
    assert len(expected) >= SHORT.get(name, 5)
    computed = compute(question_store, name)
    assert (
        computed.variables == question_store.select(queries.bound(queries.load(name), {})).variables
    )
    assert computed.rows == expected
    assert _by_summary(question_store, name) == expected  # as the build kept it


def test_the_summary_on_the_corpus_and_the_portal_data(shared: Path) -> None:
    store = Store(None)
    data = shared / "data" / "eeagrants-api-2009-2014" / "partners.json"
    build([str(shared / "corpus" / "docs"), str(data)], store)
    sizes = {"cooperation_pairs": 500, "organisations": 2000, "projects": 2000, "events": 50,
             "partner_countries": 400, "repeat_partners": 20, "multi_country_events": 0,
             "donor_links": 40, "news_only": 100, "conflicting_values": 0}  # fmt: skip
    for name in LISTINGS:
        expected = _by_sparql(store, name)
        assert len(expected) >= sizes[name], name
        assert _by_summary(store, name) == expected, name


def test_one_sort_by_all_keys_orders_as_a_sort_a_key() -> None:
    """Rows with unbound values and ties, ordered by a descending number and ascending
    texts: the one sort gives what one stable sort a key gives (the events' way)."""
    import random
    from decimal import Decimal

    from partnergraph.graph.summary import ordered

    pick = random.Random(7)
    values = [None, "1", "2", "10", "2.5"]
    rows = [
        (pick.choice(values), pick.choice([None, "a", "b", "B"]), pick.choice("xyz"), str(i))
        for i in range(400)
    ]
    keys = ((0, True, Decimal), (1, False, str), (2, False, str))
    one = ordered(rows, keys)  # type: ignore[arg-type]
    # the way of many sorts, forced by a descending text key that changes nothing (all "")
    many = ordered([(*r, "") for r in rows], ((4, True, str), *keys))  # type: ignore[arg-type]
    assert one == [r[:4] for r in many]
    assert one[0][0] == "10" and one[-1][0] is None
    # and one row compared with another (to put a row made again in its place) orders alike
    import functools

    rank = functools.cmp_to_key(summary_module._comparison(keys))  # type: ignore[arg-type]
    assert sorted(rows, key=rank) == one


def test_the_default_orders() -> None:
    store = Store(None)
    build([str(EXAMPLES), str(FIXTURES / "portal"), str(FIXTURES / "questions")], store)
    pairs = [int(w or 0) for _a, _b, w, _s in read_rows(store, "cooperation_pairs").rows]
    assert pairs == sorted(pairs, reverse=True) and pairs[0] > pairs[-1]
    partners = [int(r[6] or 0) for r in read_rows(store, "organisations").rows]
    assert partners == sorted(partners, reverse=True) and partners[0] > partners[-1]
    costs = [float(r[5]) for r in read_rows(store, "projects").rows if r[5] is not None]
    assert costs == sorted(costs, reverse=True) and len(set(costs)) > 1
    starts = [r[2] for r in read_rows(store, "events").rows]
    dated = [s for s in starts if s is not None]
    assert dated == sorted(dated, reverse=True) and len(set(dated)) > 1
    assert starts[: len(dated)] == dated  # those without a date come last


def test_builds_and_prunes_keep_the_summary_right() -> None:
    store = Store(None)
    build([str(EXAMPLES)], store)
    first = sorted(EXAMPLES.rglob("*.txt"))[0]
    build([str(FIXTURES / "portal")], store)
    for name in LISTINGS:
        assert _by_summary(store, name) == _by_sparql(store, name), name
    build([str(first)], store, prune=True)
    for name in LISTINGS:
        assert _by_summary(store, name) == _by_sparql(store, name), name
    # changed by other means, it is wrong until summarised again
    store.update(
        f"DELETE WHERE {{ GRAPH <{graphs.SUMMARY}> "
        "{ ?page <https://w3id.org/partnergraph/ns#pageRows> ?rows } }"
    )
    assert _by_summary(store, "projects") != _by_sparql(store, "projects")
    summarise(store)
    for name in LISTINGS:
        assert _by_summary(store, name) == _by_sparql(store, name), name


def test_the_summary_is_not_exported_and_the_cli_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_dir = str(tmp_path / "s")
    assert main(["build", "--store", store_dir, "-q", "--no-validate", str(EXAMPLES)]) == 0
    assert main(["summarise", "--store", store_dir]) == 0
    said = capsys.readouterr().out
    assert "cooperation_pairs (" in said and "events (" in said
    out = tmp_path / "all.trig"
    assert main(["export", "--store", store_dir, "-o", str(out), "--format", "trig"]) == 0
    text = out.read_text(encoding="utf-8")
    assert graphs.SUMMARY not in text and "pageRows" not in text
    assert main(["export", "--store", store_dir, "-o", str(out), "--summary"]) == 0
    text = out.read_text(encoding="utf-8")
    assert f"<{graphs.SUMMARY}>" in text and "pageRows" in text  # when asked
    capsys.readouterr()
    wholes = {}
    for name in LONG:
        assert main(["query", name, "--store", store_dir, "--format", "csv"]) == 0
        wholes[name] = capsys.readouterr().out.strip().splitlines()
        assert len(wholes[name]) > 1, name
    # the questions read the summary: its pages emptied, so are the answers until summarised
    store = open_store(store_dir)
    store.update(
        f"DELETE WHERE {{ GRAPH <{graphs.SUMMARY}> "
        "{ ?page <https://w3id.org/partnergraph/ns#pageRows> ?rows } }"
    )
    store.close()
    for name in LONG:
        assert main(["query", name, "--store", store_dir, "--format", "csv"]) == 0
        assert len(capsys.readouterr().out.strip().splitlines()) == 1, name
    assert main(["summarise", "--store", store_dir]) == 0
    capsys.readouterr()
    for name in LONG:
        assert main(["query", name, "--store", store_dir, "--format", "csv"]) == 0
        assert capsys.readouterr().out.strip().splitlines() == wholes[name], name


@pytest.mark.parametrize("name", LONG)
def test_pages_of_the_summary_are_slices_of_the_answer(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partnergraph.graph import summary

    monkeypatch.setattr(summary, "PAGE_ROWS", 2)  # pages of 2 rows: boundaries are crossed
    store = Store(None)
    build([str(EXAMPLES), str(FIXTURES / "portal"), str(FIXTURES / "questions")], store)
    whole = read_rows(store, name).rows
    assert len(whole) == row_count(store, name) and len(whole) >= 6
    for offset, limit in ((0, 3), (1, 2), (2, 2), (3, 100), (len(whole), 5), (3, 0)):
        page = read_rows(store, name, limit=limit, offset=offset).rows
        assert page == whole[offset : offset + limit]


def test_ask_pages_kept_and_computed_answers_alike(question_store: Store) -> None:
    summarise(question_store)
    # kept by the summary, and not
    for name, kept, offset in (("projects", True, 2), ("programmes", False, 0)):
        q = queries.load(name)
        whole = ask(question_store, q)
        assert whole.kept is kept and whole.total == len(whole.result.rows) >= offset + 3
        page = ask(question_store, q, limit=3, offset=offset)
        assert page.total == whole.total and page.end == offset + 3
        assert page.result.rows == whole.result.rows[offset : offset + 3]
    # a changed copy of a summarised question runs as written
    q = queries.load("projects")
    changed = queries.parse("projects", q.sparql.replace("DESC(?cost)", "?cost"))
    assert not ask(question_store, changed).kept


def test_the_network_projection_reads_the_summary() -> None:
    from partnergraph.graph import Answers
    from partnergraph.visualize import org_network

    store = Store(None)
    build([str(EXAMPLES), str(FIXTURES / "portal"), str(FIXTURES / "questions")], store)
    kept, computed = org_network(Answers(store)), org_network(store)
    assert computed.number_of_edges() >= 9
    assert dict(kept.nodes(data=True)) == dict(computed.nodes(data=True))
    assert sorted(kept.edges(data=True)) == sorted(computed.edges(data=True))
    # read from the summary: with its pages gone, the projection is empty until summarised
    store.update(
        f"DELETE WHERE {{ GRAPH <{graphs.SUMMARY}> "
        "{ ?page <https://w3id.org/partnergraph/ns#pageRows> ?rows } }"
    )
    assert org_network(Answers(store)).number_of_nodes() == 0
    summarise(store)
    assert sorted(org_network(Answers(store)).edges(data=True)) == sorted(computed.edges(data=True))


def test_events_of_many_countries_from_the_summary(tmp_path: Path) -> None:
    """Several events of three countries or more (the fixtures hold one): the kept answer
    and its order are the question's."""
    seminars = [
        ("Riga", "3 May 2021", "KS, the Association of Polish Cities and the Latvian "
         "Association of Local and Regional Governments"),
        ("Oslo", "10 June 2022", "KS, the Association of Polish Cities, the Latvian "
         "Association of Local and Regional Governments and NAMRB"),
        ("Sofia", "1 March 2020", "NAMRB, KS and the Association of Polish Cities"),
    ]  # fmt: skip
    for n, (place, day, who) in enumerate(seminars):
        (tmp_path / f"news-{n}.txt").write_text(
            f"# kind: news\nA seminar in {place}\n\n"
            f"On {day} {who} took part in a seminar in {place}.\n",
            encoding="utf-8",
        )
    store = Store(None)
    build([str(tmp_path)], store)
    expected = _by_sparql(store, "multi_country_events")
    assert len(expected) == 3 and expected[0][3] == "4"
    assert _by_summary(store, "multi_country_events") == expected


def _kept_scans(store: Store) -> dict[str, dict[str, set[str]]]:
    """The summary's kept predicate scans (with the log of changes since), objects as
    sets."""
    from partnergraph.graph.store.journal import Changes

    scans = summary_module._restored(store, Changes((), ()))
    assert scans is not None
    predicates = [name for name in scans.held() if " " not in name]
    return {p: {s: set(os) for s, os in scans(p).items()} for p in predicates}


def _fresh_scans(store: Store, predicates: list[str]) -> dict[str, dict[str, set[str]]]:
    scans = summary_module._Scans(store)
    return {p: {s: set(os) for s, os in scans(p).items()} for p in predicates}


def _documents(tmp_path: Path) -> Path:
    """A folder with copies of the seeds and the questions' documents (to change)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for source in [*(EXAMPLES / "seeds").glob("*.txt"), *(FIXTURES / "questions").glob("*.txt")]:
        (docs / source.name).write_bytes(source.read_bytes())
    return docs


def _same_as_computed(store: Store) -> None:
    for name in [*LISTINGS, *sorted(INDEXES)]:
        assert _by_summary(store, name) == compute(store, name).rows, name
    # and the ledger's kept copy is the ledger its graphs hold
    assert store.kept_state("ledger") is not None
    assert load_ledger(store) == read_ledger(store)


def test_a_build_brings_the_kept_summary_up_to_date_from_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Builds one after another into a store on disk: each summary is the kept one brought
    up to date with the triples the build touched (not read again), and equals the answers
    computed afresh — through new documents, a changed one, a prune."""
    restored: list[bool] = []
    real = summary_module._Scans.restored.__func__  # type: ignore[attr-defined]

    def spy(cls: type, store: Store, data: bytes, changes: object, log: object = ()) -> object:
        scans = real(cls, store, data, changes, log)
        restored.append(scans is not None)
        return scans

    monkeypatch.setattr(summary_module._Scans, "restored", classmethod(spy))
    docs = tmp_path / "docs"
    docs.mkdir()
    sources = [*sorted((EXAMPLES / "seeds").glob("*.txt")),
               *sorted((FIXTURES / "questions").glob("*.txt"))]  # fmt: skip
    for source in sources:
        (docs / source.name).write_bytes(source.read_bytes())
    location = str(tmp_path / "store")

    def built(paths: list[Path], prune: bool = False) -> Store:
        with staged(location) as store:
            build([str(p) for p in paths], store, prune=prune)
        opened = open_store(location, read_only=True)
        assert isinstance(opened, Store)
        return opened

    first = sorted(docs.iterdir())
    store = built(first[:2])
    assert restored == []  # nothing kept yet: read whole
    _same_as_computed(store)
    store = built(first)
    assert restored == [True]
    _same_as_computed(store)
    kept = _kept_scans(store)
    assert kept == _fresh_scans(store, sorted(kept))
    # a changed document: another organisation where one was
    changed = docs / "002_c84218a7ceba7421.txt"
    text = changed.read_text(encoding="utf-8")
    assert "Fagforbundet" in text
    changed.write_text(text.replace("Fagforbundet", "Trondheim Youth Council"), encoding="utf-8")
    restored.clear()
    store = built(first)
    assert restored == [True]
    _same_as_computed(store)
    assert _kept_scans(store) == _fresh_scans(store, sorted(kept))
    restored.clear()
    store = built(first[1:], prune=True)
    assert restored == [True]
    _same_as_computed(store)
    assert _kept_scans(store) == _fresh_scans(store, sorted(kept))


def test_a_write_outside_a_build_forgets_the_kept_state() -> None:
    store = Store(None)
    build([str(EXAMPLES / "seeds")], store)
    assert store.kept_state("summary") is not None
    store.replace_graph(
        "https://example.org/graph/other", ['<https://e.org/a> <https://e.org/p> "x" .']
    )
    assert store.kept_state("summary") is None
    build([str(FIXTURES / "questions")], store)  # read whole again, and right
    assert store.kept_state("summary") is not None
    _same_as_computed(store)
    store.update(
        "INSERT DATA { GRAPH <https://example.org/graph/other> { <https://e.org/b> <https://e.org/p> 1 } }"
    )
    assert store.kept_state("summary") is None


def test_a_journal_that_grows_too_long_gives_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from partnergraph.graph.store import journal

    store = Store(None)
    build([str(EXAMPLES / "seeds")], store)
    monkeypatch.setattr(journal, "LIMIT", 5)
    build([str(FIXTURES / "questions")], store)  # too much to note: summarised afresh
    _same_as_computed(store)
    assert store.kept_state("summary") is not None


def _state(table: object, body: bytes = b"") -> bytes:
    """A kept state of scans as the summary writes it: the parts, a table of where each
    lies, the table's length."""
    import marshal

    tail = marshal.dumps({"version": 2, "parts": table})
    return body + tail + len(tail).to_bytes(8, "little")


@pytest.mark.parametrize(
    "kept",
    [b"", b"not marshal data", __import__("marshal").dumps({"version": 1, "read": [1, 2]}),
     __import__("marshal").dumps({"version": 1, "read": {"p": 3}, "typed": {}, "per_graph": {}}),
     __import__("marshal").dumps({"version": 2, "parts": {}}),  # no table's length after it
     _state([1, 2]), _state({"read p": 3}), _state({"read p": (0, 99)}),
     _state({f"read {PG.partner}": (0, 4), f"typed {PG.Project}": (4, 1)}, b"junk\x00")],
)  # fmt: skip
def test_a_kept_state_that_is_not_one_is_read_again(kept: bytes) -> None:
    store = Store(None)
    build([str(EXAMPLES / "seeds")], store)
    store.keep_state("summary", kept)
    build([str(FIXTURES / "questions")], store)
    _same_as_computed(store)


def array_of(*indexes: int) -> bytes:
    from array import array

    return array("I", indexes).tobytes()


def _kept_ledger(**fields: object) -> bytes:
    import marshal
    import sys
    from array import array

    layout = f"{sys.byteorder}-{array('I').itemsize}"
    return marshal.dumps({"version": 2, "layout": layout, "mentions": [], **fields})


@pytest.mark.parametrize(
    "kept",
    [
        b"",
        b"junk",
        __import__("marshal").dumps({"version": 1, "entries": []}),  # an older version's
        _kept_ledger(entries=[(1, 2)]),
        _kept_ledger(entries=[("g", "k", "p", "c", [5], "f", None)]),  # indexes not as kept
        _kept_ledger(entries=[("g", "k", "p", "c", b"\x05", "f", None)]),
        # a mention the table has not
        _kept_ledger(entries=[("g", "k", "p", "c", array_of(5), "f", None)]),
        _kept_ledger(layout="middle-3", entries=[]),  # another machine's
    ],
)
def test_a_kept_ledger_that_is_not_one_is_read_from_its_graphs(kept: bytes) -> None:
    store = Store(None)
    build([str(EXAMPLES / "seeds")], store)
    store.keep_state("ledger", kept)
    assert load_ledger(store) == read_ledger(store) != {}
    assert not load_ledger_kept(store)[1]
    build([str(FIXTURES / "questions")], store)
    _same_as_computed(store)
    # the build wrote the copy whole (its log would have added to a copy not to be read)
    assert load_ledger_kept(store) == (read_ledger(store), True)


def _counting(monkeypatch: pytest.MonkeyPatch, whole: list[str] | None = None) -> list[str]:
    """The names of the answers computed from now on, whole or row by row (into ``whole``
    too, if given, those computed whole)."""
    computed: list[str] = []
    kept = [(registry, name, listing) for registry in (SUMMARISED, INDEXES)
            for name, listing in list(registry.items())]  # fmt: skip
    for registry, name, listing in kept:

        def counted(scans: object, name: str = name, rows: object = listing.rows) -> object:
            computed.append(name)
            if whole is not None:
                whole.append(name)
            return rows(scans)  # type: ignore[operator]

        keyed = listing.keyed
        if keyed is not None:

            def some(
                scans: object, keys: object, name: str = name, rows: object = keyed.rows
            ) -> object:
                computed.append(name)
                return rows(scans, keys)  # type: ignore[operator]

            keyed = summary_module.Keyed(keyed.key, some, keyed.reached, keyed.order)  # type: ignore[arg-type]
        monkeypatch.setitem(
            registry,
            name,
            summary_module.Listing(listing.variables, counted, listing.reached, keyed),
        )
    return computed


def test_a_build_computes_again_only_the_answers_its_changes_reach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change no answer reads (a document's text, not its facts) computes no answer and
    writes no page; a changed amount computes the answers that read amounts, and no other;
    every answer kept equals the one computed afresh after each build."""
    computed = _counting(monkeypatch)
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    assert sorted(computed) == sorted([*LISTINGS, *INDEXES])  # the first build: all of them
    _same_as_computed(store)
    pages = store.dump_graph_ntriples(graphs.SUMMARY)
    # a sentence that states nothing: the document is rewritten, no answer's input changes
    project = docs / "earlier-project.txt"
    text = project.read_text(encoding="utf-8")
    project.write_text(text + "The report was written in English.\n", encoding="utf-8")
    computed.clear()
    report = build([str(docs)], store)
    assert report.documents == [str(project)]
    assert computed == []
    assert store.dump_graph_ntriples(graphs.SUMMARY) == pages
    _same_as_computed(store)
    # another amount: the answers that read amounts (and what the amount is of) again
    assert "EUR 61,000" in text
    project.write_text(text.replace("EUR 61,000", "EUR 75,500"), encoding="utf-8")
    computed.clear()
    whole = store.kept_state("summary")
    store.keep_state("summary-log", None)  # scans kept before logs: a log of none
    build([str(docs)], store)
    assert store.kept_state("summary") == whole  # the scans' changes went to their log
    assert store.kept_state("summary-log") != summary_module._log_data([])
    assert "projects" in computed and "conflicting_values" in computed
    assert "cooperation_pairs" not in computed and "events" not in computed
    assert len(computed) == len(set(computed)) < len(LISTINGS)
    _same_as_computed(store)
    assert "75500" in str(read_rows(store, "projects").rows)
    # another partner: the answers of organisations and who works with whom again
    partner = "Partner: Norwegian Association of Local and Regional Authorities (Norway)\n"
    assert partner in text
    project.write_text(
        text.replace(partner, partner + "Partner: Bergen kommune (Norway)\n"), encoding="utf-8"
    )
    computed.clear()
    monkeypatch.setattr(summary_module, "LOG_TRIPLES", 0)  # a long log: kept whole again
    build([str(docs)], store)
    assert {"cooperation_pairs", "organisations", "projects"} <= set(computed)
    # (the events read organisations' names, but no event has the new partner)
    assert "events" not in computed and "multi_country_events" not in computed
    _same_as_computed(store)
    assert store.kept_state("summary") != whole
    assert store.kept_state("summary-log") == summary_module._log_data([])
    # another day and another participant of the seminar: the events again
    news = docs / "news-seminar.txt"
    said = news.read_text(encoding="utf-8")
    assert "On 12 May 2022" in said and "KS from Norway and " in said
    news.write_text(
        said.replace("12 May", "19 May").replace("KS from Norway and ", ""), encoding="utf-8"
    )
    computed.clear()
    build([str(docs)], store)
    assert {"events", "multi_country_events"} <= set(computed)
    _same_as_computed(store)


@pytest.mark.parametrize(
    ("name", "kept"),
    [("summary-index", b"junk"),
     ("summary-index", __import__("marshal").dumps({"version": 1, "sizes": {}, "deps": {}})),
     ("summary-log", b"junk"),
     ("summary-log", __import__("marshal").dumps({"version": 1, "changes": [(1, 2)]}))],
)  # fmt: skip
def test_a_kept_index_or_log_that_is_not_one_computes_every_answer(name: str, kept: bytes) -> None:
    store = Store(None)
    build([str(EXAMPLES / "seeds")], store)
    store.keep_state(name, kept)
    build([str(FIXTURES / "questions")], store)
    _same_as_computed(store)
    index = summary_module._kept_index(store)
    assert index is not None and set(index.deps) == {*SUMMARISED, *INDEXES}


def test_the_ledgers_copy_takes_a_builds_changes_in_its_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the first build the copy is not written whole again: each build adds what it
    wrote and removed to the copy's log (in order: a document removed, then built again, is
    there), until the log is long; the ledger loaded is always the one its graphs hold."""
    import marshal

    from partnergraph.graph import ledger

    docs = _documents(tmp_path)
    files = sorted(docs.iterdir())
    store = Store(None)
    build([str(f) for f in files[:2]], store)
    whole = store.kept_state("ledger")
    assert whole is not None
    build([str(docs)], store)  # three more documents
    changed = files[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nUpdated.\n", encoding="utf-8")
    build([str(docs)], store)
    build([str(f) for f in files[1:]], store, prune=True)  # the changed one removed
    build([str(docs)], store)  # and built again
    assert store.kept_state("ledger") == whole  # never written whole again
    log = marshal.loads(store.kept_state("ledger-log") or b"")["changes"]
    assert len(log) == 3 + 1 + 1 + 1
    assert load_ledger(store) == read_ledger(store)
    assert len(load_ledger(store)) == len(files)
    # a long log: the copy is written whole again
    monkeypatch.setattr(ledger, "LOG_ENTRIES", 2)
    changed.write_text(changed.read_text(encoding="utf-8") + "Again.\n", encoding="utf-8")
    build([str(docs)], store)
    assert store.kept_state("ledger") != whole
    assert marshal.loads(store.kept_state("ledger-log") or b"")["changes"] == []
    assert load_ledger(store) == read_ledger(store)
    store.keep_state("ledger-log", None)  # a copy kept before logs: a log of none
    changed.write_text(changed.read_text(encoding="utf-8") + "Once more.\n", encoding="utf-8")
    build([str(docs)], store)
    assert marshal.loads(store.kept_state("ledger-log") or b"")["changes"] != []
    assert load_ledger(store) == read_ledger(store)
    # a build that did not finish left its mark: the copy is not read
    store.keep_state("ledger", _kept_ledger(entries=[]))
    ledger.open_ledger(store)
    assert load_ledger(store) == read_ledger(store) != {}
    # and the next build keeps the copy whole (a log would add to the one not to be read)
    changed.write_text(changed.read_text(encoding="utf-8") + "And again.\n", encoding="utf-8")
    build([str(docs)], store)
    assert marshal.loads(store.kept_state("ledger-log") or b"")["changes"] == []
    assert load_ledger_kept(store) == (read_ledger(store), True)


def test_a_change_to_a_kept_scan_no_answer_reads_now_is_still_applied() -> None:
    """A scan an answer read once (a condition that held then) stays in the kept scans:
    a change to it reaches them even when no answer's inputs name it now."""
    from partnergraph.graph.store.journal import Changes

    label = "http://www.w3.org/2004/02/skos/core#prefLabel"
    index = summary_module._Index(
        {q: 0 for q in [*SUMMARISED, *INDEXES]},
        {q: frozenset() for q in [*SUMMARISED, *INDEXES]},
        frozenset({label}),
    )
    changes = Changes((("urn:a", label, "A", True),), ())
    assert summary_module._touched(changes, index)
    assert not summary_module._touched(Changes((("urn:a", "urn:other", "A", True),), ()), index)
    again = summary_module._Index.read(index.export())
    assert again == index


def test_a_build_with_nothing_changed_writes_what_an_earlier_summary_lacks(
    tmp_path: Path,
) -> None:
    """A store an earlier version summarised (here: its partner rows taken out of the
    engine, as a version before them left it) gets them from the next build, though no
    document changed."""
    import pyoxigraph as ox

    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    raw, summary = store.oxigraph, ox.NamedNode(graphs.SUMMARY)
    for quad in list(raw.quads_for_pattern(None, None, None, summary)):
        if "#partner_rows" in str(quad.subject):
            raw.remove(quad)
    assert row_count(store, "partner_rows") is None
    assert not summary_module.is_summarised(store)
    report = build([str(docs)], store)
    assert not report.documents and len(report.unchanged) >= 3  # nothing was read again
    kept = read_rows(store, "partner_rows").rows
    assert kept == compute(store, "partner_rows").rows and len(kept) >= 20
    _same_as_computed(store)


def test_a_summary_graph_dropped_by_hand_is_written_whole_by_the_next_build(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for source in (FIXTURES / "questions").glob("*.txt"):
        (docs / source.name).write_bytes(source.read_bytes())
    store = Store(None)
    build([str(docs)], store)
    store.drop_graph(graphs.SUMMARY)  # a view: the kept scans stay
    assert not summary_module.is_summarised(store)
    news = docs / "news-seminar.txt"
    news.write_text(news.read_text(encoding="utf-8").replace("12 May", "13 May"), "utf-8")
    build([str(docs)], store)
    assert summary_module.is_summarised(store)
    _same_as_computed(store)


def test_a_build_that_did_not_finish_makes_the_next_forget_the_kept_summary(
    tmp_path: Path,
) -> None:
    """In a store folder without generations a build that stops after writing leaves what
    no journal noted: the next build finds the mark it left and reads everything again."""
    store = Store(tmp_path / "plain")
    build([str(EXAMPLES / "seeds")], store)
    assert store.kept_state("journal-open") is None
    # a build that wrote a document and stopped before its summary
    store.start_journal()
    store.replace_graph("https://w3id.org/partnergraph/id/doc/stopped", [
        '<https://w3id.org/partnergraph/id/org/x> <http://www.w3.org/2004/02/skos/core#prefLabel> "X" .',
        '<https://w3id.org/partnergraph/id/org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Organization> .',
    ])  # fmt: skip
    store._journal = None  # the process ended here
    assert store.kept_state("journal-open") is not None
    build([str(FIXTURES / "questions")], store)
    assert store.kept_state("journal-open") is None
    _same_as_computed(store)
    names = {row[0] for row in read_rows(store, "organisations").rows}
    assert "X" in names


def _pages_written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The summary pages written from now on (their IRIs, as N-Triples writes them)."""
    written: list[str] = []
    replace = Store.replace_subjects

    def noting(self: Store, graph: str, subjects: object, lines: object, **kw: object) -> None:
        lines = list(lines)  # type: ignore[call-overload]
        written.extend(line.split()[0] for line in lines if "pageRows" in line)
        replace(self, graph, subjects, lines, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "replace_subjects", noting)
    return written


def test_a_build_writes_only_the_pages_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of two rows: a changed amount rewrites the pages of the answers it
    reaches that are not as they were, and no other; a removed partner leaves no page past
    an answer's end; every answer read from its pages is the one computed afresh."""
    monkeypatch.setattr(summary_module, "PAGE_ROWS", 2)
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    _same_as_computed(store)
    written = _pages_written(monkeypatch)
    project = docs / "earlier-project.txt"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("EUR 61,000", "EUR 75,500"), encoding="utf-8")
    build([str(docs)], store)
    _same_as_computed(store)
    reached = sum(((row_count(store, q) or 0) + 1) // 2 for q in ("projects", "conflicting_values"))
    assert 0 < len(written) < reached  # some of their pages are as they were
    assert all("#projects-page-" in w or "#conflicting_values-page-" in w for w in written)

    def pages_held() -> dict[str, int]:
        rows = store.select(
            f"SELECT ?page WHERE {{ GRAPH <{graphs.SUMMARY}> {{ ?page <{PG.pageOf}> ?q }} }}"
        ).rows
        held: dict[str, int] = {}
        for (page,) in rows:
            question = str(page).split("#")[1].split("-page-")[0]
            held[question] = held.get(question, 0) + 1
        return held

    partner = "Partner: Norwegian Association of Local and Regional Authorities (Norway)\n"
    project.write_text(text.replace(partner, ""), encoding="utf-8")
    build([str(docs)], store)
    _same_as_computed(store)
    held = pages_held()
    for question in LISTINGS:
        total = row_count(store, question) or 0
        table = summary_module._table(store, question, total)
        assert held.get(question, 0) == len(table), question  # no page out of the table
        assert sum(n for _number, n in table) == total and all(0 < n <= 2 for _, n in table)


def test_a_row_that_comes_in_rewrites_only_the_page_it_lands_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of two rows: another partner brings new rows into the middle of answers
    kept row by row; only the pages they land on (and those a changed row is on) are
    written, not every page after them — the table of pages says where each stands — and
    every answer read from its pages is the one computed afresh."""
    monkeypatch.setattr(summary_module, "PAGE_ROWS", 2)
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    written = _pages_written(monkeypatch)
    project = docs / "earlier-project.txt"
    text = project.read_text(encoding="utf-8")
    partner = "Partner: Norwegian Association of Local and Regional Authorities (Norway)\n"
    before = {q: read_rows(store, q).rows for q in ("partner_rows", "cooperation_pairs")}
    project.write_text(text.replace(partner, partner + "Partner: Bergen kommune (Norway)\n"),
                       encoding="utf-8")  # fmt: skip
    build([str(docs)], store)
    _same_as_computed(store)
    after_first: dict[str, int] = {}
    for question, rows in before.items():
        now = read_rows(store, question).rows
        first = next(at for at, (x, y) in enumerate(zip(rows, now, strict=False)) if x != y)
        after_first[question] = (len(now) - first) // 2  # pages a shift would rewrite
        pages = [w for w in written if f"#{question}-page-" in w]
        assert 0 < len(pages) <= 8, (question, len(pages))
    assert max(after_first.values()) > 8, after_first  # (so a shift would rewrite more)


@pytest.mark.parametrize("look_ups", [200, 0])
def test_answers_are_brought_up_to_date_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, look_ups: int
) -> None:
    """The answers kept by row (all but the donor links and the events of many countries)
    have only the rows a change reaches made again, never the whole answer — through a
    changed amount, an added and a removed partner, a renamed organisation, another day
    and participant of an event, a document pruned — and every kept answer equals the one
    computed afresh after each build; whether the statements of a few things are looked up
    in the store or read from the kept scans (``look_ups`` 0)."""
    monkeypatch.setattr(summary_module, "PAGE_ROWS", 3)  # rows move across pages
    monkeypatch.setattr(summary_module, "PAGES_A_WRITE", 2)
    monkeypatch.setattr(summary_module, "LOOK_UPS", look_ups)
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    whole: list[str] = []
    computed = _counting(monkeypatch, whole)
    kept = {**SUMMARISED, **INDEXES}
    keyed = {name for name, listing in kept.items() if listing.keyed is not None}
    assert keyed == {"projects", "events", "cooperation_pairs", "organisations",
                     "partner_countries", "repeat_partners", "news_only",
                     "conflicting_values", "partner_rows"}  # fmt: skip
    project, news = docs / "earlier-project.txt", docs / "news-seminar.txt"
    text, said = project.read_text(encoding="utf-8"), news.read_text(encoding="utf-8")
    partner = "Partner: Norwegian Association of Local and Regional Authorities (Norway)\n"
    assert "EUR 61,000" in text and partner in text
    assert "On 12 May 2022" in said and "KS from Norway and " in said
    changes = [
        (project, text.replace("EUR 61,000", "EUR 75,500"), {"projects", "conflicting_values"}),
        (project, text.replace(partner, partner + "Partner: Bergen kommune (Norway)\n"),
         {"projects", "cooperation_pairs", "organisations", "partner_countries",
          "partner_rows"}),
        (project, text.replace(partner, ""),
         {"projects", "cooperation_pairs", "organisations", "partner_rows"}),
        (news, said.replace("12 May", "19 May").replace("KS from Norway and ", ""),
         {"events", "news_only", "partner_rows"}),
    ]  # fmt: skip
    for path, changed, reached in changes:
        path.write_text(changed, encoding="utf-8")
        computed.clear()
        whole.clear()
        build([str(docs)], store)
        assert reached <= set(computed), (path.name, computed)
        assert not keyed & set(whole), whole
        _same_as_computed(store)
    # an organisation renamed in one document, then a document pruned
    other = docs / "002_c84218a7ceba7421.txt"
    named = other.read_text(encoding="utf-8")
    other.write_text(named.replace("Fagforbundet", "Trondheim Youth Council"), encoding="utf-8")
    build([str(docs)], store)
    _same_as_computed(store)
    computed.clear()
    whole.clear()
    build([str(p) for p in sorted(docs.iterdir()) if p != news], store, prune=True)
    assert "events" in computed
    assert not keyed & set(whole), whole
    _same_as_computed(store)
    assert summary_module._kept_index(store) is not None


def _with_a_new_partner(project: Path) -> str:
    """Write the project page again with one more partner (Bergen kommune) after its
    Norwegian one; the text written."""
    text = project.read_text(encoding="utf-8")
    partner = "Partner: Norwegian Association of Local and Regional Authorities (Norway)\n"
    assert partner in text
    text = text.replace(partner, partner + "Partner: Bergen kommune (Norway)\n")
    project.write_text(text, encoding="utf-8")
    return text


def test_a_build_restores_only_the_kept_scans_it_asks_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed partner restores the scans an answer computed whole asks for, not those
    its changes touch that the rows it reaches read subject by subject (they are looked up
    in the store: the names, the partners), nor the graphs' statements the news-only answer
    reads (they take its changes when asked for); a changed amount restores the list of
    projects its changes touch, not the scan of amounts, nor the graphs' statements, though
    the log of changes kept beside them holds a partner's — and every kept scan, restored
    later with the log's changes, equals the scan read afresh."""
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    taken: list[str] = []
    take = summary_module._Scans._take

    def noting(self: object, name: str) -> bool:
        taken.append(name)
        return take(self, name)  # type: ignore[arg-type]

    monkeypatch.setattr(summary_module._Scans, "_take", noting)
    project = docs / "earlier-project.txt"
    text = _with_a_new_partner(project)
    assert "EUR 61,000" in text
    build([str(docs)], store)
    assert f"read {PG.donorPartner}" in taken  # Bergen kommune: a donor partner now
    assert f"read {PG.partner}" not in taken  # read by the rows reached: looked up
    assert f"read {SKOS.prefLabel}" not in taken  # a new name: looked up
    assert not any(name.startswith("per_graph") for name in taken)
    taken.clear()
    project.write_text(text.replace("EUR 61,000", "EUR 75,500"), encoding="utf-8")
    build([str(docs)], store)
    assert f"read {SCHEMA.value}" not in taken and f"typed {PG.Project}" in taken
    assert not any(name.startswith("per_graph") for name in taken)
    _same_as_computed(store)
    kept = _kept_scans(store)
    assert kept == _fresh_scans(store, sorted(kept))
    from partnergraph.graph.store.journal import Changes

    restored = summary_module._restored(store, Changes((), ()))
    assert restored is not None
    fresh = summary_module._Scans(store)
    relations = summary_module._RELATIONS
    assert restored.per_graph(relations) == fresh.per_graph(relations)
    assert restored.typed(str(PG.Project)) == fresh.typed(str(PG.Project))


def test_the_donor_links_are_computed_again_only_when_a_change_reaches_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new partner from a beneficiary state, and then its country changed, leave the
    donor links as they were (not computed again); another promoter reaches them; a changed
    country reaches them only for an organisation that promotes a project or is a donor
    partner in one — and the kept answers equal those computed afresh after each build."""
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    computed = _counting(monkeypatch)
    project = docs / "earlier-project.txt"
    text = project.read_text(encoding="utf-8")
    promoter = "Beneficiary: Latvian Association of Local and Regional Governments\n"
    partner = "Partner: Norwegian Association of Local and Regional Authorities (Norway)\n"
    assert promoter in text and partner in text
    added = text.replace(partner, partner + "Partner: Riga Planning Region (Latvia)\n")
    moved = added.replace("(Latvia)", "(Lithuania)")
    steps = [
        (added, False),
        (moved, False),
        (moved.replace(promoter, "Beneficiary: Vilnius Planning Region (Lithuania)\n"), True),
    ]
    for changed, reached in steps:
        project.write_text(changed, encoding="utf-8")
        computed.clear()
        build([str(docs)], store)
        assert ("donor_links" in computed) is reached, computed
        _same_as_computed(store)
    scans = summary_module._Scans(store)
    named = {row[0]: row for row in compute(store, "organisations").rows}
    assert named["Riga Planning Region"][1] == "LT"
    for name, reaches in [
        ("Riga Planning Region", False),  # a partner only
        ("Vilnius Planning Region", True),  # a promoter
        ("Norwegian Association of Local and Regional Authorities", True),  # a donor partner
    ]:
        country = [(named[name][7], str(PG.country), "https://example.org/some-country")]
        assert summary_module._donor_links_reached(scans, country) is reaches, name


def test_the_kept_log_restored_later_moves_nothing_the_build_did_not(tmp_path: Path) -> None:
    """A kept scan restored when an answer asks for it takes the changes the log holds for
    it, but those were told when they were made: what a build moved is its own changes
    only (else every build computes again what every build since the scans were kept
    whole reached)."""
    from partnergraph.graph.store.journal import Changes

    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    _with_a_new_partner(docs / "earlier-project.txt")
    build([str(docs)], store)  # its changes go to the log beside the kept scans
    assert store.kept_state("summary-log") != summary_module._log_data([])
    restored = summary_module._restored(store, Changes((), ()))
    assert restored is not None
    for name in [name for name in restored.held() if " " not in name]:
        restored(name)  # each kept scan restored, with the log's changes
    assert restored.moved == [] and restored.moved_graphs == []
    assert restored(str(PG.partner)) == summary_module._Scans(store)(str(PG.partner))


def _reading(monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, int], list[str]]:
    """The pages of each answer read from now on (by number, all look-ups together), and
    the answers read whole to be brought up to date."""
    pages: dict[str, int] = {}
    whole: list[str] = []
    read_pages, brought = summary_module._read_pages, summary_module._brought_up_to_date

    def counted(store: Store, question: str, numbers: object) -> object:
        pages[question] = pages.get(question, 0) + len(set(numbers))  # type: ignore[call-overload]
        return read_pages(store, question, numbers)  # type: ignore[arg-type]

    def read_whole(store: Store, scans: object, question: str, *rest: object) -> object:
        whole.append(question)
        return brought(store, scans, question, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(summary_module, "_read_pages", counted)
    monkeypatch.setattr(summary_module, "_brought_up_to_date", read_whole)
    return pages, whole


def _tables_hold_their_pages(store: Store) -> None:
    """Every answer's table counts its rows, in pages of 1 to PAGE_ROWS rows."""
    for question in [*LISTINGS, *sorted(INDEXES)]:
        total = row_count(store, question) or 0
        table = summary_module._table(store, question, total)
        assert sum(n for _number, n in table) == total, question
        assert all(0 < n <= summary_module.PAGE_ROWS for _number, n in table), (question, table)


def test_a_build_reads_only_the_pages_the_rows_it_makes_again_are_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of three rows: each change (an amount, a partner added — its rows land in
    the middle of answers, pages grow past three rows and are cut in two —, a partner
    removed — pages empty —, another day and participant of an event) reads the pages
    the rows it makes again are on and land on, never a whole answer, and every kept
    answer equals the one computed afresh."""
    monkeypatch.setattr(summary_module, "PAGE_ROWS", 3)
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    pages, whole = _reading(monkeypatch)
    project, news = docs / "earlier-project.txt", docs / "news-seminar.txt"
    text, said = project.read_text(encoding="utf-8"), news.read_text(encoding="utf-8")
    partner = "Partner: Norwegian Association of Local and Regional Authorities (Norway)\n"
    more = "".join(f"Partner: {town} kommune (Norway)\n" for town in ("Bergen", "Bodø", "Molde"))
    changes = [
        (project, text.replace("EUR 61,000", "EUR 75,500")),
        (project, text.replace(partner, partner + more)),
        (project, text.replace(partner, "")),
        (news, said.replace("12 May", "19 May").replace("KS from Norway and ", "")),
    ]
    for path, changed in changes:
        path.write_text(changed, encoding="utf-8")
        pages.clear()
        build([str(docs)], store)
        assert whole == [], whole
        held = sum(len(t) for t in summary_module._kept_index(store).pages.values())  # type: ignore[union-attr]
        assert 0 < sum(pages.values()) < held, (path.name, pages)
        if changed == changes[0][1]:  # the amount: the page its row leaves and where it lands
            assert pages.keys() <= {"projects", "conflicting_values"} and pages["projects"] <= 2
        _same_as_computed(store)
        _tables_hold_their_pages(store)


@pytest.mark.parametrize("kept", [None, b"", b"not marshal", "another table"])
def test_key_pages_that_are_not_kept_with_the_table_read_the_answer_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: bytes | str | None
) -> None:
    """The key pages of an answer missing, unreadable or kept with another table of its
    pages: the build reads that answer whole, brings it up to date right, and keeps its
    key pages again (the build after reads only its pages)."""
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    state = summary_module._keys_state("projects")
    if kept == "another table":
        data = store.kept_state(state)
        assert data is not None
        assert summary_module._KeyPages.read(data, []) is None  # (kept with another table)
        index = summary_module._kept_index(store)
        assert index is not None
        found = summary_module._KeyPages.read(data, index.pages["projects"])
        assert found is not None
        store.keep_state(state, found.export([[0, 1, "0" * 32]]))
    else:
        store.keep_state(state, None if kept is None else kept)  # type: ignore[arg-type]
    _pages, whole = _reading(monkeypatch)
    project = docs / "earlier-project.txt"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("EUR 61,000", "EUR 75,500"), encoding="utf-8")
    build([str(docs)], store)
    assert "projects" in whole
    _same_as_computed(store)
    whole.clear()
    project.write_text(text.replace("EUR 61,000", "EUR 80,000"), encoding="utf-8")
    build([str(docs)], store)
    assert whole == []
    _same_as_computed(store)


def test_kept_scans_looked_up_give_what_the_store_holds(tmp_path: Path) -> None:
    """While the rows of a few keys are made, a kept scan not restored is looked up subject
    by subject (and a scan of things turned round, object by object): each gives what the
    scan read afresh gives; a scan of text is never looked up round (a source's path is a
    literal that reads like an IRI)."""
    from partnergraph.graph.store.journal import Changes

    store = Store(None)
    build([str(_documents(tmp_path))], store)
    restored = summary_module._restored(store, Changes((), ()))
    assert restored is not None
    restored.looking_up = True
    fresh = summary_module._Scans(store)
    names = [name for name in restored.held() if " " not in name]
    looked_up = turned = 0
    for predicate in names:
        looked = restored(predicate)
        assert isinstance(looked, summary_module._Looked)
        whole = fresh(predicate)
        for subject, objects in whole.items():
            assert set(looked[subject]) == set(objects), (predicate, subject)
            looked_up += 1
        assert looked.get("https://example.org/nothing") is None
        round_ = restored.pointing(predicate)
        if predicate in summary_module._THING_VALUED:
            assert isinstance(round_, summary_module._Looked)
            for target, subjects in fresh.turned(predicate).items():
                assert set(round_.get(target, ())) == set(subjects), (predicate, target)
                turned += 1
        else:
            assert not isinstance(round_, summary_module._Looked)
    assert looked_up > 100 and turned > 20
    assert str(PG.sourcePath) in names  # (the literal that reads like an IRI was there)


def test_rows_made_past_the_look_ups_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scan looked up past LOOK_UPS subjects is restored whole: the answers a changed
    partner brings up to date are those computed afresh either way."""
    monkeypatch.setattr(summary_module, "LOOK_UPS", 1)
    docs = _documents(tmp_path)
    store = Store(None)
    build([str(docs)], store)
    _with_a_new_partner(docs / "earlier-project.txt")
    build([str(docs)], store)
    _same_as_computed(store)
