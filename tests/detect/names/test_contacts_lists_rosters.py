"""People named before the number to ring, in a comma list joined to a person, by initials after a roster's
name written surname first, or by capitals answering an interviewer (detect/names/contacted.py, coordinated.py,
initials.py, transcript_roles.py; issue 13; invented texts)."""

from __future__ import annotations

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.names.initials import Initials
from qualdeid.detect.names.processor import NameProcessor
from qualdeid.detect.transcript_roles import TranscriptRoles
from qualdeid.rules import Rules

INITIALS = Initials(Rules(), Rules().words("names/not_initials.txt"))
COORDINATED = NameProcessor(Rules()).coordinated


def people(detector, *texts: str) -> list[list[str]]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [[d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs]


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in INITIALS.find(text)]


def test_a_name_before_the_number_to_ring_is_a_person(detector) -> None:
    (names,) = people(detector, "Lost keys found by the pond.\nQuestions: Ilarion +44 7700 900123\n")
    assert "Ilarion" in names


def test_a_name_after_a_word_asking_to_get_in_touch_is_a_person_in_another_language(detector) -> None:
    (names,) = people(detector, "Perdido: guarda-chuva azul. Falar com Quiteria - 080-3317-0000 por favor.\n")
    assert any("Quiteria" in n for n in names)


def test_a_messaging_app_or_an_everyday_word_before_a_number_is_no_person(detector) -> None:
    (names,) = people(detector, "Bookings:\nWhatsApp 07700 900456\nCall Reception 0161 496 0000\n")
    assert names == []


def joined(text: str, *names: str) -> list[str]:
    spans = [Span(text.index(n), text.index(n) + len(n), "PERSON") for n in names]
    return [text[s.start : s.end] for s in COORDINATED.find(text, spans, [])]


def test_a_member_of_a_comma_list_joined_to_a_person_is_a_person() -> None:
    assert joined("Her kids Zerrin, Davorin and Orsolya came round.", "Orsolya") == ["Davorin", "Zerrin"]
    assert joined("Mes enfants Zerrin, Davorin et Orsolya.", "Davorin") == ["Orsolya", "Zerrin"]


def test_a_list_opening_a_sentence_with_an_unlisted_word_is_not_taken() -> None:
    assert joined("Quarterly, Davorin and Orsolya came.", "Orsolya") == ["Davorin"]
    assert joined("Brannoch, Davorin and Orsolya came.", "Orsolya") == ["Davorin"]


def test_initials_after_a_roster_name_written_surname_first_are_that_person() -> None:
    roster = "Rota wk 24\nMensor, Efia (EM)       6   N   N\nAgyekum, Vessna (VA)    5   E   L\n- EM/VA swapped Wed.\n"
    assert {"EM", "VA"} <= set(found(roster))


def test_a_term_and_its_abbreviation_after_a_comma_stay_words() -> None:
    assert "HS" not in found("See the policy on Health, Safety (HS) before HS sign-off.\n")


INTERVIEW = (
    "Interview 4.\nI: Thank you for having me.\nAS: You are welcome, sit.\nI: Tell me about your family?\n"
    "AS: My husband drives a taxi.\nI: And before you came?\nAS: I read the news on the radio.\n"
)


def test_capitals_answering_every_question_of_an_interviewer_are_a_speaker_though_a_word() -> None:
    assert found(INTERVIEW).count("AS") == 3


def test_capitals_answering_twice_only_stay_a_word() -> None:
    two = INTERVIEW.rsplit("I:", 1)[0]
    assert "AS" not in found(two)


def test_one_reading_of_a_legend_serves_the_letters_and_the_roles() -> None:
    text = "Key: T. = Teodric, KW = key worker.\nT. quiet today. KW to ring."
    roles = TranscriptRoles(Rules())
    assert roles.gives_name(text, text.index("T."), text.index("T.") + 1)
    assert not roles.gives_name(text, text.index("KW"), text.index("KW") + 2)
    assert "KW" in roles.abbreviations(text)
    assert found(text).count("T") == 2


def test_a_letter_with_its_full_stop_acting_once_is_that_person_wherever_it_stands_so() -> None:
    text = "Subject: worried about K. - private\n\nK. came in today. Later I asked K. about school.\n"
    assert found(text).count("K") == 3


def test_a_dotted_letter_acting_nowhere_stays_a_letter() -> None:
    assert found("Subject: worried about K. - private\n\nHer vitamin K. was low.\n") == []


def test_a_turkish_kin_word_after_a_name_is_part_of_it(detector) -> None:
    (names,) = people(detector, "The doctor says it is early dementia but Orhun amca refuses any help.\n")
    assert "Orhun amca" in names


def test_a_legend_word_and_its_translation_give_no_initials() -> None:
    text = "(QB = Quellvin Brannoch; PT = Patentante/godmother)\nQB rang PT about the form."
    roles = TranscriptRoles(Rules())
    assert roles.gives_name(text, text.index("QB"), text.index("QB") + 2)
    assert not roles.gives_name(text, text.index("PT"), text.index("PT") + 2)


def test_a_form_label_before_a_number_is_no_person_a_dash_leaves_a_name() -> None:
    contacted = NameProcessor(Rules()).contacted
    for text, expected in [("Personnummer: 120620 40000\n", []), ("Questions: Ilarion - 07700 900123\n", ["Ilarion"])]:
        start = next(i for i, c in enumerate(text) if c.isdigit())
        phone = Span(start, len(text) - 1, "CONTACT")
        assert [text[a:b] for a, b, _ in contacted.find(text, [phone], None)] == expected
