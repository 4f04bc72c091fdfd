"""The development corpus's project pages rewritten in other layouts read as the originals:
"Label: value" on one line, a label and its value with nothing between (a table flattened
to text), a dash between, labels in capitals, labels after the page's own language's
("Projektgazda/Project promoter …"), every line wrapped at 72 characters, the
block without its "Project facts" heading. Each page is read as written, then rewritten; the
roles its facts give and its project's number, name and costs must not change."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from partnergraph.graph.extract import extract
from partnergraph.graph.sources import Document, unwrapped

from ..conftest import tuned_documents, wrapped

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


#: The labels in Hungarian, as a bilingual page writes them before the English ones.
_HUNGARIAN = {
    "project promoter": "Projektgazda",
    "project number": "Projektazonosító",
    "status": "Állapot",
    "initial project cost": "Kezdeti projektköltség",
    "final project cost": "Végső projektköltség",
    "donor project partner": "Donor projektpartner",
    "donor project partners": "Donor projektpartnerek",
    "other project partner": "Egyéb projektpartner",
    "other project partners": "Egyéb projektpartnerek",
}


def _bilingual(slash: str, after: str) -> Callable[[str], str]:
    """Each label after its Hungarian one and ``slash``, its value after ``after``."""
    return lambda text: _rewrite(
        text, lambda label: f"{_HUNGARIAN[label.casefold()]}{slash}{label}{after}"
    )


LAYOUTS: dict[str, Callable[[str], str]] = {
    "bilingual/label value": _bilingual("/", " "),
    "bilingual / label: value": _bilingual(" / ", ": "),
    "wrapped at 72": wrapped,
    "label: value": lambda text: _rewrite(text, lambda label: f"{label}: "),
    "label value": lambda text: _rewrite(text, lambda label: f"{label} "),
    "label – value": lambda text: _rewrite(text, lambda label: f"{label} – "),
    "LABEL:": lambda text: _LABEL.sub(lambda m: m.group(0).upper(), text),
    "no heading": lambda text: text.replace("\nProject facts\n", "\n", 1),
}


def _pages(shared: Path) -> list[tuple[str, str, str]]:
    """(name, language, text) of the tuned project pages with an eeagrants.org facts block."""
    out = []
    for name, language, stored in tuned_documents(shared, "project-page"):
        lines = stored.splitlines()
        text = "\n".join(ln for ln in lines if not ln.startswith("# ")) + "\n"
        if "\nProject facts\n" in text:
            out.append((name, language, text))
    return out


def _reading(text: str, language: str) -> tuple[object, ...]:
    doc = Document("p", "p.txt", text, None, "project-page", language, "utf-8", "text/plain", "")
    ex = extract(doc)
    roles = {(r.role, r.org.name, r.org.country) for r in ex.roles if not r.target.startswith("e")}
    projects = sorted(
        (p.number or "", p.name or "", [c.amount for c in p.costs]) for p in ex.projects
    )
    return sorted(roles), projects


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
