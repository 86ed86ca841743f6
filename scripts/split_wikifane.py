"""The training part of WikiFANE Gold: all sentences but the last 10 %, which
``benchmarks/ner_accuracy.py`` keeps as its WikiFANE test part.

    .venv/bin/python scripts/split_wikifane.py --output build/wikifane_train.conll [--fine]

The corpus has no document marks; its sentences run in article order, so the last
tenth is a block of whole articles (the one at the cut aside). Tags are the
PERS/ORG/LOC/MISC view (``wikifane_gold.anerstyle.conll``, mapping in its SOURCE.md),
or with ``--fine`` the 50 fine classes (Politician, Commercial, Airport ...) on the
same tokens (clitics joined back by the corpus's own ``convert_fane.py``).
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from arabic_entities.ner.conll import TaggedSentence, read_conll
from arabic_entities.ner.train_crf import split_dev

ROOT = Path(__file__).resolve().parent.parent
WIKIFANE = ROOT.parent / "shared" / "data" / "ner" / "wikifane_gold"
TEST_FRACTION = 0.1


def fine_sentences() -> list[TaggedSentence]:
    """The fine-class sentences, tokenized as the PERS/ORG/LOC/MISC view."""
    spec = importlib.util.spec_from_file_location("convert_fane", WIKIFANE / "convert_fane.py")
    assert spec is not None and spec.loader is not None
    convert = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(convert)
    sentences = []
    for pairs in convert.read(WIKIFANE / "original" / "WikiFANE_Gold_2014_500K.txt"):
        joined = convert.rejoin([list(pair) for pair in pairs])
        tags = [tag for _, tag in joined]
        for i, tag in enumerate(tags):  # joining can leave an I- without its B-
            if tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:]):
                tags[i] = "B-" + tag[2:]
        sentences.append(([token for token, _ in joined], tags))
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--fine", action="store_true", help="fine classes instead of PERS/ORG/LOC/MISC")
    args = parser.parse_args()
    coarse = read_conll(WIKIFANE / "wikifane_gold.anerstyle.conll")
    train, _ = split_dev(coarse, TEST_FRACTION)
    if args.fine:  # the same sentences; the 16 whose joined tokens differ are left out
        fine, _ = split_dev(fine_sentences(), TEST_FRACTION)
        train = [sentence for sentence, (tokens, _) in zip(fine, train) if sentence[0] == tokens]
    with args.output.open("w", encoding="utf-8") as out:
        for tokens, tags in train:
            out.writelines(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags))
            out.write("\n")
    print(f"{len(train)} sentences -> {args.output}")


if __name__ == "__main__":
    main()
