"""What a build remembers of every document it wrote, so builds add up.

Beside each document's graph the store keeps a small ledger graph (the document graph's IRI
plus :data:`~partnergraph.graph.store.graphs.LEDGER_SUFFIX`): the document's key, the path
it was read from, its checksum, its organisation mentions (names, countries, types, no
evidence: what identity resolution reads, as JSON) and a fingerprint of the identities its
graph was written with. A build resolves organisations over the mentions of *every*
document in the store, not only the ones it reads; a document whose identities changed is
read again from its path and rewritten; a file whose size and modification time are those
it had when read (as make and rsync tell), or whose checksum is unchanged, is not extracted
again. So building documents one at a time, in any order or split, gives the store one
build of them all gives.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import operator
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from rdflib import Literal, URIRef

from partnergraph.ontology import nt_line

from .extract.model import NO_EVIDENCE, OrgMention
from .resolve import Counted, Judgements, OrgIdentity, Resolution
from .store import GraphStore, Store
from .store.graphs import LEDGER_SUFFIX

__all__ = [
    "Entry",
    "Fingerprints",
    "KeptResolution",
    "counted_mentions",
    "keep_ledger",
    "keep_resolution",
    "kept_ledger_documents",
    "kept_resolution",
    "ledger_graph",
    "ledger_lines",
    "load_ledger",
    "load_ledger_kept",
    "naming",
    "open_ledger",
    "read_ledger",
    "write_entry",
]

#: One literal per document: its entry as JSON (one triple reads faster than five).
_ENTRY = URIRef("https://w3id.org/partnergraph/ledger#entry")
_FIELDS = ("name", "country", "type", "acronym", "seat", "region", "identifier", "long_form")


class Entry:
    """One document as the ledger remembers it. An entry of a kept copy makes its mentions
    when they are first asked for (a build that resolves nothing again never does)."""

    __slots__ = ("_at", "_mentions", "_table", "checksum", "fingerprint", "graph", "key",
                 "path", "stamp")  # fmt: skip

    def __init__(
        self,
        graph: str,  # the document graph's IRI
        key: str,
        path: str,
        checksum: str,
        mentions: tuple[OrgMention, ...],
        fingerprint: str,
        stamp: tuple[int, int] | None = None,  # the file's size and time when it was read
    ) -> None:
        self.graph, self.key, self.path, self.checksum = graph, key, path, checksum
        self.fingerprint, self.stamp = fingerprint, stamp
        self._mentions: tuple[OrgMention, ...] | None = tuple(mentions)
        self._at: bytes | None = None
        self._table: Sequence[OrgMention] = ()

    @classmethod
    def _kept(
        cls, row: tuple[str, str, str, str, bytes, str, tuple[int, int] | None],
        table: Sequence[OrgMention],
    ) -> Entry:  # fmt: skip
        entry = cls.__new__(cls)
        entry.graph, entry.key, entry.path, entry.checksum, at, entry.fingerprint, stamp = row
        entry.stamp = (stamp[0], stamp[1]) if stamp else None
        entry._mentions, entry._at, entry._table = None, at, table
        return entry

    @property
    def mentions(self) -> tuple[OrgMention, ...]:
        """The document's organisation mentions (names, countries, types; no evidence)."""
        if self._mentions is None:
            at = array(_INDEX)
            at.frombytes(self._at or b"")
            self._mentions = tuple(map(self._table.__getitem__, at))
            self._at, self._table = None, ()
        return self._mentions

    def _fields(self) -> tuple[object, ...]:
        return (self.graph, self.key, self.path, self.checksum, self.mentions,
                self.fingerprint, self.stamp)  # fmt: skip

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((self.graph, self.key, self.checksum, self.fingerprint))

    def __repr__(self) -> str:
        return f"Entry{self._fields()!r}"


def counted_mentions(documents: Iterable[Entry | Sequence[OrgMention]]) -> Counted:
    """The mentions of ``documents`` (entries, or a document's mentions), in their order,
    counted (:class:`~partnergraph.graph.resolve.Counted`): the entries of a kept copy whose
    mentions were not made are counted by their indexes into its table (150,000 documents'
    two million mentions were made in 1.0 s), each other mention object as itself."""
    documents = list(documents)
    table = next(
        (d._table for d in documents if isinstance(d, Entry) and d._mentions is None), None
    )
    if table is None:
        return Counted.of(m for d in documents for m in (d.mentions if isinstance(d, Entry) else d))
    objects = list(table)
    slot_of = {id(m): at for at, m in enumerate(objects)}
    pieces: list[bytes] = []
    for d in documents:
        if isinstance(d, Entry) and d._mentions is None and d._table is table:
            pieces.append(d._at or b"")
            continue
        slots = array(_INDEX)
        for m in d.mentions if isinstance(d, Entry) else d:
            at = slot_of.get(id(m))
            if at is None:
                at = slot_of[id(m)] = len(objects)
                objects.append(m)
            slots.append(at)
        pieces.append(slots.tobytes())
    every_slot = array(_INDEX)
    every_slot.frombytes(b"".join(pieces))
    found = Counter(every_slot)  # (a dict: its keys in the order they first came)
    return Counted([objects[at] for at in found], list(found.values()))


#: The most mentions :func:`naming` looks for by their indexes in a kept copy's entries
#: (each is looked for in every entry; past this many, the entries' mentions are made).
_MOST_LOOKED_FOR = 64
_NAMED = operator.attrgetter("name", "country")  # what a mention's identity is known by


def naming(entries: Iterable[Entry], named: set[tuple[str, str | None]]) -> list[Entry]:
    """The ``entries`` (in their order) that name one of the organisations ``named`` (name,
    country). An entry of a kept copy whose mentions were not made is passed over when the
    indexes of those mentions in its table are not among its bytes (150,000 entries'
    mentions took 1.0 s to make); the others are told by their mentions."""
    looked_for: dict[int, list[bytes] | None] = {}  # by table: the named mentions' indexes
    found = []
    for entry in entries:
        if entry._mentions is None:
            table = entry._table
            if id(table) not in looked_for:
                looked_for[id(table)] = _indexes_naming(table, named)
            indexes, at = looked_for[id(table)], entry._at or b""
            if indexes is not None and not any(index in at for index in indexes):
                continue  # (a hit across two indexes' bytes is told again below)
        if not named.isdisjoint(map(_NAMED, entry.mentions)):
            found.append(entry)
    return found


def _indexes_naming(
    table: Sequence[OrgMention], named: set[tuple[str, str | None]]
) -> list[bytes] | None:
    """The indexes (as bytes) of the mentions of ``table`` that name one of ``named``; None
    for more than :data:`_MOST_LOOKED_FOR`."""
    indexes = [array(_INDEX, [at]).tobytes() for at, m in enumerate(table) if _NAMED(m) in named]
    return indexes if len(indexes) <= _MOST_LOOKED_FOR else None


def ledger_graph(document_graph: str) -> str:
    """The ledger graph of a document graph."""
    return document_graph + LEDGER_SUFFIX


def _mention_rows(mentions: Iterable[OrgMention]) -> list[tuple[str | None, ...]]:
    return [tuple(getattr(m, f) for f in _FIELDS) for m in mentions]


def _mentions_of_rows(
    rows: Iterable[Sequence[str | None]],
    made: dict[tuple[str | None, ...], OrgMention] | None = None,
) -> tuple[OrgMention, ...]:
    """The mentions of ledger rows; a row ``made`` already holds is that mention (they are
    frozen: thousands of documents that name one organisation alike share one)."""
    made = {} if made is None else made
    out = []
    for row in rows:
        key = tuple(row)
        mention = made.get(key)
        if mention is None:
            fields = dict(zip(_FIELDS, row, strict=True))
            mention = made[key] = OrgMention(evidence=NO_EVIDENCE, **fields)  # type: ignore[arg-type]
        out.append(mention)
    return tuple(out)


class Fingerprints:
    """What a document's graph takes from identity resolution, as a digest: for each of its
    mentions the identity's key, name, names' languages, country, type, identifiers and
    seat (each identity digested once)."""

    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self._digests: dict[str, str] = {}
        self._parts: dict[tuple[str, str | None], str] = {}  # a mention's line, once

    def __call__(self, mentions: Iterable[OrgMention]) -> str:
        parts = set()
        for m in mentions:
            at = (m.name, m.country)
            part = self._parts.get(at)
            if part is None:
                digest = self._digest(self.resolution.by_mention[at])
                part = self._parts[at] = f"{m.name}\x1f{m.country}\x1f{digest}"
            parts.add(part)
        text = "\n".join(sorted(parts))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def changed_since(self, before: Fingerprints) -> set[tuple[str, str | None]]:
        """The mentions (name, country) whose line differs between ``before``'s identities
        and these (a mention only one of them knows counts as changed): a document with
        none of them has the fingerprint it had."""
        now, then = self.resolution.by_mention, before.resolution.by_mention
        return {
            at
            for at in now.keys() | then.keys()
            if at not in now or at not in then or self._digest(now[at]) != before._digest(then[at])
        }

    def _digest(self, key: str) -> str:
        found = self._digests.get(key)
        if found is None:
            ident = self.resolution.identities[key]
            text = json.dumps(
                [ident.key, ident.name, sorted(ident.name_langs.items()), ident.country,
                 ident.type, sorted(ident.identifiers), ident.seat],
                default=str,
            )  # fmt: skip
            found = self._digests[key] = hashlib.sha256(text.encode("ascii")).hexdigest()[:16]
        return found


def ledger_lines(entry: Entry) -> list[str]:
    """The N-Triples of a document's ledger graph: one triple, the entry as JSON (ASCII:
    lone surrogates stay escaped)."""
    data = {
        "key": entry.key,
        "path": entry.path,
        "checksum": entry.checksum,
        "mentions": _mention_rows(entry.mentions),
        "fingerprint": entry.fingerprint,
        "stamp": list(entry.stamp) if entry.stamp else None,
    }
    text = json.dumps(data, separators=(",", ":"), sort_keys=True)
    return [nt_line(URIRef(entry.graph), _ENTRY, Literal(text))]


def write_entry(store: GraphStore, entry: Entry) -> None:
    """Write (or write again) a document's ledger graph."""
    store.replace_graph(ledger_graph(entry.graph), ledger_lines(entry))


def load_ledger(store: GraphStore) -> dict[str, Entry]:
    """Every document the store's ledger remembers, by document graph IRI (on the embedded
    store, from the copy the last build kept beside it, when there is one)."""
    return load_ledger_kept(store)[0]


def load_ledger_kept(store: GraphStore) -> tuple[dict[str, Entry], bool]:
    """:func:`load_ledger`, and whether it came from the kept copy (if not, the build
    writes the copy whole: its log would add to a copy that is not to be read)."""
    if isinstance(store, Store) and not store.holds_state(_OPEN):
        log = _log_of(store.kept_state(_LOG))
        kept = _entries_of(store.kept_state(_KEPT), log) if log is not None else None
        if kept is not None:
            return kept, True
    return read_ledger(store), False


#: About how many bytes a kept copy holds for one document (its graph's IRI, key, path,
#: checksum, fingerprint, stamp and the indexes of its mentions: 340 at 150,000 documents).
_ENTRY_BYTES = 300


def kept_ledger_documents(store: GraphStore) -> int:
    """About how many documents the kept copy of the ledger remembers, told from its size
    without reading it (reading 150,000 took 0.7 s); 0 for no copy."""
    if not isinstance(store, Store) or store.holds_state(_OPEN):
        return 0
    return store.state_size(_KEPT) // _ENTRY_BYTES


def read_ledger(store: GraphStore) -> dict[str, Entry]:
    """Every document the store's ledger graphs remember, by document graph IRI."""
    query = f"""SELECT ?doc ?entry WHERE {{ GRAPH ?g {{ ?doc <{_ENTRY}> ?entry }}
        FILTER(STRENDS(STR(?g), "{LEDGER_SUFFIX}")) }}"""
    out = {}
    made: dict[tuple[str | None, ...], OrgMention] = {}
    for doc, text in store.select_text(query):  # as text: a third faster than terms
        data = json.loads(text)
        graph = str(doc)
        out[graph] = Entry(
            graph,
            data["key"],
            data["path"],
            data["checksum"],
            _mentions_of_rows(data["mentions"], made),
            data["fingerprint"],
            (int(data["stamp"][0]), int(data["stamp"][1])) if data.get("stamp") else None,
        )
    return out


#: The names the ledger's copy is kept under beside the embedded store: the whole of it,
#: what builds changed since, and a mark that a build is writing (the copy is not to be
#: trusted until it says it is done).
_KEPT, _LOG, _OPEN = "ledger", "ledger-log", "ledger-open"
#: 2: the copy names each distinct mention once and entries by their index (a store's
#: documents name a few thousand organisations two million times).
_KEPT_VERSION = 2
#: How a kept copy writes the indexes of an entry's mentions: as bytes (unsigned ints of
#: this machine; a copy of another layout is not read).
_INDEX = "I"
_WIDTH = array(_INDEX).itemsize
_LAYOUT = f"{sys.byteorder}-{_WIDTH}"
#: The most entries the log of changes holds before the whole copy is written again.
LOG_ENTRIES = 5_000


def open_ledger(store: GraphStore) -> None:
    """Mark the kept copy as being changed: until :func:`keep_ledger` says the build is
    done, the ledger is read from its graphs (a build that does not finish leaves no copy
    that is wrong)."""
    if isinstance(store, Store):
        store.keep_state(_OPEN, b"writing")


def keep_ledger(
    store: GraphStore,
    entries: Iterable[Entry],
    *,
    written: Sequence[Entry] | None = None,
    removed: Iterable[str] = (),
) -> None:
    """Keep a copy of the whole ledger beside the embedded store (150,000 documents' copy
    loads in 2.9 s where their ledger graphs take 11.6 s): ``entries``, all the store's, as
    a build leaves them. With ``written`` and ``removed`` (the entries the build wrote, the
    graphs it removed) and a copy kept before, only those are added to the copy's log of
    changes (writing the whole copy took 2.2 s at 150,000 documents); the whole copy is
    written again once the log is long."""
    if not isinstance(store, Store):
        return
    log = _log_of(store.kept_state(_LOG)) if written is not None else None
    if written is not None and log is not None and store.holds_state(_KEPT):
        log.extend(_row(e) for e in written)
        log.extend(removed)  # (a graph's IRI: removed)
        if len(log) <= LOG_ENTRIES:
            store.keep_state(_LOG, marshal.dumps({"version": _KEPT_VERSION, "changes": log}))
            store.keep_state(_OPEN, None)
            return
    table: dict[tuple[str | None, ...], int] = {}
    rows = [
        (e.graph, e.key, e.path, e.checksum,
         array(_INDEX, [table.setdefault(row, len(table)) for row in _mention_rows(e.mentions)])
         .tobytes(),
         e.fingerprint, e.stamp)
        for e in entries
    ]  # fmt: skip
    kept = {"version": _KEPT_VERSION, "layout": _LAYOUT, "mentions": list(table), "entries": rows}
    store.keep_state(_KEPT, marshal.dumps(kept))
    store.keep_state(_LOG, marshal.dumps({"version": _KEPT_VERSION, "changes": []}))
    store.keep_state(_OPEN, None)


def _row(e: Entry) -> tuple[object, ...]:
    return (e.graph, e.key, e.path, e.checksum, _mention_rows(e.mentions), e.fingerprint, e.stamp)


def _kept_dict(data: bytes, **expected: object) -> dict[str, Any] | None:
    """What ``data`` keeps (marshal), if it is a dict with each ``expected`` value; else
    None (raises nothing)."""
    try:
        kept = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(kept, dict) or any(kept.get(k) != v for k, v in expected.items()):
        return None
    return kept


def _log_of(data: bytes | None) -> list[Any] | None:
    """The changes a kept log holds, in order: an entry written (its row) or a graph
    removed (its IRI); none kept, none; None for a log that is not one."""
    if data is None:
        return []  # a copy kept before there were logs
    kept = _kept_dict(data, version=_KEPT_VERSION)
    changes = kept.get("changes") if kept is not None else None
    return changes if isinstance(changes, list) else None


def _entries_of(data: bytes | None, log: Sequence[Any] = ()) -> dict[str, Entry] | None:
    """The entries a kept copy holds, with its log's changes; None for none, or for one this
    version did not keep."""
    kept = None if data is None else _kept_dict(data, version=_KEPT_VERSION, layout=_LAYOUT)
    if kept is None:
        return None
    try:
        made: dict[tuple[str | None, ...], OrgMention] = {}
        table = _mentions_of_rows(kept["mentions"], made)
        rows = kept["entries"]
        # indexes the table holds, told now (not when a mention is first asked for)
        if any(len(row[4]) % _WIDTH for row in rows):
            return None
        every = array(_INDEX)
        every.frombytes(b"".join(row[4] for row in rows))
        if every and max(every) >= len(table):
            return None
        out: dict[str, Entry] = {}
        for row in rows:
            entry = Entry._kept(row, table)
            out[entry.graph] = entry
        for row in log:  # an entry written (as a row of its own) or a graph removed
            if isinstance(row, str):
                out.pop(row, None)
                continue
            graph, key, path, checksum, mention_rows, fingerprint, stamp = row
            stamped = (int(stamp[0]), int(stamp[1])) if stamp else None
            mentions = _mentions_of_rows(mention_rows, made)
            out[graph] = Entry(graph, key, path, checksum, mentions, fingerprint, stamped)
        return out
    except (EOFError, ValueError, TypeError, KeyError, IndexError):
        return None


# ------------------------------------------------------- the kept resolution

#: The name the last build's identities are kept under beside the embedded store.
_RESOLUTION = "resolution"
_RESOLUTION_VERSION = 1


@dataclass(frozen=True)
class KeptResolution:
    """The identities the last build resolved, and the documents it left written with
    others (their files gone or changed: kept as built before, tried again each build)."""

    resolution: Resolution
    stale: tuple[str, ...]


#: What resolution is worked out with: its code and the modules it takes names from, the
#: registry, the lexicon and the towns' table.
_RESOLUTION_INPUTS = ("resolve.py", "extract/lexicon.py", "extract/registry.py",
                      "extract/gazetteer.py", "data/registry.json", "data/lexicon.json",
                      "data/towns.json")  # fmt: skip


@cache
def _code_digest() -> str | None:
    """A digest of :data:`_RESOLUTION_INPUTS`; None when one cannot be read (identities
    are then never taken as kept)."""
    package = files("partnergraph.graph")
    digest = hashlib.sha256()
    try:
        for name in _RESOLUTION_INPUTS:
            digest.update(package.joinpath(*name.split("/")).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def _judgements_digest(judgements: Judgements | None) -> str:
    if judgements is None:
        return ""
    text = json.dumps([judgements.same, judgements.different, judgements.source])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def keep_resolution(
    store: GraphStore,
    resolution: Resolution,
    judgements: Judgements | None,
    stale: Iterable[str] = (),
) -> None:
    """Keep the build's identities beside the embedded store (with the judgements and the
    code they were worked out with): a build whose documents name the organisations they
    named before takes them as they are (150,000 documents' mentions took 1.6 s to resolve
    and fingerprint again)."""
    if not isinstance(store, Store) or _code_digest() is None:
        return
    identities = [
        (i.key, i.slug, i.country, i.type, i.name, i.registry_id, i.identifiers, i.seat,
         dict(i.names), i.reasons, i.name_langs)
        for i in resolution.identities.values()
    ]  # fmt: skip
    data = {
        "version": _RESOLUTION_VERSION,
        "code": _code_digest(),
        "judgements": _judgements_digest(judgements),
        "identities": identities,
        "by_mention": [(n, c, k) for (n, c), k in resolution.by_mention.items()],
        "unmatched": resolution.unmatched,
        "stale": sorted(stale),
    }
    store.keep_state(_RESOLUTION, marshal.dumps(data))


def kept_resolution(store: GraphStore, judgements: Judgements | None) -> KeptResolution | None:
    """The identities the last build kept, if they were worked out with these judgements and
    this code, and no build has been writing since; else None."""
    if not isinstance(store, Store) or store.holds_state(_OPEN) or _code_digest() is None:
        return None
    data = store.kept_state(_RESOLUTION)
    kept = None if data is None else _kept_dict(
        data, version=_RESOLUTION_VERSION, code=_code_digest(),
        judgements=_judgements_digest(judgements),
    )  # fmt: skip
    if kept is None:
        return None
    try:
        identities = {}
        for row in kept["identities"]:
            key, slug, country, org_type, name, registry_id, identifiers, seat = row[:8]
            names, reasons, langs = row[8:]
            identities[key] = OrgIdentity(
                key, slug, country, org_type, name, registry_id,
                tuple(tuple(pair) for pair in identifiers), seat, Counter(names),
                list(reasons), dict(langs),
            )  # fmt: skip
        by_mention = {(n, c): k for n, c, k in kept["by_mention"]}
        if any(k not in identities for k in by_mention.values()):
            return None
        resolution = Resolution(identities, by_mention, tuple(kept["unmatched"]))
        return KeptResolution(resolution, tuple(kept["stale"]))
    except (EOFError, ValueError, TypeError, KeyError):
        return None
