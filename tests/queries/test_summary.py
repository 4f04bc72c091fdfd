"""The summary graph answers cooperation_pairs as the question's SPARQL does, stays right
through builds and prunes, and never leaves the store in an export."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnergraph import queries
from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.store import Store, graphs, open_store
from partnergraph.graph.summary import read_pairs, summarise

from ..conftest import EXAMPLES, FIXTURES


def _by_sparql(store: Store) -> tuple[tuple[str | None, ...], ...]:
    q = queries.load("cooperation_pairs")
    result = store.select(queries.bound(q, {}))
    return queries.tidy(q, result.variables, result.rows)


def _by_summary(store: Store) -> tuple[tuple[str | None, ...], ...]:
    q = queries.load("cooperation_pairs")
    result = read_pairs(store)
    return queries.tidy(q, result.variables, result.rows)


def test_the_summary_gives_the_questions_answer(question_store: Store) -> None:
    expected = _by_sparql(question_store)
    assert len(expected) >= 20
    assert _by_summary(question_store) == expected


def test_the_summary_on_the_corpus_and_the_portal_data(shared: Path) -> None:
    store = Store(None)
    data = shared / "data" / "eeagrants-api-2009-2014" / "partners.json"
    build([str(shared / "corpus" / "docs"), str(data)], store)
    expected = _by_sparql(store)
    assert len(expected) >= 500
    assert _by_summary(store) == expected


def test_builds_and_prunes_keep_the_summary_right() -> None:
    store = Store(None)
    build([str(EXAMPLES)], store)
    first = sorted(EXAMPLES.rglob("*.txt"))[0]
    build([str(FIXTURES / "portal")], store)
    assert _by_summary(store) == _by_sparql(store)
    build([str(first)], store, prune=True)
    assert _by_summary(store) == _by_sparql(store)
    # changed by other means, it is wrong until summarised again
    store.update(
        f"DELETE WHERE {{ GRAPH <{graphs.SUMMARY}> "
        "{ ?page <https://w3id.org/partnergraph/ns#pairRows> ?rows } }"
    )
    assert _by_summary(store) != _by_sparql(store)
    summarise(store)
    assert _by_summary(store) == _by_sparql(store)


def test_the_summary_is_not_exported_and_the_cli_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_dir = str(tmp_path / "s")
    assert main(["build", "--store", store_dir, "-q", "--no-validate", str(EXAMPLES)]) == 0
    assert main(["summarise", "--store", store_dir]) == 0
    assert "cooperating pair(s)" in capsys.readouterr().out
    out = tmp_path / "all.trig"
    assert main(["export", "--store", store_dir, "-o", str(out), "--format", "trig"]) == 0
    text = out.read_text(encoding="utf-8")
    assert graphs.SUMMARY not in text and "pairRows" not in text
    capsys.readouterr()
    assert main(["query", "cooperation_pairs", "--store", store_dir, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert rows[0].split(",")[:3] == ["a", "b", "weight"] and len(rows) > 1
    # the question reads the summary: its pages emptied, so is the answer until summarised
    store = open_store(store_dir)
    store.update(
        f"DELETE WHERE {{ GRAPH <{graphs.SUMMARY}> "
        "{ ?page <https://w3id.org/partnergraph/ns#pairRows> ?rows } }"
    )
    store.close()
    assert main(["query", "cooperation_pairs", "--store", store_dir, "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1
    assert main(["summarise", "--store", store_dir]) == 0
    assert main(["query", "cooperation_pairs", "--store", store_dir, "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == len(rows) + 1


def test_pages_of_the_summary_are_slices_of_the_answer(
    question_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partnergraph.graph import summary

    monkeypatch.setattr(summary, "PAGE_ROWS", 4)  # pages of 4 pairs: boundaries are crossed
    store = Store(None)
    build([str(EXAMPLES), str(FIXTURES / "portal"), str(FIXTURES / "questions")], store)
    summarise(store)
    whole = read_pairs(store).rows
    assert len(whole) == summary.pair_count(store) and len(whole) >= 9
    for offset, limit in ((0, 3), (2, 5), (4, 4), (7, 100), (len(whole), 5), (3, 0)):
        assert read_pairs(store, limit=limit, offset=offset).rows == whole[offset : offset + limit]
