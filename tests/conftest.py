"""Paths every test area shares; `../shared` is optional and its tests skip without it."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"
DEV = ROOT / "tests" / "fixtures" / "dev"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent (CI has it): test skipped")
    return path


def plain(output: str) -> str:
    """CLI output with rich's box drawing and line wrapping folded away, for `in` checks."""
    import re

    return re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─]", " ", output))


# ---------------------------------------------------------------- a real PostgreSQL server

_DATABASES = itertools.count()
TEST_SERVER_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}  # speed


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """One throwaway server for the session (initdb in a temporary folder), or a skip saying
    what is missing; with DETENTE_REQUIRE_POSTGRES=1 (CI) a missing server fails instead."""
    from detente.store.local_server import ServerUnavailable, start_local_postgres

    def missing(reason: str) -> None:
        if os.environ.get("DETENTE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required here: {reason}")
        pytest.skip(f"{reason}: PostgreSQL tests skipped (CI runs them)")

    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        missing("psycopg is not installed (pip install -e '.[scale]')")
    try:
        server = start_local_postgres(TEST_SERVER_SETTINGS)
    except ServerUnavailable as exc:
        missing(str(exc).splitlines()[0])
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: object) -> str:
    """A new empty database on the session's server."""
    return postgres_server.create_database(f"test_{os.getpid()}_{next(_DATABASES)}")  # type: ignore[attr-defined]
