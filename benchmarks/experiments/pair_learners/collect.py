"""Cache the pair model's training pairs, and the BiLSTM states of each pair's sentence.

    .venv/bin/python benchmarks/experiments/pair_learners/collect.py \
        [--output build/pair_learners/pairs] [FILE ...]

FILEs default to ``data/relation_training/sentences.jsonl`` (file 0) and ``round3.jsonl``
(file 1). The pairs are made exactly as ``train_pairs.training_pairs`` makes them (same
pipeline, same matching of gold keys to predicted entities); sentence numbers run on across
the files. Writes ``OUTPUT.json`` (one row per pair: features, gold class, sentence number,
file, state index, token span, labels) and ``OUTPUT.npz`` (the states of every sentence that
holds a pair, concatenated, with their offsets).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

import arabic_entities as ae
from arabic_entities.ner.bilstm import BiLSTMRecognizer
from arabic_entities.relations.train_pairs import labelled_pairs
from arabic_entities.threads import limit_threads

ROOT = Path(__file__).resolve().parents[3]
FILES = (ROOT / "data/relation_training/sentences.jsonl", ROOT / "data/relation_training/round3.jsonl")
OUTPUT = ROOT / "build/pair_learners/pairs"


def sentence_states(recognizer: BiLSTMRecognizer, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """The LSTM hidden states of each token of each sentence, (T, 2 x networks x H): for each
    network its forward then its backward state, both aligned with the tokens
    (``BiLSTMRecognizer.lstm_states``, the recognizer's own time loop, without the emissions).
    """
    encoded = [[recognizer.encoder.encode(token) for token in tokens] for tokens in sentences]
    width = 2 * len(recognizer.networks) * recognizer.hidden_weights.shape[1]
    results = [np.zeros((len(tokens), width), np.float32) for tokens in encoded]
    with limit_threads(1):
        for batch, lengths, states in recognizer.lstm_states(encoded):
            joined = np.concatenate(list(states), -1)  # B, T, 2N x H
            for b, i in enumerate(batch):
                results[i] = joined[b, : lengths[b]]
    return results


def collect(files: Sequence[Path], output: Path) -> None:
    """Write ``output``.json and ``output``.npz (see the module documentation)."""
    nlp = ae.load(relations=False)
    recognizer = nlp.recognizer
    if not isinstance(recognizer, BiLSTMRecognizer):
        raise SystemExit(f"the pipeline's recognizer is {recognizer!r}, not the BiLSTM")
    rows: list[dict] = []
    states: list[np.ndarray] = []
    number = 0
    started = time.perf_counter()
    for file_index, path in enumerate(files):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for record in records:
            doc, labelled = labelled_pairs(nlp, record, f"train-{number}")
            state_of: dict[int, int] = {}
            for first, second, features, gold in labelled:
                sentence = doc.sentences[first.sentence]
                if first.sentence not in state_of:
                    tokens = [t.norm for t in doc.tokens[sentence.token_start : sentence.token_end]]
                    state_of[first.sentence] = len(states)
                    states.append(sentence_states(recognizer, [tokens])[0])
                offset = sentence.token_start
                rows.append(
                    {
                        "features": features,
                        "y": gold,
                        "group": number,
                        "file": file_index,
                        "state": state_of[first.sentence],
                        "span": (
                            first.token_start - offset,
                            first.token_end - offset,
                            second.token_start - offset,
                            second.token_end - offset,
                        ),
                        "labels": (first.label, second.label),
                    }
                )
            number += 1
            if number % 400 == 0:
                print(f"{number} sentences, {len(rows)} pairs, {time.perf_counter() - started:.0f}s", flush=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    lengths = np.array([len(s) for s in states])
    np.savez(
        output.with_suffix(".npz"), states=np.concatenate(states), offsets=np.concatenate([[0], np.cumsum(lengths)])
    )
    output.with_suffix(".json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    print(f"done: {number} sentences, {len(rows)} pairs {dict(Counter(r['y'] for r in rows).most_common())}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=list(FILES), help="annotated sentences (JSONL)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="path without suffix (default: %(default)s)")
    args = parser.parse_args()
    collect(args.files, args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
