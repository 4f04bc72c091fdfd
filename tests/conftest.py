"""Shared fixtures: the examples, a store built from them, golden-file helpers."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from partnergraph.graph.build import build
from partnergraph.graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


def _tuned(only: str | None = None) -> frozenset[str]:
    """The gold files (stems) of ``benchmarks/tuned_on.txt``, of its part ``only`` if given."""
    lines = (ROOT / "benchmarks" / "tuned_on.txt").read_text(encoding="utf-8").splitlines()
    part, out = "", set()
    for line in lines:
        if line.startswith("# ["):
            part = line[3:].split("]", 1)[0]
        elif line.strip() and not line.startswith("#") and only in (None, part):
            out.add(line.strip())
    return frozenset(out)


#: The gold files of the first development corpus (21 documents), the ones the extraction
#: guards were written on: the ``[first]`` part of ``benchmarks/tuned_on.txt``.
FIRST_CORPUS = _tuned("first")
#: Every gold file the reader was tuned on (the rest of the corpus is held out).
TUNED = _tuned()


def tuned_documents(shared: Path, kind: str) -> list[tuple[str, str, str]]:
    """(gold file's stem, language, text as stored) of the tuned corpus documents of
    ``kind`` ("news", "project-page"), in the gold files' order."""
    out = []
    for gold_path in sorted((shared / "corpus" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold_path.stem not in TUNED or gold["kind"] != kind:
            continue
        path = (shared / "corpus" / "docs" / gold["doc"]).resolve()
        path = path if path.exists() else (shared / "corpus" / gold["doc"]).resolve()
        out.append((gold_path.stem, gold["language"], path.read_text(encoding="utf-8")))
    return out


def wrapped(text: str, width: int = 72) -> str:
    """Every line of ``text`` longer than ``width`` wrapped at it, as mail and text exports
    are (a metadata header's lines left as they are)."""

    def wrap(line: str) -> str:
        if len(line) <= width or line.startswith("# "):
            return line
        return "\n".join(textwrap.wrap(line, width))

    return "\n".join(map(wrap, text.split("\n")))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files instead of comparing"
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_store() -> Store:
    """An in-memory store built from examples/ (the two origin documents)."""
    store = Store(None)
    report = build([str(EXAMPLES)], store)
    assert not report.problems, report.problems
    assert len(report.documents) == 2
    return store


def questions_built() -> Store:
    """A new in-memory store of the examples, the page and portal fixtures, and the
    documents written for the questions (tests/fixtures/questions: an earlier project, a
    second record of a project, a news item): enough for every question to answer."""
    store = Store(None)
    sources = [EXAMPLES, FIXTURES / "pages", FIXTURES / "portal", FIXTURES / "questions"]
    report = build([str(s) for s in sources], store)
    assert len(report.documents) >= 12, report.problems
    return store


@pytest.fixture(scope="session")
def question_store() -> Store:
    """:func:`questions_built`, once for the session (not to be changed)."""
    return questions_built()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (real documents and data); tests that need it skip without it."""
    if not (SHARED / "corpus" / "gold").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


def golden_text(path: Path, actual: str, update: bool) -> None:
    """Compare with a golden file, or rewrite it with --update-golden."""
    if update or not path.exists():
        if not update:
            pytest.fail(f"golden file {path} is missing; run pytest --update-golden and review it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        import difflib

        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                fromfile=str(path), tofile="actual",
            )
        )  # fmt: skip
        pytest.fail(f"{path.name} differs from its golden file:\n{diff[:6000]}")
