"""What a build remembers of every document it wrote, so builds add up.

Beside each document's graph the store keeps a small ledger graph (the document graph's IRI
plus :data:`~partnergraph.graph.store.graphs.LEDGER_SUFFIX`): the document's key, the path
it was read from, its checksum, its organisation mentions (names, countries, types, no
evidence: what identity resolution reads, as JSON) and a fingerprint of the identities its
graph was written with. A build resolves organisations over the mentions of *every*
document in the store, not only the ones it reads; a document whose identities changed is
read again from its path and rewritten; a file whose checksum is unchanged is not extracted
again. So building documents one at a time, in any order or split, gives the store one
build of them all gives.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Literal, URIRef

from partnergraph.ontology import nt_line

from .extract.model import NO_EVIDENCE, OrgMention
from .resolve import Resolution
from .store import GraphStore
from .store.graphs import LEDGER_SUFFIX

__all__ = ["Entry", "fingerprint", "ledger_graph", "ledger_lines", "load_ledger"]

_NS = "https://w3id.org/partnergraph/ledger#"
_KEY, _PATH, _SUM, _MENTIONS, _PRINT = (
    URIRef(_NS + name) for name in ("key", "path", "checksum", "mentions", "fingerprint")
)
_FIELDS = ("name", "country", "type", "acronym", "seat", "region", "identifier", "long_form")


@dataclass(frozen=True)
class Entry:
    """One document as the ledger remembers it."""

    graph: str  # the document graph's IRI
    key: str
    path: str
    checksum: str
    mentions: tuple[OrgMention, ...]
    fingerprint: str


def ledger_graph(document_graph: str) -> str:
    """The ledger graph of a document graph."""
    return document_graph + LEDGER_SUFFIX


def _mentions_json(mentions: Iterable[OrgMention]) -> str:
    rows = [[getattr(m, f) for f in _FIELDS] for m in mentions]
    return json.dumps(rows, separators=(",", ":"))  # ASCII: lone surrogates stay escaped


def _mentions_of_json(text: str) -> tuple[OrgMention, ...]:
    out = []
    for row in json.loads(text):
        values = dict(zip(_FIELDS, row, strict=True))
        out.append(OrgMention(evidence=NO_EVIDENCE, **values))
    return tuple(out)


def fingerprint(mentions: Iterable[OrgMention], resolution: Resolution) -> str:
    """What a document's graph takes from identity resolution: for each of its mentions the
    identity's key, name, names' languages, country, type, identifiers and seat."""
    parts = set()
    for m in mentions:
        ident = resolution.of(m)
        parts.add(
            json.dumps(
                [m.name, m.country, ident.key, ident.name, sorted(ident.name_langs.items()),
                 ident.country, ident.type, sorted(ident.identifiers), ident.seat],
                default=str,
            )
        )  # fmt: skip
    return hashlib.sha256("\n".join(sorted(parts)).encode("utf-8")).hexdigest()[:32]


def ledger_lines(entry: Entry) -> list[str]:
    """The N-Triples of a document's ledger graph."""
    doc = URIRef(entry.graph)
    return sorted(
        nt_line(doc, p, Literal(v))
        for p, v in (
            (_KEY, entry.key),
            (_PATH, entry.path),
            (_SUM, entry.checksum),
            (_MENTIONS, _mentions_json(entry.mentions)),
            (_PRINT, entry.fingerprint),
        )
    )


def load_ledger(store: GraphStore) -> dict[str, Entry]:
    """Every document the store's ledger remembers, by document graph IRI."""
    query = f"""SELECT ?g ?doc ?key ?path ?sum ?m ?fp WHERE {{ GRAPH ?g {{
        ?doc <{_KEY}> ?key ; <{_PATH}> ?path ; <{_SUM}> ?sum ; <{_MENTIONS}> ?m ;
             <{_PRINT}> ?fp }} FILTER(STRENDS(STR(?g), "{LEDGER_SUFFIX}")) }}"""
    out = {}
    for _g, doc, key, path, checksum, mentions, fp in store.select(query).rows:
        graph = str(doc)
        out[graph] = Entry(
            graph, str(key), str(path), str(checksum), _mentions_of_json(str(mentions)), str(fp)
        )
    return out
