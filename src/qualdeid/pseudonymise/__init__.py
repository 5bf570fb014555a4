"""Pseudonymisation: consistent invented names across a corpus, an encrypted key, an audit log, restore."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qualdeid.pseudonymise.key import Key, KeyFileError, KeyLock
    from qualdeid.pseudonymise.restore import Restorer
    from qualdeid.pseudonymise.result import ScrubResult
    from qualdeid.pseudonymise.scrub import Scrubber, ScrubConfig, ScrubError

#: Where each name lives: imported when asked for, so that reading one module of the package (the
#: review's person resolver) does not import detection with the scrubber.
_HOMES = {  # format: exported names
    "Key": "key",
    "KeyFileError": "key",
    "KeyLock": "key",
    "Restorer": "restore",
    "ScrubResult": "result",
    "ScrubConfig": "scrub",
    "ScrubError": "scrub",
    "Scrubber": "scrub",
}
__all__ = ["Key", "KeyFileError", "KeyLock", "Restorer", "ScrubConfig", "ScrubError", "ScrubResult", "Scrubber"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
