"""Train the pair model of :mod:`.pairs`; this command reproduces the shipped file.

    python -m arabic_entities.relations.train_pairs --train data/relation_training/sentences.jsonl

Each line of the training file is a sentence of real news with its entities marked
(``annotated``: ``[[LABEL|entity key|words]]``) and every pair of them labelled
(``pairs``: ``head``, ``tail``, ``type``, ``directed``, as in
``benchmarks/data/realnews/relations.jsonl``). Each sentence goes through the pipeline (relations off);
a marked entity is the predicted entity that overlaps its mentions most, and pairs that
do not land on two different predicted entities are left out. Features are those of
:func:`.pairs.pair_features`, the rules' own relation of the pair among them.

The model is scikit-learn's multinomial logistic regression (L2, ``--c``); its threshold
is chosen by ``--folds``-fold cross-validation on the training sentences alone: the
lowest probability at which the relations it adds to the rules' are right at least
``--precision`` of the time (no evaluation set is read). Written as JSON with weights
rounded to 4 decimals and features seen fewer than ``--min-count`` times left out.
Needs the ``train`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .pairs import CLASSES, PairModel, pair_classes
from .rules import extract_relations

if TYPE_CHECKING:
    from ..document import Document, Mention

__all__ = ["OUTPUT", "labelled_pairs", "parse_markup", "training_pairs", "main"]

#: Where the command writes the model by default (the work folder, never the package).
OUTPUT = Path("build") / "pairs.json"
MARKUP = re.compile(r"\[\[(PERS|ORG|LOC|MISC)\|([^|\]]+)\|([^|\]]+)\]\]")


def parse_markup(line: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The plain sentence and its mentions ``(start, end, label, entity key)``.

    >>> parse_markup("قال [[PERS|Vladimir Putin|بوتين]] أمس")
    ('قال بوتين أمس', [(4, 9, 'PERS', 'Vladimir Putin')])
    """
    plain: list[str] = []
    mentions = []
    length = position = 0
    for match in MARKUP.finditer(line):
        plain.append(line[position : match.start()])
        length += match.start() - position
        label, key, words = match.group(1), match.group(2).strip(), match.group(3)
        mentions.append((length, length + len(words), label, key))
        plain.append(words)
        length += len(words)
        position = match.end()
    plain.append(line[position:])
    text = "".join(plain)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unparsed markup in: {line}")
    return text, mentions


def _gold_class(pair: dict, first_key: str) -> str:
    """A labelled pair as a class of :data:`.pairs.CLASSES`, in text order."""
    kind = pair["type"]
    if kind in ("support", "conflict"):
        return kind + ("<" if pair["directed"] and pair["head"] != first_key else ">")
    return kind


def labelled_pairs(
    nlp: Callable[[str, str], Document], record: dict, doc_id: str
) -> tuple[Document, list[tuple[Mention, Mention, list[str], str]]]:
    """The document of one annotated sentence, run through the pipeline ``nlp``, and its
    labelled pairs ``(first mention, second mention, features, gold class)``: each marked
    entity is the predicted entity that overlaps its mentions most; pairs not on two
    different predicted entities are left out."""
    text, mentions = parse_markup(record["annotated"])
    doc = nlp(text, doc_id)
    predicted: dict[str, Counter[str]] = {}
    for start, end, _, key in mentions:
        for m in doc.mentions:
            overlap = min(m.end, end) - max(m.start, start)
            if overlap > 0:
                predicted.setdefault(key, Counter())[m.entity_id] += overlap
    entity_of = {key: counts.most_common(1)[0][0] for key, counts in predicted.items()}
    key_of = {entity: key for key, entity in entity_of.items()}
    gold = {frozenset((p["head"], p["tail"])): p for p in record["pairs"]}
    labelled = []
    for first, second, features in pair_classes(doc, extract_relations(doc)):
        first_key, second_key = key_of.get(first.entity_id), key_of.get(second.entity_id)
        if first_key is None or second_key is None or first_key == second_key:
            continue
        pair = gold.get(frozenset((first_key, second_key)))
        if pair is not None:
            labelled.append(
                (first, second, features, _gold_class(pair, first_key) if pair["type"] != "none" else "none")
            )
    return doc, labelled


def training_pairs(records: Sequence[dict]) -> tuple[list[list[str]], list[str], list[int]]:
    """Features, gold classes and sentence numbers of the labelled pairs of ``records``."""
    import arabic_entities as ae

    nlp = ae.load(relations=False)  # the rules' relations are computed below, without this model's
    X: list[list[str]] = []
    y: list[str] = []
    groups: list[int] = []
    for number, record in enumerate(records):
        for _, _, features, gold in labelled_pairs(nlp, record, f"train-{number}")[1]:
            X.append(features)
            y.append(gold)
            groups.append(number)
    return X, y, groups


def _fit(X: list[list[str]], y: list[str], *, c: float) -> tuple[Any, Any]:
    """The fitted feature vectorizer and logistic regression."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(features, 1) for features in X])
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(matrix, y)
    return vectorizer, model


def _added(model: Any, vectorizer: Any, X: list[list[str]]) -> list[tuple[str, float]]:
    """The best relation class of each pair and its probability."""
    probabilities = model.predict_proba(vectorizer.transform([dict.fromkeys(f, 1) for f in X]))
    classes = list(model.classes_)
    best = []
    for row in probabilities:
        p, kind = max((p, c) for p, c in zip(row, classes, strict=True))
        best.append((kind, float(p)))
    return best


def choose_threshold(
    X: list[list[str]], y: list[str], groups: list[int], *, folds: int, c: float, precision: float
) -> tuple[float, dict[str, float]]:
    """The lowest threshold at which the cross-validated relations the model adds (to
    pairs the rules left unrelated) are right at least ``precision`` of the time."""
    scored: list[tuple[float, bool]] = []
    unrelated = [i for i, features in enumerate(X) if "rule=none" in features]
    gold_added = sum(y[i] != "none" for i in unrelated)
    for fold in range(folds):
        train = [i for i in range(len(X)) if groups[i] % folds != fold]
        test = [i for i in unrelated if groups[i] % folds == fold]
        vectorizer, model = _fit([X[i] for i in train], [y[i] for i in train], c=c)
        for i, (kind, p) in zip(test, _added(model, vectorizer, [X[i] for i in test]), strict=True):
            if kind != "none":
                scored.append((p, kind == y[i]))
    scored.sort(reverse=True)
    best, right, report = 1.0, 0, {"precision": 1.0, "recall": 0.0, "added": 0}
    for k, (p, ok) in enumerate(scored, 1):
        right += ok
        if right / k >= precision:
            best = p
            report = {"precision": right / k, "recall": right / gold_added if gold_added else 0.0, "added": k}
    return best, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arabic_entities.relations.train_pairs",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--train", type=Path, required=True, help="annotated sentences (JSONL)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="model file to write (default: %(default)s)")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--precision", type=float, default=0.8, help="precision the relations it adds keep (cross-validated)"
    )
    parser.add_argument("--min-count", type=int, default=2, help="leave out rarer features")
    args = parser.parse_args(argv)

    records = [json.loads(line) for line in args.train.read_text(encoding="utf-8").splitlines() if line.strip()]
    X, y, groups = training_pairs(records)
    print(f"{len(records)} sentences, {len(X)} pairs: {dict(sorted(Counter(y).items()))}")
    threshold, report = choose_threshold(X, y, groups, folds=args.folds, c=args.c, precision=args.precision)
    print(f"threshold {threshold:.3f}: cross-validated added relations {report}")
    counts = Counter(feature for features in X for feature in set(features))
    vectorizer, model = _fit(X, y, c=args.c)
    classes = list(model.classes_)
    order = [classes.index(name) if name in classes else None for name in CLASSES]
    weights = {}
    for feature, column in vectorizer.vocabulary_.items():
        if counts[feature] >= args.min_count:
            weights[feature] = [0.0 if k is None else round(float(model.coef_[k, column]), 4) for k in order]
    bias = [-50.0 if k is None else round(float(model.intercept_[k]), 4) for k in order]
    pair_model = PairModel(CLASSES, dict(sorted(weights.items())), bias, round(threshold, 4))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(pair_model.to_json(), encoding="utf-8")
    print(f"{len(weights)} features -> {args.output} ({args.output.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
