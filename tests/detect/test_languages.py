"""Everyday words of a line in another language are no names (detect/languages.py). Invented lines."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.languages import OtherLanguageWords
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.labels import PERSON
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def words() -> OtherLanguageWords:
    rules = Rules()
    return OtherLanguageWords(rules, NameLexicon.read(rules))


def span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece), PERSON, detector="SpacyRecognizer")


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Agora estou melhor, vou ao grupo todas as semanas com a minha vizinha.", "pt"),
        ("Teraz mieszkam u siostry i chodzę na kurs języka.", "pl"),
        ("Now I am doing better and go to the group every week with my neighbour.", None),
        ("ok see you", None),  # too short to tell
    ],
)
def test_the_language_of_a_line(words: OtherLanguageWords, line: str, language: str | None) -> None:
    assert words.line_language(line) == language


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("Fiquei muito triste no inverno.\nAgora estou melhor, vou ao grupo todas as semanas.", "Agora"),
        ("Rok temu nie miałem pracy. Teraz mieszkam u siostry i mam dobrą pracę.", "Teraz"),
        ("A médica me disse para procurar ajuda no posto de saúde perto de casa.", "posto de saúde"),
    ],
)
def test_everyday_words_of_a_line_in_another_language_are_no_names(
    words: OtherLanguageWords, text: str, piece: str
) -> None:
    assert words.everyday_words(text, span(text, piece))


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # a capital in mid-sentence marks a name, a listed name stays one, English lines are not read
        ("Cheguei a Braga no inverno e fiquei com a minha filha na casa dela.", "Braga"),
        ("Fui com a Maria ao mercado porque estava doente.", "Maria"),
        ("Fair enough, we kept going every week after that.", "Fair"),
    ],
)
def test_names_and_english_lines_are_left_alone(words: OtherLanguageWords, text: str, piece: str) -> None:
    assert not words.everyday_words(text, span(text, piece))
