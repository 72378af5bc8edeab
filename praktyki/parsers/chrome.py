"""Site chrome of Polish public-sector sites, as data.

Each entry is a named pattern for a *line* of visible text that belongs to the site, not to an
article: accessibility widgets, cookie notices, skip links, counters, name-day lines, links to
BIP / ePUAP, copyright lines, icon captions. The patterns are matched case-insensitively on the
whitespace-collapsed line, and only on short lines (``MAX_CHROME_LINE``): a paragraph that
merely mentions "polityka prywatności" is content. Add shapes here, not in the extractor.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "CHROME_ATTRS",
    "BOX_WORD",
    "CHROME_LINES",
    "COMMENT_WORD",
    "END_LABEL",
    "ATTACHMENTS_LABEL",
    "HOURS_LABEL",
    "META_BLOCK",
    "HOURS_LINE",
    "MAX_CHROME_LINE",
    "NEGATIVE_ATTRS",
    "POSITIVE_ATTRS",
    "is_chrome_line",
    "is_comment_area",
    "is_side_box",
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
    # short: "Powrót ze szpitala to trudny moment…" is a sentence, not a link back
    ("back link", r"^[←«<‹\s]*(powrót|wróć|wstecz|cofnij)\b.{0,40}$"),
    ("back link", r"^[←«<‹\s]*(do góry|na górę|w górę|początek strony)\b"),
    (
        "tool link",
        r"^(drukuj|wydrukuj|wersja do druku|drukuj stronę|pobierz pdf|udostępnij|"
        r"poleć znajomemu|wyślij znajomemu|zgłoś błąd)\b.{0,20}$",
    ),
    ("tool link", r"^(czytaj (więcej|dalej)|więcej|zobacz (więcej|wszystkie)|rozwiń|zwiń)\W{0,6}$"),
    # Joomla's read-more button names its article: "Więcej: Dzień Seniora"
    ("tool link", r"^(czytaj (więcej|dalej|całość)|więcej|read more)\s*:\s*\S.{0,150}$"),
    (
        "related label",
        r"^(powiązane|podobne|polecane|zobacz (też|także|również)|czytaj (też|także|również)|"
        r"inne|przeczytaj (też|także|również))( (wpisy|artykuły|aktualności|posty|wiadomości|"
        r"treści|informacje))?\s*:?$",
    ),
    ("tool link", r"^(poprzedni|następny|starsze|nowsze)( artykuł| wpis| strona)?\b.{0,60}$"),
    # The same boxes on sites in other languages (the markup nobody here wrote): a "read also"
    # label, with or without the linked title after it, a share or follow prompt, a comment
    # counter or form heading, a paywall or feedback prompt. Anchored at the line's start.
    (
        "related label",
        r"^(read (also|more)|see also|related( (stories|articles|posts|links|content|news|"
        r"reading|coverage))?|you (may|might) (also )?(like|enjoy)|recommended( for you)?|"
        r"most (read|popular)|lesen sie (auch|mehr|hier)|mehr zum thema|auch interessant|"
        r"(das )?(könnte|dürfte) (sie|dich) auch interessieren|schon gelesen|"
        r"empfehlungen( aus der redaktion)?|weitere (artikel|beiträge)( zum thema| aus [\w ]+)?|"
        r"(à )?lire aussi|voir aussi|sur le même sujet|lea (también|más)|lee también|"
        r"vea también|ver también|mira también|te puede interesar|leggi anche|"
        r"potrebbe interessarti|lees ook|(czytaj|zobacz|przeczytaj) (też|także|również))"
        r"\b\W{0,3}(\s.{0,150})?$",
    ),
    (
        "social",
        r"^(share (this|on|it|the)|like it\? share it|teilen sie|diesen artikel teilen|"
        r"partager|compartir|condividi|follow (us|me)|folgen sie uns|folge uns|síguenos|"
        r"siguenos|suivez-nous|seguici|obserwuj nas)\b.{0,100}$",
    ),
    (
        "subscribe",
        r"^(subscribe|sign up|abonnieren|jetzt abonnieren|zum newsletter|newsletter\W{0,3}$|"
        r"suscríbete|suscribite|abonnez-vous|iscriviti|kostenlos registrieren|"
        r"schon registriert|already a subscriber|to (view|read) the full (story|article)|"
        r"log in to (read|continue))\b.{0,120}$",
    ),
    (
        "comments",
        r"^(\d+\s+)?(comments?|kommentare?|commentaires?|comentarios?|commenti|"
        r"no comments( yet)?|keine kommentare|kommentare geschlossen|comments (are )?closed|"
        r"leave a (comment|reply)|schreibe einen kommentar|hinterlasse einen kommentar|"
        r"dodaj komentarz|brak komentarzy)\b\W{0,3}$",
    ),
    (
        "feedback",
        r"^(war (der|dieser) artikel (hilfreich|nützlich)|was this (article|page|post) "
        r"(helpful|useful)|(did|do) you (like|enjoy) this|dieser artikel gefällt ihnen|"
        r"czy (ten )?(artykuł|informacja) (był[ao]? )?pomocn)\w*\W{0,3}$",
    ),
    ("bip link", r"^link do\b"),
    # a bulletin's banner, "Biuletyn Informacji Publicznej Miejskiego Ośrodka … w Zalesiu",
    # words only (chrome in content, yet the site's name: ``ops_page.site_name_of`` takes it)
    ("bip banner", r"^(biuletyn informacji publicznej|bip)(\s+[\w-]+){0,12}$"),
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
    (
        "social",
        r"^(facebook|twitter|youtube|instagram|x|linkedin|pinterest|whatsapp|messenger|tiktok|"
        r"e-?mail|udostępnij to|podziel się)\s*:?$",
    ),
    # a site-wide "last updated" stamp in the footer is not the article's modification
    (
        "site update",
        r"^(data )?(ostatni\w* )?(aktualizacj\w*|modyfikacj\w*) (strony|serwisu|witryny)\b",
    ),
    ("home", r"^strona (główna|startowa)$"),
    (
        "bip chrome",
        r"^(podmiot udostępniający informację|rejestr zmian|statystyka odwiedzin|"
        r"metryczka|historia zmian|redakcja biuletynu|instrukcja obsługi( bip)?)\b",
    ),
)


def _anchored(pattern: str) -> bool:
    """True when ``pattern`` can only match at the start: it opens with ``^`` outside any
    alternation (``^a|b`` and ``(^a|b)`` do not)."""
    items = re._parser.parse(pattern).data  # type: ignore[attr-defined]
    return bool(items) and items[0] == (re._constants.AT, re._constants.AT_BEGINNING)  # type: ignore[attr-defined]


def _first_match_patterns(
    vocabulary: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str], tuple[tuple[int, re.Pattern[str]], ...]]:
    """The vocabulary as one pattern of its start-anchored entries (one named group each, in
    order) and the other entries, compiled one by one with their index."""
    starts = [_anchored(pattern) for _, pattern in vocabulary]  # a regex parse each: once
    combined = "|".join(
        f"(?P<p{i}>{pattern})" for i, (_, pattern) in enumerate(vocabulary) if starts[i]
    )
    others = tuple(
        (i, re.compile(pattern, re.IGNORECASE))
        for i, (_, pattern) in enumerate(vocabulary)
        if not starts[i]
    )
    return re.compile(combined, re.IGNORECASE), others


# ~40 separate searches per line were the OPS walk's hottest regex work. The start-anchored
# entries (most of them) are tried as one alternation, with one match at the line's start;
# the others still search one by one, but only those listed before the anchored hit.
_ANCHORED, _UNANCHORED = _first_match_patterns(CHROME_LINES)

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
# A label after which an article's block holds no more of its text: its tag list, the
# author's bio ("Tagi: …", "Schlagwörter", "About the author", "O autorze"). Text after a tag
# label only after a colon: "Tagi i zwyczaje …" is a sentence.
END_LABEL = re.compile(
    r"^((tags?|tagi|tagged( with)?|schlagwörter|schlagworte|stichwörter|etiquetas|"
    r"mots-clés|filed under)(\s*:\s*.{0,150}|\s*)|(about the author|über den autor|"
    r"zum autor|o autorze|sobre el autor|à propos de l'auteur|l'autore)\s*:?)$",
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


# One id/class word that names a comment thread, its items, its heading or its form
# ("comment-list", "comments-area", "comment-950566", "respond", "disqus_thread", "komentarze"):
# readers' comments are not the article, however long they run. Matched on whole words, so
# "has-comments" on an article element is not one.
COMMENT_WORD = re.compile(
    r"(?:^|\s)(?:(?:post|entry|article|blog|page|wp|fb|user|reader|news|single)[-_]+)?"
    r"(?:comments?|komentarze?|commentlist|respond|disqus(?:_thread)?)"
    r"(?:[-_]+(?:list|section|area|thread|wrap|wrapper|container|block|respond|form|box|title|"
    r"body|content|meta|author|text|item|reply|\d+))*(?=\s|$)",
    re.IGNORECASE,
)


# One id/class word that names a box beside the article's text, in any CMS: share bars,
# "related" / "recommended" lists, newsletter and subscription boxes, advertising, image
# captions and credits, galleries and slideshows, tag lists, author bios. A part of a
# hyphenated word must be one of these ("post-share-buttons", "wp-caption-text",
# "related_posts"), so "shared-content" or "headline" are not. Word parts exclude "_" so the
# pattern cannot backtrack exponentially on a long "a_a_a_…" class.
BOX_WORD = re.compile(
    r"(?:^|\s)(?![-\w]*embed)(?:[^\W_]+[-_]+)*(?:share|sharing|sharedaddy|social|socials|related|"
    r"recommended|recommendations|newsletter|subscribe|subscription|advert|advertisement|ads?|"
    r"adslot|promo|sponsored|outbrain|taboola|caption|credit|credits|gallery|slideshow|carousel|"
    r"tags|tagcloud|author-?bio|authorbox|about-author|udostepnij|polecane|powiazane)"
    r"(?:[-_]+[^\W_]+)*(?=\s|$)",
    re.IGNORECASE,
)


def is_comment_area(names: str) -> bool:
    """Whether an element's ``id``/``class`` words name a comment thread (``COMMENT_WORD``)."""
    return COMMENT_WORD.search(names) is not None


def is_side_box(names: str) -> bool:
    """Whether an element's ``id``/``class`` words name a box beside the article (``BOX_WORD``).

    An embed ("social-media-embed": a quoted tweet) is a part of the article, not a box.
    """
    return BOX_WORD.search(names) is not None


def is_chrome_line(text: str) -> str | None:
    """The name of the chrome pattern ``text`` matches, or None."""
    if len(text) > MAX_CHROME_LINE:
        return None
    return _chrome_name(text)


# A site repeats its chrome on every page ("Strona główna", "Kontrast", the footer), and one
# page asks about a line several times (the walk, the list-page check): in the corpus of
# bench_parse_cli, one line in ten is new.
@lru_cache(maxsize=8192)
def _chrome_name(text: str) -> str | None:
    # The first entry in vocabulary order that matches: the anchored alternation gives the
    # first anchored one (alternatives are tried in order, each matches only at the start);
    # an unanchored entry listed before it comes first.
    hit = _ANCHORED.match(text)
    first = int(hit.lastgroup[1:]) if hit is not None and hit.lastgroup else len(CHROME_LINES)
    for index, pattern in _UNANCHORED:
        if index > first:
            break
        if pattern.search(text):
            return CHROME_LINES[index][0]
    return CHROME_LINES[first][0] if hit is not None else None
