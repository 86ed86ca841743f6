"""A learned second opinion on pairs of entities that the trigger rules leave unrelated.

The rules of :mod:`.rules` are precise but read few of the ways news states a relation. This
stage looks at every other pair of entities named in one sentence, describes it by the words
around and between its two closest mentions (trigger words and their type, role nouns, the
prepositions that govern each name, the distance, the punctuation between, the labels, and
what the rules said), and scores it with a multinomial logistic regression trained on real
news sentences annotated with relations (``python -m arabic_entities.relations.train_pairs``).
A relation is added when its class is at least :data:`PairModel.threshold` likely.

The model is a JSON file (feature names, one weight row per feature, class biases): loading
it runs no code.

>>> model = load_pair_model()
>>> model.classes[0], 0 < model.threshold < 1
('none', True)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from pathlib import Path

import numpy as np

from ..document import Document, Mention, Relation, RelationType
from ..lexicon.arabic import strip_conjunction
from ..text.normalize import match_key
from .rules import find_trigger, role_noun

__all__ = ["CLASSES", "MODEL_FILE", "PairModel", "pair_classes", "pair_features", "pair_relations", "load_pair_model"]

#: The classes of a pair, in text order: ``>`` the first entity acts on the second, ``<``
#: the second on the first (contact has no direction; affiliation and located_in have
#: theirs by convention).
CLASSES = (
    "none",
    "contact",
    "support>",
    "support<",
    "conflict>",
    "conflict<",
    "affiliation",
    "located_in",
)
#: The shipped model, next to this module.
MODEL_FILE = "models/pairs.json"
_PARTIES = frozenset({"PERS", "ORG", "LOC"})
_PUNCTUATION = frozenset('، , ؛ ; : . ! ? ؟ ( ) « » " -'.split())
#: Words read on each side of a pair.
CONTEXT = 3
#: Most words between two mentions whose words are features one by one.
MAX_BETWEEN = 12


def _bucket(gap: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12):
        if gap <= limit:
            return str(limit)
    return "far"


@functools.lru_cache(maxsize=30_000)
def _word(key: str) -> tuple[str, str | None, str]:
    """``(key without و/ف, trigger type/kind or None, role noun or "")`` of a word key."""
    found = find_trigger(key)
    trigger = f"{found.trigger.type}/{found.trigger.kind}" if found is not None else None
    return strip_conjunction(key), trigger, role_noun(key)


def pair_features(
    keys: Sequence[str],
    first: Mention,
    second: Mention,
    *,
    start: int,
    end: int,
    rule: str,
    names_between: int = 0,
) -> list[str]:
    """The features of a pair whose closest mentions are ``first`` and ``second`` (in text
    order) in a sentence of tokens ``start:end``; ``keys`` are the document's token match
    keys, ``rule`` what the rules said of the pair (``"none"``, or a class of
    :data:`CLASSES`) and ``names_between`` how many other names stand between the two."""
    labels = f"{first.label}>{second.label}"
    gap = second.token_start - first.token_end
    features = [
        f"labels={labels}",
        f"gap={_bucket(gap)}",
        f"gap={_bucket(gap)}|labels={labels}",
        f"rule={rule}",
        f"rule={rule}|labels={labels}",
        f"names_between={min(names_between, 3)}",
        f"first_at={_bucket(first.token_start - start)}",
    ]
    between = range(first.token_end, second.token_start)
    if gap and first.token_end < end:
        features.append(f"first:next={_word(keys[first.token_end])[0]}")
    if gap <= MAX_BETWEEN:
        for i in between:
            word, trigger, role = _word(keys[i])
            features.append(f"w={word}")
            if trigger:
                features += [
                    f"trigger={trigger}",
                    f"trigger={trigger}|labels={labels}",
                    f"trigger={trigger}|gap={_bucket(gap)}",
                ]
            if role:
                features += [f"role={role}", f"role={role}|labels={labels}"]
            if keys[i] in _PUNCTUATION:
                features.append(f"punct={keys[i]}")
    else:
        features.append("far")
    for side, positions in (
        ("before", range(max(start, first.token_start - CONTEXT), first.token_start)),
        ("after", range(second.token_end, min(end, second.token_end + CONTEXT))),
    ):
        for i in positions:
            word, trigger, role = _word(keys[i])
            features.append(f"{side}:w={word}")
            if trigger:
                features += [f"{side}:trigger={trigger}", f"{side}:trigger={trigger}|labels={labels}"]
            if role:
                features.append(f"{side}:role={role}")
    for name, mention in (("first", first), ("second", second)):
        if mention.token_start > start:
            features.append(f"{name}:prev={_word(keys[mention.token_start - 1])[0]}")
        clitic = keys[mention.token_start][: len(keys[mention.token_start]) - len(match_key(mention.text))]
        if clitic:
            features.append(f"{name}:clitic={clitic}")
    return features


@dataclass(frozen=True)
class PairModel:
    """A multinomial logistic regression over pair features (see the module documentation)."""

    classes: tuple[str, ...]
    weights: dict[str, list[float]]
    bias: list[float]
    threshold: float

    @functools.cached_property
    def _matrix(self) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        """Feature rows, the weight matrix and the biases as numpy arrays, made on first use."""
        rows = {feature: row for row, feature in enumerate(self.weights)}
        matrix = np.array(list(self.weights.values()), dtype=np.float64).reshape(len(rows), len(self.classes))
        return rows, matrix, np.array(self.bias, dtype=np.float64)

    def probabilities(self, features: Sequence[str]) -> list[float]:
        """The probability of each class (softmax of the biases plus the rows of ``features``)."""
        rows, matrix, bias = self._matrix
        scores = bias + matrix[[rows[f] for f in features if f in rows]].sum(0)
        exps = np.exp(scores - scores.max())
        return (exps / exps.sum()).tolist()

    def to_json(self) -> str:
        data = {"classes": list(self.classes), "threshold": self.threshold, "bias": self.bias, "weights": self.weights}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def read_pair_model(path: str | Path) -> PairModel:
    """The model of a JSON file written by :meth:`PairModel.to_json`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return PairModel(tuple(data["classes"]), data["weights"], data["bias"], data["threshold"])


@functools.cache
def load_pair_model() -> PairModel:
    """The shipped model (:data:`MODEL_FILE`), read once."""
    with resources.as_file(resources.files(__package__).joinpath(MODEL_FILE)) as path:
        return read_pair_model(path)


def _closest(a: list[Mention], b: list[Mention]) -> tuple[Mention, Mention]:
    """The mentions of two entities that lie closest together, in text order."""
    x, y = min(
        ((m, n) for m in a for n in b),
        key=lambda pair: max(pair[0].token_start, pair[1].token_start) - min(pair[0].token_end, pair[1].token_end),
    )
    return (x, y) if x.token_start < y.token_start else (y, x)


def _rule_class(relation: Relation | None, first: str) -> str:
    """A rule's relation as a class of :data:`CLASSES`, in text order (``first`` is the
    entity named first)."""
    if relation is None:
        return "none"
    if relation.type in ("support", "conflict"):
        return relation.type + (">" if relation.head == first or not relation.directed else "<")
    return relation.type


def pair_classes(
    doc: Document, ruled: Sequence[Relation] = (), *, unrelated_within: int | None = None
) -> Iterator[tuple[Mention, Mention, list[str]]]:
    """``(first mention, second mention, features)`` of every pair of different entities
    named in one sentence of ``doc``, by their closest mentions in text order; ``ruled``
    are the relations the rules found, a feature of their pairs. With ``unrelated_within``,
    only the pairs the rules left unrelated whose mentions are at most that many words apart."""
    keys = [match_key(t.norm) for t in doc.tokens]
    by_rule = {(r.sentence, frozenset((r.head, r.tail))): r for r in ruled}
    mentions: dict[int, dict[str, list[Mention]]] = {}
    for m in doc.mentions:
        if m.label in _PARTIES:
            mentions.setdefault(m.sentence, {}).setdefault(m.entity_id, []).append(m)
    for index, entities in sorted(mentions.items()):
        sentence = doc.sentences[index]
        starts = sorted(m.token_start for found in entities.values() for m in found)
        for a, b in combinations(sorted(entities), 2):
            first, second = _closest(entities[a], entities[b])
            ruling = by_rule.get((index, frozenset((a, b))))
            if unrelated_within is not None and (
                ruling is not None or second.token_start - first.token_end > unrelated_within
            ):
                continue
            rule = _rule_class(ruling, first.entity_id)
            between = sum(first.token_end <= position < second.token_start for position in starts)
            features = pair_features(
                keys,
                first,
                second,
                start=sentence.token_start,
                end=sentence.token_end,
                rule=rule,
                names_between=between,
            )
            yield first, second, features


def pair_relations(doc: Document, ruled: Sequence[Relation], *, model: PairModel | None = None) -> list[Relation]:
    """The relations the model adds to ``ruled`` (the rules' relations of ``doc``): one for
    each unrelated pair at most :data:`MAX_BETWEEN` words apart whose most likely class is a
    relation at least ``model.threshold`` likely (farther pairs are seldom related and the
    model has only their surroundings to go on). The trigger is the word between the two
    mentions that reads as a trigger, if any."""
    model = model or load_pair_model()
    names = {e.id: e.name for e in doc.entities}
    labels = {e.id: e.label for e in doc.entities}
    added = []
    for first_mention, second_mention, features in pair_classes(doc, ruled, unrelated_within=MAX_BETWEEN):
        index, first, second = first_mention.sentence, first_mention.entity_id, second_mention.entity_id
        probabilities = model.probabilities(features)
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        kind = model.classes[best]
        if kind == "none" or probabilities[best] < model.threshold:
            continue
        head, tail, directed = _oriented(kind, first, second, labels)
        if head is None:
            continue
        relation_type: RelationType = kind.rstrip("<>")  # type: ignore[assignment]
        between = doc.tokens[first_mention.token_end : second_mention.token_start]
        trigger = next((t.text for t in between if find_trigger(match_key(t.norm))), "")
        added.append(
            Relation(
                head,
                tail,
                relation_type,
                directed,
                index,
                doc.sentences[index].text,
                trigger,
                head_name=names.get(head, ""),
                tail_name=names.get(tail, ""),
            )
        )
    return added


def _oriented(kind: str, first: str, second: str, labels: Mapping[str, str]) -> tuple[str | None, str, bool]:
    """``(head, tail, directed)`` of a pair's class, or a None head when its labels do not fit."""
    if kind == "contact":
        return first, second, False
    if kind.endswith(">"):
        return first, second, True
    if kind.endswith("<"):
        return second, first, True
    if kind == "affiliation":  # person -> organization
        person = [e for e in (first, second) if labels.get(e) == "PERS"]
        org = [e for e in (first, second) if labels.get(e) == "ORG"]
        return (person[0], org[0], True) if person and org else (None, "", False)
    place = [e for e in (first, second) if labels.get(e) == "LOC"]
    other = [e for e in (first, second) if labels.get(e) in ("PERS", "ORG")]
    return (other[0], place[0], True) if place and other else (None, "", False)
