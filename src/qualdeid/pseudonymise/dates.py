"""Dates shifted by one corpus-wide offset (intervals preserved) or generalised; ages to bands.

Only a small set of unambiguous written forms is parsed: ISO dates, numeric day/month/year
(month first for en_US), "7 November [2023]", "November 7[, 2023]", "April 2023", a month alone, a
four-digit year alone, and weekday names (shifted by the same offset, so "Thursday 7 November" stays
a true weekday). Everything else in a date span ("last week", "2pm", "arvo") is kept as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from qualdeid.detect.nlp.numbers import TENS, UNITS
from qualdeid.rules import Rules

_CALENDAR = Rules().lists("lexicons/calendar.yaml")
FULL_MONTHS = {m.lower() for m in calendar.month_name if m}
#: month names and their short forms (rules/lexicons/calendar.yaml) -> month number: "sept" -> 9
MONTHS = {
    w: next(i for i, m in enumerate(calendar.month_name) if m and m.lower()[:3] == w[:3])
    for w in _CALENDAR["months"] | _CALENDAR["months_short"] | {m.lower() for m in calendar.month_abbr if m}
}
#: weekday names and their short forms -> weekday number (Monday 0): "weds" -> 2
DAYS = {
    w: next(i for i, d in enumerate(calendar.day_name) if d.lower()[:3] == w[:3])
    for w in _CALENDAR["weekdays"] | _CALENDAR["weekdays_short"]
}
#: short month names that are usually words in lower case ("may", "mar")
_LOWER_CASE_WORDS = _CALENDAR["months_also_words"]
#: The year assumed for a day and month written without a year (not a leap year).
REFERENCE_YEAR = 2001

_M = r"(?P<{n}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAYNUM = r"(?P<{n}>[0-3]?\d)(?P<{n}s>st|nd|rd|th)?"
PATTERNS = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    ("numeric", r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b"),
    ("dmy", r"\b" + _DAYNUM.format(n="d") + r"(?P<of>\s+of)?\s+" + _M.format(n="m") + r"(?P<y>,?\s+\d{4})?\b"),
    ("mdy", r"\b" + _M.format(n="m") + r"\s+" + _DAYNUM.format(n="d") + r"(?P<y>,?\s+\d{4})?\b"),
    ("my", r"\b" + _M.format(n="m") + r"(?P<y>,?\s+\d{4})\b"),
    ("month", r"\b" + _M.format(n="m") + r"\b"),
    ("year", r"\b(?P<y>(?:1[89]|20)\d{2})\b"),
    ("weekday", r"\b(?P<w>" + "|".join(sorted(DAYS, key=len, reverse=True)) + r")\b"),
]
COMPILED = [(name, re.compile(pat, re.IGNORECASE)) for name, pat in PATTERNS]


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _month_like(original: str, month: int) -> str:
    full = original.lower() in FULL_MONTHS or original.lower() == "sept"
    return _case_like(original, calendar.month_name[month] if full else calendar.month_abbr[month])


def _case_like(original: str, new: str) -> str:
    if original.islower():
        return new.lower()
    if original.isupper() and len(original) > 1:
        return new.upper()
    return new


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _find(text: str) -> list[tuple[int, int, str, re.Match]]:
    """Non-overlapping date components, longest patterns first."""
    found: list[tuple[int, int, str, re.Match]] = []
    for name, rx in COMPILED:
        for m in rx.finditer(text):
            if name == "month" and m.group("m").lower() in _LOWER_CASE_WORDS and m.group("m").islower():
                continue  # "may", "mar": usually not months in lowercase
            if not any(m.start() < e and s < m.end() for s, e, _, _ in found):
                found.append((m.start(), m.end(), name, m))
    return sorted(found, key=lambda x: x[0])


def transform_date(text: str, offset_days: int, *, mode: str = "shift", month_first: bool = False) -> str | None:
    """The date span ``text`` shifted by ``offset_days`` (mode "shift") or generalised to month/year.

    Returns None when nothing in it could be parsed.
    """
    found = _find(text)
    if not found:
        return None
    delta = dt.timedelta(days=offset_days)
    year_shift = round(offset_days / 365.25)
    out: list[str] = []
    pos = 0
    changed = False
    drop_weekdays = mode != "shift" and any(name != "weekday" for _, _, name, _ in found)
    for s, e, name, m in found:
        if drop_weekdays and name == "weekday":
            e += len(text[e:]) - len(text[e:].lstrip(", "))  # "Thursday, 7 November" -> "November"
            new: str | None = ""
        else:
            new = _component(m, name, delta, year_shift, offset_days, mode, month_first)
        if new is None:
            continue
        out.append(text[pos:s])
        out.append(new)
        pos = e
        changed = True
    if not changed:
        return None
    out.append(text[pos:])
    return "".join(out)


def _component(m: re.Match, name: str, delta, year_shift: int, offset: int, mode: str, month_first: bool) -> str | None:
    g = m.group
    if name == "weekday":
        if mode != "shift":
            return None
        w = g("w")
        new_day = (DAYS[w.lower()] + offset) % 7
        return _case_like(w, calendar.day_name[new_day] if len(w) > 4 else calendar.day_abbr[new_day])
    if name == "year":
        return str(int(g("y")) + year_shift) if mode == "shift" else g("y")
    if name == "month":
        month = MONTHS[g("m").lower()]
        if mode != "shift":
            return None
        d = dt.date(REFERENCE_YEAR, month, 15) + delta
        return _month_like(g("m"), d.month)
    if name in ("iso", "numeric"):  # format: date style codes
        if name == "iso":
            y, mo, d = int(g("y")), int(g("m")), int(g("d"))
        else:
            a, b, y = int(g("a")), int(g("b")), int(g("y"))
            mo, d = (a, b) if month_first else (b, a)
            y = y + (2000 if y < 50 else 1900) if len(g("y")) == 2 else y
        date = _safe_date(y, mo, d)
        if date is None:
            return None
        if mode != "shift":
            return f"{calendar.month_name[date.month]} {date.year}"
        nd = date + delta
        if name == "iso":
            return f"{nd.year:04d}-{nd.month:0{len(g('m'))}d}-{nd.day:0{len(g('d'))}d}"
        first, second = (nd.month, nd.day) if month_first else (nd.day, nd.month)
        ys = f"{nd.year % 100:02d}" if len(g("y")) == 2 else f"{nd.year:04d}"
        return f"{first:0{len(g('a'))}d}{g('sep')}{second:0{len(g('b'))}d}{g('sep')}{ys}"
    # dmy / mdy / my
    month = MONTHS[g("m").lower()]
    ytext = g("y") or ""
    year = int(re.sub(r"\D", "", ytext)) if ytext else REFERENCE_YEAR
    if name == "my":
        if mode != "shift":
            return None
        nd = dt.date(year, month, 15) + delta
        return f"{_month_like(g('m'), nd.month)}{ytext[: len(ytext) - 4]}{nd.year}"
    day = int(g("d"))
    date = _safe_date(year, month, day)
    if date is None:
        return None
    if mode != "shift":
        return _month_like(g("m"), date.month) + (f" {date.year}" if ytext else "")
    nd = date + delta
    suffix = _ordinal(nd.day) if g("ds") else ""
    suffix = suffix.upper() if g("ds") and g("ds").isupper() else suffix
    yout = f"{ytext[: len(ytext) - 4]}{nd.year}" if ytext else ""
    if name == "dmy":
        return f"{nd.day}{suffix}{g('of') or ''} {_month_like(g('m'), nd.month)}{yout}"
    return f"{_month_like(g('m'), nd.month)} {nd.day}{suffix}{yout}"


NUMBER_WORDS = UNITS  # one definition of the number words (detect/nlp/numbers.py)
_AGE_NUMBER = re.compile(
    r"\b(?:(?P<n>\d{1,3})|(?P<t>" + "|".join(TENS) + r")(?:[-\s](?P<u>" + "|".join(list(NUMBER_WORDS)[1:10]) + r"))?"
    r"|(?P<s>" + "|".join(list(NUMBER_WORDS)[10:]) + r"))\b",
    re.IGNORECASE,
)


def age_band(age: int) -> str:
    """Decade bands: 34 → "30-39"; under 18 → "under 18"; 18 and 19 → "18-19"; 90 and over → "90+"."""
    if age < 18:
        return "under 18"
    if age < 20:
        return "18-19"
    if age >= 90:
        return "90+"
    lo = age // 10 * 10
    return f"{lo}-{lo + 9}"


def band_age(text: str) -> str | None:
    """The age span with its number replaced by a band; None if it has no number ("in her twenties")."""
    m = _AGE_NUMBER.search(text)
    if not m:
        return None
    if m.group("n"):
        age = int(m.group("n"))
    elif m.group("t"):
        age = TENS[m.group("t").lower()] + (NUMBER_WORDS[m.group("u").lower()] if m.group("u") else 0)
    else:
        age = NUMBER_WORDS[m.group("s").lower()]
    if age > 120:
        return None
    return text[: m.start()] + age_band(age) + text[m.end() :]
