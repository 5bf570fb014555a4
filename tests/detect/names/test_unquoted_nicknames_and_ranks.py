"""Nicknames given without quotes, nicknames introduced in quotes, military ranks and call signs before a
name (detect/names, issue 13 classes a and b), on invented text."""

from __future__ import annotations

import pytest


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def names_spans(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.detector == "names"]


@pytest.mark.parametrize(
    ("text", "nickname"),
    [
        ("Ottokar Weyland, Badger to his mates, drove the van. Later Badger rang me about the rota.", "Badger"),
        ("The new tenant (Ladle to everyone in the block) paid on time.", "Ladle"),
        ("Our foreman was known to everyone as Gravel. I asked Gravel about the shift.", "Gravel"),
        ("She is known to her whole family as Pickle, even at school.", "Pickle"),
        ('A neighbour, introduced as "Drizzle", brought soup round.', "Drizzle"),
    ],
)
def test_a_nickname_given_to_people_is_a_name(detector, text: str, nickname: str) -> None:
    assert nickname in people(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Frank, Back to his room he went, tired.",  # no: a word of grammar opens the clause
        "The lane is known to everyone as Cobble Lane now.",  # a capitalised run: a place
        "It was known to all as Monday club.",  # a weekday
        "The meeting, Next to her friends, was loud.",  # function word
    ],
)
def test_words_in_the_same_frames_that_name_no_one_stay_words(detector, text: str) -> None:
    found = names_spans(detector, text)
    assert not {"Back", "Cobble", "Monday", "Next"} & {w for s in found for w in s.split()}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("On patrol Cpl Tarvan kept us calm.", "Cpl Tarvan"),
        ("Lt Sprocket signed the leave form.", "Lt Sprocket"),
        ("We waited for Sapper Quorvell at the gate.", "Sapper Quorvell"),
        ("Brigadier Ostrander spoke at the parade.", "Brigadier Ostrander"),
    ],
)
def test_a_military_rank_before_a_surname_or_nickname_is_part_of_the_name(detector, text: str, span: str) -> None:
    assert span in people(detector, text)


def test_a_call_sign_names_someone(detector) -> None:
    assert "Viper" in people(detector, "Our medic, call sign Viper, got us out.")


@pytest.mark.parametrize(
    "text",
    [
        "The Private Hospital sent a letter.",
        "It was declared a Major Incident on the ward.",
        "I saw the General Practice nurse.",
    ],
)
def test_ranks_that_are_everyday_words_name_no_one(detector, text: str) -> None:
    assert names_spans(detector, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "We had a pint at the Gunner Inn after the walk.",  # a pub named after a rank
        "Our tea was at the Captain Ward later.",
        "Col Thursday was fine, quiet on the whole.",  # a weekday after a rank's abbreviation
    ],
)
def test_a_thing_or_a_weekday_after_a_rank_or_title_is_no_one(detector, text: str) -> None:
    assert names_spans(detector, text) == []


def test_a_month_that_is_a_name_after_a_title_stays_the_name(detector) -> None:
    assert "Uncle August" in people(detector, "We visited Uncle August in the home, he was chatty.")
