"""Names in scripts without capitals found from what stands beside them (detect/names/scripts.py; issue 13,
class d; invented texts): a family's sign-off listing names under "<with love>,", Hebrew kin words said as
part of a name (with a joined word before them), Bengali and Hindi kin words, Cyrillic kin words in any case,
Japanese "<kin>の<name>" and "<surname> <given>", a pet name in brackets after a name, the short form in
brackets after the full one, "<name> (<name found>'s <uncle>)", and a name found again with a Hebrew word
joined before it or a Bengali case ending after it."""

from __future__ import annotations

from qualdeid.detect.names.scripts import ScriptNames
from qualdeid.rules import Rules

SCRIPTS = ScriptNames(Rules())


def found(text: str) -> set[str]:
    return {text[a:b] for a, b in SCRIPTS.people(text)}


def test_a_hebrew_sign_off_lists_names_and_and_is_joined_to_the_last() -> None:
    text = "לסבתא נעמי היקרה,\n\nכתבנו לך מכתב קטן.\n\nבאהבה,\nיעל, אורי ונועה\n"
    names = found(text)
    assert {"סבתא נעמי", "יעל", "אורי", "נועה"} <= names
    assert "אורי ונועה" not in names


def test_a_hebrew_kin_word_before_a_verb_is_no_name() -> None:
    assert found("אבל סבתא אמרה שזה בסדר, וסבא שתק.") == set()


def test_a_tamil_sign_off_keeps_a_kin_word_after_a_name_and_drops_little() -> None:
    names = found("உங்களுக்கு வாழ்த்துக்கள்!\n\nஅன்புடன்,\nமீனா, குட்டி கவின் மற்றும் ராஜு மாமா")
    assert {"மீனா", "கவின்", "ராஜு மாமா"} <= names
    assert not any("குட்டி" in n for n in names)


def test_bengali_full_name_short_form_in_brackets_case_ending_and_a_relative_of_the_named() -> None:
    text = "আমার ভাগ্নি তৃষা সরকার (তৃষা) খুব ভালো গান গায়। তৃষার স্কুল কাছে।\n\nযোগাযোগ: করিম শেখ (তৃষার মামা)"
    spans = SCRIPTS.people(text)
    names = {text[a:b] for a, b in spans}
    assert {"তৃষা সরকার", "করিম শেখ"} <= names
    school = text.index("তৃষার স্কুল")
    assert (school, school + len("তৃষা")) in spans


def test_a_tamil_pet_name_in_brackets_after_a_name_with_its_kin_word() -> None:
    assert "வேணியம்மா" in found("அன்புள்ள வேணி பாட்டி (வேணியம்மா) அவர்களுக்கு,\n\nநலமா?")


def test_japanese_kin_no_name_and_surname_space_given() -> None:
    names = found("母の和江は元気です。\n姉の木村 早苗（080-0000-0000）までご連絡ください。")
    assert {"和江", "木村 早苗"} <= names


def test_japanese_kin_no_a_common_noun_stays_a_word() -> None:
    assert found("母の手料理が好きです。母の実家は遠い。") == set()


def test_a_cyrillic_kin_word_in_the_dative_keeps_the_name_after_it() -> None:
    assert "тёте Любе" in found("Вчера я позвонила тёте Любе и всё рассказала.")
