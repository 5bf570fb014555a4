"""The finaliser drops what is not an identifier and trims what the annotation leaves out (issue 13,
token precision): NER's weekdays, languages, field labels and everyday words; the name detector's
languages, peoples, roles and fields; dates, names, ages and rare details without the words around
them. Spans are given by hand, so each rule is tested alone; the texts are invented.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import ECHO_REASON, NER_DETECTOR, Finaliser
from qualdeid.labels import AGE, DATE_TIME, ID, LOCATION, ORGANIZATION, PERSON, RARE_DETAIL
from qualdeid.rules import Rules

if TYPE_CHECKING:
    from qualdeid.detect import Detector

NAMES = "names"


@pytest.fixture(scope="module")
def finaliser() -> Finaliser:
    return Finaliser(Rules())


def _spans(text: str, found: list[tuple[str, str, str]]) -> list[Span]:
    """Spans given as (surface, label, detector): the surface's first occurrence in text."""
    return [
        Span(text.index(surface), text.index(surface) + len(surface), label, score=0.85, detector=detector)
        for surface, label, detector in found
    ]


def _final(finaliser: Finaliser, text: str, found: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in finaliser.spans(text, _spans(text, found))]


DROPPED = [
    # NER on a template's question heading and on a form's numbered section heading in capitals
    ("Went for a walk.\n\nHELPFUL?\nMostly yes.", "HELPFUL", ORGANIZATION, NER_DETECTOR),
    ("2. PERSONNE À CONTACTER\nNom : Dorval", "PERSONNE À CONTACTER", ORGANIZATION, NER_DETECTOR),
    # a research role in another language, a form's field in another language, a kin word of Ulster and Scotland
    ("Entrevistadora: ¿Y después?\nDon Ermenegildo: Nada.", "Entrevistadora", PERSON, NAMES),
    ("Nom : Dorval\nPrénom : Ysolde", "Nom", PERSON, NAMES),
    ("Referred by: T. Vallow\nDesignation: Outreach Officer", "Designation", PERSON, NAMES),
    ("Granda went out after the sheep at noon.", "Granda", PERSON, NAMES),
    ("Spoke alone w/ YP under the tree.", "YP", ORGANIZATION, NER_DETECTOR),  # case notes' young person
    # NER on weekdays, a language with everyday words, a field's label, everyday words opening a list
    ("She only comes in on Tues & Weds now.", "Tues & Weds", ORGANIZATION, NER_DETECTOR),
    ("Rota: Busy Sat, off Sun.", "Busy Sat", ORGANIZATION, NER_DETECTOR),
    ("Drop-in open Tue-Thu, closed Monday.", "Tue-Thu", ORGANIZATION, NER_DETECTOR),
    ("Spoke Wolof with the volunteer.", "Spoke Wolof", ORGANIZATION, NER_DETECTOR),
    ("Member ID: 55310", "Member ID", ORGANIZATION, NER_DETECTOR),
    ("Puzzles, snacks and the bus timetable.", "Puzzles", PERSON, NER_DETECTOR),
    ("Nightmares most nights, appetite poor.", "Nightmares", PERSON, NER_DETECTOR),
    ("Music: the choir at two.", "Music", PERSON, NER_DETECTOR),
    ("the Wolof and Fula speakers", "Wolof", LOCATION, NER_DETECTOR),
    ("her gran speaks only Hiligaynon at home", "Hiligaynon", LOCATION, NER_DETECTOR),  # a language alone
    ("an interpreter in Nahuatl, please", "Nahuatl", ORGANIZATION, NER_DETECTOR),
    # the name detector on languages, peoples, faiths, roles and fields
    ("Languages: Uzbek/Tajik, some English", "Uzbek/Tajik", PERSON, NAMES),
    ("a Malawian choir sang", "Malawian", PERSON, NAMES),
    ("with the Baptist congregation", "Baptist", PERSON, NAMES),
    ("Bolivian Quechua family, newly arrived", "Bolivian Quechua", PERSON, NAMES),
    ("Coordinator: please sign below", "Coordinator", PERSON, NAMES),
    # jobs, credentials, record and clinical abbreviations, numbers without a word
    ("Signed, Senior Housing Officer", "Senior Housing Officer", ORGANIZATION, NER_DETECTOR),
    ("Kind regards, Principal Lecturer", "Principal Lecturer", PERSON, NER_DETECTOR),
    ("Tenancy Support Worker on leave", "Tenancy Support Worker", PERSON, NAMES),
    ("seen by the LCSW today", "LCSW", ORGANIZATION, NER_DETECTOR),
    ("URN 88213, ward 4", "URN", PERSON, NAMES),
    ("Bloods: CRP and TSH normal", "TSH", ORGANIZATION, NER_DETECTOR),
    ("Survey (n=9) returned", "n=9", ORGANIZATION, NER_DETECTOR),
    # study codes and headings; a feast kept around the world, without a year
    ("Session R4 notes follow", "Session R4", ORGANIZATION, NER_DETECTOR),
    ("Interview K-07, second visit", "Interview K-07", ORGANIZATION, NER_DETECTOR),
    ("RIVA-P22 transcript, page 3", "RIVA-P22", ORGANIZATION, NER_DETECTOR),
    # an event that a place's frame or NER read as a place
    ("we met at Global Kindness Day in the park", "Global Kindness Day", LOCATION, "PlaceContextRecognizer"),
    ("a stall at the Harvest Fair", "Harvest Fair", LOCATION, NER_DETECTOR),
    # an everyday place written in lower case, in one word or more
    ("we sat in the tea room after", "tea room", ORGANIZATION, NER_DETECTOR),
    ("Findings: she laughed at that", "Findings", ORGANIZATION, NER_DETECTOR),
    ("We had a quiet Christmas at the house.", "Christmas", DATE_TIME, NER_DETECTOR),
    # a holiday NER took for a person or a place; countries, peoples, faiths and languages the lists name
    ("Quiet week, then Easter with the kids.", "Easter", PERSON, NER_DETECTOR),
    ("She flew back to Moldova for a month.", "Moldova", LOCATION, NER_DETECTOR),
    ("His brother drives trucks out of Nebraska now.", "Nebraska", LOCATION, NER_DETECTOR),
    ("the NP changed her meds on Friday", "NP", ORGANIZATION, NER_DETECTOR),
    ("a Kaurna elder opened the day", "Kaurna", PERSON, NAMES),
    ("his Hutterite cousins came down", "Hutterite", ORGANIZATION, NER_DETECTOR),
    ("the clinic never listens to Samoans, she said", "Samoans", PERSON, NAMES),
    ("two Tuareg families joined the group", "Tuareg", ORGANIZATION, NER_DETECTOR),
    ("the forms in isiNdebele arrived", "isiNdebele", LOCATION, NER_DETECTOR),
    # te reo Māori and Pacific greetings and words
    ("Ngā mihi nui, talk soon", "Ngā", PERSON, NAMES),
    ("Meitaki maata for the lift", "Meitaki", PERSON, NER_DETECTOR),
    # thanks, greetings and sign-offs in other languages
    ("Kiitos! See you at the hall", "Kiitos", ORGANIZATION, NER_DETECTOR),
    ("Takk for the photos", "Takk", PERSON, NAMES),
    ("Buenas tardes a todos", "Buenas", PERSON, NER_DETECTOR),
    ("Met vriendelijke groet,\nthe front desk", "Met vriendelijke groet", ORGANIZATION, NER_DETECTOR),
    ("Viele Grüße aus dem Büro", "Viele Grüße", PERSON, NER_DETECTOR),
    ("Eid this year was quiet for him", "Eid this year", DATE_TIME, "HolidayRecognizer"),
    ("the fireworks at Diwali scared the dog", "Diwali", DATE_TIME, "HolidayRecognizer"),
    # a harvest, new-year or autumn festival whole peoples keep wherever they live, named alone
    ("we made dumplings for Losar at the hall", "Losar", DATE_TIME, "HolidayRecognizer"),
    ("the kids danced at the Onam lunch", "Onam", DATE_TIME, "HolidayRecognizer"),
    ("she flew home for Tết this time", "Tết", DATE_TIME, "HolidayRecognizer"),
    # a heading in two languages whose English side is a document's kind or an everyday word
    (
        "Sitzungsprotokoll Quellwerk / Minutes of the meeting",
        "Sitzungsprotokoll Quellwerk / Minutes",
        ORGANIZATION,
        NER_DETECTOR,
    ),
    ("4. Absprachen / Agreements\n- lunch at noon", "Absprachen / Agreements", ORGANIZATION, NER_DETECTOR),
    # a festival named without its "Festival"
    ("the Dragon Boat picnic by the river", "Dragon Boat", ORGANIZATION, NER_DETECTOR),
    # a prayer time, a rite; a school named by its kind in Irish
    ("we could finish before Jummah on Fridays", "Jummah", LOCATION, NER_DETECTOR),
    ("stayed on after the Kiddush to help", "Kiddush", PERSON, NAMES),
    # God's name and praise said with it in a chat, written apart
    ("ok see you then Insha Allah", "Insha Allah", PERSON, NAMES),
    ("thank you sister, Allah is kind", "Allah", PERSON, NAMES),
    ("hopes the Bunscoil will print it", "Bunscoil", ORGANIZATION, NER_DETECTOR),
    # a language the lists lack, by its frame
    ("She speaks Ewenki at home", "Ewenki", ORGANIZATION, NER_DETECTOR),
    ("Languages: Russian, Chukchi, some English", "Chukchi", PERSON, NAMES),
    # ... in a list of languages, a field after another on its line, after "answers in"
    ("He speaks Ewenki and Finnish from his years up north", "Ewenki", PERSON, NAMES),
    ("At home they talk in Finnish or Ewenki.", "Ewenki", PERSON, NAMES),
    # translated, transcribed, interpreted or explained from or in it
    ("Transcript translated from Ewenki by the team.", "Ewenki", PERSON, NAMES),
    ("the form was explained orally in Ewenki first", "Ewenki", PERSON, NAMES),
    ("a translation of the Ewenki parts is below", "Ewenki", PERSON, NAMES),
    ("Interviews were in North Sámi, Ewenki, Norwegian or a mix", "Ewenki", PERSON, NAMES),
    ("Languages:  [x] Tamil   [ ] Ewenki/Finnish", "Ewenki", PERSON, NAMES),
    ("DOB: 02/11/2009 Home language(s): [X] Ewenki  [ ] Somali", "Ewenki", PERSON, NAMES),
    ("Languages at home: [x] Ewenki  [x] Arabic", "Ewenki", ORGANIZATION, NER_DETECTOR),
    ("when tired she answers in Ewenki and stops", "Ewenki", PERSON, NAMES),
    ("you can write to me, in Ewenki, English or German", "Ewenki", PERSON, NAMES),
    # ... and a variety of a listed language
    ("Sessions ran in Inari Sámi, Skolt Sámi and Finnish", "Skolt Sámi", PERSON, NAMES),
    ("two coders (Afaan Oromo, Tigrinya, French)", "Afaan", PERSON, NAMES),
    # the first word of a greeting in te reo Māori or a Pacific language
    ("Kia ora koutou, welcome back", "Kia", PERSON, NAMES),
    ("Mālō e lelei everyone", "Mālō", PERSON, NER_DETECTOR),
    # a range of hours or ages read as a code
    ("Drop-in, Thursdays 9-11 at the library", "9-11", ID, "CodeRecognizer"),
    # a nation-wide public body or benefit named alone; a speaker's role in capitals; an eponymous condition
    ("his Medicaid card was in the drawer", "Medicaid", ORGANIZATION, NER_DETECTOR),
    # a focus group or a chat named by what it is, a currency code, a service's abbreviation
    ("Focus group 4 ran long that day", "Focus group 4", ORGANIZATION, NER_DETECTOR),
    ("the rest was copied from the WhatsApp Chat", "WhatsApp Chat", ORGANIZATION, NER_DETECTOR),
    ("the fee was 60 EUR a month", "EUR", ORGANIZATION, NER_DETECTOR),
    ("referred on to PSS for now", "PSS", ORGANIZATION, NER_DETECTOR),
    ("she gets Pension Credit now", "Pension Credit", ORGANIZATION, NER_DETECTOR),
    ("MOD: Shall we start?\nOBS: [notes]", "OBS", ORGANIZATION, NER_DETECTOR),
    ("FACIL: [speaks Tigrinya] She says yes.", "FACIL", PERSON, NAMES),
    # thanks in Welsh; a relative, a role; software; a region across borders
    ("Tapadh leat for the lift, see you Tuesday", "Tapadh leat", PERSON, NER_DETECTOR),
    ("Grandmother told him to stop", "Grandmother", PERSON, NER_DETECTOR),
    ("Landlady still hasn't fixed the boiler", "Landlady", PERSON, NER_DETECTOR),
    ("ran the survey in Qualtrics", "Qualtrics", ORGANIZATION, NER_DETECTOR),
    ("he rode a motorbike across Siberia", "Siberia", LOCATION, NER_DETECTOR),
    ("lost his licence after a DWI in May", "DWI", ORGANIZATION, NER_DETECTOR),
    ("consultant psychiatrist, MRCPsych", "MRCPsych", ORGANIZATION, NER_DETECTOR),
    ("Diagnosed with Asperger's at nine.", "Asperger", PERSON, NAMES),
    # a body named only by what it does
    (
        "The Research Ethics Committee wants the forms by Friday.",
        "Research Ethics Committee",
        ORGANIZATION,
        NER_DETECTOR,
    ),
    ("Next hearing of the Review Board is in June.", "Review Board", ORGANIZATION, NER_DETECTOR),
    # NER's place on a lower-case everyday word after a determiner no place name takes
    ("she folded the towel into a heron for the kids", "heron", LOCATION, NER_DETECTOR),
    ("he kept the tools out past my shed", "shed", LOCATION, NER_DETECTOR),
    # the everyday word that opens a job's title, read alone as a name; a job alone in brackets
    ("Signed: K. Ferris (Social Worker, East Team)", "Social", PERSON, NAMES),
    ("Reviewed: P. Amadi (Service Manager)", "Service", PERSON, NAMES),
    ("Checked by R. Lund (Treasurer)", "Treasurer", PERSON, NAMES),
    # times of day, alone or as a range, whose digits look like a day and a month
    ("Visit: 03/06/2024, 14:00-16:30. Present: me", "14:00-16:30", DATE_TIME, NER_DETECTOR),
    ("Time of fall: approx. 3.50 pm, by the door", "approx. 3.50 pm", DATE_TIME, NER_DETECTOR),
    ("Next appt: 9 May, 10.45, with the nurse", "10.45", DATE_TIME, NER_DETECTOR),
    ("Everyone wore full PPE in the laundry.", "PPE", ORGANIZATION, NER_DETECTOR),  # a clinical term
    # a range of numbers that is no day and month either way round: ages, minutes
    ("The walkers were aged 19-27 and met twice.", "19-27", DATE_TIME, NER_DETECTOR),
    ("Sessions lasted 40-75 minutes each.", "40-75", DATE_TIME, NER_DETECTOR),
    # a document's kind in a title line
    ("OUTREACH TEAM - NIGHT SHIFT HANDOVER\nDate: 2 May", "NIGHT SHIFT HANDOVER", ORGANIZATION, NER_DETECTOR),
    (
        "Please return the Trip Consent & Medical Form by Friday",
        "Trip Consent & Medical Form",
        ORGANIZATION,
        NER_DETECTOR,
    ),
    # NER's person on a title alone, or on an everyday word opening a sentence that no name list holds
    ("To whom it may concern, Dear Sir or Madam,", "Madam", PERSON, NER_DETECTOR),
    ("He grinned: \"you're coming, Sergeant's orders\".", "Sergeant", ORGANIZATION, NER_DETECTOR),
    ("He is a former Marine, did two tours.", "Marine", ORGANIZATION, NER_DETECTOR),
    ("Flat 9 again. Lift was out so I took the stairs.", "Lift", PERSON, NER_DETECTOR),
    ("Summary\nTenant says the heater is broken.", "Tenant", PERSON, NER_DETECTOR),
    ("2. What helped\nHelpful was that nobody rushed.", "Helpful", LOCATION, NER_DETECTOR),
    ("Notes\nWet Monday at the allotment.", "Wet", LOCATION, NER_DETECTOR),
    ("Regards, Ana Ruiz, Deputy Principal", "Principal", LOCATION, NER_DETECTOR),
    # a sentence's end inside a name's span, with no name on either side
    ("her badge says Charge Nurse. The ward was full", "Nurse. The", PERSON, NAMES),
    # a title alone in brackets after a name, or beside a form's tick box
    ("Yours sincerely,\nMarisabel Brannock (Mrs)\nTreasurer", "Mrs", PERSON, NAMES),
    ("Title: [ ] Mr  [x] Mrs  [ ] Ms", "Mrs", PERSON, NAMES),
    ("Title: Ms     First name: Fenella\nSurname: Brennock", "Ms", PERSON, NAMES),  # a title field's value alone
    ("Title: Mr [ ]  Ms [x]", "Mr", PERSON, NAMES),
    # NER's place or organisation written all in lower case: words, not a town or a named body
    ("we took the quad out to the ice road at dusk", "ice road", LOCATION, NER_DETECTOR),
    ("we had tea and a tin of brandysnaps after", "brandysnaps", ORGANIZATION, NER_DETECTOR),
    ("y la tía trajo las gallinas ayer", "las gallinas", LOCATION, NER_DETECTOR),
    # the name rules' person found again in a feast, a country or a language that no name list holds (NER
    # read it as a person once, in another document)
    ("Off until after Hanukkah, back on the 3rd.", "Hanukkah", PERSON, NAMES),
    ("Kessling Lodge, Ulaanbaatar, Mongolia", "Mongolia", PERSON, NAMES),
    ("She takes English lessons on Tuesdays.", "English", PERSON, "short_forms"),
    # a rare detail of one word besides grammar words, and that word common: nothing rare is said
    ("my dad who moved there in 1983 for the work", "moved", RARE_DETAIL, "rare"),
    ("he did it for 40 years and never once", "for 40 years", RARE_DETAIL, "rare"),
    # what field notes did at the time stamp opening a line: an everyday word, no listed first name
    ("Notes, Tues\n\n10:40 Marquee up, long tables.\n11:00 Doors open.", "Marquee", PERSON, NER_DETECTOR),
    ("Notes\n07:55 Breakfast. Radio on.", "Breakfast", PERSON, NER_DETECTOR),
    ("[1315] Prayers, then the walk back.", "Prayers", PERSON, NER_DETECTOR),
    # NER's body or place over the time stamp and the everyday words after it
    ("Notes, Thurs\n17:50 Supper. Quiet hall.", "17:50 Supper", ORGANIZATION, NER_DETECTOR),
    ("Notes\n09:10 Van late again.", "09:10 Van late", ORGANIZATION, NER_DETECTOR),
    ("Notes\n08:40 Woman (F, 50s) at the gate.", "08:40 Woman (F", ORGANIZATION, NER_DETECTOR),
    # case notes' shorthand: a home visit, a focus group, a grandmother
    ("14/03 HV at the flat, all well.", "HV", ORGANIZATION, NER_DETECTOR),
    ("Said the same at the FG last week.", "FG", ORGANIZATION, NER_DETECTOR),
    ("MGM insists on walking them to school.", "MGM", ORGANIZATION, NER_DETECTOR),
]


@pytest.mark.parametrize(("text", "surface", "label", "detector"), DROPPED)
def test_not_an_identifier_is_dropped(finaliser: Finaliser, text: str, surface: str, label: str, detector: str) -> None:
    assert _final(finaliser, text, [(surface, label, detector)]) == []


KEPT = [
    # a body's capitalised name after a line's time stamp
    ("Notes\n10:30 Red Cross van arrived.", "10:30 Red Cross", ORGANIZATION, NER_DETECTOR),
    ("Notes\n10:30 Quellwick Trust rang.", "10:30 Quellwick", ORGANIZATION, NER_DETECTOR),
    # a numbered list of people in capitals is no section heading; a question line with a name is no template's
    ("Signed up:\n1. QUORIN VASHTELL\n2. MIREK DALLOWAY", "QUORIN VASHTELL", PERSON, NAMES),
    ("Who rang?\nQuorin Vashtell?\nyes", "Quorin Vashtell", PERSON, NER_DETECTOR),
    # names that are words, towns that are words, numbered roads, a language that is a given name
    ("Ember rang at noon about the van.", "Ember", PERSON, NER_DETECTOR),
    ("Orla, can you ring me back?", "Orla", PERSON, NER_DETECTOR),
    ("She moved to Wigan last spring.", "Wigan", LOCATION, NER_DETECTOR),
    ("we drove back to wigan after tea", "wigan", LOCATION, NER_DETECTOR),  # lower case, no determiner
    ("she grew up in port quillan near the coast", "port quillan", LOCATION, NER_DETECTOR),
    ("a lay-by on Highway 61 near the bridge", "Highway 61", LOCATION, NER_DETECTOR),
    ("Tatar brought scones for everyone.", "Tatar", PERSON, NAMES),
    ("thanks Thaís, see you Monday", "Thaís", PERSON, NER_DETECTOR),  # not the plural of a people
    ("Aunty will drive her to the clinic.", "Aunty", PERSON, NAMES),
    ("we rang (Aunty) twice about the keys", "Aunty", PERSON, NAMES),  # a kin word, no title, in brackets
    ("Signed: Ormerod (Mrs Tillsey's son)", "Mrs Tillsey", PERSON, NAMES),  # a title with a name
    ("Thanks, Tuesday Okonjo", "Tuesday Okonjo", PERSON, NAMES),
    ("the Sunday Bakehouse on Kells Road", "Sunday Bakehouse", ORGANIZATION, "NamedPlaceRecognizer"),
    # a name before a job, initials that are also an abbreviation, initials joined
    ("Thanks to Senior Nurse Ngata", "Senior Nurse Ngata", PERSON, NAMES),
    ("Seen by Hollis Manager at nine", "Hollis", PERSON, NAMES),  # a surname before a job: no everyday word
    ("Tempest was covering his mouth again.", "Tempest", PERSON, NER_DETECTOR),  # a word that is a given name
    ("the Harrowgate Carers Newsletter came", "Harrowgate Carers Newsletter", ORGANIZATION, NER_DETECTOR),
    ("We went up. Ozturk was waiting.", "Ozturk", PERSON, NER_DETECTOR),  # no everyday word
    ("the card is with Lift at the desk", "Lift", PERSON, NER_DETECTOR),  # not opening a sentence
    ("Bath was packed on Saturday.", "Bath", LOCATION, NER_DETECTOR),  # a town that is a word
    ("Charity set two alarms. I told Charity to rest.", "Charity", PERSON, NER_DETECTOR),  # capitalised mid-sentence
    ("we met the Tesco manager outside", "Tesco", ORGANIZATION, NER_DETECTOR),  # a job in lower case
    ("Dates: 10.11 and 12.11, both at the hall", "10.11", DATE_TIME, NER_DETECTOR),  # may be a day and a month
    ("The fair runs 11-19 at the hall", "11-19", DATE_TIME, NER_DETECTOR),  # may be a month and a day
    ("DM (volunteer) opened up at nine", "DM", PERSON, NAMES),
    ("R & J sorted the raffle again", "R & J", ORGANIZATION, NER_DETECTOR),
    # a name beside a language, after a verb that is not one of speaking
    ("Mirela and Tamsin came; Tamsin speaks Catalan", "Mirela", PERSON, NAMES),
    ("asked Idris and the Somali family", "Idris", PERSON, NAMES),
    ("Interpreter: yes, Somali, Idris by phone", "Idris", PERSON, NAMES),
    ("Language: Somali   Interpreter: Idris", "Idris", PERSON, NAMES),
    ("the interpreter Idris was late", "Idris", PERSON, NAMES),
    # a name beside one language, or before a people as an adjective, is no item of a list of languages
    ("Somali and Xiomara came late", "Xiomara", PERSON, NAMES),
    ("Somali and Tegan came late", "Tegan", PERSON, NAMES),
    ("Xiomara and Somali women came", "Xiomara", PERSON, NAMES),
    ("Tigrinya, Xiomara (interpreter)", "Xiomara", PERSON, NAMES),
    ("talked to Xiomara in the car", "Xiomara", PERSON, NAMES),
    ("He taught her chess in Tamil and Xiomara taught him cards", "Xiomara", PERSON, NAMES),
    # "answers in", "talked in" before a place or a possessive is where
    ("we talked in Vantby after the match", "Vantby", LOCATION, NER_DETECTOR),
    ("we talked in Xiomara's kitchen", "Xiomara", PERSON, NAMES),
    # a place in a language field's brackets; a variety after "speaks" may be a rare detail kept whole
    ("Languages: Finnish, Swedish (grandmother from Vantby), some English", "Vantby", LOCATION, NER_DETECTOR),
    ("He speaks Lowland Welsh, the accent is different", "Lowland", PERSON, NAMES),
    # a field's label alone on its line before a name; "the only ... speaker" may be a rare detail
    ("Language:\nXiomara speaks only Tamil now", "Xiomara", LOCATION, NER_DETECTOR),
    ("she is the only Ewenki speaker in the group", "Ewenki", PERSON, NAMES),
    # a name in two languages, a side of it no everyday word alone
    (
        "Letter from Tarvoni Ühing / Tarvoni Family Circle today",
        "Tarvoni Ühing / Tarvoni Family Circle",
        ORGANIZATION,
        NER_DETECTOR,
    ),
    ("we met at Casa Quetzalli / Quetzalli House", "Casa Quetzalli / Quetzalli House", ORGANIZATION, NER_DETECTOR),
    # a feast with its year, a regional day
    ("Christmas 2019 was the last one at home", "Christmas 2019", DATE_TIME, NER_DETECTOR),
    ("Diwali 2021 was at her sister's", "Diwali 2021", DATE_TIME, "HolidayRecognizer"),
    ("Songkran 2022 was her last one at home", "Songkran 2022", DATE_TIME, "HolidayRecognizer"),
    ("Shiva rang about the rota", "Shiva", PERSON, NAMES),
    ("the ceilidh at Hogmanay Night went well", "Hogmanay Night", DATE_TIME, "HolidayRecognizer"),
    ("file ref 4471-209 kept", "4471-209", ID, "CodeRecognizer"),
    # a region's board of a national service; a surname that also names a condition; initials
    ("a letter from NHS Tayside came", "NHS Tayside", ORGANIZATION, NER_DETECTOR),
    ("Dr Parkinson saw him on the ward", "Parkinson", PERSON, NAMES),
    ("JAM: I think so, yes", "JAM", PERSON, NAMES),
    # a body with a name of its own
    ("She chairs the Kelmscott Licensing Board now.", "Kelmscott Licensing Board", ORGANIZATION, NER_DETECTOR),
    ("the NMC Fitness Committee met twice", "NMC Fitness Committee", ORGANIZATION, NER_DETECTOR),
    # a place whose last word is no event's head; a lower-case name with a word rare in English (a case
    # reference longer than a study's code: REFERENCES)
    ("met at the zenfield trust office", "zenfield trust", ORGANIZATION, NER_DETECTOR),
    ("we walked to Daybrook Green", "Daybrook Green", LOCATION, NER_DETECTOR),
    # a country that is a listed given name; capitals that may be initials
    ("Montserrat rang about the rota", "Montserrat", PERSON, NAMES),
    ("Present: UY, KT", "UY", PERSON, NAMES),
    # a rare detail of one word besides grammar words, that word rare
    ("she keeps ferrets", "keeps ferrets", RARE_DETAIL, "rare"),
    # ... or of more words, whose age or year was cut out of it ("... at fifteen")
    ("she had her first son at fifteen", "had her first son", RARE_DETAIL, "rare"),
    # after a line's time stamp: a listed first name, a word the notes write with a capital mid-sentence
    ("Notes\n10:40 Ember arrives with her son.", "Ember", PERSON, NER_DETECTOR),
    ("10:40 Tempest arrives late.\nI sat with Tempest after.", "Tempest", PERSON, NER_DETECTOR),
    # an agency of benefits or immigration named alone: the annotation marks it
    ("nobody from Centrelink called back", "Centrelink", ORGANIZATION, NER_DETECTOR),
]


@pytest.mark.parametrize(("text", "surface", "label", "detector"), KEPT)
def test_identifier_is_kept(finaliser: Finaliser, text: str, surface: str, label: str, detector: str) -> None:
    assert _final(finaliser, text, [(surface, label, detector)]) == [(surface, label)]


TRIMMED = [
    # dates: "between", a time of day, a field's label after it; two dates in one span
    ("Sent: Friday, 8 March 2024 3:15 PM", "Friday, 8 March 2024 3:15 PM", DATE_TIME, ["Friday, 8 March 2024"]),
    ("DOB: 14/02/1961 Age: 63", "14/02/1961 Age", DATE_TIME, ["14/02/1961"]),
    ("from March 2022 to May 2023", "March 2022 to May 2023", DATE_TIME, ["March 2022", "May 2023"]),
    ("Between 4 June 2021 and now", "Between 4 June 2021", DATE_TIME, ["4 June 2021"]),
    ("see you on the 12th at group", "on the 12th", DATE_TIME, ["12th"]),
    ("she left the farm around 2009", "around 2009", DATE_TIME, ["2009"]),
    # a chat stamp's time of day before its date, and its sender after the bracket
    ("[05:40, 27/11/2023] Quilla R: ok", "05:40, 27/11/2023] Quilla R", DATE_TIME, ["27/11/2023"]),
    ("Sent at 7:25 am 4 May 2023 by post", "7:25 am 4 May 2023", DATE_TIME, ["4 May 2023"]),
    # names: a note after a dash, a greeting, a role, a time of day
    ("Mirela Vasko - Romanian interpreter booked", "Mirela Vasko - Romanian", PERSON, ["Mirela Vasko"]),
    ("Hi Kalani, thanks for the lift", "Hi Kalani", PERSON, ["Kalani"]),
    ("Checked by Kalani Lolo RN", "Kalani Lolo RN", PERSON, ["Kalani Lolo"]),
    ("Seen by Dr Aroha Kemp MRCGP today", "Dr Aroha Kemp MRCGP", PERSON, ["Dr Aroha Kemp"]),
    ("Kasia Wrona 09:41: on my way", "Kasia Wrona 09:41", PERSON, ["Kasia Wrona"]),
    ("Noted by Ilse Brandt - prefers e-mail", "Ilse Brandt - prefers", PERSON, ["Ilse Brandt"]),
    # names: a sentence's end inside the span, an everyday verb opening the sentence, a relative or a
    # title written in lower case before the name (a capitalised title or an abbreviation's dot stays)
    ("It was his cousin. Tigist rang later", "cousin. Tigist", PERSON, ["Tigist"]),
    ("Took Kalani and Obinna to the pool.", "Took Kalani", PERSON, ["Kalani"]),
    ("Both Mrs Halvorsen and her son came.", "Both Mrs Halvorsen", PERSON, ["Mrs Halvorsen"]),
    # ... but an everyday word the text also writes with a capital inside a sentence is a name
    ("Both Kallis came. We thanked Both for it.", "Both Kallis", PERSON, ["Both Kallis"]),
    ("Duchess Okafor rang.", "Duchess Okafor", PERSON, ["Duchess Okafor"]),  # rarer than "Took"
    # ... a verb by its form, less common, opening a case note's sentence without its subject
    ("Texted Quorrin at home, all calm.", "Texted Quorrin", PERSON, ["Quorrin"]),
    ("Phoned Telmo re the bond.", "Phoned Telmo", PERSON, ["Telmo"]),
    ("Rang Telmo after lunch.", "Rang Telmo", PERSON, ["Telmo"]),
    ("Brings Vashti a lot lately.", "Brings Vashti", PERSON, ["Vashti"]),
    ("Rivers Quorrin rang.", "Rivers Quorrin", PERSON, ["Rivers Quorrin"]),  # a listed name
    ("Ate Quorrin came by.", "Ate Quorrin", PERSON, ["Ate Quorrin"]),  # a title as well as a verb
    # a relative or a title in lower case stays part of the name, as the annotation marks it
    ("lol grandpa teodor is a legend", "grandpa teodor", PERSON, ["grandpa teodor"]),
    ("Prof. Ilse Brandt opened it", "Prof. Ilse Brandt", PERSON, ["Prof. Ilse Brandt"]),
    ("see Aunty Tigist after", "Aunty Tigist", PERSON, ["Aunty Tigist"]),
    ("Hope Kallis rang today", "Hope Kallis", PERSON, ["Hope Kallis"]),
    # names: the next column of a form or a table row
    ("Reviewer: T. Okonjo     Signed\n", "T. Okonjo     Signed", PERSON, ["T. Okonjo"]),
    ("Keyworker\tMarit Holm\tConsent given", "Marit Holm\tConsent", PERSON, ["Marit Holm"]),
    # names: an initial keeps its full stop, as the annotation marks it, and is no article ("Q.A.")
    ("Later Q.A. and Z. fixed the bikes.", "Q.A", PERSON, ["Q.A."]),
    ("Met Ilse B. at the door.", "Ilse B", PERSON, ["Ilse B."]),
    # ages: the number only
    ("a 61 years old man", "61 years old", AGE, ["61"]),
    ("pt is a 45 y/o woman", "45 y/o", AGE, ["45"]),
    # rare details: the possessive and a dangling word left out
    ("she shows off his racing pigeons", "his racing pigeons", RARE_DETAIL, ["racing pigeons"]),
    ("he was a stilt-walker back then", "was a stilt-walker back", RARE_DETAIL, ["was a stilt-walker"]),
    ("I rode rodeo broncs for my uncle", "rode rodeo broncs for my", RARE_DETAIL, ["rode rodeo broncs"]),
]


@pytest.mark.parametrize(("text", "surface", "label", "expected"), TRIMMED)
def test_words_around_are_left_out(
    finaliser: Finaliser, text: str, surface: str, label: str, expected: list[str]
) -> None:
    assert _final(finaliser, text, [(surface, label, NAMES)]) == [(e, label) for e in expected]


def test_a_name_after_a_date_is_not_cut_off(finaliser: Finaliser) -> None:
    """ "Jun 3 2024 - Pim Vos": a dash inside a date span that is not between two dates stays."""
    text = "We met again on Jun 3 2024 - Pim Vos drove me there and we talked for an hour about the move."
    assert _final(finaliser, text, [("Jun 3 2024 - Pim Vos", DATE_TIME, NER_DETECTOR)]) == [
        ("Jun 3 2024 - Pim Vos", DATE_TIME)
    ]


def test_the_whole_pipeline_keeps_names_and_drops_words(detector) -> None:
    """Through spaCy, the recognizers and the name lists: the people and the town stay, the languages,
    the job, the weekdays and the feast do not (a rare detail may name a
    language: that is the rare finders' call)."""
    text = (
        "Home visit with Ignatius Obiora-Lund in Wigan on the 14th, his first since Christmas. He speaks "
        "Kinyarwanda and some Wolof, and his Eritrean neighbours drop in on Tues & Weds. The Senior Housing "
        "Officer came at 3:15 PM and Ignatius made tea for everyone."
    )
    found = [(s.text, s.label) for s in detector.detect_text(text).spans if s.label != RARE_DETAIL]
    texts = [t for t, _ in found]
    assert ("Ignatius Obiora-Lund", "PERSON") in found and ("Ignatius", "PERSON") in found
    assert "Wigan" in texts and any("14th" in t for t in texts)
    for word in ("Kinyarwanda", "Wolof", "Eritrean", "Tues", "Weds", "Christmas", "Officer"):
        assert not any(word in t for t in texts), (word, found)


def _rare(text: str, surface: str, reason: str, after: int = 0) -> Span:
    start = text.index(surface, after)
    return Span(start, start + len(surface), RARE_DETAIL, score=0.5, detector="rare", reason=reason)


ECHOED = f"unusual hobby or skill; {ECHO_REASON}"


def test_a_later_bare_mention_of_a_rare_detail_is_dropped(finaliser: Finaliser) -> None:
    """ "the hurdy-gurdy" after "used to play the hurdy-gurdy in a folk band": the first mention
    carries the detail, a later echo of it names the object only."""
    text = "Orla used to play the hurdy-gurdy in a folk band. Today the hurdy-gurdy came out and we all sang."
    framed = _rare(text, "used to play the hurdy-gurdy in a folk band", "unusual hobby or skill")
    echo = _rare(text, "the hurdy-gurdy", ECHOED, after=framed.end)
    assert [s.text for s in finaliser.spans(text, [framed, echo])] == ["used to play the hurdy-gurdy in a folk band"]


def test_an_echo_that_is_the_only_mention_or_may_hold_a_name_stays(finaliser: Finaliser) -> None:
    """The first mention in a document stays even when it is an echo; a later one with a capitalised
    rare word stays too (it may be a name no detector found); a framed later mention is the finders' call."""
    only = "He brought the hurdy-gurdy to group and everyone laughed."
    assert [s.text for s in finaliser.spans(only, [_rare(only, "the hurdy-gurdy", ECHOED)])] == ["the hurdy-gurdy"]
    text = "Orla used to play the hurdy-gurdy. Later Zephrine - hurdy-gurdy group. Now she plays the hurdy-gurdy."
    framed = _rare(text, "used to play the hurdy-gurdy", "unusual hobby or skill")
    named = _rare(text, "Zephrine - hurdy-gurdy group", ECHOED)
    again = _rare(text, "plays the hurdy-gurdy", "unusual hobby or skill")
    assert [s.text for s in finaliser.spans(text, [framed, named, again])] == [
        "used to play the hurdy-gurdy",
        "Zephrine - hurdy-gurdy group",
        "plays the hurdy-gurdy",
    ]


def test_the_rare_finders_echoes_are_dropped_after_the_first_mention(tmp_path) -> None:
    """Through the whole pipeline, in a project that flags bare mentions (``echo_mentions: 1``): the
    rare finders mark an unframed "the ferret" as an echo of a detail framed elsewhere (the reason the
    finaliser reads); in a document only its first mention stays."""
    from qualdeid.corpus import Document
    from qualdeid.detect import DetectConfig, Detector

    (tmp_path / "rare").mkdir()
    (tmp_path / "rare" / "frames.yaml").write_text("thresholds:\n  echo_mentions: 1\n", encoding="utf-8")
    detector = Detector(DetectConfig(rules_dirs=[tmp_path]))

    texts = [
        "Kasimir used to breed ferrets on a farm near the coast before he got unwell.",
        "Kasimir keeps a ferret in his flat. Later the ferret escaped and hid under the sofa. The ferret is fine.",
        "Group was quiet. Someone brought a ferret in a box and the ferret slept all afternoon.",
    ]
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    rare = [[s for s in doc.spans if s.label == RARE_DETAIL] for doc in docs]
    assert [s.text for s in rare[1]] == ["keeps a ferret in his flat"]
    assert [s.text for s in rare[2]] == ["a ferret"] and ECHO_REASON in (rare[2][0].reason or "")


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        ("At tea she spoke to him in Estonian and he smiled.", "spoke to him in Estonian", False),
        ("Her neighbour speaks Hungarian, so they chat.", "speaks Hungarian", False),
        ("Speaking Dutch with him helped.", "Speaking Dutch", False),
        ("He sat with us all evening.", "with", False),
        ("She speaks fluent Faroese and teaches it online.", "speaks fluent Faroese", True),
        ("He taught himself Esperanto from a library book.", "taught himself Esperanto from a library book", True),
        ("She has eleven grandchildren in three countries.", "has eleven grandchildren", True),
    ],
)
def test_a_rare_detail_of_only_common_words_or_a_spoken_language_is_dropped(
    finaliser: Finaliser, text: str, surface: str, kept: bool
) -> None:
    """The language someone speaks, or a finder's leftover of common words, is no rare fact; a language
    with a mark of skill or of how it was learned is (the rare finders decide which)."""
    span = _rare(text, surface, "speaks or signs a less common language")
    assert [s.text for s in finaliser.spans(text, [span])] == ([surface] if kept else [])


def test_a_rare_detail_split_around_a_place_leaves_its_preposition(finaliser: Finaliser) -> None:
    """ "used to drive the ice resurfacer at <Kelmscott Rink>": the place keeps its label, the detail
    keeps its phrase without the dangling "at"."""
    text = "He used to drive the ice resurfacer at Kelmscott Rink most winters."
    found = [
        ("used to drive the ice resurfacer at Kelmscott Rink", RARE_DETAIL, "rare"),
        ("Kelmscott Rink", LOCATION, "NamedPlaceRecognizer"),
    ]
    assert _final(finaliser, text, found) == [
        ("used to drive the ice resurfacer", RARE_DETAIL),
        ("Kelmscott Rink", LOCATION),
    ]


SPLIT_DETAILS = [
    # "daily", cut off behind the place, says nothing rare on its own
    ("She rowed dragon boats at Pelmore Pier daily.", "daily", []),
    # a rare word does, and so do two words
    ("He whittled toys at Pelmore Pier with a hatchet.", "with a hatchet", [("with a hatchet", RARE_DETAIL)]),
    ("He sold kites at Pelmore Pier every summer.", "every summer", [("every summer", RARE_DETAIL)]),
]


@pytest.mark.parametrize(("text", "tail", "tail_kept"), SPLIT_DETAILS)
def test_a_piece_of_a_split_detail_after_the_first_needs_a_rare_word(
    finaliser: Finaliser, text: str, tail: str, tail_kept: list[tuple[str, str]]
) -> None:
    """ "rowed dragon boats at <Pelmore Pier> daily": the place keeps its label, the detail's first piece its
    phrase; a later piece stays only with a rare word or two words."""
    detail = text[text.index(" ") + 1 : text.index(tail) + len(tail)]
    found = [(detail, RARE_DETAIL, "rare"), ("Pelmore Pier", LOCATION, "NamedPlaceRecognizer")]
    head = detail[: detail.index(" at ")]
    assert _final(finaliser, text, found) == [(head, RARE_DETAIL), ("Pelmore Pier", LOCATION), *tail_kept]


def test_an_echo_of_a_job_the_service_provides_is_dropped(finaliser: Finaliser) -> None:
    """ "Interpreter: booked": an echo of a detail framed elsewhere ("worked as an interpreter") that is only
    a job title is the service's interpreter, no one's past; framed, it stays (the finders' call)."""
    text = "Interpreter: booked for Tuesday. She had worked as an interpreter in the courts."
    echo = _rare(text, "Interpreter", ECHOED)
    framed = _rare(text, "worked as an interpreter in the courts", "unusual occupation")
    assert [s.text for s in finaliser.spans(text, [echo, framed])] == ["worked as an interpreter in the courts"]


def test_a_greeting_left_of_a_name_cut_out_of_an_organisation_is_dropped(finaliser: Finaliser) -> None:
    """NER's "Kia ora Tamsin" as one organisation: the name keeps its label, the greeting is no organisation."""
    text = "Kia ora Tamsin, thanks for the lift on Friday."
    found = [
        Span(0, 14, ORGANIZATION, score=0.85, detector=NER_DETECTOR),
        Span(8, 14, PERSON, score=0.9, detector=NAMES),
    ]
    assert [(s.text, s.label) for s in finaliser.spans(text, found)] == [("Tamsin", PERSON)]


def test_a_form_s_name_labels_are_no_names(detector) -> None:
    """ "Title: Mr   Surname: ...": the labels of a form's name fields are fields, the values are names."""
    text = "PERSON REFERRED\nTitle: Mr    Surname: PONDAROSA    First name: Kavin\nFamily name: Oyelaran\n"
    found = [s.text for s in detector.detect_text(text).spans if s.label == PERSON]
    assert "PONDAROSA" in found and "Kavin" in found
    assert not any(label in t for t in found for label in ("Surname", "First name", "Family name")), found


def test_an_echo_that_names_only_a_relative_is_dropped(finaliser: Finaliser) -> None:
    """ "talking to the aunties": an echo of a detail framed elsewhere that is only a kinship word."""
    text = "I stayed inside talking to the aunties about the plan."
    assert finaliser.spans(text, [_rare(text, "the aunties", ECHOED)]) == []


@pytest.mark.parametrize(
    ("text", "found", "final"),
    [
        ("In the interview she said I'm a licensed falconer now.", "'m a licensed falconer", "a licensed falconer"),
        ("He told me I've a tame jackdaw at home.", "'ve a tame jackdaw", "a tame jackdaw"),
        ("I'd rowed the Minch alone once.", "'d rowed the Minch alone", "rowed the Minch alone"),
    ],
)
def test_a_detail_never_starts_with_the_tail_of_a_contraction(
    finaliser: Finaliser, text: str, found: str, final: str
) -> None:
    """Transcripts are full of "I'm", "I've", "I'd": a detail starting at spaCy's "'m" token loses the
    apostrophe at its edge, and must lose the rest of the contraction with it."""
    assert [s.text for s in finaliser.spans(text, [_rare(text, found, "unusual hobby or skill")])] == [final]


NAMED = {"Tobias Rendle": PERSON, "Larchfield Recovery College": ORGANIZATION}
ROLE_ABBREVIATIONS = [
    # defined in brackets as a role's initials or the start of its word; a letter taking turns with "I:"
    ("Present: facilitator (F), peer mentor (PM).\nF: Welcome back.\nPM: Thanks.", "PM", PERSON, False),
    ("Present: facilitator (F), peer mentor (PM).\nF: Welcome back.\nPM: Thanks.", "F", PERSON, False),
    ("Relay by the deaf interpreter (DI). Via DI she said no.", "DI", ORGANIZATION, False),
    ("Voiced by the interpreter (INTERP).\nINTERP: she means yes.", "INTERP", PERSON, False),
    ("I: How was the week?\nR: Long. I: Why?\nR: Work.", "R", PERSON, False),
    # a person's initials after the name, an organisation's acronym, letters with no interviewer's turn
    ("Notes by Tobias Rendle (TR). TR said the bus was late.", "TR", PERSON, True),
    ("Referred to Larchfield Recovery College (LRC) in May.", "LRC", ORGANIZATION, True),
    ("M: Hiya.\nJ: Hiya, all good?", "M", PERSON, True),
    # initials after words no detector took for a name, but too rare in English to be a role's
    ("Interviewer: Tauriki Wakelin (TW)\nTW: Kia ora.", "TW", PERSON, True),
]


@pytest.mark.parametrize(("text", "surface", "label", "kept"), ROLE_ABBREVIATIONS)
def test_an_abbreviation_for_a_role_is_no_one(
    finaliser: Finaliser, text: str, surface: str, label: str, kept: bool
) -> None:
    """ "participant (P)": the letter is a role, not someone's initial; spelt out after a name or as an
    organisation's acronym it stays what it stands for (the name or the acronym is given as found)."""
    named = [(name, kind, NER_DETECTOR) for name, kind in NAMED.items() if name in text]
    last = text.rindex(surface)
    found = Span(last, last + len(surface), label, score=0.85, detector=NAMES)
    final = finaliser.spans(text, [*_spans(text, named), found])
    assert ((surface, label) in [(s.text, s.label) for s in final]) == kept


def test_a_detail_half_the_corpus_shares_is_dropped_through_the_pipeline(detector: Detector) -> None:
    """Through the whole pipeline (the rare finders count the subjects and documents that share a
    detail): in a study where half the residents read braille, reading braille
    is no one's detail; in a corpus where one does, it is."""
    from qualdeid.corpus import Document

    people = ["Tobiah", "Marguerite", "Osei", "Lindqvar", "Pernille", "Dorcas", "Ruaidhri", "Zofia"]
    shared = [f"Sat with {n} in the lounge. {n} reads braille, so I brought the large menu back." for n in people]
    ordinary = ["Quiet shift, coffee and paperwork.", "Rain all day, we played cards.", "Long handover, then lunch."]

    def details(texts: list[str]) -> list[str]:
        docs = detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)])
        return [s.text for doc in docs for s in doc.spans if s.label == RARE_DETAIL]

    assert details(shared + ordinary * 3) == []
    assert details(shared[:1] + ordinary * 3) == ["reads braille"]


def test_no_greeting_is_a_name_the_name_lists_know(finaliser: Finaliser) -> None:
    """A greeting is dropped whoever found it, accents ignored: one that is also a given name or a
    surname ("Olá" is "Ola" without its accent) would drop that person wherever they are named."""
    greetings = Rules().words("lexicons/greetings.txt")
    unaccented = (
        "".join(c for c in unicodedata.normalize("NFKD", g) if not unicodedata.combining(c)) for g in greetings
    )
    both = sorted(g for g in unaccented if finaliser.names.is_name(g.title()))
    assert both == []


def test_a_chat_line_s_sender_after_its_time_is_no_date(finaliser: Finaliser) -> None:
    """NER reads "12/03/25, 9:41 AM - Kalolaine" as one date: the date stays, the time goes, the sender is
    the name the name detector found."""
    text = "12/03/25, 9:41 AM - Kalolaine: on my way\n"
    found = [("12/03/25, 9:41 AM - Kalolaine", DATE_TIME, NER_DETECTOR), ("Kalolaine", PERSON, NAMES)]
    assert _final(finaliser, text, found) == [("12/03/25", DATE_TIME), ("Kalolaine", PERSON)]
    # with no name, or only part of it, found after the dash, the date is left as it was read
    lone = "Jun 3 2024 - Orchard Row rota"
    assert _final(finaliser, lone, [("Jun 3 2024 - Orchard", DATE_TIME, NER_DETECTOR)])[0][0].startswith("Jun 3 2024")
    part = "12/03/25, 9:41 AM - Kalolaine the Brave: on my way\n"
    found = [("12/03/25, 9:41 AM - Kalolaine the", DATE_TIME, NER_DETECTOR), ("Kalolaine", PERSON, NAMES)]
    assert ("12/03/25", DATE_TIME) not in _final(finaliser, part, found)


RUN_ON = [
    # an organisation's span running on over a spaced dash or a column's gap into a heading's or a form's words
    (
        "QUENBY HEALTH TRUST - ADMISSION NOTE\nSeen today.",
        "QUENBY HEALTH TRUST - ADMISSION NOTE",
        "NamedPlaceRecognizer",
        ["QUENBY HEALTH TRUST"],
    ),
    (
        "School: Wrenfold Academy        Year: 9",
        "Wrenfold Academy        Year",
        "FormFieldRecognizer",
        ["Wrenfold Academy"],
    ),
    (
        "referred to Quenby Hospital - Day Surgery on Friday",
        "Quenby Hospital - Day Surgery",
        NER_DETECTOR,
        ["Quenby Hospital"],
    ),
    # ... but a person, a town or a name of its own on both sides keeps the span whole
    ("T. Vosper - Quenby Advice rang back", "T. Vosper - Quenby Advice", NER_DETECTOR, ["T. Vosper - Quenby Advice"]),
    ("Quenby Trust - Leeds office", "Quenby Trust - Leeds", NER_DETECTOR, ["Quenby Trust - Leeds"]),
]


@pytest.mark.parametrize(("text", "surface", "detector", "expected"), RUN_ON)
def test_an_organisation_loses_the_heading_it_runs_on_into(
    finaliser: Finaliser, text: str, surface: str, detector: str, expected: list[str]
) -> None:
    assert _final(finaliser, text, [(surface, ORGANIZATION, detector)]) == [(e, ORGANIZATION) for e in expected]


def test_the_heading_s_word_read_alone_is_no_organisation_either(finaliser: Finaliser) -> None:
    text = "QUENBY HEALTH TRUST - WELCOME\nSeen at home."
    found = [
        ("QUENBY HEALTH TRUST", ORGANIZATION, "NamedPlaceRecognizer"),
        ("QUENBY HEALTH TRUST - WELCOME", ORGANIZATION, NER_DETECTOR),
        ("WELCOME", ORGANIZATION, NER_DETECTOR),
    ]
    assert _final(finaliser, text, found) == [("QUENBY HEALTH TRUST", ORGANIZATION)]


def test_a_body_in_everyday_words_its_type_word_closes_is_no_heading_run_on_into(finaliser: Finaliser) -> None:
    """NER's span over a school named in everyday words and the heading after it: the school its type word
    closes stays, though every word of it is common in English (issue 13: a recall loss of the letterhead)."""
    text = "Meadow Brook Primary School - Wellbeing / FSW case notes\nSeen at home."
    found = [
        ("Meadow Brook Primary School", ORGANIZATION, "NamedPlaceRecognizer"),
        ("Meadow Brook Primary School - Wellbeing / FSW", ORGANIZATION, NER_DETECTOR),
    ]
    assert ("Meadow Brook Primary School", ORGANIZATION) in _final(finaliser, text, found)
    # without the type word's reading, the everyday words are still the heading's
    assert ("Meadow Brook Primary School", ORGANIZATION) not in _final(finaliser, text, found[1:])


def test_a_word_the_document_uses_as_a_language_is_one_wherever_it_stands(finaliser: Finaliser) -> None:
    text = "Phone call. Mum speaks Tarvish, some Arabic.\nNext week: interpreter booked, Tarvish again."
    first, second = text.index("Tarvish"), text.rindex("Tarvish")
    found = [Span(i, i + len("Tarvish"), PERSON, score=0.85, detector=NAMES) for i in (first, second)]
    assert finaliser.spans(text, found) == []


def test_a_listed_name_the_document_also_uses_as_a_language_stays_a_name(finaliser: Finaliser) -> None:
    text = "The family speaks Tatar at home.\nLater Tatar brought the forms back."
    second = text.rindex("Tatar")
    found = [Span(text.index("Tatar"), text.index("Tatar") + 5, PERSON, score=0.85, detector=NAMES)]
    found.append(Span(second, second + 5, PERSON, score=0.85, detector=NAMES))
    assert [(s.text, s.start) for s in finaliser.spans(text, found)] == [("Tatar", second)]


REFERENCES = [
    # NER's body, place or person over a reference's code, after its label or alone: the code, an ID
    ("The letter came with ref KX-20931 on it.", "ref KX-20931", ORGANIZATION, [("KX-20931", ID)]),
    ("MRN QT4417 on the label.", "MRN QT4417", ORGANIZATION, [("QT4417", ID)]),
    ("His card said VLQ88213 in faded ink.", "VLQ88213", LOCATION, [("VLQ88213", ID)]),
    ("DNI 31.552.804 on the form.", "DNI 31.552.804", ORGANIZATION, [("31.552.804", ID)]),
    ("case ref KT-204417 closed", "KT-204417", ORGANIZATION, [("KT-204417", ID)]),  # longer than a study's code
    # a name's word before the number, or a number alone: as NER read it
    ("Seen at St. Anne 4421 today.", "St. Anne 4421", ORGANIZATION, [("St. Anne 4421", ORGANIZATION)]),
    ("Back to Ward 12 today.", "Ward 12", LOCATION, [("Ward 12", LOCATION)]),
]


HEIGHTS = [
    # a height in feet and inches, no age; a person's age stays
    ("He is about 5'4, thin, with a cap.", "5", False),
    # a limit of age, no one's age
    ("Kite club on Fridays (ages 9+), bring a snack.", "9", False),
    ("The quiz night is for 18+ only.", "18", False),
    ("She is a 30 year old single mum.", "30", True),
    ("my 7 year old loves trains", "7", True),
]


@pytest.mark.parametrize(("text", "surface", "kept"), HEIGHTS)
def test_a_height_or_a_limit_of_age_is_no_age(finaliser: Finaliser, text: str, surface: str, kept: bool) -> None:
    assert _final(finaliser, text, [(surface, AGE, "AgeRecognizer")]) == ([(surface, AGE)] if kept else [])


RELATIVES_OF = [
    # NER's body over a relative "de" a name: the name, a person
    ("Cata (mamá de Tiano): nos vemos el jueves!", "mamá de Tiano", ORGANIZATION, [("Tiano", PERSON)]),
    ("Falei com o filho da Quitéria ontem.", "o filho da Quitéria", ORGANIZATION, [("Quitéria", PERSON)]),
    ("Ha chiamato la figlia di Ornello Vanni.", "la figlia di Ornello Vanni", PERSON, [("Ornello Vanni", PERSON)]),
    # no relative before "de": as NER read it
    ("We stayed at Casa de Piedra for a week.", "Casa de Piedra", ORGANIZATION, [("Casa de Piedra", ORGANIZATION)]),
]


@pytest.mark.parametrize(("text", "surface", "label", "expected"), REFERENCES + RELATIVES_OF)
def test_ner_body_over_a_reference_or_a_relative_of_someone_named(
    finaliser: Finaliser, text: str, surface: str, label: str, expected: list[tuple[str, str]]
) -> None:
    assert _final(finaliser, text, [(surface, label, NER_DETECTOR)]) == expected


def test_a_weekday_read_as_a_person_gives_way_to_the_date_over_it(finaliser: Finaliser) -> None:
    # NER's person on the weekday of "Tues 14/3" overlapped the date and so counted as confirmed: the date was lost
    text = "Waiting area, then the group session. Tues 14/3, 09:30 to 12:45."
    start = text.index("Tues")
    spans = [
        Span(start, start + 4, PERSON, score=0.85, detector=NER_DETECTOR),
        Span(start, start + 9, DATE_TIME, score=0.8, detector="WorldDateRecognizer"),  # the pattern's score is lower
    ]
    assert [(s.text, s.label) for s in finaliser.spans(text, spans)] == [("Tues 14/3", DATE_TIME)]


CODE_FORM = "Name: Tamsin Okafor     NHX: 4471093\nQRN (West): T-55190\nIG: @ana.r\nPhone: 0400 555 019"


@pytest.mark.parametrize(
    ("surface", "label", "detector"),
    [("NHX", PERSON, NAMES), ("QRN", ORGANIZATION, NER_DETECTOR), ("IG", PERSON, NAMES)],
)
def test_an_abbreviation_labelling_a_code_s_field_is_no_name(
    finaliser: Finaliser, surface: str, label: str, detector: str
) -> None:
    """ "NHX: 4471093": an abbreviation in capitals before a colon and a code, a number or a handle alone on its
    line or before a column's gap labels the field; the code is the identifier, not the label."""
    assert _final(finaliser, CODE_FORM, [(surface, label, detector)]) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("JT: 1975. We came over that winter.\nNK: And the others?", "JT"),  # a speaker's turn goes on
        ("Present: LB, MW\nLB: 2 families moved out this week", "LB"),  # a short number, then words
        ("RK: see Thursday, ring 0400 555 019 first", "RK"),  # a note of someone's, no code after the colon
    ],
)
def test_initials_before_a_colon_and_words_stay(finaliser: Finaliser, text: str, surface: str) -> None:
    assert _final(finaliser, text, [(surface, PERSON, NAMES)]) == [(surface, PERSON)]


@pytest.mark.parametrize("text", ["- QX – PI, London. Oversees the analysis.", "She lives in London now."])
def test_ner_very_large_city_is_no_everyday_word(finaliser: Finaliser, text: str) -> None:
    assert _final(finaliser, text, [("London", LOCATION, NER_DETECTOR)]) == [("London", LOCATION)]
