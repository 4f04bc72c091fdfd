"""Extraction: documents in, frozen facts with evidence out.

``extract(document)`` runs the facts-block parser (project pages) and the free-text reader
(everything) and returns one :class:`~partnergraph.graph.extract.model.Extraction`.
"""

from __future__ import annotations

from .document import extract, warm
from .model import (
    Event,
    Evidence,
    Extraction,
    Money,
    OrgMention,
    Place,
    Project,
    RoleFact,
    StatedLink,
)

__all__ = [
    "Event",
    "Evidence",
    "Extraction",
    "Money",
    "OrgMention",
    "Place",
    "Project",
    "RoleFact",
    "StatedLink",
    "extract",
    "warm",
]
