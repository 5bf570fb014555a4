"""Ages after initials, of the youngest and oldest, of children listed, opening a profile's sentence, in Korean,
guessed in brackets, in a household table and in a notice's commas; months of more languages, "del" before a
year, a weekday's day before a time; forum handles in bold or before another language's "wrote"; a local number
after a full name; a masked number whole; places joined by a grammar word (rules/recognizers/*.yaml, issue 13).
Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("The other boy (K.J., 9) pushed him over.", ["9"]),
        ("Single dad, youngest 14 months, eldest at school.", ["14 months"]),
        ("Oldest resident 93. Lunch was late.", ["93"]),
        ("Kalani is the youngest here, 31, and came in spring.", ["31"]),
        ("Say hi to Perpetua (Pet to her mates). 29, grew up by the sea.", ["29"]),
        ("Meet Ozanne Brisklow. 41, from Tarrowby, lives in a van.", ["41"]),
        ("우리 할아버지는 88세로 돌아가셨다.", ["88"]),
        ("Grandpa Vilém (approx 71) keeps bees.", ["approx 71"]),
        ("Ozanne, two boys, 6 and 10. Honestly they", ["10", "6"]),
        ("she has 2 kids, 4 years and baby 9 month", ["4 years", "9 month"]),
        ("Tovah Brisk   4471-2208    son, 10 yrs", ["10"]),
        ("MISSING\nTobin Ashgrove Quenby, 19 years, last seen Tuesday", ["19"]),
    ],
)
def test_ages(text: str, ages: list[str]) -> None:
    assert found("AgeRecognizer", text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "the youngest 3 children came",
        "oldest 2 of them left",
        "See the results (table 2). 45, from the survey, said yes",
        "21세기에는",
        "the kids 3 and 4 of the list",
        "the children 10 and 20 minutes later",
        "kids 5 and 7 years ago",
        "my son, 3 years ago we left",
        "We lived in Port Tarrow, 3 years, then moved",
        "Quenby Arlott (Coast Guard, 6 yrs, retired) came",
    ],
)
def test_no_ages(text: str) -> None:
    assert found("AgeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Dat: 12 fevriye 2023 07:32", ["12 fevriye 2023"]),
        ("Dato: 14. maj 2022 21:40", ["14. maj 2022"]),
        ("Dagsetning: 3. febrúar 2021", ["3. febrúar 2021"]),
        ("tangu tarehe 9 Julai 2022 baada", ["9 Julai 2022"]),
        ("the flood in marzo del 2019.", ["marzo del 2019"]),
        ("The meeting is on sábado 14, 10am.", ["sábado 14"]),
    ],
)
def test_world_dates(text: str, dates: list[str]) -> None:
    assert found("WorldDateRecognizer", text) == dates


@pytest.mark.parametrize("text", ["Friday 5, 6 and 7", "Sunday 3-1", "gave 8 out of 10"])
def test_no_world_dates(text: str) -> None:
    assert found("WorldDateRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "handles"),
    [
        ("> **quokka_dan** wrote:\n> Same with my nonno.", ["quokka_dan"]),
        ("> fennel_77 napisała: U nas", ["fennel_77"]),
        ("**Ysolde** wrote:", []),
    ],
)
def test_forum_handles(text: str, handles: list[str]) -> None:
    assert found("SocialHandleRecognizer", text) == handles


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Contact: Perpetua Orrey 714 3082 or the pastor's wife Ysolde Varn 778 5516\n", ["714 3082", "778 5516"]),
        ("names to Quill Vardenne, choir leader, on 923 5516 by Wednesday", ["923 5516"]),
        ("In March 2023 1400 people came", []),
    ],
)
def test_phone_after_full_name(text: str, phones: list[str]) -> None:
    assert [p for p in found("PhoneShapeRecognizer", text) if " " in p] == phones


def test_masked_number_whole() -> None:
    assert "xxx-xx-5108" in found("RecordNumberRecognizer", "SSN (last 4): xxx-xx-5108\n")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("no money for a taxi from Tillet-e-Marzan today", ["Tillet-e-Marzan"]),
        ("the hub (Harn-ul-Dasa) opens", ["Harn-ul-Dasa"]),
        ("my mother-in-law and a jack-in-the-box", []),
        ("Mother-in-Law Day", []),
    ],
)
def test_linked_compound_places(text: str, places: list[str]) -> None:
    assert found("PlacePrefixRecognizer", text) == places
