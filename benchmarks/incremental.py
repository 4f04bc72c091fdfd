"""Builds that add up: the cost of building a store, then of rebuilding one changed document
into it, side by side with building everything again.

    python benchmarks/incremental.py [--projects 10000] [--repeat 3] [--jobs 2] [--validate]
    python benchmarks/incremental.py --built DIR [--repeat 3] [--validate]  # a kept build

A synthetic corpus (``synth.py``: project pages plus half as many news items) is built once
with ``partnergraph build``; then, ``--repeat`` times, one project page is changed and the
folder built again — its text (nothing it states), its amount, or one of its partners
changed (unchanged files are not extracted; identities are resolved over every
mention in the store; only the changed document, and any whose identities changed, is
written and, with ``--validate``, validated with the nodes it touches); and once
everything is built again into a fresh store (without validation) for comparison. With
``--built DIR`` (a folder ``scale.py --keep`` made: ``DIR/corpus``, ``DIR/store``) the
changes are rebuilt into that store and nothing is built afresh (at 100k projects a build
takes a quarter of an hour: ``scale.py`` prints its time). Medians of wall-clock seconds
are printed (this machine is shared: ratios mean more than seconds). The builds run with
Python's compiled modules, as an installed partnergraph has them (an environment that
forbids writing them, as ``PYTHONDONTWRITEBYTECODE`` does, would add some 0.3 s to every
build). Target (issue 15): one changed document rebuilt into a 100k-project store in
≤ 5 s, summaries included.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synth import generate

_ENV: dict[str, str] = {}  # the builds' environment, made once (see _with_bytecode)


def _with_bytecode() -> dict[str, str]:
    """The environment the builds run in: Python may keep compiled modules (as an installed
    partnergraph has them), which are compiled before any build is timed. Without them
    every build compiles its modules again (0.3 s at each start)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    import partnergraph.graph

    package = str(Path(partnergraph.graph.__file__).parent.parent)
    compile_all = [sys.executable, "-m", "compileall", "-q", package]
    subprocess.run(compile_all, env=env, capture_output=True, check=False)
    return env


def _build(folder: Path, store: Path, jobs: int, validate: bool) -> float:
    exe = Path(sys.executable).parent / "partnergraph"
    command = [str(exe), "build", "--store", str(store), "-q", "--jobs", str(jobs), str(folder)]
    if not validate:
        command.insert(-1, "--no-validate")
    if not _ENV:
        _ENV.update(_with_bytecode())
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=_ENV)
    took = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"build failed ({done.returncode}): {done.stderr[-500:]}")
    return took


#: What tells this run's new partners apart from an earlier run's, in a kept store (its
#: seconds since 2026): each run's changes name new organisations, not ones earlier runs
#: made partners of many projects already (which would grow their summaries run by run).
RUN = str(int(time.time()) - 1_767_225_600)

#: How a page is changed: text that states nothing new, its amount, one of its partners.
CHANGES = {
    "text": lambda text, k: text + f"\nUpdate {k}.\n",
    "amount": lambda text, k: re.sub(r"€[\d,]+", f"€{1_000_000 + 7919 * k:,}", text, count=1),
    "partner": lambda text, k: re.sub(
        r"(Other Project Partners\n)[^\n]*",
        rf"\g<1>Benchmark Partner {RUN} {k}(NO)",
        text,
        count=1,
    ),
}


def _changes(corpus: Path, store: Path, args: argparse.Namespace) -> dict[str, float]:
    """Change one project page at a time (each way of :data:`CHANGES`) and build the folder
    again; the median seconds of each way."""
    pages = sorted((corpus / "projects").glob("*.txt"))
    checked = "validated" if args.validate else "not validated"
    medians = {}
    for n, (how, change) in enumerate(CHANGES.items()):
        times = []
        for k in range(args.repeat):
            start = (n * args.repeat + k) * 7919
            for step in range(len(pages)):  # the first page from there the change changes
                page = pages[(start + step) % len(pages)]
                before = page.read_text(encoding="utf-8")
                after = change(before, k)
                if after != before:
                    break
            else:
                raise SystemExit(f"no page the {how} change changes")
            page.write_text(after, "utf-8")
            times.append(_build(corpus, store, args.jobs, args.validate))
        medians[how] = statistics.median(times)
        each = ", ".join(f"{t:.1f}" for t in times)
        print(
            f"one changed document ({how:7s}), rebuilt: {medians[how]:8.1f} s "
            f"({checked}; median of {args.repeat}: {each})"
        )
    return medians


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--validate", action="store_true")
    parser.add_argument("--built", type=Path, help="rebuild changes into DIR/store of DIR/corpus")
    args = parser.parse_args(argv)
    if args.built:
        _changes(args.built / "corpus", args.built / "store", args)
        print(f"target: one changed document in <= 5 s at 100k projects ({args.built} here)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        files = generate(corpus, args.projects)
        print(f"{args.projects} projects, {files} files")
        store = Path(tmp) / "store"
        first = _build(corpus, store, args.jobs, False)
        print(f"first build (no validation):   {first:8.1f} s")
        one = max(_changes(corpus, store, args).values())
        again = _build(corpus, Path(tmp) / "fresh", args.jobs, False)
        print(f"everything again, fresh store: {again:8.1f} s (not validated; {again / one:.1f}x)")
        print(f"target: one changed document in <= 5 s at 100k projects ({args.projects} here)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
