"""The trained rare-detail finder (detect/rare/learned.py): its features, its weights file, how runs of
high-scoring tokens become details, and how a project switches it on (invented texts)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from qualdeid.detect.rare.context import NAME_ENTITIES, RareContext
from qualdeid.detect.rare.learned import (
    DEFAULT_WEIGHTS,
    LearnedFinder,
    TokenModel,
    feature_size,
    token_features,
)
from qualdeid.detect.rare.lexicon import COMMON, RareRules
from qualdeid.detect.rare.processor import RareDetailProcessor
from qualdeid.rules import Rules, RulesError

WIDTH = 96  # the pinned model's token vectors


def _features(detector, text: str) -> tuple[np.ndarray, int]:
    rr = RareRules.load(Rules())
    sdoc = detector.nlp(text)
    return token_features(sdoc, RareContext.read(sdoc, [], rr).categories, WIDTH), len(sdoc)


def test_one_feature_row_per_token_and_the_same_every_time(detector) -> None:
    text = "Before the accident she used to restore clocks for a museum."
    x, n = _features(detector, text)
    assert x.shape == (n, feature_size(WIDTH))
    assert np.array_equal(x, _features(detector, text)[0])
    assert np.abs(x[:, :WIDTH]).sum() > 0  # the parse's token vectors are there


def test_the_flag_columns_say_what_each_token_says(detector) -> None:
    text = "Ms Orlaith Quennell, a retired farrier from Dunmerrow, told me she was 'ok'. We met Tuesday."
    rr = RareRules.load(Rules())
    sdoc = detector.nlp(text)
    categories = RareContext.read(sdoc, [], rr).categories
    x = token_features(sdoc, categories, WIDTH)
    flags = x[:, feature_size(WIDTH) - 7 :]
    for t in sdoc:
        category = categories.get(t.i, COMMON)
        assert list(flags[t.i]) == [
            t.ent_type_ in NAME_ENTITIES,
            category != COMMON,
            categories.get(t.i) == COMMON,
            t.is_stop,
            t.is_title,
            flags[t.i][5],  # the sentence's first person: a property of the sentence
            t.is_alpha,
        ]
    assert flags[:, 0].any() and flags[:, 4].any()


def test_weights_round_trip(tmp_path: Path, detector) -> None:
    rng = np.random.default_rng(0)
    d = feature_size(WIDTH)
    model = TokenModel(rng.normal(size=(d, 4)), rng.normal(size=4), rng.normal(size=4), 0.3, WIDTH)
    model.save(tmp_path / "w.npz")
    loaded = TokenModel.load(tmp_path / "w.npz")
    x, _ = _features(detector, "He once sailed a dinghy round the cape alone.")
    assert np.allclose(model.scores(x.astype(np.float32)), loaded.scores(x), atol=1e-5)


def _rare_word_model(tmp_path: Path) -> Path:
    """A hand-set network that scores a token high when its word is rare in general English (the
    lowest three frequency bands) and low otherwise."""
    d = feature_size(WIDTH)
    zipf_col = WIDTH * 6
    hidden_w = np.zeros((d, 1), np.float32)
    hidden_w[zipf_col : zipf_col + 3, 0] = 1.0
    path = tmp_path / "rare-words.npz"
    TokenModel(hidden_w, np.zeros(1, np.float32), np.array([10.0], np.float32), -5.0, WIDTH).save(path)
    return path


def _hits(detector, rr: RareRules, text: str) -> list[str]:
    sdoc = detector.nlp(text)
    return [sdoc[h.start : h.end].text for h in LearnedFinder(rr).find(RareContext.read(sdoc, [], rr))]


def test_runs_of_high_scoring_tokens_become_one_detail_each(tmp_path: Path, detector) -> None:
    rr = RareRules.load(Rules())
    rr.learned_weights = str(_rare_word_model(tmp_path))
    # two rare words bridged over one ordinary word make one run; a lone rare word is too short
    assert _hits(detector, rr, "Her brother breeds axolotls and chinchillas in the garage.") == [
        "axolotls and chinchillas"
    ]
    assert _hits(detector, rr, "We talked about the axolotl at lunch.") == []
    assert _hits(detector, rr, "She went to the shops with her mum and came home.") == []


def test_shipped_weights_load_from_the_package_and_are_small() -> None:
    assert DEFAULT_WEIGHTS.is_file()
    assert DEFAULT_WEIGHTS.stat().st_size <= 30 * 2**20
    model = TokenModel.load(DEFAULT_WEIGHTS)
    assert model.width == WIDTH
    assert model.hidden_w.shape[0] == feature_size(WIDTH)


def test_missing_weights_say_how_to_get_them_or_switch_off(tmp_path: Path) -> None:
    rr = RareRules.load(Rules())
    rr.learned_weights = str(tmp_path / "nowhere.npz")
    with pytest.raises(RulesError, match=r"train_rare\.py.*learned: false"):
        LearnedFinder(rr)


def test_a_project_folder_switches_it_and_points_to_other_weights(tmp_path: Path) -> None:
    weights = _rare_word_model(tmp_path)
    project = tmp_path / "rules"
    (project / "rare").mkdir(parents=True)
    (project / "detect.yaml").write_text("rare_finders:\n  learned: true\n", encoding="utf-8")
    (project / "rare" / "learned.yaml").write_text(f"weights: {weights}\n", encoding="utf-8")
    on = RareDetailProcessor(Rules([project]))
    finders = [f for f in on.finders if isinstance(f, LearnedFinder)]
    assert len(finders) == 1
    assert finders[0].model.out_b == -5.0
    (project / "detect.yaml").write_text("rare_finders:\n  learned: false\n", encoding="utf-8")
    assert not any(isinstance(f, LearnedFinder) for f in RareDetailProcessor(Rules([project])).finders)
