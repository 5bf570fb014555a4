"""Values of labelled form fields: "Name: Ana Ruiz", "Ph: 552 1908", "Address:\\n4 Mill Lane\\nTruro".

The field says what its value is (``rules/lexicons/form_fields.yaml``), so a town NER takes for a
person, a short local phone number or an address in another country's order is found by its label.
A field is a label at the start of a line, or after two spaces, a tab or a bar when fields share a
line, then a colon, a tab or a dash. Its value runs to the end of the line or the next field; when
the label stands alone on its line, the value is on the next line (an address on up to four lines,
each its own span). A value must look like what the field holds: a name of name-shaped words, a
phone number with at least six digits, a place with a digit or a capitalised word that is not an
everyday one ("Address: same as above", "Name: declined" are left alone). A person field's value may also
be initials ("Received by: Q.Z.") or a list of names, each found ("Staff: T. Ruel, J. de Vos").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.recognizers.structure import Found, LayoutNames, LayoutWords, _TextRecognizer
from qualdeid.labels import AGE, CONTACT, LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules, alternation

#: the lists of form_fields.yaml and the label of their values
FIELD_LABELS = {"person": PERSON, "location": LOCATION, "organization": ORGANIZATION, "contact": CONTACT}
#: capitals without dots as common as this in English (Zipf) are a word, not initials ("NONE", "SAME")
INITIALS_ZIPF = 3.0
#: the most lines an address below its label runs to
ADDRESS_LINES = 4
#: the longest part of a hyphenated name of syllables ("Da-bin", "Seo-yun")
ROMANISED_SYLLABLE = 4
#: a capitalised word at least this common in English (Zipf) does not make a value a place or an organisation
EVERYDAY_ZIPF = 4.5

#: another field's label opening a line ("DOB:", "Next of kin -"): the end of a value below a label
_NEXT_FIELD = re.compile(r"[ \t>*•-]*[^\W\d_][\w .'/()-]{0,30}?[ \t]*(?::|\t|[ \t]-[ \t])")
#: where a value ends on its line: two spaces or a tab before the next field, or a bar
_VALUE_END = re.compile(r"[ \t]{2,}|\t|[ \t]\|[ \t]|[ \t]·[ \t]")
_PHONE = re.compile(r"\+?[\d(][\d() .\-/]{4,}\d")
_NAME_END = re.compile(r"[ \t]*(?:[(,;<\[]|\d|[ \t]-[ \t]|$)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: a date after a name in a field ("Received by: Q.Z. 05.05.2025"), not a phone number
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")
#: initials as a person field's value: "Q.Z.", "J. M.", "QXB", "QZ-R"
_INITIALS = re.compile(r"(?:[A-Z]\.[ \t]?){1,3}[A-Z]\.?|[A-Z]{2,4}(?:-[A-Z]{1,2})?")
#: a part of a name, in a field asking for it: one to four words ("BAKER", "Rose May", "O'Neill-Diaz")
_NAME_PART = re.compile(r"[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,3}")
#: the name someone goes by, in a field asking for it: a capitalised word or two to four capitals
_ALIAS_VALUE = re.compile(r"[A-Z][a-z'’-]+|[A-Z]{2,4}")
#: the given names after a surname and its comma: ", Mei-ling", ", BISI K."
_GIVEN_NAMES = re.compile(
    r",[ \t]*([^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*\.?){0,2})(?=[ \t]*(?:[(,;<\[]|$|[ \t]{2}))"
)
#: a bracket after a name, and the quotes around a nickname inside it: '(Zoi "Zozo" Pappa)'
_BRACKETED = re.compile(r"[ \t]*\(([^()\n]{2,60})\)")
_QUOTES = re.compile(r"[\"“”]")
#: between the names a person goes by: "Bisi / Bisola", "Tunde or Babatunde"
_ALIASES = re.compile(r"[ \t]+(?:/|or)[ \t]+")
#: a name in quotes, maybe with words after it: '"Sunny" at work'
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,40})[\"”]")
#: a sentence inside a value: a word of three letters or more, a full stop, a space ("NFA. Sleeps ...")
_SENTENCE = re.compile(r"[^\W\d_]{3,}[.!?][ \t]")
#: a time or a range of hours: "12-3", "9.30am", "10:00–12:00"
_HOUR = r"\d{1,2}(?:[:.]\d{2})?[ \t]*(?:am|pm)?"
_TIME = re.compile(rf"(?i:{_HOUR}(?:[ \t]*[-–][ \t]*{_HOUR})?)")
#: between the parts of a place's value: "the hall, Moorby", "car park / Tolland Park"
_PART_BREAK = re.compile(r",|[ \t]/[ \t]")
#: a date after a place in a signature's field: "Tarrowby, 03.05.2025", "Vännäsby 2025-03-12", "Ulm, le 3 mai"
_TRAILING_DATE = re.compile(
    r"[ \t,]+\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\.?$"
    r"|[ \t]*,[ \t]*(?:le[ \t]+|den[ \t]+|am[ \t]+)?\d{1,2}\.?[ \t]+(?:de[ \t]+)?[^\W\d_]{3,}\b.*$"
)
#: a further line of an address: a few words, no sentence
_SHORT_LINE = re.compile(r"[^\W\d_][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}")


class FormFieldRecognizer(_TextRecognizer):
    """Names, places, organisations and phone numbers named by their form field (module docstring)."""

    LABELS = (PERSON, LOCATION, ORGANIZATION, CONTACT, AGE)
    #: above NER (0.85) and a town after a preposition (0.86): the field says what the value is
    SCORE = 0.88

    def __init__(self, rules: Rules) -> None:
        fields = rules.lists("lexicons/form_fields.yaml")
        self.label_of = {word: FIELD_LABELS[key] for key in FIELD_LABELS if key in fields for word in fields[key]}
        #: the headings of a table's columns of names and of ages ("Name   Relationship   Age")
        self.column_of = (
            {word: ORGANIZATION for word in fields["organization"]}
            | {word: PERSON for word in fields["person"]}
            | {word: AGE for word in fields["age_columns"]}
        )
        self.particles = fields["name_particles"]
        self.alias_fields = frozenset(fields["alias"])
        self.name_part_fields = frozenset(fields["name_parts"])
        self.no_value = frozenset(fields["no_value"])
        self.names = LayoutNames(NameLexicon.read(rules), LayoutWords(rules))
        self.not_initials = self.names.names.not_initials
        self.generic = rules.words("lexicons/generic_name_words.txt", lower=True)
        self.not_places = rules.words("lexicons/not_places.txt", lower=True)
        calendar = rules.lists("lexicons/calendar.yaml")
        days = ("weekdays", "weekdays_short", "months", "months_short")
        self.calendar = frozenset().union(*(calendar[k] for k in days))
        self.months = rules.words("lexicons/months_world.txt", lower=True)
        labels = alternation(self.label_of)
        #: a title line naming the kind of record, a dash, then whom it is about: "CASE NOTES - TREVASK, Ana"
        kinds = alternation(rules.words("lexicons/document_kinds.txt", lower=True))
        self.title = re.compile(
            rf"^[ \t>#*]*(?:[^\W\d_][^\n:]{{0,40}}?[ \t])?(?i:{kinds})[ \t]+[-–—][ \t]+(?P<value>[^\n]+)", re.MULTILINE
        )
        self.kinds = rules.words("lexicons/document_kinds.txt", lower=True)
        languages = alternation(
            rules.words("rare/language.txt", lower=True) | rules.words("lexicons/peoples.txt", lower=True)
        )
        self.field = re.compile(
            rf"(?:^|(?<=[ \t]{{2}})|(?<=\t)|(?<=\|[ \t]))[ \t>*•-]*"
            rf"(?:(?i:{languages})[ \t]+)?"  # "Chinese name:", "Arabic name:": the name in that language
            r"(?:[^\W\d_][^\n:/()]{0,30}?[ \t]*/[ \t]*){0,3}?"  # translations before it: "Adresse / Address:"
            r"(?:[^\W\d_][\w'’]*[ \t]+(?=(?i:signature\b)))?"  # whose signature: "Client signature:"
            rf"(?P<label>(?i:{labels}))"
            r"(?:(?<=(?i:signature))[ \t]+of[ \t]+[^\W\d_][^\n:]{0,25}?)?"  # "Signature of parent:"
            r"(?:[ \t]*/[ \t]*[^\W\d_][^\n:/()]{0,30}?)?"  # its translation: "Nome / Name:"
            r"(?:[ \t]*\([^)\n]{1,20}\))?"
            r"(?P<written_in>[ \t]+in[ \t]+[^\W\d_][\w \t]{0,24}(?=:))?"  # "Name in own language:"
            r"[ \t]*(?::|\t|[ \t]-[ \t]|[ \t]–[ \t])[ \t]*"
            rf"(?P<value>(?:(?!{_VALUE_END.pattern})[^\n])*)",
            re.MULTILINE,
        )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if "\t" in text or "   " in text:
            yield from self._tables(text)
        yield from self._titled(text)
        if ":" not in text and "\t" not in text and " - " not in text:
            return
        for m in self.field.finditer(text):
            label = self.label_of[" ".join(m.group("label").lower().split())]
            if m.group("written_in") and label != PERSON:
                continue  # "Location in building:" is a part of a building, not a place's name
            value_start = m.start("value")
            value = m.group("value")
            if value.strip():
                key = " ".join(m.group("label").lower().split())
                part = key in self.name_part_fields
                yield from self._value(value_start, value, label, alias=key in self.alias_fields, part=part)
                continue
            yield from self._below(text, m.end(), label)

    def _titled(self, text: str) -> Iterator[Found]:
        """The surnames in capitals after a record's title and a dash ("CASE NOTES - TREVASK, Ana", "Contact log -
        QUENBY / HARLOCK"): each a person, with the given names after a comma; a title's other words ("HANDOVER
        NOTES - WEEK 12", "Minutes - AGM") are everyday words or abbreviations, no surnames."""
        for m in self.title.finditer(text):
            value = m.group("value")
            value = value[: m_end.start()] if (m_end := _VALUE_END.search(value)) else value
            name = value[: _NAME_END.search(value).start()]
            parts = [(p.start(), p.group()) for p in re.finditer(r"[^/]+", name)]
            if not parts or not all(self._capitals_surname(part.strip()) for _, part in parts):
                continue
            for at, part in parts:
                lead = len(part) - len(part.lstrip())
                part = part.strip()
                if at + lead + len(part) == len(name):
                    part = self._last_first(value[at + lead :], part)
                yield m.start("value") + at + lead, m.start("value") + at + lead + len(part), PERSON

    def _capitals_surname(self, value: str) -> bool:
        """One to three words in capitals that are listed surnames or long words rare in English: "TREVASK",
        "VAN DER TALLOW"; not an abbreviation ("AGM", "MARAC" is listed as none)."""
        words = value.split()
        lex = self.names.names
        return (
            1 <= len(words) <= 3
            and all(w.isupper() and w.isalpha() and len(w) > 1 for w in words)
            and not any(w in self.not_initials or w.lower() in self.kinds for w in words)
            and all(w.lower() in self.particles or w.lower() in lex.surnames or _long_rare(w) for w in words)
            and not all(w.lower() in self.particles for w in words)
        )

    def _tables(self, text: str) -> Iterator[Found]:
        """The names and ages in the columns a table's heading row names ("Name   Relationship   Age" over
        "Ana Ruiz    sister    34"): each row's cell under the heading, down to a blank line; beside them, the
        schools and workplaces of a column an organisation's field heads ("School / work")."""
        lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
        i = 0
        while i < len(lines):
            start, line = lines[i]
            i += 1
            cells = list(_CELL.finditer(line))
            columns = [(c.start(), label) for c in cells if (label := self._column(c.group())) is not None]
            if len(cells) < 2 or not any(label != ORGANIZATION for _, label in columns):
                continue
            while i < len(lines) and lines[i][0] == start + len(line) + 1:  # the rows right below, no blank line
                start, line = lines[i]
                row = list(_CELL.finditer(line))
                if len(row) < 2:
                    break
                for at, label in columns:
                    cell = _cell_at(row, at, cells)
                    if cell is not None:
                        yield from self._table_value(start + cell.start(), cell.group(), label)
                i += 1

    def _column(self, heading: str) -> str | None:
        """What a column's heading says its cells hold: "Name", "Age (years)", "School / work"."""
        key = _heading(heading)
        if key in self.column_of:
            return self.column_of[key]
        parts = [self.column_of.get(part.strip()) for part in key.split("/")]
        return next((label for label in parts if label is not None), None) if len(parts) > 1 else None

    def _table_value(self, start: int, value: str, label: str) -> Iterator[Found]:
        if label == ORGANIZATION:
            # "driver, Kestrel Buses", "works at Harbour Foods, nights": the named part of a school or work cell
            for part in _CELL_PARTS.finditer(value):
                name = _capitalised_run(part.group())
                if name and name in part.group() and self._is_place(name):
                    at = start + part.start() + part.group().find(name)
                    yield at, at + len(name), ORGANIZATION
            return
        if label == AGE:
            if _AGE_CELL.fullmatch(value):
                yield start, start + len(value), AGE
            return
        name = value[: _NAME_END.search(value).start()]
        if name and (self._is_name(name.split()) or _uncased_name(name)):
            yield start, start + len(name), PERSON
            yield from self._bracketed_name(start, value, len(name))

    def _below(self, text: str, offset: int, label: str) -> Iterator[Found]:
        """The value on the lines below a label that stands alone on its line."""
        lines = ADDRESS_LINES if label == LOCATION else 1
        pos = offset + 1
        for _ in range(lines):
            if pos >= len(text):
                return
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if not line.strip() or len(line) > 80 or _NEXT_FIELD.match(line):
                return
            found = list(self._value(pos, line, label, continued=pos > offset + 1))
            if not found:
                return
            yield from found
            pos = end + 1

    def _value(
        self, start: int, value: str, label: str, continued: bool = False, alias: bool = False, part: bool = False
    ) -> Iterator[Found]:
        """The value's span, if it looks like what the field holds (``continued``: a further line of
        an address, which may be a lower-case town: "port ellis"; ``alias``: a field of the name someone
        goes by; ``part``: a field asking for a part of a name, "Surname:")."""
        lead = len(value) - len(value.lstrip())
        sentence = value.rstrip().endswith((".", "!", "?"))
        value = value.strip().rstrip(",;.")
        start += lead
        if not value:
            return
        if label == CONTACT:
            m = _PHONE.match(value)
            if m and sum(c.isdigit() for c in m.group()) >= 6:
                yield start, start + len(m.group().rstrip(" .-/")), CONTACT
        elif label == PERSON:
            name = value[: _NAME_END.search(value).start()]
            quoted = _QUOTED.match(name)
            if alias and quoted is not None and self._alias(quoted.group(1)):
                yield start + quoted.start(1), start + quoted.end(1), PERSON  # 'Nickname: "Sunny" at home'
            elif (
                self._is_name(name.split())
                or (alias and self._goes_by(name))
                or (part and self._name_part(name))
                or self._unlisted_name(name)
            ):
                name = self._last_first(value, name)
                yield start, start + len(name), PERSON
                yield from self._bracketed_name(start, value, len(name))
                yield from self._more_names(start, value, len(name))
            elif _INITIALS.fullmatch(name) and self._initials(name):
                yield start, start + len(name), PERSON  # "Received by: Q.Z.", "Signature: QXB"
            elif _ALIASES.search(name):
                yield from self._aliases(start, name, alias)
            elif _uncased_name(name):
                yield start, start + len(name), PERSON  # "Name in Chinese: 林美華", "اسم: محمد"
            for m in _PHONE.finditer(value, len(name)):  # "Next of kin: Ana Ruiz (sister) 0412 118 220"
                if sum(c.isdigit() for c in m.group()) >= 7 and not _DATE.fullmatch(m.group().strip()):
                    yield start + m.start(), start + m.start() + len(m.group().rstrip(" .-/")), CONTACT
        elif label == ORGANIZATION:
            name = _trailing_lower(re.split(r"[ \t]*[,(;]", value)[0])
            if self._is_place(name):
                yield start, start + len(name), label
        elif _SENTENCE.search(value) or not value[0].isalnum():
            return  # "NFA. Sleeps rough near the park": a note, not an address
        else:
            place = self._place_part(value)
            if self._is_place(place) or (continued and not sentence and self._is_short_line(place)):
                offset = start + value.find(place)
                yield offset, offset + len(place), label

    def _place_part(self, value: str) -> str:
        """The address in a value, without a note in brackets, a date or time after it, or lower-case
        words after a name ("Larkhill Hall function room, Tue 9 Apr")."""
        value = value.split("(")[0].rstrip(" \t,")
        while (
            (m := _PART_BREAK.search(value))
            and not _has_digit(value[: m.start()])
            and not self._is_place(value[: m.start()])
        ):
            rest = value[m.end() :].lstrip()
            if not self._is_place(rest):
                break
            value = rest  # "participant's kitchen, Moorby", "Carpark / Tolland Park": a kind of place, then its name
        if (m := _TRAILING_DATE.search(value)) and self._dated(m.group()):
            value = value[: m.start()]  # "Ort, Datum: Tarrowby, 03.05.2025": the place without its date
        parts = value.split(",")
        for n, part in enumerate(parts[1:], start=1):
            first = part.split()[:1]
            if not first or first[0].lower().rstrip(".") in self.calendar or _TIME.fullmatch(part.strip()):
                value = ",".join(parts[:n])
                break
        return _trailing_lower(value.rstrip(" \t,"))

    def _dated(self, tail: str) -> bool:
        """A date closes the value: numbers with dots, dashes or slashes, or a day and a month's name in English
        or another language ("3 May 2025", "3 de mayo de 2025", "12. huhtikuuta")."""
        if _DATE.search(tail):
            return True
        words = re.findall(r"[^\W\d_]+", tail.lower())
        return any(w in self.calendar or w in self.months for w in words[:2])

    def _last_first(self, value: str, surname: str) -> str:
        """ "CHAN, Mei-ling", "OYELOWO, BISI K.": a surname in capitals, a comma, then the given names."""
        if not (surname.isupper() and len(surname) > 1):
            return surname
        m = _GIVEN_NAMES.match(value, len(surname))
        if m is None or not self._is_name(m.group(1).split()):
            return surname
        return value[: m.end()]

    def _bracketed_name(self, start: int, value: str, after: int) -> Iterator[Found]:
        """ "Ζωή Παππά (Zoi "Zozo" Pappa)": the same name in brackets after the name, in another script
        or with a nickname in quotes (not "(sister)")."""
        m = _BRACKETED.match(value, after)
        if m and self._is_name(_QUOTES.sub(" ", m.group(1)).split()):
            inner = m.group(1)
            lead = len(inner) - len(inner.lstrip('"“”'))
            yield start + m.start(1) + lead, start + m.start(1) + len(inner.rstrip('"“”')), PERSON

    def _initials(self, value: str) -> bool:
        """Initials, not an abbreviation ("NFA", "TBC") nor a word in capitals ("NONE", "SAME")."""
        letters = value.replace(".", "").replace(" ", "")
        return letters not in self.not_initials and ("." in value or zipf(letters.lower()) < INITIALS_ZIPF)

    def _more_names(self, start: int, value: str, after: int) -> Iterator[Found]:
        """The further people of a field that lists several: "Staff: T. Ruel, J. de Vos (RN)", "Children:
        BRANNOCK, Ysolde; BRANNOCK, Teo" (apart by semicolons when any, else by commas, "and" or "&")."""
        separator = re.compile(
            r"[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?(?:" + (";" if ";" in value[after:] else r",|&|\band\b") + r")[ \t]*"
        )
        pos = after
        while (m := separator.match(value, pos)) is not None:
            pos = m.end()
            rest = value[pos:]
            name = rest[: _NAME_END.search(rest).start()]
            if not name[:1].isupper() or not self._is_name(name.split()):
                return
            name = self._last_first(rest, name)
            yield start + pos, start + pos + len(name), PERSON
            yield from self._bracketed_name(start + pos, rest, len(name))
            pos += len(name)

    def _aliases(self, start: int, value: str, alias: bool = False) -> Iterator[Found]:
        """ "Known as: Bisi / Bisola": each name of a list of names the person goes by; in a field of the name
        someone goes by, a word in quotes too ('Preferred name: Bisi / "Sunny" at work')."""
        offset = 0
        for part in _ALIASES.split(value):
            at = value.index(part, offset)
            offset = at + len(part)
            quoted = _QUOTED.match(part.strip())
            name = quoted.group(1) if quoted is not None else part.strip().strip("\"'“”")
            if self._is_name(name.split()) or (alias and quoted is not None and self._alias(name)):
                at += part.index(name)
                yield start + at, start + at + len(name), PERSON

    def _alias(self, value: str) -> bool:
        """The name someone goes by, written in quotes in a field asking for it: a name, or one capitalised word
        or a few capitals ("Sunny", "TJ")."""
        return self._is_name(value.split()) or self._goes_by(value)

    def _goes_by(self, value: str) -> bool:
        """One capitalised word or a few capitals, not a filler: "Sunny", "TJ", not "None" or "Same"."""
        return _ALIAS_VALUE.fullmatch(value) is not None and value.lower() not in STOP_WORDS

    def _name_part(self, value: str) -> bool:
        """The value of a field asking for a part of a name: one to four capitalised words or words in capitals,
        whatever else they are ("Surname: BAKER", "Forenames: Rose May"), not what a form writes for no name
        ("Unknown", "Not given")."""
        words = value.split()
        return (
            _NAME_PART.fullmatch(value) is not None
            and all(w[0].isupper() for w in words)
            and " ".join(words).lower() not in self.no_value
            and not all(w.lower() in STOP_WORDS for w in words)
        )

    def _unlisted_name(self, value: str) -> bool:
        """A name no list holds, in a field asking for one: one to four capitalised words or words in capitals, a
        capitalised one rare in English in every part ("KWON Da-bin", "Seo-yun Ahn"), none an everyday word
        ("Name: Project Alpha", "Name: See Attached") or an abbreviation ("TBC")."""
        words = value.split()
        if not 1 <= len(words) <= 4 or _NAME_PART.fullmatch(value) is None or value.lower() in self.no_value:
            return False
        rare = False
        for w in words:
            if not w[0].isupper() or w in self.not_initials or w.lower() in STOP_WORDS:
                return False
            if w.isupper():
                continue  # a surname in capitals, whatever else the word is ("PARK")
            low = w.lower().rstrip(".")
            if zipf(low) >= EVERYDAY_ZIPF:
                return False
            # syllables joined by hyphens, as romanised given names are written ("Da-bin", "Mi-rae")
            syllables = "-" in low and all(p.isalpha() and len(p) <= ROMANISED_SYLLABLE for p in low.split("-"))
            rare = rare or syllables or zipf(low) < INITIALS_ZIPF
        return rare

    def _is_name(self, words: list[str]) -> bool:
        lex = self.names
        words = [w for w in words if w.lower().rstrip(".") not in lex.titles]
        if not 1 <= len(words) <= 5 or any(w in self.not_initials for w in words):
            return False
        named = 0
        for w in words:
            if w.lower() in self.particles:
                continue
            if not _WORD.fullmatch(w):
                return False
            if w[0].isupper() and len(w.rstrip(".")) == 1:
                continue  # an initial: "Tomas K. Berg"
            if lex.is_first_name(w) or lex.is_namelike(w):
                named += 1
            elif lex.is_wordlike(w) or not w[0].isupper():
                return False
        return named > 0

    def _is_place(self, value: str) -> bool:
        if value.lower() in self.not_places:
            return False  # "Town: Hungary" is a country, not flagged
        if any(c.isdigit() for c in value):
            return any(c.isalpha() for c in value) or len(value) >= 4
        # a Title Case word ("Tartu"), not an abbreviation ("held by SW")
        words = _WORD.findall(value)
        return any(w[0].isupper() and not w.isupper() and self._is_proper(w.lower()) for w in words)

    def _is_proper(self, low: str) -> bool:
        return low not in self.generic and low not in self.not_places and zipf(low) < EVERYDAY_ZIPF

    def _is_short_line(self, value: str) -> bool:
        return _SHORT_LINE.fullmatch(value) is not None and value.lower() not in self.not_places


#: a cell of a table's row: words apart by single spaces, up to a tab, two spaces or the line's end (the
#: shortest: a cell of one character, "9", is not run into the next)
_CELL = re.compile(r"[^\s](?:[^\t\n]*?[^\s])??(?=\t| {2,}|[ \t]*$)", re.MULTILINE)
#: an age in a table's cell
_AGE_CELL = re.compile(r"\d{1,3}")
#: how far a row's cell may start from its column's heading
_COLUMN_SLACK = 3


#: the parts of a table's cell of schools or work: "driver, Kestrel Buses", "Pellow High + tutoring"
_CELL_PARTS = re.compile(r"[^,;+(]+")


def _capitalised_run(part: str) -> str:
    """The words of ``part`` from its first capitalised one to its last ("works at Harbour Foods" ->
    "Harbour Foods"); empty when none is."""
    words = part.split()
    capitalised = [i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit()]
    if not capitalised:
        return ""
    return " ".join(words[capitalised[0] : capitalised[-1] + 1])


def _heading(cell: str) -> str:
    """A column heading as the lists write it: "Name:", "AGE", "Age (years)" -> "name", "age"."""
    return re.sub(r"[ \t]*\([^)]*\)$", "", cell).rstrip(" :").lower()


def _cell_at(row: list[re.Match[str]], at: int, headings: list[re.Match[str]]) -> re.Match[str] | None:
    """The cell of ``row`` under the heading that starts at ``at``: the one starting there, or the same
    one by its place when the row has as many cells as the headings."""
    for cell in row:
        if abs(cell.start() - at) <= _COLUMN_SLACK:
            return cell
    if len(row) == len(headings):
        return row[[h.start() for h in headings].index(at)]
    return None


#: a name in a script without capitals (Han, Arabic, Devanagari, Georgian...): up to four words
_UNCASED_NAME = re.compile(r"[^\W\d_]+(?:[ \t·・][^\W\d_]+){0,3}")


def _uncased_name(value: str) -> bool:
    """A field's value of letters that are no Latin, Greek, Cyrillic or Armenian letters: a name written in
    its own script, which neither the name lists nor capitals can judge."""
    return _UNCASED_NAME.fullmatch(value) is not None and all(
        not unicodedata.name(c, "LATIN").startswith(("LATIN", "GREEK", "CYRILLIC", "ARMENIAN"))
        for c in value
        if c.isalpha()
    )


#: a word in capitals this long, with a vowel, and rarer in English than this (Zipf) may be a surname
LONG_RARE_LETTERS, LONG_RARE_ZIPF = 5, 3.0


def _long_rare(word: str) -> bool:
    return len(word) >= LONG_RARE_LETTERS and any(c in "AEIOUY" for c in word) and zipf(word.lower()) < LONG_RARE_ZIPF


def _has_digit(value: str) -> bool:
    return any(c.isdigit() for c in value)


def _trailing_lower(value: str) -> str:
    """A name without the lower-case words after it ("Larkhill Hall function room" -> "Larkhill Hall"),
    unless it is all lower case ("19 kestrel rise")."""
    words = value.split(" ")
    if not any(w[:1].isupper() for w in words):
        return value
    while len(words) > 1 and words[-1][:1].islower():
        words.pop()
    return " ".join(words)
