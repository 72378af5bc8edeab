"""Topic tags from the vocabulary data, and link scores for the focused crawl."""

from __future__ import annotations

import pytest

from praktyki.errors import ConfigError
from praktyki.parsers.topics import link_score, load_topics, parse_topics, tag_topics

TOPICS = load_topics()


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Ośrodek jako Centrum Aktywności Lokalnej", ("CAL", "AKTYWNOSC_LOKALNA")),
        ("Nasz ośrodek pracuje metodą CAL.", ("CAL",)),
        ("Program Aktywności Lokalnej na lata 2022-2025", ("PAL", "AKTYWNOSC_LOKALNA")),
        ("działalność Klubu Seniora WRZOS", ("KLUB_SENIORA",)),
        ("Klub Integracji Społecznej zaprasza", ("KIS",)),
        ("powstał punkt informacji obywatelskiej", ("PIO",)),
        ("Centrum Interwencji Socjalnej stanowi dział", ("CIS",)),
        ("Centrum Integracji Społecznej", ("CIS",)),
        ("nabór wolontariuszy", ("WOLONTARIAT",)),
        ("calendarz i kalendarz spotkań", ()),  # "cal" inside a word is not CAL
        ("Zasiłek okresowy", ()),
    ],
)
def test_tag_topics(text: str, tags: tuple[str, ...]) -> None:
    assert tag_topics(text, TOPICS) == tags


def test_acronyms_are_case_sensitive_in_text() -> None:
    assert tag_topics("cal to jednostka długości", TOPICS) == ()


@pytest.mark.parametrize(
    ("url", "text", "positive"),
    [
        ("https://ops.pl/pl/137,program-aktywnosci-lokalnej.html", "", True),
        ("https://ops.pl/cal-cis", "CAL/CIS", True),
        ("https://ops.pl/?page_id=219", "➡ Klub Seniora", True),
        ("https://ops.pl/?ajaxCalendar=1&mo=3&yr=2023", "« mar", False),
        ("https://ops.pl/swiadczenia-rodzinne", "Świadczenia rodzinne", False),
    ],
)
def test_link_score(url: str, text: str, positive: bool) -> None:
    assert (link_score(url, text, TOPICS) > 0) is positive


def test_text_match_outranks_url_match() -> None:
    in_text = link_score("https://ops.pl/?p=1", "Klub Seniora", TOPICS)
    in_url = link_score("https://ops.pl/klub-seniora", "czytaj", TOPICS)
    assert in_text > in_url > 0


@pytest.mark.parametrize("toml", ["[X]\nphrases = []", "[X]\nlabel = 'x'", "not toml ["])
def test_bad_vocabulary_is_a_config_error(toml: str) -> None:
    with pytest.raises(ConfigError):
        parse_topics(toml)
