"""Everyday words of another language that NER or the name lists read as a name, a place or an
organisation: "Ontem" (Portuguese "yesterday") opening a sentence, "essa" ("this"), "Dzisiaj" ("today" in Polish),
"Σήμερα" ("today" in Greek). Only in a document that is partly written in that language, so that an English
text's "Vida" or "Paulo" is never questioned. Settings: ``rules/lexicons/other_languages.yaml``."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from wordfreq import available_languages, zipf_frequency

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Rules

SETTINGS = "lexicons/other_languages.yaml"
_WORD = re.compile(r"[^\W\d_]+")
#: a word between spaces, with what is joined to it ("Lüdtke-Meyer", "Ana,")
_PIECE = re.compile(r"\S+")
#: what may stand before a word that opens a sentence, a line, a list item or a chat turn
#: the word just before a position, on the same line: "der " of "in der Kantine"
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")
#: the words beside a word, on its line, joined by spaces or a hyphen, perhaps over a short particle ("Lucia ai")
_PREVIOUS_NAME_WORD = re.compile(r"([^\W\d_]+)[ \t-]+(?:[^\W\d_A-ZÀ-ÖØ-Þ]{1,3}[ \t]+)?$")
_NEXT_NAME_WORD = re.compile(r"[ \t-]+(?:[^\W\d_A-ZÀ-ÖØ-Þ]{1,3}[ \t]+)?([^\W\d_]+)")
_OPENING = re.compile(r"(?:^|[.!?:;\n•\-–—\"“(\[][\"'”’)\]]*)[ \t]*$")
#: the word or abbreviation just before a position, on the same line: "Hr. " or "Pak "
_PREVIOUS_TOKEN = re.compile(r"([^\W\d_]+\.?)[ \t]+$")
#: the words just beside a word on its line, joined by spaces or a hyphen: "DEL" beside "CASA" in "CASA DEL SOL"
_PREVIOUS_WORD_BESIDE = re.compile(r"([^\W\d_]+)[ \t-]+$")
_NEXT_WORD_BESIDE = re.compile(r"[ \t-]+([^\W\d_]+)")
#: a form's label ends at the span: "Luogo:", "Nama Pasien :"
_LABEL_END = re.compile(r"[ \t]*:")
#: what may stand before a word that opens a line or a sentence (not a quotation mark: a nickname in quotes)
_LINE_START = re.compile(r"(?:^|\n)[ \t•*\-–—]*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•\-–—])[ \t]*$")


#: the commonest words of languages wordfreq has no list for (Welsh), from ``rules/languages/<code>.yaml``
#: ("common"), as read by the last :class:`OtherLanguages` built; a listed word counts as this common
_LISTED: dict[str, frozenset[str]] = {}
LISTED_ZIPF = 5.0


def zipf_in(word: str, language: str) -> float:
    """The Zipf frequency of ``word`` (lower case) in ``language`` (a wordfreq code), from wordfreq's
    small lists: they hold every word this module asks about and load in a tenth of the time. A language
    wordfreq lacks has its commonest words listed in ``rules/languages/`` (``LISTED_ZIPF`` each, any other
    word 0): wordfreq would answer with English frequencies."""
    listed = _LISTED.get(language)
    if listed is not None:
        return LISTED_ZIPF if word in listed else 0.0
    if language not in _WORDFREQ:
        return 0.0
    return _wordfreq_zipf(word, language)


@lru_cache(maxsize=262144)
def _wordfreq_zipf(word: str, language: str) -> float:
    return zipf_frequency(word, language, wordlist="small")


_WORDFREQ = frozenset(available_languages(wordlist="small"))


def read_listed(rules: Rules, languages: tuple[str, ...]) -> None:
    """Read the listed common words of those ``languages`` wordfreq lacks (``rules/languages/<code>.yaml``)."""
    global _last_of
    _last_of = ("", (), ())  # an answer read with other lists
    for code in languages:
        if code not in _WORDFREQ:
            lists = rules.lists(f"languages/{code}.yaml")
            _LISTED[code] = lists["common"] if "common" in lists else frozenset()  # noqa: SIM401 (no .get)


#: the last text :meth:`OtherLanguages.of` was asked about, the settings it read it with, and its answer
_last_of: tuple[str, tuple[object, ...], tuple[str, ...]] = ("", (), ())


class OtherLanguages:
    def __init__(self, rules: Rules) -> None:
        settings = rules.settings(SETTINGS)
        #: languages whose words count only where written in lower case: their lists hold many people's names
        self.lower_case_only: frozenset[str] = frozenset(str(code) for code in settings.get("lower_case_only", []))
        self.languages: tuple[str, ...] = tuple(str(code) for code in settings.get("languages", [])) + tuple(
            code for code in sorted(self.lower_case_only) if code not in settings.get("languages", [])
        )
        self.document_zipf = float(settings["document_zipf"])
        self.english_zipf = float(settings["english_zipf"])
        self.foreign_share = float(settings["foreign_share"])
        self.min_words = int(settings["min_words"])
        self.min_share = float(settings["min_share"])
        self.word_zipf = float(settings["word_zipf"])
        self.name_zipf = float(settings["name_zipf"])
        self.capital_zipf = float(settings["capital_zipf"])
        self.noun_capitals: frozenset[str] = frozenset(str(code) for code in settings.get("noun_capitals", []))
        self.noun_zipf = float(settings.get("noun_zipf", self.capital_zipf))
        self.paragraph_share = float(settings.get("paragraph_share", 1.0))
        self.person_word_zipf = float(settings.get("person_word_zipf", 99.0))
        self.person_word_length = int(settings.get("person_word_length", 99))
        self.capital_word_zipf = float(settings.get("capital_word_zipf", 99.0))
        self.capital_word_length = int(settings.get("capital_word_length", 4))
        self.compounding: frozenset[str] = frozenset(str(code) for code in settings.get("compounding", []))
        self.compound_length = int(settings.get("compound_length", 99))
        self.compound_part = int(settings.get("compound_part", 3))
        self.compound_zipf = float(settings.get("compound_zipf", self.capital_word_zipf))
        #: what :meth:`of` reads a text with
        self._of_settings = (
            self.languages,
            self.english_zipf,
            self.foreign_share,
            self.document_zipf,
            self.min_words,
            self.min_share,
        )
        read_listed(rules, self.languages)

    def of(self, text: str) -> tuple[str, ...]:
        """The languages other than English that ``text`` is partly written in; none (and no other
        language's list is read) where fewer than ``foreign_share`` of its words are rare in English.

        Several recognizers and finders ask about the same document in turn: the last answer is kept
        (for these settings), so the document's words are looked up once."""
        global _last_of
        key = self._of_settings
        last_text, last_key, last = _last_of
        if last_key == key and (last_text is text or last_text == text):
            return last
        found = self._of(text)
        _last_of = (text, key, found)
        return found

    def _of(self, text: str) -> tuple[str, ...]:
        words = [w.lower() for w in _WORD.findall(text)]
        foreign = [w for w in words if zipf(w) < self.english_zipf]
        if not words or len(foreign) < self.foreign_share * len(words):
            return ()
        counts = dict.fromkeys(self.languages, 0)
        for w in foreign:
            for code in self.languages:
                if zipf_in(w, code) >= self.document_zipf:
                    counts[code] += 1
        return tuple(code for code, n in counts.items() if n >= self.min_words and n >= self.min_share * len(words))

    def everyday_words(
        self, text: str, start: int, end: int, languages: tuple[str, ...], is_name: Callable[[str], bool]
    ) -> bool:
        """``text[start:end]`` is made only of everyday words of ``languages``."""
        piece = text[start:end]
        words = list(_WORD.finditer(text, start, end))
        if not languages or not words or any(c.isdigit() for c in piece):
            return False
        return all(self._everyday(text, m, languages, is_name) for m in words)

    def trimmed(
        self, text: str, start: int, end: int, languages: tuple[str, ...], is_name: Callable[[str], bool]
    ) -> tuple[int, int]:
        """``text[start:end]`` without the everyday words of ``languages`` at either end ("Liebe" of a
        letter's greeting, a verb after the name in notes: "Einfach Ana", "ana meldet"), read as
        ``everyday_words`` reads them; whole words between spaces only, and at least one word is kept."""
        if not languages:
            return start, end
        pieces = [(m.start(), m.end()) for m in _PIECE.finditer(text, start, end)]
        while len(pieces) > 1 and self.everyday_words(text, *pieces[0], languages, is_name):
            pieces.pop(0)
        while len(pieces) > 1 and self.everyday_words(text, *pieces[-1], languages, is_name):
            pieces.pop()
        if not pieces or all(len(w) < 2 for w in _WORD.findall(text, pieces[0][0], pieces[-1][1])):
            return start, end  # "lúcia M.": a first name before an initial is the name, whatever it means
        return pieces[0][0], pieces[-1][1]

    def person_word(
        self, text: str, start: int, end: int, languages: tuple[str, ...], is_name: Callable[[str], bool]
    ) -> bool:
        """``text[start:end]``, read as a person, is one capitalised word of ``person_word_length`` letters or more,
        no listed name and no word of a longer capitalised name, common in one of ``languages`` (zipf >=
        ``person_word_zipf``) and ten times rarer in English or more: "Werkstatt", "Kirjasto" opening a note's
        line. A language of ``lower_case_only`` counts for no capitalised word."""
        word = text[start:end]
        if not word.isalpha() or len(word) < self.person_word_length or not word[0].isupper() or word.isupper():
            return False
        codes = [code for code in languages if code not in self.lower_case_only]
        if not codes or is_name(word):
            return False
        before = _PREVIOUS_NAME_WORD.search(text, max(0, start - 40), start)
        after = _NEXT_NAME_WORD.match(text, end)
        if (before and before.group(1)[0].isupper()) or (after and after.group(1)[0].isupper()):
            return False  # "Casa dos Ventos", "Werkstatt Nord-Ost": a word of a longer name
        low = word.lower()
        z = max(zipf_in(low, code) for code in codes)
        return z >= self.person_word_zipf and z >= zipf(low) + 1.0

    def capitalised_words(
        self, text: str, start: int, end: int, languages: tuple[str, ...], is_name: Callable[[str], bool]
    ) -> bool:
        """``text[start:end]``, read as a person or a body, is made of everyday words of one of ``languages``,
        at least one of them capitalised, where that language would capitalise them anyway: "Pasien", "Nama
        Pasien:", "Jenis Kelamin:" labelling a form's field, "Kinder:", "Nachtdienst" (a compound of everyday German
        words) opening a line or a shouted "RUMAH"; never a word opening several lines as a label, as a chat's
        sender does. Each word is no listed name and more common in the language than in English: a capitalised
        one of ``capital_word_length`` letters or more (zipf >= ``capital_word_zipf`` there and ten times rarer in
        English or more, or, one word alone opening a line or a sentence in a language of ``compounding``, a long
        compound of words with zipf >= ``compound_zipf``), a lower-case one (zipf >= ``word_zipf``). Several words
        only as a field's label (opening a line, before a colon). A title or a listed name beside the span is a
        person's evidence: "Pak Bunga", "Bunga Lestari" stay. Unlike :meth:`everyday_words` a language of
        ``lower_case_only`` counts, but only for a field's label or a shouted word."""
        words = [m.group() for m in _WORD.finditer(text, start, end)]
        piece = text[start:end]
        if not languages or not words or any(c.isdigit() for c in piece) or not any(w[0].isupper() for w in words):
            return False
        single = len(words) == 1
        opening = _SENTENCE_START.search(text, max(0, start - 8), start) is not None
        label = _LABEL_END.match(text, end) is not None and _LINE_START.search(text, max(0, start - 8), start)
        # a compound only where no body's name would stand: "vom Sonnenbogen" may name a project or a service
        compounds = single and (opening or bool(label))
        if any(is_name(w) or not self._everyday_word(w, languages, compounds=compounds) for w in words):
            return False
        before = _PREVIOUS_TOKEN.search(text, max(0, start - 40), start)
        after = _NEXT_NAME_WORD.match(text, end)
        if (before and is_name(before.group(1))) or (after and after.group(1)[0].isupper() and is_name(after.group(1))):
            return False
        if len(re.findall(rf"(?m)^[ \t]*{re.escape(piece)}(?![^\W\d_])", text)) > 1:
            return False  # "Ayla: ...", "Ayla, [20:15]" opening several lines: who writes in a chat, whatever it means
        if label:
            return True
        strict = tuple(code for code in languages if code not in self.lower_case_only)
        if not words[0].isupper() and not all(strict and self._everyday_word(w, strict, compounds) for w in words):
            return False  # outside a form's label, a capitalised word of such a language may be a name its list counts
        # several words are a field's label only: "Rumah Harapan" or "Haus am Weiher" heading a letter is a body's name,
        # and so is one shouted word beside another on its line ("CASA DEL SOL")
        previous = _PREVIOUS_WORD_BESIDE.search(text, max(0, start - 40), start)
        following = _NEXT_WORD_BESIDE.match(text, end)
        if words[0].isupper() and any(m and m.group(1).isupper() for m in (previous, following)):
            return False
        return single and (words[0].isupper() or any(code in self.noun_capitals for code in languages) or opening)

    def _everyday_word(self, word: str, languages: tuple[str, ...], compounds: bool) -> bool:
        low = word.lower()
        english = zipf(low)
        if word.islower():
            z = max(zipf_in(low, code) for code in languages)
            return z >= self.word_zipf and z > english
        if len(word) < self.capital_word_length:
            return False  # "Tini", "Ade": a short name is often some language's word too
        z = max(zipf_in(low, code) for code in languages)
        if z >= self.capital_word_zipf and z >= english + 1.0:
            return True
        return (
            compounds
            and len(low) >= self.compound_length
            and any(
                _compound(low, code, self.compound_zipf, self.compound_part)
                for code in languages
                if code in self.compounding
            )
        )

    def in_paragraph_of(self, text: str, start: int, end: int, languages: tuple[str, ...]) -> bool:
        """``text[start:end]`` stands in a paragraph written in ``languages``: at least ``paragraph_share`` of the
        paragraph's words (of five or more) are common words of one of them (zipf >= ``word_zipf``) and more
        common there than in English. An English paragraph of a text partly in Spanish names too few of them,
        even where its names and streets are Spanish words ("Casa", "Avenida")."""
        if not languages:
            return False
        opening = text.rfind("\n\n", 0, start)
        closing = text.find("\n\n", end)
        words = [w.lower() for w in _WORD.findall(text, opening + 1, len(text) if closing < 0 else closing)]
        if len(words) < 5:
            return False
        common = sum(1 for w in words if self.word_zipf <= max(zipf_in(w, code) for code in languages) > zipf(w))
        return common >= self.paragraph_share * len(words)

    def says_it_in(self, text: str, start: int, end: int, languages: tuple[str, ...]) -> bool:
        """``text[start:end]`` is an everyday phrase of ``languages``, perhaps with English grammar words:
        a rare-detail finder took its words for rare ones because they are rare in English ("sozinha num
        apartamento")."""
        words = [w.lower() for w in _WORD.findall(text, start, end)]
        if not languages or not words:
            return False
        foreign = [w for w in words if zipf(w) < self.english_zipf]
        common = all(max(zipf_in(w, code) for code in languages) >= self.word_zipf or zipf(w) >= 5.0 for w in words)
        return bool(foreign) and common

    def _everyday(
        self, text: str, m: re.Match[str], languages: tuple[str, ...], is_name: Callable[[str], bool]
    ) -> bool:
        word = m.group()
        low = word.lower()
        if len(word) > 1 and word.isupper():
            return False  # "CASA JABUTICABA": a name set in capitals
        if not word.islower():
            # "Vytautas said", "Pak Rokas": a capitalised word of such a language may be the name its list counts
            languages = tuple(code for code in languages if code not in self.lower_case_only)
            if not languages:
                return False
        z = max(zipf_in(low, code) for code in languages)
        if z <= zipf(low):
            return False
        opening = _OPENING.search(text, max(0, m.start() - 8), m.start()) is not None
        nouns = [code for code in languages if code in self.noun_capitals]
        amid_nouns = bool(nouns) and not opening and self._after_a_word_of(text, m.start(), nouns)
        if is_name(word):
            # "essa" ("this") yes; a capitalised "Essa", "Hans" or "Ali" may be the person, unless it is one
            # of the language's commonest words that the text also writes in lower case (German "Sie")
            capital_word = (amid_nouns or (opening and bool(nouns))) and _written_lower(text, low)
            return (word.islower() or capital_word) and z >= self.name_zipf
        if word.islower() or _written_lower(text, low):
            return z >= self.word_zipf
        if amid_nouns:
            # "in der Kantine": a language that capitalises every noun, inside a sentence of it
            return max(zipf_in(low, code) for code in nouns) >= self.noun_zipf
        return opening and z >= self.capital_zipf

    def _after_a_word_of(self, text: str, start: int, languages: list[str]) -> bool:
        """The word before ``start`` on its line is a lower-case word more common in one of ``languages``
        than in English and common there ("der", "ihr", "können")."""
        before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
        if before is None or not before.group(1).islower():
            return False
        prev = before.group(1)
        z = max(zipf_in(prev, code) for code in languages)
        return z >= self.word_zipf and z > zipf(prev)


@lru_cache(maxsize=65536)
def _compound(low: str, language: str, least: float, part: int) -> bool:
    """``low`` is a compound of two or more words of ``language`` of ``part`` letters or more, each common there
    (zipf >= ``least``), perhaps joined by a linking "s", "e", "n" or "en": "nachtdienst", "kochzeiten"."""
    for cut in range(part, len(low) - part + 1):
        head, tail = low[:cut], low[cut:]
        heads = [head] + [head[: -len(link)] for link in ("s", "e", "n", "en", "es") if head.endswith(link)]
        if not any(len(h) >= part and zipf_in(h, language) >= least for h in heads):
            continue
        if zipf_in(tail, language) >= least or (len(tail) >= 2 * part and _compound(tail, language, least, part)):
            return True
    return False


def _written_lower(text: str, low: str) -> bool:
    return re.search(rf"(?<![^\W\d_]){re.escape(low)}(?![^\W\d_])", text) is not None
