"""WARC archives written with warcio's own writer, plain and gzipped, as CC-NEWS ships them."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from detente.ingest import IngestOptions

from .helpers import MEETING_PARAGRAPHS, article_html, collect

ARTICLE_URL = "https://news.example/world/2024/03/05/kazakh-mongolian-ministers-meet"


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers)


def write_archive(path: Path, *, gzipped: bool) -> str:
    """An archive like a CC-NEWS file: request, HTML responses, an image, a 404, metadata."""
    page = article_html(
        "Kazakh and Mongolian defence ministers meet",
        MEETING_PARAGRAPHS,
        published="2024-03-05T10:00:00Z",
        site_name="Steppe Courier",
    ).encode()
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        writer.write_record(writer.create_warc_record("", "warcinfo", payload=BytesIO(b"software: test")))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(ARTICLE_URL, "request", http_headers=request))
        record = _response(writer, ARTICLE_URL, page, "text/html; charset=utf-8")
        writer.write_record(record)
        writer.write_record(_response(writer, "https://news.example/logo.png", b"\x89PNG\r\n", "image/png"))
        missing = _response(
            writer, "https://news.example/gone", b"<html>gone</html>", "text/html", "404 Not Found"
        )
        writer.write_record(missing)
        writer.write_record(writer.create_warc_record(ARTICLE_URL, "metadata", payload=BytesIO(b"x: y")))
    return record.rec_headers.get_header("WARC-Record-ID")


@pytest.mark.parametrize(("name", "gzipped"), [("news.warc", False), ("news.warc.gz", True)])
def test_html_responses_become_articles_and_the_rest_is_skipped(
    tmp_path: Path, name: str, gzipped: bool
) -> None:
    path = tmp_path / name
    record_id = write_archive(path, gzipped=gzipped)
    articles, errors = collect([str(path)])
    assert errors == []
    [article] = articles
    assert article.url == ARTICLE_URL
    assert article.found_via == "warc"
    assert article.doc_id == record_id.strip("<>").removeprefix("urn:uuid:")
    assert article.title == "Kazakh and Mongolian defence ministers meet"
    assert article.source_name == "Steppe Courier"
    assert str(article.published) == "2024-03-05" and article.published_source == "explicit"
    assert "Kazakh National Defence University" in article.text
    assert "Football cup final" not in article.text


def test_sniffed_without_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "crawl-00001"
    write_archive(path, gzipped=True)
    articles, errors = collect([str(path)])
    assert len(articles) == 1 and errors == []


def test_corrupt_record_is_reported_with_the_archive_and_earlier_records_kept(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_archive(whole, gzipped=True)
    data = bytearray(whole.read_bytes())
    members = [i for i in range(len(data)) if data.startswith(b"\x1f\x8b\x08", i)]
    corrupt_from = members[4]  # the 404 response, after the article and the image
    for offset in range(corrupt_from + 20, corrupt_from + 40):
        data[offset] ^= 0xFF
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(bytes(data))
    articles, errors = collect([str(broken)])
    assert len(articles) == 1
    [error] = errors
    assert error.source.startswith(f"{broken} record after <urn:uuid:")
    assert error.reason.startswith("broken record")


def test_truncated_plain_archive(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    write_archive(whole, gzipped=False)
    truncated = tmp_path / "truncated.warc"
    truncated.write_bytes(whole.read_bytes()[:-400])
    articles, errors = collect([str(truncated)])
    assert len(articles) == 1
    assert len(errors) == 1 and str(truncated) in errors[0].source


def test_gzip_that_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc.gz"
    path.write_bytes(gzip.compress(b"just some notes, not an archive\n" * 10))
    articles, errors = collect([str(path)])
    assert articles == []
    [error] = errors
    assert error.source == str(path)
    assert "not a readable WARC" in error.reason


def test_record_id_falls_back_to_a_hash_of_the_uri() -> None:
    from warcio.recordloader import ArcWarcRecord

    from detente.ingest.warc_reader import record_doc_id

    headers = StatusAndHeaders("WARC/1.0", [("WARC-Target-URI", ARTICLE_URL)], protocol="WARC/1.0")
    record = ArcWarcRecord("warc", "response", headers, None, None, "", 0)
    first = record_doc_id(record, ARTICLE_URL)
    assert first.startswith("warc-") and first == record_doc_id(record, ARTICLE_URL)


def test_bad_records_are_reported_one_by_one_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    good = article_html("Ministers meet", MEETING_PARAGRAPHS).encode()
    huge = article_html("Huge page", MEETING_PARAGRAPHS * 40).encode()
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        empty = _response(writer, "https://news.example/empty", b"<html><body></body></html>", "text/html")
        too_big = _response(writer, "https://news.example/huge", huge, "text/html")
        for record in (empty, too_big, _response(writer, ARTICLE_URL, good, "text/html")):
            writer.write_record(record)
    articles, errors = collect([str(path)], IngestOptions(max_bytes=len(good) * 2))
    assert [a.url for a in articles] == [ARTICLE_URL]
    empty_id, big_id = (r.rec_headers.get_header("WARC-Record-ID") for r in (empty, too_big))
    assert [(e.source, e.reason.split(":")[0]) for e in errors] == [
        (f"{path} record {empty_id}", "no extractable article text in the HTML"),
        (f"{path} record {big_id}", "record payload too large"),
    ]
