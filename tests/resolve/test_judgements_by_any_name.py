"""Judgements work by any name a user sees: a mention's name, a registry name or alias, an
organisation IRI; unknown names are reported; 'different' wins over a registry's aliases."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnergraph.graph.cli import main
from partnergraph.graph.extract.model import Evidence, OrgMention
from partnergraph.graph.resolve import Judgements, resolve_organisations

EV = Evidence(0, 1, "x")


def _m(name: str, country: str = "NO") -> OrgMention:
    return OrgMention(name, country, None, EV)


def _same_identity(res: object, a: OrgMention, b: OrgMention) -> bool:
    return res.of(a).key == res.of(b).key  # type: ignore[attr-defined]


def test_different_wins_over_registry_aliases() -> None:
    ks, old_name = _m("KS"), _m("Kommunenes Sentralforbund")
    assert _same_identity(resolve_organisations([ks, old_name]), ks, old_name)
    judged = Judgements(different=(("KS", "Kommunenes Sentralforbund"),), source="j.json")
    res = resolve_organisations([ks, old_name], judgements=judged)
    assert not _same_identity(res, ks, old_name)
    assert any("judged" in r for r in res.of(old_name).reasons)


def test_same_by_registry_label_and_by_iri() -> None:
    ks, gamma = _m("KS"), _m("Gamma Forum for Kommuner")
    alpha, beta = _m("Alpha Consulting AS"), _m("Beta Rådgivning AS")
    mentions = [ks, gamma, alpha, beta]
    assert not _same_identity(resolve_organisations(mentions), ks, gamma)
    judged = Judgements(
        same=(
            ("Norwegian Association of Local and Regional Authorities", "gamma forum for kommuner"),
            ("alpha consulting as", "https://w3id.org/partnergraph/id/org/no/beta-radgivning-as"),
        )
    )
    res = resolve_organisations(mentions, judgements=judged)
    assert _same_identity(res, ks, gamma)  # by the label the registry gives KS
    assert _same_identity(res, alpha, beta)  # by the IRI 'query organisations' shows
    assert res.unmatched == ()


def test_unknown_names_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    res = resolve_organisations([_m("KS")], judgements=Judgements(same=(("KS", "Nobody Inc"),)))
    assert res.unmatched == ("Nobody Inc",)
    judgements = tmp_path / "j.json"
    judgements.write_text('{"same": [["KS", "Nobody Inc"]]}')
    from ..conftest import EXAMPLES

    code = main(
        [
            "build",
            "--store",
            str(tmp_path / "s"),
            "-q",
            "--judgements",
            str(judgements),
            str(EXAMPLES),
        ]
    )
    assert code == 0
    assert (
        "the judgements name 'Nobody Inc', which names no organisation" in capsys.readouterr().err
    )
