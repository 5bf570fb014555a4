"""Risk: identifiers linked to every source that holds them, names that are also words, the checked
text's own names looked up in the corpus, and details made of words common in general English.

Fixture: tests/fixtures/risk_corpus.jsonl (invented). "Brannock" is in R01-R03, the diaries about
Ottilie Brannock; "kiln" in R03-R05, diaries about two people.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from helpers import FIXTURES
from qualdeid.corpus import Document, Span
from qualdeid.corpus.model import InputError
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import EXIT_FAIL, EXIT_WARN, RiskChecker, load_risk_config
from qualdeid.risk.identifiers import IdentifierIndex, index_corpus

CORPUS = FIXTURES / "risk_corpus.jsonl"


def _doc(doc_id: str, text: str, *names: str) -> Document:
    doc = Document(doc_id, text)
    doc.spans = [Span(text.index(n), text.index(n) + len(n), "PERSON") for n in names]
    return doc


def test_an_identifier_is_linked_to_every_document_holding_its_string() -> None:
    docs = [
        _doc("d1", "Ottilie Brannock came on Monday.", "Ottilie Brannock"),
        _doc("d2", "We saw Ottilie Brannock at lunch."),  # detection missed it here
        _doc("d3", "Brannock was late."),
        _doc("d4", "Nobody came."),
    ]
    index = index_corpus(docs)
    assert [h.sources for h in index.find("then Ottilie Brannock left")] == [("d1", "d2")]
    assert [h.sources for h in index.find("and Ottilie left")] == [("d1", "d2")]  # the part, from the full match
    assert [h.sources for h in index.find("and Brannock left")] == [("d1", "d2", "d3")]


def test_a_sentence_initial_word_name_does_not_link_a_document() -> None:
    docs = [
        _doc("d1", "After lunch Hope Carrow laughed.", "Hope Carrow"),
        _doc("d2", "Hope is all we had."),
        _doc("d3", "We met Hope at noon."),
    ]
    index = index_corpus(docs, word_names={"hope"})
    (hit,) = index.find("Later Hope came in.")
    assert hit.sources == ("d1", "d3")


def test_lower_case_word_name_is_a_possible_hit_only_when_asked() -> None:
    index = IdentifierIndex(word_names={"joy"})
    index.add("Joy Pennimore", "PERSON", "d1")
    assert index.find("we sat with joy") == []
    (hit,) = index.find("we sat with joy", word_uses=True)
    assert hit.lowercase and not hit.certain and hit.sources == ("d1",)
    (hit,) = index.find("we sat with Joy", word_uses=True)
    assert hit.certain and not hit.lowercase


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, Corpus([CORPUS]))


def _findings(checker: RiskChecker, text: str, check: str):
    return [f for f in checker.check([Document("v", text)]).findings if f.check == check]


def test_lower_case_name_used_as_a_name_warns_with_its_sources(checker: RiskChecker) -> None:
    report = checker.check([Document("v", "After lunch we sat with joy in the lounge.")])
    (f,) = [f for f in report.findings if f.check == "possible_identifier"]
    assert f.matched == "joy" and f.severity == "warn" and f.sources == ["R04", "R05"]
    assert report.exit_code == EXIT_WARN
    # the word itself, with a modifier or as a verb, is not a name
    assert _findings(checker, "It was a great joy to hope for rain.", "possible_identifier") == []
    # with its capital it is still a common word: a warning, never a failure
    (f,) = _findings(checker, "After lunch we sat with Joy in the lounge.", "possible_identifier")
    assert f.severity == "warn"
    assert _findings(checker, "After lunch we sat with Joy in the lounge.", "residual_identifier") == []


def test_a_rare_word_is_traced_by_person(checker: RiskChecker) -> None:
    # "kiln" is in three diaries (R03-R05) but about two people: traceable with k = 3
    (f,) = _findings(checker, "She fired it in the old kiln.", "rare_detail")
    assert f.sources == ["R03", "R04", "R05"] and f.k == 2
    # "pottery", in three diaries about Ottilie alone, is no rare word in general English: it does not
    # warn on its own (it adds to the evidence that a text points to her)
    assert _findings(checker, "She made pottery.", "rare_detail") == []


class _CorpusBlind:
    """The real detector, except that it finds nothing in the corpus documents (as if it had missed
    a name there), so only the checked text's own detection can find it."""

    def __init__(self, detector, corpus_ids: set[str]) -> None:
        self.detector, self.corpus_ids, self.nlp = detector, corpus_ids, detector.nlp

    def detect(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        for doc in self.detector.detect(items):
            if isinstance(doc, Document) and doc.id in self.corpus_ids:
                doc.spans = []
            yield doc


@pytest.fixture(scope="module")
def blind_checker(detector) -> RiskChecker:
    ids = {d.id for d in Corpus([CORPUS]) if isinstance(d, Document)}
    return RiskChecker(load_risk_config(), _CorpusBlind(detector, ids), Corpus([CORPUS]))


def test_a_name_of_the_text_found_in_the_corpus_is_an_identifier_not_a_detail(blind_checker: RiskChecker) -> None:
    assert len(blind_checker.profile.index) == 0
    report = blind_checker.check([Document("v", "Later we talked about Brannock for a while.")])
    # detected as a name in the text and written as a name in the corpus (R03 has it only at a sentence
    # start, where a capital says nothing), and no common word: an identifier, not a detail
    (f,) = [f for f in report.findings if f.check == "residual_identifier"]
    assert f.matched == "Brannock" and f.sources == ["R01", "R02"] and f.severity == "fail"
    assert not [g for g in report.findings if g.check == "rare_detail" and g.start == f.start]
    assert report.exit_code == EXIT_FAIL


def test_a_common_word_of_the_text_found_in_the_corpus_warns(blind_checker: RiskChecker) -> None:
    report = blind_checker.check([Document("v", "After lunch we sat with Joy in the lounge.")])
    names = [(f.check, f.matched) for f in report.findings if f.check.endswith("identifier")]
    assert names == [("possible_identifier", "Joy")]


def test_a_name_the_corpus_does_not_hold_passes(blind_checker: RiskChecker) -> None:
    report = blind_checker.check([Document("v", "Later we talked about Quenby Marlowe for a while.")])
    assert not [f for f in report.findings if f.check in ("residual_identifier", "possible_identifier")]


def test_a_family_name_with_a_plain_s_is_the_name() -> None:
    index = IdentifierIndex(word_names={"hope"})
    index.add("Ottilie Brannock", "PERSON", "d1")
    index.add("Hope", "PERSON", "d2")
    assert [h.sources for h in index.find("we visited the Brannocks")] == [("d1",)]
    assert index.find("she Hopes so") == []  # a name that is also a word keeps its exact form


def test_plain_s_and_other_documents_need_the_names_own_case() -> None:
    docs = [_doc("d1", "We met Mrs Day at noon.", "Mrs Day"), _doc("d2", "It was a long day."), _doc("d3", "Day came.")]
    index = index_corpus(docs, word_names=set())
    assert index.find("on bad days") == []  # a frequent word with a bare "s", in lower case
    (hit,) = index.find("we saw Day")
    assert hit.sources == ("d1", "d3")  # not d2, where "day" is the word


@pytest.fixture(scope="module")
def keyed(detector) -> RiskChecker:
    # what the key of the scrubbed corpus holds for "Joy Pennimore" (R04, R05)
    return RiskChecker(load_risk_config(), detector, Corpus([CORPUS]), key_identifiers=[("Joy Pennimore", "PERSON")])


@pytest.mark.parametrize(
    "text",
    ["After lunch we sat with Joy in the lounge.", "Later Joy's tea went cold.", "Joy laughed at the rain."],
)
def test_with_the_key_a_name_that_is_a_word_fails_as_the_key_writes_it(keyed: RiskChecker, text: str) -> None:
    (f,) = _findings(keyed, text, "residual_identifier")
    assert f.severity == "fail" and f.matched.startswith("Joy")


@pytest.mark.parametrize(
    "text",
    [
        "Joy arrived late that evening.",  # the subject of a person's verb
        "Joy, come and sit with us.",  # addressed
        "Joy, 34, moved in on a Tuesday.",  # an age beside it
        "Joy, a resident of the unit, painted the fence.",  # a person beside it
        "Joy's mum rang twice.",  # owning a person
        "Joy and her son came to the barbecue.",  # joined to a person
        "Joy was the cook that year.",  # said to be a person
        "Joy was proud of herself.",  # spoken of as herself
        "Joy was told the news on Monday.",  # the passive subject of a verb that takes a person
        "Joy did not want a fuss in the hall and asked a nurse to ring her brother.",  # subject of a joined verb
    ],
)
def test_with_the_key_a_word_name_opening_a_sentence_fails_where_the_grammar_reads_a_name(
    keyed: RiskChecker, text: str
) -> None:
    (f,) = _findings(keyed, text, "residual_identifier")
    assert f.severity == "fail" and f.matched.startswith("Joy")


@pytest.mark.parametrize(
    "text",
    [
        "Joy was everywhere that afternoon.",
        "Joy came up again and again: small moments were signs that things could change.",
        "Joy grew in small steps: a haircut, a walk to the shop, a phone call.",
        "Joy is what kept most of them going.",
        "Joy filled the room when the choir sang.",
        "Joy filled the room and we asked for more songs.",  # the joined verb has a subject of its own
        "Joy was usually described in small steps: a walk, a phone call.",  # a topic talked about
        "Joy, patience and a sense of humour were the qualities tenants most valued in staff.",  # people, not one
    ],
)
def test_with_the_key_a_word_name_opening_a_sentence_as_the_word_only_warns(keyed: RiskChecker, text: str) -> None:
    # the tagger reads nearly every capitalised opening word as a proper noun: that says nothing of a name
    report = keyed.check([Document("v", text)])
    assert not [f for f in report.findings if f.check == "residual_identifier"]
    assert [f.matched for f in report.findings if f.check == "possible_identifier"] == ["Joy"]
    assert report.exit_code == EXIT_WARN


def test_with_the_key_a_plural_word_of_a_group_name_that_a_who_clause_qualifies_is_people_of_a_kind(
    detector,
) -> None:
    # scrub replaced a support group's name that the entity recogniser took for a person's
    keyed = RiskChecker(load_risk_config(), detector, Corpus([CORPUS]), key_identifiers=[("Parents Unite", "PERSON")])
    report = keyed.check([Document("v", "Parents who had moved across the country often felt alone.")])
    assert not [f for f in report.findings if f.check == "residual_identifier"]
    assert report.exit_code != EXIT_FAIL


def test_with_the_key_the_word_itself_still_passes(keyed: RiskChecker) -> None:
    report = keyed.check([Document("v", "It was a great joy to hope for rain, and we sat with joy.")])
    assert not [f for f in report.findings if f.check == "residual_identifier"]
    assert report.exit_code != EXIT_FAIL


def test_a_common_word_the_key_holds_in_lower_case_is_the_word(detector) -> None:
    # scrub replaced "joy" where detection took the word for the name: the key holds it in lower case
    keyed = RiskChecker(
        load_risk_config(), detector, Corpus([CORPUS]), key_identifiers=[("Joy Pennimore", "PERSON"), ("joy", "PERSON")]
    )
    assert _findings(keyed, "It was a great joy to see the garden.", "residual_identifier") == []
    assert _findings(keyed, "After lunch we sat with Joy in the lounge.", "residual_identifier")


def test_a_key_value_in_lower_case_that_is_a_form_of_a_word_is_the_word() -> None:
    # scrub took "Went" and "the Anchor" for names; the key holds them in lower case as well
    from qualdeid.risk.identifiers import KEY_SOURCE

    index = IdentifierIndex(dictionary=frozenset({"go", "went", "anchor"}), word_names=set())
    for value, label in (("went", "PERSON"), ("anchor", "ORGANIZATION"), ("Anchor", "ORGANIZATION")):
        index.add(value, label, KEY_SOURCE)
    index.add("brannock", "PERSON", KEY_SOURCE)  # no word, but in lower case: a name where used as one
    assert not [h for h in index.find("she went to drop the anchor") if h.confident]
    assert [h.confident for h in index.find("we met at the Anchor")] == [True]
    assert [(h.confident, h.key_word) for h in index.find("we saw brannock")] == [(False, True)]


def test_inflected_forms_of_dictionary_words_are_words() -> None:
    index = IdentifierIndex(dictionary=frozenset({"anchor", "hope", "wait"}))
    assert index.in_dictionary("anchors") and index.in_dictionary("hoped") and index.in_dictionary("waiting")
    assert not index.in_dictionary("brannocks") and not index.in_dictionary("anchor"[:3])


class _Planted:
    """The real detector, except that the corpus documents get the spans given here (as if detection
    had taken these words for names there)."""

    def __init__(self, detector, spans: dict[str, list[tuple[str, str]]]) -> None:
        self.detector, self.spans, self.nlp = detector, spans, detector.nlp

    def detect(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        for doc in self.detector.detect(items):
            if isinstance(doc, Document) and doc.id in self.spans:
                doc.spans = [
                    Span(doc.text.index(v), doc.text.index(v) + len(v), label) for v, label in self.spans[doc.id]
                ]
            yield doc


@pytest.fixture(scope="module")
def planted(detector) -> RiskChecker:
    docs = [
        Document("d1", "Fair Quillon came to the drop-in on Tuesday and stayed for soup."),
        Document("d2", "We walked down to the Anchor for a coffee with the group."),
        Document("d3", "Faith Ormsby told us about her garden."),
        Document("d4", "After tea moss told us about the allotment."),
    ]
    spans = {
        "d1": [("Fair Quillon", "PERSON")],
        "d2": [("Anchor", "ORGANIZATION")],
        "d3": [("Faith Ormsby", "PERSON")],
        "d4": [("moss", "PERSON")],  # a person the corpus writes in lower case
    }
    return RiskChecker(load_risk_config(), _Planted(detector, spans), docs)


@pytest.mark.parametrize(
    "text",
    [
        "Fair enough, we said, and left it there.",  # a common word opening a sentence, read as the word
        "Someone had left the anchor out all night.",  # the word, in lower case, in a text that writes names
        "I have had to build up faith in my own plan.",  # a noun with a complement of its own
        "The moss was thick on the old wall.",  # a lower-case name of the corpus, here the word
    ],
)
def test_words_that_are_also_names_of_the_corpus_are_words_here(planted: RiskChecker, text: str) -> None:
    assert not [f for f in planted.check([Document("v", text)]).findings if f.check.endswith("identifier")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("After lunch Fair Quillon sat with us.", "Fair Quillon"),
        ("We met at the Anchor again.", "Anchor"),
        ("After lunch we sat with faith.", "faith"),  # a bare noun where a person stands
        ("After lunch we sat with moss.", "moss"),  # the lower-case name where a person stands
    ],
)
def test_the_names_themselves_are_still_found(planted: RiskChecker, text: str, value: str) -> None:
    found = [f.matched for f in planted.check([Document("v", text)]).findings if f.check.endswith("identifier")]
    assert value in found
