"""PERSON names, propagated across the corpus.

Pass 1 collects *confident* names per document: names in NER PERSON spans, title + surname
("Dr Okafor"), first-name-list words used as names, unknown capitalised words in a name context
("told Kez"), first name + surname pairs, initials ("J.T."). Pass 2 finds every occurrence of every
confident name (and its nickname variants) in every document: any letter case, possessives,
sentence-initial. Names that are also words (Hope, Will, Dawn) and lowercase forms of common words
need name evidence where they occur, so "I hope" and "at dawn" stay unflagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from wordfreq import zipf_frequency

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.allow_deny import normalise
from qualdeid.detect.layout import heading_ranges, inside
from qualdeid.detect.names.initials import initials_as_names
from qualdeid.detect.names.variants import NameVariants
from qualdeid.detect.nlp.loading import dictionary_words
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.labels import AGE, LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules

DETECTOR = "names"


def _wordset(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


#: Scores: a little above NER's 0.85, so a name beats NER's "organisation" reading of it.
SCORE_KNOWN = 0.9
SCORE_LOCAL = 0.88

#: Zipf frequency above which a lowercase word counts as common English (wordfreq scale, 0-8).
COMMON_WORD_ZIPF = 4.0
#: An unknown capitalised word in a name context must be rarer than this to be taken as a name.
RARE_WORD_ZIPF = 3.5

#: A first name that the lemmatizer knows as a word is treated as the word from this frequency on.
DICTIONARY_NAME_ZIPF = 3.8
#: A capitalised word after a first name must be rarer than this to be taken as a surname.
SURNAME_ZIPF = 3.0
#: spaCy entity types that are not people: such words need the first-name list to count as names.
_NOT_PERSON_ENTS = frozenset({"NORP", "LANGUAGE", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})

#: Words before a name that say a person follows ("told kev", "with Hope").
LEFT_CONTEXT = _wordset(
    "told tell tells telling asked ask asks asking texted text rang ring phoned called emailed messaged thanked "
    "hugged met meet saw see visited visit reminded helped let gave give showed introduced supported "
    "with and for to by from about thank thanks",
)
#: Prepositions that come before places and dates as often as before people.
WEAK_LEFT = _wordset("for to by from about and")
#: The stronger subset, enough for a lowercase word-name ("told bill").
STRONG_LEFT = _wordset(
    "told tell tells telling asked ask asks asking texted rang phoned emailed messaged thanked hugged "
    "reminded introduced",
)
#: Words after a name that say it is a person ("Hope said", "Will was").
RIGHT_CONTEXT = _wordset(
    "said says told asked replied reckons reckoned laughed smiled cried shouted yelled texted rang called "
    "nodded grinned agreed admitted mentioned explained wants wanted came went arrived seemed looked "
    "was is has had and who did does didn't doesn't isn't wasn't hasn't couldn't can't won't would could "
    "will got gets loves loved likes liked hates hated thinks thought knows knew",
)
STRONG_RIGHT = _wordset(
    "said says told asked replied reckons reckoned laughed smiled cried shouted yelled texted rang "
    "nodded grinned agreed admitted mentioned explained",
)
#: Capitalised wherever they stand, so capitals do not make them names: "in May", "on Sunday".
CALENDAR_WORDS = _wordset(
    "january february march april may june july august september october november december",
    "monday tuesday wednesday thursday friday saturday sunday christmas easter",
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed weds thu thur thurs fri sat sun xmas",
)
#: Greetings, thanks and exclamations before a name in a chat: "thanks sandy", "welcome hope!".
VOCATIVE_LEFT = _wordset(
    "thanks thank thankyou thx ty cheers welcome hi hey hiya heya hello morning evening night nite bye ta",
    "congrats congratulations sorry oh ah aw aww awww bless proud go love miss huge amazing brilliant",
)
#: Words after "will", "hope", "pat" that keep them words: "oh hope so", "thanks will do", "let go".
WORD_FOLLOWERS = _wordset(
    "so not to you it that this we i he she they for is was be do have of in on at the a an all",
    "me him her them us everyone everybody too as if with when",
)
LET_IDIOMS = _wordset("go slip rip alone down loose fly off out up")
#: The writer naming themselves: "hi all its hope", "this is will".
_SELF_INTRO = re.compile(r"(?i:\b(?:it['’]?s|this[ \t]+is|i['’]?m|me[ \t]+here|am))[ \t]+$")
#: What may follow a name at the end of a clause: punctuation, a line end, an emoji, a kiss.
_CLAUSE_END = re.compile(r"[ \t]*(?:[.!?,;:)\n]|x+\b|$|[^\w\s'’\"“(-])")
#: A transfer to a person: "passed it to faith", "handed the form over to hope".
_TRANSFER_TO = re.compile(
    r"(?i:\b(?:pass|passed|passing|hand|handed|handing|gave|give|giving|sent|send|sending|forward|forwarded"
    r"|mention|mentioned|explain|explained|report|reported|introduce|introduced|show|showed|refer|referred)"
    r"(?:[ \t]+[\w'’]+){1,3}[ \t]+to[ \t]+)$"
)
#: "wants sky to come", "told hope to ring": a verb whose object then does something
_CONTROL_VERB = re.compile(
    r"(?i:\b(?:wants?|wanted|asks?|asked|tells?|told|needs?|needed|expects?|expected|gets?|got|helped|help"
    r"|encouraged|reminded|invited|begged|convinced|persuaded)[ \t]+)$"
)
#: "a text from hope", "missed call from will"
_MESSAGE_FROM = re.compile(
    r"(?i:\b(?:texts?|txts?|calls?|messages?|msgs?|e-?mails?|letters?|cards?|visits?|voicemails?|notes?|dms?)"
    r"[ \t]+from[ \t]+)$"
)
#: "from the team", "from our group", "from next door": where a person belongs
_FROM_GROUP = re.compile(
    r"[ \t]*from[ \t]+(?:the|our|my|your|his|her|their)[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:team|group|ward|unit|house|office|service|church|club|centre|center|clinic|crew|shelter|hostel|council"
    r"|school|college|programme|program|project|charity|network|circle|kitchen|desk|front|next[ \t]+door)\b"
)
#: "... was what kept me going", "... is the thing": a noun's predicate, not a person's doing
_PREDICATE = re.compile(r"[ \t]+(?:is|was)[ \t]+(?:what|the|a|an|all|my|our|so|such|everything|key|important)\b")
_WHEN_NEXT = re.compile(r"[ \t]+(?:later|earlier|today|tonight|yesterday|this|last|again|saying|asking|about|at)\b")
_TO_YOU = re.compile(r"(?i:\b(?:thank|love|miss|proud[ \t]+of|bless|see|luv)[ \t]+(?:you|u|ya|yous)[ \t,]*)$")
_TO_VERB = re.compile(r"[ \t]+to[ \t]+[a-z]{2,}")
#: "sky is scared", "will's back": a state only a person is in
_PERSON_STATE = re.compile(
    r"(?:[ \t]+(?:is|was)|['’]?s)[ \t]+(?:so[ \t]+|really[ \t]+|very[ \t]+|still[ \t]+|feeling[ \t]+)?"
    r"(?:scared|frightened|happy|sad|upset|anxious|nervous|excited|proud|angry|cross|tired|exhausted|sick|unwell"
    r"|poorly|struggling|okay|ok|grand|asleep|awake|gutted|buzzing|doing[ \t]+(?:well|better|ok|okay|great|good))\b"
)
#: Words before a word-name that make it the word: "the summer", "at dawn", "last Will".
WORD_LEFT = _wordset(
    "the a an this that these those last next every each in at of on by my your our his her their its "
    "some no any all such what good great much more less full lost give gave",
)

_CAPITALS = re.compile(r"(?<![\w&/.'’-])[A-Z]{2,3}(?![\w&/'-]|\.[A-Z])")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?![\w])")
_NOT_INITIALS = {"U.S.", "U.K.", "A.M.", "P.M.", "E.G.", "I.E.", "N.Z.", "U.N.", "B.C.", "A.D.", "N.B.", "P.S."}
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”]|\u2026)\s*$")
#: Right after a name and an opening bracket: 'Alexandra ("Sandy", ...)'.
_BRACKETED = re.compile(r"[A-Z][\w'’-]+[ \t]*\([ \t]*[\"“']?$")
#: Irregular past tenses: "Dawn ate", "then sandy found".
PAST_VERBS = _wordset(
    "ate became began bought brought came caught chose did drew drove fell felt fought found gave got grew had",
    "heard held hid hit kept knew laid led left lent let lost made meant met paid put ran rang rode said sang",
    "sat saw sent shook showed shut slept sold spoke spent stood stole swam swore took taught tore told thought",
    "threw understood went woke won wore wrote rose arose",
)
KIN_WORDS = _wordset(
    "son daughter boy girl lad lass kid child baby brother sister bro sis mum mom mam ma dad da pa husband wife",
    "partner fiance fiancee fiancé fiancée grandson granddaughter nephew niece cousin uncle aunt auntie aunty",
    "nan nana gran granny grandma grandad granddad grandpa stepson stepdaughter friend mate boyfriend girlfriend",
)
POSSESSIVES = _wordset("my his her their our your")
ARTICLES = _wordset("the a an")
OBJECT_PRONOUNS = _wordset("him her me us them you")
SUBJECT_PRONOUNS = _wordset("i you we they he she it who")
AGE_WORDS = _wordset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety",
)
_AGE_NEXT = re.compile(
    r"[ \t]+(?:is|was|turned|turns)[ \t]+(?:\d{1,3}|" + "|".join(sorted(AGE_WORDS)) + r")(?:[ \t-]+\w+)?"
    r"(?=[ \t]*(?:[.!?,;:)\n]|$|and\b|now\b|today\b|in\b|on\b|this\b|last\b|next\b|years?\b|yrs?\b|yo\b))",
    re.IGNORECASE,
)
NEGATED_AUXILIARIES = _wordset(
    "doesn't didn't won't can't couldn't wouldn't shouldn't hasn't hadn't doesnt didnt wont cant couldnt wouldnt"
)
CLAUSE_OPENERS = _wordset("and but so then when because cos coz while until after before if that")
ADVERBS = _wordset("just then also still never always really actually finally already even suddenly")
#: A second name introduced in brackets or as a nickname: "Kieran (Kez)", 'Alexandra ("Sandy")', "known as Bo".
_ALIAS = re.compile(
    r"(?:([A-Z][a-z'’-]+)[ \t]*\([ \t]*[\"“']?"
    r"|\b(?:known as|aka|a\.k\.a\.|goes by|call me|calls? (?:him|her|them)(?:self)?)[ \t]+[\"“']?)"
    r"([A-Z][a-z'’-]+)\b"
)


@dataclass
class KnownName:
    display: str
    wordlike: bool
    evidence: int = 0
    variant_of: set[str] = field(default_factory=set)


class NameProcessor(CorpusProcessor):
    """The corpus processor for people's names."""

    name = "names"

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        self.first_names = rules.words("names/first_names.txt", lower=True)
        self.surnames = rules.words("names/surnames.txt", lower=True)
        self.towns = rules.words("lexicons/towns.txt", lower=True)
        self.titles = rules.words("names/titles.txt", lower=True)
        self.place_heads = rules.words("names/place_heads.txt", lower=True)
        self.surname_words = rules.words("names/surname_words.txt", lower=True)
        self.word_names = rules.words("names/word_names.txt", lower=True) | self.surname_words
        roles = rules.words("lexicons/speaker_roles.txt", lower=True)
        self.not_initials = frozenset(rules.words("names/not_initials.txt")) | {r.upper() for r in roles}
        self.allow = {normalise(w) for w in rules.words("allow.txt")}
        self.variants = NameVariants(rules)
        self.first_names |= rules.nicknames.names  # every form in the nickname list is a first name
        self._dictionary = dictionary_words(nlp, ("verb", "adj", "adv"))
        self.known: dict[str, KnownName] = {}
        #: initials of full names found in the corpus, and initials that act as a person somewhere in it
        self.known_initials: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        titles = "|".join(sorted((re.escape(t.capitalize()) for t in self.titles), key=len, reverse=True))
        self._title_name = re.compile(
            rf"(?<![\w])(?:{titles})\.?[ \t]+(?:[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+)?|[A-Z]\b\.?)"
        )
        lower_titles = "|".join(sorted((re.escape(t.lower()) for t in self.titles), key=len, reverse=True))
        #: "dr okoro", "dr v" in hurried lower-case writing (the name is checked to be no common word)
        self._lower_title_name = re.compile(
            rf"(?<![\w])(?:{lower_titles})\.?[ \t]+([a-z][a-z'’-]+|[a-z])\b(?!['’]?[\w-])"
        )
        self._title_before = re.compile(rf"(?<![\w])(?:{titles})\.?[ \t]+$")

    # ------------------------------------------------------------------ word tests

    def wordlike(self, word: str) -> bool:
        """True when the name is also an ordinary word (or a place): it needs evidence to be a name."""
        w = word.lower()
        if w in self.word_names:
            return True
        if w in self._dictionary:
            # a first name that is also a rare verb or adjective ("to marcel" hair) is used as the name
            return w not in self.first_names or _zipf(w) >= DICTIONARY_NAME_ZIPF
        return w not in self.first_names and _zipf(w) >= COMMON_WORD_ZIPF  # a surname like Park or Ward

    def common_word(self, word: str) -> bool:
        w = word.lower()
        return self.wordlike(w) or (w not in self.first_names and _zipf(w) >= COMMON_WORD_ZIPF)

    # ------------------------------------------------------------------ pass 1

    def prepare(self, sdoc: Doc) -> None:
        """Trim NER's PERSON entities before the recognizers see them: "Took Sandy" -> "Sandy"."""
        ents = list(sdoc.ents)
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            start, end = ent.start, ent.end
            while start < end - 1 and self._not_part_of_name(sdoc[start]):
                start += 1
            while end - 1 > start and sdoc[end - 1].text[0].islower() and not sdoc[end - 1].text.isalpha():
                end -= 1  # "Ty w/": NER's span runs on into an abbreviation
            if (start, end) != (ent.start, ent.end):
                ents[i] = SpacySpan(sdoc, start, end, label=ent.label)
                changed = True
        if changed:
            sdoc.ents = ents

    def _not_part_of_name(self, token: Any) -> bool:
        if not _is_capitalised(token.text):
            return True
        return token.tag_.startswith("VB") or (
            (token.is_sent_start or token.i == 0) and self._word_not_name(token.text)
        )

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        text = doc.text
        names: dict[str, bool] = {}
        local: list[Span] = []
        blocked = [s for s in spans if s.label in (LOCATION, ORGANIZATION) and s.detector != "SpacyRecognizer"]

        def confident(word: str) -> None:
            if name_shaped(word) and normalise(word) not in self.allow and not self._calendar_only(word):
                names[word] = self.wordlike(word)

        headings = heading_ranges(text)
        for span in spans:
            if inside(span, headings):
                continue
            if span.label == PERSON and span.detector in STRUCTURAL_DETECTORS:
                # a speaker turn or an addressee is a name by its position, whatever its case
                for word in re.findall(r"[^\W\d_][\w'’-]*", text[span.start : span.end]):
                    confident(word[0].upper() + word[1:])
                continue
            if span.detector != "SpacyRecognizer":
                continue
            ent = sdoc.char_span(span.start, span.end, alignment_mode="expand")
            if span.label == PERSON:
                words = self._ner_person_words(ent)
            elif span.label == ORGANIZATION:
                words = self._person_read_as_org(ent)
            else:
                continue
            for word in words:
                confident(word)
        for m in self._title_name.finditer(text):
            parts = m.group().split()
            words = [p.strip(".") for p in parts[1:]]
            if all(len(w) == 1 for w in words):
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                continue
            end = m.end()
            if len(words) == 2 and (words[1].lower() in self.place_heads or self.common_word(words[1])):
                words = words[:1]  # "Dr Patel Street" is a street; "Mrs Tran Saturday" -> Tran
                end = m.start() + m.group().index(parts[1]) + len(parts[1])
            # after a title even an everyday word is a surname: "Dr Ward", "Mr Park"
            local.append(Span(m.start(), end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            for w in words:
                confident(w)
        for m in self._lower_title_name.finditer(text):
            name = m.group(1)
            if len(name) == 1 or (_zipf(name) < SURNAME_ZIPF and name not in self.titles):
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        acting_initials: set[str] = set()
        for start, end in initials_as_names(text, self.not_initials):
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            if end - start > 1:
                acting_initials.add(text[start:end])
        for m in _INITIALS.finditer(text):
            if m.group().replace(" ", "") not in _NOT_INITIALS:
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        for m in _ALIAS.finditer(text):
            if m.group(1) is None or self._is_name(m.group(1)) or m.group(1) in names:
                confident(m.group(2))
        for token in sdoc:
            word = token.text
            if word.islower() and self._lowercase_name(sdoc, token):
                confident(word.capitalize())
            if not _is_capitalised(word) or any(b.start <= token.idx < b.end for b in blocked):
                continue
            if self._followed_by_place_head(sdoc, token.i):
                continue
            # NER reads "River", "Sky" as a place or a thing; a word-name still counts where it acts
            word_name_read_as_thing = token.ent_type_ != "GPE" and word.lower() in self.word_names
            if token.ent_type_ in _NOT_PERSON_ENTS and not (self._is_name(word) or word_name_read_as_thing):
                continue
            if self._name_by_evidence(sdoc, token) or self._listed_with_names(sdoc, token):
                confident(word)
            surname = self._surname_after(sdoc, token)
            if surname:
                confident(word)
                confident(surname)
        observation = {w: wl for w, wl in names.items()}
        for w in list(names):
            for v in self.variants.of(w):
                observation.setdefault(v, self.wordlike(v))
        initials = self._full_name_initials(text, spans, local, names) | acting_initials
        return local, (observation, sorted(names), sorted(initials))

    def _full_name_initials(self, text: str, spans: list[Span], local: list[Span], names: dict[str, bool]) -> set[str]:
        """ "OV" for "Ottilie Vasquez-Reyes": handover notes name people by the initials of a full name."""
        out: set[str] = set()
        for s in [*spans, *local]:
            if s.label != PERSON:
                continue
            words = [w for w in re.findall(r"[A-Z][\w'’-]*", text[s.start : s.end]) if w.lower() not in self.titles]
            if 2 <= len(words) <= 3 and words[0] in names:
                out.add("".join(w[0] for w in words))
        return out

    def _lowercase_name(self, sdoc: Doc, token: Any) -> bool:
        """A name written in lower case wherever it occurs ("went for a walk with tarquin", "joy is 41"): a first
        name that is no word, in a person's place; a word-name or a rare word only where it speaks or
        has an age."""
        lower = token.text
        if len(lower) < 3 or not lower.isalpha() or lower in CALENDAR_WORDS or lower in KIN_WORDS:
            return False
        known = lower in self.first_names or lower in self.word_names
        rare = not known and _zipf(lower) < RARE_WORD_ZIPF
        prev = sdoc[token.i - 1].lower_ if token.i > 0 else ""
        # most lower-case words are none of these: leave before looking further around them
        if not (known or rare or prev in _NAMED_BEFORE):
            return False
        if _named_at(sdoc, token.i) or (rare and _named_at(sdoc, token.i - 1)):
            return lower not in self._dictionary or lower in self.first_names  # "her name is maxine x"
        if not (known or rare):
            return False
        nxt = sdoc[token.i + 1].lower_ if token.i + 1 < len(sdoc) else ""
        after = sdoc[token.i + 1 : token.i + 5].text
        speaks = nxt in STRONG_RIGHT or bool(_AGE_NEXT.match(" " + after))
        if prev in WORD_LEFT or prev in SUBJECT_PRONOUNS:
            return False
        if lower in self.first_names and not self.wordlike(lower):
            return (
                speaks
                or prev in LEFT_CONTEXT - WEAK_LEFT
                or nxt in RIGHT_CONTEXT
                or nxt in ("'s", "’s")
                or self._after_kin(sdoc, token)
            )
        # a word-name speaks only from the start of a clause: "then grace said", not "the onion king says"
        opens = token.i == 0 or not sdoc[token.i - 1].is_alpha or prev in CLAUSE_OPENERS
        if lower in self.first_names or lower in self.word_names:
            return speaks and opens
        return speaks and opens and _zipf(lower) < RARE_WORD_ZIPF - 1 and lower not in self._dictionary

    def _calendar_only(self, word: str) -> bool:
        """ "Weds", "Xmas" — but "June" and "May" are names too."""
        return word.lower() in CALENDAR_WORDS and word.lower() not in self.first_names

    def _word_not_name(self, word: str) -> bool:
        """An English word ("Rang", "Took") that is not in the name lists."""
        return not self._is_name(word) and (self.common_word(word) or _zipf(word.lower()) >= SURNAME_ZIPF)

    def _is_name(self, word: str) -> bool:
        w = word.lower()
        return w in self.first_names or w in self.surnames

    def _ner_person_words(self, span: SpacySpan | None) -> list[str]:
        """The name words of an NER PERSON span, without leading verbs ("Took Sandy") or trailers."""
        if span is None or (span.start > 0 and span.doc[span.start - 1].lower_ in ("the", "a", "an")):
            return []  # "the Rob Roy": a venue or a product
        tokens = [t for t in span if _is_capitalised(t.text) and t.text.lower() not in ("'s", "’s")]
        while len(tokens) > 1 and (
            tokens[0].tag_.startswith("VB") or (tokens[0].is_sent_start and self._word_not_name(tokens[0].text))
        ):
            tokens = tokens[1:]  # "Took Sandy", "Rang Bryn"
        words = [t.text for t in tokens if t.text.lower() not in self.titles]
        if len(words) == 1:
            w = words[0]
            first = tokens[0].is_sent_start if tokens else True
            if self.common_word(w) or (w.lower() in self.towns and not self._is_name(w)):
                return []  # "Took", "Dubbo": a word or a town that NER took for a person
            if first and w.lower() not in self.first_names and not self._acts_as_person(span):
                return []
        elif any(w.lower() in self.place_heads for w in words):
            return []
        return [w for w in words if not (len(words) > 1 and self.common_word(w) and not self._is_name(w))]

    def _acts_as_person(self, span: SpacySpan) -> bool:
        """A rare word that NER calls a person and that does what people do: "Rosa's", "Ffion said"."""
        after = span.doc[span.end : span.end + 3].text
        return _zipf(span.text.lower()) < RARE_WORD_ZIPF and (after.startswith(("'s", "’s")) or _acts_next(after))

    def _person_read_as_org(self, span: SpacySpan | None) -> list[str]:
        """NER often reads "Firstname Surname" as an organisation: two or three capitalised words, the
        first a first name (or all of them rare in English), none a common word or a place word."""
        if span is None:
            return []
        words = [t.text for t in span if t.text.lower() not in ("'s", "’s")]
        while words and not _is_capitalised(words[-1]):
            words.pop()  # NER's span sometimes runs on: "Firstname Surname around"
        if not 2 <= len(words) <= 3:
            return []
        if words[0].lower() not in self.first_names and not all(_zipf(w.lower()) < RARE_WORD_ZIPF for w in words):
            return []
        if any(not (w.isalpha() and _is_capitalised(w)) or w.lower() in self.place_heads for w in words):
            return []
        if any(self.common_word(w) and not self._is_name(w) for w in words):
            return []
        return words

    def _name_by_evidence(self, sdoc: Doc, token: Any) -> bool:
        word, lower = token.text, token.text.lower()
        prev = sdoc[token.i - 1] if token.i > 0 else None
        nxt = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        initial = token.i == 0 or token.is_sent_start or (prev is not None and prev.text in (":", "\n", "-", "\u2013"))
        prev_word = prev.text.lower() if prev is not None else ""
        next_word = nxt.text.lower() if nxt is not None else ""
        prev_starts = prev is not None and (prev.i == 0 or prev.is_sent_start)
        in_title_phrase = (prev is not None and not initial and not prev_starts and _is_capitalised(prev.text)) or (
            nxt is not None and _is_capitalised(nxt.text) and not self._is_name(nxt.text)
        )
        if _named_at(sdoc, token.i):
            return True  # "my name is Anneka"
        if lower in self.first_names and not self.wordlike(word):
            strong_left = prev_word in LEFT_CONTEXT - WEAK_LEFT  # "rang Tamsin Rice": a person, not "Tamsin Park"
            return not in_title_phrase or strong_left or (nxt is not None and nxt.text.lower() in self.surnames)
        if initial:
            # "Summer and I talked", "Faith backed me up": a word-name that starts a sentence and acts
            return (lower in self.first_names or lower in self.word_names) and self._acts_at_start(sdoc, token)
        if in_title_phrase or prev_word in WORD_LEFT:
            return False
        person_context = (
            prev_word in LEFT_CONTEXT - WEAK_LEFT
            or next_word in RIGHT_CONTEXT
            or next_word in ("'s", "’s")
            or self._after_kin(sdoc, token)
        )
        if lower in self.first_names or lower in self.word_names:
            # "told Will", "Hope said"; or capitalised mid-sentence, which common nouns are not ("ask if
            # Summer can") — unless spaCy reads it as a place or it names a month or a day
            return person_context or (
                token.ent_type_ in ("", "PERSON")
                and lower not in CALENDAR_WORDS | self.surname_words
                and prev.text not in ("(", "'", '"')
            )
        if token.tag_ != "NNP" or len(word) < 3:
            return False
        return person_context and _zipf(lower) < RARE_WORD_ZIPF

    def _listed_with_names(self, sdoc: Doc, token: Any) -> bool:
        """ "the quiz team was Bo, Quill, Idris and Tamsin": a capitalised word in a list of two or more
        other names is a name too (a list of places or things rarely holds first names)."""
        if token.is_sent_start or token.ent_type_ in ("GPE", "LOC", "DATE", "TIME") or not token.text.isalpha():
            return False
        if token.lower_ in CALENDAR_WORDS or token.lower_ in self.place_heads:
            return False
        members = _list_members(sdoc, token.i)
        if len(members) < 3:
            return False
        names = sum(1 for m in members if m.i != token.i and self._listed_name(m))
        return names >= 2

    def _listed_name(self, token: Any) -> bool:
        lower = token.lower_
        if token.ent_type_ == "PERSON":
            return True
        return (lower in self.first_names or lower in self.word_names) and (
            _is_capitalised(token.text) or not self.wordlike(lower)
        )

    def _after_kin(self, sdoc: Doc, token: Any) -> bool:
        """ "my boy, River", "her son Will": a relative named right after the kinship word."""
        i = token.i - 1
        if i >= 0 and sdoc[i].text == ",":
            i -= 1
        return i >= 1 and sdoc[i].lower_ in KIN_WORDS and sdoc[i - 1].lower_ in POSSESSIVES

    def _acts_at_start(self, sdoc: Doc, token: Any) -> bool:
        after = sdoc[token.i + 1 : token.i + 6].text
        if not _acts_next(after):
            return False
        if _AGE_NEXT.match(" " + after):
            return True  # "Summer is six."
        nxt = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        return nxt is not None and nxt.lower_ not in ("was", "is", "has", "had")  # "Hope was all we had"

    def _surname_after(self, sdoc: Doc, token: Any) -> str | None:
        """The surname in "with Ines Vuković": a first name, then a capitalised word that is rare in English."""
        if token.text.lower() not in self.first_names or token.i + 2 > len(sdoc):
            return None
        prev = sdoc[token.i - 1] if token.i > 0 else None
        # a capitalised word before: part of a longer phrase, unless it opens the sentence ("Tonight Hope Vantreight")
        after_capital = prev is not None and not token.is_sent_start and _is_capitalised(prev.text)
        if after_capital and not (prev.is_sent_start and self._word_not_name(prev.text)):
            return None
        if prev is not None and prev.text.lower() in ("the", "a", "an"):
            return None  # "the Rob Roy": a venue or a product
        nxt = sdoc[token.i + 1]
        if nxt.i + 1 < len(sdoc) and _is_capitalised(sdoc[nxt.i + 1].text):
            return None  # a longer Title Case phrase: a venue or an organisation more likely
        word = nxt.text
        if not (_is_capitalised(word) and word.isalpha() and len(word) > 2) or word.lower() in self.place_heads:
            return None
        if nxt.ent_type_ in ("GPE", "LOC"):
            return None  # NER's PRODUCT or FAC on an unknown surname is a misreading; a town is not
        if prev is not None and prev.lower_ in LEFT_CONTEXT - WEAK_LEFT and not self.wordlike(token.text):
            # "rang Tamsin Rice": after a verb that takes a person, even an everyday word is a surname
            return word if word.lower() not in CALENDAR_WORDS and word.lower() not in self.titles else None
        return word if _zipf(word.lower()) < SURNAME_ZIPF and not self.wordlike(word) else None

    def _followed_by_place_head(self, sdoc: Doc, i: int) -> bool:
        j = i + 1
        while j < len(sdoc) and _is_capitalised(sdoc[j].text):
            if sdoc[j].text.lower() in self.place_heads:
                return True
            j += 1
        return False

    # ------------------------------------------------------------------ corpus knowledge

    def observe(self, doc_id: str, observation: Any) -> None:
        found, evidence, initials = observation
        self.known_initials.update(initials)
        for word, wordlike in found.items():
            key = word.lower()
            entry = self.known.get(key)
            if entry is None:
                entry = self.known[key] = KnownName(word, wordlike)
            if word in evidence:
                entry.evidence += 1
        self._pattern = None

    def _known_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.known:
            alternatives = "|".join(re.escape(k) for k in sorted(self.known, key=len, reverse=True))
            self._pattern = re.compile(rf"(?<![\w'’-])({alternatives})(s?)(?![\w-]|['’][a-rt-z])", re.IGNORECASE)
        return self._pattern

    # ------------------------------------------------------------------ pass 2

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        text = doc.text
        found = list(candidates)
        pattern = self._known_pattern()
        if pattern is not None:
            for m in pattern.finditer(text):
                if m.group(2) and not _sloppy_possessive(m.group(1), m.group()):
                    continue
                entry = self.known[m.group(1).lower()]
                if self._accept(text, m.start(), m.end(1), entry):
                    found.append(Span(m.start(), m.end(1), PERSON, score=SCORE_KNOWN, detector=DETECTOR))
        found += self._initials_of_known(text)
        people = self._with_titles(text, _join_adjacent(text, found))
        return people + _ages_of_lowercase_names(text, people)

    def _initials_of_known(self, text: str) -> list[Span]:
        out = []
        for m in _CAPITALS.finditer(text):
            token = m.group()
            if token not in self.known_initials or token in self.not_initials or _zipf(token.lower()) >= 4.0:
                continue
            if _last_word(text[max(0, m.start() - 20) : m.start()]) in WORD_LEFT:
                continue  # "the OV"
            out.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        return out

    def _accept(self, text: str, start: int, end: int, entry: KnownName) -> bool:
        surface = text[start:end]
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        prev_word = _last_word(before)
        next_word = _first_word(after)
        sentence_start = bool(_SENTENCE_END.search(before))
        if next_word in self.place_heads and _is_capitalised(_first_token(after)):
            return False
        if surface.islower():
            if _SELF_INTRO.search(before) and _CLAUSE_END.match(after):
                return True  # "hi all its hope,"
            if prev_word in POSSESSIVES or prev_word in ARTICLES:
                return False  # "my kokum", "the will"
            if prev_word in WORD_LEFT and (entry.wordlike or surface.lower() not in self.first_names):
                return False  # "at dawn", "back at clubhouse" (but "worried about tarquin")
            if entry.wordlike and _last_token(before).lower() in SUBJECT_PRONOUNS:
                return False  # "I will"
            lower = surface.lower()
            if not entry.wordlike and (lower in self.first_names or _zipf(lower) < COMMON_WORD_ZIPF):
                return True
            if prev_word in STRONG_LEFT or next_word in STRONG_RIGHT or (_acts_next(after) and next_word != "and"):
                return True
            return self._person_slot(before, after, prev_word, next_word)
        if not entry.wordlike:
            return True
        if _BRACKETED.search(before) or self._before_surname(after):
            return True
        if sentence_start:
            return _acts_next(after)
        if prev_word in WORD_LEFT:
            return False
        prev_token = _last_token(before)
        if not _is_capitalised(prev_token) or self._known_name(prev_token):
            return True
        return bool(_SENTENCE_END.search(before.rstrip()[: -len(prev_token)]))  # "Asking Summer what ..."

    def _person_slot(self, before: str, after: str, prev_word: str, next_word: str) -> bool:
        """Frames that only a person fills, for a known name written in lower case: "thanks sandy!",
        "oh will thats brilliant", "hi all its hope.", "pat here,", "let len get his bag",
        "passed it to faith", "wants sky to come home", "sky is scared"."""
        ends = bool(_CLAUSE_END.match(after))
        if next_word == "here" and _SENTENCE_END.search(before) and _CLAUSE_END.match(after[5:]):
            return True
        if _TO_YOU.search(before) and ends:
            return True  # "thank you sandy", "proud of you marc x"
        if prev_word in VOCATIVE_LEFT:
            return ends or (next_word not in WORD_FOLLOWERS and next_word not in self._dictionary)
        if prev_word == "let":
            return next_word not in WORD_FOLLOWERS and next_word not in LET_IDIOMS
        if _CONTROL_VERB.search(before) and _TO_VERB.match(after):
            return True  # "she wants sky to come home"
        if _MESSAGE_FROM.search(before) and (ends or _WHEN_NEXT.match(after)):
            return True
        if self._in_name_list(before, after):
            return True
        return bool(_TRANSFER_TO.search(before) or _PERSON_STATE.match(after))

    def _in_name_list(self, before: str, after: str) -> bool:
        """ "the quiz team was Idris, Tamsin, bo and Kit": between list separators, next to a known name."""
        left = re.search(r"([A-Za-z'’-]+)[ \t]*(?:,|[ \t]and|[ \t]&)[ \t]*$", before)
        right = re.match(r"[ \t]*(?:,|and\b|&)[ \t]*([A-Za-z'’-]+)", after)
        left_known = left is not None and self._known_name(left.group(1))
        right_known = right is not None and self._known_name(right.group(1))
        return (left_known and (right_known or bool(_CLAUSE_END.match(after)))) or (right_known and left is not None)

    def _before_surname(self, after: str) -> bool:
        """ "Amber Tolliver": a word-name right before a known name that is not a word is a first name."""
        m = re.match(r"[ \t]([A-Z][\w'’-]+)", after)
        if m is None:
            return False
        entry = self.known.get(m.group(1).lower())
        return entry is not None and not entry.wordlike

    def _known_name(self, word: str) -> bool:
        return word.lower() in self.known or word.lower() in self.titles

    def _with_titles(self, text: str, spans: list[Span]) -> list[Span]:
        out = []
        for s in spans:
            m = self._title_before.search(text, max(0, s.start - 16), s.start)
            out.append(replace(s, start=m.start()) if m else s)
        return out


_AGE_AFTER = re.compile(
    r"[ \t]+(?:is|was|turned|turns|just[ \t]+turned)[ \t]+(\d{1,2}|(?:"
    + "|".join(sorted(AGE_WORDS, key=len, reverse=True))
    + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)(?=[ \t]*(?:[.!?,;:)\n]|$|and\b|now\b))",
    re.IGNORECASE,
)


def _ages_of_lowercase_names(text: str, people: list[Span]) -> list[Span]:
    """ "grace is 38,": the age recognizers read capitalised names only; a lower-case one is known here."""
    ages = []
    for p in people:
        if text[p.start : p.end].islower():
            m = _AGE_AFTER.match(text, p.end)
            if m:
                ages.append(Span(m.start(1), m.end(1), AGE, score=SCORE_LOCAL, detector=DETECTOR))
    return ages


def _sloppy_possessive(name: str, with_s: str) -> bool:
    """ "gareths place": a possessive written without its apostrophe (not "Ross" for a known "Ros")."""
    return len(name) >= 4 and not name.lower().endswith("s") and _zipf(with_s.lower()) < 2.5


def _acts_next(after: str) -> bool:
    """The words after a word-name make it a person: it does something ("Dawn ate", "Will signed",
    "Hope really wants", "Summer and I")."""
    words = re.findall(r"[A-Za-z'’]+|\d+", after[:30].split("\n", 1)[0])
    if not words:
        return False
    first = words[0].lower().replace("’", "'")
    if first in STRONG_RIGHT or first in PAST_VERBS or first in ("was", "has", "had", "'s", "s"):
        return True
    if first in NEGATED_AUXILIARIES and len(words) > 1 and words[1].isalpha():
        return True  # "Joy doesn't eat fish", "Will didn't ring"
    if first in ("is", "was", "turned", "turns") and _AGE_NEXT.match(" " + after.lstrip(" \t")):
        return True  # "Joy is six", "Will turned 18 in May" — not "Summer is two weeks away"
    if first == "from" and len(words) > 2 and _is_capitalised(words[1]):
        # "Joy from Thurles has offered": where someone is from, then what they do
        rest = after[after.index(words[1]) :]
        return _acts_next(re.sub(r"^(?:[A-Z][\w'’-]*[ \t]*)+", " ", rest))
    m = _FROM_GROUP.match(after)
    if m:  # "Heather from the team was there", not "Hope from the start was what kept me going"
        rest = after[m.end() :]
        return _acts_next(rest) and not _PREDICATE.match(rest)
    if first.endswith("ed") and not first.endswith("eed") and len(first) > 3:
        return True
    if first.endswith("s") and len(words) > 1 and words[1].lower() in OBJECT_PRONOUNS:
        return True  # "Faith calls him Frankie"
    if first == "and" and len(words) > 1:
        return words[1] == "I" or _is_capitalised(words[1]) or words[1].lower() in ("me", "him", "her", "them")
    if (first.endswith("ly") or first in ADVERBS) and len(words) > 1:  # "amber just went quiet"
        second = words[1].lower()
        return second in PAST_VERBS or second.endswith(("ed", "s"))
    return False


#: the words right before a name that "name is", "named", "goes by" introduce
_NAMED_BEFORE = frozenset({"named", "nicknamed", "is", "was", "'s", "’s", "s", "by"})


def _named_at(sdoc: Doc, i: int) -> bool:
    """Token ``i`` follows "name is", "name's", "named", "goes by": a name whatever its case."""
    if i < 1 or i >= len(sdoc) or not sdoc[i].text.isalpha():
        return False
    prev = sdoc[i - 1].lower_
    if prev in ("named", "nicknamed"):
        return True
    if prev in ("is", "was", "'s", "’s", "s") and i >= 2:
        return sdoc[i - 2].lower_ in ("name", "names", "nickname")
    return prev == "by" and i >= 2 and sdoc[i - 2].lower_ in ("goes", "went")


_LIST_SEPARATORS = frozenset({",", "and", "&"})


def _list_members(sdoc: Doc, i: int) -> list[Any]:
    """The one-word members of the list around token ``i`` ("Bo, Quill, Idris and tamsin"): each
    member a single word, separated by a comma, "and" or "&"; a member followed by another capitalised
    word ("Pizza Hut") ends the list."""

    def single(j: int) -> bool:
        if not (0 <= j < len(sdoc)) or not sdoc[j].text.isalpha() or sdoc[j].lower_ in _LIST_SEPARATORS:
            return False
        return j + 1 >= len(sdoc) or not (_is_capitalised(sdoc[j + 1].text) and sdoc[j + 1].text.isalpha())

    if not single(i):
        return []
    members = [sdoc[i]]
    j = i
    while j - 2 >= 0 and sdoc[j - 1].lower_ in _LIST_SEPARATORS and single(j - 2):
        j -= 2
        members.insert(0, sdoc[j])
    j = i
    while j + 2 < len(sdoc) and sdoc[j + 1].lower_ in _LIST_SEPARATORS and single(j + 2):
        j += 2
        members.append(sdoc[j])
        if sdoc[j - 1].lower_ in ("and", "&"):
            break
    return members


def _join_adjacent(text: str, spans: list[Span]) -> list[Span]:
    """Join name parts separated by one space ("Ines" + "Vuković"); drop duplicates."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        last = out[-1] if out else None
        if last and (s.start < last.end or (s.start - last.end == 1 and text[last.end] == " ")):
            out[-1] = replace(last, end=max(last.end, s.end), score=max(last.score, s.score))
        else:
            out.append(Span(s.start, s.end, PERSON, score=s.score, detector=s.detector))
    return out


#: Recognizers whose PERSON spans are names by document structure (speaker turns, address blocks).
STRUCTURAL_DETECTORS = frozenset({"SpeakerRecognizer", "AddressBlockRecognizer"})


def name_shaped(word: str) -> bool:
    """ "Sam", "Zoë", "O'Brien", "McBride", "DeShawn", "Anne-Marie" — not "RARE_DETAIL", "AgeRecognizer"."""
    if len(word) < 2 or not word[0].isupper() or not all(c.isalpha() or c in "'’-" for c in word):
        return False
    for i in range(1, len(word)):
        if word[i].isupper() and word[i - 1] not in "'’-" and word[:i] not in _NAME_PREFIXES:
            return False
    return True


#: Name prefixes followed by a capital: McBride, MacKenzie, DeShawn, LaToya, VanDyke.
_NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St", "Fitz"})


def _is_capitalised(word: str) -> bool:
    return len(word) > 0 and word[0].isupper() and any(c.isalpha() for c in word)


def _last_word(before: str) -> str:
    m = re.search(r"([A-Za-z'’]+)[^A-Za-z\n]*$", before)
    return m.group(1).lower() if m else ""


def _last_token(before: str) -> str:
    m = re.search(r"([A-Za-z'’]+)[ \t]*$", before)
    return m.group(1) if m else ""


def _first_token(after: str) -> str:
    m = re.match(r"[ \t]*([A-Za-z'’]+)", after)
    return m.group(1) if m else ""


def _first_word(after: str) -> str:
    m = re.match(r"(['’]s\b|[^A-Za-z\n]*([A-Za-z'’]+))", after)
    if not m:
        return ""
    return (m.group(2) or m.group(1)).lower().replace("’", "'")


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")
