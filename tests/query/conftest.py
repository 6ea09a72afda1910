"""One sample database per session, opened read-only through the query layer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.store.sample_world import build_sample_db

import detente
from detente.query import Detente


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("query") / "sample.db")


@pytest.fixture
def db(sample_db: Path) -> Iterator[Detente]:
    with detente.open(sample_db) as opened:
        yield opened
