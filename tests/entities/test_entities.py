"""Issue 4 end to end: what users read as entities, through the whole pipeline."""

import arabic_entities as ae


def entities_by_english(doc):
    return {e.name_en: e for e in doc.entities if e.name_en}


def test_spelling_variants_are_one_entity():
    doc = ae.extract("قال الرئيس الأميركي دونالد ترامب إن أميركا قوية. وأضاف ترمب أن أمريكا لن تتراجع.")
    trump = [e for e in doc.entities if e.name_en == "Donald Trump"]
    assert len(trump) == 1 and trump[0].mention_count == 2
    america = [e for e in doc.entities if e.label == "LOC" and {e.name, *e.aliases} & {"أميركا", "أمريكا"}]
    assert len(america) == 1 and {"أميركا", "أمريكا"} <= {america[0].name, *america[0].aliases}


def test_short_form_in_parentheses_joins_its_long_form():
    doc = ae.extract("أعلنت وكالة الفضاء الأميركية (ناسا) عن مهمة جديدة. وقالت ناسا إن الإطلاق سيتم غدا.")
    nasa = [e for e in doc.entities if "ناسا" in (e.name, *e.aliases)]
    assert len(nasa) == 1
    assert nasa[0].name == "وكالة الفضاء الأميركية" and nasa[0].mention_count == 3


def test_titles_stay_out_of_names_and_become_descriptions():
    doc = ae.extract("وصل الرئيس الروسي فلاديمير بوتين إلى بكين.")
    putin = entities_by_english(doc)["Vladimir Putin"]
    assert putin.name == "فلاديمير بوتين"
    assert putin.descriptions == ("الرئيس الروسي",)
    (mention,) = [m for m in doc.mentions if m.entity_id == putin.id]
    assert mention.text == "فلاديمير بوتين"


def test_coordinated_names_are_separate_mentions():
    doc = ae.extract("اجتمع شي جين بينغ وبوتين في موسكو، وحضر البنتاغون وناسا الاجتماع.")
    names = {e.name_en for e in doc.entities}
    assert {"Xi Jinping", "Vladimir Putin"} <= names
    assert not any(" و" in m.text for m in doc.mentions)


def test_two_kennedys_are_two_people():
    doc = ae.extract("اغتيل جون كينيدي عام 1963، واغتيل شقيقه روبرت كينيدي عام 1968.")
    kennedys = [e for e in doc.entities if e.label == "PERS" and "كينيدي" in e.name]
    assert sorted(e.name for e in kennedys) == ["جون كينيدي", "روبرت كينيدي"]


def test_ids_are_the_same_in_every_document_and_run():
    first = ae.extract("التقى إيلون ماسك بالرئيس في واشنطن.")
    second = ae.extract("قال ماسك إن واشنطن تدعم شركته.", doc_id="other")
    musk = [entities_by_english(d)["Elon Musk"].id for d in (first, second)]
    washington = [entities_by_english(d)["Washington"].id for d in (first, second)]
    assert musk[0] == musk[1] and washington[0] == washington[1]
    assert ae.extract("التقى إيلون ماسك بالرئيس في واشنطن.").entities == first.entities


class TagsNothing(ae.ner.Recognizer):
    def predict_scores(self, sentences):
        return [(["O"] * len(s), [1.0] * len(s)) for s in sentences]


def test_prominent_names_are_found_where_the_tagger_misses_them():
    text = "وقال ماسك إن الإطلاق نجح، ورد عليه وزير من الكرملين."
    assert ae.load(TagsNothing(), known_names={})(text).entities == []
    found = ae.load(TagsNothing())(text).entities
    assert [(e.label, e.name_en) for e in found] == [("PERS", "Elon Musk"), ("ORG", "Kremlin")]


def test_clitic_on_a_known_full_name_is_cut_even_when_the_word_alone_is_a_name():
    # بايلون is itself a name token (Bailon), but بإيلون ماسك is ب + إيلون ماسك
    doc = ae.extract("التقى الرئيس الروسي فلاديمير بوتين بإيلون ماسك في موسكو.")
    assert "إيلون ماسك" in [m.text for m in doc.mentions]


class TagsEverythingOnePerson(ae.ner.Recognizer):
    def predict_scores(self, sentences):
        return [(["B-PERS"] + ["I-PERS"] * (len(s) - 1), [0.9] * len(s)) if s else ([], []) for s in sentences]


def test_listed_names_fused_by_the_tagger_are_separate_mentions():
    doc = ae.load(TagsEverythingOnePerson())("ماسك ترامب")
    assert [(m.text, m.label) for m in doc.mentions] == [("ماسك", "PERS"), ("ترامب", "PERS")]
    assert {e.name_en for e in doc.entities} == {"Elon Musk", "Donald Trump"}
