import pytest

from arabic_entities.entities.resolve import SpanCandidate, choose_split, entity_id, resolve
from arabic_entities.lexicon.gazetteer import load_gazetteer

GAZ = load_gazetteer()


def split_of(word, document_words=()):
    split = choose_split(word, attested=set(document_words).__contains__, known_name=GAZ.__contains__)
    return None if split is None else split.stem


@pytest.mark.parametrize(
    "name", ["واشنطن", "وليد", "لبنان", "فرنسا", "بريطانيا", "كندا", "بكين", "فلسطين", "بنسلفانيا", "الكرملين"]
)
def test_known_names_are_never_stripped(name):
    # even when the document also contains what would be left after stripping
    assert split_of(name, document_words={name[1:], name[2:]}) is None


def test_conjunction_is_stripped_when_the_rest_is_attested():
    assert split_of("وبوتين", {"بوتين"}) == "بوتين"
    assert split_of("لماسك", {"ماسك"}) == "ماسك"


def test_no_evidence_no_stripping():
    assert split_of("وزيرستان") is None


def test_clitic_before_the_article_is_stripped():
    assert split_of("والبيت") == "البيت"
    assert split_of("للكرملين") == "الكرملين"


def test_entity_ids_depend_only_on_label_and_key():
    assert entity_id("PERS", "بوتين") == entity_id("PERS", "بوتين")
    assert entity_id("PERS", "بوتين") != entity_id("LOC", "بوتين")


def _candidate(words, start, token_start, label="PERS", sentence=0):
    return SpanCandidate(
        label=label,
        words=tuple(words),
        norm_start=start,
        norm_end=start + len(" ".join(words)),
        sentence=sentence,
        score=0.9,
        token_start=token_start,
        token_end=token_start + len(words),
    )


def test_resolve_strips_clitics_and_merges_partial_names():
    text = "قال إيلون ماسك إن لماسك ووبوتين وبوتين"
    candidates = [
        _candidate(["إيلون", "ماسك"], 4, 1),
        _candidate(["لماسك"], 18, 4),
        _candidate(["وبوتين"], 32, 6),
    ]
    words = {"قال", "ايلون", "ماسك", "ان", "لماسك", "ووبوتين", "وبوتين", "بوتين"}
    mentions, entities = resolve(candidates, document_words=words, to_original=lambda a, b: (a, b), original_text=text)
    assert [m.text for m in mentions] == ["إيلون ماسك", "ماسك", "بوتين"]
    assert mentions[0].entity_id == mentions[1].entity_id != mentions[2].entity_id
    musk = next(e for e in entities if e.id == mentions[0].entity_id)
    assert musk.name == "إيلون ماسك" and musk.mention_count == 2 and musk.aliases == ("ماسك",)


def test_two_people_sharing_a_surname_are_not_merged_with_it():
    text = "جورج بوش وجيب بوش و بوش"
    candidates = [_candidate(["جورج", "بوش"], 0, 0), _candidate(["جيب", "بوش"], 10, 2), _candidate(["بوش"], 20, 5)]
    _, entities = resolve(candidates, document_words=set(), to_original=lambda a, b: (a, b), original_text=text)
    assert len(entities) == 3


def test_a_frequent_word_is_evidence_unless_the_whole_word_is_as_frequent():
    ranks = {"وكاله": 704, "ووكاله": 21748, "مال": 9017, "كمال": 933}.get
    assert choose_split("ووكالة", attested=lambda k: False, known_name=lambda k: False, word_rank=ranks).stem == "وكاله"
    assert choose_split("كمال", attested=lambda k: False, known_name=lambda k: False, word_rank=ranks) is None


def test_one_label_per_name_in_a_document():
    text = "إكس ثم إكس ثم إكس"
    candidates = [
        SpanCandidate(
            label="ORG", words=("إكس",), norm_start=0, norm_end=3, sentence=0, score=0.9, token_start=0, token_end=1
        ),
        SpanCandidate(
            label="PERS", words=("إكس",), norm_start=7, norm_end=10, sentence=0, score=0.6, token_start=2, token_end=3
        ),
        SpanCandidate(
            label="ORG", words=("إكس",), norm_start=14, norm_end=17, sentence=0, score=0.5, token_start=4, token_end=5
        ),
    ]
    mentions, entities = resolve(candidates, document_words=set(), to_original=lambda a, b: (a, b), original_text=text)
    assert [e.label for e in entities] == ["ORG"]
    assert {m.label for m in mentions} == {"ORG"}
