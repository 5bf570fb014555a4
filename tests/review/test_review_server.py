"""The review page's server and session: the token and the host on every request, the security headers,
decisions saved at once (groups, single occurrences, additions offered elsewhere, rare details, people,
undo), and the command's clear errors. The app runs for real (Starlette's test client); the detector is
the real one, on the invented diaries of ``tests/fixtures/review/``."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from starlette.testclient import TestClient

from qualdeid.decisions import Decisions
from qualdeid.detect import DetectConfig, Detector
from qualdeid.review.server import CSP, bind, build_app
from qualdeid.review.session import ReviewSession

DIARIES = Path(__file__).resolve().parents[1] / "fixtures" / "review"
TOKEN = "test-token-123"
PORT = 8123
QUALDEID = [sys.executable, "-c", "from qualdeid.cli import main; main()"]


def loaded(path: Path, rules: Path) -> ReviewSession:
    """A session over ``path`` after its scan (the real detector, decisions not applied)."""
    rules.mkdir()

    def detector(dirs: list[Path]) -> Detector:
        return Detector(DetectConfig(rules_dirs=dirs, apply_decisions=False))

    s = ReviewSession([str(path)], rules, detector_factory=detector)
    s.load()
    return s


@pytest.fixture
def session(tmp_path: Path) -> ReviewSession:
    return loaded(DIARIES, tmp_path / "rules")


@pytest.fixture
def client(session: ReviewSession) -> TestClient:
    return TestClient(build_app(session, TOKEN, PORT), base_url=f"http://127.0.0.1:{PORT}")


def get(client: TestClient, path: str) -> dict:
    r = client.get("/api/" + path, headers={"x-review-token": TOKEN})
    assert r.status_code == 200, r.text
    return r.json()


def post(client: TestClient, path: str, body: dict, status: int = 200) -> dict:
    r = client.post("/api/" + path, json=body, headers={"x-review-token": TOKEN})
    assert r.status_code == status, r.text
    return r.json()


def test_every_request_needs_the_token_and_the_host(client: TestClient) -> None:
    assert client.get(f"/?t={TOKEN}").status_code == 200
    assert client.get("/").status_code == 403
    assert client.get("/?t=wrong").status_code == 403
    assert client.get(f"/static/app.js?t={TOKEN}").status_code == 200
    assert client.get("/static/app.js").status_code == 403
    assert client.get("/api/state").status_code == 403
    assert client.get(f"/api/state?t={TOKEN}").status_code == 403  # the API takes the header only
    assert client.post("/api/undo", json={}).status_code == 403  # writes too
    evil = TestClient(client.app, base_url="http://attacker.example:8123")
    assert evil.get(f"/?t={TOKEN}", headers={"x-review-token": TOKEN}).status_code == 421  # DNS rebinding
    form = client.post("/api/undo", content="x=1", headers={"x-review-token": TOKEN, "content-type": "text/plain"})
    assert form.status_code == 415  # a plain form from another page cannot write
    assert client.get(f"/static/../session.py?t={TOKEN}").status_code == 404


def test_every_response_forbids_other_origins(client: TestClient) -> None:
    for response in (
        client.get(f"/?t={TOKEN}"),
        client.get("/"),
        client.get("/api/state", headers={"x-review-token": TOKEN}),
    ):
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["referrer-policy"] == "no-referrer"
    page = client.get(f"/?t={TOKEN}").text
    assert "http" not in page.replace('href="data:,"', "")  # no external asset: every address is relative
    assert "<script>" not in page and "style=" not in page  # nothing inline: the CSP would block it


def test_groups_pages_and_documents(client: TestClient, session: ReviewSession) -> None:
    state = get(client, "state")
    assert state["status"] == "ready" and state["documents"] == 3 and state["groups"] > 0
    groups = get(client, "groups?which=open&limit=2")
    assert groups["total"] == state["groups"] and len(groups["groups"]) <= 2
    ranks = [g["rank"] for g in get(client, "groups?which=all")["groups"]]
    assert ranks == sorted(ranks, reverse=True)
    doc = get(client, "document/0")
    assert doc["id"] == "monday.txt" and doc["text"].startswith("Brief description")
    assert all(doc["text"][s["start"] : s["end"]] for s in doc["spans"])
    assert get(client, "documents?limit=2")["total"] == 3


def test_a_group_decision_is_saved_at_once_and_can_be_undone(client: TestClient, session: ReviewSession) -> None:
    group = get(client, "groups?which=open")["groups"][0]
    detail = get(client, "group?id=" + group["id"])
    assert len(detail["items"]) == group["occurrences"]
    post(client, "decide_group", {"group": group["id"], "action": "keep"})
    saved = yaml.safe_load((session.rules_dir / "decisions.yaml").read_text())
    assert len(saved["occurrences"]) == group["occurrences"]
    assert {o["decision"] for o in saved["occurrences"]} == {"keep"}
    assert get(client, "state")["decided"] == 1
    assert group["id"] not in [g["id"] for g in get(client, "groups?which=open")["groups"]]
    post(client, "undo", {})
    assert yaml.safe_load((session.rules_dir / "decisions.yaml").read_text())["occurrences"] == []
    assert get(client, "state")["decided"] == 0
    assert post(client, "undo", {}, status=400)["error"] == "nothing to undo"


def test_an_added_identifier_is_offered_everywhere_else(client: TestClient, session: ReviewSession) -> None:
    wednesday = next(d for d in session.docs if d.id == "wednesday.txt")
    start = wednesday.text.index("tamsk")
    result = post(client, "add", {"doc": wednesday.index, "start": start - 1, "end": start + 6, "label": "PERSON"})
    assert (result["start"], result["end"]) == (start, start + 5)  # the selection's spaces trimmed
    assert result["offered"] == 2 and result["group"] == "name:tamsk"
    items = get(client, "group?id=name:tamsk")["items"]
    offered = [i for i in items if i["decision"] is None]
    assert [i["text"] for i in offered] == ["tamsk", "tamsk"] and all(i["action"] == "keep" for i in offered)
    post(client, "decide_group", {"group": "name:tamsk", "action": "replace"})
    spans = get(client, f"document/{wednesday.index}")["spans"]
    assert [s["detector"] for s in spans if wednesday.text[s["start"] : s["end"]] == "tamsk"] == ["review"] * 3
    saved = Decisions.load([session.rules_dir])
    assert sum(d.added for d in saved.occurrences) == 3


def test_single_occurrences_labels_and_rare_details(client: TestClient, session: ReviewSession) -> None:
    monday = session.docs[0]
    start = monday.text.index("Pellowmere House")
    post(client, "decide", {"doc": 0, "start": start, "end": start + 16, "action": "keep"})
    assert not any(s["start"] == start for s in get(client, "document/0")["spans"])
    post(client, "decide", {"doc": 0, "start": start, "end": start + 16, "action": "replace", "label": "ORGANIZATION"})
    assert any(s["start"] == start and s["label"] == "ORGANIZATION" for s in get(client, "document/0")["spans"])
    assert (
        "label must be one of"
        in post(client, "decide", {"doc": 0, "start": 0, "end": 5, "action": "replace", "label": "NAME"}, 400)["error"]
    )
    assert post(client, "decide", {"doc": 0, "start": 5, "end": 99999, "action": "keep"}, 400)["error"]
    detail = monday.text.index("tomato frames")
    suggestions = get(client, "suggestions?text=used to race pigeons")["suggestions"]
    assert suggestions[0] == "had an unusual hobby"  # the matching rules/generalise.yaml entry first
    post(
        client,
        "rare",
        {"doc": 0, "start": detail, "end": detail + 13, "choice": "generalise", "text": "a garden project"},
    )
    entries = yaml.safe_load((session.rules_dir / "generalise.yaml").read_text())["generalisations"]
    assert entries[0] == {"match": "tomato\\ frames", "replace": "a garden project"}
    from qualdeid.pseudonymise.policy import Policy

    assert Policy.load([session.rules_dir]).generalise("tomato frames") == "a garden project"
    post(client, "undo", {})
    assert not (session.rules_dir / "generalise.yaml").exists()


def test_people_merge_and_split(client: TestClient, session: ReviewSession) -> None:
    people = get(client, "people")["people"]
    names = [p["name"] for p in people]
    assert "Rosalind Teague" in names and "Rosalind Okafor-Lynd" in names
    lone = next(p for p in people if p["name"] == "Rosalind")  # a first name that fits both
    into = next(p for p in people if p["name"] == "Rosalind Okafor-Lynd")
    post(client, "merge", {"person": lone["id"], "into": into["id"]})
    people = get(client, "people")["people"]
    assert "Rosalind" not in [p["name"] for p in people]
    merged = next(p for p in people if p["name"] == "Rosalind Okafor-Lynd")
    assert merged["mentions"] == into["mentions"] + lone["mentions"] and merged["decided"]
    ashby = next(p for p in people if p["name"] == "Will Ashby")
    mentions = get(client, f"person?id={ashby['id']}")["mentions"]
    assert len(mentions) == ashby["mentions"] and all(m["before"] + m["text"] + m["after"] for m in mentions)
    will = next(m for m in mentions if m["doc_id"] == "wednesday.txt")
    post(client, "split", {"doc": will["doc"], "start": will["start"], "end": will["end"], "name": "Will (visitor)"})
    people = get(client, "people")["people"]
    assert any(p["name"] == "Will" and p["decided"] for p in people)
    identities = yaml.safe_load((session.rules_dir / "decisions.yaml").read_text())["identities"]
    assert [i["person"] for i in identities] == ["Rosalind Okafor-Lynd", "Will (visitor)"]


def test_bad_requests_say_why(client: TestClient) -> None:
    assert "bad request" in post(client, "decide", {"doc": "x"}, 400)["error"]
    assert post(client, "decide_group", {"group": "nope", "action": "keep"}, 400)["error"].startswith("no such group")
    r = client.post(
        "/api/undo", content="{not json", headers={"x-review-token": TOKEN, "content-type": "application/json"}
    )
    assert r.status_code == 400


def test_an_unreadable_input_is_named_and_the_rest_reviewed(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text((DIARIES / "monday.txt").read_text())
    (corpus / "bad.txt").write_bytes(b"\x00\x01\x02zqxv")
    state = loaded(corpus, tmp_path / "rules").state()
    assert state["documents"] == 1 and len(state["errors"]) == 1 and "bad.txt" in state["errors"][0]
    assert "zqxv" not in state["errors"][0]


def test_the_command_refuses_a_port_in_use_and_a_folder_it_cannot_write(tmp_path: Path) -> None:
    taken = bind(0)
    port = taken.getsockname()[1]
    try:
        r = subprocess.run(
            [*QUALDEID, "review", str(DIARIES), "--rules", str(tmp_path / "r"), "--port", str(port), "--no-open"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        taken.close()
    assert r.returncode == 2
    assert f"port {port}" in r.stderr and "--port" in r.stderr and r.stderr.count("\n") == 1
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    folders = [blocked / "rules"]  # cannot be made, even by root
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        folders.append(locked)  # exists, cannot be written (root could)
    for folder in folders:
        r = subprocess.run(
            [*QUALDEID, "review", str(DIARIES), "--rules", str(folder), "--no-open"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 2 and "the decisions cannot be saved there" in r.stderr and r.stderr.count("\n") == 1
    for folder in folders[1:]:
        folder.chmod(stat.S_IRWXU)


def test_the_command_serves_on_loopback_only(tmp_path: Path) -> None:
    import re
    import time
    import urllib.request

    proc = subprocess.Popen(
        [*QUALDEID, "review", str(DIARIES), "--rules", str(tmp_path / "rules"), "--no-open"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        url = re.search(r"http://127\.0\.0\.1:(\d+)/\?t=(\S+)", proc.stderr.readline())
        assert url
        port, token = int(url.group(1)), url.group(2)
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/?t={token}", timeout=2) as page:
                    assert page.status == 200
                    break
            except OSError:
                time.sleep(0.05)
        with socket.socket() as s:  # nothing listens on the other interfaces
            s.settimeout(1)
            other = socket.gethostbyname(socket.gethostname())
            if other != "127.0.0.1":
                assert s.connect_ex((other, port)) != 0
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/state", headers={"X-Review-Token": token})
        for _ in range(300):
            with urllib.request.urlopen(request, timeout=5) as r:
                if json.load(r)["status"] == "ready":
                    break
            time.sleep(0.1)
        assert (tmp_path / "rules").is_dir()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
