"""The examples in docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "partnergraph.ontology",
    "partnergraph.queries",
    "partnergraph.graph.extract.money",
    "partnergraph.graph.extract.facts",
    "partnergraph.graph.extract.lexicon",
    "partnergraph.graph.extract.text",
    "partnergraph.graph.resolve",
    "partnergraph.graph.triples",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
