"""A word-name that a document uses for a person again and again is that person after the prepositions
that otherwise keep it a word (issue 13, class a): "Joy cried ... Pia told Joy ... I was cross at Joy
after", "typed up by Faith" in a document where Faith acts.

``Acceptance.accept_again`` already takes a capitalised word-name where the same document uses it for a
person, but keeps the word reading after the words that usually come before the noun ("at dawn", "by
will"). Once the document has shown the person at least twice, a capitalised occurrence after "at" or
"by" is the person too; what keeps it a word stays: a determiner, a quantifier or a possessive before it
("the Will", "my Faith", "all Hope"), a capitalised word or a place head after it ("Hope Street"), a word
after it that the noun takes ("Will you", "Hope is"), and a month or a weekday.
"""

from __future__ import annotations

from qualdeid.detect.names.evidence import NameEvidence, first_token, first_word, is_capitalised, last_token

#: The person's uses in the document (other occurrences of the word-name found as the person) from which
#: it wins over the word reading.
INSISTENT_USES = 2
#: Prepositions before a capitalised word-name that the person fills as often as the noun ("angry at Joy").
PERSON_PREPOSITIONS = frozenset({"at", "by"})


class InsistentNames:
    """Accepts the doubtful capitalised occurrences of a word-name that the document uses for a person."""

    def __init__(self, ev: NameEvidence) -> None:
        self.ev = ev

    def accept(self, text: str, start: int, end: int, uses: int) -> bool:
        """``uses``: how many occurrences of the same name the document has as the person already."""
        surface, lex = text[start:end], self.ev.lex
        if uses < INSISTENT_USES or not (is_capitalised(surface) and surface[1:].islower()):
            return False
        if lex.is_term(surface) or not lex.is_first_name(surface):
            return False
        if surface.lower() in self.ev.calendar:
            return False
        before, after = text[max(0, start - 40) : start], text[end : end + 40]
        if last_token(before).lower() not in PERSON_PREPOSITIONS:
            return False  # elsewhere ``accept_again`` has decided
        next_word = first_word(after)
        if next_word in lex.place_heads or is_capitalised(first_token(after)):
            return False
        return next_word not in self.ev.word_followers
