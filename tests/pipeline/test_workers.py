"""Builds in worker processes: the same graph, problems and report as in one process."""

from __future__ import annotations

import importlib
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


def _pids(items: list[int]) -> list[tuple[int, int]]:
    return [(os.getpid(), item) for item in items]


def test_started_early_even_a_few_items_go_to_a_worker() -> None:
    few = list(range(3))
    assert [pid for pid, _ in workers.run(_pids, few, 2)] == [os.getpid()] * 3  # in this one
    if not workers.start_early(()):
        pytest.skip("no fork server on this platform")
    ran = list(workers.run(_pids, few, 2, early=True))
    assert [item for _, item in ran] == few  # in order
    assert {pid for pid, _ in ran} != {os.getpid()}  # in a worker


def test_a_large_store_reads_its_changed_document_in_a_worker_started_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build into a store of at least EARLY_FROM documents starts its reading worker
    before it walks the folders; what it writes is what a build in this process writes."""
    building = importlib.import_module("partnergraph.graph.build")
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    page = sorted(folder.rglob("*.txt"))[0]
    text = page.read_text(encoding="utf-8")
    stores = []
    pools: list[int] = []
    real = workers._executor

    def counted(jobs: int, *rest: object) -> object:
        pools.append(jobs)
        return real(jobs, *rest)  # type: ignore[arg-type]

    for early_from in (1, 10**9):  # early, then never early
        monkeypatch.setattr(building, "EARLY_FROM", early_from)
        page.write_text(text, encoding="utf-8")
        os.utime(page, ns=(10**18, 10**18))  # (the ledger keeps a file's time)
        store = Store(str(tmp_path / f"s{early_from}"))
        build([str(folder)], store, jobs=2)
        pools.clear()
        with monkeypatch.context() as patched:
            patched.setattr(workers, "_executor", counted)
            page.write_text(text + "\nOne more line.\n", encoding="utf-8")
            os.utime(page, ns=(2 * 10**18, 2 * 10**18))
            report = build([str(folder)], store, jobs=2)
        assert len(report.documents) == 1
        assert pools == ([1] if early_from == 1 else [])  # read in one worker, or here
        stores.append(store.dump_nquads())
        store.close()
    assert stores[0] == stores[1]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_a_large_store_starts_the_fork_server_before_it_reads_its_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ledger's kept copy says from its size how many documents the store holds, so the
    models load while the ledger is read (at 150,000 documents 0.7 s)."""
    building = importlib.import_module("partnergraph.graph.build")
    store = Store(str(tmp_path / "store"))
    build([str(EXAMPLES)], store, jobs=1)
    held = building.kept_ledger_documents(store)
    assert held >= 1
    monkeypatch.setattr(building, "EARLY_FROM", held)
    from multiprocessing import forkserver

    running: list[int | None] = []
    real = building.load_ledger_kept

    def load(*args: object) -> object:
        # (the server's process, started: it may not show its command line yet)
        running.append(forkserver._forkserver._forkserver_pid)  # type: ignore[attr-defined]
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(building, "load_ledger_kept", load)
    report = build([str(EXAMPLES)], store, jobs=2)
    assert report.unchanged  # type: ignore[attr-defined]
    assert len(running) == 1 and running[0] is not None  # started before the ledger was read
    assert _fork_servers() == []  # and is gone once the build is done
    store.close()


def _fork_servers() -> list[int]:
    """This process's children that are multiprocessing's fork server."""
    found = []
    for task in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        for pid in task.read_text().split():
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"multiprocessing.forkserver" in command:
                found.append(int(pid))
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_the_fork_server_stops_when_the_builds_workers_are_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    store = Store(tmp_path / "store")
    started: list[int] = []
    real = workers._executor

    def seen(*args: object) -> object:
        started.extend(_fork_servers())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "_executor", seen)
    report = build([str(EXAMPLES)], store, jobs=2)
    assert report.documents  # type: ignore[attr-defined]
    assert started  # it ran while the workers did (started by the first pool)
    assert _fork_servers() == []  # and holds no memory once they are done
    store.close()
