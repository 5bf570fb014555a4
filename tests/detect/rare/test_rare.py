"""Rare personal details (RARE_DETAIL): frames, lexicons, word frequency and within-corpus rarity."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from helpers import EXAMPLES, FIXTURES, covered, run
from qualdeid.corpus.model import Document, Span
from qualdeid.detect.rare.finder import Status
from qualdeid.detect.rare.processor import RareDetailProcessor
from qualdeid.rules import Rules


def _cases(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()]


CASES = _cases("rare_details.jsonl")
#: Written before the phrase patterns were tuned and never tuned on: an honest estimate of generality.
UNSEEN = _cases("rare_details_unseen.jsonl")
POSITIVES = [c for c in CASES if c["rare"]]
NEGATIVES = [c["text"] for c in CASES if not c["rare"]]


@pytest.fixture(scope="module")
def processor() -> RareDetailProcessor:
    return RareDetailProcessor(Rules())


def recall(detector, cases: list[dict]) -> float:
    positives = [c for c in cases if c["rare"]]
    results = [run(detector, [c["text"]])[0] for c in positives]
    found = [covered(c["text"], p, spans) for c, spans in zip(positives, results, strict=True) for p in c["rare"]]
    assert len(found) >= 25
    return sum(found) / len(found)


def test_recall_on_fixture_details(detector) -> None:
    assert recall(detector, CASES) >= 0.9


def test_recall_on_details_never_tuned_on(detector) -> None:
    """Measured once after the work was done (0.72 at the time); guards against collapse only."""
    assert recall(detector, UNSEEN) >= 0.6
    flagged = [c["text"] for c in UNSEEN if not c["rare"] and run(detector, [c["text"]])[0]]
    assert len(flagged) <= 1, flagged


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_content_is_not_flagged(detector, text: str) -> None:
    assert run(detector, [text]) == [[]]


def test_span_is_the_short_phrase_with_reason_and_subtype(detector) -> None:
    text = "Over a cuppa she told me she used to be a trapeze artist in Ohio, then we did the dishes."
    [spans] = run(detector, [text])
    assert len(spans) == 1
    span = spans[0]
    assert span.text == text[span.start : span.end]
    assert span.text.startswith("used to be a trapeze artist")
    assert "dishes" not in span.text and "cuppa" not in span.text
    assert span.label == "RARE_DETAIL" and span.detector == "rare"
    assert span.subtype == "occupation"
    assert "occupation" in span.reason and "frequency" in span.reason
    assert "occurs in 1 document of 1" in span.reason
    assert "trapeze" not in span.reason and "artist" not in span.reason  # reasons never quote the text


def test_a_vague_duration_inside_a_detail_leaves_it_whole(detector) -> None:
    # a stretch of time inside a detail is no date to cut out: the example diaries once showed
    # "she [detail] twelve years [detail]", a lone verb flagged and the phrase broken
    docs = [Document(p.name, p.read_text(encoding="utf-8")) for p in sorted((EXAMPLES / "diaries").glob("*.txt"))]
    details = [s for doc in detector.detect(docs) for s in doc.spans if s.label == "RARE_DETAIL"]
    assert len(details) >= 5
    assert all(len(s.text.split()) >= 2 for s in details), [len(s.text.split()) for s in details]
    assert any("years as a" in s.text for s in details)


def test_subtypes(detector) -> None:
    texts = [
        "He lost three fingers in a sawmill accident.",
        "She keeps a tarantula in her room.",
        "He is one of twelve siblings.",
        "She won a national fiddle title last year.",
        "He speaks fluent Estonian.",
    ]
    subtypes = [[s.subtype for s in spans] for spans in run(detector, texts)]
    assert subtypes == [["physical_trait"], ["pet"], ["family"], ["life_event"], ["language"]]


def test_word_frequency_alone_with_within_corpus_rarity(detector) -> None:
    """A word in no lexicon counts when it is rare in general language and in the corpus."""
    detail = "He told me he was a telegraphist on the railways for years."
    filler = "We had a coffee and talked about the weekend."
    spans = run(detector, [detail, filler, filler, filler, filler, filler])
    assert covered(detail, "was a telegraphist", spans[0])
    assert "occurs in 1 document of 6" in spans[0][0].reason
    # the same word in every document is the setting's jargon, not a personal detail
    every = run(detector, [f"She said the new worker was a telegraphist, number {i}." for i in range(6)])
    assert every == [[]] * 6


def test_within_corpus_counts_across_documents(detector) -> None:
    texts = ["He used to be a jockey at country meetings.", "Her brother was a jockey too.", "We went for a walk."]
    spans = run(detector, texts)
    assert "occurs in 2 documents of 3" in spans[0][0].reason
    assert spans[2] == []


def echo_rules(tmp_path: Path) -> Rules:
    """A project that flags bare later mentions of a detail (``echo_mentions: 1``)."""
    (tmp_path / "rare").mkdir(exist_ok=True)
    (tmp_path / "rare" / "frames.yaml").write_text("thresholds:\n  echo_mentions: 1\n", encoding="utf-8")
    return Rules([tmp_path])


def test_bare_later_mention_of_a_detail_is_not_flagged_by_default(detector) -> None:
    """Annotators mark the phrase that carries the fact, not the bare mentions after it."""
    first = "He used to breed ferrets in a pen behind his shed."
    later = "He only wanted to talk about the ferrets today."
    spans = run(detector, [first, later])
    assert covered(first, "used to breed ferrets", spans[0])
    assert spans[1] == []


def test_detail_confirmed_elsewhere_is_flagged_where_it_recurs(detector, tmp_path: Path) -> None:
    first = "He used to breed ferrets in a pen behind his shed."
    later = "He only wanted to talk about the ferrets today."
    rules = echo_rules(tmp_path)
    spans = run(detector, [first, later], rules)
    assert covered(later, "the ferrets", spans[1])
    assert "flagged elsewhere" in spans[1][0].reason
    assert run(detector, [later], rules) == [[]]  # on its own the mention says nothing


def test_project_rules_can_remove_and_add_entries(detector, tmp_path: Path) -> None:
    (tmp_path / "rare").mkdir()
    (tmp_path / "rare" / "occupation.txt").write_text("!croupier\n", encoding="utf-8")
    (tmp_path / "rare" / "common.txt").write_text("theremin\n", encoding="utf-8")
    texts = ["She used to be a croupier.", "Lou plays the theremin on weekends."]
    assert all(run(detector, texts))
    rules = Rules([tmp_path])
    assert run(detector, texts, rules)[1] == []
    # without the lexicon entry, only general-language rarity and the frame are left as evidence
    assert run(detector, texts, rules)[0][0].reason.startswith("unusual past activity or role")


def test_candidates_survive_transport_to_another_process(detector, tmp_path: Path) -> None:
    """The pipeline ships candidates to the second pass pickled, possibly through another process: all
    the second pass needs travels with them (a mention awaiting confirmation must stay pending)."""
    texts = ["She used to drive a snowplough and keeps ferrets.", "We walked past the snowplough depot."]
    rules = echo_rules(tmp_path)
    direct = run(detector, texts, rules)
    proc = RareDetailProcessor(rules)
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    shipped = []
    for doc, sdoc in zip(docs, detector.nlp.pipe(texts), strict=True):
        candidates, observation = proc.first_pass(doc, sdoc, [])
        assert texts[0] not in repr(observation)
        assert {c.status for c in candidates} <= set(Status)
        proc.observe(doc.id, pickle.loads(pickle.dumps(observation)))
        shipped.append(pickle.loads(pickle.dumps(candidates)))
    again = [proc.second_pass(doc, c, []) for doc, c in zip(docs, shipped, strict=True)]
    assert again == direct
    assert [s.text for s in direct[1]] == ["the snowplough depot"]  # confirmed by the first document
    assert run(detector, texts[1:], rules) == [[]]
    assert all(s.reason and "\x1f" not in s.reason for doc in direct for s in doc)


def test_names_from_other_recognizers_are_not_rare_words(detector) -> None:
    text = "Her mate Zephyrine used to be a stevedore."
    sdoc = detector.nlp(text)
    name = Span(start=text.index("Zephyrine"), end=text.index("Zephyrine") + 9, label="PERSON")
    proc = RareDetailProcessor(Rules())
    doc = Document(id="x", text=text)
    candidates, observation = proc.first_pass(doc, sdoc, [name])
    proc.observe(doc.id, observation)
    spans = proc.second_pass(doc, candidates, [name])
    assert [s.text for s in spans] == ["used to be a stevedore"]
    assert "zephyrine" not in observation[0]


@pytest.mark.parametrize(
    ("text", "phrase", "subtype"),
    [
        ("Her uncle was the last ferryman on the lake to work by hand.", "the last ferryman on the lake to work", None),
        ("They are the only Samoan family in the block.", "the only Samoan family", "minority"),
        ("He once sang on a chart-topping single.", "sang on a chart-topping single", "occupation"),
        ("Her days busking on cruise ships are long gone.", "days busking on cruise ships", None),
        ("He restores vintage typewriters at the kitchen table.", "restores vintage typewriters", "hobby"),
        ("She runs a donkey sanctuary near the coast.", "runs a donkey sanctuary", "hobby"),
        ("He rode a unicycle across the whole country for charity.", "rode a unicycle across the whole country", None),
        ("She climbs trees barefoot like a kid.", "climbs trees barefoot", "hobby"),
        ("He was born on an oil tanker off the coast.", "was born on an oil tanker", None),
        ("She lost her eyebrows to a gas explosion.", "lost her eyebrows to a gas explosion", "physical_trait"),
        ("He lost it in a national rugby final, the eye.", "lost it in a national rugby final", "physical_trait"),
    ],
)
def test_phrase_patterns(detector, text: str, phrase: str, subtype: str | None) -> None:
    [spans] = run(detector, [text])
    assert covered(text, phrase, spans), [s.text for s in spans]
    if subtype:
        assert subtype in {s.subtype for s in spans}


def test_details_stop_before_dates_and_places_claimed_by_other_labels(detector) -> None:
    text = "She was a backing singer at the Palladium in 1987 and still hums the songs."
    date_at = text.index("1987")
    date = Span(date_at, date_at + 4, "DATE_TIME")
    proc = RareDetailProcessor(Rules())
    doc = Document(id="x", text=text)
    candidates, observation = proc.first_pass(doc, detector.nlp(text), [date])
    proc.observe(doc.id, observation)
    [span] = proc.second_pass(doc, candidates, [date])
    assert span.end <= date.start and span.text.startswith("was a backing singer")
    assert not span.text.endswith((" in", " at"))


def test_a_trait_most_people_of_the_corpus_share_is_its_population(detector) -> None:
    """ "profoundly deaf" in a study of Deaf people says who the study is about, not who anyone is; in a
    corpus where one person has it, it is that person's detail."""
    activities = ["cook", "paint", "garden", "swim", "read", "walk", "knit", "bake"]
    shared = [f"I am profoundly deaf and I like to {a} on Sundays." for a in activities]
    assert all(spans == [] for spans in run(detector, shared))
    one = [shared[0]] + [f"I like to {a} on Sundays." for a in activities[1:]]
    assert covered(one[0], "profoundly deaf", run(detector, one)[0])
    # told in other words around the same trait ("born" is common English: the trait is the rare word)
    told = [f"I was born deaf, and I like to {a} on Sundays." for a in activities[:2]] + shared[2:]
    assert all(spans == [] for spans in run(detector, told))


def test_speaking_a_language_is_no_detail_without_a_marker(detector) -> None:
    """Speaking one, even one nobody else in the corpus speaks, is how someone talks to family or a worker;
    speaking it fluently or signing one is a detail."""
    others = [f"He went to the {place} after lunch." for place in ("shop", "park", "gym", "library")]
    for plain in ("She speaks Estonian with her mother on the phone.", "We talked in Estonian at the table."):
        assert not covered(plain, "Estonian", run(detector, [plain, *others])[0])
    fluent = "She speaks fluent Estonian with her mother on the phone."
    assert covered(fluent, "speaks fluent Estonian", run(detector, [fluent, *others])[0])


def test_an_occupation_after_with_is_someone_else_s_job(detector) -> None:
    others = [f"He went to the {place} after lunch." for place in ("shop", "park", "gym", "library")]
    text = "We worked with a bailiff for the whole visit."
    assert run(detector, [text, *others])[0] == []
    own = "She worked as an interpreter for the customs office for ten years."
    assert covered(own, "interpreter", run(detector, [own, *others])[0])
    animals = "He worked with camels in the desert for six years."  # with no person: still the detail
    assert covered(animals, "camels", run(detector, [animals, *others])[0])
