"""Closing a store opened read-only raised "Flush is only possible on read-write
instances": close() flushed whatever the mode."""

from __future__ import annotations

from pathlib import Path

from partnergraph.graph.build import build
from partnergraph.graph.store import open_store

from ..conftest import EXAMPLES


def test_a_read_only_store_closes(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s"))
    build([str(EXAMPLES)], store)
    store.close()
    reader = open_store(str(tmp_path / "s"), read_only=True)
    assert len(reader) > 0
    reader.close()  # raised RuntimeError before
