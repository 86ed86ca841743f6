"""Token encoding for the BiLSTM tagger: each token becomes a few integer ids.

A token is looked up by its :func:`~arabic_entities.text.normalize.match_key`; when
the key itself is unknown, its clitic-free stems are tried (``وبوتين`` →
``بوتين``). Training (:mod:`.train_bilstm`) and inference (:mod:`.bilstm`) share
this code, so both see exactly the same inputs.

>>> encoder = TokenEncoder({"بوتين": 0}, {"ب": 2})
>>> encoder.encode("وبوتين").word, encoder.encode("وبوتين").word_source
(1, 1)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..lexicon.arabic import readings
from ..lexicon.clusters import WordClusters
from ..lexicon.gazetteer import Gazetteer
from ..text.normalize import match_key

__all__ = ["TAGS", "GAZETTEER_LABELS", "MAX_CHARS", "EncodedToken", "TokenEncoder", "pad_batch"]

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
#: Gazetteer labels; each gives two flags: "the word is a name" and "part of a name".
GAZETTEER_LABELS = ("PERS", "LOC", "ORG", "NORP", "NAME")
#: Characters of the key seen by the character CNN (longer keys are cut).
MAX_CHARS = 20
#: Column of the cluster table used (``WordClusters.sizes``).
CLUSTER_SIZE = 1024
#: Tokens cached per encoder before the cache is cleared.
CACHE_SIZE = 100_000


@dataclass(frozen=True, slots=True)
class EncodedToken:
    """The ids of one token; 0 always means "unknown" or "padding"."""

    word: int  #: row of the word table + 1
    word_source: int  #: 0 the key has a vector, 1 a clitic-free stem has one, 2 neither
    cluster: int  #: word cluster id + 1
    gazetteer: int  #: bit set over GAZETTEER_LABELS (names, then name parts)
    chars: tuple[int, ...]  #: character ids (1 = rare character)


class TokenEncoder:
    """Maps tokens to :class:`EncodedToken` (results cached per token string)."""

    def __init__(
        self,
        word_index: Mapping[str, int],
        char_index: Mapping[str, int],
        *,
        clusters: WordClusters | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.word_index = word_index
        self.char_index = char_index
        self.clusters = clusters
        self.cluster_column = 1 + clusters.sizes.index(CLUSTER_SIZE) if clusters else 0
        self.gazetteer = gazetteer
        self._cache: dict[str, EncodedToken] = {}

    def encode(self, token: str) -> EncodedToken:
        """The ids of ``token``."""
        encoded = self._cache.get(token)
        if encoded is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            encoded = self._cache[token] = self._encode(token)
        return encoded

    def _encode(self, token: str) -> EncodedToken:
        key = match_key(token)
        keys = readings(key)  # the key, then its clitic-free stems
        word = source = 0
        for position, candidate in enumerate(keys):
            row = self.word_index.get(candidate)
            if row is not None:
                word, source = row + 1, min(position, 1)
                break
        else:
            source = 2
        cluster = 0
        if self.clusters is not None:
            for candidate in keys:
                ids = self.clusters.ids.get(candidate)
                if ids is not None:
                    cluster = ids[self.cluster_column] + 1
                    break
        bits = 0
        if self.gazetteer is not None:
            names, parts = self.gazetteer.labels(key), self.gazetteer.part_labels(key)
            for bit, label in enumerate(GAZETTEER_LABELS):
                bits |= (label in names) << bit | (label in parts) << (bit + len(GAZETTEER_LABELS))
        chars = tuple(self.char_index.get(char, 1) for char in key[:MAX_CHARS]) or (1,)
        return EncodedToken(word, source, cluster, bits, chars)


def pad_batch(sentences: Sequence[Sequence[EncodedToken]]) -> dict[str, np.ndarray]:
    """Padded id arrays for a batch of encoded sentences.

    Returns ``word``, ``word_source``, ``cluster`` (B, T), ``gazetteer`` (B, T, 10)
    float flags, ``chars`` (B, T, L) and ``lengths`` (B,).
    """
    size = len(sentences)
    steps = max((len(sentence) for sentence in sentences), default=0) or 1
    width = max([3, *(len(token.chars) for sentence in sentences for token in sentence)])
    word = np.zeros((size, steps), np.int64)
    source = np.zeros((size, steps), np.int64)
    cluster = np.zeros((size, steps), np.int64)
    bits = np.zeros((size, steps), np.int64)
    chars = np.zeros((size, steps, width), np.int64)
    lengths = np.zeros(size, np.int64)
    for row, sentence in enumerate(sentences):
        lengths[row] = len(sentence)
        for step, token in enumerate(sentence):
            word[row, step] = token.word
            source[row, step] = token.word_source
            cluster[row, step] = token.cluster
            bits[row, step] = token.gazetteer
            chars[row, step, : len(token.chars)] = token.chars
    flags = (bits[:, :, None] >> np.arange(2 * len(GAZETTEER_LABELS))) & 1
    return {
        "word": word,
        "word_source": source,
        "cluster": cluster,
        "gazetteer": flags.astype(np.float32),
        "chars": chars,
        "lengths": lengths,
    }
