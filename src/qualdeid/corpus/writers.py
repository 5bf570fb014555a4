"""Atomic output: write to a temporary file beside the target, then rename over it.

A write that fails (disk full, read-only folder, no permission) raises :class:`OutputError`, whose
message names the path and says what to do; the target is then untouched and no temporary file is left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class OutputError(OSError):
    """An output that could not be written. The message names the path and says what to do."""

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror)
        self.path = path
        self.message = f"{path}: could not write it ({why_not_written(cause)})"

    def __str__(self) -> str:
        return self.message

    @property
    def whole_folder(self) -> bool:
        """True when no other file in the same place can be written either (full disk, read-only)."""
        return self.errno in _FOLDER_ERRNOS


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_DENIED = (errno.EACCES, errno.EPERM, errno.EROFS)
_FOLDER_ERRNOS = _FULL + _DENIED


def why_not_written(e: OSError) -> str:
    """What went wrong and what to do, for a user: no traceback, no errno numbers."""
    if e.errno in _FULL:
        return "the disk is full or the file is too large for it; free some space and run again"
    if e.errno in _DENIED:
        return "no permission to write there (or the disk is read-only); choose a folder you can write to"
    return (e.strerror or type(e).__name__) + "; check the folder and run again"


def check_writable(folder: Path) -> None:
    """Make ``folder`` if needed and make sure a file can be created in it (before a long run
    starts, not after it): :class:`OutputError` otherwise."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as e:
        raise OutputError(folder, e) from None


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "w", *, perms: int | None = None) -> Iterator[IO]:
    """Open a temporary file next to ``path``; on success it replaces ``path`` in one step.

    If the block raises (or the process is interrupted), the temporary file is removed and
    ``path`` is untouched, so no partial output ever exists under the final name.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as e:
        raise OutputError(path, e) from None
    try:
        # mkstemp creates the file 0600; ordinary outputs get the usual permissions (umask applies),
        # private ones (keys, provenance) pass perms explicitly.
        os.fchmod(fd, perms if perms is not None else 0o666 & ~_umask())
        encoding = None if "b" in mode else "utf-8"
        newline = None if "b" in mode else ""
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError) and not isinstance(e, OutputError):
            raise OutputError(path, e) from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str, *, perms: int | None = None) -> None:
    with atomic_open(path, "w", perms=perms) as fh:
        fh.write(text)


def write_bytes_atomic(path: Path, data: bytes, *, perms: int | None = None) -> None:
    with atomic_open(path, "wb", perms=perms) as fh:
        fh.write(data)
