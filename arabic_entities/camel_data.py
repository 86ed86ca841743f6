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
    one at import; it is shown an empty catalogue in a temporary folder instead, for
    the duration of the import.
    """
    with _import_lock:
        if "camel_tools.data" not in sys.modules and not (_root() / "catalogue.json").is_file():
            folder = Path(tempfile.mkdtemp(prefix="arabic-entities-camel-"))
            empty = {"version": "offline", "packages": {}, "components": {}}
            (folder / "catalogue.json").write_text(json.dumps(empty), encoding="utf-8")
            previous = os.environ.get("CAMELTOOLS_DATA")
            os.environ["CAMELTOOLS_DATA"] = str(folder)
            try:
                importlib.import_module("camel_tools.data")
            finally:
                if previous is None:
                    del os.environ["CAMELTOOLS_DATA"]
                else:
                    os.environ["CAMELTOOLS_DATA"] = previous
        return importlib.import_module(module)
