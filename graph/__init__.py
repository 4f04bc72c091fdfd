"""The pipeline and the CLI: sources → extract → resolve → triples → store.

Each stage is a small module with typed inputs and outputs; :func:`build` runs them all.
"""

from __future__ import annotations

__all__: list[str] = []
