"""Ages as people say them in interviews, codes with letters after their digits, streets with the house
number first and head-first organisations with a lower-case word after the head (issue 13, classes e,
f, i; rules/recognizers/ages.yaml, ids.yaml, places.yaml). Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Then the little one, Kofi, he is only seven.", ["seven"]),
        ("Her uncle is about sixty-three now.", ["sixty-three"]),
        ("She is maybe eighty-something, she won't say.", ["eighty-something"]),
        ("I am only forty-eight. [laughs]", ["forty-eight"]),
        ("Mr Lund is around fifty-one, lives by the river.", ["fifty-one"]),
        ("my coach from when I was about ten until I was fifteen", ["fifteen", "ten"]),
        ("I came over as a shy boy of thirteen who spoke no English", ["thirteen"]),
        ("a woman of 67 with a walking frame", ["67"]),
        ("our eldest member, who died at 104 in March", ["104"]),
        ("He passed away at eighty-nine.", ["eighty-nine"]),
        ("Participants were aged 22 to 79.", ["22", "79"]),
        ("nine interviews (age range 31-88) in two towns", ["31", "88"]),
        ("Name:\nTeresa Bloom\nDOB:\n02/11/1958 (66)\nPhone", ["66"]),
        ("I brought Oskar (4 years) to the clinic at night", ["4 years"]),
        ("He's only 9 and I was only 12 then", ["12", "9"]),
        ("a child of eight cannot interpret for his own mother", ["eight"]),
        ("She is now thirty-one and a nurse.", ["thirty-one"]),
        ("lives with her partner and daughter Mia, 4. Her mother is unwell", ["4"]),
        ("Geburtsdatum / Date of birth: 14.08.2001   Alter / Age: 23", ["23"]),
    ],
)
def test_spoken_and_written_ages(text: str, ages: list[str]) -> None:
    assert found("AgeRecognizer", text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "his English is maybe fifty words, no more",
        "he is about six feet tall",
        "she is only nine minutes away",
        "I was about twenty metres behind",
        "a man of few words",
        "the game was won at 102 points",
        "aged 10 minutes in the oven",
        "Oskar (4 rooms) was the listing",
        "the meeting ran from 10/11/2024 (2 hours)",
        "she is now two streets away",
        "a man of 40 kg",
        "and the office, 4.5 km away",
    ],
)
def test_counts_and_measures_are_no_age(text: str) -> None:
    assert found("AgeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nom: Vachon, Luc\nNo RAMQ: VACL 5811 0922\nAdresse", "VACL 5811 0922"),
        ("Usager: X    MSP: 9876 543 210", "9876 543 210"),
        ("Dr Mere Tawhiri\nMBChB\nHPI 41QRTZ", "41QRTZ"),
        ("my PIN came after the exam... 17H0483P, every form wants it", "17H0483P"),
        ("the visa letter had it wrong, D4K9W27X3MB instead of mine", "D4K9W27X3MB"),
        ("the driver was T. Ames, vehicle 3JX-7RD. We", "3JX-7RD"),
        ("the reference number was 4-5512-0937-C, I rang", "4-5512-0937-C"),
    ],
)
def test_codes_with_letters_after_digits(text: str, code: str) -> None:
    hits = found("RecordNumberRecognizer", text) + found("CodeRecognizer", text)
    assert code in hits


@pytest.mark.parametrize(
    "text",
    [
        "open 9AM-5PM daily",
        "10AM-2PM on Fridays",
        "COVID-19 and H1N1 and MP3 and 4WD",
        "TEL: 555 1234 9876",
        "DOB: 12 03 1970",
        "RE: 12345 things",
        "I GOT 2ND PLACE",
    ],
)
def test_times_words_and_dates_are_no_code(text: str) -> None:
    assert [c for c in found("CodeRecognizer", text) + found("RecordNumberRecognizer", text) if "-" not in c] == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Coordinatrice\n2210, rue Beaubien Est, bureau 3, Montréal", "2210, rue Beaubien Est, bureau 3"),
        ("Anne Roy\n4521, boulevard Rosemont, app. 7\nMontréal", "4521, boulevard Rosemont, app. 7"),
        ("my address for pickup is 5530 rue laroque ring 3", "5530 rue laroque"),
        ("CHURCH\n1120, 18e Avenue, Laval", "1120, 18e Avenue"),
        ("he lives at 45 chemin des Érables near the lake", "45 chemin des Érables"),
    ],
)
def test_a_street_after_its_house_number(text: str, street: str) -> None:
    assert street in found("StreetPrefixRecognizer", text)


@pytest.mark.parametrize(
    "text",
    ["we set 5 place settings", "12 route changes this year", "walked 3 avenue blocks", "2 rue the day"],
)
def test_a_number_before_an_english_word_is_no_street(text: str) -> None:
    assert found("StreetPrefixRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Coordinatrice, Centre communautaire Rivière-Basse\n2210", "Centre communautaire Rivière-Basse"),
        ("son fils, élève à l'École secondaire Saint-Aubin, est", "École secondaire Saint-Aubin"),
        ("CENTRE COMMUNAUTAIRE PETITE-PATRIE — FICHE", "CENTRE COMMUNAUTAIRE PETITE-PATRIE"),
        ("Pasteur Luc, Église de Dieu Pierre Vivante\n", "Église de Dieu Pierre Vivante"),
        ("a filha anda na Escola básica Vale Verde", "Escola básica Vale Verde"),
    ],
)
def test_a_head_first_organisation_with_a_lower_case_word(text: str, name: str) -> None:
    assert name in found("OrgHeadRecognizer", text)


@pytest.mark.parametrize(
    "text", ["The Centre staff told Maria", "the centre communautaire was shut", "Centre social events"]
)
def test_a_centre_before_english_words_is_no_organisation(text: str) -> None:
    assert found("OrgHeadRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name the name rules read as a person's stays inside the organisation's
        (
            "Thanks,\nRose-Anne Pierre\nCoordonnatrice, Centre communautaire Bwa Kayiman\n",
            "Centre communautaire Bwa Kayiman",
        ),
        # Romanian heads
        ("and to Father Dorin Munteanu, Parohia Sfântul Nicolae Alcorcón\n", "Parohia Sfântul Nicolae Alcorcón"),
    ],
)
def test_a_head_first_organisation_keeps_the_name_inside_it(detector, text: str, name: str) -> None:
    assert (name, "ORGANIZATION") in [(text[s.start : s.end], s.label) for s in detector.detect_text(text).spans]


@pytest.mark.parametrize(
    ("text", "found_here"),
    [
        # the extension too: it says whose line it is
        ("Call her at the centre, 514 555-0133 poste 22.", ["22", "514 555-0133"]),
        ("ring 6630 1184 ext 31 after ten", ["31", "6630 1184"]),
    ],
)
def test_a_phone_number_before_its_extension(text: str, found_here: list[str]) -> None:
    assert found("PhoneShapeRecognizer", text) == found_here


@pytest.mark.parametrize("text", ["3 x 4 boxes", "size 12x14", "a 1200 x 800 photo", "2 x 10 pack"])
def test_a_product_of_numbers_is_no_extension(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Address in Greece:\n    Πινδάρου 27, Γκύζη, 114 73 Αθήνα (ground floor)", ["114 73 Αθήνα", "Πινδάρου 27"]),
        ("We can meet at the Centre, Αγίας Σοφίας 8, any morning.", ["Αγίας Σοφίας 8"]),
    ],
)
def test_an_address_written_in_greek(text: str, places: list[str]) -> None:
    assert found("GreekAddressRecognizer", text) == places


@pytest.mark.parametrize("text", ["Κέντρο Κοινότητας 6ης Δημοτικής", "Άρθρο 5 του νόμου", "in 2020 we met"])
def test_greek_words_before_a_number_in_a_sentence_are_no_address(text: str) -> None:
    assert found("GreekAddressRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("RIVERBEND TENANTS UNION — CLIENT INTAKE\nName:", "RIVERBEND TENANTS UNION"),
        ("HARBOUR STREET PATROL - SHIFT HANDOVER\nDate: Tue", "HARBOUR STREET PATROL"),
        ("KARIBU CENTRE - CLIENT INTAKE / ΔΕΛΤΙΟ ΥΠΟΔΟΧΗΣ\nDesk ref: 12", "KARIBU CENTRE"),
    ],
)
def test_a_letterhead_before_a_document_title(text: str, name: str) -> None:
    assert found("LetterheadRecognizer", text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "CLIENT INTAKE - CONFIDENTIAL\nName:",
        "WEEKLY SUPPORT GROUP - MINUTES\n",
        "ANNUAL REPORT - 2024\n",
        "PARTICIPANT CONSENT FORM - STUDY 2\n",
        "Notes\nRIVERBEND UNION - INTAKE",  # not the document's first line
        "RIVERBEND SPRING FAIR - SATURDAY\n",  # no kind of document nor of body
        "DAY CENTRE\nnotes",  # a kind of body alone
        "PRIVATE AND CONFIDENTIAL\nTel: 0161 496 0192\n",  # title words above a phone
        "HOME VISIT - 3 May\nphone 0412 118 220",  # two words above a phone
        "INCIDENT / ACCIDENT REPORT FORM\nKestrel Ltd\nTel 01632 960 118",  # a kind of document
    ],
)
def test_a_title_line_without_a_name_is_no_letterhead(text: str) -> None:
    assert found("LetterheadRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the first line names a kind of body
        (
            "KESTREL VALLEY COMMUNITY HEALTH CENTRE - Ward 5 East\nRota for May",
            "KESTREL VALLEY COMMUNITY HEALTH CENTRE",
        ),
        ("RIVERBEND TENANTS UNION - SPRING FAIR\n", "RIVERBEND TENANTS UNION"),
        # three words or more above a charity's number, a phone or an e-mail
        (
            "MOORSIDE & DENE TENANTS ADVICE\nRegistered charity no. 5512093\nUnit 2, Mill Yard",
            "MOORSIDE & DENE TENANTS ADVICE",
        ),
        (
            "SAMFUNDET HJÄRTEBAND R.F. – Familjehuset\nStorgatan 4, 65100 Vasa   tel. 06 555 1234\n",
            "SAMFUNDET HJÄRTEBAND R.F.",
        ),
    ],
)
def test_a_letterhead_of_a_body_or_above_its_contact_lines(text: str, name: str) -> None:
    assert found("LetterheadRecognizer", text) == [name]
