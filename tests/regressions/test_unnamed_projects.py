"""Regression: every news item about an unnamed project minted the same node
(project/name-page), so unrelated documents' organisations became partners of one another
and the node broke the SHACL shape (no name, no number)."""

from __future__ import annotations

from pathlib import Path

from partnergraph.graph.cli import main
from partnergraph.graph.store import open_store


def test_unnamed_projects_stay_apart_and_valid(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "# kind: news\nThe project partners KS and the Association of Polish Cities met in Oslo "
        "to plan the project's next study visit.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "# kind: news\nIn the project, the Latvian Association of Local and Regional Governments "
        "worked with Fagforbundet on decent work.\n",
        encoding="utf-8",
    )
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(folder)]) in (0, 2)
    rows = (
        open_store(store, read_only=True)
        .select("SELECT DISTINCT ?p WHERE { ?p a <https://w3id.org/partnergraph/ns#Project> }")
        .rows
    )
    projects = [r[0] or "" for r in rows]
    assert not any(p.endswith("/project/name-page") for p in projects)
    assert main(["validate", "--store", store]) == 0  # every project has a name or a number
