"""Manifests give saved pages back their web address (and so the date filed in it)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente.ingest import IngestOptions
from detente.ingest.manifest import ManifestError, find_manifest, read_manifest

from .helpers import collect

PAGE = (
    "The navies of Chile and Peru held a joint search-and-rescue drill off Arica, the two "
    "defence ministries said in a joint statement.\n\nTwo frigates and a patrol aircraft took part.\n"
)
URL = "https://daily.example/2019/09/25/navies-drill"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("m.csv", f"id,url,title\ndrill,{URL},Navies drill\n"),
        ("m.tsv", f"doc_id\tlink\ttitle\ndrill.txt\t{URL}\tNavies drill\n"),
        ("m.jsonl", json.dumps({"id": "drill", "url": URL, "title": "Navies drill"}) + "\n\n"),
        (
            "m.md",
            "# Pages\n\nSome prose | with a bar.\n\n| id | url | title | notes |\n|---|---|:---:|---|\n"
            f"| drill | [the page]({URL}) | Navies drill | a \\| b |\n\nAfter the table.\n",
        ),
    ],
)
def test_each_form_gives_the_stem_its_url(tmp_path: Path, name: str, text: str) -> None:
    manifest = read_manifest(_write(tmp_path / name, text))
    entry = manifest.entry("drill")
    assert entry is not None
    assert (entry.url, entry.title) == (URL, "Navies drill")


def test_columns_narrow_what_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "m.csv", f"id,url,title,date\ndrill,{URL},Navies drill,2019-09-24\n")
    entry = read_manifest(path, columns=("url",)).entry("drill")
    assert entry is not None
    assert (entry.url, entry.title, entry.published) == (URL, None, None)
    assert read_manifest(path).entry("drill").published == date(2019, 9, 24)


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("m.csv", "name,address\ndrill,x\n", "needs an id column"),
        ("m.csv", f"id,url\ndrill,{URL}\ndrill,https://other.example/2020/01/01/x\n", "second, different"),
        ("m.jsonl", '{"id": "drill", "url": "x"}\nnot json\n', "line 2 is not JSON"),
        ("m.md", "no table here\n", "no rows with an id"),
    ],
)
def test_bad_manifests_are_named_with_the_reason(tmp_path: Path, name: str, text: str, reason: str) -> None:
    path = _write(tmp_path / name, text)
    with pytest.raises(ManifestError) as raised:
        read_manifest(path)
    assert str(path) in str(raised.value) and reason in str(raised.value)


def test_missing_manifest_is_named(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match=r"nope\.csv"):
        read_manifest(tmp_path / "nope.csv")


def test_found_in_the_first_folder_that_has_one(tmp_path: Path) -> None:
    pages, gold = tmp_path / "pages", tmp_path / "gold"
    pages.mkdir()
    gold.mkdir()
    assert find_manifest(pages, gold) is None
    index = _write(gold / "INDEX.md", "| id | url |\n|---|---|\n")
    assert find_manifest(pages, gold) == index
    own = _write(pages / "manifest.csv", "id,url\n")
    assert find_manifest(pages, gold) == own


def test_saved_text_pages_get_url_title_and_url_date(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    _write(pages / "drill.txt", PAGE)
    _write(pages / "dated.txt", f"Navies drill off Arica\n\n24 September 2019\n\n{PAGE}")
    _write(pages / "unlisted.txt", PAGE)
    manifest = read_manifest(
        _write(
            pages / "manifest.csv",  # inside the folder: it must not be read as a corpus
            f"id,url,title,source\ndrill,{URL},Navies drill,Daily Example\ndated,{URL},,\n",
        )
    )
    articles, errors = collect([str(pages)], IngestOptions(manifest=manifest))
    assert not errors
    by_id = {article.doc_id: article for article in articles}
    assert sorted(by_id) == ["dated", "drill", "unlisted"]
    drill = by_id["drill"]
    assert (drill.url, drill.title, drill.source_name) == (URL, "Navies drill", "Daily Example")
    assert (drill.published, drill.published_source) == (date(2019, 9, 25), "inferred")
    dated = by_id["dated"]
    assert (dated.published, dated.published_source) == (date(2019, 9, 24), "explicit")
    unlisted = by_id["unlisted"]
    assert unlisted.url == str(pages / "unlisted.txt")
    assert (unlisted.published, unlisted.published_source) == (None, "unknown")


def test_saved_html_page_gets_its_url(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Navies drill off Arica</title></head><body><article>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PAGE.split("\n\n"))
        + "</article></body></html>"
    )
    _write(tmp_path / "drill.html", html)
    manifest = read_manifest(_write(tmp_path / "list.jsonl", json.dumps({"id": "drill", "url": URL})))
    articles, errors = collect([str(tmp_path / "drill.html")], IngestOptions(manifest=manifest))
    assert not errors
    assert (articles[0].url, articles[0].published) == (URL, date(2019, 9, 25))
