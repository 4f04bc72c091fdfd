"""What every command shares: the store, jobs and output options, exit codes, and how a
table, CSV or JSON answer is written."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import sys
from collections.abc import Callable, Iterable

from partnergraph.ontology import PREFIXES

from ..config import JUDGEMENTS_ENV, STORE_ENV, judgements_file
from ..publish import write_atomic
from ..resolve import Judgements, load_judgements
from ..store import QueryResult
from ..triples import DEFAULT_BASE
from ..workers import default_jobs

__all__ = [
    "EXIT_FAILED",
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_OK",
    "Parents",
    "emit",
    "err",
    "judgements",
    "positive",
    "printable",
    "render",
    "seconds",
    "whole",
]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_FAILED = 0, 1, 2, 3

STORE_HELP = (
    "the store: a folder, an Oxigraph server http://HOST:PORT, or a Virtuoso "
    f"virtuoso+http://HOST:PORT (default: ${STORE_ENV}, else 'location' in "
    "partnergraph.toml, else .partnergraph/store)"
)
JUDGEMENTS_HELP = (
    'a JSON file of your decisions: {"same": [[name, name], …], '
    f'"different": [[name, name], …]}} (default: ${JUDGEMENTS_ENV})'
)


class Parents:
    """The shared option groups, as argparse parent parsers."""

    def __init__(self) -> None:
        self.store = argparse.ArgumentParser(add_help=False)
        self.store.add_argument(
            "--store", metavar="DIR|URL", default=argparse.SUPPRESS, help=STORE_HELP
        )
        self.jobs = argparse.ArgumentParser(add_help=False)
        self.jobs.add_argument(
            "--jobs",
            type=positive,
            metavar="N",
            default=default_jobs(),
            help="read documents, and check them with the SHACL shapes, in N processes "
            "(default: one per core, for 200 documents or more, 400 to check; the graph and "
            "the findings are the same whatever N)",
        )
        self.inputs = argparse.ArgumentParser(add_help=False)
        self.inputs.add_argument(
            "paths", nargs="+", metavar="PATH", help="a file, a folder or a glob pattern"
        )
        self.inputs.add_argument(
            "--max-mb",
            type=float,
            default=20.0,
            metavar="MB",
            help="refuse files larger than this (default: 20)",
        )
        self.inputs.add_argument(
            "--doc-timeout",
            type=float,
            default=120.0,
            metavar="SECONDS",
            help="give up on a document that takes longer to read (default: 120; 0: no limit)",
        )
        self.inputs.add_argument(
            "--follow-links",
            action="store_true",
            help="follow symbolic links inside the folders given (default: reported, not read)",
        )
        self.inputs.add_argument("--judgements", metavar="FILE", help=JUDGEMENTS_HELP)
        self.output = argparse.ArgumentParser(add_help=False)
        self.output.add_argument(
            "--format",
            choices=("table", "csv", "json"),
            default="table",
            help="output format (default: table)",
        )
        self.output.add_argument(
            "-o", "--output", metavar="FILE", help="write to FILE (- or none: standard output)"
        )


def positive(text: str) -> int:
    """An argparse type: a whole number ≥ 1."""
    return _whole(text, 1)


def whole(text: str) -> int:
    """An argparse type: a whole number ≥ 0."""
    return _whole(text, 0)


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least {least}")
    return value


def seconds(text: str) -> float:
    """An argparse type: a number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0")
    return value


def err(message: str) -> None:
    """Tell the user something went wrong (standard error, prefixed with the program)."""
    print(f"partnergraph: {printable(message)}", file=sys.stderr)


#: What never reaches a terminal raw: C0 and C1 controls (escape sequences), and the lone
#: surrogates that stand for the bytes of a file name that is not UTF-8.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    r"""``text`` with control characters and undecodable bytes written as escapes.

    >>> printable("a\x1b[2Jb\nc\udcff")
    'a\\x1b[2Jb\\nc\\xff'
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code == 0x0A:
        return "\\n"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def judgements(path: str | None) -> Judgements | None:
    """The judgements file given (or named by the environment), loaded."""
    chosen = judgements_file(path)
    return load_judgements(chosen) if chosen else None


Labeller = Callable[[Iterable[str]], dict[str, str]]


def emit(
    result: QueryResult, fmt: str, output: str | None, *, labels: Labeller | None = None
) -> None:
    """Write an answer as a table, CSV or JSON, to a file (whole) or standard output. A
    table shows IRIs by the names ``labels`` gives them (CSV and JSON keep the IRIs)."""
    width = None
    if output in (None, "-") and sys.stdout.isatty():
        width = shutil.get_terminal_size((160, 24)).columns
    text = render(result, fmt, labels=labels, width=width)
    if output and output != "-":
        write_atomic(output, text.encode("utf-8", "surrogateescape"))
    else:
        if fmt == "csv" and sys.stdout.isatty():
            text = "\n".join(printable(line) for line in text.split("\n"))
        sys.stdout.write(text)


def render(
    result: QueryResult, fmt: str, *, labels: Labeller | None = None, width: int | None = None
) -> str:
    """An answer as text: ``json``, ``csv`` or a table (``width`` columns, default 160)."""
    if fmt == "json":
        return json.dumps(result.dicts(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if v is None else v for v in row])
        return buf.getvalue()
    return _table(result, labels, width or 160)


def _table(result: QueryResult, labels: Labeller | None, width: int) -> str:
    from rich.console import Console
    from rich.table import Table

    # IRIs are for machines (csv/json keep them); the table shows the names people read
    iris = {v for row in result.rows for v in row if v and v.startswith(("http://", "https://"))}
    names = labels(iris) if labels is not None and iris else {}
    cells = [[_shown(v, names) for v in row] for row in result.rows]
    keep = _not_repeated(result, cells)
    table = Table(show_lines=False, header_style="bold")
    for i in keep:
        table.add_column(result.variables[i], overflow="fold")
    for row in cells:
        table.add_row(*(printable(row[i]) for i in keep))
    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, markup=False).print(table)
    rows = len(result.rows)
    return buf.getvalue() + f"{rows} row{'s' if rows != 1 else ''}\n"


def _not_repeated(result: QueryResult, cells: list[list[str]]) -> list[int]:
    """The columns to show: all but an IRI column whose names repeat another column's
    values row for row (``partner`` beside ``partner_name``)."""
    keep = []
    for i in range(len(result.variables)):
        iri_column = bool(result.rows) and all(
            (row[i] or "").startswith(("http://", "https://")) for row in result.rows
        )
        repeated = iri_column and any(
            j != i and all(row[i] == row[j] for row in cells) for j in range(len(result.variables))
        )
        if not repeated:
            keep.append(i)
    return keep


def _shown(value: str | None, names: dict[str, str]) -> str:
    """A cell as a person reads it: an IRI by its label, else in its short (prefixed) form.

    >>> _shown("https://w3id.org/partnergraph/id/org/no/ks", {})
    'id:org/no/ks'
    """
    if not value:
        return ""
    if value in names:
        return names[value]
    if value.startswith(("http://", "https://")):
        for prefix, namespace in _SHORT:
            if value.startswith(namespace):
                return f"{prefix}:{value[len(namespace) :]}"
    return value


_SHORT = sorted([("id", DEFAULT_BASE), *PREFIXES.items()], key=lambda item: -len(item[1]))
