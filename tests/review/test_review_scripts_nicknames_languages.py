"""Review items: identifiers of texts written in another spaced script, a phone
number joined to the word before it and an everyday word that is someone's nickname, offered; the
everyday words of a document's other language in a form's headings, opening a sentence in Lithuanian
and joined into a German noun, no longer asked (invented examples; each class, not one case)."""

from __future__ import annotations

import pytest
from test_review_uncertainty import doc, review


def _texts(*docs) -> list[str]:
    return [text for _, text, *_ in review(*docs)]


def test_a_word_no_dictionary_holds_written_twice_in_another_script_is_offered():
    # a notice in Amharic: the name recurs, every other word stands once
    amharic = doc("a", "ሰላም ለሁላችሁ። ቦሩጤ ትናንት መጣ። ቦሩጤ ደስ ብሎታል።")
    assert _texts(amharic) == ["ቦሩጤ", "ቦሩጤ"]
    # in Hebrew, the dictionary's everyday words are never asked, however often they stand
    hebrew = doc("h", "שלום שלום לכולם, זורביק מגיע מחר. תודה לזורביק ותודה לכולם על זורביק")
    assert _texts(hebrew) == ["זורביק", "זורביק"]


def test_a_word_of_another_script_written_once_is_not_offered():
    assert _texts(doc("a", "ሰላም ለሁላችሁ። ቦሩጤ ትናንት መጣ።")) == []


def test_a_phone_number_joined_to_the_word_before_it_is_offered():
    items = review(doc("h", "מי שרוצה לכתוב ברכה, תשלחו לי ל-053-9912784 עד מחר"))
    assert [(t, label) for _, t, _, _, label in items] == [("053-9912784", "CONTACT")]


def test_an_everyday_word_capitalised_mid_sentence_again_and_again_is_a_name():
    text = (
        "We sat in the lounge. Then Ready came down and we talked. Later the staff said Ready was tired, "
        "so Ready went to bed and I told Ready we would talk tomorrow."
    )
    assert _texts(doc("d", text)) == ["Ready"] * 4
    # twice is not again and again
    assert _texts(doc("d", "Then Ready came down. Later the staff said Ready was tired.")) == []


def test_a_heading_in_capitals_in_the_documents_other_language_is_not_asked():
    text = (
        "INFORMAÇÕES GERAIS\nA senhora mora sozinha e não tem carro, mas a filha ajuda muito quando pode.\n"
        "RESIDÊNCIA ATUAL\nEla mora perto da escola com o neto."
    )
    asked = _texts(doc("f", text))
    assert not {"INFORMAÇÕES", "GERAIS", "RESIDÊNCIA", "ATUAL"} & {w for t in asked for w in t.split()}


@pytest.mark.parametrize(
    "text",
    [
        # Lithuanian: an everyday word opening a sentence
        "Šiandien buvome lauke su vaikais. Direktorė sakė, kad vaikai labai gerai dirba ir visi buvo laimingi.",
        # German: a noun joined from everyday words, mid-sentence
        "Wir haben gestern lange gesprochen, aber sie hat den Mietvertrag und die Nebenkostenrechnung "
        "noch nicht bekommen, das ist leider so.",
    ],
)
def test_everyday_words_of_the_documents_other_language_are_not_asked(text):
    assert _texts(doc("x", text)) == []


def test_a_street_joined_into_one_word_is_still_asked():
    text = "Wir haben gestern lange gesprochen, aber sie wohnt jetzt in der Quelberstraße, das ist leider so."
    assert "Quelberstraße" in _texts(doc("x", text))


def test_an_everyday_word_capitalised_in_a_title_a_field_or_a_turn_is_no_nickname():
    text = (
        "Our Family Support Worker came. The Family Support Worker said no. Then the Family Support Worker left.\n"
        "Ama: Yes fine\nKofi: Yes ok\nAma: Yes\n"
        "Then I'll ring, and I'll write, and I'll see."
    )
    asked = _texts(doc("d", text))
    assert not {"Family", "Yes", "I'll"} & set(asked)


def test_a_text_in_hangul_is_read_without_a_tokenizer():
    # wordfreq's own lookup of a Korean word needs MeCab; the review reads the list itself
    text = "사람을 찾습니다. 도봉민 씨를 보신 분은 연락 주세요. 도봉민 씨는 키가 큽니다."
    assert _texts(doc("k", text)) == ["도봉민", "도봉민"]
