"""The README tells the truth: the two set-up commands, every command, every question."""

from __future__ import annotations

from partnergraph import queries
from partnergraph.graph.cli import parser as _parser

from ..conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README[:800]
    assert "make demo" in head and "make test" in head


def test_every_subcommand_is_documented() -> None:
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"partnergraph {name}" in README, name


def test_makefile_and_ci_run_what_the_readme_says() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ndemo:" in makefile and "\ntest:" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_changelog_exists_and_questions_exist() -> None:
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "partners" in queries.names()
