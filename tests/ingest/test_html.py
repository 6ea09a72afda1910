"""HTML pages: main text, title, site name, and where the date came from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .helpers import MEETING_PARAGRAPHS, article_html, collect


def test_metadata_date_is_explicit(tmp_path: Path) -> None:
    path = tmp_path / "meeting.html"
    html = article_html(
        "Kazakh and Mongolian ministers meet",
        MEETING_PARAGRAPHS,
        published="2024-03-05T10:00:00+06:00",
        site_name="Steppe Courier",
    )
    path.write_text(html, encoding="utf-8")
    [article], errors = collect([str(path)])
    assert errors == []
    assert article.doc_id == "meeting" and article.url == str(path) and article.found_via == "html"
    assert article.title == "Kazakh and Mongolian ministers meet"
    assert article.source_name == "Steppe Courier"
    assert (article.published, article.published_source) == (date(2024, 3, 5), "explicit")
    assert "National Defence University" in article.text
    assert "Football cup final" not in article.text and "Home" not in article.text


def test_url_only_date_is_inferred(tmp_path: Path) -> None:
    path = tmp_path / "drills.htm"
    html = article_html(
        "Joint drills begin",
        MEETING_PARAGRAPHS,
        canonical="https://news.example/world/2023/11/02/joint-drills-begin",
    )
    path.write_text(html, encoding="utf-8")
    [article], _ = collect([str(path)])
    assert (article.published, article.published_source) == (date(2023, 11, 2), "inferred")


def test_page_without_any_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    path.write_text(article_html("Undated report", MEETING_PARAGRAPHS), encoding="utf-8")
    [article], _ = collect([str(path)])
    assert article.published is None and article.published_source == "unknown"


def test_dateline_in_the_text_is_explicit_when_markup_has_none(tmp_path: Path) -> None:
    path = tmp_path / "wire.html"
    paragraphs = ["ASTANA, March 5, 2024 (Kazinform) - " + MEETING_PARAGRAPHS[0], *MEETING_PARAGRAPHS[1:]]
    path.write_text(article_html("Wire report", paragraphs), encoding="utf-8")
    [article], _ = collect([str(path)])
    assert (article.published, article.published_source) == (date(2024, 3, 5), "explicit")
    assert article.source_name == "Kazinform"


def test_truncated_html_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text("<!DOCTYPE html><html><head><title>Cut</title></head><body><div><nav><a href=", "utf-8")
    articles, errors = collect([str(path)])
    assert articles == []
    assert [(e.source, e.reason) for e in errors] == [(str(path), "no extractable article text in the HTML")]


def test_legacy_encoded_page(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    html = article_html("Café talks in Paris", [p + " Réunion à l’Élysée." for p in MEETING_PARAGRAPHS])
    path.write_bytes(html.replace("charset='utf-8'", "charset='windows-1252'").encode("cp1252"))
    [article], errors = collect([str(path)])
    assert errors == [] and "Réunion à l’Élysée" in article.text


def test_declared_language_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "fr.html"
    html = article_html("Réunion des ministres", MEETING_PARAGRAPHS).replace("<html>", '<html lang="fr-FR">')
    path.write_text(html, encoding="utf-8")
    [article], _ = collect([str(path)])
    assert article.language == "fr"
    path.write_text(article_html("English page", MEETING_PARAGRAPHS), encoding="utf-8")
    [article], _ = collect([str(path)])
    assert article.language == "en"
