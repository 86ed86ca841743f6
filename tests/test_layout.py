"""The package's structure: stages as folders, imports only of public names, one way down."""

import ast
from pathlib import Path

import arabic_entities

PACKAGE = Path(arabic_entities.__file__).parent

#: What each stage may import from the package, besides itself (modules are named
#: from the package root; a folder name covers its modules). The neutral modules at
#: the bottom import nothing of the package but each other.
ALLOWED = {
    "document": {"graph.html", "lexicon.romanize"},  # inside methods only, never at import
    "spans": {"document"},
    "threads": set(),
    "camel_data": set(),
    "dates": set(),
    "inputs": {"dates"},
    "manifest": set(),
    "text": set(),
    "lexicon": {"document", "text", "manifest"},
    "ner": {"document", "lexicon", "text", "threads", "camel_data", "manifest"},
    "entities": {"document", "spans", "lexicon", "text", "camel_data"},
    "relations": {"document", "lexicon", "text"},
    "graph": {"document", "dates", "entities", "lexicon", "text"},
}
TOP = {"__init__", "pipeline", "parallel", "cli", "distributed"}


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield path, parts


def imports(path, parts):
    """``(module imported, names)`` of every import of the package in the file at ``path``."""
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("arabic_entities"):
                target = node.module.removeprefix("arabic_entities").lstrip(".")
            else:
                continue
            yield target, [alias.name for alias in node.names]


def test_no_module_imports_another_modules_private_names():
    found = [
        f"{'/'.join(parts)}: {target} {name}"
        for path, parts in modules()
        for target, names in imports(path, parts)
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert found == []


def test_stages_are_folders():
    folders = {path.parent.name for path, _ in modules() if path.parent != PACKAGE}
    assert {"text", "lexicon", "ner", "entities", "relations", "graph"} <= folders


def test_each_stage_imports_only_the_stages_below_it():
    wrong = []
    for path, parts in modules():
        stage = parts[0] if len(parts) > 1 else parts[0]
        if stage in TOP:
            continue
        allowed = ALLOWED[stage] | {stage}
        for target, names in imports(path, parts):
            targets = [target] if target else names  # `from . import ner` names modules
            for module in targets:
                if not any(module == a or module.startswith(a + ".") for a in allowed):
                    wrong.append(f"{'/'.join(parts)} imports {module}")
    assert wrong == []
