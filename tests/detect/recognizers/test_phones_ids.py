"""Phone numbers in short local formats where the words say they are phones, and labelled IDs with
letters and digits (rules/recognizers/contact.yaml, ids.yaml), on invented text."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(Rules())}


def found(name: str, text: str) -> list[str]:
    recognizer = RECOGNIZERS[name]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("if it's urgent ring me on 7302 5518 after five", "7302 5518"),
        ("Tel: 663 2071", "663 2071"),
        ("Ph (07) 4418 2290 during the day", "(07) 4418 2290"),
        ("Fax 0141 552 7730", "0141 552 7730"),
        ("Phone: 8830 1204 (home)", "8830 1204"),
        ("my number is 481 9063", "481 9063"),
        ("Mob: +49 (0)7154 802213", "+49 (0)7154 802213"),
        ("tel +372 51 903 4477", "+372 51 903 4477"),
        ("Contact number:\t452-0917", "452-0917"),
        ("Kasia Wrona\nT 500 308 488 | M 0412 118 220", "500 308 488"),
        ("Office: 06-82/215 4560", "06-82/215 4560"),
    ],
)
def test_phone_numbers_named_by_their_context(text: str, phone: str) -> None:
    assert phone in found("PhoneShapeRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "call me at 10 30 tomorrow",
        "text me on 2024-05-01 about it",
        "the number of chairs went from 1200 3400",
        "ring me on 3 4 if that's easier",
        "she works 9 to 5 in the office 12 days a month",
    ],
)
def test_numbers_near_phone_words_that_are_no_phone(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Incident no.: KV-IR-2022-117", "KV-IR-2022-117"),
        ("approved by the ethics committee (ref. NWQR 22/305) in May", "NWQR 22/305"),
        ("Personal Health Number (PHN): 6612 338 901", "6612 338 901"),
        ("OHCX no.: 331 870 226", "331 870 226"),
        ("Client ID - WT-41-5503", "WT-41-5503"),
        ("Student no. - 5560 218 774", "5560 218 774"),
        ("learner number QX7730215", "QX7730215"),
        ("File ref:\nKT-50-2844\nGender: F", "KT-50-2844"),
    ],
)
def test_labelled_ids_with_letters_and_digits(text: str, code: str) -> None:
    assert code in found("RecordNumberRecognizer", text)


@pytest.mark.parametrize(
    "text",
    ["the student - 12 years old - came too", "ethics approval 2023 took months", "the case was 2 people"],
)
def test_numbers_after_id_words_that_are_no_id(text: str) -> None:
    assert found("RecordNumberRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("his case no. is on the duty sheet as TR-19-4410 if needed", "TR-19-4410"),
        ("approved by the regional committee, ref. KREC/24/0719.", "KREC/24/0719"),
        ("Form no. PQ-WX-2291          Date completed: 3/3/2026", "PQ-WX-2291"),
        ("granted by the board (QRS/118/B/2025) in March", "QRS/118/B/2025"),
    ],
)
def test_reference_numbers_of_letter_and_digit_groups_without_a_label(text: str, code: str) -> None:
    assert code in found("CodeRecognizer", text)


@pytest.mark.parametrize("text", ["COVID-19 and PHQ-9, GAD-7", "ICD-10 codes", "notes in UA/GE/PL", "KS3/4 maths"])
def test_scales_diseases_and_language_lists_are_no_reference_numbers(text: str) -> None:
    assert found("CodeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "number"), [("Room C3.118, Marsh Building", "C3.118"), ("suite B12 upstairs", "suite B12")]
)
def test_room_numbers_with_a_letter(text: str, number: str) -> None:
    assert found("RoomNumberRecognizer", text) == [number]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("ok moved to kwikstraat 38, 8215 oudewier", "kwikstraat 38, 8215 oudewier"),
        ("can u send it to 7 larch road, east moorby, b3 9pg", "7 larch road, east moorby, b3 9pg"),
        ("she's staying at 12 Oak Road, Moorby. Then she", "12 Oak Road, Moorby"),
    ],
)
def test_an_address_on_one_line_after_its_cue(text: str, address: str) -> None:
    assert found("CuedAddressRecognizer", text) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "we moved to 3 different places, then back home",
        "moved in 2019 to Leeds, then 2021 back",
        "living at home 2 years, 1234 days",
        "moved to 2024, sadly",
    ],
)
def test_moves_and_stays_that_are_no_address(text: str) -> None:
    assert found("CuedAddressRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        # an age's reading of "(03)" does not cut the phone number
        (
            "Kelby College\n148 Quill Avenue, Moorby VIC 3019\nPh (03) 9311 4820 · M 0409 233 517\n",
            "(03) 9311 4820",
            "CONTACT",
        ),
        # NER's date across the lines of an address does not take the postal district
        ("Tomas Berg\n41 Hazel Park Road\nDrumcondra\nDublin 9\n9th April 2024\n\nDear Sir", "Dublin 9", "LOCATION"),
    ],
)
def test_in_the_whole_pipeline(detector, text: str, span: str, label: str) -> None:
    doc = detector.detect_text(text)
    assert (span, label) in {(text[s.start : s.end], s.label) for s in doc.spans}


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Posted in r/leeds by u/fern_moss86", "u/fern_moss86"),
        ("---\nReply from KestrelB_Moorby » Tue 14 Nov 2023", "KestrelB_Moorby"),
        ("follow her at @first.last.art for the prints", "@first.last.art"),
        # the user name of a chat export's line, after its date and time
        ("2024-02-08 18:02 kai.moana: anyone going tonight", "kai.moana"),
        ("12/03/2025, 18:52 - rua_t: yes", "rua_t"),
    ],
)
def test_handles(text: str, handle: str) -> None:
    assert handle in found("SocialHandleRecognizer", text)


def test_a_reply_from_people_is_no_handle() -> None:
    assert found("SocialHandleRecognizer", "reply from the team - thanks all") == []


@pytest.mark.parametrize("text", ["[00:12:03] P12: I think so", "09:14 Tavita: hi", "at 10.30 e.g. we left"])
def test_transcript_labels_and_names_after_a_time_are_no_handles(text: str) -> None:
    assert found("SocialHandleRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Medicare card: 3175 64208 1 2", "3175 64208 1 2"),
        ("here is the card, 5309 11874 2 / 4 exp 06/2028", "5309 11874 2 / 4"),
        ("card 2468 13579 1 in her purse", "2468 13579 1"),
    ],
)
def test_card_numbers_in_groups_of_four_five_and_one_digits(text: str, number: str) -> None:
    assert number in found("CodeRecognizer", text)


@pytest.mark.parametrize("text", ["ring 0412 345 678 after six", "scores 1234 56789 were high", "call 9790 22815"])
def test_phone_numbers_and_counts_are_no_card_numbers(text: str) -> None:
    assert not any(len(piece.split()) >= 3 for piece in found("CodeRecognizer", text))
