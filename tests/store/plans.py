"""A connection stand-in that records the plan SQLite chose for each statement it passes on."""

from __future__ import annotations

import sqlite3
from typing import Any


class PlanRecorder:
    """Passes statements on to SQLite and keeps the plan it chose for each."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.plans: list[str] = []

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        plan = self.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        self.plans.append(" | ".join(str(row[3]) for row in plan))
        return self.conn.execute(sql, params)
