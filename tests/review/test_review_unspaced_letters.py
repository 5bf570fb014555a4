"""Review items of the seventh round (issue 10): Japanese text, which writes no spaces, offers only the
pieces of a run that could be a name or a place, not whole sentences; letters a transcript's legend
defines as roles are not asked about; a form's label in several languages is no name; a signature
under a letter's closing, a name of mixed case and the names of a text shouted in capitals are
offered (invented examples; each class, not one case)."""

from __future__ import annotations

import pytest
from test_review_uncertainty import doc, review


def texts(text: str) -> list[str]:
    return [i[1] for i in review(doc("d", text))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name before a form of address joined to it, a particle before it
        ("来週、隣の佐々木さんが来ます。", "佐々木"),
        ("Mensagem: ありがとう、コバヤシ様。", "コバヤシ"),
        # a foreign name written in katakana with its parts joined by "・"
        ("Ela disse: ジョゼ・ペレイラです。", "ジョゼ・ペレイラ"),
        # ... and a part of it standing alone elsewhere in the text
        ("ジョゼ・ペレイラさんです。\nAnd later: ジョゼは元気です。", "ジョゼ"),
        # a town or a ward: kanji before a place suffix
        ("Morada: 愛知県豊橋市 (since 2019)", "愛知県豊橋市"),
        # who writes a chat message, after the time
        ("21:04\tさちこ\tわかりました\n21:05\tLu\tok", "さちこ"),
    ],
)
def test_the_pieces_of_japanese_text_that_could_be_names_are_offered(text: str, name: str) -> None:
    assert name in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Note: 本日はありがとうございます。よろしくお願いします。",
        "☑ 写真の使用に同意します / I agree to photos",
        "お母さんは元気です。",  # "お" of respect: a relative, not a name
    ],
)
def test_japanese_sentences_and_labels_are_not_asked_about(text: str) -> None:
    assert texts(text) == []


def test_letters_a_legend_defines_as_roles_are_not_asked_about() -> None:
    legend = "T = Tolkin (Dänisch), K = Klientin\nT: Sie sagt, es geht.\nK: Ja.\nT: Gut.\n"
    assert "K" not in texts(legend)
    # a letter defined by a name stays a person
    named = "Present: interviewer (I), Quillan Voss (Q)\nI: hello\nQ: hi\n"
    assert "Q" in texts(named)


def test_a_form_label_in_several_languages_is_no_name() -> None:
    assert "Nazwisko" not in texts("Sukunimi / Nazwisko / Surname: Kowalczyk-Berg\n")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please reply soon.\n\nYours sincerely,\n\nTran Thi Xuan Mai\nCarer\n", "Tran Thi Xuan Mai"),
        ("It was Auntie who raised us, and MaNdovu still sings at the gate.", "MaNdovu"),
        (
            "PLEASE HELP OUR FRIEND MR ZEFIRELLOS WHO LOST EVERYTHING IN THE FLOOD ON THURSDAY!!! "
            "HE HAS LIVED ON THIS STREET FOR FORTY YEARS AND FIXES EVERYONE'S BIKES FOR FREE. "
            "CALL KOSTA IF YOU CAN HELP",
            "KOSTA",
        ),
    ],
)
def test_names_the_writing_hides_are_offered(text: str, name: str) -> None:
    assert name in texts(text)


def test_a_closing_under_a_closing_is_no_signature() -> None:
    assert texts("Thank you.\n\nYours faithfully,\n") == []
