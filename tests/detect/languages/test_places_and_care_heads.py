"""Places and organisations named in another language (issue 13, texts by lay writers and diaries abroad): a
Turkish place before its locative or ablative ending ("Yalıkavak'ta"), care homes, hospices, health centres and
social centres opened or closed by their head word in that language, temples and community associations closed by
the word their community writes in English. Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.languages.places import OtherLanguagePlaceRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def places() -> OtherLanguagePlaceRecognizer:
    return OtherLanguagePlaceRecognizer(Rules())


TURKISH = (
    "Babam her yaz beni {} denize götürürdü, akşam da eve dönerdik. Annem bahçede domates yetiştirirdi ve "
    "komşularla çay içerdi."
)


@pytest.mark.parametrize(
    ("place", "written"),
    [("Yalıkavak", "Yalıkavak'ta"), ("Zeytinköy", "Zeytinköy'den"), ("Kuzguncuk", "Kuzguncuk'taki")],
)
def test_a_turkish_place_before_its_ending(places: OtherLanguagePlaceRecognizer, place: str, written: str) -> None:
    text = TURKISH.format(written)
    assert [text[a:b] for a, b, _ in places.find(text)] == [place]


@pytest.mark.parametrize("written", ["Ayşe'den", "Temmuz'da", "Almanya'dan", "Ahmet'te"])
def test_a_name_a_month_or_a_country_before_an_ending_is_no_place(
    places: OtherLanguagePlaceRecognizer, written: str
) -> None:
    assert list(places.find(TURKISH.format(written))) == []


def test_an_english_text_is_not_read_for_endings(places: OtherLanguagePlaceRecognizer) -> None:
    assert list(places.find("We all went to Brenna'da party at the lake and stayed late.")) == []


def organisations(recognizer: str, text: str) -> list[str]:
    found = {r.name: r for r in load_pattern_recognizers(Rules())}[recognizer].analyze(text, ["ORGANIZATION"])
    return [text[r.start : r.end] for r in found]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("I want to thank the nurses of Pflegedienst Lindenhof for their care.", "Pflegedienst Lindenhof"),
        ("Donations please to Hospicjum Dobrego Pasterza instead of flowers.", "Hospicjum Dobrego Pasterza"),
        ("She runs the women's group at the Centre social Les Tilleuls now.", "Centre social Les Tilleuls"),
    ],
)
def test_a_care_or_social_head_of_another_language(text: str, organisation: str) -> None:
    assert organisation in organisations("OrgHeadRecognizer", text)


def test_a_health_centre_closed_by_its_estonian_head() -> None:
    text = "Her doctor at Kalda perearstikeskus only takes bookings online now."
    assert "Kalda perearstikeskus" in organisations("OrgHeadLastRecognizer", text)
