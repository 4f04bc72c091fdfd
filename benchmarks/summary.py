"""The summary graph against recomputing: cooperation_pairs on a synthetic store, answered
by the question's SPARQL on the store and from the summary, side by side.

    python benchmarks/summary.py [--projects 10000] [--repeat 5] [--jobs 2]

A synthetic corpus (``synth.py``) is built with ``partnergraph build --no-validate``; then
the whole answer and its first page of 100 rows are timed ``--repeat`` times each way
(medians, seconds), and the time ``summarise`` takes to rewrite the summary. Targets
(issue 15): the first page p50 ≤ 100 ms at 10k projects and ≥ 10× faster than the same
page computed by the question's SPARQL.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from synth import generate

from partnergraph import queries
from partnergraph.graph.store import open_store
from partnergraph.graph.summary import read_pairs, summarise


def _median(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, store_dir = Path(tmp) / "corpus", Path(tmp) / "store"
        files = generate(corpus, args.projects)
        exe = Path(sys.executable).parent / "partnergraph"
        subprocess.run(
            [str(exe), "build", "--store", str(store_dir), "-q", "--no-validate",
             "--jobs", str(args.jobs), str(corpus)],
            check=True,
        )  # fmt: skip
        store = open_store(str(store_dir))
        sparql = queries.bound(queries.load("cooperation_pairs"), {})
        paged = sparql.rstrip() + "\nLIMIT 100"
        whole_sparql, rows = _median(lambda: store.select(sparql).rows, args.repeat)
        page_sparql, _ = _median(lambda: store.select(paged).rows, args.repeat)
        whole_summary, summed = _median(lambda: read_pairs(store).rows, args.repeat)
        page_summary, _ = _median(lambda: read_pairs(store, limit=100).rows, args.repeat)
        rewrite, _ = _median(lambda: summarise(store), 1)
        store.close()
    print(f"{args.projects} projects, {files} files; {len(rows)} pairs ({len(summed)} summarised)")
    print(f"{'cooperation_pairs':<22} {'SPARQL':>9} {'summary':>9} {'ratio':>7}")
    for what, a, b in (("whole answer", whole_sparql, whole_summary),
                       ("first 100 rows", page_sparql, page_summary)):  # fmt: skip
        print(f"{what:<22} {a:8.3f}s {b:8.3f}s {a / b:6.1f}x")
    print(f"summarise (rewrite the summary): {rewrite:.2f} s")
    print("targets: first page <= 0.100 s at 10k projects, >= 10x the SPARQL page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
