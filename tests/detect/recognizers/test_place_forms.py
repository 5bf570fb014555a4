"""Place forms that diaries use without a type word at the end (issue 13, class h): the town after a street
and a comma, Irish and Scottish Gaelic names joined by their article, the main street named alone, sports
teams by their plural name. Invented places and teams."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def recognizers():
    return {r.name: r for r in load_pattern_recognizers(Rules())}


def found(recognizers, name: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizers[name].analyze(text, ["LOCATION"])]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("The flat is on Kilnsey Street, Mangawhero, near the shops.", "Mangawhero"),
        ("Her nan runs a bakery on Long Harbour Road, Te Ūkaipō.", "Te Ūkaipō"),
        ("She lives at 4 Orchard Rd, Ballykeel.", "Ballykeel"),
        # after a venue or an organisation closed by its type word, and before a date's "on"
        ("He was admitted to Quillan Community Hospital, Brindlecombe, on 3 May.", "Brindlecombe"),
        ("Met Bryher at the drop-in on Quarry Street, Pantglas on Tuesday 4 March.", "Pantglas"),
        ("Focus group 1, Kettleby Hall, Larchmont Vale. Six came.", "Larchmont Vale"),
    ],
)
def test_the_town_after_a_street_and_a_comma(recognizers, text: str, town: str) -> None:
    assert found(recognizers, "StreetTownRecognizer", text) == [town]


@pytest.mark.parametrize(
    "text",
    [
        "We parked on Queen Street, Aroha was already there.",
        "We met on Kilnsey Street, Tuesday, after lunch.",
        "I went over to Dufferin Avenue, Suite 3, to check the window.",
        "Down Kilnsey Street, Then we turned back.",
        "We met at the Kelso Centre, Maria and Tom were there.",
        "They gave her a room at a hotel on Tarrow Bank, Estonian, on leave.",
        "She is at Gledmoor Primary, Year Five.",
        "Garvey Family Hub, Mrs. Okafor runs it.",
    ],
)
def test_a_person_a_weekday_or_a_unit_after_the_street_is_no_town(recognizers, text: str) -> None:
    assert found(recognizers, "StreetTownRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The regatta was held off the pier at Baile an Chaisil last summer.", "Baile an Chaisil"),
        ("Her youngest starts at Scoil an Mhuilinn in September.", "Scoil an Mhuilinn"),
        ("She grew up near Cill na Martra and moved away.", "Cill na Martra"),
        ("We got to Bun na hAbhann by noon.", "Bun na hAbhann"),
        ("The boat to Ceann a' Bhàigh was late.", "Ceann a' Bhàigh"),
    ],
)
def test_gaelic_names_joined_by_their_article(recognizers, text: str, place: str) -> None:
    assert found(recognizers, "GaelicPlaceRecognizer", text) == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Maybe an Uber would be quicker.",
        "It was Ask an Expert day at the library.",
        "I said na, not now.",
        "The Plan an Hour Ahead workshop ran late.",
    ],
)
def test_english_with_an_stays_words(recognizers, text: str) -> None:
    assert found(recognizers, "GaelicPlaceRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There is a diner down Main that opens early.", ["Main"]),
        ("We met at the corner of Main and 5th.", ["Main"]),
        ("Go in the Main Entrance, then left.", []),
        ("We had the soup for the main course.", []),
        ("On Main Street the shops were shut.", []),
    ],
)
def test_the_main_street_named_alone(recognizers, text: str, expected: list[str]) -> None:
    assert found(recognizers, "MainStreetRecognizer", text) == expected


def team(recognizers, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizers["SportsTeamRecognizer"].analyze(text, ["ORGANIZATION"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We put the Kestrels match on the big screen.", ["Kestrels"]),
        ("She wore her Otters jersey to group.", ["Otters"]),
        ("We went to the Christmas games night.", []),
        ("The cats were fed before the game.", []),
        ("We watched the rugby match at the pub.", []),
        ("He wants to go again when the Herons play Kilverton.", ["Herons"]),
        ("Last week the Otters beat them by a goal.", ["Otters"]),
        ("After tea the Kids played cards.", []),
        ("The kids play outside; the Herons nest by the river.", []),
    ],
)
def test_a_team_by_its_plural_name_before_a_game(recognizers, text: str, expected: list[str]) -> None:
    assert team(recognizers, text) == expected


def test_a_team_is_found_again_in_its_document_only(detector) -> None:
    texts = ["She is a Kestrels fan through and through. Kestrels won at home.", "Kestrels hover over the verge."]
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    teams = [[d.text[s.start : s.end] for s in d.spans if s.label == "ORGANIZATION"] for d in docs]
    assert teams == [["Kestrels", "Kestrels"], []]
