"""Every named graph of the dataset, once, and how to select each kind.

- **document graphs**: one per source document, named by the document's IRI (minted by
  :mod:`partnergraph.graph.triples`); each states its own ``pg:sourcePath``, which is how
  questions and code pick them: positively (``?g pg:sourcePath ?path``), never by listing
  the graphs to leave out.
- **support graphs** a build writes beside them (:data:`SUPPORT`): the ontology, reference
  data (countries), the resolution graph (why names are one), and the metrics ``analyse
  --write`` stores. They are in the union, so questions read them; they are left out of
  exports and of the dataset's description.
- **derived graphs** (:data:`INFERRED`): reasoning's consequences; out of the union, read
  only when asked (``--inferred``), exported only when asked.
- a document's **evidence** (its ``pg:Mention`` nodes, under the graph's IRI: see
  :func:`evidence_prefix`) stays in its own graph and out of the union: it says nothing of
  any other document (ask for it with ``GRAPH ?g``). It was two thirds of the union's
  quads.
- the **union** (:data:`UNION`): the set union of the asserted graphs, where a server has
  no default graph of its own to keep it in (Virtuoso); and **staging** graphs
  (:data:`STAGING_SUFFIX`), where a remote write waits until it is moved in place.
"""

from __future__ import annotations

from partnergraph.ontology import MENTION_PATH, NS, PG

from .base import GraphStore

__all__ = [
    "INFERRED",
    "LEDGER_SUFFIX",
    "METRICS",
    "ONTOLOGY",
    "OWN_PREFIX",
    "REFERENCE",
    "RESOLUTION",
    "STAGING_SUFFIX",
    "SUMMARY",
    "SUPPORT",
    "UNION",
    "VIEWS",
    "asserted",
    "asserted_filter",
    "document_graphs",
    "evidence_prefix",
    "exported",
    "unioned_filter",
]

#: Every graph partnergraph names starts with this (documents under the build's base).
OWN_PREFIX = "https://w3id.org/partnergraph/"
_GRAPH = f"{OWN_PREFIX}graph/"

#: The ontology and its vocabularies (the ontology's own IRI).
ONTOLOGY = NS.rstrip("#")
#: Countries (code, name): reference data, once for all documents.
REFERENCE = f"{_GRAPH}reference"
#: Why organisations are one identity, and every name folded for lookups.
RESOLUTION = f"{_GRAPH}resolution"
#: Network metrics per organisation (``analyse --write``); dropped by every build.
METRICS = f"{_GRAPH}metrics"
#: Reasoning's consequences.
INFERRED = f"{_GRAPH}inferred"
#: What listing questions read instead of recomputing (cooperating pairs with their
#: weights): kept by every build, out of the union and of exports.
SUMMARY = f"{_GRAPH}summary"
#: The union of the asserted graphs on a server whose default graph cannot hold it.
UNION = f"{_GRAPH}union"
#: A remote write's graph waits here (the graph's IRI plus this) until it is moved in place.
STAGING_SUFFIX = "#partnergraph-staging"
#: What a build remembers of each document (its checksum, path and organisation mentions,
#: see :mod:`partnergraph.graph.ledger`): the document graph's IRI plus this. Not data:
#: out of the union and of exports.
LEDGER_SUFFIX = "/partnergraph-ledger"

#: Graphs written beside the documents' own: in the union, not the documents' data (left
#: out of exports and of the dataset's description).
SUPPORT = (ONTOLOGY, REFERENCE, RESOLUTION, METRICS)
#: Graphs that are not assertions of their own: left out of the union.
VIEWS = frozenset({UNION, INFERRED, SUMMARY})


def asserted(graph: str) -> bool:
    """Whether the named graph holds assertions (not the union, inferred, staging or ledger
    graphs)."""
    return graph not in VIEWS and not graph.endswith((STAGING_SUFFIX, LEDGER_SUFFIX))


def asserted_filter(var: str, *also_not: str) -> str:
    """:func:`asserted` as a SPARQL expression on the graph variable ``var``, leaving out
    the graphs ``also_not`` too."""
    skip = ", ".join(f"<{g}>" for g in (*sorted(VIEWS), *also_not))
    return (
        f'({var} NOT IN ({skip}) && !STRENDS(STR({var}), "{STAGING_SUFFIX}")'
        f' && !STRENDS(STR({var}), "{LEDGER_SUFFIX}"))'
    )


def evidence_prefix(graph: str) -> str:
    """How the IRIs of a document graph's evidence begin (its mentions: kept out of the
    union)."""
    return f"{graph}{MENTION_PATH}"


def unioned_filter(s_var: str, g_var: str) -> str:
    """A SPARQL expression that is true when the triple of subject ``s_var`` in the
    asserted graph ``g_var`` belongs in the union (it is none of the graph's evidence)."""
    return f'(!STRSTARTS(STR({s_var}), CONCAT(STR({g_var}), "{MENTION_PATH}")))'


def exported(graph: str, *, inferred: bool = False, summary: bool = False) -> bool:
    """Whether an export holds the graph: the documents' graphs, and the inferred graph and
    the summary if asked; never the support graphs, the union or staging graphs."""
    if graph == INFERRED:
        return inferred
    if graph == SUMMARY:
        return summary
    return asserted(graph) and graph not in SUPPORT


def document_graphs(store: GraphStore) -> list[str]:
    """The documents' graphs, sorted: those that state their own ``pg:sourcePath``."""
    rows = store.select(f"SELECT DISTINCT ?g WHERE {{ ?g <{PG.sourcePath}> ?path }}").rows
    return sorted(str(g) for (g,) in rows if g)
