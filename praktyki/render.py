"""Records rendered for a person at a terminal (``praktyki parse`` without ``--json``)."""

from __future__ import annotations

from typing import Any

__all__ = ["render_record"]

_SKIP = {"raw", "unknown_labels", "contacts"}
_BODY_PREVIEW = 400


def render_record(data: dict[str, Any]) -> str:
    """Headline fields; for a practice the Metryka pairs as shown, then what they normalize to."""
    lines = [f"{data.get('title') or data.get('kind')}", f"  {data['url']}"]
    if data.get("section"):
        lines.append(f"  {data['section']} : {data.get('subsection') or ''}")
    metryka = data.get("metryka")
    if isinstance(metryka, dict):
        lines += ["", *_pairs(metryka.get("raw", [])), "", "  normalized:"]
        lines += _fields(metryka)
        lines += _contacts(metryka.get("contacts", []))
        if metryka.get("unknown_labels"):
            lines.append(f"    unknown labels: {', '.join(metryka['unknown_labels'])}")
    if data.get("kind") == "ops_page":
        lines += _ops(data)
    for key in ("entries", "attachments", "sections"):
        if data.get(key):
            lines.append(f"  {key}: {len(data[key])}")
    return "\n".join(lines) + "\n"


def _pairs(pairs: list[list[str]]) -> list[str]:
    width = max((len(label) for label, _ in pairs), default=0)
    indent = "\n" + " " * (width + 4)
    return [
        f"  {label + ':':<{width + 1}} {value.replace(chr(10), indent)}" for label, value in pairs
    ]


def _fields(metryka: dict[str, Any]) -> list[str]:
    shown = {k: v for k, v in metryka.items() if k not in _SKIP and v not in (None, [], "")}
    width = max((len(key) for key in shown), default=0)
    return [f"    {key:<{width}}  {_value(value)}" for key, value in shown.items()]


def _contacts(contacts: list[dict[str, Any]]) -> list[str]:
    lines = []
    for contact in contacts:
        parts = [contact.get("name"), contact.get("role"), *contact.get("phones", [])]
        parts += contact.get("emails", [])
        lines.append("    contact  " + " | ".join(str(part) for part in parts if part))
    return lines


def _ops(data: dict[str, Any]) -> list[str]:
    keys = ("site_name", "breadcrumb", "published_at", "modified_at", "author", "editor", "views")
    lines = [f"  {key}: {_value(data[key])}" for key in keys if data.get(key) not in (None, [])]
    if data.get("institution"):
        institution = {k: v for k, v in data["institution"].items() if v not in (None, [])}
        lines.append("  institution: " + "; ".join(_value(v) for v in institution.values()))
    if data.get("topics"):
        lines.append(f"  topics: {', '.join(data['topics'])}")
    body = str(data.get("body", ""))
    preview = body[:_BODY_PREVIEW] + (" …" if len(body) > _BODY_PREVIEW else "")
    return [*lines, "", *("  " + line for line in preview.splitlines())]


def _value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(" ❯ ".join(v) if isinstance(v, list) else str(v) for v in value)
    return str(value)
