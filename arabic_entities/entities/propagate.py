"""Document-level consistency: a name recognized once is recognized wherever it recurs.

A news article names its main actors many times, often in contexts where a
sentence-level tagger misses them (ماسك alone, after a verb). Every span the
recognizer found becomes a pattern of word keys; the surname and the given name
of a multi-word person become single-word person patterns. Words not covered
by a span are then matched against these patterns, longest first, with
proclitics allowed on the first word (لماسك, وترامب). Patterns of names known
beforehand (``known``) are matched the same way. A name never spreads onto a
function word, nor, alone, onto a word that shares its key with one (the
preposition على, also written علي, is not the name علي) or that writes its first
alef with another hamza or madda than the name (آمين is not أمين), nor onto a
common noun that a noun or adjective follows (أمين الحزب, أمين مساعد: a secretary); a single word that is
a common noun of the news corpus spreads only as part of a person's full name
(سلام of نواف سلام; أمين found alone once, آمين and الأمين elsewhere are not).

>>> from arabic_entities.spans import SpanCandidate
>>> words = ["قال", "إيلون", "ماسك", "إن", "لماسك", "رأيا"]
>>> starts = [0, 4, 10, 15, 18, 24]
>>> found = SpanCandidate(label="PERS", words=("إيلون", "ماسك"), norm_start=4, norm_end=14, sentence=0,
...                       score=0.9, token_start=1, token_end=3)
>>> [(c.words, c.norm_start, c.score) for c in propagate(
...     words, [found], norm_starts=starts, norm_ends=[s + len(w) for s, w in zip(starts, words)],
...     sentences=[0] * 6)]
[(('لماسك',), 18, 0.9)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..document import Label
from ..lexicon.arabic import is_function_key, is_function_word, readings
from ..lexicon.lookup import is_common_noun
from ..spans import SpanCandidate
from ..text.normalize import match_key

__all__ = ["KnownNames", "propagate"]

#: Spans scored below this by the recognizer do not spread.
MIN_SOURCE_SCORE = 0.5
#: The score given to a match of a name known beforehand (``known``).
KNOWN_NAME_SCORE = 0.6
#: Alef with hamza or madda: written marks that tell words apart (أمين, آمين).
_ALEFS = frozenset("أإآ")
#: Single-word patterns shorter than this are too ambiguous to spread.
MIN_WORD_LENGTH = 3


def _better(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else max(a, b)


def _patterns(candidates: Sequence[SpanCandidate]) -> dict[tuple[str, ...], tuple[Label, float | None]]:
    """Word-key patterns to their majority label and their best source's score."""
    votes: dict[tuple[str, ...], Counter[Label]] = defaultdict(Counter)
    best: dict[tuple[str, ...], float | None] = {}
    parts: set[tuple[str, ...]] = set()  # first and last words of multi-word persons
    for c in candidates:
        if c.score is not None and c.score < MIN_SOURCE_SCORE:
            continue
        keys = tuple(match_key(w) for w in c.words)
        patterns = [(first, *keys[1:]) for first in readings(keys[0])]
        for pattern in patterns:
            votes[pattern][c.label] += 2
        if c.label == "PERS" and len(keys) > 1:
            patterns += [(keys[0],), (keys[-1],)]
            parts |= {(keys[0],), (keys[-1],)}
            votes[(keys[0],)]["PERS"] += 1
            votes[(keys[-1],)]["PERS"] += 1
        for pattern in patterns:
            best[pattern] = _better(best.get(pattern), c.score)
    return {
        pattern: (counts.most_common(1)[0][0], best[pattern])
        for pattern, counts in votes.items()
        if len(pattern) > 1
        or (len(pattern[0]) >= MIN_WORD_LENGTH and (pattern in parts or not is_common_noun(pattern[0])))
    }


def _ends_phrase(words: Sequence[str], i: int) -> bool:
    """Whether nothing that could complete a noun follows: the end, punctuation or a function word."""
    return i >= len(words) or not words[i][:1].isalpha() or is_function_word(words[i])


class KnownNames:
    """Word-key patterns of names known beforehand (→ label), indexed once for
    :func:`propagate`; their matches get the score ``score``."""

    def __init__(self, patterns: Mapping[tuple[str, ...], Label], *, score: float = KNOWN_NAME_SCORE) -> None:
        self.patterns: dict[tuple[str, ...], tuple[Label, float | None]] = {
            pattern: (label, score) for pattern, label in patterns.items()
        }
        self.by_first = _by_first(self.patterns)


def _by_first(patterns: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Patterns by their first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for pattern in sorted(patterns, key=len, reverse=True):
        by_first[pattern[0]].append(pattern)
    return dict(by_first)


def propagate(
    words: Sequence[str],
    candidates: Sequence[SpanCandidate],
    *,
    norm_starts: Sequence[int],
    norm_ends: Sequence[int],
    sentences: Sequence[int],
    known: Mapping[tuple[str, ...], Label] | KnownNames | Sequence[KnownNames] | None = None,
) -> list[SpanCandidate]:
    """New candidates where known patterns recur among words no candidate covers.

    ``words`` are the document's token forms, ``norm_starts``/``norm_ends`` their
    offsets in the normalized text and ``sentences`` their sentence indices; a
    match never crosses a sentence end. ``known`` adds word-key patterns of names
    known beforehand (a mapping to their labels, or :class:`KnownNames`, or several
    in order of trust); the longest match wins, and on equal length the document's
    own spans, then the first ``known``.
    """
    if known is None:
        indexes = []
    elif isinstance(known, KnownNames):
        indexes = [known]
    elif isinstance(known, Mapping):
        indexes = [KnownNames(known)]
    else:
        indexes = list(known)
    own = _patterns(candidates)
    tables = [(own, _by_first(own)), *((index.patterns, index.by_first) for index in indexes)]
    # how the document's names write a first alef: أمين is not آمين, though their keys match
    alefs: defaultdict[str, str] = defaultdict(str)
    for c in candidates:
        for word in {c.words[0], c.words[-1]}:
            if word[:1] in _ALEFS:
                alefs[match_key(word)] += word[0]
    if not any(patterns for patterns, _ in tables):
        return []
    covered = [False] * len(words)
    for c in candidates:
        covered[c.token_start : c.token_end] = [True] * (c.token_end - c.token_start)
    keys = [match_key(w) for w in words]
    found: list[SpanCandidate] = []
    i = 0
    while i < len(words):
        best: tuple[str, ...] | None = None
        best_label: tuple[Label, float | None] | None = None
        if not covered[i] and not is_function_word(words[i]):
            for first in readings(keys[i]):
                for patterns, by_first in tables:
                    for pattern in by_first.get(first, ()):
                        n = len(pattern)
                        if best is not None and n <= len(best):
                            break
                        if n == 1 and (
                            is_function_key(keys[i])
                            or (words[i][:1] in _ALEFS and words[i][0] not in alefs.get(first, words[i][0]))
                            or (is_common_noun(first) and not _ends_phrase(words, i + 1))
                        ):
                            continue
                        end = i + n
                        if (
                            end <= len(words)
                            and sentences[end - 1] == sentences[i]
                            and tuple(keys[i + 1 : end]) == pattern[1:]
                            and not any(covered[i:end])
                        ):
                            best, best_label = pattern, patterns[pattern]
                            break
        if best is None or best_label is None:
            i += 1
            continue
        n = len(best)
        label, score = best_label
        found.append(
            SpanCandidate(
                label=label,
                words=tuple(words[i : i + n]),
                norm_start=norm_starts[i],
                norm_end=norm_ends[i + n - 1],
                sentence=sentences[i],
                score=score,
                token_start=i,
                token_end=i + n,
            )
        )
        i += n
    return found
