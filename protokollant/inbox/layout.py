"""Inbox layout: folder and file names, skip reasons, the inbox's errors and small helpers."""
from __future__ import annotations

from datetime import datetime, timezone

from ..errors import ProtokollantError

PROCESSING_DIR = ".processing"
PROCESSED_DIR = "processed"
FAILED_DIR = "failed"
STATE_DIR = ".protokollant"
LEDGER_FILE = "ledger.sqlite3"
RUN_LOCK_FILE = "run.lock"
INBOX_LOCK_FILE = ".lock"
MAX_ATTEMPTS = 3
"""A document that killed the run this many times is moved to failed/."""

BUSY_MESSAGE = "another run is active"
DUPLICATE_NOTE = "bereits verarbeitet"

# Skip reasons (machine code → German message)
SKIP_LOCK_FILE = "lock-file"
SKIP_UNSTABLE = "still-being-written"
SKIP_CLAIM_CONFLICT = "claim-conflict"
SKIP_VANISHED = "vanished"
SKIP_MESSAGES = {
    SKIP_LOCK_FILE: "Word-Sperrdatei",
    SKIP_UNSTABLE: "wird noch geschrieben (Größe/Änderungszeit nicht stabil)",
    SKIP_CLAIM_CONFLICT: "eine gleichnamige Datei wird bereits verarbeitet",
    SKIP_VANISHED: "Datei ist während des Laufs verschwunden",
}


class InboxError(ProtokollantError):
    """The inbox cannot be used at all (missing folder, …)."""


class RunLockedError(ProtokollantError):
    """Another run holds the inbox/outbox lock."""


class ClaimSkipped(Exception):
    """A candidate was not claimed; ``reason`` is one of the SKIP_* codes."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {SKIP_MESSAGES.get(reason, reason)}")


def iso_utc(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds")


def is_temp_name(name: str) -> bool:
    low = name.lower()
    return name.startswith(".") or low.endswith(".tmp")


def is_word_owner_file(name: str) -> bool:
    return name.startswith("~$")
