"""The built-in recognizer: a small BiLSTM-CRF tagger run with numpy only.

Each token is encoded by :class:`~.encoding.TokenEncoder` (frozen word2vec
vector, word cluster, gazetteer flags, characters). A character CNN, one
bidirectional LSTM layer and a linear-chain CRF then label the sentence. The
model file may hold several networks trained from different seeds; their
emission and transition scores are averaged (one CRF over the mean scores).

The weights are a plain ``.npz`` (loaded with ``allow_pickle=False``), written
by :mod:`.train_bilstm`; no torch is needed here.

>>> rec = BiLSTMRecognizer()
>>> rec.predict([["التقى", "بوتين", "في", "موسكو"]])
[['O', 'B-PERS', 'O', 'B-LOC']]
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..lexicon.clusters import load_clusters
from ..lexicon.gazetteer import Gazetteer, load_gazetteer
from ..threads import limit_threads
from .base import Recognizer, check_batch
from .encoding import EncodedToken, TokenEncoder, pad_batch

__all__ = ["DEFAULT_MODEL_PATH", "BiLSTMRecognizer", "MODEL_FORMAT"]

DEFAULT_MODEL_PATH = Path(__file__).parent / "models" / "bilstm.npz"
MODEL_FORMAT = 1
#: Sentences run through the network together (sorted by length first).
BATCH_SIZE = 32
#: Decimals kept in the reported label probabilities.
SCORE_DECIMALS = 4
#: Distinct tokens projected together (sorted by length first).
PROJECT_CHUNK = 512

MEMBER_ARRAYS = (
    "source_embedding",
    "cluster_embedding",
    "char_embedding",
    "conv_weight",
    "conv_bias",
    "lstm_input_weight",
    "lstm_bias",
    "lstm_hidden_weight",
    "output_weight",
    "output_bias",
    "transitions",
    "start",
    "end",
)


def read_text(data: np.lib.npyio.NpzFile, name: str) -> str:
    """A UTF-8 string stored as a uint8 array."""
    return data[name].tobytes().decode("utf-8")


@dataclass(frozen=True, slots=True, eq=False)
class Network:
    """The weights of one trained BiLSTM, with its input and output layers.

    The fields are the arrays of :data:`MEMBER_ARRAYS` (``member{i}/<name>`` in a
    model file); :meth:`from_arrays` builds one from them.
    """

    source_embedding: np.ndarray
    cluster_embedding: np.ndarray
    char_embedding: np.ndarray
    conv_weight: np.ndarray
    conv_bias: np.ndarray
    lstm_input_weight: np.ndarray
    lstm_bias: np.ndarray
    lstm_hidden_weight: np.ndarray
    output_weight: np.ndarray
    output_bias: np.ndarray
    transitions: np.ndarray
    start: np.ndarray
    end: np.ndarray

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> Network:
        """The network of one member's arrays, by their :data:`MEMBER_ARRAYS` names."""
        return cls(**{name: arrays[name] for name in MEMBER_ARRAYS})

    def token_inputs(self, words: np.ndarray, ids: dict[str, np.ndarray]) -> np.ndarray:
        """LSTM input projections (N, 8H) of N tokens, both directions side by side."""
        chars = ids["chars"][0]  # (N, L)
        width = self.conv_weight.shape[0] // self.char_embedding.shape[1]
        embedded = np.pad(self.char_embedding[chars], ((0, 0), (width // 2, width // 2), (0, 0)))
        windows = np.concatenate([embedded[:, k : k + chars.shape[1]] for k in range(width)], -1)
        conv = windows @ self.conv_weight + self.conv_bias
        char_features = np.tanh(np.where((chars == 0)[:, :, None], -1e4, conv).max(1))
        inputs = np.concatenate(
            [
                words,
                self.source_embedding[ids["word_source"][0]],
                self.cluster_embedding[ids["cluster"][0]],
                ids["gazetteer"][0],
                char_features,
            ],
            -1,
        )
        return (inputs @ self.lstm_input_weight + self.lstm_bias).astype(np.float32)

    def emissions(self, forward: np.ndarray, backward: np.ndarray) -> np.ndarray:
        """Emission scores (B, T, K) from the LSTM outputs of both directions (B, T, H)."""
        return np.concatenate([forward, backward], -1) @ self.output_weight + self.output_bias


def run_lstms(gates_in: np.ndarray, hidden_weights: np.ndarray) -> np.ndarray:
    """Run N independent LSTMs over a padded batch in one time loop.

    ``gates_in`` (T, N, B, 4H) holds the input projections, ``hidden_weights`` (N, H, 4H)
    the recurrent weights; returns the hidden states (T, N, B, H). Gate order is
    torch's: input, forget, cell, output.
    """
    steps, n, size, four_hidden = gates_in.shape
    hidden = four_hidden // 4
    h = np.zeros((n, size, hidden), np.float32)
    c = np.zeros((n, size, hidden), np.float32)
    gates = np.empty((n, size, four_hidden), np.float32)
    cell_input = np.empty((n, size, hidden), np.float32)
    outputs = np.empty((steps, n, size, hidden), np.float32)
    for t in range(steps):
        np.matmul(h, hidden_weights, out=gates)
        gates += gates_in[t]
        np.tanh(gates[..., 2 * hidden : 3 * hidden], out=cell_input)
        # sigmoid(x) = (tanh(x / 2) + 1) / 2, computed over all gates; the cell slot is unused
        gates *= 0.5
        np.tanh(gates, out=gates)
        gates += 1.0
        gates *= 0.5
        c *= gates[..., hidden : 2 * hidden]
        cell_input *= gates[..., :hidden]
        c += cell_input
        np.tanh(c, out=h)
        h *= gates[..., 3 * hidden :]
        outputs[t] = h
    return outputs


def viterbi(
    emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Best tag path (B, T) of each sentence; positions past its length are 0."""
    size, steps, _ = emissions.shape
    score = start + emissions[:, 0]
    backpointers = np.zeros(emissions.shape, np.int64)
    for t in range(1, steps):
        candidates = score[:, :, None] + transitions
        backpointers[:, t] = candidates.argmax(1)
        score = np.where((t < lengths)[:, None], candidates.max(1) + emissions[:, t], score)
    last = (score + end).argmax(1)
    paths = np.zeros((size, steps), np.int64)
    current = last
    rows = np.arange(size)
    for t in range(steps - 1, -1, -1):
        current = np.where(t == lengths - 1, last, current)
        paths[:, t] = np.where(t < lengths, current, 0)
        current = backpointers[rows, t, current]
    return paths


def marginals(
    emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """P(tag at t = k | sentence) for every position (B, T, K), by forward-backward.

    Computed with probabilities rescaled at every step rather than in log space (one small
    matrix product a step instead of a log-sum-exp, 4x faster; equal to 1e-12): each
    position's emissions are shifted to a maximum of 0, and since a transition weight is
    at least ``exp(transitions.min())``, no forward sum can vanish while transitions stay
    far from the float range (a trained CRF's lie within ±10).
    """
    size, steps, _ = emissions.shape
    live = np.arange(steps)[None, :] < lengths[:, None]
    weights = np.exp(emissions - emissions.max(2, keepdims=True))
    transition_weights = np.exp(transitions)
    alpha = np.empty(emissions.shape)
    forward = np.exp(start - start.max()) * weights[:, 0]
    alpha[:, 0] = forward / forward.sum(1, keepdims=True)
    for t in range(1, steps):
        forward = (alpha[:, t - 1] @ transition_weights) * weights[:, t]
        alpha[:, t] = forward / forward.sum(1, keepdims=True)
    beta = np.ones(emissions.shape)
    beta[np.arange(size), lengths - 1] = np.exp(end - end.max())
    for t in range(steps - 2, -1, -1):
        backward = (weights[:, t + 1] * beta[:, t + 1]) @ transition_weights.T
        beta[:, t] = np.where(live[:, t + 1, None], backward / backward.sum(1, keepdims=True), beta[:, t])
    joint = alpha * beta  # proportional to the marginals at each position
    return np.where(live[:, :, None], joint / joint.sum(2, keepdims=True), 0.0)


class BiLSTMRecognizer(Recognizer):
    """IOB2 tagger backed by a BiLSTM-CRF ``.npz`` model (see :mod:`.train_bilstm`); its
    gazetteer flags come from ``gazetteer`` (the shipped name table by default: give the
    one it was trained with)."""

    def __init__(
        self, model_path: str | os.PathLike = DEFAULT_MODEL_PATH, *, gazetteer: Gazetteer | None = None
    ) -> None:
        self.model_path: Path | None = Path(model_path)
        if not self.model_path.is_file():
            raise FileNotFoundError(f"BiLSTM model file not found: {self.model_path}")
        try:
            data = np.load(self.model_path, allow_pickle=False)
            config = json.loads(read_text(data, "config"))
        except (OSError, ValueError, KeyError) as error:
            raise ValueError(f"{self.model_path} is not a BiLSTM model file: {error}") from None
        with data:
            if config.get("format") != MODEL_FORMAT:
                raise ValueError(f"{self.model_path}: model format {config.get('format')}, expected {MODEL_FORMAT}")
            members = [{name: data[f"member{i}/{name}"] for name in MEMBER_ARRAYS} for i in range(config["members"])]
            self._build(
                config,
                read_text(data, "word_keys").split("\n"),
                data["word_vectors"],
                data["word_scales"],
                members,
                gazetteer=gazetteer,
            )

    @classmethod
    def from_arrays(
        cls,
        config: dict,
        *,
        word_keys: Sequence[str],
        word_vectors: np.ndarray,
        word_scales: np.ndarray,
        members: Sequence[dict[str, np.ndarray]],
        gazetteer: Gazetteer | None = None,
    ) -> BiLSTMRecognizer:
        """A recognizer from the arrays a model file holds (as :mod:`.train_bilstm` writes
        them), without the file: ``config`` is the file's ``config`` record."""
        recognizer = cls.__new__(cls)
        recognizer.model_path = None
        recognizer._build(config, word_keys, word_vectors, word_scales, members, gazetteer=gazetteer)
        return recognizer

    def _build(
        self,
        config: dict,
        word_keys: Sequence[str],
        word_vectors: np.ndarray,
        word_scales: np.ndarray,
        members: Sequence[dict[str, np.ndarray]],
        *,
        gazetteer: Gazetteer | None,
    ) -> None:
        self.tags: tuple[str, ...] = tuple(config["tags"])
        self.word_vectors = word_vectors
        self.word_scales = word_scales
        self.networks = [Network.from_arrays(arrays) for arrays in members]
        self.hidden_weights = np.concatenate([net.lstm_hidden_weight for net in self.networks])
        self.transitions = np.mean([net.transitions for net in self.networks], 0)
        self.start = np.mean([net.start for net in self.networks], 0)
        self.end = np.mean([net.end for net in self.networks], 0)
        self.encoder = TokenEncoder(
            {key: row for row, key in enumerate(word_keys)},
            {char: i for i, char in enumerate(config["chars"], 2)},
            clusters=load_clusters() if config["clusters"] else None,
            gazetteer=(gazetteer or load_gazetteer()) if config["gazetteer"] else None,
        )

    def word_table(self, words: np.ndarray) -> np.ndarray:
        """Frozen word vectors of word ids (0 = unknown → zeros)."""
        rows = np.maximum(words - 1, 0)
        vectors = self.word_vectors[rows].astype(np.float32) * self.word_scales[rows, None]
        return vectors * (words > 0)[:, None]

    def _project(self, tokens: list[EncodedToken]) -> tuple[np.ndarray, np.ndarray]:
        """LSTM input projections of ``tokens`` for the forward and the backward direction.

        Each is (N + 1, networks, 4H); the last row (padding) is zeros. ``tokens``
        should be sorted by length: they go through in chunks, each padded to its
        longest token.
        """
        four_hidden = self.hidden_weights.shape[2]
        shape = (len(tokens) + 1, len(self.networks), four_hidden)
        forward, backward = np.zeros(shape, np.float32), np.zeros(shape, np.float32)
        for first in range(0, len(tokens), PROJECT_CHUNK):
            chunk = tokens[first : first + PROJECT_CHUNK]
            ids = pad_batch([chunk])
            words = self.word_table(ids["word"][0])
            rows = slice(first, first + len(chunk))
            for m, net in enumerate(self.networks):
                inputs = net.token_inputs(words, ids)
                forward[rows, m], backward[rows, m] = inputs[:, :four_hidden], inputs[:, four_hidden:]
        return forward, backward

    def lstm_states(self, encoded: list[list[EncodedToken]]) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
        """Yield ``(sentence indices, lengths, LSTM states (2N, B, T, H))`` batch by batch:
        for network m, row 2m holds its forward and row 2m + 1 its backward states, both
        aligned with the tokens.

        Every distinct token is projected once; then all networks and both
        directions run in one time loop. The backward direction reads each
        sentence reversed, so padding always comes at the end.
        """
        # The encoder hands out one object per token string: distinct objects first (by
        # identity, cheap), then distinct values (the same encoding of two strings).
        objects = {id(token): token for sentence in encoded for token in sentence}
        distinct = sorted(set(objects.values()), key=lambda t: len(t.chars))
        row_of = {token: row for row, token in enumerate(distinct)}
        row_of_object = {key: row_of[token] for key, token in objects.items()}
        rows_of = [[row_of_object[id(token)] for token in sentence] for sentence in encoded]
        forward_inputs, backward_inputs = self._project(distinct)
        pad = len(distinct)
        order = sorted((i for i in range(len(encoded)) if encoded[i]), key=lambda i: len(encoded[i]))
        for first in range(0, len(order), BATCH_SIZE):
            batch = order[first : first + BATCH_SIZE]
            lengths = np.array([len(encoded[i]) for i in batch])
            rows = np.full((len(batch), lengths.max()), pad)
            for b, i in enumerate(batch):
                rows[b, : lengths[b]] = rows_of[i]
            step = np.arange(rows.shape[1])[None, :]
            reverse = np.where(step < lengths[:, None], lengths[:, None] - 1 - step, step)
            reversed_rows = np.take_along_axis(rows, reverse, 1)
            n, four_hidden = forward_inputs.shape[1:]
            gates_in = np.empty((rows.shape[1], 2 * n, len(batch), four_hidden), np.float32)  # T, 2N, B, 4H
            gates_in[:, 0::2] = forward_inputs[rows.T].transpose(0, 2, 1, 3)
            gates_in[:, 1::2] = backward_inputs[reversed_rows.T].transpose(0, 2, 1, 3)
            outputs = run_lstms(gates_in, self.hidden_weights).transpose(1, 2, 0, 3)  # 2N, B, T, H
            outputs[1::2] = np.take_along_axis(outputs[1::2], reverse[None, :, :, None], 2)
            yield batch, lengths, outputs

    def _scores(self, encoded: list[list[EncodedToken]]) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
        """Yield ``(sentence indices, lengths, mean emissions (B, T, K))`` batch by batch."""
        for batch, lengths, states in self.lstm_states(encoded):
            scores = [net.emissions(states[2 * m], states[2 * m + 1]) for m, net in enumerate(self.networks)]
            yield batch, lengths, np.mean(scores, 0)

    def predict_scores(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        check_batch(sentences)
        encoded = [[self.encoder.encode(token) for token in tokens] for tokens in sentences]
        results: list[tuple[list[str], list[float]]] = [([], [])] * len(sentences)
        if not any(encoded):
            return results
        with limit_threads(1):
            self._label(encoded, results)
        return results

    def _label(self, encoded: list[list[EncodedToken]], results: list[tuple[list[str], list[float]]]) -> None:
        """Fill ``results[i]`` with sentence i's labels and their probabilities."""
        for batch, lengths, scores in self._scores(encoded):
            paths = viterbi(scores, lengths, self.transitions, self.start, self.end)
            probabilities = marginals(scores, lengths, self.transitions, self.start, self.end)
            # Rounded: float sums differ in the last bits with the batch a sentence lands in.
            chosen = np.take_along_axis(probabilities, paths[:, :, None], 2)[:, :, 0].round(SCORE_DECIMALS)
            for b, i in enumerate(batch):
                n = lengths[b]
                results[i] = ([self.tags[k] for k in paths[b, :n]], chosen[b, :n].tolist())

    def __repr__(self) -> str:
        return f"BiLSTMRecognizer({str(self.model_path) if self.model_path else 'arrays'!r})"
