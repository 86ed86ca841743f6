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

from ..lexicon.arabic import MAX_TITLE_WORDS, TITLE_WORDS, is_function_word, is_nisba, is_title_word

__all__ = ["trim_words", "split_coordination", "split_listed_names", "description_before"]


def trim_words(words: Sequence[str], label: str) -> tuple[int, int] | None:
    """The ``(first, last)`` word range of the name inside a recognized span, or None
    when nothing of a name is left.

    Function words are trimmed at both ends; for persons also leading titles and the
    nationality adjectives that follow them.
    """
    first, last = 0, len(words)
    while first < last and is_function_word(words[first]):
        first += 1
    while last > first and is_function_word(words[last - 1]):
        last -= 1
    if label == "PERS":
        start = first
        while first < last - 1 and (is_title_word(words[first]) or (first > start and is_nisba(words[first]))):
            first += 1
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
