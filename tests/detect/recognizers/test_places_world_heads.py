"""Places and organisations named by a kind word in other languages and in lower case (issue 13, classes h
and j): a head of another language written in lower case inside a sentence ("nella chiesa di ...", "w kościele
pw. św. ..."), a head that closes the name (Turkish "Derneği", Finnish "-klinikka"), a parish named after a
title of Mary, a lower-case venue after its name ("the Harrowfield civic hall"), a hospital with a word of its
standing ("Tarsun state hospital") and an organisation after the kind of document in a title line. Invented
names."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


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


# Services and venues named by their place (dplaces22): a Scandinavian genitive and a lower-case head
# ("Brennviks vårdcentral"), maybe with an adjective between, a place and a lower-case head of Norwegian, Finnish,
# Estonian or Lithuanian, a sports club's mark after its place ("Brennviks BK"), a name in the possessive or a
# rare name before a lower-case kind of venue ("Brannock's sports centre", "the Quorvelle café"), names written
# with an ʻokina, and streets after an Indonesian or Cyrillic street word. Invented names.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mum saw the nurse at Brennviks vårdcentral again.", "Brennviks vårdcentral"),
        ("Next week she has a slot at Tolvåsens psykiatriska mottagning.", "Tolvåsens psykiatriska mottagning"),
        ("The letter came from Kvernhaugen kommune on Friday.", "Kvernhaugen kommune"),
        ("He teaches at Ølstrupvik høgskole now.", "Ølstrupvik høgskole"),
        ("We waited two hours at Žaliakalnio poliklinika.", "Žaliakalnio poliklinika"),
        ("The funeral was at Kõrvemäe kalmistu.", "Kõrvemäe kalmistu"),
        ("Her scan is at Vaskirannan terveyskeskus.", "Vaskirannan terveyskeskus"),
    ],
)
def test_a_place_and_a_lower_case_head_of_another_language(text: str, name: str) -> None:
    assert found("OrgHeadLastRecognizer", text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Stefan visited the vårdcentral on Monday.",  # the head alone, no name
        "Then Stefan went to the kommune office.",  # a lower-case word between without a genitive
        "Anna waited outside the klinik.",
    ],
)
def test_a_head_without_a_name_before_it_names_nothing(text: str) -> None:
    assert found("OrgHeadLastRecognizer", text) == []


def test_a_sports_club_s_mark_after_its_place() -> None:
    text = "Her grandson plays for Brennviks BK and his cousin for Tolvåsen IF."
    assert found("OrgHeadLastRecognizer", text) == ["Brennviks BK", "Tolvåsen IF"]
    assert found("OrgHeadLastRecognizer", "Ask Anna if she can, and If not, ring me.") == []


def test_the_service_is_one_organisation_not_a_person(detector) -> None:
    text = "Jag pratade med mamma. Hon fick hjälp av Brennviks socialtjänst förra året och ringer Brennviks BK."
    assert ("Brennviks socialtjänst", "ORGANIZATION") in spans(detector, text)
    assert ("Brennviks BK", "ORGANIZATION") in spans(detector, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Found him near the Brannock's sports centre end.", "Brannock's sports centre"),
        ("The fair is at St Aelred's church hall.", "St Aelred's church hall"),
        ("We had tea at the Quorvelle café first.", "Quorvelle café"),
        ("Then we walked to Tannack market.", "Tannack market"),
    ],
)
def test_a_venue_named_by_a_rare_or_possessive_name_and_its_kind(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in spans(detector, text)


def test_a_possessive_before_an_organisation_s_kind_or_an_everyday_word_names_no_place(detector) -> None:
    text = "Yesterday Liesel's school rang twice, then Ruvenna's clinic. The Women's clinic was shut."
    assert not any(label in ("LOCATION", "ORGANIZATION") for _, label in spans(detector, text))


def test_names_with_an_okina(detector) -> None:
    text = "I spoke to someone from the Kaʻula ʻAina Family Trust.\n\nKAʻULA ʻAINA FAMILY TRUST\nIntake form"
    found_spans = spans(detector, text)
    assert ("Kaʻula ʻAina Family Trust", "ORGANIZATION") in found_spans
    assert ("KAʻULA ʻAINA FAMILY TRUST", "ORGANIZATION") in found_spans


def test_an_everyday_word_before_a_venue_s_kind_names_no_venue(detector) -> None:
    text = "The Christmas market was busy and the stock market fell, so we went to the Sunday market."
    assert not any(label == "LOCATION" for _, label in spans(detector, text))


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Alamat: Jl. Kenari Ujung III No. 27, Tegalsari", "Jl. Kenari Ujung III No. 27"),
        ("Адреса: вул. Вишнева, 41, кв. 7", "вул. Вишнева, 41"),
        ("She lives on ул. Липовая 12 now.", "ул. Липовая 12"),
    ],
)
def test_a_street_after_an_indonesian_or_cyrillic_street_word(text: str, street: str) -> None:
    assert street in found("StreetPrefixRecognizer", text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her son goes to School No. 41 now.", "School No. 41"),
        ("She works at Polyclinic No. 7 on weekdays.", "Polyclinic No. 7"),
        ("The Zorbek Hospital No. 2 called.", "Zorbek Hospital No. 2"),
        ("He went to Szkoła Podstawowa nr 212 w Radomiu.", "Szkoła Podstawowa nr 212 w Radomiu"),
    ],
)
def test_an_institution_named_by_its_kind_and_its_number(text: str, name: str) -> None:
    assert name in found("OrgHeadRecognizer", text)


def test_a_room_or_a_lower_case_kind_with_a_number_is_no_institution() -> None:
    assert found("OrgHeadRecognizer", "Room No. 5 is free; see the clinic no 4 first.") == []


def test_an_identity_number_after_a_body_in_capitals_is_no_institution() -> None:
    assert found("OrgHeadRecognizer", "Her NHS no. 512 884 3307 is on the form.") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Interviews in Camp 9 and Camp 4K, block C.", ["Camp 4K", "Camp 9"]),
        ("Ward 7 was full again.", ["Ward 7"]),
    ],
)
def test_a_numbered_camp_is_a_place(text: str, place: list[str]) -> None:
    assert found("NumberedWardRecognizer", text) == place


def test_a_dock_closes_a_place_name(detector) -> None:
    assert ("Tarnwick Dock", "LOCATION") in spans(detector, "We walked down to Tarnwick Dock one afternoon.")
    assert found("NumberedWardRecognizer", "he went to camp 9 times") == []
