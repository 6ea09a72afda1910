"""JSONL, JSON and CSV corpora: field names from the options, one error per bad record."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from detente.ingest import IngestOptions

from .helpers import MEETING_PARAGRAPHS, article_html, collect

BODY = " ".join(MEETING_PARAGRAPHS)


def test_jsonl_records_with_default_fields(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    records = [
        {
            "id": "w-1",
            "text": BODY,
            "date": "2024-03-05",
            "url": None,
            "title": "Ministers meet",
            "source": "KZ",
        },
        {"id": "w-2", "text": "Second story about naval drills in the Caspian Sea began on Monday."},
        {"id": "w-3", "text": BODY, "url": "https://news.example/2024/02/01/drills"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles, errors = collect([str(path)])
    assert errors == []
    first, second, third = articles
    assert (first.doc_id, first.title, first.source_name, first.found_via) == (
        "w-1",
        "Ministers meet",
        "KZ",
        "jsonl",
    )
    assert first.published == date(2024, 3, 5) and first.published_source == "explicit"
    assert second.published is None and second.published_source == "unknown"
    assert third.published == date(2024, 2, 1) and third.published_source == "inferred"
    assert third.url == "https://news.example/2024/02/01/drills"


def test_jsonl_field_names_from_options(tmp_path: Path) -> None:
    path = tmp_path / "custom.ndjson"
    record = {
        "uid": 7,
        "body": BODY,
        "when": "5 March 2024",
        "link": "https://x.example/a",
        "outlet": "Kazinform",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    options = IngestOptions(
        id_field="uid", text_field="body", date_field="when", url_field="link", source_field="outlet"
    )
    [article], errors = collect([str(path)], options)
    assert errors == []
    assert (article.doc_id, article.url, article.source_name) == ("7", "https://x.example/a", "Kazinform")
    assert article.published == date(2024, 3, 5)


def test_malformed_jsonl_line_is_one_error_and_the_rest_continues(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": BODY}),
        '{"id": "b", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "text": ""}),
        json.dumps({"text": BODY}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = collect([str(path)])
    assert [a.doc_id for a in articles] == ["a", "mixed-5"]
    assert [e.source for e in errors] == [f"{path}:line 2", f"{path}:line 3", f"{path}:line 4"]
    assert "malformed JSON" in errors[0].reason
    assert "JSON object" in errors[1].reason
    assert "no text" in errors[2].reason


def test_corpus_larger_than_max_bytes_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": f"r{n}", "text": BODY}) for n in range(20)) + "\n", encoding="utf-8"
    )
    options = IngestOptions(max_bytes=len(BODY) * 3)
    articles, errors = collect([str(path)], options)
    assert len(articles) == 20 and errors == []


def test_csv_with_header_and_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "stories.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "title", "text", "date", "url", "source"])
        writer.writerow(["c-1", "Ministers meet", BODY, "2024-03-05", "", "Kazinform"])
        writer.writerow(["c-2", "Too many", BODY, "2024-03-05", "", "x", "extra"])
        writer.writerow(
            ["c-3", "Multi-line", "First line of text.\nSecond line about the joint drills held.", "", "", ""]
        )
    articles, errors = collect([str(path)])
    assert [a.doc_id for a in articles] == ["c-1", "c-3"]
    assert articles[0].found_via == "csv" and articles[0].published == date(2024, 3, 5)
    assert "Second line" in articles[1].text
    [error] = errors
    assert error.source == f"{path}:line 3" and "more values" in error.reason


def test_csv_without_the_text_column(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("id,headline\n1,Something\n", encoding="utf-8")
    articles, errors = collect([str(path)])
    assert articles == []
    assert [(e.source, e.reason) for e in errors] == [(str(path), "no 'text' column in the header row")]


def test_json_document_with_an_array_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "a", "text": BODY}, {"text": BODY}, 3]), encoding="utf-8")
    articles, errors = collect([str(path)])
    assert [a.doc_id for a in articles] == ["a", "batch-2"]
    assert [(e.source, e.reason) for e in errors] == [
        (f"{path}:record 3", "expected a JSON object, found int")
    ]


def test_saved_page_named_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(article_html("Saved page", MEETING_PARAGRAPHS), encoding="utf-8")
    [article], _ = collect([str(path)])
    assert article.found_via == "html" and "<p>" not in article.text


def test_numeric_date_fields_read_with_the_records_text(tmp_path: Path) -> None:
    path = tmp_path / "numeric.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "text", "date"])
        writer.writerow(["n-1", "The defence chiefs met in Accra on 4 March to plan patrols.", "06/11/2025"])
        writer.writerow(["n-2", "The Defense Department said on March 4 the program grew.", "06/11/2025"])
        writer.writerow(["n-3", "The navies met again.", "13/11/2025"])
    articles, errors = collect([str(path)])
    assert errors == []
    assert [a.published for a in articles] == [date(2025, 11, 6), date(2025, 6, 11), date(2025, 11, 13)]
    assert {a.published_source for a in articles} == {"explicit"}


def test_a_misnamed_text_field_is_one_error_for_the_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": f"r{n}", "body": BODY}) for n in range(40)) + "\n", encoding="utf-8"
    )
    articles, errors = collect([str(path)])
    assert articles == []
    [error] = errors
    assert error.source == str(path)
    assert "no 'text' field in its records (the first has: body, id)" in error.reason


def test_a_short_file_without_the_text_field_is_one_error_too(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({"id": "a", "body": BODY}) + "\n" + json.dumps({"id": "b"}) + "\n", "utf-8")
    articles, errors = collect([str(path)])
    assert articles == [] and [e.source for e in errors] == [str(path)]


def test_records_without_text_before_the_first_with_it_are_still_named(tmp_path: Path) -> None:
    path = tmp_path / "late.jsonl"
    lines = [json.dumps({"id": "a", "title": "no text yet"}), json.dumps({"id": "b", "text": BODY})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = collect([str(path)])
    assert [a.doc_id for a in articles] == ["b"]
    assert [(e.source, e.reason) for e in errors] == [(f"{path}:line 1", "no text in field 'text'")]
