"""What a build's writes touched, so the summary can be brought up to date from it.

The embedded store keeps, while a journal is open, every triple written to or removed from
an asserted graph (and so, maybe, the union). Not the triples' fate: a write held back for
a bulk load wins over a removal, so at the end the store is asked whether each touched
triple is there (:class:`Changes`). A journal that grows past :data:`LIMIT` gives up (a
build that rewrites most of the store is summarised from scratch anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

__all__ = ["LIMIT", "Changes", "Journal"]

#: The most triples a journal keeps before it gives up.
LIMIT = 500_000


@dataclass
class Journal:
    """The (graph, triple) pairs writes touched; whole new graphs kept as their text."""

    touched: set[tuple[str, ox.Triple]] = field(default_factory=set)
    texts: list[tuple[str, str]] = field(default_factory=list)
    size: int = 0
    broken: bool = False

    def touch(self, graph: str, triples: set[ox.Triple]) -> None:
        if self._grow(len(triples)):
            self.touched.update((graph, t) for t in triples)

    def touch_text(self, graph: str, text: str, lines: int) -> None:
        if self._grow(lines):
            self.texts.append((graph, text))

    def give_up(self) -> None:
        self.broken = True
        self.touched, self.texts = set(), []

    def _grow(self, count: int) -> bool:
        self.size += count
        if self.size > LIMIT:
            self.give_up()
        return not self.broken


@dataclass(frozen=True)
class Changes:
    """Where each touched triple is now: ``(subject, predicate, object, there)`` in the
    union, and ``(graph, subject, predicate, object, there)`` in the named graphs; terms as
    the store's text scans give them (IRIs and literals' lexical forms)."""

    union: tuple[tuple[str, str, str, bool], ...]
    graphs: tuple[tuple[str, str, str, str, bool], ...]


_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def texts_of(terms: set[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]) -> dict[object, str]:
    """Each term as a text scan of the store gives it (SPARQL results' CSV): a typed
    literal in the form the store keeps it ("1200000.0" as a decimal is "1200000"), told
    by writing them all to a scratch store and reading them back."""
    out: dict[object, str] = {}
    typed: list[ox.Literal] = []
    for term in terms:
        if isinstance(term, ox.BlankNode):
            out[term] = f"_:{term.value}"
        elif isinstance(term, ox.Triple):
            out[term] = str(term)
        elif isinstance(term, ox.Literal) and term.datatype.value not in (_STRING, _LANG_STRING):
            typed.append(term)
        else:
            out[term] = term.value
    if typed:
        scratch = ox.Store()
        predicate = ox.NamedNode("urn:partnergraph:value")
        scratch.extend(
            ox.Quad(ox.NamedNode(f"urn:partnergraph:{i}"), predicate, literal)
            for i, literal in enumerate(typed)
        )
        for quad in scratch:
            index = int(quad.subject.value.rpartition(":")[2])
            out[typed[index]] = quad.object.value
    return out
