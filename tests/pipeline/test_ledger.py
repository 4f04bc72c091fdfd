"""The ledger's kept copy answers what a build asks of every document — how often each
mention comes, which documents name an organisation — without making their mentions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from partnergraph.graph.build import build, resolve_mentions
from partnergraph.graph.extract.model import OrgMention
from partnergraph.graph.ledger import Entry, counted_mentions, load_ledger_kept, naming
from partnergraph.graph.resolve import Resolution, resolve_organisations
from partnergraph.graph.store import Store

from ..conftest import EXAMPLES


@pytest.fixture(scope="module")
def kept(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of real documents (several name the same organisations alike)."""
    folder = tmp_path_factory.mktemp("ledger")
    store = Store(str(folder / "store"))
    docs = sorted((shared / "corpus" / "docs").glob("1*.txt"))[:20]
    build([*map(str, docs), str(EXAMPLES)], store)
    store.close()
    return folder / "store"


def _entries(store_dir: Path) -> list[Entry]:
    store = Store(str(store_dir))
    ledger, from_kept = load_ledger_kept(store)
    store.close()
    assert from_kept
    return sorted(ledger.values(), key=lambda e: e.key)


def _made(entries: list[Entry]) -> int:
    return sum(e._mentions is not None for e in entries)


def _identities(resolution: Resolution) -> object:
    return (
        [(k, i.name, i.country, i.type, dict(i.names), i.reasons) for k, i in
         resolution.identities.items()],
        resolution.by_mention,
    )  # fmt: skip


def test_counted_mentions_resolve_as_the_mentions_do_and_none_are_made(kept: Path) -> None:
    entries, reference = _entries(kept), _entries(kept)[2:]
    # two documents as a build reads them anew: mentions equal to the kept ones, not them
    read = [tuple(dataclasses.replace(m) for m in e.mentions) for e in entries[:2]]
    entries = entries[2:]
    assert _made(entries) == 0
    counted = counted_mentions([*read, *entries])
    assert _made(entries) == 0  # counted by their indexes
    every = [m for d in [*read, *[e.mentions for e in reference]] for m in d]
    assert sum(counted.counts) == len(every) > 0
    assert len(counted.mentions) < len(every)  # the kept ones counted once each
    by_document: dict[str, tuple[OrgMention, ...]] = {f"0{k}": ms for k, ms in enumerate(read)}
    by_document.update({e.key: e.mentions for e in reference})
    assert _identities(resolve_organisations(counted)) == _identities(resolve_mentions(by_document))


def test_naming_tells_the_documents_that_name_an_organisation_and_makes_few(kept: Path) -> None:
    reference = _entries(kept)
    counts: dict[tuple[str, str | None], int] = {}
    for entry in reference:
        for m in {(m.name, m.country) for m in entry.mentions}:
            counts[m] = counts.get(m, 0) + 1
    rare = sorted(n for n, c in counts.items() if c == 1)[:3]
    assert rare
    named = set(rare)
    entries = _entries(kept)
    found = naming(entries, named)
    expected = [e.graph for e in reference if not named.isdisjoint(
        (m.name, m.country) for m in e.mentions)]  # fmt: skip
    assert [e.graph for e in found] == expected
    assert _made(entries) == len(found)  # only those were made
    assert naming(entries, set()) == []
