"""Train the shipped CRF tagger (``ner.load("crf")``); these commands reproduce its model file.

    python -m arabic_entities.lexicon.build_names --data ../shared/data/gazetteers \\
        --sources arwikicats world_cities wikidata_names --output build/training-names.tsv.gz
    python -m arabic_entities.ner.train_crf --train ../shared/data/ner/anercorp/camel_split_reconstructed/train.txt \\
        --names build/training-names.tsv.gz

Run them from the repository root: ``build/`` is the work folder, relative to the
current directory. The first makes the name table the shipped model was trained on
(the shipped table's names before CLDR and the curated table were added); without
``--names`` the features read the shipped table, like the recognizer. They always
read the shipped word clusters. The model goes to ``build/crf.crfsuite``;
``--output arabic_entities/ner/models/crf.crfsuite`` replaces the shipped one. Equal
input gives equal bytes; the shipped file's hash is in ``arabic_entities/data_manifest.json``.

With ``--dev-fraction`` the last part of the training sentences is held out and
scored (hyper-parameters are chosen on that dev split, never on a test split).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..lexicon.gazetteer import Gazetteer, load_gazetteer
from ..manifest import WORK_DIR
from .conll import TaggedSentence, read_conll
from .crf import CRFRecognizer
from .features import CRFFeatures
from .scoring import Report, score_recognizer

__all__ = ["OUTPUT", "TrainingConfig", "train_crf", "split_dev", "main"]

#: Where the command writes the model by default.
OUTPUT = WORK_DIR / "crf.crfsuite"


@dataclass(frozen=True)
class TrainingConfig:
    """CRF hyper-parameters (L-BFGS with elastic-net regularization)."""

    c1: float = 0.02
    c2: float = 0.01
    max_iterations: int = 300
    min_feature_freq: int = 1
    #: Probability of hiding each entity word in the extra "unseen names" copy of a
    #: sentence (0 adds no copies); see ``CRFFeatures.sentence(hidden=...)``.
    hide_entities: float = 0.5
    seed: int = 1


def split_dev(sentences: list[TaggedSentence], fraction: float) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """Hold out the last ``fraction`` of the sentences (a sequential split, like the test split)."""
    if not 0 <= fraction < 1:
        raise ValueError(f"dev fraction must be in [0, 1), got {fraction}")
    cut = len(sentences) - int(round(len(sentences) * fraction))
    return sentences[:cut], sentences[cut:]


def train_crf(
    sentences: list[TaggedSentence],
    model_path: str | os.PathLike,
    *,
    config: TrainingConfig = TrainingConfig(),
    gazetteer: Gazetteer | None = None,
    verbose: bool = False,
) -> None:
    """Fit a CRF on ``(tokens, tags)`` sentences and write it to ``model_path``; the
    features read ``gazetteer`` (the shipped name table by default)."""
    import pycrfsuite

    features = CRFFeatures(gazetteer)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    rng = random.Random(config.seed)
    for tokens, tags in sentences:
        trainer.append(features.sentence(tokens), tags)
        if config.hide_entities > 0 and any(tag != "O" for tag in tags):
            hidden = [tag != "O" and rng.random() < config.hide_entities for tag in tags]
            trainer.append(features.sentence(tokens, hidden=hidden), tags)
    trainer.set_params(
        {
            "c1": config.c1,
            "c2": config.c2,
            "max_iterations": config.max_iterations,
            "feature.minfreq": config.min_feature_freq,
            "feature.possible_transitions": True,
        }
    )
    Path(model_path).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(os.fspath(model_path))


def score(
    model_path: str | os.PathLike, sentences: list[TaggedSentence], *, gazetteer: Gazetteer | None = None
) -> Report:
    """Span-level scores of the model at ``model_path`` (features on ``gazetteer``) on
    ``(tokens, tags)`` sentences."""
    return score_recognizer(CRFRecognizer(model_path, gazetteer=gazetteer), sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arabic_entities.ner.train_crf",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--train", required=True, type=Path, help="CoNLL training file")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="model file to write (default: %(default)s)")
    parser.add_argument(
        "--dev-fraction",
        type=float,
        default=0.0,
        help="hold out this last fraction of sentences and report scores on it",
    )
    parser.add_argument("--limit", type=int, default=None, help="use only the first N sentences")
    parser.add_argument("--c1", type=float, default=TrainingConfig.c1)
    parser.add_argument("--c2", type=float, default=TrainingConfig.c2)
    parser.add_argument("--max-iterations", type=int, default=TrainingConfig.max_iterations)
    parser.add_argument("--min-feature-freq", type=int, default=TrainingConfig.min_feature_freq)
    parser.add_argument("--hide-entities", type=float, default=TrainingConfig.hide_entities)
    parser.add_argument(
        "--names", type=Path, default=None, help="name table the features read (default: the shipped one)"
    )
    args = parser.parse_args(argv)

    sentences = read_conll(args.train)[: args.limit]
    train, dev = split_dev(sentences, args.dev_fraction)
    config = TrainingConfig(args.c1, args.c2, args.max_iterations, args.min_feature_freq, args.hide_entities)
    started = time.perf_counter()
    gazetteer = load_gazetteer(args.names) if args.names else None
    train_crf(train, args.output, config=config, gazetteer=gazetteer)
    elapsed = time.perf_counter() - started
    size = os.path.getsize(args.output) / 1e6
    print(f"trained on {len(train)} sentences in {elapsed:.1f}s -> {args.output} ({size:.1f} MB)")
    if dev:
        print(f"dev: {len(dev)} sentences")
        print(score(args.output, dev, gazetteer=gazetteer).table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
