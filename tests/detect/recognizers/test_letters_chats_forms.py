"""Layout of letters, chat exports and forms in several languages (issue 13, classes d, e, g): a chat
saved in tab-separated columns, Japanese honorifics, names under a letter's closing after a blank line,
form labels written in two or three languages, phone numbers in signatures. Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found
from qualdeid.detect.layout import translated_label_ranges
from qualdeid.detect.recognizers.forms import FormFieldRecognizer
from qualdeid.detect.recognizers.structure import SpeakerRecognizer
from qualdeid.labels import CONTACT, LOCATION, PERSON
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def speakers() -> SpeakerRecognizer:
    return SpeakerRecognizer(Rules())


def people(recognizer: SpeakerRecognizer, text: str) -> list[str]:
    return [text[a:b] for a, b, label in recognizer.find(text) if label == PERSON]


TAB_CHAT = (
    "2025/02/03(月)\n"
    "19:02\tLuísa Prado\tboa noite, alguém pode ir amanhã?\n"
    "19:04\tさくら\t了解です\n"
    "19:05\tBeto 🇵🇹\teu vou\n"
    "19:07\tさくら\tありがとう\n"
)


def test_the_senders_of_a_tab_separated_chat_export(speakers: SpeakerRecognizer) -> None:
    found_people = people(speakers, TAB_CHAT)
    assert found_people.count("さくら") == 2
    assert "Luísa Prado" in found_people
    assert "Beto 🇵🇹" in found_people


def test_one_tabbed_line_is_no_chat(speakers: SpeakerRecognizer) -> None:
    assert people(speakers, "Timetable\n09:30\tOpening\tthe hall\n") == []


def test_the_senders_of_a_chat_export_stamped_time_first(speakers: SpeakerRecognizer) -> None:
    text = (
        "[20:14, 14/05/2023] Zerrin: where are you\n"
        "[20:15, 14/05/2023] Pellam Tamsk: at home\n"
        "[20:16, 14/05/2023] Zerrin: ok\n"
    )
    assert people(speakers, text) == ["Zerrin", "Pellam Tamsk", "Zerrin"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("昨日、森田さんと話した", "森田"),
        ("佐野先生に電話しました", "佐野"),
        ("孫のソフィアくんは元気です", "ソフィア"),
        ("ジョアン・シルバ様へ", "ジョアン・シルバ"),
        ("please ask Sato-san before Friday", "Sato"),
        ("kenji-kun was late again", "kenji"),
    ],
)
def test_a_name_before_a_japanese_honorific(text: str, name: str) -> None:
    assert found("HonorificNameRecognizer", text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "お客様へのお知らせ",  # "customer"
        "ママさん達と話した",  # "the mums"
        "ヘルパーさんが来た",  # "the helper"
        "皆さん、こんばんは",  # "everyone"
        "参加者氏名を書いてください",  # "participant's full name"
        "she went to see oba-san",  # "grandma"
    ],
)
def test_relatives_roles_and_words_before_an_honorific_are_no_names(text: str) -> None:
    assert found("HonorificNameRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please call me.\n\nYours sincerely,\n\nOoi Kah Wai Mabel (Mrs)\nRetired nurse", "Ooi Kah Wai Mabel"),
        ("Thank you.\n\nYours faithfully,\n\nOng Kah Seng\nSenior Officer", "Ong Kah Seng"),
        ("Kind regards,\n\nMarta Quispe\n", "Marta Quispe"),
        ("Yours sincerely,\n\nLau Wing Fook (Madam)\nRetired teacher", "Lau Wing Fook"),  # one common syllable
    ],
)
def test_a_name_under_a_letter_s_closing_after_a_blank_line(speakers: SpeakerRecognizer, text: str, name: str) -> None:
    assert name in people(speakers, text)


@pytest.mark.parametrize(
    "text",
    [
        "We will be in touch.\n\nThank you.\n\nYours faithfully",
        "Best wishes,\n\nThe Housing Team",
        "Regards,\n\nSenior Officer",
        "Kind regards,\n\nYouth Worker",
    ],
)
def test_a_second_closing_or_a_team_under_a_closing_is_no_name(speakers: SpeakerRecognizer, text: str) -> None:
    assert people(speakers, text) == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Marta Quispe · Beraterin · 0171 4402 3381", "0171 4402 3381"),
        ("s. 552 9031 · www.example.org", "552 9031"),
        ("The office is on 2281 5530 ext 31 most mornings.", "2281 5530"),
        ("see you soon\nMarta\n0391 552 2093", "0391 552 2093"),
    ],
)
def test_phone_numbers_of_signatures_and_extensions(text: str, phone: str) -> None:
    assert phone in found("PhoneShapeRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "9 April 2022 · 3 min read",
        "Page 12 · 2024",
        "we raised 1200 dollars",
        "Room 4 | 2 beds",
    ],
)
def test_no_phone_in_other_numbers_of_a_signature_line(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []


def test_a_field_labelled_in_three_languages_names_its_value() -> None:
    recognizer = FormFieldRecognizer(Rules())
    text = "Adresa / Adres / Address: Pellonkatu 7 B 12, 00510 Helsinki\nPuhelin / Telefon / Phone: 040 551 2290\n"
    found_values = [(text[a:b], label) for a, b, label in recognizer.find(text)]
    assert ("Pellonkatu 7 B 12, 00510 Helsinki", LOCATION) in found_values or any(
        label == LOCATION and "Pellonkatu 7" in value for value, label in found_values
    )
    assert ("040 551 2290", CONTACT) in found_values


def test_labels_in_several_languages_are_label_ranges() -> None:
    text = (
        "Nazwisko / Surname: Nowicka\nMiejsce urodzenia / Place of birth: Olsztyn\n"
        "jo k / sam: rang twice\nAna said: yes\n"
    )
    labels = [text[a:b] for a, b in translated_label_ranges(text)]
    assert labels == ["Nazwisko / Surname", "Miejsce urodzenia / Place of birth"]


def test_a_chat_message_after_the_sender_s_tab_is_no_other_form_of_the_name(detector) -> None:
    spans = detector.detect_text(TAB_CHAT).spans
    # (spaCy's English model may still read a Japanese word as an entity: that is NER's guess, not this reading)
    assert not any(s.text in ("了解です", "ありがとう") for s in spans if s.detector == "names")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("桜丘中学校の保護者会", "桜丘中学校"),
        ("ミドリ交流センターに相談した", "ミドリ交流センター"),
    ],
)
def test_a_japanese_organisation_by_its_ending(text: str, name: str) -> None:
    assert found("JapaneseOrganizationRecognizer", text) == [name]


@pytest.mark.parametrize("text", ["みなと総合病院に行った", "市立中学校の先生", "学校に行った", "私は大学生です"])
def test_generic_japanese_institutions_are_no_names(text: str) -> None:
    assert found("JapaneseOrganizationRecognizer", text) == []


def test_a_japanese_address_after_the_postal_mark() -> None:
    text = "〒420-0001 静岡県静岡市葵区 3-1-2 マツビル5F\nTEL 054-000-0000"
    assert found("JapaneseAddressRecognizer", text) == ["〒420-0001 静岡県静岡市葵区 3-1-2 マツビル5F"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Her file (Kunden-Nr. 48211//0093310) was closed", "48211//0093310"),
        ("kd-nr 48211//0093310 bitte notieren", "48211//0093310"),
        ("Gruppe Nr. AB-12 am Montag", "AB-12"),
        ("Ausweis-Nr. / Card no.: P7R2XW41B\n", "P7R2XW41B"),
        ("Nr. 12345 der Akte", "12345"),
    ],
)
def test_numbers_after_a_nr_label(text: str, number: str) -> None:
    assert number in found("RecordNumberRecognizer", text)


@pytest.mark.parametrize("text", ["Hausnr. 3", "Raum Nr. 2.", "Gruppe Nr. 5 trifft sich"])
def test_a_small_number_after_nr_is_no_identifier(text: str) -> None:
    assert found("RecordNumberRecognizer", text) == []


def test_a_card_number_with_letters_after_its_digits() -> None:
    assert found("CodeRecognizer", "card no KT04417732PQ, valid until May") == ["KT04417732PQ"]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("My aunt lives near Triq it-Torri now.", "Triq it-Torri"),
        ("moved to Rua do Sol 14, 2º andar", "Rua do Sol 14"),
        ("Calle Mayor 12, bajo", "Calle Mayor 12"),
        ("ul. Długa 5, Olsztyn", "ul. Długa 5"),
        ("she moved to 7, Triq il-Ħawt Ġdida, Birgu", "7, Triq il-Ħawt Ġdida"),
        ("Str. Plopilor nr. 3, bl. C4, sc. B, ap. 12, Tulcea", "Str. Plopilor nr. 3, bl. C4, sc. B, ap. 12"),
        ("scrie-mi la Calea Crinului nr 9 te rog", "Calea Crinului nr 9"),
    ],
)
def test_a_street_named_after_its_street_word(text: str, street: str) -> None:
    assert found("StreetPrefixRecognizer", text) == [street]


@pytest.mark.parametrize(
    "text",
    [
        "Rua Kenana said it twice",
        "Piazza was closed",
        "Al Smith rang",
        "came via Zoom",
        "we rue the day",
        "Str. Rozelor was closed",  # no house number
    ],
)
def test_a_street_word_before_a_bare_name_is_left_alone(text: str) -> None:
    assert found("StreetPrefixRecognizer", text) == []


def test_an_icelandic_street_by_its_ending() -> None:
    assert found("CompoundStreetRecognizer", "meet me at Holtfell 12b on Friday") == ["Holtfell 12b"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Centro de Día Las Acacias\nAvda. del Puerto 9", "Centro de Día Las Acacias"),
        ("Voluntária – Centro Comunitário Nova Ponte\n> 090", "Centro Comunitário Nova Ponte"),
        ("Dr. Anna Roth, Ärztin, Praxis im Lindenhof, Birkenweg 14", "Praxis im Lindenhof"),
        ("De: Direção - Agrupamento de Escolas Serra Alta <x@example.org>", "Agrupamento de Escolas Serra Alta"),
        ("She works at Fundación de los Ríos Claros now.", "Fundación de los Ríos Claros"),  # two particles
        ("The Hôpital Saint-Aubin du Lac took him in.", "Hôpital Saint-Aubin du Lac"),
    ],
)
def test_an_organisation_named_after_its_head_word(text: str, name: str) -> None:
    assert found("OrgHeadRecognizer", text) == [name]


@pytest.mark.parametrize("text", ["the centro was busy", "Praxis makes perfect", "in the Gymnasium", "Centro"])
def test_a_head_word_without_a_name_is_no_organisation(text: str) -> None:
    assert found("OrgHeadRecognizer", text) == []
