"""Days and months in digits without a year where the text says they are dates (detect/recognizers/short_dates.py),
months of other calendars and scripts (rules/recognizers/dates.yaml) and phone numbers in national shapes
(rules/recognizers/contact.yaml), on invented text."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.short_dates import ShortDateRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RULES = Rules()
RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(RULES)}
SHORT = ShortDateRecognizer(RULES)


def found(name: str, text: str) -> list[str]:
    recognizer = RECOGNIZERS[name]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


def outermost(name: str, text: str) -> list[str]:
    """The spans not inside another of the recognizer's spans (as the analyzer keeps them)."""
    recognizer = RECOGNIZERS[name]
    spans = [(r.start, r.end) for r in recognizer.analyze(text, recognizer.supported_entities)]
    kept = {(s, e) for s, e in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)}
    return [text[s:e] for s, e in sorted(kept)]


def short_dates(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in SHORT.find(text)]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a case note's entries open their lines with the date; the document's other dates follow
        (
            "Case log\n2/11 — Intake with cl.\n2/19 - Home visit.\nFlight home 3/2. Kids at gran's (3/6).",
            ["2/11", "2/19", "3/2", "3/6"],
        ),
        # a time of day after it: a chat export's lines
        ("Brannoc W. 14.02 19:05\nok\nMe 15.02 07:40\nfine", ["14.02", "15.02"]),
        ("left a note 9/4 am for the team", ["9/4"]),
        # a weekday of any language the lists hold before it, part of the date
        ("bring the forms Thursday 6/27 please; taller sáb 14/9 a las 10", ["Thursday 6/27", "sáb 14/9"]),
        # a calendar cue before it
        ("Meeting held 17.04 with the family. Grant approved 8/5.", ["17.04", "8/5"]),
    ],
)
def test_short_dates_with_evidence(text: str, dates: list[str]) -> None:
    assert short_dates(text) == dates


@pytest.mark.parametrize(
    "text",
    [
        # shares, scores and counts, even in a document with dates
        "2/11 — Intake.\nShe came 5/7 days, ate 3/4 of it, scored 6/10, BP 130/85, open 24/7, 2/3 of them.",
        # no evidence: a bare pair is a share as often as a date
        "I'd give it 4/5 and the film 3/9 at best.",
        # a time, not a day and a month, without a cue
        "We start at 10.05 and stop at 11.30.",
    ],
)
def test_shares_scores_and_times_are_no_dates(text: str) -> None:
    assert [d for d in short_dates(text) if d != "2/11"] == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Date: 9 Aug 2024 (18 Mordad 1403)", ["18 Mordad 1403"]),
        ("a client here since Bahman 1399.", ["Bahman 1399"]),
        ("letter of 2079 Kartik 4 (x)", ["2079 Kartik 4"]),
        ("Jestha 11: BP 150/90.", ["Jestha 11"]),
        ("تاریخ: ۲۳ آذر ۱۴۰۲", ["۲۳ آذر ۱۴۰۲"]),
        ("ส้ม 21 ต.ค. 66 08:10", ["21 ต.ค. 66"]),
        ("2023년 10월 5일 목요일", ["2023년 10월 5일"]),
        ("我 7月21 返", ["7月21"]),
        ("Дата: 11 октября 2023, 10:02", ["11 октября 2023"]),
        ("Data: 3 korrik 2024, 09:15", ["3 korrik 2024"]),
    ],
)
def test_months_of_other_calendars_and_scripts(text: str, dates: list[str]) -> None:
    assert outermost("WorldDateRecognizer", text) == dates


@pytest.mark.parametrize("text", ["I did 3 push-ups and push 3 buttons", "the mehr 2 thing", "tir 1402 km"])
def test_lower_case_words_are_no_calendar_months(text: str) -> None:
    assert found("WorldDateRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("for urgent matters, CSS Brezales 93 412 07 55.", ["93 412 07 55"]),
        ("son (older): 137 4420 9186\n", ["137 4420 9186"]),
        ("Neighbour, flat opposite, 97310 44682", ["97310 44682"]),
        ("paid by app to 97310 44682@okaxis or cash", ["97310 44682@okaxis"]),
    ],
)
def test_phone_numbers_in_national_shapes(text: str, phones: list[str]) -> None:
    assert found("PhoneShapeRecognizer", text) == phones


@pytest.mark.parametrize("text", ["costs $137 4420 9186", "ref 12345 678901", "total 93 412 07 55 99"])
def test_other_numbers_are_no_phones(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []


def test_ner_date_across_lines_keeps_the_line_with_its_digits() -> None:
    """NER reads "6/14\\nAttendees" as one date: the date is the line with the digits, not the longer one."""
    from qualdeid.corpus.model import Span
    from qualdeid.detect.finalise import NER_DETECTOR, _clean

    text = "3. Next check-in: 6/14\nAttendees: RB"
    start = text.index("6/14")
    cleaned = _clean(text, Span(start, start + len("6/14\nAttendees"), "DATE_TIME", score=0.85, detector=NER_DETECTOR))
    assert cleaned is not None and text[cleaned.start : cleaned.end] == "6/14"


@pytest.mark.parametrize(
    "text", ["4/5 - tidy work, on time\n\nThe crew came.", "5/5 – would hire again\n", "3/3: all done\n"]
)
def test_a_review_opening_with_its_rating_is_no_date(text: str) -> None:
    assert short_dates(text) == []
