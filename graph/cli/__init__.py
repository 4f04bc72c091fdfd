"""The ``partnergraph`` command line: thin modules of words and options over the library.

:func:`main` (in :mod:`.main`) parses and dispatches; each command group lives in its own
module (:mod:`.pipeline`, :mod:`.questions`, :mod:`.network`, :mod:`.publish`) and the
shared options and output in :mod:`.options`. The CLI holds no SPARQL and mints no triples.
"""

from __future__ import annotations

from .main import main, parser

__all__ = ["main", "parser"]
