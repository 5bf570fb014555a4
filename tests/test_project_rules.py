"""A project's rules folder changes scan, scrub, compose and risk alike: switching a rare-detail finder
off (detect.yaml), removing a list entry (``!bell ringing``) and adding one (``rock balancing``)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qualdeid.cli import main

#: three invented accounts (a composite needs three), each coded on one theme; "keeps a pet goat" is found
#: only by the animal finder, "bell ringing" and "rock balancing" only through the hobby list (the default
#: lacks the second)
ACCOUNTS = [
    "Resident Ottoline texted this morning about the rota. She keeps a pet goat in the yard and it follows "
    "her everywhere. The walk helped Ottoline settle.",
    "Resident Bramwell goes bell ringing at the church on Sundays. We talked about the bus timetable and "
    "he laughed. Having a plan helped Bramwell.",
    "Resident Jessamy has taken up rock balancing down at the beach. We sat in the garden with a cuppa and "
    "made a list. Small steps helped Jessamy.",
]
CHECKED = "She keeps a pet goat at home. He goes bell ringing. She has taken up rock balancing.\n"
GOAT, BELLS, ROCKS = "keeps a pet goat", "bell ringing", "rock balancing"


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """Every command's output with the default rules ("default") and with the project's ("project")."""
    root = tmp_path_factory.mktemp("project")
    corpus = root / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"p{i}",
                    "author": f"A{i}",
                    "text": t,
                    "segments": [{"start": 0, "end": len(t), "codes": ["walks"]}],
                }
            )
            + "\n"
            for i, t in enumerate(ACCOUNTS, 1)
        ),
        encoding="utf-8",
    )
    checked = root / "text.md"
    checked.write_text(CHECKED, encoding="utf-8")
    rules = root / "rules"
    (rules / "rare").mkdir(parents=True)
    # both spellings the default list has go ("bell-ringing" is "bell ringing" to risk)
    (rules / "rare" / "hobby.txt").write_text("rock balancing\n!bell ringing\n!bell-ringing\n", encoding="utf-8")
    (rules / "detect.yaml").write_text("rare_finders:\n  animals: false\n", encoding="utf-8")
    runner = CliRunner(env={"QUALDEID_PASSPHRASE": "only-for-this-test"})
    out: dict[str, dict[str, object]] = {}
    for name, extra in (("default", []), ("project", ["--rules", str(rules)])):
        scan = runner.invoke(main, ["scan", str(corpus), "--format", "jsonl", "--quiet", *extra])
        assert scan.exit_code == 0, scan.output
        spans = {(s["label"], s["text"]) for line in scan.stdout.splitlines() for s in json.loads(line)["spans"]}
        scrubbed = root / f"scrubbed-{name}"
        key = root / f"{name}.key"
        scrub = runner.invoke(
            main, ["scrub", str(corpus), "-o", str(scrubbed), "--key", str(key), "--seed", "s", *extra]
        )
        assert scrub.exit_code == 0, scrub.output
        vignette = root / f"vignette-{name}.md"
        options = ["--theme", "walks", "--words", "400", "--seed", "3", "-o", str(vignette), "--quiet"]
        compose = runner.invoke(main, ["compose", str(corpus), *options, *extra])
        assert compose.exit_code == 0, compose.output
        risk = runner.invoke(main, ["risk", str(checked), "--corpus", str(corpus), "--format", "json", *extra])
        assert risk.exit_code in (3, 4), risk.output
        findings = {(f["check"], CHECKED[f["start"] : f["end"]]) for f in json.loads(risk.stdout)["findings"]}
        audit = json.loads((scrubbed / "qualdeid-audit.json").read_text(encoding="utf-8"))
        out[name] = {
            "scan": spans,
            "kept": [doc["kept"] for doc in audit["documents"]],  # p1, p2, p3
            "compose_notes": vignette.read_text(encoding="utf-8").split("## Notes for the author")[-1],
            "risk": findings,
        }
    return out


def rare(findings: set[tuple[str, str]], phrase: str) -> bool:
    return any(check == "rare_detail" and phrase in text for check, text in findings)


def test_a_finder_switched_off_finds_nothing_in_any_command(runs) -> None:
    default, project = runs["default"], runs["project"]
    # the detail runs on over where its clause goes on ("... in the yard": detail_tail of rules/rare/frames.yaml)
    assert any(label == "RARE_DETAIL" and text.startswith(GOAT) for label, text in default["scan"])
    assert not any(label == "RARE_DETAIL" and "goat" in text for label, text in project["scan"])
    assert default["kept"][0] == {"RARE_DETAIL": 1} and project["kept"][0] == {}
    # compose quotes the detail as its draft has it (a "they" character: "keep a pet goat")
    assert "a pet goat" in default["compose_notes"] and "a pet goat" not in project["compose_notes"]
    assert rare(default["risk"], GOAT) and not rare(project["risk"], "goat")


def test_a_removed_list_entry_is_not_found_by_any_command(runs) -> None:
    default, project = runs["default"], runs["project"]
    assert any(BELLS in text for _, text in default["scan"]) and not any(BELLS in text for _, text in project["scan"])
    assert default["kept"][1] == {"RARE_DETAIL": 1} and project["kept"][1] == {}
    assert BELLS in default["compose_notes"] and BELLS not in project["compose_notes"]
    assert rare(default["risk"], BELLS) and not rare(project["risk"], BELLS)


def test_an_added_list_entry_is_found_by_every_command(runs) -> None:
    default, project = runs["default"], runs["project"]
    assert not any(ROCKS in text for _, text in default["scan"]) and any(ROCKS in text for _, text in project["scan"])
    assert default["kept"][2] == {} and project["kept"][2] == {"RARE_DETAIL": 1}
    assert ROCKS not in default["compose_notes"] and ROCKS in project["compose_notes"]
    assert not rare(default["risk"], ROCKS) and rare(project["risk"], ROCKS)
