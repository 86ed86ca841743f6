"""Pure-numpy forward pass + Viterbi for the exported tagger."""
import numpy as np
from feats import batch_arrays, TAGS
from npdecode import viterbi


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class NumpyTagger:
    def __init__(self, path):
        z = np.load(path)
        self.p = {k: z[k] for k in z.files}
        p = self.p
        W = p["conv.weight"]                     # 50,32,3
        self.convW = np.ascontiguousarray(W.transpose(2, 1, 0).reshape(-1, W.shape[0]))  # (3*32,50)
        self.dirs = []
        for sfx in ("", "_reverse"):
            self.dirs.append((np.ascontiguousarray(p["lstm.weight_ih_l0" + sfx].T),
                              np.ascontiguousarray(p["lstm.weight_hh_l0" + sfx].T),
                              p["lstm.bias_ih_l0" + sfx] + p["lstm.bias_hh_l0" + sfx]))
        self.outW = np.ascontiguousarray(p["out.weight"].T)

    def inputs(self, wid, oov, cid, gaz, ch):
        p = self.p
        B, T, L = ch.shape
        E = p["chemb.weight"][ch.reshape(B * T, L)]          # N,L,32
        Ep = np.pad(E, ((0, 0), (1, 1), (0, 0)))
        cols = np.concatenate([Ep[:, k:k + L] for k in range(3)], -1)  # N,L,96
        c = cols @ self.convW + p["conv.bias"]
        c = np.where((ch.reshape(B * T, L) == 0)[:, :, None], -1e4, c).max(1)
        c = np.tanh(c).reshape(B, T, -1)
        return np.concatenate([p["wemb.weight"][wid], p["oemb.weight"][oov], p["cemb.weight"][cid], gaz, c], -1)

    def lstm(self, X, lens, d):
        Wih, Whh, b = self.dirs[d]
        B, T, _ = X.shape
        H = Whh.shape[0]
        G = X @ Wih + b                                      # B,T,4H
        h = np.zeros((B, H), np.float32); c = np.zeros((B, H), np.float32)
        out = np.zeros((B, T, H), np.float32)
        steps = range(T) if d == 0 else range(T - 1, -1, -1)
        for t in steps:
            g = G[:, t] + h @ Whh
            i = sigmoid(g[:, :H]); f = sigmoid(g[:, H:2 * H])
            gg = np.tanh(g[:, 2 * H:3 * H]); o = sigmoid(g[:, 3 * H:])
            c2 = f * c + i * gg
            h2 = o * np.tanh(c2)
            if d == 1:  # padding sits at the end: keep state zero until the sentence starts
                live = (t < lens)[:, None]
                c2 = np.where(live, c2, 0.0); h2 = np.where(live, h2, 0.0)
            c, h = c2, h2
            out[:, t] = h
        return out

    def emissions(self, wid, oov, cid, gaz, ch, lens):
        X = self.inputs(wid, oov, cid, gaz, ch).astype(np.float32)
        Hs = np.concatenate([self.lstm(X, lens, 0), self.lstm(X, lens, 1)], -1)
        return Hs @ self.outW + self.p["out.bias"]

    def tag(self, sent_feats, batch=64):
        order = sorted(range(len(sent_feats)), key=lambda i: len(sent_feats[i]))
        res = [None] * len(sent_feats)
        p = self.p
        for i in range(0, len(order), batch):
            idx = order[i:i + batch]
            wid, oov, cid, gaz, ch, lens = batch_arrays([sent_feats[j] for j in idx])
            em = self.emissions(wid, oov, cid, gaz, ch, lens)
            for j, path in zip(idx, viterbi(em, lens, p["trans"], p["start"], p["end"])):
                res[j] = [TAGS[k] for k in path]
        return res
