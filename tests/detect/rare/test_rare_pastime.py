"""Pastimes and habits as frames (detect/rare/frames.py, kind ``pastime``): "has been <doing> ...",
"spends her weekends <doing> ...", a present habit with "every Sunday" or "on Saturdays". In them a word
rarer than ``used_to_zipf`` counts as it does after "used to"; ordinary pastimes and medicines do not
(invented texts)."""

from __future__ import annotations

import pytest

from helpers import covered, run
from qualdeid.detect.rare.frames import PASTIME
from qualdeid.detect.rare.lexicon import RareRules
from qualdeid.rules import Rules


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a pursuit kept up over time
        ("Since retiring, Malcolm has been restoring narrowboats on the canal.", "restoring narrowboats"),
        ("He has been fletching arrows for the archery club.", "fletching arrows"),
        # the stretch of one's own time it fills: the frame reaches back to "spends"
        ("Ines spends her weekends repairing harmoniums.", "spends her weekends repairing harmoniums"),
    ],
)
def test_pastime_frames_find_rare_pursuits(detector, text: str, phrase: str) -> None:
    [spans] = run(detector, [text])
    assert covered(text, phrase, spans), [s.text for s in spans]


@pytest.mark.parametrize(
    "text",
    [
        # ordinary pastimes in the same frames
        "He plays dominoes every Sunday at the club.",
        "She goes swimming every Saturday with her niece.",
        "She spends her evenings watching telly with the cat.",
        "He has been sleeping badly since the move.",
        "They do karaoke on Fridays down the pub.",
        # a medicine is a rare word, no pastime
        "He has been taking olanzapine since March.",
        # a habit of something, not of someone; starting a game is no role
        "The cold numbs my fingers every Sunday on the allotment.",
        "Dad started the combine harvester on the second try.",
    ],
)
def test_ordinary_pastimes_and_medicines_stay(detector, text: str) -> None:
    [spans] = run(detector, [text])
    assert not [s.text for s in spans if s.label == "RARE_DETAIL"]


@pytest.mark.parametrize(
    ("text", "verb", "pastime"),
    [
        ("She has been quilting since the spring.", "quilting", True),
        ("Tomasz spends his summers building drystone walls.", "building", True),
        ("She referees netball on Saturdays.", "referees", True),
        ("Every winter he carves decoys in the shed.", "carves", True),
        ("She referees netball sometimes.", "referees", False),
        ("He is building a shed.", "building", False),
        ("The frost numbs the pipes every winter.", "numbs", False),
        ("She spent the money fixing the car.", "fixing", False),
    ],
)
def test_pastime_kind(detector, text: str, verb: str, pastime: bool) -> None:
    frames = RareRules.load(Rules()).frames
    sdoc = detector.nlp(text)
    [tok] = [t for t in sdoc if t.text == verb]
    assert (PASTIME in frames.frame_at_verb(sdoc, tok.i, 0).kinds) is pastime
