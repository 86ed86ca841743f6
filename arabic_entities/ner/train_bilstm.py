"""Train the built-in BiLSTM-CRF tagger; these commands reproduce the shipped model file.

    git show 5b3703a:arabic_entities/ner/models/bilstm.npz > build/teacher.npz
    python scripts/self_label.py --articles 6000 --output build/self_labeled.conll --recognizer build/teacher.npz
    OMP_NUM_THREADS=1 python -m arabic_entities.ner.train_bilstm --seeds 1 --epochs 12 --vectors build/teacher.npz \\
        --train ../shared/data/ner/anercorp/camel_split_reconstructed/train.txt build/self_labeled.conll

Run them from the repository root: ``build/`` is the work folder, relative to the
current directory. The first two make the self-labelled news: the whole pipeline, with
the model of issue 3 (trained on ANERcorp alone) as its recognizer, labels 6,000 random
unlabeled articles that no benchmark uses. That model's int8 word table is the new
model's too (``--vectors`` reads a model file or the vectors ``build/vectors.npz`` of
``python -m arabic_entities.lexicon.build_clusters --data ../shared/data/unlabeled --vectors``,
the default, the same word2vec run that makes the shipped clusters). More ``--train`` files can be added, such as
``../shared/data/ner/wikifane_gold/wikifane_gold.anerstyle.conll`` (tried, not shipped:
``benchmarks/RESULTS.md``). ``--auxiliary FILE`` trains the shared encoder on another
corpus through an output layer and CRF of its own, with that corpus's own tags, which
the model file leaves out (WikiFANE's training part, ``scripts/split_wikifane.py``, with
its coarse or its 50 fine classes: tried, not shipped). The encoder reads the shipped name table (``--names`` picks
another, such as the one ``build_names --sources arwikicats world_cities wikidata_names``
makes, which the models of issue 3 were trained on). The model goes to
``build/bilstm.npz``; ``--output arabic_entities/ner/models/bilstm.npz`` replaces
the shipped one. It is written with fixed zip metadata
(:func:`~arabic_entities.lexicon.build_clusters.write_npz`), so equal weights give
equal bytes; the shipped file's hash is in ``arabic_entities/data_manifest.json``.

Several ``--train`` files are concatenated; the last ``--dev-fraction`` of the
first file's sentences is held out: each seed trains for at most
``--epochs`` epochs and keeps the epoch that scored best on it. The networks of
all seeds go into one ``.npz`` and are averaged at inference. Training needs
torch (``pip install arabic-entities[train]``); inference does not.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np

from ..lexicon.arabic import TITLE_WORDS
from ..lexicon.build_clusters import VECTORS_OUTPUT, load_vectors, write_npz
from ..lexicon.clusters import load_clusters
from ..lexicon.gazetteer import Gazetteer, load_gazetteer
from ..manifest import WORK_DIR
from ..text.normalize import match_key
from .bilstm import MEMBER_ARRAYS, MODEL_FORMAT, BiLSTMRecognizer
from .conll import TaggedSentence, read_conll
from .encoding import CLUSTER_SIZE, GAZETTEER_LABELS, TAGS, EncodedToken, TokenEncoder, pad_batch
from .scoring import Report, score_recognizer
from .train_crf import split_dev

__all__ = ["OUTPUT", "BiLSTMConfig", "quantize", "titles_outside", "train_bilstm", "write_model", "main"]

#: Where the command writes the model by default.
OUTPUT = WORK_DIR / "bilstm.npz"


@dataclass(frozen=True)
class BiLSTMConfig:
    """Network size and training schedule."""

    hidden: int = 100  #: LSTM units per direction
    char_dim: int = 32
    char_filters: int = 50
    char_width: int = 3
    cluster_dim: int = 16
    source_dim: int = 8
    dropout: float = 0.5
    #: Probability of hiding a word's vector (and cluster) in training, so that the
    #: network learns to tag names it has no vector for.
    word_dropout: float = 0.1
    learning_rate: float = 2e-3
    batch_size: int = 32
    epochs: int = 40
    min_char_count: int = 2


def quantize(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 rows and their float32 scales: ``matrix ≈ q * scale[:, None]``."""
    scales = np.abs(matrix).max(1) / 127
    scales[scales == 0] = 1
    quantized = np.round(matrix / scales[:, None]).astype(np.int8)
    return quantized, scales.astype(np.float32)


_TITLE_KEYS = frozenset(match_key(word) for word in TITLE_WORDS)


def titles_outside(sentence: TaggedSentence) -> TaggedSentence:
    """The sentence with title words taken out of the front of person spans, as the
    library marks people (WikiFANE puts them in, ANERcorp mostly not).

    >>> titles_outside((["الامير", "فيصل", "قال"], ["B-PERS", "I-PERS", "O"]))
    (['الامير', 'فيصل', 'قال'], ['O', 'B-PERS', 'O'])
    """
    tokens, tags = sentence
    tags = list(tags)
    for i, tag in enumerate(tags):
        if tag == "B-PERS" and i + 1 < len(tags) and tags[i + 1] == "I-PERS" and match_key(tokens[i]) in _TITLE_KEYS:
            tags[i], tags[i + 1] = "O", "B-PERS"
    return tokens, tags


def tag_set(sentences: Sequence[TaggedSentence]) -> list[str]:
    """The tags of a corpus, ``O`` first, then sorted.

    >>> tag_set([(["ذهب", "إلى", "جوبا"], ["O", "O", "B-Population-Center"])])
    ['O', 'B-Population-Center']
    """
    return ["O", *sorted({tag for _, tags in sentences for tag in tags} - {"O"})]


def char_vocabulary(sentences: Sequence[TaggedSentence], min_count: int) -> str:
    """Characters of the training keys seen at least ``min_count`` times, sorted."""
    counts = Counter(char for tokens, _ in sentences for token in tokens for char in match_key(token))
    return "".join(sorted(char for char, n in counts.items() if n >= min_count))


def _network(config: BiLSTMConfig, word_table: np.ndarray, n_chars: int, *, heads: Sequence[int] = (len(TAGS),)) -> Any:
    """The torch network: a shared encoder and one output layer with its CRF per entry of
    ``heads`` (its number of tags). Head 0 is the model's; the others learn other corpora's
    conventions and tag sets (``--auxiliary``)."""
    import torch
    from torch import nn

    class Head(nn.Module):
        def __init__(self, tags: int) -> None:
            super().__init__()
            self.out = nn.Linear(2 * config.hidden, tags)
            self.transitions = nn.Parameter(torch.zeros(tags, tags))
            self.start = nn.Parameter(torch.zeros(tags))
            self.end = nn.Parameter(torch.zeros(tags))

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = nn.Embedding.from_pretrained(torch.from_numpy(word_table), freeze=True)
            self.source = nn.Embedding(3, config.source_dim)
            self.cluster = nn.Embedding(CLUSTER_SIZE + 1, config.cluster_dim)
            self.chars = nn.Embedding(n_chars, config.char_dim, padding_idx=0)
            self.conv = nn.Conv1d(
                config.char_dim, config.char_filters, config.char_width, padding=config.char_width // 2
            )
            self.drop = nn.Dropout(config.dropout)
            width = word_table.shape[1] + config.source_dim + config.cluster_dim
            width += 2 * len(GAZETTEER_LABELS) + config.char_filters
            self.lstm = nn.LSTM(width, config.hidden, batch_first=True, bidirectional=True)
            self.heads = nn.ModuleList([Head(tags) for tags in heads])

        def emissions(self, ids: dict[str, torch.Tensor], head: int = 0) -> torch.Tensor:
            chars = ids["chars"]
            size, steps, width = chars.shape
            conv = self.conv(self.chars(chars.view(-1, width)).transpose(1, 2))
            conv = conv.masked_fill(chars.view(-1, 1, width) == 0, -1e4).max(2).values
            char_features = torch.tanh(conv).view(size, steps, -1)
            x = torch.cat(
                [
                    self.words(ids["word"]),
                    self.source(ids["word_source"]),
                    self.cluster(ids["cluster"]),
                    ids["gazetteer"],
                    char_features,
                ],
                -1,
            )
            packed = nn.utils.rnn.pack_padded_sequence(
                self.drop(x), ids["lengths"], batch_first=True, enforce_sorted=False
            )
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=steps)
            return cast(Head, self.heads[head]).out(self.drop(h))

        def loss(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor, head: int = 0) -> torch.Tensor:
            """Mean negative log-likelihood of the gold paths under the CRF of ``head``."""
            crf = cast(Head, self.heads[head])
            alpha = crf.start + emissions[:, 0]
            gold = crf.start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1])[:, 0]
            for t in range(1, emissions.shape[1]):
                live = mask[:, t]
                step = torch.logsumexp(alpha[:, :, None] + crf.transitions, 1) + emissions[:, t]
                alpha = torch.where(live[:, None], step, alpha)
                gain = crf.transitions[tags[:, t - 1], tags[:, t]] + emissions[:, t].gather(1, tags[:, t : t + 1])[:, 0]
                gold = gold + torch.where(live, gain, torch.zeros_like(gain))
            last = tags.gather(1, (mask.sum(1) - 1)[:, None])[:, 0]
            gold = gold + crf.end[last]
            return (torch.logsumexp(alpha + crf.end, 1) - gold).mean()

    return Tagger()


def export_member(model: Any) -> dict[str, np.ndarray]:
    """The numpy arrays of one trained network (its first head), named as :class:`.bilstm.Network` reads them."""
    p = {name: value.detach().numpy().astype(np.float32) for name, value in model.state_dict().items()}
    conv = p["conv.weight"]  # (filters, char_dim, width) -> (width * char_dim, filters)
    arrays = {
        "source_embedding": p["source.weight"],
        "cluster_embedding": p["cluster.weight"],
        "char_embedding": p["chars.weight"],
        "conv_weight": conv.transpose(2, 1, 0).reshape(-1, conv.shape[0]),
        "conv_bias": p["conv.bias"],
        "lstm_input_weight": np.concatenate([p["lstm.weight_ih_l0"].T, p["lstm.weight_ih_l0_reverse"].T], 1),
        "lstm_bias": np.concatenate(
            [p["lstm.bias_ih_l0"] + p["lstm.bias_hh_l0"], p["lstm.bias_ih_l0_reverse"] + p["lstm.bias_hh_l0_reverse"]]
        ),
        "lstm_hidden_weight": np.stack([p["lstm.weight_hh_l0"].T, p["lstm.weight_hh_l0_reverse"].T]),
        "output_weight": p["heads.0.out.weight"].T,
        "output_bias": p["heads.0.out.bias"],
        "transitions": p["heads.0.transitions"],
        "start": p["heads.0.start"],
        "end": p["heads.0.end"],
    }
    assert set(arrays) == set(MEMBER_ARRAYS)
    return {name: np.ascontiguousarray(value) for name, value in arrays.items()}


def _text(value: str) -> np.ndarray:
    return np.frombuffer(value.encode("utf-8"), dtype=np.uint8)


def model_config(*, chars: str, members: int) -> dict:
    """The ``config`` record of a model file (read back by :class:`.bilstm.BiLSTMRecognizer`)."""
    return {
        "format": MODEL_FORMAT,
        "tags": list(TAGS),
        "chars": chars,
        "members": members,
        "clusters": True,
        "gazetteer": True,
    }


def write_model(
    path: str | Path,
    *,
    members: Sequence[dict[str, np.ndarray]],
    word_keys: Sequence[str],
    word_vectors: np.ndarray,
    word_scales: np.ndarray,
    chars: str,
) -> None:
    """Write the ``.npz`` model file read by :class:`.bilstm.BiLSTMRecognizer`.

    Uncompressed (it loads faster), with fixed zip metadata: equal arrays, equal bytes.
    """
    config = model_config(chars=chars, members=len(members))
    arrays = {
        "config": _text(json.dumps(config, ensure_ascii=False)),
        "word_keys": _text("\n".join(word_keys)),
        "word_vectors": word_vectors,
        "word_scales": word_scales,
    }
    for i, member in enumerate(members):
        arrays.update({f"member{i}/{name}": value for name, value in member.items()})
    write_npz(path, arrays, compress=False)


def train_bilstm(
    train: Sequence[TaggedSentence],
    dev: Sequence[TaggedSentence],
    *,
    vectors_path: str | Path,
    output: str | Path,
    seeds: Sequence[int] = (1,),
    config: BiLSTMConfig = BiLSTMConfig(),
    threads: int = 1,
    names: str | Path | None = None,
    auxiliary: Sequence[Sequence[TaggedSentence]] = (),
    log: Callable[[str], object] = print,
) -> dict[str, Any]:
    """Train one network per seed (best dev epoch of each) and write them to ``output``.

    ``names`` is the name table the encoder reads (``None``: the shipped one). Each
    corpus in ``auxiliary`` trains the shared encoder through an output layer and CRF
    of its own, which the model file leaves out: the model learns from text annotated
    by other conventions without taking them up.
    Returns a summary: per seed the best dev F1, its epoch and the training seconds.
    Without a dev split the last epoch is kept.
    """
    return _train_bilstm(
        train,
        dev,
        vectors_path=vectors_path,
        output=output,
        seeds=seeds,
        config=config,
        threads=threads,
        gazetteer=load_gazetteer() if names is None else load_gazetteer(Path(names)),
        auxiliary=auxiliary,
        log=log,
    )


def _train_bilstm(
    train: Sequence[TaggedSentence],
    dev: Sequence[TaggedSentence],
    *,
    vectors_path: str | Path,
    output: str | Path,
    seeds: Sequence[int],
    config: BiLSTMConfig,
    threads: int,
    gazetteer: Gazetteer,
    auxiliary: Sequence[Sequence[TaggedSentence]],
    log: Callable[[str], object],
) -> dict[str, Any]:
    import torch

    torch.set_num_threads(threads)
    keys, matrix = load_vectors(vectors_path)
    word_vectors, word_scales = quantize(matrix / matrix.std())
    table = word_vectors.astype(np.float32) * word_scales[:, None]
    table = np.concatenate([np.zeros((1, table.shape[1]), np.float32), table])
    chars = char_vocabulary(train, config.min_char_count)
    encoder = TokenEncoder(
        {key: row for row, key in enumerate(keys)},
        {c: i for i, c in enumerate(chars, 2)},
        clusters=load_clusters(),
        gazetteer=gazetteer,
    )
    tag_sets = [list(TAGS), *(tag_set(corpus) for corpus in auxiliary)]
    tag_ids = [{tag: i for i, tag in enumerate(tags)} for tags in tag_sets]
    data = [
        ([encoder.encode(t) for t in tokens], [tag_ids[head][t] for t in tags], head)
        for head, corpus in enumerate([train, *auxiliary])
        for tokens, tags in corpus
    ]

    def batch_tensors(
        batch: Sequence[tuple[list[EncodedToken], list[int], int]], rng: random.Random | None
    ) -> tuple[dict[str, torch.Tensor], torch.Tensor, torch.Tensor]:
        ids = pad_batch([tokens for tokens, _, _ in batch])
        if rng is not None and config.word_dropout > 0:
            hide = np.array([[rng.random() < config.word_dropout for _ in range(ids["word"].shape[1])] for _ in batch])
            ids["word"][hide] = 0
            ids["word_source"][hide] = 2
            ids["cluster"][hide] = 0
        tensors = {name: torch.from_numpy(value) for name, value in ids.items()}
        tags: np.ndarray = np.zeros(ids["word"].shape, np.int64)
        for row, (_, sentence_tags, _) in enumerate(batch):
            tags[row, : len(sentence_tags)] = sentence_tags
        mask = np.arange(tags.shape[1])[None] < ids["lengths"][:, None]
        return tensors, torch.from_numpy(tags), torch.from_numpy(mask)

    members: list[dict[str, np.ndarray]] = []
    summary: dict[str, Any] = {"config": asdict(config), "seeds": {}}
    for seed in seeds:
        rng = random.Random(seed)
        torch.manual_seed(seed)
        model = _network(config, table, len(chars) + 2, heads=[len(tags) for tags in tag_sets])
        optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=config.learning_rate)
        best, best_epoch, history = -1.0, 0, []
        best_state: dict[str, np.ndarray] | None = None
        started = time.perf_counter()
        for epoch in range(1, config.epochs + 1):
            model.train()
            # each batch holds sentences of one corpus and of about one length
            order = sorted(range(len(data)), key=lambda i: len(data[i][0]) + rng.uniform(-3, 3))
            batches = [
                part[i : i + config.batch_size]
                for head in range(1 + len(auxiliary))
                for part in [[j for j in order if data[j][2] == head]]
                for i in range(0, len(part), config.batch_size)
            ]
            rng.shuffle(batches)
            total = 0.0
            for batch in batches:
                head = data[batch[0]][2]
                tensors, tags, mask = batch_tensors([data[i] for i in batch], rng)
                loss = model.loss(model.emissions(tensors, head), tags, mask, head)
                optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                optimizer.step()
                total += loss.item() * len(batch)
            f1 = (
                _score(
                    model,
                    train_chars=chars,
                    keys=keys,
                    vectors=(word_vectors, word_scales),
                    dev=dev,
                    gazetteer=gazetteer,
                ).micro.f1
                if dev
                else 0.0
            )
            history.append((epoch, round(total / len(data), 3), round(100 * f1, 2)))
            log(
                f"seed {seed} epoch {epoch}: loss {total / len(data):.3f} dev F1 {100 * f1:.2f} "
                f"({time.perf_counter() - started:.0f}s)"
            )
            if f1 > best or not dev:
                best, best_epoch, best_state = f1, epoch, export_member(model)
        if best_state is None:
            raise ValueError(f"no epoch trained (epochs: {config.epochs})")
        members.append(best_state)
        summary["seeds"][seed] = {
            "dev_f1": round(100 * best, 2),
            "epoch": best_epoch,
            "seconds": round(time.perf_counter() - started),
            "history": history,
        }
    write_model(
        output, members=members, word_keys=keys, word_vectors=word_vectors, word_scales=word_scales, chars=chars
    )
    return summary


def _score(
    model: Any,
    *,
    train_chars: str,
    keys: Sequence[str],
    vectors: tuple[np.ndarray, np.ndarray],
    dev: Sequence[TaggedSentence],
    gazetteer: Gazetteer,
) -> Report:
    """Dev scores of the network in its current state, through the numpy recognizer."""
    model.eval()
    recognizer = BiLSTMRecognizer.from_arrays(
        model_config(chars=train_chars, members=1),
        word_keys=keys,
        word_vectors=vectors[0],
        word_scales=vectors[1],
        members=[export_member(model)],
        gazetteer=gazetteer,
    )
    return score_recognizer(recognizer, dev)


def score(model_path: str | Path, sentences: Sequence[TaggedSentence], *, gazetteer: Gazetteer | None = None) -> Report:
    """Span-level scores of the model at ``model_path`` (gazetteer flags from ``gazetteer``)
    on ``(tokens, tags)`` sentences."""
    return score_recognizer(BiLSTMRecognizer(model_path, gazetteer=gazetteer), sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arabic_entities.ner.train_bilstm",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--train",
        required=True,
        type=Path,
        nargs="+",
        help="CoNLL training files; the dev part comes from the first",
    )
    parser.add_argument(
        "--vectors",
        type=Path,
        default=VECTORS_OUTPUT,
        help="word vectors .npz, from build_clusters --vectors, or a BiLSTM model file (default: %(default)s)",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="model file to write (default: %(default)s)")
    parser.add_argument(
        "--dev-fraction",
        type=float,
        default=0.1,
        help="hold out this last fraction of sentences to pick each seed's best epoch",
    )
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2], help="one network per seed")
    parser.add_argument("--epochs", type=int, default=BiLSTMConfig.epochs)
    parser.add_argument("--word-dropout", type=float, default=BiLSTMConfig.word_dropout)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N sentences")
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    parser.add_argument("--summary", type=Path, default=None, help="also write the summary here (JSON)")
    parser.add_argument(
        "--names", type=Path, default=None, help="name table the encoder reads (default: the shipped one)"
    )
    parser.add_argument(
        "--auxiliary",
        type=Path,
        nargs="+",
        default=[],
        help="CoNLL files of other conventions: each trains the encoder through an output layer of its own",
    )
    args = parser.parse_args(argv)
    if not args.vectors.is_file():
        parser.error(
            f"no word vectors at {args.vectors}: make them with "
            "python -m arabic_entities.lexicon.build_clusters --data ../shared/data/unlabeled --vectors"
        )

    first, *others = (read_conll(path)[: args.limit] for path in args.train)
    train, dev = split_dev(first, args.dev_fraction)
    train = [titles_outside(sentence) for part in (train, *others) for sentence in part]
    config = BiLSTMConfig(epochs=args.epochs, word_dropout=args.word_dropout)
    started = time.perf_counter()
    summary = train_bilstm(
        train,
        dev,
        vectors_path=args.vectors,
        output=args.output,
        seeds=args.seeds,
        config=config,
        threads=args.threads,
        names=args.names,
        auxiliary=[read_conll(path)[: args.limit] for path in args.auxiliary],
    )
    elapsed = time.perf_counter() - started
    size = args.output.stat().st_size / 1e6
    print(
        f"trained {len(args.seeds)} network(s) on {len(train)} sentences in {elapsed:.0f}s "
        f"-> {args.output} ({size:.1f} MB)"
    )
    if args.summary:
        args.summary.write_text(json.dumps(summary, indent=1))
    if dev:
        print(f"dev: {len(dev)} sentences, all networks averaged")
        gazetteer = load_gazetteer(args.names) if args.names else None
        print(score(args.output, dev, gazetteer=gazetteer).table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
