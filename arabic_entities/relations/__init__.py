"""Stage 5: typed relations between the entities of one sentence (see :mod:`.rules`).

Importing this package reads the trigger lexicon (``triggers.tsv``, next to
:mod:`.rules`) and normalizes its words with camel-tools, so the pipeline imports
it on first use.
"""

from .rules import LEXICON, RELATION_TYPES, ROLE_NOUNS, Trigger, TriggerWord, extract_relations, find_trigger

__all__ = ["LEXICON", "RELATION_TYPES", "ROLE_NOUNS", "Trigger", "TriggerWord", "extract_relations", "find_trigger"]
