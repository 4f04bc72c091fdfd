"""Builds add up: documents built one at a time, in any order or split, give the store one
build of them all gives — facts, identities and their explanations alike."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnergraph import queries
from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.ledger import load_ledger
from partnergraph.graph.store import Store, graphs, open_store

from ..conftest import EXAMPLES

#: Documents that name the same organisations in several languages and forms (KS, the
#: Association of Polish Cities, NAMRB…), so how they resolve depends on all of them.
_SOME = (
    "001_", "011_", "014_", "104_", "108_", "111_", "117_", "121_", "126_", "150_", "158_",
)  # fmt: skip


def _documents(shared: Path) -> list[str]:
    docs = sorted(str(p) for p in (shared / "corpus" / "docs").glob("*.txt"))
    chosen = [d for d in docs if Path(d).name.startswith(_SOME)]
    return [*chosen, *(str(p) for p in sorted(EXAMPLES.rglob("*.txt")))]


def _quads(store: Store) -> list[tuple[str | None, ...]]:
    rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    return sorted(rows, key=lambda row: tuple(str(v) for v in row))


@pytest.fixture(scope="module")
def together(shared: Path) -> list[tuple[str | None, ...]]:
    store = Store(None)
    build(_documents(shared), store)
    return _quads(store)


@pytest.mark.slow
@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_split_and_order_gives_the_same_store(
    shared: Path, together: list[tuple[str | None, ...]], data: st.DataObject
) -> None:
    docs = data.draw(st.permutations(_documents(shared)))
    cuts = sorted(data.draw(st.sets(st.integers(1, len(docs) - 1), max_size=3)))
    store = Store(None)
    for part in (docs[a:b] for a, b in zip([0, *cuts], [*cuts, len(docs)], strict=True)):
        build(part, store)
    assert _quads(store) == together


def test_adding_an_unrelated_document_keeps_every_answer(tmp_path: Path) -> None:
    """The first build's partners of KS stay when a document about something else comes."""
    store_dir = str(tmp_path / "s")
    assert main(["build", "--store", store_dir, "-q", "--no-validate", str(EXAMPLES)]) == 0

    def partners() -> list[tuple[str | None, ...]]:
        store = open_store(store_dir, read_only=True)
        return list(store.select(queries.bound(queries.load("partners"), {"org": "KS"})).rows)

    before = partners()
    assert before
    other = tmp_path / "other.txt"
    other.write_text(
        "# kind: news\nThe Tromsø Youth Association held a seminar in Tromsø on 3 May 2022.\n",
        encoding="utf-8",
    )
    assert main(["build", "--store", store_dir, "-q", "--no-validate", str(other)]) == 0
    assert partners() == before


def test_unchanged_files_are_not_read_again_and_changed_ones_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(EXAMPLES.rglob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    store_dir = str(tmp_path / "s")
    assert main(["build", "--store", store_dir, "--no-validate", str(folder)]) == 0
    assert main(["reason", "--store", store_dir]) == 0
    capsys.readouterr()
    assert main(["build", "--store", store_dir, "--no-validate", str(folder)]) == 0
    assert "built 0 document(s), 0 triples, 2 unchanged" in capsys.readouterr().out
    assert _has_inferred(store_dir)  # nothing changed: what reasoning added stands
    first = sorted(folder.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert main(["build", "--store", store_dir, "--no-validate", str(folder)]) == 0
    assert "built 1 document(s)" in capsys.readouterr().out
    assert not _has_inferred(store_dir)  # a change drops it: 'reason' computes it anew


def _has_inferred(store_dir: str) -> bool:
    store = open_store(store_dir, read_only=True)
    try:
        return store.ask(f"ASK {{ GRAPH <{graphs.INFERRED}> {{ ?s ?p ?o }} }}")
    finally:
        store.close()


def test_a_build_of_unchanged_files_starts_no_reading_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    building = importlib.import_module("partnergraph.graph.build")  # the module (not the function)
    store = Store(None)
    build([str(EXAMPLES)], store)
    dispatched: list[int] = []
    run = building.workers.run

    def counting(fn: object, tasks: list[object], *args: object, **kwargs: object) -> object:
        if fn is building.read_batch:
            dispatched.append(len(tasks))
        return run(fn, tasks, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(building.workers, "run", counting)
    report = build([str(EXAMPLES)], store, jobs=2)
    assert report.documents == [] and len(report.unchanged) == 2
    assert dispatched == []  # told by checksum in this process, none sent to a worker


def test_files_of_the_same_size_and_time_are_not_even_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As make and rsync tell: a file whose size and modification time are those it had when
    it was built is unchanged without reading its bytes; one whose time moved is read, and
    built again only if its bytes changed."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(EXAMPLES.rglob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    store = Store(None)
    build([str(folder)], store)
    opened: list[str] = []
    read_bytes = Path.read_bytes

    def noting(path: Path) -> bytes:
        opened.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", noting)
    report = build([str(folder)], store)
    assert len(report.unchanged) == 2 and report.documents == []
    assert opened == []
    first, second = sorted(folder.iterdir())
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 10**9))
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("a", "e", 1), encoding="utf-8")  # same size, other bytes
    os.utime(second, ns=(second.stat().st_atime_ns, second.stat().st_mtime_ns + 10**9))
    report = build([str(folder)], store)
    assert first.name in opened  # its time moved: its bytes were compared
    assert report.unchanged == [str(first)] and report.documents == [str(second)]


def test_a_moved_folder_or_touched_file_is_read_once_then_told_by_its_stamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unchanged files found under another path (their project moved, or was cloned
    elsewhere: documents are keyed by their path in it) or with another time (touched) are
    read once to compare their bytes; the ledger then remembers the path and time they
    have, so the builds after that read none of them."""
    project = tmp_path / "project"
    folder = project / "docs"
    folder.mkdir(parents=True)
    (project / "partnergraph.toml").write_text("", encoding="utf-8")
    for path in sorted(EXAMPLES.rglob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    store_dir = str(tmp_path / "s")
    assert main(["build", "--store", store_dir, "-q", "--no-validate", str(folder)]) == 0
    moved = project.rename(tmp_path / "elsewhere") / "docs"
    first = sorted(moved.iterdir())[0]
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 10**9))
    building = importlib.import_module("partnergraph.graph.build")  # the module
    opened: list[str] = []
    read_document, same_bytes = building.read_document, building._same_bytes

    def reading(file: Path, **kwargs: object) -> object:
        opened.append(file.name)
        return read_document(file, **kwargs)

    def comparing(name: str, *args: object) -> bool:
        opened.append(Path(name).name)
        return bool(same_bytes(name, *args))

    monkeypatch.setattr(building, "read_document", reading)
    monkeypatch.setattr(building, "_same_bytes", comparing)
    for expected in (2, 0, 0):  # read once to compare, then told by their stamps
        opened.clear()
        store = open_store(store_dir)
        try:
            report = build([str(moved)], store)
        finally:
            store.close()
        assert report.documents == [] and len(report.unchanged) == 2
        assert len(opened) == expected, opened
    store = open_store(store_dir, read_only=True)
    try:
        paths = sorted(e.path for e in load_ledger(store).values())
    finally:
        store.close()
    assert paths == sorted(str(p) for p in moved.iterdir())


_TROMSO = (
    "# kind: news\nThe Tromsø Youth Association (Norway) held a seminar in Tromsø on 3 May 2022.\n"
)
_TROMSO_AGAIN = (
    "# kind: news\nThe Tromso Youth Association (Norway) met the Bergen Youth Association "
    "(Norway) in Bergen on 4 May 2022. The Tromso Youth Association (Norway) was glad.\n"
)


def _kept_as_before(report: object) -> list[str]:
    return sorted(
        Path(p.path).name
        for p in report.problems  # type: ignore[attr-defined]
        if "kept as built before" in p.problem
    )


def test_a_build_whose_documents_name_what_they_named_takes_the_kept_identities(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed document that names the organisations it named before resolves nothing
    again, and gives the store a full resolution gives; a document left as built before
    (its identities changed, its file gone) is still tried and named; another organisation,
    other judgements or a kept copy that is not one resolve again."""
    building = importlib.import_module("partnergraph.graph.build")
    from partnergraph.graph.ledger import kept_resolution, load_ledger
    from partnergraph.graph.resolve import Judgements

    gone, changed = tmp_path / "b.txt", tmp_path / "c.txt"
    gone.write_text(_TROMSO, encoding="utf-8")
    changed.write_text(_TROMSO_AGAIN, encoding="utf-8")
    stores = Store(None), Store(None)
    for store in stores:
        build([str(gone)], store)
    gone.unlink()  # "Tromso" is now named more often: b's identity changes, its file is gone
    for store in stores:
        assert _kept_as_before(build([str(changed)], store)) == ["b.txt"]
    resolved: list[int] = []
    resolve, resolve_held = building.resolve_mentions, building._resolve_held

    def counting(*args: object, **kwargs: object) -> object:
        resolved.append(1)
        return resolve_held(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(building, "_resolve_held", counting)
    changed.write_text(_TROMSO_AGAIN + "It rained.\n", encoding="utf-8")
    stores[1].keep_state("resolution", b"not a kept resolution")  # resolved again
    kept, full = (build([str(changed)], store) for store in stores)
    assert len(resolved) == 1  # only where the kept copy was not one
    assert _kept_as_before(kept) == _kept_as_before(full) == ["b.txt"]
    assert kept.documents == full.documents == [str(changed)]
    assert _quads(stores[0]) == _quads(stores[1])
    ledger = load_ledger(stores[0])
    again = resolve({e.key: e.mentions for e in ledger.values()})
    held = kept_resolution(stores[0], None)
    assert held is not None and held.resolution == again
    assert kept_resolution(stores[0], Judgements(same=(("A", "B"),))) is None
    ledger_module = importlib.import_module("partnergraph.graph.ledger")
    with monkeypatch.context() as patched:  # other resolution code: not taken as kept
        patched.setattr(ledger_module, "_code_digest", lambda: "other code")
        assert kept_resolution(stores[0], None) is None
    # another organisation named: resolved again
    changed.write_text(_TROMSO_AGAIN.replace("Bergen Youth", "Oslo Youth"), encoding="utf-8")
    build([str(changed)], stores[0])
    assert len(resolved) == 2


def test_only_documents_naming_an_organisation_whose_identity_changed_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a build resolves again, the documents it does not read are fingerprinted again
    only if they name an organisation whose identity changed (or were left stale): the one
    that does is rewritten, an unrelated one is not even checked, and the store is the one
    a build of them all gives."""
    ledger_module = importlib.import_module("partnergraph.graph.ledger")
    first, unrelated, changed = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    first.write_text(_TROMSO, encoding="utf-8")
    unrelated.write_text(
        "# kind: news\nThe Stavanger Sports Club (Norway) met in Stavanger on 2 May 2022.\n",
        encoding="utf-8",
    )
    store = Store(None)
    build([str(first), str(unrelated)], store)
    checked: list[tuple[str, ...]] = []
    real = ledger_module.Fingerprints.__call__

    def noting(self: object, mentions: tuple[object, ...]) -> str:
        checked.append(tuple(sorted(m.name for m in mentions)))  # type: ignore[attr-defined]
        return real(self, mentions)  # type: ignore[no-any-return]

    monkeypatch.setattr(ledger_module.Fingerprints, "__call__", noting)
    changed.write_text(_TROMSO_AGAIN, encoding="utf-8")  # "Tromso" named more: a's changes
    report = build([str(first), str(unrelated), str(changed)], store)
    assert report.rewritten == 1 and str(first) in report.documents
    assert not any("Stavanger Sports Club" in names for names in checked)
    monkeypatch.setattr(ledger_module.Fingerprints, "__call__", real)
    together = Store(None)
    build([str(first), str(unrelated), str(changed)], together)
    assert _quads(store) == _quads(together)
