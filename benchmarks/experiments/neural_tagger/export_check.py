"""Export best torch checkpoint to .npz, compare numpy vs torch tags on dev."""
import sys, time, json
sys.path.insert(0, "/work/main"); sys.path.insert(0, "/work/exp/neural")
import numpy as np, torch, torch.nn as nn
torch.set_num_threads(2)
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1
from arabic_entities.ner.conll import read_conll
from arabic_entities.ner.train import split_dev
from arabic_entities.ner.evaluate import evaluate
from arabic_entities.ner.clusters import load_clusters
from arabic_entities.gazetteer import load_gazetteer
from arabic_entities.normalize import match_key
from gensim.models import KeyedVectors
from feats import Featurizer, batch_arrays, TAGS, TAG2ID
from npdecode import viterbi
from npinfer import NumpyTagger

train, dev = split_dev(read_conll("/work/shared/data/ner/anercorp/camel_split_reconstructed/train.txt"), 0.1)
kv = KeyedVectors.load("/work/exp/w2v/unlabeled.kv")
chars = {}
for toks, _ in train:
    for t in toks:
        for c in match_key(t):
            chars[c] = chars.get(c, 0) + 1
char2id = {c: i + 2 for i, c in enumerate(sorted(c for c, n in chars.items() if n >= 2))}
json.dump(char2id, open("char2id.json", "w"), ensure_ascii=False)
sd = torch.load(f"best_s{SEED}.pt")
arrs = {k: v.numpy().astype(np.float32) for k, v in sd.items()}
np.savez(f"tagger_s{SEED}.npz", **arrs)
np.savez(f"tagger_s{SEED}_noemb.npz", **{k: v for k, v in arrs.items() if k != "wemb.weight"})
nparams = {k: v.size for k, v in arrs.items()}
print("params total", sum(nparams.values()), "excluding frozen word table", sum(v for k, v in nparams.items() if k != "wemb.weight"))

fz = Featurizer(kv.key_to_index, load_clusters().ids, load_gazetteer(), char2id)
dvf = [fz.sentence(toks) for toks, _ in dev]

# torch reference: same modules, loaded weights
K = len(TAGS)
class Ref(nn.Module):
    def __init__(s):
        super().__init__()
        s.wemb = nn.Embedding(*arrs["wemb.weight"].shape)
        s.oemb = nn.Embedding(3, 8); s.cemb = nn.Embedding(1025, 16)
        s.chemb = nn.Embedding(len(char2id) + 2, 32, padding_idx=0)
        s.conv = nn.Conv1d(32, 50, 3, padding=1)
        s.lstm = nn.LSTM(184, 100, batch_first=True, bidirectional=True)
        s.out = nn.Linear(200, K)
        s.trans = nn.Parameter(torch.zeros(K, K)); s.start = nn.Parameter(torch.zeros(K)); s.end = nn.Parameter(torch.zeros(K))
    def emissions(s, wid, oov, cid, gaz, ch, lens):
        B, T, L = ch.shape
        c = s.conv(s.chemb(ch.view(B * T, L)).transpose(1, 2))
        c = torch.tanh(c.masked_fill((ch.view(B * T, 1, L) == 0), -1e4).max(2).values).view(B, T, 50)
        x = torch.cat([s.wemb(wid), s.oemb(oov), s.cemb(cid), gaz, c], -1)
        pk = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
        h, _ = s.lstm(pk)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=T)
        return s.out(h)
ref = Ref(); ref.load_state_dict(sd); ref.eval()
tp = [None] * len(dvf); maxdiff = 0.0
order = sorted(range(len(dvf)), key=lambda i: len(dvf[i]))
npm = NumpyTagger(f"tagger_s{SEED}.npz")
with torch.no_grad():
    for i in range(0, len(order), 64):
        idx = order[i:i + 64]
        arr = batch_arrays([dvf[j] for j in idx])
        em = ref.emissions(*[torch.from_numpy(a) for a in arr[:5]], torch.from_numpy(arr[5])).numpy()
        emn = npm.emissions(*arr)
        for b, j in enumerate(idx):
            n = arr[5][b]; maxdiff = max(maxdiff, float(np.abs(em[b, :n] - emn[b, :n]).max()))
        for j, p in zip(idx, viterbi(em, arr[5], arrs["trans"], arrs["start"], arrs["end"])):
            tp[j] = [TAGS[k] for k in p]
npp = npm.tag(dvf)
gold = [tags for _, tags in dev]
same = sum(a == b for a, b in zip(tp, npp))
print("max |emission diff| torch vs numpy:", maxdiff)
print("sentences with identical tags:", same, "/", len(dev))
print("torch F1", evaluate(gold, tp).micro.f1, "numpy F1", evaluate(gold, npp).micro.f1)
print(evaluate(gold, npp).table())
