"""Names in lay and international writing (issue 13, classes a and d; invented texts): a title or a relative's
word written in lower case before a name is the name's title unless a possessive says whose relative the
person is ("com a tia Neusa", "tell nonna Graziella", not "my nonna Graziella"); a title before another title
leaves the name to the second ("her nan Granny Coral"); a capitalised everyday word right after a possessive
and a relative is a name ("his wife Merit"); a name typed with combining accents is whole ("Abíọ́nà
Kẹ́hìndé"); a word after a dash or under a closing line that is no sign-off signs the message ("- Sorayeh",
"Love you lots,\nJagoda xxx"); an unknown name NER reads as a people ("Sirayan", NORP) is a person where it
acts ("Sirayan and I hardly talked")."""

from __future__ import annotations


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def test_a_lower_case_title_or_relative_word_before_a_name_is_part_of_it(detector) -> None:
    text = "Amanhã vou jantar com a tia Neusa e o primo. Depois a tia Neusa leva as flores para a nonna Graziella."
    found = people(detector, text)
    assert found.count("tia Neusa") == 2
    assert "nonna Graziella" in found


def test_a_possessive_keeps_the_relative_word_out_of_the_name(detector) -> None:
    text = "Ask my nonna Graziella about the recipe. My little brother Taavi Orrenmaa ate it all."
    found = people(detector, text)
    assert "Graziella" in found and "nonna Graziella" not in found
    assert "Taavi Orrenmaa" in found and not any(f.startswith("brother") for f in found)


def test_a_capitalised_word_after_a_kin_word_of_another_language_is_a_name(detector) -> None:
    text = "She told nobody, so tio Quelé only found out later. My aunt (teta Bohdana) lives in the north."
    found = people(detector, text)
    assert "tio Quelé" in found
    assert "teta Bohdana" in found  # in brackets, what she is called; only a sender's "(papa Odvik):" is whose
    assert "abuela Sunday" not in found and "Sunday" not in found


def test_initials_in_brackets_after_a_titled_full_name(detector) -> None:
    text = (
        "Present: Dr Nuri Ostrander (NO, psychologist), Pela Amsel (PA, legal officer).\n"
        "2.1 Family A - NO: mood better."
    )
    assert people(detector, text).count("NO") == 2


def test_a_title_before_another_title_leaves_the_name_to_the_second(detector) -> None:
    text = (
        "Things to know:\n• her nan Granny Coral sends her a voice note each morning\n• she keeps ducks at the back\n"
    )
    assert "Granny Coral" in people(detector, text)


def test_an_everyday_word_right_after_a_possessive_and_a_relative_is_a_name(detector) -> None:
    text = (
        "The landlord never answers, so I left a note with his wife Merit about the damp.\n"
        "We went to the fair, and my grandson Tally won a goldfish on the first go."
    )
    found = people(detector, text)
    assert "Merit" in found and "Tally" in found


def test_a_verb_after_a_relative_stays_a_word(detector) -> None:
    assert "Googled" not in people(detector, "The bus never came, so my dad Googled the timetable.")


def test_a_name_typed_with_combining_accents_is_found_whole(detector) -> None:
    name = "Mrs Ab\u00ed\u1ecd\u0301n\u00e0 K\u1eb9\u0301h\u00ecnd\u00e9"  # "ọ́", "ẹ́": a dotted letter and an accent
    assert name in people(detector, f"Best tailor in town. {name} made my dress in two days.")


def test_a_word_after_a_dash_at_the_end_of_a_message_signs_it(detector) -> None:
    assert "Sorayeh" in people(detector, "The dog came home at last, muddy and happy. We are so grateful.\n- Sorayeh")
    assert "Tevaite" in people(detector, "Service is at ten, tea after in the hall. — Tevaite")


def test_a_word_under_a_long_closing_line_signs_the_message(detector) -> None:
    text = "Happy name day, auntie!! Cake is at ours on Friday.\nMiss you more than cake,\nJagoda xxx"
    assert "Jagoda" in people(detector, text)


def test_an_everyday_word_or_a_list_item_after_a_dash_signs_nothing(detector) -> None:
    assert people(detector, "We will meet on Monday at the library.\n- Thanks") == []
    assert people(detector, "Bring these on the day:\n- bread\n- Kombucha") == []


def test_an_unknown_name_ner_reads_as_a_people_is_a_person_where_it_acts(detector) -> None:
    text = "Went to the sewing circle with Sirayan. Sirayan and I hardly talked. Next time Sirayan wants to lead it."
    assert people(detector, text).count("Sirayan") == 3


def test_a_people_listed_as_one_stays_a_people(detector) -> None:
    text = "The Eritrean women came. We spoke Tigrinya and some Somali. Next time the Somali group wants to lead."
    assert people(detector, text) == []


def test_an_english_role_or_relative_in_lower_case_stays_out_of_the_name(detector) -> None:
    text = "Contact: sister Marzena Orrenmaa (mobile). The district nurse Ileana Orrenmaa came, then the coach Taavi."
    found = people(detector, text)
    assert "Marzena Orrenmaa" in found and "Ileana Orrenmaa" in found and "Taavi" in found
