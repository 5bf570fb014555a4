"""Shared fixtures. The spaCy model loads once per test session (it is the slow part)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def detector():
    from qualdeid.detect import Detector

    return Detector()
