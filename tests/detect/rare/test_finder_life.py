"""Life-history frames (detect/rare/life.py), one finder on its own: what it finds, and the ordinary
look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "life"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # service in the forces
        ("Marcus served in the merchant navy and hates being told what to do.", "served in the merchant navy"),
        ("Her brother was in the coastguard for years.", "was in the coastguard"),
        # hurt by an animal, a machine or nature
        ("She got kicked in the head by a horse as a girl.", "got kicked in the head by a horse"),
        ("He was struck by lightning on a golf course.", "was struck by lightning"),
        ("He got gored by a stag a few years back.", "got gored by a stag"),
        # lost to an unusual cause
        ("He lost his licence after crashing a tractor at his last job.", "lost his licence after crashing a tractor"),
        ("He lost his left eye in a sawmill accident.", "lost his left eye in a sawmill accident"),
        # a part in a performing group
        ("I sing tenor in the church choir on Sundays.", "sing tenor in the church choir"),
        ("She plays cornet in a colliery brass band.", "plays cornet in a colliery brass band"),
        # ... a plain group with a name of its own or a rarer word
        ("He sang with the Tarnvale choir on their tour.", "sang with the Tarnvale choir"),
        ("She sings in a plainchant choir at the abbey.", "sings in a plainchant choir"),
        # a habit whose verb or object is rare in general language
        ("It turns out he speedruns old arcade games.", "speedruns old arcade games"),
        ("He makes stop-motion films with plasticine figures.", "makes stop-motion films with plasticine figures"),
        ("She knits chainmail for the reenactment society.", "knits chainmail"),
        # on a programme or a body others know them by
        ("She told me she was on the telly once as a girl.", "was on the telly"),
        ("She was a gymnast and was on the telly once.", "was on the telly"),
        ("I was rowing on a university scholarship when I first got ill.", "was rowing on a university scholarship"),
        ("He sat on the parish council for years.", "sat on the parish council"),
        # a self-taught skill with an uncommon word
        ("She taught herself to repair pinball machines.", "taught herself to repair pinball machines"),
        # what someone owned lost to a vice, no rare word needed
        ("She lost the van to the scratchcards.", "lost the van to the scratchcards"),
        (
            "He lost his pension in one winter on the poker tables.",
            "lost his pension in one winter on the poker tables",
        ),
        ("He gambled away the caravan and his boat.", "gambled away the caravan"),
        # a death by an unusual cause, with whose death it was
        (
            "He talked about his older brother who died in a motorbike crash.",
            "his older brother who died in a motorbike crash",
        ),
        ("Her husband died in an avalanche, he was a guide.", "died in an avalanche"),
        # ... or told by the event that caused it, a thing its subject
        (
            "Her uncle was killed when the hay baler tipped into the ditch.",
            "was killed when the hay baler tipped into the ditch",
        ),
        (
            "His father drowned when the dredger capsized off the point.",
            "drowned when the dredger capsized off the point",
        ),
        (
            "Years ago he was the grumpy farmer in a cereal commercial on telly.",
            "was the grumpy farmer in a cereal commercial on telly",
        ),
        ("Her grandson was the toddler in a nappy commercial.", "was the toddler in a nappy commercial"),
        ("Brannagh was in a commercial for a bank years ago.", "was in a commercial"),
        ("Her cousin was stabbed through the arm outside the bus station.", "was stabbed through the arm"),
        ("He got shot once in the calf on a deer hunt.", "got shot once in the calf"),
        ("He took a bullet in the shoulder on patrol.", "took a bullet in the shoulder"),
        ("Her aunt was robbed at gunpoint on her paper round.", "was robbed at gunpoint"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert any(hit.startswith(phrase) for hit in finder_hits(detector, FAMILY, text)), finder_hits(
        detector, FAMILY, text
    )


def test_a_death_s_event_ends_before_the_next_clause(detector) -> None:
    hits = finder_hits(detector, FAMILY, "His dad drowned when the dredger capsized when he was a boy.")
    assert hits == ["drowned when the dredger capsized"]


@pytest.mark.parametrize(
    "text",
    [
        "She served in the cafe at the weekend.",
        "He was in the army of volunteers who cleaned the beach.",
        "He was in the kitchen when I arrived.",
        "He got told off by the nurse for smoking.",
        "She was hit by her ex and we talked about safety plans.",
        "He lost his job after the pandemic.",
        "She lost her temper in the meeting.",
        "He plays in the garden with his nephew.",
        "They sing in the lounge on Fridays.",
        # a group most places have, named only by common words, and no part in it
        "She sings in the church choir most Sundays.",
        "He sang with the parish choir at the vigil.",
        "My sister sings in the women's chorus at the hall.",
        "She takes clozapine every night and says it makes her sleepy.",
        "His dad died of a stroke last year.",
        "Her mum died in hospital in March.",
        "My nan died at home.",
        # a time of life or an everyday event after "when" is no cause
        "My grandad died when he was ninety.",
        "Her gran died when I was away at college.",
        "She died when her son was born.",
        "His mate was killed when the car hit a tree.",
        "He does sudoku in the lounge after breakfast.",
        "She reads crime novels and listens to podcasts.",
        "He eats porridge every morning.",
        "I was on the phone to his mum for an hour.",
        "She was on the ward when I arrived.",
        "It was on the news last night.",
        "He is on the night team this week.",
        "She taught herself to cook after her mum died.",
        # a loss with no vice as its cause, or a workplace that is one
        "He lost his job at the casino when it closed.",
        "I lost my keys on the bus.",
        "She lost a lot of weight on the drink.",
        "He works in advertising now.",
        "She saw him in an advert on the bus.",
        "There was a man in the advert who looked like him.",
        "She was in a bad mood after the advert.",
        "He got shot of the old car last week.",
        "The plan was shot down by the board.",
        "He took a bullet point list to the meeting.",
        "We watched a film where a man gets stabbed.",
        "She stabbed at her food with a fork.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("I told him I did two tours in Helmand and it took years.", "did two tours"),
        ("He did a tour of duty before the accident.", "did a tour of duty"),
        ("I was in Kosovo with the army in 1999.", "with the army"),
    ],
)
def test_a_deployment_is_found_with_its_named_place(detector, text: str, phrase: str) -> None:
    from qualdeid.corpus import Document

    [doc] = detector.detect([Document(id="d", text=text)])
    assert phrase in [s.text for s in doc.spans if s.label == "RARE_DETAIL"]


@pytest.mark.parametrize(
    "text",
    [
        "We did a tour of the castle on Sunday.",
        "The band did a tour of the pubs.",
        "She was in Leeds with her mum.",
        "He gave us a tour of the new kitchen.",
    ],
)
def test_a_tour_that_is_no_deployment_is_left(detector, text: str) -> None:
    from qualdeid.corpus import Document

    [doc] = detector.detect([Document(id="d", text=text)])
    assert not [s for s in doc.spans if s.label == "RARE_DETAIL"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a drowning is an unusual death by its verb alone, with how and where it happened
        (
            "Her grandfather drowned fording the river to Kelvora in a storm.",
            "drowned fording the river to Kelvora",
        ),
        ("Her brother who drowned on the ferry journey was nineteen.", "Her brother who drowned on the ferry journey"),
        ("My uncle drowned.", "drowned"),
    ],
)
def test_a_drowning_is_found_by_its_verb(detector, text: str, phrase: str) -> None:
    assert any(phrase in hit for hit in finder_hits(detector, FAMILY, text)), finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "I was drowning in paperwork all week.",
        "The music drowned out the speeches.",
        "She drowned her sorrows at the bar.",
        "He drowned the chips in vinegar.",
        "Don't drown the plants.",
        "We felt drowned by the noise.",
    ],
)
def test_a_drowning_in_a_figure_of_speech_is_left(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
