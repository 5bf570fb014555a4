"""Full names with particles and quoted nicknames are one name (issue 13, class d; invented names)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def names_found(detector, text: str) -> list[str]:
    [doc] = detector.detect([Document(id="d", text=text)])
    return [doc.text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Met Liesbet van der Hoorn at the library.", "Liesbet van der Hoorn"),
        ("Then Ramón de la Peña came in.", "Ramón de la Peña"),
        ("Sat with Yusuf bin Hamdan for an hour.", "Yusuf bin Hamdan"),
        ("Sat with Eoghan Ó Briain for an hour.", "Eoghan Ó Briain"),
        ('Saw Tomasz "Tomek" Wierzbicki at the desk.', 'Tomasz "Tomek" Wierzbicki'),
    ],
)
def test_a_full_name_is_one_span(detector, text: str, name: str) -> None:
    assert name in names_found(detector, text)


def test_particles_without_a_capitalised_name_after_them_stay_words(detector) -> None:
    assert names_found(detector, "Sat with Liesbet de facto in charge of the rota, then Liesbet left.") == [
        "Liesbet",
        "Liesbet",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Later Bà Lan rang about the rent.", "Bà Lan"),
        ("Later Doamna Ionescu rang the office.", "Doamna Ionescu"),
        ("Then Sestra Jana came with the forms.", "Sestra Jana"),
        ("Whaea Ngaio brought the kai.", "Whaea Ngaio"),
        ("Dr Đặng rang back.", "Dr Đặng"),
        ("23.40 the bridge - Garda Quilty stopped to chat.", "Garda Quilty"),  # ranks and professions as titles
        ("i said i will email attorney okonjo tomorrow", "attorney okonjo"),
        ("Talked with chị Quyên and cô Tâm about the late shift.", "chị Quyên"),  # a title written in lower case
        ("Talked with chị Quyên and cô Tâm about the late shift.", "cô Tâm"),
        ("Pani Wiesława rang twice about the heating.", "Pani Wiesława"),
        ("Kuya Ramil brought pancit for everyone.", "Kuya Ramil"),
        ("Κυρία Σταυρούλα asked for the leaflet in Greek.", "Κυρία Σταυρούλα"),
    ],
)
def test_surnames_listed_together_and_titles_of_many_languages(detector, text: str, name: str) -> None:
    found = names_found(detector, text)
    assert any(name in f for f in found), found


def test_surnames_listed_together_are_names(detector) -> None:
    """ "Korhonen, Brannigan and Lindqvist": a listed word with two names beside it is a name, surnames
    of the lists counting as names (NER reads the last one as an organisation)."""
    from qualdeid.detect.names.evidence import NameEvidence
    from qualdeid.rules import Rules

    evidence = NameEvidence(Rules(), detector.nlp)
    sdoc = detector.nlp("Thanks to Korhonen, Brannigan and Lindqvist for reading drafts.")
    [token] = [t for t in sdoc if t.text == "Lindqvist"]
    assert evidence.listed_with_names(sdoc, token)
    [token] = [t for t in detector.nlp("We bought Apples, Pears and Plums at the market.") if t.text == "Pears"]
    assert not evidence.listed_with_names(token.doc, token)


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Enrolled:\nHarjit Kaur Gill (ਹਰਜੀਤ ਕੌਰ) - from the east side", "ਹਰਜੀਤ ਕੌਰ"),
        ("Enrolled:\nAhmad Nouri / احمد نوری - Farsi", "احمد نوری"),
        ("Enrolled:\nदीपा शर्मा / Deepa Sharma - Hindi", "दीपा शर्मा"),
        ("Referred by:\nMarta Lindqvist 李文\nFamily Caseworker", "李文"),  # a name written in two scripts
    ],
)
def test_a_names_form_in_another_script_beside_it_is_the_same_person(detector, text: str, other: str) -> None:
    assert any(other in found for found in names_found(detector, text))  # alone, or joined to the name beside it


def test_words_in_brackets_in_latin_script_stay_words(detector) -> None:
    found = names_found(detector, "Satoshi (smiled) came in. Lena (in tears) left.")
    assert not any("smiled" in f or "tears" in f for f in found)


def test_a_name_opening_with_the_okina(detector) -> None:
    assert "ʻEleni" in names_found(detector, "Met ʻEleni at church. Later ʻEleni rang me and we talked.")


def test_a_quoted_full_name_after_a_name_stays_apart(detector) -> None:
    found = names_found(detector, 'Imke Brandt rang. The link was people/brandt "Oskar Lindahl" in the notes.')
    assert not any('"' in f for f in found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Notes:\n- Marta-Liisa Koskinen (FI) – buddy: Tobias\nLater Marta-Liisa rang me.", "Marta-Liisa"),
        ("With thanks,\nHyun-woo\n\nHyun-woo J. Seo, MSW\nProgram Lead", "Hyun-woo J. Seo"),
        ("Met Lucía M Ferreira at the hub, she was lovely.", "Lucía M Ferreira"),
        ("Tomas K. Berg rang about the rota.", "Tomas K. Berg"),
        ("Pim vd Berg 08:30: running late\nEva vt Veld 08:31: same", "Eva vt Veld"),
        ("Will K is usually so flat in the mornings.", "Will K"),
        ("Staff: Joy T, Dr Lee (first 30 mins)", "Joy T"),
        ("6. Art M. and his friend", "Art M."),
        ("Grace O-B 12:40 PM: see you there", "Grace O-B"),  # no clock time in the name
    ],
)
def test_double_first_names_middle_initials_and_short_particles(detector, text: str, name: str) -> None:
    """Issue 13 class d: a hyphenated double first name is one name, whichever half a list or NER knows;
    a middle initial and a short Dutch particle ("vd", "vt") sit inside a full name."""
    assert name in names_found(detector, text)


@pytest.mark.parametrize(
    ("text", "not_in_a_name"),
    [
        ("Tomas said it felt very Tomas-like, then Tomas left.", "Tomas-like"),
        ("Saw Tomas A. Then we left for the bus.", "Then"),
        ("Notes: Tomas   Lotu: Malia T   Kai: Aunty Sefa", "Kai"),  # a form's next label, not a surname
        ("Plan B was fine, then Vitamin D. Will I go? Meet at Block C.", "B"),
    ],
)
def test_english_endings_and_common_words_stay_out_of_names(detector, text: str, not_in_a_name: str) -> None:
    assert all(not_in_a_name not in found for found in names_found(detector, text))


def test_a_name_spelled_like_a_weekday_after_a_kin_word(detector) -> None:
    """ "my sister Thu": a person there, and only there ("see you Thu" stays a weekday)."""
    assert names_found(detector, "My sister Thu rang. See you Thu then.") == ["Thu"]


def test_a_name_in_another_script_beside_a_name_found_by_any_recognizer(detector) -> None:
    doc = detector.detect_text("Next of kin: Qiu Tanwen (邱坦文) 0412 339 801")  # the name by its form field
    assert [s.text for s in doc.spans if s.label == "PERSON"] == ["Qiu Tanwen", "邱坦文"]


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Participant: 박정란 (Park Jeong-ran)   Interpreter: Sam Orwell", "박정란"),  # the other form first
        ("Her husband is Tran Duc Minh. 陳德明. He is ill this week.", "陳德明"),  # set apart by full stops
    ],
)
def test_a_names_other_script_form_before_it_or_set_apart_by_full_stops(detector, text: str, other: str) -> None:
    assert any(other in found for found in names_found(detector, text))


def test_an_organisations_other_script_form_in_brackets_takes_its_label(detector) -> None:
    doc = detector.detect_text("Employer: Brightwater Textiles Ltd (明水紡織) since 2019.")
    labels = {s.text: s.label for s in doc.spans}
    assert labels.get("明水紡織") == labels.get("Brightwater Textiles Ltd") == "ORGANIZATION", labels


def test_other_script_words_away_from_a_name_stay_unflagged(detector) -> None:
    doc = detector.detect_text("Ruth Ambler said 谢谢 at the end and we all clapped.")
    assert not any("谢" in s.text for s in doc.spans)


def test_a_title_in_lower_case_before_a_capitalised_everyday_word_names_nobody(detector) -> None:
    assert names_found(detector, "We asked the nurse Practitioner group and the doctor Monday clinic.") == []
    assert names_found(detector, "Yes sir, I said. Okay Madam, we will.") == []
    assert names_found(detector, "Then uncle came round. Sure aunty, I will.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Haruko-san left for the group at noon.", "Haruko-san"),
        ("Then Seo-yeon-ya came in with the tea.", "Seo-yeon-ya"),
        ("Defne abla said she would drive.", "Defne abla"),
        ("Han samonim spoke at our church.", "Han samonim"),
        ("Our maths teacher Tareq sir set extra homework.", "Tareq sir"),  # South Asian English
        ("After prayers Pellam ji stayed for tea.", "Pellam ji"),
        ("We left the rotis with Quorra aunty after school.", "Quorra aunty"),
        ("Ask Tamsen uncle for the van keys.", "Tamsen uncle"),
    ],
)
def test_a_name_with_an_honorific_after_it(detector, text: str, name: str) -> None:
    """Issue 13 class d: honorifics of Japanese, Korean, Turkish and South Asian writers follow the name."""
    assert name in names_found(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Everybody in the village calls him Ovla-eahki, even the priest.", "Ovla-eahki"),
        ("Then Juci-muoŧŧá brought the coffee.", "Juci-muoŧŧá"),
        ("Tell Talia bahini the hall is booked.", "Talia bahini"),
        ("Ayşe hanım came round with soup.", "Ayşe hanım"),
        ("Lakshmi Rao rang. any news from lakshmi didi? she looked tired", "lakshmi didi"),
        ("10:02 - Piroska néni: jo reggelt\n10:03 - Anna K: szia\n10:04 - Piroska néni: ok", "Piroska néni"),
    ],
)
def test_the_honorific_after_a_found_name_is_part_of_it(detector, text: str, name: str) -> None:
    """Issue 13 class d: the honorific or kin word after a name, joined by a hyphen or a space, in any case
    and whoever found the name, is how the person is called."""
    assert name in names_found(detector, text)


@pytest.mark.parametrize("word", ["áhkku", "Áhkku", "eahki"])
def test_a_kin_word_of_another_language_alone_is_nobody(detector, word: str) -> None:
    assert names_found(detector, f"Then {word} said come home, so I went and stayed with her.") == []


def test_a_kin_word_after_a_possessive_name_is_no_honorific(detector) -> None:
    assert "Obinna's didi" not in names_found(detector, "Obinna Eze came. Obinna's didi rang later.")


def test_an_everyday_word_before_an_honorific_stays_a_word(detector) -> None:
    assert names_found(detector, "Thanks abi, see-ya tomorrow. See-ya!") == []


def test_a_title_of_another_language_before_its_small_words_is_running_text(detector) -> None:
    """Vietnamese "cô", "chị" are also pronouns: "cô đây", "chị ơi" in a Vietnamese message name nobody."""
    assert names_found(detector, "tin nhắn: cô đây, mai cô đi được. ok chị ơi, cảm ơn.") == []


def test_a_kin_title_ending_a_sentence_names_nobody_after_it(detector) -> None:
    assert names_found(detector, "She lives with her aunt. Rang twice, no answer.") == []


def test_a_word_written_in_three_scripts_is_no_name(detector) -> None:
    doc = detector.detect_text("Group chat - goście / гості / სტუმრები\nAga: hi all\nAga: see you")
    assert not any(s.text in ("гості", "სტუმრები") for s in doc.spans)
