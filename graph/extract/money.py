"""Amounts of money as publishers write them: ``€79,445``, ``€ 292,877``, ``86580.00€``,
``EUR 13 000 000``, ``PLN 449,370 (EUR 93,700)``, ``223 964 euros``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation

__all__ = ["find_amounts", "parse_number"]

_CURRENCY_WORDS = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "euro's": "EUR",
    "pln": "PLN", "zł": "PLN", "zl": "PLN", "bgn": "BGN", "лв": "BGN", "nok": "NOK",
    "isk": "ISK", "czk": "CZK", "kč": "CZK", "ron": "RON", "lei": "RON", "chf": "CHF",
    "huf": "HUF", "ft": "HUF", "sek": "SEK", "dkk": "DKK", "usd": "USD", "$": "USD",
}  # fmt: skip
_NUM = r"\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_CUR = r"€|\$|EUR|PLN|BGN|NOK|ISK|CZK|RON|CHF|HUF|SEK|DKK|USD"
_CUR_AFTER = _CUR + r"|euros?|zł|zl|лв|Kč|lei|Ft"
_BEFORE = re.compile(rf"(?P<cur>{_CUR})\s?(?P<num>{_NUM})(?:\s?(?P<scale>million|mln|m)\b)?", re.I)
_AFTER = re.compile(
    rf"(?P<num>{_NUM})(?:\s?(?P<scale>million|mln))?\s?(?P<cur>{_CUR_AFTER})(?![A-Za-z])", re.I
)


def parse_number(text: str) -> Decimal | None:
    """Read a number written with any of the usual thousands and decimal separators.

    >>> parse_number("79,445"), parse_number("86580.00"), parse_number("13 000 000")
    (Decimal('79445'), Decimal('86580.00'), Decimal('13000000'))
    >>> parse_number("1.234.567,89")
    Decimal('1234567.89')
    """
    s = re.sub(r"[\s\u00a0\u202f']", "", text.strip())
    if not s or not re.fullmatch(r"[\d.,]+", s) or not s[0].isdigit():
        return None
    if "," in s and "." in s:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        s = s.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        parts = s.split(sep)
        if len(parts) == 2 and len(parts[1]) in (1, 2):
            s = parts[0] + "." + parts[1]
        elif all(len(p) == 3 for p in parts[1:]):
            s = "".join(parts)
        else:
            return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def find_amounts(text: str) -> list[tuple[Decimal, str, int, int]]:
    """All amounts in ``text`` as ``(amount, ISO currency, start, end)``, in reading order."""
    found: dict[int, tuple[Decimal, str, int, int]] = {}
    for pattern in (_BEFORE, _AFTER):
        # the spans the patterns before found, in order (one pattern's matches never
        # overlap one another): a match overlapping one of them is that amount again
        taken = sorted((s, e) for _a, _c, s, e in found.values())
        starts = [s for s, _e in taken]
        for m in pattern.finditer(text):
            k = bisect_right(starts, m.start()) - 1
            if (k >= 0 and taken[k][1] > m.start()) or (
                k + 1 < len(taken) and taken[k + 1][0] < m.end()
            ):
                continue
            amount = parse_number(m.group("num"))
            if amount is None:
                continue
            if m.group("scale"):
                amount *= Decimal(1_000_000)
            currency = _CURRENCY_WORDS.get(m.group("cur").lower(), m.group("cur").upper())
            found[m.start()] = (amount, currency, m.start(), m.end())
    return [found[k] for k in sorted(found)]
