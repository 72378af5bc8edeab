"""Site chrome never reaches an article body, whatever page it came from."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from praktyki.parsers.chrome import (
    CHROME_LINES,
    END_LABEL,
    MAX_CHROME_LINE,
    is_chrome_line,
    is_comment_area,
    is_side_box,
)
from praktyki.parsers.ops import parse_ops_page

HANDMADE = Path(__file__).parent / "fixtures" / "ops" / "handmade"
CASES = tomllib.loads((HANDMADE / "cases.toml").read_text(encoding="utf-8"))

CHROME = [
    "Przejdź do treści",
    "Kontrast",
    "Czcionka",
    "A+",
    "ikona wczytywania strony",
    "Ikonka symbolizująca artykuł",
    "← Powrót do strony głównej",
    "Link do Biuletynu Informacji Publicznej",
    "Link do ePUAP",
    "Link do Karty Dużej Rodziny",
    "Elektroniczna skrzynka podawcza",
    "Wizyt na stronie",
    "Klaudii, Eufemii i Maurycego",
    "Poniedziałek: 07:00 - 17:00",
    "Copyright",
    "©",
    "cookies",
    "Polityka prywatności",
    "Deklaracja dostępności",
    "wybierz",
    "Jesteś tutaj",
    "Zadaj pytanie",
    "Podmiot udostępniający informację",
    "Rejestr zmian",
    "Statystyka odwiedzin",
    "Najnowsze wpisy",
    "DANE TELEADRESOWE",
    "Wyświetlono",
    "Zamieścił",
    "Zmodyfikował",
    "Dodano przez",
    "LFOON",
]


def all_bodies() -> str:
    bodies = []
    for name, case in CASES.items():
        if not (HANDMADE / f"{name}.body.txt").exists():
            continue  # a list page: no article, no body
        html = (HANDMADE / f"{name}.html").read_bytes()
        bodies += [r.body for r in parse_ops_page(html, case["url"], case.get("content_type"))]
    return "\n".join(bodies)


BODIES = all_bodies()


@pytest.mark.parametrize("chrome", CHROME)
def test_chrome_is_not_in_any_body(chrome: str) -> None:
    assert chrome not in BODIES


@pytest.mark.parametrize(
    "line",
    [
        "Przejdź do treści",
        "Pomiń nawigację",
        "Kontrast / Czcionka / A+ A-",
        "A+ A-",
        "Wersja kontrastowa",
        "Ta strona używa plików cookies. Korzystając ze strony akceptujesz politykę cookies.",
        "Akceptuję",
        "Wizyt na stronie: 126404 Wczoraj: 112 Dzisiaj: 15 Teraz: 1",
        "Środa, 20 marzec 2019 r. Klaudii, Eufemii i Maurycego",
        "ikona wczytywania strony",
        "Ikonka symbolizująca artykuł",
        "← Powrót do strony głównej",
        "« powrót",
        "Link do platformy epuap",
        "Elektroniczna skrzynka podawcza",
        "© 2007 Copyright by OPS w Janowie Lubelskim",
        "Wszelkie prawa zastrzeżone",
        "Polityka prywatności",
        "RODO",
        "CAL/CIS - wybierz podmenu:",
        "Jesteś tutaj: Strona Główna ❯ CAL/CIS",
        "Podmiot udostępniający informację: GOPS",
        "Drukuj",
        "Czytaj więcej »",
        "Zobacz także",
        "Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo",
        "Lesen Sie auch",
        "À lire aussi",
        "Related Stories",
        "You may also like",
        "Share this article",
        "Follow us on Twitter and Instagram",
        "Subscribe now to our eNATION edition for the full story.",
        "Kommentare geschlossen",
        "12 Comments",
        "Dodaj komentarz",
        "War der Artikel nützlich?",
    ],
)
def test_chrome_line_shapes(line: str) -> None:
    assert is_chrome_line(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Centrum Aktywności Lokalnej",
        "Praca metodą CAL oznacza:",
        "Pomoc w naturze",
        "Klub współpracuje z wolontariuszami z Centrum Wolontariatu.",
        "Więcej informacji udziela pracownik socjalny pod numerem 62 765 68 10.",
        "Zgłoszenia przyjmujemy w siedzibie ośrodka do dnia 30.06.2022 r.",
        "Zapisz się do Klubu Seniora w pokoju nr 5.",
        "Polecamy lekturę poradnika dla opiekunów osób starszych.",
        "Dołącz do nas! Szukamy wolontariuszy do pracy z dziećmi.",
        "Komentarz kierownika ośrodka do nowych przepisów o dodatku osłonowym.",
        "Newsletter ośrodka ukazuje się raz w miesiącu i trafia do wszystkich sołectw.",
        "Powrót ze szpitala to dla osoby starszej trudny moment, warto się do niego przygotować.",
    ],
)
def test_content_lines_are_not_chrome(line: str) -> None:
    assert is_chrome_line(line) is None


@pytest.mark.parametrize(
    ("markup", "trail"),
    [
        (
            '<nav class="breadcrumb"><h2 class="visually-hidden">Ścieżka nawigacyjna</h2>'
            '<ol><li><a href="/">Strona główna</a></li><li>PAL</li></ol></nav>',
            ("Strona główna", "PAL"),
        ),
        (
            '<div class="breadcrumbs"><span class="sr-only">Jesteś tutaj:</span>'
            '<a href="/">Start</a> › <span>KIS</span></div>',
            ("Start", "KIS"),
        ),
        (
            '<div class="pathway"><span class="breadcrumbs"><a href="/">Start</a> <img src="a.png"'
            ' alt=""> <a href="/x">Nasze działania</a> <img src="a.png" alt=""> Klub Seniora'
            "</span></div>",
            ("Start", "Nasze działania", "Klub Seniora"),
        ),
    ],
    ids=["drupal-hidden-heading", "sr-only-label", "image-dividers"],
)
def test_breadcrumb_without_screen_reader_labels(markup: str, trail: tuple[str, ...]) -> None:
    page = (
        f"<html><body>{markup}<div><h1>Tytuł</h1><p>{'Treść artykułu o klubie. ' * 8}</p>"
        "</div></body></html>"
    )
    [record] = parse_ops_page(page.encode(), "https://ops.example.pl/a")
    assert record.breadcrumb == trail


def test_end_labels() -> None:
    """After these labels an article's block holds its tags or its author's bio, not text."""
    for label in ("Tagi: senior, usługi", "Tags", "Schlagwörter:", "O autorze", "About the author"):
        assert END_LABEL.match(label), label
    assert not END_LABEL.match("Tagi i zwyczaje naszych seniorów opisujemy w kolejnym numerze.")


@pytest.mark.parametrize(
    ("names", "box"),
    [
        ("post-share-buttons", True),
        ("article__share", True),
        ("wp-caption-text", True),
        ("related_posts widget", True),
        ("newsletter-box", True),
        ("entry-tags", True),
        ("social-media-embed", False),  # a quoted tweet is part of the article
        ("shared-content", False),
        ("headline", False),
        ("entry-content", False),
    ],
)
def test_side_box_class_words(names: str, box: bool) -> None:
    assert is_side_box(names) is box


@pytest.mark.parametrize(
    ("names", "comments"),
    [
        ("comments-area", True),
        ("comment-list", True),
        ("comment odd alt depth-1 comment-950566", True),
        ("respond", True),
        ("disqus_thread", True),
        ("has-comments post", False),
        ("entry-content", False),
    ],
)
def test_comment_area_class_words(names: str, comments: bool) -> None:
    assert is_comment_area(names) is comments


def first_entry_one_by_one(text: str) -> str | None:
    """What is_chrome_line answers, read the plain way: each entry searched in vocabulary order."""
    if len(text) > MAX_CHROME_LINE:
        return None
    return next(
        (name for name, pattern in CHROME_LINES if re.search(pattern, text, re.IGNORECASE)),
        None,
    )


def fixture_lines() -> list[str]:
    pages = sorted((Path(__file__).parent / "fixtures" / "ops").rglob("*.html"))
    return [
        line
        for page in pages
        for line in LexborHTMLParser(page.read_bytes().decode("utf-8", "replace"))
        .text(separator="\n", strip=True)
        .splitlines()
    ]


def test_combined_patterns_answer_like_the_entries_one_by_one() -> None:
    # one line per entry written to match it (and, for some, an earlier entry too)
    lines = [*fixture_lines(), *CHROME, "© 2024 Wszelkie prawa zastrzeżone", "Menu główne"]
    answers = [(line, is_chrome_line(line)) for line in lines]
    assert answers == [(line, first_entry_one_by_one(line)) for line in lines]
    assert sum(1 for _, name in answers if name) > 50  # the check sees chrome lines
