"""A person's age in the words of another language (detect/languages/ages.py, rules/languages/, issue 13),
and the heading of a lay profile that gives a name and an age (rules/recognizers/ages.yaml). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.languages.ages import OtherLanguageAgeRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

AGES = OtherLanguageAgeRecognizer(Rules())
RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(Rules())}


def found(text: str) -> list[str]:
    return sorted(text[start:end] for start, end, _ in AGES.find(text))


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Buscamos a mi tío, Anselmo Ferrán, de 74 años, vecino de Maipú.", ["74 años"]),
        # the word for years after the number is part of the span where the words after it open with it
        ("Vredig ingeslapen in het verpleeghuis, 88 jaar oud.", ["88 jaar"]),
        ("Tegnap, 91 éves korában elhunyt nagymamánk.", ["91 éves"]),
        # the number and its word for years set off by commas after a name
        ("Vår granne Edvin Wennerholm, 79 år, har flyttat till stan.", ["79 år"]),
        ("la profe cumple 52 en mayo y se jubila", ["52"]),
        ("Mi abuela tiene 93 años de edad y vive sola.", ["93 años"]),
        ("Procuramos o meu avô, de 88 anos, morador de Viseu.", ["88 anos"]),
        ("Notre grand-père, âgé de 83 ans, a disparu mardi.", ["83 ans"]),
        ("Unser Opa ist 77 Jahre alt und wohnt allein.", ["77 Jahre"]),
        ("Sie starb mit 96 Jahren im Kreis der Familie.", ["96 Jahren"]),
        ("Bu farw Gwilym yn dawel yn 79 oed.", ["79"]),
        ("έφυγε από τη ζωή σε ηλικία 91 ετών", ["91"]),
        ("Isoäiti on 87-vuotias ja asuu yksin.", ["87"]),
        ("Annem 70 yaşında ve yalnız yaşıyor.", ["70"]),
        ("La nonna compie 90 anni domenica.", ["90 anni"]),
        # a death notice's age: words before the number at a line's start; "j'ai" before it
        ("Addolorata Vinciguerra ved. Tresoldi\ndi anni 91\n\nNe danno il triste annuncio", ["91"]),
        ("ś.p. Bronisław Kędziorek\nlat 68\n\nPogrzeb odbędzie się", ["68"]),
        ("Je m'appelle Ulrich Ferrandou. J'ai 84 ans et je vis seul.", ["84 ans"]),
        # languages of their own files: Albanian, Vietnamese, Yoruba; Greek and Romanian words added
        ("Banon me gjyshen, Vitoren, 78 vjeç, e cila nuk ecën.", ["78 vjeç"]),
        ("Cụ ông Lạc Văn Bường, hưởng thọ 86 tuổi.", ["86 tuổi"]),
        ("ó kú ní ẹni ọdún 73.", ["73"]),
        ("Σήμερα η γιαγιά Ροδάνθη κλείνει τα 95!", ["95"]),
        ("Data nașterii: 02.05.1951     Vârsta: 73 ani\n", ["73 ani"]),
        # Russian, Thai, Indonesian, Bosnian, Swahili, Armenian, Persian (its own digits); Finnish reaching an age
        ("Разыскивается Петров Олег, 1951 г.р. (73 года).", ["73 года"]),
        ("Ему 68 лет, он живёт один.", ["68 лет"]),
        ("ยายทองคำ ครบ 85 ปี นะคะ", ["85 ปี"]),
        ("Nenek sudah berusia 77 tahun dan tinggal sendiri.", ["77 tahun"]),
        ("Tarvik ima 12 godina i ide u školu.", ["12 godina"]),
        ("Alifariki akiwa na umri wa miaka 81.", ["81"]),
        ("Մեր տատիկը 92 տարեկան է։", ["92"]),
        ("پدربزرگ در سن ۷۳ سالگی درگذشت", ["۷۳"]),
        ("Huomenna isoäiti täyttää 88 vuotta!", ["88"]),
    ],
)
def test_an_age_in_another_language(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "trabajó en la fábrica durante más de 30 años",  # a duration
        "después de 20 años de casados",
        "Lo conocí hace 40 años.",
        "il y a 25 ans, nous sommes partis",  # a time ago
        "Vor 30 Jahren zog sie nach Kleve.",
        "Ci siamo sposati 45 anni fa.",
        "She worked there for 30 years and is 64 days from retiring.",  # English is not read here
        "de 2024 años",  # no age has four digits
        "Punoi në fabrikë 30 vjet.",  # Albanian "vjet" is a duration's years
        "Tôi sống ở đó 20 năm.",  # Vietnamese "năm" too
        "Pracował tam przez 30 lat 5 miesięcy.",  # "lat" after its number: a duration
        "the buoy sits at lat 45.2, long 3.1",  # a latitude
        "Ha lavorato per 40 anni in fabbrica.",
        "Он работал там 30 лет назад.",  # Russian "years ago"
        "Ima 10 godina kako je otišao.",  # Bosnian "it is 10 years since"
        "Walikaa Naivasha miaka 20.",  # Swahili years of a stay
        "Ela tem 30 anos de casada.",  # the language's words after "years" make it a duration
        "La nonna ha 30 anni fa.",
    ],
)
def test_a_duration_or_a_time_ago_is_no_age(text: str) -> None:
    assert found(text) == []


def heading_ages(text: str) -> list[str]:
    recognizer = RECOGNIZERS["AgeRecognizer"]
    results = recognizer.analyze(text, recognizer.supported_entities)
    return sorted(text[r.start : r.end] for r in results)


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Odalys, 41 — Quilmes\nwritten by her cousin", ["41"]),
        ("About me\nTobias Wren, 29 | Leeds", ["29"]),
        ("Monday, 12 — busy day", []),  # a weekday's date
        ("Flat 3, 14 Elm Road", []),
    ],
)
def test_a_heading_with_a_name_and_an_age(text: str, ages: list[str]) -> None:
    assert heading_ages(text) == ages


def whole_text(text: str) -> list[tuple[int, int, str]]:
    """The same search over the whole text, as it ran before the search kept to the digit lines."""
    seen: set[int] = set()
    out = []
    for language in AGES.languages:
        for pattern in language.patterns:
            for m in pattern.finditer(text, overlapped=False):
                start, end = m.span("age") if "age" in m.groupdict() and m.group("age") else m.span("n")
                if start in seen or not 1 <= int(m.group("n")) <= 120:
                    continue
                if language.not_before is not None and language.not_before.search(
                    text, max(0, m.start() - 40), m.start()
                ):
                    continue
                if language.not_after is not None and language.not_after.match(text, m.end()):
                    continue
                seen.add(start)
                out.append((start, end, "AGE"))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Quirina Balbuena\ndi anni 93\n\ncon 12 nipoti, 3 anni fa",  # a line's start, a clause's end at the break
        "lat 68\nlat 71",  # at the text's start and end
        "Ella tiene\n81 años y él cumple\n 70",  # words and number on two lines: no age
        "Oma ist 88 Jahre alt.\r\nOpa wurde 91,\tmit 91 Jahren\n\n\n(lat 45)",
        "no digit at all\n\nnone here",
    ],
)
def test_the_digit_lines_find_what_the_whole_text_finds(text: str) -> None:
    assert list(AGES.find(text)) == whole_text(text)


def test_a_stay_after_a_place_and_its_commas_is_no_age() -> None:
    assert found("Uppsala, 5 år sedan, bodde vi där.") == []
