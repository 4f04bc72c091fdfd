"""One document → one :class:`Extraction`: facts block first, then the prose."""

from __future__ import annotations

from dataclasses import replace

from ..sources import Document
from .facts import FactsBlock, parse_facts
from .lexicon import country_of_form, organisation_type
from .model import Extraction, OrgMention, Project, RoleFact
from .text import infer_country, read_text

__all__ = ["extract"]


def extract(doc: Document) -> Extraction:
    """Read everything partnergraph can from one document.

    Raises :class:`partnergraph.graph.portal.PortalError` for a data file it cannot read.
    """
    if doc.media_type == "application/json":
        from ..portal import read_json

        return read_json(doc)
    if doc.media_type == "text/csv":
        from ..portal import read_table

        return read_table(doc)
    if doc.media_type.endswith("spreadsheetml.sheet"):
        from ..portal import read_table, xlsx_rows

        return read_table(doc, xlsx_rows(doc.path))
    block = parse_facts(doc.text)
    if block is not None:
        block = _with_countries(block)
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


def _with_countries(block: FactsBlock) -> FactsBlock:
    """Give organisations the type their name tells, and, without a ``(CC)``, the country
    their name or the page tells.

    The promoter of a project "carried out in" one country is taken to be from there.
    """
    carried = [cc for cc in (country_of_form(c) for c in block.project.countries) if cc]
    promoters = {id(r.org) for r in block.roles if r.role == "promoter"}
    fixed: dict[int, OrgMention] = {}
    for org in block.organisations:
        country = org.country or infer_country(org.name)
        if country is None and id(org) in promoters and len(carried) == 1:
            country = carried[0]
        org_type = org.type or organisation_type(org.name)
        if (country, org_type) != (org.country, org.type):
            fixed[id(org)] = replace(org, country=country, type=org_type)
    if not fixed:
        return block
    return replace(
        block,
        organisations=tuple(fixed.get(id(o), o) for o in block.organisations),
        roles=tuple(
            RoleFact(fixed.get(id(r.org), r.org), r.role, r.target, r.evidence) for r in block.roles
        ),
    )
