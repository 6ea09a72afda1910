"""A test module's own small world on both backends: the fixtures that build it once per module
(SQLite file, PostgreSQL database) and open it through the query layer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import detente
from detente.query import Detente
from detente.store import Store, open_store


def world_fixtures(fill: Callable[[Store], None], name: str) -> tuple[Any, Any, Any, Any]:
    """`sqlite_path`, `postgres_location`, `location` (each backend in turn) and `db` for a
    module: assign them to those names in the module."""

    @pytest.fixture(scope="module", name="sqlite_path")
    def sqlite_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
        path = tmp_path_factory.mktemp(name) / f"{name}.db"
        with open_store(path) as store:
            fill(store)
        return path

    @pytest.fixture(scope="module", name="postgres_location")
    def postgres_location(postgres_server: object) -> str:
        url = postgres_server.create_database(name)  # type: ignore[attr-defined]
        with open_store(url) as store:
            fill(store)
        return str(url)

    @pytest.fixture(params=["sqlite", "postgresql"], name="location")
    def location(request: pytest.FixtureRequest, sqlite_path: Path) -> str | Path:
        return sqlite_path if request.param == "sqlite" else request.getfixturevalue("postgres_location")

    @pytest.fixture(name="db")
    def db(location: str | Path) -> Iterator[Detente]:
        with detente.open(location) as opened:
            yield opened

    return sqlite_path, postgres_location, location, db
