"""Tagging speed of camel-tools' BERT NER against ours, on CPU, in the same run.

    python benchmarks/camel_speed.py [--sentences 200] [--threads 1]

camel-tools' pretrained NER model is not downloaded. Speed does not depend on the
weights, so the script builds a model of the same shape: a bert-base token
classifier (``BertConfig()`` defaults: 12 layers, hidden 768) with 9 labels in
camel-tools' ``_LABELS`` order and random weights (``torch.manual_seed(0)``), and
an Arabic WordPiece vocabulary of 30,000 pieces (CAMeLBERT's size) trained with
``tokenizers`` on a sample of the unlabeled corpus. Its labels are meaningless;
only the time counts.

Importing ``camel_tools.ner`` imports ``camel_tools.data``, which downloads a
catalogue unless ``$CAMELTOOLS_DATA/catalogue.json`` exists; the script imports it
through :func:`arabic_entities.camel_data.import_offline`, which shows camel-tools an
empty local catalogue instead.

Measured, on the first ``--sentences`` sentences of ANERcorp's test split (as
token lists), after loading and one warm-up call on the first sentence (load
plus warm-up is printed apart as load time: our recognizer loads its feature
resources on first use):

* ``camel_tools.ner.NERecognizer(model_dir).predict(sentences)`` (batch 32, CPU);
* ``arabic_entities.ner.load(model_dir).predict(sentences)``: the same model folder through
  :mod:`arabic_entities.ner.camelbert` (length-sorted batches of 32, padded per batch), with
  the share of tokens on which both give the same label (camel-tools' labels taken through
  the same I- → B- repair that makes ours valid IOB2);
* ``arabic_entities.ner.load("builtin").predict(sentences)``;
* ``arabic_entities.load().pipe(" ".join(s) for s in sentences)``, the whole pipeline.

Torch uses ``--threads`` threads (1 by default: one core). The script also checks
that camel-tools returns one label per input token for every sentence (it drops
tokens that its WordPiece tokenizer turns into nothing, camel-tools issue #105).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEST = ROOT / "shared/data/ner/anercorp/camel_split_reconstructed/test.txt"
UNLABELED = ROOT / "shared/data/unlabeled"
LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]


def documents(limit: int) -> Iterator[str]:
    """Up to ``limit`` documents (one per line) of the unlabeled corpus, files in name order."""

    def lines() -> Iterator[str]:
        for path in sorted(UNLABELED.glob("**/*.txt.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                yield from (line.strip() for line in f)

    return itertools.islice((line for line in lines() if line), limit)


def build_model(model_dir: Path, docs: int) -> None:
    """Save a random bert-base token classifier and a trained 30k WordPiece vocab to ``model_dir``."""
    import torch
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertForTokenClassification

    wordpiece = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    wordpiece.train_from_iterator(documents(docs), vocab_size=30000, show_progress=False)
    wordpiece.save_model(str(model_dir))  # vocab.txt

    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=wordpiece.get_vocab_size(),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    BertForTokenClassification(config).save_pretrained(model_dir)


def warm(model, call):
    """``model`` after one ``call(model)``, so lazily loaded resources count as load time."""
    call(model)
    return model


def timed(fn):
    """``(result, seconds)`` of calling ``fn()``."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=200, help="test sentences to tag")
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    parser.add_argument("--docs", type=int, default=20000, help="documents to train the WordPiece vocab on")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp, "model")
        model_dir.mkdir()
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # transformers' save/load bars

        import torch

        torch.set_num_threads(args.threads)
        _, build_s = timed(lambda: build_model(model_dir, args.docs))

        import arabic_entities as ae
        from arabic_entities import ner
        from arabic_entities.camel_data import import_offline
        from arabic_entities.ner.camelbert import valid_iob2
        from arabic_entities.ner.conll import read_conll

        NERecognizer = import_offline("camel_tools.ner").NERecognizer

        sentences = [tokens for tokens, _ in read_conll(TEST)[: args.sentences]]
        n_tokens = sum(map(len, sentences))

        first = sentences[:1]
        camel, camel_load = timed(lambda: warm(NERecognizer(str(model_dir), use_gpu=False), lambda m: m.predict(first)))
        camel_labels, camel_s = timed(lambda: camel.predict(sentences))
        batched, batched_load = timed(lambda: warm(ner.load(model_dir), lambda m: m.predict(first)))
        batched_labels, batched_s = timed(lambda: batched.predict(sentences))
        ours, ours_load = timed(lambda: warm(ner.load("builtin"), lambda m: m.predict(first)))
        _, ours_s = timed(lambda: ours.predict(sentences))
        pipeline, pipe_load = timed(lambda: warm(ae.load(), lambda m: list(m.pipe([" ".join(first[0])]))))
        _, pipe_s = timed(lambda: list(pipeline.pipe([" ".join(s) for s in sentences])))

    pairs = enumerate(zip(sentences, camel_labels))
    mismatches = [i for i, (tokens, labels) in pairs if len(tokens) != len(labels)]
    missing = sum(len(sentences[i]) - len(camel_labels[i]) for i in mismatches)
    rates = {
        name: n_tokens / s
        for name, s in [("camel", camel_s), ("batched", batched_s), ("ours", ours_s), ("pipe", pipe_s)]
    }
    same = [i for i, labels in enumerate(camel_labels) if len(labels) == len(sentences[i])]
    # ours turns an I- that continues nothing into B- (valid IOB2); compare after the same repair
    agree = sum(a == b for i in same for a, b in zip(valid_iob2(camel_labels[i]), batched_labels[i]))
    compared = sum(len(camel_labels[i]) for i in same)
    print(f"sentences {len(sentences)}, tokens {n_tokens}, torch threads {torch.get_num_threads()}")
    print(f"camel-tools NERecognizer.predict   {rates['camel']:10.0f} tokens/s  ({camel_s:.2f} s)")
    print(
        f"same model, ner.load(folder).predict {rates['batched']:8.0f} tokens/s  ({batched_s:.2f} s)"
        f"  {rates['batched'] / rates['camel']:.1f}x camel-tools; labels equal to camel-tools' on"
        f" {agree}/{compared} tokens of the {len(same)} sentences it labels fully"
    )
    print(
        f"ours ner.load('builtin').predict   {rates['ours']:10.0f} tokens/s  ({ours_s:.3f} s)"
        f"  {rates['ours'] / rates['camel']:.0f}x camel-tools"
    )
    print(
        f"ours load().pipe (whole pipeline)  {rates['pipe']:10.0f} tokens/s  ({pipe_s:.3f} s)"
        f"  {rates['pipe'] / rates['camel']:.0f}x camel-tools"
    )
    print(
        f"load: camel-tools {camel_load:.2f} s, same model batched {batched_load:.2f} s, "
        f"ours recognizer {ours_load:.2f} s, "
        f"ours pipeline {pipe_load:.2f} s (after the recognizer); model build {build_s:.1f} s"
    )
    example = f", e.g. sentence {mismatches[0]}" if mismatches else ""
    print(
        f"camel-tools label count != token count: {len(mismatches)} sentences, "
        f"{missing} tokens unlabeled (issue #105){example}"
    )


if __name__ == "__main__":
    main()
