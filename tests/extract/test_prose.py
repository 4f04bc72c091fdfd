"""Prose: events with dates, places and roles; continuation; stated cooperation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from partnergraph.graph.extract import extract
from partnergraph.graph.extract.model import Extraction
from partnergraph.graph.extract.prose import read_text, sentences
from partnergraph.graph.sources import Document, read_document

from ..conftest import EXAMPLES


def _extract(path: Path) -> Extraction:
    doc = read_document(path, root=path.parent)
    assert isinstance(doc, Document)
    return extract(doc)


def _roles(ex: Extraction, event_key: str) -> set[tuple[str, str]]:
    return {(r.org.name, r.role) for r in ex.roles if r.target == event_key}


def test_norwegian_study_visit_with_dates_place_and_roles() -> None:
    ex = _extract(EXAMPLES / "seeds" / "002_c84218a7ceba7421.txt")
    visits = [e for e in ex.events if e.type == "study_visit"]
    assert len(visits) == 1, "the title, the dated sentence and 'besøket' are one visit"
    visit = visits[0]
    assert (visit.start, visit.end) == (date(2021, 11, 24), date(2021, 11, 26))
    assert visit.place is not None and (visit.place.name, visit.place.country) == ("Bergen", "NO")
    roles = _roles(ex, visit.key)
    assert ("byen Lublin", "participant") in roles
    hosts = {name for name, role in roles if role == "host"}
    assert {"KS", "Fagforbundet", "Røde Kors"} <= hosts
    competition = next(e for e in ex.events if e.type == "competition")
    assert ("Association of Polish Cities", "organiser") in _roles(ex, competition.key)


def test_stated_cooperation_is_a_link_not_an_event_role() -> None:
    ex = _extract(EXAMPLES / "seeds" / "002_c84218a7ceba7421.txt")
    pairs = {(link.a.name, link.b.name) for link in ex.links}
    assert ("Røde Kors", "Fagforbundet") in pairs


def test_a_cooperation_cue_without_a_subject_takes_the_sentence_befores() -> None:
    text = (
        "The Tromsø Business Agency presented its work to the guests. Later it signed a "
        "cooperation agreement with the Kraków Chamber of Commerce."
    )
    pairs = {(link.a.name, link.b.name) for link in read_text(text, "en").links}
    assert pairs == {("Tromsø Business Agency", "Kraków Chamber of Commerce")}
    # a sentence with no organisation in between leaves no subject to take
    text = text.replace("Later it", "The weather was fine. Later it")
    assert not read_text(text, "en").links


def test_a_cooperation_cue_names_the_list_after_it_not_the_rest_of_the_sentence() -> None:
    """The names a list joins to the first after the cue are its partners (an aside in
    commas or brackets between them allowed); a name after other words — a funder after
    "received a grant from", "získal grant od" — is not."""

    def pairs(text: str, lang: str = "en") -> set[tuple[str, str]]:
        return {(link.a.name, link.b.name) for link in read_text(text, lang).links}

    assert pairs(
        "The Gdansk Youth Association, in cooperation with the Bergen Music School, "
        "received a grant from the Oslo Culture Foundation."
    ) == {("Gdansk Youth Association", "Bergen Music School")}
    assert pairs(
        "Spolek Zelené údolí ve spolupráci se Sdružením Modrá řeka získal grant od Nadace "
        "Horní Les.",
        "cs",
    ) == {("Spolek Zelené údolí", "Sdružením Modrá řeka")}
    assert pairs(
        "The Gdansk Youth Association signed a cooperation agreement with the Bergen Music "
        "School, its Norwegian partner, and the Tromsø Arts Council."
    ) == {
        ("Gdansk Youth Association", "Bergen Music School"),
        ("Gdansk Youth Association", "Tromsø Arts Council"),
    }


def test_project_page_events_continuation_and_organiser() -> None:
    ex = _extract(EXAMPLES / "seeds" / "000_f080a065eb91adb1.txt")
    project = ex.projects[0]
    assert project.number == "SDDW-0079" and project.continues == "2019/101984"
    earlier = next(p for p in ex.projects if p.key == "2019/101984")
    assert earlier.name == "Decent Work for social sector employees in Latvia"
    by_type = {(e.type, e.place.name if e.place else None) for e in ex.events}
    assert ("study_visit", "Norway") in by_type and ("seminar", "Latvia") in by_type
    assert len([e for e in ex.events if e.type == "study_visit"]) == 1
    for event in ex.events:
        assert event.project == "SDDW-0079"
        assert ("Latvian Association of Local and Regional Governments", "organiser") in _roles(
            ex, event.key
        )


def test_other_languages_through_the_lexicon() -> None:
    cases = [
        (
            "pl",
            "W dniach 12-14 maja 2019 r. przedstawiciele Gminy Piła wzięli udział w wizycie studyjnej w Oslo.",
            "study_visit",
            date(2019, 5, 12),
            "Oslo",
        ),
        (
            "lv",
            "2015. gada 27. maijā Daugavpilī notika seminārs pašvaldību vadītājiem.",
            "seminar",
            date(2015, 5, 27),
            None,
        ),
        (
            "lt",
            "Savivaldybių atstovai dalyvavo studijų vizite į Norvegiją 2022 m. birželio 7 d.",
            "study_visit",
            date(2022, 6, 7),
            "Norvegiją",
        ),
        (
            "en",
            "From 26th to 28th of April 2022, a delegation came to Iceland for a study visit to Reykjavik.",
            "study_visit",
            date(2022, 4, 26),
            "Reykjavík",
        ),
    ]
    for lang, text, event_type, start, place in cases:
        facts = read_text(text, lang)
        event = next((e for e in facts.events if e.type == event_type), None)
        assert event is not None, (lang, text)
        assert event.start == start, (lang, event)
        if place is not None:
            assert event.place is not None and event.place.name == place, (lang, event.place)


def test_municipality_forms_in_several_languages() -> None:
    text = "Representanter for Lørenskog kommune, Gmina Piła and the Municipality of Øvre Eiker met Ķekavas novads."
    names = {(o.name, o.type, o.country) for o in read_text(text, "en").organisations}
    assert ("Lørenskog kommune", "municipality", "NO") in names
    assert ("Gmina Piła", "municipality", "PL") in names
    assert any(n == "Municipality of Øvre Eiker" for n, _t, _c in names)


def test_acronym_introduced_in_parentheses_is_the_same_organisation() -> None:
    text = (
        "The Mineral and Energy Economy Research Institute of the Polish Academy of Sciences (MEERI PAS) "
        "leads the project. A seminar was organised by MEERI PAS in Krakow."
    )
    orgs = read_text(text, "en").organisations
    full = next(o for o in orgs if o.name.startswith("Mineral"))
    assert full.acronym == "MEERI PAS" and full.country == "PL"
    assert any(o.name == "MEERI PAS" and o.country == "PL" for o in orgs)


def test_sentences_keep_offsets() -> None:
    text = "First one. Second one!\n\nThird"
    for s in sentences(text):
        assert text[s.start : s.end] == s.text


def test_a_phrase_with_an_optional_opening_group_is_indexed_by_its_stems() -> None:
    """A phrase that opens with an optional group ("(?:study )?visits? to") is found both
    with and without the group, by the stems' index (no pattern scans every sentence)."""
    from partnergraph.graph.extract.lexicon import PhraseFinder

    finder = PhraseFinder({"visited": ["(?:study )?(?:visits?|tours?) to"]})
    assert finder.anywhere == []
    text = "After a study visit to Oslo and two tours to Bergen, visits to Ski"
    starts = {text[a:b] for a, b, _key in finder.find(text)}
    assert starts == {"study visit to", "visit to", "tours to", "visits to"}


def test_a_word_check_finds_whole_words_in_any_case() -> None:
    """The lexicon's quick checks look the sentence's words up: whole words, any case;
    a word with a full stop in it is matched by a pattern, as whole."""
    from partnergraph.graph.extract.lexicon import WordCheck

    check = WordCheck(["kommune", "Savivaldybės", "Hl.m."])
    assert check.found_in("Bergen Kommune signed")
    assert check.found_in("Bergen-kommune signed")
    assert check.found_in("Utenos rajono SAVIVALDYBĖS taryba")
    assert not check.found_in("kommunene signed")  # another word, not this one
    assert check.found_in("v Praze (Hl.m. Praha)")
    assert not check.found_in("Hl.mx")
