"""The base every praktyki model shares: strict, frozen, lossless."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Record"]


class Record(BaseModel):
    """A validated, immutable record; unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    def to_json_dict(self) -> dict[str, object]:
        """The record as the JSON object the contract documents (dates as ISO strings)."""
        return self.model_dump(mode="json")
