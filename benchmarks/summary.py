"""The summary graph against recomputing: the listing questions on a synthetic store,
answered from the summary (as ``partnergraph query`` does) and by the question's SPARQL on
raw pyoxigraph, side by side.

    python benchmarks/summary.py [--projects 10000] [--repeat 5] [--jobs 2] [--store DIR]

A synthetic corpus (``synth.py``) is built with ``partnergraph build --no-validate`` (or a
store built before is opened with ``--store``); then, for each question the summary keeps,
its first page of 100 rows and its whole answer are timed ``--repeat`` times each way
(medians; the raw SPARQL runs in a child process stopped after ``--raw-limit`` seconds,
shown as "> N s"), and the time ``summarise`` takes to rewrite the summary. Targets (issue 15): the
first page p50 <= 100 ms at 10k projects (<= 300 ms at 100k) and >= 10x faster than the
same page computed by the question's SPARQL; whole answers at >= 100k rows/s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from raw import median, raw_ms, shown
from synth import generate

from partnergraph import queries
from partnergraph.graph import ask
from partnergraph.graph.store import open_store
from partnergraph.graph.summary import SUMMARISED, summarise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--store", help="a store built before (no corpus is generated)")
    parser.add_argument(
        "--raw-limit", type=float, default=300, help="seconds the raw SPARQL may take (all runs)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(args.store or Path(tmp) / "store")
        if not args.store:
            corpus = Path(tmp) / "corpus"
            files = generate(corpus, args.projects)
            exe = Path(sys.executable).parent / "partnergraph"
            subprocess.run(
                [str(exe), "build", "--store", str(store_dir), "-q", "--no-validate",
                 "--jobs", str(args.jobs), str(corpus)],
                check=True,
            )  # fmt: skip
            print(f"{args.projects} projects, {files} files")
        store = open_store(str(store_dir))
        rewrite, _ = median(lambda: summarise(store), 1)
        where = str(store.path)  # type: ignore[attr-defined]
        print(f"{'question':<22} {'rows':>7} {'page SPARQL':>12} {'page kept':>10} {'ratio':>7}"
              f" {'whole SPARQL':>13} {'whole kept':>11} {'kept rows/s':>12}")  # fmt: skip
        for name in SUMMARISED:
            q = queries.load(name)
            sparql = queries.bound(q, {})
            page_raw = raw_ms(where, sparql.rstrip() + "\nLIMIT 100", args.repeat, args.raw_limit)
            whole_raw = raw_ms(where, sparql, args.repeat, args.raw_limit)
            page_kept, _ = median(lambda: ask(store, q, limit=100), args.repeat)  # noqa: B023
            whole_kept, page = median(lambda: ask(store, q), args.repeat)  # noqa: B023
            assert page.kept, f"{name}: the store keeps no summary of it"
            ratio = "" if page_raw is None else f"{page_raw / 1000 / page_kept:.0f}x"
            print(f"{name:<22} {page.total:>7} {shown(page_raw, args.raw_limit):>12}"
                  f" {page_kept * 1000:>8.1f}ms {ratio:>7} {shown(whole_raw, args.raw_limit):>13}"
                  f" {whole_kept * 1000:>9.1f}ms {page.total / whole_kept:>12,.0f}",
                  flush=True)  # fmt: skip
        store.close()
    print(f"summarise (rewrite the summary): {rewrite:.2f} s")
    print("targets: first page <= 100 ms at 10k projects (<= 300 ms at 100k), >= 10x the")
    print("SPARQL page; whole answers >= 100,000 rows/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
