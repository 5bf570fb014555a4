"""Small helpers that turn numbers into words the same way everywhere in a report."""

from __future__ import annotations

from collections.abc import Iterable


def pct(v: float | None) -> str:
    """0.9971 -> "99.7%", 1.0 -> "100%", None -> "not measured". Never rounded to 0% or 100% when it is
    not: a leak of 0.04% is "<0.1%", a recall of 99.96% is ">99.9%"."""
    if v is None:
        return "not measured"
    if 0 < v < 0.0005:
        return "<0.1%"
    if 0.9995 <= v < 1:
        return ">99.9%"
    text = f"{v * 100:.1f}"
    return f"{text.removesuffix('.0')}%"


def interval(bounds: tuple[float, float] | None) -> str:
    if bounds is None:
        return ""
    lo, hi = (f"{v * 100:.1f}".removesuffix(".0") for v in bounds)
    return f"{lo}–{hi}%"


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural_form or singular + 's')}"


def was(n: int) -> str:
    return "was" if n == 1 else "were"


def join_and(items: Iterable[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def long_date(value: str | None) -> str | None:
    """An ISO date or timestamp as "4 December 2026" (month names in full: nothing to misread)."""
    if not value:
        return None
    import datetime as dt

    try:
        d = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return f"{d.day} {d:%B %Y}"
