"""What each policy action does to one mention: a small strategy function per action, found by label
and action name in one table (as Presidio's anonymizer operators are). ``rules/policy.yaml`` chooses
an action per label; the actions a label allows are the keys of its row in :data:`OPERATORS`.

An operator returns the replacement text, or ``None`` to leave the mention as written. It sees the
document it works on only through :class:`Replacing` (the planner, for one document).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from qualdeid.detect.names.lexicon import POSSESSIVE_ENDING
from qualdeid.pseudonymise.dates import band_age, transform_date
from qualdeid.pseudonymise.identity import Mention, NameForm


class Replacing(Protocol):
    """What an operator may ask about the document being planned."""

    date_offset_days: int
    month_first: bool

    def person(self, m: Mention) -> tuple[NameForm, dict[str, Any]] | None:
        """The mention's name form and its person in the key, if it was resolved to one."""
        ...

    def identity(self, m: Mention) -> dict[str, Any] | None:
        """The key's entry for a place, organisation or ID mention."""
        ...

    def tag(self, label: str, n: int | None = None) -> str: ...

    def mark(self, s: str) -> str: ...

    def person_name(self, form: NameForm, entry: dict[str, Any]) -> str: ...

    def generalise(self, text: str) -> str | None: ...

    def flag(self, kind: str) -> None: ...


Operator = Callable[[Replacing, Mention], "str | None"]


def case_like(original: str, new: str) -> str:
    """``new`` in the letter case of ``original``: all lower, all upper (two letters or more), or as is."""
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.islower() for c in letters):
        return new.lower()
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    return new


def with_possessive(word: str, suffix: str) -> str:
    """``word`` with the possessive ``suffix`` of the word it replaces: a bare apostrophe only follows
    an s ("Boys' High" for "Boys'", but "Owen's High", never "Owen' High")."""
    if suffix in ("'", "’") and word[-1:].lower() != "s":
        return word + suffix + "s"
    return word + suffix


def keep(r: Replacing, m: Mention) -> str | None:
    return None


def placeholder(r: Replacing, m: Mention) -> str | None:
    return r.tag(m.label)


def numbered_placeholder(r: Replacing, m: Mention) -> str | None:
    """``[PLACE-2]``: one number per identity in the key (unnumbered if the mention has none)."""
    entry = r.identity(m)
    return r.tag(m.label, entry["tag"] if entry else None)


def person_placeholder(r: Replacing, m: Mention) -> str | None:
    found = r.person(m)
    if found is None:
        return r.tag(m.label)
    form, entry = found
    return form.prefix + r.tag(m.label, entry["tag"]) + form.suffix


def person_pseudonym(r: Replacing, m: Mention) -> str | None:
    found = r.person(m)
    if found is None:
        return None
    form, entry = found
    return form.prefix + r.mark(r.person_name(form, entry)) + form.suffix


def place_pseudonym(r: Replacing, m: Mention) -> str | None:
    entry = r.identity(m)
    if entry is None:
        return r.tag(m.label)
    suffix = (POSSESSIVE_ENDING.search(m.text) or [""])[0]
    return with_possessive(r.mark(case_like(m.text, entry["pseudo"])), suffix)


def _date(mode: str) -> Operator:
    def operator(r: Replacing, m: Mention) -> str | None:
        new = transform_date(m.text, r.date_offset_days, mode=mode, month_first=r.month_first)
        if new is None:  # unreadable: a date with digits is hidden, "the other week" kept
            return r.tag(m.label) if any(c.isdigit() for c in m.text) else None
        return r.mark(new)

    operator.__name__ = f"date_{mode}"
    return operator


def age_band(r: Replacing, m: Mention) -> str | None:
    new = band_age(m.text)
    return r.mark(new) if new is not None else None


def rare_flag(r: Replacing, m: Mention) -> str | None:
    """Kept as written and flagged for review, unless a reviewed generalisation fits."""
    general = r.generalise(m.text)
    if general is None:
        r.flag("rare_detail_kept")
        return None
    return r.mark(general)


#: label -> action name (as written in policy.yaml) -> operator.
OPERATORS: Mapping[str, Mapping[str, Operator]] = {
    "PERSON": {"pseudonym": person_pseudonym, "placeholder": person_placeholder},
    "LOCATION": {"pseudonym": place_pseudonym, "placeholder": numbered_placeholder},
    "ORGANIZATION": {"pseudonym": place_pseudonym, "placeholder": numbered_placeholder},
    "DATE_TIME": {"shift": _date("shift"), "generalise": _date("generalise"), "placeholder": placeholder, "keep": keep},
    "AGE": {"band": age_band, "placeholder": placeholder, "keep": keep},
    "CONTACT": {"placeholder": placeholder},
    "ID": {"placeholder": numbered_placeholder},
    "RARE_DETAIL": {"flag": rare_flag, "placeholder": placeholder, "keep": keep},
}


def operator_for(label: str, action: str) -> Operator:
    return OPERATORS.get(label, {}).get(action, keep)
