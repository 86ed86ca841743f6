"""Spelling variants of one name: ترامب / ترمب, أميركا / أمريكا, البنتاغون / البنتاجون.

Match keys (:func:`~arabic_entities.text.normalize.match_key`) already fold hamza forms,
ى / ي, ة / ه, diacritics, tatweel and Farsi letters. Foreign names also vary in
their long vowels and in the letter for /g/, so two keys are compared by their
*skeleton* too: every word keeps its first letter, drops its other ا و ي, and
غ is written ج. A conservative edit-distance test (rapidfuzz) then allows one
more letter of difference between long skeletons.

Two names are never merged when the name table knows them as different names:
when both have an English name and these differ, or when both are single known
name words (سليمان and سلمان are two names, not two spellings).

>>> skeleton("ترامب"), skeleton("ترمب")
('ترمب', 'ترمب')
>>> same_name("اميركا", "امريكا", known=lambda key: None)
True
>>> same_name("سعيد", "سعد", known=lambda key: None)
False
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz.distance import Levenshtein

__all__ = ["compact", "skeleton", "could_be_same", "same_name", "MIN_SKELETON", "FUZZY_MIN_LENGTH"]

#: Skeletons shorter than this (letters, spaces excluded) never match: سعيد / سعد.
MIN_SKELETON = 4
#: One edit between skeletons is allowed only from this length on.
FUZZY_MIN_LENGTH = 7

_LETTERS = str.maketrans({"غ": "ج"})
#: عبد and أبو (as match keys: ابو) before a word they are often written joined to.
_JOINED = re.compile(r"(?:^|(?<= ))(عبد|ابو) (?=\S)")


def compact(key: str) -> str:
    """``key`` with عبد and أبو written joined to the next word, as often they are:
    عبد العزيز and عبدالعزيز are one spelling.

    >>> compact("سلمان بن عبد العزيز") == compact("سلمان بن عبدالعزيز")
    True
    """
    return _JOINED.sub(r"\1", key)


def skeleton(key: str) -> str:
    """``key`` (:func:`compact`) with long vowels dropped after each word's first letter,
    and غ as ج."""
    words = []
    for word in compact(key).split():
        words.append(word[:1] + "".join(ch for ch in word[1:] if ch not in "اوي"))
    return " ".join(words).translate(_LETTERS)


def _length(skeleton_key: str) -> int:
    """Letters of a skeleton, without spaces and without each word's article."""
    return sum(len(word) - 2 if word.startswith("ال") and len(word) > 2 else len(word) for word in skeleton_key.split())


def could_be_same(skeleton_a: str, skeleton_b: str) -> bool:
    """A cheap test that :func:`same_name` may hold, given the two keys' skeletons."""
    return skeleton_a == skeleton_b or (
        min(len(skeleton_a), len(skeleton_b)) >= FUZZY_MIN_LENGTH and abs(len(skeleton_a) - len(skeleton_b)) <= 1
    )


def same_name(
    a: str,
    b: str,
    *,
    known: Callable[[str], str | bool | None],
    spellings: Callable[[str], frozenset[str]] = lambda word: frozenset(),
) -> bool:
    """Whether match keys ``a`` and ``b`` spell the same name.

    ``known(key)`` says what the name table knows of a whole name: its English name,
    True when it is a known name without one, or None / False when unknown.
    ``spellings(word)`` gives the English spellings of a name part (empty when
    unknown): two words that differ, both with spellings and none in common, are
    two names (حسن / حسين, سعد / سعيد), and so are the names that hold them. The
    article does not count towards a skeleton's length (الكوت / الكويت are short).

    >>> same_name("محمد حسن", "محمد حسين", known=lambda key: None,
    ...           spellings={"حسن": frozenset({"hassan"}), "حسين": frozenset({"hussein"})}.get)
    False
    """
    a, b = compact(a), compact(b)
    if a == b:
        return True
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    known_a, known_b = known(a), known(b)
    if known_a and known_b:
        both_english = isinstance(known_a, str) and isinstance(known_b, str)
        return both_english and known_a == known_b
    for word_a, word_b in zip(words_a, words_b):
        if word_a != word_b:
            forms_a, forms_b = spellings(word_a) or frozenset(), spellings(word_b) or frozenset()
            if forms_a and forms_b and forms_a.isdisjoint(forms_b):
                return False
    skeleton_a, skeleton_b = skeleton(a), skeleton(b)
    length = min(_length(skeleton_a), _length(skeleton_b))
    if length < MIN_SKELETON:
        return False
    if skeleton_a == skeleton_b:
        return True
    return length >= FUZZY_MIN_LENGTH and Levenshtein.distance(skeleton_a, skeleton_b, score_cutoff=1) <= 1
