"""Score a pair model of ``learn.py --save`` end to end on the dev parts of the relation sets.

    .venv/bin/python benchmarks/experiments/pair_learners/evaluate_dev.py MODEL \
        [--set composed|realnews|both] [--show-errors]

MODEL is a ``.json`` (a ``PairModel``, as the package ships) or an ``.npz`` (``mlp`` or
``mlpstates``). Within this process only, the pipeline's pair model is swapped for MODEL:
``arabic_entities.relations.pairs.load_pair_model`` returns it, and, for a model that reads
the BiLSTM states, ``pairs.pair_classes`` hands each pair's features over with the dense
vector of the pair attached (the recognizer's states of its sentence, as ``collect.py``
computes them). Then ``benchmarks/relation_accuracy.py`` runs as it is, on ``--split dev``.
The test parts are refused: they are for the shipped model.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # benchmarks/, for relation_accuracy

import relation_accuracy  # noqa: E402
from collect import sentence_states  # noqa: E402
from learn import MlpPairModel, pair_dense, read_mlp_model  # noqa: E402

from arabic_entities.document import Document, Mention, Relation  # noqa: E402
from arabic_entities.ner.bilstm import BiLSTMRecognizer  # noqa: E402
from arabic_entities.relations import pairs  # noqa: E402


class Features(list):
    """A pair's features, with the dense BiLSTM vector of the pair as ``dense``."""

    dense: np.ndarray


@functools.cache
def _recognizer() -> BiLSTMRecognizer:
    return BiLSTMRecognizer()


def with_states(original: Any) -> Any:
    """``pair_classes`` that attaches each pair's dense vector to its features."""

    def pair_classes(
        doc: Document, ruled: Sequence[Relation] = (), *, unrelated_within: int | None = None
    ) -> Iterator[tuple[Mention, Mention, list[str]]]:
        states: dict[int, np.ndarray] = {}
        for first, second, features in original(doc, ruled, unrelated_within=unrelated_within):
            sentence = doc.sentences[first.sentence]
            if first.sentence not in states:
                tokens = [t.norm for t in doc.tokens[sentence.token_start : sentence.token_end]]
                states[first.sentence] = sentence_states(_recognizer(), [tokens])[0]
            offset = sentence.token_start
            span = (
                first.token_start - offset,
                first.token_end - offset,
                second.token_start - offset,
                second.token_end - offset,
            )
            attached = Features(features)
            attached.dense = pair_dense(states[first.sentence], span)
            yield first, second, attached

    return pair_classes


def use_model(path: Path) -> pairs.PairModel | MlpPairModel:
    """Swap the pipeline's pair model for the model at ``path`` (this process only)."""
    model: pairs.PairModel | MlpPairModel
    if path.suffix == ".npz":
        model = read_mlp_model(path)
        if model.needs_states:
            pairs.pair_classes = with_states(pairs.pair_classes)
    else:
        model = pairs.read_pair_model(path)
    pairs.load_pair_model = lambda: model  # type: ignore[assignment]
    return model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", type=Path, help="a .json PairModel or an .npz of learn.py")
    parser.add_argument("--set", choices=("composed", "realnews", "both"), default="both", dest="which")
    parser.add_argument("--split", default="dev", help="dev only (test is refused)")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    if args.split != "dev":
        parser.error(f"--split {args.split}: only the dev parts may be used to compare pair models")
    model = use_model(args.model)
    print(f"pair model: {args.model} ({type(model).__name__}, threshold {model.threshold})")
    for which in ("composed", "realnews") if args.which == "both" else (args.which,):
        argv = [relation_accuracy.__file__, "--set", which, "--split", "dev"]
        if args.show_errors:
            argv.append("--show-errors")
        sys.argv = argv
        print()
        relation_accuracy.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
