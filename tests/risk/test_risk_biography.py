"""Life-history frames: which sentences tell one person's past, and the similarity route they open
(a text far above the calibrated threshold links with two specific words when one lies in such a
sentence). Texts are invented.

Fixture: tests/fixtures/risk_people.jsonl (invented; see test_risk_people.py).
"""

from __future__ import annotations

import pytest

from helpers import FIXTURES
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.analysis import analyse
from qualdeid.risk.biography import LifeFrames
from qualdeid.risk.linkage import PersonEvidence
from qualdeid.risk.similarity import Match
from qualdeid.rules import default_rules_dir

CORPUS = FIXTURES / "risk_people.jsonl"
IVO = ("P01", "P02", "P03")


@pytest.fixture(scope="module")
def frames() -> LifeFrames:
    return LifeFrames.load([default_rules_dir()])


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, Corpus([CORPUS]))


def _life(detector, frames: LifeFrames, text: str) -> list[int]:
    a = analyse(detector.nlp, [("t", text)], None)[0]
    return sorted(frames.sentences(a))


@pytest.mark.parametrize(
    "text",
    [
        "As a teenager she raced go-karts on the coast.",
        "A man who had earned his living mending nets spoke up.",
        "He used to keep pigeons on the roof.",
        "One tenant grew up on a houseboat.",
        "A worker spent years driving a hearse before this job.",  # "years": a stretch of a life
        "A lodger used to shear sheep in the high country.",  # a kind of person from WordNet's nouns
        "One chaplain had worked as a deckhand for a decade.",
        "When she was young she sold eels at the market.",  # "young" in a "when" clause: a past
        "He lost two fingers to a firecracker when he was small.",
        "As a young man he sailed to the islands.",
        "She broke her wrist on the ice when she was eleven.",  # an age in a "when" clause
        "He was hit by a tram when he was 14.",
        "She drives a forklift at the timber yard.",  # a habit in the present tense: a standing fact
        "He sends nothing home to his brothers.",
        "One of the carers operates a ferry on the lake.",
        "Back in the late sixties she ran a fish stall at the harbour.",  # a decade of the past
        "In his early forties he retrained as a glazier.",  # a decade of a life
        # a life before an illness, or before migrating, in the past perfect
        "One woman had flown gliders over the dunes before she grew unwell.",
        "A man had, back home, been the drummer of a brass quartet.",
        "Back home, she ran a bakery by the river.",
    ],
)
def test_one_persons_past_is_a_life_frame(detector, frames, text) -> None:
    assert _life(detector, frames, text) == [0]


@pytest.mark.parametrize(
    "text",
    [
        "Peer workers described the lounge as a place to rest without an agenda.",  # many people
        "Several participants said they grew up far from the city.",  # a life course, but of many
        "She sat by the heater with a cup of tea and did not want to talk.",  # one person, an episode
        "I used to dread the Monday meeting.",  # the writer, not a person of the corpus retold
        "She waited a year for the flat and then moved in.",  # one year of an episode, not "years"
        "A young man feared the doctors would mock his prayers.",  # "young" describes him now
        "A teenager who usually kept quiet led the quiz for an evening.",  # whom it is about, not a past
        "One boy was sent home after the fire drill.",
        "She said the kitchen was small and the kettle little.",
        "She rang when it was 3 and we met at the bench.",  # a time, not an age of hers
        "When we met she had 12 tablets left.",  # a number, not "was <age>"
        "She says the kettle is broken again.",  # the present tense of saying or feeling: no habit
        "He wants to go home before the rain.",
        "It takes a while to warm the room.",  # no person
        "Residents walk to the shop on Fridays.",  # many people
        "A resident went back home for the weekend and had a quiet time.",  # going home: an episode
        "She fetched a blanket before she felt chilly.",  # no illness
    ],
)
def test_generic_text_and_episodes_are_no_life_frames(detector, frames, text) -> None:
    assert _life(detector, frames, text) == []


def test_person_nouns_come_from_wordnet_and_a_project_folder(tmp_path, frames) -> None:
    assert {"visitor", "lodger", "chaplain", "woman"} <= frames.kind_nouns
    assert not {"kettle", "garden", "haydn"} & frames.kind_nouns  # things, and named individuals
    (tmp_path / "risk").mkdir()
    (tmp_path / "risk" / "person_nouns.txt").write_text("flatmate\n!lodger\n", encoding="utf-8")
    own = LifeFrames.load([default_rules_dir(), tmp_path])
    assert "flatmate" in own.kind_nouns and "lodger" not in own.kind_nouns


def test_a_kind_of_person_brings_in_one_person(detector, frames) -> None:
    a = analyse(detector.nlp, [("t", "A lodger had fixed clocks in a repair shop for thirty years.")], None)[0]
    assert frames.generic(a) == []
    for text in (
        "Lodgers often fixed their own clocks.",  # many of them: no one in particular
        "One lodger sat in the hall for ages before coming in.",  # a kind of person in an episode
        "The chaplain made a cake for the party.",
    ):
        a = analyse(detector.nlp, [("t", text)], None)[0]
        assert len(frames.generic(a)) == 1, text


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        # the past perfect tells what had happened before: one person's past, with no life word
        ("A lodger had mended clocks in a repair shop on the coast and was fined after a quarrel.", False),
        ("A lodger had to wait in the hall for the kettle.", True),  # "had to": an episode
        ("A lodger had a cup of tea in the hall.", True),  # "had" the verb: an episode
    ],
)
def test_a_kind_of_person_in_the_past_perfect_is_one_person(detector, frames, text, generic) -> None:
    a = analyse(detector.nlp, [("t", text)], None)[0]
    assert bool(frames.generic(a)) is generic


def test_a_kind_of_person_with_a_habit_is_one_person(checker, frames) -> None:
    """A kind of person whose habit the sentence tells ("a lodger grows quinces") is one person, as one
    whose past it tells is; a word for a kind of person read through its synonym class counts too."""
    synonyms = checker.profile.synonyms
    for text in (
        "A lodger grows quinces behind the shed and sells them at the gate.",
        "An older ex-servicewoman teaches marquetry and takes her pieces to fairs.",  # class "soldier"
        # the parser hangs "An" on the verb: the phrase still opens with it
        "An older ex-servicewoman breeds a long-haired rabbit variety from the north and shows them at fairs.",
    ):
        a = analyse(checker.detector.nlp, [("t", text)], synonyms)[0]
        assert frames.generic(a) == [], text
    a = analyse(checker.detector.nlp, [("t", "One lodger sat in the hall for ages.")], synonyms)[0]
    assert len(frames.generic(a)) == 1  # an episode, not a habit


def test_the_lists_come_from_the_rules_folders(tmp_path) -> None:
    (tmp_path / "risk").mkdir()
    (tmp_path / "risk" / "life.yaml").write_text("life_words: [apprenticeship, '!childhood']\n")
    frames = LifeFrames.load([default_rules_dir(), tmp_path])
    assert "apprenticeship" in frames.life_words and "childhood" not in frames.life_words
    assert "teenage" in frames.life_words


def test_far_above_the_threshold_a_life_sentence_lets_two_specific_words_link(checker) -> None:
    linker = checker.linker
    a = analyse(checker.detector.nlp, [("t", "He went out to the garden with a ladder.")], checker.profile.synonyms)[0]
    tokens = [t for t in a.tokens if t.lemma in ("garden", "ladder")]
    assert linker.index is not None and len(linker.index.specific(tokens, checker.k)) == 2
    (ivo,) = [p for p, s in checker.profile.sources.items() if s.documents == IVO]

    def evidence(z: float, life: bool) -> PersonEvidence:
        ev = PersonEvidence(ivo, similarity=Match(ivo, 1.0, z, 1.5, tokens))
        ev.life = frozenset(t.start for t in tokens) if life else frozenset()
        return ev

    ratio = linker.life_ratio
    assert linker.similar(evidence(ratio * 1.5 + 0.1, life=True), 2)
    assert not linker.similar(evidence(ratio * 1.5 + 0.1, life=False), 2)  # an episode of the service
    # above chance, not far above (nor as far as ``life_things_ratio``, the lower level of a past retold)
    assert not linker.similar(evidence(min(ratio, linker.life_things_ratio or ratio) * 1.5 - 0.5, life=True), 2)


def test_a_writers_own_past_is_told_as_a_writers(detector, frames) -> None:
    def writer(text: str) -> bool:
        return frames.writer(analyse(detector.nlp, [("t", text)], None)[0])

    assert writer("Another worker had served in the merchant navy as a teenager.")
    assert not writer("One worker wrote that the hardest part of the job was ending a shift.")  # no past told
    assert not writer("A woman who had grown up on a houseboat joined the group.")  # a resident's past
    # military service places a fact in a life course as working does
    assert writer("Before enlisting in the navy, one worker sheared sheep across three counties.")
    assert writer("While stationed overseas, another worker kept a pet goat at the barracks.")
    assert not writer("One worker waited at the station for the bus.")  # the noun
    # one person put in the writers' own group is a writer; a person the team sees is not
    assert writer("A former sailor in the team served overseas and was treated for depression.")
    assert writer("One of the staff had worked as a glazier for a decade.")
    assert not writer("A client of the team had worked as a glazier for a decade.")
    assert not writer("A man in the garden had worked as a glazier for a decade.")


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # a loss, a diagnosis, a relapse in the past tense of a sentence about one writer: their own story,
        # though no word places it in a life course
        ("A worker's cousin was drowned off the pier; later he was treated for depression.", True),
        ("One volunteer relapsed twice and lost his flat.", True),
        ("Another colleague was diagnosed with diabetes and stayed home for weeks.", True),
        # a peer worker is one writer, and those the writer told it to are not whose episode it is; a stay on a
        # psychiatric ward and a readmission are a treatment
        ("One peer worker told tenants that they had spent a month in a psychiatric unit and were readmitted.", True),
        ("A peer worker was readmitted after a manic episode.", True),
        # not a disclosure: "treated as", someone else the service sees, a resident's loss, no past tense
        ("One worker said the lounge was treated as a place to rest.", False),
        ("A worker said a tenant was evicted overnight.", False),
        ("A peer worker said a tenant's brother was readmitted overnight.", False),
        ("A resident's cousin was drowned off the pier.", False),
        ("One worker runs the grief circle on Mondays.", False),
    ],
)
def test_a_writers_loss_or_diagnosis_is_a_writers_past(detector, frames, text: str, told: bool) -> None:
    assert frames.writer(analyse(detector.nlp, [("t", text)], None)[0]) is told


def _similar_evidence(checker, text: str, words: tuple[str, ...]) -> tuple[str, PersonEvidence]:
    a = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)[0]
    tokens = [t for t in a.tokens if t.lemma in words]
    (ivo,) = [p for p, s in checker.profile.sources.items() if s.documents == IVO]
    # just above the threshold: neither a detail, nor a story, nor far above it
    return ivo, PersonEvidence(ivo, similarity=Match(ivo, 1.0, 1.6, 1.5, tokens))


def test_a_finding_on_the_same_person_lets_a_weak_similarity_link(checker) -> None:
    _, ev = _similar_evidence(checker, "He went out to the garden with a ladder.", ("garden", "ladder"))
    assert not checker.linker.similar(ev, 2)
    ev.findings = [0]  # e.g. a rare detail of his accounts elsewhere in the text
    assert checker.linker.similar(ev, 2)


def test_a_writers_past_links_to_a_worker_not_to_a_resident(checker) -> None:
    _, ev = _similar_evidence(checker, "He went out to the garden with a ladder.", ("garden", "ladder"))
    ev.writer = True
    assert ev.similarity is not None
    roles = {p: s.role for p, s in checker.profile.sources.items()}
    worker = next(p for p, r in roles.items() if r == "worker")
    resident = next(p for p, r in roles.items() if r == "subject")
    for person, expected in ((worker, True), (resident, False)):
        ev.person = ev.similarity.person = person
        assert checker.linker.similar(ev, 2) is expected


def test_sentences_about_no_one_in_particular_are_generic(detector, frames) -> None:
    text = (
        "Peer workers described the lounge as a place to rest. "  # generic
        "A worker had trained as a farrier. "  # one person brought in
        "The worker later said they missed the forge. "  # the same person goes on
        "Several participants felt the same."  # generic again
    )
    a = analyse(detector.nlp, [("t", text)], None)[0]
    generic = frames.generic(a)
    assert [text[s:e].split()[0] for s, e in generic] == ["Peer", "Several"]


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        # "the person" joined to an object is an object too: a bystander, not someone brought in
        ("Many tenants said the forms felt like they were about the rules rather than the person.", True),
        ("The cook and the resident laughed at the rain.", False),  # joined to a subject: one person
        # "one of the <any kind of person>" is one person, though the noun is no hand-listed one
        ("One of the lifeguards swims across the lake every winter.", False),
        ("One of the carers runs a bakery stall on Sundays.", False),  # British, not in WordNet's list
        ("A carer keeps bees in the back garden.", False),
        ("Carers said the winter evenings felt long.", True),  # many people
        # "the person" after a plural: anyone the service sees, not one person brought in
        ("Volunteers often wait through the whole thing so the person is not alone.", True),
        ("Volunteers often wait through the whole thing so the resident is not alone.", False),
        ("Volunteers often wait through the whole thing so his person is not alone.", False),
        ("The lifeguards swim across the lake every winter.", True),
    ],
)
def test_a_person_noun_joined_to_another_word_takes_its_role(detector, frames, text, generic) -> None:
    a = analyse(detector.nlp, [("t", text)], None)[0]
    assert bool(frames.generic(a)) is generic


def test_a_rare_word_in_a_generic_sentence_is_no_persons_detail(checker) -> None:
    from qualdeid.corpus import Document

    # "tortoise" is only in Ivo's accounts: said of one person it is his detail, said of many it is not
    one = checker.check([Document("t", "He fed the tortoise every morning.")])
    many = checker.check([Document("t", "Several residents fed the tortoise every morning.")])
    assert any(f.check in ("rare_detail", "subject_linkage") for f in one.findings)
    assert [f for f in many.findings if f.check in ("rare_detail", "subject_linkage")] == []


@pytest.mark.parametrize(
    "text",
    [
        "I worked on the ferries for twenty years before I came to this job.",  # the speaker's own past
        "One of the support workers spent a month on a friend's floor. Years before, they had left school.",
    ],
)
def test_a_speakers_or_one_workers_past_is_a_writers(detector, frames, text) -> None:
    assert frames.writer(analyse(detector.nlp, [("t", text)], None)[0])


def test_a_speakers_episode_is_not_a_writers_past(detector, frames) -> None:
    assert not frames.writer(analyse(detector.nlp, [("t", "I was up early and had a cuppa on the step.")], None)[0])


def test_one_of_the_workers_is_one_person_not_a_generic_sentence(detector, frames) -> None:
    text = "One of the support workers slept in a car one winter. Peer workers described the lounge."
    a = analyse(detector.nlp, [("t", text)], None)[0]
    assert [text[s:e].split()[0] for s, e in frames.generic(a)] == ["Peer"]


def test_two_words_of_one_sentence_telling_their_past_link_with_a_similarity(checker) -> None:
    _, ev = _similar_evidence(checker, "He went out to the garden with a ladder.", ("garden", "ladder"))
    assert ev.similarity is not None
    ev.sentence_words, ev.sentence_weight = list(ev.similarity.tokens), 2.0
    assert not checker.linker.similar(ev, 2)  # two words of an episode of theirs: a coincidence
    ev.sentence_life = True  # the sentence of their accounts tells their past
    assert checker.linker.similar(ev, 2)
    ev.sentence_weight = 1.0  # too light
    assert not checker.linker.similar(ev, 2)


def test_the_words_that_bring_a_writer_in_are_no_part_of_their_story(detector, frames) -> None:
    text = "One of the peer workers had trained as a farrier."
    a = analyse(detector.nlp, [("t", text)], None)[0]
    assert sorted(text[s:].split()[0] for s in frames.writer_words(a)) == ["peer", "workers"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A worker on the night shelter team said they had sold eels as a child.",
            ["night", "shelter", "team", "worker"],
        ),
        ("One mentor from the kite club had raced pigeons.", ["club", "kite", "mentor"]),
        ("A former sailor in the outreach team had raced pigeons.", ["outreach", "team"]),
        # what the writer had, not where they work: their story
        ("A worker with a history of gambling had lost a house.", ["worker"]),
        # a group the story's own thing belongs to, not one the writer is put in: their story
        ("One worker had painted hulls at night, unseen by the rest of the crew.", ["worker"]),
        ("A mentor recalled the end of the team's season before he fell ill.", ["mentor"]),
        ("One of the crew had painted hulls at night.", ["crew"]),
    ],
)
def test_the_team_a_writer_is_put_in_is_no_part_of_their_story(detector, frames, text, expected) -> None:
    """The service's name for its own team ("the outreach team") links a writer's past to no one."""
    a = analyse(detector.nlp, [("t", text)], None)[0]
    assert sorted(text[s:].split()[0] for s in frames.writer_words(a)) == expected


def test_two_words_of_one_sentence_link_with_a_similarity_where_the_text_tells_one_persons_story(checker) -> None:
    """An episode of theirs retold in its place in a story of one person, over several sentences, links
    with two words one sentence of the text shares with one sentence of theirs (an episode alone does not)."""
    _, ev = _similar_evidence(checker, "He went out to the garden with a ladder.", ("garden", "ladder"))
    assert ev.similarity is not None
    ev.sentence_words, ev.sentence_weight = list(ev.similarity.tokens), 2.0
    assert not checker.linker.similar(ev, 2)
    ev.story = True
    assert checker.linker.similar(ev, 2)
    ev.sentence_weight = 1.0  # too light
    assert not checker.linker.similar(ev, 2)


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("A man moved to the coast. He kept ferrets there. Later he sold the hutches to a neighbour.", True),
        # about people in general: the service's common wording, no one's story
        ("Several workers said mornings were hard. Peer workers described the lounge. Families came often.", False),
        ("A man moved to the coast. He kept ferrets there.", False),  # too short to be a story
    ],
)
def test_a_story_is_several_sentences_about_someone(checker, text, story) -> None:
    a = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)[0]
    assert checker.linker.story(a) is story


def test_a_writers_story_is_specific_among_the_writers(checker) -> None:
    """Among the writers, a word only one of them wrote of in their own sentences names that writer,
    though the residents' accounts hold it too; a word every writer uses does not."""
    linker = checker.linker
    assert linker.writers and linker.index is not None
    a = analyse(checker.detector.nlp, [("t", "One worker had slept in a van and drunk tea.")], None)[0]
    tokens = {t.lemma: t for t in a.tokens}
    among = {t.lemma for t in linker.index.specific_among([tokens["van"], tokens["tea"]], 2, linker.writers)}
    assert among == {"van"}


def test_one_specific_word_of_a_life_retold_links_only_above_the_strong_level(checker) -> None:
    """A retold detail that keeps one specific word links when the text tells one person's past and its
    similarity reaches the strong level of the corpus's own null; not below it, nor in an episode."""
    text = "As a boy he kept a tortoise in the shed."
    ivo, ev = _similar_evidence(checker, text, ("tortoise",))
    assert ev.similarity is not None and checker.linker.specific_words(ev)
    life = frozenset(t.start for t in ev.similarity.tokens)
    for z, strong, in_life, expected in (
        (1.6, 5.0, True, False),  # above the threshold only
        (5.5, 5.0, True, True),  # above the strong level, in a life sentence
        (5.5, 5.0, False, False),  # above it, but no past of anyone told
    ):
        ev.similarity = Match(ivo, 1.0, z, 1.5, ev.similarity.tokens, strong)
        ev.life = life if in_life else frozenset()
        assert checker.linker.similar(ev, 2) is expected


def test_two_shared_words_link_where_both_sentences_tell_a_past(checker) -> None:
    """Two words of weight that one sentence of the text shares with one sentence of their accounts
    link without a rare word among them when both sentences tell one person's past; not otherwise."""
    text = "As a boy he kept a tortoise in the shed."
    ivo, ev = _similar_evidence(checker, text, ("tortoise", "shed"))
    ev.similarity = None
    assert ev.similarity is None and len(ev.sentence_words) == 0
    a = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)[0]
    ev.sentence_words = [t for t in a.tokens if t.lemma in ("tortoise", "shed")]
    ev.sentence_weight = 3.0
    for theirs, ours, expected in ((True, True, True), (False, True, False), (True, False, False)):
        ev.sentence_life = theirs
        ev.life = frozenset(t.start for t in ev.sentence_words) if ours else frozenset()
        linked = checker.linker.linked({ivo: ev}, 3, 3.0, 3, 2.5, 2)
        assert (ev in linked) is expected


def test_a_story_retold_needs_fewer_words_the_further_above_chance_it_is(checker) -> None:
    """``story_words`` (5) specific words link at the calibrated threshold; four link when the text's
    similarity is a quarter above the threshold (a one-sentence retelling of a past), not when it is just
    above it; three at twice the threshold; two never do (``story_min_words``: two shared words are a
    coincidence)."""
    text = "He worked a ferry on the estuary, kept a tortoise and made marmalade."
    ivo, ev = _similar_evidence(checker, text, ("ferry", "estuary", "tortoise", "marmalade"))
    assert ev.similarity is not None
    four = ev.similarity.tokens
    assert len(four) == 4
    linker = checker.linker
    assert (linker.story_words, linker.story_min_words) == (5, 3)
    assert not linker.story_told(Match(ivo, 1.0, 1.6, 1.5, four), four)
    assert linker.story_told(Match(ivo, 1.0, 1.9, 1.5, four), four)  # a quarter above the threshold
    assert linker.story_told(Match(ivo, 1.0, 2.3, 1.5, four), four)
    assert linker.story_told(Match(ivo, 1.0, 3.0, 1.5, four), four[:3])  # three words at twice the threshold
    assert not linker.story_told(Match(ivo, 1.0, 9.0, 1.5, four), four[:2])  # two words: a coincidence
    assert linker.story_told(Match(ivo, 1.0, 1.6, 1.5, four), four * 2)  # five words or more at the threshold


def test_a_writers_past_in_everyday_words_links_to_no_worker(checker) -> None:
    """A writer's past links to a worker only in words that weigh as much as one retold detail
    ("garden" and "ladder"); "daughter" and "winter" are everyone's words."""
    worker = next(p for p, s in checker.profile.sources.items() if s.role == "worker")
    linker = checker.linker
    for words, expected in ((("garden", "ladder"), True), (("daughter", "winter"), False)):
        _, ev = _similar_evidence(checker, f"He talked about the {words[0]} and the {words[1]}.", words)
        ev.writer = True
        assert ev.similarity is not None
        ev.person = ev.similarity.person = worker
        assert len(linker._specific(ev)) == 2
        assert linker.similar(ev, 2) is expected


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("An older couple had once won a quoits pennant at a regatta.", False),  # two people, one household
        ("A couple of days later the volunteers repainted the fence.", True),  # a measure, not people
        ("A pair of galoshes was left by the door.", True),
    ],
)
def test_a_couple_is_particular_people_not_a_measure(detector, frames, text, generic) -> None:
    a = analyse(detector.nlp, [("t", text)], None)[0]
    assert bool(frames.generic(a)) is generic


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("A farming family lost most of their sheep when the shed flooded.", False),  # one household
        ("One household had kept bees for three generations.", False),
        ("Families frequently brought soup to the visits.", True),  # any families
        ("A tension ran between safety and the family's wish to keep the person busy.", True),  # any family
        # whose wish it is, of anyone: "a person's", "a young person's" name no one in particular
        ("Volunteers felt torn between a young person's wish for quiet and their duty to report bruises.", True),
        ("Helpers often found that following a person's own rhythm calmed the room.", True),
        ("A person in the group had once driven trams.", False),
        ("A woman's wish for quiet was respected.", False),
    ],
)
def test_a_family_is_one_household_and_a_persons_wish_anyones(detector, frames, text, generic) -> None:
    a = analyse(detector.nlp, [("t", text)], None)[0]
    assert bool(frames.generic(a)) is generic


@pytest.mark.parametrize(
    "text",
    ["One befriender had sailed tall ships as a young woman.", "A volunteer had worked the night ferries for years."],
)
def test_a_befriender_or_a_volunteer_is_a_writer_telling_their_past(detector, frames, text) -> None:
    # lay support roles are writers of the accounts too: one person, not a sentence about no one
    a = analyse(detector.nlp, [("t", text)], None)[0]
    assert frames.writer(a) and frames.generic(a) == []


def test_well_above_the_threshold_a_past_links_by_words_that_say_what_happened(checker) -> None:
    linker = checker.linker
    text = "As a widow she went out to the garden with a ladder."
    a = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)[0]
    things = [t for t in a.tokens if t.lemma in ("garden", "ladder")]
    widow = [t for t in a.tokens if t.lemma == "widow"]
    assert linker.index is not None and len(linker.index.specific(things, checker.k)) == 2 and widow
    (ivo,) = [p for p, s in checker.profile.sources.items() if s.documents == IVO]

    def evidence(z: float, tokens: list, life: bool = True) -> PersonEvidence:
        ev = PersonEvidence(ivo, similarity=Match(ivo, 1.0, z, 1.5, tokens))
        ev.life = frozenset(t.start for t in tokens) if life else frozenset()
        return ev

    ratio = linker.life_things_ratio
    assert 0 < ratio < linker.life_ratio
    assert linker.life_told(evidence(ratio * 1.5 + 0.1, things), things, 2)
    assert not linker.life_told(evidence(ratio * 1.5 - 0.2, things), things, 2)  # not that far above chance
    assert not linker.life_told(evidence(ratio * 1.5 + 0.1, things, life=False), things, 2)  # an episode
    # a word that only says whom the text is about ("a widow") is no part of what happened to them
    one = [things[0], *widow]
    assert not linker.life_told(evidence(ratio * 1.5 + 0.1, one), one, 2)
