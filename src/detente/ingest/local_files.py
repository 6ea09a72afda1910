"""Local files and folders: what a run reads, the doc ids they get, and the reader for each.

A run's local files are listed before the first is read, so that each gets a doc id
unique in the run: its stem when no other file of the run has that stem, else its
path relative to the folder it was found in (the path as given when even that is
shared). Only identical content is then a duplicate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from detente.ingest.csv_reader import read_csv
from detente.ingest.feed_reader import read_feed
from detente.ingest.fetch import Fetcher
from detente.ingest.files import SourceFile, display_path, os_reason, source_file, special_kind
from detente.ingest.html_reader import read_html_file
from detente.ingest.jsonl_reader import read_json_document, read_jsonl
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem, as_ingest_error
from detente.ingest.sniff import kind_of_file
from detente.ingest.text_reader import read_text_file
from detente.ingest.warc_reader import read_warc
from detente.models import Article, IngestError

SNIFF_BYTES = 4096


@dataclass
class LocalSource:
    """One local source of a run: a file named on the command line, or a folder's files."""

    source: str
    folder: Path | None = None  # None: a file named as it is
    files: list[Path] = field(default_factory=list)
    names: dict[Path, str] = field(default_factory=dict)  # doc-id base of each file


def plan_local(sources: Iterable[str], options: IngestOptions) -> dict[str, LocalSource]:
    """Every local source's files and their doc-id bases, by source as given."""
    excluded = _resolved(options.exclude)
    if options.manifest is not None:
        excluded |= _resolved([options.manifest.path])  # the list of the pages is not a page
    planned: dict[str, LocalSource] = {}
    for source in sources:
        path = Path(source).expanduser()
        if path.is_dir():
            files = [f for f in files_in(path) if _resolved([f]).isdisjoint(excluded)]
            planned[source] = LocalSource(source, path, files)
        elif path.exists() or path.is_symlink():
            planned[source] = LocalSource(source, None, [path])
    _name_files(list(planned.values()))
    return planned


def _name_files(local: list[LocalSource]) -> None:
    stems = Counter(file.stem for entry in local for file in entry.files)
    relative = {
        (id(entry), file): (file.relative_to(entry.folder).as_posix() if entry.folder else str(file))
        for entry in local
        for file in entry.files
    }
    shared_relative = Counter(relative.values())
    for entry in local:
        for file in entry.files:
            if stems[file.stem] == 1:
                name = file.stem
            elif shared_relative[relative[(id(entry), file)]] == 1:
                name = relative[(id(entry), file)]
            else:
                name = str(file)
            entry.names[file] = display_path(name)


def _resolved(paths: Iterable[str | Path]) -> set[Path]:
    found = set()
    for path in paths:
        try:
            found.add(Path(path).resolve())
        except (OSError, RuntimeError):  # a link loop: it is never one of ours
            continue
    return found


def files_in(folder: Path) -> Iterator[Path]:
    """Every file under the folder, in sorted order, leaving out hidden files and folders.

    A dangling link, a FIFO, a device or a socket is listed too, so that it is
    reported rather than silently missed.
    """
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if not path.is_dir() or (path.is_symlink() and not path.exists()):
            yield path


def read_local(
    entry: LocalSource, options: IngestOptions, fetcher: Fetcher
) -> Iterator[Article | IngestError]:
    """The articles of one local source; a file of the run's own (its database, its output) is refused."""
    if entry.folder is None and _resolved(entry.files) & _resolved(options.exclude):
        yield IngestError(display_path(entry.source), "this run's own database or output file: not read")
        return
    for path in entry.files:
        shown = display_path(path)
        kind = special_kind(path)
        if entry.folder is not None and kind is not None:
            reason = f"not a regular file ({kind}): only one named on the command line is read"
            yield IngestError(shown, reason)
            continue
        try:
            limits = {"max_bytes": options.max_bytes, "wait": options.read_timeout}
            source = source_file(path, entry.names[path], **limits)
            yield from read_file(source, options, fetcher)
        except Exception as error:  # one bad file never ends the folder
            yield as_ingest_error(shown, error)


def read_file(
    source: SourceFile, options: IngestOptions, fetcher: Fetcher
) -> Iterator[Article | IngestError]:
    try:
        with source.open() as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as error:
        yield IngestError(source.shown, os_reason(error))
        return
    kind = kind_of_file(source.path, head)
    try:
        if kind == "warc":
            yield from read_warc(source, options)
        elif kind == "jsonl":
            yield from read_jsonl(source, options)
        elif kind == "json":
            yield from read_json_document(source, options)
        elif kind == "csv":
            yield from read_csv(source, options)
        elif kind == "feed":
            yield from read_feed(source.read(options.max_bytes), feed=source.shown, fetcher=fetcher)
        elif kind == "html":
            yield read_html_file(source, options)
        elif kind == "gzip":
            yield IngestError(source.shown, "gzip file that is not a WARC archive")
        else:
            yield read_text_file(source, options)
    except SourceProblem as problem:
        yield IngestError(source.shown, problem.reason)
