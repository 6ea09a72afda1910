"""The reliability suite: what users and the real web do to detente (docs/reliability.md).

Every test here is marked `reliability`, so the suite runs alone with
`pytest tests/reliability` or `pytest -m reliability`, and with everything else in CI.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import DEV

from detente.pipeline import ArticleProcessor

HERE = Path(__file__).resolve().parent
#: The CLI as a subprocess, importing the package from this checkout's environment.
CLI = [sys.executable, "-c", "from detente.cli import app; app()"]
#: Invented articles of this project's own: two outlets of one meeting (merged), a deal,
#: an exercise, a visit, and a football story the screen should let through eventless.
KILL_CORPUS = (
    "dev01_usa_phl_manila_talks.txt",
    "dev02_usa_phl_second_outlet.txt",
    "dev03_ind_fra_rafale_marine.txt",
    "dev05_chn_khm_golden_dragon.txt",
    "dev09_sau_pak_rawalpindi.txt",
    "dev14_neg_football_friendly.txt",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.reliability)


@pytest.fixture(scope="session")
def processor() -> Iterator[ArticleProcessor]:
    """One loaded extractor for every in-process run of the suite."""
    shared = ArticleProcessor()
    yield shared
    shared.close()


@pytest.fixture(scope="session")
def kill_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill-corpus")
    for name in KILL_CORPUS:
        shutil.copy(DEV / "articles" / name, folder / name)
    return folder
