"""Untrusted text reaches the terminal escaped: file names, paths, article text (issue 13, defect 2).

Before: `detente ingest '[/]'` died with rich's MarkupError (and every re-run died at the
same file), `x[bold]y` printed as "xy", `[link=...]` made a hyperlink, and ESC sequences
in names reached the terminal raw.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.cli.safe import printable
from detente.models import Article, Event, EventDate, Participant, Resolution, Source
from detente.store import open_store

runner = CliRunner()
MARKUP = "x[bold]y"
ESCAPE = "e\x1b[31mred"
LINK = "a[link=https:evil.example]click"
HOSTILE = f"Talks [/] {ESCAPE} and {LINK} in Manila."


def _run(*args: str):
    result = runner.invoke(app, list(args))
    assert ("Traceback" not in result.output and result.exception is None) or isinstance(
        result.exception, SystemExit
    ), result.output
    return result


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_source_named_like_markup_is_one_failure_line_not_a_crash(command: str, tmp_path: Path) -> None:
    target = ["--db", str(tmp_path / "x.db")] if command == "ingest" else ["--out", str(tmp_path / "x.jsonl")]
    result = _run(command, "[/]", *target, "--quiet")
    assert result.exit_code == 1
    assert "failed [/]: no such file or folder" in result.output


def test_file_names_with_markup_and_escapes_are_shown_as_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    for name in (MARKUP, ESCAPE, LINK):
        (folder / f"{name}.bin").write_bytes(b"\x00\x01binary")
    result = _run("ingest", str(folder), "--db", str(tmp_path / "n.db"), "--quiet")
    assert result.exit_code == 1
    assert f"{MARKUP}.bin: binary file" in result.output
    assert f"{LINK}.bin: binary file" in result.output
    assert "e\\x1b[31mred.bin: binary file" in result.output
    assert "\x1b" not in result.output  # no colour, no OSC 8 hyperlink, nothing for the terminal to act on
    rerun = _run("ingest", str(folder), "--db", str(tmp_path / "n.db"), "--quiet")
    assert [line for line in rerun.output.splitlines() if line.startswith("failed ")].__len__() == 3


def test_a_database_path_with_markup_is_printed_literally(tmp_path: Path) -> None:
    db = tmp_path / "[b]x[bold].db"
    (tmp_path / "a.txt").write_text("The weather was fine on Monday.\n")
    result = _run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "--quiet")
    assert result.exit_code == 0
    assert "[b]x[bold].db" in "".join(result.output.split())
    missing = _run("stats", "--db", str(tmp_path / "\x1b[2Jgone.db"))
    assert missing.exit_code != 0 and "\x1b" not in missing.output


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    """One stored event whose evidence and participant carry markup and ESC sequences."""
    db = tmp_path / "h.db"
    person = Participant(f"Jose [bold]Cruz {ESCAPE}", "Defence Secretary", "PHL", person_id="p1")
    event = Event(
        type="meeting",
        status="occurred",
        countries=["PHL", "USA"],
        evidence=HOSTILE,
        date=EventDate(date(2025, 3, 4), date(2025, 3, 4), "day"),
        participants=[person],
        doc_id="hostile",
        event_id="ev-1",
        sources=[Source("hostile", HOSTILE)],
    )
    from detente.models import Person

    with open_store(db) as store:
        store.add_article(Article("hostile", HOSTILE), [])
        store.save_resolution(Resolution([event], [Person("p1", person.name, "PHL")], {}))
    return db


def test_event_text_with_markup_and_escapes_prints_literally_in_a_table(hostile_db: Path) -> None:
    result = _run("events", "--db", str(hostile_db))
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    assert "Talks [/]" in flat and "e\\x1b[31mred" in flat
    assert "\x1b" not in result.output


def test_a_person_named_with_markup_prints_literally(hostile_db: Path) -> None:
    result = _run("person", "p1", "--db", str(hostile_db))
    assert result.exit_code == 0, result.output
    assert "Jose [bold]Cruz e\\x1b[31mred" in result.output
    assert "\x1b" not in result.output


def test_search_and_office_titles_with_markup_do_not_crash(hostile_db: Path) -> None:
    assert _run("search", "Talks", "--db", str(hostile_db)).exit_code == 0
    office = _run("office", "[/]Secretary", "--db", str(hostile_db))
    assert office.exit_code == 0 and "[/]Secretary" in office.output


def test_printable_escapes_what_a_terminal_acts_on_and_keeps_what_it_shows() -> None:
    assert printable("Ã©cole [bold] — São Paulo\xa0") == "Ã©cole [bold] — São Paulo\xa0"
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("line\nbreak\ttab") == "line\\nbreak\\ttab"
    assert printable("line\nbreak", keep_newlines=True) == "line\nbreak"
    assert printable("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert printable(os.fsdecode(b"bad\xff.txt")) == "bad\\xff.txt"
    assert printable("\x9b31m") == "\\x9b31m"  # the one-byte CSI
