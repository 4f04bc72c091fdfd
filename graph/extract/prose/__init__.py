"""Reading prose: sentences → organisations, places, events, roles, projects → facts.

:func:`read_text` (in :mod:`.reader`) is the door; the modules beside it each find one
kind of thing in a sentence.
"""

from __future__ import annotations

from .organisations import is_person_name, spelled_by
from .places import infer_country
from .reader import TextFacts, read_text
from .sentences import Sentence, sentences

__all__ = [
    "Sentence",
    "TextFacts",
    "infer_country",
    "is_person_name",
    "read_text",
    "sentences",
    "spelled_by",
]
