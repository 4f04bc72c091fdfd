"""The registry of well-known institutions (``graph/data/registry.json``): canonical names,
countries, types, aliases in several languages, identifiers; looked up by folded name, and
in inflecting languages by a stem key."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .lexicon import normalise, read_data

__all__ = ["INFLECTED", "RegistryEntry", "registry", "registry_entry", "stem_key"]


@dataclass(frozen=True)
class RegistryEntry:
    """A well-known institution: canonical name, country, type, aliases, identifiers."""

    id: str
    name: str
    country: str
    type: str
    aliases: tuple[tuple[str, str], ...]
    identifiers: tuple[tuple[str, str], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *(alias for alias, _lang in self.aliases))


@cache
def _registry_index() -> dict[str, tuple[RegistryEntry, ...]]:
    index: dict[str, list[RegistryEntry]] = {}
    for entry in registry():
        for name in entry.names:
            index.setdefault(normalise(name), []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def stem_key(name: str) -> str:
    """A key that ignores inflected endings: each word of five letters or more loses two.

    >>> stem_key("Latvijas Pašvaldību savienību") == stem_key("Latvijas Pašvaldību savienība")
    True
    """
    return " ".join(w[:-2] if len(w) >= 5 else w for w in normalise(name).split())


@cache
def _registry_stems() -> dict[str, tuple[RegistryEntry, ...]]:
    index: dict[str, list[RegistryEntry]] = {}
    for entry in registry():
        for name, lang in ((entry.name, "en"), *entry.aliases):
            if lang in INFLECTED and len(name.split()) >= 2:
                index.setdefault(stem_key(name), []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


#: Languages whose names inflect (a registry alias in them also matches its other forms).
INFLECTED = frozenset({"lv", "lt", "pl", "cs", "sk", "bg", "ro", "is", "hu", "et", "sl", "hr"})


def registry_entry(name: str, country: str | None = None) -> RegistryEntry | None:
    """The registry entry a name or alias belongs to (its country must agree, if known).

    Names in inflecting languages match in other cases too ("…savienību" = "…savienība").

    >>> registry_entry("Kommunesektorens organisasjon").id
    'ks'
    >>> registry_entry("KS", "FI") is None
    True
    >>> registry_entry("Latvijas Pašvaldību savienību").id
    'lps'
    """
    candidates = _registry_index().get(normalise(name), ()) or _registry_stems().get(
        stem_key(name), ()
    )
    for entry in candidates:
        if country in (None, entry.country):
            return entry
    return None


@cache
def registry() -> tuple[RegistryEntry, ...]:
    """The shipped registry of well-known institutions."""
    out = []
    for row in read_data("registry.json")["institutions"]:
        out.append(
            RegistryEntry(
                id=row["id"],
                name=row["name"],
                country=row["country"],
                type=row["type"],
                aliases=tuple((a["name"], a.get("lang", "und")) for a in row.get("aliases", ())),
                identifiers=tuple(sorted(row.get("identifiers", {}).items())),
            )
        )
    return tuple(out)
