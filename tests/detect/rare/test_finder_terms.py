"""Lexicon words and rare words judged in their frame (detect/rare/terms.py), one finder on its own: what it finds,
and the ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "terms"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("She used to race pigeons with her dad.", "used to race pigeons with her dad"),
        ("He speaks fluent Basque.", "speaks fluent Basque"),
        ("She taught herself Latvian from old radio plays.", "taught herself Latvian from old radio plays"),
        ("He interprets in Auslan for his grandparents.", "interprets in Auslan for his grandparents"),
        ("She keeps ferrets in the shed.", "keeps ferrets in the shed"),
        # a job as a post is a detail when the job is rare or the post is singled out; a common one with "a"
        ("Her cousin is the lamplighter now.", "is the lamplighter"),
        ("He was the last wheelwright in the valley.", "was the last wheelwright in the valley"),
        ("Her uncle is a priest in the next parish.", "is a priest in the next parish"),
        # someone's achievement named by where or what it was won
        ("He is defending his Ballymore title this summer.", "is defending his Ballymore title"),
        ("They brought their medals from the Varnley Games.", "their medals from the Varnley Games"),
        # after "used to" a word less rare still counts (used_to_zipf)
        ("He used to teach woodcarving at a technical college.", "used to teach woodcarving at a technical college"),
        # a very rare thing or job needs no frame when it is not a mere mention
        ("He still has his racing silks framed on the wall.", "still has his racing silks"),
        ("Her sister stitches costumes for drag queens.", "stitches costumes for drag queens"),
        ("He took up ice-climbing after the divorce.", "took up ice-climbing after the divorce"),
        ("She talks to her ferret every night.", "her ferret"),
        ("She told him about her clifftop bees.", "her clifftop bees"),
        # a title whose modifier the small tagger reads as a verb ("welding") is still what "won" governs
        (
            "He won the under-21 welding championship back in the day.",
            "won the under-21 welding championship back in the day",
        ),
        ("He is a taxidermist in the next village.", "is a taxidermist in the next village"),
        ("He has been a wheelchair user since the crash.", "has been a wheelchair user"),
        # "it was" names a cause here, not a thing: the pastime after "from" is still someone's
        ("His back is bad and he says it is from falconry as a boy.", "is from falconry as a boy"),
        # placings
        (
            "He came third in the national ferret racing championship.",
            "came third in the national ferret racing championship",
        ),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "She used to cook for the family.",
        "He showed me his title from work.",
        "He loves his Netflix awards show.",
        "He speaks English at home.",
        # a negation says the opposite (speaking a language plainly is judged across the corpus: test_rare)
        "She doesn't speak Latvian at all.",
        "He can talk to the Greek volunteer on Fridays.",  # a people's adjective, not a language spoken
        # a thing of a lexicon named after "the" outside any frame is a later mention, not the fact
        "Nobody on the ward asks him about the theremin.",
        "She keeps biscuits in the shed.",
        "He used to go to the gym before his knee went.",
        "She used to live with her sister.",
        # "came" is an achievement only with a placing after it
        "The lizard came shooting out from behind the radiator.",
        # a wish or a view of someone is no fact of a life
        "She wants to breed ferrets when she gets a house.",
        "Mr Tully wants him as the blacksmith in the nativity play.",
        "I wanted him to see himself as the champion of his own story.",
        # the verb of an achievement noun is no achievement
        "I explained which of the sessions gets recorded.",
        # a rare thing or job named as a mention, not as what someone does or has
        "We all went along to a rodeo on Saturday.",
        "He found the coin with a metal detector.",
        "His voice was deep, like a ringmaster.",
        "She ended up in the bookies after her shift.",
        # a comparison or a hedge is no one's job or pastime
        "He is fitter than most taxidermists.",
        "Honestly the noise it makes is like a theremin.",
        "Most days I am a sort of falconer for the pigeons on the roof.",
        # a job denied is no one's job
        "She should not be the taxidermist for the whole family.",
        "He does not want to become a falconer.",
        "I was not a taxidermist, whatever they wrote.",
        # a common job named with "the" or a possessive is a post of the setting, no fact of a life
        "He is the pastor at the chapel on the hill.",
        "The one who helps me most is our priest.",
        "Last time my brother was the interpreter for the whole visit.",
        # being in a wheelchair is common with age and illness in care settings (a "wheelchair user" is found)
        "Her granddad came round in a wheelchair after his fall.",
        # a "be" with no one as its subject names a thing
        "There is a falconry club at the library on Tuesdays.",
        # an animal common in general language is no detail only by being someone's
        "Her bees swarmed in the cold.",
        "Her hens stopped laying in the cold.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
