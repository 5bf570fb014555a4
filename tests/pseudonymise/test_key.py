"""The encrypted key: round trip, wrong passphrase, tampering, permissions, location."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

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
    assert b"joshua" not in raw and b"Daniel" not in raw and PASSPHRASE.encode() not in raw
    assert stat.S_IMODE(os.stat(key.path).st_mode) == 0o600
    assert raw.startswith(b"QUALDEID-KEY\n") and b'"kdf": "scrypt"' in raw


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
        raw = bytearray(bytes(raw).replace(b'"p": 1', b'"p": 2'))
    else:
        i = len(raw) - 10
        raw[i] = ord("A") if raw[i] != ord("A") else ord("B")
    key.path.write_bytes(bytes(raw))
    with pytest.raises(KeyFileError, match="wrong passphrase or the key file was modified"):
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
