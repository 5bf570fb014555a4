"""A chat's senders named again in its messages, in lower case (detect/layout.py, ChatSenderProcessor).

The senders' spans are given (as the speaker recognizer finds them), so the tests judge only what the
processor adds. The names and chats are invented.
"""

from __future__ import annotations

import re

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.layout import ChatSenderProcessor
from qualdeid.labels import PERSON
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def processor() -> ChatSenderProcessor:
    return ChatSenderProcessor(Rules())


def _chat(*lines: str) -> tuple[str, list[Span]]:
    """The chat's text and a PERSON span over each line's sender (between the dash and the colon)."""
    text = "\n".join(f"12/03/24, 19:0{n} - {line}" for n, line in enumerate(lines))
    spans = [Span(m.start(1), m.end(1), PERSON) for m in re.finditer(r"- ([^:\n]+):", text)]
    return text, spans


def _found(processor: ChatSenderProcessor, text: str, spans: list[Span]) -> list[str]:
    return [text[s.start : s.end] for s in processor.mentions(text, spans)]


def test_a_sender_with_a_rare_name_is_found_wherever_a_message_writes_it(processor: ChatSenderProcessor) -> None:
    text, spans = _chat(
        "Quillon Brannock: who is driving sat",
        "Ysolde H: me. quillon can u take 2 more",
        "Quillon Brannock: yes ask ysolde for the map",
        "Ysolde H: tell QUILLON the gate code changed",
    )
    assert _found(processor, text, spans) == ["quillon", "ysolde", "QUILLON"]


def test_a_sender_is_found_typed_with_marks_the_saved_name_lacks(processor: ChatSenderProcessor) -> None:
    text, spans = _chat("Zerrin: where are you", "Pellam: at home", "Odrin: maybe. Zêrrîn ring me later")
    assert _found(processor, text, spans) == ["Zêrrîn"]


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("thanks pepper see u there", "pepper"),  # after a thanks
        ("aunty pepper is bringing the urn", "pepper"),  # after a relative's word
        ("pepper, can you bring chairs", "pepper"),  # opening the message before a comma
        ("pepper is bringing the urn", "pepper"),  # opening the message
        ("ok see you at 6, pepper", "pepper"),  # closing it after a comma
        ("sorry wish i meant the other one", "wish"),  # a common word after an apology
    ],
)
def test_an_everyday_word_is_the_sender_where_the_message_speaks_to_them(
    processor: ChatSenderProcessor, message: str, name: str
) -> None:
    text, spans = _chat("Pepper Oriel: who has the keys", "Wish Harlen: not me", f"Teodric B: {message}")
    assert _found(processor, text, spans) == [name]


@pytest.mark.parametrize(
    "message",
    [
        "add more pepper to the soup",  # the word in a sentence
        "we got pepper on everything",
        "i wish it was friday",  # a common word, even opening a clause
        "wish it was friday",  # a common word opening the message
    ],
)
def test_an_everyday_word_in_a_sentence_stays_a_word(processor: ChatSenderProcessor, message: str) -> None:
    text, spans = _chat("Pepper Oriel: who has the keys", "Wish Harlen: not me", f"Teodric B: {message}")
    assert _found(processor, text, spans) == []


def test_a_single_sender_or_a_form_is_no_conversation(processor: ChatSenderProcessor) -> None:
    text, spans = _chat("Quillon Brannock: notes for sat", "Quillon Brannock: quillon to drive")
    assert _found(processor, text, spans) == []
    form = "Name: Quillon Brannock\nPhone: 555 0102\nNotes: quillon prefers mornings"
    assert _found(processor, form, [Span(6, 22, PERSON)]) == []


def test_a_sender_found_as_no_person_and_words_already_found_are_left_alone(processor: ChatSenderProcessor) -> None:
    text, spans = _chat(
        "Quillon Brannock: ysolde is coming",
        "Ysolde H: yes",
        "Admin: quillon and admin please check",
    )
    spans = [s for s in spans if text[s.start : s.end] != "Admin"]
    taken = text.index("ysolde")
    assert _found(processor, text, [*spans, Span(taken, taken + 6, PERSON)]) == ["quillon"]


def test_a_writer_from_an_unsaved_number_who_says_who_they_are_is_that_person(processor: ChatSenderProcessor) -> None:
    text, spans = _chat(
        "Quillon Brannock: who can help sat",
        "+1 (347) 555-0402: hi this is wish from the garden group can i come",
        "Ysolde H: welcome wish",
        "+44 7700 900123: добрий вечір, this is Teodric brother of Merry",
        "+44 7700 900127: hello, c'est Harlen.",
    )
    spans = [s for s in spans if not text[s.start].startswith("+")]
    assert _found(processor, text, spans) == ["wish", "wish", "Teodric", "Harlen"]


@pytest.mark.parametrize(
    "message", ["this is great!", "i think this is crazy lol", "its me again", "it's raining.", "this is the best"]
)
def test_a_sentence_about_a_thing_is_no_introduction(processor: ChatSenderProcessor, message: str) -> None:
    text, spans = _chat("Quillon Brannock: who can help sat", "Ysolde H: me", f"+44 7700 900124: {message}")
    spans = [s for s in spans if not text[s.start].startswith("+")]
    assert _found(processor, text, spans) == []


def test_the_writers_introductions_are_one_vocabulary(processor: ChatSenderProcessor) -> None:
    """ "im", "i'm" name the writer in a chat as they do a name in lower case elsewhere
    (``self_introductions`` of ``rules/names/context.yaml``, read through ``names/introductions.py``)."""
    text, spans = _chat(
        "Quillon Brannock: who can help sat",
        "+1 (347) 555-0402: hi im tiberin from the choir, can i come",
        "Ysolde H: welcome tiberin",
        "+44 7700 900127: hello i’m Oskaro.",
        "Quillon Brannock: am tired lol",
    )
    spans = [s for s in spans if not text[s.start].startswith("+")]
    assert _found(processor, text, spans) == ["tiberin", "tiberin", "Oskaro"]
