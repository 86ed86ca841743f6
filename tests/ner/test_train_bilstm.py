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


def test_default_paths_are_the_work_folder_and_retraining_repeats_the_bytes(tmp_path, monkeypatch, capsys):
    pytest.importorskip("torch")
    data = tmp_path / "train.txt"
    write_conll(SENTENCES, data)
    monkeypatch.chdir(tmp_path)
    args = ["--train", str(data), "--dev-fraction", "0.25", "--epochs", "3", "--seeds", "1", "2"]
    with pytest.raises(SystemExit):  # no build/vectors.npz yet
        train_bilstm.main(args)
    assert "build_clusters" in capsys.readouterr().err
    keys = sorted({token for tokens, _ in SENTENCES for token in tokens})
    save_vectors(tmp_path / "build" / "vectors.npz", keys, np.random.default_rng(0).normal(size=(len(keys), 6)))
    assert not train_bilstm.OUTPUT.is_absolute()  # never the shipped model unless --output says so
    model = tmp_path / "build" / "bilstm.npz"
    assert train_bilstm.main(args) == 0
    first = model.read_bytes()
    model.unlink()
    assert train_bilstm.main(args) == 0
    assert model.read_bytes() == first
    with np.load(model, allow_pickle=False) as arrays:
        assert arrays.files[:4] == ["config", "word_keys", "word_vectors", "word_scales"]
        assert json.loads(arrays["config"].tobytes())["members"] == 2


def test_clusters_command_writes_clusters_and_vectors_to_the_work_folder(tmp_path, monkeypatch):
    pytest.importorskip("gensim")
    pytest.importorskip("sklearn")
    import gzip

    from arabic_entities.lexicon import build_clusters
    from arabic_entities.lexicon.clusters import load_clusters

    corpus = tmp_path / "corpus" / "part-0000.txt.gz"
    corpus.parent.mkdir()
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        for tokens, _ in SENTENCES:
            f.write(" ".join(tokens) + ".\n")
    monkeypatch.chdir(tmp_path)
    argv = ["--data", "corpus", "--vectors", "--sizes", "2", "4", "--min-count", "1", "--dim", "4", "--epochs", "2"]
    build_clusters.main(argv)
    clusters, vectors = tmp_path / "build" / "clusters.npz", tmp_path / "build" / "vectors.npz"
    first = clusters.read_bytes(), vectors.read_bytes()
    build_clusters.main(argv)
    assert (clusters.read_bytes(), vectors.read_bytes()) == first
    keys, matrix = load_vectors(vectors)
    assert "بوتين" in keys and matrix.shape == (len(keys), 4)
    assert load_clusters(clusters).sizes == (2, 4)


def test_clusters_read_whole_sentences(tmp_path):
    import gzip

    from arabic_entities.lexicon.build_clusters import read_sentences
    from arabic_entities.text.tokenize import MAX_SENTENCE_TOKENS, tokenize

    line = " ".join(["بوتين"] * (MAX_SENTENCE_TOKENS + 44)) + ". وصل ماسك"
    with gzip.open(tmp_path / "part.txt.gz", "wt", encoding="utf-8") as f:
        f.write(line + "\n")
    assert [len(keys) for keys in read_sentences(tmp_path)] == [MAX_SENTENCE_TOKENS + 45, 2]
    assert len(tokenize(line)[0]) == 3  # the tokenizer still cuts elsewhere


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


def test_a_model_file_gives_back_its_word_table():
    from arabic_entities.ner.bilstm import DEFAULT_MODEL_PATH

    keys, matrix = load_vectors(DEFAULT_MODEL_PATH)
    quantized, _ = train_bilstm.quantize(matrix / matrix.std())
    with np.load(DEFAULT_MODEL_PATH) as model:
        assert keys == model["word_keys"].tobytes().decode("utf-8").split("\n")
        assert np.array_equal(quantized, model["word_vectors"])  # a model trained on it keeps the table


def test_an_auxiliary_corpus_trains_its_own_head_and_leaves_the_model_file_alone(tmp_path):
    pytest.importorskip("torch")
    data, other, vectors = tmp_path / "train.txt", tmp_path / "fine.txt", tmp_path / "vectors.npz"
    write_conll(SENTENCES, data)
    fine = [
        (tokens, [tag.replace("PERS", "Politician").replace("LOC", "Nation") for tag in tags])
        for tokens, tags in SENTENCES
    ]
    write_conll(fine, other)
    keys = sorted({token for tokens, _ in SENTENCES for token in tokens})
    save_vectors(vectors, keys, np.random.default_rng(0).normal(size=(len(keys), 6)))
    common = ["--train", str(data), "--vectors", str(vectors), "--dev-fraction", "0", "--epochs", "3", "--seeds", "1"]
    train_bilstm.main([*common, "--output", str(tmp_path / "alone.npz")])
    train_bilstm.main([*common, "--output", str(tmp_path / "with.npz"), "--auxiliary", str(other)])
    alone, with_head = np.load(tmp_path / "alone.npz"), np.load(tmp_path / "with.npz")
    assert sorted(alone.files) == sorted(with_head.files)  # one head in the file either way
    assert with_head["member0/output_weight"].shape == alone["member0/output_weight"].shape
    assert not np.array_equal(with_head["member0/lstm_input_weight"], alone["member0/lstm_input_weight"])
    assert train_bilstm.tag_set(fine)[:1] == ["O"] and "B-Politician" in train_bilstm.tag_set(fine)
