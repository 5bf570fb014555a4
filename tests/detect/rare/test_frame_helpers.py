"""The frames of rare details (detect/rare/frames.py): what kind of verb governs a phrase, whether its
subject is a person, and how far a phrase runs (invented texts)."""

from __future__ import annotations

import pytest

from qualdeid.detect.rare.frames import ACHIEVEMENT, REPORTING, ROLE, USED_TO, phrase_end
from qualdeid.detect.rare.lexicon import RareRules
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def frames():
    return RareRules.load(Rules()).frames


def _at(sdoc, word: str) -> int:
    return next(t.i for t in sdoc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "kinds", "person"),
    [
        ("She used to be a farrier.", "farrier", {USED_TO, ROLE}, True),
        ("He won a medal at the games.", "medal", {ACHIEVEMENT}, True),
        ("She told me about the circus.", "circus", {REPORTING}, True),
        ("The bus used to be a tram.", "tram", {USED_TO, ROLE}, False),
    ],
)
def test_the_verb_before_a_phrase_says_its_kind_and_who_does_it(detector, frames, text, word, kinds, person) -> None:
    sdoc = detector.nlp(text)
    frame = frames.find_frame(sdoc, _at(sdoc, word) - 1, 0)
    assert kinds <= frame.kinds and frame.person_subject is person


def test_a_phrase_runs_over_its_noun_phrase_and_prepositional_phrases_but_not_past_the_sentence(
    detector, frames
) -> None:
    sdoc = detector.nlp("She keeps bees on a roof in the old town. Then she left.")
    start = _at(sdoc, "bees")
    end = frames.extend_right(sdoc, start + 1, len(sdoc), start + 14, max_pps=2)
    assert sdoc[start:end].text == "bees on a roof in the old town"
    one = frames.extend_right(sdoc, start + 1, len(sdoc), start + 14, max_pps=1)
    assert sdoc[start:one].text == "bees on a roof"
    assert phrase_end(sdoc, _at(sdoc, "the"), len(sdoc)) == _at(sdoc, "town") + 1


def test_a_relative_clause_about_a_kept_animal_joins_the_phrase(detector, frames) -> None:
    sdoc = detector.nlp("She has a crow that rides on her shoulder every day.")
    crow = _at(sdoc, "crow")
    end = frames.extend_relative(sdoc, crow + 1, len(sdoc), crow + 14)
    assert sdoc[crow:end].text.startswith("crow that rides on her shoulder")


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        (
            "He was a lumberjack up north for twenty years and misses it.",
            "lumberjack",
            "lumberjack up north for twenty years",
        ),
        ("She drove a grader for two whole winters.", "grader", "grader for two whole winters"),
        (
            "He is a stonemason who carved the gargoyles on the cathedral, she says.",
            "stonemason",
            "stonemason who carved the gargoyles on the cathedral",
        ),
        # what does not complete the fact stays out
        ("He was a lumberjack and said the woods were quiet.", "lumberjack", "lumberjack"),
        ("She was a ferrier for the winter fair.", "ferrier", "ferrier"),
    ],
)
def test_a_detail_runs_on_over_what_completes_it(detector, frames, text, word, phrase) -> None:
    sdoc = detector.nlp(text)
    start = _at(sdoc, word)
    end = frames.run_on(sdoc, start + 1, len(sdoc), start + 14)
    assert sdoc[start:end].text == phrase


def test_a_possessive_after_a_noun_begins_a_new_clause(detector, frames) -> None:
    sdoc = detector.nlp("When I had to read the menu at the counter my lisp came back.")
    frame = frames.find_frame(sdoc, _at(sdoc, "my"), 0)
    assert frame.verb is None


@pytest.mark.parametrize(
    "triggers",
    [
        frozenset({"used", "use"}),  # a word and its lemma, both on one token
        {"sang", "sing", "choir", "trumpet"},
        frozenset({"win", "won", "cup"}),
        frozenset(),
        frozenset({"zeppelin"}),
    ],
)
def test_doc_words_where_lists_each_trigger_token_once_in_order(triggers) -> None:
    from qualdeid.detect.nlp.loading import load_model
    from qualdeid.detect.rare.frames import DocWords

    sdoc = load_model()(
        "He used to sing in a choir. She won the cup twice, then sang again; we use the trumpet he used."
    )
    dw = DocWords(sdoc)
    pairs = enumerate(zip(dw.lowers, dw.lemmas, strict=True))
    expected = [i for i, (w, lem) in pairs if w in triggers or lem in triggers]
    assert dw.where(triggers) == expected
    assert dw.where(triggers) is not dw.where(triggers)  # a list of its own to each caller
