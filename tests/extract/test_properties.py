"""Property tests (hypothesis) on every parser: never crash, keep offsets, invent nothing."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnergraph import queries
from partnergraph.graph.extract.facts import _period, split_name_country
from partnergraph.graph.extract.model import Extraction
from partnergraph.graph.extract.portal import PortalError, read_json, read_table
from partnergraph.graph.extract.prose import read_text, sentences
from partnergraph.graph.sources import Document, _decode, _html_to_text

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LANGS = st.sampled_from(["en", "no", "pl", "lv", "lt", "cs", "bg", "xx"])


def _doc(text: str, media_type: str = "text/plain") -> Document:
    return Document("k", "k", text, None, None, "en", "utf-8", media_type, "0" * 64)


@SETTINGS
@given(st.binary(max_size=3000))
def test_decoding_never_crashes(raw: bytes) -> None:
    result = _decode(raw)
    assert isinstance(result, str) or (isinstance(result[0], str) and isinstance(result[1], str))


@SETTINGS
@given(st.text(max_size=1500), LANGS)
def test_prose_reader_never_crashes_and_keeps_offsets(text: str, lang: str) -> None:
    facts = read_text(text, lang)
    for org in facts.organisations:
        assert 0 <= org.evidence.start < org.evidence.end <= len(text)
        span = text[org.evidence.start : org.evidence.end]
        assert span.strip() and span in org.evidence.sentence  # evidence is real text
    for event in facts.events:
        assert event.start is None or event.end is None or event.start <= event.end
    for s in sentences(text):
        assert text[s.start : s.end] == s.text


BOILERPLATE = [
    "Information on the projects funded by the EEA and Norway Grants is provided by the Programme and "
    "Fund Operators in the Beneficiary States, who are responsible for the completeness and accuracy of this information.",
    "You may also like", "Leave a Comment", "Home » News", "Jump to navigation Jump to content",
    "Share this article", "Read more", "Cookies help us deliver our services.", "More information",
    "Description", "Summary of project results", "Print this page", "Back to top",
    "the weather was fine and everybody enjoyed the coffee", "Thank you for reading.",
]  # fmt: skip


@SETTINGS
@given(
    st.lists(st.sampled_from(BOILERPLATE), min_size=1, max_size=12),
    st.sampled_from(["\n", " ", "\n\n"]),
)
def test_boilerplate_never_becomes_an_organisation(parts: list[str], sep: str) -> None:
    assert read_text(sep.join(parts), "en").organisations == ()


@SETTINGS
@given(st.text(max_size=300))
def test_name_splitting_never_crashes(value: str) -> None:
    _name, country, acronym = split_name_country(value)
    assert country is None or (len(country) == 2 and country.isupper())
    assert acronym is None or acronym.strip() == acronym


@SETTINGS
@given(st.text(max_size=80))
def test_period_never_crashes(value: str) -> None:
    period = _period(value)
    assert period is None or period[0] <= period[1]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["programme", "programmes", "PJPT", "PJDPP", "PO", "DPP", "projects", "name", "nuts",
                         "LV07", "src_nuts", "dst_nuts", "is_dpp", "beneficiary", "donor", "x"]),
        children, max_size=6),
    max_leaves=30,
)  # fmt: skip


@SETTINGS
@given(st.lists(JSON_VALUES, max_size=5))
def test_portal_json_never_crashes(rows: list[object]) -> None:
    try:
        ex = read_json(_doc(json.dumps(rows), "application/json"))
    except PortalError:
        return
    assert isinstance(ex, Extraction)
    for role in ex.roles:
        assert role.org.name


@SETTINGS
@given(st.lists(st.lists(st.text(max_size=15), max_size=6), max_size=6))
def test_portal_tables_never_crash(rows: list[list[str]]) -> None:
    header = ["Project code", "Project promoter", "Donor project partners", "Grant amount"]
    for table in (rows, [header, *rows]):
        try:
            ex = read_table(_doc(""), table)
        except PortalError:
            continue
        assert all(p.key for p in ex.projects)


@SETTINGS
@given(st.text(max_size=2000))
def test_html_to_text_never_crashes(html: str) -> None:
    converted = _html_to_text(f"<html><body>{html}</body></html>")
    assert converted is None or isinstance(converted[0], str)


@SETTINGS
@given(st.text(max_size=200))
def test_query_headers_never_crash(header: str) -> None:
    try:
        q = queries.parse("x", f"# {header}\nSELECT * WHERE {{ }}")
    except ValueError:
        return
    assert q.sparql.endswith("}")


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "…", "\x00", "A" * 5000])
def test_edge_texts(text: str) -> None:
    read_text(text, "en")
