"""Other learners for the pair model, under the cross-validation protocol of ``train_pairs``.

    .venv/bin/python benchmarks/experiments/pair_learners/learn.py LEARNER \
        [--files 0|0,1] [--conj] [--kw JSON] [--pairs build/pair_learners/pairs] [--save FILE]

LEARNER is one of

- ``lr``: the shipped learner (multinomial logistic regression, C = 1, on every feature);
  reproduces ``train_pairs`` (same folds, same threshold) from the cached pairs;
- ``mlp``: one hidden layer (64 ReLU units) over the same sparse features (summed embedding rows);
- ``mlpstates``: ``mlp`` plus a dense vector of the recognizer's BiLSTM states at the pair
  (:func:`pair_dense`);
- ``states_only``: that dense vector alone;
- ``hgb``: histogram gradient boosting over the features seen at least ``min_count`` times.

``--files`` picks the training files by their index in ``collect.py`` (0: the 2,400 sentences,
1: the 1,200 of round 3). ``--conj`` adds pair-conjunction features (:func:`conj`). ``--kw`` sets
the learner's keyword arguments (see each learner). Protocol (as ``train_pairs.choose_threshold``):
5 folds by sentence number modulo 5; each fold's model scores the held-out pairs the rules left
unrelated (``rule=none``); the threshold is the lowest probability at which the pooled relations
it adds are right at least 80 % of the time. Also printed: the mean log-loss of those held-out
pairs and how many relations are added at 90/85/80/70/60 % precision (``level: (added, right)``).

``--save`` fits on all the chosen pairs and writes the model: ``lr`` as the package's JSON
(``PairModel``, features seen twice or more, as ``train_pairs`` writes it), ``mlp`` and
``mlpstates`` as an ``.npz`` read by :func:`read_mlp_model` (numpy only at run time).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from arabic_entities.relations.pairs import CLASSES, PairModel

ROOT = Path(__file__).resolve().parents[3]
PAIRS = ROOT / "build/pair_learners/pairs"
CLASS_INDEX = {c: i for i, c in enumerate(CLASSES)}
#: Width of one LSTM direction of the shipped recognizer (one network: states are 2 x 100 wide).
HIDDEN = 100

Predict = Callable[[np.ndarray], np.ndarray]  # pair indices -> class probabilities (n, len(CLASSES))


def pair_dense(states: np.ndarray, span: Sequence[int]) -> np.ndarray:
    """The BiLSTM vector of a pair from its sentence's states (T, 200) and its token span
    ``(first start, first end, second start, second end)`` within the sentence: the forward and
    backward states at both mentions' edges, their differences across the gap, and the mean and
    max of the states between the mentions (zeros when they touch). 1,000 wide."""
    s1, e1, s2, e2 = span
    forward, backward = states[:, :HIDDEN], states[:, HIDDEN:]
    parts = [
        forward[e1 - 1],
        backward[s1],
        forward[e2 - 1],
        backward[s2],
        forward[s2 - 1] - forward[e1 - 1],
        backward[e1] - backward[s2],
    ]
    if s2 > e1:
        between = states[e1:s2]
        parts += [between.mean(0), between.max(0)]
    else:
        parts += [np.zeros(2 * HIDDEN, np.float32)] * 2
    return np.concatenate(parts).astype(np.float32)


def conj(features: list[str], labels: Sequence[str]) -> list[str]:
    """``features`` plus pair conjunctions: context words and the first's next word with the two
    labels, the trigger with the rule, the two governing words together and each with the labels."""
    pair_labels = f"{labels[0]}>{labels[1]}"
    extra = []
    previous: dict[str, str] = {}
    for f in features:
        if f.startswith(("w=", "before:w=", "after:w=", "first:next=")):
            extra.append(f"{f}|labels={pair_labels}")
        if f.startswith(("first:prev=", "second:prev=")):
            previous[f.split(":")[0]] = f
        if f.startswith("trigger=") and "|" not in f:
            rule = next((g for g in features if g.startswith("rule=") and "|" not in g), "")
            extra.append(f"{f}|{rule}")
    if len(previous) == 2:
        extra.append(f"{previous['first']}|{previous['second']}")
    for name in ("first", "second"):
        if name in previous:
            extra.append(f"{previous[name]}|labels={pair_labels}")
    return features + extra


class Data:
    """The cached pairs of some files: sorted distinct features, classes, sentence numbers,
    whether the rules left the pair unrelated, and the dense BiLSTM vector of each pair."""

    def __init__(self, path: Path, files: Sequence[int], *, use_conj: bool = False) -> None:
        rows = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        with np.load(path.with_suffix(".npz")) as z:
            states, offsets = z["states"], z["offsets"]
        self.rows = [r for r in rows if r["file"] in files]
        self.X = [sorted(set(conj(r["features"], r["labels"]) if use_conj else r["features"])) for r in self.rows]
        self.y = np.array([CLASS_INDEX[r["y"]] for r in self.rows])
        self.groups = np.array([r["group"] for r in self.rows])
        self.unrelated = np.array(["rule=none" in r["features"] for r in self.rows])
        self.dense = np.stack(
            [pair_dense(states[offsets[r["state"]] : offsets[r["state"] + 1]], r["span"]) for r in self.rows]
        )


def vocab_of(X: list[list[str]], idx: Sequence[int] | np.ndarray, min_count: int) -> dict[str, int]:
    """Column of each feature seen in at least ``min_count`` pairs of ``idx``, in sorted order."""
    counts = Counter(f for i in idx for f in X[i])
    return {f: k for k, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}


def csr(X: list[list[str]], idx: Sequence[int] | np.ndarray, vocab: dict[str, int]) -> Any:
    """The 0/1 sparse matrix of pairs ``idx`` over ``vocab``."""
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for i in idx:
        indices += [vocab[f] for f in X[i] if f in vocab]
        indptr.append(len(indices))
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(idx), len(vocab)))


# ---- learners: fit(data, train indices) -> a Fitted (predict, and save for some)


@dataclass
class Fitted:
    predict: Predict
    save: Callable[[Path, float], None] | None = None


def lr_learner(c: float = 1.0, min_count: int = 1) -> Callable[[Data, np.ndarray], Fitted]:
    """Multinomial logistic regression, as ``train_pairs._fit``."""

    def fit(d: Data, train: np.ndarray) -> Fitted:
        from sklearn.linear_model import LogisticRegression

        vocab = vocab_of(d.X, train, min_count)
        model = LogisticRegression(C=c, max_iter=3000).fit(csr(d.X, train, vocab), d.y[train])

        def predict(idx: np.ndarray) -> np.ndarray:
            p = np.zeros((len(idx), len(CLASSES)))
            p[:, model.classes_] = model.predict_proba(csr(d.X, idx, vocab))
            return p

        def save(path: Path, threshold: float) -> None:
            counts = Counter(f for i in train for f in d.X[i])
            order = [list(model.classes_).index(k) if k in model.classes_ else None for k in range(len(CLASSES))]
            weights = {
                f: [0.0 if k is None else round(float(model.coef_[k, column]), 4) for k in order]
                for f, column in vocab.items()
                if counts[f] >= 2
            }
            bias = [-50.0 if k is None else round(float(model.intercept_[k]), 4) for k in order]
            pair_model = PairModel(CLASSES, dict(sorted(weights.items())), bias, round(threshold, 4))
            path.write_text(pair_model.to_json(), encoding="utf-8")

        return Fitted(predict, save)

    return fit


def hgb_learner(
    min_count: int = 5, iters: int = 300, lr: float = 0.1, leaves: int = 15
) -> Callable[[Data, np.ndarray], Fitted]:
    """Histogram gradient boosting over a dense 0/1 matrix of the features seen ``min_count`` times."""

    def fit(d: Data, train: np.ndarray) -> Fitted:
        from sklearn.ensemble import HistGradientBoostingClassifier

        vocab = vocab_of(d.X, train, min_count)
        model = HistGradientBoostingClassifier(
            max_iter=iters,
            learning_rate=lr,
            max_leaf_nodes=leaves,
            l2_regularization=1.0,
            min_samples_leaf=10,
            random_state=0,
            early_stopping=False,
        )
        model.fit(csr(d.X, train, vocab).toarray().astype(np.float32), d.y[train])

        def predict(idx: np.ndarray) -> np.ndarray:
            p = np.zeros((len(idx), len(CLASSES)))
            p[:, model.classes_] = model.predict_proba(csr(d.X, idx, vocab).toarray().astype(np.float32))
            return p

        return Fitted(predict)

    return fit


def mlp_learner(
    use_dense: bool,
    use_sparse: bool = True,
    hidden: int = 64,
    epochs: int = 3,
    min_count: int = 2,
    dropout: float = 0.3,
    wd: float = 1e-5,
    seed: int = 0,
    lr: float = 2e-3,
) -> Callable[[Data, np.ndarray], Fitted]:
    """One hidden layer: summed embedding rows of the sparse features (seen ``min_count``
    times) plus, with ``use_dense``, a linear map of the standardized dense vector (input
    dropout 0.2); ReLU, dropout, softmax. AdamW, batches of 32, torch on one thread."""

    def fit(d: Data, train: np.ndarray) -> Fitted:
        import torch

        torch.set_num_threads(1)
        torch.manual_seed(seed)
        rng = np.random.default_rng(seed)
        vocab = vocab_of(d.X, train, min_count) if use_sparse else {}
        width = d.dense.shape[1]
        mu = d.dense[train].mean(0)
        sd = d.dense[train].std(0) + 1e-3
        emb = torch.nn.EmbeddingBag(max(len(vocab), 1), hidden, mode="sum")
        torch.nn.init.normal_(emb.weight, 0, 0.05)
        dense_in = torch.nn.Linear(width, hidden)
        out = torch.nn.Linear(hidden, len(CLASSES))
        drop = torch.nn.Dropout(dropout)
        params = [*emb.parameters(), *dense_in.parameters(), *out.parameters()]
        optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=wd)

        def forward(idx: np.ndarray, train_mode: bool) -> Any:
            h = dense_in.bias.expand(len(idx), hidden)
            if use_sparse:
                flat: list[int] = []
                offsets: list[int] = []
                for i in idx:
                    offsets.append(len(flat))
                    flat += [vocab[f] for f in d.X[i] if f in vocab]
                h = h + emb(torch.tensor(flat, dtype=torch.long), torch.tensor(offsets, dtype=torch.long))
            if use_dense:
                x = torch.from_numpy((d.dense[idx] - mu) / sd)
                if train_mode:
                    x = torch.nn.functional.dropout(x, 0.2)
                h = h + x @ dense_in.weight.T
            h = torch.relu(h)
            if train_mode:
                h = drop(h)
            return out(h)

        train = np.array(train)
        for _ in range(epochs):
            perm = rng.permutation(train)
            for b in range(0, len(perm), 32):
                idx = perm[b : b + 32]
                loss = torch.nn.functional.cross_entropy(forward(idx, True), torch.from_numpy(d.y[idx]))
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()

        def predict(idx: np.ndarray) -> np.ndarray:
            with torch.no_grad():
                return torch.softmax(forward(np.array(idx), False), -1).numpy()

        def save(path: Path, threshold: float) -> None:
            words = sorted(vocab, key=vocab.__getitem__)
            np.savez(
                path,
                features=np.frombuffer("\n".join(words).encode(), np.uint8),
                emb=emb.weight.detach().numpy()[: len(words)].astype(np.float32),
                Wd=dense_in.weight.detach().numpy().T.astype(np.float32),
                b1=dense_in.bias.detach().numpy(),
                W2=out.weight.detach().numpy().T,
                b2=out.bias.detach().numpy(),
                mu=mu,
                sd=sd,
                use_dense=np.array(use_dense),
                threshold=np.array(round(threshold, 4)),
            )

        return Fitted(predict, save)

    return fit


LEARNERS: dict[str, Callable[..., Callable[[Data, np.ndarray], Fitted]]] = {
    "lr": lr_learner,
    "hgb": hgb_learner,
    "mlp": lambda **kw: mlp_learner(False, **kw),
    "mlpstates": lambda **kw: mlp_learner(True, **kw),
    "states_only": lambda **kw: mlp_learner(True, use_sparse=False, **kw),
}


@dataclass(frozen=True)
class CvResult:
    threshold: float
    report: dict[str, float]
    gold_added: int  # typed gold pairs among those the rules left unrelated
    log_loss: float
    curve: dict[float, tuple[int, int]]  # precision level -> (added, right) at the most added


def cross_validate(
    d: Data, fit: Callable[[Data, np.ndarray], Fitted], *, folds: int = 5, precision: float = 0.8
) -> CvResult:
    """The threshold protocol of ``train_pairs.choose_threshold`` (module documentation)."""
    scored: list[tuple[float, bool]] = []
    unrelated = np.where(d.unrelated)[0]
    gold_added = int((d.y[unrelated] != 0).sum())
    losses: list[float] = []
    for fold in range(folds):
        train = np.where(d.groups % folds != fold)[0]
        test = unrelated[d.groups[unrelated] % folds == fold]
        p = fit(d, train).predict(test)
        losses += list(-np.log(p[np.arange(len(test)), d.y[test]] + 1e-9))
        best = p.argmax(1)
        for i, k, q in zip(test, best, p[np.arange(len(test)), best]):
            if k != 0:
                scored.append((float(q), bool(k == d.y[i])))
    scored.sort(reverse=True)
    threshold, right = 1.0, 0
    report: dict[str, float] = {"precision": 1.0, "recall": 0.0, "added": 0}
    curve: dict[float, tuple[int, int]] = {}
    for k, (q, ok) in enumerate(scored, 1):
        right += ok
        if right / k >= precision:
            threshold = q
            report = {"precision": right / k, "recall": right / gold_added, "added": k}
        for level in (0.9, 0.85, 0.8, 0.7, 0.6):
            if right / k >= level:
                curve[level] = (k, right)
    return CvResult(threshold, report, gold_added, float(np.mean(losses)), curve)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("learner", choices=sorted(LEARNERS))
    parser.add_argument("--files", default="0", help="comma-separated file indices of collect.py (default: 0)")
    parser.add_argument("--conj", action="store_true", help="add pair-conjunction features")
    parser.add_argument("--kw", default="{}", help="the learner's keyword arguments (JSON)")
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="collect.py's output (default: %(default)s)")
    parser.add_argument("--save", type=Path, help="fit on all pairs and write the model here")
    args = parser.parse_args()
    files = [int(x) for x in args.files.split(",")]
    kw = json.loads(args.kw)
    fit = LEARNERS[args.learner](**kw)
    d = Data(args.pairs, files, use_conj=args.conj)
    started = time.perf_counter()
    cv = cross_validate(d, fit)
    report = cv.report
    print(
        f"{args.learner} files={args.files} conj={args.conj} kw={kw}: {len(set(d.groups))} sentences with pairs, "
        f"{len(d.y)} pairs; threshold {cv.threshold:.4f}; added {report['added']}, "
        f"precision {100 * report['precision']:.1f} %, recall of the {cv.gold_added} missed "
        f"{100 * report['recall']:.2f} %; log-loss {cv.log_loss:.4f}; curve {cv.curve} "
        f"({time.perf_counter() - started:.0f}s)",
        flush=True,
    )
    if args.save:
        fitted = fit(d, np.arange(len(d.y)))
        if fitted.save is None:
            raise SystemExit(f"{args.learner} models cannot be saved")
        args.save.parent.mkdir(parents=True, exist_ok=True)
        fitted.save(args.save, cv.threshold)
        print(f"saved {args.save} ({args.save.stat().st_size / 1e3:.0f} kB)")
    return 0


@dataclass(frozen=True, eq=False)
class MlpPairModel:
    """A saved ``mlp``/``mlpstates`` model: one hidden layer over the pair features (summed
    embedding rows) and, with ``needs_states``, the dense BiLSTM vector of the pair. It reads
    that vector from a ``dense`` attribute of the features (see ``evaluate_dev.py``)."""

    classes: tuple[str, ...]
    rows: dict[str, int]
    emb: np.ndarray
    dense_weight: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    mu: np.ndarray
    sd: np.ndarray
    needs_states: bool
    threshold: float

    def probabilities(self, features: Sequence[str]) -> list[float]:
        """The probability of each class."""
        h = self.b1 + self.emb[[self.rows[f] for f in set(features) if f in self.rows]].sum(0)
        dense = getattr(features, "dense", None)
        if self.needs_states:
            if dense is None:
                raise ValueError("this model needs the BiLSTM vector of each pair")
            h = h + ((dense - self.mu) / self.sd) @ self.dense_weight
        scores = np.maximum(h, 0) @ self.w2 + self.b2
        exps = np.exp(scores - scores.max())
        return (exps / exps.sum()).tolist()


def read_mlp_model(path: Path) -> MlpPairModel:
    """The model of an ``.npz`` written by ``learn.py mlp|mlpstates --save``."""
    with np.load(path, allow_pickle=False) as z:
        words = z["features"].tobytes().decode("utf-8").split("\n")
        return MlpPairModel(
            CLASSES,
            {w: i for i, w in enumerate(words)},
            z["emb"],
            z["Wd"],
            z["b1"],
            z["W2"],
            z["b2"],
            z["mu"],
            z["sd"],
            bool(z["use_dense"]),
            float(z["threshold"]),
        )


if __name__ == "__main__":
    raise SystemExit(main())
