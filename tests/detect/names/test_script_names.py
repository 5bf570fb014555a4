"""Names, places and organisations in scripts without capital letters (detect/names/scripts.py,
rules/names/scripts.yaml, rules/names/script_names.yaml; issue 13, class d): read from the titles, honorifics,
kin words, chat lines and type words beside them, then found again in the same document (invented text)."""

from __future__ import annotations

from qualdeid.corpus.model import Document
from qualdeid.detect.names.scripts import ScriptNames, mostly_uncased
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules

SCRIPTS = ScriptNames(Rules())


def people(text: str) -> set[str]:
    return {text[a:b] for a, b in SCRIPTS.people(text)}


def named(text: str) -> set[tuple[str, str]]:
    return {(text[a:b], label) for a, b, label in SCRIPTS.places_and_organisations(text)}


def detected(detector, text: str) -> list[tuple[str, str]]:
    (doc,) = detector.detect([Document(id="d", text=text)])
    return [(doc.text[s.start : s.end], s.label) for s in doc.spans]


def test_a_title_before_a_name_in_arabic_and_persian_script() -> None:
    assert people("سلام خانم کاویانی عزیز، آقای بهرامی به خانه رفت") == {"کاویانی", "بهرامی"}
    assert people("توفي أبو رامز في بيته") == {"أبو رامز"}  # a kunya keeps "father of"


def test_a_kin_word_of_the_title_list_is_kept_with_the_name_it_calls() -> None:
    assert people("تيتا وجدان جاءت اليوم، ووجدان تحب القهوة") >= {"تيتا وجدان"}


def test_kin_words_name_the_people_listed_after_them() -> None:
    text = "زوجته: سعاد برهوم\nأولاده: نبيل وعائلته، وداد وعائلته، لمى زوجة فادي الصباغ"
    assert {"سعاد برهوم", "نبيل", "وداد", "لمى", "فادي الصباغ"} <= people(text)  # a rare next word: the surname


def test_a_thai_prefix_takes_the_name_up_to_the_word_that_ends_it() -> None:
    assert people("ยายถามหาน้องมะปรางกับแม่ตลอด") == {"น้องมะปราง"}


def test_thai_words_that_hold_a_prefix_are_no_names() -> None:
    assert people("ขอบคุณมาก คุณภาพดี พี่น้องมากันครบ คุณแม่สบายดี") == set()


def test_japanese_and_chinese_honorifics_after_a_name() -> None:
    assert people("昨日、ひかりちゃんと高木さんに会った。お母さんも皆さんも元気。") == {"ひかりちゃん", "高木"}
    assert people("我昨天见了陶医生，阿强也来了。我的先生很好。阿爸也在。") == {"陶医生", "阿强"}


def test_a_korean_name_before_an_honorific_that_no_list_holds() -> None:
    assert people("가온누리씨 안녕하세요. 선생님, 고객님, 권사님 모두 오셨어요") == {"가온누리"}


def test_chat_senders_before_a_date_and_time_and_after_a_time() -> None:
    thai = "ต้อม 3 ก.พ. 66 07:10\nสวัสดี\nต้อม 3 ก.พ. 66 07:12\nต้อมไปแล้ว"
    assert [thai[a:b] for a, b in sorted(set(SCRIPTS.people(thai)))] == ["ต้อม"] * 3
    kakao = "2023. 5. 2. 오후 3:40, 최다온 (새봄복지관) : 안녕하세요"
    assert people(kakao) == {"최다온"}
    assert named(kakao) == {("새봄복지관", ORGANIZATION)}


def test_a_japanese_letter_names_who_it_is_to_and_from() -> None:
    assert people("こうへいへ\n\nいつもありがとう。\n\n千代より") == {"こうへい", "千代"}


def test_places_and_organisations_by_their_type_words() -> None:
    assert named("我叫林小雨。 在 星河市 的 康宁医院") == {("星河市", LOCATION), ("康宁医院", ORGANIZATION)}
    assert named("توفي في شارع الياسمين.") == {("شارع الياسمين", LOCATION)}
    assert named("живёт на ул. Тополиной, д. 5, кв. 2 в городе") == {("ул. Тополиной, д. 5, кв. 2", LOCATION)}


def test_an_everyday_word_after_a_type_word_ends_the_name() -> None:
    assert named("از خدمات انجمن استفاده کنید") == set()


def test_a_self_introduction_names_the_writer() -> None:
    assert people("你好！我叫林小雨。") == {"林小雨"}


def test_english_text_is_untouched() -> None:
    assert people("Dear Mr Brannock, my name is Tom.") == set()
    assert named("the city hospital on Main Street") == set()


def test_the_english_ner_model_reads_nothing_in_these_scripts() -> None:
    assert mostly_uncased("ยายล้มในห้องน้ำเมื่อคืน")
    assert not mostly_uncased("Nile Bridges")


def test_detection_finds_a_thai_nickname_again_in_its_document(detector) -> None:
    text = "นัดกับน้องมะปรางไว้ตอนเย็น แล้วน้องมะปรางก็ไม่มา\nWe waited at the clinic."
    spans = detected(detector, text)
    assert [s for s in spans if s == ("น้องมะปราง", "PERSON")] == [("น้องมะปราง", "PERSON")] * 2


def test_detection_keeps_a_thai_hospital_to_its_own_words(detector) -> None:
    text = "ยายล้มในห้องน้ำเมื่อคืน ตอนนี้อยู่โรงพยาบาลบ้านดอนตาล ไม่ต้องตกใจนะ"
    assert ("โรงพยาบาลบ้านดอนตาล", ORGANIZATION) in detected(detector, text)


def test_a_word_of_these_scripts_in_an_english_sentence_where_a_person_stands() -> None:
    assert people("the school say ok for نبيل 🙏") == {"نبيل"}
    assert people("Ilsabet: وداد is sick since night") == {"وداد"}
    assert people("we ate في the end") == set()


def test_an_initial_and_a_surname_in_arabic_and_cyrillic_script() -> None:
    assert people("Signature: ر. الصباغ") == {"ر. الصباغ"}
    assert people("Seen by nurse — Д.Тополина\n") == {"Д.Тополина"}


def test_a_chinese_full_name_with_no_anchor_and_its_given_name_again() -> None:
    text = "昨天下午何俊宏来了，我们聊了很久。俊宏说下周再来。"
    assert people(text) == {"何俊宏", "俊宏"}


def test_chinese_words_made_of_surname_characters_are_no_names() -> None:
    assert people("我们都来了，大家都很高兴，和朋友一起去公园散步。") == set()


def test_a_chat_export_with_time_sender_and_message_in_columns() -> None:
    text = "08:15\t潘冠廷\t我到了\n08:16\t潘冠廷\t你呢"
    assert people(text) == {"潘冠廷"}


def test_chinese_places_and_organisations_read_back_to_a_common_word() -> None:
    assert named("她今天去翠柏日照中心，她就站起来唱歌。") == {("翠柏日照中心", ORGANIZATION)}
    assert named("如果在公园附近看到他") == set()


def test_a_chinese_postal_address() -> None:
    text = "地址：203桃園市中壢區青竹路三段45巷6號2樓"
    assert ("203桃園市中壢區青竹路三段45巷6號2樓", "LOCATION") in named(text)


def test_a_name_after_a_title_runs_on_over_rare_words_not_inflected_ones() -> None:
    assert people("المرحوم جبران فرحات البستاني الذي توفي") == {"جبران فرحات البستاني"}
    assert people("آقای کیوان هفته\u200cای دو بار می\u200cآید") == {"کیوان"}


def test_a_capitalised_cyrillic_or_greek_word_inside_a_sentence() -> None:
    assert people("вчера је рекла да Светолик не долази") == {"Светолик"}
    assert people("θα έρθει η Σταματίνα την Κυριακή") == {"Σταματίνα"}  # a day, capitalised in Greek
    assert people("Вчера мы ходили в магазин") == set()  # the first word of a sentence


def test_a_listed_first_name_and_a_rare_surname_with_no_anchor() -> None:
    assert people("كانت يارا قعبور هنا") == {"يارا قعبور"}
    assert people("אתמול שירה גרינשפן באה") == {"שירה גרינשפן"}


def test_a_korean_name_before_a_kin_word_written_apart() -> None:
    text = "잘 지내요. 예린 언니랑 같이 갔어요. 우리 누나는 아직이에요. 일곱 살인데 할아버지 보고 싶대요."
    assert people(text) == {"예린 언니", "예린"}  # the kin word is how she is called; the name alone found again


def test_a_korean_name_after_a_noun_before_a_kin_word_with_its_surname_and_under_a_letter() -> None:
    text = "막내 봉식 삼촌까지 왔다. 그 작은 삼촌은 안 왔다. 할머니 박봉례 여사님이 오셨다.\n\n손녀 다솜 올림"
    assert people(text) == {"봉식 삼촌", "봉식", "박봉례", "다솜"}
    # a surname joined to a name found with a kin word: "<Park><given>" elsewhere in the text
    assert "박봉례" in people("봉례 할매가 오셨다. 박봉례 여사는 웃었다.")


def test_gurmukhi_names_after_a_title_before_singh_or_kaur_or_a_kin_word_and_signing() -> None:
    text = (
        "ਅੱਜ ਬੀਬੀ ਜੀ ਹਰਜੋਤ ਕੌਰ ਨੇ ਕਿਹਾ। ਸਰਦਾਰ ਤੇਜਬੀਰ ਸਿੰਘ ਗਿੱਲ ਜੀ ਆਏ। ਪਿੰਕੀ ਮਾਸੀ ਜੀ, ਮੇਰੇ ਚਾਚਾ ਜੀ ਵੀ।\nਤੁਹਾਡੀ ਪੋਤੀ, ਸਿਮਰਨਜੋਤ (ਸਿਮ)"
    )
    found = people(text)
    assert {"ਹਰਜੋਤ ਕੌਰ", "ਤੇਜਬੀਰ ਸਿੰਘ ਗਿੱਲ", "ਪਿੰਕੀ ਮਾਸੀ", "ਸਿਮਰਨਜੋਤ", "ਸਿਮ"} <= found
    assert not any("ਮੇਰੇ" in f or "ਜੀ" in f for f in found)  # "my uncle", the honorific


def test_a_tamil_name_before_a_kin_word() -> None:
    assert people("நேற்று கலைச்செல்வி அக்கா வந்தார். என் அக்கா வரவில்லை.") >= {"கலைச்செல்வி அக்கா"}
    assert people("என் அக்கா வரவில்லை.") == set()


def test_a_greek_or_cyrillic_kin_word_before_a_name_is_how_the_person_is_called() -> None:
    assert people("Η γιαγιά Βάγια λέει ότι είσαι πεισματάρης.") == {"γιαγιά Βάγια"}
    assert people("вчера моя тётя Зоряна пришла") == {"Зоряна"}  # a possessive: whose aunt


def test_word_frequencies_of_the_language_the_arabic_script_writes() -> None:
    # "مار" (a saint's title in Arabic) is an everyday word in Urdu and Persian: an Arabic text reads Arabic's
    assert named("يسكن في شارع مار روكز") == {("شارع مار روكز", LOCATION)}


def test_a_cantonese_miss_or_social_worker_after_a_surname() -> None:
    # "唔该晒林姑娘" (thanks, Miss Lam), "林社工" (social worker Lam) heading a chat message
    assert people("收到，唔该晒林姑娘。明天我要返夜班\n\n林社工 2024-05-02 10:12\n好的") == {"林姑娘", "林社工"}


def test_a_persian_address_word_after_a_name_and_a_family_name_after_family() -> None:
    assert "ژیلا جان" in people("سلام ژیلا جان، خوبی؟")
    assert "کاظمی" in people("از طرف خانواده‌ی کاظمی")


def test_the_processors_of_one_rules_share_one_finder() -> None:
    """A processor is built for every detection run; its finder keeps no corpus knowledge: one per Rules."""
    from qualdeid.detect.names.scripts import ScriptProcessor

    rules = Rules()
    first, second = ScriptProcessor(rules), ScriptProcessor(rules)
    assert first.finder is second.finder
    assert ScriptProcessor(Rules()).finder is not first.finder
    text = "سلام خانم کاویانی عزیز"
    found = second.second_pass(Document("d", text), [], [])
    assert [text[s.start : s.end] for s in found] == ["کاویانی"]
