"""A project's rules folder changes scan, scrub, compose and risk alike: switching a rare-detail finder
off (detect.yaml), removing a list entry (``!Timaru``) and adding one (``Quillbrook``)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qualdeid.cli import main

#: four invented accounts, each coded on one theme; "timaru" and "quillbrook" in lower case are found
#: only through the town list, "keeps a pet goat" only by the animal finder
ACCOUNTS = [
    "Texted from timaru this morning about the rota. She keeps a pet goat in the yard and it follows her "
    "everywhere. The walk helped her settle.",
    "He drove to quillbrook on Tuesday for the market. We talked about the bus timetable and he laughed. "
    "Having a plan helped him.",
    "She came back from timaru late. We sat in the garden with a cuppa and made a list. Small steps helped her.",
    "He rang from quillbrook after lunch. We sorted his forms together at the table. Doing it together helped.",
]
CHECKED = "We met up after she texted from timaru, then drove to quillbrook. She keeps a pet goat at home.\n"


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
    (rules / "lexicons").mkdir(parents=True)
    (rules / "lexicons" / "towns.txt").write_text("Quillbrook\n!Timaru\n", encoding="utf-8")
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
        options = ["--theme", "walks", "--words", "120", "--seed", "3", "-o", str(vignette), "--quiet"]
        compose = runner.invoke(main, ["compose", str(corpus), *options, *extra])
        assert compose.exit_code == 0, compose.output
        risk = runner.invoke(main, ["risk", str(checked), "--corpus", str(corpus), "--format", "json", *extra])
        assert risk.exit_code in (3, 4), risk.output
        findings = {(f["check"], CHECKED[f["start"] : f["end"]]) for f in json.loads(risk.stdout)["findings"]}
        out[name] = {
            "scan": spans,
            "scrub": (scrubbed / "corpus.jsonl").read_text(encoding="utf-8"),
            "audit": json.loads((scrubbed / "qualdeid-audit.json").read_text(encoding="utf-8"))["summary"],
            "compose": vignette.read_text(encoding="utf-8").split("*A composite")[0],
            "risk": findings,
        }
    return out


def test_a_finder_switched_off_finds_nothing_in_any_command(runs) -> None:
    default, project = runs["default"], runs["project"]
    assert ("RARE_DETAIL", "keeps a pet goat") in default["scan"]
    assert not any(label == "RARE_DETAIL" for label, _ in project["scan"])
    assert default["audit"]["kept"] == {"RARE_DETAIL": 1} and project["audit"]["kept"] == {}
    assert "keeps a pet goat" not in default["compose"] and "keeps a pet goat" in project["compose"]
    assert any(check == "rare_detail" and text == "keeps a pet goat" for check, text in default["risk"])
    assert not any(text == "keeps a pet goat" for _, text in project["risk"])


def test_a_removed_list_entry_is_not_found_by_any_command(runs) -> None:
    default, project = runs["default"], runs["project"]
    assert ("LOCATION", "timaru") in default["scan"] and ("LOCATION", "timaru") not in project["scan"]
    assert "timaru" not in default["scrub"] and "timaru" in project["scrub"]
    assert "timaru" not in default["compose"] and "from timaru" in project["compose"]
    assert ("residual_identifier", "timaru") in default["risk"]
    assert ("residual_identifier", "timaru") not in project["risk"]


def test_an_added_list_entry_is_found_by_every_command(runs) -> None:
    default, project = runs["default"], runs["project"]
    assert ("LOCATION", "quillbrook") not in default["scan"] and ("LOCATION", "quillbrook") in project["scan"]
    assert "quillbrook" in default["scrub"] and "quillbrook" not in project["scrub"]
    assert "from quillbrook" in default["compose"] and "quillbrook" not in project["compose"]
    assert ("residual_identifier", "quillbrook") not in default["risk"]
    assert ("residual_identifier", "quillbrook") in project["risk"]
