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

import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import regex

from ..document import LABELS, Entity, Label, Mention
from ..lexicon.arabic import Split, is_nisba, proclitic_splits, strip_article
from ..lexicon.clusters import word_rank
from ..lexicon.gazetteer import Gazetteer, load_gazetteer
from ..lexicon.lookup import is_common_noun
from ..lexicon.prominent import prominent_patterns, prominent_surnames
from ..spans import SpanCandidate
from ..text.normalize import FULL, match_key, normalize_with_offsets
from .institutions import continues_with_tail, institution_spans
from .morphology import Morphology
from .partition import Partition
from .variants import compact, could_be_same, same_name, skeleton

__all__ = ["link_acronyms", "choose_split", "entity_id", "is_given_name_only", "resolve"]


#: Longest short form (in words) taken from parentheses after a name.
MAX_SHORT_FORM = 2
_ARABIC_WORD = regex.compile(r"^[\p{Arabic}\p{Mn}]+$")
#: What follows the parentheses of a dateline: (رويترز) -
_DASHES = frozenset({"-", "--", "–", "—", "_"})


def link_acronyms(
    words: Sequence[str],
    candidates: Sequence[SpanCandidate],
    *,
    norm_starts: Sequence[int],
    norm_ends: Sequence[int],
) -> list[SpanCandidate]:
    """Mark short forms introduced in parentheses: وكالة الفضاء الأميركية (ناسا).

    When a multi-word span is followed by ``(`` one or two Arabic words ``)``, those
    words become a mention of the same entity (a candidate with ``long_form`` set),
    whether or not the recognizer found them. Not a short form: numbers, Latin
    script (a dateline's ``(CNN)``), an adjective (``حزب النور (السلفي)``), a common
    noun (``مدينة نصر (المنصة)``, :func:`~arabic_entities.lexicon.lookup.is_common_noun`),
    and a news agency in a dateline (``الأمم المتحدة (رويترز) -``).
    """
    index_of = {c.token_start: i for i, c in enumerate(candidates)}
    covered = {i for c in candidates for i in range(c.token_start, c.token_end)}
    result = list(candidates)
    for c in candidates:
        opening = c.token_end
        if len(c.words) < 2 or opening >= len(words) or words[opening] != "(":
            continue
        for size in range(1, MAX_SHORT_FORM + 1):
            closing = opening + 1 + size
            if closing < len(words) and words[closing] == ")":
                break
        else:
            continue
        first, last = opening + 1, closing
        if (
            not all(_ARABIC_WORD.match(word) for word in words[first:last])
            or is_nisba(match_key(words[first]))
            or (last == first + 1 and is_common_noun(match_key(words[first])))
        ):
            continue  # (CNN), (193), (السلفي), (المنصة): no short forms
        if closing + 1 < len(words) and words[closing + 1] in _DASHES:
            continue  # القاهرة، مصر (رويترز) -- : a dateline names its news agency
        index = index_of.get(first)
        if index is not None and candidates[index].token_end == last:
            result[index] = replace(candidates[index], label=c.label, long_form=c.words)
        elif covered.isdisjoint(range(first, last)):
            result.append(
                SpanCandidate(
                    label=c.label,
                    words=tuple(words[first:last]),
                    norm_start=norm_starts[first],
                    norm_end=norm_ends[last - 1],
                    sentence=c.sentence,
                    score=c.score,
                    token_start=first,
                    token_end=last,
                    long_form=c.words,
                )
            )
    return sorted(result, key=lambda c: c.token_start)


def choose_split(
    word: str,
    *,
    attested: Callable[[str], bool],
    known_name: Callable[[str], bool],
    word_rank: Callable[[str], int | None] = lambda key: None,
    morphology: Morphology | None = None,
) -> Split | None:
    """The proclitic split of ``word`` to apply, or None to keep it whole.

    Evidence for a stem, strongest first: it occurs in the same document
    (``attested``); it starts with the article, or the morphological analyzer
    finds these proclitics on a name (``morphology``, optional); it is a known
    name (after و ف ب ل, not ك, and less frequent than the stem: بايرن is no
    ب + ايرن) or a frequent word (``word_rank``: rank in a news corpus, 1 = most
    frequent) clearly more frequent than the whole word. A word that is itself a
    known name, or that the analyzer reads as a name without clitics, stays whole.
    """
    key = match_key(word)
    if known_name(key) or (morphology is not None and morphology.is_plain_name(word)):
        return None
    best: tuple[int, Split] | None = None
    for split in proclitic_splits(key):
        if attested(split.stem):
            strength = 3
        elif (split.stem.startswith("ال") and len(split.stem) > 4) or (
            morphology is not None and morphology.supports(word, split)
        ):
            strength = 2
        elif (
            known_name(split.stem) and not split.prefix.endswith("ك") and not _as_frequent(key, split.stem, word_rank)
        ) or _clearly_more_frequent(split.stem, key, word_rank):
            strength = 1
        else:
            continue
        if best is None or strength > best[0]:
            best = (strength, split)
    return best[1] if best else None


def _multiword_split(
    words: Sequence[str], *, written: Callable[[str], bool], stem: Callable[[str], bool]
) -> Split | None:
    """The split of a multi-word span's first word that leaves a known full name
    (بإيلون ماسك → إيلون ماسك: ``stem``) when the span as written is not a known
    name (``written``)."""
    if len(words) < 2:
        return None
    keys = [match_key(word) for word in words]
    rest = " ".join(keys[1:])
    if written(f"{keys[0]} {rest}"):
        return None
    for split in proclitic_splits(keys[0]):
        if stem(f"{split.stem} {rest}"):
            return split
    return None


#: A stem counts as a frequent word up to this rank.
FREQUENT_RANK = 50_000
#: ... when the whole word is at least this many times rarer (ranks ~ 1/frequency).
RARER_BY = 3


def _as_frequent(whole: str, stem: str, word_rank: Callable[[str], int | None]) -> bool:
    """Whether the whole word is a corpus word at least as frequent as its stem."""
    whole_rank, stem_rank = word_rank(whole), word_rank(stem)
    return whole_rank is not None and (stem_rank is None or whole_rank <= stem_rank)


def _clearly_more_frequent(stem: str, whole: str, word_rank: Callable[[str], int | None]) -> bool:
    stem_rank = word_rank(stem)
    if stem_rank is None or stem_rank > FREQUENT_RANK:
        return False
    whole_rank = word_rank(whole)
    return whole_rank is None or whole_rank > RARER_BY * stem_rank


def is_given_name_only(key: str, gazetteer: Gazetteer) -> bool:
    """Whether a person's name key is a common given name and nothing more: محمد, or
    a name of God's servant (عبد الله, عبد الرحمن), which names nobody in particular.

    >>> is_given_name_only("عبد الله", load_gazetteer()), is_given_name_only("عبد الله النفيسي", load_gazetteer())
    (True, False)
    """
    words = key.split()
    return key in gazetteer.common_given_names or (len(words) == 2 and words[0] == "عبد")


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
    written_stem = keyed.text[split.length :]
    surface = ("ا" + rest) if len(split.stem) > len(written_stem) else rest
    return _Resolved(candidate, candidate.norm_start + cut, surface, match_key(surface))


def _vote(members: list[_Resolved]) -> Label:
    """The label with the highest total score among ``members`` (ties: alphabetical)."""
    votes: defaultdict[Label, float] = defaultdict(float)
    for m in members:
        votes[m.candidate.label] += 1.0 if m.candidate.score is None else m.candidate.score
    return max(sorted(votes), key=votes.__getitem__)


def _group(
    resolved: list[_Resolved], *, same_name: Callable[[Label, str, str], bool]
) -> list[tuple[Label, list[_Resolved]]]:
    """Group mentions into entities: ``(label, members)`` in order of first mention.

    - Mentions with equal keys, and keys that spell the same name
      (``same_name(label, a, b)``), go together under their score-weighted majority
      label (one sense per discourse).
    - A short form joins the long form it was introduced with, and an organization
      named by the first words (two or more) of one other organization's name, named
      before it, joins it (جبهة الإنقاذ الوطني … جبهة الإنقاذ).
    - A single-word person name joins the one multi-word person whose first or
      last word it is (or spells the same way); with two candidates it stays apart.
    """
    by_key: dict[str, list[_Resolved]] = defaultdict(list)
    for r in resolved:
        by_key[r.key].append(r)
    label_of = {key: _vote(members) for key, members in by_key.items()}
    partition = Partition(by_key)
    find, union = partition.find, partition.union
    keys = list(by_key)
    skeletons = {key: skeleton(key) for key in keys}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if (
                label_of[a] == label_of[b]
                and could_be_same(skeletons[a], skeletons[b])
                and find(a) != find(b)
                and same_name(label_of[a], a, b)
            ):
                union(a, b)
    first_seen = {key: min(r.candidate.token_start for r in members) for key, members in by_key.items()}
    for a in keys:  # جبهة الإنقاذ joins the one longer organization it begins, named before it
        if label_of[a] == "ORG" and " " in a:
            longer = {
                find(b)
                for b in keys
                if label_of[b] == "ORG" and first_seen[b] < first_seen[a] and continues_with_tail(a, b)
            }
            if len(longer) == 1:
                union(longer.pop(), a)
    by_end = {r.candidate.token_end: r for r in resolved}
    for r in resolved:
        long_form = by_end.get(r.candidate.token_start - 1) if r.candidate.long_form else None
        if long_form is not None:
            union(long_form.key, r.key)
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        clusters[find(key)].append(key)
    groups = {root: [m for key in members for m in by_key[key]] for root, members in clusters.items()}
    labels = {root: _vote(members) for root, members in groups.items()}
    long_names = [
        root for root, members in groups.items() if labels[root] == "PERS" and any(" " in m.key for m in members)
    ]
    for root, members in list(groups.items()):
        if labels[root] != "PERS" or any(" " in m.key for m in members):
            continue
        words = {m.key for m in members}
        owners = [
            name
            for name in long_names
            if any(
                same_name("PERS", word, edge)
                for word in words
                for m in groups[name]
                if " " in m.key
                for edge in (m.key.split()[0], m.key.split()[-1])
            )
        ]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(root))
    ordered = sorted(groups.values(), key=lambda members: min(m.candidate.token_start for m in members))
    return [(_vote(members), members) for members in ordered]


def _canonical(members: list[_Resolved], label: Label) -> str:
    """A person's most complete form (most words), then the most frequent, then the
    first seen; an organization's or a place's form that introduced a short form in
    parentheses, else its most frequent form, then the most complete (جبهة الإنقاذ
    may be its usual name, and a longer form a recognizer's overreach); that form
    with the adjectives the text also gave it (مجلس النواب الأميركي)."""
    counts = Counter(m.surface for m in members)
    order = {s: i for i, s in reversed(list(enumerate(m.surface for m in members)))}
    if label == "PERS":
        return max(counts, key=lambda s: (len(s.split()), counts[s], -order[s]))
    long_forms = {m.candidate.long_form for m in members if m.candidate.long_form}
    introduced = {m.surface for m in members if m.candidate.words in long_forms}  # وكالة الفضاء الأميركية (ناسا)
    usual = max(counts, key=lambda s: (s in introduced, counts[s], len(s.split()), -order[s]))
    # its full form, when the text also gave it: مجلس النواب الأميركي for مجلس النواب
    fuller = [s for s in counts if continues_with_tail(usual, s)]
    return max(fuller, key=lambda s: (len(s.split()), counts[s], -order[s])) if fuller else usual


def _by_completeness(members: list[_Resolved]) -> list[str]:
    """The members' keys, most words first, then most frequent, then alphabetical."""
    counts = Counter(m.key for m in members)
    return sorted(counts, key=lambda k: (-len(k.split()), -counts[k], k))


def _english(label: Label, members: list[_Resolved], gazetteer: Gazetteer) -> str | None:
    """The English name of an entity: a bare surname's from the one prominent person
    who bears it (ماسك → Elon Musk), else from its most complete spelling that the
    name table knows (for a place, also with a final ة written ا: سورية, سوريا). A
    person named in full takes it from a full form only: a first name alone (محمد
    of محمد الجندي) would name someone else; so does an organization's name that
    begins a longer one of the same entity (وزارة الداخلية of وزارة الداخلية اليمنية)."""
    keys = _by_completeness(members)
    if label == "PERS" and all(" " not in key for key in keys):
        surnames = prominent_surnames()
        found = {surnames[key] for key in keys if key in surnames}
        if len(found) == 1:
            return found.pop()
    if label == "PERS":
        keys = [key for key in keys if " " in key] or keys
    else:  # وزارة الداخلية names a ministry in general, not وزارة الداخلية اليمنية
        keys = [key for key in keys if not any(other.startswith(key + " ") for other in keys)]
    for key in keys:
        english = gazetteer.english(key, label) or gazetteer.english(compact(key), label)
        if english:
            return english
    if label == "LOC":  # سورية is سوريا: a final ة for ا
        for key in keys:
            if key.endswith("ه") and (english := gazetteer.english(key[:-1] + "ا", label)):
                return english
        for key in keys:  # الإمارات: the first word of one country's name, unless a common noun
            if key in gazetteer.country_short_forms and not is_common_noun(key):
                return gazetteer.country_short_forms[key]
    return None


#: A document's country: the country it names at least this many times ...
HOME_MENTIONS = 2
#: ... and with at least this share of its mentions of countries.
HOME_SHARE = 0.5
#: Heads of the institutions that every country has (a ministry, a parliament, a court).
STATE_HEADS = frozenset("وزارة مجلس محكمة نيابة قوات جيش شرطة مؤسسة مديرية ديوان حرس".split())
#: Adjectives that make an institution international, not a country's (مجلس الأمن الدولي).
_INTERNATIONAL = frozenset("الدولي الدولية العالمي العالمية الأممي الأممية الإقليمي الإقليمية".split())


def _home_country(
    typed: Sequence[tuple[Label, str | None, list[_Resolved]]], gazetteer: Gazetteer
) -> tuple[str, str] | None:
    """The country a document is about (its Arabic and English names): the one it names
    :data:`HOME_MENTIONS` times or more, with :data:`HOME_SHARE` of its mentions of
    countries; None when no country is that clear."""
    counts: Counter[tuple[str, str]] = Counter()
    for label, english, members in typed:
        if label == "LOC" and english in gazetteer.countries:
            counts[_canonical(members, label), english] += len(members)
    if not counts:
        return None
    home, mentions = counts.most_common(1)[0]
    return home if mentions >= HOME_MENTIONS and mentions >= HOME_SHARE * sum(counts.values()) else None


def _generic_institution(name: str, gazetteer: Gazetteer) -> bool:
    """Whether an organization's name is a state institution that every country has
    (وزارة الداخلية, مجلس النواب): a :data:`STATE_HEADS` institution by its structure
    (:func:`~arabic_entities.entities.institutions.institution_spans`) that names no
    place, no nationality and nothing international."""
    words = name.split()
    if institution_spans(words) != [(0, len(words))] or strip_article(match_key(words[0])) not in _state_head_keys():
        return False
    keys = [match_key(word) for word in words]
    return not any(
        word in _INTERNATIONAL or {"LOC", "NORP"} & (gazetteer.labels(key) | gazetteer.labels(strip_article(key)))
        for word, key in zip(words, keys)
    )


@functools.cache
def _state_head_keys() -> frozenset[str]:
    return frozenset(match_key(head) for head in STATE_HEADS)


def resolve(
    candidates: Sequence[SpanCandidate],
    *,
    document_words: set[str],
    to_original: Callable[[int, int], tuple[int, int]],
    original_text: str,
    gazetteer: Gazetteer | None = None,
    morphology: Morphology | None = None,
    known_names: Mapping[tuple[str, ...], Label] | None = None,
) -> tuple[list[Mention], list[Entity]]:
    """Decide clitics, build mentions with original offsets and group them into entities.

    ``document_words`` holds the match keys of every word in the document;
    ``to_original`` maps a normalized span to the original text. ``known_names``
    (word keys → label; by default the prominent names of the curated table) are
    names whose listed type wins and which a clitic may be cut from. A person named
    only by a common given name (:func:`is_given_name_only`) gets an id of this
    document's own: محمد in two articles is two people. A state institution that every
    country has (وزارة الداخلية) is the one of the country the document is about, when
    one is clear, which its name and English name say in brackets: وزارة الداخلية (تونس).
    """
    gazetteer = gazetteer or load_gazetteer()
    listed = prominent_patterns() if known_names is None else known_names
    document = hashlib.blake2b(original_text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
    span_keys = {match_key(" ".join(c.words)) for c in candidates}

    def attested(stem: str) -> bool:
        return stem in document_words or stem in span_keys

    def listed_name(key: str) -> bool:
        return key in gazetteer or tuple(key.split()) in listed

    def stem_name(key: str) -> bool:
        return listed_name(key) or key in span_keys

    def split_of(c: SpanCandidate) -> Split | None:
        if len(c.words) > 1 and listed_name(match_key(" ".join(c.words))):
            return None  # فيدل كاسترو as written is a known name: no ف to cut
        return _multiword_split(c.words, written=listed_name, stem=stem_name) or choose_split(
            c.words[0],
            attested=attested,
            known_name=gazetteer.__contains__,
            word_rank=word_rank,
            morphology=morphology,
        )

    resolved = [_strip(c, split_of(c)) for c in candidates]

    known = {label: gazetteer.known(label) for label in LABELS}
    groups = _group(
        resolved,
        same_name=lambda label, a, b: same_name(a, b, known=known[label], spellings=gazetteer.token_english),
    )
    typed: list[tuple[Label, str | None, list[_Resolved]]] = []
    for label, members in groups:
        # a name of the curated table keeps its listed type (البيت الأبيض is an ORG, not MISC)
        listed_labels = [listed[words] for k in _by_completeness(members) if (words := tuple(k.split())) in listed]
        label = listed_labels[0] if listed_labels else label
        typed.append((label, _english(label, members, gazetteer), members))
    home = _home_country(typed, gazetteer)
    identified: dict[str, tuple[Label, str, str | None, list[_Resolved]]] = {}
    for label, english, members in typed:
        name = _canonical(members, label)
        identity = f"en:{english}" if english else match_key(name)
        if label == "PERS" and is_given_name_only(identity, gazetteer):
            identity += "@" + document  # محمد alone is someone of this document, not one person everywhere
        if label == "ORG" and home is not None and _generic_institution(name, gazetteer):
            # وزارة الداخلية of a Tunisian article is Tunisia's: (تونس) says which one
            identity += "@" + home[1]
            name, english = f"{name} ({home[0]})", f"{english} ({home[1]})" if english else None
        key = entity_id(label, identity)
        if key in identified:  # two spellings the name table knows as one entity
            identified[key][3].extend(members)
        else:
            identified[key] = (label, name, english, list(members))
    entities: list[Entity] = []
    entity_of: dict[int, Entity] = {}
    for key, (label, name, english, members) in identified.items():
        aliases = tuple(sorted({m.surface for m in members} - {name}))
        descriptions = Counter(m.candidate.description for m in members if m.candidate.description)
        entity = Entity(
            key,
            label,
            name,
            aliases,
            len(members),
            name_en=english,
            descriptions=tuple(d for d, _ in descriptions.most_common()),
        )
        entities.append(entity)
        for m in members:
            entity_of[id(m)] = entity
    mentions = []
    for r in resolved:
        start, end = to_original(r.norm_start, r.candidate.norm_end)
        entity = entity_of[id(r)]
        mentions.append(
            Mention(
                original_text[start:end],
                start,
                end,
                entity.label,
                r.candidate.sentence,
                entity.id,
                r.candidate.score,
                token_start=r.candidate.token_start,
                token_end=r.candidate.token_end,
            )
        )
    first_seen: dict[str, int] = {}
    for mention in mentions:
        first_seen.setdefault(mention.entity_id, mention.start)
    entities.sort(key=lambda e: first_seen[e.id])
    return mentions, entities
