"""Names of institutions found by their structure: a head noun and its genitive chain.

An Arabic institution's name is a head noun (وزارة, مجلس, هيئة, حزب …) followed by
a genitive chain that ends in a definite noun or a known place, then adjectives:
وزارة الداخلية, مجلس الأمن الدولي, مديرية أمن الإسماعيلية. A head with the article
takes adjectives and one genitive with لل: الهيئة العليا المستقلة للانتخابات. A
tagger trained on 2006 newswire misses many of them; the structure finds them in
any text. A head with the article needs an adjective
or a genitive after it (النيابة العامة), never a bare noun (الحكومة is no name).

>>> words = "أعلنت وزارة الداخلية المصرية أن الهيئة العليا المستقلة للانتخابات قررت".split()
>>> institution_spans(words)
[(1, 4), (5, 9)]
>>> institution_spans("قال الحزب إن حزبا جديدا تأسس".split())
[]
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from ..lexicon.arabic import ARTICLE, is_function_word, is_nisba, readings
from ..lexicon.clusters import word_rank
from ..text.normalize import match_key

__all__ = ["INSTITUTION_HEADS", "continues_with_tail", "institution_spans", "tail_length"]

#: Head nouns of institutions' names (without the article). Verbal nouns are not
#: (تنظيم السجون is a law's subject, not تنظيم داعش), nor companies and banks:
#: شركة + common nouns is mostly a description (شركة إطلاق الصواريخ); their
#: names are names of their own (شركة أبل), or places (شركة مصر للطيران, see
#: :func:`~arabic_entities.entities.boundaries.named_after`).
INSTITUTION_HEADS = frozenset(
    """
وزارة هيئة مجلس حزب جماعة حركة جبهة منظمة اتحاد نقابة محكمة جامعة وكالة جمعية لجنة مؤسسة
مديرية نيابة رابطة غرفة قوات جيش ديوان صندوق بلدية تحالف ائتلاف حرس شرطة مخابرات
""".split()
)
#: Heads that name an institution only with the article (القوات المسلحة), never in an
#: idafa (قوات الأمن, قوات الاحتلال are descriptions).
_DEFINITE_ONLY = frozenset({"قوات"})
#: A feminine nisba is an adjective when its masculine is at least this frequent (rank).
ADJECTIVE_RANK = 100_000
#: Most words of the chain after the head.
MAX_CHAIN = 5
#: Words that end a name: time words and adjectives that describe an institution
#: rather than name it (مجلس الشعب اليوم, المحكمة الدستورية العليا السابقة).
_NOT_IN_NAMES = frozenset(
    """
اليوم أمس غدا الآن الأحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الماضي الماضية
الجاري الجارية المقبل المقبلة القادم القادمة السابق السابقة الحالي الحالية الأخير الأخيرة الجديد الجديدة
الخاص الخاصة الأسبوعية الأسبوعي الشهري الشهرية اليومي اليومية المنحل المنحلة الحاكم الرئيسي الرئيسية
الرئيسى المعني المعنية المختص المختصة التالي التالية
""".split()
)
#: Adjectives that make a definite head a name on their own (النيابة العامة).
_DESIGNATIONS = frozenset(
    """
العام العامة العليا الأعلى الوطني الوطنية القومي القومية المسلحة المركزي المركزية العسكري العسكرية
الجمهوري الجمهورية الدستوري الدستورية الإداري الإدارية الاتحادي الاتحادية الدولي الدولية العمومية العمومي
الابتدائية الإبتدائية الاستئنافية القضائي القضائية التشريعية التنفيذية الشعبي الشعبية
""".split()
)
#: Other adjectives common in institutions' names.
_ADJECTIVES = frozenset("المستقلة المستقل الكبرى الكبير المتحدة العظمى الأعلى العليا المركزية".split())
#: Heads that a nationality adjective alone makes a name (الجيش المصري, الحرس الثوري;
#: القوات الروسية are a description).
_ARMED = frozenset({"الجيش", "الحرس", "المخابرات"})
#: Words before شرطة that belong to a police station's name (مركز شرطة دمياط).
_STATION_WORDS = frozenset({"مركز", "قسم", "بمركز", "لمركز", "بقسم", "لقسم"})


@functools.lru_cache(maxsize=30_000)
def _head(word: str) -> tuple[bool, bool]:
    """Whether ``word`` (clitics allowed) is a head noun, and whether it has the article."""
    for form in readings(word):
        if form in INSTITUTION_HEADS and form not in _DEFINITE_ONLY:
            return True, False
        if form.startswith(ARTICLE) and form[len(ARTICLE) :] in INSTITUTION_HEADS:
            return True, True
    return False, False


def _definite(word: str) -> bool:
    return word.startswith(ARTICLE) and len(word) > 3 and not is_function_word(word) and word not in _NOT_IN_NAMES


def _genitive_with_l(word: str) -> bool:
    return word.startswith("لل") and len(word) > 4


def _conjoined(word: str) -> bool:
    return word.startswith("وال") and len(word) > 5 and not _head(word)[0]


def institution_spans(
    words: Sequence[str], *, known_place: Callable[[str], bool] = lambda word: False
) -> list[tuple[int, int]]:
    """``(first, last)`` word ranges of the institutions' names in a sentence's words.

    ``known_place(word)`` says whether a word is a place name, which ends a genitive
    chain as a definite noun does (جامعة القاهرة, مديرية أمن مطروح).
    """
    spans = []
    i = 0
    while i < len(words):
        is_head, definite_head = _head(words[i])
        if not is_head:
            i += 1
            continue
        end = i + 1
        # the genitive chain: indefinite nouns of an idafa up to a definite noun (مديرية أمن الإسماعيلية)
        if not definite_head:
            while (
                end < min(len(words), i + MAX_CHAIN)
                and not _definite(words[end])
                and not known_place(words[end])
                and _plain_noun(words[end])
            ):
                end += 1
            if end >= len(words) or not (_definite(words[end]) or known_place(words[end])):
                i += 1
                continue
            end += 1
        if not definite_head and end < len(words) and _conjoined(words[end]):
            end += 1  # وزارة التربية والتعليم: a pair of complements, not القوات المسلحة والشعب
        # a genitive with لل names what an institution is for (الهيئة العليا للانتخابات);
        # after an idafa it is the purpose of an act (وزارة الداخلية للتحدث)
        end += tail_length(words[end : i + 1 + MAX_CHAIN], genitive=definite_head)
        if definite_head and not _designated(words[i], words[i + 1 : end]):
            end = i + 1
        if end > i + 1:
            first = i - 1 if i > 0 and words[i - 1] in _STATION_WORDS and "شرطه" in readings(match_key(words[i])) else i
            spans.append((first, end))
            i = end
        else:
            i += 1
    return spans


def tail_length(words: Sequence[str], *, genitive: bool = False) -> int:
    """How many of ``words`` continue a name as its tail: adjectives (الدولي,
    العليا, المسلمين) and, with ``genitive``, one genitive with لل and its own
    adjectives (للانتخابات). A second definite noun starts something else (وزارة
    الداخلية القرار).

    >>> tail_length("العليا المستقلة للانتخابات اليوم".split(), genitive=True)
    3
    >>> tail_length("القرار الرسمي".split()), tail_length("للتحدث".split())
    (0, 0)
    """
    end = 0
    while end < len(words):
        if _adjective(words[end]):
            end += 1
        elif genitive and _genitive_with_l(words[end]):
            genitive, end = False, end + 1
        else:
            break
    return end


@functools.cache
def _adjective_keys() -> frozenset[str]:
    return frozenset(match_key(word) for word in _DESIGNATIONS | _ADJECTIVES)


def continues_with_tail(short: str, long: str) -> bool:
    """Whether name ``long`` is name ``short`` followed by adjectives only (a
    :func:`tail_length` tail): جبهة الإنقاذ / جبهة الإنقاذ الوطني.

    >>> continues_with_tail("جبهة الإنقاذ", "جبهة الإنقاذ الوطني"), continues_with_tail("جبهة", "جبهة الإنقاذ")
    (True, False)
    """
    if not long.startswith(short + " "):
        return False
    tail = long[len(short) + 1 :].split()
    return tail_length(tail) == len(tail)


def _adjective(word: str) -> bool:
    """A definite adjective: a nisba (الدولي; a feminine one only when the news corpus
    has its masculine too), a designation (العليا) or a plural (المسلمين); in the
    text's spelling or as a match key (العامه)."""
    if not _definite(word):
        return False
    key = match_key(word)
    if key.endswith("يه"):  # الجنائية beside الجنائي; المسؤولية is a noun, no المسؤولي
        masculine = word_rank(key[:-1])
        return key in _adjective_keys() or (masculine is not None and masculine <= ADJECTIVE_RANK)
    return (
        key in _adjective_keys()
        or is_nisba(key)
        or (len(key) >= 7 and key.endswith("ين"))  # المسلمين, not الدين; nouns end in ون too (التعاون)
    )


def _designated(head: str, chain: Sequence[str]) -> bool:
    """Whether a head with the article and its chain make a name, not a description:
    two words or more (المجلس القومي لحقوق الإنسان), a designating adjective
    (النيابة العامة, القوات المسلحة), or an army and its nationality (الجيش المصري)."""
    if len(chain) >= 2:
        return True
    if not chain:
        return False
    if match_key(chain[0]) in _adjective_keys():
        return True
    return is_nisba(match_key(chain[0])) and any(form in _ARMED for form in readings(head))


def _plain_noun(word: str) -> bool:
    """A word that can stand inside an idafa chain: Arabic letters, no clitic-like start, no function word."""
    return word.isalpha() and not is_function_word(word) and not word.startswith(("و", "ف", "ب", "ل"))
