"""Rare details found by phrase frames: roles, bodies, families (rare_roles, rare_body, rare_family)."""

from __future__ import annotations

import pytest

from helpers import assert_found, covered, run
from qualdeid.corpus.model import Document
from qualdeid.detect.rare.processor import RareDetailProcessor
from qualdeid.rules import Rules


@pytest.mark.parametrize(
    ("text", "phrase", "subtype"),
    [
        # roles: a lexicon job, a notable modifier, an uncommon head, "as a", "ex-"
        ("Her uncle was a famous pastry judge on the radio.", "was a famous pastry judge", "occupation"),
        ("Apparently he was a child model in catalogues.", "was a child model in catalogues", "occupation"),
        ("She spent six years as a ferry captain.", "as a ferry captain", "occupation"),
        ("He is an ex-army sniper and hates fireworks.", "sniper", "occupation"),
        ("My brother worked as a locksmith for the council.", "worked as a locksmith", "occupation"),
        ("She was once a professional wrestler in Mexico.", "was once a professional wrestler", "occupation"),
        ("She still talks about her trapeze days.", "her trapeze days", None),
        ("He kept his skipper's ticket current.", "his skipper's ticket", "occupation"),
        ("She is the granddaughter of a former prime minister.", "the granddaughter of a former prime minister", None),
        ("He used to umpire first-class cricket.", "used to umpire first-class cricket", "occupation"),
        # bodies: counts of parts, replaced parts, heights
        ("He has one green eye and one grey eye.", "has one green eye and one grey eye", "physical_trait"),
        ("She was born with an extra thumb.", "born with an extra thumb", "physical_trait"),
        ("Since the surgery he only has one kidney.", "only has one kidney", "physical_trait"),
        ("He has a steel pin instead of a thumb.", "has a steel pin instead of a thumb", "physical_trait"),
        ("She stands six foot eight in socks.", "stands six foot eight", "physical_trait"),
        # families: large, rank, raised by, adopted, upbringing
        ("They fostered more than forty children over the years.", "fostered more than forty children", "family"),
        ("He is the eldest of twelve kids.", "the eldest of twelve kids", "family"),
        ("She was brought up by her great-aunt.", "was brought up by her great-aunt", "family"),
        ("He was adopted from overseas as a baby.", "was adopted", "family"),
        ("She grew up on a houseboat.", "grew up on a houseboat", None),
        ("He grew up in an orphanage run by monks.", "grew up in an orphanage", None),
        # marks, hair, organs
        ("She has a burn scar down the side of her face.", "has a burn scar down the side of her face", None),
        ("He has hair down to his waist.", "has hair down to his waist", "physical_trait"),
        ("She gave a kidney to her brother last spring.", "gave a kidney to her brother", "life_event"),
        # events: famous people, rescues, the news, counted feats, manner, works, family events
        ("Her grandad once had tea with the Queen.", "had tea with the Queen", "life_event"),
        ("He dragged a woman out of the floodwater.", "dragged a woman out of the floodwater", "life_event"),
        ("She was on the evening news after the storm.", "was on the evening news", "life_event"),
        ("He has done over three hundred skydives.", "has done over three hundred skydives", "life_event"),
        ("She can play the whole sonata with her eyes closed.", "can play the whole sonata with her eyes closed", None),
        ("He carved the totem outside the library.", "carved the totem outside the library", None),
        ("She published a memoir about the farm.", "published a memoir about the farm", None),
        ("He married his second cousin.", "married his second cousin", "family"),
        ("She lost both her brothers in the mine collapse.", "lost both her brothers in the mine collapse", None),
        # hobbies through their verbs, crafts done habitually, unusual birthplaces
        ("She busks outside the station most Fridays.", "busks outside the station", "hobby"),
        ("He used to restore old theatre organs.", "used to restore old theatre organs", "hobby"),
        ("He was born on a ferry in a storm.", "was born on a ferry", "life_event"),
        ("Her son is serving a life sentence.", "is serving a life sentence", "life_event"),
        ("He once sang backing vocals on a soap opera theme.", "sang backing vocals on a soap opera theme", None),
        # made parts, odd tools, rare accidents, streaks, first in a family, levels of play, foundlings
        ("He has a metal arm from the war.", "has a metal arm", "physical_trait"),
        ("She was born without a right foot.", "was born without a right foot", "physical_trait"),
        ("He has a collection of 400 teapots.", "has a collection of 400 teapots", "hobby"),
        ("She spent a year on a research ship.", "spent a year on a research ship", None),
        ("She can paint portraits with her toes.", "can paint portraits with her toes", "hobby"),
        ("He was gored by a bull at a rodeo.", "was gored by a bull", "life_event"),
        ("She has sung at every Anzac service since 1970.", "has sung at every Anzac service since", None),
        ("He was the first in his village to learn to read.", "was the first in his village to learn", None),
        ("She played netball semi-professionally.", "played netball semi-professionally", "life_event"),
        ("He was left in a basket outside a church.", "was left in a basket outside a church", "family"),
        ("He has a triplet brother who is a priest.", "has a triplet brother who is a priest", "family"),
        # animals
        ("He keeps a pet duck in the flat.", "keeps a pet duck", "pet"),
        ("She has a pet sheep that sleeps in the laundry.", "has a pet sheep that sleeps in the laundry", "pet"),
        ("She has a crow she raised from a chick.", "a crow she raised from a chick", "pet"),
    ],
)
def test_frames_find_the_detail(detector, text: str, phrase: str, subtype: str | None) -> None:
    assert_found(detector, text, phrase, subtype)


@pytest.mark.parametrize(
    "text",
    [
        "She used to be a hairdresser before the kids came along.",
        "He worked as a cleaner at the hospital for years.",
        "My dad was a good listener.",
        "She was a bit of a worrier as a child.",
        "He was the first one to arrive.",
        "Keep one eye on the pot while it boils.",
        "She had one hand on the railing.",
        "He held the cup with one hand.",
        "The wall is six foot high.",
        "He is six foot tall.",
        "She has two kids and a dog.",
        "There were 80 kids at the school fete.",
        "The new policy was adopted by the board.",
        "She was raised by her mum and dad.",
        "He grew up on a farm out west.",
        "She grew up in a big family.",
        "It was the first of ten sessions.",
        "She has a scar on her knee from netball.",
        "He washed his hair and had a shave.",
        "He gave his heart to her years ago.",
        "We watched the Queen's speech on the telly.",
        "The group saved my life, she said.",
        "He was on the phone to his sister all evening.",
        "She has two cats and a budgie.",
        "He painted a picture in art group.",
        "She made up a story about the neighbours.",
        "He lost his keys and his wallet in the park.",
        "Her pet hate is people being late.",
        "She watched the footy on the telly with her dad.",
        "We had a flood in the laundry last week.",
        "He has a criminal record.",
        "She juggled the oranges to make the kids laugh.",
        "He hurled a chair at the wall.",
        "He collects his pension from the post office.",
        "She used to fix cars with her dad.",
        "He was born in hospital like his brothers.",
        "She had an artificial hip put in last year.",
        "He opened the gate with his foot.",
        "She was hit by a car on the way home.",
        "He has been to every meeting since March.",
        "She left her bag in the car.",
        "She got her driver's licence last week.",
        "Her nursing career ended early.",
        "His footy days are over now.",
        "She is the wife of a local builder.",
        "He spent a month in hospital after the fall.",
        "She has a collection of 12 mugs.",
        "A hawk flew over the car park.",
    ],
)
def test_frames_leave_ordinary_content_alone(detector, text: str) -> None:
    assert run(detector, [text]) == [[]]


def test_uncommon_role_needs_within_corpus_rarity(detector) -> None:
    """A role whose only evidence is general-language rarity is dropped where most documents share it."""
    detail = "She said she had been an usher before the war."
    filler = "We had lunch in the garden and talked."
    [spans, *_] = run(detector, [detail, filler, filler, filler, filler])
    assert covered(detail, "had been an usher", spans)
    assert "uncommon occupation" in spans[0].reason
    shared = [f"Staff member {i} was an usher once." for i in range(6)]
    assert run(detector, shared) == [[]] * 6


def test_a_date_inside_a_detail_splits_it_instead_of_dropping_it(detector) -> None:
    text = "He spent ten years as a lighthouse keeper."
    proc = RareDetailProcessor(Rules())
    sdoc = detector.nlp(text)
    doc = Document(id="d", text=text)
    from qualdeid.corpus.model import Span

    date = Span(start=text.index("ten years"), end=text.index("ten years") + 9, label="DATE_TIME")
    candidates, observation = proc.first_pass(doc, sdoc, [date])
    proc.observe(doc.id, observation)
    spans = proc.second_pass(doc, candidates, [date])
    texts = [s.text for s in spans]
    assert "as a lighthouse keeper" in texts
    assert not any("ten years" in t for t in texts)


def test_phrases_do_not_end_on_a_dangling_word(detector) -> None:
    text = "she keeps ferrets in her bedroom which is kinda gross"
    [spans] = run(detector, [text])
    assert [s.text for s in spans] == ["keeps ferrets in her bedroom"]
    text = "He used to pop his glass eye out for the kids."
    [spans] = run(detector, [text])
    assert spans and spans[0].text.startswith("used to pop his glass eye out")


def test_a_detail_runs_on_over_a_second_verb_of_its_subject(detector) -> None:
    text = "Marit builds coracles by hand and sells them at the county fair."
    [spans] = run(detector, [text])
    assert [s.text for s in spans] == ["builds coracles by hand and sells them at the county fair"]


@pytest.mark.parametrize(
    "text",
    ["She keeps ferrets in the shed and said it was fine.", "He used to race pigeons and told me about the loft."],
)
def test_a_detail_stops_before_a_telling(detector, text: str) -> None:
    [spans] = run(detector, [text])
    assert spans and not any(w in s.text for s in spans for w in ("said", "told"))


@pytest.mark.parametrize(("place", "whole"), [("Bolivia", True), ("Tarija", False)])
def test_a_detail_keeps_a_country_but_is_cut_around_a_town(detector, place: str, whole: bool) -> None:
    from qualdeid.corpus.model import Span

    text = f"He told me he worked as a lighthouse keeper in {place} for years."
    proc = RareDetailProcessor(Rules())
    loc = Span(start=text.index(place), end=text.index(place) + len(place), label="LOCATION")
    candidates, observation = proc.first_pass(Document(id="d", text=text), detector.nlp(text), [loc])
    proc.observe("d", observation)
    texts = [s.text for s in proc.second_pass(Document(id="d", text=text), candidates, [loc])]
    assert any(place in t for t in texts) == whole, texts


def test_a_timed_feat_keeps_its_time(detector) -> None:
    from qualdeid.corpus.model import Span

    text = "He told me he can hold his breath for four minutes."
    proc = RareDetailProcessor(Rules())
    start = text.index("four minutes")
    time = Span(start=start, end=start + len("four minutes"), label="DATE_TIME", detector="SpacyRecognizer")
    candidates, observation = proc.first_pass(Document(id="d", text=text), detector.nlp(text), [time])
    proc.observe("d", observation)
    texts = [s.text for s in proc.second_pass(Document(id="d", text=text), candidates, [time])]
    assert "can hold his breath for four minutes" in texts, texts
