"""A gold set of forms, addresses, phone numbers and IDs in many countries' formats, made with Faker.

presidio-evaluator's template generator pulls transformers, scikit-learn and pandas; this is the same
idea in one small script: Faker's locales give the names, streets, postcodes and towns of each country
in its own order ("Kauppakatu 12, 00100 Helsinki", "Flat 3, 27 Mill Lane, Truro TR1 2AB"), and a few
kinds of document (intake forms with the value on the label's line or the next, e-mail signatures,
letters, chat messages with short local phone numbers, labelled IDs) put them in context. Labels,
orders and separators vary at random, so that no single template is what a rule learns.

The output is the project's gold .jsonl (``id``, ``text``, ``spans``), one span per line of an address.

Usage:  python3 benchmarks/gen_forms.py [--docs 60] [--seed 11] > forms.jsonl
        qualdeid evaluate forms.jsonl   (and benchmarks/compare_presidio.py forms.jsonl)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys

from faker import Faker

LOCALES = [
    *("en_GB", "en_AU", "en_NZ", "en_IE", "en_CA", "en_US"),
    *("fi_FI", "de_DE", "nl_NL", "fr_FR", "es_ES", "pt_BR", "it_IT", "pl_PL", "hu_HU", "sv_SE", "cs_CZ", "da_DK"),
]

FIELDS = {
    "PERSON": ["Name", "Full name", "Client name", "Client", "Participant", "Patient name", "Surname, first name"],
    "LOCATION": ["Address", "Home address", "Postal address", "Current address", "Address on discharge", "Residence"],
    "CONTACT": ["Phone", "Tel", "Ph", "Mobile", "Mob", "Contact number", "Home phone", "Cell", "Telephone"],
    "DATE": ["DOB", "Date of birth", "D.O.B.", "Born"],
    "ID": ["Case no.", "Client ID", "File ref", "Record number", "Student no.", "Health card no.", "Reference"],
    "KIN": ["Next of kin", "Emergency contact", "NOK"],
    "EMAIL": ["Email", "E-mail", "Email address"],
}
FILLER_FIELDS = [
    ("Gender", ["F", "M", "non-binary", "prefers not to say"]),
    ("Language", ["English", "Finnish", "Portuguese", "Polish", "Arabic", "Vietnamese"]),
    ("Interpreter", ["yes", "no"]),
    ("Referred by", ["GP", "self", "community team", "school counsellor"]),
    ("Presenting issue", ["low mood, poor sleep", "housing stress", "anxiety after a move"]),
    ("Risk", ["low", "moderate - see plan", "none identified"]),
]
PHONE_CUES = [
    "ring me on",
    "call me on",
    "my number is",
    "text me at",
    "her mobile is",
    "you can reach him on",
    "phone",
    "tel.",
    "landline",
    "the number's",
]
ROLES = ["Peer Support Worker", "Intake Coordinator", "Community Worker", "Research Assistant", "Team Leader"]
ORG_KINDS = ["Recovery Trust", "Community Health", "Housing Co-op", "Family Centre", "Peer Network"]


class Doc:
    def __init__(self) -> None:
        self.text = ""
        self.spans: list[dict] = []

    def add(self, piece: str, label: str | None = None) -> None:
        if label:
            self.spans.append({"start": len(self.text), "end": len(self.text) + len(piece), "label": label})
        self.text += piece


def local_phone(rng: random.Random) -> str:
    shape = rng.choice(["#### ####", "### ####", "(0#) #### ####", "0# ### ####", "###-####", "0### ### ###"])
    return "".join(rng.choice(string.digits) if c == "#" else c for c in shape)


def phone(fake: Faker, rng: random.Random) -> str:
    return local_phone(rng) if rng.random() < 0.5 else fake.phone_number()


def code(rng: random.Random) -> str:
    letters = lambda n: "".join(rng.choice(string.ascii_uppercase) for _ in range(n))  # noqa: E731
    digits = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    return rng.choice(
        [
            f"{letters(2)}-{digits(2)}-{digits(4)}",
            f"{letters(3)}{digits(5)}",
            f"{digits(4)} {digits(3)} {digits(3)}",
            f"{letters(1).lower()}{digits(7)}",
            f"{letters(4)} {digits(2)}/{digits(3)}",
            f"{digits(8)}",
            f"{letters(3)}-{letters(2)}-20{digits(2)}-{digits(3)}",
        ]
    )


def address_lines(fake: Faker, rng: random.Random, lower: bool = False) -> list[str]:
    """Faker's address of the locale, one line per part (street, then town/postcode)."""
    lines = [line.strip() for line in re.split(r"\n", fake.address()) if line.strip()]
    if rng.random() < 0.3 and len(lines) > 1:
        lines = [", ".join(lines)]
    return [line.lower() for line in lines] if lower else lines


def person(fake: Faker, rng: random.Random) -> str:
    name = fake.name()
    if rng.random() < 0.15:
        parts = name.split()
        name = f"{parts[0]} {rng.choice(string.ascii_uppercase)}{rng.choice(['', '.'])} {parts[-1]}"
    return name


def form(fake: Faker, rng: random.Random) -> Doc:
    doc = Doc()
    doc.add(rng.choice(["INTAKE FORM", "Referral", "Client details", "New client - initial contact", "Registration"]))
    doc.add("\n\n")
    sep = rng.choice([": ", ":\t", " - ", ": "])
    fields = ["PERSON", "DATE", "LOCATION", "CONTACT", "ID", "KIN", "EMAIL"]
    rng.shuffle(fields[2:])
    for field in fields:
        label = rng.choice(FIELDS[field])
        if field == "LOCATION":
            lines = address_lines(fake, rng, lower=rng.random() < 0.15)
            nextline = len(lines) > 1 or rng.random() < 0.4
            doc.add(label + (":\n" if nextline else sep))
            for line in lines:
                doc.add(line, "LOCATION")
                doc.add("\n")
        elif field == "KIN":
            doc.add(label + sep)
            doc.add(person(fake, rng), "PERSON")
            doc.add(f" ({rng.choice(['sister', 'son', 'partner', 'mother', 'friend'])}) ")
            doc.add(phone(fake, rng), "CONTACT")
            doc.add("\n")
        else:
            value = {
                "PERSON": lambda: person(fake, rng),
                "DATE": lambda: fake.date_of_birth(minimum_age=16, maximum_age=85).strftime(
                    rng.choice(["%d/%m/%Y", "%Y-%m-%d", "%d %B %Y"])
                ),
                "CONTACT": lambda: phone(fake, rng),
                "ID": lambda: code(rng),
                "EMAIL": lambda: fake.email(),
            }[field]()
            nextline = rng.random() < 0.2
            doc.add(label + (":\n" if nextline else sep))
            doc.add(value, "CONTACT" if field == "EMAIL" else field)
            doc.add("\n")
        if rng.random() < 0.4:
            name, values = rng.choice(FILLER_FIELDS)
            doc.add(f"{name}{sep}{rng.choice(values)}\n")
    return doc


def signature(fake: Faker, rng: random.Random) -> Doc:
    doc = Doc()
    doc.add(rng.choice(["Hi all,\n\n", "Hello,\n\n", "Dear team,\n\n"]))
    doc.add(rng.choice(["Thanks for this morning, notes attached.", "Happy to help with the referral."]))
    doc.add(rng.choice(["\n\nKind regards,\n", "\n\nCheers\n", "\n\nBest wishes,\n\n"]))
    doc.add(person(fake, rng), "PERSON")
    doc.add(f"\n{rng.choice(ROLES)}\n")
    doc.add(f"{fake.last_name()} {rng.choice(ORG_KINDS)}", "ORGANIZATION")
    doc.add("\n")
    for line in address_lines(fake, rng):
        doc.add(line, "LOCATION")
        doc.add("\n")
    for cue in rng.sample(["T ", "Tel: ", "M ", "Mob: ", "Ph ", "Office: "], 2):
        doc.add(cue)
        doc.add(phone(fake, rng), "CONTACT")
        doc.add(rng.choice(["\n", " · ", " | "]))
    doc.add(fake.email(), "CONTACT")
    doc.add("\n")
    return doc


def chat(fake: Faker, rng: random.Random) -> Doc:
    doc = Doc()
    me, them = "Me", fake.first_name()
    for _ in range(rng.randint(3, 6)):
        who = rng.choice([me, them])
        doc.add(f"{who}: ")
        kind = rng.random()
        if kind < 0.4:
            doc.add(f"{rng.choice(['ok', 'sure', 'if its urgent', 'np'])} {rng.choice(PHONE_CUES)} ")
            doc.add(local_phone(rng), "CONTACT")
            doc.add(rng.choice(["", " after 5", " anytime", " x"]))
        elif kind < 0.7:
            doc.add(rng.choice(["new place is ", "can u send it to ", "im staying at ", "moved to "]))
            lines = address_lines(fake, rng, lower=rng.random() < 0.5)
            doc.add(", ".join(lines), "LOCATION")
        else:
            doc.add(rng.choice(["see u thurs", "running late sorry", "thanks heaps", "all good"]))
        doc.add("\n")
    return doc


def letter(fake: Faker, rng: random.Random) -> Doc:
    doc = Doc()
    doc.add(person(fake, rng), "PERSON")
    doc.add("\n")
    for line in address_lines(fake, rng):
        doc.add(line, "LOCATION")
        doc.add("\n")
    doc.add(f"\nRe: {rng.choice(['housing transfer', 'support letter', 'complaint'])} - ")
    doc.add(rng.choice(["case no. ", "ref ", "our ref: ", "client number "]))
    doc.add(code(rng), "ID")
    doc.add("\n\nDear Sir or Madam,\n\nI am writing on behalf of the person named above. ")
    doc.add("Please contact me on ")
    doc.add(phone(fake, rng), "CONTACT")
    doc.add(rng.choice([" if anything is unclear.", " during office hours.", "."]))
    doc.add("\n\nYours faithfully,\n")
    return doc


KINDS = [form, form, signature, chat, letter]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for n in range(args.docs):
        locale = LOCALES[n % len(LOCALES)]
        fake = Faker(locale)
        fake.seed_instance(args.seed * 1000 + n)
        doc = KINDS[n % len(KINDS)](fake, rng)
        spans = [{**s, "text": doc.text[s["start"] : s["end"]]} for s in doc.spans]
        record = {"id": f"G{n:03d}", "group": locale, "text": doc.text, "spans": spans}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
