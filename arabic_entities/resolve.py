"""From recognized spans to mentions and entities: clitics, keys, partial names.

A span's first word may carry proclitics (و ف ب ل ك, possibly followed by the
article). They are stripped only with evidence:

- never when the whole word is a known name (واشنطن, لبنان, بكين, وليد);
- a conjunction or preposition followed by the article (والبيت, للكرملين) is a
  clitic: Arabic words rarely start that way on their own;
- otherwise the rest must be attested: a word of the same document (بوتين next to
  وبوتين) or a known name (a gazetteer entry).

Mentions with equal keys (the fully normalized, clitic-free name) form one
entity; within a document a single-word person name joins the one multi-word
person whose first or last word it is (ماسك joins إيلون ماسك).

>>> choose_split("وبوتين", attested={"بوتين"}.__contains__, known_name=lambda k: False).stem
'بوتين'
>>> choose_split("واشنطن", attested=lambda k: True, known_name={"واشنطن"}.__contains__) is None
True
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .clitics import Split, proclitic_splits
from .document import Entity, Mention
from .gazetteer import Gazetteer, load_gazetteer
from .ner.clusters import load_clusters
from .normalize import FULL, match_key, normalize_with_offsets

__all__ = ["SpanCandidate", "choose_split", "entity_id", "resolve"]


@dataclass(frozen=True, slots=True)
class SpanCandidate:
    """A recognized span in normalized text, before clitics are decided.

    ``words`` are the normalized (surface) forms of its tokens,
    ``norm_start``/``norm_end`` its offsets in the normalized text and
    ``token_start``/``token_end`` its token indices in the document.
    """

    label: str
    words: tuple[str, ...]
    norm_start: int
    norm_end: int
    sentence: int
    score: float | None
    token_start: int
    token_end: int


def choose_split(
    word: str,
    *,
    attested: Callable[[str], bool],
    known_name: Callable[[str], bool],
    word_rank: Callable[[str], int | None] = lambda key: None,
) -> Split | None:
    """The proclitic split of ``word`` to apply, or None to keep it whole.

    Evidence for a stem, strongest first: it occurs in the same document
    (``attested``); it starts with the article; it is a known name or a frequent
    word (``word_rank``: rank in a news corpus, 1 = most frequent) clearly more
    frequent than the whole word.
    """
    key = match_key(word)
    if known_name(key):
        return None
    best: tuple[int, Split] | None = None
    for split in proclitic_splits(key):
        if attested(split.stem):
            strength = 3
        elif split.stem.startswith("ال") and len(split.stem) > 4:
            strength = 2
        elif known_name(split.stem) or _clearly_more_frequent(split.stem, key, word_rank):
            strength = 1
        else:
            continue
        if best is None or strength > best[0]:
            best = (strength, split)
    return best[1] if best else None


#: A stem counts as a frequent word up to this rank.
FREQUENT_RANK = 50_000
#: ... when the whole word is at least this many times rarer (ranks ~ 1/frequency).
RARER_BY = 3


def _clearly_more_frequent(stem: str, whole: str, word_rank: Callable[[str], int | None]) -> bool:
    stem_rank = word_rank(stem)
    if stem_rank is None or stem_rank > FREQUENT_RANK:
        return False
    whole_rank = word_rank(whole)
    return whole_rank is None or whole_rank > RARER_BY * stem_rank


def entity_id(label: str, key: str) -> str:
    """Stable id of the entity with ``label`` and canonical name key ``key``.

    >>> entity_id("PERS", "بوتين")
    'pers-5e4daeb5d1f7'
    """
    digest = hashlib.blake2b(f"{label}\t{key}".encode(), digest_size=6).hexdigest()
    return f"{label.lower()}-{digest}"


@dataclass
class _Resolved:
    candidate: SpanCandidate
    norm_start: int  # after stripped clitics
    surface: str  # clitic-free normalized form (article restored after ل)
    key: str


def _strip(candidate: SpanCandidate, split: Split | None) -> _Resolved:
    text = " ".join(candidate.words)
    if split is None:
        return _Resolved(candidate, candidate.norm_start, text, match_key(text))
    # the clitics' length in the key, measured again in the word as the pipeline normalized it
    keyed = normalize_with_offsets(candidate.words[0], FULL)
    cut = keyed.starts[split.length]
    rest = text[cut:]
    written_stem = keyed.text[split.length:]
    surface = ("ا" + rest) if len(split.stem) > len(written_stem) else rest
    return _Resolved(candidate, candidate.norm_start + cut, surface, match_key(surface))


def _group(resolved: list[_Resolved]) -> dict[tuple[str, str], list[_Resolved]]:
    """Group mentions by key under one label, then fold single-word persons into
    the one longer name they start or end.

    A key recognized with different labels in one document takes the label with
    the highest total score (one sense per discourse).
    """
    by_key: dict[str, list[_Resolved]] = defaultdict(list)
    for r in resolved:
        by_key[r.key].append(r)
    groups: dict[tuple[str, str], list[_Resolved]] = {}
    for key, members in by_key.items():
        votes: Counter[str] = Counter()
        for m in members:
            votes[m.candidate.label] += 1.0 if m.candidate.score is None else m.candidate.score
        label = max(sorted(votes), key=votes.__getitem__)
        groups[(label, key)] = members
    long_names = [key for (label, key) in groups if label == "PERS" and " " in key]
    for label, key in list(groups):
        if label != "PERS" or " " in key:
            continue
        owners = [name for name in long_names if key in (name.split()[0], name.split()[-1])]
        if len(owners) == 1:
            groups[("PERS", owners[0])].extend(groups.pop((label, key)))
    return groups


def _canonical(members: list[_Resolved]) -> str:
    """The most complete form (most words), then the most frequent, then the first seen."""
    counts = Counter(m.surface for m in members)
    order = {s: i for i, s in reversed(list(enumerate(m.surface for m in members)))}
    return max(counts, key=lambda s: (len(s.split()), counts[s], -order[s]))


def resolve(
    candidates: Sequence[SpanCandidate],
    *,
    document_words: set[str],
    to_original: Callable[[int, int], tuple[int, int]],
    original_text: str,
    gazetteer: Gazetteer | None = None,
) -> tuple[list[Mention], list[Entity]]:
    """Decide clitics, build mentions with original offsets and group them into entities.

    ``document_words`` holds the match keys of every word in the document;
    ``to_original`` maps a normalized span to the original text.
    """
    gazetteer = gazetteer or load_gazetteer()
    span_keys = {match_key(" ".join(c.words)) for c in candidates}

    def attested(stem: str) -> bool:
        return stem in document_words or stem in span_keys

    ranks = load_clusters().ids

    def word_rank(key: str) -> int | None:
        entry = ranks.get(key)
        return entry[0] if entry else None

    resolved = [
        _strip(c, choose_split(c.words[0], attested=attested, known_name=gazetteer.__contains__,
                               word_rank=word_rank))
        for c in candidates
    ]
    entities: list[Entity] = []
    entity_of: dict[int, Entity] = {}
    for (label, _), members in _group(resolved).items():
        name = _canonical(members)
        aliases = tuple(sorted({m.surface for m in members} - {name}))
        entity = Entity(entity_id(label, match_key(name)), label, name, aliases, len(members))
        entities.append(entity)
        for m in members:
            entity_of[id(m)] = entity
    mentions = []
    for r in resolved:
        start, end = to_original(r.norm_start, r.candidate.norm_end)
        entity = entity_of[id(r)]
        mentions.append(Mention(original_text[start:end], start, end, entity.label,
                                r.candidate.sentence, entity.id, r.candidate.score))
    first_seen = {}
    for m in mentions:
        first_seen.setdefault(m.entity_id, m.start)
    entities.sort(key=lambda e: first_seen[e.id])
    return mentions, entities
