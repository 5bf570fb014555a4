"""A fail means an identifier: a name detected in the corpus, written as it was found there, that is
not a common word; terms of the never-lists (holidays, clinical and legal terms, kinds of service,
te reo Māori and Pacific words) are never identifiers; everything else that matches warns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from helpers import FIXTURES
from qualdeid.corpus import Document, Span
from qualdeid.corpus.model import InputError
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import EXIT_FAIL, EXIT_WARN, RiskChecker, load_risk_config, residual_identifiers
from qualdeid.risk.identifiers import IdentifierIndex

CORPUS = FIXTURES / "risk_corpus.jsonl"


class _WithNerErrors:
    """The real detector, plus the spans a statistical recogniser sometimes adds wrongly in the
    corpus ("Day" of "Anzac Day" as a person, "CMHT" as an organisation)."""

    def __init__(self, detector, extra: dict[str, list[tuple[str, str]]]) -> None:
        self.detector, self.extra, self.nlp = detector, extra, detector.nlp

    def detect(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        for doc in self.detector.detect(items):
            if isinstance(doc, Document):
                for value, label in self.extra.get(doc.id, []):
                    at = doc.text.index(value)
                    doc.spans.append(Span(at, at + len(value), label, value, 0.85, "SpacyRecognizer"))
            yield doc


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    docs = [
        Document("d1", "On Anzac Day Wiremu Tahana went to the CMHT with his whānau. He had an ECG."),
        Document("d2", "Wiremu Tahana and Ottilie Brannock made a hāngī for Matariki. They met Fair later."),
        Document("d3", "Later Ottilie Brannock rang the Mental Health Act team about her Irish cousin."),
    ]
    errors = {
        "d1": [("Day", "PERSON"), ("CMHT", "ORGANIZATION"), ("ECG", "ORGANIZATION"), ("whānau", "PERSON")],
        "d2": [("Matariki", "PERSON"), ("Fair", "PERSON")],
        "d3": [("Mental Health Act", "ORGANIZATION"), ("Irish", "PERSON")],
    }
    return _checker(detector, docs, errors)


def _checker(detector, docs: list[Document], errors: dict[str, list[tuple[str, str]]]) -> RiskChecker:
    return RiskChecker(load_risk_config(), _WithNerErrors(detector, errors), docs)


def _identifiers(checker: RiskChecker, text: str):
    report = checker.check([Document("t", text)])
    return report, [f for f in report.findings if f.check in ("residual_identifier", "possible_identifier")]


def test_listed_terms_are_never_identifiers(checker: RiskChecker) -> None:
    text = "It was a long day. On Anzac Day she went to the CMHT with her whānau for Matariki and had an ECG."
    report, found = _identifiers(checker, text + " The Mental Health Act applied.")
    assert found == [] and report.exit_code != EXIT_FAIL


def test_a_name_of_the_corpus_fails_with_its_sources(checker: RiskChecker) -> None:
    report, found = _identifiers(checker, "Later that week Tahana laughed.")
    (f,) = found
    assert (f.check, f.severity, f.matched) == ("residual_identifier", "fail", "Tahana")
    assert f.sources == ["d1", "d2"] and report.exit_code == EXIT_FAIL
    assert "pseudonym" in f.suggestion


def test_a_frequent_word_taken_for_a_name_is_only_the_word_where_it_is_no_name(checker: RiskChecker) -> None:
    report, found = _identifiers(checker, "She said that was fair enough.")
    assert found == [] and report.exit_code != EXIT_FAIL


def test_a_name_that_is_a_frequent_word_warns(checker: RiskChecker) -> None:
    report, found = _identifiers(checker, "Her cousin is Irish too.")
    assert [(f.check, f.severity, f.matched) for f in found] == [("possible_identifier", "warn", "Irish")]
    assert report.exit_code == EXIT_WARN


def test_a_name_in_another_case_warns(checker: RiskChecker) -> None:
    report, found = _identifiers(checker, "later that week TAHANA laughed.")
    assert [(f.check, f.severity) for f in found] == [("possible_identifier", "warn")]
    assert report.exit_code == EXIT_WARN


@pytest.fixture(scope="module")
def fixture_checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, Corpus([CORPUS]))


def test_a_name_that_is_a_common_word_warns_and_never_fails(fixture_checker: RiskChecker) -> None:
    # "Joy Pennimore" (R04, R05): "Joy" is also a common word, "Pennimore" is not
    report, found = _identifiers(fixture_checker, "After lunch we sat with Joy in the lounge.")
    assert [(f.check, f.matched, f.sources) for f in found] == [("possible_identifier", "Joy", ["R04", "R05"])]
    assert report.exit_code == EXIT_WARN
    report, found = _identifiers(fixture_checker, "After lunch we sat with Pennimore in the lounge.")
    assert [(f.check, f.severity) for f in found] == [("residual_identifier", "fail")]


def test_a_name_frequent_only_as_a_name_is_still_an_identifier() -> None:
    # "marcus" is as frequent as "fair" in general English, but it is no English word
    index = IdentifierIndex(word_names=set(), dictionary=frozenset({"fair"}))
    index.add("Marcus", "PERSON", "d1")
    index.add("Fair", "PERSON", "d2")
    (marcus,) = index.find("then Marcus left")
    (fair,) = index.find("then Fair left")
    assert marcus.confident and not fair.confident


@pytest.mark.parametrize("detector", ["review", "deny_list"])
def test_a_lower_case_name_a_researcher_vouched_for_stays_an_identifier(detector: str) -> None:
    """Written only in lower case, a name detection found is no identifier with confidence; one that a
    review decision or the deny list put there is, whatever its case."""
    text = "we cooked with vinsk again"
    found = Span(text.index("vinsk"), text.index("vinsk") + 5, "PERSON", "vinsk")
    vouched = Span(found.start, found.end, "PERSON", "vinsk", detector=detector)
    for span, confident in ((found, False), (vouched, True)):
        index = IdentifierIndex(word_names=set(), dictionary=frozenset())
        index.add_document(Document("d1", text, spans=[span]))
        (hit,) = index.find("then vinsk came by")
        assert hit.confident is confident


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("After lunch we sat with joy in the lounge.", True),  # a bare noun where a name could stand
        ("She spoke of the joy of the garden and a sense of joy.", False),  # after "of": the word
    ],
)
def test_a_common_word_name_in_lower_case_warns_only_where_a_name_could_stand(
    fixture_checker: RiskChecker, text: str, warns: bool
) -> None:
    _, found = _identifiers(fixture_checker, text)
    assert [f.matched for f in found] == (["joy"] if warns else [])


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("Most of the work is transport, joy and showing up.", False),  # listed with things
        ("Showing joy at small wins mattered to the group.", False),  # the quality one shows
        ("Some weeks it takes joy to keep the garden going.", False),  # what a task asks for
        # a text that writes its sentences with capitals writes a person with one too: in lower case, the
        # word, unless the sentence makes it a person (above and below)
        ("On Friday the volunteers will take joy to the seaside.", False),
        ("The volunteers described joy on the faces at the seaside.", False),
        ("The lights were stuck on joy and everyone in the van was tired.", False),  # "everyone": no person
        # a text written in lower case (a chat) writes names that way too: where a name can stand, it may be one
        ("on friday the volunteers will take joy to the seaside", True),
        ("Me and joy went to the shops.", True),  # joined to a person
        ("After lunch we sat with joy and her dog.", True),  # joined to a thing of hers: still a person
        ("We saw a heron by the pond and joy on every face.", False),  # joined to a thing with an article
        ("She said joy was the hardest thing to find that year.", False),  # what a thing is said to be
        ("Everyone agreed joy was the best nurse on the ward.", True),  # said to be a person
    ],
)
def test_a_common_word_name_in_lower_case_where_a_thing_stands_is_the_word(
    fixture_checker: RiskChecker, text: str, warns: bool
) -> None:
    _, found = _identifiers(fixture_checker, text)
    assert [f.matched for f in found] == (["joy"] if warns else [])


def test_a_common_word_name_that_a_who_clause_qualifies_is_a_name(fixture_checker: RiskChecker) -> None:
    _, found = _identifiers(fixture_checker, "Joy, who had come back for a second stay, laughed at the rain.")
    assert [(f.check, f.severity, f.matched) for f in found] == [("residual_identifier", "fail", "Joy")]
    # without a "who", nothing in the sentence reads the opening word as a name: the word, as "Hope came up"
    _, found = _identifiers(fixture_checker, "Joy was everywhere that afternoon, which surprised us.")
    assert found == []
    _, found = _identifiers(fixture_checker, "Joy was proud of herself that afternoon.")
    assert [(f.check, f.matched) for f in found] == [("possible_identifier", "Joy")]


def test_a_plural_noun_that_a_who_clause_qualifies_is_people_of_a_kind(detector) -> None:
    # the corpus's recogniser took a group's name for a person's; its first word opening a sentence
    # about people of a kind is that word, not a name
    docs = [
        Document("d1", "On Monday Wiremu Tahana went along to Parents Unite at the hall."),
        Document("d2", "Ottilie Brannock said Parents Unite had helped her through the winter."),
    ]
    errors = {"d1": [("Parents Unite", "PERSON")], "d2": [("Parents Unite", "PERSON")]}
    checker = _checker(detector, docs, errors)
    _, found = _identifiers(checker, "Parents who had moved across the country often felt alone.")
    assert found == []
    _, found = _identifiers(checker, "Parents, who had moved across the country, often felt alone.")
    assert found == []


#: a recogniser takes a machine and a dance for names inside the details detection flagged
DETAIL_DOCS = [
    Document("d1", "On Sunday Marta Quillfeather told us she used to drive the Glaciron at the rink."),
    Document("d2", "Marta Quillfeather won a national Brisca dancing title at fourteen."),
    Document("d3", "We had a cup of tea and a walk to the shops."),
]
DETAIL_ERRORS = {
    "d1": [("used to drive the Glaciron", "RARE_DETAIL"), ("Glaciron", "PERSON")],
    "d2": [("won a national", "RARE_DETAIL"), ("Brisca", "LOCATION"), ("dancing title", "RARE_DETAIL")],
}


@pytest.fixture(scope="module")
def detail_checker(detector) -> RiskChecker:
    return _checker(detector, DETAIL_DOCS, DETAIL_ERRORS)


def test_a_name_found_only_inside_a_rare_detail_warns_and_never_fails(detail_checker: RiskChecker) -> None:
    for text, word in (("Later she drove a Glaciron too.", "Glaciron"), ("She loved Brisca dancing.", "Brisca")):
        report, found = _identifiers(detail_checker, text)
        assert [(f.check, f.matched) for f in found] == [("possible_identifier", word)]
        assert report.exit_code != EXIT_FAIL
    report, found = _identifiers(detail_checker, "Later Quillfeather drove one too.")  # a name of its own
    assert [(f.check, f.severity) for f in found] == [("residual_identifier", "fail")]


def test_a_function_word_taken_for_a_name_never_fails(detector) -> None:
    """One false reading in the corpus ("has named the court case") must not make every "the" fail."""
    docs = [
        Document("d1", "Noor has named the court case out loud. Wiremu Tahana was there."),
        Document("d2", "Noor and Wiremu Tahana walked to the river with the others."),
    ]
    checker = _checker(detector, docs, {"d1": [("the", "PERSON")], "d2": [("the", "PERSON")]})
    report, found = _identifiers(checker, "She went to the shop with the others and the dog.")
    assert not [f for f in found if f.severity == "fail"] and report.exit_code != EXIT_FAIL


def test_a_pronoun_taken_for_a_name_is_nothing_even_in_the_key(detector) -> None:
    """NER took a sentence-opening "She" for a person and scrub replaced it: the key then holds "She",
    yet a pronoun is no identifier, with or without the key; a word-name of the key still fails."""
    docs = [
        Document("d1", "She said the bus was late again. Wiremu Tahana laughed."),
        Document("d2", "She went with Wiremu Tahana to the market."),
    ]
    errors = {"d1": [("She", "PERSON")], "d2": [("She", "PERSON")]}
    key = [("She", "PERSON"), ("Will", "PERSON"), ("Wiremu Tahana", "PERSON")]
    checker = RiskChecker(load_risk_config(), _WithNerErrors(detector, errors), docs, key_identifiers=key)
    report, found = _identifiers(checker, "She told us that the rent had gone up. He agreed.")
    assert found == [] and report.exit_code != EXIT_FAIL
    report, found = _identifiers(checker, "Later Will rang about the rent.")
    assert [(f.matched, f.severity) for f in found] == [("Will", "fail")]


@pytest.mark.parametrize(
    "text",
    [
        "Later that week Tahana laughed, and Ottilie Brannock rang.",
        "It was a long day. On Anzac Day she went to the CMHT with her whānau.",
        "We met at the Fair and had a hāngī.",
        "Nobody from the corpus is named here.",
    ],
)
def test_the_public_function_finds_what_the_check_fails(checker: RiskChecker, text: str) -> None:
    # compose calls residual_identifiers so that a draft never fails risk; it must agree with the check
    _, found = _identifiers(checker, text)
    fails = [(f.start, f.end) for f in found if f.severity == "fail"]
    (doc,) = checker.detector.detect([Document("t", text)])
    public = [(r.start, r.end) for r in residual_identifiers(checker.profile, text, doc.spans)]
    assert public == fails


@pytest.fixture(scope="module")
def word_checker(detector) -> RiskChecker:
    # a business taken for a person ("Marrowby Vineyards"), a word-name the corpus uses as a name once
    # ("Grace") and as the word in two other documents
    docs = [
        Document("w1", "He pruned for six seasons in the vineyard at Marrowby Vineyards. Grace laughed at the joke."),
        Document("w2", "Marrowby Vineyards hired twenty pruners that spring; they moved with grace along the rows."),
        Document("w3", "The bank gave him a grace period, and he said grace before the meal."),
    ]
    errors = {"w1": [("Marrowby Vineyards", "PERSON"), ("Grace", "PERSON")], "w2": [("Marrowby Vineyards", "PERSON")]}
    return _checker(detector, docs, errors)


@pytest.mark.parametrize("contraction", ["I'd", "I’d", "She'll", "We've"])
def test_a_pronoun_with_its_contraction_is_nothing_even_in_the_key(detector, contraction: str) -> None:
    """NER took a sentence-opening "I'd" for a person and scrub replaced it: a pronoun with its contracted
    verb ("I'd", "She'll", with either apostrophe) is no identifier either, with or without the key."""
    docs = [
        Document("d1", f"{contraction} rather walk, said the note. Wiremu Tahana laughed."),
        Document("d2", "Wiremu Tahana went to the market."),
    ]
    errors = {"d1": [(contraction, "PERSON")]}
    key = [(contraction, "PERSON"), ("Wiremu Tahana", "PERSON")]
    checker = RiskChecker(load_risk_config(), _WithNerErrors(detector, errors), docs, key_identifiers=key)
    report, found = _identifiers(checker, f"{contraction} rather not say what the rent is now. He agreed.")
    assert found == [] and report.exit_code != EXIT_FAIL


def test_the_word_a_name_was_made_of_is_no_short_form_of_it(word_checker: RiskChecker) -> None:
    # "vineyard" is "Vineyards" one letter short: the word, never a short form of the name
    report, found = _identifiers(word_checker, "Each spring he worked in a vineyard by the river.")
    assert found == [] and report.exit_code != EXIT_FAIL
    _, found = _identifiers(word_checker, "Later Marrowby Vineyards hired him again.")
    assert [(f.check, f.severity) for f in found] == [("residual_identifier", "fail")]


def test_a_word_name_the_corpus_writes_as_a_word_is_the_word_in_lower_case(word_checker: RiskChecker) -> None:
    # "with grace" is where a name could stand, but the corpus itself writes "grace" as a word
    _, found = _identifiers(word_checker, "She handled the meeting with grace.")
    assert found == []
    _, found = _identifiers(word_checker, "We talked a long time with Grace.")
    assert [(f.check, f.severity, f.matched) for f in found] == [("possible_identifier", "warn", "Grace")]


#: a person whose first name is a common word ("Faith"), and an everyday diary
WORD_NAME_DOCS = [
    Document("w1", "On Monday Faith Ridgeway joined the walking group and talked about her allotment."),
    Document("w2", "We had tea with Faith Ridgeway after the walk."),
    Document("w3", "A quiet day: tea in the kitchen and a walk to the shops."),
]


@pytest.fixture(scope="module")
def word_name_checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, WORD_NAME_DOCS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common word opening a sentence, read as the word: no name
        ("Faith is not a word I would use for that week.", []),
        # a speaking verb after it makes it a person
        ("Faith said the rent had gone up.", ["Faith"]),
        # inside a sentence, with its capital, it is the name as before
        ("After lunch we sat with Faith in the lounge.", ["Faith"]),
        # a sentence that speaks of its subject as someone makes it a person too
        ("Faith was said to be far surer of herself by the spring.", ["Faith"]),
        ("Faith was something she held onto that winter.", []),
    ],
)
def test_a_common_word_opening_a_sentence_is_the_word_unless_a_person_speaks(
    word_name_checker: RiskChecker, text: str, expected: list[str]
) -> None:
    _, found = _identifiers(word_name_checker, text)
    assert [f.matched for f in found] == expected


def test_with_the_key_a_common_word_opening_a_sentence_warns_and_never_fails(detector) -> None:
    key = [("Faith", "PERSON"), ("Faith Ridgeway", "PERSON")]
    checker = RiskChecker(load_risk_config(), detector, WORD_NAME_DOCS, key_identifiers=key)
    report, found = _identifiers(checker, "Faith is not a word I would use for that week.")
    assert [(f.check, f.severity) for f in found] == [("possible_identifier", "warn")]
    assert report.exit_code != EXIT_FAIL
    report, found = _identifiers(checker, "Later Faith rang about the rent.")
    assert [(f.check, f.severity) for f in found] == [("residual_identifier", "fail")]


@pytest.mark.parametrize(
    "text", ["Faith explained why the bus pass mattered so much.", "Faith talked about the allotment again."]
)
def test_with_the_key_a_word_name_opening_a_sentence_fails_as_the_subject_of_a_speaking_verb(
    detector, text: str
) -> None:
    key = [("Faith", "PERSON"), ("Faith Ridgeway", "PERSON")]
    checker = RiskChecker(load_risk_config(), detector, WORD_NAME_DOCS, key_identifiers=key)
    _, found = _identifiers(checker, text)
    assert [(f.matched, f.severity) for f in found] == [("Faith", "fail")]


def test_with_the_key_a_month_name_or_a_lower_case_form_warns_unless_used_as_a_name(detector) -> None:
    # the key holds a person called August, and "tamarind" that scrub replaced where NER took it for her
    docs = [*WORD_NAME_DOCS, Document("w4", "August Penhallow rang twice; August wanted her tamarind chutney.")]
    key = [("August Penhallow", "PERSON"), ("August", "PERSON"), ("tamarind", "PERSON")]
    checker = RiskChecker(load_risk_config(), detector, docs, key_identifiers=key)
    text = "We wondered whether August would be as wet as last year, over a tamarind tea."
    report, found = _identifiers(checker, text)
    assert {f.severity for f in found} <= {"warn"} and report.exit_code != EXIT_FAIL
    report, found = _identifiers(checker, "In the end August told the group about the flat.")
    assert [(f.matched, f.severity) for f in found] == [("August", "fail")]
    report, found = _identifiers(checker, "Later we phoned tamarind about the flat.")
    assert [(f.matched, f.severity) for f in found] == [("tamarind", "fail")]


def test_a_listed_term_the_key_holds_is_the_word_opening_a_sentence(detector) -> None:
    # NER took the first word of a listed term ("peer workers", allow.txt) for a name and scrub replaced
    # it: the key holds "Peer", yet opening that term it is the word
    key = [("Peer", "PERSON"), ("Faith Ridgeway", "PERSON")]
    checker = RiskChecker(load_risk_config(), detector, WORD_NAME_DOCS, key_identifiers=key)
    report, found = _identifiers(checker, "Peer workers met on Tuesday to plan the rota.")
    assert [f.matched for f in found] == [] and report.exit_code != EXIT_FAIL


def test_with_the_key_a_lower_case_nickname_that_is_no_word_fails_as_anyones_subject(detector) -> None:
    # scrub replaced "tibbo" (a nickname written in lower case); it is no word of English, so as the subject
    # of any verb it is the person, while a word the key holds in lower case still needs a name's place
    docs = [*WORD_NAME_DOCS, Document("w5", "Saw tibbo at lunch; tibbo said the tamarind chutney was off.")]
    key = [("tibbo", "PERSON"), ("tamarind", "PERSON")]
    checker = RiskChecker(load_risk_config(), detector, docs, key_identifiers=key)
    report, found = _identifiers(checker, "tibbo was in a better mood this morning.")
    assert [(f.matched, f.severity) for f in found] == [("tibbo", "fail")]
    report, found = _identifiers(checker, "The tamarind was in a better state this year.")
    assert {f.severity for f in found} <= {"warn"} and report.exit_code != EXIT_FAIL


#: a recogniser takes medicines written in lower case for places; one writer spells a nickname so
LOWER_DOCS = [
    Document("m1", "Dr Ferris started her on amitrolin and later on probaxane, which helped her sleep."),
    Document("m2", "The pain clinic switched him to amitrolin after a month."),
    Document("m3", "Went to the shops with zeddo, then zeddo said the bus was late."),
]
LOWER_ERRORS = {"m1": [("amitrolin", "LOCATION"), ("probaxane", "LOCATION")], "m3": [("zeddo", "PERSON")]}


@pytest.fixture(scope="module")
def lower_checker(detector) -> RiskChecker:
    return _checker(detector, LOWER_DOCS, LOWER_ERRORS)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a name the corpus writes only in lower case is no identifier with confidence: silent where it
        # is no name, a warning where the text uses it as one
        ("Nobody asks about amitrolin or probaxane use among older clients.", []),
        ("A switch to amitrolin is common after a month.", []),
        ("He says zeddo was late again this morning.", [("possible_identifier", "warn", "zeddo")]),
        ("We had tea with zeddo at four.", [("possible_identifier", "warn", "zeddo")]),
        ("Dr Ferris came in early.", [("residual_identifier", "fail", "Dr Ferris")]),  # capitalised: as before
    ],
)
def test_a_name_the_corpus_writes_only_in_lower_case_never_fails(
    lower_checker: RiskChecker, text: str, found: list[tuple[str, str, str]]
) -> None:
    report, hits = _identifiers(lower_checker, text)
    assert [(f.check, f.severity, f.matched) for f in hits] == found
    assert report.status != "fail" or found[0][1] == "fail"


def test_a_lower_case_only_name_is_no_residual_for_compose(lower_checker: RiskChecker) -> None:
    text = "She was started on amitrolin last spring."
    assert residual_identifiers(lower_checker.profile, text) == []


def test_plurals_and_past_forms_in_ies_and_ied_are_words_of_the_dictionary() -> None:
    index = IdentifierIndex(dictionary=frozenset({"hobby", "worry"}))
    assert index.in_dictionary("hobbies") and index.in_dictionary("worried")
    assert not index.in_dictionary("lies") or "lie" in index.dictionary


#: a woman named after a month, one after a drink, an event week named after a place
WORD_PEOPLE_DOCS = [
    Document("n1", "Sat with April Tregothnan and Marisol Vey in the garden; later Marisol said the soup was cold."),
    Document("n2", "April Tregothnan told us about Pendle Week, and April laughed about the rain."),
    Document("n3", "We had tea and a walk to the shops with everyone."),
]


@pytest.fixture(scope="module")
def people_checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, WORD_PEOPLE_DOCS)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They wondered whether April would be as wet as last year.", []),  # the month
        ("April told us the bus was late.", ["April"]),  # used as a name
        ("April talked about the garden all morning.", ["April"]),  # a sentence opening, a person's verb
        ("She ordered a marisol and he had a coffee.", []),  # lower case, after an article: the thing
        ("After lunch we sat with marisol in the lounge.", ["marisol"]),  # lower case where a name stands
    ],
)
def test_a_month_name_or_a_lower_case_name_after_an_article_is_the_word(
    people_checker: RiskChecker, text: str, found: list[str]
) -> None:
    _, hits = _identifiers(people_checker, text)
    assert [f.matched for f in hits] == found


def test_a_kin_term_taken_for_a_name_is_never_an_identifier(detector) -> None:
    """What people call a relative in another language (rules/lexicons/kin_terms.txt, as detection reads
    it) is no identifier, though the entity recogniser took it for a person somewhere in the corpus."""
    docs = [
        Document("k1", "Jiddo came for tea and Perpetua Vance made the bread."),
        Document("k2", "Perpetua Vance walked to the market with her cousin."),
    ]
    checker = _checker(detector, docs, {"k1": [("Jiddo", "PERSON")]})
    report, found = _identifiers(checker, "On Sunday Jiddo came for tea again.")
    assert found == [] and report.exit_code != EXIT_FAIL
    assert residual_identifiers(checker.profile, "Perpetua Vance came for tea.")  # a name still is


def test_an_everyday_word_in_lower_case_is_no_confident_name(detector) -> None:
    """A word of the dictionary no list holds as a name, which the entity recogniser took for a person
    in the corpus (in both cases), is no residual identifier where written in lower case; a nickname
    that is no word still is."""
    docs = [
        Document("e1", "Kettle was on again. Zeb made tea and Perpetua Vance laughed."),
        Document("e2", "I boiled the kettle while zeb and Perpetua Vance talked."),
    ]
    errors = {"e1": [("Kettle", "PERSON")], "e2": [("kettle", "PERSON"), ("zeb", "PERSON")]}
    checker = _checker(detector, docs, errors)
    text = "We boiled the kettle and zeb poured the tea."
    found = [text[r.start : r.end] for r in residual_identifiers(checker.profile, text)]
    assert found == ["zeb"]


def test_a_listed_surname_that_is_a_word_warns_in_lower_case(detector) -> None:
    """A surname of the lists that is an everyday word ("birch"), which the corpus writes with its
    capital and once carelessly in lower case after a title ("mrs birch"), is no identifier with
    confidence where the text writes the bare word in lower case: at most it warns. With its capital
    it still fails."""
    docs = [
        Document("b1", "Mrs Birch came to the lunch club and sat by the window."),
        Document("b2", "I drove mrs birch home after the quiz, she won the picture round."),
    ]
    errors = {"b1": [("Mrs Birch", "PERSON")], "b2": [("mrs birch", "PERSON")]}
    checker = _checker(detector, docs, errors)
    report, found = _identifiers(checker, "On the walk someone saw a heron on the bank and birch along the path.")
    assert report.exit_code != EXIT_FAIL and not [f for f in found if f.severity == "fail"]
    report, found = _identifiers(checker, "We sat with birch after lunch.")  # where a name stands: a warning
    assert report.exit_code == EXIT_WARN and [f.matched for f in found] == ["birch"]
    report, found = _identifiers(checker, "On Friday Birch won the quiz again.")
    assert report.exit_code == EXIT_FAIL and [f.matched for f in found] == ["Birch"]


def test_an_abbreviation_in_the_plural_taken_for_a_place_is_no_identifier(detector) -> None:
    """A recogniser took "MRIs" for a place in the corpus; in the text it names things of a kind, not a
    place: no finding. A place the corpus names still fails."""
    docs = [
        Document("m1", "Booking MRIs took most of the morning before we drove to Ottercombe."),
        Document("m2", "Perpetua Vance came back from Ottercombe on the late bus."),
    ]
    checker = _checker(detector, docs, {"m1": [("MRIs", "LOCATION"), ("Ottercombe", "LOCATION")]})
    report, found = _identifiers(checker, "Several people said waiting for MRIs was the worst part.")
    assert report.exit_code != EXIT_FAIL and found == []  # no identifier at all: not even a warning
    report, found = _identifiers(checker, "She grew up in Ottercombe.")
    assert report.exit_code == EXIT_FAIL
    # the recogniser took only the letters ("MRI" of "MRIs"): the plural in the text is no place either
    checker = _checker(detector, docs, {"m1": [("MRI", "LOCATION")]})
    report, found = _identifiers(checker, "Several people said waiting for MRIs was the worst part.")
    assert report.exit_code != EXIT_FAIL and not [f for f in found if f.severity == "fail"]


#: a resident who came from a capital of millions and lived in a small town; the recogniser finds both places
PLACE_DOCS = [
    Document("d1", "Ysolde Fenwarth grew up in Montevideo and later ran a bakery in Quernby."),
    Document("d2", "Ysolde Fenwarth talked about the trams of Montevideo and the bakery again."),
    Document("d3", "We had a cup of tea and a walk to the shops."),
]
PLACE_ERRORS = {
    "d1": [("Montevideo", "LOCATION"), ("Quernby", "LOCATION")],
    "d2": [("Montevideo", "LOCATION")],
}


@pytest.fixture(scope="module")
def place_checker(detector) -> RiskChecker:
    return _checker(detector, PLACE_DOCS, PLACE_ERRORS)


def test_a_very_large_place_of_the_corpus_warns_and_a_small_town_fails(place_checker: RiskChecker) -> None:
    """A city of millions or a capital alone points at nobody: no identifier with confidence
    (rules/lexicons/large_places.txt); a small town still is one."""
    report, found = _identifiers(place_checker, "She grew up in Montevideo, far from here.")
    assert [(f.check, f.severity, f.matched) for f in found] == [("possible_identifier", "warn", "Montevideo")]
    assert report.exit_code == EXIT_WARN and "very large place" in found[0].message
    report, found = _identifiers(place_checker, "She ran a bakery in Quernby for years.")
    assert [(f.check, f.severity, f.matched) for f in found] == [("residual_identifier", "fail", "Quernby")]
    text = "She grew up in Montevideo and baked in Quernby."
    assert [text[r.start : r.end] for r in residual_identifiers(place_checker.profile, text)] == ["Quernby"]


def test_a_very_large_place_the_key_holds_still_fails(detector) -> None:
    keyed = RiskChecker(
        load_risk_config(),
        _WithNerErrors(detector, PLACE_ERRORS),
        PLACE_DOCS,
        key_identifiers=[("Montevideo", "LOCATION")],
    )
    report, found = _identifiers(keyed, "She grew up in Montevideo, far from here.")
    assert [(f.check, f.severity) for f in found] == [("residual_identifier", "fail")]
    assert report.exit_code == EXIT_FAIL


def test_a_country_detected_here_and_there_is_no_identifier(detector) -> None:
    """A country, a state or a people (rules/lexicons/not_places.txt) that NER found in the corpus and
    finds again in the text is no identifier of the text's own detection either, as it is none of the
    corpus index (a compose draft kept "in <country>" and failed on it)."""
    docs = [
        Document("d1", "Ysolde Fenwarth drove the tea trains in Moldova for years."),
        Document("d2", "Ysolde Fenwarth still talks about Moldova and the trains."),
    ]
    errors = {"d1": [("Moldova", "LOCATION")], "d2": [("Moldova", "LOCATION")], "t": [("Moldova", "LOCATION")]}
    report, found = _identifiers(_checker(detector, docs, errors), "One man had driven trains in Moldova once.")
    assert [f.matched for f in found if f.severity == "fail"] == []
    assert report.exit_code != EXIT_FAIL


class _Missed(_WithNerErrors):
    """As ``_WithNerErrors``, and the corpus's detection misses a word-name everywhere ("Buddy", a
    nickname that is also a word): only the checked text's detection finds it."""

    def __init__(self, detector, extra: dict[str, list[tuple[str, str]]], missed: str) -> None:
        super().__init__(detector, extra)
        self.missed = missed

    def detect(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        for doc in super().detect(items):
            if isinstance(doc, Document) and doc.id != "t":
                doc.spans = [s for s in doc.spans if self.missed not in doc.text[s.start : s.end]]
            yield doc


def test_a_word_name_detection_missed_that_the_corpus_writes_where_a_person_stands_fails(detector) -> None:
    docs = [
        Document("d1", "Went out to see Buddy at his nan's place. Later Buddy laughed at the dog."),
        Document("d2", "Buddy's worker rang me on Friday. I told Buddy about the bus."),
        Document("d3", "We had soup in the kitchen and the rain kept on."),
    ]
    checker = RiskChecker(load_risk_config(), _Missed(detector, {"t": [("Buddy", "PERSON")]}, "Buddy"), docs)
    report, found = _identifiers(checker, "One young rider, Buddy, told his worker he missed the horses.")
    assert [(f.check, f.matched, f.severity) for f in found] == [("residual_identifier", "Buddy", "fail")]
    assert set(found[0].sources) == {"d1", "d2"} and report.exit_code == EXIT_FAIL


def test_a_word_name_the_corpus_writes_with_a_capital_but_never_where_a_person_stands_only_warns(detector) -> None:
    docs = [
        Document("d1", "We walked past the Buddy Arms on the way to the bus."),
        Document("d2", "The quiz at the Buddy was loud."),
        Document("d3", "We had soup in the kitchen and the rain kept on."),
    ]
    checker = RiskChecker(load_risk_config(), _Missed(detector, {"t": [("Buddy", "PERSON")]}, "Buddy"), docs)
    report, found = _identifiers(checker, "One young rider, Buddy, told his worker he missed the horses.")
    assert not [f for f in found if f.check == "residual_identifier"] and report.exit_code != EXIT_FAIL


@pytest.fixture(scope="module")
def thing_checker(detector) -> RiskChecker:
    """A corpus where a drink's brand, a festival and a word were taken for an organisation or a place."""
    docs = [
        Document("w1", "He drank a can of Zestrovo every morning with Tobiah Quennell at the lodge."),
        Document("w2", "Tobiah Quennell went to Quillfest. Tremaddoc helped her. They read Pastimes at the library."),
        Document("w3", "Tobiah Quennell sat at Tremaddoc with his sister."),
    ]
    errors = {"w1": [("Zestrovo", "ORGANIZATION")], "w2": [("Quillfest", "LOCATION"), ("Pastimes", "ORGANIZATION")]}
    return _checker(detector, docs, errors)


@pytest.mark.parametrize(
    "text",
    [
        "She drank two cans of Zestrovo before the meeting.",  # a product after a measure
        "He had a packet Zestrovo.",  # the measure without its "of", the name ending the clause
        "Quillfest is on 10 April this year.",  # a day the text dates
        "Her Frisian is Tremaddoc, she says.",  # the variety of a language someone speaks
        "Pastimes tell you a lot about a man.",  # a dictionary word opening its sentence
    ],
)
def test_a_word_where_it_names_a_thing_only_warns_as_compose_leaves_it(thing_checker: RiskChecker, text: str) -> None:
    report, found = _identifiers(thing_checker, text)
    assert [f.check for f in found] == ["possible_identifier"] and report.exit_code == EXIT_WARN
    assert residual_identifiers(thing_checker.profile, text) == []


@pytest.mark.parametrize(
    "text", ["He drank Zestrovo every day.", "We went to Quillfest again.", "He read Pastimes every week."]
)
def test_the_same_word_standing_as_a_name_still_fails(thing_checker: RiskChecker, text: str) -> None:
    report, found = _identifiers(thing_checker, text)
    assert [f.check for f in found] == ["residual_identifier"] and report.exit_code == EXIT_FAIL
    assert residual_identifiers(thing_checker.profile, text)
