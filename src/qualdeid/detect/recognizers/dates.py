"""Named holidays ("Anzac Day", "Diwali", "Easter 2019") from ``rules/lexicons/holidays.txt``."""

from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from qualdeid.detect.recognizers.yaml_patterns import CompiledPattern
from qualdeid.labels import DATE_TIME

YEAR_SUFFIX = r"(?:[ \t]+(?:(?:19|20)\d\d|['’]\d\d))?"


def holiday_pattern(name: str) -> str:
    """A holiday's name as a pattern: any apostrophe, any spacing, "St." as well as "St"."""
    pattern = regex.escape(name).replace("'", "['’]").replace(r"\ ", r"[ \t]+")
    return regex.sub(r"^St(?=\[)", r"St\\.?", pattern)


def holiday_recognizer(holidays: set[str]) -> PatternRecognizer | None:
    """One compiled alternation over all holidays (longest first), case-sensitive, with an optional year.

    Compiled once through the store of compiled patterns (``nlp/regex_cache.py``), as the YAML patterns
    are: Presidio's own ``Pattern`` parsed the long alternation at every start to check it."""
    if not holidays:
        return None
    names = sorted(holidays, key=len, reverse=True)
    alternation = "|".join(holiday_pattern(n) for n in names)
    pattern = rf"(?<![\w'’])(?:{alternation})(?![\w'’]){YEAR_SUFFIX}"
    return PatternRecognizer(
        supported_entity=DATE_TIME,
        name="HolidayRecognizer",
        supported_language="en",
        patterns=[CompiledPattern(name="holiday", regex=pattern, score=0.7, flags=0)],
        global_regex_flags=0,
    )
