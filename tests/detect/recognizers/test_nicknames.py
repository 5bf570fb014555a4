"""A nickname given in quotes after a verb that gives one, or in brackets with whose it is
(rules/recognizers/nicknames.yaml, issue 13); kept whole by the finaliser though it is a kinship word, a role
or another language's word (detect/finalise.py). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import Finaliser
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.labels import PERSON
from qualdeid.rules import Rules

RECOGNIZER = {r.name: r for r in load_pattern_recognizers(Rules())}["PetNameRecognizer"]


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZER.analyze(text, RECOGNIZER.supported_entities)]


#: a text and the nicknames in it
FRAMES: list[tuple[str, list[str]]] = [
    ('Name: Anacleto Ybarrondo. Call me "Don Tacho" or "Tata", NOT "Anacleto".', ["Don Tacho", "Tata"]),
    ('You called me "Little Hawk" even when I got taller than you.', ["Little Hawk"]),
    ('CALL TO GLORY\nOPANIN KWESI ABROMPAH (a.k.a. "SARGE")', ["SARGE"]),
    ('my father-in-law Hüsnü Karagöl ("Dede" to all of us) is 83', ["Dede"]),
    ("My nonno Ermenegildo (Gildo to everyone, nonno Ghigo to me) lives alone.", ["Gildo", "nonno Ghigo"]),
    ('she called it "Big Red" and drove it for years', []),  # a thing's name
    ('We watched a film called "Larkhaven" twice.', []),
    ('He called me "Mum" again and called her "Sir" for a laugh.', []),
    ("the tickets (Friday to Sunday) are sold out", []),
]


@pytest.mark.parametrize(("text", "names"), FRAMES)
def test_a_nickname_in_its_frame(text: str, names: list[str]) -> None:
    assert found(text) == names


@pytest.mark.parametrize(
    ("text", "nickname"),
    [
        ('Name: Anacleto Ybarrondo. Call me "Don Tacho" or "Abuelo", please.', "Abuelo"),
        ('OPANIN KWESI ABROMPAH (a.k.a. "TEACHER")\nAged 80 years', "TEACHER"),
    ],
)
def test_a_kinship_word_or_a_role_given_as_a_nickname_stays(text: str, nickname: str) -> None:
    start = text.index(nickname)
    span = Span(start, start + len(nickname), PERSON, score=0.87, detector="PetNameRecognizer")
    assert [s.text for s in Finaliser(Rules()).spans(text, [span])] == [nickname]
