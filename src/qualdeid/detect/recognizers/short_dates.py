"""A day and a month in digits without a year: "2/27 — Home visit", "Brannoc 27.05 19:05", "Thursday 8/29",
"next visit 28.11", and, once a document writes one so, its others ("back 11/29", "(2/27)").

"3/4" or "5/7" is as often a share or a score as a date, so a bare one needs evidence. The evidence is the
layout or the words beside it: a case note's entry opening its line with one ("2/27 — Home visit", "8/29: call"),
a time of day after it ("27.05 19:05", "9/4 am"), a weekday before it (of any language the lists hold:
"jueves 8/29", "vie 14/9") or a word of the calendar lists' ``short_date_cues`` ("held 16.09", "approved
8/5"). A document that dates one entry so, or writes a full date with slashes ("5/6/24"), writes its other dates
the same way: there, every other day and
month written with a slash is a date too, unless the words around it make it a count ("4/5 days", "2/3 of",
"BP 120/80", "7/10") or it is a share people write as one ("1/2", "3/4", "24/7"). With full stops ("16.09")
the evidence must be its own: "10.05" is as often a time.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import DATE_TIME
from qualdeid.rules import Rules, alternation

#: shares and round-the-clock phrases written like a day and a month
_SHARES = frozenset({"1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "1/8", "24/7", "50/50", "4/4", "2/2", "1/1"})
_CANDIDATE = regex.compile(
    r"(?<![\w./:,#@$£€¥-]|\d[ \t])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?![\w/]|[.,:]\d|[ \t]?%|\.\d)"
)
#: a time of day right after: "27.05 19:05", "9/4 am", "2/27 10am"
_TIME_AFTER = regex.compile(
    r",?[ \t]+(?:at[ \t]+)?(?:\d{1,2}[:.h]\d\d(?!\d)|\d{1,2}[ \t]?(?:am|pm)\b|(?:am|pm)\b)", regex.I
)
#: an entry's separator after a date opening its line: "2/27 — Home visit", "8/29: call", "2/27 - "
_ENTRY_AFTER = regex.compile(r"[ \t]*(?::|[ \t][-–—]|[-–—][ \t])")
#: a day, a month and a year with slashes ("5/6/24", "17/05/2023"): a document that writes its dates so writes
#: its short ones with a slash too
_FULL_SLASH_DATE = regex.compile(r"(?<![\w./-])\d{1,2}/\d{1,2}/(?:\d\d|(?:19|20)\d\d)(?![\w/]|[.,]\d)")
_LINE_OPENING = regex.compile(r"(?:^|\n)[ \t>*•·-]*(?:\[)?$")
_WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}.'’]*)\.?[ \t]*[:,(]?[ \t]*\(?$")
_WORD_AFTER = regex.compile(r"[ \t]*\)?[ \t]*([\p{L}]+|%)")


def _day_month(a: int, b: int) -> bool:
    """Either way round, a possible day and month."""
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def _rating(m: regex.Match[str]) -> bool:
    """A score out of five or ten, or full marks: "4/5 - great service", "7/10", "5/5"; never with a leading
    zero, which only a date writes ("09/10")."""
    return not m["a"].startswith("0") and (m["b"] in ("5", "10") or m["a"] == m["b"])


class ShortDateRecognizer(_TextRecognizer):
    """Days and months in digits without a year (module docstring)."""

    LABELS = (DATE_TIME,)
    #: below NER (0.85) but not dropped under it: finalise keeps a rule's date inside NER's longer one
    SCORE = 0.7

    def __init__(self, rules: Rules) -> None:
        calendar = rules.lists("lexicons/calendar.yaml")
        weekdays = (
            calendar["weekdays"]
            | calendar["weekdays_short"]
            | rules.words("lexicons/weekdays_world.txt", lower=True)
            | calendar["short_date_weekdays"]
        )
        self.weekday = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(weekdays)})\.?,?[ \t]+$", regex.I)
        self.cues = calendar["short_date_cues"]
        self.not_after = calendar["short_date_not_after"]
        self.not_before = calendar["short_date_not_before"]
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if "/" not in text and "." not in text:
            return
        confirmed: list[tuple[int, int]] = []
        slashes: list[tuple[int, int]] = []
        for m in _CANDIDATE.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            if not _day_month(a, b) or (m["sep"] == "." and (len(m["b"]) != 2 or not 1 <= b <= 12)):
                continue
            if weekday := self.weekday.search(text, max(0, m.start() - 20), m.start()):
                confirmed.append((weekday.start(), m.end()))  # "Thursday 8/29": the weekday is part of the date
            elif self._counted(text, m):
                continue
            elif self._evidence(text, m):
                confirmed.append(m.span())
            elif m["sep"] == "/" and m.group() not in _SHARES and not _rating(m):
                slashes.append(m.span())
        yield from ((s, e, DATE_TIME) for s, e in confirmed)
        if any("/" in text[s:e] for s, e in confirmed) or (slashes and _FULL_SLASH_DATE.search(text)):
            yield from ((s, e, DATE_TIME) for s, e in slashes)

    def _counted(self, text: str, m: regex.Match[str]) -> bool:
        """A score, a measure or a count by the words around it ("BP 120/80", "6/7 days", "2/3 of")."""
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before and before.group(1).lower().rstrip(".") in self.not_after:
            return True
        after = _WORD_AFTER.match(text, m.end())
        return bool(after and after.group(1).lower() in self.not_before)

    def _evidence(self, text: str, m: regex.Match[str]) -> bool:
        start, end = m.span()
        if _TIME_AFTER.match(text, end):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        if (
            m["sep"] == "/"
            and not _rating(m)
            and _LINE_OPENING.search(text, max(0, line_start - 1), start)
            and _ENTRY_AFTER.match(text, end)
        ):
            return True
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        return bool(before and before.group(1).lower().rstrip(".") in self.cues)
