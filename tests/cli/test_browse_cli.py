"""`detente events`, `search`, `people`, `office` and `export` as an analyst scripts them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from tests.store.sample_world import build_sample_db
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("browse") / "sample.db")


def _header(output: str) -> list[str]:
    return next(csv.reader(io.StringIO(output)))


@pytest.mark.parametrize(
    ("command", "empty"),
    [
        (["events", "--country", "KEN"], ["events", "--person", "Nobody Known"]),
        (["search", "memorandum"], ["search", "zeppelin"]),
        (["people"], ["people", "--country", "NZL"]),
        (["office", "Defence Cabinet Secretary"], ["office", "Grand Vizier"]),
    ],
)
def test_an_empty_csv_result_has_the_same_header(
    sample_db: Path, command: list[str], empty: list[str]
) -> None:
    full = runner.invoke(app, [*command, "--db", str(sample_db), "--format", "csv"])
    none = runner.invoke(app, [*empty, "--db", str(sample_db), "--format", "csv"])
    assert full.exit_code == 0 and none.exit_code == 0, full.output + none.output
    assert len(full.output.splitlines()) > 1
    assert none.output.splitlines() == [",".join(_header(full.output))]


def test_since_and_until_take_a_year_or_a_month_as_the_api_does(sample_db: Path) -> None:
    result = runner.invoke(
        app, ["events", "--db", str(sample_db), "--since", "2024-11", "--until", "2024-11", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["event_id"] for r in rows} == {"E-atlantic-shield", "E-sampaio-praise"}
    bad = runner.invoke(app, ["events", "--db", str(sample_db), "--since", "March"])
    assert bad.exit_code == 2
    assert "'March' is not a date" in bad.output


@pytest.mark.parametrize("suffix", ["parquet", "jsonl", "csv"])
def test_export_without_format_follows_the_file_name(sample_db: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"events.{suffix}"
    result = runner.invoke(app, ["export", "--db", str(sample_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    read = {"parquet": pd.read_parquet, "jsonl": lambda p: pd.read_json(p, lines=True), "csv": pd.read_csv}
    assert len(read[suffix](out)) == 8


def test_export_without_format_or_known_extension_writes_csv(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events"
    assert runner.invoke(app, ["export", "--db", str(sample_db), "--out", str(out)]).exit_code == 0
    assert out.read_text("utf-8").startswith("event_id,type,status")


@pytest.mark.parametrize(
    ("target", "reason"),
    [("missing/folder/events.csv", "does not exist"), (".", "it is a folder")],
)
def test_export_to_a_bad_path_is_one_line_and_exit_1(
    sample_db: Path, tmp_path: Path, target: str, reason: str
) -> None:
    out = tmp_path / target
    result = runner.invoke(app, ["export", "--db", str(sample_db), "--out", str(out)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("export failed:") and reason in lines[0]


def test_events_as_csv_are_the_rows_of_the_events_export(sample_db: Path, tmp_path: Path) -> None:
    """One CSV convention for analysts: `events -f csv` reads like `export --table events`."""
    printed = runner.invoke(app, ["events", "--db", str(sample_db), "--format", "csv"])
    out = tmp_path / "events.csv"
    assert runner.invoke(app, ["export", "--db", str(sample_db), "--out", str(out)]).exit_code == 0
    exported = out.read_text("utf-8").splitlines()
    lines = printed.output.splitlines()
    assert lines[0] == exported[0]
    assert sorted(lines[1:]) == sorted(exported[1:])
    assert "KEN;UGA" in printed.output
    assert "Amina Wekesa (Defence Cabinet Secretary, KEN)" in printed.output
