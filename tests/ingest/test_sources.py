"""Folders, stdin and the dispatcher, including every kind of bad input next to good files."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from detente.ingest import IngestOptions

from .helpers import MEETING_PARAGRAPHS, article_html, collect

STORY = (
    "Exercise Shared Shield ends\n\n"
    "Armenian and Georgian engineers finished a joint mine-clearing exercise near Gori on Friday, "
    "the Georgian defence ministry said.\n\n"
    "The two armies plan to repeat the exercise next year in Armenia.\n"
)


def _good_folder(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "b" / "z_story.txt").write_text(STORY, encoding="utf-8")
    (root / "a_page.html").write_text(article_html("Ministers meet", MEETING_PARAGRAPHS), encoding="utf-8")
    (root / "c_corpus.jsonl").write_text(json.dumps({"id": "j1", "text": STORY}) + "\n", encoding="utf-8")
    (root / "notes.md").write_text(STORY.replace("Shared Shield", "Caucasus Eagle"), encoding="utf-8")
    (root / "d_no_extension").write_text(article_html("Sniffed page", MEETING_PARAGRAPHS), encoding="utf-8")
    (root / ".hidden.txt").write_text(STORY, encoding="utf-8")


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    _good_folder(tmp_path)
    articles, errors = collect([str(tmp_path)])
    assert errors == []
    assert [(a.doc_id, a.found_via) for a in articles] == [
        ("a_page", "html"),
        ("z_story", "text"),
        ("j1", "jsonl"),
        ("d_no_extension", "html"),
        ("notes", "text"),
    ]
    story = articles[1]
    assert story.title == "Exercise Shared Shield ends"
    assert story.text.startswith("Armenian and Georgian engineers")
    assert story.url == str(tmp_path / "b" / "z_story.txt")


def test_text_with_cp1252_encoding_is_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "Talks in Paris – the ministers’ “road map” was agreed on Monday by both sides.\n".encode("cp1252")
    )
    [article], errors = collect([str(path)])
    assert errors == [] and "ministers’ “road map”" in article.text


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    [article], _ = collect([str(path)])
    assert article.title == "Exercise Shared Shield ends"


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "binary.txt": (b"PK\x03\x04\x00\x00binary\x00data", "binary file (contains NUL bytes)"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n", "empty file"),
    "mis_encoded.txt": (b"Talks \x81\x8d\x8f\x90 ended \xff\xfe", "undecodable text"),
    "high_bytes.txt": (bytes(range(0xA0, 0x100)) * 4, "undecodable text"),
    "control.txt": (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 40, "binary file (mostly control"),
    "chrome_only.txt": (b"Follow us on X and Facebook\nRead more: Other news\n", "no article text"),
    "truncated.html": (
        b"<html><head><title>x</title></head><body><div class=",
        "no extractable article text",
    ),
    "notwarc.warc.gz": (gzip.compress(b"plain notes\n" * 20), "not a readable WARC archive"),
    "stray.gz": (gzip.compress(b"plain notes\n" * 20), "gzip file that is not a WARC archive"),
    "lines.jsonl": (b'{"id": "x", "text": "broken\n', "malformed JSON"),
}


def test_every_bad_file_is_one_error_and_good_files_still_come_through(tmp_path: Path) -> None:
    _good_folder(tmp_path)
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "huge.txt").write_text(STORY * 200, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "does-not-exist.txt")
    articles, errors = collect([str(tmp_path)], IngestOptions(max_bytes=10_000))
    assert len(articles) == 5
    by_file = {Path(e.source.split(":line")[0]).name: e.reason for e in errors}
    assert len(errors) == len(by_file) == len(BAD_FILES) + 2
    for name, (_, reason) in BAD_FILES.items():
        assert reason in by_file[name], name
    assert "exceeds max_bytes=10000" in by_file["huge.txt"]
    assert by_file["dangling.txt"] == "no such file or folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    articles, errors = collect([str(path)])
    assert articles == [] and len(errors) == 1 and "unreadable" in errors[0].reason


def test_missing_source(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    articles, errors = collect([missing])
    assert articles == [] and [(e.source, e.reason) for e in errors] == [(missing, "no such file or folder")]


def test_stdin_text_and_html() -> None:
    [text_article], errors = collect(["-"], stdin=io.BytesIO(STORY.encode()))
    assert errors == [] and text_article.found_via == "stdin" and text_article.doc_id.startswith("stdin-")
    html = article_html("Piped page", MEETING_PARAGRAPHS).encode()
    [html_article], _ = collect(["-"], stdin=io.BytesIO(html))
    assert html_article.title == "Piped page" and "<p>" not in html_article.text


def test_stdin_bad_input() -> None:
    articles, errors = collect(["-"], stdin=io.BytesIO(b"\x00\x01binary"))
    assert articles == [] and [(e.source, e.reason) for e in errors] == [
        ("-", "binary input (contains NUL bytes)")
    ]
    _, errors = collect(["-"], IngestOptions(max_bytes=10), stdin=io.BytesIO(STORY.encode()))
    assert errors[0].source == "-" and "too large" in errors[0].reason


def test_several_sources_in_order(tmp_path: Path) -> None:
    first = tmp_path / "one.txt"
    second = tmp_path / "two.txt"
    first.write_text(STORY, encoding="utf-8")
    second.write_text(STORY.replace("Gori", "Batumi"), encoding="utf-8")
    articles, errors = collect([str(second), str(tmp_path / "missing.txt"), str(first)])
    assert [a.doc_id for a in articles] == ["two", "one"]
    assert len(errors) == 1
