"""The "Project facts" block and its variants, on the seeds and the real corpus pages."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from partnergraph.graph.extract.facts import parse_facts, split_name_country
from partnergraph.graph.record import headline_cost
from partnergraph.graph.sources import Document, read_document

from ..conftest import EXAMPLES, FIRST_CORPUS


def _text(path: Path) -> str:
    doc = read_document(path, root=path.parent)
    assert isinstance(doc, Document)
    return doc.text


def test_seed_project_page() -> None:
    block = parse_facts(_text(EXAMPLES / "seeds" / "000_f080a065eb91adb1.txt"))
    assert block is not None
    p = block.project
    assert (p.number, p.name, p.status) == (
        "SDDW-0079",
        "Experience Exchange for Decent Work",
        "Completed",
    )
    assert [(c.amount, c.currency, c.kind) for c in p.costs] == [(Decimal("79445"), "EUR", "final")]
    roles = sorted((r.role, r.org.name, r.org.country) for r in block.roles)
    assert roles == [
        ("donor_partner", "Norwegian Association of Local and Regional Authorities", "NO"),
        ("promoter", "Latvian Association of Local and Regional Governments", "LV"),
    ]
    assert block.notes == ()


def test_news_item_has_no_facts_block() -> None:
    assert parse_facts(_text(EXAMPLES / "seeds" / "002_c84218a7ceba7421.txt")) is None


def test_damaged_block_reads_what_it_can_and_says_what_it_could_not() -> None:
    text = (
        "Improving social dialogue\n\nProject facts\n\nProject promoter:\n"
        "Latvian Trade Union of Education and Science Employees (LIZDA)(LV)\nProject Number:\n"
        "In implementation\nInitial project cost:\nDonor Project Partners:\nUtdanningsforbundet Finnmark(NO)\n"
        "Other Project Partners\nLatvian Association of Large Cities(LV)\n\nDescription\nText."
    )
    block = parse_facts(text)
    assert block is not None
    assert block.project.number is None and block.project.status == "In implementation"
    assert block.project.key == "name:Improving social dialogue"
    promoter = next(r.org for r in block.roles if r.role == "promoter")
    assert (promoter.name, promoter.country, promoter.acronym) == (
        "Latvian Trade Union of Education and Science Employees", "LV", "LIZDA",
    )  # fmt: skip
    assert any("read as the status" in n for n in block.notes)
    assert any("no amount" in n for n in block.notes)


def test_name_with_parentheses_and_native_names() -> None:
    assert split_name_country("Inland Norway University of Applied Sciences (INN)(NO)") == (
        "Inland Norway University of Applied Sciences", "NO", "INN",
    )  # fmt: skip
    assert split_name_country("Háskólinn í Reykjavík(IS)") == ("Háskólinn í Reykjavík", "IS", None)
    assert split_name_country("municipal sector''s partner(NO)")[0] == "municipal sector's partner"
    # a country's name in brackets is its country, not an acronym (in any language)
    assert split_name_country("Bergen kommune (Norway)") == ("Bergen kommune", "NO", None)
    assert split_name_country("Gmina Kędzierzyn-Koźle (Polska)") == (
        "Gmina Kędzierzyn-Koźle", "PL", None,
    )  # fmt: skip
    assert split_name_country("Norsk Folkehjelp (NPA)") == ("Norsk Folkehjelp", None, "NPA")


def test_a_country_after_a_comma_is_where_the_body_is() -> None:
    assert split_name_country("Stavanger Kulturhus, Norway") == ("Stavanger Kulturhus", "NO", None)
    assert split_name_country("Fundação Serralves, Portugal.") == ("Fundação Serralves", "PT", None)
    # a name that names a country keeps it: an embassy is its state's, wherever it stands
    assert split_name_country("Embassy of Latvia in Oslo, Norway") == (
        "Embassy of Latvia in Oslo", None, None,
    )  # fmt: skip
    # a comma inside a name is no country's
    assert split_name_country("Centre for Peace, Dialogue and Reconciliation")[1] is None


def test_a_partner_list_goes_on_after_a_line_that_ends_in_a_semicolon() -> None:
    text = (
        "Bridges of Song\n\n"
        "Promoter: Coro Misto de Braga\n"
        "Partners: Stavanger Kulturhus, Norway;\n"
        "Vestfold Sangforening, Norway;\n"
        "Kórinn Hljómur, Iceland\n"
        "Grant: 12 400,00 €\n"
    )
    block = parse_facts(text)
    assert block is not None
    partners = {(r.org.name, r.org.country, r.role) for r in block.roles if r.role != "promoter"}
    assert partners == {
        ("Stavanger Kulturhus", "NO", "donor_partner"),
        ("Vestfold Sangforening", "NO", "donor_partner"),
        ("Kórinn Hljómur", "IS", "donor_partner"),
    }
    assert [c.amount for c in block.project.costs] == [Decimal("12400.00")]


def test_the_grants_name_as_a_label_is_the_grant_and_an_unknown_label_may_hold_the_number() -> None:
    text = (
        "Bridges of Song\n\n"
        "Promoter: Coro Misto de Braga\n"
        "EEA Grants: 9 000,00 €\n"
        "Total Amount: 10 000,00 €\n"
        "Reference: PT-CULT07\n"
        "Contact: Maria Silva\n"
    )
    block = parse_facts(text)
    assert block is not None
    assert block.project.number == "PT-CULT07"
    assert {(c.kind, c.amount) for c in block.project.costs} == {
        ("grant", Decimal("9000.00")), ("total", Decimal("10000.00")),
    }  # fmt: skip
    # the cost a person quotes is the total, not the part the grants paid
    assert headline_cost(block.project).amount == Decimal("10000.00")  # type: ignore[union-attr]
    # a value that is no project number under a label we do not know gives none
    other = parse_facts(text.replace("PT-CULT07", "ask the office"))
    assert other is not None and other.project.number is None


def test_a_label_left_empty_is_no_value_of_the_field_before_it() -> None:
    text = (
        "Key facts\n"
        "Programme operator:\n"
        "Agency for Culture of Kraslava\n"
        "Donor programme partner:\n"
        "Arts Council Norway (ACN),\n"
        "Programme reference:\n"
        "Date of approval:\n"
        "12 March 2014\n"
    )
    block = parse_facts(text)
    assert block is not None
    names = {r.org.name for r in block.roles}
    assert "Arts Council Norway" in names
    assert not any("reference" in name.lower() for name in names), names


def _gold_pages(shared: Path) -> list[tuple[Path, dict]]:  # type: ignore[type-arg]
    out = []
    for gold in sorted((shared / "corpus" / "gold").glob("0*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        out.append((shared / "corpus" / "docs" / data["doc"], data))
    return out


def test_corpus_project_pages_give_their_gold_numbers_and_statuses(shared: Path) -> None:
    """Over every project page of the corpus: the first corpus's pages all right (their
    guard), and the floor the whole corpus earns (14 of 16 pages with a facts block)."""
    checked, right, wrong = 0, 0, []
    for doc_path, gold in _gold_pages(shared):
        block = parse_facts(_text(doc_path))
        expected = gold["projects"][0]
        if block is None:
            # pages stored without their facts block (cut before it): nothing to read there
            if doc_path.stem in FIRST_CORPUS:
                text = doc_path.read_text()[:3000].lower()
                assert expected.get("status") is None or "facts" not in text
            continue
        checked += 1
        number = block.project.number
        good = (number == expected["number"] or expected["number"] is None) and (
            block.project.status == expected["status"]
        )
        right += good
        if not good:
            wrong.append(doc_path.name)
            assert doc_path.stem not in FIRST_CORPUS, doc_path.name
    assert checked >= 14 and right >= checked - 2, wrong


def test_corpus_promoters_and_partners_with_countries(shared: Path) -> None:
    """Facts-block roles and countries: every one right on the first corpus, 85 in a hundred
    over the whole corpus (44 of 49 when this floor was set)."""
    from partnergraph.graph.extract import extract

    right, wrong = 0, []
    for doc_path, gold in _gold_pages(shared):
        doc = read_document(doc_path, root=doc_path.parent)
        assert isinstance(doc, Document)
        if parse_facts(doc.text) is None:
            continue
        got = {(r.org.name.casefold(), r.org.country, r.role) for r in extract(doc).roles}
        for org in gold["organisations"]:
            for role in org["roles"]:
                if role["role"] not in ("promoter", "partner", "donor_partner",
                                        "programme_operator"):  # fmt: skip
                    continue
                names = {org["name"].casefold(), *(a.casefold() for a in org["aliases"])}
                hit = next((c for n, c, r in got if n in names and r == role["role"]), "-")
                good = hit != "-" and (hit == org["country"] or "inferred" in json.dumps(org))
                right += good
                if not good:
                    wrong.append((doc_path.name, org["name"], role["role"], hit))
                    assert doc_path.stem not in FIRST_CORPUS, wrong[-1]
    assert right >= 0.85 * (right + len(wrong)), wrong


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_never_crashes_on_any_text(text: str) -> None:
    block = parse_facts(text)
    if block is not None:
        for role in block.roles:
            assert role.org.name and text[role.evidence.start : role.evidence.end].strip()


_NAME = st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9}){0,4}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(
    promoter=_NAME,
    partners=st.lists(
        st.tuples(_NAME, st.sampled_from(["NO", "IS", "LI"])), min_size=1, max_size=8
    ),
    others=st.lists(st.tuples(_NAME, st.sampled_from(["PL", "LV", "LT", "BG"])), max_size=5),
)
def test_never_drops_a_partner_line(
    promoter: str, partners: list[tuple[str, str]], others: list[tuple[str, str]]
) -> None:
    lines = [
        "Title of it",
        "",
        "Project facts",
        "",
        "Project promoter:",
        f"{promoter}(PL)",
        "Project Number:",
        "PL-TEST-0001",
        "Status:",
        "Completed",
        "Donor Project Partners:",
    ]
    lines += [f"{n}({c})" for n, c in partners]
    if others:
        lines += ["Other Project Partners"] + [f"{n}({c})" for n, c in others]
    lines += ["Programme:", "", "Description", "Some words."]
    block = parse_facts("\n".join(lines))
    assert block is not None
    got = [(r.org.name, r.org.country) for r in block.roles if r.role != "promoter"]
    assert got == [*partners, *others]
    donors = [r for r in block.roles if r.role == "donor_partner"]
    assert len(donors) == len(partners)
