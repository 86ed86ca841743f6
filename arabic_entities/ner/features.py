"""Token features for the built-in CRF tagger.

Every token is reduced to a matching key (full normalization: alef, yeh and teh
marbuta folded) so training text and user text meet on the same form. Features
describe the token itself (cached per word form) and its neighbours.

>>> feats = sentence_features(["قال", "وبوتين", "."])
>>> "w=بوتين" in feats[1], "stem=بوتين" in feats[1], "-1:w=قال" in feats[1]
(False, True, True)
"""

from __future__ import annotations

import functools

import regex

from ..clitics import proclitic_splits, strip_article
from ..gazetteer import load_gazetteer
from ..normalize import match_key as token_key

__all__ = ["token_key", "sentence_features"]

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


@functools.lru_cache(maxsize=200_000)
def _own_features(token: str) -> tuple[str, ...]:
    """Features of a token on its own, independent of context."""
    key = token_key(token)
    shape = _shape(key)
    feats = [f"w={key}", f"shape={shape}", f"len={min(len(key), 8)}"]
    if shape == "ar":
        gazetteer = load_gazetteer()
        feats.extend(f"gz={label}" for label in sorted(gazetteer.labels(key)))
        feats.extend(f"gzp={label}" for label in sorted(gazetteer.part_labels(key)))
        stems = {s.stem for s in proclitic_splits(key)}
        stems.add(strip_article(key))
        stems.discard(key)
        feats.extend(f"stem={s}" for s in sorted(stems))
        stem_labels = {label for s in stems for label in gazetteer.labels(s) | gazetteer.part_labels(s)}
        feats.extend(f"gzstem={label}" for label in sorted(stem_labels))
        feats.extend(f"stem-al={strip_article(s)}" for s in sorted(stems) if s.startswith("ال"))
        for n in (1, 2, 3):
            if len(key) > n:
                feats.append(f"p{n}={key[:n]}")
                feats.append(f"s{n}={key[-n:]}")
    elif shape == "latin" and token[:1].isupper():
        feats.append("cap")
    return tuple(feats)


def _context_word(tokens: list[str], i: int) -> str:
    if i < 0:
        return "<s>"
    if i >= len(tokens):
        return "</s>"
    return token_key(tokens[i])


def _first_word_forms(key: str) -> list[str]:
    return [key, *(s.stem for s in proclitic_splits(key))]


def _gazetteer_spans(keys: list[str]) -> list[list[str]]:
    """``gzspan=B-LOC``-style features where consecutive words form a known name.

    The first word may carry proclitics (والولايات المتحده matches الولايات المتحده).
    """
    gazetteer = load_gazetteer()
    marks: list[list[str]] = [[] for _ in keys]
    for i in range(len(keys)):
        for n in range(min(_MAX_SPAN, len(keys) - i), 1, -1):
            rest = " ".join(keys[i + 1 : i + n])
            labels = set()
            for first in _first_word_forms(keys[i]):
                labels |= gazetteer.labels(f"{first} {rest}")
            if labels:
                for label in sorted(labels):
                    marks[i].append(f"gzspan=B-{label}")
                    marks[i + 1 : i + n] = [m + [f"gzspan=I-{label}"] for m in marks[i + 1 : i + n]]
                break
    return marks


def sentence_features(tokens: list[str]) -> list[list[str]]:
    """One feature list per token of a sentence (tokens may be raw or normalized)."""
    result = []
    n = len(tokens)
    spans = _gazetteer_spans([token_key(t) for t in tokens])
    for i, token in enumerate(tokens):
        feats = ["bias", *_own_features(token), *spans[i]]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                feats.extend(f"{offset:+d}:{f}" for f in _own_features(tokens[j])[:2])
            else:
                feats.append(f"{offset:+d}:w={_context_word(tokens, j)}")
        prev_w, next_w = _context_word(tokens, i - 1), _context_word(tokens, i + 1)
        feats.append(f"-1|0={prev_w}|{token_key(token)}")
        feats.append(f"0|+1={token_key(token)}|{next_w}")
        result.append(feats)
    return result
