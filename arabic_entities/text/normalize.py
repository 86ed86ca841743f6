"""Arabic normalization that remembers where every character came from.

Normalization runs over grapheme clusters (a base character with its combining
marks), so every normalized character can be traced back to the cluster of the
original text it was produced from. That map is what lets every offset the
library reports point into the caller's original string.

>>> normalize("إيلـــون مَاسك")
'ايلون ماسك'
>>> normalize("إيلـــون", alef=False)
'إيلون'
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, fields
from types import SimpleNamespace

import regex

__all__ = ["NormalizeOptions", "NormalizedText", "match_key", "normalize", "normalize_with_offsets"]

_GRAPHEME = regex.compile(r"\X", regex.DOTALL)

#: Bidi controls, zero-width characters, soft hyphen, BOM, Arabic letter mark.
_INVISIBLE = dict.fromkeys(
    [
        0x00AD,
        0x061C,
        0x180E,
        0xFEFF,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x206A),
    ],
    None,
)
#: Marks beyond camel-tools' harakat: Quranic annotation signs and extra vowel marks.
_EXTRA_MARKS = dict.fromkeys(
    [
        *range(0x0610, 0x061B),
        *range(0x0656, 0x0660),
        *range(0x06D6, 0x06DD),
        *range(0x06DF, 0x06E5),
        *range(0x06E7, 0x06E9),
        *range(0x06EA, 0x06EE),
    ],
    None,
)
#: camel-tools' Arabic diacritics (``camel_tools.utils.charsets.AR_DIAC_CHARSET``, the
#: characters ``dediac_ar`` removes), written out: importing ``camel_tools.utils.dediac``
#: builds charsets over all of Unicode, 1.3 s of every process start (a test holds them equal).
HARAKAT = dict.fromkeys([*range(0x064B, 0x0653), 0x0670], None)
_TATWEEL = {0x0640: None}
#: Persian/Urdu letter forms that news sites mix into Arabic text.
_FARSI = {0x06CC: "ي", 0x06D0: "ي", 0x06A9: "ك", 0x06AA: "ك", 0x06C0: "ه", 0x06C1: "ه", 0x06D5: "ه"}
_DIGITS = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}}


@functools.cache
def _camel():
    """camel-tools' normalizers, imported on first use."""
    from camel_tools.utils import normalize
    from camel_tools.utils.charmap import CharMapper

    return SimpleNamespace(
        unicode=normalize.normalize_unicode,
        arclean=CharMapper.builtin_mapper("arclean"),
        alef=normalize.normalize_alef_ar,
        alef_maksura=normalize.normalize_alef_maksura_ar,
        teh_marbuta=normalize.normalize_teh_marbuta_ar,
    )


@dataclass(frozen=True)
class NormalizeOptions:
    """Which normalization steps run; every step can be switched off.

    Steps run in field order. ``arclean`` (camel-tools' aggressive cleaning map,
    which also turns zero-width joiners into spaces) is off by default.
    """

    invisible: bool = True  # bidi controls, zero-width characters, BOM, soft hyphen
    unicode: bool = True  # NFKC via camel-tools (presentation forms -> letters)
    arclean: bool = False  # camel-tools' arclean character map
    tatweel: bool = True  # remove kashida ـ
    diacritics: bool = True  # remove harakat (as camel-tools' dediac_ar) and Quranic marks
    farsi: bool = True  # ی ک ە ۀ -> ي ك ه
    digits: bool = True  # Arabic-Indic and Persian digits -> 0-9
    alef: bool = True  # أ إ آ ٱ -> ا
    alef_maksura: bool = True  # ى -> ي
    teh_marbuta: bool = True  # ة -> ه


#: The profile the pipeline tokenizes with: letter identity (hamza, ى, ة) is kept,
#: so names read naturally; matching keys use the full profile on top of it.
SURFACE = NormalizeOptions(alef=False, alef_maksura=False, teh_marbuta=False)
FULL = NormalizeOptions()


def _options(options: NormalizeOptions | None, overrides: dict[str, bool]) -> NormalizeOptions:
    base = options or FULL
    if not overrides:
        return base
    known = {f.name for f in fields(NormalizeOptions)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise TypeError(f"unknown normalization option(s) {unknown}; known: {sorted(known)}")
    return NormalizeOptions(**{**{f: getattr(base, f) for f in known}, **overrides})


#: Normalized grapheme clusters remembered per options profile before the memo is cleared.
CLUSTER_MEMO_SIZE = 65_536


@functools.cache
def _cluster_memo(options: NormalizeOptions) -> dict[str, str]:
    """Normalized form of each grapheme cluster seen so far under ``options``."""
    return {}


def _normalized_clusters(text: str, options: NormalizeOptions) -> Iterator[tuple[regex.Match, str]]:
    """Each grapheme cluster of ``text`` with its normalized form (possibly empty)."""
    memo = _cluster_memo(options)
    for match in _GRAPHEME.finditer(text):
        yield match, _remembered(match.group(), options, memo)


def _remembered(cluster: str, options: NormalizeOptions, memo: dict[str, str]) -> str:
    """The normalized form of ``cluster``, from ``memo`` or computed and remembered there."""
    out = memo.get(cluster)
    if out is None:
        if len(memo) >= CLUSTER_MEMO_SIZE:
            memo.clear()
        out = memo[cluster] = _normalize_cluster(cluster, options)
    return out


def _normalize_cluster(cluster: str, options: NormalizeOptions) -> str:
    camel = _camel()
    s = cluster
    if options.invisible:
        s = s.translate(_INVISIBLE)
    if options.unicode:
        s = camel.unicode(s)
    if options.arclean:
        s = camel.arclean(s)
    if options.tatweel:
        s = s.translate(_TATWEEL)
    if options.diacritics:
        s = s.translate(HARAKAT).translate(_EXTRA_MARKS)
    if options.farsi:
        s = s.translate(_FARSI)
    if options.digits:
        s = s.translate(_DIGITS)
    if options.alef:
        s = camel.alef(s)
    if options.alef_maksura:
        s = camel.alef_maksura(s)
    if options.teh_marbuta:
        s = camel.teh_marbuta(s)
    return s


@dataclass(frozen=True)
class NormalizedText:
    """A normalized string plus, for each of its characters, the original span.

    ``starts[i]:ends[i]`` is the slice of ``original`` that produced ``text[i]``.
    """

    original: str
    text: str
    starts: list[int]
    ends: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span ``[start, end)`` to a span of the original text.

        >>> nt = normalize_with_offsets("بـوتين")
        >>> nt.text, nt.to_original(0, 5)
        ('بوتين', (0, 6))
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside normalized text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


#: Blocks whose characters may be copied as they are (see :func:`_plain_runs`): Basic
#: Latin, Latin-1, Arabic, Arabic Supplement and general punctuation.
_PLAIN_BLOCKS = ((0x20, 0x7F), (0xA0, 0x100), (0x0600, 0x0700), (0x0750, 0x0780), (0x2010, 0x2060))


@functools.cache
def _plain_runs(options: NormalizeOptions) -> regex.Pattern:
    """Runs of characters that normalization leaves as they are under ``options`` and
    that are neither marks nor format characters (which join a cluster): most letters,
    digits, spaces and punctuation of news text, copied without their clusters'
    normalization. Line breaks stay out (CR LF is one cluster)."""
    plain = [
        code
        for low, high in _PLAIN_BLOCKS
        for code in range(low, high)
        if unicodedata.category(chr(code))[0] in "LNPSZ"
        and unicodedata.category(chr(code)) not in ("Zl", "Zp")
        and _normalize_cluster(chr(code), options) == chr(code)
    ]
    firsts = [code for k, code in enumerate(plain) if k == 0 or plain[k - 1] != code - 1]
    lasts = [code for k, code in enumerate(plain) if k == len(plain) - 1 or plain[k + 1] != code + 1]
    ranges = "".join(f"{regex.escape(chr(a))}-{regex.escape(chr(b))}" for a, b in zip(firsts, lasts, strict=True))
    return regex.compile(f"[{ranges}]+")


def normalize_with_offsets(text: str, options: NormalizeOptions | None = None, **overrides: bool) -> NormalizedText:
    """Normalize ``text`` and keep the map back to original character offsets.

    Runs of characters that normalization leaves alone are copied as they are; every
    other grapheme cluster is normalized (the same result as clusters throughout).

    >>> nt = normalize_with_offsets("\\u200fماسك")
    >>> nt.text, nt.to_original(0, 4)
    ('ماسك', (1, 5))
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    opts = _options(options, overrides)
    plain = _plain_runs(opts)
    memo = _cluster_memo(opts)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position, length = 0, len(text)
    while position < length:
        run = plain.match(text, position)
        if run is not None:
            end = run.end()
            if end < length and _GRAPHEME.match(text, end - 1).end() != end:
                end -= 1  # the run's last character starts a cluster with the marks after it
            if end > position:
                pieces.append(text[position:end])
                starts.extend(range(position, end))
                ends.extend(range(position + 1, end + 1))
                position = end
                continue
        match = _GRAPHEME.match(text, position)
        out = _remembered(match.group(), opts, memo)
        start, end = match.span()
        if out:
            pieces.append(out)
            starts.extend([start] * len(out))
            ends.extend([end] * len(out))
        position = end
    return NormalizedText(text, "".join(pieces), starts, ends)


def normalize(text: str, options: NormalizeOptions | None = None, **overrides: bool) -> str:
    """Normalize Arabic ``text``; every step is on unless switched off by keyword.

    >>> normalize("الولایات المتحدة")
    'الولايات المتحده'
    >>> normalize("الولایات المتحدة", teh_marbuta=False)
    'الولايات المتحدة'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return "".join(out for _, out in _normalized_clusters(text, _options(options, overrides)))


@functools.lru_cache(maxsize=100_000)
def match_key(text: str) -> str:
    """The form words and names are compared by: fully normalized, lower-cased,
    whitespace collapsed to single spaces.

    >>> match_key("إيلـون  ماسك") == match_key("ايلون ماسك")
    True
    """
    return " ".join(normalize(text, FULL).lower().split())
