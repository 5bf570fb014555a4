"""The canonical labels of detected spans, one constant each.

Finer source types (EMAIL_ADDRESS, UK_NHS, ...) are kept as ``Span.subtype``; gold files may use the
annotation guidelines' short names (``DATE``, ``RARE``), read through :func:`canonical_label`.
"""

from __future__ import annotations

PERSON = "PERSON"
LOCATION = "LOCATION"
ORGANIZATION = "ORGANIZATION"
DATE_TIME = "DATE_TIME"
AGE = "AGE"
CONTACT = "CONTACT"
ID = "ID"
RARE_DETAIL = "RARE_DETAIL"

LABELS = (PERSON, LOCATION, ORGANIZATION, DATE_TIME, AGE, CONTACT, ID, RARE_DETAIL)

#: Labels that directly identify someone (scored together in ``evaluate``, always replaced).
DIRECT_LABELS = (PERSON, LOCATION, ORGANIZATION, CONTACT, ID)

#: Places and organisations: named things that are not people.
PLACE_LABELS = (LOCATION, ORGANIZATION)

#: Gold-corpus label names (the annotation guidelines') mapped to canonical labels.
GOLD_TO_CANONICAL = {"DATE": DATE_TIME, "RARE": RARE_DETAIL}


def canonical_label(label: str) -> str:
    return GOLD_TO_CANONICAL.get(label, label)
