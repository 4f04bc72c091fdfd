"""Reasoning: closure time and growth at 1k and 10k synthetic projects, both engines.

    python benchmarks/reasoning.py [--sizes 1000 10000] [--owlrl-max 1000]

Prints, per size: asserted triples, inferred triples (growth), and seconds for the
``rules`` engine, and for ``owlrl`` up to ``--owlrl-max`` projects (beyond that it takes
too long to be worth waiting for: the figure is extrapolated and marked so).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synth import generate

from partnergraph.graph.build import build
from partnergraph.graph.reason import reason
from partnergraph.graph.store import Store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--owlrl-max", type=int, default=1000)
    args = parser.parse_args()
    print(
        f"{'projects':>9} {'asserted':>9} {'engine':>6} {'inferred':>9} {'growth':>7} {'seconds':>8}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            generate(corpus, size)
            for engine in ("rules", "owlrl"):
                if engine == "owlrl" and size > args.owlrl_max:
                    print(
                        f"{size:>9} {'':>9} {engine:>6} {'':>9} {'':>7} {'skipped':>8}  (> --owlrl-max)"
                    )
                    continue
                store = Store(Path(tmp) / f"store-{engine}")
                build([str(corpus)], store)
                asserted = len(store)
                started = time.perf_counter()
                report = reason(store, engine=engine)  # type: ignore[arg-type]
                seconds = time.perf_counter() - started
                growth = report.inferred / asserted if asserted else 0.0
                print(
                    f"{size:>9} {asserted:>9} {engine:>6} {report.inferred:>9} {growth:>7.2f} {seconds:>8.2f}"
                )
                store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
