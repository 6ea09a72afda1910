"""A manifest: what a folder of saved pages does not say about each page, such as its web address.

Plain-text pages saved from the web lose their address, and with it the date many
outlets file a story under (/2019/09/25/). A manifest gives it back: one row per page,
keyed by the file's stem (or the record's id), with its `url` and optionally `title`,
`source` (the outlet) and `date` (a stated publication date). Accepted forms, by
extension: CSV (.csv), TSV (.tsv), JSON Lines (.jsonl/.ndjson) and a Markdown table
(.md: the first table whose header has `id` and `url` columns).

`columns` narrows what is read: `detente eval` reads only `id` and `url` of a gold
folder's INDEX.md, nothing else of the gold.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.ingest.article_builder import SourceFacts
from detente.ingest.dates import parse_date_value

MANIFEST_MAX_BYTES = 50_000_000
COLUMNS = ("url", "title", "source", "date")
_ID_NAMES = ("id", "doc_id", "stem", "file")  # the key column, first found wins
_ALIASES = {"source_name": "source", "outlet": "source", "published": "date", "link": "url"}
_TEXT_EXTENSIONS = (".txt", ".text", ".md", ".html", ".htm")
_MD_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_MD_RULE = re.compile(r"\s*:?-{2,}:?\s*")
_MD_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
MANIFEST_NAMES = ("manifest.csv", "manifest.tsv", "manifest.jsonl", "manifest.md")


class ManifestError(ValueError):
    """A manifest that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class ManifestEntry:
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None


@dataclass
class Manifest:
    path: Path
    entries: dict[str, ManifestEntry] = field(default_factory=dict)

    def entry(self, doc_id: str) -> ManifestEntry | None:
        return self.entries.get(doc_id)

    def __len__(self) -> int:
        return len(self.entries)


def read_manifest(path: Path, columns: Iterable[str] = COLUMNS) -> Manifest:
    """Every row with an id; ManifestError when the file is unreadable or too large, has no
    id column, or gives one id two different rows."""
    wanted = set(columns)
    try:
        size = path.stat().st_size
        if size > MANIFEST_MAX_BYTES:
            raise ManifestError(f"{path}: manifest too large ({size} bytes, at most {MANIFEST_MAX_BYTES})")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"{path}: unreadable manifest ({error})") from None
    rows = list(_rows(path, text))
    if not rows:
        raise ManifestError(
            f"{path}: no rows with an id (CSV, TSV, JSONL, or a Markdown table with id and url columns)"
        )
    manifest = Manifest(path)
    for number, row in rows:
        key, entry = _entry(row, wanted)
        if not key or entry == ManifestEntry():
            continue
        for name in _keys(key):
            known = manifest.entries.get(name)
            if known is not None and known != entry:
                raise ManifestError(f"{path}: row {number} gives {name!r} a second, different entry")
            manifest.entries[name] = entry
    return manifest


def find_manifest(*folders: Path) -> Path | None:
    """The first manifest file found in the folders, in order: manifest.csv/.tsv/.jsonl/.md, then INDEX.md."""
    for folder in folders:
        for name in (*MANIFEST_NAMES, "INDEX.md"):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def _keys(key: str) -> list[str]:
    """ "r104.txt" keys the file whose stem is r104 as well."""
    stem = key
    for extension in _TEXT_EXTENSIONS:
        if key.lower().endswith(extension):
            stem = key[: -len(extension)]
    return [key] if stem == key else [key, stem]


def _entry(row: dict[str, str], wanted: set[str]) -> tuple[str | None, ManifestEntry]:
    fields = {_ALIASES.get(name, name): value for name, value in row.items()}
    key = next((fields[name] for name in _ID_NAMES if fields.get(name)), None)

    def value(name: str) -> str | None:
        return (fields.get(name) or None) if name in wanted else None

    return key, ManifestEntry(
        url=_url(value("url")),
        title=value("title"),
        source=value("source"),
        published=parse_date_value(value("date")) if value("date") else None,
    )


def _url(cell: str | None) -> str | None:
    """A bare address, or the target of a Markdown link or <address>."""
    if not cell:
        return None
    link = _MD_LINK.search(cell)
    cell = link.group(1) if link else cell
    return cell.strip().strip("<>`").strip() or None


def _rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _jsonl_rows(path, text)
    elif suffix == ".md":
        yield from _markdown_rows(text)
    else:
        yield from _delimited_rows(path, text, "\t" if suffix == ".tsv" else ",")


def _normal(row: dict[object, object]) -> dict[str, str]:
    return {
        str(name).strip().casefold(): str(value).strip()
        for name, value in row.items()
        if name is not None and value is not None
    }


def _delimited_rows(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    _require_columns(path, [str(name) for name in reader.fieldnames or []])
    for number, row in enumerate(reader, start=2):
        yield number, _normal(row)


def _jsonl_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ManifestError(f"{path}: line {number} is not JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise ManifestError(f"{path}: line {number} is not a JSON object")
        yield number, _normal(row)


def _markdown_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of the first Markdown table whose header names an id column and a url column."""
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("|"):
            if header is not None:
                return
            continue
        cells = [cell.strip().replace("\\|", "|") for cell in _MD_CELL_SPLIT.split(stripped.strip("|"))]
        if header is None:
            names = [cell.casefold() for cell in cells]
            if any(name in _ID_NAMES for name in names) and any(_ALIASES.get(n, n) == "url" for n in names):
                header = names
            continue
        if all(_MD_RULE.fullmatch(cell) for cell in cells):
            continue
        yield number, dict(zip(header, cells, strict=False))


def _require_columns(path: Path, names: list[str]) -> None:
    folded = {_ALIASES.get(name.strip().casefold(), name.strip().casefold()) for name in names}
    if not folded.intersection(_ID_NAMES) or not folded.intersection(COLUMNS):
        raise ManifestError(
            f"{path}: needs an id column and a url, title, source or date column;"
            f" found {', '.join(names) or 'none'}"
        )


def listed_facts(manifest: Manifest | None, doc_id: str) -> tuple[str | None, SourceFacts | None]:
    """The page's web address and what else the manifest says of it, for the file reader."""
    entry = manifest.entry(doc_id) if manifest else None
    if entry is None:
        return None, None
    return entry.url, SourceFacts(
        title=entry.title,
        published=entry.published,
        published_source="explicit" if entry.published else "unknown",
        source_name=entry.source,
    )
