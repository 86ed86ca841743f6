"""Stage 5: typed relations between the entities of one sentence: trigger rules
(:mod:`.rules`), then a learned model for the pairs they leave unrelated (:mod:`.pairs`).

Importing this package reads the trigger lexicon (``triggers.tsv``, next to
:mod:`.rules`) and normalizes its words with camel-tools, so the pipeline imports
it on first use.
"""

from .pairs import load_pair_model, pair_relations
from .rules import LEXICON, RELATION_TYPES, ROLE_NOUNS, Trigger, TriggerWord, extract_relations, find_trigger

__all__ = [
    "LEXICON",
    "RELATION_TYPES",
    "ROLE_NOUNS",
    "Trigger",
    "TriggerWord",
    "extract_relations",
    "find_trigger",
    "load_pair_model",
    "pair_relations",
]
