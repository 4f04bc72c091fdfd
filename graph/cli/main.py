"""The ``partnergraph`` command: the parser, dispatch to each command, and exit codes.

Exit codes: 0 ok; 1 findings (SHACL violations, a description that does not conform);
2 usage or input error — a bad path, an unreadable file (the rest is still built), an
unknown question, a bad parameter; 3 the build could not finish (a worker was killed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version

from ..config import ConfigError
from ..resolve import JudgementError
from ..store import StoreError
from ..workers import WorkerError
from . import network, pipeline, publish, questions
from .options import EXIT_FAILED, EXIT_INPUT, STORE_HELP, Parents, err

__all__ = ["main", "parser"]


def _version() -> str:
    try:
        return version("partnergraph")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


def parser() -> argparse.ArgumentParser:
    """The command line: every command, each from its module."""
    top = argparse.ArgumentParser(
        prog="partnergraph",
        description="Turn documents about institutional cooperation into a knowledge graph.",
        epilog="Exit codes: 0 ok, 1 findings, 2 usage or input error. "
        "Run 'partnergraph COMMAND --help'.",
    )
    top.add_argument("--version", action="version", version=f"partnergraph {_version()}")
    top.add_argument("--store", metavar="DIR|URL", default=None, help=STORE_HELP)
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    shared = Parents()
    for module in (pipeline, questions, network, publish):
        module.register(sub, shared)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    command_line = parser()
    try:
        args = command_line.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        command_line.print_help(sys.stderr)
        return EXIT_INPUT
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except (StoreError, JudgementError, ConfigError) as exc:
        err(str(exc))
        return EXIT_INPUT
    except WorkerError as exc:
        err(f"{exc}; the store is unchanged")
        return EXIT_FAILED
    except KeyboardInterrupt:
        if args.command == "build":
            # a build writes into a new generation that becomes current only when complete
            err("interrupted; the store is unchanged (nothing of this build was kept)")
        else:
            err("interrupted")
        return 130
    except OSError as exc:
        where = f"{exc.filename}: " if isinstance(exc.filename, str) else ""
        err(f"{where}{exc.strerror or exc}")
        return EXIT_INPUT
    except Exception as exc:  # no traceback reaches a user; the message says what failed
        err(f"{args.command} failed: {type(exc).__name__}: {exc}")
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
