"""Informal and international text (issue 13): dates in other languages and formats, ages in words after a
name, form fields, phone cues and forum user names in other languages, homes numbered with their word
(rules/recognizers/*.yaml, lexicons/months_world.txt and the lists beside it). Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Enviado: 3 de maio de 2023 09:12", "3 de maio de 2023"),
        ("pagar até 14 de março, por favor", "14 de março"),
        ("wracam do domu 7 czerwca", "7 czerwca"),
        ("Lähetetty: 2. lokakuuta 2022", "2. lokakuuta 2022"),
        ("» 11 lis 2021, 19:40", "11 lis 2021"),
        ("DOB: 04-Feb-1988  Sex: F", "04-Feb-1988"),
        ("Fecha: 2023/11/05\n", "2023/11/05"),
        ("Card valid to 11/2026 only", "11/2026"),
        ("kitchen rota, Wed 6.11.\n", "Wed 6.11."),
        ("the sauna evening moves to 14.2. since the hall", "14.2."),
        ("lembrete: quinta 9/5 tem reunião", "quinta 9/5"),
        ("she came back on the 4th and stayed", "the 4th"),
        ("desde setembro de 2021 mora aqui", "setembro de 2021"),
        ("Babamız 9 Nisan 2024 tarihinde vefat etti", "9 Nisan 2024"),
        ("Tören 11 Eylül Salı günü yapılacak", "11 Eylül Salı"),
        ("născută pe 3 februarie 1951 la Iași", "3 februarie 1951"),
        ("17. 9. 2023 - home visit, mother present", "17. 9. 2023"),
        ("Voicemail 4. 11. 2024, 21:05, from a withheld number", "4. 11. 2024"),
        ("the gas will be cut off on 2. 4. unless she pays", "2. 4."),
        ("Rang her back 9. 10. 8:30, she was fine", "9. 10."),
    ],
)
def test_dates_of_other_languages_and_formats(text: str, date: str) -> None:
    assert date in found("WorldDateRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "2.1. Background of the study",
        "see Table 3.2. below",
        "version 1.4.2. was released",
        "she scored 7/10 on it",
        "on the 2nd floor",
        "it was 12 set for the team",
        "mais 3 anos de espera",
        "1. 2. Background of the study",
        "see steps 1. 2. and 3. below",
        "the kids got 3. 4. 5. in order",
    ],
)
def test_numbers_that_are_no_date(text: str) -> None:
    assert found("WorldDateRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("The eldest is Arvid, fourteen, then the twins", ["fourteen"]),
        ("The one at home is Sunniva, twelve.\nD: Hi.", ["twelve"]),  # at a line's end too
        ("F1: Edna. My husband, Osric. Seventy-two. It began", ["Seventy-two"]),
        ("I am Tarik, twenty-three years. From Tabuk", ["twenty-three"]),
        ("and the girls, they are seven and five.", ["five", "seven"]),
        ("two girls (6 and 11), lives near the park", ["11", "6"]),
        ("Idade: 41\n", ["41"]),
        ("Cheguei ao Porto com 62 anos, sozinha", ["62 anos"]),
        ("2. Unknown man, Latvian, approx 50, outside the shop", ["approx 50"]),
        ("saw a woman, about 30s, by the canal", ["about 30s"]),
        ("Present: the worker, J. (13), T. (8) and their gran", ["13", "8"]),
        ("Present: H. Dvorská (HD, aunt, 44), her partner", ["44"]),
        ("A young couple + baby (5 mo), in a motel since June", ["5 mo"]),
    ],
)
def test_ages_after_names_and_in_other_languages(text: str, ages: list[str]) -> None:
    assert found("AgeRecognizer", text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "Yes, two.",
        "Okay. Fifteen.",
        "Well, nine of them",
        "I bought pears, three, and apples",
        "com 3 anos de casa",
        "We lived in Malawi, Dzaleka, nine years. Then Lilongwe.",
        "a man, Irish, about 20 minutes late",
    ],
)
def test_numbers_after_everyday_words_are_no_age(text: str) -> None:
    assert found("AgeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Nº utente SNS: 301 552 864\n", "301 552 864"),
        ("a filha (n.º de processo 31882, 3.º ano)", "31882"),
        ("PESEL: 90051204567", "90051204567"),
    ],
)
def test_identifiers_labelled_in_other_languages(text: str, number: str) -> None:
    assert number in found("RecordNumberRecognizer", text)


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("Visit at 12 Oak Drive, apartment 2203, about an hour", "apartment 2203"),
        ("the Birch Road allotments, plot thirty-two. And", "plot thirty-two"),
        ("38 Street NE, suite 7, has mould", "suite 7"),
        ("we live at Lot 14 now", "Lot 14"),
    ],
)
def test_homes_numbered_with_their_word(text: str, home: str) -> None:
    assert found("RoomNumberRecognizer", text) == [home]


@pytest.mark.parametrize("text", ["a unit of 20 people", "plot forty of them", "the lot 5 times over"])
def test_counts_after_home_words_are_no_home(text: str) -> None:
    assert found("RoomNumberRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Telemóvel: 912 330 448\n", "912 330 448"),
        ("  Rui Costa (voluntário)       tlm. 961 220 335\n", "961 220 335"),
        ("puh. 040 512 3344 iltaisin", "040 512 3344"),
    ],
)
def test_phone_cues_of_other_languages(text: str, phone: str) -> None:
    assert phone in found("PhoneShapeRecognizer", text)


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Postado por tiago.lopes.82 em 3 mai 2024", "tiago.lopes.82"),
        ("> Resposta de rita_no_porto: que bom", "rita_no_porto"),
        ("-- reply from kiwi_dad_77: good on you", "kiwi_dad_77"),
        ("Autor: mirek_krk   » 3 maj", "mirek_krk"),
        ("Odpowiedź: ola.k.waw » super", "ola.k.waw"),
        ("Meu insta é @ana.sofia.costa se quiser", "@ana.sofia.costa"),
    ],
)
def test_forum_user_names_in_other_languages(text: str, handle: str) -> None:
    assert handle in found("SocialHandleRecognizer", text)


@pytest.mark.parametrize(
    ("text", "ordinal", "birthday"),
    [
        ("Happy 60th!!! You don't look a day over fifty", "60th", True),
        ("Happy 4th of July everyone", "4th", False),  # a day of a month
        ("Happy 12th to us!", "12th", False),  # an anniversary
    ],
)
def test_a_birthday_wished_by_its_ordinal(text: str, ordinal: str, birthday: bool) -> None:
    assert (ordinal in found("CalendarDateRecognizer", text)) is birthday
