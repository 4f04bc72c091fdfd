"""Identity across documents: duplicates left and wrong merges, and resolution speed.

    python benchmarks/resolution.py [--shared ../shared] [--mentions 50000]

Builds the whole corpus plus the seeds (the build's own read → extract → resolve path) and
compares the organisations with the gold annotations. Gold organisations of different
documents are one real-world institution when they share a name or alias (folded) and do
not differ in country. A mention is matched to the gold organisation of its document with
that name. Then:

- duplicates: for each institution, the distinct (name, country) forms found minus one are
  the duplicates a graph without resolution would have; the distinct nodes left minus one
  are those left. Target: ≥ 95 % merged.
- wrong merges: a node holding mentions of two gold institutions. Target: none.

Speed: resolving ``--mentions`` synthetic organisation mentions (target 50,000 in ≤ 30 s).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from partnergraph.graph.build import extract_all
from partnergraph.graph.extract.lexicon import normalise
from partnergraph.graph.extract.model import Evidence, OrgMention
from partnergraph.graph.extract.registry import stem_key
from partnergraph.graph.resolve import resolve_organisations


def _names(org: dict[str, Any]) -> set[str]:
    return {normalise(org["name"]), *(normalise(a) for a in org.get("aliases") or [])}


def _gold_clusters(golds: dict[str, dict[str, Any]]) -> dict[tuple[str, int], int]:
    """(doc, index of the gold organisation) → institution number."""
    items = [
        (doc, i, _names(org), org.get("country"))
        for doc, g in golds.items()
        for i, org in enumerate(g["organisations"])
    ]
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, (_d1, _i1, n1, c1) in enumerate(items):
        for j in range(i + 1, len(items)):
            _d2, _i2, n2, c2 = items[j]
            if n1 & n2 and (c1 is None or c2 is None or c1 == c2):
                parent[find(i)] = find(j)
    return {(doc, idx): find(k) for k, (doc, idx, _n, _c) in enumerate(items)}


def _match(name: str, orgs: list[dict[str, Any]]) -> int | None:
    folded = normalise(name)
    for i, org in enumerate(orgs):
        if folded in _names(org):
            return i
    stem = stem_key(name)
    for i, org in enumerate(orgs):
        if any(
            min(len(stem), len(stem_key(n))) >= 8 and (stem in stem_key(n) or stem_key(n) in stem)
            for n in _names(org)
        ):
            return i
    return None


def quality(shared: Path) -> tuple[int, int, int, list[str]]:
    gold_dir = shared / "corpus" / "gold"
    golds: dict[str, dict[str, Any]] = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = (gold_dir.parent / "docs" / gold["doc"]).resolve()
        path = path if path.exists() else (gold_dir.parent / gold["doc"]).resolve()
        golds[str(path)] = gold
    results, _problems, resolution = extract_all(list(golds))
    cluster_of = _gold_clusters(golds)
    forms: dict[int, set[tuple[str, str | None]]] = defaultdict(set)
    nodes: dict[int, set[str]] = defaultdict(set)
    node_members: dict[str, set[int]] = defaultdict(set)
    for doc, ex in results:
        key = str(Path(doc.path).resolve())
        orgs = golds[key]["organisations"]
        for mention in [*ex.organisations, *(r.org for r in ex.roles)]:
            idx = _match(mention.name, orgs)
            if idx is None:
                continue  # not a gold organisation (a false positive of extraction)
            cluster = cluster_of[(key, idx)]
            node = resolution.of(mention).key
            forms[cluster].add((normalise(mention.name), mention.country))
            nodes[cluster].add(node)
            node_members[node].add(cluster)
    before = sum(len(f) - 1 for f in forms.values())
    left = sum(len(n) - 1 for n in nodes.values())
    wrong = [
        f"{node}: {len(members)} institutions"
        for node, members in node_members.items()
        if len(members) > 1
    ]
    return before, left, len(wrong), wrong


def speed(n: int, seed: int = 7) -> float:
    """Seconds to resolve ``n`` synthetic mentions (many forms of a few thousand names)."""
    rng = random.Random(seed)
    heads = ["University of", "Municipality of", "Association of", "Agency for", "Museum of"]
    places = [
        f"{rng.choice('BCDFGHKLMNPRSTVZ')}{rng.choice('aeiou')}{rng.choice('lmnrst')}{rng.choice('aeiou')}{i}"
        for i in range(n // 10)
    ]
    countries = ["NO", "PL", "LV", "LT", "BG", "IS", "RO", "CZ"]
    ev = Evidence(0, 1, "x")
    mentions = []
    for _ in range(n):
        place = rng.choice(places)
        name = f"{rng.choice(heads)} {place}"
        if rng.random() < 0.3:
            name = name.upper()
        if rng.random() < 0.2:
            name += " AS"
        mentions.append(OrgMention(name, rng.choice(countries), None, ev))
    started = time.perf_counter()
    resolve_organisations(mentions)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared")
    )
    parser.add_argument("--mentions", type=int, default=50_000)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "corpus" / "gold").is_dir():
        print(f"no gold annotations under {shared}", file=sys.stderr)
        return 2
    before, left, wrong_count, wrong = quality(shared)
    merged = 1 - left / before if before else 1.0
    print(f"duplicates without resolution: {before}")
    print(f"duplicates left:               {left}")
    print(f"merged:                        {merged:.1%} (target ≥ 95 %)")
    print(f"wrong merges:                  {wrong_count} (target 0)")
    if args.verbose:
        for line in wrong:
            print(f"  {line}")
    seconds = speed(args.mentions)
    print(f"resolution of {args.mentions} mentions: {seconds:.1f} s (target ≤ 30 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
