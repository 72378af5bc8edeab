"""Topic tags from the vocabulary data, and link scores for the focused crawl."""

from __future__ import annotations

import pytest

from praktyki.errors import ConfigError
from praktyki.parsers.topics import link_score, load_topics, parse_topics, tag_topics

TOPICS = load_topics()


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Ośrodek jako Centrum Aktywności Lokalnej", ("CAL",)),
        ("Nasz ośrodek pracuje metodą CAL.", ("CAL",)),
        ("Program Aktywności Lokalnej na lata 2022-2025", ("PAL",)),
        ("działalność Klubu Seniora WRZOS", ("Klub Seniora",)),
        ("Klub Integracji Społecznej zaprasza", ("KIS",)),
        ("powstał punkt informacji obywatelskiej", ("PIO",)),
        ("Centrum Interwencji Socjalnej stanowi dział", ("CIS",)),
        ("Centrum Integracji Społecznej", ("CIS",)),
        ("nabór wolontariuszy", ("wolontariat",)),
        ("Jan Paweł II o wolontariacie", ("wolontariat",)),
        ("Dzienny Dom Senior+ otwarty", ("Klub Seniora",)),
        # everyday social-work terms are not tags: they would mark half of all OPS pages
        ("spotkania grupy wsparcia dla rodzin", ()),
        ("asystent rodziny i Zespół Interdyscyplinarny", ()),
        ("paczki dla seniorów", ()),
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


def test_link_phrases_rank_links_but_never_tag() -> None:
    assert link_score("https://ops.pl/aktywnosc-lokalna", "Animacja społeczna", TOPICS) > 0
    assert tag_topics("Animacja społeczna i aktywność lokalna", TOPICS) == ()


def test_tags_follow_the_documented_spelling() -> None:
    assert TOPICS.tags == ("CAL", "PAL", "CIS", "KIS", "PIO", "wolontariat", "Klub Seniora")


def test_text_match_outranks_url_match() -> None:
    in_text = link_score("https://ops.pl/?p=1", "Klub Seniora", TOPICS)
    in_url = link_score("https://ops.pl/klub-seniora", "czytaj", TOPICS)
    assert in_text > in_url > 0


@pytest.mark.parametrize(
    "toml",
    [
        "[X]\nphrases = []",
        "[X]\nlabel = 'x'",
        "not toml [",
        "[X]\nphrases = ['x']\nlink_phrases = 'y'",
    ],
)
def test_bad_vocabulary_is_a_config_error(toml: str) -> None:
    with pytest.raises(ConfigError):
        parse_topics(toml)
