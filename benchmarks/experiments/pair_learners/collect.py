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
from arabic_entities.ner.bilstm import BATCH_SIZE, BiLSTMRecognizer, run_lstms
from arabic_entities.relations.pairs import pair_classes
from arabic_entities.relations.rules import extract_relations
from arabic_entities.relations.train_pairs import _gold_class, parse_markup
from arabic_entities.threads import limit_threads

ROOT = Path(__file__).resolve().parents[3]
FILES = (ROOT / "data/relation_training/sentences.jsonl", ROOT / "data/relation_training/round3.jsonl")
OUTPUT = ROOT / "build/pair_learners/pairs"


def sentence_states(recognizer: BiLSTMRecognizer, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """The LSTM hidden states of each token of each sentence, (T, 2 x networks x H): for each
    network its forward then its backward state, both aligned with the tokens.

    The time loop of ``BiLSTMRecognizer._scores``, kept outside the package: the same
    projections (``_project``), batches and ``run_lstms``, without the emissions.
    """
    encoded = [[recognizer.encoder.encode(token) for token in tokens] for tokens in sentences]
    networks = len(recognizer.networks)
    width = 2 * networks * recognizer.hidden_weights.shape[1]
    results = [np.zeros((len(tokens), width), np.float32) for tokens in encoded]
    if not any(encoded):
        return results
    distinct = sorted({token for sentence in encoded for token in sentence}, key=lambda t: len(t.chars))
    row_of = {token: row for row, token in enumerate(distinct)}
    with limit_threads(1):
        forward_inputs, backward_inputs = recognizer._project(distinct)
        pad = len(distinct)
        order = sorted((i for i in range(len(encoded)) if encoded[i]), key=lambda i: len(encoded[i]))
        for first in range(0, len(order), BATCH_SIZE):
            batch = order[first : first + BATCH_SIZE]
            lengths = np.array([len(encoded[i]) for i in batch])
            rows = np.full((len(batch), lengths.max()), pad)
            for b, i in enumerate(batch):
                rows[b, : lengths[b]] = [row_of[token] for token in encoded[i]]
            step = np.arange(rows.shape[1])[None, :]
            reverse = np.where(step < lengths[:, None], lengths[:, None] - 1 - step, step)
            reversed_rows = np.take_along_axis(rows, reverse, 1)
            four_hidden = forward_inputs.shape[2]
            gates_in = np.empty((rows.shape[1], 2 * networks, len(batch), four_hidden), np.float32)  # T, 2N, B, 4H
            gates_in[:, 0::2] = forward_inputs[rows.T].transpose(0, 2, 1, 3)
            gates_in[:, 1::2] = backward_inputs[reversed_rows.T].transpose(0, 2, 1, 3)
            outputs = run_lstms(gates_in, recognizer.hidden_weights).transpose(1, 2, 0, 3)  # 2N, B, T, H
            parts = []
            for m in range(networks):
                parts.append(outputs[2 * m])
                parts.append(np.take_along_axis(outputs[2 * m + 1], reverse[:, :, None], 1))
            joined = np.concatenate(parts, -1)
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
            text, mentions = parse_markup(record["annotated"])
            doc = nlp(text, f"train-{number}")
            predicted: dict[str, Counter[str]] = {}
            for start, end, _, key in mentions:
                for m in doc.mentions:
                    overlap = min(m.end, end) - max(m.start, start)
                    if overlap > 0:
                        predicted.setdefault(key, Counter())[m.entity_id] += overlap
            entity_of = {key: counts.most_common(1)[0][0] for key, counts in predicted.items()}
            key_of = {entity: key for key, entity in entity_of.items()}
            gold = {frozenset((p["head"], p["tail"])): p for p in record["pairs"]}
            state_of: dict[int, int] = {}
            for first, second, features in pair_classes(doc, extract_relations(doc)):
                first_key, second_key = key_of.get(first.entity_id), key_of.get(second.entity_id)
                if first_key is None or second_key is None or first_key == second_key:
                    continue
                pair = gold.get(frozenset((first_key, second_key)))
                if pair is None:
                    continue
                sentence = doc.sentences[first.sentence]
                if first.sentence not in state_of:
                    tokens = [t.norm for t in doc.tokens[sentence.token_start : sentence.token_end]]
                    state_of[first.sentence] = len(states)
                    states.append(sentence_states(recognizer, [tokens])[0])
                offset = sentence.token_start
                rows.append(
                    {
                        "features": features,
                        "y": _gold_class(pair, first_key) if pair["type"] != "none" else "none",
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
