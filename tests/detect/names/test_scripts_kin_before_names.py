"""Names after kin words in scripts without capitals (detect/names/scripts.py; issue 13, class d; invented
texts): Chinese "<grandpa><surname><given>" with or without a space, Nepali "<grandma> <name>" with compound
given names, a Thai name found with "นาง" kept with a kin word joined before it elsewhere, and a listed
first name in Greek or Cyrillic letters alone on the last line after a blank line."""

from __future__ import annotations

from qualdeid.detect.names.scripts import ScriptNames
from qualdeid.rules import Rules

SCRIPTS = ScriptNames(Rules())


def found(text: str) -> set[str]:
    return {text[a:b] for a, b in SCRIPTS.people(text)}


def test_a_chinese_kin_word_before_a_surname_and_given_name() -> None:
    text = "我外公郑秋林，82岁，昨天早上出门。他说要去找他弟弟郑秋山，已经走了。\n联系人：孙子 郑晓舟 139 0000 1111"
    assert {"郑秋林", "郑秋山", "郑晓舟"} <= found(text)


def test_a_chinese_kin_word_before_everyday_words_is_no_name() -> None:
    assert found("妈妈高兴地说好。姐姐和弟弟都来了。爸爸王府井走了一圈。") == set()


def test_nepali_kin_words_before_listed_and_compound_given_names() -> None:
    text = "हाम्रा हजुरआमा सीतामाया थापा (८८ वर्ष) आज बित्नुभयो।\nठूलो बुवा रामबहादुर, र काकी सबैलाई धन्यवाद।"
    names = found(text)
    assert {"सीतामाया थापा", "रामबहादुर"} <= names
    assert not any("हजुरआमा" in n for n in names)  # the kin word is no part of the name


def test_a_nepali_kin_word_before_an_everyday_word_is_no_name() -> None:
    assert found("हजुरबा पनि धेरै दुखी हुनुहुन्छ। आमा भन्नुहुन्छ।") == set()


def test_a_thai_name_found_with_a_title_is_found_with_a_kin_word_joined() -> None:
    names = found("ยายของผม (นางสมหวัง ใจดี) เสียชีวิตแล้ว แม่ใหญ่สมหวังเป็นคนใจดี แม่ใหญ่ชอบทำอาหาร")
    assert "แม่ใหญ่สมหวัง" in names
    assert not any(n.startswith("แม่ใหญ่ชอบ") for n in names)


def test_a_listed_first_name_in_greek_or_cyrillic_alone_on_the_last_line_signs_the_message() -> None:
    assert "Ευστάθιος" in found("Καλή αντάμωση, θεία.\n\nΕυστάθιος\n")
    assert "Светлана Орлова" in found("Спасибо всем за помощь.\n\nСветлана Орлова\n")
    assert found("Спасибо всем за помощь.\n\nСпасибо\n") == set()
