"""The content-hash ledger (SQLite): which bytes were processed, failed or are in progress, and
the output stem each input file name was given."""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..fileio import safe_stem  # same stems as `protokollant process`
from .layout import LEDGER_FILE, STATE_DIR


@dataclass
class LedgerEntry:
    sha256: str
    file_name: str
    stem: str
    status: str
    """processing | filing | processed | failed | superseded | queued"""
    time: str
    outputs: dict[str, str]
    attempts: int


class Ledger:
    """Content-hash ledger in ``OUTBOX/.protokollant/ledger.sqlite3``.

    ``documents``: one row per content hash (primary key → O(1) lookup).
    ``stems``: input file name → output stem, assigned once and kept forever.
    """

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS documents (
        sha256     TEXT PRIMARY KEY,
        file_name  TEXT NOT NULL,
        stem       TEXT NOT NULL,
        status     TEXT NOT NULL,
        time       TEXT NOT NULL,
        outputs    TEXT NOT NULL DEFAULT '{}',
        attempts   INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS documents_stem ON documents(stem);
    CREATE TABLE IF NOT EXISTS stems (
        file_name  TEXT PRIMARY KEY,
        stem       TEXT NOT NULL,
        stem_key   TEXT NOT NULL UNIQUE
    );
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(self.path), timeout=30)
        with self._conn:
            self._conn.executescript(self.SCHEMA)

    @classmethod
    def open(cls, outbox: str | os.PathLike) -> Ledger:
        return cls(Path(outbox) / STATE_DIR / LEDGER_FILE)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _entry(row: tuple) -> LedgerEntry:
        sha, name, stem, status, t, outputs, attempts = row
        return LedgerEntry(sha, name, stem, status, t, json.loads(outputs or "{}"), attempts)

    def lookup(self, sha256: str) -> LedgerEntry | None:
        row = self._conn.execute(
            "SELECT sha256, file_name, stem, status, time, outputs, attempts FROM documents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return self._entry(row) if row else None

    def entries(self) -> list[LedgerEntry]:
        rows = self._conn.execute("SELECT sha256, file_name, stem, status, time, outputs, attempts FROM documents ORDER BY time, file_name")
        return [self._entry(r) for r in rows]

    def stem_for(self, file_name: str) -> str:
        """The output stem of this input file name: assigned on first sight, then fixed."""
        with self._conn:
            row = self._conn.execute("SELECT stem FROM stems WHERE file_name = ?", (file_name,)).fetchone()
            if row:
                return row[0]
            base = safe_stem(file_name)
            n = 1
            while True:
                stem = base if n == 1 else f"{base}-{n}"
                if not self._conn.execute("SELECT 1 FROM stems WHERE stem_key = ?", (stem.casefold(),)).fetchone():
                    break
                n += 1
            self._conn.execute("INSERT INTO stems (file_name, stem, stem_key) VALUES (?, ?, ?)", (file_name, stem, stem.casefold()))
            return stem

    def current_for_stem(self, stem: str) -> LedgerEntry | None:
        row = self._conn.execute(
            "SELECT sha256, file_name, stem, status, time, outputs, attempts FROM documents WHERE stem = ? AND status = 'processed'", (stem,)
        ).fetchone()
        return self._entry(row) if row else None

    def begin_attempt(self, sha256: str, file_name: str, stem: str, when: str) -> int:
        """Count an attempt for this content (before processing). Returns the attempt number."""
        with self._conn:
            row = self._conn.execute("SELECT status, attempts FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
            attempts = (row[1] + 1) if row and row[0] == "processing" else 1
            self._conn.execute(
                """INSERT INTO documents (sha256, file_name, stem, status, time, attempts) VALUES (?, ?, ?, 'processing', ?, ?)
                   ON CONFLICT(sha256) DO UPDATE SET file_name = excluded.file_name, stem = excluded.stem,
                   status = 'processing', time = excluded.time, attempts = excluded.attempts""",
                (sha256, file_name, stem, when, attempts),
            )
        return attempts

    def undo_attempt(self, sha256: str) -> None:
        """Take back the attempt ``begin_attempt`` counted when processing never started (no worker took the batch).

        With no earlier attempt left the row becomes "queued": not a suspect,
        not a duplicate, so the document is simply batched again next run.
        """
        with self._conn:
            self._conn.execute(
                """UPDATE documents SET attempts = attempts - 1,
                   status = CASE WHEN attempts - 1 <= 0 THEN 'queued' ELSE status END
                   WHERE sha256 = ? AND status = 'processing'""",
                (sha256,),
            )

    def record(self, sha256: str, file_name: str, stem: str, status: str, when: str, outputs: dict[str, str] | None = None) -> None:
        """The final row for this content ("processed" or "failed"); written last."""
        with self._conn:
            if status == "processed":
                self._conn.execute(
                    "UPDATE documents SET status = 'superseded' WHERE stem = ? AND sha256 != ? AND status = 'processed'", (stem, sha256)
                )
            self._conn.execute(
                """INSERT INTO documents (sha256, file_name, stem, status, time, outputs, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)
                   ON CONFLICT(sha256) DO UPDATE SET file_name = excluded.file_name, stem = excluded.stem, status = excluded.status,
                   time = excluded.time, outputs = excluded.outputs, attempts = 0""",
                (sha256, file_name, stem, status, when, json.dumps(outputs or {}, ensure_ascii=False)),
            )
