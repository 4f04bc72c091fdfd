"""Summaries a build keeps so listing questions read instead of recomputing.

The summary graph (:data:`~partnergraph.graph.store.graphs.SUMMARY`, out of the union and
of exports) holds the whole answer of each question in :data:`SUMMARISED` — the cooperating
pairs, the organisations, the projects, the events, each organisation's partner countries,
the repeat partners, the events of many countries, the donor links, the facts only news
state, the values sources disagree on — in the question's own order, as
numbered pages of rows (``pg:pageRows``: JSON) with the answer's size (``pg:rowCount``) and
its table of pages (``pg:pageTable``: each page's number and rows, in order), so a page is
one look-up and a build that brings a few rows in or out rewrites only the pages they are
on. The answers are computed from plain scans of the store, one
predicate at a time, joined in Python: no self-join of every role with every other, no
grouping over the whole graph (the tests hold each equal to its question's SPARQL answer).
Every build rewrites the summary; ``partnergraph summarise`` does on demand.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import heapq
import itertools
import json
import marshal
import operator
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG

from partnergraph.ontology import PG, SCHEMA, nt_line

from .store import GraphStore, QueryResult, Store, graphs
from .store.journal import Changes

__all__ = [
    "INDEXES",
    "PAGE_ROWS",
    "PARTNERS_ORDER",
    "PARTNERS_VARIABLES",
    "SUMMARISED",
    "Row",
    "compute",
    "is_summarised",
    "local_name",
    "ordered",
    "partner_rows",
    "read_rows",
    "row_count",
    "summarise",
]

Row = tuple[str | None, ...]

#: The columns of the ``partners`` question.
PARTNERS_VARIABLES = (
    "partner_name", "partner_country", "via_label", "via_kind", "org_role", "partner_role",
    "source", "partner", "via",
)  # fmt: skip

#: Rows per page of a summarised answer (a page is one literal, found by its number).
PAGE_ROWS = 1000
#: Pages written to the store in one load (a load has a cost of its own: 26 ms a page at
#: 100k projects when each was loaded alone; a few megabytes of text held at a time).
PAGES_A_WRITE = 32

_SEPARATOR = " | "  # the questions' GROUP_CONCAT separator
_PROJECT_ROLES = ("promoter", "partner", "donorPartner", "programmeOperator", "funder")
_EVENT_ROLES = ("participant", "host", "organiser")
_ROLES = (*_PROJECT_ROLES[:4], *_EVENT_ROLES, "funder")
_STATED = "stated cooperation"
_EVENT_TYPES = (
    ("StudyVisit", "study_visit"), ("Seminar", "seminar"), ("Conference", "conference"),
    ("Workshop", "workshop"), ("Meeting", "meeting"), ("Training", "training"),
    ("Competition", "competition"), ("Event", "other"),
)  # fmt: skip
_FLAGS = (
    ("hasDonorProjectPartner", "donor project partner"), ("hasEnded", "ended"),
    ("continuedCooperation", "cooperation continued"), ("improvedKnowledge", "improved knowledge"),
)  # fmt: skip
_LABEL, _NUMBER = str(SKOS.prefLabel), str(DCTERMS.identifier)
_COST_RANKS = {str(PG[k]): r for r, k in enumerate(
    ("FinalCost", "InitialCost", "GrantAmount", "PaidAmount"), start=1)}  # fmt: skip


Scan = Mapping[str, tuple[str, ...]]
#: The version of what :meth:`_Scans.export` keeps (a state of another is read again).
_STATE_VERSION = 2  # 2: each scan kept apart, restored when it is asked for
#: The version of what :class:`_Index` keeps.
_INDEX_VERSION = 4  # 4: each answer's table of pages (number, rows, digest)
#: What an answer is worked out of, by name: a predicate's IRI (its scan), ``"a <class>"``
#: (the things of a type), ``"graph <predicate>"`` (its statements in the named graphs).
Dep = str
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class _Scans:
    """The store's statements of one predicate at a time (subject → its objects), each read
    once: plain scans no server's planner refuses. Kept compactly (objects as tuples, each
    distinct text one string object): 100k projects' scans take a third of the memory sets
    of fresh strings took."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._read: dict[str, dict[str, tuple[str, ...]]] = {}
        self._looked: dict[str, _Looked] = {}
        self._looked_round: dict[str, _Looked] = {}
        #: kept scans not restored yet are looked up subject by subject (:class:`_Looked`)
        self.looking_up = False
        self._pairs: dict[tuple[str, str], list[tuple[str, ...]]] | None = None
        self._typed: dict[str, list[str]] = {}
        self._members: dict[str, set[str]] | None = None
        self._texts: dict[str, str] = {}
        self._per_graph: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        self._joined_labels: dict[tuple[str, ...], str | None] = {}
        self._pointing: dict[str, dict[str, list[str]]] = {}
        self._partners: dict[str, set[str]] = {}
        self._vias: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}
        self._kept: dict[str, bytes | memoryview] = {}  # restored, not asked for yet
        self._lost = 0  # kept scans that could not be restored (read from the store)
        self._pending: dict[str, list[Changes]] = {}  # the log's changes of each kept scan
        self.deps: set[str] | None = None  # what is read, while noted (:meth:`noting`)
        self.changed: set[str] | None = None  # restored: what the changes applied changed
        self.moved: list[tuple[str, str, str]] = []  # and the union's triples they changed
        self.moved_graphs: list[tuple[str, str, str, str]] = []  # and the graphs' statements
        self.log: list[Changes] = []  # restored: the kept log of changes they took

    def noting(self) -> set[str]:
        """Note from now on what the scans are asked for (:data:`Dep` names), into the set
        returned (a new one each call)."""
        self.deps = set()
        return self.deps

    def note(self, *names: str) -> None:
        """Note that what is being worked out depends on ``names`` (:data:`Dep`)."""
        if self.deps is not None:
            self.deps.update(names)

    def rows(self, sparql: str) -> Iterator[tuple[str, ...]]:
        """A scan's rows, every value bound, each text shared with the scans before."""
        one = self._texts.setdefault
        for row in self._store.select_text(sparql):
            if all(row):
                yield tuple(one(value, value) for value in row)

    def __call__(self, predicate: str) -> Scan:
        if self.deps is not None:
            self.deps.add(predicate)
        if predicate in self._read:
            return self._read[predicate]
        if self.looking_up and f"read {predicate}" in self._kept:
            looked = self._looked.get(predicate)
            if looked is None:
                looked = self._looked[predicate] = _Looked(self, predicate)
            return looked
        return self.whole(predicate)

    def look_up(self, predicate: str, key: str, *, turned: bool = False) -> tuple[str, ...]:
        """The objects of ``key`` by ``predicate`` (``turned``: the subjects that point at
        it), looked up in the store now, in the form the scans read them."""
        store, one = self._store, self._texts.setdefault
        found = None
        if isinstance(store, Store):
            if turned:
                found = store.look_up_text(predicate, obj=key)
            else:
                found = store.look_up_text(predicate, subject=key)
        if found is None:
            if turned:
                sparql = f"SELECT ?s WHERE {{ ?s <{predicate}> <{key}> }}"
            else:
                sparql = f"SELECT ?o WHERE {{ <{key}> <{predicate}> ?o }}"
            found = [v for (v,) in self.rows(sparql)]
        return tuple(dict.fromkeys(one(v, v) for v in found))

    def whole(self, predicate: str) -> dict[str, tuple[str, ...]]:
        """The scan of ``predicate``, whole: restored if kept, else read."""
        if self.deps is not None:
            self.deps.add(predicate)
        if predicate not in self._read and not self._take(f"read {predicate}"):
            found: dict[str, list[str]] = defaultdict(list)
            for s, o in self.rows(f"SELECT ?s ?o WHERE {{ ?s <{predicate}> ?o }}"):
                found[s].append(o)
            # (each once: a store from before the union is read as a bag)
            self._read[predicate] = {s: tuple(dict.fromkeys(os)) for s, os in found.items()}
        return self._read[predicate]

    def typed(self, cls: str) -> list[str]:
        """The subjects of type ``cls``, sorted (read once)."""
        self.note(f"a {cls}")
        if cls not in self._typed and not self._take(f"typed {cls}"):
            rows = self.rows(f"SELECT ?s WHERE {{ ?s a <{cls}> }}")
            self._typed[cls] = sorted({s for (s,) in rows})
        return self._typed[cls]

    def labels(self, subject: str, via: Scan | None = None) -> set[str]:
        """The preferred labels of ``subject`` (or of what it points at: ``via``, a scan)."""
        label = self(_LABEL)
        if via is None:
            return set(label.get(subject, ()))
        return {text for o in via.get(subject, ()) for text in label.get(o, ())}

    def joined_labels(self, subject: str, via: Scan) -> str | None:
        """:func:`_joined` of the labels of what ``subject`` points at by ``via``; worked out
        once for each set of things pointed at (an organisation that organises thousands of
        events is named once)."""
        objects = via.get(subject)
        if not objects:
            return None
        self.note(_LABEL)
        done = self._joined_labels
        if objects not in done:
            label = self(_LABEL)
            done[objects] = _joined(text for o in objects for text in label.get(o, ()))
        return done[objects]

    def per_graph(self, predicates: Iterable[str]) -> set[tuple[str, ...]]:
        """``(graph, subject, predicate, object)`` of these predicates in the named graphs
        (read once)."""
        key = tuple(predicates)
        self.note(*(f"graph {p}" for p in key))
        if key not in self._per_graph and not self._take(f"per_graph {' '.join(key)}"):
            values = " ".join(f"<{p}>" for p in key)
            self._per_graph[key] = set(
                self.rows(
                    f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} "
                    f"GRAPH ?g {{ ?s ?p ?o }} }}"
                )
            )
        return self._per_graph[key]

    def stating(
        self, triples: set[tuple[str, str, str]], predicates: Sequence[str], most: int = 1
    ) -> set[tuple[str, ...]]:
        """``(graph, subject, predicate, object)`` of ``triples`` (of ``predicates``) in
        the named graphs: looked up in the store when they are few (``most`` times
        :data:`LOOK_UPS`) and named by IRIs (a look-up each is far less than the scan of
        every graph's statements)."""
        if len(triples) > most * LOOK_UPS or not all(map(_named, (t for x in triples for t in x))):
            return {row for row in self.per_graph(predicates) if row[1:] in triples}
        self.note(*(f"graph {p}" for p in predicates))
        found: set[tuple[str, ...]] = set()
        for s, p, o in sorted(triples):
            for (g,) in self.rows(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{s}> <{p}> <{o}> }} }}"):
                found.add((g, s, p, o))
        return found

    def told_of(
        self, graphs: set[str], things: set[str], predicates: Sequence[str]
    ) -> set[tuple[str, ...]]:
        """``(graph, subject, predicate, object)`` of ``predicates`` in the named graphs that
        are in ``graphs`` or whose subject or object is one of ``things`` (looked up in the
        store when they are few and named by IRIs)."""
        if not graphs and not things:
            return set()
        if len(graphs) + len(things) > LOOK_UPS or not all(map(_named, graphs | things)):
            return {
                row
                for row in self.per_graph(predicates)
                if row[0] in graphs or row[1] in things or row[3] in things
            }
        self.note(*(f"graph {p}" for p in predicates))
        which = " ".join(f"<{p}>" for p in predicates)
        found: set[tuple[str, ...]] = set()
        for g in sorted(graphs):
            rows = self.rows(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {which} }} GRAPH <{g}> "
                             f"{{ ?s ?p ?o }} }}")  # fmt: skip
            found.update((g, s, p, o) for s, p, o in rows)
        for x in sorted(things):
            rows = self.rows(f"SELECT ?g ?p ?o WHERE {{ VALUES ?p {{ {which} }} GRAPH ?g "
                             f"{{ <{x}> ?p ?o }} }}")  # fmt: skip
            found.update((g, x, p, o) for g, p, o in rows)
            rows = self.rows(f"SELECT ?g ?s ?p WHERE {{ VALUES ?p {{ {which} }} GRAPH ?g "
                             f"{{ ?s ?p <{x}> }} }}")  # fmt: skip
            found.update((g, s, p, x) for g, s, p in rows)
        return found

    def export(self) -> Iterator[bytes | memoryview]:
        """What was read, to bring up to date after the next writes instead of reading it
        again (:meth:`restored`): each scan apart, so a build restores only those it asks
        for (a scan restored and never asked for is kept as it was)."""
        for name in list(self._pending):
            self._take(name)
        parts: dict[str, Any] = dict(self._kept)
        parts.update((f"read {p}", scan) for p, scan in self._read.items())
        parts.update((f"typed {c}", found) for c, found in self._typed.items())
        parts.update((f"per_graph {' '.join(key)}", rows) for key, rows in self._per_graph.items())
        # the parts one after another (each made as it is written: at 100k projects they
        # are 300 MB), then a table of where each lies and the table's length: a part is
        # read where it lies
        table, at = {}, 0
        for name, part in parts.items():
            data = part if isinstance(part, (bytes, memoryview)) else marshal.dumps(part)
            yield data
            table[name] = (at, len(data))
            at += len(data)
        tail = marshal.dumps({"version": _STATE_VERSION, "parts": table})
        yield tail + len(tail).to_bytes(8, "little")

    def _take(self, name: str) -> bool:
        """Restore the kept scan ``name`` (``"read <predicate>"``, a dict; ``"typed
        <class>"``, a list; ``"per_graph <predicates>"``, a set) if it is kept; False if it
        is not, or is not what it should be (then it is read from the store, and the scans
        are kept whole again)."""
        data = self._kept.pop(name, None)
        if data is None:
            return False
        what, _, rest = name.partition(" ")
        try:
            value = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            value = None
        if not isinstance(value, {"read": dict, "typed": list}.get(what, set)):
            self._lost += 1
            return False
        if what == "read":
            self._read[rest] = value
        elif what == "typed":
            self._typed[rest] = value
        else:
            self._per_graph[tuple(rest.split(" "))] = value
        # the changes the kept log holds for it (what they moved was told when they were
        # made: the build's own changes are told apart)
        moved, moved_graphs = len(self.moved), len(self.moved_graphs)
        for logged in self._pending.pop(name, ()):
            self._apply(logged, name)
        del self.moved[moved:], self.moved_graphs[moved_graphs:]
        return True

    def _names(self) -> tuple[set[str], set[str], set[tuple[str, ...]]]:
        """The predicates, classes and per-graph keys of the scans, restored or kept."""
        read, typed, per_graph = set(self._read), set(self._typed), set(self._per_graph)
        for name in self._kept:
            what, _, rest = name.partition(" ")
            if what == "read":
                read.add(rest)
            elif what == "typed":
                typed.add(rest)
            else:
                per_graph.add(tuple(rest.split(" ")))
        return read, typed, per_graph

    def held(self) -> frozenset[str]:
        """What the scans hold, as :data:`Dep` names."""
        read, typed, per_graph = self._names()
        names = {*read, *(f"a {cls}" for cls in typed)}
        names.update(f"graph {p}" for key in per_graph for p in key)
        return frozenset(names)

    def reads(self) -> tuple[object, ...]:
        """Which scans these are (a scan read since they were restored is not in the log of
        changes, nor one that could not be restored: the scans are kept whole again)."""
        read, typed, per_graph = self._names()
        return frozenset(read), frozenset(typed), frozenset(per_graph), self._lost

    @classmethod
    def restored(
        cls,
        store: GraphStore,
        data: bytes | memoryview,
        changes: Changes,
        log: Sequence[Changes] = (),
    ) -> _Scans | None:
        """The scans :meth:`export` kept, with the triples the ``log`` of builds since and
        then ``changes`` say were written or removed; None when ``data`` is no state this
        version kept. Only the lists of things of a type those triples touch are restored
        now; the scans of predicates and the graphs' statements, when they are asked for
        (a changed partner touched the scan of every name: restoring it took 0.5 s at 100k
        projects) — what the changes moved in them is told from the changes themselves."""
        parts = _parts(data)
        if parts is None:
            return None
        scans = cls(store)
        scans._kept, scans.log = parts, list(log)
        for logged in log:  # each kept scan takes the log's changes when it is restored
            for name, changed in _by_part(logged, parts).items():
                scans._pending.setdefault(name, []).append(changed)
        try:
            for name, changed in _by_part(changes, parts).items():
                if name.startswith(("per_graph ", "read ")):
                    # they take the build's changes when they are asked for
                    scans._pending.setdefault(name, []).append(changed)
                elif not scans._take(name):  # the lists of things of a type: now
                    return None  # not what this version keeps: read again
            scans.moved, scans.moved_graphs = [], []
            scans.changed = scans._apply(changes)
            scans.changed |= scans._moved_in_kept(changes)
        except (AttributeError, TypeError, ValueError):
            return None  # not what this version keeps: read again
        return scans

    def _moved_in_kept(self, changes: Changes) -> set[str]:
        """What ``changes`` moved in the kept scans of predicates not restored (into
        :attr:`moved`), as :data:`Dep` names: a triple the union holds now that no graph
        whose statements changed held before, or one it no longer holds that such a graph
        did. Told without the scan, so it may be a triple the union held all along (another
        graph held it): its rows are then made again, as they were — never one missed."""
        held_before = {(s, p, o) for _g, s, p, o, there in changes.graphs if not there}
        changed: set[str] = set()
        for s, p, o, there in changes.union:
            if not (s and p and o) or p in self._read or f"read {p}" not in self._kept:
                continue
            if there != ((s, p, o) in held_before):
                changed.add(p)
                self.moved.append((s, p, o))
        return changed

    def holds(self, index: _Index) -> bool:
        """Whether these (kept) scans hold every scan the kept answers were worked from."""
        for deps in index.deps.values():
            for name in deps:
                kind, _, what = name.partition(" ")
                if not what and not (name in self._read or f"read {name}" in self._kept):
                    return False
                if kind == "a" and not (what in self._typed or f"typed {what}" in self._kept):
                    return False
        return True

    def _apply(self, changes: Changes, only: str | None = None) -> set[str]:
        """Each changed triple in or out of the scans that read its predicate (as
        :meth:`rows` reads: a row with an empty value is none), or of the scan ``only``
        names; what changed, as :data:`Dep` names."""
        one = self._texts.setdefault
        changed: set[str] = set()
        for s, p, o, there in changes.union:
            if not (s and p and o):
                continue
            s, o = one(s, s), one(o, o)
            if p in self._read and only in (None, f"read {p}"):
                read = self._read[p]
                objects = read.get(s, ())
                if there and o not in objects:
                    read[s] = (*objects, o)
                    changed.add(p)
                    self.moved.append((s, p, o))
                elif not there and o in objects:
                    rest = tuple(x for x in objects if x != o)
                    if rest:
                        read[s] = rest
                    else:
                        del read[s]
                    changed.add(p)
                    self.moved.append((s, p, o))
            if p == _TYPE and o in self._typed and only in (None, f"typed {o}"):
                typed = self._typed[o]
                at = bisect.bisect_left(typed, s)
                present = at < len(typed) and typed[at] == s
                if there and not present:
                    typed.insert(at, s)
                elif not there and present:
                    del typed[at]
                if there != present:
                    changed.add(f"a {o}")
                    self.moved.append((s, p, o))
        # a graph's statement in or out (the journal tells only those) changes what the
        # questions that read the graphs themselves see
        changed.update(f"graph {c[2]}" for c in changes.graphs)
        self.moved_graphs.extend(c[:4] for c in changes.graphs if all(c[:4]))
        for key, rows in self._per_graph.items():
            if only not in (None, f"per_graph {' '.join(key)}"):
                continue
            wanted = set(key)
            touched = [c for c in changes.graphs if c[2] in wanted and all(c[:4])]
            if not touched:
                continue
            if not isinstance(rows, set):  # (kept as a list by the version before)
                rows = self._per_graph[key] = set(rows)
            for g, s, p, o, there in touched:
                row = (one(g, g), one(s, s), p, one(o, o))
                if there:
                    rows.add(row)
                else:
                    rows.discard(row)
        return changed

    def pairs(self) -> dict[tuple[str, str], list[tuple[str, ...]]]:
        """Each cooperating pair ``a < b`` → what links them, once per link: the number of
        each project and event both take a role in (else its names), and "stated
        cooperation" if one states it (computed once: the organisations count the pairs)."""
        self.note(_NUMBER, _LABEL, str(PG.cooperatesWith), *(str(PG[r]) for r in _ROLES))
        if self._pairs is None:
            self._pairs = defaultdict(list)
            numbers = self(_NUMBER)
            for via, orgs in self.members().items():
                label = numbers.get(via) or tuple(self.labels(via)) or (via,)
                in_order = sorted(orgs)
                for i, a in enumerate(in_order):
                    for b in in_order[i + 1 :]:
                        self._pairs[(a, b)].append(label)
            for a, others in self(str(PG.cooperatesWith)).items():
                for b in others:
                    if a < b:
                        self._pairs[(a, b)].append((_STATED,))
        return self._pairs

    def pointing(self, predicate: str) -> Mapping[str, Sequence[str]]:
        """The scan of ``predicate`` turned round: each object → the subjects that point at
        it (made once; while looking up, a kept scan not restored is looked up object by
        object: :class:`_Looked`)."""
        self.note(predicate)
        if (
            self.looking_up
            and predicate in _THING_VALUED
            and predicate not in self._pointing
            and predicate not in self._read
            and f"read {predicate}" in self._kept
        ):
            looked = self._looked_round.get(predicate)
            if looked is None:
                looked = self._looked_round[predicate] = _Looked(self, predicate, turned=True)
            return looked
        return self.turned(predicate)

    def turned(self, predicate: str) -> dict[str, list[str]]:
        """:meth:`pointing`, made whole."""
        if predicate not in self._pointing:
            found: dict[str, list[str]] = defaultdict(list)
            for s, objects in self.whole(predicate).items():
                for o in objects:
                    found[o].append(s)
            self._pointing[predicate] = found
        return self._pointing[predicate]

    def members_of(self, via: str, roles: Sequence[str] = _ROLES) -> set[str]:
        """The organisations that take one of ``roles`` in the project or event ``via``."""
        return {org for role in roles for org in self(str(PG[role])).get(via, ())}

    def partners_of(self, org: str) -> set[str]:
        """The organisations that take a role in a project or event ``org`` takes one in
        (``org`` too, if it takes any); worked out once an organisation (one in thousands
        of projects is asked for by several answers)."""
        if org not in self._partners:
            vias = self.vias_of(org)
            found: set[str] = set()
            for role in _ROLES:
                # (more than a few: the scan whole, not looked up via by via)
                scan = self.whole(str(PG[role])) if len(vias) > LOOK_UPS else self(str(PG[role]))
                for via in vias:
                    found.update(scan.get(via, ()))
            self._partners[org] = found
        return self._partners[org]

    def vias_of(self, org: str, roles: Sequence[str] = _ROLES) -> frozenset[str]:
        """The projects and events ``org`` takes one of ``roles`` in (worked out once an
        organisation: an organisation in thousands of them is asked for by several answers,
        and each time cost a look-up in the store)."""
        predicates = tuple(str(PG[role]) for role in roles)
        self.note(*predicates)
        found = self._vias.get((org, predicates))
        if found is None:
            parts: list[frozenset[str]] = []
            for predicate in predicates:
                part = self._vias.get((org, (predicate,)))
                if part is None:
                    part = frozenset(self.pointing(predicate).get(org, ()))
                    self._vias[(org, (predicate,))] = part
                parts.append(part)
            found = self._vias[(org, predicates)] = frozenset().union(*parts)
        return found

    def members(self) -> dict[str, set[str]]:
        """Each project or event → the organisations that take any role in it (joined
        once: the pairs and the partner countries both read it)."""
        self.note(*(str(PG[role]) for role in _ROLES))
        if self._members is None:
            self._members = defaultdict(set)
            for role in _ROLES:
                for via, orgs in self.whole(str(PG[role])).items():
                    self._members[via].update(orgs)
        return self._members


#: The most things looked up in the store one query each before a scan is read instead.
LOOK_UPS = 200
#: The most values a scan's look-ups read before it is restored whole instead (the projects
#: of an organisation in thousands of them are better found in the scan turned round).
LOOK_UP_VALUES = 2_000
#: The predicates whose objects are things (IRIs), never text: only their scans turned
#: round are looked up object by object (a scan's text does not tell a literal that
#: looks like an IRI from the IRI: a source's path).
_THING_VALUED = frozenset(
    str(PG[p]) for p in (*_PROJECT_ROLES, *_EVENT_ROLES, "cooperatesWith", "orgType", "country")
)


class _Looked(Mapping[str, tuple[str, ...]]):
    """A kept scan not restored, looked up in the store subject by subject while few are
    asked for (the rows of one changed project ask for a few dozen; restoring the scan of
    every name took 0.4 s at 100k projects); restored whole past :data:`LOOK_UPS`
    subjects, or when it is gone through whole. The store is the kept scan brought up to
    date: a subject's objects are the same, in the form the scans read them. ``turned``:
    the scan turned round (:meth:`_Scans.pointing`), looked up object by object."""

    def __init__(self, scans: _Scans, predicate: str, *, turned: bool = False) -> None:
        self._scans, self._predicate, self._turned = scans, predicate, turned
        self._found: dict[str, tuple[str, ...]] = {}
        self._values = 0  # the values looked up so far
        self._whole: Mapping[str, Sequence[str]] | None = None

    def _all(self) -> Mapping[str, Sequence[str]]:
        if self._whole is None:
            scans, predicate = self._scans, self._predicate
            self._whole = scans.turned(predicate) if self._turned else scans.whole(predicate)
        return self._whole

    def _objects(self, key: str) -> tuple[str, ...]:
        if self._whole is not None:
            return tuple(self._whole.get(key, ()))
        found = self._found.get(key)
        if found is not None:
            return found
        if len(self._found) >= LOOK_UPS or self._values >= LOOK_UP_VALUES or not _named(key):
            return tuple(self._all().get(key, ()))
        found = self._found[key] = self._scans.look_up(self._predicate, key, turned=self._turned)
        self._values += len(found)
        return found

    def __getitem__(self, subject: str) -> tuple[str, ...]:
        found = self._objects(subject)
        if not found:
            raise KeyError(subject)
        return found

    def get(self, subject: str, default: Any = None) -> Any:  # (one look-up, not two)
        return self._objects(subject) or default

    def __contains__(self, subject: object) -> bool:
        return isinstance(subject, str) and bool(self._objects(subject))

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _named(term: str) -> bool:
    """Whether a term of the scans is an IRI a query can name as it is."""
    return ":" in term and not term.startswith("_:") and not any(c in term for c in '<> "{}|^`\\')


def _by_part(changes: Changes, parts: Iterable[str]) -> dict[str, Changes]:
    """Of ``changes``, those each of the kept scans ``parts`` (by name) takes, by name (the
    scans they touch none of are left out)."""
    union: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
    for change in changes.union:
        union[f"read {change[1]}"].append(change)
        if change[1] == _TYPE:
            union[f"typed {change[2]}"].append(change)
    per_graph = {name: set(name.split(" ")[1:]) for name in parts if name.startswith("per_graph ")}
    statements: dict[str, list[tuple[str, str, str, str, bool]]] = defaultdict(list)
    for stated in changes.graphs:
        for name, predicates in per_graph.items():
            if stated[2] in predicates:
                statements[name].append(stated)
    names = [name for name in parts if name in union or name in statements]
    return {name: Changes(tuple(union[name]), tuple(statements[name])) for name in names}


def _parts(data: bytes | memoryview) -> dict[str, bytes | memoryview] | None:
    """The parts of a state :meth:`_Scans.export` kept, by name, each where it lies in
    ``data``; None when ``data`` is no state this version kept."""
    view = memoryview(data)
    size = int.from_bytes(view[-8:], "little") if len(view) >= 8 else -1
    if not 0 < size <= len(view) - 8:
        return None
    try:
        kept = marshal.loads(view[-8 - size : -8])
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(kept, dict) or kept.get("version") != _STATE_VERSION:
        return None
    table, end = kept.get("parts"), len(view) - 8 - size
    if not isinstance(table, dict):
        return None
    parts: dict[str, bytes | memoryview] = {}
    for name, where in table.items():
        if not (isinstance(name, str) and isinstance(where, tuple) and len(where) == 2):
            return None
        at, length = where
        if not (isinstance(at, int) and isinstance(length, int)):
            return None
        if at < 0 or length < 0 or at + length > end:
            return None
        parts[name] = view[at : at + length]
    return parts


def _first(values: Iterable[str]) -> str | None:
    """The questions' MIN: the least value, None for none."""
    return min(values, default=None)


def _joined(values: Iterable[str]) -> str | None:
    """The questions' GROUP_CONCAT of distinct values (sorted, as ``tidy`` leaves them);
    None for none."""
    return _SEPARATOR.join(sorted(set(values))) or None


def _number(value: str) -> Decimal:
    """A cost as a number to order by (one that is none counts as 0)."""
    try:
        return Decimal(value)
    except InvalidOperation:
        return Decimal(0)


_Key = tuple[int, bool, Callable[[str], object]]


def local_name(iri: str) -> str:
    """What follows the ``#`` of an ontology term's IRI (a role's, a class's name)."""
    return iri.partition("#")[2]


@functools.total_ordering
class _Unbound:
    """What an unbound value sorts as: before any text."""

    def __eq__(self, other: object) -> bool:
        return other is self

    def __lt__(self, other: object) -> bool:
        return other is not self

    def __hash__(self) -> int:
        return 0


_UNBOUND = _Unbound()


def _text(value: object) -> object:
    return value if value.__class__ is str else _UNBOUND if value is None else str(value)


def ordered(rows: list[Row], keys: Sequence[_Key]) -> list[Row]:
    """Rows in SPARQL's ORDER BY order: for each ``(column, descending, as)`` an unbound
    value comes before any other (after, descending). One sort by all the keys at once
    when the descending ones are numbers (negated); else one stable sort a key, last key
    first."""
    if all(convert is str and not descending for _c, descending, convert in keys):
        columns = [column for column, _d, _c in keys]

        def as_text(row: Row) -> tuple[object, ...]:
            # (the values themselves, an unbound one as a value before any text: a key of
            # pairs of a flag and a value took 780 bytes a row of ten columns)
            return tuple([_text(row[column]) for column in columns])

        return sorted(rows, key=as_text)
    if not any(descending and convert is str for _c, descending, convert in keys):

        def at_once(row: Row) -> tuple[tuple[bool, Any], ...]:
            out = []
            for column, descending, convert in keys:
                value = row[column]
                if descending:
                    out.append((True, 0) if value is None else (False, -convert(value)))  # type: ignore[operator]
                else:
                    out.append((False, 0) if value is None else (True, convert(value)))
            return tuple(out)

        return sorted(rows, key=at_once)
    out = list(rows)
    for column, descending, convert in reversed(keys):

        def key(row: Row, c: int = column, f: Callable[[str], object] = convert) -> Any:
            value = row[c]
            return (False, 0) if value is None else (True, f(value))

        out.sort(key=key, reverse=descending)
    return out


def _countries_of(scans: _Scans) -> Callable[[str], frozenset[str]]:
    """An organisation → the notations of its countries (each organisation's worked out
    once: the donor links ask for them project by project, 200,000 times at 100k
    projects)."""
    notation, country = scans(str(SKOS.notation)), scans(str(PG.country))
    known: dict[str, frozenset[str]] = {}

    def countries(org: str) -> frozenset[str]:
        found = known.get(org)
        if found is None:
            codes = (code for c in country.get(org, ()) for code in notation.get(c, ()))
            found = known[org] = frozenset(codes)
        return found

    return countries


_PAIR_ORDER: tuple[_Key, ...] = ((2, True, int), (0, False, str), (1, False, str))


def _pairs(scans: _Scans) -> list[Row]:
    """``cooperation_pairs``: every pair ``a < b`` with its weight — the projects and events
    both take a role in, plus one if they are stated to cooperate — and what links them (a
    project or event by its number, else its names); heaviest first."""
    rows = [_pair_row(a, b, links) for (a, b), links in scans.pairs().items()]
    return ordered(rows, _PAIR_ORDER)


def _pair_row(a: str, b: str, links: Sequence[tuple[str, ...]]) -> Row:
    return (a, b, str(len(links)), _joined(text for link in links for text in link))


def _pair_rows(scans: _Scans, keys: Iterable[tuple[str, str]]) -> list[Row]:
    """The rows of the pairs ``keys`` (``a < b``) that cooperate, as :meth:`_Scans.pairs`
    links them."""
    numbers, stated = scans(_NUMBER), scans(str(PG.cooperatesWith))
    rows: list[Row] = []
    for a, b in keys:
        links = [
            numbers.get(via) or tuple(scans.labels(via)) or (via,)
            for via in scans.vias_of(a) & scans.vias_of(b)
        ]
        if b in stated.get(a, ()):
            links.append((_STATED,))
        if links:
            rows.append(_pair_row(a, b, links))
    return rows


def _pairs_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> set[Any]:
    """The pairs changed triples reach: of an organisation whose role in a project or event
    changed with each other organisation there (before and after), of a stated
    cooperation, and every pair of a project or event whose number or name changed."""
    keys: set[tuple[str, str]] = set()
    named: set[str] = set()
    for via, orgs in _role_changes(moved, _ROLES).items():
        keys.update(_pairs_with(orgs, scans.members_of(via) | orgs))
    for s, p, o in moved:
        if p == str(PG.cooperatesWith) and s != o:
            keys.add((min(s, o), max(s, o)))
        elif p in (_LABEL, _NUMBER):
            named.add(s)
    for via in named:
        members = scans.members_of(via)
        keys.update(_pairs_with(members, members))
    return keys


def _role_changes(
    moved: Sequence[tuple[str, str, str]], roles: Sequence[str]
) -> dict[str, set[str]]:
    """Each project or event whose ``roles`` changed → the organisations they changed for."""
    iris = {str(PG[role]) for role in roles}
    changed: dict[str, set[str]] = defaultdict(set)
    for s, p, o in moved:
        if p in iris:
            changed[s].add(o)
    return changed


def _pairs_with(some: Iterable[str], others: set[str]) -> Iterator[tuple[str, str]]:
    """Each pair ``a < b`` of one of ``some`` with another of ``others``."""
    for a in some:
        for b in others:
            if a != b:
                yield (a, b) if a < b else (b, a)


_ORGANISATION_ORDER: tuple[_Key, ...] = ((6, True, int), (0, False, str), (7, False, str))


def _organisations(scans: _Scans) -> list[Row]:
    """``organisations``: each with a name, its country, type, aliases and how many
    projects, events and partners it has; most partners first."""
    projects: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    for roles, into in ((_PROJECT_ROLES, projects), (_EVENT_ROLES, events)):
        for role in roles:
            for via, orgs in scans(str(PG[role])).items():
                for org in orgs:
                    into[org].add(via)
    partners: dict[str, int] = defaultdict(int)
    for a, b in scans.pairs():
        partners[a] += 1
        partners[b] += 1
    row = _organisation_row(scans)
    rows = [
        row(org, len(projects[org]), len(events[org]), partners[org])
        for org in scans.typed(str(ORG.Organization))
    ]
    return ordered([r for r in rows if r is not None], _ORGANISATION_ORDER)


def _organisation_row(scans: _Scans) -> Callable[[str, int, int, int], Row | None]:
    """An organisation's row, given its counts of projects, events and partners (none for
    one without a name)."""
    countries_of = _countries_of(scans)
    aliases, org_type = scans(str(SKOS.altLabel)), scans(str(PG.orgType))

    def row(org: str, projects: int, events: int, partners: int) -> Row | None:
        names = scans.labels(org)
        if not names:
            return None
        return (
            min(names), _first(countries_of(org)), _first(scans.labels(org, org_type)),
            _joined(aliases.get(org, ())), str(projects), str(events), str(partners), org,
        )  # fmt: skip

    return row


def _organisation_rows(scans: _Scans, keys: Iterable[str]) -> list[Row]:
    """The rows of the organisations ``keys`` (their partners as the pairs count them)."""
    row = _organisation_row(scans)
    stated, stated_by = scans(str(PG.cooperatesWith)), scans.pointing(str(PG.cooperatesWith))
    rows = []
    for org in _typed_of(scans, str(ORG.Organization), sorted(keys)):
        partners = set(scans.partners_of(org))
        partners.update(b for b in stated.get(org, ()) if org < b)
        partners.update(a for a in stated_by.get(org, ()) if a < org)
        partners.discard(org)
        found = row(org, len(scans.vias_of(org, _PROJECT_ROLES)),
                    len(scans.vias_of(org, _EVENT_ROLES)), len(partners))  # fmt: skip
        if found is not None:
            rows.append(found)
    return rows


def _organisations_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> set[Any]:
    """The organisations changed triples reach: their own (type, names, country, type of
    organisation), a role's (the organisation and everyone in that project or event: their
    partners), a stated cooperation's two, and those a changed country code or type name
    is of."""
    own_predicates = {_LABEL, str(PG.country), str(PG.orgType), str(SKOS.altLabel)}
    keys: set[str] = set()
    own: set[str] = set()
    for via, orgs in _role_changes(moved, _ROLES).items():
        keys |= orgs | scans.members_of(via)
    for s, p, o in moved:
        if p == _TYPE and o == str(ORG.Organization):
            keys.add(s)
        elif p in own_predicates:
            own.add(s)
        if p == str(PG.cooperatesWith):
            keys.update((s, o))
        elif p == _LABEL:
            keys.update(scans.pointing(str(PG.orgType)).get(s, ()))
        elif p == str(SKOS.notation):
            keys.update(scans.pointing(str(PG.country)).get(s, ()))
    return keys.union(_typed_of(scans, str(ORG.Organization), own))


_PARTNER_COUNTRY_ORDER: tuple[_Key, ...] = ((2, True, int), (0, False, str), (4, False, str))


def _partner_countries(scans: _Scans) -> list[Row]:
    """``partner_countries``: each organisation with partners of a known country, those
    countries and how many; most countries first."""
    partners: dict[str, set[str]] = defaultdict(set)
    for orgs in scans.members().values():
        for org in orgs:
            partners[org] |= orgs - {org}
    for org, others in scans(str(PG.cooperatesWith)).items():
        partners[org].update(o for o in others if o != org)
    row = _partner_country_row(scans)
    rows = [row(org, partners[org]) for org in sorted(partners)]
    return ordered([r for r in rows if r is not None], _PARTNER_COUNTRY_ORDER)


def _partner_country_row(scans: _Scans) -> Callable[[str, set[str]], Row | None]:
    """An organisation's row, given its partners (none if no partner's country is known)."""
    countries = _countries_of(scans)

    def row(org: str, partners: set[str]) -> Row | None:
        found = {code for other in partners for code in countries(other)}
        if not found:
            return None
        return (
            _first(scans.labels(org)), _first(countries(org)), str(len(found)), _joined(found),
            org,
        )  # fmt: skip

    return row


def _partner_country_rows(scans: _Scans, keys: Iterable[str]) -> list[Row]:
    """The rows of the organisations ``keys``."""
    row, stated = _partner_country_row(scans), scans(str(PG.cooperatesWith))
    rows = []
    for org in sorted(keys):
        partners = set(scans.partners_of(org))
        partners.update(stated.get(org, ()))
        partners.discard(org)
        found = row(org, partners)
        if found is not None:
            rows.append(found)
    return rows


def _partner_countries_reached(
    scans: _Scans, moved: Sequence[tuple[str, str, str]]
) -> set[Any] | None:
    """The organisations changed triples reach: a role's (the organisation and everyone in
    that project or event), whoever states a cooperation, a renamed organisation, one
    whose country changed and all who count it a partner; a changed country code reaches
    too many to tell (None)."""
    keys: set[str] = set()
    for via, orgs in _role_changes(moved, _ROLES).items():
        keys |= orgs | scans.members_of(via)
    stated_by = scans.pointing(str(PG.cooperatesWith))
    for s, p, _o in moved:
        if p == str(SKOS.notation):
            return None
        if p in (str(PG.cooperatesWith), _LABEL):
            keys.add(s)
        elif p == str(PG.country):
            keys.add(s)
            keys.update(scans.partners_of(s))
            keys.update(stated_by.get(s, ()))
    return keys


_REPEAT_ORDER: tuple[_Key, ...] = (
    (2, True, int), (0, False, str), (1, False, str), (4, False, str), (5, False, str),
)  # fmt: skip


def _repeat_partners(scans: _Scans) -> list[Row]:
    """``repeat_partners``: pairs ``a < b`` that share two projects or more (as promoter,
    partner, donor partner, programme operator or funder), with those projects."""
    projects = set(scans.typed(str(PG.Project)))
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    members: dict[str, set[str]] = defaultdict(set)
    for role in _PROJECT_ROLES:
        for via, orgs in scans(str(PG[role])).items():
            if via in projects:
                members[via].update(orgs)
    for via, taking_part in members.items():
        in_order = sorted(taking_part)
        for i, a in enumerate(in_order):
            for b in in_order[i + 1 :]:
                shared[(a, b)].add(via)
    row = _repeat_row(scans)
    return ordered([row(a, b, vias) for (a, b), vias in shared.items() if len(vias) >= 2],
                   _REPEAT_ORDER)  # fmt: skip


def _repeat_row(scans: _Scans) -> Callable[[str, str, set[str]], Row]:
    numbers = scans(_NUMBER)

    def row(a: str, b: str, vias: set[str]) -> Row:
        return (
            _first(scans.labels(a)), _first(scans.labels(b)), str(len(vias)),
            _joined(n for v in vias for n in (numbers.get(v) or {v})), a, b,
        )  # fmt: skip

    return row


def _repeat_rows(scans: _Scans, keys: Iterable[tuple[str, str]]) -> list[Row]:
    """The rows of the pairs ``keys`` that share two projects or more."""
    row = _repeat_row(scans)
    rows = []
    for a, b in keys:
        shared = scans.vias_of(a, _PROJECT_ROLES) & scans.vias_of(b, _PROJECT_ROLES)
        vias = set(_typed_of(scans, str(PG.Project), shared)) if len(shared) >= 2 else set()
        if len(vias) >= 2:
            rows.append(row(a, b, vias))
    return rows


def _repeat_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> set[Any]:
    """The pairs changed triples reach: of an organisation whose role in a project changed
    with each other organisation there (before and after), of every pair of a project
    whose number or type changed, and of a renamed organisation with each it shares a
    project with."""
    keys: set[tuple[str, str]] = set()
    for via, orgs in _role_changes(moved, _PROJECT_ROLES).items():
        keys.update(_pairs_with(orgs, scans.members_of(via, _PROJECT_ROLES) | orgs))
    for s, p, o in moved:
        if p == _NUMBER or (p == _TYPE and o == str(PG.Project)):
            members = scans.members_of(s, _PROJECT_ROLES)
            keys.update(_pairs_with(members, members))
        if p == _LABEL:
            others = {m for v in scans.vias_of(s, _PROJECT_ROLES)
                      for m in scans.members_of(v, _PROJECT_ROLES)}  # fmt: skip
            keys.update(_pairs_with((s,), others))
    return keys


def _multi_country_events(scans: _Scans) -> list[Row]:
    """``multi_country_events``: events whose participants, hosts and organisers come from
    three countries or more; most countries first."""
    countries_of = _countries_of(scans)
    found: dict[str, set[str]] = defaultdict(set)
    for role in _EVENT_ROLES:
        for event, orgs in scans(str(PG[role])).items():
            found[event] |= {code for org in orgs for code in countries_of(org)}
    starts, place = scans(str(SCHEMA.startDate)), scans(str(SCHEMA.location))
    rows: list[Row] = [
        (
            _first(scans.labels(e)), _first(starts.get(e, ())), _first(scans.labels(e, place)),
            str(len(codes)), _joined(codes), e,
        )
        for e, codes in found.items()
        if len(codes) >= 3
    ]  # fmt: skip
    return ordered(rows, ((3, True, int), (1, False, str), (0, False, str), (5, False, str)))


def _donor_links(scans: _Scans) -> list[Row]:
    """``donor_links``: promoter country → donor partner country, with the projects, the
    donor partners and the projects whose promoter is unknown; a country is the
    organisation's, else the first two letters of the NUTS region the portal gives."""
    countries_of = _countries_of(scans)
    notation, promoter = scans(str(SKOS.notation)), scans(str(PG.promoter))
    donors, flagged = scans(str(PG.donorPartner)), scans(str(PG.hasDonorProjectPartner))
    promoter_region, partner_region = scans(str(PG.promoterRegion)), scans(str(PG.partnerRegion))

    def regions(side: Scan, p: str) -> set[str]:
        return {code[:2] for nuts in side.get(p, ()) for code in notation.get(nuts, ())}

    # the projects gathered by what they link (their countries, donor partners, whether
    # their promoter is known), each set of organisations' countries worked out once:
    # 100k projects name about two thousand sets
    of_set: dict[tuple[str, ...], frozenset[str]] = {}

    def countries(orgs: tuple[str, ...]) -> frozenset[str]:
        found = of_set.get(orgs)
        if found is None:
            found = of_set[orgs] = frozenset().union(*map(countries_of, orgs))
        return found

    groups: dict[tuple[frozenset[str], frozenset[str], tuple[str, ...], bool], int]
    groups = defaultdict(int)
    for p in set(donors) | {p for p, values in flagged.items() if "true" in values}:
        named, partnered = promoter.get(p, ()), donors.get(p, ())
        froms = countries(named) or frozenset(regions(promoter_region, p))
        tos = countries(partnered) or frozenset(regions(partner_region, p))
        if froms and tos:
            groups[(froms, tos, partnered, not named)] += 1
    projects: dict[tuple[str, str], int] = defaultdict(int)
    partners: dict[tuple[str, str], set[str]] = defaultdict(set)
    unnamed: dict[tuple[str, str], int] = defaultdict(int)
    for (froms, tos, partnered, nameless), count in groups.items():
        for f in froms:
            for to in tos:
                projects[(f, to)] += count
                partners[(f, to)].update(partnered)
                unnamed[(f, to)] += count if nameless else 0
    rows: list[Row] = [
        (f, to, str(n), str(len(partners[(f, to)])), str(unnamed[(f, to)]))
        for (f, to), n in projects.items()
    ]
    return ordered(rows, ((2, True, int), (0, False, str), (1, False, str)))


#: What a project of the donor links states of its own (and the codes of countries and
#: regions): a change of one reaches them.
_DONOR_OWN = frozenset(str(p) for p in (
    PG.promoter, PG.donorPartner, PG.hasDonorProjectPartner, PG.promoterRegion,
    PG.partnerRegion, SKOS.notation,
))  # fmt: skip


def _donor_links_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> bool:
    """Whether changed triples reach a row of ``donor_links``: a project's promoter, donor
    partners, flag or regions, a code, or the country of an organisation that promotes a
    project or is a donor partner in one (a new partner from elsewhere does not)."""
    promoting = scans.pointing(str(PG.promoter))
    donating = scans.pointing(str(PG.donorPartner))
    for s, p, _o in moved:
        if p in _DONOR_OWN:
            return True
        if p == str(PG.country) and (s in promoting or s in donating):
            return True
    return False


_RELATIONS = tuple(str(PG[r]) for r in (*_PROJECT_ROLES, *_EVENT_ROLES, "cooperatesWith"))
_NEWS_ONLY_ORDER: tuple[_Key, ...] = tuple((n, False, str) for n in range(6))


def _news_only(scans: _Scans) -> list[Row]:
    """``news_only``: roles and stated cooperation that news items state and no document of
    another kind does, with each news item that states it."""
    return ordered(_news_only_rows(scans), _NEWS_ONLY_ORDER)


def _news_only_rows(scans: _Scans, keys: set[Any] | None = None) -> list[Row]:
    """The rows of ``news_only`` (of the statements ``keys`` names, if given:
    ``(subject, relation's name, organisation)``), unordered."""
    kinds = scans(str(PG.documentKind))
    sources = scans(str(PG.sourcePath))
    if keys is None:
        stated = scans.per_graph(_RELATIONS)
    else:
        stated = scans.stating({(s, str(PG[r]), o) for s, r, o in keys}, _RELATIONS)
    told: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    elsewhere: set[tuple[str, str, str]] = set()
    # each graph once: whether it is a news item's, and whether it is another kind's
    of_kind: dict[str, tuple[bool, bool]] = {}
    for g, s, p, o in stated:
        if g not in of_kind:
            found = kinds.get(g, ())
            of_kind[g] = ("news" in found, any(k != "news" for k in found))
        news, other = of_kind[g]
        if news:
            told[(s, p, o)].add(g)
        if other:
            elsewhere.add((s, p, o))
    return [
        (subject_label, p.partition("#")[2], org_name, source, s, o)
        for (s, p, o), news in told.items() if (s, p, o) not in elsewhere
        for g in news for source in sources.get(g, ())
        for subject_label in scans.labels(s) or {s}
        for org_name in scans.labels(o) or {o}
    ]  # fmt: skip


def _news_only_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> set[Any]:
    """The statements changed triples reach: a role or stated cooperation a document's
    graph took or lost, those of a document whose kind or source changed, and those of a
    renamed subject or organisation."""
    relations = set(_RELATIONS)
    keys = {(s, p, o) for _g, s, p, o in scans.moved_graphs if p in relations}
    documents: set[str] = set()
    named: set[str] = set()
    for s, p, _o in moved:
        if p in (str(PG.documentKind), str(PG.sourcePath)):
            documents.add(s)
        elif p == _LABEL:
            named.add(s)
    keys.update((s, p, o) for _g, s, p, o in scans.told_of(documents, named, _RELATIONS))
    return {(s, p.partition("#")[2], o) for s, p, o in keys}


_SINGLE = {str(PG.status): "status", str(SCHEMA.startDate): "startDate",
           str(SCHEMA.endDate): "endDate", str(PG.country): "country"}  # fmt: skip
_SINGLE_NAMED = {str(PG.status), str(PG.country)}  # their values are IRIs: shown by their name
_COST_PARTS = (str(PG.costKind), str(SCHEMA.currency), str(SCHEMA.value))
_CONFLICT_ORDER: tuple[_Key, ...] = (
    (0, False, str), (1, False, str), (3, False, str), (5, False, str), (2, False, str),
    (4, False, str), (6, False, str),
)  # fmt: skip


def _conflicting_values(scans: _Scans) -> list[Row]:
    """``conflicting_values``: two documents that give one subject different values of
    something that has one value (status, start, end, country; a cost of one kind and
    currency), with both documents."""
    return ordered(_conflict_rows(scans), _CONFLICT_ORDER)


def _conflict_rows(scans: _Scans, keys: set[Any] | None = None) -> list[Row]:
    """The rows of ``conflicting_values`` (of the subjects ``keys``, if given), each once, in
    the order of their values."""
    sources = scans(str(PG.sourcePath))
    told: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    single, named = _SINGLE, _SINGLE_NAMED
    per_graph: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for g, s, p, o in _told_apart(scans, single, named, keys):
        if p in single:
            value = (o.partition("#")[2] or o) if p in named else o
            told[(s, single[p])][g].add(value)
        else:
            per_graph[(g, s, p)].add(o)
    for (g, s, p), costs in list(per_graph.items()):
        if p != str(PG.cost):
            continue
        for c in costs:
            for kind in per_graph.get((g, c, str(PG.costKind)), ()):
                for currency in per_graph.get((g, c, str(SCHEMA.currency)), ()):
                    prop = f"cost ({kind.partition('#')[2]}, {currency})"
                    told[(s, prop)][g] |= per_graph.get((g, c, str(SCHEMA.value)), set())
    rows: list[Row] = []
    for (s, prop), by_graph in told.items():
        # graphs grouped by the value they give (amounts by number): a subject that
        # thousands of documents give one value costs one look, not a million pairs
        groups: dict[object, list[tuple[str, str]]] = defaultdict(list)
        for g, values in by_graph.items():
            for v in values:
                groups[_number(v) if prop.startswith("cost (") else v].append((g, v))
        if len(groups) < 2:
            continue
        for key1, told1 in groups.items():
            for key2, told2 in groups.items():
                if key1 == key2:
                    continue
                for g1, v1 in told1:
                    for g2, v2 in told2:
                        rows.extend(
                            (label, prop, v1, a, v2, b, s)
                            for a in sources.get(g1, ()) for b in sources.get(g2, ()) if a < b
                            for label in scans.labels(s) or {s}
                        )  # fmt: skip
    return sorted(set(rows))


def _conflicts_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> set[Any] | None:
    """The subjects changed triples reach: a value or cost of theirs in the union or in a
    document's graph, their name, their costs' kind, currency or amount; a document whose
    source changed and no statement of it did reaches too many to tell (None)."""
    keys: set[str] = set()
    costs: set[str] = set()
    sourced: set[str] = set()
    for s, p, _o in moved:
        if p in _SINGLE or p in (str(PG.cost), _LABEL):
            keys.add(s)
        elif p in _COST_PARTS:
            costs.add(s)
        elif p == str(PG.sourcePath):
            sourced.add(s)
    for g, s, p, _o in scans.moved_graphs:
        sourced.discard(g)
        if p in _SINGLE or p == str(PG.cost):
            keys.add(s)
        elif p in _COST_PARTS:
            costs.add(s)
    if sourced:
        return None
    return keys | _pointing_at(scans, (str(PG.cost),), costs)


def _told_apart(
    scans: _Scans, single: dict[str, str], named: set[str], only: set[str] | None = None
) -> Iterator[tuple[str, ...]]:
    """``(graph, subject, predicate, object)`` in the documents' graphs of the properties
    ``conflicting_values`` compares (and of the subjects' costs), for the subjects only
    (of ``only``, if given) that hold two values of one in the union — two documents that
    disagree leave both there: the few such subjects are looked up, not every document's
    statements scanned."""
    parts = (PG.costKind, SCHEMA.currency, SCHEMA.value)
    scans.note(*(f"graph {p}" for p in (*single, PG.cost, *parts)))
    disagree: set[str] = set()
    for p in single:
        told = scans(p)
        for s, values in told.items() if only is None else _items(told, only):
            if len({(v.partition("#")[2] or v) if p in named else v for v in values}) > 1:
                disagree.add(s)
    kinds, currencies, amounts = (
        scans(str(PG.costKind)),
        scans(str(SCHEMA.currency)),
        scans(str(SCHEMA.value)),
    )
    cost = scans(str(PG.cost))
    for s, costs in cost.items() if only is None else _items(cost, only):
        found: dict[tuple[str, str], set[Decimal]] = defaultdict(set)
        for c in costs:
            for kind in kinds.get(c, ()):
                for currency in currencies.get(c, ()):
                    found[(kind, currency)].update(_number(v) for v in amounts.get(c, ()))
        if any(len(values) > 1 for values in found.values()):
            disagree.add(s)
    own = " ".join(f"<{p}>" for p in (*single, PG.cost))
    looked_up = " ".join(f"<{p}>" for p in parts)
    for subject in sorted(disagree):
        if subject.startswith("_:"):
            continue  # a blank node cannot be named in a query (the build makes none)
        yield from scans.rows(
            f"SELECT ?g ?s ?p ?o WHERE {{ {{ BIND(<{subject}> AS ?s) GRAPH ?g {{ ?s ?p ?o }} "
            f"VALUES ?p {{ {own} }} }} UNION {{ GRAPH ?g {{ <{subject}> <{PG.cost}> ?s . "
            f"?s ?p ?o }} VALUES ?p {{ {looked_up} }} }} }}"
        )


def _items(scan: Scan, subjects: Iterable[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The entries of ``scan`` of ``subjects``."""
    for s in subjects:
        if s in scan:
            yield s, scan[s]


def _called(scans: _Scans, things: Iterable[str]) -> str | None:
    """What the questions call a project or programme: the least of its numbers, else of
    its names (``MIN(COALESCE(?number, ?name))``)."""
    numbers = scans(_NUMBER)
    return _first(v for t in things for v in (numbers.get(t) or scans.labels(t)))


_PROJECT_ORDER: tuple[_Key, ...] = (
    (5, True, _number), (0, False, str), (1, False, str), (11, False, str), (6, False, str),
    (7, False, str),
)  # fmt: skip


def _projects(scans: _Scans) -> list[Row]:
    """``projects``: each with number, title, status, promoter, partners, headline cost
    (final, else initial, else grant, else paid: a row per such amount), programme, flags
    and regions; dearest first."""
    return ordered(_project_rows(scans, scans.typed(str(PG.Project))), _PROJECT_ORDER)


def _project_rows(scans: _Scans, projects: Iterable[str]) -> list[Row]:
    """The rows of ``projects`` (in the order given), unordered by cost."""
    numbers = scans(_NUMBER)
    costs, kinds = scans(str(PG.cost)), scans(str(PG.costKind))
    values, currencies = scans(str(SCHEMA.value)), scans(str(SCHEMA.currency))
    notation, programme = scans(str(SKOS.notation)), scans(str(PG.programme))
    status, promoter = scans(str(PG.status)), scans(str(PG.promoter))
    partner, donor = scans(str(PG.partner)), scans(str(PG.donorPartner))
    flagged = [(scans(str(PG[prop])), name) for prop, name in _FLAGS]
    sides = [(scans(str(side)), who) for side, who in
             ((PG.promoterRegion, "promoter"), (PG.partnerRegion, "partner"))]  # fmt: skip
    rows: list[Row] = []
    for p in projects:
        flags = (name for flag, name in flagged if "true" in flag.get(p, ()))
        regions = (
            f"{who} {code}"
            for side, who in sides
            for nuts in side.get(p, ())
            for code in notation.get(nuts, ())
        )
        programmes = programme.get(p, ())
        head = (
            _first(numbers.get(p, ())), _first(scans.labels(p)),
            _first(scans.labels(p, status)), scans.joined_labels(p, promoter),
            _joined(scans.labels(p, partner) | scans.labels(p, donor)),
        )  # fmt: skip
        tail = (
            _called(scans, programmes) if programmes else None, _joined(flags), _joined(regions), p,
        )  # fmt: skip
        ranked = {c: {_COST_RANKS.get(k, 9) for k in kinds.get(c, ())} for c in costs.get(p, ())}
        best = min((r for found in ranked.values() for r in found if r < 9), default=None)
        amounts: list[tuple[str | None, ...]] = [
            (value, currency, label)
            for c in sorted(ranked) for k in kinds.get(c, ()) if _COST_RANKS.get(k) == best
            for value in values.get(c, ()) for currency in currencies.get(c, ())
            for label in scans.labels(k)
        ]  # fmt: skip
        rows.extend((*head, *amount, *tail) for amount in amounts or [(None, None, None)])
    return rows


_EVENT_ORDER: tuple[_Key, ...] = ((2, True, str), (0, False, str), (1, False, str), (9, False, str))


def _events(scans: _Scans) -> list[Row]:
    """``events``: each with type, name, first and last day, place, organisers, hosts,
    participants and project; latest first, those without a date last."""
    return ordered(_event_rows(scans), _EVENT_ORDER)


def _event_rows(scans: _Scans, only: set[str] | None = None) -> list[Row]:
    """The rows of the events (of those ``only`` names, if given), unordered by date."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for cls, kind in _EVENT_TYPES:
        typed = scans.typed(str(PG[cls]))
        for e in typed if only is None else _typed_of(scans, str(PG[cls]), only):
            kinds[e].add(kind)
    starts, ends = scans(str(SCHEMA.startDate)), scans(str(SCHEMA.endDate))
    place, project = scans(str(SCHEMA.location)), scans(str(PG.partOfProject))
    organiser, host = scans(str(PG.organiser)), scans(str(PG.host))
    participant = scans(str(PG.participant))
    rows: list[Row] = []
    for e in sorted(kinds):
        rows.append((
            min(kinds[e]), _first(scans.labels(e)), _first(starts.get(e, ())),
            max(ends.get(e, ()), default=None), _first(scans.labels(e, place)),
            scans.joined_labels(e, organiser), scans.joined_labels(e, host),
            scans.joined_labels(e, participant), _called(scans, project.get(e, ())), e,
        ))  # fmt: skip
    return rows


def _typed_of(scans: _Scans, cls: str, things: Iterable[str]) -> list[str]:
    """Those of ``things`` that are of type ``cls`` (the typed list is sorted), in order."""
    typed = scans.typed(cls)
    out = []
    for thing in things:
        at = bisect.bisect_left(typed, thing)
        if at < len(typed) and typed[at] == thing:
            out.append(thing)
    return out


_EVENT_OWN = (_LABEL, str(SCHEMA.startDate), str(SCHEMA.endDate), str(SCHEMA.location),
              str(PG.partOfProject), *(str(PG[role]) for role in _EVENT_ROLES))  # fmt: skip
_EVENT_POINTS = (str(SCHEMA.location), str(PG.partOfProject),
                 *(str(PG[role]) for role in _EVENT_ROLES))  # fmt: skip


def _events_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> set[Any]:
    """The events changed triples reach: an event's own (its types, name, days, place,
    organisations, project), or the name or number of what it points at."""
    classes = [str(PG[cls]) for cls, _kind in _EVENT_TYPES]
    keys: set[str] = set()
    own: set[str] = set()
    named: set[str] = set()
    for s, p, o in moved:
        if p == _TYPE and o in classes:
            keys.add(s)
        elif p in _EVENT_OWN:
            own.add(s)
        if p in (_LABEL, _NUMBER):
            named.add(s)
    keys.update(e for cls in classes for e in _typed_of(scans, cls, own))
    return keys | _pointing_at(scans, _EVENT_POINTS, named)


def _multi_country_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> bool:
    """Whether changed triples reach a row of ``multi_country_events``: an event's own (its
    organisations, name, first day, place: an event here is what has organisations in an
    event's roles), the country of one of its organisations, the name of its place, or a
    country's code."""
    roles = {str(PG[role]) for role in _EVENT_ROLES}
    taken = [scans(role) for role in sorted(roles)]

    def is_event(thing: str) -> bool:  # (asked of the few things changed: no scan whole)
        return any(thing in scan for scan in taken)

    pointed: set[str] = set()
    for s, p, _o in moved:
        if p in roles or p == str(SKOS.notation) or (p in _EVENT_OWN and is_event(s)):
            return True
        if p in (_LABEL, str(PG.country)):
            pointed.add(s)
    return any(map(is_event, sorted(_pointing_at(scans, _EVENT_POINTS, pointed))))


def _pointing_at(scans: _Scans, via: Sequence[str], targets: set[str]) -> set[str]:
    """What points at one of ``targets`` by a predicate of ``via`` (looked up in the store
    when they are few and named by IRIs)."""
    found: set[str] = set()
    if not targets:
        return found
    if len(targets) <= LOOK_UPS and all(map(_named, targets)):
        which = " ".join(f"<{p}>" for p in via)
        for target in sorted(targets):
            sparql = f"SELECT ?s WHERE {{ VALUES ?p {{ {which} }} ?s ?p <{target}> }}"
            found.update(s for (s,) in scans.rows(sparql))
        return found
    for predicate in via:
        found.update(s for s, objects in scans.whole(predicate).items()
                     if not targets.isdisjoint(objects))  # fmt: skip
    return found


_PROJECT_POINTS = tuple(str(p) for p in (
    PG.status, PG.promoter, PG.partner, PG.donorPartner, PG.programme, PG.promoterRegion,
    PG.partnerRegion,
))  # fmt: skip
_PROJECT_OWN = frozenset((_NUMBER, _LABEL, str(PG.cost), *_PROJECT_POINTS,
                          *(str(PG[flag]) for flag, _name in _FLAGS)))  # fmt: skip
_COST_OWN = frozenset(str(p) for p in (PG.costKind, SCHEMA.value, SCHEMA.currency))


def _projects_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> set[Any]:
    """The projects changed triples reach: a project's own (its type, number, name,
    status, organisations, programme, flags, regions, costs), its costs' kind, amount and
    currency, and the name, number or code of what it points at."""
    keys: set[str] = set()
    own: set[str] = set()
    costs: set[str] = set()
    named: set[str] = set()
    for s, p, o in moved:
        if p == _TYPE and o == str(PG.Project):
            keys.add(s)
        elif p in _PROJECT_OWN:
            own.add(s)
        elif p in _COST_OWN:
            costs.add(s)
        if p in (_LABEL, _NUMBER, str(SKOS.notation)):
            named.add(s)
    keys.update(_typed_of(scans, str(PG.Project), own))
    keys |= _pointing_at(scans, _PROJECT_POINTS, named)
    costs |= _pointing_at(scans, (str(PG.costKind),), named)
    return keys | _pointing_at(scans, (str(PG.cost),), costs)


def _project_rows_of(scans: _Scans, keys: set[Any]) -> list[Row]:
    return _project_rows(scans, _typed_of(scans, str(PG.Project), sorted(keys)))


# -- the partners index: what the page of ``partners`` for one organisation is cut from ---

#: The classes a build types a project or event with (what ``partners`` calls its kind).
_VIA_CLASSES = (str(PG.Project), str(PG.Programme), *(str(PG[cls]) for cls, _k in _EVENT_TYPES))
#: The ``partners`` question's ORDER BY: the partner's name, the link's label, both roles,
#: the source, the partner, the project or event, its kind, the country.
PARTNERS_ORDER: tuple[_Key, ...] = tuple(
    (column, False, str) for column in (0, 2, 4, 5, 6, 7, 8, 3, 1)
)
#: The partner rows' order: the organisation, then the question's.
_PARTNER_ROWS_ORDER: tuple[_Key, ...] = (
    (0, False, str),
    *((c + 1, d, f) for c, d, f in PARTNERS_ORDER),
)
_COOPERATES = str(PG.cooperatesWith)
_VIA_KINDS = tuple((cls, local_name(cls)) for cls in _VIA_CLASSES)


class _PairRows:
    """The rows the ``partners`` answer of an organisation gives another (as
    :func:`partnergraph.graph.lookups.partners` makes them), worked out of the scans: for
    each project or event both are in, its labels × kinds × the first one's roles × the
    other's roles × the documents stating the other's role there (none: one row with no
    source); the documents stating the first cooperates with the other (none: one row of
    an inferred cooperation); all of it for each name and country code of the other."""

    def __init__(self, scans: _Scans, statements: set[tuple[str, ...]]) -> None:
        self.scans = scans
        self.roles = {str(PG[role]): scans(str(PG[role])) for role in _ROLES}
        self.numbers, self.label = scans(_NUMBER), scans(_LABEL)
        self.stated = scans(_COOPERATES)
        self.countries_of = _countries_of(scans)
        self.typed = [(scans.typed(cls), kind) for cls, kind in _VIA_KINDS]  # (sorted)
        self.paths = scans(str(PG.sourcePath))
        # each subject's statements in the documents' graphs (the rows themselves, no copy)
        self.told: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for row in statements:
            if row[0] in self.paths:
                self.told[row[1]].append(row)
        # each organisation's rows, made whole as their links come (a link's part alone,
        # then its rows, held two copies of 1.7 million at 100k projects)
        self.links: dict[str, set[Row]] = defaultdict(set)
        self._called: dict[str, tuple[list[str | None], list[str | None]]] = {}

    def _names_and_codes(self, b: str) -> tuple[list[str | None], list[str | None]]:
        """The names and country codes of ``b`` its rows give (None: one row without)."""
        found = self._called.get(b)
        if found is None:
            names: list[str | None] = [*sorted(self.scans.labels(b))] or [None]
            codes: list[str | None] = [*sorted(self.countries_of(b))] or [None]
            found = self._called[b] = (names, codes)
        return found

    def _sources(self, subject: str) -> dict[tuple[str, str], list[str | None]]:
        """What the documents state of ``subject`` (predicate, object) → their sources."""
        found: dict[tuple[str, str], list[str | None]] = defaultdict(list)
        for g, _s, p, o in self.told.get(subject, ()):
            found[(p, o)].extend(self.paths.get(g, ()))
        return found

    def add_via(self, via: str, only: set[tuple[str, str]] | None = None) -> None:
        """Add the links ``via`` gives each pair of its organisations (of ``only``)."""
        members: dict[str, list[str]] = defaultdict(list)
        for role, scan in self.roles.items():
            for org in scan.get(via, ()):
                members[org].append(role)
        if len(members) < 2:
            return
        labels: Sequence[str | None] = self.numbers.get(via) or self.label.get(via) or (None,)
        kinds: list[str | None] = [kind for typed, kind in self.typed if _holds(typed, via)]
        kinds = kinds or [None]
        sources = self._sources(via)
        for b, theirs in members.items():
            said = [(local_name(r), [*dict.fromkeys(sources.get((r, b), ()))] or [None])
                    for r in theirs]  # fmt: skip
            names, codes = self._names_and_codes(b)
            for a, own in members.items():
                if a == b or (only is not None and (a, b) not in only):
                    continue
                self.links[a].update(
                    (a, name, code, label, kind, local_name(mine), role, source, b, via)
                    for name in names
                    for code in codes
                    for mine in own
                    for role, found in said
                    for source in found
                    for label in labels
                    for kind in kinds
                )

    def add_stated(self, a: str, others: Iterable[str]) -> None:
        """Add the cooperation documents (or reasoning) state of ``a`` with ``others``."""
        sources = self._sources(a)
        for b in others:
            if a == b:
                continue
            names, codes = self._names_and_codes(b)
            for source in [*dict.fromkeys(sources.get((_COOPERATES, b), ()))] or [None]:
                said = ("stated cooperation", "statement") if source else (
                    "inferred cooperation", "inference")  # fmt: skip
                self.links[a].update((a, name, code, *said, None, None, source, b, None)
                                     for name in names for code in codes)  # fmt: skip

    def rows(self) -> list[Row]:
        """The index's rows: the organisation, then a ``partners`` row of it; in their order
        (:data:`_PARTNER_ROWS_ORDER`), sorted one organisation at a time (every column is in
        the order's key and the rows are distinct: the order one sort of all gives; a key
        for each of 1.7 million rows at once took memory of its own)."""
        out: list[Row] = []
        for a in sorted(self.links):
            out.extend(ordered(list(self.links.pop(a)), _PARTNER_ROWS_ORDER))
        return out


def _holds(ordered_list: Sequence[str], thing: str) -> bool:
    at = bisect.bisect_left(ordered_list, thing)
    return at < len(ordered_list) and ordered_list[at] == thing


def _partner_rows(scans: _Scans) -> list[Row]:
    """Each organisation's ``partners`` rows, the organisation first, in its order."""
    pairs = _PairRows(scans, scans.per_graph(_RELATIONS))
    for via in scans.members():
        pairs.add_via(via)
    for a, others in pairs.stated.items():
        pairs.add_stated(a, others)
    return pairs.rows()


def _partner_rows_of(scans: _Scans, keys: set[Any]) -> list[Row]:
    """The rows of the pairs ``keys`` (organisation, other)."""
    vias: dict[str, frozenset[str]] = {}
    for org in {k for pair in keys for k in pair}:
        vias[org] = scans.vias_of(org)
    shared: set[str] = set()
    facts: set[tuple[str, str, str]] = set()
    for a, b in keys:
        for via in vias[a] & vias[b]:
            shared.add(via)
            facts.update((via, str(PG[role]), b) for role in _ROLES
                         if b in scans(str(PG[role])).get(via, ()))  # fmt: skip
        if b in scans(_COOPERATES).get(a, ()):
            facts.add((a, _COOPERATES, b))
    # (a partner in a busy organisation's project: hundreds of facts, each looked up in
    # a fraction of a millisecond, where restoring every graph's statements took 0.9 s)
    pairs = _PairRows(scans, scans.stating(facts, _RELATIONS, most=4))
    for via in sorted(shared):
        pairs.add_via(via, keys)
    for a, b in keys:
        if b in pairs.stated.get(a, ()):
            pairs.add_stated(a, [b])
    return pairs.rows()


def _partner_rows_reached(scans: _Scans, moved: Sequence[tuple[str, str, str]]) -> set[Any]:
    """The pairs changed triples reach: both ways, of an organisation whose role in a
    project or event changed with each other one there (before and after), every pair of
    a project or event whose number, name or kind changed, a stated cooperation's, the
    pairs whose facts a document's graph took or lost or whose source changed, and of a
    renamed organisation, one of another country or of a country whose code changed with
    each it has rows with."""
    keys: set[tuple[str, str]] = set()
    roles = {str(PG[role]) for role in _ROLES}

    def both(some: Iterable[str], others: set[str]) -> None:
        for a, b in _pairs_with(some, others):
            keys.update(((a, b), (b, a)))

    for via, orgs in _role_changes(moved, _ROLES).items():
        both(orgs, scans.members_of(via) | orgs)
    documents: set[str] = set()
    others: set[str] = set()
    for s, p, o in moved:
        if p in (_LABEL, _NUMBER) or (p == _TYPE and o in _VIA_CLASSES):
            members = scans.members_of(s)
            both(members, members)
        if p == _COOPERATES:
            keys.update(((s, o), (o, s)))
        elif p == str(PG.sourcePath):
            documents.add(s)
        elif p in (_LABEL, str(PG.country)):
            others.add(s)
        elif p == str(SKOS.notation):  # a country's code: the organisations of that country
            others.update(scans.pointing(str(PG.country)).get(s, ()))
    statements = {(s, p, o) for _g, s, p, o in scans.moved_graphs if p in _RELATIONS}
    statements.update((s, p, o) for _g, s, p, o in scans.told_of(documents, set(), _RELATIONS))
    for s, p, o in statements:
        if p in roles:
            keys.update((a, o) for a in scans.members_of(s) if a != o)
        elif s != o:
            keys.add((s, o))
    stated_by = scans.pointing(_COOPERATES)
    for b in others:
        keys.update((a, b) for a in scans.partners_of(b) if a != b)
        keys.update((a, b) for a in stated_by.get(b, ()) if a != b)
    return keys


@dataclass(frozen=True)
class Keyed:
    """How an answer is brought up to date row by row: the key of a row (a row's key is
    among its order's keys, so rows of two keys never tie), the rows of some keys, and
    the keys triples a build changed reach (None: too many to tell)."""

    key: Callable[[Row], Any]
    rows: Callable[[_Scans, set[Any]], list[Row]]
    reached: Callable[[_Scans, Sequence[tuple[str, str, str]]], set[Any] | None]
    order: tuple[_Key, ...]


@dataclass(frozen=True)
class Listing:
    """A summarised question: its answer's columns and how to compute its rows; and, for
    some, whether triples a build changed reach a row of it (when not, the kept answer
    stands though it reads those predicates), or how its rows are brought up to date one
    by one."""

    variables: tuple[str, ...]
    rows: Callable[[_Scans], list[Row]]
    reached: Callable[[_Scans, Sequence[tuple[str, str, str]]], bool] | None = None
    keyed: Keyed | None = None


def _column(n: int) -> Callable[[Row], Any]:
    return operator.itemgetter(n)


def _columns(*columns: int) -> Callable[[Row], Any]:
    return operator.itemgetter(*columns)  # (a tuple of them: made in C, for every kept row)


#: The questions the summary answers, by name.
SUMMARISED: dict[str, Listing] = {
    "cooperation_pairs": Listing(
        ("a", "b", "weight", "shared"),
        _pairs,
        keyed=Keyed(_columns(0, 1), _pair_rows, _pairs_reached, _PAIR_ORDER),
    ),
    "organisations": Listing(
        ("name", "country", "type", "aliases", "projects", "events", "partners", "org"),
        _organisations,
        keyed=Keyed(_column(7), _organisation_rows, _organisations_reached, _ORGANISATION_ORDER),
    ),
    "projects": Listing(
        tuple(
            "number title status promoter partners cost currency cost_kind programme flags "
            "regions project".split()
        ),
        _projects,
        keyed=Keyed(_column(11), _project_rows_of, _projects_reached, _PROJECT_ORDER),
    ),
    "partner_countries": Listing(
        ("name", "country", "country_count", "countries", "org"),
        _partner_countries,
        keyed=Keyed(
            _column(4), _partner_country_rows, _partner_countries_reached, _PARTNER_COUNTRY_ORDER
        ),
    ),
    "repeat_partners": Listing(
        ("a_name", "b_name", "shared", "projects", "a", "b"),
        _repeat_partners,
        keyed=Keyed(_columns(4, 5), _repeat_rows, _repeat_reached, _REPEAT_ORDER),
    ),
    "multi_country_events": Listing(
        ("label", "start", "place", "country_count", "countries", "event"),
        _multi_country_events,
        _multi_country_reached,
    ),
    "donor_links": Listing(
        ("from_country", "to_country", "projects", "donor_partners", "without_known_promoter"),
        _donor_links,
        _donor_links_reached,
    ),
    "news_only": Listing(
        ("subject_label", "relation", "org_name", "source", "subject", "org"),
        _news_only,
        keyed=Keyed(_columns(4, 1, 5), _news_only_rows, _news_only_reached, _NEWS_ONLY_ORDER),
    ),
    "conflicting_values": Listing(
        ("subject_label", "property", "value_a", "source_a", "value_b", "source_b", "subject"),
        _conflicting_values,
        keyed=Keyed(_column(6), _conflict_rows, _conflicts_reached, _CONFLICT_ORDER),
    ),
    "events": Listing(
        tuple("type label start end place organisers hosts participants project event".split()),
        _events,
        keyed=Keyed(_column(9), _event_rows, _events_reached, _EVENT_ORDER),
    ),
}


#: What the summary keeps beside the answers, for the questions about one organisation:
#: every organisation's ``partners`` rows, the organisation first (a page of one
#: organisation's is read from the pages that hold it).
INDEXES: dict[str, Listing] = {
    "partner_rows": Listing(
        ("org", *PARTNERS_VARIABLES),
        _partner_rows,
        keyed=Keyed(_columns(0, 8), _partner_rows_of, _partner_rows_reached, _PARTNER_ROWS_ORDER),
    ),
}


def _listings() -> dict[str, Listing]:
    """What the summary keeps: the answers and the indexes, by name (looked up at each use:
    the registries are the ones to change)."""
    return {**SUMMARISED, **INDEXES}


def compute(store: GraphStore, question: str) -> QueryResult:
    """The answer of the summarised ``question``, computed from the store now."""
    listing = _listings()[question]
    return QueryResult(listing.variables, tuple(listing.rows(_Scans(store))))


def _node(question: str, page: int | None = None) -> URIRef:
    return URIRef(f"{graphs.SUMMARY}#{question}" + ("" if page is None else f"-page-{page}"))


def summarise(store: GraphStore, *, fresh: bool = False) -> dict[str, int]:
    """Bring the summary graph up to date with the store (``fresh``: compute it all again);
    the number of rows of each answer. An answer is kept as numbered pages of rows and its
    size, so a page of it is one look-up. (Not one node per row: a few triples keep a
    server's query planner from estimating every other question dearer — Virtuoso refused
    the projects question with 25 more nodes typed.)

    On the embedded store, after a build, only the answers worked out of something the
    build changed are computed again (from the kept scans, brought up to date by the
    build's journal), and only their pages are written."""
    changes = store.take_changes() if isinstance(store, Store) else None  # the journal closes
    index = None if fresh or changes is None else _kept_index(store)
    if changes is not None and index is not None and not _touched(changes, index):
        if is_summarised(store):
            if isinstance(store, Store):
                store.close_journal()
            return dict(index.sizes)  # nothing any answer reads was written: all stand
    restored = None if fresh or changes is None else _restored(store, changes)
    scans = _Scans(store) if restored is None else restored
    read_before = scans.reads()
    if (
        index is None
        or restored is None
        or restored.changed is None
        or not restored.holds(index)
        or not is_summarised(store)  # (a summary graph dropped by hand: written whole)
    ):
        todo, keyed = list(_listings()), dict[str, set[Any]]()
        index = _Index({}, {})
    else:
        restored.looking_up = True  # (the keys a few changes reach: a few look-ups)
        todo, keyed = _reached(restored, index)
        restored.looking_up = False
    if isinstance(store, Store) and len(todo) == len(_listings()) and not keyed:
        store.drop_graph(graphs.SUMMARY)  # written whole
        index.pages = {}
    lines: list[str] = []
    for question in todo:
        deps = scans.noting()
        clean: dict[int, tuple[int, int]] = {}  # kept pages as they were → where they are
        if question in keyed and isinstance(store, Store):
            scans.looking_up = True  # the rows of a few keys: their subjects looked up
            spliced = _spliced(store, scans, question, keyed[question], index)
            if spliced is not None:
                scans.deps, scans.looking_up = None, False
                index.sizes[question], index.pages[question] = spliced
                index.deps[question] = frozenset(deps | index.deps[question])
                continue
            rows, clean = _brought_up_to_date(store, scans, question, keyed[question], index)
            scans.looking_up = False
            deps |= index.deps[question]
        else:
            rows = _listings()[question].rows(scans)
        scans.deps = None
        index.sizes[question], index.deps[question] = len(rows), frozenset(deps)
        if isinstance(store, Store):
            # each page as it is made, a page that is as it was left as it is (at 100k
            # projects the whole summary's text in one piece, and its copies on the way to
            # the store, took 1.3 GB more at the end of a build)
            index.pages[question] = _write_pages(store, question, rows,
                                                 index.pages.get(question, []), clean)  # fmt: skip
            _keep_keys(store, question, rows, index.pages[question])
        else:
            lines.extend(_pages(question, rows))
        del rows
    if not isinstance(store, Store) and todo:
        # a server's summary is dropped, then written as a new graph whole
        store.drop_graph(graphs.SUMMARY)
        store.replace_graph(graphs.SUMMARY, sorted(lines))
    if isinstance(store, Store) and (todo or restored is None or restored.changed):
        index.held = scans.held()
        if (
            restored is None
            or restored.reads() != read_before
            or not _logged(store, restored, changes)
        ):
            store.keep_state("summary", scans.export())
            store.keep_state("summary-log", _log_data([]))
        store.keep_state("summary-index", index.export())
    if isinstance(store, Store):
        store.close_journal()
    return dict(index.sizes)


#: The most keys an answer is brought up to date by, row by row, before it is computed
#: whole (or a quarter of its rows, if more).
KEYED_MOST = 100


def _reached(scans: _Scans, index: _Index) -> tuple[list[str], dict[str, set[Any]]]:
    """The answers the changes the restored ``scans`` took reach, and of those the ones
    brought up to date row by row, with the keys of the rows reached."""
    assert scans.changed is not None
    todo, keyed = [], {}
    for question, listing in _listings().items():
        if question not in index.deps:
            todo.append(question)
            continue
        if not index.deps[question] & scans.changed:
            continue
        if listing.keyed is not None and question in index.pages:
            keys = listing.keyed.reached(scans, scans.moved)
            if keys is not None and len(keys) <= max(KEYED_MOST, index.sizes[question] // 4):
                if keys:
                    todo.append(question)
                    keyed[question] = keys
                continue
        if listing.reached is None or listing.reached(scans, scans.moved):
            todo.append(question)
    return todo, keyed


def _brought_up_to_date(
    store: GraphStore, scans: _Scans, question: str, keys: set[Any], index: _Index
) -> tuple[list[Row], dict[int, tuple[int, int]]]:
    """The kept answer of ``question`` with the rows of ``keys`` made again, in its order;
    and the kept pages none of whose rows changed and between whose rows none came in (by
    their place in the kept table) → where their rows stand now (start, end)."""
    keyed = _listings()[question].keyed
    assert keyed is not None
    table = index.pages.get(question, [])
    kept = read_rows(store, question, total=index.sizes[question]).rows
    # the kept page each row is on (a table that does not add up: none is clean)
    counts = [int(entry[1]) for entry in table]
    on_page = list(
        itertools.chain.from_iterable(itertools.repeat(p, n) for p, n in enumerate(counts))
    )
    if len(on_page) != len(kept):
        on_page = [-1] * len(kept)
    # the rows of ``keys`` out (the rest taken over in slices: a build's few keys among a
    # 100k-project store's hundreds of thousands of rows)
    gone = [at for at, k in enumerate(map(keyed.key, kept)) if k in keys]
    dirty = {-1, *(on_page[at] for at in gone)}
    rows: list[Row] = []
    origin: list[int] = []
    for start, end in zip([-1, *gone], [*gone, len(kept)], strict=True):
        rows.extend(kept[start + 1 : end])
        origin.extend(on_page[start + 1 : end])
    rank = functools.cmp_to_key(_comparison(keyed.order))
    for row in keyed.rows(scans, keys):
        at = bisect.bisect_right(rows, rank(row), key=rank)
        rows.insert(at, row)
        origin.insert(at, -1)
        dirty.add(origin[at - 1] if at > 0 else origin[at + 1] if at + 1 < len(origin) else -1)
    clean: dict[int, tuple[int, int]] = {}
    for at, page in enumerate(origin):
        if page not in dirty:
            start, _end = clean.get(page, (at, at))
            clean[page] = (start, at + 1)
    return rows, {p: span for p, span in clean.items() if span[1] - span[0] == counts[p]}


def _comparison(order: Sequence[_Key]) -> Callable[[Row, Row], int]:
    """Two rows compared as :func:`ordered` orders them (rows that tie compare equal)."""

    def compare(x: Row, y: Row) -> int:
        for column, descending, convert in order:
            a, b = x[column], y[column]
            if a == b:
                continue
            if a is None or b is None:  # an unbound value first (last, descending)
                return (1 if a is None else -1) if descending else (-1 if a is None else 1)
            ca, cb = convert(a), convert(b)
            if ca == cb:
                continue
            less = ca < cb  # type: ignore[operator]
            return (1 if less else -1) if descending else (-1 if less else 1)
        return 0

    return compare


def _pages(question: str, rows: list[Row]) -> Iterator[str]:
    """The N-Triples lines of an answer: its size, its table of pages and its pages."""
    table: list[list[Any]] = []
    for number in range(-(-len(rows) // PAGE_ROWS)):
        chunk = rows[number * PAGE_ROWS : (number + 1) * PAGE_ROWS]
        table.append([number, len(chunk)])
        yield from _page_lines(question, number, _page_text(chunk))
    yield from _size_lines(question, len(rows), table)


def _size_lines(question: str, total: int, table: Sequence[Sequence[Any]]) -> list[str]:
    """An answer's size and its table of pages: each page's number and rows, in order."""
    node = _node(question)
    layout = json.dumps([[int(number), int(count)] for number, count, *_ in table])
    return [
        nt_line(node, PG.rowCount, Literal(total, datatype=XSD.integer)),
        nt_line(node, PG.pageTable, Literal(layout)),
    ]


def _page_text(rows: Sequence[Row]) -> str:
    # ASCII (other characters escaped): a text of one byte a character, where one "ä"
    # would make Python hold a whole page's copies at two or four bytes each
    return json.dumps(list(rows), separators=(",", ":"))


def _page_lines(question: str, number: int, text: str) -> list[str]:
    page, node = _node(question, number), _node(question)
    return [
        nt_line(page, PG.pageOf, node),
        nt_line(page, PG.pageNumber, Literal(number, datatype=XSD.integer)),
        nt_line(page, PG.pageRows, Literal(text)),
    ]


#: A kept page: its number, its rows, its digest.
PageEntry = list[Any]


class _PageWrites:
    """The pages of an answer written :data:`PAGES_A_WRITE` at a time: only those not as
    they were."""

    def __init__(self, store: Store, question: str) -> None:
        self.store, self.question = store, question
        self.pages: list[str] = []
        self.lines: list[str] = []

    def page(self, number: int, rows: Sequence[Row], before: str | None) -> PageEntry:
        """Page ``number`` holds ``rows`` (``before``: the digest of that page as kept):
        written unless it is as it was; its entry in the table."""
        text = _page_text(rows)
        digest = hashlib.sha256(text.encode("ascii")).hexdigest()[:32]
        if before != digest:
            self.pages.append(str(_node(self.question, number)))
            self.lines.extend(_page_lines(self.question, number, text))
            if len(self.pages) == PAGES_A_WRITE:
                self._flush()
        return [number, len(rows), digest]

    def _flush(self) -> None:
        if self.pages:
            self.store.replace_subjects(graphs.SUMMARY, self.pages, self.lines, now=True)
        self.pages, self.lines = [], []

    def finish(self, table: Sequence[PageEntry], gone: Iterable[int]) -> None:
        """The pages ``gone`` out, the answer's size and its ``table`` of pages written."""
        self._flush()
        dropped = [str(_node(self.question, int(number))) for number in gone]
        if dropped:
            self.store.replace_subjects(graphs.SUMMARY, dropped, ())
        total = sum(int(entry[1]) for entry in table)
        self.store.replace_subjects(graphs.SUMMARY, [str(_node(self.question))],
                                    _size_lines(self.question, total, table))  # fmt: skip


def _write_pages(
    store: Store,
    question: str,
    rows: list[Row],
    before: list[PageEntry],
    clean: dict[int, tuple[int, int]] | None = None,
) -> list[PageEntry]:
    """Write an answer's size, its table of pages and the pages of it that are not as they
    were (``before``: the table the store holds, with each page's digest; ``clean``: those
    of its pages, by place, known to stand as they were at ``rows[start:end]`` — kept as
    they are, and the rows between them made into pages again). A page is written only if
    its digest differs from the page of that number before; the pages no longer in the
    table go. The table now."""
    clean = clean or {}
    spare = deque(entry[0] for at, entry in enumerate(before) if at not in clean)
    old = {int(entry[0]): str(entry[2]) for entry in before}
    fresh = max(old, default=-1) + 1
    table: list[PageEntry] = []
    writes = _PageWrites(store, question)
    done = 0

    def made(upto: int) -> None:
        nonlocal fresh
        for start in range(done, upto, PAGE_ROWS):
            if spare:
                number = int(spare.popleft())
            else:
                number, fresh = fresh, fresh + 1
            chunk = rows[start : min(start + PAGE_ROWS, upto)]
            table.append(writes.page(number, chunk, old.get(number)))

    for at in sorted(clean):
        start, end = clean[at]
        made(start)
        table.append(list(before[at]))
        done = end
    made(len(rows))
    writes.finish(table, spare)
    return table


# ------------------------------------------------------------ rows found by their key

#: The version of what :class:`_KeyPages` keeps.
_KEYS_VERSION = 1


def _keys_state(question: str) -> str:
    return f"summary-keys-{question}"


def _key_hash(key: Any) -> int:
    """A row key's hash, the same in every process (Python's own is seeded per process)."""
    text = repr(key).encode("utf-8", "backslashreplace")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def _table_stamp(table: Sequence[PageEntry]) -> str:
    """A table of pages in a few characters: key pages are trusted only beside the table
    they were kept with."""
    text = json.dumps([[int(n), int(c), str(d)] for n, c, d, *_ in table])
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:32]


@dataclass
class _KeyPages:
    """Where a kept answer's rows are, kept beside its table of pages so a build reads only
    the pages the rows it makes again are on or land on: each row key's hash (see
    :func:`_key_hash`) → the number of the page that holds its rows (a tuple of them, for a
    key whose rows span pages or a hash two keys share), and each page's last row."""

    pages: dict[int, int | tuple[int, ...]]
    last: dict[int, Row]

    @classmethod
    def of(
        cls, key: Callable[[Row], Any], table: Sequence[PageEntry], rows: Sequence[Row]
    ) -> _KeyPages:
        """The key pages of an answer's ``rows`` laid out as ``table`` says."""
        made, at = cls({}, {}), 0
        for number, count, *_ in table:
            made.add(key, int(number), rows[at : at + int(count)])
            at += int(count)
        return made

    def add(self, key: Callable[[Row], Any], number: int, rows: Sequence[Row]) -> None:
        """Page ``number`` holds ``rows``."""
        for hashed in {_key_hash(key(row)) for row in rows}:
            held = self.pages.get(hashed)
            if held is None:
                self.pages[hashed] = number
            elif held != number and not (isinstance(held, tuple) and number in held):
                numbers = held if isinstance(held, tuple) else (held,)
                self.pages[hashed] = tuple(sorted((*numbers, number)))
        if rows:
            self.last[number] = tuple(rows[-1])

    def remove(self, key: Callable[[Row], Any], number: int, rows: Sequence[Row]) -> None:
        """Page ``number``, which held ``rows``, holds them no more."""
        for hashed in {_key_hash(key(row)) for row in rows}:
            held = self.pages.get(hashed)
            if held == number:
                del self.pages[hashed]
            elif isinstance(held, tuple) and number in held:
                rest = tuple(n for n in held if n != number)
                self.pages[hashed] = rest[0] if len(rest) == 1 else rest
        self.last.pop(number, None)

    def holding(self, keys: Iterable[Any]) -> set[int]:
        """The pages that hold rows of ``keys``."""
        found: set[int] = set()
        for k in keys:
            held = self.pages.get(_key_hash(k))
            if isinstance(held, int):
                found.add(held)
            elif held:
                found.update(held)
        return found

    def export(self, table: Sequence[PageEntry]) -> bytes:
        return marshal.dumps({"version": _KEYS_VERSION, "stamp": _table_stamp(table),
                              "pages": self.pages, "last": self.last})  # fmt: skip

    @classmethod
    def read(cls, data: bytes, table: Sequence[PageEntry]) -> _KeyPages | None:
        """The key pages kept in ``data``; None unless kept with ``table``."""
        try:
            kept = marshal.loads(data)
            if not isinstance(kept, dict) or kept.get("version") != _KEYS_VERSION:
                return None
            if kept["stamp"] != _table_stamp(table) or not isinstance(kept["pages"], dict):
                return None
            last = {int(n): tuple(row) for n, row in kept["last"].items()}
        except (EOFError, ValueError, TypeError, KeyError, AttributeError):
            return None
        return cls(kept["pages"], last)


def _keep_keys(
    store: Store, question: str, rows: Sequence[Row], table: Sequence[PageEntry]
) -> None:
    """Keep the key pages of an answer kept row by row, written whole as ``table``."""
    keyed = _listings()[question].keyed
    if keyed is not None:
        store.keep_state(_keys_state(question), _KeyPages.of(keyed.key, table, rows).export(table))


def _even(rows: list[Row]) -> list[list[Row]]:
    """``rows`` cut into as few pages as hold them, of sizes as even as can be."""
    count = -(-len(rows) // PAGE_ROWS)
    sizes = [len(rows) // count + (1 if i < len(rows) % count else 0) for i in range(count)]
    starts = [0, *itertools.accumulate(sizes)]
    return [rows[a:b] for a, b in itertools.pairwise(starts)]


def _spliced(
    store: Store, scans: _Scans, question: str, keys: set[Any], index: _Index
) -> tuple[int, list[PageEntry]] | None:
    """Bring the kept answer of ``question`` up to date by the rows of ``keys``, reading
    only the pages its kept key pages say they are on and the pages their rows made again
    land on (by each page's last row): those pages are made again — cut in two when they
    grow past :data:`PAGE_ROWS`, gone when they empty — and written if not as they were;
    the others stand. The answer's size and table now; None when no key pages are kept
    beside its table, or they do not add up (the whole answer is then read)."""
    keyed = _listings()[question].keyed
    assert keyed is not None
    table = index.pages.get(question)
    data = None if table is None else store.kept_state(_keys_state(question))
    found = None if table is None or data is None else _KeyPages.read(data, table)
    if table is None or found is None:
        return None
    rank = functools.cmp_to_key(_comparison(keyed.order))
    place = {int(entry[0]): at for at, entry in enumerate(table)}
    holding = found.holding(keys)
    if not holding <= place.keys() or not place.keys() <= found.last.keys():
        return None
    touched = {place[number] for number in holding}
    lasts = [rank(found.last[int(entry[0])]) for entry in table]
    landing: dict[int, list[Row]] = defaultdict(list)  # place in the table → rows made again
    for row in sorted(keyed.rows(scans, keys), key=rank):
        at = min(bisect.bisect_left(lasts, rank(row)), len(table) - 1)  # (-1: no pages yet)
        landing[at].append(row)
        touched.add(at)
    numbers = [int(table[at][0]) for at in touched if at >= 0]
    read = _read_pages(store, question, numbers)
    if any(len(read.get(int(table[at][0]), ())) != int(table[at][1]) for at in touched if at >= 0):
        return None
    fresh = max(place, default=-1) + 1
    writes = _PageWrites(store, question)
    made: list[PageEntry] = []
    gone: list[int] = []
    for at, entry in [*enumerate(table), *([(-1, None)] if -1 in touched else [])]:
        if at not in touched:
            assert entry is not None
            made.append(entry)
            continue
        number = fresh if entry is None else int(entry[0])
        before = [] if entry is None else read[number]
        if entry is None:
            fresh += 1
        else:
            found.remove(keyed.key, number, before)
        kept = [row for row in before if keyed.key(row) not in keys]
        rows = list(heapq.merge(kept, landing.get(at, ()), key=rank))
        if not rows:
            gone.append(number)
            continue
        before_digest = None if entry is None else str(entry[2])
        for chunk in _even(rows):  # the first in the page's place, the others new pages
            made.append(writes.page(number, chunk, before_digest))
            found.add(keyed.key, number, chunk)
            number, fresh, before_digest = fresh, fresh + 1, None
    writes.finish(made, gone)
    store.keep_state(_keys_state(question), found.export(made))
    return sum(int(entry[1]) for entry in made), made


@dataclass
class _Index:
    """What the summary keeps of its answers beside the scans: each one's size and what it
    was worked out of (:data:`Dep` names), so a build computes again only the answers its
    changes touch."""

    sizes: dict[str, int]
    deps: dict[str, frozenset[str]]
    held: frozenset[str] = frozenset()  # what the kept scans hold (:data:`Dep` names)
    pages: dict[str, list[PageEntry]] = field(default_factory=dict)  # each one's table

    def export(self) -> bytes:
        deps = {q: sorted(names) for q, names in self.deps.items()}
        return marshal.dumps({"version": _INDEX_VERSION, "sizes": self.sizes, "deps": deps,
                              "held": sorted(self.held), "pages": self.pages})  # fmt: skip

    @classmethod
    def read(cls, data: bytes) -> _Index | None:
        try:
            kept = marshal.loads(data)
            if not isinstance(kept, dict) or kept.get("version") != _INDEX_VERSION:
                return None
            sizes = {str(q): int(n) for q, n in kept["sizes"].items()}
            deps = {str(q): frozenset(map(str, names)) for q, names in kept["deps"].items()}
            held = frozenset(map(str, kept["held"]))
            pages = {
                str(q): [[int(n), int(rows), str(digest)] for n, rows, digest in found]
                for q, found in kept["pages"].items()
            }
        except (EOFError, ValueError, TypeError, KeyError, AttributeError):
            return None
        if set(sizes) != set(_listings()) or set(deps) != set(_listings()):
            return None
        return cls(sizes, deps, held, pages)


def _kept_index(store: GraphStore) -> _Index | None:
    data = store.kept_state("summary-index") if isinstance(store, Store) else None
    return None if data is None else _Index.read(data)


def _touched(changes: Changes, index: _Index) -> bool:
    """Whether ``changes`` may change what any kept answer was worked out of, or any scan
    kept (one an answer read once, and no more, is kept right all the same)."""
    names = {p for _s, p, _o, _there in changes.union}
    names.update(f"a {o}" for _s, p, o, _there in changes.union if p == _TYPE)
    names.update(f"graph {c[2]}" for c in changes.graphs)
    return bool(index.held & names) or any(deps & names for deps in index.deps.values())


def _restored(store: GraphStore, changes: Changes) -> _Scans | None:
    """The scans the last summary kept, brought up to date with the log of changes kept
    since and with ``changes``, what was written now; None if there are none to trust."""
    if not isinstance(store, Store):
        return None
    data, log = store.kept_state_mapped("summary"), _log_of(store.kept_state("summary-log"))
    if data is None or log is None:
        return None
    return _Scans.restored(store, data, changes, log)


#: The most changed triples the log beside the kept scans holds before they are kept
#: whole again (writing them whole took 1.6 s at 100k projects; the log, milliseconds).
LOG_TRIPLES = 200_000


def _log_data(log: list[Changes]) -> bytes:
    rows = [(c.union, c.graphs) for c in log]
    return marshal.dumps({"version": _STATE_VERSION, "changes": rows})


def _log_of(data: bytes | None) -> list[Changes] | None:
    """The changes a kept log holds, oldest first (none kept: none); None for a log that
    is not one."""
    if data is None:
        return []  # scans kept before there were logs
    try:
        kept = marshal.loads(data)
        if not isinstance(kept, dict) or kept.get("version") != _STATE_VERSION:
            return None
        return [Changes(tuple(union), tuple(graphs)) for union, graphs in kept["changes"]]
    except (EOFError, ValueError, TypeError, KeyError):
        return None


def _logged(store: Store, scans: _Scans, changes: Changes | None) -> bool:
    """Add ``changes`` to the log the restored ``scans`` were brought up to date with, and
    keep it beside them; False when it grows too long: the scans are then kept whole."""
    if changes is None:
        return False
    log = [*scans.log, changes]
    if sum(len(c.union) + len(c.graphs) for c in log) > LOG_TRIPLES:
        return False
    store.keep_state("summary-log", _log_data(log))
    return True


def is_summarised(store: GraphStore) -> bool:
    """Whether the store keeps the answer of every question of :data:`SUMMARISED` and every
    index of :data:`INDEXES` (a store an earlier version summarised may lack one)."""
    return all(row_count(store, name) is not None for name in _listings())


def row_count(store: GraphStore, question: str) -> int | None:
    """How many rows the summary holds of ``question``'s answer; None when it keeps none."""
    summary, node = graphs.SUMMARY, _node(question)
    rows = store.select(
        f"SELECT ?n WHERE {{ GRAPH <{summary}> {{ <{node}> <{PG.rowCount}> ?n }} }}"
    ).rows
    return int(rows[0][0]) if rows and rows[0][0] is not None else None


def read_rows(
    store: GraphStore,
    question: str,
    *,
    limit: int | None = None,
    offset: int = 0,
    total: int | None = None,
) -> QueryResult:
    """The summarised ``question``'s answer in its order, or the page of it ``limit`` and
    ``offset`` ask for (only the summary pages that hold it are read); ``total``, its
    :func:`row_count` when the caller has it already."""
    variables = _listings()[question].variables
    total = (row_count(store, question) if total is None else total) or 0
    end = total if limit is None else min(total, offset + max(0, limit))
    if offset >= end:
        return QueryResult(variables, ())
    table, at, wanted = _table(store, question, total), 0, []
    first = None
    for number, count in table:
        if at + count > offset and at < end:
            wanted.append(number)
            first = at if first is None else first
        at += count
    pages = _read_pages(store, question, wanted)
    rows = [row for number in wanted for row in pages.get(number, ())]
    skip = offset - (first or 0)
    return QueryResult(variables, tuple(rows[skip : skip + (end - offset)]))


def _table(store: GraphStore, question: str, total: int) -> list[tuple[int, int]]:
    """The pages of a kept answer in order: each one's number and rows (a summary kept
    before pages had a table: pages of :data:`PAGE_ROWS` rows, numbered in order)."""
    found = store.select(
        f"SELECT ?t WHERE {{ GRAPH <{graphs.SUMMARY}> {{ <{_node(question)}> "
        f"<{PG.pageTable}> ?t }} }}"
    ).rows
    try:
        table = [(int(n), int(c)) for n, c in json.loads(found[0][0] or "")] if found else None
    except (ValueError, TypeError):
        table = None
    if table is None:
        table = [(n, min(PAGE_ROWS, total - n * PAGE_ROWS)) for n in range(-(-total // PAGE_ROWS))]
    return table


def _read_pages(store: GraphStore, question: str, numbers: Sequence[int]) -> dict[int, list[Row]]:
    """The rows of the pages ``numbers`` of a kept answer, read in one look-up."""
    if not numbers:
        return {}
    which = " ".join(str(n) for n in sorted(set(numbers)))
    found = store.select(
        f"SELECT ?n ?rows WHERE {{ VALUES ?n {{ {which} }} GRAPH <{graphs.SUMMARY}> "
        f"{{ ?page <{PG.pageOf}> <{_node(question)}> ; <{PG.pageNumber}> ?n ; "
        f"<{PG.pageRows}> ?rows }} }}"
    ).rows
    return {int(n or 0): [tuple(row) for row in json.loads(text or "[]")] for n, text in found}


def partner_rows(
    store: GraphStore, orgs: Sequence[str], limit: int | None = None, offset: int = 0
) -> tuple[list[Row], int] | None:
    """Rows ``offset + 1`` … ``offset + limit`` (all from ``offset`` without a limit) of
    the ``partners`` answer of the organisations of IRIs ``orgs`` (those a name stands
    for), and the answer's size, read from the summary's partner rows; None when the
    store keeps none."""
    if len(orgs) == 1:
        cut = _index_page(store, "partner_rows", orgs[0], limit, offset)
        return None if cut is None else ([row[1:] for row in cut[0]], cut[1])
    every: set[Row] = set()  # (two organisations of one name: their rows, each once)
    for org in orgs:
        cut = _index_page(store, "partner_rows", org)
        if cut is None:
            return None
        every.update(row[1:] for row in cut[0])
    rows = ordered(list(every), PARTNERS_ORDER)
    end = len(rows) if limit is None else offset + max(0, limit)
    return rows[offset:end], len(rows)


def _index_page(
    store: GraphStore, name: str, key: str, limit: int | None = None, offset: int = 0
) -> tuple[list[Row], int] | None:
    """Rows ``offset + 1`` … ``offset + limit`` (all from ``offset`` without a limit) of
    the rows of the index ``name`` (of :data:`INDEXES`) whose first column is ``key``, and
    how many it holds; None when the store keeps no such index. The pages holding the
    key's first and last rows are found by halving (each page read is one look-up); of
    those between, only the ones holding the rows asked for are read."""
    total = row_count(store, name)
    if total is None:
        return None
    table = _table(store, name, total)
    read: dict[int, list[Row]] = {}

    def page(at: int) -> list[Row]:
        if at not in read:
            read[at] = _read_pages(store, name, [table[at][0]]).get(table[at][0], [])
        return read[at]

    def halving(past: bool) -> int:
        """The first page whose last row's key is not before ``key`` (``past``: after)."""
        low, high = 0, len(table)
        while low < high:
            middle = (low + high) // 2
            rows = page(middle)
            last = rows[-1][0] if rows else None
            if last is not None and (last <= key if past else last < key):
                low = middle + 1
            else:
                high = middle
        return low

    first = halving(False)
    if first == len(table):
        return [], 0
    final = min(halving(True), len(table) - 1)
    spans = range(first, final + 1)  # pages between the two hold the key's rows only
    counts = [
        sum(1 for row in page(at) if row[0] == key) if at in (first, final) else table[at][1]
        for at in spans
    ]
    held = sum(counts)
    stop = held if limit is None else min(held, offset + max(0, limit))
    wanted: list[int] = []
    at_row = start = 0
    for at, count in zip(spans, counts, strict=True):
        if at_row + count > offset and at_row < stop:
            start = at_row if not wanted else start
            wanted.append(at)
        at_row += count
    missing = [table[at][0] for at in wanted if at not in read]
    found = _read_pages(store, name, missing)
    for at in wanted:
        read.setdefault(at, found.get(table[at][0], []))
    rows = [row for at in wanted for row in read[at] if row[0] == key]
    return rows[offset - start : stop - start], held
