"""What a practice's page in Datasette shows below the row: its list-valued children."""

from __future__ import annotations

import json
import sqlite3

__all__ = ["PRACTICE_CHILDREN", "practice_children"]

PRACTICE_CHILDREN = (
    "contacts",
    "practice_phones",
    "practice_emails",
    "practice_websites",
    "attachments",
    "metryka_raw",
)


def practice_children(
    conn: sqlite3.Connection, source: str, practice_id: str
) -> dict[str, list[dict[str, str]]]:
    """Contacts (name, role, phones, e-mails) and the phone, e-mail and website lists of one
    practice."""
    key = (source, practice_id)
    contacts = [
        {
            "name": name or "",
            "role": role or "",
            "phones": ", ".join(json.loads(phones or "[]")),
            "emails": ", ".join(json.loads(emails or "[]")),
        }
        for name, role, phones, emails in conn.execute(
            "SELECT name, role, phones, emails FROM contacts "
            "WHERE source = ? AND practice_id = ? ORDER BY position",
            key,
        )
    ]
    lists = {
        table: [
            {"value": str(value)}
            for (value,) in conn.execute(
                f"SELECT value FROM {table} "  # noqa: S608 - constant names
                "WHERE source = ? AND practice_id = ? ORDER BY position",
                key,
            )
        ]
        for table in ("practice_phones", "practice_emails", "practice_websites")
    }
    return {"contacts": contacts, **lists}
