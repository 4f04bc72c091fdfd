"""Export the asserted graph: Turtle, TriG, N-Triples, JSON-LD — deterministic, written whole."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox
from rdflib import Graph

from partnergraph.ontology import PREFIXES

from ..store import GraphStore, asserted_dataset

__all__ = ["FORMATS", "SUFFIX_FORMAT", "Format", "serialise", "write_atomic"]

Format = Literal["turtle", "trig", "nt", "jsonld"]
FORMATS: tuple[Format, ...] = ("turtle", "trig", "nt", "jsonld")
SUFFIX_FORMAT: dict[str, Format] = {
    ".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld",
}  # fmt: skip


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write a file whole or not at all: a temporary file beside it, then a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a written file gets the usual mode
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _sorted_arrays(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _sorted_arrays(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_arrays(v) for v in value]
        if key == "@list":
            return items  # an RDF list keeps its order
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def serialise(
    store: GraphStore, fmt: Format, *, inferred: bool = False, summary: bool = False
) -> bytes:
    """The asserted graph (and, if asked, the inferred one and the summary) in one format,
    deterministic."""
    ds = asserted_dataset(store, inferred=inferred, summary=summary)
    if fmt == "trig":
        # rdflib writes the graphs in the order of a set (it follows the hash seed); Oxigraph
        # writes quads in the order given: sorted, the same bytes every time
        lines = sorted(set(ds.serialize(format="nquads").splitlines()))
        quads = ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES) or b""
    union = Graph()
    for prefix, ns in PREFIXES.items():
        union.bind(prefix, ns)
    # added in a sorted order: the JSON-LD writer follows the order triples were added
    for s, p, o in sorted({(s, p, o) for s, p, o, _g in ds.quads((None, None, None, None))}):
        union.add((s, p, o))
    if fmt == "nt":
        lines = sorted(set(union.serialize(format="nt").splitlines()))
        return ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        text = union.serialize(format="json-ld", context=context, sort_keys=True)
        # rdflib lists nodes and values in the order of a set (it follows the hash seed):
        # every array but an RDF list is sorted, so the same graph gives the same bytes
        data = _sorted_arrays(json.loads(text))
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
    return union.serialize(format="turtle").encode("utf-8")
