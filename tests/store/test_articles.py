from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from tests.store.conftest import integrity_errors

from detente.models import Article, Event, EventDate, Participant, Place
from detente.store import Store, open_store

TEXT = "Ghana and Nigeria agreed on Friday to hold a joint naval exercise in the Gulf of Guinea."


def _article(doc_id: str = "ghana-nigeria", text: str = TEXT) -> Article:
    return Article(
        doc_id,
        text,
        title="Gulf of Guinea drill",
        url="https://news.example/gg",
        published=date(2025, 5, 2),
        published_source="explicit",
        source_name="Accra Mail",
        found_via="html",
    )


def _mention(evidence: str = TEXT, **changes: object) -> Event:
    values: dict[str, object] = {
        "type": "exercise",
        "status": "planned",
        "countries": ["GHA", "NGA"],
        "evidence": evidence,
        "date": EventDate(date(2025, 6, 1), date(2025, 6, 30), "month"),
        "participants": [Participant("Kwame Asante", "Chief of Naval Staff", "GHA")],
        "location": Place("Gulf of Guinea", None),
        "topics": ["maritime"],
        "evidence_start": 0,
    }
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def _counts(store: Store) -> tuple[int, int]:
    conn = store.connection
    return (
        conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
        conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0],
    )


def test_an_article_and_its_mentions_come_back_as_stored(store: Store) -> None:
    article, mention = _article(), _mention()
    assert store.add_article(article, [mention])
    assert store.articles() == [article]
    [stored] = store.mentions()
    mention.doc_id = article.doc_id
    assert stored == mention
    assert store.has_article(article.hash)


def test_re_adding_the_same_text_is_a_no_op(store: Store) -> None:
    assert store.add_article(_article(), [_mention()])
    first = store.connection.execute("SELECT * FROM articles").fetchall()
    copy = _article(doc_id="another-name", text=TEXT.replace(" ", "  ") + "\n")
    assert not store.add_article(copy, [_mention(), _mention()])
    assert _counts(store) == (1, 1)
    assert [tuple(r) for r in store.connection.execute("SELECT * FROM articles")] == [tuple(r) for r in first]


def test_a_new_text_under_a_taken_doc_id_is_kept_under_a_versioned_id(store: Store) -> None:
    assert store.add_article(_article(), [_mention()])
    updated = _article(text=TEXT + " The drill was later postponed.")
    assert store.add_article(updated, [_mention()])
    assert store.add_article(_article(text=TEXT + " Third version."), [])
    assert [a.doc_id for a in store.articles()] == ["ghana-nigeria", "ghana-nigeria~2", "ghana-nigeria~3"]
    assert store.doc_id_of(updated.hash) == "ghana-nigeria~2"
    assert sorted({m.doc_id for m in store.mentions()}) == ["ghana-nigeria", "ghana-nigeria~2"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "summit"}, "unknown event type 'summit'"),
        ({"status": "rumoured"}, "unknown status 'rumoured'"),
        ({"countries": []}, "at least one country"),
        ({"doc_id": "some-other-article"}, "belongs to doc_id 'some-other-article'"),
    ],
)
def test_an_invalid_mention_is_refused_and_nothing_is_stored(
    store: Store, change: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        store.add_article(_article(), [_mention(), _mention(**change)])
    assert "ghana-nigeria" in str(caught.value)
    assert _counts(store) == (0, 0)


def test_a_failure_inside_the_transaction_rolls_back_the_article(store: Store) -> None:
    """The second mention breaks a NOT NULL constraint after the article row is already written."""
    broken = _mention()
    broken.evidence = None  # type: ignore[assignment]
    with pytest.raises(integrity_errors()):
        store.add_article(_article(), [_mention(), broken])
    assert _counts(store) == (0, 0)
    assert not store.has_article(_article().hash)
    if store.dialect.name == "sqlite":  # PostgreSQL's text index is an index of the table itself
        assert store.connection.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == 0
    assert store.add_article(_article(), [_mention()])


WRITER = """
import sys
from detente.models import Article, Event
from detente.store import open_store

store = open_store(sys.argv[1])
n = 0
while True:
    text = f"Article {n}: " + "Ghana and Nigeria held talks on maritime security. " * 50
    mentions = [
        Event("meeting", "occurred", ["GHA", "NGA"], f"Sentence {i} of article {n}.") for i in range(300)
    ]
    store.add_article(Article(f"doc-{n}", text), mentions)
    n += 1
    if n == 3:
        print("writing", flush=True)
"""


def test_killing_a_writer_mid_batch_leaves_only_whole_articles(tmp_path: Path) -> None:
    path = tmp_path / "killed.db"
    open_store(path).close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, env=env, text=True
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "writing"
    time.sleep(0.3)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)

    with open_store(path) as store:
        per_article = store.connection.execute(
            "SELECT a.doc_id, COUNT(m.id) FROM articles a LEFT JOIN mentions m USING (doc_id)"
            " GROUP BY a.doc_id"
        ).fetchall()
        orphans = store.connection.execute(
            "SELECT COUNT(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM articles)"
        ).fetchone()[0]
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(per_article) >= 3
    assert {count for _, count in per_article} == {300}
    assert orphans == 0
