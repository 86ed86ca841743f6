"""The span a recognizer found, as it passes from the pipeline to the entity stage.

>>> SpanCandidate(label="PERS", words=("بوتين",), norm_start=4, norm_end=9, sentence=0, score=0.9,
...               token_start=1, token_end=2).words
('بوتين',)
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Label

__all__ = ["SpanCandidate"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SpanCandidate:
    """A recognized span in normalized text, before clitics are decided.

    ``words`` are the normalized (surface) forms of its tokens,
    ``norm_start``/``norm_end`` its offsets in the normalized text and
    ``token_start``/``token_end`` its token indices in the document.
    """

    label: Label
    words: tuple[str, ...]
    norm_start: int
    norm_end: int
    sentence: int
    score: float | None
    token_start: int
    token_end: int
    #: Title words right before a person's name (الرئيس الروسي).
    description: str | None = None
    #: For a short form introduced in parentheses, the words of the long form it stands for.
    long_form: tuple[str, ...] | None = None
