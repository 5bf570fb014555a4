"""Template prompts and form labels in coded text: where they stand and which section they open.

A prompt ("Brief description of the interaction", "2. What was helpful (or not)", "**Why
significant:**", "Helpful/not:") is found at the start of a line, numbered or not, in bold or as a
Markdown heading, and after a sentence when a colon follows it; a form label ("Less helpful:",
"Not so helpful -", "Plan:") at the start of a line or sentence when a colon or a dash follows it.
Neither is ever copied into a draft. The phrases are data (``rules/compose/compose.yaml``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from qualdeid.compose.config import ComposeConfig

_MARKER = (
    r"(?:\#{1,6}[ \t]*|[-*•][ \t]+|\(?(?:\d{1,2}|[a-cA-C]|i{1,3}|iv|v)[.):][ \t]*|Q\d{1,2}[.:)]?[ \t]*"
    r"|(?:part|section|step|question)[ \t]+\d{1,2}[ \t]*[-–—:.)]?[ \t]*)?"
)
_BOLD = r"(?:\*\*|__|\*|_)?"
#: bold opened before a number: "**1. Brief description**"
_OPEN_BOLD = r"(?:\*\*|__)?"
#: A numbered marker, required where a prompt runs straight into the prose ("2. What helped Walking ...").
_NUMBER = (
    r"(?:\(?(?:\d{1,2}|[a-cA-C])[.):][ \t]*|Q\d{1,2}[.:)]?[ \t]*"
    # "Part 1 - ", "Section 2: ": a template's own numbering, its punctuation required
    r"|(?i:part|section|step|question)[ \t]+\d{1,2}[ \t]*[-–—:.)][ \t]*)"
)
_BRACKET = r"(?:[ \t]*\([^)\n]{0,40}\))?"
#: the prompt in another language first, then a slash and the template's own words ("1. Lo que pasó / what
#: happened"): up to four words with no sentence end, only where the line goes on to a prompt of the template
_TRANSLATED = r"(?:[^\W\d_][\w'’]*(?:[ \t]+[\w'’]+){0,3}[ \t]*/[ \t]*)?"
#: the prompt's negative alternative: after a slash, up to three words ("What helped / didn't", "/ what did not");
#: after "and", "or" or a comma, words that end in a negation ("What helped and what didn't", "..., what was not")
_OR_NOT = (
    r"(?:[ \t]*/[ \t]*[\w'’]+(?:[ \t]+[\w'’]+){0,2}"
    r"|[ \t]*(?:,|[ \t]and|[ \t]or)[ \t]+(?:[\w'’]+[ \t]+){0,3}?"
    r"(?:not|didn['’]?t|wasn['’]?t|did[ \t]+not|unhelpful|less[ \t]+so)(?:[ \t]+(?:help|work|so|helpful))?)?"
)
#: a line of its own, maybe numbered, that asks what, why or how in a few words: a template's prompt in the writer's
#: own words ("2) What was good, what was not", "Why it matter")
_QUESTION_LINE = re.compile(rf"(?:{_NUMBER})?{_BOLD}(?:what|why|how)\b[^\n.!:?]{{0,60}}?{_BOLD}[ \t]*(?=\n)", re.I)
#: ... or a few such words and a colon, the answer after it on the same line: "What mattered: the lift broke."
_QUESTION_LABEL = re.compile(
    rf"(?:{_NUMBER})?{_BOLD}(?:what|why|how)\b[^\n.!:?]{{0,30}}?{_BOLD}[ \t]*:{_BOLD}[ \t]+", re.I
)
#: at most this many words in such a label ("What came of it all:", "Why it stuck with the team:")
MAX_QUESTION_LABEL_WORDS = 6
_LINE_START = re.compile(r"(?:^|\n)[ \t]*", re.MULTILINE)
_AFTER_SENTENCE = re.compile(r"[.!?][\"'”’)]*[ \t]+")
#: at most this many words on a coded part's first line make it a heading in the writer's own words
MAX_FIRST_LINE_WORDS = 3
#: ... and this many after a number ("1. Short description", a prompt in dialect: "3. Fit wey it mattered")
MAX_NUMBERED_FIRST_LINE_WORDS = 5
_PRONOUNS = re.compile(r"\b(?:I|me|my|she|he|we|they|her|him|us|them)\b")
#: a subject pronoun makes words before a colon a clause of prose ("When she rang:"), not a heading
_SUBJECTS = r"(?:I|she|he|we|they|you|it)"
#: a why or how clause in the writer's own words at the start of a line, with no person as its subject
#: ("Why this one stuck with me, ..."; not "Why she left, ...")
_OWN_WORDS_PROMPT = r"(?:why|how)(?:[ \t]+(?!(?:I|she|he|we|they|you)\b)[\w'’]+){1,6}"
#: the answer run on after a comma: a clause that opens with a pronoun or a capitalised word
_ANSWER_AFTER_COMMA = r"(?=(?-i:I|she|he|we|they|you|it|[A-Z][\w'’]*)(?:['’]\w+)?\b)"
_PRONOUN_ANSWER = r"(?=(?-i:I|she|he|we|they|you|it)(?:['’]\w+)?\b)"
#: ... unless the prompt's words are the subject of the sentence ("What helped, I think, was the tea.")
_PROMPT_AS_SUBJECT = re.compile(r"[^.!?\n]*,[ \t]+(?:is|was|were|are|has|had)\b")


@dataclass(frozen=True, slots=True)
class Heading:
    start: int
    end: int  # the spaces and line break after it included
    section: int | None  # the section a prompt opens; None for a form label or an unknown heading


def _phrase(text: str) -> str:
    """A prompt as a pattern: its words, with spaces, slashes or brackets between them."""
    words = re.findall(r"[\w'’&.]+", text.lower())
    return r"[\s/()\-]+".join(re.escape(w).replace("'", "['’]?") for w in words)


#: a line of its own this many documents of the corpus open a paragraph with, word for word, is a heading of the
#: corpus's own template ("Wat ons gedoen het.", "Waarom belangrik."), whatever its language or ending
RECURRING_LINE_DOCUMENTS = 3
#: ... of at most this many words
MAX_RECURRING_LINE_WORDS = 5
_PARAGRAPH_LINE = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*([^\n]{1,60}?)[ \t]*(?=\n)")


def _line_key(line: str) -> str:
    """A heading line as compared across documents: no numbering, bold or end punctuation, in lower case."""
    line = re.sub(rf"^(?:{_OPEN_BOLD}{_MARKER})", "", line.strip(), flags=re.I)  # "Part 3 –" as "part 3 –"
    return " ".join(re.findall(r"[\w'’]+", line.lower()))


def recurring_lines(texts: Iterable[str]) -> frozenset[str]:
    """The short lines that open a paragraph, each on a line of its own, in several documents of the corpus:
    the headings of the corpus's own template, in any language (compared as :func:`_line_key` writes them)."""
    seen: Counter[str] = Counter()
    for text in texts:
        keys = {_line_key(m.group(1)) for m in _PARAGRAPH_LINE.finditer(text)}
        seen.update(k for k in keys if k and len(k.split()) <= MAX_RECURRING_LINE_WORDS)
    return frozenset(k for k, n in seen.items() if n >= RECURRING_LINE_DOCUMENTS)


class Headings:
    def __init__(self, config: ComposeConfig, recurring: frozenset[str] = frozenset()) -> None:
        self._recurring = recurring
        prompts = [(p, i) for i, sec in enumerate(config.sections) for p in sec.prompts]
        prompts.sort(key=lambda x: -len(x[0]))
        self._sections = [i for _, i in prompts]
        phrases = [_phrase(p) for p, _ in prompts]

        def alternation(tag: str) -> str:
            return "|".join(f"(?P<{tag}{n}>{p})" for n, p in enumerate(phrases)) or "(?!)"

        labels = sorted(config.form_labels, key=len, reverse=True)
        label_alt = "|".join(_phrase(x) for x in labels) or "(?!)"
        # words a prompt or label carries before its colon ("Not helpful either:", "Plan for Friday:"),
        # never a subject pronoun: "When she rang:" is prose
        extra = rf"(?:[ \t]+(?!{_SUBJECTS}\b)[\w'’-]+){{0,{max(0, config.heading_extra_words)}}}"
        end_of_prompt = (
            r"(?:[ \t]*[:?.][ \t]*(?=\s|$|\*|_)|[ \t]*[-–—](?:[ \t]+|[ \t]*(?=\n)|[ \t]*$)|[ \t]*(?=\n)|[ \t]*$"
            r"|[^\n:?.!]{1,40}?[:?][ \t]*)"
        )
        self._line = re.compile(
            rf"{_OPEN_BOLD}{_MARKER}{_BOLD}{_TRANSLATED}(?:{alternation('a')}){_BRACKET}{_OR_NOT}{_BOLD}{end_of_prompt}{_BOLD}",
            re.I,
        )
        run_on = (
            rf"(?:{_NUMBER}{_BOLD}(?:{alternation('b')}){_BRACKET}"
            rf"|{_BOLD}(?:{alternation('c')})[ \t]*\([^)\n]{{0,40}}\))"
        )
        # a prompt of several words, then a few more that end its line ("Why it mattered to me."); a
        # one-word prompt so carried on is a short line of prose ("Learning to swim.")
        long_prompts = "|".join(
            f"(?P<e{n}>{p})" for n, (p, (text, _)) in enumerate(zip(phrases, prompts, strict=True)) if " " in text
        )
        # ... or, when the answer follows on the same line, "to" or "for" someone ("Why it mattered to us. We")
        self._line_more = re.compile(
            rf"{_OPEN_BOLD}{_MARKER}{_BOLD}(?:{long_prompts or '(?!)'})(?:{extra}[ \t]*[-–—.:]?{_BOLD}[ \t]*(?=\n)"
            rf"|[ \t]+(?:to|for)[ \t]+(?:me|us|her|him|them|you|the[ \t]+\w+)[ \t]*[-–—.:]{_BOLD}[ \t]+(?=[A-Z\"“]))",
            re.I,
        )
        self._run_on = re.compile(rf"{run_on}{_BOLD}[ \t]+(?=[A-Z\"“‘'])", re.I)
        # a prompt run on into its answer with a comma on one line ("Why it mattered, she ...")
        # ... a one-word prompt so, when a pronoun opens the answer ("Significance, she's ..."), not a name
        # ("Learning, Pellam said ..." stays)
        short_prompts = "|".join(
            f"(?P<g{n}>{p})" for n, (p, (text, _)) in enumerate(zip(phrases, prompts, strict=True)) if " " not in text
        )
        self._comma_run_on = re.compile(
            rf"(?:{_NUMBER})?{_BOLD}(?:(?:{long_prompts.replace('(?P<e', '(?P<f') or '(?!)'}|{_OWN_WORDS_PROMPT})"
            rf"{_BOLD},[ \t]+{_ANSWER_AFTER_COMMA}|(?:{short_prompts or '(?!)'}){_BOLD},[ \t]+{_PRONOUN_ANSWER})",
            re.I,
        )
        self._inline = re.compile(rf"{_BOLD}(?:{alternation('d')}){_BRACKET}{extra}{_BOLD}[ \t]*:[ \t]*{_BOLD}", re.I)
        label = (
            rf"{_OPEN_BOLD}{_MARKER}{_BOLD}(?:{label_alt})(?:[ \t]*/[ \t]*[\w'’-]+)?{_BRACKET}"
            rf"(?:{extra}{_BOLD}[ \t]*\??:|{_BOLD}(?:[ \t]*\??:|[ \t]+[-–—]))[ \t]*{_BOLD}"
        )
        self._label = re.compile(label, re.I)
        # a form's answer word before a colon ("Yes: the walk. No: the form."): a label only with the colon
        # right after it, so "No one said: ..." and "No - not yet" stay prose
        answers = "|".join(_phrase(x) for x in sorted(config.answer_labels, key=len, reverse=True)) or "(?!)"
        self._answer = re.compile(rf"{_OPEN_BOLD}{_MARKER}{_BOLD}(?:{answers}){_BOLD}:[ \t]*{_BOLD}", re.I)
        # a short line of its own that ends with a colon or question mark: a heading of some template
        self._short_line = re.compile(r"[^\n]{1,60}?[:?][ \t]*(?=\n)")
        # the first line of a coded part when it is a few words with no sentence end ("Qué pasó", "**Sunday**"):
        # a template's heading in the writer's own words or language, never the first words of the account
        self._first_line = re.compile(
            rf"(?:\*\*|__)?(?P<number>{_NUMBER})?(?:\*\*|__)?(?P<words>[^\n.!;]{{1,50}}?)(?:\*\*|__)?[ \t]*(?=\n)"
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Heading]:
        """Prompts and labels in ``text[start:end]`` in text order (offsets into ``text``)."""
        end = len(text) if end is None else end
        found: list[Heading] = []
        taken = start - 1
        first = _skip_space(text, start, end)
        for pos, line_start in self._positions(text, start, end):
            if pos < taken:
                continue
            h = self._match(text, pos, end, line_start)
            if h is None and pos == first:
                h = self._first(text, pos, end)
            if h is not None:
                found.append(h)
                taken = h.end
        return found

    def _first(self, text: str, pos: int, end: int) -> Heading | None:
        m = self._first_line.match(text, pos, end)
        if m is None or not text[m.end() : end].strip():  # the whole part is that line: prose, not a heading
            return None
        words = m.group("words")
        numbered = m.group("number") is not None
        if "," in words and not numbered:
            return None
        most = MAX_NUMBERED_FIRST_LINE_WORDS if numbered else MAX_FIRST_LINE_WORDS
        if len(words.split()) > most or _PRONOUNS.search(words) or not words.lstrip("*_ ")[:1].isupper():
            return None
        return Heading(pos, _skip_space(text, m.end(), end), None)

    def _positions(self, text: str, start: int, end: int) -> list[tuple[int, bool]]:
        out = {start: True}
        for m in _LINE_START.finditer(text, start, end):
            out[m.end()] = True
        for m in _AFTER_SENTENCE.finditer(text, start, end):
            out.setdefault(m.end(), False)
        return sorted((p, ls) for p, ls in out.items() if p < end)

    def _match(self, text: str, pos: int, end: int, line_start: bool) -> Heading | None:
        m = (self._line if line_start else self._inline).match(text, pos, end)
        if m is None and line_start:
            m = self._run_on.match(text, pos, end) or self._line_more.match(text, pos, end)
        if m is None and line_start:
            m = self._comma_run_on.match(text, pos, end)
            if m and _PROMPT_AS_SUBJECT.match(text, m.end(), end):
                m = None
            if m and not any(v is not None for v in m.groupdict().values()):  # a prompt in the writer's own words
                return Heading(pos, _skip_space(text, m.end(), end), None)
        if m:
            n = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)  # group "a12": prompt 12
            return Heading(pos, _skip_space(text, m.end(), end), self._sections[n])
        m = self._label.match(text, pos, end) or self._answer.match(text, pos, end)
        if m:
            return Heading(pos, _skip_space(text, m.end(), end), None)
        if line_start and self._recurring:
            line = text[pos : text.find("\n", pos, end) if "\n" in text[pos:end] else end]
            if "\n" in text[pos:end] and _line_key(line) in self._recurring:
                return Heading(pos, _skip_space(text, pos + len(line), end), None)
        if line_start:
            m = self._short_line.match(text, pos, end)
            if m and len(m.group().split()) <= 8 and not _PRONOUNS.search(m.group()) and m.group()[:1].isupper():
                return Heading(pos, _skip_space(text, m.end(), end), None)
            m = _QUESTION_LINE.match(text, pos, end)
            # the writer's own "me" in a why or how is the prompt's ("Part 3 - why it stuck with me"), not a person's
            after = _skip_space(text, m.end(), end) if m else end
            if m and len(m.group().split()) <= 8 and not _others(m.group()) and not text[after : after + 1].islower():
                return Heading(pos, after, None)  # ... and not a sentence broken over two lines ("How I laughed\nat")
            m = _QUESTION_LABEL.match(text, pos, end)
            if m and len(m.group().split()) <= MAX_QUESTION_LABEL_WORDS and not _others(m.group()):
                return Heading(pos, _skip_space(text, m.end(), end), None)
        return None


def _others(label: str) -> bool:
    """A label that names someone by a pronoun ("What she said:"), which makes it prose; only the writer, in a
    why or how, is the prompt's own ("Why this stick with me:", "Why I'm noting this one:")."""
    pronouns = {p.lower() for p in _PRONOUNS.findall(label)}
    writer = re.match(rf"\W*(?:{_NUMBER})?\W*(?:why|how)\b", label, re.IGNORECASE) is not None
    return bool(pronouns - {"i", "me", "my"}) if writer else bool(pronouns)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos
