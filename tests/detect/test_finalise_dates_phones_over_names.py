"""Overlaps (detect/finalise.py, _resolve): a recognizer's date whose month word the name lists know as a first name
stays a whole date, and a phone number keeps the digits a person's span ran into; invented text."""

from __future__ import annotations

TEXT = (
    "Von: Kita Leitung\nDatum: Di., 22. Juni 2023 um 09:12\n\n"
    "Tanjung Priok, 9 Agustus 2023\n"
    "Info: ring Bu Sartika 0412 668 305 (WA) any time\n"
)


def test_a_date_keeps_its_month_word_and_a_phone_its_digits(detector) -> None:
    doc = detector.detect_text(TEXT)
    by_label = {(TEXT[s.start : s.end], s.label) for s in doc.spans}
    assert ("22. Juni 2023", "DATE_TIME") in by_label
    assert ("9 Agustus 2023", "DATE_TIME") in by_label
    assert ("0412 668 305", "CONTACT") in by_label
    assert not any(s.label == "PERSON" and any(c.isdigit() for c in TEXT[s.start : s.end]) for s in doc.spans)
