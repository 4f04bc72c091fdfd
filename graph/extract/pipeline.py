"""One document → one :class:`Extraction`: facts block first, then the prose."""

from __future__ import annotations

from ..sources import Document
from .facts import parse_facts
from .model import Extraction, OrgMention, Project
from .text import read_text

__all__ = ["extract"]


def extract(doc: Document) -> Extraction:
    """Read everything partnergraph can from one document."""
    block = parse_facts(doc.text)
    project: Project | None = block.project if block else None
    promoter: OrgMention | None = None
    if block is not None:
        promoter = next((r.org for r in block.roles if r.role == "promoter"), None)
    prose = read_text(
        doc.text,
        doc.language,
        start=block.end if block else 0,
        known=block.organisations if block else (),
        project=project,
        promoter=promoter,
    )
    projects: list[Project] = []
    if project is not None:
        continued = prose.continues[0][1].key if prose.continues else None
        from dataclasses import replace

        projects.append(replace(project, continues=continued))
    projects.extend(prose.projects)
    kind = doc.kind or ("project-page" if block is not None else "news")
    notes = list(block.notes) if block else []
    if block is None and not prose.organisations:
        notes.append("no facts block and no organisation found in the text")
    return Extraction(
        kind=kind,
        language=doc.language,
        projects=tuple(projects),
        organisations=(*(block.organisations if block else ()), *prose.organisations),
        places=prose.places,
        events=prose.events,
        roles=(*(block.roles if block else ()), *prose.roles),
        links=prose.links,
        notes=tuple(notes),
    )
