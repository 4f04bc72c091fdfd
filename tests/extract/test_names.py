"""Organisation names read without a listed form: head nouns known by their lemma in any
case, lower-case heads, and coordinated names split where both sides stand alone.
The sentences are written for these tests (not taken from the corpus)."""

from __future__ import annotations

import pytest

from partnergraph.graph.extract import extract
from partnergraph.graph.extract.lemmas import head_lemma_type, lemma
from partnergraph.graph.extract.model import OrgMention
from partnergraph.graph.extract.prose import read_text
from partnergraph.graph.sources import Document


def _organisations(text: str, lang: str) -> tuple[OrgMention, ...]:
    """The organisations a news item of ``text`` gives, in order, countries settled."""
    doc = Document("k", "k", text, None, "news", lang, "utf-8", "text/plain", "0" * 64)
    return extract(doc).organisations


def _names(text: str, lang: str) -> set[str]:
    return {o.name for o in read_text(text, lang).organisations}


def test_a_greek_final_sigma_stays_final_when_a_word_is_looked_up() -> None:
    """Case-folding turns a final "ς" into "σ", which no dictionary entry ends in: the
    plural "οργανώσεις" (organisations) was read as the verb "οργανώνω"."""
    from partnergraph.graph.extract.lemmas import is_known_word

    assert lemma("οργανώσεις", "el") == "οργάνωση"
    assert lemma("εταίρους", "el") == "εταίρος"
    assert is_known_word("Ελληνικής", "el")
    assert _names("Οι οργανώσεις που επιλέχτηκαν είναι: Kmop και Brightwater.", "el") >= {
        "Kmop",
        "Brightwater",
    }


def test_head_nouns_are_known_in_every_case_form() -> None:
    assert lemma("savivaldybių", "lt") == lemma("savivaldybei", "lt") == "savivaldybė"
    assert head_lemma_type("tarybos", "lt") == head_lemma_type("Tarybai", "lt") == "association"
    assert head_lemma_type("fundacji", "pl") == "ngo"
    assert head_lemma_type("регионални", "bg") is None
    # an English plural names a kind of body, not one
    assert head_lemma_type("Services", "en") is None
    assert head_lemma_type("Service", "en") == "agency"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a capitalised word, lower-case words, then the head noun
        ("lt", "Susitikime dalyvavo Kauno agrarinės ekonomikos institutas.",
         {"Kauno agrarinės ekonomikos institutas"}),
        ("cs", "Projekt podpořil Moravský zemský výbor.", {"Moravský zemský výbor"}),
        ("bg", "Срещата организира Пловдивската търговска камара.", set()),
        # the head noun, lower-case, before the name it opens
        ("pl", "Przedstawiciele fundacji Czysta Odra odwiedzili Bergen.", {"fundacji Czysta Odra"}),
    ],
)  # fmt: skip
def test_lower_case_and_inflected_heads(lang: str, text: str, expected: set[str]) -> None:
    assert expected <= _names(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pl", "Umowę podpisały Związek Miast Pomorskich i Związek Gmin Kujawskich.",
         {"Związek Miast Pomorskich", "Związek Gmin Kujawskich"}),
        ("lt", "Vizite dalyvavo Alytaus verslo centras ir Utenos kolegija.",
         {"Alytaus verslo centras", "Utenos kolegija"}),
        ("en", "The workshop was run by the Tromsø Youth Association and the Bodø Music Club.",
         {"Tromsø Youth Association", "Bodø Music Club"}),
        # an English name in Slovak text, joined by the Slovak "a"
        ("sk", "Stretli sa s Oslo Centre for Peace and Justice a Bergen Youth Club.",
         {"Oslo Centre for Peace and Justice", "Bergen Youth Club"}),
        # the last "and" after a name with an "and" of its own joins one word that stands
        # alone as a name
        ("en", "The partners are the Hellenic Society for Environment and Culture and Kmop.",
         {"Hellenic Society for Environment and Culture", "Kmop"}),
        # after a name with its head, the text's own "and" joins one word that stands alone
        ("no", "Dei møtte Høgskulen på Vestlandet og Kunnskapsparken.",
         {"Høgskulen på Vestlandet", "Kunnskapsparken"}),
        ("en", "They met the University of Agder and Fagforum.",
         {"University of Agder", "Fagforum"}),
    ],
)  # fmt: skip
def test_coordinated_names_are_split(lang: str, text: str, expected: set[str]) -> None:
    found = _names(text, lang)
    assert expected <= found
    assert not any(
        " i " in n
        or " ir " in n
        or " a " in n
        or " og " in n
        or n.endswith((" and Kmop", " and Fagforum"))
        for n in found
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Norwegian Association of Local and Regional Authorities hosted the visit.",
        "A delegation visited the Ministry of Education and Research in Oslo.",
        "The Norwegian University of Science and Technology took part.",
        # one word after a second "and" that is a common word stays the name's
        "The Centre for Equality and Diversity and Inclusion took part.",
        # one word after the only "and" that is someone's first name stays the name's
        "The Foundation of Saints Cyril and Methodius took part.",
    ],
)
def test_one_name_with_a_conjunction_inside_stays_one(text: str) -> None:
    found = _names(text, "en")
    assert len(found) == 1 and (" and " in found.pop())


@pytest.mark.parametrize(
    ("lang", "text", "expected", "wrong"),
    [
        ("cs", "Ekopolis a Centrum pro vodu a krajinu podepsaly dohodu.",
         "Centrum pro vodu a krajinu", "Ekopolis a Centrum"),
        ("pl", "Przedstawiciele Ekopolis i Centrum Badań Wody odwiedzili Oslo.",
         "Centrum Badań Wody", "Ekopolis i Centrum Badań Wody"),
        ("en", "The delegation met Fagforum and the Bergen Youth Centre on Monday.",
         "Bergen Youth Centre", "Fagforum and the Bergen Youth Centre"),
    ],
)  # fmt: skip
def test_a_name_without_a_head_is_not_joined_to_the_next_ones_head(
    lang: str, text: str, expected: str, wrong: str
) -> None:
    """The head word belongs to the name it opens after the conjunction (or that an article
    opens); the word before the conjunction is no part of it."""
    found = _names(text, lang)
    assert expected in found and wrong not in found
    # a name of words that open no new name stays whole
    assert _names("A delegation met the Research and Innovation Centre of Bergen.", "en") == {
        "Research and Innovation Centre of Bergen"
    }


def test_a_place_after_a_name_in_apposition_is_where_the_body_is() -> None:
    """ "the company Statkraft in Bergen": the town is no word of the name; it tells the
    body's country (Bergen, Norway's city, not the smaller Bergen of the Netherlands)."""

    def found(text: str, lang: str) -> dict[str, str | None]:
        return {o.name: o.country for o in read_text(text, lang).organisations}

    assert found("They met the company Kraftlag in Bergen.", "en") == {"Kraftlag": "NO"}
    assert found("Spotkali się z firmą Kraftex w Oslo.", "pl") == {"Kraftex": "NO"}
    # after "of" a place is a word of the name
    assert found("They met the organisation Friends of Bergen.", "en") == {
        "Friends of Bergen": None
    }


def test_an_acronym_in_brackets_spells_where_the_name_begins() -> None:
    """ "Small and Medium Enterprises" holds a conjunction that would split the name; the
    acronym after it spells its capitalised words' initials, which says where it begins."""
    text = (
        "Innovation Norway and the Bulgarian Small and Medium Enterprises Promotion Agency "
        "(BSMEPA) organised a matchmaking event in Sofia."
    )
    assert _names(text, "en") == {
        "Innovation Norway",
        "Bulgarian Small and Medium Enterprises Promotion Agency",
    }
    # an acronym that spells no more words leaves the name as it is
    text = "Innovation Norway and the Small Business Agency (XSBA) met."
    assert "Small Business Agency" in _names(text, "en")


def test_an_acronym_after_the_country_and_with_small_letters() -> None:
    """ "X in Norway (ASCN)": the acronym is the whole name's, its country with it; "(ACoR)",
    "(FoRUM)": an acronym may have a small letter between capitals, not at its end ("(Oslo)"
    is no acronym)."""

    def acronyms(text: str) -> dict[str, str | None]:
        return {o.name: o.acronym for o in read_text(text, "en").organisations}

    assert acronyms("The Association of Sports Clubs in Norway (ASCN) hosted it.") == {
        "Association of Sports Clubs in Norway": "ASCN"
    }
    assert acronyms("The Association of Sports Clubs (ASoC) hosted it.") == {
        "Association of Sports Clubs": "ASoC"
    }
    assert acronyms("The Association of Sports Clubs (Oslo) hosted it.") == {
        "Association of Sports Clubs": None
    }


def test_a_capitalised_project_word_inside_a_sentence_may_open_a_bodys_name() -> None:
    """ "handled by Project Management Centre": a body whose name opens with the project
    word (and ends in a head noun), not a project called "Management Centre"; a project's
    name after the project word stays a project's."""
    found = read_text("Applications are handled by Project Management Centre in Vilnius.", "en")
    assert [o.name for o in found.organisations] == ["Project Management Centre in Vilnius"]
    assert all(p.name is None for p in found.projects)
    named = read_text("The partners started the project Green Futures in May.", "en")
    assert [p.name for p in named.projects] == ["Green Futures"]


def test_an_embassy_in_the_donor_states_languages_is_a_body() -> None:
    assert {
        o.name for o in read_text("Norges Ambassade i Litauen melder det.", "no").organisations
    } == {"Norges Ambassade"}


def test_an_item_of_a_labelled_list_that_its_country_closes_is_a_name_whole() -> None:
    text = "Project partners: Kaunas Youth Centre, Grønn ungdom Trondheim (Norway), Hop (NO)."
    found = {o.name: o.country for o in read_text(text, "en").organisations}
    assert found["Grønn ungdom Trondheim"] == "NO" and "Kaunas Youth Centre" in found
    assert found["Hop"] == "NO"
    # not without the list's label, nor for a long clause before the bracket
    assert "Grønn ungdom Trondheim" not in {
        o.name for o in read_text("We met Grønn ungdom Trondheim (Norway).", "en").organisations
    }
    long = "Partners: Kaunas Youth Centre, which also works with schools in the region (Norway)."
    assert all("schools" not in o.name for o in read_text(long, "en").organisations)


def test_portuguese_heads_of_the_classes_other_languages_have() -> None:
    """School, council, federation, directorate (a hyphenated head too: "Direção-Geral")."""
    text = (
        "Participaram a Escola Secundária de Mafra, a Federação Académica do Porto e a "
        "equipa da Direção-Geral de Política do Mar."
    )
    found = {o.name for o in read_text(text, "pt").organisations}
    assert {
        "Escola Secundária de Mafra",
        "Federação Académica do Porto",
        "Direção-Geral de Política do Mar",
    } <= found


def test_names_that_open_with_their_head_join_capitals_with_their_language_s_articles() -> None:
    """ "para o", "do", "e da" between the capitalised words of a Portuguese name."""
    text = (
        "O projeto junta a Associação para o Desenvolvimento do Ensino Artístico e a "
        "Fundação para a Ciência e a Tecnologia."
    )
    assert _names(text, "pt") >= {
        "Associação para o Desenvolvimento do Ensino Artístico",
        "Fundação para a Ciência e a Tecnologia",
    }


def test_in_a_language_with_no_cases_a_complement_opens_with_a_connector() -> None:
    """ "Министерство на културата" goes on after its head; "Посолството делегация" (the
    embassy, then "a delegation" as the object of the sentence) does not."""
    assert _names("Кметът прие в Посолството делегация от Пловдив.", "bg") <= {"Посолството"}
    assert "Министерство на културата" in _names(
        "Проектът е подкрепен от Министерство на културата.", "bg"
    )


def test_a_school_is_a_body_in_every_language() -> None:
    assert "Rīgas Valsts tehnikuma skola" in _names(
        "Projektā piedalījās Rīgas Valsts tehnikuma skola un partneri.", "lv"
    )
    assert "Kauno technologijos mokykla" in _names(
        "Projekte dalyvavo Kauno technologijos mokykla ir partneriai.", "lt"
    )


def test_a_quoted_name_after_a_name_that_ends_on_its_head_is_the_body() -> None:
    """ "Българско неделно училище „Родна реч“": the school is "Родна реч", not two bodies."""
    assert _names(
        "Проектът се изпълнява с Българско неделно училище „Родна реч“ в Осло.", "bg"
    ) == {"Родна реч"}


def test_a_date_or_a_word_of_grammar_opening_the_sentence_is_no_part_of_a_name() -> None:
    """ "2024-05-02 Pasak Švietimo ministerijos" ("according to the Ministry of Education");
    an English name keeps its first word ("General Directorate of …")."""
    assert _names("2024-05-02 Pasak Švietimo ministerijos, projektas baigtas.", "lt") == {
        "Švietimo ministerijos"
    }
    assert "General Directorate of Taxes" in _names("General Directorate of Taxes met them.", "en")


def test_a_country_beside_a_list_of_municipalities_is_theirs() -> None:
    """ "Hamaras, Gjøvikas un Lillehammeras pašvaldībām Norvēģijā": three Norwegian
    municipalities, and no body called "municipalities in Norway"."""
    facts = read_text(
        "Tikšanās piedalījās pārstāvji no Hamaras, Gjøvikas un Lillehammeras pašvaldībām "
        "Norvēģijā.",
        "lv",
    )
    assert {(o.name, o.country) for o in facts.organisations} == {
        ("Hamaras pašvaldība", "NO"),
        ("Gjøvikas pašvaldība", "NO"),
        ("Lillehammeras pašvaldība", "NO"),
    }


def test_a_month_after_in_ends_a_name() -> None:
    assert _names("The Bergen Youth Centre in May 2021 hosted them.", "en") == {
        "Bergen Youth Centre"
    }


def test_plural_kinds_of_body_are_not_organisations() -> None:
    assert _names("Companies and Care Services of the region took part.", "en") == set()


def test_a_country_word_and_a_municipality_noun_are_no_organisation() -> None:
    assert _names("Delegates visited a Norwegian municipality in May.", "en") == set()
    assert _names("Vizīte notika Norvēģijas pašvaldībās.", "lv") == set()
    assert "Bergen kommune" in _names("Delegater besøkte Bergen kommune.", "no")
    # the municipality the country's word opens is named by the form after it
    assert _names("We work with the Norwegian municipality of Bodø.", "en") == {
        "municipality of Bodø"
    }


def test_a_bulgarian_verb_ends_the_complement_before_it() -> None:
    """A verb (its lemma ends as a Bulgarian verb's first person does: "организирам") is
    no part of the lower-case words that follow a name's head."""
    text = "Министерството на околната среда и водите организира семинар в София."
    assert _names(text, "bg") == {"Министерството на околната среда и водите"}


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("sk", "Spoločne sme pripravili návrh projektu Clean Rivers Network (CRN) a podali ho.",
         "Clean Rivers Network"),
        ("pl", "Gmina jest uczestnikiem projektu Zielona Dolina.", "Zielona Dolina"),
        ("pl", "Wizyta była częścią projektu Rzeka płynie!", "Rzeka płynie!"),
        # a title in sentence case runs to the end of its clause
        ("cs", "Seminář byl v rámci projektu Podpora spolupráce českých a norských samospráv.",
         "Podpora spolupráce českých a norských samospráv"),
    ],
)  # fmt: skip
def test_unquoted_project_names_after_the_project_word(lang: str, text: str, name: str) -> None:
    assert [p.name for p in read_text(text, lang).projects] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The delegation presented the project NROS to the guests.",  # an acronym of a body
        "The project Norway was discussed.",  # a place
        "As Project Partner for the EEA Grants, the authority met Oslo kommune.",  # a phrase
    ],
)
def test_no_project_name_from_a_place_or_an_acronym(text: str) -> None:
    assert all(p.name is None for p in read_text(text, "en").projects)


def test_the_title_line_names_the_page_and_a_leading_code_numbers_it() -> None:
    from partnergraph.graph.extract.facts import parse_facts

    page = (
        "ABC/12 - Summer School on Coastal Heritage\n\nSummer School on Coastal Heritage\n\n"
        "Promoter: Embassy of Norway in Lisbon\n\nTotal Amount: 1 200,00 €\n"
    )
    block = parse_facts(page)
    assert block is not None
    assert (block.project.number, block.project.name) == (
        "ABC/12",
        "Summer School on Coastal Heritage",
    )
    site = "Coastal research - EEA Grants Jump to navigation\n\nProgramme operator:\nX Agency\nStatus:\nCompleted\n"
    block = parse_facts(site)
    assert block is not None and block.project.name == "Coastal research"


def test_an_acronym_used_twice_is_an_organisation() -> None:
    text = (
        "Representatives of NAV met the guests in Drammen. Later NAV (NO) showed its "
        "work. The EU and the EEA fund it; CO2 fell twice, CO2 was measured. "
        "NOTE THAT AND THIS ARE HEADINGS. AND THAT."
    )
    orgs = read_text(text, "en").organisations
    assert {o.name for o in orgs} == {"NAV"}
    assert {o.country for o in orgs} == {None, "NO"}
    # used once where a name stands it is one too
    assert _names("NAV met the guests.", "en") == {"NAV"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a word of a common phrase, between two lower-case words
        ("en", "It makes geothermal DH systems more popular in the cities."),
        # before a project word: the programme's
        ("lv", "NFI projekts tika īstenots Rīgā."),
        # the abbreviation of a phrase that names no body, defined by the text
        ("en", "Its donor programme partner (DPP) helped, and the DPP met them."),
        ("sk", "Pripravili sme návrh projektu Gender Equality Promotion (GEP) a GEP pomohol."),
        # the United States, in Latvian
        ("lv", "Lektori no ASV un Itālijas."),
    ],
)  # fmt: skip
def test_an_upper_case_word_that_names_no_body(lang: str, text: str) -> None:
    assert not {n for n in _names(text, lang) if n.isupper()}


def test_an_acronym_in_a_genitive_and_a_branch_in_a_town() -> None:
    """ "NHOs prosjekt" (Norwegian genitive) names NHO; "AKKS Trondheim" is one name, a
    body's branch in a town of the city list, whose country it takes."""
    assert "NHO" in _names("Gjestene så NHOs prosjekt i Drammen.", "no")
    orgs = read_text("Projekt realizowany w partnerstwie z AKKS Trondheim.", "pl").organisations
    assert {(o.name, o.country) for o in orgs} >= {("AKKS Trondheim", "NO")}


def test_a_person_before_the_organisation_is_not_part_of_its_name() -> None:
    found = _names("Vi møtte Kari Solheim i Vestfold fylkeskommune.", "no")
    assert "Vestfold fylkeskommune" in found
    assert not any("Solheim" in n for n in found)
    # a head noun first is the name itself
    assert "University of Bergen" in _names("They met the University of Bergen.", "en")


def test_a_titled_person_does_not_open_a_name_a_lower_case_head_closes() -> None:
    """After "dr.", "prof.", "Mr" the capitalised words are a person: the lower-case words
    that follow, up to a head noun, are what the person did, not an organisation."""
    found = _names(
        "Rektorius prof. dr. Jonas Petraitis svečiams susitikimo metu pristatė universitetą.",
        "lt",
    )
    assert not any("Petraitis" in n for n in found)
    found = _names("Susitikime kalbėjo dr. Ona Jonaitė apie universiteto patirtį.", "lt")
    assert not any("Jonaitė" in n for n in found)
    # without a title, a capitalised word and lower-case words up to a head are a name
    assert "Kauno agrarinės ekonomikos institutas" in _names(
        "Susitikime dalyvavo Kauno agrarinės ekonomikos institutas.", "lt"
    )


def test_a_short_word_that_opens_a_sentence_does_not_open_a_name() -> None:
    found = _names("Kā Latvijas Rektoru padome uzsvēra, sadarbība turpināsies.", "lv")
    assert any(n.startswith("Latvijas Rektoru padome") for n in found)
    assert not any(n.startswith("Kā") for n in found)
    found = _names("The Norwegian Association of Local and Regional Authorities met them.", "en")
    assert "Norwegian Association of Local and Regional Authorities" in found
    # an acronym is no such word
    assert "KS" in _names("KS Agenda met the Polish partners. KS said so again.", "en")


def test_a_country_after_in_is_where_the_organisation_is() -> None:
    assert _names("Guests from the Education Trade Union in Iceland came.", "en") == {
        "Education Trade Union"
    }
    # a town stays: it names the body ("Silesian Museum in Katowice")
    assert _names("They saw the Silesian Museum in Katowice.", "en") == {
        "Silesian Museum in Katowice"
    }


def test_a_town_after_a_one_word_name_that_is_no_common_noun_is_where_the_body_is() -> None:
    """ "ForUM v Oslu": a town after a brand's or an acronym's letters is where the body
    is (a town that has "Forum" among its other names does not make the name a place);
    after a common noun the town names the body ("Høgskolen i Østfold")."""
    text = "Zástupci Glopolis navštívili norskou organizaci ForUM v Oslu."
    assert "ForUM" in _names(text, "cs")
    assert not any("Oslu" in name for name in _names(text, "cs"))
    assert _names("Delegasjonen besøkte Høgskolen i Østfold.", "no") == {"Høgskolen i Østfold"}


def test_a_coordinated_name_that_a_demonym_and_its_head_open_stands_alone() -> None:
    # (the left name is also known to the registry: the right one is not lost with it)
    text = "Umowę podpisały Związek Miast Polskich i Norweski Związek Władz Lokalnych."
    assert _names(text, "pl") == {"Związek Miast Polskich", "Norweski Związek Władz Lokalnych"}
    # two demonyms sharing one head stay one name
    text = "The Association of Polish and Norwegian Municipalities met."
    assert _names(text, "en") == {"Association of Polish and Norwegian Municipalities"}


def test_a_person_after_the_name_and_a_sub_unit_before_it_are_not_part_of_it() -> None:
    """ "… Association Anna Nowak": a person of the body; "International Department of the
    University of Bergen": a sub-unit of the body, which is the organisation."""
    text = "Director of the Gdansk Youth Association Anna Nowak opened the seminar."
    assert _names(text, "en") == {"Gdansk Youth Association"}
    text = "Rådgiver i Bergen kommune Kari Hesselberg deltok."
    assert _names(text, "no") == {"Bergen kommune"}
    text = "The Head of the International Department of the University of Bergen visited Gdansk."
    assert _names(text, "en") == {"University of Bergen"}
    # a sub-unit with a name of its own first, its body after it
    text = "The Faculty of Law of the University of Bergen hosted the seminar."
    assert _names(text, "en") == {"University of Bergen"}
    text = "Students from the Department of Sociology at Vilnius University visited Oslo."
    assert _names(text, "en") == {"Vilnius University"}
    # an office with no name of its own before it is the body itself
    text = "The Office of the Prime Minister of Norway sent a letter."
    assert _names(text, "en") == {"Office of the Prime Minister of Norway"}
    # words that are no person's name stay in the name
    assert _names("The Gdansk Youth Association Sports Club met.", "en") == {
        "Gdansk Youth Association Sports Club"
    }


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # the body in the genitive, its faculty or department after it
        ("lv", "Latvijas Universitātes Ekonomikas fakultāte rīkoja semināru.",
         "Latvijas Universitāte"),
        ("lt", "Vilniaus universiteto Teisės fakultetas surengė seminarą.",
         "Vilniaus universitetas"),
        # its council or board right after its name
        ("lt", "Viktorija Vaitkevičienė, Jūros tyrimų instituto tarybos pirmininkė, pristatė "
         "centrą.", "Jūros tyrimų institutas"),
        ("lv", "Latvijas Pašvaldību savienības valde tikās Rīgā.", "Latvijas Pašvaldību savienība"),
        # a council with a name of its own, or named after a country, is a body
        ("lt", "Vizite dalyvavo Hardangerio penkių savivaldybių regiono plėtros taryba.",
         "Hardangerio penkių savivaldybių regiono plėtros taryba"),
        ("lt", "Lietuvos mokslo taryba finansavo projektą.", "Lietuvos mokslo taryba"),
    ],
)  # fmt: skip
def test_a_sub_unit_after_its_bodys_name_in_the_genitive_is_the_body(
    lang: str, text: str, name: str
) -> None:
    """Latvian and Lithuanian name a body's faculty, department, council or board after
    the body's name in the genitive: the organisation is the body, in its base form."""
    assert [o.name for o in _organisations(text, lang)] == [name]
    # after a head noun alone, an article before it or not, a person's name is whom the
    # body is named after
    assert _names("A Fundação Joana Vasconcelos acolheu a reunião.", "pt") == {
        "Fundação Joana Vasconcelos"
    }
    assert _names("Na Fundação Joana Vasconcelos decorreu a reunião.", "pt") == {
        "Fundação Joana Vasconcelos"
    }


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("pl", "Wydział Prawa Uniwersytetu Warszawskiego zorganizował konferencję.",
         "Uniwersytet Warszawski"),
        ("pt", "O Departamento de Sociologia da Universidade de Coimbra organizou o seminário.",
         "Universidade de Coimbra"),
    ],
)  # fmt: skip
def test_a_sub_unit_before_its_bodys_name_is_the_body(lang: str, text: str, name: str) -> None:
    """Where names open with their head, a faculty or department comes first and its body
    after it: the organisation is the body."""
    assert [o.name for o in _organisations(text, lang)] == [name]


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("bg", "Българските представители проведоха среща с председателя на Управителния "
         "съвет.", set()),
        ("bg", "Управителният съвет на Националното сдружение на общините одобри плана.",
         {"Националното сдружение на общините"}),
        ("en", "The Management Board approved the plan.", set()),
        ("pl", "Rada Nadzorcza zatwierdziła plan.", set()),
    ],
)  # fmt: skip
def test_a_bodys_organ_alone_is_no_organisation(lang: str, text: str, names: set[str]) -> None:
    """ "the Management Board", "Управителният съвет": a body's organ, whose body the
    sentence names, or not; never an organisation of its own."""
    assert _names(text, lang) == names


def test_a_genitive_that_is_a_head_word_of_another_language_gets_its_base_form() -> None:
    """Lithuanian "instituto" (the institute's) is written as Portuguese "instituto" is:
    an English name's head is left as written in another language's text, this one not."""
    from partnergraph.graph.extract.forms import base_form

    assert base_form("Jūros tyrimų instituto", "lt") == "Jūros tyrimų institutas"
    assert base_form("Centre for Equality", "lt") == "Centre for Equality"


@pytest.mark.parametrize(
    ("lang", "text", "name", "body"),
    [
        # one capitalised word after a body's name and a comma, before a comma or an "and"
        ("no", "Deltakarane var tilsette i Sogndal kommune, Fagforum og ungdom frå "
         "ungdomsrådet.", "Fagforum", True),
        ("en", "Guests came from the University of Bergen, Fagforum, and the Bergen Youth "
         "Centre.", "Fagforum", True),
        ("en", "Guests came from the University of Bergen, Stavanger, and the Bergen Youth "
         "Centre.", "Stavanger", False),
        ("en", "Guests came from the University of Bergen, Today and the Bergen Youth Centre.",
         "Today", False),
        # an item of a few words opening with a capital between two bodies' names
        ("no", "Med var Sogndal kommune, Sogn næring, Høgskulen på Vestlandet og andre.",
         "Sogn næring", True),
        ("no", "Med var Sogndal kommune, Bergen, Høgskulen på Vestlandet og andre.", "Bergen",
         False),
        ("no", "Med var Sogndal kommune, Kari Nordmann, Høgskulen på Vestlandet og andre.",
         "Kari Nordmann", False),
        # where names write every word with a capital, common words alone are none
        ("en", "Guests came from the University of Bergen, Social Services, the Bergen Youth "
         "Centre.", "Social Services", False),
    ],
)  # fmt: skip
def test_an_item_of_a_list_beside_a_bodys_name_is_a_body(
    lang: str, text: str, name: str, body: bool
) -> None:
    """A list's item after a body's name (one word that stands alone) or between two
    (a few words opening with a capital) is a body; a place, a person or a common word
    is none."""
    assert (name in _names(text, lang)) is body


def test_a_word_an_and_joins_to_a_bodys_name_is_a_name_of_its_own() -> None:
    """One capitalised word that is no common word, place or fund, joined by "and" to a
    body's name, is a body of its own; a common word, a place or a fund is none."""
    assert _names("Projekt realizuje Ekopolis a Centrum pro vodu a krajinu.", "cs") == {
        "Ekopolis",
        "Centrum pro vodu a krajinu",
    }
    assert _names("The project is run by Fagforum and the Bergen Youth Centre.", "en") == {
        "Bergen Youth Centre",
        "Fagforum",
    }
    assert _names("On Tuesday and the University of Bergen hosted.", "en") == {
        "University of Bergen"
    }
    assert _names("Norway and the University of Bergen signed it.", "en") == {
        "University of Bergen"
    }
    text = "Funded by: the Lithuanian College of Democracy and Norwaygrants financial mechanisms"
    assert _names(text, "en") == {"Lithuanian College of Democracy"}


def test_a_titled_person_after_a_name_or_before_it_is_no_part_of_it() -> None:
    """ "… University and Prof. A. B. Nowak of the … University": a title after "and" ends
    the name before it; a surname after initials, then "of", opens none."""
    text = (
        "Dr. J. Smith of the Riga Technical University and Prof. A. B. Nowak of the Adam "
        "Mickiewicz University met in Riga."
    )
    assert _names(text, "en") == {"Riga Technical University", "Adam Mickiewicz University"}


@pytest.mark.parametrize(
    "text",
    [
        # a given name that is a town's too ("Torill"), a surname that is a common word
        # ("Novák"), after a title: the person's body is the name, with its complement
        "Zúčastnila se paní Torill Johansen z Ministerstva zahraničních věcí Norska.",
        "Zúčastnil se pan Jan Novák z Ministerstva zahraničních věcí Norska.",
    ],
)
def test_a_person_from_a_body_before_it_is_no_part_of_its_name(text: str) -> None:
    assert _names(text, "cs") == {"Ministerstva zahraničních věcí Norska"}


def test_words_after_a_given_name_and_an_and_stay_a_name() -> None:
    text = "They visited the Guido Coal Mine and Coal Mining Museum in Zabrze."
    assert _names(text, "en") == {"Guido Coal Mine and Coal Mining Museum in Zabrze"}


def test_two_names_that_for_the_joins_are_two() -> None:
    text = (
        "A stay in Bergen was organised by the University of Bergen for the Gdansk Youth "
        "Association."
    )
    assert _names(text, "en") == {"University of Bergen", "Gdansk Youth Association"}
    # a name that goes on after "for" with no body of its own is one
    for text in (
        "The Centre for the Study of Democracy took part.",
        "The Ministry for the Environment took part.",
        "The Association for the Gdansk Youth Centre took part.",
    ):
        assert _names(text, "en") == {text.split(" took")[0].removeprefix("The ")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Representatives of Equinor and Telenor took part.", {"Equinor", "Telenor"}),
        ("en", "The seminar was attended by Statkraft and Hafslund.", {"Statkraft", "Hafslund"}),
        ("en", "A delegation from Statkraft came.", {"Statkraft"}),
        ("no", "Representanter fra NAV og Fretex deltok.", {"NAV", "Fretex"}),
        ("pl", "Przedstawiciele z Comarch i Energa przyjechali.", {"Comarch", "Energa"}),
        # a country, a common word, a person: no body
        ("en", "Representatives from Norway came.", set()),
        ("en", "Representatives of the EU took part.", set()),
        ("en", "Representatives of Anna Hansen took part.", set()),
        # common words only: a kind of body, not one
        ("en", "Representatives from Social Services and Custody Courts came.", set()),
    ],
)  # fmt: skip
def test_names_after_a_participants_cue_need_no_head_word(
    lang: str, text: str, expected: set[str]
) -> None:
    """Whom representatives came from, who attended: the capitalised words after a
    participant's cue (and its "of", "from", "by") name bodies, acronyms too."""
    assert _names(text, lang) == expected


def test_a_name_its_country_follows_in_brackets_is_a_body_of_that_country() -> None:
    """ "X (NO)", "X (Lithuania)": a body of that country though no head word says so; a
    place, a person or a common word before the brackets is none."""
    text = "Ecotech Solutions (NO) and Greenfield Partners (Lithuania) took part."
    assert {o.name: o.country for o in read_text(text, "en").organisations} == {
        "Ecotech Solutions": "NO",
        "Greenfield Partners": "LT",
    }
    for text in (
        "The visit to Oslo (Norway) was a success.",
        "Anna Hansen (Norway) spoke.",
        "Visitors from Poland (PL) came.",
        "Hydro (NO) came.",
    ):
        assert _names(text, "en") == set(), text


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    from partnergraph.graph.extract.prose import sentences

    text = "Prof. Nowak met Dr. Berg and J. Smith. Then they left."
    assert [s.text for s in sentences(text)] == [
        "Prof. Nowak met Dr. Berg and J. Smith.",
        "Then they left.",
    ]


def test_an_ordinal_does_not_end_a_sentence() -> None:
    """ "4." after a word in small letters is "4th" in most of the grants' languages; a
    year, or a number after a capitalised word, may still end one."""
    from partnergraph.graph.extract.prose import read_text, sentences

    text = "Dne 25. listopadu 2021 se v Praze uskutečnilo 4. Výroční zasedání. Bylo dobré."
    assert [s.text for s in sentences(text)] == [
        "Dne 25. listopadu 2021 se v Praze uskutečnilo 4. Výroční zasedání.",
        "Bylo dobré.",
    ]
    assert len(sentences("The project ended in 2021. The next one began.")) == 2
    # the meeting has its date, which the sentence cut off had not reached
    (event,) = read_text(text, "cs").events
    assert (event.type, str(event.start)) == ("meeting", "2021-11-25")


@pytest.mark.parametrize(
    ("lang", "text", "expected", "not_names"),
    [
        # names without a head word, in apposition to a class noun (by its lemma)
        ("en", "The project is run with its partners Brightwater and Nordlys Kompetanse.",
         {"Brightwater", "Nordlys Kompetanse"}, set()),
        ("en", "They signed a contract with the company Fjellkraft Solutions AS.",
         {"Fjellkraft Solutions AS"}, set()),
        ("sk", "Stretli sme sa s organizáciami Rovnaké Šance a Zelený Most.",
         {"Rovnaké Šance", "Zelený Most"}, set()),
        ("pl", "Partnerem projektu jest firma Ekodrewno.", {"Ekodrewno"}, set()),
        # connectors that join no list stay inside a name
        ("en", "Partners: Centre for Rural Voices, Mountain Spring.",
         {"Centre for Rural Voices", "Mountain Spring"}, set()),
        # after the colon that closes the class noun's clause, and on the next line when
        # the clause ends its sentence; an item nothing reads does not end the list
        ("en", "The organisations that were selected are: Brightwater, Kmop and Nordlys.",
         {"Brightwater", "Kmop", "Nordlys"}, set()),
        ("en", "The five partners of the project are:\n\nBrightwater, Generation 2.0 for "
         "Rights, Kmop and Nordlys Kompetanse.",
         {"Brightwater", "Kmop", "Nordlys Kompetanse"}, set()),
        ("pl", "Partnerami projektu są:\n• Ekodrewno\n• Brightwater", {"Ekodrewno", "Brightwater"},
         set()),
        # common words after an unread item's comma may still be of it
        ("en", "The partners are: Generation 2.0 for Rights, Equality & Diversity and Kmop.",
         {"Kmop"}, {"Equality & Diversity"}),
        ("en", "The partners met on Monday: Brightwater hosted them.", set(), {"Brightwater"}),
        # a place, a country or a common word after the noun is no name
        ("en", "The partners Norway and Iceland met the organisations Tromsø.", set(),
         {"Norway", "Iceland", "Tromsø"}),
        ("en", "Our partners Today met.", set(), {"Today"}),
    ],
)  # fmt: skip
def test_names_in_apposition_to_a_class_noun(
    lang: str, text: str, expected: set[str], not_names: set[str]
) -> None:
    found = _names(text, lang)
    assert expected <= found
    assert not (not_names & found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a one-word compound that ends in a head noun is a name on its own, in any text
        ("no", "Delegasjonen besøkte Vegvesensenteret og Miljødirektoratet.",
         {"Vegvesensenteret", "Miljødirektoratet"}),
        ("pl", "Goście odwiedzili Orkustofnun w Reykjavíku.", {"Orkustofnun"}),
        ("en", "They met the Landesverwaltung and left.", {"Landesverwaltung"}),
        # inside a longer name it is the head
        ("en", "Hosts were Nordland Kraftverk AS and Vestfold Elektrisitetsverk Holding.",
         {"Nordland Kraftverk AS", "Vestfold Elektrisitetsverk Holding"}),
        # Estonian writes compounds too, its cases as endings (by the stem before them)
        ("et", "Projekti partner on Norra Keskkonnaamet.", {"Norra Keskkonnaamet"}),
        ("et", "Delegatsioon külastas Tallinna Linnavalitsust.", {"Tallinna Linnavalitsust"}),
        ("et", "Projekti viib ellu Keskkonnaministeerium.", {"Keskkonnaministeerium"}),
        ("et", "Koostöös Norra Kliima- ja keskkonnaministeeriumiga.",
         {"Norra Kliima- ja keskkonnaministeeriumiga"}),
    ],
)  # fmt: skip
def test_a_compound_that_ends_in_a_head_noun_is_a_name(
    lang: str, text: str, expected: set[str]
) -> None:
    assert expected <= _names(text, lang)


def test_plural_and_bare_compound_heads_are_no_names() -> None:
    from partnergraph.graph.extract.lemmas import compound_head_type

    # a plural is a kind of body; a head noun with nothing before it names none
    assert _names("Bibliotekene og Kommunene deltok.", "no") == set()
    assert _names("Direktoratet deltok.", "no") == set()
    assert compound_head_type("Communion") is None and compound_head_type("NORCE") is None
    # plurals whose head's vowel changes: German and Icelandic
    assert compound_head_type("Bezirksämter") is None and compound_head_type("Listasöfn") is None
    # a definite or inflected form whose head's ending changes is still found
    assert compound_head_type("Velferdssentret") == "other"
    assert compound_head_type("Melaskólann") == "university"
    # Estonian plurals ("ülikoolid", universities; "Keskkonnaametid") are kinds too
    assert _names("Ülikoolid ja Keskkonnaametid osalesid.", "et") == set()


def test_an_acronym_after_a_conjunction_ends_the_name_before_it() -> None:
    found = _names("Programmet omfattet Senter for Flerkulturell Læring og NHOs prosjekt.", "no")
    assert "Senter for Flerkulturell Læring" in found


def test_the_demonym_and_a_lower_case_head_name_one_body_in_english() -> None:
    found = read_text("The talks were hosted by the Norwegian embassy in Riga.", "en")
    assert [(o.name, o.country) for o in found.organisations] == [("Norwegian embassy", "NO")]
    # with "a", or in the plural, or a municipality noun: a kind of body
    assert _names("A Norwegian university and the Polish universities took part.", "en") == set()
    assert _names("They met the Norwegian municipality.", "en") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("lv", "Sanāksmē piedalījās biedrības „Zemgales Jauniešu forums” pārstāvji.",
         "Zemgales Jauniešu forums"),
        ("lt", "Vizitą organizavo UAB „Baltijos Vėjas“ vadovai.", "Baltijos Vėjas"),
        ("pl", "Umowę podpisała fundacja „Zielony Most” z Gdańska.", "Zielony Most"),
        # after a class noun ("organisation", "company"), whatever its case
        ("lv", "Apmeklējām vides organizāciju “Zaļā Upe” Liepājā.", "Zaļā Upe"),
        ("cs", "Setkali jsme se s organizací „Zelená Řeka“ v Brně.", "Zelená Řeka"),
    ],
)  # fmt: skip
def test_a_quoted_name_after_a_head_noun_or_legal_form(lang: str, text: str, expected: str) -> None:
    found = _names(text, lang)
    assert expected in found
    assert not {"UAB", "SIA"} & found  # a legal form alone is no name


def test_a_quoted_title_without_a_head_noun_is_no_organisation() -> None:
    assert _names("Pokazano film „Wielka Woda” w kinie.", "pl") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Green Growth Fund for Estonia supported the visit of Tartu City Government."),
        ("pl", "W ramach Programu Współpracy Regionalnej gościło Stowarzyszenie Gmin Pomorskich."),
        ("en", "The EEA Grants and the Norway Grants fund the Bergen Youth Association."),
        # the fund nouns of every language ("fondas", "fonds")
        ("lt", "Aktyvių piliečių fondas finansavo Kauno technologijos mokyklos projektą."),
        ("lv", "Aktīvo iedzīvotāju fonds atbalstīja Rīgas Valsts tehnikuma skolu."),
    ],
)
def test_funds_and_programmes_are_no_organisations(lang: str, text: str) -> None:
    found = _names(text, lang)
    assert len(found) == 1  # the body, not the fund or programme
    assert not any(w in n for n in found for w in ("Fund", "Program", "Grants", "fond"))


def test_a_name_a_lower_case_head_closes_in_english() -> None:
    assert _names("In Voss agricultural college the guests met teachers.", "en") == {
        "Voss agricultural college"
    }
    # a country, a common word, a plural or a municipality noun closes no name
    assert _names("Norway school system and Monday morning training.", "en") == set()
    assert _names("They visited Voss agricultural colleges.", "en") == set()
    # a town's council is its municipality
    council = read_text("The guests were received by Hokksund town council.", "en")
    assert [(o.name, o.type) for o in council.organisations] == [
        ("Hokksund town council", "municipality")
    ]


def test_greek_capitals_open_names() -> None:
    found = _names("Στην εκδήλωση συμμετείχε το Ίδρυμα Μποδοσάκη από την Αθήνα.", "el")
    assert "Ίδρυμα Μποδοσάκη" in found


def test_small_letters_of_latin_extended_a_open_no_name() -> None:
    """ "š", "ž", "ū" are small letters: "Ředitel školy" (a job title and a school's
    genitive) is no name, nor does a sentence end before a small "ž"."""
    from partnergraph.graph.extract.prose.sentences import CAP, sentences

    assert not any(CAP.match(w) for w in ("školy", "životního", "ūkio", "ļoti", "ēka", "ąžuolas"))
    assert all(CAP.match(w) for w in ("Školy", "Životního", "Ūkio", "Ļoti", "Łódź", "Ёлка"))
    assert "Ředitel školy" not in _names("Ředitel školy navštívil Oslo.", "cs")
    assert len(sentences("Bylo to v 5. žádosti o grant.")) == 1


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("sk", "Projekt podporilo Ministerstvo zahraničných vecí Slovenskej republiky.",
         "Ministerstvo zahraničných vecí Slovenskej republiky"),
        ("cs", "Seminář připravila Nadace rozvoje občanské společnosti.",
         "Nadace rozvoje občanské společnosti"),
        ("sl", "Delegacijo je sprejelo Ministrstvo za kulturo in jo pogostilo.",
         "Ministrstvo za kulturo"),
        ("bg", "Проекта финансира Министерство на регионалното развитие и благоустройството.",
         "Министерство на регионалното развитие и благоустройството"),
        ("bg", "Гостите посетиха Национален съвет за научни изследвания в София.",
         "Национален съвет за научни изследвания"),
        # a verb form ends the complement; so do a place preposition and a dash
        ("cs", "Projekt schválilo Ministerstvo financí a minulý týden začal.",
         "Ministerstvo financí"),
        ("pl", "Wizytę zorganizowała Fundacja rozwoju przedsiębiorczości z Lublina.",
         "Fundacja rozwoju przedsiębiorczości"),
        ("cs", "Partnerem byla Asociace krajů – organizace sdružující kraje.", "Asociace krajů"),
    ],
)  # fmt: skip
def test_a_lower_case_complement_after_a_leading_head(lang: str, text: str, expected: str) -> None:
    """Names that open with their head noun and go on in lower case, in the languages that
    write them so, end where a verb, a function word, a place or punctuation begins."""
    found = _names(text, lang)
    assert expected in found
    assert not any(n != expected and n.startswith(expected) for n in found)


def test_no_complement_from_an_adverb_or_a_clause_after_and() -> None:
    assert _names("Univerzita dnes oznámila nový program.", "cs") == set()
    found = _names("Управителният съвет и кметът на Русе подписаха договора.", "bg")
    assert not any("кмет" in n for n in found)


def test_a_conjunction_inside_a_name_a_lower_case_head_closes() -> None:
    """ "… švietimo ir mokslo ministerija" is one ministry; "… reģiona un biedrības" is
    two bodies (the head right after "and" is the second one's)."""
    assert "Lietuvos švietimo ir mokslo ministerija" in _names(
        "Delegaciją priėmė Lietuvos švietimo ir mokslo ministerija.", "lt"
    )
    found = _names("Sanāksmē piedalījās Vidzemes plānošanas reģiona un biedrības pārstāvji.", "lv")
    assert not any(" un " in n for n in found)


def test_a_fund_named_in_slovak_is_no_organisation() -> None:
    assert _names("Fond pre mimovládne organizácie podporil projekt.", "sk") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the document's own "and" joins two names (Slovenian "in", Portuguese "e")
        ("sl", "Gostje so obiskali Univerzo v Mariboru in Zavod za zdravstveno varstvo Maribor.",
         {"Univerzo v Mariboru", "Zavod za zdravstveno varstvo Maribor"}),
        # ... or joins two adjectives of one name ("Regionais" is no head of its own)
        ("pt", "A visita foi organizada pela Associação Norueguesa de Autoridades Locais e "
         "Regionais.", {"Associação Norueguesa de Autoridades Locais e Regionais"}),
        # a head noun inside a complement ("of towns and municipalities")
        ("cs", "Cestu zorganizoval Svaz měst a obcí České republiky.",
         {"Svaz měst a obcí České republiky"}),
        # "ve", the Czech "v" before some consonants, joins a name to its town
        ("cs", "Delegace navštívila Univerzitu ve Stavangeru.", {"Univerzitu ve Stavangeru"}),
        # a town opening a sentence opens the name it is part of
        ("lt", "Kauno miesto savivaldybėje vyko susitikimas.", {"Kauno miesto savivaldybėje"}),
    ],
)  # fmt: skip
def test_names_joined_in_the_documents_language(lang: str, text: str, expected: set[str]) -> None:
    assert expected <= _names(text, lang)


def test_a_verb_between_capitals_and_a_lower_case_head_is_no_part_of_a_name() -> None:
    found = _names("Partnerem projektu jest fundacja Instytut Rozwoju Regionalnego.", "pl")
    assert not any("jest" in n for n in found)
    assert "Instytut Rozwoju Regionalnego" in {n.removeprefix("fundacja ") for n in found}


def test_a_common_word_before_and_opens_the_name() -> None:
    """ "Fire and Rescue Department" is one name; a title before "of" is none of it."""
    assert "Fire and Rescue Department of Vilnius" in _names(
        "The delegation visited the Fire and Rescue Department of Vilnius.", "en"
    )
    assert "Gdansk Youth Association" in _names(
        "Representatives of the Gdansk Youth Association came.", "en"
    )
    # an office before "and" is a person's ("Mayor"), by a closed class of job titles
    assert _names("The Mayor and Deputy Mayor of Rydułtowy Municipality came.", "en") == {
        "Rydułtowy Municipality"
    }


def test_a_dash_ends_a_name() -> None:
    """A dateline's dash is no part of the name after it, nor of the one before it."""
    found = _names(
        "Bratislava, 4 June 2021 – The Slovak National Museum signed an agreement.", "en"
    )
    assert "Slovak National Museum" in found
    assert not any("June" in n for n in found)
    # nor does a lower-case head noun before a dash open the name after it
    assert not any("–" in n for n in _names("Zlínský kraj – Možnosti spolupráce.", "cs"))


_LONG_TITLE = (
    "Опазване и представяне на културното наследство на общината чрез обновяване на "
    "старата сграда на читалището и създаване на нови дигитални продукти за посетителите "
    "от страната и от чужбина в областта на местните занаяти"
)


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("pt", "O projeto „Escolas Verdes” é financiado pelos EEA Grants.", "Escolas Verdes"),
        ("es", "El proyecto «Aulas Abiertas» reunió a socios de Noruega.", "Aulas Abiertas"),
        ("el", "Το έργο «Ανοιχτά Σχολεία» χρηματοδοτείται.", "Ανοιχτά Σχολεία"),
        # a title of the long kind many programmes' projects have (over 200 letters)
        ("bg", "Проектът „" + _LONG_TITLE + "” е по мярка 3 на програмата.", _LONG_TITLE),
    ],
)  # fmt: skip
def test_a_quoted_project_name_of_any_length_in_any_quotes(lang: str, text: str, name: str) -> None:
    assert [p.name for p in read_text(text, lang).projects] == [name]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("lv", "Seminārā piedalījās Valmieras novada pašvaldības pārstāvji.",
         "Valmieras novada pašvaldības"),
        ("lt", "Delegacija lankėsi Utenos rajono savivaldybėje.", "Utenos rajono savivaldybėje"),
        ("cs", "Delegace Statutárního města Ostrava navštívila Oslo.",
         "Statutárního města Ostrava"),
        ("sl", "Mestna občina Celje je gostila delegacijo.", "Mestna občina Celje"),
    ],
)  # fmt: skip
def test_a_municipality_named_in_any_case(lang: str, text: str, name: str) -> None:
    """The municipality forms in their cases name the municipality whole."""
    found = {o.name: o.type for o in read_text(text, lang).organisations}
    assert found.get(name) == "municipality"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the plural municipality word before the list, in Czech and Bulgarian
        ("cs", "Za norskou stranu to byla města Bodo, Gjesdal, Kristiansund a Molde.",
         {"Bodo": "NO", "Gjesdal": "NO", "Kristiansund": "NO", "Molde": "NO"}),
        ("bg", "В срещата участваха общините Смолян, Пловдив и Бургас.",
         {"Община Смолян": "BG", "Община Пловдив": "BG", "Община Бургас": "BG"}),
        # a town whose name opens with a demonym is a town, not a kind of body
        ("cs", "Samosprávy reprezentovala města Chomutov, Česká Lípa a Česká Třebová.",
         {"Chomutov": "CZ", "Česká Lípa": "CZ", "Česká Třebová": "CZ"}),
    ],
)  # fmt: skip
def test_a_list_of_municipalities_after_their_plural_noun(
    lang: str, text: str, expected: dict[str, str]
) -> None:
    """Each place of the list is a municipality; one the gazetteers do not place (Gjesdal)
    takes the country all the others agree on."""
    found = {o.name: o.country for o in read_text(text, lang).organisations}
    assert found == expected


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # head nouns of every language the grants reach, by their lemma
        ("bg", "Те посетиха Българската академия на науките.", "Българската академия на науките"),
        ("cs", "Spolupracuje s Norským ředitelstvím pro životní prostředí.",
         "Norským ředitelstvím pro životní prostředí"),
        ("pl", "Gości przyjął Miejski Ośrodek Pomocy Społecznej.", "Miejski Ośrodek Pomocy Społecznej"),
        ("no", "Gjestene besøkte Norsk institutt for vannforskning.",
         "Norsk institutt for vannforskning"),
        # "på" joins a name's words as "i" does
        ("no", "Gjestene besøkte Høgskulen på Vestlandet.", "Høgskulen på Vestlandet"),
    ],
)  # fmt: skip
def test_head_nouns_of_every_language(lang: str, text: str, name: str) -> None:
    assert name in _names(text, lang)


def test_a_lower_case_head_before_a_number_opens_no_name() -> None:
    assert not _names("Fundurinn var með sveitarfélögum 24 í maí.", "is")


def test_an_and_right_after_capitalised_adjectives_joins_one_name() -> None:
    """ "Norvēģijas Vietējo un reģionālo pašvaldību asociāciju": the capitalised words are
    no name by themselves, so the "and" after them joins the lower-case words of the same
    name; after a single capitalised word of a coordination it does not ("Europy
    Środkowej i Południowej oraz krajom bałtyckim" is no body); "din" joins a name's words
    ("Universitatea din Oslo")."""
    assert "Norvēģijas Vietējo un reģionālo pašvaldību asociāciju" in _names(
        "Sadarbībā ar Norvēģijas Vietējo un reģionālo pašvaldību asociāciju.", "lv"
    )
    assert not _names("Pomoc dla Europy Środkowej i Południowej oraz krajom bałtyckim.", "pl")
    assert "Universitatea din Oslo" in _names("Partener este Universitatea din Oslo.", "ro")


def test_a_long_lower_case_name_and_a_legal_form_alone() -> None:
    """A head noun may close a name seven lower-case words on ("Norvegijos vietos ir
    regioninių valdžios institucijų asociacija"); a legal form alone after a list's cue is
    no body ("Partneriai: VšĮ „Kūrybinės jungtys“")."""
    found = _names(
        "Atstovai susitiko su Norvegijos vietos ir regioninių valdžios institucijų asociacija.",
        "lt",
    )
    assert "Norvegijos vietos ir regioninių valdžios institucijų asociacija" in found
    listed = _names("Partneriai: VšĮ „Kūrybinės jungtys“ ir Kauno kolegija.", "lt")
    assert "Kūrybinės jungtys" in listed and "VšĮ" not in listed


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an inflected word opening the sentence may be the name's own first word
        ("lt", "Socialinės apsaugos ir darbo ministerija pasirašė sutartį.",
         {"Socialinės apsaugos ir darbo ministerija"}),
        # a role, or a word that does not inflect, opens no name
        ("pl", "Przedstawiciele fundacji odwiedzili Oslo.", set()),
        ("pl", "Wczoraj gmina podpisała umowę.", set()),
        ("lv", "Vakar pašvaldība informēja.", set()),
    ],
)  # fmt: skip
def test_a_sentences_first_word_and_a_lower_case_head(
    lang: str, text: str, expected: set[str]
) -> None:
    assert _names(text, lang) == expected


def test_a_head_initial_complement_ends_before_a_second_bodys_name() -> None:
    """ "… на околната среда и водите и на Софийския университет": after "and" (and a
    connector), a capitalised word followed by a head noun opens a second body; a capital
    in the complement itself stays ("Svaz měst a obcí České republiky")."""
    assert _names(
        "Участваха представители на Министерството на околната среда и водите и на "
        "Софийския университет.",
        "bg",
    ) == {"Министерството на околната среда и водите", "Софийския университет"}
    assert _names("Setkání pořádal Svaz měst a obcí České republiky.", "cs") == {
        "Svaz měst a obcí České republiky"
    }


def test_a_legal_form_ends_a_name() -> None:
    """ "Norsk Gjenvinning AS på Ski": the legal form closes the name, the place after it is
    no part of it; Norway's inter-municipal company form closes one too ("Follo Ren IKS")."""
    found = _names("Delegasjonen besøkte Follo Ren IKS og Norsk Gjenvinning AS på Ski.", "no")
    assert {"Follo Ren IKS", "Norsk Gjenvinning AS"} <= found
    assert not any("Ski" in name.split() for name in found)


def test_a_quoted_name_after_a_head_that_opens_the_sentence_or_an_institution_noun() -> None:
    """ "Asociacija „Lietuvos neįgaliųjų forumas“ …": the head noun opening the sentence
    is capitalised; "Viešoji įstaiga „Versli Lietuva“": the spelled-out legal form of a VšĮ
    names the body it quotes — while "valsts iestāžu" (state institutions) names none."""
    assert "Lietuvos neįgaliųjų forumas" in _names(
        "Asociacija „Lietuvos neįgaliųjų forumas“ bendradarbiauja su partneriais.", "lt"
    )
    assert "Versli Lietuva" in _names(
        "Viešoji įstaiga „Versli Lietuva“ organizavo seminarą Klaipėdoje.", "lt"
    )
    assert not _names("Seminārā piedalījās Latvijas valsts iestāžu darbinieki.", "lv")


def test_a_body_whose_name_holds_a_territory_is_no_territory() -> None:
    """After a verb of visiting (read as a place's preposition), a name headed by a
    territory's noun is where people went; one opened by another body's head is a body
    ("Urząd Marszałkowski Województwa Podkarpackiego")."""
    visited = "Delegacja odwiedziła Urząd Marszałkowski Województwa Podkarpackiego."
    assert _names(visited, "pl") == {"Urząd Marszałkowski Województwa Podkarpackiego"}
    assert _names("Seminář se konal v Jihomoravském kraji.", "cs") == set()


def test_a_countrys_adjective_opening_the_sentence_is_the_names_first_word() -> None:
    """ "Norsk institutt for vannforskning …" opens a sentence: "Norsk" is the name's own
    first word, not a common word that happens to be capitalised there."""
    assert _names("Norsk institutt for vannforskning er partner.", "no") == {
        "Norsk institutt for vannforskning"
    }
    assert _names("Norske kommuner deltok i prosjektet.", "no") == set()


def test_an_acronym_after_and_is_a_name_of_its_own() -> None:
    """ "… of the Slovak Republic and NVE": an acronym alone after "and" is a second name."""
    text = "It was attended by the Ministry of Environment of the Slovak Republic and NVE."
    assert "Ministry of Environment of the Slovak Republic" in _names(text, "en")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The Ministries of Foreign Affairs of Portugal and Norway were represented.",
         {"Ministry of Foreign Affairs of Portugal": "PT",
          "Ministry of Foreign Affairs of Norway": "NO"}),
        ("en", "Staff of the Embassies of Norway, Iceland and Liechtenstein visited Kraków.",
         {"Embassy of Norway": "NO", "Embassy of Iceland": "IS",
          "Embassy of Liechtenstein": "LI"}),
        ("pt", "Os Ministérios dos Negócios Estrangeiros de Portugal e da Noruega também "
               "se fizeram representar.",
         {"Ministério dos Negócios Estrangeiros de Portugal": "PT",
          "Ministério dos Negócios Estrangeiros da Noruega": "NO"}),
        ("pl", "W spotkaniu udział wzięli przedstawiciele Ministerstw Spraw Zagranicznych "
               "Polski i Norwegii.",
         {"Ministerstwo Spraw Zagranicznych Polski": "PL",
          "Ministerstwo Spraw Zagranicznych Norwegii": "NO"}),
        ("en", "The Universities of Bergen and Oslo signed an agreement.",
         {"University of Bergen": "NO", "University of Oslo": "NO"}),
    ],
)  # fmt: skip
def test_a_plural_head_that_places_share_is_one_body_for_each(
    lang: str, text: str, expected: dict[str, str]
) -> None:
    """One head in a plural or case form before a coordination of places names one body
    of each place: the head in its base form, the words between, the place with its own
    preposition ("da Noruega") or the first one's, and the place's country."""
    found = read_text(text, lang)
    assert {o.name: o.country for o in found.organisations} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Norwegian universities and Polish municipalities took part.",  # kinds of body
        "The Municipalities of Norway and Poland were compared.",  # no municipality is a country
        "The Universities of Applied Sciences met in Bergen and Oslo.",  # no places after it
    ],
)
def test_a_plural_head_without_places_after_it_is_no_body(text: str) -> None:
    names = _names(text, "en")
    assert not any(n.startswith(("University", "Municipality")) for n in names), names


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("pt", "Em Góis, foi possível conhecer o projeto pré-definido “Gestão da Bacia do Rio "
               "Ceira”, financiado no âmbito do Programa Ambiente.",
         "Gestão da Bacia do Rio Ceira"),
        ("pl", "Zaprezentowano projekt predefiniowany „Zielone szkoły jutra” realizowany przez "
               "gminę Kłodzko.",
         "Zielone szkoły jutra"),
        ("ro", "Vizita a avut loc în cadrul proiectului pre-definit „Servicii mai bune pentru "
               "cetățeni”.",
         "Servicii mai bune pentru cetățeni"),
    ],
)  # fmt: skip
def test_a_quoted_project_name_after_a_word_of_its_kind(lang: str, text: str, name: str) -> None:
    """A lower-case word that says what kind the project is may stand between the project
    word and its quoted name ("projeto pré-definido “…”", "projekt predefiniowany „…”")."""
    assert [p.name for p in read_text(text, lang).projects] == [name]


def test_every_project_a_news_item_names_is_one_and_its_roles_stay_with_the_first() -> None:
    text = (
        "O projeto “Cidades Verdes” é promovido pela Câmara Municipal de Braga. No dia "
        "seguinte, a comitiva visitou o projeto “Rios Limpos” e o projeto “Cidades "
        "verdes!”. O programa tem o número PT-ENV-2021."
    )
    facts = read_text(text, "pt")
    assert [p.name for p in facts.projects] == ["Cidades Verdes", "Rios Limpos"]
    assert {r.target for r in facts.roles} <= {"name:Cidades Verdes"}
    # a name after a naming cue counts too; a programme's code does not
    text = (
        "NHOs prosjekt «Ringer i Vannet» ble presentert. Prosjektet som det søkes støtte "
        "til har navnet Partnership of the Dzierzoniow County."
    )
    assert [p.name for p in read_text(text, "no").projects] == [
        "Ringer i Vannet",
        "Partnership of the Dzierzoniow County",
    ]


def test_a_body_inside_a_projects_quoted_title_is_the_titles() -> None:
    """ "Zaļās pilsētas" and "Miasto Gdańsk" in a project's title are no municipalities."""
    facts = read_text(
        "Vizīte notika projekta “Zaļās pilsētas” ietvaros, kura partneris ir Tromsø pašvaldība.",
        "lv",
    )
    assert [o.name for o in facts.organisations] == ["Tromsø pašvaldība"]
    facts = read_text(
        "Wizyta odbyła się w ramach projektu „Zielone Miasto Gdańsk”, którego partnerem jest "
        "gmina Hamar.",
        "pl",
    )
    assert [o.name for o in facts.organisations] == ["gmina Hamar"]


def test_a_demonym_before_a_municipalitys_form_tells_its_country() -> None:
    """ "norweska gmina Bærum": the demonym, not the language of the form "gmina"."""
    facts = read_text("Partnerem projektu jest norweska gmina Bærum.", "pl")
    assert [(o.name, o.country) for o in facts.organisations] == [("gmina Bærum", "NO")]


def test_a_place_word_inside_a_quoted_title_is_no_place() -> None:
    """ "Zelené" in „Zelené město“ is not Zele in Belgium."""
    facts = read_text(
        "Ve dnech 12.–14. května 2022 navštívili zástupci města Třebíč Kristiansand. Návštěva "
        "proběhla v rámci projektu „Zelené město“.",
        "cs",
    )
    assert "Zele" not in {p.name for p in facts.places}
    assert [p.name for p in facts.projects] == ["Zelené město"]


def test_slovene_quotes_open_with_a_closing_guillemet() -> None:
    """»Zelena mesta« is a quoted title, and no place of a second visit."""
    facts = read_text(
        "Predstavniki Občine Kranj so obiskali Norveško. Obisk je potekal v okviru projekta "
        "»Zelena mesta«.",
        "sl",
    )
    assert [p.name for p in facts.projects] == ["Zelena mesta"]
    assert [e.type for e in facts.events] == ["study_visit"]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # heads every language of the grants has: a chamber, a kindergarten, a college
        ("lv", "Vizītē piedalījās Latvijas Tirdzniecības un rūpniecības kamera.",
         "Latvijas Tirdzniecības un rūpniecības kamera"),
        ("ro", "Vizita a fost organizată de Camera de Comerț și Industrie Cluj.",
         "Camera de Comerț și Industrie Cluj"),
        ("no", "Besøket ble organisert av Frogner barnehage.", "Frogner barnehage"),
        ("pl", "Gościem była Wyższa Uczelnia Zawodowa w Lesznie.",
         "Wyższa Uczelnia Zawodowa w Lesznie"),
    ],
)  # fmt: skip
def test_heads_of_every_language(lang: str, text: str, name: str) -> None:
    assert name in _names(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("pl", "Projekt realizuje Fundacja Zielony Most wraz z gminą.", "Fundacja Zielony Most"),
        ("sl", "Projekt izvaja Vrtec Ljubljana skupaj z občino.", "Vrtec Ljubljana"),
    ],
)
def test_together_with_ends_a_name(lang: str, text: str, name: str) -> None:
    """ "X wraz z …", "X skupaj z …" (together with): the adverb is no word of X's name."""
    assert _names(text, lang) == {name}


@pytest.mark.parametrize(
    ("lang", "written", "base"),
    [
        # the head and the adjectives that agree with it, by their gender's endings
        ("pl", "Gminną Biblioteką Publiczną w Kocierzewie", "Gminna Biblioteka Publiczna w Kocierzewie"),
        ("pl", "Polskiego Związku Wędkarskiego", "Polski Związek Wędkarski"),
        ("pl", "Norweskim Związkiem Władz Lokalnych", "Norweski Związek Władz Lokalnych"),
        # an adjective of the complement's gender is the complement's
        ("pl", "Pracowni Zrównoważonego Rozwoju", "Pracownia Zrównoważonego Rozwoju"),
        ("pl", "fundacji Wolna Wisła", "Fundacja Wolna Wisła"),
        ("cs", "Norského helsinského výboru", "Norský helsinský výbor"),
        ("cs", "Národního muzea", "Národní muzeum"),  # a soft adjective, a neuter head
        # an adjective after the head that a noun follows is that noun's
        ("cs", "Krajského úřadu Olomouckého kraje", "Krajský úřad Olomouckého kraje"),
        # a town's noun heads a municipality's name
        ("cs", "městem Prachatice", "Město Prachatice"),
        ("pl", "Miastem Opole", "Miasto Opole"),
        # a Bulgarian head's definite article
        ("bg", "посолството на Кралство Норвегия", "Посолство на Кралство Норвегия"),
        ("bg", "Общината Поморие", "Община Поморие"),
        # a Romanian head in the genitive-dative, to the nominative with its article (and a
        # feminine adjective after it)
        ("ro", "Ministerului Fondurilor Europene", "Ministerul Fondurilor Europene"),
        ("ro", "Agenției Naționale pentru Ocupare", "Agenția Națională pentru Ocupare"),
        ("ro", "Universității Babeș-Bolyai", "Universitatea Babeș-Bolyai"),
        ("ro", "Asociaţiei Caritas Eparhial Oradea", "Asociația Caritas Eparhial Oradea"),
        ("ro", "Asociația Municipiilor din România", "Asociația Municipiilor din România"),
        # a head at the end: the modifiers before it are genitives, left as written
        ("lv", "Latvijas Pašvaldību savienību", "Latvijas Pašvaldību savienība"),
        ("lt", "Pagėgių savivaldybei", "Pagėgių savivaldybė"),
        ("et", "Tartu Ülikoolile", "Tartu Ülikool"),
        ("et", "Tartu Ülikoolist", "Tartu Ülikool"),  # (a singular's elative)
        ("et", "Eesti Linnade ja Valdade Liidu", "Eesti Linnade ja Valdade Liit"),
        # an Estonian plural names a kind of body: not made one
        ("et", "Norra ülikoolide", "Norra ülikoolide"),
        # already in the base form, no head, an English name, a language not checked
        ("pl", "Fundacja Wolna Wisła", "Fundacja Wolna Wisła"),
        ("pl", "Napraw Sobie Miasto", "Napraw Sobie Miasto"),
        ("pl", "Centre for Social Innovation", "Centre for Social Innovation"),
        ("hr", "Udruge gradova", "Udruge gradova"),
        # a Slovak or Slovenian head noun alone
        ("sk", "Univerzity Høgskulen for Grøn Utvikling", "Univerzita Høgskulen for Grøn Utvikling"),
        ("sk", "Združenia miest a obcí Slovenska", "Združenie miest a obcí Slovenska"),
        ("sl", "Občini Kranj", "Občina Kranj"),
        ("sl", "občino Hamar", "Občina Hamar"),
        ("sl", "Univerze v Ljubljani", "Univerza v Ljubljani"),
        ("sl", "Ministrstva za javno upravo", "Ministrstvo za javno upravo"),
    ],
)  # fmt: skip
def test_a_name_in_a_case_form_is_given_in_its_base_form(
    lang: str, written: str, base: str
) -> None:
    from partnergraph.graph.extract.forms import base_form

    assert base_form(written, lang) == base


def test_the_reader_names_a_body_in_its_base_form_and_its_case_forms_as_one() -> None:
    """ "z Gminą Obrowo" and "Gmina Obrowo" are one body, named as it names itself; its
    role keeps to it."""
    from partnergraph.graph.extract import extract
    from partnergraph.graph.sources import Document

    text = (
        "Fundacja Wolna Wisła realizuje projekt „Wisła wciąga” wspólnie z Gminą Obrowo. "
        "Gmina Obrowo wzięła udział w wizycie studyjnej w Norwegii."
    )
    doc = Document("n", "n.txt", text, None, "news", "pl", "utf-8", "text/plain", "")
    found = extract(doc)
    names = {o.name for o in found.organisations}
    assert "Gmina Obrowo" in names and "Gminą Obrowo" not in names
    assert {r.org.name for r in found.roles} <= names


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("cs", "V březnu uspořádalo Ministerstvo pro místní rozvoj seminář o spolupráci s "
         "norskými obcemi.", "Ministerstvo pro místní rozvoj"),
        ("cs", "Loni v květnu zorganizovala Agentura pro ochranu přírody konferenci v Brně.",
         "Agentura pro ochranu přírody"),
        ("sk", "V apríli pripravil Úrad pre verejné obstarávanie workshop pre obce.",
         "Úrad pre verejné obstarávanie"),
    ],
)  # fmt: skip
def test_a_word_naming_an_event_ends_a_names_complement(
    lang: str, text: str, expected: str
) -> None:
    """In a language whose names open with their head, the lower-case complement after it
    ends before a noun that names an event (the object of "organised": a seminar, a
    conference), which is no part of the name."""
    assert expected in _names(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Representatives of the Municipality and the City of Gniezno took part.",
         "Municipality"),
        ("cs", "Setkání připravila Nadace Partnerství a Ministerstvo.", "Ministerstvo"),
    ],
)  # fmt: skip
def test_a_head_noun_alone_beside_a_name_is_no_name(lang: str, text: str, kind: str) -> None:
    """ "the Municipality and the City of Gniezno": a head noun joined by "and" to a body's
    name names a kind of body, not one (a one-word name beside it does: "Ekopolis")."""
    assert kind not in _names(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "abbreviation"),
    [
        ("lv", "Pārstāvji stāstīja par EEZ finanšu instrumenta iespējām. EEZ atbalsts ir "
         "svarīgs.", "EEZ"),
        ("hu", "Az EGT Alap támogatásával a projekt folytatódik. Az EGT országai segítenek.",
         "EGT"),
    ],
)  # fmt: skip
def test_the_european_economic_areas_abbreviation_is_no_organisation(
    lang: str, text: str, abbreviation: str
) -> None:
    """The EEA's abbreviation in the grants' languages (EEZ, EGT, EMP, as EØS, EOG, EHP…)
    is the area, not a body, however often a text uses it."""
    assert abbreviation not in _names(text, lang)


def test_a_word_naming_an_event_is_no_part_of_a_name_before_its_head() -> None:
    """A capitalised word, then a gathering's noun and a lower-case head: the visit is no
    part of a name ("… pri meste Arvika návšteva skúšobného centra": a town, then the visit
    to a test centre)."""
    text = "Boli stretnutia v Oslo a vo Švédsku pri meste Arvika návšteva skúšobného centra."
    assert not any("návšteva" in name for name in _names(text, "sk"))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("sl", "Sodelovali so predstavniki Ministrstva za zunanje zadeve in Urada za finančne "
         "mehanizme.", {"Ministrstva za zunanje zadeve", "Urada za finančne mehanizme"}),
        ("cs", "Jednání se zúčastnili zástupci Ministerstva životního prostředí a Agentury "
         "ochrany přírody.", {"Ministerstva životního prostředí", "Agentury ochrany přírody"}),
    ],
)  # fmt: skip
def test_a_head_after_and_opens_a_second_name_with_its_own_complement(
    lang: str, text: str, expected: set[str]
) -> None:
    """After the complement of a name that opens with its head, "and" and a capitalised
    head open a second body's name, which keeps its own complement whole."""
    assert expected <= _names(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "name", "role"),
    [
        # no head word: the subject of a host's or organiser's verb, an acronym or a town in it
        (
            "en",
            "Last Thursday the Eurocentre Prague hosted a seminar.",
            "Eurocentre Prague",
            "host",
        ),
        ("en", "NAV hosted the meeting in Tromsø.", "NAV", "host"),
        (
            "cs",
            "V březnu Eurocentrum Praha uspořádalo seminář o fondech EHP.",
            "Eurocentrum Praha",
            "organiser",
        ),
    ],
)
def test_the_subject_of_a_hosts_verb_is_a_body(lang: str, text: str, name: str, role: str) -> None:
    assert {r.org.name: r.role for r in read_text(text, lang).roles}.get(name) == role


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Hans Olsen hosted the delegation.",  # an office first: a person
        "Gunnar Winter introduced the centre.",  # a person's name: no acronym, no town
        "Anna Nowak hosted the guests.",
    ],
)
def test_a_person_before_a_hosts_verb_is_no_body(text: str) -> None:
    assert _names(text, "en") == set()


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        # no head word: the owner of a gathering, after "of" or in the genitive
        ("cs", "Shrnutí semináře Eurocentra Praha o fondech EHP.", "Eurocentra Praha", "CZ"),
        (
            "en",
            "Speakers at the annual seminar of the Eurocentre Prague praised the grants.",
            "Eurocentre Prague",
            "CZ",
        ),
    ],
)
def test_the_owner_of_a_gathering_is_a_body(lang: str, text: str, name: str, country: str) -> None:
    facts = read_text(text, lang)
    assert {o.name: o.country for o in facts.organisations}.get(name) == country
    assert {r.org.name: r.role for r in facts.roles}.get(name) == "organiser"


def test_a_persons_gathering_names_no_body() -> None:
    assert _names("Speakers at the annual seminar of Anna Nowak praised the grants.", "en") == set()


def test_the_definite_municipality_before_its_place_is_that_municipality() -> None:
    """Norwegian names a municipality abroad as "kommunen Ostrowiec Świętokrzyski" (the
    municipality Ostrowiec …) as well as "… kommune": one municipality, seated there, which
    resolution makes one with the other form."""
    from partnergraph.graph.resolve import resolve_organisations

    facts = read_text(
        "Sogndal kommune signerte avtalen med kommunen Ostrowiec Świętokrzyski i Polen. "
        "Ordføraren i Ostrowiec Świętokrzyski kommune var med.",
        "no",
    )
    definite = next(o for o in facts.organisations if o.name.startswith("kommunen"))
    assert (definite.type, definite.seat, definite.country) == (
        "municipality",
        "Ostrowiec Świętokrzyski",
        "PL",
    )
    other = next(o for o in facts.organisations if o.name == "Ostrowiec Świętokrzyski kommune")
    res = resolve_organisations(facts.organisations)
    assert res.of(definite).key == res.of(other).key


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Gunhild Løhre", True),
        ("Katarzyna Maria Wieczorek", True),
        ("Kristinn R. Olafsson", True),
        ("Anna Skłodowska-Kowalska", True),
        # a head noun, a common word, a place: a body's name, though a given name opens it
        ("Adam Mickiewicz University", False),
        ("Victoria Park", False),
        ("Martin Bergen", False),
        # no given name first: a body whose name has no head word
        ("Holes Distinkt", False),
        ("Arvoll Grand", False),
        ("Gunhild", False),
    ],
)  # fmt: skip
def test_a_persons_name_opens_with_a_given_name(name: str, person: bool) -> None:
    from partnergraph.graph.extract.prose import is_person_name

    assert is_person_name(name, "en") is person


def test_roman_numerals_are_no_bodies() -> None:
    """ "Faza II", "Phase III": an ordinal, not an acronym."""
    assert _names("Faza II: otwarty konkurs. Faza III: realizacja.", "pl") == set()
    assert _names("Phase III of the project was led by KS.", "en") == {"KS"}


def test_a_self_government_is_a_body_and_a_name_in_small_letters_is_a_kind() -> None:
    """ "Samorząd Województwa Mazowieckiego" is a body (its head "samorząd", put back in the
    nominative: "Samorządu Powiatu Wejherowskiego" → "Samorząd Powiatu Wejherowskiego");
    "gminy wiejskiej", "samorządu lokalnego" — no capital at all — name a kind of body."""
    from partnergraph.graph.extract.forms import base_form

    assert base_form("Samorządu Powiatu Wejherowskiego", "pl") == "Samorząd Powiatu Wejherowskiego"
    # a noun before the head noun heads the name: the head is its complement's
    biuro = "Biura Projektu Samorządu Powiatu Wejherowskiego"
    assert base_form(biuro, "pl") == biuro
    text = "Samorząd Województwa Mazowieckiego podpisał umowę z Oslo kommune."
    assert _names(text, "pl") == {"Samorząd Województwa Mazowieckiego", "Oslo kommune"}
    for text in (
        "Przedstawiciele gminy wiejskiej odwiedzili Oslo kommune.",
        "Przedstawiciele samorządu lokalnego odwiedzili Oslo kommune.",
    ):
        assert _names(text, "pl") == {"Oslo kommune"}, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the owner between the project word and the quoted title: the title names it
        ("Projekt Samorządu Powiatu Wejherowskiego: „Zdrowa szkoła” jest realizowany.",
         "Zdrowa szkoła"),
        ("Projekt Gminy Obrowo „Wisła wciąga!” został zakończony.", "Wisła wciąga!"),
        # the owner alone names no project
        ("Projekt Gminy Obrowo został zakończony.", None),
        # a name with a head word that is not its first word is the project's
        ("W ramach projektu Zdrowa Gmina odwiedzono Oslo kommune.", "Zdrowa Gmina"),
    ],
)  # fmt: skip
def test_a_projects_owner_after_the_project_word_is_not_its_name(
    text: str, name: str | None
) -> None:
    assert [p.name for p in read_text(text, "pl").projects] == [name]


def test_municipalities_that_share_a_head_after_a_district_word_and_a_person() -> None:
    """ "Akmenės rajono ir Olfus savivaldybės" are two municipalities, the first with its
    district word; the list's head is the list's, not the opening of another name; a
    person's name is no place of a list."""
    text = "2016 m. birželio 11 d. Akmenės rajono ir Olfus savivaldybės Naujojoje Akmenėje pasirašė protokolą."
    assert _names(text, "lt") == {"Akmenės rajono savivaldybė", "Olfus savivaldybė"}
    text = "Meras Jonas Jonaitis ir Ručianos Nidos savivaldybės burmistras pasirašė sutartį."
    assert not any("Jonas" in name for name in _names(text, "lt"))


def test_a_countrys_word_in_any_case_and_a_municipality_noun_name_a_kind() -> None:
    assert _names("Pasirašyta sutartis su Lenkijos savivaldybe.", "lt") == set()


def test_a_municipality_in_another_language_has_its_towns_country() -> None:
    """ "Kraslavos apskrities savivaldybė" (Lithuanian for Krāslava's municipality): the
    towns' table knows Krāslava in Latvia only, which the form's language does not tell."""
    text = (
        "Visagino savivaldybės meras ir Kraslavos apskrities savivaldybės pirmininkas "
        "pasirašė bendradarbiavimo sutartį."
    )
    facts = read_text(text, "lt")
    countries = {o.name: o.country for o in facts.organisations}
    assert countries.get("Kraslavos apskrities savivaldybės") == "LV"
    assert countries.get("Visagino savivaldybės") == "LT"
    assert len(facts.links) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Делегация от Националното сдружение на общините /НСОРБ/ посети Осло.",
        "Делегация от Националното сдружение на общините (НСОРБ) посети Осло.",
    ],
)
def test_a_cyrillic_acronym_in_brackets_or_between_slashes_is_the_names(text: str) -> None:
    """Bulgarian writes a body's acronym between slashes as often as in brackets; either
    way, in Cyrillic capitals, it is the name's acronym (one body, not two)."""
    orgs = read_text(text, "bg").organisations
    assert {(o.name, o.acronym) for o in orgs if o.acronym} == {
        ("Националното сдружение на общините", "НСОРБ")
    }


def test_a_czech_head_in_e_is_feminine_and_its_adjectives_agree() -> None:
    """ "Norskou asociací …" is "Norská asociace …": a Czech noun in "-e" is feminine
    (a Polish one neuter: "Polskim Stowarzyszeniem" is "Polskie Stowarzyszenie")."""
    from partnergraph.graph.extract.forms import base_form

    assert (
        base_form("Norskou asociací místních a regionálních samospráv", "cs")
        == "Norská asociace místních a regionálních samospráv"
    )
    assert base_form("Národní rozvojovou nadací", "cs") == "Národní rozvojová nadace"
    assert base_form("Polskim Stowarzyszeniem Kultury", "pl") == "Polskie Stowarzyszenie Kultury"


def test_a_minister_is_a_persons_office_and_ministerul_a_ministry() -> None:
    """ "Minister" is written as an office, not a ministry's head noun, though it is the
    lemma of Romanian "Ministerul"."""
    text = "The Polish Minister of Regional Development Ms Elzbieta Bienkowska was present."
    assert _names(text, "en") == set()
    assert _names("The Polish Ministry of Regional Development was present.", "en") == {
        "Polish Ministry of Regional Development"
    }
    assert _names("Ministerul Dezvoltării Regionale a semnat acordul.", "ro") == {
        "Ministerul Dezvoltării Regionale"
    }


def test_a_dotted_acronym_ends_in_no_legal_form() -> None:
    """ "Asociația C.R.O.N.O." folds to single letters whose last two spell the Slovak
    "n.o.": initials beside initials are an acronym, and tell no country."""
    from partnergraph.graph.extract.gazetteer import legal_form_countries

    assert legal_form_countries("Asociației C.R.O.N.O") == frozenset()
    assert legal_form_countries("Nadácia Pontis n.o.") == {"SK"}


def test_an_english_head_noun_in_small_letters_before_a_name_is_its_class() -> None:
    """ "the research foundation Fafo": a body's noun before a name of one word that has
    no head of its own; a person of the body after its noun is none."""
    text = "Researchers from the Norwegian research foundation Fafo visited Brussels."
    assert "Fafo" in _names(text, "en")
    # a demonym and a head noun before a name are the name's class, no body of their own
    assert _names("The Norwegian foundation Fafo signed it.", "en") == {"Fafo"}
    assert _names("It was organised with the Norwegian embassy.", "en") == {"Norwegian embassy"}
    text = "It was attended by the Øvre Eiker municipality Kari Hesselberg and others."
    assert "Kari Hesselberg" not in _names(text, "en")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a body's noun in small letters, a short connector and a state's name: the body
        # (its country told by the name)
        (
            "Бяха обсъдени възможностите, с които посолството на Кралство Норвегия съдейства.",
            "посолството на Кралство Норвегия",
        ),
        (
            "Срещата беше открита от посолството на Кралство Норвегия.",
            "посолството на Кралство Норвегия",
        ),
    ],
)
def test_a_bodys_noun_before_a_countrys_name_is_the_body(text: str, name: str) -> None:
    assert name in _names(text, "bg")
    # no such noun: a country is no body
    assert _names("Делегацията на Норвегия пристигна.", "bg") == set()


def test_romanian_letters_with_a_cedilla_are_the_comma_below_ones() -> None:
    """ "organizaţia", "Asociaţia" (ţ with a cedilla) are "organizația", "Asociația": the
    lemmatiser knows them, so the class noun and the head noun are found."""
    text = "Vizita are loc la organizaţia Skyhoyt Live Scene, cu Asociaţia Kécenlét."
    assert {"Skyhoyt Live Scene", "Asociaţia Kécenlét"} <= _names(text, "ro")


def test_an_envoy_of_a_country_is_no_body() -> None:
    """ "Ambasadorul Norvegiei" is Norway's ambassador (a person), "Ambasada Norvegiei" its
    embassy (a body)."""
    assert _names("Ambasadorul Norvegiei a vizitat comuna.", "ro") == set()
    assert _names("Ambasada Norvegiei a organizat seminarul.", "ro") == {"Ambasada Norvegiei"}


def test_a_common_word_alone_before_a_running_clause_is_no_project_name() -> None:
    """ "projektu Podpora …" with the clause running on past a dozen words: "Podpora"
    ("support") alone names no project."""
    text = (
        "Město získalo grant v rámci projektu Podpora spolupráce měst a obcí v oblasti "
        "sociálních služeb pro seniory a rodiny s dětmi v kraji Vysočina a Jihomoravském kraji."
    )
    assert all(p.name != "Podpora" for p in read_text(text, "cs").projects)


@pytest.mark.parametrize(
    ("lang", "text", "name", "kind"),
    [
        # a name that opens with its head noun is of that noun's kind, not of a complement's
        ("ro", "Un reprezentant al Asociației Municipiilor din România a participat la vizită.",
         "Asociației Municipiilor", "association"),
    ],
)  # fmt: skip
def test_a_head_first_name_is_of_its_first_heads_kind(
    lang: str, text: str, name: str, kind: str
) -> None:
    found = {o.name: o.type for o in read_text(text, lang).organisations}
    assert found.get(name) == kind, found


def test_a_head_nouns_case_form_gives_the_kind_before_a_complements_word() -> None:
    from partnergraph.graph.extract.lexicon import organisation_type

    # "Ministerului" (the ministry's) is the head; "Fondurilor" (the funds') a complement
    assert organisation_type("Ministerului Fondurilor Europene") == "ministry"
    assert organisation_type("Ministerul Fondurilor Europene") == "ministry"


def test_a_word_of_cooperation_before_a_country_names_no_agency() -> None:
    """ "Parteneriat Norvegia" (partnership Norway) is a topic, "Innovation Norway" a body."""
    assert _names("Vizită de studiu – Parteneriat Norvegia a fost un succes.", "ro") == set()
    assert _names("The project was supported by Innovation Norway.", "en") == {"Innovation Norway"}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # two compounds sharing their last part, the first cut at its hyphen: one body
        ("Møtet ble organisert av Kommunal- og distriktsdepartementet i Oslo.",
         "Kommunal- og distriktsdepartementet", "ministry"),
        ("Arbeids- og velferdsetaten presenterte sitt arbeid.",
         "Arbeids- og velferdsetaten", "agency"),
        # in small letters after a name in the genitive
        ("Delegasjonen besøkte Norges vassdrags- og energidirektorat i Oslo.",
         "Norges vassdrags- og energidirektorat", "agency"),
    ],
)  # fmt: skip
def test_split_compounds_that_end_in_a_head_noun_are_one_body(
    text: str, name: str, kind: str
) -> None:
    assert {(o.name, o.type) for o in read_text(text, "no").organisations} == {(name, kind)}
    # no head noun at the compound's end: no body
    assert _names("Vi snakket om Natur- og kulturarv i kommunen.", "no") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("no", "KS samarbeider med Litauens kommuneforbund om prosjektet.",
         {("KS", "NO"), ("Litauens kommuneforbund", "LT")}),
        ("no", "Polens kommuneforbund og KS signerte avtalen.",
         {("Polens kommuneforbund", "PL"), ("KS", "NO")}),
        ("no", "Islands handelskammer var partner i prosjektet.",
         {("Islands handelskammer", "IS")}),
        ("no", "Vi besøkte Tromsø kommuneforbund.", {("Tromsø kommuneforbund", "NO")}),
    ],
)  # fmt: skip
def test_a_name_in_the_genitive_and_a_compound_that_ends_in_a_head_noun(
    lang: str, text: str, expected: set[tuple[str, str]]
) -> None:
    """Norwegian names a body by a place's genitive and a compound in small letters whose
    last part is the head ("Litauens kommuneforbund", the association of Lithuania's
    municipalities): one body, whose country the genitive tells."""
    assert {(o.name, o.country) for o in _organisations(text, lang)} == expected
    # a compound that ends in no head noun is none ("Polens hovedstad": the capital)
    assert _names("Vi reiste til Polens hovedstad i mai.", "no") == set()


def test_a_countrys_name_opens_no_municipalitys_place() -> None:
    """ "Den 5. juni 2019 besøkte en delegasjon fra Polen Bergen kommune" (a delegation
    from Poland visited Bergen municipality): the country's name before the town is where
    the delegation came from, not part of the municipality's name."""
    text = "Den 5. juni 2019 besøkte en delegasjon fra Polen Bergen kommune."
    assert [(o.name, o.country) for o in _organisations(text, "no")] == [("Bergen kommune", "NO")]


def test_a_body_named_by_a_plural_only_head_noun() -> None:
    """ "prekybos rūmai" (a chamber of commerce), "globos namai" (a care home): the
    lemmatiser gives a singular no body is named by; the head is found in any case form and
    the base form keeps the plural."""
    from partnergraph.graph.extract.forms import base_form

    text = "Susitikime dalyvavo Latvijos prekybos rūmų atstovai ir Alytaus globos namų direktorė."
    names = _names(text, "lt")
    assert names == {"Latvijos prekybos rūmų", "Alytaus globos namų"}
    assert {base_form(n, "lt") for n in names} == {
        "Latvijos prekybos rūmai",
        "Alytaus globos namai",
    }


def test_a_name_after_and_the_that_goes_on_in_small_letters_is_not_the_left_ones() -> None:
    """ "the Norwegian Embassy and the National foundation for civil society development":
    the embassy is one name; "and the National" is none of it."""
    text = "It was hosted by the Norwegian Embassy and the National foundation for civil society."
    assert _names(text, "en") == {"Norwegian Embassy"}
    # a right side that stands alone is a name of its own, as before
    text = "It was hosted by the Norwegian Embassy and the Sopot Sports Association."
    assert _names(text, "en") == {"Norwegian Embassy", "Sopot Sports Association"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Gender Equality Working Group met in Oslo."),
        ("pl", "Spotkanie Grupy Roboczej odbyło się w Gdańsku."),
        ("lv", "Rīgā sanāca Pašvaldību darba grupa."),
    ],
)
def test_a_group_of_people_is_no_organisation(lang: str, text: str) -> None:
    """A working, steering or reference group a project sets up is no body."""
    assert _names(text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        ("et", "Projekti juhib Viimsi Vallavalitsus.", "Viimsi Vallavalitsus", "EE"),
        ("et", "Kohtumine toimus Tartu linnavalitsuses.", "Tartu linnavalitsuses", "EE"),
        ("hu", "A projektet Nádudvar Város Önkormányzata vezeti.",
         "Nádudvar Város Önkormányzata", "HU"),
        ("hr", "Projekt vodi Grad Zadar u suradnji s partnerima.", "Grad Zadar", "HR"),
    ],
)  # fmt: skip
def test_municipalities_in_estonian_hungarian_and_croatian(
    lang: str, text: str, name: str, country: str
) -> None:
    """A town's municipality in the forms of three more of the grants' languages."""
    found = {o.name: o for o in read_text(text, lang).organisations}
    assert found[name].type == "municipality"
    assert found[name].country == country


def test_names_inside_someones_words_are_names() -> None:
    """A quotation of eight words or more that ends on a stop or comma is speech, not a
    title: "«Me rõõmustame … Tartu Ülikooli teadlasi,» lisas suursaadik" names the
    university; a quoted title is still no organisation."""
    text = "«Me rõõmustame projektide üle, mis seovad Tartu Ülikooli teadlasi,» lisas suursaadik."
    assert "Tartu Ülikooli" in _names(text, "et")
    assert _names("Pokazano film „Wielka Woda” w kinie.", "pl") == set()


def test_a_municipalitys_place_ends_with_the_town_before_a_persons_name() -> None:
    """ "se starostou města Molde Janem Petterem Hammero": the municipality is Molde's;
    the mayor's name after the town is none of its name."""
    text = "Setkali jsme se se starostou města Molde Janem Petterem Hammero."
    assert _names(text, "cs") == {"města Molde"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("cs", "Setkali jsme se s předsedou kraje More og Romsdal Jonem Aasenem a se "
               "starostou města Molde.", {"kraje More og Romsdal", "města Molde"}),
        ("pl", "Delegacja spotkała się z wójtem gminy Kocierzew Południowy Janem "
               "Kowalskim w Oslo.", {"gminy Kocierzew Południowy"}),
        ("cs", "Setkali jsme se s ředitelem Nadace Partnerství Janem Novákem.",
         {"Nadace Partnerství"}),
        # the genitive names a body after a person: no person's name ends it
        ("pl", "Uniwersytet Adama Mickiewicza odwiedził Oslo.",
         {"Uniwersytet Adama Mickiewicza"}),
    ],
)  # fmt: skip
def test_a_person_named_in_their_case_after_the_body_they_speak_for_is_no_part_of_it(
    lang: str, text: str, expected: set[str]
) -> None:
    """In a language that declines names, the person a body's name is followed by stands
    in the case of their office ("s předsedou kraje … Jonem Aasenem", "z wójtem gminy …
    Janem Kowalskim"): the given name in that case ends the body's name, where the name
    opens with its head and no head noun would end it."""
    assert _names(text, lang) == expected


def test_a_given_name_in_the_instrumental_or_dative_is_told_from_its_genitive() -> None:
    from partnergraph.graph.extract.first_names import is_declined_given_name

    assert is_declined_given_name("Jonem", "cs")  # Jon
    assert is_declined_given_name("Annou", "cs")  # Anna
    assert is_declined_given_name("Janowi", "pl")  # Jan
    assert is_declined_given_name("Jonui", "lt")  # Jonas
    assert not is_declined_given_name("Adama", "pl")  # Adam's genitive
    assert not is_declined_given_name("Jan", "cs")  # the name itself
    assert not is_declined_given_name("Jonem", "en")  # English declines no names
    assert not is_declined_given_name("Krajem", "cs")


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        ("no", "Møre og Romsdal fylkeskommune og Molde kommune samarbeider.",
         "Møre og Romsdal fylkeskommune", "NO"),
        ("no", "Prosjektet ledes av Troms og Finnmark fylkeskommune.",
         "Troms og Finnmark fylkeskommune", "NO"),
        ("cs", "Hejtman navštívil norský partnerský kraj More og Romsdal a město Molde.",
         "kraj More og Romsdal", "NO"),
        ("sl", "Občina Šmartno ob Paki in Občina Kanal ob Soči sodelujeta z Vestland fylkeskommune.",
         "Občina Šmartno ob Paki", "SI"),
        ("cs", "Statutární město Ústí nad Labem spolupracuje s Molde kommune.",
         "Statutární město Ústí nad Labem", "CZ"),
    ],
)  # fmt: skip
def test_a_regions_name_that_joins_its_words_with_a_small_one_is_one_name(
    lang: str, text: str, name: str, country: str
) -> None:
    """ "Møre og Romsdal", "Šmartno ob Paki", "Ústí nad Labem": a region or municipality
    whose name joins its words with a small lower-case one (the gazetteer's subdivisions)
    is one name inside a body's, its last word no body of its own, and tells its country
    written without its accents too ("More og Romsdal")."""
    doc = Document("n", "n.txt", text, None, "news", lang, "utf-8", "text/plain", "")
    found = {o.name: o for o in extract(doc).organisations}
    assert name in found
    assert found[name].country == country
    assert not {n for n in found if n != name and n in name}


def test_the_last_word_of_a_joined_regions_name_is_no_body_of_its_own() -> None:
    """ "the county of More og Romsdal and the town of Molde": "Romsdal" before "and" is
    the region's last word, not a name that stands alone."""
    names = _names(
        "The delegation visited the county of More og Romsdal and the town of Molde.", "en"
    )
    assert "Romsdal" not in names


@pytest.mark.parametrize(
    ("lang", "text", "kept"),
    [
        ("en", "Norwegian Universities and the University of Latvia took part in the seminar.",
         {"University of Latvia"}),
        ("et", "Projekt seob Tartu Ülikooli ja Norra ülikoolide teadlasi.", {"Tartu Ülikooli"}),
        ("et", "Tartu Ülikool ja Norra ülikoolid teevad koostööd.", {"Tartu Ülikool"}),
        ("lt", "Norvegijos universitetai ir Vilniaus universitetas dalyvavo seminare.",
         {"Vilniaus universitetas"}),
        ("lt", "Norvegijos universitetų atstovai lankėsi Vilniaus universitete.",
         {"Vilniaus universitete"}),
        # (a body named in the plural, and a feminine noun's dative, are one body)
        ("lt", "Lietuvos mokyklai padėjo Norvegijos prekybos rūmai.",
         {"Lietuvos mokyklai", "Norvegijos prekybos rūmai"}),
    ],
)  # fmt: skip
def test_a_countrys_word_and_a_plural_head_name_a_kind_not_a_body(
    lang: str, text: str, kept: set[str]
) -> None:
    """ "Norwegian Universities", "Norra ülikoolide", "Norvegijos universitetai": a
    country's word and a head noun in the plural (by an ending no singular has) are bodies
    of a kind, none of them named."""
    assert _names(text, lang) == kept


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("cs", "Hejtman Libereckého kraje navštívil Molde.", "Libereckého kraje"),
        ("lv", "Mērs Valkas pašvaldībā tikās ar delegāciju.", "Valkas pašvaldībā"),
    ],
)
def test_a_job_that_opens_the_sentence_opens_no_name(lang: str, text: str, name: str) -> None:
    """A sentence's first word is capitalised whatever it is: a job's word there
    ("Hejtman", the regional governor; "Mērs", the mayor) is no word of the body's name
    that follows."""
    assert _names(text, lang) == {name}


def test_a_bulgarian_verb_in_the_plural_past_ends_a_names_complement() -> None:
    """ "… на местните и регионалните власти подписаха споразумение": the verb (signed,
    by its ending: its lemma, "подпиша", ends as many nouns do) is no word of the name."""
    text = (
        "Община Габрово и Норвежката асоциация на местните и регионалните власти "
        "подписаха споразумение."
    )
    assert _names(text, "bg") == {
        "Община Габрово",
        "Норвежката асоциация на местните и регионалните власти",
    }


def test_a_bulgarian_verb_told_by_its_lemma_ends_a_names_complement() -> None:
    """ "… на общините посети Осло": a verb in the singular (visited), whose lemma is the
    present's first person, in a consonant and "-я" ("посетя"), is no word of the name —
    nor is Oslo, which the delegation visited."""
    text = "На 5 юни 2019 г. делегация на Националното сдружение на общините посети Осло."
    doc = Document("k", "k", text, None, "news", "bg", "utf-8", "text/plain", "0" * 64)
    found = extract(doc)
    assert [o.name for o in found.organisations] == ["Националното сдружение на общините"]
    assert [(r.org.name, r.role) for r in found.roles] == [
        ("Националното сдружение на общините", "participant")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        # a union's noun heads a name in the languages of the beneficiary states too
        ("sk", "Delegácia Únie miest Slovenska navštívila Nórsko.", {"Únia miest Slovenska"}),
        ("sl", "Unija gluhih Slovenije je gostila delegacijo.", {"Unija gluhih Slovenije"}),
        # the European Union, in any language and case, is the grants' frame, no body of
        # the network (as the grants themselves)
        ("pl", "Środki pochodzą z Unii Europejskiej.", set()),
        ("cs", "Projekt podpořila Evropská unie.", set()),
        ("en", "The project was co-financed by the European Union.", set()),
    ],
)  # fmt: skip
def test_a_unions_head_noun_and_the_european_union(lang: str, text: str, names: set[str]) -> None:
    assert {o.name for o in _organisations(text, lang)} == names


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("cs", "Ve dnech 12.–14. června 2019 navštívila delegace Svazu měst a obcí Norsko.",
         "Svaz měst a obcí"),
        ("cs", "Ministerstvo životního prostředí navštívilo Norsko.",
         "Ministerstvo životního prostředí"),
        # in the genitive, the country is the name's own, after a complement or right
        # after a lower-case head
        ("cs", "Delegace Svazu měst a obcí České republiky navštívila Oslo.",
         "Svaz měst a obcí České republiky"),
        ("sl", "Skupnost občin Slovenije je gostila delegacijo iz Norveške.",
         "Skupnost občin Slovenije"),
        ("sl", "Delegacija Skupnosti občin Slovenije je obiskala Norveško.",
         "Skupnost občin Slovenije"),
    ],
)  # fmt: skip
def test_a_countrys_name_in_its_base_form_ends_a_names_complement(
    lang: str, text: str, name: str
) -> None:
    """A name that opens with its head goes on in small letters, and in capitals after
    them ("Svaz měst a obcí České republiky", "Skupnost občin Slovenije": a country in
    the genitive is the name's own); a country's name in its base form there is what the
    sentence's verb is about (the country visited), not the name's."""
    assert [o.name for o in _organisations(text, lang)] == [name]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("cs", "Zástupci Ministerstva pro místní rozvoj navštívili Norsko.",
         "Ministerstva pro místní rozvoj"),
        ("sk", "Zástupcovia Ministerstva životného prostredia Slovenskej republiky navštívili Nórsko.",
         "Ministerstva životného prostredia Slovenskej republiky"),
        ("bg", "Представители на Министерството на околната среда и водите посетиха Осло.",
         "Министерството на околната среда и водите"),
        # (a cue with its connector: "representantes da")
        ("pt", "Representantes da Direção-Geral do Território visitaram Oslo.",
         "Direção-Geral do Território"),
    ],
)  # fmt: skip
def test_a_body_after_the_word_for_its_people_that_opens_the_sentence(
    lang: str, text: str, name: str
) -> None:
    """ "Zástupci Ministerstva pro místní rozvoj …" (representatives of the ministry): the
    people's word opens the sentence, the body's name opens after it and goes on in small
    letters; two capitalised words there are no person's name."""
    assert _names(text, lang) == {name}


def test_a_joined_regions_name_with_two_spaces_inside_is_read() -> None:
    """The words of "Šmartno  ob Paki" may stand two spaces apart: the municipality's name
    is found where the text has it (the text's spacing, not one rebuilt)."""
    names = _names("Občina Šmartno  ob Paki sodeluje z Molde kommune.", "sl")
    assert {" ".join(n.split()) for n in names} == {"Občina Šmartno ob Paki", "Molde kommune"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # after a name with an "and" of its own, the last "and" joins a name with its head
        ("en", "The partners are the University of Iceland, the Norwegian University of "
               "Science and Technology and Vilnius University.",
         {"University of Iceland", "Norwegian University of Science and Technology",
          "Vilnius University"}),
        # after a name that ends on its head, a town alone is another item
        ("en", "We met the Lambrakis Foundation and Athens yesterday.", {"Lambrakis Foundation"}),
        # a country's genitive is no name of its own
        ("no", "KS og Polens kommuneforbund har samarbeidet siden 2010.", {"KS"}),
    ],
)  # fmt: skip
def test_the_items_of_a_list_of_names_stand_apart(lang: str, text: str, expected: set[str]) -> None:
    """A list's last "and" joins another item: a name with its own head after a name with
    an "and" inside, or a town after a name that ends on its head; a country's genitive
    ("Polens") is none."""
    assert _names(text, lang) == expected


def test_croatian_names_are_read_by_their_lemmas() -> None:
    """Croatian is in simplemma's Serbo-Croatian dictionary: a head noun in a case form
    ("Ministarstva", of the ministry) is known by its lemma, so the body after the word for
    its people is found, and so is one in the instrumental ("s Norveškom udrugom …")."""
    assert _names(
        "Predstavnici Ministarstva regionalnoga razvoja posjetili su Norvešku.", "hr"
    ) == {"Ministarstva regionalnoga razvoja"}
    text = "Ministarstvo regionalnoga razvoja potpisalo je sporazum s Norveškom udrugom lokalnih vlasti."
    assert "Norveškom udrugom lokalnih vlasti" in _names(text, "hr")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Tuesday Lillehammer Municipality hosted a delegation.", "Lillehammer Municipality"),
        ("Last Tuesday Bergen University hosted a delegation.", "Bergen University"),
        ("In May Lillehammer kommune hosted a delegation.", "Lillehammer kommune"),
        ("Yesterday Stavanger Municipality hosted a delegation.", "Stavanger Municipality"),
    ],
)
def test_the_words_of_time_a_sentence_opens_with_are_no_names(text: str, name: str) -> None:
    """English capitalises days, months and a sentence's first word: "On Tuesday",
    "Last Tuesday", "In May", "Yesterday" before a name are none of it."""
    assert _names(text, "en") == {name}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "They also visited Kystlab, a small innovation company.", {"Kystlab"}),
        ("no", "De besøkte også Kystlab, et lite innovasjonsselskap.", {"Kystlab"}),
        ("pl", "Odwiedzili także Kystlab, małą firmę innowacyjną.", {"Kystlab"}),
        # not a sentence's first words, a person, nor the noun before a relative clause
        ("en", "On Monday, the company presented its plans.", set()),
        ("en", "They met John Smith, a partner at the firm.", set()),
        ("cs", "Přijeli zástupci českých NNO, jejichž organizace realizovaly projekty.", set()),
    ],
)  # fmt: skip
def test_a_name_a_description_after_a_comma_calls_a_body(
    lang: str, text: str, expected: set[str]
) -> None:
    """ "X, a small innovation company": small letters after the comma, one of them a class
    noun (or a compound ending in one), say X is a body though no head word does."""
    assert _names(text, lang) == expected


def test_an_acronym_that_names_no_body_names_none_in_lookalike_greek_or_cyrillic() -> None:
    """ "ΕΕΑ Grants" in a Greek text is the EEA Grants, written in Greek capitals that look
    like Latin ones; so is "ЕЕА" in Cyrillic."""
    greek = "Στο πλαίσιο των ΕΕΑ Grants, η Ένωση Κυριών Δράμας πραγματοποίησε ταξίδι."
    assert [o.name for o in read_text(greek, "el").organisations] == ["Ένωση Κυριών Δράμας"]
    cyrillic = "По програмата на ЕЕА Грантове Община Габрово подписа споразумение."
    assert [o.name for o in read_text(cyrillic, "bg").organisations] == ["Община Габрово"]
