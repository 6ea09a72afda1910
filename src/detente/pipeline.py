"""The one place that wires ingest, screen, extract, resolve and store together.

Both entry points skip work already done (a stored content hash, a doc_id already
in the output file), so an interrupted run is resumed by running it again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from multiprocessing.pool import Pool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from detente.extract import Extractor, build_extractor
from detente.ingest import IngestOptions, article_from_text, read_sources
from detente.models import Article, Event, IngestError, Resolution
from detente.resolve import resolve_all
from detente.resolving import catch_up, finish_resolution
from detente.screen import Screen
from detente.time_limit import TimeLimitExceeded, call_with_time_limit

if TYPE_CHECKING:
    from detente.query import Detente

ErrorSink = Callable[[IngestError], None]
#: Seconds one article's extraction may take: a 1 MB single-paragraph page takes about a minute.
ARTICLE_TIME_LIMIT = 120.0


@dataclass
class RunSummary:
    """What one run did; the CLI prints it and derives the exit code from it.

    Every input is counted once: `read` (each article, and each input that could not
    be read) = `duplicates` + `failed` + `new`; `screened_out` of the new ones were
    dropped by the screen (kept without events).
    """

    read: int = 0
    duplicates: int = 0
    failed: int = 0
    new: int = 0
    screened_out: int = 0
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)
    worker_peak_mb: dict[int, float] = field(default_factory=dict)  # --dask: peak RSS by worker pid

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def fail(self, error: IngestError, sink: ErrorSink | None) -> None:
        self.failed += 1
        self.errors.append(error)
        if sink:
            sink(error)

    def add(self, events: list[Event] | None) -> None:
        """A new article kept, with its events (None: the screen dropped it)."""
        self.new += 1
        self.screened_out += events is None
        self.events += len(events or [])

    def absorb(self, part: RunSummary, sink: ErrorSink | None) -> None:
        """Add the counts of part of the run (a Dask task's), passing its errors to `sink`."""
        self.read += part.read
        self.duplicates += part.duplicates
        for error in part.errors:
            self.fail(error, sink)
        self.new += part.new
        self.screened_out += part.screened_out
        self.events += part.events


class ArticleProcessor:
    """Screen, then extract; the parser is loaded only when an article passes the screen.

    With `workers` > 1, extraction runs in that many forked processes that share the
    loaded model; the screen and everything touching the database stay in this one.
    """

    def __init__(
        self,
        extractor: Extractor | None = None,
        screen: Screen | None = None,
        workers: int = 1,
        time_limit: float | None = ARTICLE_TIME_LIMIT,
    ) -> None:
        self._extractor = extractor
        self.screen = screen or Screen()
        self.workers = max(1, workers)
        self.time_limit = time_limit  # seconds per article; None: no limit
        self._pool: Pool | None = None
        self._warm = False

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = build_extractor()
        return self._extractor

    def events_of(self, article: Article) -> list[Event] | None:
        """The article's event mentions, or None when the screen drops it."""
        if not self.screen.keep(article):
            return None
        return call_with_time_limit(lambda: _mentions(self.extractor, article), self.time_limit)

    def events_of_many(self, articles: Sequence[Article]) -> list[list[Event] | Exception | None]:
        """`events_of` for each article, in order; a failure comes back as its exception."""
        kept = [a for a in articles if self.screen.keep(a)]
        if self.workers > 1 and len(kept) > 1:
            found = iter(self._pool_for_extraction().map(_extract_in_worker, kept, chunksize=1))
        else:
            if self.time_limit and kept and not self._warm:
                self.extractor.warm_up()  # first loads are not the first article's time
                self._warm = True
            found = iter([_extract_or_error(self.extractor, a, self.time_limit) for a in kept])
        kept_ids = {id(a) for a in kept}
        return [next(found) if id(a) in kept_ids else None for a in articles]

    def _pool_for_extraction(self) -> Pool:
        if self._pool is None:
            global _WORKER_EXTRACTOR, _WORKER_TIME_LIMIT
            _WORKER_EXTRACTOR, _WORKER_TIME_LIMIT = self.extractor, self.time_limit
            _WORKER_EXTRACTOR.warm_up()  # the model is loaded once here and inherited by every fork
            self._pool = get_context("fork").Pool(self.workers)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None


_WORKER_EXTRACTOR: Extractor | None = None
_WORKER_TIME_LIMIT: float | None = None
BATCH = 16  # articles handed to the extraction workers at a time


def _mentions(extractor: Extractor, article: Article) -> list[Event]:
    events = extractor.extract(article)
    for event in events:
        event.doc_id = article.doc_id
    return events


def _extract_or_error(
    extractor: Extractor, article: Article, time_limit: float | None
) -> list[Event] | Exception:
    try:
        return call_with_time_limit(lambda: _mentions(extractor, article), time_limit)
    except TimeLimitExceeded as exc:  # a pathological page: named, and the batch goes on
        return ExtractionFailed(f"{exc}; skipped (raise the limit with --time-limit)")
    except Exception as exc:  # one bad article never stops a batch
        return ExtractionFailed(repr(exc))


class ExtractionFailed(Exception):
    """Why one article's extraction failed, as text (a worker's exceptions may not pickle)."""


def _extract_in_worker(article: Article) -> list[Event] | Exception:
    assert _WORKER_EXTRACTOR is not None
    return _extract_or_error(_WORKER_EXTRACTOR, article, _WORKER_TIME_LIMIT)


def _progress(console: Console | None) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=False,
    )


def _tracked(
    items: Iterable[Article | IngestError],
    description: str,
    console: Console | None,
    total: int | None = None,
) -> Iterator[Article | IngestError]:
    with _progress(console) as progress:
        task = progress.add_task(description, total=total, rate="")
        for count, item in enumerate(items, start=1):
            yield item
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = f"{count / elapsed:,.0f}/s" if elapsed > 0.5 else ""
            progress.update(task, advance=1, rate=rate)


def _extract_each(
    items: Iterable[Article | IngestError],
    processor: ArticleProcessor,
    summary: RunSummary,
    on_error: ErrorSink | None,
    skip: Callable[[Article], bool],
) -> Iterator[tuple[Article, list[Event] | None]]:
    """Yields (article, mentions or None when screened out) for each article not seen before.

    Counts what it reads, the duplicates it skips and the failures; the caller counts
    what it keeps (`RunSummary.add`), so an article is never counted twice. The same
    text twice in one batch is extracted once.
    """
    batch: list[Article] = []
    in_batch: set[str] = set()
    for item in items:
        summary.read += 1
        if isinstance(item, IngestError):
            summary.fail(item, on_error)
            continue
        if item.hash in in_batch or skip(item):
            summary.duplicates += 1
            continue
        batch.append(item)
        in_batch.add(item.hash)
        if len(batch) >= (BATCH if processor.workers > 1 else 1):
            yield from _settle(batch, processor, summary, on_error)
            batch, in_batch = [], set()
    yield from _settle(batch, processor, summary, on_error)


def _settle(
    batch: list[Article], processor: ArticleProcessor, summary: RunSummary, on_error: ErrorSink | None
) -> Iterator[tuple[Article, list[Event] | None]]:
    for article, events in zip(batch, processor.events_of_many(batch), strict=True):
        if isinstance(events, Exception):
            summary.fail(IngestError(article.url or article.doc_id, f"extraction failed: {events}"), on_error)
            continue
        yield article, events


def resolve(articles: Sequence[Article], mentions: Sequence[Event]) -> Resolution:
    """Resolve over the articles that report events: copies of eventless stories change nothing,
    and leaving them out spares a MinHash of every article in a general news stream."""
    reporting = {mention.doc_id for mention in mentions}
    return resolve_all([a for a in articles if a.doc_id in reporting], mentions)


@contextmanager
def _processor(
    given: ArticleProcessor | None, workers: int, time_limit: float | None = ARTICLE_TIME_LIMIT
) -> Iterator[ArticleProcessor]:
    """The caller's processor as is, or one of our own that is closed (workers stopped) after."""
    if given is not None:
        yield given
        return
    own = ArticleProcessor(workers=workers, time_limit=time_limit)
    try:
        yield own
    finally:
        own.close()


# ---------------------------------------------------------------- into a database


def ingest_sources(
    sources: Sequence[str],
    db_path: str | Path,
    options: IngestOptions | None = None,
    *,
    processor: ArticleProcessor | None = None,
    console: Console | None = None,
    on_error: ErrorSink | None = None,
    progress: bool = True,
    workers: int = 1,
    time_limit: float | None = ARTICLE_TIME_LIMIT,
) -> RunSummary:
    """Read, screen, extract and store every article of the sources, then resolve."""
    store_files = [f"{db_path}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")]
    items: Iterable[Article | IngestError] = read_sources(sources, _excluding(options, store_files))
    if progress:
        items = _tracked(items, "ingest", console)
    with _processor(processor, workers, time_limit) as active:
        return _ingest(items, db_path, active, on_error)


def _excluding(options: IngestOptions | None, own_files: Sequence[str]) -> IngestOptions:
    """The options with the run's own database or output files left out of its inputs."""
    options = options or IngestOptions()
    return replace(options, exclude=(*options.exclude, *own_files))


def ingest_articles(
    articles: Sequence[Article | IngestError], db_path: str | Path, processor: ArticleProcessor | None = None
) -> RunSummary:
    """The same for articles already in memory (the API's ingest endpoint)."""
    return _ingest(articles, db_path, processor or ArticleProcessor(), None)


def store_article(
    store: Any, article: Article, events: list[Event] | None, summary: RunSummary, on_error: ErrorSink | None
) -> None:
    """Store one extracted article and count it: new, a duplicate another process stored
    meanwhile, or a failure naming the mention the store refused."""
    try:
        stored = store.add_article(article, events or [])
    except ValueError as exc:  # a mention the store refuses
        summary.fail(IngestError(article.url or article.doc_id, str(exc)), on_error)
        return
    if stored:
        summary.add(events)
    else:  # another process stored the same text meanwhile
        summary.duplicates += 1


def posted_article(text: str, *, doc_id: str, **facts: Any) -> Article | IngestError:
    """An article posted as text, normalised as the same text read from a file is (so the two are
    recognised as one), or the reason it holds no article text."""
    return article_from_text(text, doc_id=doc_id, found_via="api", **facts)


def _ingest(
    items: Iterable[Article | IngestError],
    db_path: str | Path,
    processor: ArticleProcessor,
    on_error: ErrorSink | None,
) -> RunSummary:
    from detente.store import open_store

    summary = RunSummary()
    store = open_store(db_path)
    try:
        finish_resolution(store)  # one a killed run left pending: the database is whole while we run
        for article, events in _extract_each(
            items, processor, summary, on_error, skip=lambda a: store.has_article(a.hash)
        ):
            store_article(store, article, events, summary, on_error)
        finish_resolution(store)
    finally:
        store.close()
    return summary


# ---------------------------------------------------------------- the resolution catches up
# (incremental, batch by batch: see `detente.resolving`)


def open_current(db_path: str | Path, on_start: Callable[[int], None] | None = None) -> Detente:
    """The query layer over a database whose resolution has caught up with its articles."""
    from detente.query import open as open_query

    catch_up(db_path, on_start)
    return open_query(db_path)


# ---------------------------------------------------------------- to JSONL, no database


def document_line(article: Article, events: Sequence[Event]) -> dict:
    """One line of the scorer's PRED.jsonl: the document record plus its events."""
    record = article.document_record()
    record["events"] = [_mention_record(event) for event in events]
    return record


def _mention_record(event: Event) -> dict:
    """The contract's fields, plus the plan or execution linked to the mention's event, if any."""
    record = event.to_record()
    if event.related:
        record["related"] = list(event.related)
    return record


def extract_sources(
    sources: Sequence[str],
    out_path: str | Path,
    options: IngestOptions | None = None,
    *,
    processor: ArticleProcessor | None = None,
    resume: bool = False,
    console: Console | None = None,
    on_error: ErrorSink | None = None,
    progress: bool = True,
    workers: int = 1,
    time_limit: float | None = ARTICLE_TIME_LIMIT,
) -> RunSummary:
    """Write one JSON line per article, with merged event ids, touching no database.

    Lines are appended to `OUT.partial` as articles finish, so `resume=True` picks up
    an interrupted run; the final file is written at once after resolution.
    """
    out_path = Path(out_path)
    partial = out_path.with_name(out_path.name + ".partial")
    done: dict[str, tuple[Article, list[Event]]] = {}
    if resume:
        done = _read_partial(partial)
    elif partial.exists():
        partial.unlink()
    own_files = [str(out_path), str(partial), str(out_path.with_name(out_path.name + ".tmp"))]
    items: Iterable[Article | IngestError] = read_sources(sources, _excluding(options, own_files))
    if progress:
        items = _tracked(items, "extract", console)
    summary = RunSummary()
    results = list(done.values())
    texts = {article.hash for article, _ in results}
    with _processor(processor, workers, time_limit) as active, partial.open("a", encoding="utf-8") as sink:
        for article, found in _extract_each(items, active, summary, on_error, skip=lambda a: a.hash in texts):
            events = found or []
            _give_free_id(article, events, done)  # only the same text is a duplicate, not the same id
            done[article.doc_id] = (article, events)
            texts.add(article.hash)
            results.append((article, events))
            summary.add(found)
            sink.write(json.dumps(_partial_line(article, events), ensure_ascii=False) + "\n")
    _assign_event_ids(results)
    tmp = out_path.with_name(out_path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for article, events in results:
            handle.write(json.dumps(document_line(article, events), ensure_ascii=False) + "\n")
    os.replace(tmp, out_path)
    partial.unlink(missing_ok=True)
    return summary


def _give_free_id(article: Article, events: list[Event], taken: dict[str, object]) -> None:
    """Another text under a doc_id already written gets `doc_id~2`, `~3`, ... as the store does."""
    if article.doc_id not in taken:
        return
    base, version = article.doc_id, 2
    while f"{base}~{version}" in taken:
        version += 1
    article.doc_id = f"{base}~{version}"
    for event in events:
        event.doc_id = article.doc_id


def _assign_event_ids(results: Sequence[tuple[Article, list[Event]]]) -> None:
    articles = [article for article, _ in results]
    mentions = [event for _, events in results for event in events]
    resolve(articles, mentions)


def _partial_line(article: Article, events: Sequence[Event]) -> dict:
    return {
        "article": {
            "doc_id": article.doc_id,
            "text": article.text,
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "published_source": article.published_source,
            "source_name": article.source_name,
            "language": article.language,
            "found_via": article.found_via,
        },
        "events": [{**event.to_record(), "evidence_start": event.evidence_start} for event in events],
    }


def _read_partial(path: Path) -> dict[str, tuple[Article, list[Event]]]:
    from datetime import date

    done: dict[str, tuple[Article, list[Event]]] = {}
    if not path.exists():
        return done
    for line in path.read_text("utf-8").splitlines():
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue  # the line being written when the run was interrupted
        meta = data["article"]
        published_text = meta.pop("published", None)
        published = date.fromisoformat(published_text) if published_text else None
        article = Article(published=published, **meta)
        events = []
        for record in data["events"]:
            event = Event.from_record(record, doc_id=article.doc_id)
            event.evidence_start = record.get("evidence_start")
            event.event_id = None
            events.append(event)
        done[article.doc_id] = (article, events)
    return done
