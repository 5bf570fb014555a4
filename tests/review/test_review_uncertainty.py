"""Review items: what detection could have got wrong, grouped and ranked.

The finder is tested on spans chosen here (independent of the detector's accuracy), then through
``qualdeid scan`` on the invented diaries of ``tests/fixtures/review/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualdeid.corpus.model import Document, Span
from qualdeid.decisions import KEEP, REPLACE, Decision, Decisions, Occurrence
from qualdeid.review.uncertainty import UncertaintyFinder, ordered, with_review

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "review"


def doc(doc_id: str, text: str, *spans: tuple[str, str] | tuple[str, str, str]) -> Document:
    """A document with spans on the first occurrence of each (word, label[, detector])."""
    out = []
    for s in spans:
        word, label, detector = (*s, "names") if len(s) == 2 else s
        m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
        assert m, word
        out.append(Span(m.start(), m.end(), label, word, 0.9, detector))
    return Document(doc_id, text, out)


def review(*docs: Document, decisions: Decisions | None = None, skip_decided: bool = True) -> list[tuple]:
    finder = UncertaintyFinder(decisions=decisions, skip_decided=skip_decided)
    candidates = [finder.candidates(d) for d in docs]
    ranks = finder.finish()
    return [
        (d.id, i.text, i.action, i.group, i.label)
        for d, c in zip(docs, candidates, strict=True)
        for i in ordered(finder.items(d, c), ranks)
    ]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # text left that could identify someone: action keep
        ("Went to the shop with marnie after lunch.", [], ("marnie", "keep", "name:marnie", "PERSON")),
        ("Went to the shop with tamsk after lunch.", [], ("tamsk", "keep", "name:tamsk", "PERSON")),
        ("We met Quorlan at lunch and talked.", [], ("Quorlan", "keep", "name:quorlan", "PERSON")),
        ("She grew up in Wrexlow before the move.", [], ("Wrexlow", "keep", "name:wrexlow", "LOCATION")),
        ("Sat with RT for an hour on the porch.", [], ("RT", "keep", "name:rt", "PERSON")),
        ("Dr F agreed to see him on the ward.", [], ("Dr F", "keep", "name:dr f", "PERSON")),
        ("then dr pellan came round at ten.", [], ("dr pellan", "keep", "name:dr pellan", "PERSON")),
        ("In the notes GvdM wrote it up.", [], ("GvdM", "keep", "name:gvdm", "PERSON")),
        ("After lunch CV said it was fine.", [], ("CV", "keep", "name:cv", "PERSON")),  # an abbreviation acting
        (
            "We spoke to the quessley trust last week.",
            [],
            ("quessley trust", "keep", "name:quessley trust", "ORGANIZATION"),
        ),
        ("went to mary-jo and back again.", [], ("mary-jo", "keep", "name:mary-jo", "PERSON")),
        ("It was 02 9555 0187 I think.", [], ("02 9555 0187", "keep", "number:02 9555 0187", "ID")),
        ("Her mobile is 0412 555 019 if needed.", [], ("0412 555 019", "keep", "number:0412 555 019", "CONTACT")),
        ("He moved to room 14 over the weekend.", [], ("14", "keep", "number:14", "ID")),
        ("The case is filed as QX-20931 now.", [], ("QX-20931", "keep", "number:qx-20931", "ID")),
        ("Her son posts as @loonsbyjax online.", [], ("@loonsbyjax", "keep", "number:@loonsbyjax", "CONTACT")),
        (
            "We got a leaflet from Harbour Lights Collective about it.",
            [],
            ("Harbour Lights Collective", "keep", "name:harbour lights collective", "ORGANIZATION"),
        ),
        (
            "He used to breed ferrets for the county show.",
            [],
            (
                "used to breed ferrets for the county show",
                "keep",
                "detail:used to breed ferrets for the county show",
                "RARE_DETAIL",
            ),
        ),
        # people after a relative, a title or as a letter; other scripts; towns; rooms; chat names
        ("We stayed with my cousin Tue all week.", [], ("Tue", "keep", "name:tue", "PERSON")),  # a short weekday
        ("Her cousin pellow lives there now.", [], ("pellow", "keep", "name:pellow", "PERSON")),
        ("will phone dr baker on monday", [], ("dr baker", "keep", "name:dr baker", "PERSON")),
        ("Tonight is Ed's birthday tea.", [], ("Ed", "keep", "name:ed", "PERSON")),  # allowed "ED", not "Ed"
        ("Notes kept by Orla (O) today.", [("Orla", "PERSON")], ("O", "keep", "name:o", "PERSON")),
        ("Notes kept today.\nO: where were we?", [], ("O", "keep", "name:o", "PERSON")),  # a speaker's turn
        ("Lovely to see you all.\n- V.", [], ("V", "keep", "name:v", "PERSON")),
        ("She writes her name Mina (미나) on cards.", [("Mina", "PERSON")], ("미나", "keep", "name:미나", "PERSON")),
        (
            "Jo (an aunt) lives out Rochdale way.",
            [("Jo", "PERSON")],
            ("Rochdale", "keep", "name:rochdale", "LOCATION"),
        ),
        ("the bus from rochdale was late", [], ("rochdale", "keep", "name:rochdale", "LOCATION")),
        ("Resident moved. Room: B.12 from Monday.", [], ("B.12", "keep", "number:b.12", "ID")),
        ("09:15 tam.o.v: bus is late again", [], ("tam.o.v", "keep", "number:tam.o.v", "CONTACT")),
        ("can pick you up at 7 tarron rd after work", [], ("7 tarron rd", "keep", "name:7 tarron rd", "LOCATION")),
        ("left the bag at 9th st for him", [], ("9th st", "keep", "name:9th st", "LOCATION")),
        ("Thanks to Rose-Ann for the lift.", [], ("Rose-Ann", "keep", "name:rose-ann", "PERSON")),
        ("Reminder: Hope the OT needs the form.", [], ("Hope", "keep", "name:hope", "PERSON")),
        # informal layouts: other scripts, names in capitals, lower-case names and places, letters
        ("Rang her back.\n\nთამარი, 10:02\nsee you then", [], ("თამარი", "keep", "name:თამარი", "PERSON")),
        ("Visits this week\n\nQUORVELLI\n- needs a lift", [], ("QUORVELLI", "keep", "name:quorvelli", "PERSON")),
        (  # a name beside a name is no translation
            "Known as: Brannoc / Branni",
            [("Brannoc", "PERSON")],
            ("Branni", "keep", "name:branni", "PERSON"),
        ),
        ("ok everyone this is tamsin, she starts monday", [], ("tamsin", "keep", "name:tamsin", "PERSON")),
        ("right thats the lot for today, kit out", [], ("kit", "keep", "name:kit", "PERSON")),
        ("ok thats it from me, will out", [], ("will", "keep", "name:will", "PERSON")),  # an everyday word too
        ("and then faith faith ormerod came along", [], ("faith", "keep", "name:faith", "PERSON")),
        ("her daughter tin is coming on friday", [], ("tin", "keep", "name:tin", "PERSON")),
        (
            "then we dropped the van off on trellick and went home",
            [],
            ("trellick", "keep", "name:trellick", "LOCATION"),
        ),
        ("and after lunch ed wants the keys back", [], ("ed", "keep", "name:ed", "PERSON")),
        ("Two calls came. Later K said no to the plan.", [], ("K", "keep", "name:k", "PERSON")),
        (
            "Notes: kay_brellow asked about it, sure it was brellow again",
            [("kay_brellow", "CONTACT")],
            ("brellow", "keep", "name:brellow", "PERSON"),
        ),
        # spans that could be wrong: action replace
        ("Will you pass the salt, he asked.", [("Will", "PERSON")], ("Will", "replace", "name:will", "PERSON")),
        (
            "We ran the session in the rota room with the group.",
            [("rota room", "ORGANIZATION", "SpacyRecognizer")],
            ("rota room", "replace", "name:rota room", "ORGANIZATION"),
        ),
    ],
)
def test_one_item_with_its_action_group_and_label(text: str, spans: list, expected: tuple) -> None:
    assert [i[1:] for i in review(doc("d", text, *spans))] == [expected]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("I told Will about it and he nodded.", [("Will", "PERSON")]),  # a name where a person stands
        ("I will ring the GP and the CPN tomorrow.", []),  # a verb; role abbreviations are no initials
        ("She sent her CV and got a PhD later.", []),  # abbreviations in their own use
        ("We went to the cricket club and the carers group.", []),  # services named by everyday words
        ("The meeting is at 10.30 on 12/04 in 2024.", []),  # times, dates and years are no IDs
        ("Spent the morning in the garden with the group.", []),  # everyday words
        ("THE WHOLE HOUSE WAS LOUD AND WE ALL SANG.", []),  # shouting is no initials
        ("Sat with Corvina for an hour.", [("Corvina", "PERSON")]),  # found, and no word
        ("Rang Pellam Quist about the van.", [("Pellam Quist", "PERSON", "deny_list")]),  # the deny list
        ("My sister said it rained all day.", []),  # a verb after a relative
        ("The ED was busy, so we waited.", []),  # an allowed abbreviation in capitals
        ("Tired. A long day.\nI: fine thanks", []),  # "A" opening a sentence, "I" as a speaker
        ("We walked into town after lunch.", []),  # "into town" is no place name
        ("Codes so far: shared_meals and WALKING_TOGETHER.", []),  # codes of an analysis, no user names
        ("Lessons in Welsh and Tagalog at the hall.", []),  # languages
        ("Took 2 days off the road and had 5 green apples.", []),  # no street after a number
        ("Overbaking again. Codes Z41 and Q12 done.", []),  # an everyday word with a prefix; codes
        ("Quorvic notes: my quorvic stance today.", []),  # the same word in lower case in the document
        ("Talked about the whānau hui later.", []),  # te reo Māori words (lexicons/te_reo_maori.txt)
        ("She speaks Amharic and some Estonians came too.", []),  # languages and peoples, with an ending
        ("Office\nT: 0161 555 0100", [("0161 555 0100", "CONTACT")]),  # a phone number's label is no person
        ("Card checked, PQX No.: 447120", [("447120", "ID")]),  # a number's issuer is no initials
        ("Grüße\nBrannoc", [("Brannoc", "PERSON")]),  # a closing above a detected name
        ("Referrer name / role: Dr only", []),  # a form's label
        ("FOLLOW UP (office use)", []),  # shouted words
        ("Talks were held in North Sami and Georgian and Russian.", []),  # languages with everyday words
        ("Her note began: Dzień dobry, so we answered.", []),  # a passage in another language
        ("Signed by the Voorzitter / Chair today.", []),  # a role beside its English
        ("She works at her cousins takeaway most nights.", []),  # an everyday word with an ending starts no name
    ],
)
def test_nothing_to_review(text: str, spans: list) -> None:
    assert review(doc("d", text, *spans)) == []


def test_a_name_the_corpus_knows_is_looked_for_where_it_was_left() -> None:
    found = doc("a", "Pellam said the tea was cold.", ("Pellam", "PERSON"))
    left = doc("b", "thanks pellam! see you thursday.")
    assert [i[:4] for i in review(found, left)] == [("b", "pellam", "keep", "name:pellam")]
    nickname = doc("c", "Rang William Ashby about the van.", ("William Ashby", "PERSON"))
    sentence_start = doc("d", "Then the bus came. Will was late again.")
    assert ("d", "Will", "keep", "name:will") in [i[:4] for i in review(nickname, sentence_start)]
    assert review(doc("e", "Then the bus came. Will was late again.")) != []  # a name acting, known or not
    # a word that stands before a name, or a form's field, is no name left, even where a span took it
    taken = doc("f", "Spoke with Hi Subject.", ("Hi Subject", "PERSON"))
    assert review(taken, doc("g", "Subject: rota for June\nHi all, see below.")) == []


def test_a_word_the_corpus_writes_with_a_capital_mid_sentence_again_and_again_is_a_name() -> None:
    text = "Sat with Pepper. Later I told Pepper and then Pepper left."
    once = "Sat with Pepper all day."
    assert [i[1] for i in review(doc("a", text))] == ["Pepper", "Pepper", "Pepper"]
    assert review(doc("b", once)) == []  # once is no evidence: an everyday word left alone


def test_a_first_name_that_fits_two_people_is_an_identity_question() -> None:
    docs = [
        doc("a", "Rosalind Teague came out with tea.", ("Rosalind Teague", "PERSON")),
        doc("b", "Walked with Rosalind Okafor to town.", ("Rosalind Okafor", "PERSON")),
        doc("c", "Later Rosalind rang about the rota.", ("Rosalind", "PERSON")),
        doc("d", "Rosalind Teague said Rosalind would come.", ("Rosalind Teague", "PERSON")),
    ]
    docs[3].spans.append(Span(21, 29, "PERSON", "Rosalind", 0.9, "names"))
    items = review(*docs)
    assert [i[:4] for i in items] == [("c", "Rosalind", "replace", "name:rosalind")]  # d names one of them


def test_a_text_found_as_a_person_and_as_a_place_is_a_label_question() -> None:
    items = review(
        doc("a", "Jordan said hello to everyone.", ("Jordan", "PERSON")),
        doc("b", "They flew over Jordan last year.", ("Jordan", "LOCATION", "SpacyRecognizer")),
    )
    assert {(i[0], i[3]) for i in items} == {("a", "name:jordan"), ("b", "name:jordan")}


def test_groups_rank_by_occurrences_times_uncertainty() -> None:
    text = "Went with marnie. Then with tamsk. Later with tamsk again, and tamsk laughed."
    items = review(doc("d", text))
    assert [i[1] for i in items] == ["tamsk", "tamsk", "tamsk", "marnie"]


def test_decided_text_leaves_the_review_and_an_added_identifier_is_offered_elsewhere() -> None:
    a = doc("a", "We met Quorlan at lunch. Quorlan brought soup.")
    b = doc("b", "No sign of quorlan today, so the soup waited.")
    first = a.text.index("Quorlan")
    decisions = Decisions([Decision(Occurrence.of("a", a.text, first, first + 7), REPLACE, "PERSON", added=True)])
    decided = review(a, b, decisions=decisions)
    assert [i for i in decided if i[0] == "a"] == [("a", "Quorlan", "keep", "name:quorlan", "PERSON")]  # 2nd
    assert ("b", "quorlan", "keep", "name:quorlan", "PERSON") in decided
    shown = review(a, b, decisions=decisions, skip_decided=False)
    assert len(shown) == len(decided) + 1


def test_an_added_word_name_is_offered_only_as_written() -> None:
    a = doc("a", "Hope rang. Then Hope came by, and I hope she stays.")
    decisions = Decisions([Decision(Occurrence.of("a", a.text, 0, 4), REPLACE, "PERSON", added=True)])
    offered = [i for i in review(a, decisions=decisions) if i[2] == KEEP]
    assert [i[1] for i in offered] == ["Hope"]


def test_with_review_streams_documents_in_order_with_their_texts_back() -> None:
    docs = [doc("a", "Went with marnie."), doc("b", "Sat with RT."), doc("c", "Nothing at all.")]
    detected = [Document(d.id, d.text, list(d.spans)) for d in docs]
    out = list(with_review(UncertaintyFinder(), iter(detected), docs))
    assert [(d.id, [i.text for i in items]) for d, items in out] == [("a", ["marnie"]), ("b", ["RT"]), ("c", [])]


def test_scan_writes_a_review_array_on_every_record() -> None:
    from qualdeid.cli import main

    result = CliRunner().invoke(main, ["scan", str(FIXTURES), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["monday.txt", "tuesday.txt", "wednesday.txt"]
    items = [(r, i) for r in records for i in r["review"]]
    assert items, "the fixtures hold names that are also words and a first name shared by two people"
    for r, i in items:
        assert set(i) == {"start", "end", "label", "text", "reason", "action", "group"}
        assert r["text"][i["start"] : i["end"]] == i["text"]
        assert i["action"] in (REPLACE, KEEP)
        in_spans = any(s["start"] == i["start"] and s["end"] == i["end"] for s in r["spans"])
        assert in_spans == (i["action"] == REPLACE)
    assert any(i["group"] == "name:rosalind" and "which one" in i["reason"] for _, i in items)
    assert "group(s) of review items" in result.stderr
    as_json = CliRunner().invoke(main, ["scan", str(FIXTURES), "--format", "json", "--quiet"])
    assert [r["review"] for r in json.loads(as_json.stdout)] == [r["review"] for r in records]
