"""Exports are written with the permissions any new file gets (issue 13, defect 11).

Before: the temporary file came from mkstemp (mode 0600) and was renamed into place,
so every export was readable by its owner only, whatever the umask.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.store.sample_world import build_sample_db

from detente.export import export_events


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_an_export_gets_the_mode_the_umask_gives(tmp_path: Path, fmt: str, umask_022: None) -> None:
    db = build_sample_db(tmp_path / "d.db")
    out = tmp_path / f"events.{fmt}"
    export_events(db, out, fmt)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_existing_export_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    db = build_sample_db(tmp_path / "d.db")
    out = tmp_path / "events.csv"
    out.write_text("old")
    out.chmod(0o640)
    export_events(db, out, "csv")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.read_text().startswith("event_id")
