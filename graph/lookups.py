"""The questions about given organisations (``partners``, ``cooperation_sources``)
answered by index look-ups in the embedded store.

Their SPARQL stays the reference (the tests hold both equal on the organisations of the
question fixtures and of the corpus). Oxigraph evaluates ``partners`` by joining every
document graph's roles against the pairs (the OPTIONAL that finds the documents saying
so), 4.8 s for an organisation of 11,000 rows at 10k projects; here each step is a
look-up by the terms the step before found: the organisation's roles, each project's or
event's, the graphs that hold each role, each graph's source and sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import product

import pyoxigraph as ox

from partnergraph.ontology import PG, name_key

from .summary import Row, ordered

__all__ = ["PARTNERS_VARIABLES", "SOURCES_VARIABLES", "cooperation_sources", "partners"]

PARTNERS_VARIABLES = (
    "partner_name", "partner_country", "via_label", "via_kind", "org_role", "partner_role",
    "source", "partner", "via",
)  # fmt: skip

SOURCES_VARIABLES = ("via_label", "role_a", "role_b", "source", "sentence", "a", "b", "via")

_ROLES = frozenset(
    ox.NamedNode(str(PG[r]))
    for r in ("promoter", "partner", "donorPartner", "programmeOperator", "participant",
              "host", "organiser", "funder")
)  # fmt: skip
_PG = str(PG)
_NAME_KEY = ox.NamedNode(str(PG.nameKey))
_COOPERATES = ox.NamedNode(str(PG.cooperatesWith))
_SOURCE = ox.NamedNode(str(PG.sourcePath))
_COUNTRY = ox.NamedNode(str(PG.country))
_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
_NOTATION = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")
_NUMBER = ox.NamedNode("http://purl.org/dc/terms/identifier")
_MENTION_OF = ox.NamedNode(str(PG.mentionOf))
_SENTENCE = ox.NamedNode(str(PG.sentence))
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_UNION = ox.DefaultGraph()

Subject = ox.NamedNode | ox.BlankNode | ox.Triple
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


class _Store:
    """Look-ups in the union and the named graphs; each graph's sources, and its sentences
    about an organisation, read once."""

    def __init__(self, raw: ox.Store) -> None:
        self.raw = raw
        self._sources: dict[ox.NamedNode, list[str]] = {}
        self._sentences: dict[tuple[ox.NamedNode, Subject], list[str]] = {}

    def objects(self, subject: Subject, predicate: ox.NamedNode) -> list[Term]:
        return [q.object for q in self.raw.quads_for_pattern(subject, predicate, None, _UNION)]

    def values(self, subject: Subject, predicate: ox.NamedNode) -> list[str]:
        return [o.value for o in self.objects(subject, predicate) if not isinstance(o, ox.Triple)]

    def named(self, org: str) -> list[Subject]:
        """The organisations ``org`` stands for: those with that folded name (a name, alias
        or acronym, any case), or the one of that IRI (if it has a name)."""
        if org.strip().startswith(("http://", "https://")):
            node = ox.NamedNode(org.strip())
            return [node] if self.objects(node, _NAME_KEY) else []
        key = ox.Literal(name_key(org))
        return [q.subject for q in self.raw.quads_for_pattern(None, _NAME_KEY, key, _UNION)]

    def labels(self, via: Subject) -> list[str | None]:
        """What the questions call a project or event: its numbers, else its names."""
        return _called(self.values(via, _NUMBER), self.values(via, _LABEL))

    def roles_of(self, org: Subject, graph: ox.DefaultGraph | None) -> Iterator[ox.Quad]:
        """The statements of the roles ``org`` takes, in ``graph`` (None: in every graph),
        role by role (not its mentions too, which an organisation of 25,000 roles has more
        of)."""
        for role in sorted(_ROLES, key=lambda r: r.value):
            yield from self.raw.quads_for_pattern(None, role, org, graph)

    def sentences(self, graph: ox.NamedNode, org: Subject) -> list[str]:
        """The sentences of ``graph`` that mention ``org`` (read once)."""
        if (graph, org) not in self._sentences:
            self._sentences[(graph, org)] = [
                text
                for m in self.raw.quads_for_pattern(None, _MENTION_OF, org, graph)
                for text in self.values_in(m.subject, _SENTENCE, graph)
            ]
        return self._sentences[(graph, org)]

    def values_in(
        self, subject: Subject, predicate: ox.NamedNode, graph: ox.NamedNode
    ) -> list[str]:
        quads = self.raw.quads_for_pattern(subject, predicate, None, graph)
        return [q.object.value for q in quads if not isinstance(q.object, ox.Triple)]

    def sources_of(self, graph: ox.NamedNode) -> list[str]:
        """A graph's sources (none: not a document's graph)."""
        if graph not in self._sources:
            self._sources[graph] = self.values(graph, _SOURCE)
        return self._sources[graph]

    def sources(self, s: Subject, p: ox.NamedNode, o: Term) -> list[str]:
        """The sources of the documents' graphs that state ``s p o`` (the graphs a
        ``GRAPH ?g`` finds that state their ``pg:sourcePath``)."""
        found = []
        for q in self.raw.quads_for_pattern(s, p, o, None):
            if isinstance(q.graph_name, ox.NamedNode):
                found.extend(self.sources_of(q.graph_name))
        return found


def _called(numbers: list[str], names: list[str]) -> list[str | None]:
    """What the questions call a project or event (``COALESCE(?number, ?name)``): its
    numbers, else its names."""
    return _or_none(numbers or names)


def _or_none(values: Iterable[str]) -> list[str | None]:
    """An OPTIONAL's values as text (the question reads names by STR: one name in two
    language tags is one), each once; else one unbound."""
    return list(dict.fromkeys(values)) or [None]


def _local(iri: str) -> str:
    return iri.partition("#")[2]


def partners(raw: ox.Store, org: str) -> list[Row]:
    """The ``partners`` answer for ``org`` (a name, alias or acronym, any case; or an
    organisation's IRI) in the question's order."""
    store = _Store(raw)
    links: dict[Subject, set[Row]] = defaultdict(set)
    for subject in store.named(org):
        for partner, fields in [*_shared(store, subject), *_stated(store, subject)]:
            links[partner].add(fields)
    rows: list[Row] = []
    for partner, fields_of in links.items():
        names = _or_none(store.values(partner, _LABEL))
        countries = [c for c in store.objects(partner, _COUNTRY) if not isinstance(c, ox.Literal)]
        codes = _or_none(code for c in countries for code in store.values(c, _NOTATION))
        rows.extend((n, c, *fields) for n in names for c in codes for fields in fields_of)
    keys = ((0, False, str), (2, False, str), (4, False, str), (5, False, str),
            (6, False, str), (7, False, str), (8, False, str), (3, False, str),
            (1, False, str))  # fmt: skip
    return ordered(rows, keys)


def _shared(store: _Store, org: Subject) -> Iterator[tuple[Subject, Row]]:
    """Each partner in a project or event with ``org``, with what the question says of the
    link: the project's or event's label and kind, both roles, a source, both IRIs. Each
    project or event is read in one look-up: its statements in the union and in the
    documents' graphs."""
    own_roles: dict[ox.NamedNode | ox.BlankNode, list[ox.NamedNode]] = defaultdict(list)
    for quad in store.roles_of(org, _UNION):
        if not isinstance(quad.subject, ox.Triple):
            own_roles[quad.subject].append(quad.predicate)
    for via, roles in own_roles.items():  # each project or event read once
        union: dict[ox.NamedNode, list[Term]] = defaultdict(list)
        graphs: dict[tuple[ox.NamedNode, Term], list[ox.NamedNode]] = defaultdict(list)
        for q in store.raw.quads_for_pattern(via, None, None, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                union[q.predicate].append(q.object)
            elif q.predicate in _ROLES and isinstance(q.graph_name, ox.NamedNode):
                graphs[(q.predicate, q.object)].append(q.graph_name)
        labels = _called(_texts(union[_NUMBER]), _texts(union[_LABEL]))
        kinds = _or_none(_local(t) for t in _texts(union[_TYPE]) if t.startswith(_PG))
        for theirs in _ROLES:
            for partner in union.get(theirs, ()):
                if partner == org or isinstance(partner, ox.Triple | ox.Literal):
                    continue  # (a literal or triple is no organisation: the build writes none)
                found = graphs.get((theirs, partner), ())
                sources = [src for g in found for src in store.sources_of(g)]
                for own, source, label, kind in product(roles, _or_none(sources), labels, kinds):
                    yield partner, (
                        label, kind, _local(own.value), _local(theirs.value), source,
                        partner.value, via.value,
                    )  # fmt: skip


def _texts(terms: Iterable[Term]) -> list[str]:
    return [t.value for t in terms if not isinstance(t, ox.Triple)]


def _stated(store: _Store, org: Subject) -> Iterator[tuple[Subject, Row]]:
    """Each organisation ``org`` is said to cooperate with, by a document (its source) or
    by reasoning (none)."""
    for partner in store.objects(org, _COOPERATES):
        if partner == org or isinstance(partner, ox.Triple | ox.Literal):
            continue
        sources = store.sources(org, _COOPERATES, partner)
        for source in _or_none(sources):
            label, kind = ("stated cooperation", "statement") if source else (
                "inferred cooperation", "inference")  # fmt: skip
            yield partner, (label, kind, None, None, source, partner.value, None)


def cooperation_sources(raw: ox.Store, org_a: str, org_b: str) -> list[Row]:
    """The ``cooperation_sources`` answer for two organisations (each a name or an IRI, as
    in :func:`partners`) in the question's order."""
    store = _Store(raw)
    rows: set[Row] = set()
    for a in store.named(org_a):
        for b in store.named(org_b):
            if a != b and not isinstance(a, ox.Triple) and not isinstance(b, ox.Triple):
                rows.update(_sharing(store, a, b))
                rows.update(_stating(store, a, b))
    keys = ((0, False, str), (3, False, str), (4, False, str), (1, False, str),
            (2, False, str), (7, False, str), (5, False, str), (6, False, str))  # fmt: skip
    return ordered(list(rows), keys)


def _roles_in_documents(
    store: _Store, org: Subject, vias: Iterable[Subject] | None = None
) -> dict[Subject, list[tuple[str, ox.NamedNode]]]:
    """Each project or event ``org`` takes a role in (of ``vias`` only, if given: one
    look-up each) → (role, document graph) as each document says it."""
    found: dict[Subject, list[tuple[str, ox.NamedNode]]] = defaultdict(list)
    quads = (
        store.roles_of(org, None)
        if vias is None
        else (
            q
            for via in vias
            for q in store.raw.quads_for_pattern(via, None, org, None)
            if q.predicate in _ROLES
        )
    )
    for q in quads:
        graph = q.graph_name
        if isinstance(graph, ox.NamedNode) and store.sources_of(graph):
            found[q.subject].append((_local(q.predicate.value), graph))
    return found


def _fewer_roles(store: _Store, a: Subject, b: Subject) -> bool:
    """Whether ``a`` takes fewer roles than ``b`` (as stated in the union): both read in
    step until one ends, so the busier one is read only as far as the other goes."""
    ours, theirs = store.roles_of(a, _UNION), store.roles_of(b, _UNION)
    while True:
        if next(ours, None) is None:
            return True
        if next(theirs, None) is None:
            return False


def _sharing(
    store: _Store, a: ox.NamedNode | ox.BlankNode, b: ox.NamedNode | ox.BlankNode
) -> Iterator[Row]:
    """Each project or event both take a role in, once from each side's document, with
    that document's sentences naming that side. The side with fewer roles is read whole,
    the other only in the projects and events of those (an organisation of 20,000 roles
    and one of 2,000 share at most 2,000)."""
    if _fewer_roles(store, a, b):
        side_a = _roles_in_documents(store, a)
        side_b = _roles_in_documents(store, b, side_a)
    else:
        side_b = _roles_in_documents(store, b)
        side_a = _roles_in_documents(store, a, side_b)
    for via in side_a.keys() & side_b.keys():
        if isinstance(via, ox.Triple):
            continue
        labels = store.labels(via)
        for role_a, g1 in side_a[via]:
            for role_b, g2 in side_b[via]:
                for graph, who in ((g1, a), (g2, b)):
                    for source in store.sources_of(graph):
                        for sentence in _or_none(store.sentences(graph, who)):
                            for label in labels:
                                yield (label, role_a, role_b, source, sentence, a.value,
                                       b.value, via.value)  # fmt: skip


def _stating(
    store: _Store, a: ox.NamedNode | ox.BlankNode, b: ox.NamedNode | ox.BlankNode
) -> Iterator[Row]:
    """Each document that states ``a`` cooperates with ``b``, with the sentences that name
    both."""
    for q in store.raw.quads_for_pattern(a, _COOPERATES, b, None):
        graph = q.graph_name
        if not isinstance(graph, ox.NamedNode):
            continue
        both = set(store.sentences(graph, a)) & set(store.sentences(graph, b))
        for source in store.sources_of(graph):
            for sentence in _or_none(sorted(both)):
                yield ("stated cooperation", None, None, source, sentence, a.value, b.value, None)
