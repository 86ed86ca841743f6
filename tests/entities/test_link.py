import pytest

import arabic_entities as ae
from arabic_entities.document import Document, Entity, Mention


def doc(doc_id, entities):
    """A document holding one mention per entity (text offsets are not used here)."""
    ents = [Entity(f"{doc_id}-{i}", label, name, (), 1) for i, (label, name) in enumerate(entities)]
    mentions = [Mention(e.name, 0, len(e.name), e.label, 0, e.id, 0.9, token_start=0, token_end=1) for e in ents]
    return Document(doc_id, "", mentions=mentions, entities=ents)


def test_surname_only_document_joins_the_full_name():
    docs = ae.link_entities([doc("a", [("PERS", "إيلون ماسك")]), doc("b", [("PERS", "ماسك")])])
    assert docs[0].entities[0].id == docs[1].entities[0].id
    assert docs[1].entities[0].name == "إيلون ماسك"
    assert docs[1].mentions[0].entity_id == docs[1].entities[0].id


def test_spelling_variants_across_documents():
    docs = ae.link_entities(
        [doc("a", [("PERS", "دونالد ترامب")]), doc("b", [("PERS", "دونالد ترمب")]), doc("c", [("PERS", "ترمب")])]
    )
    assert len({d.entities[0].id for d in docs}) == 1


def test_two_people_sharing_a_surname_stay_apart():
    docs = ae.link_entities(
        [doc("a", [("PERS", "جون كينيدي"), ("PERS", "روبرت كينيدي")]), doc("b", [("PERS", "كينيدي")])]
    )
    ids = {e.id for d in docs for e in d.entities}
    assert len(ids) == 3


def test_labels_are_kept_apart_and_inputs_unchanged():
    original = [doc("a", [("LOC", "واشنطن")]), doc("b", [("PERS", "واشنطن")])]
    docs = ae.link_entities(original)
    assert docs[0].entities[0].id != docs[1].entities[0].id
    assert original[0].entities[0].id == "a-0"


def test_entities_merged_inside_one_document():
    docs = ae.link_entities([doc("a", [("PERS", "ترامب"), ("PERS", "ترمب")])])
    (entity,) = docs[0].entities
    assert entity.mention_count == 2 and {entity.name, *entity.aliases} == {"ترامب", "ترمب"}
    assert {m.entity_id for m in docs[0].mentions} == {entity.id}


def test_relations_follow_the_new_ids():
    from arabic_entities.document import Relation

    a = doc("a", [("PERS", "إيلون ماسك"), ("PERS", "دونالد ترامب")])
    b = doc("b", [("PERS", "ماسك"), ("PERS", "ترامب")])
    b.relations = [Relation("b-0", "b-1", "conflict", True, 0, "", "انتقد")]
    linked = ae.link_entities([a, b])
    (relation,) = linked[1].relations
    assert (relation.head, relation.tail) == (linked[0].entities[0].id, linked[0].entities[1].id)


def test_a_bare_surname_joins_the_person_with_most_mentions():
    many = [doc(f"m{i}", [("PERS", "محمد مرسي")]) for i in range(9)]
    docs = ae.link_entities([*many, doc("x", [("PERS", "مرسي عطا الله")]), doc("y", [("PERS", "مرسي")])])
    assert docs[-1].entities[0].id == docs[0].entities[0].id


def test_a_common_given_name_alone_is_someone_of_its_own_document():
    docs = [ae.extract("وقال محمد إن الاجتماع انتهى."), ae.extract("وأضاف محمد أن الطريق مغلق.")]
    persons = [e for d in ae.link_entities(docs) for e in d.entities if e.label == "PERS"]
    assert len(persons) == 2 and persons[0].id != persons[1].id


def test_an_organization_joins_the_longer_form_it_begins_but_not_across_nationalities():
    docs = ae.link_entities(
        [
            doc("a", [("ORG", "جبهة الإنقاذ الوطني")]),
            doc("b", [("ORG", "جبهة الإنقاذ")]),
            doc("c", [("ORG", "مجلس النواب الأميركي")]),
            doc("d", [("ORG", "مجلس النواب")]),
        ]
    )
    ids = [d.entities[0].id for d in docs]
    assert ids[0] == ids[1]
    assert ids[2] != ids[3]


def test_an_organization_named_without_its_head_noun_joins_the_one_with_it():
    docs = ae.link_entities(
        [
            doc("a", [("ORG", "جماعة الإخوان المسلمين")]),
            doc("b", [("ORG", "الإخوان المسلمين")]),
            doc("c", [("ORG", "حزب النور")]),
            doc("d", [("ORG", "النور")]),  # one word left: a common noun too, never joined
        ]
    )
    ids = [d.entities[0].id for d in docs]
    assert ids[0] == ids[1] and docs[1].entities[0].name == "جماعة الإخوان المسلمين"
    assert ids[2] != ids[3]


def test_short_and_long_names_that_differ_in_a_long_vowel_stay_apart():
    docs = ae.link_entities(
        [doc("a", [("PERS", "حمدين صباحي")]), doc("b", [("PERS", "محمد صبحي")]), doc("c", [("PERS", "صبحي")])]
    )
    assert docs[2].entities[0].id == docs[1].entities[0].id != docs[0].entities[0].id


@pytest.mark.parametrize("short", ["(CNN)", "(193)", "(السلفي)", "(رويترز) -"])
def test_what_is_not_a_short_form(short):
    text = f"قال حزب النور السياسي {short} إن الاجتماع انتهى، وقالت الأمم المتحدة {short} كذلك."
    doc_ = ae.extract(text)
    long_ids = {m.entity_id for m in doc_.mentions if m.text in ("حزب النور السياسي", "الأمم المتحدة")}
    inside = [m for m in doc_.mentions if m.start > text.index(short) and m.end <= text.index(short) + len(short)]
    assert not [m for m in inside if m.entity_id in long_ids]


def test_a_state_institution_is_the_one_of_the_country_the_document_is_about():
    tunisian = ae.extract("قالت وزارة الداخلية إن الوضع في تونس هادئ، وإن تونس آمنة.")
    egyptian = ae.extract("قالت وزارة الداخلية إن الوضع في مصر هادئ، وإن مصر آمنة.")
    names = [[e.name for e in d.entities if e.label == "ORG"] for d in (tunisian, egyptian)]
    assert names == [["وزارة الداخلية (تونس)"], ["وزارة الداخلية (مصر)"]]
    plain = ae.extract("وأكدت وزارة الداخلية أن الطريق مغلق.")
    assert [e.name for e in plain.entities] == ["وزارة الداخلية"]  # no country is clear
    linked = ae.link_entities([egyptian, egyptian, tunisian, plain])
    ids = [next(e.id for e in d.entities if e.label == "ORG") for d in linked]
    assert ids[0] == ids[1] == ids[3] != ids[2]  # named without a country: the country named most


def test_international_bodies_and_named_parties_are_no_country_institutions():
    doc = ae.extract("قال مجلس الأمن الدولي إن حزب الحرية والعدالة في مصر فاز، وإن مصر هادئة.")
    assert {e.name for e in doc.entities if e.label == "ORG"} >= {"مجلس الأمن الدولي", "حزب الحرية والعدالة"}
