"""A person named after another language's kinship word or form of address (detect/languages/kin.py,
``kin`` of rules/languages/<code>.yaml, issue 13); a capitalised kinship word kept as the name's title when
the text's other language would trim it; NER's person run on into a phone number cut before it
(detect/finalise.py). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import NER_DETECTOR, Finaliser
from qualdeid.detect.languages.kin import OtherLanguageKinRecognizer
from qualdeid.labels import CONTACT, PERSON
from qualdeid.rules import Rules

KIN = OtherLanguageKinRecognizer(Rules())

SPANISH = (
    "Buscamos a mi tío, de 74 años, vecino del barrio. Lo vieron por última vez el martes en la plaza.\n"
    "Si lo ven, por favor avisen a mi hermano Efrén o a la tía Rosalba. Gracias de corazón a todos."
)
GREEK = "Με μεγάλη λύπη αναγγέλλουμε ότι έφυγε από τη ζωή. Τον θρηνούν η γιαγιά Ασπασούλα και όλοι οι φίλοι του."
PORTUGUESE = "Abuela Zulema chegou ontem. Ela mora com a filha e os netos, e vem sempre para o almoço de domingo."
ITALIAN = (
    "È tornata alla Casa del Padre\nClotilde Marsicano ved. Buonfiglio\n\nNe danno il triste annuncio i figli, "
    "le nuore e i nipoti tutti. I funerali si terranno venerdì mattina."
)
ENGLISH = "Please tell my hermano Efrén that the meeting is on Friday, and bring the papers for the tía too."


def found(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in KIN.find(text)]


def test_a_name_after_a_kinship_word_of_the_text_s_language() -> None:
    assert found(SPANISH) == ["Efrén", "Rosalba"]
    assert found(GREEK) == ["Ασπασούλα"]
    # a widow's married name in an Italian notice
    assert found(ITALIAN) == ["ved. Buonfiglio"]


def test_an_english_text_is_not_read_here() -> None:
    assert found(ENGLISH) == []


def test_a_lower_case_short_form_after_a_form_of_address() -> None:
    text = (
        "Chicas, la seño gise se va del cole en diciembre. Dicen que la seño dijo que no quiere fiesta.\n"
        "Gisela Paz es la mejor maestra que tuvimos y mi hija la adora. Le hacemos un regalo entre todas."
    )
    assert found(text) == ["seño gise"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Je m'appelle Aurélien Vachon mais tout le monde m'appelle Ti-Paul. J'ai vécu longtemps à la "
            "campagne avec ma famille et mes amis.",
            ["Aurélien Vachon", "Ti-Paul"],
        ),
        (
            "Se llama Eusebio pero todos le dicen Chato desde que era niño, y vive con su hermana en el barrio.",
            ["Chato"],
        ),
        ("Il nonno, detto « Totonno », vendeva il pesce al mercato tutte le mattine della settimana.", ["Totonno"]),
    ],
)
def test_a_nickname_after_the_language_s_words_that_give_one(text: str, names: list[str]) -> None:
    assert found(text) == names


def test_an_everyday_word_after_a_kinship_word_is_no_name() -> None:
    assert found("Ayer vino mi hermano Todos los días. Mi tía Casa no sabe nada y la plaza estaba vacía hoy.") == []


@pytest.fixture(scope="module")
def finaliser() -> Finaliser:
    return Finaliser(Rules())


def test_a_capitalised_kinship_word_stays_the_name_s_title(finaliser: Finaliser) -> None:
    text = SPANISH + "\n\nAbuela Zulema llega mañana."
    start = text.index("Abuela Zulema")
    span = Span(start, start + len("Abuela Zulema"), PERSON, score=0.9, detector="names")
    assert [s.text for s in finaliser.spans(text, [span])] == ["Abuela Zulema"]


def test_ner_s_person_run_on_into_a_phone_number_keeps_the_name(finaliser: Finaliser) -> None:
    text = "Llamen a mi hermano Efrén al 555 0199 o al 555 0142, por favor."
    start = text.index("Efrén")
    phone = text.index("555 0199")
    spans = [
        Span(start, phone + 8, PERSON, score=0.85, detector=NER_DETECTOR),
        Span(phone, phone + 8, CONTACT, score=1.0, detector="PhoneShapeRecognizer"),
    ]
    assert [s.text for s in finaliser.spans(text, spans)] == ["Efrén", "555 0199"]
