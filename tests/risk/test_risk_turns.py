"""Speaker turns of interview transcripts (risk/turns.py): the account of an interview belongs to the
one interviewed, not to the interviewer who wrote the transcript up. Invented transcripts."""

from __future__ import annotations

import pytest

from qualdeid.corpus import Document
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.turns import INTERPRETER, INTERVIEWER, PARTICIPANT, TurnRoles, turn_at

LABELLED = """Interview 3, in the community garden's shed.

I: Could you tell me a bit about your work before?
P: I used to tune pipe organs in chapels up the valley, and I kept pigeons on the roof.
I: And how did that come to an end?
P: I fell from the scaffolding and broke my hip, so that was that.
INTERP: Can we pause a moment, please?
I: Of course. What helps you now?
P: Mostly my pigeons, to be honest.
INTERP: Thank you, we can go on.
"""

#: the legend names the interviewer; the labels are initials
LEGEND = """Second interview. Labels: TB = interviewer, RQ = participant.

TB: Shall we start where we left off?
RQ: Yes. I was telling you about the barge I steered along the canal for thirty years.
TB: What was that like?
RQ: Slow, mostly. But I knew every lock.
"""

#: no label or legend says who asks: the one who mostly asks questions and says less is the interviewer
BY_LAYOUT = """Maren: How are you finding the new flat?
Olu: Quieter than the hostel, which I like, though the boiler keeps cutting out at night.
Maren: Did the landlord come round?
Olu: Twice. He brought a man who mended it and then it broke again on the Sunday.
Maren: Is that the worst of it?
Olu: No, the worst is the stairs with my knee, but I manage with the rail.
"""

CHAT = """From: the office
To: the team
Subject: rota

From: the team
To: the office
Subject: rota again
"""


@pytest.fixture(scope="module")
def roles() -> TurnRoles:
    return TurnRoles.load()


def _roles(roles: TurnRoles, text: str) -> dict[str, str]:
    return {t.label: t.role for t in roles.turns(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LABELLED, {"I": INTERVIEWER, "P": PARTICIPANT, "INTERP": INTERPRETER}),
        (LEGEND, {"TB": INTERVIEWER, "RQ": PARTICIPANT}),
        (BY_LAYOUT, {"Maren": INTERVIEWER, "Olu": PARTICIPANT}),
        (CHAT, {}),  # header fields that repeat are no interview
        ("Note: one line.\nNext: another line.\n", {}),  # no speaker takes two turns
    ],
)
def test_who_is_interviewed(roles: TurnRoles, text: str, expected: dict[str, str]) -> None:
    assert _roles(roles, text) == expected


def test_a_turn_runs_to_the_next_one(roles: TurnRoles) -> None:
    turns = roles.turns(LABELLED)
    scaffolding = LABELLED.index("scaffolding")
    turn = turn_at(turns, scaffolding)
    assert turn is not None and turn.label == "P" and turn.role == PARTICIPANT
    assert turn_at(turns, LABELLED.index("Interview 3")) is None  # the header is no turn


INTERVIEWS = [
    Document("int-1", LABELLED, meta={"author": "researcher-1"}),
    Document("int-2", LEGEND, meta={"author": "researcher-1"}),
    Document(
        "notes-1",
        "Field notes. I drove back in the rain and wrote up the visit at the library. I was tired.",
        meta={"author": "researcher-1"},
    ),
]


@pytest.fixture(scope="module")
def interviews(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, INTERVIEWS)


def test_the_participants_words_are_theirs_not_the_interviewers(interviews: RiskChecker) -> None:
    profile = interviews.profile
    researcher = profile.people.narrator_of("int-1")
    assert researcher is not None
    owners = profile.word_docs["scaffolding"]["int-1"]
    assert owners and researcher not in owners
    # the researcher's own field notes are still theirs
    assert profile.word_docs["library"]["notes-1"] == {researcher}


def test_the_interviewers_questions_are_nobodys_account(interviews: RiskChecker) -> None:
    profile = interviews.profile
    assert "int-1" not in profile.word_docs.get("end", {})  # "how did that come to an end?"
    owned = profile.sentence_owners["int-1"]
    assert any(not people for _, people in owned)  # the questions and the interpreter's remarks
    assert any(people for _, people in owned)


def test_a_paraphrase_of_a_participants_answers_points_to_the_participant(interviews: RiskChecker) -> None:
    report = interviews.check(
        [Document("passage", "One man had tuned pipe organs in chapels until a fall from scaffolding.")]
    )
    researcher = interviews.profile.people.narrator_of("int-1")
    pointed = {p for f in report.findings for p in f.people}
    assert pointed and researcher not in pointed
