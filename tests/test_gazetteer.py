from arabic_entities.gazetteer import load_gazetteer


def test_shipped_table_knows_places_and_people():
    gaz = load_gazetteer()
    assert "LOC" in gaz.labels("واشنطن")
    assert "LOC" in gaz.labels("لبنان")
    assert "PERS" in gaz.labels("بوتين")
    assert "PERS" in gaz.part_labels("فلاديمير")
    assert gaz.labels("كلمةغيرموجودة") == frozenset()
