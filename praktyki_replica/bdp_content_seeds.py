"""The three seed practices, text verbatim from ``shared/seeds/000-002`` (generated once).

Paragraphs and Metryka values keep the pages' no-break spaces and double spaces on purpose.
"""

from __future__ import annotations

SEED_TEXTS: tuple[dict[str, object], ...] = (
    {
        "section": "Usługi społeczne",
        "subsection": "Pomoc społeczna",
        "banner": None,
        "title": "Aktywne formy działań instytucji pomocy społecznej przeciwdziałające wykluczeniu "
        "społecznemu.",
        "summary": (
            "Zinstytucjonalizowana pomoc społeczna ma umożliwiać przezwyciężanie trudnych "
            "sytuacji życiowych tym, którzy nie są w stanie sami ich pokonać, wykorzystując "
            "własne uprawnienia, zasoby i możliwości. Pomoc społeczna wspiera ich w "
            "wysiłkach zmierzających do zaspokojenia niezbędnych potrzeb i umożliwia im "
            "życie w warunkach odpowiadających godności człowieka. Zadaniem pomocy "
            "społecznej jest także zapobieganie trudnym sytuacjom życiowym przez "
            "podejmowanie działań zmierzających do usamodzielnienia osób i rodzin oraz ich "
            "integracji ze środowiskiem.",
            "W gminie Długosiodło zadania z zakresu pomocy społecznej realizuje Gminny "
            "Ośrodek Pomocy Społecznej, któremu z roku na rok przybywają nowe zadania "
            "ustawowe jak również wzrasta liczba klientów oraz pogłębia się złożoność "
            "problemów społecznych wymagających rozwiązań. Aby sprostać zadaniom i wymogom "
            "pracownicy Ośrodka w gminie Długosiodło stanęli przed koniecznością "
            "poszukiwania nowych rozwiązań, wdrażania nowatorskich form pomocy oraz "
            "rozwijania pozamaterialnych działań skierowanych do osób potrzebujących "
            "wsparcia i pomocy. W celu zwiększenia efektywności pracy Ośrodek wdrożył nowe "
            "podejście do realizacji zadań pomocy społecznej w oparciu o metodę Centrum "
            "Aktywności Lokalnej (CAL).",
            "Centrum Aktywności Lokalnej ma służyć aktywizowaniu społeczności lokalnej oraz "
            "kształtowaniu poczucia przynależności do danego miejsca i grupy. Jest to sposób "
            "działania realizowany przez istniejące już organizacje pozarządowe lub "
            "instytucje samorządowe i spółdzielcze. Innowacyjność tej koncepcji polega na "
            "tym, że zespoły wyłonione z instytucji nie koncentrują się na jednym tylko "
            "obszarze działania, np. pomocy społecznej, ale patrzą na daną społeczność "
            "całościowo, starając się odpowiadać na potrzeby w danym środowisku. "
            "Najważniejszą zasadą CAL jest realizowanie działań na rzecz społeczności "
            "lokalnej przy zaangażowaniu jego mieszkańców. Centrum Aktywności Lokalnej jest "
            "metodą budzenia aktywności społecznej w celu samoorganizowania się do "
            "rozwiązywania konkretnych problemów danej społeczności. Jest to metoda na "
            "wskroś demokratyczna, zakładająca zaangażowanie społeczne jako podstawowy "
            "element swojej skuteczności.",
        ),
        "metryka": (
            ("Data wprowadzenia do BDP", ("2010-03-14",)),
            ("Data aktualizacji", ("2013-07-09",)),
            ("Typ jednostki", ("gmina wiejska",)),
            ("Miejscowość", ("Długosiodło",)),
            ("Powiat", ("wyszkowski",)),
            ("Województwo", ("mazowieckie",)),
            ("Kod pocztowy i Poczta", ("07-210 Długosiodło",)),
            ("Jednostka wdrażająca", ("Gminny Ośrodek Pomocy Społecznej",)),
            ("Ulica", ("ul. Kościuszki 2",)),
            ("Telefon", ("29 741-21-58",)),
            ("Wirtyna internetowa", ("www.dlugosiodlo.pl",)),
            ("Adres e@mail", ("gops@dlugosiodlo.pl",)),
            ("Liczba mieszkańców", ("8.000",)),
            (
                "Osoby kontaktowe",
                (
                    "Katarzyna Piórkowska",
                    "pracownik socjalny",
                    "tel. 29 741-21-58",
                    "e@mail: gops@dlugosiodlo.pl",
                ),
            ),
        ),
        "footer": (
            "Wsparcie udzielone",
            "przez Norwegię",
            "poprzez dofinansowanie",
            "ze środków",
            "Norweskiego Mechanizmu",
            "Finansowego",
            "Związek",
            "Miast Polskich",
            "Związek",
            "Gmin Wiejskich RP",
            "Związek",
            "Powiatów Polskich",
            "Norweski Związek",
            "Władz Lokalnych",
            "i Regionalnych",
        ),
    },
    {
        "section": "Współpraca JST-NGO",
        "subsection": "Praktyki",
        "banner": "Model współpracy administracji publicznej i organizacji pozarządowych - "
        "wypracowanie i upowszechnienie standardów współpracy",
        "title": "Ożywienie mechanizmów partnerstwa lokalnego poprzez realizację zadań Centrum "
        "Aktywności Lokalnej w Gminie Śrem",
        "summary": (
            "Zagrożenie postępującą alienacją i wykluczeniem ze społeczności lokalnej\xa0 "
            "niektórych grup ludności, takich jak np. osoby starsze, dzieci zagrożone "
            "ubóstwem, osoby nieporadne życiowo, samotne lub niepełnosprawne, wymaga "
            "podjęcia z odpowiednim wyprzedzeniem skutecznych działań zmierzających do "
            "stworzenia nowoczesnego sytemu zapobiegania zjawisku marginalizacji tych osób. "
            "Założeniem systemu pomocy społecznej w gminie Śrem jest współpraca, "
            "współdziałanie i partnerstwo w tworzeniu i realizacji programów z obszaru "
            "polityki społecznej, rozwijaniu instrumentów wsparcia, które angażują odbiorców "
            "działań, a także w tworzeniu warunków i promowaniu aktywności społecznej "
            "różnych środowisk. Jednym z narzędzi służących realizacji działań na rzecz "
            "aktywizacji społecznej jest\xa0 wdrażanie metody Centrum Aktywności Lokalnej.",
            "Dla osiągnięcia powyższych założeń, Ośrodek Pomocy Społecznej wraz z "
            "organizacją pozarządową - Towarzystwem Pomocy Potrzebującym im. Św. Brata "
            'Alberta,\xa0 realizuje\xa0 projekt "Ożywienie mechanizmów partnerstwa lokalnego '
            "poprzez realizację zadań Centrum Aktywności Lokalnej w Gminie Śrem. Centrum "
            "Aktywności Lokalnej to nowa metoda działania instytucji publicznej w środowisku "
            "lokalnym, w której priorytetem jest realizowanie zadań na rzecz danej "
            "społeczności poprzez\xa0 mobilizowanie jej do aktywności, rozwijanie idei "
            "odpowiedzialności i uczestniczenia w zaspokajaniu ludzkich potrzeb, wzmacnianie "
            "więzi społecznych i postaw altruistycznych. Działania te są niezbędne w "
            "kształtowaniu samorządnego społeczeństwa obywatelskiego.",
        ),
        "metryka": (
            ("Data wprowadzenia do BDP", ("2011-03-03",)),
            ("Typ jednostki", ("gmina miejska",)),
            ("Miejscowość", ("Śrem",)),
            ("Województwo", ("wielkopolskie",)),
            ("Kod pocztowy i Poczta", ("63-100 Śrem",)),
            ("Jednostka wdrażająca", ("Ośrodek Pomocy Społecznej w Śremie",)),
            ("Ulica", ("Mickiewicza 40",)),
            ("Wirtyna internetowa", ("www.opssrem.lap.pl",)),
            ("Liczba mieszkańców", ("40.333",)),
            (
                "Osoby kontaktowe",
                (
                    "Maria Świdurska",
                    "Kierownik Ośrodka Pomocy Społecznej",
                    "tel. 61 28 36 107",
                    "e@mail: poczta@opssrem.lap.pl",
                ),
            ),
        ),
        "footer": (
            "Projekt współfinansowany przez Unię Europejską w ramach Europejskiego Funduszu "
            "Społecznego",
        ),
    },
    {
        "section": "Usługi społeczne",
        "subsection": "Pomoc społeczna",
        "banner": None,
        "title": "Kształtowanie aktywnych postaw społecznych i zawodowych u beneficjentów pomocy "
        "społecznej w mieście Włocławku",
        "summary": (
            "Program jest kompilacją wielu działań, projektów oraz statutowych zadań MOPR, a "
            "jego oryginalność polega na kompleksowym ujęciu aktywizacji lokalnej, "
            "wykorzystującym metodę Centrum Aktywności Lokalnej (CAL).",
            "Podstawą wszelkich podejmowanych działań było przygotowanie „Mapy zasobów i "
            "potrzeb”, czyli poznanie sił tkwiących w środowisku oraz konkretnych problemów "
            "danej społeczności lokalnej. Realizację programu aktywizacji mieszkańców "
            "Włocławka zagrożonych wykluczeniem społecznym rozpoczęto w marcu 2006 roku od "
            "podwyższenia kompetencji terenowych pracowników socjalnych i liderów "
            "organizacji pomocowych, którzy zostali merytorycznie przygotowani do "
            "mobilizowania mieszkańców miast do samoorganizacji i aktywnych działań we "
            "własnym zakresie.",
            "W 2007 roku Miejski Ośrodek Pomocy Rodzinie rozpoczął działalność "
            "wolontaryjną.\xa0W Ośrodku Centrum Wolontariatu zarejestrowano kilkadziesiąt "
            "osób (uczniów, studentów, dorosłych). Zrealizowano wiele projektów socjalnych, "
            "które gwarantują usystematyzowaną pracę zespołu skupionego wokół poszukiwania "
            "rozwiązań określonego problemu społecznego. Są wśród nich projekty partnerskie, "
            "długofalowe, akcyjne, informacyjno–edukacyjne skierowane do społeczności "
            "lokalnej. Kolejnym sposobem mobilizowania ludzi do działania było inicjowanie "
            "grup samopomocowych. Innym sposobem skutecznego oddziaływania na rodzinę i "
            "środowisko jest wykorzystanie w pracy socjalnej potencjału zespołu "
            "interdyscyplinarnego, złożonego z pracowników socjalnych, kuratorów sądowych, "
            "pedagogów szkolnych oraz przedstawicieli policji.",
            "Doświadczenia i rozwiązania przyjęte w pracy metodą CAL posłużyły do "
            "opracowania dwóch programów systemowych - „Aktywna Integracja” oraz „Uwierzyć w "
            "siebie”. Kolejnym etapem budowy systemu aktywizacji zawodowej i społecznej osób "
            "zagrożonych zagrożeniem społecznym było utworzenie Klubu Integracji Społecznej.",
            "Program pozwolił na stworzenie kompleksowego systemu aktywizacji społecznej i "
            "zawodowej świadczeniobiorców pomocy społecznej w mieście oraz podniesienie ich "
            "jakości dzięki m.in. poprawie skuteczności świadczenia pomocy na rzecz osób "
            "zagrożonych wykluczeniem społecznym.",
            "\xa0",
            "Osoby objęte programami socjalnymi i samopomocowymi stanowią 21% wszystkich "
            "świadczeniobiorców pomocy społecznej. W latach 2006-2008 252 osoby zawarły "
            "kontrakty socjalne, 148 osób ukończyło szkolenia podnoszące kompetencje życiowe "
            "oraz umiejętności zawodowe. Programami pomocowymi i grupami samopomocowymi "
            "objęto ponad 3 tysiące osób. Spadła liczba rodzin korzystających z pomocy "
            "społecznej z 9565 w 2006 r. do 7905 w 2008 r., a liczba osób korzystających z "
            "pomocy społecznej z 19739 w 2006 r. do 16350 w 2008 r.",
            "Koszt wszystkich przedsięwzięć podjętych w tym czasie to 2\xa0606\xa0029 zł (w "
            "tym środki UE, od sponsorów i państwa stanowiły 2\xa0228\xa0426 zł).",
        ),
        "metryka": (
            ("Data wprowadzenia do BDP", ("2009-10-05",)),
            ("Data aktualizacji", ("2011-02-25",)),
            ("Typ jednostki", ("gmina miejska",)),
            ("Miejscowość", ("Włocławek",)),
            ("Województwo", ("kujawsko-pomorskie",)),
            ("Kod pocztowy i Poczta", ("87-800 Włocławek",)),
            ("Jednostka wdrażająca", ("Miejski Ośrodek Pomocy Rodzinie",)),
            ("Ulica", ("ul. Kościuszki 26",)),
            ("Wirtyna internetowa", ("www.wloclawek.pl; www.mopr.wloclawek.pl",)),
            ("Liczba mieszkańców", ("115.818",)),
            (
                "Osoby kontaktowe",
                (
                    "Marek Osmulski",
                    "starszy specjalista pracy socjalnej",
                    "tel. 54 411 63 11",
                    "e@mail: analizy@mopr.wloclawek.pl",
                ),
            ),
        ),
        "footer": (
            "Wsparcie udzielone",
            "przez Norwegię",
            "poprzez dofinansowanie",
            "ze środków",
            "Norweskiego Mechanizmu",
            "Finansowego",
            "Związek",
            "Miast Polskich",
            "Związek",
            "Gmin Wiejskich RP",
            "Związek",
            "Powiatów Polskich",
            "Norweski Związek",
            "Władz Lokalnych",
            "i Regionalnych",
        ),
    },
)
