"""Countries settled once a document is read: from the name's place, from another mention,
from the language the name is written in. Sentences written for the tests."""

from __future__ import annotations

from partnergraph.graph.extract import extract
from partnergraph.graph.extract.gazetteer import find_cities, region_countries
from partnergraph.graph.extract.prose import infer_country
from partnergraph.graph.extract.prose.places import place_words
from partnergraph.graph.sources import Document, read_document

from ..conftest import FIXTURES


def _countries(text: str, lang: str) -> dict[str, str | None]:
    doc = Document("k", "k", text, None, "news", lang, "utf-8", "text/plain", "0" * 64)
    ex = extract(doc)
    named = {o.name: o.country for o in ex.organisations}
    for role in ex.roles:  # a role's mention is settled as the list's is
        assert named.get(role.org.name, role.org.country) == role.org.country
    return named


def test_a_name_written_in_the_documents_language_is_of_its_country() -> None:
    text = (
        "Fundacja Wolna Wisła zorganizowała spotkanie z mieszkańcami. "
        "Pracownia Zrównoważonego Rozwoju przygotowała raport."
    )
    assert _countries(text, "pl") == {
        "Fundacja Wolna Wisła": "PL",
        "Pracownia Zrównoważonego Rozwoju": "PL",
    }


def test_english_and_unknown_proper_names_tell_no_country() -> None:
    # English is every country's language here; a proper name Polish does not know
    # ("Inspiria") may be anyone's
    text = "The Youth Theatre Association and Pracownia Zrównoważonego Rozwoju signed it."
    assert set(_countries(text, "en").values()) == {None}
    assert _countries("Stowarzyszenie Inspiria przygotowało wystawę.", "pl") == {
        "Stowarzyszenie Inspiria": None
    }


def test_a_body_named_after_europe_is_no_body_of_the_texts_country() -> None:
    text = "Konference se zúčastnili zástupci Rady Evropy a Svazu měst a obcí."
    found = _countries(text, "cs")
    assert found["Rada Evropy"] is None
    assert "CZ" in found.values()  # (the other name, written in Czech, is still Czech)
    # Europe's word in a complement names a country's own body
    text = "Proiectul este gestionat de Ministerul Fondurilor Europene și Primăria Prejmer."
    assert _countries(text, "ro")["Ministerul Fondurilor Europene"] == "RO"


def test_a_lists_country_after_it_and_a_place_in_another_script() -> None:
    """ "общини Sør-Varanger и Trysil от Норвегия": the list's country follows it after
    "from"; a place in Latin letters in a Bulgarian form is no Bulgarian town's."""
    text = "Семинарът събра кметовете на общини Sør-Varanger и Trysil от Норвегия."
    assert _countries(text, "bg") == {"Община Sør-Varanger": "NO", "Община Trysil": "NO"}
    text = "Семинарът събра кметовете на общини Sør-Varanger и Trysil с колегите им."
    assert set(_countries(text, "bg").values()) == {None}
    text = "Семинарът събра кметовете на общините Кюстендил, Крумовград и Трън."
    assert set(_countries(text, "bg").values()) == {"BG"}


def test_news_of_a_trip_abroad_gives_its_country_only_to_those_who_travelled() -> None:
    text = (
        "Wizyta studyjna w Oslo odbyła się w maju. "
        "Uczestnikami wizyty byli przedstawiciele Fundacji Wolna Wisła. "
        "Regionalna Izba Przemysłu działa od 1990 roku."
    )
    found = _countries(text, "pl")
    assert found["Fundacja Wolna Wisła"] == "PL"  # (named in its base form)
    assert found["Regionalna Izba Przemysłu"] is None  # the hosts' names are Polish too
    # at home, the same body is the home country's
    assert _countries("Regionalna Izba Przemysłu działa od 1990 roku.", "pl") == {
        "Regionalna Izba Przemysłu": "PL"
    }


def test_a_region_or_town_where_the_name_holds_its_place_tells_its_country() -> None:
    text = "Vestland apskrities administracija ir Pagėgių savivaldybė pasirašė sutartį."
    assert _countries(text, "lt") == {
        "Vestland apskrities administracija": "NO",  # a Norwegian county, in Lithuanian
        "Pagėgių savivaldybė": "LT",
    }
    assert region_countries("Vestland") == {"NO"}
    assert region_countries("Jelgavas") == {"LV"}  # "Jelgavas novads"


def test_a_latvian_planning_region_tells_its_country() -> None:
    """Latvia's planning regions are no ISO 3166-2 subdivision (its municipalities are):
    the regions table holds them, in any case form."""
    text = "A delegation from the Vidzeme Planning Region visited Trøndelag County Council."
    assert _countries(text, "en")["Vidzeme Planning Region"] == "LV"
    assert _countries("Latgales plānošanas reģions rīkoja semināru.", "lv") == {
        "Latgales plānošanas reģions": "LV"
    }


def test_a_town_inside_a_name_is_a_word_of_it() -> None:
    assert place_words("Youth Drama Centre of Bergen") == ["Youth", "Bergen"]
    assert infer_country("Youth Drama Centre") is None  # Drama, Greece
    assert infer_country("Rydułtowy Centre of Culture") == "PL"
    assert infer_country("Silesian Museum in Katowice") == "PL"


def test_a_head_word_opening_a_name_is_not_its_place() -> None:
    """ "Centro" is a town in Spain and in Italy, and the head of many names: as their first
    word it is what they are, not where ("Bergen kommune": a place first, then the head)."""
    from partnergraph.graph.extract.countries import country_by_name

    assert place_words("Centro de Estudos Sociais da Universidade de Coimbra") == ["Coimbra"]
    assert country_by_name("Centro de Estudos Sociais da Universidade de Coimbra") == "PT"
    assert country_by_name("Centro Studi Bologna") == "IT"
    assert place_words("Bergen kommune") == ["Bergen"]
    assert place_words("Centro") == ["Centro"]  # (a word alone may be the town)


def test_an_alternate_name_of_a_city_is_not_its_own() -> None:
    assert find_cities("Roma")[0].name == "Rome"
    assert find_cities("Roma", own_name=True) == ()
    assert find_cities("Kraków", own_name=True)[0].country == "PL"


def test_the_words_beside_a_name_give_its_country() -> None:
    from partnergraph.graph.extract.lexicon import lexicon
    from partnergraph.graph.extract.prose.places import country_beside, told_places

    lex = lexicon()

    def beside(text: str, name: str, language: str = "en") -> str | None:
        a = text.index(name)
        return country_beside(text, a, a + len(name), lex, language)

    assert beside("the Norwegian municipality of Øvre Eiker", "municipality of Øvre Eiker") == "NO"
    assert beside("spotkanie z norweską gminą Vefsn", "gminą Vefsn", "pl") == "NO"
    assert beside("NAV (Norway) and others", "NAV") == "NO"
    assert beside("NAV (NO) and others", "NAV") == "NO"
    assert beside("Buskerud fylkeskommune, Norway.", "Buskerud fylkeskommune") == "NO"
    # a list goes on after the comma: no country is told
    assert beside("Fretex, Norway and Poland signed", "Fretex") is None
    assert beside("the partner NAV (KS) met", "NAV") is None
    assert beside("the municipality of Øvre Eiker", "municipality of Øvre Eiker") is None
    places = told_places("Guests from Øvre Eiker, Norway\nSteinkjer (Norge) hosted.")
    assert places == {"ovre eiker": "NO", "steinkjer": "NO"}  # folded names


def test_a_municipality_of_a_place_the_document_locates_takes_its_country() -> None:
    text = (
        "Guests from Hof, Norway.\nThe Hof municipality welcomed the delegation of the "
        "Lublin City Office."
    )
    from partnergraph.graph.extract.prose import read_text

    by_name = {o.name: o.country for o in read_text(text, "en").organisations}
    assert by_name["The Hof municipality"] == "NO"
    # the document's word wins over the gazetteer's Hof (Bavaria), which speaks without it
    alone = read_text(text.split("\n", 1)[1], "en").organisations
    assert {o.name: o.country for o in alone}["The Hof municipality"] == "DE"


def test_a_town_of_two_words_is_told_whole() -> None:
    assert infer_country("Alba Iulia County Hospital") == "RO"  # not Alba, Italy


def test_on_a_numbered_project_page_a_town_of_another_country_tells_none() -> None:
    """A project number opening with a beneficiary state's code ("RO21-0456") gives the
    promoter its country; a partner's town word that names a town elsewhere ("Alba" is in
    Italy too) is no evidence on a Romanian project's page."""
    folder = FIXTURES / "layouts"
    doc = read_document(folder / "numbered-page.txt", root=folder)
    assert isinstance(doc, Document)
    countries = {o.name: o.country for o in extract(doc).organisations}
    assert countries["Alba Iulia Children's Hospital"] == "RO"
    assert countries["Norwegian Directorate for Children, Youth and Family Affairs"] == "NO"
    assert countries["Asociația Prietenii Copiilor Alba"] in (None, "RO")


def test_a_small_town_in_a_name_tells_its_country() -> None:
    """Towns of over 1,000 people (GeoNames, shipped) tell a name's country where the
    cities' table (over 15,000) knows none: Verdal and Orkanger are Norwegian."""
    from partnergraph.graph.extract.gazetteer import town_countries, town_country

    assert find_cities("Verdal") == ()
    assert town_country("Verdal") == "NO"
    assert town_countries("Most") == {"CZ"} and town_country("Union") is None
    text = "The Verdal municipality hosted a seminar. Orkanger Sports Club organised it."
    found = _countries(text, "en")
    assert found["The Verdal municipality"] == "NO"
    assert found["Orkanger Sports Club"] == "NO"


def test_a_proper_name_the_lemmatiser_knows_is_a_place_not_a_common_word() -> None:
    """simplemma gives a place's inflected form its capitalised lemma ("Liepājas" →
    "Liepāja"): such a word is no common word, and names the place in a name — also in
    news of a trip abroad, where a name merely written in the language tells nothing."""
    from partnergraph.graph.extract.lemmas import is_common_word

    assert not is_common_word("Liepājas", "lv") and is_common_word("Most", "cs")
    text = "Vizīte Oslo notika maijā. Liepājas plānošanas reģions un Norvēģijas eksperti tikās."
    assert _countries(text, "lv")["Liepājas plānošanas reģions"] == "LV"


def test_a_foreign_town_spelt_in_latvian_letters_tells_its_country() -> None:
    """Latvian spells a foreign town its own way and declines it ("Arendālas" is Arendal's,
    "Stavangeras" Stavanger's): the base form, accents aside, names the town; a name of
    plain letters is not so read ("Bissaya Barreto" tells no country)."""
    text = "Arendālas pašvaldība un Cēsu novads tikās Cēsīs."
    assert _countries(text, "lv")["Arendālas pašvaldība"] == "NO"
    text = "A Fundação Bissaya Barreto acolheu a reunião."
    assert _countries(text, "pt")["Fundação Bissaya Barreto"] is None


def test_a_bilateral_body_named_in_a_language_is_of_that_languages_country() -> None:
    """ "Norvegijos Lietuvos prekybos rūmai" (the Norwegian-Lithuanian chamber), named in
    Lithuanian, is in Lithuania; in English the first country named still tells
    ("Czech-Liechtenstein Commission")."""
    text = "Susitikime dalyvavo Norvegijos Lietuvos prekybos rūmai ir Klaipėdos universitetas."
    assert _countries(text, "lt")["Norvegijos Lietuvos prekybos rūmai"] == "LT"
    assert infer_country("Czech-Liechtenstein Commission of Historians") == "CZ"


def test_a_region_in_brackets_after_a_name_tells_its_country() -> None:
    """ "Nome Municipality (Bo, Telemark)": the region in the brackets is of one country."""
    from partnergraph.graph.extract.prose.places import country_after

    text = "The guests met Nome Municipality (Bo, Telemark) on day two."
    assert country_after(text, text.index(" (Bo")) == "NO"
    assert _countries(text, "en")["Nome Municipality"] == "NO"


def test_a_name_written_in_a_named_countrys_language_is_of_that_country() -> None:
    """A name kept in its own language in a text of another ('Foreningen Aktive Eldre' in
    English news) is of the country whose language that is, if the document names it."""
    met = "It met Foreningen Aktive Eldre and Stowarzyszenie Zdrowe Miasto."
    both = _countries(f"A delegation from Lithuania visited Norway and Poland in May. {met}", "en")
    assert both == {"Foreningen Aktive Eldre": "NO", "Stowarzyszenie Zdrowe Miasto": "PL"}
    norway = _countries(f"A delegation from Lithuania visited Norway in May. {met}", "en")
    assert norway == {"Foreningen Aktive Eldre": "NO", "Stowarzyszenie Zdrowe Miasto": None}
    # a country the document does not name is no evidence
    unnamed = _countries(f"A delegation from Lithuania came in May. {met}", "en")
    assert set(unnamed.values()) == {None}


def test_a_proper_names_letters_tell_which_of_the_named_countries_it_is_from() -> None:
    """'ø' is written in Norway and Denmark: in an English item that names Norway (and not
    Denmark) a name spelled so is Norwegian; where both are named, it tells nothing."""
    one = "A delegation from Lithuania visited Norway in May. It met the Sjøvik Development Centre."
    assert _countries(one, "en")["Sjøvik Development Centre"] == "NO"
    both = one.replace("visited Norway", "visited Norway and Denmark")
    assert _countries(both, "en")["Sjøvik Development Centre"] is None
    # in a text of a language that writes those letters, they are no foreign spelling
    home = "En delegasjon fra Danmark besøkte Sjøvik Næringsselskap i mai."
    assert _countries(home, "no") == {"Sjøvik Næringsselskap": None}


def test_a_country_after_the_name_tells_where_it_is_unless_the_name_holds_a_town() -> None:
    """ "… din Norvegia" (Romanian "of/from") says where a body is, as "in Norway" does; a
    town of another country in the name says more ("the Sibiu Youth Association in Norway"
    was visiting)."""
    assert _countries("Delegația a vizitat Asociația Cluburilor Sportive din Norvegia.", "ro") == {
        "Asociația Cluburilor Sportive": "NO"
    }
    text = "Representatives of the Sibiu Youth Association in Norway met the hosts."
    assert _countries(text, "en") == {"Sibiu Youth Association": "RO"}
    assert _countries(text.replace("Sibiu ", ""), "en") == {"Youth Association": "NO"}


def test_a_country_after_a_names_acronym_tells_where_it_is() -> None:
    """ "Central Project Agency (CPVA) in Lithuania": the acronym in brackets between the
    name and where it is does not hide where it is."""
    text = "Applications are handled by the Central Project Agency (CPVA) in Lithuania."
    assert _countries(text, "en") == {"Central Project Agency": "LT"}
    text = "Søknadene behandles av Senter for prosjektledelse (SPL) i Litauen."
    assert _countries(text, "no") == {"Senter for prosjektledelse": "LT"}


def test_a_town_written_in_cyrillic_or_greek_letters_tells_its_country() -> None:
    """The towns' table spells places in Latin letters, as GeoNames does: a name in another
    script is looked up by its standard transliteration (Bulgaria's official one for
    Cyrillic), so "Поморие" is Pomorie and "Καβάλα" Kavala."""
    from partnergraph.graph.extract.gazetteer import romanised, town_countries

    assert romanised("Търговище") == "Tărgovishte" and romanised("Шумен") == "Shumen"
    assert town_countries("Поморие") == {"BG"} and town_countries("Καβάλα") == {"GR"}
    assert town_countries("Oslo") == {"NO"} and romanised("Oslo") is None
    # news of a trip abroad: a body's own language tells nothing, its town does
    text = "Делегация посети Осло през май. Община Поморие подготви доклад за визитата."
    assert _countries(text, "bg")["Община Поморие"] == "BG"


def test_a_companys_legal_form_tells_its_country() -> None:
    """cleanco's table of legal forms by country: a form of one country tells it ("UAB" is
    Lithuanian), a form of several the one of them the document names; an English form
    ("Ltd.") is written by companies of every country and tells none."""
    text = (
        "A delegation from Norway visited Vilnius in May. "
        "It met UAB Inova Baltic and Dynatec AS. InnoGeo Ltd. presented its pumps."
    )
    found = _countries(text, "en")
    assert found["UAB Inova Baltic"] == "LT"
    assert found["Dynatec AS"] == "NO"  # Estonia, Latvia or Norway: the item names Norway
    assert found["InnoGeo Ltd."] is None
    both = text.replace("from Norway", "from Norway and Latvia")
    assert _countries(both, "en")["Dynatec AS"] is None


def test_the_legal_form_of_a_non_profit_or_public_body_tells_its_country() -> None:
    """Forms cleanco's company table lacks: "VšĮ" (a Lithuanian public institution),
    "z.s." (a Czech registered society), "o.z." (a Slovak civic association)."""
    from partnergraph.graph.extract.gazetteer import legal_form_countries

    assert legal_form_countries("VšĮ Kėdainių verslo centras") == {"LT"}
    assert legal_form_countries("Zelená stezka, z.s.") == {"CZ"}
    assert legal_form_countries("Človek v ohrození o.z.") == {"SK"}


def test_a_lists_places_say_their_countries_in_parentheses() -> None:
    """ "A (Lietuva) ir B (Norvegija) savivaldybių" is two municipalities, each of the
    country after it; a place's own name in parentheses tells its country too ("Lešos
    (Lesja)": Lesja is a Norwegian town). Another case form of a name takes the country
    its mention in one form has ("Lešos savivaldybės")."""
    text = (
        "Sutartis pasirašyta tarp Alytaus (Lietuva) ir Lesja (Norvegija) savivaldybių. "
        "Bendradarbiavimas tarp Lešos (Lesja) ir Alytaus savivaldybių prasidėjo seniai. "
        "Vėliau Alytuje lankėsi grupė iš Lešos savivaldybės."
    )
    found = _countries(text, "lt")
    assert found["Alytaus savivaldybė"] == "LT"
    assert found["Lesja savivaldybė"] == "NO"
    assert found["Lešos savivaldybė"] == "NO"


def test_a_municipalitys_own_name_in_parentheses_is_no_part_of_it_and_tells_its_country() -> None:
    """ "grupė iš Lešos (Lesja) savivaldybės": Lithuanian writes a foreign place in its own
    spelling and gives the place's own name in parentheses — Lesja is Norwegian."""
    text = "Gruodžio mėnesį Alytuje lankėsi grupė iš Lešos (Lesja) savivaldybės."
    assert _countries(text, "lt") == {"Lešos savivaldybė": "NO"}


def test_a_county_of_the_grants_years_tells_its_country() -> None:
    """Norway's counties before 2020 are no longer in pycountry's table, yet documents of
    those years name them ("Buskerud fylkeskommune"); a region's name in a case the
    lemmatiser does not know ("Telemarko", Lithuanian genitive) is still the region's."""
    assert region_countries("Buskerud") == region_countries("Sogn og Fjordane") == {"NO"}
    assert _countries("Vi møtte Buskerud fylkeskommune i går.", "no") == {
        "Buskerud fylkeskommune": "NO"
    }
    assert _countries("Seminarą organizavo Telemarko apskrities administracija.", "lt") == {
        "Telemarko apskrities administracija": "NO"
    }


def test_a_towns_own_name_outranks_another_citys_other_name() -> None:
    """ "Piran" is a Slovenian town's own name and one of Piraeus's other names: the
    municipality is Slovenian; a name without its accents is still the town's own
    ("Dzierzoniow kommune" is Dzierżoniów's, in Poland)."""
    assert _countries("Projekt izvaja Občina Piran z partnerji.", "sl") == {"Občina Piran": "SI"}
    assert _countries("Representanter fra Dzierzoniow kommune kom.", "no") == {
        "Dzierzoniow kommune": "PL"
    }


def test_a_citys_name_with_a_case_ending_the_lemmatiser_does_not_know_tells_its_country() -> None:
    """ "Bergeno", "Kongsbergo" (Lithuanian genitives the lemmatiser does not know) are
    Bergen's and Kongsberg's: the city whose whole name the word opens with, a letter or two
    on; in English a word that merely opens with a city's name is no form of it."""
    text = (
        "Bergeno universitetas ir Kongsbergo savivaldybė pasirašė sutartį. "
        "Vilniaus universitetas prisijungė."
    )
    assert _countries(text, "lt") == {
        "Bergeno universitetas": "NO",
        "Kongsbergo savivaldybė": "NO",
        "Vilniaus universitetas": "LT",
    }
    assert _countries("The Bergeno Youth Association met us.", "en") == {
        "Bergeno Youth Association": None
    }


def test_a_state_after_a_name_is_where_the_body_is_not_part_of_its_name() -> None:
    """ "… z Nórskeho kráľovstva" (from the Kingdom of Norway): a place preposition and a
    state (its noun beside a demonym or the country's name, in any case form) end the name
    and give its country."""
    assert _countries("Projekt podporila Nadácia Ekopolis z Nórskeho kráľovstva.", "sk") == {
        "Nadácia Ekopolis": "NO"
    }
    assert _countries("Projekt podpořila Nadace Partnerství z Norského království.", "cs") == {
        "Nadace Partnerství": "NO"
    }


def test_a_hyphenated_towns_name_tells_the_country() -> None:
    """A town whose name joins two words with a hyphen is a name's place as any other
    ("Cluj-Napoca", "Kędzierzyn-Koźle"), in a facts block too."""
    assert place_words("Technical University of Cluj-Napoca") == ["Technical", "Cluj-Napoca"]
    assert infer_country("Kędzierzyn-Koźle City Hall") == "PL"
    text = (
        "Better Water for Cluj\n\nProject promoter: Technical University of Cluj-Napoca\n"
        "Project partner: Norwegian Institute for Water Research (NIVA)\n"
    )
    doc = Document("k", "k", text, None, "project-page", "en", "utf-8", "text/plain", "0" * 64)
    named = {o.name: o.country for o in extract(doc).organisations}
    assert named["Technical University of Cluj-Napoca"] == "RO"


def test_a_country_after_a_dash_that_ends_the_clause_is_the_names() -> None:
    text = "Projekt realizuje škola s partnerskou školou: Solor videregaende skole – Nórsko."
    assert _countries(text, "sk") == {"Solor videregaende skole": "NO"}


def test_a_regions_whole_name_tells_its_country_when_its_first_word_is_a_common_one() -> None:
    """ "Liberecký kraj" is a Czech region by its whole name (pycountry's subdivisions),
    though "Liberecký" alone is an adjective the Czech lemmatiser knows; in an item whose
    visit went abroad the text's own country is not assumed, so the name must tell."""
    text = "Delegace navštívila Molde. Liberecký kraj již několik let spolupracuje s Norskem."
    assert _countries(text, "cs")["Liberecký kraj"] == "CZ"


def test_a_regions_name_beside_its_bodys_head_tells_its_country_though_a_common_word() -> None:
    """ "Nordland fylkeskommune": the word before a regional body's head noun is the
    region's name (pycountry's, a former county's), though "Nordland" is a word the
    Norwegian lemmatiser knows; as the sentence's first word it opens the name too."""
    text = "Ordføreren besøkte Gmina Kłodzko i Polen sammen med Nordland fylkeskommune."
    assert _countries(text, "no")["Nordland fylkeskommune"] == "NO"
    assert _countries("Nordland fylkeskommune deltok på møtet i Polen.", "no") == {
        "Nordland fylkeskommune": "NO"
    }


def test_a_town_after_a_preposition_in_a_name_tells_its_country_by_any_of_its_names() -> None:
    """ "Universitetet i Warszawa": the town after "i" is Warsaw, whose own name in the
    city list is "Warsaw"; before, a Norwegian item gave the university Norway, the
    text's country, as the name told none."""
    text = "Prosjektet er et samarbeid mellom Høgskolen i Innlandet og Universitetet i Warszawa."
    assert _countries(text, "no") == {
        "Høgskolen i Innlandet": "NO",
        "Universitetet i Warszawa": "PL",
    }


def test_a_name_in_a_list_of_one_countrys_bodies_takes_that_country() -> None:
    """Names joined only by commas and "and" are a list: where two or more of them tell a
    country, all the same, the others are of it too — not where one only tells one, nor
    where they tell two. (News of a trip abroad: the text's language tells no country.)"""
    trip = "Ein delegasjon var på besøk i Kraków i Polen. "
    found = _countries(
        trip + "Deltakarane kom frå Sogndal kommune, Framtidslaben, Høgskulen på Vestlandet.", "no"
    )
    assert found == {
        "Sogndal kommune": "NO",
        "Framtidslaben": "NO",
        "Høgskulen på Vestlandet": "NO",
    }
    found = _countries(trip + "Deltakarane kom frå Sogndal kommune og Framtidslaben.", "no")
    assert found["Framtidslaben"] is None
    found = _countries(
        trip + "Dei møtte Sogndal kommune, Høgskulen på Vestlandet, Kraków kommune og "
        "Framtidslaben.",
        "no",
    )
    assert found["Kraków kommune"] == "PL"
    assert found["Framtidslaben"] is None
    # a name in another sentence is in no list with them
    found = _countries(
        trip + "Dei møtte Sogndal kommune og Høgskulen på Vestlandet. Framtidslaben var der.", "no"
    )
    assert found.get("Framtidslaben") is None


def test_a_common_word_of_a_named_countrys_language_is_no_place_in_a_name() -> None:
    """ "Nord" is a French department's name and Norwegian for "north": in an item that
    names Norway it tells no country of a body's name; where a place of one country it is
    (a town's own name), it still does."""
    text = (
        "Valmieras novada pašvaldības delegācija Norvēģijā tikās ar Nord universitātes pārstāvjiem."
    )
    assert _countries(text, "lv")["Nord universitāte"] is None
    assert _countries("Delegācija Norvēģijā apmeklēja Bodø universitāti.", "lv") == {
        "Bodø universitāte": "NO"
    }
