"""One sentence of a text that retells, in generalised words, one sentence of a person's accounts that
tells their past (risk/sentences.py), and the ``subject_linkage`` finding it gives.

Invented corpus: three people of a drop-in, each with a past told once, and the drop-in's everyday
sentences that everyone's diaries share.
"""

from __future__ import annotations

import json
import math

import pytest

from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.analysis import analyse
from qualdeid.risk.linkage import PersonEvidence
from qualdeid.risk.sentences import SentenceIndex, durations, number_value

DOCS = [
    Document(
        "d1",
        "Marguerite Olofsson joined the art group today. She told me she was born on a ferry crossing to a "
        "small island, and her aunt still tells the story at every birthday. We had tea in the kitchen.",
    ),
    Document("d2", "Marguerite Olofsson painted a lighthouse. We had tea in the kitchen and talked about the weather."),
    Document(
        "d3",
        "Bartholomew Quaye came to the drop-in. He lost two fingers to a circular saw when he was nineteen, "
        "in a joinery workshop. We had tea in the kitchen.",
    ),
    Document("d4", "Bartholomew Quaye fixed the kettle. We went for a walk to the shops and had tea."),
    Document(
        "d5",
        "Henrietta Vosk rang about her rent. She grew up keeping goats on a hill farm as a girl. We walked "
        "to the shops.",
    ),
    Document("d6", "A quiet day in the kitchen with tea and a walk to the shops. Everyone was tired after it."),
    Document("d7", "Henrietta Vosk baked scones for the group. We had tea in the kitchen and a walk to the shops."),
    # a fact of a life told as an episode of the service: no sentence of it tells a past
    Document(
        "d8",
        "Ottoline Brisk brought her accordion and played a polka from her village while the volunteers danced. "
        "We had tea in the kitchen.",
    ),
]


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, DOCS)


@pytest.fixture(scope="module")
def index(checker: RiskChecker) -> SentenceIndex:
    assert checker.linker.sentence_index is not None
    return checker.linker.sentence_index


def _person(checker: RiskChecker, document: str) -> str:
    (pid,) = [p for p, s in checker.profile.sources.items() if document in s.documents and s.role != "worker"]
    return pid


def _matches(checker: RiskChecker, index: SentenceIndex, text: str):
    a = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)[0]
    return index.match(a, [], checker.k)


def test_the_people_every_life_has_tell_no_one_apart(checker: RiskChecker, index: SentenceIndex) -> None:
    """A match must share two words naming things, places, qualities or people by what sets them apart:
    "mother", "father", "a woman" are in everyone's life, and verbs tell nothing apart."""
    text = "Her mother and father walked her to a hill farm with goats."
    a = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)[0]
    words = {t.text: t for t in a.tokens}
    assert index.things([words["mother"], words["father"], words["walked"]]) == 0
    assert index.things([words["mother"], words["farm"], words["goats"]]) == 2


def test_chance_is_measured_on_the_corpus(index: SentenceIndex) -> None:
    assert math.isfinite(index.threshold) and index.threshold > 0
    assert index.life  # the sentences that tell a past are known


def test_a_detail_retold_in_broader_words_points_to_its_person(checker: RiskChecker, index: SentenceIndex) -> None:
    # "boat" for the accounts' "ferry" (a broader word), "mother" for nobody's word: no rare word is kept
    text = "One woman came into the world on a boat crossing to an island, a story her relatives still tell."
    (match,) = [m for m in _matches(checker, index, text) if m.person == _person(checker, "d1")]
    assert match.life and match.score >= match.threshold and match.document == "d1"
    assert {"boat", "island", "story"} <= {t.text for t in match.tokens}


def test_related_words_link_both_ways(index: SentenceIndex) -> None:
    # related.txt lists "ruminant" under "goat" but not "goat" under "ruminant": a text that says the
    # broader word still meets the accounts' narrower one
    assert "goat" not in index.related.of("ruminant")
    assert "goat" in index._near("ruminant")
    assert "goat" not in index._near("goat")


def test_the_everyday_sentences_of_the_service_point_to_no_one(checker: RiskChecker, index: SentenceIndex) -> None:
    # the sentence may match everyday sentences; none of them tells anyone's past
    text = "We had tea in the kitchen and then a walk to the shops."
    assert not [m for m in _matches(checker, index, text) if m.life]
    report = checker.check([Document("t", text)])
    assert not [f for f in report.findings if f.check == "subject_linkage"]


def test_the_check_says_which_sentence_was_retold(checker: RiskChecker) -> None:
    text = "A man in the group lost fingers to a saw in a workshop when he was nineteen."
    report = checker.check([Document("t", text)])
    person = _person(checker, "d3")
    linked = [f for f in report.findings if f.check == "subject_linkage" and f.people == [person]]
    assert linked and "tells their past" in linked[0].message
    assert linked[0].severity == "warn"


def test_a_phrasal_verb_is_as_common_as_the_word_it_stands_for(checker: RiskChecker, index: SentenceIndex) -> None:
    # "came" alone is too common to tell anything; "came back" is read as "return", which is not
    (a,) = analyse(checker.detector.nlp, [("t", "Her cousin came back from the islands.")], checker.profile.synonyms)
    classes = {t.text: index.word_class(t) for t in a.tokens}
    assert classes["came"] == "return"
    (b,) = analyse(checker.detector.nlp, [("t", "Her cousin came to the islands.")], checker.profile.synonyms)
    assert {t.text: index.word_class(t) for t in b.tokens}["came"] == ""


def test_a_life_retold_from_an_episode_of_the_accounts_points_to_its_person(checker: RiskChecker) -> None:
    # their diary told it as something that happened at the service; the text tells it as a fact of her life
    text = "One woman used to play polka tunes from her village on the accordion for volunteers to dance to."
    report = checker.check([Document("t", text)])
    person = _person(checker, "d8")
    linked = [f for f in report.findings if f.check == "subject_linkage" and f.people == [person]]
    assert linked and "about one person's life" in linked[0].message


def test_the_same_episode_told_of_no_one_in_particular_points_to_no_one(checker: RiskChecker) -> None:
    text = "Peer workers said polka tunes from a village on the accordion got volunteers to dance."
    report = checker.check([Document("t", text)])
    assert not [f for f in report.findings if f.check == "subject_linkage"]


def test_sentences_of_several_accounts_of_one_person_are_one_person(index: SentenceIndex) -> None:
    # d1 and d2 are both about the same woman (each naming her), d3 about a man
    first = {doc: next(j for j, (d, _, _) in enumerate(index.sentences) if d == doc) for doc in ("d1", "d2", "d3")}
    assert index.people_k([first["d1"], first["d2"]]) == 1
    assert index.people_k([first["d1"], first["d2"], first["d3"]]) == 2


# A worker's own past, told once in their diary, that residents' accounts also tell of themselves: among
# everyone it is a common story, among the writers it is one worker's.
WRITERS = [
    (
        "w1",
        "W1",
        "Hilda Marchetti was low today so we sat in the garden. I told her my sister drowned at the "
        "weir, so I spent a month on a psychiatric ward at fifteen. She held my hand. We had tea in the kitchen.",
    ),
    (
        "w2",
        "W2",
        "Hilda Marchetti spent a month on a psychiatric ward after her sister drowned at the weir. "
        "We had tea in the kitchen.",
    ),
    (
        "w3",
        "W2",
        "Cosmo Ravel spent a month on a psychiatric ward after his sister drowned in a weir. "
        "We had tea in the kitchen.",
    ),
    (
        "w4",
        "W3",
        "Juniper Okafor spent a month on a psychiatric ward when her sister drowned at a weir. "
        "We went for a walk to the shops.",
    ),
    ("w5", "W3", "Cosmo Ravel painted the fence. We went for a walk to the shops and had tea."),
    ("w6", "W1", "Juniper Okafor baked bread with the group. We went for a walk to the shops."),
    ("w7", "W2", "Hilda Marchetti knitted a scarf. We had tea in the kitchen and a walk to the shops."),
    ("w8", "W3", "A quiet day. We had tea in the kitchen and talked about the weather."),
    ("w9", "W1", "Cosmo Ravel fixed the kettle. We went for a walk to the shops."),
]
DISCLOSURE = "One worker lost a sister who drowned at a weir as a teenager and spent a month on a psychiatric ward."


@pytest.fixture(scope="module")
def writers_checker(detector, tmp_path_factory) -> RiskChecker:
    path = tmp_path_factory.mktemp("writers") / "diaries.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "author": a, "text": t}) for i, a, t in WRITERS), encoding="utf-8")
    return RiskChecker(load_risk_config(), detector, Corpus([path]))


def test_a_writers_past_is_matched_among_the_writers(writers_checker: RiskChecker) -> None:
    checker = writers_checker
    index = checker.linker.sentence_index
    assert index is not None
    (worker,) = [p for p, s in checker.profile.sources.items() if s.role == "worker" and "w1" in s.documents]
    a = analyse(checker.detector.nlp, [("t", DISCLOSURE)], checker.profile.synonyms)[0]
    assert not index.match(a, [], checker.k)  # three residents' accounts say it too
    assert [m.person for m in index.match(a, [], checker.k, among=checker.linker.writers)] == [worker]
    report = checker.check([Document("t", DISCLOSURE)])
    linked = [f for f in report.findings if f.check == "subject_linkage"]
    assert [f.people for f in linked] == [[worker]] and "w1" in linked[0].message


def test_sentences_that_share_only_what_people_did_tell_different_things(detector, tmp_path, monkeypatch) -> None:
    # grumbling, sulking and dozing are what anyone does on a bad afternoon; a detail is carried by the
    # things, people and places two sentences share (at least two of them)
    docs = [*WRITERS, ("w10", "W2", "Cosmo Ravel grumbled, sulked and dozed all afternoon. We had tea in the kitchen.")]
    path = tmp_path / "diaries.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "author": a, "text": t}) for i, a, t in docs), encoding="utf-8")
    checker = RiskChecker(load_risk_config(), detector, Corpus([path]))
    index = checker.linker.sentence_index
    assert index is not None
    monkeypatch.setattr(index, "threshold", 0.0)  # any three shared words are above chance here
    (a,) = analyse(checker.detector.nlp, [("t", "He grumbled, sulked and dozed.")], checker.profile.synonyms)
    assert len({index.word_class(t) for t in a.tokens} - {""}) == 3
    assert not index.match(a, [], checker.k)
    (b,) = analyse(checker.detector.nlp, [("t", "Cosmo grumbled and dozed all afternoon.")], checker.profile.synonyms)
    assert index.match(b, [], checker.k)  # a person and a time of day besides


# One woman's past told in one long sentence; three other people's sentences share four of its words each
# (an ordinary life: driving a lorry, losing a licence). A retelling matches hers far better than theirs.
RETOLD_TEXTS = [
    "Philippa Tarrow told me she drove a haulage lorry over the hills until a drink-driving charge cost her the "
    "job and her licence.",
    "Cosmo Ravel drove his lorry over the hills and lost his licence. We had tea in the kitchen.",
    "Juniper Okafor drove a lorry over the hills until she lost her licence. We walked to the shops.",
    "Hilda Marchetti once drove a lorry over the hills and lost her licence. We had tea.",
    "Philippa Tarrow painted the fence. We went for a walk to the shops and had tea.",
    "A quiet day. We had tea in the kitchen and talked about the weather.",
]
RETOLD = [(f"r{i}", f"W{i % 3 + 1}", text) for i, text in enumerate(RETOLD_TEXTS, 1)]
RETELLING = "A woman lost her haulage job and her licence over a drink-driving charge after years driving a lorry."


def test_a_sentence_matched_far_better_than_the_wording_other_lives_share_points_to_its_person(
    detector, tmp_path, monkeypatch
) -> None:
    # three people's sentences share four words with the text (driving a lorry, losing a licence): that
    # wording is everyone's; hers shares those and the haulage, the drink, the charge: matched that well alone
    path = tmp_path / "diaries.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "author": a, "text": t}) for i, a, t in RETOLD), encoding="utf-8")
    config = load_risk_config()
    assert 0 < config.sentences_near_best < 1
    checker = RiskChecker(config, detector, Corpus([path]))
    index = checker.linker.sentence_index
    assert index is not None
    monkeypatch.setattr(index, "threshold", 0.0)  # any three shared words are above chance here
    (a,) = analyse(checker.detector.nlp, [("t", RETELLING)], checker.profile.synonyms)
    (person,) = [p for p, s in checker.profile.sources.items() if "r1" in s.documents and s.role != "worker"]
    assert [m.person for m in index.match(a, [], checker.k)] == [person]
    index.near_best = 0.0  # every match above chance counts: four people's sentences say that much
    assert not index.match(a, [], checker.k)


def _weak_evidence(checker: RiskChecker, person: str, *, writer: bool = False) -> PersonEvidence:
    """Two weak signs on one person: two words specific to them a little above chance, and one sentence
    sharing two words with one sentence of theirs that tells their past; each short of a link alone."""
    (a,) = analyse(checker.detector.nlp, [("t", "A man once worked with saws in a joinery.")], checker.profile.synonyms)
    words = [t for t in a.tokens if t.text in ("saws", "joinery")]
    ev = PersonEvidence(person, words=words, weight=1.6, expected_weight=0.4, writer=writer)
    ev.sentence_words, ev.sentence_weight, ev.sentence_life = words, 1.2, True
    return ev


def _links(checker: RiskChecker, ev: PersonEvidence) -> bool:
    c = checker.config
    linked = checker.linker.linked({ev.person: ev}, c.linkage_min_words, c.linkage_min_weight, c.linkage_min_findings)
    return bool(linked)


def test_weak_signs_that_agree_on_one_person_link_the_text(checker: RiskChecker) -> None:
    person = _person(checker, "d3")
    ev = _weak_evidence(checker, person)
    assert checker.linker.converging(ev) == 2 and _links(checker, ev)
    ev.sentence_life = False  # one sign alone links no one
    assert checker.linker.converging(ev) == 1 and not _links(checker, ev)
    ev.words = ev.words[:1]  # nor none
    assert checker.linker.converging(ev) == 0


def test_two_uncommon_words_a_little_under_one_above_chance_are_a_weak_sign(checker: RiskChecker) -> None:
    """Two words of one detail retold in a sentence that tells a past ("a lathe" and "a spindle" of theirs)
    weigh a little under 1.0 above chance; with the sentence they share with theirs they are two signs."""
    person = _person(checker, "d3")
    ev = _weak_evidence(checker, person)
    ev.weight, ev.expected_weight = 1.3, 0.4  # 0.9 above chance
    assert checker.config.linkage_converge_weight <= 0.9
    assert checker.linker.converging(ev) == 2 and _links(checker, ev)
    ev.weight = 1.0  # 0.6 above chance: the shared sentence alone, one sign
    assert checker.linker.converging(ev) == 1 and not _links(checker, ev)


def test_weak_signs_on_a_workers_diaries_count_only_for_their_own_past(writers_checker: RiskChecker) -> None:
    # a worker's diaries are the service's everyday wording: a text that does not tell a writer's past
    # is not theirs however many of their words it uses
    checker = writers_checker
    (worker,) = [p for p, s in checker.profile.sources.items() if s.role == "worker" and "w1" in s.documents]
    assert checker.linker.converging(_weak_evidence(checker, worker)) == 0
    assert checker.linker.converging(_weak_evidence(checker, worker, writer=True)) == 2


def _spans(checker: RiskChecker, text: str) -> set[str]:
    (a,) = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)
    return set(durations(a.tokens))


def test_a_span_in_other_units_is_one_class(checker: RiskChecker) -> None:
    """ "three decades" and "thirty years" (or "30 years") are one span; numbers are otherwise left out of
    sentence matching, so a span reworded in another unit would match nothing."""
    decades = _spans(checker, "He kept bees on the moor for three decades.")
    years = _spans(checker, "He kept bees on the moor for thirty years.")
    figures = _spans(checker, "He kept bees on the moor for 30 years.")
    assert decades == years == figures == {"duration:30y"}
    assert _spans(checker, "He kept bees for two decades.") != decades


def test_a_short_span_is_no_class(checker: RiskChecker) -> None:
    """A few years is everyone's: it adds nothing to a match."""
    assert _spans(checker, "She has lived here for three years.") == set()
    assert _spans(checker, "She has three brothers.") == set()


def test_number_value() -> None:
    assert number_value("forty") == 40
    assert number_value("1,200") == 1200
    assert number_value("several") is None


def test_a_span_reworded_is_a_shared_word(detector) -> None:
    """A retelling that says a span of their past in other units shares it with their sentence."""
    docs = [
        *DOCS,
        Document(
            "d9",
            "Aurelio Stenmark came for soup. He kept the lock gates on the old canal for forty years before "
            "he retired. We had tea in the kitchen.",
        ),
        Document("d10", "Aurelio Stenmark mended a chair. We had tea in the kitchen."),
    ]
    checker = RiskChecker(load_risk_config(), detector, docs)
    index = checker.linker.sentence_index
    assert index is not None
    assert "duration:40y" in index.by_class
    (a,) = analyse(
        checker.detector.nlp,
        [("t", "One man kept the lock gates on a canal for four decades.")],
        checker.profile.synonyms,
    )
    shared = index._score(dict(durations(a.tokens)))
    assert any("duration:40y" in ws and index.sentences[j][0] == "d9" for j, ws in shared.items())
