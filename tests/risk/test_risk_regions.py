"""What of a checked text reaches a reader: headings, front matter, comments and notes for the author
are not checked; offsets stay those of the text as written."""

from __future__ import annotations

from qualdeid.risk.regions import blank, unchecked

DRAFT = """---
title: Ottoline and the ferry
---
# Composite vignette: Ottoline

She sat with the group.

<!-- Notes for the author: fix these. -->

## Notes for the author (delete before publishing)

- "she" in paragraph 1 could be Ottoline

## After the notes

Back to text.
"""


def test_front_matter_headings_comments_and_notes_are_not_checked() -> None:
    ranges = unchecked(DRAFT, ["notes for the author"])
    kept = blank(DRAFT, ranges)
    assert len(kept) == len(DRAFT)
    assert "She sat with the group." in kept and "Back to text." in kept
    assert "Ottoline" not in kept and "title" not in kept and "Notes" not in kept and "After the notes" not in kept
    assert kept.count("\n") == DRAFT.count("\n")


def test_plain_text_is_checked_whole() -> None:
    text = "No headings here.\n#hashtag is not a heading, nor is #codes: a, b"
    assert unchecked(text, ["notes for the author"]) == []


def test_a_markdown_file_read_as_its_reader_sees_it_keeps_its_headings_and_notes_unchecked(tmp_path) -> None:
    from qualdeid.corpus.readers import Corpus
    from qualdeid.risk.regions import unchecked_in

    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    (doc,) = list(Corpus([path]))
    kept = blank(doc.text, unchecked_in(doc, ["notes for the author"]))
    assert "She sat with the group." in kept and "Back to text." in kept
    assert "Ottoline" not in kept and "Notes" not in kept and "After the notes" not in kept
