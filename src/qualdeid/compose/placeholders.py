"""Placeholders that keep the meaning: the kind of place, date, number or detail that was there.

"[a pub]" for "the Crown and Anchor", "[a public holiday]" for a named holiday, "[a milestone
birthday]" for "her 60th", "[health ID]" after "NHI", "in her thirties" for "34", and for a rare
detail the reviewed generalisation of ``rules/generalise.yaml`` or the kind of detail ("[a past
job]"). The vocabulary is data: ``rules/compose/placeholders.yaml`` and the lexicons it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from qualdeid.pseudonymise.people import DECADES, age_of
from qualdeid.pseudonymise.policy import Policy
from qualdeid.rules import Rules, alternation

_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|our|their|his|her|my|your|this|that|its|[^\W\d_]+['’]s?)\s+)$", re.IGNORECASE
)
_WORDS = re.compile(r"[^\W\d_][\w'’&-]*")
_AT_BEFORE = re.compile(r"\bat\s+(?:only\s+|just\s+|about\s+|around\s+)?$", re.IGNORECASE)
_YEARS_OLD_AFTER = re.compile(r"[\s-]*(?:years?|yrs?)[\s-]*old\b", re.IGNORECASE)
#: a people's or a calendar's New Year ("the Quenyan New Year", "Lunar New Year"): the holiday, whatever the word before
_QUALIFIED_NEW_YEAR = re.compile(r"[A-Z][a-z]+\s+New\s+Year(?:['’]s)?(?:\s+(?:Day|Eve))?(?:\s+(?:19|20)\d\d)?(?!\w)")
_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_EMAIL = re.compile(r"@\w")
_WEB = re.compile(r"(?:https?://|www\.|\.\w{2,3}/)", re.IGNORECASE)
_HANDLE = re.compile(r"^@\w+$")
#: Kinds of number in ``id_kinds`` named by everyday nouns ("room", "file"), not by a scheme's own name.
# format: keys of id_kinds in rules/compose/placeholders.yaml
_NOT_SCHEMES = frozenset({"number", "case number"})
_ID_SHAPE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9-]{5,}$|^\d{5,}$")
#: "QX-RT 55102-7": capitals and digits in groups, five digits or more, is a number, not a name
_ID_GROUPS = re.compile(r"^(?=(?:\D*\d){5})[A-Z0-9][A-Z0-9-]*(?:\s[A-Z0-9][A-Z0-9-]*)+$")


def article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def age_band(age: int) -> str:
    """A decade in words ("thirties"); a child is a child."""
    if age < 13:
        return "childhood"
    if age < 20:
        return "teens"
    if age >= 100:
        return "hundreds"
    return next(word for word, decade in DECADES.items() if decade == age // 10 * 10)


class Placeholders:
    def __init__(self, rules_dirs: Iterable[Path] = ()) -> None:
        self.rules_dirs = list(rules_dirs)
        rules = Rules(self.rules_dirs)
        data: dict = {}
        for doc in rules.yaml("compose/placeholders.yaml"):
            for k, v in (doc or {}).items():
                if isinstance(v, dict) and isinstance(data.get(k), dict):
                    data[k] = {**data[k], **v}
                else:
                    data[k] = v
        self.heads: dict[str, str] = {str(k).lower(): str(v) for k, v in (data.get("heads") or {}).items()}
        #: national public agencies -> what they are ("dwp" -> "benefits agency"): their kind, never their name
        self.agencies: dict[str, str] = {str(k).lower(): str(v) for k, v in (data.get("agencies") or {}).items()}
        self.street_words = rules.words("lexicons/street_types.txt", lower=True)
        type_words = (
            rules.words("lexicons/venue_types.txt", lower=True)
            | rules.words("lexicons/org_types.txt", lower=True)
            | rules.words("lexicons/street_types.txt", lower=True)
        )
        for w in type_words:
            self.heads.setdefault(w, w)
        for w in rules.lists("compose/context.yaml")["event_heads"]:  # "the Brackenfold Show"
            self.heads.setdefault(w, "local event")
        self.id_kinds = [
            (kind, sorted((str(w).lower() for w in words), key=len, reverse=True))
            for kind, words in (data.get("id_kinds") or {}).items()
        ]
        #: One-word names of a numbering scheme ("Medicare", "NHI", "CRN"): what a number is, never a name.
        self.id_schemes = {
            w for kind, words in self.id_kinds if kind not in _NOT_SCHEMES for w in words if " " not in w
        }
        self.milestones = {int(x) for x in data.get("milestone_birthdays") or []}
        codes = "|".join(re.escape(str(c)) for c in data.get("road_codes") or []) or r"(?!)"
        #: "the M4": a road by its code (the code alone is matched, after "the")
        self.road_code = re.compile(rf"(?<=\bthe )(?:{codes})\d{{1,3}}(?![\w-])")
        self._road_code_alone = re.compile(rf"(?:{codes})\d{{1,3}}")
        self.rare_kinds = {str(k).lower(): str(v) for k, v in (data.get("rare_kinds") or {}).items()}
        self.policy = Policy.load(self.rules_dirs)
        things = rules.lists("compose/context.yaml")["club_things"]
        #: after an organisation with no kind of its own: what supporters wear, so a club ("a Quillmoor scarf")
        self._club_thing_after = re.compile(rf"\s+(?:{alternation(things)})\b", re.IGNORECASE)
        reaching = rules.lists("people/ages.yaml").pattern("reaching")
        #: before an age that reads as a decade: "is [an age]" -> "is in her forties"
        self._copula_before = re.compile(r"\b(?:is|was|are|were|'s|’s|be|being)\s+(?:only\s+|just\s+|nearly\s+)?$")
        #: before an age reached: "turned [an age]" -> "turned forty-something", "turned [a milestone age]"
        self._reaching_before = re.compile(rf"\b(?:{reaching})\s+(?:only\s+|just\s+|nearly\s+)?$", re.IGNORECASE)

    @cached_property
    def holidays(self) -> set[str]:
        return Rules(self.rules_dirs).words("lexicons/holidays.txt", lower=True)

    @cached_property
    def road_numbers(self) -> frozenset[str]:
        """Words that name a road by its number ("Highway 2"), lower case."""
        return Rules(self.rules_dirs).words("lexicons/numbered_roads.txt", lower=True)

    @cached_property
    def towns(self) -> set[str]:
        return Rules(self.rules_dirs).words("lexicons/towns.txt", lower=True)

    @cached_property
    def _holiday_rx(self) -> re.Pattern[str]:
        names = sorted(self.holidays, key=len, reverse=True)
        alternation = "|".join(re.escape(h).replace("'", "['’]?") for h in names) or "(?!)"
        return re.compile(rf"(?:the\s+)?(?:{alternation})(?:\s+(?:19|20)\d\d)?(?!\w)", re.IGNORECASE)

    @cached_property
    def _holiday_stem_rx(self) -> re.Pattern[str]:
        """A holiday named without its own "Day", "Eve" or "Night" before another word for a time of
        it ("St Columba's weekend", "Anzac long weekend"): the same holiday."""
        calendar = Rules(self.rules_dirs).lists("lexicons/calendar.yaml")
        own = set(calendar["named_day_heads"])
        stems = {h.rsplit(" ", 1)[0] for h in self.holidays if " " in h and h.rsplit(" ", 1)[1] in own}
        if not stems:
            return re.compile(r"(?!)")
        alternation = "|".join(re.escape(h).replace("'", "['’]?") for h in sorted(stems, key=len, reverse=True))
        heads = "|".join(re.escape(h) for h in sorted(calendar["date_heads"], key=len, reverse=True))
        year = r"(?:\s+(?:19|20)\d\d)?"
        return re.compile(rf"(?:the\s+)?(?:{alternation})\s+(?:long\s+)?(?:{heads}){year}(?!\w)", re.IGNORECASE)

    def holiday_at(self, text: str, start: int, end: int) -> int | None:
        """The end of a named holiday that starts at ``start``, if one does."""
        m = self._holiday_rx.match(text, start, end) or _QUALIFIED_NEW_YEAR.match(text, start, end)
        if m:
            return m.end()
        m = self._holiday_stem_rx.match(text, start, end)
        return m.end() if m and text[start : start + 1].isupper() else None

    def is_holiday(self, text: str) -> bool:
        t = re.sub(r"\s+\d{4}$", "", text.strip().lower()).removeprefix("the ")
        forms = {t, re.sub(r"['’]s\b", "", t)}
        forms |= {f.split(" ", 1)[1] for f in forms if " " in f}  # "Orthodox Easter", "Serbian Christmas"
        return bool(forms & self.holidays)

    def kind_of(self, label: str, text: str) -> str:
        """The label a span's own text says it has, when it is plainer than the detector's: an ID
        number read as a place, a holiday read as a person."""
        t = text.strip()
        if self.is_holiday(t):
            return "DATE_TIME"
        if label in ("LOCATION", "ORGANIZATION", "PERSON") and (_ID_SHAPE.match(t) or _ID_GROUPS.match(t)):
            return "ID"
        if label in ("LOCATION", "ORGANIZATION", "PERSON", "ID") and (_EMAIL.search(t) or _WEB.search(t)):
            return "CONTACT"
        return label

    def agency(self, text: str) -> str | None:
        """What a national public agency is ("benefits agency" for "the DWP"), or None for any other name."""
        return self.agencies.get(re.sub(r"^the\s+|['’]s?$", "", " ".join(text.split()), flags=re.IGNORECASE).lower())

    def make(
        self, label: str, text: str, before: str, after: str, *, possessive: str = "their", reason: str = ""
    ) -> str:
        """The replacement of ``text`` (``before``/``after``: the text around it in the fragment)."""
        determined = bool(_DETERMINER_BEFORE.search(before))
        agency = self.agency(text)
        if label in ("LOCATION", "ORGANIZATION") and agency:  # "the DWP" -> "the [benefits agency]"
            return f"[{agency}]" if determined else f"[the {agency}]"
        if label in ("LOCATION", "ORGANIZATION"):
            if label == "ORGANIZATION" and self._club_thing_after.match(after) and not self._head(text):
                return "[club]" if determined else "[a club]"  # "a [club] scarf"
            return self._place(label, text, determined)
        if label == "DATE_TIME":
            noun = self._date(text)
            return f"[{noun}]" if determined else f"[{article(noun)}]"
        if label == "AGE":
            age = age_of(text)
            if age is None:
                return "[an age]"
            band = age_band(age)
            reached = bool(self._reaching_before.search(before))
            if reached or _AT_BEFORE.search(before) or _YEARS_OLD_AFTER.match(after):
                if reached and age in self.milestones:
                    return "[a milestone age]"
                if band.endswith("ies"):  # "turned 34", "at 34", "a 34 year old" -> "thirty-something"
                    return f"{band[:-3]}y-something"
                return "[a teenage age]" if band == "teens" else f"[an age in {possessive} {band}]"
            if self._copula_before.search(before) and band != "childhood":
                return f"in {possessive} {band}"
            return f"[{band}]"
        if label == "CONTACT":
            t = text.strip()
            noun = (
                "email address"
                if _EMAIL.search(t)
                else "social media handle"
                if _HANDLE.match(t)
                else "web address"
                if _WEB.search(t)
                else "phone number"
            )
            scheme = self._id_kind(before) if noun == "phone number" else ""
            # format: keys of id_kinds in rules/compose/placeholders.yaml ("number": a room's, a flat's)
            if scheme not in ("", "ID number", "number"):
                return f"[{scheme}]"  # "her health number 614 208 7753": what it numbers, though shaped like a phone's
            return f"[{noun}]" if determined else f"[{article(noun)}]"
        if label == "ID":
            return f"[{self._id_kind(before)}]"
        if label == "RARE_DETAIL":
            return self.policy.generalise(text) or f"[{self.rare_kind(reason)}]"
        return "[removed]"

    def rare_kind(self, reason: str) -> str:
        """What kind of rare detail the detector's reason names ("a past job"), for a placeholder or a note."""
        low = (reason or "").lower()
        return next(
            (v for k, v in self.rare_kinds.items() if re.search(rf"\b{re.escape(k)}", low)), "a distinctive detail"
        )

    def _head(self, text: str) -> str:
        """The kind of place or organisation its name says, by a type word in it ("pub" of "The Quill Arms")."""
        return next((self.heads[w.lower()] for w in reversed(_WORDS.findall(text)) if self.heads.get(w.lower())), "")

    def _place(self, label: str, text: str, determined: bool) -> str:
        words = _WORDS.findall(text)
        noun = ""
        numbered_road = bool(re.search(r"(?i)\broad\s+\d+$", text.strip()))  # "Farm Road 418": the road's number
        if (
            re.search(r"\d", text)
            and not numbered_road
            and any(self.heads.get(w.lower()) in ("street", "road", "avenue") for w in words)
        ):
            noun = "address"
        elif self._road_code_alone.fullmatch(text.strip()) or (
            re.search(r"\d", text) and any(w.lower() in self.road_numbers for w in words)
        ):
            noun = "road"
        if not noun and len(words) == 1 and words[0].lower() in self.street_words:
            noun = "street"  # "the Esplanade", "on the Parade": a street named by its kind alone
        for w in reversed(words):
            if noun:
                break
            noun = self.heads.get(w.lower(), "")
        if not noun:
            if label == "LOCATION" and " ".join(words).lower() in self.towns:
                noun = "town"
            else:
                noun = "place" if label == "LOCATION" else "organisation"
        return f"[{noun}]" if determined else f"[{article(noun)}]"

    def _date(self, text: str) -> str:
        t = text.strip()
        if self.is_holiday(t):
            return "public holiday"
        if "birthday" in t.lower():
            ordinal = _ORDINAL.search(t)
            return "milestone birthday" if ordinal and int(ordinal.group(1)) in self.milestones else "birthday"
        if _YEAR.match(t):
            return "year"
        return "date"

    def _id_kind(self, before: str) -> str:
        near = " ".join(_WORDS.findall(before.lower())[-3:])
        for kind, words in self.id_kinds:
            if any(re.search(rf"\b{re.escape(w)}$", near) for w in words):
                return kind
        return "ID number"
