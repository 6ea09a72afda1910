"""Ingest work cut into tasks a Dask worker runs on its own, and the worker's side of a task.

A task is a batch of local files (one WARC archive, a JSONL or CSV corpus, or a few
small pages), planned by the client with the doc ids a plain ingest would give them,
so the run stores the same articles under the same ids. A worker keeps one
`ArticleProcessor` (spaCy's model, the lexicons, the gazetteer) for all its tasks and,
when the store is PostgreSQL, one connection: it stores each article in its own
transaction, skipping a content hash already stored. A task Dask runs again after its
worker died therefore skips what the dead attempt stored and stores the rest: nothing
is lost and nothing is stored twice. With a SQLite store the worker hands the articles
and their mentions back to the client, the one process that writes the file.
"""

from __future__ import annotations

import os
import resource
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from detente.ingest.fetch import Fetcher
from detente.ingest.files import SourceFile, display_path
from detente.ingest.jsonl_reader import read_jsonl
from detente.ingest.local_files import LocalSource, plan_local, read_local
from detente.ingest.options import IngestOptions
from detente.ingest.problems import as_ingest_error
from detente.ingest.sniff import kind_of_file
from detente.models import Article, Event, IngestError
from detente.pipeline import RunSummary, store_article

#: Small files (pages) per task: enough work to outweigh a task's overhead (~1 ms), few
#: enough that a killed worker loses little and the two workers stay evenly loaded.
FILES_PER_TASK = 8
#: A JSON Lines corpus larger than this is cut into shards of about this size, at line ends.
SHARD_BYTES = 4 << 20
_ARCHIVES = ("warc", "jsonl", "json", "csv")


@dataclass(frozen=True)
class IngestTask:
    number: int
    entries: tuple[LocalSource, ...]
    span: tuple[int, int, int] | None = None  # a JSONL shard: bytes [start, end), first line number

    @property
    def label(self) -> str:
        files = [f for entry in self.entries for f in entry.files]
        first = display_path(files[0]) if files else "(none)"
        return first if len(files) == 1 else f"{first} and {len(files) - 1} more"


@dataclass
class TaskOutcome:
    """What one task did (`pipeline.RunSummary` counts), and for a SQLite store the articles
    to store (article, mentions or None when the screen dropped it)."""

    number: int
    summary: RunSummary = field(default_factory=RunSummary)
    to_store: list[tuple[Article, list[Event] | None]] = field(default_factory=list)
    worker: int = 0  # the process that ran it
    peak_mb: float = 0.0  # its peak resident memory so far


def plan_tasks(
    sources: list[str],
    options: IngestOptions,
    files_per_task: int = FILES_PER_TASK,
    shard_bytes: int = SHARD_BYTES,
) -> list[IngestTask]:
    """Tasks over the local sources, in the order a plain ingest reads them.

    An archive (WARC, JSONL, CSV) is a task of its own, a JSONL corpus larger than
    `shard_bytes` a task per shard; other files go `files_per_task` to a task.
    Raises ValueError for a source that is not a local file or folder."""
    planned = plan_local(sources, options)
    missing = [s for s in sources if s not in planned]
    if missing:
        raise ValueError(f"{display_path(missing[0])}: not a local file or folder (--dask reads only those)")
    tasks: list[IngestTask] = []
    pending: list[LocalSource] = []
    pending_files = 0

    def flush() -> None:
        nonlocal pending, pending_files
        if pending:
            tasks.append(IngestTask(len(tasks), tuple(pending)))
        pending, pending_files = [], 0

    for source in sources:
        entry = planned.pop(source, None)
        if entry is None:  # the same source named twice is read once
            continue
        for path in entry.files:
            part = LocalSource(entry.source, entry.folder, [path], {path: entry.names[path]})
            kind = _archive_kind(path)
            if kind is not None:
                flush()
                spans = jsonl_shards(path, options, shard_bytes) if kind == "jsonl" else []
                for span in spans or [None]:
                    tasks.append(IngestTask(len(tasks), (part,), span))
                continue
            pending.append(part)
            pending_files += 1
            if pending_files >= files_per_task:
                flush()
    flush()
    return tasks


def _archive_kind(path: Path) -> str | None:
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return None
    kind = kind_of_file(path, head)
    return kind if kind in _ARCHIVES else None


def jsonl_shards(path: Path, options: IngestOptions, shard_bytes: int) -> list[tuple[int, int, int]]:
    """Line-aligned byte ranges of about `shard_bytes`, with the number of each one's first line
    (doc ids and error messages number lines as a whole-file read does); none when the file
    is small, or its first records lack the text field (one task reports that once)."""
    try:
        size = path.stat().st_size
        if size <= shard_bytes or not _text_field_found(path, options):
            return []
        spans: list[tuple[int, int, int]] = []
        with path.open("rb") as stream:
            start, first_line, line = 0, 1, 0
            for raw in iter(lambda: stream.readline(options.max_bytes + 1), b""):
                line += raw.endswith(b"\n")
                if stream.tell() - start >= shard_bytes and raw.endswith(b"\n"):
                    spans.append((start, stream.tell(), first_line))
                    start, first_line = stream.tell(), line + 1
            if start < size:
                spans.append((start, size, first_line))
    except OSError:
        return []
    return spans


def _text_field_found(path: Path, options: IngestOptions) -> bool:
    """Whether one of the first records names the text field (what `read_jsonl` probes)."""
    import json

    with path.open("rb") as stream:
        for _ in range(50):
            raw = stream.readline(options.max_bytes + 1)
            if not raw:
                return False
            try:
                record = json.loads(raw.lstrip(b"\xef\xbb\xbf"))
            except ValueError:
                continue
            if isinstance(record, dict) and options.text_field in record:
                return True
    return False


# ---------------------------------------------------------------- on the worker

_WORKER_STATE: dict[str, object] = {}
_WORKER_LOCK = threading.Lock()


def _processor(time_limit: float | None):
    """This worker's processor, built on its first task and kept for the next ones."""
    from detente.pipeline import ArticleProcessor

    with _WORKER_LOCK:
        found = _WORKER_STATE.get("processor")
        if found is None:
            found = ArticleProcessor(time_limit=time_limit)
            found.extractor.warm_up()
            _WORKER_STATE["processor"] = found
        return found


def _store(db: str):
    from detente.store import open_store

    with _WORKER_LOCK:
        found = _WORKER_STATE.get(f"store:{db}")
        if found is None:
            found = open_store(db)
            _WORKER_STATE[f"store:{db}"] = found
        return found


def run_task(
    task: IngestTask, db: str | None, options: IngestOptions, time_limit: float | None
) -> TaskOutcome:
    """Read, screen and extract the task's articles; store them when `db` is a server URL."""
    processor = _processor(time_limit)
    store = _store(db) if db else None
    outcome = TaskOutcome(task.number, worker=os.getpid())
    summary = outcome.summary
    seen: set[str] = set()
    with Fetcher(options) as fetcher:
        for entry in task.entries:
            for item in read_entry(entry, options, fetcher, task.span):
                summary.read += 1
                if isinstance(item, IngestError):
                    summary.fail(item, None)
                    continue
                if item.hash in seen or (store is not None and store.has_article(item.hash)):
                    summary.duplicates += 1
                    continue
                seen.add(item.hash)
                _extract_and_keep(item, processor, store, outcome)
    outcome.peak_mb = peak_rss_mb()
    return outcome


def peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM belongs to its own address space, where
    getrusage would report the parent's peak carried across fork and exec when larger."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_entry(
    entry: LocalSource, options: IngestOptions, fetcher: Fetcher, span: tuple[int, int, int] | None = None
) -> Iterator[Article | IngestError]:
    """The articles of one task entry (a shard of a JSONL corpus when `span` is given)."""
    try:
        if span is None:
            yield from read_local(entry, options, fetcher)
            return
        path = entry.files[0]
        yield from read_jsonl(SourceFile(path, entry.names[path], display_path(path), span=span), options)
    except Exception as error:
        yield as_ingest_error(display_path(entry.source), error)


def _extract_and_keep(article: Article, processor, store, outcome: TaskOutcome) -> None:
    summary = outcome.summary
    events = processor.events_of_many([article])[0]
    if isinstance(events, Exception):
        summary.fail(IngestError(article.url or article.doc_id, f"extraction failed: {events}"), None)
        return
    if store is None:
        outcome.to_store.append((article, events))
    else:
        store_article(store, article, events, summary, None)
