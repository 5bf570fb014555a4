"""Korean names in Hangul (detect/names/hangul.py, rules/names/hangul_names.yaml; issue 13, class d): a surname
and a listed given name written together, or a listed given name with an ending Korean joins to names; and the
signature fields of a form (invented text)."""

from __future__ import annotations

from qualdeid.corpus.model import Document
from qualdeid.detect.names.hangul import HangulNames
from qualdeid.rules import Rules

HANGUL = HangulNames(Rules())


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in HANGUL.find(text)]


def people(detector, *texts: str) -> list[list[str]]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [[d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs]


def test_a_given_name_with_the_ending_joined_to_it_is_a_name() -> None:
    assert found("도윤이 오늘 또 울면서 왔어요. 우리 민준도 작년에. 서현씨는 알아요?") == ["도윤", "민준", "서현"]


def test_a_surname_and_a_given_name_written_together_are_a_name() -> None:
    assert found("학생 김도윤 출석. 김도윤씨 왔어요") == ["김도윤", "김도윤"]


def test_everyday_korean_words_are_no_names() -> None:
    assert found("지원이 필요합니다. 상호 협력. 정수는 숫자. 오늘 날씨가 좋아요") == []


def test_a_name_in_hangul_does_not_take_the_word_after_it(detector) -> None:
    (names,) = people(detector, "Note: 김도윤 학생 came to the group today.")
    assert names == ["김도윤"]


def test_a_signature_field_names_whoever_signed_it(detector) -> None:
    (names,) = people(detector, "Consent: [x] Yes\nClient signature: 김도윤\nWorker signature: 한보람\n")
    assert names == ["김도윤", "한보람"]
