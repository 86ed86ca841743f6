"""Optional evidence from camel-tools' morphological analyzer for clitic decisions.

With a camel-tools morphology database (``camel_data -i morphology-db-msa-r13``, or
the path of a ``morphology.db`` / ``morphology.db.gz`` file), the resolver asks the
analyzer about a word that may carry proclitics:

- a word the analyzer reads as a proper noun with no proclitic (واشنطن, وليد, لبنان,
  بكين, كندا) is kept whole;
- a split whose proclitics the analyzer finds on a proper noun or an article-bearing
  word (وبوتين = و + بوتين, للكرملين = ل + الكرملين) counts as strong evidence.

Words the analyzer does not know (وترامب) are left to the default rules, so the
option changes decisions only where the analyzer has an opinion. camel-tools
fetches its data catalogue when ``camel_tools.morphology`` is imported; it is imported
through :func:`~arabic_entities.camel_data.import_offline`, so nothing goes to the network.

The database is GPL-licensed camel-tools data: it is never shipped with this package.
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from ..camel_data import data_dir, import_offline
from ..lexicon.arabic import Split

__all__ = ["Morphology", "load_morphology", "installed_db_path"]

#: Proclitic letters and the analyzer features that carry them.
_FEATURES = {
    "و": ("prc2", "wa_"),
    "ف": ("prc2", "fa_"),
    "ب": ("prc1", "bi_"),
    "ل": ("prc1", "li_"),
    "ك": ("prc1", "ka_"),
}
_NO_CLITIC = {"prc0": "0", "prc1": "0", "prc2": "0", "prc3": "0"}


def installed_db_path(name: str = "calima-msa-r13") -> Path:
    """Where ``camel_data`` installs a morphology database, without importing camel-tools."""
    return data_dir("morphology_db", name) / "morphology.db"


def _plain_db(path: Path) -> Path:
    """``path`` itself, or for a ``.gz`` a decompressed copy in the temporary folder."""
    if path.suffix != ".gz":
        return path
    stat = path.stat()
    copy = Path(tempfile.gettempdir(), f"arabic-entities-{path.stem}-{stat.st_size}-{int(stat.st_mtime)}")
    if not copy.is_file():
        partial = copy.with_suffix(".partial")
        with gzip.open(path, "rb") as source, open(partial, "wb") as target:
            shutil.copyfileobj(source, target)
        partial.replace(copy)
    return copy


class Analyzer(Protocol):
    """What is used of a camel-tools ``camel_tools.morphology.analyzer.Analyzer``."""

    def analyze(self, word: str) -> Iterable[dict[str, Any]]:
        """The analyses of ``word``, each a dict of features (``pos``, ``prc0``, ...)."""
        ...


class Morphology:
    """Clitic evidence from a camel-tools analyzer (see the module docstring)."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self._lock = threading.Lock()  # the analyzer's cache is not thread-safe

    @functools.lru_cache(maxsize=65_536)  # noqa: B019 (one instance per database, kept for the process)
    def _analyses(self, word: str) -> tuple[dict[str, Any], ...]:
        with self._lock:
            return tuple(self.analyzer.analyze(word))

    def is_plain_name(self, word: str) -> bool:
        """Whether some analysis reads ``word`` as a proper noun without any clitic."""
        return any(
            a.get("pos") == "noun_prop" and all(a.get(f, "0") == "0" for f in _NO_CLITIC) for a in self._analyses(word)
        )

    def supports(self, word: str, split: Split) -> bool:
        """Whether some analysis of ``word`` has exactly the proclitics of ``split`` on a
        proper noun or an article-bearing word."""
        wanted = [_FEATURES[letter] for letter in split.prefix if letter in _FEATURES]
        restores_article = split.prefix.endswith("لل") or split.stem.startswith("ال")
        for analysis in self._analyses(word):
            if analysis.get("pos") != "noun_prop" and analysis.get("prc0") != "Al_det":
                continue
            if all(str(analysis.get(feature, "0")).startswith(value) for feature, value in wanted) and (
                not restores_article or analysis.get("prc0") == "Al_det"
            ):
                return True
        return False


@functools.cache
def load_morphology(path: str | os.PathLike | None = None) -> Morphology:
    """An analyzer over the database at ``path`` (default: camel-tools' installed MSA one)."""
    db_path = Path(path) if path is not None else installed_db_path()
    if not db_path.is_file():
        raise FileNotFoundError(
            f"no morphology database at {db_path}: install one with "
            "`camel_data -i morphology-db-msa-r13`, or pass the path of a morphology.db(.gz) file"
        )
    database = import_offline("camel_tools.morphology.database")
    analyzer = import_offline("camel_tools.morphology.analyzer")
    return Morphology(analyzer.Analyzer(database.MorphologyDB(str(_plain_db(db_path)), "a")))
