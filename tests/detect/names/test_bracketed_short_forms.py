"""Short forms a document defines in brackets before a person's name, and their later uses (detect/names)."""

from __future__ import annotations

from qualdeid.corpus.model import Document


def people(detector, *texts: str) -> list[list[str]]:
    docs = detector.detect([Document(f"d{i}", t) for i, t in enumerate(texts)])
    return [[s.text for s in doc.spans if s.label == "PERSON"] for doc in docs]


def test_short_forms_defined_in_brackets_are_the_person_where_written_so(detector) -> None:
    first = (
        "Sat with Nan (Nanette Quarrington on the chart, nobody calls her that) at the bench. "
        "Nan has said little since she came."
    )
    second = "Took Peregrine and Nan into town. At the counter Nan laughed. I asked my nan later."
    third = "Rook (Rookford Tapsell) was drying cups. What helped was Rook, honestly. A rook sat on the fence."
    found = people(detector, first, second, third)
    assert found[0] == ["Nan", "Nanette Quarrington", "Nan"]
    assert found[1] == ["Peregrine", "Nan", "Nan"]  # "my nan" in lower case stays the relative's word
    assert found[2] == ["Rook", "Rookford Tapsell", "Rook"]  # "A rook" stays the word


def test_a_word_before_a_bracket_that_is_no_short_form_stays_a_word(detector) -> None:
    text = "Tea (Darjeeling) was served. Mum (Rosalind) rang. Take (Takeover Ltd) forms."
    assert people(detector, text) == [["Rosalind"]]


def test_a_word_before_a_full_name_in_brackets_opening_as_it_does_is_its_short_form(detector) -> None:
    text = (
        "Lark (Leopold Hölloway) has been here a month. The cook sat with Lark at tea. "
        "Lark went quiet when the van came. A lark sang over the yard."
    )
    assert people(detector, text) == [["Lark", "Leopold Hölloway", "Lark", "Lark"]]
