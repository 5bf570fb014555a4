"""Pseudonymisation: consistent invented names across a corpus, an encrypted key, an audit log, restore."""

from qualdeid.pseudonymise.key import Key, KeyFileError, KeyLock
from qualdeid.pseudonymise.restore import Restorer
from qualdeid.pseudonymise.result import ScrubResult
from qualdeid.pseudonymise.scrub import Scrubber, ScrubConfig, ScrubError

__all__ = ["Key", "KeyFileError", "KeyLock", "Restorer", "ScrubConfig", "ScrubError", "ScrubResult", "Scrubber"]
