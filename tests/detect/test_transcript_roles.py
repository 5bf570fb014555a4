"""One module says which abbreviations of a transcript stand for a role (detect/transcript_roles.py), for the
name detector's initials and for the finaliser alike. Invented texts."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.transcript_roles import TranscriptRoles
from qualdeid.labels import ORGANIZATION
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def roles() -> TranscriptRoles:
    return TranscriptRoles(Rules())


@pytest.mark.parametrize(
    ("words", "role"),
    [
        ("note taker", True),
        ("peer mentor", True),
        ("Sign Language Interpreter", True),
        ("Moderator", True),
        ("Tobias Rendle", False),
        ("Kate Walsh", False),
        ("Tauriki Wakelin", False),
    ],
)
def test_the_words_are_a_role(roles: TranscriptRoles, words: str, role: bool) -> None:
    assert roles.is_role(words.split()) == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Present: facilitator (F), peer mentor (PM).\nF: Welcome.\nPM: Thanks.", {"F", "PM"}),
        ("Voiced by the interpreter (INTERP). INTERP: she means yes.", {"INTERP"}),
        ("Notes by Tobias Rendle (TR). TR said the bus was late.", set()),
        # the letters of roles taking turns beside an interviewer's
        ("I: How was the week?\nR: Long.\nI: Why?\nR: Work.", {"I", "R"}),
        ("Q: And then?\nA: We went home.\nQ: Alone?\nA: Yes.", {"Q", "A"}),
        # beside an interviewer a letter that stands for no role is the initial of the person interviewed
        ("I: Where did you grow up?\nW: Up north.\nI: And then?\nW: The city.", {"I"}),
        # without an interviewer the letters are people's initials
        ("M: Hiya.\nJ: Hiya, all good?", set()),
        # the label of a role after the person who holds it: the role's, not the person's initials
        ("Facilitator: Dr Maren Holt (FAC); co-facilitator Ines Varga (CO). Note taker: Ned Quill (NQ)", {"FAC", "CO"}),
        ("Facilitator: Maren Holt (M)\nM: Welcome.", set()),
        ("Facilitator: Maren Holt (MH)\nMH: Welcome.", set()),
        # a legend's "=": a role (one of its readings after a slash) is a role, a name or a body is not
        ("Abbrev.: MF = Muttersfreund/mum's friend; KW = key worker\nMF rang, KW to visit.", {"MF", "KW"}),
        ("Key: TO = Tamsin Oxley; BH = Brinley House\nTO rang.", set()),
        # a legend giving someone's initials their role: the initials stay the person's
        ("Labels: I = interviewer, RQW = participant.\nI: Hello.\nRQW: Hi.", {"I"}),
        ("Key: INT = interviewer; TQ = interviewee\nINT: So?\nTQ: Yes.", {"INT"}),
        # a legend's abbreviation of a service's words of another language stays an abbreviation
        ("Legenda: NPX = neuropsichiatria per ragazzi; KW = key worker\nNPX rang.", {"NPX", "KW"}),
        # case notes' short abbreviations in mixed case that shorten the role's words
        ("Key (Mo = mother, Fa = father, HoH = head of household)\nMo rang. HoH absent.", {"Mo", "Fa", "HoH"}),
        # mixed case that shortens none of the words is a name the legend describes
        ("Key: Tess = the carer's daughter\nTess rang.", set()),
    ],
)
def test_role_abbreviations_of_a_transcript(roles: TranscriptRoles, text: str, expected: set[str]) -> None:
    assert roles.abbreviations(text) == expected


def test_an_abbreviation_of_words_read_as_a_name_is_theirs(roles: TranscriptRoles) -> None:
    text = "Referred to the peer support line (PSL) and then to Bright Peer Support Line (BPSL)."
    named = [Span(text.index("Bright"), text.index(" (BPSL"), ORGANIZATION, detector="SpacyRecognizer")]
    assert roles.abbreviations(text, named) == {"PSL"}
    assert "BPSL" in roles.abbreviations(text)


def test_a_letter_beside_an_interviewer_that_is_no_role_speaks_for_someone(roles: TranscriptRoles) -> None:
    text = "I: Where did you grow up?\nW: Up north.\nI: And then?\nW: The city.\nR: once only."
    assert {k: [text[a:b] for a, b in v] for k, v in roles.letter_speakers(text).items()} == {"W": ["W", "W"]}
    assert roles.letter_speakers("W: Hiya.\nW: Anyone?\nJ: Hiya.") == {}


def _spoken(roles: TranscriptRoles, text: str) -> dict[str, list[str]]:
    return {k: [text[a:b] for a, b in v] for k, v in roles.letter_speakers(text).items()}


def test_initials_taking_turns_beside_another_speaker_speak_for_someone(roles: TranscriptRoles) -> None:
    named = "QX: Is the kettle on?\nQuorra Brennick: Always.\nQX: Tell me about the boats.\nQuorra Brennick: Leaky."
    assert _spoken(roles, named) == {"QX": ["QX", "QX"]}
    stamped = "[00:00:04] Int: Ready?\n[00:00:09] QX: Go on.\n[00:00:31] Int: And then?\n[00:00:37] QX: Rain."
    assert _spoken(roles, stamped) == {"QX": ["QX", "QX"]}
    # alone, or beside a speaker of one turn: no transcript
    assert roles.letter_speakers("QX: Hiya.\nQX: Anyone?\nQuorra: Hiya.") == {}
    # a word in capitals, an abbreviation or a role's abbreviation is nobody
    assert roles.letter_speakers("AM: toast\nPM: a walk\nAM: porridge\nPM: a swim") == {}
    assert roles.letter_speakers("INT: So?\nQuorra: Yes.\nINT: And?\nQuorra: No.") == {}


def test_a_role_letter_a_legend_gives_someone_by_name_is_theirs(roles: TranscriptRoles) -> None:
    text = "Chat on the pier. M = Aunty Quorra, ZR1 = me.\n\nZR1: Which boat?\nM: The red one.\nZR1: Why?\nM: Luck!"
    assert _spoken(roles, text) == {"M": ["M", "M", "M"]}
    assert "M" not in roles.abbreviations(text)
    # given a role, the letter stays the role's
    role = "M = moderator\nM: Welcome.\nQuorra: Hi.\nM: Next.\nQuorra: Bye."
    assert roles.letter_speakers(role) == {}


def test_letters_a_legend_gives_a_role_they_do_not_abbreviate_are_initials(roles: TranscriptRoles) -> None:
    text = "Kitchen table. N = interviewer, HB = participant.\n\nN: Ready?\nHB: Yeah.\nN: And then?\nHB: Rain."
    assert _spoken(roles, text) == {"N": ["N", "N", "N"], "HB": ["HB", "HB", "HB"]}
    assert not {"N", "HB"} & roles.abbreviations(text)
    # the role's own letter stays the role's
    plain = "I = interviewer, P = participant.\n\nI: Ready?\nP: Yeah.\nI: And then?\nP: Rain."
    assert _spoken(roles, plain) == {}


def test_initials_taking_turns_are_a_person(detector) -> None:
    text = (
        "Third talk, in the boatshed.\n\n[00:00:04] Int: Shall we start with the nets?\n"
        "[00:00:09] QX: Nets, fine. Torn again.\n[00:00:31] Int: Who mends them?\n[00:00:37] QX: Mostly me, in winter."
    )
    found = [s for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert sum(text[s.start : s.end] == "QX" for s in found) == 2


def test_initials_opening_the_lines_of_a_team_list_are_its_members(roles: TranscriptRoles) -> None:
    team = (
        "People\nQB-T (PI) – economist, ex-sailor.\nQuorra Brennick – boat builder\n"
        "ZL – junior analyst, surveys.\nWmacQ – site visits, half time\n\nZL is there on Fridays."
    )
    assert {k: [team[a:b] for a, b in v] for k, v in roles.team_members(team).items()} == {
        "QB-T": ["QB-T"],
        "ZL": ["ZL"],
        "WmacQ": ["WmacQ"],
    }
    # a glossary spells its abbreviations out; a list of letters, countries or a lone heading is no team
    assert roles.team_members("Abbreviations\nGP – general practitioner\nQZ – quiet zone") == {}
    assert roles.team_members("Options\nA – the first\nB – the second") == {}
    assert roles.team_members("Sites\nUK – 12 interviews\nUS – 8 interviews") == {}
    assert roles.team_members("FN – a farm, Tuesday\n\nRain.\nMud.\nQW waits.\n\nQW – said more later") == {}


def test_a_team_members_initials_are_a_person(detector) -> None:
    text = "People\nQB-T (PI) – economist.\nZL – junior analyst, surveys.\n\nZL can be rung on Mondays."
    found = [text[s.start : s.end] for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert found == ["QB-T", "ZL", "ZL"]
