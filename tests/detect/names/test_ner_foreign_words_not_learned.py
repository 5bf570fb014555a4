"""Words of another language that English NER reads as a person are not learned and looked for again in the
document (detect/names/processor.py; issue 13, class j; invented text): a Turkish form's labels and nouns."""

from __future__ import annotations

FORM = (
    "Öğrenci Bilgileri\nKayıt Tarihçesi: 03.02.2021\nOkul Sırası: 4\nMeslek Grubu: [x] Memur  [ ] İşçi\n"
    "Barınma: [x] Yurt  [ ] Pansiyon\n\nGörüşme notu: Selin Tavşancıl okul ve meslek grubu hakkında bilgi verdi."
    " Barınma iyi değil, yurt kalabalık.\nMeslek Grubu ve Okul Sırası dosyada.\n"
)


def test_a_forms_labels_in_another_language_are_not_learned_as_names(detector) -> None:
    spans = [s for s in detector.detect_text(FORM).spans if s.label == "PERSON"]
    assert "Selin Tavşancıl" in {s.text for s in spans}
    learned = {w for s in spans if s.detector == "names" for w in s.text.split()}
    assert not learned & {"Bilgileri", "Sırası", "Okul"}
