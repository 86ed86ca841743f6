"""Sentences and word tokens with character offsets.

Tokens follow camel-tools' ``simple_word_tokenize``: whitespace separates words,
every punctuation or symbol character is its own token and clitics stay attached
(``وبوتين`` is one token). Two departures keep news text intact: a decimal number
such as ``1.8`` or ``1,000`` stays one token, and a run of dots (``..``, ``...``) is
one token.

Sentences end after ``.`` ``!`` ``?`` ``؟`` (and any closing quotes or brackets that
follow) when whitespace or the end of the text comes next, and at every line break.
An ellipsis is a pause, not a sentence end. A sentence never holds more than
``MAX_SENTENCE_TOKENS`` tokens: text without sentence ends (a 10 MB line) is cut
into sentences of that size, so later stages work in bounded time and memory.

>>> text = "قال ماسك: 1.8 مليار..."
>>> [text[t.start:t.end] for t in tokenize(text)[1]]
['قال', 'ماسك', ':', '1.8', 'مليار', '...']
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = ["Span", "tokenize", "MAX_SENTENCE_TOKENS"]

#: Longest sentence, in tokens; longer runs are cut.
MAX_SENTENCE_TOKENS = 256

# Emoji sequences as in camel-tools' tokenizer (UTS #51), then symbols and punctuation.
_EMOJI = (
    r"(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?"
    r"(?:\u200D(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?))*)"
)
# Words are tried right after numbers and keycaps: most tokens are words, and the
# alternatives after them (an emoji lookahead at every start) cost more. A word never
# starts where those would match: they start with a symbol, punctuation, a line break
# or an emoji, and the one emoji that is a letter (ℹ, U+2139) is kept from starting one.
_TOKEN = regex.compile(
    r"""
      (?P<number>\d+(?:[.,٫٬]\d+)+)          # 1.8  1,000  3.5
    | (?P<keycap>[0-9*\#]\u20e3)             # 5⃣
    | (?P<word>(?!\u2139)(?:(?![\p{S}\p{P}])\S)+)  # anything else up to space or punctuation
    | (?P<dots>\.{2,}|…)                     # ellipsis
    | (?P<line>\n|\r\n?|\u2028|\u2029)       # line break (a sentence end, not a token)
    | (?P<punct>(?=[\p{Emoji}\p{RI}])(?:(?!\d)"""
    + _EMOJI
    + r""")|\p{S}|\p{P})
    """,
    regex.VERBOSE,
)
_SENTENCE_END = frozenset(".!?؟")
_CLOSERS = frozenset("\"'»”’)]}›")


@dataclass(frozen=True, slots=True)
class Span:
    """A token or sentence as ``[start, end)`` offsets into the tokenized string."""

    start: int
    end: int


def tokenize(text: str, *, max_sentence_tokens: int | None = MAX_SENTENCE_TOKENS) -> tuple[list[Span], list[Span]]:
    """Split ``text`` into sentence spans and token spans.

    Returns ``(sentences, tokens)``; every token lies inside exactly one sentence,
    and a sentence runs from its first token's start to its last token's end. A
    sentence is cut after ``max_sentence_tokens`` tokens (None: never).

    >>> sentences, tokens = tokenize("وصل بوتين. ثم غادر")
    >>> [("وصل بوتين. ثم غادر"[s.start:s.end]) for s in sentences]
    ['وصل بوتين.', 'ثم غادر']
    """
    tokens: list[Span] = []
    sentences: list[Span] = []
    first = 0  # index in tokens of the current sentence's first token
    pending_end = False  # a terminator was seen; the sentence closes at the next space

    def close() -> None:
        nonlocal first, pending_end
        if len(tokens) > first:
            sentences.append(Span(tokens[first].start, tokens[-1].end))
        first = len(tokens)
        pending_end = False

    previous_end = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        spaced = start > previous_end or start == 0
        previous_end = end
        if match.lastgroup == "line":
            close()
            continue
        piece = match.group()
        if pending_end:
            if spaced:
                close()
            elif piece not in _CLOSERS and piece not in _SENTENCE_END:
                pending_end = False  # an inner dot: د.ب.أ, www.site.com
        tokens.append(Span(start, end))
        if piece in _SENTENCE_END:
            pending_end = True
        elif max_sentence_tokens is not None and len(tokens) - first >= max_sentence_tokens:
            close()
    close()
    return sentences, tokens
