"""Worker processes for Pipeline.pipe(n_process=...)."""

import arabic_entities as ae
from arabic_entities.ner.base import Recognizer

TEXTS = ["قال ماسك إن بوتين وافق.", "زار ترامب موسكو.", "", "انتقد بايدن بوتين في واشنطن.", "التقى ماسك وبوتين."]


class ThreadReporter(Recognizer):
    """Every token a person, scored with the BLAS thread count of the process that tags it."""

    def predict_scores(self, sentences):
        from threadpoolctl import threadpool_info

        threads = max((pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"), default=1)
        return [(["B-PERS"] * len(tokens), [float(threads)] * len(tokens)) for tokens in sentences]


def test_workers_run_blas_on_one_thread(monkeypatch):
    from arabic_entities.threads import THREAD_VARIABLES

    for name in THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    nlp = ae.Pipeline(ThreadReporter(), propagate=False, relations=False)
    docs = list(nlp.pipe(["ماسك", "بوتين"], n_process=2, batch_size=1))
    assert [m.score for doc in docs for m in doc.mentions] == [1.0, 1.0]


def test_any_loaded_pipeline_runs_in_worker_processes():
    texts = TEXTS
    crf = ae.load("crf")
    serial = [d.to_dict() for d in crf.pipe(texts, batch_size=2)]
    assert [d.to_dict() for d in crf.pipe(texts, n_process=2, batch_size=2)] == serial
    assert serial != [d.to_dict() for d in ae.extract_many(texts, batch_size=2)]  # a different recognizer


def test_extract_many_leaves_the_model_to_the_workers():
    import subprocess
    import sys

    code = (
        "import arabic_entities as ae, arabic_entities.pipeline as p\n"
        "if __name__ == '__main__':\n"
        "    docs = list(ae.extract_many(['قال ماسك', 'زار بوتين موسكو'], n_process=2, batch_size=1))\n"
        "    assert [len(d.mentions) for d in docs] == [1, 2]\n"
        "    assert p._default is None and not p._loaded  # this process loaded no pipeline\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_script_without_main_guard_fails_fast_instead_of_hanging(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "import arabic_entities as ae\n"
        "docs = list(ae.extract_many(['قال بوتين', 'زار ماسك موسكو'] * 4, n_process=2, batch_size=1))\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode != 0
    assert "WorkerError" in run.stderr and 'if __name__ == "__main__":' in run.stderr


class DyingRecognizer(Recognizer):
    """Kills the worker process that runs it, as the out-of-memory killer would."""

    def predict_scores(self, sentences):
        import os

        os._exit(9)


def test_a_killed_worker_is_an_error_in_the_parent():
    import pytest

    from arabic_entities.parallel import WorkerError

    nlp = ae.Pipeline(DyingRecognizer(), propagate=False, relations=False)
    with pytest.raises(WorkerError, match="worker process .* died"):
        list(nlp.pipe(TEXTS, n_process=2, batch_size=1))
