from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from tests.store.sample_world import build_sample_db

import detente
from detente.export import export_dyad_years, export_events, export_sources
from detente.export.columns import DYAD_YEAR_COLUMNS, EVENT_COLUMNS, SOURCE_COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"
EVENT_NAMES = [c.name for c in EVENT_COLUMNS]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("export") / "sample.db")


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype={"cameo": str})
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_parquet(path)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_events_open_in_pandas_with_the_documented_columns(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"events.{fmt}"
    assert export_events(sample_db, path, fmt) == 8
    frame = _read(path)
    assert list(frame.columns) == EVENT_NAMES
    talks = frame.set_index("event_id").loc["E-ke-ug-talks"]
    assert (talks["country_a"], talks["country_b"], talks["source_count"]) == ("KEN", "UGA", 2)
    assert (talks["cameo"], talks["plover_type"], talks["geonames_id"]) == ("040", "CONSULT", 184745)
    assert frame.set_index("event_id").loc["E-mombasa-2024"]["geo_level"] == "facility"
    course = frame.set_index("event_id").loc["E-arusha-course"]
    if fmt == "csv":
        assert course["countries"] == "KEN;TZA;UGA"
        assert pd.isna(course["country_a"])
        assert talks["participants"].startswith("Amina Wekesa (Defence Cabinet Secretary, KEN); Paul Okot")
    else:
        assert list(course["countries"]) == ["KEN", "TZA", "UGA"]
        assert pd.isna(course["country_a"])
        assert talks["participants"][0]["person_id"] == "P-wekesa"
    assert str(talks["date_start"]) == "2025-03-03"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_sources_have_one_row_per_report(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"sources.{fmt}"
    assert export_sources(sample_db, path, fmt) == 9
    frame = _read(path)
    assert list(frame.columns) == [c.name for c in SOURCE_COLUMNS]
    talks = frame[frame["event_id"] == "E-ke-ug-talks"]
    assert sorted(talks["outlet"]) == ["East Wire", "Nairobi Daily"]
    assert sorted(int(v) for v in talks["evidence_start"]) == [0, 14]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_dyad_years_export_matches_the_query(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"dyad_years.{fmt}"
    assert export_dyad_years(sample_db, path, fmt) == 6
    frame = _read(path)
    assert list(frame.columns) == [c.name for c in DYAD_YEAR_COLUMNS]
    with detente.open(sample_db) as db:
        expected = [r.to_dict() for r in db.dyad_years()]
    got = frame.astype({"first_date": str, "last_date": str}).to_dict(orient="records")
    assert got == expected


def test_the_format_follows_the_file_name_and_a_bad_one_is_named(sample_db: Path, tmp_path: Path) -> None:
    assert export_events(sample_db, tmp_path / "e.jsonl") == 8
    first = json.loads((tmp_path / "e.jsonl").read_text().splitlines()[0])
    assert list(first) == EVENT_NAMES
    with pytest.raises(
        ValueError, match="export format 'xlsx' is not supported; use one of csv, jsonl, parquet"
    ):
        export_events(sample_db, tmp_path / "e.csv", "xlsx")
    with pytest.raises(ValueError, match=r"from file name 'events\.txt'"):
        export_events(sample_db, tmp_path / "events.txt")
    assert not (tmp_path / "events.txt").exists()


def test_an_open_database_can_be_exported_and_stays_open(sample_db: Path, tmp_path: Path) -> None:
    with detente.open(sample_db) as db:
        export_events(db, tmp_path / "e.parquet")
        assert db.stats().events == 8


def test_a_failed_export_keeps_the_previous_file(sample_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("previous export\n")
    with pytest.raises(FileNotFoundError):
        export_events(tmp_path / "missing.db", path)
    assert path.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_an_empty_database_exports_headers_only(tmp_path: Path) -> None:
    from detente.store import open_store

    open_store(tmp_path / "empty.db").close()
    assert export_events(tmp_path / "empty.db", tmp_path / "e.parquet") == 0
    assert list(pd.read_parquet(tmp_path / "e.parquet").columns) == EVENT_NAMES


def test_every_exported_column_is_documented() -> None:
    documented = set(re.findall(r"^\| `(\w+)` \|", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE))
    for columns in (EVENT_COLUMNS, SOURCE_COLUMNS, DYAD_YEAR_COLUMNS):
        missing = {c.name for c in columns} - documented
        assert not missing, f"docs/exports.md does not document {sorted(missing)}"
