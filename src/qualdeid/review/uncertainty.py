"""What a researcher should look at: the review items of a detected corpus.

Computed from finished detection (the spans with their detector and label, the text) and a
corpus-wide view, in two steps so that a corpus streams: ``candidates(doc)`` per document (which also
feeds the corpus-wide view), then, once every document was seen, ``finish()`` and ``items(doc, ...)``.

An item is either a span that was replaced but could be wrong (``action: replace``: a name that is
also a word, an everyday word only the language model called a name, a first name that fits several
people, a text found as a person and as a place) or text that was left but could identify someone
(``action: keep``: see ``candidates.py``, and the same text as an identifier the researcher added
elsewhere). Items that one decision settles — the same words read the same way across the corpus —
share a ``group``; groups rank by consequence (occurrences x uncertainty).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.corpus.model import Document, InputError, Span
from qualdeid.decisions import Decisions
from qualdeid.detect.rare.doubts import uncovered
from qualdeid.review.candidates import (
    CERTAIN_DETECTORS,
    KEEP,
    REPLACE,
    Candidate,
    CandidateFinder,
    normalise,
    opens_sentence,
    word_before,
    zipf,
)
from qualdeid.rules import Rules

_POSSESSIVE = re.compile(r"['’]s$")
#: What may stand between two words of one name: spaces on one line.
_NAME_GAP = re.compile(r"[ \t]{1,2}")
DIRECT_NAMES = ("PERSON", "LOCATION", "ORGANIZATION")
#: The family of a label: one decision settles the items of one family and one text. A person's, a
#: place's and a group's names are one family: "Hope" is one question ("a name here?") whichever
#: label each occurrence has, and the label is chosen with the decision.
FAMILY = {
    "PERSON": "name",
    "LOCATION": "name",
    "ORGANIZATION": "name",
    "CONTACT": "number",
    "ID": "number",
    "RARE_DETAIL": "detail",
    "DATE_TIME": "date",
    "AGE": "age",
}
REASONS = {  # format: reason codes
    "name-or-word": "a name that is also an everyday word: person or word here?",
    "language-model-only": "an everyday word that only the language model took for a name",
    "ambiguous-person": "a first name that fits {n} people in the corpus: which one?",
    "label": "found as {labels} in the corpus: which is it?",
    "known-name-left": "found as a person's name elsewhere in the corpus, left here",
    "capitalised": "a capitalised word that is not in the dictionary, left",
    "capitalised-phrase": "capitalised words, or words before 'road', 'garden' ...: a place, a service or a group?",
    "name-position": "a first name where a name could stand, left",
    "initials": "capitals that could be someone's initials, left",
    "number": "a number or code that could be a contact or an ID, left",
    "place": "a word after '{before}' that could be a place, left",
    "rare-detail": "an unusual detail of someone's life ('{before} ...'), left",
    "rare-doubt": "a detail of someone's life that other documents share, left: could it still identify?",
    "offered": "the same text as an identifier you added elsewhere",
    "other-script": "words in another writing system: a name as its owner writes it?",
    "relative-name": "the word after '{before}': a name?",
    "address": "a house number and a street, left",
    "road": "a numbered road, left",
    "spelled": "a word spelled out letter by letter: a name?",
    "writer": "who wrote this message: a name or a user name?",
}


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One entry of a scan record's ``review`` array (``weight`` ranks it and is not written)."""

    start: int
    end: int
    label: str
    text: str
    reason: str
    action: str  # "replace" (in spans, could be wrong) or "keep" (not in spans, could be an identifier)
    group: str
    weight: float = field(default=0.0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "reason": self.reason,
            "action": self.action,
            "group": self.group,
        }


def group_of(label: str, surface: str) -> str:
    """ "name:hope": the items one decision settles share the family of their label and their text (in
    any letter case, without a possessive or a leading article)."""
    return f"{FAMILY.get(label, label.lower())}:{normalise(surface) or surface.lower()}"


class UncertaintyFinder:
    """The review items of a corpus: ``candidates`` per document, ``finish``, then ``items`` per document.

    ``decisions`` (the project's review decisions) are used twice: a text the researcher added as an
    identifier is offered wherever else it occurs, and items on decided text are left out (unless
    ``skip_decided`` is False: the review page shows them, decided).
    """

    def __init__(
        self, rules_dirs: Iterable[Path] = (), decisions: Decisions | None = None, *, skip_decided: bool = True
    ) -> None:
        self.rules_dirs = tuple(Path(d) for d in rules_dirs)
        rules = Rules(list(self.rules_dirs))
        self.finder = CandidateFinder(rules)
        self.uncertainty = self.finder.config.uncertainty
        self.nicknames = rules.nicknames
        self.decisions = decisions if decisions is not None else Decisions()
        self.skip_decided = skip_decided
        #: identifiers the researcher added: offered wherever else they occur
        self._offered, self.offered = self._offered_pattern()
        # the corpus-wide view: words, labels and mentions of spans (in memory only, never on disk)
        self.person_forms: set[str] = set()
        self.labels_of: dict[str, set[str]] = defaultdict(set)
        self.label_counts: Counter[str] = Counter()
        self.mentions: list[tuple[str, int, int, str]] = []  # PERSON spans: (doc, start, end, text)
        self._pending: Counter[tuple[str, str]] = Counter()  # (group, a name it needs known) -> weight
        #: words left capitalised mid-sentence, by how often: often, the corpus writes a name
        self._mid_capital: Counter[str] = Counter()
        #: words of a text in another script that no dictionary holds, by how often: names recur
        self._script_words: Counter[str] = Counter()
        self._known: set[str] | None = None
        self._ambiguous: dict[tuple[str, int, int], int] | None = None
        self.ranks: dict[str, float] = {}

    def _offered_pattern(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """Identifiers the researcher added: found again in any letter case, but a name that is also an
        everyday word only as written and capitalised ("Will", never "will")."""
        added = {d.where.text: d.label or "PERSON" for d in self.decisions.occurrences if d.added}
        exact, any_case = [], []
        for text in sorted(added, key=len, reverse=True):
            if not self.finder.wordy(text.lower()):
                any_case.append(f"(?i:{re.escape(text)})")
            elif text[:1].isupper():
                exact.append(re.escape(text))
        if not (exact or any_case):
            return None, {}
        labels = {t.lower(): label for t, label in added.items()}
        return re.compile(rf"(?<![\w'’-])(?:{'|'.join(any_case + exact)})(?![\w'’-]*\w)"), labels

    # ------------------------------------------------------------------ per document

    def candidates(self, doc: Document) -> list[Candidate]:
        """This document's candidates (offsets only); records what the corpus-wide view needs."""
        text = doc.text
        for s in doc.spans:
            form = normalise(_POSSESSIVE.sub("", text[s.start : s.end]))
            self.labels_of[form].add(s.label)
            self.label_counts[form] += 1
            if s.label == "PERSON":
                self.mentions.append((doc.id, s.start, s.end, text[s.start : s.end]))
                self.person_forms.update(self.finder.name_words(text[s.start : s.end]))
        self.person_forms.update(self.finder.handle_names(text))
        self.person_forms.update(self.finder.speaker_names(text))
        out = self.finder.find(text, doc.spans)
        if doubts := uncovered(doc.doubts, doc.spans):
            # detection's own doubt about a detail is the better item than a frame word guessed here
            out = [
                c
                for c in out
                if c.kind != "rare-detail" or not any(d.start < c.end and c.start < d.end for d in doubts)
            ]
            out += [Candidate(d.start, d.end, "rare-doubt", d.label, KEEP) for d in doubts]
        if self._offered is not None:
            covered = [(s.start, s.end) for s in doc.spans]
            out += [
                Candidate(m.start(), m.end(), "offered", self.offered[m.group().lower()], KEEP)
                for m in self._offered.finditer(text)
                if not any(a < m.end() and m.start() < b for a, b in covered)
            ]
        if self.skip_decided and self.decisions:
            decided = self.decisions.decided_ranges(doc)
            out = [c for c in out if not any(a < c.end and c.start < b for a, b in decided)]
        for c in out:
            key = _POSSESSIVE.sub("", text[c.start : c.end]).lower()
            mid = c.needs_known and text[c.start].isupper() and not opens_sentence(text, c.start)
            z = zipf(key) if mid else 0.0
            rare = z < _RARE_CAPITAL_ZIPF or _alone_mid_sentence(text, c.start, c.end)
            if mid and z < self.finder.config.capital_mid_sentence_zipf and rare:  # not "She", "The"
                self._mid_capital[key] += 1
            if c.kind == "other-script" and c.needs_known:
                self._script_words[key] += 1
            self._pending[(group_of(c.label, key), key if c.needs_known else "")] += self.uncertainty.get(c.kind, 0.5)
        return out

    def finish(self) -> dict[str, float]:
        """After every document's ``candidates``: group -> consequence (occurrences x uncertainty), the
        order in which to decide (most consequential first)."""
        known = self._known_names()
        ranks: dict[str, float] = defaultdict(float)
        for (group, needs), weight in self._pending.items():
            if not needs or needs in known:
                ranks[group] += weight
        ambiguous = self._ambiguity()
        for d, a, b, text in self.mentions:
            if (d, a, b) in ambiguous:
                ranks[group_of("PERSON", text)] += self.uncertainty.get("ambiguous-person", 0.5)
        for form, labels in self.labels_of.items():
            if _label_in_doubt(labels):
                ranks[group_of("PERSON", form)] += self.uncertainty.get("label", 0.5) * self.label_counts[form]
        self.ranks = dict(ranks)
        return self.ranks

    # ------------------------------------------------------------------ with the corpus-wide view

    def items(self, doc: Document, candidates: list[Candidate]) -> list[ReviewItem]:
        """The document's review items (``candidates`` as ``candidates(doc)`` returned them)."""
        text = doc.text
        out: list[ReviewItem] = []
        for c in candidates:
            surface = text[c.start : c.end]
            if c.needs_known and _POSSESSIVE.sub("", surface).lower() not in self._known_names():
                continue
            reason = REASONS[c.kind].format(before=word_before(text, c.start))
            out.append(
                self._item(c.start, c.end, c.label, surface, reason, c.action, group_of(c.label, surface), c.kind)
            )
        ambiguous = self._ambiguity()
        for s in doc.spans:
            surface = text[s.start : s.end]
            if (n := ambiguous.get((doc.id, s.start, s.end))) is not None:
                reason = REASONS["ambiguous-person"].format(n=n)
                group = group_of("PERSON", surface)
                out.append(self._item(s.start, s.end, s.label, surface, reason, REPLACE, group, "ambiguous-person"))
            elif s.label in DIRECT_NAMES and s.detector not in CERTAIN_DETECTORS:
                form = normalise(_POSSESSIVE.sub("", surface))
                labels = self.labels_of.get(form, set())
                if _label_in_doubt(labels):
                    reason = REASONS["label"].format(labels=" and ".join(sorted(labels & set(DIRECT_NAMES))))
                    group = group_of(s.label, form)
                    out.append(self._item(s.start, s.end, s.label, surface, reason, REPLACE, group, "label"))
        out = self._one_name(text, _one_per_place(out))
        if self.skip_decided and self.decisions:
            ranges = self.decisions.decided_ranges(doc)
            out = [i for i in out if not any(a < i.end and i.start < b for a, b in ranges)]
        return out

    def _one_name(self, text: str, items: list[ReviewItem]) -> list[ReviewItem]:
        """Names left side by side ("Bùi Đặng Dương" on a form's line) are one name: one item, which one
        decision settles, ranked by its most consequential word."""
        out: list[ReviewItem] = []
        for i in items:
            last = out[-1] if out else None
            if (
                last is not None
                and i.action == KEEP == last.action
                and FAMILY.get(i.label) == "name" == FAMILY.get(last.label)
                and _NAME_GAP.fullmatch(text, last.end, i.start)
            ):
                surface = text[last.start : i.end]
                group = group_of(last.label, surface)
                rank = max(self.ranks.get(last.group, 0.0), self.ranks.get(i.group, 0.0))
                self.ranks[group] = max(self.ranks.get(group, 0.0), rank)
                out[-1] = ReviewItem(
                    last.start, i.end, last.label, surface, last.reason, KEEP, group, max(last.weight, i.weight)
                )
                continue
            out.append(i)
        return out

    def _item(
        self, start: int, end: int, label: str, text: str, reason: str, action: str, group: str, kind: str
    ) -> ReviewItem:
        return ReviewItem(start, end, label, text, reason, action, group, self.uncertainty.get(kind, 0.5))

    def _known_names(self) -> set[str]:
        """Words of the corpus's PERSON spans and their nicknames ("William" known: "Will" too), and
        words left capitalised mid-sentence often (``capital_mid_sentence_times``)."""
        if self._known is None:
            self._known = set(self.person_forms)
            for form in self.person_forms:
                self._known |= self.nicknames.related(form)
            # an everyday word the corpus writes with a capital mid-sentence again and again ("and Merry
            # said", "for Merry"): a name, though no detector took it for one
            times = self.finder.config.capital_mid_sentence_times
            self._known |= {word for word, n in self._mid_capital.items() if n >= times}
            # a word of another script no dictionary holds, written again and again: a name's
            self._known |= {word for word, n in self._script_words.items() if n >= self.finder.config.script_word_times}
        return self._known

    def _ambiguity(self) -> dict[tuple[str, int, int], int]:
        """Single first names that fit two or more full-name identities and that scrub could not
        resolve by the document: mention -> how many people it fits."""
        if self._ambiguous is not None:
            return self._ambiguous
        from qualdeid.pseudonymise.identity import Mention, PersonResolver, parse_person
        from qualdeid.pseudonymise.surrogates import formal_forms, gender_table, nickname_table

        self._ambiguous = {}
        nicknames = nickname_table(self.rules_dirs)
        surnames: dict[str, set[str]] = defaultdict(set)
        for *_, t in self.mentions:
            form = parse_person(t)
            if form is not None and form.kind == "full":
                for first in formal_forms(form.tokens[0], nicknames):
                    surnames[first].add(form.tokens[-1].lower())
        if all(len(lasts) < 2 for lasts in surnames.values()):
            return self._ambiguous  # no first name is shared by two full names
        resolver = PersonResolver(nicknames, gender_table())
        mentions = [Mention(d, a, b, "PERSON", t) for d, a, b, t in self.mentions]
        res = resolver.resolve(mentions)
        for m in mentions:
            form = parse_person(m.text)
            if form is None or form.kind != "single":
                continue
            fits = resolver.full_names_fitting(form.tokens[0].lower())
            if len(fits) > 1 and res.mention_identity.get((m.doc, m.start, m.end)) not in {p.key for p in fits}:
                self._ambiguous[(m.doc, m.start, m.end)] = len(fits)
        return self._ambiguous


#: Below this frequency a word capitalised mid-sentence counts wherever it stands; an everyday word
#: ("Meet", "Family") only alone: not in a title's capitals ("Family Support Worker"), a field ("Family:"),
#: after a turn's colon ("Ama: Yes") nor as "I'll", "I'd".
_RARE_CAPITAL_ZIPF = 5.0
_CAPITAL_NEIGHBOUR = re.compile(r"[ \t]+[A-Z]")


def _alone_mid_sentence(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if word[:2].lower() in ("i'", "i’") or text.startswith(":", end) or _CAPITAL_NEIGHBOUR.match(text, end):
        return False
    before = text[max(0, start - 30) : start].rstrip(" \t")
    return not before.endswith(":") and not re.search(r"[A-Z][\w'’-]*\Z", before)


def _label_in_doubt(labels: set[str]) -> bool:
    """A person's or a place's pseudonym? (Place or organisation: both get a place-like one.)"""
    return "PERSON" in labels and bool(labels & {"LOCATION", "ORGANIZATION"})


def ordered(items: list[ReviewItem], ranks: dict[str, float]) -> list[ReviewItem]:
    """Most consequential group first; within a group, in reading order."""
    return sorted(items, key=lambda i: (-ranks.get(i.group, 0.0), i.group, i.start))


def _one_per_place(items: list[ReviewItem]) -> list[ReviewItem]:
    """Of overlapping items, the longest (a span's doubt beats a guess about text left)."""
    out: list[ReviewItem] = []
    for i in sorted(items, key=lambda i: (i.start, -(i.end - i.start), -i.weight)):
        if out and i.start < out[-1].end:
            if i.action == REPLACE and out[-1].action != REPLACE:
                out[-1] = i
            continue
        out.append(i)
    return out


def with_review(
    finder: UncertaintyFinder,
    detected: Iterable[Document],
    reread: Iterable[Document | InputError],
    spool_dir: Path | None = None,
) -> Iterator[tuple[Document, list[ReviewItem]]]:
    """Each detected document with its review items, most consequential group first.

    Groups need the whole corpus, so the documents' spans and candidates (offsets only, no text) wait
    in a private spool until every document was detected; then the corpus is read again (``reread``:
    the same inputs, in the same order) for the texts. A document detection left out (it failed on
    it) is left out here too.
    """
    from qualdeid.detect.nlp.spool import Spool

    with Spool(spool_dir) as spool:
        for doc in detected:
            spool.write((_identity(doc), [_row(s) for s in doc.spans], finder.candidates(doc)))
        ranks = finder.finish()
        records = spool.read()
        record = next(records, None)
        for item in reread:
            if record is None:
                break
            if not isinstance(item, Document) or _identity(item) != record[0]:
                continue
            t = item.text
            item.spans = [Span(r[0], r[1], r[2], t[r[0] : r[1]], r[3], r[4], r[5], r[6]) for r in record[1]]
            yield item, ordered(finder.items(item, record[2]), ranks)
            record = next(records, None)
        if record is not None:
            raise RuntimeError("the input changed while it was being scanned; run the scan again")


def _identity(doc: Document) -> tuple[str, str, int]:
    """What tells a document from the ones beside it when the corpus is read again."""
    return (str(doc.source), doc.id, len(doc.text))


def _row(s: Span) -> tuple:
    return (s.start, s.end, s.label, s.score, s.detector, s.subtype, s.reason)
