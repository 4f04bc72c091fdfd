"""A document's own names are found as the one pattern of them found them, uncompiled."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnergraph.graph.extract.prose.literal import LiteralNames
from partnergraph.graph.extract.prose.organisations import _names_pattern

# letters of several cases and scripts (final and medial sigma, dotted and dotless i),
# acronyms, hyphens, brackets, digits and white space of several kinds
PIECES = ["A", "b", "Ö", "ø", "-", " ", "  ", "\u00a0", "\n", "Ab", "KS", "AS", "Uni",
          "X", "ς", "Σ", "σ", "(", ")", ".", "1", "İ", "i", "ı", "ß", "ẞ", "_"]  # fmt: skip
NAMES = st.lists(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join), max_size=5
).map(lambda names: [" ".join(n.split()) for n in names if n.split()])


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NAMES, st.data())
def test_the_same_spans_as_one_pattern_of_the_names(names: list[str], data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(st.sampled_from(PIECES + names), max_size=14)))
    found = list(LiteralNames(names).finditer(text))
    if not names:
        assert found == []
        return
    assert found == [m.span() for m in _names_pattern(names).finditer(text)]


def test_names_in_prose() -> None:
    names = ["Municipality of Chirpan", "KS", "Municipality of Chirpan Region"]
    text = (
        "KS met the MUNICIPALITY  OF\nCHIRPAN region and the Municipality of Chirpan "
        "Region's staff; KSX, the ks office and Anti-KS did not."
    )
    found = [text[a:b] for a, b in LiteralNames(names).finditer(text)]
    # the longer name first, the words apart by any white space, acronyms in their case
    assert found == ["KS", "MUNICIPALITY  OF\nCHIRPAN region", "Municipality of Chirpan Region"]
