"""What the processor drops from the finders' details (detect/rare/processor.py, rules/rare/plain.yaml and
english_sentence_share of rules/rare/frames.yaml): a common illness, a substance or its care, a death or a
bereavement told in ordinary words, and a sentence of another language whose words only look rare to English
frequencies. A rarer word beside them keeps the detail. All texts are invented."""

from __future__ import annotations

import pytest

from helpers import covered, run

FILLER = "We had lunch in the garden and talked about the weather."


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Turns out he was a gambling addict before he came to the hostel.", "was a gambling addict"),
        ("Back home he smoked heroin every day.", "smoked heroin"),
        ("She upped her fluoxetine again this week.", "upped her fluoxetine"),
        # a death or the loss of someone close, told in everyday words
        ("I told her my grandad died in the quarry when I was a teenager.", "died in the quarry"),
        ("Her cousin was killed in a crash last spring.", "was killed in a crash"),
        ("I shared that I lost my husband in 2015 and stopped going out.", "lost my husband"),
    ],
)
def test_a_common_condition_is_no_rare_detail(detector, text: str, phrase: str) -> None:
    [spans, *_] = run(detector, [text, FILLER, FILLER, FILLER])
    assert not covered(text, phrase, spans)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Back home she was a harpoonist on a whaling ship.", "was a harpoonist"),
        (
            "Before he got unwell he had a kidney transplant in a field hospital in the desert.",
            "had a kidney transplant in a field hospital",
        ),
        # a death with a rarer word, a lost body part
        ("My gran died in a hang-gliding accident over the cliffs.", "died in a hang-gliding accident"),
        ("He lost two fingers in a hay baler as a boy.", "lost two fingers in a hay baler"),
    ],
)
def test_a_rarer_word_beside_a_condition_keeps_the_detail(detector, text: str, phrase: str) -> None:
    [spans, *_] = run(detector, [text, FILLER, FILLER, FILLER])
    assert covered(text, phrase, spans)


SPANISH = [
    "Hola a todos, ya llegamos a casa y los niños están dormidos.",
    "Mañana vamos a la playa si no llueve, ¿quién viene con nosotros?",
    "Gracias por la comida del domingo, estaba todo muy rico.",
]


PORTUGUESE = [
    "Olá a todos, já chegamos em casa e as crianças estão dormindo.",
    "Amanhã vamos à praia se não chover, quem vem com a gente?",
    "Obrigada pelo almoço de domingo, estava tudo muito bom.",
]


@pytest.mark.parametrize(
    ("text", "others"),
    [
        ("A minha avó ainda faz pão caseiro para os vizinhos todas as semanas.", PORTUGUESE),
        ("Mi abuela todavía vende flores en el mercado cada mañana con mi tío.", SPANISH),
    ],
)
def test_a_sentence_of_another_language_is_not_judged_by_english_frequencies(
    detector, text: str, others: list[str]
) -> None:
    [spans, *_] = run(detector, [text, *others])
    assert not [s for s in spans if s.label == "RARE_DETAIL"]


def test_a_word_rare_in_the_other_language_too_keeps_the_detail(detector) -> None:
    text = "Mi abuela todavía vende tamales en el mercado cada mañana con mi tío."
    [spans, *_] = run(detector, [text, *SPANISH])
    assert covered(text, "vende tamales", spans)
