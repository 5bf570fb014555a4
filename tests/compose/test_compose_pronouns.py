"""The character's pronouns: every unambiguous reference, with agreement; the rest listed, never guessed."""

from __future__ import annotations

import re

import pytest

from qualdeid.compose.pronouns import parser, rewrite


def run(text: str, focal: str, target: str, others=(), focal_at=()) -> tuple[str, list[str]]:
    sdoc = parser("en_core_web_sm")(text)
    edits, unresolved = rewrite(sdoc, focal, target, list(others), [], list(focal_at))
    out = text
    for e in sorted(edits, key=lambda e: -e.start):
        out = out[: e.start] + e.new + out[e.end :]
    return out, [text[u.start : u.end] for u in unresolved]


@pytest.mark.parametrize(
    ("text", "focal", "target", "expected"),
    [
        ("Sam said he was tired and he goes home.", "M", "they", "Sam said they were tired and they go home."),
        (
            "Sam says he's been cooking. It was his idea.",
            "M",
            "they",
            "Sam says they've been cooking. It was their idea.",
        ),
        ("He's 27 and has been here six weeks.", "M", "they", "They're 27 and have been here six weeks."),
        ("He's tired today.", "M", "they", "They're tired today."),
        ("He's started college.", "M", "they", "They've started college."),
        ("He's never been asked twice.", "M", "they", "They've never been asked twice."),
        ("She's just got back.", "F", "they", "They've just got back."),
        (
            "She packed all the cookbooks she's collected.",
            "F",
            "they",
            "They packed all the cookbooks they've collected.",
        ),
        ("hes the one who found it.", "M", "they", "they're the one who found it."),
        ("She doesn't sleep and walks at night.", "F", "they", "They don't sleep and walk at night."),
        # the verb's plural by the spelling rules, whatever the lemmatizer makes of it ("hates" is no "hat")
        ("She hates the bus.", "F", "they", "They hate the bus."),
        ("He rates it low.", "M", "they", "They rate it low."),
        ("He watches the door and tries again.", "M", "they", "They watch the door and try again."),
        ("She aches all over and focuses on it.", "F", "they", "They ache all over and focus on it."),
        # questions: the verb before the pronoun agrees too
        ("Is she coming? She said so.", "F", "they", "Are they coming? They said so."),
        ("Where was he last night?", "M", "they", "Where were they last night?"),
        ("Does he like it? Has he eaten?", "M", "they", "Do they like it? Have they eaten?"),
        (
            "Sam told me she lost her keys. I gave them to her.",
            "F",
            "he",
            "Sam told me he lost his keys. I gave them to him.",
        ),
        ("Sam drove the car home himself.", "M", "she", "Sam drove the car home herself."),
        # a possessive standing for its noun takes "theirs"/"hers", one before its noun "their"/"her"
        ("The choice was his.", "M", "they", "The choice was theirs."),
        ("A friend of his came by with his van.", "M", "they", "A friend of theirs came by with their van."),
        ("That old banjo is his, not mine.", "M", "they", "That old banjo is theirs, not mine."),
        ("Mine was late but his was early.", "M", "she", "Mine was late but hers was early."),
    ],
)
def test_pronouns_follow_the_choice(text: str, focal: str, target: str, expected: str) -> None:
    assert run(text, focal, target) == (expected, [])


def test_another_person_of_that_gender_makes_it_ambiguous() -> None:
    text = "Tom met Sam. He was tired."
    assert run(text, "M", "they", [(0, "M", "P2")], [8]) == (text, ["He"])
    # but a sentence that goes on about the person the last one was about is theirs
    text = "Sam met Tom. He was tired."
    assert run(text, "M", "they", [(8, "M", "P2")], [0]) == ("Sam met Tom. They were tired.", [])


def test_a_pronoun_already_read_as_the_character_is_theirs() -> None:
    # "He" was given the character's age ("He's [age]"): no longer left for the author beside another man
    text = "Tom brought the forms. He's in his forties and he asked again."
    tom = [(0, "M", "P2")]
    assert run(text, "M", "she", tom, [text.index("He's")]) == (
        "Tom brought the forms. She's in her forties and she asked again.",
        [],
    )
    assert run(text, "M", "she", tom)[1] == ["He", "his", "he"]


def test_capitals_of_emphasis_are_kept() -> None:
    assert run("Nobody checks whether HE minds.", "M", "she") == ("Nobody checks whether SHE minds.", [])
    assert run("He said so.", "M", "they") == ("They said so.", [])


def test_one_sentence_keeps_one_reading_of_a_pronoun() -> None:
    text = "Sam needed to talk. Bo gave him soup and I gave him a story and he stayed."
    bo = [(text.index("Bo"), None, "P3")]  # nothing tells Bo's gender
    assert run(text, "M", "they", bo, [0]) == (
        "Sam needed to talk. Bo gave them soup and I gave them a story and they stayed.",
        [],
    )
    # another man in the sentence: neither is rewritten, both are left to the author
    text = "Sam needed to talk. Bo gave him soup and Tom gave him a story."
    others = [*bo, (text.index("Tom"), "M", "P4")]
    assert run(text, "M", "they", others, [0]) == (text, ["him", "him"])


def test_a_subject_pronoun_does_not_point_to_a_person_named_after_it() -> None:
    text = "Sam was up early. I noted that he cooked for six, and told Tom the OT so he can build on it."
    tom = [(text.index("Tom"), "M", "P7")]
    assert run(text, "M", "she", tom, [0]) == (
        "Sam was up early. I noted that she cooked for six, and told Tom the OT so he can build on it.",
        ["he"],
    )
    # a clause that comes first can point forward: left to the author
    text = "The kettle was on. When he came in, Tom asked for tea."
    assert run(text, "M", "she", [(text.index("Tom"), "M", "P7")]) == (text, ["he"])
    text = "The kettle was on. He came in, and Tom asked for tea."
    assert run(text, "M", "she", [(text.index("Tom"), "M", "P7")]) == (text.replace("He", "She"), [])


def test_possessive_before_a_relative_and_the_object_of_someone_else() -> None:
    text = "Sam rang. His dad Troy rang twice. Troy thinks it is too soon and wants him back home."
    others = [(text.index("dad"), "M", "P9"), (text.index("Troy"), "M", "P9"), (text.index("Troy thinks"), "M", "P9")]
    out, unresolved = run(text, "M", "they", others, [0])
    assert out == "Sam rang. Their dad Troy rang twice. Troy thinks it is too soon and wants them back home."
    assert unresolved == []


def test_a_relative_of_that_gender_earlier_in_the_paragraph_keeps_her_pronouns() -> None:
    text = "Marta rang early. Her sister Quilla came by at noon. We all sat in the garden. She brought photos."
    sister = [(text.index("sister"), "F", "P4"), (text.index("Quilla"), "F", "P4")]
    sdoc = parser("en_core_web_sm")(text)
    edits, unresolved = rewrite(sdoc, "F", "he", sister, [], [0], [sister[0]])
    assert [text[e.start : e.end] for e in edits] == ["Her"]  # "Her sister": Marta's
    assert [text[u.start : u.end] for u in unresolved] == ["She"]  # Quilla's or Marta's: the author decides
    edits, unresolved = rewrite(sdoc, "F", "he", sister, [], [0])  # without the relative: rewritten
    assert [text[e.start : e.end] for e in edits] == ["Her", "She"]


def test_nothing_changes_when_the_gender_is_unknown() -> None:
    text = "Sam said she was tired."
    assert run(text, None, "they") == (text, ["she"])


@pytest.mark.parametrize(
    ("text", "noun", "said_of_character"),
    [
        ("Marta is in her fifties, a tall man with a loud laugh.", "man", True),
        ("Marta is a quiet boy who likes birds.", "boy", True),
        ("Marta, a tall man from the coast, rang.", "man", True),
        ("Marta met a tall man at the bus stop.", "man", False),
        ("The man next door waved at Marta.", "man", False),
    ],
)
def test_a_gendered_noun_said_of_the_character(text: str, noun: str, said_of_character: bool) -> None:
    from qualdeid.compose.composer import _describes

    sdoc = parser("en_core_web_sm")(text)
    assert _describes(sdoc, text.index(noun), [text.index("Marta")]) is said_of_character


def test_gendered_nouns_follow_the_pronouns() -> None:
    from qualdeid.compose.cast import Kinship

    nouns = Kinship.load().gendered_nouns
    assert nouns["man"]["she"] == "woman" and nouns["woman"]["he"] == "man" and nouns["boy"]["they"] == "kid"
    assert nouns["woman"]["he"] == "man"  # not "bloke", though both are listed with "woman"
    # a trade named by a gendered noun ("a fisherman" said of the character in a 'she' draft)
    assert nouns["craftsman"]["she"] == "craftswoman" and nouns["fisherwoman"]["they"] == "fisher"


def test_a_sentence_about_the_character_keeps_its_pronouns_for_them() -> None:
    # another man in the sentence before; this one is about Sam, and no other man comes before "he"
    text = "The warden, Mr Pell, met us at the door. Sam went quiet the minute he saw the organ."
    pell = [(text.index("Mr Pell"), "M", "P2")]
    assert run(text, "M", "they", pell, [text.index("Sam")]) == (
        "The warden, Mr Pell, met us at the door. Sam went quiet the minute they saw the organ.",
        [],
    )
    # a sister named in the sentence before; this one is Sam's, and the sister comes after the possessive
    text = "Her sister Bea keeps the dog now. Sam showed me videos on her phone that Bea sends."
    sister = [(text.index("sister"), "F", "P4"), (text.index("Bea"), "F", "P4"), (text.rindex("Bea"), "F", "P4")]
    sdoc = parser("en_core_web_sm")(text)
    edits, unresolved = rewrite(sdoc, "F", "they", sister, [], [text.index("Sam")], sister[:1])
    assert sorted(e.start for e in edits) == [0, text.index("her phone")]
    assert unresolved == []
    # another woman before the pronoun in the same sentence: still left to the author
    text = "Sam and Bea came in. Sam told Bea that she was late."
    bea = [(text.index("Bea"), "F", "P4"), (text.rindex("Bea"), "F", "P4")]
    assert run(text, "F", "they", bea, [0, text.rindex("Sam")])[1] == ["she"]


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("The warden, an older gentleman called Mr Pell, met us.", "gentleman", True),
        ("The woman, Bea, waved.", "woman", True),
        ("She was the only woman on the crew.", "woman", False),
        ("A gentleman called to ask.", "gentleman", False),  # no one's name follows
    ],
)
def test_a_gendered_noun_said_of_a_named_other_person(text: str, noun: str, expected: bool) -> None:
    from qualdeid.compose.composer import _names_other

    named = {m.start(): "P2" for m in re.finditer(r"\b(?:Pell|Bea)\b", text)}
    assert _names_other(text, text.index(noun) + len(noun), named) is expected


@pytest.mark.parametrize(
    ("before", "writer"),
    [
        ("I told her I was ", True),
        ("when I'm ", True),
        ("I turned ", True),
        ("back when i was ", True),
        ("she was ", False),
        ("Iris was ", False),
    ],
)
def test_the_writers_own_age_takes_my(before: str, writer: bool) -> None:
    # "I was 19" becomes "I was in my teens", never the character's "in her teens"
    from qualdeid.compose.composer import _I_AM

    assert bool(_I_AM.search(before)) is writer
