"""Score free-text extraction against the gold annotations; measure its speed.

    python benchmarks/extraction.py [--shared ../shared] [--verbose] [--speed-docs 1000]

Runs ``partnergraph extract``'s code path (read → extract → resolve → JSON record) on every
gold-annotated document and prints precision, recall and F1 for organisations, events,
projects and cooperation links: overall, by document kind and by language. Then the
project's scorer (``../shared/eval/score.py``, called, not copied) scores the same records
twice: on the documents the rules were tuned on (``benchmarks/tuned_on.txt``: the first
corpus and the even-numbered documents of the second batch) and on the held-out rest, which
no rule was written for — by kind and by language. Last it times the
same path on two-kilobyte news documents on one core and prints documents per second (by CPU
time, the median of five runs; by the clock beside it).

Matching: an organisation matches when one of its names (name or aliases, case and
diacritics folded) is one of the gold organisation's, or holds its stems (inflected forms:
"…savienību" for "…savienība"); an event when the type is the same
and neither the start dates nor the places disagree; a project when the number matches, or
the names do (a gold project with no stated name matches the page's unnamed project); a
cooperation link when both ends match, in either order. Targets: organisations F1 ≥ 0.85,
events ≥ 0.70, projects ≥ 0.90, cooperation links ≥ 0.70; speed ≥ 150 documents/s.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from partnergraph.graph.build import extract_all
from partnergraph.graph.extract import extract
from partnergraph.graph.extract.lexicon import normalise
from partnergraph.graph.extract.registry import stem_key
from partnergraph.graph.record import to_record
from partnergraph.graph.resolve import resolve_organisations
from partnergraph.graph.sources import Document, read_document

TARGETS = {"organisations": 0.85, "events": 0.70, "projects": 0.90, "links": 0.70}
Counts = dict[str, list[int]]  # field → [true positives, predicted, gold]


def _names(org: dict[str, Any]) -> set[str]:
    return {normalise(org["name"]), *(normalise(a) for a in org.get("aliases") or [])}


def _same_name(gold: set[str], pred: set[str], shortest: int = 8) -> bool:
    """Names match when equal once folded, or when one's stems hold the other's (names in
    inflecting languages appear in other cases: "…savienību" for "…savienība")."""
    if gold & pred:
        return True
    for g in gold:
        for p in pred:
            gs, ps = stem_key(g), stem_key(p)
            if min(len(gs), len(ps)) >= shortest and (gs in ps or ps in gs):
                return True
    return False


def _greedy(gold: list[Any], pred: list[Any], match: Callable[[Any, Any], bool]) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and match(g, p):
                used.add(i)
                hits += 1
                break
    return hits


def _place_ok(g: str | None, p: str | None) -> bool:
    return (
        g is None
        or p is None
        or _same_name({normalise(g)}, {normalise(p)})
        or stem_key(g) == stem_key(p)
    )


def _event_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g["type"] != p["type"]:
        return False
    if g.get("start") and p.get("start") and g["start"] != p["start"]:
        return False
    return _place_ok(g.get("place"), p.get("place"))


def _project_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("number") and p.get("number"):
        return normalise(g["number"]) == normalise(p["number"])
    gname, pname = normalise(g.get("name") or ""), normalise(p.get("name") or "")
    if (g.get("name") or "").startswith("("):  # the gold says the name is not in the text
        return not p.get("number") or not g.get("number")
    return bool(gname and pname and (gname == pname or gname in pname or pname in gname))


def score(gold: dict[str, Any], pred: dict[str, Any]) -> Counts:
    counts: Counts = {}
    g_orgs, p_orgs = gold["organisations"], pred["organisations"]
    counts["organisations"] = [
        _greedy(g_orgs, p_orgs, lambda g, p: _same_name(_names(g), _names(p))),
        len(p_orgs),
        len(g_orgs),
    ]
    counts["events"] = [
        _greedy(gold["events"], pred["events"], _event_match),
        len(pred["events"]),
        len(gold["events"]),
    ]
    counts["projects"] = [
        _greedy(gold["projects"], pred["projects"], _project_match),
        len(pred["projects"]),
        len(gold["projects"]),
    ]

    def ends(orgs: list[dict[str, Any]], name: str) -> set[str]:
        for org in orgs:
            if normalise(name) in _names(org):
                return _names(org)
        return {normalise(name)}

    def link_match(g: list[str], p: list[str]) -> bool:
        ga, gb = ends(g_orgs, g[0]), ends(g_orgs, g[1])
        pa, pb = ends(p_orgs, p[0]), ends(p_orgs, p[1])
        same = _same_name
        return (same(ga, pa) and same(gb, pb)) or (same(ga, pb) and same(gb, pa))

    g_links, p_links = gold["cooperation_links"], pred["cooperation_links"]
    counts["links"] = [_greedy(g_links, p_links, link_match), len(p_links), len(g_links)]
    return counts


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _print_table(title: str, groups: dict[str, Counts]) -> None:
    print(f"\n{title}")
    print(f"  {'':<14} {'field':<14} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold")
    for group, counts in sorted(groups.items()):
        for field in TARGETS:
            tp, pred, gold = counts.get(field, [0, 0, 0])
            p, r, f = _prf(tp, pred, gold)
            print(f"  {group:<14} {field:<14} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{pred}/{gold}")


def _add(into: Counts, counts: Counts) -> None:
    for field, values in counts.items():
        into.setdefault(field, [0, 0, 0])
        for i, v in enumerate(values):
            into[field][i] += v


def speed(shared: Path, docs: int) -> tuple[float, float]:
    """Documents per second for two-kilobyte news items on one core (extract + resolve): by
    the process's CPU time and by the clock, each the median of five runs (this machine is
    shared: the CPU time is the steadier figure; the clock's counts what other work took)."""
    news = []
    for path in sorted((shared / "corpus" / "docs").glob("1*.txt")):
        doc = read_document(path, root=path.parent)
        if isinstance(doc, Document):
            news.append(doc)
    if not news:
        return 0.0, 0.0
    batch = []
    for i in range(docs):
        base = news[i % len(news)]
        text = (base.text * 3)[:2048]
        batch.append(
            Document(
                f"{base.key}#{i}",
                base.path,
                text,
                None,
                "news",
                base.language,
                "utf-8",
                "text/plain",
                base.checksum,
            )
        )
    extract(batch[0])  # warm the caches (lexicon, city list, language model)
    cpu, clock = [], []
    for _run in range(5):
        started, ticked = time.process_time(), time.perf_counter()
        extractions = [extract(doc) for doc in batch]
        resolve_organisations(m for ex in extractions for m in ex.organisations)
        cpu.append(docs / (time.process_time() - started))
        clock.append(docs / (time.perf_counter() - ticked))
    return statistics.median(cpu), statistics.median(clock)


TUNED_ON = Path(__file__).resolve().parent / "tuned_on.txt"


def tuned_on() -> set[str]:
    """The gold files (stems) the reader was tuned on; every other one is held out."""
    lines = TUNED_ON.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def shared_score(shared: Path, records: list[dict[str, Any]], gold_files: list[Path]) -> Any:
    """The project scorer's JSON report of ``records`` against ``gold_files`` only."""
    with tempfile.TemporaryDirectory() as tmp:
        gold, docs = Path(tmp) / "gold", Path(tmp) / "docs"
        gold.mkdir()
        docs.mkdir()
        for path in gold_files:
            (gold / path.name).symlink_to(path)
        for path in [*(shared / "corpus" / "docs").glob("*.txt"), *(shared / "seeds").glob("*")]:
            if not (docs / path.name).exists():
                (docs / path.name).symlink_to(path)
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        command = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold)]
        command += ["--docs", str(docs), "--pred", str(pred), "--json"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"score.py failed: {done.stderr.strip()[-500:]}")
        return json.loads(done.stdout)


def _scorer(shared: Path) -> Any:
    """The project scorer's module (its functions called, not copied)."""
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {shared / 'eval' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrong_countries(
    scorer: Any, records: list[dict[str, Any]], golds: dict[str, dict[str, Any]]
) -> tuple[int, int]:
    """How many organisations of ``records`` are given a wrong country — the gold
    organisations of the same document with the same name (the scorer's name rule) have
    countries, and none has this one — and how many have a country at all. (The scorer counts such a one
    as missed and as extra; this tells why.)"""
    wrong = stated = 0
    for record in records:
        gold = golds.get(str(Path(record["path"]).resolve()))
        if gold is None:
            continue
        gold_orgs = scorer._items(gold, "organisations")
        for org in scorer._items(record, "organisations"):
            country = scorer.country(org)
            if country is None:
                continue
            stated += 1
            names = scorer.names_of(org)
            countries = {
                scorer.country(g) for g in gold_orgs if scorer.same_name(scorer.names_of(g), names)
            }
            if countries and None not in countries and country not in countries:
                wrong += 1
    return wrong, stated


def _print_split(title: str, report: Any, wrong: tuple[int, int] | None = None) -> None:
    total = report["total"]
    print(f"\n{title}: {report['documents']} documents (project scorer)")
    fields = ("organisations", "events", "projects", "links")
    print("  " + "  ".join(f"{f[:4]} P/R/F1 {total[f]['p']:.2f}/{total[f]['r']:.2f}/"
                           f"{total[f]['f']:.2f}" for f in fields))  # fmt: skip
    print(f"  organisation country right: {total['org_country']['p']:.2f} of matched")
    if wrong is not None:
        print(f"  organisations given a wrong country: {wrong[0]} of {wrong[1]} with one "
              "(none of the gold organisations of its name has it; target 0)")  # fmt: skip
    for group, f1 in report["groups"].items():
        print(f"  {group:<18} " + "  ".join(f"{f[:4]}={v:.2f}" for f, v in f1.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared")
    )
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--speed-docs", type=int, default=1000)
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    gold_dir = shared / "corpus" / "gold"
    if not gold_dir.is_dir():
        print(f"no gold annotations at {gold_dir}", file=sys.stderr)
        return 2
    golds = {}
    paths = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = (gold_dir.parent / "docs" / gold["doc"]).resolve()
        if not path.exists():
            path = (gold_dir.parent / gold["doc"]).resolve()
        golds[str(path)] = gold
        paths.append(str(path))
    results, problems, resolution = extract_all(paths)  # the build's own code path
    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)
    overall: Counts = {}
    by_kind: dict[str, Counts] = defaultdict(dict)
    by_lang: dict[str, Counts] = defaultdict(dict)
    records = []
    for doc, ex in results:
        gold = golds[str(Path(doc.path).resolve())]
        record = to_record(doc, ex, resolution)
        records.append(record)
        counts = score(gold, record)
        _add(overall, counts)
        _add(by_kind[gold["kind"]], counts)
        _add(by_lang[gold["language"]], counts)
        if args.verbose:
            misses = {f: c for f, c in counts.items() if c[0] != c[1] or c[0] != c[2]}
            if misses:
                print(
                    f"  {Path(doc.path).name}: "
                    + ", ".join(f"{f} {c[0]}/{c[1]}/{c[2]}" for f, c in misses.items())
                )
    print(f"documents scored: {len(results)}")
    _print_table("overall", {"all": overall})
    _print_table("by kind", by_kind)
    _print_table("by language", by_lang)
    print("\ntargets (F1):")
    for field, target in TARGETS.items():
        f1 = _prf(*overall.get(field, [0, 0, 0]))[2]
        print(
            f"  {field:<14} {f1:.3f} (target {target:.2f}: {'met' if f1 >= target else 'missed'})"
        )
    scorer = shared / "eval" / "score.py"
    if scorer.is_file():
        tuned = tuned_on()
        gold_files = sorted(gold_dir.glob("*.json"))
        module = _scorer(shared)
        for title, part in (("held out (never tuned on)", False), ("tuned on", True)):
            files = [g for g in gold_files if (g.stem in tuned) == part]
            stems = {g.stem for g in files}
            part_golds = {p: g for p, g in golds.items() if Path(g["doc"]).stem in stems}
            wrong = wrong_countries(module, records, part_golds)
            _print_split(title, shared_score(shared, records, files), wrong)
    else:
        print(f"\n(no project scorer at {scorer}: the split is not scored)")
    if args.speed_docs:
        cpu, clock = speed(shared, args.speed_docs)
        print(
            f"\nspeed: {cpu:.0f} two-kilobyte news documents per second on one core (target 150;"
            f" CPU time, median of five runs; by the clock {clock:.0f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
