"""News in many languages: organisations, places, events, roles, projects — with evidence."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from partnergraph import queries
from partnergraph.graph.cli import main
from partnergraph.graph.extract.prose import read_text
from partnergraph.graph.store import Store

from ..conftest import EXAMPLES, FIRST_CORPUS, ROOT

GOLD_KEYS = {
    "doc",
    "kind",
    "language",
    "projects",
    "organisations",
    "places",
    "events",
    "cooperation_links",
}


def test_extract_prints_one_gold_schema_object_per_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", str(EXAMPLES)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 2 and all(GOLD_KEYS <= set(r) for r in records)
    # each record names the file it was read from, as given on the command line
    assert sorted(r["path"] for r in records) == sorted(
        str(p) for p in EXAMPLES.rglob("*.txt") if p.parent.name == "seeds"
    )
    news = next(r for r in records if r["language"] == "no")
    visit = next(e for e in news["events"] if e["type"] == "study_visit")
    assert (visit["start"], visit["end"], visit["place"]) == ("2021-11-24", "2021-11-26", "Bergen")
    assert "byen Lublin" in visit["participants"]
    ks = next(o for o in news["organisations"] if "KS" in (o["name"], *o["aliases"]))
    assert (
        ks["country"] == "NO"
        and {"project": ks["roles"][0]["project"], "role": "host"} in ks["roles"]
    )
    links = {frozenset(pair[:2]) for pair in news["cooperation_links"]}
    assert frozenset({"Røde Kors", "Regionkontoret Fagforbundet"}) in links


def _news_record(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> Any:
    """The record ``partnergraph extract`` prints for an English news item of ``text``."""
    item = tmp_path / "item.txt"
    item.write_text("# kind: news\n# language: en\n\n" + text, encoding="utf-8")
    assert main(["extract", str(item)]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return record


def test_a_records_aliases_name_each_acronym_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = _news_record(
        tmp_path,
        capsys,
        "A study visit to Bergen took place on 3 May 2022. "
        "The Gdansk Youth Association (GYA) met the University of Bergen.\n",
    )
    # the association is named in the list, in its role and in its link: its acronym once
    club = next(o for o in record["organisations"] if o["name"] == "Gdansk Youth Association")
    assert club["aliases"] == ["GYA"]


def test_an_acronym_is_the_alias_of_the_name_it_stands_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An acronym the text gives no name for is the alias of the name whose words' first
    letters spell it ("BBU": "Babes-Bolyai University of Cluj"), or whose acronym holds it
    ("MEERI" of "MEERI PAS"); a project's short form names no body."""
    record = _news_record(
        tmp_path,
        capsys,
        "A study visit to Bergen took place on 3 May 2022. "
        "The Babes-Bolyai University of Cluj met the University of Bergen. "
        "Students went between BBU and Norway. The Mineral Energy Research Institute (MEERI "
        "PAS) is leading the Green heat project (GHP). MEERI hosted GHP meetings.\n",
    )
    names = {o["name"]: o["aliases"] for o in record["organisations"]}
    assert "BBU" in names["Babes-Bolyai University of Cluj"]
    assert "MEERI" in names["Mineral Energy Research Institute"]
    assert not {"BBU", "MEERI", "GHP"} & set(names)


def test_extract_and_build_share_one_code_path(
    capsys: pytest.CaptureFixture[str], seed_store: Store
) -> None:
    assert main(["extract", str(EXAMPLES)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    extracted = {(e["type"], e["start"]) for r in records for e in r["events"]}
    built = {
        (r["type"], r["start"]) for r in seed_store.select(queries.load("events").sparql).dicts()
    }
    assert extracted == built


def test_sources_of_a_cooperation_link(seed_store: Store) -> None:
    q = queries.bound(
        queries.load("cooperation_sources"), {"org_a": "Røde Kors", "org_b": "Fagforbundet"}
    )
    rows = seed_store.select(q).dicts()
    stated = [r for r in rows if r["via_label"] == "stated cooperation"]
    assert stated and all(r["source"] == "examples/seeds/002_c84218a7ceba7421.txt" for r in stated)
    assert any("samarbeid med Fagforbundet" in (r["sentence"] or "") for r in stated)
    assert any(r["via_label"] == "Studiebesøk til Bergen" and r["role_a"] == "host" for r in rows)


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("lv", "Pārstāvji no Amatas, Līgatnes un Raunas novadu apmeklēja Oslo.",
         {"Amatas novads", "Līgatnes novads", "Raunas novads"}),
        # the singular genitive the list's items share: three municipalities too
        ("lv", "Amatas, Līgatnes un Raunas novada pašvaldības apmeklēja Norvēģiju.",
         {"Amatas novads", "Līgatnes novads", "Raunas novads"}),
        ("no", "Ordførerne i Hamar, Gjøvik og Lillehammer kommuner møttes.",
         {"Hamar kommune", "Gjøvik kommune", "Lillehammer kommune"}),
        ("en", "Three Lithuanian municipalities (Ignalina, Kupiskis and Ukmerge) took part.",
         {"Ignalina", "Kupiskis", "Ukmerge"}),
        # the noun's other plural and case forms: every place of the list, not the last
        ("lv", "Konferenci organizēja Cēsu un Siguldas pašvaldības kopā ar partneriem.",
         {"Cēsu pašvaldība", "Siguldas pašvaldība"}),
        ("pl", "Spotkania odbyły się w gminach Kłodzko i Nysa.",
         {"Gmina Kłodzko", "Gmina Nysa"}),
        ("lt", "Seminaras vyko Alytaus ir Utenos rajonuose.", {"Alytaus rajonas", "Utenos rajonas"}),
        ("no", "Hedmark og Oppland fylkeskommuner deltok i seminaret.",
         {"Hedmark fylkeskommune", "Oppland fylkeskommune"}),
    ],
)  # fmt: skip
def test_lists_of_municipalities(lang: str, text: str, names: set[str]) -> None:
    found = {o.name for o in read_text(text, lang).organisations if o.type == "municipality"}
    assert names <= found


def test_a_lists_case_form_after_one_place_is_that_places_name() -> None:
    """ "pašvaldību" is the plural a list of places takes ("Amatas, Līgatnes un Raunas
    novadu") and the accusative of one: right after one place it closes that place's name;
    further on in a sentence it is a plural, no name."""
    orgs = {o.name for o in read_text("Delegācija apmeklēja Rīgas pašvaldību.", "lv").organisations}
    assert orgs == {"Rīgas pašvaldību"}
    plural = "Divas dienas dalībnieki prezentēja savu pašvaldību."
    assert not read_text(plural, "lv").organisations
    # a city's council is its municipality, in any case ("Liepājas pilsētas domes")
    council = read_text("Liepājas pilsētas domes pārstāvji apmeklēja Bergenu.", "lv")
    assert [(o.name, o.type, o.seat) for o in council.organisations] == [
        ("Liepājas pilsētas domes", "municipality", "Liepāja")
    ]
    listed = "Delegācija apmeklēja Ogres un Ikšķiles pašvaldību."
    assert {o.name for o in read_text(listed, "lv").organisations} == {
        "Ogres pašvaldība", "Ikšķiles pašvaldība"
    }  # fmt: skip


def test_inflected_registry_names_keep_their_country() -> None:
    text = "Seminārs notika sadarbībā ar Latvijas Pašvaldību savienību un Norvēģijas Vietējo un reģionālo varas iestāžu asociāciju."
    orgs = {o.name: o.country for o in read_text(text, "lv").organisations}
    assert orgs["Latvijas Pašvaldību savienību"] == "LV"
    assert orgs["Norvēģijas Vietējo un reģionālo varas iestāžu asociāciju"] == "NO"


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "pl",
            "Wyjazd zorganizowano w ramach projektu „Dialog dla Podlasia” ze środków norweskich.",
            "Dialog dla Podlasia",
        ),
        (
            "en",
            "Within the framework of project “Stronger Towns Together“ the association received a grant.",
            "Stronger Towns Together",
        ),
        ("en", "Ms Berg presented the project named NærUng to the guests.", "NærUng"),
        ("en", "Partners of the GeoHeat4Schools project met in Reykjavik.", "GeoHeat4Schools"),
    ],
)
def test_project_names_in_news(lang: str, text: str, name: str) -> None:
    assert [p.name for p in read_text(text, lang).projects] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The project's partners are the Vilnius University from Lithuania, which is leading "
            "the project, and the Norwegian University of Life Sciences.",
            {
                ("Vilnius University", "promoter"),
                ("Norwegian University of Life Sciences", "partner"),
            },
        ),
        # "promoted by" names the promoter, as its kin in the other languages do
        (
            "The project is promoted by the Baltic Heritage Foundation and its partner is the "
            "Norwegian Institute for Cultural Heritage Research.",
            {("Baltic Heritage Foundation", "promoter")},
        ),
    ],
)
def test_unnamed_project_and_its_partners_and_promoter(
    text: str, expected: set[tuple[str, str]]
) -> None:
    [project] = (facts := read_text(text, "en")).projects
    roles = {(r.org.name, r.role) for r in facts.roles if r.target == project.key}
    assert expected <= roles


def test_a_programme_stands_for_the_project_only_until_a_project_is_named() -> None:
    text = (
        "Gmina otrzymała środki w ramach programu „Rozwój Lokalny”. Dzięki tym środkom w "
        "naszym mieście wdrażany jest projekt „Zielone Podwórka”."
    )
    assert [p.name for p in read_text(text, "pl").projects] == ["Zielone Podwórka"]
    alone = "Gmina otrzymała środki w ramach programu „Rozwój Lokalny”."
    assert [p.name for p in read_text(alone, "pl").projects] == ["Rozwój Lokalny"]


def test_dates_without_a_year_take_the_datelines() -> None:
    text = "Press release, 3 March 2023\n\nOn 12-14 May a delegation from Gdańsk came to Bergen for a study visit."
    [event] = read_text(text, "en").events
    assert (event.start, event.end) == (date(2023, 5, 12), date(2023, 5, 14))


def test_roles_follow_the_nearest_cue() -> None:
    text = (
        "The meeting was attended by representatives of the Polish Embassy in Norway and of the "
        "Association of Polish Cities, and the meeting was hosted by the Norwegian Union of Municipal and General Employees."
    )
    roles = {(r.org.name, r.role) for r in read_text(text, "en").roles}
    assert ("Polish Embassy", "participant") in roles  # "in Norway" says where it is
    assert ("Norwegian Union of Municipal and General Employees", "host") in roles


def test_kinds_of_activity_are_not_events_but_coordinated_ones_are_one() -> None:
    assert (
        read_text(
            "Staff may join seminars, trainings, workshops and conferences abroad.", "en"
        ).events
        == ()
    )
    events = read_text(
        "Workshops and trainings for local politicians were held in Riga.", "en"
    ).events
    assert [(e.type, e.place.name if e.place else None) for e in events] == [("training", "Riga")]


def test_extraction_quality_does_not_fall(shared: Path) -> None:
    """A regression guard over the whole corpus, scored by the project's scorer: floors the
    tuned part and the held-out part each earned (the benchmark prints the full figures)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import extraction

    from partnergraph.graph.build import extract_all
    from partnergraph.graph.record import to_record

    gold_dir = shared / "corpus" / "gold"
    gold_files = sorted(gold_dir.glob("*.json"))
    paths = []
    for gold_path in gold_files:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = (gold_dir.parent / "docs" / gold["doc"]).resolve()
        paths.append(str(path if path.exists() else (gold_dir.parent / gold["doc"]).resolve()))
    results, _problems, resolution = extract_all(paths)
    records = [to_record(doc, ex, resolution) for doc, ex in results]
    tuned = extraction.tuned_on()
    floors = {
        # earned when set (14 held out since 161 was seen too; 2026-12-01): tuned .91 / .75
        # / .84 / .70; held out .71 / .47 / .53 / .51
        "tuned": {"organisations": 0.88, "events": 0.71, "projects": 0.79, "links": 0.66},
        "held out": {"organisations": 0.67, "events": 0.43, "projects": 0.49, "links": 0.47},
    }
    parts = {
        "tuned": [g for g in gold_files if g.stem in tuned],
        "held out": [g for g in gold_files if g.stem not in tuned],
    }
    # the first corpus keeps its own guard: the rules were written on it
    parts["first"] = [g for g in gold_files if g.stem in FIRST_CORPUS]
    # (earned: .92 / .73 / .95 / .71)
    floors["first"] = {"organisations": 0.88, "events": 0.68, "projects": 0.90, "links": 0.68}
    for part, files in parts.items():
        total = extraction.shared_score(shared, records, files)["total"]
        f1 = {field: total[field]["f"] for field in floors[part]}
        assert all(f1[field] >= floor for field, floor in floors[part].items()), (part, f1)


def test_last_resort_pairs_donor_and_beneficiary_organisations_of_an_event() -> None:
    from partnergraph.graph.extract import extract
    from partnergraph.graph.sources import Document

    def news(text: str) -> Document:
        return Document("n", "n.txt", text, None, "news", "en", "utf-8", "text/plain", "")

    # (a seminar: at a study visit to Bergen, the university there would be its host)
    text = (
        "A seminar in Bergen took place on 3 May 2022. Representatives of the Gdansk "
        "Youth Association met the University of Bergen."
    )
    links = extract(news(text)).links
    assert [(link.a.name, link.b.name) for link in links] == [
        ("University of Bergen", "Gdansk Youth Association")
    ]
    assert "last resort" in links[0].why
    # without an event, nothing is paired; nor are organisations of one country
    assert extract(news(text.split(". ", 1)[1])).links == ()
    same = text.replace("Gdansk Youth Association", "Bergen Youth Association")
    assert extract(news(same)).links == ()
    # a body of a third country is on neither side
    third = text.replace("Gdansk Youth Association", "Hamburg Youth Association")
    assert extract(news(third)).links == ()


def _roles(text: str, language: str = "en") -> set[tuple[str, str, str]]:
    from partnergraph.graph.extract import extract
    from partnergraph.graph.sources import Document

    doc = Document("n", "n.txt", text, None, "news", language, "utf-8", "text/plain", "")
    return {(r.org.name, r.role, r.target) for r in extract(doc).roles}


def test_a_study_visits_party_from_the_country_it_went_to_is_whom_it_visited() -> None:
    """Visitors travel: a study visit's party from the country the visit went to is its
    host, beside visitors from elsewhere, or alone, or when the item is written in the
    language of another country; a visit within one country is left as read."""
    met = (
        "A study visit to Bergen took place on 3 May 2022. Representatives of the Gdansk "
        "Youth Association met the University of Bergen."
    )
    assert _roles(met) == {
        ("Gdansk Youth Association", "participant", "e0"),
        ("University of Bergen", "host", "e0"),
    }
    # every party from the country the visit went to: within one country, as read
    home = met.replace("Gdansk Youth Association", "Oslo Youth Association")
    assert _roles(home) == {
        ("Oslo Youth Association", "participant", "e0"),
        ("University of Bergen", "participant", "e0"),
    }
    # the same, in a Polish item: the visit went abroad, both parties were visited
    polish = (
        "Wizyta studyjna w Bergen odbyła się 3 maja 2022 r. Delegacja spotkała się z "
        "przedstawicielami Bergen kommune i Universitetet i Bergen oraz Oslo kommune."
    )
    found = _roles(polish, "pl")
    assert found and {role for _name, role, _target in found} == {"host"}


def test_a_projects_visit_hosted_by_its_partner_was_made_by_its_partners_from_elsewhere() -> None:
    """A project's visit that names no visitor, to the country of one of the project's
    organisations, was hosted by it and made by the project's organisations from
    elsewhere; a visit to a body outside the project (a museum) tells no visitor."""
    partners = (
        " The project's partners are the Gdansk Youth Association from Poland, which is"
        " leading the project, the Kaunas Energy Agency from Lithuania and the University"
        " of Bergen from Norway."
    )
    came = "From 3 to 5 May 2022, the delegation of the GreenHeat project came to Norway."
    found = _roles(came + partners)
    visit = {(name, role) for name, role, target in found if target == "e0"}
    assert visit == {
        ("University of Bergen", "host"),
        ("Gdansk Youth Association", "participant"),
        ("Kaunas Energy Agency", "participant"),
    }
    museum = came.replace(
        "came to Norway", "came to Norway, where it visited the Bergen Maritime Museum"
    )
    visit = {(name, role) for name, role, target in _roles(museum + partners) if target == "e0"}
    assert visit == {("Bergen Maritime Museum", "host")}


def test_the_items_of_a_list_under_a_roles_heading_take_that_role() -> None:
    """ "Participants:", "Hosts:", "Gospodarz:": a heading of a few words that ends in a
    colon and holds one role's cue gives the items of the list under it that role; a
    heading of another kind gives none."""
    text = (
        "Study visit to Bergen, 3 May 2022.\n\nParticipants:\n- Gdansk Youth Association\n"
        "- Kaunas Energy Agency\n\nHosts:\n- University of Bergen\n"
    )
    assert _roles(text) == {
        ("Gdansk Youth Association", "participant", "e0"),
        ("Kaunas Energy Agency", "participant", "e0"),
        ("University of Bergen", "host", "e0"),
    }
    polish = (
        "Wizyta studyjna w Bergen, 3 maja 2022.\n\nUczestnicy:\n• Fundacja Wolna Wisła\n"
        "• Gmina Obrowo\n\nGospodarz:\n• Universitetet i Bergen\n"
    )
    assert {(name, role) for name, role, _e in _roles(polish, "pl")} == {
        ("Fundacja Wolna Wisła", "participant"),
        ("Gmina Obrowo", "participant"),
        ("Universitetet i Bergen", "host"),
    }
    other = text.replace("Participants:", "Programme of the day:").replace("Hosts:", "Notes:")
    assert _roles(other) == set()


def test_whom_an_organiser_cooperates_with_in_an_event_organised_it_too() -> None:
    """ "Organised by X in cooperation with A and B": A and B are co-organisers; whom a
    participant took part in cooperation with gets no role from it."""
    organised = (
        "A seminar took place in Riga on 3 May 2022. It was organised by the Latvian "
        "Ministry of Education in cooperation with the Riga City Council and the University "
        "of Bergen."
    )
    assert _roles(organised) == {
        ("Latvian Ministry of Education", "organiser", "e0"),
        ("Riga City Council", "organiser", "e0"),
        ("University of Bergen", "organiser", "e0"),
    }
    took_part = (
        "A seminar took place in Riga on 3 May 2022. The Gdansk Youth Association took part "
        "in it in cooperation with the University of Bergen."
    )
    assert _roles(took_part) == {("Gdansk Youth Association", "participant", "e0")}


def test_an_events_donor_and_beneficiary_state_parties_are_listed_as_linked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever roles the text gave them (here: all took part), an event's donor-state
    parties are listed as linked with its beneficiary-state ones, beside a cooperation
    stated elsewhere in the item; two parties of one side are not."""
    record = _news_record(
        tmp_path,
        capsys,
        "The Gdansk Youth Association signed a cooperation agreement with Bergen "
        "Municipality. A seminar was held in Oslo on 3 May 2022. The seminar was attended "
        "by the University of Bergen, the Sopot Sports Association and the Gdynia Maritime "
        "University.\n",
    )
    links = {frozenset(link[:2]): link[2] for link in record["cooperation_links"]}
    assert links.keys() == {
        frozenset({"Gdansk Youth Association", "Bergen Municipality"}),
        frozenset({"University of Bergen", "Sopot Sports Association"}),
        frozenset({"University of Bergen", "Gdynia Maritime University"}),
    }
    assert links[frozenset({"University of Bergen", "Sopot Sports Association"})] == (
        "same event (Seminar in Oslo)"
    )


def test_last_resort_takes_unknown_organisations_to_the_side_of_the_items_language() -> None:
    from partnergraph.graph.extract import extract
    from partnergraph.graph.sources import Document

    text = (
        "Studijní cesta do Norska se konala v květnu 2019. Představil se zde Norský "
        "helsinský výbor. Spolek Zelené Údolí vydal zprávu."
    )
    doc = Document("n", "n.txt", text, None, "news", "cs", "utf-8", "text/plain", "")
    ex = extract(doc)
    by_name = {o.name: o.country for o in ex.organisations}
    # the country of the unknown one stays unknown (it is no traveller of the visit)
    assert by_name == {"Spolek Zelené Údolí": None, "Norský helsinský výbor": "NO"}
    assert [(link.a.name, link.b.name) for link in ex.links] == [
        ("Norský helsinský výbor", "Spolek Zelené Údolí")
    ]
    assert "last resort" in ex.links[0].why


def test_last_resort_pairs_within_each_event_before_the_whole_item() -> None:
    """Each event pairs its own parties: a venue or a museum named elsewhere in the item
    is no partner of the donor-state municipality."""
    from partnergraph.graph.extract import extract
    from partnergraph.graph.sources import Document

    text = (
        "Guests from Øvre Eiker, Norway. The Norwegian delegation visited the Silesian "
        "Museum in Katowice on 7 December 2021. A conference was attended by the "
        "municipality of Øvre Eiker, the town of Rydułtowy and the city of Zabrze on "
        "8 December 2021."
    )
    doc = Document("n", "n.txt", text, None, "news", "en", "utf-8", "text/plain", "")
    ex = extract(doc)
    pairs = sorted((link.a.name, link.b.name) for link in ex.links)
    assert pairs == [
        ("municipality of Øvre Eiker", "city of Zabrze"),
        ("municipality of Øvre Eiker", "town of Rydułtowy"),
    ]
    assert all("of one event" in link.why for link in ex.links)
    # the museum was visited: a host of the visit, not one who travelled
    roles = {(r.org.name, r.role) for r in ex.roles}
    assert ("Silesian Museum in Katowice", "host") in roles


def test_a_visit_verb_tells_who_visited_and_who_was_visited() -> None:
    text = (
        "Representatives of the Gdansk Youth Association visited the University of Bergen "
        "during a study visit on 3 May 2022."
    )
    facts = read_text(text, "en")
    roles = {(r.org.name, r.role) for r in facts.roles}
    assert roles == {
        ("Gdansk Youth Association", "participant"),
        ("University of Bergen", "host"),
    }
    # "visited by" turns it round
    passive = read_text(
        "The University of Bergen was visited by the Gdansk Youth Association during a "
        "study visit on 3 May 2022.",
        "en",
    )
    assert ("Gdansk Youth Association", "participant") in {
        (r.org.name, r.role) for r in passive.roles
    }


def test_a_name_in_brackets_after_another_is_its_alias(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Norwegian Environment Agency (Miljødirektoratet)": one body, named twice; a month
    before a date opens no name ("On 5 May 2021 the …")."""
    record = _news_record(
        tmp_path,
        capsys,
        "On 5 May 2021 the Norwegian Environment Agency (Miljødirektoratet) hosted a study "
        "visit of the Gdansk Youth Association.\n",
    )
    names = {o["name"]: o["aliases"] for o in record["organisations"]}
    assert names["Norwegian Environment Agency"] == ["Miljødirektoratet"]
    assert set(names) == {"Norwegian Environment Agency", "Gdansk Youth Association"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("no", "Prosjektet ledes av Piaseczno kommune, og Nordre Follo kommune er norsk partner.",
         {("Piaseczno kommune", "promoter"), ("Nordre Follo kommune", "partner")}),
        ("en", "The project is led by the Gdansk Youth Association; the Bergen Sports Club is "
         "the Norwegian partner.",
         {("Gdansk Youth Association", "promoter"), ("Bergen Sports Club", "partner")}),
    ],
)  # fmt: skip
def test_a_project_led_by_one_body_with_its_donor_state_partner(
    lang: str, text: str, expected: set[tuple[str, str]]
) -> None:
    """ "ledes av", "led by": the promoter; "er norsk partner", "is the Norwegian partner":
    a partner (said of a body, not of a group that visited: "Norwegian partners visited
    the museum" makes the museum no partner)."""
    facts = read_text(text, lang)
    (project,) = facts.projects
    roles = {(r.org.name, r.role) for r in facts.roles if r.target == project.key}
    assert expected <= roles
    visited = read_text("Norwegian partners visited the Silesian Museum in the project.", "en")
    assert not {r.role for r in visited.roles} & {"partner", "promoter"}


@pytest.mark.parametrize(
    ("lang", "text", "projects"),
    [
        # a plural of the project word names no one project
        ("en", "The seminar showed how to finance projects with the grants.", 0),
        ("cs", "O dotaci na ekologické projekty se ucházelo celkem 77 projektů.", 0),
        ("bg", "Общините представиха своите проекти в София.", 0),
        # the singular tells of one, unnamed
        ("en", "The project helps schools in Riga to save energy.", 1),
        ("pl", "Projekt jest realizowany przez gminę Nisko.", 1),
        # nor does a word of a body's name
        ("en", "Applications are handled by the Project Management Centre in Vilnius.", 0),
        ("en", "The project is run by the Project Management Centre in Vilnius.", 1),
    ],
)
def test_only_the_singular_project_word_tells_of_a_project(
    lang: str, text: str, projects: int
) -> None:
    assert len(read_text(text, lang).projects) == projects


@pytest.mark.parametrize(
    ("text", "about_one"),
    [
        ("The project brought Oslo kommune and Gmina Liszki together.", True),
        ("Its bilateral project began in May with Oslo kommune.", True),
        ("NAMRB's project began in May with Oslo kommune.", True),
        # any project, or the word in a phrase: the item is about no one project
        ("The mayor of Oslo kommune had worked on an EU project before.", False),
        ("Oslo kommune met Gmina Liszki; every project needs a good plan.", False),
        ("Oslo kommune met Gmina Liszki. A project may take two years.", False),
    ],
)
def test_an_english_project_word_names_one_project_after_a_definite_word(
    text: str, about_one: bool
) -> None:
    """A news item is about an unnamed project where "the", "its", "NAMRB's" … says which
    project; "an EU project", "every project" name none."""
    assert bool(read_text(text, "en").projects) is about_one


@pytest.mark.parametrize(
    ("text", "lang", "pairs"),
    [
        ("Česká města Pardubice a Sušice navázala spolupráci s norskými partnery.", "cs", set()),
        ("Oslo kommune and Gmina Liszki cooperate with the Norwegian partners.", "en", set()),
        ("Oslo kommune and Gmina Liszki signed a cooperation agreement.", "en",
         {frozenset({"Oslo kommune", "Gmina Liszki"})}),
    ],
)  # fmt: skip
def test_two_names_that_cooperate_with_someone_unnamed_are_not_each_others_partners(
    text: str, lang: str, pairs: set[frozenset[str]]
) -> None:
    links = read_text(text, lang).links
    assert {frozenset({link.a.name, link.b.name}) for link in links} == pairs


def test_a_partnership_cue_in_a_sentence_about_an_event_gives_no_project() -> None:
    """ "The seminar is organised by X in partnership with Y": a news sentence that names
    an event and says "project" of none tells the event's organisers, not partners of an
    unnamed project."""
    from partnergraph.graph.extract import extract
    from partnergraph.graph.sources import Document

    text = (
        "Seminar in Warsaw\n\nOn 3 December 2012 a seminar takes place in Warsaw. The "
        "seminar is organised by the Association of Polish Cities in partnership with the "
        "Norwegian Association of Local and Regional Authorities.\n"
    )
    ex = extract(Document("n", "n.txt", text, None, "news", "en", "utf-8", "text/plain", ""))
    assert ex.projects == ()
    assert {(r.org.name, r.role) for r in ex.roles} == {
        ("Association of Polish Cities", "organiser"),
        ("Norwegian Association of Local and Regional Authorities", "organiser"),
    }
