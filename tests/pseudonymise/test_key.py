"""The encrypted key: round trip, wrong passphrase, tampering, permissions, location."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from helpers import PASSPHRASE
from qualdeid.pseudonymise.key import Key, KeyFileError, refuse_inside


def make(tmp_path: Path) -> Key:
    key = Key.create(tmp_path / "study.key", PASSPHRASE, n=2**14)
    key.identities["PERSON"] = {"PERSON|joshua|hale": {"pseudo_first": "Daniel"}}
    key.save()
    return key


def test_round_trip_keeps_payload(tmp_path: Path) -> None:
    key = make(tmp_path)
    again = Key.open(key.path, PASSPHRASE)
    assert again.data == key.data
    assert again.secret == key.secret and again.date_offset_days == key.date_offset_days != 0


def test_file_is_encrypted_and_owner_only(tmp_path: Path) -> None:
    key = make(tmp_path)
    raw = key.path.read_bytes()
    assert stat.S_IMODE(os.stat(key.path).st_mode) == 0o600
    assert raw.startswith(b"QUALDEID-KEY\n") and b'"kdf": "scrypt"' in raw
    header_line, body = raw[len(b"QUALDEID-KEY\n") :].split(b"\n", 1)
    header = json.loads(header_line)
    ciphertext = base64.b64decode(body.strip())
    plaintext = json.dumps(key.data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    # not an encoding of the payload: neither the payload nor any of its words can be read back
    assert ciphertext != plaintext and len(ciphertext) == len(plaintext) + 16  # AES-GCM: same length + tag
    assert b"joshua" not in ciphertext and b"Daniel" not in ciphertext and b"identities" not in ciphertext
    assert b"joshua" not in raw and b"Daniel" not in raw and PASSPHRASE.encode() not in raw
    # only the key derived from the passphrase opens it
    nonce, aad = base64.b64decode(header["nonce"]), b"QUALDEID-KEY\n" + header_line
    for wrong in (os.urandom(32), bytes(32)):
        with pytest.raises(InvalidTag):
            AESGCM(wrong).decrypt(nonce, ciphertext, aad)
    right = Scrypt(salt=base64.b64decode(header["salt"]), length=32, n=header["n"], r=header["r"], p=header["p"])
    assert json.loads(AESGCM(right.derive(PASSPHRASE.encode())).decrypt(nonce, ciphertext, aad)) == key.data


def test_default_kdf_is_strong(tmp_path: Path) -> None:
    key = Key.create(tmp_path / "k", PASSPHRASE)
    key.save()
    assert b'"n": 32768' in key.path.read_bytes()


def test_wrong_passphrase_is_one_clear_error(tmp_path: Path) -> None:
    key = make(tmp_path)
    with pytest.raises(KeyFileError, match="wrong passphrase or the key file was modified"):
        Key.open(key.path, "not the passphrase")


@pytest.mark.parametrize("where", ["header", "body"])
def test_tampered_file_is_refused(tmp_path: Path, where: str) -> None:
    key = make(tmp_path)
    raw = bytearray(key.path.read_bytes())
    if where == "header":
        raw = bytearray(bytes(raw).replace(b'"n": 16384', b'"n": 8192'))
    else:
        i = len(raw) - 10
        raw[i] = ord("A") if raw[i] != ord("A") else ord("B")
    key.path.write_bytes(bytes(raw))
    with pytest.raises(KeyFileError, match="wrong passphrase or the key file was modified"):
        Key.open(key.path, PASSPHRASE)


@pytest.mark.parametrize(
    ("old", "new"), [(b'"n": 16384', b'"n": 1048576'), (b'"r": 8', b'"r": 4096'), (b'"p": 1', b'"p": 64')]
)
def test_a_header_asking_for_a_costly_derivation_is_refused_before_deriving(
    tmp_path: Path, old: bytes, new: bytes
) -> None:
    key = make(tmp_path)
    key.path.write_bytes(key.path.read_bytes().replace(old, new))
    with pytest.raises(KeyFileError, match="settings qualdeid never writes; the key file was modified"):
        Key.open(key.path, PASSPHRASE)


def test_not_a_key_and_missing_key(tmp_path: Path) -> None:
    (tmp_path / "x.key").write_text("hello", encoding="utf-8")
    with pytest.raises(KeyFileError, match="not a qualdeid key file"):
        Key.open(tmp_path / "x.key", PASSPHRASE)
    with pytest.raises(KeyFileError, match="no such key file"):
        Key.open(tmp_path / "missing.key", PASSPHRASE)


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="too short"):
        Key.create(tmp_path / "k", "abc")


def test_refuses_key_inside_out_dir(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="must not be inside the output folder"):
        refuse_inside(tmp_path / "out" / "sub" / "k.key", tmp_path / "out")
    refuse_inside(tmp_path / "k.key", tmp_path / "out")  # beside it is fine


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    key = make(tmp_path)
    key.identities["LOCATION"] = {"x": {"pseudo": "Y"}}
    key.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.key"]
    assert Key.open(key.path, PASSPHRASE).identities["LOCATION"] == {"x": {"pseudo": "Y"}}
