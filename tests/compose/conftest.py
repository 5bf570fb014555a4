"""Fixtures shared by the compose tests."""

from __future__ import annotations

import pytest

from qualdeid.compose.placeholders import Placeholders
from qualdeid.compose.targets import Targets
from qualdeid.pseudonymise.people import RoleWords


@pytest.fixture(scope="module")
def targets() -> Targets:
    return Targets([], Placeholders(), RoleWords.load())
