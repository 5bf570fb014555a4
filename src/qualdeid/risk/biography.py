"""Life-history frames: which sentences of a text tell one person's past.

A passage about the service in general ("peer workers described the drop-in as ...") shares the
corpus's everyday words with many accounts; a paraphrase of one person's story tells a life: one
person, in the third person singular ("a woman who had ...", "he"), placed in their past or life course
(past perfect, "used to", "as a teenager", "before his first admission", "for years"). Word lists:
``rules/risk/life.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qualdeid.risk.analysis import FIRST_PERSON, Analysed, Token
from qualdeid.rules import Rules

RULES = "risk/life.yaml"
#: nouns for a kind of person, from WordNet ("visitor", "aide"), beside the hand-written ``person_nouns``
PERSON_NOUNS = "risk/person_nouns.txt"
#: where a person noun stands as a bystander to what the sentence tells ("a debrief with a colleague",
#: "asked a nurse"), not as the one it is about
_BYSTANDER_DEPS = frozenset({"pobj", "dobj", "dative", "iobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_THEY = frozenset({"they", "them", "their", "themselves", "themself"})
#: the first person singular: a speaker telling their own past
_I = frozenset({"i", "me", "my", "myself"})
#: the prepositions that put a writer in a team, service or place ("a worker on the outreach team")
_TEAM_PREP = frozenset({"on", "at", "from"})
#: the prepositions that put one person in the writers' own group ("a soldier in the team", "one of the staff")
_GROUP_PREP = frozenset({"in", "on", "of", "from"})
#: subjects of a present-tense verb that are no person ("it takes time", "this means", "what helps")
_NO_ONE = frozenset({"it", "this", "that", "there", "what", "which", "everyone", "everybody", "nobody", "no one"})


@dataclass(frozen=True)
class LifeFrames:
    person_pronouns: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    single_determiners: frozenset[str] = frozenset()
    life_words: frozenset[str] = frozenset()
    writer_nouns: frozenset[str] = frozenset()
    life_verbs: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    #: the kinds of person of WordNet ("visitor", "aide"): one person only where the sentence tells a
    #: past ("a visitor used to ...", not "one student sat in the car park" nor "the cook made a pie")
    kind_nouns: frozenset[str] = frozenset()
    life_predicates: frozenset[str] = frozenset()
    not_habits: frozenset[str] = frozenset()
    #: nouns that after "the" speak of anyone of a kind, not of one person ("so the person is not alone")
    generic_nouns: frozenset[str] = frozenset()
    #: nouns for two people together ("an older couple"): one household, as "a woman" is one person, but
    #: not as a measure ("a couple of days", "a pair of galoshes")
    pair_nouns: frozenset[str] = frozenset()
    #: the people of any service ("worker", "client"): every account names them, so they link to no one
    service_nouns: frozenset[str] = frozenset()
    #: nouns for a household ("a farming family"): one household after "a", "one", "another", as "a woman"
    #: is one person; after "the" any family ("the family's wishes")
    household_nouns: frozenset[str] = frozenset()
    #: a loss, a diagnosis, a sentence ("was killed", "treated for"): a writer's own story told in the past
    #: tense though no word places it in a life course
    disclosure_words: frozenset[str] = frozenset()
    #: the writers' own group ("a former soldier in the team", "one of the staff"): one person of it is a writer
    writer_groups: frozenset[str] = frozenset()
    #: what a life before an illness is told before ("before she grew unwell", "before he fell ill")
    illness_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, rules_dirs: Sequence[Path] = ()) -> LifeFrames:
        rules = Rules(list(rules_dirs))
        lists = rules.lists(RULES)
        names = (
            "person_pronouns",
            "person_nouns",
            "single_determiners",
            "life_words",
            "writer_nouns",
            "life_verbs",
            "definite_determiners",
            "life_predicates",
            "not_habits",
            "generic_nouns",
            "pair_nouns",
            "service_nouns",
            "household_nouns",
            "disclosure_words",
            "writer_groups",
            "illness_words",
        )
        found = {name: lists[name] for name in names}
        # a writer of the accounts ("a befriender", "one volunteer") is one person as "a woman" is
        found["person_nouns"] = (
            frozenset(found["person_nouns"]) | frozenset(found["pair_nouns"]) | frozenset(found["writer_nouns"])
        )
        return cls(**found, kind_nouns=rules.words(PERSON_NOUNS, lower=True))

    def one_person(self, tokens: list[Token], all_tokens: list[Token]) -> bool:
        """The sentence is about one person in the third person singular."""
        return (
            any(t.text.lower() in self.person_pronouns for t in tokens)
            or self._single(tokens, all_tokens, self.person_nouns | self.household_nouns)
            or (self._single(tokens, all_tokens, self.kind_nouns) and self.past_life(tokens))
        )

    def _single(self, tokens: list[Token], all_tokens: list[Token], nouns: frozenset[str]) -> bool:
        """A noun of ``nouns`` after "a", "one", "another" ...: one person of that kind."""
        return bool(self._singles(tokens, all_tokens, nouns))

    def _singles(
        self,
        tokens: list[Token],
        all_tokens: list[Token],
        nouns: frozenset[str],
        determiners: frozenset[str] | None = None,
    ) -> set[str]:
        """The nouns of ``nouns`` that name one person ("a woman", "one worker"; with ``determiners``
        other than the default, "the resident")."""
        dets = determiners or self.single_determiners
        out = {
            t.lemma
            for t in tokens
            if (t.lemma in nouns or t.norm in nouns)  # "servicewoman" read as its class, "soldier"
            and t.tag in ("NN", "NNP")
            and _role(t, all_tokens) not in _BYSTANDER_DEPS
            and not (t.lemma in self.pair_nouns and _measure(t, tokens, all_tokens))
            # "a person's wish", "a young person's privacy": whose wish it is, of anyone, not one person
            and not (t.lemma in self.generic_nouns and t.dep == "poss")
            and (
                any(d.head >= 0 and all_tokens[d.head] is t and d.text.lower() in dets for d in tokens)
                or _led_by(t, tokens, dets)
            )
        }
        if determiners is None:
            out |= self._one_of(tokens, all_tokens, nouns)
        return out

    @staticmethod
    def _one_of(tokens: list[Token], all_tokens: list[Token], nouns: frozenset[str]) -> set[str]:
        """The nouns of ``nouns`` in the plural after "one of" ("one of the peer workers"): one person."""
        out = set()
        for t in tokens:
            if t.lemma in nouns and t.tag == "NNS" and t.dep == "pobj" and t.head >= 0:
                of = all_tokens[t.head]
                if of.text.lower() == "of" and of.head >= 0 and all_tokens[of.head].text.lower() == "one":
                    out.add(t.lemma)
        return out

    def past_life(self, tokens: list[Token]) -> bool:
        """The sentence places a fact in someone's past or life course."""
        for i, t in enumerate(tokens):
            if t.lemma in self.person_nouns and t.dep in _SUBJECT_DEPS:
                continue  # "a teenager who ..." says whom the sentence is about now; "as a teenager, he" places a past
            if t.lemma in self.life_words or t.text.lower() in self.life_words:
                return True
            if t.pos == "VERB" and t.lemma in self.life_verbs:
                return True
            if t.lemma in self.life_predicates and _as_or_when(tokens, i):
                return True
            if _age_when(tokens, i):
                return True
            if t.text.lower() == "used" and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "to":
                return True
            if t.text.lower() == "before" and self._onset(tokens[i + 1 : i + 6]):
                return True
            if _back_home(tokens, i):
                return True
        return False

    def _onset(self, tokens: list[Token]) -> bool:
        """The words after "before" tell the onset of an illness ("before she grew unwell", "before he
        first fell ill", "before getting sick"): what comes before it is a life before the illness."""
        return any(
            t.lemma in _ONSET_VERBS and any(u.lemma in self.illness_words for u in tokens[n + 1 : n + 3])
            for n, t in enumerate(tokens)
        )

    def writer(self, a: Analysed) -> bool:
        """The text tells the past of one of the accounts' writers: "another worker had ...", "one of the
        workers ... Years before, they ...", or a speaker's own past in the first person ("I drove a bus
        for nine years"), as a quoted worker discloses it."""
        introduced = False  # a writer brought in: "the worker", "they", "she" go on naming them
        for si in range(len(a.sentences)):
            tokens = a.sentence_tokens(si)
            words = {t.text.lower() for t in tokens}
            single = self._single(tokens, a.tokens, self.writer_nouns) or self.group_member(tokens, a.tokens)
            introduced = introduced or single
            if not (self.past_life(tokens) or ((single or introduced) and self.disclosure(tokens))):
                continue
            if words & _I or single or (introduced and words & (self.person_pronouns | _THEY)):
                return True
        return False

    def group_member(self, tokens: list[Token], all_tokens: list[Token]) -> bool:
        """One person put in the writers' own group ("a former soldier in the team", "one of the staff",
        "an older man on the team"): a writer, as "a worker" is; not a person the service sees ("a client
        of the team", "a patient on the team's list")."""
        others = (self.service_nouns - self.writer_nouns) | {"patient"}
        singles = self._singles(tokens, all_tokens, self.person_nouns | self.kind_nouns)
        for t in tokens:
            if t.lemma not in self.writer_groups or t.dep != "pobj" or t.head < 0:
                continue
            prep = all_tokens[t.head]
            if prep.text.lower() not in _GROUP_PREP or prep.head < 0:
                continue
            owner = all_tokens[prep.head]
            if owner.lemma in others:
                continue
            if owner.lemma in singles or (owner.text.lower() == "one" and prep.text.lower() == "of"):
                return True
        return False

    def disclosure(self, tokens: list[Token]) -> bool:
        """The sentence tells, in the past tense, a loss, a diagnosis, a treatment or a sentence ("her
        brother was killed", "he was treated for depression", "she relapsed"): what a worker discloses of
        their own life."""
        if not any(t.tag in ("VBD", "VBN") for t in tokens):
            return False
        # someone else the service sees ("a worker said a tenant was evicted"): their episode, not the writer's
        # (the one the episode happens to, or whose it is: not a word qualifying the writer, "a peer worker",
        # nor those the writer told it to, "told clients that they had ...")
        others = self.service_nouns - self.writer_nouns
        if any(t.lemma in others and t.pos == "NOUN" and t.dep in _EPISODE_DEPS for t in tokens):
            return False
        # "treated for depression", not "treated as a place to rest"
        return any(
            (t.lemma in self.disclosure_words or t.text.lower() in self.disclosure_words)
            and (t.lemma != "treat" or (i + 1 < len(tokens) and tokens[i + 1].text.lower() == "for"))
            for i, t in enumerate(tokens)
        )

    def writer_words(self, a: Analysed) -> frozenset[int]:
        """Start offsets of the words that name a writer ("one of the peer workers", "another support
        worker"): the writer nouns and the words that qualify them, and the team, service or place the
        phrase puts them in ("a worker on the night shelter team", "a mentor from the youth project"):
        the service's own name for itself is no part of their story."""
        out = set()
        people = self.person_nouns | self.kind_nouns | self.writer_nouns
        for i, t in enumerate(a.tokens):
            grouped = t.lemma in self.writer_groups and t.dep == "pobj" and t.head >= 0
            if grouped and a.tokens[t.head].text.lower() in _GROUP_PREP and self._of_person(a.tokens, t.head, people):
                out |= {a.tokens[m].start for m in _with_modifiers(a.tokens, i)}
            if t.lemma in self.writer_nouns:
                out.add(t.start)
                out |= {d.start for d in a.tokens if d.head == i and d.dep in ("compound", "amod")}
                preps = {
                    j
                    for j, p in enumerate(a.tokens)
                    if p.head == i and p.dep == "prep" and p.text.lower() in _TEAM_PREP
                }
                for j, o in enumerate(a.tokens):
                    if o.dep == "pobj" and o.head in preps:
                        out |= {a.tokens[m].start for m in _with_modifiers(a.tokens, j)}
        return frozenset(out)

    @staticmethod
    def _of_person(tokens: list[Token], prep: int, people: frozenset[str] | set[str]) -> bool:
        """The preposition ``prep`` puts a person in a group ("one of the staff", "a cook on the team"), not
        a thing or a part of a story ("the rest of the crew", "the night of the team's party")."""
        head = tokens[prep].head
        if head < 0:
            return False
        owner = tokens[head]
        return owner.lemma in people or owner.text.lower() == "one" or owner.pos == "PRON"

    def generic(self, a: Analysed) -> list[tuple[int, int]]:
        """The spans of the sentences about no one in particular: no "he", "she", "I", no "a woman"
        ("peer workers described ...", "several participants said ..."). What they share with one
        person's accounts is the corpus's common wording, not that person's story. Once a text has
        brought in one person ("a worker"), "the worker" and a singular "they" go on naming them."""
        out = []
        introduced: set[str] = set()
        for si, (s0, s1) in enumerate(a.sentences):
            tokens = a.sentence_tokens(si)
            # "one of the carers" names one person whatever kind of person it is
            single = self._singles(tokens, a.tokens, self.person_nouns | self.household_nouns)
            single |= self._one_of(tokens, a.tokens, self.kind_nouns)
            if self.past_life(tokens) or self.habit(tokens, a.tokens) or _past_perfect(tokens):
                # "a welder used to ...", "a welder keeps goats", "a welder had built boats": one
                # person's past or habits
                single |= self._singles(tokens, a.tokens, self.kind_nouns)
            introduced |= single
            definite = self._singles(
                tokens, a.tokens, self.person_nouns - self.generic_nouns, self.definite_determiners
            )
            definite |= self._singles(tokens, a.tokens, self.generic_nouns, self.definite_determiners - {"the"})
            personal = (
                bool(single | definite)
                or any(t.text.lower() in FIRST_PERSON | self.person_pronouns for t in tokens)
                or (
                    bool(introduced)
                    and any((t.tag == "NN" and t.lemma in introduced) or t.text.lower() in _THEY for t in tokens)
                )
            )
            if not personal:
                out.append((s0, s1))
        return out

    def habit(self, tokens: list[Token], all_tokens: list[Token]) -> bool:
        """The sentence tells what someone does as a rule, in the present tense ("she drives a crane at
        the port", "he sends nothing home"): a standing fact of a life, as a past is. A diary tells its
        episodes in the past tense; verbs of saying and feeling ("she says", "he wants") tell no habit."""
        for t in tokens:
            if t.tag != "VBZ" or t.pos != "VERB" or t.lemma in self.not_habits:
                continue
            subjects = [d for d in tokens if d.dep == "nsubj" and d.head >= 0 and all_tokens[d.head] is t]
            if any(d.text.lower() not in _NO_ONE for d in subjects):
                return True
        return False

    def sentences(self, a: Analysed) -> set[int]:
        """The indices of the sentences that tell one person's past or habits."""
        out = set()
        for si in range(len(a.sentences)):
            tokens = a.sentence_tokens(si)
            if self.one_person(tokens, a.tokens) and (self.past_life(tokens) or self.habit(tokens, a.tokens)):
                out.add(si)
        return out


#: verbs of the onset of an illness after "before" ("before she grew unwell", "before he fell ill")
_ONSET_VERBS = frozenset({"become", "fall", "get", "grow", "go"})


def _back_home(tokens: list[Token], i: int) -> bool:
    """ "Back home" as a place in a life ("back home, she had mended clocks", "she had, back home, run a
    forge"): a life before migrating; not after a verb of going ("went back home", "got back home")."""
    if tokens[i].text.lower() != "back" or i + 1 >= len(tokens) or tokens[i + 1].text.lower() != "home":
        return False
    return i == 0 or tokens[i - 1].pos not in ("VERB", "ADV") or tokens[i - 1].lemma in ("have", "be")


def _with_modifiers(tokens: list[Token], i: int) -> set[int]:
    """The token and the nouns and adjectives that qualify it, however deep ("the night shelter team")."""
    out, todo = {i}, [i]
    while todo:
        h = todo.pop()
        for j, d in enumerate(tokens):
            if d.head == h and d.dep in ("compound", "amod") and j not in out:
                out.add(j)
                todo.append(j)
    return out


def _measure(t: Token, tokens: list[Token], all_tokens: list[Token]) -> bool:
    """The noun measures out what follows it ("a couple of days", "a pair of galoshes"): "of" hangs on it."""
    return any(d.text.lower() == "of" and d.head >= 0 and all_tokens[d.head] is t for d in tokens)


#: where a person of the service stands when the episode a sentence tells is theirs: its subject, or the
#: owner of what it tells of ("a tenant was evicted", "a client's flat flooded")
_EPISODE_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "ROOT"})


def _past_perfect(tokens: list[Token]) -> bool:
    """The sentence tells what had happened before the time it speaks of ("a visitor had taught
    music"): the past perfect, "had" as an auxiliary (not "had to", not "had a dog")."""
    return any(t.text.lower() == "had" and t.dep == "aux" for t in tokens)


#: the words between a determiner and its noun: adjectives, adverbs, participles, nouns, hyphens
_NOUN_PHRASE_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "VBN", "VBG", "NN", "HYPH"})


def _led_by(t: Token, tokens: list[Token], determiners: frozenset[str]) -> bool:
    """The noun's phrase opens with one of ``determiners``, whatever the parser attached it to ("an older
    ex-welder": the parse may hang "an" on "older" and "older" on the verb)."""
    i = next((j for j, d in enumerate(tokens) if d is t), -1)
    for d in reversed(tokens[:i] if i > 0 else []):
        if d.text.lower() in determiners:
            return d.tag != "IN"  # "said that older ...": a conjunction, no determiner
        if d.tag not in _NOUN_PHRASE_TAGS and d.text != "-":
            return False
    return False


def _role(t: Token, all_tokens: list[Token]) -> str:
    """The token's dependency, a conjunct taking that of the word it is joined to ("about the form
    rather than the person": "person" is an object as "form" is)."""
    seen = 0
    while t.dep == "conj" and t.head >= 0 and seen < 8:
        t, seen = all_tokens[t.head], seen + 1
    return t.dep


#: who an age in a "when" clause can be of
_AGE_SUBJECTS = frozenset({"he", "she", "i", "they", "we", "you"})


def _as_or_when(tokens: list[Token], i: int, reach: int = 4) -> bool:
    """The word at ``i`` follows "as a" ("as a young woman") or stands in a "when" clause a few words on
    ("when he was small", "when she was a young girl")."""
    before = [t.text.lower() for t in tokens[max(0, i - reach) : i]]
    return before[-2:] in (["as", "a"], ["as", "an"]) or "when" in before


def _age_when(tokens: list[Token], i: int) -> bool:
    """An age in a "when" clause about someone: "when she was seventeen", "when Ana was 13", "when he
    was aged 9"; not a time ("when it was 3")."""
    if tokens[i].pos != "NUM" or i < 2:
        return False
    j = i - 1 if tokens[i - 1].text.lower() != "aged" else i - 2
    if j < 1 or tokens[j].text.lower() not in ("was", "were"):
        return False
    who = tokens[j - 1]
    return (who.text.lower() in _AGE_SUBJECTS or who.pos == "PROPN") and _as_or_when(tokens, i)
