"""Topic tags from a vocabulary kept as data (``praktyki/data/topics.toml``).

The matching rules are documented at the top of the TOML file. ``tag_topics`` tags an article's
text; ``link_score`` ranks a link for the focused crawler by its anchor text and its URL.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from urllib.parse import unquote

from praktyki.errors import ConfigError

__all__ = ["Topic", "Topics", "link_score", "load_topics", "parse_topics", "tag_topics"]

TEXT_WEIGHT = 10  # a topic named in the anchor text
URL_WEIGHT = 5  # a topic named in the URL path or query


@dataclass(frozen=True, slots=True)
class Topic:
    tag: str
    label: str
    text_patterns: tuple[re.Pattern[str], ...]
    url_patterns: tuple[re.Pattern[str], ...]
    link_patterns: tuple[re.Pattern[str], ...] = ()  # crawl-only: rank links, never tag
    link_url_patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Topics:
    topics: tuple[Topic, ...]

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(topic.tag for topic in self.topics)


def load_topics() -> Topics:
    """The vocabulary shipped with praktyki."""
    text = resources.files("praktyki").joinpath("data/topics.toml").read_text(encoding="utf-8")
    return parse_topics(text)


def parse_topics(toml_text: str) -> Topics:
    """A vocabulary from TOML text.

    Tables ``[TAG]`` with ``phrases``, an optional ``label`` and optional ``link_phrases``.
    """
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"topic vocabulary is not valid TOML: {exc}") from exc
    topics = []
    for tag, table in data.items():
        phrases = table.get("phrases") if isinstance(table, dict) else None
        if not _phrase_list(phrases) or not phrases:
            raise ConfigError(f"topic {tag!r} needs a non-empty list of phrases")
        link_phrases = table.get("link_phrases", [])
        if not _phrase_list(link_phrases):
            raise ConfigError(f"topic {tag!r}: link_phrases must be a list of phrases")
        topics.append(
            Topic(
                tag=tag,
                label=str(table.get("label", tag)),
                text_patterns=tuple(_text_pattern(p) for p in phrases),
                url_patterns=tuple(_url_pattern(p) for p in phrases),
                link_patterns=tuple(_text_pattern(p) for p in link_phrases),
                link_url_patterns=tuple(_url_pattern(p) for p in link_phrases),
            )
        )
    return Topics(tuple(topics))


def _phrase_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(p, str) and p for p in value)


def tag_topics(text: str, topics: Topics) -> tuple[str, ...]:
    """Tags of every topic the text mentions, in vocabulary order."""
    return tuple(
        topic.tag for topic in topics.topics if any(p.search(text) for p in topic.text_patterns)
    )


def link_score(url: str, text: str, topics: Topics) -> int:
    """How strongly a link points at a topic page: weighted count of topics in text and URL."""
    folded_url = _fold(unquote(url)).replace("-", " ").replace("_", " ").replace("+", " ")
    score = 0
    for topic in topics.topics:
        if any(p.search(text) for p in (*topic.text_patterns, *topic.link_patterns)):
            score += TEXT_WEIGHT
        if any(p.search(folded_url) for p in (*topic.url_patterns, *topic.link_url_patterns)):
            score += URL_WEIGHT
    return score


def _is_acronym(phrase: str) -> bool:
    letters = [ch for ch in phrase if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and " " not in phrase.strip()


def _words(phrase: str) -> str:
    parts = [re.escape(word).replace(r"\*", r"\w*") for word in phrase.split()]
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


def _text_pattern(phrase: str) -> re.Pattern[str]:
    flags = 0 if _is_acronym(phrase) else re.IGNORECASE
    return re.compile(_words(phrase), flags)


def _url_pattern(phrase: str) -> re.Pattern[str]:
    # URL slugs have no diacritics and no case; digits and letters glue on both sides
    return re.compile(_words(_fold(phrase)).replace(r"(?<!\w)", r"(?<![a-z])"), re.IGNORECASE)


def _fold(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
