"""Events named by any case form of an event noun, where they took place (not where people
came from), and meetings of a visit merged into the visit. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from partnergraph.graph.extract.prose import read_text, sentences


def _events(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.place.name if e.place else None) for e in read_text(text, lang).events]


def _dates(text: str, lang: str) -> list[tuple[date | None, date | None]]:
    return [(e.start, e.end) for e in read_text(text, lang).events]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # event nouns in case forms no phrase of the lexicon lists
        ("sk", "Počas návštevy v Bergene sme diskutovali o spolupráci.", "study_visit"),
        ("sl", "Na srečanju so sodelovali predstavniki občin.", "meeting"),
        ("pt", "A conferência reuniu parceiros de Portugal e da Noruega.", "conference"),
        ("cs", "Účastníci semináře diskutovali o projektech.", "seminar"),
    ],
)
def test_event_nouns_in_any_case_form(lang: str, text: str, expected: str) -> None:
    assert [t for t, _p in _events(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # a meeting told by its verb, in an inflected form
        ("pl", "Przedstawiciele gmin spotkali się w Bergen.", "Bergen"),
        ("sk", "Zástupcovia organizácií sa stretli v Trondheime.", "Trondheim"),
        ("pt", "Os parceiros reuniram-se em Coimbra.", "Coimbra"),
        ("en", "The mayor met with Norwegian partners in Tromsø.", "Tromsø"),
        # a committee's sitting
        ("lv", "Komitejas sēde notika Rīgā.", "Riga"),
    ],
)
def test_a_meeting_told_by_its_verb_or_a_sitting(lang: str, text: str, place: str) -> None:
    assert _events(text, lang) == [("meeting", place)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a visit told by its verb in any person and tense: "we visited", "they visited"
        ("lv", "2019. gada 12. maijā apmeklējām Valkas novada pašvaldību."),
        ("lv", "2019. gada 12. maijā viesojāmies Valkas novada pašvaldībā."),
        ("lt", "2019 m. gegužės 12 d. aplankėme Alytaus miesto savivaldybę."),
        ("pl", "12 maja 2019 r. odwiedziliśmy Gminę Obrowo."),
        ("cs", "Dne 12. května 2019 jsme navštívili Město Písek."),
        ("bg", "На 12 май 2019 г. посетихме Община Бургас."),
    ],
)
def test_a_visit_told_by_its_verb_in_any_person(lang: str, text: str) -> None:
    [event] = read_text(text, lang).events
    assert (event.type, event.start) == ("study_visit", date(2019, 5, 12))
    # an infinitive is none: "a chance to visit"
    assert read_text("Dalībniekiem bija iespēja apmeklēt Valku.", "lv").events == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During their visit the mayors saw the new school in Bodø.", "study_visit"),
        ("The congress gathered 300 experts in Oslo.", "conference"),
        ("A webinar for teachers was held in June.", "seminar"),
        ("The summer school took place in Tartu.", "training"),
        # a visit as a noun before its verb, with no article; a visit announced
        ("This partnership building visit is aimed at new projects.", "study_visit"),
        ("The aim of bilateral co-operation visit is to find partners.", "study_visit"),
        ("Lithuanian experts will visit Norway in spring.", "study_visit"),
        ("Employees attended the NGO stakeholder meeting held in Zagreb.", "meeting"),
    ],
)
def test_english_event_nouns_that_are_no_verbs(text: str, expected: str) -> None:
    assert [t for t, _p in _events(text, "en")] == [expected]


def test_an_infinitive_names_no_event() -> None:
    # "a chance to meet", "we want to meet": no meeting took place
    assert _events("The partners want to visit Bergen.", "en") == []
    assert _events("Dalībniekiem bija iespēja tikties ar kolēģiem.", "lv") == []
    assert _events("Chcemy spotkać partnerów z Norwegii.", "pl") == []


def test_where_people_came_from_is_not_where_the_event_was() -> None:
    assert _events("A seminar with guests from Bergen was held on Monday.", "en") == [
        ("seminar", None)
    ]
    assert _events("A seminar was held in Bergen.", "en") == [("seminar", "Bergen")]
    # Polish "z Norwegii" (from Norway) is the guests' country, not the seminar's place
    assert _events("Seminarium z udziałem gości z Norwegii odbyło się w Krakowie.", "pl") == [
        ("seminar", "Kraków")
    ]
    # "from <a body> in <country>": the country is the body's, not where the visit went
    assert _events("En delegasjon fra Gmina Kłodzko i Polen var på besøk i Hamar.", "no") == [
        ("study_visit", "Hamar")
    ]
    # a lower-case head noun is the body's name too ("fra Kłodzko kommune i Polen")
    assert _events("Representanter fra Kłodzko kommune i Polen besøkte Hamar.", "no") == [
        ("study_visit", "Hamar")
    ]
    assert _events("Guests from Kłodzko municipality in Poland visited the school.", "en") == [
        ("study_visit", None)
    ]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "A delegation from Riga visited Oslo on 12 May 2022.", "Oslo"),
        ("pl", "Delegacja z Gdańska odwiedziła Bergen.", "Bergen"),
        ("cs", "Delegace z Brna navštívila Oslo.", "Oslo"),
        ("pt", "Uma delegação de Coimbra visitou Bergen.", "Bergen"),
    ],
)
def test_the_place_a_visits_verb_names_after_an_origin_is_where_it_went(
    lang: str, text: str, place: str
) -> None:
    """A visit's verb opens what the visitors did: the place after it is where the visit
    went, though a place they came from stands before it ("from Riga visited Oslo"); a
    preposition there still belongs to where they came from ("from Gmina Wołomin in
    Poland")."""
    assert _events(text, lang) == [("study_visit", place)]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("pl", "Przedstawiciele gminy Kłodzko pojechali do Bergen.", "Bergen"),
        ("lv", "Rīgas domes pārstāvji devās uz Bergenu.", "Bergen"),
        ("lt", "Vilniaus miesto savivaldybės atstovai vyko į Bergeną.", "Bergen"),
        ("no", "Representanter fra Vilnius reiste til Bergen i mai.", "Bergen"),
        ("pt", "Representantes da Câmara Municipal de Coimbra viajaram para Oslo.", "Oslo"),
    ],
)
def test_a_trip_told_by_a_verb_of_going_is_a_visit(lang: str, text: str, place: str) -> None:
    """ "went to", "travelled to" in each language ("pojechali do", "devās uz", "vyko į",
    "reiste til", "viajaram para") tell a visit, to where the verb goes."""
    assert _events(text, lang) == [("study_visit", place)]


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Sluttkonferansen ble holdt i Oslo 3. mai 2022.", "conference", "Oslo"),
        ("Fagseminaret i Bergen samlet 60 deltakere.", "seminar", "Bergen"),
    ],
)
def test_a_compound_that_ends_in_an_event_noun_is_an_event(
    text: str, kind: str, place: str
) -> None:
    """In a language that writes compounds as one word, a word that ends in an event noun
    (before its ending) names that event ("Sluttkonferansen": konferanse)."""
    assert _events(text, "no") == [(kind, place)]
    assert _events("Prosjektet handler om ungdomsarbeid og idrettsanlegg.", "no") == []


def test_a_locative_case_ending_says_where() -> None:
    # Latvian: "Daugavpilī" (in Daugavpils) is locative, "Norvēģijas" (of Norway) is not
    assert _events("Seminārs notika Daugavpilī.", "lv") == [("seminar", "Daugavpils")]
    assert _events("Seminārā piedalījās Norvēģijas eksperti.", "lv") == [("seminar", None)]


def test_meetings_of_a_visit_are_part_of_the_visit() -> None:
    text = (
        "The delegation went on a study visit to Oslo in May 2023. "
        "The meeting with the mayor was the high point."
    )
    assert [t for t, _p in _events(text, "en")] == ["study_visit"]
    # a meeting with a place of its own stays an event
    text2 = text.replace("The meeting with the mayor", "A meeting in Bergen")
    assert [t for t, _p in _events(text2, "en")] == ["study_visit", "meeting"]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # the venue before the event, as free word order allows
        ("lv", "Jelgavā 2019. gada 3. maijā notika reģionālās attīstības seminārs.", "Jelgava"),
        ("cs", "V Olomouci se konal úvodní seminář projektu.", "Olomouc"),
    ],
)  # fmt: skip
def test_the_venue_may_come_before_the_event(lang: str, text: str, place: str) -> None:
    events = read_text(text, lang).events
    assert [e.place.name if e.place else None for e in events] == [place]
    assert events[0].label[:3] != place[:3]  # the label is the event's words, not the place


def test_a_place_after_the_event_is_still_preferred() -> None:
    events = read_text("In Trondheim the delegates attended a seminar in Bergen.", "en").events
    assert [e.place.name if e.place else None for e in events] == ["Bergen"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("bg", "Посещението в Осло (от 3 до 7 април 2017 г.) беше полезно."),
        ("pl", "Wizyta studyjna w Oslo trwała od 3 do 7 kwietnia 2017."),
        ("pt", "A visita de estudo decorreu de 3 a 7 de abril de 2017 em Oslo."),
        ("en", "The study visit took place from 3 to 7 April 2017 in Oslo."),
    ],
)  # fmt: skip
def test_a_range_of_days_in_the_words_of_each_language(lang: str, text: str) -> None:
    assert _dates(text, lang) == [(date(2017, 4, 3), date(2017, 4, 7))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The cooperation agreement was signed in Tromsø on 4 May 2023."),
        ("no", "Undertegningen av avtalen fant sted i Tromsø 4. mai 2023."),
        ("pl", "Podpisanie umowy odbyło się w Tromsø 4 maja 2023 r."),
        ("lv", "Līguma parakstīšana notika Rīgā 2023. gada 4. maijā."),
        # the verb to sign in any form, by its lemma: "was signed" too
        ("lt", "Sutartis buvo pasirašyta Rygoje 2023 m. gegužės 4 d."),
        ("pl", "Umowa została podpisana w Tromsø 4 maja 2023 r."),
        ("bg", "Споразумението беше подписано в Tromsø на 4 май 2023 г."),
    ],
)
def test_the_signing_of_an_agreement_is_a_meeting(lang: str, text: str) -> None:
    events = read_text(text, lang).events
    assert [e.type for e in events] == ["meeting"]
    assert events[0].place is not None and events[0].place.name in ("Tromsø", "Riga")
    assert events[0].start == date(2023, 5, 4)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # a demonym adjective between the preposition and the town
        ("cs", "Delegace se zúčastnila studijní cesty do norského Stavangeru.", "Stavanger"),
        ("pl", "Przedstawiciele gminy wzięli udział w wizycie w norweskim Bergen.", "Bergen"),
        ("en", "The delegation travelled to Norwegian Bergen for a study visit.", "Bergen"),
        # a function word between is not such a word: a person after "by" is no place
        ("en", "The lectures, held at the day seminar by Paul Vogt, were published.", None),
        # a settlement's noun, with its article and its "of", says what the place is
        (
            "no",
            "Ein delegasjon var på besøk i den polske kommunen Ostrowiec.",
            "Ostrowiec Świętokrzyski",
        ),
        ("en", "The seminar was held in the Lithuanian city of Kaunas.", "Kaunas"),
        ("pl", "Seminarium odbyło się w mieście Opole.", "Opole"),
        # ... but not where the visitors came from
        ("en", "A delegation from the city of Kaunas visited Bergen.", "Bergen"),
    ],
)
def test_the_place_after_words_that_describe_it(lang: str, text: str, place: str | None) -> None:
    assert [p for _t, p in _events(text, lang)] == [place]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # towns under 15,000 people the cities' table lacks, in any script
        ("bg", "Работната среща се проведе в Поморие през май.", "Поморие"),
        ("en", "The study visit took place in Steinkjer in May.", "Steinkjer"),
        ("no", "Seminaret ble holdt i Sogndal i mai.", "Sogndal"),
        # a town's name that is a word of the text's language or of English is no place
        ("en", "The seminar was held in Arena Hall in May.", None),
    ],
)
def test_a_small_town_after_a_place_preposition_is_where(
    lang: str, text: str, place: str | None
) -> None:
    assert [p for _t, p in _events(text, lang)] == [place]


@pytest.mark.parametrize(
    ("lang", "text", "role"),
    [
        # whoever follows a visit's verb was visited, unless the visitors came from it
        ("lt", "Gruodžio mėnesį Alytuje lankėsi grupė iš Lešos savivaldybės.", "participant"),
        ("en", "In May the museum was visited by a group from Oslo Municipality.", "participant"),
        ("en", "In May the delegation visited Oslo Municipality.", "host"),
    ],
)
def test_those_a_visit_came_from_are_its_participants(lang: str, text: str, role: str) -> None:
    assert [r.role for r in read_text(text, lang).roles] == [role]


@pytest.mark.parametrize(
    ("lang", "text", "roles"),
    [
        # the subject after the verb visited; the body in the locative was visited
        ("lt", "2019 m. gegužės 12 d. Alytaus miesto savivaldybėje lankėsi Odos savivaldybės "
         "meras.", {("Alytaus miesto savivaldybėje", "host"), ("Odos savivaldybės", "participant")}),
        ("lt", "Alytaus miesto savivaldybėje lankėsi Vardės savivaldybės atstovai.",
         {("Alytaus miesto savivaldybėje", "host"), ("Vardės savivaldybės", "participant")}),
        ("lt", "Gegužę Alytaus miesto savivaldybėje viešėjo svečiai.",
         {("Alytaus miesto savivaldybėje", "host")}),
        ("lv", "Maijā Valkas novada pašvaldībā viesojās Vardes pašvaldības delegācija.",
         {("Valkas novada pašvaldībā", "host"), ("Vardes pašvaldības", "participant")}),
        # a visit to come, or going on ("lankysis", "lankosi")
        ("lt", "Rytoj svečiai iš Norvegijos lankysis Alytaus rajono savivaldybėje.",
         {("Alytaus rajono savivaldybėje", "host")}),
        # (a month's name, in a case form, opens no name: "Gegužę", "Maijā")
        # in the nominative before the verb, and an object in the accusative after it
        ("lt", "Alytaus miesto savivaldybė aplankė Vardės savivaldybę.",
         {("Alytaus miesto savivaldybė", "participant"), ("Vardės savivaldybę", "host")}),
    ],
)  # fmt: skip
def test_the_case_of_a_name_tells_who_visited_whom(
    lang: str, text: str, roles: set[tuple[str, str]]
) -> None:
    """Lithuanian and Latvian say "in X" by a case ending and put a sentence's words in any
    order: the case of a name's head noun, not where it stands, tells who visited (the
    names as written: the base forms come later)."""
    assert {(r.org.name, r.role) for r in read_text(text, lang).roles} == roles


def test_a_municipality_where_a_visit_meets_hosts_it_and_a_venue_does_not() -> None:
    """ "the meeting in Steinkjer municipality": a municipality is the body of its place, and
    receives the visit held there; a hall or a centre the event is held at is no party."""
    visit = read_text(
        "The delegation from Alytus visited Norway in May. It started with the meeting in "
        "Steinkjer municipality, where the guests were welcomed by the mayor.",
        "en",
    )
    assert ("Steinkjer municipality", "host") in {(r.org.name, r.role) for r in visit.roles}
    venue = read_text(
        "The delegation visited Norway in May. The seminar was organised at the Steinkjer "
        "Culture Centre, where the guests were welcomed by the mayor.",
        "en",
    )
    assert [o.name for o in venue.organisations] == ["Steinkjer Culture Centre"]
    assert [r.org.name for r in venue.roles if r.role == "host"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a donor state's name in the case forms of the grants' languages
        ("sl", "Izveden je bil študijski obisk na Norveškem."),
        ("sk", "Delegácia bola na študijnej ceste v Nórsku."),
        ("cs", "Uskutečnila se studijní cesta do Norska."),
        # and the Portuguese "to the" before a destination
        ("pt", "Realizou-se uma visita de estudo à Noruega."),
    ],
)  # fmt: skip
def test_a_visit_to_a_donor_state_in_its_case_forms(lang: str, text: str) -> None:
    (event,) = read_text(text, lang).events
    assert event.place is not None and event.place.country == "NO"


def test_a_visit_that_names_no_place_went_to_the_town_of_the_body_it_visited() -> None:
    """ "visited the University of Bergen": the visit was in Bergen (the town the host's
    name holds, by its own name: "Agency" is no form of Agen); hosts in two towns tell
    none."""
    assert _events("The delegation visited the University of Bergen.", "en") == [
        ("study_visit", "Bergen")
    ]
    assert _events("The delegation visited the Norwegian Environment Agency.", "en") == [
        ("study_visit", None)
    ]
    two = "The delegation visited the University of Bergen and the University of Oslo."
    assert _events(two, "en") == [("study_visit", None)]


def test_a_neuter_towns_locative_is_the_town() -> None:
    """ "v Brně" is in Brno (a town's own name less its ending, with "-o"); "Unii" is no
    form of "Unio", one of La Unión's other names."""
    assert _events("Dne 3. října 2022 se v Brně konal seminář.", "cs") == [("seminar", "Brno")]
    assert _events("Seminarium odbyło się w Unii Europejskiej.", "pl") == [("seminar", None)]


def test_travelling_to_a_place_is_a_visit_of_those_who_travelled() -> None:
    """ "representatives of X travelled to Norway": a study visit to Norway, X its
    participant."""
    facts = read_text(
        "In April representatives of the Slovak Water Management Agency travelled to Norway.",
        "en",
    )
    assert [(e.type, e.place.name if e.place else None) for e in facts.events] == [
        ("study_visit", "Norway")
    ]
    assert {(r.org.name, r.role) for r in facts.roles} == {
        ("Slovak Water Management Agency", "participant")
    }


def test_a_visit_with_neither_date_nor_place_is_the_one_dated_meeting_of_the_guests() -> None:
    """ "Vizītes pirmajā daļā …" (in the first part of the visit) after a dated meeting
    with guests from abroad names that meeting, not a second event."""
    text = (
        "2014. gada 11. decembrī Rīgā notiks tikšanās ar Norvēģijas ekspertiem. Vizītes "
        "pirmajā daļā eksperti tiksies ar ministrijas pārstāvjiem."
    )
    assert _events(text, "lv") == [("meeting", "Riga")]
    # a visit with a place of its own stays a visit
    text = (
        "2014. gada 11. decembrī Rīgā notiks tikšanās ar Norvēģijas ekspertiem. Vizītes "
        "laikā eksperti brauks uz Valmieru."
    )
    assert ("study_visit", "Valmiera") in _events(text, "lv")


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # a county or region the visitors went to, named after a place they came from
        ("no", "Representanter fra Gdańsk kommune helt nord i Polen var på besøk i Telemark.",
         "Telemark"),
        ("en", "A delegation from Vilnius in Lithuania made a study visit to Vestland.",
         "Vestland"),
        # the town of the same visit is more precise than its region
        ("en", "The study visit to Vestland began in Bergen.", "Bergen"),
    ],
)  # fmt: skip
def test_a_region_is_where_a_visit_went(lang: str, text: str, place: str) -> None:
    assert _events(text, lang) == [("study_visit", place)]


def test_a_visitor_from_elsewhere_is_no_host_of_a_visit_to_a_region() -> None:
    """Where the visitors came from ("i Polen" after their name) is no place of the visit:
    read as one, it made the Polish municipality the host of its own visit."""
    from partnergraph.graph.extract import extract
    from partnergraph.graph.sources import Document

    text = "Representanter fra Gdańsk kommune helt nord i Polen var på besøk i Telemark."
    doc = Document("n", "n.txt", text, None, "news", "no", "utf-8", "text/plain", "")
    found = extract(doc)
    assert [e.place.name if e.place else None for e in found.events] == ["Telemark"]
    assert {(r.org.name, r.role) for r in found.roles} == {("Gdańsk kommune", "participant")}


def test_a_countrys_adjective_before_its_noun_is_no_place() -> None:
    """ "v okviru Norveškega finančnega mehanizma" (within the Norwegian financial
    mechanism): a country's adjective in a case form, before its noun, is no place where a
    meeting took place; the town after it is ("v Postojni"), and a country's name in a
    case form before "and" stays one ("pomiędzy Polską i Norwegią")."""
    text = "Peti letni sestanek v okviru Norveškega finančnega mehanizma je potekal v Postojni."
    (event,) = read_text(text, "sl").events
    assert event.place is not None and (event.place.name, event.place.country) == ("Postojni", "SI")
    places = read_text("Współpraca pomiędzy Polską i Norwegią rośnie.", "pl").places
    assert {p.country for p in places} == {"PL", "NO"}


def test_a_role_goes_to_the_event_named_before_its_body() -> None:
    """A sentence naming two events: a body's role is in the one named last before it
    ("a study visit to Bergen Municipality and a final conference": the municipality
    hosted the visit, not the conference)."""
    text = (
        "The activities included a study visit to Bergen Municipality in Norway and a final "
        "conference in Riga."
    )
    events = {e.type: e for e in read_text(text, "en").events}
    roles = {(r.org.name, r.role, r.target) for r in read_text(text, "en").roles}
    assert ("Bergen Municipality", "host", events["study_visit"].key) in roles
    assert not any(target == events["conference"].key for _n, _r, target in roles)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the people who came attended a gathering: the gathering is the event
        (
            "en",
            "On 5 May 2019 a delegation of the Norwegian Association of Local and Regional "
            "Authorities took part in the annual meeting of the municipalities in Sofia.",
            ["meeting"],
        ),
        (
            "bg",
            "Делегация от Норвегия участва в годишната конференция на общините в Пловдив.",
            ["conference"],
        ),
        (
            "pl",
            "Delegacja z Norwegii wzięła udział w seminarium w Krakowie.",
            ["seminar"],
        ),
        # alone, or where they visited, the delegation's coming is a visit
        ("en", "A delegation from Bergen came to Gdańsk in June.", ["study_visit"]),
        (
            "en",
            "A delegation from Bergen visited Gdańsk, where a meeting with the mayor was held.",
            ["study_visit"],
        ),
    ],
)
def test_a_delegation_at_a_gathering_is_its_participant(
    lang: str, text: str, expected: list[str]
) -> None:
    assert [t for t, _p in _events(text, lang)] == expected


def _roles(text: str, lang: str) -> dict[str, str]:
    return {r.org.name: r.role for r in read_text(text, lang).roles}


def test_a_passives_cue_names_its_agent_not_the_body_before_it() -> None:
    """ "The delegation from X was welcomed by Y": Y, the agent after "by", hosted; X,
    before the cue, came; where no body follows "by" (a person's office: "welcomed by mayor
    of Steinkjer"), the body named before it may still be the host."""
    text = "The delegation from Riga Planning Region was welcomed by Vestland County Council."
    assert _roles(text, "en") == {
        "Riga Planning Region": "participant",
        "Vestland County Council": "host",
    }
    text = (
        "It started with the meeting in Steinkjer municipality, where guests were welcomed "
        "by mayor of Steinkjer Bjørn Arild Gram."
    )
    assert _roles(text, "en") == {"Steinkjer municipality": "host"}


@pytest.mark.parametrize(
    ("lang", "text", "owner", "role"),
    [
        # the body whose gathering it is ("of", "til", "на", a genitive right after)
        (
            "en",
            "Representatives of Bergen Municipality took part in the annual conference of "
            "the Association of Polish Cities in Poznań.",
            "Association of Polish Cities",
            "organiser",
        ),
        ("no", "Ordføreren deltok på årsmøtet til KS i Oslo.", "KS", "organiser"),
        (
            "bg",
            "Представители на община Бургас участваха в годишната среща на Националното "
            "сдружение на общините в София.",
            "Националното сдружение на общините",
            "organiser",
        ),
        (
            "cs",
            "Zástupci města Písek se zúčastnili konference Svazu měst a obcí v Praze.",
            "Svazu měst a obcí",
            "organiser",
        ),
        # a visit's owner is who came
        (
            "en",
            "The visit of Bergen Municipality to Gdańsk lasted three days.",
            "Bergen Municipality",
            "participant",
        ),
    ],
)
def test_the_body_whose_gathering_it_is(lang: str, text: str, owner: str, role: str) -> None:
    assert _roles(text, lang).get(owner) == role


def test_a_body_named_after_a_gathering_in_the_nominative_is_not_its_owner() -> None:
    text = "Na konferenci v Brně Ministerstvo životního prostředí představilo nový program."
    assert "organiser" not in _roles(text, "cs").values()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lt", "Konferencijoje Kaune dalyvavo savivaldybių atstovai."),
        ("pl", "Przedstawiciele gmin wzięli udział w kongresie w Poznaniu."),
        ("cs", "Na kongresu v Brně vystoupili starostové."),
    ],
)
def test_a_congress_and_the_lithuanian_conference_are_conferences(lang: str, text: str) -> None:
    assert [t for t, _p in _events(text, lang)] == ["conference"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # any gathering that names no place is where its host is, as a visit is
        ("Last Thursday the Eurocentre Prague hosted a seminar on the grants.", "Prague"),
        ("A seminar hosted by the University of Bergen took place on 5 May 2019.", "Bergen"),
    ],
)
def test_a_gathering_with_no_place_is_at_its_hosts_town(text: str, place: str) -> None:
    assert _events(text, "en") == [("seminar", place)]


def test_an_organiser_does_not_tell_where_a_gathering_was() -> None:
    assert _events("The conference was organised by the University of Bergen.", "en") == [
        ("conference", None)
    ]


def test_a_place_after_a_bodys_noun_is_the_bodys_not_the_gatherings() -> None:
    """ "… the embassy in Vilnius" says where the embassy is: the seminar held in Kaunas
    stays one seminar there."""
    text = (
        "Det arrangeres et kontaktseminar i Kaunas 4. februar. "
        "Seminaret arrangeres av den norske ambassaden i Vilnius."
    )
    assert _events(text, "no") == [("seminar", "Kaunas")]
    assert _events("The seminar was organised by the embassy in Vilnius.", "en") == [
        ("seminar", None)
    ]


def test_a_gatherings_owners_town_is_still_its_place() -> None:
    text = "Zástupci města Písek se zúčastnili konference Svazu měst a obcí v Praze."
    assert _events(text, "cs") == [("conference", "Prague")]


def test_a_visit_went_where_the_body_it_visited_is() -> None:
    text = "Norwegian partners visited the Silesian Museum in Katowice on 7 December 2019."
    assert _events(text, "en") == [("study_visit", "Katowice")]


def test_a_long_name_between_a_visit_and_its_place_counts_as_one_word() -> None:
    """The words between an event and its place are few, a body's name counted as one
    however many words it has ("visited the Norwegian Association of Local and Regional
    Authorities in Oslo"); ten common words are too many."""
    text = (
        "Representatives of the Ministry of Regional Development visited the Norwegian "
        "Association of Local and Regional Authorities in Oslo on 7 May 2019."
    )
    assert _events(text, "en") == [("study_visit", "Oslo")]
    far = "Norwegian partners visited the museum and then walked for a very long time in Katowice."
    assert _events(far, "en") == [("study_visit", None)]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("hr", "Delegacija Udruge gradova posjetila je Oslo.", "Oslo"),
        ("el", "Αντιπροσωπεία της Ένωσης Δήμων επισκέφθηκε το Όσλο.", "Oslo"),
    ],
)
def test_an_article_or_an_auxiliary_between_a_visits_verb_and_its_place(
    lang: str, text: str, place: str
) -> None:
    """Croatian puts its auxiliary after the verb ("posjetila je Oslo", visited Oslo),
    Greek an article before a town's name ("επισκέφθηκε το Όσλο"): the place is the
    visit's as right after the verb."""
    assert _events(text, lang) == [("study_visit", place)]


@pytest.mark.parametrize(
    ("lang", "text", "name", "role"),
    [
        # a role's verb in any tense, person or number, by its lemma
        (
            "lt",
            "Seminare Vilniuje dalyvaus Norvegijos vietos ir regioninių valdžios institucijų "
            "asociacija.",
            "Norvegijos vietos ir regioninių valdžios institucijų asociacija",
            "participant",
        ),
        (
            "lv",
            "Seminārā Rīgā piedalās arī Norvēģijas Vietējo un reģionālo pašvaldību asociācija.",
            "Norvēģijas Vietējo un reģionālo pašvaldību asociācija",
            "participant",
        ),
        (
            "sk",
            "Seminár v Bratislave zorganizuje Združenie miest a obcí Slovenska.",
            "Združenie miest a obcí Slovenska",
            "organiser",
        ),
    ],
)
def test_a_roles_verb_in_any_form(lang: str, text: str, name: str, role: str) -> None:
    assert _roles(text, lang).get(name) == role


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        # the place as the sentence writes it, in its case
        ("pl", "Wizyta studyjna w Norwegii odbyła się w maju.", "Wizyta studyjna w Norwegii"),
        ("el", "Η συνάντηση στο Όσλο ήταν σημαντική.", "Συνάντηση στο Όσλο"),
        # words that open what follows run on to the place ...
        (
            "en",
            "Activities: Visit to the Norwegian Union of Teachers in Norway.",
            "Visit to the Norwegian Union of Teachers in Norway",
        ),
        # (a verb after which a name follows, as a role's cue: the test is the same)
        (
            "en",
            "The delegation visited the Folk Museum in Bergen.",
            "Delegation visited the Folk Museum in Bergen",
        ),
        # ... or past a few words, up to punctuation
        (
            "en",
            "A training for representatives of the unions, employers and others was held.",
            "Training for representatives of the unions",
        ),
        # the place's phrase whole, with the words that say what the place is
        (
            "no",
            "Ein delegasjon frå Sogndal var på besøk i den polske kommunen Ostrowiec.",
            "På besøk i den polske kommunen Ostrowiec",
        ),
        (
            "pl",
            "Przedstawiciele miasta odbyli wizyty studyjne w miastach: Arendal i Molde.",
            "Wizyty studyjne w miastach: Arendal",
        ),
        # with no few words to run on to, they are not left dangling
        (
            "en",
            "A training for the very many representatives of all the unions of the region.",
            "Training",
        ),
    ],
)
def test_an_events_label_is_its_words_as_the_sentence_writes_them(
    lang: str, text: str, label: str
) -> None:
    assert [e.label for e in read_text(text, lang).events] == [label]


def test_a_programme_period_gives_no_date_its_year() -> None:
    """ "17 April" with no year takes the year named before it (or after), but not one of a
    period of years such as a programme's "2009-2014"."""
    from partnergraph.graph.extract.prose import read_text

    text = "An agreement was signed in Oslo on 17 April under the EEA Grants 2009-2014."
    assert [e.start for e in read_text(text, "en").events] == [None]
    text = "In 2012 the programme began. An agreement was signed in Oslo on 17 April."
    assert [str(e.start) for e in read_text(text, "en").events] == ["2012-04-17"]


@pytest.mark.parametrize(
    "text",
    [
        "On 27 May 2015 the seminar in Daugavpils was opened by the ambassador. "
        "The seminar in Latvia took place on 27-28 May 2015.",
        "The seminar in Daugavpils took place on 27-28 May 2015. "
        "On 27 May the seminar was opened by the ambassador.",
    ],
)
def test_a_day_of_an_event_of_several_days_is_that_event(text: str) -> None:
    """A seminar dated one of the days of a seminar of two days, in its country or town,
    is that seminar, which keeps its days and its town."""
    from partnergraph.graph.extract.prose import read_text

    events = read_text(text, "en").events
    assert [(e.type, str(e.start), str(e.end)) for e in events] == [
        ("seminar", "2015-05-27", "2015-05-28")
    ]
    assert events[0].place is not None and events[0].place.name == "Daugavpils"


def test_a_closing_quotation_mark_after_the_stop_is_the_sentences() -> None:
    """ "… the project “Building partnership for a green future!” The visit …": the
    quotation closes the first sentence, so the project's quoted name is read whole."""
    from partnergraph.graph.extract.prose import sentences

    text = "It implemented the project “Building a green future!” The visit was in May."
    assert [s.text for s in sentences(text)] == [
        "It implemented the project “Building a green future!”",
        "The visit was in May.",
    ]
    assert [p.name for p in read_text(text, "en").projects] == ["Building a green future!"]


@pytest.mark.parametrize(
    ("lang", "text", "events"),
    [
        # an event's word inside a body's name is the body's: no conference, no forum
        ("en", "The Conference of Peripheral Maritime Regions met the mayors in Oslo.", []),
        # ... and the sentence's own event is still told, by its verb
        (
            "cs",
            "Zástupci Glopolis se setkali s norskou organizací ForUM v Oslu.",
            [("meeting", "Setkali v Oslu")],
        ),
    ],
)
def test_an_events_word_in_a_bodys_name_is_the_bodys(
    lang: str, text: str, events: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.label) for e in read_text(text, lang).events] == events


def test_a_datelines_date_yields_to_the_events_own() -> None:
    """ "29.6.2009 - Konference …" dates the news item: the conference it tells of is the
    one the text dates, not a second one on the item's day; a dateline alone still dates
    the event it tells of."""
    text = (
        "29.6.2009 - Konference Granty EHP a Norska\n"
        "Ve dnech 16.-17. června 2009 se v norském Oslo uskutečnila mezinárodní konference."
    )
    events = read_text(text, "cs").events
    assert [(e.type, str(e.start), str(e.end)) for e in events] == [
        ("conference", "2009-06-16", "2009-06-17")
    ]
    text = "28 February 2023 – Researchers of Fafo visited the EFTA House in Brussels."
    (event,) = read_text(text, "en").events
    assert str(event.start) == "2023-02-28"
    # two events of one type on days of their own stay two
    text = "The seminar took place on 3 May 2019. Another seminar took place on 9 June 2019."
    assert len(read_text(text, "en").events) == 2


@pytest.mark.parametrize(
    ("lang", "text", "host", "guest"),
    [
        # a verb of receiving guests, in any form, by its lemma: who received them hosted
        ("bg", "Община Бургас прие делегация от Община Габрово на 5 май 2019 г.",
         "Община Бургас", "Община Габрово"),
        ("pl", "Gmina Obrowo przyjmowała delegację z Oslo kommune w maju 2019 r.",
         "Gmina Obrowo", "Oslo kommune"),
        # an active verb of hosting: the body after it was the guest, not a second host
        ("en", "During the study visit, Bergen Municipality hosted Tartu City Government.",
         "Bergen Municipality", "Tartu City Government"),
        ("pl", "Podczas wizyty studyjnej Urząd Miasta Rzeszowa gościł przedstawicieli "
               "Gminy Stavanger.", "Urząd Miasta Rzeszowa", "Gminy Stavanger"),
        ("ro", "În timpul vizitei de studiu, Primăria Municipiului Sibiu a găzduit "
               "Consiliul Local Drammen.", "Primăria Municipiului Sibiu", "Consiliul Local Drammen"),
        # passive, its agent's people after it: the body they are of hosted
        ("en", "The Latvian Association of Local Governments visited Oslo. The study visit "
               "was hosted by employees of KS.",
         "KS", "Latvian Association of Local Governments"),
    ],
)  # fmt: skip
def test_the_body_that_received_a_delegation_hosted_it(
    lang: str, text: str, host: str, guest: str
) -> None:
    assert _roles(text, lang) == {host: "host", guest: "participant"}


def test_a_delegation_at_the_event_is_of_its_participants_not_a_visit() -> None:
    """ "At the event …, a delegation from …": a word for any gathering refers to the one
    named before; the delegation came to it (no visit of its own)."""
    text = (
        "Министърът участва в годишната среща. На събитието присъстваха представители от "
        "Министерския съвет и делегация от Офиса на Финансовия механизъм."
    )
    assert _events(text, "bg") == [("meeting", None)]
    # with no such word, the delegation is a visit
    assert _events("Delegace z Kanceláře finančních mechanismů přijela do Prahy.", "cs") == [
        ("study_visit", "Prague")
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lt", "Universitete lankėsi Norvegijos ambasadorius Lietuvoje."),
        ("pl", "Szkołę odwiedził ambasador Norwegii w Polsce."),
        ("lv", "Skolā viesojās Norvēģijas vēstnieks Latvijā."),
    ],
)
def test_the_country_of_an_office_is_no_place_of_the_event(lang: str, text: str) -> None:
    """ "the ambassador in Lithuania": the country the ambassador is posted to, after the
    office's noun (its preposition, its own country between), is not where the visit
    was."""
    [event] = read_text(text, lang).events
    assert event.place is None


def test_a_date_is_the_event_it_follows() -> None:
    """ "The purpose of the visit was twofold: … to attend the conference that took place
    in Oslo on September, 1 – 4, 2019": the conference's dates, not the visit's (a date
    before all the events named is the first one's)."""
    text = (
        "The purpose of the visit was twofold: to discuss the partnership and to attend the "
        "conference that took place in Oslo on September, 1 – 4, 2019."
    )
    dated = {e.type: (e.start, e.end) for e in read_text(text, "en").events}
    assert dated["conference"] == (date(2019, 9, 1), date(2019, 9, 4))
    assert dated["study_visit"] == (None, None)
    text = "On 3 May 2019 the delegation visited Oslo and attended a seminar."
    dated = {e.type: e.start for e in read_text(text, "en").events}
    assert dated["study_visit"] == date(2019, 5, 3)


def test_a_month_after_in_is_no_place() -> None:
    """ "in March 2018" is when, not March in Cambridgeshire: the trip is in Bergen."""
    text = "The study trip will be held in March 2018 in Bergen."
    assert _events(text, "en") == [("study_visit", "Bergen")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Izaslanstvo Grada Zagreba boravilo je u Oslu od 12. do 15. ožujka 2019.",
         [("study_visit", "Oslo")]),
        ("Seminar je održan u Zagrebu 12. ožujka 2019.", [("seminar", "Zagreb")]),
        # (where people came from is no place of the event)
        ("Seminar iz Zagreba održan je 12. ožujka 2019.", [("seminar", None)]),
    ],
)  # fmt: skip
def test_croatian_places_of_events(text: str, expected: list[tuple[str, str | None]]) -> None:
    """Croatian, a language of the grants, says where with "u" and a town's locative
    ("u Oslu", "u Zagrebu"), and where from with "iz"."""
    assert _events(text, "hr") == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Seminar toimus Tallinnas 12. märtsil 2019.", date(2019, 3, 12), date(2019, 3, 12)),
        ("Delegatsioon külastas Oslot 12.–15. märtsini 2019.", date(2019, 3, 12),
         date(2019, 3, 15)),
    ],
)  # fmt: skip
def test_a_months_name_in_a_case_dateparser_does_not_know_is_read_by_its_lemma(
    text: str, start: date, end: date
) -> None:
    """Estonian says "in March" with a case ending ("märtsil", "märtsini" until March) that
    dateparser does not read: the month is its lemma's ("märts")."""
    assert _dates(text, "et") == [(start, end)]


@pytest.mark.parametrize(
    ("lang", "text", "start", "end"),
    [
        ("cs", "Dne 29. 5. 2018 uspořádala Norská kulturní rada v Oslu konferenci.",
         date(2018, 5, 29), date(2018, 5, 29)),
        ("sk", "Dňa 29. 5. 2018 sa v Bratislave konala konferencia.",
         date(2018, 5, 29), date(2018, 5, 29)),
        ("cs", "Ve dnech 29. – 30. 5. 2018 se v Praze konal seminář.",
         date(2018, 5, 29), date(2018, 5, 30)),
        ("en", "On 29/05/2018 a conference took place in Oslo.",
         date(2018, 5, 29), date(2018, 5, 29)),
    ],
)  # fmt: skip
def test_a_date_in_numbers_with_spaces_or_slashes_is_read(
    lang: str, text: str, start: date, end: date
) -> None:
    """Czech and Slovak write a date in numbers with a space after each period ("29. 5.
    2018"): one date, no sentence's end after "5."; other publishers write "29/05/2018"
    (day first, as in Europe)."""
    assert _dates(text, lang) == [(start, end)]
    assert len(sentences(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Innovation Norway and the Polish Agency for Enterprise Development signed a "
        "memorandum of understanding in Warsaw on 5 June 2018.",
        "The two municipalities signed the partnership agreement in Warsaw on 5 June 2018.",
    ],
)
def test_signing_an_agreement_in_the_active_voice_is_a_meeting(text: str) -> None:
    """ "X signed a memorandum of understanding": a signing, as "a memorandum was signed"
    was (an agreement's signing is a meeting), with its place."""
    assert _events(text, "en") == [("meeting", "Warsaw")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A study visit from Latvia to Bergen took place in May."),
        ("pl", "Wizyta studyjna z Łotwy do Bergen odbyła się w maju."),
        ("lv", "Delegācija no Latvijas uz Bergenu devās maijā."),
    ],
)
def test_a_visit_from_one_place_to_another_went_to_the_second(lang: str, text: str) -> None:
    """ "from X to Y": Y, after a preposition that means "to" only, is where the visit
    went, not where X's body lies (as "a delegation from Gmina Wołomin in Poland" came
    from Poland)."""
    assert _events(text, lang) == [("study_visit", "Bergen")]
