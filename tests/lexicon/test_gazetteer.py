import csv
from collections import defaultdict

import pytest

from arabic_entities.lexicon import build_names
from arabic_entities.lexicon.build_names import CURATED_PATH, LABELS, collect, write_table
from arabic_entities.lexicon.gazetteer import TABLE_PATH, load_gazetteer, restore_case
from arabic_entities.text.normalize import match_key

GAZ = load_gazetteer()


def english(name, label=None):
    return GAZ.english(match_key(name), label)


def test_shipped_table_knows_places_and_people():
    gaz = load_gazetteer()
    assert "LOC" in gaz.labels("واشنطن")
    assert "LOC" in gaz.labels("لبنان")
    assert "PERS" in gaz.labels("بوتين")
    assert "PERS" in gaz.part_labels("فلاديمير")
    assert gaz.labels("كلمةغيرموجودة") == frozenset()


def test_curated_spelling_variants_share_their_english_name():
    assert english("دونالد ترامب") == english("دونالد ترمب") == "Donald Trump"
    assert english("أميركا") == english("أمريكا") == "United States"
    assert english("شي جين بينغ") == english("شي جينبينغ") == "Xi Jinping"
    assert english("البنتاغون") == english("البنتاجون") == "Pentagon"
    assert english("حلف شمال الأطلسي") == english("الناتو") == "NATO"
    assert english("إيلون ماسك", "PERS") == "Elon Musk"


def test_curated_rows_override_other_sources():
    assert english("مجلس الشيوخ") == "United States Senate"  # ArWikiCats: Rajya Sabha
    assert english("كييف") == "Kyiv"  # ArWikiCats: kiev
    assert english("الكرملين", "ORG") == "Kremlin"


def test_cldr_country_names():
    assert english("المملكة المتحدة") == "United Kingdom"
    assert english("الولايات المتحدة") == "United States"  # ArWikiCats also has "estados unidos"
    assert english("تركيا") == "Türkiye"  # CLDR before World Cities' "Turkey"
    assert english("ساحل العاج") == "Côte d’Ivoire"
    assert english("ميانمار") == "Myanmar"  # "Myanmar (Burma)" without the parentheses


def test_place_names_from_world_cities_and_arwikicats():
    assert english("موسكو") == "Moscow"
    assert english("القاهرة", "LOC") == "Cairo"
    assert english("فلاديمير بوتين") == "Vladimir Putin"  # curated; ArWikiCats agrees


def test_english_names_are_never_composed_from_name_tokens():
    # every word has a Wikidata token form, but no source names the whole person
    assert english("هاكان فيدان", "PERS") is None
    assert english("خافيير ميلي", "PERS") is None


def test_unknown_names_and_bare_surnames_have_no_english_name():
    assert english("كلمةغيرموجودة") is None
    assert english("كلمةغيرموجودة", "PERS") is None
    assert english("ماسك") is None  # a known name token, but not a whole name
    assert english("ماسك", "PERS") is None
    assert english("بوتين", "PERS") is None
    assert english("شي", "PERS") is None  # a LOC row of another meaning is not used for a person


def test_label_preference():
    assert english("أوتاوا", "LOC") == "Ottawa"
    assert english("أوتاوا", "NAME") == "Odawa"
    assert english("أوتاوا") == "Ottawa"  # World Cities before ArWikiCats
    assert english("أوتاوا", "ORG") == "Odawa"  # no ORG row: the untyped NAME row, not the LOC one
    assert english("إليزي", "LOC") == "Illizi"
    assert english("إليزي", "PERS") == "Alizée"


def test_restore_case():
    assert restore_case("mohammed bin salman") == "Mohammed bin Salman"
    assert restore_case("elizabeth ii") == "Elizabeth II"
    assert restore_case("o'neill") == "O'Neill"
    assert restore_case("mcdonald") == "McDonald"
    assert restore_case("SpaceX") == "SpaceX"


def test_curated_table_is_well_formed_and_shipped():
    with open(CURATED_PATH, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert 60 <= len(rows) <= 150
    english_by_name = defaultdict(set)
    for row in rows:
        assert row["label"] in LABELS and row["en"].strip() and row["source"].strip(), row
        key = match_key(row["ar"])
        english_by_name[key, row["label"]].add(row["en"])
        assert row["label"] in GAZ.labels(key), f"{row['ar']} missing: rebuild names.tsv.gz"
    conflicts = {name: en for name, en in english_by_name.items() if len(en) > 1}
    assert not conflicts
    for (key, label), (en,) in english_by_name.items():
        assert GAZ.english(key, label) == en


@pytest.fixture(scope="module")
def gazetteer_sources(shared_data):
    folder = shared_data / "gazetteers"
    if not folder.is_dir():
        pytest.skip(f"no gazetteer sources at {folder}")
    return folder


def test_build_reproduces_the_shipped_table(gazetteer_sources, tmp_path):
    babel_core = pytest.importorskip("babel.core")
    from arabic_entities.lexicon.build_names import CLDR_VERSION

    if babel_core.get_cldr_version() != CLDR_VERSION:
        pytest.skip(f"babel has CLDR {babel_core.get_cldr_version()}, the table uses CLDR {CLDR_VERSION}")
    out = tmp_path / "names.tsv.gz"
    write_table(collect(gazetteer_sources), out)
    assert out.read_bytes() == TABLE_PATH.read_bytes()


def test_build_command_writes_to_the_work_folder(gazetteer_sources, tmp_path, monkeypatch, capsys):
    pytest.importorskip("babel")
    monkeypatch.chdir(tmp_path)
    assert build_names.main(["--data", str(gazetteer_sources)]) == 0
    assert (tmp_path / "build" / "names.tsv.gz").is_file()
    assert "rows -> build/names.tsv.gz" in capsys.readouterr().out


def test_sources_option_keeps_some_sources(gazetteer_sources, tmp_path, capsys):
    out = tmp_path / "training-names.tsv.gz"
    argv = ["--data", str(gazetteer_sources), "--sources", "arwikicats", "world_cities", "wikidata_names"]
    assert build_names.main([*argv, "--output", str(out)]) == 0  # no CLDR: needs no babel
    assert "cldr" not in capsys.readouterr().out
    rows = load_gazetteer(out)
    assert "LOC" in rows.labels(match_key("موسكو"))
    assert not rows.labels(match_key("البنتاجون"))  # a curated spelling only
    with pytest.raises(ValueError, match="unknown sources"):
        collect(gazetteer_sources, sources=["wikipedia"])


def test_table_bytes_depend_only_on_the_rows(tmp_path):
    rows = [("بوتين", "PERS", "بوتين", "putin", "wikidata_names", "3")]
    write_table(rows, tmp_path / "a" / "names.tsv.gz")
    write_table(rows, tmp_path / "b.tsv.gz")
    assert (tmp_path / "a" / "names.tsv.gz").read_bytes() == (tmp_path / "b.tsv.gz").read_bytes()


def test_english_names_are_english():
    gaz = load_gazetteer()
    # a table's non-English label loses to the form the whole table gives most
    assert gaz.english("السعوديه") == "Saudi Arabia"
    assert gaz.english("فلسطين") == "Palestine"
    assert gaz.english("عمان") == "Oman"  # CLDR's عُمان, read with its mark


def test_a_common_given_name_alone_has_no_english_name():
    gaz = load_gazetteer()
    assert "محمد" in gaz.common_given_names
    assert gaz.english("محمد", "PERS") is None
    assert gaz.english("محمد مرسي", "PERS") == "Mohamed Morsi"


def test_name_parts_with_no_spelling_in_common_are_two_names():
    gaz = load_gazetteer()
    assert gaz.token_english("حسن").isdisjoint(gaz.token_english("حسين"))
    assert gaz.token_english("سعد").isdisjoint(gaz.token_english("سعيد"))


def test_places_are_also_listed_without_their_classifier():
    gaz = load_gazetteer()
    assert "LOC" in gaz.labels("المنستير")  # ولاية المنستير


def test_country_short_forms_are_unambiguous_first_words(tmp_path):
    rows = [
        (match_key(ar), "LOC", ar, en, "cldr", "1")
        for ar, en in [
            ("جمهورية أرض الشمس", "Sunland"),  # the rest is no adjective: no short form
            ("الممالك الجبلية المتحدة", "United Mountain Kingdoms"),
            ("كوريا الشمالية", "North Korea"),
            ("كوريا الجنوبية", "South Korea"),  # كوريا begins two countries: none
        ]
    ]
    write_table(rows, tmp_path / "names.tsv.gz")
    forms = load_gazetteer(tmp_path / "names.tsv.gz").country_short_forms
    assert forms == {match_key("الممالك"): "United Mountain Kingdoms"}


def test_a_country_named_by_its_first_word_gets_its_english_name():
    import arabic_entities as ae

    names = {e.name: e.name_en for e in ae.extract("وصل الوفد إلى الإمارات قادما من السعودية.").entities}
    assert names["الإمارات"] == "United Arab Emirates" and names["السعودية"] == "Saudi Arabia"
