"""Generated training documents for tools/train_ner.py: the sentences of ``tools/ner_templates.yaml``
filled with people, places and organisations from Faker's locales (its name lists of about 80
locales, public lists, none derived from leaked personal data) and qualdeid's town list.

    python3 tools/generate_ner_data.py 20 --seed 0 > generated.jsonl   # to look at them

Each document is one genre's sentences with a cast of four people: most from one locale, some from
others, as in a real service's notes. The output is gold .jsonl (id, group, text, spans).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from faker import Faker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from qualdeid.rules import Rules  # noqa: E402

TEMPLATES = Path(__file__).with_name("ner_templates.yaml")

#: the locales of qualdeid's users; a document's cast is mostly from one of these half of the time
ENGLISH_LOCALES = ("en_AU", "en_GB", "en_IE", "en_NZ", "en_US", "en_CA")
#: the other locales with their own person lists (Faker's ``faker.providers.person``)
OTHER_LOCALES = (
    "ar_AA", "az_AZ", "bg_BG", "bn_BD", "cs_CZ", "da_DK", "de_AT", "de_CH", "de_DE", "el_GR", "en_IN",
    "en_KE", "en_NG", "en_PK", "es_AR", "es_CL", "es_CO", "es_ES", "es_MX", "et_EE", "fa_IR", "fi_FI",
    "fr_BE", "fr_CA", "fr_FR", "ga_IE", "gu_IN", "ha_NG", "he_IL", "hi_IN", "hr_HR", "hu_HU", "hy_AM",
    "id_ID", "ig_NG", "is_IS", "it_IT", "ja_JP", "ka_GE", "ko_KR", "lt_LT", "lv_LV", "mk_MK", "ne_NP",
    "nl_BE", "nl_NL", "no_NO", "pl_PL", "pt_BR", "pt_PT", "ro_RO", "ru_RU", "si_LK", "sk_SK", "sl_SI",
    "sv_SE", "sw", "ta_IN", "th_TH", "tr_TR", "tw_GH", "uk_UA", "uz_UZ", "vi_VN", "yo_NG", "zh_CN",
    "zh_TW", "zu_ZA",
)  # fmt: skip
#: how often a cast comes from a locale whose names are in another script than Latin (names in English
#: text are mostly written in Latin letters) and from another Latin-script locale; else an English one
OTHER_SCRIPT_SHARE = 0.08
OTHER_LATIN_SHARE = 0.42

TITLES = ("Dr", "Mrs", "Mr", "Ms", "Miss", "Prof")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Mon", "Tues", "Weds", "Thurs", "Fri")  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
CAPITALS = "ABCDEFGHJKLMNPRSTUVWXYZ"
SEASONS = ("summer", "winter", "spring", "autumn", "fall")
#: vehicles, machines and brands: what the original model labelled them (mostly nothing) is what it keeps
VEHICLES = ("Land Cruiser", "Hilux", "Transit", "Sprinter", "Corolla", "Defender", "Kombi", "Vespa", "Zetor",
            "Massey Ferguson", "Bobcat", "Ski-Doo", "Winnebago", "Cessna", "JCB", "Kawasaki", "Beetle", "Ute",
            "Hiace", "Bedford", "Fordson", "Kubota", "Yamaha", "Subaru", "Commodore", "Falcon", "Pajero",
            "Navara", "Prado", "Cortina", "Escort", "Astra", "Sherpa", "Caterpillar", "Deutz", "Piaggio", "Kenworth",
            "Scania", "Bushmaster", "Troopy", "Zodiac", "Polaris", "Honda CT110", "Ducati",
            "Leyland")  # fmt: skip
DOMAINS = ("example.org", "mail.example", "service.example.net")
ORG_TYPES = ("Community Health Centre", "Housing Trust", "Recovery College", "Hospital", "Medical Centre",
             "Family Services", "Football Club", "Primary School", "Youth Hub", "Day Centre", "Clinic",
             "Wellbeing Service", "Community Church", "Tenants Association")  # fmt: skip

SLOT = re.compile(r"\{(\w+)\}")
PERSON, LOCATION, ORGANIZATION, DATE = "PERSON", "LOCATION", "ORGANIZATION", "DATE"


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    locale: str

    @property
    def initials(self) -> str:
        return "".join(w[0] for w in (self.first, self.last) if w[:1].isalpha()).upper()


def latin(text: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


class Generator:
    def __init__(self, seed: int, rules: Rules | None = None) -> None:
        self.rng = random.Random(seed)
        self.rules = rules or Rules()
        self.templates: dict[str, list[str]] = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))
        self.fakers: dict[str, Faker] = {}
        self.seed = seed

    def faker(self, locale: str) -> Faker:
        if locale not in self.fakers:
            f = Faker(locale)
            f.seed_instance(self.seed + len(self.fakers))
            self.fakers[locale] = f
        return self.fakers[locale]

    @cached_property
    def towns(self) -> list[str]:
        return sorted(t for t in self.rules.words("lexicons/towns.txt") if t.isalpha() or " " in t)

    @cached_property
    def holidays(self) -> list[str]:
        return sorted(self.rules.words("lexicons/holidays.txt"))

    @cached_property
    def terms(self) -> list[str]:
        return sorted(self.rules.words("names/not_initials.txt") | self.rules.words("lexicons/role_abbreviations.txt"))

    @cached_property
    def latin_locales(self) -> tuple[str, ...]:
        """The other locales whose names Faker writes in Latin letters (judged on a few of its names)."""
        return tuple(loc for loc in OTHER_LOCALES if all(latin(self.faker(loc).name()) for _ in range(5)))

    def locale(self) -> str:
        r = self.rng.random()
        if r < OTHER_SCRIPT_SHARE:
            return self.rng.choice([loc for loc in OTHER_LOCALES if loc not in self.latin_locales])
        if r < OTHER_SCRIPT_SHARE + OTHER_LATIN_SHARE:
            return self.rng.choice(self.latin_locales)
        return self.rng.choice(ENGLISH_LOCALES)

    def person(self, locale: str) -> Person:
        f = self.faker(locale)
        return Person(f.first_name(), f.last_name(), locale)

    def documents(self, n: int) -> Iterator[dict]:
        genres = sorted(self.templates)
        for i in range(n):
            genre = genres[i % len(genres)]
            home = self.locale()
            cast = [self.person(home if self.rng.random() < 0.6 else self.locale()) for _ in range(4)]
            lines = self.rng.sample(self.templates[genre], min(len(self.templates[genre]), self.rng.randint(3, 7)))
            text, spans = "", []
            sep = "\n" if genre in ("chat", "form", "email", "transcript") else " "
            for line in lines:
                if text:
                    text += "\n\n" if sep == " " and self.rng.random() < 0.2 else sep
                text = self.fill(line, text, spans, cast, home)
            yield {"id": f"gen-{i:05d}", "group": "generated", "text": text, "spans": spans}

    def fill(self, template: str, text: str, spans: list[dict], cast: list[Person], home: str) -> str:
        pos = 0
        for m in SLOT.finditer(template):
            text += template[pos : m.start()]
            pos = m.end()
            for value, label in self.slot(m.group(1), cast, home):
                if label is not None:
                    spans.append({"start": len(text), "end": len(text) + len(value), "label": label})
                text += value
        return text + template[pos:]

    def slot(self, name: str, cast: list[Person], home: str) -> list[tuple[str, str | None]]:
        """The pieces of one slot's text, each with its gold label (None: not an entity)."""
        rng = self.rng
        p = rng.choice(cast)
        f = self.faker(p.locale)
        makers: dict[str, Callable[[], list[tuple[str, str | None]]]] = {
            "first": lambda: [(p.first, PERSON)],
            "last": lambda: [(p.last, PERSON)],
            "full": lambda: [(f"{p.first} {p.last}", PERSON)],
            "full_mi": lambda: [(f"{p.first} {rng.choice(CAPITALS)}{rng.choice(['', '.'])} {p.last}", PERSON)],
            "title_last": lambda: [(f"{rng.choice(TITLES)} {p.last}", PERSON)],
            "first_lower": lambda: [(p.first.lower(), PERSON)],
            "full_lower": lambda: [(f"{p.first} {p.last}".lower(), PERSON)],
            "first_upper": lambda: [(p.first.upper(), PERSON)],
            "short": lambda: [(self.short_name(p), PERSON)],
            "initials": lambda: [(self.initials(p), PERSON)],
            "dotted": lambda: [(".".join(self.initials(p)) + ".", PERSON)],
            "initials_list": lambda: self.listing([self.initials(q) for q in rng.sample(cast, rng.randint(3, 4))]),
            "last_list": lambda: self.listing([q.last for q in rng.sample(cast, rng.randint(3, 4))]),
            "town": lambda: [(self.town(f), LOCATION)],
            "town_lower": lambda: [(self.town(f).lower(), LOCATION)],
            "street": lambda: [(self.street(home), LOCATION)],
            "address": lambda: [(self.faker(home).address(), LOCATION)],
            "org": lambda: [(self.org(p), ORGANIZATION)],
            "date": lambda: [(self.date(), DATE)],
            # contacts and record numbers are the rules' business; unmarked, the recogniser is taught the
            # original's reading of them (a number, or nothing), never a place or an organisation
            "phone": lambda: [(self.faker(home).phone_number(), None)],
            "email": lambda: [(self.email(p), None)],
            "case_no": lambda: [(self.case_no(), None)],
            "weekday": lambda: [(rng.choice(WEEKDAYS), None)],
            "holiday": lambda: [(rng.choice(self.holidays), DATE)],
            "holiday_year": lambda: [(self.holiday_year(), DATE)],
            "saints_day": lambda: [(self.saints_day(), DATE)],
            "season": lambda: [(rng.choice(SEASONS), None)],
            "Season": lambda: [(rng.choice(SEASONS).capitalize(), None)],
            "month": lambda: [(rng.choice(MONTHS), None)],
            "vehicle": lambda: [(rng.choice(VEHICLES), None)],
            "term": lambda: [(rng.choice(self.terms), None)],
            "time": lambda: [(f"{rng.randint(7, 22)}:{rng.randint(0, 59):02d}", None)],
        }
        return makers[name]()

    def short_name(self, p: Person) -> str:
        """A first name of two or three letters from the person's locale (else an English one)."""
        for locale in (p.locale, self.rng.choice(ENGLISH_LOCALES)):
            f = self.faker(locale)
            for _ in range(50):
                name = f.first_name()
                if 2 <= len(name) <= 3 and name.isalpha():
                    return name
        return "Jo"

    def initials(self, p: Person) -> str:
        letters = p.initials
        if self.rng.random() < 0.25:
            letters = letters[:1] + self.rng.choice(CAPITALS) + letters[1:]
        return letters if len(letters) >= 2 else letters + self.rng.choice(CAPITALS)

    def listing(self, items: list[str]) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for i, item in enumerate(items):
            if i:
                out.append((" and " if i == len(items) - 1 else ", ", None))
            out.append((item, PERSON))
        return out

    def town(self, f: Faker) -> str:
        if self.rng.random() < 0.5:
            return self.rng.choice(self.towns)
        return f.city()

    def street(self, locale: str) -> str:
        try:
            return self.faker(locale).street_address()
        except AttributeError:
            return self.faker("en_GB").street_address()

    def org(self, p: Person) -> str:
        kind = self.rng.choice(ORG_TYPES)
        return f"{self.rng.choice(self.towns) if self.rng.random() < 0.6 else p.last} {kind}"

    def date(self) -> str:
        rng = self.rng
        d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2025)
        return rng.choice(
            [
                f"{d} {MONTHS[m - 1]} {y}",
                f"{MONTHS[m - 1]} {d}, {y}",
                f"{d}/{m:02d}/{y}",
                f"{d} {MONTHS[m - 1][:3]} {y}",
            ]
        )

    def holiday_year(self) -> str:
        """A holiday with its year ("Easter 2019"), saints' days sometimes with "St." ("St. Andrew's Day")."""
        name = self.rng.choice(self.holidays)
        if name.startswith("St ") and self.rng.random() < 0.5:
            name = "St. " + name[3:]
        return f"{name} {self.rng.randint(1990, 2025)}"

    def saints_day(self) -> str:
        """A saint's day, invented from an English first name ("St. Edwin's Day", "Saint Maud's Day 2016")."""
        saint = self.faker(self.rng.choice(ENGLISH_LOCALES)).first_name()
        day = f"{self.rng.choice(('St', 'St.', 'Saint'))} {saint}'s Day"
        return f"{day} {self.rng.randint(1990, 2025)}" if self.rng.random() < 0.4 else day

    def email(self, p: Person) -> str:
        name = unicodedata.normalize("NFKD", f"{p.first}.{p.last}").encode("ascii", "ignore").decode().lower()
        return f"{name.strip('.') or 'contact'}@{self.rng.choice(DOMAINS)}"

    def case_no(self) -> str:
        rng = self.rng
        return f"{rng.choice(CAPITALS)}{rng.choice(CAPITALS)}-{rng.randint(10, 99)}-{rng.randint(1000, 99999)}"


def fixed_hash_seed() -> None:
    """Run again with string hashing fixed: some of Faker's locales pick from sets, whose order follows it."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    fixed_hash_seed()
    for doc in Generator(args.seed).documents(args.n):
        print(json.dumps(doc, ensure_ascii=False))


if __name__ == "__main__":
    main()
