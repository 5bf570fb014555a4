"""Names, places and organisations in scripts without capital letters (issue 13, class d).

Every other name finder leans on a capital letter. Arabic, Persian, Hebrew, Thai, Chinese, Japanese, Korean,
Devanagari, the other scripts of South Asia (Bengali, Tamil, Sinhala, ...), Georgian and Ethiopic have none,
and Thai, Chinese and Japanese write words without spaces, so here a name is read from what stands beside it,
never from the word alone:

- a title, an honorific or an address form before it, with a space ("السيد ...", "خانم ...", "מר ...") or joined
  to it (Thai "คุณ..."/"พี่..."/"น้อง...", Chinese "阿X"), or after it (Japanese "...さん"/"...ちゃん", Chinese
  "...先生"/"...老师", Korean "...씨"/"...님");
- a chat's sender line ("<name> <date> 06:12", "9:12, <name> (<org>) : ...") and a Japanese letter's first and
  last line ("<name>へ", "<name>より"); a self-introduction ("我叫...", "اسمي ...");
- organisations and places by their type word ("...센터", "...病院", "โรงพยาบาล...", "شارع ...", "ул. ..."); in
  Chinese and Japanese the name before the type word is read back over the words of its run (``han_words``
  cuts it with wordfreq's Chinese list) up to a common short word; postal addresses by their parts;
- Chinese and Japanese names with no anchor: a listed surname and a listed two-character given name written
  together, or a listed given name alone, rare as Chinese words and making no common word with their neighbours.

How far a name runs, where no space tells, comes from the name lists built from Faker
(``rules/names/script_names.yaml``, tools/build_script_names.py) and from the words that end a name
(``rules/names/scripts.yaml``, with every anchor); after a title or a kin word the name runs on over the next
words that are listed or rare in the script's languages (a surname, a father's name). A name found so is then
found again in the same document, as written: no other document learns from it (Korean names with a listed
given name are ``hangul.py``'s).
"""

from __future__ import annotations

import math
import re
import unicodedata
import weakref
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc
from wordfreq import get_frequency_dict, zipf_frequency

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.names import han_words
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.labels import LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules, alternation

DETECTOR = "scripts"
#: a word this frequent (wordfreq Zipf) in a language of its script is no part of a place's or an organisation's name
#: after its type word ("الساعة", the hour); the first word after the type word may be commoner, not everyday
EVERYDAY_ZIPF = 4.0
FIRST_NAME_WORD_ZIPF = 5.0
#: a word of these scripts in an English sentence used this often is a word of its language ("في"), not a name
EMBEDDED_ZIPF = 5.5
#: with no anchor, a listed first name this common is a word; the word after it is a surname where it is listed
#: or rarer than this
GIVEN_PAIR_ZIPF = 5.0
SURNAME_PAIR_ZIPF = 3.0
#: a Korean word before a kin word or a title written apart ("<name> 언니") is a name where it is this rare
HANGUL_KIN_NAME_ZIPF = 3.7
#: ... after a word that is not a kin word of its own list only where that word is a noun Korean uses this often
HANGUL_NOUN_BEFORE_ZIPF = 3.0
#: a capitalised Cyrillic or Greek word this common inside a sentence is written so for emphasis, not a name
EMPHASIS_ZIPF = 6.0
#: after a kin word, a word less frequent than this (or a listed name) is a name; names are frequent words too
NAME_ZIPF = 4.5
#: a word after a name found from an anchor is the name's next word (a surname) where it is listed or this rare
NEXT_NAME_ZIPF = 3.8
#: a Chinese or Japanese given name (listed, two characters) alone is a name where, as a Chinese word, it is
#: rarer than this; with a listed surname before it, where the two are rarer than ``HAN_FULL_NAME_ZIPF``
HAN_GIVEN_ZIPF = 2.8
HAN_FULL_NAME_ZIPF = 3.5
#: a name's first or last character joined with the character beside it makes a word this common: no name there
HAN_EDGE_ZIPF = 4.0
#: after a Chinese kin word, a listed surname this common as a character alone is a word there ("和", "于", "向")
HAN_KIN_SURNAME_ZIPF = 5.8
#: before a place's or an organisation's type word, a word of one character this common (a pronoun, a verb, a
#: preposition) or of more characters this common ends the name read backwards
HAN_CHAR_STOP_ZIPF = 4.5
HAN_WORD_STOP_ZIPF = 6.0
#: a Japanese name after a kin word ("<mother>の<name>") or a given name after a surname and a space is a name
#: where, as a word of Japanese and of Chinese, it is rarer than this
JAPANESE_NAME_ZIPF = 3.0
#: ... after a listed surname (a given name may be a rare word: "early rice seedlings")
JAPANESE_GIVEN_ZIPF = 4.0
#: after a Hebrew kin word said as part of a name ("<grandma> <name>") or a title with a joined word before it,
#: a word not in the name lists is a name where it is rarer than this (verbs of the past are about 3.5-4)
KIN_TITLE_NAME_ZIPF = 3.0
#: after any other kin word said as part of a name ("<aunt> <name>"), a word not in the name lists this common is
#: a word of the sentence ("<aunt> said"), not the name
KIN_TITLE_WORD_ZIPF = 5.0
#: Tamil letters: a Tamil kin word after a name takes its case ending joined ("<name> <aunt>-with")
_TAMIL = "\u0b80-\u0bff"
_SPACED_LANGUAGES = ("ar", "fa", "ur", "he", "hi")
SCORE = 0.88

_THAI = "\u0e01-\u0e4e"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"
_KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"
_HANGUL = "\uac00-\ud7a3"
#: letters (and vowel signs, joiners) of the scripts written with spaces between words
_SPACED = (
    "\u0621-\u065f\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"  # Arabic, Persian, Urdu
    "\u05d0-\u05ea\u05b0-\u05c7\u05f3"  # Hebrew
    "\u0900-\u0963\u0971-\u097f\u200c"  # Devanagari, the zero-width non-joiner
    # the letters and vowel signs (no digits) of Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
    # Malayalam; Sinhala; Georgian; Ethiopic (no punctuation)
    "\u0980-\u09e3\u09f0\u09f1\u0a00-\u0a63\u0a70-\u0a75\u0a80-\u0ae3\u0b00-\u0b63\u0b80-\u0be3"
    "\u0c00-\u0c63\u0c80-\u0ce3\u0d00-\u0d63\u0d80-\u0df3\u10d0-\u10ff\u1200-\u135f"
)
_ALL = _THAI + _HAN + _KANA + _HANGUL + _SPACED
_WORD = rf"[{_SPACED}]+"
#: a sender's name on a chat line: one to three words of these scripts (or one run of Thai, Han, kana, Hangul)
_SENDER = rf"[{_ALL}](?:[{_ALL}.]|[ \t](?=[{_ALL}])){{0,24}}"
#: "<name> 9 <month> 67 06:12": a sender's line in a chat export (a date, then a time)
_SENDER_LINE = re.compile(
    rf"^[ \t]*({_SENDER})[ \t]+(?=[^\n]{{0,24}}\d)[^\n:]{{0,24}}\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]*$", re.M
)
#: "2024. 4. 16. 오전 9:12, <name> (<org>) : ...", "[09:12] <name>: ...": a sender after a time
_SENDER_AFTER_TIME = re.compile(
    rf"\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?,?[ \t]+(?:-[ \t]+)?"
    rf"({_SENDER})[ \t]*(?:\(([^()\n]{{1,30}})\)[ \t]*)?:"
)
#: "07:48<tab><name><tab>...": a chat export with the time, the sender and the message in columns
_SENDER_TABBED = re.compile(rf"^[ \t]*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\t({_SENDER})\t", re.M)
_HAN_RUN = re.compile(rf"[{_HAN}]{{2,}}")
#: a postal address in Chinese or Japanese: a postcode, then regions from the largest, a road, its section,
#: lane, alley and number, a floor ("<postcode><city>市<district>區<road>路二段<n>巷<n>號<n>樓")
_HAN_NUMBER = r"(?:\d{1,5}|[〇零一二三四五六七八九十百]{1,4})"
_HAN_REGION = re.compile("省|市|縣|县|區|区|鄉|乡|鎮|镇|府|県|郡|町|村")
_HAN_ADDRESS = re.compile(
    rf"(?:\d{{3,7}}[ \t]?)?(?P<region>[{_HAN}]{{1,6}}?(?:{_HAN_REGION.pattern}))"
    rf"(?:[{_HAN}]{{1,6}}?(?:市|區|区|鄉|乡|鎮|镇|町|村)){{0,3}}(?P<road>[{_HAN}]{{1,6}}?(?:路|街|大道))?"
    rf"(?P<number>(?:{_HAN_NUMBER}段)?(?:{_HAN_NUMBER}丁目)?(?:{_HAN_NUMBER}(?:巷|弄|番地?|號|号)){{0,3}}(?:{_HAN_NUMBER}[樓楼F階])?)"
)
_WORD_AT = re.compile(_WORD)
#: the start of the next item of a list: after a comma (Arabic or Latin)
_LIST_ITEM = re.compile(r"[،,][ \t]*")
#: one word of a spaced script between English words: the English words before and after it
_EMBEDDED = re.compile(
    rf"(?:\b([A-Za-z]+)[ \t]+|^|(?<=: ))({_WORD})(?=[ \t]*(?:[^\w\s]|$|[ \t]+([A-Za-z]+)\b))", re.MULTILINE
)
#: "<initial>. <surname>" (Arabic script), "Б.<Surname>", "Δ. <Surname>" (Cyrillic, Greek)
_INITIAL_SURNAME = re.compile(
    rf"(?<![\w.])(?:[\u0621-\u064a]\.[ \t]?({_WORD})"
    rf"|[А-ЯЁІЇЄҐΑ-Ω]\.[ \t]?[А-ЯЁІЇЄҐΑ-Ω][а-яёіїєґα-ωά-ώ'’-]{{2,}})(?![\w.])"
)
_LETTER_LINE = re.compile(rf"[{_HAN}{_KANA}]{{1,10}}")
_CASED_LOWER = "а-яёіїєґјљњћџђѕўα-ωά-ώϊϋΐΰ"
_CASED_UPPER = "А-ЯЁІЇЄҐЈЉЊЋЏЂЅЎΑ-ΩΆ-ΏΪΫ"
#: a capitalised word of Cyrillic or Greek script after a word in lower case (or its comma) on the same line:
#: these languages capitalise no other word inside a sentence, so it is a name (one to three words)
_CASED_WORD = rf"[{_CASED_UPPER}][{_CASED_LOWER}'’-]{{1,24}}"
_CASED_INSIDE = re.compile(
    rf"(?<![\w])([{_CASED_LOWER}]{{1,20}}),?[ \t]+({_CASED_WORD}(?:[ \t]+{_CASED_WORD}){{0,2}})(?![\w.])"
)
_CASED_LANGUAGES = ("ru", "uk", "bg", "sh", "mk", "el")
_CYRILLIC_NAME = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+(?:[ \t]+[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+)?"
_CYRILLIC_REST = re.compile(r"(?:,[ \t]*(?:д\.|дом|кв\.|корп\.|стр\.|г\.)[ \t]*[\wА-Яа-яЁё/.-]+)*")
#: particles that end a Japanese name read backwards from an honorific
_KANA_PARTICLES = frozenset("のはがをにへで")


#: one character of each script class (compiled once: ``_class`` is asked about every character of a text)
_HAN_CHAR = re.compile(f"[{_HAN}]")
_KANA_CHAR = re.compile(f"[{_KANA}]")
_SPACED_CHAR = re.compile(f"[{_SPACED}]")


def _class(c: str) -> str:
    """The script class of a character: "thai", "han", "kana", "hangul", "spaced" or ""."""
    if "\u0e01" <= c <= "\u0e4e":
        return "thai"
    if _HAN_CHAR.match(c):
        return "han"
    if _KANA_CHAR.match(c):
        return "kana"
    if "\uac00" <= c <= "\ud7a3":
        return "hangul"
    if _SPACED_CHAR.match(c):
        return "spaced"
    return ""


def _holds_han(text: str) -> bool:
    """Whether any character of ``text`` is of class "han" (no Han character is in the Thai range)."""
    return _HAN_CHAR.search(text) is not None


def mostly_uncased(piece: str) -> bool:
    """Whether most letters of ``piece`` are of a script without capitals this module reads (Thai, Han, kana,
    Hangul, Arabic, Hebrew, Devanagari): an English NER model's entity there is noise, not a reading."""
    letters = [c for c in piece if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _class(c)) * 2 >= len(letters)


def _holds(text: str, word: str, at: int) -> bool:
    """Whether ``word`` is written in ``text`` over position ``at``."""
    return any(text.startswith(word, i) for i in range(max(0, at - len(word) + 1), at + 1))


@lru_cache(maxsize=4096)
def _frequency(word: str, languages: tuple[str, ...] = _SPACED_LANGUAGES) -> float:
    """How often a word of Arabic, Persian, Urdu, Hebrew or Hindi script is used in ``languages`` (wordfreq Zipf,
    the highest)."""
    return max(zipf_frequency(word, lang) for lang in languages)


#: letters Persian or Urdu write and Arabic does not, and letters only Urdu writes
_PERSIAN_LETTERS = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_URDU_LETTERS = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")


#: the scripts of languages wordfreq counts words of: Bengali, Tamil
_INDIC_LETTERS = {"bn": re.compile("[\u0980-\u09ff]"), "ta": re.compile("[\u0b80-\u0bff]")}


def spaced_languages(text: str) -> tuple[str, ...]:
    """The languages whose word frequencies tell a name in ``text``: Arabic where no letter of Persian or Urdu
    is written (an Arabic word is no Urdu one), Persian or Urdu where their letters are, Hebrew and Hindi,
    Bengali and Tamil where their letters are."""
    out = ["he", "hi"]
    out += [language for language, letters in _INDIC_LETTERS.items() if letters.search(text)]
    if _URDU_LETTERS.search(text):
        out += ["ur", "fa"]
    elif _PERSIAN_LETTERS.search(text):
        out.append("fa")
    else:
        out.append("ar")
    return tuple(out)


@lru_cache(maxsize=1)
def _korean_words() -> dict[str, float]:
    return get_frequency_dict("ko", wordlist="small")


def _korean_zipf(word: str) -> float:
    """The Zipf frequency of a Korean word in wordfreq's small list (looked up as written: wordfreq's own lookup
    of Korean needs MeCab), 0 where the list lacks it."""
    freq = _korean_words().get(word)
    return 9 + math.log10(freq) if freq else 0.0


@lru_cache(maxsize=1)
def _japanese_words() -> dict[str, float]:
    return get_frequency_dict("ja", wordlist="small")


def _japanese_zipf(word: str) -> float:
    """The Zipf frequency of a Japanese word in wordfreq's small list, looked up as written (0 where it lacks it)."""
    freq = _japanese_words().get(word)
    return 9 + math.log10(freq) if freq else 0.0


def _alternation(words: frozenset[str]) -> str:
    """The shared alternation of ``rules.alternation``, a space matching one space as written."""
    return alternation(words, space=" ")


class ScriptNames:
    """Finds names, places and organisations written in scripts without capitals in one text."""

    def __init__(self, rules: Rules) -> None:
        w = rules.lists("names/scripts.yaml")
        names = rules.lists("names/script_names.yaml")
        self.listed = names["given"] | names["surnames"]
        self.given = names["given"]
        self.surnames = names["surnames"]
        self.hangul_surnames = rules.lists("names/hangul_names.yaml")["surnames"]
        self.given_hangul = rules.lists("names/hangul_names.yaml")["given"]
        han = re.compile(f"[{_HAN}]+")
        self.han_surnames = frozenset(n for n in names["surnames"] if len(n) <= 2 and han.fullmatch(n))
        self.han_given = frozenset(n for n in names["given"] if len(n) == 2 and han.fullmatch(n))
        self.w = w
        self._languages = _SPACED_LANGUAGES
        self._thai_listed = sorted((n for n in self.listed if _class(n[0]) == "thai"), key=len, reverse=True)
        titles = _alternation(w["before"] | w["part_of_name"])
        ji = _alternation(w["title_ji"])
        hebrew_prefix = "".join(sorted(w["hebrew_prefixes"]))
        self._before = re.compile(
            rf"(?<![{_SPACED}\w])([{hebrew_prefix}](?=[\u05d0-\u05ea]))?"
            rf"((?:{titles})(?:[ \t]+(?:{titles}|{ji})(?![{_SPACED}]))*)[ \t\u00a0]+({_WORD})"
        )
        self._hebrew_prefix = hebrew_prefix
        self._list_and = _alternation(w["list_and"])
        self._bracketed = re.compile(rf"[ \t]*[(（][ \t]*({_WORD})[ \t]*[)）]")
        self._japanese_kin = re.compile(
            rf"(?<![{_HAN}])(?:{_alternation(w['japanese_kin_no'])})の(?:[{_HAN}]{{1,3}}[ \t\u3000])?[{_HAN}]{{1,3}}"
            rf"(?=[{_KANA}（(、。「]|さん|$)"
        )
        self._closed = re.compile(
            rf"(?<![{_SPACED}\w])({_WORD})[ \t]+(?:{_alternation(w['given_closers'])})(?![{_SPACED}])"
        )
        self._kin_after = re.compile(
            rf"(?<![{_SPACED}\w])({_WORD})[ \t]+({_alternation(w['kin_after'])})"
            rf"(?:(?<=[{_TAMIL}])[{_TAMIL}]*)?(?![{_SPACED}])"
        )
        kin = _alternation(w["kin_before"])
        self._kin = re.compile(rf"(?<![{_SPACED}\w])(?:{kin})(?:[ \t]*(:))?[ \t\u00a0]+(?={_WORD})")
        self._next_word = re.compile(rf"[ \t]+({_WORD})")
        self._glued = re.compile(_alternation(w["glued_before"] | w["ah_prefix"]))
        self._after = re.compile(rf"(?<=[{_HAN}{_KANA}])(?:{_alternation(w['after_glued'])})")
        self._hangul_after = re.compile(
            rf"(?<![{_HANGUL}])([{_HANGUL}]{{2,4}}?)(?:{_alternation(w['hangul_after'])})(?=[{_HANGUL}]{{0,3}}(?![{_HANGUL}]))"
        )
        self._hangul_kin_after = re.compile(
            rf"(?:^|(?<=[.!?,~:)\n])[ \t]*|(?<![{_HANGUL}])([{_HANGUL}]{{1,4}})[ \t]+)"
            rf"([{_HANGUL}]{{2,3}})[ \t]+({_alternation(w['hangul_kin_after'])})"
            rf"(?=[{_HANGUL}]{{0,3}}(?![{_HANGUL}]))",
            re.M,
        )
        self._hangul_letter_from = re.compile(
            rf"(?<![{_HANGUL}])([{_HANGUL}]{{2,3}})[ \t]+(?:{_alternation(w['hangul_letter_from'])})[ \t.]*$"
        )
        kin_titles = _alternation(w["devanagari_kin_titles"])
        #: "<grandma> <name>", "<elder> <father> <name>" in Nepali and Hindi
        self._devanagari_kin = re.compile(
            rf"(?<![{_SPACED}\w])((?:{kin_titles})(?:[ \t]+(?:{kin_titles}))*)[ \t]+({_WORD})"
        )
        self._devanagari_endings = w["devanagari_name_endings"]
        #: "<grandpa><surname><given>", "<granddaughter> <surname><given>" in Chinese
        self._han_kin = re.compile(rf"(?:{_alternation(w['han_kin_before'])})[ \t]?(?=[{_HAN}])")
        self._han_kin_chars = frozenset("".join(w["han_kin_before"]))
        self._thai_kin = sorted(w["thai_kin_glued"], key=len, reverse=True)
        cased = re.compile(_CASED_WORD)
        #: first names in Cyrillic and Greek letters (from Faker's lists, names/world_first_names.txt)
        self.cased_given = frozenset(
            n
            for f in ("names/first_names.txt", "names/world_first_names.txt")
            for n in rules.words(f)
            if cased.fullmatch(n)
        )
        #: names found with a kin word kept in their span: the name alone, to be found again
        self._bare: list[tuple[int, int]] = []
        #: Thai names found with a prefix joined before them: the name alone, to be found again
        self._thai_bare: list[tuple[int, int]] = []
        self._introduced = re.compile(
            rf"(?<![{_SPACED}])(?:{_alternation(w['introduced_after'])})(?![{_SPACED}])[ \t]*"
        )
        self._org_after = re.compile(rf"(?<=[{_HAN}{_KANA}{_HANGUL}])(?:{_alternation(w['organisation_after'])})")
        self._place_after = re.compile(rf"(?<=[{_HAN}{_KANA}])(?:{_alternation(w['place_after'])})")
        self._org_glued = re.compile(_alternation(w["organisation_before_glued"]))
        self._place_glued = re.compile(_alternation(w["place_before_glued"]))
        self._org_before = re.compile(rf"(?<![{_SPACED}])(?:{_alternation(w['organisation_before'])})[ \t]+(?={_WORD})")
        self._place_before = re.compile(rf"(?<![{_SPACED}])(?:{_alternation(w['place_before'])})[ \t]+(?={_WORD})")
        self._cyrillic_place = re.compile(
            rf"(?<![\w.])(?:{_alternation(w['cyrillic_place_before'])})[ \t]*({_CYRILLIC_NAME})", re.IGNORECASE
        )

    # ------------------------------------------------------------------ people

    def people(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each name read from an anchor, then of its other uses in ``text``."""
        self._languages = spaced_languages(text)
        self._bare = []
        self._thai_bare = []
        found = [
            *self._titled(text),
            *self._kin_named(text),
            *self._closed_and_kin_after(text),
            *self._thai_and_chinese_prefixed(text),
            *self._honorific_after(text),
            *self._hangul_honorific(text),
            *self._introductions(text),
            *self._senders(text),
            *self._letter_lines(text),
            *self._in_english(text),
            *self._initialled(text),
            *self._han_people(text),
            *self._cased_inside(text),
            *self._listed_pairs(text),
            *self._closing_line(text),
            *self._signed_list(text),
            *self._japanese_kin_named(text),
            *self._japanese_spaced(text),
            *self._devanagari_kin_named(text),
            *self._han_kin_named(text),
        ]
        found += self._nicknames_bracketed(text, found)
        again = self._again(text, found + self._bare)
        # a Thai name found with its prefix, found again alone (not inside the span it was found in)
        again += [s for s in self._again(text, self._thai_bare) if not any(a <= s[0] and s[1] <= b for a, b in found)]
        again = self._thai_kin_kept(text, again)
        found += self._kin_of_named(text, found + again)
        return self._with_hangul_surnames(text, found + again)

    def _closed_and_kin_after(self, text: str) -> list[tuple[int, int]]:
        """ "<given> Singh <family>", "<given> Kaur" (Gurmukhi, Devanagari), and "<name> chacha", "<name> akka": a
        name before a word that closes a Sikh given name or a kin word said after a name (the span keeps it)."""
        out = []
        for m in self._closed.finditer(text):
            word = m.group(1)
            if self._stop(word) or word in self.w["title_ji"] or not self._name_like(word):
                continue
            out.append((m.start(1), self._surnames_after(text, m.end(), 1)))
        for m in self._kin_after.finditer(text):
            word = m.group(1)
            if self._stop(word) or word in self.w["kin_after_not"] or word in self.w["kin_after"]:
                continue
            if word in self.w["given_closers"] or not self._name_like(word):
                continue
            kin = m.group(2)
            n = self._next_word.match(text, m.end())
            if kin in self.w["before"] and n is not None and not self._stop(n.group(1)) and self._name_like(n.group(1)):
                continue  # "<hello> khanom <name>": a title before the name that follows, not after the word before
            # a Tamil kin word's case ending ("<aunt>-with") stays out of the span
            out.append((m.start(1), m.end(2)))
            self._bare.append(m.span(1))
        return out

    def _closing_line(self, text: str) -> list[tuple[int, int]]:
        """The writer under a message: "<your grandson>, <name> (<pet name>)" on its last line (a word of these
        scripts after a comma, maybe a second in brackets), "<grandson> <name> 올림" (Korean)."""
        lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
        if not lines:
            return []
        last = lines[-1]
        out = []
        m = re.search(rf"[,،][ \t]*({_WORD})(?:[ \t]*\([ \t]*({_WORD})[ \t]*\))?[ \t.!]*$", last.group())
        if m is not None and len(last.group()[: m.start()].split()) <= 4:
            for i in (1, 2):
                word = m.group(i)
                if (
                    word
                    and not self._stop(word)
                    and not any(word in self.w[k] for k in ("kin_after", "before"))
                    and self._name_like(word)
                ):
                    out.append((last.start() + m.start(i), last.start() + m.end(i)))
        if len(lines) > 1 and "\n\n" in text[lines[-2].end() : last.start() + 1] + "\n":
            # "<message>\n\n<name>": a listed first name in Cyrillic or Greek letters alone on the last line, after
            # a blank line, maybe with a surname
            m = re.fullmatch(rf"[ \t]*({_CASED_WORD})(?:[ \t]+{_CASED_WORD})?[ \t.!]*", last.group())
            if m is not None and m.group(1) in self.cased_given:
                out.append((last.start() + m.start(1), last.start() + len(last.group().rstrip(" \t.!"))))
        m = self._hangul_letter_from.search(last.group())
        if m is not None and m.group(1) not in self.w["hangul_not"] and _korean_zipf(m.group(1)) < HANGUL_KIN_NAME_ZIPF:
            out.append((last.start() + m.start(1), last.start() + m.end(1)))
        return out

    def _with_hangul_surnames(self, text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A Korean given name of two syllables found with a listed surname joined before it ("<Kim><given>"):
        the span takes the surname."""
        out = []
        for a, b in found:
            if (
                a >= 1
                and _class(text[a]) == "hangul"
                and text[a - 1] in self.hangul_surnames
                and (a == 1 or _class(text[a - 2]) != "hangul")
                and len(re.match(rf"[{_HANGUL}]*", text[a:]).group()) in (2, 3)
            ):
                a -= 1
            out.append((a, b))
        return out

    def _stop(self, word: str) -> bool:
        return word in self.w["name_stops"] or word in self.w["before"] or word in self.w["part_of_name"]

    def _titled(self, text: str) -> list[tuple[int, int]]:
        """ "السيد <name>", "خانم <name> <surname>", "أبو <name>" (the kunya keeps its first word, a kin word said
        as part of how someone is called keeps itself: "<aunty> <name>")."""
        out = []
        for m in self._before.finditer(text):
            word = m.group(3)
            if self._stop(word) or len(word) < 2:
                continue
            last = m.group(2).split()[-1]
            # a kin word ("<grandma> <name>") or a title with a joined Hebrew word before it ("ל<Mrs>") is no title
            # for any word: the next must read as a name
            hebrew = "\u05d0" <= last[0] <= "\u05ea"
            if (m.group(1) or (hebrew and last in self.w["kin_titles_kept"])) and not (
                word in self.listed or self._zipf(word) < KIN_TITLE_NAME_ZIPF
            ):
                continue
            kept = last in self.w["kin_titles_kept"]
            if kept and word not in self.listed and self._zipf(word) >= KIN_TITLE_WORD_ZIPF:
                continue  # "<aunt> said": a common word after a kin word is no name
            start = m.start(2) if last in self.w["part_of_name"] or last in self.w["kin_titles_kept"] else m.start(3)
            end = self._surnames_after(text, self._apostrophe_end(text, m.end(3)))
            out.append((start, end))
            if last in self.w["kin_titles_kept"]:
                self._bare.append((m.start(3), end))
        return out

    @staticmethod
    def _apostrophe_end(text: str, end: int) -> int:
        """The end of a Hebrew name written with an apostrophe for its geresh ("<name>'ה"), from ``end``."""
        m = re.match(r"['\u05f3\u2019][\u05d0-\u05ea]+", text[end:])
        return end + m.end() if m is not None and _class(text[end - 1]) == "spaced" else end

    def _signed_list(self, text: str) -> list[tuple[int, int]]:
        """A sign-off: under a short line of these scripts ending in a comma ("<with all our love>,"), a line that
        lists names only ("<a>, <b>, <little> <c> <and> <d>"; Hebrew "ו<d>"): each item's words that read as
        names, a kin word after one kept ("<d> <uncle>")."""
        out = []
        for m in re.finditer(rf"^[ \t]*[{_ALL}][^\n,،]{{0,40}}[,،][ \t]*\n[ \t]*([^\n]+)$", text, re.M):
            closing = text[m.start() : m.start(1)]
            if len(closing.split()) > 4 or any(c.isdigit() for c in closing):
                continue
            line, base = m.group(1).rstrip(" \t.!"), m.start(1)
            items = re.split(rf"[ \t]*[,،][ \t]*|[ \t]+(?:{self._list_and})[ \t]+", line)
            if not 1 <= len(items) <= 8 or any(not 1 <= len(i.split()) <= 3 for i in items):
                continue
            spans = []
            for item in re.finditer(r"[^,،]+", line):
                for part in re.split(rf"[ \t]+(?:{self._list_and})[ \t]+", item.group()):
                    at = base + item.start() + item.group().index(part)
                    words = [(at + w.start(), at + w.end()) for w in _WORD_AT.finditer(part)]
                    words = [(a, b) for a, b in words if text[a:b] not in self.w["list_not_names"]]
                    if len(words) == 2 and text[words[1][0]] == "ו" and text[slice(*words[1])] not in self.listed:
                        joined = (words[1][0] + 1, words[1][1])
                        if self._name_like(text[slice(*joined)]) and self._name_like(text[slice(*words[0])]):
                            spans.append(words[0])  # "<a> ו<b>": two names, "and" joined to the second
                            words = [joined]
                    if not words:
                        spans = []
                        break
                    a, b = words[0]
                    if text[a] == "ו" and text[a:b] not in self.listed and self._name_like(text[a + 1 : b]):
                        a += 1  # "ו<name>": and <name>
                    kin = len(words) > 1 and text[slice(*words[-1])] in self.w["kin_after"]
                    name_end = words[-2][1] if kin else words[-1][1]
                    rest = [text[x:y] for x, y in (words[1:-1] if kin else words[1:])]
                    if any(self._stop(w) or not self._name_like(w) for w in [text[a:b], *rest]):
                        spans = []  # a word of the line that reads as no name: no list of names
                        break
                    spans.append((a, words[-1][1] if kin else name_end))
                    if kin:
                        self._bare.append((a, name_end))
                else:
                    continue
                break
            out += spans
        return out

    def _japanese_kin_named(self, text: str) -> list[tuple[int, int]]:
        """ "<mother>の<given>は", "<eldest daughter>の<surname> <given>（...": a Japanese kin word, "の" and a name
        in kanji (one to three characters, or a surname and a given name with a space between), rare as a word of
        Japanese or Chinese."""
        out = []
        for m in self._japanese_kin.finditer(text):
            at = text.index("の", m.start()) + 1
            parts = text[at : m.end()].replace("\u3000", " ").split()
            if len(parts) == 2 and parts[0] not in self.surnames:
                continue
            if not self._japanese_given(parts[-1], JAPANESE_NAME_ZIPF if len(parts) == 1 else JAPANESE_GIVEN_ZIPF):
                continue  # a listed surname may be a common word (a place); the given name may not
            out.append((at, m.end()))
        return out

    def _japanese_given(self, word: str, rarer_than: float) -> bool:
        """Whether a word of kanji reads as a Japanese given name: listed, or ending as given names do, and rarer
        than ``rarer_than`` as a word of Japanese and of Chinese."""
        if word not in self.given and word[-1] not in self.w["japanese_given_endings"]:
            return False
        return _japanese_zipf(word) < rarer_than and han_words.zipf(word) < rarer_than

    def _japanese_spaced(self, text: str) -> list[tuple[int, int]]:
        """ "<listed surname> <given>" in kanji with a space between, the given name rare as a word: how a Japanese
        name is written in a notice or a form."""
        out = []
        for m in re.finditer(rf"(?<![{_HAN}])([{_HAN}]{{1,3}})[ \u3000]([{_HAN}]{{1,3}})(?![{_HAN}])", text):
            if m.group(1) not in self.surnames or len(m.group(1)) < 2:
                continue
            if not self._japanese_given(m.group(2), JAPANESE_GIVEN_ZIPF):
                continue
            out.append(m.span())
        return out

    def _nicknames_bracketed(self, text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "<name> <surname> (<pet name>)": one word of these scripts in brackets right after a name found; and
        "<name> <surname> (<name>)", the short form given after the full one: the surname is the name's too."""
        out = []
        for a, b in found:
            m = self._bracketed.match(text, b)
            if m is None:
                n = self._next_word.match(text, b)
                m = self._bracketed.match(text, n.end()) if n is not None else None
                if m is not None and m.group(1) == text[a:b] and not self._stop(n.group(1)):
                    out.append((a, n.end(1)))
                continue
            word = m.group(1)
            if self._stop(word) or word in self.w["kin_after"] or not self._name_like(word):
                continue
            out.append(m.span(1))
        return out

    def _kin_of_named(self, text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "<contact>: <name> <surname> (<name found>'s <uncle>)": the words before a bracket that says whose
        relative they are, from a line's start or a colon, one to three words."""
        names = {text[a:b] for a, b in found if b - a >= 2 and _class(text[a]) == "spaced"}
        if not names:
            return []
        kin = self.w["kin_before"] | self.w["kin_after"] | self.w["kin_titles_kept"]
        out = []
        pattern = rf"(?:^|(?<=:))[ \t]*({_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]*\([ \t]*({_WORD})[ \t]+({_WORD})[ \t]*\)"
        for m in re.finditer(pattern, text, re.M):
            whose, relation = m.group(2), m.group(3)
            if relation not in kin or not any(
                whose == n or (whose.startswith(n) and whose[len(n) :] in self.w["name_suffixes"]) for n in names
            ):
                continue
            if any(self._stop(w) for w in m.group(1).split()):
                continue
            out.append(m.span(1))
        return out

    def _kin_named(self, text: str) -> list[tuple[int, int]]:
        """ "<wife> <name>", "<children>: <name> <and his family>، <name>": names after a kin word; after a colon,
        the first word of each item of the list on that line."""
        out = []
        for m in self._kin.finditer(text):
            starts = [m.end()]
            if m.group(1):
                line_end = text.find("\n", m.end())
                line_end = len(text) if line_end < 0 else line_end
                starts += [i.end() for i in _LIST_ITEM.finditer(text, m.end(), line_end)]
            for at in starts[:6]:
                word = _WORD_AT.match(text, at)
                if word is not None and word.group().startswith("و") and not self._name_like(word.group()):
                    word = _WORD_AT.match(text, at + 1)  # "و<name>": "and" joined to the name
                if word is None or self._stop(word.group()) or not self._name_like(word.group()):
                    continue
                out.append((at, self._surnames_after(text, word.end(), 1)))
        return out

    def _devanagari_kin_named(self, text: str) -> list[tuple[int, int]]:
        """ "<grandma> <name>", "<elder> <father> <name> <surname>" in Nepali and Hindi: the kin words stay out of
        the span (a relative's word identifies no one); the name is a listed one or a compound given name
        ("<Bhim>bahadur"), a listed surname may follow."""
        out = []
        for m in self._devanagari_kin.finditer(text):
            word = m.group(2)
            if self._stop(word) or not self._devanagari_given(word):
                continue
            end = m.end(2)
            n = self._next_word.match(text, end)
            if n is not None and n.group(1) in self.listed and not self._stop(n.group(1)):
                end = n.end(1)
            out.append((m.start(2), end))
        return out

    def _devanagari_given(self, word: str) -> bool:
        """A listed name, or a compound given name: three letters or more joined before a listed second half."""
        if word in self.listed:
            return True
        return any(word.endswith(e) and len(word) - len(e) >= 3 for e in self._devanagari_endings)

    def _han_kin_named(self, text: str) -> list[tuple[int, int]]:
        """ "<grandpa><surname><given>，", "<dad> <surname><given> <phone>": a listed surname and one or two
        characters after a kin word, where the name ends there (no Han character, or a word of
        ``han_name_followers``), no part of it is a common word and none of its characters a kin word's."""
        out: list[tuple[int, int]] = []
        if not _holds_han(text):
            return out
        followers = self.w["han_name_followers"]
        for m in self._han_kin.finditer(text):
            at = m.end()
            for size in (2, 1):
                surname = text[at : at + size]
                if surname not in self.han_surnames or han_words.zipf(surname) >= HAN_KIN_SURNAME_ZIPF:
                    continue
                span = None
                for given in (2, 1):
                    end = at + size + given
                    name = text[at:end]
                    if end > len(text) or any(_class(c) != "han" for c in name):
                        continue
                    if any(c in self._han_kin_chars or c in followers for c in name[size:]):
                        continue
                    if end < len(text) and _class(text[end]) == "han" and text[end] not in followers:
                        continue
                    if any(han_words.zipf(name[i : i + 2]) >= HAN_EDGE_ZIPF for i in range(len(name) - 1)):
                        continue
                    if han_words.zipf(name) >= HAN_FULL_NAME_ZIPF:
                        continue
                    span = (at, end)
                    break
                if span is not None:
                    out.append(span)
                    break
        return out

    def _thai_kin_kept(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Thai names found again, each with a kin word joined right before it kept in its span ("<grandma><name>")."""
        out = []
        for a, b in spans:
            if _class(text[a]) == "thai":
                kin = next((k for k in self._thai_kin if text.endswith(k, 0, a)), None)
                if kin is not None:
                    a -= len(kin)
            out.append((a, b))
        return out

    def _surnames_after(self, text: str, end: int, most: int = 2) -> int:
        """The end of a name found up to ``end``, run on over the next one or two words where the lists hold them
        or they are rare in the languages of the script: "<given> <father's name> <family name>"."""
        for _ in range(most):
            n = self._next_word.match(text, end)
            if n is None or self._stop(n.group(1)) or self._inflected(n.group(1)):
                break
            if n.group(1) not in self.listed and self._zipf(n.group(1)) >= NEXT_NAME_ZIPF:
                break
            end = n.end(1)
        return end

    def _inflected(self, word: str) -> bool:
        """A Persian word with a suffix or a verb prefix set off by a zero-width non-joiner ("...‌ها", "می‌...")."""
        parts = word.split("\u200c")
        return len(parts) > 1 and (parts[-1] in self.w["joined_suffixes"] or parts[0] in self.w["joined_prefixes"])

    def _zipf(self, word: str) -> float:
        return _frequency(word, self._languages)

    def _name_like(self, word: str) -> bool:
        return word in self.listed or self._zipf(word) < NAME_ZIPF

    def _thai_and_chinese_prefixed(self, text: str) -> list[tuple[int, int]]:
        """ "คุณ<name>", "น้อง<name>กับ...", "阿<X>", "亲爱的<name>": a prefix joined to the name."""
        out = []
        if not any("\u0e01" <= c <= "\u0e4e" or "\u4e00" <= c <= "\u9fff" for c in text):
            return out
        not_words = self.w["thai_not_words"]
        for m in self._glued.finditer(text):
            prefix, at = m.group(), m.end()
            if prefix in self.w["ah_prefix"]:
                if at < len(text) and _class(text[at]) == "han" and text[at] not in self.w["ah_not"]:
                    out.append((m.start(), at + 1))
                continue
            if _class(prefix[0]) == "han":  # "亲爱的<name>": one to three characters
                end = at
                while end < len(text) and end - at < 3 and _class(text[end]) == "han":
                    end += 1
                if 1 <= end - at <= 3 and (end == len(text) or _class(text[end]) != "han"):
                    out.append((at, end))
                continue
            if any(
                text.startswith(word, i)
                for word in not_words
                for i in range(max(0, m.start() - len(word) + 1), m.start() + 1)
                if i + len(word) > m.start()
            ):
                continue  # "ขอบคุณ", "คุณภาพ": a word that holds the prefix
            end = self._thai_name_end(text, at)
            if end:
                out.append((m.start(), end))
                if end - at >= 4:
                    self._thai_bare.append((at, end))  # the name alone, found again without its prefix
        return out

    def _thai_name_end(self, text: str, at: int, person: bool = True) -> int:
        """Where a Thai name that starts at ``at`` ends (0 where none does); a place's name may open with a word
        that ends a person's ("บ้าน", a village)."""
        if at >= len(text) or _class(text[at]) != "thai" or unicodedata.category(text[at]).startswith("M"):
            return 0
        if person and any(text.startswith(w, at) for w in self.w["thai_not_names"] | self.w["thai_stops"]):
            return 0
        listed = next((n for n in self._thai_listed if text.startswith(n, at)), None)
        if listed:
            return at + len(listed)
        end = at
        while end < len(text) and _class(text[end]) == "thai" and end - at <= 12:
            if (
                end - at >= 2
                and not unicodedata.category(text[end]).startswith("M")
                and any(text.startswith(s, end) for s in self.w["thai_stops"])
            ):
                break
            end += 1
        if end - at < 2 or end - at > 12:
            return 0
        return end

    def _honorific_after(self, text: str) -> list[tuple[int, int]]:
        """ "<name>さん", "<name>ちゃん", "<surname>先生", "<name>老师": the name read back from the honorific."""
        out = []
        for m in self._after.finditer(text):
            start = self._name_before(text, m.start())
            if start is None:
                continue
            name = text[start : m.start()]
            if name in self.w["after_not"] or any(name.endswith(w) for w in self.w["after_not"]):
                continue
            # a hiragana nickname keeps its suffix ("<nick>ちゃん"): the suffix is most of what is written
            # and a surname alone its title ("<surname>医生"): one character is no name on its own
            kana_nickname = _class(name[0]) == "kana" and m.group() in ("ちゃん", "くん")
            end = m.end() if kana_nickname or len(name) == 1 else m.start()
            out.append((start, end))
        return out

    def _name_before(self, text: str, at: int) -> int | None:
        kind = _class(text[at - 1])
        i = at
        if kind == "kana":
            katakana = "\u30a0" <= text[at - 1] <= "\u30ff"
            while i > 0 and _class(text[i - 1]) == "kana" and at - i < (10 if katakana else 5):
                c = text[i - 1]
                if not katakana and c in _KANA_PARTICLES and i < at:
                    break
                if katakana != ("\u30a0" <= c <= "\u30ff"):
                    break
                i -= 1
            if i == at or text[i] in "おご" or (i > 0 and _class(text[i - 1]) == "kana" and not katakana):
                return None
            return i
        if kind == "han":
            while i > 0 and _class(text[i - 1]) == "han":
                i -= 1
            run = text[i:at]
            window = max(i, at - 3)
            for j in range(window, at):
                if text[j] in self.surnames or text[j : j + 2] in self.surnames:
                    return j
            return i if len(run) <= 3 else None
        return None

    def _hangul_honorific(self, text: str) -> list[tuple[int, int]]:
        """ "<name>씨", "<name>님": a Korean name of two to four syllables before an honorific."""
        if not any("\uac00" <= c <= "\ud7a3" for c in text):
            return []
        out = []
        for m in self._hangul_after.finditer(text):
            name = m.group(1)
            if name in self.w["hangul_not"] or any(name.endswith(w) for w in self.w["hangul_not"] if len(w) > 1):
                continue
            out.append(m.span(1))
        for m in self._hangul_kin_after.finditer(text):
            before, name, kin = m.group(1), m.group(2), m.group(3)
            if name in self.w["hangul_not"] or _korean_zipf(name) >= HANGUL_KIN_NAME_ZIPF:
                continue
            if before is not None and before not in self.w["hangul_kin_before"]:
                # after another word: a noun Korean uses, and a name that does not end as an adjective does
                # (two syllables, or three opening with a listed surname: "<seven> <years-old-and> <grandpa>" is none)
                if _korean_zipf(before) < HANGUL_NOUN_BEFORE_ZIPF or (
                    name[-1] in self.w["hangul_attributive"] and name[-2:] not in self.given_hangul
                ):
                    continue
                if len(name) == 3 and name[0] not in self.hangul_surnames:
                    continue
            if kin in self.w["hangul_kin_kept"]:
                out.append((m.start(2), m.end(3)))
                self._bare.append(m.span(2))
            else:
                out.append(m.span(2))
        return out

    def _introductions(self, text: str) -> list[tuple[int, int]]:
        """ "我叫<name>", "اسمي <name>": the name after a self-introduction."""
        out = []
        for m in self._introduced.finditer(text):
            at = m.end()
            if at >= len(text):
                continue
            kind = _class(text[at])
            end = at
            if kind == "spaced":
                word = re.match(_WORD, text[at:])
                end = at + len(word.group()) if word else at
            elif kind in ("han", "kana", "hangul"):
                while end < len(text) and _class(text[end]) == kind and end - at < 4:
                    end += 1
            if end > at:
                out.append((at, end))
        return out

    def _senders(self, text: str) -> list[tuple[int, int]]:
        """A chat's senders: "<name> <date> 06:12" on lines of their own (twice or more), "9:12, <name> :"."""
        out = []
        lines = list(_SENDER_LINE.finditer(text))
        if len(lines) >= 2:
            out += [m.span(1) for m in lines]
        out += [m.span(1) for m in _SENDER_AFTER_TIME.finditer(text)]
        out += [m.span(1) for m in _SENDER_TABBED.finditer(text)]
        return out

    def _in_english(self, text: str) -> list[tuple[int, int]]:
        """ "the paper is with <name> in town", "<name> is sick again": one word of these scripts in an English
        sentence, after a word that takes a person or before a verb a person does."""
        out = []
        for m in _EMBEDDED.finditer(text):
            word = m.group(2)
            if self._stop(word) or self._zipf(word) >= EMBEDDED_ZIPF:
                continue
            before = (m.group(1) or "").lower()
            after = (m.group(3) or "").lower()
            if before in self.w["english_before"] or after in self.w["english_after"]:
                out.append(m.span(2))
        return out

    def _initialled(self, text: str) -> list[tuple[int, int]]:
        """ "<initial>. <surname>" in Arabic script, "Б.<Surname>" in Cyrillic or Greek: an initial and a surname."""
        return [m.span() for m in _INITIAL_SURNAME.finditer(text) if not self._stop(m.group(1) or "")]

    def _han_people(self, text: str) -> list[tuple[int, int]]:
        """Chinese and Japanese names with no anchor: a listed surname and a listed given name of two characters
        written together ("<surname><given>"), and a listed given name alone, where as Chinese words they are
        rare and neither end makes a common word with the character beside it; the given name of a full name
        is found again alone."""
        if not _holds_han(text):
            return []
        full: list[tuple[int, int]] = []
        for m in _HAN_RUN.finditer(text):
            run, base = m.group(), m.start()
            for i in range(len(run)):
                for size in (2, 1):
                    given = run[i + size : i + size + 2]
                    if run[i : i + size] not in self.han_surnames or given not in self.han_given:
                        continue
                    if han_words.zipf(run[i : i + size + 2]) >= HAN_FULL_NAME_ZIPF:
                        continue
                    if han_words.zipf(given) < HAN_FULL_NAME_ZIPF and self._han_edges_free(run, i, i + size + 2):
                        full.append((base + i, base + i + size + 2))
                        break
        givens = {text[b - 2 : b] for _, b in full}
        alone = []
        for m in _HAN_RUN.finditer(text):
            run, base = m.group(), m.start()
            for i in range(len(run) - 1):
                given = run[i : i + 2]
                named = given in givens or (given in self.han_given and han_words.zipf(given) < HAN_GIVEN_ZIPF)
                if named and self._han_edges_free(run, i, i + 2):
                    alone.append((base + i, base + i + 2))
        return full + [(a, b) for a, b in alone if not any(x <= a and b <= y for x, y in full)]

    @staticmethod
    def _han_edges_free(run: str, start: int, end: int) -> bool:
        """Whether neither end of ``run[start:end]`` makes a common word with the character beside it."""
        if start > 0 and han_words.zipf(run[start - 1 : start + 1]) >= HAN_EDGE_ZIPF:
            return False
        return not (end < len(run) and han_words.zipf(run[end - 1 : end + 1]) >= HAN_EDGE_ZIPF)

    def _listed_pairs(self, text: str) -> list[tuple[int, int]]:
        """ "<given> <surname>" with no anchor in Arabic, Persian, Hebrew or Devanagari script: a listed first name
        not among the commonest words, then a listed surname or a rare word (a particle such as "בן" may join it)."""
        out = []
        for m in _WORD_AT.finditer(text):
            word = m.group()
            if word not in self.given or self._stop(word) or self._zipf(word) >= GIVEN_PAIR_ZIPF:
                continue
            end = m.end()
            n = self._next_word.match(text, end)
            if n is not None and n.group(1) in self.w["surname_particles"]:
                n = self._next_word.match(text, n.end())
            if n is None or self._stop(n.group(1)) or self._inflected(n.group(1)):
                continue
            if n.group(1) in self.surnames or self._zipf(n.group(1)) < SURNAME_PAIR_ZIPF:
                out.append((m.start(), n.end(1)))
        return out

    def _cased_inside(self, text: str) -> list[tuple[int, int]]:
        """ "каже Маринела је ...", "είπε ο Σπύρος": a capitalised Cyrillic or Greek word after a word in lower
        case, unless ``cased_not_names`` holds it ("Бог") or it is one of the commonest words (written so for
        emphasis)."""
        out = []
        for m in _CASED_INSIDE.finditer(text):
            words = m.group(2).split()
            if words[0].lower() in self.w["cased_not_names"] or m.group(1) in self.w["cased_not_before"]:
                continue
            if max(zipf_frequency(words[0], lang) for lang in _CASED_LANGUAGES) >= EMPHASIS_ZIPF:
                continue
            if m.group(1) in self.w["cased_kin_before"] and not self._cased_owned(text, m.start(1)):
                out.append((m.start(1), m.end(2)))  # "η <grandma> <name>": the kin word is how she is called
                self._bare.append(m.span(2))
                continue
            out.append(m.span(2))
        return out

    def _cased_owned(self, text: str, start: int) -> bool:
        """A possessive of Cyrillic script right before ``start`` ("<my> <aunt> <name>")."""
        before = text[max(0, start - 12) : start].split()
        return bool(before) and before[-1].lower() in self.w["cased_kin_owners"]

    def _letter_lines(self, text: str) -> list[tuple[int, int]]:
        """A Japanese letter's first line "<name>へ" and last line "<name>より"."""
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
        out = []
        if lines:
            a, b = lines[0]
            first = text[a:b].strip()
            for to in sorted(self.w["letter_to"], key=len, reverse=True):
                if first.endswith(to) and _LETTER_LINE.fullmatch(first[: -len(to)]):
                    start = a + text[a:b].index(first)
                    out.append((start, start + len(first) - len(to)))
                    break
            a, b = lines[-1]
            last = text[a:b].strip()
            for sign in self.w["letter_from"]:
                if last.endswith(sign) and _LETTER_LINE.fullmatch(last[: -len(sign)]):
                    start = a + text[a:b].index(last)
                    out.append((start, start + len(last) - len(sign)))
        return out

    def _again(self, text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The other uses of each name found, in the same document, as written."""
        names = {text[a:b] for a, b in found if b - a >= 2 and all(_class(c) or c in " .\u200c" for c in text[a:b])}
        out = []
        suffixes = sorted(self.w["name_suffixes"], key=len, reverse=True)
        for name in names:
            spaced = _class(name[0]) == "spaced"
            for m in re.finditer(re.escape(name), text):
                if spaced and not (
                    self._free_before(text, m.start(), name) and self._free_after(text, m.end(), suffixes)
                ):
                    continue
                out.append(m.span())
        return out

    def _free_before(self, text: str, start: int, name: str) -> bool:
        """Whether a name of a spaced script found again at ``start`` is a word of its own there, or has one
        Hebrew word joined before it ("ו<name>", and <name>; names of three letters or more)."""
        if start == 0 or _class(text[start - 1]) != "spaced":
            return True
        return (
            len(name) >= 3
            and text[start - 1] in self._hebrew_prefix
            and (start == 1 or _class(text[start - 2]) != "spaced")
        )

    @staticmethod
    def _free_after(text: str, end: int, suffixes: list[str]) -> bool:
        """Whether a name of a spaced script found again ends a word at ``end``, or a Bengali case ending does
        ("<name>র", <name>'s)."""
        if end >= len(text) or _class(text[end]) != "spaced":
            return True
        for suffix in suffixes:
            after = end + len(suffix)
            if text.startswith(suffix, end) and (after >= len(text) or _class(text[after]) != "spaced"):
                return True
        return False

    # ------------------------------------------------------------------ places and organisations

    def places_and_organisations(self, text: str) -> list[tuple[int, int, str]]:
        self._languages = spaced_languages(text)
        out: list[tuple[int, int, str]] = []
        for pattern, label in ((self._org_after, ORGANIZATION), (self._place_after, LOCATION)):
            for m in pattern.finditer(text):
                if _class(text[m.start() - 1]) == "han":
                    start = _han_name_start(text, m.start(), m.end())
                else:
                    start = self._run_before(text, m.start())
                if start is not None:
                    out.append((start, m.end(), label))
        out += [(a, b, LOCATION) for a, b in _han_addresses(text)]
        for pattern, label in ((self._org_glued, ORGANIZATION), (self._place_glued, LOCATION)):
            for m in pattern.finditer(text):
                if _class(m.group()[0]) != "thai":
                    continue
                end = self._thai_name_end(text, m.end(), person=False)
                if end:
                    out.append((m.start(), end, label))
        for pattern, label in ((self._org_before, ORGANIZATION), (self._place_before, LOCATION)):
            for m in pattern.finditer(text):
                end, words = m.end(), 0
                while words < 3:
                    n = _WORD_AT.match(text, end) if words == 0 else self._next_word.match(text, end)
                    if n is None:
                        break
                    word = n.group(1) if n.groups() else n.group()
                    if self._stop(word) or self._zipf(word) >= (FIRST_NAME_WORD_ZIPF if words == 0 else EVERYDAY_ZIPF):
                        break
                    end, words = n.end(), words + 1
                if words:
                    out.append((m.start(), end, label))
        for m in self._cyrillic_place.finditer(text):
            rest = _CYRILLIC_REST.match(text, m.end())
            out.append((m.start(), rest.end() if rest else m.end(), LOCATION))
        return out

    def _run_before(self, text: str, at: int) -> int | None:
        """The start of a name of 2 to 10 characters of one script class joined to a type word after it, set
        apart on its left (a space, a mark, the start of a line)."""
        kind = _class(text[at - 1])
        i = at
        while i > 0 and _class(text[i - 1]) == kind:
            i -= 1
        limit = 10 if kind == "hangul" else 5
        if kind not in ("han", "hangul") or not 2 <= at - i <= limit:
            return None
        return i


def _han_name_start(text: str, at: int, end: int) -> int | None:
    """The start of the name of a place or an organisation before its type word ``text[at:end]`` in Chinese or
    Japanese: the type word must end a word of its run (cut by ``han_words``), and the name is the words before
    it read backwards up to a common short word (a pronoun, a verb, a preposition), ten characters at most."""
    first = at
    while first > 0 and _class(text[first - 1]) == "han":
        first -= 1
    last = end
    while last < len(text) and _class(text[last]) in ("han", "kana"):
        last += 1
    words = [(first + a, first + b) for a, b in han_words.cut(text[first:last])]
    ending = next((i for i, (a, b) in enumerate(words) if b == end), None)
    if ending is None:
        return None
    start = min(at, words[ending][0])
    for a, b in reversed(words[:ending]):
        if b > start:
            continue
        z = han_words.zipf(text[a:b])
        if z >= (HAN_CHAR_STOP_ZIPF if b - a == 1 else HAN_WORD_STOP_ZIPF) or end - a > 10:
            break
        start = a
    return start if start < at else None


def _han_addresses(text: str) -> list[tuple[int, int]]:
    """Postal addresses in Chinese or Japanese: regions, a road and a number, or two parts of them at least,
    the first region's name read backwards as a place's is."""
    out = []
    for m in _HAN_ADDRESS.finditer(text):
        if not (m.group("road") or m.group("number") or len(_HAN_REGION.findall(m.group())) >= 2):
            continue
        start = m.start()
        if not m.group().isascii() and not m.group()[0].isdigit():
            region = m.end("region")
            start = _han_name_start(text, region - 1, region)
            if start is None or start < m.start():
                continue
        out.append((start, m.end()))
    return out


class ScriptProcessor(CorpusProcessor):
    """The corpus processor of :class:`ScriptNames`: document by document, no corpus knowledge."""

    name = "scripts"

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        #: one finder per :class:`Rules` (a processor is built for every detection run; it keeps no corpus
        #: knowledge, and reading its lists again cost a tenth of a short text's detection)
        finder = _FINDERS.get(rules)
        if finder is None:
            finder = _FINDERS[rules] = ScriptNames(rules)
        self.finder = finder

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        return [], None

    def observe(self, doc_id: str, observation: Any) -> None:
        return None

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        text = doc.text
        if text.isascii():
            return []
        out = [Span(a, b, PERSON, score=SCORE, detector=DETECTOR) for a, b in set(self.finder.people(text))]
        out += [
            Span(a, b, label, score=SCORE, detector=DETECTOR)
            for a, b, label in set(self.finder.places_and_organisations(text))
        ]
        return sorted(out, key=lambda s: (s.start, s.end))


#: :class:`ScriptProcessor`'s finder per Rules object (dropped with it)
_FINDERS: weakref.WeakKeyDictionary[Rules, ScriptNames] = weakref.WeakKeyDictionary()
