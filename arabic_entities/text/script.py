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

__all__ = ["ARABIC_LETTER", "LATIN_LETTER", "MIN_ARABIC_SHARE", "arabic_share", "is_arabic_text", "is_latin_word"]

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


def arabic_share(words: str | Iterable[str]) -> float:
    """The share of the words with letters (whitespace-separated in a ``str``) that
    have Arabic letters; 1.0 when no word has a letter (numbers, punctuation)."""
    if isinstance(words, str):
        words = words.split()
    lettered = [word for word in words if _LETTER.search(word)]
    if not lettered:
        return 1.0
    return sum(1 for word in lettered if ARABIC_LETTER.search(word)) / len(lettered)


def is_arabic_text(words: str | Iterable[str]) -> bool:
    """Whether at least half of the words with letters are Arabic (see :func:`arabic_share`).

    >>> is_arabic_text("President Macron met Putin"), is_arabic_text("قالت شركة Apple إن")
    (False, True)
    """
    return arabic_share(words) >= MIN_ARABIC_SHARE
