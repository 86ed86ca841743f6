"""Names safe to find by lookup alone: the name table's names that news text uses as names.

Names of two to five words that the table knows as one type only (a person, an
organization, a place: محمد مرسي, نيكولا ساركوزي) are safe when one of their words is
a person's name part or no common word of the news corpus: the table also holds
topics made of common words (السياسة الأمريكية, معلومات سرية). Single words are safe
only as places, under the conditions below.

A tagger trained on 2006 newswire misses many towns of other countries' news (صفاقس, بنزرت,
أطفيح). The name table knows them, but it also holds places whose names are common words
(قصر, نصر, السلام) or verbs (أكد is a town too). A place is safe when:

- the table knows the name as a place and as nothing else (عمان is also a person's name);
- it is not a function word, nor a common given name;
- its word is no common noun: with the article added (or removed, for a name that has it)
  it is not a frequent word of the news corpus (القصر, النصر, سلام are), unless the name
  is far more frequent still (السويس beside سويس);
- the news corpus uses it like places: its word cluster (256 clusters of the corpus's
  words, :mod:`.clusters`) holds at least :data:`MIN_PLACE_SHARE` places, or the corpus
  does not have the word at all.

>>> patterns = lookup_patterns()
>>> patterns[("المنستير",)], ("قصر",) in patterns, ("اكد",) in patterns, patterns[("نيكولا", "ساركوزي")]
('LOC', False, False, 'PERS')
"""

from __future__ import annotations

import functools
from collections import Counter

from ..document import Label
from .arabic import ARTICLE, is_function_key
from .clusters import load_clusters, word_rank
from .gazetteer import Gazetteer, load_gazetteer

__all__ = ["MIN_PLACE_SHARE", "is_common_noun", "lookup_patterns"]

#: Share of places among a cluster's words from which its words are used like places.
MIN_PLACE_SHARE = 0.1
#: A word this frequent (rank) or more is a common word of the corpus ...
COMMON_RANK = 50_000
#: ... unless the name itself is this many times more frequent (السويس, not سويس).
RARER_BY = 10
#: Cluster column used (the 256-cluster level) and the words that define its shares.
_CLUSTER_LEVEL = 256
_SHARE_VOCABULARY = 100_000
_MAX_WORDS = 5
_LABELS: tuple[Label, ...] = ("LOC", "ORG", "PERS")


@functools.lru_cache(maxsize=30_000)
def is_common_noun(key: str) -> bool:
    """Whether the word key ``key`` is a common noun of the news corpus: with the article
    added (or removed, if it has it) it is a frequent word too (قصر: القصر; أمين:
    الأمين), unless ``key`` is far more frequent still (السويس beside سويس).

    >>> is_common_noun("قصر"), is_common_noun("ترامب"), is_common_noun("السويس")
    (True, False, False)
    """
    other_rank = word_rank(key[len(ARTICLE) :] if key.startswith(ARTICLE) else ARTICLE + key)
    own_rank = word_rank(key)
    return (
        other_rank is not None and other_rank <= COMMON_RANK and (own_rank is None or other_rank <= RARER_BY * own_rank)
    )


@functools.cache
def lookup_patterns() -> dict[tuple[str, ...], Label]:
    """Word-key patterns of the names of the shipped tables safe to find by lookup → label."""
    return _lookup_patterns(load_gazetteer())


def _lookup_patterns(gazetteer: Gazetteer) -> dict[tuple[str, ...], Label]:
    clusters = load_clusters()
    column = clusters.sizes.index(_CLUSTER_LEVEL) + 1
    places = {key for key, labels in gazetteer.names.items() if labels == {"LOC"}}
    words, hits = Counter[int](), Counter[int]()
    for key, entry in clusters.ids.items():
        if entry[0] <= _SHARE_VOCABULARY:
            words[entry[column]] += 1
            hits[entry[column]] += key in places

    def used_like_places(word: str) -> bool:
        entry = clusters.ids.get(word)
        return entry is None or hits[entry[column]] >= MIN_PLACE_SHARE * words[entry[column]]

    patterns: dict[tuple[str, ...], Label] = {}

    def distinctive(word: str) -> bool:
        rank = word_rank(word)
        return rank is None or rank > COMMON_RANK or bool(gazetteer.token_english(word))

    for key, labels in gazetteer.names.items():
        parts = tuple(key.split())
        if (
            1 < len(parts) <= _MAX_WORDS
            and len(labels) == 1
            and (label := next(iter(labels))) in _LABELS
            and any(distinctive(word) for word in parts)
        ):
            patterns[parts] = label
    for key in places:
        if " " not in key and (
            len(key) >= 3
            and not is_function_key(key)
            and key not in gazetteer.common_given_names
            and not is_common_noun(key)
            and used_like_places(key)
        ):
            patterns[(key,)] = "LOC"
    return patterns
