"""Initials of a research or support team that read as an abbreviation or a word (detect/names/initials.py,
detect/transcript_roles.py, rules/names/initials.yaml; issue 13, class c): a recording's timed turns, a team list's
lines with a member's job after a dash, a job described in brackets, a role's abbreviation before them in brackets,
people's initials joined by a slash. Invented texts."""

from __future__ import annotations

from qualdeid.detect.names.initials import Initials
from qualdeid.rules import Rules

INITIALS = Initials(Rules(), Rules().words("names/not_initials.txt"))


def found(text: str) -> list[str]:
    return sorted(text[a:b] for a, b in INITIALS.find(text))


def test_timed_turns_make_an_abbreviation_or_a_word_a_speaker() -> None:
    text = (
        "[00:12:02] UN: and your dad, he fished?\n[00:12:05] QV: Every day.\n"
        "[00:12:30] UN: So when you go out...\n[00:12:33] QV: Early.\n"
    )
    assert found(text) == ["QV", "QV", "UN", "UN"]
    worded = "[0:01:10] QV: first question?\n[0:01:20] BY: Fine.\n[0:01:40] QV: And?\n[0:01:52] BY: Thanks."
    assert found(worded) == ["BY", "BY", "QV", "QV"]


def test_untimed_turns_of_an_abbreviation_stay_out() -> None:
    # without times the abbreviation's lines are a memo's headings
    assert "UN" not in found("UN: budget agreed\nQV: fine\nUN: next steps\nQV: ok\n")


def test_a_team_list_with_dashes_names_members_whose_initials_read_as_abbreviations() -> None:
    text = "Project team\n- XQ - Research Fellow, lead interviewer\n- HQ - Research Assistant (north site)\n"
    assert found(text) == ["HQ", "XQ"]
    text = "ZT – PI, sociologist\nAU – transcription and translation checking\nVQ – research assistant\n"
    assert found(text) == ["AU", "VQ", "ZT"]


def test_an_abbreviation_in_a_team_list_of_places_stays_out() -> None:
    assert found("Sites\nZT – 12 interviews\nUN – 9 interviews\nHQ – 4 interviews\n") == []


def test_a_job_in_brackets_and_a_role_abbreviation_before_brackets_name_a_member() -> None:
    assert found("With HQ (research asst). Visited the drop-in at noon. HQ drove back.") == ["HQ", "HQ"]
    assert found("- RA1 (QvdB), postdoctoral researcher.\nObserver: RA3 (UN). UN wrote the notes.") == [
        "QvdB",
        "UN",
        "UN",
    ]


def test_initials_joined_by_a_slash_are_each_a_person_where_both_are() -> None:
    text = "Present:\nQuilla Vexford (QV) – mother\nZoltan Treml (ZT) – father\n- QV/ZT: phone off at 10pm"
    assert found(text) == ["QV", "QV", "ZT", "ZT"]
    assert found("The A/B test and the HR/IT teams. PR/HR said no.") == []
