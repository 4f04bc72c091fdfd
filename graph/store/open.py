"""Open a store by its location, and build into a new generation of it.

``open_store(location)`` is the one place a backend is chosen: a folder is the embedded
Oxigraph store (:mod:`.oxigraph`), an ``http(s)://`` address a SPARQL server
(:mod:`.remote`; ``virtuoso+http://`` for Virtuoso).

On disk, a store folder holds *generations*: ``DIR/current`` is a symbolic link to
``DIR/generations/N``. A build (:func:`staged`) starts a new generation as a cheap
hard-link checkpoint of the current one, writes into it, and switches the link in one
atomic rename when everything is written. Readers keep the generation they opened; a build
that is interrupted (Ctrl-C, ``kill -9``, a crash) leaves the current generation as it was,
and the next build clears the unfinished one away.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from partnergraph.graph.config import ConfigError, remote_settings, store_location

from .base import GraphStore, StoreError
from .oxigraph import STATE_FILES, Store
from .remote import Endpoints, RemoteStore

__all__ = ["open_store", "staged"]


def open_store(path: str | None, *, read_only: bool = False, memory: bool = False) -> GraphStore:
    """Open the store at ``path``, else ``$PARTNERGRAPH_STORE``, else the config file's, else
    ``.partnergraph/store``.

    A folder with generations opens its current one; a plain Oxigraph folder opens as is;
    an ``http(s)://`` address is a remote SPARQL server (Oxigraph server's endpoints).
    """
    if memory:
        return Store(None)
    location, settings = _location(path)
    remote = _remote(location, settings)
    if remote is not None:
        return remote
    chosen = Path(location)
    current = chosen / "current"
    if current.exists():
        return Store(current.resolve(), read_only=read_only)
    if read_only and not (chosen.exists() and any(chosen.iterdir())):
        raise StoreError(f"{chosen}: no store here yet; run 'partnergraph build PATH…' first")
    if not read_only and chosen.exists() and any(chosen.iterdir()) and not _is_oxigraph(chosen):
        raise StoreError(f"{chosen}: not a partnergraph store (the folder holds other files)")
    return Store(chosen, read_only=read_only)


def _location(path: str | None) -> tuple[str, dict[str, Any]]:
    try:
        return store_location(path)
    except ConfigError as exc:
        raise StoreError(str(exc)) from exc


def _is_oxigraph(folder: Path) -> bool:
    return (folder / "CURRENT").exists() or (folder / "generations").exists()


#: Address schemes: plain http(s) is an Oxigraph server.
_SCHEMES = {
    "http": "oxigraph",
    "https": "oxigraph",
    **{
        f"{kind}+{web}": kind
        for kind in ("oxigraph", "virtuoso", "sparql")
        for web in ("http", "https")
    },
}


def _remote(location: str, settings: dict[str, Any]) -> GraphStore | None:
    scheme, sep, rest = location.partition("://")
    if not sep or scheme not in _SCHEMES:
        return None
    base = f"{scheme.rsplit('+', 1)[-1]}://{rest}"
    kind = str(settings.get("kind") or _SCHEMES[scheme])
    try:
        remote = remote_settings(location, settings)
    except ConfigError as exc:
        raise StoreError(str(exc)) from exc
    if kind == "virtuoso":
        endpoints = Endpoints.virtuoso(base, authenticated=bool(remote.user))
    elif kind == "oxigraph":
        endpoints = Endpoints.oxigraph(base)
    elif kind == "sparql":
        missing = [k for k in ("query", "update", "graph-store") if not settings.get(k)]
        if missing:
            raise StoreError(f"{location}: a SPARQL server needs {', '.join(missing)} in [store]")
        endpoints = Endpoints(
            str(settings["query"]), str(settings["update"]), str(settings["graph-store"]),
            union_graph=settings.get("union-graph"), dataset_dump=False,
        )  # fmt: skip
    else:
        raise StoreError(f"{location}: unknown kind of server {kind!r}")
    return RemoteStore(
        endpoints, timeout=remote.timeout, user=remote.user, password=remote.password,
        digest=remote.digest,
    )  # fmt: skip


@contextmanager
def staged(path: str | None, *, wait: bool = False) -> Iterator[GraphStore]:
    """A new generation of the store at ``path`` to build into; made current only on success.

    The new generation starts as a hard-link checkpoint of the current one (so a build adds
    to what is there). If the block raises, or the process dies, the current generation is
    untouched; unfinished generations are removed by the next ``staged``. One build at a
    time: a second one waits (``wait``) or raises :class:`StoreError`; readers never wait.
    A store folder this call made is removed again if nothing was made current.
    """
    location, settings = _location(path)
    remote = _remote(location, settings)
    if remote is not None:  # each graph is replaced whole on the server; nothing to stage
        try:
            yield remote
        finally:
            remote.close()
        return
    root = Path(location)
    if root.exists() and not root.is_dir():
        raise StoreError(f"{root}: a file, not a store folder")
    if root.exists() and any(root.iterdir()) and not _is_oxigraph(root):
        raise StoreError(f"{root}: not a partnergraph store (the folder holds other files)")
    made = not root.exists()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{root}: cannot make the store folder: {exc.strerror or exc}") from exc
    committed = False
    try:
        with _build_lock(root, wait=wait):
            yield from _generation(root)
            committed = True
    finally:
        if made and not committed:
            shutil.rmtree(root, ignore_errors=True)


#: The lock file a build holds (readers never take it).
LOCK_NAME = "build.lock"


@contextmanager
def _build_lock(root: Path, *, wait: bool) -> Iterator[None]:
    """Hold the store's build lock (``flock``: released by the system if the build dies)."""
    lock = root / LOCK_NAME
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "another process"
            if not wait:
                raise StoreError(
                    f"{root}: another build (pid {holder}) is writing to this store; "
                    "wait for it to end, or give --wait"
                ) from None
            print(f"waiting for another build (pid {holder}) to end …", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _generation(root: Path) -> Iterator[GraphStore]:
    generations = root / "generations"
    generations.mkdir(parents=True, exist_ok=True)
    current_link = root / "current"
    current = current_link.resolve() if current_link.exists() else None
    for leftover in generations.iterdir():  # unfinished or superseded generations
        if current is None or leftover.resolve() != current:
            shutil.rmtree(leftover, ignore_errors=True)
    number = 1 + max((int(p.name) for p in generations.iterdir() if p.name.isdigit()), default=0)
    target = generations / f"{number:06d}"
    if current is not None:
        previous = Store(current, read_only=True)
        previous.oxigraph.backup(str(target))
        del previous
        # what was worked out of the store (the summary's scans, the ledger) goes with it:
        # linked, not copied (a state is only ever replaced by a new file, never written
        # in place, so the old generation keeps what it had)
        for kept in current.glob(STATE_FILES.format(name="*")):
            try:
                os.link(kept, target / kept.name)
            except OSError:
                shutil.copyfile(kept, target / kept.name)
    elif (root / "CURRENT").exists():  # a plain Oxigraph folder from before generations
        raise StoreError(f"{root}: an old-layout store; build into a new folder")
    store = Store(target)
    try:
        yield store
        store.flush()
    except BaseException:
        store.discard()
        shutil.rmtree(target, ignore_errors=True)
        raise
    store.close()
    link = root / f".current.{number}"
    link.unlink(missing_ok=True)
    link.symlink_to(Path("generations") / target.name)
    os.replace(link, current_link)  # the atomic switch; the old generation stays for readers
    # that still have it open, and goes at the start of the next build
