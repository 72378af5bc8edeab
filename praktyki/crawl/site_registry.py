"""Loading the OPS site registry file (format: ``docs/SITE_REGISTRY.md``).

Every failure is a :class:`~praktyki.errors.ConfigError` with a one-line reason that names the
file and, for a bad entry, the entry (``ops_sites.toml: site #2 'ops-x': page_budget: …``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from praktyki.errors import ConfigError
from praktyki.schemas.registry import Registry, SiteEntry

__all__ = ["apply_bases", "default_registry_path", "load_registry", "read_registry"]

_TOP_KEYS = frozenset({"version", "site"})
SUPPORTED_VERSION = 1


def default_registry_path() -> Path:
    """The registry shipped with the package: real OPS sites, each with the page its address
    was read from."""
    return Path(__file__).resolve().parent.parent / "data" / "ops_sites.toml"


def read_registry(path: Path | None = None) -> Registry:
    """The registry in ``path``, or the shipped one."""
    return load_registry(path if path is not None else default_registry_path())


def load_registry(path: Path) -> Registry:
    """Read and validate a registry file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: registry file not found") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path}: is a directory, not a registry file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read registry file: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown top-level key(s): {', '.join(unknown)}")
    version = data.get("version", SUPPORTED_VERSION)
    if version != SUPPORTED_VERSION:
        raise ConfigError(f"{path}: unsupported registry version {version!r}")
    raw_sites = data.get("site", [])
    if not isinstance(raw_sites, list):
        raise ConfigError(f"{path}: 'site' must be an array of tables ([[site]])")
    sites = tuple(_entry(path, i, raw) for i, raw in enumerate(raw_sites, start=1))
    try:
        return Registry(version=version, sites=sites)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_first_error(exc)}") from exc


def apply_bases(registry: Registry, bases: Mapping[str, str]) -> Registry:
    """The registry with the sites named in ``bases`` moved to their base URL (``--base
    NAME=URL``: a mirror, a local copy, a test server); a name not in the registry is an error."""
    unknown = sorted(set(bases) - {site.name for site in registry.sites})
    if unknown:
        raise ConfigError(f"--base names no site of the registry: {', '.join(unknown)}")
    sites = tuple(
        site.rebased(bases[site.name]) if site.name in bases else site for site in registry.sites
    )
    return registry.model_copy(update={"sites": sites})


def _entry(path: Path, number: int, raw: Any) -> SiteEntry:
    label = f"site #{number}"
    if isinstance(raw, dict) and isinstance(raw.get("name"), str):
        label += f" {raw['name']!r}"
    try:
        return SiteEntry.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {label}: {_first_error(exc)}") from exc


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
