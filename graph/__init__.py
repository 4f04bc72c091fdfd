"""The pipeline and the CLI: sources → extract → resolve → triples → store.

The public door: :func:`build` a store from documents, :func:`open_store` one, then
:func:`reason`, :func:`validate`, :func:`serialise` (export) and :func:`describe` it;
:func:`read_pairs` pages through the cooperating pairs a build's summary keeps.
Each stage is a small module with typed inputs and outputs; ``docs/architecture.md`` says
which room holds what and what may import what.
"""

from __future__ import annotations

from .build import BuildReport, build, extract_all
from .publish import Description, describe, serialise
from .reason import reason
from .store import GraphStore, QueryResult, Store, StoreError, open_store, staged
from .summary import read_pairs, summarise
from .validate import validate

__all__ = [
    "BuildReport",
    "Description",
    "GraphStore",
    "QueryResult",
    "Store",
    "StoreError",
    "build",
    "describe",
    "extract_all",
    "open_store",
    "read_pairs",
    "reason",
    "serialise",
    "staged",
    "summarise",
    "validate",
]
