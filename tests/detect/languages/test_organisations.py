"""A church, an association, a school or a market named after another language's word for it
(detect/languages/organisations.py, ``org_heads`` of rules/languages/<code>.yaml, issue 13). Invented examples."""

from __future__ import annotations

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import NER_DETECTOR, Finaliser
from qualdeid.detect.languages.organisations import OtherLanguageOrgRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.labels import ORGANIZATION, PERSON
from qualdeid.rules import Rules

ORGS = OtherLanguageOrgRecognizer(Rules())

ITALIAN = (
    "Ne danno il triste annuncio i figli, le nuore e i nipoti tutti. I funerali si terranno venerdì alle ore "
    "dieci nella Chiesa di San Gualfardo alle Murelle, e dopo la messa andremo tutti insieme al cimitero."
)
POLISH = (
    "Msza święta żałobna zostanie odprawiona w piątek o godzinie jedenastej w kościele pw. św. Bonifacego "
    "Wielkiego, po czym nastąpi odprowadzenie na cmentarz. O czym zawiadamia pogrążona w smutku rodzina."
)
TURKISH = (
    "Cenaze namazı cuma günü öğle namazına müteakip Yakacıkpınar Yeni Cami Derneği'nde kılınacaktır. "
    "Cenazesi daha sonra memleketine götürülecektir. Allah rahmet eylesin, mekanı cennet olsun."
)
ENGLISH = "She went to the chapel every Sunday, Capel Moriah, and sang in the choir until her eyes went."
NOT_A_NAME = (
    "Siamo andati in chiesa Domenica mattina, poi al mercato e a casa. La scuola Giovedì era chiusa per la "
    "neve, e tutti i bambini sono rimasti a casa con i nonni per tutto il giorno."
)


def found(text: str) -> list[str]:
    return [text[start:end] for start, end, label in ORGS.find(text) if label == ORGANIZATION]


def test_an_organisation_after_its_head_in_the_text_s_language() -> None:
    assert found(ITALIAN) == ["Chiesa di San Gualfardo alle Murelle"]
    assert found(POLISH) == ["kościele pw. św. Bonifacego Wielkiego"]


def test_a_head_after_the_name() -> None:
    assert found(TURKISH) == ["Yakacıkpınar Yeni Cami Derneği"]


def test_a_capitalised_head_in_an_english_text_is_the_head_first_recognizer_s() -> None:
    assert found(ENGLISH) == []
    heads = {r.name: r for r in load_pattern_recognizers(Rules())}["OrgHeadRecognizer"]
    assert [ENGLISH[r.start : r.end] for r in heads.analyze(ENGLISH, ["ORGANIZATION"])] == ["Capel Moriah"]


def test_the_organisation_holds_over_a_name_read_inside_it() -> None:
    """The name rules read "Bonifacego Wielkiego" as a person (0.9), NER runs on past it: the organisation stays
    whole."""
    start = POLISH.index("kościele")
    end = start + len("kościele pw. św. Bonifacego Wielkiego")
    org = Span(start, end, ORGANIZATION, score=OtherLanguageOrgRecognizer.SCORE, detector="OtherLanguageOrgRecognizer")
    name_start = POLISH.index("Bonifacego")
    name = Span(name_start, name_start + len("Bonifacego Wielkiego"), PERSON, score=0.9, detector="names")
    ner_end = POLISH.index("Wielkiego") + len("Wielkiego, po")
    ner = Span(name_start, ner_end, PERSON, score=0.85, detector=NER_DETECTOR)
    kept = [(s.text, s.label) for s in Finaliser(Rules()).spans(POLISH, [org, name, ner])]
    assert kept == [("kościele pw. św. Bonifacego Wielkiego", ORGANIZATION)]


def test_the_language_s_own_capitalised_words_name_nothing() -> None:
    assert found(NOT_A_NAME) == []


def test_a_name_that_repeats_its_head_starts_at_its_own_head() -> None:
    """ "w hospicjum Hospicjum ...": the lower-case head is the sentence's word, the capitalised one the name's."""
    text = (
        "Mama zmarła spokojnie w hospicjum Hospicjum Dobra Wola w otoczeniu rodziny. Pogrzeb odbędzie się w "
        "sobotę o godzinie dziesiątej, po czym nastąpi odprowadzenie na cmentarz parafialny."
    )
    assert found(text) == ["Hospicjum Dobra Wola"]


GERMAN_OFFICES = (
    "Die Mutter hatte im März mehrere Termine beim Jobcenter Tempelhorst und bei der Schule. Es gab keine "
    "Dolmetscherin, deshalb hat sie die Tochter mitgenommen. Wir sprechen nächste Woche mit dem Jugendamt Kallwitz."
)


def test_a_public_office_named_after_its_district() -> None:
    """A job centre or a youth office with the district it serves is the office that holds the family's file."""
    assert found(GERMAN_OFFICES) == ["Jobcenter Tempelhorst", "Jugendamt Kallwitz"]
