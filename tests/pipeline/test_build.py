"""The whole path on the examples: golden graph (isomorphism), determinism, provenance."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from partnergraph.graph.build import build
from partnergraph.graph.publish import serialise
from partnergraph.graph.store import Store

from ..conftest import EXAMPLES, GOLDEN


def _nt(store: Store) -> str:
    return serialise(store, "nt").decode("utf-8")


def test_seed_graph_matches_its_golden_file(seed_store: Store, update_golden: bool) -> None:
    actual = _nt(seed_store)
    path = GOLDEN / "seeds.nt"
    if update_golden or not path.exists():
        path.write_text(actual, encoding="utf-8")
    got, expected = Graph().parse(data=actual, format="nt"), Graph().parse(path, format="nt")
    if not isomorphic(got, expected):
        _both, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        extra = "\n".join(sorted(f"+ {t}" for t in only_got.serialize(format="nt").splitlines()))[
            :3000
        ]
        missing = "\n".join(
            sorted(f"- {t}" for t in only_expected.serialize(format="nt").splitlines())
        )[:3000]
        raise AssertionError(
            f"graph differs from {path.name} (pytest --update-golden after review):\n{extra}\n{missing}"
        )


def test_same_input_same_bytes(tmp_path: Path) -> None:
    outputs = []
    for i in range(2):
        store = Store(tmp_path / f"s{i}")
        build([str(EXAMPLES)], store)
        outputs.append(
            (serialise(store, "nt"), serialise(store, "turtle"), serialise(store, "trig"))
        )
        store.close()
    assert outputs[0] == outputs[1]


def test_building_twice_changes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    build([str(EXAMPLES)], store)
    first, size = _nt(store), len(store)
    build([str(EXAMPLES)], store)
    assert _nt(store) == first and len(store) == size


def test_no_blank_nodes_and_one_named_graph_per_document(seed_store: Store) -> None:
    graphs = [g for g in seed_store.graphs() if "/doc/" in g and not g.endswith("-ledger")]
    assert len(graphs) == 2
    for quad in seed_store.quads():
        if "/doc/" not in getattr(quad.graph_name, "value", ""):
            continue
        assert not isinstance(quad.subject, ox.BlankNode) and not isinstance(
            quad.object, ox.BlankNode
        )


def test_every_document_graph_carries_its_provenance(seed_store: Store) -> None:
    rows = seed_store.select(
        """PREFIX pg: <https://w3id.org/partnergraph/ns#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?g ?path ?sum ?lang WHERE { GRAPH ?g { ?g a pg:SourceDocument ; pg:sourcePath ?path ;
            pg:checksum ?sum ; dcterms:language ?lang } } ORDER BY ?path"""
    ).dicts()
    assert [(r["path"], r["lang"]) for r in rows] == [
        ("examples/seeds/000_f080a065eb91adb1.txt", "en"), ("examples/seeds/002_c84218a7ceba7421.txt", "no"),
    ]  # fmt: skip
    assert all(len(r["sum"] or "") == 64 for r in rows)


def test_evidence_mentions_point_into_the_document(seed_store: Store) -> None:
    rows = seed_store.select(
        """PREFIX pg: <https://w3id.org/partnergraph/ns#>
        SELECT ?path ?start ?end ?sentence WHERE { GRAPH ?g { ?m a pg:Mention ; pg:startOffset ?start ;
          pg:endOffset ?end ; pg:sentence ?sentence . ?g pg:sourcePath ?path } }"""
    ).dicts()
    assert len(rows) > 20
    from partnergraph.graph.sources import Document, read_document

    texts = {}
    for row in rows:
        path = EXAMPLES.parent / str(row["path"])  # keyed from the project root
        if path not in texts:
            doc = read_document(path, root=EXAMPLES)
            assert isinstance(doc, Document)
            texts[path] = doc.text
        span = texts[path][int(str(row["start"])) : int(str(row["end"]))]
        assert span and span in str(row["sentence"])


def test_every_role_points_at_a_described_organisation(seed_store: Store) -> None:
    rows = seed_store.select(
        """PREFIX pg: <https://w3id.org/partnergraph/ns#>
        SELECT ?x ?org WHERE {
          VALUES ?role { pg:promoter pg:partner pg:donorPartner pg:participant pg:host pg:organiser }
          ?x ?role ?org .
          FILTER NOT EXISTS { ?org a <http://www.w3.org/ns/org#Organization> ;
                                   <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }
        }"""
    ).rows
    assert rows == ()


def test_prune_removes_documents_no_longer_given(tmp_path: Path) -> None:
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLES / "seeds", docs)
    store = Store(None)
    build([str(docs)], store)
    assert "SDDW-0079" in _nt(store)
    (docs / "000_f080a065eb91adb1.txt").unlink()
    build([str(docs)], store)  # without --prune the old document stays
    assert "SDDW-0079" in _nt(store)
    report = build([str(docs)], store, prune=True)
    assert len(report.removed) == 1 and "SDDW-0079" not in _nt(store)
    assert "Studiebesøk" in _nt(store)


def test_files_come_in_the_order_of_their_paths_however_they_are_given(tmp_path: Path) -> None:
    """A folder's files, and files given by name, by pattern and in a folder at once, come
    sorted as path objects sort (by their parts: "b/x.txt" before "b-c.txt"), each once,
    with the root it was first given under; as text and as paths alike."""
    from partnergraph.graph.sources import expand_names, expand_paths

    folder = tmp_path / "in"
    for name in ("z.txt", "a.txt", "b-c.txt", "a b.txt", "b/x.txt", "b/c/y.txt", ".h.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    expected = sorted(p for p in folder.rglob("*.txt") if not p.name.startswith("."))
    assert [Path(n) for n, _root in expand_names([str(folder)])[0]] == expected
    given = [str(folder / "z.txt"), str(folder / "b" / "*.txt"), str(folder)]
    names, problems = expand_names(given)
    assert problems == [] and [Path(n) for n, _root in names] == expected
    roots = dict(names)
    assert (
        roots[str(folder / "z.txt")] == folder
        and roots[str(folder / "b" / "x.txt")] == folder / "b"
    )
    assert roots[str(folder / "a.txt")] == folder
    assert expand_paths(given)[0] == [(Path(n), root) for n, root in names]
    # files only in leaf folders come in the walk's order, which is the paths' already
    leaves = tmp_path / "leaves"
    for name in ("news/b.txt", "news/a.txt", "projects/x/2.txt", "projects/1.txt"):
        (leaves / name).parent.mkdir(parents=True, exist_ok=True)
        (leaves / name).write_text("x", encoding="utf-8")
    found = [Path(n) for n, _root in expand_names([str(leaves)])[0]]
    assert found == sorted(leaves.rglob("*.txt")) and found[-1].name == "2.txt"


def test_documents_naming_an_organisation_alike_share_one_mention(tmp_path: Path) -> None:
    """A build holds every document's mentions until it writes them: the same mention,
    read in two documents, is one object (150,000 documents held 4 KB each otherwise)."""
    from partnergraph.graph.build import read_all

    text = "On 3 March 2021 the Municipality of Bergen hosted a study visit of {} kommune.\n"
    for i, town in enumerate(("Drammen", "Stavanger")):
        (tmp_path / f"n{i}.txt").write_text(text.format(town), encoding="utf-8")
    reads, problems = read_all([str(tmp_path)])
    assert not problems and len(reads) == 2
    named = [{m.name: m for m in read.mentions} for read in reads]
    host = "Municipality of Bergen"
    assert host in named[0] and host in named[1]
    assert named[0][host] is named[1][host]
    assert named[0]["Drammen kommune"] is not named[1]["Stavanger kommune"]


def test_a_build_freezes_what_it_made_and_thaws_it_when_it_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build into a store that holds documents moves what it has made (the ledger, the
    walk, the identities) out of the cyclic collector's sight as it goes, and nothing is
    left frozen when it ends — nor when it fails; a caller's frozen objects are left as
    they were (the build then freezes nothing)."""
    import gc
    import importlib

    build_module = importlib.import_module("partnergraph.graph.build")  # (not the function)

    docs = tmp_path / "docs"
    docs.mkdir()
    for source in sorted((EXAMPLES / "seeds").glob("*.txt")):
        (docs / source.name).write_bytes(source.read_bytes())
    store = Store(None)
    build([str(docs)], store)
    frozen: list[int] = []
    freeze = gc.freeze

    def counting() -> None:
        freeze()
        frozen.append(gc.get_freeze_count())

    monkeypatch.setattr(build_module.gc, "freeze", counting)
    first = sorted(docs.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert gc.get_freeze_count() == 0
    build([str(docs)], store)
    assert len(frozen) >= 2 and all(count > 0 for count in frozen)
    assert gc.get_freeze_count() == 0  # thawed at the end

    def failing(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the summary failed")

    frozen.clear()
    monkeypatch.setattr(build_module, "summarise", failing)
    first.write_text(first.read_text(encoding="utf-8") + "Another line.\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        build([str(docs)], store)
    assert frozen and gc.get_freeze_count() == 0  # thawed when it failed too
    monkeypatch.undo()

    freeze()  # a caller's own frozen objects
    try:
        mine = gc.get_freeze_count()
        assert mine > 0
        monkeypatch.setattr(build_module.gc, "freeze", counting)
        frozen.clear()
        first.write_text(first.read_text(encoding="utf-8") + "A third line.\n", encoding="utf-8")
        build([str(docs)], store)
        # nothing frozen by the build, nothing thawed (a frozen object that goes leaves)
        assert not frozen and 0 < gc.get_freeze_count() <= mine
    finally:
        gc.unfreeze()
