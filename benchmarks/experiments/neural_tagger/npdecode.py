import numpy as np

def viterbi(em, lens, trans, start, end):
    """em: (B,T,K) emissions; returns list of tag-id lists."""
    B, T, K = em.shape
    score = start[None, :] + em[:, 0]
    bp = np.zeros((B, T, K), np.int64)
    for t in range(1, T):
        cand = score[:, :, None] + trans[None]            # B,K(from),K(to)
        best = cand.argmax(1)
        new = np.take_along_axis(cand, best[:, None, :], 1)[:, 0] + em[:, t]
        live = (t < lens)[:, None]
        score = np.where(live, new, score)
        bp[:, t] = best
    out = []
    final = score + end[None]
    for b in range(B):
        n = lens[b]
        k = int(final[b].argmax())
        path = [k]
        for t in range(n - 1, 0, -1):
            k = int(bp[b, t, k]); path.append(k)
        out.append(path[::-1])
    return out
