"""Compose a draft composite vignette from coded fragments of several accounts.

No original identifier may reach the draft: every detected span of the fragment is replaced, and
every identifier known anywhere in the corpus (or in the key) is searched for in the fragment as
well, so a name missed by detection in one document is still caught from the others.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from qualdeid.compose.cast import (
    GENDER_FOR,
    Character,
    NameMention,
    NamePicker,
    Person,
    choose_focal,
    parse_mention,
    people_of,
    related_names,
)
from qualdeid.compose.config import ComposeConfig
from qualdeid.compose.pronouns import Edit, Unresolved, parser, rewrite
from qualdeid.compose.select import MAX_SHARE, CannotCompose, Fragment, fragments_on, select, trim
from qualdeid.corpus.model import Document, Span
from qualdeid.risk.checks import load_generalisations
from qualdeid.risk.identifiers import IdentifierIndex, index_corpus, load_word_names

REPLACED = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID", "DATE_TIME", "AGE", "RARE_DETAIL")
_WORD = re.compile(r"\S+")
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
#: Ages detection may leave: "(34)" after a name, "aged 34", "34 years old".
_AGE = re.compile(r"\(\s*(\d{1,3})\s*\)|\baged?\s+(?=\d)(\d{1,3})\b|\b(\d{1,3})(?=\s*(?:years?|yrs?)[ -]old\b)")


@dataclass
class Draft:
    themes: list[str]
    paragraphs: list[str]
    fragments: list[Fragment]
    notes: list[str]
    statement: str
    character: Character
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def markdown(self) -> str:
        out = [f"# Composite vignette: {', '.join(self.themes)}", "", self.text, "", f"*{self.statement}*", ""]
        if self.notes:
            out += ["<!-- Notes for the author: fix these, then delete this list before publishing. -->", ""]
            out += ["## Notes for the author (delete before publishing)", ""]
            out += [f"- {n}" for n in self.notes] + [""]
        return "\n".join(out)


class Composer:
    def __init__(
        self,
        detector,
        config: ComposeConfig,
        *,
        key_originals: Iterable[tuple[str, str]] = (),
        key_pseudonyms: Iterable[str] = (),
    ) -> None:
        from qualdeid.pseudonymise.surrogates import gender_table, nickname_table

        self.detector = detector
        self.config = config
        self.key_originals = list(key_originals)
        self.key_pseudonyms = set(key_pseudonyms)
        self.gender_table = gender_table()
        self.nicknames = nickname_table(tuple(config.rules_dirs))
        self.generalisations = load_generalisations(config.rules_dirs)
        self.word_names = load_word_names(config.rules_dirs)
        self._cache_key: tuple[tuple[str, int], ...] | None = None
        self._cache: dict[str, Document] = {}

    def compose(
        self,
        docs: list[Document],
        themes: list[str],
        *,
        sources: int = 3,
        words: int = 250,
        pronouns: str = "they",
        seed: int | None = None,
    ) -> Draft:
        if sources < 2:
            raise CannotCompose("--sources must be at least 2: a composite of one account is that account")
        candidates = fragments_on(docs, themes, self.config)
        rng = random.Random(seed)
        chosen = trim(select(candidates, sources, rng, themes), words)
        by_id = {d.id: d for d in docs}
        detected = self._detect(docs)
        index = index_corpus(detected.values(), nicknames=self.nicknames, word_names=self.word_names)
        for value, label in self.key_originals:
            index.add(value, label, "key")
        exclude = {i.value for i in index.values() if i.label == "PERSON"} | self.key_pseudonyms
        picker = NamePicker(seed, exclude, self.gender_table)
        cast = _Cast(picker, pronouns)
        paragraphs, notes = [], []
        for n, frag in enumerate(chosen, 1):
            doc = detected.get(frag.doc_id) or by_id[frag.doc_id]
            text, frag_notes = self._harmonise(doc, frag, index, cast, pronouns)
            paragraphs.append(text)
            notes += [f"paragraph {n}: {note}" for note in frag_notes]
        notes += cast.notes()
        statement = self.config.statement.format(n=len({f.source for f in chosen}))
        draft = Draft(themes, paragraphs, chosen, notes, statement, cast.composite)
        draft.provenance = _provenance(draft, sources, words, pronouns, seed)
        self._final_check(draft, index)
        return draft

    def _detect(self, docs: list[Document]) -> dict[str, Document]:
        """Detection over the whole corpus (names found in one document are removed from all), cached
        for the same documents so that several themes can be composed from one corpus cheaply."""
        key = tuple((d.id, hash(d.text)) for d in docs)
        if self._cache_key != key:
            fresh = [Document(d.id, d.text, meta=d.meta) for d in docs]
            self._cache = {d.id: d for d in self.detector.detect(fresh) if isinstance(d, Document)}
            self._cache_key = key
        return self._cache

    # ------------------------------------------------------------------ one fragment

    def _spans(self, doc: Document, frag: Fragment, index: IdentifierIndex) -> list[Span]:
        """Spans inside the fragment (offsets relative to it): detected ones, then corpus-wide identifiers."""
        out: list[Span] = []
        for s in doc.spans:
            if s.label in REPLACED and s.start < frag.end and frag.start < s.end:
                start, end = max(s.start, frag.start) - frag.start, min(s.end, frag.end) - frag.start
                out.append(Span(start, end, s.label, frag.text[start:end]))
        for i, s in enumerate(out):  # "Summer Okoro" where detection took only "Okoro": a known first name joins
            if s.label == "PERSON":
                m = _NAME_BEFORE.search(frag.text, 0, s.start)
                if m and m.group(1).lower() in self.gender_table:
                    out[i] = replace(s, start=m.start(1), text=frag.text[m.start(1) : s.end])
        extra = [(h.start, h.end, h.label) for h in index.find(frag.text)]
        for m in _AGE.finditer(frag.text):
            g = next(i for i in (1, 2, 3) if m.group(i))
            extra.append((m.start(g), m.end(g), "AGE"))
        for start, end, label in extra:
            if not any(s.start < end and start < s.end for s in out):
                out.append(Span(start, end, label, frag.text[start:end]))
        return sorted(out, key=lambda s: s.start)

    def _harmonise(
        self, doc: Document, frag: Fragment, index: IdentifierIndex, cast: _Cast, pronouns: str
    ) -> tuple[str, list[str]]:
        text = frag.text
        spans = self._spans(doc, frag, index)
        doc_people = people_of(doc, _with_index_hits(doc, index), self.config, self.gender_table, self.nicknames)
        focal = choose_focal(doc_people, frag.start, frag.end)
        titles = set(cast.titles) | self.config.worker_titles
        edits: list[Edit] = []
        others: list[tuple[int, str | None]] = []
        for s in spans:
            if s.label == "PERSON":
                mention = parse_mention(text, s.start, s.end, titles)
                person = _person_for(doc_people, mention, self.nicknames)
                role = "focal" if person is not None and person is focal else person.role if person else "other"
                character = cast.character(role, person, doc.id)
                edits.append(Edit(s.start, s.end, character.render(mention, pronouns if role == "focal" else None)))
                if role != "focal":
                    others.append((s.start, person.gender if person else None))
            else:
                edits.append(self._placeholder(text, s))
        for m in re.finditer(r"\b(\w+)\b", text):
            w = m.group(1).lower()
            if w in self.config.kinship:
                others.append(
                    (m.start(), "F" if w in self.config.female_nouns else "M" if w in self.config.male_nouns else "?")
                )
        others = [(o, g) for o, g in others if g != "?"]
        focal_gender = focal.gender if focal else None
        if focal_gender is None and focal is not None:
            focal_gender = _pronoun_majority(text)
        sdoc = parser(self.detector.config.model)(text)
        taken = [(e.start, e.end) for e in edits]
        p_edits, unresolved = rewrite(sdoc, focal_gender, pronouns, others, taken)
        new_text, moved = _apply(text, edits + p_edits)
        notes = [_unresolved_note(new_text, moved(u.start), u) for u in unresolved]
        if focal is None:
            notes.append("no focal person found in this fragment; check who the story is about")
        return _tidy(new_text), notes

    def _placeholder(self, text: str, s: Span) -> Edit:
        ph = self.config.placeholders
        if s.label == "RARE_DETAIL":
            for pattern, replacement in self.generalisations:
                if pattern.search(s.text):
                    return Edit(s.start, s.end, replacement)
        if s.label == "AGE":
            before, after = text[max(0, s.start - 1) : s.start], text[s.end : s.end + 1]
            if before == "(" and after == ")":
                lo = s.start - 1
                while lo > 0 and text[lo - 1] == " ":
                    lo -= 1
                return Edit(lo, s.end + 1, "")
            if text[max(0, s.start - 2) : s.start] == ", " and after == ",":
                return Edit(s.start - 2, s.end + 1, "")
        return Edit(s.start, s.end, ph.get(s.label, "[removed]"))

    def _final_check(self, draft: Draft, index: IdentifierIndex) -> None:
        """Belt and braces: a known identifier left in the draft is replaced by a placeholder."""
        for i, para in enumerate(draft.paragraphs):
            hits = [h for h in index.find(para) if h.certain]
            if hits:
                edits = [Edit(h.start, h.end, self.config.placeholders.get(h.label, "[removed]")) for h in hits]
                draft.paragraphs[i] = _apply(para, edits)[0]


class _Cast:
    """One composite character, one colleague, one relative; other people one fresh name each."""

    titles = ("mr", "mrs", "ms", "miss", "mx", "sir")

    def __init__(self, picker: NamePicker, pronouns: str) -> None:
        self.picker = picker
        self.composite = picker.pick(GENDER_FOR[pronouns])
        self.colleague: Character | None = None
        self.relative: Character | None = None
        self.others: dict[tuple[str, int], Character] = {}
        self.genders: dict[str, set[str | None]] = {"worker": set(), "family": set()}

    def character(self, role: str, person: Person | None, doc_id: str) -> Character:
        gender = person.gender if person else None
        if role == "focal":
            return self.composite
        if role in ("worker", "family"):
            self.genders[role].add(gender)
            attr = "colleague" if role == "worker" else "relative"
            if getattr(self, attr) is None:
                setattr(self, attr, self.picker.pick(gender))
            return getattr(self, attr)
        key = (doc_id, id(person))
        if key not in self.others:
            self.others[key] = self.picker.pick(gender)
        return self.others[key]

    def notes(self) -> list[str]:
        out = []
        for role, who in (("worker", "colleague"), ("family", "relative")):
            known = {g for g in self.genders[role] if g}
            if len(known) > 1:
                out.append(
                    f"the {who} stands for people of different genders in the accounts; "
                    "make the pronouns that refer to them agree"
                )
        return out


def _person_for(people: list[Person], mention: NameMention, nicknames: dict[str, set[str]]) -> Person | None:
    toks = {t.lower() for t in mention.tokens}
    for p in people:
        if toks & p.tokens:
            return p
    for p in people:
        if any(related_names(a, b, nicknames) for a in toks for b in p.tokens):
            return p
    return None


def _with_index_hits(doc: Document, index: IdentifierIndex) -> list[Span]:
    """The document's spans plus the corpus-wide identifiers detection missed in it (for the cast)."""
    spans = list(doc.spans)
    for h in index.find(doc.text):
        if not any(s.start < h.end and h.start < s.end for s in spans):
            spans.append(Span(h.start, h.end, h.label, doc.text[h.start : h.end]))
    return spans


def _pronoun_majority(text: str) -> str | None:
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    male = sum(w in ("he", "him", "his", "himself") for w in words)
    female = sum(w in ("she", "her", "hers", "herself") for w in words)
    if male and not female:
        return "M"
    if female and not male:
        return "F"
    return None


def _apply(text: str, edits: list[Edit]):
    """Apply non-overlapping edits (earlier-starting wins); return the text and an offset mapper."""
    kept: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    out, pos = [], 0
    shifts: list[tuple[int, int]] = []
    delta = 0
    for e in kept:
        out.append(text[pos : e.start])
        out.append(e.new)
        delta += len(e.new) - (e.end - e.start)
        shifts.append((e.end, delta))
        pos = e.end
    out.append(text[pos:])

    def moved(offset: int) -> int:
        d = 0
        for end, total in shifts:
            if end <= offset:
                d = total
        return offset + d

    return "".join(out), moved


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([,.;:!?])", r"\1", text)
    text = re.sub(r"\s*\n\s*", " ", text).strip()
    return text[:1].upper() + text[1:]


def _unresolved_note(text: str, pos: int, u: Unresolved) -> str:
    word = text[pos : pos + (u.end - u.start)]
    left = " ".join(text[:pos].split()[-5:])
    after = text[pos + len(word) :]
    right = (" " if after[:1].isspace() else "") + " ".join(after.split()[:5])
    return f"pronoun '{word}' ({u.reason}) in \"…{left} **{word}**{right}…\": fix it by hand"


def _provenance(draft: Draft, sources: int, words: int, pronouns: str, seed: int | None) -> dict[str, Any]:
    total = sum(f.words for f in draft.fragments) or 1
    share: dict[str, float] = {}
    for f in draft.fragments:
        share[f.doc_id] = share.get(f.doc_id, 0) + f.words / total
    return {
        "themes": draft.themes,
        "sources_required": sources,
        "target_words": words,
        "pronouns": pronouns,
        "seed": seed,
        "statement": draft.statement,
        "max_share_allowed": MAX_SHARE,
        "fragments": [
            {
                "paragraph": i,
                "document": f.doc_id,
                "source": f.source,
                "start": f.start,
                "end": f.end,
                "section": f.section,
                "codes": f.codes,
                "words": f.words,
            }
            for i, f in enumerate(draft.fragments, 1)
        ],
        "share_of_words": {k: round(v, 3) for k, v in sorted(share.items())},
    }
