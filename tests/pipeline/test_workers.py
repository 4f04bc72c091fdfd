"""Builds in worker processes: the same graph, problems and report as in one process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from partnergraph.graph import workers
from partnergraph.graph.build import build, extract_all
from partnergraph.graph.cli import main
from partnergraph.graph.store import Store

from ..conftest import EXAMPLES


@pytest.fixture
def inputs(tmp_path: Path, shared: Path) -> Path:
    """Real documents, the examples, and three bad inputs and a second copy of one source."""
    folder = tmp_path / "in"
    shutil.copytree(shared / "corpus" / "docs", folder / "corpus")
    shutil.copytree(EXAMPLES, folder / "examples")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "broken.json").write_text('{"projects": [', encoding="utf-8")
    first = sorted((folder / "corpus").glob("*.txt"))[0]
    (folder / "zz-copy.txt").write_bytes(first.read_bytes())
    return folder


def _build(folder: Path, jobs: int) -> tuple[bytes, object]:
    store = Store(None)
    report = build([str(folder)], store, jobs=jobs)
    return store.dump_nquads(), report


@pytest.mark.slow
def test_workers_build_the_same_graph_and_report(
    inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)  # the real inputs are few
    pools: list[int] = []
    real = workers._executor

    def counted(jobs: int, *rest: object) -> object:
        pools.append(jobs)
        return real(jobs, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "_executor", counted)
    one, report_one = _build(inputs, jobs=1)
    assert pools == []
    two, report_two = _build(inputs, jobs=2)
    assert pools == [2, 2]  # reading, then triples, each in two workers
    assert one == two  # byte for byte: order and blank nodes too
    assert report_one == report_two
    problems = {Path(p.path).name: p.problem for p in report_two.problems}  # type: ignore[attr-defined]
    assert set(problems) == {"empty.txt", "binary.txt", "broken.json", "zz-copy.txt"}
    assert problems["zz-copy.txt"].startswith("same source as ")
    assert len(report_two.documents) >= 20  # type: ignore[attr-defined]


def test_two_fresh_builds_are_byte_identical() -> None:
    first, _ = _build(EXAMPLES, jobs=1)
    second, _ = _build(EXAMPLES, jobs=1)
    assert first == second
    assert b"_:" not in first  # no blank node left for the store to relabel


@pytest.mark.slow
def test_extract_all_in_workers_matches_one_process(
    inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    one = extract_all([str(inputs)], jobs=1)
    two = extract_all([str(inputs)], jobs=2)
    assert [(d.path, ex) for d, ex in one[0]] == [(d.path, ex) for d, ex in two[0]]
    assert one[1] == two[1]
    assert one[2].identities == two[2].identities
    assert all(doc.text == "" for doc, _ex in two[0])  # text dropped once extracted


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_a_positive_whole_number(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--store", str(tmp_path / "s"), "--jobs", value, str(EXAMPLES)]) == 2
    assert f"{value!r} is not a whole number of at least 1" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def _die(items: object) -> list[object]:
    os._exit(9)  # a worker killed mid-build (the OOM killer, say)


def test_a_worker_that_dies_is_reported_not_hung() -> None:
    with pytest.raises(workers.WorkerError, match="worker processes stopped abruptly"):
        list(workers.run(_die, list(range(workers.PARALLEL_FROM)), 2))


def test_progress_names_each_document_read_then_written() -> None:
    calls: list[tuple[str, str]] = []
    report = build([str(EXAMPLES)], Store(None), progress=lambda a, p: calls.append((a, p)))
    reading = [p for a, p in calls if a == "reading"]
    writing = [p for a, p in calls if a == "writing"]
    assert reading == writing == report.documents != []
    assert calls.index(("writing", writing[0])) > calls.index(("reading", reading[-1]))
