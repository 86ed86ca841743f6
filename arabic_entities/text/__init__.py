"""Stage 1: normalization (with a map back to the original characters), sentences and tokens.

>>> from arabic_entities.text import match_key, normalize
>>> normalize("إيلــون")
'ايلون'
"""

from .normalize import FULL, SURFACE, NormalizedText, NormalizeOptions, match_key, normalize, normalize_with_offsets
from .tokenize import tokenize

__all__ = [
    "FULL",
    "SURFACE",
    "NormalizeOptions",
    "NormalizedText",
    "match_key",
    "normalize",
    "normalize_with_offsets",
    "tokenize",
]
