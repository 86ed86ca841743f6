"""Entities across documents: one id per real-world entity in a collection.

Within one document :func:`~arabic_entities.entities.resolve.resolve` merges clitic forms,
spelling variants and partial names. Across documents the same person may be
إيلون ماسك in one article and only ماسك, or ترمب, in another; each article alone
cannot know. :func:`link_entities` looks at the whole collection:

- entities with the same label whose names spell the same name (see
  :mod:`~arabic_entities.entities.variants`) become one;
- an organization named by the first words of one other organization's name
  becomes that one (جبهة الإنقاذ, جبهة الإنقاذ الوطني), and a state institution
  named where no country is clear the one country's of that name that dominates
  (وزارة الداخلية, وزارة الداخلية (مصر));
- a single-word person name joins the one multi-word person of the collection
  whose first or last word it is; with two or more candidates (two Kennedys) it
  stays apart, unless one of them bears it as a surname and has
  :data:`DOMINANT_SHARE` of all their mentions (مرسي joins محمد مرسي);
- each entity then takes the collection's most complete name for a person (most
  words, then most mentions), its most mentioned name for an organization or a
  place, and the id that name already had, so full names keep their ids.

Linking runs in two phases, which :func:`link_entities` chains and which the Dask
path (:mod:`arabic_entities.distributed`) runs apart: :func:`collect_records` (what
documents say of each entity id; records of groups of documents combine with
:func:`merge_records`), :func:`compute_links` (the linked id, name and English name
of every entity id), then :func:`apply_links` on each document.

>>> import arabic_entities as ae
>>> docs = ae.link_entities([ae.extract("قال إيلون ماسك إن شركته ستطلق صاروخا."),
...                          ae.extract("وقال ماسك إن الإطلاق نجح.")])
>>> [(e.name, e.mention_count) for e in docs[1].entities if e.label == "PERS"]
[('إيلون ماسك', 1)]
>>> docs[0].entities[0].id == docs[1].entities[0].id
True
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..document import Document, Entity, Label
from ..lexicon.arabic import strip_article
from ..lexicon.gazetteer import Gazetteer, load_gazetteer
from ..text.normalize import match_key
from .institutions import INSTITUTION_HEADS, continues_with_tail
from .partition import Partition
from .resolve import is_given_name_only
from .variants import MIN_SKELETON, same_name, skeleton

__all__ = [
    "EntityRecord",
    "Link",
    "Links",
    "apply_links",
    "collect_records",
    "compute_links",
    "link_entities",
    "merge_records",
]


@dataclass
class EntityRecord:
    """What a collection says of one document-level entity id: its label, and its names
    and English names with their mention counts."""

    label: Label
    names: Counter[str] = field(default_factory=Counter)  # name -> mentions
    name_en: Counter[str] = field(default_factory=Counter)


#: The share of the mentions of all persons whose first or last word a bare name is
#: that the one bearing it as a surname needs for the bare name to join them.
DOMINANT_SHARE = 0.8

#: How many times more mentions the most named country's institution needs than
#: the next for an institution named without a country to join it.
PLURALITY = 2

#: An entity's linked id, name and English name (or None).
Link = tuple[str, str, str | None]
#: Per document-level entity id: its :data:`Link`.
Links = dict[str, Link]


def _roots(records: dict[str, EntityRecord], gazetteer: Gazetteer) -> dict[str, str]:
    """Union-find over entity ids: id -> the id of its cluster's root."""
    partition = Partition(records)
    find = partition.find

    def name_key(entity: str) -> str:
        return match_key(records[entity].names.most_common(1)[0][0])

    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entity, record in records.items():
        if record.label == "PERS" and is_given_name_only(name_key(entity), gazetteer):
            continue  # محمد alone: a different person in each document
        blocks[(record.label, skeleton(name_key(entity)))].append(entity)
    for (label, _), members in blocks.items():
        known = gazetteer.known(label)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if find(a) != find(b) and same_name(
                    name_key(a), name_key(b), known=known, spellings=gazetteer.token_english
                ):
                    partition.union(a, b)
    _join_short_forms(records, name_key, partition, gazetteer)
    _join_home_institutions(records, name_key, partition)
    owners: dict[str, set[str]] = defaultdict(set)  # skeleton of a first / last word -> person roots
    surname_owners: dict[str, set[str]] = defaultdict(set)  # skeleton of a last word -> person roots
    mentions: Counter[str] = Counter()  # root -> mentions of its cluster
    for entity, record in records.items():
        mentions[find(entity)] += sum(record.names.values())
        words = name_key(entity).split()
        if record.label == "PERS" and len(words) > 1:
            for word in {words[0], words[-1]}:
                owners[_word_form(word)].add(find(entity))
            surname_owners[_word_form(words[-1])].add(find(entity))
    for entity, record in records.items():
        if record.label == "PERS" and " " not in name_key(entity):
            word = _word_form(name_key(entity))
            candidates = owners.get(word, set())  # roots as they were before this loop
            if len(candidates) == 1:
                partition.union(next(iter(candidates)), entity)
                continue
            bearers = surname_owners.get(word, set())
            if bearers:
                top = max(sorted(candidates), key=mentions.__getitem__)
                if top in bearers and mentions[top] >= DOMINANT_SHARE * sum(mentions[r] for r in candidates):
                    partition.union(top, entity)
    return {entity: find(entity) for entity in records}


def link_entities(docs: Iterable[Document], *, gazetteer: Gazetteer | None = None) -> list[Document]:
    """The documents again, with entity ids (in mentions, entities and relations),
    names and English names made consistent across all of them. The input documents
    are not changed."""
    docs = list(docs)
    links = compute_links(collect_records(docs), gazetteer=gazetteer)
    return [apply_links(doc, links) for doc in docs]


def _word_form(word: str) -> str:
    """The form a name word is matched by across documents: its skeleton, or the word
    itself when the skeleton is too short to tell names apart (صباحي / صبحي)."""
    form = skeleton(word)
    return form if len(form) >= MIN_SKELETON else word


def _join_home_institutions(
    records: dict[str, EntityRecord], name_key: Callable[[str], str], partition: Partition
) -> None:
    """A state institution named in a document that is about no clear country (وزارة
    الداخلية) joins that institution of the country that the collection names most
    often, :data:`PLURALITY` times as often as the next (وزارة الداخلية (مصر) in
    Egyptian news)."""
    qualified: dict[str, Counter[str]] = defaultdict(Counter)  # bare name -> root -> mentions
    for entity, record in records.items():
        key = name_key(entity)
        if record.label == "ORG" and key.endswith(")") and " (" in key:
            qualified[key[: key.rindex(" (")]][partition.find(entity)] += sum(record.names.values())
    for entity, record in records.items():
        variants = qualified.get(name_key(entity)) if record.label == "ORG" else None
        if variants:
            ranked = variants.most_common(2)
            if len(ranked) == 1 or ranked[0][1] >= PLURALITY * ranked[1][1]:
                partition.union(ranked[0][0], entity)


def _join_short_forms(
    records: dict[str, EntityRecord], name_key: Callable[[str], str], partition: Partition, gazetteer: Gazetteer
) -> None:
    """An organization whose name (two words or more) begins the names of other
    organizations, followed only by adjectives (see
    :func:`~arabic_entities.entities.institutions.tail_length`), or is such a name
    without its head noun, joins the one of them that has :data:`DOMINANT_SHARE` of
    their mentions and at least half as many as it: جبهة الإنقاذ joins جبهة الإنقاذ
    الوطني, الإخوان المسلمين joins جماعة الإخوان المسلمين."""

    # nationality adjectives by skeleton, so that أمريكي and أميركي are both found
    nationalities = {skeleton(strip_article(key)) for key, labels in gazetteer.names.items() if "NORP" in labels}

    def nationality(word: str) -> bool:
        return skeleton(strip_article(word)) in nationalities

    names = {entity: name_key(entity) for entity, record in records.items() if record.label == "ORG"}
    by_start: dict[str, set[str]] = defaultdict(set)  # a name's first words -> entities whose name goes on
    for entity, key in names.items():
        words = key.split()
        for end in range(2, len(words)):
            start = " ".join(words[:end])
            # جبهة الإنقاذ + الوطني, not + اليوم; never + a nationality across documents:
            # مجلس النواب in one article is not مجلس النواب الأميركي of another
            if continues_with_tail(start, key) and not any(nationality(word) for word in words[end:]):
                by_start[start].add(entity)
        if len(words) >= 3 and words[0] in _head_keys():  # حزب + الحرية والعدالة
            by_start[" ".join(words[1:])].add(entity)
    mentions = {entity: sum(records[entity].names.values()) for entity in names}
    # longest names first, so that a name's longer forms are one entity before it joins them
    for entity, key in sorted(names.items(), key=lambda item: -len(item[1].split())):
        if len(key.split()) < 2 or key not in by_start:
            continue
        longer: Counter[str] = Counter()
        for other in by_start[key]:
            longer[partition.find(other)] += mentions[other]
        (top, top_mentions), total = longer.most_common(1)[0], sum(longer.values())
        # one longer entity, or one that dominates the others and is no rare overreach
        # of a frequent short name (الأمم المتحدة is not الأمم المتحدة الإنمائي)
        if top_mentions >= DOMINANT_SHARE * total and top_mentions >= mentions[entity] / 2:
            partition.union(top, entity)


@functools.cache
def _head_keys() -> frozenset[str]:
    return frozenset(match_key(head) for head in INSTITUTION_HEADS)


def collect_records(docs: Iterable[Document]) -> dict[str, EntityRecord]:
    """What ``docs`` say of each entity id, ids in order of first appearance."""
    records: dict[str, EntityRecord] = {}
    for doc in docs:
        for entity in doc.entities:
            record = records.setdefault(entity.id, EntityRecord(entity.label))
            record.names[entity.name] += entity.mention_count
            if entity.name_en:
                record.name_en[entity.name_en] += entity.mention_count
    return records


def merge_records(parts: Iterable[dict[str, EntityRecord]]) -> dict[str, EntityRecord]:
    """The records of consecutive groups of documents (each from :func:`collect_records`)
    as one: the same as :func:`collect_records` of all their documents, in order."""
    merged: dict[str, EntityRecord] = {}
    for records in parts:
        for entity, record in records.items():
            into = merged.setdefault(entity, EntityRecord(record.label))
            into.names.update(record.names)
            into.name_en.update(record.name_en)
    return merged


def compute_links(records: dict[str, EntityRecord], *, gazetteer: Gazetteer | None = None) -> Links:
    """The linked id, name and English name of every entity id of ``records``
    (English names checked in ``gazetteer``, the shipped name table by default)."""
    roots = _roots(records, gazetteer or load_gazetteer())
    clusters: dict[str, list[str]] = defaultdict(list)
    for entity, root in roots.items():
        clusters[root].append(entity)
    links: Links = {}
    for members in clusters.values():
        names: Counter[str] = sum((records[m].names for m in members), Counter())
        english: Counter[str] = sum((records[m].name_en for m in members), Counter())
        label = records[members[0]].label
        if label == "PERS":  # a person's fullest name; an organization's or place's usual one
            name = max(sorted(names), key=lambda n: (len(n.split()), names[n]))
        else:  # an institution's country stays in its name: وزارة الداخلية (مصر)
            name = max(sorted(names), key=lambda n: (n.endswith(")"), names[n], len(n.split())))
        # the id the fullest name already has, so linking never renames a full name
        keeper = max(sorted(members), key=lambda m: records[m].names[name])
        # the English name that says what the name says (its country, in brackets, too)
        name_en = max(sorted(english), key=lambda e: (e.endswith(")") == name.endswith(")"), english[e]), default=None)
        for m in members:
            links[m] = keeper, name, name_en
    return links


def apply_links(doc: Document, links: Links) -> Document:
    """``doc`` with the linked ids, names and English names of ``links`` (from
    :func:`compute_links`); entities that become one are merged. ``doc`` is not changed."""
    merged: dict[str, Entity] = {}
    for entity in doc.entities:
        key, name, name_en = links[entity.id]
        previous = merged.get(key)
        spellings = {entity.name, *entity.aliases}
        if previous is not None:
            spellings |= {previous.name, *previous.aliases}
        descriptions = (previous.descriptions if previous else ()) + tuple(
            d for d in entity.descriptions if not previous or d not in previous.descriptions
        )
        merged[key] = replace(
            entity,
            id=key,
            name=name,
            aliases=tuple(sorted(spellings - {name})),
            mention_count=entity.mention_count + (previous.mention_count if previous else 0),
            name_en=name_en,
            descriptions=descriptions,
        )
    mentions = [replace(m, entity_id=links[m.entity_id][0]) for m in doc.mentions]
    relations = [
        replace(
            r,
            head=links[r.head][0],
            tail=links[r.tail][0],
            head_name=merged[links[r.head][0]].name,
            tail_name=merged[links[r.tail][0]].name,
        )
        for r in doc.relations
    ]
    relations = [r for r in relations if r.head != r.tail]  # two spellings of one entity
    return replace(doc, mentions=mentions, entities=list(merged.values()), relations=relations)
