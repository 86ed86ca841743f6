import dataclasses
import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_entities.ner.bilstm import MEMBER_ARRAYS, BiLSTMRecognizer, Network, marginals, viterbi


def brute_force(emissions, transitions, start, end):
    """Best path and per-position marginals by enumerating every path."""
    n, tags = emissions.shape
    scores = {}
    for path in itertools.product(range(tags), repeat=n):
        score = start[path[0]] + end[path[-1]] + sum(emissions[t, k] for t, k in enumerate(path))
        scores[path] = score + sum(transitions[a, b] for a, b in zip(path, path[1:]))
    weights = {path: np.exp(score) for path, score in scores.items()}
    total = sum(weights.values())
    probabilities = np.zeros((n, tags))
    for path, weight in weights.items():
        probabilities[np.arange(n), path] += weight / total
    return list(max(scores, key=scores.get)), probabilities


@settings(max_examples=30, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 4), min_size=1, max_size=3),
    seed=st.integers(0, 2**16),
    spread=st.sampled_from([1.0, 30.0]),  # emissions of a trained network reach ±34
)
def test_viterbi_and_marginals_match_brute_force_on_padded_batches(lengths, seed, spread):
    rng = np.random.default_rng(seed)
    tags = 3
    emissions = rng.normal(scale=spread, size=(len(lengths), max(lengths), tags))
    transitions, start, end = rng.normal(size=(tags, tags)), rng.normal(size=tags), rng.normal(size=tags)
    lengths = np.array(lengths)
    paths = viterbi(emissions, lengths, transitions, start, end)
    probabilities = marginals(emissions, lengths, transitions, start, end)
    for row, n in enumerate(lengths):
        best, expected = brute_force(emissions[row, :n], transitions, start, end)
        assert paths[row, :n].tolist() == best
        assert np.allclose(probabilities[row, :n], expected)
        assert not probabilities[row, n:].any()


def test_network_fields_are_the_member_arrays_of_a_model_file():
    assert {field.name for field in dataclasses.fields(Network)} == set(MEMBER_ARRAYS)
    arrays = {name: np.full(1, i) for i, name in enumerate(MEMBER_ARRAYS)}
    network = Network.from_arrays(arrays)
    assert all(getattr(network, name) is arrays[name] for name in MEMBER_ARRAYS)


def test_a_model_reads_the_name_table_it_is_given(tmp_path):
    from arabic_entities.lexicon.build_names import write_table
    from arabic_entities.lexicon.gazetteer import load_gazetteer

    write_table([("كلمة", "ORG", "كلمة", "", "curated", "1")], tmp_path / "names.tsv.gz")
    table = load_gazetteer(tmp_path / "names.tsv.gz")
    assert BiLSTMRecognizer(gazetteer=table).encoder.gazetteer is table
    assert BiLSTMRecognizer().encoder.gazetteer is load_gazetteer()
