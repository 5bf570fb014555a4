"""Linked by person: evidence that concentrates on one person of the corpus.

Two kinds of evidence point at a person: findings whose sources are that person's accounts, and the
checked text's words that only the accounts of that person (of fewer than k people) use. A paraphrase
keeps many such words, in synonyms or other forms, even without a verbatim run. Each word weighs by
how uncommon it is in general English (a "freezer" tells more than a "month": ``base_zipf`` minus
its Zipf frequency, at most ``max_weight``), and the text's weight on a person is set against what
chance would give: in the corpus, a word that many people's accounts hold is likelier in any text,
so a person's share of the corpus's word mass (each word counted once per person holding it) is
the rate at which any text's words land on them. A generic passage uses words that many accounts
share, or common words, and stays quiet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.risk import quasi
from qualdeid.risk.analysis import Analysed, Token
from qualdeid.risk.biography import LifeFrames
from qualdeid.risk.corpus import LINKABLE_ROLES, CorpusProfile, Trace, inside
from qualdeid.risk.sentences import THINGS, SentenceIndex, SentenceMatch
from qualdeid.risk.similarity import AccountIndex, Match
from qualdeid.risk.suggest import Suggester

#: the parts of speech of a story's facts that a combination of its words is made of (not "said", "very")
COMBINED = THINGS | {"VERB"}


@dataclass
class PersonEvidence:
    person: str
    words: list[Token] = field(default_factory=list)  # the text's words specific to this person
    informative: int = 0  # the text's words the corpus knows
    expected: float = 0.0  # how many of them would land on this person by chance
    weight: float = 0.0  # the weight of ``words``
    expected_weight: float = 0.0  # the weight chance would give
    #: the text's sentence closest to one sentence of this person's accounts: the uncommon words they
    #: share (specific to fewer than k people) and their weight
    sentence_words: list[Token] = field(default_factory=list)
    sentence_weight: float = 0.0
    #: that sentence of their accounts tells their past ("she used to drive a fuel truck")
    sentence_life: bool = False
    #: of ``sentence_words``, those that many people's accounts hold one by one but that, together in one
    #: sentence, the accounts of fewer than k people hold ("horses" and "fairs")
    joint_words: list[Token] = field(default_factory=list)

    findings: list[int] = field(default_factory=list)  # indices of findings pointing at this person
    #: the text's similarity to this person's accounts, when it is above what chance gives
    similarity: Match | None = None
    #: where the text names a detail of a life (token start offsets): words alone link only with one
    details: frozenset[int] = frozenset()
    #: where the text tells one person's past (token start offsets of its life-history sentences)
    life: frozenset[int] = frozenset()
    #: the text tells the past of one of the accounts' writers ("another worker had ...")
    writer: bool = False
    #: where the text names a writer (token start offsets: "one of the peer workers")
    writer_words: frozenset[int] = frozenset()
    #: one sentence of the text says, above chance, what one sentence of their accounts says, where one of
    #: the two tells one person's past (a detail retold in generalised words)
    sentence_match: SentenceMatch | None = None
    #: the text tells one person's story: ``story_sentences`` sentences or more about someone
    story: bool = False
    #: of a story, the uncommon words their accounts hold that the accounts of fewer than k people hold all
    #: together (each may be common in the corpus: a bicycle, a bakery, an umbrella, a harbour)
    combination: list[Token] = field(default_factory=list)

    @property
    def excess(self) -> float:
        return self.weight - self.expected_weight


class Linker:
    """Per-person chance rates of one corpus profile for a given k, computed once."""

    def __init__(
        self,
        profile: CorpusProfile,
        k: int,
        max_zipf: float,
        base_zipf: float = 5.5,
        max_weight: float = 2.0,
        index: AccountIndex | None = None,
        suggest: Suggester | None = None,
        detail_zipf: float = 3.2,
        story_words: int = 4,
        frames: LifeFrames | None = None,
        life_ratio: float = 3.0,
        sentence_weight: float = 1.5,
        sentences: SentenceIndex | None = None,
        story_min_words: int = 3,
        converge_signs: int = 0,
        converge_weight: float = 1.0,
        joint_zipf: float = 0.0,
        story_sentences: int = 0,
        story_combination: int = 0,
        life_things_ratio: float = 0.0,
    ) -> None:
        self.profile, self.k, self.max_zipf = profile, k, max_zipf
        #: a text that tells one person's past links, this many times above the threshold (below
        #: ``life_ratio``), by ``min_words`` specific words none of which only says whom it is about (0: never)
        self.life_things_ratio = life_things_ratio
        #: words rarer than this (Zipf) that many people's accounts hold one by one count as specific where
        #: one sentence of the text and one sentence of the accounts of fewer than k people hold them
        #: together (0 turns it off)
        self.joint_zipf = joint_zipf
        self._joint_k: dict[frozenset[str], int] = {}
        self.converge_signs, self.converge_weight = converge_signs, converge_weight
        self.sentence_index = sentences
        self.story_min_words = story_min_words
        #: a text of this many sentences about someone tells one person's story (0: never)
        self.story_sentences = story_sentences
        #: a story links to a person by this many of its words that fewer than k people hold together (0: never)
        self.story_combination = story_combination
        self.frames, self.life_ratio, self.sentence_weight = frames, life_ratio, sentence_weight
        self.base_zipf, self.max_weight = base_zipf, max_weight
        self.index, self.suggest, self.detail_zipf, self.story_words = index, suggest, detail_zipf, story_words
        mass: dict[str, float] = defaultdict(float)
        weighted: dict[str, float] = defaultdict(float)
        total = 0.0
        for cls in profile.class_docs:
            found = profile.class_trace(cls)
            if not found.k or zipf(cls) >= max_zipf:
                continue
            total += found.k
            if found.k < k:
                for p in found.people:
                    mass[p] += found.k
                    weighted[p] += found.k * self.weight(cls)
        #: the people who wrote the accounts
        self.writers = frozenset(p for p, s in profile.sources.items() if s.role == "worker")
        self.rate = {p: m / total for p, m in mass.items()} if total else {}
        self.weight_rate = {p: m / total for p, m in weighted.items()} if total else {}
        #: every sentence of the corpus (its owners, its words) and, by word, the sentences holding it
        self.sentences: list[tuple[set[str], set[str]]] = []
        #: the document of each sentence of ``sentences``
        self.sentence_docs: list[str] = []
        #: the sentences (indices of ``sentences``) that tell one person's past
        self.life_sentences: set[int] = set()
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for doc_id, a in profile.analysed.items():
            owned = profile.sentence_owners.get(doc_id, [])
            life = frames.sentences(a) if frames is not None else set()
            for si in range(len(a.sentences)):
                if si in life:
                    self.life_sentences.add(len(self.sentences))
                words = {w for t in a.sentence_tokens(si) if t.content for w in (t.lemma, t.norm)}
                owners = owned[si][1] if si < len(owned) else set()
                for w in words:
                    self.by_word[w].append(len(self.sentences))
                self.sentences.append((owners, words))
                self.sentence_docs.append(doc_id)

    def weight(self, word: str, form: str = "") -> float:
        z = max(zipf(word), zipf(form)) if form else zipf(word)
        return min(self.max_weight, max(0.0, self.base_zipf - z))

    def evidence(
        self,
        a: Analysed,
        skip: Iterable[tuple[int, int]],
        finding_people: list[list[str]],
    ) -> dict[str, PersonEvidence]:
        """Evidence per person: the text's specific words (each synonym class counted once) and the
        findings (given by the people each points at) that point at them."""
        skip = list(skip)
        seen: set[str] = set()
        out: dict[str, PersonEvidence] = {}
        informative = 0
        for t in a.tokens:
            if not t.content or t.norm in seen or inside(t.start, t.end, skip) or self._service(t):
                continue
            if max(zipf(t.lemma), zipf(t.text.lower())) >= self.max_zipf:
                continue
            found = self.profile.trace(t)
            if not found.k:
                continue
            seen.add(t.norm)
            informative += 1
            if found.k < self.k:
                for p in found.people:
                    out.setdefault(p, PersonEvidence(p)).words.append(t)
        self._sentences(a, skip, out)
        if self.index is not None:
            for m in self.index.match(a, skip):
                out.setdefault(m.person, PersonEvidence(m.person)).similarity = m
        if self.sentence_index is not None:
            # their sentence tells their past, or the text's sentence tells one person's past or habits
            # (the diary told the fact as an episode, the text retells it as a fact of a life); a match of
            # two episodes of the service, or of a sentence about no one in particular, names no one
            told = self.frames.sentences(a) if self.frames is not None else set()
            skip_told = skip
            if self.frames is not None and self.frames.writer(a):
                # the words that bring a writer in ("one of the workers") are no part of their story
                brought = self.frames.writer_words(a)
                skip_told = skip + [(t.start, t.end) for t in a.tokens if t.start in brought]
            matches = self.sentence_index.match(a, skip_told, self.k)
            if skip_told is not skip:
                # a writer's own story is told among the writers: their own diaries are its accounts
                matches += self.sentence_index.match(a, skip_told, self.k, among=self.writers)
            for sm in matches:
                if sm.life or sm.sentence in told:
                    ev = out.setdefault(sm.person, PersonEvidence(sm.person))
                    if ev.sentence_match is None or ev.sentence_match.score < sm.score:
                        ev.sentence_match = sm
        for i, people in enumerate(finding_people):
            if 0 < len(people) < self.k:
                for p in people:
                    out.setdefault(p, PersonEvidence(p)).findings.append(i)
        details = self.detail_words(a) | self.described_details(a, skip)
        life = self.life_words(a)
        writer = self.frames is not None and self.frames.writer(a)
        writer_words = self.frames.writer_words(a) if writer and self.frames is not None else frozenset()
        story = self.story(a)
        if story and self.story_combination > 0:
            for p, words in self.combinations(a, skip).items():
                out.setdefault(p, PersonEvidence(p)).combination = words
        for p, ev in out.items():
            ev.story = story
            ev.details = details
            ev.life = life
            ev.writer, ev.writer_words = writer, writer_words
            ev.informative = informative
            ev.expected = informative * self.rate.get(p, 0.0)
            ev.expected_weight = informative * self.weight_rate.get(p, 0.0)
            ev.weight = sum(self.weight(t.lemma, t.text.lower()) for t in ev.words)
        return out

    def _sentences(self, a: Analysed, skip: list[tuple[int, int]], out: dict[str, PersonEvidence]) -> None:
        """For each person, the text's sentence that shares the most weight of uncommon, specific
        words with one sentence of their accounts (a paraphrase of one detail keeps a few of them)."""
        for si in range(len(a.sentences)):
            specific: dict[str, Token] = {}
            common: dict[str, Token] = {}  # held by many people one by one, rarer than ``joint_zipf``
            for t in a.sentence_tokens(si):
                if not t.content or inside(t.start, t.end, skip) or t.norm in specific or self._service(t):
                    continue
                z = max(zipf(t.lemma), zipf(t.text.lower()))
                if z >= self.max_zipf:
                    continue
                k = self.profile.trace(t).k
                if 0 < k < self.k:
                    specific[t.norm] = t
                elif k and z < self.joint_zipf and t.pos in THINGS:
                    common.setdefault(t.norm, t)
            hits: dict[int, list[Token]] = defaultdict(list)
            for t in specific.values():
                for j in {*self.by_word.get(t.norm, ()), *self.by_word.get(t.lemma, ())}:
                    hits[j].append(t)
            joint: dict[int, list[Token]] = defaultdict(list)
            for t in common.values():
                for j in {*self.by_word.get(t.norm, ()), *self.by_word.get(t.lemma, ())}:
                    joint[j].append(t)
            for j, together in joint.items():
                # words of everyone's accounts that one sentence of fewer than k people's holds together, or
                # that stand beside a word specific to them in one sentence of theirs ("lessons" of theirs
                # and the "radio" they were taken over): that sentence is already of fewer than k people
                if j in hits or (len(together) >= 2 and self.joint_k(together) < self.k):
                    hits[j] = [*hits.get(j, ()), *together]
                else:
                    together.clear()
            for j, shared in hits.items():
                weight = sum(self.weight(t.lemma, t.text.lower()) for t in shared)
                for p in self.sentences[j][0]:
                    ev = out.setdefault(p, PersonEvidence(p))
                    if weight > ev.sentence_weight:
                        ev.sentence_weight, ev.sentence_words = weight, sorted(shared, key=lambda t: t.start)
                        ev.sentence_life = j in self.life_sentences
                        ev.joint_words = list(joint.get(j, ()))

    def combinations(self, a: Analysed, skip: list[tuple[int, int]]) -> dict[str, list[Token]]:
        """Per person, the text's uncommon words (rarer than ``joint_zipf``, naming things or doings) that
        their accounts hold, where they are ``story_combination`` or more and the accounts of fewer than k
        people hold them all. Each word may be in many people's accounts ("a bicycle", "a bakery", "a
        harbour"); a story whose facts all gather on one person's accounts is theirs, as a combination of
        quasi-identifiers is."""
        words: dict[str, Token] = {}
        for t in a.tokens:
            if not t.content or t.pos not in COMBINED or t.norm in words or self._service(t):
                continue
            if inside(t.start, t.end, skip) or max(zipf(t.lemma), zipf(t.text.lower())) >= self.joint_zipf:
                continue
            if t.norm in self.profile.class_docs:
                words[t.norm] = t
        held: dict[str, set[str]] = defaultdict(set)
        for c in words:
            for owners in self.profile.class_docs[c].values():
                for p in owners:
                    held[p].add(c)
        out = {}
        for p, mine in held.items():
            if len(mine) >= self.story_combination and sum(mine <= theirs for theirs in held.values()) < self.k:
                out[p] = sorted((words[c] for c in mine), key=lambda t: t.start)
        return out

    def joint_k(self, tokens: list[Token]) -> int:
        """The fewest people whose accounts hold all the tokens' words in one sentence (each word by its
        class, lemma or form)."""
        keys = frozenset(t.norm for t in tokens)
        if keys not in self._joint_k:
            found: set[int] | None = None
            for t in tokens:
                holding = {*self.by_word.get(t.norm, ()), *self.by_word.get(t.lemma, ())}
                found = holding if found is None else found & holding
            by_doc: dict[str, set[str]] = defaultdict(set)
            for j in found or ():
                by_doc[self.sentence_docs[j]] |= self.sentences[j][0]
            self._joint_k[keys] = Trace.of(by_doc, self.k).k if by_doc else self.k
        return self._joint_k[keys]

    def _service(self, t: Token) -> bool:
        """A word for the people of any service ("worker", "client"): it links to no one."""
        return self.frames is not None and t.lemma in self.frames.service_nouns

    def detail_words(self, a: Analysed) -> frozenset[int]:
        """Where the text names a detail of someone's life, not only of an ordinary episode (start
        offsets of its tokens): a word or phrase of the rare-detail lexicons ("mule", "welder"), a
        quasi-identifier of a strong kind ("nurse", "panic attack"; not under a negation), or a word
        rarer than ``detail_zipf`` in general English."""
        spans: list[tuple[int, int]] = []
        for qi, where in quasi.occurrences(a, self.profile.qi_lexicon):
            if not self.profile.qi_lexicon.is_weak(qi):
                spans.append(where)
        if self.suggest is not None:
            spans += [(a.tokens[i].start, a.tokens[j - 1].end) for i, j, _ in self.suggest.phrases(a.tokens)]
        out = set()
        for t in a.tokens:
            if not t.content:
                continue
            listed = self.suggest is not None and self.suggest.listed(t)
            rare = max(zipf(t.lemma), zipf(t.form or t.text.lower())) < self.detail_zipf
            if listed or rare or inside(t.start, t.end, spans):
                out.add(t.start)
        return frozenset(out)

    def described_details(self, a: Analysed, skip: Iterable[tuple[int, int]]) -> frozenset[int]:
        """Where the text describes, without naming it, a word of the accounts that is a detail of a
        life ("shoes horses" for a farrier): rarer than ``detail_zipf``, listed in the rare-detail
        lexicons, or a quasi-identifier of a strong kind."""
        if self.index is None:
            return frozenset()
        lexicon, synonyms = self.profile.qi_lexicon, self.profile.synonyms
        return frozenset(
            t.start
            for c, t in self.index.described(a, list(skip)).items()
            if zipf(c) < self.detail_zipf
            or (self.suggest is not None and self.suggest.listed_word(c))
            or lexicon.strong_word(c, synonyms)
        )

    def story(self, a: Analysed) -> bool:
        """The text tells one person's story: ``story_sentences`` of its sentences or more speak of someone
        ("she", "a man", "the resident"), not of people in general ("several workers said ...")."""
        if self.frames is None or self.story_sentences <= 0 or len(a.sentences) < self.story_sentences:
            return False
        return len(a.sentences) - len(self.frames.generic(a)) >= self.story_sentences

    def life_words(self, a: Analysed) -> frozenset[int]:
        """Start offsets of the tokens of the sentences that tell one person's past."""
        if self.frames is None:
            return frozenset()
        sentences = self.frames.sentences(a)
        return frozenset(t.start for t in a.tokens if t.sentence in sentences)

    def linked(
        self,
        evidence: dict[str, PersonEvidence],
        min_words: int,
        min_weight: float,
        min_findings: int,
        min_sentence_weight: float = 2.5,
        min_similar_words: int = 2,
    ) -> list[PersonEvidence]:
        """The people the evidence concentrates on, strongest first: at least ``min_words`` words
        weighing ``min_weight`` more than chance would give, ``min_findings`` findings, one
        sentence sharing two or more uncommon words weighing ``min_sentence_weight`` with one
        sentence of their accounts (three, or two with a detail among them, or two where both sentences
        tell one person's past), one sentence that says what a sentence telling their past says
        (:mod:`qualdeid.risk.sentences`), or a similarity to their accounts above the corpus's own
        threshold carried by at least ``min_similar_words`` words specific to them."""
        out = []
        similar_only = []
        for ev in evidence.values():
            if self.profile.sources[ev.person].role not in LINKABLE_ROLES:
                continue
            # Words alone link a text to a person only when one of them is a detail of a life: the words
            # of an ordinary episode (a letter, a celebration, a towel) recur in everyone's accounts.
            by_words = len(ev.words) >= min_words and ev.excess >= min_weight and self.has_detail(ev, ev.words)
            by_sentence = (
                len(ev.sentence_words) >= 2
                and ev.sentence_weight >= min_sentence_weight
                and (len(ev.sentence_words) >= 3 or self.has_detail(ev, ev.sentence_words) or self.both_lives(ev))
            )
            by_match = ev.sentence_match is not None
            by_signs = self.converging(ev) >= self.converge_signs > 0
            by_story = self.combined(ev)
            if by_words or by_sentence or by_match or by_signs or by_story or len(ev.findings) >= min_findings:
                out.append(ev)
            elif self.similar(ev, min_similar_words):
                similar_only.append(ev)
        # A similarity that a stronger link explains away (its words are all that person's too: a worker
        # who wrote the resident's diary) names no one more.
        stronger = sorted(out + similar_only, key=lambda e: -(e.similarity.z if e.similarity else 0.0))
        for ev in similar_only:
            words = {t.start for t in self._specific(ev)}
            if not any(
                other is not ev
                and other.similarity is not None
                and ev.similarity is not None
                and other.similarity.z > ev.similarity.z
                and words <= {t.start for t in self._specific(other)}
                for other in stronger
            ):
                out.append(ev)
        return sorted(out, key=lambda e: (-e.excess, -len(e.findings), e.person))

    def combined(self, ev: PersonEvidence) -> bool:
        """The text tells one person's story, its similarity to their accounts passes the calibrated
        threshold, and ``story_combination`` of its uncommon words are held all together by the accounts of
        fewer than k people, theirs among them (:meth:`combinations`). A worker's diaries are the service's
        everyday wording: they count only where the text tells a writer's own past."""
        if not ev.story or ev.similarity is None or not 0 < self.story_combination <= len(ev.combination):
            return False
        return self.profile.sources[ev.person].role != "worker" or ev.writer

    def converging(self, ev: PersonEvidence) -> int:
        """How many weak signs point at the person, each short of a link on its own: two or more words
        specific to them weighing ``converge_weight`` more than chance, or a similarity above the
        calibrated threshold carried by a word specific to them, or by words of many accounts that only
        theirs hold together in one sentence (one sign: the same words drive both); one sentence sharing
        two such words with one sentence of theirs, where either of the two tells one person's past; a
        finding pointing at them. Several agreeing on one person is how a paraphrase that generalises each detail
        still lets colleagues recognise them. A worker's diaries are the service's everyday wording: they
        count only where the text tells a writer's own past."""
        if self.profile.sources[ev.person].role == "worker" and not ev.writer:
            return 0
        # the words specific to them and the similarity they carry are one sign: the same words drive both
        words = len(ev.words) >= 2 and ev.excess >= self.converge_weight
        # ... or words of many accounts that only theirs hold together in one sentence, among those that
        # carry the similarity
        carried = ev.similarity is not None and (
            bool(self._specific(ev))
            or (len(ev.joint_words) >= 2 and {t.norm for t in ev.joint_words} <= {t.norm for t in ev.similarity.tokens})
        )
        # one sentence of the text and one of theirs share two such words, and one of the two tells one
        # person's past: their diary may tell as an episode what the text retells as a fact of a life
        told = ev.sentence_life or all(t.start in ev.life for t in ev.sentence_words)
        signs = (
            words or carried,
            len(ev.sentence_words) >= 2 and told,
            bool(ev.findings),
        )
        return sum(signs)

    def specific_words(self, ev: PersonEvidence) -> list[Token]:
        """The words that carry the text's similarity to the person and that the accounts of fewer than k
        people hold."""
        return self._specific(ev)

    def _specific(self, ev: PersonEvidence) -> list[Token]:
        if ev.similarity is None or self.index is None:
            return []
        specific = [t for t in self.index.specific(ev.similarity.tokens, self.k) if not self._service(t)]
        if ev.writer and self.profile.sources[ev.person].role == "worker":
            # a writer's own story is told among the writers: the things it names that one writer alone
            # of them wrote of, not the words that bring the writer in ("one of the peer workers")
            told = [t for t in ev.similarity.tokens if t.pos in THINGS and t.start not in ev.writer_words]
            among = {t.start for t in self.index.specific_among(told, 2, self.writers)}
            specific = [t for t in ev.similarity.tokens if t.start in among or t in specific]
        return specific

    def similar(self, ev: PersonEvidence, min_words: int) -> bool:
        """The similarity route: above the calibrated threshold, and carried by ``min_words`` words
        that the accounts of fewer than k people hold (one shared word is a coincidence), and

        * one of them a detail of a life, or ``story_words`` of them (a story retold), fewer as the
          similarity rises above the threshold (see :meth:`story_told`);
        * or a finding of its own pointing at the same person (weak signals that agree);
        * or the text tells the past of one of the accounts' writers and the person is a worker:
          their own diaries are the accounts a self-disclosure is checked against;
        * or one sentence of the text shares two or more of them, weighing ``sentence_weight``, with one
          sentence of their accounts: one detail retold in other words around the words that name it
          ("hauled fuel by truck" for their "drove a fuel truck");
        * or far above the threshold (``life_ratio`` times it) with one of them where the text tells
          one person's past: a life retold in other words, whose details need not be rare words;
        * or well above it (``life_things_ratio`` times it) where ``min_words`` of them say what happened in
          that past, not only whom it is about (:meth:`life_told`);
        * or, with one such word only, an uncommon thing of a life (:meth:`rare_thing`);
        * or, with one such word only, where the text tells one person's past, above the ``strong``
          level: closer than all but a few of the windows of the corpus's own documents get to the
          people they are not about (a detail retold in other words but its one specific word).
        """
        specific = self._specific(ev)
        m = ev.similarity
        if m is None or not specific:
            return False
        if m.z >= m.strong and any(t.start in ev.life for t in specific):
            return True  # closer than all but a few of the corpus's own windows, and a life retold
        if len(specific) == 1 and self.rare_thing(ev, specific[0]):
            return True  # one uncommon thing that their accounts name, in its own or a related word
        if len(specific) < min_words:
            return False
        if self.has_detail(ev, [t for t in specific if self._detail_in_accounts(t)]):
            return True
        if self.story_told(m, specific) or ev.findings:
            return True
        if ev.writer and self.profile.sources[ev.person].role == "worker":
            # a writer's past among their colleagues, in words that weigh as much as one retold detail
            # ("mental health", "a difficult time" are everyone's words)
            return sum(self.weight(t.lemma, t.text.lower()) for t in specific) >= self.sentence_weight
        if self.retold(ev, specific):
            return True
        if m.threshold > 0 and m.z >= self.life_ratio * m.threshold and any(t.start in ev.life for t in specific):
            return True
        return self.life_told(ev, specific, min_words)

    def life_told(self, ev: PersonEvidence, specific: list[Token], min_words: int) -> bool:
        """A past retold in other words: ``life_things_ratio`` times above the threshold, and ``min_words``
        of the words that carry it, one of them in a sentence that tells one person's past, say what
        happened in that life, not only whom it is about ("a teenager", "a widow": ``person_nouns`` of
        ``rules/risk/life.yaml``, words every story has)."""
        m = ev.similarity
        if m is None or self.life_things_ratio <= 0 or m.threshold <= 0 or m.z < self.life_things_ratio * m.threshold:
            return False
        who = self.frames.person_nouns if self.frames is not None else frozenset()
        told = [t for t in specific if t.lemma not in who and (t.norm or t.lemma) not in who]
        return len(told) >= min_words and any(t.start in ev.life for t in told)

    def rare_thing(self, ev: PersonEvidence, t: Token) -> bool:
        """One word carries the similarity above the threshold, and it names an uncommon thing of a life:
        a noun rarer than ``detail_zipf`` in general English, that their accounts hold in its own word or
        a related one ("a cornet" for their "trumpet", "a tramcar" for their "tram"). Such a thing in
        fewer than k people's accounts is a rare detail however it is worded."""
        rare = max(zipf(t.lemma), zipf(t.form or t.text.lower())) < self.detail_zipf
        return rare and t.pos == "NOUN" and t.start in ev.details

    def story_told(self, m: Match, specific: list[Token]) -> bool:
        """A story retold: ``story_words`` specific words at the calibrated threshold, and fewer as the
        similarity rises above it (the words times how many times the threshold the z-score is): a
        story retold in other words keeps few of its words, but those it keeps match far above chance.
        A story is at least ``story_min_words`` of them: two shared words are a coincidence however
        close they bring the text."""
        if len(specific) < self.story_min_words:
            return False
        if m.threshold <= 0:
            return len(specific) >= self.story_words
        return len(specific) * max(1.0, m.z / m.threshold) >= self.story_words

    def retold(self, ev: PersonEvidence, specific: list[Token]) -> bool:
        """Words that carry the similarity lie in one sentence of the text and in one sentence of their
        accounts, weighing ``sentence_weight`` together: three or more, or two where that sentence of
        their accounts tells their past ("she used to drive a fuel truck"), not an episode of the service
        ("she joined the art group"), or two where the text tells one person's story over several
        sentences (:meth:`story`): an episode of theirs retold in its place in their story."""
        within = {t.start for t in specific}
        shared = ev.sentence_words
        if len(shared) < 2 or ev.sentence_weight < self.sentence_weight or any(t.start not in within for t in shared):
            return False
        return len(shared) >= 3 or ev.sentence_life or ev.story

    def _detail_in_accounts(self, t: Token) -> bool:
        """A word of the text that their accounts hold only through a related word is a detail of their
        life only when it is listed as one ("harpist" for their "harp") or their own word is a detail
        too ("pregnancy" for their "pregnant", a quasi-identifier of a strong kind): not "tenancy" for
        the "tenant" of a housing service's every account."""
        if self.index is None or self.index.holds(t):
            return True
        if self.suggest is not None and self.suggest.listed(t):
            return True
        lexicon, synonyms = self.profile.qi_lexicon, self.profile.synonyms
        return any(
            zipf(w) < self.detail_zipf
            or (self.suggest is not None and self.suggest.listed_word(w))
            or lexicon.strong_word(w, synonyms)
            for w in self.index.accounts_words(t)
        )

    @staticmethod
    def both_lives(ev: PersonEvidence) -> bool:
        """The sentence of the text and the sentence of their accounts that share ``sentence_words`` both
        tell one person's past: a fact of a life retold, whose words need not be rare ones."""
        return ev.sentence_life and all(t.start in ev.life for t in ev.sentence_words)

    @staticmethod
    def has_detail(ev: PersonEvidence, tokens: Iterable[Token]) -> bool:
        return any(t.start in ev.details for t in tokens)
