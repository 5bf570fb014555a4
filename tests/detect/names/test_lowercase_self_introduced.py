"""Names in lower case that a chat's writer introduces themselves with ("its chidera lol") and relatives
called "our" plus a first name ("our shannon says"), and the words those frames leave alone
(detect/names/evidence.py, acceptance.py; issue 13, class b). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, text: str) -> list[str]:
    (doc,) = detector.detect([Document("a", text)])
    return [s.text for s in doc.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("3/2/25, 09:14 - +1 (212) 555-0147: its chidera lol i changed phone\n3/2/25, 09:15 - Ada O: ok", "chidera"),
        ("3/2/25, 09:14 - Ben T: hi all, this is osian again from the food bank", "osian"),
        ("MAUREEN: Tired. Our shannon says I should go to the group.", "shannon"),
        ("and our darren rang the council twice", "darren"),
    ],
)
def test_a_lower_case_name_the_frame_makes_a_person(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "3/2/25, 09:14 - Ben T: its fine lol see you there",
        "3/2/25, 09:14 - Ben T: its ngl lol",
        "the dog wagged its tail and sat down",
        "our rose bushes needs cutting back",
        "our grace period ends on friday",
    ],
)
def test_words_stay_words(detector, text: str) -> None:
    assert people(detector, text) in ([], ["Ben T"])  # the sender only


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a first name that is also a word, introduced at a message's start and followed by "from" or "new"
        ("4/2/25, 18:02 - +1 (212) 555-0190: hi this is trinity from the garden share, can i join", "trinity"),
        ("4/2/25, 18:02 - +1 (212) 555-0190: hey this is frank new number pls save", "frank"),
        # a greeting and a politeness particle before "this is"
        ("+63 917 555 0102, [18:05]\nhello po this is orrin, friend of the bell ringers\n", "orrin"),
    ],
)
def test_a_writer_introducing_themselves_at_a_message_s_start(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "It rained all week. This is frank from the start: nothing went to plan.",
        "4/2/25, 18:02 - Ben T: this is will be fun",
    ],
)
def test_this_is_before_a_word_mid_text_stays_a_word(detector, text: str) -> None:
    assert people(detector, text) in ([], ["Ben T"])
