"""Roads named by their number are places (issue 13, diaries and transcripts): "nights on I-35", "down the
A38", "off Hwy 7", "on 62 Ave"; a paper size, a vitamin, a mask or a form with a code stays a thing."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def roads():
    [recognizer] = [r for r in load_pattern_recognizers(Rules()) if r.name == "NumberedRoadRecognizer"]
    return recognizer


def found(roads, text: str) -> list[str]:
    return [text[r.start : r.end] for r in roads.analyze(text, ["LOCATION"])]


@pytest.mark.parametrize(
    ("text", "road"),
    [
        ("I drove long haul for nine years, nights on I-35, and that's where it started.", "I-35"),
        ("He was on call doing crashes down the A38 for years.", "A38"),
        ("Later he drove the M62 at night to see her.", "M62"),
        ("The farm is off Hwy 7, past the shed.", "Hwy 7"),
        ("Take Route 9 out of town and turn left.", "Route 9"),
        ("We were stuck near the temple on 62 Ave for an hour.", "62 Ave"),
    ],
)
def test_a_numbered_road_is_a_place(roads, text: str, road: str) -> None:
    assert road in found(roads, text)


@pytest.mark.parametrize(
    "text",
    [
        "Printed it on the A4 paper from the office.",
        "He is on the B12 injections again.",
        "Wore the N95 mask on the bus.",
        "Helped him with the I-9 form for the job.",
        "She weighs 12 st now and is in Year 12.",
        "Got an A4 envelope and a B2 pencil.",
    ],
)
def test_codes_that_are_things_stay_words(roads, text: str) -> None:
    assert found(roads, text) == []


def test_the_detector_flags_the_road(detector) -> None:
    text = "He told me he drove trucks for years, mostly on I-40, and hated it."
    [doc] = detector.detect([Document(id="d", text=text)])
    start = text.index("I-40")
    assert any(s.label == "LOCATION" and s.start <= start and s.end >= start + 4 for s in doc.spans)


@pytest.fixture(scope="module")
def routes():
    [recognizer] = [r for r in load_pattern_recognizers(Rules()) if r.name == "BusRouteRecognizer"]
    return recognizer


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("We sat upstairs on the number 31 bus to the coast.", "the number 31"),
        ("We waited ages for the 212 bus outside the library.", "the 212"),
        ("Her bus route, the 47, runs right past the school.", "the 47"),
        ("Most bus drivers on the 63 know her by name.", "the 63"),
        ("On Sundays she caught the 8A into town.", "the 8A"),
        ("We took the 122 home after the match.", "the 122"),
    ],
)
def test_a_bus_route_by_its_number_is_a_place(routes, text: str, route: str) -> None:
    assert route in found(routes, text)


@pytest.mark.parametrize(
    "text",
    [
        "See you on the 15 at the office.",
        "The bus was late so we waited for the 20 minutes it took.",
        "On the bus she counted out the 40 pounds she owed.",
        "He took the 2 kids to the park.",
        "We got the 3 of them round the table.",
        "I got the 50 from the cashpoint on the corner.",
    ],
)
def test_numbers_that_are_no_route_stay_words(routes, text: str) -> None:
    assert found(routes, text) == []


def test_a_us_route_written_with_a_space(roads) -> None:
    assert "US 64" in found(roads, "His truck died on US 64 just past the gas station.")


def test_the_detector_keeps_the_article_of_a_bus_route(detector) -> None:
    text = "Her bus route, the 47, runs right past the school."
    [doc] = detector.detect([Document(id="d", text=text)])
    assert [text[s.start : s.end] for s in doc.spans if s.label == "LOCATION"] == ["the 47"]
