"""Many literal names found in text at once, without compiling a pattern per document.

A document's own names (its facts block's promoter and partners, a handful) were joined
into one regular expression compiled for each document read (and pushing the patterns that
recur out of the module's cache). :class:`LiteralNames` finds what that expression
found — a name whose words may be apart by any white space (as they may be in the name),
ignoring case unless the name is a short all-capital acronym, never inside a longer word
or a hyphenated compound, at each place the longest name first, left to right without
overlaps — by comparing strings, its candidates' first letters found by a pattern that
recurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

__all__ = ["LiteralNames"]


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` and ``-`` match in the boundaries of a name."""
    return ch.isalnum() or ch in "_-"


class LiteralNames:
    """Finds any of ``names`` in a text, as ``(start, end)`` spans."""

    def __init__(self, names: Iterable[str]) -> None:
        # the longest first (ties in the order of the names' text, so that every run agrees)
        ordered = sorted(set(names), key=lambda n: (-len(n), n))
        self._by_first: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for name in ordered:
            folded = name.translate(_folds()).split()
            if not folded:
                continue
            exact = len(name) <= 6 and name.isupper()
            words = tuple(name.split()) if exact else tuple(folded)
            # by the first letter folded: the candidates at a place stay in the names' order
            self._by_first.setdefault(folded[0][0], []).append((words, exact))
        self._starts = _any_of("".join(sorted(self._by_first))) if self._by_first else None

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of the names in ``text``, left to right, none overlapping."""
        starts, by_first, at = self._starts, self._by_first, 0
        if starts is None:
            return
        folded = text.translate(_folds())
        while hit := starts.search(folded, at):
            at = hit.start()
            if at and _is_word_char(text[at - 1]):
                at += 1
                continue
            end = next(
                (
                    e
                    for words, exact in by_first[folded[at]]
                    if (e := _match(text, folded, at, words, exact))
                ),
                0,
            )
            at = end or at + 1
            if end:
                yield hit.start(), end


@lru_cache(maxsize=256)
def _any_of(chars: str) -> re.Pattern[str]:
    """A pattern for any one of ``chars`` (few sets of first letters recur)."""
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


@cache
def _folds() -> dict[int, str]:
    """Each character that has a case to one character standing for all its cases ("Σ",
    "σ" and "ς" alike; "İ" as "i"), as a regular expression that ignores case takes them;
    a text keeps its length when folded."""
    table = {}
    for code in range(0x1F000):  # the planes that hold letters with a case
        ch = chr(code)
        lower = ch.lower()
        if lower == ch and ch.upper() == ch:
            continue
        key = ch.upper().lower()
        if len(key) != 1:
            key = lower[0]
        if key != ch:
            table[code] = key
    return table


def _match(text: str, folded: str, at: int, words: tuple[str, ...], exact: bool) -> int:
    """Where the name of ``words`` ends if it starts at ``at``, else 0 (``folded``: the
    text with :func:`_folds`, compared with the words of a name that ignores case)."""
    size, pos = len(text), at
    source = text if exact else folded
    for i, word in enumerate(words):
        if i:  # one or more white-space characters between words
            if pos >= size or not text[pos].isspace():
                return 0
            while pos < size and text[pos].isspace():
                pos += 1
        end = pos + len(word)
        if source[pos:end] != word:
            return 0
        pos = end
    if pos < size and _is_word_char(text[pos]):
        return 0
    return pos
