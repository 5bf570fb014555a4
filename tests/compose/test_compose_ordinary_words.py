"""Words compose must leave as written although detection or the corpus search took them for names
(must-be-true 1), and names it must still find from evidence of the account itself."""

from __future__ import annotations

import pytest

from helpers import targets_in_window as found
from qualdeid.compose.targets import Targets
from qualdeid.corpus.model import Document, Span


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Orla's NHI is on the whiteboard as ABC1234.", [("NHI", "PERSON")]),
        ("The letter had her CHI and a case ref on it.", [("CHI", "PERSON")]),
        ("Her H&C number is on the referral.", [("H&C", "ORGANIZATION")]),
        ("Her Medicare number and the CRN are sorted now.", [("Medicare", "PERSON"), ("CRN", "ORGANIZATION")]),
        ("He wants to meet other Fijians at the club.", [("Fijians", "ORGANIZATION")]),
    ],
)
def test_a_scheme_or_a_people_detection_took_for_a_name_stays(targets: Targets, text: str, spans) -> None:
    assert found(targets, text, spans) == []
    assert found(targets, text, spans, detector="SpacyRecognizer") == []


def test_a_scheme_word_the_corpus_holds_as_a_name_stays(targets: Targets) -> None:
    text = "Boring but helpful: her Medicare number and CRN all sorted."
    assert found(targets, text, corpus=[("Medicare", "PERSON"), ("CRN", "ORGANIZATION")]) == []
    # even where detection made a person of it in this very account
    assert found(targets, text, corpus=[("Medicare", "PERSON")], known=["Medicare"]) == []


def test_a_first_name_that_is_also_a_scheme_in_lower_case_is_still_a_name(targets: Targets) -> None:
    assert found(targets, "Then Chi rang the office.", [("Chi", "PERSON")]) == [("Chi", "PERSON")]


@pytest.mark.parametrize("text", ["Hes asked if we could go.", "Shes been low all week, I think."])
def test_a_contraction_without_its_apostrophe_is_no_short_name(targets: Targets, text: str) -> None:
    assert found(targets, text, known=["Hester", "Shelby"]) == []


def test_a_short_form_that_acts_is_still_swept(targets: Targets) -> None:
    assert found(targets, "It was late. Win asked for tea.", known=["Winifred"]) == [("Win", "PERSON")]


@pytest.mark.parametrize("name", ["Rob", "Stone"])  # a listed first name; a word in no list of names
def test_a_common_word_name_opening_a_sentence_is_the_person_named_so_elsewhere_in_the_account(
    targets: Targets, name: str
) -> None:
    corpus = [(f"{name} Quennell", "PERSON")]
    text = f"It was late. {name} was also at the rink. The boys let in goals and {name} didn't care."
    assert found(targets, text, corpus=corpus) == [(name, "PERSON"), (name, "PERSON")]
    text = f"It was late. {name} was also at the rink. {name} rang his son after."
    assert found(targets, text, corpus=corpus) == [(name, "PERSON"), (name, "PERSON")]


@pytest.mark.parametrize("name", ["Rob", "Stone"])
def test_a_common_word_opening_a_sentence_without_other_evidence_stays(targets: Targets, name: str) -> None:
    corpus = [(f"{name} Quennell", "PERSON")]
    assert found(targets, f"It was late. {name} was there.", corpus=corpus) == []
    # the word elsewhere only opens sentences too, as no one's name: no evidence
    assert found(targets, f"It was late. {name} was there. {name} a bank? No.", corpus=corpus) == []


@pytest.mark.parametrize(
    ("text", "word", "names", "expected"),
    [
        ("We sat down. Faith is a big word.", "Faith", set(), True),
        ("We sat down. Faith is a big word.", "Faith", {"faith"}, True),  # someone is so called, but not here
        ("We sat down. Faith rang me later.", "Faith", {"faith"}, False),  # someone so called acts
        ("We sat down. Tamsin is kind.", "Tamsin", set(), False),  # no common word
        ("We sat down and Faith came.", "Faith", set(), False),  # inside the sentence
    ],
)
def test_a_review_candidate_that_only_opens_a_sentence(targets: Targets, text: str, word: str, names, expected) -> None:
    start = text.index(word)
    assert targets.opens_sentence_as_word(text, start, start + len(word), names) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Somebody brought a bunch of heather for the table.", "heather", False),
        ("She needs more patience from me.", "patience", False),
        ("Then heather said no.", "heather", True),
        ("I asked heather about it.", "heather", True),
    ],
)
def test_a_lower_case_word_is_a_name_only_where_a_person_stands(
    targets: Targets, text: str, word: str, expected: bool
) -> None:
    start = text.index(word)
    assert targets.person_stands(text, start, start + len(word)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'll raise the curfew with June, gently, there's a way.", [("June", "PERSON")]),
        ("Then I rang June and she came.", [("June", "PERSON")]),
        ("We go from March to June most years.", []),
        ("The review is booked for June 12.", []),
    ],
)
def test_a_name_of_the_corpus_that_is_also_a_month_after_a_word_only_a_person_follows(
    targets: Targets, text: str, expected
) -> None:
    assert found(targets, text, corpus=[("June Ashdown", "PERSON"), ("June", "PERSON")]) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("ID", True), ("HE", True), ("SHE", True), ("GP", True), ("JQ", False)]
)
def test_capitals_that_are_no_ones_initials(targets: Targets, value: str, expected: bool) -> None:
    from qualdeid.compose.composer import _no_ones_initials

    assert _no_ones_initials(value, targets.not_initials) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was a junior sailing champion at fifteen and then stopped.", []),
        ("He ran away from home at sixteen with nothing.", []),
        ("She is sixteen and starts college soon.", [("sixteen", "AGE")]),
        ("He left school, and now at sixteen he works nights.", [("sixteen", "AGE")]),
        # the past verb far back in a long sentence
        (
            "Then he told us he was the youngest rider ever to take the junior cup at the county "
            "show in the wet spring, at fifteen, which I had not known.",
            [],
        ),
    ],
)
def test_an_age_at_a_past_event_is_then_not_now(targets: Targets, text: str, expected) -> None:
    import re

    age = re.search(r"fifteen|sixteen", text).group()
    assert found(targets, text, [(age, "AGE")]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I said I had been on the same ward myself after I was unwell in my early thirties.", []),
        ("I am in my early thirties too.", [("early thirties", "AGE")]),
        ("She was in her early thirties when we met.", [("early thirties", "AGE")]),
        ("She is in her early thirties.", [("early thirties", "AGE")]),
    ],
)
def test_the_narrators_decade_of_the_past_stays(targets: Targets, text: str, expected) -> None:
    assert found(targets, text, [("early thirties", "AGE")]) == expected


def test_a_word_the_entity_recogniser_alone_made_a_person_is_no_name_of_the_account(targets: Targets) -> None:
    """Its reading made a person of the account, whose names are replaced wherever they stand as one:
    that person must not come from the word itself ("Patience is the main thing for him")."""
    from qualdeid.compose.composer import account_first_names
    from qualdeid.pseudonymise.people import resolve_people

    text = "We talked about the garden.\nPatience is the main thing for him. Later Tarquin Vell came by."
    spans = [("Patience", "SpacyRecognizer"), ("Tarquin Vell", "names")]
    doc = Document(
        "d", text, spans=[Span(text.index(v), text.index(v) + len(v), "PERSON", v, detector=d) for v, d in spans]
    )
    assert account_first_names(doc, resolve_people([doc]), targets) == {"Tarquin"}
    # written with its capital inside a sentence too: a name of the account
    text = "Patience is the main thing for him. Later Patience came by."
    doc = Document("e", text, spans=[Span(0, 8, "PERSON", "Patience", detector="SpacyRecognizer")])
    doc.spans.append(
        Span(text.rindex("Patience"), text.rindex("Patience") + 8, "PERSON", "Patience", detector="SpacyRecognizer")
    )
    assert account_first_names(doc, resolve_people([doc]), targets) == {"Patience"}


@pytest.mark.parametrize(
    ("text", "word", "title"),
    [
        ("The band played Quillbarrow twice that night.", "Quillbarrow", True),
        ("At the end we sang Tamsong together.", "Tamsong", True),
        ("He was humming Brelloway on the bus.", "Brelloway", True),
        ("He played Quillbarrow at pool and lost.", "Quillbarrow", False),  # a person played against
        ("She is playing with Quillbarrow today.", "Quillbarrow", False),  # no verb right before it
        ("We met Quillbarrow at the gate.", "Quillbarrow", False),
        ('Her face lit up when he started "The Tarrow Teapot" again.', "Teapot", True),  # a title in quotes
        ("Her face lit up at ‘A Long Teapot’ on the radio.", "Teapot", True),
        ('He kept saying "Tobiah Quennell" over and over.', "Quennell", False),  # no article: a name quoted
    ],
)
def test_a_title_after_a_verb_of_playing_or_singing(targets: Targets, text: str, word: str, title: bool) -> None:
    start = text.index(word)
    assert targets.title_of_work(text, start, start + len(word)) is title


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("She played in a band that won the contest in Port of Quillan when young.", "Port", "Port of Quillan"),
        ("He banked with the Bank of Tarrowby until it shut.", "Bank", "Bank of Tarrowby"),
        ("We met in Tarrowby of all places.", "Tarrowby", "Tarrowby"),  # lower case after "of": not the name
    ],
)
def test_a_name_the_entity_recogniser_cut_before_of_goes_on(
    targets: Targets, text: str, span: str, expected: str
) -> None:
    label = "ORGANIZATION" if span == "Bank" else "LOCATION"
    assert found(targets, text, [(span, label)], detector="SpacyRecognizer") == [(expected, label)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home visit to her aunt's place in Site D. She had cooked.", [("Site D", "LOCATION")]),
        ("She runs a stall on Quellin Road, Block F, and does repairs.", [("Block F", "LOCATION")]),
        ("He had to get back to Zone 4 before dark.", [("Zone 4", "LOCATION")]),
        ("We went through Section B of the form together.", []),  # a part of a form
        ("Site D of the study closed early.", []),  # a study's site, no word of place before it
        ("They parked in site d overnight.", []),  # not written as a name
    ],
)
def test_a_part_of_a_town_named_by_a_letter_or_number_is_a_place(targets: Targets, text: str, expected) -> None:
    assert [f for f in found(targets, text) if f[0] != "Quellin Road"] == expected


@pytest.mark.parametrize(
    ("text", "corpus", "expected"),
    [
        # a form of address as the relative's name, known as the first word of a full name of the corpus
        ("The kids are staying with her mam Nan at the site.", [("Nan Quellbrook", "PERSON")], [("Nan", "PERSON")]),
        ("The kids are staying with her mam Nan at the site.", [], [("Nan", "PERSON")]),  # a listed first name
        ("The kids are staying with her mam Nanna at the site.", [], []),  # how she is called, no one's name
        (
            "The kids are staying with her mam Nanna at the site.",
            [("Nanna Quellbrook", "PERSON")],
            [("Nanna", "PERSON")],
        ),
        ("We sat with her friend Nan for a bit.", [("Nan Quellbrook", "PERSON")], []),  # not a relative
        ("He rang his mam Monday night.", [], []),  # a day, not a name
    ],
)
def test_a_name_right_after_a_relative_is_theirs(targets: Targets, text: str, corpus, expected) -> None:
    assert found(targets, text, corpus=corpus) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Weather -\nSleet, then sun by noon.", "Sleet", True),  # a rarer word of the dictionary
        ("We walked.\nPastimes tell you a lot about a man.", "Pastimes", True),
        ("We walked. Then Sleet came in.", "Sleet", False),  # inside a sentence
    ],
)
def test_a_rarer_dictionary_word_opening_a_sentence_is_a_word(targets: Targets, text: str, word: str, expected) -> None:
    start = text.index(word)
    assert targets.unlisted_word_opening_sentence(text, start, start + len(word)) is expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Our stall at the Open Hearts day went well.", ("Open Hearts", "LOCATION"), []),  # a public event
        ("We ran the tea tent at Open Hearts week.", ("Open Hearts", "ORGANIZATION"), []),
        ("She moved to Quellmoor Heath last year.", ("Quellmoor Heath", "LOCATION"), [("Quellmoor Heath", "LOCATION")]),
    ],
)
def test_a_place_or_body_detection_found_before_day_or_week_is_an_event(
    targets: Targets, text: str, span: tuple[str, str], expected
) -> None:
    assert found(targets, text, [span]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She once ran for Burkina Faso in the relay.",
        "He told me his cousin had gone back to Sierra Leone.",
        "His cousin flew home to Sierra Leone last spring.",
        "His cousin was born on the plane from Sierra Leone.",
    ],
)
def test_a_country_of_several_words_taken_for_a_person_stays(targets: Targets, text: str) -> None:
    country = "Burkina Faso" if "Burkina" in text else "Sierra Leone"
    assert found(targets, text, [(country, "PERSON")], detector="SpacyRecognizer") == []
    assert found(targets, text, corpus=[(country, "PERSON")]) == []
    # detection made a person of the country in this account too: its first word is no one's first name
    assert found(targets, text, corpus=[(country, "PERSON")], known=[country.split()[0]]) == []


def test_a_weekday_in_the_plural_is_no_name(targets: Targets) -> None:
    text = "She told her about the choir on Wednesdays, her neighbour goes."
    assert found(targets, text, [("Wednesdays", "PERSON")], detector="SpacyRecognizer") == []
    assert found(targets, text, corpus=[("Wednesdays", "PERSON")]) == []


def test_a_speaker_label_of_the_account_is_a_name_however_written(targets: Targets) -> None:
    text = "Copy of the chat:\nmarlowe: he is home!!\nrenna.k: omg can i visit\nWhat helped: tea."
    got = [(text[t.start : t.end], t.found) for t in targets.speakers(text, 0, len(text), {"Marlowe", "Renna"}, [])]
    assert got == [("marlowe", "speaker label"), ("renna.k", "speaker label")]
    # a label that is no name of the account stays, and so does a name already replaced
    assert targets.speakers(text, 0, len(text), {"Oswin"}, []) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His aunt told me about P when he was small, always drumming.", ["P"]),
        ("Later I rang P. No answer.", ["P"]),
        ("P said the bus was late again.", ["P"]),
        # no one of the account begins so, or no person stands there: a letter
        ("His aunt told me about Q when he was small.", []),
        ("We went from plan A to plan P, then back.", []),
        ("He got a P on the test and a T-shirt.", []),
    ],
)
def test_a_capital_letter_alone_for_a_person_of_the_account(targets: Targets, text: str, expected: list[str]) -> None:
    got = targets.lone_initials(text, 0, len(text), {"Perrin", "Oswin"}, [])
    assert [text[t.start : t.end] for t in got] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mama Oréla came early and sat by the door.", [("Oréla", "PERSON")]),
        ("Later Mama Oréla came and sat by the door.", [("Oréla", "PERSON")]),
        ("We stopped at Aunty Quillimena's for tea.", [("Quillimena", "PERSON")]),
        ("Then Aunty Marlowe said no.", [("Marlowe", "PERSON")]),  # a surname that is also a rare word
        # a thing or a figure of speech after the title, or a holiday: no one's name
        ("The Nurse Practitioner came at ten.", []),
        ("She said Father Christmas was coming early.", []),
        ("Mother Nature did not help with the rain.", []),
    ],
)
def test_the_name_after_a_form_of_address_detection_missed(targets: Targets, text: str, expected) -> None:
    got = found(targets, text)
    assert len(got) == len(expected)
    assert all(name in value and label == kind for (value, label), (name, kind) in zip(got, expected, strict=True))


def test_a_short_name_defined_by_a_full_name_in_brackets_is_found() -> None:
    from qualdeid.compose.targets import defined_short_forms

    full = {"holdric vanstraaten", "holdric"}
    assert defined_short_forms("Hold (Holdric Vanstraaten) was late.", full, {}) == {"Hold"}
    assert defined_short_forms("We met Holdric Vanstraaten (Hold) at ten.", full, {}) == {"Hold"}
    assert defined_short_forms("Then Holdric Vanstraaten (Hold) rang.", full, {}) == {"Hold"}
    # a word that does not start the name, and a bracket about something else, define nothing
    assert defined_short_forms("Tea (Holdric Vanstraaten) was late.", full, {}) == set()
    assert defined_short_forms("Hold (see the notes) was late.", full, {}) == set()
    assert defined_short_forms("Hold (Holdric Vanstraaten)", set(), {}) == set()


def test_a_defined_short_name_that_is_a_common_word_is_replaced_where_written_as_a_name(targets: Targets) -> None:
    """A short name the corpus defines ("Hold (Holdric ...)") is that person in any account, where it
    stands capitalised inside a sentence or as a subject; the verb opening a sentence stays."""

    def got(text: str) -> list[tuple[str, str]]:
        doc = Document("d", text)
        hits = targets.in_window(doc, 0, len(text), None, None, (), ["Hold"])
        return [(text[t.start : t.end], t.label) for t in hits]

    text = "We drove over to Hold's flat. Later she asked Hold about it, and Hold agreed. Hold the door."
    assert got(text) == [("Hold's", "PERSON"), ("Hold", "PERSON"), ("Hold", "PERSON")]
    assert got("Hold picked her up at six.") == [("Hold", "PERSON")]
    assert got("Hold (Holdric Vanstraaten) came.")[0] == ("Hold", "PERSON")
    assert got("Hold on, she said, hold on.") == []


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("After the match he had a can of Zestorade and felt sick.", "Zestorade", "LOCATION"),
        ("After the match he had a can of Zestorade and felt sick.", "Zestorade", "PERSON"),
        ("Two bottles of Quarrow Ace later he rang me.", "Quarrow Ace", "ORGANIZATION"),
        ("He is fixing up his '83 Quillmobile in the shed.", "Quillmobile", "PERSON"),
        ("He is fixing up a 1984 Quillmobile in the shed.", "Quillmobile", "ORGANIZATION"),
        # the measure without its "of", where the brand ends the clause
        ("We sat on the step with a packet Quorvo Crisps. It was warm.", "Quorvo Crisps", "PERSON"),
        ("She bought two tins Zestorade and a loaf.", "Zestorade", "ORGANIZATION"),
    ],
)
def test_a_product_after_a_measure_or_a_model_year_stays(targets: Targets, text: str, value: str, label: str) -> None:
    assert found(targets, text, [(value, label)]) == []


def test_a_person_after_a_measure_with_a_possessive_is_still_a_person(targets: Targets) -> None:
    text = "She carried a bag of Brisnel's things to the car."
    assert found(targets, text, [("Brisnel", "PERSON")]) == [("Brisnel", "PERSON")]


@pytest.mark.parametrize(
    ("text", "value", "product"),
    [
        ("We sat with a packet Quorvo Crisps. It was warm.", "Quorvo Crisps", True),
        ("I found a box Brisnel had left by the door.", "Brisnel", False),  # the name goes on into a clause
        ("She carried a bag of Brisnel's things.", "Brisnel", False),
    ],
)
def test_a_product_after_a_measure_without_of_only_where_the_name_ends_the_clause(
    targets: Targets, text: str, value: str, product: bool
) -> None:
    start = text.index(value)
    assert targets.product_at(text, start, start + len(value)) is product


@pytest.mark.parametrize("text", ["Dr. Q says the dose is fine.", "Then Mrs V rang back."])
def test_an_initial_after_a_title_is_a_person(targets: Targets, text: str) -> None:
    assert [label for _, label in found(targets, text)] == ["PERSON"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tobin did the music, a lot of Quorvibe and some old jazz.", "Quorvibe"),
        ("We had lots of Crumblits after the walk.", "Crumblits"),
    ],
)
def test_an_amount_of_something_the_entity_recogniser_took_for_a_body_stays(
    targets: Targets, text: str, value: str
) -> None:
    assert found(targets, text, [(value, "ORGANIZATION")], detector="SpacyRecognizer") == []


def test_a_name_after_an_amount_that_modifies_a_word_is_still_replaced(targets: Targets) -> None:
    # "a lot of Quillbury folk": where they come from, a place however it is introduced
    text = "There were a lot of Quillbury folk at the hall."
    assert found(targets, text, [("Quillbury", "ORGANIZATION")], detector="SpacyRecognizer") == [
        ("Quillbury", "ORGANIZATION")
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Went with him to her QRB to see the manager.", [("QRB", "ORGANIZATION")]),
        ("He has a QVX card test next week.", [("QVX", "ORGANIZATION")]),
        ("She moved out of their QRBs last spring.", [("QRBs", "LOCATION")]),
    ],
)
def test_an_abbreviation_that_names_a_kind_of_thing_stays(targets: Targets, text: str, spans) -> None:
    assert found(targets, text, spans) == []
    assert found(targets, text, corpus=[(spans[0][0], spans[0][1])]) == []


def test_an_abbreviation_that_names_a_body_is_still_replaced(targets: Targets) -> None:
    text = "Went with him to the QRB office to see the manager."
    assert found(targets, text, [("QRB", "ORGANIZATION")]) == [("QRB", "ORGANIZATION")]


def test_a_word_opening_a_sentence_that_a_town_is_named_too_is_no_person(targets: Targets) -> None:
    assert found(targets, "It rained. Badger sat right on the rail.") == []
    # the account writes it with its capital inside a sentence too: a name
    text = "It rained. Badger sat with me, then Badger rang his mum."
    assert found(targets, text) == [("Badger", "PERSON"), ("Badger", "PERSON")]
    assert found(targets, "We drove in from Badger at noon.") == [("Badger", "LOCATION")]


def test_a_short_form_that_is_also_a_month_is_the_person_where_they_act(targets: Targets) -> None:
    known = ["Octavia"]
    assert found(targets, "It rained all night. Oct come out with a bag.", known=known) == [("Oct", "PERSON")]
    assert found(targets, "It rained. Oct came out with a bag.", known=known) == [("Oct", "PERSON")]
    assert found(targets, "It rained. Oct came out with a bag.") == []  # no Octavia in this account
    assert found(targets, "In Oct we went.", known=known) == []


def test_a_word_made_a_person_only_where_it_opens_a_sentence_stays(targets: Targets) -> None:
    text = "Lacrosse was the key. She learnt lacrosse from her dad."
    assert found(targets, text, [("Lacrosse", "PERSON")], known=["Lacrosse"]) == []
    assert found(targets, text, corpus=[("Lacrosse", "PERSON")], known=["Lacrosse"]) == []
    named = "Lacrosse was late. I rang Lacrosse at noon."  # capitalised inside a sentence too: a name
    assert found(targets, named, [("Lacrosse", "PERSON")], known=["Lacrosse"]) == [("Lacrosse", "PERSON")]


def test_a_day_the_text_dates_is_no_place_wherever_it_is_written(targets: Targets) -> None:
    text = "She asked for a day pass for Quillfest, with her cousin. Quillfest is on 10 April I think."
    spans = [("Quillfest", "LOCATION")]
    assert found(targets, text, spans, detector="SpacyRecognizer") == []
    assert found(targets, text, corpus=spans) == []
    assert targets.dated_days("We went to Quillton on Monday.") == set()  # a place visited on a day stays
