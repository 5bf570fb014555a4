"""Values of labelled form fields (detect/recognizers/forms.py, rules/lexicons/form_fields.yaml), on
invented forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualdeid.detect.recognizers.forms import FormFieldRecognizer
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def recognizer() -> FormFieldRecognizer:
    return FormFieldRecognizer(Rules())


def found(recognizer: FormFieldRecognizer, text: str) -> list[tuple[str, str]]:
    return [(text[a:b], label) for a, b, label in recognizer.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Name: Odile Marchetti   DOB: 02/03/1971", [("Odile Marchetti", "PERSON")]),
        ("Full name - Tomas K. Berg\n", [("Tomas K. Berg", "PERSON")]),
        ("Client name:\nAnouk van der Wal\nGender: F", [("Anouk van der Wal", "PERSON")]),
        (
            "Next of kin: Mr Rufus Aldane (brother) 0412 339 801",
            [("Mr Rufus Aldane", "PERSON"), ("0412 339 801", "CONTACT")],
        ),
        ("Ph: 552 1908   Mob: none", [("552 1908", "CONTACT")]),
        # "SURNAME, Given names" after the label that asks for it, or any name label
        ("Surname, First name:  TAKEDA, Hiro-ko   (prefers Hiro)", [("TAKEDA, Hiro-ko", "PERSON")]),
        ("Patient name (Last, First): OYELANA, BISI K.\nDOB: 1/2/1990", [("OYELANA, BISI K", "PERSON")]),
        ("Name: BRODSKY, declined", [("BRODSKY", "PERSON")]),
        # the names a person goes by, each its own span
        ("Also known as:  Bisi / Bisola\n", [("Bisi", "PERSON"), ("Bisola", "PERSON")]),
        ("Contact number:\n(07) 3321 9045\n", [("(07) 3321 9045", "CONTACT")]),
        ("Birthplace: Tessaloy     Language: Finnish", [("Tessaloy", "LOCATION")]),
        ("School: Quarrybank Secondary, Year 10", [("Quarrybank Secondary", "ORGANIZATION")]),
        (
            "Home address:\nPeltokatu 9 C 14\n33210 Vierumaa\nFINLAND\nPhone: +358 40 112 9087",
            [("Peltokatu 9 C 14", "LOCATION"), ("33210 Vierumaa", "LOCATION"), ("+358 40 112 9087", "CONTACT")],
        ),
        (
            "Address on discharge:\nflat 4\n19 kestrel rise\nmoorby\nGP: Dr Hale",
            [("flat 4", "LOCATION"), ("19 kestrel rise", "LOCATION"), ("moorby", "LOCATION"), ("Dr Hale", "PERSON")],
        ),
        ("Address:\n12 Oak Rd\nShe is settling in well.", [("12 Oak Rd", "LOCATION")]),
        ("Where: Larkhill Street Hall, Moorby\nWhen: 6.15pm", [("Larkhill Street Hall, Moorby", "LOCATION")]),
        ("Location: participant's kitchen, Quill Creek No. 168", [("Quill Creek No. 168", "LOCATION")]),
        ("Admitted: 09/05/2024   Ward: 4B", [("4B", "LOCATION")]),
        ("Surname: Okonkwo-Baird\tGiven names: Chiamaka Jo", [("Okonkwo-Baird", "PERSON"), ("Chiamaka Jo", "PERSON")]),
        # labels of other languages, a label with its translation, a name's other script in brackets
        (
            "Nome: Rui Manuel Tavares\nTelemóvel: 912 330 448",
            [("Rui Manuel Tavares", "PERSON"), ("912 330 448", "CONTACT")],
        ),
        ("Osoite: Kuusikatu 4 B 9, 20100 Aurajoki", [("Kuusikatu 4 B 9, 20100 Aurajoki", "LOCATION")]),
        (
            'Ονοματεπώνυμο / Name:\nΖωή Παππά (Zoi "Zozo" Pappa)',
            [("Ζωή Παππά", "PERSON"), ('Zoi "Zozo" Pappa', "PERSON")],
        ),
        ("Reviewed: K. Donnelly (Team Lead)", [("K. Donnelly", "PERSON")]),
    ],
)
def test_a_field_names_its_value(recognizer: FormFieldRecognizer, text: str, expected: list) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Name: declined",
        "Referred by: GP",
        "Address: same as above",
        "Address: supported accommodation, address held by SW",
        "Town: Hungary",
        "Where: participant's home",
        "Location: the kitchen",
        "client: agreed to the plan",
        "Phone: none given",
        "We talked about her name: it matters to her.",
    ],
)
def test_a_value_unlike_its_field_is_left_alone(recognizer: FormFieldRecognizer, text: str) -> None:
    assert found(recognizer, text) == []


def test_a_project_adds_its_own_field(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "form_fields.yaml").write_text("location: [catchment]\n", encoding="utf-8")
    text = "Catchment: Ellerby North"
    assert found(FormFieldRecognizer(Rules()), text) == []
    assert found(FormFieldRecognizer(Rules([tmp_path])), text) == [("Ellerby North", "LOCATION")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chinese name:  林美華\nDOB: 1.2.1980", [("林美華", "PERSON")]),  # a language before the label
        ("Family name (Arabic): حداد", [("حداد", "PERSON")]),
        ("Name: თამარ ლომიძე", [("თამარ ლომიძე", "PERSON")]),  # Georgian: no name list, no capitals
        ("Name in own language: 鈴木 春江\n", [("鈴木 春江", "PERSON")]),  # the label says which form
        ("Name in Korean: 한미경", [("한미경", "PERSON")]),
    ],
)
def test_a_name_in_a_script_without_capitals(recognizer: FormFieldRecognizer, text: str, expected: list) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Company name: Acme Ltd",
        "Chinese name: n/a",
        "Name: 林美華 rang at 3pm about it",
        "Location in building: 3rd floor lounge, by room 3.04",  # "in ..." qualifies a name field only
    ],
)
def test_no_name_in_other_fields_or_prose(recognizer: FormFieldRecognizer, text: str) -> None:
    assert [piece for piece, label in found(recognizer, text) if label == "PERSON"] == []


def test_the_columns_of_names_and_ages_of_a_table(recognizer: FormFieldRecognizer) -> None:
    text = (
        "2. HOUSEHOLD\n"
        "Name                         Relationship    Age\n"
        "Trần Thị Thanh Châu          wife            52\n"
        "Alder Quince                 grandson        6\n"
        "\n"
        "Sign-in\n"
        "Name                      Present   Kids\n"
        'Bùi Quang Hải ("chú Hải")  Y         1\n'
    )
    assert found(recognizer, text) == [
        ("Trần Thị Thanh Châu", "PERSON"),
        ("52", "AGE"),
        ("Alder Quince", "PERSON"),
        ("6", "AGE"),
        ("Bùi Quang Hải", "PERSON"),
        ("chú Hải", "PERSON"),
    ]


def test_the_named_schools_and_workplaces_of_a_household_table(recognizer: FormFieldRecognizer) -> None:
    text = (
        "Name                      Relation     Age    School / work\n"
        "Quillon Brannock          son          14     Varnholt Academy\n"
        "Ysolde Brannock           daughter     9      year 4, SK nr 12\n"
        "Merry Cobb                partner      41     works at Kelderwick Foods, nights\n"
        "Harlen Cobb               father       70     retired\n"
        "Teodric Cobb              son          19     same\n"
    )
    assert [(value, label) for value, label in found(recognizer, text) if label == "ORGANIZATION"] == [
        ("Varnholt Academy", "ORGANIZATION"),
        ("SK nr 12", "ORGANIZATION"),
        ("Kelderwick Foods", "ORGANIZATION"),
    ]
    assert ("9", "AGE") in found(recognizer, text)  # a cell of one character is not run into the next


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Received by: Q.B.", [("Q.B", "PERSON")]),
        ("Intake by: YH 05.05.2025", [("YH", "PERSON")]),  # initials, and a date that is no phone number
        ("Signature: YHC      Date: 22/02/2026", [("YHC", "PERSON")]),
        ("Staff: T. Brannock, J. de los Quillon (RN)", [("T. Brannock", "PERSON"), ("J. de los Quillon", "PERSON")]),
        (
            "Children: BRANNOCK, Teodric A.; BRANNOCK, Ysolde",
            [("BRANNOCK, Teodric A.", "PERSON"), ("BRANNOCK, Ysolde", "PERSON")],
        ),
        ("Child(ren): Teodric (4) and Merry (2)", [("Teodric", "PERSON"), ("Merry", "PERSON")]),
        (
            "Unterschrift: Y. Brannock          Group leader: Q. Harlen",
            [("Y. Brannock", "PERSON"), ("Q. Harlen", "PERSON")],
        ),
    ],
)
def test_who_took_signed_or_staffed_a_form_and_the_people_it_lists(
    recognizer: FormFieldRecognizer, text: str, expected: list
) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Interpreter: NONE", "Signed by: N/A", "Volunteer: NFA", "Staff: 4 on shift", "Partner: yes, lives with client"],
)
def test_a_filler_or_an_abbreviation_in_a_person_field_is_no_one(recognizer: FormFieldRecognizer, text: str) -> None:
    assert found(recognizer, text) == []


def test_a_school_or_work_column_without_names_or_ages_is_left_alone(recognizer: FormFieldRecognizer) -> None:
    text = "Session       School / work\nMonday        Varnholt Academy\nTuesday       Kelderwick Foods\n"
    assert found(recognizer, text) == []


def test_a_table_without_a_name_or_age_heading_is_left_alone(recognizer: FormFieldRecognizer) -> None:
    text = "Item          Qty    Price\nChairs        12     40\nTables        3      90\n"
    assert found(recognizer, text) == []


def test_the_name_someone_goes_by_is_a_name_even_when_an_abbreviation_or_a_word(detector) -> None:
    form = "Surname: TANE        Given names: Rawiri Hemi\nKnown as: MC\nNickname: Sunny\nDOB: 03/02/2009\n"
    found = [s.text for s in detector.detect_text(form).spans if s.label == "PERSON"]
    assert "MC" in found and "Sunny" in found


def test_a_filler_in_a_field_of_the_name_someone_goes_by_is_no_name(detector) -> None:
    form = "Preferred name: None\nKnown as: Same\nNickname: No\n"
    assert [s.text for s in detector.detect_text(form).spans if s.label == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('Nickname: "Dumpling"\nAge: 7\n', ["Dumpling"]),
        ("Preferred name: “Poppy” at home\n", ["Poppy"]),
        ('Name: Oanh PHAM     Preferred name: Oanh / "Poppy" at work\n', ["Oanh", "Poppy"]),
    ],
)
def test_a_name_someone_goes_by_in_quotes(recognizer: FormFieldRecognizer, text: str, names: list[str]) -> None:
    assert set(names) <= {name for name, label in found(recognizer, text) if label == "PERSON"}


def test_a_filler_in_quotes_in_a_field_of_the_name_someone_goes_by_is_no_name(
    recognizer: FormFieldRecognizer,
) -> None:
    assert found(recognizer, 'Nickname: "none"\nKnown as: "the boss"\n') == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a field that asks for a part of a name takes everyday words and common surnames, two fields on a line
        ("Surname: BAKER            Forename(s): Rose May\nDOB: 01/02/1960", ["BAKER", "Rose May"]),
        ("Last name: Brown     First name: Will", ["Brown", "Will"]),
        ("Nachname: FISCHER   Vorname: Hans", ["FISCHER", "Hans"]),
        # a household named by its surnames
        ("Family: QUENBY / HARLOCK   Ref 041", ["QUENBY", "HARLOCK"]),
    ],
)
def test_the_parts_of_a_name_and_a_household_s_surnames(
    recognizer: FormFieldRecognizer, text: str, names: list[str]
) -> None:
    assert [t for t, label in found(recognizer, text) if label == "PERSON"] == names


@pytest.mark.parametrize(
    "text",
    [
        "Surname: Unknown",
        "First name: Not given",
        "Surname: N/A",
        "Family: wife Ana, two sons",
        "Family: My wife passed in 2019",
    ],
)
def test_no_name_in_a_name_part_field_or_a_family_description(recognizer: FormFieldRecognizer, text: str) -> None:
    assert [t for t, label in found(recognizer, text) if label == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("CASE NOTES - TREVASK / MOLLARD, Ana & Teo\nRef: 0288", ["TREVASK", "MOLLARD"]),
        ("Akte / case notes - QUENBY, Sela   XY-2023-7715", ["QUENBY, Sela"]),
        ("HANDOVER NOTES - WEEK 12", []),
        ("Minutes - AGM", []),
        ("Referral form - URGENT", []),
    ],
)
def test_the_surnames_after_a_record_s_title(recognizer: FormFieldRecognizer, text: str, names: list[str]) -> None:
    assert [t for t, label in found(recognizer, text) if label == "PERSON"] == names
