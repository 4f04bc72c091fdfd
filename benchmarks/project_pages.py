"""Score project-page fields against the gold annotations; print per-field accuracy.

    python benchmarks/project_pages.py [--shared ../shared] [--verbose]

Fields: project number, status, promoter (name and country), partners (names, countries
and donor/other role), headline cost (amount, currency, kind). A document counts as right
for a field when what partnergraph reads equals the gold value; names match the gold name
or one of its aliases, case and spacing folded. Target: ≥ 0.95 per field.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from partnergraph.graph.extract import Extraction, extract
from partnergraph.graph.extract.lexicon import normalise
from partnergraph.graph.record import headline_cost
from partnergraph.graph.sources import Document, read_document

FIELDS = ("number", "status", "promoter", "partners", "cost")


def _names(org: dict[str, Any]) -> set[str]:
    return {normalise(org["name"]), *(normalise(a) for a in org.get("aliases", []))}


def _gold_orgs(gold: dict[str, Any], roles: set[str]) -> list[tuple[set[str], str | None, str]]:
    project = gold["projects"][0]["number"] if gold["projects"] else None
    out = []
    for org in gold["organisations"]:
        for role in org["roles"]:
            if role["role"] in roles and role.get("project") in (
                project,
                gold["projects"][0]["name"],
            ):
                out.append((_names(org), org["country"], role["role"]))
    return out


def _got_orgs(
    ex: Extraction, key: str | None, roles: set[str]
) -> list[tuple[str, str | None, str]]:
    return sorted(
        {
            (normalise(r.org.name), r.org.country, r.role)
            for r in ex.roles
            if r.role in roles and r.target == key
        }
    )


def _match(
    gold: list[tuple[set[str], str | None, str]], got: list[tuple[str, str | None, str]]
) -> bool:
    if len(gold) != len(got):
        return False
    free = list(got)
    for names, country, role in gold:
        hit = next((g for g in free if g[0] in names and g[1] == country and g[2] == role), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def _headline(ex: Extraction) -> tuple[Decimal, str, str] | None:
    cost = headline_cost(ex.projects[0]) if ex.projects else None
    return (cost.amount, cost.currency, cost.kind) if cost else None


def score(doc_path: Path, gold: dict[str, Any]) -> dict[str, bool]:
    doc = read_document(doc_path, root=doc_path.parent)
    if not isinstance(doc, Document):
        return dict.fromkeys(FIELDS, False)
    ex = extract(doc)
    g_project = gold["projects"][0] if gold["projects"] else {}
    p = ex.projects[0] if ex.projects else None
    key = p.key if p else None
    g_cost = g_project.get("cost")
    want_cost = (
        (Decimal(str(g_cost["amount"])), g_cost["currency"], g_cost["kind"]) if g_cost else None
    )
    return {
        "number": (p.number if p else None) == g_project.get("number"),
        "status": (p.status if p else None) == g_project.get("status"),
        "promoter": _match(_gold_orgs(gold, {"promoter", "programme_operator"}),
                           _got_orgs(ex, key, {"promoter", "programme_operator"})),
        "partners": _match(_gold_orgs(gold, {"partner", "donor_partner"}),
                           _got_orgs(ex, key, {"partner", "donor_partner"})),
        "cost": _headline(ex) == want_cost,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared")
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    gold_dir = Path(args.shared) / "corpus" / "gold"
    if not gold_dir.is_dir():
        print(f"no gold annotations at {gold_dir}", file=sys.stderr)
        return 2
    results: dict[str, dict[str, bool]] = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold["kind"] != "project-page":
            continue
        doc_path = (gold_dir.parent / "docs" / gold["doc"]).resolve()
        if not doc_path.exists():  # the seeds' gold names them relative to corpus/
            doc_path = (gold_dir.parent / gold["doc"]).resolve()
        results[doc_path.name] = score(doc_path, gold)
    print(f"project pages scored: {len(results)}")
    print(f"{'field':<10} {'accuracy':>8}  right/all")
    worst = 1.0
    for field in FIELDS:
        right = sum(r[field] for r in results.values())
        acc = right / len(results) if results else 0.0
        worst = min(worst, acc)
        print(f"{field:<10} {acc:8.3f}  {right}/{len(results)}")
    if args.verbose:
        for name, r in sorted(results.items()):
            misses = [f for f in FIELDS if not r[f]]
            if misses:
                print(f"  miss {name}: {', '.join(misses)}")
    print(f"target ≥ 0.95 per field: {'met' if worst >= 0.95 else 'missed'} (lowest {worst:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
