"""A pattern search that ran out of time fails the document instead of finding nothing.

Presidio gives every pattern search a time limit (``REGEX_TIMEOUT_SECONDS``, 60 s) and, when a search
runs past it, logs a warning and goes on as if the pattern had found nothing: the document would be
written out with that pattern's identifiers in place. :class:`StrictTimeout` wraps a compiled pattern
so that the timeout becomes :class:`PatternTimedOut`, which Presidio does not catch: detection of that
document fails, and a document that failed detection is never written out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class PatternTimedOut(RuntimeError):
    """A recognizer's pattern could not search the whole text within the time limit."""


class StrictTimeout:
    """A compiled pattern whose ``finditer`` (as Presidio calls it) raises :class:`PatternTimedOut` on a
    timeout; every other attribute is the pattern's own."""

    __slots__ = ("compiled", "name")

    def __init__(self, compiled: Any, name: str) -> None:
        self.compiled = compiled
        self.name = name

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Iterator[Any]:
        try:
            yield from self.compiled.finditer(string, *args, **kwargs)
        except TimeoutError:
            limit = kwargs.get("timeout")
            raise PatternTimedOut(
                f"the pattern {self.name!r} ran past its time limit ({limit} s) on a text of {len(string):,} "
                "characters; split the file into smaller ones, or raise REGEX_TIMEOUT_SECONDS"
            ) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __getstate__(self) -> tuple[Any, str]:
        return self.compiled, self.name

    def __setstate__(self, state: tuple[Any, str]) -> None:
        self.compiled, self.name = state


def strict(compiled: Any, name: str) -> Any:
    """``compiled`` wrapped once in :class:`StrictTimeout`."""
    return compiled if isinstance(compiled, StrictTimeout) else StrictTimeout(compiled, name)
