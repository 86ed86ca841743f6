import os, sys
os.environ["OMP_NUM_THREADS"] = "1"; os.environ["OPENBLAS_NUM_THREADS"] = "1"; os.environ["MKL_NUM_THREADS"] = "1"
sys.path.insert(0, "/work/main"); sys.path.insert(0, "/work/exp/neural")
import json, time, resource
import numpy as np
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1
from arabic_entities.ner.conll import read_conll
from arabic_entities.ner.train import split_dev
from arabic_entities.ner.evaluate import evaluate
from arabic_entities.ner.clusters import load_clusters
from arabic_entities.gazetteer import load_gazetteer
from gensim.models import KeyedVectors
from feats import Featurizer
from npinfer import NumpyTagger
from npinfer2 import NumpyTagger2
_, dev = split_dev(read_conll("/work/shared/data/ner/anercorp/camel_split_reconstructed/train.txt"), 0.1)
ntok = sum(len(t) for t, _ in dev)
kv = KeyedVectors.load("/work/exp/w2v/unlabeled.kv"); k2i = kv.key_to_index
cl = load_clusters().ids; gz = load_gazetteer(); c2i = json.load(open("char2id.json"))
m = NumpyTagger2(f"tagger_s{SEED}.npz")
fz = Featurizer(k2i, cl, gz, c2i); feats = [fz.sentence(toks) for toks, _ in dev]
ref = NumpyTagger(f"tagger_s{SEED}.npz").tag(feats)
p2 = m.tag(feats)
print("identical to reference numpy/torch tags:", sum(a == b for a, b in zip(ref, p2)), "/", len(dev))
for bs in (32, 64, 128, 256):
    best_full, best_nn, best_cpu = 1e9, 1e9, 1e9
    for rep in range(5):
        c0 = time.process_time(); t = time.perf_counter()
        fz = Featurizer(k2i, cl, gz, c2i)
        feats = [fz.sentence(toks) for toks, _ in dev]
        t1 = time.perf_counter()
        pred = m.tag(feats, batch=bs)
        t2 = time.perf_counter()
        best_full = min(best_full, t2 - t); best_nn = min(best_nn, t2 - t1); best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"batch {bs}: {ntok} tok; end-to-end {ntok/best_full:,.0f} tok/s wall ({ntok/best_cpu:,.0f} tok/s by process CPU time); "
          f"neural+viterbi only {ntok/best_nn:,.0f} tok/s")
print("F1", evaluate([t for _, t in dev], pred).micro.f1)
