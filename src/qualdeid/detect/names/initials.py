"""Initials written in capitals without dots, as people: "sat w/ RS", "HM walked them out", "G is eating".

Handover notes and texts name people by their initials. An upper-case token of one to three letters
counts as a person in a document once it stands somewhere in that document in a place only a person
fills (after "w/", "told", "signed"; before "said", "offered", "'s"); then its other occurrences in the
document count too, except after an article ("the GP", "a DJ"). Abbreviations listed in
``rules/names/not_initials.txt`` never count, and a single letter needs a person context of its own
(so "Plan B" and "vitamin D" stay words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Rules, alternation

#: Initials: "RS", "K"; with a particle's or a prefix's small letters ("JdlC", "KMcC", "GvdM") or a
#: double surname's hyphen ("JH-P").
_SHAPE = r"[A-Z]{1,3}|[A-Z](?:[a-z]{0,3}[A-Z]){1,3}(?<=[a-z][A-Z])|[A-Z]{1,3}-[A-Z]{1,2}"
#: of two letters or more
_SHAPE_2 = _SHAPE.replace("{1,3}", "{2,3}", 1)
_TOKEN = re.compile(rf"(?<![\w&/.'’-])({_SHAPE})(?![\w&/'-]|\.[A-Z])")
_WORD_BEFORE = re.compile(r"([\w/&+'’]+)[ \t:]*$")
_WORD_AFTER = re.compile(r"^[ \t]*(['’]s\b|[\w']+)")

#: Words after which a single letter may open a clause: "But W texted", "and K said".
CLAUSE_OPENERS = frozenset(["and", "but", "so", "because", "cos", "then", "when", "if", "that", "while"])
#: Words before that make it a thing: "the GP", "a DJ".
ARTICLES = frozenset(["the", "a", "an", "this", "that", "his", "her", "my", "your", "our", "their", "its"])
#: A token this common as a word (wordfreq Zipf) is a word in capitals, not initials.
SHOUTED_WORD_ZIPF = 5.0
#: Common words written in capitals when shouting: "HE SAID", "WE ARE".
_SHOUTED = frozenset(
    [
        "I",
        "A",
        "AN",
        "AS",
        "AT",
        "BE",
        "BY",
        "DO",
        "GO",
        "HE",
        "HI",
        "IF",
        "IN",
        "IS",
        "IT",
        "ME",
        "MY",
        "NO",
        "OF",
        "OH",
        "ON",
        "OR",
        "SO",
        "TO",
        "UP",
        "US",
        "WE",
        "YO",
    ]
)


class Initials:
    """Finds initials that act as a person, with the words of ``rules/names/initials.yaml``."""

    def __init__(self, rules: Rules, not_initials: frozenset[str]) -> None:
        words = rules.lists("names/initials.yaml")
        relatives = rules.words("lexicons/relatives.txt", lower=True)
        self.not_initials = not_initials
        roles = rules.words("lexicons/speaker_roles.txt", lower=True)
        self.before = words["before"] | {r.split()[-1] for r in roles}
        #: a transcript's role before a colon: "Facilitator: HR" is a person, even one that reads as an abbreviation
        self.role_label = re.compile(rf"(?i:\b(?:{alternation(roles)}))[ \t]*:[ \t]*$")
        self.after = words["after"] | {"'s", "’s"}
        self.not_verbs = words["not_verbs"]
        #: "I'll call him W", "named her K"
        self.named = re.compile(rf"\b(?:{words.pattern('naming')})[ \t]+(?:him|her|them)[ \t]+$", re.IGNORECASE)
        #: A person's description in brackets after initials: "QJ (M, 40s)", "BQ (manager)", "(support worker)".
        self.described = re.compile(
            r"[ \t]*\([ \t]*(?:[MF][ \t]*[,)]|\d|(?:early|mid|late)[ \t-]"
            rf"|[a-z ]*\b(?:{words.pattern('described_as')})s?[ \t]*[,)])"
        )
        #: "DE on call", "KT on shift tonight", "RS pls ring", "+ son": on duty, asked to act, with a relative.
        self.on_duty = re.compile(
            rf"[ \t]+(?:on[ \t]+(?:{words.pattern('on_duty')})\b|(?:pls|please)[ \t]+[a-z]"
            rf"|\+[ \t]*(?:{alternation(words['with_relative'] | relatives)})\b)"
        )

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each occurrence of initials that act as a person somewhere in `text`."""
        occurrences: dict[str, list[tuple[int, int, bool]]] = {}
        partners: dict[str, set[str]] = {}
        for m in _TOKEN.finditer(text):
            token = m.group(1)
            if self._shouted(token):
                continue  # "SHE", "NOT": a word in capitals
            if token in self.not_initials and not (
                len(token) > 1
                and (
                    (self.described.match(text, m.end()) and not self._after_article(text, m.start()))
                    or self.role_label.search(text, max(0, m.start() - 30), m.start())
                )
            ):
                continue  # "the GP"; but "DM (peer worker)" and "Facilitator: HR" are people
            before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            after = _WORD_AFTER.match(text[m.end() : m.end() + 30])
            prev = before.group(1).lower() if before else ""
            nxt = after.group(1).lower().replace("’", "'") if after else ""
            if prev in ARTICLES or (after and after.group(1).isupper() and len(after.group(1)) > 1):
                continue  # "the GP"; "HE SAID" is shouting
            named = self.named.search(text, max(0, m.start() - 30), m.start()) is not None
            if len(token) == 1 and not (named or self._opens_clause(text, m.start(), prev)):
                continue  # "Plan B", "vitamin D": a letter after a word names a thing
            kiss = re.match(r"[ \t]+x+[ \t]*(?:\n|$)", text[m.end() : m.end() + 8]) is not None  # a sign-off: "D x"
            rest = text[m.end() : m.end() + 40]
            acts = (
                named
                or kiss
                or prev in self.before
                or self._acts(nxt)
                or (len(token) > 1 and self._described_or_on_duty(text, m.start(), rest))
            )
            occurrences.setdefault(token, []).append((m.start(), m.end(), acts))
            joined = _JOINED.search(text, max(0, m.start() - 12), m.start())
            if joined:
                partners.setdefault(token, set()).add(joined.group(1))
        acting = {t for t, found in occurrences.items() if any(acts for _, _, acts in found)}
        # "On shift: HM + NP": initials joined to a person's initials by "+", "&" or "and" are a person too
        acting |= {t for t, joined in partners.items() if t in occurrences and joined & acting}
        found_at: set[int] = set()
        for token, found in occurrences.items():
            if token not in acting:
                continue
            for start, end, acts in found:
                if acts or len(token) > 1:
                    found_at.add(start)
                    yield start, end
        for start, end in self._listed(text, acting):
            if start not in found_at:
                yield start, end

    def _listed(self, text: str, acting: set[str]) -> Iterator[tuple[int, int]]:
        """ "coded by QA, HR and TW": initials listed with initials that act as people are people too,
        even one that is also an abbreviation (HR, PR, IT); a list of abbreviations only stays one."""
        for run in _INITIALS_LIST.finditer(text):
            members = list(_MEMBER.finditer(run.group()))
            tokens = [m.group() for m in members]
            if any(self._shouted(t) for t in tokens) or all(t in self.not_initials for t in tokens):
                continue
            before = _WORD_BEFORE.search(text, max(0, run.start() - 30), run.start())
            prev = before.group(1).lower() if before else ""
            if prev in ARTICLES or not (prev in self.before or any(t in acting for t in tokens)):
                continue
            for m in members:
                yield run.start() + m.start(), run.start() + m.end()

    def _shouted(self, token: str) -> bool:
        return token in _SHOUTED or (len(token) > 1 and zipf(token.lower()) >= SHOUTED_WORD_ZIPF)

    def _after_article(self, text: str, start: int) -> bool:
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        return before is not None and before.group(1).lower() in ARTICLES

    def _described_or_on_duty(self, text: str, start: int, rest: str) -> bool:
        return (
            self.described.match(rest) is not None
            or _NAME_IN_BRACKETS.match(rest) is not None
            or self.on_duty.match(rest) is not None
            or _speaks(text, start, rest)
        )

    def _acts(self, nxt: str) -> bool:
        """ "HM walked", "QJ tells me", "BQ doesn't": the word after initials is a verb."""
        if nxt in self.after or (len(nxt) > 3 and nxt.endswith(("ed", "ing"))):
            return True
        if nxt in ("doesn't", "didn't", "can't", "won't", "isn't", "wasn't", "hasn't"):
            return True
        return len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith(("ss", "us", "is")) and nxt not in self.not_verbs

    def _opens_clause(self, text: str, start: int, prev: str) -> bool:
        if not prev or prev in self.before or prev in CLAUSE_OPENERS:
            return True
        return re.search(r"[.!?:;,\n][ \t]*$", text[max(0, start - 3) : start]) is not None


#: Initials joined to other initials before them: "HM + NP", "RS & KT", "TB and JW".
_JOINED = re.compile(rf"(?<![\w&/.'’-])({_SHAPE_2})[ \t]*(?:\+|&|and)[ \t]*$")
#: Two or more initials in a list: "QA, HR and TW", "HR & QA", "QA, TW, and HR".
_INITIALS_LIST = re.compile(
    rf"(?<![\w&/.'’-])(?:{_SHAPE_2})(?:(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+)(?:{_SHAPE_2}))+"
    r"(?![\w&/'-]|\.[A-Z])"
)
_MEMBER = re.compile(rf"(?<![\w-])(?:{_SHAPE_2})(?![\w-])")
#: "DR (Dawn)", "NP (Nerys) on shift": the first name in brackets after initials.
_NAME_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*[A-Z][a-z'’-]+[ \t]*[,)]")


def _speaks(text: str, start: int, rest: str) -> bool:
    """'ZP: "you'll be closing us"' — a speaker's turn in notes, at a line or sentence start."""
    if not re.match(r"[ \t]*:[ \t]+\S", rest):
        return False
    return re.search(r"(?:^|[\n.!?]|\d[ \t])[ \t]*$", text[max(0, start - 3) : start]) is not None
