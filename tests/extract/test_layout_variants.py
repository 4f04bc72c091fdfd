"""The development corpus's project pages rewritten in other layouts read as the originals:
"Label: value" on one line, a label and its value with nothing between (a table flattened
to text), a dash between, labels in capitals, every line wrapped at 72 characters. Each
page is read as written, then rewritten; the roles its facts give and its project's number
and name must not change."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from partnergraph.graph.extract import extract
from partnergraph.graph.sources import Document, unwrapped

#: The labels of eeagrants.org's facts block, as the pages write them.
_LABEL = re.compile(
    r"^(Project promoter|Project Number|Status|Initial project cost|Final project cost"
    r"|Donor Project Partners?|Other Project Partners?):?\n(?=\S)",
    re.M,
)


def _rewrite(text: str, joint: Callable[[str], str]) -> str:
    """Each label and the value on the line after it put on one line, ``joint`` between;
    a label whose next line is another label (no value) is left as it was."""

    def one(m: re.Match[str]) -> str:
        rest = text[m.end() :]
        return m.group(0) if _LABEL.match(rest) else joint(m.group(1))

    return _LABEL.sub(one, text)


def _wrapped(text: str, width: int = 72) -> str:
    """Every line longer than ``width`` wrapped at it (a page saved as mail or a text
    export)."""
    lines = text.split("\n")
    return "\n".join(
        ("\n".join(textwrap.wrap(ln, width)) if len(ln) > width else ln) for ln in lines
    )


LAYOUTS: dict[str, Callable[[str], str]] = {
    "wrapped at 72": _wrapped,
    "label: value": lambda text: _rewrite(text, lambda label: f"{label}: "),
    "label value": lambda text: _rewrite(text, lambda label: f"{label} "),
    "label – value": lambda text: _rewrite(text, lambda label: f"{label} – "),
    "LABEL:": lambda text: _LABEL.sub(lambda m: m.group(0).upper(), text),
}


def _pages(shared: Path) -> list[tuple[str, str, str]]:
    """(name, language, text) of the tuned project pages with an eeagrants.org facts block."""
    tuned = Path(__file__).resolve().parents[2] / "benchmarks" / "tuned_on.txt"
    stems = {ln.strip() for ln in tuned.read_text().splitlines() if ln.strip() and ln[0] != "#"}
    out = []
    for gold_path in sorted((shared / "corpus" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold_path.stem not in stems or gold["kind"] != "project-page":
            continue
        path = (shared / "corpus" / "docs" / gold["doc"]).resolve()
        path = path if path.exists() else (shared / "corpus" / gold["doc"]).resolve()
        lines = path.read_text(encoding="utf-8").splitlines()
        text = "\n".join(ln for ln in lines if not ln.startswith("# ")) + "\n"
        if "\nProject facts\n" in text:
            out.append((gold_path.stem, gold["language"], text))
    return out


def _reading(text: str, language: str) -> tuple[object, ...]:
    doc = Document("p", "p.txt", text, None, "project-page", language, "utf-8", "text/plain", "")
    ex = extract(doc)
    roles = {(r.role, r.org.name, r.org.country) for r in ex.roles if not r.target.startswith("e")}
    return sorted(roles), sorted((p.number or "", p.name or "") for p in ex.projects)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_corpus_pages_in_another_layout_read_the_same(shared: Path, layout: str) -> None:
    pages = _pages(shared)
    assert len(pages) >= 8
    changed = []
    for name, language, text in pages:
        rewritten = LAYOUTS[layout](text)
        assert rewritten != text, name
        # (read as the file reader reads a file: a wrapped text's lines joined again)
        if _reading(unwrapped(rewritten), language) != _reading(text, language):
            changed.append(name)
    assert changed == []
