"""Abbreviations a transcript uses for a role, not for a person.

Three kinds: an abbreviation the text defines in brackets after the words it stands for, when those words
are a role ("note taker (NT)", "participant (P)", "interpreter (INTERP)"; not "Kate Walsh (KW)" nor
"Valley Housing Trust (VHT)"), one a legend defines as the role it abbreviates ("KW = key worker"), and the
single letters that take turns beside an interviewer's turn ("I: ... / P: ...", "Q: ... / A: ..."). The name
detector (initials) and the finaliser both ask here. A legend's letters that do not abbreviate the role they are given
("TQ = participant", "RHM = interviewee") are that person's initials, not a role's; letters a legend gives to someone
by name ("W = Aunty Quorra") are that person's, even a role's letter.

It also says which initials speak in a transcript (``letter_speakers``): those taking turns beside an interviewer or
beside another speaker who takes turns too ("QX: ... / Int: ...", "ZB: ... / Ana Ruiz: ...").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from qualdeid.corpus.model import Span
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Rules

#: The words an abbreviation stands for, if no name, are this frequent in English or more ("Deaf interpreter")
ROLE_WORD_ZIPF = 2.5
#: An abbreviation in brackets: "participant (P)", "key worker (KW)"
_DEFINED = re.compile(r"\([ \t]*([A-Z]{1,6})[ \t]*\)")
#: the words before it, up to six
_DEFINED_BY = re.compile(r"(?<![\w'’-])((?:[^\W\d_][\w'’-]*[ \t]+){0,5}[^\W\d_][\w'’-]*)[ \t]*$")
_WORD = re.compile(r"\S+")
#: a word of a legend's name this common in English is no name's word ("Aunty", "Group")
NAME_WORD_ZIPF = 5.0
#: Turns that capitals open, each after an interviewer's, to be a speaker's though they read as a word
MIN_ANSWERS = 3
#: an abbreviation a legend defines with "=" ("Abbreviations: KW = key worker; SW = social worker"; case notes'
#: short ones in mixed case: "Mo = mother", "HoH = head of household"), the definition up to the next item;
#: alternatives after a slash ("MF = Muttersfreund/mum's friend")
_LEGEND = re.compile(
    r"(?<![\w'’=.-])([A-Z][A-Za-z]{0,3}|[A-Z]{1,6})\.?[ \t]*=[ \t]*([^;,\n=()]{1,60}?)[ \t]*(?=[;,\n()]|$)"
)
_ALTERNATIVES = re.compile(r"[ \t]*/[ \t]*")
#: a transcript turn's time before its speaker: "00:48 D:", "[01:14] I:"
_TURN_STAMP = r"(?:\[?\d{1,2}(?::\d{2}){1,2}\]?[ \t]+)?"
_LETTER_TURN = re.compile(rf"(?m)^[ \t]*{_TURN_STAMP}([A-Z])[ \t]*:")
#: initials opening a turn: "QX: Same.", "[00:01:02] ZB: Hello"
_INITIALS_TURN = re.compile(rf"(?m)^[ \t]*{_TURN_STAMP}([A-Z]{{1,3}})[ \t]*:(?=[ \t]+\S)")
#: any speaker's label opening a turn: "Int:", "Ana Ruiz:", "ZR1:", "QX:" (up to three words)
_TURN_LABEL = re.compile(
    rf"(?m)^[ \t]*{_TURN_STAMP}([^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){{0,2}})[ \t]*:(?=[ \t]+\S)"
)
#: a list's line that opens with initials, maybe a bracket, then a dash and what they do: "QB (PI) – economist",
#: "ZT – junior analyst, surveys", "JMacQ – site visits, half time", "TR-W – liaison"
_TEAM_LINE = re.compile(
    r"(?m)^[ \t>*•]*(?:[–—-][ \t]+)?"  # a list's bullet, also a dash: "- HQ - research assistant"
    r"(?P<initials>[A-Z]{2,3}(?:-[A-Z]{1,3})?|[A-Z]-[A-Z]{1,3}|[A-Z](?:[a-z]{0,3}[A-Z]){1,3})"
    r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]+[–—-][ \t]+(?P<rest>[^\n]+)"
)
#: short words an abbreviation's spelled-out words may hold without their initial: "Department of Health (DH)"
_LINKS = frozenset(["of", "the", "and", "for", "in", "on", "&"])
#: initials this common as an English word are a word in capitals, not a speaker ("YES:", "HEY:")
SPEAKER_WORD_ZIPF = 5.5
#: how far before its bracket the words of an abbreviation are looked for
_WINDOW = 120
#: where the clause of a bracket starts: a line, a sentence or a list item ("...; co-facilitator Jo Lee (CO)")
_CLAUSE_START = re.compile(r"(?s:.*)(?:\n|[.;][ \t]|\)[ \t]*[,;.])")
_ROLE_WORD = re.compile(r"[^\W\d_][\w-]*")


class TranscriptRoles:
    """The role abbreviations of a document, with ``rules/lexicons/speaker_roles.txt`` and the interviewer's
    labels of ``rules/names/initials.yaml``."""

    def __init__(self, rules: Rules) -> None:
        self.names = NameLexicon.read(rules)
        words = rules.lists("names/initials.yaml")
        labels = words.pattern("interviewer_labels")
        #: the letters a transcript uses for a role ("P:", "R:", "A:"); another letter is someone's initial
        self.role_letters = frozenset(w.upper() for w in words["role_letters"])
        #: the words of a team member's job on their line ("HQ – research assistant"): initials that read as an
        #: abbreviation are that member's there
        self.team_roles = re.compile(rf"\b(?i:{words.pattern('team_roles')})\b")
        #: an interviewer speaking at a line start ("I:", "Q:", "INT:", "Interviewer:")
        self.interviewer_turn = re.compile(rf"(?im)^[ \t]*{_TURN_STAMP}(?:{labels})[ \t]*:")
        #: the last text's legend people, read once for the many letters asking about them
        self._legend_cache: tuple[str, dict[str, list[tuple[int, int]]]] | None = None

    def abbreviations(self, text: str, named: Sequence[Span] = ()) -> set[str]:
        """The abbreviations of ``text`` that stand for a role; ``named`` are spans already read as a name,
        an organisation or a place, whose abbreviations are theirs ("Larchfield College (LC)")."""
        out: set[str] = set()
        #: abbreviations the text gives to someone ("Interpreter D. Okonkwo (D)"): their turns are that person's
        given: set[str] = set()
        for bracket in _DEFINED.finditer(text) if "(" in text else ():
            m = _DEFINED_BY.search(text, max(0, bracket.start() - _WINDOW), bracket.start())
            if m is None:
                continue
            words = list(_WORD.finditer(text, m.start(1), m.end(1)))
            expanded = _expansion([w.group() for w in words], bracket.group(1))
            if not expanded and self._role_label_before(text, bracket.start(), bracket.group(1), words):
                out.add(bracket.group(1))  # "Facilitator: Ana Ruiz (FAC)": the role's label, not her initials
                continue
            first = words[-len(expanded)].start() if expanded else m.end(1)
            if any(p.start < m.end(1) and p.end > (first if expanded else m.end(1) - 1) for p in named):
                given.add(bracket.group(1))
                continue
            if self.is_role(expanded):
                out.add(bracket.group(1))
            else:
                given.add(bracket.group(1))
        given |= self.legend_people(text).keys()
        roled = self._legend_roles_given(text)
        for legend in _LEGEND.finditer(text) if "=" in text else ():
            meanings = [_WORD.findall(m) for m in _ALTERNATIVES.split(legend.group(2))]
            if (
                any(map(self.is_role, meanings))
                and not any(self.names.is_name(w) for m in meanings for w in m)
                and not self._initials_given_a_role(legend.group(1), meanings)
                and legend.group(1) not in roled  # "W = interviewer": the interviewer's initial, not "I"
                # "Mo = mother", "HoH = head of household"; not "Tess = the carer's daughter"
                and (legend.group(1).isupper() or any(_shortens(legend.group(1), m) for m in meanings))
            ):
                out.add(legend.group(1))  # "KW = key worker": a role anywhere in the text
        if ":" in text and self.interviewer_turn.search(text):
            out.update(
                m.group(1)
                for m in _LETTER_TURN.finditer(text)
                if m.group(1) not in given and m.group(1) in self.role_letters
            )
        return out

    def _initials_given_a_role(self, abbreviation: str, meanings: Sequence[Sequence[str]]) -> bool:
        """Letters a legend gives a speaking person's role that do not abbreviate it ("RQW = participant"):
        that person's initials ("KW = key worker", "NPX = a service's words" stay abbreviations)."""
        if len(abbreviation) < 2 or any(_expansion(list(m), abbreviation) for m in meanings if m):
            return False
        return all(len(m) == 1 and m[0].lower().rstrip(".") in self.names.roles for m in meanings)

    def letter_speakers(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Initials that open two turns or more of a transcript, at each turn: the person speaking. A letter that
        is no role's letter beside an interviewer's turns ("I: Where were you born? / W: Up north."); initials of
        one to three letters beside another speaker who takes two turns or more too ("Int: ... / QX: ...", "ZB:
        ... / Ana Ruiz: ..."), except a role's letter or abbreviation ("P:", "INT:"), an abbreviation ("NB:") or
        a word in capitals ("AM:"); any letter a legend gives to someone by name ("W = Aunty Quorra"), its legend
        too."""
        if ":" not in text:
            return {}
        interviewer = self.interviewer_turn.search(text) is not None
        labels = Counter(m.group(1) for m in _TURN_LABEL.finditer(text))
        legend = self.legend_people(text)
        roled = self._legend_roles_given(text)
        turns: dict[str, list[tuple[int, int]]] = {}
        for m in _INITIALS_TURN.finditer(text):
            turns.setdefault(m.group(1), []).append(m.span(1))
        out: dict[str, list[tuple[int, int]]] = {}
        for token, places in turns.items():
            if len(places) < 2:
                continue
            others = any(n >= 2 for label, n in labels.items() if label != token)
            if token in legend:
                out[token] = places + legend[token]
            elif token in roled:
                out[token] = places + roled[token]  # "W = interviewer, CT = participant": their initials
            elif len(token) == 1:
                if token not in self.role_letters and (interviewer or others):
                    out[token] = places
            elif others and not self._word_or_abbreviation(token):
                out[token] = places
            elif interviewer and self._answers_interviewer(text, places):
                out[token] = places  # "I: ... / AS: ...": a word in capitals that answers every question
        return out

    def _legend_roles_given(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Letters in capitals a legend gives a speaking role they do not abbreviate ("QW = interviewer", "RHM =
        participant"; not "I = interviewer", "P = participant", "KW = key worker"), at the legend: the initials of
        the person in that role."""
        out: dict[str, list[tuple[int, int]]] = {}
        for legend in _LEGEND.finditer(text) if "=" in text else ():
            token = legend.group(1)
            meanings = [_WORD.findall(m) for m in _ALTERNATIVES.split(legend.group(2))]
            if not token.isupper() or not meanings or not all(meanings):
                continue
            if len(token) == 1:
                given = token not in self.role_letters and all(
                    len(m) == 1 and m[0].lower().rstrip(".") in self.names.roles and not m[0].upper().startswith(token)
                    for m in meanings
                )
            else:
                given = self._initials_given_a_role(token, meanings)
            if given:
                out.setdefault(token, []).append(legend.span(1))
        return out

    def _answers_interviewer(self, text: str, places: list[tuple[int, int]]) -> bool:
        """Capitals that open three turns or more, each the answer to an interviewer's turn right before it ("I: And
        before? / AS: In Aden ..."): a speaker's initials, even where they read as a word ("AS", "IN"); never an
        abbreviation of the lists or a role's."""
        token = text[places[0][0] : places[0][1]]
        if len(places) < MIN_ANSWERS or token in self.names.not_initials or token.lower() in self.names.roles:
            return False
        for start, _ in places:
            line = text.rfind("\n", 0, start)
            previous = text.rfind("\n", 0, max(0, line)) + 1 if line > 0 else -1
            if previous < 0 or not self.interviewer_turn.match(text, previous):
                return False
        return True

    def team_members(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Initials that open the lines of a list of people, each then a dash and what they do ("QB (PI) – economist",
        "ZT – junior analyst, surveys"): two such lines at least, each next to another or one line
        apart, and none a glossary's line whose
        words spell its abbreviation out ("GP – general practitioner", "ST – street"); a listed abbreviation
        ("UK – 12 interviews") is no one even there."""
        if "–" not in text and "-" not in text and "—" not in text:
            return {}
        lines = list(_TEAM_LINE.finditer(text))
        # a list: each line next to another, or one line apart ("FN – Tuesday" heading notes is alone)
        listed = [
            m
            for i, m in enumerate(lines)
            if (i > 0 and text.count("\n", lines[i - 1].end(), m.start()) <= 2)
            or (i + 1 < len(lines) and text.count("\n", m.end(), lines[i + 1].start()) <= 2)
        ]
        members: dict[str, list[tuple[int, int]]] = {}
        #: initials that spell a function word ("AS", "IN"): a team member only among more members than they are
        worded: dict[str, list[tuple[int, int]]] = {}
        for m in listed:
            words = [w for w in _WORD.findall(m.group("rest").lower()) if w not in _LINKS]
            token = m.group("initials")
            if _spelled_out(words, token):
                return {}  # a glossary of abbreviations, not a team
            if token.lower() in STOP_WORDS:
                worded.setdefault(token, []).append(m.span("initials"))
            elif token not in self.names.not_initials or self.team_roles.search(m.group("rest")):
                # "UK – 12 interviews": a country's, a service's; but "HQ – research assistant": a member's job
                members.setdefault(token, []).append(m.span("initials"))
        if len(members) < 2:
            return {}
        # "KW – RA1 / AS – RA2 / MN – RA3": a member whose initials are a word, among the team's others
        return members | worded if len(worded) < len(members) else members

    def _word_or_abbreviation(self, token: str) -> bool:
        """Capitals that are an abbreviation, a role's or an English word rather than someone's initials."""
        low = token.lower()
        return (
            token in self.names.not_initials
            or low in self.names.roles
            or low in STOP_WORDS
            or zipf(low) >= SPEAKER_WORD_ZIPF
            or self.interviewer_turn.match(token + ":") is not None
        )

    def legend_people(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Letters a legend gives to someone by name ("W = Aunty Quorra", "QB = Quill Brennick", field notes' "T. =
        Teodor"), at the legend: a name of the name lexicon, or a capitalised word that is no role and rare in
        English, among its words. The one reading of a legend's people: the initials detector asks here too
        (``gives_name``)."""
        if self._legend_cache is not None and self._legend_cache[0] is text:
            return self._legend_cache[1]
        out: dict[str, list[tuple[int, int]]] = {}
        for legend in _LEGEND.finditer(text) if "=" in text else ():
            words = _WORD.findall(legend.group(2))
            if self.is_role(words) or not legend.group(1).isupper():
                continue
            if any(
                self.names.is_name(w)
                or (w[0].isupper() and w.lower() not in self.names.roles and zipf(w.lower()) < ROLE_WORD_ZIPF)
                for w in words
            ):
                out.setdefault(legend.group(1), []).append(legend.span(1))
        self._legend_cache = (text, out)
        return out

    def gives_name(self, text: str, start: int, end: int) -> bool:
        """Whether the letters at ``start:end`` are a legend's given there to someone by name, and that name's
        initials: a letter starting a word of the name that is no English word this common (neither "Aunty" nor
        "Group": "W = Aunty Wendeline"), letters of two or three the initials of the name's last words ("CA =
        Corvin Ashdale"; not "PT = Patentante/godmother", a word of another language and its translation)."""
        token = text[start:end]
        if (start, end) not in self.legend_people(text).get(token, ()):
            return False
        m = _LEGEND.match(text, start)
        if m is None:
            return False
        words = [w for w in _WORD.findall(_ALTERNATIVES.split(m.group(2))[0]) if w[0].isupper()]
        rare = [w for w in words if zipf(w.lower()) < NAME_WORD_ZIPF]
        if len(token) == 1:
            return any(w[0] == token for w in rare)
        tail = words[-len(token) :]
        return len(tail) == len(token) and all(w in rare for w in tail) and "".join(w[0] for w in tail) == token

    def _role_label_before(self, text: str, at: int, abbreviation: str, words: Sequence[re.Match[str]]) -> bool:
        """An abbreviation that opens a role word earlier in its clause ("Facilitator: Ana Ruiz (FAC)",
        "co-facilitator Dr Jo Lee (CO)") and is not the initials of the name right before it ("Jo Lee (J)")."""
        names = [w.group() for w in words if w.group()[0].isupper()]
        if names and abbreviation in ("".join(w[0] for w in names), names[0][0], names[-1][0]):
            return False
        clause = _CLAUSE_START.search(text, max(0, at - _WINDOW), at)
        start = clause.end() if clause else max(0, at - _WINDOW)
        low = abbreviation.lower()
        for w in _ROLE_WORD.findall(text, start, at):
            w = w.lower()
            if w.startswith(low) and (w in self.names.roles or w.rsplit("-", 1)[-1] in self.names.roles):
                return True
        return False

    def is_role(self, words: Sequence[str]) -> bool:
        """Words that name a role, not someone: none a listed name, each in lower case, a speaker role or
        an everyday word ("peer mentor", "Sign Language Interpreter"; not "Tobias Rendle", "Kate Walsh")."""
        return bool(words) and all(
            not self.names.is_name(w)
            and (w.islower() or w.lower() in self.names.roles or zipf(w.lower()) >= ROLE_WORD_ZIPF)
            for w in words
        )


def _shortens(abbreviation: str, words: Sequence[str]) -> bool:
    """Whether an abbreviation in mixed case shortens those words: the start of the first ("Mo" of "mother") or
    the initials of all ("HoH" of "head of household")."""
    short = abbreviation.lower()
    return bool(words) and (words[0].lower().startswith(short) or "".join(w[0] for w in words).lower() == short)


def _expansion(words: list[str], abbreviation: str) -> list[str]:
    """The words an abbreviation abbreviates: their initials ("key worker (KW)"), or the start of the last
    word ("interpreter (INTERP)")."""
    last = words[-len(abbreviation) :]
    if len(last) == len(abbreviation) and "".join(w[0] for w in last).upper() == abbreviation:
        return last
    if len(abbreviation) > 1 and words[-1].upper().startswith(abbreviation):
        return words[-1:]
    return []


def _spelled_out(words: list[str], abbreviation: str) -> bool:
    """Whether the words open by spelling the abbreviation out: its letters as their initials ("general
    practitioner" of GP), or the first word starting with it ("street" of ST)."""
    letters = abbreviation.replace("-", "").lower()
    if not words:
        return False
    if words[0].startswith(letters):
        return True
    return len(words) >= len(letters) and "".join(w[0] for w in words[: len(letters)]) == letters
