"""From mentions to edits: assign pseudonyms to identities (kept in the key) and plan each document's edits.

The planner works on mentions only (label, text, offsets) — never on whole texts — so the reduce
step stays small and the plan for every document is known before any output is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qualdeid.detect.names.lexicon import POSSESSIVE_ENDING
from qualdeid.edits import Edit
from qualdeid.pseudonymise.identity import (
    Mention,
    NameForm,
    PersonIdentity,
    PersonResolver,
    normalise_place,
    parse_person,
)
from qualdeid.pseudonymise.key import Key
from qualdeid.pseudonymise.operators import case_like, operator_for, with_possessive
from qualdeid.pseudonymise.policy import Policy
from qualdeid.pseudonymise.surrogates import Surrogates, formal_forms, gender_table, is_common_word, nickname_table
from qualdeid.rules import Rules

PLACE_LABELS = ("LOCATION", "ORGANIZATION")
#: Words (an apostrophe inside one, as in "O'Neill" or "Tarn's", keeps it whole) and what lies between them.
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[\W_]+")
_APOSTROPHE_S = re.compile(r"(.+?)(['’]s)", re.IGNORECASE)
_STOP = {"the", "of", "and", "at", "on", "for", "in", "de", "la", "le", "&", "st", "saint"}


@dataclass
class Plan:
    """One document's edits plus the review flags and counts for its audit entry."""

    edits: list[Edit] = field(default_factory=list)
    kept: dict[str, int] = field(default_factory=dict)  # label -> spans left as written
    flags: list[str] = field(default_factory=list)


class Planner:
    def __init__(
        self,
        key: Key,
        policy: Policy,
        locale: str,
        *,
        mark: bool = False,
        rules_dirs: tuple[Path, ...] = (),
    ) -> None:
        self.key = key
        self.policy = policy
        self.locale = locale
        self.mark_replacements = mark
        self.rules_dirs = tuple(rules_dirs)
        self.nicknames = nickname_table(self.rules_dirs)
        rules = Rules(list(rules_dirs))
        self.place_words = rules.words("pseudonymise/place_words.txt", lower=True) | rules.words(
            "names/place_heads.txt", lower=True
        )
        ids = key.identities
        for section in ("PERSON", "surnames", "LOCATION", "ORGANIZATION", "place_tokens", "ID"):
            ids.setdefault(section, {})
        self.resolution_flags: list[dict] = []
        self.mention_identity: dict[tuple[str, int, int], str] = {}
        self.surrogates: Surrogates | None = None

    # ------------------------------------------------------------------ reduce

    def reduce(self, mentions: Iterable[Mention], pins: dict[tuple[str, int, int], str] | None = None) -> None:
        """Resolve identities over the whole corpus and give every new identity its pseudonym; ``pins``
        are the researcher's identity decisions (see ``PersonResolver.resolve``)."""
        mentions = list(mentions)
        ids = self.key.identities
        forbidden: set[str] = set()
        for m in mentions:
            if m.label in ("PERSON", *PLACE_LABELS):
                forbidden |= {w.lower() for w in re.findall(r"[^\W\d_]+", m.text)}
        for p in ids["PERSON"].values():
            forbidden |= {w.lower() for f in p.get("forms", []) for w in re.findall(r"[^\W\d_]+", f)}
        forbidden |= set(ids["place_tokens"])
        used = {v.lower() for p in ids["PERSON"].values() for v in (p["pseudo_first"], p["pseudo_last"])}
        used |= {v.lower() for v in ids["surnames"].values()} | {v.lower() for v in ids["place_tokens"].values()}
        collisions = used & forbidden
        if collisions:
            self.resolution_flags.append(
                {
                    "kind": "pseudonym_now_real",
                    "docs": [],
                    "detail": f"{len(collisions)} pseudonym(s) of an earlier run equal a real name in new documents",
                }
            )
        self.surrogates = Surrogates(
            self.locale,
            self.key.secret,
            forbidden,
            used,
            common_zipf=self.policy.common_word_zipf,
            rules_dirs=self.rules_dirs,
        )
        resolver = PersonResolver(self.nicknames, gender_table())
        for k, p in ids["PERSON"].items():
            resolver.add_existing(k, p.get("first", ""), p.get("last", ""), p.get("initials", ""), p.get("gender"))
        res = resolver.resolve([m for m in mentions if m.label == "PERSON"], pins)
        self.mention_identity = res.mention_identity
        self.resolution_flags.extend(res.flags)
        for pkey in sorted(res.persons):
            self._person_entry(res.persons[pkey])
        for m in mentions:
            if m.label in PLACE_LABELS:
                self._place_entry(m)
            elif m.label == "ID":
                entry = ids["ID"].setdefault(_id_canonical(m.text), {})
                entry.setdefault("tag", self._next("ID"))

    def _next(self, label: str) -> int:
        counters = self.key.data.setdefault("counters", {})
        counters[label] = int(counters.get(label, 0)) + 1
        return counters[label]

    def _person_entry(self, p: PersonIdentity) -> dict:
        ids = self.key.identities
        entry = ids["PERSON"].get(p.key)
        assert self.surrogates is not None
        if entry is None:
            last_real = p.last or f"~{p.key}"
            if last_real not in ids["surnames"]:
                ids["surnames"][last_real] = self.surrogates.last_name(last_real)
            if p.initials and not (p.first or p.last):
                letters = self.surrogates.letters(p.key, max(2, len(p.initials)))
                first, last = letters[0], letters[-1]
                pseudo_first, pseudo_last = first, last
            else:
                pseudo_first = self.surrogates.first_name(p.key, p.gender)
                pseudo_last = ids["surnames"][last_real]
            entry = ids["PERSON"][p.key] = {
                "first": p.first,
                "last": p.last,
                "initials": p.initials,
                "gender": p.gender,
                "pseudo_first": pseudo_first,
                "pseudo_last": pseudo_last,
                "tag": self._next("PERSON"),
                "forms": [],
            }
        entry["forms"] = sorted(set(entry["forms"]) | p.forms)
        return entry

    def _place_entry(self, m: Mention) -> None:
        table = self.key.identities[m.label]
        canon = normalise_place(m.text)
        entry = table.get(canon)
        if entry is None:
            entry = table[canon] = {"tag": self._next(m.label), "forms": []}
        if m.text not in entry["forms"]:
            entry["forms"].append(m.text)
        if "pseudo" not in entry:
            entry["pseudo"] = self._invent_place(m.text, m.label, canon)

    def _invent_place(self, text: str, label: str, canon: str) -> str:
        """Specific words invented (one invented word per real word, corpus-wide), generic words kept;
        a word's possessive stays a possessive of the word that replaces it ("Tarn's Farm", "Boys' High")."""
        assert self.surrogates is not None
        tokens_map = self.key.identities["place_tokens"]
        pieces = _place_pieces(POSSESSIVE_ENDING.sub("", text))
        words = [w for w, _ in pieces if w[0].isalnum()]
        specific = [w for w in words if w.lower() not in self.place_words and w.lower() not in _STOP]
        if not specific:
            return self.surrogates.whole_place(canon, label)
        out = []
        for w, possessive in pieces:
            lw = w.lower()
            if not w[0].isalnum() or lw in self.place_words or lw in _STOP:
                out.append(w + possessive)
                continue
            if lw not in tokens_map:
                if w.isdigit() or any(c.isdigit() for c in w):
                    tokens_map[lw] = self.surrogates.digits(lw, w)
                elif w.isupper() and 2 <= len(w) <= 6:
                    tokens_map[lw] = self.surrogates.letters(lw, len(w))
                else:
                    tokens_map[lw] = self.surrogates.place_word(lw)
            out.append(with_possessive(tokens_map[lw], possessive))
        return "".join(out)

    # ------------------------------------------------------------------ map

    def plan(self, doc: str, mentions: Iterable[Mention], month_first: bool = False) -> Plan:
        """Each mention replaced by the operator its label's policy action names (``operators.py``)."""
        plan = Plan()
        replacing = _DocumentReplacing(self, doc, month_first, plan)
        for m in mentions:
            new = operator_for(m.label, self.policy.actions.get(m.label, "keep"))(replacing, m)
            if new is None or new == m.text:
                plan.kept[m.label] = plan.kept.get(m.label, 0) + 1
                continue
            plan.edits.append(Edit(m.start, m.end, new, m.label))
        return plan

    def tag(self, label: str, n: int | None = None) -> str:
        name = self.policy.tags.get(label, label)
        return f"[{name}-{n}]" if n is not None and label in self.policy.numbered else f"[{name}]"

    def mark(self, s: str) -> str:
        return f"[{s}]" if self.mark_replacements else s

    def person_name(self, form: NameForm, entry: dict) -> str:
        first, last = entry["pseudo_first"], entry["pseudo_last"]
        if form.initials:
            n = len(form.initials)
            middle = self.surrogates.letters(f"middle:{entry['tag']}", n - 2) if n > 2 and self.surrogates else ""
            letters = first[:1].upper() + middle + (last[:1].upper() if n > 1 else "")
            return _respell_initials(form.core, letters)
        word = form.tokens[0]
        lw = word.lower()
        if form.kind == "full":
            name = f"{first} {last}"
            return case_like(" ".join(form.tokens), name)
        if form.kind == "title_surname" or (entry["last"] and lw == entry["last"] and lw != entry["first"]):
            return case_like(word, last)
        if entry["first"] and lw != entry["first"] and entry["first"] in formal_forms(lw, self.nicknames):
            first = self._short_form(first)
        return case_like(word, first)

    def _short_form(self, formal: str) -> str:
        """A nickname of the pseudonym when the original was a nickname (Josh -> Dan for Joshua -> Daniel)."""
        shorts = sorted(s for s, formals in self.nicknames.items() if formal.lower() in formals)
        for s in shorts:
            if (
                self.surrogates
                and s not in self.surrogates.forbidden
                and not is_common_word(s, rules_dirs=self.rules_dirs)
            ):
                return s.capitalize()
        return formal


def _place_pieces(name: str) -> list[tuple[str, str]]:
    """``name`` as (word or separator, possessive ending) pieces: "Boys' High" -> ("Boys", "'"),
    (" ", ""), ("High", "")."""
    pieces: list[tuple[str, str]] = []
    for piece in _WORDS.findall(name):
        if piece[0] in "'’" and pieces and pieces[-1][0][-1:] in ("s", "S") and not pieces[-1][1]:
            pieces[-1] = (pieces[-1][0], piece[0])  # the plural possessive's bare apostrophe
            piece = piece[1:]
            if not piece:
                continue
        m = _APOSTROPHE_S.fullmatch(piece) if piece[0].isalnum() else None
        pieces.append((m.group(1), m.group(2)) if m else (piece, ""))
    return pieces


def _respell_initials(original: str, letters: str) -> str:
    it = iter(letters)
    return "".join(next(it, c) if c.isupper() else c for c in original)


def _id_canonical(text: str) -> str:
    return re.sub(r"[\s\-./]", "", text).lower()


class _DocumentReplacing:
    """The planner as the operators see it while it plans one document (``operators.Replacing``)."""

    def __init__(self, planner: Planner, doc: str, month_first: bool, plan: Plan) -> None:
        self.planner = planner
        self.doc = doc
        self.month_first = month_first
        self.plan = plan
        self.date_offset_days = planner.key.date_offset_days
        self.tag = planner.tag
        self.mark = planner.mark
        self.person_name = planner.person_name
        self.generalise = planner.policy.generalise

    def person(self, m: Mention) -> tuple[NameForm, dict] | None:
        pkey = self.planner.mention_identity.get((self.doc, m.start, m.end))
        form = parse_person(m.text)
        if pkey is None or form is None:
            return None
        return form, self.planner.key.identities["PERSON"][pkey]

    def identity(self, m: Mention) -> dict | None:
        canonical = _id_canonical(m.text) if m.label == "ID" else normalise_place(m.text)
        return self.planner.key.identities[m.label].get(canonical)

    def flag(self, kind: str) -> None:
        self.plan.flags.append(kind)
