from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import ROOT
from tests.scale.snapshots import snapshot

from detente.pipeline import ingest_sources

#: Our own fixture articles (plain text pages), enough for several tasks per worker.
SOURCES = [str(ROOT / "tests" / "fixtures" / name / "articles") for name in ("dev", "holdout", "holdout2")]


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A plain single-process ingest of SOURCES into SQLite: what every other way must equal."""
    path = tmp_path_factory.mktemp("reference") / "plain.db"
    summary = ingest_sources(SOURCES, path, progress=False)
    assert summary.ok and summary.new > 40
    return snapshot(path)


def dask_available() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        pytest.skip("dask[distributed] is not installed (pip install -e '.[scale]'): Dask tests skipped")


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "detente.db"
