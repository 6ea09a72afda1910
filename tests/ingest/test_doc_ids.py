"""Doc ids are unique per input, and file names that are not UTF-8 are kept (issue 13, defects 3 and 6).

Before: `detente extract` kept one of several different files sharing a stem (10 read,
9 "duplicates"), and a file named with a byte that is not UTF-8 crashed `extract` with
UnicodeEncodeError while `ingest` never stored it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from detente.ingest import IngestOptions

from .helpers import collect

STORY = (
    "Kenyan and Ugandan officers began a joint border patrol exercise near Busia on Monday, army {n} said.\n"
)


def _write(path: Path, n: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(STORY.format(n=n))


def test_a_stem_no_other_file_shares_is_the_doc_id(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "kenya.txt", 1)
    _write(tmp_path / "uganda.txt", 2)
    articles, _ = collect([str(tmp_path)])
    assert sorted(a.doc_id for a in articles) == ["kenya", "uganda"]


def test_files_sharing_a_stem_are_named_by_their_relative_paths(tmp_path: Path) -> None:
    for n in range(10):
        _write(tmp_path / f"d{n}" / "index.txt", n)
    _write(tmp_path / "index.md", 10)
    articles, errors = collect([str(tmp_path)])
    assert errors == []
    assert sorted(a.doc_id for a in articles) == sorted([f"d{n}/index.txt" for n in range(10)] + ["index.md"])


def test_a_stem_shared_across_two_sources_is_made_unique_too(tmp_path: Path) -> None:
    _write(tmp_path / "one" / "report.txt", 1)
    _write(tmp_path / "two" / "report.txt", 2)
    articles, _ = collect([str(tmp_path / "one"), str(tmp_path / "two")])
    assert sorted(a.doc_id for a in articles) == sorted(
        [str(tmp_path / "one" / "report.txt"), str(tmp_path / "two" / "report.txt")]
    )


def test_corpus_fallback_ids_use_the_unique_name(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "feed.jsonl").write_text(json.dumps({"text": STORY.format(n=folder)}) + "\n")
    articles, _ = collect([str(tmp_path)])
    assert sorted(a.doc_id for a in articles) == ["x/feed.jsonl-1", "y/feed.jsonl-1"]


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_the_byte_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff.txt")
    (tmp_path / name).write_text(STORY.format(n=1))
    [article], errors = collect([str(tmp_path)])
    assert errors == []
    assert article.doc_id == "bad\\xff"
    assert article.url == str(tmp_path / "bad\\xff.txt")
    article.doc_id.encode("utf-8")  # storable and printable as it is


def test_an_unreadable_file_with_such_a_name_is_named_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"gone\xfe.txt")
    (tmp_path / name).symlink_to(tmp_path / "missing")
    _, [error] = collect([str(tmp_path)])
    assert error.source == str(tmp_path / "gone\\xfe.txt")
    error.source.encode("utf-8")


def test_a_corpus_record_with_half_a_surrogate_pair_is_read(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "r1\\udcff", "text": "' + STORY.strip() + ' \\ud800"}\n')
    [article], errors = collect([str(corpus)], IngestOptions())
    assert errors == [] and article.doc_id == "r1\ufffd" and article.text.endswith("\ufffd")
