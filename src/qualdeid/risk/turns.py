"""Speaker turns of an interview transcript: who is speaking where, and who is being interviewed.

A transcript is a run of turns, each a line that opens with a speaker label and a colon ("P07: ...",
"Interviewer: ...", "[00:01:10] Ana: ..."). It is an interview's when at least two speakers take two
turns or more and one of them is its interviewer: the speaker whose label is an interviewer's
(``rules/risk/turns.yaml``), or whom the transcript's legend names as one ("SK = interviewer",
"interviewer (I)"), or else, by the layout, the one who mostly asks: at least half their turns end
in a question mark and someone else says more. Interpreters are found the same way, by label or
legend. Everyone else is a participant, whose turns are their own account.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qualdeid.rules import Rules

RULES = "risk/turns.yaml"
INTERVIEWER, INTERPRETER, PARTICIPANT = "interviewer", "interpreter", "participant"
_TURN = re.compile(
    r"^[ \t]*(?:\[[\d:.]+\][ \t]*)?(?P<label>[^\W\d_][\w.'’-]*(?:[ \t][^\W\d_][\w.'’-]*){0,2})[ \t]*:[ \t]",
    re.MULTILINE,
)
_NUMBER = re.compile(r"[ \t]*[\d.]+$")
_MIN_TURNS = 2


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # of the label
    end: int  # of the turn's text (the next turn's start, or the end of the text)
    label: str
    label_end: int
    role: str


@dataclass(frozen=True)
class TurnRoles:
    interviewer: frozenset[str] = frozenset()
    interpreter: frozenset[str] = frozenset()
    interviewer_words: frozenset[str] = frozenset()
    interpreter_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, rules_dirs: Sequence[Path] = ()) -> TurnRoles:
        lists = Rules(list(rules_dirs)).lists(RULES)
        names = ("interviewer", "interpreter", "interviewer_words", "interpreter_words")
        return cls(*(frozenset(w.lower() for w in lists[name]) for name in names))

    def turns(self, text: str) -> list[Turn]:
        """The text's speaker turns, each with its speaker's role; empty when it is no transcript."""
        found = list(_TURN.finditer(text))
        count: dict[str, int] = defaultdict(int)
        for m in found:
            count[m.group("label")] += 1
        speakers = {label for label, n in count.items() if n >= _MIN_TURNS}
        if len(speakers) < 2:
            return []
        found = [m for m in found if m.group("label") in speakers]
        spans = [
            (m.start(), found[i + 1].start() if i + 1 < len(found) else len(text), m.group("label"), m.end())
            for i, m in enumerate(found)
        ]
        roles = self._roles(text, spans, speakers)
        if INTERVIEWER not in roles.values():
            return []  # people talking (a chat, a thread): whose account each line is, names and pronouns tell
        return [Turn(s, e, label, le, roles[label]) for s, e, label, le in spans]

    def _roles(self, text: str, spans: list[tuple[int, int, str, int]], speakers: set[str]) -> dict[str, str]:
        legend = self._legend(text[: spans[0][0]], speakers)
        roles: dict[str, str] = {}
        for label in speakers:
            bare = _NUMBER.sub("", label).lower()
            if legend.get(label):
                roles[label] = legend[label]
            elif bare in self.interviewer:
                roles[label] = INTERVIEWER
            elif bare in self.interpreter:
                roles[label] = INTERPRETER
        if INTERVIEWER not in roles.values():
            asked: dict[str, list[bool]] = defaultdict(list)
            said: dict[str, int] = defaultdict(int)
            for _, end, label, label_end in spans:
                turn = text[label_end:end].strip()
                asked[label].append(turn.endswith("?"))
                said[label] += len(turn.split())
            open_ = [label for label in speakers if label not in roles]
            most = max((said[label] for label in open_), default=0)
            askers = [
                label
                for label in open_
                if 2 * sum(asked[label]) >= len(asked[label]) and said[label] < most and sum(asked[label]) >= 2
            ]
            if askers:
                roles[max(askers, key=lambda label: (sum(asked[label]) / len(asked[label]), label))] = INTERVIEWER
        return {label: roles.get(label, PARTICIPANT) for label in speakers}

    def _legend(self, header: str, speakers: set[str]) -> dict[str, str]:
        """Roles the text before the first turn gives the labels: "SK = interviewer", "interviewer (I)"."""
        out: dict[str, str] = {}
        for words, role in ((self.interviewer_words, INTERVIEWER), (self.interpreter_words, INTERPRETER)):
            for word in words:
                w = re.escape(word)
                for label in speakers:
                    lab = re.escape(label)
                    if re.search(rf"(?i:\b{w}\b)\s*\(\s*{lab}\s*\)|\b{lab}\s*[=–—-]\s*(?i:(?:the\s+)?{w}\b)", header):
                        out[label] = role
        return out


def turn_at(turns: Sequence[Turn], offset: int) -> Turn | None:
    """The turn whose text holds ``offset``, if any."""
    for t in turns:
        if t.start <= offset < t.end:
            return t
    return None
