"""The statuses of an action item: codes (stored, typed on the command line) and German words.

Imports nothing, so the CLI can offer the choices without loading the register (SQLAlchemy).
"""
from __future__ import annotations

STATUSES = ("open", "confirmed", "rejected", "done")
"""Statuses a person can set."""
REMOVED = "removed"
"""Effective status of an unreviewed item that is no longer in its minutes."""
OPEN_STATUSES = ("open", "confirmed")
STATUS_LABELS_DE = {"open": "offen", "confirmed": "bestätigt", "rejected": "verworfen", "done": "erledigt", "removed": "entfernt"}
"""The statuses as people read them (register, review page, exports, CLI)."""

__all__ = ["OPEN_STATUSES", "REMOVED", "STATUSES", "STATUS_LABELS_DE"]
