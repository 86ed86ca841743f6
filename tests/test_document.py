import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabic_entities as ae
from arabic_entities.document import LABELS, RELATION_TYPES, Document, Entity, Mention, Relation, Sentence, Token

text = st.text(max_size=20)
count = st.integers(min_value=0, max_value=10**6)
label = st.sampled_from(LABELS)
tokens = st.builds(Token, text=text, start=count, end=count, norm=text, sentence=count)
sentences = st.builds(Sentence, index=count, text=text, start=count, end=count, token_start=count, token_end=count)
mentions = st.builds(
    Mention,
    text=text,
    start=count,
    end=count,
    label=label,
    sentence=count,
    entity_id=text,
    score=st.none() | st.floats(0, 1),
    token_start=count,
    token_end=count,
)
entities = st.builds(
    Entity,
    id=text,
    label=label,
    name=text,
    aliases=st.lists(text, max_size=3).map(tuple),
    mention_count=count,
    name_en=st.none() | text,
    descriptions=st.lists(text, max_size=3).map(tuple),
)
relations = st.builds(
    Relation,
    head=text,
    tail=text,
    type=st.sampled_from(RELATION_TYPES),
    directed=st.booleans(),
    sentence=count,
    evidence=text,
    trigger=text,
)
documents = st.builds(
    Document,
    id=text,
    text=st.text(max_size=200),
    sentences=st.lists(sentences, max_size=3),
    tokens=st.lists(tokens, max_size=5),
    mentions=st.lists(mentions, max_size=5),
    entities=st.lists(entities, max_size=5),
    relations=st.lists(relations, max_size=3),
)


@given(documents)
def test_json_round_trip(doc):
    assert Document.from_json(doc.to_json()) == doc
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


def test_round_trip_of_an_extracted_document():
    doc = ae.extract("قال الرئيس الروسي فلاديمير بوتين إن إيلون ماسك زار موسكو، ثم التقى ماسك وبوتين.")
    again = Document.from_json(doc.to_json())
    assert again == doc and again.relations and again.entities[0].descriptions
    assert pickle.loads(pickle.dumps(doc)) == doc


@given(documents, st.none() | st.just("2017-03-07"))
def test_pickle_round_trip(doc, date):
    doc.date = date
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and [type(t) for t in again.tokens] == [Token] * len(doc.tokens)


def test_entity_lookup_follows_the_entities_list():
    doc = ae.extract("التقى ماسك وبوتين في موسكو.")
    first = doc.entities[0]
    assert doc.entity(first.id) is first
    doc.entities = doc.entities[1:]
    with pytest.raises(KeyError):
        doc.entity(first.id)
    doc.entities = [*doc.entities, first]
    assert doc.entity(first.id) is first


def test_mentions_know_their_tokens():
    doc = ae.extract("وقال إيلون ماسك لبوتين إن موسكو بعيدة.")
    for m in doc.mentions:
        first, last = doc.tokens[m.token_start], doc.tokens[m.token_end - 1]
        assert first.start <= m.start < first.end and last.start < m.end == last.end
