"""Zip archives from outside (.docx, .qdpx), read defensively.

A zip's headers can lie about sizes, and a few hundred kilobytes can expand to gigabytes, so every
member is read in bounded chunks: the archive is refused as soon as it has too many members, one
member expands past its limit or far past its compressed size, or all of them together grow too
large. Member names that are absolute or climb out with ``..`` are refused too.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePosixPath

from qualdeid.corpus.model import InputError

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
#: A member may expand to this many times its compressed size (deflated XML stays far below:
#: about 5-20x; zip bombs are at 1000x and more) once it is larger than RATIO_FREE_BYTES.
MAX_RATIO = 200
RATIO_FREE_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass
class ZipMembers:
    """The checked members of an archive, read into memory, with their original zip entries."""

    members: dict[str, bytes]
    infos: list[zipfile.ZipInfo]

    @property
    def order(self) -> list[str]:
        return [i.filename for i in self.infos]


def safe_member_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or re.match(r"^[A-Za-z]:", name):
        return False
    return ".." not in PurePosixPath(name).parts


def read_zip(data: bytes, source: str, what: str) -> ZipMembers:
    """Every member of the archive ``data``, or InputError with a one-line reason.

    ``what`` names the kind of file in messages ("a .docx", "a .qdpx") and says how to get a good one.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as e:
        raise InputError(source, f"not a readable {what} (not a zip archive)") from e
    if len(infos) > MAX_MEMBERS:
        raise InputError(source, f"the archive has {len(infos)} members, over the limit of {MAX_MEMBERS}; refusing it")
    members: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if not safe_member_name(info.filename):
            raise InputError(source, "the archive contains an unsafe member path (absolute or '..'); refusing it")
        if info.filename in members:
            raise InputError(source, "the archive has two members with the same name; refusing it")
        if info.file_size > MAX_MEMBER_BYTES:
            raise InputError(source, f"an archive member is over the {MAX_MEMBER_BYTES // 2**20} MB limit; refusing it")
        blob = _read_member(zf, info, source)
        total += len(blob)
        if total > MAX_TOTAL_BYTES:
            raise InputError(source, f"the archive unpacks to over {MAX_TOTAL_BYTES // 2**20} MB; refusing it")
        members[info.filename] = blob
    return ZipMembers(members, infos)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    limit = min(MAX_MEMBER_BYTES, max(RATIO_FREE_BYTES, MAX_RATIO * max(info.compress_size, 1)))
    chunks: list[bytes] = []
    size = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    if size > MAX_MEMBER_BYTES:
                        msg = f"an archive member is over the {MAX_MEMBER_BYTES // 2**20} MB limit"
                    else:
                        msg = f"an archive member expands over {MAX_RATIO} times its packed size (a zip bomb?)"
                    raise InputError(source, msg + "; refusing it")
                chunks.append(chunk)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as e:
        raise InputError(source, f"an archive member cannot be read ({type(e).__name__})") from e
    return b"".join(chunks)


def write_zip(original: ZipMembers, replaced: dict[str, bytes], dropped: Collection[str] = ()) -> bytes:
    """The archive again, member for member in the same order and with the same entry settings
    (name, time, compression), with the ``replaced`` members' new contents and without ``dropped``.
    Unchanged members keep their bytes, so writing the same archive twice gives the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for info in original.infos:
            if info.filename in dropped:
                continue
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = info.compress_type if info.compress_type in _WRITABLE else zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            entry.create_system = info.create_system
            zf.writestr(entry, replaced.get(info.filename, original.members[info.filename]))
    return buf.getvalue()


_WRITABLE = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
