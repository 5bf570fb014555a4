"""A report an ethics committee can read: one printable HTML page, and the methods paragraph.

Made only from what the other commands already write (the scrub audit, ``evaluate`` and ``risk``
JSON, compose provenance, the review decisions of a project rules folder); it never needs the key
and never contains an original value.
"""

from qualdeid.report.build import build_report
from qualdeid.report.inputs import ReportInputError
from qualdeid.report.methods import methods_markdown
from qualdeid.report.model import Report

__all__ = ["Report", "ReportInputError", "build_report", "methods_markdown"]
