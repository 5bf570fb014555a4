"""A role or trait the text denies its subject has is no detail of theirs ("was no <role>", "is not just a
<role>"); the same role affirmed, or a negated verb, stays a detail (invented texts)."""

from __future__ import annotations

import pytest

from helpers import covered, run

FILLER = "We had lunch in the garden and talked about the weather."


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The man at the desk was no stenographer, whatever he claimed.", "stenographer"),
        ("She is not just a stenographer to them any more.", "stenographer"),
        ("He isn't a taxidermist, he only sells the cases.", "taxidermist"),
        ("I'm not a falconer, I just feed the birds for my uncle.", "falconer"),
    ],
)
def test_a_denied_role_is_no_detail(detector, text: str, phrase: str) -> None:
    [spans, *_] = run(detector, [text, FILLER, FILLER, FILLER])
    assert not covered(text, phrase, spans)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Before the war she was a stenographer at the naval base.", "was a stenographer"),
        ("He is a taxidermist and works from a shed by the river.", "is a taxidermist"),
        ("He was no longer a falconer after the accident.", "a falconer"),
    ],
)
def test_the_same_role_affirmed_or_given_up_is_a_detail(detector, text: str, phrase: str) -> None:
    [spans, *_] = run(detector, [text, FILLER, FILLER, FILLER])
    assert covered(text, phrase, spans)
