"""The rooms' import rules (docs/architecture.md), checked on the code's own imports.

Every module of the package is read with :mod:`ast` (imports inside functions too), each
import resolved to the module it names, and every arrow held against the rules. A second
test adds one forbidden arrow per rule to a copy of the sources and checks it is caught.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: The card's folders and the package each one is.
FOLDERS = {
    "ontology": "partnergraph.ontology",
    "queries": "partnergraph.queries",
    "visualize": "partnergraph.visualize",
    "graph": "partnergraph.graph",
}
STAGES = ("sources", "extract", "resolve", "triples", "record")
PIPELINE = (*STAGES, "build", "workers")
_GRAPH_IRI = re.compile(r"w3id\.org/partnergraph/graph/")
_SPARQL = re.compile(
    r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b[^\n]*\bWHERE\b|\bINSERT\s*\{|\bDELETE\s*\{"
)


def sources() -> dict[str, tuple[str, bool]]:
    """Module name → (source text, is a package's ``__init__``)."""
    out: dict[str, tuple[str, bool]] = {}
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            init = parts[-1] == "__init__"
            name = ".".join((package, *(parts[:-1] if init else parts)))
            out[name] = (path.read_text(encoding="utf-8"), init)
    return out


def arrows(modules: dict[str, tuple[str, bool]]) -> set[tuple[str, str]]:
    """(importer, imported) for every import of one of our modules."""
    found: set[tuple[str, str]] = set()
    for name, (text, init) in modules.items():
        package = name if init else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(text)):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [base]
                # "from . import workers" names a module
                targets += [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target.startswith("partnergraph.") and target != name:
                    found.add((name, target))
    return found


def _room(module: str) -> str:
    """``partnergraph.graph.extract.prose.reader`` → ``graph.extract``; folders of the
    card are rooms, and inside graph/ each first-level module or package is one."""
    parts = module.split(".")[1:]
    if parts[0] != "graph" or len(parts) == 1:
        return parts[0]
    return f"graph.{parts[1]}"


def violations(modules: dict[str, tuple[str, bool]]) -> list[str]:
    """Every arrow or text the rules forbid, in words."""
    out: list[str] = []
    for src, dst in sorted(arrows(modules)):
        a, b = _room(src), _room(dst)
        if a == b:
            if src in ("partnergraph.graph.store.base", "partnergraph.graph.store.graphs") and (
                dst not in ("partnergraph.graph.store.base", "partnergraph.graph.store.graphs")
            ):
                out.append(f"{src} -> {dst}: store/base and store/graphs import no backend")
            if (
                a == "graph.store"
                and dst.rpartition(".")[2] in ("oxigraph", "remote")
                and src.rpartition(".")[2] not in ("open", "store")
            ):
                out.append(f"{src} -> {dst}: only store/open.py picks a backend")
            continue
        rule = _forbidden(a, b)
        if rule:
            out.append(f"{src} -> {dst}: {rule}")
    for name, (text, _init) in modules.items():
        if name != "partnergraph.graph.store.graphs" and _GRAPH_IRI.search(text):
            out.append(f"{name}: spells a named-graph IRI (only store/graphs.py may)")
        if name.startswith("partnergraph.graph.cli") and _SPARQL.search(text):
            out.append(f"{name}: holds SPARQL text (the CLI asks through queries/)")
    for path in sorted((ROOT / "queries").rglob("*.rq")):
        if _GRAPH_IRI.search(path.read_text(encoding="utf-8")):
            out.append(f"queries/{path.name}: spells a named-graph IRI (pick ?g pg:sourcePath)")
    return out


def _forbidden(a: str, b: str) -> str | None:
    """Why room ``a`` may not import room ``b`` (None: it may)."""
    if a == "ontology":
        return "ontology imports nothing of ours"
    if a == "queries" and b != "ontology":
        return "queries imports only ontology"
    if a == "visualize" and b != "queries":
        return "visualize imports only queries"
    if b == "graph.cli":
        return "nothing imports the CLI"
    if b == "visualize" and a != "graph.cli":
        return "only the CLI imports visualize"
    stage = a.rpartition(".")[2]
    later = ("build", "store", "publish", "cli", "workers", "reason", "validate", "queries")
    if stage in STAGES and b.rpartition(".")[2] in later:
        return "a stage never imports the build, store, publishing, the CLI or questions"
    if (stage in ("reason", "validate", "publish")) and b.rpartition(".")[2] in PIPELINE:
        return "reason, validate and publish read the store, never the pipeline"
    if stage == "store" and b.startswith("graph.") and b not in ("graph.config",):
        return "the store imports only ontology and config"
    return None


def test_the_code_keeps_the_import_rules() -> None:
    assert violations(sources()) == []


def test_a_module_a_line_import_is_seen() -> None:
    found = arrows(sources())
    assert ("partnergraph.graph.build", "partnergraph.graph.workers") in found  # from . import
    assert ("partnergraph.graph.cli.network", "partnergraph.visualize") in found
    assert (
        "partnergraph.graph.extract.prose.reader",
        "partnergraph.graph.extract.lexicon",
    ) in found


@pytest.mark.parametrize(
    ("module", "line", "rule"),
    [
        ("partnergraph.ontology", "from partnergraph.queries import load", "ontology imports"),
        ("partnergraph.queries", "from partnergraph.graph.store import Store", "queries imports"),
        ("partnergraph.visualize.metrics", "from partnergraph.graph import build", "visualize"),
        ("partnergraph.graph.extract.prose.reader", "from ...store import Store", "a stage"),
        ("partnergraph.graph.triples", "from .build import build", "a stage"),
        ("partnergraph.graph.resolve", "from partnergraph import queries", "a stage"),
        ("partnergraph.graph.validate", "from .build import read_all", "never the pipeline"),
        (
            "partnergraph.graph.publish.export",
            "from ..triples import org_iri",
            "never the pipeline",
        ),
        ("partnergraph.graph.build", "from .cli import main", "nothing imports the CLI"),
        ("partnergraph.graph.build", "import partnergraph.visualize", "only the CLI"),
        ("partnergraph.graph.store.graphs", "from .oxigraph import Store", "no backend"),
        ("partnergraph.graph.store.rdf", "from .remote import RemoteStore", "picks a backend"),
        ("partnergraph.graph.reason", 'G = "https://w3id.org/partnergraph/graph/x"', "IRI"),
        ("partnergraph.graph.cli.questions", 'Q = "SELECT ?s WHERE { ?s ?p ?o }"', "SPARQL"),
    ],
)
def test_an_arrow_against_the_rules_is_caught(module: str, line: str, rule: str) -> None:
    modules = sources()
    text, init = modules[module]
    modules[module] = (f"{text}\n{line}\n", init)
    found = violations(modules)
    assert any(module in v and rule in v for v in found), found
