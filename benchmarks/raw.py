"""Timing for the benchmarks: a callable's median time, and a SPARQL question timed on
raw pyoxigraph in a child process that is stopped at a time limit (some questions take
many minutes at scale; a benchmark should still finish).

The child opens the store folder read-only, runs the query ``repeat`` times and prints the
median in milliseconds; the default graph is the store's own (the union partnergraph
keeps), as when partnergraph asks.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

__all__ = ["median", "raw_ms", "shown"]

_CHILD = """
import statistics, sys, time
import pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
query, times = sys.stdin.read(), []
for _ in range(int(sys.argv[2])):
    started = time.perf_counter()
    for _row in store.query(query):
        pass
    times.append(time.perf_counter() - started)
print(statistics.median(times) * 1000)
"""


def raw_ms(store_dir: str, sparql: str, repeat: int, limit_s: float) -> float | None:
    """The median milliseconds of ``repeat`` runs; None when they took over ``limit_s``."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, store_dir, str(repeat)],
            input=sparql,
            capture_output=True,
            text=True,
            timeout=limit_s,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout.strip())


def shown(ms: float | None, limit_s: float) -> str:
    """A time for a table: milliseconds, or "> N s" when stopped at the limit."""
    return f"> {limit_s:.0f} s" if ms is None else f"{ms:.1f} ms"


def median(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median seconds of ``repeat`` calls of ``run``, and what the last one returned."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result
