"""The OPS replica sites' content, written as data first; the markup is rendered from it.

Everything a test or benchmark compares against (``OpsSite.ground_truth``) is derived here from
these records by :func:`truth_body` and friends, never by parsing the rendered HTML. Seeds 003
(OPS w Górze) and 004 (OPS Janów Lubelski) are copied verbatim from ``shared/seeds``.

Body convention of the ground truth: blocks (paragraphs, lists) are separated by one blank
line; a ``<br>`` inside a paragraph is a single newline; each list item is one line starting
with ``"- "``; lines are stripped and empty blocks dropped.
"""

# ruff: noqa: E501  -- verbatim page text: one paragraph per line on purpose

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from praktyki.schemas.ops import Institution

__all__ = [
    "Article",
    "Attachment",
    "Block",
    "Bullets",
    "MenuItem",
    "Page",
    "Para",
    "SiteContent",
    "truth_body",
]


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph; ``\\n`` inside it is a ``<br>`` on the page."""

    text: str


@dataclass(frozen=True, slots=True)
class Bullets:
    """A list; each item one line in the truth, ``- `` prefixed."""

    items: tuple[str, ...]


Block = Para | Bullets
Blocks = tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str  # the link text
    target: str  # path on the site
    kind: str = "pdf"


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    blocks: Blocks
    topics: tuple[str, ...] = ()
    published_at: dt.datetime | None = None
    date_shown: str | None = None  # the published date exactly as the page prints it
    modified_at: dt.datetime | None = None
    modified_shown: str | None = None
    author: str | None = None
    editor: str | None = None
    views: int | None = None
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page of a site that carries articles (an "article page")."""

    target: str  # canonical path[?query]
    breadcrumb: tuple[str, ...]
    articles: tuple[Article, ...]
    heading: str | None = None  # a page heading above several articles (seed 003)
    print_target: str | None = None
    in_news: bool = False
    section: str | None = None  # the menu label the page belongs to

    @property
    def title(self) -> str:
        return self.heading or self.articles[0].title


@dataclass(frozen=True, slots=True)
class MenuItem:
    label: str
    target: str
    children: tuple[MenuItem, ...] = ()


@dataclass(frozen=True, slots=True)
class SiteContent:
    name: str
    style: str  # the markup module that renders it
    site_name: str
    institution: Institution | None
    menu: tuple[MenuItem, ...]
    pages: tuple[Page, ...]
    news_targets: tuple[str, ...]  # the news list, page 1..n
    offsite: tuple[str, ...]
    robots_disallow: tuple[str, ...]
    charset: str = "utf-8"
    news_page_size: int = 3
    updated: dt.datetime = dt.datetime(2023, 3, 20, 8, 0, tzinfo=dt.UTC)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def news(self) -> tuple[Page, ...]:
        return tuple(p for p in self.pages if p.in_news)


def truth_body(blocks: Blocks) -> str:
    """The ground-truth body text of an article (see the module docstring)."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            lines = [line.strip() for line in block.text.split("\n")]
        else:
            lines = [f"- {item.strip()}" for item in block.items]
        kept = [line for line in lines if line]
        if kept:
            parts.append("\n".join(kept))
    return "\n\n".join(parts)


# --- text shared word for word between two centres' pages (dedupe by URL, not text) ---

CAL_SHARED = 'Centrum Aktywności Lokalnej jest to program promujący "animacyjny" model działania instytucji publicznej w środowisku lokalnym. Centrum Aktywności Lokalnej nie jest nową organizacją, lecz metodą działania realizowaną przez istniejące instytucje samorządowe, ośrodki pomocy społecznej, szkoły, kluby osiedlowe, domy kultury, oraz organizacje pozarządowe itp.'

GORA_CIS: Blocks = (
    Para("Centrum Interwencji Socjalnej stanowi dział Ośrodka Pomocy Społecznej."),
    Para("Celem CIS jest:"),
    Bullets(
        (
            "Budowanie wszechstronnego systemu pomocy socjalnej, psychologicznej i prawnej z osobami w kryzysie",
            "Prowadzenie intensywnej pracy socjalnej z klientami długotrwale bezrobotnymi",
            "Pomoc rodzinie dysfunkcyjnej",
            "Działalność profilaktyczna, terapeutyczna, informacyjna",
            "Współpraca z organizacjami pozarządowymi",
            "Pomoc w naturze",
        )
    ),
)
GORA_CAL: Blocks = (
    Para(CAL_SHARED),
    Para(
        'Najważniejszą zasadą CAL jest realizowanie działań na rzecz społeczności lokalnej danej miejscowości czy osiedla przy zaangażowaniu i współpracy mieszkańców, organizacji, instytucji, firm. Dzięki temu instytucje "calowskie" stają się autentycznymi placówkami obywatelskimi i społecznościowymi.'
    ),
    Para(
        "Szansą na rozwój i poprawę wizerunku ośrodków pomocy społecznej jest wdrażanie programu Centrum Aktywności Lokalnej. Program ten powinien być szczególnie bliski pracownikom socjalnym, albowiem jest praktyczną realizacją dwóch klasycznych metod pracy socjalnej - środowiskowej i grupowej."
    ),
    Para(
        "Ośrodek Pomocy Społecznej w Górze dostrzegł tę szansę i w 2006 roku przystąpił do projektu Dolnośląska Akademia Aktywności Lokalnej - rozwój jakości usług sektora pomocy społecznej."
    ),
    Para(
        "Realizatorem projektu było Regionalne Centrum Wspierania Inicjatyw Pozarządowych. Współpraca merytoryczna - Stowarzyszenie Centrum Wspierania Aktywności Lokalnej CAL z Warszawy-organizacji, która wdraża metodę CAL w całym kraju."
    ),
    Para(
        'Głównym celem projektu było wprowadzenie do dolnośląskich OPS-ów modelu ośrodka pomocy społecznej jako "Centrum Aktywności Lokalnej - CAL".'
    ),
    Para(
        'Centrum Aktywności Lokalnej CAL to aktywizowanie społeczności lokalnych i tworzenie poczucia przynależności do danego miejsca. CAL jest sposobem działania, gdzie główna ideą jest "Pomóżmy ludziom, aby sami sobie pomogli".'
    ),
    Para(
        "Największą wartością CAL jest angażowanie mieszkańców oraz aktywizowanie lokalnych instytucji."
    ),
    Para("Praca metodą CAL oznacza:"),
    Bullets(
        (
            'Rozpoznanie środowiska lokalnego w formie opracowanej " Mapy zasobów i potrzeb środowiska lokalnego",',
            "Tworzenie w środowisku koalicji na rzecz pracy w środowisku,",
            "Inicjowanie ruchów samopomocowych,",
            "Tworzenie i wdrażanie pracy woluntarystycznej,",
            "Inicjowanie lokalnych akcji i wydarzeń,",
            "Działania w oparciu o programy i projekty.",
        )
    ),
    Para(
        "W 2008r. nasz Ośrodek otrzymał Certyfikat Dolnośląskiej Akademii Aktywności Lokalnej. Nasz ośrodek pracuje już metodą CAL."
    ),
    Para(
        "W grudniu 2007r. powstał punkt informacji obywatelskiej. Zadaniem naszego PIO jest dostarczenie informacji o przysługujących prawach i uprawnieniach, pomoc w wypełnieniu druków, pomoc w napisaniu CV, listów motywacyjnych. Celem PIO jest zwiększenie aktywności w podejmowaniu działań na rzecz poprawy sytuacji życiowej klienta."
    ),
    Para(
        "Ponadto utworzono grupę wsparcia dla pracowników socjalnych, dla matek samotnie wychowujących dzieci oraz opiekunów osób przebywających w Środowiskowym Domu Samopomocy."
    ),
    Para(
        "Organizujemy również imprezy okolicznościowe.\n23 grudnia 2007r zorganizowano wigilie dla podopiecznych naszego ośrodka. Przed świętami Bożego Narodzenia zorganizowano zbiórkę żywności w której uczestniczyli wolontariusze z Zespołu Szkół w Górze, a następnie wydawano paczki żywnościowe najbardziej potrzebującym."
    ),
)
JANOW_CAL: Blocks = (
    Para("OŚRODEK POMOCY SPOŁECZNEJ W JANOWIE LUBELSKIM JAKO CENTRUM AKTYWNOŚCI LOKALNEJ."),
    Para("\xa0"),
    Para(
        "\xa0\xa0\xa0 Transformacja ustrojowa w Polsce po 1989 roku rozpoczęła w Polsce nową erę. Jednak poza pozytywnymi efektami przyniosła za sobą także wiele negatywnych skutków. Idące zmiany w gospodarce i polityce społecznej nie zawsze przynosiły pozytywne efekty i skutki. Na czoło wysunęło się bezrobocie, które nie tylko pozbawiło pracy tysięcy osób, ale także w większości z nich uniemożliwiło powrót na rynek pracy. Brak zatrudnienia oznacza utratę dochodów co z kolei uniemożliwia zaspokajanie podstawowych potrzeb we własnym zakresie i prowadzi do zubożenia rodzin oraz ich marginalizacji w środowisku lokalnym. Zmiany pociągnęły za sobą również przeobrażenia w polityce społecznej. Ustawa o pomocy społecznej z 1990 r. określiła cele pomocy oraz jej zadania. Wśród głównych zadań – poza tworzeniem warunków organizacyjnych funkcjonowania pomocy, analizę zjawisk rodzących zapotrzebowanie na świadczenia pomocy społecznej oraz przyznawaniem i wypłacaniem przewidzianych ustawą świadczeń. Ustawodawca wskazał także konieczność pobudzania społecznej aktywności w zaspakajaniu niezbędnych potrzeb życiowych rodzin. Podstawą tych działań musi stać się wspieranie i wzmacnianie nie tylko osób i rodzin ale również grup i społeczności lokalnych. Powinno to odbywać się w myśl zasady - „Pomóż mu aby sam sobie pomógł”, która wskazuje, że każdy człowiek jest istotą odpowiedzialną, wyposażoną w niezbywalne prawo do samostanowienia o sobie i swoim losie. Współczesna pomoc społeczna powinna działać ze świadomym udziałem osób i rodzin w postępowaniu naprawczym i winna dążyć ku temu, żeby zmienić „biernych podopiecznych” w aktywnych, odpowiedzialnych partnerów. Pracownicy socjalni mają za zadanie wydobywać z bierności, motywować, pobudzać do działania, zachęcać do aktywnego uczestnictwa w życiu lokalnym.\nOśrodek Pomocy Społecznej w Janowie Lubelskim dostrzegł szansę i rozwój swojej działalności poprzez wdrażanie i propagowanie programu „Centrum Aktywności Lokalnej CAL”.\nPraca metodą CAL oznacza:"
    ),
    Bullets(
        (
            "posiadanie lub stworzenie realnego, fizycznego miejsca, które będzie służyć ożywaniu i integracji społeczności lokalnej (miejscem takim może być siedziba instytucji),",
            "rozpoznanie środowiska lokalnego w formie opracowanej „Mapy zasobów i potrzeb środowiska lokalnego”,",
            "tworzenie w środowisku koalicji na rzecz pracy w środowisku i wokół problemów,",
            "inicjowanie ruchów samopomocowych i obywatelskich,",
            "promowanie i wdrażanie pracy wolontarystycznej i zespołowej,",
            "inicjowanie lokalnych akcji i wydarzeń,",
            "działania w oparciu o programy i projekty.",
        )
    ),
    Para(
        "\xa0\xa0\xa0 Realizacja programu pozwoli na rozszerzenie oferty usług świadczonych przez OPS oraz umożliwi wszystkim mieszkańcom angażowanie się w działania na rzecz potrzebujących i najuboższych. Dodatkowo umożliwi korzystanie ze wsparcia wszystkim potrzebującym be względu na ich sytuację materialną. Dzięki zaplanowanym działaniom można przełamać stereotyp ośrodka, który zajmuje się „rozdawnictwem pieniędzy”. Chcielibyśmy aby ośrodek stał się centrum pośrednictwa i aktywności lokalnych partnerów.\nPodstawą działań był udział w szkoleniu CAL 3 pracowników OPS od marca 2006 roku do czerwca 2007 roku. Od tej chwili OPS stara się zmienić swój wizerunek oraz wdrożyć nowe metody pracy i innowacyjne działania."
    ),
    Para(
        "\xa0\xa0\xa0 Podstawą wszelkich działań było przygotowanie i zinwentaryzowanie sił tkwiących w środowisku (zasoby ludzkie i instytucjonalne) w formie mapy zasobów i potrzeb. Zostały przeprowadzone badania wśród mieszkańców (potrzeby, oczekiwania).\nRealizacja programu CAL to nie tylko dawanie, spełnianie żądań ale przede wszystkim aktywizowanie samych mieszkańców i mobilizowanie do działania oraz włączanie ich w rozwiązywanie problemów z jakimi się borykają. Mobilizacja mieszkańców odbywa się przede wszystkim przez inicjowanie działań wolontarystycznych i samopomocowych. Ważnym momentem było wdrożenie wolontariatu oraz podpisanie deklaracji o współpracy wolotarystycznej z innymi instytucjami działającymi na terenie gminy Janów Lubelski. Mając na względzie fakt, że wszelkie działania CAL mają być prowadzone we współpracy z innymi instytucjami w Ośrodku Pomocy Społecznej został powołany Zespół Interdyscyplinarny na rzecz profilaktyki środowiskowej oraz sytuacji kryzysowej. Jego podstawowym celem jest koordynacja działań, mających na celu rozwiązywanie problemów i zaspakajanie potrzeb zgłaszanych przez mieszkańców. Koalicyjne działania pozwalają na łączenie profesjonalizmu instytucji oraz spontaniczności organizacji pozarządowych i lokalnych grup. Ponieważ tylko wspólne działania mogą doprowadzić do załagodzenia trudnych problemów społecznych. Taka koalicja pozwala na inicjowanie różnych wydarzeń lokalnych, imprez integracyjnych."
    ),
    Bullets(
        (
            "I tak od kilku lat organizowane jest spotkanie integracyjne z dziećmi niepełnosprawnymi w miesiącu czerwcu. Dodatkowo planujemy rozszerzyć tą formę aktywności o festyn rodzinny na rynku miejskim.",
            "Wspólnie z organizacjami pozarządowymi organizowane są zajęcia dla dzieci w Świetlicy Środowiskowej,",
            "W ramach działalności Klubu Integracji Społecznej zainicjowano grupę samopomocową.",
            "Ośrodek Pomocy Społecznej dostrzegając problem osób starszych zainicjował działalność Klubu Seniora WRZOS.",
            "W ramach prac społecznie użytecznych bezrobotni mieszkańcy porządkują swoje otoczenie i dbają o schludny wygląd swojego miasta.",
        )
    ),
    Para(
        "\xa0\xa0\xa0 Ośrodek Pomocy Społecznej małymi kroczkami stara się zmienić dotychczasowy schemat pracy pracowników socjalnych. Myślimy, że zainicjowane nieduże jeszcze działania są dobrym początkiem i zachętą innych instytucji do szerszej współpracy."
    ),
)
JANOW_MENU: tuple[str, ...] = (
    "Aktualności",
    "Zespół Interdyscyplinarny ds. Przeciwdziałania Przemocy w Rodzinie",
    "Świadczenia rodzinne",
    "Zasiłek rodzinny z dodatkami",
    "Zasiłek pielęgnacyjny",
    "Świadczenie pielęgnacyjne",
    "Zapomoga z tyt. ur. dziecka",
    "OPS",
    "Godziny pracy",
    "Kontakt",
    "Schemat organizacyjny",
    "Kadra OPS-u",
    "Rejony opiekuńcze",
    "Komu pomagamy",
    "Świadczenia z OPS-u",
    "Zasiłek stały",
    "Zasiłek okresowy",
    "Dożywianie",
    "Zasiłek celowy",
    "Usługi opiekuńcze",
    "Dom Pomocy Społecznej",
    "Stypendia i zasiłki szkolne",
    "Terminy wypłat świadczeń",
    "Dodatki mieszkaniowe",
    "Zryczałtowany dodatek energetyczny",
    "Centrum Aktywności Lokalnej",
    'Klub Seniora "WRZOS"',
    "Wolontariat",
    "Jan Paweł II o wolontariacie",
    "Media o nas",
    "Podziękowania",
    "Refleksje podopiecznych",
    "Refleksje wolontariuszy",
    "Klub Młodzieżowy",
    "Prace Społecznie Użyteczne",
    "Przetargi i konkursy",
    "Ogólnopolska Karta Dużej Rodziny",
    "Janowska Karta Dużej Rodziny",
    "Programy Gminy",
    "Projekt systemowy",
    "Akty Prawne",
    "Ustawy",
    "Statut OPS",
    "Rozporządzenia",
    "Akty wewnętrzne",
    "Programy i strategie",
    "Pliki do pobrania",
    "Zdjęcia",
    "Zadaj pytanie",
)


def _d(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


GORA_INSTITUTION = Institution(
    name="Ośrodek Pomocy Społecznej w Górze",
    street="ul. Poznańska 23",
    postal_code="56-200",
    locality="Góra",
    phones=("+48655432201",),
    emails=(),  # the footer shows no e-mail; the contact page's body does
)


def gora_content() -> SiteContent:
    """Seed 003: a small custom CMS; the CAL/CIS category page carries two articles."""
    crumb = ("Strona Główna",)
    pages = (
        Page(
            "/kategoria/7/cal-cis-informacje",
            (*crumb, "CAL/CIS", "CAL/CIS Informacje"),
            (
                Article("CIS - Centrum Interwencji Socjalnej", GORA_CIS, topics=("CIS",)),
                Article(
                    "CAL - Centrum Aktywności Lokalnej",
                    GORA_CAL,
                    topics=("CAL", "PIO", "wolontariat"),
                ),
            ),
            heading="CAL/CIS ❯ CAL/CIS Informacje",
            print_target="/kategoria/7/cal-cis-informacje?druk=1",
            section="CAL/CIS",
        ),
        Page(
            "/artykul/41/klub-seniora-spotkanie-wielkanocne",
            (*crumb, "Aktualności", "Klub Seniora - spotkanie wielkanocne"),
            (
                Article(
                    "Klub Seniora - spotkanie wielkanocne",
                    (
                        Para(
                            "W czwartek przed świętami członkowie Klubu Seniora spotkali się przy wielkanocnym stole w świetlicy Ośrodka. Były życzenia, śpiewy i wspomnienia."
                        ),
                        Para(
                            "Klub Seniora działa przy Ośrodku Pomocy Społecznej od 2009 roku. Spotkania odbywają się w każdy wtorek i czwartek od 10:00 do 13:00."
                        ),
                        Para("Zapraszamy nowych członków!"),
                    ),
                    topics=("Klub Seniora",),
                    published_at=_d("2022-06-02T00:00:00"),
                    date_shown="2 czerwca 2022 roku",
                ),
            ),
            print_target="/artykul/41/klub-seniora-spotkanie-wielkanocne?druk=1",
            in_news=True,
            section="Aktualności",
        ),
        Page(
            "/artykul/40/wolontariusze-z-zespolu-szkol",
            (*crumb, "Aktualności", "Wolontariusze z Zespołu Szkół"),
            (
                Article(
                    "Wolontariusze z Zespołu Szkół",
                    (
                        Para(
                            "Dziękujemy uczniom Zespołu Szkół w Górze, którzy jako wolontariusze pomagali przy zbiórce żywności w sklepach na terenie miasta."
                        ),
                        Para(
                            "Zebrano 640 kg żywności. Paczki trafią do rodzin objętych pomocą Ośrodka.\nOsoby chcące włączyć się w wolontariat prosimy o kontakt z pracownikami socjalnymi."
                        ),
                    ),
                    topics=("wolontariat",),
                ),
            ),
            in_news=True,
            section="Aktualności",
        ),
        Page(
            "/artykul/39/dodatki-mieszkaniowe-wnioski",
            (*crumb, "Aktualności", "Dodatki mieszkaniowe - wnioski"),
            (
                Article(
                    "Dodatki mieszkaniowe - wnioski",
                    (
                        Para(
                            "Wnioski o dodatek mieszkaniowy przyjmowane są w pokoju nr 4 w godzinach pracy Ośrodka."
                        ),
                        Para("Do wniosku należy dołączyć:"),
                        Bullets(
                            (
                                "deklarację o dochodach za ostatnie trzy miesiące,",
                                "zaświadczenie o powierzchni lokalu,",
                                "ostatni rachunek za czynsz.",
                            )
                        ),
                    ),
                ),
            ),
            in_news=True,
            section="Aktualności",
        ),
        Page(
            "/artykul/38/wyplata-zasilkow-w-grudniu",
            (*crumb, "Aktualności", "Wypłata zasiłków w grudniu"),
            (
                Article(
                    "Wypłata zasiłków w grudniu",
                    (
                        Para(
                            "Informujemy, że zasiłki za grudzień zostaną wypłacone 20 grudnia. Kasa Ośrodka będzie czynna od 8:00 do 12:00."
                        ),
                    ),
                ),
            ),
            in_news=True,
            section="Aktualności",
        ),
        Page(
            "/strona/3/godziny-pracy",
            (*crumb, "OPS", "Godziny pracy"),
            (
                Article(
                    "Godziny pracy",
                    (
                        Para(
                            "Ośrodek Pomocy Społecznej w Górze jest czynny od poniedziałku do piątku w godzinach 7:30 - 15:30."
                        ),
                        Para("Kasa czynna w dni wypłat zasiłków od 8:00 do 12:00."),
                    ),
                ),
            ),
            section="OPS",
        ),
        Page(
            "/strona/5/kontakt",
            (*crumb, "Kontakt"),
            (
                Article(
                    "Kontakt",
                    (
                        Para("Ośrodek Pomocy Społecznej w Górze\nul. Poznańska 23\n56-200 Góra"),
                        Para("Sekretariat: tel. (65)543-22-01\ne-mail: ops@ops-gora.example.pl"),
                    ),
                ),
            ),
            section="Kontakt",
        ),
    )
    menu = (
        MenuItem("Strona Główna", "/"),
        MenuItem("Aktualności", "/aktualnosci"),
        MenuItem(
            "OPS",
            "/strona/3/godziny-pracy",
            (MenuItem("Godziny pracy", "/strona/3/godziny-pracy"),),
        ),
        MenuItem(
            "CAL/CIS",
            "/kategoria/7/cal-cis-informacje",
            (MenuItem("CAL/CIS Informacje", "/kategoria/7/cal-cis-informacje"),),
        ),
        MenuItem("Kontakt", "/strona/5/kontakt"),
    )
    return SiteContent(
        name="ops-gora",
        style="gora",
        site_name="Ośrodek Pomocy Społecznej w Górze",
        institution=GORA_INSTITUTION,
        menu=menu,
        pages=pages,
        news_targets=("/aktualnosci", "/aktualnosci?strona=2"),
        offsite=(
            "https://epuap.example-gov.pl/wps/portal/profil/opsgora",
            "http://bip.example-gora.pl/",
            "https://www.example-gov.pl/web/rodzina/karta-duzej-rodziny",
        ),
        robots_disallow=("/szukaj",),
        news_page_size=3,
    )


# Janów's menu pages that carry their own text; every other menu item gets a short page.
_JANOW_PAGES: dict[str, tuple[Blocks, tuple[str, ...]]] = {
    'Klub Seniora "WRZOS"': (
        (
            Para(
                'Klub Seniora "WRZOS" działa przy Ośrodku Pomocy Społecznej od 2007 roku. Spotkania odbywają się w każdą środę o godz. 15:00 w sali na parterze.'
            ),
            Para(
                "Seniorzy uczestniczą w zajęciach rękodzieła, wycieczkach, spotkaniach z lekarzem i policjantem dzielnicowym."
            ),
        ),
        ("Klub Seniora",),
    ),
    "Wolontariat": (
        (
            Para(
                "Przy Ośrodku działa Centrum Wolontariatu. Wolontariusze pomagają osobom starszym i niepełnosprawnym w codziennych czynnościach, prowadzą zajęcia z dziećmi w Świetlicy Środowiskowej."
            ),
            Para("Wolontariuszem może zostać każdy, kto ukończył 16 lat."),
        ),
        ("wolontariat",),
    ),
    "Jan Paweł II o wolontariacie": (
        (
            Para(
                "„Człowiek jest wielki nie przez to, co posiada, lecz przez to, kim jest; nie przez to, co ma, lecz przez to, czym dzieli się z innymi.”"
            ),
        ),
        ("wolontariat",),
    ),
    "Refleksje wolontariuszy": (
        (
            Para(
                "Pomagając innym, nauczyłam się cierpliwości. Każda wizyta u pani Marii to dla mnie lekcja życia. – Karolina, wolontariuszka"
            ),
        ),
        ("wolontariat",),
    ),
    "Klub Młodzieżowy": (
        (
            Para(
                "Klub Młodzieżowy zaprasza młodzież w wieku 13-18 lat od poniedziałku do piątku w godzinach 14:00 - 19:00. W programie: zajęcia sportowe, kółko teatralne, pomoc w nauce."
            ),
        ),
        (),
    ),
}


def _janow_generic(label: str, room: int) -> Blocks:
    return (
        Para(
            f"Informacje w sprawie: {label} można uzyskać w siedzibie Ośrodka Pomocy Społecznej w Janowie Lubelskim, pokój nr {room}, w godzinach pracy Ośrodka."
        ),
        Para("Druki wniosków dostępne są w sekretariacie oraz w dziale Pliki do pobrania."),
    )


def janow_content(rng: random.Random) -> SiteContent:
    """Seed 004: an old PHP CMS in ISO-8859-2 with a long left menu and a visit counter."""
    menu_ids = {label: 30 + i for i, label in enumerate(JANOW_MENU)}
    menu_ids["Aktualności"] = 1
    menu_ids["Centrum Aktywności Lokalnej"] = 21
    pages: list[Page] = [
        Page(
            "/index.php?id=21",
            (),
            (
                Article(
                    "Centrum Aktywności Lokalnej",
                    JANOW_CAL,
                    topics=("CAL", "KIS", "Klub Seniora", "wolontariat"),
                    published_at=_d("2008-04-30T12:52:47"),
                    date_shown="2008-04-30 12:52:47",
                    modified_at=_d("2008-04-30T13:02:48"),
                    modified_shown="2008-04-30 13:02:48",
                    author="Zbigniew Sowa",
                    editor="Zbigniew Sowa",
                    views=3561,
                ),
            ),
            print_target="/drukuj.php?id=21",
            section="Centrum Aktywności Lokalnej",
        )
    ]
    for label, page_id in menu_ids.items():
        if page_id in (1, 21):
            continue
        blocks, topics = _JANOW_PAGES.get(label, (_janow_generic(label, rng.randint(1, 20)), ()))
        when = dt.datetime(2007, 1, 1) + dt.timedelta(minutes=rng.randint(0, 3 * 525_600))
        pages.append(
            Page(
                f"/index.php?id={page_id}",
                (),
                (
                    Article(
                        label,
                        blocks,
                        topics=topics,
                        published_at=when,
                        date_shown=when.strftime("%Y-%m-%d %H:%M:%S"),
                        author="Zbigniew Sowa",
                        views=rng.randint(40, 2500),
                    ),
                ),
                print_target=f"/drukuj.php?id={page_id}",
                section=label,
            )
        )
    for news_id, (title, text, topics) in enumerate(_JANOW_NEWS, start=101):
        when = dt.datetime(2008, 5, 1) + dt.timedelta(minutes=rng.randint(0, 525_600))
        pages.append(
            Page(
                f"/index.php?news={news_id}",
                (),
                (
                    Article(
                        title,
                        (Para(text),),
                        topics=topics,
                        published_at=when,
                        date_shown=when.strftime("%Y-%m-%d %H:%M:%S"),
                        author="Anna Kowal",
                        views=rng.randint(40, 900),
                    ),
                ),
                in_news=True,
                section="Aktualności",
            )
        )
    return SiteContent(
        name="ops-janow",
        style="janow",
        # the site's name as it shows it (its <title>); the page never spells the name out
        site_name="OPS Janów Lubelski",
        institution=None,  # the pages show no contact block, only "© 2007 Copyright by OPS w …"
        menu=tuple(MenuItem(label, f"/index.php?id={i}") for label, i in menu_ids.items()),
        pages=tuple(pages),
        news_targets=("/index.php?id=1", "/index.php?id=1&start=3"),
        offsite=(
            "https://epuap.example-gov.pl/wps/portal/profil/opsjanow",
            "http://bip.example-janow.pl/",
            "http://www.lfoon.example.pl/",
        ),
        robots_disallow=("/admin/",),
        charset="iso-8859-2",
        extra={"print_charset": "windows-1250"},
        updated=dt.datetime(2019, 3, 20, 8, 0, tzinfo=dt.UTC),
    )


_JANOW_NEWS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Spotkanie integracyjne z dziećmi niepełnosprawnymi",
        "Zapraszamy na spotkanie integracyjne z dziećmi niepełnosprawnymi i ich rodzinami, które odbędzie się w czerwcu na rynku miejskim. Organizatorem jest Ośrodek wspólnie z organizacjami pozarządowymi.",
        (),
    ),
    (
        "Nabór do Klubu Integracji Społecznej",
        "Ośrodek prowadzi nabór uczestników do Klubu Integracji Społecznej. Zajęcia obejmują warsztaty aktywnego poszukiwania pracy i poradnictwo zawodowe.",
        ("KIS",),
    ),
    (
        "Terminy wypłat świadczeń w maju",
        "Świadczenia rodzinne za maj będą wypłacane od 15 maja w kasie Ośrodka oraz przelewem na konta bankowe.",
        (),
    ),
    (
        "Wolontariusze na Dzień Dziecka",
        "Dziękujemy wolontariuszom, którzy pomogli w organizacji festynu z okazji Dnia Dziecka.",
        ("wolontariat",),
    ),
)


WP_INSTITUTION = Institution(
    name="Miejski Ośrodek Pomocy Społecznej w Kaliszu",
    street="ul. Łazienna 6",
    postal_code="62-800",
    locality="Kalisz",
    phones=("+48627656010", "+48627656011"),
    emails=("sekretariat@mops-kalisz.example.pl",),
)


def _wp_post(
    target: str,
    title: str,
    blocks: Blocks,
    when: str,
    topics: tuple[str, ...] = (),
    attachments: tuple[Attachment, ...] = (),
) -> Page:
    published = _d(when)
    return Page(
        target,
        ("Strona główna", "Aktualności", title),
        (
            Article(
                title,
                blocks,
                topics=topics,
                published_at=published,
                date_shown=published.strftime("%Y-%m-%d %H:%M:%S"),
                author="MOPS Kalisz",
                attachments=attachments,
            ),
        ),
        print_target=f"{target}?print=1",
        in_news=True,
        section="Aktualności",
    )


def _wp_page(page_id: int, title: str, blocks: Blocks, topics: tuple[str, ...] = ()) -> Page:
    target = f"/?page_id={page_id}"
    return Page(
        target,
        ("Strona główna", title),
        (Article(title, blocks, topics=topics),),
        print_target=f"{target}&print=1",
        section=title,
    )


def wp_content() -> SiteContent:
    """A WordPress MOPS: ``?page_id=`` pages, dated post slugs, widgets that multiply URLs."""
    pages = (
        _wp_page(
            219,
            "➡ Klub Seniora",
            (
                Para(
                    "Klub Seniora to miejsce spotkań osób starszych, które chcą aktywnie spędzać czas, rozwijać zainteresowania i poznawać nowych ludzi."
                ),
                Para("W programie Klubu:"),
                Bullets(
                    (
                        "zajęcia ruchowe i spacery z kijkami,",
                        "warsztaty komputerowe,",
                        "wyjścia do kina i teatru,",
                        "spotkania z ciekawymi ludźmi.",
                    )
                ),
                Para("Zapisy: pokój nr 12, tel. 62 765 60 10 wew. 32."),
            ),
            ("Klub Seniora",),
        ),
        _wp_page(
            221,
            "Program Aktywności Lokalnej",
            (
                Para(
                    "Program Aktywności Lokalnej dla Osiedla Widok na lata 2021-2023 ma na celu aktywizację mieszkańców zagrożonych wykluczeniem społecznym."
                ),
                Para(CAL_SHARED),
                Para(
                    "W ramach programu prowadzimy warsztaty, grupy wsparcia oraz wspólne działania sąsiedzkie."
                ),
            ),
            ("PAL", "CAL"),
        ),
        _wp_page(
            230,
            "Dodatki mieszkaniowe",
            (
                Para("Dodatek mieszkaniowy przyznaje się na okres 6 miesięcy."),
                Para(
                    "Wniosek składa się w Dziale Dodatków Mieszkaniowych, ul. Łazienna 6, parter, pokój nr 3."
                ),
            ),
        ),
        _wp_page(
            7,
            "Kontakt",
            (
                Para("Miejski Ośrodek Pomocy Społecznej w Kaliszu\nul. Łazienna 6, 62-800 Kalisz"),
                Para("tel. 62 765 60 10, 62 765 60 11\ne-mail: sekretariat@mops-kalisz.example.pl"),
            ),
        ),
        _wp_post(
            "/2023/03/14/punkt-informacji-obywatelskiej-dyzury/",
            "Punkt Informacji Obywatelskiej – dyżury",
            (
                Para(
                    "Punkt Informacji Obywatelskiej przy MOPS prowadzi bezpłatne dyżury w każdy poniedziałek i środę w godzinach 12:00 - 16:00."
                ),
                Para("Porady obejmują prawo pracy, sprawy mieszkaniowe i konsumenckie."),
            ),
            "2023-03-14T09:30:12",
            ("PIO",),
        ),
        _wp_post(
            "/2021/06/02/dzien-dziecka-w-klubie-integracji-spolecznej/",
            "Dzień Dziecka w Klubie Integracji Społecznej",
            (
                Para(
                    "Uczestnicy Klubu Integracji Społecznej przygotowali festyn z okazji Dnia Dziecka dla mieszkańców osiedla."
                ),
                Para("Regulamin festynu znajduje się w załączniku."),
            ),
            "2021-06-02T10:15:31",
            ("KIS",),
            (Attachment("Regulamin festynu", "/wp-content/uploads/2021/06/regulamin-festynu.pdf"),),
        ),
        _wp_post(
            "/2019/09/19/poszukujemy-wolontariuszy/",
            "Poszukujemy wolontariuszy",
            (
                Para(
                    "Miejski Ośrodek Pomocy Społecznej w Kaliszu poszukuje wolontariuszy do pomocy osobom starszym w robieniu zakupów i załatwianiu spraw urzędowych."
                ),
                Para("Zgłoszenia przyjmujemy telefonicznie i mailowo."),
            ),
            "2019-09-19T14:49:54",
            ("wolontariat",),
        ),
        _wp_post(
            "/2019/05/06/zmiana-godzin-pracy-kasy/",
            "Zmiana godzin pracy kasy",
            (
                Para(
                    "Od 6 maja kasa MOPS czynna jest od poniedziałku do piątku w godzinach 8:00 - 13:00."
                ),
            ),
            "2019-05-06T08:02:10",
        ),
    )
    return SiteContent(
        name="mops-wp",
        style="wp",
        site_name="Miejski Ośrodek Pomocy Społecznej w Kaliszu",
        institution=WP_INSTITUTION,
        menu=(
            MenuItem("Strona główna", "/"),
            MenuItem("Aktualności", "/aktualnosci/"),
            MenuItem("➡ Klub Seniora", "/?page_id=219"),
            MenuItem("Program Aktywności Lokalnej", "/?page_id=221"),
            MenuItem("Dodatki mieszkaniowe", "/?page_id=230"),
            MenuItem("Kontakt", "/?page_id=7"),
        ),
        pages=pages,
        news_targets=("/aktualnosci/", "/aktualnosci/page/2/"),
        offsite=(
            "http://bip.example-kalisz.pl/mops",
            "https://epuap.example-gov.pl/wps/portal/profil/mopskalisz",
            "https://www.facebook.example.com/mopskalisz",
        ),
        robots_disallow=("/wp-admin/", "/?s="),
        news_page_size=2,
    )


DRUPAL_INSTITUTION = Institution(
    name="Gminny Ośrodek Pomocy Społecznej w Lisowie",
    street="ul. Kościuszki 2a",
    postal_code="28-130",
    locality="Lisów",
    phones=("+48413705133", "+48413705134"),
    emails=("gops@lisow.example.pl",),
)


def _node(nid: int, title: str, blocks: Blocks, section: str, **article: object) -> Page:
    news = section == "Aktualności"
    return Page(
        f"/node/{nid}",
        ("Strona główna", section, title) if section != title else ("Strona główna", title),
        (Article(title, blocks, **article),),  # type: ignore[arg-type]
        print_target=f"/print/node/{nid}",
        in_news=news,
        section=section,
    )


def drupal_content() -> SiteContent:
    """A Drupal GOPS: ``/node/N``, ``/print/node/N``, contact footer with opening hours."""
    pages = (
        _node(
            379,
            "Program Aktywności Lokalnej",
            (
                Para(
                    "Gmina Lisów realizuje Program Aktywności Lokalnej na lata 2022-2025. Program jest skierowany do rodzin z dziećmi oraz osób starszych z terenów wiejskich."
                ),
                Para(CAL_SHARED),
                Para("Działania programu:"),
                Bullets(
                    (
                        "animacja lokalna w świetlicach wiejskich,",
                        "Klub Integracji Społecznej dla osób bezrobotnych,",
                        "wolontariat młodzieżowy.",
                    )
                ),
            ),
            "Program Aktywności Lokalnej",
            topics=("PAL", "CAL", "KIS", "wolontariat"),
        ),
        _node(
            380,
            "Klub Integracji Społecznej",
            (
                Para(
                    "Klub Integracji Społecznej prowadzi zajęcia reintegracji zawodowej i społecznej dla osób długotrwale bezrobotnych."
                ),
                Para("Zajęcia odbywają się we wtorki i czwartki w budynku GOPS."),
            ),
            "Klub Integracji Społecznej",
            topics=("KIS",),
        ),
        _node(
            381,
            "Stypendia szkolne",
            (
                Para("Wnioski o stypendium szkolne przyjmujemy do 15 września."),
                Para(
                    "Wysokość dochodu uprawniającego do stypendium wynosi 600 zł netto na osobę w rodzinie."
                ),
            ),
            "Stypendia szkolne",
        ),
        _node(
            401,
            "Spotkanie Klubu Seniora",
            (
                Para(
                    "6 czerwca w świetlicy w Lisowie odbyło się spotkanie Klubu Seniora. Seniorzy przygotowali wystawę rękodzieła."
                ),
            ),
            "Aktualności",
            topics=("Klub Seniora",),
            published_at=_d("2022-06-06T00:00:00"),
            date_shown="06.06.2022r.",
        ),
        _node(
            402,
            "Zmiana godzin pracy w okresie wakacyjnym",
            (Para("W lipcu i sierpniu GOPS czynny jest w poniedziałki od 07:00 do 15:00."),),
            "Aktualności",
            published_at=_d("2022-06-20T00:00:00"),
            date_shown="20.06.2022r.",
        ),
        _node(
            403,
            "Wolontariusze w akcji „Paczka dla seniora”",
            (
                Para(
                    "Dziękujemy młodzieży ze szkoły w Lisowie za udział w akcji. Wolontariusze dostarczyli 48 paczek."
                ),
            ),
            "Aktualności",
            # volunteers delivering parcels to seniors: no Klub Seniora is named
            topics=("wolontariat",),
        ),
    )
    return SiteContent(
        name="gops-drupal",
        style="drupal",
        site_name="Gminny Ośrodek Pomocy Społecznej w Lisowie",
        institution=DRUPAL_INSTITUTION,
        menu=(
            MenuItem("Strona główna", "/"),
            MenuItem("Aktualności", "/aktualnosci"),
            MenuItem("Program Aktywności Lokalnej", "/node/379"),
            MenuItem("Klub Integracji Społecznej", "/node/380"),
            MenuItem("Stypendia szkolne", "/node/381"),
        ),
        pages=pages,
        news_targets=("/aktualnosci", "/aktualnosci?page=1"),
        offsite=(
            "http://bip.example-lisow.pl/",
            "https://epuap.example-gov.pl/wps/portal/profil/gopslisow",
        ),
        robots_disallow=("/user/", "/search/"),
        news_page_size=2,
        extra={"manager": "mgr Barbara Wiśniewska"},
    )


BIP_INSTITUTION = Institution(
    name="Miejski Ośrodek Pomocy Rodzinie w Zalesiu",
    street="ul. Parkowa 5",
    postal_code="26-900",
    locality="Zalesie",
    phones=("+48486141200",),
    emails=("mopr@zalesie.example.pl",),
)


def _bip_article(aid: int, menu: str, title: str, blocks: Blocks, **article: object) -> Page:
    return Page(
        f"/artykul/{aid}",
        ("Strona główna", menu, title),
        (Article(title, blocks, **article),),  # type: ignore[arg-type]
        print_target=f"/artykul/{aid}/drukuj",
        in_news=menu == "Ogłoszenia",
        section=menu,
    )


def bip_content(rng: random.Random) -> SiteContent:
    """A BIP-platform MOPR: metryczka (Wytworzył / Data wytworzenia), Rejestr zmian, PDFs."""
    people = ("Ewa Malinowska", "Piotr Zieliński")
    pages = (
        _bip_article(
            12,
            "Programy",
            "Program Aktywności Lokalnej na lata 2021-2025",
            (
                Para(
                    "Uchwałą Rady Miejskiej w Zalesiu przyjęto Program Aktywności Lokalnej na lata 2021-2025."
                ),
                Para(
                    "Program realizuje Miejski Ośrodek Pomocy Rodzinie we współpracy z organizacjami pozarządowymi. Celem programu jest aktywizacja społeczna i zawodowa mieszkańców."
                ),
            ),
            topics=("PAL",),
            published_at=_d("2021-06-30T00:00:00"),
            date_shown="30.06.2021 r.",
            modified_at=_d("2022-06-06T00:00:00"),
            modified_shown="06.06.2022r.",
            author=people[0],
            editor=people[1],
            views=rng.randint(100, 900),
            attachments=(
                Attachment(
                    "Program Aktywności Lokalnej 2021-2025",
                    "/plik/88/program-aktywnosci-lokalnej.pdf",
                ),
                Attachment("Uchwała nr XXX/215/2021", "/plik/89/uchwala-xxx-215-2021.pdf"),
            ),
        ),
        _bip_article(
            14,
            "Programy",
            "Wolontariat w MOPR",
            (
                Para(
                    "MOPR prowadzi nabór wolontariuszy do pracy z dziećmi w świetlicach i z osobami starszymi."
                ),
                Para(
                    "Warunkiem jest podpisanie porozumienia o wykonywaniu świadczeń wolontariusza."
                ),
            ),
            topics=("wolontariat",),
            published_at=_d("2020-02-11T00:00:00"),
            date_shown="11.02.2020 r.",
            author=people[0],
            views=rng.randint(100, 900),
        ),
        _bip_article(
            3,
            "Status prawny",
            "Statut Miejskiego Ośrodka Pomocy Rodzinie",
            (Para("Statut nadany uchwałą Rady Miejskiej w Zalesiu z dnia 17 kwietnia 2007 r."),),
            published_at=_d("2007-04-17T00:00:00"),
            date_shown="17.04.2007r",
            author=people[1],
            views=rng.randint(100, 900),
        ),
        _bip_article(
            21,
            "Ogłoszenia",
            "Nabór na stanowisko pracownika socjalnego",
            (
                Para(
                    "Dyrektor MOPR ogłasza nabór na wolne stanowisko urzędnicze: pracownik socjalny."
                ),
                Para("Wymagane dokumenty należy składać do 30 czerwca 2021 r."),
            ),
            published_at=_d("2021-06-02T00:00:00"),
            date_shown="2 czerwca 2021 roku",
            author=people[1],
            views=rng.randint(100, 900),
        ),
        _bip_article(
            22,
            "Ogłoszenia",
            "Punkt Informacji Obywatelskiej - nowe godziny dyżurów",
            (
                Para(
                    "Od 1 lipca Punkt Informacji Obywatelskiej przyjmuje interesantów we wtorki od 10:00 do 14:00."
                ),
            ),
            topics=("PIO",),
            published_at=_d("2022-06-27T00:00:00"),
            date_shown="27.06.2022 r.",
            author=people[0],
            views=rng.randint(100, 900),
        ),
        _bip_article(
            23,
            "Ogłoszenia",
            "Informacja o dodatkach osłonowych",
            (Para("Wnioski o dodatek osłonowy można składać w siedzibie MOPR lub przez ePUAP."),),
            published_at=_d("2022-01-10T00:00:00"),
            date_shown="10.01.2022 r.",
            author=people[0],
            views=rng.randint(100, 900),
        ),
    )
    return SiteContent(
        name="mopr-bip",
        style="bip",
        site_name="Biuletyn Informacji Publicznej Miejskiego Ośrodka Pomocy Rodzinie w Zalesiu",
        institution=BIP_INSTITUTION,
        menu=(
            MenuItem("Strona główna", "/"),
            MenuItem("Status prawny", "/menu/1"),
            MenuItem("Programy", "/menu/2"),
            MenuItem("Ogłoszenia", "/menu/9"),
            MenuItem("Rejestr zmian", "/rejestr-zmian"),
            MenuItem("Statystyka odwiedzin", "/statystyka"),
        ),
        pages=pages,
        news_targets=("/menu/9", "/menu/9?strona=2"),
        offsite=(
            "https://www.example-bip.gov.pl/",
            "https://epuap.example-gov.pl/wps/portal/profil/moprzalesie",
            "http://www.mopr-zalesie.example.pl/",
        ),
        robots_disallow=("/szukaj", "/admin/"),
        news_page_size=2,
    )
