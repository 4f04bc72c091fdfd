"""Amounts as publishers write them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnergraph.graph.extract.money import find_amounts, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€79,445", [(Decimal("79445"), "EUR")]),
        ("€ 292,877", [(Decimal("292877"), "EUR")]),
        ("86580.00€", [(Decimal("86580.00"), "EUR")]),
        ("EUR 13 000 000", [(Decimal("13000000"), "EUR")]),
        ("PLN 449,370 (EUR 93,700)", [(Decimal("449370"), "PLN"), (Decimal("93700"), "EUR")]),
        ("223 964 euros", [(Decimal("223964"), "EUR")]),
        ("€14,123,056", [(Decimal("14123056"), "EUR")]),
        ("NOK 1.250.000,50", [(Decimal("1250000.50"), "NOK")]),
        ("BGN 97 790", [(Decimal("97790"), "BGN")]),
        ("no money here, only 2021 and 24.11", []),
    ],
)
def test_amount_notations(text: str, expected: list[tuple[Decimal, str]]) -> None:
    assert [(a, c) for a, c, _s, _e in find_amounts(text)] == expected


def test_offsets_point_at_the_amount() -> None:
    text = "Final project cost: €79,445 in total"
    [(amount, _cur, start, end)] = find_amounts(text)
    assert text[start:end] == "€79,445"
    assert amount == 79445


@given(st.text(max_size=200))
def test_never_crashes_and_never_negative(text: str) -> None:
    for amount, currency, start, end in find_amounts(text):
        assert amount >= 0 and len(currency) == 3 and 0 <= start < end <= len(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_with_commas_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", " ")) == n


@given(st.lists(st.sampled_from(["Budget: 90 100 EUR", "grant €79,445", "PLN 1.2 million",
                                 "5 000 zł", "no amount here", "EUR 12"]), max_size=40))  # fmt: skip
def test_the_amounts_of_a_text_are_those_of_its_parts(parts: list[str]) -> None:
    """Amounts found in a long text (prose, now: a sentence may state many) are each
    part's, at its offset: one amount is never read twice nor lost beside another."""
    text = "; ".join(parts)
    expected, at = [], 0
    for part in parts:
        expected += [(a, c, s + at, e + at) for a, c, s, e in find_amounts(part)]
        at += len(part) + 2
    assert find_amounts(text) == expected
