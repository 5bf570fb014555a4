"""qualdeid's own Presidio recognizers (places, organisations, contacts, IDs, dates, ages), on fictional text.

The analyzer here holds only these recognizers (plus nothing from spaCy NER), so each assertion is about
what they find on their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.nlp.presidio import LANGUAGE, PreloadedSpacyNlpEngine
from qualdeid.detect.recognizers import build_recognizers, contact_recognizers, place_lexicon
from qualdeid.rules import Rules

CANONICAL = {"PHONE_NUMBER": "CONTACT"}


def make_analyzer(rules: Rules) -> AnalyzerEngine:
    nlp = load_model()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in build_recognizers(rules, nlp):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=PreloadedSpacyNlpEngine(nlp), supported_languages=[LANGUAGE])


@pytest.fixture(scope="module")
def analyzer() -> AnalyzerEngine:
    return make_analyzer(Rules())


def found(analyzer: AnalyzerEngine, text: str) -> dict[str, str]:
    """Flagged text -> canonical label."""
    results = analyzer.analyze(text, language=LANGUAGE, score_threshold=0.3)
    return {text[r.start : r.end]: CANONICAL.get(r.entity_type, r.entity_type) for r in results}


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("We walked down to 12 Smith St for chips.", "12 Smith St", "LOCATION"),
        ("We waited outside the Copper Lantern for an hour.", "Copper Lantern", "LOCATION"),
        ("Her new place is Flat 3, 4 Orchard Road, near the bus.", "Flat 3, 4 Orchard Road", "LOCATION"),
        ("He used to live on Kelvinhaugh Lane before all this.", "Kelvinhaugh Lane", "LOCATION"),
        ("Her nan's place is 14 Wattlebird Way, past the school.", "14 Wattlebird Way", "LOCATION"),
        ("The shelter is on Barrow Street West now.", "Barrow Street West", "LOCATION"),
        ("She was transferred from Birchwood Ward yesterday.", "Birchwood Ward", "LOCATION"),
        ("He spent a month on the Banksia Unit last winter.", "Banksia Unit", "LOCATION"),
        ("We had a picnic at Tallowood Reserve with the group.", "Tallowood Reserve", "LOCATION"),
        ("They met at the Gannet Arms for a pint.", "Gannet Arms", "LOCATION"),
        ("He was discharged from Ward 6B on Friday.", "Ward 6B", "LOCATION"),
        ("She rang Fernhill Community Mental Health Team.", "Fernhill Community Mental Health Team", "ORGANIZATION"),
        ("He plays for the Larkspur Rovers Football Club.", "Larkspur Rovers Football Club", "ORGANIZATION"),
        ("Mass at St Brendan's Church was packed.", "St Brendan's Church", "ORGANIZATION"),
        ("She was admitted to Quillmore Hospital in May.", "Quillmore Hospital", "ORGANIZATION"),
        ("She spent a week in Quillmore Regional after the fall.", "Quillmore Regional", "ORGANIZATION"),
        ("He studied at the University of Carrowmore for a year.", "University of Carrowmore", "ORGANIZATION"),
        ("Some kids from Marrowbank Girls' High knew her.", "Marrowbank Girls' High", "ORGANIZATION"),
        ("The referral came from Tamarind CAMHS last week.", "Tamarind CAMHS", "ORGANIZATION"),
        ("Her sister still lives in Kilbarrack and visits.", "Kilbarrack", "LOCATION"),
        ("He grew up near Mount Tarrow on a farm.", "Mount Tarrow", "LOCATION"),
        ("We had a lemonade at the Quenby after the walk.", "Quenby", "LOCATION"),
        ("She was born at St Ultan's and never left the suburb.", "St Ultan's", "ORGANIZATION"),
        ("His old address was 221B Hawthorn Street, second floor.", "221B Hawthorn Street", "LOCATION"),
        ("They lived at 4/22 Pardalote Ave for years.", "4/22 Pardalote Ave", "LOCATION"),
        ("The flat above the laundromat on West 131st Street.", "West 131st Street", "LOCATION"),
        ("The letter went to G12 8QQ by mistake.", "G12 8QQ", "LOCATION"),
        ("Her card said Glenmoy ON M6K 1X9 on the back.", "M6K 1X9", "LOCATION"),
        ("new place is 40 rue tarrow apt 2, m6k 1x9, come by", "m6k 1x9", "LOCATION"),  # typed in lower case
        ("Address: Drumkeel, Ballyfenn, F12 AB34\nGP: Dr Lee", "Drumkeel, Ballyfenn, F12 AB34", "LOCATION"),
        ("Her new address is 9 Pellow Close, Drumkeel. She loves it.", "9 Pellow Close, Drumkeel", "LOCATION"),
        ("Address: 3 Quarry Rd., Co. Tarragh\nPhone: none", "3 Quarry Rd., Co. Tarragh", "LOCATION"),
        ("They moved to County Tarragh after the wedding.", "County Tarragh", "LOCATION"),
        ("She has a flat in Dublin 7 now.", "Dublin 7", "LOCATION"),
        ("We spent a weekend on Inishcorr with the kids.", "Inishcorr", "LOCATION"),
        ("Every summer he climbed the Bennan with his dad.", "Bennan", "LOCATION"),
        ("He was in St Aidans for a week, no apostrophe on the form.", "St Aidans", "ORGANIZATION"),
        ("Her daughter is at St Fionntán's now.", "St Fionntán's", "ORGANIZATION"),
        ("She works at Pellow's now, mostly nights.", "Pellow's", "ORGANIZATION"),
        ("He got a placement with Brightwater Quarrying last spring.", "Brightwater Quarrying", "ORGANIZATION"),
        ("We met at the Kelso site, then drove to Brookfield's Ardmore branch.", "Ardmore", "LOCATION"),
        ("she came in to the Lantern at 10, early for her.", "Lantern", "LOCATION"),
        (
            "WhatsApp Chat with Kelso Thursday Crew\n16/05/2024, 18:58 - Tamsin: hi",
            "Kelso Thursday Crew",
            "ORGANIZATION",
        ),
        ("Kelso Night Owls (Signal group, copied for the study)\nhi all", "Kelso Night Owls", "ORGANIZATION"),
    ],
)
def test_places_and_organisations(analyzer: AnalyzerEngine, text: str, span: str, label: str) -> None:
    assert found(analyzer, text).get(span) == label


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("BRAMBLECOTE DAY CENTRE: MEMBER FEEDBACK FORM\nName: none", "BRAMBLECOTE DAY CENTRE", "LOCATION"),
        ("THE QUARRENDON CLUB - NOTES", "QUARRENDON CLUB", "ORGANIZATION"),
        (
            "TARNBY INSTITUTE OF RURAL HEALTH\nStudy: living alone",
            "TARNBY INSTITUTE OF RURAL HEALTH",
            "ORGANIZATION",
        ),
    ],
)
def test_names_in_capitals(analyzer: AnalyzerEngine, text: str, span: str, label: str) -> None:
    assert found(analyzer, text).get(span) == label


@pytest.mark.parametrize(
    "text",
    ["WE WENT TO THE CLUB AND NOBODY CAME", "ITS A GOOD CLUB", "MY LOCAL PARK", "WE WENT TO THE SCHOOL OF THE YEAR"],
)
def test_shouting_is_not_a_name_in_capitals(analyzer: AnalyzerEngine, text: str) -> None:
    assert not {s for s, lbl in found(analyzer, text).items() if lbl in ("LOCATION", "ORGANIZATION")}


@pytest.mark.parametrize(
    "text",
    [
        "I hope the unit is quieter tonight.",
        "We went to the shops and then back to the ward.",
        "The Peer Worker and the OT sat in on the meeting.",
        "She joined the Recovery College course on cooking.",
        "He was referred to the Community Mental Health Team.",
        "We sat in the Day Centre with a cuppa.",
        "We went to the Unit, then to the Clinic, and he read from the Bible in the Office.",
        "We met outside the Peer Support Office and went to the Drop In Room.",
        "Morning Tea Group was on as usual.",
        "After the Hearing Voices Group and the DBT Group we went to the Car Park and the Food Bank.",
        "She's on the Methadone Program and goes to the Depot Clinic, then Self Care at the Leisure Centre.",
        "He was moved from the Acute Unit to the Low Secure Unit, near the Nurses Station.",
        "We did the Group Walk and she said the garden is her Safe Place.",
        "Then we went to the Sensory Room and the High School gym.",
        "She goes to the Catholic Church on Sundays and the Aboriginal Health Service on Mondays.",
        "Brief description: a walk.\nWhat was helpful: listening.\nWhy it was significant: trust.",
        "Park the car out the front, then come in.",
        "Went to Australia for a holiday once, and spoke in Auslan with her.",
        "She moved back to Scotland after the divorce.",
        "He went to the Tribunal and then to the Bible study in the Lounge.",
        "Tuesday was rough. We talked on Monday about last week.",
        "He's on Quetiapine and Sertraline now, and on Snapchat all day, and on Jobseekers.",
        "She works for Maeve at the weekends and works at Home most days.",
        "The Head Office was shut, and the County Council offices too.",
        "Next Monday we go. On Saturday we went up on the bus.",
    ],
)
def test_generic_words_are_not_flagged(analyzer: AnalyzerEngine, text: str) -> None:
    flagged = found(analyzer, text)
    assert not {s: lbl for s, lbl in flagged.items() if lbl in ("LOCATION", "ORGANIZATION", "DATE_TIME")}


def test_no_span_crosses_a_line_break(analyzer: AnalyzerEngine) -> None:
    text = "Notes from Thornbury\nHospital visit was long.\nBrief description\nCentre of attention."
    for r in analyzer.analyze(text, language=LANGUAGE, score_threshold=0.3):
        assert "\n" not in text[r.start : r.end]


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Her mobile is 0412 345 678 if needed.", "0412 345 678", "CONTACT"),
        ("He said call 07700 900123 after six.", "07700 900123", "CONTACT"),
        ("The office number is (416) 555-0199.", "(416) 555-0199", "CONTACT"),
        ("She posts her drawings as @inky_fern99 online.", "@inky_fern99", "CONTACT"),
        ("Her insta is moth.and.rust if you want to see.", "moth.and.rust", "CONTACT"),
        ("His student number s3412987 was on the card.", "s3412987", "ID"),
        ("She was in room 7 all morning.", "7", "ID"),
        ("He moved to Room 12B after the flood.", "Room 12B", "ID"),  # a room named in prose keeps its word
        ("Room: 12B, east wing", "12B", "ID"),
        ("She sat by the door of unit 2.14 for an hour.", "unit 2.14", "ID"),
        ("Her case no. KLM-4471 was on the letter.", "KLM-4471", "ID"),
        ("His UR number is 4471902, the nurse said.", "4471902", "ID"),
        ("Re: my son, PHN 9182 440 317\nTo whom it may concern", "9182 440 317", "ID"),
        ("Read out his CRN 218 440 913K on the phone.", "218 440 913K", "ID"),
        ("He had the code 6610-223-985-QX written on his arm.", "6610-223-985-QX", "ID"),
        ("any advice? posted by glenside_dad\nHi all, long time reader.", "glenside_dad", "CONTACT"),
        ("Posted by: mossy77 on the carers forum.", "mossy77", "CONTACT"),
        ("Username: kestrelwing", "kestrelwing", "CONTACT"),
        ("kestrel.k wrote:\nI agree with that.", "kestrel.k", "CONTACT"),
        ("She shares her drawings as fern_and_moss now.", "fern_and_moss", "CONTACT"),
        ("Found him online, kb_runner_88 on the gaming site.", "kb_runner_88", "CONTACT"),
        ("Thread: moving out\n\nQuietHeron42 · 02-11-2024 22:14\nHi all", "QuietHeron42", "CONTACT"),
        ("Great news!\nReply from gravel_moth: so proud of you", "gravel_moth", "CONTACT"),
        (
            "he rang on zero two nine oh double four seven one one six about it",
            "zero two nine oh double four seven one one six",
            "CONTACT",
        ),
    ],
)
def test_contacts_and_ids(analyzer: AnalyzerEngine, text: str, span: str, label: str) -> None:
    assert found(analyzer, text).get(span) == label


@pytest.mark.parametrize(
    "text",
    [
        "We spent 20 minutes in the room with 3 of the residents.",
        "It was COVID-19 that closed the place for a while.",
        "He paid $250000 for the house years ago, 1989-1990 was a hard time.",
        "She walked 2 km to the unit 3 times a week.",
        "She is on Instagram and Facebook all day.",
        "It was posted by the admin team, and Mary wrote: thanks.",
        "Reply from the team: we will look into it.",
        "I saved it as my_notes.docx on the laptop.",
        "#codes: everyday_activity, trust_safety\nWhat was helpful: the walk.",
    ],
)
def test_numbers_that_are_not_ids(analyzer: AnalyzerEngine, text: str) -> None:
    assert not [lbl for lbl in found(analyzer, text).values() if lbl in ("ID", "CONTACT")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Weds 23 October. We went bowling.", "Weds 23 October"),
        ("The meeting is Sunday, January 26, in the big room.", "Sunday, January 26"),
        ("Her birthday is on the 27th so she wants leave.", "the 27th"),
        ("He hasn't smiled like that since Christmas 2019.", "Christmas 2019"),
        ("We had a barbecue on Anzac Day with the residents.", "Anzac Day"),
        ("Everyone came to the Diwali dinner.", "Diwali"),
        ("She turned up for her 50th birthday in a tiara.", "50th birthday"),
        ("I spent my 18th in a cell.", "18th"),
        ("He lost his licence back in 2011 and never got it back.", "2011"),
        ("The appointment is on 03/04/2024 at the clinic.", "03/04/2024"),
        ("It all kicked off on Thursday the 14th at tea time.", "Thursday the 14th"),
        ("He did his apprenticeship back in '87 up north.", "'87"),
        ("She always walked up the hill on Pattern Sunday.", "Pattern Sunday"),
        ("The whole town went out for Regatta Saturday.", "Regatta Saturday"),
        ("We went to the sea on the August Bank Holiday.", "August Bank Holiday"),
    ],
)
def test_dates(analyzer: AnalyzerEngine, text: str, span: str) -> None:
    assert found(analyzer, text).get(span) == "DATE_TIME"


@pytest.mark.parametrize(
    "text",
    [
        "Last week was hard, and next Tuesday will be too.",
        "She finished the 3rd of the puzzles, then the 2nd floor meeting.",
        "It took 2000 steps and about two years to get here.",
        "We played music from the 1990s and the 80s.",
        "It was the 1st session and the 2nd meeting, then the 3rd time lucky.",
    ],
)
def test_relative_times_are_not_dates(analyzer: AnalyzerEngine, text: str) -> None:
    assert "DATE_TIME" not in found(analyzer, text).values()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("She's 19 and wants to study nursing.", "19"),
        ("Our new resident (Tomasz Wierzbicki, 41) arrived today.", "41"),
        ("Aged 45, he started painting.", "45"),
        ("A 52-year-old man came to the drop-in.", "52-year-old"),
        ("He left school at 16 and went to sea.", "16"),
        ("She is in her late fifties and sharp as a tack.", "late fifties"),
        ("He's in his mid-forties.", "mid-forties"),
        ("I was a mess in my twenties.", "twenties"),
        ("Marnie is 27 and loves karaoke.", "27"),
        ("Rowan Achterberg, 38, moved in on the weekend.", "38"),
        ("A sixteen-year-old turned up at the door.", "sixteen-year-old"),
        ("Brief description: Odile Brennan (33) moved in on Monday.", "33"),
        ("He broke his wrist when he was fourteen and never told anyone.", "fourteen"),
        ("She's twenty-two and already a nana.", "twenty-two"),
        ("my son Tadhg (Taddy to his pals) is 23 and came home", "23"),
        ("our da was 81 on Sunday, the cake was huge", "81"),
        ("Her girl Orla, who's 16 and came along, sat with us.", "16"),
        ("Interviewer: How old are you now?\nP2: Fifteen. Fifth year.", "Fifteen"),
        ("how old is she? about 9 i think", "9"),
        ("Me (29F) and my partner have been arguing.", "29"),
        ("Age: 47\nGender: male", "47"),
        ("He'll be 30 in March, God help us.", "30"),
        ("Her mam is seventy-four and still drives.", "seventy-four"),
        ("young Teodor, he's only 19, ran the till", "19"),
        ("My lad (23) is home again.", "23"),
        ("Because Ilse's six now and reads on her own.", "six"),
        ("Marta's 18 and her dad is older.", "18"),
        ("Oren Halvik, 29, third night here, self-referred.", "29"),
        ("it's me, my son Calum (14, eats like a horse) and my mum", "14"),
        ("she's got the baby now, Isla, 3 weeks old, and", "3 weeks old"),
        ("I sit with this boy, he is maybe 20, and the doctor asks", "20"),
        ("09:10 QT (M, 40s) waiting on the bench.", "40s"),
        ("New member (F, 30s?) offers to help.", "30s"),
        ("KP + son (J., 7) in for soup.", "7"),
        ("When the mill shut I were fifty-eight and lost.", "fifty-eight"),
        # the relatives of rules/lexicons/relatives.txt, whichever pattern reads them
        ("I rang my uncle (54) about the fence.", "54"),
        ("Her grandson is 7 and mad about trains.", "7"),
        ("We met her fiance, 29, at the station.", "29"),
        # names written with macrons or an apostrophe inside them, and a room number after the age
        ("Wiremu Pōtae is 17 and he carves.", "17"),
        ("Sefa Tu'ilagi is 13 and loves netball.", "13"),
        ("Ana Reyes, 13, room 2, arrived by taxi.", "13"),
        ("He has been in foster care from fourteen, on and off.", "fourteen"),
        # particles inside a bracketed name, a nickname in commas between the name and its age
        ("We drove Bram (Abraham van den Heuvel, 81) to the market.", "81"),
        ("Tui Rangi, or Tiger, is 16 and juggles.", "16"),
        # the answer to a question about someone's age, after a timed speaker label and a bracketed note
        ("[00:02:10] INT: And your age?\n[00:02:12] R4: Sixty-three. I feel older.", "Sixty-three"),
        ("Q: And his age, roughly?\nMARISOL: [in Spanish] Nineteen, he was nineteen.", "Nineteen"),
        ("I: How old are you?\nR: Thirty-nine. Forty in June, God help me.", "Forty"),
        ("INT: How old is she?\nP4: Seventy — no, seventy-one.", "seventy-one"),
        ("The house was quiet. Our grandfather, eighty-four, sits by the stove all day.", "eighty-four"),
    ],
)
def test_ages(analyzer: AnalyzerEngine, text: str, span: str) -> None:
    assert found(analyzer, text).get(span) == "AGE"


@pytest.mark.parametrize(
    "text",
    [
        "She's 5 minutes late again.",
        "He is 6 foot 2 and was 31 years sober, he says.",
        "He was 2 weeks clean and proud of it.",
        "We met at 10 and left at 11:30.",
        "It was 30 degrees so we stayed in.",
        "There were 12 of us at the barbecue.",
        "He was one of the first to arrive, and she was two minutes behind.",
        "We met at ten and the list had (12) items.",
        "The bus was 20 minutes late and mum was 5 minutes behind.",
        "My brother is 2 metres tall and my sister was 40 euro down.",
        "How old is the house? Nobody knows, and the kitchen is 12 feet wide.",
        "Marta's 18th birthday was loud. The ward's 18 beds were full.",
        "He's only 5 minutes away and she's just 2 stops behind.",
        "Staff (F, 2 on shift) in the office (B., page 4).",
        "Hartley House, 12, rooms all let.",
        "Ōtaki is 40 minutes up the road.",
        "The count went from fifteen to twenty in a week.",
        "He went down from seventeen stone to twelve.",
        "Prices rose from fourteen quid last year.",
        "On Monday, is 15 minutes enough for the handover?",
        "We sat (in the van and the rain, 12) hours.",
        "Q: What is your age group?\nR: 25-34, the middle box.",
        "Q: Has your age ever mattered at work?\nR: Ten years ago it did.",
        "My sister, two doors down, keeps hens.",
    ],
)
def test_numbers_that_are_not_ages(analyzer: AnalyzerEngine, text: str) -> None:
    assert "AGE" not in found(analyzer, text).values()


def test_a_project_rules_folder_adds_and_silences_recognizers(tmp_path: Path) -> None:
    (tmp_path / "recognizers").mkdir()
    (tmp_path / "recognizers" / "site.yaml").write_text(
        "recognizers:\n"
        "  - name: SiteCodeRecognizer\n"
        "    supported_entity: ID\n"
        "    patterns:\n"
        "      - {name: site-code, regex: '\\bQX\\d{2}\\b', score: 0.8}\n"
        "  - name: SocialHandleRecognizer\n"
        "    enabled: false\n",
        encoding="utf-8",
    )
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "venue_types.txt").write_text("Bothy\n!Arms\n", encoding="utf-8")
    flagged = found(make_analyzer(Rules([tmp_path])), "At QX42 near Glenmoy Bothy, not the Gannet Arms, @someone.")
    assert flagged.get("QX42") == "ID"
    assert flagged.get("Glenmoy Bothy") == "LOCATION"
    assert "Gannet Arms" not in flagged
    assert "@someone" not in flagged


def test_the_age_patterns_read_the_relatives_list_of_the_rules_folders(tmp_path: Path) -> None:
    text = "I rang my uncle (54) and my godmother (70) about the fence."
    assert "70" not in found(make_analyzer(Rules()), text)
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "relatives.txt").write_text("godmother\n!uncle\n", encoding="utf-8")
    flagged = found(make_analyzer(Rules([tmp_path])), text)
    assert flagged.get("70") == "AGE"
    assert "54" not in flagged


def test_a_pattern_naming_a_missing_list_names_it(tmp_path: Path) -> None:
    (tmp_path / "recognizers").mkdir()
    (tmp_path / "recognizers" / "kin.yaml").write_text(
        "recognizers:\n"
        "  - name: KinCodeRecognizer\n"
        "    supported_entity: ID\n"
        "    patterns:\n"
        "      - {name: kin-code, regex: '{list:lexicons/no_such_list.txt}-\\d+', score: 0.8}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"no_such_list\.txt"):
        build_recognizers(Rules([tmp_path]), load_model())


def test_a_malformed_rules_file_names_itself(tmp_path: Path) -> None:
    (tmp_path / "recognizers").mkdir()
    (tmp_path / "recognizers" / "bad.yaml").write_text("recognizers:\n  - patterns: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yaml"):
        build_recognizers(Rules([tmp_path]), load_model())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring her on 0412 345 678 or email kit.marsh@example.org, or see www.example.net/help.", 3),
        ("The number was (416) 555-0199 and the site https://example.com/x.", 2),
        ("Nothing to find here: we had tea, 3 biscuits and a walk at 10.", 0),
        ("The kiosk at 10.0.0.254 logged her in; ring 03 9876 5432 if it drops.", 2),
        ("Ver. 2.1 of the form, page 3.2, no links at all.", 0),
    ],
)
def test_prefiltered_contact_recognizers_find_what_presidio_finds(text: str, expected: int) -> None:
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, IpRecognizer, PhoneRecognizer, UrlRecognizer

    from qualdeid.detect.nlp.presidio import predefined_recognizers
    from qualdeid.detect.recognizers.contact import PHONE_REGIONS, TextPrefilter
    from qualdeid.detect.recognizers.national_ids import DigitRunPrefilter

    plain = [EmailRecognizer(), PhoneRecognizer(supported_regions=PHONE_REGIONS), UrlRecognizer(), IpRecognizer()]
    # the prefiltered recognizers are the ones detection registers (test_number_prefilter.py: the others)
    assert [
        type(r)
        for r in predefined_recognizers()
        if isinstance(r, TextPrefilter) and not isinstance(r, DigitRunPrefilter)
    ] == [type(r) for r in contact_recognizers()]
    kinds = set()
    for fast, slow in zip(contact_recognizers(), plain, strict=True):
        got = {(r.start, r.end, r.entity_type) for r in fast.analyze(text, fast.supported_entities, None)}
        want = {(r.start, r.end, r.entity_type) for r in slow.analyze(text, slow.supported_entities, None)}
        assert got == want
        assert fast.name == slow.name
        kinds |= {kind for _, _, kind in got}
    assert len(kinds) == expected


@pytest.mark.parametrize(
    ("phrase", "unmarked"),
    [
        ("Scotland", True),
        ("Auslan", True),
        ("OT", True),
        ("Groups", True),
        ("Day Centre", True),
        ("Kilbarrack", False),
        ("Fernhill Community Mental Health Team", False),
    ],
)
def test_unmarked_place_phrases_for_filtering_ner(phrase: str, unmarked: bool) -> None:
    assert place_lexicon(Rules()).is_unmarked_place(phrase) is unmarked


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("her sister texted from kirkcaldy last night", "kirkcaldy"),
        ("He grew up out near Moose Jaw, on a farm.", "Moose Jaw"),
        ("we got the bus to timaru and back", "timaru"),
        ("She moved to Dubbo in the spring.", "Dubbo"),
        # (with its street before it, the whole address is one place: test_informal_international.py)
        ("Kelso Peer Network, Kirkcaldy KY1 1XX\n07700 900218", "Kirkcaldy"),
        ("Neither did half of Timaru, apparently.", "Timaru"),
    ],
)
def test_towns_after_a_place_word_in_any_case(analyzer: AnalyzerEngine, text: str, span: str) -> None:
    assert found(analyzer, text).get(span) == "LOCATION"


@pytest.mark.parametrize(
    "text",
    [
        "i went in the bath then back to reading my book",
        "the shop had a sale on so we went to sale prices",
        "I gave it to grace and then to Hope.",
    ],
)
def test_towns_that_are_everyday_words_or_names_need_more(analyzer: AnalyzerEngine, text: str) -> None:
    assert "LOCATION" not in found(analyzer, text).values()
