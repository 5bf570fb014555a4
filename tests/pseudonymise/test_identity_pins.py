"""Identity decisions from review (``pins``): merge two identities, split one, nothing else moves."""

from __future__ import annotations

from qualdeid.pseudonymise.identity import Mention, PersonResolver
from qualdeid.pseudonymise.surrogates import gender_table, nickname_table


def resolve(mentions: list[Mention], pins: dict | None = None) -> dict[tuple[str, int, int], str]:
    return PersonResolver(nickname_table(()), gender_table()).resolve(mentions, pins).mention_identity


def m(doc: str, text: str, start: int = 0) -> Mention:
    return Mention(doc, start, start + len(text), "PERSON", text)


ASHBY, GARROW = m("d1", "Will Ashby"), m("d2", "Will Garrow")
WILL_D3, WILL_D4, WILL_D1 = m("d3", "Will"), m("d4", "Will"), m("d1", "Will", 40)


def key(mention: Mention) -> tuple[str, int, int]:
    return (mention.doc, mention.start, mention.end)


def test_without_pins_an_ambiguous_first_name_stays_apart() -> None:
    ids = resolve([ASHBY, GARROW, WILL_D3, WILL_D1])
    assert ids[key(WILL_D1)] == ids[key(ASHBY)]  # the document names one of them
    assert ids[key(WILL_D3)] not in (ids[key(ASHBY)], ids[key(GARROW)])


def test_merge_with_a_full_name() -> None:
    ids = resolve([ASHBY, GARROW, WILL_D3, WILL_D1], {key(WILL_D3): "W", key(GARROW): "W"})
    assert ids[key(WILL_D3)] == ids[key(GARROW)]
    assert ids[key(WILL_D1)] == ids[key(ASHBY)]


def test_merge_with_a_short_form_of_another_identity() -> None:
    ids = resolve([ASHBY, GARROW, WILL_D3, WILL_D1], {key(WILL_D3): "W", key(WILL_D1): "W"})
    assert ids[key(WILL_D3)] == ids[key(ASHBY)] == ids[key(WILL_D1)]


def test_split_a_namesake_off() -> None:
    ids = resolve([ASHBY, WILL_D3, WILL_D4])
    assert ids[key(WILL_D3)] == ids[key(WILL_D4)] == ids[key(ASHBY)]
    ids = resolve([ASHBY, WILL_D3, WILL_D4], {key(WILL_D4): "Will (the neighbour)"})
    assert ids[key(WILL_D3)] == ids[key(ASHBY)]
    assert ids[key(WILL_D4)] not in (ids[key(ASHBY)],)
    assert ids[key(WILL_D4)] == "PERSON|review:Will (the neighbour)"


def flags(mentions: list[Mention], pins: dict | None = None) -> list[dict]:
    return PersonResolver(nickname_table(()), gender_table()).resolve(mentions, pins).flags


def test_a_flag_lists_every_document_it_was_raised_for_and_is_open_without_decisions() -> None:
    WILL_D5 = m("d5", "Will")
    [flag] = flags([ASHBY, GARROW, WILL_D3, WILL_D5])
    assert flag["kind"] == "ambiguous_first_name" and flag["docs"] == ["d3", "d5"]
    assert flag["resolved"] is False


def test_a_flag_is_resolved_only_when_decisions_settle_every_mention_it_was_raised_for() -> None:
    WILL_D5 = m("d5", "Will")
    [partly] = flags([ASHBY, GARROW, WILL_D3, WILL_D5], {key(WILL_D3): "W", key(GARROW): "W"})
    assert partly["resolved"] is False
    pins = {key(WILL_D3): "W", key(GARROW): "W", key(WILL_D5): "Will (the neighbour)"}
    [settled] = flags([ASHBY, GARROW, WILL_D3, WILL_D5], pins)
    assert settled["resolved"] is True
