"""The trained clause judge (detect/rare/clauses.py): how sentences are cut into clauses, its weights
file, how a kept clause is cut down to the fact, and that another finder's detail wins (invented texts)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.rare.clauses import (
    DEFAULT_CLAUSE_WEIGHTS,
    SUBTYPE,
    ClauseFinder,
    ClauseModel,
    Cutting,
    clause_features,
    clauses,
)
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.learned import TokenModel, feature_size, token_features
from qualdeid.detect.rare.lexicon import RareRules
from qualdeid.detect.rare.processor import RareDetailProcessor
from qualdeid.rules import Rules, RulesError

WIDTH = 96  # the pinned model's token vectors
CLAUSE_SIZE = 2 * feature_size(WIDTH) + 6


def _clauses(detector, text: str) -> list[str]:
    sdoc = detector.nlp(text)
    return [sdoc[s:e].text for s, e in clauses(sdoc, Cutting.of(RareRules.load(Rules())))]


def test_a_verb_of_saying_and_its_listener_stand_apart_from_what_was_told(detector) -> None:
    cut = _clauses(detector, "On the walk back she told me she repaired church organs in Utrecht for years.")
    assert "repaired church organs in Utrecht for years" in cut
    assert not any("told" in c and "organs" in c for c in cut)


def test_a_clause_opener_cuts_even_when_tagged_a_preposition(detector) -> None:
    cut = _clauses(detector, "He slept in a bus shelter before he got a room at the hostel.")
    assert "slept in a bus shelter" in cut
    assert not any("shelter" in c and "room" in c for c in cut)


def test_a_verbless_piece_stays_with_its_clause(detector) -> None:
    # the time after a comma has no verb: it belongs to the clause before it
    cut = _clauses(detector, "Her uncle restored steam engines at the museum, twenty years ago, then retired.")
    assert any("steam engines" in c and "twenty years ago" in c for c in cut)


def test_features_have_one_fixed_length_and_repeat(detector) -> None:
    rr = RareRules.load(Rules())
    sdoc = detector.nlp("My cousin carves canoe paddles from driftwood.")
    x = token_features(sdoc, RareContext.read(sdoc, [], rr).categories, WIDTH)
    f = clause_features(sdoc, x, 0, len(sdoc) - 1)
    assert f.shape == (CLAUSE_SIZE,)
    assert np.array_equal(f, clause_features(sdoc, x, 0, len(sdoc) - 1))


def test_weights_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    model = ClauseModel(
        rng.normal(size=CLAUSE_SIZE),
        rng.uniform(0.5, 2, size=CLAUSE_SIZE),
        rng.normal(size=(CLAUSE_SIZE, 3)),
        rng.normal(size=3),
        rng.normal(size=3),
        0.2,
    )
    model.save(tmp_path / "c.npz")
    x = rng.normal(size=(5, CLAUSE_SIZE)).astype(np.float32)
    assert np.allclose(model.scores(x), ClauseModel.load(tmp_path / "c.npz").scores(x), atol=1e-5)


def _rare_clause_model(path: Path) -> Path:
    """A hand-set judge: a clause with a word under Zipf 3 scores high, any other low."""
    hidden_w = np.zeros((CLAUSE_SIZE, 1), np.float32)
    hidden_w[2 * feature_size(WIDTH) + 3, 0] = 1.0  # the count of words under Zipf 3
    ClauseModel(
        np.zeros(CLAUSE_SIZE, np.float32),
        np.ones(CLAUSE_SIZE, np.float32),
        hidden_w,
        np.zeros(1, np.float32),
        np.array([10.0], np.float32),
        -5.0,
    ).save(path)
    return path


def _token_model(path: Path, rare_only: bool) -> Path:
    """A hand-set token network: every token high, or only words rare in general English."""
    d = feature_size(WIDTH)
    hidden_w = np.zeros((d, 1), np.float32)
    if rare_only:
        hidden_w[WIDTH * 6 : WIDTH * 6 + 3, 0] = 1.0  # the three lowest frequency bands
    TokenModel(hidden_w, np.zeros(1, np.float32), np.array([10.0], np.float32), -5.0 if rare_only else 5.0, WIDTH).save(
        path
    )
    return path


def _rules(tmp_path: Path, rare_tokens_only: bool) -> RareRules:
    rr = RareRules.load(Rules())
    rr.clause_weights = str(_rare_clause_model(tmp_path / "clauses.npz"))
    rr.learned_weights = str(_token_model(tmp_path / "tokens.npz", rare_tokens_only))
    return rr


def _hits(detector, rr: RareRules, text: str) -> list[str]:
    sdoc = detector.nlp(text)
    return [sdoc[h.start : h.end].text for h in ClauseFinder(rr).find(RareContext.read(sdoc, [], rr))]


def test_a_clause_the_judge_keeps_is_a_detail_without_its_subject(tmp_path: Path, detector) -> None:
    rr = _rules(tmp_path, rare_tokens_only=False)
    assert _hits(detector, rr, "Last spring he told me he tunes harpsichords for a living.") == [
        "tunes harpsichords for a living"
    ]
    assert _hits(detector, rr, "We had soup and then went for a walk by the river.") == []


def test_the_token_network_cuts_the_clause_down_to_the_fact(tmp_path: Path, detector) -> None:
    rr = _rules(tmp_path, rare_tokens_only=True)
    hits = _hits(detector, rr, "She told us she restores harpsichords and clavichords in her shed.")
    assert hits == ["harpsichords and clavichords"]


def test_a_clause_with_too_few_content_words_is_none(tmp_path: Path, detector) -> None:
    rr = _rules(tmp_path, rare_tokens_only=False)
    assert _hits(detector, rr, "Then he said it was harpsichords.") == []


def test_another_finders_detail_wins_over_the_clause(tmp_path: Path, detector) -> None:
    rr = _rules(tmp_path, rare_tokens_only=False)
    processor = RareDetailProcessor(Rules())
    rule_finders = [f for f in processor.finders if not isinstance(f, ClauseFinder)]
    text = "On Sundays he used to breed ferrets in the yard."

    def subtypes() -> list[str]:
        candidates, _ = processor.first_pass(Document(id="d", text=text), detector.nlp(text), [])
        return [c.subtype for c in candidates if "ferrets" in text[c.start : c.end]]

    processor.finders = [ClauseFinder(rr)]
    assert subtypes() == [SUBTYPE]  # alone, the judge flags the clause
    processor.finders = [*rule_finders, ClauseFinder(rr)]
    assert subtypes() and SUBTYPE not in subtypes()  # with the frames, theirs is the detail


def test_shipped_weights_load_from_the_package_are_small_and_the_judge_is_on() -> None:
    assert DEFAULT_CLAUSE_WEIGHTS.is_file()
    assert DEFAULT_CLAUSE_WEIGHTS.stat().st_size <= 2**20
    assert ClauseModel.load(DEFAULT_CLAUSE_WEIGHTS).hidden_w.shape[0] == CLAUSE_SIZE
    assert any(isinstance(f, ClauseFinder) for f in RareDetailProcessor(Rules()).finders)


def test_missing_weights_say_how_to_get_them_or_switch_off(tmp_path: Path) -> None:
    rr = RareRules.load(Rules())
    rr.clause_weights = str(tmp_path / "nowhere.npz")
    with pytest.raises(RulesError, match=r"train_rare_clauses\.py.*clauses: false"):
        ClauseFinder(rr)


def test_a_project_folder_points_to_other_weights_or_switches_it_off(tmp_path: Path) -> None:
    weights = _rare_clause_model(tmp_path / "mine.npz")
    project = tmp_path / "rules"
    (project / "rare").mkdir(parents=True)
    (project / "rare" / "clauses.yaml").write_text(f"clause_weights: {weights}\n", encoding="utf-8")
    finders = [f for f in RareDetailProcessor(Rules([project])).finders if isinstance(f, ClauseFinder)]
    assert len(finders) == 1 and finders[0].model.out_b == -5.0
    (project / "detect.yaml").write_text("rare_finders:\n  clauses: false\n", encoding="utf-8")
    assert not any(isinstance(f, ClauseFinder) for f in RareDetailProcessor(Rules([project])).finders)


#: invented lines of a diary around a detail: the judge's veto reads texts of clause_veto_min_chars or more
DIARY = "Quiet morning on the unit. We sorted the linen cupboard and had a coffee. " * 5


def test_the_judges_veto_drops_a_rule_detail_only_when_switched_on(tmp_path: Path, detector) -> None:
    # a judge that scores every clause low: with a veto, the frames' detail in it goes; without, it stays
    processor = _low_judged(tmp_path)
    text = DIARY + "On Sundays he used to breed ferrets in the yard."

    def found() -> list[str]:
        candidates, _ = processor.first_pass(Document(id="d", text=text), detector.nlp(text), [])
        return [text[c.start : c.end] for c in candidates]

    processor.clause_veto = 0
    assert any("ferrets" in f for f in found())
    processor.clause_veto = 0.5
    assert found() == []


def _flat_judge(tmp_path: Path, score: float) -> ClauseModel:
    """A judge that scores every clause ``score`` (one file per score: weights are cached by their path)."""
    flat = tmp_path / f"flat-{score}.npz"
    ClauseModel(
        np.zeros(CLAUSE_SIZE, np.float32),
        np.ones(CLAUSE_SIZE, np.float32),
        np.zeros((CLAUSE_SIZE, 1), np.float32),
        np.zeros(1, np.float32),
        np.zeros(1, np.float32),
        float(np.log(score / (1 - score))),
    ).save(flat)
    return ClauseModel.load(flat)


def _low_judged(tmp_path: Path) -> RareDetailProcessor:
    processor = RareDetailProcessor(Rules())
    judge = ClauseFinder(processor.rr)
    judge.model = _flat_judge(tmp_path, 0.0003)
    processor.finders = [f for f in processor.finders if not isinstance(f, ClauseFinder)] + [judge]
    processor.clause_veto = 0.5
    return processor


def test_the_veto_spares_a_detail_that_may_cover_a_name(tmp_path: Path, detector) -> None:
    # a capitalised word inside the sentence that no recogniser found: the detail may be what covers a name
    processor = _low_judged(tmp_path)
    text = DIARY + "On Sundays he used to breed Zorvath ferrets in the yard."
    candidates, _ = processor.first_pass(Document(id="d", text=text), detector.nlp(text), [])
    assert any("ferrets" in text[c.start : c.end] for c in candidates)


def test_the_veto_leaves_a_short_text_alone(tmp_path: Path, detector) -> None:
    # the judge was trained on texts of 400 characters or more (3 of 3,106 records shorter): on a survey's answer
    # or a lone sentence it scores the clauses out of its experience, so it vetoes nothing there
    processor = _low_judged(tmp_path)
    assert processor.clause_veto_min_chars == 400
    text = "On Sundays he used to breed ferrets in the yard."
    candidates, _ = processor.first_pass(Document(id="d", text=text), detector.nlp(text), [])
    assert any("ferrets" in text[c.start : c.end] for c in candidates)
    processor.clause_veto_min_chars = 0
    candidates, _ = processor.first_pass(Document(id="d", text=text), detector.nlp(text), [])
    assert candidates == []


def test_the_shipped_veto_drops_a_detail_the_judge_scores_one_in_a_thousand(tmp_path: Path, detector) -> None:
    # on sets the judge never saw, details it scored under 0.003 were about five false for each true one
    processor = RareDetailProcessor(Rules())  # the thresholds as shipped
    judge = next(f for f in processor.finders if isinstance(f, ClauseFinder))
    text = DIARY + "On Sundays he used to breed ferrets in the yard."
    sdoc = detector.nlp(text)
    for score, kept in ((0.001, False), (0.01, True)):
        judge.model = _flat_judge(tmp_path, score)
        candidates, _ = processor.first_pass(Document(id="d", text=text), sdoc, [])
        assert any("ferrets" in text[c.start : c.end] for c in candidates) is kept


def test_the_shipped_judge_keeps_a_feat_told_plainly_without_a_frame(detector) -> None:
    # scored about 0.88 by the shipped weights: under the old 0.99 the clause was left, and no frame opens it
    rr = RareRules.load(Rules())
    text = "She said she once rowed a dinghy single-handed across the Bass Strait to raise money for the hospice."
    sdoc = detector.nlp(text)
    hits = [sdoc[h.start : h.end].text for h in ClauseFinder(rr).find(RareContext.read(sdoc, [], rr))]
    assert any(h.startswith("rowed a dinghy single-handed") for h in hits)
    for plain in (
        "We had soup and then went for a walk by the river.",
        "She was tired after the bus ride and went to bed early.",
    ):
        sdoc = detector.nlp(plain)
        assert ClauseFinder(rr).find(RareContext.read(sdoc, [], rr)) == []
