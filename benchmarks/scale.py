"""Scale: build throughput, peak memory, store size and question latency at 1k–100k projects.

    python benchmarks/scale.py [--sizes 1000 10000] [--repeat 7] [--news-per-project 0.5]
                               [--jobs N] [--keep DIR] [--no-questions]
    python benchmarks/scale.py --store DIR [--repeat 3] [--only QUESTION…]  # a built store
    python benchmarks/scale.py --store DIR --projections [--repeat 3]  # draw, analyse

For each size a synthetic corpus (``synth.py``: project pages plus half as many news items)
is built with ``partnergraph build --no-validate`` in a child process; its peak memory is
the largest sum, sampled every second, of the proportional set size (PSS: shared pages
counted once) of the build and its worker processes. Then every canned question runs
``--repeat`` times through partnergraph and the same SPARQL text straight on pyoxigraph
(same store, same default graph: the union kept by partnergraph), and the medians are
printed side by side: the first page of 100 rows (partnergraph reads it from the summary
where the build keeps the answer) and the whole answer.
Targets (issue 15): the first page p50 ≤ 100 ms at 10k projects and ≤ 300 ms at 100k, and
≥ 10× the raw SPARQL page; 100k project pages built in ≤ 5 min with peak memory ≤ 2 GiB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from raw import median, raw_ms, shown
from synth import generate

from partnergraph import queries
from partnergraph.graph import ask, how_answered
from partnergraph.graph.store import open_store

_BUSIEST = """PREFIX pg: <https://w3id.org/partnergraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?a ?b (COUNT(*) AS ?n) WHERE {
  ?via pg:donorPartner ?x . ?via pg:promoter ?y . ?x skos:prefLabel ?a . ?y skos:prefLabel ?b
} GROUP BY ?a ?b ORDER BY DESC(?n) ?a ?b LIMIT 1"""


def _params(store: Any) -> dict[str, dict[str, str]]:
    """Parameters from the data: the donor partner and promoter that share most projects
    (a name that finds nothing would time an empty answer)."""
    a, b, _n = store.select(_BUSIEST).rows[0]
    return {"partners": {"org": a}, "cooperation_sources": {"org_a": a, "org_b": b}}


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in task.read_text().split())
            except OSError:
                pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _run_measured(command: list[str]) -> tuple[float, float]:
    """Run ``command``; its wall time in seconds and the peak PSS of its tree in MB."""
    started = time.perf_counter()
    child = subprocess.Popen(command)
    peak = 0
    while child.poll() is None:
        peak = max(peak, sum(_pss_kb(p) for p in _tree(child.pid)))
        time.sleep(1.0)  # reading smaps costs CPU: not too often
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"build failed with exit code {child.returncode}")
    return seconds, peak / 1024


def _folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _questions(
    store: Any, repeat: int, only: list[str] | None = None, limit_s: float = 300
) -> None:
    """p50 of every canned question (or those named): its first page of 100 rows as
    partnergraph answers it (``ask``: from the summary where the build keeps the answer or,
    for ``partners``, its rows; by index look-ups for ``cooperation_sources``)
    and by the question's SPARQL with ``LIMIT 100`` on raw pyoxigraph (in a child process
    stopped after ``limit_s`` seconds); then the whole answer both ways."""
    where = str(store.path)
    params = _params(store)
    print(f"  parameters: {params}")
    print(f"  {'question':<22} {'rows':>7} {'how':>8} {'page':>10} {'raw page':>10} "
          f"{'ratio':>7} {'whole':>10} {'raw whole':>10}")  # fmt: skip
    for name in only or queries.names():
        q = queries.load(name)
        values = params.get(name, {})
        sparql = queries.bound(q, values)
        raw_page = raw_ms(where, sparql.rstrip() + "\nLIMIT 100", repeat, limit_s)
        raw_whole = raw_ms(where, sparql, repeat, limit_s)
        how = how_answered(store, q, values)
        if how == "SPARQL" and raw_whole is None:  # partnergraph runs the same SPARQL: as slow
            print(f"  {name:<22} {'?':>7} {how:>8} {'':>10} {shown(raw_page, limit_s):>10} "
                  f"{'':>7} {'':>10} {shown(raw_whole, limit_s):>10}", flush=True)  # fmt: skip
            continue
        page_ms = median(lambda: ask(store, q, values, limit=100), repeat)[0] * 1000  # noqa: B023
        whole = ask(store, q, values)
        whole_ms = median(lambda: ask(store, q, values), repeat)[0] * 1000  # noqa: B023
        ratio = "" if raw_page is None else f"{raw_page / page_ms:.0f}x"
        print(f"  {name:<22} {whole.total:>7} {how:>8} "
              f"{page_ms:>8.1f}ms {shown(raw_page, limit_s):>10} {ratio:>7} "
              f"{whole_ms:>8.1f}ms {shown(raw_whole, limit_s):>10}", flush=True)  # fmt: skip
    print("  targets: first page p50 <= 100 ms at 10k projects, <= 300 ms at 100k, and >= 10x")
    print("  the raw SPARQL page")


def _projections(store: str, repeat: int) -> None:
    """Seconds (median of ``repeat``) of 'draw' (the network page) and 'analyse' on a built
    store (issue 15: they start in seconds at 100k projects)."""
    exe = Path(sys.executable).parent / "partnergraph"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "network.html"
        commands = {
            "draw": [str(exe), "--store", store, "draw", "-o", str(page)],
            "analyse": [str(exe), "--store", store, "analyse", "--format", "csv"],
        }
        for name, command in commands.items():
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - started)
            size = f", page {page.stat().st_size / 1e6:.0f} MB" if name == "draw" else ""
            print(f"{name}: {statistics.median(times):.1f} s (median of {repeat}: "
                  f"{', '.join(f'{t:.1f}' for t in times)}){size}", flush=True)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--news-per-project", type=float, default=0.5)
    parser.add_argument("--jobs", type=int, help="passed to 'partnergraph build --jobs'")
    parser.add_argument("--keep", type=Path, help="build in DIR/SIZE and keep it (no temp dir)")
    parser.add_argument("--no-questions", action="store_true", help="measure the build only")
    parser.add_argument("--store", help="only time the questions on this built store")
    parser.add_argument("--only", nargs="+", metavar="QUESTION", help="time these questions")
    parser.add_argument(
        "--raw-limit", type=float, default=300, help="seconds the raw SPARQL may take (all runs)"
    )
    parser.add_argument(
        "--projections", action="store_true",
        help="with --store: time 'draw' (the page) and 'analyse' instead of the questions",
    )  # fmt: skip
    args = parser.parse_args()
    if args.store and args.projections:
        _projections(args.store, args.repeat)
        return 0
    if args.store:
        store = open_store(args.store, read_only=True)
        print(f"{args.store}: {len(store)} quads")
        _questions(store, args.repeat, args.only, args.raw_limit)
        return 0
    exe = Path(sys.executable).parent / "partnergraph"
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            where = args.keep / str(size) if args.keep else Path(tmp)
            corpus, store_dir = where / "corpus", where / "store"
            files = generate(corpus, size, news_per_project=args.news_per_project)
            command = [str(exe), "build", "--store", str(store_dir), "-q", "--no-validate"]
            command += ["--timings"]  # where the time goes: printed by the build itself
            if args.jobs:
                command += ["--jobs", str(args.jobs)]
            seconds, peak_mb = _run_measured([*command, str(corpus)])
            store = open_store(str(store_dir), read_only=True)
            print(f"\n{size} projects: {files} documents built in {seconds:.1f} s "
                  f"({files / seconds:.0f} documents/s, {args.jobs or os.cpu_count()} jobs), "
                  f"peak memory {peak_mb:.0f} MB, store {_folder_size(store_dir) / 1e6:.0f} MB, "
                  f"{len(store)} quads", flush=True)  # fmt: skip
            if not args.no_questions:
                _questions(store, args.repeat, args.only, args.raw_limit)
            del store
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
