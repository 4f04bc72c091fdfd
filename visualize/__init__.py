"""The partner network: RDF → NetworkX projections and metrics → one offline HTML page.

Reads RDF only through SPARQL SELECT (``select(sparql)``) and never reaches into the
pipeline's internals.
"""

from __future__ import annotations

from .page import network_html
from .projections import Selectable, centrality_table, org_network

__all__ = ["Selectable", "centrality_table", "network_html", "org_network"]
