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
