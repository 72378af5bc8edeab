"""Datasette plugin: what Datasette cannot do from the schema alone.

Datasette links single-column foreign keys only; the child tables of a practice (contacts,
phones, attachments, …) point at it through ``(source, practice_id)``. This plugin links their
``practice_id`` cells to the practice's page, and gives that page its contacts, phones,
e-mails and websites (``templates/row.html`` shows them).
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from markupsafe import Markup

from praktyki.store.browse_rows import PRACTICE_CHILDREN, practice_children


def _practice_path(datasette: Any, database: str, source: object, practice_id: object) -> str:
    pk = f"{tilde_encode(str(source))},{tilde_encode(str(practice_id))}"
    return str(datasette.urls.row(database, "practices", pk))


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str, database: str, datasette: Any
) -> Any:
    if table not in PRACTICE_CHILDREN or column != "practice_id" or value is None:
        return None
    try:
        source = row["source"]
    except (IndexError, KeyError):
        return None
    href = _practice_path(datasette, database, source, value)
    return Markup('<a href="{}">{}</a>').format(href, value)


@hookimpl
def extra_template_vars(
    view_name: str, table: str | None, database: str | None, request: Any, datasette: Any
) -> Any:
    if view_name != "row" or table != "practices" or database is None or request is None:
        return None

    async def inner() -> dict[str, Any]:
        parts = [tilde_decode(part) for part in request.url_vars.get("pks", "").split(",")]
        if len(parts) != 2:
            return {}
        db = datasette.get_database(database)
        children = await db.execute_fn(lambda conn: practice_children(conn, *parts))
        return {"practice_children": children}

    return inner
