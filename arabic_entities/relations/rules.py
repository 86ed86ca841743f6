"""Typed relations between the entities of one sentence: who met, backed, attacked whom.

A relation needs a trigger word from a hand-made lexicon (``triggers.tsv`` next to
this module, a table a linguist can edit) and two different entities placed around
it in one of a few word orders. The word orders are those of Arabic news prose;
everything else is left unrelated, because a wrong edge in the graph misleads more
than a missing one.

Word orders (titles such as رئيس الوزراء الإسرائيلي go with the person's name):

- verb, subject, object (VSO): اتهم ماسك إدارة ترامب, انتقاد ماسك لمشروع قانون ترامب.
  The subject follows the trigger at once and no preposition governs it; the object
  comes within ``max_gap`` words. A verbal noun takes its actor the same way (its
  genitive), a definite one (الخلاف) takes none.
- subject, verb, object (SVO): ماسك انتقد ترامب, برز ماسك داعما لحملة ترامب,
  أعلن بايدن دعمه لزيلينسكي. The subject is at most ``max_gap`` words before the
  trigger and governed by no preposition nor inside an adverbial phrase (في ولاية
  بنسلفانيا). A verb carrying و / ف (وانتقد) starts a new clause and takes no subject
  from before it, nor does a trigger with a word carrying و between (وأعلن دعمه).
  A verb tries SVO first, a verbal noun VSO first.
- coordination, for mutual triggers (meetings, talks, disputes, alliances):
  التقى ماسك وبوتين, اتصالات ماسك وبوتين, ماسك وبوتين التقيا; and, after any
  trigger, بين X و Y (اتصالات منتظمة بين ماسك، ...، والرئيس الروسي بوتين), which
  then names the parties alone. All undirected.
- object first, in a relative clause: منصة إكس التي يمتلكها ماسك.
- roles: a role noun with an organization, after a person or before one,
  إيلون ماسك، رئيس شركة سبيس إكس; المتحدث باسم الكرملين ديمتري بيسكوف; لمراسل
  الجوهرة أف أم ماهر الصغير (the organization then only qualifies the person's title
  and takes part in nothing else in the sentence; the apposition does not keep a verb
  from its object: استقبل قنديل، رئيس مجلس الوزراء، رشاد حسين). The role noun gives
  :attr:`Relation.role` (``"spokesperson"``, ``"leader"`` ...).
- heads and voices: an organization, then برئاسة / بقيادة or على لسان and a person
  (مجلس النقابة، برئاسة الدكتور محمد عبد الجواد; أعلنت الوزارة على لسان الوزير فلان).
- agents: a verbal noun between its target and an agent after من / من قبل (وجهت إلى
  شركة ميتا اتهامات من لجنة التجارة; تعرض ماسك لانتقادات من المفوضية).
- seats: an organization glued by ب to a place (الحرس الوطني بالمنستير) is located there.
- titles alone: a title with no name after it (ولي العهد, الرئيس الأمريكي) stands for
  the person named with that title earlier in the document, when only one was.

Time adverbs (اليوم الخميس،), amounts (10 مليارات دولار) and abbreviated titles (د.)
are passed over. A relation whose trigger carries the future س, follows a word of
intent or schedule (يعتزم, من المقرر أن) or is a verbal noun followed by المرتقب /
المقبل has ``status="planned"``.

Objects joined by و to the object share its relation (دعوى ضد أوبن إيه آي
ومايكروسوفت). No relation crosses punctuation that ends a clause (، ؛ : . ؟
brackets) or a word that opens one (إن, أن, لكن, حيث, عندما ...), except
``، الذي`` / ``، التي``. Another trigger between the two sides blocks the pair, unless
it continues the first (رسالة تهنئة). A negation (لم لن لا ليس ما عدم دون) up to
three words before the trigger cancels it (لا يزال, لا سيما do not), and so does a
verb of denial or refusal (نفى, أنكر, رفض, امتنع, تجنب) there or before the أن
that opens its clause. An object inside an adverbial phrase (في, خلال, عبر, بشأن,
حول ...) or behind a definite noun (تدعم الحوار مع الصين) is not the trigger's
object; contact takes no object after عن (تحدث عن: talked about). Each pair of
entities gets at most one relation per sentence: the one whose trigger and
mentions lie closest together.

Types and who may take part:

- ``contact`` (PERS, ORG, LOC), always undirected: meetings, talks, calls,
  contacts, negotiations, visits, receptions, letters and cables; discussed /
  consulted with (بحث مع). In a sports report (a word such as مباراة, الدوري, هدف in
  the sentence) a mutual contact or conflict word is a match and relates no one.
- ``support`` (PERS, ORG, LOC): backing, endorsement, praise, welcome, thanks,
  congratulation, funding, donation, aid, supplying, granting, defence, alliance,
  partnership, cooperation, investment in.
- ``conflict`` (PERS, ORG, LOC): criticism, accusation, attack, threat, condemnation,
  opposition, challenge, mockery, reprimand, punishment, sanctions, bans, expulsion,
  lawsuits, arrest, detention, trial, war, bombardment, invasion, siege, disputes,
  tension, confrontation, enmity.
- ``affiliation`` (PERS → ORG): spokesperson, head, director, founder, owner,
  leader, member, minister, adviser, deputy, official, correspondent, editor,
  coach, player (role nouns); founded, heads, runs, leads, owns, joined, bought,
  took over, works at, signed with (تعاقد مع).
- ``located_in`` (ORG or PERS → LOC): seats (مقرها في, ومقره, يقع مقر), residence
  and presence (يقيم في, يعيش في, المقيم في, يقبع في, الموجود في, ينتشر في).

Verbs are listed in the past and present, third person, singular, dual and plural
(and first person plural), with و / ف and the future س; verbal nouns with and
without the article, after ب / ل, in the accusative and with a possessive pronoun.

Not covered: a pronoun as one side (دافع عنه, هاجمه ترامب) except a possessive one
whose owner is the subject right before; actors named only in an earlier sentence
or clause (pro-drop: وتحدث عن الأعمال مع ميلي) unless by a title; the passive of a
verb (اتُّهم ماسك); verbs whose object is far or inside a longer phrase
(يقود قسم الذكاء الاصطناعي في مايكروسوفت); light verbs whose noun is not in the
lexicon (أصدرت مذكرة توقيف بحق); "ORG في LOC" without a seat word; relations stated
across sentences; and the direction of a verbal noun whose genitive is its object
(باتهام ماسك: the actor is taken from a subject before it when there is one, else
Musk is read as the actor). Relations between two places are kept (روسيا هاجمت
أوكرانيا) but "city in country" is not a relation.

>>> from arabic_entities import extract
>>> doc = extract("اتهم إيلون ماسك الرئيس دونالد ترامب بالكذب، ثم التقى ماسك وبوتين.")
>>> [(doc.entity(r.head).name, r.type, doc.entity(r.tail).name, r.directed, r.trigger)
...  for r in extract_relations(doc)]
[('إيلون ماسك', 'conflict', 'دونالد ترامب', True, 'اتهم'), ('إيلون ماسك', 'contact', 'بوتين', False, 'التقى')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from itertools import accumulate, pairwise
from typing import Literal, NamedTuple, get_args

from ..document import RELATION_TYPES, Document, Label, Mention, Relation, RelationType, Sentence, Status
from ..lexicon.arabic import (
    ARTICLE,
    CONJUNCTIONS,
    MAX_TITLE_WORDS,
    PREPOSITIONS,
    TITLE_WORDS,
    is_nisba,
    proclitic_splits,
    strip_conjunction,
)
from ..text.normalize import match_key

__all__ = [
    "RELATION_TYPES",
    "LEXICON",
    "ROLE_NOUNS",
    "Trigger",
    "TriggerWord",
    "extract_relations",
    "find_trigger",
    "role_noun",
]

#: What a trigger word is: a verb, a verbal noun, or a participle describing a subject.
TriggerKind = Literal["verb", "noun", "predicate"]
VERB: TriggerKind = "verb"
NOUN: TriggerKind = "noun"
PREDICATE: TriggerKind = "predicate"

#: Most words allowed between a subject and its trigger, or before an object.
MAX_GAP = 3
#: Most words of apposition between the two names of بين X ... و Y.
MAX_BETWEEN_GAP = 12
#: How far back a negation cancels a trigger.
NEGATION_REACH = 3


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word states: the relation ``type``, the word's ``kind``
    (``verb``; ``noun``, a verbal noun that takes its actor as genitive; or
    ``predicate``, a participle that describes a subject before it) and whether
    the relation is ``mutual`` (a meeting, a dispute): two names joined by و are
    then its two sides, and it has no direction."""

    type: RelationType
    kind: TriggerKind
    mutual: bool
    #: The preposition the other party must follow, for words that relate only
    #: through it (بحث مع: discussed with; بحث alone is research).
    partner: str = ""
    #: For an affiliation, the role it gives the person (``"founder"`` for أسس).
    role: str = ""


@dataclass(frozen=True, slots=True)
class TriggerWord:
    """A word read as a trigger: the proclitics it carries (و, ول, ...), the lexicon
    ``form`` it matched and the ``pronoun`` suffix it carries: ``"object"`` for a verb
    right after a relative (التي يمتلكها: its object is the name before), ``"possessor"``
    for a verbal noun (أعلن بايدن دعمه لـ: its actor is the subject before), else ``""``."""

    trigger: Trigger
    prefix: str
    form: str
    pronoun: str = ""
    #: Whether it carries the future س (سيلتقي).
    future: bool = False

    @property
    def opens_clause(self) -> bool:
        """Whether و / ف join it to what precedes as a new clause (وانتقد)."""
        return self.prefix[:1] in CONJUNCTIONS

    @property
    def definite(self) -> bool:
        """A noun with the article (الخلاف): it takes no actor after it."""
        return self.trigger.kind != VERB and self.form.startswith(ARTICLE)


#: The lexicon file, next to this module; its header explains the columns.
LEXICON_FILE = "triggers.tsv"
#: The ``type`` of the lexicon rows that list role nouns and verbs of denial.
_ROLE, _DENIAL = "role", "denial"
_TYPES: dict[str, RelationType] = {t: t for t in RELATION_TYPES}
_KINDS: dict[str, TriggerKind] = {k: k for k in get_args(TriggerKind)}
_FLAGS = {"yes": True, "no": False}


def _rows() -> Iterator[tuple[str, list[str]]]:
    """The rows of :data:`LEXICON_FILE` as ``(where, fields)``, ``where`` being ``file:line``."""
    text = resources.files(__package__).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            raise ValueError(f"{LEXICON_FILE}:{number}: 6 tab-separated columns expected, found {len(fields)}")
        yield f"{LEXICON_FILE}:{number}", fields


def _trigger(where: str, type_: str, kind: str, mutual: str, partner: str, role: str) -> Trigger:
    """The trigger a lexicon row states; ValueError, naming ``where``, on an unknown value."""
    try:
        trigger = Trigger(_TYPES[type_], _KINDS[kind], _FLAGS[mutual], _value(partner), _value(role))
    except KeyError as error:
        raise ValueError(f"{where}: unknown value {error}") from None
    if trigger.role and trigger.type != "affiliation":
        raise ValueError(f"{where}: a role ({role}) is for affiliations only")
    return trigger


def _value(field: str) -> str:
    """A lexicon field, ``""`` for ``-``."""
    return "" if field == "-" else field


def _verb_forms(past: str, present: str) -> list[str]:
    """The 3rd person forms (and 1st plural) of a regular verb, from ``انتقد/ينتقد``."""
    stem = present[1:]
    return [
        past,
        past + "ت",
        past + "ا",
        past + "تا",
        past + "وا",
        present,
        "ت" + stem,
        present + "ان",
        "ت" + stem + "ان",
        present + "ون",
        "ن" + stem,
    ]


def _noun_forms(noun: str) -> list[str]:
    """A verbal noun, with the article, and in the accusative when it shows (دعما)."""
    forms = [noun, ARTICLE + noun]
    if not noun.endswith(("ة", "ات", "ء", "ى", "ا")):
        forms.append(noun + "ا")
    return forms


def _expand(words: str) -> Iterator[str]:
    """The forms the space-separated words of a lexicon row stand for.

    >>> list(_expand("+دعم مقر")), list(_expand("انتقد/ينتقد"))[:3]
    (['دعم', 'الدعم', 'دعما', 'مقر'], ['انتقد', 'انتقدت', 'انتقدا'])
    """
    for word in words.split():
        if "/" in word:
            yield from _verb_forms(*word.split("/"))
        elif word.startswith("+"):
            yield from _noun_forms(word[1:])
        else:
            yield word


def _build_lexicon(table: Iterable[tuple[Trigger, str]]) -> dict[str, Trigger]:
    """Triggers by key. A form that is both a verb and its verbal noun (دعم, قصف) is
    read as the noun, which tries both word orders."""
    lexicon: dict[str, Trigger] = {}
    for trigger, words in table:
        for form in _expand(words):
            key = match_key(form)
            listed = lexicon.setdefault(key, trigger)
            if listed == trigger:
                continue
            if replace(listed, kind=NOUN) != replace(trigger, kind=NOUN):
                raise ValueError(f"trigger {form!r} listed as {listed} and as {trigger}")
            lexicon[key] = replace(trigger, kind=NOUN)
    return lexicon


def _keys(words: str) -> frozenset[str]:
    """The match keys of space-separated words."""
    return frozenset(match_key(w) for w in words.split())


class _Lexicon(NamedTuple):
    """What :data:`LEXICON_FILE` lists, by match key."""

    triggers: dict[str, Trigger]
    roles: dict[str, str]
    denials: frozenset[str]


def _read_lexicon() -> _Lexicon:
    """The triggers, role nouns and verbs of denial of :data:`LEXICON_FILE`."""
    table: list[tuple[Trigger, str]] = []
    roles: dict[str, str] = {}
    denials: set[str] = set()
    for where, (type_, kind, mutual, partner, role, words) in _rows():
        keys = [match_key(form) for form in _expand(words)]
        if type_ == _ROLE:
            if role == "-":
                raise ValueError(f"{where}: a role noun needs its role")
            roles.update((key, role) for key in keys)
        elif type_ == _DENIAL:
            denials.update(keys)
        else:
            table.append((_trigger(where, type_, kind, mutual, partner, role), words))
    return _Lexicon(_build_lexicon(table), roles, frozenset(denials))


_LEXICON = _read_lexicon()
#: Trigger words by match key (:func:`~arabic_entities.text.normalize.match_key`).
LEXICON: dict[str, Trigger] = _LEXICON.triggers
#: Role nouns that tie a person to an organization named right after them, with the
#: role they give (``"spokesperson"`` for المتحدث).
ROLE_NOUNS: dict[str, str] = _LEXICON.roles
#: Verbs of denial and refusal: a relation they govern is not stated (نفى أن يكون التقى,
#: رفض انتقاد).
_DENIALS = _LEXICON.denials

_CLAUSE_PUNCTUATION = frozenset("، , ؛ ; : . ! ? ؟ .. ... … ( ) [ ] - – — |".split())
#: Words that open a new clause (complementizers, contrast, time and place conjunctions).
_CLAUSE_OPENERS = _keys("""
    إن أن بأن لأن وأن وإن فإن كأن لكن ولكن لكنه لكنها بل ثم حيث بينما عندما حين حينما
    إذا لو كي لكي بعدما قبلما
""")
#: Time adverbs that may stand between a verb's subject and its object (اليوم الخميس).
_TIME_WORDS = _keys("""
    اليوم أمس امس غدا غداً الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت صباح مساء صباحا
""")
#: Words of an amount of money between a verbal noun and its object (استثمار 10 مليارات دولار في).
_AMOUNT_WORDS = _keys("""
    مليار مليارات مليون ملايين ألف آلاف الف الاف دولار دولارا يورو جنيه جنيها ريال ريالا درهم دينار
    إضافية إضافي اضافية
""")
_ON, _TONGUE = _keys("على"), _keys("لسان")
#: Words of a sports report: a mutual trigger there (مواجهة, لقاء) is a match.
_SPORTS = _keys("""
    مباراة المباراة مباريات المباريات الدوري دوري كأس الكأس بطولة البطولة الشوط هدف هدفا أهداف الأهداف
    الملعب ملعب المنتخب منتخب التعادل تعادل فوز بالفوز الفوز هزيمة الهزيمة اللاعبين لاعبي الجولة
""")
#: One-letter abbreviations of titles, written with a dot: د. (دكتور), م. (مهندس), أ. (أستاذ).
_ABBREVIATIONS = _keys("د م أ")
_RELATIVES = _keys("الذي التي الذين اللذان اللتان اللذين اللتين اللواتي")
_NEGATIONS = _keys("لم لن لا ليس ليست لست عدم دون بدون")
#: Words after a negation particle that turn it into something else (لا يزال: still).
_NOT_NEGATED = _keys("يزال تزال يزالون زال زالت يزل تزل سيما بد")
#: Prepositions that govern a name: the object of a trigger may follow some of them.
_PREPOSITIONS = _keys("في من على إلى الى عن مع ضد لدى بين عبر حول نحو تجاه بشأن خلال منذ بعد قبل داخل خارج عند أثناء")
#: Words that open an adverbial phrase: a name inside one is not the trigger's object.
_ADJUNCTS = _keys("في خلال عبر حول بشأن منذ بعد قبل داخل خارج عند أثناء")
_BETWEEN = _keys("بين وبين")
_PARTY_LABELS: frozenset[Label] = frozenset({"PERS", "ORG", "LOC"})
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")
#: How far before ``أن`` a denial still governs the clause it opens.
DENIAL_REACH = 8
_COMPLEMENTIZERS = _keys("أن بأن")
#: Words of intent or schedule before a trigger: the relation is planned (من المقرر أن يلتقي).
_PLANNING = _keys("سوف المقرر المنتظر المتوقع يعتزم تعتزم يعتزمون يعتزمان تعتزمان ينوي تنوي ينوون يزمع تزمع")
#: Adjectives after a verbal noun that put it in the future (اللقاء المرتقب, الزيارة المقبلة).
_UPCOMING = _keys("المرتقب المرتقبة المرتقبين المقبل المقبلة القادم القادمة المزمع المزمعة المنتظر المنتظرة")
#: The proclitics a title may carry (بالمستشار, وللرئيس): a conjunction, a preposition,
#: or a conjunction with ب or ل.
_TITLE_PROCLITICS = (*CONJUNCTIONS, *PREPOSITIONS, *(c + p for c in CONJUNCTIONS for p in PREPOSITIONS if p != "ك"))
#: How a noun with the article begins: the article alone or after و ف ب ك, or لل (ل + ال,
#: the article's alef dropped: للحوار).
_DEFINITE_STARTS = (*(p + ARTICLE for p in ("", *CONJUNCTIONS, *PREPOSITIONS) if p != "ل"), "لل")
#: Shortest rest after :data:`_DEFINITE_STARTS` for a noun: إلى, الذي and the like are too short.
_MIN_NOUN = 3


def _preposition(prefix: str) -> str:
    """The preposition among the proclitics ``prefix`` (``"ب"`` in وب), after any conjunction."""
    return prefix.lstrip("".join(CONJUNCTIONS))


@functools.lru_cache(maxsize=30_000)
def find_trigger(key: str) -> TriggerWord | None:
    """The trigger a word (its match key) reads as.

    Conjunctions (و ف) and the future س go with any trigger; the prepositions
    ب ل ك only with nouns and predicates.

    >>> word = find_trigger(match_key("وانتقد"))
    >>> word.trigger.type, word.trigger.kind, word.prefix, word.form
    ('conflict', 'verb', 'و', 'انتقد')
    >>> find_trigger(match_key("بانتقد")) is None
    True
    """
    readings = (("", key, key), *((s.prefix, s.stem, key[s.length :]) for s in proclitic_splits(key)))
    for prefix, stem, rest in readings:
        candidates = [stem, rest] if rest != stem else [stem]  # للقاء: ل + لقاء as well as ل + اللقاء
        if stem[:1] == "س" and stem[1:2] in ("ي", "ت", "ن") and prefix in ("", *CONJUNCTIONS):
            candidates.append(stem[1:])
        for candidate in candidates:
            trigger = LEXICON.get(candidate)
            if trigger is None or (trigger.kind == VERB and _preposition(prefix)):
                continue
            return TriggerWord(trigger, prefix, candidate, future=candidate == stem[1:] != stem)
    return None


def _has_article(key: str) -> bool:
    """Whether a word (match key) is a noun with the article, maybe after و ف ب ك ل
    (الحوار, بالقرب, للحوار); إلى, الذي and the like are too short to count."""
    return any(key.startswith(start) and len(key) - len(start) >= _MIN_NOUN for start in _DEFINITE_STARTS)


@functools.lru_cache(maxsize=30_000)
def _title_prefix(word: str) -> str | None:
    """The proclitics before a title word (``"ب"`` for بالمستشار, ``""`` for الرئيس),
    or None when ``word`` is not a title."""
    if word in TITLE_WORDS:
        return ""
    for prefix in _TITLE_PROCLITICS:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            if rest in TITLE_WORDS or (prefix[-1] == "ل" and "ا" + rest in TITLE_WORDS):
                return prefix
    return None


@dataclass(frozen=True, slots=True)
class _Party:
    """An entity mention as one side of a relation; token indices are the document's.

    ``lead`` is where the name starts with its titles (الرئيس in الرئيس الروسي بوتين),
    ``marker`` the preposition that governs it (ب ل ك or a word such as مع), and
    ``conjoined`` whether و joins it to what comes before.
    """

    entity_id: str
    label: Label
    lead: int
    first: int
    last: int
    marker: str
    conjoined: bool
    #: How many words before ``lead`` the marker takes (مع: 1, من قبل: 2).
    marker_words: int = 0
    #: Where its apposition ends (إيلون ماسك، رئيس شركة تسلا): a trigger's object may follow.
    extent: int = -1

    @property
    def end(self) -> int:
        """The last token of the name and its apposition."""
        return max(self.last, self.extent)


#: What a pattern finds: ``(head, tail, directed)``.
_Found = tuple[_Party, _Party, bool]


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A relation found in a sentence, before one per pair is kept; ``trigger`` is a token index."""

    head: _Party
    tail: _Party
    directed: bool
    trigger: int
    type: RelationType
    role: str = ""
    status: Status = "happened"

    @property
    def spread(self) -> int:
        positions = (self.trigger, self.head.first, self.tail.first)
        return max(positions) - min(positions)


class _SentenceView:
    """The tokens of one sentence with what the patterns ask of them."""

    def __init__(
        self, doc: Document, sentence: Sentence, keys: Sequence[str], triggers: dict[int, TriggerWord]
    ) -> None:
        self.doc = doc
        self.start, self.end = sentence.token_start, sentence.token_end
        self.words = [t.norm for t in doc.tokens[self.start : self.end]]
        self.keys = keys
        self.triggers = triggers
        #: The parties, in order; set once role nouns have been read.
        self.parties: list[_Party] = []
        self._closing = list(accumulate((self._closes_clause(i) for i in range(self.start, self.end)), initial=0))
        # a trigger right after another one is part of its phrase (رسالة تهنئة) and blocks nothing
        self._trigger_count = list(
            accumulate((i in triggers and i - 1 not in triggers for i in range(self.start, self.end)), initial=0)
        )

    def word(self, i: int) -> str:
        """The normalized surface form of token ``i`` (hamza, ى and ة kept)."""
        return self.words[i - self.start]

    def closes_clause(self, i: int) -> bool:
        """Whether token ``i`` ends a clause or opens a new one."""
        return self._closing[i + 1 - self.start] > self._closing[i - self.start]

    def abbreviation(self, i: int) -> bool:
        """Whether token ``i`` is part of an abbreviated title (د. for دكتور, م. for مهندس)."""
        key = self.keys[i]
        if key == ".":
            return i > self.start and self.keys[i - 1] in _ABBREVIATIONS
        return key in _ABBREVIATIONS and i + 1 < self.end and self.keys[i + 1] == "."

    def _closes_clause(self, i: int) -> bool:
        key = self.keys[i]
        if key in ("،", ",") and i + 1 < self.end and self.keys[i + 1] in _RELATIVES:
            return False
        if self.abbreviation(i):
            return False
        return key in _CLAUSE_PUNCTUATION or key in _CLAUSE_OPENERS

    def open_between(self, a: int, b: int) -> bool:
        """No clause boundary and no other trigger strictly between tokens ``a`` and ``b``."""
        lo, hi = a + 1 - self.start, b - self.start
        if lo >= hi:
            return True
        return self._closing[hi] == self._closing[lo] and self._trigger_count[hi] == self._trigger_count[lo]

    def no_clause_break(self, a: int, b: int) -> bool:
        """No clause boundary strictly between tokens ``a`` and ``b`` (triggers allowed)."""
        lo, hi = a + 1 - self.start, b - self.start
        return lo >= hi or self._closing[hi] == self._closing[lo]

    def party_after(self, i: int) -> _Party | None:
        """The first party that starts (with its titles) after token ``i``."""
        return next((p for p in self.parties if p.lead > i), None)

    def party_before(self, i: int) -> _Party | None:
        """The nearest party that ends before token ``i``."""
        return next((p for p in reversed(self.parties) if p.last < i), None)

    def party_following(self, party: _Party) -> _Party | None:
        """The party right after ``party``."""
        return next((p for p in self.parties if p.lead > party.last), None)

    def party_preceding(self, party: _Party) -> _Party | None:
        """The party right before ``party``."""
        return next((p for p in reversed(self.parties) if p.last < party.lead), None)


def extract_relations(doc: Document, *, max_gap: int = MAX_GAP) -> list[Relation]:
    """Typed relations between the entities of each sentence of ``doc``.

    ``doc.mentions`` must be resolved to entities. Relations come in sentence
    order, then in the order of their triggers; at most one per pair of entities
    and sentence. ``max_gap`` is the most words allowed between a subject and its
    trigger and before an object.
    """
    if len({m.entity_id for m in doc.mentions}) < 2:
        return []
    keys = [match_key(t.norm) for t in doc.tokens]
    by_sentence: dict[int, list[Mention]] = {}
    for mention in [*doc.mentions, *_title_references(doc)]:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    names = {entity.id: entity.name for entity in doc.entities}
    relations: list[Relation] = []
    for index, mentions in sorted(by_sentence.items()):
        mentions.sort(key=lambda m: m.token_start)
        if len({m.entity_id for m in mentions if m.label in _PARTY_LABELS}) < 2:
            continue
        sentence = doc.sentences[index]
        first, stop = sentence.token_start, sentence.token_end
        covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
        triggers = dict(_triggers(keys, first, stop, covered))
        seats = any(
            a.label == "ORG" and b.label == "LOC" and b.token_start == a.token_end for a, b in pairwise(mentions)
        )
        if not triggers and not seats and not any(role_noun(keys[i]) for i in range(first, stop)):
            continue
        view = _SentenceView(doc, sentence, keys, triggers)
        candidates = _sentence_candidates(view, mentions, max_gap=max_gap)
        relations += (
            Relation(
                c.head.entity_id,
                c.tail.entity_id,
                c.type,
                c.directed,
                index,
                sentence.text,
                doc.tokens[c.trigger].text,
                head_name=names.get(c.head.entity_id, ""),
                tail_name=names.get(c.tail.entity_id, ""),
                role=c.role,
                status=c.status,
            )
            for c in _closest_per_pair(candidates)
        )
    return relations


def _title_references(doc: Document) -> Iterator[Mention]:
    """Titles that stand alone for a person named before with them (the title as a
    mention of that person's entity): after ولي العهد السعودي الأمير محمد بن سلمان,
    a later ولي العهد is him, as long as no other person named so far held a title
    with those words (``الرئيس`` after two presidents stays unresolved)."""
    holders: list[tuple[frozenset[str], str]] = []  # (title words, entity id) in text order
    starts = {m.token_start: m for m in doc.mentions}
    covered = {i for m in doc.mentions for i in range(m.token_start, m.token_end)}
    mentioned = {m.sentence for m in doc.mentions}  # a sentence naming no one neither names a holder nor relates one
    words = [t.norm for t in doc.tokens]
    for sentence in doc.sentences:
        if sentence.index not in mentioned:
            continue
        i = sentence.token_start
        while i < sentence.token_end:
            if i in covered or _title_word(words[i]) is None:
                i += 1
                continue
            run = i
            while run < sentence.token_end and run not in covered and _title_word(words[run]) is not None:
                run += 1
            title = frozenset(_title_word(words[k]) or words[k] for k in range(i, run))
            named = starts.get(run)
            if named is not None and named.label == "PERS":
                holders.append((title, named.entity_id))
            elif any(word in TITLE_WORDS for word in title):
                held = {entity for words_held, entity in holders if title <= words_held}
                if len(held) == 1:
                    start, end = doc.tokens[i].start, doc.tokens[run - 1].end
                    yield Mention(
                        doc.text[start:end],
                        start,
                        end,
                        "PERS",
                        sentence.index,
                        held.pop(),
                        token_start=i,
                        token_end=run,
                    )
            i = run


@functools.lru_cache(maxsize=30_000)
def _title_word(word: str) -> str | None:
    """A word of a title with its proclitics off (الرئيس, وللرئيس → الرئيس; a nisba
    adjective such as الأمريكي as it is); else None."""
    prefix = _title_prefix(word)
    if prefix is not None:
        rest = word[len(prefix) :]
        return rest if rest in TITLE_WORDS else "ا" + rest
    return word if is_nisba(word) else None


def _closest_per_pair(candidates: list[_Candidate]) -> list[_Candidate]:
    """One candidate per pair of entities, the most compact; in trigger order."""
    best: dict[frozenset[str], _Candidate] = {}
    for c in candidates:
        pair = frozenset((c.head.entity_id, c.tail.entity_id))
        if pair not in best or c.spread < best[pair].spread:
            best[pair] = c
    return sorted(best.values(), key=lambda c: (c.trigger, c.head.first))


def _sentence_candidates(view: _SentenceView, mentions: list[Mention], *, max_gap: int) -> list[_Candidate]:
    parties = [_party(view, m) for m in mentions if m.label in _PARTY_LABELS]
    parties.sort(key=lambda p: p.first)
    roles, modifiers, leads, extents = _role_relations(view, parties)
    view.parties = [
        replace(
            _with_lead(view, replace(p, lead=leads[p.first])) if p.first in leads else p,
            extent=extents.get(p.first, -1),
        )
        for p in parties
        if p.first not in modifiers
    ]
    candidates = [*roles, *_seats(view), *_spoken_for(view)]
    sports = any(strip_conjunction(key) in _SPORTS for key in view.keys[view.start : view.end])
    for i, word in view.triggers.items():
        if _negated(view, i) or (word.trigger.mutual and word.trigger.type != "support" and sports):
            continue  # a match (مواجهة الأهلي والزمالك, لقاء الفريقين) is neither a meeting nor a conflict
        if word.trigger.kind == NOUN and word.trigger.type == "affiliation" and _preposition(word.prefix) == "ب":
            candidates += _headed_by(view, i, word.trigger.role)
            continue
        found = _relate(view, i, word, max_gap=max_gap)
        if found is not None:
            head, tail, directed = found
            if word.trigger.kind == NOUN and tail.marker == "من" and head.last < i:
                head, tail = tail, head  # تعرض ماسك لانتقادات من المفوضية: the من side acts
            status: Status = "planned" if _planned(view, i, word) else "happened"
            for other in (tail, *_conjuncts(view, tail)):
                candidate = _admit(word.trigger, head, other, directed, i)
                if candidate is not None:
                    candidates.append(replace(candidate, status=status))
    return candidates


#: Most words between an organization and the برئاسة that names its head.
HEADED_BY_REACH = 6
_SENTENCE_ENDS = frozenset(". ! ? ؟".split())


def _headed_by(view: _SentenceView, i: int, role: str, *, words: int = 1) -> Iterator[_Candidate]:
    """An organization, then a phrase of ``words`` words ending at token ``i`` and a
    person it names in ``role``: مجلس النقابة، برئاسة الدكتور محمد عبد الجواد; فريق من
    النيابة العامة برئاسة أحمد عمران; أعلنت وزارة الخزانة على لسان الوزير سكوت بيسنت."""
    start = i - words + 1
    person = view.party_after(i)
    org = view.party_before(start)
    if person is None or person.label != "PERS" or person.lead != i + 1:
        return
    while org is not None and org.label != "ORG" and start - org.last <= HEADED_BY_REACH:
        org = view.party_preceding(org)
    if org is None or org.label != "ORG" or start - org.last - 1 > HEADED_BY_REACH:
        return
    between = view.keys[org.last + 1 : start]
    if any(key in _CLAUSE_OPENERS or key in _SENTENCE_ENDS for key in between):
        return
    yield _Candidate(person, org, True, start, "affiliation", role)


def _spoken_for(view: _SentenceView) -> Iterator[_Candidate]:
    """An organization speaking through a person: أعلنت الوزارة على لسان الوزير فلان."""
    for i in range(view.start + 1, view.end):
        if view.keys[i] in _TONGUE and view.keys[i - 1] in _ON:
            yield from _headed_by(view, i, "spokesperson", words=2)


def _seats(view: _SentenceView) -> Iterator[_Candidate]:
    """An organization named with the place it sits in glued by ب: الحرس الوطني
    بالمنستير, مديرية أمن الإسماعيلية ببورسعيد (the unit of that place)."""
    for org, place in pairwise(view.parties):
        if org.label == "ORG" and place.label == "LOC" and place.lead == org.last + 1 and place.marker == "ب":
            yield _Candidate(org, place, True, place.first, "located_in")


def _planned(view: _SentenceView, i: int, word: TriggerWord) -> bool:
    """Whether the trigger at ``i`` states a relation to come: it carries the future س
    (سيلتقي), a word of intent or schedule stands shortly before it (يعتزم لقاء, سوف
    يلتقي), also before the أن that opens its clause (من المقرر أن يلتقي), or a noun is
    followed by المرتقب / المقبل (اللقاء المرتقب بين)."""
    if word.future:
        return True
    j = i - 1
    while j >= max(view.start, i - NEGATION_REACH):
        key = strip_conjunction(view.keys[j])
        if key in _PLANNING:
            return True
        if key in _COMPLEMENTIZERS:
            j -= 1
            continue
        if not view.no_clause_break(j, i):
            break
        j -= 1
    after = view.keys[i + 1 : min(i + 3, view.end)]
    return word.trigger.kind == NOUN and any(key in _UPCOMING for key in after)


def _conjuncts(view: _SentenceView, party: _Party) -> Iterator[_Party]:
    """The parties joined to ``party`` by و right after it (ضد أوبن إيه آي ومايكروسوفت)."""
    nxt = view.party_following(party)
    while nxt is not None and nxt.conjoined and nxt.lead == party.last + 1:
        yield nxt
        party, nxt = nxt, view.party_following(nxt)


def _party(view: _SentenceView, mention: Mention) -> _Party:
    """``mention`` as a party, with the titles before a person's name (``lead``)."""
    first, stop = mention.token_start, mention.token_end
    lead = first
    while mention.label == "PERS" and lead > max(view.start, first - MAX_TITLE_WORDS) and _in_title(view, lead - 1):
        lead -= 1
    while lead < first and _title_prefix(view.word(lead)) is None:  # a leading adjective belongs elsewhere
        lead += 1
    token = view.doc.tokens[first]
    prefix = token.text[: mention.start - token.start] if lead == first else ""
    party = _Party(mention.entity_id, mention.label, lead, first, stop - 1, "", False)
    return _with_lead(view, party, prefix=prefix)


def _in_title(view: _SentenceView, i: int) -> bool:
    """Whether token ``i`` can belong to the titles before a person's name: a title word,
    a relational adjective, or the noun a title word governs (رئيس الوزراء, وزيرة الخزانة)."""
    word = view.word(i)
    if _title_prefix(word) is not None or is_nisba(word) or view.abbreviation(i):
        return True
    return _has_article(view.keys[i]) and i > view.start and _title_prefix(view.word(i - 1)) is not None


def _with_lead(view: _SentenceView, party: _Party, *, prefix: str = "") -> _Party:
    """``party`` with the preposition and conjunction read from the words at its lead."""
    if party.lead < party.first:
        prefix = _title_prefix(view.word(party.lead)) or ""
    conjoined = prefix.startswith("و")
    marker = _preposition(prefix)[:1]
    marker_words = 0
    if not marker and party.lead > view.start:
        before = strip_conjunction(view.keys[party.lead - 1])
        if view.keys[party.lead - 1] == "و":
            conjoined = True
        elif before == "قبل" and party.lead - 2 >= view.start and view.keys[party.lead - 2] == "من":
            marker, marker_words = "من", 2  # من قبل المفوضية: by the Commission
        elif before in _PREPOSITIONS:
            marker, marker_words = before, 1
    return replace(party, marker=marker, conjoined=conjoined, marker_words=marker_words)


def _triggers(keys: Sequence[str], start: int, end: int, covered: set[int]) -> Iterator[tuple[int, TriggerWord]]:
    """Trigger words among tokens ``start:end`` outside names (``covered``), by token index."""
    for i in range(start, end):
        if i in covered:
            continue
        key = keys[i]
        found = find_trigger(key) or _suffixed_trigger(key, after_relative=i > start and keys[i - 1] in _RELATIVES)
        if found is None:
            continue
        if found.trigger.kind == VERB and i > start and strip_conjunction(keys[i - 1]) in _PREPOSITIONS:
            continue  # عن هاتف آيفون: no verb follows a preposition
        yield i, found


@functools.lru_cache(maxsize=30_000)
def _suffixed_trigger(key: str, *, after_relative: bool) -> TriggerWord | None:
    """A trigger with a pronoun suffix: right after a relative, a verb and its object
    (التي يمتلكها, الذي انتقده); elsewhere a verbal noun and its possessor (دعمه, زيارته)."""
    for suffix in _PRONOUN_SUFFIXES:
        stem = key[: -len(suffix)]
        if not key.endswith(suffix) or len(stem) < 3:
            continue
        restored = {"ت": "ه", "ئ": "ء", "ؤ": "ء"}.get(stem[-1])  # زيارته → زيارة, لقائه → لقاء
        for candidate in (stem, stem[:-1] + restored) if restored else (stem,):
            found = find_trigger(candidate)
            if found is None or found.trigger.kind == PREDICATE:
                continue
            if after_relative:
                return replace(found, pronoun="object")
            if found.trigger.kind == NOUN:
                return replace(found, pronoun="possessor")
    return None


def _negated(view: _SentenceView, i: int) -> bool:
    """A negation or denial shortly before the trigger, or a denial that introduces its
    clause (نفى الكرملين أن يكون بوتين قد التقى ماسك)."""
    for j in range(i - 1, max(view.start, i - NEGATION_REACH) - 1, -1):
        if not view.no_clause_break(j, i):
            break
        key = strip_conjunction(view.keys[j])
        if key in _DENIALS:
            return True
        if (key in _NEGATIONS or (key == "ما" and j == i - 1)) and view.keys[j + 1] not in _NOT_NEGATED:
            return True
    opener = next((j for j in range(i - 1, view.start - 1, -1) if view.closes_clause(j)), None)
    if opener is None or view.keys[opener] not in _COMPLEMENTIZERS:
        return False
    for k in range(opener - 1, max(view.start, opener - DENIAL_REACH) - 1, -1):
        if view.closes_clause(k):
            return False
        if strip_conjunction(view.keys[k]) in _DENIALS:
            return True
    return False


def _role_relations(
    view: _SentenceView, parties: list[_Party]
) -> tuple[list[_Candidate], set[int], dict[int, int], dict[int, int]]:
    """Affiliations stated by role nouns, the organizations that only qualify a
    person's title or apposition (and take part in nothing else), the persons' new
    leads, and where their appositions end (all by the parties' first tokens).

    ``role [باسم|لـ...] ORG [،] PERS``: المتحدث باسم الكرملين ديمتري بيسكوف, لمراسل
    الجوهرة أف أم ماهر الصغير, رئيس الهيئة، شفيق صرصار;
    ``PERS [،] [titles] role ... ORG``: إيلون ماسك، رئيس شركة سبيس إكس; تهاني الجبالي،
    نائب رئيس المحكمة الدستورية.
    """
    candidates: list[_Candidate] = []
    modifiers: set[int] = set()
    leads: dict[int, int] = {}
    extents: dict[int, int] = {}
    for k, org in enumerate(parties):
        if org.label != "ORG":
            continue
        role = _role_before(view, parties, org)
        if role is None:
            continue
        role_name = ROLE_NOUNS[role_noun(view.keys[role])]
        person = parties[k + 1] if k + 1 < len(parties) else None
        gap = range(org.last + 1, person.lead) if person is not None else range(0)
        if person is not None and person.label == "PERS" and _only_commas(view, gap):
            candidates.append(_Candidate(person, org, True, role, "affiliation", role_name))
            modifiers.add(org.first)
            leads[person.first] = _title_start(view, role)
            continue
        person = parties[k - 1] if k > 0 else None
        if person is None or person.label != "PERS" or not person.last < role:
            continue
        gap = range(person.last + 1, _title_start(view, role))
        if _only_commas(view, gap):
            candidates.append(_Candidate(person, org, True, role, "affiliation", role_name))
            modifiers.add(org.first)
            extents[person.first] = _apposition_end(view, org.last)
    return candidates, modifiers, leads, extents


def _apposition_end(view: _SentenceView, last: int) -> int:
    """The end of an apposition whose organization ends at ``last``, with the nisba
    adjectives after it (رئيس حزب الوفد المصري)."""
    while last + 1 < view.end and is_nisba(view.word(last + 1)):
        last += 1
    return last


def _only_commas(view: _SentenceView, gap: range) -> bool:
    """Whether the tokens of ``gap`` are nothing or one comma."""
    return len(gap) <= 1 and all(view.keys[g] in ("،", ",") for g in gap)


@functools.lru_cache(maxsize=30_000)
def role_noun(key: str) -> str:
    """The role noun a word is, with its proclitics taken off (لمراسل, وللمتحدث), else ``""``."""
    for candidate in (key, *(split.stem for split in proclitic_splits(key))):
        if candidate in ROLE_NOUNS:
            return candidate
    return ""


def _role_before(view: _SentenceView, parties: list[_Party], org: _Party) -> int | None:
    """The role noun at most ``MAX_GAP`` words before ``org`` in the same clause,
    with no other name between."""
    for r in range(org.lead - 1, max(view.start, org.lead - 1 - MAX_GAP) - 1, -1):
        if not view.no_clause_break(r, org.lead) or any(p.first <= r <= p.last for p in parties):
            return None
        if role_noun(view.keys[r]):
            return r
    return None


def _title_start(view: _SentenceView, role: int) -> int:
    """Where the titles that end with the role noun at ``role`` start (الرئيس التنفيذي)."""
    start = role
    while start > view.start and (_title_prefix(view.word(start - 1)) is not None or role_noun(view.keys[start - 1])):
        start -= 1
    return start


def _relate(view: _SentenceView, i: int, word: TriggerWord, *, max_gap: int) -> _Found | None:
    """The ``(head, tail, directed)`` the trigger at token ``i`` relates, if any."""
    trigger = word.trigger
    if word.pronoun == "object":
        return _object_first(view, i, trigger)
    # a verb reads its subject first where one stands before it; a verbal noun its genitive
    patterns = {
        VERB: (_subject_verb_object, _coordinated_before, _between, _verb_subject_object),
        NOUN: (_between, _agent_after, _verb_subject_object, _subject_verb_object),
        PREDICATE: (_subject_verb_object,),
    }[trigger.kind]
    if word.pronoun == "possessor":  # أعلن بايدن دعمه لزيلينسكي: the pronoun fills the genitive
        patterns = (_subject_verb_object,)
    if word.opens_clause and trigger.type != "located_in":  # وانتقد: its subject is not before it
        patterns = tuple(p for p in patterns if p is not _subject_verb_object)
    if word.definite:  # الخلاف ماسك: a name after a definite noun is not its actor
        patterns = tuple(p for p in patterns if p is not _verb_subject_object)
    if _between_word(view, i) is not None:  # مباحثات بين وفدي حماس وإسرائيل: the parties come after بين
        patterns = (_between,)
    for pattern in patterns:
        found = pattern(view, i, word, max_gap=max_gap)
        if found:
            return found
    return None


def _object_ok(view: _SentenceView, trigger: Trigger, after: int, obj: _Party, *, max_gap: int) -> bool:
    """Whether ``obj``, the first party after token ``after``, can be the trigger's object.

    A time adverb and its comma between do not count (استقبل قنديل اليوم الخميس، رشاد حسين)."""
    while after + 1 < obj.lead and _skippable(view.keys[after + 1]):
        after += 1
    gap = obj.lead - after - 1
    if gap > max_gap or not view.open_between(after, obj.lead):
        return False
    between = [strip_conjunction(k) for k in view.keys[after + 1 : obj.lead - obj.marker_words]]
    if trigger.partner:  # مع بوتين, مع حركة الجهاد الإسلامي
        return obj.marker == trigger.partner or between[:1] == [trigger.partner]
    if trigger.type == "located_in":  # ومقرها جنيف, مقرها في بروكسل, يقيم في ولاية كاليفورنيا, بمدينة
        return (
            gap == 0
            or obj.marker in ("في", "ب")
            or between[:1] == ["في"]
            or (between[:1] != [] and between[0].startswith("ب") and between[0] not in _PREPOSITIONS)
        )
    if trigger.type == "affiliation":
        return True
    nouns = (k for j, k in enumerate(between, after + 1) if _has_article(k) and not is_nisba(view.word(j)))
    if obj.marker in _ADJUNCTS or any(k in _ADJUNCTS for k in between) or any(nouns):
        return False  # تدعم الحوار مع الصين: the object is الحوار, not الصين
    return not (trigger.type == "contact" and (obj.marker == "عن" or "عن" in between))


def _skippable(key: str) -> bool:
    """Whether a word between a trigger's sides may be passed over: a time adverb, an
    amount (10 مليارات دولار إضافية), a comma."""
    return key in _TIME_WORDS or key in _AMOUNT_WORDS or key.isdigit() or key in ("،", ",")


def _subject_verb_object(view: _SentenceView, i: int, word: TriggerWord, *, max_gap: int) -> _Found | None:
    """ماسك انتقد ترامب; برز ماسك داعما لحملة ترامب; شركة تسلا، ومقرها في أوستن."""
    trigger = word.trigger
    seat = trigger.type == "located_in"
    anchor = i - 1 if seat and i - 1 > view.start and view.keys[i - 1] in ("،", ",") else i
    subject = view.party_before(anchor)
    obj = view.party_after(i)
    if subject is None or obj is None or (not seat and _governed(view, subject)):
        return None
    verb_before = view.triggers.get(subject.lead - 1)
    if verb_before is not None and verb_before.trigger.kind == VERB:
        return None  # أدانت الجامعة العربية الهجوم على غزة: the subject of أدانت acts on the noun
    gap = anchor - subject.last - 1
    if gap > (0 if word.definite else max_gap) or not _subject_reaches(view, subject.last, anchor):
        return None
    if not _object_ok(view, trigger, i, obj, max_gap=max_gap):
        return None
    return subject, obj, not trigger.mutual


def _governed(view: _SentenceView, party: _Party) -> bool:
    """Whether a preposition governs ``party``, or it ends an adverbial phrase
    (في ولاية بنسلفانيا): then it cannot be a subject."""
    if party.marker:
        return True
    before = party.lead - 2
    return (
        before >= view.start
        and strip_conjunction(view.keys[before]) in _ADJUNCTS
        and view.no_clause_break(before, party.lead)
    )


def _verb_subject_object(view: _SentenceView, i: int, word: TriggerWord, *, max_gap: int) -> _Found | None:
    """اتهم ماسك إدارة ترامب; انتقاد ماسك لمشروع قانون ترامب; التقى ماسك بوتين."""
    trigger = word.trigger
    subject = view.party_after(i)
    if subject is None or subject.lead != i + 1 or subject.marker:
        return None
    obj = view.party_following(subject)
    if obj is None or (obj.conjoined and not trigger.mutual):
        return None  # ماسك وبوتين: two actors, not actor and object
    if not _object_ok(view, trigger, subject.end, obj, max_gap=max_gap):
        return None
    return subject, obj, not trigger.mutual


def _agent_after(view: _SentenceView, i: int, word: TriggerWord, *, max_gap: int) -> _Found | None:
    """A verbal noun between its target and its agent after من (من قبل): وجهت إلى شركة
    ميتا اتهامات بالاحتكار من لجنة التجارة; تعرض ماسك لانتقادات من المفوضية."""
    if word.trigger.mutual:
        return None
    agent = view.party_after(i)
    target = view.party_before(i)
    if agent is None or target is None or agent.marker != "من":
        return None
    words_after = agent.lead - agent.marker_words - i - 1
    if words_after > 1 or i - target.last - 1 > max_gap or not view.no_clause_break(target.last, agent.lead):
        return None
    if any(k in _CLAUSE_OPENERS for k in view.keys[target.last + 1 : agent.lead]):
        return None
    return agent, target, True


def _coordinated_before(view: _SentenceView, i: int, word: TriggerWord, *, max_gap: int) -> _Found | None:
    """ماسك وبوتين التقيا: two names joined by و right before a mutual verb."""
    if not word.trigger.mutual:
        return None
    second = view.party_before(i)
    first = second and view.party_preceding(second)
    if first is None or second is None or not second.conjoined or second.lead != first.last + 1:
        return None
    if first.marker or i - second.last - 1 > max_gap or not _subject_reaches(view, second.last, i):
        return None
    return first, second, False


def _subject_reaches(view: _SentenceView, last: int, trigger: int) -> bool:
    """Whether a subject ending at token ``last`` reaches the trigger: nothing between
    ends the clause, and no word there starts a coordinated clause with و (وأعلن)."""
    return view.open_between(last, trigger) and not any(
        key.startswith("و") and len(key) > 2 for key in view.keys[last + 1 : trigger]
    )


def _between_word(view: _SentenceView, i: int) -> int | None:
    """The token of a بين at most three words after the trigger at ``i``, in its clause."""
    for j in range(i + 1, min(i + 4, view.end)):
        if view.keys[j] in _BETWEEN:
            return j
        if view.closes_clause(j):
            return None
    return None


def _between(view: _SentenceView, i: int, word: TriggerWord, *, max_gap: int) -> _Found | None:
    """الخلاف بين ترامب وماسك; اتصالات منتظمة بين ماسك، ...، والرئيس الروسي بوتين;
    مباحثات بين وفدي حماس وإسرائيل."""
    j = _between_word(view, i)
    if j is None:
        return None
    first = view.party_after(j)
    if first is None or first.lead > j + 2 or not view.open_between(j, first.lead):
        return None
    second = view.party_following(first)
    if second is None or not second.conjoined or second.lead - first.last - 1 > MAX_BETWEEN_GAP:
        return None
    if any(view.keys[k] in _CLAUSE_OPENERS for k in range(first.last + 1, second.lead)):
        return None
    return first, second, False


def _object_first(view: _SentenceView, i: int, trigger: Trigger) -> _Found | None:
    """منصة إكس التي يمتلكها ماسك: the object before the relative, the actor after the verb."""
    obj = view.party_before(i)
    actor = view.party_after(i)
    if obj is None or actor is None or actor.lead != i + 1 or actor.marker:
        return None
    if i - obj.last - 1 > 2 or not view.no_clause_break(obj.last, i):
        return None
    return actor, obj, not trigger.mutual


def _admit(word: Trigger, head: _Party, tail: _Party, directed: bool, trigger: int) -> _Candidate | None:
    """The candidate when the labels fit the type, oriented by its conventions."""
    if head.entity_id == tail.entity_id:
        return None
    type_ = word.type
    labels = head.label, tail.label
    if type_ == "affiliation":
        if sorted(labels) != ["ORG", "PERS"]:
            return None
        head, tail = (head, tail) if head.label == "PERS" else (tail, head)
        return _Candidate(head, tail, True, trigger, type_, word.role)
    if type_ == "located_in":
        if head.label == "LOC":  # تضم بروكسل مقر المفوضية الأوروبية
            head, tail = tail, head
        if head.label not in ("ORG", "PERS") or tail.label != "LOC":
            return None
        return _Candidate(head, tail, True, trigger, type_)
    if type_ == "contact":  # a call, a letter, a visit: two ends, whoever made it
        directed = False
    if not directed and tail.first < head.first:
        head, tail = tail, head
    return _Candidate(head, tail, directed, trigger, type_)
