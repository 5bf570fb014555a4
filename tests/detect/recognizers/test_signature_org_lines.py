"""The body a writer works for, in a signature block under the job title or after it and a dash (issue 13, class d:
names in signature blocks and quoted mail). Invented people and bodies."""

from __future__ import annotations

import pytest

from helpers import pattern_found


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Kind regards,\n\nYsella Orrell\nFamily Support Worker\nQuarrow Street Family Hub\n14 Quarrow St",
            "Quarrow Street Family Hub",
        ),
        (
            "Best,\nDr Ines Vallow\nResearch Associate – Tallin Institute for Rural Studies\nines@x.example",
            "Tallin Institute for Rural Studies",
        ),
        (
            "> Pell Dunmore\n> Housing & Tenancy Caseworker\n> Brisk Tenants & Migrant Advice – Oldport\n",
            "Brisk Tenants & Migrant Advice – Oldport",
        ),
        (
            "Oyelami Fash\nProject Coordinator\nKestrel Valley Parents Action Network\n",
            "Kestrel Valley Parents Action Network",
        ),
    ],
)
def test_the_body_under_a_job_title(text: str, org: str) -> None:
    assert pattern_found("SignatureOrgRecognizer", text) == [org]


@pytest.mark.parametrize(
    "text",
    [
        "Senior Nurse\nMary Anne Jones\n",  # a person's name under a title: no kind of body, three words
        "Team Manager\nClinical Lead\n",
        "I spoke to the coordinator\nThe Big Day Out Was Fun Today\n",  # the title ends no title line
        "Support Worker\nvisited on Tuesday, all fine\n",
    ],
)
def test_no_body_without_its_shape(text: str) -> None:
    assert pattern_found("SignatureOrgRecognizer", text) == []
