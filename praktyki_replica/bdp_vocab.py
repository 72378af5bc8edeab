# ruff: noqa: E501 - the tables read best one record per line
"""Word lists for the BDP replica: the site's sections, real-looking localities, names, phrases.

Plain data. Section and subsection numbers are arbitrary on purpose (only ``p1=111`` for the home
page and ``p1=6&p2=20`` for "Współpraca między JST : Praktyki" are known from the real site), so a
crawler has to discover them from the menu.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BANNERS",
    "FIRST_NAMES",
    "LOCALITIES",
    "Locality",
    "PRESENTATION_HEADINGS",
    "ROLES",
    "SECTIONS",
    "SENTENCES",
    "STREETS",
    "SURNAMES",
    "Section",
    "TITLE_TEMPLATES",
    "UNIT_PREFIXES",
    "VOIVODESHIPS",
]


@dataclass(frozen=True, slots=True)
class Section:
    """A menu section; ``subsections`` are ``(p2, name)``; ``page`` marks a section without practices."""

    p1: int
    name: str
    subsections: tuple[tuple[int, str], ...] = ()
    external: str | None = None


HOME_P1 = 111

SECTIONS: tuple[Section, ...] = (
    Section(
        3,
        "Usługi społeczne",
        ((11, "Kultura"), (12, "Pomoc społeczna"), (13, "Oświata"), (14, "Ochrona zdrowia"))
        + ((15, "Sport i rekreacja"),),
    ),
    Section(
        4,
        "Usługi techniczne",
        ((41, "Gospodarka odpadami"), (42, "Wodociągi i kanalizacja"), (43, "Drogi i transport"))
        + ((44, "Gospodarka mieszkaniowa"), (45, "Ochrona środowiska")),
    ),
    Section(
        5,
        "Rozwój instytucjonalny",
        ((51, "Zarządzanie strategiczne"), (52, "Zarządzanie finansami"), (53, "Obsługa klienta"))
        + ((54, "Zarządzanie zasobami ludzkimi"), (55, "Promocja i rozwój gospodarczy")),
    ),
    Section(
        9,
        "Efektywność energetyczna",
        ((91, "Termomodernizacja"), (92, "Oświetlenie uliczne"), (93, "Odnawialne źródła energii")),
    ),
    Section(7, "Współpraca JST-NGO", ((24, "Praktyki"),)),
    Section(6, "Współpraca między JST", ((20, "Praktyki"),)),
    Section(8, "Dialog społeczny", ((81, "Konsultacje społeczne"), (82, "Rady dialogu"))),
    Section(10, "SMUP", ((101, "Praktyki"),)),
    Section(12, "Mapa Praktyk"),
    Section(13, "Inne bazy danych"),
    Section(14, "Publikacje i dokumenty"),
    # Never a host the crawler can reach: ".invalid" is reserved and resolves nowhere.
    Section(0, "Portal jst.org.pl", external="http://www.jst.org.pl.invalid/"),
)

BANNERS: dict[int, str] = {
    7: "Model współpracy administracji publicznej i organizacji pozarządowych - "
    "wypracowanie i upowszechnienie standardów współpracy",
    6: "Budowanie kompetencji do współpracy międzysamorządowej w Polsce – "
    "projekt współfinansowany ze środków Unii Europejskiej",
}

VOIVODESHIPS: tuple[str, ...] = (
    "dolnośląskie",
    "kujawsko-pomorskie",
    "lubelskie",
    "lubuskie",
    "łódzkie",
    "małopolskie",
    "mazowieckie",
    "opolskie",
    "podkarpackie",
    "podlaskie",
    "pomorskie",
    "śląskie",
    "świętokrzyskie",
    "warmińsko-mazurskie",
    "wielkopolskie",
    "zachodniopomorskie",
)


@dataclass(frozen=True, slots=True)
class Locality:
    name: str
    postal_code: str
    post_office: str
    county: str | None
    voivodeship: str
    unit_type: str
    population: int
    area_code: str  # two-digit trunk code of the phone numbers there
    domain: str


LOCALITIES: tuple[Locality, ...] = (
    Locality("Pułtusk", "06-100", "Pułtusk", "pułtuski", "mazowieckie", "gmina miejsko-wiejska", 23235, "23", "pultusk.pl"),
    Locality("Płock", "09-400", "Płock", None, "mazowieckie", "miasto na prawach powiatu", 119425, "24", "plock.eu"),
    Locality("Krotoszyn", "63-700", "Krotoszyn", "krotoszyński", "wielkopolskie", "gmina miejsko-wiejska", 37950, "62", "krotoszyn.pl"),
    Locality("Gniezno", "62-200", "Gniezno", "gnieźnieński", "wielkopolskie", "powiat", 145020, "61", "powiat-gniezno.pl"),
    Locality("Chełmno", "86-200", "Chełmno", "chełmiński", "kujawsko-pomorskie", "gmina miejska", 19890, "56", "chelmno.pl"),
    Locality("Wieliczka", "32-020", "Wieliczka", "wielicki", "małopolskie", "gmina miejsko-wiejska", 57400, "12", "wieliczka.eu"),
    Locality("Zakopane", "34-500", "Zakopane", "tatrzański", "małopolskie", "gmina miejska", 27266, "18", "zakopane.eu"),
    Locality("Gliwice", "44-100", "Gliwice", None, "śląskie", "miasto na prawach powiatu", 180000, "32", "gliwice.eu"),
    Locality("Żywiec", "34-300", "Żywiec", "żywiecki", "śląskie", "gmina miejska", 31640, "33", "zywiec.pl"),
    Locality("Oleśnica", "56-400", "Oleśnica", "oleśnicki", "dolnośląskie", "gmina miejska", 37242, "71", "olesnica.pl"),
    Locality("Kudowa-Zdrój", "57-350", "Kudowa-Zdrój", "kłodzki", "dolnośląskie", "gmina miejska", 10033, "74", "kudowa.pl"),
    Locality("Nysa", "48-300", "Nysa", "nyski", "opolskie", "gmina miejsko-wiejska", 57000, "77", "nysa.pl"),
    Locality("Głogówek", "48-250", "Głogówek", "prudnicki", "opolskie", "gmina miejsko-wiejska", 14100, "77", "glogowek.pl"),
    Locality("Zielona Góra", "65-424", "Zielona Góra", None, "lubuskie", "miasto na prawach powiatu", 139800, "68", "zielona-gora.pl"),
    Locality("Sulęcin", "69-200", "Sulęcin", "sulęciński", "lubuskie", "gmina miejsko-wiejska", 16050, "95", "sulecin.pl"),
    Locality("Szczecinek", "78-400", "Szczecinek", "szczecinecki", "zachodniopomorskie", "gmina miejska", 40500, "94", "szczecinek.pl"),
    Locality("Police", "72-010", "Police", "policki", "zachodniopomorskie", "gmina miejsko-wiejska", 41800, "91", "police.pl"),
    Locality("Kartuzy", "83-300", "Kartuzy", "kartuski", "pomorskie", "gmina miejsko-wiejska", 33000, "58", "kartuzy.pl"),
    Locality("Sopot", "81-704", "Sopot", None, "pomorskie", "miasto na prawach powiatu", 36500, "58", "sopot.pl"),
    Locality("Olsztynek", "11-015", "Olsztynek", "olsztyński", "warmińsko-mazurskie", "gmina miejsko-wiejska", 13600, "89", "olsztynek.pl"),
    Locality("Ełk", "19-300", "Ełk", "ełcki", "warmińsko-mazurskie", "gmina miejska", 61500, "87", "elk.pl"),
    Locality("Michałowo", "16-050", "Michałowo", "białostocki", "podlaskie", "gmina miejsko-wiejska", 6800, "85", "michalowo.eu"),
    Locality("Suwałki", "16-400", "Suwałki", None, "podlaskie", "miasto na prawach powiatu", 69500, "87", "um.suwalki.pl"),
    Locality("Janów Lubelski", "23-300", "Janów Lubelski", "janowski", "lubelskie", "gmina miejsko-wiejska", 16000, "15", "janowlubelski.pl"),
    Locality("Jastków", "21-002", "Jastków", "lubelski", "lubelskie", "gmina wiejska", 15100, "81", "jastkow.pl"),
    Locality("Puławy", "24-100", "Puławy", "puławski", "lubelskie", "gmina miejska", 48000, "81", "pulawy.pl"),
    Locality("Krosno", "38-400", "Krosno", None, "podkarpackie", "miasto na prawach powiatu", 47000, "13", "krosno.pl"),
    Locality("Lesko", "38-600", "Lesko", "leski", "podkarpackie", "gmina miejsko-wiejska", 11300, "13", "lesko.pl"),
    Locality("Rzeszów", "35-959", "Rzeszów", "rzeszowski", "podkarpackie", "powiat", 168000, "17", "powiat.rzeszow.pl"),
    Locality("Busko-Zdrój", "28-100", "Busko-Zdrój", "buski", "świętokrzyskie", "gmina miejsko-wiejska", 32700, "41", "busko.pl"),
    Locality("Bodzentyn", "26-010", "Bodzentyn", "kielecki", "świętokrzyskie", "gmina miejsko-wiejska", 11500, "41", "bodzentyn.pl"),
    Locality("Zgierz", "95-100", "Zgierz", "zgierski", "łódzkie", "gmina miejska", 56000, "42", "miasto.zgierz.pl"),
    Locality("Rząśnia", "98-332", "Rząśnia", "pajęczański", "łódzkie", "gmina wiejska", 4900, "44", "rzasnia.pl"),
    Locality("Bełchatów", "97-400", "Bełchatów", "bełchatowski", "łódzkie", "powiat", 112500, "44", "powiat-belchatowski.pl"),
    Locality("Wólka Kosowska", "05-552", "Wólka Kosowska", "piaseczyński", "mazowieckie", "gmina wiejska", 8700, "22", "lesznowola.pl"),
    Locality("Kobylnica", "76-251", "Kobylnica", "słupski", "pomorskie", "gmina wiejska", 12400, "59", "kobylnica.pl"),
)  # fmt: skip

FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Anna", "f"), ("Katarzyna", "f"), ("Małgorzata", "f"), ("Agnieszka", "f"), ("Barbara", "f"),
    ("Elżbieta", "f"), ("Joanna", "f"), ("Grażyna", "f"), ("Beata", "f"), ("Jadwiga", "f"),
    ("Piotr", "m"), ("Krzysztof", "m"), ("Andrzej", "m"), ("Tomasz", "m"), ("Paweł", "m"),
    ("Michał", "m"), ("Łukasz", "m"), ("Marek", "m"), ("Wojciech", "m"), ("Józef", "m"),
)  # fmt: skip

SURNAMES: tuple[tuple[str, str], ...] = (
    ("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"),
    ("Wójcik", "Wójcik"), ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"),
    ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"),
    ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"),
    ("Mazur", "Mazur"), ("Krawczyk", "Krawczyk"), ("Piątek", "Piątek"), ("Grabowski", "Grabowska"),
    ("Pawłowski", "Pawłowska"), ("Michalski", "Michalska"), ("Król", "Król"), ("Żak", "Żak"),
)  # fmt: skip

ROLES: tuple[str, ...] = (
    "pracownik socjalny",
    "Kierownik Ośrodka Pomocy Społecznej",
    "inspektor ds. funduszy europejskich",
    "Sekretarz Gminy",
    "dyrektor",
    "Zastępca Burmistrza",
    "główny specjalista",
    "koordynator projektu",
    "podinspektor w Wydziale Rozwoju",
    "Skarbnik Powiatu",
)

STREETS: tuple[str, ...] = (
    "ul. Kościuszki 2",
    "Rynek 1",
    "ul. Mickiewicza 40",
    "pl. Wolności 3",
    "ul. Piłsudskiego 12",
    "al. Niepodległości 8",
    "ul. 3 Maja 15",
    "ul. Sienkiewicza 7a",
    "ul. Żeromskiego 21/3",
    "Plac Ratuszowy 1",
)

UNIT_PREFIXES: dict[str, tuple[str, ...]] = {
    "gmina wiejska": ("Urząd Gminy", "Gminny Ośrodek Pomocy Społecznej", "Gminny Ośrodek Kultury"),
    "gmina miejska": ("Urząd Miasta", "Miejski Ośrodek Pomocy Społecznej", "Miejski Dom Kultury"),
    "gmina miejsko-wiejska": ("Urząd Miasta i Gminy", "Ośrodek Pomocy Społecznej", "Zakład Gospodarki Komunalnej Sp. z o.o."),
    "powiat": ("Starostwo Powiatowe", "Powiatowe Centrum Pomocy Rodzinie", "Powiatowy Zarząd Dróg"),
    "miasto na prawach powiatu": ("Urząd Miasta", "Miejski Ośrodek Pomocy Rodzinie", "Miejskie Przedsiębiorstwo Komunikacyjne"),
}  # fmt: skip

# "{q}" opens and "{Q}" closes a quotation; the generator picks „…” or ,,…" per practice.
TITLE_TEMPLATES: tuple[str, ...] = (
    "Aktywizacja społeczna i zawodowa osób zagrożonych wykluczeniem",
    "Program {q}Bezpieczna gmina{Q} – współpraca służb i mieszkańców",
    "Centrum Aktywności Lokalnej jako narzędzie pracy socjalnej",
    "Budżet partycypacyjny {q}Mieszkańcy decydują{Q}",
    "Modernizacja oświetlenia ulicznego z wykorzystaniem technologii LED",
    "Selektywna zbiórka odpadów komunalnych u źródła",
    "Wieloletni plan inwestycyjny jako narzędzie zarządzania finansami",
    "Elektroniczny obieg dokumentów w urzędzie",
    "Termomodernizacja budynków użyteczności publicznej",
    "Wspólna komunikacja autobusowa gmin powiatu",
    "Klub Integracji Społecznej, - reintegracja zawodowa",
    "Uniwersytet Trzeciego Wieku przy domu kultury",
    "Szkoła jako centrum społeczności lokalnej",
    "Profilaktyka zdrowotna dla seniorów {q}Zdrowy senior{Q}",
    "Orliki i boiska szkolne otwarte dla mieszkańców",
    "Konsultacje społeczne planu zagospodarowania przestrzennego",
    "Regranting dla organizacji pozarządowych",
    "Międzygminny związek wodociągowy",
    "System zarządzania jakością ISO 9001 w starostwie",
    "Kolektory słoneczne na domach mieszkańców gminy",
    "Gminna Rada Seniorów – dialog z mieszkańcami",
    "Standardy obsługi klienta w urzędzie gminy",
    "Modernizacja gospodarki wodno - ściekowej",
    "Mieszkania chronione dla usamodzielniających się wychowanków",
)

SENTENCES: tuple[str, ...] = (
    "Celem praktyki było zwiększenie dostępności usług publicznych dla mieszkańców.",
    "Działania realizowano we współpracy z organizacjami pozarządowymi działającymi na terenie gminy.",
    "Przed wdrożeniem rozwiązania mieszkańcy musieli załatwiać sprawy w kilku miejscach.",
    "Projekt sfinansowano ze środków własnych oraz z funduszy Unii Europejskiej.",
    "W pierwszym roku z nowej formy wsparcia skorzystało ponad 300 osób.",
    "Kluczowym elementem było zaangażowanie liderów lokalnych i sołtysów.",
    "Rozwiązanie zostało pozytywnie ocenione w badaniu satysfakcji klientów.",
    "Koszt przedsięwzięcia wyniósł 252 tys. zł, z czego 40% stanowiła dotacja.",
    "Obszar gminy wynosi 3.800 km kwadratowych, co utrudniało dotarcie do mieszkańców.",
    "Wdrożenie poprzedziła diagnoza potrzeb przeprowadzona w 2008 roku.",
    "Pracownicy urzędu przeszli cykl szkoleń z zakresu zarządzania projektami.",
    "Praktyka jest kontynuowana i rozwijana w kolejnych latach.",
    "Do współpracy zaproszono szkoły, parafie oraz koła gospodyń wiejskich.",
    "Umowę partnerską podpisano dnia 02.08.2012r. w obecności przedstawicieli wszystkich gmin.",
    "Mieszkańcy mogli zgłaszać swoje uwagi w formie pisemnej i elektronicznej.",
    "Efektem działań jest spadek liczby rodzin korzystających z pomocy społecznej.",
    "Zmniejszono zużycie energii elektrycznej o blisko 40 procent.",
    "Inwestycja objęła budowę sieci kanalizacyjnej o długości 12 km.",
    "Wprowadzono przejrzyste kryteria przyznawania dotacji dla organizacji.",
    "Rozwiazanie mozna latwo przeniesc do innych samorzadów o podobnej wielkości.",
    "Praktyka otrzymała wyróżnienie w konkursie {q}Samorządowy Lider Zarządzania{Q}.",
    "Powołano zespół interdyscyplinarny złożony z przedstawicieli instytucji i organizacji.",
    "Harmonogram prac był na bieżąco publikowany na stronie internetowej urzędu.",
    "Szczególną uwagę zwrócono na potrzeby osób niepełnosprawnych i starszych.",
)

PRESENTATION_HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Opis sytuacji przed wdrożeniem", ("a. Obszar aglomeracji", "b. Problemy mieszkańców")),
    ("Cele praktyki", ()),
    ("Opis wdrożenia", ("a. Przygotowanie", "b. Realizacja", "c. Finansowanie")),
    ("Rezultaty", ()),
    ("Wnioski i rekomendacje", ()),
)
