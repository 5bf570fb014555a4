"""Layout recognizers (speaker turns, sign-offs, @mentions, address blocks) and the age/date patterns for
informal texts, on invented chats, forum posts, transcripts and letters (``tests/fixtures/structure``)."""

from __future__ import annotations

import pytest

from helpers import FIXTURES
from qualdeid.detect.recognizers.structure import AddressBlockRecognizer, SpeakerRecognizer
from qualdeid.rules import Rules

STRUCTURE = FIXTURES / "structure"


@pytest.fixture(scope="module")
def speakers() -> SpeakerRecognizer:
    return SpeakerRecognizer(Rules())


@pytest.fixture(scope="module")
def addresses() -> AddressBlockRecognizer:
    return AddressBlockRecognizer(Rules())


def found(recognizer: SpeakerRecognizer | AddressBlockRecognizer, text: str) -> set[tuple[str, str]]:
    return {(label, text[start:end]) for start, end, label in recognizer.find(text)}


def names(recognizer: SpeakerRecognizer, text: str) -> set[str]:
    return {piece for label, piece in found(recognizer, text) if label == "PERSON"}


def test_chat_speakers_with_timestamps_and_lowercase(speakers: SpeakerRecognizer) -> None:
    text = (STRUCTURE / "chat.txt").read_text(encoding="utf-8")
    assert names(speakers, text) == {
        "Tamsin",
        "orla",
        "Hope",
        "Will",
        "Bronwyn Achterberg",
        "kit",
        "Rafe",
        "Tully Ferreira",
    }


def test_forum_bylines_quotes_and_sign_offs(speakers: SpeakerRecognizer) -> None:
    text = (STRUCTURE / "forum.txt").read_text(encoding="utf-8")
    assert names(speakers, text) == {"Quillon", "Marisol", "Tobias Wenlock", "Ingrid Solberg"}


def test_transcript_roles_and_template_labels_are_not_people(speakers: SpeakerRecognizer) -> None:
    text = (STRUCTURE / "transcript.txt").read_text(encoding="utf-8")
    assert names(speakers, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Note: call back tomorrow\nPlan: review in a week\nOutcome: settled",
        "Hope: feels more hopeful this week\nGoals: walk daily\nStrengths: humour",
        "see https://example.org/page\n10:42: the bus was late",
        "mark: 7/10\nscore: 5\ntotal: 12",
    ],
)
def test_labels_in_notes_are_not_speakers(speakers: SpeakerRecognizer, text: str) -> None:
    assert names(speakers, text) == set()


def test_word_like_and_lowercase_speakers_need_a_conversation(speakers: SpeakerRecognizer) -> None:
    assert names(speakers, "hope: things are looking up") == set()
    assert names(speakers, "Maria Lopez: see you there") == {"Maria Lopez"}
    chat = "Maria: hi\nJonah: hello\nhope: hey both\nmaria: how r u"
    assert names(speakers, chat) == {"Maria", "Jonah", "hope", "maria"}


def test_mentions(speakers: SpeakerRecognizer) -> None:
    assert names(speakers, "@Tully Ferreira yes that works") == {"Tully Ferreira"}
    assert names(speakers, "@Tully Thanks for that") == {"Tully"}
    assert names(speakers, "ask @kb_runner88 about it") == set()  # a handle: SocialHandleRecognizer's


def test_letter_address_block_organisation_and_addressee(addresses: AddressBlockRecognizer) -> None:
    text = (STRUCTURE / "letter.txt").read_text(encoding="utf-8")
    assert found(addresses, text) == {
        ("ORGANIZATION", "Brightfern Youth Hub"),
        ("LOCATION", "Level 1, 88 Gannet Street, Warrigal VIC 3821"),
        ("PERSON", "Ms Ilse Varga"),
        ("LOCATION", "Unit 4/12 Juniper Road"),
        ("LOCATION", "Tallowood NSW 2491"),
    }


def test_address_block_stops_at_headings_and_prose(addresses: AddressBlockRecognizer) -> None:
    text = "Background\n12 Harrow Lane\nThornbury\nCo. Wexford\nSummary\n\nWe lived at 5 Elm Road for years."
    assert found(addresses, text) == {
        ("LOCATION", "12 Harrow Lane"),
        ("LOCATION", "Thornbury"),
        ("LOCATION", "Co. Wexford"),
    }


def test_informal_documents_end_to_end(detector) -> None:
    text = (STRUCTURE / "letter.txt").read_text(encoding="utf-8")
    spans = {(s.label, s.text) for s in detector.detect_text(text).spans}
    assert ("PERSON", "Odette Marchetti") in spans
    assert ("AGE", "74") in spans
    assert ("AGE", "twelve") in spans
    assert ("DATE_TIME", "12/03") in spans
    assert ("DATE_TIME", "Jan 2025") in spans
    assert not any(piece in ("Plan", "Manager", "The Manager") for _, piece in spans)
    chat = detector.detect_text("hang in there, it gets easier.\nTed K")
    assert [(s.label, s.text) for s in chat.spans] == [("PERSON", "Ted K")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J.T. is 35 and works nights.", "35"),
        ("My nan, 92, is sharp as a tack.", "92"),
        ("Seen again, discharged 19/11.", "19/11"),
        ("It was St. Patrick's Day 2019 and we were all there.", "St. Patrick's Day 2019"),
        ("We moved up in Sept 2019.", "Sept 2019"),
    ],
)
def test_ages_and_dates_in_informal_writing(detector, text: str, expected: str) -> None:
    assert expected in {s.text for s in detector.detect_text(text).spans if s.label in ("AGE", "DATE_TIME")}


@pytest.mark.parametrize(
    "text", ["She scored 7/10 on the scale.", "Took 1/2 a tablet at night.", "NHS is 75 years old"]
)
def test_scores_and_fractions_are_not_dates(detector, text: str) -> None:
    spans = detector.detect_text(text).spans
    assert not any(s.label == "DATE_TIME" and "/" in s.text for s in spans)


def test_an_address_block_town_line_keeps_its_postcode(detector) -> None:
    # NER reads "NS" here as an organisation; the address block must win, or the postcode is lost
    text = "Ondine Marchetti\nApt 2C, 41 Quillfeather Crescent\nTruro, NS B2N 5B5\n\nDear Ms Marchetti,"
    found = {s.text: s.label for s in detector.detect_text(text).spans}
    assert any("B2N 5B5" in t and label == "LOCATION" for t, label in found.items())


def test_a_signature_block_keeps_name_organisation_and_street(detector) -> None:
    # NER takes the town for a person; the address line must keep its street all the same
    text = (
        "Thanks again, talk soon.\n\nOndine Marchetti (she/her)\nPeer Support Worker, Quillfeather Peer Collective\n"
        "88 Larkspur Street, Dunmarra NSW 2799\n0491 570 006"
    )
    found = {s.text: s.label for s in detector.detect_text(text).spans}
    assert found.get("Ondine Marchetti") == "PERSON"
    assert found.get("Quillfeather Peer Collective") == "ORGANIZATION"
    assert any(t.startswith("88 Larkspur Street") and label == "LOCATION" for t, label in found.items())


def test_a_speaker_in_capitals_talking_with_initials_is_a_name(detector) -> None:
    """A transcript whose interviewer speaks by initials ("KD:") and whose participant's name is written in
    capitals ("TAMSIR:"): the name is a person in every turn and where the header names them."""
    from qualdeid.corpus.model import Document

    text = (
        "Interview 4 - Participant: Tamsir (chose the name).\n\n"
        "KD: How did it start?\nTAMSIR: My aunt came.\nKD: And?\nTAMSIR: Then I came.\nINTERPRETER: She agrees."
    )
    [doc] = detector.detect([Document(id="d", text=text)])
    people = [text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]
    assert people.count("TAMSIR") == 2 and "Tamsir" in people and "INTERPRETER" not in people
    form = "DOB: 1980\nNHI: QQ1234\nPLAN: rest\nGP: none"  # a form's labels in capitals are no speakers
    [doc] = detector.detect([Document(id="f", text=form)])
    assert [s for s in doc.spans if s.label == "PERSON"] == []


def test_an_everyday_word_speaking_again_after_timestamps_is_a_chat_name(speakers: SpeakerRecognizer) -> None:
    chat = (
        "Messages with Tavita\n"
        "09:14 Mele: morning its mele, still on for 11?\n"
        "09:40 Dusk: yes but can we do the park\n"
        "10:58 Dusk: running late sorry bus\n"
        "11:02 Mele: no rush\n"
    )
    assert names(speakers, chat) == {"Mele", "Dusk"}


@pytest.mark.parametrize(
    "text",
    [
        # the writer and a relative are no names, however often they speak
        "10:02 Me: hi Tavita\n10:05 Tavita: hiya\n10:06 Me: ok\n10:07 Mum: dinner\n10:08 Mum: now\n",
        # a log whose labels after the times are everyday words: no person speaks in it
        "09:00 Meeting: agenda out\n10:00 Meeting: minutes\n11:00 Lunch: soup\n",
    ],
)
def test_pronouns_relatives_and_log_labels_after_timestamps_are_not_names(
    speakers: SpeakerRecognizer, text: str
) -> None:
    assert names(speakers, text) <= {"Tavita"}


def test_a_posts_author_above_its_date_line_and_replies_after_arrows(speakers: SpeakerRecognizer) -> None:
    post = (
        "Abebe Tesfahun\n8 April 2026 · Harbourside · 🌐\n\nI have been thinking about the quilt.\n\n"
        "💬 Ingrid Vasskog: Dear Abebe, it was lovely\n↳ Mags Duffy: haha thanks\n"
    )
    assert names(speakers, post) == {"Abebe Tesfahun", "Ingrid Vasskog", "Mags Duffy"}
    assert names(speakers, "Roisin Dunleavy ▸ Moorby Noticeboard\n2 h · 🌐\nAnyone seen a ferret?") == {
        "Roisin Dunleavy"
    }


def test_a_heading_above_a_date_line_is_no_author(speakers: SpeakerRecognizer) -> None:
    assert names(speakers, "Weekly Update\n8 April 2026 · 3 min read\n\nThe group met.") == set()


def test_chat_lines_naming_the_writer_before_the_time(speakers: SpeakerRecognizer) -> None:
    chat = "Ирина П, 09:15\nHello all\nმარიამ, 09:31\n(voice message)\nTamsa 🤸, 11:20\nhi everyone\n"
    assert names(speakers, chat) == {"Ирина П", "მარიამ", "Tamsa"}
    assert names(speakers, "Plan for Saturday\nLunch, 12:30\nsoup\nDinner, 18:00\nstew\n") == set()


def test_a_name_before_its_email_address_and_a_quoted_sign_off(speakers: SpeakerRecognizer) -> None:
    mail = (
        "Thanks for the update.\n\n"
        "On Mon, 9 Mar 2026 at 08:14, Pieter van der Walt <p.vdwalt@example.org> wrote:\n> Hi all\n> Groete\n> Pieter\n"
    )
    assert names(speakers, mail) == {"Pieter van der Walt", "Pieter"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cheers,\nKavindri", {"Kavindri"}),  # an unlisted name after a sign-off
        ("Thanks for reading.\nKavindri\n\n---\nReply from someone", {"Kavindri"}),  # alone after the last sentence
        ("Thanks,\nDawn", {"Dawn"}),  # a listed first name that is a word
        ("See you soon.\nMethods\n\nWe did it.", set()),  # an everyday word alone on a line is a heading
        ("We talked.\nWhānau\n\nThen we ate.", set()),  # a te reo term is never a name by itself
        ("Dear Sir or Madam,\nI write about my son.", set()),  # titles only
    ],
)
def test_sign_offs_and_lone_names_at_the_end(speakers: SpeakerRecognizer, text: str, expected: set[str]) -> None:
    assert names(speakers, text) == expected


def test_email_headers_of_other_languages_name_people() -> None:
    text = "De: Carla Menezes <carla@x.pt>\nPara: Rui Tavares; Inês Matos\nAssunto: reunião"
    found = {text[a:b] for a, b, _ in SpeakerRecognizer(Rules()).find(text)}
    assert found == {"Carla Menezes", "Rui Tavares", "Inês Matos"}


@pytest.mark.parametrize("initials", ["SK", "PB", "AT", "IR", "RW"])
def test_initials_that_begin_like_a_numbered_label_are_a_speaker(speakers: SpeakerRecognizer, initials: str) -> None:
    # "P3", "R1", "Speaker B" are roles; two capitals with no space or digit are someone's initials
    text = (
        f"[00:00:12] DMacK: So you came back in the spring?\n[00:00:15] {initials}: Aye, end of April.\n"
        f"[00:00:21] DMacK: And where are you staying?\n[00:00:24] {initials}: A wee flat by the river.\n"
    )
    assert names(speakers, text) == {"DMacK", initials}


def test_numbered_labels_stay_roles(speakers: SpeakerRecognizer) -> None:
    text = "P3: I went on the Tuesday.\nI: And then?\nP3: Nothing much.\nSpeaker B: Same here.\nR1: Yes.\n"
    assert names(speakers, text) == set()


def test_initials_that_are_also_an_abbreviation_answering_a_named_speaker(speakers: SpeakerRecognizer) -> None:
    text = (
        "[00:00:41] DMacK: Okay, that's recording now.\n[00:00:44] AM: Aye. Short one this time.\n"
        "[00:01:18] DMacK: How's your health been?\n[00:01:22] AM: Chest's bad, to be honest.\n"
    )
    assert names(speakers, text) == {"DMacK", "AM"}
    # once, after a message, it is a postscript, not a speaker
    assert names(speakers, "Rosalind: see you at six\nPS: bring the flask\n") <= {"Rosalind"}
