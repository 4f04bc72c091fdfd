"""The questions about given organisations (``partners``, ``cooperation_sources``)
answered by index look-ups in the embedded store.

Their SPARQL stays the reference (the tests hold both equal on the organisations of the
question fixtures and of the corpus). Oxigraph evaluates ``partners`` by joining every
document graph's roles against the pairs (the OPTIONAL that finds the documents saying
so), 4.8 s for an organisation of 11,000 rows at 10k projects; here each step is a
look-up by the terms the step before found: the organisation's roles, each project's or
event's, the graphs that hold each role, each graph's source and sentences. A store
whose summary keeps every organisation's ``partners`` rows answers from those
(:func:`partnergraph.graph.summary.partner_rows`); these look-ups answer for a store
that keeps none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import product

import pyoxigraph as ox

from partnergraph.ontology import PG, name_key

from .summary import PARTNERS_ORDER, PARTNERS_VARIABLES, Row, local_name, ordered

__all__ = [
    "PARTNERS_VARIABLES",
    "SOURCES_VARIABLES",
    "cooperation_sources",
    "named",
    "partners",
]

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
        self._role_counts: dict[Subject, int] = {}

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

    def role_count(self, org: Subject) -> int:
        """How many roles ``org`` takes (as stated in the union): counted by the store, no
        statement read out (once: a page asks it of its organisation for every partner)."""
        if org not in self._role_counts:
            found = self.raw.query(_ROLE_COUNT, substitutions={ox.Variable("org"): org})
            assert isinstance(found, ox.QuerySolutions)
            count = next((solution["n"] for solution in found), None)
            self._role_counts[org] = int(count.value) if isinstance(count, ox.Literal) else 0
        return self._role_counts[org]

    def roles_of(self, org: Subject) -> Iterator[ox.Quad]:
        """The statements of the roles ``org`` takes, as the union states them, role by role
        (not its mentions too, which an organisation of 25,000 roles has more of)."""
        for role in sorted(_ROLES, key=lambda r: r.value):
            yield from self.raw.quads_for_pattern(None, role, org, _UNION)

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


def named(raw: ox.Store, org: str) -> list[str]:
    """The IRIs of the organisations ``org`` names, as :func:`partners` finds them (a blank
    node as written in N-Triples)."""
    return [s.value if isinstance(s, ox.NamedNode) else str(s) for s in _Store(raw).named(org)]


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
        rows.extend(_partner_rows(store, partner, fields_of))
    return ordered(rows, PARTNERS_ORDER)


def _partner_rows(store: _Store, partner: Subject, fields_of: set[Row]) -> Iterator[Row]:
    """The rows of one partner: each of its names (None for a partner with none) and
    country codes with each link's fields."""
    called = _or_none(store.values(partner, _LABEL))
    countries = [c for c in store.objects(partner, _COUNTRY) if not isinstance(c, ox.Literal)]
    codes = _or_none(code for c in countries for code in store.values(c, _NOTATION))
    for n in called:
        yield from ((n, c, *fields) for c in codes for fields in fields_of)


def _shared(store: _Store, org: Subject) -> Iterator[tuple[Subject, Row]]:
    """Each partner in a project or event with ``org``, with what the question says of the
    link: the project's or event's label and kind, both roles, a source, both IRIs. Each
    project or event is read in one look-up: its statements in the union and in the
    documents' graphs."""
    own_roles: dict[ox.NamedNode | ox.BlankNode, list[ox.NamedNode]] = defaultdict(list)
    for quad in store.roles_of(org):
        if not isinstance(quad.subject, ox.Triple):
            own_roles[quad.subject].append(quad.predicate)
    for via, roles in own_roles.items():  # each project or event read once
        yield from _via_links(store, org, via, roles)


def _via_links(
    store: _Store, org: Subject, via: ox.NamedNode | ox.BlankNode, roles: list[ox.NamedNode]
) -> Iterator[tuple[Subject, Row]]:
    """Each partner of ``org`` in the project or event ``via``, where ``org`` takes
    ``roles``, with what the question says of the link."""
    union: dict[ox.NamedNode, list[Term]] = defaultdict(list)
    graphs: dict[tuple[ox.NamedNode, Term], list[ox.NamedNode]] = defaultdict(list)
    for q in store.raw.quads_for_pattern(via, None, None, None):
        if isinstance(q.graph_name, ox.DefaultGraph):
            union[q.predicate].append(q.object)
        elif q.predicate in _ROLES and isinstance(q.graph_name, ox.NamedNode):
            graphs[(q.predicate, q.object)].append(q.graph_name)
    labels = _called(_texts(union[_NUMBER]), _texts(union[_LABEL]))
    kinds = _or_none(local_name(t) for t in _texts(union[_TYPE]) if t.startswith(_PG))
    for theirs in _ROLES:
        for partner in union.get(theirs, ()):
            if partner == org or isinstance(partner, ox.Triple | ox.Literal):
                continue  # (a literal or triple is no organisation: the build writes none)
            found = graphs.get((theirs, partner), ())
            sources = [src for g in found for src in store.sources_of(g)]
            for own, source, label, kind in product(roles, _or_none(sources), labels, kinds):
                yield partner, (
                    label, kind, local_name(own.value), local_name(theirs.value), source,
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
    store: _Store, org: Subject, vias: Iterable[Subject]
) -> dict[Subject, list[tuple[str, ox.NamedNode]]]:
    """Each of the projects and events ``vias`` that ``org`` takes a role in (one look-up
    each) → (role, document graph) as each document says it."""
    found: dict[Subject, list[tuple[str, ox.NamedNode]]] = defaultdict(list)
    quads = (
        q
        for via in vias
        for q in store.raw.quads_for_pattern(via, None, org, None)
        if q.predicate in _ROLES
    )
    for q in quads:
        graph = q.graph_name
        if isinstance(graph, ox.NamedNode) and store.sources_of(graph):
            found[q.subject].append((local_name(q.predicate.value), graph))
    return found


_IN_ROLES = " ".join(f"<{role.value}>" for role in sorted(_ROLES, key=lambda r: r.value))
_ROLE_COUNT = (
    f"SELECT ?org (COUNT(*) AS ?n) WHERE {{ VALUES ?role {{ {_IN_ROLES} }} ?via ?role ?org }} "
    f"GROUP BY ?org"
)
_SHARED = (
    f"SELECT DISTINCT ?via ?first ?second WHERE {{ VALUES ?r1 {{ {_IN_ROLES} }} "
    f"VALUES ?r2 {{ {_IN_ROLES} }} ?via ?r1 ?first . ?via ?r2 ?second }}"
)


def _shared_vias(store: _Store, a: Subject, b: Subject) -> list[ox.NamedNode | ox.BlankNode]:
    """The projects and events both ``a`` and ``b`` take a role in (as stated in the union),
    joined by the store from the side with fewer roles (an organisation of 20,000 roles and
    one of 2,000 share at most 2,000)."""
    first, second = (a, b) if store.role_count(a) <= store.role_count(b) else (b, a)
    found = store.raw.query(
        _SHARED, substitutions={ox.Variable("first"): first, ox.Variable("second"): second}
    )
    assert isinstance(found, ox.QuerySolutions)
    vias = (solution["via"] for solution in found)
    return [v for v in vias if isinstance(v, ox.NamedNode | ox.BlankNode)]


def _sharing(
    store: _Store, a: ox.NamedNode | ox.BlankNode, b: ox.NamedNode | ox.BlankNode
) -> Iterator[Row]:
    """Each project or event both take a role in, once from each side's document, with
    that document's sentences naming that side (each side looked up in the projects and
    events the store finds both in)."""
    shared = _shared_vias(store, a, b)
    side_a = _roles_in_documents(store, a, shared)
    side_b = _roles_in_documents(store, b, shared)
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
