"""Where the graph lives: one interface (:class:`GraphStore`) over three backends.

Oxigraph on disk (the default) or in memory (:class:`Store`), and any SPARQL 1.1 server
(:class:`RemoteStore`); :func:`open_store` picks one from a location, :func:`staged`
builds into a new generation of a store on disk. Every named graph is named in
:mod:`.graphs`.
"""

from __future__ import annotations

from . import graphs
from .base import GraphStore, QueryResult, StoreError
from .open import open_store, staged
from .oxigraph import Store
from .rdf import asserted_dataset
from .remote import Endpoints, RemoteStore

__all__ = [
    "Endpoints",
    "GraphStore",
    "QueryResult",
    "RemoteStore",
    "Store",
    "StoreError",
    "asserted_dataset",
    "graphs",
    "open_store",
    "staged",
]
