"""A real database and a small FastAPI app serving only the dashboard, shared by the web tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_apps import dashboard_app
from web_dataset import Dataset, build_database


@pytest.fixture(scope="session")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return build_database(tmp_path_factory.mktemp("web") / "detente.db")


@pytest.fixture(scope="session")
def client(dataset: Dataset) -> Iterator[TestClient]:
    with TestClient(dashboard_app(dataset.path)) as test_client:
        yield test_client
