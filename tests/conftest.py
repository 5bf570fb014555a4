"""Shared fixtures. The spaCy model loads once per test session (it is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def detector():
    from qualdeid.detect import Detector

    return Detector()
