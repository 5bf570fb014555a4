"""The organisation after a job title in a signature line (detect/recognizers/role_org.py), on invented lines."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.role_org import RoleOrgRecognizer
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def recognizer() -> RoleOrgRecognizer:
    return RoleOrgRecognizer(Rules())


def found(recognizer: RoleOrgRecognizer, text: str) -> list[str]:
    return sorted(text[a:b] for a, b, _ in recognizer.find(text))


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Best wishes,\nAna Ruiz, family support worker, Brightwater Housing Trust", "Brightwater Housing Trust"),
        (
            "> Ingrid Dahl\n> miljøterapeut / youth mentor, Solbakken ungdomsskole",
            "Solbakken ungdomsskole",
        ),
        ("Coordinator, Lakeshore Tenants' Union\n3 Mill Row", "Lakeshore Tenants' Union"),
        ("Tomas Berg, housing officer, PLH\nT 0412 553 201", "PLH"),
    ],
)
def test_the_organisation_after_a_job_title(recognizer: RoleOrgRecognizer, text: str, org: str) -> None:
    assert found(recognizer, text) == [org]


@pytest.mark.parametrize(
    "text",
    [
        "I am a nurse, Mary said it was fine",
        "Social Worker, MSW",
        "Manager, Day Services",
        "Tenancy Officer, Eastern Suburbs",  # an area, not an employer
        "Nurse, Australia",
        "She saw the counsellor, Then we left.",
        "Support worker, 12 hours a week",
        "Key worker, she said",
    ],
)
def test_other_items_after_a_job(recognizer: RoleOrgRecognizer, text: str) -> None:
    assert found(recognizer, text) == []
