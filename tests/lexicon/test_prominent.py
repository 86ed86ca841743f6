import pytest

from arabic_entities.document import LABELS
from arabic_entities.lexicon.prominent import prominent_patterns


def test_curated_labels_are_entity_types():
    assert set(prominent_patterns().values()) <= set(LABELS)


def test_a_curated_row_with_another_label_is_refused(tmp_path):
    path = tmp_path / "curated.tsv"
    path.write_text("label\tar\ten\tsource\nNORP\tروسي\tRussian\ttest\n", encoding="utf-8")
    with pytest.raises(ValueError, match="curated.tsv:2: label 'NORP'"):
        prominent_patterns(str(path))
