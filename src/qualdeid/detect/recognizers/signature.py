"""The writer's initials or short name where a message ends: "...see you then.\\nR", "Best,\\nQuin",
"- V" before a reply, "Q.-V." before "--" and a signature, "> cheers\\n> tavi" at the end of quoted mail.

A message ends at the end of the document, before a signature separator ("--", "__"), before quoted
mail ("On ... wrote:", "> ", "From:", "-----Original Message-----") or before a reply line ("↳ Reply
from ..."). Initials alone on such a last line are the writer's; a single word there is a name only on
the line after a sign-off ("Best,", "Thanks"), where the layout says so whatever word it is ("Best,\\nMerit"),
unless it is a word that signs for a group ("Thanks,\\nTeam").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.recognizers.structure import Found, LayoutWords, _TextRecognizer
from qualdeid.labels import PERSON
from qualdeid.rules import Rules

#: initials alone: "R", "R.", "Q.V.", "QV", "Q-V", "Ü."
_INITIALS = r"(?:[^\W\d_a-zß-ÿ]\.?){1,3}|[^\W\d_a-zß-ÿ]\.?-[^\W\d_a-zß-ÿ]\.?"
#: the last line of a message: a dash or a quote mark, the initials or a word, maybe the writer's name in
#: brackets after initials ("- KL (Kaisa)"), maybe kisses
_LAST_LINE = re.compile(
    rf"^(?P<lead>[ \t>]*(?:[-–—~][ \t]*)?)(?P<name>{_INITIALS}|[^\W\d_][\w'’-]*)"
    r"(?:[ \t]*\([ \t]*[^\W\d_][\w'’-]*[ \t]*\))?[ \t]*(?:[ \t]x+)?[ \t]*$",
    re.MULTILINE,
)
#: what follows the end of a message: a signature separator, quoted mail, a reply
_AFTER_MESSAGE = re.compile(r"[ \t]*(?:--|__|—|-{3,}|>|↳|On[ \t][^\n]{0,80}wrote:|From:|Sent:|\[?(?i:reply|comment))")
#: a line that ends a sentence or a message ("...see you then.", "Thanks!", "❤️")
_LINE_ENDS_SENTENCE = re.compile(r"(?:[.!?)…]|[^\w\s,;:'\"“”’-])[ \t]*$")
#: a short closing line in any language: one to three words and a comma ("Abrazos,", "Alles Liebe,")
_CLOSING_LINE = re.compile(r"[ \t>]*[^\W\d_][\w'’]*(?:[ \t]+[^\W\d_][\w'’]*){0,2}[ \t]*,[ \t]*")
#: a word signing a message at the end of its last sentence's line, after a dash: "See you there. — Name"
_DASHED_NAME = re.compile(r"[.!?][ \t]+[-–—][ \t]*(?P<name>[^\W\d_][\w'’-]*)[ \t]*$", re.MULTILINE)
#: a line of a list: the last one of a list is an item, not a signature ("- eggs\n- Kombucha")
_LIST_ITEM = re.compile(r"[ \t>]*(?:[-–—*•·]|\d{1,2}[.)])")
#: a word that signs after a dash or a closing line without a sign-off is used less than this in English (wordfreq
#: Zipf), unless it is a listed first name: "- Thanks" and "- Everyone" are no one
SIGNATURE_WORD_ZIPF = 3.0
#: single letters that are words, not initials
_WORD_LETTERS = frozenset({"A", "I", "O"})
#: a writer's initials closing a line after a sentence: "Written up the same evening, at home. KD."
_CLOSING_INITIALS = re.compile(r"[a-z0-9)][.!?][ \t]{1,3}(?P<name>[A-Z]{2,3}|(?:[A-Z]\.){2,3})\.?[ \t]*$", re.MULTILINE)

#: a writer's single letter closing a message's last line after a sentence: "...under the blue pot. Q"
_CLOSING_LETTER = re.compile(r"[a-z0-9)][.!?][ \t]{1,3}(?P<name>[A-Z]\.?)[ \t]*$", re.MULTILINE)


class SignatureRecognizer(_TextRecognizer):
    """Initials (or, after a sign-off, a word) alone on the last line of a message: the writer."""

    SCORE = 0.86

    def __init__(self, rules: Rules) -> None:
        self.layout = LayoutWords(rules)
        self.names = NameLexicon.read(rules)
        words = rules.lists("lexicons/layout.yaml")
        #: words that sign for a group or a relation, not a person's name ("Thanks,\nTeam", "Love,\nMum")
        self.not_signatures = words["group_signatures"] | rules.words("lexicons/relatives.txt", lower=True)
        self.sign_off_line = re.compile(
            rf"^[ \t>]*(?i:{words.pattern('sign_offs')}|xx+)[ \t]*[,.!]?[ \t]*$", re.MULTILINE
        )
        #: a sign-off and the writer's initials closing the message's last line: "Cheers mate, Q", "Thanks, R.V."
        self.sign_off_initials = re.compile(
            rf"(?:^|[.!?][ \t]+)[ \t>]*(?i:{words.pattern('sign_offs')})(?:[ \t]+[a-z]+)?[ \t]*[,.!-][ \t]*"
            rf"(?P<name>{_INITIALS})(?:[ \t]+x+)?[ \t]*$",
            re.MULTILINE,
        )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        for m in _CLOSING_INITIALS.finditer(text):
            name = m.group("name")
            letters = name.replace(".", "")
            if letters not in self.names.not_initials and set(letters) != {"X"}:  # "XX": kisses
                yield m.start("name"), m.end("name"), PERSON
        for m in [*self.sign_off_initials.finditer(text), *_CLOSING_LETTER.finditer(text)]:
            name = m.group("name")
            if name.rstrip(".") not in _WORD_LETTERS and self._ends_message(text, m.end()):
                yield m.start("name"), m.end("name"), PERSON
        for m in _LAST_LINE.finditer(text):
            if not self._ends_message(text, m.end()):
                continue
            name = m.group("name")
            above = _line_above(text, m.start())
            after_sign_off = self.sign_off_line.fullmatch(above) is not None
            if _initials(name):
                after_sign_off = after_sign_off or _CLOSING_LINE.fullmatch(above) is not None
                if name.rstrip(".") in _WORD_LETTERS or ("." not in name and name in self.names.not_initials):
                    continue  # "A", "PS", "NB" (but dotted "Q.V." alone at the end signs a message)
                if after_sign_off or _LINE_ENDS_SENTENCE.search(above) or m.group("lead").strip():
                    yield m.start("name"), m.end("name"), PERSON
            elif after_sign_off and name.lower() not in self.not_signatures:
                yield m.start("name"), m.end("name"), PERSON
            elif (
                (m.group("lead").strip() and not _LIST_ITEM.match(above)) or above.rstrip().endswith(",")
            ) and self._signs(name):
                yield m.start("name"), m.end("name"), PERSON  # "...see you soon.\n- Name", "Love you lots,\nName"
        for m in _DASHED_NAME.finditer(text):
            if self._ends_message(text, m.end()) and self._signs(m.group("name")):
                yield m.start("name"), m.end("name"), PERSON  # "See you all there. — Name"

    def _signs(self, word: str) -> bool:
        """A word that signs a message after a dash or a closing line that is no sign-off ("Love you lots,"):
        capitalised, not a group's or a relative's word, and a listed first name or a word English hardly uses."""
        low = word.lower()
        return (
            word[:1].isupper()
            and not word.isupper()
            and low not in self.not_signatures
            and (self.names.is_first_name(word) or zipf(low) < SIGNATURE_WORD_ZIPF)
        )

    def _ends_message(self, text: str, end: int) -> bool:
        rest = text[end:].lstrip("\n\r \t")
        return not rest or _AFTER_MESSAGE.match(rest) is not None


def _initials(word: str) -> bool:
    return re.fullmatch(_INITIALS, word) is not None


def _line_above(text: str, start: int) -> str:
    """The nearest non-empty line above ``start`` (quote marks kept)."""
    above = text[:start].rstrip("\n\r \t")
    return above[above.rfind("\n") + 1 :]
