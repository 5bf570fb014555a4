"""Build ``rules/names/given_syllables.yaml``: the syllables of East Asian given names as they are written in
the Latin alphabet, and ``rules/names/hangul_names.yaml``: Korean given names and surnames in Hangul, from the
person providers of Faker (already a dependency; MIT licence; lists of common names, not derived from leaked
personal data).

    python3 tools/build_given_syllables.py rules/names

A given name of two syllables is often written joined by a hyphen ("Min-jun", "Chia-hao", "MEI-LING"), and
neither half is a name on any list. Korean: each syllable of Faker's ko_KR given names (in Hangul) in the
Revised Romanization and in the spellings people commonly use beside it ("hoon" for "hun", "hyun" for
"hyeon", "suk" for "seok", "woo" for "u"). Chinese: the syllables of the romanised given names of zh_TW (Wade-Giles) and
zh_CN (pinyin). Cantonese: the syllables of the Hong Kong government's romanisation, kept here (no Faker
locale has them). The detector reads a hyphenated word whose two halves are syllables of one language as a
given name (detect/names/lexicon.py). Hangul: ko_KR's given names, less those that are everyday Korean words
as often as "지원" (support) or "상호" (mutual) in wordfreq's Korean list, and its surnames; the endings written
joined to a name are kept by hand in that file (detect/names/hangul.py). The output is sorted, so a rebuild
gives the same files.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import faker
import wordfreq
from faker.providers.person.ko_KR import Provider as Korean
from faker.providers.person.zh_CN import Provider as Mainland
from faker.providers.person.zh_TW import Provider as Taiwan

#: Revised Romanization: initial consonants, vowels and final consonants of a Hangul syllable, in Unicode order
INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
VOWELS = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu",
    "ui", "i",
]  # fmt: skip
FINALS = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
    "t", "t", "k", "t", "p", "t",
]  # fmt: skip
#: the other spellings people commonly give a part of a syllable in their names
INITIAL_VARIANTS = {"g": ["k"], "d": ["t"], "b": ["p"], "r": ["l"]}
VOWEL_VARIANTS = {"eo": ["u", "o"], "yeo": ["yu", "yo"], "u": ["oo"], "eu": ["u"], "ui": ["ee"], "i": ["ee"]}
FINAL_VARIANTS = {"k": ["g"]}
#: a syllable without an initial consonant spelled with the glide people write before it: "u" -> "woo" (Ji-woo),
#: "yu" -> "yoo" (Yoo-na), "yun" -> "yoon"
GLIDE_VARIANTS = {"u": ["woo"], "yu": ["yoo"]}

#: Cantonese given names are written in the Hong Kong government's romanisation, which Faker has no locale for:
#: the syllables of that romanisation (a closed syllabary, not a list of names), as they appear in given
#: names written with a hyphen ("Ka-wai", "Siu-ming")
CANTONESE = [
    "ah",
    "chak",
    "chan",
    "chau",
    "cheuk",
    "cheung",
    "chi",
    "chik",
    "chin",
    "ching",
    "chit",
    "chiu",
    "cho",
    "choi",
    "chor",
    "chuen",
    "chuk",
    "chun",
    "chung",
    "fai",
    "fan",
    "fat",
    "fei",
    "fong",
    "foon",
    "fu",
    "fuk",
    "fung",
    "ha",
    "hau",
    "hei",
    "hin",
    "hing",
    "hiu",
    "ho",
    "hoi",
    "hok",
    "hon",
    "hong",
    "hung",
    "ka",
    "kai",
    "kam",
    "kan",
    "kar",
    "kei",
    "keung",
    "kin",
    "king",
    "kit",
    "kiu",
    "ko",
    "kok",
    "kong",
    "kuen",
    "kui",
    "kwai",
    "kwan",
    "kwok",
    "kwong",
    "lai",
    "lam",
    "lap",
    "lau",
    "lei",
    "leung",
    "lik",
    "lin",
    "ling",
    "lok",
    "long",
    "lun",
    "lung",
    "mai",
    "man",
    "mang",
    "mei",
    "miu",
    "ming",
    "mo",
    "mui",
    "nam",
    "nga",
    "ngai",
    "ngan",
    "oi",
    "on",
    "pak",
    "pang",
    "pei",
    "ping",
    "po",
    "pok",
    "pui",
    "pun",
    "sai",
    "sam",
    "san",
    "sang",
    "sau",
    "sek",
    "shan",
    "sheung",
    "shing",
    "shu",
    "shuk",
    "shun",
    "sik",
    "sin",
    "sing",
    "siu",
    "so",
    "sui",
    "suk",
    "sum",
    "sun",
    "sung",
    "sze",
    "tai",
    "tak",
    "tang",
    "tat",
    "tim",
    "tin",
    "ting",
    "to",
    "tong",
    "tsan",
    "tsang",
    "tse",
    "tsing",
    "tsun",
    "tsz",
    "tung",
    "wa",
    "wah",
    "wai",
    "wan",
    "wang",
    "wing",
    "wo",
    "wun",
    "yan",
    "yat",
    "yau",
    "yee",
    "yeuk",
    "yi",
    "yik",
    "yim",
    "yin",
    "ying",
    "yiu",
    "yu",
    "yuen",
    "yuk",
    "yung",
]

#: a Korean given name this common as a Korean word (wordfreq Zipf) is left out: "지원" (support), "현지" (local)
KOREAN_WORD_ZIPF = 3.5
#: what Korean writes joined to a name: a vocative, an honorific, the "-i" after a given name ending in a
#: consonant, then the case and topic particles (kept by hand; a project's list adds to them)
HANGUL_ENDINGS = [
    "아", "야", "이", "씨", "님", "군", "양", "이가", "이는", "이도",
    "이랑", "이를", "이한테", "이에게", "이의", "이네", "이랑은", "씨가", "씨는", "씨도",
    "씨를", "씨한테", "씨에게", "씨의", "님이", "님은", "님께", "가", "는", "도",
    "랑", "를", "을", "은", "와", "과", "한테", "에게", "의", "하고",
    "네", "입니다", "이에요", "예요", "이라고", "라고",
]  # fmt: skip

HEADER = """\
# Syllables of East Asian given names in the Latin alphabet, by language, from the person providers of
# Faker {version} (MIT licence: lists of common names), built by tools/build_given_syllables.py: Korean
# (ko_KR's given names in Hangul, romanised, with common spellings beside the official one) and Chinese
# (the romanised given names of zh_TW and zh_CN), Cantonese (the syllables of the Hong Kong government's
# romanisation, kept in the tool: Faker has no Cantonese names). A hyphenated word whose halves are both
# syllables of one language, and no English word, is a given name ("Min-jun", "Chia-hao"). A project's list
# adds syllables, "!syllable" removes one.
"""


def _names(attribute: object) -> list[str]:
    return list(attribute.keys()) if isinstance(attribute, dict) else list(attribute)  # type: ignore[union-attr]


def romanised(syllable: str) -> set[str]:
    """The Latin spellings of one Hangul syllable: "훈" -> hun, hoon; "석" -> seok, suk, sok, seog, ..."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return set()
    initial, vowel, final = INITIALS[code // 588], VOWELS[(code % 588) // 28], FINALS[code % 28]
    vowels = [vowel, *VOWEL_VARIANTS.get(vowel, []), *(GLIDE_VARIANTS.get(vowel, []) if not initial else [])]
    return {
        i + v + f
        for i in [initial, *INITIAL_VARIANTS.get(initial, [])]
        for v in vowels
        for f in [final, *FINAL_VARIANTS.get(final, [])]
    }


def korean() -> set[str]:
    return {r for name in _names(Korean.first_names) for syllable in name for r in romanised(syllable)}


def chinese() -> set[str]:
    names = _names(Taiwan.first_romanized_names) + _names(Mainland.first_romanized_names)
    return {part.lower() for name in names for part in name.split("-") if part.isalpha()}


def hangul() -> dict[str, list[str]]:
    frequencies = wordfreq.get_frequency_dict("ko")  # read as listed: tokenising Korean needs MeCab

    def everyday(word: str) -> bool:
        return math.log10(frequencies.get(word, 1e-9)) + 9 >= KOREAN_WORD_ZIPF

    given = sorted({n for n in _names(Korean.first_names) if len(n) == 2 and not everyday(n)})
    surnames = sorted({n for n in _names(Korean.last_names) if len(n) == 1})
    return {"given": given, "surnames": surnames, "endings": list(HANGUL_ENDINGS)}


HANGUL_HEADER = """\
# Korean names in Hangul (detect/names/hangul.py), built by tools/build_given_syllables.py from the person
# providers of Faker {version} (MIT licence: lists of common names): given names of two syllables, less
# those that are everyday Korean words (wordfreq Zipf {zipf} or more: "지원", "상호"), and one-syllable
# surnames. A surname and a given name written together ("김도윤"), or a given name with an ending joined to
# it (`endings`: "도윤이", "도윤씨는"), is a person. A project's list adds names, "!name" removes one.
"""


#: words YAML reads as something else than a string unless quoted (Cantonese "on")
_YAML_WORDS = frozenset({"on", "off", "yes", "no", "y", "n", "true", "false", "null"})


def _yaml_word(word: str) -> str:
    return f"'{word}'" if word in _YAML_WORDS else word


def main(folder: str) -> None:
    lists = {"korean": sorted(korean()), "chinese": sorted(chinese()), "cantonese": sorted(set(CANTONESE))}
    body = "".join(f"{language}: [{', '.join(map(_yaml_word, syllables))}]\n" for language, syllables in lists.items())
    out = Path(folder) / "given_syllables.yaml"
    out.write_text(HEADER.format(version=faker.VERSION) + body, encoding="utf-8")
    print(f"{out}: {sum(map(len, lists.values()))} syllables")
    names = hangul()
    body = "".join(f"{key}: [{', '.join(words)}]\n" for key, words in names.items())
    out = Path(folder) / "hangul_names.yaml"
    out.write_text(HANGUL_HEADER.format(version=faker.VERSION, zipf=KOREAN_WORD_ZIPF) + body, encoding="utf-8")
    print(f"{out}: {len(names['given'])} given names, {len(names['surnames'])} surnames")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "rules/names")
