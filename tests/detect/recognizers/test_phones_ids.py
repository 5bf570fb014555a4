"""Phone numbers in short local formats where the words say they are phones, and labelled IDs with
letters and digits (rules/recognizers/contact.yaml, ids.yaml), on invented text."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


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
        ("ring me back anytime on 61 48 20 77.", "61 48 20 77"),
        # a chat whose sender is a number, before the time of the message
        ("+30 691 220 4518 14:02: running late sorry", "+30 691 220 4518"),
        ("+44 7700 900 318 21:05: ok", "+44 7700 900 318"),
        ("call me back on 5531 0274", "5531 0274"),
        ("Tuuli Salo, youth mentor at Kestrel Foundation, 61 48 20 77", "61 48 20 77"),
        ("Contacts:\n1. Mirela Dobre      7304 2215\n2. Tom", "7304 2215"),
        ("Postbox 12, 450 Hafnarvík\n482 7731\n\nDear Sir", "482 7731"),
        ("the desk, 0161 555 0137 ext. 204", "204"),
        ("au bureau, poste 318, le matin", "318"),
        # the shapes only phones take, with no word to say so
        ("or leave a message with Tuuli Salo 6630 1184 after ten", "6630 1184"),
        ("ask Tuuli (7718 2093) for the key", "7718 2093"),
        ("Nachbarschaftshilfe Kestrel e.V., 030 5521 8807.", "030 5521 8807"),
        # a phone word with an ending, and a second number after the first
        ("Out of hours Wenna takes calls on 731 406 285.", "731 406 285"),
        ("Tel. (031) 552 908 / 731 406 285", "731 406 285"),
        ("texting 0412 118 220 or 0499 120 447", "0499 120 447"),
        # whom to ring between the cue and "on" or "at"
        ("Please contact Ms Tarrow on 962 448 317.", "962 448 317"),
        ("ring Aunty Orrick at 4410 2297 after six", "4410 2297"),
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
        "born in Tiree, 12 03 1961",
        "we counted 1200 people in 3 hours, 45 12",
        "the extension 2 years ago",
        # two groups of four digits that are years, amounts or part of a longer number
        "from 1998 2004 she lived there",
        "they raised 4500 1200 of it from the raffle",
        "card 4111 2222 3333 4444",
        "call Orrick on 12 03 2024 at noon",
        "we rang Orrick at 10 30",
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
        # national formats: dotted groups, a letter prefix before digit groups, a closing letter,
        # groups that mix letters and digits, letters of other scripts
        ("her DNI 31.507.228 was stamped", "31.507.228"),
        ("Cédula: 8.402.117", "8.402.117"),
        ("clinical history no. HC 552 019, ward 3", "HC 552 019"),
        ("HC 771 204     DNI 27.604.331", "771 204"),
        ("National Insurance no.: ZT 31 07 62 B\nPassport", "ZT 31 07 62 B"),
        ("Share code: K4T 9QM 2ZR", "K4T 9QM 2ZR"),
        ("Share code: R2D 4PM 7XQ", "R2D 4PM 7XQ"),
        ("case no. 6082 9PM call", "6082"),
        ("Case no. ΚΛΠ Δ23/0915", "ΚΛΠ Δ23/0915"),
        ("Registered Nurse, reg. no. NMBX 2068", "NMBX 2068"),
        ("paid from the account ending 8093.", "8093"),
        # any word labelled "no." with a colon or a dash, a key safe's code
        ("Allotment society no.: 4-55201983.", "4-55201983"),
        ("Tenancy deposit no. - QW 55 2019 paid", "QW 55 2019"),
        ("Mrs Q, Harbour Row   key safe 7730   lunch", "7730"),
        # a masked number whole (x's), the digits left after stars
        ("SSN: xxx-xx-5108   DOB: 1/2/1950", "xxx-xx-5108"),
        ("card **** **** **** 2093 was stopped", "2093"),
        ("old bank details, sort code hidden, acct xx-xx-5510", "xx-xx-5510"),
    ],
)
def test_labelled_ids_with_letters_and_digits(text: str, code: str) -> None:
    assert code in found("RecordNumberRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "the student - 12 years old - came too",
        "ethics approval 2023 took months",
        "the case was 2 people",
        "my history of 3 falls",
        "the post code is on the back",
        "the dress code 2 weeks ago",
        "Reg 42 came round",
        "Order no.: 12 of 40",
        "Visit no.: 2024-03-11",
        "Tel no.: 0123 456 789",
        "love you xxx 100 times over",
    ],
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
        ("interviewees are coded KLM-P04 and so on", "KLM-P04"),
        ("the minibus on run TX-C112 was late", "TX-C112"),
    ],
)
def test_reference_numbers_of_letter_and_digit_groups_without_a_label(text: str, code: str) -> None:
    assert code in found("CodeRecognizer", text)


@pytest.mark.parametrize("text", ["COVID-19 and PHQ-9, GAD-7", "ICD-10 codes", "notes in UA/GE/PL", "KS3/4 maths"])
def test_scales_diseases_and_language_lists_are_no_reference_numbers(text: str) -> None:
    assert found("CodeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Room C3.118, Marsh Building", "C3.118"),
        ("suite B12 upstairs", "suite B12"),
        ("he sleeps in caravan 22 now", "22"),
        ("the static 7 by the gate", "7"),
    ],
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
        # a payment app's user name, joined by hyphens
        ("venmo me for the flowers @Tavake-Holm-2 thanks", "@Tavake-Holm-2"),
        # the user name of a chat export's line, after its date and time
        ("2024-02-08 18:02 kai.moana: anyone going tonight", "kai.moana"),
        ("12/03/2025, 18:52 - rua_t: yes", "rua_t"),
    ],
)
def test_handles(text: str, handle: str) -> None:
    assert handle in found("SocialHandleRecognizer", text)


def test_a_mention_with_a_hyphen_and_no_digit_is_the_name_alone() -> None:
    assert found("SocialHandleRecognizer", "thanks @Mary-Kate for the cake") == ["@Mary"]


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


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("she wrote from tomas.rek@postbox.example last night", "tomas.rek@postbox.example"),
        ("sign-ups go to hora.bairro@grupos.example, not the office", "hora.bairro@grupos.example"),
        ("Email: wen.li82@clinic.internal", "wen.li82@clinic.internal"),
        ("(kofi_a+diary@uni.ac.test)", "kofi_a+diary@uni.ac.test"),
    ],
)
def test_email_addresses_with_any_domain_ending(text: str, address: str) -> None:
    assert found("EmailShapeRecognizer", text) == [address]


@pytest.mark.parametrize(
    "text",
    ["meet @ 5.30 at the hall", "the rota@ward was full", "see you @home.", "name@localhost only", "a@b.c"],
)
def test_no_email_without_a_dotted_domain(text: str) -> None:
    assert found("EmailShapeRecognizer", text) == []


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("RecordNumberRecognizer", "The boat was the PD 318, an old creeler.", "PD 318"),
        ("RecordNumberRecognizer", "his cousin's lobster boat, the ME 7712 RA, went out", "ME 7712 RA"),
        ("RecordNumberRecognizer", "Her Medicaid number (733 201 548) was on the list.", "733 201 548"),
        ("RecordNumberRecognizer", "Health number (HX 4410 2981) checked at intake", "HX 4410 2981"),
        ("RecordNumberRecognizer", "Back out to the croft, holding 63/114/0027, on Monday", "63/114/0027"),
        ("RecordNumberRecognizer", "herd no. 5-207-3318 on the passport", "5-207-3318"),
        ("RoomNumberRecognizer", "dropped her back at the park, trailer 14, after the shop", "14"),
    ],
)
def test_vessel_farm_and_bracketed_numbers(name: str, text: str, code: str) -> None:
    assert code in found(name, text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("RecordNumberRecognizer", "the boat was the best part of the week"),
        ("RecordNumberRecognizer", "we took the boat to the island at 9"),
        ("RecordNumberRecognizer", "holding 12/05/2024 as the date for the sale"),
        ("RecordNumberRecognizer", "she was holding 2 bags and a pram"),
        ("RecordNumberRecognizer", "her health number (see the form) was wrong"),
        ("RoomNumberRecognizer", "the trailer 3 hours away"),
    ],
)
def test_no_vessel_or_farm_number_without_one(name: str, text: str) -> None:
    assert found(name, text) == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("he wrote his relay number on a napkin, 18001 0113 496 0552, and left", "18001 0113 496 0552"),
        ("ring the hall on 01632 960552 if it snows", "01632 960552"),
        ("Tel 0161 496 0099", "0161 496 0099"),
    ],
)
def test_uk_landlines_in_unallocated_ranges(text: str, phone: str) -> None:
    assert phone in found("PhoneShapeRecognizer", text)


@pytest.mark.parametrize("text", ["the code 0123 456 789 9 was wrong", "ref 02-1234-5678", "in 2019 2020 2021"])
def test_no_uk_landline_in_other_digit_runs(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("PhoneShapeRecognizer", "Phone for call-backs: 6184 2270.", "6184 2270"),
        ("PhoneShapeRecognizer", "Kobus wanted my number for Friday, 082 440 1937. I will", "082 440 1937"),
        ("PhoneShapeRecognizer", "his mobile, for emergencies only: 021 555 0199 (after six)", "021 555 0199"),
        ("RecordNumberRecognizer", "his service number (K52 318 044) is on his discharge papers", "K52 318 044"),
    ],
)
def test_phone_named_words_before_and_service_numbers(name: str, text: str, code: str) -> None:
    assert code in found(name, text)


@pytest.mark.parametrize(
    "text",
    [
        "the number of visits in 2019, 2020 2021 2022 went up",
        "her phone died at ten, 12 30 14 00 we left",
        "the number on the door, 12 14, was wrong",
    ],
)
def test_no_phone_after_a_number_of_things(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []


def test_the_digits_counted_are_the_number_s_own_not_the_text_s_before_it() -> None:
    before = "Case 4471 2093 8812 5507, seen 17/08/2022 and 24/08/2022.\n"
    assert "6184 2270" in found("PhoneShapeRecognizer", before + "Phone for call-backs: 6184 2270")
    assert found("PhoneShapeRecognizer", before + "ring me on 12 34 if that's easier") == []
