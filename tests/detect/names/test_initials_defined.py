"""Research notes name people by initials the notes themselves define, and by a name set off before a
relative (detect/names/initials.py, evidence.py; issue 13, class c; invented notes)."""

from __future__ import annotations

from qualdeid.corpus.model import Document


def people(detector, *texts: str) -> list[list[str]]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [[d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs]


TEAM = "Team list\nQT (Quillon Tarbet) – research assistant\nPRN (Pellam Roderick Neeve) – community researcher\n"
TURNS = "PRN: What problems do you hear?\nP: Loneliness, mostly.\nPRN: And the young ones?\n"


def test_initials_defined_by_the_full_name_after_them_are_a_person_in_every_document(detector) -> None:
    team, turns = people(detector, TEAM, TURNS)
    assert "PRN" in team  # an abbreviation elsewhere ("PRN" medication), defined here as a person
    assert turns.count("PRN") == 2


def test_an_abbreviation_not_defined_as_anyone_stays_a_word(detector) -> None:
    (found,) = people(detector, "Meds: paracetamol PRN, max four a day.\n")
    assert "PRN" not in found


def test_a_word_in_capitals_described_by_sex_and_age_is_a_person(detector) -> None:
    notes = "11.00 – the shed. GO (M, 60s) retired foreman, showed me round. Later GO talked a lot."
    (found,) = people(detector, notes)
    assert found.count("GO") == 2
    (shouted,) = people(detector, "WE GO (TOGETHER) TO THE SHED. Later we go home.")
    assert "GO" not in shouted


def test_the_writer_of_a_memo_after_a_dash_and_before_a_comma(detector) -> None:
    (found,) = people(detector, "Reflexive memo – BW, end of fieldwork block 2\n\nI told the team where I grew up.\n")
    assert found == ["BW"]


def test_initials_before_a_negated_auxiliary_act(detector) -> None:
    (found,) = people(detector, "I never got him to say it. TQ wouldn't have let that go.")
    assert found == ["TQ"]


def test_a_name_set_off_before_a_relative_is_a_person(detector) -> None:
    (found,) = people(detector, "Mrs G: Malvinka, my daughter, she helps with the steaming.")
    assert "Malvinka" in found
    (words,) = people(detector, "Anyway, my son, he drives the van. Sorry, my love, I forgot.")
    assert words == []


MINUTES = (
    "Attendees:\nLiora Aske - social worker (LA), chair\nTilda Brack, aunt (TB)\n\n"
    "TB: says the boy sleeps better. LA to phone the school. TB asked for a lift.\n"
)


def test_initials_defined_after_a_name_and_its_role_are_a_person_even_as_abbreviations(detector) -> None:
    (found,) = people(detector, MINUTES)
    assert found.count("LA") == 2  # a city's abbreviation elsewhere
    assert found.count("TB") == 3  # a disease's abbreviation elsewhere


def test_a_name_with_an_initial_defines_initials_with_a_common_letter(detector) -> None:
    notes = "Present: Ines Orrel (IO), Corla O. (CO).\nHousing - CO described the damp. CO will think."
    (found,) = people(detector, notes)
    assert found.count("CO") == 3


def test_a_role_abbreviation_defined_as_someone_is_that_person_in_other_documents(detector) -> None:
    team = "Team and roles:\nRPN (Rolan Pelk Nook) - community researcher\n"
    turns = "Facilitator RPN.\nRPN: Let us begin.\nP: we pack boxes.\nRPN: And then?\nI asked the RPN on a ward."
    _, found = people(detector, team, turns)
    assert found.count("RPN") == 3  # not "the RPN", a nurse


def test_a_term_with_its_abbreviation_after_a_dash_stays_a_term(detector) -> None:
    (found,) = people(detector, "Personal Health Number - see the form (PH) is on the letter.")
    assert "PH" not in found


def test_a_single_letter_given_beside_a_name_is_that_person_where_it_stands_alone(detector) -> None:
    text = (
        "Present: M (Wiebke K., 44), T. (Teodor, 14). T. polite, quiet. Talked w/ T. alone. A neighbour came. "
        "Agreed that T. can stay with his aunt."
    )
    (found,) = people(detector, text)
    assert found.count("T.") == 4 and "A" not in found
    notes = (
        "Present:\n  Balasingham (B) - joined late\n1. Background\n - B absent 12 days. Sits N(A) in June.\n"
        " - refer B to mentoring. If B not home by midnight call."
    )
    (found,) = people(detector, notes)
    assert found.count("B") == 4


def test_a_letter_before_a_word_in_brackets_is_no_one(detector) -> None:
    text = "Plan A (Alternate route) failed. Plan B (Backup) too. Grade A student. Option K (Kiosk) closed."
    assert people(detector, text) == [[]]


def test_an_abbreviation_spelled_out_as_someone_s_initials_is_them_in_the_minutes(detector) -> None:
    """ "Teodric Brisco (TB)": initials that are also an abbreviation ("TB") are the person wherever the minutes use
    them, at a line's start too, but not after an article or a possessive."""
    text = (
        "Attendees:\nTeodric Brisco (TB) - youth worker, chair\nQuillan Hesketh (QH) - counsellor\n\n"
        "1. Updates\n- TB: continue weekly 1:1.\n- QH: attendance better. The TB clinic rang about her TB test.\n\n"
        "Minutes: TB"
    )
    found = [(s.start, s.text) for s in detector.detect_text(text).spans if s.label == "PERSON"]
    starts = [start for start, t in found if t == "TB"]
    assert text.index("- TB:") + 2 in starts
    assert text.rindex("TB") in starts
    assert text.index("The TB clinic") + 4 not in starts
    assert text.index("her TB test") + 4 not in starts


def test_a_letter_with_its_full_stop_and_an_age_is_that_person_wherever_the_notes_write_it(detector) -> None:
    text = (
        "Home visit. K. (15) in his room practising; mum proud, says K. is the only piper in the valley.\n"
        "22.04 meeting at school, K. present, quiet but ok."
    )
    found = [s.start for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert text.index("says K.") + 5 in found
    assert text.index("school, K.") + 8 in found


def test_initials_that_are_words_spelled_out_after_a_full_name_are_that_person_where_they_stand(detector) -> None:
    notes = (
        "Worker: Mallama Oyiza Nwaeze (ON). Second worker: Ikenna Sowande (IS)\n\n"
        "09/01/24 Home visit by ON+IS. Mother present - ON to return.\n"
        "23/01/24 School visit IS. Teacher says fine.\nReview end Feb. - ON\n"
    )
    (found,) = people(detector, notes)
    assert found.count("ON") == 4  # the initials of the name after an honorific no list holds
    assert found.count("IS") == 3  # "visit IS.": spelled out beside the name, so the person even before a full stop
    (word,) = people(detector, "Sent by post. IS it on? Rang about it ON Monday.\n")
    assert "ON" not in word and "IS" not in word
