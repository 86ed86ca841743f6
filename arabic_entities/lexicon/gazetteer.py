"""Compact name tables shipped with the package (built by :mod:`.build`).

>>> gaz = load_gazetteer()
>>> sorted(gaz.labels("واشنطن"))
['LOC', 'PERS']
>>> "PERS" in gaz.part_labels("فلاديمير")
True

English names come from whole names the sources give (curated, CLDR, World Cities,
ArWikiCats), never from a guessed transliteration:

>>> gaz.english("فلاديمير بوتين")
'Vladimir Putin'
>>> gaz.english("موسكو")
'Moscow'
>>> gaz.english("المملكه المتحده")
'United Kingdom'
>>> gaz.english("ماسك") is None  # a bare surname: only name tokens know it
True
"""

from __future__ import annotations

import functools
import gzip
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import regex

__all__ = ["Gazetteer", "load_gazetteer", "restore_case"]

TABLE_PATH = Path(__file__).parent / "data" / "names.tsv.gz"
_EMPTY: frozenset[str] = frozenset()

#: Sources of whole names, most trusted first; others come after them.
SOURCE_PRIORITY = ("curated", "cldr", "world_cities", "arwikicats")
#: The source whose places are all countries.
COUNTRY_SOURCE = "cldr"
#: Single person-name tokens: they name parts of names, never a whole name.
TOKEN_SOURCE = "wikidata_names"
COLUMNS = ("key", "label", "ar", "en", "source", "count")
_RANK = {source: rank for rank, source in enumerate(SOURCE_PRIORITY)}
_UNRANKED = len(SOURCE_PRIORITY)
#: Sources ranked before this one win outright; the others are compared by support.
_TRUSTED = _RANK["world_cities"]
#: Name-part count from which a single word is a common given name.
COMMON_GIVEN_NAME = 50
#: A name part's English spelling counts when it has this share of the part's
#: token count (علي: ali and aly, not the one-off allée).
TOKEN_SPELLING_SHARE = 0.05

#: Words written lower-case inside a name (not at its start) when restoring case.
_LOWER_WORDS = frozenset(
    "a al am an and ar as ash at az bin bint by d da das de degli dei del della den der des di do dos "
    "du e el en et for ibn im in l la las le les los of on sur the to und upon van von y zu".split()
)
_ROMAN = frozenset("ii iii iv vi vii viii xii xiii xiv xv xvi xvii xviii".split())
_INITIALS = regex.compile(r"^(?:\p{Ll}\.)+$")
_WORD_PART = regex.compile(r"[^\s\-]+|[\s\-]+")


def _cap(part: str) -> str:
    if len(part) > 2 and part[1] == "'" and part[0] in "od":  # o'neill, d'ivoire
        return part[:2].upper() + part[2:3].upper() + part[3:] if part[0] == "o" else part[:2] + _cap(part[2:])
    if len(part) > 2 and part.startswith("mc"):
        return "Mc" + part[2:3].upper() + part[3:]
    return part[:1].upper() + part[1:]


def restore_case(name: str) -> str:
    """Capitalize a lower-cased English name (ArWikiCats and the name tokens are
    lower-case); names with any capital are returned as they are.

    >>> restore_case("bashar al-assad"), restore_case("ursula von der leyen")
    ('Bashar al-Assad', 'Ursula von der Leyen')
    >>> restore_case("george w. bush"), restore_case("côte d'ivoire"), restore_case("NASA")
    ('George W. Bush', "Côte d'Ivoire", 'NASA')
    """
    if name != name.lower():
        return name
    out = []
    for i, part in enumerate(_WORD_PART.findall(name)):
        if not part.strip("- \t") or (i and part in _LOWER_WORDS):
            out.append(part)
        elif i and part in _ROMAN or _INITIALS.match(part):
            out.append(part.upper())
        else:
            out.append(_cap(part))
    return "".join(out)


@dataclass(frozen=True)
class Gazetteer:
    """Known names by match key (see :func:`arabic_entities.text.normalize.match_key`).

    ``names`` maps a whole name to its labels; ``parts`` maps a word to the labels
    of the multi-word names it occurs in; ``first_words`` holds the first words of
    the multi-word names. ``english_forms`` maps ``(key, label)`` to the rank of its
    best English form for whole names (see :meth:`english`). ``common_given_names``
    are single words the Wikidata name tokens give as a name part at least
    :data:`COMMON_GIVEN_NAME` times (محمد, أحمد): alone they name nobody in particular.
    ``token_forms`` maps such a name part to its usual English spellings (see
    :meth:`token_english`). ``countries`` are the English names of the countries
    (CLDR territories); ``country_short_forms`` maps the first word of a country's
    name to the country, where the rest of the name is adjectives and no other
    country's name begins with that word (الإمارات of الإمارات العربية المتحدة).
    """

    names: dict[str, frozenset[str]]
    parts: dict[str, frozenset[str]]
    max_words: int
    first_words: frozenset[str]
    english_forms: dict[tuple[str, str], tuple[int, int, int, int, str]] = field(default_factory=dict, repr=False)
    common_given_names: frozenset[str] = field(default=frozenset(), repr=False)
    token_forms: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    countries: frozenset[str] = field(default=frozenset(), repr=False)
    country_short_forms: dict[str, str] = field(default_factory=dict, repr=False)

    def labels(self, key: str) -> frozenset[str]:
        """Labels of the whole name ``key`` (empty when unknown)."""
        return self.names.get(key, _EMPTY)

    def part_labels(self, word_key: str) -> frozenset[str]:
        """Labels of the multi-word names that contain the word ``word_key``."""
        return self.parts.get(word_key, _EMPTY)

    def __contains__(self, key: str) -> bool:
        return key in self.names

    def known(self, label: str) -> Callable[[str], str | bool]:
        """A test of a name key for ``label``: its English name, else whether the table
        has the name at all (the ``known`` of :func:`~arabic_entities.entities.variants.same_name`).

        >>> load_gazetteer().known("PERS")("دونالد ترامب")
        'Donald Trump'
        """
        return lambda key: self.english(key, label) or key in self

    def token_english(self, word_key: str) -> frozenset[str]:
        """The usual English spellings (lower-case) of the name part ``word_key``, from the
        Wikidata name tokens; empty when the tokens do not know it. Two name parts
        with no spelling in common are two names (حسن, حسين), however alike in Arabic.

        >>> gaz = load_gazetteer()
        >>> sorted(gaz.token_english("حسين"))
        ['hossein', 'hussain', 'hussein']
        >>> gaz.token_english("حسن") & gaz.token_english("حسين")
        frozenset()
        """
        return self.token_forms.get(word_key, _EMPTY)

    def english(self, key: str, label: str | None = None) -> str | None:
        """The English name of the whole name ``key`` (a match key), or ``None``.

        Whole names only: with ``label``, rows with that label or the untyped
        ``NAME``; without, rows of any label. Among them, the curated table first,
        then CLDR; among the other sources, the form the whole table gives most
        often (for any name, with the rows' counts), so that a label in another language that one
        table slipped in (``arabyang saudita`` beside ``saudi arabia``) loses to the
        English one; then sources by :data:`SOURCE_PRIORITY`, the form the source
        gives most often, and string order. Lower-case source forms get their
        capitals back (:func:`restore_case`). Single name tokens (Wikidata
        person-name parts) never name a whole name, and a common given name alone
        (:attr:`common_given_names`) has no English name as a person: an English
        name is never composed or guessed.

        >>> gaz = load_gazetteer()
        >>> gaz.english("دونالد ترامب") == gaz.english("دونالد ترمب") == "Donald Trump"
        True
        >>> gaz.english("الكرملين", "ORG"), gaz.english("واشنطن", "LOC"), gaz.english("شي", "PERS")
        ('Kremlin', 'Washington', None)
        """
        forms = self.english_forms
        labels: Collection[str] = self.names.get(key, _EMPTY) if label is None else (label, "NAME")
        if key in self.common_given_names:
            labels = [other for other in labels if other not in ("PERS", "NAME")]
        ranked = [forms[key, other] for other in labels if (key, other) in forms]
        return restore_case(min(ranked)[-1]) if ranked else None


def _read(path: Path) -> Gazetteer:
    names: dict[str, frozenset[str]] = {}
    parts: dict[str, frozenset[str]] = {}
    # label sets are few: each is made once and shared, so reading makes few objects
    label_sets: dict[tuple[frozenset[str], str], frozenset[str]] = {}

    def add(table: dict[str, frozenset[str]], key: str, label: str) -> None:
        labels = table.get(key, _EMPTY)
        joined = label_sets.get((labels, label))
        if joined is None:
            joined = label_sets[labels, label] = labels | {label}
        table[key] = joined

    max_words = 1
    first_words = set()
    offers: list[tuple[str, str, str, str, int]] = []  # key, label, English, source, count
    support: Counter[str] = Counter()  # English form (case-folded) -> how often the rows of any key give it
    token_counts: dict[str, int] = {}
    spellings: dict[str, dict[str, int]] = {}  # name part -> its English spellings (lower-case) -> count
    countries: set[str] = set()
    short_forms: dict[str, set[str]] = {}  # a country name's first word -> the countries it begins
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = next(f).split()
        if header != list(COLUMNS):
            raise ValueError(f"{path}: columns {header}, expected {list(COLUMNS)} (rebuild it with .build_names)")
        for line in f:
            key, label, _, en, source, count_text = line.split("\t")
            count = int(count_text)
            if source == TOKEN_SOURCE:
                token_counts[key] = token_counts.get(key, 0) + count
                if en:
                    part = spellings.setdefault(key, {})
                    part[en] = part.get(en, 0) + count  # the name tokens are lower-case already
            elif en:
                offers.append((key, label, en, source, count))
                if source == COUNTRY_SOURCE:
                    countries.add(en)
                    first, *rest = key.split()
                    short_forms.setdefault(first, set()).add(en if rest and all(map(_is_adjective, rest)) else "")
                support[en.casefold()] += count
            add(names, key, label)
            words = key.split()
            if len(words) > 1:
                max_words = max(max_words, len(words))
                first_words.add(words[0])
                for word in words:
                    add(parts, word, label)
    forms: dict[tuple[str, str], tuple[int, int, int, int, str]] = {}
    for key, label, en, source, count in offers:
        rank = _RANK.get(source, _UNRANKED)
        form = (min(rank, _TRUSTED), -support[en.casefold()], rank, -count, en)
        best = forms.get((key, label))
        if best is None or form < best:
            forms[key, label] = form
    given = frozenset(key for key, count in token_counts.items() if count >= COMMON_GIVEN_NAME)
    token_forms = {
        key: frozenset(en for en, count in counts.items() if count >= TOKEN_SPELLING_SHARE * token_counts[key])
        for key, counts in spellings.items()
    }
    unique_short_forms = {
        word: next(iter(found)) for word, found in short_forms.items() if len(found) == 1 and "" not in found
    }
    return Gazetteer(
        names,
        parts,
        max_words,
        frozenset(first_words),
        forms,
        given,
        token_forms,
        frozenset(countries),
        unique_short_forms,
    )


def _is_adjective(word_key: str) -> bool:
    """An article-bearing adjective key of a country's name (العربيه, المتحده, الجديده)."""
    return word_key.startswith("ال") and len(word_key) >= 5 and word_key.endswith(("ي", "ه"))


@functools.cache
def load_gazetteer(path: str | Path = TABLE_PATH) -> Gazetteer:
    """The name table at ``path`` (the shipped one by default), read once."""
    return _read(Path(path))
