"""One identity per institution: judgements, legal forms, explanations, conflicts kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partnergraph import queries
from partnergraph.graph.build import build
from partnergraph.graph.cli import main
from partnergraph.graph.extract.model import Evidence, OrgMention
from partnergraph.graph.resolve import (
    JudgementError,
    Judgements,
    load_judgements,
    resolve_organisations,
)
from partnergraph.graph.store import Store

from ..conftest import EXAMPLES

EV = Evidence(0, 1, "x")


def m(name: str, country: str | None = None) -> OrgMention:
    return OrgMention(name, country, None, EV)


def test_legal_forms_do_not_count() -> None:
    a, b = m("NORCE Norwegian Research Center AS", "NO"), m("NORCE Norwegian Research Center", "NO")
    res = resolve_organisations([a, b])
    assert res.of(a).key == res.of(b).key


def test_judged_different_stays_apart_and_judged_same_merges() -> None:
    c, d = m("Fagforbundet Innlandet", "NO"), m("Fagforbundet", "NO")
    judged = resolve_organisations(
        [c, d], judgements=Judgements(same=(("Fagforbundet Innlandet", "Fagforbundet"),))
    )
    assert judged.of(c).key == judged.of(d).key
    assert any("judged the same" in r for r in judged.of(c).reasons)


def test_different_judgement_blocks_a_fuzzy_merge() -> None:
    a = m("Norwegian University of Life Sciences", "NO")
    b = m("Norwegian University of Life Science", "NO")
    assert resolve_organisations([a, b]).of(a).key == resolve_organisations([a, b]).of(b).key
    judged = Judgements(different=((a.name, b.name),))
    res = resolve_organisations([a, b], judgements=judged)
    assert res.of(a).key != res.of(b).key


def test_judgements_file(tmp_path: Path) -> None:
    f = tmp_path / "j.json"
    f.write_text(json.dumps({"same": [["A", "B"]], "different": [["C", "D"]]}))
    assert load_judgements(f) == Judgements((("A", "B"),), (("C", "D"),), str(f))
    for bad in ("[1, 2]", '{"same": [["only one"]]}', '{"oops": []}', "{not json"):
        f.write_text(bad)
        with pytest.raises(JudgementError, match=str(f)):
            load_judgements(f)


def test_explain_names_sources_and_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "s")
    assert main(["build", "--store", store, "-q", str(EXAMPLES)]) == 0
    assert main(["resolve", "--store", store, "--explain", "ks"]) == 0
    out = capsys.readouterr().out
    assert "Norwegian Association of Local and Regional Authorities" in out
    assert (
        "KS: examples/seeds/000_f080a065eb91adb1.txt, examples/seeds/002_c84218a7ceba7421.txt"
        in out
    )
    assert (
        "Norges Kommuner og Landsting: examples/seeds/002_c84218a7ceba7421.txt" in out
    )  # only where seen
    assert "is a registry name of" in out
    assert main(["resolve", "--store", store, "--explain", "Nobody At All"]) == 2


def test_cli_judgements_change_the_graph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    judgements = tmp_path / "judgements.json"
    judgements.write_text(json.dumps({"same": [["byen Lublin", "Association of Polish Cities"]]}))
    store = str(tmp_path / "s")
    assert (
        main(["build", "--store", store, "-q", "--judgements", str(judgements), str(EXAMPLES)]) == 0
    )
    assert main(["resolve", "--store", store, "--explain", "byen Lublin"]) == 0
    assert "judged the same in" in capsys.readouterr().out
    judgements.write_text("{broken")
    assert (
        main(["build", "--store", store, "-q", "--judgements", str(judgements), str(EXAMPLES)]) == 2
    )
    assert "not valid JSON" in capsys.readouterr().err


def test_conflicting_values_are_kept_with_their_sources(tmp_path: Path) -> None:
    seed = (EXAMPLES / "seeds" / "000_f080a065eb91adb1.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text("# source: https://example.org/a\n" + seed, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "# source: https://example.org/b\n"
        + seed.replace("Completed", "In implementation").replace("€79,445", "€80,000"),
        encoding="utf-8",
    )
    store = Store(None)
    build([str(tmp_path)], store)
    rows = store.select(
        """PREFIX pg: <https://w3id.org/partnergraph/ns#> PREFIX schema: <https://schema.org/>
        SELECT ?status ?value ?source WHERE { GRAPH ?g { ?p <http://purl.org/dc/terms/identifier> "SDDW-0079" ;
          pg:status ?status ; pg:cost/schema:value ?value } ?g pg:sourcePath ?source } ORDER BY ?source"""
    ).rows
    assert [(s.rsplit("#", 1)[-1], v, src) for s, v, src in rows] == [
        ("Completed", "79445", "https://example.org/a"), ("InImplementation", "80000", "https://example.org/b"),
    ]  # fmt: skip
    partners = store.select(queries.bound(queries.load("partners"), {"org": "KS"})).rows
    assert len({r[-1] for r in partners if r[-1]}) == 1  # one project node, not two
