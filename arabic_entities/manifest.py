"""The manifest of the data files shipped in the package, and its check.

``data_manifest.json`` next to this module lists every file of the package that
is not Python source (:func:`data_files`: models, tables, templates, markers) with
its SHA-256, its size and the command that makes it. The commands run from the
repository root, read only the repository and ``../shared/data``, and write into
the work folder ``build/`` (:data:`WORK_DIR`), never into the package; each
entry's ``build`` names the file its command writes, so a rebuild can be compared
with the shipped file. Hand-made files have no command (``null``) and a ``note``
instead.

    python -m arabic_entities.manifest              # check the shipped files (exit 1 on a mismatch)
    python -m arabic_entities.manifest --build      # also compare the rebuilt files in build/ with them
    python -m arabic_entities.manifest --update     # record the current hashes and sizes

``--update`` rewrites hashes and sizes only: a new data file needs an entry (and
its command) written by hand first.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CODE_SUFFIXES",
    "MANIFEST_PATH",
    "PACKAGE_DIR",
    "WORK_DIR",
    "Entry",
    "check",
    "compare_build",
    "data_files",
    "load_manifest",
    "sha256",
    "update",
    "main",
]

PACKAGE_DIR = Path(__file__).parent
MANIFEST_PATH = PACKAGE_DIR / "data_manifest.json"
#: Files with these suffixes are code, not data: every other file of the package
#: (but the manifest itself) must be in the manifest.
CODE_SUFFIXES = frozenset({".py", ".pyi", ".pyc"})
#: The work folder the rebuild commands write to by default, relative to the
#: current directory (the repository root; git-ignored).
WORK_DIR = Path("build")


@dataclass(frozen=True)
class Entry:
    """One shipped file: ``path`` relative to the package folder."""

    path: str
    sha256: str
    size: int
    #: The command that makes it, run from the repository root; ``None`` for a hand-made file.
    command: str | None
    #: The file the command writes (relative to the repository root).
    build: str | None
    note: str = ""


def sha256(path: str | os.PathLike) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read(path: str | os.PathLike) -> dict:
    with open(path, encoding="utf-8") as f:
        manifest: dict = json.load(f)
    return manifest


def _write(manifest: dict, path: str | os.PathLike) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")


def load_manifest(path: str | os.PathLike = MANIFEST_PATH) -> list[Entry]:
    """The manifest's entries, in its order."""
    return [
        Entry(
            path=name,
            sha256=record["sha256"],
            size=record["size"],
            command=record.get("command"),
            build=record.get("build"),
            note=record.get("note", ""),
        )
        for name, record in _read(path)["files"].items()
    ]


def data_files(package_dir: str | os.PathLike = PACKAGE_DIR) -> list[str]:
    """Every file of the package but code and the manifest, as sorted paths relative to ``package_dir``."""
    root = Path(package_dir)
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix not in CODE_SUFFIXES
        and "__pycache__" not in path.parts
        and path.relative_to(root) != Path(MANIFEST_PATH.name)
    )


def check(manifest_path: str | os.PathLike = MANIFEST_PATH, package_dir: str | os.PathLike = PACKAGE_DIR) -> list[str]:
    """What differs between the manifest and the package's data files (empty: nothing)."""
    root = Path(package_dir)
    entries = load_manifest(manifest_path)
    problems = []
    for entry in entries:
        path = root / entry.path
        if not path.is_file():
            problems.append(f"{entry.path}: listed but missing")
        elif path.stat().st_size != entry.size or sha256(path) != entry.sha256:
            problems.append(f"{entry.path}: size or sha256 differs from the manifest")
        if entry.command is None and not entry.note:
            problems.append(f"{entry.path}: neither a command nor a note")
    listed = {entry.path for entry in entries}
    problems += [f"{name}: not in the manifest" for name in data_files(root) if name not in listed]
    return problems


def compare_build(
    manifest_path: str | os.PathLike = MANIFEST_PATH, repo_dir: str | os.PathLike = "."
) -> dict[str, str]:
    """For each file with a command: ``same``, ``differs`` or ``not built``, comparing
    its ``build`` output under ``repo_dir`` with the manifest's hash."""
    result = {}
    for entry in load_manifest(manifest_path):
        if entry.build is None:
            continue
        built = Path(repo_dir) / entry.build
        if not built.is_file():
            result[entry.path] = "not built"
        else:
            result[entry.path] = "same" if sha256(built) == entry.sha256 else "differs"
    return result


def update(manifest_path: str | os.PathLike = MANIFEST_PATH, package_dir: str | os.PathLike = PACKAGE_DIR) -> bool:
    """Record the current hash and size of every listed file; ``True`` if anything changed.

    Raises :class:`ValueError` when a listed file is missing or a data file is not
    listed: an entry (with the command that makes the file) is written by hand.
    """
    root = Path(package_dir)
    manifest = _read(manifest_path)
    files = manifest["files"]
    missing = [name for name in files if not (root / name).is_file()]
    unlisted = [name for name in data_files(root) if name not in files]
    if missing or unlisted:
        raise ValueError(f"missing: {missing}; not in the manifest (add an entry by hand): {unlisted}")
    changed = False
    for name, record in files.items():
        path = root / name
        new = {"sha256": sha256(path), "size": path.stat().st_size}
        if any(record.get(key) != value for key, value in new.items()):
            record.update(new)
            changed = True
    if changed:
        _write(manifest, manifest_path)
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arabic_entities.manifest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--check", action="store_true", help="check the shipped files (the default)")
    parser.add_argument(
        "--build", action="store_true", help=f"also compare the rebuilt files in {WORK_DIR}/ with the manifest"
    )
    parser.add_argument("--update", action="store_true", help="record the current hashes and sizes")
    parser.add_argument("--commands", action="store_true", help="print the command that makes each file")
    parser.add_argument("--manifest", type=Path, default=MANIFEST_PATH, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.update:
        try:
            changed = update(args.manifest)
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"{args.manifest}: {'updated' if changed else 'unchanged'}")
    if args.commands:
        for entry in load_manifest(args.manifest):
            print(f"# {entry.path}\n{entry.command or '(no command: ' + entry.note + ')'}")
        return 0
    problems = check(args.manifest)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{len(load_manifest(args.manifest))} files match {args.manifest.name}")
    differs = False
    if args.build:
        for name, status in compare_build(args.manifest).items():
            print(f"{status:>9}  {name}")
            differs |= status == "differs"
    return 1 if problems or differs else 0


if __name__ == "__main__":
    sys.exit(main())
