"""Example queries over the dataset, shown to a person after ``praktyki demo``."""

from __future__ import annotations

__all__ = ["BY_REGION", "CAL_PAGES", "CONTACTS"]

BY_REGION = "SELECT voivodeship, COUNT(*) AS n FROM practices GROUP BY 1 ORDER BY 2 DESC"
CONTACTS = (
    "SELECT p.title, p.locality, c.name, c.role FROM practices p "
    "JOIN contacts c USING (source, practice_id) LIMIT 10"
)
CAL_PAGES = (
    "SELECT p.source, p.title, p.published_at, p.url FROM ops_pages p "
    "JOIN ops_topics t USING (source, url, article_index) WHERE t.topic = 'CAL'"
)
