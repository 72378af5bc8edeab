"""Site chrome of Polish public-sector sites, as data.

Each entry is a named pattern for a *line* of visible text that belongs to the site, not to an
article: accessibility widgets, cookie notices, skip links, counters, name-day lines, links to
BIP / ePUAP, copyright lines, icon captions. The patterns are matched case-insensitively on the
whitespace-collapsed line, and only on short lines (``MAX_CHROME_LINE``): a paragraph that
merely mentions "polityka prywatności" is content. Add shapes here, not in the extractor.
"""

from __future__ import annotations

import re

__all__ = [
    "CHROME_ATTRS",
    "CHROME_LINES",
    "ATTACHMENTS_LABEL",
    "HOURS_LABEL",
    "META_BLOCK",
    "HOURS_LINE",
    "MAX_CHROME_LINE",
    "NEGATIVE_ATTRS",
    "POSITIVE_ATTRS",
    "is_chrome_line",
]

MAX_CHROME_LINE = 160

_WEEKDAY = r"(?:poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela)"
_MONTH = r"(?:stycz|lut|mar|kwie|maj|czerw|lip|sierp|wrze|paźdz|listop|grud)[a-ząćęłńóśźż]*"

CHROME_LINES: tuple[tuple[str, str], ...] = (
    ("skip link", r"^(przejdź|przejdz|skocz|pomiń|pomin)\s+(do|nawigację|menu)\b"),
    ("skip link", r"^skip to\b"),
    (
        "accessibility",
        r"^(kontrast|czcionka|wielkość (czcionki|tekstu)|rozmiar (czcionki|tekstu)|"
        r"zmień (kontrast|czcionkę|rozmiar)|wersja (kontrastowa|tekstowa|dla słabowidzących)|"
        r"wysoki kontrast|normalny kontrast|ułatwienia dostępu|dostępność|tłumacz migowy|"
        r"powiększ|pomniejsz|domyślny rozmiar|odstępy|podkreśl linki|skala szarości)\b",
    ),
    ("accessibility", r"^(a\s*[+-]{1,2}\s*|a\s*){1,4}$"),
    ("accessibility", r"^(kontrast|czcionka)(\s*[/|]\s*(kontrast|czcionka|a\+*|a-))+"),
    ("cookies", r"(cookie|ciasteczk)\w*.*(używa|wykorzyst|korzyst|akcept|zgod|przeglądar|polityk)"),
    ("cookies", r"(używa|wykorzyst|korzyst|akcept|zgod|przeglądar).*(cookie|ciasteczk)"),
    ("cookies", r"^(akceptuję|akceptuje|rozumiem|zgadzam się|nie zgadzam się|zamknij|ok)[.!]?$"),
    ("counter", r"(wizyt na stronie|odwiedzin na stronie|odwiedziło nas|liczba odwiedzin strony)"),
    ("counter", r"\b(wczoraj|dzisiaj|dziś|teraz|online)\s*:\s*\d+"),
    ("counter", r"^(gości|użytkowników) online\b|^licznik\b"),
    ("name day", rf"^{_WEEKDAY},?\s+\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\s*(r\.|roku)?\s*\S+"),
    ("name day", r"\bimieniny\b"),
    ("icon caption", r"^(ikona|ikonka|ikonki|obrazek|grafika|logo)\b.{0,60}$"),
    ("back link", r"^[←«<‹\s]*(powrót|wróć|wstecz|cofnij)\b"),
    ("back link", r"^[←«<‹\s]*(do góry|na górę|w górę|początek strony)\b"),
    (
        "tool link",
        r"^(drukuj|wydrukuj|wersja do druku|drukuj stronę|pobierz pdf|udostępnij|"
        r"poleć znajomemu|wyślij znajomemu|zgłoś błąd)\b.{0,20}$",
    ),
    ("tool link", r"^(czytaj (więcej|dalej)|więcej|zobacz (więcej|wszystkie)|rozwiń|zwiń)\W{0,6}$"),
    ("tool link", r"^(poprzedni|następny|starsze|nowsze)( artykuł| wpis| strona)?\b.{0,60}$"),
    ("bip link", r"^link do\b"),
    (
        "bip link",
        r"^(biuletyn informacji publicznej|bip|e-?puap|platforma e-?puap|"
        r"elektroniczna skrzynka podawcza|skrzynka podawcza|esp|profil zaufany|"
        r"karta dużej rodziny|ogólnopolska karta dużej rodziny)\b.{0,40}$",
    ),
    (
        "policy",
        r"^(polityka prywatności|polityka cookies|deklaracja dostępności|rodo|"
        r"klauzula informacyjna|mapa (strony|serwisu)|regulamin (strony|serwisu)|"
        r"ochrona danych osobowych)\b.{0,60}$",
    ),
    (
        "copyright",
        r"(©|\(c\)\s*\d{4}|copyright|wszelkie prawa zastrzeżone|projekt i wykonanie|"
        r"wykonanie strony|realizacja strony|powered by|created by|strona wykonana)",
    ),
    ("breadcrumb", r"^(jesteś tutaj|jesteś w|znajdujesz się|tu jesteś|twoja lokalizacja)\s*:"),
    ("submenu", r"\bwybierz\s*(\S+\s*)?podmenu\b|^podmenu\b|^menu\b.{0,20}$"),
    ("search", r"^(szukaj|wyszukaj|wyszukiwarka|wpisz szukan\w* (frazę|tekst))\b.{0,30}$"),
    ("login", r"^(zaloguj|wyloguj|logowanie|rejestracja)\b.{0,20}$"),
    ("loading", r"\b(wczytywani\w*|ładowani\w*) strony\b|^loading\b"),
    ("social", r"^(facebook|twitter|youtube|instagram|x|linkedin)$"),
    ("home", r"^strona (główna|startowa)$"),
    (
        "bip chrome",
        r"^(podmiot udostępniający informację|rejestr zmian|statystyka odwiedzin|"
        r"metryczka|historia zmian|redakcja biuletynu|instrukcja obsługi( bip)?)\b",
    ),
)

_COMPILED = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in CHROME_LINES)

# Opening hours ("Poniedziałek: 07:00 - 17:00", "pn.-pt. 7.30-15.30") are chrome when they
# follow a label like "Godziny pracy"; on their own they may be an article's timetable.
HOURS_LABEL = re.compile(
    r"^(godziny (pracy|otwarcia|urzędowania|przyjęć)|czynne|kasa czynna|sekretariat czynny)\b",
    re.IGNORECASE,
)
HOURS_LINE = re.compile(
    r"^(pon|wt|śr|czw|pt|sob|niedz|pn)[a-ząćęłńóśźż.]*[\s\-–,a-ząćęłńóśźż.]*:?\s*"
    r"(w godz\.?|godz\.?|od)?\s*\d{1,2}[:.]\d{2}\s*(-|–|do)\s*\d{1,2}[:.]\d{2}",
    re.IGNORECASE,
)

# The heading of a metadata block after an article (BIP's "Metryczka" table, "Informacje o
# publikacji" <dl>): nothing after it in the article's block is article text.
META_BLOCK = re.compile(
    r"^(metryczka|metryka( strony| dokumentu| informacji| publikacji| artykułu)?|"
    r"informacje? o (publikacji|dokumencie|artykule|informacji|wpisie)|metadane|"
    r"dane (publikacji|dokumentu)|szczegóły publikacji)\s*:?$",
    re.IGNORECASE,
)
# The label over a list of files; the files go to ``attachments``, the label with them.
ATTACHMENTS_LABEL = re.compile(
    r"^(załącznik|załączniki|pliki|pliki do pobrania|do pobrania|dokumenty do pobrania|"
    r"załączone pliki|materiały do pobrania)\s*:?$",
    re.IGNORECASE,
)

# id/class words that hint at chrome or at content. Weak evidence: they only scale a
# candidate's score, never decide alone (the markup we will meet was written by nobody here).
NEGATIVE_ATTRS = re.compile(
    r"menu|nav|sidebar|side-bar|footer|stopka|header|naglowek|cookie|baner|banner|widget|"
    r"breadcrumb|okruszki|share|social|komentarz|comment|related|wcag|contrast|kontrast|"
    r"skip|toolbar|modal|popup|login|search|szukaj|kalendarz|calendar|licznik|counter",
    re.IGNORECASE,
)
POSITIVE_ATTRS = re.compile(
    r"article|artykul|content|tresc|treść|main|post|entry|text|tekst|news|aktualnosc|body|"
    r"page|strona|opis",
    re.IGNORECASE,
)
# Attribute words strong enough to mark a whole subtree as chrome.
CHROME_ATTRS = re.compile(
    r"cookie|gdpr|consent|rodo-?(bar|info|popup)|wcag|accessibility|dostepnosc|skip-?link|"
    r"sr-only|visually-hidden|screen-reader",
    re.IGNORECASE,
)


def is_chrome_line(text: str) -> str | None:
    """The name of the chrome pattern ``text`` matches, or None."""
    if len(text) > MAX_CHROME_LINE:
        return None
    for name, pattern in _COMPILED:
        if pattern.search(text):
            return name
    return None
