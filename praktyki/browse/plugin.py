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

# child table -> (the column linked, the parent table, the parent's key columns)
_LINKS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    **{
        child: ("practice_id", "practices", ("source", "practice_id"))
        for child in PRACTICE_CHILDREN
    },
    **{
        child: ("url", "ops_pages", ("source", "url", "article_index"))
        for child in ("ops_topics", "ops_breadcrumbs", "ops_attachments")
    },
}


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str, database: str, datasette: Any
) -> Any:
    """A child row's key cell links to its parent's page (a composite foreign key)."""
    link = _LINKS.get(table)
    if link is None or column != link[0] or value is None:
        return None
    try:
        key = [row[name] for name in link[2]]
    except (IndexError, KeyError):
        return None
    pk = ",".join(tilde_encode(str(part)) for part in key)
    href = str(datasette.urls.row(database, link[1], pk))
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
