"""Shared fixtures.

``shared_data``: the project's shared data folder (ANERcorp, the gazetteer sources,
the unlabeled news, camel-tools' morphology database). It is
``$ARABIC_ENTITIES_SHARED_DATA`` when that is set, else ``../shared/data`` next to
the repository; tests that need it skip when it is not there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA_VARIABLE = "ARABIC_ENTITIES_SHARED_DATA"


def find_shared_data() -> Path:
    """Where the shared data folder should be (it may not exist)."""
    configured = os.environ.get(SHARED_DATA_VARIABLE)
    return Path(configured) if configured else REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder; skips the test when it is absent."""
    folder = find_shared_data()
    if not folder.is_dir():
        pytest.skip(f"shared data folder not found at {folder} (set {SHARED_DATA_VARIABLE} to its path)")
    return folder
