"""The README tells the truth: the two set-up commands, every command, every question."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def test_the_first_hour_walkthrough_runs_as_written(tmp_path: Path) -> None:
    """The README's 'First hour' lines, run in order after what 'make demo' does (build the
    examples into the default store), in a folder holding a copy of examples/."""
    block = README.split("## First hour", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line.split("  #", 1)[0].strip() for line in block.strip().splitlines()]
    assert lines[0] == ". .venv/bin/activate" and len(lines) >= 5
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "out").mkdir()
    exe = str(Path(sys.executable).parent / "partnergraph")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERGRAPH_")}
    subprocess.run(
        [exe, "build", "-q", "examples/"], cwd=tmp_path, env=env, check=True, timeout=300
    )
    for line in lines[1:]:
        words = line.split()
        words[0] = {"partnergraph": exe, "python": sys.executable}[words[0]]
        done = subprocess.run(
            words, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, (line, done.stderr)
        assert "Traceback" not in done.stderr, line
    assert (tmp_path / "out" / "ks.html").stat().st_size > 10_000
    assert (tmp_path / "out" / "graph.jsonld").stat().st_size > 1_000
    assert (tmp_path / "out" / "notebook-network.html").is_file()
