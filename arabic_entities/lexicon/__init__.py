"""What several stages look words up in: Arabic word classes and proclitics
(:mod:`.arabic`), the name table (:mod:`.gazetteer`), the curated prominent names
(:mod:`.prominent`) and word clusters with frequency ranks (:mod:`.clusters`).

The recognizer and the entity stage both use these, so they sit below both. The
shipped tables are in ``data/``; the commands that rebuild them are
:mod:`.build_names` and :mod:`.build_clusters`.
"""
