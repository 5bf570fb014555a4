"""What makes a word a person's name where it stands: the words around it, as ``rules/names/context.yaml``
lists them, tested on the spaCy parse (pass 1) or on the raw text around a known name (pass 2).

"told Will", "Hope said", "my boy, River", "her name is maxine", "Bo, Quill, Idris and tamsin",
"Summer is six" are evidence; "I hope", "at dawn", "the summer" are not.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from qualdeid.detect.allow_deny import normalise
from qualdeid.detect.names.introductions import SelfIntroductions
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.loading import dictionary_words
from qualdeid.detect.nlp.numbers import TENS, UNITS
from qualdeid.detect.nlp.tokens import doc_text
from qualdeid.rules import Rules, alternation

#: The ʻokina, a letter of Polynesian languages: a name may open with it ("ʻAna", "ʻOfa").
OKINA = "\u02bb"
#: Zipf frequency above which a lowercase word counts as common English (wordfreq scale, 0-8).
COMMON_WORD_ZIPF = 4.0
#: An unknown capitalised word in a name context must be rarer than this to be taken as a name.
RARE_WORD_ZIPF = 3.5
#: A first name that the lemmatizer knows as a word is treated as the word from this frequency on.
DICTIONARY_NAME_ZIPF = 3.8
#: A capitalised word after a first name must be rarer than this to be taken as a surname.
SURNAME_ZIPF = 3.0
#: A word in -s not in the name lists is a plural noun ("Carers") when it and its stem are this common.
PLURAL_STEM_ZIPF = 2.8
#: spaCy entity types that are not people: such words need the first-name list to count as names.
NOT_PERSON_ENTS = frozenset({"NORP", "LANGUAGE", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})

# Grammar words (closed classes) stay here; the content words are in rules/names/context.yaml.
POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your"})
ARTICLES = frozenset({"the", "a", "an"})
OBJECT_PRONOUNS = frozenset({"him", "her", "me", "us", "them", "you"})
SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she", "it", "who"})
NEGATED_AUXILIARIES = frozenset(
    {"doesn't", "didn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't", "hasn't", "hadn't"}
    | {"doesnt", "didnt", "wont", "cant", "couldnt", "wouldnt", "wasnt", "isnt", "hasnt", "hadnt", "werent"}
)
CLAUSE_OPENERS = frozenset(
    {"and", "but", "so", "then", "when", "because", "cos", "coz", "while", "until", "after", "before", "if", "that"}
)
_LIST_SEPARATORS = frozenset({",", "and", "&"})
#: verbs after two people joined by "and": "Harriet and Tadhgwyn were", "… have left"
PLURAL_VERBS = frozenset({"were", "are", "have", "had", "both", "came", "went", "sat", "said", "got", "left"})
#: what a name may follow in "name is ...", "name's ...", "goes by ..."
_NAMING_LINKS = frozenset({"is", "was", "'s", "’s", "s", "by"})

#: Where a message or a clause opens: the line's start, after a sentence's end, a greeting's comma or a chat's
#: "name:" ("hi all, its ...", "+44 7700 900123: its ...")
SENTENCE_OR_LINE_START = re.compile(
    r"(?:^|[.!?:,;\n]|\b(?:hi|hey|hello|yo|hiya|and|but|sorry|ok|oh)\b)[ \t]*$", re.IGNORECASE
)
#: the end of a quoted clause right after a word: '," she said', '!"', '”'
QUOTE_CLOSES = re.compile(r"[ \t]*[,.!?]?[ \t]*[\"”]")
#: a quotation still open at the end of the text: '"' with no other straight quote after it, or '“' without '”'
OPEN_QUOTE = re.compile(r"(?:^|(?<=[\s(]))[\"“](?=[^\"“”]*$)")
#: What may follow a name at the end of a clause: punctuation, a line end, an emoji, a kiss.
CLAUSE_END = re.compile(r"[ \t]*(?:[.!?,;:)\n]|x+\b|$|[^\w\s'’\"“(-])")
TO_VERB = re.compile(r"[ \t]+to[ \t]+[a-z]{2,}")
SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”]|\u2026)\s*$")
#: Capitalised words after a name, its possessive first: "'s Day", " Memorial Hall".
_CAPITALISED_RUN = re.compile(r"(?:['’]s)?((?:[ \t]+[A-Z][\w'’-]*)+)")
#: a number right before a calendar word: "4 May", "the 3rd of June"
_NUMBER_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[ \t]*(?:of[ \t]+)?$", re.IGNORECASE)
#: a number or a year right after one, or the other end of a range: "May 4", "June 2019", "May-June"
_NUMBER_AFTER = re.compile(r"[ \t]*(?:,[ \t]*)?(?:\d|[-–/][ \t]*[A-Za-z])")
#: Right after a name and an opening bracket: 'Alexandra ("Sandy", ...)'.
BRACKETED = re.compile(r"[A-Z][\w'’-]+[ \t]*\([ \t]*[\"“']?$")


class NameEvidence:
    """The name lists and the context frames of ``rules/names/``, and the tests that use them."""

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        self.lex = NameLexicon.read(rules)
        frames = rules.lists("names/context.yaml")
        calendar = rules.lists("lexicons/calendar.yaml")
        self.left_context = frames["left_context"]
        self.weak_left = frames["weak_left"]
        self.strong_left = frames["strong_left"]
        self.person_left = self.left_context - self.weak_left
        self.right_context = frames["right_context"]
        self.strong_right = frames["strong_right"]
        self.past_verbs = frames["past_verbs"]
        self.adverbs = frames["adverbs"]
        self.word_left = frames["word_left"]
        self.word_followers = frames["word_followers"]
        self.vocative_left = frames["vocative_left"]
        self.let_idioms = frames["let_idioms"]
        self.naming_verbs = frames["naming_verbs"]
        #: the writer saying who they are ("its chinonso lol"): one vocabulary with the chat senders'
        self.intro = SelfIntroductions.read(rules)
        self.intro_followers = self.intro.followers
        self.text_speak = rules.words("lexicons/text_speak.txt", lower=True)
        self.age_verbs = frames["age_verbs"]
        self.name_nouns = frames["name_nouns"]
        self.going_by = frames["going_by"]
        self.particles = frames["particles"]
        self.hyphen_endings = frames["hyphen_endings"]
        self.surname_titles = frames["surname_titles"]
        self.naming_links = self.naming_verbs | _NAMING_LINKS
        #: capitalised wherever they stand, so capitals do not make them names: "in May", "on Sunday"
        self.calendar = frozenset().union(
            # format: keys of lexicons/calendar.yaml
            *(calendar[k] for k in ("weekdays", "weekdays_short", "months", "months_short", "feasts", "feasts_short"))
        )
        #: before a month that is also a first name, the date: "until May", "mid June"
        self.date_left = calendar["date_left"]
        self.relatives = rules.words("lexicons/relatives.txt", lower=True)
        #: "mon mari", "mio marito": a relative in another language after a possessive of it
        self.relatives_other_languages = frames["relatives_other_languages"]
        self.kin_owners = frames["kin_owners"]
        #: peoples, nationalities and languages: what NER's "NORP" may rightly call a word ("Eritrean")
        self.peoples = rules.words("lexicons/peoples.txt", lower=True) | rules.words("rare/language.txt", lower=True)
        self.towns = rules.words("lexicons/towns.txt", lower=True)
        self.allow = frozenset(normalise(w) for w in rules.words("allow.txt"))
        self.dictionary = dictionary_words(nlp, nouns=False)
        self.age_words = frozenset(w for w, value in UNITS.items() if value) | frozenset(TENS)
        ages = "|".join(sorted(self.age_words))
        after_age = frames.pattern("after_age")
        #: "is six", "turned 18 in May" — not "is two weeks away"
        self.age_next = re.compile(
            rf"[ \t]+(?:is|was|{frames.pattern('age_verbs')})[ \t]+(?:\d{{1,3}}|{ages})(?:[ \t-]+\w+)?"
            rf"(?=[ \t]*(?:[.!?,;:)\n]|$|(?:{after_age})\b))",
            re.IGNORECASE,
        )
        #: "A text from hope", "missed call from will"
        self.message_from = re.compile(rf"(?i:\b(?:{frames.pattern('message_nouns')})[ \t]+from[ \t]+)$")
        #: "passed it to faith", "handed the form over to hope"
        self.transfer_to = re.compile(
            rf"(?i:\b(?:{frames.pattern('transfer_verbs')})(?:[ \t]+[\w'’]+){{1,3}}[ \t]+to[ \t]+)$"
        )
        #: "wants sky to come", "told hope to ring": a verb whose object then does something
        self.control_verb = re.compile(rf"(?i:\b(?:{frames.pattern('control_verbs')})[ \t]+)$")
        #: "from the team", "from our group", "from next door": where a person belongs
        self.from_group = re.compile(
            r"[ \t]*from[ \t]+(?:the|our|my|your|his|her|their)[ \t]+(?:[a-z]+[ \t]+)?"
            rf"(?:{frames.pattern('group_nouns')})\b"
        )
        #: "... was what kept me going", "... is the thing": a noun's predicate, not a person's doing
        self.predicate = re.compile(rf"[ \t]+(?:is|was)[ \t]+(?:{frames.pattern('predicate_words')})\b")
        #: "is an old man", "was a quiet girl": a predicate only a person takes
        self.person_predicate = re.compile(
            rf"[ \t]+(?:is|was)[ \t]+(?:a|an)[ \t]+(?:[a-z'’-]+[ \t]+){{0,2}}(?:{frames.pattern('person_nouns')})\b",
            re.IGNORECASE,
        )
        #: "Sam the cook", "Will the porter": a role after a name, set off by "the"
        self.apposed_role = re.compile(
            rf"[ \t]+the[ \t]+(?:{alternation(self.lex.roles | frames['apposed_roles'])})\b", re.IGNORECASE
        )
        self.clause_verbs = frames["clause_verbs"]
        self.not_addressed = frames["not_addressed"] | self.clause_verbs
        #: the words after a name that opens a chat message and addresses someone: "grace can u", "Joy I can"
        self.address_next = re.compile(rf"[ \t]+(?i:{frames.pattern('address_followers')})\b(?![’'-])")
        self.person_objects = OBJECT_PRONOUNS | frames["person_pronouns"]
        self.person_nouns = frames["person_nouns"]
        self.when_next = re.compile(rf"[ \t]+(?:{frames.pattern('time_after_name')})\b")
        self.to_you = re.compile(rf"(?i:\b(?:{frames.pattern('to_you_verbs')})[ \t]+(?:you|u|ya|yous)[ \t,]*)$")
        #: "sky is scared", "will's back": a state only a person is in
        self.person_state = re.compile(
            rf"(?:[ \t]+(?:is|was)|['’]?s)[ \t]+(?:(?:{frames.pattern('state_intensifiers')})[ \t]+)?"
            rf"(?:{frames.pattern('person_states')})\b"
        )
        #: "everyone calls her joy", "goes by pat": a name introduced, whatever its case
        self.alias_before = re.compile(rf"(?i:\b(?:{frames.pattern('alias_phrases')})[ \t]+[\"“']?)$")
        #: 'called him "Bear"', 'calls her "Dot"': a name given in quotes, whatever word it is
        self.quoted_alias = re.compile(
            rf"(?i:\b(?:{frames.pattern('quoted_alias_verbs')})[ \t]+(?:him|her|them|me|us)[ \t]+)"
            r"[\"“‘']([A-Z][a-z'’-]+)[\"”’']"
        )
        #: a nickname in quotes inside a full name: 'Tomasz "Tommo" Wiśniewski'
        self.nickname_inside = re.compile(
            r"(?<![\w'’-])([A-Z][\w'’-]+)[ \t]+[\"“‘]([A-Z][\w'’-]+)[\"”’][ \t]+([A-Z][\w'’-]+)(?![\w'’-])"
        )
        #: nicknames in quotes after "known to her friends as" or "called her": '"Sunny" or "MaSunny"'; the
        #: second and later ones are read by ``nickname_next``
        self.quoted_nicknames = re.compile(
            rf"(?i:\b(?:known[ \t]+to[ \t]+(?:[a-z'’]+[ \t]+){{0,2}}[a-z]+[ \t]+as"
            r"|introduced[ \t]+(?:(?:himself|herself|themselves|themself)[ \t]+)?as"
            rf"|(?:{frames.pattern('quoted_alias_verbs')})[ \t]+(?:him|her|them|me|us))[ \t]+)"
            r"[\"“‘]([A-Z][\w'’-]+)[\"”’]"
        )
        #: the same without quotes, where the words between name the people who use it: "known to everyone as
        #: Sprocket", "known to his crew as Ladle" (not "known as", which things are too: "known as Cobble Lane")
        self.unquoted_nickname = re.compile(
            r"(?i:\bknown[ \t]+to[ \t]+(?:everyone|everybody|all|(?:his|her|their|the)(?:[ \t]+[a-z'’]+){1,2})"
            r"[ \t]+as[ \t]+)([A-Z][a-z'’-]+)(?![\w'’-])(?![ \t]+[A-Z])"
        )
        #: "Ottokar, Badger to his mates, ...": a capitalised word after a comma or a bracket, given to some
        #: people and closed by a comma or a bracket
        self.unquoted_nickname_to_people = re.compile(
            r"(?:(?<=,)|(?<=\())[ \t]*([A-Z][a-z'’-]+)[ \t]+to[ \t]+(?:his|her|their|everyone|everybody|all)"
            r"(?:[ \t]+[a-z'’]+){0,2}[ \t]*(?=[,)])"
        )
        self.nickname_next = re.compile(r"[ \t]*(?:,|/|\bor\b|\band\b)[ \t]*[\"“‘]([A-Z][\w'’-]+)[\"”’]")
        #: 'Anna Kovač, "Nan" to her friends': a quoted name given to some people
        self.nickname_to_people = re.compile(
            r"(?<![\w'’-])[\"“‘]([A-Z][\w'’-]+)[\"”’][ \t]+to[ \t]+(?:his|her|their|the|everyone|all)\b"
        )
        #: a word opening a sentence, then "is" and a full name: "Sparky is Gunnhild Quillan on the chart", "Sparky is
        #: Gunnhild Quillan, 40,": the word is what the person is called (read with the full name's evidence)
        self.called_is_full_name = re.compile(
            r"(?:^|(?<=[.!?][ \t])|(?<=\n))([A-Z][a-z'’-]+)[ \t]+is[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})"
            r"(?=[ \t]*(?:[,;.(]|$)|[ \t]+(?:on|in|to)[ \t]+(?:the|paper|her|his|their|everyone|everybody)\b)",
            re.MULTILINE,
        )
        #: a name explained after it as what people call someone: "Bluey, as the lads call him", "Pip (that's
        #: what Petronella calls her)", "Moose (that's what the crew call Ivan)", or as the name the person prefers:
        #: "Pebble (she prefers it)", "Pebble (her preferred name)"
        self.alias_after = re.compile(
            r"(?<![\w'’-])([A-Z][a-z'’-]+)"
            r"(?:(?:,?[ \t]+as|[ \t]*\([ \t]*(?:that['’]?s|which[ \t]+is|it['’]?s)[ \t]+what)"
            r"[ \t]+(?:[\w'’]+[ \t]+){1,3}?call(?:s|ed)?[ \t]+(?:him|her|them|me|us|[A-Z][a-z'’-]+)\b"
            rf"|[ \t]*\([ \t]*(?i:{frames.pattern('preferred_name_notes')})[ \t]*[,;)])"
        )
        #: a second name introduced in brackets or as a nickname: "Kieran (Kez)", 'Alexandra ("Sandy")'
        self.alias = re.compile(
            r"(?:([A-Z][a-z'’-]+)[ \t]*\([ \t]*[\"“']?"
            rf"|\b(?:{frames.pattern('alias_phrases')})[ \t]+[\"“']?)"
            r"([A-Z][a-z'’-]+)\b"
        )

    # ------------------------------------------------------------------ words

    def wordlike(self, word: str) -> bool:
        """True when the name is also an ordinary word (or a place): it needs evidence to be a name."""
        w = word.lower()
        if w in self.lex.word_names or self.lex.is_term(w):
            return True
        if w in self.dictionary:
            # a first name that is also a rare verb or adjective ("to marcel" hair) is used as the name
            return w not in self.lex.first_names or zipf(w) >= DICTIONARY_NAME_ZIPF
        if w in self.lex.first_names:
            return False
        if zipf(w) >= COMMON_WORD_ZIPF:
            return True  # a surname like Park or Ward
        # the plural of an English noun that no name list holds ("Carers Week")
        return (
            w.endswith("s")
            and w not in self.lex.surnames
            and zipf(w) >= SURNAME_ZIPF
            and zipf(w[:-1]) >= PLURAL_STEM_ZIPF
            and not self.lex.is_name(w[:-1])
        )

    def common_word(self, word: str) -> bool:
        w = word.lower()
        return self.wordlike(w) or (w not in self.lex.first_names and zipf(w) >= COMMON_WORD_ZIPF)

    def calendar_only(self, word: str) -> bool:
        """ "Weds", "Xmas" — but "June" and "May" are names too."""
        return word.lower() in self.calendar and word.lower() not in self.lex.first_names

    def dated(self, text: str, start: int, end: int) -> bool:
        """A calendar word that is also a first name ("May", "June") where a date reading fits: after a
        preposition or a determiner ("in May", "mid June", "until April"), next to a number ("4 May", "the
        3rd of June", "May 2019") or in a range ("May-June")."""
        if text[start:end].lower() not in self.calendar:
            return False
        before = text[max(0, start - 30) : start]
        prev = last_token(before).lower()
        if prev in self.date_left:
            return True
        return bool(_NUMBER_BEFORE.search(before) or _NUMBER_AFTER.match(text, end))

    def word_not_name(self, word: str) -> bool:
        """An English word ("Rang", "Took") that is not in the name lists."""
        return not self.lex.is_name(word) and (self.common_word(word) or zipf(word.lower()) >= SURNAME_ZIPF)

    def confident(self, word: str) -> bool:
        """A word that may stand as a name found with evidence: name-shaped, not allowed, not a weekday,
        not a function word."""
        return (
            self.lex.name_shaped(word)
            and normalise(word) not in self.allow
            and not self.calendar_only(word)
            and not self.function_word(word)
        )

    def function_word(self, word: str) -> bool:
        """ "the", "his", "which": a closed-class word of English (spaCy's stop words) is never a name
        learned from evidence, since one false reading would spread it over the whole corpus; a listed
        name ("Will", "May") is exempt."""
        low = word.lower()
        return low in STOP_WORDS and low not in self.lex.first_names and low not in self.lex.word_names

    def allowed_name_acting(self, sdoc: Doc, token: Any) -> bool:
        """A listed first name that the allow list holds as a word ("Ed"; "ed", the emergency department),
        written as a name and acting as a person where it stands: "told Ed", "Ed said", "Ed's boil-up"."""
        word = token.text
        if not (is_capitalised(word) and word[1:].islower()) or normalise(word) not in self.allow:
            return False
        low = word.lower()
        if low not in self.lex.first_names or low in self.relatives or low in self.calendar:
            return False  # "Nan said" is a grandmother; "Monday" a day
        if low in self.lex.surname_words:
            return False  # "rang Ward": the ward
        prev = sdoc[token.i - 1].lower_ if token.i > 0 else ""
        nxt = sdoc[token.i + 1].lower_ if token.i + 1 < len(sdoc) else ""
        return (
            prev in self.strong_left
            or nxt in self.strong_right
            or nxt in self.past_verbs
            or nxt in ("'s", "’s")
            or self.named_at(sdoc, token.i)
            or self.after_kin(sdoc, token)
        )

    # ------------------------------------------------------------------ the words after a name

    def acts_next(self, after: str) -> bool:
        """The words after a word-name make it a person: it does something ("Dawn ate", "Will signed",
        "Hope really wants", "Summer and I")."""
        words = re.findall(r"[A-Za-z'’]+|\d+", after[:30].split("\n", 1)[0])
        if not words:
            return False
        first = words[0].lower().replace("’", "'")
        if first in self.strong_right or first in self.past_verbs or first in ("was", "has", "had", "'s", "s"):
            return True
        if first in NEGATED_AUXILIARIES and len(words) > 1 and words[1].isalpha():
            return True  # "Joy doesn't eat fish", "Will didn't ring"
        if first in ("is", "was") and self.person_predicate.match(" " + after.lstrip(" \t")):
            return True  # "Art is a gentle old fella", "Hope was a quiet girl" — not "Hope is a good thing"
        if (first in ("is", "was") or first in self.age_verbs) and self.age_next.match(" " + after.lstrip(" \t")):
            return True  # "Joy is six", "Will turned 18 in May" — not "Summer is two weeks away"
        if first == "from" and len(words) > 2 and is_capitalised(words[1]):
            # "Joy from Thurles has offered": where someone is from, then what they do
            rest = after[after.index(words[1]) :]
            return self.acts_next(re.sub(r"^(?:[A-Z][\w'’-]*[ \t]*)+", " ", rest))
        m = self.from_group.match(after)
        if m:  # "Heather from the team was there", not "Hope from the start was what kept me going"
            rest = after[m.end() :]
            return self.acts_next(rest) and not self.predicate.match(rest)
        if first.endswith("ed") and not first.endswith("eed") and len(first) > 3:
            return True
        if first.endswith("s") and len(words) > 1 and words[1].lower() in self.person_objects:
            return True  # "Faith calls him Frankie", "Sandy thanks everyone"
        if first == "and" and len(words) > 1:
            return words[1] == "I" or is_capitalised(words[1]) or words[1].lower() in ("me", "him", "her", "them")
        if (first.endswith("ly") or first in self.adverbs) and len(words) > 1:  # "amber just went quiet"
            second = words[1].lower()
            return second in self.past_verbs or second.endswith(("ed", "s"))
        return False

    def acts_after_role(self, word: str, after: str) -> bool:
        """ "Will the porter waved", "Sam the cook said": a name, its role set off by "the", then what they
        did (not "Hope the nurse helped": a verb that takes a clause reads as the wish)."""
        m = self.apposed_role.match(after)
        return m is not None and word.lower() not in self.clause_verbs and self.acts_next(after[m.end() :])

    # ------------------------------------------------------------------ the parse around a token (pass 1)

    def named_at(self, sdoc: Doc, i: int) -> bool:
        """Token ``i`` follows "name is", "name's", "named", "goes by": a name whatever its case."""
        if i < 1 or i >= len(sdoc) or not sdoc[i].text.isalpha():
            return False
        prev = sdoc[i - 1].lower_
        if prev in self.naming_verbs:
            return True
        if prev in ("is", "was", "'s", "’s", "s") and i >= 2:
            return sdoc[i - 2].lower_ in self.name_nouns
        return prev == "by" and i >= 2 and sdoc[i - 2].lower_ in self.going_by

    def after_kin(self, sdoc: Doc, token: Any) -> bool:
        """ "my boy, River", "her son Will", "mon mari karim": a relative named right after the kinship word."""
        i = token.i - 1
        if i >= 0 and sdoc[i].text == ",":
            i -= 1
        if i < 1:
            return False
        relative, owner = sdoc[i].lower_, sdoc[i - 1].lower_
        return (relative in self.relatives and owner in POSSESSIVES) or (
            relative in self.relatives_other_languages and owner in self.kin_owners
        )

    def kin_in_brackets(self, sdoc: Doc, token: Any) -> bool:
        """ "since April (his wife) moved", "Tama (her son)": a relative named right before the kinship
        word in brackets, whatever else the word could be (a month, a word-name)."""
        i = token.i
        return (
            i + 4 < len(sdoc)
            and sdoc[i + 1].text == "("
            and sdoc[i + 2].lower_ in POSSESSIVES
            and sdoc[i + 3].lower_ in self.relatives
            and sdoc[i + 4].text == ")"
        )

    def kin_apposed(self, sdoc: Doc, token: Any) -> bool:
        """ "Malvina, my daughter, helps", "Teodor, her son." : a name set off by commas before "my/her
        <relative>"; only for a word that is no common English word ("Anyway, my son, ..." stays a word)."""
        i = token.i
        return (
            i + 4 <= len(sdoc)
            and sdoc[i + 1].text == ","
            and sdoc[i + 2].lower_ in POSSESSIVES
            and sdoc[i + 3].lower_ in self.relatives
            and (i + 4 == len(sdoc) or sdoc[i + 4].text in (",", ".", ";", ")", "-", "–", "—"))
            and not self.common_word(token.text)
        )

    def not_part_of_name(self, token: Any) -> bool:
        """An NER PERSON entity's leading token that is not a name: a verb, a word opening the sentence."""
        if not is_capitalised(token.text):
            return True
        if self.word_name_before_surname(token):
            return False  # "Sky Varnum waved": a word-name opening the sentence with a surname after it
        return token.tag_.startswith("VB") or ((token.is_sent_start or token.i == 0) and self.word_not_name(token.text))

    def word_name_before_surname(self, token: Any) -> bool:
        """ "Sky Varnum", "Will Okoro": a listed word-name right before a capitalised word that is rare in
        English or a listed surname."""
        doc = token.doc
        if token.lower_ not in self.lex.word_names or token.i + 1 >= len(doc):
            return False
        nxt = doc[token.i + 1].text
        return (
            self.lex.name_shaped(nxt)
            and nxt.lower() not in self.lex.place_heads
            and (nxt.lower() in self.lex.surnames or zipf(nxt.lower()) < SURNAME_ZIPF)
        )

    def lowercase_full_name(self, sdoc: Doc, token: Any) -> str | None:
        """The surname of a full name typed in lower case ("mia okafor rang", "sat with lucinda baker for"): a
        listed first name that is no English word and a listed surname, after a word that takes a person or
        before the end of the clause or what a person does. Returns the surname as written."""
        lex, i = self.lex, token.i
        first = token.text
        if i + 2 > len(sdoc) or len(first) < 3 or not first.isalpha() or first not in lex.first_names:
            return None
        if self.wordlike(first) or first in self.dictionary or first in self.relatives or first in self.calendar:
            return None
        if i > 0 and (sdoc[i - 1].lower_ in ARTICLES or sdoc[i - 1].lower_ in POSSESSIVES):
            return None
        nxt = sdoc[i + 1]
        surname = nxt.text
        if not (surname.islower() and surname.isalpha() and len(surname) >= 3 and surname in lex.surnames):
            return None
        if surname in self.calendar or surname in lex.place_heads or surname in lex.titles:
            return None
        after = sdoc[i + 2].lower_ if i + 2 < len(sdoc) else ""
        if after and not (
            (i > 0 and sdoc[i - 1].lower_ in self.left_context)
            or sdoc[i + 2].is_punct
            or after in self.right_context
            or after in self.strong_right
            or after in self.past_verbs
        ):
            return None
        return surname

    def lowercase_name(self, sdoc: Doc, token: Any) -> bool:
        """A name written in lower case wherever it occurs ("went for a walk with tarquin", "joy is 41"): a first
        name that is no word, in a person's place; a word-name or a rare word only where it speaks or
        has an age."""
        lower = token.text
        lex = self.lex
        if len(lower) < 3 or not lower.isalpha() or lower in self.calendar or lower in self.relatives:
            return False
        known = lower in lex.first_names or lower in lex.word_names
        rare = not known and zipf(lower) < RARE_WORD_ZIPF
        prev = sdoc[token.i - 1].lower_ if token.i > 0 else ""
        # most lower-case words are none of these: leave before looking further around them
        if not (known or rare or prev in self.naming_links):
            return False
        if self.named_at(sdoc, token.i) or (rare and self.named_at(sdoc, token.i - 1)):
            # "her name is maxine x"; never "has named the court case"
            return (lower not in self.dictionary and not self.function_word(lower)) or lower in lex.first_names
        if not (known or rare):
            return False
        nxt = sdoc[token.i + 1].lower_ if token.i + 1 < len(sdoc) else ""
        after = sdoc[token.i + 1 : token.i + 5].text
        speaks = nxt in self.strong_right or bool(self.age_next.match(" " + after))
        listed = lower in lex.first_names and not self.wordlike(lower)
        if self.introduced(sdoc, token, nxt) and (
            listed or (rare and zipf(lower) < RARE_WORD_ZIPF - 1 and lower not in self.dictionary | self.text_speak)
        ):
            return True  # "its chinonso lol i changed phone", "hi all this is osian."
        if (
            lower in lex.first_names
            and nxt in self.intro_followers
            and self.intro.message.search(doc_text(sdoc), max(0, token.idx - 60), token.idx)
        ):
            return True  # "hi this is bryony from the boatyard": a first name that is also a word, introduced
        if prev == "our" and listed and (speaks or nxt in self.right_context):
            return True  # "our kerry says", "our darren rang": a relative, as the North of England and Ireland say
        if prev in self.word_left or prev in SUBJECT_PRONOUNS:
            return False
        if lower in lex.first_names and not self.wordlike(lower):
            return (
                speaks
                or prev in self.person_left
                or nxt in self.right_context
                or nxt in ("'s", "’s")
                or self.after_kin(sdoc, token)
            )
        # a word-name speaks only from the start of a clause: "then grace said", not "the onion king says"
        opens = token.i == 0 or not sdoc[token.i - 1].is_alpha or prev in CLAUSE_OPENERS
        if lower in lex.first_names or lower in lex.word_names:
            return speaks and opens
        return speaks and opens and zipf(lower) < RARE_WORD_ZIPF - 1 and lower not in self.dictionary

    def introduced(self, sdoc: Doc, token: Any, nxt: str) -> bool:
        """The writer naming themselves with ``token`` ("its chinonso lol", "this is osian."): after "its", "this
        is", "i'm" at the start of a message or a clause, and before its end or a chat's filler word."""
        text = doc_text(sdoc)
        before = text[max(0, token.idx - 24) : token.idx]
        intro = self.intro.before.search(before)
        if intro is None or self.intro.weak(intro.group()):
            return False
        lead = before[: intro.start()]
        this_is = intro.group().lower().startswith("this")
        if not (SENTENCE_OR_LINE_START.search(lead) or (this_is and self.intro.lead.search(lead))):
            return False  # "the dog wagged its tail", "I think its kerry's": no introduction
        return bool(CLAUSE_END.match(text, token.idx + len(token.text))) or nxt in self.intro_followers

    def ner_person_words(self, span: SpacySpan | None) -> list[str]:
        """The name words of an NER PERSON span, without leading verbs ("Took Sandy") or trailers."""
        lex = self.lex
        if span is None or (span.start > 0 and span.doc[span.start - 1].lower_ in ARTICLES):
            return []  # "the Rob Roy": a venue or a product
        if self.followed_by_place_head(span.doc, span.end - 1):
            return []  # "Enda's Day", "Corrie Week"
        tokens = [t for t in span if is_capitalised(t.text) and t.text.lower() not in ("'s", "’s")]
        while len(tokens) > 1 and (
            not self.word_name_before_surname(tokens[0])
            and (tokens[0].tag_.startswith("VB") or (tokens[0].is_sent_start and self.word_not_name(tokens[0].text)))
        ):
            tokens = tokens[1:]  # "Took Sandy", "Rang Bryn"
        words = [t.text for t in tokens if t.text.lower() not in lex.titles]
        if len(words) == 1:
            w = words[0]
            first = tokens[0].is_sent_start if tokens else True
            if self.common_word(w) or (w.lower() in self.towns and not lex.is_name(w)):
                return []  # "Took", "Dubbo": a word or a town that NER took for a person
            if first and w.lower() not in lex.first_names and not self.acts_as_person(span):
                return []
        elif any(w.lower() in lex.place_heads for w in words):
            return []
        # a word-name opening a full name is its first name ("Sky Varnum"); other everyday words are not names
        return [
            w
            for i, w in enumerate(words)
            if not (len(words) > 1 and self.common_word(w) and not lex.is_name(w))
            or (i == 0 and w.lower() in lex.word_names)
        ]

    def acts_as_person(self, span: SpacySpan) -> bool:
        """A rare word that NER calls a person and that does what people do: "Rosa's", "Ffion said"."""
        after = span.doc[span.end : span.end + 3].text
        return zipf(span.text.lower()) < RARE_WORD_ZIPF and (after.startswith(("'s", "’s")) or self.acts_next(after))

    def person_read_as_org(self, span: SpacySpan | None) -> list[str]:
        """NER often reads "Firstname Surname" as an organisation: two or three capitalised words, the
        first a first name (or all of them rare in English), none a common word or a place word."""
        lex = self.lex
        if span is None:
            return []
        words = [t.text for t in span if t.text.lower() not in ("'s", "’s")]
        while words and not is_capitalised(words[-1]):
            words.pop()  # NER's span sometimes runs on: "Firstname Surname around"
        if not 2 <= len(words) <= 3:
            return []
        if words[0].lower() not in lex.first_names and not all(zipf(w.lower()) < RARE_WORD_ZIPF for w in words):
            return []
        if any(not (w.isalpha() and is_capitalised(w)) or w.lower() in lex.place_heads for w in words):
            return []
        if any(self.common_word(w) and not lex.is_name(w) for w in words):
            return []
        return words

    def name_by_evidence(self, sdoc: Doc, token: Any) -> bool:
        lex = self.lex
        word, lower = token.text, token.text.lower()
        prev = sdoc[token.i - 1] if token.i > 0 else None
        nxt = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        initial = token.i == 0 or token.is_sent_start or (prev is not None and prev.text in (":", "\n", "-", "\u2013"))
        prev_word = prev.text.lower() if prev is not None else ""
        next_word = nxt.text.lower() if nxt is not None else ""
        prev_starts = prev is not None and (prev.i == 0 or prev.is_sent_start)
        in_title_phrase = (prev is not None and not initial and not prev_starts and is_capitalised(prev.text)) or (
            nxt is not None and is_capitalised(nxt.text) and not lex.is_name(nxt.text)
        )
        if self.named_at(sdoc, token.i):
            return True  # "my name is Anneka"
        if lower in lex.place_heads and prev is not None and is_capitalised(prev.text):
            return False  # "Mill Lane", "Kindness Week": the head of a place or an event
        if lower in lex.first_names and not self.wordlike(word):
            strong_left = prev_word in self.person_left  # "rang Tamsin Rice": a person, not "Tamsin Park"
            return not in_title_phrase or strong_left or (nxt is not None and nxt.text.lower() in lex.surnames)
        if initial:
            # "Summer and I talked", "Faith backed me up": a word-name that starts a sentence and acts
            if lower in lex.first_names or lower in lex.word_names:
                return self.acts_at_start(sdoc, token)
            return self.unlisted_acts_at_start(sdoc, token)
        if in_title_phrase or prev_word in self.word_left:
            return False
        person_context = (
            prev_word in self.person_left
            or next_word in self.right_context
            or next_word in ("'s", "’s")
            or self.after_kin(sdoc, token)
        )
        if lower in lex.first_names and lower not in lex.word_names and self.addressed_in_quote(sdoc, token):
            return True  # '"Not now Warren,"': a first name said to someone, however NER reads it
        if lower in lex.first_names or lower in lex.word_names:
            # "told Will", "Hope said"; or capitalised mid-sentence, which common nouns are not ("ask if
            # Summer can") — unless spaCy reads it as a place or it names a month or a day
            return person_context or (
                token.ent_type_ in ("", "PERSON")
                and lower not in self.calendar | lex.surname_words
                and prev.text not in ("(", "'", '"')
            )
        if len(word) == 2 and self.short_name_paired(sdoc, token):
            return True
        if token.tag_ != "NNP" or len(word) < 3:
            return False
        return (person_context or self.paired_with_name(sdoc, token)) and zipf(lower) < RARE_WORD_ZIPF

    def addressed_in_quote(self, sdoc: Doc, token: Any) -> bool:
        """A word closing a quoted clause after another word of it, as a name said to someone is: '"Not now
        Warren,"', '"I'm not a baby Warren"' — not a quoted title ('"Warren"'), nor the first word of the quote."""
        text = doc_text(sdoc)
        if not QUOTE_CLOSES.match(text, token.idx + len(token.text)):
            return False
        before = text[text.rfind("\n", 0, token.idx) + 1 : token.idx]
        opened = OPEN_QUOTE.search(before)
        return opened is not None and bool(before[opened.end() :].strip())

    def paired_with_name(self, sdoc: Doc, token: Any) -> bool:
        """ "Harriet and Tadhgwyn were out in the yard": joined by "and" to a capitalised listed first name or a
        person NER found, as the two subjects of a plural verb or the objects of a verb that takes people."""
        i = token.i
        if not self.person_ent(token):
            return False  # "Oliver and Tesco were closed": NER's organisation or place stays one
        if i >= 2 and sdoc[i - 1].lower_ in ("and", "&"):
            other = sdoc[i - 2]
            if self._pair_name(other):
                nxt = sdoc[i + 1].lower_ if i + 1 < len(sdoc) else ""
                before = sdoc[i - 3].lower_ if i >= 3 else ""
                return nxt in PLURAL_VERBS or before in self.person_left
        if i + 2 < len(sdoc) and sdoc[i + 1].lower_ in ("and", "&") and self._pair_name(sdoc[i + 2]):
            nxt = sdoc[i + 3].lower_ if i + 3 < len(sdoc) else ""
            before = sdoc[i - 1].lower_ if i >= 1 else ""
            return nxt in PLURAL_VERBS or before in self.person_left
        return False

    def short_name_paired(self, sdoc: Doc, token: Any) -> bool:
        """ "Hinewai and Ka sang", "took Ka and Ruth home": a two-letter word no list holds and English does not
        write in lower case ("Ka", not "Of", "Dr", "Mum"), joined by "and" to a person, the two of them doing
        something (a verb in the past or a plural one) or taken somewhere by a verb that takes people."""
        word, lower, i = token.text, token.lower_, token.i
        if not (word.isalpha() and word[0].isupper() and word[1].islower()) or token.ent_type_ not in ("", "PERSON"):
            return False
        if self.function_word(lower) or lower in self.dictionary or lower in self.relatives or lower in self.calendar:
            return False
        if lower in self.lex.titles or word.upper() in self.lex.not_initials:
            return False
        for other, after, before in ((i - 2, i + 1, i - 3), (i + 2, i + 3, i - 1)):
            if not (0 <= other < len(sdoc) and sdoc[(i + other) // 2].lower_ in ("and", "&")):
                continue
            if not self._pair_name(sdoc[other]):
                continue
            verb = sdoc[after] if after < len(sdoc) else None
            if verb is not None and (verb.tag_ == "VBD" or verb.lower_ in PLURAL_VERBS):
                return True
            if before >= 0 and sdoc[before].lower_ in self.person_left:
                return True
        return False

    def _pair_name(self, token: Any) -> bool:
        return is_capitalised(token.text) and (token.ent_type_ == "PERSON" or self.lex.is_first_name(token.text))

    def unlisted_acts_at_start(self, sdoc: Doc, token: Any) -> bool:
        """ "Tadhgwyn drove her nephew", "Tadhgan laughed", "Tadhgan is 9 and", "Tadhgan and I went": a word no
        list holds and English hardly uses, opening a sentence, then what only a person does to someone, says, an
        age, or the writer beside it."""
        lower = token.lower_
        if not self.person_ent(token) or lower in self.dictionary or zipf(lower) >= RARE_WORD_ZIPF - 1:
            return False
        if token.tag_ != "NNP" or not self.lex.name_shaped(token.text) or token.i + 2 >= len(sdoc):
            return False
        verb, then = sdoc[token.i + 1].lower_, sdoc[token.i + 2].lower_
        if verb in ("is", "was") and self.age_next.match(" " + sdoc[token.i + 1 : token.i + 9].text):
            return True
        if verb in ("and", "&") and sdoc[token.i + 2].text == "I":
            return True  # "Tadhgan and I barely spoke"
        return verb in self.strong_right or (verb in self.past_verbs and then in POSSESSIVES | OBJECT_PRONOUNS)

    def person_ent(self, token: Any) -> bool:
        """NER reads the token as a person, as nothing, or as a people ("NORP") no list of peoples or languages
        holds, which an unknown name ending like a nationality often is ("Tadhgan")."""
        if token.ent_type_ in ("", "PERSON"):
            return True
        return token.ent_type_ == "NORP" and token.lower_ not in self.peoples and token.lower_ not in self.dictionary

    def acts_at_start(self, sdoc: Doc, token: Any) -> bool:
        # eight tokens: "from the drop-in waved" is six
        after = sdoc[token.i + 1 : token.i + 9].text
        if self.acts_after_role(token.text, " " + after):
            return True
        if not self.acts_next(after):
            return False
        if self.age_next.match(" " + after) or self.person_predicate.match(" " + after):
            return True  # "Summer is six.", "Art is a gentle old fella"
        nxt = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        return nxt is not None and nxt.lower_ not in ("was", "is", "has", "had")  # "Hope was all we had"

    def listed_with_names(self, sdoc: Doc, token: Any) -> bool:
        """ "the quiz team was Bo, Quill, Idris and Tamsin": a capitalised word in a list of two or more
        other names is a name too (a list of places or things rarely holds first names)."""
        if token.is_sent_start or token.ent_type_ in ("GPE", "LOC", "DATE", "TIME") or not token.text.isalpha():
            return False
        if token.lower_ in self.calendar or token.lower_ in self.lex.place_heads:
            return False
        members = list_members(sdoc, token.i)
        if len(members) < 3:
            return False
        names = sum(1 for m in members if m.i != token.i and self._listed_name(m))
        return names >= 2

    def _listed_name(self, token: Any) -> bool:
        lower = token.lower_
        if token.ent_type_ == "PERSON":
            return True
        # "the founders: Patel, Okafor and Lindqvist": surnames listed together count too
        return (lower in self.lex.first_names or lower in self.lex.word_names or lower in self.lex.surnames) and (
            is_capitalised(token.text) or not self.wordlike(lower)
        )

    def surname_after(self, sdoc: Doc, token: Any) -> str | None:
        """The surname in "with Ines Vuković": a first name, then a capitalised word that is rare in English."""
        lex = self.lex
        if token.text.lower() not in lex.first_names or token.i + 2 > len(sdoc):
            return None
        prev = sdoc[token.i - 1] if token.i > 0 else None
        # a capitalised word before: part of a longer phrase, unless it opens the sentence ("Tonight Hope Vantreight")
        after_capital = prev is not None and not token.is_sent_start and is_capitalised(prev.text)
        if after_capital and not (prev.is_sent_start and self.word_not_name(prev.text)):
            return None
        if prev is not None and prev.text.lower() in ARTICLES:
            return None  # "the Rob Roy": a venue or a product
        nxt = sdoc[token.i + 1]
        if nxt.i + 1 < len(sdoc) and is_capitalised(sdoc[nxt.i + 1].text):
            return None  # a longer Title Case phrase: a venue or an organisation more likely
        word = nxt.text
        if not (is_capitalised(word) and word.isalpha() and len(word) > 2) or word.lower() in lex.place_heads:
            return None
        if nxt.ent_type_ in ("GPE", "LOC"):
            return None  # NER's PRODUCT or FAC on an unknown surname is a misreading; a town is not
        if prev is not None and prev.lower_ in self.person_left and not self.wordlike(token.text):
            # "rang Tamsin Rice": after a verb that takes a person, even an everyday word is a surname
            return word if word.lower() not in self.calendar and word.lower() not in lex.titles else None
        return word if zipf(word.lower()) < SURNAME_ZIPF and not self.wordlike(word) else None

    def unlisted_before_surname(self, sdoc: Doc, token: Any) -> str | None:
        """The first name in "on Anjali Choudhury" that no list holds: a name-shaped word English hardly
        uses, right before a listed surname that closes the phrase (not "Tolland Street", nor a town)."""
        lex = self.lex
        word, i = token.text, token.i
        if i + 1 >= len(sdoc) or lex.is_first_name(word) or not lex.name_shaped(word) or len(word) < 3:
            return None
        low = word.lower()
        if low in self.dictionary or zipf(low) >= RARE_WORD_ZIPF or low in self.towns or self.calendar_only(word):
            return None
        if low in lex.titles or low in self.relatives:
            return None  # "Auntie Frances": a title before a name
        prev = sdoc[i - 1] if i > 0 else None
        after_capital = prev is not None and not token.is_sent_start and is_capitalised(prev.text)
        if prev is not None and (
            prev.lower_ in ARTICLES or (after_capital and not (prev.is_sent_start and self.word_not_name(prev.text)))
        ):
            return None  # "the Ashgrove Murray", "Upper Tolland Murray": part of a longer name, not "Chair Tavi Roy"
        nxt = sdoc[i + 1]
        surname = nxt.text
        if not (is_capitalised(surname) and surname.isalpha() and surname.lower() in lex.surnames):
            return None
        if surname.lower() in lex.place_heads or nxt.ent_type_ in ("GPE", "LOC", "FAC"):
            return None  # NER's place on the first word alone is a misreading of an unknown name; on both, a town
        if i + 2 < len(sdoc) and is_capitalised(sdoc[i + 2].text):
            return None  # a longer Title Case phrase: a venue or an organisation more likely
        return surname

    def word_name_before_rare_surname(self, sdoc: Doc, token: Any) -> str | None:
        """The surname in "after lunch we met Hawk Redcloud": after a verb that takes a person, a capitalised word
        that no name list holds (even an everyday word), then a surname English does not use, closing the
        phrase. Returns the surname."""
        lex, i = self.lex, token.i
        word, low = token.text, token.lower_
        if i < 1 or i + 1 >= len(sdoc) or lex.is_first_name(word) or not lex.name_shaped(word) or len(word) < 3:
            return None
        if sdoc[i - 1].lower_ not in self.person_left or token.is_sent_start:
            return None
        if low in self.calendar or low in lex.titles or low in lex.place_heads or low in self.relatives:
            return None
        # a town's name is no bar here ("Marion", "Tyler" are towns too): a town takes no surname after it
        if self.function_word(word) or token.ent_type_ in ("GPE", "LOC", "FAC", "NORP"):
            return None
        nxt = sdoc[i + 1]
        surname = nxt.text
        if not (lex.name_shaped(surname) and surname.isalpha() and len(surname) > 2) or nxt.ent_type_ in ("GPE", "LOC"):
            return None
        if surname.lower() in self.dictionary or zipf(surname.lower()) >= SURNAME_ZIPF:
            return None
        if surname.lower() in lex.place_heads or surname.lower() in self.towns:
            return None
        if i + 2 < len(sdoc) and is_capitalised(sdoc[i + 2].text):
            return None  # a longer Title Case phrase: a venue or an organisation more likely
        return surname

    def surname_first(self, word: str) -> bool:
        """A listed surname that is no first name and hardly an English word ("Nguyễn", "Kovács"): before a
        given name it opens the full name, as many languages write it ("Nguyễn Văn Nam")."""
        low = word.lower()
        return (
            self.lex.name_shaped(word)
            and low in self.lex.surnames
            and not self.lex.is_first_name(word)
            and low not in self.lex.surname_words
            and low not in self.towns
            and zipf(low) < COMMON_WORD_ZIPF
            and not self.wordlike(word)
        )

    def surname_before(self, sdoc: Doc, token: Any) -> str | None:
        """The given name after a surname written first: "with Nguyễn Văn Nam", "Later Kovács Anna rang"."""
        i = token.i
        if i + 1 >= len(sdoc) or not self.surname_first(token.text):
            return None
        prev = sdoc[i - 1] if i > 0 else None
        if prev is not None and prev.lower_ in ARTICLES:
            return None  # "the Kovács Anna Trust"
        if (
            prev is not None
            and not token.is_sent_start
            and is_capitalised(prev.text)
            and not (prev.is_sent_start and self.word_not_name(prev.text))
        ):
            return None  # inside a longer Title Case phrase; but "Later Nguyễn Văn Nam"
        nxt = sdoc[i + 1]
        given = nxt.text
        if not (is_capitalised(given) and self.lex.name_shaped(given) and given.lower() in self.lex.first_names):
            return None
        if nxt.ent_type_ in ("GPE", "LOC", "FAC") or given.lower() in self.lex.place_heads:
            return None
        return given

    def unlisted_name_word(self, token: Any) -> bool:
        """A capitalised, name-shaped noun that no list holds, English hardly uses and NER does not call a
        place: a name if the document gives it as a form of a person's name ("Preet" beside "Harpreet")."""
        return (
            self.unlisted_name_text(token.text)
            and token.ent_type_ not in ("GPE", "LOC", "FAC", "NORP", "LANGUAGE")
            and token.tag_.startswith("NN")
        )

    def unlisted_name_text(self, word: str) -> bool:
        """:meth:`unlisted_name_word` read from the word alone."""
        low = word.lower()
        if len(word) < 3 or not self.lex.name_shaped(word) or not word[1:].islower() or self.lex.is_first_name(word):
            return False
        if low in self.dictionary or zipf(low) >= RARE_WORD_ZIPF or low in self.towns or low in self.calendar:
            return False
        return low not in self.lex.titles and low not in self.relatives and not self.lex.is_term(low)

    def head_follows(self, text: str, end: int) -> bool:
        """The text from ``end`` on runs through capitalised words to a place or event head ("'s Day")."""
        m = _CAPITALISED_RUN.match(text, end)
        return m is not None and any(w.lower() in self.lex.place_heads for w in m.group(1).split())

    def followed_by_place_head(self, sdoc: Doc, i: int) -> bool:
        """ "Alder Ward", "Grace Street", "St Enda's Day": capitalised words up to a place or event head."""
        j = i + 1
        if j < len(sdoc) and sdoc[j].lower_ in ("'s", "’s"):
            j += 1
        while j < len(sdoc) and is_capitalised(sdoc[j].text):
            if sdoc[j].text.lower() in self.lex.place_heads:
                return True
            j += 1
        return False


def list_members(sdoc: Doc, i: int) -> list[Any]:
    """The one-word members of the list around token ``i`` ("Bo, Quill, Idris and tamsin"): each
    member a single word, separated by a comma, "and" or "&"; a member followed by another capitalised
    word ("Pizza Hut") ends the list."""

    def single(j: int) -> bool:
        if not (0 <= j < len(sdoc)) or not sdoc[j].text.isalpha() or sdoc[j].lower_ in _LIST_SEPARATORS:
            return False
        return j + 1 >= len(sdoc) or not (is_capitalised(sdoc[j + 1].text) and sdoc[j + 1].text.isalpha())

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


def is_capitalised(word: str) -> bool:
    """ "Sam", "ʻAna" (a Tongan or Hawaiian name opening with the ʻokina)."""
    word = word.removeprefix(OKINA)
    return len(word) > 0 and word[0].isupper() and any(c.isalpha() for c in word)


def last_word(before: str) -> str:
    m = re.search(r"([A-Za-z'’]+)[^A-Za-z\n]*$", before)
    return m.group(1).lower() if m else ""


def last_token(before: str) -> str:
    m = re.search(r"([A-Za-z'’]+)[ \t]*$", before)
    return m.group(1) if m else ""


def first_token(after: str) -> str:
    m = re.match(r"[ \t]*([A-Za-z'’]+)", after)
    return m.group(1) if m else ""


def first_word(after: str) -> str:
    m = re.match(r"(['’]s\b|[^A-Za-z\n]*([A-Za-z'’]+))", after)
    if not m:
        return ""
    return (m.group(2) or m.group(1)).lower().replace("’", "'")
