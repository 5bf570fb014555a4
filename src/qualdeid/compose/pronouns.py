"""Third-person pronouns of the composite character, with verb agreement for singular "they".

A pronoun is changed only when it can refer to the focal person alone: it has the focal person's
gender, and no other person of that gender (or of unknown gender) is named, and no relative of that
gender is mentioned, in its sentence or the one before. Anything else is reported, never guessed.
Agreement follows the meaning: "he's been" -> "they've been", "he's tired" -> "they're tired",
"he's 27 and has been" -> "they're 27 and have been"; "hes" written without its apostrophe too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.loading import resolve_model_name
from qualdeid.edits import Edit
from qualdeid.rules import Rules

MALE = {"he": "subj", "him": "obj", "his": "poss", "himself": "refl", "hes": "subj_is"}  # format: pronoun form codes
# format: pronoun form codes
FEMALE = {"she": "subj", "her": "obj", "hers": "poss_pron", "herself": "refl", "shes": "subj_is"}
TARGET = {
    # format: pronoun form codes
    "she": {"subj": "she", "obj": "her", "poss": "her", "poss_pron": "hers", "refl": "herself", "subj_is": "she's"},
    # format: pronoun form codes
    "he": {"subj": "he", "obj": "him", "poss": "his", "poss_pron": "his", "refl": "himself", "subj_is": "he's"},
    "they": {  # format: pronoun form codes
        "subj": "they",
        "obj": "them",
        "poss": "their",
        "poss_pron": "theirs",
        "refl": "themselves",
        "subj_is": "they're",
    },
}


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    """Participles after "'s" that say how someone is, not what they have done ("he's tired")."""
    return Rules().words("compose/state_participles.txt", lower=True)


_BE_PLURAL = {"is": "are", "was": "were", "'s": "'re", "’s": "’re"}
_HAVE_PLURAL = {"has": "have", "'s": "'ve", "’s": "’ve"}


@dataclass(frozen=True, slots=True)
class Unresolved:
    start: int
    end: int
    reason: str


@lru_cache(maxsize=2)
def parser(model: str) -> Language:
    """A pipeline with the dependency parser on (detection's copy runs without it); no NER needed."""
    return spacy.load(resolve_model_name(model), exclude=["ner"])


#: parts of speech that cannot follow a possessive determiner inside its noun phrase
_NOT_IN_NOUN_PHRASE = frozenset({"PUNCT", "CCONJ", "SCONJ", "AUX", "ADP", "PART"})


def _standalone_possessive(tok: Token) -> bool:
    """A possessive that stands for its noun ("the choice was his", "a friend of his", "his, not mine",
    "mine was late but his was early"), not one before its noun ("his coat"): the tagger often reads the
    first kind as a determiner (PRP$), so the parse decides: a determiner modifies a noun after it."""
    if tok.tag_ != "PRP$":
        return True
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.pos_ in _NOT_IN_NOUN_PHRASE:  # "his, not mine", "his and nobody else's"
        return True
    head = tok.head
    return tok.dep_ != "poss" or head.i < tok.i or head.pos_ == "PRON"


def _role(tok: Token) -> str | None:
    low = tok.lower_
    if low in MALE:
        role = MALE[low]
        if low == "his" and _standalone_possessive(tok):
            role = "poss_pron"  # "it was his": "theirs", "hers"
        return role
    if low in FEMALE:
        role = FEMALE[low]
        if low == "her" and tok.tag_ == "PRP$":
            role = "poss"
        return role
    return None


def _gender(tok: Token) -> str | None:
    return "M" if tok.lower_ in MALE else "F" if tok.lower_ in FEMALE else None


def _cased(new: str, old: str) -> str:
    """``new`` in the letter case of ``old``: capitals kept for emphasis ("whether HE minds" -> "whether SHE minds")."""
    if len(old) > 1 and old.isupper():
        return new.upper()
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


#: adverbs that may stand between "'s" and its participle ("he's never been", "she's already got")
_ADVERBS_BEFORE_PARTICIPLE = frozenset(
    {"never", "ever", "always", "just", "already", "also", "still", "only", "really", "finally", "not", "nearly"}
    | {"recently", "probably", "definitely"}
)


def _plural_verb(tok: Token) -> str | None:
    low = tok.lower_
    if low in ("'s", "’s"):  # "he's been", "he's started" (has) or "he's tired", "he's 27" (is)
        nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        while nxt is not None and nxt.lower_ in _ADVERBS_BEFORE_PARTICIPLE and nxt.i + 1 < len(tok.doc):
            nxt = nxt.nbor()  # "he's never been asked", "she's just got back"
        has = nxt is not None and (
            nxt.lower_ in ("been", "got", "gotten", "had")
            # "the cookbooks she's collected": a participle of a relative clause whose object is the noun
            or (tok.head.tag_ == "VBN" and tok.head.dep_ == "relcl" and tok.dep_ in ("aux", "auxpass"))
            or (
                tok.head.tag_ == "VBN"
                and tok.head.lower_ not in _states()
                and (tok.dep_ == "aux" or any(c.dep_ == "dobj" for c in tok.head.children))
            )
        )
        return ("'ve" if has else "'re").replace("'", low[0])
    if tok.lemma_ == "be" and low in _BE_PLURAL:
        return _BE_PLURAL[low]
    if tok.lemma_ == "have" and low in _HAVE_PLURAL:
        return _HAVE_PLURAL[low]
    if low == "does":
        return "do"
    if tok.tag_ == "VBZ" and tok.lemma_ and tok.lemma_ not in ("be", "have"):
        return _base_form(low, tok.lemma_.lower())
    return None


def _base_form(verb: str, lemma: str) -> str:
    """The plural present of a verb in "-s": the lemma where it inflects to the verb by the spelling
    rules of English ("watches" of "watch", "tries" of "try"), else the verb less its "s": the lemmatizer
    reads "hates" as "hat" + "es", which only a word ending in s, sh, ch, x, z or o takes."""
    if (
        verb == lemma + "s"
        or (verb == lemma + "es" and lemma.endswith(("s", "sh", "ch", "x", "z", "o")))
        or (lemma.endswith("y") and verb == lemma[:-1] + "ies")
    ):
        return lemma
    return verb[:-1] if verb.endswith("s") else lemma


def _agreement(subject: Token) -> list[Edit]:
    """The finite verb(s) that agree with a subject pronoun made plural ("they")."""
    head = subject.head
    edits = []
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i > subject.i]
    inverted = [c for c in (*head.children, head) if c.i == subject.i - 1 and c.lemma_ in ("be", "have", "do")]
    if inverted and inverted[0] is not subject:  # "Is she coming?", "Where was he?": the verb comes first
        finite = inverted[0]
    else:
        finite = aux[0] if aux else head if head.i > subject.i else None
    if finite is not None:
        new = _plural_verb(finite)
        if new:
            edits.append(Edit(finite.idx, finite.idx + len(finite), _cased(new, finite.text)))
    for conj in head.children:
        if conj.dep_ != "conj" or conj.i < subject.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        aux = [c for c in conj.children if c.dep_ in ("aux", "auxpass")]  # "... and has been"
        verb = aux[0] if aux else conj
        new = _plural_verb(verb)
        if new:
            edits.append(Edit(verb.idx, verb.idx + len(verb), new))
    return edits


_NOT_PEOPLE = frozenset({"it", "this", "that", "there", "which", "what"})


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause an object pronoun is in ("Troy wants him back": Troy)."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _NOT_PEOPLE]
        if subjects:
            return subjects[0]
        if verb.dep_ not in ("xcomp", "conj", "ccomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _fronted_clause(tok: Token) -> bool:
    """``tok`` is in a subordinate clause that comes before the clause it depends on ("When he came,
    Tom ...", "If she asks, Bo ..."), where a pronoun can point forward to a name."""
    verb = tok.head
    while verb.dep_ not in ("ROOT", "advcl", "csubj") and verb.head is not verb:
        verb = verb.head
    return verb.dep_ in ("advcl", "csubj") and verb.i < verb.head.i


def rewrite(
    sdoc: Doc,
    focal_gender: str | None,
    target: str,
    others: list[tuple[int, str | None]] | list[tuple[int, str | None, str]],
    taken: list[tuple[int, int]],
    focal_at: list[int] = (),  # type: ignore[assignment]
    relatives: list[tuple[int, str, str]] = (),  # type: ignore[assignment]
) -> tuple[list[Edit], list[Unresolved]]:
    """Pronoun (and verb) edits for the focal person; ``others`` are (offset, gender[, who]) of other
    people's mentions (``who`` tells which mentions are one person), ``focal_at`` the offsets of the
    focal person's names, ``relatives`` (offset, gender, who) of the relatives named or mentioned: a relative
    of the pronoun's gender anywhere before it in the text makes it ambiguous, not only in its sentence.

    A pronoun of the focal person's gender with another person of that gender (or of unknown gender)
    named in its sentence or the one before is ambiguous, except a subject pronoun that continues a
    sentence about the focal person ("Sam asked her mum. She wanted ..."), a pronoun in a sentence whose
    subject is the focal person with no one else of that gender before it in the sentence ("Sam went quiet
    the minute he saw it", after a sentence about another man), and the person a possessive pronoun
    belongs to ("his dad": not the dad himself).
    """
    edits: list[Edit] = []
    unresolved: list[Unresolved] = []
    people = [(o[0], o[1], o[2] if len(o) > 2 else f"at {o[0]}") for o in others]
    sents = list(sdoc.sents)
    target_gender = {"she": "F", "he": "M"}.get(target)
    previous_focal = False  # the sentence before was about the focal person (its subject)
    focal_tokens: set[int] = set()  # pronouns taken to mean the focal person
    for si, sent in enumerate(sents):
        lo = sents[si - 1].start_char if si else sent.start_char
        about: bool | None = None  # this sentence's first subject is the focal person
        focal_here: dict[str, int] = {}  # gender -> where this sentence last took a pronoun for the focal person
        for tok in sent:
            subject = tok.dep_ in ("nsubj", "nsubjpass")
            if subject and about is None and any(tok.idx <= f < tok.idx + len(tok) for f in focal_at):
                about = True
            g, role = _gender(tok), _role(tok)
            if g is None or role is None or any(s < tok.idx + len(tok) and tok.idx < e for s, e in taken):
                if subject and about is None and tok.lower_ not in ("i", "we"):
                    about = False
                continue
            if focal_gender is None:
                unresolved.append(
                    Unresolved(tok.idx, tok.idx + len(tok), "the composite character's gender here is unknown")
                )
                continue
            if g != focal_gender:
                if subject and about is None:
                    about = False
                continue
            head = tok.head if tok.dep_ == "poss" else None
            lo_ex, hi_ex = (head.left_edge.idx, head.right_edge.idx + len(head.right_edge)) if head else (0, 0)
            subj = _clause_subject(tok) if role == "obj" and tok.dep_ != "poss" else None
            if subj is not None and (
                subj.i in focal_tokens or any(subj.idx <= f < subj.idx + len(subj) for f in focal_at)
            ):
                continue  # "Sam told him": him is not Sam
            excluded: set[str] = set()
            if subj is not None:  # "Troy wants him back": him is not Troy, wherever Troy is named
                lo_ex, hi_ex = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
                excluded = {who for off, _, who in people if lo_ex <= off < hi_ex}
            # a subject pronoun refers back: a person named after it in its sentence is not who it means
            # ("... that he cooked, and told Tom"), unless its clause comes first ("When he came, Tom ...")
            until = tok.idx if subject and not _fronted_clause(tok) else sent.end_char
            near = [
                o for off, o, who in people if lo <= off < until and not lo_ex <= off < hi_ex and who not in excluded
            ]
            ambiguous = any(o == g or o is None for o in near) or any(
                off < tok.idx and o == g and not lo_ex <= off < hi_ex and who not in excluded
                for off, o, who in relatives
            )
            if ambiguous and subject and previous_focal and about is not False:
                ambiguous = any(o == g or o is None for off, o, _ in people if sent.start_char <= off < tok.idx)
            if ambiguous and about:  # "Sam went quiet the minute he saw it", "Sam showed me her phone"
                ambiguous = any(
                    (o == g or o is None) and not lo_ex <= off < hi_ex and who not in excluded
                    for off, o, who in [*people, *relatives]
                    if sent.start_char <= off < tok.idx
                )
            if ambiguous and tok.idx in focal_at:  # a pronoun already read as the character ("She's [age]")
                ambiguous = False
            if ambiguous and g in focal_here:  # "Bo gave him soup and I gave him a story": the same him
                ambiguous = any(focal_here[g] < off < tok.idx and (o == g or o is None) for off, o, _ in people)
            if subject and about is None:
                about = not ambiguous
            if not ambiguous:
                focal_tokens.add(tok.i)
                focal_here[g] = tok.idx
            if target_gender == g:
                continue  # the character's pronoun already
            if ambiguous:
                unresolved.append(Unresolved(tok.idx, tok.idx + len(tok), "may refer to more than one person"))
                continue
            if role == "obj" and tok.lower_ == "her" and tok.dep_ == "poss":
                role = "poss"
            end = tok.idx + len(tok)
            if role == "subj" and not tok.whitespace_ and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ == "s":
                role, end = "subj_is", end + 1  # "hes" written without its apostrophe
            new = TARGET[target][role]
            edits.append(Edit(tok.idx, end, _cased(new, tok.text)))
            if target == "they" and role == "subj":
                edits.extend(_agreement(tok))
        if about is not None:
            previous_focal = about
    return edits, unresolved
