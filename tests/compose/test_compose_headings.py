"""Template prompts and form labels never reach a draft; prose that merely uses the words stays."""

from __future__ import annotations

import pytest

from qualdeid.compose.composer import _sentence_case_after
from qualdeid.compose.config import load_compose_config
from qualdeid.compose.headings import Headings, recurring_lines


@pytest.fixture(scope="module")
def headings() -> Headings:
    return Headings(load_compose_config())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "1. Brief description of the interaction\nKit, her son, rang.",
            [("1. Brief description of the interaction\n", 0)],
        ),
        ("2. What was helpful (or not) Walking side by side helped.", [("2. What was helpful (or not) ", 1)]),
        ("**Why significant:** it was the first time.", [("**Why significant:** ", 2)]),
        (
            "Helpful/not: walking helped. Less helpful: the meds round.",
            [("Helpful/not: ", 1), ("Less helpful: ", None)],
        ),
        ("Not so helpful - the phone kept ringing.", [("Not so helpful - ", None)]),
        ("We walked. Why it mattered: she smiled.", [("Why it mattered: ", 2)]),
        ("## What helped\nTea.", [("## What helped\n", 1)]),
        ("Q3: why was it significant? Because.", [("Q3: why was it significant? ", 2)]),
        ("3) why the interaction was significant - trust.", [("3) why the interaction was significant - ", 2)]),
        ("Plan: ring her mum Tuesday.", [("Plan: ", None)]),
        # a template's own numbering before a prompt in the writer's words, on a line of its own
        ("Part 1 - How it all kicked off\nShift at the house.", [("Part 1 - How it all kicked off\n", None)]),
        ("Section 2: The gist\nWe sat down.", [("Section 2: The gist\n", None)]),
        ("1. Description. Visit day.", [("1. Description. ", 0)]),
        ("2. What helped / didn't. I told her.", [("2. What helped / didn't. ", 1)]),
        ("We talked. Less helpful though: the noise.", [("Less helpful though: ", None)]),
        ("Helped: the walk. Did not help: the noise.", [("Helped: ", None), ("Did not help: ", None)]),
        ("Plan for Monday: call the clinic.", [("Plan for Monday: ", None)]),
        ("We sat. Why significant to me: trust.", [("Why significant to me: ", 2)]),
        # an alternative after a slash, of up to three words
        ("2. What helped / what did not\nWe walked.", [("2. What helped / what did not\n", 1)]),
        # the prompt in another tense, with "this" or "important" for "significant"
        ("Why this is significant for me:\nHe asked.", [("Why this is significant for me:\n", 2)]),
        ("**Why it was important:** she stayed.", [("**Why it was important:** ", 2)]),
        ("Summary -\nA visit to the quarry.", [("Summary -\n", 0)]),
        ("Why it mattered —\nShe smiled.", [("Why it mattered —\n", 2)]),
        ("We walked. Didn't work: the rain.", [("Didn't work: ", None)]),
        ("Why it mattered to us.\nShe smiled.", [("Why it mattered to us.\n", 2)]),
        ("Why it mattered to me. She smiled.", [("Why it mattered to me. ", 2)]),
        # a line of its own asking what, why or how: the template's prompt in the writer's own words
        ("2) What went well, what went badly\nWe walked.", [("2) What went well, what went badly\n", None)]),
        ("Why it matter\nShe stayed.", [("Why it matter\n", None)]),
        # a prompt run on into its answer with a comma, on one line
        ("Why it mattered, she asked for the kettle.", [("Why it mattered, ", 2)]),
        ("2. What helped, Pellam sat with her.", [("2. What helped, ", 1)]),
        ("Why this one stuck with me, Pellam does a thing.", [("Why this one stuck with me, ", None)]),
        # the negative alternative after "and", "or" or a comma, ending in a negation
        ("2. What helped and what didn't\nWe walked.", [("2. What helped and what didn't\n", 1)]),
        ("2. What was helpful and what was not\nWe sat.", [("2. What was helpful and what was not\n", 1)]),
        # a one-word prompt run on with a comma into an answer a pronoun opens
        ("Significance, she's thinking of the course.", [("Significance, ", 2)]),
        # a lower-case "good:" as a form label
        ("good: the others did the lifting.", [("good: ", None)]),
        # bold opened before the number
        ("**1. Brief description**\nKit rang.", [("**1. Brief description**\n", 0)]),
        ("**2. What was helpful or not**\nWe walked.", [("**2. What was helpful or not**\n", 1)]),
        # a coded part's first line of a few words, no sentence end: a heading in the writer's own words or language
        ("Lo que pasó\nKit rang at noon.", [("Lo que pasó\n", None)]),
        ("**Tuesday visit**\nKit rang at noon.", [("**Tuesday visit**\n", None)]),
        # ... and after a number, up to five words (a prompt in dialect or in other words)
        ("1. Quick summary\nKit rang at noon.", [("1. Quick summary\n", None)]),
        ("3. Whit wey it counted\nKit rang at noon.", [("3. Whit wey it counted\n", None)]),
        # what, why or how in a few words and a colon at a line's start, the answer after it
        ("We sat.\nWhat counted most: Kit came back.", [("What counted most: ", None)]),
        ("We sat.\n\nWhat came of it all: Kit rang the clinic.", [("What came of it all: ", None)]),
        ("We sat.\n\nWhy this stick with me: Kit came back.", [("Why this stick with me: ", None)]),
        ("We sat.\n\nWhy I'm noting this one: Kit came back.", [("Why I'm noting this one: ", None)]),
        ("We sat.\n\nhelpful?:\nmostly. Kit came back.", [("helpful?:\n", None)]),
        # a prompt that says what stays with the writer, and the negative prompt cut short
        ("Why it stays with me\nKit rang at noon.", [("Why it stays with me\n", 2)]),
        ("Why this one matters to me: Kit came.", [("Why this one matters to me: ", 2)]),
        ("We sat. What wasn't helpful: the noise.", [("What wasn't helpful: ", 1)]),
        ("We sat. What didn't: the noise.", [("What didn't: ", 1)]),
        # a form's answer words under a "Helpful?" prompt, with their colon right after them
        ("Yes: letting her choose. No: the long wait.", [("Yes: ", None), ("No: ", None)]),
        ("2. Helpful?\nYes: the walk.", [("2. Helpful?\n", 1), ("Yes: ", None)]),
        # the prompt in another language first, a slash, then the template's words
        ("1. Lo que pasó / what happened\nKit rang.", [("1. Lo que pasó / what happened\n", 0)]),
        ("2. Qué ayudó / what helped / not\nTea.", [("2. Qué ayudó / what helped / not\n", 1)]),
        # a why or how line in the writer's own words, with the writer's own "me" or "I", numbered as a part or not
        ("Part 3 – why it stuck with me\nKit rang.", [("Part 3 – why it stuck with me\n", None)]),
        ("3. Why this one got to me\nKit rang.", [("3. Why this one got to me\n", None)]),
        ("How I handled it\nKit rang.", [("How I handled it\n", None)]),
    ],
)
def test_prompts_and_labels(headings: Headings, text: str, found: list[tuple[str, int | None]]) -> None:
    assert [(text[h.start : h.end], h.section) for h in headings.find(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "Context matters here, she said.",
        "She told me the background to it all.",
        "The helpful thing was tea.",
        "What happened Tuesday was bad.",
        "It was a description of her week.",
        "We walked. When she rang: nothing.",
        "Sure. Helpful as it was: no.",
        "Learning to swim.\nShe was scared.",
        "My response was slow. She waited.",
        "The situation got worse. She rang.",
        "What a day it was.\nShe stayed.",
        "Why she left\nnobody knows.",
        "How we laughed\nat the fair.",
        "How I laughed\nat the fair.",  # a sentence broken over two lines
        "Part 2 – why he rang me\nKit said.",  # someone else's reason: prose
        # a why clause with a person as subject, or prompt words as the sentence's subject
        "Why she left, I never knew.",
        "What helped, I think, was the tea.",
        "Why it mattered, she said, is trust.",
        "What happened, happened.",
        "Significance, she said, is trust.",
        "Learning, Pellam said, was hard.",
        "It was good: she came.",
        "Helpful and kind people.\nWe sat.",
        # a first line that is a sentence, holds a person or is all there is
        "Rough day.\nKit rang.",
        "Kit and I walked\nto the shop.",
        "Kit rang at noon",
        "We sat. Lo que pasó\nKit rang.",
        "1. Took Kit to the dentist in town\nthen home.",
        "Kit, Bo and Ana\nwent out.",
        "What she said: nothing.",
        "What I said: nothing.",
        "What the nurse at the front desk told us: wait.",
        "What stays with me is how Kit laughed.",
        # an answer word is a label only with its colon right after it
        "No one said: sorry.",
        "No - not yet, she said.",
        "Yes, she came.",
        "Nothing: she ate nothing.",
    ],
)
def test_prose_stays(headings: Headings, text: str) -> None:
    assert headings.find(text) == []


@pytest.mark.parametrize(
    ("composed", "removed_at", "expected"),
    [
        ("Walking helped. the meds round was late.", 16, "Walking helped. The meds round was late."),
        ("the meds round was late.", 0, "The meds round was late."),
        (
            "We walked to the shop and the meds round was late.",
            27,
            "We walked to the shop and the meds round was late.",
        ),
    ],
)
def test_a_sentence_a_form_label_opened_starts_with_a_capital(composed: str, removed_at: int, expected: str) -> None:
    assert _sentence_case_after(composed, [removed_at]) == expected


def test_no_extra_words_when_configured_so() -> None:
    config = load_compose_config()
    config.heading_extra_words = 0
    assert Headings(config).find("We talked. Less helpful though: the noise.") == []


def test_a_line_that_opens_a_paragraph_in_several_documents_is_the_corpus_template() -> None:
    docs = [
        "Wat ons doen.\nKit rang.\n\nHoe dit help.\nTea.",
        "1. Wat ons doen.\nBo sat.\n\nHoe dit help.\nA walk.",
        "Wat ons doen\nAl rang.\n\nRough day.\nTea.",
    ]
    recurring = recurring_lines(docs)
    assert recurring == {"wat ons doen"}  # "Hoe dit help." in two documents only
    found = Headings(load_compose_config(), recurring)
    text = "Wat ons doen.\nAl rang.\n\nRough day.\nTea."
    assert [text[h.start : h.end] for h in found.find(text)] == ["Wat ons doen.\n"]
    assert found.find("We sat. Wat ons doen.\nAl rang.") == []  # inside a line: prose


def test_a_template_numbering_of_parts_is_no_part_of_the_recurring_line() -> None:
    docs = [f"Part 3 – why it stayed with us\n{n} rang." for n in ("Kit", "Bo", "Al")]
    assert recurring_lines(docs) == {"why it stayed with us"}
