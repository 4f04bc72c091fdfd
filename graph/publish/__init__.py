"""Publishing the graph: exports (:mod:`.export`), a DCAT-AP 3 description with VoID
statistics (:mod:`.describe`), and a local read-only SPARQL endpoint (:mod:`.serve`).

These read the store only: they never run the extraction pipeline.
"""

from __future__ import annotations

from .describe import Description, check, describe
from .export import FORMATS, SUFFIX_FORMAT, Format, serialise, write_atomic
from .serve import Limits, Site, allowed_hosts, make_app, serve
from .sparql import QueryPool

__all__ = [
    "FORMATS",
    "SUFFIX_FORMAT",
    "Description",
    "Format",
    "Limits",
    "QueryPool",
    "Site",
    "allowed_hosts",
    "check",
    "describe",
    "make_app",
    "serialise",
    "serve",
    "write_atomic",
]
