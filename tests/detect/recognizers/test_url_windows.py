"""The URL recognizer that searches only windows of the text finds what Presidio's own finds, in order,
less an ellipsis before a word ("...so", which Presidio reads as the domain ".so")."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from qualdeid.detect.recognizers.contact import PrefilteredUrlRecognizer

#: Pieces of text around the edges of Presidio's URL patterns: schemes, quotes, "www" with digits
#: (ASCII and not), dots, hyphens, paths, brackets, domain endings, case and letters that fold to ASCII
#: (KELVIN SIGN, LONG S), digits that are not ASCII, other scripts, spaces and line breaks.
PIECES = [
    *("http://", "https://", "HTTPS://", "www", "WWW", "www3", "ww", "w", "\u0663", "\u0968"),
    *(".", "..", "-", "/", "/a?b=1&c", "/x.y", ":", "@", '"', "'", "(", ")", "<", ">", "#"),
    *("com", "org", "net", "co", "uk", "nz", "au", "io", "Org", "COM", "K", "k", "\u212a", "\u017f", "s"),
    *("example", "tāmaki", "straße", "écrit", "x1", "9", "a", "end", "Next", "ӑ", "日本"),
    *(" ", "  ", "\n", "\t", ", ", ". "),
]


def results(recognizer: UrlRecognizer, text: str) -> list[tuple[int, int, str, float, str]]:
    found: list[RecognizerResult] = recognizer.analyze(text, ["URL"])
    if not isinstance(recognizer, PrefilteredUrlRecognizer):
        found = [r for r in found if PrefilteredUrlRecognizer.is_address(text, r.start, r.end)]
    return [(r.start, r.end, r.entity_type, r.score, r.analysis_explanation.pattern_name) for r in found]


@pytest.fixture(scope="module")
def pair() -> tuple[PrefilteredUrlRecognizer, UrlRecognizer]:
    return PrefilteredUrlRecognizer(), UrlRecognizer()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_windows_find_what_the_whole_text_gives(text: str) -> None:
    fast, plain = PrefilteredUrlRecognizer(), UrlRecognizer()
    assert results(fast, text) == results(plain, text)


@pytest.mark.parametrize(
    "text",
    [
        'See "https://www.example.org/a/b?c=1" or (www.example.net), www\u0663.example.com/x.',
        "Mail kit.marsh@example.org; the end.Next time example.co.uk/help\nand WWW.EXAMPLE.COM.",
        'x.u\u212a and \u017fite.org/p\'q\' then "example.io""example.com" done.',
        "no link here. none at all. Just words, e.g. a list.",
    ],
)
def test_windows_on_written_examples(pair: tuple[PrefilteredUrlRecognizer, UrlRecognizer], text: str) -> None:
    fast, plain = pair
    assert results(fast, text) == results(plain, text)


def test_windows_leave_presidio_patterns_alone() -> None:
    PrefilteredUrlRecognizer()
    assert all(p.compiled_regex is None or isinstance(p.compiled_regex, regex.Pattern) for p in UrlRecognizer.PATTERNS)


def test_windows_cover_links_and_skip_full_stops() -> None:
    text = "We met. Then she sent www.example.org/x to me."
    windows = PrefilteredUrlRecognizer().windows(text)
    assert len(windows) == 1
    start, end = windows[0]
    assert text[start:end].strip().endswith("www.example.org/x")
    assert "met." not in text[start:end]


def test_url_patterns_need_no_flags() -> None:
    """The windowed recognizer compiles Presidio's URL patterns without flags: only DOTALL and MULTILINE
    could differ from (?i), and they act on no character outside a character class."""
    for pattern in UrlRecognizer.PATTERNS:
        assert pattern.regex.startswith("(?i)")
        outside_classes = regex.sub(r"\\.|\[(?:\\.|[^\]])*\]", "", pattern.regex)
        assert not set(outside_classes) & {".", "^", "$"}


@pytest.mark.parametrize(
    "text",
    ["[inaudible] ...sorry, the buzzer", "she is also... [inaudible] ...struggling, so.", "and then ...she left"],
)
def test_an_ellipsis_before_a_word_is_no_address(text: str) -> None:
    assert results(PrefilteredUrlRecognizer(), text) == []
    assert results(UrlRecognizer(), text) == []  # filtered the same way: Presidio alone finds one


def test_presidio_alone_reads_an_ellipsis_as_a_domain() -> None:
    text = "[inaudible] ...sorry"
    assert UrlRecognizer().analyze(text, ["URL"]) != []


def test_addresses_stay_addresses() -> None:
    text = 'see www.example.org/page, https://foo.bar.com and "kumu.org.nz" ...so'
    found = [text[r[0] : r[1]] for r in results(PrefilteredUrlRecognizer(), text)]
    assert all(any(url in f for f in found) for url in ("www.example.org/page", "https://foo.bar.com", "kumu.org.nz"))
    assert not any(f.endswith("so") for f in found)
