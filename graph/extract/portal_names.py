"""The organisations of the grants portal's own data, as a gazetteer: every programme
operator, donor programme partner, project promoter and donor project partner the
portal's 2009–2014 export names, with the country of its NUTS region.

The reader looks names up here to find organisations whose names have no head word
("Stella Polaris", "Orkustofnun") and to give a country to names that do not tell theirs.
A name the portal gives under two countries ("Ministry of the Interior") is left out.

The shipped table is rebuilt from the export by

    python -m partnergraph.graph.extract.portal_names PARTNERS_JSON OUT_JSON

(``OUT_JSON``: ``graph/data/portal_organisations.json`` of the source tree.)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from .lemmas import is_known_word
from .lexicon import LETTER_RUNS, lexicon, normalise, organisation_type, read_data

__all__ = ["build", "known_names", "main", "portal_country"]

_FILE = "portal_organisations.json"
#: NUTS country prefixes that are not ISO 3166 codes.
_NUTS_TO_ISO = {"EL": "GR", "UK": "GB"}
_ROLES = ("PO", "PJPT", "PJDPP")


def _entries(rows: Iterable[dict[str, Any]]) -> Iterable[tuple[str, str | None]]:
    for row in rows:
        for role in _ROLES:
            for entry in (row.get(role) or {}).values():
                yield entry.get("name") or "", entry.get("nuts")
        if row.get("DPP"):
            yield row["DPP"], row.get("DPP_nuts")


def build(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The gazetteer table of the portal's ``partners.json`` rows."""
    generic = lexicon().generic
    countries: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    for raw_name, nuts in _entries(rows):
        name = " ".join(raw_name.split())
        key = normalise(name)
        if len(key) < 4 or key in generic or not nuts or len(nuts) < 2:
            continue
        cc = _NUTS_TO_ISO.get(nuts[:2].upper(), nuts[:2].upper())
        countries.setdefault(key, set()).add(cc)
        # the form to show: the first one met that is not all capitals, else the first
        if key not in shown or (shown[key].isupper() and not name.isupper()):
            shown[key] = name
    names = sorted([shown[key], next(iter(ccs))] for key, ccs in countries.items() if len(ccs) == 1)
    return {
        "_comment": "Organisations named by the EEA and Norway Grants portal's 2009-2014 "
        "export (partners.json: programme operators, donor programme partners, project "
        "promoters, donor project partners) with the country of their NUTS region; a name "
        "given under two countries is left out. Built by partnergraph.graph.extract."
        "portal_names from the export; data, not code.",
        "names": names,
    }


@cache
def _table() -> dict[str, str]:
    try:
        data = read_data(_FILE)
    except FileNotFoundError:
        return {}
    return {normalise(name): cc for name, cc in data["names"]}


def portal_country(name: str) -> str | None:
    """The country the portal gives an organisation of this name, if exactly one; none
    for a state's body named in common words only ("Ministry of Finance", "Environmental
    Board"), which every country has: the portal names one country's, a text any other's."""
    found = _table().get(normalise(name))
    if found is not None and _any_states(name):
        return None
    return found


def _any_states(name: str) -> bool:
    """Whether ``name`` is a ministry's or an agency's made of English words alone."""
    if organisation_type(name) not in ("ministry", "agency"):
        return False
    words = LETTER_RUNS.findall(name)
    return bool(words) and all(is_known_word(w, "en") for w in words if len(w) > 1)


@cache
def known_names() -> tuple[frozenset[tuple[str, ...]], dict[str, tuple[int, ...]]]:
    """The portal's names of two words or more as folded word tuples, and for each first
    word the lengths its names have, longest first (a place in a text asks one look-up per
    length, not one comparison per name)."""
    names: set[tuple[str, ...]] = set()
    lengths: dict[str, set[int]] = {}
    for key in _table():
        words = tuple(key.split())
        if len(words) >= 2:
            names.add(words)
            lengths.setdefault(words[0], set()).add(len(words))
    return frozenset(names), {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        usage = next(ln for ln in __doc__.splitlines() if "python -m" in ln).strip()
        print(f"usage: {usage}", file=sys.stderr)
        return 2
    source, target = Path(args[0]), Path(args[1])
    try:
        rows = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"{source}: cannot read the portal export: {e}", file=sys.stderr)
        return 2
    table = build(rows)
    rows_out = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in table["names"])
    comment = json.dumps(table["_comment"], ensure_ascii=False)
    text = f'{{\n "_comment": {comment},\n "names": [\n{rows_out}\n ]\n}}\n'
    target.write_text(text, encoding="utf-8")
    print(f"{len(table['names'])} organisations written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
