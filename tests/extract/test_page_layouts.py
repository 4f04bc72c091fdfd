"""Every project-page layout, damaged blocks, unknown layouts (fixtures in tests/fixtures/pages)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from partnergraph.graph.extract import extract
from partnergraph.graph.extract.model import Extraction, Project
from partnergraph.graph.sources import Document, read_document

from ..conftest import FIXTURES

PAGES = FIXTURES / "pages"
#: Layouts of other publishers, kept apart from the pages the question tests build.
LAYOUTS = FIXTURES / "layouts"


def _extract(name: str, folder: Path = PAGES) -> Extraction:
    doc = read_document(folder / name, root=folder)
    assert isinstance(doc, Document)
    return extract(doc)


def _page(text: str) -> Document:
    """A project page in English written for a test."""
    return Document("p", "p.txt", text, None, "project-page", "en", "utf-8", "text/plain", "")


def _read_page(text: str) -> tuple[Project, set[tuple[str, str, str | None]]]:
    """A test page's one project, and its roles as (role, name, country)."""
    ex = extract(_page(text))
    [p] = ex.projects
    return p, {(role, name, cc) for role, name, cc, _type in _roles(ex)}


def _roles(ex: Extraction) -> set[tuple[str, str, str | None, str | None]]:
    return {
        (r.role, r.org.name, r.org.country, r.org.type)
        for r in ex.roles
        if not r.target.startswith("e")
    }


def test_older_portal_inline_labels_and_navigation() -> None:
    ex = _extract("older-portal.txt")
    [p] = ex.projects
    assert (p.number, p.name, p.status) == (
        "EE04-0012",
        "Cultural exchange between Tartu and Bergen",
        "Completed",
    )
    assert [(c.amount, c.kind) for c in p.costs] == [(Decimal("86580"), "final")]
    assert _roles(ex) == {
        ("promoter", "Tartu City Government", "EE", "municipality"),
        ("donor_partner", "Bergen Kommune", "NO", "municipality"),
        ("partner", "Tartu Art Museum", "EE", "other"),
    }


def test_other_publisher_label_value_reader() -> None:
    ex = _extract("other-publisher.txt")
    p = ex.projects[0]
    assert p.number == "PL-SDDW-0102" and p.name == "Social dialogue in Podlasie municipalities"
    assert (p.start, p.end) == (date(2019, 6, 26), date(2021, 4, 30))
    assert {(c.amount, c.currency) for c in p.costs} == {
        (Decimal("449370"), "PLN"),
        (Decimal("93700"), "EUR"),
    }
    # (a partner from Norway in a Polish project: a donor project partner)
    assert ("donor_partner", "Fagforbundet Innlandet", "NO", "union") in _roles(ex)
    assert not any("Project value" in r.org.name for r in ex.roles)
    # the prose after the labels is still read
    assert {(e.type, e.place.name if e.place else None) for e in ex.events} == {
        ("study_visit", "Hamar"),
        ("seminar", "Białystok"),
    }
    assert "no status stated" in ex.notes


def test_bilateral_initiative() -> None:
    ex = _extract("bilateral-initiative.txt")
    p = ex.projects[0]
    assert (p.number, p.entity_type, p.status) == ("LT-BI015", "bilateral_initiative", "Completed")
    assert [(c.amount, c.kind) for c in p.costs] == [
        (Decimal("12500"), "initial"),
        (Decimal("9870"), "final"),
    ]
    assert ("donor_partner", "National Archives of Norway", "NO", "other") in _roles(ex)


def test_programme_page() -> None:
    ex = _extract("programme.txt")
    p = ex.projects[0]
    assert (p.number, p.entity_type) == ("BG-LOCALDEVELOPMENT", "programme")
    assert {(c.amount, c.kind) for c in p.costs} == {
        (Decimal("92705882"), "total"),
        (Decimal("78800000"), "grant"),
    }
    assert (
        "programme_operator",
        "Ministry of Regional Development and Public Works",
        None,
        "ministry",
    ) in _roles(ex)


def test_unknown_layout_yields_what_it_can_and_says_what_not() -> None:
    ex = _extract("unknown-layout.txt")
    assert ex.projects == () and ex.organisations == ()
    assert ex.notes and "no facts block" in ex.notes[0]


def test_damaged_2014_block_with_a_value_under_the_wrong_label() -> None:
    text = (
        "Title here\n\nProject facts\n\nProject promoter:\nGmina Piła(PL)\nProject Number:\nCompleted\n"
        "Final project cost:\nDonor Project Partners:\nLørenskog kommune(NO)\nOther Project Partners\n\n"
        "Programme:\n\nDescription\nText."
    )
    doc = Document("k", "k", text, None, None, "en", "utf-8", "text/plain", "0" * 64)
    ex = extract(doc)
    p = ex.projects[0]
    assert p.status == "Completed" and p.number is None and p.costs == ()
    assert ("donor_partner", "Lørenskog kommune", "NO", "municipality") in _roles(ex)
    assert any("read as the status" in n for n in ex.notes)
    assert any("Final project cost" in n for n in ex.notes)


def test_saved_html_page() -> None:
    doc = read_document(PAGES / "saved-page.html", root=PAGES)
    assert isinstance(doc, Document)
    assert doc.source_url == "https://eeagrants.org/archive/2014-2021/projects/SDDW-0079"
    ex = extract(doc)
    p = ex.projects[0]
    assert (p.number, p.name, p.status) == (
        "SDDW-0079",
        "Experience Exchange for Decent Work",
        "Completed",
    )
    assert [(c.amount, c.kind) for c in p.costs] == [(Decimal("79445"), "final")]
    assert (
        "donor_partner",
        "Norwegian Association of Local and Regional Authorities",
        "NO",
        None,
    ) in {(r, n, c, None) for r, n, c, _t in _roles(ex)}
    assert [(e.type, e.place.name if e.place else None) for e in ex.events] == [
        ("study_visit", "Norway")
    ]
    assert "Cookies" not in doc.text and "dataLayer" not in doc.text


@pytest.mark.parametrize(
    ("text", "promoter", "partner", "number", "status"),
    [
        ("Wizyta studyjna w Bergen\nBeneficjent: Gmina Nowa Wola (PL)\n"
         "Partnerzy projektu: Bergen kommune (NO)\nNumer projektu: PL-LOCALDEV-0042\n"
         "Wartość projektu: 1 200 000 EUR\nDofinansowanie: 1 020 000 EUR\n"
         "Stan realizacji: zakończony\n\nProjekt dotyczył współpracy gmin.",
         "Gmina Nowa Wola", "Bergen kommune", "PL-LOCALDEV-0042", "Completed"),
        ("Pieredzes apmaiņa\nProjekta īstenotājs: Valkas novada pašvaldība (LV)\n"
         "Partneri: Tromsø kommune (NO)\nProjekta numurs: LV03-0011\n"
         "Projekta budžets: 80 000 EUR\nStatuss: pabeigts\n",
         "Valkas novada pašvaldība", "Tromsø kommune", "LV03-0011", "Completed"),
        ("Spolupráce škol\nPříjemce: Základní škola Horní Lhota (CZ)\n"
         "Partneři projektu: Bodø videregående skole (NO)\nČíslo projektu: CZ-EDU-0007\n"
         "Rozpočet projektu: 1 500 000 CZK\nStav: v realizaci\n",
         "Základní škola Horní Lhota", "Bodø videregående skole", "CZ-EDU-0007",
         "In implementation"),
    ],
)  # fmt: skip
def test_facts_labelled_in_the_pages_own_language(
    text: str, promoter: str, partner: str, number: str, status: str
) -> None:
    from partnergraph.graph.extract.facts import parse_facts

    block = parse_facts(text)
    assert block is not None
    roles = {(r.org.name, r.role) for r in block.roles}
    assert (promoter, "promoter") in roles
    assert (partner, "donor_partner") in roles  # a partner from a donor state
    assert (block.project.number, block.project.status) == (number, status)
    assert block.project.costs and block.project.costs[0].kind == "initial"


def test_a_table_copied_as_text_is_a_facts_block() -> None:
    """ "Label | value" lines (a table copied as text) are read as labels and values; the
    title line names the project."""
    ex = _extract("table-layout.txt", LAYOUTS)
    [p] = ex.projects
    assert p.name == "Harbour Stories Gdynia – Stavanger"
    assert [(c.amount, c.currency) for c in p.costs] == [(Decimal(180000), "EUR")]
    assert {("promoter", "Gdynia City Museum"), ("donor_partner", "Stavanger Museum")} <= {
        (role, name) for role, name, _cc, _type in _roles(ex)
    }


def test_prose_before_a_facts_block_at_the_end_of_the_page_is_read() -> None:
    """A facts block at the end of a page: the prose before it is read too, and partners
    given on their label's line apart at semicolons are each a partner."""
    ex = _extract("facts-at-end.txt", LAYOUTS)
    assert {
        ("donor_partner", "Norwegian Institute for Water Research", "NO"),
        ("partner", "Olomouc Region", "CZ"),
    } <= {(role, name, cc) for role, name, cc, _type in _roles(ex)}
    assert "Palacký University Olomouc" in {o.name for o in ex.organisations}


def test_a_page_whose_roles_pair_no_one_pairs_its_donor_and_beneficiary_state_bodies() -> None:
    """The last resort, on a project page in prose: the page is about one bilateral
    partnership, so where no promoter and partner are told, each donor-state organisation
    is paired with each beneficiary-state one, and the link says it was paired so."""

    text = (
        "Green Schools for Lublin\n\nThe Lublin Youth Centre leads the activities in twelve "
        "schools. Teachers of the University of Bergen share their methods of outdoor "
        "teaching.\n"
    )
    links = extract(_page(text)).links
    assert [(link.a.name, link.b.name) for link in links] == [
        ("University of Bergen", "Lublin Youth Centre")
    ]
    assert "last resort" in links[0].why and "project page" in links[0].why
    # two bodies of one country: nothing to pair
    assert extract(_page(text.replace("Bergen", "Gdansk"))).links == ()


def test_a_bulleted_list_of_bodies_that_names_the_lead_partner_lists_the_partners() -> None:
    """A project page's bulleted list of bodies, one to an item, one of them with a role
    in the project ("– Lead partner"): the others are its partners (donor project partners
    from a donor state); a list of other things, or one with no body of the project, gives
    no role."""

    listed = (
        "Name of the project: Clean Rivers of Lublin\n\nDuration of the project: 2022 - 2024\n\n"
        "  • Lublin Water Association (LWA) – Lead partner\n"
        "  • Gdansk Youth Association\n"
        "  • University of Bergen\n"
    )
    roles = {(r.role, r.org.name) for r in extract(_page(listed)).roles}
    assert {
        ("promoter", "Lublin Water Association"),
        ("partner", "Gdansk Youth Association"),
        ("donor_partner", "University of Bergen"),
    } <= roles
    # no body of the project in the list: no role from it
    unled = listed.replace(" – Lead partner", "")
    assert "Gdansk Youth Association" not in {
        r.org.name for r in extract(_page(unled)).roles if r.role in ("partner", "promoter")
    }
    # an item that says more than a body's name ends the list
    told = listed.replace(
        "  • Gdansk Youth Association\n",
        "  • Training for teachers of the Gdansk Youth Association in twelve schools of the"
        " region, with workshops and study visits for the staff of every school\n",
    )
    assert ("partner", "Gdansk Youth Association") not in {
        (r.role, r.org.name) for r in extract(_page(told)).roles
    }


def test_partners_under_the_labels_other_publishers_give_them() -> None:
    """ "Lead partner", "Other partners", "Partner institutions": a layout's own words for
    the promoter and the partners (a page written for the test)."""
    ex = _extract("partner-labels.txt", LAYOUTS)
    assert {
        ("promoter", "Klaipėda State Seaport Authority"),
        ("donor_partner", "Norwegian Coastal Administration"),
        ("partner", "Klaipėda University"),
        ("partner", "Port of Oslo"),
        ("partner", "Vilnius Gediminas Technical University"),
    } <= {(role, name) for role, name, _cc, _type in _roles(ex)}


def test_an_inline_partner_list_parts_after_a_country_in_brackets_and_total_cost() -> None:
    """ "Partners: Oslo Municipality (Norway), Lithuanian Energy Agency" is two partners
    (one name before); "Total cost:" is the project's cost, ahead of its grant."""
    ex = _extract("partners-inline-with-countries.txt", LAYOUTS)
    assert ("donor_partner", "Oslo Municipality", "NO", "municipality") in _roles(ex)
    assert ("partner", "Lithuanian Energy Agency", "LT", "agency") in _roles(ex)
    [p] = ex.projects
    assert {(c.kind, c.amount, c.currency) for c in p.costs} >= {
        ("initial", Decimal("1250000"), "EUR"),
        ("grant", Decimal("1062500"), "EUR"),
    }


def test_a_partner_label_in_the_singular_with_its_project() -> None:
    """ "Partner projektu:" (Czech, one partner) is a partners' label (the partner, from
    Norway in a Czech project, a donor project partner)."""
    ex = _extract("czech-singular-partner-label.txt", LAYOUTS)
    assert {(r.role, r.org.name) for r in ex.roles if not r.target.startswith("e")} >= {
        ("promoter", "Povodí Vltavy, státní podnik"),
        ("donor_partner", "Norwegian Institute for Water Research"),
    }


def test_a_partner_list_that_gives_countries_parts_at_each_comma_before_a_capital() -> None:
    """ "Projekta partneri: Vidzemes Augstskola, Stavanger kommune (Norvēģija)": a list
    that gives a country in brackets is one of names; the country, in Latvian, is the
    last partner's and no part of its name (Vidzeme, a Latvian planning region, tells the
    first one's)."""
    ex = _extract("latvian-partners-with-country.txt", LAYOUTS)
    partners = {(r.org.name, r.org.country) for r in ex.roles if r.role.endswith("partner")}
    assert partners >= {("Vidzemes Augstskola", "LV"), ("Stavanger kommune", "NO")}


def test_where_the_facts_block_states_no_roles_the_prose_gives_them() -> None:
    """A facts block at the end that names no promoter nor partner leaves the project's
    roles to the prose before it ("works together with …")."""
    ex = _extract("facts-at-end-without-roles.txt", LAYOUTS)
    [project] = ex.projects
    roles = {(r.org.name, r.role) for r in ex.roles if r.target == project.key}
    assert ("Riga Technical University", "partner") in roles
    assert ("Latvian Rural Water Association", "partner") in roles


def test_a_title_under_a_label_and_a_label_the_reader_does_not_know() -> None:
    """ "Project title: …" names the project (no label in its name); "Duration of the
    project:" gives its dates; the value of a label the reader does not know is read as
    prose, so the organisation it names is found."""
    ex = _extract("titled-labels.txt", LAYOUTS)
    [p] = ex.projects
    assert p.name == "Digital Archives for Regional Museums"
    assert (p.start, p.end) == (date(2021, 2, 1), date(2023, 1, 31))
    assert [(c.amount, c.currency) for c in p.costs] == [(Decimal(812340), "EUR")]
    assert "Arts Council Norway" in {o.name for o in ex.organisations}


@pytest.mark.parametrize(
    ("language", "text", "cost"),
    [
        ("en", "Green Schools\n\nThe project budget is EUR 450 000, of which EUR 382 500 "
               "comes from the EEA Grants. Riga City Council leads the project.",
         (Decimal(450000), "EUR", "initial")),
        ("pl", "Zielone Szkoły\n\nCałkowita wartość projektu to 141 912,32 €. Projekt "
               "prowadzi Gmina Kocierzew Południowy.",
         (Decimal("141912.32"), "EUR", "initial")),
        ("en", "Within the project \u201cGreen Schools\u201d, the National Association of "
               "Municipalities has received a grant amounting to BGN 2 million.",
         (Decimal(2000000), "BGN", "grant")),
    ],
)  # fmt: skip
def test_a_cost_the_prose_states_is_the_projects(
    language: str, text: str, cost: tuple[Decimal, str, str]
) -> None:
    doc = Document("p", "p", text, None, "project-page", language, "utf-8", "text/plain", "0" * 64)
    [p] = extract(doc).projects
    assert [(c.amount, c.currency, c.kind) for c in p.costs] == [cost]


def test_an_amount_in_a_sentence_about_no_project_is_no_cost() -> None:
    text = "Green Schools\n\nThe municipality's total budget is EUR 9 million this year."
    doc = Document("p", "p", text, None, "project-page", "en", "utf-8", "text/plain", "0" * 64)
    assert all(not p.costs for p in extract(doc).projects)


def test_a_title_of_the_project_word_and_a_quoted_name_is_the_name() -> None:
    """ "Projektas „Žalioji mokykla“": the project's word before the quotes is no part of
    its name; "Orçamento total:" is the project's cost in Portuguese."""
    text = (
        "Projektas \u201eŽalioji mokykla\u201c\n\n"
        "Projekto vykdytojas: Kėdainių rajono savivaldybės administracija\n"
        "Projekto partneriai: Asker kommune (Norvegija)\n"
        "Orçamento total: 250 000 Eur\n"
    )
    doc = Document("p", "p", text, None, "project-page", "lt", "utf-8", "text/plain", "0" * 64)
    [p] = extract(doc).projects
    assert p.name == "Žalioji mokykla"
    assert [(c.amount, c.kind) for c in p.costs] == [(Decimal(250000), "initial")]


def test_a_label_and_its_value_on_one_line_with_nothing_between() -> None:
    """A table's rows flattened to text: "Project promoter Bergen Theatre(NO)" is a label and
    its value; a cost needs an amount, a number a code, a status a status word."""
    text = (
        "Stages without borders\n\n"
        "Project promoter Teatr Nowy w Krakowie(PL)\n"
        "Project Number PL-CULTURE-0099\n"
        "Status Completed\n"
        "Initial project cost €240,500\n"
        "Donor Project Partners Bergen Theatre(NO)\n"
        "Other Project Partners Fundacja Sztuki Polskiej(PL)\n\n"
        "The project brought two theatres together.\n"
    )
    p, roles = _read_page(text)
    assert (p.name, p.number, p.status) == (
        "Stages without borders",
        "PL-CULTURE-0099",
        "Completed",
    )
    assert [(c.amount, c.kind) for c in p.costs] == [(Decimal("240500"), "initial")]
    assert {
        ("promoter", "Teatr Nowy w Krakowie", "PL"),
        ("donor_partner", "Bergen Theatre", "NO"),
        ("partner", "Fundacja Sztuki Polskiej", "PL"),
    } <= roles


def test_labels_glued_to_their_values_and_partners_named_by_their_state() -> None:
    """A table flattened with no space between a label and its value ("Number of the
    ProjectCZ-CULT-0042"); a label alone on its line with its value after a blank line;
    partners "from Donor State" and a grants state's partners ("Slovak Partner"); a
    country given by its ISO three-letter code ("(NOR)")."""
    text = (
        "Songs of the river\n\n"
        "Title of the ProjectSongs of the river\n"
        "Number of the ProjectSK-CULT-0042\n"
        "Project Promoter\n\n"
        "Bratislava Puppet Theatre\n\n"
        "Project Partner from Donor State\n\n"
        "Tromsø Folk Music Society (NOR)\n\n"
        "Slovak Partner\n\n"
        "Košice Music Conservatory\n\n"
        "More Information\n\n"
        "The project brings musicians of both countries together.\n"
    )
    p, roles = _read_page(text)
    assert (p.name, p.number) == ("Songs of the river", "SK-CULT-0042")
    assert roles == {
        ("promoter", "Bratislava Puppet Theatre", "SK"),
        ("donor_partner", "Tromsø Folk Music Society", "NO"),
        ("partner", "Košice Music Conservatory", "SK"),
    }


def test_a_title_that_starts_with_a_label_word_is_no_label() -> None:
    """ "Budget Reform in Latvia" beside the labels is the page's title (a cost's value is an
    amount), and "Programme Name: …" is a label the reader does not know, not "Programme"."""
    text = (
        "Budget Reform in Latvia\n"
        "Project promoter: Latvian Budget Office(LV)\n"
        "Programme Name: Good Governance\n"
        "Project Number: LV-GOV-0007\n"
    )
    p, roles = _read_page(text)
    assert (p.name, p.number, p.programme) == ("Budget Reform in Latvia", "LV-GOV-0007", None)
    assert ("promoter", "Latvian Budget Office", "LV") in roles


def test_labels_set_in_markdown_bold() -> None:
    text = (
        "# Green harbours\n\n"
        "**Project promoter:** Port of Gdynia Authority(PL)\n"
        "**Project Number:** PL-CLIMATE-0042\n"
        "**Donor Project Partners:**\n"
        "Port of Bergen(NO)\n"
    )
    p, roles = _read_page(text)
    assert p.number == "PL-CLIMATE-0042"
    assert {
        ("promoter", "Port of Gdynia Authority", "PL"),
        ("donor_partner", "Port of Bergen", "NO"),
    } <= roles


def test_a_long_title_above_prose_with_the_facts_at_the_end() -> None:
    """A project's name may run past 200 characters; with the facts block at the end of the
    page, the first line is still its title."""
    name = (
        "Heritage in three dimensions. Digitising the collections of two museums and opening "
        "them to schools, researchers and visitors - the partnership of the Regional Museum "
        "in Tarnów and the Trøndelag Folk Museum"
    )
    text = (
        f"{name}\n\nDescription\n\nThe museums digitise their collections together.\n\n"
        "Project facts\n\nProject promoter:\nRegional Museum in Tarnów(PL)\n"
        "Project Number:\nPL-CULTURE-0123\n"
    )
    assert len(name) > 200
    [p] = extract(_page(text)).projects
    assert (p.name, p.number) == (name, "PL-CULTURE-0123")


def test_labels_parted_from_their_values_by_a_dash_or_written_in_capitals() -> None:
    text = (
        "Clean rivers together\n\n"
        "Project promoter – Vidzeme Planning Region(LV)\n"
        "Project Number – LV-ENV-0031\n"
        "Donor Project Partners – Norwegian Institute for Nature Research(NO)\n"
    )
    p, roles = _read_page(text)
    assert (p.name, p.number) == ("Clean rivers together", "LV-ENV-0031")
    assert {
        ("promoter", "Vidzeme Planning Region", "LV"),
        ("donor_partner", "Norwegian Institute for Nature Research", "NO"),
    } <= roles
    # a list in prose under a label in capitals: each item a body, lower-case words too
    prose = (
        "PROJECT “Care at home”\n\nPROJECT PARTNERS: Utena Day Care Centre, Kėdainiai District "
        "Municipality, Fleksibel helse Norge (Norway).\n"
    )
    names = {o.name for o in extract(_page(prose)).organisations}
    assert {"Utena Day Care Centre", "Fleksibel helse Norge"} <= names


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("ROMANIA | Research", "Better Water for Cluj"),  # a site's path: no title
        ("Home › Projects › Water", "Better Water for Cluj"),
        ("Better Water for Cluj | EEA Grants", "Better Water for Cluj"),  # the site's name
    ],
)
def test_a_sites_path_above_the_title_is_no_title(first: str, title: str) -> None:
    text = (
        f"{first}\n\nBetter Water for Cluj\n"
        "Project promoter   Technical University of Cluj-Napoca\n"
        "Project partner    Norwegian Institute for Water Research (NIVA)\n"
    )
    ex = extract(_page(text))
    assert [p.name for p in ex.projects] == [title]


def test_persons_a_facts_block_lists_among_the_partners_are_no_organisations() -> None:
    """Natural persons may be a project's partners; they are not organisations: the page's
    bodies and the partnership between them stay, the persons are named in a note."""
    text = (
        "Study tour\n\nBilateral initiative facts\n\nPromoter:\nGmina Nowa Wieś(PL)\n"
        "Status:\nCompleted\nPartners:\nTeater Nordlys(NO)\nIngrid Marie Dahl(NO)\n"
        "Tomasz Nowak(NO)\n\nDescription\n\nThe visit strengthened bilateral relations.\n"
    )
    doc = Document("p", "p.txt", text, None, "project-page", "en", "utf-8", "text/plain", "")
    ex = extract(doc)
    assert {o.name for o in ex.organisations} == {"Gmina Nowa Wieś", "Teater Nordlys"}
    assert {(r.org.name, r.role) for r in ex.roles if r.target == ex.projects[0].key} >= {
        ("Gmina Nowa Wieś", "promoter"),
        ("Teater Nordlys", "donor_partner"),
    }
    assert any("'Ingrid Marie Dahl' is a person" in note for note in ex.notes)
    assert any("'Tomasz Nowak' is a person" in note for note in ex.notes)


def test_a_label_in_two_languages_is_the_label_this_reader_knows() -> None:
    """ "Projektgazda/Project promoter …": the page's own label, a slash, then the English
    one; "Donor institution/ programme:" is one label of two words (the second opens in a
    small letter), not "programme"."""
    from partnergraph.graph.extract.facts import parse_facts

    text = (
        "Project facts\nProjektgazda/Project promoter Kmop Alapítvány (HU)\n"
        "Állapot / Status: Completed\nDonor institution/ programme: EEA Grants (Innovation "
        "Norway)\nProjektazonosító / Project Number: HU01-0022\n"
    )
    block = parse_facts(text)
    assert block is not None
    assert (block.project.number, block.project.status) == ("HU01-0022", "Completed")
    assert block.project.programme is None
    assert [(r.role, r.org.name, r.org.country) for r in block.roles] == [
        ("promoter", "Kmop Alapítvány", "HU")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The joint project we prepared is entitled \u201cSafer Homes for Every Family\u201d.",
        "The new project is called \u201cSafer Homes for Every Family\u201d and starts in May.",
    ],
)
def test_a_page_names_another_project_its_own_prepares(sentence: str) -> None:
    """A page's project (from its facts block) may name another it prepares or discusses,
    a few words between the project's word and the naming one: that one is a project of
    the page too; the page's stays first, with its roles."""
    text = (
        "Study visit of the Oslo Crisis Centre to Brno\n\nProject facts\n"
        "Project promoter: Brno Family Centre (CZ)\nProject number: CZ-BI-0042\n"
        "Partners: Oslo Crisis Centre (NO)\n\n"
        "The two centres met in Oslo in May 2020 to compare how they shelter families "
        f"and to plan the work they will share in the next three years. {sentence}\n"
    )
    ex = extract(_page(text))
    assert [(p.number, p.name) for p in ex.projects][1:] == [(None, "Safer Homes for Every Family")]
    assert ex.projects[0].number == "CZ-BI-0042"
    assert ("Brno Family Centre", "promoter") in {
        (r.org.name, r.role) for r in ex.roles if r.target == ex.projects[0].key
    }


def test_a_news_items_project_named_a_few_words_after_its_word() -> None:
    """ "the project they discussed is titled “…”": the quoted name is the project's."""
    text = (
        "Brno Family Centre hosted Oslo Crisis Centre. The project they discussed is titled "
        "\u201cSafer Homes for Every Family\u201d.\n"
    )
    doc = Document("n", "n.txt", text, None, "news", "en", "utf-8", "text/plain", "")
    assert [p.name for p in extract(doc).projects] == ["Safer Homes for Every Family"]


def test_a_page_in_two_languages_with_its_own_spelling_and_names_in_both() -> None:
    """A programme site's page in two languages: labels "Projektgazda/Projekt Promoter"
    (the English label in the page's spelling of "project"), "Hazai Projekt Partnerek/
    National Project Partner" (on a line too long for a label alone, were the first
    language's label counted), a body named in both languages ("Hajdúszoboszló Város
    Önkormányzata/ Local Government of Hajdúszoboszló Town": the first is its name), a
    value after a stray ">", a period written year first with dots."""
    text = (
        "Hajdúszoboszló and Tiszakécske: sharing how towns care for the elderly\n\n"
        "Project ID: HU01-0047-PIERO-A2-2018\n\n"
        "Projektgazda/Projekt Promoter Hajdúszoboszló Város Önkormányzata/ Local "
        "Government of Hajdúszoboszló Town\n"
        "Megvalósítási időszak/Implementation period 2018.03.01- 2018.09.30\n"
        "Hazai Projekt Partnerek/National Project Partner Tiszakécske Város Önkormányzata; "
        "Magyar Önkormányzatok Szövetsége\n"
        "Donor Projekt Partner/Donor Project Partner >Askøy kommune\n"
        "Összköltség / Total budget (EUR) 4 120 000 HUF/13 250 EUR\n\n"
        "The study visit took place in Askøy in June 2018.\n"
    )
    ex = extract(_page(text))
    p = ex.projects[0]
    assert p.number == "HU01-0047-PIERO-A2-2018"
    assert (p.start, p.end) == (date(2018, 3, 1), date(2018, 9, 30))
    assert [(c.amount, c.currency) for c in p.costs] == [
        (Decimal(4120000), "HUF"),
        (Decimal(13250), "EUR"),
    ]
    roles = {(r.org.name, r.role, r.org.country) for r in ex.roles if r.target == p.key}
    assert roles == {
        ("Hajdúszoboszló Város Önkormányzata", "promoter", "HU"),
        ("Tiszakécske Város Önkormányzata", "partner", "HU"),
        ("Magyar Önkormányzatok Szövetsége", "partner", "HU"),
        ("Askøy kommune", "donor_partner", "NO"),
    }


def test_a_partner_from_a_donor_state_is_a_donor_partner_of_a_beneficiary_states_project() -> None:
    """The grants call a project partner from Iceland, Liechtenstein or Norway a donor
    project partner: a page that lists one among its "Project partners" (its country in
    brackets, the list's full stop after them) in a project whose other bodies are of a
    beneficiary state gives it that role."""
    text = (
        "PROJECT \u201cSmart services for small towns\u201d\n\n"
        "Project duration: September 9, 2015 \u2013 April 30, 2016.\n\n"
        "Project partners: Utena District Municipality, Kaunas District Municipality, "
        "Asker Næringsråd (Norway).\n\n"
        "The partners met in Utena to share how small towns plan their services.\n"
    )
    ex = extract(_page(text))
    key = ex.projects[0].key
    assert {(r.org.name, r.org.country, r.role) for r in ex.roles if r.target == key} == {
        ("Utena District Municipality", "LT", "partner"),
        ("Kaunas District Municipality", "LT", "partner"),
        ("Asker Næringsråd", "NO", "donor_partner"),
    }


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pl", "Projekt realizowany jest przez Gminę Nowa Wieś, w partnerstwie z Teatrem "
               "Nordlys (Norwegia) oraz Gminną Biblioteką Publiczną w Nowej Wsi."),
        ("cs", "Projekt realizuje Obec Nová Ves v partnerství s Teatrem Nordlys (Norsko) a "
               "Obecní knihovnou Nová Ves."),
    ],
)  # fmt: skip
def test_in_partnership_with_names_a_pages_partners(language: str, text: str) -> None:
    """ "In partnership with" (Polish "w partnerstwie z", Czech "v partnerství s", as the
    English, Romanian and Portuguese cues already read) makes the bodies after it the
    page's project's partners; "realizowany jest przez" ("implemented by") its promoter."""
    doc = Document("p", "p.txt", f"Zielona Szkoła\n\n{text}\n", None, "project-page",
                   language, "utf-8", "text/plain", "")  # fmt: skip
    ex = extract(doc)
    key = ex.projects[0].key
    roles = {(r.role, r.org.country) for r in ex.roles if r.target == key}
    assert ("donor_partner", "NO") in roles
    assert any(role == "promoter" for role, _cc in roles)
    assert sum(role == "partner" for role, _cc in roles) == 1


def test_a_donor_state_partner_the_prose_names_is_a_donor_partner_whoever_else_is_named() -> None:
    """The rule the facts block applies to its partners holds for those the prose names
    too, whether or not a beneficiary state's body is read beside them."""
    text = (
        "Bilateral Initiative\n\nThe bilateral initiative is being implemented under the fund "
        "by Emfasis Non-Profit and its partners Nordlys Teater (Norway) and Aktive Kvinner "
        "i Bjerke (Norway).\n"
    )
    ex = extract(_page(text))
    assert ("Nordlys Teater", "NO", "donor_partner") in {
        (r.org.name, r.org.country, r.role) for r in ex.roles
    }
    assert not any(r.role == "partner" and r.org.country == "NO" for r in ex.roles)
