"""Institutions found by their structure: a head noun and its genitive chain."""

import pytest

import arabic_entities as ae
from arabic_entities.entities.institutions import institution_spans, tail_length


def names(text, **options):
    words = text.split()
    return [" ".join(words[a:b]) for a, b in institution_spans(words, **options)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أعلنت وزارة الداخلية أمس", ["وزارة الداخلية"]),
        ("قررت الهيئة العليا المستقلة للانتخابات تأجيل الموعد", ["الهيئة العليا المستقلة للانتخابات"]),
        ("قالت وزارة التربية والتعليم إن", ["وزارة التربية والتعليم"]),
        ("أكد المجلس القومي لحقوق الإنسان", ["المجلس القومي"]),
        ("أعلنت القوات المسلحة والشعب", ["القوات المسلحة"]),
        ("انتشر الجيش المصري في", ["الجيش المصري"]),
        ("وصل وفد مجلس الشعب اليوم", ["مجلس الشعب"]),
        ("دعت وزارة الداخلية للتحدث", ["وزارة الداخلية"]),
        ("أبلغ مركز شرطة دمياط", []),
    ],
)
def test_institution_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "قالت الحكومة المصرية إن",  # a description: no institution head
        "اعتقلت قوات الأمن عشرة",  # قوات names an institution only with the article
        "تقدمت القوات الروسية نحو",  # forces and a nationality are a description
        "قال الحزب إن حزبا جديدا تأسس",  # a bare head
        "أعلنت اللجنة المختصة أن",  # a head with the article and a describing adjective
    ],
)
def test_descriptions_are_not_names(text):
    assert names(text) == []


def test_a_known_place_ends_the_chain():
    place = {"دمياط", "مطروح"}.__contains__
    assert names("أبلغ مركز شرطة دمياط عن", known_place=place) == ["مركز شرطة دمياط"]
    assert names("تسلمت مديرية أمن مطروح أسلحة", known_place=place) == ["مديرية أمن مطروح"]


def test_tail_stops_at_a_second_noun():
    assert tail_length("القرار الرسمي".split()) == 0
    assert tail_length("الوطني اليوم".split()) == 1
    assert tail_length("للانتخابات".split()) == 0
    assert tail_length("للانتخابات".split(), genitive=True) == 1


def test_the_pipeline_finds_institutions_and_keeps_the_place_inside_whole():
    doc = ae.extract("وأوضحت وزارة الداخلية في بيانها أن مديرية أمن الإسماعيلية تسلمت الأسلحة.")
    found = {(m.text, m.label) for m in doc.mentions}
    assert ("وزارة الداخلية", "ORG") in found
    assert ("مديرية أمن الإسماعيلية", "ORG") in found
    assert not any(m.text == "الإسماعيلية" for m in doc.mentions)
