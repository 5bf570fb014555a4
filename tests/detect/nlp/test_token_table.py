"""The token table holds exactly what spaCy's tokens say, for any text the pipeline can parse."""

from __future__ import annotations

import pytest

from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.nlp.tokens import doc_text, token_table

TEXTS = [
    "Met Ilse Varga at the Quarrybank drop-in on Tuesday; she rides horses and keeps axolotls.",
    "  two spaces first,\n\nthen a blank line and a trailing newline\n",
    "Zoë rang at 5.30pm — ‘can’t make it’ — so we rescheduled to 12/03.",
    "",
    " ",
    "one",
]


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.mark.parametrize("text", TEXTS)
def test_the_table_matches_the_tokens(nlp, text):
    sdoc = nlp(text)
    table = token_table(sdoc)
    assert table.lowers == [t.lower_ for t in sdoc]
    assert table.lemmas == [t.lemma_ for t in sdoc]
    assert table.pos == [t.pos_ for t in sdoc]
    assert table.tags == [t.tag_ for t in sdoc]
    assert table.starts == [t.idx for t in sdoc]
    assert table.alpha == [t.is_alpha for t in sdoc]
    assert table.stop == [t.is_stop for t in sdoc]
    assert table.num == [t.like_num for t in sdoc]
    assert table.texts == [t.text for t in sdoc]
    assert table.length == len(sdoc.text) == len(text)


def test_the_table_is_read_once_per_document(nlp):
    sdoc = nlp(TEXTS[0])
    assert token_table(sdoc) is token_table(sdoc)
    assert token_table(nlp(TEXTS[0])) is not token_table(sdoc)


def test_where_pos_lists_the_tokens_of_those_parts_of_speech_in_order(nlp):
    sdoc = nlp(TEXTS[0])
    verbs = token_table(sdoc).where_pos("VERB", "AUX")
    assert verbs == [t.i for t in sdoc if t.pos_ in ("VERB", "AUX")]
    assert verbs  # "Met", "rides", "keeps"


@pytest.mark.parametrize("text", TEXTS)
def test_doc_text_is_the_text_and_is_built_once_per_document(nlp, text):
    sdoc = nlp(text)
    assert doc_text(sdoc) == sdoc.text == text
    assert doc_text(sdoc) is doc_text(sdoc)


@pytest.mark.parametrize("text", TEXTS)
def test_the_parse_keeps_the_text_it_was_made_from(nlp, text):
    from qualdeid.detect import DetectConfig
    from qualdeid.detect.pipeline import FirstPass

    first = FirstPass.__new__(FirstPass)  # only its parsing: no analyzer or processors needed
    first.nlp, first.config = nlp, DetectConfig()
    [(sdoc, _)] = list(first._pipe([(text, "doc")]))
    assert sdoc.user_data["qualdeid.text"] == text == sdoc.text
    assert doc_text(sdoc) is text
