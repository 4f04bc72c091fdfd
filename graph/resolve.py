"""One identity per real-world organisation, place and project across documents.

Rules, in order, each leaving an explanation on the identity it builds:

1. a name or alias in the shipped registry → that registry entry (country must agree);
2. a municipality form ("byen Lublin", "Gmina X", "X kommune") → the municipality seated
   in that place;
3. the same folded name (case, diacritics, punctuation) and the same country → one;
4. fuzzy match (rapidfuzz ``token_sort_ratio`` ≥ threshold) within one country, never for
   generic names ("University", "Municipality") nor names that hold other numbers
   ("School No. 5", "School No. 6") or differ in two towns' names ("… of Lublin", "… of
   Lubin");
5. a mention without a country joins the one identity of that folded name, if exactly one
   (else the one a document gave it to as an acronym, "… (NHO)", or the one it is a
   spelling of, as rule 4 compares);
6. a user's judgements file: pairs judged *different* are never merged by the rules above,
   pairs judged the *same* are merged whatever the rules say.

Country is a hard constraint: names in two countries never merge (except by judgement).
Legal forms (AS, Ltd, a.s., SIA…) do not count when names are compared.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .extract.gazetteer import town_countries
from .extract.lexicon import inflected_alike, lexicon, normalise, organisation_type
from .extract.model import OrgMention
from .extract.registry import RegistryEntry, registry, registry_entry, stem_key

__all__ = [
    "DEFAULT_THRESHOLD",
    "Counted",
    "JudgementError",
    "Judgements",
    "OrgIdentity",
    "Resolution",
    "load_judgements",
    "resolve_organisations",
    "slug",
]

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
        digest = hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:8]
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
    unmatched: tuple[str, ...] = ()  # names in the judgements that name no organisation

    def of(self, mention: OrgMention) -> OrgIdentity:
        """The identity a mention was resolved to."""
        return self.identities[self.by_mention[(mention.name, mention.country)]]


class JudgementError(ValueError):
    """The judgements file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Judgements:
    """A person's decisions: pairs of names that are the same, or different, institutions."""

    same: tuple[tuple[str, str], ...] = ()
    different: tuple[tuple[str, str], ...] = ()
    source: str = "judgements"


#: A judgements file larger than this is refused (thousands of pairs take a few hundred KB).
JUDGEMENTS_MAX_BYTES = 20_000_000


def load_judgements(path: str | Path) -> Judgements:
    """Read a judgements file: ``{"same": [["A", "B"], …], "different": [["C", "D"], …]}``."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not make us wait
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise JudgementError(f"{p}: not a regular file")
            raw = handle.read(JUDGEMENTS_MAX_BYTES + 1)
        if len(raw) > JUDGEMENTS_MAX_BYTES:
            raise JudgementError(f"{p}: over {JUDGEMENTS_MAX_BYTES // 1_000_000} MB; not read")
        data = json.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise JudgementError(f"{p}: cannot be read: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise JudgementError(f"{p}: not valid JSON: {exc}") from exc
    except RecursionError:
        raise JudgementError(f"{p}: nested too deeply to be a judgements file") from None
    if not isinstance(data, dict) or set(data) - {"same", "different", "_comment"}:
        raise JudgementError(f'{p}: expected an object with "same" and/or "different" lists')
    pairs: dict[str, tuple[tuple[str, str], ...]] = {}
    for kind in ("same", "different"):
        items = data.get(kind, [])
        if not isinstance(items, list) or not all(
            isinstance(i, list) and len(i) == 2 and all(isinstance(n, str) and n.strip() for n in i)
            for i in items
        ):
            raise JudgementError(f'{p}: "{kind}" must be a list of [name, name] pairs')
        pairs[kind] = tuple((a, b) for a, b in items)
    return Judgements(pairs["same"], pairs["different"], str(p))


_LEGAL_FORMS = frozenset(
    "as asa ab ltd limited a s s r o sp z o o sa s a sia uab gmbh ag srl inc oy plc llc".split()
)


def _core(folded: str) -> str:
    """A folded name without trailing legal forms ("norce … center as" → "norce … center")."""
    words = folded.split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


class _UnionFind:
    def __init__(self, apart: Iterable[tuple[str, str]] = ()) -> None:
        self.parent: dict[str, str] = {}
        self.names: dict[str, set[str]] = {}
        self.apart = [(normalise(a), normalise(b)) for a, b in apart]

    def add_name(self, key: str, folded: str) -> None:
        self.names.setdefault(self.find(key), set()).add(folded)

    def allowed(self, a: str, b: str) -> bool:
        """False if a judged-different pair would end up in one identity."""
        na, nb = self.names.get(self.find(a), set()), self.names.get(self.find(b), set())
        return not any((x in na and y in nb) or (x in nb and y in na) for x, y in self.apart)

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str, *, force: bool = False) -> str | None:
        """Merge two identities; None if a judgement keeps them apart (unless ``force``)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if not force and not self.allowed(ra, rb):
            return None
        keep, drop = sorted((ra, rb), key=_key_rank)
        self.parent[drop] = keep
        self.names.setdefault(keep, set()).update(self.names.pop(drop, set()))
        return keep


def _key_rank(key: str) -> tuple[int, str]:
    # registry keys win, then municipalities, then names; ties by text: deterministic
    return ({"reg": 0, "mun": 1}.get(key.split(":", 1)[0], 2), key)


@dataclass(frozen=True)
class Counted:
    """Mentions counted already: each mention object once, in the order it first came, and
    how often it came (what :func:`resolve_organisations` makes of a stream of them; a
    store's ledger tells it without making two million mentions)."""

    mentions: Sequence[OrgMention]
    counts: Sequence[int]

    @classmethod
    def of(cls, mentions: Iterable[OrgMention]) -> Counted:
        """``mentions`` counted (each object once; counted and kept in C)."""
        every = list(mentions)
        ids = list(map(id, every))
        found = Counter(ids)  # (both dicts: their keys in the order they first came)
        first = dict(zip(ids, every, strict=True))
        return cls(list(first.values()), list(found.values()))


def resolve_organisations(
    mentions: Iterable[OrgMention] | Counted,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    judgements: Judgements | None = None,
) -> Resolution:
    """Group organisation mentions into identities (see the module docstring)."""
    lex = lexicon()
    entries = {e.id: e for e in registry()}
    judged = judgements or Judgements()
    uf = _UnionFind(judged.different)
    reasons: dict[str, list[str]] = defaultdict(list)
    key_of: dict[tuple[str, str | None], str] = {}
    # each mention object once, with how often it came, in the order it first came (a
    # store's documents share their frozen mentions: two million are a few thousand)
    counted = mentions if isinstance(mentions, Counted) else Counted.of(mentions)
    for m in counted.mentions:
        ident = (m.name, m.country)
        if ident in key_of:
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
            key = f"name:{m.country or '??'}:{_core(folded)}"
        key_of[ident] = key
        uf.add_name(key, folded)
    # judgements name organisations as people see them: by a mention's name, a registry name
    # or alias, or an IRI; each becomes the mention names it stands for
    seen_as = _JudgedNames(key_of, entries)
    uf.apart = [(x, y) for a, b in judged.different for x in seen_as(a) for y in seen_as(b)]
    for a, b in judged.different:  # 'different' wins over a registry's aliases
        for name, country in seen_as.split_registry(a, b):
            old = key_of[(name, country)]
            key = f"name:{country or '??'}:{_core(normalise(name))}"
            key_of[(name, country)] = key
            uf.names.get(uf.find(old), set()).discard(normalise(name))
            uf.add_name(key, normalise(name))
            reasons[key].append(
                f"{name!r} is a registry name of {old.removeprefix('reg:')!r}, but "
                f"{a!r} ≠ {b!r} was judged in {judged.source}"
            )
    unmatched = sorted({n for pair in (*judged.same, *judged.different) for n in pair
                        if not seen_as(n)})  # fmt: skip
    # a short form or acronym of a fuller name in the same document is that organisation
    first_key: dict[str, str] = {}  # a name → one key of it, any country (the same in any order)
    for (n, _c), k in sorted(key_of.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        first_key.setdefault(n, k)
    for m in counted.mentions:
        if m.long_form:
            fuller = key_of.get((m.long_form, m.country)) or first_key.get(m.long_form)
            if fuller is not None and uf.union(key_of[(m.name, m.country)], fuller) is not None:
                why = f"{m.name!r} stands for {m.long_form!r} in the same document"
                reasons[uf.find(fuller)].append(why)
    # fuzzy: within one country, never generic names
    by_country: dict[str, list[str]] = defaultdict(list)
    for key in sorted(set(key_of.values())):
        if key.startswith("name:"):
            _kind, cc, folded = key.split(":", 2)
            by_country[cc].append(folded)
    for cc, names in sorted(by_country.items()):
        if cc == "??":
            continue
        for a, b, score in _similar_pairs(names, threshold, lex.generic):
            merged = uf.union(f"name:{cc}:{a}", f"name:{cc}:{b}")
            if merged is not None:
                why = f"{a!r} ~ {b!r} (similarity {score:.0f} ≥ {threshold:.0f}, country {cc})"
                reasons[merged].append(why)
    # inflected forms of one name ("Estfollas reģiona", "Estfollas reģionu"; "Visagino
    # savivaldybės", "Visagino savivaldybėje"), in one country: word by word, the same but
    # for endings of up to three letters
    # (a pair of names in plain ASCII is taken for English: "Gminy Piaseczno" is one form
    # of "Gminę Piaseczno", two English names are not one another's forms)
    by_stem: dict[tuple[str, tuple[str, ...]], list[tuple[str, str, str]]] = defaultdict(list)
    for (name, country), key in sorted(key_of.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if len(name.split()) >= 2 and normalise(name) not in lex.generic:
            folded = normalise(name)
            by_stem[(country or "??", _opening(folded))].append((folded, key, name))
    for (cc, _opens), named in sorted(by_stem.items()):
        for at, (first, key, name) in enumerate(named):
            for other, other_key, other_name in named[at + 1 :]:
                if (
                    (name.isascii() and other_name.isascii())
                    or uf.find(key) == uf.find(other_key)
                    or not inflected_alike(first, other)
                    or _two_towns(name, other_name)
                    or _numbers_differ(name, other_name)
                ):
                    continue
                merged = uf.union(key, other_key)
                if merged is not None:
                    reasons[merged].append(
                        f"inflected forms of one name ({stem_key(first)!r}, {cc})"
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
                if merged is not None:
                    reasons[merged].append(f"same name {folded!r} in {cc}")
    # mentions without a country join the one identity of their folded name, if unique
    with_country: dict[str, list[str]] = defaultdict(list)  # folded name → keys with a country
    for (n2, c2), k in key_of.items():
        if c2 is not None:
            with_country[normalise(n2)].append(k)
    # (else the one body a document gave it as an acronym, or the one it is a spelling of)
    acronyms: dict[str, dict[str, str]] = defaultdict(dict)  # → keys with a country, names
    for mention in counted.mentions:
        if mention.acronym and mention.country is not None:
            acronyms[mention.acronym].setdefault(
                key_of[(mention.name, mention.country)], mention.name
            )
    spellings = _Spellings(with_country, threshold, lex.generic)
    for (name, country), key in sorted(key_of.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if country is not None or not key.startswith("name:??:"):
            continue
        folded = normalise(name)
        if folded in lex.generic:
            continue
        why = f"{name!r} has no country; it joins the one {folded!r}"
        roots = {uf.find(k) for k in with_country.get(folded, ())}
        if not roots and _acronym(name):
            gave = acronyms.get(name, {})
            roots = {uf.find(k) for k in gave}
            fuller = ", ".join(sorted(gave.values()))
            why = f"{name!r} has no country; it is the acronym of the one {fuller}"
        elif not roots:
            like = spellings.like(folded)
            roots = {uf.find(k) for k in like}
            spelt = ", ".join(sorted(set(like.values())))
            why = f"{name!r} has no country; it is a spelling of the one {spelt!r}"
        if len(roots) == 1:
            root = roots.pop()
            if uf.union(root, key) is not None:
                reasons[uf.find(root)].append(why)
    # a person's judgements have the last word
    by_folded: dict[str, list[str]] = defaultdict(list)
    for (name, _country), key in key_of.items():
        by_folded[normalise(name)].append(key)

    def keys_of(name: str) -> list[str]:
        return [k for folded in sorted(seen_as(name)) for k in by_folded.get(folded, [])]

    for a, b in judged.same:
        keys = keys_of(a) + keys_of(b)
        for other in keys[1:]:
            merged = uf.union(keys[0], other, force=True)
            reasons[merged or uf.find(keys[0])].append(
                f"{a!r} = {b!r}: judged the same in {judged.source}"
            )
    for a, b in judged.different:
        if keys_of(a) and keys_of(b):
            for key in keys_of(a):
                reasons[uf.find(key)].append(f"{a!r} ≠ {b!r}: judged different in {judged.source}")
    weighed = list(zip(counted.mentions, counted.counts, strict=True))
    resolution = _identities(weighed, key_of, uf, reasons, entries)
    resolution.unmatched = tuple(unmatched)
    return resolution


def _two_towns(a: str, b: str) -> bool:
    """Whether two names of as many words differ in a word that is, in each, a town's own
    name ("Municipality Liběn", "Municipality Liberec"): two places, not two case forms of
    one (a case form is seldom another town's name)."""
    return any(
        normalise(x) != normalise(y) and town_countries(x) and town_countries(y)
        for x, y in zip(a.split(), b.split(), strict=False)
    )


_NUMBER = re.compile(r"\d+")


def _acronym(name: str) -> bool:
    """Whether a bare mention may be the acronym of a body another document named in full
    ("NHO", "НСОРБ", in any script; not of two letters: "KU" stands for too many)."""
    return 3 <= len(name) <= 8 and name.isalpha() and name.isupper()


class _Spellings:
    """The keys with a country whose folded names a countryless name is a spelling of
    (fuzzy, as :func:`_similar_pairs` compares; blocked by a shared distinctive word)."""

    def __init__(
        self, with_country: dict[str, list[str]], threshold: float, generic: frozenset[str]
    ) -> None:
        self.names = with_country
        self.threshold = threshold
        self.by_word: dict[str, list[str]] = defaultdict(list)
        for folded in sorted(with_country):
            if folded not in generic and len(folded) >= 6:
                for word in set(folded.split()):
                    if len(word) >= 3:
                        self.by_word[word].append(folded)

    def like(self, folded: str) -> dict[str, str]:
        """The keys ``folded`` is a spelling of → their folded names."""
        from rapidfuzz import fuzz

        if len(folded) < 6:
            return {}
        found: dict[str, str] = {}
        seen: set[str] = set()
        for word in set(folded.split()):
            others = self.by_word.get(word, ())
            if len(word) < 3 or len(others) > _COMMON_WORD:
                continue
            for other in others:
                if other in seen:
                    continue
                seen.add(other)
                if _numbers_differ(folded, other) or _two_towns(folded, other):
                    continue
                if fuzz.token_sort_ratio(folded, other, score_cutoff=self.threshold):
                    found.update(dict.fromkeys(self.names[other], other))
        return found


def _numbers_differ(a: str, b: str) -> bool:
    """Whether two names hold other numbers ("Gymnasium No. 5", "Gymnasium No. 6"): two
    bodies however alike the rest, not two spellings or case forms of one."""
    return _NUMBER.findall(a) != _NUMBER.findall(b)


def _seat(counted: list[tuple[OrgMention, int]]) -> str | None:
    """The seat of a municipality's mentions, whatever their order: a town's own name
    before a case form ("Rokiškis", not "Rokiškio"), then the one read most often, then
    by text."""
    seats: Counter[str] = Counter()
    for m, n in counted:
        if m.seat:
            seats[m.seat] += n
    if not seats:
        return None
    return min(seats, key=lambda s: (not town_countries(s), -seats[s], s))


def _opening(folded: str) -> tuple[str, ...]:
    """What inflected forms of a name share: each word's first four letters."""
    return tuple(w[:4] for w in folded.split())


class _JudgedNames:
    """What a name in a judgements file stands for: the (folded) mention names of the
    organisations it names — by the name itself, as a registry name or alias (every name
    of that registry entry seen), or as an organisation IRI (``…/org/CC/SLUG``)."""

    def __init__(
        self, key_of: dict[tuple[str, str | None], str], entries: dict[str, RegistryEntry]
    ) -> None:
        self.key_of = key_of
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.by_slug: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.all_names: set[str] = set()
        for (name, country), key in key_of.items():
            self.by_key[key].add(normalise(name))
            self.all_names.add(normalise(name))
            cc = (country or "xx").lower()
            self.by_slug[(cc, slug(name))].add(normalise(name))
        self.entry_keys: dict[str, str] = {}  # a registry name or alias, folded → its key
        for entry in entries.values():
            key = f"reg:{entry.id}"
            for alias in (entry.name, *(a for a, _lang in entry.aliases)):
                self.entry_keys[normalise(alias)] = key
            if key in self.by_key:
                cc = (entry.country or "xx").lower()
                self.by_slug[(cc, slug(entry.id))] |= self.by_key[key]

    def __call__(self, name: str) -> set[str]:
        text = name.strip()
        if text.startswith(("http://", "https://")):
            parts = text.rstrip("/").split("/")
            return set(self.by_slug.get((parts[-2], parts[-1]), set())) if len(parts) > 2 else set()
        folded = normalise(text)
        found = {folded} if folded in self.all_names else set()
        key = self.entry_keys.get(folded)
        if key is not None:
            found |= self.by_key.get(key, set())
        return found

    def split_registry(self, a: str, b: str) -> list[tuple[str, str | None]]:
        """Mentions to take out of a registry identity because ``a`` and ``b`` were judged
        different but are names of one registry entry: those named ``b`` (or ``a``, if ``b``
        is the entry's own name)."""
        key_a = self.entry_keys.get(normalise(a))
        key_b = self.entry_keys.get(normalise(b))
        if key_a is None or key_a != key_b:
            return []
        side = normalise(b)
        return [
            (name, country)
            for (name, country), key in self.key_of.items()
            if key == key_a and normalise(name) == side
        ] or [
            (name, country)
            for (name, country), key in self.key_of.items()
            if key == key_a and normalise(name) == normalise(a)
        ]


#: A word in more names than this tells nothing about which names are alike.
_COMMON_WORD = 50


def _similar_pairs(
    names: list[str], threshold: float, generic: frozenset[str]
) -> Iterator[tuple[str, str, float]]:
    """Pairs of names with ``token_sort_ratio`` ≥ threshold, comparing only names that share
    a distinctive word (blocking: comparing all pairs is quadratic)."""
    from rapidfuzz import fuzz

    usable = [n for n in names if n not in generic and len(n) >= 6]
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(usable):
        for word in set(name.split()):
            if len(word) >= 3:
                by_word[word].append(i)
    seen: set[tuple[int, int]] = set()
    for members in by_word.values():
        if len(members) > _COMMON_WORD:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair in seen:
                    continue
                seen.add(pair)
                a, b = usable[pair[0]], usable[pair[1]]
                if _numbers_differ(a, b) or _two_towns(a, b):
                    continue  # "School No. 5" and "No. 6", "… of Lublin" and "… of Lubin"
                score = fuzz.token_sort_ratio(a, b, score_cutoff=threshold)
                if score:
                    yield a, b, score


def _identities(
    mentions: list[tuple[OrgMention, int]],
    key_of: dict[tuple[str, str | None], str],
    uf: _UnionFind,
    reasons: dict[str, list[str]],
    entries: dict[str, RegistryEntry],
) -> Resolution:
    """The identities of the union-find's groups; ``mentions``: each with how often it came."""
    groups: dict[str, list[tuple[OrgMention, int]]] = defaultdict(list)
    for m, n in mentions:
        groups[uf.find(key_of[(m.name, m.country)])].append((m, n))
    identities: dict[str, OrgIdentity] = {}
    for root, counted in sorted(groups.items()):
        ms = [m for m, _n in counted]
        names: Counter[str] = Counter()
        countries: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for m, n in counted:
            names[m.name] += n
            if m.country:
                countries[m.country] += n
            if m.type:
                types[m.type] += n
        seat = _seat(counted)
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
            country = _most_common(countries)
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
