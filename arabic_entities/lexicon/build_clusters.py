"""Word clusters from unlabeled news, as lookup features for the CRF tagger.

    python -m arabic_entities.lexicon.build_clusters --data ../shared/data/unlabeled --vectors

writes ``build/clusters.npz`` and, with ``--vectors``, the word vectors
``build/vectors.npz`` (``build/`` is the work folder, relative to the current
directory: run it from the repository root; ``--output`` and ``--vectors PATH``
write elsewhere, e.g. ``--output arabic_entities/lexicon/data/clusters.npz`` to
replace the shipped table). ``arabic_entities/data_manifest.json`` holds the
shipped table's hash.

Every line of every ``*.txt.gz`` under the data folder is one document. It is
split with :func:`arabic_entities.text.tokenize.tokenize` and each token is mapped to
its :func:`~arabic_entities.text.normalize.match_key`, so the clusters are keyed
exactly as the CRF looks words up. Sentences are whole: the tokenizer's cut at
``MAX_SENTENCE_TOKENS`` tokens is off here, as it did not exist when the shipped
clusters were made (cut, the corpus has 0.14 % more sentences, and word2vec gives
other vectors, so other clusters and another BiLSTM word table). The keyed sentences are held in memory (keys
are interned: about 0.5 GB for 32M tokens), so tokenization runs once rather
than once per Word2Vec pass.

Word2Vec is skip-gram. In a quick check (6M-token sample, 3 epochs), the 10
nearest neighbours of ANERcorp-train words voted their entity type right more
often with skip-gram than with CBOW (PERS .74/.73, LOC .61/.49, ORG .25/.16);
CBOW trains about 3x faster. K-means then runs at each size on the L2-normalized
vectors of the most frequent keys, and cluster ids are renumbered in order of
first appearance by frequency (cluster 0 holds the most frequent key).
MiniBatchKMeans is used rather than KMeans: it is several times faster and its
inertia only about 2-3 % higher. It runs on one thread: the BLAS/OpenMP thread
count changes the order of float sums and so the clusters, and OpenMP threads on
a busy machine slow to a crawl. One thread takes about 5 minutes for all sizes.

The output is a compressed ``.npz`` of plain arrays: ``keys`` (UTF-8, one per line,
most frequent first, ties by key), ``sizes`` and ``ids`` (one int16 column per
size), written with fixed zip timestamps (it loads in a fraction of the time a
text table takes, with no pickle). Word2Vec is bit-reproducible
only with one worker thread (the corpus order is fixed by sorting file names;
with more threads the order of updates varies, and so do vectors and clusters).
The default is therefore ``workers=1``, which gives the same bytes on every run
at about 1.7x the training time of ``workers=2`` (``--workers 2``: ~11 rather
than ~18 minutes of training on the 32M-token corpus here).

With ``--vectors [PATH.npz]`` the word vectors are saved too (plain arrays, no
pickle, fixed timestamps): they are the frozen word table of the BiLSTM tagger
(:mod:`arabic_entities.ner.train_bilstm`, which reads ``build/vectors.npz`` by default).
"""

from __future__ import annotations

import argparse
import gzip
import logging
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..manifest import WORK_DIR
from ..text.normalize import match_key
from ..text.tokenize import tokenize

if TYPE_CHECKING:
    import numpy as np
    from gensim.models import KeyedVectors

__all__ = [
    "CLUSTERS_OUTPUT",
    "VECTORS_OUTPUT",
    "build_clusters",
    "read_sentences",
    "train_vectors",
    "cluster_keys",
    "write_clusters",
    "write_npz",
    "save_vectors",
    "load_vectors",
]

log = logging.getLogger(__name__)

#: Where the command writes the cluster table and the word vectors by default.
CLUSTERS_OUTPUT = WORK_DIR / "clusters.npz"
VECTORS_OUTPUT = WORK_DIR / "vectors.npz"


def iter_documents(corpus_dir: str | Path) -> Iterator[str]:
    """Every line of every ``*.txt.gz`` under ``corpus_dir``, files in name order."""
    for path in sorted(Path(corpus_dir).rglob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            yield from (line.rstrip("\n") for line in lines)


def keyed_sentences(text: str, cache: dict[str, str]) -> Iterator[list[str]]:
    """The whole sentences of ``text`` (never cut after a number of tokens) as lists of
    token keys (``cache`` maps token to key)."""
    sentences, tokens = tokenize(text, max_sentence_tokens=None)
    position = 0
    for sentence in sentences:
        keys = []
        while position < len(tokens) and tokens[position].end <= sentence.end:
            span = tokens[position]
            token = text[span.start : span.end]
            key = cache.get(token)
            if key is None:
                key = cache[token] = sys.intern(match_key(token))
            if key:
                keys.append(key)
            position += 1
        if keys:
            yield keys


def read_sentences(corpus_dir: str | Path) -> list[list[str]]:
    """All keyed sentences of the corpus, whole (:func:`keyed_sentences`), in file and line order."""
    cache: dict[str, str] = {}
    sentences = [keys for text in iter_documents(corpus_dir) for keys in keyed_sentences(text, cache)]
    if not sentences:
        raise ValueError(f"no *.txt.gz text under {corpus_dir}")
    return sentences


def train_vectors(
    sentences: Sequence[list[str]], *, min_count: int, dim: int, epochs: int, workers: int, seed: int
) -> KeyedVectors:
    """Skip-gram Word2Vec vectors (window 5, 5 negative samples) for keys seen ``min_count`` times."""
    from gensim.models import Word2Vec

    model = Word2Vec(
        sentences,
        sg=1,
        vector_size=dim,
        window=5,
        negative=5,
        min_count=min_count,
        epochs=epochs,
        workers=workers,
        seed=seed,
    )
    return model.wv


def save_vectors(path: str | Path, keys: Sequence[str], matrix: np.ndarray) -> None:
    """Save word vectors as a plain ``.npz``: ``keys`` (UTF-8, newline-joined) and ``matrix``.

    Written by :func:`write_npz` (uncompressed): equal vectors, equal bytes.
    """
    import numpy as np

    if len(keys) != len(matrix):
        raise ValueError(f"{len(keys)} keys for {len(matrix)} vectors")
    packed = np.frombuffer("\n".join(keys).encode("utf-8"), dtype=np.uint8)
    write_npz(path, {"keys": packed, "matrix": np.asarray(matrix, dtype=np.float32)}, compress=False)


def load_vectors(path: str | Path) -> tuple[list[str], np.ndarray]:
    """The ``(keys, matrix)`` written by :func:`save_vectors`, or the int8 word table of a
    BiLSTM model file (``word_keys``, ``word_vectors`` times ``word_scales``), which a
    model trained on it quantizes back to the same table."""
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        if "word_keys" in data:
            keys = data["word_keys"].tobytes().decode("utf-8").split("\n")
            matrix = data["word_vectors"].astype(np.float32) * data["word_scales"][:, None]
        else:
            keys = data["keys"].tobytes().decode("utf-8").split("\n")
            matrix = data["matrix"]
    if len(keys) != len(matrix):
        raise ValueError(f"{path}: {len(keys)} keys for {len(matrix)} vectors")
    return keys, matrix


def top_keys(vectors: KeyedVectors, size: int) -> list[str]:
    """The ``size`` most frequent keys, ties broken by key."""
    keys = sorted(vectors.index_to_key, key=lambda key: (-vectors.get_vecattr(key, "count"), key))
    return keys[:size]


def renumber(labels: np.ndarray) -> np.ndarray:
    """Cluster ids renumbered 0, 1, 2, ... in order of first appearance."""
    import numpy as np

    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty_like(first)
    rank[np.argsort(first)] = np.arange(first.size)
    return rank[inverse]


def cluster_keys(matrix: np.ndarray, sizes: Sequence[int], *, seed: int) -> list[np.ndarray]:
    """K-means labels of the L2-normalized rows of ``matrix``, one array per size, on one thread."""
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.preprocessing import normalize
    from threadpoolctl import threadpool_limits

    unit = normalize(matrix)
    labels = []
    for size in sizes:
        started = time.perf_counter()
        kmeans = MiniBatchKMeans(n_clusters=size, batch_size=16_384, n_init=3, max_no_improvement=30, random_state=seed)
        with threadpool_limits(limits=1):
            kmeans.fit(unit)
        labels.append(renumber(kmeans.labels_))
        log.info("k-means %d: inertia %.0f, %.0fs", size, kmeans.inertia_, time.perf_counter() - started)
    return labels


def write_clusters(
    output_path: str | Path, keys: Sequence[str], sizes: Sequence[int], labels: Sequence[np.ndarray]
) -> None:
    """Write the cluster table (``.npz``: ``keys``, ``sizes``, ``ids``); equal input, equal bytes."""
    import numpy as np

    write_npz(
        output_path,
        {
            "keys": np.frombuffer("\n".join(keys).encode("utf-8"), dtype=np.uint8),
            "sizes": np.asarray(sizes, dtype=np.int32),
            "ids": np.stack([np.asarray(column, dtype=np.int16) for column in labels], axis=1),
        },
    )


def write_npz(path: str | Path, arrays: Mapping[str, np.ndarray], *, compress: bool = True) -> None:
    """``numpy.savez_compressed`` (``compress=False``: ``numpy.savez``) with fixed zip
    metadata, so that equal arrays give equal bytes.

    Members are written in the order of ``arrays``, each dated 1980-01-01 00:00 and
    marked as made on Unix (the zip header fields ``numpy.savez`` fills from the clock
    and the platform); pickled objects are refused. Every ``.npz`` the package ships
    is written by this function. Compressed members also depend on zlib's output,
    which has been stable across zlib releases but is not promised to be.
    """
    import zipfile

    import numpy as np

    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            info.create_system = 3  # Unix, whatever the platform (the default on Linux and macOS)
            with archive.open(info, "w") as member:
                np.lib.format.write_array(member, np.asanyarray(array), allow_pickle=False)


def build_clusters(
    corpus_dir: str | Path,
    output_path: str | Path,
    *,
    sizes: Sequence[int] = (64, 256, 1024, 4096),
    vocab_size: int = 200_000,
    min_count: int = 5,
    dim: int = 100,
    epochs: int = 5,
    workers: int = 1,
    seed: int = 1,
    vectors_path: str | Path | None = None,
) -> None:
    """Train Word2Vec on ``corpus_dir``, cluster the top ``vocab_size`` keys, write ``output_path``.

    The vectors are also saved to ``vectors_path`` (``.npz``) when it is given.
    """
    started = time.perf_counter()
    sentences = read_sentences(corpus_dir)
    log.info("%d sentences, %d tokens, %.0fs", len(sentences), sum(map(len, sentences)), time.perf_counter() - started)
    vectors = train_vectors(sentences, min_count=min_count, dim=dim, epochs=epochs, workers=workers, seed=seed)
    del sentences
    log.info("%d keys with vectors, %.0fs", len(vectors), time.perf_counter() - started)
    if vectors_path is not None:
        save_vectors(vectors_path, vectors.index_to_key, vectors.vectors)  # most frequent first
    keys = top_keys(vectors, vocab_size)
    labels = cluster_keys(vectors[keys], sizes, seed=seed)
    write_clusters(output_path, keys, sizes, labels)
    log.info("wrote %d keys to %s, %.0fs", len(keys), output_path, time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m arabic_entities.lexicon.build_clusters",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("--data", required=True, type=Path, help="folder searched for *.txt.gz")
    parser.add_argument(
        "--output", type=Path, default=CLUSTERS_OUTPUT, help="cluster table (.npz) to write (default: %(default)s)"
    )
    parser.add_argument(
        "--vectors",
        type=Path,
        nargs="?",
        const=VECTORS_OUTPUT,
        default=None,
        metavar="PATH",
        help=f"also save the word vectors (.npz, input of train_bilstm), to PATH or {VECTORS_OUTPUT}",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[64, 256, 1024, 4096])
    parser.add_argument("--vocab-size", type=int, default=200_000)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1, help="more is faster but not bit-reproducible")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    build_clusters(
        args.data,
        args.output,
        sizes=args.sizes,
        vocab_size=args.vocab_size,
        min_count=args.min_count,
        dim=args.dim,
        epochs=args.epochs,
        workers=args.workers,
        seed=args.seed,
        vectors_path=args.vectors,
    )


if __name__ == "__main__":
    main()
