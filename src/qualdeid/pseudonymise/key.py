"""The encrypted key: everything that links invented values back to real ones.

File layout (version 1)::

    QUALDEID-KEY\\n
    {"version": 1, "cipher": "AES-256-GCM", "kdf": "scrypt", "n": ..., "r": 8, "p": 1,
     "salt": base64, "nonce": base64}\\n
    <ciphertext of the JSON payload, base64>

The header line is authenticated as associated data, so changing any byte of the file makes
decryption fail. The key file is written atomically with owner-only permissions (0600); the
plaintext never touches the disk.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from qualdeid.corpus.writers import write_bytes_atomic

MAGIC = b"QUALDEID-KEY\n"
VERSION = 1
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
#: Upper bounds on KDF parameters read from a file, so a doctored header cannot exhaust memory.
MAX_SCRYPT_N = 2**20
PASSPHRASE_ENV = "QUALDEID_PASSPHRASE"
MIN_PASSPHRASE = 8


class KeyFileError(Exception):
    """The key file cannot be used; the message says what to do."""


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
            if not (2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
                raise ValueError("bad KDF parameters")
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
        write_bytes_atomic(self.path, self.to_bytes(), perms=0o600)
        os.chmod(self.path, 0o600)
        self.is_new = False

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
        return self.data.setdefault("documents", {})


def refuse_inside(key_path: Path, out_dir: Path) -> None:
    """The key must never sit in the folder that is shared."""
    k, o = key_path.resolve(), out_dir.resolve()
    if k == o or o in k.parents:
        raise KeyFileError(
            f"{key_path}: the key must not be inside the output folder {out_dir}; keep it somewhere private"
        )
