"""Hostile cases a unit test cannot run: real concurrent scrubs on one key, a really full disk, Ctrl-C
during detection, a huge document, zip bombs, a doctored key header, no terminal for the passphrase.

Each case runs the ``qualdeid`` command as a user does, in its own process, on invented text, and
prints one line: the case, the exit status, the first line of stderr, and whether anything was lost
(inputs changed, a key that no longer opens, outputs that do not restore byte for byte, partial
files left behind). Full disks are real: small tmpfs mounts, private to this script (it runs itself
in its own user and mount namespace with ``unshare -rm``; nothing is mounted for anyone else).

Usage:  python3 tools/hostile_cases.py [--only NAME[,NAME...]] [--keep DIR]
Needs:  unshare(1) with user namespaces (for the full-disk and read-only cases); Linux /proc.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "diaries"
QUALDEID = [sys.executable, "-c", "from qualdeid.cli import main; main()"]
PASSPHRASE = "hostile-cases-only passphrase"
IN_NAMESPACE = "QUALDEID_HOSTILE_NS"


@dataclass
class Outcome:
    case: str
    code: int | None
    message: str
    lost: str  # "nothing lost" or what was

    def line(self) -> str:
        code = "-" if self.code is None else str(self.code)
        return f"{self.case:<34} exit {code:>4}  {self.lost:<40} {self.message[:150]}"


def run(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None, timeout: float = 900
) -> tuple[int, str]:
    full_env = dict(os.environ, **{"QUALDEID_PASSPHRASE": PASSPHRASE}, **(env or {}))
    done = subprocess.run([*QUALDEID, *args], input=stdin, capture_output=True, env=full_env, timeout=timeout)
    return done.returncode, done.stderr.decode(errors="replace")


def first_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    return lines[0] if lines else ""


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def partial_files(*folders: Path) -> list[str]:
    return [str(p) for f in folders if f.exists() for p in f.rglob("*.part")]


def restores(out: Path, key: Path, inputs: Path, work: Path) -> str:
    """'' if ``out`` restores byte for byte to ``inputs`` (for the files it holds), else what differs."""
    back = work / f"restored-{time.monotonic_ns()}"
    code, stderr = run("restore", str(out), "-o", str(back), "--key", str(key), "-q")
    if code != 0:
        return f"restore failed: {first_line(stderr)}"
    originals = digest(inputs)
    wrong = [name for name, sha in digest(back).items() if originals.get(name) != sha]
    return f"{len(wrong)} file(s) restore differently" if wrong else ""


def verdict(*problems: str) -> str:
    found = [p for p in problems if p]
    return "; ".join(found) if found else "nothing lost"


def diaries(folder: Path, copies: int = 1, prefix: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for f in sorted(EXAMPLES.glob("*.txt")):
            shutil.copy(f, folder / f"{prefix}{i:02d}-{f.name}" if copies > 1 else folder / f"{prefix}{f.name}")
    return folder


def mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)


# ---------------------------------------------------------------------- cases


def concurrent_scrubs(work: Path) -> Outcome:
    """Two scrubs of different batches started together on one new key."""
    a, b = diaries(work / "batch-a", prefix="a-"), diaries(work / "batch-b", prefix="b-")
    (b / "b-extra.txt").write_text("Rang Ottoline Vasquez-Pryor about the Thursday group.\n", encoding="utf-8")
    key = work / "private" / "study.key"
    env = dict(os.environ, QUALDEID_PASSPHRASE=PASSPHRASE)
    procs = [
        subprocess.Popen(
            [
                *QUALDEID,
                "scrub",
                str(batch),
                "-o",
                str(work / f"out-{batch.name}"),
                "--key",
                str(key),
                "-q",
                "--jobs",
                "1",
            ],
            env=env,
            stderr=subprocess.PIPE,
        )
        for batch in (a, b)
    ]
    results = [(p.wait(timeout=900), p.stderr.read().decode() if p.stderr else "") for p in procs]
    codes = [c for c, _ in results]
    waited = next((first_line(e) for _, e in results if "waiting" in e), "neither run waited")
    lost = verdict(
        *(restores(work / f"out-{batch.name}", key, batch, work) for batch in (a, b)),
        "" if codes == [0, 0] else f"exit statuses {codes}",
    )
    return Outcome("two scrubs at once on one key", max(codes), waited, lost)


def full_output_disk(work: Path) -> Outcome:
    """Outputs on a real tmpfs too small for them; then the same run again with room."""
    src = diaries(work / "in", copies=3)
    before = digest(src)
    out, key = work / "out", work / "private" / "study.key"
    mount_tmpfs(out, "40k")
    code, stderr = run("scrub", str(src), "-o", str(out), "--key", str(key), "-q", "--jobs", "1")
    partial = partial_files(out)
    subprocess.run(["mount", "-o", "remount,size=10m", str(out)], check=True)
    again, stderr2 = run("scrub", str(src), "-o", str(out), "--key", str(key), "-q", "--jobs", "1")
    lost = verdict(
        "inputs changed" if digest(src) != before else "",
        f"partial files: {partial}" if partial else "",
        f"re-run exit {again}: {first_line(stderr2)}" if again else "",
        restores(out, key, src, work),
    )
    return Outcome("outputs on a full disk, then re-run", code, first_line(stderr), lost)


def full_key_disk(work: Path) -> Outcome:
    """The key on a real tmpfs that is full when the run saves it: the old key must survive."""
    src = diaries(work / "in")
    keydir = work / "keys"
    mount_tmpfs(keydir, "64k")
    key = keydir / "study.key"
    first = diaries(work / "first", copies=1)
    for f in list(first.iterdir())[1:]:
        f.unlink()
    code, stderr = run("scrub", str(first), "-o", str(work / "out-first"), "--key", str(key), "-q", "--jobs", "1")
    assert code == 0, stderr
    old = key.read_bytes()
    filler = keydir / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as fh:  # fill the disk to the last byte
        fh.write(b"\0" * (64 * 1024))
    out = work / "out"
    code, stderr = run("scrub", str(src), "-o", str(out), "--key", str(key), "-q", "--jobs", "1")
    outputs = [p.name for p in out.rglob("*") if p.is_file()] if out.exists() else []
    lost = verdict(
        "" if key.read_bytes() == old else "the old key changed",
        f"{len(outputs)} output(s) without their key record" if outputs else "",
        (partial_files(keydir, out) and "partial files") or "",
        restores(work / "out-first", key, first, work),
    )
    return Outcome("key on a full disk", code, first_line(stderr), lost)


def read_only_output(work: Path) -> Outcome:
    src = diaries(work / "in")
    out = work / "out"
    out.mkdir()
    subprocess.run(["mount", "--bind", "-o", "ro", str(out), str(out)], check=True)
    key = work / "private" / "study.key"
    code, stderr = run("scrub", str(src), "-o", str(out), "--key", str(key), "-q", "--jobs", "1")
    lost = verdict("the key was written" if key.exists() else "", "outputs written" if any(out.iterdir()) else "")
    return Outcome("read-only output folder", code, first_line(stderr), lost)


def ctrl_c(work: Path) -> Outcome:
    """SIGINT to the process group (as a terminal sends it) while detection's workers run; then a re-run."""
    src = diaries(work / "in", copies=6)
    out, key = work / "out", work / "private" / "study.key"
    env = dict(os.environ, QUALDEID_PASSPHRASE=PASSPHRASE)
    proc = subprocess.Popen([*QUALDEID, "scrub", str(src), "-o", str(out), "--key", str(key), "--jobs", "2", "-q"],
                            env=env, stderr=subprocess.PIPE, start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 600
    while proc.poll() is None and len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=600)
    lines = [line for line in stderr.decode().splitlines() if line.strip()]
    again, stderr2 = run("scrub", str(src), "-o", str(out), "--key", str(key), "-q", "--jobs", "2")
    lost = verdict(
        f"{len(lines)} lines on stderr" if len(lines) != 1 else "",
        f"partial files: {partial_files(out)}" if partial_files(out) else "",
        f"re-run exit {again}: {first_line(stderr2)}" if again else "",
        restores(out, key, src, work),
    )
    return Outcome("Ctrl-C during detection, re-run", proc.returncode, lines[0] if lines else "", lost)


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def huge_document(work: Path) -> Outcome:
    """A 950,000-character diary among ordinary ones: scrubbed whole, memory bounded, restorable."""
    src = diaries(work / "in")
    texts = [f.read_text(encoding="utf-8") for f in sorted(EXAMPLES.glob("*.txt"))]
    long, i = [], 0
    while sum(len(t) + 2 for t in long) < 950_000:
        long.append(texts[i % len(texts)])
        i += 1
    (src / "huge.txt").write_text("\n\n".join(long)[:950_000], encoding="utf-8")
    out, key = work / "out", work / "private" / "study.key"
    start = time.monotonic()
    env = dict(os.environ, QUALDEID_PASSPHRASE=PASSPHRASE)
    args = ["scrub", str(src), "-o", str(out), "--key", str(key), "-q", "--jobs", "1"]
    proc = subprocess.Popen([*QUALDEID, *args], env=env, stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    message = first_line(stderr) or f"{time.monotonic() - start:.0f} s, peak memory {usage.ru_maxrss // 1024} MB"
    lost = verdict("huge.txt not written" if not (out / "huge.txt").exists() else "", restores(out, key, src, work))
    return Outcome("950,000-character document", code, message, lost)


def oversized_file(work: Path) -> Outcome:
    src = diaries(work / "in")
    with (src / "enormous.txt").open("wb") as fh:
        fh.truncate(25_000_000)
    out, key = work / "out", work / "private" / "study.key"
    code, stderr = run("scrub", str(src), "-o", str(out), "--key", str(key), "-q", "--jobs", "1")
    written = {p.name for p in out.iterdir()} if out.exists() else set()
    lost = verdict("" if len(written) == len(list(EXAMPLES.glob("*.txt"))) + 1 else f"{len(written)} outputs")
    return Outcome("25 MB file in a batch", code, first_line(stderr), lost)


def _bomb(member: str, size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open(member, "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)
    return buf.getvalue()


def zip_bombs(work: Path) -> Outcome:
    """A .docx and a .qdpx whose one member expands to 1 GB, beside ordinary diaries."""
    src = diaries(work / "in")
    (src / "bomb.docx").write_bytes(_bomb("word/document.xml", 1 << 30))
    (src / "bomb.qdpx").write_bytes(_bomb("project.qde", 1 << 30))
    out, key = work / "out", work / "private" / "study.key"
    start = time.monotonic()
    try:
        code, stderr = run("scrub", str(src), "-o", str(out), "--key", str(key), "-q", "--jobs", "1", timeout=300)
    except subprocess.TimeoutExpired:
        return Outcome("zip bombs (.docx, .qdpx)", None, "still running after 300 s: not bounded", "killed")
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    written = {p.name for p in out.iterdir()} if out.exists() else set()
    lost = verdict("" if len(written) == len(list(EXAMPLES.glob("*.txt"))) + 1 else f"{len(written)} outputs")
    return Outcome("zip bombs (.docx, .qdpx)", code, f"{time.monotonic() - start:.0f} s; " + " | ".join(errors), lost)


def doctored_key_header(work: Path) -> Outcome:
    src = diaries(work / "in")
    key = work / "private" / "study.key"
    code, stderr = run("scrub", str(src), "-o", str(work / "out"), "--key", str(key), "-q", "--jobs", "1")
    assert code == 0, stderr
    raw = key.read_bytes()
    header = json.loads(raw.split(b"\n")[1])
    key.write_bytes(raw.replace(f'"n": {header["n"]}'.encode(), b'"n": 1073741824'))
    start = time.monotonic()
    code, stderr = run("restore", str(work / "out"), "-o", str(work / "back"), "--key", str(key))
    took = time.monotonic() - start
    return Outcome("key header asking for 2^30 scrypt", code, f"{took:.1f} s: {first_line(stderr)}", "nothing lost")


def no_terminal(work: Path) -> Outcome:
    src = diaries(work / "in")
    env = {k: v for k, v in os.environ.items() if k != "QUALDEID_PASSPHRASE"}
    done = subprocess.run([*QUALDEID, "scrub", str(src), "-o", str(work / "out"), "--key", str(work / "k.key")],
                          stdin=subprocess.DEVNULL, capture_output=True, env=env, start_new_session=True)  # fmt: skip
    lost = verdict("the key was written" if (work / "k.key").exists() else "")
    return Outcome("passphrase with no terminal", done.returncode, first_line(done.stderr.decode()), lost)


CASES: dict[str, Callable[[Path], Outcome]] = {
    "concurrent": concurrent_scrubs,
    "full-disk": full_output_disk,
    "full-key-disk": full_key_disk,
    "read-only": read_only_output,
    "ctrl-c": ctrl_c,
    "huge": huge_document,
    "oversized": oversized_file,
    "bombs": zip_bombs,
    "key-header": doctored_key_header,
    "no-terminal": no_terminal,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated case names: " + ", ".join(CASES))
    parser.add_argument("--keep", default=None, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    if os.environ.get(IN_NAMESPACE) != "1":
        if shutil.which("unshare") is None:
            raise SystemExit("needs unshare(1) to mount small disks privately")
        env = dict(os.environ, **{IN_NAMESPACE: "1"})
        os.execvpe("unshare", ["unshare", "-rm", sys.executable, *sys.argv], env)
    names = [n for n in args.only.split(",") if n] or list(CASES)
    print(f"hostile cases, qualdeid from {REPO}")
    print(f"{'case':<34} {'exit':>9}  {'lost?':<40} first line of stderr (or what happened)")
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="qualdeid-hostile-"))
    try:
        for name in names:
            work = base / name
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            try:
                outcome = CASES[name](work)
            except Exception as e:  # the script's own failure, reported like a case
                outcome = Outcome(name, None, f"the case itself failed: {type(e).__name__}: {e}", "?")
            print(outcome.line(), flush=True)
    finally:
        if not args.keep:
            subprocess.run(["umount", "-R", str(base)], capture_output=True)
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
