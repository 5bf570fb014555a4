"""Invented names fit the setting and the person's generation, and are never a real name of the corpus."""

from __future__ import annotations

import pytest

from qualdeid.compose.config import load_compose_config
from qualdeid.compose.names import NamePicker, _decades, infer_locale


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Took her to the servo in Geelong on Tuesday arvo, then to Centrelink.", "en_AU"),
        ("Her whānau came up from Rotorua; we had kai on the marae.", "en_NZ"),
        ("He was in A&E at the Glasgow Royal, then saw his GP surgery about Universal Credit.", "en_GB"),
        ("The Garda brought him home to Galway; the HSE team rang his mam.", "en_IE"),
        ("We got Timmies before the OHIP appointment in Toronto, eh.", "en_CA"),
        ("Her mom drove her to the ER in Ohio; Medicaid covered it.", "en_US"),
        ("We sat in the kitchen and talked.", "en_GB"),  # nothing tells: the default
    ],
)
def test_locale_from_the_accounts(text: str, locale: str) -> None:
    assert infer_locale([text])[0] == locale


def test_names_fit_the_generation_and_are_fresh() -> None:
    config = load_compose_config()
    decades = _decades(())
    real = {"margaret", "brooklyn", "doyle", "smith"}
    picker = NamePicker("en_GB", config, seed=3, exclude=real, year=2025)
    older = [picker.pick("F", 78) for _ in range(6)]  # born in the 1940s
    for person in older:
        assert decades[(person.first, "F")] & {1930, 1940, 1950}
    younger = [picker.pick("M", 22) for _ in range(6)]  # born in the 2000s
    for person in younger:
        assert decades[(person.first, "M")] & {1990, 2000, 2010}
    people = older + younger
    firsts = [p.first.lower() for p in people]
    assert len(set(firsts)) == len(firsts) and not set(firsts) & real
    assert not {p.last.lower() for p in people} & real
    assert len({f[:3] for f in firsts}) == len(firsts)  # no Catherine beside Katherine


def test_same_seed_same_names_and_unisex_when_unknown() -> None:
    config = load_compose_config()
    a = NamePicker("en_AU", config, seed=9, exclude=set(), year=2025).pick(None)
    b = NamePicker("en_AU", config, seed=9, exclude=set(), year=2025).pick(None)
    assert a == b and a.gender is None
    from qualdeid.pseudonymise.surrogates import gender_table

    assert a.first.lower() not in gender_table()  # a name given to both women and men
