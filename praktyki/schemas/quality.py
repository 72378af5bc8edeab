"""The data-quality report (``praktyki report``): what the HTML shows and ``--json`` prints."""

from __future__ import annotations

from praktyki.schemas.base import Record

__all__ = [
    "FailureGroup",
    "FieldCoverage",
    "QualityReport",
    "RunChanges",
    "SourceCoverage",
    "UnknownLabel",
]


class FieldCoverage(Record):
    field: str
    filled: int  # records with a value (a non-empty text, a number, or at least one list item)
    share: float  # filled / records of the source, 0..1


class SourceCoverage(Record):
    entity: str  # practice or ops_page
    source: str
    records: int  # active records of the source
    fields: tuple[FieldCoverage, ...]


class UnknownLabel(Record):
    label: str  # a Metryka label the parser does not map, as shown
    count: int  # pairs with the label
    practices: int  # practices showing it
    examples: tuple[tuple[str, str, str], ...]  # (source, practice_id, value), up to 3


class FailureGroup(Record):
    site: str  # host of the failed URLs
    stage: str  # fetch (frontier) or assemble (crawl_failures)
    reason: str  # exception class, or "HTTP <status>"
    count: int
    runs: tuple[int, ...]
    example_url: str


class RunChanges(Record):
    run_id: int
    kind: str
    status: str
    started_at: str
    new: int
    changed: int
    removed: int
    unchanged: int
    failed: int


class QualityReport(Record):
    generated_at: str
    coverage: tuple[SourceCoverage, ...]
    unknown_labels: tuple[UnknownLabel, ...]
    failures: tuple[FailureGroup, ...]
    runs: tuple[RunChanges, ...]
