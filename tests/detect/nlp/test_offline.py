"""Scanning works with the network switched off, and never tries to use it.

A fresh Python process (nothing cached, tldextract's cache folder empty) refuses and records every
socket connection or name lookup, then builds a Detector and scans texts with an email address and
a URL (Presidio's recognizers for those call tldextract, whose default extractor downloads the
Public Suffix List on first use). A control run shows that the harness does catch such a download.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RUNNER = r"""
import json, socket, sys

attempts = []


def refuse(name):
    def refused(*args, **kwargs):
        attempts.append(name)
        raise OSError(f"network disabled by test_offline ({name})")

    return refused


socket.socket.connect = refuse("connect")
socket.socket.connect_ex = refuse("connect_ex")
socket.create_connection = refuse("create_connection")
socket.getaddrinfo = refuse("getaddrinfo")
socket.gethostbyname = refuse("gethostbyname")

result = {}
if sys.argv[1] == "control":
    import tldextract

    tldextract.TLDExtract()("www.example.co.uk")
else:
    from click.testing import CliRunner

    from qualdeid.cli import main
    from qualdeid.detect import Detector

    text = "Write to robyn.carstairs@example.co.uk or see https://www.kestrel-rowing.org.nz/join today."
    result["spans"] = [[s.label, s.text] for s in Detector().detect_text(text).spans]
    cli = CliRunner().invoke(main, ["scan", sys.argv[2], "--format", "jsonl", "--quiet"])
    result["cli_exit"] = cli.exit_code
    records = [json.loads(line) for line in cli.stdout.splitlines()]
    result["cli_spans"] = [[s["label"], s["text"]] for r in records for s in r["spans"]]
result["attempts"] = attempts
print(json.dumps(result))
"""


def run(tmp_path: Path, *args: str) -> dict:
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "TLDEXTRACT_CACHE": str(cache),
        "XDG_CACHE_HOME": str(cache),
        "HOME": str(tmp_path),
        "HF_HUB_OFFLINE": "0",
    }
    env.pop("PYTHONSTARTUP", None)
    proc = subprocess.run(
        [sys.executable, str(runner), *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_harness_catches_a_first_use_download(tmp_path: Path) -> None:
    assert run(tmp_path, "control")["attempts"], "the control run should have tried to reach the network"


def test_scanning_never_touches_the_network(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("Her sister emails from tui.marsh@example.com, see https://example.org/tui", encoding="utf-8")
    result = run(tmp_path, "scan", str(doc))
    assert result["attempts"] == []
    assert ["CONTACT", "robyn.carstairs@example.co.uk"] in result["spans"]
    assert any(label == "CONTACT" and "kestrel-rowing.org.nz" in text for label, text in result["spans"])
    assert result["cli_exit"] == 0
    assert ["CONTACT", "tui.marsh@example.com"] in result["cli_spans"]
