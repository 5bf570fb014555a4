"""A former life told as such (detect/rare/former.py), one finder on its own: what it finds, and the
ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import covered, finder_hits, run

FAMILY = "former"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a turning point after the fact
        ("He drove trams for the city transit back home.", "drove trams for the city transit"),
        ("She bred angora goats before coming over here.", "bred angora goats"),
        ("He was in a rowing eight before his first episode.", "was in a rowing eight"),
        ("Before she got unwell she restored canal barges.", "restored canal barges"),
        # what someone was or did for a living there: a role's noun is enough
        ("She trained as a vet back home and misses it.", "trained as a vet back home"),
        ("Nadia was a land surveyor back home, she said.", "was a land surveyor back home"),
        ("He ran the printing presses at a paper mill before coming over.", "ran the printing presses"),
        # a telling of one's own past
        ("I told him I tuned harpsichords for a living.", "tuned harpsichords"),
        ("I told them both that I captained a hurling side at school.", "captained a hurling side"),
        ("I told her about crewing yachts across the Atlantic.", "crewing yachts"),
        # a fact disclosed of anyone, named by a phrase or by a name, with a word less rare
        ("She told me her brother ran a sawmill on the river.", "ran a sawmill on the river"),
        ("She told me she scored the winner in a tournament final.", "scored the winner in a tournament final"),
        ("He admitted he slept in a warehouse after the divorce.", "slept in a warehouse"),
        ("It came out slowly that her father was a referee in the top league.", "was a referee in the top league"),
        # a fact told in the present: a habit, an ability, what someone is or is doing
        ("She told me she can splice steel cable by hand.", "can splice steel cable by hand"),
        ("He told me he is the only left-handed bell ringer in the valley.", "is the only left-handed bell ringer"),
        ("She told me her cousin is doing a residency at a glassworks.", "is doing a residency at a glassworks"),
        ("She told me her cousin trains falcons for the estate.", "trains falcons for the estate"),
        ("I told him about being a ferry purser for nine years.", "being a ferry purser"),
        # a past the tagger reads as a participle after its subject
        ("She told me her cousin trained falcons for the estate.", "trained falcons for the estate"),
        # a telling under a modal is no bidding
        ("I should also admit I restored harpsichords for a living.", "restored harpsichords for a living"),
        # disclosed without a telling verb
        ("Turns out he crewed a lifeboat off the point for years.", "crewed a lifeboat"),
        ("Turned out Marek drove a snowplough for the council.", "drove a snowplough"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    hits = finder_hits(detector, FAMILY, text)
    assert any(hit.startswith(phrase) for hit in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "I told him I was scared too when I first came in.",
        "I told her I cried a lot in my first weeks.",
        "I told them I would ring on Thursday about the appointment.",
        "Back home he had a big family and lots of friends.",
        "Before coming to the group she walked the dog.",
        "I told him I played football at school.",
        "He went to the shops before his appointment.",
        "She trained as a nurse and worked on the wards.",
        "Back home she worked in a shop and looked after her brothers.",
        "Before his first episode he was a student at the college.",
        "He went back home to see his mum before the holidays.",
        # a diagnosis in general terms, treatment and its words are shared by everyone in services
        "I told her I had schizophrenia in my twenties.",
        "I told him I was on meds for a long time too.",
        "I told them I spent a month in rehab once.",
        # a turning point closes the clause before it, not the next one; coming in is no migration
        "He qualified as a dentist before coming over, and he spent the morning sorting the tweezers in the kit.",
        "Her dad parked the hatchback in the lane by the gate before coming in.",
        # a telling still to come is no past told
        "The psychiatrist wanted to talk about tapering the clozapine slowly.",
        # a plain "said" frames only a rarer word; an everyday past disclosed is no detail
        "She said she missed the bus on Monday.",
        "She said her son has a library card.",
        "He told me his brother wanted a new phone.",
        "He told me he went to the shop for milk.",
        "She told me her mum came round on Sunday with a cake.",
        "I told him I lost my keys at the station.",
        "It turned out the kettle was broken.",
        "Turns out he forgot the meeting.",
        # a present state or an everyday present told is no detail; a modal of a plan or a wish carries none
        "She told me she is tired today.",
        "He told me his brother is coming on Sunday.",
        "She told me she can drive now.",
        "He told me he has a new phone.",
        "She told me her mum is in hospital again.",
        "He told me he will restore harpsichords one day.",
        "She told me she's starting a glassblowing class tomorrow.",
        "He said he can fetch a folding table from the hall.",
        "Tell him the kids want their kite back.",
        "I told her about being a bit nervous before the hearing.",
        # a literal "came out", and an experience shared with the listener
        "Everyone came out and had two slices of pie.",
        "I told her I'd slept in that same shelter in the same state once.",
    ],
)
def test_leaves_plain_pasts(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


def test_a_turning_point_right_before_the_subject_frames_its_clause(detector) -> None:
    """ "... and that back home I taught ...": the turning point opens the clause, though verbs come before."""
    text = "I told her I got ill after I arrived and that back home I taught marine biology at the university."
    [spans] = run(detector, [text])
    assert covered(text, "taught marine biology at the university", spans), [s.text for s in spans]
