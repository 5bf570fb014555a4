"""A fine-tuned copy of en_core_web_sm's entity recogniser (``tools/train_ner.py``), beside or instead of
the stock one.

``QUALDEID_NER`` chooses how detection uses it:

- ``stock``: the stock recogniser only;
- ``add`` (the default, with the pipeline the weights were trained from; another pipeline given with
  ``--model`` runs as it is): the stock recogniser stays, and is what every rule reads
  (``token.ent_type_``, ``doc.ents``); the fine-tuned one reads the same tokens afterwards, and its
  people, places and organisations that overlap no stock entity (``Additions``: dictionary words that
  are no names trimmed from their ends, alone dropped) are handed to Presidio with the stock ones, so
  they are found and filtered as the stock recogniser's are. It adds spans, never changes a stock reading;
- ``replace``: the fine-tuned weights replace the stock ones (every rule then reads them).

``QUALDEID_NER_DIR`` names the folder of the weights (spaCy's ``to_disk`` of the ``ner`` component,
``OUT/ner`` of the training script) with a ``manifest.json`` of their checksums (default: ``ner/``
beside this module). Weights whose files do not match the manifest, or trained from another pipeline,
are refused, never half-used.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from qualdeid.detect.nlp.frequency import zipf

MODE_ENV = "QUALDEID_NER"
DIR_ENV = "QUALDEID_NER_DIR"
MODES = ("stock", "add", "replace")
NER_DIR = Path(__file__).with_name("ner")
MANIFEST = "manifest.json"
#: the files of spaCy's ``to_disk`` of the component (its vocabulary is the pipeline's own)
FILES = ("cfg", "model", "moves")
#: ``doc.spans`` key of the fine-tuned recogniser's additions (mode ``add``)
ADDED = "qualdeid_added_entities"
#: the labels it may add: people, places, organisations
ADDED_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})
#: letters that spell a word this common in English are the word said slowly, not a name (the
#: threshold of ``recognizers/spelled.py``)
SPELLED_WORD_ZIPF = 3.5
#: what may stand between the letters of a word spelled out ("R-E-V-I-E-W", "r e v i e w")
_SPELLING_JOINERS = frozenset({"-", "–"})


class TrainedNerError(Exception):
    """The fine-tuned weights cannot be used."""


def mode() -> str | None:
    """The mode ``QUALDEID_NER`` asks for (None: not set)."""
    value = os.environ.get(MODE_ENV, "").strip().lower()
    if not value:
        return None
    if value not in MODES:
        raise TrainedNerError(f"{MODE_ENV}={value!r}: expected one of {', '.join(MODES)}")
    return value


def weights_dir() -> Path:
    return Path(os.environ.get(DIR_ENV) or NER_DIR)


def write_manifest(folder: Path, *, base_model: str, trained: dict[str, Any]) -> None:
    manifest = {"base_model": base_model, "sha256": {n: _sha256(folder / n) for n in FILES}, "training": trained}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def check_weights(folder: Path, pipeline: str) -> None:
    """Refuse weights that are damaged or were trained from another pipeline than ``pipeline``."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        damaged = [n for n in FILES if _sha256(folder / n) != manifest["sha256"][n]]
    except (OSError, ValueError, KeyError) as e:
        raise TrainedNerError(f"the fine-tuned entity recogniser in {folder} cannot be read ({e})") from e
    if damaged:
        raise TrainedNerError(
            f"the fine-tuned entity recogniser in {folder} is damaged ({', '.join(damaged)} not as in {MANIFEST})"
        )
    if manifest["base_model"] != pipeline:
        raise TrainedNerError(
            f"the fine-tuned entity recogniser in {folder} was trained from {manifest['base_model']}, not {pipeline}"
        )


def use_trained_ner(nlp: Language, model_path: str) -> None:
    """Apply ``QUALDEID_NER`` to a freshly loaded pipeline (before its entity recogniser is stepped)."""
    chosen, folder = mode(), weights_dir()
    pipeline = f"{nlp.meta.get('name')} {nlp.meta.get('version')}"
    if chosen is None:  # the default: the shipped weights beside the pipeline they were trained from
        chosen = "add" if _trained_from(folder) == pipeline else "stock"
    if chosen == "stock" or "ner" not in nlp.pipe_names:
        return
    check_weights(folder, pipeline)
    if chosen == "replace":
        nlp.get_pipe("ner").from_disk(folder, exclude=["vocab"])
        return
    from qualdeid.detect.nlp.fast_parser import SteppedEntityRecognizer

    second = spacy.load(model_path, exclude=[p for p in nlp.component_names if p != "ner"]).get_pipe("ner")
    second.from_disk(folder, exclude=["vocab"])
    nlp.add_pipe("qualdeid_added_entities", after="ner")
    nlp.get_pipe("qualdeid_added_entities").ner = SteppedEntityRecognizer(second)


class AddedEntities:
    """Runs a second entity recogniser on each document and keeps, in ``doc.spans[ADDED]``, its people,
    places and organisations that overlap none of the document's own entities; ``doc.ents`` is left as
    it was."""

    def __init__(self) -> None:
        self.ner: Any = None

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        for batch in util.minibatch(stream, size=batch_size):
            docs = list(batch)
            own = [doc.ents for doc in docs]
            by_length = sorted(docs, key=len)
            self.ner.set_annotations(by_length, self.ner.predict(by_length))
            for doc, ents in zip(docs, own, strict=True):
                taken = {i for e in ents for i in range(e.start, e.end)}
                doc.spans[ADDED] = [
                    e
                    for e in doc.ents
                    if e.label_ in ADDED_LABELS and not any(i in taken for i in range(e.start, e.end))
                ]
                doc.ents = ents
            yield from docs


@Language.factory("qualdeid_added_entities")
def _make(nlp: Language, name: str) -> AddedEntities:
    return AddedEntities()


def added_entities(doc: Doc) -> list[Span]:
    """The second recogniser's additions to ``doc`` (none unless ``QUALDEID_NER=add``), as new spans."""
    if ADDED not in doc.spans:
        return []
    return [Span(doc, e.start, e.end, label=e.label_) for e in doc.spans[ADDED]]


class Additions:
    """The additions detection keeps. A word of the dictionary that is no name is trimmed from either
    end of an addition ("Saw <name>" at a sentence start; a language after a name), and an addition
    that is one such word alone (a shop, a plural animal), a term of the lexicons, a name that is also
    a word ("Hope": the name rules decide it from its context), an unknown word right after a verb whose
    object is a thing ("played Cluedo": ``thing_verbs`` of ``rules/names/context.yaml``) or a common
    word spelled out letter by letter ("R-E-V-I-E-W") is dropped; what
    is left must still overlap no stock entity."""

    def __init__(
        self,
        words: frozenset[str],
        other_words: frozenset[str],
        is_name: Callable[[str], bool],
        is_term: Callable[[str], bool] = lambda word: False,
        word_names: frozenset[str] = frozenset(),
        thing_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.words = words  # every word class of the lemmatizer's index
        self.other_words = other_words  # verbs, adjectives, adverbs: never the end of a name
        self.is_name = is_name
        self.is_term = is_term  # clinical and legal terms, Māori and Pacific words: never a name alone
        #: names that are also words ("Hope", "Will"): alone, the name rules decide from their context
        self.word_names = word_names
        #: verbs whose object is a thing: "played Cluedo" is the game
        self.thing_verbs = thing_verbs

    def __call__(self, doc: Doc) -> list[Span]:
        if ADDED not in doc.spans:
            return []
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        kept = []
        for e in doc.spans[ADDED]:
            start, end = e.start, e.end
            while end - start > 1 and self._loose(doc[start]):
                start += 1
            while end - start > 1 and self._loose(doc[end - 1]):
                end -= 1
            if any(i in taken for i in range(start, end)):
                continue
            if end - start == 1 and (self._word(doc[start]) or self._a_thing(doc[start])):
                continue
            if spells_a_common_word(doc[start:end], self.is_name):
                continue
            kept.append(Span(doc, start, end, label=e.label_))
        return kept

    def _a_thing(self, token: Token) -> bool:
        """The unknown word right after a verb whose object is a thing ("played Cluedo")."""
        return token.i > 0 and token.doc[token.i - 1].lower_ in self.thing_verbs and not self.is_name(token.text)

    def _loose(self, token: Token) -> bool:
        return token.lower_ in self.other_words and not self.is_name(token.text)

    def _word(self, token: Token) -> bool:
        lower = token.lower_
        forms = (lower, token.lemma_.lower(), lower.removesuffix("s"), lower.removesuffix("es"))
        if self.is_term(token.text) or lower in self.word_names:
            return True
        return any(f in self.words for f in forms) and not self.is_name(token.text)


def spells_a_common_word(span: Span, is_name: Callable[[str], bool]) -> bool:
    """``span`` is (part of) a word spelled out letter by letter, one token a letter ("R-E-V-I-E-W",
    "r e v i e w"), and the word it spells is common in English and no name: the word said slowly.
    A name spelled out ("K-A-T-E") is not, nor are initials written with full stops ("J. R. T.")."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and _spelling(doc[start - 1]):
        start -= 1
    while end < len(doc) and _spelling(doc[end]):
        end += 1
    run = doc[start:end]
    letters = [t.text for t in run if t.text not in _SPELLING_JOINERS]
    if len(letters) < 3 or not all(_spelling(t) for t in run):
        return False
    word = "".join(letters).lower()
    return zipf(word) >= SPELLED_WORD_ZIPF and not is_name(word)


def _spelling(token: Token) -> bool:
    return (len(token.text) == 1 and token.is_alpha) or _spelling_joiner(token)


def _spelling_joiner(token: Token) -> bool:
    return token.text in _SPELLING_JOINERS


def _trained_from(folder: Path) -> str | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("base_model")
    except (OSError, ValueError, AttributeError):
        return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
