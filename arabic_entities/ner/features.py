"""Token features for the shipped CRF tagger (``ner.load("crf")``).

Every token is reduced to a matching key (full normalization: alef, yeh and teh
marbuta folded) so training text and user text meet on the same form. Features
describe the token itself (cached per word form) and its neighbours.

>>> feats = CRFFeatures().sentence(["قال", "وبوتين", "."])
>>> "w=بوتين" in feats[1], "stem=بوتين" in feats[1], "-1:w=قال" in feats[1]
(False, True, True)

:class:`CRFFeatures` reads the shipped name table unless given another (a model is
used with the table it was trained with).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import regex

from ..lexicon.arabic import readings, strip_article
from ..lexicon.clusters import load_clusters
from ..lexicon.gazetteer import Gazetteer, load_gazetteer
from ..text.normalize import match_key

__all__ = ["CRFFeatures"]

_ARABIC = regex.compile(r"^\p{Arabic}+$")
_LATIN = regex.compile(r"^\p{Latin}+$")
_DIGITS = regex.compile(r"^[\d.,٫٬]+$")
_PUNCT = regex.compile(r"^[\p{P}\p{S}]+$")
#: Longest multi-word gazetteer name matched inside a sentence.
_MAX_SPAN = 5


def _shape(key: str) -> str:
    if not key:
        return "empty"
    if _ARABIC.match(key):
        return "ar"
    if _DIGITS.match(key):
        return "num"
    if _PUNCT.match(key):
        return "punct"
    if _LATIN.match(key):
        return "latin"
    return "mixed"


_RANK_BUCKETS = ((100, "top100"), (1_000, "top1k"), (10_000, "top10k"), (50_000, "top50k"))


def _cluster_features(key: str, prefix: str) -> list[str]:
    """Frequency bucket and cluster ids of ``key`` in the unlabeled news corpus."""
    clusters = load_clusters()
    entry = clusters.ids.get(key)
    if entry is None:
        return [f"{prefix}fq=oov"]
    rank, *ids = entry
    bucket = next((name for limit, name in _RANK_BUCKETS if rank <= limit), "rare")
    return [f"{prefix}fq={bucket}", *(f"{prefix}{size}={i}" for size, i in zip(clusters.sizes, ids))]


#: Features that name the word itself; hidden when training on "unseen" copies.
_IDENTITY = ("w=", "stem=", "stem-al=")
_UNKNOWN = "<unk>"
#: Features of a word that its neighbours see too.
_NEIGHBOUR = ("shape=", "c256=", "c1024=", "sc256=", "sc1024=")


class CRFFeatures:
    """The CRF's token features, looking names up in ``gazetteer`` (the shipped name
    table by default); per-word results are cached on the instance."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self._own = functools.lru_cache(maxsize=200_000)(self._own_features)
        self._neighbour = functools.lru_cache(maxsize=200_000)(self._as_neighbour)

    def _own_features(self, token: str) -> tuple[str, ...]:
        """Features of a token on its own, independent of context."""
        key = match_key(token)
        shape = _shape(key)
        feats = [f"w={key}", f"shape={shape}", f"len={min(len(key), 8)}"]
        feats.extend(_cluster_features(key, "c"))
        if shape == "ar":
            clusters = load_clusters()
            gazetteer = self.gazetteer
            feats.extend(f"gz={label}" for label in sorted(gazetteer.labels(key)))
            feats.extend(f"gzp={label}" for label in sorted(gazetteer.part_labels(key)))
            stems = set(readings(key)[1:])
            stems.add(strip_article(key))
            stems.discard(key)
            feats.extend(f"stem={s}" for s in sorted(stems))
            stem_labels = {label for s in stems for label in gazetteer.labels(s) | gazetteer.part_labels(s)}
            feats.extend(f"gzstem={label}" for label in sorted(stem_labels))
            known_stems = [s for s in stems if s in clusters.ids]
            if known_stems:
                feats.extend(_cluster_features(min(known_stems, key=lambda s: clusters.ids[s][0]), "sc"))
            feats.extend(f"stem-al={strip_article(s)}" for s in sorted(stems) if s.startswith("ال"))
            for n in (1, 2, 3):
                if len(key) > n:
                    feats.append(f"p{n}={key[:n]}")
                    feats.append(f"s{n}={key[-n:]}")
        elif shape == "latin" and token[:1].isupper():
            feats.append("cap")
        return tuple(feats)

    def _gazetteer_spans(self, keys: list[str]) -> list[list[str]]:
        """``gzspan=B-LOC``-style features where consecutive words form a known name.

        The first word may carry proclitics (والولايات المتحده matches الولايات المتحده).
        """
        gazetteer = self.gazetteer
        marks: list[list[str]] = [[] for _ in keys]
        for i in range(len(keys) - 1):
            firsts = [f for f in readings(keys[i]) if f in gazetteer.first_words]
            if not firsts:
                continue
            for n in range(min(_MAX_SPAN, len(keys) - i), 1, -1):
                rest = " ".join(keys[i + 1 : i + n])
                labels: set[str] = set()
                for first in firsts:
                    labels |= gazetteer.labels(f"{first} {rest}")
                if labels:
                    for label in sorted(labels):
                        marks[i].append(f"gzspan=B-{label}")
                        marks[i + 1 : i + n] = [m + [f"gzspan=I-{label}"] for m in marks[i + 1 : i + n]]
                    break
        return marks

    def _as_neighbour(self, token: str, offset: int) -> tuple[str, ...]:
        return tuple(f"{offset:+d}:{f}" for f in self._own(token) if f.startswith(_NEIGHBOUR))

    def sentence(self, tokens: Sequence[str], *, hidden: Sequence[bool] | None = None) -> list[list[str]]:
        """One feature list per token of a sentence (tokens may be raw or normalized).

        ``hidden[i]`` drops what names token ``i`` itself (its form and stems, also
        as a neighbour), keeping shape, affixes, gazetteer and context: training on
        such copies teaches the tagger to recognize names it has never seen.
        """
        n = len(tokens)
        hidden = hidden or [False] * n
        keys = [match_key(t) for t in tokens]
        spans = self._gazetteer_spans(keys)
        own = [
            [f for f in self._own(t) if not f.startswith(_IDENTITY)] if hide else list(self._own(t))
            for t, hide in zip(tokens, hidden)
        ]
        shown = [_UNKNOWN if hide else key for key, hide in zip(keys, hidden)]

        def word(j: int) -> str:
            return "<s>" if j < 0 else "</s>" if j >= n else shown[j]

        result = []
        for i in range(n):
            feats = ["bias", *own[i], *spans[i]]
            for offset in (-2, -1, 1, 2):
                j = i + offset
                feats.append(f"{offset:+d}:w={word(j)}")
                if 0 <= j < n:
                    feats.extend(self._neighbour(tokens[j], offset))
            feats.append(f"-1|0={word(i - 1)}|{word(i)}")
            feats.append(f"0|+1={word(i)}|{word(i + 1)}")
            result.append(feats)
        return result
