"""Chat senders the layout names, even when the name is also a field word or a weekday (issue 13, class e;
invented chats)."""

from __future__ import annotations

CHAT = """\
05/04/2024, 10:01 - Radek W: hi all, who is opening tonight
05/04/2024, 10:02 - Memo: me, see you at six
05/04/2024, 10:03 - Radek W: thanks Memo
05/04/2024, 10:04 - Memo: no problem
05/04/2024, 10:05 - Thu Lan (Sen Vang): I bring the tea
05/04/2024, 10:06 - Thu Lan (Sen Vang): ok
"""


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def test_a_sender_whose_name_is_a_field_word_is_a_name_wherever_it_stands(detector) -> None:
    assert people(detector, CHAT).count("Memo") == 3  # two turns and "thanks Memo"


def test_a_sender_with_a_group_in_brackets_is_named(detector) -> None:
    assert people(detector, CHAT).count("Thu Lan") == 2


def test_field_words_in_notes_without_a_chat_stay_fields(detector) -> None:
    notes = "Memo: send the rota by Friday.\nNote: the hall is booked.\nMemo: lock up after."
    assert people(detector, notes) == []
