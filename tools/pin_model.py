"""Record the installed default spaCy model's files in ``src/qualdeid/detect/nlp/model_pin.sha256``.

Run after deliberately installing a new version of the model package (and updating the version in
``pyproject.toml`` and ``model_pin.PINNED_VERSION``); qualdeid then refuses any other copy of it.

Usage:  python3 tools/pin_model.py
"""

from __future__ import annotations

from qualdeid.detect.nlp.model_pin import PIN_FILE, PINNED_PACKAGE, file_hashes, package_folder


def main() -> None:
    folder = package_folder()
    if folder is None:
        raise SystemExit(f"{PINNED_PACKAGE} is not installed")
    hashes = file_hashes(folder)
    PIN_FILE.write_text("".join(f"{digest}  {path}\n" for path, digest in hashes.items()), encoding="utf-8")
    print(f"{PIN_FILE}: {len(hashes)} files of {folder}")


if __name__ == "__main__":
    main()
