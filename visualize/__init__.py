"""The partner network: RDF → NetworkX projections and metrics → one offline HTML page.

Reads RDF only through SPARQL SELECT (``select(sparql)``) and never reaches into the
pipeline's internals.
"""

from __future__ import annotations

from .files import NETWORK_FILE_FORMATS, network_file
from .metrics import Metrics, compute_metrics, layout
from .page import NetworkPage, network_html
from .projections import (
    Selectable,
    country_flows,
    ego_network,
    filtered,
    org_network,
    strongest,
    weight_floor,
)
from .static import country_matrix_image, network_image

__all__ = [
    "NETWORK_FILE_FORMATS",
    "Metrics",
    "NetworkPage",
    "Selectable",
    "compute_metrics",
    "country_flows",
    "country_matrix_image",
    "ego_network",
    "filtered",
    "layout",
    "network_file",
    "network_html",
    "network_image",
    "org_network",
    "strongest",
    "weight_floor",
]
