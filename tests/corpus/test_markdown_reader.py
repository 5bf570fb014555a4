"""Markdown: the text a reader sees, mapped back to the source, and nothing with a letter left unread."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qualdeid.corpus.markdown import markdown_text
from qualdeid.pseudonymise.formats import apply_local

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

#: Pieces of Markdown, combined at random: markup of every kind around a few words. (The reference
#: label is a number: a word as a label is also the link's text, and replacing it in the text alone
#: would unlink it; scrub replaces it in the definition too, or refuses to write the file.)
PIECES = [
    "Mags", "Okafor", "Bo", " ", " ", "\n", "\n\n", "**", "*", "_", "__", "`", "```\n", "# ", "## ", "> ",
    "- ", "1. ", "    ", "[", "]", "(", ")", "](mailto:mags@example.org)", "](http://x.org/bo \"T\")", "![",
    "<b>", "</b>", "<!-- Okafor -->", "&amp;", "&#77;", "\\*", "\\", "[1]: http://y.org/mags\n", "[1]", "===\n",
    "---\n", "  \n", "<http://auto.org/okafor>", "~~", "|",
]  # fmt: skip
markdown = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def test_emphasis_links_and_escapes_are_read_as_the_reader_sees_them() -> None:
    source = "# Notes\n\n**Mags** Okafor rang [her sister](mailto:bo@example.org) \\*twice\\* &amp; left.\n"
    builder = markdown_text(source)
    assert builder.text.startswith("Notes\n\nMags Okafor rang her sister *twice* & left.")
    kinds = {builder.text[p.start : p.end]: p.kind for p in builder.parts}
    assert kinds["](mailto:bo@example.org)"] == "link or markup"  # read too, after the text


@SETTINGS
@given(markdown)
def test_every_part_is_its_source_character_for_character(source: str) -> None:
    builder = markdown_text(source)
    for p in builder.parts:
        assert source[p.slot : p.slot + (p.end - p.start)] == builder.text[p.start : p.end]


@SETTINGS
@given(markdown)
def test_no_letter_of_the_source_is_left_unread(source: str) -> None:
    builder = markdown_text(source)
    read = [False] * len(source)
    for p in builder.parts:
        for i in range(p.slot, p.slot + (p.end - p.start)):
            read[i] = True
    for m in _ENTITY.finditer(source):  # an entity is read as the character it stands for
        for i in range(m.start(), m.end()):
            read[i] = True
    unread = [source[i] for i in range(len(source)) if source[i].isalpha() and not read[i]]
    assert unread == []


@SETTINGS
@given(markdown)
@example("`Mags```\nMags`Mags")  # a longer run of backticks inside a code span does not close it
def test_replacing_a_part_in_the_source_changes_that_text_only(source: str) -> None:
    builder = markdown_text(source)
    words = [p for p in builder.parts if p.kind == "text" and builder.text[p.start : p.end].isalpha()]
    if not words:
        return
    p = words[0]
    new_source = apply_local(source, [(p.slot, p.slot + (p.end - p.start), "Zz")])
    new_text = builder.text[: p.start] + "Zz" + builder.text[p.end :]
    assert markdown_text(new_source).text == new_text
