"""Files kept between runs in the OS temporary folder (a scan's result, compiled patterns): read only
where no one else could have written them."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def private_folder(name: str) -> Path:
    """``name`` with the user's id, in the OS temporary folder (not created here)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"{name}-{uid}"


def is_private(path: Path) -> bool:
    """Ours, not a link, and no one else can read or write it."""
    st = path.lstat()
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    if stat.S_ISLNK(st.st_mode):
        return False
    return not st.st_mode & 0o077


def read_private(path: Path) -> bytes | None:
    """The bytes of ``path``, or None where it or its folder is missing or someone else could have written it."""
    try:
        if is_private(path.parent) and is_private(path):
            return path.read_bytes()
    except OSError:
        pass
    return None


def write_private(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically, in a folder only the user can open (created if missing), in a file
    only the user can read; False where the folder is not private. Raises OSError where writing fails."""
    path.parent.mkdir(mode=0o700, exist_ok=True)
    if not is_private(path.parent):
        return False
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return True
