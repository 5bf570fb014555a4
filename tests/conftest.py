"""Shared fixtures. The spaCy model loads once per test session (it is the slow part)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers import EXAMPLES, SLOW_FIRST


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Whole files of ``SLOW_FIRST`` moved to the front, in its order; every other test keeps its place."""
    rank = {path: n for n, path in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


@pytest.fixture(scope="session")
def detector():
    from qualdeid.detect import Detector

    return Detector()


#: Passphrase of the keys the tests make (with a cheaper KDF setting, see ``round_trip``).
TEST_PASSPHRASE = "a passphrase for tests"


@dataclass
class RoundTrip:
    """A real scrub of ``inputs`` into ``out`` and a real restore of ``out`` into ``back``."""

    out: Path
    back: Path
    key_path: Path
    scrubbed: Any
    restored: Any

    def key(self) -> Any:
        from qualdeid.pseudonymise import Key

        return Key.open(self.key_path, TEST_PASSPHRASE)


@pytest.fixture
def round_trip(detector, tmp_path: Path) -> Callable[..., RoundTrip]:
    """``round_trip(path, **corpus_options)``: scrub with the session's detector (seed "t"), then
    restore the output with the key alone (no reading options repeated)."""
    from qualdeid.corpus.readers import Corpus
    from qualdeid.pseudonymise import Key, Restorer, Scrubber, ScrubConfig

    def run(*inputs: Path, **corpus_options: Any) -> RoundTrip:
        base = tmp_path / f"run{len(list(tmp_path.glob('run*')))}"
        key_path = base / "private" / "study.key"
        key = Key.create(key_path, TEST_PASSPHRASE, n=2**14)
        out, back = base / "out", base / "back"
        scrubbed = Scrubber(key, ScrubConfig(seed="t"), detector=detector).scrub(
            Corpus([str(p) for p in inputs], **corpus_options), out
        )
        restored = Restorer(Key.open(key_path, TEST_PASSPHRASE)).restore(Corpus([str(out)]), back)
        return RoundTrip(out, back, key_path, scrubbed, restored)

    return run


@pytest.fixture(scope="session")
def examples_run(tmp_path_factory: pytest.TempPathFactory, detector) -> dict[str, Path]:
    """The README's project steps on the bundled examples, through the real CLI: evaluate on the
    annotated sample, scrub with a key, compose a vignette and check it. Paths of what they wrote."""
    from click.testing import CliRunner

    import qualdeid.cli as cli
    from qualdeid.pseudonymise.key import PASSPHRASE_ENV

    base = tmp_path_factory.mktemp("examples-run")
    paths = {
        "scrubbed": base / "scrubbed",
        "key": base / "private" / "study.key",
        "evaluation": base / "detection-report.json",
        "vignette": base / "vignette.md",
        "provenance": base / "vignette.md.provenance.json",
        "risk": base / "risk.json",
    }
    gold = str(EXAMPLES / "gold.jsonl")
    steps = [
        (["evaluate", gold, "--format", "json", "--quiet"], "evaluation"),
        (["scrub", str(EXAMPLES / "diaries"), "-o", str(paths["scrubbed"]), "--key", str(paths["key"]), "-q"], None),
        (["compose", gold, "--theme", "everyday_activity", "--seed", "7", "-o", str(paths["vignette"])], None),
        (["risk", str(paths["vignette"]), "--corpus", gold, "-o", str(paths["risk"])], None),
    ]
    mp = pytest.MonkeyPatch()
    mp.setattr(cli.common, "make_detector", lambda *a, **k: detector)
    mp.setenv(PASSPHRASE_ENV, "a passphrase for tests")
    try:
        for args, stdout_to in steps:
            result = CliRunner().invoke(cli.main, args)
            assert result.exit_code in (0, 3), (args[0], result.output)  # risk: 3 = warnings only
            if stdout_to:
                paths[stdout_to].write_text(result.stdout, encoding="utf-8")
    finally:
        mp.undo()
    return paths
