"""Places and organisations named by a kind word in other languages and in lower case (issue 13, classes h
and j): a head of another language written in lower case inside a sentence ("nella chiesa di ...", "w kościele
pw. św. ..."), a head that closes the name (Turkish "Derneği", Finnish "-klinikka"), a parish named after a
title of Mary, a lower-case venue after its name ("the Harrowfield civic hall"), a hospital with a word of its
standing ("Tarsun state hospital") and an organisation after the kind of document in a title line. Invented
names."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(Rules())}


def found(name: str, text: str) -> list[str]:
    recognizer = RECOGNIZERS[name]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


def spans(detector, text: str) -> list[tuple[str, str]]:
    doc = detector.detect_text(text)
    return [(text[s.start : s.end], s.label) for s in doc.spans]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Il funerale sarà nella chiesa di San Brunello alle Querce, poi.", "chiesa di San Brunello alle Querce"),
        ("Msza w kościele pw. św. Jacka Odrowąża o 11.", "kościele pw. św. Jacka Odrowąża"),
        ("AN – johtaja, päiväkoti Kuusikko", "päiväkoti Kuusikko"),
        ("närvårdare, vårdhemmet Lindgården, nattskift", "vårdhemmet Lindgården"),
        ("Mass at Chiesa di Santa Velina every week", "Chiesa di Santa Velina"),
    ],
)
def test_a_head_of_another_language_opens_the_name_in_any_case(text: str, name: str) -> None:
    assert found("OrgHeadRecognizer", text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "We had pizza at the pizzeria Giancarlo recommended.",  # English uses the word
        "the gymnasium Friday was packed",
        "the chiesa was cold",  # no name after the head
    ],
)
def test_a_lower_case_head_english_uses_or_without_a_name_is_no_organisation(text: str) -> None:
    assert found("OrgHeadRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cenaze namazı Yeşilvadi Gençlik Derneği'nde kılınacaktır.", "Yeşilvadi Gençlik Derneği"),
        ("referred to ENT (Koivurannan lastenklinikka).", "Koivurannan lastenklinikka"),
        ("Paikka: Kuusimäen kaupungin perhesosiaalityö, Torikatu 5", "Kuusimäen kaupungin perhesosiaalityö"),
        ("The Tarsun Devlet Hastanesi took him.", "Tarsun Devlet Hastanesi"),
        ("She works at Solsiden sykehjem now.", "Solsiden sykehjem"),
    ],
)
def test_a_head_of_another_language_closes_the_name(text: str, name: str) -> None:
    assert found("OrgHeadLastRecognizer", text) == [name]


@pytest.mark.parametrize("text", ["I went to school and then to the Koulu.", "Koulu was closed", "Our Derneği"])
def test_a_closing_head_needs_a_name_before_it(text: str) -> None:
    assert found("OrgHeadLastRecognizer", text) == []


def test_a_finnish_registered_association_by_its_legal_form() -> None:
    assert found("LegalFormRecognizer", "Jäsenmaksu: Kotiliesi Kuusimäki ry, tili ...") == ["Kotiliesi Kuusimäki ry"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("we meet in the basement of Our Lady of Lindenmoor parish hall", "Our Lady of Lindenmoor"),
        ("PARISH NEWS - Our Lady of the Quiet Harbour, Westvale", "Our Lady of the Quiet Harbour"),
        ("Mass at Our Lady Queen of Lindenmoor", "Our Lady Queen of Lindenmoor"),
    ],
)
def test_a_parish_named_after_a_title_of_mary(text: str, name: str) -> None:
    assert name in found("SaintNameRecognizer", text)


def test_a_prayer_to_mary_is_no_parish() -> None:
    assert found("SaintNameRecognizer", "She prayed to Our Lady every night.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("CASE NOTES - KTUA\nClient: Someone", "KTUA"),
        ("KTUA – Coalition check-in – minutes\nDate: Mon", "KTUA"),  # the title in ordinary case
        ("Referral form | KELBY TENANTS UNION\nName:", "KELBY TENANTS UNION"),
    ],
)
def test_an_organisation_in_a_title_line_beside_the_kind_of_document(text: str, name: str) -> None:
    assert found("LetterheadRecognizer", text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "INTAKE FORM - CONFIDENTIAL\nName:",
        "Meeting notes - DRAFT\n",
        "NOTE - we met for minutes\n",
        "Case notes - week three\n",  # words in ordinary case after the kind
        "Running log - Kelby\n",
    ],
)
def test_a_title_line_of_title_words_names_no_organisation(text: str) -> None:
    assert found("LetterheadRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("the whole family goes to the fights at the Harrowfield civic hall on Fridays.", "Harrowfield civic hall"),
        ("I used to be a marshal at Quernby taxi rank and drank every day.", "Quernby taxi rank"),
        ("the tea stall near Ostlea bus stand", "Ostlea bus stand"),
    ],
)
def test_a_rare_name_and_a_lower_case_venue_are_one_place(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in spans(detector, text)


def test_a_hospital_with_a_word_of_its_standing_is_one_organisation(detector) -> None:
    text = "MIL referred to physio at Tarsun state hospital, paperwork sorted."
    assert ("Tarsun state hospital", "ORGANIZATION") in spans(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Tuesday club met at the village hall.",  # no name before the venue
        "We waited at the Polish community hall and the bus station.",  # a people
        "the Sunday car park was empty",  # a calendar word
    ],
)
def test_words_before_a_venue_are_no_place(detector, text: str) -> None:
    assert [s for s, _ in spans(detector, text) if s.endswith(("hall", "station", "park"))] == []


@pytest.mark.parametrize(
    ("text", "place", "label"),
    [
        ("Started as helper in cutting, near Kelby-11. Age 19.", "Kelby-11", "LOCATION"),
        ("back room of a tea stall near Kelby-11 bus stand, 10 pm.", "Kelby-11 bus stand", "LOCATION"),
        ("a fight outside Ostlea Secondary where a girl got stitches.", "Ostlea Secondary", "ORGANIZATION"),
    ],
)
def test_a_numbered_district_and_a_school_by_its_level(detector, text: str, place: str, label: str) -> None:
    assert (place, label) in spans(detector, text)


@pytest.mark.parametrize("text", ["we live in Sector-7 now", "The meeting in Phase-2 was fine.", "a Secondary tumour"])
def test_an_everyday_word_with_a_number_or_a_level_is_no_place(detector, text: str) -> None:
    assert spans(detector, text) == []
