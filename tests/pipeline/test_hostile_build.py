"""Builds that one bad file cannot stop, and the faults around a build: links, FIFOs, bombs,
odd values, two builds at once, pruning, encodings, deterministic exports, messages."""

from __future__ import annotations

import fcntl
import io
import json
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from partnergraph.graph.cli import main
from partnergraph.graph.store import open_store
from partnergraph.ontology import nt_line

from ..conftest import EXAMPLES, FIXTURES

GOOD = EXAMPLES / "seeds" / "000_f080a065eb91adb1.txt"
PORTAL = FIXTURES / "portal" / "partners-small.json"  # two records of the portal's data
DOCS = "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?g <https://w3id.org/partnergraph/ns#sourcePath> ?p } }"


def _portal(change: Callable[[list[dict[str, object]]], None]) -> bytes:
    records = json.loads(PORTAL.read_text(encoding="utf-8"))[:2]
    change(records)
    return json.dumps(records).encode()


def _set(path: str, value: object) -> Callable[[list[dict[str, object]]], None]:
    """A change to the first record: ``path`` is keys separated by '/' ('*' = first value)."""

    def change(records: list[dict[str, object]]) -> None:
        node: object = records[0]
        keys = path.split("/")
        for key in keys[:-1]:
            assert isinstance(node, dict)
            node = next(iter(node.values())) if key == "*" else node[key]
        assert isinstance(node, dict)
        node[keys[-1]] = value

    return change


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<a>" + "x" * 300_000_000 + "</a>")
    return buf.getvalue()


#: name → (file name, bytes, what the build says: "" = read, else words of the message)
CASES: dict[str, tuple[str | bytes, Callable[[], bytes], str]] = {
    "newline in a file name": ("bad\nname.txt", GOOD.read_bytes, ""),
    "file name not UTF-8": (b"bad\xff\xfename.txt", GOOD.read_bytes, ""),
    "newline in a programme name": (
        "p.json",
        lambda: _portal(_set("programmes/*/name", "A\nB")),
        "",
    ),
    "a number where NUTS codes belong": (
        "p.json",
        lambda: _portal(_set("projects/*/dst_nuts", 5)),
        "",
    ),
    "NUTS codes with space, > and [": (
        "p.json",
        lambda: _portal(_set("projects/*/dst_nuts", ["LT 00A", "LT>1", "LT[2"])),
        "",
    ),
    "a 5,000-digit integer": (
        "p.json",
        lambda: _portal(lambda r: None).replace(
            b'"allocation": 8000000.0', b'"allocation": ' + b"9" * 5000, 1
        ),
        "",
    ),
    "a lone surrogate": ("p.json", lambda: _portal(_set("PO/*/name", "Ministry \ud800 of X")), ""),
    "a newline in a CSV cell": (
        "p.csv",
        lambda: b'project,name,country\n"LT10-0001","Org with\nnewline","LT"\n',
        "",
    ),
    "a CSV field over 128 KB": (
        "p.csv",
        lambda: b"project,name,country\nLT10-0001," + b"x" * 200_000 + b",LT\n",
        "",
    ),
    "an xlsx decompression bomb": ("b.xlsx", _bomb, "would unpack to"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_bad_file_does_not_stop_the_build(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, content, problem = CASES[case]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    target = os.path.join(os.fsencode(folder), name) if isinstance(name, bytes) else folder / name
    with open(target, "wb") as fh:
        fh.write(content())
    store = str(tmp_path / "s")
    code = main(["build", "--store", store, "-q", "--no-validate", str(folder)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    documents = int(open_store(store, read_only=True).select(DOCS).rows[0][0] or 0)
    if problem:
        assert code == 2 and problem in out.err, out.err
        assert documents == 1  # the good one
    else:
        assert code == 0, out.err
        assert documents == 2


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=40))
def test_any_text_makes_n_triples_the_store_accepts(text: str) -> None:
    line = nt_line(URIRef("http://x.example/" + text), URIRef("http://x.example/p"), Literal(text))
    line += "\n" + nt_line(
        URIRef("http://x.example/s"), URIRef("http://x.example/p"), Literal(text, lang="pl")
    )
    quads = list(ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    assert len(quads) == 2
    clean = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    assert quads[0].object.value == clean


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(
        st.characters(min_codepoint=1, max_codepoint=0x10FFFF), min_size=1, max_size=30
    ).filter(lambda s: s.strip()),
    nuts=st.one_of(st.text(max_size=8), st.integers(), st.none()),
)
def test_odd_portal_values_go_through_the_whole_path(
    tmp_path_factory: pytest.TempPathFactory, name: str, nuts: object
) -> None:
    folder = tmp_path_factory.mktemp("odd")
    records = json.loads(PORTAL.read_text(encoding="utf-8"))[:1]
    first = next(iter(records[0]["PO"]))
    records[0]["PO"][first] = {"name": name, "nuts": nuts}
    records[0]["programmes"][records[0]["programme"]]["name"] = name
    (folder / "p.json").write_text(json.dumps(records), encoding="utf-8")
    store = str(folder / "s")
    assert main(["build", "--store", store, "-q", "--no-validate", str(folder / "p.json")]) == 0
    names = {
        row[0]
        for row in open_store(store, read_only=True)
        .select("SELECT ?n { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?n }")
        .rows
    }
    # the programme's name is the value itself (stripped), lone surrogates made U+FFFD
    clean = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in name).strip()
    assert clean in names


def test_links_fifos_and_outside_files_are_reported_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    (tmp_path / "elsewhere").mkdir()
    outside = tmp_path / "elsewhere" / "secret.txt"
    outside.write_text("The Secret Agency of Nowhere partnered with KS.", encoding="utf-8")
    os.symlink(outside, folder / "secret.txt")
    os.symlink(folder, folder / "up")  # a folder link, back up the tree
    os.mkfifo(folder / "pipe.txt")
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", "--no-validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "secret.txt: a symbolic link; not followed" in err
    assert "up: a symbolic link to a folder; not followed" in err
    assert "pipe.txt: a FIFO" in err
    text = (
        open_store(store, read_only=True)
        .select("SELECT ?s { ?m <https://w3id.org/partnergraph/ns#sentence> ?s }")
        .rows
    )
    assert not any("Secret Agency" in (row[0] or "") for row in text)
    # asked for, links are followed (and the loop back up the tree does not run forever)
    (folder / "pipe.txt").unlink()
    assert (
        main(["build", "--store", store, "-q", "--no-validate", "--follow-links", str(folder)]) == 0
    )


def test_a_second_build_waits_or_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "s"
    assert main(["build", "--store", str(store), "-q", "--no-validate", str(EXAMPLES)]) == 0
    fd = os.open(store / "build.lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another build holds the store
    try:
        assert main(["build", "--store", str(store), "-q", "--no-validate", str(EXAMPLES)]) == 2
        assert "another build" in capsys.readouterr().err
        exe = Path(sys.executable).parent / "partnergraph"
        waiting = subprocess.Popen(
            [str(exe), "build", "--store", str(store), "-q", "--no-validate", "--wait", str(EXAMPLES)],
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        threading.Timer(2.0, lambda: os.close(fd)).start()  # the other build ends
        _, err = waiting.communicate(timeout=120)
        assert waiting.returncode == 0, err
        assert "waiting for another build" in err
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
    assert int(open_store(str(store), read_only=True).select(DOCS).rows[0][0] or 0) == 2


def test_prune_keeps_documents_given_but_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in (EXAMPLES / "seeds").iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", "--no-validate", str(folder)]) == 0
    second = sorted(folder.iterdir())[1]
    second.write_bytes(second.read_bytes() * 50)  # now over the size limit: given, not read
    code = main(
        ["build", "--store", store, "--no-validate", "--max-mb", "0.05", "--prune", str(folder)]
    )
    out = capsys.readouterr()
    assert code == 2 and "too large" in out.err and "--prune removed nothing" in out.err
    assert int(open_store(store, read_only=True).select(DOCS).rows[0][0] or 0) == 2
    second.unlink()  # now truly gone
    assert main(["build", "--store", store, "--no-validate", "--prune", str(folder)]) == 0
    assert "removed 1 document(s) no longer there" in capsys.readouterr().out
    assert int(open_store(store, read_only=True).select(DOCS).rows[0][0] or 0) == 1


def test_legacy_and_mixed_encodings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from partnergraph.graph.sources import Document, read_document

    latvian = "Projekta izmaksas: 120 000 €. Rīgas pašvaldība sadarbojas ar Oslo kommune un Valmieras novadu."
    (tmp_path / "cp1257.txt").write_bytes(latvian.encode("cp1257"))
    doc = read_document(tmp_path / "cp1257.txt")
    assert isinstance(doc, Document) and doc.text == latvian
    lithuanian = (
        "Kauno savivaldybė ir Vilniaus miesto savivaldybė bendradarbiauja su Bergeno kommune."
    )
    mixed = latvian.encode("utf-8") + b" " + lithuanian.encode("cp1257")
    (tmp_path / "mixed.txt").write_bytes(mixed)
    doc = read_document(tmp_path / "mixed.txt")
    assert isinstance(doc, Document) and doc.text == f"{latvian} {lithuanian}"
    assert (
        main(
            ["build", "--store", str(tmp_path / "s"), "--no-validate", str(tmp_path / "mixed.txt")]
        )
        == 0
    )
    assert "mixes encodings" in capsys.readouterr().err


def test_trig_and_json_ld_are_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", "--no-validate", str(EXAMPLES)]) == 0
    exe = Path(sys.executable).parent / "partnergraph"
    outputs: dict[str, set[bytes]] = {"trig": set(), "jsonld": set()}
    for seed in ("1", "2", "3"):
        for fmt in outputs:
            target = tmp_path / f"{seed}.{fmt}"
            env = {**os.environ, "PYTHONHASHSEED": seed}
            subprocess.run(
                [str(exe), "export", "--store", store, "-o", str(target)],
                env=env,
                check=True,
                capture_output=True,
            )
            outputs[fmt].add(target.read_bytes())
    assert all(len(found) == 1 for found in outputs.values())


def test_messages_tell_the_truth_without_tracebacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a store path that is a file
    (tmp_path / "file").write_text("x")
    assert main(["build", "--store", str(tmp_path / "file"), "-q", str(GOOD)]) == 2
    assert "a file, not a store folder" in capsys.readouterr().err
    # a refused store path is left as it was
    other = tmp_path / "other"
    other.mkdir()
    (other / "mine.txt").write_text("x")
    assert main(["build", "--store", str(other), "-q", str(GOOD)]) == 2
    assert sorted(p.name for p in other.iterdir()) == ["mine.txt"]
    # a first build that reads nothing leaves no store folder behind
    (tmp_path / "empty.txt").write_text("")
    assert main(["build", "--store", str(tmp_path / "new"), "-q", str(tmp_path / "empty.txt")]) == 2
    assert not (tmp_path / "new").exists()
    # judgements: a FIFO (no hang), a deeply nested file
    os.mkfifo(tmp_path / "fifo.json")
    exe = Path(sys.executable).parent / "partnergraph"
    done = subprocess.run(  # a FIFO would block forever: the bound only stops a hang
        [str(exe), "build", "--store", str(tmp_path / "j"), "-q", "--judgements", str(tmp_path / "fifo.json"), str(GOOD)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and "not a regular file" in done.stderr
    (tmp_path / "deep.json").write_text("[" * 100_000)
    assert (
        main(
            [
                "build",
                "--store",
                str(tmp_path / "j"),
                "-q",
                "--judgements",
                str(tmp_path / "deep.json"),
                str(GOOD),
            ]
        )
        == 2
    )
    assert "nested too deeply" in capsys.readouterr().err
    # config values of the wrong kind
    monkeypatch.chdir(tmp_path)
    (tmp_path / "partnergraph.toml").write_text("[store]\nlocation = 5\n")
    assert main(["build", "-q", str(GOOD)]) == 2
    assert "location must be a non-empty string" in capsys.readouterr().err
    (tmp_path / "partnergraph.toml").write_text('[store]\nlocation = "x"\ntimeout = "soon"\n')
    assert main(["query", "projects"]) == 2
    assert "timeout must be a number" in capsys.readouterr().err
    (tmp_path / "partnergraph.toml").unlink()
    # control characters from file names and documents never reach the terminal raw
    folder = tmp_path / "esc"
    folder.mkdir()
    (folder / "a\x1b[2Jb.txt").write_bytes(b"")
    assert main(["build", "--store", str(tmp_path / "e"), "-q", str(folder), str(GOOD)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "a\\x1b[2Jb.txt" in err
    assert "Traceback" not in err


def test_ctrl_c_says_the_store_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    build_module = importlib.import_module("partnergraph.graph.build")

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "_resolve_held", interrupted)
    assert main(["build", "--store", str(tmp_path / "s"), "-q", str(GOOD)]) == 130
    assert "the store is unchanged" in capsys.readouterr().err


@pytest.mark.slow
def test_a_page_of_thousands_of_names_is_read(tmp_path: Path) -> None:
    """Name linking within a page was quadratic (3,000 names: 52 s); now it is indexed."""
    names = " ".join(
        f"Organisation Number{i} AS cooperates with Kommune{i} kommune." for i in range(4000)
    )
    (tmp_path / "many.txt").write_text(names, encoding="utf-8")
    store = str(tmp_path / "s")
    assert (
        main(
            [
                "build",
                "--store",
                store,
                "-q",
                "--no-validate",
                "--doc-timeout",
                "300",
                str(tmp_path / "many.txt"),
            ]
        )
        == 0
    )
    count = (
        open_store(store, read_only=True)
        .select(
            "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?o a <http://www.w3.org/ns/org#Organization> }"
        )
        .rows[0][0]
    )
    assert int(count or 0) >= 4000


def test_a_document_past_its_time_budget_is_named_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    build_module = importlib.import_module("partnergraph.graph.build")
    real = build_module.extract

    def slow_on_one(doc: object) -> object:
        if "slow" in str(getattr(doc, "path", "")):
            while True:  # a reader that never ends on this document
                pass
        return real(doc)  # type: ignore[arg-type]

    from partnergraph.graph.extract.document import warm

    warm()  # models loaded before the clock starts (the first document would pay for them)
    monkeypatch.setattr(build_module, "extract", slow_on_one)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    (folder / "slow.txt").write_text("The Oslo kommune met KS in Bergen.", encoding="utf-8")
    store = str(tmp_path / "s")
    code = main(
        ["build", "--store", store, "-q", "--no-validate", "--doc-timeout", "3", str(folder)]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "slow.txt: not read: it took over 3 s" in err and err.count("skipped") == 1, err
    assert int(open_store(store, read_only=True).select(DOCS).rows[0][0] or 0) == 1


def test_names_from_portal_data_carry_their_own_language(tmp_path: Path) -> None:
    records = json.loads(PORTAL.read_text(encoding="utf-8"))
    records[0]["PO"] = {
        "901": {"name": "Gminny Ośrodek Pomocy Społecznej w Łodzi", "nuts": "PL711"}
    }
    records[1]["PO"] = {"902": {"name": "Fyrlykta", "nuts": "NO011"}}
    (tmp_path / "p.json").write_text(json.dumps(records), encoding="utf-8")
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", "--no-validate", str(tmp_path / "p.json")]) == 0
    tags = {
        row[0]: row[1]
        for row in open_store(store, read_only=True)
        .select(
            "SELECT ?n (LANG(?n) AS ?l) { ?o <http://www.w3.org/2004/02/skos/core#prefLabel> ?n }"
        )
        .rows
    }
    assert (
        tags["Gminny Ośrodek Pomocy Społecznej w Łodzi"] == "pl"
    )  # was "en": the export's language
    assert tags["Fyrlykta"] == "und"  # one word: too short to tell
