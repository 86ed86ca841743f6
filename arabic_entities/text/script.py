"""Which script a text is written in: Arabic, Latin, or something else.

The recognizer knows Arabic only. A sentence mostly in another script gets no names
from it, and a Latin-script word never joins an Arabic name.

>>> is_latin_word("Apple"), is_latin_word("أبل"), is_latin_word("2024")
(True, False, False)
>>> round(arabic_share("قال بوتين in Moscow"), 2)
0.5
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = [
    "ARABIC_LETTER",
    "LATIN_LETTER",
    "MIN_ARABIC_SHARE",
    "arabic_share",
    "is_arabic_text",
    "is_latin_word",
    "mostly_arabic",
    "word_counts",
]

#: A letter of the Arabic script (not its digits or punctuation).
ARABIC_LETTER = regex.compile(r"[\p{Script=Arabic}&&\p{L}]", flags=regex.V1)
#: A letter of the Latin script.
LATIN_LETTER = regex.compile(r"[\p{Script=Latin}&&\p{L}]", flags=regex.V1)
_LETTER = regex.compile(r"\p{L}")
#: Below this share of Arabic-script words, a text is not Arabic.
MIN_ARABIC_SHARE = 0.5


def is_latin_word(word: str) -> bool:
    """Whether ``word`` has Latin letters and no Arabic ones."""
    return bool(LATIN_LETTER.search(word)) and not ARABIC_LETTER.search(word)


def word_counts(words: str | Iterable[str]) -> tuple[int, int]:
    """How many of the words (whitespace-separated in a ``str``) have Arabic letters,
    and how many have letters at all.

    >>> word_counts("قال بوتين in 2024")
    (2, 3)
    """
    if isinstance(words, str):
        words = words.split()
    arabic = lettered = 0
    for word in words:
        if _LETTER.search(word):
            lettered += 1
            arabic += bool(ARABIC_LETTER.search(word))
    return arabic, lettered


def arabic_share(words: str | Iterable[str]) -> float:
    """The share of the words with letters that have Arabic letters; 1.0 when no word
    has a letter (numbers, punctuation)."""
    arabic, lettered = word_counts(words)
    return arabic / lettered if lettered else 1.0


def mostly_arabic(arabic: int, lettered: int) -> bool:
    """Whether ``arabic`` of ``lettered`` words is at least :data:`MIN_ARABIC_SHARE` (counts
    of :func:`word_counts`, which may be summed over the sentences of a text)."""
    return arabic >= MIN_ARABIC_SHARE * lettered


def is_arabic_text(words: str | Iterable[str]) -> bool:
    """Whether at least half of the words with letters are Arabic (see :func:`arabic_share`).

    >>> is_arabic_text("President Macron met Putin"), is_arabic_text("قالت شركة Apple إن")
    (False, True)
    """
    return mostly_arabic(*word_counts(words))
