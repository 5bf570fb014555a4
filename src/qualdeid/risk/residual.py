"""The identifiers ``qualdeid risk`` fails a text for, as a function other layers can call.

``compose`` checks each fragment and each draft with it, so that a draft never fails its own risk
check for an identifier. The rules are those of the ``residual_identifier`` check
(:meth:`qualdeid.risk.RiskChecker.check`): a corpus identifier found with confidence (not a common
word, written as the corpus writes it, no listed term: holidays, clinical and legal terms, kinds of
service, te reo Māori and Pacific words; no very large place, a city of half a million or a capital),
and a name the text itself holds (as detection found it there) that the corpus writes as a name
inside a sentence and that is no common word. A word standing where it names a thing (a product after a
measure, a language's variety, a day the text dates, a dictionary word opening its sentence:
:mod:`qualdeid.risk.wordplace`) is no identifier there, as ``compose`` leaves it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qualdeid.corpus.model import Span
from qualdeid.risk.corpus import NAME_LABELS, CorpusProfile
from qualdeid.risk.identifiers import KEY_SOURCE
from qualdeid.risk.wordplace import word_places


@dataclass(frozen=True, slots=True)
class Residual:
    start: int
    end: int
    label: str


def residual_identifiers(
    profile: CorpusProfile, text: str, spans: Iterable[Span] = (), kept: frozenset[str] = frozenset()
) -> list[Residual]:
    """The identifiers risk would fail ``text`` for, by position. ``spans`` are what detection found
    in ``text`` (offsets into it); ``kept`` the texts (lower case) a reviewer decided are no
    identifiers."""
    never = profile.never
    # a phrase of several words that is a people or a country ("Pacific Islander") holds no one's name,
    # however detection split it
    never_spans = never.spans(text) + [(a, b) for a, b in profile.never_places.spans(text) if " " in text[a:b]]
    places = word_places(tuple(profile.config.rules_dirs))
    dated = places.dated_days(text)

    def thing_here(start: int, end: int, label: str, keyed: bool = False) -> bool:
        if keyed:  # an original value of the key is one wherever it stands, but as a product or a day
            return places.product_at(text, start, end) or (label != "PERSON" and text[start:end] in dated)
        return bool(places.thing_here(text, start, end, label, dated, profile.index.in_dictionary))

    out: list[Residual] = []
    for hit in profile.index.find(text):
        value = text[hit.start : hit.end]
        if not hit.confident or value in never or within(hit.start, hit.end, never_spans):
            continue
        if thing_here(hit.start, hit.end, hit.label, KEY_SOURCE in hit.sources):
            continue  # "a can of Zestrovo", "Quillfest is on 10 April": a thing here, as compose leaves it
        if KEY_SOURCE not in hit.sources and profile.large_place(value, hit.label):
            continue  # a very large place ("London"): alone it points at nobody
        out.append(Residual(hit.start, hit.end, hit.label))
    index = profile.index
    for s in spans:
        if s.label not in NAME_LABELS:
            continue
        value = text[s.start : s.end]
        if s.label != "PERSON" and value in profile.never_places:
            continue  # "a Zhuang boy" that detection took for an organisation: a people, nobody's body or place
        for part in sorted(index.variants(value, s.label), key=len, reverse=True):
            at = value.replace("\u2019", "'").find(part)
            if at < 0 or not part[:1].isupper():
                continue
            a, b = s.start + at, s.start + at + len(part)
            if any(r.start < b and a < r.end for r in out) or part in never or within(a, b, never_spans):
                continue
            if value.lower() in kept:
                break
            if thing_here(a, b, s.label):
                continue
            named, _ = profile.docs_naming(part)
            if named and not index.is_common(part, s.label) and not profile.large_place(part, s.label):
                out.append(Residual(a, b, s.label))
    return sorted(out, key=lambda r: r.start)


def within(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Wholly inside one of the ranges ("Day" of "Anzac Day"; not "Kestrel Ward" for its "ward")."""
    return any(s <= start and end <= e for s, e in ranges)
