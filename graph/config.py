"""Every setting, once: an option given > the environment > ``partnergraph.toml`` > default.

The config file is ``$PARTNERGRAPH_CONFIG``, else ``./partnergraph.toml``; its ``[store]``
table names the store (``location``, ``kind``, the endpoints of a SPARQL server, ``user``,
``password-env``, ``auth``, ``timeout``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "CONFIG_ENV",
    "CONFIG_FILE",
    "DEFAULT_STORE",
    "JUDGEMENTS_ENV",
    "STORE_ENV",
    "ConfigError",
    "RemoteSettings",
    "judgements_file",
    "load_config",
    "remote_settings",
    "store_location",
]

STORE_ENV = "PARTNERGRAPH_STORE"
CONFIG_ENV = "PARTNERGRAPH_CONFIG"
CONFIG_FILE = "partnergraph.toml"
DEFAULT_STORE = ".partnergraph/store"
JUDGEMENTS_ENV = "PARTNERGRAPH_JUDGEMENTS"
_USER_ENV = "PARTNERGRAPH_SPARQL_USER"
_PASSWORD_ENV = "PARTNERGRAPH_SPARQL_PASSWORD"
_AUTH_ENV = "PARTNERGRAPH_SPARQL_AUTH"
_TIMEOUT_ENV = "PARTNERGRAPH_SPARQL_TIMEOUT"
_KNOWN = frozenset(
    {"location", "kind", "query", "update", "graph-store", "union-graph", "user",
     "password-env", "auth", "timeout"}
)  # fmt: skip


class ConfigError(ValueError):
    """The config file or a setting is wrong; the message names the file and the setting."""


def load_config() -> dict[str, Any]:
    """The ``[store]`` table of the config file (empty if there is no file)."""
    named = os.environ.get(CONFIG_ENV)
    file = Path(named or CONFIG_FILE)
    if not file.is_file():
        if named:
            raise ConfigError(f"{file}: no such config file (${CONFIG_ENV})")
        return {}
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: not a valid TOML config file: {exc}") from exc
    table = data.get("store", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{file}: [store] must be a table")
    unknown = sorted(set(table) - _KNOWN)
    if unknown:
        raise ConfigError(f"{file}: unknown [store] setting {', '.join(unknown)}")
    for key, value in sorted(table.items()):
        if key == "timeout":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ConfigError(f"{file}: [store] timeout must be a number of seconds above 0")
        elif not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{file}: [store] {key} must be a non-empty string, not {value!r}")
    return table


def store_location(path: str | None) -> tuple[str, dict[str, Any]]:
    """Where the store is, and the ``[store]`` settings that go with it: ``path`` if given,
    else ``$PARTNERGRAPH_STORE``, else ``location`` in the config file, else
    ``.partnergraph/store``."""
    if path:
        return path, {}
    if os.environ.get(STORE_ENV):
        return os.environ[STORE_ENV], {}
    settings = load_config()
    return str(settings.get("location") or DEFAULT_STORE), settings


@dataclass(frozen=True)
class RemoteSettings:
    """How to talk to a SPARQL server: credentials, their scheme, the timeout."""

    user: str | None
    password: str | None
    digest: bool
    timeout: float


def remote_settings(location: str, settings: dict[str, Any]) -> RemoteSettings:
    """The remote store's settings from the config table, else the environment."""
    user = settings.get("user") or os.environ.get(_USER_ENV)
    password_env = str(settings.get("password-env") or _PASSWORD_ENV)
    auth = str(settings.get("auth") or os.environ.get(_AUTH_ENV) or "basic")
    if auth not in ("basic", "digest"):
        raise ConfigError(f"{location}: auth must be basic or digest, not {auth!r}")
    raw = settings.get("timeout") or os.environ.get(_TIMEOUT_ENV) or 60
    try:
        timeout = float(raw)
    except ValueError:
        raise ConfigError(f"${_TIMEOUT_ENV}: not a number of seconds: {raw!r}") from None
    if not timeout > 0:
        raise ConfigError(f"{location}: the timeout must be above 0 seconds, not {raw!r}")
    return RemoteSettings(
        user=str(user) if user else None,
        password=os.environ.get(password_env),
        digest=auth == "digest",
        timeout=timeout,
    )


def judgements_file(path: str | None) -> str | None:
    """The judgements file: the one given, else ``$PARTNERGRAPH_JUDGEMENTS``, else none."""
    return path or os.environ.get(JUDGEMENTS_ENV) or None
