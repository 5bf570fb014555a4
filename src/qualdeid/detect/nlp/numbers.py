"""Numbers written in words or digits over spaCy tokens: "sixty-one", "over a hundred", "14", "a dozen".

The number words are English grammar (a closed class), defined here once for every detector that
reads a count or an age."""

from __future__ import annotations

from spacy.tokens import Doc

UNITS = dict(
    zero=0, one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9, ten=10, eleven=11,
    twelve=12, thirteen=13, fourteen=14, fifteen=15, sixteen=16, seventeen=17, eighteen=18, nineteen=19,
)  # fmt: skip
TENS = dict(twenty=20, thirty=30, forty=40, fifty=50, sixty=60, seventy=70, eighty=80, ninety=90)
_SCALES = {"hundred": 100, "thousand": 1000}
#: vague plurals, read as the least they can mean: "hundreds of jumps" is at least 200
_VAGUE = {"dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000, "scores": 40}
#: words before a number that keep it a number phrase: "over a hundred", "more than 60", "well over"
_APPROX_WORDS = frozenset({"over", "about", "around", "nearly", "almost", "roughly", "some", "just", "under", "like"})
_APPROX_PAIRS = frozenset({("more", "than"), ("at", "least"), ("close", "to"), ("upwards", "of"), ("less", "than")})


def _digits(text: str) -> int | None:
    clean = text.replace(",", "")
    return int(clean) if clean.isdigit() and len(clean) <= 7 else None


def quantity_at(sdoc: Doc, i: int, stop: int) -> tuple[int, int] | None:
    """The number that starts at token ``i`` as ``(value, end token)``, or ``None``.

    Reads digits, number words and their compounds ("sixty-one", "a hundred and twenty"), and vague
    plurals ("dozens", "hundreds of")."""
    if i >= stop:
        return None
    first = sdoc[i].lower_
    value: int | None = None
    k = i
    if first in ("a", "an") and i + 1 < stop and sdoc[i + 1].lower_ in (*_SCALES, "dozen"):
        value, k = (_SCALES.get(sdoc[i + 1].lower_) or 12), i + 2
    elif (d := _digits(sdoc[i].text)) is not None:
        value, k = d, i + 1
    elif first in _VAGUE:
        value, k = _VAGUE[first], i + 1
        if k < stop and sdoc[k].lower_ == "of":
            k += 1
        return value, k
    elif first in UNITS or first in TENS:
        value, k = UNITS.get(first, TENS.get(first, 0)), i + 1
        if first in TENS and k + 1 < stop and sdoc[k].text == "-" and sdoc[k + 1].lower_ in UNITS:
            value, k = value + UNITS[sdoc[k + 1].lower_], k + 2
    if value is None:
        return None
    while k < stop and sdoc[k].lower_ in _SCALES:
        value, k = value * _SCALES[sdoc[k].lower_], k + 1
    if value >= 100 and k + 1 < stop and sdoc[k].lower_ == "and" and sdoc[k + 1].lower_ in {**UNITS, **TENS}:
        rest = quantity_at(sdoc, k + 1, stop)
        if rest is not None and rest[0] < 100:
            value, k = value + rest[0], rest[1]
    return value, k


def approximator_start(sdoc: Doc, i: int, floor: int) -> int:
    """First token of "over", "more than", "well over" ... just before the number at ``i``."""
    k = i
    if k - 2 >= floor and (sdoc[k - 2].lower_, sdoc[k - 1].lower_) in _APPROX_PAIRS:
        k -= 2
    elif k - 1 >= floor and sdoc[k - 1].lower_ in _APPROX_WORDS:
        k -= 1
    if k < i and k - 1 >= floor and sdoc[k - 1].lower_ in ("well", "way", "just"):
        k -= 1
    return k


#: words a number phrase can start with ("a" for "a hundred", "a dozen")
NUMBER_STARTS = frozenset({*UNITS, *TENS, *_VAGUE, "a", "an"})


def numbers_in(sdoc: Doc, lowers: list[str], bounds: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Every number phrase of a document as ``(first token, end token, value, sentence end)``; a
    number is read once ("a hundred" is not read again from "hundred")."""
    out: list[tuple[int, int, int, int]] = []
    skip_until = 0
    for i, w in enumerate(lowers):
        if i < skip_until or not (w in NUMBER_STARTS or w[:1].isdigit()):
            continue
        se = bounds[i][1]
        q = quantity_at(sdoc, i, se)
        if q is not None:
            skip_until = q[1]
            out.append((i, q[1], q[0], se))
    return out
