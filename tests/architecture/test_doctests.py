"""The examples in docstrings run: every module of the package that has some."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import partnergraph

#: Modules whose examples must exist (the test fails if they lose them all).
WITH_EXAMPLES = {
    "partnergraph.ontology",
    "partnergraph.queries",
    "partnergraph.graph.extract.money",
    "partnergraph.graph.extract.facts",
    "partnergraph.graph.extract.lexicon",
    "partnergraph.graph.extract.gazetteer",
    "partnergraph.graph.extract.registry",
    "partnergraph.graph.extract.prose.sentences",
    "partnergraph.graph.extract.prose.places",
    "partnergraph.graph.resolve",
    "partnergraph.graph.triples",
}


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(partnergraph.__path__, "partnergraph."):
        if not info.name.endswith("_preload"):  # importing it loads the models on purpose
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    if name in WITH_EXAMPLES:
        assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0


def test_every_module_with_examples_is_walked() -> None:
    assert WITH_EXAMPLES <= set(_modules())
