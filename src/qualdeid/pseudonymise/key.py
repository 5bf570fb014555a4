"""The encrypted key: everything that links invented values back to real ones.

File layout (version 1)::

    QUALDEID-KEY\\n
    {"version": 1, "cipher": "AES-256-GCM", "kdf": "scrypt", "n": ..., "r": 8, "p": 1,
     "salt": base64, "nonce": base64}\\n
    <ciphertext of the JSON payload, base64>

The header line is authenticated as associated data, so changing any byte of the file makes
decryption fail. The key file is written atomically with owner-only permissions (0600); the
plaintext never touches the disk.

A run that changes the key holds an exclusive advisory lock (:class:`KeyLock`, on ``KEY.lock``
beside it) from before it reads the key until its last save, so two runs on one key take turns and
each extends what the other wrote; a save also refuses to replace a key file that changed on disk
since it was read.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from qualdeid.corpus.writers import OutputError, why_not_written, write_bytes_atomic

MAGIC = b"QUALDEID-KEY\n"
VERSION = 1
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
#: Upper bounds on the KDF parameters a key file may ask for (4x the cost qualdeid writes: 128 MiB,
#: well under a second), so that a doctored header is refused at once instead of costing minutes and
#: gigabytes before decryption reports it.
MAX_SCRYPT_N, MAX_SCRYPT_R, MAX_SCRYPT_P = 2**17, 8, 1
PASSPHRASE_ENV = "QUALDEID_PASSPHRASE"
MIN_PASSPHRASE = 8


class KeyFileError(Exception):
    """The key file cannot be used; the message says what to do."""


class KeySaveError(KeyFileError):
    """The key could not be saved (disk full, no permission, another run saved it meanwhile); the key
    file on disk is as it was."""


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


@dataclass
class Key:
    """The decrypted payload of a key file, plus what is needed to write it back.

    ``data`` holds: ``secret`` (derives pseudonyms unless a seed is given), ``seed``,
    ``date_offset_days``, ``locale``, ``identities`` (real → invented, per label) and
    ``documents`` (the private log: per output document, each replacement with its offsets).
    """

    path: Path
    data: dict[str, Any] = field(default_factory=dict)
    _secret_key: bytes = b""
    _salt: bytes = b""
    _kdf: tuple[int, int, int] = (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    is_new: bool = False
    #: sha256 of the file as read or last saved (None: not on disk yet), to notice another run's save
    _on_disk: str | None = None

    # ------------------------------------------------------------------ create / open

    @classmethod
    def create(cls, path: str | Path, passphrase: str, *, n: int = SCRYPT_N) -> Key:
        if len(passphrase) < MIN_PASSPHRASE:
            raise KeyFileError(f"the passphrase is too short; use at least {MIN_PASSPHRASE} characters")
        salt = os.urandom(16)
        key = cls(Path(path), _salt=salt, _kdf=(n, SCRYPT_R, SCRYPT_P), is_new=True)
        key._secret_key = _derive(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
        # A corpus-wide date shift of 30-365 days either way; never 0.
        days = 30 + secrets.randbelow(336)
        key.data = {
            "version": VERSION,
            "secret": secrets.token_hex(32),
            "seed": None,
            "date_offset_days": days if secrets.randbelow(2) else -days,
            "locale": None,
            "identities": {},
            "documents": {},
            "counters": {},
        }
        return key

    @classmethod
    def open(cls, path: str | Path, passphrase: str) -> Key:
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KeyFileError(f"{path}: no such key file") from None
        except OSError as e:
            raise KeyFileError(f"{path}: cannot read the key file ({e.strerror})") from None
        if not raw.startswith(MAGIC):
            raise KeyFileError(f"{path}: not a qualdeid key file")
        try:
            header_line, body = raw[len(MAGIC) :].split(b"\n", 1)
            header = json.loads(header_line)
            n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
            salt = base64.b64decode(header["salt"], validate=True)
            nonce = base64.b64decode(header["nonce"], validate=True)
            ciphertext = base64.b64decode(body.strip(), validate=True)
            if header.get("version") != VERSION or header.get("cipher") != "AES-256-GCM":
                raise KeyFileError(f"{path}: key file version not supported by this qualdeid")
            if not (2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= MAX_SCRYPT_R and 1 <= p <= MAX_SCRYPT_P):
                raise KeyFileError(
                    f"{path}: the key file asks for key-derivation settings qualdeid never writes; "
                    "the key file was modified (use your backup copy)"
                )
        except KeyFileError:
            raise
        except (ValueError, KeyError, TypeError):
            raise KeyFileError(f"{path}: wrong passphrase or the key file was modified") from None
        secret_key = _derive(passphrase, salt, n, r, p)
        try:
            plaintext = AESGCM(secret_key).decrypt(nonce, ciphertext, MAGIC + header_line)
        except InvalidTag:
            raise KeyFileError(f"{path}: wrong passphrase or the key file was modified") from None
        key = cls(path, json.loads(plaintext), _secret_key=secret_key, _salt=salt, _kdf=(n, r, p))
        key._on_disk = hashlib.sha256(raw).hexdigest()
        return key

    @classmethod
    def open_or_create(cls, path: str | Path, passphrase: str) -> Key:
        return cls.open(path, passphrase) if Path(path).exists() else cls.create(path, passphrase)

    # ------------------------------------------------------------------ save

    def to_bytes(self) -> bytes:
        n, r, p = self._kdf
        nonce = os.urandom(12)
        header = {
            "version": VERSION,
            "cipher": "AES-256-GCM",
            "kdf": "scrypt",
            "n": n,
            "r": r,
            "p": p,
            "salt": base64.b64encode(self._salt).decode(),
            "nonce": base64.b64encode(nonce).decode(),
        }
        header_line = json.dumps(header, sort_keys=True).encode()
        plaintext = json.dumps(self.data, ensure_ascii=False, sort_keys=True).encode("utf-8")
        ciphertext = AESGCM(self._secret_key).encrypt(nonce, plaintext, MAGIC + header_line)
        return MAGIC + header_line + b"\n" + base64.b64encode(ciphertext) + b"\n"

    def save(self) -> None:
        """Write the key atomically (owner-only). Refused if another run saved it since it was read:
        this run's changes would erase that run's (hold a :class:`KeyLock` to take turns instead)."""
        if self._disk_digest() != self._on_disk:
            raise KeySaveError(
                f"{self.path}: another qualdeid run changed the key while this one was working; nothing of "
                "this run was saved to it. Run the command again (runs on one key must not overlap)"
            )
        data = self.to_bytes()
        try:
            write_bytes_atomic(self.path, data, perms=0o600)
        except OutputError as e:
            raise KeySaveError(
                f"{self.path}: could not save the key ({why_not_written(e)}); the key file is unchanged"
            ) from None
        self._on_disk = hashlib.sha256(data).hexdigest()
        self.is_new = False

    def _disk_digest(self) -> str | None:
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest()
        except FileNotFoundError:
            return None
        except OSError as e:
            raise KeyFileError(f"{self.path}: cannot read the key file ({e.strerror})") from None

    # ------------------------------------------------------------------ accessors

    @property
    def secret(self) -> str:
        """What pseudonyms are derived from: the user's ``--seed`` if one was given, else the key's secret."""
        seed = self.data.get("seed")
        return f"seed:{seed}" if seed is not None else str(self.data["secret"])

    @property
    def date_offset_days(self) -> int:
        return int(self.data["date_offset_days"])

    @property
    def identities(self) -> dict[str, dict[str, Any]]:
        return self.data.setdefault("identities", {})

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        """The private log: record id (:func:`record_id`) -> the document's edits and hashes."""
        return self.data.setdefault("documents", {})

    def records_at(self, location: str) -> list[dict[str, Any]]:
        """Every record of a document scrubbed at ``location`` (``rel\x1fid\x1fline``), one per input
        content scrubbed there. A file given on its own has only its name as path: then records whose
        path ends in that name match."""
        rel, rest = location.split("\x1f", 1)
        exact, tail = [], []
        for rid, record in self.documents.items():
            where = _location_of(rid)
            if where == location:
                exact.append(record)
            elif where.endswith("\x1f" + rest) and where.split("\x1f", 1)[0].endswith("/" + rel):
                tail.append(record)
        return exact or tail


def record_id(location: str, in_sha: str, edits: list[Any]) -> str:
    """A document's record in the key: where it was (file, record id, line/row) and a hash of what it
    held and what was replaced, so that two batches that both hold a ``diary.txt``, or one text
    scrubbed again after the rules changed, each keep their own record (and their outputs stay
    restorable)."""
    digest = hashlib.sha256(json.dumps([in_sha, edits], ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"{location}\x1f{digest[:32]}"


def _location_of(rid: str) -> str:
    """The location part of a record id (keys written before records had a content hash are only that)."""
    parts = rid.split("\x1f")
    return "\x1f".join(parts[:3])


class KeyLock:
    """Exclusive advisory lock on a key for a whole read-modify-write run (``flock`` on ``KEY.lock``).

    The lock file stays beside the key (it holds only the process id of the run holding it). Taken
    again by the same process it is re-entrant. ``on_wait`` is told once when another run holds it.
    """

    #: lock path -> [descriptor, depth] of the locks this process holds
    _held: ClassVar[dict[Path, list[int]]] = {}

    def __init__(self, key_path: str | Path, on_wait: Callable[[str], None] | None = None) -> None:
        self.key_path = Path(key_path)
        self.path = Path(os.path.abspath(f"{key_path}.lock"))
        self.on_wait = on_wait

    def __enter__(self) -> KeyLock:
        held = self._held.get(self.path)
        if held is not None:
            held[1] += 1
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise KeySaveError(f"{self.key_path}: cannot lock the key ({why_not_written(e)})") from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if self.on_wait is not None:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                    self.on_wait(
                        f"{self.key_path} is in use by another qualdeid run (process {holder}); "
                        "waiting for it to finish (Ctrl-C to stop)"
                    )
                fcntl.flock(fd, fcntl.LOCK_EX)
            with contextlib.suppress(OSError):  # who holds it is only for the message (a full disk may refuse it)
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self._held[self.path] = [fd, 1]
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        held = self._held[self.path]
        held[1] -= 1
        if held[1] == 0:
            del self._held[self.path]
            os.close(held[0])  # closing the descriptor releases the lock


def _forget_locks_in_child() -> None:
    """A forked process (a detection worker) must not keep a key locked after the run that locked it."""
    for fd, _depth in KeyLock._held.values():
        with contextlib.suppress(OSError):
            os.close(fd)
    KeyLock._held.clear()


os.register_at_fork(after_in_child=_forget_locks_in_child)


def refuse_inside(key_path: Path, out_dir: Path) -> None:
    """The key must never sit in the folder that is shared."""
    k, o = key_path.resolve(), out_dir.resolve()
    if k == o or o in k.parents:
        raise KeyFileError(
            f"{key_path}: the key must not be inside the output folder {out_dir}; keep it somewhere private"
        )
