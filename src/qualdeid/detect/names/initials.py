"""Initials written in capitals without dots, as people: "sat w/ RS", "HM walked them out", "G is eating".

Handover notes and texts name people by their initials. An upper-case token of one to three letters
counts as a person in a document once it stands somewhere in that document in a place only a person
fills (after "w/", "told", "signed"; before "said", "offered", "'s"); then its other occurrences in the
document count too, except after an article ("the GP", "a DJ"). Abbreviations listed in
``rules/names/not_initials.txt`` never count, and a single letter needs a person context of its own
(so "Plan B" and "vitamin D" stay words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.transcript_roles import TranscriptRoles
from qualdeid.rules import Rules, alternation

#: A capital letter of the Latin script, with its diacritics: the initials of "Łucja Kowal" or "Zeynep Çelik"
#: are "ŁK" and "ZÇ".
UPPER = (
    "[A-Z"
    + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and unicodedata.name(c, "").startswith("LATIN"))
    + "]"
)
#: Initials: "RS", "K", "ŁK"; with a particle's or a prefix's small letters ("JdlC", "KMcC", "GvdM") or a
#: double surname's hyphen ("JH-P").
_SHAPE = rf"{UPPER}{{1,3}}|[A-Z](?:[a-z]{{0,3}}[A-Z]){{1,3}}(?<=[a-z][A-Z])|{UPPER}{{1,3}}-{UPPER}{{1,3}}"
#: of two letters or more
_SHAPE_2 = _SHAPE.replace("{1,3}", "{2,3}", 1)
_TOKEN = re.compile(rf"(?<![\w&/.'’-])({_SHAPE})(?![\w&/-]|'(?!s\b)|\.{UPPER})")
#: initials joined by a slash: "QVX/ZT", "QV/XQ"
_SLASHED = re.compile(rf"(?<![\w&/.'’-])(?:{_SHAPE_2})(?:/(?:{_SHAPE_2}))+(?![\w&/-])")
_WORD_BEFORE = re.compile(r"([\w/&+'’]+)[ \t:]*$")
#: initials opening a transcript's turn, maybe after its time: "LA: What ...", "[00:12:04] CG: I ..."
_TURN_INITIALS = re.compile(
    r"^[ \t]*(?P<time>\[?\d{1,2}(?::\d{2}){1,2}\]?[ \t]*)?([A-Z]{2,3})[ \t]*:(?=[ \t]+\S)", re.MULTILINE
)
_WORD_AFTER = re.compile(r"^[ \t]*(['’]s\b|[\w']+)")

#: Words after which a single letter may open a clause: "But W texted", "and K said".
CLAUSE_OPENERS = frozenset(["and", "but", "so", "because", "cos", "then", "when", "if", "that", "while"])
#: Words before that make it a thing: "the GP", "a DJ".
ARTICLES = frozenset(["the", "a", "an", "this", "that", "his", "her", "my", "your", "our", "their", "its"])
#: A token this common as a word (wordfreq Zipf) is a word in capitals, not initials.
SHOUTED_WORD_ZIPF = 5.0
#: Common words written in capitals when shouting: "HE SAID", "WE ARE".
_SHOUTED = frozenset(
    [
        "I",
        "A",
        "AN",
        "AS",
        "AT",
        "BE",
        "BY",
        "DO",
        "GO",
        "HE",
        "HI",
        "IF",
        "IN",
        "IS",
        "IT",
        "ME",
        "MY",
        "NO",
        "OF",
        "OH",
        "ON",
        "OR",
        "SO",
        "TO",
        "UP",
        "US",
        "WE",
        "YO",
    ]
)


class Initials:
    """Finds initials that act as a person, with the words of ``rules/names/initials.yaml``."""

    def __init__(
        self, rules: Rules, not_initials: frozenset[str], is_first_name: Callable[[str], bool] | None = None
    ) -> None:
        #: a listed first name ("Rosa"), for a letter's name in brackets ("R. (Rosa, 9)")
        self.is_first_name = is_first_name or (lambda word: False)
        #: titles before a full name its initials leave out ("Dr Nuri Ostrander (NO)")
        self.titles = rules.words("names/titles.txt", lower=True)
        words = rules.lists("names/initials.yaml")
        relatives = rules.words("lexicons/relatives.txt", lower=True)
        self.not_initials = not_initials
        roles = rules.words("lexicons/speaker_roles.txt", lower=True)
        self.before = words["before"] | {r.split()[-1] for r in roles}
        #: a transcript's role before a colon: "Facilitator: HR" is a person, even one that reads as an abbreviation
        #: ("Interpreter Arabic: QJ", "Co-facilitator/notes: HR": a role, a word about it, then the colon)
        self.role_label = re.compile(
            rf"(?i:\b(?:{alternation(roles | words['labels'])}))(?:[ \t/]+[A-Za-z-]+)?[ \t]*:[ \t]*$"
        )
        self.labels = words["labels"]
        #: "Present: YP, her aunt": the role case notes give the person they are about, in capitals
        self.subject_roles = frozenset(w.upper() for w in words["subject_roles"])
        #: "three researchers (": every member of the bracketed list of initials that follows is a person
        #: also after its comma or colon ("the views are those of the authors, KT, PA and J-LO")
        self.people_before_brackets = re.compile(rf"\b(?i:{words.pattern('people_before_brackets')})[ \t]*[(,:][ \t]*$")
        #: "Interviewer PA", "notes DJ": a research role right before initials, even ones that read as an
        #: abbreviation
        self.role_before = re.compile(rf"\b(?i:{words.pattern('role_before')})[ \t]+$")
        #: "Conceptualization: AB, CdlD. Writing, original draft: AB": an author contribution statement's role,
        #: then the initials of the authors who took it
        self.contribution = re.compile(
            rf"(?<![\w-])(?i:{words.pattern('contribution_roles')})(?:[ \t]*[,–—-][ \t]*[a-z][a-z &]{{0,30}})?"
            rf"[ \t]*:[ \t]*(?P<list>(?:{_SHAPE_2})(?:[ \t]*(?:,|&|\band\b)[ \t]*(?:and[ \t]+)?(?:{_SHAPE_2}))*)"
            r"(?![\w&/'-])"
        )
        self.roles = roles
        self.interviewer_labels = words["interviewer_labels"]
        #: "RA1 (QvdB)": a team role's abbreviation, maybe numbered, then a member's initials in brackets
        self.role_abbreviation_bracket = re.compile(
            rf"(?<![\w-])(?i:{words.pattern('role_abbreviations')})\d{{0,2}}"
            rf"[ \t]*\([ \t]*(?P<initials>{_SHAPE_2})[ \t]*\)"
        )
        self.transcript_roles = TranscriptRoles(rules)
        #: a line listing people after its label: "Present:", "Staff:", "On shift:", "Families:"
        self.roll_line = re.compile(
            rf"^[ \t>*•-]*(?i:(?:[a-z]+[ \t]+)?(?:{alternation(words['labels'] | words['roll_labels'])}))[ \t]*:"
            r"(?P<rest>[^\n]+)$",
            re.MULTILINE,
        )
        #: a label alone on its line ("Staff:", "Volunteers (as in the logs):"), then a list whose items
        #: each open with someone's initials ("- QB (lead) - runs sessions", "- ZT - Tuesdays")
        self.roll_block = re.compile(
            rf"^[ \t>*•-]*(?i:(?:[a-z]+[ \t]+)?(?:{alternation(words['labels'] | words['roll_labels'])}))"
            r"(?:[ \t]*\([^()\n]{0,60}\))?[ \t]*:[ \t]*\n(?P<items>(?:[ \t]*[-*•][^\n]*(?:\n|$))+)",
            re.MULTILINE,
        )
        self.after = words["after"] | {"'s", "’s"}
        #: "handover tk -> aga", "notes mb – wk 12": the writer's initials in lower case after the first line's
        #: word for notes
        self.note_header = re.compile(
            rf"\A[ \t\n]*(?:[^\W\d_]+[ \t]+){{0,2}}(?i:{words.pattern('note_headers')})[ \t]+"
            r"(?P<initials>[^\W\d_A-Z]{2,3})[ \t]*(?:–|—|-+>?|→|:|,|\n|$)"
        )
        #: "Field notes — RW — 3 May", "PI memo – T-OB – 2024-02-01": the writer's initials in capitals set off by
        #: dashes after the first line's word for notes
        self.note_byline = re.compile(
            rf"\A[ \t\n]*(?:[^\W\d_]+[ \t]+){{0,2}}(?i:{words.pattern('note_headers')})[ \t]*[–—-][ \t]*"
            rf"(?P<initials>{_SHAPE_2})[ \t]*[–—,-]"
        )
        self.not_authors = words["not_authors"] | {w.lower() for w in not_initials}
        self.not_verbs = words["not_verbs"]
        self.not_tasks = words["not_tasks"] | ARTICLES
        #: "I'll call him W", "named her K"
        self.named = re.compile(rf"\b(?:{words.pattern('naming')})[ \t]+(?:him|her|them)[ \t]+$", re.IGNORECASE)
        #: A person's description in brackets after initials: "QJ (M, 40s)", "BQ (manager)", "(support worker)", a
        #: participant's code, maybe after a role's abbreviation: "QJ (P3)", "QJ (HCA, P07)".
        self.described = re.compile(
            r"[ \t]*\([ \t]*(?:[MF][ \t]*[,)]|\d|(?:early|mid|late)[ \t-]|(?:[A-Z]{2,4},[ \t]*)?P\d{1,3}[ \t]*[,)]"
            r"|Y\d{1,2}\b|(?i:year|yr)[ \t]*\d"  # a school year: "(Y4, home early)", "(year 9)"
            rf"|[a-z ]*\b(?:{words.pattern('described_as')})s?[ \t]*[,)])"
        )
        #: "DE on call", "KT on shift tonight", "RS pls ring", "+ son": on duty, asked to act, with a relative.
        self.on_duty = re.compile(
            rf"[ \t]+(?:on[ \t]+(?:{words.pattern('on_duty')})\b|(?:pls|please)[ \t]+[a-z]"
            rf"|\+[ \t]*(?:{alternation(words['with_relative'] | relatives)})\b)"
        )

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each occurrence of initials that act as a person somewhere in `text`."""
        occurrences: dict[str, list[tuple[int, int, bool, bool]]] = {}
        partners: dict[str, set[str]] = {}
        #: abbreviations that are someone's initials in this document ("DM (peer worker)", "Facilitator: HR",
        #: "Nia Eze (NE)"); elsewhere in it they count only where they act ("DM said", not "DM me")
        people_abbreviations: set[str] = set()
        #: of those, the ones spelled out beside the full name whose initials they are ("Tobin Carr (TC)"): the
        #: person wherever they stand, as a minutes' "- TC: to call" does, except after an article
        spelled_out: set[str] = set()
        abbreviations: list[re.Match[str]] = []
        roles = self.transcript_roles.abbreviations(text)
        #: "Present: ON, IF, GP": initials on a line of people named by its label, even words and abbreviations
        on_roll = self.roll_call(text)
        for token, places in self.turn_speakers(text, roles).items():
            on_roll.setdefault(token, []).extend(places)
        for token, places in self.transcript_roles.letter_speakers(text).items():
            if token not in roles:
                on_roll.setdefault(token, []).extend(places)
        for token, places in self.role_bracketed(text).items():
            on_roll.setdefault(token, []).extend(places)
        #: "QB (PI) – sociologist / ZT – research assistant": a list of a team's members by their initials
        for token, places in self.transcript_roles.team_members(text).items():
            on_roll.setdefault(token, []).extend(places)
        #: initials the document shows to be people, even where they read as a word or an abbreviation
        #: ("three coders (HR, PR and IT)", "Methodology: PR, TK", "by KT and OR")
        established = self.established(text)
        shouted: list[re.Match[str]] = []
        #: words in capitals that the document gives as someone's initials after their full name
        defined: set[str] = set()
        #: of those, the ones beside the full name whose initials they are ("Bello Yusufu (BY)"): that person
        #: wherever they stand where initials can ("visit BY.", "- BY"), except after an article
        defined_in_full: set[str] = set()
        for m in _TOKEN.finditer(text):
            token = m.group(1)
            if token in roles or token in self.subject_roles:
                continue  # "NT" of "note taker (NT)", a transcript's "P:", case notes' "YP": a role
            if self.shouted(token) and not _dotted_in_clause(text, m.end()):  # "A. skips swimming": no article
                if len(token) > 1 and (
                    self.defined_at(text, m.start(), m.end())  # "Ines Fairweather (IF)", "translated by DO"
                    or (_SEX_AND_AGE.match(text, m.end()) and not self._after_article(text, m.start()))
                ):
                    # "Ines Fairweather (IF)", "IF (Ines Fairweather)", field notes' "IF (F, 50s)": someone's
                    # initials, though they read as a word
                    defined.add(token)
                    if self.named_in_full(text, m.start(), m.end()):
                        defined_in_full.add(token)
                    occurrences.setdefault(token, []).append((m.start(), m.end(), True, True))
                else:
                    shouted.append(m)
                continue  # "SHE", "NOT": a word in capitals
            if token in self.not_initials:
                if not (len(token) > 1 and (token in on_roll or token in established or self._introduced(text, m))):
                    abbreviations.append(m)
                    continue  # "the GP"
                people_abbreviations.add(token)
                if self.named_in_full(text, m.start(), m.end()):
                    spelled_out.add(token)
            acts = self._acts_at(text, m)
            if acts is None:
                continue
            # a letter that speaks ("O: So, what ...") is a person where the notes introduced it as one
            speaks = acts or (len(token) == 1 and _speaks(text, m.start(), text[m.end() : m.end() + 40]))
            occurrences.setdefault(token, []).append((m.start(), m.end(), acts, speaks))
            joined = _JOINED.search(text, max(0, m.start() - 12), m.start())
            if joined:
                partners.setdefault(token, set()).add(joined.group(1))
        for m in abbreviations:
            if m.group(1) not in people_abbreviations:
                continue
            acts = self._acts_at(text, m)
            if acts or (acts is not None and m.group(1) in spelled_out):
                occurrences.setdefault(m.group(1), []).append((m.start(), m.end(), True, True))
        for m in shouted:
            if m.group(1) not in on_roll and m.group(1) not in established and m.group(1) not in defined:
                continue
            # a word that is someone's initials here ("ON", "IF") counts where a person opens a clause or
            # follows a person's word ("ON to ask the GP", "with IF"), never where words are shouted
            before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            prev = before.group(1).lower() if before else ""
            acts = self._acts_at(text, m)
            if m.group(1) in defined and (
                acts
                or (m.group(1) in defined_in_full and acts is not None and not self._after_article(text, m.start()))
            ):  # "IF (F, 50s) ... later IF talked to us"; "Bello Yusufu (BY) ... school visit BY."
                occurrences.setdefault(m.group(1), []).append((m.start(), m.end(), True, True))
                continue
            if m.group(1) not in on_roll and m.group(1) not in defined:
                # shown to be a person elsewhere only ("with IT reviewing"): where a person acts, not where a
                # clause opens ("IT support was ...")
                if acts or prev in self.before:
                    occurrences.setdefault(m.group(1), []).append((m.start(), m.end(), True, True))
                continue
            if acts is not None and (
                prev in self.before
                or _JOINED.search(text, max(0, m.start() - 12), m.start()) is not None  # "ZV + ON to visit"
                or (self._opens_clause(text, m.start(), prev) and not _PUNCTUATION_NEXT.match(text, m.end()))
            ):
                occurrences.setdefault(m.group(1), []).append((m.start(), m.end(), True, True))
        for token, places in on_roll.items():
            occurrences.setdefault(token, []).extend((start, end, True, True) for start, end in places)
        acting = {t for t, found in occurrences.items() if any(acts for _, _, acts, _ in found)}
        # "the authors, KT, RW and J-LO" ... "let RW sit with them"; an abbreviation counts only where it acts
        acting |= (established - people_abbreviations) & occurrences.keys()
        # "On shift: HM + NP": initials joined to a person's initials by "+", "&" or "and" are a person too
        acting |= {t for t, joined in partners.items() if t in occurrences and joined & acting}
        found_at: set[int] = set()
        for token, found in occurrences.items():
            if token not in acting:
                continue
            for start, end, _, speaks in sorted(set(found)):
                if start in found_at:
                    continue
                if speaks or len(token) > 1:
                    found_at.add(start)
                    yield start, end
        # "QVX/ZT: to phone the school", "QV/XQ (by phone)": people's initials joined by a slash, each a person here
        for run in _SLASHED.finditer(text):
            members = list(re.finditer(r"[^/]+", run.group()))
            if all(m.group() in acting and len(m.group()) > 1 for m in members):
                for m in members:
                    if run.start() + m.start() not in found_at:
                        found_at.add(run.start() + m.start())
                        yield run.start() + m.start(), run.start() + m.end()
        for start, end in self._dotted_again(text, found_at):
            found_at.add(start)
            yield start, end
        for start, end in self._listed(text, acting, established):
            if start not in found_at:
                found_at.add(start)
                yield start, end
        for start, end in [
            *self.contributions(text),
            *self.note_author(text),
            *self.defined_letters(text),
            *self.signed(text),
        ]:
            if start not in found_at:
                found_at.add(start)
                yield start, end

    def defined_letters(self, text: str) -> Iterator[tuple[int, int]]:
        """A single letter the document gives as someone's initial, beside their name ("Dovile Marsk (D)",
        "Vanya (V)", "T. (Teodor, 14)", a transcript's key "W = Aunty Wendeline") or with its full stop and an
        age ("T. (14)"), is that person wherever it
        stands alone in it ("V absent 3 days", "refer V to the mentor", "T. quiet"), except after an article,
        inside a word's brackets ("N(A)") or as a transcript's role. Written with its full stop where defined so,
        it counts only so ("A." and not the article "A"); the letters that are English words (A, I, O) count only
        so."""
        matches = [m for m in _TOKEN.finditer(text) if len(m.group(1)) == 1]
        defined: dict[str, bool] = {}
        for m in matches:
            token = m.group(1)
            dotted = text.startswith(".", m.end())
            if (
                _initials_of_name_before(text, m.start(), token, self.titles)
                or self._first_name_after_is_theirs(text, m.end() + dotted, token)
                or self.transcript_roles.gives_name(text, m.start(), m.end())
                or (dotted and _AGE_IN_BRACKETS.match(text, m.end() + 1) is not None)
            ):
                defined[token] = defined.get(token, True) and (dotted or token in _SHOUTED)
        if not defined:
            return
        roles = self.transcript_roles.abbreviations(text)
        for m in matches:
            token = m.group(1)
            if token not in defined or token in roles:
                continue
            if defined[token] and not text.startswith(".", m.end()):
                continue
            if m.start() >= 2 and text[m.start() - 1] == "(" and text[m.start() - 2].isalnum():
                continue  # "N(A)"
            before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if before is not None and before.group(1).lower() in ARTICLES - CLAUSE_OPENERS:
                continue  # "the V", "his T." (but "that T. can stay")
            yield m.start(), m.end()

    def _dotted_again(self, text: str, found_at: set[int]) -> Iterator[tuple[int, int]]:
        """A letter with its full stop that acts as a person somewhere in the document ("K. came in today") is that
        person wherever else it stands with its full stop ("Subject: worried about K. - private"), except after an
        article or inside a word's brackets; never a letter that is an English word (A, I, O)."""
        people = {
            text[start]
            for start in found_at
            if text.startswith(".", start + 1) and text[start] not in "AIO" and _LETTER.match(text, start) is not None
        }
        if not people:
            return
        for m in _TOKEN.finditer(text):
            token = m.group(1)
            if token not in people or m.start() in found_at or not text.startswith(".", m.end()):
                continue
            if self._after_article(text, m.start()):
                continue  # "the K."
            if m.start() >= 2 and text[m.start() - 1] == "(" and text[m.start() - 2].isalnum():
                continue  # "N(A.)"
            yield m.start(), m.end()

    def _first_name_after_is_theirs(self, text: str, end: int, letter: str) -> bool:
        """ "T. (Teodor, 14)", "R (Rosa)": a listed first name or a word English hardly uses in brackets right
        after a letter, whose initial it is (no English word: "K (Kiosk)")."""
        m = _NAME_IN_BRACKETS.match(text, end)
        if m is None:
            return False
        word = m.group().strip(" \t(),").split()[0]
        return word[0] == letter and (self.is_first_name(word) or zipf(word.lower()) < BRACKETED_NAME_ZIPF)

    def note_author(self, text: str) -> Iterator[tuple[int, int]]:
        """The writer's initials in lower case that head notes ("handover tk -> aga", "notes mb – wk 12"), and
        each later use of them standing alone ("tk" signing off)."""
        byline = self.note_byline.match(text)
        if byline is not None and not self.shouted(byline.group("initials")):
            token = byline.group("initials")
            for use in _TOKEN.finditer(text):
                if use.group(1) == token and not self._after_article(text, use.start()):
                    yield use.start(1), use.end(1)
            return
        m = self.note_header.match(text)
        if m is None:
            return
        token = m.group("initials")
        if token in self.not_authors or token in STOP_WORDS or zipf(token) >= SHOUTED_WORD_ZIPF:
            return
        for use in re.finditer(rf"(?<![\w.'’-]){re.escape(token)}(?![\w'’-]|\.\w)", text):
            yield use.start(), use.end()

    def signed(self, text: str) -> Iterator[tuple[int, int]]:
        """The writer's initials signing an entry after a dash at its end: "Flagged the damp. - QT", a last line
        "-- RB"; not an abbreviation, a word in capitals, nor an item of a list of them ("- TV" above "- PC")."""
        for m in _SIGNED.finditer(text):
            token = m.group("initials")
            if token in self.not_initials or self.shouted(token):
                continue
            if m.group("line") is not None and not m.group("line").startswith("--"):
                rest = text[m.end() :].strip()
                above = text[: m.start("line")].rstrip("\n").rsplit("\n", 1)[-1].lstrip()
                if rest or above.startswith(("-", "–", "—")):
                    continue  # "- TV": an item of a list, where more follows or comes before
            yield m.span("initials")

    def contributions(self, text: str) -> Iterator[tuple[int, int]]:
        """The initials listed after each role of an author contribution statement ("Investigation: KS, PR"),
        where two roles at least are given (a lone "Software: SAS" names a program)."""
        statement = list(self.contribution.finditer(text))
        if len(statement) < 2:
            return
        for c in statement:
            for m in _MEMBER.finditer(c.group("list")):
                yield c.start("list") + m.start(), c.start("list") + m.end()

    def established(self, text: str) -> set[str]:
        """Initials shown to be people somewhere in `text`: listed in brackets after people ("three coders (HR,
        PR and IT)"), after an author contribution's role ("Investigation: KS, PR"), or after a person's place
        with initials that are no word nor abbreviation ("transcribed by KT and OR")."""
        out = {text[start:end] for start, end in self.contributions(text)}
        for run in _INITIALS_LIST.finditer(text):
            blanked = _BRACKETED_NOTE.sub(lambda n: " " * len(n.group()), run.group())
            members = [m.group() for m in _MEMBER.finditer(blanked)]
            if self.people_before_brackets.search(text, max(0, run.start() - 30), run.start()):
                out.update(members)
                continue
            before = _WORD_BEFORE.search(text, max(0, run.start() - 30), run.start())
            line = text[text.rfind("\n", 0, run.start()) + 1 : run.start()]
            if (
                before is not None
                and before.group(1).lower() in self.before
                and any(c.islower() for c in line)
                and any(t not in _SHOUTED and t not in self.not_initials and not self.shouted(t) for t in members)
            ):
                out.update(members)
        return out

    def turn_speakers(self, text: str, roles: set[str]) -> dict[str, list[tuple[int, int]]]:
        """Initials that open two turns or more of a transcript where other initials take turns too ("LA: What
        does a normal week look like?" ... "CG: I work"): a speaker's, even where they read as a word or an
        abbreviation; no role ("INT:"), listed abbreviation ("PM:") or English function word ("ME:")."""
        turns: dict[str, list[tuple[int, int]]] = {}
        #: initials whose every turn opens after its time ("[00:12:02] HQ: ..."): a recording's speaker
        timed: set[str] = set()
        untimed: set[str] = set()
        for m in _TURN_INITIALS.finditer(text):
            turns.setdefault(m.group(2), []).append(m.span(2))
            (timed if m.group("time") else untimed).add(m.group(2))
        speakers = {t: p for t, p in turns.items() if len(p) >= 2}
        if len(speakers) < 2:
            return {}
        return {
            t: p
            for t, p in speakers.items()
            if t not in roles
            and t not in self.subject_roles
            and (
                (t not in self.not_initials and t.lower() not in STOP_WORDS)
                # timed turns taken in alternation with other speakers are a speaker's, even initials that read
                # as a word or an abbreviation ("[0:01:10] UN: What else ...", "[00:12:30] HQ: So ...")
                or (t in timed and t not in untimed and not self.roles_word(t))
            )
        }

    def roles_word(self, token: str) -> bool:
        """A speaker role's abbreviation or word ("INT", "MOD"), which stays a role after a time too."""
        low = token.lower()
        return low in self.roles or low in self.interviewer_labels or self.role_label.search(token + ":") is not None

    def role_bracketed(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Initials in brackets right after a team role's abbreviation ("RA1 (QvdB)", "Observer: RA3 (ZT)", "co-PI
        (XQ)"): that member's, even where they read as a word or an abbreviation."""
        out: dict[str, list[tuple[int, int]]] = {}
        for m in self.role_abbreviation_bracket.finditer(text):
            token = m.group("initials")
            if token not in self.subject_roles and not self.roles_word(token):
                out.setdefault(token, []).append(m.span("initials"))
        return out

    def roll_call(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Initials on a line that a people label opens ("Present: ON (chair), ZV, QT", "Families: IF + wife,
        QB", "On shift: VD, KZ"): each is a person, even a word or an abbreviation, where the line holds
        two initials at least or nothing else; not on a line in capitals."""
        out: dict[str, list[tuple[int, int]]] = {}
        for line in self.roll_line.finditer(text):
            rest = _SENTENCE_AFTER_LIST.split(line.group("rest"), maxsplit=1)[0]
            members = list(_MEMBER.finditer(_BRACKETED_NOTE.sub(lambda n: " " * len(n.group()), rest)))
            alone = len(members) == 1 and rest.strip() == members[0].group()
            if not (len(members) >= 2 or alone) or not any(c.islower() for c in line.group()):
                continue
            for m in members:
                if m.group() in self.subject_roles:
                    continue
                start = line.start("rest") + m.start()
                out.setdefault(m.group(), []).append((start, start + len(m.group())))
        for block in self.roll_block.finditer(text):
            items = [
                m for m in _LISTED_ITEM.finditer(text, block.start("items"), block.end("items")) if m.group("initials")
            ]
            if len(items) < 2:
                continue
            for m in items:
                if m.group("initials") not in self.subject_roles:
                    out.setdefault(m.group("initials"), []).append(m.span("initials"))
        return out

    def named_in_full(self, text: str, start: int, end: int) -> bool:
        """Whether the initials at ``start:end`` stand beside the full name whose initials they are: "Nia Eze
        (NE)", "PRN (Pellam Roderick Neeve)"."""
        token = text[start:end]
        return (
            _initials_of_name_before(text, start, token, self.titles)
            or _name_after_is_theirs(text, end, token)
            or self.transcript_roles.gives_name(text, start, end)
        )

    def defined_at(self, text: str, start: int, end: int) -> bool:
        """Whether the initials at ``start:end`` are given as a person's there: beside their full name, or after a
        research role that a person takes ("translated by DO")."""
        return self.named_in_full(text, start, end) or bool(self.role_before.search(text, max(0, start - 30), start))

    def _introduced(self, text: str, m: re.Match[str]) -> bool:
        """Initials introduced as a person's: described ("DM (peer worker)"), after a role label
        ("Interpreter Arabic: HR"), or in brackets after the full name they abbreviate ("Nia Eze (NE)")."""
        return bool(
            (self.described.match(text, m.end()) and not self._after_article(text, m.start()))
            or self.role_label.search(text, max(0, m.start() - 30), m.start())
            or self.role_before.search(text, max(0, m.start() - 30), m.start())
            or self.named_in_full(text, m.start(), m.end())
        )

    def _acts_at(self, text: str, m: re.Match[str]) -> bool | None:
        """Whether the initials at ``m`` act as a person there; None where they cannot be one ("the GP",
        "Plan B", shouting)."""
        token = m.group(1)
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        # field notes write a letter with its full stop: "M. said", "in K.'s room"
        dotted = len(token) == 1 and text.startswith(".", m.end())
        after = _WORD_AFTER.match(text[m.end() + dotted : m.end() + 30])
        prev = before.group(1).lower() if before else ""
        nxt = after.group(1).lower().replace("’", "'") if after else ""
        if prev in ARTICLES or (after and after.group(1).isupper() and len(after.group(1)) > 1):
            return None  # "the GP"; "HE SAID" is shouting
        if token in _YES_NO and _AFTER_COLON.search(text, max(0, m.start() - 4), m.start()):
            return None  # "Interpreter: Y": a form's yes or no
        named = self.named.search(text, max(0, m.start() - 30), m.start()) is not None
        if len(token) == 1 and _initials_of_name_before(text, m.start(), token, self.titles):
            return True  # "Facilitator: Oskari (O)": the letter the notes call a person by
        speaks = _speaks(text, m.start(), text[m.end() : m.end() + 40])  # "00:48 D: he says"
        #: field notes' letter with its full stop, then what the person does or a word about them: "says
        #: K. skips swimming", "K. must not drive", "cousin K. (M, 20)", "K. (the cook)"
        dotted_person = (
            dotted
            and _dotted_in_clause(text, m.end())
            and (
                (self._acts(nxt) and nxt not in _LINKING)  # "K. skips swimming", not "vitamin D. was low"
                or nxt in _DOTTED_NEXT
                or self.described.match(text, m.end() + 1) is not None
                or _DESCRIBED_BY_ARTICLE.match(text, m.end() + 1) is not None
            )
        )
        if len(token) == 1 and not (
            named or speaks or self._opens_clause(text, m.start(), prev) or (dotted and nxt == "'s") or dotted_person
        ):
            return None  # "Plan B", "vitamin D": a letter after a word names a thing
        kiss = re.match(r"[ \t]+x+[ \t]*(?:\n|$)", text[m.end() : m.end() + 8]) is not None  # a sign-off: "D x"
        rest = text[m.end() : m.end() + 40]
        return (
            named
            or kiss
            or dotted_person
            or prev in self.before
            or self._acts(nxt)
            or (len(token) > 1 and (self._described_or_on_duty(text, m.start(), rest) or self._introduced(text, m)))
            or (len(token) > 1 and self._opens_clause(text, m.start(), prev) and self._tasked(rest))
        )

    def acts_at(self, text: str, start: int) -> bool:
        """Whether the initials at ``start`` act as a person there ("CD came", "told CD"), for initials shown to
        be a person elsewhere in the corpus."""
        m = _TOKEN.match(text, start)
        return m is not None and bool(self._acts_at(text, m))

    def _tasked(self, rest: str) -> bool:
        """ "ET to talk to her", "EH can you?": initials opening a clause, then a task or a modal verb."""
        m = _TASK.match(rest)
        return m is not None and (m.group(1) is None or m.group(1) not in self.not_tasks)

    def _listed(self, text: str, acting: set[str], established: set[str]) -> Iterator[tuple[int, int]]:
        """ "coded by QA, HR and TW": initials listed with initials that act as people are people too,
        even one that is also an abbreviation (HR, PR, IT); a list of abbreviations only stays one."""
        for run in _INITIALS_LIST.finditer(text):
            # the notes in brackets blanked out, so that "(PI)" is no member
            members = list(_MEMBER.finditer(_BRACKETED_NOTE.sub(lambda n: " " * len(n.group()), run.group())))
            tokens = [m.group() for m in members]
            if self.people_before_brackets.search(text, max(0, run.start() - 30), run.start()):
                for m in members:  # "three researchers (HR, PR and IT)": people, though each reads as a term
                    yield run.start() + m.start(), run.start() + m.end()
                continue
            before = _WORD_BEFORE.search(text, max(0, run.start() - 30), run.start())
            prev = before.group(1).lower() if before else ""
            if all(t in established for t in tokens):
                if prev not in ARTICLES:  # "HR and PR then coded the rest", once both are people here
                    for m in members:
                        yield run.start() + m.start(), run.start() + m.end()
                continue
            if any(t in _SHOUTED for t in tokens) or all(t in self.not_initials for t in tokens):
                continue
            if prev in ARTICLES or not (prev in self.before or prev in self.labels or any(t in acting for t in tokens)):
                continue
            if any(self.shouted(t) for t in tokens) and not (prev in self.before or prev in self.labels):
                continue  # "OK and AL" is a word and a name unless a person's place comes before: "by AL and OK"
            for m in members:
                yield run.start() + m.start(), run.start() + m.end()

    def shouted(self, token: str) -> bool:
        return token in _SHOUTED or (len(token) > 1 and zipf(token.lower()) >= SHOUTED_WORD_ZIPF)

    def _after_article(self, text: str, start: int) -> bool:
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        return before is not None and before.group(1).lower() in ARTICLES

    def _described_or_on_duty(self, text: str, start: int, rest: str) -> bool:
        return (
            self.described.match(rest) is not None
            or _NAME_IN_BRACKETS.match(rest) is not None
            or self.on_duty.match(rest) is not None
            or _speaks(text, start, rest)
        )

    def _acts(self, nxt: str) -> bool:
        """ "HM walked", "QJ tells me", "BQ doesn't": the word after initials is a verb."""
        if nxt in self.after or (len(nxt) > 3 and nxt.endswith(("ed", "ing"))):
            return True
        if nxt in _NEGATED_AUXILIARIES:
            return True
        return len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith(("ss", "us", "is")) and nxt not in self.not_verbs

    def _opens_clause(self, text: str, start: int, prev: str) -> bool:
        if not prev or prev in self.before or prev in CLAUSE_OPENERS:
            return True
        if re.search(r"[.!?:;,\n][ \t]*$", text[max(0, start - 3) : start]) is not None:
            return True
        return _TIME_BEFORE.search(text, max(0, start - 12), start) is not None  # "21:15 K. tidies up"


#: "BQ doesn't", "TQ wouldn't have": a negated auxiliary after initials opens what a person did or would do
_NEGATED_AUXILIARIES = frozenset(
    {
        f"{verb}n't"
        for verb in ("does", "did", "is", "was", "has", "had", "would", "could", "should", "must", "might", "were")
    }
    | {"can't", "won't"}
)
#: a person's sex and age band in brackets, as field notes describe someone: "(M, 60s)", "(F 30s)", "(f, 72)"
_SEX_AND_AGE = re.compile(r"[ \t]*\([ \t]*[MFmf][ \t]*[,;/ ][ \t]*(?:\d{1,3}s?|(?:early|mid|late)[ \t-]+\d0s)[ \t]*\)")
#: after a letter's full stop, words that go on with the person's clause: "K. must not drive", "K. not to be asked"
_DOTTED_NEXT = frozenset({"must", "not", "can", "cannot", "could", "will", "would", "should", "to"})
#: verbs after a letter's full stop that a thing does as well: "Her vitamin D. was low", "a B. has"
_LINKING = frozenset({"was", "is", "were", "are", "has", "had", "'s", "seemed", "looked", "felt", "got"})
#: a person described in brackets after their letter: "K. (the drummer)", "K. (his cousin)"
_DESCRIBED_BY_ARTICLE = re.compile(r"[ \t]*\([ \t]*(?:the|his|her|their|a|an)[ \t]+[a-z]")
#: the time that opens a line of field notes: "21:15 ", "9.05 "
_TIME_BEFORE = re.compile(r"(?:^|\n)[ \t]*\d{1,2}[:.]\d{2}[ \t]+$")


def _dotted_in_clause(text: str, end: int) -> bool:
    """A letter's full stop that ends no sentence: a lower-case word or a bracket follows ("K. skips", "K. (M)")."""
    return re.match(r"\.[ \t]+(?:[a-z+&]|\()", text[end : end + 4]) is not None


#: where the list of a labelled line ends and a sentence begins ("On shift: TK. Sat w/ TK ...")
_SENTENCE_AFTER_LIST = re.compile(r"[.;!?:][ \t]+(?=[A-Z])|[;!?]")
#: punctuation right after a word ("OK, fine", "IF!"): an answer or an exclamation, not a person opening a clause
_PUNCTUATION_NEXT = re.compile(r"[ \t]*[,!?]")
#: after initials opening a clause in notes: "to" and a verb ("ET to talk to her"), or a modal ("EH can you?")
_TASK = re.compile(r"[ \t]+(?:to[ \t]+([a-z]{2,})\b|(?:can|could|will|would|should|must|pls|please)\b)")
#: Initials joined to other initials before them: "HM + NP", "RS & KT", "TB and JW".
_JOINED = re.compile(rf"(?<![\w&/.'’-])({_SHAPE_2})[ \t]*(?:\+|&|and)[ \t]*$")
#: Two or more initials in a list: "QA, HR and TW", "HR & QA", "QA, TW, and HR"; a member may carry a note in
#: brackets ("QA (PI), HR (notes) and TW").
_NOTE = r"(?:[ \t]*\([^()\n]{1,30}\))?"
_INITIALS_LIST = re.compile(
    rf"(?<![\w&/.'’-])(?:{_SHAPE_2}){_NOTE}"
    rf"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+)(?:{_SHAPE_2}){_NOTE})+"
    r"(?![\w&/'-]|\.[A-Z])"
)
#: an item of a list of people: its initials, maybe a note in brackets, then a dash, a colon or a comma
#: ("- QB (lead) - runs sessions", "* ZT: Tuesdays"); an item that opens otherwise has no initials
_LISTED_ITEM = re.compile(
    rf"^[ \t]*[-*•][ \t]*(?:(?P<initials>{_SHAPE_2})(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]*[-–—:,][ \t])?",
    re.MULTILINE,
)
_BRACKETED_NOTE = re.compile(r"\([^()\n]*\)")
_MEMBER = re.compile(rf"(?<![\w-])(?:{_SHAPE_2})(?![\w-])")
#: a word this common in English makes the words before bracketed initials a term, not a name
COMMON_NAME_WORD_ZIPF = 5.0
#: a form's answers after a label's colon ("Interpreter: Y")
_YES_NO = frozenset({"Y", "N"})
_AFTER_COLON = re.compile(r":[ \t]*$")
#: A full name right before bracketed initials: "Nia Eze (", "Tom de Vries ("
_NAME_BEFORE_BRACKET = re.compile(rf"((?:{UPPER}[\w'’-]*\.?[ \t]+(?:[a-z]{{1,3}}[ \t]+){{0,2}}){{1,3}})\([ \t]*$")
#: A full name, then the person's role in lower-case words set off by a dash or a comma, right before bracketed
#: initials: a meeting's list of who came, "Wilma Quenby - social worker (", "Orla Trebbin, aunt ("
_NAME_ROLE_BEFORE_BRACKET = re.compile(
    rf"(?<![\w'’-])((?:{UPPER}[\w'’-]*\.?(?:[ \t]+(?:[a-z]{{1,3}}[ \t]+){{0,2}}|(?=[ \t]*[,–—-]))){{2,3}})"
    r"[ \t]*(?:(?<=[ \t])[-–—]|,)[ \t]*[a-z][a-z'’/ -]{0,40}\([ \t]*$"
)


#: initials after a dash that ends an entry: after a sentence ("... team. - QT") or on a line of their own
#: ("-- RB"), then the end of the line
_SIGNED = re.compile(
    rf"(?:(?<=[.!?)])[ \t]+(?:-{{1,2}}|[–—])|^(?P<line>[ \t]*(?:-{{1,2}}|[–—])))[ \t]*(?P<initials>{_SHAPE_2})[ \t]*$",
    re.MULTILINE,
)
#: a name written surname first, as rosters and registers list people, right before bracketed initials: "Quarrie,
#: Efia (", "Vellacott-Rew, Ada Rose ("
_LISTED_NAME_BEFORE_BRACKET = re.compile(
    rf"(?<![\w'’-])(?P<surname>{UPPER}[\w'’]+(?:-{UPPER}[\w'’]+)?(?:[ \t]+{UPPER}[\w'’]+)?),[ \t]*"
    rf"(?P<given>{UPPER}[\w'’-]+(?:[ \t]+{UPPER}[\w'’-]+)?)[ \t]*\([ \t]*$"
)


def _initials_of_listed_name_before(text: str, start: int, token: str) -> bool:
    """ "Quarrie, Efia (EQ)", "Vellacott-Rew, Ada (AVR)": initials in brackets after a name written surname first,
    the given name's initials then the surname's (each part of a double surname); no word of the given name
    common in English."""
    m = _LISTED_NAME_BEFORE_BRACKET.search(text, max(0, start - 60), start)
    if m is None or len(token) < 2:
        return False
    given = m.group("given").split()
    surname = re.split(r"[ \t-]+", m.group("surname"))
    if any(zipf(w.lower()) >= COMMON_NAME_WORD_ZIPF for w in given):
        return False  # "Health, Safety (HS)": words of a term (a surname may be a word: "Fox, Heulwen")
    return token == "".join(w[0] for w in [*given, *surname])


#: a capital letter standing alone, as a person's letter does: "K" of "K. came"
_LETTER = re.compile(rf"(?<![\w&/.'’-]){UPPER}(?![\w&/-])")
#: an age in brackets after a letter with its full stop: "K. (15)", "V. (aged 9)"
_AGE_IN_BRACKETS = re.compile(r"[ \t]*\((?:aged?[ \t]+)?\d{1,2}(?:[ \t]*(?:y|yo|yrs?|years?))?\)")
#: a word of a name that is its initial: "O." of "Ines O."
_INITIAL_WORD = re.compile(rf"{UPPER}\.")


def _initials_of_name_before(text: str, start: int, token: str, titles: frozenset[str] = frozenset()) -> bool:
    """ "Nia Eze (NE)", "Tom de Vries (TdV)", "Maria K. (MK)": the initials of the full name right before their
    bracket, a title before it left out ("Dr Nuri Ostrander (NO)")."""
    if start < 1 or text[start - 1] != "(":
        return False
    m = _NAME_BEFORE_BRACKET.search(text, max(0, start - 60), start) or _NAME_ROLE_BEFORE_BRACKET.search(
        text, max(0, start - 100), start
    )
    if _initials_of_listed_name_before(text, start, token):
        return True  # "Quarrie, Efia (EQ)": a roster's name, surname first
    if m is None:
        return False
    words = m.group(1).split()
    while len(words) > 2 and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    if any(zipf(w.lower()) >= COMMON_NAME_WORD_ZIPF for w in words if not _INITIAL_WORD.fullmatch(w)):
        return False  # "Personal Health Number (PHN)": a term and its abbreviation; "Ines O." is a name
    if 1 < len(token) < len(words) and token.isupper() and "".join(w[0] for w in words[-len(token) :]) == token:
        return True  # "Mallama Oyiza Nwaeze (ON)": an honorific no list holds before the name the initials abbreviate
    initials = "".join(w[0] for w in words)
    if len(token) == 1 and len(words) > 1:
        return token == initials[0]  # "D. Okonkwo (D)", "Mira Kent (M)": the letter the notes use for the name
    return initials.upper() == token.upper() or "".join(w[0] for w in words if w[0].isupper()) == token


def _name_after_is_theirs(text: str, end: int, token: str) -> bool:
    """ "PRN (Pellam Roderick Neeve)", "QT – Quillon Tarbet": a full name right after initials, in brackets or after a
    dash, whose words' initials they are."""
    m = _FULL_NAME_AFTER.match(text, end)
    if m is None:
        return False
    words = m.group("name").split()
    if len(words) < 2 or any(zipf(w.lower()) >= COMMON_NAME_WORD_ZIPF for w in words):
        return False
    return "".join(w[0] for w in words if w[0].isupper()) == token


#: a full name after initials: "(Pellam Roderick Neeve)", "– Quillon Tarbet", its words capitalised
_FULL_NAME_AFTER = re.compile(
    rf"[ \t]*(?:\(|[–—-][ \t]+)[ \t]*(?P<name>{UPPER}[\w'’-]+(?:[ \t]+{UPPER}[\w'’-]+){{1,3}})"
    r"(?=[ \t]*[),;:\n–—-]|[ \t]*$)"
)


#: a word in brackets after a letter this rare in English is a name ("Teodor"), not a word ("Kiosk")
BRACKETED_NAME_ZIPF = 3.0


#: "DR (Dawn)", "NP (Nerys) on shift", "KMcD (Kate McDonald)": the name in brackets after initials.
_NAME_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*[A-Z][a-z'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}[ \t]*[,)]")


def _speaks(text: str, start: int, rest: str) -> bool:
    """'ZP: "you'll be closing us"' — a speaker's turn in notes, at a line or sentence start."""
    if not re.match(r"[ \t]*:[ \t]+\S", rest):
        return False
    return re.search(r"(?:^|[\n.!?]|\d[ \t])[ \t]*$", text[max(0, start - 3) : start]) is not None
