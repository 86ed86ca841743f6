import sys, time, random, json
sys.path.insert(0, "/work/main"); sys.path.insert(0, "/work/exp/neural")
import numpy as np, torch, torch.nn as nn
torch.set_num_threads(2)
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1
random.seed(SEED); np.random.seed(SEED); torch.manual_seed(SEED)
from arabic_entities.ner.conll import read_conll
from arabic_entities.ner.train import split_dev
from arabic_entities.ner.evaluate import evaluate
from arabic_entities.ner.clusters import load_clusters
from arabic_entities.gazetteer import load_gazetteer
from gensim.models import KeyedVectors
from feats import Featurizer, batch_arrays, TAGS, TAG2ID
from npdecode import viterbi

t0 = time.time()
train, dev = split_dev(read_conll("/work/shared/data/ner/anercorp/camel_split_reconstructed/train.txt"), 0.1)
kv = KeyedVectors.load("/work/exp/w2v/unlabeled.kv")
from arabic_entities.normalize import match_key
chars = {}
for toks, _ in train:
    for t in toks:
        for c in match_key(t):
            chars[c] = chars.get(c, 0) + 1
char2id = {c: i + 2 for i, c in enumerate(sorted(c for c, n in chars.items() if n >= 2))}
fz = Featurizer(kv.key_to_index, load_clusters().ids, load_gazetteer(), char2id)
def prep(data):
    return [(fz.sentence(toks), [TAG2ID[t] for t in tags]) for toks, tags in data]
trn, dvp = prep(train), prep(dev)
V = kv.vectors.astype(np.float32); V = V / V.std()
emb_table = np.concatenate([np.zeros((1, V.shape[1]), np.float32), V])
oovs = np.bincount([f[1] for s, _ in dvp for f in s], minlength=3)
print("prep", time.time() - t0, "dev oov kinds", oovs, "nchars", len(char2id), flush=True)

K = len(TAGS)
class Tagger(nn.Module):
    def __init__(s):
        super().__init__()
        s.wemb = nn.Embedding.from_pretrained(torch.from_numpy(emb_table), freeze=True)
        s.oemb = nn.Embedding(3, 8); s.cemb = nn.Embedding(1025, 16)
        s.chemb = nn.Embedding(len(char2id) + 2, 32, padding_idx=0)
        s.conv = nn.Conv1d(32, 50, 3, padding=1)
        s.drop = nn.Dropout(0.5)
        s.lstm = nn.LSTM(100 + 8 + 16 + 10 + 50, 100, batch_first=True, bidirectional=True)
        s.out = nn.Linear(200, K)
        s.trans = nn.Parameter(torch.zeros(K, K)); s.start = nn.Parameter(torch.zeros(K)); s.end = nn.Parameter(torch.zeros(K))
    def emissions(s, wid, oov, cid, gaz, ch, lens):
        B, T, L = ch.shape
        c = s.chemb(ch.view(B * T, L)).transpose(1, 2)
        c = s.conv(c)  # BT,50,L
        c = c.masked_fill((ch.view(B * T, 1, L) == 0), -1e4).max(2).values
        c = torch.tanh(c).view(B, T, 50)
        x = torch.cat([s.wemb(wid), s.oemb(oov), s.cemb(cid), gaz, c], -1)
        x = s.drop(x)
        pk = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
        h, _ = s.lstm(pk)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=T)
        return s.out(s.drop(h))
    def nll(s, em, tags, mask):
        B, T, _ = em.shape
        alpha = s.start[None] + em[:, 0]
        gold = s.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1])[:, 0]
        for t in range(1, T):
            m = mask[:, t]
            na = torch.logsumexp(alpha[:, :, None] + s.trans[None], 1) + em[:, t]
            alpha = torch.where(m[:, None], na, alpha)
            g = s.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1])[:, 0]
            gold = gold + torch.where(m, g, torch.zeros_like(g))
        last = tags.gather(1, (mask.sum(1) - 1)[:, None])[:, 0]
        gold = gold + s.end[last]
        logZ = torch.logsumexp(alpha + s.end[None], 1)
        return (logZ - gold).sum()

def tens(batch):
    wid, oov, cid, gaz, ch, lens = batch_arrays([f for f, _ in batch])
    T = wid.shape[1]
    tags = np.zeros((len(batch), T), np.int64)
    for b, (_, tg) in enumerate(batch): tags[b, :len(tg)] = tg
    mask = np.arange(T)[None] < lens[:, None]
    return [torch.from_numpy(a) for a in (wid, oov, cid, gaz, ch)], torch.from_numpy(lens), torch.from_numpy(tags), torch.from_numpy(mask)

model = Tagger()
if len(sys.argv) > 3:
    model.load_state_dict(torch.load(sys.argv[3])); print('init from', sys.argv[3])
TAG_RUN = sys.argv[4] if len(sys.argv) > 4 else ''
opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=2e-3)
def predict(data):
    model.eval(); preds = []
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    res = {}
    with torch.no_grad():
        for i in range(0, len(order), 64):
            idx = order[i:i + 64]
            xs, lens, _, _ = tens([data[j] for j in idx])
            em = model.emissions(*xs, lens).numpy()
            paths = viterbi(em, lens.numpy(), model.trans.detach().numpy(), model.start.detach().numpy(), model.end.detach().numpy())
            for j, p in zip(idx, paths): res[j] = [TAGS[k] for k in p]
    return [res[j] for j in range(len(data))]

best, best_ep, hist, bad = -1, 0, [], 0
MAXEP, PATIENCE, BUDGET = 25, 5, float(sys.argv[2]) if len(sys.argv) > 2 else 840
tstart = time.time()
for ep in range(1, MAXEP + 1):
    model.train(); te = time.time()
    idx = sorted(range(len(trn)), key=lambda j: len(trn[j][0]) + random.uniform(-3, 3))
    batches = [idx[i:i + 32] for i in range(0, len(idx), 32)]; random.shuffle(batches)
    tot = 0.0
    for bidx in batches:
        xs, lens, tags, mask = tens([trn[j] for j in bidx])
        em = model.emissions(*xs, lens)
        loss = model.nll(em, tags, mask) / len(lens)
        opt.zero_grad(); loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0); opt.step()
        tot += loss.item()
    pred = predict(dvp)
    rep = evaluate([[TAGS[k] for k in tg] for _, tg in dvp], pred)
    f1 = rep.micro.f1
    hist.append((ep, round(tot, 1), round(f1 * 100, 2), round(time.time() - te, 1)))
    print("epoch", hist[-1], flush=True)
    if f1 > best:
        best, best_ep, bad = f1, ep, 0
        torch.save(model.state_dict(), f"best_s{SEED}{TAG_RUN}.pt")
        open(f"best_s{SEED}{TAG_RUN}_table.txt", "w").write(rep.table())
    else:
        bad += 1
    if bad >= PATIENCE or time.time() - tstart > BUDGET:
        break
json.dump({"best_f1": best, "best_epoch": best_ep, "hist": hist, "train_s": time.time() - tstart, "char2id": char2id}, open(f"run_s{SEED}{TAG_RUN}.json", "w"), ensure_ascii=False)
print("BEST", best, best_ep, "train_s", time.time() - tstart)
print(open(f"best_s{SEED}{TAG_RUN}_table.txt").read())
