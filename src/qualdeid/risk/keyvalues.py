"""What the encrypted key tells the risk check and compose: every original value, every pseudonym.

The key's identity table (written by ``scrub``) is read defensively, so that entries it gains later
do not break this adapter: per label, an entry's ``forms``/``first``/``last`` (and the table key of
places and organisations) are originals; ``pseudo*`` values are invented.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from qualdeid.corpus.model import DIRECT_LABELS

_ORIGINAL_FIELDS = ("forms", "first", "last", "original", "text")  # format: key file fields


def _strings(v: Any) -> Iterator[str]:
    if isinstance(v, str):
        if v.strip():
            yield v
    elif isinstance(v, list | tuple | set):
        for x in v:
            yield from _strings(x)


def key_originals(identities: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(original value, label) for every identity in the key."""
    for label, table in identities.items():
        if label not in DIRECT_LABELS or not isinstance(table, dict):
            continue
        for canon, entry in table.items():
            if label != "PERSON" and isinstance(canon, str):
                yield canon, label
            if isinstance(entry, dict):
                for f in _ORIGINAL_FIELDS:
                    for s in _strings(entry.get(f)):
                        yield s, label


def key_pseudonyms(identities: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for table in identities.values():
        if not isinstance(table, dict):
            continue
        for entry in table.values():
            if isinstance(entry, dict):
                for k, v in entry.items():
                    if k.startswith("pseudo"):
                        out.update(_strings(v))
    return out


def open_key(path: str, passphrase: str) -> dict[str, Any]:
    """The key's identity table. Raises the key module's own error on a wrong passphrase."""
    from qualdeid.pseudonymise.key import Key

    return Key.open(path, passphrase).identities
