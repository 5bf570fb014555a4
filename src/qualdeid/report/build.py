"""Assembling a :class:`Report` from the files given to ``qualdeid report``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from qualdeid.report.inputs import ReportInputError, read_audit, read_composite, read_evaluation, read_review, read_risk
from qualdeid.report.model import Report, Versions
from qualdeid.report.wording import load_wording
from qualdeid.versions import installed_versions


def build_report(
    audit: Path,
    *,
    evaluation: Path | None = None,
    risks: Iterable[Path] = (),
    review: Path | None = None,
    composites: Iterable[Path] = (),
    title: str | None = None,
    made: dt.date | None = None,
) -> Report:
    """Read every input; raises :class:`ReportInputError` listing every one that cannot be used."""
    problems: list[str] = []

    def attempt(read, path):
        try:
            return read(path)
        except ReportInputError as e:
            problems.append(str(e))
            return None

    scrub = attempt(read_audit, audit)
    ev = attempt(read_evaluation, evaluation) if evaluation is not None else None
    risk_runs = [attempt(read_risk, p) for p in risks]
    record = attempt(read_review, review) if review is not None else None
    comps = [attempt(read_composite, p) for p in composites]
    if problems or scrub is None:
        raise ReportInputError("\n".join(problems))
    versions = Versions(scrub.versions, recorded=True) if scrub.versions else Versions(installed_versions(), False)
    return Report(
        scrub=scrub,
        versions=versions,
        made=made or dt.date.today(),
        evaluation=ev,
        risks=tuple(r for r in risk_runs if r is not None),
        review=record,
        composites=tuple(c for c in comps if c is not None),
        title=title or "De-identification report",
        words=load_wording([review] if review is not None else []),
    )
