"""Shared fixtures: the examples, a store built from them, golden-file helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnergraph.graph.build import build
from partnergraph.graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"

#: The gold files of the first development corpus (21 documents), the ones the extraction
#: guards below were written on. The corpus has grown since; those guards are scoped to
#: these until the reader earns floors on the whole corpus.
FIRST_CORPUS = frozenset(
    {
        "001_sddw-0039-lv-decent-work-social-sector",
        "004_node18519-lv-lizda-education",
        "005_in22-0043-pl-opzz-qualified-participants",
        "008_node23007-pl-culture-0074-lublin-oslo",
        "011_pl-localdev-0001-association-polish-cities",
        "014_eufunds-bg-namrb-ks-local-development",
        "017_pl-education-0246-wroclaw-mobility",
        "025_ro15-0010-liechtenstein-mobility",
        "027_cz-bi006-liechtenstein-history-days",
        "031_ro17-programme-green-industry-innovation",
        "101_nea-is-user4geoenergy-visit",
        "104_polishcities-internships-in-norway",
        "106_solidarnosc-podlaskie-wizyta-oslo",
        "108_varam-vidzemes-pasvaldibu-vaditaji-norvegija",
        "111_eeagrants-lv-daugavpils-seminars",
        "117_bg11-namrb-ks-capacity",
        "121_lorenskog-pila-samarbeid",
        "124_sampro-lt-norway-visit-steinkjer",
        "126_polishcities-rydultowy-ovre-eiker-visit",
        "seed_000",
        "seed_002",
    }
)


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
