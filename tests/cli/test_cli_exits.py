"""Exit statuses a script can trust, from the real command in its own process: the passphrase prompt
with and without a terminal (a pseudo-terminal stands in for the user's), Ctrl-C, and a read-only
output folder."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qualdeid.pseudonymise.key import PASSPHRASE_ENV, Key

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "diaries"
QUALDEID = [sys.executable, "-c", "from qualdeid.cli import main; main()"]
TIMEOUT = 600


def env_without_passphrase() -> dict[str, str]:
    env = dict(os.environ)
    env.pop(PASSPHRASE_ENV, None)
    return env


def no_terminal(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """The command as a script or cron runs it: no controlling terminal, ``stdin`` piped in."""
    return subprocess.run(
        [*QUALDEID, *args], input=stdin, capture_output=True, env=env_without_passphrase(),
        start_new_session=True, timeout=TIMEOUT,
    )  # fmt: skip


def test_no_terminal_to_ask_on_is_one_line_and_exit_2(tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    Key.create(key, "a passphrase for tests", n=2**12).save()
    for args, stdin in (
        (("restore", str(EXAMPLES), "-o", str(tmp_path / "back"), "--key", str(key)), b""),
        # the text piped in is the data, never taken for the passphrase
        (("scrub", "-", "-o", str(tmp_path / "out"), "--key", str(tmp_path / "new.key")), b"Rang Ottoline.\n"),
    ):
        done = no_terminal(*args, stdin=stdin)
        assert done.returncode == 2, done.stderr
        lines = done.stderr.decode().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and PASSPHRASE_ENV in lines[0], lines
    assert not (tmp_path / "out").exists() and not (tmp_path / "new.key").exists()


class Terminal:
    """The command on a pseudo-terminal: what it shows, and typing into it."""

    def __init__(self, *args: str) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the command, with the pseudo-terminal as its terminal
            os.execvpe(QUALDEID[0], [*QUALDEID, *args], env_without_passphrase())
        self.seen = b""

    def expect(self, text: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while text.encode() not in self.seen:
            assert time.monotonic() < deadline, self.seen
            if select.select([self.fd], [], [], 1)[0]:
                try:
                    self.seen += os.read(self.fd, 4096)
                except OSError:  # the command ended
                    break
        assert text.encode() in self.seen, self.seen
        self.seen = self.seen[self.seen.index(text.encode()) + len(text) :]

    def type(self, line: str) -> None:
        os.write(self.fd, line.encode() + b"\r")

    def status(self) -> int:
        deadline = time.monotonic() + TIMEOUT
        while True:
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                raise AssertionError(f"the command did not end; it showed {self.seen!r}")
            try:
                if select.select([self.fd], [], [], 1)[0]:
                    self.seen += os.read(self.fd, 4096)
            except OSError:
                pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)


def test_a_terminal_is_asked_twice_for_a_new_key(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Brief note: Marguerite Oyelaran phoned the Tarrowby clinic.\n", encoding="utf-8")
    key = tmp_path / "k.key"
    args = ("scrub", str(src), "-o", str(tmp_path / "o"), "--key", str(key), "-q", "--jobs", "1")
    term = Terminal(*args)
    term.expect("Key passphrase:")
    term.type("passphrase1")
    term.expect("Repeat for confirmation:")
    term.type("passphrase2")
    term.expect("do not match")
    term.expect("Key passphrase:")  # typed before the prompt, it would be flushed with the terminal's input
    os.write(term.fd, b"\x04")  # Ctrl-D: end of input at the prompt
    assert term.status() == 2 and not key.exists()
    term = Terminal(*args)
    term.expect("Key passphrase:")
    term.type("passphrase1")
    term.expect("Repeat for confirmation:")
    term.type("passphrase1")
    assert term.status() == 0, term.seen
    assert b"passphrase1" not in term.seen  # never echoed
    assert Key.open(key, "passphrase1").documents


def _session(sid: int) -> list[int]:
    """The processes still alive in session ``sid``."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to see worker processes")
def test_ctrl_c_exits_130_with_one_line_and_no_partial_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):  # enough documents for detection to start its worker processes
        for f in EXAMPLES.glob("*.txt"):
            shutil.copy(f, src / f"{i:02d}-{f.name}")
    out = tmp_path / "out"
    env = dict(os.environ, **{PASSPHRASE_ENV: "a passphrase for tests"})
    args = ["scrub", str(src), "-o", str(out), "--key", str(tmp_path / "k.key"), "--jobs", "2", "-q"]
    with (tmp_path / "stderr").open("wb") as stderr:
        proc = subprocess.Popen([*QUALDEID, *args], env=env, stderr=stderr, start_new_session=True)
    try:
        deadline = time.monotonic() + TIMEOUT
        while len(_children(proc.pid)) < 2 and proc.poll() is None:  # detection has started its workers
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
        assert proc.wait(timeout=TIMEOUT) == 130
        # no worker process outlives the command: each pool was terminated, and its workers reaped,
        # before the command printed its line
        assert _session(proc.pid) == []
    finally:
        for pid in _session(proc.pid):
            os.kill(pid, signal.SIGKILL)
    assert (tmp_path / "stderr").read_text().splitlines() == [
        "interrupted: no file was left half-written; run the same command again to finish"
    ]
    assert not [p for p in tmp_path.rglob("*.part")]


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare(1) for a private read-only mount")
def test_a_read_only_output_folder_is_one_line_and_exit_1(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    key = tmp_path / "private" / "study.key"
    # a read-only bind mount of the output folder, seen by this command only (its own mount namespace)
    script = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'
    mounted = subprocess.run(["unshare", "-rm", "sh", "-c", "true"], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("no private mount namespaces here")
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(out), *QUALDEID,
         "scrub", str(EXAMPLES), "-o", str(out), "--key", str(key), "-q", "--jobs", "1"],
        capture_output=True, env=dict(os.environ, **{PASSPHRASE_ENV: "a passphrase for tests"}), timeout=TIMEOUT,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr.decode().splitlines() == [
        f"error: {out}: could not write it (no permission to write there (or the disk is read-only); "
        "choose a folder you can write to)"
    ]
    assert not any(out.iterdir()) and not key.exists()


_LANDS_IN_A_FORK_HANDLER = """
import os, signal, time
from qualdeid.cli import _interrupts_main_process_only

def after_fork():  # Ctrl-C arrives while Python runs a fork handler, which swallows exceptions
    os.kill(os.getpid(), signal.SIGINT)
    for _ in range(1000):
        pass

os.register_at_fork(after_in_parent=after_fork)
try:
    with _interrupts_main_process_only():
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        time.sleep(5)
    print("lost")
except KeyboardInterrupt:
    print("interrupted")
"""


def test_ctrl_c_while_a_worker_is_forked_is_not_lost() -> None:
    done = subprocess.run([sys.executable, "-c", _LANDS_IN_A_FORK_HANDLER], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "interrupted" and done.stderr == ""


_WORKER_DIES = """
import os
from qualdeid.detect import pipeline
pipeline.CHUNK_DOCS = 1
def dying(chunk):
    os._exit(3)
pipeline._run_chunk = dying
from qualdeid.cli import main
main()
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the dying work is inherited by forked workers")
def test_a_worker_that_dies_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """A worker process of ``--jobs 2`` that dies ends the command with one line, no traceback and no text."""
    done = subprocess.run(
        [sys.executable, "-c", _WORKER_DIES, "scan", str(EXAMPLES), "--jobs", "2", "--quiet"],
        capture_output=True, start_new_session=True, timeout=TIMEOUT, text=True,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: pass 1 of detection stopped: a worker process ended with exit code 3")
    assert "No file was left half-written" in lines[0]
    assert done.stdout == ""
