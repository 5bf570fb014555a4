"""Initials signing case-note entries after a dash, senders of a chat copied without times whose names are words or
who write once, institutions named by kind and number in any case, codes after any word's "no." or "#", and address
parts of more countries (detect/recognizers/structure.py, addresses.py; rules/recognizers/places.yaml, ids.yaml;
rules/lexicons/layout.yaml), on invented text."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.addresses import AddressLinesRecognizer
from qualdeid.detect.recognizers.structure import SpeakerRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RULES = Rules()
RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(RULES)}
SPEAKERS = SpeakerRecognizer(RULES)
ADDRESSES = AddressLinesRecognizer(RULES)


def found(name: str, text: str) -> list[str]:
    recognizer = RECOGNIZERS[name]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


def speakers(text: str) -> list[str]:
    return sorted({text[s:e] for s, e, _ in SPEAKERS.find(text)})


def test_initials_closing_entries_after_a_dash() -> None:
    text = "Log\n2/11 - Intake. Client upset. -QV\n2/14 - Home visit with interpreter. — QV\n2/15 - Spoke to GP. -OK\n"
    assert speakers(text) == ["QV"]


def test_one_dash_sign_off_of_a_common_abbreviation_stays() -> None:
    assert speakers("Log\n2/11 - Intake done. -KB\n2/12 - Nothing new.\n") == []


def test_a_chat_without_times_whose_senders_are_words_or_write_once() -> None:
    text = (
        "group chat export\n"
        "tamsy: who took my charger\n"
        "grumbo: not me\n"
        "tamsy: grumbo stop lying\n"
        "auntie quorla: dinner now\n"
        "grumbo: coming\n"
        "orrin: save me some\n"
        "tamsy: ok\n"
    )
    assert {"grumbo", "orrin", "tamsy"} <= set(speakers(text))


def test_a_chat_without_times_whose_senders_are_handles() -> None:
    text = "ketsu: did u finish\nmere_k: nope lol\nketsu: same\nvilja.t: i did mine\nmere_k: legend\nvilja.t: send it\n"
    assert {"ketsu", "mere_k"} <= set(speakers(text)) and any(s.startswith("vilja") for s in speakers(text))


def test_form_labels_in_lower_case_are_no_chat() -> None:
    text = "Intake\nname: Dorota\naddress: 4 Hill Rd\nphone: none\nname: again\nnotes: none\n"
    assert "address" not in speakers(text) and "phone" not in speakers(text)


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("ask the psych. (school No. 41) to see her", ["school No. 41"]),
        ("Counsellor, School-Lyceum No. 18, capital", ["School-Lyceum No. 18"]),
        ("[x] Health centre no. 6 / Dr Quell", ["Health centre no. 6"]),
        ("it was the school no. 1 priority", []),
    ],
)
def test_numbered_institutions_in_any_case(text: str, orgs: list[str]) -> None:
    assert [o for o in found("OrgHeadRecognizer", text) if "No" in o or "no" in o] == orgs


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Registered No. 73915\n", ["73915"]),
        ("complaint # QX31-00418866.", ["QX31-00418866"]),
        ("Application no: KÖV-TRZ-23-0452\n", ["KÖV-TRZ-23-0452"]),
        ("(Reg. No. BQA/IT/NO 552019)", ["BQA/IT/NO 552019"]),
        ("Nº registro REGTRA23e00098172244. Tiene", ["REGTRA23e00098172244"]),
        ("Re: Vennel A.M., reg. ДБ-2023-044\n", ["ДБ-2023-044"]),
        ("Outgoing No. ДБ/вх-52 dated", ["ДБ/вх-52"]),
    ],
)
def test_codes_after_any_words_number_label(text: str, codes: list[str]) -> None:
    assert codes[0] in found("RecordNumberRecognizer", text)


@pytest.mark.parametrize(
    "text", ["house no. 12345", "Tel no. 0412 555", "won the No. 1 spot", "Page No. 12", "no. 10 Downing Street"]
)
def test_house_phone_and_page_numbers_are_no_codes(text: str) -> None:
    assert found("RecordNumberRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Адрес: ул. Лесная, д. 14, кв. 9, г. Тверь", "ул. Лесная, д. 14, кв. 9"),
        ('Adresa: Rr. "Dibrës", Pall. 41, Shk. 3, Ap. 8, Durrës', "Pall. 41, Shk. 3, Ap. 8, Durrës"),
    ],
)
def test_address_parts_of_more_countries(text: str, address: str) -> None:
    assert address in [text[s:e] for s, e, _ in ADDRESSES.find(text)]


def test_a_singapore_block() -> None:
    assert found("RoomNumberRecognizer", "I stay Blk 418C, near the market") == ["Blk 418C"]


@pytest.mark.parametrize(
    ("text", "codes"), [("card (last 4 only): XXXX XXXX 7712\n", ["7712"]), ("xxxx xxxx 7712", [])]
)
def test_digits_after_masked_groups(text: str, codes: list[str]) -> None:
    assert [c for c in found("RecordNumberRecognizer", text) if c == "7712"] == codes
