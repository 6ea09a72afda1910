"""Articles for the extraction dev script and gold tests.

Ingest (`detente.ingest.read_sources`) is the real reader; while another area is
mid-edit it may not import, so a minimal reader (the ` date YYYY-MM-DD` prefix and
a "Month D, YYYY" line near the top) keeps the extraction numbers measurable.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from detente.models import Article, IngestError

_DATE_PREFIX = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s*")
_LINE_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? (\d{1,2}),? (\d{4})\b"
)


def read_folder(folder: Path) -> Iterator[Article]:
    try:
        from detente.ingest import read_sources
    except Exception as exc:  # another area's work in progress must not stop extraction measurements
        print(f"ingest unavailable ({exc}); using the minimal reader", file=sys.stderr)
        yield from _minimal(folder)
        return
    for item in read_sources([str(folder)]):
        if isinstance(item, IngestError):
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
            continue
        yield item


def _minimal(folder: Path) -> Iterator[Article]:
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        published = None
        prefix = _DATE_PREFIX.match(text)
        if prefix:
            published = date.fromisoformat(prefix.group(1))
            text = text[prefix.end() :]
        else:
            for line in text.splitlines()[:12]:
                found = _LINE_DATE.search(line)
                if found:
                    month = found.group(1)[:3]
                    published = datetime.strptime(
                        f"{month} {found.group(2)} {found.group(3)}", "%b %d %Y"
                    ).date()
                    break
        yield Article(
            doc_id=path.stem,
            text=text,
            published=published,
            published_source="explicit" if published else "unknown",
        )
