"""A role told in another language, found by the language's role verbs and the rarity of the role's word
in that language (detect/rare/foreign.py). All texts are invented."""

from __future__ import annotations

from helpers import run

_SPANISH = (
    "Mi abuela fue trapecista en un circo durante diez años, y todavía se acuerda de todo. "
    "Ahora vive con nosotros y cocina para toda la familia los domingos."
)
_FRENCH = (
    "Quand j'étais jeune, j'ai été bûcheron dans les forêts, et mon frère aussi travaillait là-bas. "
    "Maintenant je suis à la retraite et je vais souvent voir mes amis au village."
)


def _details(text: str, detector) -> list[str]:
    [spans] = run(detector, [text])
    return [s.text for s in spans if s.label == "RARE_DETAIL"]


def test_a_role_rare_in_the_text_language_is_a_detail(detector) -> None:
    assert any("trapecista" in d for d in _details(_SPANISH, detector))
    assert any("bûcheron" in d for d in _details(_FRENCH, detector))


def test_an_ordinary_role_or_an_everyday_word_stays(detector) -> None:
    text = (
        "Mi abuela fue maestra en la escuela del pueblo y era una persona muy buena con todos nosotros. "
        "Ahora vive con nosotros y cocina para toda la familia los domingos."
    )
    assert not _details(text, detector)


def test_english_text_has_no_foreign_role(detector) -> None:
    assert not [d for d in _details("He was a tram driver and she was a nurse.", detector) if "nurse" in d]
