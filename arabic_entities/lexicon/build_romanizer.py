"""Train the romanizer of :mod:`.romanize` from Arabic-Latin name pairs.

    python -m arabic_entities.lexicon.build_romanizer --data ../shared/data/gazetteers

Reads the Wikidata person-name token pairs (``netransliteration_wd``, CC0) and Google's
Wikipedia-mined word pairs (``google_translit_ar2en``, Apache-2.0; its test split is held out
and scored, then added). Each pair is aligned letter by letter: every Arabic letter of the
match key writes 0 to 3 Latin letters, and hard EM (Viterbi alignment, then counts) finds the
most likely split, starting from a table of the usual consonant values. The model is the count of
each Latin piece per Arabic letter in its context (the letters before and after it), kept
where seen at least twice; ``romanize`` picks the most frequent piece of the most specific
context known. Words of the pairs themselves are looked up whole.

Writes ``build/romanizer.json`` (plain JSON: no code runs when it is read); ``--output``
``arabic_entities/lexicon/data/romanizer.json`` replaces the shipped one.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..manifest import WORK_DIR
from ..text.normalize import match_key

__all__ = ["OUTPUT", "align", "read_pairs", "train", "main"]

OUTPUT = WORK_DIR / "romanizer.json"
#: The longest Latin piece one Arabic letter writes.
MAX_PIECE = 3
#: Rounds of hard EM.
ROUNDS = 3
#: Usual Latin values of the Arabic letters of a match key, the alignment's starting point.
CONSONANTS = {
    "ب": "bp", "ت": "t", "ث": "t", "ج": "jg", "ح": "h", "خ": "k", "د": "d", "ذ": "dz", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "aeiou", "غ": "g",
    "ف": "fv", "ق": "qkg", "ك": "kc", "ل": "l", "م": "m", "ن": "n", "ه": "ha", "و": "wouv",
    "ي": "yie", "ا": "aeo", "ء": "aeiou", "ئ": "aeiy", "ؤ": "aou", "ڤ": "v", "پ": "p", "گ": "g", "چ": "c",
}  # fmt: skip


def read_pairs(data: Path) -> tuple[list[tuple[str, str, int]], list[tuple[str, str]]]:
    """Training pairs ``(arabic key, latin, count)`` and the held-out Google test pairs."""
    pairs = []
    with open(data / "netransliteration_wd" / "wd_arabic.normalized.aligned.tokens", encoding="utf-8") as f:
        for line in f:
            latin, letters, count = line.rstrip("\n").split("\t")
            pairs.append((match_key(letters.replace(" ", "")), latin, int(count)))
    google = data / "google_translit_ar2en"
    for name in ("ar2en-train.txt", "ar2en-eval.txt"):
        pairs += [(match_key(ar), latin, 1) for ar, latin in _google(google / name)]
    held_out = [(match_key(ar), latin) for ar, latin in _google(google / "ar2en-test.txt")]
    clean = [(ar, latin.lower(), n) for ar, latin, n in pairs if _usable(ar, latin)]
    return clean, [(ar, latin.lower()) for ar, latin in held_out if _usable(ar, latin)]


def _google(path: Path) -> Iterable[tuple[str, str]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                yield parts[0], parts[1]


def _usable(arabic: str, latin: str) -> bool:
    return bool(arabic) and latin.isascii() and latin.isalpha() and all(c in CONSONANTS for c in arabic)


def _prior(letter: str, piece: str) -> float:
    """Log-score of ``letter`` writing ``piece`` before any counts."""
    if not piece:
        return -4.0
    values = CONSONANTS[letter]
    if piece[0] in values:
        return -0.5 * len(piece)
    if all(c in "aeiou" for c in piece):
        return -3.0 - len(piece)
    return -8.0 - len(piece)


def align(arabic: str, latin: str, score: dict[tuple[str, str], float]) -> list[str] | None:
    """The Latin piece of each Arabic letter in the best split of ``latin`` (None if none),
    under ``score`` (log-scores of ``(letter, piece)``; unseen pairs get the prior)."""
    n, m = len(arabic), len(latin)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i, letter in enumerate(arabic):
        for j in range(m + 1):
            if best[i][j] == -math.inf:
                continue
            for k in range(min(MAX_PIECE, m - j) + 1):
                piece = latin[j : j + k]
                value = best[i][j] + score.get((letter, piece), _prior(letter, piece) - 6)
                if value > best[i + 1][j + k]:
                    best[i + 1][j + k], back[i + 1][j + k] = value, k
    if best[n][m] == -math.inf:
        return None
    pieces, j = [], m
    for i in range(n, 0, -1):
        k = back[i][j]
        pieces.append(latin[j - k : j])
        j -= k
    return pieces[::-1]


def train(pairs: list[tuple[str, str, int]], *, rounds: int = ROUNDS) -> dict:
    """The romanizer's tables: ``words`` (key -> most frequent spelling) and ``pieces``
    (context -> most frequent Latin piece), as :mod:`.romanize` reads them."""
    score: dict[tuple[str, str], float] = {}
    alignments: list[tuple[str, list[str], int]] = []
    for _ in range(rounds):
        counts: Counter[tuple[str, str]] = Counter()
        alignments = []
        for arabic, latin, n in pairs:
            pieces = align(arabic, latin, score)
            if pieces is not None:
                alignments.append((arabic, pieces, n))
                counts.update({(a, p): n for a, p in zip(arabic, pieces, strict=True)})
        totals: Counter[str] = Counter()
        for (letter, _), n in counts.items():
            totals[letter] += n
        score = {(letter, piece): math.log(n / totals[letter]) for (letter, piece), n in counts.items()}
    contexts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for arabic, pieces, n in alignments:
        padded = f"^{arabic}$"
        for i, piece in enumerate(pieces):
            before, letter, after = padded[i], padded[i + 1], padded[i + 2]
            for context in (before + letter + after, letter + after, before + letter, letter):
                contexts[context][piece] += n
    words: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for arabic, latin, n in pairs:
        words[arabic][latin] += n
    return {
        "words": {key: _most_frequent(spellings) for key, spellings in sorted(words.items())},
        "pieces": {
            context: _most_frequent(found)
            for context, found in sorted(contexts.items())
            if sum(found.values()) >= 2 or len(context) == 1
        },
    }


def _most_frequent(counts: Counter[str]) -> str:
    return min(counts, key=lambda value: (-counts[value], value))


def main(argv: list[str] | None = None) -> int:
    from rapidfuzz.distance import Levenshtein

    from .romanize import Romanizer

    parser = argparse.ArgumentParser(prog="python -m arabic_entities.lexicon.build_romanizer", description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="the gazetteers folder of the shared data")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    pairs, held_out = read_pairs(args.data)
    model = train(pairs)
    romanizer = Romanizer(model)
    unseen = [(ar, latin) for ar, latin in held_out if ar not in model["words"]]
    spelled = [(romanizer.word(ar), latin) for ar, latin in unseen]
    right = sum(guess == latin for guess, latin in spelled)
    errors = sum(Levenshtein.distance(guess, latin) for guess, latin in spelled) / sum(len(l) for _, l in spelled)
    print(
        f"held-out Google test words not in the pairs: {len(unseen)}, {100 * right / len(unseen):.1f} % exactly "
        f"right, character error rate {100 * errors:.1f} %"
    )
    model["words"].update({ar: latin for ar, latin in held_out if ar not in model["words"]})
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"{len(model['words'])} words, {len(model['pieces'])} contexts -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
