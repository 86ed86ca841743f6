import json

import numpy as np
import pytest

from arabic_entities.lexicon.build_clusters import load_vectors, save_vectors
from arabic_entities.ner import train_bilstm
from arabic_entities.ner.bilstm import BiLSTMRecognizer
from arabic_entities.ner.conll import write_conll

SENTENCES = [
    (["قال", "بوتين", "في", "موسكو"], ["O", "B-PERS", "O", "B-LOC"]),
    (["زار", "ماسك", "واشنطن"], ["O", "B-PERS", "B-LOC"]),
    (["أعلنت", "وزارة", "الدفاع", "الأميركية"], ["O", "B-ORG", "I-ORG", "I-ORG"]),
] * 8


def test_training_command_runs_end_to_end(tmp_path, capsys):
    pytest.importorskip("torch")
    data, vectors, model = tmp_path / "train.txt", tmp_path / "vectors.npz", tmp_path / "m.npz"
    write_conll(SENTENCES, data)
    keys = sorted({token for tokens, _ in SENTENCES for token in tokens})
    save_vectors(vectors, keys, np.random.default_rng(0).normal(size=(len(keys), 6)))
    assert (
        train_bilstm.main(
            [
                "--train",
                str(data),
                "--vectors",
                str(vectors),
                "--output",
                str(model),
                "--dev-fraction",
                "0.25",
                "--epochs",
                "30",
                "--seeds",
                "1",
                "2",
                "--summary",
                str(tmp_path / "summary.json"),
            ]
        )
        == 0
    )
    assert "micro" in capsys.readouterr().out
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert set(summary["seeds"]) == {"1", "2"}
    labels = BiLSTMRecognizer(model).predict([["قال", "بوتين", "في", "موسكو"]])
    assert labels == [["O", "B-PERS", "O", "B-LOC"]]


def test_vectors_round_trip_and_mismatch_is_an_error(tmp_path):
    matrix = np.arange(6, dtype=np.float32).reshape(2, 3)
    save_vectors(tmp_path / "v.npz", ["بوتين", "ماسك"], matrix)
    keys, loaded = load_vectors(tmp_path / "v.npz")
    assert keys == ["بوتين", "ماسك"] and np.array_equal(loaded, matrix)
    with pytest.raises(ValueError):
        save_vectors(tmp_path / "w.npz", ["بوتين"], matrix)


def test_quantize_round_trips_within_half_a_step():
    matrix = np.random.default_rng(0).normal(size=(50, 8)).astype(np.float32)
    matrix[3] = 0
    quantized, scales = train_bilstm.quantize(matrix)
    assert quantized.dtype == np.int8
    assert np.all(np.abs(quantized * scales[:, None] - matrix) <= scales[:, None] / 2 + 1e-7)
