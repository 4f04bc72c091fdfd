"""Reading files: metadata header, encodings, HTML, bad inputs named with their problem."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from partnergraph.graph.sources import Document, SourceProblem, read_document, read_documents

from ..conftest import EXAMPLES, tuned_documents, wrapped

LATVIAN = "Latvijas Pašvaldību savienība rīkoja pieredzes apmaiņas vizīti uz Norvēģiju kopā ar Ķekavas novadu."
POLISH = (
    "Związek Miast Polskich zorganizował wizytę studyjną w Oslo dla przedstawicieli gmin z Łodzi."
)


def _read(path: Path, **kw: object) -> Document:
    doc = read_document(path, root=path.parent, **kw)  # type: ignore[arg-type]
    assert isinstance(doc, Document), doc
    return doc


def test_metadata_header_is_read_and_stripped(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("# source: https://example.org/p/1\n# kind: news\n# note: partial\nHello Oslo.\n")
    doc = _read(f)
    assert doc.source_url == "https://example.org/p/1"
    assert doc.kind == "news"
    assert doc.key == "https://example.org/p/1"
    assert doc.text == "Hello Oslo."


def test_key_without_source_is_the_path_below_the_project_root(tmp_path: Path) -> None:
    (tmp_path / "partnergraph.toml").write_text("")  # marks the project root
    (tmp_path / "data" / "sub").mkdir(parents=True)
    f = tmp_path / "data" / "sub" / "b.txt"
    f.write_text("Some text about a seminar in Riga.")
    for root in (tmp_path, tmp_path / "data", tmp_path / "data" / "sub"):
        doc = read_document(f, root=root)
        assert isinstance(doc, Document)
        assert doc.key == "data/sub/b.txt"  # whatever folder it was found from


def test_one_file_through_two_paths_is_one_document(tmp_path: Path) -> None:
    from partnergraph.graph.cli import main
    from partnergraph.graph.store import open_store

    (tmp_path / "partnergraph.toml").write_text("")
    (tmp_path / "docs" / "news").mkdir(parents=True)
    (tmp_path / "docs" / "news" / "a.txt").write_text(
        "The Oslo kommune hosted a study visit of the City of Riga.", encoding="utf-8"
    )
    (tmp_path / "docs" / "b.txt").write_text("A seminar in Bergen with KS.", encoding="utf-8")
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", "--no-validate", str(tmp_path / "docs")]) == 0
    news = str(tmp_path / "docs" / "news")
    assert main(["build", "--store", store, "-q", "--no-validate", news]) == 0
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?g <https://w3id.org/partnergraph/ns#sourcePath> ?p } }"
    assert open_store(store, read_only=True).select(count).rows[0][0] == "2"
    assert main(["build", "--store", store, "--no-validate", "--prune", news]) == 0
    assert open_store(store, read_only=True).select(count).rows[0][0] == "1"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (LATVIAN, "cp1257"),
        (POLISH, "cp1250"),
        (POLISH, "utf-16"),
        ("Sjøfartsmuseet i Bergen ønsker velkommen.", "latin-1"),
    ],
)
def test_legacy_encodings_are_detected(tmp_path: Path, text: str, encoding: str) -> None:
    f = tmp_path / f"{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    doc = _read(f)
    assert doc.text == text


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffStudy visit to Bergen.".encode())
    assert _read(f).text == "Study visit to Bergen."


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x00\x01\x02binary", "binary"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("only-header.txt", b"# source: https://example.org/x\n", "no text"),
    ],
)
def test_bad_files_are_named_with_their_problem(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    result = read_document(f, root=tmp_path)
    assert isinstance(result, SourceProblem)
    assert result.path == str(f)
    assert problem in result.problem


def test_too_large_is_refused_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 5000)
    result = read_document(f, root=tmp_path, max_bytes=1000)
    assert isinstance(result, SourceProblem) and "too large" in result.problem


def test_missing_paths_and_empty_patterns_are_problems(tmp_path: Path) -> None:
    items = list(read_documents([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert all(isinstance(i, SourceProblem) for i in items)
    assert "no such file" in str(items[0]) and "matches no file" in str(items[1])


def test_folders_and_globs_read_documents_and_data_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Seminar in Vilnius.")
    (tmp_path / "b.html").write_text(
        "<html><body><p>Conference in Riga with the Latvian Association of Local and Regional Governments.</p></body></html>"
    )
    (tmp_path / "c.csv").write_text(
        "Project code,Project promoter\nLT10-0001,Vilnius City Municipality\n"
    )
    (tmp_path / "d.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden.txt").write_text("hidden")
    docs = [d for d in read_documents([str(tmp_path)]) if isinstance(d, Document)]
    assert [(Path(d.path).name, d.media_type) for d in docs] == [
        ("a.txt", "text/plain"),
        ("b.html", "text/html"),
        ("c.csv", "text/csv"),
    ]
    globbed = [d for d in read_documents([str(tmp_path / "*.txt")]) if isinstance(d, Document)]
    assert [Path(d.path).name for d in globbed] == ["a.txt"]


def test_html_gives_main_text_title_and_canonical_url(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Experience Exchange</title>"
        '<link rel="canonical" href="https://eeagrants.org/archive/2014-2021/projects/SDDW-0079"></head>'
        "<body><nav>Home Menu</nav><h1>Experience Exchange</h1><div>Project promoter:</div>"
        "<div>Latvian Association of Local and Regional Governments(LV)</div><div>Project Number:</div>"
        "<div>SDDW-0079</div><p>The project contributed to strengthen decent work for social sector "
        "workers in Latvia in cooperation with the Norwegian partner.</p><script>var x = 1;</script></body></html>"
    )
    doc = _read(f)
    assert doc.media_type == "text/html"
    assert doc.source_url == "https://eeagrants.org/archive/2014-2021/projects/SDDW-0079"
    assert "SDDW-0079" in doc.text and "var x" not in doc.text
    assert doc.text.startswith("Experience Exchange")


def test_languages_of_the_examples() -> None:
    docs = sorted(
        (d for d in read_documents([str(EXAMPLES)]) if isinstance(d, Document)),
        key=lambda d: d.path,
    )
    assert [d.language for d in docs] == ["en", "no"]


def test_checksum_is_of_the_bytes(tmp_path: Path) -> None:
    import hashlib

    f = tmp_path / "x.txt"
    f.write_bytes(b"Workshop in Tallinn.")
    assert _read(f).checksum == hashlib.sha256(b"Workshop in Tallinn.").hexdigest()


def test_the_language_model_loads_in_a_thread_beside_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Started early, the language model loads in a thread of its own; the first text to
    tell waits for it, and every text is told as when it loads on first use."""
    from partnergraph.graph import sources

    monkeypatch.setattr(sources, "_IDENTIFIER", None)
    sources.load_language_model_soon()
    loading = [t for t in threading.enumerate() if t.name == "language model"]
    assert loading  # (a thread, not this caller, loads it)
    assert sources.detect_language(LATVIAN) == "lv"
    assert sources.detect_language(POLISH) == "pl"
    assert sources._IDENTIFIER is not None
    for thread in loading:
        thread.join(timeout=60)
    assert sources.language_of_name("Gminny Ośrodek Pomocy Społecznej w Łodzi") == "pl"


def test_a_build_into_a_store_that_holds_documents_loads_the_model_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first build of a store may read many files (in workers, which load the model
    themselves): it starts no loading of its own; a build into a store that holds
    documents does, before it walks the folders."""
    import importlib

    from partnergraph.graph.store import Store

    build_module = importlib.import_module("partnergraph.graph.build")

    started: list[int] = []
    monkeypatch.setattr(build_module, "load_language_model_soon", lambda: started.append(1))
    (tmp_path / "a.txt").write_text(LATVIAN, encoding="utf-8")
    store = Store(None)
    build_module.build([str(tmp_path)], store)
    assert started == []
    (tmp_path / "b.txt").write_text(POLISH, encoding="utf-8")
    build_module.build([str(tmp_path)], store)
    assert started == [1]


def test_text_copied_from_the_web_is_read_as_plain_text(tmp_path: Path) -> None:
    """No-break and thin spaces, soft hyphens, zero-width characters and decomposed letters
    are how a page copied from the web writes names; the reader reads them as written
    plainly, and finds the same organisations and roles."""
    from partnergraph.graph.extract import extract

    plain = (
        "A delegation of the Polish Embassy visited the University of Bergen. "
        "Representatives of the municipality of Kraków took part."
    )
    web = (
        plain.replace("Polish Embassy", "Polish\u00a0Embassy")
        .replace("of Bergen", "of\u202fBergen")
        .replace("University", "Uni\u00adver\u200bsity")
        .replace("Kraków", "Krako\u0301w")
    )
    assert web != plain
    (tmp_path / "plain.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "web.txt").write_text(web, encoding="utf-8")
    read_plain, read_web = _read(tmp_path / "plain.txt"), _read(tmp_path / "web.txt")
    assert read_web.text == read_plain.text

    def found(doc: Document) -> set[tuple[str, str]]:
        return {(r.org.name, r.role) for r in extract(doc).roles}

    assert found(read_web) == found(read_plain) != set()


@pytest.mark.parametrize(
    "rewrite",
    [
        pytest.param(lambda text: text.replace(" ", "\u00a0", 50), id="no-break spaces"),
        pytest.param(wrapped, id="wrapped at 72"),
    ],
)
def test_the_corpus_news_read_the_same_as_pages_copied_or_mailed(
    shared: Path, tmp_path: Path, rewrite: Any
) -> None:
    """The development corpus's tuned news items, their first fifty spaces made no-break
    ones (as pages copied from the web have them) or their paragraphs wrapped at 72
    characters (as mail and text exports have them), give the same roles."""
    from partnergraph.graph.extract import extract

    changed, read = [], 0
    for name, _language, text in tuned_documents(shared, "news"):
        readings = []
        for file, body in (("a.txt", text), ("b.txt", rewrite(text))):
            (tmp_path / file).write_text(body, encoding="utf-8")
            ex = extract(_read(tmp_path / file))
            readings.append({(r.org.name, r.role, r.target) for r in ex.roles})
        read += 1
        if readings[0] != readings[1]:
            changed.append(name)
    assert read >= 20
    assert changed == []
