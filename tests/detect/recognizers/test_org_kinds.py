"""A rare capitalised name before a lower-case kind of organisation (detect/recognizers/context.py
OrgKindRecognizer, rules/lexicons/org_kinds_lower.txt): the name and its kind are one organisation. Invented
names."""

from __future__ import annotations

import pytest


def spans(detector, text: str) -> list[tuple[str, str]]:
    doc = detector.detect_text(text)
    return [(text[s.start : s.end], s.label) for s in doc.spans]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("the nurse at Tarnwick outpatient clinic phoned back", "Tarnwick outpatient clinic"),
        ("Dad has lunch at the Velmora seniors club on Fridays.", "Velmora seniors club"),
        ("wife   1981   nurse, Orvath care home", "Orvath care home"),
        ("daughter  2009   Varrekeidno upper secondary", "Varrekeidno upper secondary"),
    ],
)
def test_a_rare_name_and_its_kind_are_one_organisation(detector, text: str, org: str) -> None:
    assert (org, "ORGANIZATION") in spans(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "she has Podiatry clinic on Monday and Warfarin clinic after",  # a service or a medicine, no name
        "we went to the Polish club and the Somali community centre",  # peoples
        "Dementia club was fun and Chess club was loud",  # common words
        "is Mele school today?",  # a first name before a one-word kind: her school
        "the Tuesday club and the May clinic",  # calendar words
        "we borrowed it from the Dunedin library",  # a town's library: the town is found as a town
    ],
)
def test_words_before_a_kind_are_no_organisation(detector, text: str) -> None:
    kinds = ("clinic", "club", "centre", "school")
    assert [s for s, label in spans(detector, text) if s.endswith(kinds) and label != "RARE_DETAIL"] == []


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("I went to the Dorrigo Eastern European Hub for help.", "Dorrigo Eastern European Hub", "ORGANIZATION"),
        ("Ask at the Garvey Family Hub first.", "Garvey Family Hub", "ORGANIZATION"),  # a surname as the town
        ("He works part-time at Brennock's Marketplace.", "Brennock's Marketplace", "LOCATION"),
    ],
)
def test_a_name_closed_by_hub_or_marketplace_is_one_name(detector, text: str, name: str, label: str) -> None:
    assert spans(detector, text) == [(name, label)]


@pytest.mark.parametrize(
    "text",
    [
        "We met at the hub on Friday.",
        "The Hub was closed.",
        "There is a Community Hub nearby.",
        "The Family Hub opens at nine.",
    ],
)
def test_hub_without_a_specific_name_is_no_organisation(detector, text: str) -> None:
    assert spans(detector, text) == []
