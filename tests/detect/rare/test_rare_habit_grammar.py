"""A present habit ("she knits chainmail", detect/rare/life.py) is read from English grammar: in a sentence of a
language the detector reads no list for, or of a case note's shorthand, with almost no English function words,
the tagger's verb and object are guesses, and no habit is read there (detect/rare/processor.py,
``_no_english_grammar``). An English habit beside such a sentence is still found; a form's declaration is no
habit (invented texts)."""

from __future__ import annotations

from helpers import covered, finder_hits, run

# a sentence in a language wordfreq has no list for (invented, Swahili-like)
OTHER = "Kwa siku hizi Ottavine anapika ugali na mboga kila jioni."


def test_no_habit_is_read_in_a_sentence_of_a_language_not_read(detector) -> None:
    # the habit finder alone takes the sentence's words for a verb and its rare object ...
    assert finder_hits(detector, "life", OTHER)
    # ... the detector does not
    [spans] = run(detector, [f"Visited the family on Tuesday.\n\n{OTHER}\n\nWill ring again next week."])
    assert [s.text for s in spans if s.label == "RARE_DETAIL"] == []


def test_an_english_habit_beside_it_is_still_found(detector) -> None:
    text = f"{OTHER}\n\nHer brother knits chainmail for the reenactment society."
    [spans] = run(detector, [text])
    assert covered(text, "knits chainmail", spans), [s.text for s in spans]


def test_a_form_s_declaration_is_no_habit(detector) -> None:
    assert finder_hits(detector, "life", "I certify the information above is correct and complete.") == []
