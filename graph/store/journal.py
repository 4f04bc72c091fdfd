"""What a build's writes touched, so the summary can be brought up to date from it.

The embedded store keeps, while a journal is open, every triple written to or removed from
an asserted graph (and so, maybe, the union), with whether the graph held it before the
first write that touched it. Not the triples' fate: a write held back for a bulk load wins
over a removal, so at the end the store is asked whether each touched triple is there
(:class:`Changes`, which leaves out what is as it was: a decimal written as "1.0" where the
store keeps "1" is removed and written again, and stays). A journal that grows past
:data:`LIMIT` gives up (a build that rewrites most of the store is summarised from scratch
anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

__all__ = ["LIMIT", "Changes", "Journal"]

#: The most triples a journal keeps before it gives up.
LIMIT = 500_000


@dataclass
class Journal:
    """The (graph, triple) pairs writes touched, each with whether the graph held it before
    (the first write that touched it tells); whole new graphs kept as their text."""

    touched: dict[tuple[str, ox.Triple], bool] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    size: int = 0
    broken: bool = False

    def touch(self, graph: str, added: set[ox.Triple], removed: set[ox.Triple]) -> None:
        self.parse(graph)  # a new graph written again: its first write came first
        if self._grow(len(added) + len(removed)):
            before = self.touched.setdefault
            for t in removed:
                before((graph, t), True)
            for t in added:
                before((graph, t), False)

    def touch_text(self, graph: str, text: str, lines: int) -> None:
        """A new graph's N-Triples: the graph held none of them before."""
        if self._grow(lines):
            self.texts.setdefault(graph, []).append(text)

    def parse(self, graph: str | None = None) -> None:
        """The texts of new graphs (of ``graph``, else all) as touched triples."""
        for name in [graph] if graph is not None else list(self.texts):
            for text in self.texts.pop(name, ()):
                parsed = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
                for q in parsed:
                    self.touched.setdefault((name, q.triple), False)

    def give_up(self) -> None:
        self.broken = True
        self.touched, self.texts = {}, {}

    def _grow(self, count: int) -> bool:
        self.size += count
        if self.size > LIMIT:
            self.give_up()
        return not self.broken


@dataclass(frozen=True)
class Changes:
    """Where each triple whose place changed is now: ``(subject, predicate, object, there)``
    in the union, and ``(graph, subject, predicate, object, there)`` in the named graphs (a
    graph's triple in or out); terms as the store's text scans give them (IRIs and
    literals' lexical forms). A triple a graph held before and holds again is in neither;
    the union's row of a triple that changed place may still say what it said before."""

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
