"""The writer saying who they are: "hi all its hope", "this is osian again", "+44 7700 900123: hi this is
quillon from the garden group", "c'est Ysolde de Lyon".

One vocabulary (``self_introductions`` and ``introduction_follows`` in ``rules/names/context.yaml``) and the
patterns built from it, read in one place by the name evidence and acceptance of pass 1 and 2 (a name in lower
case, ``evidence.py``, ``acceptance.py``) and by the chat senders (a writer from a number the phone has not
saved, ``detect/layout.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualdeid.rules import Rules, alternation

#: phrases that name the writer only together with more evidence ("i am maxine.", "me here"): never enough to
#: open a self-introduction in the middle of a message
WEAK = frozenset({"am", "me here"})
#: the first words of a message or a clause before "this is", maybe after a greeting or a politeness
#: particle ("hello po this is ...")
_LEAD = r"(?:^|[.!?:,;\n])(?:[ \t]*[^\W\d_]+){1,2}[ \t]*$"
#: "this is" opening a message or a line, maybe after a greeting: "+44 7700 900123: hi this is "
_MESSAGE = r"(?:^|[\n:])(?:[ \t]*[^\W\d_]+,?){0,2}[ \t]*(?i:this[ \t]+is)[ \t]+$"


@dataclass(frozen=True)
class SelfIntroductions:
    """The phrases a writer names themselves with and the words that may follow the name."""

    #: the phrase ending the text before a name: "hi all its ", "c'est "
    before: re.Pattern[str]
    #: a phrase, the name, then the end of the clause or a follower: "this is quillon from", "soy Merry,"
    #: (groups ``name``, and ``end`` when the clause ends there or a chat's filler follows: "this is crazy lol")
    named: re.Pattern[str]
    #: "this is" opening a message or a line
    message: re.Pattern[str]
    #: a message's first words before "this is"
    lead: re.Pattern[str]
    #: the words that may follow the name besides the end of the clause ("again", "from"), a filler too ("lol")
    followers: frozenset[str]

    @classmethod
    def read(cls, rules: Rules) -> SelfIntroductions:
        words = rules.lists("names/context.yaml")
        # an apostrophe of the list stands for either apostrophe: "it's", "it’s"
        phrases = alternation(words["self_introductions"]).replace("'", "['’]")
        follows = alternation(words["introduction_follows"])
        fillers = alternation(words["introduction_fillers"])
        return cls(
            before=re.compile(rf"(?<![\w'’])(?i:{phrases})[ \t]+$"),
            named=re.compile(
                rf"(?:^|(?<=[\s,.!]))(?i:{phrases})[ \t]+(?P<name>[^\W\d_][\w'’-]*)"
                rf"(?=[ \t]*(?P<end>$|[,.!:;()]|(?i:{fillers})\b)|[ \t]+(?i:{follows})\b)"
            ),
            message=re.compile(_MESSAGE),
            lead=re.compile(_LEAD),
            followers=frozenset(words["introduction_follows"]) | frozenset(words["introduction_fillers"]),
        )

    def weak(self, phrase: str) -> bool:
        """A phrase that alone opens no introduction ("am", "me here")."""
        return " ".join(phrase.lower().split()) in WEAK
