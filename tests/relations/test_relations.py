"""Typed relations inside a sentence: lexicon, word orders, negation, labels, the seed."""

import re
from importlib import resources
from pathlib import Path

import pytest

import arabic_entities as ae
from arabic_entities import document
from arabic_entities.document import Document, Mention, Sentence, Token
from arabic_entities.relations import LEXICON, RELATION_TYPES, ROLE_NOUNS, extract_relations, find_trigger
from arabic_entities.relations.rules import LEXICON_FILE
from arabic_entities.text.normalize import match_key

SEEDS = Path(__file__).parents[2] / "seeds"


def relations(text):
    """``(head name, type, tail name, directed)`` of every relation found in ``text``."""
    doc = ae.extract(text)
    return [(doc.entity(r.head).name, r.type, doc.entity(r.tail).name, r.directed) for r in doc.relations]


def hand_made(text, names):
    """A one-sentence Document with the given names (text -> label) as its mentions,
    bypassing the recognizer, so that word orders and labels can be tested alone."""
    tokens = [Token(m.group(), m.start(), m.end(), m.group(), 0) for m in re.finditer(r"\w+|[^\w\s]", text)]
    mentions = []
    for name, label in names.items():
        start = text.index(name)
        covered = [i for i, t in enumerate(tokens) if t.end > start and t.start < start + len(name)]
        mentions.append(
            Mention(
                name,
                start,
                start + len(name),
                label,
                0,
                f"{label}:{name}",
                token_start=covered[0],
                token_end=covered[-1] + 1,
            )
        )
    mentions.sort(key=lambda m: m.start)
    return Document("hand", text, [Sentence(0, text, 0, len(text), 0, len(tokens))], tokens, mentions)


def hand_relations(text, names):
    return [
        (r.head.split(":")[1], r.type, r.tail.split(":")[1], r.directed)
        for r in extract_relations(hand_made(text, names))
    ]


# --- lexicon -----------------------------------------------------------------------------


def test_every_trigger_has_a_known_type():
    assert {t.type for t in LEXICON.values()} | {"affiliation"} == set(RELATION_TYPES)
    assert match_key("المتحدث") in ROLE_NOUNS


@pytest.mark.parametrize(
    "word, type_, prefix",
    [
        ("وانتقد", "conflict", "و"),
        ("سيلتقي", "contact", ""),
        ("وسيلتقي", "contact", "و"),
        ("بالتبرع", "support", "ب"),
        ("للقاء", "contact", "ل"),
        ("اتهمت", "conflict", ""),
        ("يهاجمون", "conflict", ""),
    ],
)
def test_inflected_and_prefixed_forms_are_found(word, type_, prefix):
    found = find_trigger(match_key(word))
    assert (found.trigger.type, found.prefix) == (type_, prefix)


def test_prepositions_do_not_attach_to_verbs():
    assert find_trigger(match_key("بانتقد")) is None
    assert find_trigger(match_key("وزارة")) is None


def test_the_lexicon_file_is_a_six_column_table():
    text = resources.files("arabic_entities.relations").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert rows and all(len(row) == 6 for row in rows)
    assert {row[0] for row in rows} == {*RELATION_TYPES, "role", "denial"}
    assert all((row[4] != "-") == (row[0] in ("role", "affiliation")) for row in rows)
    assert RELATION_TYPES is document.RELATION_TYPES


def test_future_forms_are_marked():
    assert find_trigger(match_key("سيلتقي")).future
    assert not find_trigger(match_key("يلتقي")).future
    assert not find_trigger(match_key("سحب")) or not find_trigger(match_key("سحب")).future


# --- the five types, each with at least two trigger forms --------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس في باريس.",
            ("إيمانويل ماكرون", "contact", "أولاف شولتس", False),
        ),
        ("أجرى بايدن اتصالا هاتفيا مع نتنياهو مساء الأحد.", ("بايدن", "contact", "نتنياهو", False)),
        ("زار ماكرون القاهرة الأسبوع الماضي.", ("ماكرون", "contact", "القاهرة", False)),
        (
            "استقبل الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي إيمانويل ماكرون.",
            ("عبد الفتاح السيسي", "contact", "إيمانويل ماكرون", False),
        ),
    ],
)
def test_contact_is_undirected(text, expected):
    assert relations(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("يدعم ماسك ترامب في الانتخابات.", ("ماسك", "support", "ترامب", True)),
        ("أعلن بايدن دعمه لزيلينسكي.", ("بايدن", "support", "زيلينسكي", True)),
        ("رحبت السعودية بقرار مجلس الأمن الدولي.", ("السعودية", "support", "مجلس الأمن الدولي", True)),
        ("تبرع بيل غيتس بمليون دولار لمنظمة الصحة العالمية.", ("بيل غيتس", "support", "منظمة الصحة العالمية", True)),
        ("وتحالفت حماس مع حركة الجهاد الإسلامي في غزة.", ("حماس", "support", "الجهاد الإسلامي", False)),
    ],
)
def test_support(text, expected):
    assert relations(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("هدد أردوغان اليونان بالرد.", ("أردوغان", "conflict", "اليونان", True)),
        ("فرضت الولايات المتحدة عقوبات على إيران.", ("الولايات المتحدة", "conflict", "إيران", True)),
        ("رفع ماسك دعوى قضائية ضد شركة أوبن إيه آي.", ("ماسك", "conflict", "أوبن إيه آي", True)),
        ("الخلاف بين ماسك وزوكربيرغ تصاعد.", ("ماسك", "conflict", "زوكربيرغ", False)),
    ],
)
def test_conflict(text, expected):
    assert relations(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال تيم كوك، الرئيس التنفيذي لشركة أبل، إن المبيعات ارتفعت.", ("تيم كوك", "affiliation", "أبل", True)),
        ("المتحدث باسم حركة حماس حازم قاسم قال إن الحركة مستعدة.", ("حازم قاسم", "affiliation", "حماس", True)),
        ("أسس ماسك شركة سبيس إكس عام 2002.", ("ماسك", "affiliation", "سبيس إكس", True)),
        ("شركة تويتر التي يمتلكها ماسك غيرت اسمها.", ("ماسك", "affiliation", "تويتر", True)),
    ],
)
def test_affiliation(text, expected):
    assert relations(text) == [expected]


@pytest.mark.parametrize(
    "text, role",
    [
        ("المتحدث باسم حركة حماس حازم قاسم قال إن الحركة مستعدة.", "spokesperson"),
        ("قال تيم كوك، الرئيس التنفيذي لشركة أبل، إن المبيعات ارتفعت.", "leader"),
        ("أسس ماسك شركة سبيس إكس عام 2002.", "founder"),
        ("شركة تويتر التي يمتلكها ماسك غيرت اسمها.", "owner"),
    ],
)
def test_an_affiliation_carries_the_role_its_words_give(text, role):
    (relation,) = ae.extract(text).relations
    assert (relation.type, relation.role) == ("affiliation", role)


@pytest.mark.parametrize(
    "text, status",
    [
        ("التقى ماكرون وأردوغان في باريس أمس.", "happened"),
        ("سيلتقي ماكرون وأردوغان في باريس الأسبوع المقبل.", "planned"),
        ("من المقرر أن يلتقي ماكرون وأردوغان في باريس.", "planned"),
        ("يعتزم ماكرون زيارة أردوغان في أنقرة.", "planned"),
    ],
)
def test_a_relation_to_come_is_planned(text, status):
    (relation,) = ae.extract(text).relations
    assert (relation.type, relation.status) == ("contact", status)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("منظمة الصحة العالمية ومقرها جنيف أصدرت تقريرا.", ("منظمة الصحة العالمية", "located_in", "جنيف", True)),
        ("وقالت شركة أبل ومقرها كاليفورنيا إن مبيعاتها ارتفعت.", ("أبل", "located_in", "كاليفورنيا", True)),
        ("يقيم الكاتب علاء الأسواني في نيويورك منذ سنوات.", ("علاء الأسواني", "located_in", "نيويورك", True)),
    ],
)
def test_located_in(text, expected):
    assert relations(text) == [expected]


# --- word order and direction -------------------------------------------------------------


def test_direction_follows_verb_subject_object_and_subject_verb_object():
    macron, netanyahu = "إيمانويل ماكرون", "بنيامين نتنياهو"
    vso = "انتقد الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الإسرائيلي بنيامين نتنياهو بشدة."
    svo = "رئيس الوزراء الإسرائيلي بنيامين نتنياهو انتقد الرئيس الفرنسي إيمانويل ماكرون بشدة."
    assert relations(vso) == [(macron, "conflict", netanyahu, True)]
    assert relations(svo) == [(netanyahu, "conflict", macron, True)]


def test_coordinated_names_meet_undirected_before_or_after_the_verb():
    assert relations("اجتمع أردوغان وزيلينسكي في إسطنبول أمس.") == [("أردوغان", "contact", "زيلينسكي", False)]
    assert relations("أردوغان وزيلينسكي اجتمعا في إسطنبول أمس.") == [("أردوغان", "contact", "زيلينسكي", False)]
    assert relations("سيلتقي ماكرون وأردوغان في باريس الأسبوع المقبل.") == [("ماكرون", "contact", "أردوغان", False)]


def test_between_names_the_parties():
    assert relations("تتواصل الاتصالات بين القاهرة والدوحة لإنهاء الأزمة.") == [("القاهرة", "contact", "الدوحة", False)]


def test_a_verb_joined_by_wa_takes_no_subject_from_before_it():
    names = {"ماسك": "PERS", "ترامب": "PERS", "بايدن": "PERS"}
    assert hand_relations("ماسك انتقد ترامب واتهم بايدن بالكذب.", names) == [("ماسك", "conflict", "ترامب", True)]


def test_coordinated_objects_share_the_relation():
    names = {"ماسك": "PERS", "تسلا": "ORG", "غوغل": "ORG"}
    assert hand_relations("رفع ماسك دعوى ضد تسلا وغوغل.", names) == [
        ("ماسك", "conflict", "تسلا", True),
        ("ماسك", "conflict", "غوغل", True),
    ]


def test_some_triggers_relate_only_through_their_preposition():
    names = {"ماسك": "PERS", "بوتين": "PERS"}
    assert hand_relations("بحث ماسك مع بوتين الوضع في أوكرانيا.", names) == [("ماسك", "contact", "بوتين", False)]
    assert hand_relations("بحث ماسك ملف بوتين أمس.", names) == []


def test_the_min_side_of_a_verbal_noun_is_its_actor():
    names = {"ماسك": "PERS", "المفوضية": "ORG"}
    assert hand_relations("تعرض ماسك لانتقادات من قبل المفوضية.", names) == [("المفوضية", "conflict", "ماسك", True)]


def test_a_word_after_a_preposition_is_not_a_verb():
    names = {"أبل": "ORG", "آيفون": "ORG"}
    assert hand_relations("كشفت أبل عن هاتف آيفون الجديد.", names) == []


# --- what gives nothing -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "لن يدعم ماسك بايدن.",
        "رفض أردوغان انتقاد بوتين علنا.",
        "نفى الكرملين أن يكون بوتين قد التقى ماسك.",
        "نفى الكرملين وجود اتصالات بين بوتين وماسك.",
    ],
)
def test_negated_or_denied_triggers_give_nothing(text):
    assert relations(text) == []


def test_a_denial_governs_the_clause_it_introduces():
    names = {"ماسك": "PERS", "بوتين": "PERS"}
    text = "نفى المتحدث الرسمي باسم الحكومة الروسية أن يكون ماسك قد التقى بوتين."
    assert hand_relations(text, names) == []
    assert hand_relations("قال المتحدث الرسمي باسم الحكومة الروسية إن ماسك التقى بوتين.", names) == [
        ("ماسك", "contact", "بوتين", False)
    ]


def test_negation_particles_in_other_uses_do_not_negate():
    assert relations("لا يزال ماسك يدعم ترامب.") == [("ماسك", "support", "ترامب", True)]


@pytest.mark.parametrize(
    "text",
    [
        "قال بايدن إن ترامب خطر على الديمقراطية وإن بوتين يراقب الانتخابات في أوكرانيا.",
        "ذهب ماكرون إلى برلين بينما كان شولتس في لندن.",
        "تدعم فرنسا الحوار مع الصين.",
        "تحدث ماسك عن ترامب في مقابلة.",
    ],
)
def test_unrelated_or_distant_pairs_give_nothing(text):
    assert relations(text) == []


def test_a_trigger_does_not_reach_across_a_long_gap():
    names = {"ماسك": "PERS", "ألمانيا": "LOC"}
    text = "انتقد ماسك القرار الذي اتخذته الحكومة قبل أسابيع في اجتماع طويل حضره ممثلون عن ألمانيا."
    assert hand_relations(text, names) == []


def test_sentences_without_entities_give_nothing():
    assert extract_relations(ae.extract("قال المتحدث إن الاجتماع كان مثمرا وإن الحوار مستمر.")) == []
    assert extract_relations(ae.extract("")) == []


# --- label constraints --------------------------------------------------------------------


def test_affiliation_joins_a_person_and_an_organization_only():
    assert hand_relations("قاد بوتين روسيا منذ عام 2000.", {"بوتين": "PERS", "روسيا": "LOC"}) == []
    assert hand_relations("قاد بوتين الحزب منذ عام 2000.", {"بوتين": "PERS", "الحزب": "ORG"}) == [
        ("بوتين", "affiliation", "الحزب", True)
    ]


def test_located_in_needs_a_place_as_tail():
    text = "شركة تسلا ومقرها أوستن تعلن أرباحها."
    assert hand_relations(text, {"تسلا": "ORG", "أوستن": "LOC"}) == [("تسلا", "located_in", "أوستن", True)]
    assert hand_relations(text, {"تسلا": "ORG", "أوستن": "PERS"}) == []


def test_misc_mentions_take_part_in_nothing():
    assert hand_relations("هاجم ماسك الدولار بشدة.", {"ماسك": "PERS", "الدولار": "MISC"}) == []
    assert hand_relations("هاجم ماسك الدولار بشدة.", {"ماسك": "PERS", "الدولار": "ORG"}) == [
        ("ماسك", "conflict", "الدولار", True)
    ]


# --- record, determinism ------------------------------------------------------------------


def test_relation_records_trigger_as_written_sentence_and_evidence():
    doc = ae.extract("قالت الصحيفة إن الاجتماع انتهى. وتحالفت حماس مع حركة الجهاد الإسلامي في غزة.")
    (relation,) = doc.relations
    assert relation.trigger == "وتحالفت"
    assert relation.sentence == 1
    assert relation.evidence == doc.sentences[1].text


def test_at_most_one_relation_per_pair_and_sentence():
    names = {"ماسك": "PERS", "ترامب": "PERS"}
    assert hand_relations("انتقد ماسك ترامب ثم هاجم ماسك ترامب.", names) == [("ماسك", "conflict", "ترامب", True)]


def test_same_input_same_relations():
    text = (SEEDS / "000_c9c7c4effab98621.txt").read_text(encoding="utf-8")
    first, second = ae.extract(text), ae.extract(text)
    assert first.relations == second.relations
    assert extract_relations(first) == first.relations


# --- the seed: the acceptance checks ----------------------------------------------


def test_seed_relations():
    doc = ae.extract((SEEDS / "000_c9c7c4effab98621.txt").read_text(encoding="utf-8"))

    def person(surname):
        (entity,) = [e for e in doc.entities if e.label == "PERS" and surname in e.name.split()]
        return entity.id

    musk, putin, trump, peskov = person("ماسك"), person("بوتين"), person("ترامب"), person("بيسكوف")
    kremlin = next(e.id for e in doc.entities if e.label == "ORG" and e.name == "الكرملين")
    found = {(r.head, r.type, r.tail, r.directed) for r in doc.relations}
    assert (musk, "contact", putin, False) in found or (putin, "contact", musk, False) in found
    assert (musk, "support", trump, True) in found  # ماسك داعما أساسيا لحملة دونالد ترامب
    assert (musk, "conflict", trump, True) in found  # انتقاد ماسك لمشروع قانون ترامب; اتهم ماسك إدارة ترامب
    assert (peskov, "affiliation", kremlin, True) in found  # المتحدث باسم الكرملين ديمتري بيسكوف


# --- reach: titles, heads, seats, agents --------------------------------------------------


def test_a_title_alone_is_the_person_who_held_it_before():
    doc = ae.extract(
        "استقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الأمريكي دونالد ترامب. وانتقد ولي العهد إيران بشدة."
    )
    conflict = [r for r in doc.relations if r.type == "conflict"]
    assert [(r.head_name, r.tail_name, r.sentence) for r in conflict] == [("محمد بن سلمان", "إيران", 1)]


def test_a_title_two_people_held_stays_unresolved():
    names = {"ترامب": "PERS", "بوتين": "PERS", "إيران": "LOC"}
    text = "التقى الرئيس ترامب الرئيس بوتين. وانتقد الرئيس إيران."
    assert [r for r in hand_relations(text, names) if r[1] == "conflict"] == []


@pytest.mark.parametrize(
    "text, names, expected",
    [
        (
            "عقد مجلس النقابة، برئاسة الدكتور محمد عبد الجواد، اجتماعا اليوم.",
            {"مجلس النقابة": "ORG", "محمد عبد الجواد": "PERS"},
            ("محمد عبد الجواد", "affiliation", "مجلس النقابة", True),
        ),
        (
            "أعلنت وزارة الخزانة على لسان الوزير سكوت بيسنت تمديد الإعفاءات.",
            {"وزارة الخزانة": "ORG", "سكوت بيسنت": "PERS"},
            ("سكوت بيسنت", "affiliation", "وزارة الخزانة", True),
        ),
        (
            "تمكنت وحدات الحرس الوطني بالمنستير من إيقاف عصابة.",
            {"الحرس الوطني": "ORG", "المنستير": "LOC"},
            ("الحرس الوطني", "located_in", "المنستير", True),
        ),
        (
            "وجهت إلى شركة ميتا اتهامات بالاحتكار من لجنة التجارة.",
            {"ميتا": "ORG", "لجنة التجارة": "ORG"},
            ("لجنة التجارة", "conflict", "ميتا", True),
        ),
    ],
)
def test_heads_spokespeople_seats_and_agents(text, names, expected):
    assert hand_relations(text, names) == [expected]


def test_an_apposition_does_not_keep_the_object_from_its_verb():
    names = {"هشام قنديل": "PERS", "مجلس الوزراء": "ORG", "رشاد حسين": "PERS"}
    text = "استقبل الدكتور هشام قنديل رئيس مجلس الوزراء اليوم الخميس، رشاد حسين المبعوث الأمريكي."
    assert hand_relations(text, names) == [
        ("هشام قنديل", "contact", "رشاد حسين", False),
        ("هشام قنديل", "affiliation", "مجلس الوزراء", True),
    ]


def test_a_match_is_neither_a_meeting_nor_a_conflict():
    names = {"الأهلي": "ORG", "الزمالك": "ORG"}
    assert hand_relations("تنتظر الجماهير مواجهة الأهلي والزمالك في نهائي الكأس.", names) == []
    assert hand_relations("تتواصل المواجهة بين الأهلي والزمالك في الشارع.", names) == [
        ("الأهلي", "conflict", "الزمالك", False)
    ]


def test_a_signing_is_a_players_affiliation():
    (relation,) = ae.extract("أعلن ريال مدريد تعاقده مع كيليان مبابي.").relations
    assert (relation.head_name, relation.type, relation.tail_name, relation.role) == (
        "كيليان مبابي",
        "affiliation",
        "ريال مدريد",
        "player",
    )
