"""Real SPARQL servers for tests, started on free loopback ports and stopped by process id.

Oxigraph server comes with the ``oxigraph`` package (``make test`` installs it); Virtuoso is
Debian's ``virtuoso-opensource`` (``.ci/system-packages`` installs it). Each server gets its
own folder under the test's temporary directory; Virtuoso its own ini, bound to 127.0.0.1,
with SPARQL Update granted to its anonymous ``SPARQL`` user through ``isql-vt`` and
``ResultSetMaxRows`` raised from 10,000.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

__all__ = ["free_port", "oxigraph_server", "virtuoso_server"]

_START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_http(url: str, proc: subprocess.Popen[bytes], what: str) -> None:
    """Poll ``url`` until it answers (any HTTP status), at most ``_START_SECONDS``."""
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{what} exited with code {proc.returncode} while starting")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{what} did not answer at {url} within {_START_SECONDS} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[str]:
    """An Oxigraph server on a free loopback port; yields its base address."""
    exe = Path(sys.executable).parent / "oxigraph"
    if not exe.exists():
        pytest.fail("the oxigraph server is not installed (pip install oxigraph: make test does)")
    port = free_port()
    proc = subprocess.Popen(
        [str(exe), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{url}/query?query=ASK%7B%7D", proc, "the oxigraph server")
        yield url
    finally:
        _stop(proc)


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 400
"""

#: Anonymous SPARQL may update (the /sparql and /sparql-graph-crud endpoints); dba keeps its
#: default password here, on a throwaway database bound to loopback.
_GRANTS = (
    'GRANT SPARQL_UPDATE TO "SPARQL"; '
    'GRANT EXECUTE ON DB.DBA.L_O_LOOK TO "SPARQL"; '
    "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
)


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[str]:
    """A Virtuoso server on free loopback ports; yields its base address."""
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if exe is None or isql is None:
        pytest.fail(
            "Virtuoso is not installed (Debian package virtuoso-opensource: "
            ".ci/system-packages installs it)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(d=folder, sql=sql, http=http), encoding="utf-8")
    log = (folder / "server.out").open("wb")
    proc = subprocess.Popen(
        [exe, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{http}"
    try:
        _wait_http(f"{url}/sparql?query=ASK%7B%7D", proc, "Virtuoso")
        granted = subprocess.run(
            [isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={_GRANTS}"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        if granted.returncode != 0 or "Error" in granted.stdout + granted.stderr:
            pytest.fail(f"isql-vt could not grant SPARQL update: {granted.stdout}{granted.stderr}")
        yield url
    finally:
        _stop(proc)
        log.close()
