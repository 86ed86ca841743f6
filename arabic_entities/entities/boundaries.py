"""Mention boundaries: function words and titles are not part of a name.

A recognizer sometimes pulls a preposition into a span (على إكس) or a title
into a person's name (الرئيس الروسي فلاديمير بوتين), or joins two names with
و (شي وترامب). This stage trims function words at either end of any span and
titles with their nationality adjectives at the start of a person's span, and
cuts spans before و + a known name, or between listed names written side by side. The title words before a person's
name are kept apart as a description of that person.

Words are compared in their surface form (hamza, ى and ة kept), so the
preposition على is never confused with the name علي.

>>> trim_words(("على", "إكس"), "ORG")
(1, 2)
>>> trim_words(("الرئيس", "الروسي", "فلاديمير", "بوتين"), "PERS")
(2, 4)
>>> description_before(["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين"], 3)
'الرئيس الروسي'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..document import Label
from ..lexicon.arabic import (
    CONJUNCTIONS,
    LETTER_NAMES,
    MAX_TITLE_WORDS,
    TITLE_WORDS,
    is_function_word,
    is_nisba,
    is_title_word,
    readings,
    strip_conjunction,
)
from ..lexicon.lookup import is_common_noun
from ..lexicon.non_names import is_non_name
from ..spans import SpanCandidate
from ..text.normalize import match_key
from ..text.script import is_latin_word

__all__ = [
    "FACILITY_HEADS",
    "description_before",
    "glued_name",
    "lone_common_nouns",
    "named_after",
    "split_coordination",
    "split_listed_names",
    "split_scripts",
    "trim_words",
]

#: Nouns that head the name of a place or an institution named after a person or a
#: place (مطار الملك خالد الدولي, جامعة القاهرة), with the type of the whole name.
#: Classifiers of places themselves (مدينة, محافظة, ولاية, مركز) are not heads: مدينة
#: صفاقس is the city.
FACILITY_HEADS: dict[str, Label] = {
    **dict.fromkeys(
        "مطار ميناء موانئ موانيء ملعب استاد ستاد جسر كوبري شارع ميدان ساحة قاعدة محطة برج فندق مسجد جامع "
        "كنيسة كاتدرائية سجن قصر نفق طريق".split(),
        "LOC",
    ),
    **dict.fromkeys(
        "جامعة مستشفى مدرسة كلية معهد مؤسسة مكتبة شركة بنك مصرف نادي أكاديمية اكاديمية جمعية مجمع "
        "صندوق جائزة متحف".split(),
        "ORG",
    ),
}
#: Classifiers kept with a place whose name is a common word (مدينة نصر, حي السلام).
_PLACE_CLASSIFIERS = frozenset("مدينة مدينه حي قرية قريه منطقة منطقه جزيرة جزيره".split())
#: Classifiers of places that head a name only before an honorific (مدينة الملك عبدالله).
_CITY_HEADS = frozenset({"مدينة", "مدينه"})
#: Honorifics allowed between a head and the person it is named after (مطار الملك خالد).
_NAMESAKE_TITLES = frozenset("الملك الأمير الامير الشيخ السلطان الرئيس الإمام الامام الشهيد السيدة".split())
#: Most words taken after the name: adjectives and a genitive (الدولي, للعلوم والتقنية).
MAX_NAME_TAIL = 4

#: Titles cut from the end of a person's span: those that govern a following noun
#: (ولي العهد, رئيس الوزراء), without the article and not also given names (أمير,
#: ملك, شيخ), so surnames such as القاضي or الأمير stay.
TRAILING_TITLES = frozenset(w for w in TITLE_WORDS if not w.startswith("ال")) - {"أمير", "ملك", "شيخ"}


def trim_words(words: Sequence[str], label: str) -> tuple[int, int] | None:
    """The ``(first, last)`` word range of the name inside a recognized span, or None
    when nothing of a name is left.

    Function words are trimmed at both ends, except in an acronym spelled out
    letter by letter (سي إن إن); for persons also titles and the
    nationality adjectives that follow them at the start, and titles at the end
    (محمد بن سلمان ولي). A span of currencies, God or religions only
    (:mod:`~arabic_entities.lexicon.non_names`) is no name.

    >>> trim_words(("بالدولار",), "MISC") is None
    True
    """
    first, last = 0, len(words)
    if len(words) > 1 and all(word in LETTER_NAMES for word in words):
        return first, last  # an acronym spelled out: سي إن إن
    while first < last and is_function_word(words[first]):
        first += 1
    while last > first and is_function_word(words[last - 1]):
        last -= 1
    if label == "PERS":
        start = first
        while first < last - 1 and (is_title_word(words[first]) or (first > start and is_nisba(words[first]))):
            first += 1
        while last > first + 1 and strip_conjunction(words[last - 1], min_stem=3) in TRAILING_TITLES:
            last -= 1
    if all(is_non_name(word) or is_function_word(word) for word in words[first:last]):
        return None
    return (first, last) if first < last else None


def split_coordination(words: Sequence[str], *, is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Word ranges of the names in a span that joins several with و (شي وترامب).

    The span is cut before every inner word that is و plus a known name
    (``is_name`` gets the word without its و).

    >>> split_coordination(["البنتاغون", "وناسا"], is_name={"ناسا"}.__contains__)
    [(0, 1), (1, 2)]
    >>> split_coordination(["وليد", "جنبلاط"], is_name=lambda word: True)
    [(0, 2)]
    """
    cuts = [i for i in range(1, len(words)) if words[i].startswith("و") and len(words[i]) > 3 and is_name(words[i][1:])]
    bounds = [0, *cuts, len(words)]
    return list(zip(bounds, bounds[1:]))


def split_scripts(words: Sequence[str]) -> list[tuple[int, int]]:
    """Word ranges of a span cut where it changes between Latin-script words and the
    others: a Latin word never joins an Arabic name.

    >>> split_scripts(["شركة", "Apple", "Inc"])
    [(0, 1), (1, 3)]
    >>> split_scripts(["سي", "إن", "إن"])
    [(0, 3)]
    """
    cuts = [i for i in range(1, len(words)) if is_latin_word(words[i]) != is_latin_word(words[i - 1])]
    bounds = [0, *cuts, len(words)]
    return list(zip(bounds, bounds[1:]))


def split_listed_names(keys: Sequence[str], *, listed: Callable[[tuple[str, ...]], bool]) -> list[tuple[int, int]]:
    """Word ranges of a span that is two or more listed names side by side (ماسك ترامب).

    ``keys`` are the span's word keys; ``listed(words)`` says whether a word sequence
    is a listed name. The span is cut only when it is not itself listed and the
    listed names, longest first, cover all of it; otherwise it stays whole.

    >>> names = {("ماسك",), ("ترامب",), ("دونالد", "ترامب")}.__contains__
    >>> split_listed_names(["ماسك", "دونالد", "ترامب"], listed=names)
    [(0, 1), (1, 3)]
    >>> split_listed_names(["ماسك", "اليوم"], listed=names)
    [(0, 2)]
    """
    whole = [(0, len(keys))]
    if len(keys) < 2 or listed(tuple(keys)):
        return whole
    pieces, start = [], 0
    while start < len(keys):
        end = next((end for end in range(len(keys), start, -1) if listed(tuple(keys[start:end]))), None)
        if end is None:
            return whole
        pieces.append((start, end))
        start = end
    return pieces if len(pieces) > 1 else whole


def named_after(words: Sequence[str], first: int, last: int, label: str) -> tuple[int, int, Label] | None:
    """The whole name of the place or institution that the person or place at
    ``words[first:last]`` is part of, as ``(first, last, label)``, or None.

    A place whose name is a common word keeps the classifier before it (مدينة نصر).
    A person or place right after a :data:`FACILITY_HEADS` noun (a clitic may be
    glued to it; honorifics may stand between them) names that facility, which takes
    the adjectives and the genitive with ل that follow (الدولي, للعلوم والتقنية).

    >>> named_after(["وصل", "إلى", "مطار", "الملك", "خالد", "الدولي", "أمس"], 4, 5, "PERS")
    (2, 6, 'LOC')
    >>> named_after(["في", "مدينة", "نصر"], 2, 3, "LOC")
    (1, 3, 'LOC')
    >>> named_after(["مدينة", "الملك", "عبدالعزيز", "للعلوم", "والتقنية"], 2, 3, "PERS")
    (0, 5, 'ORG')
    >>> named_after(["شركة", "مصر", "للطيران"], 1, 2, "LOC")
    (0, 3, 'ORG')
    >>> named_after(["زار", "مصر", "للمرة", "الأولى"], 1, 2, "LOC") is None
    True
    """
    if label not in ("PERS", "LOC"):
        return None
    if (
        label == "LOC"
        and last == first + 1
        and first > 0
        and any(w in _PLACE_CLASSIFIERS for w in readings(words[first - 1]))
        and is_common_noun(match_key(words[first]))
    ):
        return first - 1, last, "LOC"  # مدينة نصر: a common word names a place with its classifier
    head = first - 1
    while label == "PERS" and head >= max(0, first - 3) and words[head] in _NAMESAKE_TITLES:
        head -= 1
    if head < 0:
        return None
    kind = next((FACILITY_HEADS[w] for w in readings(words[head]) if w in FACILITY_HEADS), None)
    titled = head < first - 1
    if kind is None and titled and any(w in _CITY_HEADS for w in readings(words[head])):
        kind = "LOC"  # مدينة الملك عبدالله الاقتصادية: a city named after a king
    if kind is None:
        return None
    end = last
    while end < min(len(words), last + MAX_NAME_TAIL) and _in_name_tail(words[end]):
        end += 1
    if kind == "LOC" and titled and any(w.startswith("لل") for w in words[last:end]):
        kind = "ORG"  # مدينة الملك عبدالعزيز للعلوم والتقنية: an institution
    return head, end, kind


def _in_name_tail(word: str) -> bool:
    """An adjective (الدولي) or a genitive with ل (للعلوم, والتقنية after it) that ends an institution's name."""
    return is_nisba(word) or (word.startswith("لل") and len(word) > 4) or (word.startswith("وال") and len(word) > 5)


def glued_name(word: str, *, known: Callable[[str], bool]) -> int | None:
    """Where a name glued to the next word ends (أوكرانياوفي: أوكرانيا + وفي), or None.

    The word is cut only when it is not itself a known name (``known`` gets match
    keys), its start is a known name of three letters or more and its rest a
    function word after و or ف, which is written joined to the next word: the space
    before it is what went missing (الدوما is no الدو + ما).

    >>> glued_name("أوكرانياوفي", known={"اوكرانيا"}.__contains__)
    8
    >>> glued_name("أوكرانيا", known={"اوكرانيا"}.__contains__) is None
    True
    """
    if known(match_key(word)):
        return None
    for cut in range(len(word) - 2, 2, -1):
        rest = word[cut:]
        if rest[0] in CONJUNCTIONS and is_function_word(rest) and known(match_key(word[:cut])):
            return cut
    return None


def description_before(words: Sequence[str], start: int, *, sentence_start: int = 0) -> str | None:
    """The title words right before the person name that begins at word ``start``.

    Titles and nationality adjectives are collected backwards (at most
    :data:`~arabic_entities.lexicon.arabic.MAX_TITLE_WORDS`, never before
    ``sentence_start``); the result counts only if it holds a title.
    """
    first, reach = start, max(sentence_start, start - MAX_TITLE_WORDS)
    while first > reach and (is_title_word(words[first - 1]) or is_nisba(words[first - 1])):
        first -= 1
    run = list(words[first:start])
    if not any(is_title_word(word) for word in run):
        return None
    while run and not is_title_word(run[0]):  # a leading adjective belongs to something else
        run = run[1:]
    if run[0] not in TITLE_WORDS:  # والرئيس: the conjunction is not part of the title
        run = [run[0][1:], *run[1:]]
    return " ".join(run)


def lone_common_nouns(
    candidates: Sequence[SpanCandidate], *, known_person: Callable[[str], bool]
) -> list[SpanCandidate]:
    """The one-word person spans that are a common noun of the news (مواليد "born in",
    المحامي): the word, و / ف off, is frequent with and without the article
    (:func:`~arabic_entities.lexicon.lookup.is_common_noun`), no name table knows any
    reading of it as a person or a part of one (``known_person`` gets match keys), and
    no longer person name of the same document holds it (الشاهد after يوسف الشاهد stays).

    >>> def span(*words):
    ...     return SpanCandidate(label="PERS", words=words, norm_start=0, norm_end=1, sentence=0,
    ...                          score=None, token_start=0, token_end=len(words))
    >>> [c.words for c in lone_common_nouns([span("مواليد"), span("ماسك")], known_person=lambda key: False)]
    [('مواليد',)]
    """
    in_full_names = {
        strip_conjunction(match_key(word))
        for c in candidates
        if c.label == "PERS" and len(c.words) > 1
        for word in c.words
    }

    def common(word: str) -> bool:
        bare = strip_conjunction(match_key(word))
        return (
            is_common_noun(bare)
            and bare not in in_full_names
            and not any(known_person(key) for key in readings(match_key(word)))
        )

    return [c for c in candidates if c.label == "PERS" and len(c.words) == 1 and common(c.words[0])]
