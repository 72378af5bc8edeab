"""Build the Datasette app over a praktyki database and serve it on 127.0.0.1."""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from typing import Any

from praktyki.errors import ConfigError
from praktyki.store.browse import datasette_metadata, table_names

__all__ = ["HOST", "build_datasette", "serve_datasette"]

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
_HERE = Path(__file__).parent


def build_datasette(db_path: Path) -> Any:
    """A Datasette instance over ``db_path`` with praktyki's metadata, plugin and template."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from praktyki.browse import plugin

    metadata = datasette_metadata(db_path.stem, table_names(db_path))
    ds = Datasette(
        files=[str(db_path)],
        metadata=metadata,
        template_dir=str(_HERE / "templates"),
        settings={"default_page_size": 50, "sql_time_limit_ms": 3000},
    )
    if not pm.is_registered(plugin):  # Datasette's plugin manager is process-wide
        pm.register(plugin, name="praktyki")
    return ds


def _check_port(port: int) -> None:
    """A taken port is a usage error (one line), not uvicorn's log and exit 1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            raise ConfigError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from exc


def serve_datasette(db_path: Path, *, port: int = 8001) -> None:
    """Serve until interrupted (SIGINT/SIGTERM end it cleanly)."""
    import uvicorn

    _check_port(port)
    ds = build_datasette(db_path)
    logger.info("serving %s at http://%s:%d/", db_path, HOST, port)
    uvicorn.run(ds.app(), host=HOST, port=port, log_level="warning", lifespan="on")
