"""Phone numbers in digit groups of many countries, labelled IDs after "is" or a joined "nr", names in form fields no
list holds, whose-signature fields and the small areas of an address (rules/recognizers/contact.yaml, ids.yaml,
areas.yaml, recognizers/forms.py), on invented text."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.forms import FormFieldRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(Rules())}
FORMS = FormFieldRecognizer(Rules())


def found(name: str, text: str) -> list[str]:
    recognizer = RECOGNIZERS[name]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


def form_values(text: str) -> list[str]:
    return sorted(text[start:end] for start, end, _ in FORMS.find(text))


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("call mum 31 74 52 90 / dad 47 18 63 29", ["31 74 52 90", "47 18 63 29"]),
        ("47 18 63 29: on my way\n", ["47 18 63 29"]),
        ("Privat: 53 06 81 24\n", ["53 06 81 24"]),
        ("ring me on the other one, 06 41 277 9358, tonight", ["06 41 277 9358"]),
        ("Bel V. terug, 06-41 27 93 58.", ["06-41 27 93 58"]),
        ("3/4 21:10  from 031.5528.4190\nhi", ["031.5528.4190"]),
        ("Tel. office: 2841 077 356\n", ["2841 077 356"]),
    ],
)
def test_phones_in_digit_groups(text: str, phones: list[str]) -> None:
    assert found("PhoneShapeRecognizer", text) == phones


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 250 000 people came.",
        "We met 01 02 2024 13 times.",
        "The scores were 12 15 18 20 points.",
        "It cost 12 345 678 kr in all.",
        "Seen on 15.03.2024 at 10.30.",
        "Born 03 04 1985.",
    ],
)
def test_counts_dates_and_sums_are_no_grouped_phones(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Her Homeseeker number is WL/55102 - she is in band B.", ["WL/55102"]),
        ("Re: Journalnr. 31/55902 - reply", ["31/55902"]),
        ("renewal done, protocolo 07716.204519/2023-08. New card soon.", ["07716.204519/2023-08"]),
    ],
)
def test_labelled_ids(text: str, ids: list[str]) -> None:
    assert found("RecordNumberRecognizer", text) == ids


@pytest.mark.parametrize("text", ["The number is 5 and the house number is 12.", "I think the number is GREAT."])
def test_small_numbers_after_is_are_no_ids(text: str) -> None:
    assert found("RecordNumberRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Name (romanised): YEOM Da-bin\nDate of birth: 1979", ["YEOM Da-bin"]),
        ("Child: Seo-yun\n", ["Seo-yun"]),
        ("Client signature: 권다빈\nWorker signature: 문소율", ["권다빈", "문소율"]),
        ("Signature of parent: ليلى حداد   (mother)", ["ليلى حداد"]),
    ],
)
def test_form_names_no_list_holds(text: str, names: list[str]) -> None:
    assert form_values(text) == names


@pytest.mark.parametrize("text", ["Name: Project Alpha", "Name: See Attached", "Name: TBC", "Company name: Zorvex Ltd"])
def test_form_fillers_are_no_names(text: str) -> None:
    assert form_values(text) == []


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("resident of Gulele, Kebele 09, was admitted", ["Gulele, Kebele 09"]),
        ("KELURAHAN SUKAMAJU, KECAMATAN CIBEUNYING\nKOTA", ["KECAMATAN CIBEUNYING", "KELURAHAN SUKAMAJU"]),
        ("they moved to Barangay San Roque in May", ["Barangay San Roque"]),
        ("the kebele office and woreda officials said so", []),
    ],
)
def test_local_areas(text: str, areas: list[str]) -> None:
    assert found("LocalAreaRecognizer", text) == areas


@pytest.mark.parametrize(
    ("text", "districts"),
    [
        ("a flat in LS9 would suit her", ["LS9"]),
        ("If he keeps bidding on NG7 only, it could be a long wait.", ["NG7"]),
        ("CO2 levels rose in CO2 emissions data; the HR2 form is due.", []),
    ],
)
def test_postcode_districts(text: str, districts: list[str]) -> None:
    assert found("LocalAreaRecognizer", text) == districts


@pytest.mark.parametrize(
    ("text", "streets"),
    [
        (
            "SA to write to the housing company re: Kerekes utca 31. fsz. 2. Mother agreed.",
            ["Kerekes utca 31. fsz. 2."],
        ),
        ("Centre for Families, 1097 Budapest, Tompa tér 6.\n", ["1097 Budapest, Tompa tér 6."]),
        ("They lived in Ferenc krt. 14 until May. Then Lehel út 9/B.", ["Ferenc krt. 14", "Lehel út 9/B."]),
        ("Please see Kovalska vulytsia 12, kv. 7", ["Kovalska vulytsia 12, kv. 7"]),
        ("Çınar Sokak 4, Kadıköy", ["Çınar Sokak 4"]),
        ("Chapter U 2 of the book; Section G 5 says so.", []),
    ],
)
def test_street_word_after_the_name(text: str, streets: list[str]) -> None:
    assert found("CompoundStreetRecognizer", text) == streets


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("TARVO FAMILY ADVICE - EAST SIDE\nREFERRAL FORM (children)\n\nName:", ["TARVO FAMILY ADVICE - EAST SIDE"]),
        ("ORRIMBY PARENTS' NETWORK\nMinutes - monthly meeting\n", ["ORRIMBY PARENTS' NETWORK"]),
        ("MY LOCAL PARK\nReport on the summer\n", []),
        ("Dear all\nMinutes attached.\n", []),
    ],
)
def test_letterhead_above_a_title_line(text: str, bodies: list[str]) -> None:
    assert [b for b in found("LetterheadRecognizer", text) if b in bodies or not bodies] == bodies
