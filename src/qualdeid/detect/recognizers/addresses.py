"""The last lines of a postal address in any country's order: a street line with its number, then a
line with a postcode before or after the town ("Peltokatu 9 C 14\\n33210 Vierumaa", "Ostra gatan 4\\n
H-8265 Tarnok", "6/12 Kestrel Rise\\nMoorby, Tallis 5024", "Odos Iliou 14\\nΧανιά 73100, Κρήτη"),
a PO box line ("PO Box 417, Harbour Street, Moorby 9058") and military addresses ("APO AE 09012"); and an address
of parts apart by commas, numbered by the words of its country with no postcode ("House No. 9, Street 14, Kalmar
Town", "ul. Brzozowa 5, m. 12": ``address_parts`` of ``rules/lexicons/layout.yaml``).

:class:`~.structure.AddressBlockRecognizer` reads letters whose street line has an English street type
("14 Mill Lane"); this one needs no street type: the postcode line below a numbered line is the
evidence, so each line counts only with the other. One LOCATION span per line, as the guidelines ask.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.recognizers.structure import Found, LayoutWords, _TextRecognizer
from qualdeid.labels import LOCATION
from qualdeid.rules import Rules

#: a line longer than this is prose, not a line of an address
MAX_LINE = 70
#: a whole address on one line, or a part of a line between wide gaps, runs to this length
ONE_LINE_MAX = 100
#: the most comma-separated parts of an address of numbered parts
MAX_PARTS = 8
#: a town word at least this common in English is a word ("Session 2024" is no town line)
TOWN_WORD_ZIPF = 4.5

#: "C1428ABF" and "C1428" (Argentina) before the town
_POSTCODE_FIRST = r"(?:[A-Z]{1,2}-)?\d{2,5}(?:[ \t-]\d{2,4})?|\d{4}[ \t]?[A-Z]{2}|[A-Z]\d{4}(?:[A-Z]{3})?"
_POSTCODE_AFTER = (
    r"\d{4,6}(?:-\d{3,4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"
    r"|[AC-FHKNPRTV-Y]\d{2}[ \t]?[0-9AC-FHKNPRTV-Y]{4}"
)
#: a word this common in English ("had", "with") makes a line prose, not a street
PROSE_WORD_ZIPF = 5.4
_LETTERS = regex.compile(r"\p{L}{2,}")
_YEAR = regex.compile(r"(?:19|20)\d\d")
#: a run of digits that can be a postcode: the cheap test before any line is read
_ANY_CODE = regex.compile(
    r"\d{4}|\d{2,3}[ \t-]\d{2,3}|[A-Z]\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|\b[AFD]PO\b"
)
#: the start of a line of quoted mail ("> ", ">> "), or only spaces
_QUOTE_MARKS = r"[ \t]*(?:>[ \t>]*)?"
_LABEL = regex.compile(r"[ \t>*•-]*[^\W\d_][\w ./()-]{0,30}:[ \t]*")
_DIGITS = regex.compile(r"\d")
#: the number of a postal box, two digits or more ("Box 73", "Postfach 1120"): the box alone is an address
_BOX_NUMBER = regex.compile(r"\d{2,}")
#: a house number beside a street name: "Kwikstraat 38", "38 Kwik Street", "al. Lipowa 45/67"
_NUMBER_BY_WORD = regex.compile(
    r"\p{L}{3,}\.?[ \t]+\d{1,5}[a-zA-Z]?(?:[/-]\d{1,5})?\b|\b\d{1,5}[a-zA-Z]?(?:[/-]\d{1,5})?,?[ \t]+\p{L}{3,}"
)
_WORD = regex.compile(r"\p{L}[\p{L}'’-]{2,}")
#: a postcode of letters and digits (British, Canadian, Irish): no house number, however few its digits
_LETTER_CODE = regex.compile(
    r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[AC-FHKNPRTV-Y]\d{2}[ \t]?\w{4}"
)


#: an address inside a sentence: a street with its number (the name first or the number first), maybe a flat or
#: a floor after a comma, then a comma, a postcode and a town ("... moved to Kuusikatu 4 B 9, 20100 Aurajoki in May")
_INLINE = regex.compile(
    r"(?P<street>\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{L}'’.-]+){0,4}[ \t]+\d{1,5}[a-zA-Z]?(?:[/-]\d{1,5})?"
    r"(?:[ \t]+[A-Z](?:[ \t]*\d{1,4})?)?"
    r"|\d{1,5}[a-zA-Z]?(?:[/-]\d{1,5})?[ \t]+\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3})"
    r"(?:,[ \t]*[^,\n]{1,15}?)?,[ \t]*"
    r"(?P<code>\d{4,5}(?:-\d{3,4})?|\d{3}[ \t]\d{2}|[A-Z]{1,2}-\d{4,5}|[A-Z]\d{4}(?:[A-Z]{3})?)"
    r"[ \t]+(?P<town>\p{Lu}[\p{L}'’-]+(?:[ \t]{1,2}\p{Lu}[\p{L}'’-]+){0,2})"
)
#: the same with a postcode of letters and digits, British or Canadian, the house number first and maybe the
#: town and its county or province between: "our office at 9 Old Tollgate, PE12 4QX", "3 Quarry Row, Dunmarsh
#: HX9 2LT", "40 Ferris Lane, Tarrow, Oxfordshire OX9 4QT", "12 Birch Ave, Tarrow ON K7L 3N6"
_INLINE_LETTER_CODE = regex.compile(
    r"(?<![\w/.,-])(?P<street>\d{1,5}[a-zA-Z]?(?:[/-]\d{1,5})?"
    r"[ \t]+\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3})"
    r"(?:,[ \t]*\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}){0,2}(?:,[ \t]*|[ \t]+)"
    r"(?P<code>[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)\b"
)
#: "No. 9", "nr 6": a number's label, not a word of prose
_NUMBER_LABEL = regex.compile(r"\b(?i:no|nr)\.?[ \t]*(?=\d)")
#: fields sharing a line: a wide gap or a tab between them
_GAP = regex.compile(r"[ \t]{3,}|\t")
#: a capitalised word of a name, maybe abbreviated ("Kalmar", "St.", "Kerta-Sari")
_NAME_WORD = r"\p{Lu}[\p{L}'’.-]*"
#: a name part of an address: capitalised words, maybe a postcode before or after them ("Kalmar Town", "613 00 Tarvov")
_NAME_PART = regex.compile(
    rf"(?:\d{{2,6}}(?:[ \t-]\d{{2,4}})?[ \t]+)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}(?:[ \t]+\d{{3,6}})?"
)
#: a numbered part without an address word: a name and its number ("Brzozowa 5", "Sector K-3") or a number alone
_NUMBERED_PART = regex.compile(
    rf"(?:{_NAME_WORD}(?:[ \t]+\p{{L}}[\p{{L}}'’.-]*){{0,3}}[ \t]+)?(?:(?i:no|nr)\.?[ \t]*)?"
    r"(?:\p{Lu}-?)?\d{1,5}[a-zA-Z]?(?:[/-]\d{1,5}[a-zA-Z]?)?"
)
#: the most words of a part of an address that no address word opens ("Pacific Grand Villas", "2/F Ruiz Bldg.")
MAX_PART_WORDS = 6
#: the words, numbers and abbreviations of such a part, and nothing else ("13 bd de plombières", "RT 004/RW 002")
_PART_TOKENS = regex.compile(r"[ \t]*[\p{L}\d][\p{L}\d'’./-]*(?:[ \t]+[\p{L}\d][\p{L}\d'’./-]*)*[ \t]*")
#: a word this common in English opens the sentence, not the street ("Her new address Kuusikatu 4, ...")
STREET_LEAD_ZIPF = 4.0


class AddressLinesRecognizer(_TextRecognizer):
    """A numbered street line and the postcode line below it; PO box and military lines (module docstring)."""

    LABELS = (LOCATION,)
    #: as the address block (0.92): the layout says these lines are an address
    SCORE = 0.92

    def __init__(self, rules: Rules) -> None:
        places = rules.lists("lexicons/places.yaml")
        calendar = rules.lists("lexicons/calendar.yaml")
        self.not_towns = (
            rules.words("lexicons/generic_name_words.txt", lower=True)
            | rules.words("lexicons/not_places.txt", lower=True)
            | calendar["months"]
            | calendar["weekdays"]
        )
        self.towns = rules.words("lexicons/towns.txt", lower=True)
        word = r"\p{Lu}[\p{L}'’.-]*"
        # the words of a town one or two spaces apart (a wider gap opens the line's next field: "Tarvo      Room: 4")
        town = rf"{word}(?:[ \t]{{1,2}}(?:{word}|(?:{places.pattern('town_joiners')})\b)){{0,4}}"
        #: a state or a province after the town: "/ MG", "(NS)", "(Limburg)" (a region named in full is no
        #: identifier: the line's span ends before it)
        tail = (
            rf"(?:[ \t]*(?:/[ \t]*[A-Z]{{2}}|\([A-Z]{{2}}\)|(?P<region>\({word}(?:[ \t]+{word})?\))))?"
            rf"(?:,[ \t]*{town})?[ \t]*,?"
        )
        self.code_line = regex.compile(
            rf"{_QUOTE_MARKS}(?:(?P<code>{_POSTCODE_FIRST}),?[ \t]+(?P<town>{town}){tail}"
            # the town maybe after the short word of its kind, "м. Тарвів, 79044", "g. Tarvo 60231"
            rf"|(?:\p{{Ll}}{{1,4}}\.[ \t]*)?(?P<town>{town}(?:,[ \t]*{town})?),?[ \t]+(?:[A-Z]{{2,3}},?[ \t]+)?"
            rf"(?P<code>{_POSTCODE_AFTER}){tail}"
            r"|(?P<military>[AFD]PO[ \t]+A[AEP][ \t]+\d{5}))[ \t]*"
        )
        layout = LayoutWords(rules)
        #: "PO Box 417", "Private Bag 3"
        box = rf"(?i:{rules.lists('lexicons/layout.yaml').pattern('postal_boxes')})[ \t]+\d+"
        self.unit_or_box = regex.compile(rf"[ \t]*(?:{layout.unit}|{box}|PSC[ \t]+\d+)")
        self.box_line = regex.compile(rf"[ \t]*{box}(?:,[ \t]*[^\n,]+){{0,4}}")
        self.letter_opener = layout.letter_opener
        part_words = rules.lists("lexicons/layout.yaml").pattern("address_parts")
        opener = rf"(?i:{part_words})\.?[ \t]+"
        number = r"(?:(?i:no|nr|č|№|#)\.?[ \t]*)?(?:\p{Lu}-?)?\d[\p{L}\d]*(?:[/-][\p{L}\d]+)?"
        #: a part opened by an address word, with its number and maybe a name between: "House No. 9", "Street 14",
        #: "ul. Brzozowa 5", "byt č. 6", maybe another after it ("Blk 4 Lot 9", "bât C appt 41", the building's
        #: letter for its number); or a name only ("вул. Садова")
        name = _NAME_WORD
        numbered = rf"{opener}(?:(?:{name}[ \t]+){{0,4}}{number}|\p{{L}}(?![\p{{L}}\d]))"
        self.word_part = regex.compile(
            rf"{numbered}(?:[ \t]+{numbered})*(?<=\d[\p{{L}}\d]*)|{numbered}(?:[ \t]+{numbered})+"
            rf"|{opener}{name}(?:[ \t]+{name}){{0,3}}"
            # the number between the word and the name, as Vietnamese writes it ("hẻm 47 Trần Khánh Dư")
            rf"|{opener}{number}(?:[ \t]+{name}){{1,4}}"
        )
        areas = rules.lists("lexicons/layout.yaml").pattern("address_areas")
        #: an area's part: its word and its name, or its number ("Col. Roma", "Kel. Sukamaju", "RT 03/RW 05")
        self.area_part = regex.compile(
            rf"(?i:{areas})\.?[ \t]+(?:{name}(?:[ \t]+{name}){{0,3}}"
            r"|\p{Ll}[\p{L}'’-]+(?:[ \t]+\p{Ll}[\p{L}'’-]+)?"
            rf"|\d[\d/-]*(?:[ \t]*/?[ \t]*(?i:{areas})\.?[ \t]*\d[\d/-]*)*)"
        )
        layout_lists = rules.lists("lexicons/layout.yaml")
        #: a part that names a floor, a building or a street by its kind's word ("Second Floor", "Quirino Ave. cor.
        #: Rizal St."): a name part of an address, however common its words
        self.unit_words = layout_lists["address_units"]
        self.town_words = layout_lists["address_town_words"]
        self.street_words = rules.words("lexicons/street_types.txt", lower=True) | rules.words(
            "lexicons/street_types_common.txt", lower=True
        )
        #: where a line's fields or sentences part: a wide gap, a label's colon, a bracket, or a sentence's end (not
        #: the full stop of an address word or a number's label: "Jl. Kenari", "No. 9", "4. OG")
        self.part_break = regex.compile(
            rf"[ \t]{{3,}}|\t|:[ \t]+|[ \t]+(?=\()|(?<!(?<![\p{{L}}])(?i:{part_words}|{areas}|no|nr))[.;!?]"
            r"(?:[ \t]+(?=\p{Lu}\p{Ll})|[ \t]*$)"
        )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        found = set(self._numbered_parts(text)) if "," in text else set()
        if _ANY_CODE.search(text):
            found |= set(self._lines(text)) | set(self._inline(text))
        yield from sorted(found)

    def _numbered_parts(self, text: str) -> Iterator[Found]:
        """An address of parts apart by commas on one line, two of them numbered and one opened by an address word,
        then the names of its area and town: "House No. 9, Street 14, Sector B-2, Kalmar Town", "вул. Садова, 12,
        кв. 3"; the sentence before it is left out ("send it to Street 4, House 7, Tarvo")."""
        for line in regex.finditer(r"[^\n]+", text):
            pos = 0
            for segment in self.part_break.splititer(line.group()):
                at = line.group().index(segment, pos)
                pos = at + len(segment)
                yield from self._parts_run(text, line.start() + at, segment)

    def _parts_run(self, text: str, offset: int, segment: str) -> Iterator[Found]:
        parts = segment.split(",")
        if len(parts) < 2:
            return
        i = 0
        while i < len(parts) - 1:
            first = parts[i]
            # the first part may close a sentence: the address starts at its address word or its name
            head = self._part_head(first)
            if head is None:
                i += 1
                continue
            kinds = [head[1]]
            end = i + 1
            while end < len(parts) and end - i < MAX_PARTS:
                kind = self._part_kind(parts[end].strip().rstrip("."))
                if kind is None:
                    break
                kinds.append(kind)
                end += 1
            while kinds and kinds[-1] == "street":
                kinds.pop()
                end -= 1
            numbered = sum(k in ("word", "numbered") for k in kinds)
            # an address word and two numbered parts ("House No. 9, Street 14"), or a numbered street and its area
            # ("Jl. Kenari No. 4, Kel. Sukamaju"); a street named by its kind between numbers ("2/F Ruiz Bldg.,
            # Rizal St., Tarvo City 8000")
            worded = "word" in kinds or ("street" in kinds and numbered >= 2)
            if (worded and numbered >= 2) or (numbered >= 1 and "area" in kinds and kinds[0] in ("word", "numbered")):
                start = offset + sum(len(p) + 1 for p in parts[:i]) + head[0]
                stop = offset + sum(len(p) + 1 for p in parts[:end]) - 1
                yield _stripped(text, start, stop)
                i = end
            else:
                i += 1

    def _is_prose(self, word: str) -> bool:
        """A word common in English, unless it is the capitalised word of a town's kind ("Tarvo City 8000")."""
        if word[0].isupper() and word.lower() in self.town_words:
            return False
        return zipf(word.lower()) >= PROSE_WORD_ZIPF

    def _part_head(self, part: str) -> tuple[int, str] | None:
        """Where an address starts in the first part and its kind: at an address word, else at a numbered name; a
        few words with a number only when nothing else is found and they are the whole part ("2/F Ruiz Bldg.", not
        "we met at 3")."""
        for m in regex.finditer(r"(?<![\p{L}\d])\S", part):
            rest = part[m.start() :].rstrip()
            kind = self._part_kind(rest, loose=False)
            if kind in ("word", "street", "numbered"):
                return m.start(), kind
        lead = len(part) - len(part.lstrip())
        return (lead, "numbered") if self._part_kind(part.strip(), loose=True) == "numbered" else None

    def _part_kind(self, part: str, loose: bool = True) -> str | None:
        """ "word" (opened by an address word, with a number), "street" (an address word and a name), "area" (an
        area's word and its name or number), "numbered" (a name and a number, or a number alone, or a few words of a
        building or a town with a number: "2/F Ruiz Bldg.", "Davao City 8000", not in the ``loose=False`` of an
        address's first part, which may hold the sentence before it), "name" (a town or an area, or a floor named
        with its word: "Second Floor"), "street" (a street named with its kind's word: "Rizal St."), or none."""
        if not part or len(part) > ONE_LINE_MAX:
            return None
        m = self.word_part.fullmatch(part)
        if m is not None:
            return "word" if _DIGITS.search(part) else "street"
        if self.area_part.fullmatch(part):
            return "area"
        if _NUMBERED_PART.fullmatch(part):
            words = _LETTERS.findall(_NUMBER_LABEL.sub(" ", part))
            return "numbered" if not any(self._is_prose(w) for w in words) else None
        tokens = part.split()
        if not loose or not tokens or len(tokens) > MAX_PART_WORDS or not _PART_TOKENS.fullmatch(part):
            return None
        words = _LETTERS.findall(_NUMBER_LABEL.sub(" ", part))
        if _DIGITS.search(part):
            # a word beside the number ("Tarvo City 8000"): a postcode alone ("m6k 1x9") is left to its own recognizer
            return None if not words or any(self._is_prose(w) for w in words) else "numbered"
        if tokens[0][0].isupper() and all(w[0].isupper() or len(w) <= 3 for w in words):
            if any(w.lower() in self.street_words for w in words):
                return "street"  # "Quirino Ave. cor. Rizal St."
            if any(w.lower() in self.unit_words for w in words):
                return "name"  # "Second Floor"
        if _NAME_PART.fullmatch(part) and self._is_town([part]):
            return "name"
        return None

    def _inline(self, text: str) -> Iterator[Found]:
        """An address written into a sentence: "... moved to Kuusikatu 4 B 9, 20100 Aurajoki in May", "come to
        9 Old Tollgate, PE12 4QX"."""
        for m in _INLINE.finditer(text):
            start = m.start("street")
            if not m.group("street")[0].isdigit():
                words = list(regex.finditer(r"[\p{L}'’.-]+", m.group("street")))
                while words and zipf(words[0].group().lower()) >= STREET_LEAD_ZIPF:
                    words.pop(0)  # "Her new address Kuusikatu 4": the sentence before the street
                if not words:
                    continue
                start += words[0].start()
            street = text[start : m.end("street")]
            code = m.group("code")
            if any(w.lower() in self.not_towns for w in _LETTERS.findall(street)) and _YEAR.fullmatch(code):
                continue  # "Since June 5, 2020 Covid ...": a date and a year
            if len(_DIGITS.findall(code)) < 4 or not self._is_town([m.group("town")]):
                continue
            if any(zipf(w.lower()) >= PROSE_WORD_ZIPF for w in _LETTERS.findall(street)):
                continue
            yield start, m.end("town"), LOCATION
        for m in _INLINE_LETTER_CODE.finditer(text):
            if any(zipf(w.lower()) < PROSE_WORD_ZIPF for w in _LETTERS.findall(m.group("street"))):
                yield m.start(), m.end(), LOCATION  # not "at 2 Things, ...": some word of the street's own

    def _lines(self, text: str) -> Iterator[Found]:
        starts = [0, *(m.end() for m in regex.finditer(r"\n", text))]
        ends = [*(s - 1 for s in starts[1:]), len(text)]
        for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
            line = text[s:e]
            if _GAP.search(line.strip()) and len(line) <= 2 * ONE_LINE_MAX:
                yield from self._segments(text, s, line)  # "P.O. Box 4412     Tel: ...": fields sharing a line
            if len(line) > MAX_LINE:
                if len(line) <= ONE_LINE_MAX and self._is_one_line(line):
                    yield _stripped(text, s, e)
                continue
            if (box := self._labelled_box(line)) is not None:
                yield _stripped(text, s + box[0], s + box[1])  # "Postal: PO Box 417, Moorby, 9058 (our office)"
                continue
            if self.box_line.fullmatch(line):
                # "PO Box 417, Moorby 9058"; "PO Box 417" above "Moorby MO4 2QT" (checked before the code line,
                # which would take "PO Box" for a town)
                # a box alone on its line is the address too, when it is numbered with two digits or more
                if _BOX_NUMBER.search(line) or "," in line or self._code_line_below(text, starts, ends, i):
                    yield _stripped(text, s, e)
                continue
            m = self.code_line.fullmatch(line)
            if m is None:
                if (label := _LABEL.match(line)) and self._is_one_line(line[label.end() :], letter_codes=True):
                    yield _stripped(text, s + label.end(), e)  # "Address: 12, rue Haute, app. 3, Lachute QC H7A 1B2"
                elif self._is_one_line(line):
                    yield _stripped(text, s, e)
                continue
            if not m.group("military") and not self._is_code_and_town(m):
                continue
            above = self._street_above(text, starts, ends, i, military=bool(m.group("military")))
            if not above:
                continue
            yield _stripped(text, s, s + m.start("region") if m.group("region") else e)
            yield from above

    def _labelled_box(self, line: str) -> tuple[int, int] | None:
        """A postal box with its town after a field's label, maybe a note in brackets after it: where it is."""
        label = _LABEL.match(line)
        if label is None or self.unit_or_box.match(line):
            return None
        end = line.find("(", label.end())
        end = len(line) if end < 0 else end
        body = line[label.end() : end].rstrip()
        if "," in body and _BOX_NUMBER.search(body) and self.box_line.fullmatch(body):
            return label.end(), label.end() + len(body)
        return None

    def _segments(self, text: str, start: int, line: str) -> Iterator[Found]:
        """The parts of a line between wide gaps that are an address alone: a numbered box ("P.O. Box 4412"), or a
        whole address, maybe after its label ("Office: Jl. Kenari 4, Tarvo 60231")."""
        pos = 0
        for part in _GAP.split(line):
            at = line.index(part, pos)
            pos = at + len(part)
            if not part.strip() or part == line:
                continue
            if self.box_line.fullmatch(part) and _BOX_NUMBER.search(part):
                yield _stripped(text, start + at, start + pos)
            elif (label := _LABEL.match(part)) and self._is_one_line(part[label.end() :], letter_codes=True):
                yield _stripped(text, start + at + label.end(), start + pos)
            elif self._is_one_line(part):
                yield _stripped(text, start + at, start + pos)

    def _code_line_below(self, text: str, starts: list[int], ends: list[int], i: int) -> bool:
        """The next line is a town with its postcode, of digits or of letters and digits."""
        if i + 1 >= len(starts):
            return False
        m = self.code_line.fullmatch(text, starts[i + 1], ends[i + 1])
        return m is not None and not m.group("military") and self._is_code_and_town(m, letter_codes=True)

    def _is_one_line(self, line: str, letter_codes: bool = False) -> bool:
        """A whole address on one line of a signature or a letter: "Kwikstraat 38, 8215 KZ Oudewier";
        with ``letter_codes`` (a labelled field's value) also with a postcode of letters and few digits."""
        if "," not in line or _LABEL.match(line) or len(line) > ONE_LINE_MAX:
            return False
        for comma in (i for i, c in enumerate(line) if c == ","):
            head, tail = line[:comma], line[comma + 1 :]
            m = self.code_line.fullmatch(tail)
            if m and not m.group("military") and self._is_code_and_town(m, letter_codes):
                prose = any(zipf(w.lower()) >= PROSE_WORD_ZIPF for w in _LETTERS.findall(_NUMBER_LABEL.sub(" ", head)))
                if prose or _YEAR.fullmatch(m.group("code")):
                    return False  # "We had 3 sessions, 2024 ..."
                return self._is_street(head) and _NUMBER_BY_WORD.search(head) is not None
        return False

    def _is_code_and_town(self, m: regex.Match[str], letter_codes: bool = False) -> bool:
        """A postcode of four digits or more ("17 Kestrel Street" is a house number), or with
        ``letter_codes`` one of letters and digits ("H7N 2K9"), and a town; three digits before a town
        whose words are all rare or in the gazetteer ("104 Hafnarvík": some countries' postcodes are that short;
        "112 Wattle Street" is a house)."""
        code = m.group("code")
        digits = len(_DIGITS.findall(code))
        towns = m.captures("town")
        long_enough = digits >= 4 or (letter_codes and _LETTER_CODE.fullmatch(code) is not None)
        if not long_enough and digits == 3 and code.isdigit():
            words = [w.lower() for t in towns for w in _WORD.findall(t)]
            long_enough = bool(words) and all(w in self.towns or zipf(w) < TOWN_WORD_ZIPF for w in words)
        return long_enough and self._is_town(towns)

    def _is_town(self, towns: list[str]) -> bool:
        words = [w for t in towns for w in _WORD.findall(t)]
        if not words or all(w.lower() in self.not_towns for w in words):
            return False
        return any(w.lower() in self.towns or zipf(w.lower()) < TOWN_WORD_ZIPF for w in words)

    def _street_above(self, text: str, starts: list[int], ends: list[int], i: int, military: bool) -> list[Found]:
        """The street line above a postcode line (and a unit or box line above that), or nothing."""
        found: list[Found] = []
        town_line = False
        for k in (i - 1, i - 2):
            if k < 0:
                break
            s, e = starts[k], ends[k]
            label = _LABEL.match(text, s, e)
            if label and not self.unit_or_box.match(text, s, e):
                s = label.end()  # "Address: 27 Kestrel Rise"
            line = text[s:e]
            if found and not self.unit_or_box.match(line) and not self._is_street(line):
                break
            if not found and not (self._is_street(line) or (military and line.strip()[:1].isupper())):
                if k == i - 1 and self._is_town_line(line):
                    found.append(_stripped(text, s, e))  # "Gameleira" between the street and the postcode
                    town_line = True
                    continue
                return []
            found.append(_stripped(text, s, e))
            if label:
                break
        if town_line and len(found) == 1:
            return []  # a town line needs the street above it ("Ana Ruiz" above "Postbox 5521" is no town)
        return found

    def _is_town_line(self, line: str) -> bool:
        words = line.split()
        return 1 <= len(words) <= 3 and all(w[0].isupper() for w in words) and self._is_town(words)

    def _is_street(self, line: str) -> bool:
        stripped = line.strip()
        if not stripped or len(stripped) > MAX_LINE or stripped.endswith(("?", "!", ":")) or "@" in stripped:
            return False
        if self.letter_opener.match(stripped):
            return False
        digits = len(_DIGITS.findall(stripped))
        return 1 <= digits <= 8 and _WORD.search(stripped) is not None


def _stripped(text: str, start: int, end: int) -> Found:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" \t>*•-"))
    trail = len(piece) - len(piece.rstrip(" \t,;"))
    return start + lead, end - trail, LOCATION
