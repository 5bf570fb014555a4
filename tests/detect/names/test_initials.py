"""Initials in capitals as people (detect/names/initials.py): found by person context, not for abbreviations."""

from __future__ import annotations

import pytest

from qualdeid.detect.names.initials import Initials
from qualdeid.rules import Rules

INITIALS = Initials(Rules(), Rules().words("names/not_initials.txt"))


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in INITIALS.find(text)]


def test_initials_in_a_person_context_are_found_everywhere_in_the_document() -> None:
    text = "On shift: TK. Sat w/ TK in the quiet room. Later TK walked him out. Replaced the QZ valve."
    assert found(text) == ["TK", "TK", "TK"]  # QZ never acts as a person


def test_a_single_letter_needs_its_own_person_context() -> None:
    assert found("A lad I'll call him Q because he'd hate this. Q texted me after.") == ["Q", "Q"]
    assert found("Plan B is fine. Ward C was busy. Took vitamin D said nobody.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Saw the GP said to rest.",  # an article: a role, not a person
        "Rang CPN today, she said fine.",  # a listed abbreviation
        "HE SAID NO AND SHE WALKED OUT.",  # shouting
        "OK said Jo.",
    ],
)
def test_abbreviations_and_shouting_are_not_initials(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:30 Coffee break. QJ tells me about his boats.", ["QJ"]),  # a verb in -s
        ("QX doesn't defend the plan.", ["QX"]),
        ("Morning mtg. QX (director) opens it.", ["QX"]),  # a description in brackets
        ("Arrived 09:00. ZP (F, early 60s) already there.", ["ZP"]),
        ('Tense. ZP: "you will close us by stealth."', ["ZP"]),  # a speaker's turn in notes
        ("On shift: QM + ZP (1800-2200). QE on call tonight.", ["QM", "ZP", "QE"]),  # joined, on duty
        ("Urn dodgy. QR (Dawn) says it is fine.", ["QR"]),  # a first name in brackets
        ("1815 XH + son in. XH in good form.", ["XH", "XH"]),
        ("1900 VW + nan in for tea.", ["VW"]),  # any relative of lexicons/relatives.txt
        # a letter with its full stop in the middle of a clause
        ("ZT says A. skips swimming when the bus is late.", ["ZT", "A"]),
        ("Told the family K. must not drive yet.", ["K"]),
        ("His cousin Y. (M, about 20) parks outside.", ["Y"]),
        ("Tea urn on. W. (the drummer from the band) turned up.", ["W"]),
        ("21:15 O. tidies the chess boards away.", ["O"]),
        ("Took vitamin D. then slept.", []),
        ("We used plan B. and it was fine.", []),
    ],
)
def test_initials_that_act_in_field_notes(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We met the ACT (assertive community treatment) team.",  # an acronym spelt out
        "Budget: ZZ plus tax.",
        "ECG + CXR done. BP and HR fine.",
        "ETA: 3pm at the office.",  # note shorthand listed in not_initials.txt
        "MIL says the flat is too cold, FIL agrees.",  # relatives shortened: mother- and father-in-law
        "PGM lives with the family and walks them to school.",  # paternal grandmother
    ],
)
def test_acronyms_in_notes_stay_words(text: str) -> None:
    assert found(text) == []


def test_initials_acting_in_one_document_are_found_in_another(detector) -> None:
    from qualdeid.corpus.model import Document

    docs = [
        Document("a", "12:40 QX announces the dinner. Everyone cheers."),
        Document("b", "Morning mtg in the main room, a member, QX, runs it."),
        Document("c", "INT: How was the week?\nP2: fine."),
    ]
    spans = {d.id: [s.text for s in d.spans if s.label == "PERSON"] for d in detector.detect(docs)}
    assert spans["b"] == ["QX"] and spans["c"] == []


def test_an_abbreviation_that_is_someone_s_initials_elsewhere_counts_where_it_acts(detector) -> None:
    from qualdeid.corpus.model import Document

    docs = [
        Document("a", "Recorded in the hall. Interviewer PA. Present: R-TK and PA.\nPA: Shall we start?"),
        Document("b", "PA arrived at ten with the forms. Flag for R-TK when we meet. Booked the PA for the trip."),
        Document("c", "Gina Price came in. Our GP said to rest."),
        Document("d", "GP said to rest and drink water."),
    ]
    spans = {d.id: [s.text for s in d.spans if s.label == "PERSON"] for d in detector.detect(docs)}
    assert spans["b"] == ["PA", "R-TK"]
    assert "GP" not in spans["d"]  # the initials of a full name elsewhere leave an abbreviation a word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # listed with initials that act, an abbreviation among them is a person too (issue 13, class c)
        ("Notes were coded by VQ, PR and TZ, then checked by TZ.", ["VQ", "PR", "TZ", "TZ"]),
        ("Sessions were led by HR and VQ in turn.", ["HR", "VQ"]),
        ("Facilitator: PR. Interviewer: VK.", ["PR", "VK"]),  # a transcript's role before a colon
        ("Met DM (peer worker, front desk) first.", ["DM"]),  # described as a person in brackets
        # after "by", initials that also read as words are people too
        ("Interviews were done by EL and OK, coding by EL.", ["EL", "OK", "EL"]),
        # a letter introduced in brackets after the name it stands for, then speaking
        ("Facilitator: Oskari (O). Members: six.\nO: So what brings you here?\nRab: Tea.", ["O", "O"]),
        # opening a clause of notes, then a task or a modal verb
        ("Alone after school?? QE to talk to her gently.", ["QE"]),
        ("Lili wants someone with her. EV can you?", ["EV"]),
        # a bracketed list after people counted: every member a person, even when all read as terms
        ("Two coders (IT and PR) read every transcript.", ["IT", "PR"]),
        ("Three reviewers (HR, ED and GP) checked the themes.", ["HR", "ED", "GP"]),
    ],
)
def test_initials_listed_or_labelled_as_people(text: str, expected: list[str]) -> None:
    assert sorted(found(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Ordered an MRI, ECG and CT for him.",  # a list of abbreviations only
        "Sent it to NHS, DWP and HMRC by post.",
        "Checked by NHS staff.",
        "The GP (locum) was late.",  # an article: a role
        "It was OK and AL said nothing.",  # no person's place before a list with a word in capitals
        "Q: what then?\nA: nothing. Plan (B) failed.",  # letters that speak, never introduced as people
        "Moved from ED to ward at noon.",  # a department, then a place
        "Two services (HR and IT) were closed.",  # things counted before the brackets, not people
    ],
)
def test_lists_of_abbreviations_stay_words(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials with a particle's or a prefix's small letters, or a double surname's hyphen
        ("Coded by XdlV and QvdR; XdlV said the codes were fine.", ["XdlV", "XdlV", "QvdR"]),
        ("BH-T walked in. Later BH-T rang.", ["BH-T", "BH-T"]),
        ("KMcB said yes.", ["KMcB"]),
    ],
)
def test_initials_of_names_with_particles_and_hyphens(text: str, expected: list[str]) -> None:
    assert sorted(found(text)) == sorted(expected)


@pytest.mark.parametrize("text", ["She has a PhD and works at TfL.", "See the A-Z of services."])
def test_mixed_case_abbreviations_stay_words(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of initials with notes in brackets: the notes are no members, an abbreviation is a member
        ("Present: QV (PI), TNP, AB (me, notes), HL. Talk to QV later.", ["AB", "HL", "QV", "QV", "TNP"]),
        # initials in brackets after the full name they abbreviate; then where they act or speak
        ("Interviewer: Nia Eze (NE)\nNE: So tell me.\nThe farm in the NE corner.", ["NE", "NE"]),
        # a role, a word about it, a colon: "Interpreter Arabic: KR"
        ("Facilitator: JB. Interpreter Arabic: KR. Co-facilitator/notes: TL.", ["JB", "KR", "TL"]),
        # an abbreviation introduced as a person counts where it acts, not where it is the abbreviation
        ("Notes: DM (youth worker) came. DM talked about it. DM me the file.", ["DM", "DM"]),
    ],
)
def test_initials_introduced_in_lists_brackets_and_role_labels(text: str, expected: list[str]) -> None:
    assert sorted(found(text)) == sorted(expected)


def test_abbreviations_never_introduced_as_people_stay_abbreviations() -> None:
    assert found("Sent the CV to HR and the NE office. DM me. Plan B is fine.") == []
    assert found("Personal Health Number (PHN): 9871 204 556") == []  # a term and its abbreviation
    assert found("Preferred language: Somali     Interpreter: Y") == []  # a yes in a form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a people label's line: every initials are a person, even a word ("IF", "OR") or an abbreviation
        ("Families: IF + wife, ON, QB\nIF worried re rent. ON very low.", ["IF", "IF", "ON", "ON", "QB"]),
        (
            "Present: OR (chair), ZV, ZT. Apols: nil.\nZT + OR to visit at 4pm. OR replied.",
            ["ZV", "ZT", "ZT", "OR", "OR", "OR"],
        ),
        ("On shift: VD, KZ, ME\nME to write up.", ["VD", "KZ", "ME", "ME"]),
        ("Present: ZV, EL, GP, BZ\n- GP to fix the lathe guard.", ["ZV", "EL", "GP", "GP", "BZ"]),
    ],
)
def test_initials_on_a_labelled_line_of_people(text: str, expected: list[str]) -> None:
    assert sorted(found(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "STAFF: TO BE CONFIRMED, NO CHANGE",  # a line in capitals is shouting
        "Staff: to be confirmed. TO DO: ring the GP.",  # no initials on the line, a word in capitals after it
        "Team: on track. NO, I said. OK, fine.",
    ],
)
def test_words_in_capitals_without_a_roll_of_people_stay_words(text: str) -> None:
    assert found(text) == []


def test_the_role_case_notes_give_the_person_they_are_about_is_no_initials() -> None:
    text = "Present: YP, her aunt (carer), QR\n- Spoke alone w/ YP. QR to book clinic.\n- YP laughed on the way home."
    assert found(text) == ["QR", "QR"]


def test_an_abbreviation_on_a_roll_of_people_stays_a_person_to_the_end(detector) -> None:
    text = "Shed notes\nPresent: ZV, EL, GP, BZ\n- GP to fix the lathe guard.\n- Saw the GP re knee."
    doc = detector.detect_text(text)
    assert [s.text for s in doc.spans if s.label == "PERSON"] == ["ZV", "EL", "GP", "BZ", "GP"]


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Sat w/ ŁW at the depot. Later ŁW said the shift was long.", ["ŁW", "ŁW"]),
        ("ZÖ said she'd come back. Told ÅS the same.", ["ZÖ", "ÅS"]),
        ("On shift: ȘT, KB", ["ȘT", "KB"]),
    ],
)
def test_initials_with_diacritics_are_initials_too(text: str, initials: list[str]) -> None:
    """Issue 13 class d: the initials of "Łucja Wrona" or "Zeynep Öztürk" carry their diacritics."""
    assert found(text) == initials


def test_initials_before_an_irregular_past_tense_act_as_a_person() -> None:
    assert found("QV did not speak but nodded. Later QV brought biscuits. The IT did nothing.") == ["QV", "QV"]


def test_a_letter_that_a_timed_transcript_gives_a_named_speaker_is_that_person() -> None:
    text = (
        "Interviewer: Jo Hale (JH), Participant (P), Interpreter D. Okonkwo (D)\n"
        "00:10 JH: Thanks for coming.\n00:25 P: (Yoruba)\n00:48 D: He says he drove a bus.\n"
    )
    people = found(text)
    assert people.count("D") >= 2 and "P" not in people  # the participant's letter is a role


def test_initials_after_a_name_with_a_dotted_initial() -> None:
    assert found("Intake worker: Maricel T. (MT)\nLanguage: Tagalog\nMT called her twice.") == ["MT", "MT"]


def test_a_letter_the_notes_give_a_facilitator_is_that_person_in_every_turn() -> None:
    text = "Facilitator: Tobias Arnfeldt (T)\n\nT: Okay, thanks for coming.\nF1: Hi.\nT: Who wants to start?"
    assert found(text) == ["T", "T", "T"]


def test_a_letter_with_its_full_stop_acts_as_a_person_in_field_notes() -> None:
    text = "Parked round the corner (M. said the neighbours watch). It went well. M. was tired. Pills in M.'s writing."
    assert found(text) == ["M", "M", "M"]


@pytest.mark.parametrize(
    "text", ["We took plan B. after that.", "Her vitamin D. was low.", "She got a B. was happy with it."]
)
def test_a_letter_with_a_full_stop_after_a_word_stays_a_thing(text: str) -> None:
    assert found(text) == []


def test_initials_shown_to_be_people_count_where_they_act_even_as_words() -> None:
    text = (
        "Four raters (QA, PR and IT) read the first notes; QA and PR then scored the rest, with IT checking a "
        "sample. The QA team helped. No PR or media work took place. IT support was provided by the school."
    )
    # the bracketed list, the list of the two once they are people, IT where it acts; not the QA team,
    # the PR of "PR or media", nor the IT of "IT support"
    assert sorted(found(text)) == ["IT", "IT", "PR", "PR", "QA", "QA"]


def test_initials_listed_after_a_person_place_with_a_plain_member_are_people_in_the_document() -> None:
    text = "Talks were held in Welsh by GW and OR, in Dutch by OR. OR wrote them up. Tea OR coffee."
    assert sorted(found(text)) == ["GW", "OR", "OR", "OR"]
    assert found("Tea or coffee, chosen by OR and IT. OR rang.") == []  # only words: no person shown


def test_an_author_contribution_statement_names_its_authors() -> None:
    text = (
        "Conceptualization: RvdH, MdlF. Methodology: MdlF, ÖL. Investigation: BW, PR, SN. "
        "Writing – review & editing: all authors. Writing, original draft: RvdH.\n\n"
        "Competing interests\nPR has received fees from a PR firm."
    )
    assert sorted(found(text)) == sorted(["RvdH", "MdlF", "MdlF", "ÖL", "BW", "PR", "SN", "RvdH", "PR"])
    assert found("Software: SAS and NVivo. Analysis was descriptive.") == []  # one role: a program


def test_initials_with_particles_of_a_full_name_in_the_document(detector) -> None:
    from qualdeid.corpus.model import Document

    text = (
        "The interviews were done by Marit van den Broek and Pilar de la Vega. Coding (first round: MvdB; "
        "second round: PdlV) used NVivo."
    )
    (doc,) = detector.detect([Document("a", text)])
    people = [s.text for s in doc.spans if s.label == "PERSON"]
    assert "MvdB" in people and "PdlV" in people


def test_lower_case_notes_name_clients_by_item_labels_and_their_initials(detector) -> None:
    from qualdeid.corpus.model import Document

    text = (
        "handover notes\n\n- marta k: better, new mtg booked.\n- tomasz w: came in tues. "
        "TW ph 555 0199 if no answer.\n- notes re: the hall\n- rest of: week"
    )
    (doc,) = detector.detect([Document("a", text)])
    people = [s.text for s in doc.spans if s.label == "PERSON"]
    assert people[:2] == ["marta", "tomasz"] and "TW" in people
    assert not {"notes", "rest", "hall", "week"} & {p.lower() for p in people}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("handover jk -> mira, thurs 5/6\n\n- keys: on my desk. call jk if lost\njk", ["jk", "jk", "jk"]),
        ("notes dw – wk of 3/2\n\nrang the school.", ["dw"]),
        ("case notizen pb: kw 15\n\ntermin ok", ["pb"]),
        ("notes re: the hall\n\nbook it.", []),
        ("handover to night staff\n\nall ok", []),
        ("handover fyi – the door code changed", []),
    ],
)
def test_the_writers_initials_heading_lower_case_notes(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_a_research_role_before_initials_makes_an_abbreviation_a_person() -> None:
    text = "Recorded at the hall. Interviewer DJ. Translated by DJ.\n\nDJ: Okay, we're on.\nMARA: Fine.\nDJ: Good."
    assert found(text) == ["DJ", "DJ", "DJ", "DJ"]
    assert found("Booked the DJ. Translated by the interviewer.") == []


def test_the_writer_s_initials_set_off_by_dashes_in_a_notes_heading() -> None:
    text = "Field notes — RW — Monday 3 May\nSetting: the cafe. RW sat by the door; later we let RW lead."
    assert found(text) == ["RW", "RW", "RW"]
    assert found("PI memo – T-OB – 2024-02-01 – after the home visit") == ["T-OB"]
    assert found("Notes — ALL — Monday\nALL welcome") == []  # a word in capitals, not initials


def test_initials_listed_after_the_authors_comma_and_a_full_name_in_brackets() -> None:
    text = "The views are those of the authors, RW, PA and J-LO. Later we let RW sit in. PA dedicates this."
    assert sorted(found(text)) == ["J-LO", "PA", "PA", "RW", "RW"]
    assert found("Comments from KMcD (Kate McDonald) on the draft.") == ["KMcD"]


def test_a_word_given_as_someone_s_initials_after_their_full_name() -> None:
    text = (
        "Present: Quilla Brandt (QB), Ines Fairweather (IF)\nNotes taken by: IF\n\n"
        "- IF has the new keys, hands them on Friday. If she does, fine.\n- QB to send forms.\n"
        "IF NOT, WE WAIT."
    )
    assert found(text) == ["QB", "QB", "IF", "IF", "IF"]


def test_a_letter_interviewed_beside_an_interviewer_is_a_person() -> None:
    text = "I: What do you grow?\nW: Beans mostly.\nI: And in winter?\nW: Leeks, if the frost holds off."
    assert found(text) == ["W", "W"]


def test_initials_of_a_double_surname_name_its_bearer(detector) -> None:
    text = (
        "03/09 OVR - rang landlord re damp.\n05/09 OVR - landlord replied.\n\n"
        "Kind regards,\nOttilie Vasquez-Reyes\nCaseworker"
    )
    doc = detector.detect_text(text)
    assert [s.text for s in doc.spans if s.label == "PERSON"] == ["OVR", "OVR", "Ottilie Vasquez-Reyes"]


def test_initials_opening_the_items_of_a_labelled_list_of_people() -> None:
    text = (
        "Staff (as in the logs):\n- QB (lead) - runs the sessions\n- AD - volunteer, Tuesdays\n"
        "- GP - minutes and the float\n\nThe GP saw him later. AD said no. Numbers only in QB's notebook. IT'S OK."
    )
    assert found(text) == ["QB", "QB", "AD", "AD", "GP"]
