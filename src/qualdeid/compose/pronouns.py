"""Third-person pronouns of the composite character, with verb agreement for singular "they".

A pronoun is changed only when it can refer to the focal person alone: it has the focal person's
gender, and no other person of that gender (or of unknown gender) is named, and no relative of that
gender is mentioned, in its sentence or the one before. Anything else is reported, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.loading import resolve_model_name

MALE = {"he": "subj", "him": "obj", "his": "poss", "himself": "refl"}
FEMALE = {"she": "subj", "her": "obj", "hers": "poss_pron", "herself": "refl"}
TARGET = {
    "she": {"subj": "she", "obj": "her", "poss": "her", "poss_pron": "hers", "refl": "herself"},
    "he": {"subj": "he", "obj": "him", "poss": "his", "poss_pron": "his", "refl": "himself"},
    "they": {"subj": "they", "obj": "them", "poss": "their", "poss_pron": "theirs", "refl": "themselves"},
}
_BE_PLURAL = {"is": "are", "was": "were", "'s": "'re", "’s": "’re"}
_HAVE_PLURAL = {"has": "have", "'s": "'ve", "’s": "’ve"}


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    new: str


@dataclass(frozen=True, slots=True)
class Unresolved:
    start: int
    end: int
    reason: str


@lru_cache(maxsize=2)
def parser(model: str) -> Language:
    """A pipeline with the dependency parser on (detection's copy runs without it); no NER needed."""
    return spacy.load(resolve_model_name(model), exclude=["ner"])


def _role(tok: Token) -> str | None:
    low = tok.lower_
    if low in MALE:
        role = MALE[low]
        if low == "his" and tok.tag_ != "PRP$":
            role = "poss_pron"  # "it was his"
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
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _plural_verb(tok: Token) -> str | None:
    low = tok.lower_
    if low in ("'s", "’s"):  # "he's been" (has) or "he's tired" (is): the next word tells
        nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        has = nxt is not None and nxt.tag_ == "VBN" and nxt.lower_ not in ("tired", "worried", "scared")
        return ("'ve" if has else "'re").replace("'", low[0])
    if tok.lemma_ == "be" and low in _BE_PLURAL:
        return _BE_PLURAL[low]
    if tok.lemma_ == "have" and low in _HAVE_PLURAL:
        return _HAVE_PLURAL[low]
    if low == "does":
        return "do"
    if tok.tag_ == "VBZ" and tok.lemma_ and tok.lemma_ not in ("be", "have"):
        return tok.lemma_.lower()
    return None


def _agreement(subject: Token) -> list[Edit]:
    """The finite verb(s) that agree with a subject pronoun made plural ("they")."""
    head = subject.head
    edits = []
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i > subject.i]
    finite = aux[0] if aux else head if head.i > subject.i else None
    if finite is not None:
        new = _plural_verb(finite)
        if new:
            edits.append(Edit(finite.idx, finite.idx + len(finite), _cased(new, finite.text)))
    if finite is head:
        for conj in head.children:
            if conj.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                new = _plural_verb(conj)
                if new:
                    edits.append(Edit(conj.idx, conj.idx + len(conj), new))
    return edits


def rewrite(
    sdoc: Doc,
    focal_gender: str | None,
    target: str,
    others: list[tuple[int, str | None]],
    taken: list[tuple[int, int]],
) -> tuple[list[Edit], list[Unresolved]]:
    """Pronoun (and verb) edits for the focal person; ``others`` are (offset, gender) of other people."""
    edits: list[Edit] = []
    unresolved: list[Unresolved] = []
    sents = list(sdoc.sents)
    target_gender = {"she": "F", "he": "M"}.get(target)
    for si, sent in enumerate(sents):
        lo = sents[si - 1].start_char if si else sent.start_char
        nearby = [g for off, g in others if lo <= off < sent.end_char]
        for tok in sent:
            g, role = _gender(tok), _role(tok)
            if g is None or role is None or any(s < tok.idx + len(tok) and tok.idx < e for s, e in taken):
                continue
            if focal_gender is None:
                unresolved.append(
                    Unresolved(tok.idx, tok.idx + len(tok), "the composite character's gender here is unknown")
                )
                continue
            if g != focal_gender:
                continue  # someone else
            if any(o == g or o is None for o in nearby):
                unresolved.append(Unresolved(tok.idx, tok.idx + len(tok), "may refer to more than one person"))
                continue
            if target_gender == g:
                continue
            if role == "obj" and tok.lower_ == "her" and tok.dep_ == "poss":
                role = "poss"
            new = TARGET[target][role]
            edits.append(Edit(tok.idx, tok.idx + len(tok), _cased(new, tok.text)))
            if target == "they" and role == "subj":
                edits.extend(_agreement(tok))
    return edits, unresolved
