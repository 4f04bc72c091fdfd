"""The pipeline and the CLI: sources → extract → resolve → triples → store.

The public door: :func:`build` a store from documents, :func:`open_store` one, then
:func:`reason`, :func:`validate`, :func:`serialise` (export) and :func:`describe` it;
:func:`ask` answers a question a page at a time (from the summary a build keeps, where it
keeps the answer); :class:`Answers` hands a store to the network projections that way.
Each stage is a small module with typed inputs and outputs; ``docs/architecture.md`` says
which room holds what and what may import what.
"""

from __future__ import annotations

from .answers import Answers, Page, ask, how_answered
from .build import BuildReport, build, extract_all
from .publish import Description, describe, serialise
from .reason import reason
from .store import GraphStore, QueryResult, Store, StoreError, open_store, staged
from .summary import summarise
from .validate import validate

__all__ = [
    "Answers",
    "BuildReport",
    "Description",
    "GraphStore",
    "Page",
    "QueryResult",
    "Store",
    "StoreError",
    "ask",
    "build",
    "describe",
    "extract_all",
    "how_answered",
    "open_store",
    "reason",
    "serialise",
    "staged",
    "summarise",
    "validate",
]
