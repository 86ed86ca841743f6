"""Latin letters for Arabic names that no table translates: ``Entity.name_latin``.

A name is romanized word by word: a word the name tables know as a whole place or
organization takes its English name (مدريد → Madrid), a word of the 80k Arabic-Latin
name pairs of :mod:`.build_romanizer` its most frequent spelling there (فرحان → Farhan),
and any other word the spelling of a letter-by-letter model trained on those pairs.
The article of an unknown word is written ``al-``, and ``بن`` ``bin``. The result is a
reading aid, not a translation: it is kept apart from ``name_en``, which only ever comes
from a table.

>>> romanize("فيصل بن فرحان")
'Faisal bin Farhan'
>>> romanize("علي بن حسين"), romanize("مدريد")
('Ali bin Hussein', 'Madrid')
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from ..text.normalize import match_key
from ..text.script import is_latin_word
from .arabic import ARTICLE
from .gazetteer import load_gazetteer

__all__ = ["Romanizer", "load_romanizer", "romanize"]

#: Words written the same way in every name.
PARTICLES = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "ابو": "Abu", "عبد": "Abd", "ال": "Al", "آل": "Al"}


class Romanizer:
    """Romanizes words with the tables of :mod:`.build_romanizer` (``words``, ``pieces``)."""

    def __init__(self, model: dict[str, Any]) -> None:
        self.words: dict[str, str] = model["words"]
        self.pieces: dict[str, str] = model["pieces"]

    def word(self, key: str) -> str:
        """The Latin spelling of one word key, looked up whole or built letter by letter."""
        if key in self.words:
            return self.words[key]
        padded = f"^{key}$"
        out = []
        for i in range(1, len(padded) - 1):
            before, letter, after = padded[i - 1], padded[i], padded[i + 1]
            for context in (before + letter + after, letter + after, before + letter, letter):
                if context in self.pieces:
                    out.append(self.pieces[context])
                    break
        return "".join(out)


@functools.cache
def load_romanizer() -> Romanizer:
    """The shipped romanizer, read once."""
    path = resources.files("arabic_entities.lexicon") / "data" / "romanizer.json"
    return Romanizer(json.loads(path.read_text(encoding="utf-8")))


def _capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


@functools.lru_cache(maxsize=65536)
def _word(key: str) -> str:
    if key in PARTICLES:
        return PARTICLES[key]
    gazetteer = load_gazetteer()
    whole = gazetteer.english(key, "LOC") or gazetteer.english(key, "ORG")
    if whole:
        return whole
    if key not in load_romanizer().words and key.startswith(ARTICLE) and len(key) > len(ARTICLE) + 1:
        return "al-" + _word(key[len(ARTICLE) :])
    return _capitalized(load_romanizer().word(key))


def romanize(name: str) -> str | None:
    """``name`` in Latin letters, word by word (Latin words kept as they are); None when
    no word has letters to write."""
    words = [word if is_latin_word(word) else _word(match_key(word)) for word in name.split()]
    return " ".join(word for word in words if word) or None
