"""Stage 5: typed relations between the entities of one sentence (see :mod:`.rules`).

Importing this package builds the trigger lexicon (camel-tools' normalization of a
few thousand words), so the pipeline imports it on first use.
"""

from .rules import LEXICON, RELATION_TYPES, ROLE_NOUNS, Trigger, TriggerWord, extract_relations, find_trigger

__all__ = ["LEXICON", "RELATION_TYPES", "ROLE_NOUNS", "Trigger", "TriggerWord", "extract_relations", "find_trigger"]
