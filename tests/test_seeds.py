"""The seed article: the people, places and links the library exists to find."""

from pathlib import Path

import pytest

import arabic_entities as ae

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def doc():
    path = next(SEEDS.glob("*.txt"))
    return ae.extract(path.read_text(encoding="utf-8"), doc_id=path.name)


def persons_named(doc, word):
    return [e for e in doc.entities if e.label == "PERS" and word in e.name.split()]


@pytest.mark.parametrize("surname", ["ماسك", "بوتين", "ترامب"])
def test_musk_putin_trump_are_each_one_person(doc, surname):
    found = persons_named(doc, surname)
    assert len(found) == 1, [e.name for e in found]


def test_cliticized_forms_join_the_entity(doc):
    musk = persons_named(doc, "ماسك")[0]
    texts = {m.text for m in doc.mentions if m.entity_id == musk.id}
    assert "ماسك" in texts
    assert not any(t.startswith(("لماسك", "وماسك")) for t in texts)


def test_graph_links_musk_putin_and_trump(doc):
    G = ae.cooccurrence_graph([doc])
    ids = [persons_named(doc, s)[0].id for s in ("ماسك", "بوتين", "ترامب")]
    for a, b in [(0, 1), (0, 2), (1, 2)]:
        assert G.has_edge(ids[a], ids[b])
        evidence = G.edges[ids[a], ids[b]]["evidence"]
        assert evidence and all(e["doc"] == doc.id for e in evidence)


SEED_ENTITIES = {
    "Elon Musk": "ماسك",
    "Vladimir Putin": "بوتين",
    "Donald Trump": "ترامب",
    "Dmitry Peskov": "بيسكوف",
    "Sergey Kiriyenko": "كيريينكو",
    "Xi Jinping": "بينغ",
    "SpaceX": "سبيس",
    "Starlink": "ستارلينك",
    "NASA": "ناسا",
    "Pentagon": "البنتاغون",
    "Kremlin": "الكرملين",
    "White House": "الأبيض",
    "Washington": "واشنطن",
    "Russia": "روسيا",
    "Ukraine": "أوكرانيا",
    "Taiwan": "تايوان",
    "Crimea": "القرم",
}


@pytest.mark.parametrize("english, word", SEED_ENTITIES.items())
def test_seed_entities_are_one_entity_with_their_english_name(doc, english, word):
    found = [e for e in doc.entities if e.name_en == english]
    assert len(found) == 1, [(e.name, e.label) for e in found]
    (entity,) = found

    # every mention with the name's word belongs to it, whatever its proclitics (وبوتين, للكرملين)
    def has_word(text):
        return any(
            w.endswith(word) and w[: len(w) - len(word)] in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "لل")
            for w in ae.normalize(text, alef=False).split()
        )

    others = [m.text for m in doc.mentions if has_word(m.text) and m.entity_id != entity.id]
    assert not others


def test_titles_are_descriptions_not_names(doc):
    putin = persons_named(doc, "بوتين")[0]
    assert putin.name == "فلاديمير بوتين" and "الرئيس الروسي" in putin.descriptions


@pytest.mark.parametrize(
    "a, b",
    [
        ("Elon Musk", "Vladimir Putin"),
        ("Elon Musk", "Donald Trump"),
        ("Vladimir Putin", "Xi Jinping"),
        ("Elon Musk", "SpaceX"),
    ],
)
def test_seed_graph_edges_with_evidence(doc, a, b):
    G = ae.cooccurrence_graph([doc])
    ids = {english: next(e.id for e in doc.entities if e.name_en == english) for english in (a, b)}
    edge = G.edges[ids[a], ids[b]]
    assert edge["weight"] >= 1 and edge["evidence"]
    assert all(doc.sentences[e["sentence"]].text == e["text"] for e in edge["evidence"])
