"""From mentions to edits: assign pseudonyms to identities (kept in the key) and plan each document's edits.

The planner works on mentions only (label, text, offsets) — never on whole texts — so the reduce
step stays small and the plan for every document is known before any output is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qualdeid.pseudonymise.dates import band_age, transform_date
from qualdeid.pseudonymise.identity import Mention, NameForm, Person, PersonResolver, normalise_place, parse_person
from qualdeid.pseudonymise.key import Key
from qualdeid.pseudonymise.policy import Policy
from qualdeid.pseudonymise.replace import Edit
from qualdeid.pseudonymise.surrogates import Surrogates, formal_forms, gender_table, is_common_word, nickname_table
from qualdeid.rules import Rules

PLACE_LABELS = ("LOCATION", "ORGANIZATION")
_WORDS = re.compile(r"[^\W_]+|[\W_]+", re.UNICODE)
_STOP = {"the", "of", "and", "at", "on", "for", "in", "de", "la", "le", "&", "st", "saint"}
_POSSESSIVE = re.compile(r"(['’]s|(?<=s)['’])$", re.IGNORECASE)


def _case_like(original: str, new: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.islower() for c in letters):
        return new.lower()
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    return new


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
        self.mark = mark
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

    def _person_entry(self, p: Person) -> dict:
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
        """Specific words invented (one invented word per real word, corpus-wide), generic words kept."""
        assert self.surrogates is not None
        tokens_map = self.key.identities["place_tokens"]
        core = _POSSESSIVE.sub("", text)
        parts = _WORDS.findall(core)
        words = [w for w in parts if w[0].isalnum()]
        specific = [w for w in words if w.lower() not in self.place_words and w.lower() not in _STOP]
        if not specific:
            return self.surrogates.whole_place(canon, label)
        out = []
        for w in parts:
            lw = w.lower()
            if not w[0].isalnum() or lw in self.place_words or lw in _STOP:
                out.append(w)
                continue
            if lw not in tokens_map:
                if w.isdigit() or any(c.isdigit() for c in w):
                    tokens_map[lw] = self.surrogates.digits(lw, w)
                elif w.isupper() and 2 <= len(w) <= 6:
                    tokens_map[lw] = self.surrogates.letters(lw, len(w))
                else:
                    tokens_map[lw] = self.surrogates.place_word(lw)
            out.append(tokens_map[lw])
        return "".join(out)

    # ------------------------------------------------------------------ map

    def plan(self, doc: str, mentions: Iterable[Mention], month_first: bool = False) -> Plan:
        plan = Plan()
        for m in mentions:
            action = self.policy.actions.get(m.label, "keep")
            new = self._replacement(doc, m, action, month_first, plan)
            if new is None or new == m.text:
                plan.kept[m.label] = plan.kept.get(m.label, 0) + 1
                continue
            plan.edits.append(Edit(m.start, m.end, new, m.label))
        return plan

    def _tag(self, label: str, n: int | None = None) -> str:
        name = self.policy.tags.get(label, label)
        return f"[{name}-{n}]" if n is not None and label in self.policy.numbered else f"[{name}]"

    def _mark(self, s: str) -> str:
        return f"[{s}]" if self.mark else s

    def _replacement(self, doc: str, m: Mention, action: str, month_first: bool, plan: Plan) -> str | None:
        label = m.label
        ids = self.key.identities
        if label == "PERSON":
            pkey = self.mention_identity.get((doc, m.start, m.end))
            form = parse_person(m.text)
            if pkey is None or form is None:
                return self._tag(label) if action == "placeholder" else None
            entry = ids["PERSON"][pkey]
            if action == "placeholder":
                return form.prefix + self._tag(label, entry["tag"]) + form.suffix
            return form.prefix + self._mark(self.person_name(form, entry)) + form.suffix
        if label in PLACE_LABELS:
            entry = ids[label].get(normalise_place(m.text))
            if entry is None:
                return self._tag(label)
            if action == "placeholder":
                return self._tag(label, entry["tag"])
            suffix = (_POSSESSIVE.search(m.text) or [""])[0]
            return self._mark(_case_like(m.text, entry["pseudo"])) + suffix
        if label == "ID":
            entry = ids["ID"].get(_id_canonical(m.text))
            return self._tag(label, entry["tag"] if entry else None)
        if label == "CONTACT":
            return self._tag(label)
        if label == "DATE_TIME":
            if action == "keep":
                return None
            if action == "placeholder":
                return self._tag(label)
            new = transform_date(m.text, self.key.date_offset_days, mode=action, month_first=month_first)
            if new is None:
                return self._tag(label) if any(c.isdigit() for c in m.text) else None
            return self._mark(new)
        if label == "AGE":
            if action == "keep":
                return None
            if action == "placeholder":
                return self._tag(label)
            new = band_age(m.text)
            return self._mark(new) if new is not None else None
        if label == "RARE_DETAIL":
            if action == "keep":
                return None
            if action == "placeholder":
                return self._tag(label)
            general = self.policy.generalise(m.text)
            if general is None:
                plan.flags.append("rare_detail_kept")
                return None
            return self._mark(general)
        return None

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
            return _case_like(" ".join(form.tokens), name)
        if form.kind == "title_surname" or (entry["last"] and lw == entry["last"] and lw != entry["first"]):
            return _case_like(word, last)
        if entry["first"] and lw != entry["first"] and entry["first"] in formal_forms(lw, self.nicknames):
            first = self._short_form(first)
        return _case_like(word, first)

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


def _respell_initials(original: str, letters: str) -> str:
    it = iter(letters)
    return "".join(next(it, c) if c.isupper() else c for c in original)


def _id_canonical(text: str) -> str:
    return re.sub(r"[\s\-./]", "", text).lower()
