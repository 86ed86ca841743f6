"""camel-tools' BERT format through our recognizer, with a tiny random model (no download)."""

import subprocess
import sys

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

import arabic_entities as ae  # noqa: E402
from arabic_entities.ner.camelbert import CamelBertRecognizer, installed_model_dir  # noqa: E402

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]  # camel-tools' order
WORDS = ["قال", "ماسك", "إن", "بوتين", "وافق", "على", "اللقاء", "في", "موسكو", "و", "##ب", "##ل", "##ين"]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("camelbert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, *"ابتثجحخدذرزسشصضطظعغفقكلمنهوي.،"]
    (folder / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=len(dict.fromkeys(vocab)),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    transformers.BertForTokenClassification(config).save_pretrained(folder)
    return folder


def test_one_valid_label_per_token_whatever_the_input(model_dir):
    rec = ae.ner.load(model_dir)
    assert isinstance(rec, CamelBertRecognizer)
    batch = [["قال", "ماسك", "إن", "بوتين"], [], ["\u064e"], ["😀", "x", "ـــ"], ["موسكو"] * 700]
    results = rec.predict_scores(batch)
    assert [len(labels) for labels, _ in results] == [4, 0, 1, 3, 700]  # a stray diacritic still gets a label
    for labels, scores in results:
        assert all(label in LABELS for label in labels) and all(0 <= s <= 1 for s in scores)
        assert not any(
            tag.startswith("I-") and (i == 0 or labels[i - 1][2:] != tag[2:]) for i, tag in enumerate(labels)
        )


def test_batching_and_segmenting_do_not_change_labels(model_dir):
    sentences = [["قال", "ماسك", "إن", "بوتين", "وافق"], ["في", "موسكو"] * 40, ["اللقاء"]]
    together = CamelBertRecognizer(model_dir, batch_size=8).predict(sentences)
    alone = [CamelBertRecognizer(model_dir, batch_size=1).predict([s])[0] for s in sentences]
    assert together == alone
    # a long sentence cut into segments keeps one label per token
    cut = CamelBertRecognizer(model_dir, max_pieces=8).predict([sentences[1]])[0]
    assert len(cut) == len(sentences[1])


def test_whole_pipeline_runs_through_it(model_dir):
    text = "قال ماسك إن بوتين وافق على اللقاء في موسكو."
    doc = ae.load(model_dir)(text)
    assert [t.text for t in doc.tokens][:2] == ["قال", "ماسك"]
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_missing_model_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert installed_model_dir() == tmp_path / "data" / "ner" / "arabert"
    with pytest.raises(FileNotFoundError, match="camel_data -i ner"):
        ae.ner.load("camelbert")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="not a BERT model folder"):
        CamelBertRecognizer(tmp_path / "empty")
    monkeypatch.delenv("CAMELTOOLS_DATA")
    assert installed_model_dir().parts[-4:] == (".camel_tools", "data", "ner", "arabert")


def test_installed_model_is_found_through_cameltools_data(model_dir, tmp_path, monkeypatch):
    target = tmp_path / "data" / "ner"
    target.mkdir(parents=True)
    (target / "arabert").symlink_to(model_dir, target_is_directory=True)
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))  # a folder without a catalogue: fine
    code = (
        "import sys, arabic_entities as ae\n"
        "assert ae.ner.load('camelbert').predict([['ماسك']])\n"
        "assert 'camel_tools.data' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # a fresh process: nothing imported before


def test_same_labels_as_camel_tools_own_recognizer(model_dir):
    from arabic_entities.camel_data import import_offline
    from arabic_entities.ner.camelbert import valid_iob2

    camel_ner = import_offline("camel_tools.ner")  # offline: an empty local catalogue
    sentences = [["قال", "ماسك", "إن", "بوتين", "وافق", "على", "اللقاء"], ["في", "موسكو"] * 30, ["اللقاء"]]
    theirs = camel_ner.NERecognizer(str(model_dir), use_gpu=False).predict(sentences)
    assert [valid_iob2(labels) for labels in theirs] == CamelBertRecognizer(model_dir).predict(sentences)
