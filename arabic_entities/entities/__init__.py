"""Stage 4: from recognized spans to entities.

Mention boundaries (:mod:`.boundaries`), document-level propagation
(:mod:`.propagate`), clitic decisions, keys and grouping (:mod:`.resolve`),
spelling variants (:mod:`.variants`), cross-document linking (:mod:`.link`) and
optional morphological evidence from camel-tools (:mod:`.morphology`).
"""

from .link import link_entities

__all__ = ["link_entities"]
