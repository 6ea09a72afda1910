"""Every read has a cap that holds for devices, pipes and lines without an end (issue 13, defect 4).

Before: `detente ingest /dev/zero` read until memory ran out (its size is 0 to `stat`),
a FIFO in a folder blocked the run for good, and one line without a newline in a JSONL,
CSV or WARC file was read whole.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from detente.ingest import IngestOptions

from .helpers import collect

STORY = (
    "Armenian and Georgian engineers finished a joint mine-clearing exercise near Gori on Friday, "
    "the Georgian defence ministry said.\n"
)
SMALL = IngestOptions(max_bytes=100_000, read_timeout=2.0)


def test_a_device_that_never_ends_is_refused_at_the_cap() -> None:
    started = time.monotonic()
    articles, [error] = collect(["/dev/zero"], SMALL)
    assert articles == []
    assert (error.source, error.reason) == ("/dev/zero", "input too large: exceeds max_bytes=100000")
    assert time.monotonic() - started < 10


def test_a_fifo_in_a_folder_is_named_and_never_opened(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer forever
    articles, [error] = collect([str(tmp_path)], SMALL)
    assert [a.doc_id for a in articles] == ["story"]
    assert error.source == str(tmp_path / "pipe.txt")
    assert error.reason.startswith("not a regular file (a FIFO)")


def test_a_fifo_named_on_the_command_line_is_read_once_with_its_name(tmp_path: Path) -> None:
    fifo = tmp_path / "incoming.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w") as out:
            out.write(STORY)

    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(0.2)  # the writer is waiting in open() for a reader
    [article], errors = collect([str(fifo)], SMALL)
    writer.join(5)
    assert errors == []
    assert article.doc_id == "incoming" and article.text.startswith("Armenian and Georgian")


def test_a_pipe_that_stalls_gives_up_after_the_read_timeout(tmp_path: Path) -> None:
    fifo = tmp_path / "stalled"
    os.mkfifo(fifo)
    holder = os.open(fifo, os.O_RDWR)  # a writer that never writes and never closes
    try:
        started = time.monotonic()
        _, [error] = collect([str(fifo)], IngestOptions(read_timeout=0.5))
        assert error.reason == "no data for 0.5s"
        assert time.monotonic() - started < 5
    finally:
        os.close(holder)


def test_a_jsonl_line_without_an_end_is_refused_and_the_next_lines_are_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good = json.dumps({"id": "after", "text": STORY})
    corpus.write_text(json.dumps({"id": "big", "text": "x" * 300_000}) + "\n" + good + "\n")
    articles, [error] = collect([str(corpus)], SMALL)
    assert [a.doc_id for a in articles] == ["after"]
    assert error.source == f"{corpus}:line 1" and "exceeds max_bytes=100000" in error.reason


def test_a_csv_line_without_an_end_is_refused_and_the_next_rows_are_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.csv"
    corpus.write_text("id,text\n" + "big," + "y" * 300_000 + "\n" + f'after,"{STORY.strip()}"\n')
    articles, [error] = collect([str(corpus)], SMALL)
    assert [a.doc_id for a in articles] == ["after"]
    assert "line too large" in error.reason


def test_a_warc_header_line_without_an_end_is_a_broken_record(tmp_path: Path) -> None:
    archive = tmp_path / "broken.warc"
    archive.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + b"h" * 300_000)
    articles, [error] = collect([str(archive)], SMALL)
    assert articles == [] and "broken record" in error.reason


@pytest.mark.parametrize("size", [100_000, 100_001])
def test_the_cap_is_what_is_read_at_most(tmp_path: Path, size: int) -> None:
    path = tmp_path / "exact.txt"
    path.write_text((STORY * (size // len(STORY) + 1))[:size])
    articles, errors = collect([str(path)], SMALL)
    assert (len(articles), len(errors)) == ((1, 0) if size <= 100_000 else (0, 1))
