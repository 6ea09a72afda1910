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


@pytest.fixture(scope="session")
def sample_postgres(postgres_server: object) -> str:
    """The same sample world in a PostgreSQL database."""
    url = postgres_server.create_database("query_sample")  # type: ignore[attr-defined]
    return str(build_sample_db(url))  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, sample_db: Path) -> Iterator[Detente]:
    """The query suite runs against both backends."""
    location = sample_db if request.param == "sqlite" else request.getfixturevalue("sample_postgres")
    with detente.open(location) as opened:
        yield opened
