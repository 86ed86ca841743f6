"""Where camel-tools keeps its data, and importing camel-tools modules without network.

camel-tools reads ``$CAMELTOOLS_DATA`` (``~/.camel_tools`` when unset) at import, and
``camel_tools.data`` downloads a data catalogue there when none is present. These
helpers find installed data without importing camel-tools, and import the modules
that need the catalogue with an empty local one instead of the download.

>>> data_dir("ner", "arabert").parts[-3:]
('data', 'ner', 'arabert')
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
import tempfile
import threading
from pathlib import Path
from types import ModuleType

__all__ = ["data_dir", "import_offline"]

_import_lock = threading.Lock()


def _root() -> Path:
    return Path(os.environ.get("CAMELTOOLS_DATA") or Path.home() / ".camel_tools").expanduser()


def data_dir(*parts: str) -> Path:
    """The folder where ``camel_data`` installs a dataset: ``<root>/data/<parts...>``."""
    return _root().joinpath("data", *parts)


def import_offline(module: str) -> ModuleType:
    """Import a camel-tools module that loads camel-tools' data catalogue, offline.

    When no ``catalogue.json`` is where camel-tools looks, camel-tools would download
    one while ``camel_tools.data`` imports; it is shown an empty catalogue in a
    temporary folder instead (see :func:`_import_data_package`). The environment is
    not touched.
    """
    with _import_lock:
        if "camel_tools.data" not in sys.modules and not (_root() / "catalogue.json").is_file():
            _import_data_package()
        return importlib.import_module(module)


def _import_data_package() -> None:
    """Import ``camel_tools.data`` with an empty catalogue.

    The package's ``__init__`` loads the catalogue from
    ``Catalogue.get_default_catalogue_path()``. Its ``catalogue`` submodule is imported
    first, that one method is pointed at an empty catalogue while the package's
    ``__init__`` runs, then put back.
    """
    spec = importlib.util.find_spec("camel_tools.data")
    if spec is None or spec.loader is None:
        raise ImportError("camel_tools.data not found: is camel-tools installed?")
    package = importlib.util.module_from_spec(spec)
    sys.modules["camel_tools.data"] = package
    try:
        catalogue = importlib.import_module("camel_tools.data.catalogue")
        folder = Path(tempfile.mkdtemp(prefix="arabic-entities-camel-"))
        empty = {"version": "offline", "packages": {}, "components": {}}
        (folder / "catalogue.json").write_text(json.dumps(empty), encoding="utf-8")
        default_path = catalogue.Catalogue.__dict__["get_default_catalogue_path"]
        catalogue.Catalogue.get_default_catalogue_path = staticmethod(lambda: folder / "catalogue.json")
        try:
            spec.loader.exec_module(package)
        finally:
            catalogue.Catalogue.get_default_catalogue_path = default_path
    except BaseException:
        for name in [
            name for name in sys.modules if name == "camel_tools.data" or name.startswith("camel_tools.data.")
        ]:
            del sys.modules[name]
        raise
