"""PostgreSQL and Dask against SQLite and one process, on CC-NEWS-shaped WARC archives, in one run.

The archives are written at run time into a temporary folder (never committed): each
article of ../shared/corpora/background-news.jsonl and ../shared/seeds becomes an HTML
page (title, date, paragraphs) in a gzipped WARC response record, with its HTTP headers,
spread over --files archives the way CC-NEWS spreads a month over its files; --copies
repeats the corpus, each copy with its own URLs and a line that makes its text new.

Measured, each run a fresh process into an empty database: `detente ingest` of every
archive in one process (the baseline), with `--dask local:1` and with `--dask local:2`,
into SQLite and into PostgreSQL (a server the bench starts in a temporary folder, with
synchronous_commit=off: SQLite's WAL with synchronous=NORMAL does not wait for the disk
either). Figures: pages/s over the whole command (model loading and cluster start
included), the speed-up of 2 workers over 1 (the aim on 2 cores: >= 1.6) and over one
process, and peak memory (client, and the largest worker). --rounds repeats every run;
the median is reported with the spread. The machine is shared: read the spread.

    .venv/bin/python bench/bench_scale.py [--copies 8] [--files 16] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MODES = ("one process", "dask local:1", "dask local:2")
CHILD = """
import json, resource, sys, time
from pathlib import Path
from detente.scale.tasks import peak_rss_mb
mode, folder, db = sys.argv[1], sys.argv[2], sys.argv[3]
location = db if db.startswith("postgresql://") else Path(db)
start = time.perf_counter()
if mode == "one process":
    from detente.pipeline import ingest_sources
    summary = ingest_sources([folder], location, progress=False)
else:
    from detente.scale.dask_run import ingest_with_dask
    summary = ingest_with_dask([folder], location, mode.split()[1], progress=False)
seconds = time.perf_counter() - start
own, reaped = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "cpu_s": own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime,
    "seconds": seconds, "read": summary.read, "new": summary.new, "failed": summary.failed,
    "events": summary.events,
    "client_mb": peak_rss_mb(),
    "worker_mb": max(summary.worker_peak_mb.values(), default=0.0),
}))
"""


WRITER = """
import pickle, sys, time
from pathlib import Path
from detente.store import open_store
articles = pickle.loads(Path(sys.argv[2]).read_bytes())
location = sys.argv[1] if sys.argv[1].startswith("postgresql://") else Path(sys.argv[1])
with open_store(location) as store:
    start = time.perf_counter()
    stored = sum(store.add_article(article, []) for article in articles)
print(stored, time.perf_counter() - start)
"""


def page_weights(sample: int = 60) -> dict[str, float]:
    """CPU milliseconds of reading (HTML to article: trafilatura, htmldate) per page, for the
    bench's light pages and for the same pages wrapped in what a real news site puts round an
    article (100 teaser links, 70 KB of inline script: about 85 KB, the size of a typical
    CC-NEWS record's page), the figure a forecast for real archives starts from."""
    from detente.ingest.html_reader import article_from_html

    corpus = pages()[:sample]
    teasers = "".join(
        f"<div class='teaser'><a href='/news/{n}'>Related story number {n} on the region</a>"
        f"<span>{n} min read</span></div>"
        for n in range(100)
    )
    script = "".join(
        f"var slot{n} = {{'id': {n}, 'size': [300, 250], 'targeting': 'news,world'}};" for n in range(900)
    )
    chrome = f"{teasers}<script>{script}</script>"
    found = {}
    for label, wrap in (("light", ""), ("heavy", chrome)):
        documents = [
            page_html(page, 0).decode().replace("<footer>", f"<aside>{wrap}</aside><footer>")
            for page in corpus
        ]
        article_from_html(documents[0], doc_id="warm", url=None, found_via="html")  # imports, dateparser
        start = time.process_time()
        for number, document in enumerate(documents):
            article_from_html(
                document, doc_id=f"p{number}", url=f"https://x.example/{number}", found_via="html"
            )
        found[label] = 1000 * (time.process_time() - start) / len(documents)
        found[f"{label}_bytes"] = sum(len(d) for d in documents) / len(documents)
    print(
        f"reading cost: {found['light']:.1f} ms per light page ({found['light_bytes'] / 1000:.0f} KB),"
        f" {found['heavy']:.1f} ms per heavy page ({found['heavy_bytes'] / 1000:.0f} KB)",
        flush=True,
    )
    return found


def write_rates(temp: Path, server: object, total: int, writers: tuple[int, ...]) -> dict:
    """Articles/s stored by `writers` processes at once, each its share of `total` distinct
    articles (real corpus texts, no extraction): the store's own write rate."""
    from detente.ingest import IngestOptions, read_sources
    from detente.models import Article

    corpus = [
        item
        for item in read_sources([str(SHARED / "corpora" / "background-news.jsonl")], IngestOptions())
        if isinstance(item, Article)
    ]
    articles = []
    for copy in range(total // len(corpus) + 1):
        for article in corpus:
            text = f"{article.text}\nArchived copy {copy}."
            articles.append(Article(f"{article.doc_id}-{copy}", text))
    articles = articles[:total]
    rates: dict = {}
    for store in ("sqlite", "postgresql"):
        for count in writers:
            db = (
                str(temp / f"write-{count}.db")
                if store == "sqlite"
                else server.create_database(f"write_{count}")  # type: ignore[attr-defined]
            )
            open_store_once(db)
            shares = []
            for number in range(count):
                share = temp / f"share-{store}-{count}-{number}.pickle"
                share.write_bytes(pickle.dumps(articles[number::count]))
                shares.append(share)
            start = time.perf_counter()
            runs = [
                subprocess.Popen(
                    [sys.executable, "-c", WRITER, db, str(share)], stdout=subprocess.PIPE, text=True
                )
                for share in shares
            ]
            stored = sum(int(run.communicate()[0].split()[0]) for run in runs)
            seconds = time.perf_counter() - start
            rates.setdefault(store, {})[count] = {"articles_per_s": stored / seconds, "stored": stored}
            print(
                f"store write rate {store:10} {count} writer(s): {stored / seconds:7.1f} articles/s",
                flush=True,
            )
    return rates


def open_store_once(db: str) -> None:
    """Create the schema before the writers start, so they time writes only."""
    from detente.store import open_store

    open_store(db if db.startswith("postgresql://") else Path(db)).close()


def pages() -> list[dict[str, str]]:
    """The background corpus and the seeds as page records (url, title, date, text)."""
    found = []
    with (SHARED / "corpora" / "background-news.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"]
            found.append(
                {
                    "id": record["id"],
                    "source": record.get("source") or "news",
                    "text": text,
                    "title": text[:70].split(".")[0],
                    "date": record.get("date") or "",
                }
            )
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        found.append(
            {
                "id": seed.stem,
                "source": "seeds",
                "text": text,
                "title": text.splitlines()[0][:120],
                "date": "",
            }
        )
    return found


def page_html(page: dict[str, str], copy: int) -> bytes:
    paragraphs = [p.strip() for p in page["text"].split("\n") if p.strip()]
    if copy:
        paragraphs.append(f"Archived copy {copy} of this report.")
    meta = (
        f'<meta property="article:published_time" content="{html.escape(page["date"])}">'
        if page["date"]
        else ""
    )
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(page['title'])}</title>"
        f"{meta}</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(page['title'])}</h1>{body}</article>"
        "<footer>(c) The Example Times. All rights reserved.</footer></body></html>"
    ).encode()


def write_archives(folder: Path, copies: int, files: int) -> int:
    """`files` WARC.gz archives holding every page `copies` times; the number of pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    corpus = pages()
    streams = [(folder / f"CC-NEWS-20250101000000-{n:05d}.warc.gz").open("wb") for n in range(files)]
    writers = [WARCWriter(stream, gzip=True) for stream in streams]
    count = 0
    for copy in range(copies):
        for page in corpus:
            url = f"https://{page['source']}.example.com/news/{page['id']}-{copy}"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writers[count % files].create_warc_record(
                url,
                "response",
                payload=io.BytesIO(page_html(page, copy)),
                http_headers=headers,
                warc_headers_dict={
                    "WARC-Date": datetime(2025, 1, 1, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                },
            )
            writers[count % files].write_record(record)
            count += 1
    for stream in streams:
        stream.close()
    return count


def run_once(mode: str, folder: Path, db: str) -> dict[str, float]:
    """One ingest in a fresh process; its figures, with the machine's load average when it began
    (other work on a shared machine takes cores the workers would use)."""
    load = os.getloadavg()[0]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder), db], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{mode} into {db} failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["load"] = load
    return figures


def spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main() -> int:
    global SHARED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8, help="times the corpus is repeated (default 8)")
    parser.add_argument("--files", type=int, default=16, help="WARC.gz archives to spread the pages over")
    parser.add_argument("--rounds", type=int, default=3, help="runs of every configuration")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument(
        "--write-rate",
        type=int,
        default=0,
        metavar="N",
        help="also measure the store's write rate: N articles by 1, 2 and 4 writers at once",
    )
    parser.add_argument("--only-write-rate", action="store_true", help="measure the write rate only")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default ../shared)")
    args = parser.parse_args()
    SHARED = args.shared
    if not (SHARED / "corpora" / "background-news.jsonl").exists():
        print("../shared/corpora is absent: nothing to measure", file=sys.stderr)
        return 2
    from detente.store.local_server import start_local_postgres

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp:
        folder = Path(temp) / "warc"
        folder.mkdir()
        total = write_archives(folder, args.copies, args.files)
        size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        print(f"{total} pages in {args.files} WARC.gz archives ({size:.1f} MB)", flush=True)
        server = start_local_postgres({"synchronous_commit": "off"})
        rates = None
        weights = page_weights()
        try:
            if args.write_rate:
                rates = write_rates(Path(temp), server, args.write_rate, (1, 2, 4))
            if args.only_write_rate:
                print(json.dumps(rates, indent=2))
                return 0
            runs: dict[str, dict[str, list[dict[str, float]]]] = {"sqlite": {}, "postgresql": {}}
            number = 0
            for round_number in range(args.rounds):
                for store in runs:
                    for mode in MODES:
                        number += 1
                        db = (
                            str(Path(temp) / f"run{number}.db")
                            if store == "sqlite"
                            else server.create_database(f"run{number}")
                        )
                        figures = run_once(mode, folder, db)
                        figures["pages_per_s"] = figures["read"] / figures["seconds"]
                        runs[store].setdefault(mode, []).append(figures)
                        print(
                            f"round {round_number + 1} {store:10} {mode:13}"
                            f" {figures['pages_per_s']:7.1f} pages/s"
                            f" ({figures['seconds']:.1f} s, {figures['new']} new, {figures['events']} events,"
                            f" client {figures['client_mb']:.0f} MB, worker {figures['worker_mb']:.0f} MB,"
                            f" {figures['cpu_s']:.0f} CPU s, load {figures['load']:.1f})",
                            flush=True,
                        )
        finally:
            server.stop()
    report = summarise(runs)
    report["write_rates"] = rates
    report["reading_ms_per_page"] = weights
    print_report(report)
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


def summarise(runs: dict[str, dict[str, list[dict[str, float]]]]) -> dict:
    report: dict = {}
    for store, by_mode in runs.items():
        rates = {mode: spread([r["pages_per_s"] for r in rows]) for mode, rows in by_mode.items()}
        one, two, plain = (rates[m]["median"] for m in ("dask local:1", "dask local:2", "one process"))
        report[store] = {
            "pages_per_s": rates,
            "speedup_2_over_1": two / one,
            "speedup_2_over_one_process": two / plain,
            "peak_client_mb": {m: max(r["client_mb"] for r in rows) for m, rows in by_mode.items()},
            "peak_worker_mb": {m: max(r["worker_mb"] for r in rows) for m, rows in by_mode.items()},
            "events": {m: sorted({r["events"] for r in rows}) for m, rows in by_mode.items()},
            "cpu_s": {m: spread([r["cpu_s"] for r in rows]) for m, rows in by_mode.items()},
            "load": {m: spread([r["load"] for r in rows]) for m, rows in by_mode.items()},
        }
    report["postgresql_over_sqlite"] = {
        mode: report["postgresql"]["pages_per_s"][mode]["median"]
        / report["sqlite"]["pages_per_s"][mode]["median"]
        for mode in MODES
    }
    return report


def print_report(report: dict) -> None:
    print("\nstore       mode            pages/s median (min-max)   peak MB client/worker")
    for store in ("sqlite", "postgresql"):
        for mode in MODES:
            rate = report[store]["pages_per_s"][mode]
            client, worker = report[store]["peak_client_mb"][mode], report[store]["peak_worker_mb"][mode]
            print(
                f"{store:11} {mode:14} {rate['median']:8.1f} ({rate['min']:.1f}-{rate['max']:.1f})"
                f"        {client:5.0f} / {worker:.0f}"
            )
        print(
            f"{store:11} speed-up of 2 workers over 1: {report[store]['speedup_2_over_1']:.2f}x (aim >= 1.6);"
            f" over one process: {report[store]['speedup_2_over_one_process']:.2f}x"
        )
    ratios = ", ".join(f"{m} {r:.2f}" for m, r in report["postgresql_over_sqlite"].items())
    print(f"postgresql / sqlite pages/s: {ratios}")


if __name__ == "__main__":
    sys.exit(main())
