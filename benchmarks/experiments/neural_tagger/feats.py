"""Shared featurization: token -> (word_id, oov_kind, cluster_id, gaz_bits, char_ids)."""
import sys
sys.path.insert(0, "/work/main")
import numpy as np
from arabic_entities.normalize import match_key
from arabic_entities.clitics import proclitic_splits

TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
TAG2ID = {t: i for i, t in enumerate(TAGS)}
GAZ = ["PERS", "LOC", "ORG", "NORP", "NAME"]
MAXC = 20  # chars per word (truncate)


class Featurizer:
    def __init__(self, key_to_index, cluster_ids, gaz, char2id):
        self.k2i = key_to_index          # word id = kv index + 1 ; 0 = UNK
        self.cl = cluster_ids
        self.gaz = gaz
        self.char2id = char2id          # 0 pad, 1 unk
        self.cache = {}

    def token(self, tok):
        f = self.cache.get(tok)
        if f is not None:
            return f
        key = match_key(tok)
        stems = None
        wid, oov = self.k2i.get(key), 0
        if wid is None:
            stems = [s.stem for s in proclitic_splits(key)]
            for s in stems:
                wid = self.k2i.get(s)
                if wid is not None:
                    oov = 1
                    break
        if wid is None:
            wid, oov = 0, 2
        else:
            wid += 1
        c = self.cl.get(key)
        if c is None:
            if stems is None:
                stems = [s.stem for s in proclitic_splits(key)]
            for s in stems:
                c = self.cl.get(s)
                if c is not None:
                    break
        cid = c[3] + 1 if c is not None else 0
        bits = 0
        if self.gaz is not None:
            lab, part = self.gaz.labels(key), self.gaz.part_labels(key)
            for j, g in enumerate(GAZ):
                if g in lab:
                    bits |= 1 << j
                if g in part:
                    bits |= 1 << (j + 5)
        chars = [self.char2id.get(ch, 1) for ch in key[:MAXC]] or [1]
        f = (wid, oov, cid, bits, chars)
        self.cache[tok] = f
        return f

    def sentence(self, toks):
        fs = [self.token(t) for t in toks]
        return fs


def batch_arrays(sents_feats):
    """List of per-sentence feature lists -> padded numpy arrays."""
    B = len(sents_feats)
    T = max(len(s) for s in sents_feats)
    L = max(max(len(f[4]) for f in s) for s in sents_feats)
    L = max(L, 3)
    wid = np.zeros((B, T), np.int64); oov = np.zeros((B, T), np.int64)
    cid = np.zeros((B, T), np.int64); gaz = np.zeros((B, T, 10), np.float32)
    ch = np.zeros((B, T, L), np.int64); lens = np.zeros(B, np.int64)
    for b, s in enumerate(sents_feats):
        lens[b] = len(s)
        for t, (w, o, c, bits, chars) in enumerate(s):
            wid[b, t] = w; oov[b, t] = o; cid[b, t] = c
            for j in range(10):
                if bits >> j & 1:
                    gaz[b, t, j] = 1.0
            ch[b, t, :len(chars)] = chars
    return wid, oov, cid, gaz, ch, lens
