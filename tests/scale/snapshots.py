"""What must come out the same whichever way a database was filled: events as the CLI and API
give them, articles with their doc ids and content hashes, mentions with their events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import detente
from detente.store import open_store


def snapshot(location: Path | str) -> dict[str, Any]:
    with detente.open(location) as query:
        page = query.events(limit=10000)
        events = [item.to_dict() for item in page.items]
    with open_store(location) as store:
        articles = sorted((a.doc_id, a.hash) for a in store.articles())
        mentions = sorted((m.doc_id or "", m.evidence, m.event_id or "") for m in store.mentions())
        unresolved = store.unresolved_count()
    return {"events": events, "articles": articles, "mentions": mentions, "unresolved": unresolved}
