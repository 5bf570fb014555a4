"""A chat export's line whose sender is a phone number: NER's date of the line's stamp runs into the number's
first digits, and the finaliser cuts it back to the stamp so the number stays a contact (detect/finalise.py)."""

from __future__ import annotations

TEXT = (
    "13/04/24, 8:05 pm - +44 7700 900 118: Thank you aunty\n"
    "13/04/24, 8:09 pm - Ottilie V: sorry that was from the other phone\n"
    "13/04/24, 8:11 pm - +44 7700 900 452: plates I have\n"
)


def test_a_phone_sender_stays_a_contact(detector) -> None:
    doc = detector.detect_text(TEXT)
    contacts = {TEXT[s.start : s.end] for s in doc.spans if s.label == "CONTACT"}
    assert {"+44 7700 900 118", "+44 7700 900 452"} <= contacts
    assert not any(s.label == "DATE_TIME" and "+" in TEXT[s.start : s.end] for s in doc.spans)


SMS = (
    "3/4/24 8:12 AM  +1 (317) 555-0117: good morning, is the form ok\n"
    "3/4/24 8:30 AM  +1 (317) 555-0163: yes, see you at 10\n"
)


def test_a_text_messages_export_keeps_its_dates(detector) -> None:
    """An SMS export writes no dash before the sender's number: each line's date stays a date."""
    doc = detector.detect_text(SMS)
    dates = [SMS[s.start : s.end] for s in doc.spans if s.label == "DATE_TIME"]
    assert [d[:6] for d in dates] == ["3/4/24", "3/4/24"]
    contacts = {SMS[s.start : s.end] for s in doc.spans if s.label == "CONTACT"}
    assert {"+1 (317) 555-0117", "+1 (317) 555-0163"} <= contacts
