"""The shipped data files match arabic_entities/data_manifest.json, and their writers are deterministic."""

import json
import shlex
import shutil
import zipfile

import numpy as np
import pytest

from arabic_entities import manifest
from arabic_entities.lexicon.build_clusters import write_npz

ENTRIES = manifest.load_manifest()


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.path for entry in ENTRIES])
def test_shipped_file_matches_its_hash_and_size(entry):
    path = manifest.PACKAGE_DIR / entry.path
    assert path.is_file(), f"{entry.path} is listed but missing"
    assert path.stat().st_size == entry.size, (
        f"{entry.path}: size changed; rebuild it, or record it with python -m arabic_entities.manifest --update"
    )
    assert manifest.sha256(path) == entry.sha256, (
        f"{entry.path}: content changed; rebuild it, or record it with python -m arabic_entities.manifest --update"
    )


def test_every_data_file_is_listed():
    listed = {entry.path for entry in ENTRIES}
    assert set(manifest.data_files()) <= listed
    assert {"ner/models/bilstm.npz", "ner/models/crf.crfsuite", "lexicon/data/clusters.npz"} <= listed
    assert "data_manifest.json" not in listed and "__init__.py" not in listed
    assert manifest.check() == []


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.path for entry in ENTRIES])
def test_commands_read_the_repository_and_shared_data_and_write_the_work_folder(entry):
    if entry.command is None:
        assert entry.note and entry.build is None  # hand-made: says what it is
        return
    work = f"{manifest.WORK_DIR}/"
    for step in entry.command.split(" && "):
        words = shlex.split(step)
        while "=" in words[0]:  # environment settings, such as OMP_NUM_THREADS=1
            words.pop(0)
        if words[:2] == ["git", "show"]:  # a file of the repository's history, into the work folder
            assert len(words) == 5 and words[3] == ">" and words[4].startswith(work), step
            continue
        module = words[:2] == ["python", "-m"] and words[2].startswith("arabic_entities.")
        script = words[0] == "python" and words[1].startswith("scripts/") and words[1].endswith(".py")
        assert module or script, step
        for word in words:
            if word.startswith(".."):
                assert word.startswith("../shared/data/"), word  # nothing else outside the repository
        for option, value in zip(words, words[1:]):
            if option == "--output":
                assert value.startswith(work), step  # the work folder, never the package
    assert entry.build is not None and entry.build.startswith(work)


def test_manifest_is_in_the_form_update_writes(tmp_path):
    text = manifest.MANIFEST_PATH.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    copy = tmp_path / "data_manifest.json"
    shutil.copy(manifest.MANIFEST_PATH, copy)
    assert manifest.update(copy) is False
    assert copy.read_text(encoding="utf-8") == text


def test_check_reports_changed_missing_and_unlisted_files(tmp_path):
    package = tmp_path / "package"
    for entry in ENTRIES[:2]:
        (package / entry.path).parent.mkdir(parents=True, exist_ok=True)
        (package / entry.path).write_bytes(b"changed")
    (package / "relations").mkdir()
    (package / "relations" / "new.tsv").write_bytes(b"new")
    (package / "relations" / "code.py").write_bytes(b"")
    problems = manifest.check(package_dir=package)
    assert f"{ENTRIES[0].path}: size or sha256 differs from the manifest" in problems
    assert f"{ENTRIES[2].path}: listed but missing" in problems
    assert "relations/new.tsv: not in the manifest" in problems
    assert not any("code.py" in problem for problem in problems)
    with pytest.raises(ValueError):
        manifest.update(manifest.MANIFEST_PATH, package)


def test_update_records_new_hashes(tmp_path):
    package = tmp_path / "package"
    for entry in ENTRIES:
        (package / entry.path).parent.mkdir(parents=True, exist_ok=True)
        (package / entry.path).write_bytes(entry.path.encode())
    copy = tmp_path / "data_manifest.json"
    shutil.copy(manifest.MANIFEST_PATH, copy)
    assert manifest.update(copy, package) is True
    assert manifest.check(copy, package) == []
    assert [entry.command for entry in manifest.load_manifest(copy)] == [entry.command for entry in ENTRIES]


def test_compare_build(tmp_path):
    entry = next(entry for entry in ENTRIES if entry.build is not None)
    (tmp_path / entry.build).parent.mkdir(parents=True)
    shutil.copy(manifest.PACKAGE_DIR / entry.path, tmp_path / entry.build)
    result = manifest.compare_build(repo_dir=tmp_path)
    assert result[entry.path] == "same"
    assert set(result.values()) == {"same", "not built"}
    (tmp_path / entry.build).write_bytes(b"other")
    assert manifest.compare_build(repo_dir=tmp_path)[entry.path] == "differs"


def test_command_line(capsys):
    assert manifest.main([]) == 0
    assert f"{len(ENTRIES)} files match" in capsys.readouterr().out
    assert manifest.main(["--commands"]) == 0
    out = capsys.readouterr().out
    assert all(entry.command in out for entry in ENTRIES if entry.command)


@pytest.mark.parametrize("compress", [True, False])
def test_write_npz_gives_equal_bytes_for_equal_arrays(tmp_path, compress):
    arrays = {
        "b": np.arange(5, dtype=np.int16),
        "a/x": np.eye(3, dtype=np.float32),
        "text": np.frombuffer(b"z", np.uint8),
    }
    write_npz(tmp_path / "one.npz", arrays, compress=compress)
    write_npz(tmp_path / "sub" / "two.npz", dict(arrays), compress=compress)
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "sub" / "two.npz").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.npz") as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == ["b.npy", "a/x.npy", "text.npy"]  # the order given
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED}
    with np.load(tmp_path / "one.npz", allow_pickle=False) as loaded:
        assert loaded.files == list(arrays)
        for name, array in arrays.items():
            assert loaded[name].dtype == array.dtype and np.array_equal(loaded[name], array)


def test_write_npz_refuses_pickled_objects(tmp_path):
    with pytest.raises(ValueError):
        write_npz(tmp_path / "o.npz", {"o": np.array([{}], dtype=object)})
