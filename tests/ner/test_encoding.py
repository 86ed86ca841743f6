import numpy as np

from arabic_entities.lexicon.clusters import load_clusters
from arabic_entities.lexicon.gazetteer import load_gazetteer
from arabic_entities.ner.encoding import GAZETTEER_LABELS, TokenEncoder, pad_batch


def test_word_lookup_falls_back_to_clitic_free_stems():
    encoder = TokenEncoder({"بوتين": 0, "روسيا": 1}, {})
    assert (encoder.encode("بوتين").word, encoder.encode("بوتين").word_source) == (1, 0)
    assert (encoder.encode("وبوتين").word, encoder.encode("وبوتين").word_source) == (1, 1)
    assert (encoder.encode("لروسيا").word, encoder.encode("لروسيا").word_source) == (2, 1)
    assert (encoder.encode("زيلينسكي").word, encoder.encode("زيلينسكي").word_source) == (0, 2)


def test_tokens_are_looked_up_by_their_match_key():
    encoder = TokenEncoder({"احمد": 0}, {"ا": 2, "ح": 3, "م": 4, "د": 5})
    assert encoder.encode("أحمد") == encoder.encode("احمد")
    assert encoder.encode("أحمد").chars == (2, 3, 4, 5)
    assert encoder.encode("أحمدx").chars[-1] == 1  # a rare character


def test_gazetteer_and_cluster_ids():
    encoder = TokenEncoder({}, {}, clusters=load_clusters(), gazetteer=load_gazetteer())
    moscow = encoder.encode("موسكو")
    assert moscow.cluster > 0
    assert moscow.gazetteer >> GAZETTEER_LABELS.index("LOC") & 1


def test_pad_batch_shapes_and_flags():
    encoder = TokenEncoder({"في": 0}, {"ف": 2, "ي": 3})
    batch = pad_batch([[encoder.encode("في")], [encoder.encode("في"), encoder.encode("بيروت")]])
    assert batch["word"].tolist() == [[1, 0], [1, 0]]
    assert batch["lengths"].tolist() == [1, 2]
    assert batch["chars"].shape == (2, 2, 5)
    assert batch["gazetteer"].shape == (2, 2, 2 * len(GAZETTEER_LABELS))
    assert batch["gazetteer"].dtype == np.float32
