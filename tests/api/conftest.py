"""A real SQLite database and the app over it, built once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.corpus import build_curated_db
from detente.api import create_app

INGEST_TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="session")
def curated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_curated_db(tmp_path_factory.mktemp("api") / "curated.db")


@pytest.fixture(scope="session")
def client(curated_db: Path) -> Iterator[TestClient]:
    """Read-only app over the curated database (no ingest token)."""
    with TestClient(create_app(curated_db)) as test_client:
        yield test_client
