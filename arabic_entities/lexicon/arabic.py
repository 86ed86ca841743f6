"""Arabic word classes several stages share: proclitics, function words, titles, nisba adjectives.

Proclitics: conjunctions و ف, prepositions ب ل ك, article ال.

This module only lists what *could* be a proclitic; deciding whether to strip
one needs evidence and happens in :mod:`arabic_entities.entities.resolve`.

>>> [(s.prefix, s.stem) for s in proclitic_splits("وبوتين")]
[('و', 'بوتين'), ('وب', 'وتين')]
>>> [(s.prefix, s.stem) for s in proclitic_splits("للكرملين")]
[('ل', 'الكرملين'), ('لل', 'كرملين')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..text.normalize import match_key

__all__ = [
    "ARTICLE",
    "CONJUNCTIONS",
    "FUNCTION_WORDS",
    "LETTER_NAMES",
    "MAX_TITLE_WORDS",
    "PREPOSITIONS",
    "PRONOUN_SUFFIXES",
    "TITLE_WORDS",
    "Split",
    "is_function_key",
    "is_function_word",
    "is_nisba",
    "is_title_word",
    "proclitic_splits",
    "readings",
    "strip_article",
    "strip_conjunction",
]

#: Conjunctions written attached to the next word.
CONJUNCTIONS = ("و", "ف")
#: Prepositions written attached to the next word (after a conjunction, if any).
PREPOSITIONS = ("ب", "ل", "ك")
#: The definite article.
ARTICLE = "ال"
#: Shortest stem worth considering: two-letter remainders are almost never names.
MIN_STEM = 3
#: Most words taken as the titles before a person's name: title words, nationality
#: adjectives and, for relations, the noun a title governs (رئيس الوزراء الإسرائيلي).
MAX_TITLE_WORDS = 6


@dataclass(frozen=True, slots=True)
class Split:
    """``prefix`` (the clitics, as written) + ``stem``; ``length`` is how many
    characters of the written word the clitics take.

    After ل the article loses its alef (ل + الكرملين = للكرملين), so the stem can
    restore a letter that is not written: then ``stem`` is longer than the rest
    of the word.
    """

    prefix: str
    stem: str
    length: int


@functools.lru_cache(maxsize=30_000)
def proclitic_splits(word: str, *, min_stem: int = MIN_STEM) -> tuple[Split, ...]:
    """All conjunction/preposition splits of ``word`` with a stem of ``min_stem`` letters or more.

    The word is expected in normalized form (alef variants folded to ا). The
    article ال is kept in the stem, except as the split ``لل`` + stem that reads
    ``للكرملين`` as ل + ال + كرملين.
    """
    splits: list[Split] = []
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            prefix = conj + prep
            if not prefix or not word.startswith(prefix):
                continue
            rest = word[len(prefix) :]
            if prep == "ل" and rest.startswith("ل") and len(rest) > min_stem:
                splits.append(Split(prefix, "ا" + rest, len(prefix)))
                splits.append(Split(prefix + "ل", rest[1:], len(prefix) + 1))
            elif len(rest) >= min_stem:
                splits.append(Split(prefix, rest, len(prefix)))
    return tuple(splits)


@functools.lru_cache(maxsize=30_000)
def readings(word: str) -> tuple[str, ...]:
    """``word`` itself, then every stem it has after proclitics: the forms a name may take.

    >>> readings("وبوتين")
    ('وبوتين', 'بوتين', 'وتين')
    """
    return (word, *(s.stem for s in proclitic_splits(word)))


def strip_article(word: str) -> str:
    """``word`` without a leading ال when enough remains.

    >>> strip_article("الكرملين"), strip_article("الم")
    ('كرملين', 'الم')
    """
    return word[len(ARTICLE) :] if word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= MIN_STEM else word


def strip_conjunction(word: str, *, min_stem: int = 2) -> str:
    """``word`` without a leading و / ف when ``min_stem`` letters or more remain
    (function words such as ما have two).

    >>> strip_conjunction("ولكن"), strip_conjunction("وما"), strip_conjunction("وما", min_stem=3)
    ('لكن', 'ما', 'وما')
    """
    return word[1:] if len(word) > min_stem and word[0] in CONJUNCTIONS else word


#: Closed-class words (prepositions, particles, pronouns, demonstratives) that never
#: begin or end a name.
FUNCTION_WORDS = frozenset(
    """
في من على إلى الى عن مع حول عند بين ضد لدى منذ حتى خلال بعد قبل أمام امام وراء فوق تحت نحو عبر
دون ضمن لأن لان أو او ثم لكن بل إن ان أن إنه انه أنه إنها انها أنها كان كانت قد لقد لا لم لن ما ماذا
هل كما أي كل بعض غير هذا هذه ذلك تلك هؤلاء الذي التي الذين هو هي هم هما نحن أنا عليه عليها فيه فيها
منه منها له لها لهم به بها إذ إذا اذا حين بينما أيضا أيضاً يا بسم
""".split()
)

#: Titles and roles that stand before a person's name.
TITLE_WORDS = frozenset(
    """
الرئيس رئيس الرئيسة رئيسة نائب النائب الوزير وزير الوزيرة وزيرة الملك ملك الملكة الأمير أمير
الأميرة ولي العهد الشيخ الشيخة السيد السيدة الدكتور الدكتورة المستشار المستشارة الجنرال اللواء
العقيد العميد الفريق المشير البابا الإمام الزعيم المتحدث المتحدثة الناطق الناطقة الملياردير
رجل الأعمال السفير السفيرة السناتور السيناتور الحاكم حاكم المدير مدير المديرة الأمين العام
المرشح المرشحة المبعوث المبعوثة القائد قائد المفوض المفوضة الكاتب الكاتبة الصحفي الصحفية
المليونير الممثل الممثلة المغني المغنية اللاعب اللاعبة المدرب زعيم
معالي سمو السمو فخامة جلالة سماحة سيادة صاحب خادم الحرمين الشريفين شيخ العاهل الراحل الفقيد
الشهيد الفنان الفنانة الشاعر الشاعرة الروائي المخرج المطرب المطربة الداعية المهاجم الحارس الكابتن
المحافظ محافظ العمدة الأستاذ الأستاذة المهندس المحامي المحامية القاضي الحاج الحاجة الأنبا القس
البطريرك المطران الكاردينال
""".split()
)


#: Pronouns written attached to a preposition or particle (دوني, منها, عليهم).
PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ك", "ي")

#: Arabic spellings of Latin letter names, of which acronyms are written (سي إن إن).
LETTER_NAMES = frozenset(
    """
إيه ايه بي سي دي إي اي إف اف جي إتش اتش آي جيه كيه كي إل ال إم ام إن ان أو او كيو آر ار إس اس تي يو
دبليو إكس اكس واي زد
""".split()
)


@functools.lru_cache(maxsize=30_000)
def is_function_word(word: str) -> bool:
    """Whether ``word`` (surface form) is a function word, alone or after و / ف, or a
    preposition or particle of three letters or more with a pronoun attached (دوني,
    عليهم; not مني, also a name).

    >>> is_function_word("وعلى"), is_function_word("علي"), is_function_word("دوني")
    (True, False, True)
    """
    if word in FUNCTION_WORDS or strip_conjunction(word) in FUNCTION_WORDS:
        return True
    bare = strip_conjunction(word)
    # على, إلى, لدى write their ى as ي before a pronoun: عليهم, إليه
    bases = [bare[: -len(suffix)] for suffix in PRONOUN_SUFFIXES if bare.endswith(suffix)]
    return any(
        len(base) >= 3 and (base in FUNCTION_WORDS or (base.endswith("ي") and base[:-1] + "ى" in FUNCTION_WORDS))
        for base in bases
    )


@functools.cache
def _function_keys() -> frozenset[str]:
    return frozenset(match_key(word) for word in FUNCTION_WORDS)


def is_function_key(key: str) -> bool:
    """Whether the match key ``key`` is that of a function word: على and إلى share their
    keys with the names علي and إلي, so a name matched by key alone may be a particle.

    >>> is_function_key("علي"), is_function_key("عليا")
    (True, False)
    """
    return key in _function_keys()


def is_nisba(word: str) -> bool:
    """An article-bearing relational adjective such as الروسي, الأميركية (not after و),
    in the text's spelling or as a match key (السلفى → السلفي, الأميركيه).

    >>> is_nisba("الأميركية"), is_nisba("والأميركية"), is_nisba("الذي"), is_nisba("الامريكيه")
    (True, False, False, True)
    """
    return word.startswith(ARTICLE) and len(word) >= 5 and word.endswith(("ي", "ية", "يه"))


def is_title_word(word: str) -> bool:
    """Whether ``word`` is a title or role word, alone or after و / ف."""
    return word in TITLE_WORDS or strip_conjunction(word, min_stem=3) in TITLE_WORDS
