"""Identity resolution: variants of one person become one identity; doubts are flagged."""

from __future__ import annotations

from qualdeid.pseudonymise.identity import Mention, PersonResolver, parse_person
from qualdeid.pseudonymise.surrogates import gender_table, nickname_table


def resolve(*docs: list[str]):
    resolver = PersonResolver(nickname_table(), gender_table())
    mentions = [
        Mention(f"d{i}", j * 100, j * 100 + len(t), "PERSON", t)
        for i, doc in enumerate(docs)
        for j, t in enumerate(doc)
    ]
    res = resolver.resolve(mentions)
    ident = {(m.doc, m.text): res.mention_identity[(m.doc, m.start, m.end)] for m in mentions}
    return res, ident


def test_parse_forms() -> None:
    f = parse_person("Dr Okafor's")
    assert (f.prefix, f.tokens, f.suffix, f.kind) == ("Dr ", ["Okafor"], "'s", "title_surname")
    assert parse_person("J.T.").initials == "JT" and parse_person("J.T.").kind == "initials"
    assert parse_person("Joshua Hale").kind == "full"
    assert parse_person("james’").suffix == "’"
    assert parse_person("Mrs Hale").title_gender == "F"


def test_variants_are_one_identity() -> None:
    res, ident = resolve(["Joshua Hale", "Josh"], ["josh", "Mr Hale", "Josh's", "J.H.", "Hale"])
    assert len(set(ident.values())) == 1
    assert not res.flags


def test_two_people_stay_two() -> None:
    _, ident = resolve(["Joshua Hale", "Kevin Doyle"], ["Josh", "Kev", "kevin"])
    assert ident[("d0", "Joshua Hale")] != ident[("d0", "Kevin Doyle")]
    assert ident[("d1", "Kev")] == ident[("d1", "kevin")] == ident[("d0", "Kevin Doyle")]


def test_shared_first_name_is_flagged_unless_the_document_decides() -> None:
    res, ident = resolve(["Sarah Jones", "Sarah Price"], ["Sarah Jones", "Sarah"], ["Sarah"])
    assert ident[("d1", "Sarah")] == ident[("d1", "Sarah Jones")]  # only Sarah Jones is named there
    lone = ident[("d2", "Sarah")]
    assert lone not in (ident[("d0", "Sarah Jones")], ident[("d0", "Sarah Price")])
    assert [f["kind"] for f in res.flags] == ["ambiguous_first_name"]
    assert res.flags[0]["docs"] == ["d2"] and "Sarah" not in res.flags[0]["detail"]


def test_mother_and_son_with_one_surname_are_not_merged() -> None:
    res, ident = resolve(["Joshua Hale", "Mrs Hale", "Mr Hale"])
    assert ident[("d0", "Mrs Hale")] != ident[("d0", "Joshua Hale")]
    assert ident[("d0", "Mr Hale")] == ident[("d0", "Joshua Hale")]
    assert any(f["kind"] == "surname_shared" for f in res.flags)


def test_surname_of_two_people_is_ambiguous() -> None:
    res, ident = resolve(["Amy Hale", "Joshua Hale"], ["Dr Hale"])
    assert ident[("d1", "Dr Hale")] not in (ident[("d0", "Amy Hale")], ident[("d0", "Joshua Hale")])
    assert any(f["kind"] == "ambiguous_surname" for f in res.flags)


def test_existing_identities_from_the_key_are_reused() -> None:
    resolver = PersonResolver(nickname_table(), gender_table())
    resolver.add_existing("PERSON|joshua|hale", "joshua", "hale", "", "M")
    res = resolver.resolve([Mention("new", 0, 4, "PERSON", "Josh")])
    assert res.mention_identity[("new", 0, 4)] == "PERSON|joshua|hale"


def test_a_short_form_goes_to_the_person_whose_name_is_written_that_way() -> None:
    # Robert Venn is called Bob, Rob Ashby is called Rob: both are "Robert", but "Bob" is only ever Venn
    res, ident = resolve(["Bob Venn", "Rob Ashby"], ["Bob", "bob"], ["Robert"])
    assert ident[("d1", "Bob")] == ident[("d1", "bob")] == ident[("d0", "Bob Venn")]
    assert any(f["kind"] == "resolved_by_spelling" for f in res.flags)
    # a formal form written by neither stays apart, for review
    assert ident[("d2", "Robert")] not in (ident[("d0", "Bob Venn")], ident[("d0", "Rob Ashby")])
    assert any(f["kind"] == "ambiguous_first_name" for f in res.flags)
