"""One identity per real-world organisation, place and project across documents.

Rules, in order, each leaving an explanation on the identity it builds:

1. a name or alias in the shipped registry → that registry entry (country must agree);
2. a municipality form ("byen Lublin", "Gmina X", "X kommune") → the municipality seated
   in that place;
3. the same folded name (case, diacritics, punctuation) and the same country → one;
4. fuzzy match (rapidfuzz ``token_sort_ratio`` ≥ threshold) within one country, never for
   generic names ("University", "Municipality");
5. a mention without a country joins the one identity of that folded name, if exactly one.

Country is a hard constraint: names in two countries never merge.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .extract.lexicon import (
    RegistryEntry,
    lexicon,
    normalise,
    organisation_type,
    registry,
    registry_entry,
)
from .extract.model import OrgMention

__all__ = ["DEFAULT_THRESHOLD", "OrgIdentity", "Resolution", "resolve_organisations", "slug"]

DEFAULT_THRESHOLD = 92.0


def slug(text: str, limit: int = 80) -> str:
    """A stable, readable IRI segment.

    >>> slug("Norwegian Association of Local and Regional Authorities")
    'norwegian-association-of-local-and-regional-authorities'
    >>> slug("Ås kommune")
    'as-kommune'
    """
    s = normalise(text).replace(" ", "-").replace("_", "-") or "unnamed"
    if len(s) > limit:
        digest = hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]
        s = f"{s[: limit - 9].rstrip('-')}-{digest}"
    return s


@dataclass
class OrgIdentity:
    """One organisation: its key, the names it goes by and why they are one."""

    key: str
    slug: str
    country: str | None
    type: str | None
    name: str
    registry_id: str | None = None
    identifiers: tuple[tuple[str, str], ...] = ()
    seat: str | None = None
    names: Counter[str] = field(default_factory=Counter)
    reasons: list[str] = field(default_factory=list)
    name_langs: dict[str, str] = field(default_factory=dict)


@dataclass
class Resolution:
    """Mentions → identities."""

    identities: dict[str, OrgIdentity]
    by_mention: dict[tuple[str, str | None], str]

    def of(self, mention: OrgMention) -> OrgIdentity:
        """The identity a mention was resolved to."""
        return self.identities[self.by_mention[(mention.name, mention.country)]]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, drop = sorted((ra, rb), key=_key_rank)
        self.parent[drop] = keep
        return keep


def _key_rank(key: str) -> tuple[int, str]:
    # registry keys win, then municipalities, then names; ties by text: deterministic
    return ({"reg": 0, "mun": 1}.get(key.split(":", 1)[0], 2), key)


def resolve_organisations(
    mentions: Iterable[OrgMention], *, threshold: float = DEFAULT_THRESHOLD
) -> Resolution:
    """Group organisation mentions into identities (see the module docstring)."""
    lex = lexicon()
    entries = {e.id: e for e in registry()}
    uf = _UnionFind()
    reasons: dict[str, list[str]] = defaultdict(list)
    key_of: dict[tuple[str, str | None], str] = {}
    seen: list[OrgMention] = []
    for m in mentions:
        ident = (m.name, m.country)
        if ident in key_of:
            seen.append(m)
            continue
        folded = normalise(m.name)
        key = None
        entry = registry_entry(m.name, m.country) or (
            registry_entry(m.acronym, m.country) if m.acronym else None
        )
        if entry is not None:
            key = f"reg:{entry.id}"
            reasons[key].append(f"{m.name!r} is a registry name of {entry.name!r}")
        if key is None and m.type == "municipality" and m.seat:
            key = f"mun:{m.country or '??'}:{normalise(m.seat)}"
            reasons[key].append(f"{m.name!r} names the municipality of {m.seat}")
        if key is None:
            key = f"name:{m.country or '??'}:{folded}"
        key_of[ident] = key
        uf.find(key)
        seen.append(m)
    # fuzzy: within one country, never generic names
    by_country: dict[str, list[str]] = defaultdict(list)
    for key in sorted(set(key_of.values())):
        if key.startswith("name:"):
            _kind, cc, folded = key.split(":", 2)
            by_country[cc].append(folded)
    from rapidfuzz import fuzz, process

    for cc, names in sorted(by_country.items()):
        if cc == "??":
            continue
        for i, a in enumerate(names):
            if a in lex.generic or len(a) < 6:
                continue
            for b, score, _j in process.extract(
                a, names[i + 1 :], scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None
            ):
                if b in lex.generic:
                    continue
                merged = uf.union(f"name:{cc}:{a}", f"name:{cc}:{b}")
                reasons[merged].append(
                    f"{a!r} ~ {b!r} (similarity {score:.0f} ≥ {threshold:.0f}, same country {cc})"
                )
    # names: also join registry/municipality keys that share a folded name within a country
    folded_to_roots: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (name, country), key in key_of.items():
        folded_to_roots[(normalise(name), country or "??")].add(uf.find(key))
    for (folded, cc), roots in sorted(folded_to_roots.items()):
        if len(roots) > 1 and cc != "??" and folded not in lex.generic:
            ordered = sorted(roots, key=_key_rank)
            for other in ordered[1:]:
                merged = uf.union(ordered[0], other)
                reasons[merged].append(f"same name {folded!r} in {cc}")
    # mentions without a country join the one identity of their folded name, if unique
    for (name, country), key in sorted(key_of.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if country is not None or not key.startswith("name:??:"):
            continue
        folded = normalise(name)
        roots = {
            uf.find(k)
            for (n2, c2), k in key_of.items()
            if c2 is not None and normalise(n2) == folded
        }
        if len(roots) == 1 and folded not in lex.generic:
            root = roots.pop()
            uf.union(root, key)
            reasons[uf.find(root)].append(f"{name!r} has no country; it joins the one {folded!r}")
    return _identities(seen, key_of, uf, reasons, entries)


def _identities(
    mentions: list[OrgMention],
    key_of: dict[tuple[str, str | None], str],
    uf: _UnionFind,
    reasons: dict[str, list[str]],
    entries: dict[str, RegistryEntry],
) -> Resolution:
    groups: dict[str, list[OrgMention]] = defaultdict(list)
    for m in mentions:
        groups[uf.find(key_of[(m.name, m.country)])].append(m)
    identities: dict[str, OrgIdentity] = {}
    for root, ms in sorted(groups.items()):
        names = Counter(m.name for m in ms)
        countries = Counter(m.country for m in ms if m.country)
        types = Counter(m.type for m in ms if m.type)
        seat = next((m.seat for m in ms if m.seat), None)
        kind, _, rest = root.partition(":")
        entry = entries.get(rest) if kind == "reg" else None
        if entry is not None:
            country: str | None = entry.country
            org_type: str | None = entry.type
            name = entry.name
            ident_slug = slug(entry.id)
            registry_id: str | None = entry.id
            identifiers = entry.identifiers
            langs = {alias: lang for alias, lang in entry.aliases}
            langs.setdefault(entry.name, "en")
            for alias, _lang in entry.aliases:
                names.setdefault(alias, 0)
        else:
            country = countries.most_common(1)[0][0] if countries else None
            org_type = _most_common(types) or organisation_type(_canonical(names))
            # a municipality is named by its seat: "byen Lublin", "UM Lublin" → "Lublin"
            name = seat if kind == "mun" and seat else _canonical(names)
            ident_slug = slug(f"municipality {seat}") if kind == "mun" and seat else slug(name)
            registry_id, identifiers, langs = None, (), {}
        all_reasons: list[str] = []
        for m_root in sorted({key_of[(m.name, m.country)] for m in ms}):
            all_reasons.extend(reasons.get(m_root, ()))
        all_reasons.extend(reasons.get(root, ()))
        identities[root] = OrgIdentity(
            key=root,
            slug=ident_slug,
            country=country,
            type=org_type,
            name=name,
            registry_id=registry_id,
            identifiers=identifiers,
            seat=seat,
            names=names,
            reasons=list(dict.fromkeys(all_reasons)),
            name_langs=langs,
        )
    by_mention = {ident: uf.find(key) for ident, key in key_of.items()}
    return Resolution(identities, by_mention)


def _most_common(counter: Counter[str]) -> str | None:
    if not counter:
        return None
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _canonical(names: Counter[str]) -> str:
    """The name most often seen; mixed case before ALL CAPS, longer before shorter."""
    return sorted(names.items(), key=lambda kv: (kv[0].isupper(), -kv[1], -len(kv[0]), kv[0]))[0][0]
