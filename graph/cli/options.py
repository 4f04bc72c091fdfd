"""What every command shares: the store, jobs and output options, exit codes, and how a
table, CSV or JSON answer is written."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys

from ..config import JUDGEMENTS_ENV, STORE_ENV, judgements_file
from ..publish import write_atomic
from ..resolve import Judgements, load_judgements
from ..store import QueryResult
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
            help="read documents in N processes (default: one per core, for 200 documents or "
            "more; the graph is the same whatever N)",
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
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
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


def emit(result: QueryResult, fmt: str, output: str | None) -> None:
    """Write an answer as a table, CSV or JSON, to a file (whole) or standard output."""
    text = render(result, fmt)
    if output and output != "-":
        write_atomic(output, text.encode("utf-8", "surrogateescape"))
    else:
        if fmt == "csv" and sys.stdout.isatty():
            text = "\n".join(printable(line) for line in text.split("\n"))
        sys.stdout.write(text)


def render(result: QueryResult, fmt: str) -> str:
    """An answer as text: ``json``, ``csv`` or a table."""
    if fmt == "json":
        return json.dumps(result.dicts(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if v is None else v for v in row])
        return buf.getvalue()
    return _table(result)


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table

    # IRIs are for machines (csv/json keep them); the table shows what a person reads
    keep = [
        i
        for i, _var in enumerate(result.variables)
        if not result.rows
        or not all((row[i] or "").startswith(("http://", "https://")) for row in result.rows)
    ]
    table = Table(show_lines=False, header_style="bold")
    for i in keep:
        table.add_column(result.variables[i], overflow="fold")
    for row in result.rows:
        table.add_row(*(printable(row[i] or "") for i in keep))
    buf = io.StringIO()
    Console(file=buf, width=160, color_system=None, markup=False).print(table)
    rows = len(result.rows)
    return buf.getvalue() + f"{rows} row{'s' if rows != 1 else ''}\n"
